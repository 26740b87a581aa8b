//! A message about the page itself (storage, files), announced to screen readers.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: String,
}

#[function_component(Notice)]
pub fn notice(props: &Props) -> Html {
    html! { <p class="notice" role="alert">{ &props.text }</p> }
}
