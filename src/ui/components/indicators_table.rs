//! An objective's indicators, one row per segment: baseline, target, latest measurement.

use crate::ui::labels::labels;
use chrono::NaiveDate;
use jalon::id::Id;
use jalon::indicator::{Indicator, Segment};
use jalon::plan::Plan;
use jalon::status::{indicator_progress, SegmentProgress, Window};
use jalon::text::{self, Lang};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub plan: Rc<Plan>,
    pub objective: Id,
    pub lang: Lang,
    pub today: NaiveDate,
}

#[function_component(IndicatorsTable)]
pub fn indicators_table(props: &Props) -> Html {
    let l = labels(props.lang);
    let indicators: Vec<&Indicator> = props.plan.indicators_of(&props.objective).collect();
    let window = Window::new(&props.plan, props.today);
    if indicators.is_empty() {
        return html! { <p class="empty">{ l.no_indicator }</p> };
    }
    html! {
        <table class="indicators">
            <caption>{ l.indicators }</caption>
            <thead>
                <tr>
                    <th scope="col">{ l.indicator }</th>
                    <th scope="col">{ l.segment }</th>
                    <th scope="col" class="num">{ l.baseline }</th>
                    <th scope="col" class="num">{ l.target }</th>
                    <th scope="col" class="num">{ l.latest_measure }</th>
                    <th scope="col">{ l.status }</th>
                    <th scope="col">{ l.source }</th>
                </tr>
            </thead>
            <tbody>
                { for indicators.iter().flat_map(|ind| {
                    let progress = indicator_progress(ind, window, &props.plan.settings);
                    ind.segments.iter().zip(progress.segments).enumerate()
                        .map(move |(i, (s, p))| row(props, ind, i, s, &p))
                        .collect::<Vec<_>>()
                }) }
            </tbody>
        </table>
    }
}

fn row(props: &Props, indicator: &Indicator, index: usize, segment: &Segment, progress: &SegmentProgress) -> Html {
    let lang = props.lang;
    let l = labels(lang);
    let value = |v: &jalon::measurement::Value| text::value(v, indicator.kind, indicator.out_of, lang);
    let baseline = segment.baseline.as_ref().map(|b| {
        format!("{} ({})", value(&b.value), text::plan_date(b.date, lang))
    });
    let target = segment.final_target().map(|t| {
        format!("{} ({})", text::target(t, indicator.kind, indicator.out_of, lang), text::plan_date(t.date, lang))
    });
    let latest = segment.latest_measurement(props.today).map(|m| {
        format!("{} ({})", value(&m.value), text::plan_date(m.date, lang))
    });
    let rows = indicator.segments.len();
    let segment_label = if segment.label.is_empty() { l.all_segments.to_string() } else { segment.label.clone() };
    html! {
        <tr>
            if index == 0 {
                <th scope="rowgroup" rowspan={rows.to_string()}>{ &indicator.label }</th>
            }
            <td data-label={l.segment}>{ segment_label }</td>
            <td class="num" data-label={l.baseline}>{ baseline.unwrap_or_else(|| "—".into()) }</td>
            <td class="num" data-label={l.target}>{ target.unwrap_or_else(|| "—".into()) }</td>
            <td class="num" data-label={l.latest_measure}>{ latest.unwrap_or_else(|| "—".into()) }</td>
            <td data-label={l.status}>
                <span class={classes!("badge", format!("status-{:?}", progress.status).to_lowercase())}>
                    { text::status(progress.status, lang) }
                </span>
                { progress.progress.map(|p| format!(" {}", text::percent(p * 100.0, lang))).unwrap_or_default() }
            </td>
            if index == 0 {
                <td rowspan={rows.to_string()} data-label={l.source}>{ &indicator.source }</td>
            }
        </tr>
    }
}
