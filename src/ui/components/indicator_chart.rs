//! A segment's small chart: its measurements against the path from the baseline to the
//! target, drawn from `jalon::chart`'s geometry, with a title and a description that
//! state the same values in words for those who cannot see it.

use chrono::{Datelike, NaiveDate};
use jalon::chart::{self, Chart, Point};
use jalon::date::PlanDate;
use jalon::indicator::{IndicatorKind, Segment};
use jalon::measurement::Value;
use jalon::money::Cents;
use jalon::plan::Period;
use jalon::text::{self, Lang};
use jalon::words::words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Unique in the page: names the chart's title and description.
    pub dom_id: String,
    /// What the chart is about: « Taux de diplomation — Garçons ».
    pub title: String,
    pub segment: Segment,
    pub kind: IndicatorKind,
    pub out_of: Option<f64>,
    pub period: Period,
    pub as_of: NaiveDate,
    pub lang: Lang,
}

#[function_component(IndicatorChart)]
pub fn indicator_chart(props: &Props) -> Html {
    let chart = chart::segment_chart(&props.segment, props.kind, props.out_of, props.period, props.as_of);
    if chart.is_empty() {
        return html! {};
    }
    let lang = props.lang;
    let say = |v: f64| point_value(v, props.kind, props.out_of, lang);
    let (title_id, desc_id) = (format!("{}-title", props.dom_id), format!("{}-desc", props.dom_id));
    let (low, high) = chart.values;
    let year = |d: NaiveDate| PlanDate::year(d.year()).map_or_else(String::new, |y| text::plan_date(y, lang));
    html! {
        <svg class="indicator-chart" role="img" aria-labelledby={format!("{title_id} {desc_id}")}
            viewBox={format!("0 0 {} {}", chart::WIDTH, chart::HEIGHT)} preserveAspectRatio="xMidYMid meet">
            <title id={title_id}>{ (words(lang).trend_of)(&props.title) }</title>
            <desc id={desc_id}>{ description(&chart, &say, lang) }</desc>
            <g class="chart-axes" aria-hidden="true">
                <line x1={f(chart::LEFT)} y1={f(chart::TOP)} x2={f(chart::LEFT)} y2={f(chart::BOTTOM)} />
                <line x1={f(chart::LEFT)} y1={f(chart::BOTTOM)} x2={f(chart::RIGHT)} y2={f(chart::BOTTOM)} />
                <line class="chart-grid" x1={f(chart::LEFT)} y1={f(chart::TOP)} x2={f(chart::RIGHT)} y2={f(chart::TOP)} />
                <text x={f(chart::LEFT - 4.0)} y={f(chart.y_of(high) + 4.0)} text-anchor="end">{ say(high) }</text>
                <text x={f(chart::LEFT - 4.0)} y={f(chart.y_of(low))} text-anchor="end">{ say(low) }</text>
                <text x={f(chart::LEFT)} y={f(chart::HEIGHT - 6.0)}>{ year(chart.dates.0) }</text>
                <text x={f(chart::RIGHT)} y={f(chart::HEIGHT - 6.0)} text-anchor="end">{ year(chart.dates.1) }</text>
                if let Some(x) = chart.as_of {
                    <line class="chart-today" x1={f(x)} y1={f(chart::TOP)} x2={f(x)} y2={f(chart::BOTTOM)} />
                }
            </g>
            <path class="chart-path" d={chart::svg_path(&chart.path())} />
            { for chart.path().iter().map(|p| html! {
                <rect class="chart-target" x={f(p.x - 3.5)} y={f(p.y - 3.5)} width="7" height="7" />
            }) }
            <path class="chart-measured" d={chart::svg_path(&chart.measurements)} />
            { for chart.measurements.iter().map(|p| html! {
                <circle class="chart-measure" cx={f(p.x)} cy={f(p.y)} r="4" />
            }) }
        </svg>
    }
}

/// A coordinate as an SVG attribute.
fn f(n: f64) -> String {
    format!("{n:.1}")
}

/// A charted number written as the indicator's kind writes its values.
pub fn point_value(v: f64, kind: IndicatorKind, out_of: Option<f64>, lang: Lang) -> String {
    let value = match kind {
        IndicatorKind::Dollars => Value::Money(Cents((v * 100.0).round() as i64)),
        IndicatorKind::Milestone => Value::Done(v >= 1.0),
        _ => Value::Number(v),
    };
    text::value(&value, kind, out_of, lang)
}

/// « Situation de départ : 68 % (30 juin 2022). Cibles : 73 % (31 décembre 2025), … ».
fn description(chart: &Chart, say: &dyn Fn(f64) -> String, lang: Lang) -> String {
    let list = |points: &[Point]| {
        points.iter().map(|p| format!("{} ({})", say(p.value), text::day(p.date, lang))).collect::<Vec<_>>().join(", ")
    };
    let mut sentences = Vec::new();
    if let Some(baseline) = chart.baseline {
        sentences.push((words(lang).label_value)(words(lang).baseline, &list(&[baseline])));
    }
    if !chart.targets.is_empty() {
        sentences.push((words(lang).label_value)(words(lang).targets, &list(&chart.targets)));
    }
    if chart.measurements.is_empty() {
        sentences.push(words(lang).no_measurement.to_string());
    } else {
        sentences.push((words(lang).label_value)(words(lang).measurements, &list(&chart.measurements)));
    }
    format!("{}.", sentences.join(". "))
}
