//! The dashboard (being written): for now, the plan's checks.

use crate::ui::components::checks::Checks;
use crate::ui::context::use_ctx;
use yew::prelude::*;

#[function_component(Dashboard)]
pub fn dashboard() -> Html {
    let ctx = use_ctx();
    html! {
        <>
            <h1>{ ctx.tr("Tableau de bord", "Dashboard") }</h1>
            <Checks plan={ctx.plan.clone()} lang={ctx.lang} />
        </>
    }
}
