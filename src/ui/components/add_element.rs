//! The form that adds an element to the tree, at the top level or under a parent: only
//! its title is asked; the rest is edited afterwards.

use crate::ui::context::{fresh_id, use_ctx};
use crate::ui::drafts;
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::model::id::Id;
use jalon::model::subject::Subject;
use jalon::words::draft::{Form, Key};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub parent: Option<Id>,
    /// The plan's word for the new element (« Objectif »).
    pub noun: String,
    /// The DOM id of the title field, unique on the page.
    pub field: String,
    /// Called with the new element's id, or `None` when cancelled.
    pub on_done: Callback<Option<Id>>,
}

#[function_component(AddElement)]
pub fn add_element_form(props: &Props) -> Html {
    let ctx = use_ctx();
    let title = use_state(String::new);
    let form = Form::NewElement(props.parent.clone());
    let (kept, mark) = drafts::use_form(form.clone());
    let on_input = {
        let title = title.clone();
        Callback::from(move |e: InputEvent| title.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_submit = {
        let (ctx, title, on_done, parent) = (ctx.clone(), title.clone(), props.on_done.clone(), props.parent.clone());
        let form = form.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if title.trim().is_empty() {
                return;
            }
            let id = fresh_id("element");
            let change = Change::AddElement { id: id.clone(), parent: parent.clone(), title: (*title).clone() };
            ctx.edit_settled(Key::Form(form.clone()), Act::new(What::Added, Subject::Element(id.clone())), change);
            on_done.emit(Some(id));
        })
    };
    let on_cancel = {
        let (ctx, on_done) = (ctx.clone(), props.on_done.clone());
        Callback::from(move |_: MouseEvent| {
            ctx.discard(form.clone());
            on_done.emit(None);
        })
    };
    let label = (ctx.words().title_of)(&props.noun);
    html! {
        <form class="add-form inline-form" onsubmit={on_submit} ref={kept} data-draft={mark}>
            <label for={props.field.clone()}>{ label }</label>
            <input id={props.field.clone()} type="text" value={(*title).clone()} oninput={on_input} required=true />
            <button type="submit" class="primary">{ ctx.words().add }</button>
            <button type="button" onclick={on_cancel}>{ ctx.words().cancel }</button>
        </form>
    }
}
