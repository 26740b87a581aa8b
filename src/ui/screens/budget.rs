//! The budget of the plan's projects: revenue lines, expense lines by category with
//! their staff contributions from the rate table, the totals and balance, planned
//! against spent, allocations to member organisations, and the core's checks beside the
//! lines and totals they concern. Every figure is computed by the core, once per revision.

use crate::ui::components::budget_allocation::BudgetAllocation;
use crate::ui::components::budget_category::BudgetCategory;
use crate::ui::components::budget_form::{BudgetForm, Field, Kind, Value};
use crate::ui::components::budget_rates::BudgetRates;
use crate::ui::components::budget_revenues::Revenues;
use crate::ui::components::budget_summary::BudgetSummary;
use crate::ui::context::{fresh_id, use_ctx};
use jalon::check::{check, Finding};
use jalon::edit::budget as edit;
use jalon::history::{Act, What};
use jalon::subject::Subject;
use std::rc::Rc;
use yew::prelude::*;

/// Whether a finding is about the budget, so that this screen shows it.
fn about_budget(finding: &Finding) -> bool {
    matches!(
        finding.subject(),
        Subject::Budget | Subject::Rate(_) | Subject::Revenue(_) | Subject::Expense(_) | Subject::Allocation(_)
    )
}

#[function_component(BudgetScreen)]
pub fn screen() -> Html {
    let ctx = use_ctx();
    let (totals, findings) = {
        let plan = ctx.plan.clone();
        let computed = use_memo(ctx.revision, move |_| {
            let findings: Vec<Finding> = check(&plan).into_iter().filter(about_budget).collect();
            (Rc::new(plan.budget.totals()), Rc::new(findings))
        });
        (computed.0.clone(), computed.1.clone())
    };
    let budget = &ctx.plan.budget;

    let on_add_category = {
        let ctx = ctx.clone();
        Callback::from(move |v: Vec<Value>| {
            let (id, label) = (fresh_id("categorie"), v[0].text());
            ctx.edit(Act::new(What::Added, Subject::Category(id.clone())), move |plan| {
                edit::add_category(plan, id, &label)
            });
        })
    };
    let on_add_allocation = {
        let ctx = ctx.clone();
        Callback::from(move |v: Vec<Value>| {
            let (id, label, amount) = (fresh_id("repartition"), v[0].text(), v[1].money().unwrap_or_default());
            ctx.edit(Act::new(What::Added, Subject::Allocation(id.clone())), move |plan| {
                edit::add_allocation(plan, id, &label, amount)
            });
        })
    };

    html! {
        <div class="budget">
            <h1>{ ctx.tr("Budget", "Budget") }</h1>
            if budget.is_empty() {
                <div class="card start">
                    <p>{ ctx.tr("Ce plan n'a pas encore de budget.", "This plan has no budget yet.") }</p>
                    <p>{ ctx.tr("Commencez-en un : ajoutez une ligne de revenus et une catégorie de dépenses ci-dessous.",
                        "Start one: add a revenue line and an expense category below.") }</p>
                </div>
            } else {
                <BudgetSummary totals={totals.clone()} findings={findings.clone()} />
            }
            <Revenues totals={totals.clone()} findings={findings.clone()} />
            <section class="card budget-section" aria-labelledby="expenses-title">
                <h2 id="expenses-title">{ ctx.tr("Dépenses par catégorie", "Expenses by category") }</h2>
                if budget.categories.is_empty() {
                    <p class="empty">{ ctx.tr("Aucune catégorie de dépenses.", "No expense category.") }</p>
                }
                { for budget.categories.iter().map(|c| html! {
                    <BudgetCategory key={c.id.to_string()} category={c.id.clone()} totals={totals.clone()} findings={findings.clone()} />
                }) }
                <BudgetForm id="cat-new" name={ctx.tr("Nouvelle catégorie de dépenses", "New expense category")}
                    fields={vec![Field::new(ctx.tr("Nom de la catégorie", "Category name"), Kind::Text, "")]}
                    submit={ctx.tr("Ajouter la catégorie", "Add the category")} on_submit={on_add_category} />
            </section>
            <BudgetRates findings={findings.clone()} />
            <section class="card budget-section" aria-labelledby="allocations-title">
                <h2 id="allocations-title">{ ctx.tr("Répartition aux organisations membres", "Allocations to member organisations") }</h2>
                if budget.allocations.is_empty() {
                    <p class="empty">{ ctx.tr("Aucune répartition.", "No allocation.") }</p>
                }
                { for budget.allocations.iter().map(|a| html! {
                    <BudgetAllocation key={a.id.to_string()} allocation={a.id.clone()} findings={findings.clone()} />
                }) }
                <BudgetForm id="alloc-new" name={ctx.tr("Nouvelle répartition", "New allocation")}
                    fields={vec![Field::new(ctx.tr("Libellé", "Label"), Kind::Text, ""), Field::new(ctx.tr("Montant à répartir", "Amount to allocate"), Kind::Money, "")]}
                    submit={ctx.tr("Ajouter la répartition", "Add the allocation")} on_submit={on_add_allocation} />
            </section>
        </div>
    }
}
