//! The actions linked to an objective, with their état d'avancement at the latest
//! checkpoint.

use crate::ui::labels::labels;
use jalon::action::Action;
use jalon::id::Id;
use jalon::plan::Plan;
use jalon::text::{self, Lang};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub plan: Rc<Plan>,
    pub objective: Id,
    pub lang: Lang,
}

#[function_component(ActionsTable)]
pub fn actions_table(props: &Props) -> Html {
    let l = labels(props.lang);
    let plan = &props.plan;
    let actions: Vec<&Action> = plan.actions_of(&props.objective).collect();
    let action_names = &plan.action_name.plural;
    if actions.is_empty() {
        return html! { <p class="empty">{ l.no_action }</p> };
    }
    let checkpoint = plan.checkpoints.iter().max_by_key(|c| c.date);
    let progress_heading = match checkpoint {
        Some(c) => format!("{} — {} ({})", l.progress_at, c.label, text::day(c.date, props.lang)),
        None => l.progress_at.to_string(),
    };
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={action_names.clone()}>
        <table class="actions">
            <caption>{ action_names }</caption>
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
                            <td>{ a.groups.join(", ") }</td>
                            <td>{ &a.responsible }</td>
                            <td>{ &a.implementation }</td>
                            <td>{ &a.evaluation }</td>
                            <td>
                                { match record {
                                    Some(r) => html! {
                                        <>
                                            <span class={classes!("badge", format!("action-{:?}", r.status).to_lowercase())}>
                                                { text::action_status(r.status, props.lang) }
                                                { r.percent.map(|p| format!(" · {}", text::percent(f64::from(p), props.lang))).unwrap_or_default() }
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
