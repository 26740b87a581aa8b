//! Checks a careful reviewer would make: warnings about the plan, each naming what it
//! concerns. Checks never fail and never correct: they return findings beside the plan.

mod budget;
mod dates;
mod group;
mod indicators;
mod structure;

pub use group::{grouped, grouped_from, Group, Kind};

pub use indicators::{questioned_target, questioned_value};
pub use structure::questioned_progress;

use crate::model::action::ActionStatus;
use crate::model::checkpoint::Checkpoint;
use crate::model::date::PlanDate;
use crate::model::id::Id;
use crate::model::indicator::Direction;
use crate::model::money::Cents;
use crate::model::plan::Plan;
use crate::model::subject::Subject;
use chrono::NaiveDate;

/// Which reference of the plan points nowhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reference {
    /// An element's parent.
    Parent,
    /// An indicator's objective.
    IndicatorObjective,
    /// One of an action's objectives.
    ActionObjective,
    /// The checkpoint of an action's progress record.
    ProgressCheckpoint,
    /// An expense line's category.
    ExpenseCategory,
    /// The staff rate of a contribution.
    StaffRate,
    /// The organisation of an allocation share.
    ShareOrganisation,
    /// The element or action an expense line funds.
    Funds,
}

/// Which stated total disagrees with the sum of its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Total {
    Revenues,
    Expenses,
    Staff,
    Balance,
    /// One expense line's stated total (direct + staff).
    Line,
    /// What an action's form says was spent on it, beside what its lines report.
    Spent,
}

/// Which part of an action's schedule lies outside the plan's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScheduleField {
    /// One of the plan years it runs in.
    Year,
    /// The year of one of its steps.
    Step,
    Start,
    End,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    // Structure
    /// An element's level is not one of the plan's levels, or not one below its parent's.
    LevelMismatch {
        element: Id,
        level: usize,
    },
    /// The plan's objective level is not one of its levels.
    ObjectiveLevelMissing {
        level: usize,
        levels: usize,
    },
    /// A reference to an element, checkpoint, category… that the plan does not have.
    MissingReference {
        subject: Subject,
        reference: Reference,
        missing: Id,
    },
    /// Elements that are each other's parent, in a loop: none of them, nor anything below
    /// them, can be reached from the top of the tree. Listed from the first in display
    /// order, each the parent of the one before; one finding per cycle.
    ParentCycle {
        elements: Vec<Id>,
    },
    /// An indicator or an action linked to an element that is not at the objective level.
    NotAnObjective {
        subject: Subject,
        element: Id,
    },
    /// Two siblings (or two actions of one objective) show one code. When one of the
    /// two codes is automatic, `subject` is that one: the code the plan never typed.
    DuplicateCode {
        subject: Subject,
        code: String,
        other: Subject,
    },
    /// An objective's deadline falls after the end of the plan's period.
    DeadlineAfterPlanEnd {
        element: Id,
        deadline: PlanDate,
        end: NaiveDate,
    },
    /// The plan's period ends before it starts.
    PeriodReversed {
        start: NaiveDate,
        end: NaiveDate,
    },
    /// A checkpoint dated outside the plan's period.
    CheckpointOutsidePeriod {
        checkpoint: Id,
        date: NaiveDate,
    },
    /// An objective with neither action nor indicator: nothing says how it is pursued
    /// nor how it is measured.
    ObjectiveWithoutActionOrIndicator {
        element: Id,
    },

    // Indicators
    /// An indicator without any segment has nowhere to keep its values.
    NoSegment {
        indicator: Id,
    },
    /// A percentage target outside 0–100 %.
    PercentageTargetOutOfRange {
        indicator: Id,
        segment: String,
        target: f64,
    },
    /// A percentage baseline or measurement outside 0–100 %.
    PercentageValueOutOfRange {
        indicator: Id,
        segment: String,
        value: f64,
    },
    /// A target on the wrong side of the baseline for the indicator's direction.
    TargetWrongSide {
        indicator: Id,
        segment: String,
        direction: Direction,
        baseline: f64,
        target: f64,
    },
    /// A target equal to the baseline of an indicator meant to increase or decrease.
    TargetEqualsBaseline {
        indicator: Id,
        segment: String,
        baseline: f64,
    },
    /// A relative target cannot be resolved without a baseline.
    RelativeTargetWithoutBaseline {
        indicator: Id,
        segment: String,
    },
    /// A value whose type does not fit the indicator's kind (a word for a percentage…).
    ValueDoesNotFitKind {
        indicator: Id,
        segment: String,
    },
    /// A ratio indicator without its whole (« sur 4 »).
    RatioWithoutWhole {
        indicator: Id,
    },
    /// A target dated before the baseline.
    TargetBeforeBaseline {
        indicator: Id,
        segment: String,
    },
    /// The latest measurement of a segment is too old for the checkpoint the plan
    /// reports (see `status::Window`): the segment counts as not measured.
    MeasurementTooOld {
        indicator: Id,
        segment: String,
        measured: PlanDate,
        as_of: NaiveDate,
    },

    // Actions
    ActionWithoutResponsible {
        action: Id,
    },
    /// No action of the plan names a responsible: said once for the plan.
    PlanWithoutResponsible,
    /// An action without a target group, in a plan that defines its target groups and
    /// most of whose actions name one.
    ActionWithoutTargetGroup {
        action: Id,
    },
    /// A part of the tree (`element`, the highest one) holding several actions, none of
    /// which names a target group, in a plan whose other actions mostly do: a section
    /// whose table has no such column, said once rather than once per action.
    SectionWithoutTargetGroup {
        element: Id,
        actions: usize,
    },
    ActionWithoutObjective {
        action: Id,
    },
    /// A progress percent above 100.
    ProgressPercentOutOfRange {
        action: Id,
        checkpoint: Id,
        percent: u8,
    },
    /// An action stated done at a checkpoint with a percent below 100.
    DoneBelowFull {
        action: Id,
        checkpoint: Id,
        percent: u8,
    },
    /// An action whose scheduled end has passed at the plan's current checkpoint
    /// without its being done (nor dropped) there; `status` is `None` when the action
    /// has no record at that checkpoint.
    ActionOverdue {
        action: Id,
        end: PlanDate,
        checkpoint: Id,
        status: Option<ActionStatus>,
    },
    /// A year, a step or a date of an action's schedule outside the plan's period.
    ScheduleOutsidePeriod {
        action: Id,
        field: ScheduleField,
        written: String,
    },

    // Budget
    /// A stated total that differs from the sum of its lines.
    StatedTotalMismatch {
        subject: Subject,
        total: Total,
        stated: Cents,
        computed: Cents,
    },
    /// A stated staff amount that differs from participants × days × rate.
    StaffAmountMismatch {
        expense: Id,
        index: usize,
        stated: Cents,
        computed: Cents,
    },
    /// Stated parts of an allocation that do not add up to the amount allocated.
    AllocationSumMismatch {
        allocation: Id,
        stated: Cents,
        amount: Cents,
    },
    /// An allocation whose key gives no weight to anyone (it cannot be split).
    AllocationWithoutWeight {
        allocation: Id,
    },
    /// A negative amount where one is not expected.
    NegativeAmount {
        subject: Subject,
        amount: Cents,
    },
}

impl Finding {
    /// What `subject` names by `reference`, `missing`, is not in the plan.
    pub fn missing(subject: Subject, reference: Reference, missing: &Id) -> Finding {
        Finding::MissingReference { subject, reference, missing: missing.clone() }
    }

    /// The entity a screen should link to.
    pub fn subject(&self) -> Subject {
        use Finding::*;
        match self {
            LevelMismatch { element, .. }
            | DeadlineAfterPlanEnd { element, .. }
            | ObjectiveWithoutActionOrIndicator { element }
            | SectionWithoutTargetGroup { element, .. } => Subject::Element(element.clone()),
            ObjectiveLevelMissing { .. } | PeriodReversed { .. } | PlanWithoutResponsible => Subject::Plan,
            CheckpointOutsidePeriod { checkpoint, .. } => Subject::Checkpoint(checkpoint.clone()),
            ParentCycle { elements } => elements.first().map_or(Subject::Plan, |e| Subject::Element(e.clone())),
            MissingReference { subject, .. }
            | NotAnObjective { subject, .. }
            | DuplicateCode { subject, .. }
            | StatedTotalMismatch { subject, .. }
            | NegativeAmount { subject, .. } => subject.clone(),
            NoSegment { indicator }
            | PercentageTargetOutOfRange { indicator, .. }
            | PercentageValueOutOfRange { indicator, .. }
            | TargetWrongSide { indicator, .. }
            | TargetEqualsBaseline { indicator, .. }
            | RelativeTargetWithoutBaseline { indicator, .. }
            | ValueDoesNotFitKind { indicator, .. }
            | RatioWithoutWhole { indicator }
            | TargetBeforeBaseline { indicator, .. }
            | MeasurementTooOld { indicator, .. } => Subject::Indicator(indicator.clone()),
            ActionWithoutResponsible { action }
            | ActionWithoutObjective { action }
            | ActionWithoutTargetGroup { action }
            | ProgressPercentOutOfRange { action, .. }
            | DoneBelowFull { action, .. }
            | ActionOverdue { action, .. }
            | ScheduleOutsidePeriod { action, .. } => Subject::Action(action.clone()),
            StaffAmountMismatch { expense, .. } => Subject::Expense(expense.clone()),
            AllocationSumMismatch { allocation, .. } | AllocationWithoutWeight { allocation } => {
                Subject::Allocation(allocation.clone())
            }
        }
    }
}

/// Every finding about the plan, in a stable order: structure, indicators, actions,
/// budget. What depends on a date (an action overdue, a measurement too old) is judged
/// at the plan's current checkpoint (`Plan::current_checkpoint`), the one its report
/// shows.
pub fn check(plan: &Plan) -> Vec<Finding> {
    check_at(plan, plan.current_checkpoint())
}

/// The findings with what depends on a date judged at `checkpoint` (a bilan's own),
/// or not judged at all without one.
pub fn check_at(plan: &Plan, checkpoint: Option<&Checkpoint>) -> Vec<Finding> {
    let of_indicators = of_indicators(plan, checkpoint);
    joined(&of_indicators, &of_the_rest(plan, checkpoint))
}

/// The findings that read the plan's indicators and its frame (tree, settings,
/// checkpoints) and nothing else: they hold while only actions or the budget change.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OfIndicators {
    links: Vec<Finding>,
    values: Vec<Finding>,
    too_old: Vec<Finding>,
}

/// The other findings, which read the actions or the budget.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OfTheRest {
    structure: Vec<Finding>,
    actions: Vec<Finding>,
    budget: Vec<Finding>,
}

pub fn of_indicators(plan: &Plan, checkpoint: Option<&Checkpoint>) -> OfIndicators {
    let mut found = OfIndicators::default();
    structure::indicator_links(plan, &mut found.links);
    indicators::check(plan, &mut found.values);
    dates::too_old(plan, checkpoint, &mut found.too_old);
    found
}

pub fn of_the_rest(plan: &Plan, checkpoint: Option<&Checkpoint>) -> OfTheRest {
    let mut found = OfTheRest::default();
    structure::check(plan, &mut found.structure);
    structure::check_actions(plan, &mut found.actions);
    dates::schedules(plan, checkpoint, &mut found.actions);
    budget::check(plan, &mut found.budget);
    found
}

/// The two parts as one list, in the order `check_at` gives: structure (the indicators'
/// links last), indicators, actions and dates, measurements too old, budget.
pub fn joined(of_indicators: &OfIndicators, rest: &OfTheRest) -> Vec<Finding> {
    [&rest.structure, &of_indicators.links, &of_indicators.values, &rest.actions, &of_indicators.too_old, &rest.budget]
        .into_iter()
        .flatten()
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests;
