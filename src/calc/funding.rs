//! One budget for the actions: what each action is granted, what is spent on it, and
//! by which lines.
//!
//! An action's form says what the plan grants it (`Action::budget_planned`, « Budget
//! accordé ») and what was spent on it (`Action::budget_spent`); the budget's expense
//! lines say which action they fund (`ExpenseLine::funds`), what they plan (direct and
//! staff) and what they spent. Once a line funding an action reports spending, what is
//! spent on the action is what its lines report, and the form's figure is a stated one
//! that the checks compare (`Total::Spent`). The lines that fund no action are summed
//! apart, so that the actions' lines and the others make the budget's expenses.

use crate::calc::totals::Amounts;
use crate::model::id::Id;
use crate::model::money::Cents;
use crate::model::plan::Plan;
use std::collections::HashMap;

/// One action with a grant, a spending or a line funding it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionBudget {
    /// Index into `Plan::actions`.
    pub action: usize,
    /// What the plan grants the action.
    pub granted: Option<Cents>,
    /// What the lines that fund it plan and spend.
    pub lines: Amounts,
    /// Indices into `Budget::expenses` of the lines that fund it.
    pub funded_by: Vec<usize>,
    /// What is spent on it: its lines' spending when one of them reports any, else
    /// what its form says.
    pub spent: Option<Cents>,
    /// Whether `spent` is what its lines report.
    pub spent_on_lines: bool,
}

impl ActionBudget {
    /// What remains of the grant once the spending is taken off (negative when
    /// overspent); `None` without a grant.
    pub fn remaining(&self) -> Option<Cents> {
        self.granted.map(|granted| granted - self.spent.unwrap_or_default())
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActionBudgets {
    /// In the order of the plan's actions.
    pub rows: Vec<ActionBudget>,
    /// The sums of the rows.
    pub granted: Cents,
    pub lines: Amounts,
    pub spent: Cents,
    /// The expense lines that fund no action of the plan (an element, or nothing).
    pub other: Amounts,
}

impl ActionBudgets {
    /// What remains of the grants once the spending is taken off.
    pub fn remaining(&self) -> Cents {
        self.granted - self.spent
    }
}

/// The expense lines that fund one action, and what they plan together, direct and
/// staff: what a deletion of the action would leave funding nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Funding {
    pub lines: usize,
    pub planned: Cents,
}

/// Read from `action_budgets`, where which lines fund an action is decided.
pub fn funding_of(plan: &Plan, action: &Id) -> Funding {
    action_budgets(plan)
        .rows
        .iter()
        .find(|row| &plan.actions[row.action].id == action)
        .map_or_else(Funding::default, |row| Funding { lines: row.funded_by.len(), planned: row.lines.total() })
}

pub fn action_budgets(plan: &Plan) -> ActionBudgets {
    let index: HashMap<&Id, usize> = plan.actions.iter().enumerate().rev().map(|(i, a)| (&a.id, i)).collect();
    let rates = plan.budget.rate_table();
    let mut lines: Vec<(Amounts, Vec<usize>, bool)> = vec![Default::default(); plan.actions.len()];
    let mut budgets = ActionBudgets::default();
    for (i, line) in plan.budget.expenses.iter().enumerate() {
        let amounts = rates.line(line).amounts;
        match line.funds.as_ref().and_then(|id| index.get(id)) {
            Some(&action) => {
                let (sum, funded_by, reported) = &mut lines[action];
                *sum += amounts;
                funded_by.push(i);
                *reported |= line.spent.is_some();
            }
            None => budgets.other += amounts,
        }
    }
    for (index, (action, (amounts, funded_by, reported))) in plan.actions.iter().zip(lines).enumerate() {
        let spent = if reported { Some(amounts.spent) } else { action.budget_spent };
        if action.budget_planned.is_none() && spent.is_none() && funded_by.is_empty() {
            continue;
        }
        budgets.granted += action.budget_planned.unwrap_or_default();
        budgets.lines += amounts;
        budgets.spent += spent.unwrap_or_default();
        budgets.rows.push(ActionBudget {
            action: index,
            granted: action.budget_planned,
            lines: amounts,
            funded_by,
            spent,
            spent_on_lines: reported,
        });
    }
    budgets
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    fn cooperative() -> Plan {
        fixtures::plan("plan-002-cooperative")
    }

    fn row<'a>(budgets: &'a ActionBudgets, plan: &Plan, id: &str) -> &'a ActionBudget {
        budgets.rows.iter().find(|r| plan.actions[r.action].id.as_str() == id).expect("listed")
    }

    #[test]
    fn an_actions_funding_is_its_lines_and_what_they_plan() {
        let mut plan = cooperative();
        let transitions = Id::new("action-transitions");
        // One line: 80 000 $ direct and 8 × 8 days of staff.
        assert_eq!(funding_of(&plan, &transitions), Funding { lines: 1, planned: Cents(9_792_000) });
        let mut second = plan.budget.expenses[3].clone();
        second.id = Id::new("ligne-transitions-2");
        second.staff.clear();
        second.planned = Cents(150_000);
        plan.budget.expenses.push(second);
        assert_eq!(funding_of(&plan, &transitions), Funding { lines: 2, planned: Cents(9_942_000) });
        assert_eq!(funding_of(&plan, &Id::new("action-sans-ligne")), Funding::default());
    }

    /// Issue 27: the actions' budgets (68 750,50 $) and the budget's planned expenses
    /// (27 023,32 $) stood side by side unconnected, and « Dépensé » showed « — » for
    /// every action whose spending its lines reported.
    #[test]
    fn an_action_is_granted_its_own_amount_and_spent_what_its_lines_report() {
        let mut plan = cooperative();
        let budgets = action_budgets(&plan);
        // « Mener les projets-pilotes de transition »: granted 80 000 $, spent 21 500 $ as
        // its form says; one line funds it, 80 000 $ direct and 8 × 8 days of staff.
        let transitions = row(&budgets, &plan, "action-transitions");
        assert_eq!(transitions.granted, Some(Cents(8_000_000)));
        assert_eq!(transitions.funded_by, vec![3]);
        assert_eq!(transitions.lines.total(), Cents(9_792_000));
        assert_eq!((transitions.spent, transitions.spent_on_lines), (Some(Cents(2_150_000)), false));
        assert_eq!(transitions.remaining(), Some(Cents(5_850_000)));

        // The line reports its spending: that is what is spent on the action.
        plan.budget.expenses[3].spent = Some(Cents(3_000_000));
        let budgets = action_budgets(&plan);
        let transitions = row(&budgets, &plan, "action-transitions");
        assert_eq!((transitions.spent, transitions.spent_on_lines), (Some(Cents(3_000_000)), true));
        assert_eq!(transitions.remaining(), Some(Cents(5_000_000)));

        // The actions' lines and the others make the budget's expenses.
        let totals = plan.budget.totals();
        let mut all = budgets.lines;
        all += budgets.other;
        assert_eq!(all, totals.expenses);
        assert_eq!(budgets.granted, Cents(8_000_000));
        assert_eq!(budgets.remaining(), Cents(5_000_000));
    }

    #[test]
    fn an_action_with_only_a_line_is_listed_and_a_line_funding_no_action_counts_apart() {
        let mut plan = fixtures::plan("plan-000-pevr");
        let with_budget =
            plan.actions.iter().filter(|a| a.budget_planned.is_some() || a.budget_spent.is_some()).count();
        let bare = plan.actions.iter().position(|a| a.budget_planned.is_none()).expect("an action without budget");
        let line = |id: &str, funds: Option<Id>| crate::model::budget::ExpenseLine {
            id: Id::new(id),
            category: Id::new("cat"),
            label: "Ligne".into(),
            planned: Cents(10_000),
            spent: Some(Cents(2_500)),
            staff: Vec::new(),
            funds,
            stated_total: None,
            meta: Default::default(),
        };
        plan.budget.expenses.push(line("ligne", Some(plan.actions[bare].id.clone())));
        plan.budget.expenses.push(line("disparue", Some(Id::new("moyen-supprime"))));
        let budgets = action_budgets(&plan);
        assert_eq!(budgets.rows.len(), with_budget + 1);
        let row = budgets.rows.iter().find(|r| r.action == bare).expect("listed");
        assert_eq!((row.granted, row.spent, row.remaining()), (None, Some(Cents(2_500)), None));
        assert_eq!(row.funded_by, vec![0]);
        assert_eq!((budgets.other.planned, budgets.other.spent), (Cents(10_000), Cents(2_500)));
    }
}
