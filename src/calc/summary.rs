//! A compact description of a plan: what it holds, in counts. Shown by the native
//! command and by the page before a file is opened.

use crate::model::plan::Plan;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Elements per level of the tree, in the order of the levels.
    pub elements_per_level: Vec<usize>,
    pub indicators: usize,
    pub actions: usize,
    /// Links from actions to objectives: more than `actions` when actions are shared.
    pub action_links: usize,
    pub checkpoints: usize,
    pub budget_lines: usize,
}

pub fn summarize(plan: &Plan) -> Summary {
    let mut elements_per_level = vec![0; plan.levels.len()];
    for element in &plan.elements {
        if let Some(count) = elements_per_level.get_mut(element.level) {
            *count += 1;
        }
    }
    let budget = &plan.budget;
    Summary {
        elements_per_level,
        indicators: plan.indicators.len(),
        actions: plan.actions.len(),
        action_links: plan.actions.iter().map(|a| a.objectives.len()).sum(),
        checkpoints: plan.checkpoints.len(),
        budget_lines: budget.revenues.len() + budget.expenses.len() + budget.allocations.len(),
    }
}
