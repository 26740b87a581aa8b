//! « Précédent / Suivant » through a long list, with where the page lies
//! (« 1–50 sur 5 000 »), so that a screen renders one page of rows at a time.

use crate::ui::context::use_ctx;
use crate::ui::kit::copy_table::copyable;
use jalon::words::text;
use yew::prelude::*;

/// Rows per page on every paged list.
pub const PAGE_SIZE: usize = 50;

/// The rows of `items` on page `page` (from 0).
pub fn rows_of<T>(items: &[T], page: usize) -> &[T] {
    rows_in(items, page, PAGE_SIZE)
}

/// The rows of `items` on page `page` of pages of `size` rows.
pub fn rows_in<T>(items: &[T], page: usize, size: usize) -> &[T] {
    let start = clamp_in(page, items.len(), size) * size;
    &items[start.min(items.len())..(start + size).min(items.len())]
}

/// The page that holds the last row, when a list shrank under the page shown.
pub fn clamp_page(page: usize, total: usize) -> usize {
    clamp_in(page, total, PAGE_SIZE)
}

fn clamp_in(page: usize, total: usize, size: usize) -> usize {
    page.min(total.saturating_sub(1) / size.max(1))
}

/// The page shown of a paged list (from 0), and the callback that turns to another.
#[hook]
pub fn use_page() -> (usize, Callback<usize>) {
    let page = use_state(|| 0usize);
    let shown = *page;
    (shown, Callback::from(move |to| page.set(to)))
}

/// A table shown a page at a time: « Copier » over the page shown, and the pager under
/// it, hidden while one page holds every row.
pub struct PagedTable {
    copy: NodeRef,
    page: usize,
    on_page: Callback<usize>,
    size: usize,
}

/// A `PagedTable` of pages of `size` rows.
#[hook]
pub fn use_paged_table(size: usize) -> PagedTable {
    let copy = use_node_ref();
    let (page, on_page) = use_page();
    PagedTable { copy, page, on_page, size }
}

impl PagedTable {
    /// The rows of `items` on the page shown.
    pub fn rows<'a, T>(&self, items: &'a [T]) -> &'a [T] {
        rows_in(items, self.page, self.size)
    }

    /// `table`, the page shown of `total` rows, named `name` for its copy and its pager.
    pub fn view(&self, name: impl Into<AttrValue>, total: usize, table: Html) -> Html {
        let name = name.into();
        html! {
            <>
                { copyable(&self.copy, name.clone(), table) }
                <Pager {total} page={self.page} on_page={self.on_page.clone()} hide_single_page=true label={name} size={self.size} />
            </>
        }
    }
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
    /// Rows per page, where a row is large (an objective with all its indicators).
    #[prop_or(PAGE_SIZE)]
    pub size: usize,
}

#[function_component(Pager)]
pub fn pager(props: &Props) -> Html {
    let ctx = use_ctx();
    let size = props.size.max(1);
    if props.hide_single_page && props.total <= size {
        return html! {};
    }
    let page = clamp_in(props.page, props.total, size);
    let first = page * size;
    let last = (first + size).min(props.total);
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
    let paged = props.total > size;
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
