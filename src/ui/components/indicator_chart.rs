//! A segment's small chart, drawn by the core (`jalon::report::chart::svg`) as the printed bilan
//! draws it: its measurements against the path from the baseline to the target, with a
//! title and a description that state the same values in words.

use chrono::NaiveDate;
use jalon::model::indicator::{IndicatorKind, Segment};
use jalon::model::plan::Period;
use jalon::report::chart::{self, Drawing};
use jalon::words::text::Lang;
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
    let geometry = chart::segment_chart(&props.segment, props.kind, props.out_of, props.period, props.as_of);
    let drawing = Drawing {
        dom_id: &props.dom_id,
        title: &props.title,
        kind: props.kind,
        out_of: props.out_of,
        lang: props.lang,
    };
    // Escaped by the core's writer, as every text of the plan it draws.
    Html::from_html_unchecked(chart::svg(&geometry, &drawing).into())
}
