//! The choice between this page's version of the plan and another version found in
//! storage (another tab's, most often), with both versions shown: what each holds and
//! what differs, each downloadable as a file. Nothing is saved until the user chooses.

use crate::ui::context::{fresh_id, use_ctx};
use crate::ui::download::download;
use crate::ui::state::Msg;
use jalon::calc::compare::differences;
use jalon::calc::summary::summarize;
use jalon::model::plan::Plan;
use jalon::words::text;
use std::rc::Rc;
use yew::prelude::*;

/// How many differences are listed before « et N autres ».
const SHOWN: usize = 12;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub mine: Rc<Plan>,
    pub theirs: Rc<Plan>,
}

#[function_component(Conflict)]
pub fn conflict(props: &Props) -> Html {
    let ctx = use_ctx();
    let (mine, theirs) = (&props.mine, &props.theirs);
    let found = differences(theirs, mine);
    let version = |plan: &Rc<Plan>, heading: &'static str, name: &'static str| {
        let lines = text::summary_lines(plan, &summarize(plan), jalon::format::VERSION, ctx.lang);
        let on_download = {
            let (plan, today) = (plan.clone(), ctx.today);
            Callback::from(move |_: MouseEvent| {
                let file = jalon::format::save(&plan);
                download(
                    &jalon::format::file_name(&format!("{} {name}", plan.title), today),
                    &file,
                    "application/json",
                );
            })
        };
        html! {
            <section class="version">
                <h3>{ heading }</h3>
                <ul>{ for lines.iter().take(3).map(|line| html! { <li>{ line }</li> }) }</ul>
                <button type="button" onclick={on_download}>{ format!("{} ({heading})", ctx.words().download) }</button>
            </section>
        }
    };
    let more = found.len().saturating_sub(SHOWN);
    let on_keep_both = {
        let (mine, ctx, suffix) = (mine.clone(), ctx.clone(), ctx.words().version_kept_apart);
        Callback::from(move |_: MouseEvent| {
            // What this page typed is in its version, kept apart: not the other's to take.
            crate::ui::kept_drafts::forget(&mine.id, &ctx.keeper.settled());
            let mut copy = (*mine).clone();
            copy.id = fresh_id("plan");
            copy.title = format!("{} {suffix}", copy.title);
            ctx.dispatch.emit(Msg::KeepBoth(copy));
        })
    };
    html! {
        <div class="notice conflict" role="alert">
            <p>{ ctx.words().another_version_plan_was }</p>
            <div class="versions">
                { version(mine, ctx.words().page_version, "cette-page") }
                { version(theirs, ctx.words().other_version, "autre-version") }
            </div>
            <div class="differences">
                <h3>{ ctx.words().what_differs_your_version }</h3>
                <ul>
                    { for found.iter().take(SHOWN).map(|d| html! { <li>{ text::difference(theirs, mine, d, ctx.lang) }</li> }) }
                    if more > 0 {
                        <li>{ (ctx.words().and_more)(more) }</li>
                    }
                </ul>
            </div>
            <div class="buttons">
                <button type="button" onclick={ctx.dispatch.reform(|_| Msg::KeepMine)}>
                    { ctx.words().keep_page_version }
                </button>
                <button type="button" onclick={ctx.dispatch.reform(|_| Msg::TakeTheirs)}>
                    { ctx.words().take_other_version }
                </button>
                <button type="button" onclick={on_keep_both}>
                    { ctx.words().keep_both }
                </button>
            </div>
        </div>
    }
}
