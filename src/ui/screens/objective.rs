//! An objective's own page: where it sits in the tree, its deadline and SMART
//! statement (editable), its indicators with their status as of today, and its linked
//! actions with their latest état d'avancement.

use crate::ui::components::actions_table::ActionsTable;
use crate::ui::components::element_form::ElementForm;
use crate::ui::components::indicators_table::IndicatorsTable;
use crate::ui::components::measurement_rule::MeasurementRule;
use crate::ui::components::plan_tree::dom_id;
use crate::ui::context::{use_ctx, use_plan_memo_with, Ctx};
use crate::ui::kit::badge::status_badge;
use crate::ui::kit::focus::focus_soon;
use crate::ui::route::Route;
use jalon::calc::rollup::report;
use jalon::edit::permits::Asked;
use jalon::model::element::Element;
use jalon::model::id::Id;
use jalon::words::text;
use std::collections::HashSet;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: Id,
}

/// « Enjeu 1 — La réussite de chaque élève »: an element as the tree names it.
fn name(ctx: &Ctx, element: &Element) -> String {
    let level = ctx.plan.level_name(element.level).map_or("", |n| n.singular.as_str());
    format!("{level} {} — {}", ctx.plan.code_of(&element.id), element.title)
}

/// The element's ancestors from the top down; a parent cycle stops the walk.
fn ancestors<'a>(ctx: &'a Ctx, element: &'a Element) -> Vec<&'a Element> {
    let mut seen = HashSet::from([&element.id]);
    let mut chain = Vec::new();
    let mut current = element.parent.as_ref().and_then(|p| ctx.plan.element(p));
    while let Some(parent) = current.filter(|p| seen.insert(&p.id)) {
        chain.push(parent);
        current = parent.parent.as_ref().and_then(|p| ctx.plan.element(p));
    }
    chain.reverse();
    chain
}

#[function_component(ObjectivePage)]
pub fn objective_page(props: &Props) -> Html {
    let ctx = use_ctx();
    let editing = use_state(|| false);
    let status = use_plan_memo_with(&ctx, (ctx.today, props.id.clone()), |plan, (today, id)| {
        report(plan, *today).element(id).status(&plan.settings)
    });
    let Some(element) = ctx.plan.element(&props.id).filter(|e| e.level == ctx.plan.objective_level) else {
        return html! {
            <section class="objective-page">
                <h1>{ ctx.words().objective_not_found }</h1>
                <p>{ (ctx.words().no_objective_with_id)(&text::objective_noun(&ctx.plan, ctx.lang).plural, props.id.as_str()) }</p>
                <p><a href={Route::Structure.href()}>{ ctx.words().back_plan_structure }</a></p>
            </section>
        };
    };
    let prefix = dom_id("objective-form", &element.id);
    let edit_button = dom_id("objective-edit", &element.id);
    let on_edit = {
        let (editing, first) = (editing.clone(), format!("{prefix}-smart"));
        Callback::from(move |_: MouseEvent| {
            editing.set(true);
            focus_soon(vec![first.clone()]);
        })
    };
    let on_done = {
        let (editing, button) = (editing.clone(), edit_button.clone());
        Callback::from(move |_: bool| {
            editing.set(false);
            focus_soon(vec![button.clone()]);
        })
    };
    let trail = ancestors(&ctx, element);
    html! {
        <article class="objective objective-page" aria-labelledby="objective-title">
            <nav class="breadcrumb" aria-label={ctx.words().breadcrumb}>
                <ol>
                    <li><a href={Route::Structure.href()}>{ ctx.words().structure }</a></li>
                    { for trail.iter().map(|a| html! { <li>{ name(&ctx, a) }</li> }) }
                </ol>
            </nav>
            <h1 id="objective-title">{ name(&ctx, element) }</h1>
            <p>
                { status_badge(*status, ctx.lang) }
                { format!(" {}", (ctx.words().as_of_day)(&text::day(ctx.today, ctx.lang))) }
            </p>
            if *editing {
                <ElementForm id={element.id.clone()} key_prefix={prefix} is_objective=true {on_done} />
            } else {
                <dl class="facts">
                    <div>
                        <dt>{ ctx.words().deadline }</dt>
                        <dd>{ element.deadline.map_or_else(|| ctx.words().none_feminine.to_string(), |d| text::plan_date(d, ctx.lang)) }</dd>
                    </div>
                    <div>
                        <dt>{ ctx.words().smart }</dt>
                        <dd class="smart">{ if element.smart.is_empty() { ctx.words().not_written_yet.to_string() } else { element.smart.clone() } }</dd>
                    </div>
                    if !element.description.is_empty() {
                        <div><dt>{ ctx.words().description }</dt><dd>{ &element.description }</dd></div>
                    }
                </dl>
                if ctx.may(Asked::Context) {
                    <button type="button" id={edit_button} onclick={on_edit}>
                        { ctx.words().edit_deadline_and_smart }
                    </button>
                }
            }
            <section class="objective-part" aria-labelledby="objective-indicators">
                <div class="part-head">
                    <h2 id="objective-indicators">{ ctx.words().indicators }</h2>
                    <a href={Route::Indicators.href()}>{ ctx.words().plan_indicators }</a>
                </div>
                <IndicatorsTable objective={element.id.clone()} labelled_by="objective-indicators" />
                <MeasurementRule as_of={ctx.today} objective={element.id.clone()} />
            </section>
            <section class="objective-part" aria-labelledby="objective-actions">
                <div class="part-head">
                    <h2 id="objective-actions">{ &ctx.plan.action_name.plural }</h2>
                    <a href={Route::Actions.href()}>{ (ctx.words().plan_actions)(&ctx.plan.action_name.plural) }</a>
                </div>
                <ActionsTable objective={element.id.clone()} labelled_by="objective-actions" />
            </section>
        </article>
    }
}
