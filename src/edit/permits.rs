//! What the recipient of a part may change. A part (`Plan::part`, made by `share::part`)
//! is a plan like any other; this rule is the edits' own, asked of every change before
//! it is made, and of the screens before they offer a control.

use super::{Change, Refused};
use crate::model::id::Id;
use crate::model::plan::Plan;

/// What a screen asks of the part before it offers a control; `permits` asks the same
/// of every change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked<'a> {
    /// The plan's context: its title, settings, tree, checkpoints, the definitions of
    /// its indicators and its budget.
    Context,
    /// A measurement of this indicator.
    Measure(&'a Id),
    /// This action's place in the plan: deleting it, or changing its objectives, code
    /// or carrier.
    Place(&'a Id),
}

/// The one rule of what the recipient of a part may change: progress and measurements,
/// their actions' descriptive fields (a new responsible is a proposal the coordinator
/// decides on), and new actions under their objectives; a sent action stays where the
/// coordinator put it, and the context stays as sent. A whole plan permits everything.
pub fn may(plan: &Plan, asked: Asked) -> bool {
    let Some(part) = &plan.part else { return true };
    match asked {
        Asked::Context => false,
        Asked::Measure(indicator) => plan.indicators.iter().any(|i| &i.id == indicator),
        Asked::Place(action) => !part.actions.contains(action),
    }
}

/// Whether the recipient of a part may make this change, by `may`; `Change::apply`
/// asks it first.
pub fn permits(plan: &Plan, change: &Change) -> Result<(), Refused> {
    if plan.part.is_none() {
        return Ok(());
    }
    let objectives_of_part = |objectives: &[Id]| {
        !objectives.is_empty() && objectives.iter().all(|o| plan.elements.iter().any(|e| &e.id == o))
    };
    let allowed = match change {
        Change::SetProgress { .. } | Change::SetActionStatus { .. } | Change::SetResponsible { .. } => true,
        Change::SetColumnVisible { .. } => true,
        Change::SetMeasurementAt { indicator, .. }
        | Change::AddMeasurement { indicator, .. }
        | Change::UpdateMeasurement { indicator, .. }
        | Change::RemoveMeasurement { indicator, .. } => may(plan, Asked::Measure(indicator)),
        Change::AddAction { fields, .. } => objectives_of_part(&fields.objectives),
        Change::UpdateAction { action, fields } => match plan.actions.iter().find(|a| &a.id == action) {
            Some(found) if !may(plan, Asked::Place(action)) => {
                let code = fields.code.as_deref().map(str::trim).filter(|c| !c.is_empty());
                found.objectives == fields.objectives
                    && found.code.as_deref() == code
                    && found.carrier == fields.carrier.trim()
            }
            Some(_) => objectives_of_part(&fields.objectives),
            None => true,
        },
        Change::DeleteAction { action } => may(plan, Asked::Place(action)),
        // Each of its changes is asked on its own as the import applies it.
        Change::Import { .. } => true,
        _ => may(plan, Asked::Context),
    };
    if allowed {
        Ok(())
    } else {
        Err(Refused::OutsidePart)
    }
}
