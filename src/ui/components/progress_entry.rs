//! One action at the checkpoint being reported: the previous checkpoint's status,
//! percent and narrative beside the fields for this one. Each field is recorded when
//! it changes; a closed checkpoint shows them locked.

use crate::ui::components::measurement_entry::bad_value_message;
use crate::ui::components::status_badge::{chosen_status, StatusBadge};
use crate::ui::components::status_select::StatusSelect;
use crate::ui::context::use_ctx;
use jalon::action::ProgressRecord;
use jalon::edit::followup::{parse_percent, set_progress, set_status};
use jalon::history::{Act, Of, What};
use jalon::id::Id;
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
    let problem = use_state(|| None::<&'static str>);
    let key = props.action.to_string();
    let field = |name: &str| format!("{name}-{key}");
    let current = props.current.clone();

    let on_status = {
        let ctx = ctx.clone();
        let (action, checkpoint) = (props.action.clone(), props.checkpoint.clone());
        Callback::from(move |e: Event| {
            if let Some(status) = chosen_status(e) {
                let (action, checkpoint) = (action.clone(), checkpoint.clone());
                ctx.edit(Act::new(What::Progress, Of::Action(action.clone())), move |plan| {
                    set_status(plan, &action, &checkpoint, status)
                });
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
                problem
                    .set(Some(ctx.tr("Choisissez d'abord l'état d'avancement.", "Choose the progress status first.")));
                return;
            };
            problem.set(None);
            let (action, checkpoint, status) = (action.clone(), checkpoint.clone(), now.status);
            ctx.edit(Act::new(What::Progress, Of::Action(action.clone())), move |plan| {
                set_progress(plan, &action, &checkpoint, status, percent, &narrative)
            });
        }
    };
    let on_percent = {
        let (record, problem, ctx) = (record.clone(), problem.clone(), ctx.clone());
        let narrative = current.as_ref().map(|r| r.narrative.clone()).unwrap_or_default();
        Callback::from(move |e: Event| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            match parse_percent(&typed) {
                Ok(percent) => record(percent, narrative.clone()),
                Err(bad) => problem.set(Some(bad_value_message(&ctx, bad))),
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
                    <h5>{ format!("{} — {label}", ctx.tr("Suivi précédent", "Previous checkpoint")) }</h5>
                    <StatusBadge record={record.clone()} />
                    if let Some(r) = record.as_ref().filter(|r| !r.narrative.is_empty()) { <p>{ &r.narrative }</p> }
                </div>
            }
        })
        .unwrap_or_else(|| {
            html! {
                <div class="previous"><p>{ ctx.tr("Aucun suivi précédent.", "No previous checkpoint.") }</p></div>
            }
        });

    let status = current.as_ref().map(|r| r.status);
    let error_id = field("progress-error");
    let described = problem.is_some().then(|| error_id.clone());
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
                        <label for={field("status")}>{ ctx.tr("État d'avancement", "Progress") }</label>
                        <StatusSelect id={field("status")} disabled={props.closed} on_change={on_status} current={status} />
                    </div>
                    <div class="field">
                        <label for={field("percent")}>{ ctx.tr("Pourcentage", "Percent") }</label>
                        <input id={field("percent")} type="text" inputmode="numeric" disabled={props.closed}
                            value={current.as_ref().and_then(|r| r.percent).map(|p| text::number(f64::from(p), 0, ctx.lang)).unwrap_or_default()}
                            onchange={on_percent} aria-invalid={problem.is_some().then_some("true")} aria-describedby={described.clone()} />
                    </div>
                    <div class="field wide">
                        <label for={field("narrative")}>{ ctx.tr("Commentaire", "Narrative") }</label>
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
