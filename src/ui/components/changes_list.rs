//! What moved between two checkpoints: the actions whose state or percent changed, and
//! the indicators whose status changed, fifty of each at a time.

use crate::ui::components::pager::{rows_of, use_page, Pager};
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::kit::badge::status_badge;
use crate::ui::kit::same::Same;
use crate::ui::route::Route;
use jalon::calc::rollup::{ActionChange, Changes, IndicatorChange, Reported};
use jalon::model::action::Action;
use jalon::model::id::Id;
use jalon::model::indicator::Indicator;
use jalon::words::text;
use std::collections::HashMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub changes: Same<Changes>,
}

/// « En cours (40 %) », or « Non rapporté ».
fn record(ctx: &Ctx, reported: Reported) -> String {
    let Some(status) = reported.status else { return ctx.words().no_report.into() };
    let words = text::action_status(status, ctx.lang);
    match reported.percent {
        Some(p) => format!("{words} ({})", text::percent(f64::from(p), ctx.lang)),
        None => words.into(),
    }
}

fn action_row(ctx: &Ctx, change: &ActionChange, action: Option<&Action>) -> Html {
    let title = action.map_or_else(|| change.action.to_string(), |a| a.title.clone());
    let before = format!("{}{} → ", ctx.words().colon, record(ctx, change.before));
    html! {
        <li key={change.action.to_string()}>
            <a href={Route::Actions.href()}>{ title }</a>
            { before }
            <strong>{ record(ctx, change.after) }</strong>
        </li>
    }
}

/// Each of `ids` found in `items` by one pass over them: a page of fifty rows of a plan
/// of thousands of actions or indicators (the first of equal ids, as `find` would).
fn found<'a, T>(
    ids: impl Iterator<Item = &'a Id>,
    items: &'a [T],
    id: impl Fn(&'a T) -> &'a Id,
) -> HashMap<&'a Id, &'a T> {
    let mut wanted: HashMap<&Id, Option<&T>> = ids.map(|i| (i, None)).collect();
    for item in items {
        if let Some(slot @ None) = wanted.get_mut(id(item)) {
            *slot = Some(item);
        }
    }
    wanted.into_iter().filter_map(|(id, item)| Some((id, item?))).collect()
}

/// « Taux de diplomation : 66 % → 64 % (−2 points) », each segment whose value moved,
/// then the status before and after when it changed.
fn indicator_row(ctx: &Ctx, change: &IndicatorChange, indicator: Option<&Indicator>) -> Html {
    let id = &change.indicator;
    let label = indicator.map_or_else(|| id.to_string(), |i| i.label.clone());
    let href = indicator.map_or_else(|| Route::Indicators.href(), |i| Route::Objective(i.objective.clone()).href());
    let moves = indicator.map_or_else(Vec::new, |indicator| text::value_moves(indicator, change, ctx.lang));
    let moved = change.before != change.after;
    let then = if moved && !moves.is_empty() { " · " } else { "" };
    html! {
        <li key={id.to_string()}>
            <a {href}>{ label }</a>{ format!("{}{}{then}", ctx.words().colon, moves.join(" · ")) }
            if moved {
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
    let (actions_page, on_actions_page) = use_page();
    let (indicators_page, on_indicators_page) = use_page();
    let changes = &props.changes;
    let actions_title = format!("{} ({})", ctx.plan.action_name.plural, changes.actions.len());
    let indicators_title = format!("{} ({})", ctx.words().indicators, changes.indicators.len());
    let action_rows = rows_of(&changes.actions, actions_page);
    let actions = found(action_rows.iter().map(|c| &c.action), &ctx.plan.actions, |a| &a.id);
    let indicator_rows = rows_of(&changes.indicators, indicators_page);
    let indicators = found(indicator_rows.iter().map(|c| &c.indicator), &ctx.plan.indicators, |i| &i.id);
    html! {
        <div class="changes">
            <h3>{ actions_title.clone() }</h3>
            if changes.actions.is_empty() {
                <p class="empty">{ ctx.words().no_change_progress }</p>
            } else {
                <ul>{ for action_rows.iter().map(|c| action_row(&ctx, c, actions.get(&c.action).copied())) }</ul>
                <Pager total={changes.actions.len()} page={actions_page} on_page={on_actions_page} hide_single_page=true label={actions_title} />
            }
            <h3>{ indicators_title.clone() }</h3>
            if changes.indicators.is_empty() {
                <p class="empty">{ ctx.words().no_indicator_changed_status }</p>
            } else {
                <ul>
                    { for indicator_rows.iter().map(|c| indicator_row(&ctx, c, indicators.get(&c.indicator).copied())) }
                </ul>
                <Pager total={changes.indicators.len()} page={indicators_page} on_page={on_indicators_page} hide_single_page=true label={indicators_title} />
            }
        </div>
    }
}
