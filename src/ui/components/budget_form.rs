//! One inline form of the budget screen: labelled fields read by the core's reader,
//! `jalon::words::input` (amounts, days, participants, weights), and pre-filled by its `show_*`. A figure that cannot be read is explained
//! beside its field and nothing is submitted; what can be read is handed to the caller.

use crate::ui::context::{use_ctx, use_reset_when};
use crate::ui::drafts::use_form;
use jalon::model::budget::Days;
use jalon::model::money::Cents;
use jalon::words::draft::{Form, Key};
use jalon::words::input::{self, InputError};
use jalon::words::text::{self, Lang};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// A callback that sets `state` to `to`: which line of a table is being edited, or none.
pub fn set_to<T: Clone + 'static, E: 'static>(state: &UseStateHandle<T>, to: T) -> Callback<E> {
    let state = state.clone();
    Callback::from(move |_| state.set(to.clone()))
}

/// Opens in `editing` the form of this table that the user resumes, when `place` knows
/// the form's place on the screen (« rev-<id> »: see `Form::Budget`).
pub fn resume_in<T: 'static>(
    editing: &UseStateHandle<Option<T>>,
    place: impl Fn(&str) -> Option<T> + 'static,
) -> Callback<Form, bool> {
    let editing = editing.clone();
    Callback::from(move |form| match form {
        Form::Budget(at) => place(&at).map(|open| editing.set(Some(open))).is_some(),
        _ => false,
    })
}

/// What a field holds, and so how it is read.
#[derive(Clone, PartialEq)]
pub enum Kind {
    Text,
    Money,
    /// An amount that may be left blank.
    OptionalMoney,
    Days,
    Participants,
    Weight,
    /// One of a list: (value, words shown).
    Choice(Vec<(String, String)>),
}

#[derive(Clone, PartialEq)]
pub struct Field {
    pub label: String,
    pub kind: Kind,
    pub initial: String,
}

/// A field is pre-filled by the exact inverse of the reader its kind names, or left
/// blank for a new line: each constructor pairs the two, so that no form can show a
/// value its reader would read otherwise.
impl Field {
    fn new(label: &str, kind: Kind, initial: String) -> Field {
        Field { label: label.into(), kind, initial }
    }

    pub fn text(label: &str, value: &str) -> Field {
        Field::new(label, Kind::Text, value.into())
    }

    pub fn money(label: &str, value: Option<Cents>, lang: Lang) -> Field {
        Field::new(label, Kind::Money, value.map(|c| input::show_money(c, lang)).unwrap_or_default())
    }

    pub fn optional_money(label: &str, value: Option<Cents>, lang: Lang) -> Field {
        Field::new(label, Kind::OptionalMoney, input::show_optional_money(value, lang))
    }

    pub fn days(label: &str, value: Option<Days>, lang: Lang) -> Field {
        Field::new(label, Kind::Days, value.map(|d| input::show_days(d, lang)).unwrap_or_default())
    }

    pub fn participants(label: &str, value: Option<u32>, lang: Lang) -> Field {
        Field::new(label, Kind::Participants, value.map(|n| input::show_count(n, lang)).unwrap_or_default())
    }

    pub fn weight(label: &str, value: Option<f64>, lang: Lang) -> Field {
        Field::new(label, Kind::Weight, value.map(|w| input::show_weight(w, lang)).unwrap_or_default())
    }

    /// One of `choices` (value, words shown), `chosen` selected.
    pub fn choice(label: &str, choices: Vec<(String, String)>, chosen: String) -> Field {
        Field::new(label, Kind::Choice(choices), chosen)
    }
}

/// A field's value once read.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Money(Option<Cents>),
    Days(Days),
    Count(u32),
    Weight(f64),
}

impl Value {
    pub fn text(&self) -> String {
        match self {
            Value::Text(t) => t.clone(),
            _ => String::new(),
        }
    }

    /// An amount; a blank optional amount is `None`.
    pub fn money(&self) -> Option<Cents> {
        match self {
            Value::Money(m) => *m,
            _ => None,
        }
    }

    pub fn days(&self) -> Days {
        match self {
            Value::Days(d) => *d,
            _ => Days::default(),
        }
    }

    pub fn count(&self) -> u32 {
        match self {
            Value::Count(n) => *n,
            _ => 0,
        }
    }

    pub fn weight(&self) -> f64 {
        match self {
            Value::Weight(w) => *w,
            _ => 0.0,
        }
    }
}

/// The choice the draft names, or the first one when the draft names none of them (the
/// list changed since: an organisation was given its share).
fn chosen(options: &[(String, String)], draft: &str) -> String {
    let known = options.iter().any(|(v, _)| v == draft);
    if known {
        draft.to_owned()
    } else {
        options.first().map_or_else(String::new, |(v, _)| v.clone())
    }
}

fn read(kind: &Kind, text: &str, lang: Lang) -> Result<Value, InputError> {
    match kind {
        Kind::Text => Ok(Value::Text(text.trim().to_owned())),
        Kind::Choice(options) => Ok(Value::Text(chosen(options, text))),
        Kind::Money => input::read_money(text, lang).map(|m| Value::Money(Some(m))),
        Kind::OptionalMoney => input::read_optional_money(text, lang).map(Value::Money),
        Kind::Days => input::read_days(text, lang).map(Value::Days),
        Kind::Participants => input::read_count(text, lang).map(Value::Count),
        Kind::Weight => input::read_weight(text, lang).map(Value::Weight),
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Unique on the page: the prefix of the fields' ids.
    pub id: AttrValue,
    /// The form's name for assistive technologies (« Nouvelle ligne de revenus »).
    pub name: AttrValue,
    pub fields: Vec<Field>,
    pub submit: AttrValue,
    pub on_submit: Callback<Vec<Value>>,
    /// Shown as « Annuler » when the form edits something already there.
    #[prop_or_default]
    pub on_cancel: Option<Callback<()>>,
}

#[function_component(BudgetForm)]
pub fn budget_form(props: &Props) -> Html {
    let ctx = use_ctx();
    let initial: Vec<String> = props.fields.iter().map(|f| f.initial.clone()).collect();
    let drafts = use_state(|| initial.clone());
    let form = Form::Budget(props.id.to_string());
    // What is typed is kept at each keystroke and comes back when the form shows again.
    let (kept, mark) = use_form(form.clone());
    {
        let drafts = drafts.clone();
        use_reset_when(initial.clone(), move |held| drafts.set(held.clone()));
    }
    let errors = use_state(|| vec![None::<InputError>; props.fields.len()]);

    let on_submit = {
        let (ctx, form, drafts, errors) = (ctx.clone(), form.clone(), drafts.clone(), errors.clone());
        let fields = props.fields.clone();
        let on_submit = props.on_submit.clone();
        let resets = props.on_cancel.is_none();
        Callback::from(move |e: SubmitEvent| {
            let lang = ctx.lang;
            e.prevent_default();
            let read: Vec<Result<Value, InputError>> =
                fields.iter().zip(drafts.iter()).map(|(f, text)| read(&f.kind, text, lang)).collect();
            if read.iter().any(Result::is_err) {
                errors.set(read.into_iter().map(Result::err).collect());
                return;
            }
            errors.set(vec![None; fields.len()]);
            if resets {
                drafts.set(initial.clone());
            }
            on_submit.emit(read.into_iter().flatten().collect());
            ctx.settle(Key::Form(form.clone()));
        })
    };

    let field_views = props.fields.iter().enumerate().map(|(index, field)| {
        let id = format!("{}-{index}", props.id);
        let error_id = format!("{id}-error");
        let error = errors.get(index).cloned().flatten();
        let value = drafts.get(index).cloned().unwrap_or_default();
        let set = {
            let drafts = drafts.clone();
            move |text: String| {
                let mut next = (*drafts).clone();
                if let Some(slot) = next.get_mut(index) {
                    *slot = text;
                }
                drafts.set(next);
            }
        };
        let control = match &field.kind {
            Kind::Choice(options) => {
                let value = chosen(options, &value);
                let onchange =
                    Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()));
                html! {
                    <select id={id.clone()} {onchange}>
                        { for options.iter().map(|(v, words)| html! {
                            <option value={v.clone()} selected={*v == value}>{ words }</option>
                        }) }
                    </select>
                }
            }
            kind => {
                let oninput =
                    Callback::from(move |e: InputEvent| set(e.target_unchecked_into::<HtmlInputElement>().value()));
                let wide = matches!(kind, Kind::Text);
                html! {
                    <input id={id.clone()} type="text" class={if wide { "wide" } else { "figure" }}
                        inputmode={(!wide).then_some("decimal")} required={wide}
                        value={value} {oninput}
                        aria-invalid={error.is_some().then_some("true")}
                        aria-describedby={error.is_some().then(|| error_id.clone())} />
                }
            }
        };
        html! {
            <div class="field">
                <label for={id}>{ &field.label }</label>
                { control }
                if let Some(error) = error {
                    <p class="field-error" id={error_id} role="alert">{ text::input_error(&field.label, &error, ctx.lang) }</p>
                }
            </div>
        }
    });

    html! {
        <form class="budget-form" onsubmit={on_submit} aria-label={props.name.clone()} ref={kept} data-draft={mark}>
            { for field_views }
            <div class="form-buttons">
                <button type="submit" class="primary">{ props.submit.clone() }</button>
                if let Some(cancel) = props.on_cancel.clone() {
                    <button type="button" onclick={{
                        let ctx = ctx.clone();
                        Callback::from(move |_| {
                            ctx.discard(form.clone());
                            cancel.emit(());
                        })
                    }}>{ ctx.words().cancel }</button>
                }
            </div>
        </form>
    }
}
