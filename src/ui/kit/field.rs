//! One labelled text field: its label, its text, and under it why its text was not kept
//! (named by the input's `aria-describedby`, the input marked `aria-invalid`), with the
//! checks' warning about a value kept. Forms bind it to their state (`typed_into`); a
//! field changed in place (`in_place`) keeps its draft at each keystroke, shows the text
//! the plan would read back, and puts it in the plan, one undo step, when it is left.

use crate::ui::context::Ctx;
use crate::ui::drafts;
use jalon::edit::Refused;
use jalon::words::draft::Field as Held;
use jalon::words::input::InputError;
use jalon::words::text;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What an input holds.
pub fn text_of<E: AsRef<web_sys::Event>>(e: E) -> String {
    e.as_ref().target_unchecked_into::<HtmlInputElement>().value()
}

/// A callback that writes what is typed into `state`.
pub fn typed_into(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| state.set(text_of(e)))
}

#[derive(Default)]
pub struct Field {
    /// The input's id; its label's `for`, and the start of its messages' ids.
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// The field's classes beside « field » (« short »).
    pub class: Classes,
    /// The input's own classes (« figure »).
    pub input_class: Classes,
    pub inputmode: Option<&'static str>,
    pub required: bool,
    /// At a closed checkpoint, what was recorded is only shown.
    pub disabled: bool,
    pub node: NodeRef,
    /// Marks a field changed in place, for its keystrokes to be kept (`drafts::mark`).
    pub draft: Option<AttrValue>,
    pub oninput: Option<Callback<InputEvent>>,
    pub onchange: Option<Callback<Event>>,
    /// Why its text was not kept.
    pub error: Option<String>,
    /// The checks' question about the value kept.
    pub warning: Option<String>,
    /// The id of a message beside the field that also speaks of it.
    pub described_by: Option<String>,
}

pub fn field(f: Field) -> Html {
    let (error_id, warning_id) = (format!("{}-error", f.id), format!("{}-warning", f.id));
    let described: Vec<&str> = [
        f.error.as_ref().map(|_| error_id.as_str()),
        f.warning.as_ref().map(|_| warning_id.as_str()),
        f.described_by.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    html! {
        <div class={classes!("field", f.class, f.error.is_some().then_some("invalid"))}>
            <label for={f.id.clone()}>{ f.label }</label>
            <input id={f.id} type="text" ref={f.node} class={f.input_class} inputmode={f.inputmode}
                required={f.required} disabled={f.disabled} value={f.value} data-draft={f.draft} oninput={f.oninput} onchange={f.onchange}
                aria-invalid={f.error.is_some().then_some("true")} aria-describedby={described} />
            if let Some(message) = f.error { <p class="field-error" id={error_id} role="alert">{ message }</p> }
            if let Some(message) = f.warning { <p class="field-warning" id={warning_id}>{ message }</p> }
        </div>
    }
}

/// A field changed in place: showing its draft while the plan does not hold it, else
/// `held`; when left, its text goes into the plan and `refused` says why it did not.
pub fn in_place(ctx: &Ctx, held_in: &Held, held: &str, f: Field, refused: Callback<Option<Refused>>) -> Html {
    let value = drafts::pending(ctx, held_in).map_or_else(|| held.to_owned(), |(t, _)| t);
    let onchange = {
        let (ctx, held_in) = (ctx.clone(), held_in.clone());
        Callback::from(move |e: Event| refused.emit(drafts::commit(&ctx, &held_in, text_of(e))))
    };
    field(Field { value: value.into(), draft: Some(drafts::mark(held_in)), onchange: Some(onchange), ..f })
}

/// Why a field's text was not kept.
#[derive(Clone, PartialEq)]
pub enum Problem {
    Unread(InputError),
    Refused(Refused),
}

impl Problem {
    /// In words, for the field `label`.
    pub fn said(&self, ctx: &Ctx, label: &str) -> String {
        match self {
            Problem::Unread(error) => text::input_error(label, error, ctx.lang),
            Problem::Refused(why) => text::refused(&ctx.plan, why, ctx.lang),
        }
    }
}

/// The form field `id`, showing `state` and writing into it as the user types (which
/// also clears `saved`, the form's « enregistré »), `problem` said under it.
pub fn checked_input(
    ctx: &Ctx,
    id: &'static str,
    label: &'static str,
    state: &UseStateHandle<String>,
    saved: &UseStateHandle<bool>,
    problem: &Option<Problem>,
    inputmode: Option<&'static str>,
) -> Html {
    let oninput = {
        let (state, saved) = (state.clone(), saved.clone());
        Callback::from(move |e: InputEvent| {
            state.set(text_of(e));
            saved.set(false);
        })
    };
    field(Field {
        id: id.into(),
        label: label.into(),
        value: (**state).clone().into(),
        inputmode,
        oninput: Some(oninput),
        error: problem.as_ref().map(|p| p.said(ctx, label)),
        ..Field::default()
    })
}

pub fn input_value(e: InputEvent) -> String {
    e.target_unchecked_into::<web_sys::HtmlInputElement>().value()
}

pub fn select_index(e: Event) -> usize {
    e.target_unchecked_into::<web_sys::HtmlSelectElement>().selected_index().max(0) as usize
}

/// A labelled text field bound to `state`, with its error (if any) just below it and
/// named by it for screen readers.
pub fn text_field(id: String, label: &str, state: &UseStateHandle<String>, error: Option<String>) -> Html {
    checked_field(id, label, state, error, None)
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
    field(Field {
        id: id.into(),
        label: AttrValue::from(label.to_owned()),
        value: (**state).clone().into(),
        oninput: Some(typed_into(state)),
        error,
        warning,
        ..Field::default()
    })
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
