//! Changes to the plan's actions (moyens, activités): add, update, delete, link to
//! objectives, and the actions table's choice of columns.

use super::{Edited, Refused};
use crate::calc::columns::{shown_columns, ActionColumn};
use crate::model::action::{Action, Schedule, Step};
use crate::model::id::Id;
use crate::model::money::Cents;
use crate::model::plan::Plan;

/// What the action form edits: every field of an action but its id, its steps and its
/// progress records, which the follow-up keeps.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActionFields {
    pub code: Option<String>,
    pub title: String,
    pub objectives: Vec<Id>,
    pub groups: Vec<String>,
    pub responsible: String,
    pub carrier: String,
    pub partners: Vec<String>,
    pub implementation: String,
    pub services: String,
    pub evaluation: String,
    pub expected_results: String,
    /// The échéancier as written (« 3 fois par année »).
    pub schedule_text: String,
    /// The échéancier's steps, each in its plan year.
    pub steps: Vec<Step>,
    pub budget_planned: Option<Cents>,
    pub budget_spent: Option<Cents>,
}

impl ActionFields {
    /// The fields of an existing action, for the form to start from.
    pub fn of(action: &Action) -> ActionFields {
        ActionFields {
            code: action.code.clone(),
            title: action.title.clone(),
            objectives: action.objectives.clone(),
            groups: action.groups.clone(),
            responsible: action.responsible.clone(),
            carrier: action.carrier.clone(),
            partners: action.partners.clone(),
            implementation: action.implementation.clone(),
            services: action.services.clone(),
            evaluation: action.evaluation.clone(),
            expected_results: action.expected_results.clone(),
            schedule_text: action.schedule.text.clone(),
            steps: action.steps.clone(),
            budget_planned: action.budget_planned,
            budget_spent: action.budget_spent,
        }
    }

    pub(crate) fn write_into(self, action: &mut Action) {
        let ActionFields {
            code,
            title,
            objectives,
            groups,
            responsible,
            carrier,
            partners,
            implementation,
            services,
            evaluation,
            expected_results,
            schedule_text,
            steps,
            budget_planned,
            budget_spent,
        } = self;
        action.code = code.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty());
        action.title = title.trim().to_owned();
        action.objectives = unique(objectives);
        action.groups = trimmed_list(groups);
        action.responsible = responsible.trim().to_owned();
        action.carrier = carrier.trim().to_owned();
        action.partners = trimmed_list(partners);
        action.implementation = implementation;
        action.services = services;
        action.evaluation = evaluation;
        action.expected_results = expected_results;
        action.schedule = Schedule { text: schedule_text.trim().to_owned(), ..std::mem::take(&mut action.schedule) };
        // Kept as given (the form hands back the steps untouched unless they were
        // edited); only a step with no words is dropped.
        action.steps = steps.into_iter().filter(|s| !s.text.trim().is_empty()).collect();
        action.budget_planned = budget_planned;
        action.budget_spent = budget_spent;
    }
}

fn trimmed_list(items: Vec<String>) -> Vec<String> {
    items.iter().map(|i| i.trim()).filter(|i| !i.is_empty()).map(str::to_owned).collect()
}

fn unique(ids: Vec<Id>) -> Vec<Id> {
    let mut seen = std::collections::HashSet::new();
    ids.into_iter().filter(|id| seen.insert(id.clone())).collect()
}

/// Every objective named must be an element of the plan's objective level.
fn check_objectives(plan: &Plan, objectives: &[Id]) -> Edited {
    for id in objectives {
        let element = plan.element(id).ok_or_else(|| Refused::NotFound(id.clone()))?;
        if element.level != plan.objective_level {
            return Err(Refused::WrongLevel(id.clone()));
        }
    }
    Ok(())
}

fn action_mut<'a>(plan: &'a mut Plan, id: &Id) -> Result<&'a mut Action, Refused> {
    plan.actions.iter_mut().find(|a| &a.id == id).ok_or_else(|| Refused::NotFound(id.clone()))
}

/// Adds an action at the end of the plan's list.
pub fn add_action(plan: &mut Plan, id: Id, fields: ActionFields) -> Edited {
    check_objectives(plan, &fields.objectives)?;
    let mut action = Action::new(id.as_str(), "", &[]);
    fields.write_into(&mut action);
    plan.actions.push(action);
    Ok(())
}

/// Replaces the form's fields of an action; its progress records and steps stay.
pub fn update_action(plan: &mut Plan, id: &Id, fields: ActionFields) -> Edited {
    check_objectives(plan, &fields.objectives)?;
    fields.write_into(action_mut(plan, id)?);
    Ok(())
}

/// Puts an action as it is given: in place of the action of its id, else last.
pub fn put_action(plan: &mut Plan, action: Action) -> Edited {
    match plan.actions.iter_mut().find(|a| a.id == action.id) {
        Some(found) => *found = action,
        None => plan.actions.push(action),
    }
    Ok(())
}

/// Deletes an action, with its progress records. Budget lines that funded it keep
/// their amounts; the checks report the link that no longer leads anywhere.
pub fn delete_action(plan: &mut Plan, id: &Id) -> Edited {
    let before = plan.actions.len();
    plan.actions.retain(|a| &a.id != id);
    if plan.actions.len() == before {
        return Err(Refused::NotFound(id.clone()));
    }
    Ok(())
}

pub fn set_responsible(plan: &mut Plan, id: &Id, responsible: &str) -> Edited {
    action_mut(plan, id)?.responsible = responsible.trim().to_owned();
    Ok(())
}

/// Links an action to one more objective; linking it twice keeps one link.
pub fn link_objective(plan: &mut Plan, action: &Id, objective: &Id) -> Edited {
    check_objectives(plan, std::slice::from_ref(objective))?;
    let action = action_mut(plan, action)?;
    if !action.objectives.contains(objective) {
        action.objectives.push(objective.clone());
    }
    Ok(())
}

/// Removes one link. Removing the last one is allowed: the checks then say the action
/// serves no objective, as they do for a file written that way.
pub fn unlink_objective(plan: &mut Plan, action: &Id, objective: &Id) -> Edited {
    let action = action_mut(plan, action)?;
    if !action.objectives.contains(objective) {
        return Err(Refused::NotFound(objective.clone()));
    }
    action.objectives.retain(|o| o != objective);
    Ok(())
}

/// Shows or hides one column of the actions table. The first choice starts from the
/// columns shown until then, so that hiding one hides only that one.
pub fn set_column_visible(plan: &mut Plan, column: ActionColumn, visible: bool) -> Edited {
    let mut columns = shown_columns(plan);
    columns.retain(|c| *c != column);
    if visible {
        columns.push(column);
    }
    // Kept in table order, so that the file does not depend on the clicks' order.
    plan.settings.columns = Some(ActionColumn::ALL.into_iter().filter(|c| columns.contains(c)).collect());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::start::sample::sample_plan;

    fn fields(title: &str, objectives: &[&str]) -> ActionFields {
        ActionFields {
            title: title.into(),
            objectives: objectives.iter().map(|o| Id::new(*o)).collect(),
            ..ActionFields::default()
        }
    }

    fn action<'a>(plan: &'a Plan, id: &str) -> &'a Action {
        plan.actions.iter().find(|a| a.id.as_str() == id).expect("the action is in the plan")
    }

    #[test]
    fn the_steps_given_are_the_steps_kept_and_an_empty_one_is_dropped() {
        let mut plan = sample_plan();
        let id = plan.actions[0].id.clone();
        let mut edited = ActionFields::of(&plan.actions[0]);
        edited.steps = vec![
            Step { year: "2025-2026".into(), text: "Former les équipes".into() },
            Step { year: "2025-2026".into(), text: "  ".into() },
            Step { year: "2026-2027".into(), text: " Mesurer l'effet ".into() },
        ];
        update_action(&mut plan, &id, edited).expect("saved");
        let kept: Vec<(&str, &str)> =
            plan.actions[0].steps.iter().map(|s| (s.year.as_str(), s.text.as_str())).collect();
        assert_eq!(kept, [("2025-2026", "Former les équipes"), ("2026-2027", " Mesurer l'effet ")]);
        let before = plan.clone();
        update_action(&mut plan, &id, ActionFields::of(&before.actions[0])).expect("saved");
        assert_eq!(plan, before, "the fields of an action, saved back, change nothing");
    }

    #[test]
    fn an_added_action_is_trimmed_and_linked_once_to_each_objective() {
        let mut plan = sample_plan();
        let mut new = fields("  Tenir une journée portes ouvertes ", &["objectif-1", "objectif-2", "objectif-1"]);
        new.partners = vec![" Ville de Rivière-Claire".into(), " ".into(), "Maison des jeunes ".into()];
        new.code = Some("  ".into());
        new.budget_planned = Some(Cents(150_000));
        add_action(&mut plan, Id::new("moyen-portes"), new).unwrap();
        let added = action(&plan, "moyen-portes");
        assert_eq!(added.title, "Tenir une journée portes ouvertes");
        assert_eq!(added.objectives, vec![Id::new("objectif-1"), Id::new("objectif-2")]);
        assert_eq!(added.partners, vec!["Ville de Rivière-Claire".to_string(), "Maison des jeunes".to_string()]);
        assert_eq!(added.code, None, "a blank code is no code");
        assert_eq!(added.budget_planned, Some(Cents(150_000)));
    }

    #[test]
    fn an_action_must_serve_objectives_of_the_plan_at_the_objective_level() {
        let mut plan = sample_plan();
        let before = plan.clone();
        assert_eq!(
            add_action(&mut plan, Id::new("m"), fields("x", &["objectif-disparu"])),
            Err(Refused::NotFound(Id::new("objectif-disparu")))
        );
        assert_eq!(
            add_action(&mut plan, Id::new("m"), fields("x", &["enjeu-1"])),
            Err(Refused::WrongLevel(Id::new("enjeu-1")))
        );
        assert_eq!(
            link_objective(&mut plan, &Id::new("moyen-lecture"), &Id::new("orientation-1-1")),
            Err(Refused::WrongLevel(Id::new("orientation-1-1")))
        );
        assert_eq!(plan, before);
    }

    #[test]
    fn an_update_keeps_progress_records_and_steps() {
        let mut plan = sample_plan();
        let id = Id::new("moyen-lecture");
        let mut changed = ActionFields::of(action(&plan, "moyen-lecture"));
        changed.title = "Offrir deux formations sur la lecture".into();
        changed.responsible = " Services éducatifs ".into();
        changed.schedule_text = "Automne 2024".into();
        update_action(&mut plan, &id, changed).unwrap();
        let updated = action(&plan, "moyen-lecture");
        assert_eq!(updated.title, "Offrir deux formations sur la lecture");
        assert_eq!(updated.responsible, "Services éducatifs");
        assert_eq!(updated.schedule.text, "Automne 2024");
        assert_eq!(updated.progress.len(), 1, "the follow-up is kept");
        assert_eq!(
            update_action(&mut plan, &Id::new("moyen-disparu"), fields("x", &["objectif-1"])),
            Err(Refused::NotFound(Id::new("moyen-disparu")))
        );
    }

    #[test]
    fn a_deleted_action_takes_its_progress_records_and_nothing_else() {
        let mut plan = sample_plan();
        let count = plan.actions.len();
        delete_action(&mut plan, &Id::new("moyen-cap")).unwrap();
        assert_eq!(plan.actions.len(), count - 1);
        assert!(plan.actions.iter().all(|a| a.id.as_str() != "moyen-cap"));
        assert_eq!(plan.checkpoints.len(), 1, "the checkpoint stays");
        assert_eq!(delete_action(&mut plan, &Id::new("moyen-cap")), Err(Refused::NotFound(Id::new("moyen-cap"))));
    }

    #[test]
    fn links_are_added_once_and_removed_one_by_one() {
        let mut plan = sample_plan();
        let id = Id::new("moyen-lecture");
        link_objective(&mut plan, &id, &Id::new("objectif-2")).unwrap();
        link_objective(&mut plan, &id, &Id::new("objectif-2")).unwrap();
        assert_eq!(action(&plan, "moyen-lecture").objectives, vec![Id::new("objectif-1"), Id::new("objectif-2")]);
        unlink_objective(&mut plan, &id, &Id::new("objectif-1")).unwrap();
        assert_eq!(action(&plan, "moyen-lecture").objectives, vec![Id::new("objectif-2")]);
        assert_eq!(
            unlink_objective(&mut plan, &id, &Id::new("objectif-1")),
            Err(Refused::NotFound(Id::new("objectif-1")))
        );
        assert_eq!(
            link_objective(&mut plan, &Id::new("moyen-disparu"), &Id::new("objectif-1")),
            Err(Refused::NotFound(Id::new("moyen-disparu")))
        );
    }

    #[test]
    fn the_responsible_is_set_trimmed() {
        let mut plan = sample_plan();
        set_responsible(&mut plan, &Id::new("moyen-math"), " Direction générale ").unwrap();
        assert_eq!(action(&plan, "moyen-math").responsible, "Direction générale");
        assert_eq!(set_responsible(&mut plan, &Id::new("x"), "y"), Err(Refused::NotFound(Id::new("x"))));
    }

    #[test]
    fn hiding_a_column_keeps_the_others_shown_and_showing_it_again_restores_the_order() {
        let mut plan = sample_plan();
        let shown = shown_columns(&plan);
        set_column_visible(&mut plan, ActionColumn::Services, false).unwrap();
        let hidden: Vec<_> = shown.iter().copied().filter(|c| *c != ActionColumn::Services).collect();
        assert_eq!(plan.settings.columns.as_deref(), Some(hidden.as_slice()));
        set_column_visible(&mut plan, ActionColumn::Partners, true).unwrap();
        set_column_visible(&mut plan, ActionColumn::Services, true).unwrap();
        let columns = shown_columns(&plan);
        assert!(columns.contains(&ActionColumn::Services) && columns.contains(&ActionColumn::Partners));
        let order: Vec<_> = ActionColumn::ALL.into_iter().filter(|c| columns.contains(c)).collect();
        assert_eq!(columns, order);
    }
}
