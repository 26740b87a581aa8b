//! Tables in and out of spreadsheets: a plan's actions and indicators written as CSV
//! files that Excel opens by double-click, any table copied for pasting into Excel,
//! and rows read back from a CSV file or from cells pasted from Excel.
//!
//! A `Sheet` is a header row and its rows of text cells, whatever the file's dialect;
//! `write` makes the bytes of a file (or the text of a copy) from it, `read` makes it
//! from bytes or pasted text. What a table means is in `actions` and `indicators`:
//! each says which field a column holds, writes the plan into a sheet, and reads a
//! sheet back into the changes it asks for, row by row, in a `Preview` shown before
//! anything changes.

pub mod actions;
pub mod cells;
pub mod fields;
pub mod indicators;
pub mod objectives;
pub mod read;
pub mod words;
pub mod write;

use crate::edit::Change;
use crate::words::lang::Lang;

/// A table as a spreadsheet holds it: a header row and rows of text cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// What a file or a paste was read as: the language its numbers are written in
/// (French Excel writes « 79,7 » and separates by `;`, English Excel « 79.7 » and `,`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    pub sheet: Sheet,
    pub numbers: Lang,
}

/// Where a problem is: the row as the spreadsheet numbers it (the header is row 1)
/// and the column's header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub row: usize,
    pub column: String,
}

/// What one row of an import does.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A new entity, named by its title or label.
    New(String),
    /// An existing entity and each field the row changes.
    Updated {
        name: String,
        fields: Vec<Changed>,
    },
    Unchanged(String),
    /// Not read: each problem with its cell.
    Refused(Vec<(Cell, Problem)>),
}

/// A field a row changes: its column's header, and its cell before and after, as the
/// sheet writes them (empty for no value), so that the preview says what changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub column: String,
    pub before: String,
    pub after: String,
}

impl Outcome {
    /// A row refused for one problem of the whole row (no column named).
    pub fn refused_row(row: usize, problem: Problem) -> Outcome {
        Outcome::Refused(vec![(Cell { row, column: String::new() }, problem)])
    }
}

/// Why a cell or a row was not read.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The value is not what the column holds (a number, a date…).
    Input(crate::words::input::InputError),
    /// A required cell is empty.
    Empty,
    /// A date written as a day that no calendar has (« 2023-02-30 »).
    NoSuchDate(String),
    /// The table has no column for a field an import needs (its header, in French).
    MissingColumn(String),
    /// No element of the plan has this code (or id).
    NoSuchElement(String),
    /// Several elements have this code: the reader cannot tell which.
    AmbiguousCode(String),
    /// The element named is not at the objective level.
    NotAnObjective(String),
    /// The row has more cells than the header.
    TooManyCells { found: usize, header: usize },
    /// A word that is none of the column's choices (a status, a kind…).
    UnknownChoice(String),
    /// A step of the échéancier written without its plan year (« 2024-2025 : … »).
    StepWithoutYear(String),
    /// No checkpoint to put a status or a percentage at.
    NoCheckpoint,
    /// The checkpoint is closed: its values are locked.
    ClosedCheckpoint(String),
    /// A target dated `target` would come before the baseline of `baseline`, on the
    /// row of the target or of the baseline (`Segment::before_baseline`).
    TargetBeforeBaseline { target: crate::model::date::PlanDate, baseline: crate::model::date::PlanDate },
    /// A new row's id is already another entity's in the plan (`text::id_holder`).
    IdTaken(crate::model::id::Id),
    /// A new row's id is the id an earlier new row of the table gives, on row `row`.
    IdRepeated { id: crate::model::id::Id, row: usize },
}

/// The ids the new rows of an import give: each refused when the plan or an earlier new
/// row holds it already, so that a confirmed import never gives one id to two entities.
pub(crate) struct NewIds<'a> {
    claims: crate::model::id_holders::Claims<'a>,
    rows: std::collections::HashMap<crate::model::id::Id, usize>,
}

impl<'a> NewIds<'a> {
    pub(crate) fn new(plan: &'a crate::model::plan::Plan) -> NewIds<'a> {
        NewIds { claims: crate::model::id_holders::Claims::new(plan), rows: Default::default() }
    }

    /// The id a new row on `row` gives, claimed, or why it cannot be.
    pub(crate) fn given(
        &mut self,
        id: &crate::model::id::Id,
        holder: crate::model::id_holders::IdHolder,
        row: usize,
    ) -> Result<(), Problem> {
        if let Some(&first) = self.rows.get(id) {
            return Err(Problem::IdRepeated { id: id.clone(), row: first });
        }
        self.claims.claim(id, holder).map_err(|_| Problem::IdTaken(id.clone()))?;
        self.rows.insert(id.clone(), row);
        Ok(())
    }

    /// A new id from `fresh`, made free if it is not (`Claims::claim_free`).
    pub(crate) fn fresh(
        &mut self,
        fresh: &mut dyn FnMut() -> crate::model::id::Id,
        holder: crate::model::id_holders::IdHolder,
    ) -> crate::model::id::Id {
        self.claims.claim_free(&fresh(), holder)
    }
}

/// An import before it is confirmed: each row's outcome, and the changes that make it.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub rows: Vec<(usize, Outcome)>,
    pub changes: Vec<Change>,
}

impl Preview {
    /// Whether the import may be confirmed: no row refused.
    pub fn is_clean(&self) -> bool {
        !self.rows.iter().any(|(_, o)| matches!(o, Outcome::Refused(_)))
    }

    /// The change to apply: the import as one step.
    pub fn change(&self) -> Change {
        Change::Import { changes: self.changes.clone() }
    }
}
