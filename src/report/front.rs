//! The bilan's first pages: the cover, and the one-page summary (the plan's status, the
//! statuses of every level, the actions' states and what changed since the checkpoint
//! before).

use super::{head, Bilan};
use crate::calc::status::Status;
use crate::report::html::Html;
use crate::words::text;

pub(super) fn cover(bilan: &Bilan, html: &mut Html) {
    let plan = bilan.plan;
    let w = bilan.words;
    html.open("section", &[("class", "bilan-cover")]);
    html.element("p", &[("class", "kicker")], &(w.report_as_of)(&bilan.day(bilan.as_of)));
    html.element("h1", &[], &plan.title);
    if let Some(checkpoint) = bilan.checkpoint {
        html.element("p", &[("class", "checkpoint")], &checkpoint.label);
    }
    if !plan.organisations.is_empty() {
        html.open("ul", &[("class", "organisations"), ("aria-label", w.organisations)]);
        for organisation in &plan.organisations {
            let name = match organisation.code.trim() {
                "" => organisation.name.clone(),
                code => format!("{} ({code})", organisation.name),
            };
            html.element("li", &[], &name);
        }
        html.close("ul");
    }
    let period = (w.period_from_to)(&bilan.day(plan.period.start), &bilan.day(plan.period.end));
    html.element("p", &[], &period);
    html.element("p", &[("class", "printed")], &(w.report_printed_on)(&bilan.day(bilan.printed)));
    html.close("section");
}

pub(super) fn summary(bilan: &Bilan, html: &mut Html) {
    let plan = bilan.plan;
    let w = bilan.words;
    let lang = bilan.lang();
    let whole = &bilan.report.plan;
    html.open("section", &[("class", "bilan-summary"), ("aria-labelledby", "bilan-summary")]);
    html.element("h2", &[("id", "bilan-summary")], w.report_summary);
    html.open("p", &[("class", "plan-status")]);
    html.text(&(w.plan_as_of)(&bilan.day(bilan.as_of))).text(w.colon);
    bilan.status(html, whole.status(&plan.settings));
    html.close("p");
    html.element("p", &[], &format!("{}{}{}", w.indicators_status, w.colon, text::status_counts(whole, lang)));

    // Each level, its elements counted by their status.
    html.element("h3", &[], w.report_statuses_by_level);
    html.open("table", &[("class", "levels")]);
    let mut columns = vec![w.level_plan];
    columns.extend(Status::ALL.iter().map(|s| text::status(*s, lang)));
    head(html, &columns);
    html.open("tbody", &[]);
    for (level, name) in plan.levels.iter().enumerate() {
        let mut counts = [0usize; 5];
        for element in plan.elements.iter().filter(|e| e.level == level) {
            counts[bilan.report.element(&element.id).status(&plan.settings).index()] += 1;
        }
        html.open("tr", &[]).element("th", &[("scope", "row")], &name.name.plural);
        for status in Status::ALL {
            let label = ("data-label", text::status(status, lang));
            html.element("td", &[("class", "num"), label], &counts[status.index()].to_string());
        }
        html.close("tr");
    }
    html.close("tbody").close("table");

    let actions = &plan.action_name.plural;
    match &bilan.stats {
        Some(stats) => {
            let line = format!("{actions}{}{}", w.colon, text::action_counts(&stats.overall, lang));
            html.element("p", &[], &line);
        }
        None => {
            html.element("p", &[], &format!("{actions}{}{}", w.colon, w.no_checkpoint_at_date));
        }
    }
    html.element("h3", &[], w.since_previous_checkpoint);
    match (&bilan.changes, bilan.previous) {
        (Some(changes), Some(previous)) => {
            let span =
                (w.changes_from_to)(&bilan.checkpoint_name(Some(previous)), &bilan.checkpoint_name(bilan.checkpoint));
            html.element("p", &[], &span);
            html.open("ul", &[]);
            html.element("li", &[], &(w.report_changed)(changes.indicators.len(), w.indicators));
            html.element("li", &[], &(w.report_changed)(changes.actions.len(), actions));
            html.close("ul");
        }
        _ => {
            html.element("p", &[], w.two_checkpoints_needed);
        }
    }
    html.close("section");
}
