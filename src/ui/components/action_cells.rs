//! What an action's column shows when it is read, not edited: on the actions screen
//! (every column but the ones edited in place) and on an objective's page, so that a
//! field reads the same wherever it stands.

use super::joined::joined;
use crate::ui::context::Ctx;
use jalon::model::action::{Action, ActionColumn, Step};
use jalon::model::id::Id;
use jalon::words::text;
use std::collections::HashMap;
use yew::prelude::*;

/// The column's content for `action`; `Progress` is left to the caller, which knows the
/// checkpoint it reads.
pub fn read_only(ctx: &Ctx, action: &Action, column: ActionColumn, codes: &HashMap<Id, String>) -> Html {
    match column {
        ActionColumn::Objectives => html! { objective_codes(action, codes) },
        ActionColumn::Groups => {
            let named: Vec<String> = action.groups.iter().map(|g| text::target_group(&ctx.plan, g)).collect();
            joined(named.iter().map(String::as_str), ", ")
        }
        ActionColumn::Responsible => html! { &action.responsible },
        ActionColumn::Implementation => lines(&action.implementation),
        ActionColumn::Services => html! { &action.services },
        ActionColumn::Evaluation => lines(&action.evaluation),
        ActionColumn::Carrier => html! { &action.carrier },
        ActionColumn::Partners => joined(action.partners.iter().map(String::as_str), ", "),
        ActionColumn::Schedule => schedule(ctx, action),
        ActionColumn::ExpectedResults => lines(&action.expected_results),
        ActionColumn::Progress => Html::default(),
    }
}

fn objective_codes(action: &Action, codes: &HashMap<Id, String>) -> String {
    let code = |id: &Id| codes.get(id).cloned().unwrap_or_else(|| id.to_string());
    action.objectives.iter().map(code).collect::<Vec<_>>().join(", ")
}

/// A text written one item per line (expected results, a list of means) as a list; a
/// single line as it is.
pub fn lines(text: &str) -> Html {
    let items: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    match items.as_slice() {
        [] => Html::default(),
        [one] => html! { <>{ *one }</> },
        many => html! { <ul class="cell-list">{ for many.iter().map(|item| html! { <li>{ *item }</li> }) }</ul> },
    }
}

/// The échéancier: its words and dates, then each plan year with its steps.
pub fn schedule(ctx: &Ctx, action: &Action) -> Html {
    let schedule = &action.schedule;
    let mut parts = Vec::new();
    if !schedule.text.is_empty() {
        parts.push(schedule.text.clone());
    }
    let stepped = Step::by_year(&action.steps);
    let bare_years: Vec<&str> = schedule
        .years
        .iter()
        .map(String::as_str)
        .filter(|y| !stepped.iter().any(|(year, _)| year.trim() == y.trim()))
        .collect();
    if !bare_years.is_empty() {
        parts.push(bare_years.join(", "));
    }
    let dates: Vec<String> =
        [schedule.start, schedule.end].into_iter().flatten().map(|d| text::plan_date(d, ctx.lang)).collect();
    if !dates.is_empty() {
        parts.push(dates.join(" – "));
    }
    html! {
        <>
            if !parts.is_empty() { <span>{ parts.join(" · ") }</span> }
            if !stepped.is_empty() {
                <ul class="steps">
                    { for stepped.iter().map(|(year, steps)| html! {
                        <li>
                            <span class="step-year">{ *year }</span>
                            <ul>{ for steps.iter().map(|s| html! { <li>{ &s.text }</li> }) }</ul>
                        </li>
                    }) }
                </ul>
            }
        </>
    }
}
