//! What a person types that the plan does not hold yet: a draft, kept as it is typed so
//! that closing the tab, quitting the browser or opening another plan loses nothing.
//!
//! A draft is named by what it edits (`Key`). A field changed in place (`Field`: the
//! plan's title, an action's comment at a checkpoint…) goes into the plan as soon as its
//! text reads, by one rule (`Field::edit`) whether the field loses the focus or its draft
//! is found when the plan opens again; a text that does not read yet stays a draft,
//! shown back in its field with why. A form (`Form`) gets its fields back as they were
//! typed, each by its id on the page, for the user to save or discard. A plan's drafts
//! are kept together (`Drafts`), as one text beside the plan, never in it; a key is
//! written as a text too (`Key::text`), for the page to mark what a field edits.

use crate::edit::followup::measurement_at;
use crate::edit::history::{Act, What};
use crate::edit::Change;
use crate::model::id::Id;
use crate::model::plan::Plan;
use crate::model::subject::Subject;
use crate::words::input::{self, InputError};
use crate::words::lang::Lang;

/// What a draft is typed into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    Field(Field),
    Form(Form),
}

/// A field whose text goes into the plan by itself, without a form to confirm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// The plan's title.
    Title,
    /// An action's percent at a checkpoint.
    Percent {
        action: Id,
        checkpoint: Id,
    },
    /// An action's comment (narrative) at a checkpoint.
    Narrative {
        action: Id,
        checkpoint: Id,
    },
    /// A segment's value at a checkpoint's date.
    Measurement {
        indicator: Id,
        segment: Id,
        checkpoint: Id,
    },
    /// An action's responsible, in the actions table.
    Responsible(Id),
    OrganisationName(Id),
    OrganisationCode(Id),
    /// A target group's code, the group named by its code as the plan holds it.
    GroupCode(String),
    GroupLabel(String),
}

/// A form, named by what it edits; `None` where it adds something new.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Form {
    Action(Option<Id>),
    Element(Id),
    /// An element added under a parent (`None`: at the top).
    NewElement(Option<Id>),
    Checkpoint(Option<Id>),
    /// An indicator under `objective`; a new one under the id it will take.
    Indicator {
        indicator: Id,
        objective: Id,
    },
    /// One of a segment's forms (`part`: its name, its baseline, the target or the
    /// measurement being written).
    Segment {
        indicator: Id,
        segment: Id,
        part: String,
    },
    /// The name of a segment to add to an indicator.
    NewSegment(Id),
    /// A form of the budget screen, by its place there (« rev-new », « dep-<id> »).
    Budget(String),
    LevelNames,
    Period,
    Thresholds,
    NewOrganisation,
    NewGroup,
}

/// Why a field's text is not in the plan yet.
#[derive(Debug, Clone, PartialEq)]
pub enum Unready {
    /// The text does not read as what the field holds.
    Unread(InputError),
    /// A percent or comment waits for the action's status at the checkpoint.
    NoStatus,
    /// What the field edits is no longer in the plan (deleted since).
    Gone,
}

/// A field's change and its act, or `None` when the plan already holds the text.
pub type Edit = Option<(Act, Change)>;

impl Field {
    /// The change that puts `text`, typed in `lang`, in the plan: the rule of the field
    /// on the page and of its draft found on reopening alike.
    pub fn edit(&self, text: &str, lang: Lang, plan: &Plan) -> Result<Edit, Unready> {
        let changed =
            |same: bool, what: What, of: Subject, change: Change| Ok((!same).then(|| (Act::new(what, of), change)));
        match self {
            Field::Title => Ok((plan.title != text)
                .then(|| (Act::typing(What::Title, Subject::Plan), Change::SetTitle { title: text.to_owned() }))),
            Field::Percent { action, checkpoint } | Field::Narrative { action, checkpoint } => {
                let found = plan.actions.iter().find(|a| &a.id == action);
                let found = found.filter(|_| plan.checkpoints.iter().any(|c| &c.id == checkpoint));
                let Some(found) = found else { return Err(Unready::Gone) };
                let percent = match self {
                    Field::Percent { .. } => Some(input::read_optional_progress(text, lang).map_err(Unready::Unread)?),
                    _ => None,
                };
                let record = found.progress_at(checkpoint).ok_or(Unready::NoStatus)?;
                let (percent, narrative) = match percent {
                    Some(percent) => (percent, record.narrative.clone()),
                    None => (record.percent, text.trim().to_owned()),
                };
                let same = percent == record.percent && narrative == record.narrative;
                let (action, checkpoint, status) = (action.clone(), checkpoint.clone(), record.status);
                let change = Change::SetProgress { action: action.clone(), checkpoint, status, percent, narrative };
                changed(same, What::Progress, Subject::Action(action), change)
            }
            Field::Measurement { indicator, segment, checkpoint } => {
                let found = plan.indicators.iter().find(|i| &i.id == indicator);
                let within = found.and_then(|i| i.segments.iter().find(|s| &s.id == segment).map(|s| (i, s)));
                let date = plan.checkpoints.iter().find(|c| &c.id == checkpoint).map(|c| c.date);
                let (Some((found, within)), Some(date)) = (within, date) else { return Err(Unready::Gone) };
                let value =
                    input::read_optional_value(found.kind, found.out_of, text, lang).map_err(Unready::Unread)?;
                let same = measurement_at(within, date).map(|m| &m.value) == value.as_ref();
                let (indicator, segment, checkpoint) = (indicator.clone(), segment.clone(), checkpoint.clone());
                let change = Change::SetMeasurementAt { indicator: indicator.clone(), segment, checkpoint, value };
                changed(same, What::Measurement, Subject::Indicator(indicator), change)
            }
            Field::Responsible(action) => {
                let found = plan.actions.iter().find(|a| &a.id == action).ok_or(Unready::Gone)?;
                let change = Change::SetResponsible { action: action.clone(), responsible: text.to_owned() };
                changed(found.responsible == text.trim(), What::Responsible, Subject::Action(action.clone()), change)
            }
            Field::OrganisationName(id) | Field::OrganisationCode(id) => {
                let found = plan.organisations.iter().find(|o| &o.id == id).ok_or(Unready::Gone)?;
                let ((name, code), same) =
                    pair_typed(matches!(self, Field::OrganisationName(_)), (&found.name, &found.code), text);
                let change = Change::UpdateOrganisation { organisation: id.clone(), name, code };
                changed(same, What::Organisations, Subject::Plan, change)
            }
            Field::GroupCode(group) | Field::GroupLabel(group) => {
                let found = plan.target_groups.iter().find(|g| &g.code == group).ok_or(Unready::Gone)?;
                let ((code, label), same) =
                    pair_typed(matches!(self, Field::GroupCode(_)), (&found.code, &found.label), text);
                let change = Change::UpdateTargetGroup { group: group.clone(), code, label };
                changed(same, What::TargetGroups, Subject::Plan, change)
            }
        }
    }
}

/// A setting of two texts (an organisation's name and code, a group's code and label)
/// with `text` typed in its first or second: both texts, and whether they are `held`.
fn pair_typed(typed_first: bool, held: (&str, &str), text: &str) -> ((String, String), bool) {
    let pair = if typed_first { (text.trim(), held.1) } else { (held.0, text.trim()) };
    ((pair.0.to_owned(), pair.1.to_owned()), pair == held)
}

/// What was typed for one key: a field's text, or a form's texts in the form's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub key: Key,
    /// The language it was typed in: numbers and dates read by its rules.
    pub lang: Lang,
    pub texts: Vec<String>,
}

impl Draft {
    pub fn field(field: Field, lang: Lang, text: String) -> Draft {
        Draft { key: Key::Field(field), lang, texts: vec![text] }
    }

    /// A field's text.
    pub fn text(&self) -> &str {
        self.texts.first().map_or("", String::as_str)
    }

    /// A form's fields, each by its id on the page with its text, in the order they were
    /// first typed in (a field that appears only once another is chosen comes after it).
    pub fn fields(&self) -> impl Iterator<Item = (&str, &str)> {
        self.texts.chunks_exact(2).map(|pair| (pair[0].as_str(), pair[1].as_str()))
    }

    /// Keeps `text` as what the form's field `id` holds.
    pub fn set(&mut self, id: &str, text: String) {
        match self.texts.chunks_exact(2).position(|pair| pair[0] == id) {
            Some(at) => self.texts[at * 2 + 1] = text,
            None => self.texts.extend([id.to_owned(), text]),
        }
    }
}

/// A plan's drafts. Lines this page cannot read (a later page's) are kept as they came.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drafts {
    drafts: Vec<Draft>,
    unread: Vec<String>,
}

impl Drafts {
    /// The drafts of `text` as `text` writes them: one line each.
    pub fn read(text: &str) -> Drafts {
        let mut drafts = Drafts::default();
        for line in text.lines().filter(|l| !l.is_empty()) {
            match read_line(line) {
                Some(draft) => drafts.put(draft),
                None => drafts.unread.push(line.to_owned()),
            }
        }
        drafts
    }

    /// One line per draft: its key's name, the key's ids, the language, then the texts,
    /// separated by tabs, each escaped.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for draft in &self.drafts {
            out.push_str(&draft.key.text());
            out.push('\t');
            out.push_str(draft.lang.code());
            for text in &draft.texts {
                out.push('\t');
                escape(text, &mut out);
            }
            out.push('\n');
        }
        for line in &self.unread {
            out.push_str(line);
            out.push('\n');
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.drafts.is_empty() && self.unread.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Draft> {
        self.drafts.iter()
    }

    pub fn get(&self, key: &Key) -> Option<&Draft> {
        self.drafts.iter().find(|d| &d.key == key)
    }

    pub fn of_field(&self, field: &Field) -> Option<&Draft> {
        self.drafts.iter().find(|d| matches!(&d.key, Key::Field(f) if f == field))
    }

    /// Keeps `draft` in place of the draft of its key.
    pub fn put(&mut self, draft: Draft) {
        match self.drafts.iter_mut().find(|d| d.key == draft.key) {
            Some(kept) => *kept = draft,
            None => self.drafts.push(draft),
        }
    }

    /// Whether there was a draft of `key`.
    pub fn remove(&mut self, key: &Key) -> bool {
        let before = self.drafts.len();
        self.drafts.retain(|d| &d.key != key);
        self.drafts.len() != before
    }

    /// Puts in `plan` every field's draft that reads, as the plan opens. What does not
    /// read, or is refused, stays a draft; forms' drafts wait for their form.
    pub fn apply(&self, plan: &mut Plan) -> Applied {
        let mut applied = Applied::default();
        for draft in &self.drafts {
            let Key::Field(field) = &draft.key else { continue };
            let done = match field.edit(draft.text(), draft.lang, plan) {
                Ok(Some((_, change))) => {
                    let done = change.apply(plan).is_ok();
                    applied.changed |= done;
                    done
                }
                Ok(None) | Err(Unready::Gone) => true,
                Err(_) => false,
            };
            if done {
                applied.settled.push(draft.key.clone());
            }
        }
        applied
    }
}

/// What `Drafts::apply` did.
#[derive(Debug, Default, PartialEq)]
pub struct Applied {
    /// The drafts the plan now holds (or whose field is gone): to be forgotten once the
    /// plan is saved.
    pub settled: Vec<Key>,
    /// Whether the plan changed.
    pub changed: bool,
}

impl Key {
    /// The key as one line of text: its name, then its ids, separated by tabs.
    pub fn text(&self) -> String {
        let (name, ids) = parts(self);
        let mut out = name.to_owned();
        for id in ids.into_iter().flatten() {
            out.push('\t');
            escape(id, &mut out);
        }
        out
    }

    /// The key `text` writes, if this page knows it.
    pub fn read(text: &str) -> Option<Key> {
        let mut fields = text.split('\t');
        let name = fields.next()?;
        key_of(name, &fields.map(unescape).collect::<Vec<_>>())
    }
}

/// A key's name and its ids (up to three, the rest `None`), as a line writes them;
/// each name has a fixed number of ids.
fn parts(key: &Key) -> (&'static str, [Option<&str>; 3]) {
    let id = Id::as_str;
    match key {
        Key::Field(field) => match field {
            Field::Title => ("title", [None, None, None]),
            Field::Percent { action, checkpoint } => ("percent", [Some(id(action)), Some(id(checkpoint)), None]),
            Field::Narrative { action, checkpoint } => ("narrative", [Some(id(action)), Some(id(checkpoint)), None]),
            Field::Measurement { indicator, segment, checkpoint } => {
                ("measurement", [Some(id(indicator)), Some(id(segment)), Some(id(checkpoint))])
            }
            Field::Responsible(action) => ("responsible", [Some(id(action)), None, None]),
            Field::OrganisationName(o) => ("organisation-name", [Some(id(o)), None, None]),
            Field::OrganisationCode(o) => ("organisation-code", [Some(id(o)), None, None]),
            Field::GroupCode(code) => ("group-code", [Some(code.as_str()), None, None]),
            Field::GroupLabel(code) => ("group-label", [Some(code.as_str()), None, None]),
        },
        Key::Form(form) => match form {
            Form::Action(Some(action)) => ("action-form", [Some(id(action)), None, None]),
            Form::Action(None) => ("new-action-form", [None, None, None]),
            Form::Element(element) => ("element-form", [Some(id(element)), None, None]),
            Form::NewElement(Some(parent)) => ("new-element-form", [Some(id(parent)), None, None]),
            Form::NewElement(None) => ("new-top-element-form", [None, None, None]),
            Form::Checkpoint(Some(checkpoint)) => ("checkpoint-form", [Some(id(checkpoint)), None, None]),
            Form::Checkpoint(None) => ("new-checkpoint-form", [None, None, None]),
            Form::Indicator { indicator, objective } => {
                ("indicator-form", [Some(id(indicator)), Some(id(objective)), None])
            }
            Form::Segment { indicator, segment, part } => {
                ("segment-form", [Some(id(indicator)), Some(id(segment)), Some(part.as_str())])
            }
            Form::NewSegment(indicator) => ("new-segment-form", [Some(id(indicator)), None, None]),
            Form::Budget(place) => ("budget-form", [Some(place.as_str()), None, None]),
            Form::LevelNames => ("level-names-form", [None, None, None]),
            Form::Period => ("period-form", [None, None, None]),
            Form::Thresholds => ("thresholds-form", [None, None, None]),
            Form::NewOrganisation => ("new-organisation-form", [None, None, None]),
            Form::NewGroup => ("new-group-form", [None, None, None]),
        },
    }
}

/// The key `parts` writes as `name` and `ids`, when the count of ids is the name's.
fn key_of(name: &str, ids: &[String]) -> Option<Key> {
    let id = |i: usize| Id::new(ids[i].as_str());
    let field = |f: Field| Some(Key::Field(f));
    let form = |f: Form| Some(Key::Form(f));
    match (name, ids.len()) {
        ("title", 0) => field(Field::Title),
        ("percent", 2) => field(Field::Percent { action: id(0), checkpoint: id(1) }),
        ("narrative", 2) => field(Field::Narrative { action: id(0), checkpoint: id(1) }),
        ("measurement", 3) => field(Field::Measurement { indicator: id(0), segment: id(1), checkpoint: id(2) }),
        ("responsible", 1) => field(Field::Responsible(id(0))),
        ("organisation-name", 1) => field(Field::OrganisationName(id(0))),
        ("organisation-code", 1) => field(Field::OrganisationCode(id(0))),
        ("group-code", 1) => field(Field::GroupCode(ids[0].clone())),
        ("group-label", 1) => field(Field::GroupLabel(ids[0].clone())),
        ("action-form", 1) => form(Form::Action(Some(id(0)))),
        ("new-action-form", 0) => form(Form::Action(None)),
        ("element-form", 1) => form(Form::Element(id(0))),
        ("new-element-form", 1) => form(Form::NewElement(Some(id(0)))),
        ("new-top-element-form", 0) => form(Form::NewElement(None)),
        ("checkpoint-form", 1) => form(Form::Checkpoint(Some(id(0)))),
        ("new-checkpoint-form", 0) => form(Form::Checkpoint(None)),
        ("indicator-form", 2) => form(Form::Indicator { indicator: id(0), objective: id(1) }),
        ("segment-form", 3) => form(Form::Segment { indicator: id(0), segment: id(1), part: ids[2].clone() }),
        ("new-segment-form", 1) => form(Form::NewSegment(id(0))),
        ("budget-form", 1) => form(Form::Budget(ids[0].clone())),
        ("level-names-form", 0) => form(Form::LevelNames),
        ("period-form", 0) => form(Form::Period),
        ("thresholds-form", 0) => form(Form::Thresholds),
        ("new-organisation-form", 0) => form(Form::NewOrganisation),
        ("new-group-form", 0) => form(Form::NewGroup),
        _ => None,
    }
}

fn read_line(line: &str) -> Option<Draft> {
    let fields: Vec<String> = line.split('\t').map(unescape).collect();
    let (name, rest) = fields.split_first()?;
    // Each name has one count of ids: the first count that makes a key is it.
    (0..=rest.len().min(3)).find_map(|count| {
        let key = key_of(name, &rest[..count])?;
        let lang = Lang::from_code(rest.get(count)?)?;
        Some(Draft { key, lang, texts: rest[count + 1..].to_vec() })
    })
}

/// What a line of drafts writes as a backslash and a letter: its tabs separate fields.
const ESCAPED: [(char, &str); 4] = [('\\', "\\\\"), ('\t', "\\t"), ('\n', "\\n"), ('\r', "\\r")];

fn escape(text: &str, out: &mut String) {
    crate::words::escape_with(text, out, &ESCAPED);
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(letter) => {
                let special = ESCAPED.iter().find(|(_, escaped)| escaped.ends_with(letter));
                out.push(special.map_or(letter, |(c, _)| *c));
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests;
