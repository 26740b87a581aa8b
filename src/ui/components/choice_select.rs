//! A list of a few choices for one setting of the plan, showing what the plan holds
//! (`kit::select`).

use crate::ui::kit::select::use_select_showing;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    /// Each choice's value and words, in the list's order.
    pub choices: Vec<(AttrValue, AttrValue)>,
    /// The value of the choice the plan holds.
    pub current: AttrValue,
    /// Called with the value chosen.
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub described_by: Option<AttrValue>,
}

#[function_component(ChoiceSelect)]
pub fn choice_select(props: &Props) -> Html {
    let node = use_select_showing(props.current.to_string());
    let on_change = props.on_change.reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlSelectElement>().value());
    html! {
        <select ref={node} id={props.id.clone()} onchange={on_change} aria-describedby={props.described_by.clone()}>
            { for props.choices.iter().map(|(value, words)| html! {
                <option value={value.clone()} selected={*value == props.current}>{ words.clone() }</option>
            }) }
        </select>
    }
}
