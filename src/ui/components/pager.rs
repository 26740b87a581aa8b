//! « Précédent / Suivant » through a long list, with where the page lies
//! (« 1–50 sur 5 000 »), so that a screen renders one page of rows at a time.

use crate::ui::context::use_ctx;
use jalon::text;
use yew::prelude::*;

/// Rows per page on every paged list.
pub const PAGE_SIZE: usize = 50;

/// The rows of `items` on page `page` (from 0).
pub fn rows_of<T>(items: &[T], page: usize) -> &[T] {
    let start = clamp_page(page, items.len()) * PAGE_SIZE;
    &items[start.min(items.len())..(start + PAGE_SIZE).min(items.len())]
}

/// The page that holds the last row, when a list shrank under the page shown.
pub fn clamp_page(page: usize, total: usize) -> usize {
    page.min(total.saturating_sub(1) / PAGE_SIZE)
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The number of rows in the whole list.
    pub total: usize,
    /// The page shown, from 0.
    pub page: usize,
    pub on_page: Callback<usize>,
    /// What is paged, for screen readers (« Pages des moyens »).
    pub label: AttrValue,
    /// Shows nothing when one page holds every row (short lists on the dashboard).
    #[prop_or_default]
    pub hide_single_page: bool,
}

#[function_component(Pager)]
pub fn pager(props: &Props) -> Html {
    let ctx = use_ctx();
    if props.hide_single_page && props.total <= PAGE_SIZE {
        return html! {};
    }
    let page = clamp_page(props.page, props.total);
    let first = page * PAGE_SIZE;
    let last = (first + PAGE_SIZE).min(props.total);
    let number = |n: usize| text::number(n as f64, 0, ctx.lang);
    let range = if props.total == 0 {
        ctx.words().no_row.to_string()
    } else {
        (ctx.words().range_of)(&number(first + 1), &number(last), &number(props.total))
    };
    let go = |to: usize| props.on_page.reform(move |_: MouseEvent| to);
    let has_previous = page > 0;
    let has_next = last < props.total;
    // One page needs no buttons, only where it lies.
    let paged = props.total > PAGE_SIZE;
    html! {
        <nav class="pager" aria-label={props.label.clone()}>
            if paged {
                <button type="button" disabled={!has_previous} onclick={go(page.saturating_sub(1))}>
                    { ctx.words().previous }
                </button>
            }
            <span class="pager-range" role="status">{ range }</span>
            if paged {
                <button type="button" disabled={!has_next} onclick={go(page + 1)}>
                    { ctx.words().next }
                </button>
            }
        </nav>
    }
}
