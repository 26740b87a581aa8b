//! The plan's tree (being rewritten as an editor).

use crate::ui::components::plan_tree::PlanTree;
use crate::ui::context::use_ctx;
use yew::prelude::*;

#[function_component(Structure)]
pub fn structure() -> Html {
    let ctx = use_ctx();
    html! {
        <>
            <h1>{ ctx.tr("Structure du plan", "Plan structure") }</h1>
            <PlanTree plan={ctx.plan.clone()} lang={ctx.lang} today={ctx.today} />
        </>
    }
}
