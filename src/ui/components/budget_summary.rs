//! The budget at a glance: revenue, expenses (direct and staff), the balance, what was
//! spent against what was planned as a bar chart, the totals the document states beside
//! the computed ones, and the checks about those totals.

use crate::ui::components::finding_notes::{about, FindingNotes};
use crate::ui::context::use_ctx;
use jalon::budget::BudgetTotals;
use jalon::check::Finding;
use jalon::money::Cents;
use jalon::subject::Subject;
use jalon::text;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct Props {
    pub totals: Rc<BudgetTotals>,
    pub findings: Rc<Vec<Finding>>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Props) -> bool {
        Rc::ptr_eq(&self.totals, &other.totals) && Rc::ptr_eq(&self.findings, &other.findings)
    }
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
                            { format!("{} {}", ctx.tr("indiqué\u{a0}:", "stated:"), money(s)) }
                        </span>
                    }
                </dd>
            </div>
        }
    };
    let chart_title = ctx.tr("Dépenses prévues et dépensées", "Expenses planned and spent");
    let desc = format!(
        "{}{}{} ; {}{}{}",
        ctx.tr("Prévu", "Planned"),
        ctx.tr("\u{a0}: ", ": "),
        money(planned),
        ctx.tr("dépensé", "spent"),
        ctx.tr("\u{a0}: ", ": "),
        money(spent)
    );
    let largest = planned.max(spent);
    let bar = |y: u32, amount: Cents, class: &'static str| {
        html! {
            <rect class={class} x="0" y={y.to_string()} width={format!("{:.2}", length(amount, largest))} height="14" />
        }
    };
    html! {
        <section class="card budget-summary" aria-labelledby="budget-summary-title">
            <h2 id="budget-summary-title">{ ctx.tr("Vue d'ensemble", "Overview") }</h2>
            <dl class="totals">
                { row(ctx.tr("Revenus", "Revenue"), t.revenues, stated.revenues, "") }
                { row(ctx.tr("Dépenses directes prévues", "Direct expenses planned"), t.expenses.planned, None, "") }
                { row(ctx.tr("Contributions en personnel", "Staff contributions"), t.expenses.staff, stated.staff, "") }
                { row(ctx.tr("Total des dépenses prévues", "Total expenses planned"), planned, stated.expenses, "strong") }
                { row(ctx.tr("Solde (revenus − dépenses)", "Balance (revenue − expenses)"), t.balance, stated.balance,
                    if t.balance < Cents::ZERO { "strong deficit" } else { "strong" }) }
                { row(ctx.tr("Dépensé", "Spent"), spent, None, "") }
                { row(ctx.tr("Reste à dépenser", "Left to spend"), t.expenses.remaining(), None, "") }
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
                    <span><span class="swatch fill-ontrack" aria-hidden="true"></span>{ format!(" {}{}{}", ctx.tr("Prévu", "Planned"), ctx.tr("\u{a0}: ", ": "), money(planned)) }</span>
                    <span><span class="swatch fill-done" aria-hidden="true"></span>{ format!(" {}{}{}", ctx.tr("Dépensé", "Spent"), ctx.tr("\u{a0}: ", ": "), money(spent)) }</span>
                </figcaption>
            </figure>
            <FindingNotes findings={about(&props.findings, &Subject::Budget)} />
        </section>
    }
}
