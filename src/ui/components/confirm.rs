//! The question asked before a deletion or a lock: what it takes, the button that does
//! it, the one that keeps things as they are. One block, so that every screen asks the
//! same way and names the group for screen readers.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The group's name for assistive technologies (« Supprimer « Plan X » »).
    pub label: AttrValue,
    pub message: AttrValue,
    /// The button that does it (« Supprimer définitivement »).
    pub yes: AttrValue,
    /// The button that keeps things as they are (« Garder le plan »).
    pub no: AttrValue,
    pub on_yes: Callback<MouseEvent>,
    pub on_no: Callback<MouseEvent>,
    /// Where it stands, for the screen's layout (« confirm-box »).
    #[prop_or_default]
    pub class: Classes,
}

#[function_component(Confirm)]
pub fn confirm(props: &Props) -> Html {
    html! {
        <div class={classes!("confirm", props.class.clone())} role="group" aria-label={props.label.clone()}>
            <p>{ &props.message }</p>
            <button type="button" class="danger" onclick={props.on_yes.clone()}>{ &props.yes }</button>
            <button type="button" onclick={props.on_no.clone()}>{ &props.no }</button>
        </div>
    }
}
