//! An objective's page (being rewritten as an editor).

use crate::ui::components::objective::Objective;
use crate::ui::context::use_ctx;
use jalon::id::Id;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: Id,
}

#[function_component(ObjectivePage)]
pub fn objective_page(props: &Props) -> Html {
    let ctx = use_ctx();
    html! {
        <>
            <h1>{ ctx.tr("Objectif", "Objective") }</h1>
            <Objective plan={ctx.plan.clone()} id={props.id.clone()} lang={ctx.lang} today={ctx.today} />
        </>
    }
}
