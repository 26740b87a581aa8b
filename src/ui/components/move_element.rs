//! The form that moves an element, with its descendants, under another parent of the
//! level just above its own: a list of the valid parents, never a drag.

use crate::ui::context::use_ctx;
use jalon::edit::history::{Act, What};
use jalon::edit::structure::valid_parents;
use jalon::edit::Change;
use jalon::model::id::Id;
use jalon::model::subject::Subject;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: Id,
    /// The DOM id of the list, unique on the page.
    pub field: String,
    /// Called once moved (`true`) or cancelled (`false`).
    pub on_done: Callback<bool>,
}

#[function_component(MoveElement)]
pub fn move_element(props: &Props) -> Html {
    let ctx = use_ctx();
    let parents: Vec<(Id, String)> = {
        let plan = &ctx.plan;
        valid_parents(plan, &props.id)
            .into_iter()
            .map(|e| {
                let level = plan.level_name(e.level).map_or("", |n| n.singular.as_str());
                (e.id.clone(), format!("{level} {} — {}", plan.code_of(&e.id), e.title))
            })
            .collect()
    };
    let chosen = use_state(|| parents.first().map(|(id, _)| id.clone()));
    let on_change = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            chosen.set(Some(Id::new(e.target_unchecked_into::<HtmlSelectElement>().value())))
        })
    };
    let on_submit = {
        let (ctx, chosen, on_done, id) = (ctx.clone(), chosen.clone(), props.on_done.clone(), props.id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(parent) = (*chosen).clone() else { return };
            let id = id.clone();
            ctx.edit(
                Act::new(What::Moved, Subject::Element(id.clone())),
                Change::MoveElement { element: id, parent: Some(parent) },
            );
            on_done.emit(true);
        })
    };
    let on_cancel = props.on_done.reform(|_: MouseEvent| false);
    html! {
        <form class="move-form inline-form" onsubmit={on_submit}>
            <label for={props.field.clone()}>{ ctx.words().move_under }</label>
            <select id={props.field.clone()} onchange={on_change}>
                { for parents.iter().map(|(id, name)| html! {
                    <option value={id.to_string()} selected={chosen.as_ref() == Some(id)}>{ name }</option>
                }) }
            </select>
            <button type="submit" class="primary">{ ctx.words().move_verb }</button>
            <button type="button" onclick={on_cancel}>{ ctx.words().cancel }</button>
        </form>
    }
}
