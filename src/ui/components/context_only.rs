//! What a part's recipient is shown but does not change: the plan's context, its
//! controls disabled (the core refuses the change anyway, see `share::part::permits`).
//! In a whole plan, the children as they are.

use crate::ui::context::use_ctx;
use jalon::edit::permits::Asked;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub children: Html,
}

#[function_component(ContextOnly)]
pub fn context_only(props: &Props) -> Html {
    let ctx = use_ctx();
    if ctx.may(Asked::Context) {
        return props.children.clone();
    }
    html! {
        <fieldset class="context-only" disabled=true>
            <legend class="visually-hidden">{ ctx.words().part_context }</legend>
            { props.children.clone() }
        </fieldset>
    }
}
