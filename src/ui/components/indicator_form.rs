//! The form that adds or changes an indicator: its label, kind, direction, whole, source
//! and note, then, once it exists, its segments, each with its own form for the
//! baseline, targets and measurements.

use super::segment_form::SegmentForm;
use crate::ui::components::confirm::Confirm;
use crate::ui::context::{fresh_id, use_ctx, use_reset_when};
use crate::ui::drafts;
use crate::ui::kit::field::{self as kit, field, input_value, select_field, text_field, typed_into};
use crate::ui::kit::row::set_to;
use jalon::edit::history::{Act, What};
use jalon::edit::indicators::IndicatorFields;
use jalon::edit::Change;
use jalon::model::id::Id;
use jalon::model::indicator::{Direction, Indicator, IndicatorKind};
use jalon::model::subject::Subject;
use jalon::words::draft::{Form, Key};
use jalon::words::input::{self, Expected, InputError, Problem};
use jalon::words::table::words;
use jalon::words::text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The indicator to change, or the id the new one will take.
    pub indicator: Id,
    pub objective: Id,
    pub on_close: Callback<()>,
}

const DIRECTIONS: [Direction; 3] = [Direction::Increase, Direction::Decrease, Direction::Maintain];

use jalon::words::table::{direction_name, kind_name};

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
    let form = Form::Indicator { indicator: props.indicator.clone(), objective: props.objective.clone() };
    // What is typed is kept at each keystroke and comes back when the form opens again.
    let (kept, mark) = drafts::use_form(form.clone());
    let new_segment_form = Form::NewSegment(props.indicator.clone());
    let (kept_segment, segment_mark) = drafts::use_form(new_segment_form.clone());
    {
        // An undo, a redo or another tab's save puts what the plan now holds back in the
        // fields (a field showing what the plan no longer holds would be saved back).
        let held = existing
            .as_ref()
            .map(|i| (i.label.clone(), i.kind, i.direction, i.out_of, i.source.clone(), i.note.clone()));
        let (label, kind, direction, out_of, source, note) =
            (label.clone(), kind.clone(), direction.clone(), out_of.clone(), source.clone(), note.clone());
        use_reset_when(held, move |held| {
            let Some((l, k, d, o, s, n)) = held.clone() else { return };
            label.set(l);
            kind.set(k);
            direction.set(d);
            out_of.set(o.map(|n| input::show_number(n, lang)).unwrap_or_default());
            source.set(s);
            note.set(n);
        });
    }
    let label_ref = use_node_ref();
    {
        let label_ref = label_ref.clone();
        use_effect_with((), move |_| {
            if let Some(input) = label_ref.cast::<web_sys::HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }

    let dom = |name: &str| format!("indicator-{}-{name}", props.indicator);
    let error_of = |field: Field| (*error).as_ref().filter(|(f, _)| *f == field).map(|(_, e)| e.clone());

    let on_submit = {
        let (ctx, form) = (ctx.clone(), form.clone());
        let (label, kind, direction, out_of, source, note) =
            (label.clone(), kind.clone(), direction.clone(), out_of.clone(), source.clone(), note.clone());
        let (error, saved) = (error.clone(), saved.clone());
        let (id, objective) = (props.indicator.clone(), props.objective.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let lang = ctx.lang;
            if label.trim().is_empty() {
                let message = words(lang).write_indicator_label;
                error.set(Some((Field::Label, message.to_owned())));
                return;
            }
            let whole = match *kind {
                IndicatorKind::Ratio => {
                    match input::read_number(&out_of, lang).and_then(|n| not_negative(n, &out_of)) {
                        Ok(n) => Some(n),
                        Err(e) => {
                            let field = words(lang).out_whole;
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
            let (act, change) = if is_new {
                let segment = fresh_id("seg");
                (
                    Act::new(What::Added, Subject::Indicator(id.clone())),
                    Change::AddIndicator { objective, id, segment, fields },
                )
            } else {
                (
                    Act::new(What::Details, Subject::Indicator(id.clone())),
                    Change::UpdateIndicator { indicator: id, fields },
                )
            };
            ctx.edit_settled(Key::Form(form.clone()), act, change);
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
        let (ctx, form) = (ctx.clone(), new_segment_form.clone());
        let new_segment = new_segment.clone();
        let id = props.indicator.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = new_segment.trim().to_string();
            if name.is_empty() {
                return;
            }
            let (id, segment) = (id.clone(), fresh_id("seg"));
            let act = Act::new(What::Segment, Subject::Indicator(id.clone()));
            ctx.edit_settled(
                Key::Form(form.clone()),
                act,
                Change::AddSegment { indicator: id, id: segment, label: name },
            );
            new_segment.set(String::new());
        })
    };
    // Closing the form, or deleting its indicator, drops what was typed and not saved.
    let on_close = {
        let (ctx, forms, on_close) = (ctx.clone(), [form.clone(), new_segment_form], props.on_close.clone());
        Callback::from(move |_| {
            forms.iter().for_each(|form| ctx.discard(form.clone()));
            on_close.emit(());
        })
    };
    let on_delete = {
        let ctx = ctx.clone();
        let (id, on_close) = (props.indicator.clone(), on_close.clone());
        Callback::from(move |_| {
            let id = id.clone();
            ctx.edit(
                Act::new(What::Deleted, Subject::Indicator(id.clone())),
                Change::DeleteIndicator { indicator: id },
            );
            on_close.emit(());
        })
    };
    let ask_delete = set_to(&deleting, true);
    let keep = set_to(&deleting, false);
    let heading_id = dom("heading");
    let heading = match &existing {
        Some(i) => (words(lang).named)(words(lang).edit_indicator, &i.label),
        None => words(lang).new_indicator.to_string(),
    };

    html! {
        <section class="indicator-form card" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ heading }</h3>
            <form class="indicator-fields" onsubmit={on_submit} ref={kept} data-draft={mark}>
                { field(kit::Field {
                    id: dom("label").into(),
                    label: words(lang).indicator_label.into(),
                    value: (*label).clone().into(),
                    node: label_ref.clone(),
                    oninput: Some(typed_into(&label)),
                    error: error_of(Field::Label),
                    ..kit::Field::default()
                }) }
                { select_field(dom("kind"), words(lang).kind,
                    IndicatorKind::ALL.iter().map(|k| kind_name(*k, lang)).collect(),
                    IndicatorKind::ALL.iter().position(|k| *k == *kind).unwrap_or(0), on_kind) }
                { select_field(dom("direction"), words(lang).direction,
                    DIRECTIONS.iter().map(|d| direction_name(*d, lang)).collect(),
                    DIRECTIONS.iter().position(|d| *d == *direction).unwrap_or(0), on_direction) }
                if *kind == IndicatorKind::Ratio {
                    { text_field(dom("out-of"), words(lang).out_whole, &out_of, error_of(Field::OutOf)) }
                }
                { text_field(dom("source"), words(lang).source, &source, None) }
                { text_field(dom("note"), words(lang).note, &note, None) }
                <div class="form-actions">
                    <button type="submit" class="primary">
                        { if is_new { words(lang).add_the_indicator } else { words(lang).save } }
                    </button>
                    <button type="button" onclick={on_close.reform(|_: MouseEvent| ())}>{ words(lang).close }</button>
                    <p class="saved" role="status">
                        if *saved { { words(lang).indicator_saved } }
                    </p>
                </div>
            </form>
            if let Some(indicator) = &existing {
                { for indicator.segments.iter().map(|s| html! {
                    <SegmentForm key={s.id.to_string()} indicator={indicator.id.clone()} segment={s.id.clone()} />
                }) }
                <form class="add-segment inline-form" onsubmit={on_add_segment} ref={kept_segment} data-draft={segment_mark}>
                    <label for={dom("new-segment")}>{ words(lang).new_group_segment }</label>
                    <input id={dom("new-segment")} type="text" value={(*new_segment).clone()}
                        oninput={{ let s = new_segment.clone(); Callback::from(move |e: InputEvent| s.set(input_value(e))) }} />
                    <button type="submit">{ words(lang).add_group }</button>
                </form>
                if *deleting {
                    <Confirm label={words(lang).delete_indicator} message={words(lang).delete_indicator_question}
                        yes={words(lang).delete_good} no={words(lang).keep_indicator} on_yes={on_delete} on_no={keep} />
                } else {
                    <button type="button" class="danger" onclick={ask_delete}>{ words(lang).delete_indicator }</button>
                }
            }
        </section>
    }
}
