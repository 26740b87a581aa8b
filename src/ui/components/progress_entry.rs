//! One action at the checkpoint being reported: the previous checkpoint's status,
//! percent and narrative beside the fields for this one. What is typed is kept as a
//! draft at each keystroke (`ui::drafts`) and recorded when the field loses the focus;
//! a closed checkpoint shows them locked. The percent is read by the core's reader
//! (`jalon::words::input`); a percent it cannot read, or a percent or comment typed before the
//! status, stays as typed, explained under its field; one the checks question (above
//! 100 %) is kept, with their warning.

use crate::ui::components::status_select::set_status;
use crate::ui::components::status_select::StatusSelect;
use crate::ui::context::use_ctx;
use crate::ui::drafts;
use crate::ui::kit::badge::action_badge;
use crate::ui::kit::field as kit;
use jalon::calc::check::questioned_progress;
use jalon::model::action::ProgressRecord;
use jalon::model::id::Id;
use jalon::words::draft::{Field, Unready};
use jalon::words::input;
use jalon::words::text;
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
    let key = props.action.to_string();
    let field = |name: &str| format!("{name}-{key}");
    let current = props.current.clone();
    let (action, checkpoint) = (props.action.clone(), props.checkpoint.clone());
    let percent_field = Field::Percent { action: action.clone(), checkpoint: checkpoint.clone() };
    let narrative_field = Field::Narrative { action: action.clone(), checkpoint: checkpoint.clone() };
    // What was typed and is not in the plan yet, with why: it stays in its field.
    let (typed_percent, typed_narrative) =
        (drafts::pending(&ctx, &percent_field), drafts::pending(&ctx, &narrative_field));
    let status = current.as_ref().map(|r| r.status);
    {
        // A percent or comment typed before the status goes in once it is chosen.
        let (ctx, fields) = (ctx.clone(), [percent_field.clone(), narrative_field.clone()]);
        use_effect_with(status, move |status| {
            for field in fields.iter().filter(|_| status.is_some()) {
                if let Some((text, None)) = drafts::pending(&ctx, field) {
                    drafts::commit(&ctx, field, text);
                }
            }
        });
    }

    let on_status = set_status(&ctx, action, checkpoint);
    let no_status =
        [&typed_percent, &typed_narrative].iter().any(|typed| matches!(typed, Some((_, Some(Unready::NoStatus)))));
    let previous = props
        .previous
        .as_ref()
        .map(|(label, record)| {
            html! {
                <div class="previous">
                    <h5>{ format!("{} — {label}", ctx.words().previous_checkpoint) }</h5>
                    { action_badge(record.as_ref(), ctx.lang) }
                    if let Some(r) = record.as_ref().filter(|r| !r.narrative.is_empty()) { <p>{ &r.narrative }</p> }
                </div>
            }
        })
        .unwrap_or_else(|| {
            html! {
                <div class="previous"><p>{ ctx.words().no_previous_checkpoint }</p></div>
            }
        });

    let error_id = field("progress-error");
    let described = no_status.then(|| error_id.clone());
    let percent_label = ctx.words().percent;
    let percent_error = match &typed_percent {
        Some((_, Some(Unready::Unread(e)))) => Some(text::input_error(percent_label, e, ctx.lang)),
        _ => None,
    };
    let percent_warning = current
        .as_ref()
        .and_then(|r| r.percent)
        .and_then(|p| questioned_progress(&props.action, &props.checkpoint, p))
        .map(|f| text::finding(&ctx.plan, &f, ctx.lang));
    let percent_value = match typed_percent {
        Some((typed, _)) => typed,
        None => current.as_ref().and_then(|r| r.percent).map(|p| input::show_progress(p, ctx.lang)).unwrap_or_default(),
    };
    let narrative_value = match typed_narrative {
        Some((typed, _)) => typed,
        None => current.as_ref().map(|r| r.narrative.clone()).unwrap_or_default(),
    };
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
                    { kit::field(kit::Field {
                        id: field("percent").into(),
                        label: percent_label.into(),
                        value: percent_value.into(),
                        inputmode: Some("numeric"),
                        disabled: props.closed,
                        draft: Some(drafts::mark(&percent_field)),
                        onchange: Some(drafts::on_commit(&ctx, &percent_field)),
                        error: percent_error,
                        warning: percent_warning,
                        described_by: described.clone(),
                        ..kit::Field::default()
                    }) }
                    <div class="field wide">
                        <label for={field("narrative")}>{ ctx.words().narrative }</label>
                        <textarea id={field("narrative")} rows="2" disabled={props.closed} value={narrative_value}
                            data-draft={drafts::mark(&narrative_field)} onchange={drafts::on_commit(&ctx, &narrative_field)}
                            aria-describedby={described.clone()} />
                    </div>
                    if no_status {
                        <p class="field-error wide" id={error_id} role="alert">{ ctx.words().choose_progress_status_first }</p>
                    }
                </div>
            </div>
        </li>
    }
}
