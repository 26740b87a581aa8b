//! A partner's return, reviewed before anything changes: what it changes entity by
//! entity and field by field beside what the plan holds now and what was sent; each
//! conflict resolved (keep mine, take theirs, or write another value), long texts
//! compared word by word; each proposal accepted or declined. Merging is one step of
//! undo.

use crate::ui::context::{use_ctx, use_plan_memo};
use crate::ui::kit::table_head::column_heads;
use jalon::edit::history::{Act, What};
use jalon::model::plan::Plan;
use jalon::model::subject::Subject;
use jalon::share::merge::{self, Decisions, FieldChange, Kind, Resolution, Review, Value};
use jalon::share::words as sharing;
use jalon::share::words_diff::{diff, Piece};
use jalon::words::text::{self, SubjectNames};
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub returned: Rc<Plan>,
    /// The file's name, recorded with the merge.
    pub file: AttrValue,
    /// Told once the merge is asked for, with what finds its record in the plan.
    pub on_merged: Callback<Merging>,
}

/// A merge asked for: the sending and the return's digest, by which the plan's record
/// of it is found once it is made (and lost again if it is undone).
#[derive(Debug, Clone, PartialEq)]
pub struct Merging {
    pub sending: jalon::model::id::Id,
    pub digest: String,
}

impl Merging {
    /// What the merge brought, in words, while the plan holds its record.
    pub fn said(&self, plan: &Plan, lang: jalon::words::lang::Lang) -> Option<String> {
        let sending = plan.sendings.iter().find(|s| s.id == self.sending)?;
        let record = sending.merged(&self.digest)?;
        Some((jalon::words::table::words(lang).merged_return)(&sending.to, &sharing::return_counts(plan, record, lang)))
    }
}

/// A text value compared word by word with another; other values as they read.
fn compared(ctx_lang: jalon::words::lang::Lang, plan: &Plan, change: &FieldChange, removed: &str, added: &str) -> Html {
    match (&change.mine, &change.theirs) {
        (Value::Text(mine), Value::Text(theirs)) if !mine.is_empty() && !theirs.is_empty() => {
            let pieces = diff(mine, theirs);
            html! {
                <p class="words-diff">
                    { for pieces.into_iter().map(|piece| match piece {
                        Piece::Both(words) => html! { <span>{ words }</span> },
                        Piece::Removed(words) => html! { <del title={removed.to_owned()}>{ words }</del> },
                        Piece::Added(words) => html! { <ins title={added.to_owned()}>{ words }</ins> },
                    }) }
                </p>
            }
        }
        _ => html! { <p>{ sharing::value(plan, &change.subject, &change.theirs, ctx_lang) }</p> },
    }
}

/// The coordinator's decisions so far, for the review they answer: a decision made
/// for a review since recomputed (another tab's save changed the plan) is dropped.
#[derive(Default, PartialEq)]
struct Chosen {
    review: usize,
    decisions: Decisions,
}

enum Choose {
    Change(usize, Resolution),
    Proposal(usize, bool),
}

impl Reducible for Chosen {
    /// The review decided on (its address and itself), and the decision.
    type Action = (Rc<Review>, Choose);

    // Each decision is applied to the latest ones, however fast they come.
    fn reduce(self: Rc<Self>, (review, choose): Self::Action) -> Rc<Self> {
        let mut decisions = self.current(&review);
        match choose {
            Choose::Change(index, resolution) => decisions.changes[index] = Some(resolution),
            Choose::Proposal(index, accept) => decisions.proposals[index] = Some(accept),
        }
        Rc::new(Chosen { review: Rc::as_ptr(&review) as usize, decisions })
    }
}

impl Chosen {
    fn current(&self, review: &Rc<Review>) -> Decisions {
        if self.review == Rc::as_ptr(review) as usize {
            self.decisions.clone()
        } else {
            Decisions::undecided(review)
        }
    }
}

#[function_component(ReturnReview)]
pub fn return_review(props: &Props) -> Html {
    let ctx = use_ctx();
    let reviewed = {
        let (plan, returned) = (ctx.plan.clone(), props.returned.clone());
        use_memo((ctx.revision, Rc::as_ptr(&props.returned) as usize), move |_| {
            merge::review(&plan, &returned).map(Rc::new)
        })
    };
    let chosen = use_reducer(Chosen::default);
    let names = use_plan_memo(&ctx, SubjectNames::new);
    let review: Rc<Review> = match &*reviewed {
        Ok(review) => review.clone(),
        Err(why) => {
            return html! {
                <div class="file-refused" role="alert">
                    <p><strong>{ (ctx.words().file_not_opened)(&props.file) }</strong></p>
                    <p>{ sharing::not_a_return(why, ctx.lang) }</p>
                    <p>{ ctx.words().nothing_changed_here }</p>
                </div>
            };
        }
    };
    let current = chosen.current(&review);
    let plan = ctx.plan.clone();
    let lang = ctx.lang;
    let w = ctx.words();
    let decide = {
        let (chosen, review) = (chosen.dispatcher(), review.clone());
        move |choose: Choose| chosen.dispatch((review.clone(), choose))
    };
    let taken = review.changes.iter().filter(|c| c.kind == Kind::Taken).count();
    let to_decide = review.changes.len() - taken;
    let waiting = current.waiting(&review);

    let radio = |name: &str, value: &str, label: &str, checked: bool, on: Callback<Event>| {
        let id = format!("{name}-{value}");
        html! {
            <span class="choice">
                <input type="radio" id={id.clone()} name={name.to_owned()} value={value.to_owned()} {checked} onchange={on} />
                <label for={id}>{ label.to_owned() }</label>
            </span>
        }
    };
    let mut last_subject: Option<&Subject> = None;
    let mut rows = Vec::new();
    for (index, change) in review.changes.iter().enumerate() {
        if last_subject != Some(&change.subject) {
            rows.push(html! {
                <tr class="subject"><th colspan="5" scope="rowgroup">{ names.name(&plan, &change.subject, lang) }</th></tr>
            });
            last_subject = Some(&change.subject);
        }
        let field = sharing::field(&plan, &change.subject, &change.field, lang);
        let shown = |value: &Value| sharing::value(&plan, &change.subject, value, lang);
        let name = format!("decision-{index}");
        let chosen = current.changes[index].clone();
        let decision = match change.kind {
            Kind::Taken => html! { <span class="taken">{ w.taken_change }</span> },
            Kind::Conflict | Kind::Proposal => {
                let pick = |resolution: Resolution| {
                    let decide = decide.clone();
                    Callback::from(move |_: Event| decide(Choose::Change(index, resolution.clone())))
                };
                let (mine_label, theirs_label) =
                    if change.kind == Kind::Proposal { (w.decline, w.accept) } else { (w.keep_mine, w.take_theirs) };
                let editing = matches!(chosen, Some(Resolution::Edited(_)));
                let text_value = match (&chosen, &change.theirs) {
                    (Some(Resolution::Edited(Value::Text(text))), _) | (_, Value::Text(text)) => Some(text.clone()),
                    _ => None,
                };
                let on_text = {
                    let decide = decide.clone();
                    Callback::from(move |e: InputEvent| {
                        let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
                        decide(Choose::Change(index, Resolution::Edited(Value::Text(text))))
                    })
                };
                let label = format!(
                    "{} — {field}",
                    if change.kind == Kind::Proposal { w.proposal_label } else { w.conflict_label }
                );
                html! {
                    <fieldset class="decision">
                        <legend class="visually-hidden">{ label }</legend>
                        { radio(&name, "mine", mine_label, chosen == Some(Resolution::Mine), pick(Resolution::Mine)) }
                        { radio(&name, "theirs", theirs_label, chosen == Some(Resolution::Theirs), pick(Resolution::Theirs)) }
                        if change.kind == Kind::Conflict {
                            if let Some(text) = text_value.clone() {
                                { radio(&name, "edited", w.write_value, editing, pick(Resolution::Edited(Value::Text(text)))) }
                            }
                        }
                        if editing {
                            <label for={format!("{name}-text")} class="visually-hidden">{ w.value_written }</label>
                            <textarea id={format!("{name}-text")} rows="3" value={text_value.unwrap_or_default()} oninput={on_text} />
                        }
                    </fieldset>
                }
            }
        };
        let theirs = if change.kind == Kind::Conflict {
            compared(lang, &plan, change, w.words_removed, w.words_added)
        } else {
            html! { <p>{ shown(&change.theirs) }</p> }
        };
        rows.push(html! {
            <tr class={classes!(match change.kind { Kind::Conflict => "conflict-row", Kind::Proposal => "proposal-row", Kind::Taken => "taken-row" })}>
                <th scope="row">{ field }</th>
                <td class="value">{ shown(&change.base) }</td>
                <td class="value">{ shown(&change.mine) }</td>
                <td class="value">{ theirs }</td>
                <td>{ decision }</td>
            </tr>
        });
    }
    let proposals = review.proposals.iter().enumerate().map(|(index, action)| {
        let name = format!("proposal-{index}");
        let chosen = current.proposals.get(index).copied().flatten();
        let pick = |accept: bool| {
            let decide = decide.clone();
            Callback::from(move |_: Event| decide(Choose::Proposal(index, accept)))
        };
        let objectives: Vec<String> =
            action.objectives.iter().map(|o| names.name(&plan, &Subject::Element(o.clone()), lang)).collect();
        html! {
            <li class="proposal">
                <p><strong>{ &action.title }</strong></p>
                <p>{ objectives.join(" · ") }</p>
                if !action.responsible.is_empty() {
                    <p>{ format!("{}{}{}", w.responsible, w.colon, action.responsible) }</p>
                }
                <fieldset class="decision">
                    <legend class="visually-hidden">{ format!("{} — {}", w.proposal_label, action.title) }</legend>
                    { radio(&name, "accept", w.accept, chosen == Some(true), pick(true)) }
                    { radio(&name, "decline", w.decline, chosen == Some(false), pick(false)) }
                </fieldset>
            </li>
        }
    });
    let on_merge = {
        let (ctx, review, current, file, on_merged) =
            (ctx.clone(), review.clone(), current.clone(), props.file.to_string(), props.on_merged.clone());
        Callback::from(move |_: MouseEvent| {
            match merge::changes(&ctx.plan, &review, &current, &file, chrono::Utc::now()) {
                Ok(change) => ctx.edit(Act::new(What::Merged, Subject::Plan), change),
                Err(refused) => return ctx.refuse(refused),
            }
            on_merged.emit(Merging { sending: review.sending.clone(), digest: review.digest.clone() });
        })
    };
    html! {
        <div class="return-review" role="region" aria-labelledby="return-title">
            <h3 id="return-title">{ (w.return_from)(&review.to, &props.file) }</h3>
            if review.is_empty() {
                <p>{ w.return_brings_nothing }</p>
            } else {
                <p>{ (w.return_summary)(taken, to_decide, review.proposals.len()) }</p>
            }
            if !review.changes.is_empty() {
                <div class="table-scroll" role="region" aria-labelledby="return-title" tabindex="0">
                    <table class="merge-table">
                        { column_heads(&[w.field, w.as_sent, w.in_your_plan, w.in_the_return, w.decision], None) }
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
            if !review.paired.is_empty() {
                <ul class="paired-actions">
                    { for review.paired.iter().map(|(returned, sent)| html! { <li>{ jalon::share::words::paired(&plan, returned, sent, lang) }</li> }) }
                </ul>
            }
            if !review.proposals.is_empty() {
                <h4>{ w.proposed_additions }</h4>
                <ul class="proposals">{ for proposals }</ul>
                if !review.renamed.is_empty() {
                    <ul class="renamed-proposals">
                        { for review.renamed.iter().map(|(from, to)| html! { <li>{ jalon::share::words::renamed(&plan, from, to, lang) }</li> }) }
                    </ul>
                }
            }
            if !review.gone.is_empty() {
                <p class="warn">{ w.gone_since }</p>
                <ul>{ for review.gone.iter().map(|s| html! { <li>{ text::subject(&plan, s, lang) }</li> }) }</ul>
            }
            if !review.unplaced.is_empty() {
                <p class="warn">{ w.unplaced_values }</p>
                <ul class="unplaced-values">
                    { for review.unplaced.iter().map(|u| html! { <li>{ jalon::share::words::unplaced(&plan, u, lang) }</li> }) }
                </ul>
            }

            <div class="buttons">
                <button type="button" class="primary" onclick={on_merge} disabled={waiting > 0}
                    aria-describedby={(waiting > 0).then_some("merge-waiting")}>
                    { w.merge_return }
                </button>
                if waiting > 0 {
                    <span id="merge-waiting">{ (w.still_to_decide)(waiting) }</span>
                }
            </div>
        </div>
    }
}
