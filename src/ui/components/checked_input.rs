//! A labelled text field of the settings forms, with why its text was not kept said
//! under it: not read (`jalon::words::input`), or refused by the change it was for.

use crate::ui::context::Ctx;
use jalon::edit::Refused;
use jalon::words::input::InputError;
use jalon::words::text;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Why a field's text was not kept.
#[derive(Clone, PartialEq)]
pub enum Problem {
    Unread(InputError),
    Refused(Refused),
}

/// The field `id`, showing `state` and writing into it as the user types (which also
/// clears `saved`, the form's « enregistré »).
pub fn checked_input(
    ctx: &Ctx,
    id: &'static str,
    label: &'static str,
    state: &UseStateHandle<String>,
    saved: &UseStateHandle<bool>,
    problem: &Option<Problem>,
    inputmode: Option<&'static str>,
) -> Html {
    let on_input = {
        let (state, saved) = (state.clone(), saved.clone());
        Callback::from(move |e: InputEvent| {
            state.set(e.target_unchecked_into::<HtmlInputElement>().value());
            saved.set(false);
        })
    };
    let message = problem.as_ref().map(|p| match p {
        Problem::Unread(error) => text::input_error(label, error, ctx.lang),
        Problem::Refused(why) => text::refused(&ctx.plan, why, ctx.lang),
    });
    let error_id = format!("{id}-error");
    html! {
        <div class="field">
            <label for={id}>{ label }</label>
            <input id={id} type="text" {inputmode} value={(**state).clone()} oninput={on_input}
                aria-invalid={message.is_some().then_some("true")}
                aria-describedby={message.is_some().then(|| error_id.clone())} />
            if let Some(message) = message {
                <p class="field-error" id={error_id} role="alert">{ message }</p>
            }
        </div>
    }
}
