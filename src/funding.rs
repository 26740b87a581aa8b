//! The actions' own budgets beside the budget's lines: what each action plans and has
//! spent, which expense lines fund it, and what they come to together. An action's
//! budget is written in its form; a budget line says which action it funds.

use crate::money::Cents;
use crate::plan::Plan;

/// One action with a budget of its own or a line funding it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionBudget {
    /// Index into `Plan::actions`.
    pub action: usize,
    pub planned: Option<Cents>,
    pub spent: Option<Cents>,
    /// Indices into `Budget::expenses` of the lines that fund it.
    pub funded_by: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActionBudgets {
    /// In the order of the plan's actions.
    pub rows: Vec<ActionBudget>,
    pub planned: Cents,
    pub spent: Cents,
}

pub fn action_budgets(plan: &Plan) -> ActionBudgets {
    let mut budgets = ActionBudgets::default();
    for (index, action) in plan.actions.iter().enumerate() {
        let funded_by: Vec<usize> = plan
            .budget
            .expenses
            .iter()
            .enumerate()
            .filter(|(_, line)| line.funds.as_ref() == Some(&action.id))
            .map(|(i, _)| i)
            .collect();
        if action.budget_planned.is_none() && action.budget_spent.is_none() && funded_by.is_empty() {
            continue;
        }
        budgets.planned += action.budget_planned.unwrap_or_default();
        budgets.spent += action.budget_spent.unwrap_or_default();
        budgets.rows.push(ActionBudget {
            action: index,
            planned: action.budget_planned,
            spent: action.budget_spent,
            funded_by,
        });
    }
    budgets
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::load;

    #[test]
    fn actions_with_a_budget_or_a_funding_line_are_listed_and_summed() {
        let mut plan = load(include_str!("../tests/fixtures/plan-000-pevr.json")).expect("fixture loads");
        let with_budget: Vec<usize> = plan
            .actions
            .iter()
            .enumerate()
            .filter(|(_, a)| a.budget_planned.is_some() || a.budget_spent.is_some())
            .map(|(i, _)| i)
            .collect();
        let budgets = action_budgets(&plan);
        assert_eq!(budgets.rows.iter().map(|r| r.action).collect::<Vec<_>>(), with_budget);
        let planned: i64 = plan.actions.iter().filter_map(|a| a.budget_planned).map(|c| c.0).sum();
        assert_eq!(budgets.planned, Cents(planned));
        assert!(!with_budget.is_empty(), "the reference PEVR gives some moyens a budget");

        // A line funding an action without a budget of its own lists it too.
        let bare = plan.actions.iter().position(|a| a.budget_planned.is_none()).expect("an action without budget");
        let line = crate::budget::ExpenseLine {
            id: crate::id::Id::new("ligne"),
            category: crate::id::Id::new("cat"),
            label: "Ligne".into(),
            planned: Cents(10_000),
            spent: None,
            staff: Vec::new(),
            funds: Some(plan.actions[bare].id.clone()),
            stated_total: None,
            meta: Default::default(),
        };
        plan.budget.expenses.push(line);
        let budgets = action_budgets(&plan);
        let row = budgets.rows.iter().find(|r| r.action == bare).expect("listed");
        assert_eq!(row.funded_by, vec![plan.budget.expenses.len() - 1]);
        assert_eq!(row.planned, None);
    }
}
