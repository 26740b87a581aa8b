//! The actions table: written with each action's fields and its progress at a chosen
//! checkpoint, read back into new actions and updates of existing ones.

use super::cells;
use super::fields::{cell, column, header_of, too_many_cells, Field, Mapping};
use super::objectives::Objectives;
use super::{Cell, Changed, NewIds, Outcome, Preview, Problem, Read, Sheet};
use crate::calc::columns::{shown_columns, ActionColumn};
use crate::calc::search::fold;
use crate::edit::actions::ActionFields;
use crate::edit::Change;
use crate::model::action::{Action, ActionStatus, ProgressRecord, Step};
use crate::model::id::Id;
use crate::model::id_holders::IdHolder;
use crate::model::plan::Plan;
use crate::words::input;
use crate::words::lang::Lang;
use crate::words::table::words;
use crate::words::text;

/// A column of the actions table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionField {
    Id,
    Code,
    Objectives,
    Title,
    Groups,
    Responsible,
    Implementation,
    Services,
    Evaluation,
    Carrier,
    Partners,
    Schedule,
    Steps,
    ExpectedResults,
    BudgetPlanned,
    BudgetSpent,
    Status,
    Percent,
    Narrative,
}

use ActionField as F;

impl Field for ActionField {
    const ALL: &'static [ActionField] = &[
        F::Id,
        F::Code,
        F::Objectives,
        F::Title,
        F::Groups,
        F::Responsible,
        F::Implementation,
        F::Services,
        F::Evaluation,
        F::Carrier,
        F::Partners,
        F::Schedule,
        F::Steps,
        F::ExpectedResults,
        F::BudgetPlanned,
        F::BudgetSpent,
        F::Status,
        F::Percent,
        F::Narrative,
    ];

    /// An action column's header: the plan's own word for its objectives and its actions,
    /// the page's words for the rest.
    fn header(self, plan: &Plan, lang: Lang) -> String {
        use ActionField::*;
        let w = words(lang);
        match self {
            Id => (match lang {
                Lang::Fr => "Identifiant",
                Lang::En => "Id",
            })
            .into(),
            Code => "Code".into(),
            Objectives => crate::words::text::objective_noun(plan, lang).plural,
            Title => plan.action_name.singular.clone(),
            Groups => w.target_groups.into(),
            Responsible => w.responsible.into(),
            Implementation => w.implementation.into(),
            Services => w.services_involved.into(),
            Evaluation => w.evaluation.into(),
            Carrier => w.carrying_organisation.into(),
            Partners => w.partners.into(),
            Schedule => w.schedule.into(),
            Steps => (match lang {
                Lang::Fr => "Étapes",
                Lang::En => "Steps",
            })
            .into(),
            ExpectedResults => w.expected_results.into(),
            BudgetPlanned => (match lang {
                Lang::Fr => "Budget accordé ($)",
                Lang::En => "Budget granted ($)",
            })
            .into(),
            BudgetSpent => (match lang {
                Lang::Fr => "Budget dépensé ($)",
                Lang::En => "Budget spent ($)",
            })
            .into(),
            Status => (match lang {
                Lang::Fr => "État",
                Lang::En => "Status",
            })
            .into(),
            Percent => (match lang {
                Lang::Fr => "% réalisé",
                Lang::En => "% done",
            })
            .into(),
            Narrative => w.narrative.into(),
        }
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            F::Id => &["id", "identifiant"],
            F::Objectives => &["objectif", "objectifs", "objective", "objectives", "code de l'objectif"],
            F::Title => &["action", "actions", "moyen", "moyens", "activite", "activites", "titre", "title"],
            F::Groups => &["groupes vises", "groupe vise", "clientele", "cibles", "target groups"],
            F::Responsible => &["responsable", "responsables", "responsible", "porteur"],
            F::Carrier => &["fiduciaire", "carrier"],
            F::Partners => &["partenaires", "partners", "collaborateurs"],
            F::Implementation => &["mise en oeuvre", "mise en oeuvre de l'action", "implementation"],
            F::Evaluation => &["mode d'evaluation", "evaluation"],
            F::Schedule => &["echeancier", "echeance", "schedule"],
            F::ExpectedResults => &["resultats attendus", "expected results"],
            F::Status => &["etat", "statut", "status"],
            F::Percent => &["%", "% realise", "pourcentage", "% done", "percent"],
            // « État d'avancement » and « Progress report »: the comment's headers before
            // they said what the column holds.
            F::Narrative => &["etat d'avancement", "commentaire", "progress report", "comment", "narrative"],
            F::BudgetPlanned => &["budget prevu", "planned budget"],
            _ => &[],
        }
    }
}

/// The fields an export of `plan` writes: the keys, the plan's shown columns, the
/// budget, and the progress when a checkpoint is chosen.
pub fn exported_fields(plan: &Plan, at_checkpoint: bool) -> Vec<ActionField> {
    let shown = shown_columns(plan);
    let mut fields = vec![F::Id, F::Code, F::Objectives, F::Title];
    for column in shown {
        match column {
            ActionColumn::Objectives | ActionColumn::Progress => {}
            ActionColumn::Groups => fields.push(F::Groups),
            ActionColumn::Responsible => fields.push(F::Responsible),
            ActionColumn::Implementation => fields.push(F::Implementation),
            ActionColumn::Services => fields.push(F::Services),
            ActionColumn::Evaluation => fields.push(F::Evaluation),
            ActionColumn::Carrier => fields.push(F::Carrier),
            ActionColumn::Partners => fields.push(F::Partners),
            ActionColumn::Schedule => fields.extend([F::Schedule, F::Steps]),
            ActionColumn::ExpectedResults => fields.push(F::ExpectedResults),
        }
    }
    fields.extend([F::BudgetPlanned, F::BudgetSpent]);
    if at_checkpoint {
        fields.extend([F::Status, F::Percent, F::Narrative]);
    }
    fields
}

fn objective_names(objectives: &Objectives, action: &Action) -> String {
    let names: Vec<String> = action.objectives.iter().map(|o| objectives.name(o)).collect();
    cells::lines(&names)
}

fn steps_cell(steps: &[Step], lang: Lang) -> String {
    let lines: Vec<String> = steps.iter().map(|s| crate::sheet::words::step(&s.year, &s.text, lang)).collect();
    cells::lines(&lines)
}

/// The cell of `field` for `action`, as the export writes it in `lang`; `record` is its
/// progress at the checkpoint exported.
fn field_cell(
    objectives: &Objectives,
    action: &Action,
    record: Option<&ProgressRecord>,
    field: ActionField,
    lang: Lang,
) -> String {
    match field {
        F::Id => action.id.to_string(),
        F::Code => action.code.clone().unwrap_or_default(),
        F::Objectives => objective_names(objectives, action),
        F::Title => action.title.clone(),
        F::Groups => cells::lines(&action.groups),
        F::Responsible => action.responsible.clone(),
        F::Implementation => action.implementation.clone(),
        F::Services => action.services.clone(),
        F::Evaluation => action.evaluation.clone(),
        F::Carrier => action.carrier.clone(),
        F::Partners => cells::lines(&action.partners),
        F::Schedule => action.schedule.text.clone(),
        F::Steps => steps_cell(&action.steps, lang),
        F::ExpectedResults => action.expected_results.clone(),
        F::BudgetPlanned => action.budget_planned.map(|c| cells::money(c, lang)).unwrap_or_default(),
        F::BudgetSpent => action.budget_spent.map(|c| cells::money(c, lang)).unwrap_or_default(),
        F::Status => record.map(|r| text::action_status(r.status, lang).to_owned()).unwrap_or_default(),
        F::Percent => record.and_then(|r| r.percent).map(|p| p.to_string()).unwrap_or_default(),
        F::Narrative => record.map(|r| r.narrative.clone()).unwrap_or_default(),
    }
}

/// The actions of `plan` as a sheet, with their progress at `checkpoint` when one is
/// given.
pub fn export(plan: &Plan, checkpoint: Option<&Id>, lang: Lang) -> Sheet {
    let checkpoint = checkpoint.and_then(|id| plan.checkpoints.iter().find(|c| &c.id == id));
    let fields = exported_fields(plan, checkpoint.is_some());
    let header = fields
        .iter()
        .map(|f| match (f, checkpoint) {
            (F::Status | F::Percent | F::Narrative, Some(c)) => {
                crate::sheet::words::at_checkpoint(&f.header(plan, lang), &c.label)
            }
            _ => f.header(plan, lang),
        })
        .collect();
    let objectives = Objectives::new(plan);
    let rows = plan
        .actions
        .iter()
        .map(|action| {
            let record = checkpoint.and_then(|c| action.progress.iter().find(|r| r.checkpoint == c.id));
            fields.iter().map(|field| field_cell(&objectives, action, record, *field, lang)).collect()
        })
        .collect();
    Sheet { header, rows }
}

/// Where an import's rows go and which checkpoint their progress is at.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The objective new actions serve when no column names one.
    pub under: Option<Id>,
    pub checkpoint: Option<Id>,
}

/// The objectives a cell names, one per line.
fn read_objectives(objectives: &Objectives, text: &str) -> Result<Vec<Id>, Problem> {
    cells::read_lines(text).iter().map(|name| objectives.read(name)).collect()
}

fn read_steps(text: &str) -> Result<Vec<Step>, Problem> {
    cells::read_lines(text)
        .into_iter()
        .map(|line| match line.split_once(':') {
            Some((year, step)) if !year.trim().is_empty() => Ok(Step {
                year: year.trim_matches(|c: char| c.is_whitespace()).to_owned(),
                text: step.trim().to_owned(),
            }),
            _ => Err(Problem::StepWithoutYear(line)),
        })
        .collect()
}

fn read_status(text: &str) -> Result<ActionStatus, Problem> {
    let folded = fold(text.trim());
    ActionStatus::ALL
        .into_iter()
        .find(|s| [Lang::Fr, Lang::En].iter().any(|&l| fold(text::action_status(*s, l)) == folded))
        .ok_or_else(|| Problem::UnknownChoice(text.trim().to_owned()))
}

/// One row read: the action it updates (if any), its fields, its progress.
struct RowRead {
    existing: Option<usize>,
    id: Option<Id>,
    fields: ActionFields,
    changed: Vec<ActionField>,
    progress: Option<(ActionStatus, Option<u8>, String)>,
}

/// What every row of one import is read against: the plan, its objectives, the sheet,
/// which column holds which field, and where the rows go.
struct Import<'a> {
    plan: &'a Plan,
    objectives: Objectives<'a>,
    read: &'a Read,
    mapping: &'a Mapping<ActionField>,
    options: &'a Options,
}

/// Reads every mapped cell of `row` over the fields it starts from.
fn read_row(import: &Import, row: &[String], problems: &mut Vec<(ActionField, Problem)>) -> RowRead {
    let Import { plan, objectives, read, mapping, options } = import;
    let lang = read.numbers;
    let get = |field| cell(mapping, row, field);
    let id = get(F::Id).map(str::trim).filter(|t| !t.is_empty()).map(Id::new);
    let code = get(F::Code).map(str::trim).filter(|t| !t.is_empty());
    let existing = match &id {
        Some(id) => plan.actions.iter().position(|a| &a.id == id),
        None => code.and_then(|code| {
            let mut matching = plan.actions.iter().enumerate().filter(|(_, a)| a.code.as_deref() == Some(code));
            match (matching.next(), matching.next()) {
                (Some((i, _)), None) => Some(i),
                _ => None,
            }
        }),
    };
    let before = existing.map(|i| ActionFields::of(&plan.actions[i]));
    let mut fields = before.clone().unwrap_or_else(|| ActionFields {
        objectives: options.under.iter().cloned().collect(),
        ..ActionFields::of(&Action::new("", "", &[]))
    });
    let mut changed = Vec::new();
    let mut note = |field: ActionField, problem: Problem| problems.push((field, problem));
    let mut objectives_refused = false;
    let current = existing.map(|i| &plan.actions[i]);
    let record =
        current.and_then(|a| options.checkpoint.as_ref().and_then(|c| a.progress.iter().find(|r| &r.checkpoint == c)));
    for (i, field) in mapping.iter().enumerate() {
        let Some(field) = *field else { continue };
        let text = row.get(i).map_or("", String::as_str);
        // A cell as the export wrote it leaves its field as it is.
        if current.is_some_and(|a| field_cell(objectives, a, record, field, lang) == text) {
            continue;
        }
        match field {
            F::Id => {}
            F::Code => {
                let before = fields.code.clone().unwrap_or_default();
                let code = kept(&before, text);
                if code != before {
                    fields.code = Some(code).filter(|c| !c.is_empty());
                }
            }
            F::Objectives if text.trim().is_empty() => {}
            F::Objectives => match read_objectives(objectives, text) {
                Ok(objectives) => fields.objectives = objectives,
                Err(problem) => {
                    objectives_refused = true;
                    note(field, problem)
                }
            },
            F::Title => fields.title = kept(&fields.title, text),
            F::Groups => fields.groups = kept_lines(std::mem::take(&mut fields.groups), text),
            F::Responsible => fields.responsible = kept(&fields.responsible, text),
            F::Implementation => fields.implementation = kept(&fields.implementation, text),
            F::Services => fields.services = kept(&fields.services, text),
            F::Evaluation => fields.evaluation = kept(&fields.evaluation, text),
            F::Carrier => fields.carrier = kept(&fields.carrier, text),
            F::Partners => fields.partners = kept_lines(std::mem::take(&mut fields.partners), text),
            F::Schedule => fields.schedule_text = kept(&fields.schedule_text, text),
            F::Steps => match read_steps(text) {
                Ok(steps) => fields.steps = steps,
                Err(problem) => note(field, problem),
            },
            F::ExpectedResults => fields.expected_results = kept(&fields.expected_results, text),
            F::BudgetPlanned => match cells::read_money(text, lang) {
                Ok(amount) => fields.budget_planned = amount,
                Err(e) => note(field, Problem::Input(e)),
            },
            F::BudgetSpent => match cells::read_money(text, lang) {
                Ok(amount) => fields.budget_spent = amount,
                Err(e) => note(field, Problem::Input(e)),
            },
            F::Status | F::Percent | F::Narrative => {}
        }
    }
    // What an existing action lacks stays for the checks to report.
    if existing.is_none() && fields.title.is_empty() {
        note(F::Title, Problem::Empty);
    }
    if existing.is_none() && fields.objectives.is_empty() && !objectives_refused {
        note(F::Objectives, Problem::Empty);
    }
    if let Some(before) = &before {
        changed = field_changes(before, &fields);
    }
    let progress = read_progress(import, row, existing, &mut note);
    RowRead { existing, id, fields, changed, progress }
}

/// A text cell over the text it replaces: the text kept as it was when the cell says
/// the same but for the spaces around it, so that an unchanged export changes nothing.
fn kept(before: &str, cell: &str) -> String {
    if before.trim() == cell.trim() {
        before.to_owned()
    } else {
        cell.trim().to_owned()
    }
}

/// A list cell over the list it replaces, kept the same way.
fn kept_lines(before: Vec<String>, cell: &str) -> Vec<String> {
    let read = cells::read_lines(cell);
    if cells::read_lines(&cells::lines(&before)) == read {
        before
    } else {
        read
    }
}

/// The fields that differ between two versions of an action's fields.
fn field_changes(before: &ActionFields, after: &ActionFields) -> Vec<ActionField> {
    let pairs = [
        (F::Code, before.code != after.code),
        (F::Objectives, before.objectives != after.objectives),
        (F::Title, before.title != after.title),
        (F::Groups, before.groups != after.groups),
        (F::Responsible, before.responsible != after.responsible),
        (F::Implementation, before.implementation != after.implementation),
        (F::Services, before.services != after.services),
        (F::Evaluation, before.evaluation != after.evaluation),
        (F::Carrier, before.carrier != after.carrier),
        (F::Partners, before.partners != after.partners),
        (F::Schedule, before.schedule_text != after.schedule_text),
        (F::Steps, before.steps != after.steps),
        (F::ExpectedResults, before.expected_results != after.expected_results),
        (F::BudgetPlanned, before.budget_planned != after.budget_planned),
        (F::BudgetSpent, before.budget_spent != after.budget_spent),
    ];
    pairs.into_iter().filter(|(_, differs)| *differs).map(|(f, _)| f).collect()
}

/// The status, percent and narrative a row gives at the chosen checkpoint, when it
/// changes what is recorded there.
fn read_progress(
    import: &Import,
    row: &[String],
    existing: Option<usize>,
    note: &mut impl FnMut(ActionField, Problem),
) -> Option<(ActionStatus, Option<u8>, String)> {
    let Import { plan, objectives, read, mapping, options } = import;
    let get = |field| cell(mapping, row, field);
    let (status, percent, narrative) = (get(F::Status), get(F::Percent), get(F::Narrative));
    if [status, percent, narrative].iter().all(|c| c.is_none_or(|t| t.trim().is_empty())) {
        return None;
    }
    // Cells as the export wrote them at this checkpoint leave the progress as it is.
    if let Some(action) = existing.map(|i| &plan.actions[i]) {
        let record = options.checkpoint.as_ref().and_then(|c| action.progress.iter().find(|r| &r.checkpoint == c));
        let as_exported = |field, cell: Option<&str>| {
            cell.is_none_or(|t| field_cell(objectives, action, record, field, read.numbers) == t)
        };
        if record.is_some()
            && as_exported(F::Status, status)
            && as_exported(F::Percent, percent)
            && as_exported(F::Narrative, narrative)
        {
            return None;
        }
    }
    let Some(checkpoint) = options.checkpoint.as_ref().and_then(|id| plan.checkpoints.iter().find(|c| &c.id == id))
    else {
        let field = [F::Status, F::Percent, F::Narrative].into_iter().find(|f| column(mapping, *f).is_some())?;
        note(field, Problem::NoCheckpoint);
        return None;
    };
    let record = existing.and_then(|i| plan.actions[i].progress.iter().find(|r| r.checkpoint == checkpoint.id));
    let status = match status.map(str::trim).filter(|s| !s.is_empty()) {
        Some(words) => match read_status(words) {
            Ok(status) => status,
            Err(problem) => {
                note(F::Status, problem);
                return None;
            }
        },
        None => match record {
            Some(r) => r.status,
            None => {
                note(F::Status, Problem::Empty);
                return None;
            }
        },
    };
    let percent = match percent {
        Some(text) => match input::read_optional_progress(text, read.numbers) {
            Ok(p) => p,
            Err(e) => {
                note(F::Percent, Problem::Input(e));
                return None;
            }
        },
        None => record.and_then(|r| r.percent),
    };
    let narrative = match narrative {
        Some(text) => kept(record.map_or("", |r| r.narrative.as_str()), text),
        None => record.map(|r| r.narrative.clone()).unwrap_or_default(),
    };
    let unchanged = record.is_some_and(|r| r.status == status && r.percent == percent && r.narrative == narrative);
    if unchanged {
        return None;
    }
    if checkpoint.closed {
        note(F::Status, Problem::ClosedCheckpoint(checkpoint.label.clone()));
        return None;
    }
    Some((status, percent, narrative))
}

/// What importing `read` into `plan` would do, row by row, with the changes that do
/// it. `fresh` gives the id of each new action (the core makes no id).
pub fn preview(
    plan: &Plan,
    read: &Read,
    mapping: &Mapping<ActionField>,
    options: &Options,
    fresh: &mut dyn FnMut() -> Id,
) -> Preview {
    let import = Import { plan, objectives: Objectives::new(plan), read, mapping, options };
    let header = |field: ActionField| header_of(mapping, &read.sheet.header, field, plan);
    let mut rows = Vec::new();
    let mut changes = Vec::new();
    let mut new_ids = NewIds::new(plan);
    if [F::Title, F::Id, F::Code].iter().all(|f| column(mapping, *f).is_none()) {
        let problem = Problem::MissingColumn(F::Title.header(plan, Lang::Fr));
        rows.push((1, Outcome::refused_row(1, problem)));
        return Preview { rows, changes };
    }
    for (index, row) in read.sheet.rows.iter().enumerate() {
        let number = index + 2;
        let mut problems = Vec::new();
        if let Some(problem) = too_many_cells(row, &read.sheet.header) {
            rows.push((number, Outcome::refused_row(number, problem)));
            continue;
        }
        let read_row = read_row(&import, row, &mut problems);
        if !problems.is_empty() {
            let located = problems.into_iter().map(|(f, p)| (Cell { row: number, column: header(f) }, p)).collect();
            rows.push((number, Outcome::Refused(located)));
            continue;
        }
        let RowRead { existing, id, fields, changed, progress } = read_row;
        let name = fields.title.clone();
        let action = match (existing, id) {
            (Some(i), _) => plan.actions[i].id.clone(),
            (None, Some(given)) => match new_ids.given(&given, IdHolder::Action, number) {
                Ok(()) => given,
                Err(problem) => {
                    rows.push((number, Outcome::Refused(vec![(Cell { row: number, column: header(F::Id) }, problem)])));
                    continue;
                }
            },
            (None, None) => new_ids.fresh(fresh, IdHolder::Action),
        };
        let outcome = match existing {
            None => {
                changes.push(Change::AddAction { id: action.clone(), fields });
                Outcome::New(name)
            }
            Some(i) => {
                let listed = changed_cells(&import, i, &fields, &changed, progress.as_ref(), &header);
                if !changed.is_empty() {
                    changes.push(Change::UpdateAction { action: action.clone(), fields });
                }
                if listed.is_empty() && progress.is_none() {
                    Outcome::Unchanged(name)
                } else {
                    Outcome::Updated { name, fields: listed }
                }
            }
        };
        if let (Some((status, percent, narrative)), Some(checkpoint)) = (progress, &options.checkpoint) {
            changes.push(Change::SetProgress { action, checkpoint: checkpoint.clone(), status, percent, narrative });
        }
        rows.push((number, outcome));
    }
    Preview { rows, changes }
}

/// The cells a row changes on the action at `index`, before and after, as an export in
/// the import's language writes them: the fields `changed`, then the progress it sets.
fn changed_cells(
    import: &Import,
    index: usize,
    fields: &ActionFields,
    changed: &[ActionField],
    progress: Option<&(ActionStatus, Option<u8>, String)>,
    header: &dyn Fn(ActionField) -> String,
) -> Vec<Changed> {
    let Import { plan, objectives, options, .. } = import;
    let lang = import.read.numbers;
    let current = &plan.actions[index];
    let record = options.checkpoint.as_ref().and_then(|c| current.progress.iter().find(|r| &r.checkpoint == c));
    let mut updated = current.clone();
    fields.clone().write_into(&mut updated);
    let set =
        progress.zip(options.checkpoint.as_ref()).map(|((status, percent, narrative), checkpoint)| ProgressRecord {
            checkpoint: checkpoint.clone(),
            status: *status,
            percent: *percent,
            narrative: narrative.clone(),
            meta: Default::default(),
        });
    let progress_fields: &[ActionField] = if set.is_some() { &[F::Status, F::Percent, F::Narrative] } else { &[] };
    let fields = changed.iter().map(|f| (*f, record)).chain(progress_fields.iter().map(|f| (*f, set.as_ref())));
    fields
        .map(|(field, after)| Changed {
            column: header(field),
            before: field_cell(objectives, current, record, field, lang),
            after: field_cell(objectives, &updated, after, field, lang),
        })
        .filter(|c| c.before != c.after)
        .collect()
}

/// The checkpoint whose label a progress column's header carries, as an export wrote it.
pub fn checkpoint_in(plan: &Plan, header: &[String]) -> Option<Id> {
    header.iter().find_map(|h| {
        let (_, label) = h.split_once(" — ")?;
        plan.checkpoints.iter().find(|c| c.label == label.trim()).map(|c| c.id.clone())
    })
}

#[cfg(test)]
mod tests;
