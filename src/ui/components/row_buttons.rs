//! A row's « Modifier » and « Supprimer » buttons, each named for assistive technologies
//! by what it acts on (« Modifier « Taux A » »), since a table holds many of them.

use crate::ui::context::use_ctx;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub edit_name: AttrValue,
    pub delete_name: AttrValue,
    pub on_edit: Callback<MouseEvent>,
    pub on_delete: Callback<MouseEvent>,
    /// The visible words, when not « Modifier » and « Supprimer » (« Renommer », « Retirer »).
    #[prop_or_default]
    pub edit_word: Option<AttrValue>,
    #[prop_or_default]
    pub delete_word: Option<AttrValue>,
    /// Whether « Supprimer » is offered (not for what a part's recipient may not delete).
    #[prop_or(true)]
    pub deletable: bool,
}

#[function_component(RowButtons)]
pub fn row_buttons(props: &Props) -> Html {
    let words = use_ctx().words();
    html! {
        <>
            <button type="button" onclick={props.on_edit.clone()} aria-label={props.edit_name.clone()}>
                { props.edit_word.clone().unwrap_or(words.edit.into()) }</button>
            if props.deletable {
                <button type="button" class="danger" onclick={props.on_delete.clone()} aria-label={props.delete_name.clone()}>
                    { props.delete_word.clone().unwrap_or(words.delete.into()) }</button>
            }
        </>
    }
}
