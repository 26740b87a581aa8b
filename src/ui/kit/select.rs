//! A `<select>` that shows what the plan holds.
//!
//! Once the user has picked an option, a `<select>` shows that pick, whatever its
//! options' `selected` say: after an undo, a redo or another tab's save it would keep
//! showing a choice the plan no longer holds. Its value is therefore set from the plan
//! after every render.

use yew::prelude::*;

/// The `<select>`'s ref, its value set to `value` after every render.
#[hook]
pub fn use_select_showing(value: String) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect(move || {
            if let Some(select) = node.cast::<web_sys::HtmlSelectElement>() {
                if select.value() != value {
                    select.set_value(&value);
                }
            }
        });
    }
    node
}
