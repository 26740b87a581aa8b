//! One action at the checkpoint being reported: the previous checkpoint's status,
//! percent and narrative beside the fields for this one. Each field is recorded when
//! it changes; a closed checkpoint shows them locked. The percent is read by the core's
//! reader (`jalon::input`); a percent it cannot read stays as typed, explained under
//! its field; one the checks question (above 100 %) is kept, with their warning.

use crate::ui::components::status_badge::{chosen_status, StatusBadge};
use crate::ui::components::status_select::StatusSelect;
use crate::ui::context::use_ctx;
use jalon::action::ProgressRecord;
use jalon::check::questioned_progress;
use jalon::edit::Change;
use jalon::history::{Act, What};
use jalon::id::Id;
use jalon::input::{self, InputError};
use jalon::subject::Subject;
use jalon::text;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub action: Id,
    /// « 1.1.1 » when the action has a code.
    pub code: Option<String>,
    pub title: String,
    pub checkpoint: Id,
    pub closed: bool,
    /// The previous checkpoint's label and the action's record there.
    pub previous: Option<(String, Option<ProgressRecord>)>,
    pub current: Option<ProgressRecord>,
}

#[function_component(ProgressEntry)]
pub fn progress_entry(props: &Props) -> Html {
    let ctx = use_ctx();
    // A status to choose first, said under the percent and narrative fields' group.
    let problem = use_state(|| None::<&'static str>);
    // What was typed as a percent and refused, kept in the field with why.
    let refused = use_state(|| None::<(String, InputError)>);
    let key = props.action.to_string();
    let field = |name: &str| format!("{name}-{key}");
    let current = props.current.clone();

    let on_status = {
        let ctx = ctx.clone();
        let (action, checkpoint) = (props.action.clone(), props.checkpoint.clone());
        Callback::from(move |e: Event| {
            if let Some(status) = chosen_status(e) {
                let (action, checkpoint) = (action.clone(), checkpoint.clone());
                ctx.edit(
                    Act::new(What::Progress, Subject::Action(action.clone())),
                    Change::SetActionStatus { action, checkpoint, status },
                );
            }
        })
    };
    // Percent and narrative join the status already chosen at this checkpoint.
    let record = {
        let (ctx, problem) = (ctx.clone(), problem.clone());
        let (action, checkpoint) = (props.action.clone(), props.checkpoint.clone());
        let current = current.clone();
        move |percent: Option<u8>, narrative: String| {
            let Some(now) = &current else {
                problem.set(Some(ctx.words().choose_progress_status_first));
                return;
            };
            problem.set(None);
            let (action, checkpoint, status) = (action.clone(), checkpoint.clone(), now.status);
            ctx.edit(
                Act::new(What::Progress, Subject::Action(action.clone())),
                Change::SetProgress { action, checkpoint, status, percent, narrative },
            );
        }
    };
    let on_percent = {
        let (record, refused, ctx) = (record.clone(), refused.clone(), ctx.clone());
        let narrative = current.as_ref().map(|r| r.narrative.clone()).unwrap_or_default();
        Callback::from(move |e: Event| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            match input::read_optional_progress(&typed, ctx.lang) {
                Ok(percent) => {
                    refused.set(None);
                    record(percent, narrative.clone())
                }
                Err(error) => refused.set(Some((typed, error))),
            }
        })
    };
    let on_narrative = {
        let percent = current.as_ref().and_then(|r| r.percent);
        Callback::from(move |e: Event| record(percent, e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };

    let previous = props
        .previous
        .as_ref()
        .map(|(label, record)| {
            html! {
                <div class="previous">
                    <h5>{ format!("{} — {label}", ctx.words().previous_checkpoint) }</h5>
                    <StatusBadge record={record.clone()} />
                    if let Some(r) = record.as_ref().filter(|r| !r.narrative.is_empty()) { <p>{ &r.narrative }</p> }
                </div>
            }
        })
        .unwrap_or_else(|| {
            html! {
                <div class="previous"><p>{ ctx.words().no_previous_checkpoint }</p></div>
            }
        });

    let status = current.as_ref().map(|r| r.status);
    let error_id = field("progress-error");
    let described = problem.is_some().then(|| error_id.clone());
    let percent_label = ctx.words().percent;
    let (percent_error_id, percent_warning_id) = (field("percent-error"), field("percent-warning"));
    let percent_error = refused.as_ref().map(|(_, e)| text::input_error(percent_label, e, ctx.lang));
    let percent_warning = current
        .as_ref()
        .and_then(|r| r.percent)
        .and_then(|p| questioned_progress(&props.action, &props.checkpoint, p))
        .map(|f| text::finding(&ctx.plan, &f, ctx.lang));
    let percent_value = match &*refused {
        Some((typed, _)) => typed.clone(),
        None => current.as_ref().and_then(|r| r.percent).map(|p| input::show_progress(p, ctx.lang)).unwrap_or_default(),
    };
    let percent_described: Vec<&str> = [
        percent_error.is_some().then_some(percent_error_id.as_str()),
        percent_warning.is_some().then_some(percent_warning_id.as_str()),
        described.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        <li class="progress-entry">
            <h4>
                if let Some(code) = &props.code { <span class="code">{ code }</span> }
                { &props.title }
            </h4>
            <div class="entry-grid">
                { previous }
                <div class="current-fields">
                    <div class="field">
                        <label for={field("status")}>{ ctx.words().progress_at }</label>
                        <StatusSelect id={field("status")} disabled={props.closed} on_change={on_status} current={status} />
                    </div>
                    <div class="field">
                        <label for={field("percent")}>{ percent_label }</label>
                        <input id={field("percent")} type="text" inputmode="numeric" disabled={props.closed}
                            value={percent_value} onchange={on_percent}
                            aria-invalid={percent_error.is_some().then_some("true")}
                            aria-describedby={(!percent_described.is_empty()).then(|| percent_described.join(" "))} />
                        if let Some(message) = percent_error {
                            <p class="field-error" id={percent_error_id} role="alert">{ message }</p>
                        }
                        if let Some(message) = percent_warning {
                            <p class="field-warning" id={percent_warning_id}>{ message }</p>
                        }
                    </div>
                    <div class="field wide">
                        <label for={field("narrative")}>{ ctx.words().narrative }</label>
                        <textarea id={field("narrative")} rows="2" disabled={props.closed}
                            value={current.as_ref().map(|r| r.narrative.clone()).unwrap_or_default()} onchange={on_narrative} />
                    </div>
                    if let Some(message) = *problem {
                        <p class="field-error wide" id={error_id} role="alert">{ message }</p>
                    }
                </div>
            </div>
        </li>
    }
}
