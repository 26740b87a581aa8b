//! Merging a partner's return: a pure function of the plan, the record of the sending
//! and the returned part, on stable ids and per-field values, never on positions.
//!
//! `review` compares each field three ways: as sent (the base), as the plan holds it
//! now (mine) and as returned (theirs). A field only the recipient changed is taken; a
//! field changed on both sides to different values is a conflict the coordinator
//! resolves; a new responsible and each new action are proposals the coordinator
//! accepts or declines. `apply` refuses while any of these is undecided: nothing is
//! overwritten silently.

use super::three_way::{self, Outcome};
use super::{Return, Sending};
use crate::calc::search::fold;
use crate::edit::{Change, Refused};
use crate::format;
use crate::model::action::{Action, ActionStatus, ProgressRecord, Schedule, Step};
use crate::model::date::PlanDate;
use crate::model::id::{Id, Meta};
use crate::model::indicator::Indicator;
use crate::model::measurement::Measurement;
use crate::model::money::Cents;
use crate::model::plan::Plan;
use crate::model::subject::Subject;
use chrono::{DateTime, Utc};
use std::collections::{HashMap, HashSet};

/// One field of an action or an indicator that a recipient may change.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Groups,
    Responsible,
    Partners,
    Implementation,
    Services,
    Evaluation,
    ExpectedResults,
    Schedule,
    Steps,
    BudgetPlanned,
    BudgetSpent,
    /// The état d'avancement at a checkpoint: its status, percent and narrative.
    Status(Id),
    Percent(Id),
    Narrative(Id),
    /// A segment's measurement at a date.
    Measurement {
        segment: Id,
        date: PlanDate,
    },
}

/// A field's value, on one side.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    List(Vec<String>),
    Schedule(Schedule),
    Steps(Vec<Step>),
    Money(Option<Cents>),
    Status(Option<ActionStatus>),
    Percent(Option<u8>),
    Measurement(Option<Measurement>),
}

impl Value {
    /// Whether the field holds nothing on this side.
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Text(text) => text.is_empty(),
            Value::List(items) => items.is_empty(),
            Value::Schedule(schedule) => *schedule == Schedule::default(),
            Value::Steps(steps) => steps.is_empty(),
            Value::Money(money) => money.is_none(),
            Value::Status(status) => status.is_none(),
            Value::Percent(percent) => percent.is_none(),
            Value::Measurement(measurement) => measurement.is_none(),
        }
    }
}

/// The descriptive fields of an action that its recipient may change, in the order a
/// review shows them.
const ACTION_FIELDS: [Field; 12] = [
    Field::Title,
    Field::Groups,
    Field::Responsible,
    Field::Partners,
    Field::Implementation,
    Field::Services,
    Field::Evaluation,
    Field::ExpectedResults,
    Field::Schedule,
    Field::Steps,
    Field::BudgetPlanned,
    Field::BudgetSpent,
];

fn action_value(action: &Action, field: &Field) -> Value {
    let progress = |checkpoint: &Id| action.progress_at(checkpoint);
    match field {
        Field::Title => Value::Text(action.title.clone()),
        Field::Groups => Value::List(action.groups.clone()),
        Field::Responsible => Value::Text(action.responsible.clone()),
        Field::Partners => Value::List(action.partners.clone()),
        Field::Implementation => Value::Text(action.implementation.clone()),
        Field::Services => Value::Text(action.services.clone()),
        Field::Evaluation => Value::Text(action.evaluation.clone()),
        Field::ExpectedResults => Value::Text(action.expected_results.clone()),
        Field::Schedule => Value::Schedule(action.schedule.clone()),
        Field::Steps => Value::Steps(action.steps.clone()),
        Field::BudgetPlanned => Value::Money(action.budget_planned),
        Field::BudgetSpent => Value::Money(action.budget_spent),
        Field::Status(c) => Value::Status(progress(c).map(|p| p.status)),
        Field::Percent(c) => Value::Percent(progress(c).and_then(|p| p.percent)),
        Field::Narrative(c) => Value::Text(progress(c).map(|p| p.narrative.clone()).unwrap_or_default()),
        Field::Measurement { .. } => Value::Measurement(None),
    }
}

/// The action's progress record at `checkpoint`, made (not started) when missing.
fn record_at<'a>(action: &'a mut Action, checkpoint: &Id) -> &'a mut ProgressRecord {
    let index = match action.progress.iter().position(|p| &p.checkpoint == checkpoint) {
        Some(index) => index,
        None => {
            action.progress.push(ProgressRecord {
                checkpoint: checkpoint.clone(),
                status: ActionStatus::NotStarted,
                percent: None,
                narrative: String::new(),
                meta: Meta::default(),
            });
            action.progress.len() - 1
        }
    };
    &mut action.progress[index]
}

fn set_action_value(action: &mut Action, field: &Field, value: Value) {
    match (field, value) {
        (Field::Title, Value::Text(v)) => action.title = v,
        (Field::Groups, Value::List(v)) => action.groups = v,
        (Field::Responsible, Value::Text(v)) => action.responsible = v,
        (Field::Partners, Value::List(v)) => action.partners = v,
        (Field::Implementation, Value::Text(v)) => action.implementation = v,
        (Field::Services, Value::Text(v)) => action.services = v,
        (Field::Evaluation, Value::Text(v)) => action.evaluation = v,
        (Field::ExpectedResults, Value::Text(v)) => action.expected_results = v,
        (Field::Schedule, Value::Schedule(v)) => action.schedule = v,
        (Field::Steps, Value::Steps(v)) => action.steps = v,
        (Field::BudgetPlanned, Value::Money(v)) => action.budget_planned = v,
        (Field::BudgetSpent, Value::Money(v)) => action.budget_spent = v,
        (Field::Status(c), Value::Status(Some(status))) => record_at(action, c).status = status,
        // No status at a checkpoint is no record there.
        (Field::Status(c), Value::Status(None)) => action.progress.retain(|p| &p.checkpoint != c),
        // No record is made for nothing.
        (Field::Percent(c), Value::Percent(v)) if v.is_some() || action.progress_at(c).is_some() => {
            record_at(action, c).percent = v;
        }
        (Field::Narrative(c), Value::Text(v)) if !v.is_empty() || action.progress_at(c).is_some() => {
            record_at(action, c).narrative = v;
        }
        // A value of another field's kind is never made by `review`.
        _ => {}
    }
}

/// Every field of three versions of an action: the descriptive ones, then the progress
/// at each checkpoint that any of them reports on.
fn fields_of_actions(versions: &[&Action]) -> Vec<Field> {
    let mut fields = ACTION_FIELDS.to_vec();
    let mut checkpoints: Vec<&Id> = Vec::new();
    for progress in versions.iter().flat_map(|a| &a.progress) {
        if !checkpoints.contains(&&progress.checkpoint) {
            checkpoints.push(&progress.checkpoint);
        }
    }
    for c in checkpoints {
        fields.extend([Field::Status(c.clone()), Field::Percent(c.clone()), Field::Narrative(c.clone())]);
    }
    fields
}

fn measurement_of(indicator: &Indicator, segment: &Id, date: &PlanDate) -> Value {
    let found = indicator.segments.iter().find(|s| &s.id == segment);
    Value::Measurement(found.and_then(|s| s.measurements.iter().find(|m| &m.date == date)).cloned())
}

/// Every measurement of three versions of an indicator, by segment and date.
fn fields_of_indicators(versions: &[&Indicator]) -> Vec<Field> {
    let mut fields = Vec::new();
    let mut seen = HashSet::new();
    for indicator in versions {
        for segment in &indicator.segments {
            for m in &segment.measurements {
                if seen.insert((&segment.id, m.date)) {
                    fields.push(Field::Measurement { segment: segment.id.clone(), date: m.date });
                }
            }
        }
    }
    fields
}

/// The value `field` of `subject` holds in `plan`, as a review reads it: what a merge
/// put there, for the fuzz run to compare with what it was said to take.
#[cfg(test)]
pub(crate) fn value_in(plan: &Plan, subject: &Subject, field: &Field) -> Option<Value> {
    match (subject, field) {
        (Subject::Action(id), field) => plan.actions.iter().find(|a| &a.id == id).map(|a| action_value(a, field)),
        (Subject::Indicator(id), Field::Measurement { segment, date }) => {
            plan.indicators.iter().find(|i| &i.id == id).map(|i| measurement_of(i, segment, date))
        }
        _ => None,
    }
}

/// What the coordinator is asked about one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Only the recipient changed it: taken.
    Taken,
    /// Changed on both sides, to different values.
    Conflict,
    /// A new responsible, which the coordinator accepts or declines.
    Proposal,
}

/// One field the return changes.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    pub subject: Subject,
    pub field: Field,
    pub kind: Kind,
    /// As sent.
    pub base: Value,
    /// As the plan holds it now.
    pub mine: Value,
    /// As returned.
    pub theirs: Value,
}

/// Everything a return would change, before anything changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub sending: Id,
    pub to: String,
    /// The return's digest, recorded once merged (see `return_digest`).
    pub digest: String,
    pub changes: Vec<FieldChange>,
    /// New actions the recipient proposes.
    pub proposals: Vec<Action>,
    /// Entities the return changed that the plan no longer holds: nothing of theirs
    /// can be put in.
    pub gone: Vec<Subject>,
    /// Values the return brings that have no place in the plan any more (a segment or
    /// a checkpoint removed since the sending, or an id edited in the file): shown,
    /// never said taken.
    pub unplaced: Vec<Unplaced>,
    /// Proposed actions whose id the plan gives another entity already, each with the
    /// free id it would go in under (`from`, `to`).
    pub renamed: Vec<(Id, Id)>,
    /// Sent actions the return holds under another id, found by their title or code:
    /// (the id in the return, the id sent). Their changes are among `changes`.
    pub paired: Vec<(Id, Id)>,
}

/// A value of a return that has no place in the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Unplaced {
    pub subject: Subject,
    pub field: Field,
    pub theirs: Value,
    pub why: NoPlace,
}

/// Why a returned value has no place in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoPlace {
    /// The indicator has no segment of this id: removed since the sending, or an id
    /// edited in the file. `label` is the segment's name in the return.
    Segment { label: String },
    /// The plan has no checkpoint of this id.
    Checkpoint,
}

impl Review {
    pub fn conflicts(&self) -> usize {
        self.changes.iter().filter(|c| c.kind == Kind::Conflict).count()
    }

    /// Whether the return brings nothing new.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.proposals.is_empty() && self.gone.is_empty() && self.unplaced.is_empty()
    }
}

/// Why a file cannot be merged into the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotAReturn {
    /// A whole plan, not a part.
    WholePlan,
    /// A part of another plan.
    OtherPlan,
    /// A part of this plan whose sending the plan does not record.
    UnknownSending,
    /// This very return was merged already.
    AlreadyMerged { at: DateTime<Utc>, file: String },
}

/// The digest a return is recognised by: its content as Jalon writes it, whatever the
/// layout of the file it came in.
pub fn return_digest(returned: &Plan) -> String {
    format::digest(&format::save(returned))
}

/// The sending a returned part answers, or why it answers none.
pub fn sending_of<'a>(plan: &'a Plan, returned: &Plan) -> Result<&'a Sending, NotAReturn> {
    let part = returned.part.as_ref().ok_or(NotAReturn::WholePlan)?;
    if part.plan != plan.id {
        return Err(NotAReturn::OtherPlan);
    }
    plan.sendings.iter().find(|s| s.id == part.sending).ok_or(NotAReturn::UnknownSending)
}

/// Compares one entity's fields three ways, adding what the return changes; a
/// changed field `place` finds no place for in the plan is set aside, not taken.
fn compare<T>(
    subject: &Subject,
    fields: Vec<Field>,
    (base, mine, theirs): (&T, &T, &T),
    value: impl Fn(&T, &Field) -> Value,
    place: impl Fn(&Field) -> Option<NoPlace>,
    out: &mut Vec<FieldChange>,
    unplaced: &mut Vec<Unplaced>,
) {
    for field in fields {
        let (b, m, t) = (value(base, &field), value(mine, &field), value(theirs, &field));
        let outcome = three_way::decide(Some(&b), &m, &t);
        if !outcome.theirs_changed() {
            continue;
        }
        if let Some(why) = place(&field) {
            unplaced.push(Unplaced { subject: subject.clone(), field, theirs: t, why });
            continue;
        }
        let kind = match (outcome, &field) {
            (Outcome::Same, _) => continue,
            (_, Field::Responsible) => Kind::Proposal,
            (Outcome::Theirs, _) => Kind::Taken,
            _ => Kind::Conflict,
        };
        out.push(FieldChange { subject: subject.clone(), field, kind, base: b, mine: m, theirs: t });
    }
}

/// What merging `returned` would change in `plan`.
pub fn review(plan: &Plan, returned: &Plan) -> Result<Review, NotAReturn> {
    let sending = sending_of(plan, returned)?;
    let digest = return_digest(returned);
    if let Some(done) = sending.merged(&digest) {
        return Err(NotAReturn::AlreadyMerged { at: done.at, file: done.file.clone() });
    }
    let mine_actions: HashMap<&Id, &Action> = plan.actions.iter().map(|a| (&a.id, a)).collect();
    let theirs_actions: HashMap<&Id, &Action> = returned.actions.iter().map(|a| (&a.id, a)).collect();
    let mut changes = Vec::new();
    let mut gone = Vec::new();
    let mut unplaced = Vec::new();
    let checkpoint_gone = |field: &Field| match field {
        Field::Status(c) | Field::Percent(c) | Field::Narrative(c) if !plan.checkpoints.iter().any(|k| &k.id == c) => {
            Some(NoPlace::Checkpoint)
        }
        _ => None,
    };
    let sent: HashSet<&Id> = sending.actions.iter().map(|a| &a.id).collect();
    // A sent action the return holds under another id (its file edited, or the action
    // written again) is found by what it was sent as, its title or its code, so that
    // its changes are compared with it rather than offered as a look-alike proposal.
    let mut paired: Vec<(Id, Id)> = Vec::new();
    let unknown = |a: &&Action| !sent.contains(&a.id) && !mine_actions.contains_key(&a.id);
    for base in &sending.actions {
        let theirs = match theirs_actions.get(&base.id) {
            Some(theirs) => *theirs,
            None => {
                let code = |a: &Action| a.code.as_deref().map(str::trim).filter(|c| !c.is_empty()).map(fold);
                let same = |a: &&Action| {
                    fold(a.title.trim()) == fold(base.title.trim()) || code(a).is_some() && code(a) == code(base)
                };
                let taken = |a: &&Action| paired.iter().any(|(returned, _)| returned == &a.id);
                match returned.actions.iter().filter(unknown).filter(|a| !taken(a)).find(same) {
                    Some(twin) => {
                        paired.push((twin.id.clone(), base.id.clone()));
                        twin
                    }
                    None => continue,
                }
            }
        };
        let subject = Subject::Action(base.id.clone());
        match mine_actions.get(&base.id) {
            Some(mine) => {
                // A record the return no longer holds is no word of the recipient's:
                // no screen of a part removes one, so only an edited file lacks it.
                let fields = fields_of_actions(&[base, mine, theirs])
                    .into_iter()
                    .filter(|field| match field {
                        Field::Status(c) | Field::Percent(c) | Field::Narrative(c) => {
                            theirs.progress_at(c).is_some() || base.progress_at(c).is_none()
                        }
                        _ => true,
                    })
                    .collect();
                let versions = (base, *mine, theirs);
                compare(&subject, fields, versions, action_value, checkpoint_gone, &mut changes, &mut unplaced);
            }
            None if base != theirs => gone.push(subject),
            None => {}
        }
    }
    let theirs_indicators: HashMap<&Id, &Indicator> = returned.indicators.iter().map(|i| (&i.id, i)).collect();
    for base in &sending.indicators {
        let Some(theirs) = theirs_indicators.get(&base.id) else { continue };
        let subject = Subject::Indicator(base.id.clone());
        match plan.indicators.iter().find(|i| i.id == base.id) {
            Some(mine) => {
                // A segment the return no longer holds is no word of the recipient's
                // either: only an edited file lacks one, and its values stay as they are.
                let fields = fields_of_indicators(&[base, mine, theirs])
                    .into_iter()
                    .filter(|field| match field {
                        Field::Measurement { segment, .. } => {
                            theirs.segments.iter().any(|s| &s.id == segment)
                                || !base.segments.iter().any(|s| &s.id == segment)
                        }
                        _ => true,
                    })
                    .collect();
                let value = |i: &Indicator, f: &Field| match f {
                    Field::Measurement { segment, date } => measurement_of(i, segment, date),
                    _ => Value::Measurement(None),
                };
                let segment_gone = |field: &Field| match field {
                    Field::Measurement { segment, .. } if !mine.segments.iter().any(|s| &s.id == segment) => {
                        let named = [*theirs, base].into_iter().flat_map(|i| &i.segments).find(|s| &s.id == segment);
                        Some(NoPlace::Segment { label: named.map(|s| s.label.clone()).unwrap_or_default() })
                    }
                    _ => None,
                };
                let versions = (base, mine, *theirs);
                compare(&subject, fields, versions, value, segment_gone, &mut changes, &mut unplaced);
            }
            None if base != *theirs => gone.push(subject),
            None => {}
        }
    }
    // A proposed action whose id another entity of the plan holds (an objective, a
    // segment…) would make the plan unreadable: it goes in under a free id.
    let mut claims = crate::model::id_holders::Claims::new(plan);
    let mut renamed = Vec::new();
    let proposals = returned
        .actions
        .iter()
        .filter(unknown)
        .filter(|a| !paired.iter().any(|(returned, _)| returned == &a.id))
        .map(|proposed| {
            let mut action = proposed.clone();
            action.id = claims.claim_free(&proposed.id, crate::model::id_holders::IdHolder::Action);
            if action.id != proposed.id {
                renamed.push((proposed.id.clone(), action.id.clone()));
            }
            action
        })
        .collect();
    let (sending, to) = (sending.id.clone(), sending.to.clone());
    Ok(Review { sending, to, digest, changes, proposals, gone, unplaced, renamed, paired })
}

/// How the coordinator settles a conflict or a proposal.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolution {
    Mine,
    Theirs,
    /// A value the coordinator wrote.
    Edited(Value),
}

/// The coordinator's decisions: one per field change (`None` for a field simply
/// taken), one per proposed action.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Decisions {
    pub changes: Vec<Option<Resolution>>,
    pub proposals: Vec<Option<bool>>,
}

impl Decisions {
    /// Nothing decided yet, for a review.
    pub fn undecided(review: &Review) -> Decisions {
        Decisions { changes: vec![None; review.changes.len()], proposals: vec![None; review.proposals.len()] }
    }

    /// How many conflicts and proposals still wait for a decision.
    pub fn waiting(&self, review: &Review) -> usize {
        let changes = review.changes.iter().zip(&self.changes).filter(|(c, d)| c.kind != Kind::Taken && d.is_none());
        let proposals = self.proposals.iter().filter(|d| d.is_none());
        changes.count() + proposals.count() + review.proposals.len().saturating_sub(self.proposals.len())
    }
}

/// The value a decision puts in the plan: `None` when the plan keeps its own.
fn decided(change: &FieldChange, decision: &Option<Resolution>) -> Option<Value> {
    match decision {
        None | Some(Resolution::Theirs) => Some(change.theirs.clone()),
        Some(Resolution::Mine) => None,
        Some(Resolution::Edited(value)) => Some(value.clone()),
    }
}

/// Whether a proposed action goes into the plan: accepted, and not there already.
fn accepted(plan: &Plan, action: &Action, decision: &Option<bool>) -> bool {
    *decision == Some(true) && !plan.actions.iter().any(|a| a.id == action.id)
}

/// The record of a return merged into `plan` with these decisions, as `apply` notes it
/// in the sending.
fn record(plan: &Plan, review: &Review, decisions: &Decisions, file: &str, at: DateTime<Utc>) -> Return {
    let changes = review.changes.iter().zip(&decisions.changes).filter(|(c, d)| decided(c, d).is_some()).count();
    let proposals = review.proposals.iter().zip(&decisions.proposals);
    Return {
        at,
        file: file.to_owned(),
        digest: review.digest.clone(),
        changes,
        conflicts: review.conflicts(),
        proposed: review.proposals.len(),
        accepted: proposals.filter(|(a, d)| accepted(plan, a, d)).count(),
    }
}

/// The merge as ordinary changes, one step (`Change::Import`): every action and
/// indicator the decisions change, put as merged, then the return recorded. Undo, the
/// checks and saving see a merge as any other change; what it does is `apply`'s, made
/// on a copy of the plan and read back from it.
pub fn changes(
    plan: &Plan,
    review: &Review,
    decisions: &Decisions,
    file: &str,
    at: DateTime<Utc>,
) -> Result<Change, Refused> {
    let mut merged = plan.clone();
    apply(&mut merged, review, decisions, file, at)?;
    let mut changes = Vec::new();
    for action in &merged.actions {
        if plan.actions.iter().find(|a| a.id == action.id) != Some(action) {
            changes.push(Change::PutAction { action: action.clone() });
        }
    }
    for indicator in &merged.indicators {
        if plan.indicators.iter().find(|i| i.id == indicator.id) != Some(indicator) {
            changes.push(Change::PutIndicator { indicator: indicator.clone() });
        }
    }
    let sending = merged.sendings.iter().find(|s| s.id == review.sending);
    let record = sending.and_then(|s| s.returns.last()).cloned();
    let record = record.ok_or_else(|| Refused::NotFound(review.sending.clone()))?;
    changes.push(Change::RecordReturn { sending: review.sending.clone(), record });
    Ok(Change::Import { changes })
}

/// Merges a reviewed return into the plan with the coordinator's decisions, and
/// records it in the sending. Refused, the plan untouched, while a conflict or a
/// proposal is undecided, or when the return was merged already.
pub fn apply(
    plan: &mut Plan,
    review: &Review,
    decisions: &Decisions,
    file: &str,
    at: DateTime<Utc>,
) -> Result<(), Refused> {
    let waiting = decisions.waiting(review);
    if waiting > 0 || decisions.changes.len() != review.changes.len() {
        return Err(Refused::Undecided(waiting.max(1)));
    }
    let sending = plan.sendings.iter().position(|s| s.id == review.sending);
    let sending = sending.ok_or_else(|| Refused::NotFound(review.sending.clone()))?;
    if plan.sendings[sending].merged(&review.digest).is_some() {
        return Err(Refused::AlreadyMerged);
    }
    let done = record(plan, review, decisions, file, at);
    let year = plan.year_end();
    for (change, decision) in review.changes.iter().zip(&decisions.changes) {
        let Some(value) = decided(change, decision) else { continue };
        // What the review found may have gone since (another tab): refused, the merge
        // is reviewed again, rather than a value said taken and put nowhere.
        match (&change.subject, &change.field) {
            (Subject::Action(id), field) => {
                let action =
                    plan.actions.iter_mut().find(|a| &a.id == id).ok_or_else(|| Refused::NotFound(id.clone()))?;
                if let Field::Status(c) | Field::Percent(c) | Field::Narrative(c) = field {
                    if !plan.checkpoints.iter().any(|k| &k.id == c) {
                        return Err(Refused::NotFound(c.clone()));
                    }
                }
                set_action_value(action, field, value);
            }
            (Subject::Indicator(id), Field::Measurement { segment, date }) => {
                let indicator = plan.indicators.iter_mut().find(|i| &i.id == id);
                let indicator = indicator.ok_or_else(|| Refused::NotFound(id.clone()))?;
                let found = indicator.segments.iter_mut().find(|s| &s.id == segment);
                let found = found.ok_or_else(|| Refused::NotFound(segment.clone()))?;
                if let Value::Measurement(measurement) = value {
                    found.set_measurement(*date, measurement, year);
                }
            }
            _ => {}
        }
    }
    for (action, decision) in review.proposals.iter().zip(&decisions.proposals) {
        if accepted(plan, action, decision) {
            plan.actions.push(action.clone());
        }
    }
    plan.sendings[sending].returns.push(done);
    Ok(())
}

#[cfg(test)]
mod tests;
