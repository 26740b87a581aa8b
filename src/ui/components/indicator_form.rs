//! The form that adds or changes an indicator: its label, kind, direction, whole, source
//! and note, then, once it exists, its segments, each with its own form for the
//! baseline, targets and measurements.

use super::segment_form::SegmentForm;
use crate::ui::context::{fresh_id, tr, use_ctx};
use jalon::edit::indicators::{self as edit, IndicatorFields};
use jalon::history::{Act, What};
use jalon::id::Id;
use jalon::indicator::{Direction, Indicator, IndicatorKind};
use jalon::input::{self, Expected, InputError, Problem};
use jalon::subject::Subject;
use jalon::text::{self, Lang};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The indicator to change, or the id the new one will take.
    pub indicator: Id,
    pub objective: Id,
    pub on_close: Callback<()>,
}

const DIRECTIONS: [Direction; 3] = [Direction::Increase, Direction::Decrease, Direction::Maintain];

pub fn kind_name(kind: IndicatorKind, lang: Lang) -> &'static str {
    match kind {
        IndicatorKind::Percentage => tr(lang, "Pourcentage ou taux", "Percentage or rate"),
        IndicatorKind::Count => tr(lang, "Nombre", "Count"),
        IndicatorKind::Ratio => tr(lang, "Ratio (x sur y)", "Ratio (x of y)"),
        IndicatorKind::Dollars => tr(lang, "Montant en dollars", "Amount in dollars"),
        IndicatorKind::Milestone => tr(lang, "Jalon (réalisé ou non)", "Milestone (done or not)"),
        IndicatorKind::Qualitative => tr(lang, "Qualitatif", "Qualitative"),
    }
}

pub fn direction_name(direction: Direction, lang: Lang) -> &'static str {
    match direction {
        Direction::Increase => tr(lang, "À augmenter", "To increase"),
        Direction::Decrease => tr(lang, "À diminuer", "To decrease"),
        Direction::Maintain => tr(lang, "À maintenir", "To maintain"),
    }
}

pub fn input_value(e: InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

pub fn select_index(e: Event) -> usize {
    e.target_unchecked_into::<HtmlSelectElement>().selected_index().max(0) as usize
}

/// A labelled text field bound to `state`, with its error (if any) just below it and
/// named by it for screen readers.
pub fn text_field(id: String, label: &str, state: &UseStateHandle<String>, error: Option<String>) -> Html {
    text_field_ref(id, label, state, error, NodeRef::default(), None)
}

/// A `text_field` with the checks' warning about its value, if any, just below it: a
/// value the plan holds but a reviewer would question.
pub fn checked_field(
    id: String,
    label: &str,
    state: &UseStateHandle<String>,
    error: Option<String>,
    warning: Option<String>,
) -> Html {
    text_field_ref(id, label, state, error, NodeRef::default(), warning)
}

/// A `text_field` whose input `node` refers to (to give it the focus).
fn text_field_ref(
    id: String,
    label: &str,
    state: &UseStateHandle<String>,
    error: Option<String>,
    node: NodeRef,
    warning: Option<String>,
) -> Html {
    let on_input = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.set(input_value(e)))
    };
    let (error_id, warning_id) = (format!("{id}-error"), format!("{id}-warning"));
    let described: Vec<&str> =
        [error.is_some().then_some(error_id.as_str()), warning.is_some().then_some(warning_id.as_str())]
            .into_iter()
            .flatten()
            .collect();
    html! {
        <div class={classes!("field", error.is_some().then_some("invalid"))}>
            <label for={id.clone()}>{ label }</label>
            <input {id} ref={node} type="text" value={(**state).clone()} oninput={on_input}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))} />
            if let Some(message) = error { <p class="field-error" id={error_id}>{ message }</p> }
            if let Some(message) = warning { <p class="field-warning" id={warning_id}>{ message }</p> }
        </div>
    }
}

/// A labelled select whose options are `names`; `on_change` gets the chosen index.
pub fn select_field(id: String, label: &str, names: Vec<&str>, chosen: usize, on_change: Callback<usize>) -> Html {
    html! {
        <div class="field">
            <label for={id.clone()}>{ label }</label>
            <select {id} onchange={on_change.reform(select_index)}>
                { for names.into_iter().enumerate().map(|(i, name)| html! {
                    <option value={i.to_string()} selected={i == chosen}>{ name }</option>
                }) }
            </select>
        </div>
    }
}

/// A ratio's whole is zero or more: the model holds any number, but a whole below zero
/// makes no « x sur y ».
fn not_negative(n: f64, typed: &str) -> Result<f64, InputError> {
    if n < 0.0 {
        Err(InputError { expected: Expected::Number, typed: typed.trim().to_owned(), problem: Problem::Negative })
    } else {
        Ok(n)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Label,
    OutOf,
}

#[function_component(IndicatorForm)]
pub fn indicator_form(props: &Props) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let existing: Option<Indicator> = ctx.plan.indicators.iter().find(|i| i.id == props.indicator).cloned();
    let is_new = existing.is_none();
    let initial = existing.clone();
    let label = use_state(|| initial.as_ref().map(|i| i.label.clone()).unwrap_or_default());
    let kind = use_state(|| initial.as_ref().map_or(IndicatorKind::Percentage, |i| i.kind));
    let direction = use_state(|| initial.as_ref().map_or(Direction::Increase, |i| i.direction));
    let out_of =
        use_state(|| initial.as_ref().and_then(|i| i.out_of).map(|n| input::show_number(n, lang)).unwrap_or_default());
    let source = use_state(|| initial.as_ref().map(|i| i.source.clone()).unwrap_or_default());
    let note = use_state(|| initial.as_ref().map(|i| i.note.clone()).unwrap_or_default());
    let error = use_state(|| None::<(Field, String)>);
    let saved = use_state(|| false);
    let deleting = use_state(|| false);
    let new_segment = use_state(String::new);
    let label_ref = use_node_ref();
    {
        let label_ref = label_ref.clone();
        use_effect_with((), move |_| {
            if let Some(input) = label_ref.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }

    let dom = |name: &str| format!("indicator-{}-{name}", props.indicator);
    let error_of = |field: Field| (*error).as_ref().filter(|(f, _)| *f == field).map(|(_, e)| e.clone());

    let on_submit = {
        let ctx = ctx.clone();
        let (label, kind, direction, out_of, source, note) =
            (label.clone(), kind.clone(), direction.clone(), out_of.clone(), source.clone(), note.clone());
        let (error, saved) = (error.clone(), saved.clone());
        let (id, objective) = (props.indicator.clone(), props.objective.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let lang = ctx.lang;
            if label.trim().is_empty() {
                let message = tr(lang, "Inscrivez le libellé de l'indicateur.", "Write the indicator's label.");
                error.set(Some((Field::Label, message.to_owned())));
                return;
            }
            let whole = match *kind {
                IndicatorKind::Ratio => {
                    match input::read_number(&out_of, lang).and_then(|n| not_negative(n, &out_of)) {
                        Ok(n) => Some(n),
                        Err(e) => {
                            let field = tr(lang, "Sur (le total)", "Out of (the whole)");
                            return error.set(Some((Field::OutOf, text::input_error(field, &e, lang))));
                        }
                    }
                }
                _ => None,
            };
            error.set(None);
            let fields = IndicatorFields {
                label: (*label).clone(),
                kind: *kind,
                direction: *direction,
                out_of: whole,
                source: (*source).clone(),
                note: (*note).clone(),
            };
            let (id, objective) = (id.clone(), objective.clone());
            if is_new {
                let segment = fresh_id("seg");
                ctx.edit(Act::new(What::Added, Subject::Indicator(id.clone())), move |plan| {
                    edit::add_indicator(plan, &objective, id, segment, fields)
                });
            } else {
                ctx.edit(Act::new(What::Details, Subject::Indicator(id.clone())), move |plan| {
                    edit::update_indicator(plan, &id, fields)
                });
            }
            saved.set(true);
        })
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |i: usize| {
            kind.set(IndicatorKind::ALL.get(i).copied().unwrap_or(IndicatorKind::Percentage))
        })
    };
    let on_direction = {
        let direction = direction.clone();
        Callback::from(move |i: usize| direction.set(DIRECTIONS.get(i).copied().unwrap_or(Direction::Increase)))
    };
    let on_add_segment = {
        let ctx = ctx.clone();
        let new_segment = new_segment.clone();
        let id = props.indicator.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = new_segment.trim().to_string();
            if name.is_empty() {
                return;
            }
            let (id, segment) = (id.clone(), fresh_id("seg"));
            ctx.edit(Act::new(What::Segment, Subject::Indicator(id.clone())), move |plan| {
                edit::add_segment(plan, &id, segment, name)
            });
            new_segment.set(String::new());
        })
    };
    let on_delete = {
        let ctx = ctx.clone();
        let (id, on_close) = (props.indicator.clone(), props.on_close.clone());
        Callback::from(move |_| {
            let id = id.clone();
            ctx.edit(Act::new(What::Deleted, Subject::Indicator(id.clone())), move |plan| {
                edit::delete_indicator(plan, &id)
            });
            on_close.emit(());
        })
    };
    let ask_delete = {
        let deleting = deleting.clone();
        Callback::from(move |_| deleting.set(true))
    };
    let keep = {
        let deleting = deleting.clone();
        Callback::from(move |_| deleting.set(false))
    };
    let heading_id = dom("heading");
    let heading = match &existing {
        Some(i) => format!("{} « {} »", tr(lang, "Modifier l'indicateur", "Edit the indicator"), i.label),
        None => tr(lang, "Nouvel indicateur", "New indicator").to_string(),
    };

    html! {
        <section class="indicator-form card" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ heading }</h3>
            <form class="indicator-fields" onsubmit={on_submit}>
                { text_field_ref(dom("label"), tr(lang, "Libellé de l'indicateur", "Indicator label"), &label,
                    error_of(Field::Label), label_ref.clone(), None) }
                { select_field(dom("kind"), tr(lang, "Type", "Kind"),
                    IndicatorKind::ALL.iter().map(|k| kind_name(*k, lang)).collect(),
                    IndicatorKind::ALL.iter().position(|k| *k == *kind).unwrap_or(0), on_kind) }
                { select_field(dom("direction"), tr(lang, "Sens", "Direction"),
                    DIRECTIONS.iter().map(|d| direction_name(*d, lang)).collect(),
                    DIRECTIONS.iter().position(|d| *d == *direction).unwrap_or(0), on_direction) }
                if *kind == IndicatorKind::Ratio {
                    { text_field(dom("out-of"), tr(lang, "Sur (le total)", "Out of (the whole)"), &out_of, error_of(Field::OutOf)) }
                }
                { text_field(dom("source"), tr(lang, "Source", "Source"), &source, None) }
                { text_field(dom("note"), tr(lang, "Note", "Note"), &note, None) }
                <div class="form-actions">
                    <button type="submit" class="primary">
                        { if is_new { tr(lang, "Ajouter l'indicateur", "Add the indicator") } else { tr(lang, "Enregistrer", "Save") } }
                    </button>
                    <button type="button" onclick={props.on_close.reform(|_| ())}>{ tr(lang, "Fermer", "Close") }</button>
                    <p class="saved" role="status">
                        if *saved { { tr(lang, "Indicateur enregistré.", "Indicator saved.") } }
                    </p>
                </div>
            </form>
            if let Some(indicator) = &existing {
                { for indicator.segments.iter().map(|s| html! {
                    <SegmentForm key={s.id.to_string()} indicator={indicator.id.clone()} segment={s.id.clone()} />
                }) }
                <form class="add-segment inline-form" onsubmit={on_add_segment}>
                    <label for={dom("new-segment")}>{ tr(lang, "Nouveau groupe (segment)", "New group (segment)") }</label>
                    <input id={dom("new-segment")} type="text" value={(*new_segment).clone()}
                        oninput={{ let s = new_segment.clone(); Callback::from(move |e: InputEvent| s.set(input_value(e))) }} />
                    <button type="submit">{ tr(lang, "Ajouter le groupe", "Add the group") }</button>
                </form>
                if *deleting {
                    <div class="confirm" role="group" aria-label={tr(lang, "Supprimer l'indicateur", "Delete the indicator")}>
                        <p>{ tr(lang, "Supprimer cet indicateur avec ses cibles et ses mesures ?", "Delete this indicator with its targets and measurements?") }</p>
                        <button type="button" class="danger" onclick={on_delete}>{ tr(lang, "Supprimer définitivement", "Delete for good") }</button>
                        <button type="button" onclick={keep}>{ tr(lang, "Garder l'indicateur", "Keep the indicator") }</button>
                    </div>
                } else {
                    <button type="button" class="danger" onclick={ask_delete}>{ tr(lang, "Supprimer l'indicateur", "Delete the indicator") }</button>
                }
            }
        </section>
    }
}
