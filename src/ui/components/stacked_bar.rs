//! A stacked horizontal bar in SVG: how a whole divides into parts (statuses, states of
//! actions), its figures given as the image's text alternative and in a legend.

use crate::ui::kit::badge::Colour;
use jalon::words::table::words;
use yew::prelude::*;

/// One part of the whole; `class` gives its colour (see www/dashboard.css).
#[derive(Clone, PartialEq)]
pub struct Part {
    pub label: String,
    pub value: usize,
    pub class: &'static str,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The image's name (its `<title>`); empty for a bar beside a table row that already
    /// says the same figures, which is then hidden from assistive technologies.
    #[prop_or_default]
    pub title: AttrValue,
    /// The figures in words (« En bonne voie : 3 · En retard : 2 »).
    #[prop_or_default]
    pub desc: AttrValue,
    pub parts: Vec<Part>,
    #[prop_or_default]
    pub legend: bool,
}

/// The bar's width in the SVG's own units; the bar stretches to its box.
const WIDTH: f64 = 1000.0;

#[function_component(StackedBar)]
pub fn stacked_bar(props: &Props) -> Html {
    let total: usize = props.parts.iter().map(|p| p.value).sum();
    let mut x = 0.0;
    let rects = props.parts.iter().filter(|p| p.value > 0).map(|part| {
        let width = WIDTH * part.value as f64 / total as f64;
        let rect = html! {
            <rect class={part.class} x={format!("{x:.2}")} y="0" width={format!("{width:.2}")} height="20" />
        };
        x += width;
        rect
    });
    let decorative = props.title.is_empty();
    let svg = html! {
        <svg class="stacked-bar" viewBox={format!("0 0 {WIDTH} 20")} preserveAspectRatio="none"
            role={(!decorative).then_some("img")} aria-hidden={decorative.then_some("true")} focusable="false">
            if !decorative {
                <title>{ props.title.clone() }</title>
                <desc>{ props.desc.clone() }</desc>
            }
            <rect class="empty-bar" x="0" y="0" width={WIDTH.to_string()} height="20" />
            { for rects }
        </svg>
    };
    if !props.legend {
        return svg;
    }
    html! {
        <div class="stacked">
            { svg }
            <ul class="legend">
                { for props.parts.iter().filter(|p| p.value > 0).map(|part| html! {
                    <li>
                        <span class={classes!("swatch", part.class)} aria-hidden="true"></span>
                        { &part.label }{ " " }<strong>{ part.value }</strong>
                    </li>
                }) }
            </ul>
        </div>
    }
}

/// The parts of a roll-up, one per status, in the order of `Status::ALL`.
pub fn status_parts(summary: &jalon::calc::rollup::Summary, lang: jalon::words::text::Lang) -> Vec<Part> {
    jalon::calc::status::Status::ALL
        .iter()
        .map(|s| Part { label: jalon::words::text::status(*s, lang).into(), value: summary.count(*s), class: s.fill() })
        .collect()
}

/// The parts of action counts: one per action status, then the actions not reported.
pub fn action_parts(counts: &jalon::calc::rollup::ActionCounts, lang: jalon::words::text::Lang) -> Vec<Part> {
    use jalon::model::action::ActionStatus;
    let mut parts: Vec<Part> = ActionStatus::ALL
        .iter()
        .map(|s| Part {
            label: jalon::words::text::action_status(*s, lang).into(),
            value: counts.count(*s),
            class: s.fill(),
        })
        .collect();
    let not_reported = words(lang).no_report;
    parts.push(Part { label: not_reported.into(), value: counts.not_reported, class: "fill-unreported" });
    parts
}
