//! Which field each column of a sheet holds: guessed from the header's words in either
//! language, changeable by the user before anything is read.

use crate::calc::search::fold;
use crate::model::plan::Plan;
use crate::words::lang::Lang;

/// The fields of one kind of table (actions, indicators).
pub trait Field: Copy + Eq + std::fmt::Debug + 'static {
    const ALL: &'static [Self];
    /// The header an export writes for the field, in `lang`, in the plan's own words.
    fn header(self, plan: &Plan, lang: Lang) -> String;
    /// Other headers, folded, that name the field in plans' own tables.
    fn aliases(self) -> &'static [&'static str];
}

/// The field each column holds, `None` for a column left unread.
pub type Mapping<F> = Vec<Option<F>>;

/// A header as compared: folded, without what follows a dash (« État — Bilan de
/// décembre », the checkpoint) or a parenthesis (« Budget prévu ($) »), and without
/// the punctuation around it.
pub fn key(header: &str) -> String {
    let header = header.split(" — ").next().unwrap_or(header);
    let header = header.split(" (").next().unwrap_or(header);
    fold(header).trim_matches(|c: char| !c.is_alphanumeric() && c != '%').to_owned()
}

/// The field of each column: the one whose header in French or English, or one of its
/// aliases, is the column's, each field taken by its first column only.
pub fn guess<F: Field>(header: &[String], plan: &Plan) -> Mapping<F> {
    let names: Vec<(F, Vec<String>)> = F::ALL
        .iter()
        .map(|&field| {
            let mut names = vec![key(&field.header(plan, Lang::Fr)), key(&field.header(plan, Lang::En))];
            names.extend(field.aliases().iter().map(|a| key(a)));
            (field, names)
        })
        .collect();
    let mut taken = Vec::new();
    header
        .iter()
        .map(|column| {
            let column = key(column);
            let found = names
                .iter()
                .find(|(field, names)| !taken.contains(field) && names.contains(&column))
                .map(|(field, _)| *field);
            taken.extend(found);
            found
        })
        .collect()
}

/// The column holding `field`, if any.
pub fn column<F: Field>(mapping: &Mapping<F>, field: F) -> Option<usize> {
    mapping.iter().position(|f| *f == Some(field))
}

/// The text of `field` in `row`, when a column holds it (a short row has empty cells).
pub fn cell<'a, F: Field>(mapping: &Mapping<F>, row: &'a [String], field: F) -> Option<&'a str> {
    column(mapping, field).map(|i| row.get(i).map_or("", String::as_str))
}

/// The header a problem names `field` by: the column's own, or, for a field no column
/// holds, the field's French header.
pub fn header_of<F: Field>(mapping: &Mapping<F>, header: &[String], field: F, plan: &Plan) -> String {
    column(mapping, field).and_then(|i| header.get(i).cloned()).unwrap_or_else(|| field.header(plan, Lang::Fr))
}

/// A row with more non-empty cells than the header has columns: the separator may not
/// be the one it seems.
pub fn too_many_cells(row: &[String], header: &[String]) -> Option<super::Problem> {
    let extra = row.get(header.len()..).unwrap_or_default();
    extra
        .iter()
        .any(|c| !c.trim().is_empty())
        .then_some(super::Problem::TooManyCells { found: row.len(), header: header.len() })
}
