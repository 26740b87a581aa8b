//! Action statistics by group (responsible unit or partner): how many actions are in each
//! state at a checkpoint, as a bar and in figures, fifty groups at a time.

use crate::ui::components::pager::{use_paged_table, PAGE_SIZE};
use crate::ui::components::stacked_bar::{action_parts, StackedBar};
use crate::ui::context::use_ctx;
use crate::ui::kit::same::Same;
use jalon::calc::rollup::ActionCounts;
use jalon::model::action::ActionStatus;
use jalon::words::text;
use std::collections::BTreeMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The section's heading (« Par unité responsable »).
    pub title: AttrValue,
    /// The first column's heading (« Responsable »).
    pub group: AttrValue,
    /// A name for the group with no name (« Sans responsable »).
    pub unnamed: AttrValue,
    pub rows: Same<BTreeMap<String, ActionCounts>>,
}

#[function_component(ActionStatsTable)]
pub fn action_stats_table(props: &Props) -> Html {
    let ctx = use_ctx();
    let table = use_paged_table(PAGE_SIZE);
    let rows: Vec<(&String, &ActionCounts)> = props.rows.iter().collect();
    // On a phone each row is a card naming its counts; a zero there is left out.
    let count_cell = |label: &str, value: usize| {
        html! {
            <td class={if value == 0 { "num zero" } else { "num" }} data-label={label.to_owned()}>
                { text::number(value as f64, 0, ctx.lang) }
            </td>
        }
    };
    html! {
        <section class="action-stats">
            <h3>{ props.title.clone() }</h3>
            if rows.is_empty() {
                <p class="empty">{ ctx.words().none_found }</p>
            } else {
                { table.view(props.title.clone(), rows.len(), html! {
                    <table class="cards-on-phone">
                        <caption class="visually-hidden">{ props.title.clone() }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ props.group.clone() }</th>
                                <th scope="col" class="bar-col"><span class="visually-hidden">{ ctx.words().breakdown }</span></th>
                                { for ActionStatus::ALL.iter().map(|s| html! {
                                    <th scope="col" class="num">{ text::action_status(*s, ctx.lang) }</th>
                                }) }
                                <th scope="col" class="num">{ ctx.words().no_report }</th>
                                <th scope="col" class="num">{ ctx.words().total }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for table.rows(&rows).iter().map(|(name, counts)| {
                                let name = if name.is_empty() { props.unnamed.to_string() } else { (*name).clone() };
                                html! {
                                    <tr key={name.clone()}>
                                        <th scope="row">{ name }</th>
                                        <td class="bar-col"><StackedBar parts={action_parts(counts, ctx.lang)} /></td>
                                        { for ActionStatus::ALL.iter().map(|s| count_cell(text::action_status(*s, ctx.lang), counts.count(*s))) }
                                        { count_cell(ctx.words().no_report, counts.not_reported) }
                                        { count_cell(ctx.words().total, counts.total()) }
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
