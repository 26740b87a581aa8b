//! One inline form of the budget screen, over a line's fields (`kit::lines`): a figure
//! that cannot be read is explained beside its field and nothing is submitted; what can
//! be read is handed to the caller, by key.

use crate::ui::context::{use_ctx, use_reset_when};
use crate::ui::drafts::use_form;
use crate::ui::kit::card::card;
use crate::ui::kit::field::{field, text_of, Field as TextField};
use crate::ui::kit::lines::{chosen, Field, Kind, Unread, Values};
use jalon::words::draft::{Form, Key};
use jalon::words::input::InputError;
use jalon::words::text;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Unique on the page: the prefix of the fields' ids.
    pub id: AttrValue,
    /// The form's name for assistive technologies (« Nouvelle ligne de revenus »).
    pub name: AttrValue,
    pub fields: Vec<Field>,
    pub submit: AttrValue,
    /// Given the values read, by key; a value that is not there as asked is refused
    /// under its field, and the form stays as typed.
    pub on_submit: Callback<Values, Result<(), Unread>>,
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
            let values = match Values::read(&fields, &drafts, lang) {
                Ok(values) => values,
                Err(unread) => return errors.set(unread),
            };
            if let Err(Unread { key, error }) = on_submit.emit(values) {
                let mut said = vec![None; fields.len()];
                if let Some(at) = fields.iter().position(|f| f.key == key) {
                    said[at] = Some(error);
                }
                return errors.set(said);
            }
            errors.set(vec![None; fields.len()]);
            if resets {
                drafts.set(initial.clone());
            }
            ctx.settle(Key::Form(form.clone()));
        })
    };

    let field_views = props.fields.iter().enumerate().map(|(index, field_spec)| {
        let id = format!("{}-{index}", props.id);
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
        if let Kind::Choice(options) = &field_spec.kind {
            let value = chosen(options, &value);
            let onchange = Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()));
            return html! {
                <div class="field">
                    <label for={id.clone()}>{ &field_spec.label }</label>
                    <select {id} {onchange}>
                        { for options.iter().map(|(v, words)| html! {
                            <option value={v.clone()} selected={*v == value}>{ words }</option>
                        }) }
                    </select>
                </div>
            };
        }
        let wide = field_spec.kind == Kind::Text;
        field(TextField {
            id: id.into(),
            label: field_spec.label.clone().into(),
            value: value.into(),
            input_class: classes!(if wide { "wide" } else { "figure" }),
            inputmode: (!wide).then_some("decimal"),
            required: wide,
            oninput: Some(Callback::from(move |e: InputEvent| set(text_of(e)))),
            error: error.map(|error| text::input_error(&field_spec.label, &error, ctx.lang)),
            ..TextField::default()
        })
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

/// A section of the budget screen: its title, a word while it has no line, its lines,
/// and under them the form that adds one.
pub fn budget_section(id: &'static str, title: &str, none_yet: Option<&'static str>, lines: Html, add: Html) -> Html {
    let body = html! {
        <>
            if let Some(none_yet) = none_yet {
                <p class="empty">{ none_yet }</p>
            }
            { lines }
            { add }
        </>
    };
    card("budget-section", id, title, body)
}
