//! The partners' screen (#/partenaires): send a part, open a return to merge it, and
//! see who has answered for each checkpoint. A part's recipient sees what the part is
//! and how to send it back.

use crate::ui::components::plan_import::PlanImport;
use crate::ui::components::send_part::SendPart;
use crate::ui::components::sendings_list::SendingsList;
use crate::ui::context::use_ctx;
use yew::prelude::*;

#[function_component(Sharing)]
pub fn sharing() -> Html {
    let ctx = use_ctx();
    if ctx.plan.part.is_some() {
        // The banner above every screen already says it all.
        return html! {
            <>
                <h1>{ ctx.words().sharing_heading }</h1>
            </>
        };
    }
    html! {
        <>
            <h1>{ ctx.words().sharing_heading }</h1>
            <p class="intro">{ ctx.words().sharing_intro }</p>
            <div class="sharing">
                <SendPart />
                <PlanImport returns=true />
                <SendingsList />
            </div>
        </>
    }
}
