//! The budget at a glance: revenue, expenses (direct and staff), the balance, what was
//! spent against what was planned as a bar chart, the totals the document states beside
//! the computed ones, and the checks about those totals.

use crate::ui::components::finding_notes::{about, FindingNotes};
use crate::ui::context::use_ctx;
use crate::ui::kit::same::Same;
use jalon::calc::check::Finding;
use jalon::calc::totals::BudgetTotals;
use jalon::model::money::Cents;
use jalon::model::subject::Subject;
use jalon::words::text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub totals: Same<BudgetTotals>,
    pub findings: Same<Vec<Finding>>,
}

/// A bar's length out of 100 for `amount` against the largest amount shown.
fn length(amount: Cents, largest: Cents) -> f64 {
    if largest.0 <= 0 {
        0.0
    } else {
        (amount.0.max(0) as f64 / largest.0 as f64 * 100.0).clamp(0.0, 100.0)
    }
}

#[function_component(BudgetSummary)]
pub fn budget_summary(props: &Props) -> Html {
    let ctx = use_ctx();
    let t = &props.totals;
    let stated = &ctx.plan.budget.stated;
    let money = |c: Cents| text::money(c, ctx.lang);
    let planned = t.expenses.total();
    let spent = t.expenses.spent;
    let row = |label: &str, amount: Cents, stated: Option<Cents>, class: &'static str| {
        html! {
            <div class={class}>
                <dt>{ label.to_string() }</dt>
                <dd>
                    <span class="num">{ money(amount) }</span>
                    if let Some(s) = stated {
                        <span class={classes!("stated", (s != amount).then_some("disagrees"))}>
                            { (ctx.words().stated_amount)(&money(s)) }
                        </span>
                    }
                </dd>
            </div>
        }
    };
    let chart_title = ctx.words().expenses_planned_spent;
    let desc = (ctx.words().planned_spent)(&money(planned), &money(spent));
    let largest = planned.max(spent);
    let bar = |y: u32, amount: Cents, class: &'static str| {
        html! {
            <rect class={class} x="0" y={y.to_string()} width={format!("{:.2}", length(amount, largest))} height="14" />
        }
    };
    html! {
        <section class="card budget-summary" aria-labelledby="budget-summary-title">
            <h2 id="budget-summary-title">{ ctx.words().overview }</h2>
            <dl class="totals">
                { row(ctx.words().revenue, t.revenues, stated.revenues, "") }
                { row(ctx.words().direct_expenses_planned, t.expenses.planned, None, "") }
                { row(ctx.words().staff_contributions, t.expenses.staff, stated.staff, "") }
                { row(ctx.words().total_expenses_planned, planned, stated.expenses, "strong") }
                { row(ctx.words().balance_revenue_expenses, t.balance, stated.balance,
                    if t.balance < Cents::ZERO { "strong deficit" } else { "strong" }) }
                { row(ctx.words().spent, spent, None, "") }
                { row(ctx.words().left_spend, t.expenses.remaining(), None, "") }
            </dl>
            <figure class="planned-spent">
                <svg viewBox="0 0 100 36" preserveAspectRatio="none" role="img" aria-labelledby="planned-spent-title planned-spent-desc" focusable="false">
                    <title id="planned-spent-title">{ chart_title }</title>
                    <desc id="planned-spent-desc">{ desc.clone() }</desc>
                    <rect class="empty-bar" x="0" y="0" width="100" height="14" />
                    <rect class="empty-bar" x="0" y="20" width="100" height="14" />
                    { bar(0, planned, "fill-ontrack") }
                    { bar(20, spent, "fill-done") }
                </svg>
                <figcaption>
                    <span><span class="swatch fill-ontrack" aria-hidden="true"></span>{ format!(" {}", (ctx.words().label_value)(ctx.words().planned, &money(planned))) }</span>
                    <span><span class="swatch fill-done" aria-hidden="true"></span>{ format!(" {}", (ctx.words().label_value)(ctx.words().spent, &money(spent))) }</span>
                </figcaption>
            </figure>
            <FindingNotes findings={about(&props.findings, &Subject::Budget)} />
        </section>
    }
}
