//! A message about the page itself (storage, a refused change), announced to screen
//! readers and dismissed by the user.

use crate::ui::context::use_ctx;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: String,
    pub on_dismiss: Callback<()>,
}

#[function_component(Notice)]
pub fn notice(props: &Props) -> Html {
    let ctx = use_ctx();
    html! {
        <div class="notice" role="alert">
            <p>{ &props.text }</p>
            <button type="button" class="dismiss" onclick={props.on_dismiss.reform(|_| ())}>
                { ctx.tr("Fermer ce message", "Dismiss this message") }
            </button>
        </div>
    }
}
