//! (being written)

use crate::ui::context::use_ctx;
use yew::prelude::*;

#[function_component(FollowUp)]
pub fn screen() -> Html {
    let ctx = use_ctx();
    html! { <h1>{ ctx.tr("Suivi", "Follow-up") }</h1> }
}
