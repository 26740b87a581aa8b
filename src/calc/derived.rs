//! What is worked out from a plan, kept for the next version of it. Each edit makes a
//! new plan; a status changed leaves the indicators as they were, and what was worked
//! out from them alone (their roll-ups, their changes between checkpoints) holds still.
//! A result is kept with the plan it came from and the parts of it that it reads; the
//! next plan reuses it when those parts are equal. Equal by value, correct whatever
//! the edit; a part the edit did not write is still shared with the plan before
//! (`model::shared`), and found equal without being read.

use crate::model::plan::Plan;
use std::rc::Rc;

/// A part of a plan that a computation reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Everything but the indicators, the actions, the budget, the sendings and the
    /// sources: the tree, its levels and codes, the settings, the checkpoints…
    Frame,
    Indicators,
    Actions,
    Budget,
}

impl Part {
    /// Whether `a` and `b` hold the same of this part.
    pub fn same(self, a: &Plan, b: &Plan) -> bool {
        match self {
            Part::Frame => frame(a) == frame(b),
            Part::Indicators => a.indicators == b.indicators,
            Part::Actions => a.actions == b.actions,
            Part::Budget => a.budget == b.budget,
        }
    }
}

/// Every field but the four large parts and what no computation here reads. Written
/// field by field: a field added to `Plan` does not compile here until it is placed.
fn frame(plan: &Plan) -> impl PartialEq + '_ {
    let Plan {
        id,
        title,
        organisations,
        period,
        levels,
        objective_level,
        action_name,
        target_groups,
        checkpoints,
        settings,
        elements,
        indicators: _,
        actions: _,
        budget: _,
        // The records of what was sent and where a region's plan comes from: read by
        // the sharing and region screens, which keep nothing here.
        sendings: _,
        sources: _,
        part,
        meta,
    } = plan;
    // Two tuples: the standard library compares tuples of at most twelve.
    (
        (id, title, organisations, period, levels, objective_level),
        (action_name, target_groups, checkpoints, settings, elements, part, meta),
    )
}

/// What a plan shares with the one the kept values were worked out from, each part
/// compared once, when first asked.
pub struct Since<'a> {
    old: Option<&'a Plan>,
    new: &'a Plan,
    same: [std::cell::Cell<Option<bool>>; 4],
}

impl<'a> Since<'a> {
    /// `old` is the plan the kept values came from, if any; the same `Rc` shares all.
    pub fn new(old: Option<&'a Rc<Plan>>, new: &'a Rc<Plan>) -> Since<'a> {
        let identical = old.is_some_and(|old| Rc::ptr_eq(old, new));
        let same = std::array::from_fn(|_| std::cell::Cell::new(identical.then_some(true)));
        Since { old: old.map(|old| &**old), new, same }
    }

    /// Whether every part of `parts` is the same.
    pub fn shares(&self, parts: &[Part]) -> bool {
        let Some(old) = self.old else { return false };
        parts.iter().all(|part| {
            let known = &self.same[*part as usize];
            known.get().unwrap_or_else(|| {
                let same = part.same(old, self.new);
                known.set(Some(same));
                same
            })
        })
    }
}

/// A value worked out from some parts of a plan, for a key (a date, a checkpoint).
pub struct Kept<K, T> {
    key: K,
    value: Rc<T>,
}

/// The value for `key`: the kept one when it was worked out for the same key and the
/// plan shares `parts` with the one it came from (`since`), else `work()`, kept
/// instead. Whoever keeps values keeps, beside them, the plan they came from.
pub fn reuse<K: PartialEq, T>(
    kept: &mut Option<Kept<K, T>>,
    since: &Since,
    parts: &[Part],
    key: K,
    work: impl FnOnce() -> T,
) -> Rc<T> {
    if let Some(old) = kept.as_ref().filter(|old| old.key == key && since.shares(parts)) {
        return old.value.clone();
    }
    let value = Rc::new(work());
    *kept = Some(Kept { key, value: value.clone() });
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Change;
    use crate::model::action::ActionStatus;
    use crate::start::sample::sample_plan;

    fn edited(plan: &Plan, change: Change) -> Plan {
        let mut next = plan.clone();
        change.apply(&mut next).expect("the change applies");
        next
    }

    #[test]
    fn a_status_changed_touches_the_actions_only() {
        let plan = sample_plan();
        let action = plan.actions[0].id.clone();
        let checkpoint = plan.checkpoints[0].id.clone();
        let next = edited(&plan, Change::SetActionStatus { action, checkpoint, status: ActionStatus::Dropped });
        assert!(!Part::Actions.same(&plan, &next));
        for part in [Part::Frame, Part::Indicators, Part::Budget] {
            assert!(part.same(&plan, &next), "{part:?}");
        }
    }

    #[test]
    fn a_checkpoint_renamed_touches_the_frame() {
        let plan = sample_plan();
        let checkpoint = plan.checkpoints[0].clone();
        let next = edited(
            &plan,
            Change::RenameCheckpoint { checkpoint: checkpoint.id, label: "Autre".into(), date: checkpoint.date },
        );
        assert!(!Part::Frame.same(&plan, &next));
        assert!(Part::Indicators.same(&plan, &next) && Part::Actions.same(&plan, &next));
    }

    #[test]
    fn a_kept_value_is_reused_while_its_parts_and_key_are_the_same() {
        let plan = Rc::new(sample_plan());
        let mut kept = None;
        let works = std::cell::Cell::new(0);
        let mut count = |old: Option<&Rc<Plan>>, plan: &Rc<Plan>, key: u8| {
            let since = Since::new(old, plan);
            *reuse(&mut kept, &since, &[Part::Frame, Part::Indicators], key, || {
                works.set(works.get() + 1);
                plan.indicators.len()
            })
        };
        assert_eq!(count(None, &plan, 1), plan.indicators.len());
        count(Some(&plan), &plan, 1);
        assert_eq!(works.get(), 1, "the same plan");
        let action = plan.actions[0].id.clone();
        let checkpoint = plan.checkpoints[0].id.clone();
        let status = Change::SetActionStatus { action, checkpoint, status: ActionStatus::Done };
        let other_status = Rc::new(edited(&plan, status));
        count(Some(&plan), &other_status, 1);
        assert_eq!(works.get(), 1, "the actions are not read: the value holds");
        count(Some(&other_status), &other_status, 2);
        assert_eq!(works.get(), 2, "another key is worked out again");
        let deleted = Change::DeleteIndicator { indicator: other_status.indicators[0].id.clone() };
        let fewer = Rc::new(edited(&other_status, deleted));
        assert_eq!(count(Some(&other_status), &fewer, 2), plan.indicators.len() - 1);
        assert_eq!(works.get(), 3, "an indicator deleted is worked out again");
    }

    #[test]
    fn each_part_is_compared_once() {
        let plan = Rc::new(sample_plan());
        let other = Rc::new(sample_plan());
        let since = Since::new(Some(&plan), &other);
        assert!(since.same.iter().all(|s| s.get().is_none()), "nothing compared yet");
        assert!(since.shares(&[Part::Indicators]));
        assert_eq!(since.same[Part::Indicators as usize].get(), Some(true));
        assert!(since.same[Part::Actions as usize].get().is_none(), "only what was asked");
        assert!(!Since::new(None, &plan).shares(&[]), "nothing kept, nothing shared");
    }
}
