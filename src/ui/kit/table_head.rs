//! A table's row of column headings, each a `<th scope="col">`, with at the end, where
//! the rows have buttons, a heading named for assistive technologies but not shown.

use yew::prelude::*;

/// The `<thead>` of `headings`; `buttons` names a last column of buttons, unseen.
pub fn column_heads(headings: &[&str], buttons: Option<&str>) -> Html {
    html! {
        <thead>
            <tr>
                { for headings.iter().map(|heading| html! { <th scope="col">{ *heading }</th> }) }
                if let Some(buttons) = buttons {
                    <th scope="col"><span class="visually-hidden">{ buttons }</span></th>
                }
            </tr>
        </thead>
    }
}
