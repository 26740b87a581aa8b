//! The follow-up (#/suivi): the plan's checkpoints, a form to create one, and the
//! report at the chosen checkpoint: each action's status, percent and narrative beside
//! the previous checkpoint's, then each indicator segment's value at that date. Once
//! reported, a checkpoint is closed and its values locked until it is reopened on
//! purpose.

use crate::ui::components::checkpoint_form::CheckpointForm;
use crate::ui::components::confirm::Confirm;
use crate::ui::components::context_only::ContextOnly;
use crate::ui::components::measurement_entry::MeasurementEntry;
use crate::ui::components::pager::{clamp_page, Pager, PAGE_SIZE};
use crate::ui::components::progress_entry::ProgressEntry;
use crate::ui::context::{use_ctx, use_plan_memo, Ctx};
use crate::ui::drafts;
use crate::ui::kit::row::set_to;
use jalon::edit::followup::{measurement_at, records_at};
use jalon::edit::history::{Act, What};
use jalon::edit::permits::Asked;
use jalon::edit::Change;
use jalon::model::checkpoint::Checkpoint;
use jalon::model::id::Id;
use jalon::model::plan::Plan;
use jalon::model::subject::Subject;
use jalon::words::draft::Form;
use jalon::words::text;
use std::collections::HashMap;
use yew::prelude::*;

/// The change waiting for the user's confirmation.
#[derive(Clone, PartialEq)]
enum Asking {
    Close,
    Reopen,
    Delete(Id),
}

/// The checkpoint the user chose, or, by default, the one the actions table reports.
fn reported<'a>(plan: &'a Plan, chosen: Option<&Id>) -> Option<&'a Checkpoint> {
    chosen.and_then(|id| plan.checkpoints.iter().find(|c| &c.id == id)).or_else(|| plan.current_checkpoint())
}

fn date_badge(ctx: &Ctx, checkpoint: &Checkpoint) -> Html {
    html! {
        <>
            <span class="date">{ text::day(checkpoint.date, ctx.lang) }</span>
            if checkpoint.closed {
                <span class="badge closed">{ ctx.words().closed }</span>
            } else {
                <span class="badge open">{ ctx.words().open_state }</span>
            }
        </>
    }
}

/// A box asking to confirm, with the button that does it and the one that does not.
fn confirm_box(
    ctx: &Ctx,
    message: String,
    yes: &'static str,
    on_yes: Callback<MouseEvent>,
    on_no: Callback<MouseEvent>,
) -> Html {
    html! {
        <Confirm class="confirm-box" label={ctx.words().confirmation} {message} {yes} no={ctx.words().cancel} {on_yes} {on_no} />
    }
}

#[function_component(FollowUp)]
pub fn screen() -> Html {
    let ctx = use_ctx();
    let chosen = use_state(|| None::<Id>);
    let confirming = use_state(|| None::<Asking>);
    // The checkpoint whose label and date are being changed.
    let renaming = use_state(|| None::<Id>);
    {
        // A checkpoint's form resumed with what was typed in it.
        let renaming = renaming.clone();
        drafts::use_resume(Callback::from(move |form| match form {
            Form::Checkpoint(Some(id)) => {
                renaming.set(Some(id));
                true
            }
            _ => false,
        }));
    }
    let action_page = use_state(|| 0usize);
    let segment_page = use_state(|| 0usize);
    let codes = use_plan_memo(&ctx, |plan| plan.codes());
    // Every indicator segment, as (indicator, segment) positions in the plan.
    let segments = use_plan_memo(&ctx, |plan| {
        plan.indicators
            .iter()
            .enumerate()
            .flat_map(|(i, indicator)| (0..indicator.segments.len()).map(move |s| (i, s)))
            .collect::<Vec<_>>()
    });

    let plan = &ctx.plan;
    // A part's recipient reports; its checkpoints are the coordinator's, shown as sent.
    let context = ctx.may(Asked::Context);
    let current = reported(plan, chosen.as_ref()).cloned();
    let on_created = {
        let (chosen, action_page, segment_page) = (chosen.clone(), action_page.clone(), segment_page.clone());
        Callback::from(move |id: Id| {
            chosen.set(Some(id));
            action_page.set(0);
            segment_page.set(0);
        })
    };
    let on_renamed = set_to(&renaming, None);
    let on_rename_cancel = set_to(&renaming, None);
    let on_no = set_to(&confirming, None);
    let ask = |what: Asking| set_to(&confirming, Some(what));
    let confirmed = |what: What, change: fn(Id) -> Change, id: Id| {
        let (ctx, confirming) = (ctx.clone(), confirming.clone());
        Callback::from(move |_: MouseEvent| {
            confirming.set(None);
            ctx.edit(Act::new(what, Subject::Checkpoint(id.clone())), change(id.clone()));
        })
    };

    let list = plan.checkpoints.iter().map(|checkpoint| {
        let is_current = current.as_ref().map(|c| &c.id) == Some(&checkpoint.id);
        let on_choose = {
            let (chosen, confirming, id) = (chosen.clone(), confirming.clone(), checkpoint.id.clone());
            let (action_page, segment_page) = (action_page.clone(), segment_page.clone());
            Callback::from(move |_: MouseEvent| {
                chosen.set(Some(id.clone()));
                confirming.set(None);
                action_page.set(0);
                segment_page.set(0);
            })
        };
        let on_rename = {
            let (renaming, confirming, id) = (renaming.clone(), confirming.clone(), checkpoint.id.clone());
            Callback::from(move |_: MouseEvent| {
                renaming.set(Some(id.clone()));
                confirming.set(None);
            })
        };
        let named = |verb: &str| (ctx.words().named)(verb, &checkpoint.label);
        let deleting = *confirming == Some(Asking::Delete(checkpoint.id.clone()));
        let is_renamed = renaming.as_ref() == Some(&checkpoint.id);
        html! {
            <li class="checkpoint-entry" key={checkpoint.id.to_string()} aria-current={is_current.then_some("true")}>
                <span class="label">{ &checkpoint.label }</span>
                { date_badge(&ctx, checkpoint) }
                <span class="buttons">
                    if is_current {
                        <span class="badge current">{ ctx.words().reported_below }</span>
                    } else {
                        <button type="button" onclick={on_choose} aria-label={named(ctx.words().report)}>{ ctx.words().report }</button>
                    }
                    if context && !is_renamed {
                        <button type="button" onclick={on_rename} aria-label={named(ctx.words().edit)}>{ ctx.words().edit }</button>
                    }
                    if context && !checkpoint.closed {
                        <button type="button" class="danger" onclick={ask(Asking::Delete(checkpoint.id.clone()))}
                            aria-label={named(ctx.words().delete)}>{ ctx.words().delete }</button>
                    }
                </span>
                if is_renamed {
                    // Keyed on the revision: an undo or another tab's save shows the
                    // checkpoint as the plan now holds it.
                    <CheckpointForm key={format!("{}-{}", checkpoint.id, ctx.revision)} editing={checkpoint.clone()}
                        on_done={on_renamed.clone()} on_cancel={on_rename_cancel.clone()} />
                }
                if deleting {
                    { confirm_box(&ctx, delete_message(&ctx, plan, checkpoint), ctx.words().delete_checkpoint,
                        confirmed(What::Deleted, |checkpoint| Change::DeleteCheckpoint { checkpoint }, checkpoint.id.clone()), on_no.clone()) }
                }
            </li>
        }
    });

    let report = current.as_ref().map(|checkpoint| {
        let previous = plan.checkpoint_before(&checkpoint.id).cloned();
        let closing = match &*confirming {
            Some(Asking::Close) => confirm_box(&ctx,
                ctx.words().close_checkpoint_question.into(),
                ctx.words().close_lock, confirmed(What::Closed, |checkpoint| Change::CloseCheckpoint { checkpoint }, checkpoint.id.clone()), on_no.clone()),
            Some(Asking::Reopen) => confirm_box(&ctx,
                ctx.words().reopen_checkpoint_question.into(),
                ctx.words().reopen_unlock, confirmed(What::Reopened, |checkpoint| Change::ReopenCheckpoint { checkpoint }, checkpoint.id.clone()), on_no.clone()),
            _ => html! {},
        };
        html! {
            <section class="report card" aria-labelledby="report-title">
                <div class="report-head">
                    <h2 id="report-title">{ &checkpoint.label }</h2>
                    { date_badge(&ctx, checkpoint) }
                    if context {
                        if checkpoint.closed {
                            <button type="button" onclick={ask(Asking::Reopen)}>{ ctx.words().reopen }</button>
                        } else {
                            <button type="button" class="danger" onclick={ask(Asking::Close)}>{ ctx.words().close_checkpoint }</button>
                        }
                    }
                </div>
                <p role="status" class="lock-state">{
                    if checkpoint.closed {
                        ctx.words().checkpoint_closed_locked
                    } else {
                        ctx.words().checkpoint_open_saved_as_changed
                    }
                }</p>
                { closing }
                { action_entries(&ctx, checkpoint, previous.as_ref(), *action_page, action_page.setter()) }
                { segment_entries(&ctx, &codes, &segments, checkpoint, *segment_page, segment_page.setter()) }
            </section>
        }
    });

    html! {
        <section class="followup" aria-labelledby="followup-title">
            <h1 id="followup-title">{ ctx.words().follow_up }</h1>
            <section class="card checkpoints" aria-labelledby="checkpoints-title">
                <h2 id="checkpoints-title">{ ctx.words().plan_checkpoints }</h2>
                if plan.checkpoints.is_empty() {
                    <p class="empty">{ ctx.words().no_checkpoint_to_report_yet }</p>
                } else {
                    <ul class="checkpoint-list">{ for list }</ul>
                }
                <ContextOnly><CheckpointForm on_done={on_created} /></ContextOnly>
            </section>
            { report.unwrap_or_default() }
        </section>
    }
}

/// « Supprimer ce suivi et les 6 états d'avancement rapportés à cette date ? »
fn delete_message(ctx: &Ctx, plan: &Plan, checkpoint: &Checkpoint) -> String {
    let records = records_at(plan, &checkpoint.id);
    let count = text::number(records as f64, 0, ctx.lang);
    match records {
        0 => ctx.words().delete_empty_checkpoint_question.into(),
        _ => format!(
            "{} {count} {}",
            ctx.words().delete_checkpoint_with_progress_question,
            ctx.words().measurements_stay_question,
        ),
    }
}

fn action_entries(
    ctx: &Ctx,
    checkpoint: &Checkpoint,
    previous: Option<&Checkpoint>,
    page: usize,
    set_page: UseStateSetter<usize>,
) -> Html {
    let plan = &ctx.plan;
    let page = clamp_page(page, plan.actions.len());
    let entries = plan.actions.iter().skip(page * PAGE_SIZE).take(PAGE_SIZE).map(|action| {
        let previous = previous.map(|p| (format!("{} ({})", p.label, text::day(p.date, ctx.lang)), action.progress_at(&p.id).cloned()));
        html! {
            <ProgressEntry key={action.id.to_string()} action={action.id.clone()} code={action.code.clone()} title={action.title.clone()}
                checkpoint={checkpoint.id.clone()} closed={checkpoint.closed} {previous}
                current={action.progress_at(&checkpoint.id).cloned()} />
        }
    });
    html! {
        <section aria-labelledby="report-actions">
            <h3 id="report-actions">{ &plan.action_name.plural }</h3>
            if plan.actions.is_empty() {
                <p class="empty">{ ctx.words().nothing_report }</p>
            } else {
                <Pager total={plan.actions.len()} {page} on_page={Callback::from(move |to| set_page.set(to))}
                    label={format!("{} — {}", ctx.words().pages, plan.action_name.plural)} />
                <ul class="progress-entries">{ for entries }</ul>
            }
        </section>
    }
}

fn segment_entries(
    ctx: &Ctx,
    codes: &HashMap<Id, String>,
    segments: &[(usize, usize)],
    checkpoint: &Checkpoint,
    page: usize,
    set_page: UseStateSetter<usize>,
) -> Html {
    let plan = &ctx.plan;
    let page = clamp_page(page, segments.len());
    let entries = segments.iter().skip(page * PAGE_SIZE).take(PAGE_SIZE).filter_map(|(i, s)| {
        let indicator = plan.indicators.get(*i)?;
        let segment = indicator.segments.get(*s)?;
        let code = codes.get(&indicator.objective).map(String::as_str).unwrap_or("");
        let label = match segment.label.is_empty() {
            true => format!("{code} {}", indicator.label),
            false => format!("{code} {} — {}", indicator.label, segment.label),
        };
        let before = checkpoint.date.pred_opt().unwrap_or(checkpoint.date);
        Some(html! {
            <MeasurementEntry key={format!("{}/{}", indicator.id, segment.id)} indicator={indicator.id.clone()} segment={segment.id.clone()}
                {label} kind={indicator.kind} out_of={indicator.out_of} checkpoint={checkpoint.id.clone()} closed={checkpoint.closed}
                previous={segment.latest_measurement(before, plan.year_end()).cloned()}
                baseline={segment.baseline.clone().filter(|b| b.date.known_by(checkpoint.date, plan.year_end()))} current={measurement_at(segment, checkpoint.date).cloned()} />
        })
    });
    html! {
        <section aria-labelledby="report-indicators">
            <h3 id="report-indicators">{ (ctx.words().measurements_at)(&text::day(checkpoint.date, ctx.lang)) }</h3>
            if segments.is_empty() {
                <p class="empty">{ ctx.words().no_indicator_measure }</p>
            } else {
                <Pager total={segments.len()} {page} on_page={Callback::from(move |to| set_page.set(to))}
                    label={ctx.words().pages_indicators} />
                <ul class="measurement-entries">{ for entries }</ul>
            }
        </section>
    }
}
