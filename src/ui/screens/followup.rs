//! The follow-up (#/suivi): the plan's checkpoints, a form to create one, and the
//! report at the chosen checkpoint: each action's status, percent and narrative beside
//! the previous checkpoint's, then each indicator segment's value at that date. Once
//! reported, a checkpoint is closed and its values locked until it is reopened on
//! purpose.

use crate::ui::components::checkpoint_form::CheckpointForm;
use crate::ui::components::measurement_entry::MeasurementEntry;
use crate::ui::components::pager::{clamp_page, Pager, PAGE_SIZE};
use crate::ui::components::progress_entry::ProgressEntry;
use crate::ui::context::{use_ctx, Ctx};
use jalon::checkpoint::Checkpoint;
use jalon::edit::followup::{close_checkpoint, delete_checkpoint, measurement_at, records_at, reopen_checkpoint};
use jalon::history::{Act, What};
use jalon::id::Id;
use jalon::plan::Plan;
use jalon::subject::Subject;
use jalon::text;
use std::collections::HashMap;
use yew::prelude::*;

/// The change waiting for the user's confirmation.
#[derive(Clone, PartialEq)]
enum Confirm {
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
                <span class="badge closed">{ ctx.tr("Fermé", "Closed") }</span>
            } else {
                <span class="badge open">{ ctx.tr("Ouvert", "Open") }</span>
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
        <div class="confirm-box" role="group" aria-label={ctx.tr("Confirmation", "Confirmation")}>
            <p>{ message }</p>
            <div class="form-buttons">
                <button type="button" class="danger" onclick={on_yes}>{ yes }</button>
                <button type="button" onclick={on_no}>{ ctx.tr("Annuler", "Cancel") }</button>
            </div>
        </div>
    }
}

#[function_component(FollowUp)]
pub fn screen() -> Html {
    let ctx = use_ctx();
    let chosen = use_state(|| None::<Id>);
    let confirming = use_state(|| None::<Confirm>);
    let action_page = use_state(|| 0usize);
    let segment_page = use_state(|| 0usize);
    let codes = {
        let plan = ctx.plan.clone();
        use_memo(ctx.revision, move |_| plan.codes())
    };
    // Every indicator segment, as (indicator, segment) positions in the plan.
    let segments = {
        let plan = ctx.plan.clone();
        use_memo(ctx.revision, move |_| {
            plan.indicators
                .iter()
                .enumerate()
                .flat_map(|(i, indicator)| (0..indicator.segments.len()).map(move |s| (i, s)))
                .collect::<Vec<_>>()
        })
    };

    let plan = &ctx.plan;
    let current = reported(plan, chosen.as_ref()).cloned();
    let on_created = {
        let (chosen, action_page, segment_page) = (chosen.clone(), action_page.clone(), segment_page.clone());
        Callback::from(move |id: Id| {
            chosen.set(Some(id));
            action_page.set(0);
            segment_page.set(0);
        })
    };
    let on_no = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(None))
    };
    let ask = |what: Confirm| {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(Some(what.clone())))
    };
    let confirmed = |what: What, change: fn(&mut Plan, &Id) -> jalon::edit::Edited, id: Id| {
        let (ctx, confirming) = (ctx.clone(), confirming.clone());
        Callback::from(move |_: MouseEvent| {
            confirming.set(None);
            let id = id.clone();
            ctx.edit(Act::new(what, Subject::Checkpoint(id.clone())), move |plan| change(plan, &id));
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
        let named = |verb: &str| format!("{verb} « {} »", checkpoint.label);
        let deleting = *confirming == Some(Confirm::Delete(checkpoint.id.clone()));
        html! {
            <li class="checkpoint-entry" key={checkpoint.id.to_string()} aria-current={is_current.then_some("true")}>
                <span class="label">{ &checkpoint.label }</span>
                { date_badge(&ctx, checkpoint) }
                <span class="buttons">
                    if is_current {
                        <span class="badge current">{ ctx.tr("rapporté ci-dessous", "reported below") }</span>
                    } else {
                        <button type="button" onclick={on_choose} aria-label={named(ctx.tr("Rapporter", "Report"))}>{ ctx.tr("Rapporter", "Report") }</button>
                    }
                    if !checkpoint.closed {
                        <button type="button" class="danger" onclick={ask(Confirm::Delete(checkpoint.id.clone()))}
                            aria-label={named(ctx.tr("Supprimer", "Delete"))}>{ ctx.tr("Supprimer", "Delete") }</button>
                    }
                </span>
                if deleting {
                    { confirm_box(&ctx, delete_message(&ctx, plan, checkpoint), ctx.tr("Supprimer le suivi", "Delete the checkpoint"),
                        confirmed(What::Deleted, delete_checkpoint, checkpoint.id.clone()), on_no.clone()) }
                }
            </li>
        }
    });

    let report = current.as_ref().map(|checkpoint| {
        let previous = plan.checkpoint_before(&checkpoint.id).cloned();
        let closing = match &*confirming {
            Some(Confirm::Close) => confirm_box(&ctx,
                ctx.tr("Fermer ce suivi ? Ses états d'avancement et ses mesures seront verrouillés jusqu'à ce que quelqu'un le rouvre.",
                    "Close this checkpoint? Its progress and measurements will be locked until someone reopens it.").into(),
                ctx.tr("Fermer et verrouiller", "Close and lock"), confirmed(What::Closed, close_checkpoint, checkpoint.id.clone()), on_no.clone()),
            Some(Confirm::Reopen) => confirm_box(&ctx,
                ctx.tr("Rouvrir ce suivi ? Ses valeurs seront déverrouillées et pourront de nouveau être modifiées : ne le faites que volontairement, pour corriger un bilan déjà remis.",
                    "Reopen this checkpoint? Its values will be unlocked and can be changed again: do it only on purpose, to correct a report already handed in.").into(),
                ctx.tr("Rouvrir et déverrouiller", "Reopen and unlock"), confirmed(What::Reopened, reopen_checkpoint, checkpoint.id.clone()), on_no.clone()),
            _ => html! {},
        };
        html! {
            <section class="report card" aria-labelledby="report-title">
                <div class="report-head">
                    <h2 id="report-title">{ &checkpoint.label }</h2>
                    { date_badge(&ctx, checkpoint) }
                    if checkpoint.closed {
                        <button type="button" onclick={ask(Confirm::Reopen)}>{ ctx.tr("Rouvrir", "Reopen") }</button>
                    } else {
                        <button type="button" class="danger" onclick={ask(Confirm::Close)}>{ ctx.tr("Fermer ce suivi", "Close this checkpoint") }</button>
                    }
                </div>
                <p role="status" class="lock-state">{
                    if checkpoint.closed {
                        ctx.tr("Ce suivi est fermé : ses valeurs sont verrouillées.", "This checkpoint is closed: its values are locked.")
                    } else {
                        ctx.tr("Ce suivi est ouvert : chaque valeur est enregistrée dès qu'elle change.", "This checkpoint is open: each value is saved as soon as it changes.")
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
            <h1 id="followup-title">{ ctx.tr("Suivi", "Follow-up") }</h1>
            <section class="card checkpoints" aria-labelledby="checkpoints-title">
                <h2 id="checkpoints-title">{ ctx.tr("Suivis du plan", "The plan's checkpoints") }</h2>
                if plan.checkpoints.is_empty() {
                    <p class="empty">{ ctx.tr("Aucun suivi pour l'instant : créez-en un pour rapporter l'état d'avancement.", "No checkpoint yet: create one to report progress.") }</p>
                } else {
                    <ul class="checkpoint-list">{ for list }</ul>
                }
                <CheckpointForm {on_created} />
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
        0 => ctx
            .tr(
                "Supprimer ce suivi ? Aucun état d'avancement n'y est rapporté.",
                "Delete this checkpoint? No progress is reported at it.",
            )
            .into(),
        _ => format!(
            "{} {count} {}",
            ctx.tr(
                "Supprimer ce suivi et, avec lui, les états d'avancement rapportés à cette date :",
                "Delete this checkpoint and, with it, the progress reported at it:"
            ),
            ctx.tr("(les mesures des indicateurs restent) ?", "(the indicators' measurements stay)?"),
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
                <p class="empty">{ ctx.tr("Aucune ligne à rapporter.", "Nothing to report.") }</p>
            } else {
                <Pager total={plan.actions.len()} {page} on_page={Callback::from(move |to| set_page.set(to))}
                    label={format!("{} — {}", ctx.tr("Pages", "Pages"), plan.action_name.plural)} />
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
                previous={segment.latest_measurement(before).cloned()} current={measurement_at(segment, checkpoint.date).cloned()} />
        })
    });
    html! {
        <section aria-labelledby="report-indicators">
            <h3 id="report-indicators">{ format!("{} — {} {}", ctx.tr("Indicateurs", "Indicators"), ctx.tr("mesures au", "measurements at"), text::day(checkpoint.date, ctx.lang)) }</h3>
            if segments.is_empty() {
                <p class="empty">{ ctx.tr("Aucun indicateur à mesurer.", "No indicator to measure.") }</p>
            } else {
                <Pager total={segments.len()} {page} on_page={Callback::from(move |to| set_page.set(to))}
                    label={ctx.tr("Pages des indicateurs", "Pages of indicators")} />
                <ul class="measurement-entries">{ for entries }</ul>
            }
        </section>
    }
}
