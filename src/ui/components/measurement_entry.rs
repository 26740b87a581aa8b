//! One segment of an indicator at the checkpoint being reported: its previous
//! measurement beside the value at the checkpoint's date. A value that cannot be read
//! is explained beside the field and changes nothing.

use crate::ui::context::{use_ctx, Ctx};
use jalon::edit::followup::{parse_value, set_measurement_at, BadValue};
use jalon::history::{Act, Of, What};
use jalon::id::Id;
use jalon::indicator::IndicatorKind;
use jalon::measurement::{Measurement, Value};
use jalon::text;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What to write instead, for a value the core could not read.
pub fn bad_value_message(ctx: &Ctx, bad: BadValue) -> &'static str {
    match bad {
        BadValue::NotANumber => {
            ctx.tr("Nombre illisible : écrivez par exemple 79,7.", "Unreadable number: write for example 79.7.")
        }
        BadValue::NotAnAmount => ctx.tr(
            "Montant illisible : écrivez par exemple 12 500,00 $ (au plus deux décimales).",
            "Unreadable amount: write for example $12,500.00 (two decimals at most).",
        ),
        BadValue::NotYesOrNo => ctx.tr("Écrivez « oui » ou « non ».", "Write “yes” or “no”."),
        BadValue::NotAPercent => ctx.tr("Écrivez un nombre entier de 0 à 100.", "Write a whole number from 0 to 100."),
    }
}

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
    /// The measurement at the checkpoint's date.
    pub current: Option<Measurement>,
}

#[function_component(MeasurementEntry)]
pub fn measurement_entry(props: &Props) -> Html {
    let ctx = use_ctx();
    let problem = use_state(|| None::<&'static str>);
    let id = format!("measure-{}-{}", props.indicator, props.segment);
    let error_id = format!("{id}-error");
    let shown = |m: &Measurement| text::value(&m.value, props.kind, props.out_of, ctx.lang);
    // A ratio's field holds its numerator alone (« 3 », not « 3 sur 4 »), as it is typed.
    let typed = |m: &Measurement| match (&m.value, props.kind) {
        (Value::Number(n), IndicatorKind::Ratio) => text::number(*n, 2, ctx.lang),
        _ => shown(m),
    };

    let on_change = {
        let (ctx, problem, kind) = (ctx.clone(), problem.clone(), props.kind);
        let (indicator, segment, checkpoint) =
            (props.indicator.clone(), props.segment.clone(), props.checkpoint.clone());
        Callback::from(move |e: Event| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            match parse_value(&typed, kind) {
                Ok(value) => {
                    problem.set(None);
                    let (indicator, segment, checkpoint) = (indicator.clone(), segment.clone(), checkpoint.clone());
                    ctx.edit(Act::new(What::Measurement, Of::Indicator(indicator.clone())), move |plan| {
                        set_measurement_at(plan, &indicator, &segment, &checkpoint, value)
                    });
                }
                Err(bad) => problem.set(Some(bad_value_message(&ctx, bad))),
            }
        })
    };
    let previous = match &props.previous {
        Some(m) => format!("{} ({})", shown(m), text::plan_date(m.date, ctx.lang)),
        None => ctx.tr("Aucune mesure", "No measurement").to_string(),
    };
    html! {
        <li class="measurement-entry">
            <h4>{ &props.label }</h4>
            <div class="entry-grid">
                <div class="previous">
                    <h5>{ ctx.tr("Mesure précédente", "Previous measurement") }</h5>
                    <p>{ previous }</p>
                </div>
                <div class="field">
                    <label for={id.clone()}>{ ctx.tr("Valeur à cette date", "Value at this date") }</label>
                    <input {id} type="text" disabled={props.closed} onchange={on_change}
                        value={props.current.as_ref().map(typed).unwrap_or_default()}
                        aria-invalid={problem.is_some().then_some("true")}
                        aria-describedby={problem.is_some().then(|| error_id.clone())} />
                    if let Some(message) = *problem {
                        <p class="field-error" id={error_id} role="alert">{ message }</p>
                    }
                </div>
            </div>
        </li>
    }
}
