//! A part of the plan for one recipient: which actions are theirs, what the part holds
//! (their actions, the indicators the coordinator includes, and the context needed to
//! read them), and what the recipient may change in it.

use super::{PartOf, Sending};
use crate::calc::search::fold;
use crate::model::action::Action;
use crate::model::id::Id;
use crate::model::plan::Plan;
use crate::model::shared::Shared;
use chrono::{DateTime, Utc};
use std::collections::HashSet;

/// Everyone a part can be sent to, in the plan's words: its organisations, then the
/// actions' responsible units, carriers and partners, each name once (case and accents
/// ignored), in the order first met.
pub fn recipients(plan: &Plan) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut names = Vec::new();
    let organisations = plan.organisations.iter().map(|o| o.name.as_str());
    let of_actions = plan.actions.iter().flat_map(|a| {
        [a.responsible.as_str(), a.carrier.as_str()].into_iter().chain(a.partners.iter().map(String::as_str))
    });
    for name in organisations.chain(of_actions) {
        let name = name.trim();
        if !name.is_empty() && seen.insert(fold(name)) {
            names.push(name.to_owned());
        }
    }
    names
}

/// The names that stand for `to` in the actions: itself, and the code of the plan's
/// organisation of that name (« CSSVT » for « Centre de services scolaire… »), folded.
fn aliases(plan: &Plan, to: &str) -> Vec<String> {
    let to = fold(to.trim());
    let mut names = vec![to.clone()];
    for organisation in &plan.organisations {
        let (name, code) = (fold(organisation.name.trim()), fold(organisation.code.trim()));
        if name == to && !code.is_empty() {
            names.push(code);
        } else if code == to && !name.is_empty() {
            names.push(name);
        }
    }
    names
}

/// Whether the action is `to`'s: its responsible, carrier or one of its partners.
fn is_theirs(action: &Action, aliases: &[String]) -> bool {
    let named = |text: &str| aliases.contains(&fold(text.trim()));
    named(&action.responsible) || named(&action.carrier) || action.partners.iter().any(|p| named(p))
}

/// The actions of the plan that are `to`'s, in the plan's order.
pub fn actions_for(plan: &Plan, to: &str) -> Vec<Id> {
    let aliases = aliases(plan, to);
    plan.actions.iter().filter(|a| is_theirs(a, &aliases)).map(|a| a.id.clone()).collect()
}

/// What the coordinator chose to send.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub to: String,
    pub checkpoint: Id,
    /// The actions sent, ticked among `actions_for`.
    pub actions: Vec<Id>,
    /// Whether the indicators of the objectives these actions serve go with them.
    pub indicators: bool,
}

/// The record of a sending: exactly what it sends, as it is now.
pub fn sending(plan: &Plan, choice: &Choice, id: Id, at: DateTime<Utc>) -> Sending {
    let chosen: HashSet<&Id> = choice.actions.iter().collect();
    let actions: Vec<Action> = plan.actions.iter().filter(|a| chosen.contains(&a.id)).cloned().collect();
    let objectives: HashSet<&Id> = actions.iter().flat_map(|a| &a.objectives).collect();
    let indicators = match choice.indicators {
        true => plan.indicators.iter().filter(|i| objectives.contains(&i.objective)).cloned().collect(),
        false => Vec::new(),
    };
    Sending {
        id,
        at,
        to: choice.to.trim().to_owned(),
        checkpoint: choice.checkpoint.clone(),
        actions,
        indicators,
        returns: Vec::new(),
    }
}

/// The part a sending sends, as a plan of its own: the recorded actions and indicators,
/// the elements above them, and the plan's context (title, period, organisations,
/// levels, target groups, checkpoints, settings). Its id is the sending's, so that it
/// stands beside the whole plan in a browser that holds both.
pub fn part(plan: &Plan, sending: &Sending) -> Plan {
    let mut needed: HashSet<&Id> = sending.actions.iter().flat_map(|a| &a.objectives).collect();
    needed.extend(sending.indicators.iter().map(|i| &i.objective));
    let mut above: Vec<&Id> = needed.iter().copied().collect();
    while let Some(id) = above.pop() {
        if let Some(parent) = plan.elements.iter().find(|e| &e.id == id).and_then(|e| e.parent.as_ref()) {
            if needed.insert(parent) {
                above.push(parent);
            }
        }
    }
    let from = plan.organisations.iter().map(|o| o.name.as_str()).collect::<Vec<_>>().join(", ");
    Plan {
        id: sending.id.clone(),
        title: plan.title.clone(),
        organisations: plan.organisations.clone(),
        period: plan.period,
        levels: plan.levels.clone(),
        objective_level: plan.objective_level,
        action_name: plan.action_name.clone(),
        target_groups: plan.target_groups.clone(),
        checkpoints: plan.checkpoints.clone(),
        settings: plan.settings.clone(),
        elements: Shared::new(plan.elements.iter().filter(|e| needed.contains(&e.id)).cloned().collect()),
        indicators: Shared::new(sending.indicators.clone()),
        actions: Shared::new(sending.actions.clone()),
        budget: Shared::default(),
        sendings: Shared::default(),
        part: Some(PartOf {
            plan: plan.id.clone(),
            sending: sending.id.clone(),
            at: sending.at,
            from,
            to: sending.to.clone(),
            checkpoint: sending.checkpoint.clone(),
            actions: sending.actions.iter().map(|a| a.id.clone()).collect(),
        }),
        sources: Vec::new(),
        meta: plan.meta.clone(),
    }
}

#[cfg(test)]
mod tests;
