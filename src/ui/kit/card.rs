//! A card of a screen: a section named by its heading.

use yew::prelude::*;

/// The card `class` holding `body` under its heading `title`, whose DOM id is `id`.
pub fn card(class: &'static str, id: &'static str, title: &str, body: Html) -> Html {
    html! {
        <section class={classes!("card", class)} aria-labelledby={id}>
            <h2 {id}>{ title.to_owned() }</h2>
            { body }
        </section>
    }
}
