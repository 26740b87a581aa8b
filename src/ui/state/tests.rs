//! The reducer, natively: what each message makes of the state, with no browser.

use super::*;
use jalon::edit::history::What;
use jalon::model::id::Id;
use jalon::model::subject::Subject;
use jalon::start::sample::sample_plan;

/// The state of a page that opened `plan` as stored under `base`, nothing changed yet.
fn opened(plan: Plan) -> Rc<State> {
    Rc::new(State {
        plan: Rc::new(plan),
        revision: 0,
        unsaved: false,
        digest: Some("stored".into()),
        base: Some("base-1".into()),
        save_failed: None,
        refused_newer: false,
        storage_refused: false,
        exported: None,
        library: Rc::new(Vec::new()),
        lang: Lang::Fr,
        today: NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
        route: Route::Dashboard,
        notice: None,
        history: Rc::new(History::new(HISTORY_BUDGET)),
        walked: None,
        saved_at: None,
        conflict: None,
        leaving: None,
        settled: Rc::new(Vec::new()),
        drafted: 0,
        resume: None,
        home: None,
        theirs: None,
        arriving: None,
    })
}

fn retitle(title: &str) -> Msg {
    Msg::Edit { change: Change::SetTitle { title: title.into() }, act: Act::new(What::Title, Subject::Plan) }
}

#[test]
fn an_edit_changes_the_plan_keeps_its_undo_and_waits_to_be_saved() {
    let state = opened(sample_plan());
    let before = state.plan.title.clone();
    let next = state.reduce(retitle("Plan révisé"));
    assert_eq!(next.plan.title, "Plan révisé");
    assert_eq!(next.revision, 1);
    assert!(next.unsaved && next.wants_saving());
    assert!(next.keeping() == Keeping::Pending);
    let undone = next.reduce(Msg::Undo);
    assert_eq!(undone.plan.title, before);
    assert!(undone.walked == Some(Walked::Undone));
    let redone = undone.reduce(Msg::Redo);
    assert_eq!(redone.plan.title, "Plan révisé");
    assert!(redone.walked == Some(Walked::Redone));
}

#[test]
fn a_refused_edit_changes_nothing_and_says_why_until_an_edit_succeeds() {
    let state = opened(sample_plan());
    let missing = Id::new("nulle-part");
    let refused = state.clone().reduce(Msg::Edit {
        change: Change::DeleteAction { action: missing.clone() },
        act: Act::new(What::Title, Subject::Plan),
    });
    assert_eq!(refused.plan, state.plan, "the same plan");
    assert_eq!(refused.revision, 0);
    assert!(!refused.unsaved);
    assert!(matches!(&refused.notice, Some(Notice::Refused(Refused::NotFound(id))) if *id == missing));
    let next = refused.reduce(retitle("Plan révisé"));
    assert!(next.notice.is_none(), "the refusal is no longer news");
}

#[test]
fn a_refusal_said_before_a_change_is_made_is_a_notice_and_nothing_else() {
    let state = opened(sample_plan());
    let next = state.clone().reduce(Msg::Refuse(Refused::AlreadyMerged));
    assert!(matches!(next.notice, Some(Notice::Refused(Refused::AlreadyMerged))));
    assert_eq!(next.plan, state.plan);
    assert_eq!(next.revision, state.revision);
}

#[test]
fn a_save_that_fails_is_kept_failing_until_one_succeeds_and_a_change_made_meanwhile_waits() {
    let state = opened(sample_plan()).reduce(retitle("Plan révisé"));
    let failed = state.reduce(Msg::SaveFailed(Failure::Full));
    assert!(failed.keeping() == Keeping::Failed(Failure::Full));
    assert!(matches!(failed.notice, Some(Notice::SaveFailed(Failure::Full))));
    // Saved as of revision 1, while a second change (revision 2) was being made.
    let changed = failed.reduce(retitle("Plan révisé encore"));
    let saved = changed.reduce(Msg::Saved {
        revision: 1,
        at: NaiveTime::from_hms_opt(14, 2, 0).unwrap(),
        digest: "d2".into(),
        base: "base-2".into(),
        library: Vec::new(),
        exported: None,
    });
    assert!(saved.save_failed.is_none() && saved.notice.is_none());
    assert!(saved.unsaved, "the second change is still to be saved");
    assert_eq!(saved.base.as_deref(), Some("base-2"));
}

#[test]
fn another_tab_s_version_over_unsaved_changes_is_a_conflict_until_the_user_chooses() {
    let state = opened(sample_plan()).reduce(retitle("Ma version"));
    let mut theirs = sample_plan();
    theirs.title = "Leur version".into();
    let conflicted = state.reduce(Msg::SavedElsewhere {
        plan: theirs.clone(),
        digest: "d-theirs".into(),
        base: "base-theirs".into(),
        over_mine: true,
    });
    assert!(conflicted.conflict.is_some());
    assert!(!conflicted.wants_saving(), "nothing is saved until the user chooses");
    assert!(conflicted.keeping() == Keeping::Held);
    let mine = conflicted.clone().reduce(Msg::KeepMine);
    assert_eq!(mine.plan.title, "Ma version");
    assert_eq!(mine.base.as_deref(), Some("base-theirs"), "saving goes over what it has now seen");
    assert!(mine.wants_saving());
    let taken = conflicted.reduce(Msg::TakeTheirs);
    assert_eq!(*taken.plan, theirs);
    assert!(!taken.unsaved);
}

/// A page whose plan is linked to a file that holds it as written by this page.
fn linked(plan: Plan) -> Rc<State> {
    let mut state = (*opened(plan)).clone();
    let synced = Synced { stamp: jalon::storage::link::Stamp { modified: 1.0, size: 1 }, digest: "file-1".into() };
    let link = Link { file: "PEVR.json".into(), synced: Some(synced), written: None, shared_computer: false };
    state.home = Some(Home { link, status: HomeStatus::Idle, base: Some(state.plan.clone()) });
    Rc::new(state)
}

fn their_file(plan: Plan) -> Msg {
    let synced = Synced { stamp: jalon::storage::link::Stamp { modified: 2.0, size: 2 }, digest: "file-2".into() };
    Msg::Home(HomeEvent::Version(Version {
        plan: Rc::new(plan),
        file: "PEVR.json".into(),
        synced: Some(synced),
        base: None,
    }))
}

#[test]
fn what_only_a_colleague_changed_in_the_file_is_taken_at_once_and_one_undo_takes_it_back() {
    let state = linked(sample_plan());
    let mut theirs = (*state.plan).clone();
    theirs.title = "Titre de la collègue".into();
    let next = state.clone().reduce(their_file(theirs));
    assert_eq!(next.plan.title, "Titre de la collègue");
    assert!(next.theirs.is_none(), "nothing to decide");
    assert!(matches!(&next.notice, Some(Notice::FileMerged { file }) if file == "PEVR.json"));
    let home = next.home.as_ref().unwrap();
    assert_eq!(home.link.synced.as_ref().unwrap().digest, "file-2", "the next write goes over their version");
    assert!(next.unsaved, "the merge is saved, then written");
    let undone = next.reduce(Msg::Undo);
    assert_eq!(undone.plan.title, state.plan.title);
}

#[test]
fn a_review_of_conflicts_replaces_the_word_that_an_earlier_version_merged_without_one() {
    let state = linked(sample_plan());
    let mut first = (*state.plan).clone();
    first.title = "Titre de la collègue".into();
    let merged = state.reduce(their_file(first.clone()));
    assert!(matches!(&merged.notice, Some(Notice::FileMerged { .. })));
    let mine = merged.reduce(retitle("Titre de cette page"));
    let mut second = first;
    second.title = "Autre titre de la collègue".into();
    let reviewed = mine.reduce(their_file(second));
    assert!(reviewed.theirs.is_some(), "a review");
    assert!(reviewed.notice.is_none(), "no « sans conflit » beside the conflict");
}

#[test]
fn a_field_both_changed_waits_for_the_users_choice_and_nothing_is_written_meanwhile() {
    let state = linked(sample_plan());
    let mut theirs = (*state.plan).clone();
    let mine = state.reduce(retitle("Titre de cette page"));
    theirs.title = "Titre de la collègue".into();
    let next = mine.clone().reduce(their_file(theirs));
    assert_eq!(next.plan.title, "Titre de cette page", "nothing merged before the choice");
    let theirs = next.theirs.as_ref().expect("a review");
    assert_eq!(theirs.merge.conflicts().len(), 1);
    assert_eq!(next.home.as_ref().unwrap().link.synced.as_ref().unwrap().digest, "file-1", "no write over theirs yet");
    let merged = theirs.merge.resolve(&[Some(jalon::share::whole::Side::Theirs)]).unwrap();
    let done = next.reduce(Msg::Home(HomeEvent::Merged(Box::new(merged))));
    assert_eq!(done.plan.title, "Titre de la collègue");
    assert!(done.theirs.is_none());
    assert_eq!(done.home.as_ref().unwrap().link.synced.as_ref().unwrap().digest, "file-2");
    let undone = done.reduce(Msg::Undo);
    assert_eq!(undone.plan.title, "Titre de cette page", "one undo takes the merge back");
}

#[test]
fn a_failed_write_is_said_and_a_retry_makes_the_file_wanted_again() {
    let state = linked(sample_plan());
    let failed = state.reduce(Msg::Home(HomeEvent::Failed(FileFailure::Locked)));
    assert!(failed.home.as_ref().unwrap().failed() == Some(FileFailure::Locked));
    let retried = failed.reduce(Msg::Home(HomeEvent::Retry));
    assert!(retried.home.as_ref().unwrap().idle());
}

/// A copy of a plan chosen to be merged, with the version it comes from when known.
fn copy_of(plan: Plan, file: &str, base: Option<&Rc<Plan>>) -> Msg {
    let (plan, base) = (Rc::new(plan), base.cloned());
    Msg::Home(HomeEvent::Version(Version { plan, file: file.into(), synced: None, base }))
}

/// The sample as both sides had it, the page `open` gives after it retitled the plan,
/// and a colleague's version that retitled the first element instead.
fn changed_on_both_sides(open: fn(Plan) -> Rc<State>) -> (Rc<Plan>, Rc<State>, Plan) {
    let shared = Rc::new(sample_plan());
    let mine = open((*shared).clone()).reduce(retitle("Titre de cette page"));
    let mut theirs = (*shared).clone();
    theirs.elements[0].title = "Intitulé de la collègue".into();
    (shared, mine, theirs)
}

#[test]
fn a_copy_of_the_open_plan_is_merged_and_a_copy_of_another_waits_for_it_to_open() {
    let state = opened(sample_plan());
    let mut copy = (*state.plan).clone();
    copy.title = "Titre de la copie".into();
    let file = "PEVR (1).json".to_string();
    let next = state.clone().reduce(copy_of(copy.clone(), &file, None));
    // No version known to both: the differing title is asked, not taken.
    let theirs = next.theirs.as_ref().expect("a review");
    assert_eq!(theirs.file, file);
    assert!(theirs.synced.is_none(), "a copy is not the plan's file");
    assert_eq!(next.plan.title, state.plan.title);

    let mut other = copy;
    other.id = Id::new("un-autre-plan");
    let waiting = state.reduce(copy_of(other, &file, None));
    assert!(waiting.theirs.is_none());
    assert!(waiting.arriving.is_some(), "merged once its plan is open");
}

/// A downloaded copy whose base this browser kept: each side keeps what only it
/// changed, nothing asked; the copy as it was downloaded brings nothing, and says so.
#[test]
fn a_copy_merged_over_the_base_it_names_asks_nothing() {
    let (shared, mine, theirs) = changed_on_both_sides(opened);
    let merged = mine.clone().reduce(copy_of(theirs, "PEVR (1).json", Some(&shared)));
    assert!(merged.theirs.is_none(), "nothing to decide");
    assert_eq!(merged.plan.title, "Titre de cette page");
    assert_eq!(merged.plan.elements[0].title, "Intitulé de la collègue");
    assert!(merged.home.is_none(), "a copy links no file");
    assert!(matches!(&merged.notice, Some(Notice::FileMerged { .. })));

    let same = mine.clone().reduce(copy_of((*shared).clone(), "PEVR (1).json", Some(&shared)));
    assert!(same.theirs.is_none());
    assert!(Rc::ptr_eq(&same.plan, &mine.plan), "the plan stays as it is");
    assert!(matches!(&same.notice, Some(Notice::NothingNew { file }) if file == "PEVR (1).json"));
}

/// The file's version after a restart: this page's base is not in memory, the file's
/// version comes with the base the browser kept.
fn reopened(plan: Plan) -> Rc<State> {
    let mut state = (*linked(plan)).clone();
    state.home.as_mut().unwrap().base = None;
    Rc::new(state)
}

fn file_version(plan: Rc<Plan>, base: Option<Rc<Plan>>) -> Msg {
    let synced = Synced { stamp: jalon::storage::link::Stamp { modified: 2.0, size: 2 }, digest: "file-2".into() };
    Msg::Home(HomeEvent::Version(Version { plan, file: "PEVR.json".into(), synced: Some(synced), base }))
}

#[test]
fn after_a_restart_the_kept_base_lets_each_side_keep_what_only_it_changed() {
    let (shared, mine, theirs) = changed_on_both_sides(reopened);
    let theirs = Rc::new(theirs);

    let merged = mine.clone().reduce(file_version(theirs.clone(), Some(shared)));
    assert!(merged.theirs.is_none(), "nothing to decide");
    assert_eq!(merged.plan.title, "Titre de cette page");
    assert_eq!(merged.plan.elements[0].title, "Intitulé de la collègue");

    let asked = mine.reduce(file_version(theirs, None));
    assert_eq!(asked.theirs.as_ref().expect("a review").merge.conflicts().len(), 2, "without a base, both are asked");
}

#[test]
fn a_file_that_holds_the_base_changes_nothing_but_becomes_what_the_next_write_goes_over() {
    let state = reopened(sample_plan());
    let file = Rc::new((*state.plan).clone());
    let next = state.clone().reduce(file_version(file.clone(), Some(file.clone())));
    assert!(Rc::ptr_eq(&next.plan, &state.plan));
    assert!(next.theirs.is_none() && next.notice.is_none());
    let home = next.home.as_ref().unwrap();
    assert!(home.base.as_ref().is_some_and(|base| Rc::ptr_eq(base, &file)));
    assert_eq!(home.link.synced.as_ref().unwrap().digest, "file-2");
}

#[test]
fn a_version_for_a_plan_being_opened_waits_for_it() {
    let mut state = (*reopened(sample_plan())).clone();
    let plan = state.plan.clone();
    state.leaving = Some(Rc::new(Opening {
        plan: (*plan).clone(),
        unsaved: false,
        base: None,
        exported: None,
        then: None,
        drafts: Default::default(),
    }));
    let next = Rc::new(state).reduce(file_version(plan.clone(), Some(plan)));
    assert!(next.arriving.is_some(), "merged once the plan is open, not into the plan leaving");
    assert!(next.home.as_ref().unwrap().base.is_none());
    let stayed = next.reduce(Msg::StayHere);
    assert!(stayed.arriving.is_none());
}
