//! The bilan's last sections: the budget summary, what changed since the checkpoint
//! before, and the findings of the checks at the bilan's checkpoint.

use super::{head, Bilan};
use crate::calc::check::grouped;
use crate::calc::rollup::{ActionChange, IndicatorChange};
use crate::model::money::Cents;
use crate::report::html::Html;
use crate::words::text;

pub(super) fn budget(bilan: &Bilan, html: &mut Html) {
    let w = bilan.words;
    let lang = bilan.lang();
    let budget = &bilan.plan.budget;
    let totals = budget.totals();
    let stated = &budget.stated;
    let money = |c: Cents| text::money(c, lang);
    html.open("section", &[("class", "bilan-budget"), ("aria-labelledby", "bilan-budget")]);
    html.element("h2", &[("id", "bilan-budget")], w.budget);
    html.open("table", &[("class", "totals")]);
    head(html, &[w.overview, w.total, w.note]);
    html.open("tbody", &[]);
    let rows = [
        (w.revenue, totals.revenues, stated.revenues),
        (w.direct_expenses_planned, totals.expenses.planned, None),
        (w.staff_contributions, totals.expenses.staff, stated.staff),
        (w.total_expenses_planned, totals.expenses.total(), stated.expenses),
        (w.balance_revenue_expenses, totals.balance, stated.balance),
        (w.spent, totals.expenses.spent, None),
        (w.left_spend, totals.expenses.remaining(), None),
    ];
    for (label, amount, stated) in rows {
        html.open("tr", &[]).element("th", &[("scope", "row")], label);
        html.element("td", &[("class", "num")], &money(amount));
        let note = stated.filter(|s| *s != amount).map_or_else(String::new, |s| (w.stated_amount)(&money(s)));
        html.element("td", &[], &note).close("tr");
    }
    html.close("tbody").close("table");

    if !totals.categories.is_empty() {
        html.open("table", &[("class", "categories")]);
        head(html, &[w.category, w.planned, w.spent, w.remaining]);
        html.open("tbody", &[]);
        for (category, sums) in budget.categories.iter().zip(&totals.categories) {
            html.open("tr", &[]).element("th", &[("scope", "row")], &category.label);
            html.element("td", &[("class", "num")], &money(sums.amounts.total()));
            html.element("td", &[("class", "num")], &money(sums.amounts.spent));
            html.element("td", &[("class", "num")], &money(sums.amounts.remaining()));
            html.close("tr");
        }
        html.close("tbody").close("table");
    }
    html.close("section");
}

/// Each change counted in the summary, listed. The summary says between which
/// checkpoints, or that two are needed: without a checkpoint before, there is nothing
/// to list and no section, rather than the summary's sentence printed again.
pub(super) fn changes(bilan: &Bilan, html: &mut Html) {
    let w = bilan.words;
    let Some(changes) = &bilan.changes else { return };
    html.open("section", &[("class", "bilan-changes"), ("aria-labelledby", "bilan-changes")]);
    html.element("h2", &[("id", "bilan-changes")], w.changes_in_detail);
    let actions = &bilan.plan.action_name.plural;
    listed(bilan, html, actions, &changes.actions, w.no_change_progress, action_change);
    listed(bilan, html, w.indicators, &changes.indicators, w.no_indicator_changed_status, indicator_change);
    html.close("section");
}

/// The changes of one kind under their heading and their count, or `none` when there
/// are none.
fn listed<T>(
    bilan: &Bilan,
    html: &mut Html,
    heading: &str,
    changes: &[T],
    none: &str,
    item: fn(&Bilan, &mut Html, &T),
) {
    html.element("h3", &[], &format!("{heading} ({})", changes.len()));
    if changes.is_empty() {
        html.element("p", &[("class", "empty")], none);
    } else {
        html.open("ul", &[]);
        for change in changes {
            item(bilan, html, change);
        }
        html.close("ul");
    }
}

fn action_change(bilan: &Bilan, html: &mut Html, change: &ActionChange) {
    let lang = bilan.lang();
    let action = bilan.plan.actions.iter().find(|a| a.id == change.action);
    let title = action.map_or_else(|| change.action.to_string(), |a| a.title.clone());
    let percent = |p: Option<u8>| p.map(|p| format!(" ({})", text::percent(f64::from(p), lang))).unwrap_or_default();
    html.open("li", &[]).text(&title).text(bilan.words.colon);
    bilan.action_status(html, change.before.status);
    html.text(&percent(change.before.percent)).text(" → ");
    bilan.action_status(html, change.after.status);
    html.text(&percent(change.after.percent)).close("li");
}

/// « Taux de diplomation : 66 % → 64 % (−2 points) », each segment whose value moved,
/// then the status before and after when it changed.
fn indicator_change(bilan: &Bilan, html: &mut Html, change: &IndicatorChange) {
    let lang = bilan.lang();
    let w = bilan.words;
    let indicator = bilan.plan.indicators.iter().find(|i| i.id == change.indicator);
    let label = indicator.map_or_else(|| change.indicator.to_string(), |i| i.label.clone());
    let moves = indicator.map_or_else(Vec::new, |indicator| text::value_moves(indicator, change, lang));
    html.open("li", &[]).text(&label).text(w.colon).text(&moves.join(" · "));
    if change.before != change.after {
        if !moves.is_empty() {
            html.text(" · ");
        }
        bilan.status(html, change.before);
        html.text(" → ");
        bilan.status(html, change.after);
    }
    html.close("li");
}

/// The checks at the bilan's checkpoint, grouped by kind with their count, each
/// finding with what it concerns by code and path.
pub(super) fn findings(bilan: &Bilan, html: &mut Html) {
    let w = bilan.words;
    let lang = bilan.lang();
    let plan = bilan.plan;
    html.open("section", &[("class", "bilan-findings"), ("aria-labelledby", "bilan-findings")]);
    let title = format!("{} ({})", (w.report_findings_at)(&bilan.day(bilan.as_of)), bilan.findings.len());
    html.element("h2", &[("id", "bilan-findings")], &title);
    if bilan.findings.is_empty() {
        html.element("p", &[("class", "empty")], w.no_finding).close("section");
        return;
    }
    let names = text::SubjectNames::new(plan);
    for group in grouped(&bilan.findings) {
        html.element("h3", &[], &text::group_heading(plan, &group, lang));
        html.open("ul", &[]);
        for finding in &group.findings {
            let name = names.name(plan, &finding.subject(), lang);
            html.element("li", &[], &format!("{name} — {}", text::finding(plan, finding, lang)));
        }
        html.close("ul");
    }
    html.close("section");
}
