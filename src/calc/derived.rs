//! What is worked out from a plan, kept for the next version of it. Each edit makes a
//! new plan; a status changed leaves the indicators as they were, and what was worked
//! out from them alone (their roll-ups, their changes between checkpoints) holds still.
//! A result is kept with the plan it came from and the parts of it that it reads; the
//! next plan reuses it when those parts are equal. Equal by value, correct whatever
//! the edit; a part the edit did not write is still shared with the plan before
//! (`model::shared`), and found equal without being read.

use crate::model::action::Action;
use crate::model::budget::Budget;
use crate::model::checkpoint::Checkpoint;
use crate::model::element::Element;
use crate::model::id::{Id, Meta};
use crate::model::indicator::Indicator;
use crate::model::level::{Level, Noun};
use crate::model::plan::{Organisation, Period, Plan, Settings, TargetGroup};
use crate::model::sending::PartOf;
use crate::model::shared::Shared;
use std::rc::Rc;

/// A part of a plan that a computation reads.
///
/// The small fields of a plan (its frame) are split by who reads them, so that an edit
/// reworks only what reads the field it wrote: the plan's title, which no result kept
/// reads, must not make the roll-ups and the checks of 10 000 indicators stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// What the plan and its organisations are called, and what it calls its actions;
    /// its id and the records of where it comes from (`part`, `meta`). Names are
    /// written when a screen is drawn, from the plan drawn.
    Names,
    /// The period and the checkpoints: the dates a status is judged at.
    Dates,
    /// The levels, their names with them, and which one holds the objectives.
    Levels,
    /// The tree's elements.
    Elements,
    Settings,
    /// The organisations by their ids, which the budget's shares name (their names and
    /// codes are in `Names`).
    Organisations,
    /// The target groups, codes and labels.
    TargetGroups,
    Indicators,
    Actions,
    Budget,
}

impl Part {
    pub const ALL: [Part; 10] = [
        Part::Names,
        Part::Dates,
        Part::Levels,
        Part::Elements,
        Part::Settings,
        Part::Organisations,
        Part::TargetGroups,
        Part::Indicators,
        Part::Actions,
        Part::Budget,
    ];

    /// Whether `a` and `b` hold the same of this part.
    pub fn same(self, a: &Plan, b: &Plan) -> bool {
        let (a, b) = (Parted::of(a), Parted::of(b));
        match self {
            Part::Names => a.names == b.names,
            Part::Dates => a.dates == b.dates,
            Part::Levels => a.levels == b.levels,
            Part::Elements => a.elements == b.elements,
            Part::Settings => a.settings == b.settings,
            Part::Organisations => a.organisations == b.organisations,
            Part::TargetGroups => a.target_groups == b.target_groups,
            Part::Indicators => a.indicators == b.indicators,
            Part::Actions => a.actions == b.actions,
            Part::Budget => a.budget == b.budget,
        }
    }
}

/// A plan's fields placed in their parts.
struct Parted<'a> {
    names: Names<'a>,
    dates: (&'a Period, &'a Vec<Checkpoint>),
    levels: (&'a Vec<Level>, &'a usize),
    elements: &'a Shared<Vec<Element>>,
    settings: &'a Settings,
    organisations: Vec<&'a Id>,
    target_groups: &'a Vec<TargetGroup>,
    indicators: &'a Shared<Vec<Indicator>>,
    actions: &'a Shared<Vec<Action>>,
    budget: &'a Shared<Budget>,
}

/// The fields of `Part::Names`.
#[derive(PartialEq)]
struct Names<'a> {
    id: &'a Id,
    title: &'a String,
    /// Each organisation's name and code.
    organisations: Vec<(&'a String, &'a String)>,
    action_name: &'a Noun,
    part: &'a Option<PartOf>,
    meta: &'a Meta,
}

impl Parted<'_> {
    /// Written field by field, an organisation's too: a field added to `Plan` or to
    /// `Organisation` does not compile here until it is placed.
    fn of(plan: &Plan) -> Parted<'_> {
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
            indicators,
            actions,
            budget,
            // The records of what was sent and where a region's plan comes from: read by
            // the sharing and region screens, which keep nothing here.
            sendings: _,
            sources: _,
            part,
            meta,
        } = plan;
        let named = organisations.iter().map(|Organisation { id: _, name, code }| (name, code)).collect();
        Parted {
            names: Names { id, title, organisations: named, action_name, part, meta },
            dates: (period, checkpoints),
            levels: (levels, objective_level),
            elements,
            settings,
            organisations: organisations.iter().map(|organisation| &organisation.id).collect(),
            target_groups,
            indicators,
            actions,
            budget,
        }
    }
}

/// What a plan shares with the one the kept values were worked out from, each part
/// compared once, when first asked.
pub struct Since<'a> {
    old: Option<&'a Plan>,
    new: &'a Plan,
    same: [std::cell::Cell<Option<bool>>; Part::ALL.len()],
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

/// What each result the screens keep reads, followed into `calc`, `model` and `words`;
/// a result worked out from others reads what they read. No result reads the plan's
/// names (`Part::Names`): `SubjectNames` keeps the elements' codes and names a subject
/// from the plan drawn.
pub mod reads {
    use super::Part::{self, *};

    /// The statuses as of a date (`report`) and the objectives' progress from them: the
    /// indicators' values in the measurement window that the checkpoints and the period
    /// set, rolled up the tree by the settings' method.
    pub const STATUSES: &[Part] = &[Dates, Settings, Elements, Indicators];

    /// `STATUSES` of a plan with these settings: with the actions counted in the
    /// statuses, the roll-ups read them too.
    pub fn statuses(settings: &crate::model::plan::Settings) -> Vec<Part> {
        match settings.actions_in_status {
            true => [STATUSES, &[Actions]].concat(),
            false => STATUSES.to_vec(),
        }
    }
    /// The codes, typed or numbered by the settings, and the levels' names that tell two
    /// enjeux apart (« Enjeu 2 › 1.1.1 »).
    pub const CODES: &[Part] = &[Levels, Settings, Elements];
    /// Which codes more than one element shows, for `SubjectNames`.
    pub const SUBJECT_NAMES: &[Part] = &[Settings, Elements];
    /// The checks of the indicators: their links to objectives of the objective level,
    /// their values and targets by plan year, their measurements too old at the
    /// current checkpoint.
    pub const OF_INDICATORS: &[Part] = &[Dates, Levels, Elements, Settings, Indicators];
    /// The other checks: the tree, the actions (their target groups among them), the
    /// schedules in the period, the budget and the organisations its shares name.
    pub const OF_THE_REST: &[Part] =
        &[Dates, Levels, Elements, Settings, Organisations, TargetGroups, Indicators, Actions, Budget];
    /// The actions' records at a checkpoint, counted up the tree and by target group,
    /// named with the groups' labels.
    pub const ACTION_STATS: &[Part] = &[Elements, TargetGroups, Actions];
    /// The actions' records at two checkpoints, found by their ids.
    pub const ACTION_CHANGES: &[Part] = &[Actions];
    /// The indicators' statuses and values as of two checkpoints' dates.
    pub const INDICATOR_CHANGES: &[Part] = &[Dates, Settings, Indicators];
    /// The structure's tree: the elements per parent and per level, their codes, their
    /// statuses today, their indicators, and their actions counted at the current
    /// checkpoint (`STATUSES`, `CODES`, `ACTION_STATS` and the levels and dates).
    pub const TREE: &[Part] = &[Dates, Levels, Settings, Elements, TargetGroups, Indicators, Actions];
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

    /// The parts `change` leaves as they were, of the sample plan.
    fn untouched(change: Change) -> Vec<Part> {
        let plan = sample_plan();
        let next = edited(&plan, change);
        Part::ALL.into_iter().filter(|part| part.same(&plan, &next)).collect()
    }

    /// Every part but `touched`.
    fn all_but(touched: &[Part]) -> Vec<Part> {
        Part::ALL.into_iter().filter(|part| !touched.contains(part)).collect()
    }

    #[test]
    fn a_status_changed_touches_the_actions_only() {
        let plan = sample_plan();
        let action = plan.actions[0].id.clone();
        let checkpoint = plan.checkpoints[0].id.clone();
        let status = Change::SetActionStatus { action, checkpoint, status: ActionStatus::Dropped };
        assert_eq!(untouched(status), all_but(&[Part::Actions]));
    }

    #[test]
    fn a_checkpoint_renamed_touches_the_dates_only() {
        let checkpoint = sample_plan().checkpoints[0].clone();
        let renamed =
            Change::RenameCheckpoint { checkpoint: checkpoint.id, label: "Autre".into(), date: checkpoint.date };
        assert_eq!(untouched(renamed), all_but(&[Part::Dates]));
    }

    #[test]
    fn names_touch_the_names_only() {
        assert_eq!(untouched(Change::SetTitle { title: "Autre titre".into() }), all_but(&[Part::Names]));
        let actions = Some(Noun { singular: "activité".into(), plural: "activités".into() });
        let levels = sample_plan().levels.into_iter().map(|level| level.name).collect();
        assert_eq!(untouched(Change::RenameLevels { levels, actions }), all_but(&[Part::Names]));
        let organisation = sample_plan().organisations[0].id.clone();
        let renamed = Change::UpdateOrganisation { organisation, name: "Autre nom".into(), code: "AN".into() };
        assert_eq!(untouched(renamed), all_but(&[Part::Names]), "its id is the same");
        let organisation = sample_plan().organisations[0].id.clone();
        let deleted = untouched(Change::DeleteOrganisation { organisation });
        assert_eq!(deleted, all_but(&[Part::Names, Part::Organisations]), "an id fewer");
    }

    #[test]
    fn the_parts_are_listed_in_their_order() {
        for (index, part) in Part::ALL.into_iter().enumerate() {
            assert_eq!(part as usize, index, "{part:?}: `Since` finds each part by its place");
        }
    }

    #[test]
    fn a_kept_value_is_reused_while_its_parts_and_key_are_the_same() {
        let plan = Rc::new(sample_plan());
        let mut kept = None;
        let works = std::cell::Cell::new(0);
        let mut count = |old: Option<&Rc<Plan>>, plan: &Rc<Plan>, key: u8| {
            let since = Since::new(old, plan);
            *reuse(&mut kept, &since, &[Part::Elements, Part::Indicators], key, || {
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
