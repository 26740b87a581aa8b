use super::*;
use crate::format;
use crate::model::id::Id;
use crate::start::sample;

/// A file in memory, answering the protocol's steps as the browser's file API does:
/// its stamp moves at each write; a write can be made to fail, and another writer can
/// write between the protocol's steps.
#[derive(Default)]
struct File {
    text: String,
    clock: f64,
    fail_next: Option<FileFailure>,
    /// Another writer's text, written after so many more steps.
    between: Option<(usize, String)>,
    writes: usize,
    /// How many times a visit asked for the text it writes.
    texts_made: usize,
}

/// A visit, and the plan's file text it writes when asked (`Ask::Write`).
struct Visit {
    start: (Sync, Ask),
    text: Option<String>,
}

/// A visit that writes `plan`'s file over `synced`.
fn write(id: &Id, synced: Option<Synced>, plan: &Plan) -> Visit {
    let text = format::save(plan);
    Visit { start: Sync::write(id, synced, format::digest(&text)), text: Some(text) }
}

/// A visit that looks at the file, known to hold `synced`.
fn check(id: &Id, synced: Option<Synced>) -> Visit {
    Visit { start: Sync::check(id, synced), text: None }
}

impl File {
    fn holding(text: &str) -> File {
        let mut file = File::default();
        file.put(text);
        file
    }

    fn put(&mut self, text: &str) {
        self.text = text.to_owned();
        self.clock += 1000.0;
    }

    fn stamp(&self) -> Stamp {
        Stamp { modified: self.clock, size: self.text.len() as u64 }
    }

    fn step(&mut self) {
        if let Some((steps, text)) = self.between.take() {
            if steps == 0 {
                self.put(&text);
            } else {
                self.between = Some((steps - 1, text));
            }
        }
    }

    /// Runs one visit of the protocol to its end.
    fn answer(&mut self, visit: Visit) -> Outcome {
        let ((mut sync, mut ask), text) = (visit.start, visit.text);
        let mut read = String::new();
        loop {
            self.step();
            ask = match ask {
                Ask::Done(outcome) => return outcome,
                Ask::Stamp => sync.stamp(self.stamp()),
                Ask::Text => {
                    read = self.text.clone();
                    sync.read(self.stamp(), format::digest(&read))
                }
                // Loaded a slice at a time, as the page loads it.
                Ask::Load => {
                    let mut reading = format::Reading::new(&read);
                    let loaded = loop {
                        if let Some(loaded) = reading.step(64) {
                            break loaded.map(|opened| opened.plan);
                        }
                    };
                    sync.loaded(read.as_bytes(), loaded)
                }
                Ask::Prepare => {
                    self.texts_made += 1;
                    sync.prepared()
                }
                Ask::Write => {
                    match self.fail_next.take() {
                        // A failed write leaves the file as it was.
                        Some(failure) => sync.failed(failure),
                        None => {
                            self.put(text.as_deref().expect("only a visit that writes is asked to write"));
                            self.writes += 1;
                            sync.written(self.stamp())
                        }
                    }
                }
            }
        }
    }
}

/// A file this page wrote `plan` to, and the version it holds.
fn linked(plan: &Plan) -> (File, Synced) {
    let mut file = File::default();
    let synced = synced_of(&file.answer(write(&plan.id, None, plan)));
    (file, synced)
}

/// `plan` under another title: a version of it.
fn titled(plan: &Plan, title: &str) -> Plan {
    let mut version = plan.clone();
    version.title = title.into();
    version
}

fn plan() -> Plan {
    sample::sample_plan_on(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap())
}

fn synced_of(outcome: &Outcome) -> Synced {
    match outcome {
        Outcome::Written(s) | Outcome::Unchanged(s) | Outcome::NotThisPlan(_, s) => s.clone(),
        Outcome::Theirs { synced, .. } => synced.clone(),
        Outcome::Failed(failure) => panic!("failed: {failure:?}"),
    }
}

#[test]
fn a_new_empty_file_is_written_then_each_change_over_the_version_written() {
    let mut plan = plan();
    let mut file = File::default();
    let first = file.answer(write(&plan.id, None, &plan));
    assert!(matches!(first, Outcome::Written(_)), "{first:?}");
    assert_eq!(file.text, format::save(&plan));
    plan.title.push_str(" (révisé)");
    let second = file.answer(write(&plan.id, Some(synced_of(&first)), &plan));
    assert!(matches!(second, Outcome::Written(_)), "{second:?}");
    assert_eq!(file.text, format::save(&plan));
    assert_eq!(file.writes, 2);
}

#[test]
fn the_same_text_is_not_written_again() {
    let plan = plan();
    let mut file = File::default();
    let first = file.answer(write(&plan.id, None, &plan));
    let again = file.answer(write(&plan.id, Some(synced_of(&first)), &plan));
    assert!(matches!(again, Outcome::Unchanged(_)), "{again:?}");
    assert_eq!(file.writes, 1);
}

#[test]
fn a_colleagues_version_is_handed_back_for_merging_and_never_written_over() {
    let mine = plan();
    let (mut file, synced) = linked(&mine);
    let theirs = titled(&mine, "Leur version");
    file.put(&format::save(&theirs));
    let changed = titled(&mine, "Ma version");
    let outcome = file.answer(write(&mine.id, Some(synced), &changed));
    match outcome {
        Outcome::Theirs { plan, synced } => {
            assert_eq!(plan.title, "Leur version");
            assert_eq!(synced.digest, format::digest(&file.text));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(file.text, format::save(&theirs), "their file is left as they wrote it");
    assert_eq!(file.texts_made, 1, "the visit that finds their version never asks for the text");
}

#[test]
fn a_colleagues_version_written_while_the_text_is_made_is_never_written_over() {
    let mine = plan();
    let changed = titled(&mine, "Ma version");
    let theirs = titled(&mine, "Leur version");
    // The visit looks at the stamp (unchanged), makes the text, looks again, writes:
    // their version lands while the text is made, or just after.
    for steps in [1, 2] {
        let (mut file, synced) = linked(&mine);
        file.between = Some((steps, format::save(&theirs)));
        let outcome = file.answer(write(&mine.id, Some(synced), &changed));
        assert!(matches!(&outcome, Outcome::Theirs { plan, .. } if plan.title == "Leur version"), "{outcome:?}");
        assert_eq!(file.text, format::save(&theirs));
    }
}

#[test]
fn a_touched_file_with_the_same_text_is_still_the_version_known() {
    let plan = plan();
    let mut file = File::default();
    let synced = synced_of(&file.answer(write(&plan.id, None, &plan)));
    // A synchronisation service wrote the same bytes back: the date moved, not the text.
    let same = file.text.clone();
    file.put(&same);
    let check = file.answer(check(&plan.id, Some(synced)));
    match check {
        Outcome::Unchanged(now) => assert_eq!(now.stamp, file.stamp()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_file_replaced_by_something_else_is_never_written_over() {
    let plan = plan();
    let mut file = File::default();
    let synced = synced_of(&file.answer(write(&plan.id, None, &plan)));
    file.put("Budget 2026\tMontant\n");
    let outcome = file.answer(write(&plan.id, Some(synced.clone()), &plan));
    assert!(matches!(outcome, Outcome::NotThisPlan(NotThisPlan::NotAPlan(_), _)), "{outcome:?}");
    let mut other = plan.clone();
    other.id = Id::new("un-autre-plan");
    other.title = "Un autre plan".into();
    file.put(&format::save(&other));
    let outcome = file.answer(write(&plan.id, Some(synced), &plan));
    assert!(matches!(&outcome, Outcome::NotThisPlan(NotThisPlan::OtherPlan { title }, _) if title == "Un autre plan"));
    assert_eq!(file.text, format::save(&other));
}

#[test]
fn a_chosen_file_that_holds_text_is_read_before_anything_is_written() {
    let plan = plan();
    let mut file = File::holding("des notes");
    let outcome = file.answer(write(&plan.id, None, &plan));
    assert!(matches!(outcome, Outcome::NotThisPlan(NotThisPlan::NotAPlan(_), _)), "{outcome:?}");
    assert_eq!(file.text, "des notes");
}

#[test]
fn a_failed_write_leaves_the_file_and_is_said_then_the_retry_writes() {
    let mut plan = plan();
    let mut file = File::default();
    let synced = synced_of(&file.answer(write(&plan.id, None, &plan)));
    let before = file.text.clone();
    plan.title.push_str(" (révisé)");
    file.fail_next = Some(FileFailure::Locked);
    let outcome = file.answer(write(&plan.id, Some(synced.clone()), &plan));
    assert_eq!(outcome, Outcome::Failed(FileFailure::Locked));
    assert!(FileFailure::Locked.passing());
    assert_eq!(file.text, before);
    let retry = file.answer(write(&plan.id, Some(synced), &plan));
    assert!(matches!(retry, Outcome::Written(_)), "{retry:?}");
    assert_eq!(file.text, format::save(&plan));
}

#[test]
fn the_browsers_errors_are_read_by_name() {
    assert_eq!(FileFailure::from_name("AbortError"), FileFailure::Cancelled);
    assert_eq!(FileFailure::from_name("NotAllowedError"), FileFailure::Denied);
    assert_eq!(FileFailure::from_name("SecurityError"), FileFailure::Forbidden);
    assert_eq!(FileFailure::from_name("NotFoundError"), FileFailure::Gone);
    assert_eq!(FileFailure::from_name("NoModificationAllowedError"), FileFailure::Locked);
    assert_eq!(FileFailure::from_name("QuotaExceededError"), FileFailure::Full);
    assert!(!FileFailure::Denied.passing());
}

#[test]
fn the_copies_synchronisation_makes_are_recognised() {
    for (copy, original) in [
        ("PEVR-2023-2027-PORTABLE-12.json", "PEVR-2023-2027.json"),
        ("PEVR-2023-2027-DESKTOP_7B2-3.json", "PEVR-2023-2027.json"),
        ("PEVR-2023-2027 (1).json", "PEVR-2023-2027.json"),
        ("PEVR-2023-2027 - Copie.json", "PEVR-2023-2027.json"),
    ] {
        assert_eq!(copy_of(copy).as_deref(), Some(original), "{copy}");
    }
    for name in ["PEVR-2023-2027.json", "plan-2026-11-28.json", "PEVR (brouillon).json", "a-b.json"] {
        assert_eq!(copy_of(name), None, "{name}");
    }
}

#[test]
fn the_link_is_kept_beside_the_plan_and_forgotten_with_it() {
    use crate::storage::{memory::Memory, Session};
    let plan = plan();
    let mut store = Memory::new();
    let now = chrono::DateTime::from_timestamp(1_795_000_000, 0).unwrap();
    let mut session = Session::new(&mut store, now);
    let link = Link { file: "PEVR.json".into(), synced: None, written: Some(now), shared_computer: true };
    assert!(session.set_link(&plan.id, Some(&link)));
    assert_eq!(session.link(&plan.id), Some(link));
    session.delete_plan(&plan.id);
    assert_eq!(session.link(&plan.id), None);
}
