//! A message about the page itself (storage, a refused change), announced to screen
//! readers and dismissed by the user; some offer a download of what they speak of.

use crate::ui::context::use_ctx;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: String,
    pub on_dismiss: Callback<()>,
    #[prop_or_default]
    pub download: Option<Callback<()>>,
}

#[function_component(Notice)]
pub fn notice(props: &Props) -> Html {
    let ctx = use_ctx();
    html! {
        <div class="notice" role="alert">
            <p>{ &props.text }</p>
            if let Some(download) = &props.download {
                <button type="button" onclick={download.reform(|_| ())}>
                    { ctx.words().download_data_set_aside }
                </button>
            }
            <button type="button" class="dismiss" onclick={props.on_dismiss.reform(|_| ())}>
                { ctx.words().dismiss_message }
            </button>
        </div>
    }
}
