//! The confirmation of a deletion, which says in the plan's own words what goes with
//! the element: its descendants per level, its indicators, and the actions that lose
//! a link to it.

use crate::ui::context::use_ctx;
use jalon::edit::history::{Act, What};
use jalon::edit::structure::deletion_impact;
use jalon::edit::Change;
use jalon::model::id::Id;
use jalon::model::subject::Subject;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: Id,
    /// The element as the tree names it (« Orientation 1 — … »).
    pub name: String,
    /// Prefix of the DOM ids, unique on the page.
    pub key_prefix: String,
    /// Called once deleted (`true`) or kept (`false`).
    pub on_done: Callback<bool>,
}

#[function_component(DeleteElement)]
pub fn delete_confirmation(props: &Props) -> Html {
    let ctx = use_ctx();
    let Some(impact) = deletion_impact(&ctx.plan, &props.id) else { return html! {} };
    let on_confirm = {
        let (ctx, id, on_done) = (ctx.clone(), props.id.clone(), props.on_done.clone());
        Callback::from(move |_: MouseEvent| {
            let id = id.clone();
            ctx.edit(Act::new(What::Deleted, Subject::Element(id.clone())), Change::DeleteElement { element: id });
            on_done.emit(true);
        })
    };
    let on_keep = props.on_done.reform(|_: MouseEvent| false);
    let title = format!("{}-title", props.key_prefix);
    let detail = format!("{}-detail", props.key_prefix);
    html! {
        <div class="confirm delete-confirm" role="group" aria-labelledby={title.clone()} aria-describedby={detail.clone()}>
            <p id={title}><strong>{ (ctx.words().delete_question)(&props.name) }</strong></p>
            <p id={detail}>{ (ctx.words().deletion_impact)(&ctx.plan, &impact) }</p>
            <button type="button" class="danger" onclick={on_confirm}>{ ctx.words().delete_good }</button>
            <button type="button" id={format!("{}-keep", props.key_prefix)} onclick={on_keep}>{ ctx.words().cancel }</button>
        </div>
    }
}
