//! The budget of the plan's projects: revenue lines, expense lines by category with
//! their staff contributions from the rate table, the totals and balance, planned
//! against spent, allocations to member organisations, and the core's checks beside the
//! lines and totals they concern. Every figure is computed by the core, once per revision.

use crate::ui::components::amount_lines::{AmountLines, Lines};
use crate::ui::components::budget_actions::BudgetActions;
use crate::ui::components::budget_allocation::BudgetAllocation;
use crate::ui::components::budget_category::BudgetCategory;
use crate::ui::components::budget_form::{budget_section, BudgetForm};
use crate::ui::components::budget_summary::BudgetSummary;
use crate::ui::components::context_only::ContextOnly;
use crate::ui::context::{fresh_id, use_ctx, use_plan_memo};
use crate::ui::kit::lines::Field;
use crate::ui::kit::row::edit_with;
use jalon::calc::check::{check, Finding, Total};
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::model::subject::Subject;
use std::rc::Rc;
use yew::prelude::*;

/// Whether a finding is about the budget, so that this screen shows it: an action's
/// spending against its lines' is.
fn about_budget(finding: &Finding) -> bool {
    matches!(finding, Finding::StatedTotalMismatch { total: Total::Spent, .. })
        || matches!(
            finding.subject(),
            Subject::Budget | Subject::Rate(_) | Subject::Revenue(_) | Subject::Expense(_) | Subject::Allocation(_)
        )
}

#[function_component(BudgetScreen)]
pub fn screen() -> Html {
    let ctx = use_ctx();
    let computed = use_plan_memo(&ctx, |plan| {
        let findings: Vec<Finding> = check(plan).into_iter().filter(about_budget).collect();
        (Rc::new(plan.budget.totals()), Rc::new(findings))
    });
    let (totals, findings) = (computed.0.clone(), computed.1.clone());
    let budget = &ctx.plan.budget;

    let on_add_category = edit_with(&ctx, |v| {
        let label = v.text("label")?;
        let id = fresh_id("categorie");
        Ok((Act::new(What::Added, Subject::Category(id.clone())), Change::AddCategory { id, label }))
    });
    let on_add_allocation = edit_with(&ctx, |v| {
        let (label, amount) = (v.text("label")?, v.money("amount")?);
        let id = fresh_id("repartition");
        Ok((Act::new(What::Added, Subject::Allocation(id.clone())), Change::AddAllocation { id, label, amount }))
    });

    html! {
        <div class="budget">
            <h1>{ ctx.words().budget }</h1>
            <ContextOnly>
            if budget.is_empty() {
                <div class="card start">
                    <p>{ ctx.words().plan_has_no_budget }</p>
                    <p>{ ctx.words().start_one_add_revenue }</p>
                </div>
            } else {
                <BudgetSummary totals={totals.clone()} findings={findings.clone()} />
            }
            <AmountLines lines={Lines::Revenues} totals={totals.clone()} findings={findings.clone()} />
            { budget_section("expenses-title", ctx.words().expenses_category,
                budget.categories.is_empty().then_some(ctx.words().no_expense_category),
                html! { { for budget.categories.iter().map(|c| html! {
                    <BudgetCategory key={c.id.to_string()} category={c.id.clone()} totals={totals.clone()} findings={findings.clone()} />
                }) } },
                html! { <BudgetForm id="cat-new" name={ctx.words().new_expense_category}
                    fields={vec![Field::text("label", ctx.words().category_name, "")]}
                    submit={ctx.words().add_category} on_submit={on_add_category} /> }) }
            <BudgetActions findings={findings.clone()} />
            <AmountLines lines={Lines::Rates} totals={totals.clone()} findings={findings.clone()} />
            { budget_section("allocations-title", ctx.words().allocations_member_organisations,
                budget.allocations.is_empty().then_some(ctx.words().no_allocation),
                html! { { for budget.allocations.iter().map(|a| html! {
                    <BudgetAllocation key={a.id.to_string()} allocation={a.id.clone()} findings={findings.clone()} />
                }) } },
                html! { <BudgetForm id="alloc-new" name={ctx.words().new_allocation}
                    fields={vec![Field::text("label", ctx.words().label, ""), Field::money("amount", ctx.words().amount_allocate, None, ctx.lang)]}
                    submit={ctx.words().add_allocation} on_submit={on_add_allocation} /> }) }
            </ContextOnly>
        </div>
    }
}
