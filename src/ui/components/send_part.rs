//! Sending a part: the coordinator chooses a recipient and a checkpoint, sees the
//! recipient's actions (found by responsible, carrier or partner) and unticks any, then
//! exports the part; the sending is recorded in the plan with exactly what it sent.

use crate::ui::context::{fresh_id, use_ctx, use_plan_memo};
use crate::ui::download::download;
use crate::ui::kit::card::card;
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::format;
use jalon::model::id::Id;
use jalon::model::subject::Subject;
use jalon::share::part::{self, Choice};
use std::collections::HashSet;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The file a part travels in: « partie-services-educatifs-2026-11-29.json ».
pub fn part_file_name(kind: &str, to: &str, day: chrono::NaiveDate) -> String {
    format::file_name(&format!("{kind} {to}"), day)
}

#[function_component(SendPart)]
pub fn send_part() -> Html {
    let ctx = use_ctx();
    let plan = ctx.plan.clone();
    let recipients = use_plan_memo(&ctx, part::recipients);
    let to = use_state(String::new);
    // The checkpoint the coordinator picked; until then, the one being reported.
    let checkpoint = use_state(|| None::<Id>);
    let with_indicators = use_state(|| true);
    // The actions unticked for this recipient.
    let unticked = use_state(HashSet::<Id>::new);
    let sent = use_state(|| None::<String>);
    let found =
        {
            let plan = plan.clone();
            use_memo((ctx.revision, (*to).clone()), move |(_, to)| {
                if to.is_empty() {
                    Vec::new()
                } else {
                    part::actions_for(&plan, to)
                }
            })
        };
    let section = |body: Html| card("send-part", "send-part-title", ctx.words().send_part, body);
    if plan.checkpoints.is_empty() {
        return section(html! { <p>{ ctx.words().add_checkpoint_first }</p> });
    }
    let on_recipient = {
        let (to, unticked, sent) = (to.clone(), unticked.clone(), sent.clone());
        Callback::from(move |e: Event| {
            to.set(e.target_unchecked_into::<HtmlSelectElement>().value());
            unticked.set(HashSet::new());
            sent.set(None);
        })
    };
    let on_checkpoint = {
        let checkpoint = checkpoint.clone();
        Callback::from(move |e: Event| {
            checkpoint.set(Some(Id::new(e.target_unchecked_into::<HtmlSelectElement>().value())))
        })
    };
    let on_indicators = {
        let with_indicators = with_indicators.clone();
        Callback::from(move |e: Event| with_indicators.set(e.target_unchecked_into::<HtmlInputElement>().checked()))
    };
    let chosen_checkpoint = (*checkpoint)
        .clone()
        .filter(|id| plan.checkpoints.iter().any(|c| &c.id == id))
        .or_else(|| plan.current_checkpoint().map(|c| c.id.clone()));
    let ticked: Vec<Id> = found.iter().filter(|id| !unticked.contains(*id)).cloned().collect();
    let on_export = {
        let (ctx, to, ticked, sent) = (ctx.clone(), (*to).clone(), ticked.clone(), sent.clone());
        let (checkpoint, indicators) = (chosen_checkpoint.clone(), *with_indicators);
        Callback::from(move |_: MouseEvent| {
            let Some(checkpoint) = checkpoint.clone() else { return };
            let choice = Choice { to: to.clone(), checkpoint, actions: ticked.clone(), indicators };
            let record = part::sending(&ctx.plan, &choice, fresh_id("envoi"), chrono::Utc::now());
            let file = format::save(&part::part(&ctx.plan, &record));
            let name = part_file_name(ctx.words().part_kind, &record.to, ctx.today);
            if download(&name, &file, "application/json") {
                sent.set(Some(record.to.clone()));
                ctx.edit(Act::new(What::Sent, Subject::Plan), Change::RecordSending { sending: record });
            }
        })
    };
    let boxes = found.iter().map(|id| {
        let Some(action) = plan.actions.iter().find(|a| &a.id == id) else { return html! {} };
        let field_id = format!("send-{id}");
        let on_tick = {
            let (unticked, id) = (unticked.clone(), id.clone());
            Callback::from(move |e: Event| {
                let mut set = (*unticked).clone();
                if e.target_unchecked_into::<HtmlInputElement>().checked() {
                    set.remove(&id);
                } else {
                    set.insert(id.clone());
                }
                unticked.set(set);
            })
        };
        let code = action.code.as_deref().map(|c| format!("{c} ")).unwrap_or_default();
        html! {
            <li class="choice" key={id.to_string()}>
                <input type="checkbox" id={field_id.clone()} checked={!unticked.contains(id)} onchange={on_tick} />
                <label for={field_id}>{ format!("{code}{}", action.title) }</label>
            </li>
        }
    });
    section(html! {
        <>
            <div class="fields">
                <div class="field">
                    <label for="send-to">{ ctx.words().recipient }</label>
                    <select id="send-to" onchange={on_recipient} aria-describedby="send-to-hint">
                        <option value="" selected={to.is_empty()}>{ ctx.words().choose_recipient }</option>
                        { for recipients.iter().map(|name| html! {
                            <option value={name.clone()} selected={*name == *to}>{ name }</option>
                        }) }
                    </select>
                    <p class="hint" id="send-to-hint">{ ctx.words().recipient_hint }</p>
                </div>
                <div class="field">
                    <label for="send-checkpoint">{ ctx.words().for_checkpoint }</label>
                    <select id="send-checkpoint" onchange={on_checkpoint}>
                        { for plan.checkpoints.iter().map(|c| html! {
                            <option value={c.id.to_string()} selected={Some(&c.id) == chosen_checkpoint.as_ref()}>
                                { format!("{} — {}", c.label, jalon::words::text::day(c.date, ctx.lang)) }
                            </option>
                        }) }
                    </select>
                </div>
            </div>
            <div class="choice">
                <input type="checkbox" id="send-indicators" checked={*with_indicators} onchange={on_indicators} />
                <label for="send-indicators">{ (ctx.words().include_indicators)(&jalon::words::text::objective_noun(&plan, ctx.lang).plural) }</label>
            </div>
            if !to.is_empty() {
                if found.is_empty() {
                    <p class="warn">{ (ctx.words().nothing_for_recipient)(&plan.action_name.plural) }</p>
                } else {
                    <fieldset class="send-actions">
                        <legend>{ (ctx.words().actions_found)(found.len(), &plan.action_name) }</legend>
                        <ul>{ for boxes }</ul>
                    </fieldset>
                }
            }
            <div class="buttons">
                <button type="button" class="primary" onclick={on_export}
                    disabled={to.is_empty() || ticked.is_empty() || chosen_checkpoint.is_none()}>
                    { ctx.words().export_part }
                </button>
            </div>
            if let Some(to) = &*sent {
                <p role="status" class="done">{ (ctx.words().part_exported)(to) }</p>
            }
        </>
    })
}
