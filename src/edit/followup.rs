//! The follow-up: checkpoints (bilans) and what is recorded at them, the actions'
//! état d'avancement and the indicators' measurements at the checkpoint's date.
//!
//! A closed checkpoint's values are locked: every change to them is refused until
//! someone reopens the checkpoint on purpose.

use super::{Edited, Refused};
use crate::model::action::{ActionStatus, ProgressRecord};
use crate::model::checkpoint::Checkpoint;
use crate::model::date::PlanDate;
use crate::model::id::{Id, Meta};
use crate::model::measurement::{Measurement, Value};
use crate::model::plan::Plan;
use chrono::NaiveDate;

fn checkpoint<'a>(plan: &'a Plan, id: &Id) -> Result<&'a Checkpoint, Refused> {
    plan.checkpoints.iter().find(|c| &c.id == id).ok_or_else(|| Refused::NotFound(id.clone()))
}

fn checkpoint_mut<'a>(plan: &'a mut Plan, id: &Id) -> Result<&'a mut Checkpoint, Refused> {
    plan.checkpoints.iter_mut().find(|c| &c.id == id).ok_or_else(|| Refused::NotFound(id.clone()))
}

/// The checkpoint, when its values may change.
fn open_checkpoint(plan: &Plan, id: &Id) -> Result<Checkpoint, Refused> {
    let found = checkpoint(plan, id)?;
    if found.closed {
        return Err(Refused::CheckpointClosed(id.clone()));
    }
    Ok(found.clone())
}

/// Checkpoints are kept in date order (a stable sort: two on one day keep their order).
fn sort_checkpoints(plan: &mut Plan) {
    plan.checkpoints.sort_by_key(|c| c.date);
}

/// Adds a checkpoint, open, at its place in date order.
pub fn add_checkpoint(plan: &mut Plan, id: Id, label: &str, date: NaiveDate) -> Edited {
    plan.checkpoints.push(Checkpoint {
        id,
        label: label.trim().to_owned(),
        date,
        closed: false,
        meta: Meta::default(),
    });
    sort_checkpoints(plan);
    Ok(())
}

/// Renames a checkpoint and moves its date; a closed one too, since neither changes a
/// value recorded at it. Measurements taken at the old date stay at that date.
pub fn rename_checkpoint(plan: &mut Plan, id: &Id, label: &str, date: NaiveDate) -> Edited {
    let found = checkpoint_mut(plan, id)?;
    found.label = label.trim().to_owned();
    found.date = date;
    sort_checkpoints(plan);
    Ok(())
}

/// Closes a checkpoint once reported: its values are locked.
pub fn close_checkpoint(plan: &mut Plan, id: &Id) -> Edited {
    checkpoint_mut(plan, id)?.closed = true;
    Ok(())
}

/// Reopens a closed checkpoint: its values can change again.
pub fn reopen_checkpoint(plan: &mut Plan, id: &Id) -> Edited {
    checkpoint_mut(plan, id)?.closed = false;
    Ok(())
}

/// What deleting a checkpoint takes with it: the actions' records at it.
/// Measurements are dated, not tied to a checkpoint, and stay.
pub fn records_at(plan: &Plan, id: &Id) -> usize {
    plan.actions.iter().filter(|a| a.progress_at(id).is_some()).count()
}

/// Deletes a checkpoint with the progress records made at it (`records_at` says how
/// many, for the confirmation). A closed checkpoint is refused: its values are locked.
pub fn delete_checkpoint(plan: &mut Plan, id: &Id) -> Edited {
    open_checkpoint(plan, id)?;
    plan.checkpoints.retain(|c| &c.id != id);
    for action in &mut plan.actions {
        action.progress.retain(|p| &p.checkpoint != id);
    }
    Ok(())
}

/// Records an action's status, percent and narrative at an open checkpoint.
pub fn set_progress(
    plan: &mut Plan,
    action: &Id,
    checkpoint: &Id,
    status: ActionStatus,
    percent: Option<u8>,
    narrative: &str,
) -> Edited {
    update_record(plan, action, checkpoint, status, |record| {
        record.status = status;
        record.percent = percent;
        record.narrative = narrative.trim().to_owned();
    })
}

/// Records only the status at an open checkpoint; a percent and narrative already
/// written there stay.
pub fn set_status(plan: &mut Plan, action: &Id, checkpoint: &Id, status: ActionStatus) -> Edited {
    update_record(plan, action, checkpoint, status, |record| record.status = status)
}

/// Changes the action's record at the checkpoint, created with `status` if absent.
fn update_record(
    plan: &mut Plan,
    action: &Id,
    checkpoint: &Id,
    status: ActionStatus,
    change: impl FnOnce(&mut ProgressRecord),
) -> Edited {
    open_checkpoint(plan, checkpoint)?;
    let action = plan.actions.iter_mut().find(|a| &a.id == action).ok_or_else(|| Refused::NotFound(action.clone()))?;
    let index = match action.progress.iter().position(|p| &p.checkpoint == checkpoint) {
        Some(index) => index,
        None => {
            action.progress.push(ProgressRecord {
                checkpoint: checkpoint.clone(),
                status,
                percent: None,
                narrative: String::new(),
                meta: Meta::default(),
            });
            action.progress.len() - 1
        }
    };
    change(&mut action.progress[index]);
    Ok(())
}

/// Records (or with `None` removes) a segment's measurement at the checkpoint's date,
/// when the checkpoint is open. Measurements stay sorted by date.
pub fn set_measurement_at(
    plan: &mut Plan,
    indicator: &Id,
    segment: &Id,
    checkpoint: &Id,
    value: Option<Value>,
) -> Edited {
    let date = PlanDate::Day(open_checkpoint(plan, checkpoint)?.date);
    let year = plan.year_end();
    let found =
        plan.indicators.iter_mut().find(|i| &i.id == indicator).ok_or_else(|| Refused::NotFound(indicator.clone()))?;
    let segment =
        found.segments.iter_mut().find(|s| &s.id == segment).ok_or_else(|| Refused::NotFound(segment.clone()))?;
    // A new value keeps the note and assessment of the measurement it replaces.
    let existing = segment.measurements.iter().find(|m| m.date == date).cloned();
    let measurement = value.map(|value| match existing {
        Some(existing) => Measurement { value, ..existing },
        None => Measurement::new(date, value),
    });
    segment.set_measurement(date, measurement, year);
    Ok(())
}

/// The segment's measurement taken exactly at the checkpoint's date.
pub fn measurement_at(segment: &crate::model::indicator::Segment, date: NaiveDate) -> Option<&Measurement> {
    segment.measurements.iter().find(|m| m.date == PlanDate::Day(date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::start::sample::{sample_plan, CHECKPOINT as END_OF_YEAR};

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn id(text: &str) -> Id {
        Id::new(text)
    }

    /// The sample (reported at the end of its first year) with a second, open checkpoint
    /// in the middle of the next.
    fn plan_with_mid_year() -> Plan {
        let mut plan = sample_plan();
        assert_eq!(plan.checkpoints[0].id.as_str(), END_OF_YEAR, "the sample's checkpoint");
        add_checkpoint(&mut plan, id("mi"), " Bilan de mi-année ", ymd(2024, 12, 12)).unwrap();
        plan
    }

    fn record<'a>(plan: &'a Plan, action: &str, checkpoint: &str) -> Option<&'a ProgressRecord> {
        plan.actions.iter().find(|a| a.id.as_str() == action)?.progress_at(&id(checkpoint))
    }

    fn first_segment(plan: &Plan) -> (Id, Id) {
        let indicator = &plan.indicators[0];
        (indicator.id.clone(), indicator.segments[0].id.clone())
    }

    #[test]
    fn checkpoints_are_kept_in_date_order_whatever_the_order_of_creation() {
        let mut plan = plan_with_mid_year();
        add_checkpoint(&mut plan, id("debut"), "Portrait de départ", ymd(2023, 9, 1)).unwrap();
        let order: Vec<&str> = plan.checkpoints.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(order, ["debut", END_OF_YEAR, "mi"]);
        assert_eq!(plan.checkpoints[2].label, "Bilan de mi-année");
        rename_checkpoint(&mut plan, &id("debut"), "Bilan final", ymd(2025, 6, 20)).unwrap();
        let order: Vec<&str> = plan.checkpoints.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(order, [END_OF_YEAR, "mi", "debut"]);
        assert_eq!(plan.checkpoint_before(&id("mi")).map(|c| c.id.as_str()), Some(END_OF_YEAR));
        assert_eq!(plan.checkpoint_before(&id(END_OF_YEAR)), None);
        assert_eq!(rename_checkpoint(&mut plan, &id("x"), "y", ymd(2024, 1, 1)), Err(Refused::NotFound(id("x"))));
    }

    #[test]
    fn progress_is_recorded_at_an_open_checkpoint_beside_the_previous_one() {
        let mut plan = plan_with_mid_year();
        set_progress(
            &mut plan,
            &id("moyen-cap"),
            &id("mi"),
            ActionStatus::Done,
            Some(100),
            " Toutes les écoles ont leur CAP. ",
        )
        .unwrap();
        let now = record(&plan, "moyen-cap", "mi").unwrap();
        assert_eq!(
            (now.status, now.percent, now.narrative.as_str()),
            (ActionStatus::Done, Some(100), "Toutes les écoles ont leur CAP.")
        );
        let before = record(&plan, "moyen-cap", END_OF_YEAR).unwrap();
        assert_eq!(
            (before.status, before.percent),
            (ActionStatus::InProgress, Some(40)),
            "the previous one is untouched"
        );
        set_status(&mut plan, &id("moyen-cap"), &id("mi"), ActionStatus::OnHold).unwrap();
        let now = record(&plan, "moyen-cap", "mi").unwrap();
        assert_eq!((now.status, now.percent), (ActionStatus::OnHold, Some(100)), "the status alone changes");
        set_status(&mut plan, &id("moyen-math"), &id("mi"), ActionStatus::InProgress).unwrap();
        assert_eq!(
            record(&plan, "moyen-math", "mi").map(|r| (r.status, r.percent)),
            Some((ActionStatus::InProgress, None))
        );
    }

    #[test]
    fn progress_is_refused_at_a_closed_checkpoint_until_it_is_reopened() {
        let mut plan = plan_with_mid_year();
        close_checkpoint(&mut plan, &id("mi")).unwrap();
        let closed = plan.clone();
        let refused = Err(Refused::CheckpointClosed(id("mi")));
        assert_eq!(set_progress(&mut plan, &id("moyen-cap"), &id("mi"), ActionStatus::Done, None, ""), refused);
        assert_eq!(set_status(&mut plan, &id("moyen-cap"), &id("mi"), ActionStatus::Done), refused);
        let (indicator, segment) = first_segment(&plan);
        assert_eq!(set_measurement_at(&mut plan, &indicator, &segment, &id("mi"), Some(Value::Number(80.0))), refused);
        assert_eq!(delete_checkpoint(&mut plan, &id("mi")), refused);
        assert_eq!(plan, closed);
        reopen_checkpoint(&mut plan, &id("mi")).unwrap();
        set_status(&mut plan, &id("moyen-cap"), &id("mi"), ActionStatus::Done).unwrap();
    }

    #[test]
    fn progress_names_an_action_and_a_checkpoint_of_the_plan() {
        let mut plan = plan_with_mid_year();
        assert_eq!(
            set_progress(&mut plan, &id("moyen-disparu"), &id("mi"), ActionStatus::Done, None, ""),
            Err(Refused::NotFound(id("moyen-disparu")))
        );
        assert_eq!(
            set_status(&mut plan, &id("moyen-cap"), &id("bilan-disparu"), ActionStatus::Done),
            Err(Refused::NotFound(id("bilan-disparu")))
        );
        assert_eq!(close_checkpoint(&mut plan, &id("bilan-disparu")), Err(Refused::NotFound(id("bilan-disparu"))));
        assert_eq!(reopen_checkpoint(&mut plan, &id("bilan-disparu")), Err(Refused::NotFound(id("bilan-disparu"))));
    }

    #[test]
    fn a_deleted_checkpoint_takes_its_records_and_leaves_measurements() {
        let mut plan = sample_plan();
        let measurements: usize = plan.indicators.iter().flat_map(|i| &i.segments).map(|s| s.measurements.len()).sum();
        assert_eq!(records_at(&plan, &id(END_OF_YEAR)), plan.actions.len());
        delete_checkpoint(&mut plan, &id(END_OF_YEAR)).unwrap();
        assert!(plan.checkpoints.is_empty());
        assert!(plan.actions.iter().all(|a| a.progress.is_empty()));
        let after: usize = plan.indicators.iter().flat_map(|i| &i.segments).map(|s| s.measurements.len()).sum();
        assert_eq!(after, measurements);
        assert_eq!(delete_checkpoint(&mut plan, &id(END_OF_YEAR)), Err(Refused::NotFound(id(END_OF_YEAR))));
    }

    #[test]
    fn a_measurement_is_recorded_at_the_checkpoint_date_replaced_and_removed() {
        let mut plan = plan_with_mid_year();
        let (indicator, segment) = first_segment(&plan);
        let segment_of = |plan: &Plan| plan.indicators[0].segments[0].clone();
        let before = segment_of(&plan).measurements.len();
        set_measurement_at(&mut plan, &indicator, &segment, &id("mi"), Some(Value::Number(79.7))).unwrap();
        set_measurement_at(&mut plan, &indicator, &segment, &id("mi"), Some(Value::Number(80.1))).unwrap();
        let now = segment_of(&plan);
        assert_eq!(now.measurements.len(), before + 1);
        assert_eq!(measurement_at(&now, ymd(2024, 12, 12)).map(|m| &m.value), Some(&Value::Number(80.1)));
        assert!(
            now.measurements.windows(2).all(|w| w[0].date.order(plan.year_end()) <= w[1].date.order(plan.year_end())),
            "sorted by date"
        );
        set_measurement_at(&mut plan, &indicator, &segment, &id("mi"), None).unwrap();
        assert_eq!(segment_of(&plan).measurements.len(), before);
        assert_eq!(
            set_measurement_at(&mut plan, &id("indicateur-disparu"), &segment, &id("mi"), None),
            Err(Refused::NotFound(id("indicateur-disparu")))
        );
        assert_eq!(
            set_measurement_at(&mut plan, &indicator, &id("groupe-disparu"), &id("mi"), None),
            Err(Refused::NotFound(id("groupe-disparu")))
        );
    }
}
