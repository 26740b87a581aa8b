//! « Copier » for any table of the page: its cells as shown, read from the page and
//! put on the clipboard as Excel copies cells (tabs, quoted multi-line cells), so that
//! pasting into Excel gives the same columns. Buttons and the checks' notes are not
//! copied; a list or a field gives the value it shows.

use crate::ui::components::sheet_tools::copy;
use crate::ui::context::use_ctx;
use jalon::sheet::{write, Sheet};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The table, or an element holding it.
    pub table: NodeRef,
    /// What the table is, for the button's accessible name.
    pub name: AttrValue,
}

fn all(element: &Element, selector: &str) -> Vec<Element> {
    let Ok(found) = element.query_selector_all(selector) else { return Vec::new() };
    (0..found.length()).filter_map(|i| found.get(i)?.dyn_into::<Element>().ok()).collect()
}

/// A cell's text as the user reads it: a list's chosen option, a field's value, or its
/// text without its buttons and the checks' notes beside it.
fn cell_text(cell: &Element) -> String {
    if let Some(select) = all(cell, "select").into_iter().next().and_then(|s| s.dyn_into::<HtmlSelectElement>().ok()) {
        let index = select.selected_index();
        return select
            .options()
            .item(index.max(0) as u32)
            .and_then(|o| o.text_content())
            .unwrap_or_default()
            .trim()
            .to_owned();
    }
    if let Some(input) = all(cell, "input").into_iter().next().and_then(|i| i.dyn_into::<HtmlInputElement>().ok()) {
        return input.value();
    }
    let Ok(copy) = cell.clone_node_with_deep(true) else { return String::new() };
    let Ok(copy) = copy.dyn_into::<Element>() else { return String::new() };
    for left_out in all(&copy, "button, .notes") {
        left_out.remove();
    }
    copy.text_content().unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The table's rows as a sheet: its first row is the header; a column empty all the
/// way down (the row buttons') is left out.
fn read_table(holder: &Element) -> Sheet {
    let table = if holder.tag_name().eq_ignore_ascii_case("table") {
        Some(holder.clone())
    } else {
        all(holder, "table").into_iter().next()
    };
    let Some(table) = table else { return Sheet::default() };
    let mut rows: Vec<Vec<String>> =
        all(&table, "tr").iter().map(|row| all(row, "th, td").iter().map(cell_text).collect()).collect();
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let kept: Vec<usize> =
        (0..width).filter(|&c| rows.iter().skip(1).any(|r| r.get(c).is_some_and(|t| !t.is_empty()))).collect();
    for row in &mut rows {
        *row = kept.iter().map(|&c| row.get(c).cloned().unwrap_or_default()).collect();
    }
    let header = if rows.is_empty() { Vec::new() } else { rows.remove(0) };
    Sheet { header, rows }
}

#[function_component(CopyTable)]
pub fn copy_table(props: &Props) -> Html {
    let ctx = use_ctx();
    let copied = use_state(|| None::<bool>);
    let on_click = {
        let (table, copied, lang) = (props.table.clone(), copied.clone(), ctx.lang);
        Callback::from(move |_: MouseEvent| {
            let Some(holder) = table.cast::<Element>() else { return };
            let text = write::copied(&read_table(&holder), lang);
            let copied = copied.clone();
            copy(&text, Callback::from(move |ok| copied.set(Some(ok))));
        })
    };
    let w = ctx.words();
    html! {
        <span class="copy-table">
            <button type="button" class="small" aria-label={format!("{} — {}", w.sheet_copy, props.name)} onclick={on_click}>
                { w.sheet_copy }
            </button>
            <span role="status" class="copy-note">{
                match *copied {
                    Some(true) => w.sheet_copied,
                    Some(false) => w.sheet_copy_refused,
                    None => "",
                }
            }</span>
        </span>
    }
}

/// `table` with its « Copier » above it, scrolling on its own in a region named `name`.
pub fn copyable(copy: &NodeRef, name: impl Into<AttrValue>, table: Html) -> Html {
    let name = name.into();
    html! {
        <>
            <CopyTable table={copy.clone()} name={name.clone()} />
            <div ref={copy.clone()} class="table-scroll" tabindex="0" role="region" aria-label={name}>{ table }</div>
        </>
    }
}
