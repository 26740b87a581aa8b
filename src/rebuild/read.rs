//! The pasted text read row by row into a proposal: headings open elements at their
//! level, a header row opens a table (indicators, actions, elements) that the rows
//! after it fill, and what fits nowhere is listed as unplaced.

use super::columns::{self, Column, ElementsHeader, Header, IndicatorWord};
use super::heading::{self, Heading, Key};
use super::markup::{clean, html_lines, table_rows, without_tables};
use super::target;
use super::{Proposal, Read, ReadAs, TableCell, Unplaced, Why};
use crate::calc::search::fold;
use crate::model::action::{Action, ActionStatus, ProgressRecord};
use crate::model::checkpoint::Checkpoint;
use crate::model::date::PlanDate;
use crate::model::element::Element;
use crate::model::id::{Id, Meta};
use crate::model::indicator::{Direction, Indicator, IndicatorKind, Segment};
use crate::model::level::{Level, Noun};
use crate::model::measurement::Value;
use crate::model::target::{Target, TargetValue};
use crate::rebuild::words;
use crate::start::template::{new_plan, Template};
use crate::words::lang::Lang;
use chrono::{Datelike, NaiveDate};
use std::collections::{HashMap, HashSet};

/// One row of the text: its number, its cells as pasted and without markup, and
/// whether it had tabs (a line without tabs is not a table's row and ends a table).
struct Row {
    number: usize,
    cells: Vec<String>,
    tabbed: bool,
    /// The other lines of the text the row was written over.
    also: Vec<usize>,
    /// The table the row belongs to, from 1, and its row there, from 1.
    table: Option<(usize, usize)>,
}

impl Row {
    fn filled(&self) -> impl Iterator<Item = (usize, &str)> + '_ {
        self.cells.iter().enumerate().filter(|(_, c)| !c.is_empty()).map(|(i, c)| (i, c.as_str()))
    }
}

/// The rows of `text`, an HTML table inside a cell giving rows of its own right after
/// the row that holds it, under the same number; a row whose cell holds several
/// paragraphs, which Word writes over several lines, made one again.
fn rows(text: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    for (index, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        // Word writes a bulleted paragraph « •⇥text »: the tab is the bullet's, not a cell's.
        let line = line.replace("•\t", "• ");
        let raw: Vec<&str> = line.split('\t').collect();
        let mut inner = Vec::new();
        let cells = raw
            .iter()
            .map(|cell| {
                if cell.to_ascii_lowercase().contains("<tr") {
                    inner.extend(table_rows(cell));
                    clean(&without_tables(cell))
                } else {
                    clean(cell)
                }
            })
            .collect();
        rows.push(Row { number: index + 1, cells, tabbed: raw.len() > 1, also: Vec::new(), table: None });
        rows.extend(inner.into_iter().map(|cells| Row {
            number: index + 1,
            cells,
            tabbed: true,
            also: Vec::new(),
            table: None,
        }));
    }
    let mut rows = joined(rows);
    // In the text flavour a table is a run of rows with tabs.
    let mut tables = 0;
    let mut previous = false;
    for row in &mut rows {
        if row.tabbed && !previous {
            tables += 1;
        }
        previous = row.tabbed;
        row.table = row.tabbed.then_some((tables, 0));
    }
    numbered_in_tables(rows)
}

/// Each table row's number within its table.
fn numbered_in_tables(mut rows: Vec<Row>) -> Vec<Row> {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for row in &mut rows {
        if let Some((table, at)) = &mut row.table {
            let count = counts.entry(*table).or_default();
            *count += 1;
            *at = *count;
        }
    }
    rows
}

/// The rows of an HTML clipboard or file, numbered in order.
fn html_rows(html: &str) -> Vec<Row> {
    let lines = html_lines(html);
    numbered_in_tables(
        lines
            .into_iter()
            .enumerate()
            .map(|(i, (cells, table))| Row {
                number: i + 1,
                cells,
                tabbed: table.is_some(),
                also: Vec::new(),
                table: table.map(|t| (t, 0)),
            })
            .collect(),
    )
}

/// Lines that together make one row of the table above them: a cell of several
/// paragraphs spreads a row over several lines, the paragraph's end closing the line,
/// so that lines of fewer cells than the table, joined end to start, give exactly its
/// width. A line that opens a table or names a level is never the rest of a row.
fn joined(rows: Vec<Row>) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::new();
    let mut width = 0;
    let mut at = 0;
    while at < rows.len() {
        let row = &rows[at];
        if row.cells.iter().all(String::is_empty) {
            width = 0;
        } else if row.tabbed && row.cells.len() >= width {
            width = row.cells.len();
        }
        let start_width = row.cells.len();
        let mut end = at;
        let mut cells = start_width;
        if width >= 2 && start_width < width && row.cells.iter().any(|c| !c.is_empty()) {
            while cells < width && end + 1 < rows.len() {
                let next = &rows[end + 1];
                if next.cells.iter().all(String::is_empty) || opens_something(next) {
                    break;
                }
                end += 1;
                cells += next.cells.len() - 1;
            }
        }
        if end > at && cells == width {
            let mut whole = rows[at].cells.clone();
            for next in &rows[at + 1..=end] {
                let mut rest = next.cells.iter();
                if let (Some(last), Some(first)) = (whole.last_mut(), rest.next()) {
                    if !first.is_empty() {
                        if !last.is_empty() {
                            last.push('\n');
                        }
                        last.push_str(first);
                    }
                }
                whole.extend(rest.cloned());
            }
            let also = rows[at + 1..=end].iter().map(|r| r.number).collect();
            out.push(Row { number: rows[at].number, cells: whole, tabbed: true, also, table: None });
            at = end + 1;
        } else {
            out.push(Row {
                number: row.number,
                cells: row.cells.clone(),
                tabbed: row.tabbed,
                also: Vec::new(),
                table: None,
            });
            at += 1;
        }
    }
    out
}

/// A line that opens a table (a header row) or a level (« Objectif 2 »).
fn opens_something(row: &Row) -> bool {
    let first = row.cells.iter().find(|c| !c.is_empty()).map_or("", String::as_str);
    columns::actions_header(&row.cells).is_some()
        || columns::elements_header(&row.cells).is_some()
        || columns::indicator_word(first).is_some()
        || (!row.tabbed && heading::by_word(first).is_some())
}

enum Context {
    None,
    Indicators { objective: Id, year: Option<i32> },
    Actions(Box<ActionsTable>),
    Elements { header: ElementsHeader },
}

/// A table of actions as its header says: its fields, the columns that hold levels
/// (« ENJEUX | ORIENTATIONS | OBJECTIFS | MOYENS »), what a second header row names
/// under a merged cell (« Échéancier » over « An 1 | An 2 »).
#[derive(Clone)]
struct ActionsTable {
    header: Header,
    levels: Vec<LevelColumn>,
    /// The second header row's label of each column, empty where it has none.
    under: Vec<String>,
    objective: Option<Id>,
    last: Option<Id>,
    checkpoint: Option<Id>,
    /// No row read since the header: a second header row may follow.
    fresh: bool,
}

/// A column whose cells open elements of one level, an empty cell continuing the
/// element above it.
#[derive(Clone)]
struct LevelColumn {
    at: usize,
    key: Key,
    written: String,
}

struct Reader {
    lang: Lang,
    today: NaiveDate,
    proposal: Proposal,
    /// What places each level, from the top.
    keys: Vec<Key>,
    /// Each level's word as first written (« AXE »), when a word named it.
    words: Vec<Option<String>>,
    /// The element open at each level, from the top.
    open: Vec<Id>,
    context: Context,
    /// What a table of contents calls a heading, by its level and its code.
    contents: HashMap<(Key, String), String>,
    /// Lines that the text repeats on their own.
    repeated: HashSet<String>,
    action_word: Option<String>,
    /// Whether a table gave actions (otherwise the deepest level of codes is the actions).
    actions_from_tables: bool,
    /// The element each id names, by its position in the plan.
    index: HashMap<Id, usize>,
    /// Whether the text names a level anywhere (a heading, a table of elements or of
    /// levels): then no paragraph is made an element for want of one.
    names_levels: bool,
    /// An element just opened by a heading without a title (« Objectif 1.1 »): the
    /// paragraph right after it is its title.
    untitled: Option<Id>,
    /// Each table row's place and cells, by its line (the first row of a line).
    table_rows: HashMap<usize, ((usize, usize), Vec<String>)>,
    /// Whether the text holds several tables (then a place names its table).
    several_tables: bool,
}

pub fn read(text: &str, lang: Lang, id: Id, today: NaiveDate) -> Proposal {
    read_rows(rows(text), text, lang, id, today)
}

pub fn read_html(html: &str, lang: Lang, id: Id, today: NaiveDate) -> Proposal {
    let rows = html_rows(html);
    let text: Vec<String> = rows.iter().map(|r| r.cells.join("\t")).collect();
    read_rows(rows, &text.join("\n"), lang, id, today)
}

fn read_rows(rows: Vec<Row>, text: &str, lang: Lang, id: Id, today: NaiveDate) -> Proposal {
    let mut plan = new_plan(Template::Blank, id, &words::default_title(lang), today, lang);
    plan.levels.clear();
    // The period a line of its own names (« Plan d'action régional 2024-2025 »), else
    // the first one the text names, else the school year under way.
    let lines = rows.iter().filter(|r| r.filled().count() == 1).flat_map(|r| r.filled().map(|(_, c)| c));
    if let Some((start, end)) = lines.filter_map(period_in).next().or_else(|| period_in(text)) {
        plan.period.start = start;
        plan.period.end = end;
    }
    let mut reader = Reader {
        lang,
        today,
        proposal: Proposal { plan, read: Vec::new(), unplaced: Vec::new(), dropped: Vec::new(), next_id: 1 },
        keys: Vec::new(),
        words: Vec::new(),
        open: Vec::new(),
        context: Context::None,
        contents: HashMap::new(),
        repeated: repeated_lines(&rows),
        action_word: None,
        actions_from_tables: false,
        index: HashMap::new(),
        names_levels: rows.iter().any(names_a_level),
        untitled: None,
        table_rows: HashMap::new(),
        several_tables: rows.iter().any(|r| r.table.is_some_and(|(t, _)| t > 1)),
    };
    for row in rows.iter().rev() {
        if let Some(place) = row.table {
            reader.table_rows.insert(row.number, (place, row.cells.clone()));
        }
    }
    for (at, row) in rows.iter().enumerate() {
        let next_is_code = rows[at + 1..]
            .iter()
            .find(|r| r.filled().next().is_some())
            .is_some_and(|r| !r.tabbed && r.filled().count() == 1 && heading::by_code(&r.cells[0]).is_some());
        reader.row(row, next_is_code);
        for line in &row.also {
            reader.note(*line, ReadAs::Line { of: row.number });
        }
    }
    reader.finish()
}

/// A row that names a level: a heading (« Objectif 2 », « 2.1 … »), a table of
/// elements, a header whose columns are levels.
fn names_a_level(row: &Row) -> bool {
    let first = row.cells.iter().find(|c| !c.is_empty()).map_or("", String::as_str);
    let levels_header =
        columns::actions_header(&row.cells).is_some() && row.cells.iter().any(|c| heading::header_level(c).is_some());
    heading::by_word(first).is_some()
        || (!row.tabbed && heading::by_code(first).is_some())
        || columns::elements_header(&row.cells).is_some()
        || levels_header
}

/// The single-cell lines that the text holds more than once and that are not
/// headings: running headers (« PEVR », « PEVR (MISE EN ŒUVRE) »), a repeated preamble.
fn repeated_lines(rows: &[Row]) -> HashSet<String> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for row in rows {
        let mut filled = row.filled();
        if let (Some((_, text)), None) = (filled.next(), filled.next()) {
            *seen.entry(text).or_default() += 1;
        }
    }
    seen.into_iter()
        .filter(|(text, count)| *count > 1 && heading::by_word(text).is_none() && heading::by_code(text).is_none())
        .map(|(text, _)| text.to_string())
        .collect()
}

/// The first « 2023-2027 » of the text, as the period from July 1st to June 30th.
fn period_in(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(8)).find_map(|i| {
        let window = &bytes[i..i + 9];
        let digits = |r: std::ops::Range<usize>| window[r].iter().all(u8::is_ascii_digit);
        let bounded =
            (i == 0 || !bytes[i - 1].is_ascii_digit()) && bytes.get(i + 9).is_none_or(|b| !b.is_ascii_digit());
        if !(bounded && digits(0..4) && window[4] == b'-' && digits(5..9)) {
            return None;
        }
        let first: i32 = text[i..i + 4].parse().ok()?;
        let last: i32 = text[i + 5..i + 9].parse().ok()?;
        if !(1990..=2100).contains(&first) || !(first + 1..=first + 10).contains(&last) {
            return None;
        }
        Some((NaiveDate::from_ymd_opt(first, 7, 1)?, NaiveDate::from_ymd_opt(last, 6, 30)?))
    })
}

impl Reader {
    fn new_id(&mut self, prefix: &str) -> Id {
        let id = Id::new(format!("{prefix}{}", self.proposal.next_id));
        self.proposal.next_id += 1;
        id
    }

    fn note(&mut self, row: usize, what: ReadAs) {
        self.proposal.read.push(Read { row, what });
    }

    fn unplaced(&mut self, row: usize, cells: Vec<String>, columns: Vec<Option<Column>>, why: Why) {
        let columns = if columns.len() == cells.len() { columns } else { vec![None; cells.len()] };
        // The first filled cell's column in the row as read, merged cells spread.
        let at = self.table_rows.get(&row).map(|((table, row_in_table), all)| {
            let first = cells.iter().find(|c| !c.is_empty());
            let column = first
                .and_then(|f| all.iter().position(|c| c == f))
                .or_else(|| all.iter().position(|c| !c.is_empty()))
                .unwrap_or(0);
            let table = self.several_tables.then_some(*table);
            TableCell { table, row: *row_in_table, column: column + 1 }
        });
        self.proposal.unplaced.push(Unplaced { row, cells, columns, why, at });
    }

    fn unplaced_row(&mut self, row: &Row, why: Why) {
        self.unplaced(row.number, row.cells.clone(), Vec::new(), why);
    }

    fn element(&self, id: &Id) -> Option<&Element> {
        self.index.get(id).map(|i| &self.proposal.plan.elements[*i])
    }

    fn row(&mut self, row: &Row, next_is_code: bool) {
        let filled: Vec<(usize, &str)> = row.filled().collect();
        let Some(&(first_at, first)) = filled.first() else { return };
        if let Some(id) = self.untitled.take() {
            let alone = !row.tabbed && filled.len() == 1 && !self.repeated.contains(first);
            if alone && heading::by_word(first).is_none() && heading::by_code(first).is_none() {
                if let Some(i) = self.index.get(&id).copied() {
                    self.proposal.plan.elements[i].title = first.to_string();
                    return self.note(row.number, ReadAs::Continued(id));
                }
            }
        }
        if !row.tabbed {
            self.context = Context::None;
        }
        if let (true, Some(IndicatorWord::Indicator), 0) = (row.tabbed, columns::indicator_word(first), first_at) {
            if let (false, Some(objective)) = (matches!(self.context, Context::Indicators { .. }), self.open.last()) {
                let year = row.filled().filter_map(|(_, c)| match columns::indicator_word(c) {
                    Some(IndicatorWord::Target(year)) => year,
                    _ => None,
                });
                self.context = Context::Indicators { objective: objective.clone(), year: year.last() };
                return self.note(row.number, ReadAs::Header);
            }
        }
        if filled.len() == 1 && self.repeated.contains(first) {
            self.context = Context::None;
            return self.unplaced_row(row, Why::Repeated);
        }
        if let Some(header) = columns::actions_header(&row.cells) {
            return self.open_actions(row, header);
        }
        if let Some(header) = columns::elements_header(&row.cells) {
            self.context = Context::Elements { header };
            return self.note(row.number, ReadAs::Header);
        }
        if let Context::Elements { header } = self.context {
            return self.elements_row(row, header);
        }
        // In a table whose columns are levels, « Enjeu 1 » in a cell is that column's element.
        if matches!(&self.context, Context::Actions(t) if !t.levels.is_empty()) && row.tabbed {
            return self.action_row(row);
        }
        if let (Context::None, [(_, title), (_, page)]) = (&self.context, filled.as_slice()) {
            if (1..=3).contains(&page.len()) && page.bytes().all(|b| b.is_ascii_digit()) {
                let title = title.trim_end_matches(['.', '…', ' ']);
                if let Some(h) = heading::by_word(title).or_else(|| heading::by_code(title)) {
                    self.contents.entry((h.key, h.code)).or_insert(h.title);
                }
                return self.unplaced_row(row, Why::Contents);
            }
        }
        let by_code = if row.tabbed { None } else { heading::by_code(first) };
        if let Some(heading) = heading::by_word(first).or(by_code) {
            return self.heading_row(row, first_at, heading);
        }
        match &self.context {
            Context::Indicators { .. } => return self.indicator_row(row),
            Context::Actions { .. } => return self.action_row(row),
            Context::Elements { .. } | Context::None => {}
        }
        if !row.tabbed && next_is_code && !self.open.is_empty() && first.chars().count() <= 200 {
            let heading = Heading { key: Key::Uncoded, word: None, code: String::new(), title: first.to_string() };
            return self.heading_row(row, first_at, heading);
        }
        self.unplaced_row(row, Why::Prose)
    }

    // -----------------------------------------------------------------------------
    // Headings and the tree

    fn heading_row(&mut self, row: &Row, at: usize, mut heading: Heading) {
        let mut rest: Vec<usize> = (at + 1..row.cells.len()).filter(|i| !row.cells[*i].is_empty()).collect();
        let parenthetical = heading.title.starts_with('(') && heading.title.ends_with(')');
        if heading.title.is_empty() || parenthetical {
            if let Some(pos) = rest.iter().position(|i| columns::indicator_word(&row.cells[*i]).is_none()) {
                heading.title = row.cells[rest.remove(pos)].clone();
            } else if parenthetical {
                heading.title.clear();
            }
        }
        let untitled = heading.title.is_empty();
        let Some(id) = self.place_heading(row.number, heading, &row.cells) else {
            self.context = Context::None;
            return;
        };
        if untitled && self.element(&id).is_some_and(|e| e.title.is_empty()) {
            self.untitled = Some(id.clone());
        }
        let mut year = None;
        let mut indicators = false;
        let mut beside = Vec::new();
        for i in rest {
            match columns::indicator_word(&row.cells[i]) {
                Some(IndicatorWord::Indicator) => indicators = true,
                Some(IndicatorWord::Target(y)) => {
                    indicators = true;
                    year = year.or(y);
                }
                None => beside.push(row.cells[i].clone()),
            }
        }
        self.context = if indicators { Context::Indicators { objective: id, year } } else { Context::None };
        if !beside.is_empty() {
            self.unplaced(row.number, beside, Vec::new(), Why::Beside);
        }
    }

    /// Puts `heading` at its level: a new element, or the element it repeats. `None`
    /// when it could not be placed (it is then listed as unplaced).
    fn place_heading(&mut self, number: usize, heading: Heading, cells: &[String]) -> Option<Id> {
        let depth = match self.keys.iter().position(|k| *k == heading.key) {
            Some(depth) => depth,
            None => {
                self.keys.push(heading.key.clone());
                self.words.push(heading.word.clone());
                self.keys.len() - 1
            }
        };
        if heading.code.contains('.') {
            self.follow_code(number, depth, &heading.code);
        }
        if depth > 0 && self.open.len() < depth {
            self.unplaced(number, cells.to_vec(), Vec::new(), Why::NoParent);
            return None;
        }
        let parent = if depth == 0 { None } else { Some(self.open[depth - 1].clone()) };
        // The same element written again: the same code at its place, or, without a
        // code, the same title (a block repeated for each objective).
        let coded = !heading.code.is_empty();
        if coded || !heading.title.is_empty() {
            let same = self.proposal.plan.elements.iter().find(|e| {
                let code = e.code.as_deref().unwrap_or_default();
                let same_code = if coded {
                    code == heading.code
                } else {
                    code.is_empty() && fold(&e.title) == fold(&heading.title)
                };
                e.level == depth && e.parent == parent && same_code
            });
            if let Some(existing) = same {
                let id = existing.id.clone();
                let same_title = heading.title.is_empty() || fold(&heading.title) == fold(&existing.title);
                if same_title {
                    self.note(number, ReadAs::Repeat(id.clone()));
                } else {
                    self.unplaced(number, cells.to_vec(), Vec::new(), Why::OtherTitle { element: id.clone() });
                }
                self.open.truncate(depth);
                self.open.push(id.clone());
                return Some(id);
            }
        }
        let id = self.new_id("e");
        let mut element = Element::new(id.as_str(), depth, None, &heading.title);
        element.parent = parent;
        element.code = Some(heading.code);
        self.push_element(element);
        self.open.truncate(depth);
        self.open.push(id.clone());
        self.note(number, ReadAs::Element(id.clone()));
        Some(id)
    }

    fn push_element(&mut self, element: Element) {
        self.index.insert(element.id.clone(), self.proposal.plan.elements.len());
        self.proposal.plan.elements.push(element);
    }

    /// Before « 5.1 » is placed at `depth`: when the nearest open element with a code
    /// is not « 5 », the element « 5 » is found or made at that element's level (its
    /// title from the table of contents), and a heading without a code that was opened
    /// just before, still empty, moves under it.
    fn follow_code(&mut self, number: usize, depth: usize, code: &str) {
        let Some((prefix, _)) = code.rsplit_once('.') else { return };
        let open = self.open.len().min(depth);
        let Some(coded) = (0..open).rev().find(|d| self.element(&self.open[*d]).is_some_and(|e| !e.unnumbered()))
        else {
            return;
        };
        if self.element(&self.open[coded]).and_then(|e| e.code.as_deref()) == Some(prefix) {
            return;
        }
        let grandparent = self.element(&self.open[coded]).and_then(|e| e.parent.clone());
        let found = self
            .proposal
            .plan
            .elements
            .iter()
            .find(|e| e.level == coded && e.parent == grandparent && e.code.as_deref() == Some(prefix));
        let anchor = match found {
            Some(e) => e.id.clone(),
            None => {
                let title =
                    self.contents.get(&(self.keys[coded].clone(), prefix.to_string())).cloned().unwrap_or_default();
                let id = self.new_id("e");
                let mut element = Element::new(id.as_str(), coded, None, &title);
                element.parent = grandparent;
                element.code = Some(prefix.to_string());
                self.push_element(element);
                self.note(number, ReadAs::Made(id.clone()));
                id
            }
        };
        let uncoded_below = self.open.get(coded + 1).cloned().filter(|id| {
            let empty = !self.proposal.plan.elements.iter().any(|e| e.parent.as_ref() == Some(id));
            self.element(id).is_some_and(|e| e.unnumbered() && e.level == coded + 1) && empty
        });
        self.open.truncate(coded);
        self.open.push(anchor.clone());
        if let Some(moved) = uncoded_below {
            // It has no children yet: after its new parent, it is again the last element.
            let elements = &mut self.proposal.plan.elements;
            if let Some(i) = elements.iter().position(|e| e.id == moved) {
                let mut element = elements.remove(i);
                element.parent = Some(anchor);
                elements.push(element);
                self.index = elements.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
            }
            self.open.push(moved);
        }
    }

    // -----------------------------------------------------------------------------
    // Tables of elements: « NO | TITRE | OBJECTIFS SMART »

    fn elements_row(&mut self, row: &Row, header: ElementsHeader) {
        let cell = |i: usize| row.cells.get(i).cloned().unwrap_or_default();
        let (code, title) = (cell(header.code), cell(header.title));
        let children = header.children.map(cell).unwrap_or_default();
        let target_at = header.target.map(|(i, _)| i);
        let used = [Some(header.code), Some(header.title), header.children, header.indicator, target_at];
        let mut others: Vec<String> =
            row.filled().filter(|(i, _)| !used.contains(&Some(*i))).map(|(_, c)| c.to_string()).collect();
        let mut last = None;
        if !(code.is_empty() && title.is_empty()) {
            // « 1 », « 1.1 », « 1.1.1 » in one column: the code's depth is the level.
            let key = if columns::dotted_code(&code) {
                Key::Depth(code.trim_end_matches('.').split('.').count())
            } else {
                Key::Table
            };
            let heading = Heading { key, word: None, code, title };
            last = self.place_heading(row.number, heading, &row.cells);
            let Some(element) = last.clone() else { return };
            let label = header.indicator.map(cell).unwrap_or_default();
            if !label.is_empty() {
                let id = self.new_id("i");
                let target = target_at.map(cell).filter(|t| !t.is_empty());
                let between = std::mem::take(&mut others);
                let year = header.target.and_then(|(_, year)| year);
                let indicator =
                    indicator(id.clone(), element, label, target, between, year, self.proposal.plan.period.end);
                self.proposal.plan.indicators.push(indicator);
                self.note(row.number, ReadAs::Indicator(id));
            }
        } else if children.is_empty() {
            return self.unplaced_row(row, Why::Fragment);
        } else if let Some(open) = self.keys.iter().position(|k| *k == Key::Table).and_then(|d| self.open.get(d)) {
            self.note(row.number, ReadAs::Continued(open.clone()));
        } else {
            return self.unplaced_row(row, Why::NoParent);
        }
        for paragraph in children.split('\n') {
            match heading::by_word(paragraph) {
                Some(child) => last = self.place_heading(row.number, child, &[paragraph.to_string()]).or(last),
                None => {
                    let target = last.clone().or_else(|| self.open.last().cloned());
                    if let Some(i) = target.and_then(|id| self.index.get(&id).copied()) {
                        let description = &mut self.proposal.plan.elements[i].description;
                        join(description, paragraph, "\n");
                    }
                }
            }
        }
        if !others.is_empty() {
            self.unplaced(row.number, others, Vec::new(), Why::Beside);
        }
    }

    // -----------------------------------------------------------------------------
    // Indicators

    fn indicator_row(&mut self, row: &Row) {
        let Context::Indicators { objective, year } = &mut self.context else { return };
        let mut cells = Vec::new();
        for (_, cell) in row.filled() {
            match columns::indicator_word(cell) {
                Some(IndicatorWord::Target(y)) => *year = y.or(*year),
                Some(IndicatorWord::Indicator) => {}
                None => cells.push(cell.to_string()),
            }
        }
        let (objective, year) = (objective.clone(), *year);
        if cells.is_empty() {
            return self.note(row.number, ReadAs::Header);
        }
        let label = cells.remove(0);
        // « 1. Taux de… »: the indicator's number goes, its label stays.
        let label = match heading::by_code(&label) {
            Some(h) if !h.code.contains('.') && label.starts_with(&format!("{}.", h.code)) => h.title,
            _ => label,
        };
        let target = if cells.is_empty() { None } else { cells.pop() };
        let same =
            self.proposal.plan.indicators.iter().find(|i| i.objective == objective && same_label(&i.label, &label));
        if let Some(existing) = same {
            let id = existing.id.clone();
            return self.note(row.number, ReadAs::Repeat(id));
        }
        let id = self.new_id("i");
        let indicator = indicator(id.clone(), objective, label, target, cells, year, self.proposal.plan.period.end);
        self.proposal.plan.indicators.push(indicator);
        self.note(row.number, ReadAs::Indicator(id));
    }

    // -----------------------------------------------------------------------------
    // Actions

    fn open_actions(&mut self, row: &Row, mut header: Header) {
        let title_at = header.iter().position(|c| *c == Some(Column::Title));
        let mut levels = Vec::new();
        for (at, cell) in row.cells.iter().enumerate().take(title_at.unwrap_or(0)) {
            if let Some((written, word)) = heading::header_level(cell) {
                header[at] = None;
                levels.push(LevelColumn { at, key: Key::Word(word), written });
            }
        }
        if self.action_word.is_none() {
            self.action_word = title_at.map(|i| row.cells[i].clone());
        }
        let checkpoint =
            header.iter().position(|c| *c == Some(Column::Progress)).and_then(|i| self.checkpoint(&row.cells[i]));
        if levels.is_empty() && !self.names_levels {
            self.element_from_prose();
        }
        let objective = self.open.last().cloned();
        let table = ActionsTable { header, levels, under: Vec::new(), objective, last: None, checkpoint, fresh: true };
        self.context = Context::Actions(Box::new(table));
        self.note(row.number, ReadAs::Header);
    }

    /// A table of actions under no level at all: the longest paragraph written since
    /// the last table (a goal stated above its table) is the element they serve, at a
    /// level of its own, the others staying unplaced.
    fn element_from_prose(&mut self) {
        let since = self.proposal.read.iter().map(|r| r.row).max().unwrap_or(0);
        let longest = (0..self.proposal.unplaced.len())
            .filter(|i| {
                let u = &self.proposal.unplaced[*i];
                u.row > since && u.why == Why::Prose && u.filled().count() == 1
            })
            .max_by_key(|i| self.proposal.unplaced[*i].filled().map(|c| c.chars().count()).sum::<usize>());
        let Some(at) = longest else { return };
        let title = self.proposal.unplaced[at].filled().next().unwrap_or_default().to_string();
        if title.chars().count() < 20 {
            return;
        }
        let row = self.proposal.unplaced.remove(at).row;
        let heading = Heading { key: Key::Uncoded, word: None, code: String::new(), title };
        self.place_heading(row, heading, &[]);
    }

    /// A second header row right under the first: short labels under a merged cell
    /// (« An 1 | An 2 | An 3 » under « Échéancier »), each column then read as the
    /// field of the merged cell to its left.
    fn sub_header(&mut self, row: &Row) -> bool {
        let Context::Actions(table) = &mut self.context else { return false };
        let filled: Vec<(usize, &str)> = row.filled().collect();
        let title_at = table.header.iter().position(|c| *c == Some(Column::Title));
        let labels = !filled.is_empty()
            && filled.iter().all(|(i, c)| c.chars().count() <= 20 && Some(*i) != title_at && *i > 0)
            && filled.iter().any(|(i, _)| table.header.get(*i).is_none_or(Option::is_none));
        if !(table.fresh && labels) {
            return false;
        }
        table.header.resize(row.cells.len().max(table.header.len()), None);
        table.under = row.cells.clone();
        for (i, _) in &filled {
            if let Some(field) = (0..=*i).rev().find_map(|j| table.header[j]) {
                table.header[*i] = Some(field);
            }
        }
        table.fresh = false;
        true
    }

    /// The checkpoint a « État d'avancement 12 décembre 2023 » header names: found or
    /// made; an undated header is the last checkpoint made, or one dated today.
    fn checkpoint(&mut self, header: &str) -> Option<Id> {
        let words: Vec<&str> = header.split_whitespace().collect();
        let date = (2..=3).rev().find_map(|n| {
            let tail = words.get(words.len().saturating_sub(n)..)?.join(" ");
            crate::words::input::read_day(&tail).ok()
        });
        let checkpoints = &self.proposal.plan.checkpoints;
        let date = match date {
            Some(date) => date,
            None => match checkpoints.last() {
                Some(last) => return Some(last.id.clone()),
                None => self.today,
            },
        };
        if let Some(same) = checkpoints.iter().find(|c| c.date == date) {
            return Some(same.id.clone());
        }
        let id = self.new_id("c");
        let checkpoint =
            Checkpoint { id: id.clone(), label: header.to_string(), date, closed: false, meta: Meta::default() };
        self.proposal.plan.checkpoints.push(checkpoint);
        Some(id)
    }

    fn action_row(&mut self, row: &Row) {
        if self.sub_header(row) {
            return self.note(row.number, ReadAs::Header);
        }
        let Context::Actions(table) = &mut self.context else { return };
        table.fresh = false;
        let table = (**table).clone();
        let mut opened = false;
        for level in &table.levels {
            let Some(cell) = row.cells.get(level.at).filter(|c| !c.is_empty()) else { continue };
            let (code, title) = heading::in_cell(cell);
            let heading = Heading { key: level.key.clone(), word: Some(level.written.clone()), code, title };
            if self.place_heading(row.number, heading, &row.cells).is_none() {
                return;
            }
            opened = true;
        }
        let objective = if table.levels.is_empty() { table.objective.clone() } else { self.open.last().cloned() };
        let mut cells = row.cells.clone();
        for level in &table.levels {
            if let Some(cell) = cells.get_mut(level.at) {
                cell.clear();
            }
        }
        // A table of levels is as Word wrote it: its cells are where its header says.
        let (mut cells, header) =
            if table.levels.is_empty() { aligned(&cells, &table.header) } else { (cells, table.header.clone()) };
        // A mark (« X ») under a sub-column says that column's label; the marks under
        // one merged cell make one list in its first column.
        let mut first_of_field: Option<usize> = None;
        for i in 0..cells.len().min(table.under.len()) {
            let label = &table.under[i];
            if label.is_empty() {
                first_of_field = None;
                continue;
            }
            let field = header.get(i).copied().flatten();
            let first = match first_of_field {
                Some(f) if header.get(f).copied().flatten() == field => f,
                _ => i,
            };
            first_of_field = Some(first);
            if cells[i].is_empty() || cells[i].chars().count() > 3 {
                continue;
            }
            let mark = std::mem::take(&mut cells[i]);
            let said = if mark.chars().any(char::is_alphanumeric) && !["x", "X"].contains(&mark.as_str()) {
                mark
            } else {
                label.clone()
            };
            if !cells[first].is_empty() {
                cells[first].push_str(", ");
            }
            cells[first].push_str(&said);
        }
        let columns: Vec<Option<Column>> = (0..cells.len()).map(|i| header.get(i).copied().flatten()).collect();
        let at = |column: Column| columns.iter().position(|c| *c == Some(column)).map(|i| cells[i].as_str());
        let title = at(Column::Title).unwrap_or_default();
        if !title.chars().any(char::is_alphanumeric) {
            if opened && cells.iter().all(String::is_empty) {
                return;
            }
            return self.unplaced(row.number, cells.clone(), columns.clone(), Why::Fragment);
        }
        let cut = title.chars().next().is_some_and(char::is_lowercase) && !opened;
        if let (true, Some(last)) = (cut, &table.last) {
            if let Some(action) = self.proposal.plan.actions.iter_mut().find(|a| &a.id == last) {
                for (cell, column) in cells.iter().zip(&columns) {
                    if let (false, Some(column)) = (cell.is_empty(), column) {
                        add_to(action, *column, cell, table.checkpoint.as_ref(), " ");
                    }
                }
                return self.note(row.number, ReadAs::Continued(last.clone()));
            }
        }
        let by_code = at(Column::Objective).filter(|c| !c.is_empty()).and_then(|code| self.by_path(code));
        let Some(objective) = by_code.or(objective) else {
            return self.unplaced(row.number, cells.clone(), columns.clone(), Why::NoObjective);
        };
        let coded = columns.contains(&Some(Column::Code));
        let mut beside = Vec::new();
        let mut last = None;
        for title in titles_in(title) {
            let id = self.new_id("a");
            let mut action = Action::new(id.as_str(), "", &[objective.as_str()]);
            for (cell, column) in cells.iter().zip(&columns) {
                match (cell.is_empty(), column) {
                    (true, _) | (false, Some(Column::Objective | Column::Indicator)) => {}
                    (false, Some(Column::Title)) => {
                        let (code, title) = if coded { (None, title.to_string()) } else { code_before(title) };
                        action.title = title;
                        action.code = code.or(action.code.take());
                    }
                    (false, Some(column)) => add_to(&mut action, *column, cell, table.checkpoint.as_ref(), "\n"),
                    (false, None) if last.is_none() => beside.push(cell.clone()),
                    (false, None) => {}
                }
            }
            self.proposal.plan.actions.push(action);
            self.note(row.number, ReadAs::Action(id.clone()));
            last = Some(id);
        }
        if let Some(measures) = at(Column::Indicator).filter(|c| !c.is_empty()).map(str::to_string) {
            self.indicators_in(row.number, &objective, &measures);
        }
        self.actions_from_tables = true;
        if let Context::Actions(table) = &mut self.context {
            table.last = last;
        }
        if !beside.is_empty() {
            self.unplaced(row.number, beside, Vec::new(), Why::Beside);
        }
    }

    /// The indicators a cell of an actions table names, one per paragraph, each once.
    fn indicators_in(&mut self, number: usize, objective: &Id, cell: &str) {
        for label in cell.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
            let known =
                self.proposal.plan.indicators.iter().any(|i| &i.objective == objective && same_label(&i.label, label));
            if known {
                continue;
            }
            let id = self.new_id("i");
            let end = self.proposal.plan.period.end;
            let indicator = indicator(id.clone(), objective.clone(), label.to_string(), None, Vec::new(), None, end);
            self.proposal.plan.indicators.push(indicator);
            self.note(number, ReadAs::Indicator(id));
        }
    }

    /// The element whose codes from the top, joined by points, are `code` (« 2.1 » is
    /// objective « 1 » of project « 2 »), or whose own code is `code`.
    fn by_path(&self, code: &str) -> Option<Id> {
        let code = code.trim().trim_end_matches('.');
        let elements = &self.proposal.plan.elements;
        let path = |e: &Element| {
            let mut parts = Vec::new();
            let mut current = Some(e);
            while let Some(element) = current {
                if let Some(c) = element.code.as_deref().filter(|c| !c.is_empty()) {
                    parts.push(c.to_string());
                }
                current = element.parent.as_ref().and_then(|p| self.element(p));
                if parts.len() > 12 {
                    break;
                }
            }
            parts.reverse();
            parts.join(".")
        };
        let deepest = elements.iter().map(|e| e.level).max()?;
        let mut found = elements.iter().filter(|e| e.level == deepest).find(|e| path(e) == code);
        if found.is_none() {
            found = elements.iter().rev().find(|e| e.code.as_deref() == Some(code));
        }
        found.map(|e| e.id.clone())
    }

    // -----------------------------------------------------------------------------
    // The plan as proposed

    fn finish(mut self) -> Proposal {
        let deepest_is_codes = matches!(self.keys.last(), Some(Key::Depth(n)) if *n >= 2);
        // An element measured by an indicator is an objective, never an action.
        let deepest = self.keys.len().saturating_sub(1);
        let measured = self
            .proposal
            .plan
            .indicators
            .iter()
            .any(|i| self.element(&i.objective).is_some_and(|e| e.level == deepest));
        if !self.actions_from_tables && deepest_is_codes && self.keys.len() >= 2 && !measured {
            self.codes_become_actions();
        }
        let lang = self.lang;
        let plan = &mut self.proposal.plan;
        plan.levels = self
            .words
            .iter()
            .enumerate()
            .map(|(rank, word)| Level {
                name: match word {
                    Some(word) => noun_of(word),
                    None => words::level_by_rank(lang, rank + 1),
                },
            })
            .collect();
        if plan.levels.is_empty() {
            plan.levels.push(Level { name: words::level_by_rank(lang, 1) });
        }
        plan.objective_level = plan.levels.len() - 1;
        plan.action_name = match &self.action_word {
            Some(word) => noun_of(word),
            None => words::default_action(lang),
        };
        let objective_level = plan.objective_level;
        for element in plan.elements.iter_mut().filter(|e| e.level == objective_level) {
            element.deadline = deadline(&element.title);
        }
        self.proposal
    }

    /// The deepest level of codes (« 1.1.1 » under « 1.1 ») when no table gave actions:
    /// the plan's actions, each linked to the element above it, its carrier taken from
    /// a closing « (CECCE) » or « (collaboration) ».
    fn codes_become_actions(&mut self) {
        let last = self.keys.len() - 1;
        let plan = &mut self.proposal.plan;
        let (actions, elements): (Vec<Element>, Vec<Element>) =
            std::mem::take(&mut plan.elements).into_inner().into_iter().partition(|e| e.level == last);
        plan.elements = elements.into();
        for element in actions {
            let (title, carrier) = carrier_of(&element.title);
            let objectives: Vec<&str> = element.parent.iter().map(Id::as_str).collect();
            let mut action = Action::new(element.id.as_str(), title, &objectives);
            action.code = element.code.filter(|c| !c.is_empty());
            action.carrier = carrier.to_string();
            plan.actions.push(action);
        }
        for read in &mut self.proposal.read {
            if let ReadAs::Element(id) = &read.what {
                if plan.actions.iter().any(|a| &a.id == id) {
                    read.what = ReadAs::Action(id.clone());
                }
            }
        }
        self.keys.pop();
        self.words.pop();
        self.index = plan.elements.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
    }
}

/// The actions a title cell holds: one per bulleted paragraph (« • », « – », « - »,
/// bullet taken off), else the whole cell.
fn titles_in(cell: &str) -> Vec<&str> {
    let bullet = |p: &str| {
        let mut chars = p.chars();
        matches!(chars.next(), Some('•' | '◦' | '▪' | '–' | '-' | '*' | '\u{f0b7}'))
            && chars.next().is_some_and(char::is_whitespace)
    };
    if !cell.split('\n').any(bullet) {
        return vec![cell];
    }
    cell.split('\n')
        .map(|p| if bullet(p) { p.split_at(p.chars().next().map_or(0, char::len_utf8)).1.trim() } else { p.trim() })
        .filter(|p| !p.is_empty())
        .collect()
}

/// « 1.1.1 Offrir… » → (« 1.1.1 », « Offrir… »): a code of several parts before an
/// action's title.
fn code_before(title: &str) -> (Option<String>, String) {
    match heading::by_code(title) {
        Some(h) if h.code.contains('.') => (Some(h.code), h.title),
        _ => (None, title.to_string()),
    }
}

/// The cells of an action's row placed by what they contain: a row shifted by an
/// empty cell is moved back where its code says it belongs; a list of target-group
/// codes found beside the groups' column swaps places with what is in it; a row
/// shorter than a header that has unnamed columns is read against the named ones.
fn aligned(cells: &[String], header: &Header) -> (Vec<String>, Header) {
    let mut cells = cells.to_vec();
    let mut header = header.clone();
    let trimmed = cells.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1);
    let unnamed_filled = header.iter().zip(&cells).any(|(h, c)| h.is_none() && !c.is_empty());
    if trimmed < header.len() && unnamed_filled {
        header.retain(Option::is_some);
    }
    if let Some(code_at) = header.iter().position(|c| *c == Some(Column::Code)) {
        if let Some(found) = cells.iter().position(|c| columns::dotted_code(c)) {
            if found > code_at && cells[code_at..found].iter().all(String::is_empty) {
                cells.drain(code_at..found);
            } else if found < code_at {
                cells.splice(found..found, std::iter::repeat_n(String::new(), code_at - found));
            }
        }
    }
    if let Some(groups_at) = header.iter().position(|c| *c == Some(Column::Groups)) {
        let fixed = [Some(Column::Code), Some(Column::Objective), Some(Column::Groups)];
        let in_place = cells.get(groups_at).is_some_and(|c| c.is_empty() || columns::group_codes(c).is_some());
        let elsewhere = (0..cells.len()).find(|i| {
            !fixed.contains(&header.get(*i).copied().flatten()) && columns::group_codes(&cells[*i]).is_some()
        });
        if let (false, Some(found), true) = (in_place, elsewhere, groups_at < cells.len()) {
            cells.swap(groups_at, found);
        }
    }
    (cells, header)
}

/// Puts `cell` in the field `column` names; a field already filled gets it after
/// `separator` (a row cut by a page break goes on where it stopped).
pub(super) fn add_to(action: &mut Action, column: Column, cell: &str, checkpoint: Option<&Id>, separator: &str) {
    let list = |cell: &str| -> Vec<String> {
        cell.split([',', ';', '\n']).map(str::trim).filter(|p| !p.is_empty()).map(String::from).collect()
    };
    match column {
        Column::Title => join(&mut action.title, cell, separator),
        Column::Code => action.code = Some(cell.to_string()),
        Column::Objective | Column::Indicator => {}
        Column::Groups => match (columns::group_codes(cell), action.groups.last_mut()) {
            (Some(codes), _) => action.groups.extend(codes),
            (None, Some(last)) if separator == " " => join(last, cell, " "),
            (None, _) => action.groups.push(cell.to_string()),
        },
        Column::Responsible => join(&mut action.responsible, cell, separator),
        Column::Carrier => join(&mut action.carrier, cell, separator),
        Column::Partners => action.partners.extend(list(cell)),
        Column::Implementation => join(&mut action.implementation, cell, separator),
        Column::Services => join(&mut action.services, cell, separator),
        Column::Evaluation => join(&mut action.evaluation, cell, separator),
        Column::ExpectedResults => join(&mut action.expected_results, cell, separator),
        Column::Schedule => join(&mut action.schedule.text, cell, separator),
        Column::Progress => {
            let Some(checkpoint) = checkpoint else { return };
            match action.progress.iter_mut().find(|p| &p.checkpoint == checkpoint) {
                Some(record) => join(&mut record.narrative, cell, separator),
                None => action.progress.push(ProgressRecord {
                    checkpoint: checkpoint.clone(),
                    // A written état d'avancement says work was reported; the user sets
                    // the exact status in the follow-up.
                    status: ActionStatus::InProgress,
                    percent: None,
                    narrative: cell.to_string(),
                    meta: Meta::default(),
                }),
            }
        }
    }
}

fn join(field: &mut String, more: &str, separator: &str) {
    if !field.is_empty() {
        field.push_str(separator);
    }
    field.push_str(more);
}

/// Two labels of one indicator: equal once folded, or one cut short of the other by
/// the extraction.
fn same_label(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    a == b || (short.chars().count() >= 20 && long.starts_with(short.as_str()))
}

/// An indicator as a table row gives it: its label, its target as written in its
/// note, and the target read as one number when it is one (dated by the header's
/// year, or the end of the plan).
pub(super) fn indicator(
    id: Id,
    objective: Id,
    label: String,
    target: Option<String>,
    between: Vec<String>,
    year: Option<i32>,
    end: NaiveDate,
) -> Indicator {
    let read = target.as_deref().and_then(target::read);
    let date = year.and_then(|y| PlanDate::month(y, 6)).or(PlanDate::day(end.year(), end.month(), end.day()));
    let targets = match (&read, date) {
        (Some(read), Some(date)) => vec![Target { date, value: TargetValue::Absolute(Value::Number(read.value)) }],
        _ => Vec::new(),
    };
    let mut note = between.join("\n");
    if let Some(target) = &target {
        join(&mut note, target, "\n");
    }
    Indicator {
        segments: vec![Segment {
            id: Id::new(format!("{id}-s")),
            label: String::new(),
            baseline: None,
            targets,
            measurements: Vec::new(),
        }],
        id,
        objective,
        label,
        kind: read.as_ref().map_or(IndicatorKind::Qualitative, |r| r.kind),
        direction: Direction::Increase,
        out_of: read.and_then(|r| r.out_of),
        source: String::new(),
        note,
        meta: Meta::default(),
    }
}

/// A level's name from the word a heading or a header wrote (« AXE », « MOYENS »,
/// « OBJECTIFS SMART »): in sentence case, singular and plural.
pub(super) fn noun_of(word: &str) -> Noun {
    let word = heading::first_choice(word);
    let word = word.as_str();
    let shouting = word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let written: Vec<String> = word
        .split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            // An acronym (« SMART ») stays as it is; a shouted word is put in sentence case.
            let acronym = i > 0 && w.chars().count() <= 5 && w.chars().all(char::is_uppercase);
            if !shouting || acronym {
                return w.to_string();
            }
            let lower = w.to_lowercase();
            if i > 0 {
                return lower;
            }
            let mut chars = lower.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
        })
        .collect();
    // Words up to the first linking word take the number: « Axe d'intervention ».
    let linked = written.iter().position(|w| {
        let f = fold(w);
        ["de", "du", "des", "la", "le", "et", "en", "of"].contains(&f.as_str()) || f.starts_with("d'")
    });
    let agreeing = linked.unwrap_or(written.len());
    let acronym = |w: &str| w.chars().count() > 1 && w.chars().all(char::is_uppercase);
    let singular: Vec<String> = written
        .iter()
        .enumerate()
        .map(|(i, w)| if i < agreeing && !acronym(w) { singular_of(w) } else { w.clone() })
        .collect();
    let plural: Vec<String> = singular
        .iter()
        .enumerate()
        .map(|(i, w)| if i < agreeing && !acronym(w) { plural_of(w) } else { w.clone() })
        .collect();
    Noun { singular: singular.join(" "), plural: plural.join(" ") }
}

fn singular_of(word: &str) -> String {
    // « Priorities » → « Priority », when that is a level word.
    if let Some(stem) = word.strip_suffix("ies") {
        let singular = format!("{stem}y");
        if heading::header_level(&singular).is_some() {
            return singular;
        }
    }
    if let Some(stem) = word.strip_suffix("eux").or_else(|| word.strip_suffix("eaux")) {
        let ending = if word.ends_with("eaux") { "eau" } else { "eu" };
        return format!("{stem}{ending}");
    }
    match word.strip_suffix('s') {
        Some(stem) if stem.chars().count() >= 3 && !stem.ends_with('s') => stem.to_string(),
        _ => word.to_string(),
    }
}

fn plural_of(word: &str) -> String {
    if let Some(stem) = word.strip_suffix('y').filter(|_| heading::header_level(word).is_some()) {
        return format!("{stem}ies");
    }
    if word.ends_with(['s', 'x', 'z']) {
        word.to_string()
    } else if word.ends_with("eu") || word.ends_with("au") {
        format!("{word}x")
    } else {
        format!("{word}s")
    }
}

/// « D'ici juin 2027, … »: the deadline an objective's title starts with.
fn deadline(title: &str) -> Option<PlanDate> {
    let folded = fold(title);
    let rest = ["d'ici ", "by ", "avant "].iter().find_map(|p| folded.strip_prefix(p))?;
    let words: Vec<&str> = rest.split_whitespace().take(3).map(|w| w.trim_end_matches([',', '.'])).collect();
    (2..=3).rev().find_map(|n| crate::words::input::read_date(&words.get(..n)?.join(" ")).ok())
}

/// « Offrir une bourse (CECCE) » → (« Offrir une bourse », « CECCE »): a closing
/// parenthesis that names an organisation by its acronym, or a collaboration.
fn carrier_of(title: &str) -> (&str, &str) {
    let Some(open) = title.rfind(" (") else { return (title, "") };
    let Some(inside) = title[open + 2..].strip_suffix(')') else { return (title, "") };
    let acronym = (2..=10).contains(&inside.chars().count())
        && inside.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-');
    if acronym || fold(inside).starts_with("collaboration") {
        (title[..open].trim_end(), inside)
    } else {
        (title, "")
    }
}
