//! What someone else wrote to the plan's file, merged with this page's version: each
//! field changed on both sides is shown with both values (long texts word by word), for
//! the user to choose; nothing is written to the file until every conflict is decided,
//! and one undo takes the merge back (`state::HomeEvent::Merged`).

use crate::ui::context::use_ctx;
use crate::ui::download::download;
use crate::ui::kit::same::Same;
use crate::ui::state::{HomeEvent, Msg};
use jalon::model::plan::Plan;
use jalon::share::whole::words::{place, value};
use jalon::share::whole::{Conflict, Merge, Side, Unresolved};
use jalon::share::words_diff::{diff, Piece};
use jalon::words::text::{self, SubjectNames};
use serde_json::Value;
use yew::prelude::*;

/// A text at least this long is compared word by word.
const LONG_TEXT: usize = 60;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub merge: Same<Merge>,
    pub theirs: Same<Plan>,
    pub file: AttrValue,
}

/// Two long texts side by side, what each has alone marked.
fn compared(mine: &str, theirs: &str) -> (Html, Html) {
    let pieces = diff(mine, theirs);
    let side = |keep_removed: bool| {
        let shown = pieces.iter().map(|piece| match *piece {
            Piece::Both(words) => html! { { words } },
            Piece::Removed(words) if keep_removed => html! { <del>{ words }</del> },
            Piece::Added(words) if !keep_removed => html! { <ins>{ words }</ins> },
            _ => html! {},
        });
        html! { <>{ for shown }</> }
    };
    (side(true), side(false))
}

fn long_texts(conflict: &Conflict) -> Option<(&str, &str)> {
    match (&conflict.mine, &conflict.theirs) {
        (Some(Value::String(mine)), Some(Value::String(theirs)))
            if mine.chars().count().max(theirs.chars().count()) >= LONG_TEXT =>
        {
            Some((mine, theirs))
        }
        _ => None,
    }
}

#[function_component(FileReview)]
pub fn file_review(props: &Props) -> Html {
    let ctx = use_ctx();
    let conflicts = props.merge.conflicts();
    let decisions = use_state(|| vec![None::<Side>; conflicts.len()]);
    let refusal = use_state(|| None::<String>);
    // Both plans' names are worked out once per version, not at each choice.
    let names = {
        let (plan, theirs) = (ctx.plan.clone(), props.theirs.clone());
        use_memo((ctx.revision, theirs.clone()), move |_| (SubjectNames::new(&plan), SubjectNames::new(&theirs)))
    };
    let rows = conflicts.iter().enumerate().map(|(index, conflict)| {
        // Named from the version that still holds it.
        let (plan, names) = if conflict.mine.is_some() { (&*ctx.plan, &names.0) } else { (&**props.theirs, &names.1) };
        let (mine, theirs) = match long_texts(conflict) {
            Some((mine, theirs)) => compared(mine, theirs),
            None => (
                html! { { value(plan, names, conflict, conflict.mine.as_ref(), ctx.lang) } },
                html! { { value(plan, names, conflict, conflict.theirs.as_ref(), ctx.lang) } },
            ),
        };
        let choose = |side: Side| {
            let decisions = decisions.clone();
            Callback::from(move |_: Event| {
                let mut next = (*decisions).clone();
                next[index] = Some(side);
                decisions.set(next);
            })
        };
        let name = format!("file-conflict-{index}");
        let option = |side: Side, label: &'static str, shown: Html| {
            let id = format!("{name}-{}", if side == Side::Mine { "mine" } else { "theirs" });
            html! {
                <div class="version">
                    <input type="radio" id={id.clone()} name={name.clone()} checked={decisions[index] == Some(side)}
                        onchange={choose(side)} />
                    <label for={id}><strong>{ label }</strong>{ ctx.words().colon }<span class="value">{ shown }</span></label>
                </div>
            }
        };
        html! {
            <fieldset class="file-conflict" key={index}>
                <legend>{ place(plan, names, conflict, ctx.lang) }</legend>
                { option(Side::Mine, ctx.words().keep_mine, mine) }
                { option(Side::Theirs, ctx.words().take_theirs, theirs) }
            </fieldset>
        }
    });
    let on_merge = {
        let (ctx, merge, decisions, refusal) = (ctx.clone(), props.merge.clone(), decisions.clone(), refusal.clone());
        Callback::from(move |_: MouseEvent| match merge.resolve(&decisions) {
            Ok(plan) => ctx.dispatch.emit(Msg::Home(HomeEvent::Merged(Box::new(plan)))),
            Err(Unresolved::Undecided(_)) => refusal.set(Some(ctx.words().merge_decide_all.to_string())),
            Err(Unresolved::WouldNotLoad(error)) => refusal.set(Some(text::load_error(&error, ctx.lang))),
        })
    };
    let on_download = {
        let (theirs, file) = (props.theirs.clone(), props.file.clone());
        Callback::from(move |_: MouseEvent| {
            download(&file, &jalon::format::save(&theirs), "application/json");
        })
    };
    html! {
        <section class="notice file-review" role="region" aria-labelledby="file-review-title">
            <h2 id="file-review-title">{ (ctx.words().merge_conflicts_found)(&props.file) }</h2>
            <p>{ ctx.words().merge_decide_all }</p>
            { for rows }
            if let Some(refusal) = &*refusal {
                <p class="refusal" role="alert">{ refusal }</p>
            }
            <div class="buttons">
                <button type="button" class="primary" onclick={on_merge}>
                    { ctx.words().merge_their_version }
                </button>
                <button type="button" onclick={on_download}>{ ctx.words().download_their_version }</button>
            </div>
        </section>
    }
}
