use super::Change;
use crate::edit::{Edited, Refused};
use crate::model::action::ActionStatus;
use crate::model::id::Id;
use crate::model::level::Noun;
use crate::model::money::Cents;
use crate::model::plan::Plan;
use crate::start::sample::{sample_plan, CHECKPOINT};
use chrono::NaiveDate;

fn id(text: &str) -> Id {
    Id::new(text)
}

/// Applies `changes` in order to the sample, as the page would one message at a time,
/// and returns the plan with what the last change answered.
fn check(changes: impl IntoIterator<Item = Change>) -> (Plan, Edited) {
    let mut plan = sample_plan();
    let mut last = Ok(());
    for change in changes {
        last = change.apply(&mut plan);
    }
    (plan, last)
}

/// The page edits a copy of the plan and keeps the version before for undo: the copy
/// shares the large parts the change does not write, and the version before is left as
/// it was.
#[test]
fn a_change_copies_the_part_it_writes_and_shares_the_rest() {
    use crate::model::shared::Shared;
    let before = sample_plan();
    let mut after = before.clone();
    let status =
        |plan: &Plan| plan.actions[0].progress.iter().find(|p| p.checkpoint == id(CHECKPOINT)).map(|p| p.status);
    let was = status(&before);
    assert_ne!(was, Some(ActionStatus::Dropped));
    let change = Change::SetActionStatus {
        action: before.actions[0].id.clone(),
        checkpoint: id(CHECKPOINT),
        status: ActionStatus::Dropped,
    };
    assert_eq!(change.apply(&mut after), Ok(()));
    assert_eq!(status(&after), Some(ActionStatus::Dropped));
    assert_eq!(status(&before), was, "the version before is unchanged");
    assert!(!Shared::same(&before.actions, &after.actions));
    assert!(Shared::same(&before.elements, &after.elements));
    assert!(Shared::same(&before.indicators, &after.indicators));
    assert!(Shared::same(&before.budget, &after.budget));
    assert!(Shared::same(&before.sendings, &after.sendings));
}

#[test]
fn an_action_status_changes_alone_at_its_checkpoint() {
    let (plan, edited) = check([Change::SetActionStatus {
        action: id("moyen-cap"),
        checkpoint: id(CHECKPOINT),
        status: ActionStatus::OnHold,
    }]);
    assert_eq!(edited, Ok(()));
    let record = plan.actions.iter().find(|a| a.id == id("moyen-cap")).and_then(|a| a.progress_at(&id(CHECKPOINT)));
    assert_eq!(record.map(|r| (r.status, r.percent)), Some((ActionStatus::OnHold, Some(40))), "the percent stays");
}

#[test]
fn the_title_is_kept_as_typed() {
    let (plan, edited) = check([Change::SetTitle { title: "Plan 2024 ".into() }]);
    assert_eq!((plan.title.as_str(), edited), ("Plan 2024 ", Ok(())), "the space before the next word stays");
}

#[test]
fn the_level_names_change_together_and_a_blank_name_keeps_its_word() {
    let (plan, edited) = check([Change::RenameLevels {
        levels: vec![Noun::new(" Axe ", "Axes"), Noun::new("", "")],
        actions: Some(Noun::new("Activité", "Activités")),
    }]);
    assert_eq!(edited, Ok(()));
    let names: Vec<&str> = plan.levels.iter().map(|l| l.name.singular.as_str()).collect();
    assert_eq!(names, ["Axe", "Orientation", "Objectif"]);
    assert_eq!(plan.action_name, Noun::new("Activité", "Activités"));
}

#[test]
fn a_refused_change_leaves_the_plan_as_it_was() {
    let close = Change::CloseCheckpoint { checkpoint: id(CHECKPOINT) };
    let (closed, _) = check([close.clone()]);
    let progress = Change::SetProgress {
        action: id("moyen-cap"),
        checkpoint: id(CHECKPOINT),
        status: ActionStatus::Done,
        percent: Some(100),
        narrative: "Fini.".into(),
    };
    let (plan, edited) = check([close.clone(), progress]);
    assert_eq!(edited, Err(Refused::CheckpointClosed(id(CHECKPOINT))));
    assert_eq!(plan, closed, "a closed checkpoint's values are locked");

    let (plan, edited) = check([Change::DeleteElement { element: id("objectif-9") }]);
    assert_eq!(edited, Err(Refused::NotFound(id("objectif-9"))));
    assert_eq!(plan, sample_plan());
}

/// A change is a value: the same changes replayed on the same plan give the same plan,
/// and a log of them says what each one was.
#[test]
fn changes_replayed_give_the_same_plan() {
    let changes = vec![
        Change::AddElement { id: id("objectif-6"), parent: Some(id("orientation-2-2")), title: " Lire ".into() },
        Change::MoveUp { element: id("objectif-6") },
        Change::AddRevenue { id: id("revenu-1"), label: "Mesure 15023".into(), amount: Cents(1_250_000) },
        Change::AddCheckpoint {
            id: id("bilan-2024-12"),
            label: "Bilan de mi-année".into(),
            date: NaiveDate::from_ymd_opt(2024, 12, 12).unwrap(),
        },
    ];
    let (once, edited) = check(changes.clone());
    let (again, _) = check(changes.clone());
    assert_eq!((&once, edited), (&again, Ok(())));
    assert_ne!(once, sample_plan());
    let objective = once.element(&id("objectif-6")).map(|e| (e.title.as_str(), e.parent.clone()));
    assert_eq!(objective, Some(("Lire", Some(id("orientation-2-2")))));
    assert_eq!(once.children(Some(&id("orientation-2-2"))).next().map(|e| e.id.as_str()), Some("objectif-6"));
    assert!(format!("{:?}", changes[1]).starts_with("MoveUp"), "{:?}", changes[1]);
}

#[test]
fn the_settings_change_as_data_and_a_bad_period_is_refused() {
    let start = NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
    let end = NaiveDate::from_ymd_opt(2028, 6, 30).unwrap();
    let (plan, edited) = check([
        Change::SetPeriod { start, end },
        Change::AddTargetGroup { code: "1".into(), label: "Jeunes".into() },
        Change::SetThresholds { on_track: 0.9, to_watch: 0.7 },
        Change::SetRollUp { roll_up: crate::model::plan::RollUp::Weighted },
        Change::SetNumbering { numbering: crate::model::plan::Numbering::PerLevel },
        Change::AddOrganisation { id: id("org-cegep"), name: "Cégep".into(), code: "CR".into() },
    ]);
    assert_eq!(edited, Ok(()));
    assert_eq!((plan.period.start, plan.period.end), (start, end));
    assert_eq!(plan.settings.numbering, crate::model::plan::Numbering::PerLevel);
    assert_eq!(plan.organisations.last().map(|o| o.code.as_str()), Some("CR"));
    let (plan, edited) = check([Change::SetPeriod { start: end, end: start }]);
    assert_eq!(edited, Err(Refused::EndsBeforeStart));
    assert_eq!(plan, sample_plan());
}

#[test]
fn a_checkpoint_renamed_and_redated_keeps_its_records_and_its_place_in_date_order() {
    let before = sample_plan();
    let records = before.actions.iter().filter(|a| a.progress_at(&id(CHECKPOINT)).is_some()).count();
    let early = NaiveDate::from_ymd_opt(2023, 9, 1).unwrap();
    let (plan, edited) = check([
        Change::CloseCheckpoint { checkpoint: id(CHECKPOINT) },
        Change::RenameCheckpoint { checkpoint: id(CHECKPOINT), label: " Bilan d'automne ".into(), date: early },
    ]);
    assert_eq!(edited, Ok(()), "a closed checkpoint is renamed too: no value recorded at it changes");
    let renamed = plan.checkpoints.iter().find(|c| c.id == id(CHECKPOINT)).unwrap();
    assert_eq!((renamed.label.as_str(), renamed.date), ("Bilan d'automne", early));
    assert!(plan.checkpoints.windows(2).all(|w| w[0].date <= w[1].date));
    assert_eq!(plan.actions.iter().filter(|a| a.progress_at(&id(CHECKPOINT)).is_some()).count(), records);
    let (_, edited) = check([Change::RenameCheckpoint { checkpoint: id("bilan-x"), label: "X".into(), date: early }]);
    assert_eq!(edited, Err(Refused::NotFound(id("bilan-x"))));
}
