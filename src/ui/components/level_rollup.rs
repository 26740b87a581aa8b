//! One level of the plan's tree rolled up: each element with its status and the counts
//! of statuses beneath it, fifty at a time.

use crate::ui::components::pager::{use_paged_table, PAGE_SIZE};
use crate::ui::context::use_ctx;
use crate::ui::kit::badge::status_badge;
use crate::ui::kit::same::Same;
use crate::ui::kit::table_head::column_heads;
use jalon::calc::rollup::Report;
use jalon::model::id::Id;
use jalon::words::text;
use std::collections::HashMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub level: usize,
    pub report: Same<Report>,
    pub codes: Same<HashMap<Id, String>>,
}

#[function_component(LevelRollup)]
pub fn level_rollup(props: &Props) -> Html {
    let ctx = use_ctx();
    let table = use_paged_table(PAGE_SIZE);
    let plan = &ctx.plan;
    let Some(name) = plan.level_name(props.level) else { return html! {} };
    let elements: Vec<&jalon::model::element::Element> =
        plan.elements.iter().filter(|e| e.level == props.level).collect();
    let heading = format!("level-{}-title", props.level);
    html! {
        <section class="card rollup" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ &name.plural }</h3>
            if elements.is_empty() {
                <p class="empty">{ ctx.words().no_element_level }</p>
            } else {
                { table.view(name.plural.clone(), elements.len(), html! {
                    <table>
                        <caption class="visually-hidden">{ &name.plural }</caption>
                        { column_heads(&[&name.singular, ctx.words().status, ctx.words().indicators_status], None) }
                        <tbody>
                            { for table.rows(&elements).iter().map(|e| {
                                let summary = props.report.element(&e.id);
                                let code = props.codes.get(&e.id).cloned().unwrap_or_default();
                                html! {
                                    <tr key={e.id.to_string()}>
                                        <th scope="row"><span class="code">{ code }</span>{ " " }{ &e.title }</th>
                                        <td>{ status_badge(summary.status(&plan.settings), ctx.lang) }</td>
                                        <td>{ text::status_counts(&summary, ctx.lang) }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                }) }
            }
        </section>
    }
}
