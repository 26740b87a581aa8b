//! A list of a few choices for one setting of the plan, showing what the plan holds.
//!
//! As for `status_select`, a `<select>` keeps showing the user's last pick once they made
//! one, whatever its options' `selected` say: after an undo it would show a choice the
//! plan no longer holds. Its value is therefore set from the plan after every render.

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
    let node = use_node_ref();
    {
        let (node, value) = (node.clone(), props.current.clone());
        use_effect(move || {
            if let Some(select) = node.cast::<web_sys::HtmlSelectElement>() {
                if select.value() != value.as_str() {
                    select.set_value(&value);
                }
            }
        });
    }
    let on_change = props.on_change.reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlSelectElement>().value());
    html! {
        <select ref={node} id={props.id.clone()} onchange={on_change} aria-describedby={props.described_by.clone()}>
            { for props.choices.iter().map(|(value, words)| html! {
                <option value={value.clone()} selected={*value == props.current}>{ words.clone() }</option>
            }) }
        </select>
    }
}
