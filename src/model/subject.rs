//! Which entity of a plan something is about, by id: the entity a finding concerns, an
//! undo step changed, or two versions of a plan differ on. It is named in words by
//! `text::subject` or `text::act`, from whichever version of the plan holds it.

use crate::model::id::Id;

/// One entity of a plan, or the plan or its budget as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Subject {
    Plan,
    Element(Id),
    Indicator(Id),
    Action(Id),
    Checkpoint(Id),
    Rate(Id),
    Revenue(Id),
    Category(Id),
    Expense(Id),
    Allocation(Id),
    /// The budget as a whole: its totals, its settings.
    Budget,
}
