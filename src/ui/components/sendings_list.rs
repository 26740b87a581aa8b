//! Who has answered: for each checkpoint, the parts sent, to whom and when, what came
//! back and when, and who is still to answer; each part can be sent again as it was.

use super::send_part::part_file_name;
use crate::ui::context::use_ctx;
use crate::ui::download::download;
use crate::ui::kit::card::card;
use crate::ui::kit::table_head::column_heads;
use crate::ui::local_day;
use jalon::format;
use jalon::share::part;
use jalon::share::words as sharing;
use jalon::share::Sending;
use jalon::words::text;
use yew::prelude::*;

#[function_component(SendingsList)]
pub fn sendings_list() -> Html {
    let ctx = use_ctx();
    let plan = ctx.plan.clone();
    let section = |body: Html| card("sendings", "sendings-title", ctx.words().who_answered, body);
    if plan.sendings.is_empty() {
        return section(html! { <p>{ ctx.words().no_sendings }</p> });
    }
    // Checkpoints in the plan's order, then any a sending names that the plan lost.
    let mut checkpoints: Vec<&jalon::model::id::Id> = plan.checkpoints.iter().map(|c| &c.id).collect();
    for sending in &plan.sendings {
        if !checkpoints.contains(&&sending.checkpoint) {
            checkpoints.push(&sending.checkpoint);
        }
    }
    let row = |sending: &Sending| {
        let on_again = {
            let (plan, sending, ctx) = (plan.clone(), sending.clone(), ctx.clone());
            Callback::from(move |_: MouseEvent| {
                let file = format::save(&part::part(&plan, &sending));
                download(&part_file_name(ctx.words().part_kind, &sending.to, ctx.today), &file, "application/json");
            })
        };
        let returned = match sending.last_return() {
            Some(record) => (ctx.words().returned_on)(
                &text::day(local_day(record.at), ctx.lang),
                &sharing::return_counts(&plan, record, ctx.lang),
            ),
            None => ctx.words().awaiting_answer.to_string(),
        };
        html! {
            <tr key={sending.id.to_string()} class={classes!(sending.returns.is_empty().then_some("awaiting"))}>
                <th scope="row">{ &sending.to }</th>
                <td>{ text::day(local_day(sending.at), ctx.lang) }</td>
                <td>{ (ctx.words().sent_count)(sending.actions.len(), &plan.action_name, sending.indicators.len()) }</td>
                <td>{ returned }</td>
                <td>
                    <button type="button" onclick={on_again}
                        aria-label={format!("{} — {}", ctx.words().send_again, sending.to)}>
                        { ctx.words().send_again }
                    </button>
                </td>
            </tr>
        }
    };
    let groups = checkpoints.into_iter().filter_map(|checkpoint| {
        let sent: Vec<&Sending> = plan.sendings.iter().filter(|s| &s.checkpoint == checkpoint).collect();
        if sent.is_empty() {
            return None;
        }
        let label = plan
            .checkpoints
            .iter()
            .find(|c| &c.id == checkpoint)
            .map_or_else(|| checkpoint.to_string(), |c| format!("{} — {}", c.label, text::day(c.date, ctx.lang)));
        let waiting = sent.iter().filter(|s| s.returns.is_empty()).count();
        let heading_id = format!("sent-{checkpoint}");
        Some(html! {
            <div class="sendings-group" key={checkpoint.to_string()}>
                <h3 id={heading_id.clone()}>{ label }</h3>
                <p class="waiting">{ (ctx.words().still_to_answer)(waiting, sent.len()) }</p>
                <div class="table-scroll" role="region" aria-labelledby={heading_id.clone()} tabindex="0">
                    <table aria-labelledby={heading_id}>
                        { column_heads(&[ctx.words().recipient, ctx.words().sent_on, ctx.words().sent_contents, ctx.words().returned], Some(ctx.words().send_again)) }
                        <tbody>{ for sent.into_iter().map(row) }</tbody>
                    </table>
                </div>
            </div>
        })
    });
    section(html! { { for groups } })
}
