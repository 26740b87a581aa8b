//! What moved between two checkpoints: the actions whose state or percent changed, and
//! the indicators whose status changed, fifty of each at a time.

use crate::ui::components::pager::{rows_of, Pager};
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::kit::badge::status_badge;
use crate::ui::kit::same::Same;
use crate::ui::route::Route;
use jalon::calc::rollup::{ActionChange, Changes, IndicatorChange};
use jalon::model::action::ActionStatus;
use jalon::words::text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub changes: Same<Changes>,
}

/// « En cours (40 %) », or « Non rapporté ».
fn record(ctx: &Ctx, status: Option<ActionStatus>, percent: Option<u8>) -> String {
    let Some(status) = status else { return ctx.words().no_report.into() };
    let words = text::action_status(status, ctx.lang);
    match percent {
        Some(p) => format!("{words} ({})", text::percent(f64::from(p), ctx.lang)),
        None => words.into(),
    }
}

fn action_row(ctx: &Ctx, change: &ActionChange) -> Html {
    let title = ctx
        .plan
        .actions
        .iter()
        .find(|a| a.id == change.action)
        .map_or_else(|| change.action.to_string(), |a| a.title.clone());
    html! {
        <li key={change.action.to_string()}>
            <a href={Route::Actions.href()}>{ title }</a>
            { ctx.words().colon }{ record(ctx, change.before, change.percent_before) }
            { " → " }
            <strong>{ record(ctx, change.after, change.percent_after) }</strong>
        </li>
    }
}

/// « Taux de diplomation : 66 % → 64 % (−2 points) », each segment whose value moved,
/// then the status before and after when it changed.
fn indicator_row(ctx: &Ctx, change: &IndicatorChange) -> Html {
    let id = &change.indicator;
    let indicator = ctx.plan.indicators.iter().find(|i| &i.id == id);
    let label = indicator.map_or_else(|| id.to_string(), |i| i.label.clone());
    let href = indicator.map_or_else(|| Route::Indicators.href(), |i| Route::Objective(i.objective.clone()).href());
    let moves = indicator.map_or_else(Vec::new, |indicator| text::value_moves(indicator, change, ctx.lang));
    html! {
        <li key={id.to_string()}>
            <a {href}>{ label }</a>{ ctx.words().colon }
            { moves.join(" · ") }
            if change.before != change.after {
                if !moves.is_empty() { { " · " } }
                { status_badge(change.before, ctx.lang) }
                { " → " }
                { status_badge(change.after, ctx.lang) }
            }
        </li>
    }
}

#[function_component(ChangesList)]
pub fn changes_list(props: &Props) -> Html {
    let ctx = use_ctx();
    let actions_page = use_state(|| 0usize);
    let indicators_page = use_state(|| 0usize);
    let changes = &props.changes;
    let paged = |state: &UseStateHandle<usize>| {
        let state = state.clone();
        Callback::from(move |to| state.set(to))
    };
    let actions_title = format!("{} ({})", ctx.plan.action_name.plural, changes.actions.len());
    let indicators_title = format!("{} ({})", ctx.words().indicators, changes.indicators.len());
    html! {
        <div class="changes">
            <h3>{ actions_title.clone() }</h3>
            if changes.actions.is_empty() {
                <p class="empty">{ ctx.words().no_change_progress }</p>
            } else {
                <ul>{ for rows_of(&changes.actions, *actions_page).iter().map(|c| action_row(&ctx, c)) }</ul>
                <Pager total={changes.actions.len()} page={*actions_page} on_page={paged(&actions_page)} hide_single_page=true label={actions_title} />
            }
            <h3>{ indicators_title.clone() }</h3>
            if changes.indicators.is_empty() {
                <p class="empty">{ ctx.words().no_indicator_changed_status }</p>
            } else {
                <ul>
                    { for rows_of(&changes.indicators, *indicators_page).iter().map(|change| indicator_row(&ctx, change)) }
                </ul>
                <Pager total={changes.indicators.len()} page={*indicators_page} on_page={paged(&indicators_page)} hide_single_page=true label={indicators_title} />
            }
        </div>
    }
}
