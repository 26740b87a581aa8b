//! A table of lines (a budget's revenues, rates, expenses, shares): its copy button,
//! scrolling on its own and named for assistive technologies, its column headings with
//! the last column's, the rows' buttons, named but not shown.

use crate::ui::context::Ctx;
use crate::ui::kit::copy_table::copyable;
use yew::prelude::*;

/// A column's heading, and whether it holds figures (aligned on the right).
pub type Column<'a> = (&'a str, bool);

/// The table `name`, copied from `copy`; `foot` is its `<tfoot>` when it has one.
pub fn line_table(
    ctx: &Ctx,
    copy: &NodeRef,
    name: &str,
    class: Option<&'static str>,
    columns: &[Column],
    rows: Html,
    foot: Html,
) -> Html {
    let name = AttrValue::from(name.to_owned());
    let table = html! {
        <table class={classes!("budget-table", class)}>
            <caption class="visually-hidden">{ name.clone() }</caption>
            <thead><tr>
                { for columns.iter().map(|(heading, figures)| html! {
                    <th scope="col" class={figures.then_some("num")}>{ *heading }</th>
                }) }
                <th scope="col"><span class="visually-hidden">{ ctx.words().actions }</span></th>
            </tr></thead>
            <tbody>{ rows }</tbody>
            { foot }
        </table>
    };
    copyable(copy, name, table)
}
