//! The confirmation of a deletion, which says in the plan's own words what goes with
//! the element: its descendants per level, its indicators, and the actions that lose
//! a link to it.

use crate::ui::context::{use_ctx, Ctx};
use jalon::edit::structure::{delete_element, deletion_impact, Impact};
use jalon::history::{Act, What};
use jalon::id::Id;
use jalon::level::Noun;
use jalon::plan::Plan;
use jalon::subject::Subject;
use jalon::text::{count_of, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: Id,
    /// The element as the tree names it (« Orientation 1 — … »).
    pub name: String,
    /// Prefix of the DOM ids, unique on the page.
    pub key_prefix: String,
    /// Called once deleted (`true`) or kept (`false`).
    pub on_done: Callback<bool>,
}

/// « Cette suppression emporte aussi : 1 orientation, 3 objectifs, 5 indicateurs ;
/// 2 moyens perdront un lien (1 restera sans aucun lien). »
pub fn impact_text(ctx: &Ctx, plan: &Plan, impact: &Impact) -> String {
    if impact.is_empty() {
        return ctx.tr("Rien d'autre n'est supprimé.", "Nothing else is deleted.").into();
    }
    let indicator = match ctx.lang {
        Lang::Fr => Noun::new("indicateur", "indicateurs"),
        Lang::En => Noun::new("indicator", "indicators"),
    };
    let mut taken: Vec<String> = plan
        .levels
        .iter()
        .zip(&impact.descendants)
        .filter(|(_, n)| **n > 0)
        .map(|(level, n)| count_of(*n, &level.name))
        .collect();
    if impact.indicators > 0 {
        taken.push(count_of(impact.indicators, &indicator));
    }
    let mut sentence = String::new();
    if !taken.is_empty() {
        sentence.push_str(ctx.tr("Cette suppression emporte aussi\u{a0}: ", "This also deletes: "));
        sentence.push_str(&taken.join(", "));
    }
    if impact.actions_unlinked > 0 {
        if !sentence.is_empty() {
            sentence.push_str(ctx.tr("\u{a0}; ", "; "));
        }
        let actions = count_of(impact.actions_unlinked, &plan.action_name);
        let verb = match (ctx.lang, impact.actions_unlinked > 1) {
            (Lang::Fr, true) => "perdront un lien",
            (Lang::Fr, false) => "perdra un lien",
            (Lang::En, _) => "will lose a link",
        };
        sentence.push_str(&format!("{actions} {verb}"));
        if impact.actions_orphaned > 0 {
            let left = match (ctx.lang, impact.actions_orphaned > 1) {
                (Lang::Fr, true) => "resteront sans aucun lien",
                (Lang::Fr, false) => "restera sans aucun lien",
                (Lang::En, _) => "will be left with none",
            };
            sentence.push_str(&format!(" ({} {left})", impact.actions_orphaned));
        }
    }
    sentence.push('.');
    sentence
}

#[function_component(DeleteElement)]
pub fn delete_confirmation(props: &Props) -> Html {
    let ctx = use_ctx();
    let Some(impact) = deletion_impact(&ctx.plan, &props.id) else { return html! {} };
    let on_confirm = {
        let (ctx, id, on_done) = (ctx.clone(), props.id.clone(), props.on_done.clone());
        Callback::from(move |_: MouseEvent| {
            let id = id.clone();
            ctx.edit(Act::new(What::Deleted, Subject::Element(id.clone())), move |plan| delete_element(plan, &id));
            on_done.emit(true);
        })
    };
    let on_keep = props.on_done.reform(|_: MouseEvent| false);
    let title = format!("{}-title", props.key_prefix);
    let detail = format!("{}-detail", props.key_prefix);
    html! {
        <div class="confirm delete-confirm" role="group" aria-labelledby={title.clone()} aria-describedby={detail.clone()}>
            <p id={title}><strong>{ format!("{} {}{}", ctx.tr("Supprimer", "Delete"), props.name, ctx.tr("\u{a0}?", "?")) }</strong></p>
            <p id={detail}>{ impact_text(&ctx, &ctx.plan, &impact) }</p>
            <button type="button" class="danger" onclick={on_confirm}>{ ctx.tr("Supprimer définitivement", "Delete for good") }</button>
            <button type="button" id={format!("{}-keep", props.key_prefix)} onclick={on_keep}>{ ctx.tr("Annuler", "Cancel") }</button>
        </div>
    }
}
