//! What differs between two versions of one plan, entity by entity: what a user sees
//! before choosing between this page's version and another tab's, so that neither is
//! chosen blind.

use crate::model::id::Id;
use crate::model::plan::Plan;
use crate::model::subject::Subject;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// In the second version only.
    Added,
    /// In the first version only.
    Removed,
    /// In both, with other content.
    Changed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub subject: Subject,
    pub change: Change,
}

/// Entities of one kind, matched by id, in the order of `from` then the additions of
/// `to`.
fn differ<T: PartialEq>(
    from: &[T],
    to: &[T],
    id: impl Fn(&T) -> &Id,
    subject: impl Fn(Id) -> Subject,
    out: &mut Vec<Difference>,
) {
    for old in from {
        match to.iter().find(|new| id(new) == id(old)) {
            None => out.push(Difference { subject: subject(id(old).clone()), change: Change::Removed }),
            Some(new) if new != old => {
                out.push(Difference { subject: subject(id(old).clone()), change: Change::Changed })
            }
            Some(_) => {}
        }
    }
    for new in to {
        if !from.iter().any(|old| id(old) == id(new)) {
            out.push(Difference { subject: subject(id(new).clone()), change: Change::Added });
        }
    }
}

/// The differences from `from` to `to`: the plan's own fields (title, period, levels…)
/// as one `Subject::Plan`, then elements, indicators, actions, checkpoints and the budget.
pub fn differences(from: &Plan, to: &Plan) -> Vec<Difference> {
    let mut out = Vec::new();
    #[allow(clippy::type_complexity)]
    fn own(
        p: &Plan,
    ) -> (
        &Id,
        &String,
        &[crate::model::plan::Organisation],
        &crate::model::plan::Period,
        &[crate::model::level::Level],
        usize,
        &crate::model::level::Noun,
        &[crate::model::plan::TargetGroup],
        &crate::model::plan::Settings,
    ) {
        (
            &p.id,
            &p.title,
            &p.organisations,
            &p.period,
            &p.levels,
            p.objective_level,
            &p.action_name,
            &p.target_groups,
            &p.settings,
        )
    }
    if own(from) != own(to) || from.sendings != to.sendings || from.part != to.part || from.sources != to.sources {
        out.push(Difference { subject: Subject::Plan, change: Change::Changed });
    }
    differ(&from.elements, &to.elements, |e| &e.id, Subject::Element, &mut out);
    differ(&from.indicators, &to.indicators, |i| &i.id, Subject::Indicator, &mut out);
    differ(&from.actions, &to.actions, |a| &a.id, Subject::Action, &mut out);
    differ(&from.checkpoints, &to.checkpoints, |c| &c.id, Subject::Checkpoint, &mut out);
    if from.budget != to.budget {
        out.push(Difference { subject: Subject::Budget, change: Change::Changed });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::start::sample::sample_plan;

    #[test]
    fn the_same_plan_has_no_difference() {
        let plan = sample_plan();
        assert!(differences(&plan, &plan.clone()).is_empty());
    }

    #[test]
    fn each_kind_of_change_is_named_once_with_its_entity() {
        let from = sample_plan();
        let mut to = from.clone();
        to.title.push_str(" (révisé)");
        to.actions[0].title.push_str(" et plus");
        let removed = to.indicators.remove(1);
        let mut added = to.actions[1].clone();
        added.id = Id::new("action-nouvelle");
        to.actions.push(added);
        let found = differences(&from, &to);
        assert_eq!(
            found,
            vec![
                Difference { subject: Subject::Plan, change: Change::Changed },
                Difference { subject: Subject::Indicator(removed.id), change: Change::Removed },
                Difference { subject: Subject::Action(from.actions[0].id.clone()), change: Change::Changed },
                Difference { subject: Subject::Action(Id::new("action-nouvelle")), change: Change::Added },
            ]
        );
    }

    #[test]
    fn differences_read_backwards_swap_added_and_removed() {
        let from = sample_plan();
        let mut to = from.clone();
        to.elements.pop();
        let forward = differences(&from, &to);
        let backward = differences(&to, &from);
        assert_eq!(forward.len(), backward.len());
        assert_eq!(forward[0].change, Change::Removed);
        assert_eq!(backward[0].change, Change::Added);
    }
}
