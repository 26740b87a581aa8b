//! The bilan's body, level by level in the plan's own names and codes: each element
//! above the objectives as a heading with its status, each objective with its
//! statement, deadline, status and progress, its indicators (baseline, target, latest
//! measurement, progress, status, chart) and its actions (responsible, état, percent,
//! narrative).

use super::{head, Bilan, Length};
use crate::calc::status::{SegmentProgress, Window};
use crate::model::element::Element;
use crate::model::id::Id;
use crate::model::indicator::Indicator;
use crate::report::chart::{self, Drawing};
use crate::report::html::Html;
use crate::words::text;

pub(super) fn tree(bilan: &Bilan, html: &mut Html) {
    html.open("div", &[("class", "bilan-tree")]);
    branch(bilan, html, None, 0);
    html.close("div");
}

/// The elements under `parent`, each followed by its own branch. `depth` guards against
/// a parent cycle, which the checks report.
fn branch(bilan: &Bilan, html: &mut Html, parent: Option<&Id>, depth: usize) {
    if depth > bilan.plan.levels.len() {
        return;
    }
    for element in bilan.plan.children(parent) {
        if element.level == bilan.plan.objective_level {
            objective(bilan, html, element);
        } else {
            section(bilan, html, element, depth);
            branch(bilan, html, Some(&element.id), depth + 1);
        }
    }
}

/// « Enjeu 1 — La réussite de tous » with its status: h2 at the top, h3 below.
fn heading(bilan: &Bilan, html: &mut Html, element: &Element, tag: &str) {
    let name = bilan.element_name(&element.id);
    html.open(tag, &[]);
    if !name.is_empty() {
        html.element("span", &[("class", "code")], &name).text(" — ");
    }
    html.text(&element.title).close(tag);
}

fn section(bilan: &Bilan, html: &mut Html, element: &Element, depth: usize) {
    let tag = if depth == 0 { "h2" } else { "h3" };
    let class = if depth == 0 { "bilan-level top" } else { "bilan-level" };
    html.open("div", &[("class", class)]);
    heading(bilan, html, element, tag);
    let summary = bilan.report.element(&element.id);
    html.open("p", &[("class", "meta")]);
    bilan.status(html, summary.status(&bilan.plan.settings));
    html.text(" ").text(&text::status_counts(&summary, bilan.lang()));
    html.close("p");
    if !element.description.is_empty() {
        html.element("p", &[], &element.description);
    }
    html.close("div");
}

fn objective(bilan: &Bilan, html: &mut Html, element: &Element) {
    let w = bilan.words;
    let lang = bilan.lang();
    let settings = &bilan.plan.settings;
    html.open("section", &[("class", "bilan-objective")]);
    heading(bilan, html, element, "h3");
    html.open("p", &[("class", "meta")]);
    html.text(w.status).text(w.colon);
    bilan.status(html, bilan.report.element(&element.id).status(settings));
    if let Some(deadline) = element.deadline {
        html.text(" · ").text(&(w.label_value)(w.deadline, &text::plan_date(deadline, lang)));
    }
    if let Some(progress) = bilan.progress.get(&element.id) {
        let share = |x: f64| text::percent(x * 100.0, lang);
        let figure = if progress.mixed() {
            (w.progress_spread)(
                &share(progress.lowest),
                &share(progress.highest),
                progress.receding,
                progress.advancing,
            )
        } else {
            share(progress.mean)
        };
        html.text(" · ").text(&(w.label_value)(w.progress_toward_target, &figure));
    }
    html.close("p");
    if !element.smart.is_empty() {
        html.element("p", &[("class", "statement")], &element.smart);
    } else if !element.description.is_empty() && bilan.options.length == Length::Full {
        html.element("p", &[("class", "statement")], &element.description);
    }
    if bilan.options.include.indicators {
        indicators(bilan, html, &element.id);
    }
    if bilan.options.include.actions {
        actions(bilan, html, &element.id);
    }
    html.close("section");
}

/// One row per segment: the indicator (and its group), baseline, final target, the
/// measurement the status rests on and its date, progress and status; then, in a full
/// bilan, each segment's chart.
fn indicators(bilan: &Bilan, html: &mut Html, objective: &Id) {
    let w = bilan.words;
    let rows: Vec<(&Indicator, &crate::calc::status::IndicatorProgress)> =
        bilan.plan.indicators.iter().zip(&bilan.report.indicators).filter(|(i, _)| &i.objective == objective).collect();
    html.element("h4", &[], w.indicators);
    if rows.is_empty() {
        html.element("p", &[("class", "empty")], &(w.none_yet)(w.indicators));
        return;
    }
    html.open("table", &[("class", "indicators")]);
    head(html, &[w.indicators, w.baseline, w.target, w.latest_measure, w.progress, w.status]);
    html.open("tbody", &[]);
    for (indicator, progress) in &rows {
        for segment in &progress.segments {
            indicator_row(bilan, html, indicator, segment);
        }
    }
    html.close("tbody").close("table");
    if bilan.options.length == Length::Full {
        charts(bilan, html, &rows);
    }
}

/// « Taux de diplomation — Garçons », or the label alone for an unsegmented indicator.
fn segment_title(indicator: &Indicator, segment: &Id) -> String {
    match indicator.segments.iter().find(|s| &s.id == segment).map(|s| s.label.as_str()).filter(|l| !l.is_empty()) {
        Some(group) => format!("{} — {group}", indicator.label),
        None => indicator.label.clone(),
    }
}

fn indicator_row(bilan: &Bilan, html: &mut Html, indicator: &Indicator, p: &SegmentProgress) {
    let lang = bilan.lang();
    let shown = |n: Option<f64>| {
        n.map_or_else(|| "—".to_owned(), |n| text::measured(n, indicator.kind, indicator.out_of, lang))
    };
    let latest = match (p.current, p.measured_on, &p.too_old) {
        (Some(value), Some(date), _) => text::value_dated(&shown(Some(value)), date, lang),
        // Too old to count, still shown: its status says why it does not count.
        (_, _, Some(old)) => {
            text::value_dated(&text::value(&old.value, indicator.kind, indicator.out_of, lang), old.date, lang)
        }
        _ => written_measurement(bilan, indicator, &p.segment).unwrap_or_else(|| "—".to_owned()),
    };
    let progress = p.progress.map_or_else(|| "—".to_owned(), |x| text::percent(x * 100.0, lang));
    html.open("tr", &[]);
    html.element("th", &[("scope", "row")], &segment_title(indicator, &p.segment));
    let w = bilan.words;
    html.element("td", &[("class", "num"), ("data-label", w.baseline)], &shown(p.baseline));
    html.element("td", &[("class", "num"), ("data-label", w.target)], &shown(p.target));
    html.element("td", &[("class", "num"), ("data-label", w.latest_measure)], &latest);
    html.element("td", &[("class", "num"), ("data-label", w.progress)], &progress);
    html.open("td", &[("data-label", w.status)]);
    bilan.segment_status(html, p);
    html.close("td").close("tr");
}

/// A qualitative indicator's latest measurement that counts at the bilan's date, as
/// written (« Bien amorcé »); numbers are the status's own.
fn written_measurement(bilan: &Bilan, indicator: &Indicator, segment: &Id) -> Option<String> {
    let segment = indicator.segments.iter().find(|s| &s.id == segment)?;
    let window = Window::new(bilan.plan, bilan.as_of);
    let latest = window.latest_taken(segment).filter(|m| window.counts(m.date))?;
    let lang = bilan.lang();
    let value = text::value(&latest.value, indicator.kind, indicator.out_of, lang);
    Some(format!("{value} ({})", text::plan_date(latest.date, lang)))
}

fn charts(bilan: &Bilan, html: &mut Html, rows: &[(&Indicator, &crate::calc::status::IndicatorProgress)]) {
    let mut drawn = Html::new();
    let mut any = false;
    for (indicator, _) in rows {
        for segment in &indicator.segments {
            let geometry =
                chart::segment_chart(segment, indicator.kind, indicator.out_of, bilan.plan.period, bilan.as_of);
            let title = segment_title(indicator, &segment.id);
            let dom_id = format!("bilan-chart-{}-{}", indicator.id, segment.id);
            let drawing = Drawing {
                dom_id: &dom_id,
                title: &title,
                kind: indicator.kind,
                out_of: indicator.out_of,
                lang: bilan.lang(),
            };
            let svg = chart::svg(&geometry, &drawing);
            if svg.is_empty() {
                continue;
            }
            any = true;
            drawn.open("figure", &[]).trusted(&svg).element("figcaption", &[], &title).close("figure");
        }
    }
    if any {
        html.open("div", &[("class", "charts")]).append(drawn).close("div");
    }
}

/// Each action of the objective at the bilan's checkpoint; a short bilan leaves the
/// narratives out.
fn actions(bilan: &Bilan, html: &mut Html, objective: &Id) {
    let w = bilan.words;
    let lang = bilan.lang();
    let plan = bilan.plan;
    let actions: Vec<&crate::model::action::Action> = plan.actions_of(objective).collect();
    html.element("h4", &[], &plan.action_name.plural);
    if actions.is_empty() {
        html.element("p", &[("class", "empty")], &(w.none_yet)(&plan.action_name.plural));
        return;
    }
    let full = bilan.options.length == Length::Full;
    let coded = actions.iter().any(|a| a.code.as_deref().is_some_and(|c| !c.trim().is_empty()));
    let mut columns = vec![plan.action_name.singular.as_str(), w.responsible, w.status, w.percent];
    if coded {
        columns.insert(0, w.report_code);
    }
    if full {
        columns.push(w.narrative);
    }
    html.open("table", &[("class", if coded { "actions coded" } else { "actions" })]);
    head(html, &columns);
    html.open("tbody", &[]);
    for action in actions {
        let record = bilan.checkpoint.and_then(|c| action.progress_at(&c.id));
        html.open("tr", &[]);
        if coded {
            html.element(
                "td",
                &[("class", "code"), ("data-label", w.report_code)],
                action.code.as_deref().unwrap_or(""),
            );
        }
        html.element("th", &[("scope", "row")], &action.title);
        html.element("td", &[("data-label", w.responsible)], &action.responsible);
        html.open("td", &[("data-label", w.status)]);
        bilan.action_status(html, record.map(|r| r.status));
        html.close("td");
        let percent = record.and_then(|r| r.percent).map_or_else(String::new, |p| text::percent(f64::from(p), lang));
        html.element("td", &[("class", "num"), ("data-label", w.percent)], &percent);
        if full {
            let narrative = record.map_or("", |r| r.narrative.as_str());
            html.element("td", &[("class", "narrative"), ("data-label", w.narrative)], narrative);
        }
        html.close("tr");
    }
    html.close("tbody").close("table");
}
