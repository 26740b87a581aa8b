//! (being written)

use crate::ui::context::use_ctx;
use yew::prelude::*;

#[function_component(Indicators)]
pub fn screen() -> Html {
    let ctx = use_ctx();
    html! { <h1>{ ctx.tr("Indicateurs", "Indicators") }</h1> }
}
