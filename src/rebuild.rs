//! A whole plan rebuilt from the tables of an existing plan document, pasted as text
//! (tab-separated rows, as Word and the reference plans give them): its levels, its
//! tree, its indicators and targets, its actions with their columns.
//!
//! `propose` never fails and never drops a row silently: every row that holds text is
//! either read into the proposed plan (`Proposal::read` says how) or listed in
//! `Proposal::unplaced` with why, for the user to place (`Proposal::place`) or drop
//! (`Proposal::discard`). The proposal is an ordinary `Plan` that nothing stores until
//! the user confirms it.

mod columns;
#[cfg(test)]
mod corpus;
mod docx;
#[cfg(test)]
mod expected;
mod heading;
#[cfg(test)]
mod layouts;
mod markup;
mod read;
mod review;
mod target;
#[cfg(test)]
mod tests;
pub mod words;

use crate::model::id::Id;
use crate::model::plan::Plan;
use crate::words::lang::Lang;
use chrono::NaiveDate;

pub use columns::Column;
pub use docx::DocxRefused;
pub use markup::clean;
pub use review::{Place, Refused};

/// The plan Jalon proposes from a pasted text, and what it could not place.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub plan: Plan,
    /// How each row was read into the plan, in the order of the text.
    pub read: Vec<Read>,
    /// The rows Jalon could not place, in the order of the text.
    pub unplaced: Vec<Unplaced>,
    /// The rows the user chose to drop.
    pub dropped: Vec<Unplaced>,
    next_id: usize,
}

/// One row (numbered from 1, as lines of the pasted text) and what it became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    pub row: usize,
    pub what: ReadAs,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadAs {
    /// A table's header row: it named the columns or the level.
    Header,
    /// An element of the tree.
    Element(Id),
    /// A heading already read (the same element carried to the next page).
    Repeat(Id),
    /// An element that a code needed and no heading gave (« 5.1 » with no « Axe 5 »
    /// above it), titled from the table of contents when it names it.
    Made(Id),
    Indicator(Id),
    Action(Id),
    /// The rest of an action or an element cut by a page break, joined to it.
    Continued(Id),
    /// A line of a row whose cell holds several paragraphs, read with the row that
    /// starts at line `of`.
    Line {
        of: usize,
    },
}

/// A row Jalon could not place: its number, its cells without markup, the column each
/// cell was under when a header named it, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaced {
    pub row: usize,
    pub cells: Vec<String>,
    pub columns: Vec<Option<Column>>,
    pub why: Why,
    /// Where its first filled cell is in the tables; `None` for a line outside them.
    pub at: Option<TableCell>,
}

/// A cell's place in the pasted tables, numbered from 1 as the user sees them: merged
/// cells spread, so `column` counts the grid's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableCell {
    /// The table's number, `None` when the text holds a single table.
    pub table: Option<usize>,
    pub row: usize,
    pub column: usize,
}

impl Unplaced {
    /// The row's cells that hold text.
    pub fn filled(&self) -> impl Iterator<Item = &str> + '_ {
        self.cells.iter().map(String::as_str).filter(|c| !c.is_empty())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Text outside any table and any level (a title page, a paragraph).
    Prose,
    /// A line of a table of contents.
    Contents,
    /// A line that the text repeats on its own (a running header such as « PEVR »).
    Repeated,
    /// Cells without a title under a table's header: part of a row cut by the extraction.
    Fragment,
    /// An action or an indicator with no objective above it.
    NoObjective,
    /// A heading whose level has no element open above it.
    NoParent,
    /// A heading already read with another title: `element` keeps its first one.
    OtherTitle { element: Id },
    /// Cells beside a heading or under a column Jalon does not read.
    Beside,
}

impl Why {
    /// Whether two reasons are of one kind (for dropping every row of a kind at once).
    pub fn same_kind(&self, other: &Why) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// The plan `text` describes, under the id `id`; `today` dates a checkpoint whose
/// header gives no date and the period when the text names none.
pub fn propose(text: &str, lang: Lang, id: Id, today: NaiveDate) -> Proposal {
    read::read(text, lang, id, today)
}

/// The plan an HTML clipboard or file describes (Word puts its tables there with
/// their merged cells), read as `propose` reads the text.
pub fn propose_html(html: &str, lang: Lang, id: Id, today: NaiveDate) -> Proposal {
    read::read_html(html, lang, id, today)
}

/// What one paste put in the box: the clipboard's text, and its HTML when it had one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pasted {
    pub text: String,
    pub html: Option<String>,
}

/// The plan the box holds: read from the HTML of the last paste when the box holds
/// just what that paste put there and the HTML has a table (Word puts a table's merged
/// cells there, which the text flavour loses), else from the box's text.
pub fn propose_box(value: &str, pasted: Option<&Pasted>, lang: Lang, id: Id, today: NaiveDate) -> Proposal {
    let same = |a: &str, b: &str| a.replace('\r', "").trim() == b.replace('\r', "").trim();
    let html = pasted
        .filter(|p| same(&p.text, value))
        .and_then(|p| p.html.as_deref())
        .filter(|html| html.to_ascii_lowercase().contains("<table"));
    match html {
        Some(html) => propose_html(html, lang, id, today),
        None => propose(value, lang, id, today),
    }
}

/// The plan a chosen file describes, read by its kind: a Word document (.docx) and an
/// HTML page as Word's HTML clipboard, any other file as the pasted text.
pub fn propose_file(name: &str, bytes: &[u8], lang: Lang, id: Id, today: NaiveDate) -> Result<Proposal, DocxRefused> {
    let lower = name.to_lowercase();
    if lower.ends_with(".docx") {
        return Ok(propose_html(&docx::html(bytes)?, lang, id, today));
    }
    if let Some(kind) = crate::format::not_text::not_text(bytes) {
        return Err(DocxRefused::NotZip(Some(kind)));
    }
    let text = String::from_utf8_lossy(bytes);
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        Ok(propose_html(&text, lang, id, today))
    } else {
        Ok(propose(&text, lang, id, today))
    }
}
