//! Changes to a plan, as the screens make them: pure functions on `&mut Plan` that keep
//! the plan's links whole (a deleted objective takes its indicators with it and leaves
//! no action pointing at it) and refuse what would break it, saying why.
//!
//! The page runs each change on a copy of the plan and keeps the copy only when the
//! change succeeds, so a refused change leaves the plan exactly as it was. The screens
//! name each change as a `Change`, data that `Change::apply` runs through these functions.

pub mod actions;
pub mod budget;
pub mod change;
pub mod followup;
pub mod history;
pub mod indicators;
pub mod permits;
pub mod settings;
pub mod structure;

pub use change::Change;

use crate::format::LoadError;
use crate::model::date::PlanDate;
use crate::model::id::Id;
use crate::model::plan::Plan;

/// Why a change was refused. `text::refused` says it in French or English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The element, indicator, action, checkpoint or line is no longer in the plan
    /// (another tab or an import removed it).
    NotFound(Id),
    /// The checkpoint is closed: its values are locked until it is reopened.
    CheckpointClosed(Id),
    /// An element cannot be moved under itself or one of its descendants.
    WouldCycle(Id),
    /// The chosen parent is itself outside the tree (its parent is missing, or it sits in
    /// a parent cycle): what goes under it would stay out of sight.
    OutsideTree(Id),
    /// The new parent is not at the level just above the element's.
    WrongLevel(Id),
    /// The plan must keep at least one level, and its objective level.
    LastLevel,
    /// A name or a code that must be written was left blank.
    Blank,
    /// The period would end before it starts.
    EndsBeforeStart,
    /// Another target group of the plan has this code.
    DuplicateCode(String),
    /// A status threshold outside 0 to 100 % of the expected progress.
    ThresholdOutOfRange,
    /// The « to watch » threshold above the « on track » one.
    ThresholdsOutOfOrder,
    /// The organisation has a share in `allocations` allocations of the budget.
    OrganisationInUse { organisation: Id, allocations: usize },
    /// A part holds its recipient's actions in the coordinator's context: the context,
    /// and where the actions stand in it, stay as sent.
    OutsidePart,
    /// A return cannot be merged while conflicts or proposals wait for a decision.
    Undecided(usize),
    /// This return was merged already.
    AlreadyMerged,
    /// The id is another entity's already: each id names one entity, and a plan where
    /// two share one no longer reads back. Named against the plan before the change.
    IdTaken(Id),
    /// A target dated `target` would come before the baseline of `baseline`
    /// (`Indicator::before_baseline`), typed as a target or as the baseline.
    TargetBeforeBaseline { target: PlanDate, baseline: PlanDate },
    /// The change would leave what the file format refuses (`format::admit`).
    Unwritable(LoadError),
}

/// Holds a changed plan to what the file format reads back, naming a taken id as such.
pub fn admitted(plan: &Plan) -> Edited {
    crate::format::admit(plan).map_err(|error| match error {
        LoadError::DuplicateId { id, .. } => Refused::IdTaken(Id::new(id)),
        error => Refused::Unwritable(error),
    })
}

pub type Edited<T = ()> = Result<T, Refused>;
