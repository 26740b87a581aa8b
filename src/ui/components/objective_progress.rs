//! Every objective's progress toward its targets: the mean progress of its measured
//! indicators as a bar and a percentage (or, when some recede while others advance, the
//! spread and how many go each way), its status, each indicator's latest value beside
//! its target, and a link to its page.

use crate::ui::components::pager::use_paged_table;
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::kit::badge::{segment_badge, status_badge};
use crate::ui::kit::same::Same;
use crate::ui::kit::table_head::column_heads;
use crate::ui::route::Route;
use jalon::calc::rollup::Report;
use jalon::calc::status::IndicatorProgress;
use jalon::model::id::Id;
use jalon::model::indicator::Indicator;
use jalon::model::level::Noun;
use jalon::words::text;
use std::collections::HashMap;
use yew::prelude::*;

/// Objectives per page: each row lists all its indicators, so a page of fifty
/// objectives of a large plan would be thousands of lines to lay out.
const OBJECTIVES_PER_PAGE: usize = 10;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Same<Report>,
    pub codes: Same<HashMap<Id, String>>,
    /// Per objective, the progress of its measured indicators (1 = target reached).
    pub progress: Same<HashMap<Id, jalon::calc::rollup::ObjectiveProgress>>,
}

/// A bar filled to `share` (0 to 1); the percentage beside it says the figure.
fn progress_bar(share: f64) -> Html {
    let width = (share.clamp(0.0, 1.0) * 100.0).round();
    html! {
        <svg class="progress-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="empty-bar" x="0" y="0" width="100" height="10" />
            <rect class="fill-progress" x="0" y="0" width={width.to_string()} height="10" />
        </svg>
    }
}

/// The objective's indicators, each segment's latest value and its date beside its
/// target, and the status that value gives.
fn indicator_values(ctx: &Ctx, rows: &[(&Indicator, &IndicatorProgress)]) -> Html {
    let lines: Vec<Html> = rows
        .iter()
        .copied()
        .flat_map(|(indicator, progress)| {
            progress.segments.iter().map(move |p| {
                let segment = indicator.segments.iter().find(|s| s.id == p.segment);
                let label = match segment.map(|s| s.label.as_str()).filter(|l| !l.is_empty()) {
                    Some(group) => format!("{} — {group}", indicator.label),
                    None => indicator.label.clone(),
                };
                let shown = |n: f64| text::measured(n, indicator.kind, indicator.out_of, ctx.lang);
                let latest = match (p.current, p.measured_on, &p.too_old) {
                    (Some(value), Some(date), _) => text::value_dated(&shown(value), date, ctx.lang),
                    // Measured, but too long ago to count: still shown, its status says why.
                    (_, _, Some(old)) => {
                        let value = text::value(&old.value, indicator.kind, indicator.out_of, ctx.lang);
                        text::value_dated(&value, old.date, ctx.lang)
                    }
                    _ => ctx.words().no_measurement.to_owned(),
                };
                let target = p.target.map(|t| format!(" · {}", (ctx.words().target_is)(&shown(t)))).unwrap_or_default();
                // One text node where four would say the same: thousands of lines.
                let value = format!("{}{latest}{target} ", ctx.words().colon);
                html! {
                    <li>
                        <span class="indicator-name">{ label }</span>{ value }{ segment_badge(p, ctx.lang) }
                    </li>
                }
            })
        })
        .collect();
    if lines.is_empty() {
        return html! { <span class="muted">{ (ctx.words().none_yet)(ctx.words().indicators) }</span> };
    }
    html! { <ul class="indicator-values">{ for lines }</ul> }
}

#[function_component(ObjectiveProgress)]
pub fn objective_progress(props: &Props) -> Html {
    let ctx = use_ctx();
    let table = use_paged_table(OBJECTIVES_PER_PAGE);
    let plan = &ctx.plan;
    let objectives: Vec<&jalon::model::element::Element> = plan.objectives().collect();
    let Noun { singular, plural } = text::objective_noun(plan, ctx.lang);
    let shown = table.rows(&objectives);
    // The shown objectives' indicators, in the plan's order, found in one pass.
    let mut rows: HashMap<&Id, Vec<(&Indicator, &IndicatorProgress)>> =
        shown.iter().map(|o| (&o.id, Vec::new())).collect();
    for (indicator, progress) in plan.indicators.iter().zip(&props.report.indicators) {
        if let Some(rows) = rows.get_mut(&indicator.objective) {
            rows.push((indicator, progress));
        }
    }
    html! {
        <section class="card objectives-progress" aria-labelledby="objectives-title">
            <h2 id="objectives-title">{ (ctx.words().progress_of)(&plural) }</h2>
            if objectives.is_empty() {
                <p class="empty">{ (ctx.words().plan_has_none)(&plural) }</p>
            } else {
                { table.view(plural.clone(), objectives.len(), html! {
                    <table class="progress-table">
                        <caption class="visually-hidden">{ (ctx.words().progress_of)(&plural) }</caption>
                        { column_heads(&[&singular, ctx.words().status, ctx.words().progress_toward_target, ctx.words().indicators], None) }
                        <tbody>
                            { for shown.iter().map(|o| {
                                let summary = props.report.element(&o.id);
                                let code = props.codes.get(&o.id).cloned().unwrap_or_default();
                                let progress = props.progress.get(&o.id).copied();
                                html! {
                                    <tr key={o.id.to_string()}>
                                        <th scope="row">
                                            <a href={Route::Objective(o.id.clone()).href()}>
                                                <span class="code">{ code }</span>{ " " }{ &o.title }
                                            </a>
                                        </th>
                                        <td>{ status_badge(summary.status(&plan.settings), ctx.lang) }</td>
                                        <td class="progress-cell">
                                            { match progress {
                                                Some(p) if p.mixed() => {
                                                    let share = |x: f64| text::percent(x * 100.0, ctx.lang);
                                                    html! { <span>{ (ctx.words().progress_spread)(&share(p.lowest), &share(p.highest), p.receding, p.advancing) }</span> }
                                                }
                                                Some(p) => html! {
                                                    <>{ progress_bar(p.mean) }<span class="num">{ text::percent(p.mean * 100.0, ctx.lang) }</span></>
                                                },
                                                None => html! { <span class="muted">{ text::status(jalon::calc::status::Status::NotMeasured, ctx.lang) }</span> },
                                            } }
                                        </td>
                                        <td>{ indicator_values(&ctx, rows.get(&o.id).map_or(&[], Vec::as_slice)) }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                }) }
            }
        </section>
    }
}
