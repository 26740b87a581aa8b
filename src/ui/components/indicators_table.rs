//! An objective's indicators, one row per segment: baseline, target, latest measurement
//! and status as of today.

use crate::ui::context::{use_ctx, use_plan_memo_with};
use crate::ui::kit::badge::segment_badge;
use jalon::calc::status::{indicator_progress, IndicatorProgress, SegmentProgress, Window};
use jalon::model::id::Id;
use jalon::model::indicator::{Indicator, Segment};
use jalon::words::table::words;
use jalon::words::text::{self, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub objective: Id,
    /// The id of the heading that names the table.
    pub labelled_by: String,
}

#[function_component(IndicatorsTable)]
pub fn indicators_table(props: &Props) -> Html {
    let ctx = use_ctx();
    // Indices into the plan's indicators, with their progress as of today.
    let rows = use_plan_memo_with(&ctx, (ctx.today, props.objective.clone()), |plan, (today, objective)| {
        let window = Window::new(plan, *today);
        plan.indicators
            .iter()
            .enumerate()
            .filter(|(_, i)| &i.objective == objective)
            .map(|(index, i)| (index, indicator_progress(i, window, &plan.settings)))
            .collect::<Vec<(usize, IndicatorProgress)>>()
    });
    if rows.is_empty() {
        return html! { <p class="empty">{ (ctx.words().none_yet)(ctx.words().indicators) }</p> };
    }
    html! {
        <table class="indicators" aria-labelledby={props.labelled_by.clone()}>
            <thead>
                <tr>
                    <th scope="col">{ ctx.words().indicator }</th>
                    <th scope="col">{ ctx.words().segment }</th>
                    <th scope="col" class="num">{ ctx.words().baseline }</th>
                    <th scope="col" class="num">{ ctx.words().target }</th>
                    <th scope="col" class="num">{ ctx.words().latest_measure }</th>
                    <th scope="col">{ ctx.words().status }</th>
                    <th scope="col">{ ctx.words().source }</th>
                </tr>
            </thead>
            <tbody>
                { for rows.iter().flat_map(|(index, progress)| {
                    let indicator = &ctx.plan.indicators[*index];
                    indicator.segments.iter().zip(&progress.segments).enumerate()
                        .map(|(i, (s, p))| row(ctx.lang, (ctx.today, ctx.plan.year_end()), indicator, i, s, p))
                        .collect::<Vec<_>>()
                }) }
            </tbody>
        </table>
    }
}

fn row(
    lang: Lang,
    (today, year): (chrono::NaiveDate, jalon::model::date::YearEnd),
    indicator: &Indicator,
    index: usize,
    segment: &Segment,
    progress: &SegmentProgress,
) -> Html {
    let l = words(lang);
    let value = |v: &jalon::model::measurement::Value| text::value(v, indicator.kind, indicator.out_of, lang);
    let dash = || "—".to_string();
    let baseline =
        segment.baseline.as_ref().map(|b| format!("{} ({})", value(&b.value), text::plan_date(b.date, lang)));
    let target = segment.final_target(year).map(|t| {
        format!("{} ({})", text::target(t, indicator.kind, indicator.out_of, lang), text::plan_date(t.date, lang))
    });
    let latest = segment
        .latest_measurement(today, year)
        .map(|m| format!("{} ({})", value(&m.value), text::plan_date(m.date, lang)));
    let rows = indicator.segments.len().to_string();
    let segment_label = if segment.label.is_empty() { l.all_segments.to_string() } else { segment.label.clone() };
    html! {
        <tr>
            if index == 0 {
                <th scope="rowgroup" rowspan={rows.clone()}>{ &indicator.label }</th>
            }
            <td data-label={l.segment}>{ segment_label }</td>
            <td class="num" data-label={l.baseline}>{ baseline.unwrap_or_else(dash) }</td>
            <td class="num" data-label={l.target}>{ target.unwrap_or_else(dash) }</td>
            <td class="num" data-label={l.latest_measure}>{ latest.unwrap_or_else(dash) }</td>
            <td data-label={l.status}>
                { segment_badge(progress, lang) }
                { progress.progress.map(|p| format!(" {}", text::percent(p * 100.0, lang))).unwrap_or_default() }
            </td>
            if index == 0 {
                <td rowspan={rows} data-label={l.source}>{ &indicator.source }</td>
            }
        </tr>
    }
}
