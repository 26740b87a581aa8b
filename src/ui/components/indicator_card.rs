//! One indicator as the indicators screen shows it: per segment, its baseline, targets,
//! latest measurement, progress against expected progress, status and chart.

use super::indicator_chart::IndicatorChart;
use crate::ui::kit::badge::{badge, segment_badge};
use crate::ui::kit::same::Same;
use chrono::NaiveDate;
use jalon::calc::status::{indicator_progress, SegmentProgress, Window};
use jalon::model::indicator::{Indicator, Segment};
use jalon::model::plan::Plan;
use jalon::model::target::{Target, TargetValue};
use jalon::words::table::words;
use jalon::words::table::{direction_name, kind_name};
use jalon::words::text::{self, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub plan: Same<Plan>,
    /// Changes with the plan: what the card is compared on, never the plan itself.
    pub revision: u64,
    /// Index into `plan.indicators`.
    pub index: usize,
    pub lang: Lang,
    pub today: NaiveDate,
    /// `None` where the indicator's definition may not change (a part's).
    pub on_edit: Option<Callback<()>>,
}

#[function_component(IndicatorCard)]
pub fn indicator_card(props: &Props) -> Html {
    let Some(indicator) = props.plan.indicators.get(props.index) else { return html! {} };
    let lang = props.lang;
    let progress = indicator_progress(indicator, Window::new(&props.plan, props.today), &props.plan.settings);
    let heading_id = format!("ind-{}", indicator.id);
    let facts = format!("{} · {}", kind_name(indicator.kind, lang), direction_name(indicator.direction, lang));
    // The source is the user's text: isolated, so that it cannot reorder the line.
    let source = (!indicator.source.is_empty()).then(|| {
        html! {
            <>{ format!(" · {}{}", words(lang).source, words(lang).colon) }<bdi>{ &indicator.source }</bdi></>
        }
    });
    let edit_label = (words(lang).named)(words(lang).edit, &indicator.label);
    html! {
        <article class="indicator-card" aria-labelledby={heading_id.clone()}>
            <div class="indicator-head">
                <h3 id={heading_id}>{ &indicator.label }</h3>
                { badge(progress.status, text::indicator_status(&progress, lang)) }
                if let Some(on_edit) = &props.on_edit {
                    <button type="button" class="edit" aria-label={edit_label} onclick={on_edit.reform(|_| ())}>
                        { words(lang).edit }
                    </button>
                }
            </div>
            <p class="indicator-facts">{ facts }{ source }</p>
            if !indicator.note.is_empty() { <p class="indicator-note">{ &indicator.note }</p> }
            { for indicator.segments.iter().zip(&progress.segments).map(|(s, p)| segment(props, indicator, s, p)) }
        </article>
    }
}

fn segment(props: &Props, indicator: &Indicator, segment: &Segment, progress: &SegmentProgress) -> Html {
    let lang = props.lang;
    let l = words(lang);
    let value = |v: &jalon::model::measurement::Value| text::value(v, indicator.kind, indicator.out_of, lang);
    let dated = |what: String, date| format!("{what} ({})", text::plan_date(date, lang));
    let dash = || "—".to_string();
    let baseline = segment.baseline.as_ref().map_or_else(dash, |b| dated(value(&b.value), b.date));
    let latest = segment
        .latest_measurement(props.today, props.plan.year_end())
        .map_or_else(dash, |m| dated(value(&m.value), m.date));
    let share = |p: Option<f64>| p.map_or_else(dash, |p| text::percent(p * 100.0, lang));
    let name = if segment.label.is_empty() { l.all_segments } else { segment.label.as_str() };
    let title = format!("{} — {name}", indicator.label);
    let base_value = progress.baseline;
    let last = segment.targets.len().saturating_sub(1);
    html! {
        <section class="segment" aria-label={title.clone()}>
            if indicator.segments.len() > 1 || !segment.label.is_empty() { <h4>{ name }</h4> }
            <div class="segment-body">
                <dl class="segment-facts">
                    <div><dt>{ l.baseline }</dt><dd>{ baseline }</dd></div>
                    <div>
                        <dt>{ words(lang).targets }</dt>
                        <dd>
                            if segment.targets.is_empty() {
                                { dash() }
                            } else {
                                <ul class="targets">
                                    { for segment.targets.iter().enumerate().map(|(i, t)| html! {
                                        <li>
                                            { dated(target_text(t, indicator, base_value, lang), t.date) }
                                            if i < last { { format!(" {}", words(lang).intermediate) } }
                                        </li>
                                    }) }
                                </ul>
                            }
                        </dd>
                    </div>
                    <div><dt>{ l.latest_measure }</dt><dd>{ latest }</dd></div>
                    <div><dt>{ words(lang).progress }</dt><dd class="progress">{ share(progress.progress) }</dd></div>
                    <div><dt>{ words(lang).expected_progress }</dt><dd class="expected">{ share(progress.expected) }</dd></div>
                    <div><dt>{ l.status }</dt><dd>{ segment_badge(progress, lang) }</dd></div>
                </dl>
                <IndicatorChart dom_id={format!("chart-{}-{}", indicator.id, segment.id)} {title}
                    segment={segment.clone()} kind={indicator.kind} out_of={indicator.out_of}
                    period={props.plan.period} as_of={props.today} {lang} />
            </div>
        </section>
    }
}

/// A target as written and, when written relative to the baseline, the value it comes
/// to: « +5 points → 65 % ».
pub fn target_text(target: &Target, indicator: &Indicator, baseline: Option<f64>, lang: Lang) -> String {
    let written = text::target(target, indicator.kind, indicator.out_of, lang);
    match (&target.value, target.resolve(baseline)) {
        (TargetValue::Absolute(_), _) | (_, None) => written,
        (_, Some(resolved)) => {
            format!("{written} → {}", text::measured(resolved, indicator.kind, indicator.out_of, lang))
        }
    }
}
