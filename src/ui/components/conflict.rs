//! The choice between this page's version of the plan and another version found in
//! storage (another tab's, most often), with both versions shown: what each holds and
//! what differs, each downloadable as a file. Nothing is saved until the user chooses.

use crate::ui::app::Msg;
use crate::ui::context::{fresh_id, use_ctx};
use crate::ui::download::download;
use jalon::compare::differences;
use jalon::plan::Plan;
use jalon::summary::summarize;
use jalon::text;
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
                <button type="button" onclick={on_download}>{ format!("{} ({heading})", ctx.tr("Télécharger", "Download")) }</button>
            </section>
        }
    };
    let more = found.len().saturating_sub(SHOWN);
    let on_keep_both = {
        let (mine, dispatch, suffix) =
            (mine.clone(), ctx.dispatch.clone(), ctx.tr("(version gardée à part)", "(version kept apart)"));
        Callback::from(move |_: MouseEvent| {
            let mut copy = (*mine).clone();
            copy.id = fresh_id("plan");
            copy.title = format!("{} {suffix}", copy.title);
            dispatch.emit(Msg::KeepBoth(copy));
        })
    };
    html! {
        <div class="notice conflict" role="alert">
            <p>{ ctx.tr(
                "Une autre version de ce plan a été enregistrée dans ce navigateur (par un autre onglet) sans tenir compte de vos dernières modifications. Rien n'est enregistré tant que vous n'avez pas choisi.",
                "Another version of this plan was saved in this browser (by another tab) without your latest changes. Nothing is saved until you choose.") }</p>
            <div class="versions">
                { version(mine, ctx.tr("Version de cette page", "This page's version"), "cette-page") }
                { version(theirs, ctx.tr("Autre version", "Other version"), "autre-version") }
            </div>
            <div class="differences">
                <h3>{ ctx.tr("Ce qui diffère dans votre version", "What differs in your version") }</h3>
                <ul>
                    { for found.iter().take(SHOWN).map(|d| html! { <li>{ text::difference(theirs, mine, d, ctx.lang) }</li> }) }
                    if more > 0 {
                        <li>{ format!("{} {more} {}", ctx.tr("et", "and"), ctx.tr("autres", "more")) }</li>
                    }
                </ul>
            </div>
            <div class="buttons">
                <button type="button" onclick={ctx.dispatch.reform(|_| Msg::KeepMine)}>
                    { ctx.tr("Garder la version de cette page", "Keep this page's version") }
                </button>
                <button type="button" onclick={ctx.dispatch.reform(|_| Msg::TakeTheirs)}>
                    { ctx.tr("Prendre l'autre version", "Take the other version") }
                </button>
                <button type="button" onclick={on_keep_both}>
                    { ctx.tr("Garder les deux", "Keep both") }
                </button>
            </div>
        </div>
    }
}
