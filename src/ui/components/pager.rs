//! Pages through a long list, fifty rows at a time: « Précédent », « Suivant » and where
//! the page stands (« 1–50 sur 1 000 »), so that a plan of thousands stays quick.

use crate::ui::context::use_ctx;
use jalon::text;
use yew::prelude::*;

pub const PAGE: usize = 50;

/// The rows of `items` on the page starting at `start`.
pub fn page<T>(items: &[T], start: usize) -> &[T] {
    let start = start.min(items.len());
    &items[start..(start + PAGE).min(items.len())]
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub total: usize,
    pub start: usize,
    pub on_change: Callback<usize>,
    /// What is paged, for the navigation's name (« Objectifs »).
    pub label: AttrValue,
}

#[function_component(Pager)]
pub fn pager(props: &Props) -> Html {
    let ctx = use_ctx();
    if props.total <= PAGE {
        return html! {};
    }
    let n = |value: usize| text::number(value as f64, 0, ctx.lang);
    let start = props.start.min(props.total.saturating_sub(1));
    let end = (start + PAGE).min(props.total);
    let where_ = format!("{}–{} {} {}", n(start + 1), n(end), ctx.tr("sur", "of"), n(props.total));
    let go = |to: usize| {
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| on_change.emit(to))
    };
    html! {
        <nav class="pager" aria-label={format!("{} — {}", props.label, ctx.tr("pages", "pages"))}>
            <button type="button" disabled={start == 0} onclick={go(start.saturating_sub(PAGE))}>
                { ctx.tr("Précédent", "Previous") }
            </button>
            <span role="status">{ where_ }</span>
            <button type="button" disabled={end >= props.total} onclick={go(end)}>
                { ctx.tr("Suivant", "Next") }
            </button>
        </nav>
    }
}
