//! What the user does with a proposal before confirming it: place an unplaced row
//! where it belongs, drop it, rename the levels.

use super::columns::Column;
use super::read::indicator;
use super::{Proposal, Read, ReadAs, Unplaced, Why};
use crate::model::action::Action;
use crate::model::element::Element;
use crate::model::id::Id;
use crate::model::level::Noun;

/// Where an unplaced row goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// An element of the tree under `parent` (at the top when `None`): its first cell
    /// is the title, the others its description.
    Element { parent: Option<Id> },
    /// An action of `objective`: cells under a named column go to that field, and the
    /// row's text is the title when no column says which cell is.
    Action { objective: Id },
    /// An indicator of `objective`: the first cell its label, the last its target.
    Indicator { objective: Id },
    /// The rest of `action`, cut by a page break: each cell joins the field its
    /// column names.
    Into { action: Id },
}

/// Why a row could not go where the user asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The row is no longer in the list (placed or dropped already).
    NoSuchRow,
    NoSuchElement,
    NoSuchAction,
    /// Below the objectives, the plan has actions, not elements.
    BelowObjectives,
    /// None of the row's cells is under a column that names an action's field.
    NoColumns,
    /// A level's name cannot be empty.
    EmptyName,
}

impl Proposal {
    /// Places unplaced row `index` (its position in `unplaced`) as `place` says, and
    /// returns the id of what it became.
    pub fn place(&mut self, index: usize, place: Place) -> Result<Id, Refused> {
        let row = self.unplaced.get(index).ok_or(Refused::NoSuchRow)?.clone();
        let filled: Vec<String> = row.filled().map(String::from).collect();
        let (id, what) = match place {
            Place::Element { parent } => {
                let level = match &parent {
                    None => 0,
                    Some(p) => self.plan.element(p).ok_or(Refused::NoSuchElement)?.level + 1,
                };
                if level > self.plan.objective_level {
                    return Err(Refused::BelowObjectives);
                }
                let id = self.new_id("e");
                let mut element = Element::new(id.as_str(), level, None, filled.first().map_or("", String::as_str));
                element.parent = parent;
                element.description = filled.get(1..).unwrap_or_default().join("\n");
                // After its last sibling, or at the end: the tree keeps display order.
                let at = self.end_of_subtree(element.parent.as_ref());
                self.plan.elements.insert(at, element);
                (id.clone(), ReadAs::Element(id))
            }
            Place::Action { objective } => {
                self.plan.element(&objective).ok_or(Refused::NoSuchElement)?;
                let id = self.new_id("a");
                let mut action = Action::new(id.as_str(), "", &[objective.as_str()]);
                let named = row.columns.contains(&Some(Column::Title));
                if named {
                    fill(&mut action, &row, &self.checkpoint());
                }
                if action.title.is_empty() {
                    action.title = filled.join(" ");
                }
                self.plan.actions.push(action);
                (id.clone(), ReadAs::Action(id))
            }
            Place::Indicator { objective } => {
                self.plan.element(&objective).ok_or(Refused::NoSuchElement)?;
                let id = self.new_id("i");
                let mut cells = filled.clone();
                let label = cells.remove(0);
                let target = cells.pop();
                let made = indicator(id.clone(), objective, label, target, cells, None, self.plan.period.end);
                self.plan.indicators.push(made);
                (id.clone(), ReadAs::Indicator(id))
            }
            Place::Into { action } => {
                if !row.columns.iter().zip(&row.cells).any(|(c, cell)| c.is_some() && !cell.is_empty()) {
                    return Err(Refused::NoColumns);
                }
                let checkpoint = self.checkpoint();
                let target = self.plan.actions.iter_mut().find(|a| a.id == action).ok_or(Refused::NoSuchAction)?;
                let mut more = Action::new("", "", &[]);
                fill(&mut more, &row, &checkpoint);
                merge(target, more);
                (action.clone(), ReadAs::Continued(action))
            }
        };
        self.unplaced.remove(index);
        self.read.push(Read { row: row.row, what });
        Ok(id)
    }

    /// Drops unplaced row `index`: it goes to `dropped`, outside the plan.
    pub fn discard(&mut self, index: usize) -> Result<(), Refused> {
        if index >= self.unplaced.len() {
            return Err(Refused::NoSuchRow);
        }
        let row = self.unplaced.remove(index);
        self.dropped.push(row);
        Ok(())
    }

    /// Drops every unplaced row of the same kind as `why` (every line of the table of
    /// contents, every running header); returns how many.
    pub fn discard_all(&mut self, why: &Why) -> usize {
        let (gone, kept): (Vec<Unplaced>, Vec<Unplaced>) =
            std::mem::take(&mut self.unplaced).into_iter().partition(|u| u.why.same_kind(why));
        self.unplaced = kept;
        let count = gone.len();
        self.dropped.extend(gone);
        count
    }

    /// Renames level `level` of the tree; the level below the objectives is the
    /// actions' name.
    pub fn rename_level(&mut self, level: usize, name: Noun) -> Result<(), Refused> {
        if name.singular.trim().is_empty() || name.plural.trim().is_empty() {
            return Err(Refused::EmptyName);
        }
        let count = self.plan.levels.len();
        match self.plan.levels.get_mut(level) {
            Some(found) => found.name = name,
            None if level == count => self.plan.action_name = name,
            None => return Err(Refused::NoSuchElement),
        }
        Ok(())
    }

    pub(super) fn new_id(&mut self, prefix: &str) -> Id {
        loop {
            let id = Id::new(format!("{prefix}{}", self.next_id));
            self.next_id += 1;
            let taken = self.plan.elements.iter().any(|e| e.id == id)
                || self.plan.actions.iter().any(|a| a.id == id)
                || self.plan.indicators.iter().any(|i| i.id == id);
            if !taken {
                return id;
            }
        }
    }

    /// The position after the last element under `parent`, its descendants included.
    fn end_of_subtree(&self, parent: Option<&Id>) -> usize {
        let Some(parent) = parent else { return self.plan.elements.len() };
        let mut inside = vec![parent.clone()];
        let mut end =
            self.plan.elements.iter().position(|e| &e.id == parent).map_or(self.plan.elements.len(), |p| p + 1);
        for (i, element) in self.plan.elements.iter().enumerate().skip(end) {
            match &element.parent {
                Some(p) if inside.contains(p) => {
                    inside.push(element.id.clone());
                    end = i + 1;
                }
                _ => {}
            }
        }
        end
    }

    /// The checkpoint an état d'avancement goes to: the plan's last.
    fn checkpoint(&self) -> Option<Id> {
        self.plan.checkpoints.last().map(|c| c.id.clone())
    }
}

fn fill(action: &mut Action, row: &Unplaced, checkpoint: &Option<Id>) {
    for (cell, column) in row.cells.iter().zip(&row.columns) {
        if let (false, Some(column)) = (cell.is_empty(), column) {
            super::read::add_to(action, *column, cell, checkpoint.as_ref(), "\n");
        }
    }
}

/// `more`'s fields after `action`'s, each joined with a space (a cut row goes on where
/// it stopped).
fn merge(action: &mut Action, more: Action) {
    let join = |field: &mut String, more: String| {
        if !more.is_empty() {
            if !field.is_empty() {
                field.push(' ');
            }
            field.push_str(&more);
        }
    };
    join(&mut action.title, more.title);
    join(&mut action.responsible, more.responsible);
    join(&mut action.carrier, more.carrier);
    join(&mut action.implementation, more.implementation);
    join(&mut action.services, more.services);
    join(&mut action.evaluation, more.evaluation);
    join(&mut action.expected_results, more.expected_results);
    join(&mut action.schedule.text, more.schedule.text);
    action.groups.extend(more.groups);
    action.partners.extend(more.partners);
    if action.code.is_none() {
        action.code = more.code;
    }
    for record in more.progress {
        match action.progress.iter_mut().find(|p| p.checkpoint == record.checkpoint) {
            Some(existing) => join(&mut existing.narrative, record.narrative),
            None => action.progress.push(record),
        }
    }
}
