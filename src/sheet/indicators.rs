//! The indicators table: one row per baseline, target or measurement of each segment
//! (a segment with none has one row of its own), read back into new indicators and
//! segments and into the values they add or change. An import never removes a value.

use super::cells;
use super::fields::{cell, column, header_of, too_many_cells, Field, Mapping};
use super::objectives::Objectives;
use super::{Cell, Changed, NewIds, Outcome, Preview, Problem, Read, Sheet};
use crate::calc::search::fold;
use crate::edit::indicators::{closed_at, IndicatorFields};
use crate::edit::Change;
use crate::model::date::{PlanDate, YearEnd};
use crate::model::id::Id;
use crate::model::id_holders::IdHolder;
use crate::model::indicator::{add_dated, Direction, Indicator, IndicatorKind, Segment};
use crate::model::measurement::{Assessment, Measurement, Observation, Value};
use crate::model::plan::Plan;
use crate::model::target::{Target, TargetValue};
use crate::words::input;
use crate::words::lang::Lang;
use crate::words::table::{direction_name, kind_name};
use crate::words::text;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IndicatorField {
    Id,
    Objective,
    Label,
    Kind,
    Direction,
    OutOf,
    Source,
    Segment,
    Entry,
    Date,
    Value,
    Assessment,
    Note,
}

use IndicatorField as F;

impl Field for IndicatorField {
    const ALL: &'static [IndicatorField] = &[
        F::Id,
        F::Objective,
        F::Label,
        F::Kind,
        F::Direction,
        F::OutOf,
        F::Source,
        F::Segment,
        F::Entry,
        F::Date,
        F::Value,
        F::Assessment,
        F::Note,
    ];

    /// An indicator column's header.
    fn header(self, plan: &Plan, lang: Lang) -> String {
        use IndicatorField::*;
        match self {
            Id => (match lang {
                Lang::Fr => "Identifiant",
                Lang::En => "Id",
            })
            .into(),
            Objective => crate::words::text::objective_noun(plan, lang).singular,
            Label => (match lang {
                Lang::Fr => "Indicateur",
                Lang::En => "Indicator",
            })
            .into(),
            Kind => (match lang {
                Lang::Fr => "Type",
                Lang::En => "Kind",
            })
            .into(),
            Direction => (match lang {
                Lang::Fr => "Sens",
                Lang::En => "Direction",
            })
            .into(),
            OutOf => (match lang {
                Lang::Fr => "Sur (ratio)",
                Lang::En => "Out of (ratio)",
            })
            .into(),
            Source => "Source".into(),
            Segment => "Segment".into(),
            Entry => (match lang {
                Lang::Fr => "Point de départ, cible ou mesure",
                Lang::En => "Baseline, target or measurement",
            })
            .into(),
            Date => "Date".into(),
            Value => (match lang {
                Lang::Fr => "Valeur",
                Lang::En => "Value",
            })
            .into(),
            Assessment => (match lang {
                Lang::Fr => "Appréciation",
                Lang::En => "Assessment",
            })
            .into(),
            Note => "Note".into(),
        }
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            F::Id => &["id", "identifiant"],
            F::Objective => &["objectif", "objective", "code de l'objectif"],
            F::Label => &["indicateur", "indicateurs", "indicator", "libelle"],
            F::Segment => &["segment", "population", "groupe"],
            F::Entry => &["donnee", "entry", "nature"],
            F::Value => &["valeur", "value", "resultat"],
            F::OutOf => &["sur", "out of", "total"],
            _ => &[],
        }
    }
}

/// What a row of the table gives for its segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entry {
    Baseline,
    Target,
    Measurement,
}

impl Entry {
    pub const ALL: [Entry; 3] = [Entry::Baseline, Entry::Target, Entry::Measurement];
}

/// A value in its cell: numbers in the spreadsheet's own mark, amounts in dollars,
/// a milestone as yes or no, words as they are.
fn value_cell(value: &Value, lang: Lang) -> String {
    match value {
        Value::Number(n) => cells::number(*n, lang),
        Value::Money(c) => cells::money(*c, lang),
        Value::Done(done) => input::show_yes_no(*done, lang).to_owned(),
        Value::Text(words) => words.clone(),
    }
}

/// A target in its cell: a value, or a signed change from the baseline (« +15 % »,
/// « +5 points »).
fn target_cell(target: &TargetValue, lang: Lang) -> String {
    match target {
        TargetValue::Absolute(value) => value_cell(value, lang),
        TargetValue::RelativePercent(n) => format!("{}{} %", if *n < 0.0 { "" } else { "+" }, cells::number(*n, lang)),
        TargetValue::PercentagePoints(n) => {
            format!("{}{} points", if *n < 0.0 { "" } else { "+" }, cells::number(*n, lang))
        }
    }
}

fn read_value(indicator: &IndicatorFields, text: &str, lang: Lang) -> Result<Value, Problem> {
    input::read_value(indicator.kind, indicator.out_of, text, lang).map_err(Problem::Input)
}

/// A target as its cell writes it: a sign before a change from the baseline.
fn read_target(indicator: &IndicatorFields, text: &str, lang: Lang) -> Result<TargetValue, Problem> {
    let trimmed = text.trim();
    let signed = trimmed.starts_with(['+', '-', '\u{2212}']);
    let relative = if signed && trimmed.ends_with('%') {
        input::Relative::Percent
    } else if signed && fold(trimmed).ends_with("points") {
        input::Relative::Points
    } else {
        input::Relative::Absolute
    };
    input::read_target(indicator.kind, relative, indicator.out_of, text, lang).map_err(Problem::Input)
}

/// The cells of an indicator's own fields, as the export writes them.
fn indicator_cell(objectives: &Objectives, indicator: &Indicator, field: F, lang: Lang) -> String {
    match field {
        F::Id => indicator.id.to_string(),
        F::Objective => objectives.name(&indicator.objective),
        field => own_cell(Own::of(indicator), field, lang),
    }
}

/// The fields an import may change on an indicator itself, as the plan or the import
/// holds them.
#[derive(Clone, Copy)]
struct Own<'a> {
    label: &'a str,
    kind: IndicatorKind,
    direction: Direction,
    out_of: Option<f64>,
    source: &'a str,
}

impl<'a> Own<'a> {
    fn of(i: &'a Indicator) -> Own<'a> {
        Own { label: &i.label, kind: i.kind, direction: i.direction, out_of: i.out_of, source: &i.source }
    }

    fn read(f: &'a IndicatorFields) -> Own<'a> {
        Own { label: &f.label, kind: f.kind, direction: f.direction, out_of: f.out_of, source: &f.source }
    }
}

fn own_cell(own: Own, field: F, lang: Lang) -> String {
    match field {
        F::Label => own.label.to_owned(),
        F::Kind => kind_name(own.kind, lang).to_owned(),
        F::Direction => direction_name(own.direction, lang).to_owned(),
        F::OutOf => own.out_of.map(|n| cells::number(n, lang)).unwrap_or_default(),
        F::Source => own.source.to_owned(),
        _ => String::new(),
    }
}

/// The fields a value row fills, in `VALUE_FIELDS` order.
type ValueCells = [String; 5];
const VALUE_FIELDS: [F; 5] = [F::Entry, F::Date, F::Value, F::Assessment, F::Note];

/// The row of a baseline, a target or a measurement, as the export writes it.
fn row_cells(entry: Entry, date: PlanDate, value: String, assessment: String, note: &str, lang: Lang) -> ValueCells {
    [entry_word(entry, lang).to_owned(), cells::date(date), value, assessment, note.to_owned()]
}

fn baseline_cells(b: &Observation, lang: Lang) -> ValueCells {
    row_cells(Entry::Baseline, b.date, value_cell(&b.value, lang), String::new(), "", lang)
}

/// What a segment keeps by date, a row of the table each: its targets and its
/// measurements.
trait Dated: PartialEq + Clone {
    fn date(&self) -> PlanDate;
    fn cells(&self, lang: Lang) -> ValueCells;
}

impl Dated for Target {
    fn date(&self) -> PlanDate {
        self.date
    }

    fn cells(&self, lang: Lang) -> ValueCells {
        row_cells(Entry::Target, self.date, target_cell(&self.value, lang), String::new(), "", lang)
    }
}

impl Dated for Measurement {
    fn date(&self) -> PlanDate {
        self.date
    }

    fn cells(&self, lang: Lang) -> ValueCells {
        let assessment = self.assessment.map(|a| text::assessment(a, lang).to_owned()).unwrap_or_default();
        row_cells(Entry::Measurement, self.date, value_cell(&self.value, lang), assessment, &self.note, lang)
    }
}

/// A segment's values as the export writes them: one row per baseline, target and
/// measurement, or one empty row when it has none.
fn value_rows(segment: &Segment, lang: Lang) -> Vec<ValueCells> {
    let baseline = segment.baseline.iter().map(|b| baseline_cells(b, lang));
    let targets = segment.targets.iter().map(|t| t.cells(lang));
    let measurements = segment.measurements.iter().map(|m| m.cells(lang));
    let mut rows: Vec<ValueCells> = baseline.chain(targets).chain(measurements).collect();
    if rows.is_empty() {
        rows.push(Default::default());
    }
    rows
}

/// The indicators of `plan` as a sheet.
pub fn export(plan: &Plan, lang: Lang) -> Sheet {
    let header = F::ALL.iter().map(|f| f.header(plan, lang)).collect();
    let objectives = Objectives::new(plan);
    let mut rows = Vec::new();
    for indicator in &plan.indicators {
        for segment in &indicator.segments {
            for values in value_rows(segment, lang) {
                let row = F::ALL
                    .iter()
                    .map(|field| match field {
                        F::Segment => segment.label.clone(),
                        field => match VALUE_FIELDS.iter().position(|f| f == field) {
                            Some(i) => values[i].clone(),
                            None => indicator_cell(&objectives, indicator, *field, lang),
                        },
                    })
                    .collect();
                rows.push(row);
            }
        }
    }
    Sheet { header, rows }
}

fn choice<T: Copy>(all: &[T], name: impl Fn(T, Lang) -> &'static str, text: &str) -> Result<T, Problem> {
    let folded = fold(text.trim());
    all.iter()
        .copied()
        .find(|&t| [Lang::Fr, Lang::En].iter().any(|&l| fold(name(t, l)) == folded))
        .ok_or_else(|| Problem::UnknownChoice(text.trim().to_owned()))
}

/// An indicator as the import builds it: the one it updates (if any), its fields, and
/// its segments as they will be, each with the changes that make them so.
struct Building {
    id: Id,
    existing: bool,
    objective: Id,
    before: Option<IndicatorFields>,
    fields: IndicatorFields,
    segments: Vec<Segment>,
    /// The segments already in the plan (their count, in order).
    kept: usize,
}

fn fields_of(indicator: &Indicator) -> IndicatorFields {
    IndicatorFields {
        label: indicator.label.clone(),
        kind: indicator.kind,
        direction: indicator.direction,
        out_of: indicator.out_of,
        source: indicator.source.clone(),
        note: indicator.note.clone(),
    }
}

/// What one row asks of its segment.
enum Asked {
    Nothing,
    Baseline(Observation),
    Target(Target),
    Measurement(Measurement),
}

trait Exported {
    /// Nothing asked, and nothing to refuse, when the row is one the export wrote.
    fn filter_exported(self, exported: bool) -> Self;
}

impl Exported for Result<Asked, (F, Problem)> {
    fn filter_exported(self, exported: bool) -> Self {
        if exported {
            Ok(Asked::Nothing)
        } else {
            self
        }
    }
}

/// What importing `read` into `plan` would do, row by row, with the changes that do
/// it. Rows of one indicator share its id (or its objective and label); a row's
/// segment is found by its label. `fresh` gives the id of each new indicator or
/// segment.
pub fn preview(
    plan: &Plan,
    read: &Read,
    mapping: &Mapping<IndicatorField>,
    under: Option<&Id>,
    fresh: &mut dyn FnMut() -> Id,
) -> Preview {
    let lang = read.numbers;
    let objectives = Objectives::new(plan);
    let header = |field: IndicatorField| header_of(mapping, &read.sheet.header, field, plan);
    let mut rows: Vec<(usize, Outcome)> = Vec::new();
    if column(mapping, F::Label).is_none() && column(mapping, F::Id).is_none() {
        let problem = Problem::MissingColumn(F::Label.header(plan, Lang::Fr));
        rows.push((1, Outcome::refused_row(1, problem)));
        return Preview { rows, changes: Vec::new() };
    }
    let mut new_ids = NewIds::new(plan);
    let year = plan.year_end();
    let mut building: Vec<Building> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut changes_by_row: Vec<(usize, Vec<Change>, Outcome)> = Vec::new();
    for (index, row) in read.sheet.rows.iter().enumerate() {
        let number = index + 2;
        let mut problems: Vec<(F, Problem)> = Vec::new();
        let get = |field| cell(mapping, row, field).map(str::trim);
        if let Some(problem) = too_many_cells(row, &read.sheet.header) {
            rows.push((number, Outcome::refused_row(number, problem)));
            continue;
        }
        // Which indicator: by id, else by objective and label.
        let id = get(F::Id).filter(|t| !t.is_empty()).map(Id::new);
        let objective_text = get(F::Objective).unwrap_or("");
        let label = get(F::Label).unwrap_or("");
        let key = match &id {
            Some(id) => format!("id:{id}"),
            None => format!("{}\u{0}{}", fold(objective_text), fold(label)),
        };
        let slot = match by_key.get(&key) {
            Some(&slot) => slot,
            None => {
                let named = (!objective_text.is_empty()).then(|| objectives.read(objective_text));
                let existing = match &id {
                    Some(id) => plan.indicators.iter().find(|i| &i.id == id),
                    None => plan.indicators.iter().find(|i| {
                        fold(&i.label) == fold(label)
                            && named.as_ref().is_none_or(|n| n.as_ref().is_ok_and(|o| o == &i.objective))
                    }),
                };
                let objective = match (existing, named) {
                    (Some(i), _) => Ok(i.objective.clone()),
                    (None, None) => under.cloned().ok_or(Problem::Empty),
                    (None, Some(named)) => named,
                };
                let objective = match objective {
                    Ok(o) => o,
                    Err(problem) => {
                        let at = Cell { row: number, column: header(F::Objective) };
                        rows.push((number, Outcome::Refused(vec![(at, problem)])));
                        continue;
                    }
                };
                // A new indicator's id: the one its rows give, when free, else a new one.
                let indicator = match (existing, &id) {
                    (Some(i), _) => i.id.clone(),
                    (None, Some(given)) => match new_ids.given(given, IdHolder::Indicator, number) {
                        Ok(()) => given.clone(),
                        Err(problem) => {
                            let at = Cell { row: number, column: header(F::Id) };
                            rows.push((number, Outcome::Refused(vec![(at, problem)])));
                            continue;
                        }
                    },
                    (None, None) => new_ids.fresh(fresh, IdHolder::Indicator),
                };
                let before = existing.map(fields_of);
                let fields = before.clone().unwrap_or(IndicatorFields {
                    label: label.to_owned(),
                    kind: IndicatorKind::Percentage,
                    direction: Direction::Increase,
                    out_of: None,
                    source: String::new(),
                    note: String::new(),
                });
                building.push(Building {
                    id: indicator,
                    existing: existing.is_some(),
                    objective,
                    before,
                    segments: existing.map(|i| i.segments.clone()).unwrap_or_default(),
                    kept: existing.map_or(0, |i| i.segments.len()),
                    fields,
                });
                by_key.insert(key, building.len() - 1);
                building.len() - 1
            }
        };
        let first_row_of_it = !changes_by_row.iter().any(|(s, _, _)| *s == slot);
        let b = &mut building[slot];
        let current = plan.indicators.iter().find(|i| b.existing && i.id == b.id);
        // A cell as the export wrote it leaves its field as it is.
        let as_exported = |field: F| {
            current.is_some_and(|i| get(field).is_none_or(|t| t == indicator_cell(&objectives, i, field, lang).trim()))
        };
        // The indicator's own fields, from its first row.
        if first_row_of_it {
            if let Some(t) = get(F::Label).filter(|t| !t.is_empty() && !as_exported(F::Label)) {
                if t != b.fields.label.trim() {
                    b.fields.label = t.to_owned();
                }
            }
            if let Some(t) = get(F::Kind).filter(|t| !t.is_empty() && !as_exported(F::Kind)) {
                match choice(&IndicatorKind::ALL, kind_name, t) {
                    Ok(kind) => b.fields.kind = kind,
                    Err(p) => problems.push((F::Kind, p)),
                }
            }
            if let Some(t) = get(F::Direction).filter(|t| !t.is_empty() && !as_exported(F::Direction)) {
                match choice(&[Direction::Increase, Direction::Decrease, Direction::Maintain], direction_name, t) {
                    Ok(direction) => b.fields.direction = direction,
                    Err(p) => problems.push((F::Direction, p)),
                }
            }
            if let Some(t) = get(F::OutOf).filter(|_| !as_exported(F::OutOf)) {
                match t {
                    "" => b.fields.out_of = None,
                    t => match cells::read_number(t, lang) {
                        Ok(n) => b.fields.out_of = Some(n),
                        Err(e) => problems.push((F::OutOf, Problem::Input(e))),
                    },
                }
            }
            if let Some(t) = get(F::Source).filter(|_| !as_exported(F::Source)) {
                if t != b.fields.source.trim() {
                    b.fields.source = t.to_owned();
                }
            }
        }
        // The segment, by its label; among segments of one label, the one the export
        // wrote this row for. A row as the export wrote one of the segment's values
        // gives nothing new.
        let segment_label = get(F::Segment).unwrap_or("");
        let written: Vec<String> =
            VALUE_FIELDS.iter().map(|f| cell(mapping, row, *f).unwrap_or("").to_owned()).collect();
        let wrote = |id: &Id| {
            current
                .and_then(|i| i.segments.iter().find(|s| &s.id == id))
                .is_some_and(|s| value_rows(s, lang).iter().any(|cells| cells[..] == written[..]))
        };
        let labelled: Vec<usize> =
            (0..b.segments.len()).filter(|&i| b.segments[i].label.trim() == segment_label).collect();
        let segment = match labelled.iter().find(|&&i| wrote(&b.segments[i].id)).or(labelled.first()) {
            Some(&i) => i,
            None => {
                b.segments.push(empty_segment(new_ids.fresh(fresh, IdHolder::Segment), segment_label));
                b.segments.len() - 1
            }
        };
        let exported = wrote(&b.segments[segment].id);
        let asked = match read_entry(&b.fields, mapping, row, lang).filter_exported(exported) {
            Ok(asked) => asked,
            Err((field, problem)) => {
                problems.push((field, problem));
                Asked::Nothing
            }
        };
        if let Asked::Measurement(m) = &asked {
            if let Some(closed) = closed_at(plan, m.date) {
                problems.push((F::Date, Problem::ClosedCheckpoint(closed.label.clone())));
            }
        }
        // Refused as a target or a baseline typed in the form is, so that the import
        // confirmed never holds a change the plan refuses.
        let s = &b.segments[segment];
        let before = match &asked {
            Asked::Target(t) if s.before_baseline(b.fields.kind, t.date, year) => {
                s.baseline.as_ref().map(|o| (t.date, o.date))
            }
            Asked::Baseline(o) => s.put_before(b.fields.kind, o, year).map(|t| (t.date, o.date)),
            _ => None,
        };
        if let Some((target, baseline)) = before {
            problems.push((F::Date, Problem::TargetBeforeBaseline { target, baseline }));
        }
        if !problems.is_empty() {
            let located = problems.into_iter().map(|(f, p)| (Cell { row: number, column: header(f) }, p)).collect();
            rows.push((number, Outcome::Refused(located)));
            continue;
        }
        let (changes, what) = put(b, segment, asked, lang, year);
        let name = b.fields.label.clone();
        let outcome = match (b.existing, what) {
            (false, _) => Outcome::New(name),
            (true, Some(put)) => Outcome::Updated { name, fields: put_cells(&put, &header) },
            (true, None) => Outcome::Unchanged(name),
        };
        changes_by_row.push((slot, changes, outcome.clone()));
        rows.push((number, outcome));
    }
    // Each indicator's own changes first (added, or its fields updated, its new
    // segments added), then what its rows put in its segments, in row order.
    let mut changes = Vec::new();
    for (slot, b) in building.iter().enumerate() {
        let Some(first) = b.segments.first() else { continue };
        if !changes_by_row.iter().any(|(s, _, _)| *s == slot) {
            continue;
        }
        if b.existing {
            if let Some(before) = b.before.as_ref().filter(|before| *before != &b.fields) {
                changes.push(Change::UpdateIndicator { indicator: b.id.clone(), fields: b.fields.clone() });
                let own = [F::Label, F::Kind, F::Direction, F::OutOf, F::Source].into_iter().map(|field| Changed {
                    column: header(field),
                    before: own_cell(Own::read(before), field, lang),
                    after: own_cell(Own::read(&b.fields), field, lang),
                });
                mark_updated(&mut rows, &changes_by_row, slot, own.filter(|c| c.before != c.after).collect());
            }
        } else {
            changes.push(Change::AddIndicator {
                objective: b.objective.clone(),
                id: b.id.clone(),
                segment: first.id.clone(),
                fields: b.fields.clone(),
            });
            if !first.label.is_empty() {
                changes.push(Change::RenameSegment {
                    indicator: b.id.clone(),
                    segment: first.id.clone(),
                    label: first.label.clone(),
                });
            }
        }
        let from = if b.existing { b.kept } else { 1 };
        for segment in &b.segments[from.min(b.segments.len())..] {
            changes.push(Change::AddSegment {
                indicator: b.id.clone(),
                id: segment.id.clone(),
                label: segment.label.clone(),
            });
        }
        for (s, row_changes, _) in &changes_by_row {
            if *s == slot {
                changes.extend(row_changes.iter().cloned());
            }
        }
    }
    rows.sort_by_key(|(n, _)| *n);
    Preview { rows, changes }
}

/// Marks the first row of an indicator whose own fields change as updating them.
fn mark_updated(
    rows: &mut [(usize, Outcome)],
    by_row: &[(usize, Vec<Change>, Outcome)],
    slot: usize,
    own: Vec<Changed>,
) {
    let Some(index) = by_row.iter().position(|(s, _, _)| *s == slot) else { return };
    let mut seen = 0;
    for (_, outcome) in rows.iter_mut() {
        if matches!(outcome, Outcome::Refused(_)) {
            continue;
        }
        if seen == index {
            *outcome = match std::mem::replace(outcome, Outcome::Unchanged(String::new())) {
                Outcome::Unchanged(name) => Outcome::Updated { name, fields: own },
                Outcome::Updated { name, fields } => {
                    Outcome::Updated { name, fields: own.into_iter().chain(fields).collect() }
                }
                other => other,
            };
            return;
        }
        seen += 1;
    }
}

fn empty_segment(id: Id, label: &str) -> Segment {
    Segment { id, label: label.to_owned(), baseline: None, targets: Vec::new(), measurements: Vec::new() }
}

/// The baseline, target or measurement a row gives, read by its indicator's kind.
fn read_entry(
    fields: &IndicatorFields,
    mapping: &Mapping<IndicatorField>,
    row: &[String],
    lang: Lang,
) -> Result<Asked, (F, Problem)> {
    let get = |field| cell(mapping, row, field).map(str::trim).unwrap_or("");
    let entry = match get(F::Entry) {
        "" if get(F::Value).is_empty() && get(F::Date).is_empty() => return Ok(Asked::Nothing),
        "" => return Err((F::Entry, Problem::Empty)),
        words => choice(&Entry::ALL, entry_word, words).map_err(|p| (F::Entry, p))?,
    };
    let date = match get(F::Date) {
        "" => return Err((F::Date, Problem::Empty)),
        text => cells::read_date(text).map_err(|p| (F::Date, p))?,
    };
    let value_text = cell(mapping, row, F::Value).unwrap_or("");
    Ok(match entry {
        Entry::Baseline => Asked::Baseline(Observation {
            date,
            value: read_value(fields, value_text, lang).map_err(|p| (F::Value, p))?,
        }),
        Entry::Target => {
            Asked::Target(Target { date, value: read_target(fields, value_text, lang).map_err(|p| (F::Value, p))? })
        }
        Entry::Measurement => {
            let assessment = match get(F::Assessment) {
                "" => None,
                words => Some(choice(&Assessment::ALL, text::assessment, words).map_err(|p| (F::Assessment, p))?),
            };
            Asked::Measurement(Measurement {
                date,
                value: read_value(fields, value_text, lang).map_err(|p| (F::Value, p))?,
                assessment,
                note: get(F::Note).to_owned(),
            })
        }
    })
}

/// A value a row puts in its segment: the row the export wrote for the value it
/// replaces (none for a value added), and the row it writes for the new one.
type Put = (Option<ValueCells>, ValueCells);

/// Puts what a row asks into its segment, with the changes that do it and what it puts
/// (`None`: nothing changes). A target or a measurement of the same date is replaced;
/// others are added.
fn put(b: &mut Building, segment: usize, asked: Asked, lang: Lang, year: YearEnd) -> (Vec<Change>, Option<Put>) {
    let indicator = b.id.clone();
    let s = &mut b.segments[segment];
    let id = s.id.clone();
    match asked {
        Asked::Nothing => (Vec::new(), None),
        Asked::Baseline(baseline) => {
            if s.baseline.as_ref() == Some(&baseline) {
                return (Vec::new(), None);
            }
            let put = (s.baseline.as_ref().map(|b| baseline_cells(b, lang)), baseline_cells(&baseline, lang));
            s.baseline = Some(baseline.clone());
            (vec![Change::SetBaseline { indicator, segment: id, baseline: Some(baseline) }], Some(put))
        }
        Asked::Target(target) => put_dated(&mut s.targets, target, year, lang, |at, target| match at {
            Some(index) => Change::UpdateTarget { indicator, segment: id, index, target },
            None => Change::AddTarget { indicator, segment: id, target },
        }),
        Asked::Measurement(measurement) => {
            put_dated(&mut s.measurements, measurement, year, lang, |at, measurement| match at {
                Some(index) => Change::UpdateMeasurement { indicator, segment: id, index, measurement },
                None => Change::AddMeasurement { indicator, segment: id, measurement },
            })
        }
    }
}

/// Puts `item` in a segment's targets or measurements, in place of the one of its date
/// (`change` gets its index) or added, with the change that does it (none when the same
/// one is there already).
fn put_dated<T: Dated>(
    list: &mut Vec<T>,
    item: T,
    year: YearEnd,
    lang: Lang,
    change: impl FnOnce(Option<usize>, T) -> Change,
) -> (Vec<Change>, Option<Put>) {
    let found = list.iter().position(|x| x.date() == item.date());
    if found.is_some_and(|i| list[i] == item) {
        return (Vec::new(), None);
    }
    let put = (found.map(|i| list[i].cells(lang)), item.cells(lang));
    match found {
        Some(i) => list[i] = item.clone(),
        None => add_dated(list, item.clone(), T::date, year),
    }
    (vec![change(found, item)], Some(put))
}

/// The cells a value put changes: its value, assessment and note, each named by its
/// column and the row's entry and date (« Valeur (Mesure, 2026-06-30) »).
fn put_cells(put: &Put, header: &dyn Fn(F) -> String) -> Vec<Changed> {
    let (before, after) = put;
    let empty = ValueCells::default();
    let before = before.as_ref().unwrap_or(&empty);
    [(2, F::Value), (3, F::Assessment), (4, F::Note)]
        .into_iter()
        .filter(|(i, _)| before[*i] != after[*i])
        .map(|(i, field)| Changed {
            column: crate::sheet::words::at_entry(&header(field), &after[0], &after[1]),
            before: before[i].clone(),
            after: after[i].clone(),
        })
        .collect()
}

/// What a row of the indicators table gives: a baseline, a target or a measurement.
pub fn entry_word(entry: Entry, lang: Lang) -> &'static str {
    match (entry, lang) {
        (Entry::Baseline, Lang::Fr) => "Point de départ",
        (Entry::Baseline, Lang::En) => "Baseline",
        (Entry::Target, Lang::Fr) => "Cible",
        (Entry::Target, Lang::En) => "Target",
        (Entry::Measurement, Lang::Fr) => "Mesure",
        (Entry::Measurement, Lang::En) => "Measurement",
    }
}

#[cfg(test)]
mod tests;
