//! The actions linked to an objective, in the plan's own columns, with their état
//! d'avancement at the latest checkpoint on or before today.

use super::action_cells::read_only;
use super::column_picker::column_name;
use crate::ui::context::use_ctx;
use crate::ui::kit::badge::action_badge;
use jalon::calc::columns::{shown_columns, ActionColumn};
use jalon::model::id::Id;
use jalon::words::text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub objective: Id,
    /// The id of the heading that names the table.
    pub labelled_by: String,
}

#[function_component(ActionsTable)]
pub fn actions_table(props: &Props) -> Html {
    let ctx = use_ctx();
    let plan = &ctx.plan;
    let actions: Vec<_> = plan.actions_of(&props.objective).collect();
    if actions.is_empty() {
        return html! { <p class="empty">{ (ctx.words().none_yet)(&plan.action_name.plural) }</p> };
    }
    let checkpoint = plan.current_checkpoint();
    let progress_heading = match checkpoint {
        Some(c) => format!("{} — {} ({})", ctx.words().progress_at, c.label, text::day(c.date, ctx.lang)),
        None => ctx.words().progress_at.to_string(),
    };
    // The plan's own columns, but the objective this page is about.
    let columns: Vec<ActionColumn> =
        shown_columns(plan).into_iter().filter(|c| *c != ActionColumn::Objectives).collect();
    let codes = plan.codes();
    let heading = |column: ActionColumn| match column {
        ActionColumn::Progress => progress_heading.clone(),
        column => column_name(&ctx, column),
    };
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby={props.labelled_by.clone()}>
        <table class="actions actions-table cards-on-phone" aria-labelledby={props.labelled_by.clone()}>
            <thead>
                <tr>
                    <th scope="col">{ &plan.action_name.singular }</th>
                    { for columns.iter().map(|c| html! { <th scope="col">{ heading(*c) }</th> }) }
                </tr>
            </thead>
            <tbody>
                { for actions.iter().map(|a| {
                    let record = checkpoint.and_then(|c| a.progress_at(&c.id));
                    html! {
                        <tr>
                            <th scope="row">{ &a.title }</th>
                            { for columns.iter().map(|column| html! {
                                <td data-label={heading(*column)}>
                                    if *column == ActionColumn::Progress {
                                        { action_badge(record, ctx.lang) }
                                        if let Some(r) = record { <p class="narrative">{ &r.narrative }</p> }
                                    } else {
                                        { read_only(&ctx, a, *column, &codes) }
                                    }
                                </td>
                            }) }
                        </tr>
                    }
                }) }
            </tbody>
        </table>
        </div>
    }
}
