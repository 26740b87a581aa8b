//! The actions linked to an objective, with their état d'avancement at the latest
//! checkpoint on or before today.

use super::joined::joined;
use crate::ui::context::use_ctx;
use jalon::id::Id;
use jalon::text;
use jalon::words::words;
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
    let l = words(ctx.lang);
    let plan = &ctx.plan;
    let actions: Vec<_> = plan.actions_of(&props.objective).collect();
    if actions.is_empty() {
        return html! { <p class="empty">{ l.no_action }</p> };
    }
    let checkpoint = plan.current_checkpoint();
    let progress_heading = match checkpoint {
        Some(c) => format!("{} — {} ({})", l.progress_at, c.label, text::day(c.date, ctx.lang)),
        None => l.progress_at.to_string(),
    };
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby={props.labelled_by.clone()}>
        <table class="actions" aria-labelledby={props.labelled_by.clone()}>
            <thead>
                <tr>
                    <th scope="col">{ &plan.action_name.singular }</th>
                    <th scope="col">{ l.target_groups }</th>
                    <th scope="col">{ l.responsible }</th>
                    <th scope="col">{ l.implementation }</th>
                    <th scope="col">{ l.evaluation }</th>
                    <th scope="col">{ progress_heading }</th>
                </tr>
            </thead>
            <tbody>
                { for actions.iter().map(|a| {
                    let record = checkpoint.and_then(|c| a.progress_at(&c.id));
                    html! {
                        <tr>
                            <th scope="row">{ &a.title }</th>
                            <td>{ joined(a.groups.iter().map(|g| text::target_group(&ctx.plan, g)).collect::<Vec<_>>().iter().map(String::as_str), ", ") }</td>
                            <td>{ &a.responsible }</td>
                            <td>{ &a.implementation }</td>
                            <td>{ &a.evaluation }</td>
                            <td>
                                { match record {
                                    Some(r) => html! {
                                        <>
                                            <span class={classes!("badge", format!("action-{:?}", r.status).to_lowercase())}>
                                                { text::action_status(r.status, ctx.lang) }
                                                { r.percent.map(|p| format!(" · {}", text::percent(f64::from(p), ctx.lang))).unwrap_or_default() }
                                            </span>
                                            <p class="narrative">{ &r.narrative }</p>
                                        </>
                                    },
                                    None => html! { <span class="badge">{ l.no_report }</span> },
                                } }
                            </td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
        </div>
    }
}
