//! Several user strings on one line (organisations, partners, target groups), each in
//! its own `<bdi>`: a name written right to left, or holding a direction override,
//! then cannot reorder the names after it nor the separators between them.

use yew::prelude::*;

/// `items` joined by `separator`, each isolated for bidirectional text.
pub fn joined<'a>(items: impl IntoIterator<Item = &'a str>, separator: &'static str) -> Html {
    let items = items.into_iter().enumerate().map(|(i, item)| {
        html! { <>{ (i > 0).then_some(separator) }<bdi>{ item.to_string() }</bdi></> }
    });
    html! { <>{ for items }</> }
}
