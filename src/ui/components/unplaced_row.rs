//! One row a pasted plan could not place: its number, why, its cells, and the choice
//! to place it (where) or drop it. The list of places opens only for the row being
//! placed, so that a long plan's every row does not carry every element.

use crate::ui::context::use_ctx;
use crate::ui::kit::row::set_to;
use jalon::rebuild::{Place, Unplaced};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// A place offered for an unplaced row, with its label.
#[derive(Clone, PartialEq)]
pub struct Choice {
    pub label: String,
    pub place: Place,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub index: usize,
    pub row: Unplaced,
    /// Why, in the plan's words.
    pub why: String,
    pub choices: Rc<Vec<Choice>>,
    pub on_place: Callback<(usize, Place)>,
    pub on_drop: Callback<usize>,
}

#[function_component(UnplacedRow)]
pub fn unplaced_row(props: &Props) -> Html {
    let ctx = use_ctx();
    let words = ctx.words();
    let open = use_state(|| false);
    let chosen = use_state(|| 0usize);
    // The list of places takes the focus when it opens, for keyboard users.
    let select = use_node_ref();
    {
        let select = select.clone();
        use_effect_with(*open, move |open| {
            if *open {
                if let Some(list) = select.cast::<HtmlSelectElement>() {
                    let _ = list.focus();
                }
            }
        });
    }
    let number = props.row.row;
    // « Rest of an action » only for cells a header named.
    let has_columns = props.row.columns.iter().zip(&props.row.cells).any(|(c, cell)| c.is_some() && !cell.is_empty());
    let choices: Vec<&Choice> =
        props.choices.iter().filter(|c| has_columns || !matches!(c.place, Place::Into { .. })).collect();

    let on_open = set_to(&open, true);
    let on_cancel = set_to(&open, false);
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            chosen.set(value.parse().unwrap_or(0));
        })
    };
    let on_submit = {
        let (on_place, index) = (props.on_place.clone(), props.index);
        let place = choices.get(*chosen).map(|c| c.place.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(place) = place.clone() {
                on_place.emit((index, place));
            }
        })
    };
    let on_drop = {
        let (on_drop, index) = (props.on_drop.clone(), props.index);
        Callback::from(move |_| on_drop.emit(index))
    };
    let select_id = format!("place-row-{}-{}", number, props.index);
    let at = jalon::rebuild::words::place(&props.row, ctx.lang);
    let cells: Vec<&str> = props.row.filled().collect();

    html! {
        <li class="unplaced-row">
            <p class="unplaced-head">
                <span class="row-number">{ at.clone() }</span>
                <span class="why">{ &props.why }</span>
            </p>
            <ul class="cells">
                { for cells.iter().map(|cell| html! { <li><bdi>{ *cell }</bdi></li> }) }
            </ul>
            if *open {
                <form class="place-form" onsubmit={on_submit}>
                    <label for={select_id.clone()}>{ (words.where_to_place)(&at) }</label>
                    <select id={select_id} ref={select} onchange={on_choose}>
                        { for choices.iter().enumerate().map(|(i, c)| html! {
                            <option value={i.to_string()} selected={i == *chosen}>{ &c.label }</option>
                        }) }
                    </select>
                    <div class="buttons">
                        <button type="submit" class="primary">{ words.place_verb }</button>
                        <button type="button" onclick={on_cancel}>{ words.cancel }</button>
                    </div>
                </form>
            } else {
                <div class="buttons">
                    <button type="button" onclick={on_open} aria-label={(words.place_row)(&at)}>{ words.place_verb }</button>
                    <button type="button" onclick={on_drop} aria-label={(words.drop_row)(&at)}>{ words.drop_verb }</button>
                </div>
            }
        </li>
    }
}

/// Why `row` was not placed, in `plan`'s words and the page's language.
pub fn why(row: &Unplaced, plan: &jalon::model::plan::Plan, lang: jalon::words::lang::Lang) -> String {
    jalon::rebuild::words::why(&row.why, plan, lang)
}
