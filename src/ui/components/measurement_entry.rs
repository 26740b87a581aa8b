//! One segment of an indicator at the checkpoint being reported: its previous
//! measurement beside the value at the checkpoint's date. What is typed is kept as a
//! draft at each keystroke (`ui::drafts`); the field is read by the core's reader
//! (`jalon::words::input`) when it loses the focus, and pre-filled by its exact inverse; a value
//! it cannot read stays as typed, explained under the field, and changes nothing; a value the
//! checks question (150 % on a percentage) is kept, with their warning under the field.

use crate::ui::context::use_ctx;
use crate::ui::drafts;
use crate::ui::kit::field as kit;
use jalon::calc::check::questioned_value;
use jalon::model::id::Id;
use jalon::model::indicator::IndicatorKind;
use jalon::model::measurement::{Measurement, Observation};
use jalon::words::draft::{Field, Unready};
use jalon::words::input;
use jalon::words::text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub indicator: Id,
    pub segment: Id,
    /// « 2.1 Taux de réussite — Primaire ».
    pub label: String,
    pub kind: IndicatorKind,
    pub out_of: Option<f64>,
    pub checkpoint: Id,
    pub closed: bool,
    /// The latest measurement before the checkpoint's date.
    pub previous: Option<Measurement>,
    /// The segment's baseline, shown as the value before when nothing was measured
    /// since.
    pub baseline: Option<Observation>,
    /// The measurement at the checkpoint's date.
    pub current: Option<Measurement>,
}

#[function_component(MeasurementEntry)]
pub fn measurement_entry(props: &Props) -> Html {
    let ctx = use_ctx();
    let field = Field::Measurement {
        indicator: props.indicator.clone(),
        segment: props.segment.clone(),
        checkpoint: props.checkpoint.clone(),
    };
    // What was typed and is not in the plan yet, kept in the field with why.
    let typed = drafts::pending(&ctx, &field);
    let id = format!("measure-{}-{}", props.indicator, props.segment);
    let shown = |m: &Measurement| text::value(&m.value, props.kind, props.out_of, ctx.lang);
    let label = ctx.words().value_date;

    // The checks' warning about the value recorded at this date, if they question it.
    let warning = props.current.as_ref().and_then(|m| {
        let indicator = ctx.plan.indicators.iter().find(|i| i.id == props.indicator)?;
        let segment = indicator.segments.iter().find(|s| s.id == props.segment)?;
        questioned_value(indicator, segment, &m.value).map(|f| text::finding(&ctx.plan, &f, ctx.lang))
    });
    let error = match &typed {
        Some((_, Some(Unready::Unread(e)))) => Some(text::input_error(label, e, ctx.lang)),
        _ => None,
    };
    let value = match typed {
        Some((typed, _)) => typed,
        None => props
            .current
            .as_ref()
            .map(|m| input::show_value(&m.value, props.kind, props.out_of, ctx.lang))
            .unwrap_or_default(),
    };
    let previous = match (&props.previous, &props.baseline) {
        (Some(m), _) => format!("{} ({})", shown(m), text::plan_date(m.date, ctx.lang)),
        (None, Some(b)) => {
            let value = text::value(&b.value, props.kind, props.out_of, ctx.lang);
            format!("{}{}{}", ctx.words().baseline, ctx.words().colon, text::value_dated(&value, b.date, ctx.lang))
        }
        (None, None) => ctx.words().no_measurement.to_string(),
    };
    html! {
        <li class="measurement-entry">
            <h4>{ &props.label }</h4>
            <div class="entry-grid">
                <div class="previous">
                    <h5>{ ctx.words().previous_measurement }</h5>
                    <p>{ previous }</p>
                </div>
                { kit::field(kit::Field {
                    id: id.into(),
                    label: label.into(),
                    value: value.into(),
                    disabled: props.closed,
                    draft: Some(drafts::mark(&field)),
                    onchange: Some(drafts::on_commit(&ctx, &field)),
                    error,
                    warning,
                    ..kit::Field::default()
                }) }
            </div>
        </li>
    }
}
