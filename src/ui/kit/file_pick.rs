//! The button that chooses a file, in the page's language. A file input draws its own
//! words (« Choose File », « No file chosen ») in the browser's language, whatever the
//! page's: the input stays hidden, and this button opens it, from the keyboard too.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The button saying `label`, and the hidden input `id` (`accept`, `multiple`) whose
/// `change` goes to `on_pick`.
pub fn file_pick(
    id: &'static str,
    label: &str,
    accept: &'static str,
    multiple: bool,
    on_pick: Callback<Event>,
) -> Html {
    let onclick = Callback::from(move |_: MouseEvent| {
        if let Some(input) = gloo::utils::document().get_element_by_id(id) {
            input.unchecked_into::<HtmlElement>().click();
        }
    });
    html! {
        <>
            <button type="button" {onclick}>{ label.to_owned() }</button>
            <input {id} type="file" hidden=true tabindex="-1" {accept} {multiple} onchange={on_pick} />
        </>
    }
}
