//! A change to the plan as data: what a screen asks for, named, with its ids and values.
//!
//! The page once sent closures; a change as data can be compared, logged, replayed and
//! later merged, and a test can build one without a browser. `Change::apply` holds no
//! logic of its own: each variant calls one of the pure functions of the `edit` modules,
//! which keep the plan's links whole or refuse with a `Refused` reason.

use super::actions::{self, ActionFields};
use super::budget::{self, ExpenseFields};
use super::followup;
use super::indicators::{self, IndicatorFields};
use super::permits;
use super::settings;
use super::structure::{self, Details};
use super::{Edited, Refused};
use crate::calc::columns::ActionColumn;
use crate::model::action::Action;
use crate::model::action::ActionStatus;
use crate::model::budget::{Share, StaffContribution};
use crate::model::id::Id;
use crate::model::indicator::Indicator;
use crate::model::level::Noun;
use crate::model::measurement::{Measurement, Observation, Value};
use crate::model::money::Cents;
use crate::model::plan::{Numbering, Plan, RollUp};
use crate::model::sending::{Return, Sending};
use crate::model::target::Target;
use chrono::NaiveDate;

/// One change a screen makes to the plan. A variant that creates something carries the
/// new `id`, chosen by the page; the others name what they change. Targets, measurements
/// and staff contributions are addressed by their position, as their edit functions do.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    // The plan and its tree.
    /// The title as typed (see `structure::set_title`).
    SetTitle {
        title: String,
    },
    /// The levels' names from the top, and the actions' name when given.
    RenameLevels {
        levels: Vec<Noun>,
        actions: Option<Noun>,
    },
    /// A new element at the top (`parent` `None`) or under `parent`.
    AddElement {
        id: Id,
        parent: Option<Id>,
        title: String,
    },
    UpdateElement {
        element: Id,
        details: Details,
    },
    MoveUp {
        element: Id,
    },
    MoveDown {
        element: Id,
    },
    /// Under another parent of the level above (`None`: the top).
    MoveElement {
        element: Id,
        parent: Option<Id>,
    },
    /// An element outside the tree, put back under `parent` (`None`: the top).
    PutBack {
        element: Id,
        parent: Option<Id>,
    },
    DeleteElement {
        element: Id,
    },

    // The plan's settings.
    AddOrganisation {
        id: Id,
        name: String,
        code: String,
    },
    UpdateOrganisation {
        organisation: Id,
        name: String,
        code: String,
    },
    DeleteOrganisation {
        organisation: Id,
    },
    SetPeriod {
        start: NaiveDate,
        end: NaiveDate,
    },
    AddTargetGroup {
        code: String,
        label: String,
    },
    /// The target group of code `group`, given the code `code` and the label `label`.
    UpdateTargetGroup {
        group: String,
        code: String,
        label: String,
    },
    DeleteTargetGroup {
        group: String,
    },
    /// Shares of the expected progress (0.95 is 95 %).
    SetThresholds {
        on_track: f64,
        to_watch: f64,
    },
    SetRollUp {
        roll_up: RollUp,
    },
    SetNumbering {
        numbering: Numbering,
    },
    /// How many months a measurement counts; `None` is the rule of checkpoints.
    SetMeasurementMonths {
        months: Option<u16>,
    },

    // Indicators.
    /// A new indicator of `objective`, with one unnamed segment `segment`.
    AddIndicator {
        objective: Id,
        id: Id,
        segment: Id,
        fields: IndicatorFields,
    },
    UpdateIndicator {
        indicator: Id,
        fields: IndicatorFields,
    },
    DeleteIndicator {
        indicator: Id,
    },
    AddSegment {
        indicator: Id,
        id: Id,
        label: String,
    },
    RenameSegment {
        indicator: Id,
        segment: Id,
        label: String,
    },
    RemoveSegment {
        indicator: Id,
        segment: Id,
    },
    /// `None` clears the baseline.
    SetBaseline {
        indicator: Id,
        segment: Id,
        baseline: Option<Observation>,
    },
    AddTarget {
        indicator: Id,
        segment: Id,
        target: Target,
    },
    UpdateTarget {
        indicator: Id,
        segment: Id,
        index: usize,
        target: Target,
    },
    RemoveTarget {
        indicator: Id,
        segment: Id,
        index: usize,
    },
    AddMeasurement {
        indicator: Id,
        segment: Id,
        measurement: Measurement,
    },
    UpdateMeasurement {
        indicator: Id,
        segment: Id,
        index: usize,
        measurement: Measurement,
    },
    RemoveMeasurement {
        indicator: Id,
        segment: Id,
        index: usize,
    },

    // Actions.
    AddAction {
        id: Id,
        fields: ActionFields,
    },
    UpdateAction {
        action: Id,
        fields: ActionFields,
    },
    DeleteAction {
        action: Id,
    },
    SetResponsible {
        action: Id,
        responsible: String,
    },
    /// Shows or hides a column of the actions table.
    SetColumnVisible {
        column: ActionColumn,
        visible: bool,
    },

    // The follow-up.
    AddCheckpoint {
        id: Id,
        label: String,
        date: NaiveDate,
    },
    /// A checkpoint's label and date, closed or not (`followup::rename_checkpoint`).
    RenameCheckpoint {
        checkpoint: Id,
        label: String,
        date: NaiveDate,
    },
    CloseCheckpoint {
        checkpoint: Id,
    },
    ReopenCheckpoint {
        checkpoint: Id,
    },
    DeleteCheckpoint {
        checkpoint: Id,
    },
    /// The status, percent and narrative of an action at a checkpoint.
    SetProgress {
        action: Id,
        checkpoint: Id,
        status: ActionStatus,
        percent: Option<u8>,
        narrative: String,
    },
    /// The status alone; a percent and narrative already there stay.
    SetActionStatus {
        action: Id,
        checkpoint: Id,
        status: ActionStatus,
    },
    /// A segment's measurement at the checkpoint's date; `None` removes it.
    SetMeasurementAt {
        indicator: Id,
        segment: Id,
        checkpoint: Id,
        value: Option<Value>,
    },

    // The budget.
    AddRevenue {
        id: Id,
        label: String,
        amount: Cents,
    },
    UpdateRevenue {
        revenue: Id,
        label: String,
        amount: Cents,
    },
    DeleteRevenue {
        revenue: Id,
    },
    AddCategory {
        id: Id,
        label: String,
    },
    RenameCategory {
        category: Id,
        label: String,
    },
    DeleteCategory {
        category: Id,
    },
    AddExpense {
        id: Id,
        fields: ExpenseFields,
    },
    UpdateExpense {
        expense: Id,
        fields: ExpenseFields,
    },
    DeleteExpense {
        expense: Id,
    },
    AddStaff {
        expense: Id,
        contribution: StaffContribution,
    },
    UpdateStaff {
        expense: Id,
        index: usize,
        contribution: StaffContribution,
    },
    DeleteStaff {
        expense: Id,
        index: usize,
    },
    AddRate {
        id: Id,
        label: String,
        per_day: Cents,
    },
    UpdateRate {
        rate: Id,
        label: String,
        per_day: Cents,
    },
    DeleteRate {
        rate: Id,
    },
    AddAllocation {
        id: Id,
        label: String,
        amount: Cents,
    },
    UpdateAllocation {
        allocation: Id,
        label: String,
        amount: Cents,
    },
    DeleteAllocation {
        allocation: Id,
    },
    /// Sets an organisation's share of an allocation, added if it has none.
    SetShare {
        allocation: Id,
        share: Share,
    },
    DeleteShare {
        allocation: Id,
        organisation: Id,
    },

    // Sharing between partners.
    /// A part sent: its record, with exactly what it sent.
    RecordSending {
        sending: Sending,
    },
    /// A return merged into the record of its sending (`share::merge::changes` gives it
    /// last, after the actions and indicators the coordinator's decisions put).
    RecordReturn {
        sending: Id,
        record: Return,
    },
    /// An action put as it is given: it replaces the action of its id, or is added last.
    PutAction {
        action: Action,
    },
    /// An indicator put as it is given, in place of the indicator of its id.
    PutIndicator {
        indicator: Indicator,
    },

    /// Several changes made in order as one step, the first refused refusing them all:
    /// the rows of a spreadsheet (`sheet`), a partner's return merged (`share::merge`).
    Import {
        changes: Vec<Change>,
    },
}

impl Change {
    /// Makes the change, or refuses it and says why. Like the functions it calls, a
    /// refused change is not undone here: the page applies it to a copy of the plan and
    /// keeps the copy only when it succeeds. Whatever the change, the plan it leaves
    /// reads back from its file (`edit::admitted`): a change that would give an id to
    /// two entities is refused here, however it came (a form, an import, a merge).
    pub fn apply(self, plan: &mut Plan) -> Edited {
        self.make(plan)?;
        super::admitted(plan)
    }

    /// The change alone, for `apply` and the steps of an import.
    fn make(self, plan: &mut Plan) -> Edited {
        use Change::*;
        permits::permits(plan, &self)?;
        match self {
            SetTitle { title } => structure::set_title(plan, title),
            RenameLevels { levels, actions } => structure::rename_levels(plan, levels, actions),
            AddElement { id, parent, title } => structure::add_element(plan, id, parent.as_ref(), &title),
            UpdateElement { element, details } => structure::update_element(plan, &element, details),
            MoveUp { element } => structure::move_up(plan, &element),
            MoveDown { element } => structure::move_down(plan, &element),
            MoveElement { element, parent } => structure::move_to(plan, &element, parent.as_ref()),
            PutBack { element, parent } => structure::put_back(plan, &element, parent.as_ref()),
            DeleteElement { element } => structure::delete_element(plan, &element),

            AddOrganisation { id, name, code } => settings::add_organisation(plan, id, &name, &code),
            UpdateOrganisation { organisation, name, code } => {
                settings::update_organisation(plan, &organisation, &name, &code)
            }
            DeleteOrganisation { organisation } => settings::delete_organisation(plan, &organisation),
            SetPeriod { start, end } => settings::set_period(plan, start, end),
            AddTargetGroup { code, label } => settings::add_target_group(plan, &code, &label),
            UpdateTargetGroup { group, code, label } => settings::update_target_group(plan, &group, &code, &label),
            DeleteTargetGroup { group } => settings::delete_target_group(plan, &group),
            SetThresholds { on_track, to_watch } => settings::set_thresholds(plan, on_track, to_watch),
            SetRollUp { roll_up } => settings::set_roll_up(plan, roll_up),
            SetNumbering { numbering } => settings::set_numbering(plan, numbering),
            SetMeasurementMonths { months } => settings::set_measurement_months(plan, months),

            AddIndicator { objective, id, segment, fields } => {
                indicators::add_indicator(plan, &objective, id, segment, fields)
            }
            UpdateIndicator { indicator, fields } => indicators::update_indicator(plan, &indicator, fields),
            DeleteIndicator { indicator } => indicators::delete_indicator(plan, &indicator),
            AddSegment { indicator, id, label } => indicators::add_segment(plan, &indicator, id, label),
            RenameSegment { indicator, segment, label } => {
                indicators::rename_segment(plan, &indicator, &segment, label)
            }
            RemoveSegment { indicator, segment } => indicators::remove_segment(plan, &indicator, &segment),
            SetBaseline { indicator, segment, baseline } => {
                indicators::set_baseline(plan, &indicator, &segment, baseline)
            }
            AddTarget { indicator, segment, target } => indicators::add_target(plan, &indicator, &segment, target),
            UpdateTarget { indicator, segment, index, target } => {
                indicators::update_target(plan, &indicator, &segment, index, target)
            }
            RemoveTarget { indicator, segment, index } => indicators::remove_target(plan, &indicator, &segment, index),
            AddMeasurement { indicator, segment, measurement } => {
                indicators::add_measurement(plan, &indicator, &segment, measurement)
            }
            UpdateMeasurement { indicator, segment, index, measurement } => {
                indicators::update_measurement(plan, &indicator, &segment, index, measurement)
            }
            RemoveMeasurement { indicator, segment, index } => {
                indicators::remove_measurement(plan, &indicator, &segment, index)
            }

            AddAction { id, fields } => actions::add_action(plan, id, fields),
            UpdateAction { action, fields } => actions::update_action(plan, &action, fields),
            DeleteAction { action } => actions::delete_action(plan, &action),
            SetResponsible { action, responsible } => actions::set_responsible(plan, &action, &responsible),
            SetColumnVisible { column, visible } => actions::set_column_visible(plan, column, visible),

            AddCheckpoint { id, label, date } => followup::add_checkpoint(plan, id, &label, date),
            RenameCheckpoint { checkpoint, label, date } => {
                followup::rename_checkpoint(plan, &checkpoint, &label, date)
            }
            CloseCheckpoint { checkpoint } => followup::close_checkpoint(plan, &checkpoint),
            ReopenCheckpoint { checkpoint } => followup::reopen_checkpoint(plan, &checkpoint),
            DeleteCheckpoint { checkpoint } => followup::delete_checkpoint(plan, &checkpoint),
            SetProgress { action, checkpoint, status, percent, narrative } => {
                followup::set_progress(plan, &action, &checkpoint, status, percent, &narrative)
            }
            SetActionStatus { action, checkpoint, status } => followup::set_status(plan, &action, &checkpoint, status),
            SetMeasurementAt { indicator, segment, checkpoint, value } => {
                followup::set_measurement_at(plan, &indicator, &segment, &checkpoint, value)
            }

            AddRevenue { id, label, amount } => budget::add_revenue(plan, id, &label, amount),
            UpdateRevenue { revenue, label, amount } => budget::update_revenue(plan, &revenue, &label, amount),
            DeleteRevenue { revenue } => budget::delete_revenue(plan, &revenue),
            AddCategory { id, label } => budget::add_category(plan, id, &label),
            RenameCategory { category, label } => budget::rename_category(plan, &category, &label),
            DeleteCategory { category } => budget::delete_category(plan, &category),
            AddExpense { id, fields } => budget::add_expense(plan, id, fields),
            UpdateExpense { expense, fields } => budget::update_expense(plan, &expense, fields),
            DeleteExpense { expense } => budget::delete_expense(plan, &expense),
            AddStaff { expense, contribution } => budget::add_staff(plan, &expense, contribution),
            UpdateStaff { expense, index, contribution } => budget::update_staff(plan, &expense, index, contribution),
            DeleteStaff { expense, index } => budget::delete_staff(plan, &expense, index),
            AddRate { id, label, per_day } => budget::add_rate(plan, id, &label, per_day),
            UpdateRate { rate, label, per_day } => budget::update_rate(plan, &rate, &label, per_day),
            DeleteRate { rate } => budget::delete_rate(plan, &rate),
            AddAllocation { id, label, amount } => budget::add_allocation(plan, id, &label, amount),
            UpdateAllocation { allocation, label, amount } => {
                budget::update_allocation(plan, &allocation, &label, amount)
            }
            DeleteAllocation { allocation } => budget::delete_allocation(plan, &allocation),
            SetShare { allocation, share } => budget::set_share(plan, &allocation, share),
            DeleteShare { allocation, organisation } => budget::delete_share(plan, &allocation, &organisation),

            // The same sending recorded twice is one sending.
            RecordSending { sending } => {
                if !plan.sendings.iter().any(|s| s.id == sending.id) {
                    plan.sendings.push(sending);
                }
                Ok(())
            }
            RecordReturn { sending, record } => {
                let found = plan.sendings.iter_mut().find(|s| s.id == sending);
                found.ok_or(Refused::NotFound(sending))?.returns.push(record);
                Ok(())
            }
            PutAction { action } => actions::put_action(plan, action),
            PutIndicator { indicator } => indicators::put_indicator(plan, indicator),
            Import { changes } => changes.into_iter().try_for_each(|change| change.make(plan)),
        }
    }
}

#[cfg(test)]
mod tests;
