//! The indicators screen (#/indicateurs): every indicator under its objective, each
//! segment with its baseline, targets, latest measurement, progress against expected
//! progress, status and chart; a form to add or change one.
//!
//! Large plans hold thousands of indicators: the list is built once per revision of the
//! plan, narrowed by an element of the tree and a text search, and shown 50 indicators
//! at a time.

use crate::ui::components::indicator_card::IndicatorCard;
use crate::ui::components::indicator_form::IndicatorForm;
use crate::ui::components::measurement_rule::MeasurementRule;
use crate::ui::components::sheet_tools::{SheetTools, Table as SheetTable};
use crate::ui::context::{fresh_id, use_ctx, use_plan_memo, Ctx};
use crate::ui::drafts;
use crate::ui::kit::field::{input_value, select_index};
use crate::ui::kit::row::set_to;
use jalon::calc::indicator_list::{listing, matching, Listing};
use jalon::edit::permits::Asked;
use jalon::model::id::Id;
use jalon::model::indicator::Indicator;
use jalon::words::draft::Form;
use jalon::words::table::words;
use jalon::words::text;
use yew::prelude::*;

const PER_PAGE: usize = 50;

/// The slice of `shown` on page `page`: `PER_PAGE` indicators, with the objectives
/// without indicators that fall between them.
fn page_bounds(listing: &Listing, shown: &[usize], page: usize) -> (usize, usize) {
    let starts: Vec<usize> = shown
        .iter()
        .enumerate()
        .filter(|(_, e)| listing.entries[**e].indicator.is_some())
        .map(|(position, _)| position)
        .step_by(PER_PAGE)
        .collect();
    let start = if page == 0 { 0 } else { starts.get(page).copied().unwrap_or(shown.len()) };
    let end = starts.get(page + 1).copied().unwrap_or(shown.len());
    (start, end)
}

#[function_component(Indicators)]
pub fn screen() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let scope = use_state(String::new);
    let query = use_state(String::new);
    let page = use_state(|| 0usize);
    let editing = use_state(|| None::<Editing>);
    {
        // An indicator's form resumed with what was typed in it, its objective alone shown.
        let (editing, scope, query, page, plan) =
            (editing.clone(), scope.clone(), query.clone(), page.clone(), ctx.plan.clone());
        drafts::use_resume(Callback::from(move |form: Form| {
            let held = |id: &Id| plan.indicators.iter().find(|i| &i.id == id);
            let (indicator, objective) = match &form {
                Form::Indicator { indicator, objective } => (indicator, objective.clone()),
                Form::Segment { indicator, .. } | Form::NewSegment(indicator) => match held(indicator) {
                    Some(held) => (indicator, held.objective.clone()),
                    None => return false,
                },
                _ => return false,
            };
            scope.set(objective.to_string());
            query.set(String::new());
            page.set(0);
            let new = held(indicator).is_none();
            editing.set(Some(Editing { indicator: indicator.clone(), objective, new }));
            true
        }));
    }
    let list = use_plan_memo(&ctx, listing);
    let shown = {
        let list = list.clone();
        use_memo((ctx.revision, (*scope).clone(), (*query).clone()), move |(_, scope, query)| {
            matching(&list, scope, query)
        })
    };
    let indicator_count = shown.iter().filter(|e| list.entries[**e].indicator.is_some()).count();
    let pages = indicator_count.div_ceil(PER_PAGE).max(1);
    let current = (*page).min(pages - 1);
    let (start, end) = page_bounds(&list, &shown, current);
    let first_shown = current * PER_PAGE;
    let last_shown = (first_shown + PER_PAGE).min(indicator_count);

    let on_scope = {
        let (scope, page, list) = (scope.clone(), page.clone(), list.clone());
        Callback::from(move |e: Event| {
            let chosen = select_index(e);
            scope.set(
                chosen
                    .checked_sub(1)
                    .and_then(|i| list.elements.get(i))
                    .map(|(id, _)| id.to_string())
                    .unwrap_or_default(),
            );
            page.set(0);
        })
    };
    let on_query = {
        let (query, page) = (query.clone(), page.clone());
        Callback::from(move |e: InputEvent| {
            query.set(input_value(e));
            page.set(0);
        })
    };
    let go_to = |target: usize| {
        let page = page.clone();
        Callback::from(move |_| {
            page.set(target);
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        })
    };
    let range = (ctx.words().range_of)(
        &text::number(if indicator_count == 0 { 0.0 } else { (first_shown + 1) as f64 }, 0, lang),
        &text::number(last_shown as f64, 0, lang),
        &text::number(indicator_count as f64, 0, lang),
    );
    let pager = |label: &'static str| {
        html! {
            <nav class="pager" aria-label={label}>
                <button type="button" onclick={go_to(current.saturating_sub(1))} disabled={current == 0}>
                    { ctx.words().previous }
                </button>
                <span>{ (ctx.words().page_of)(current + 1, pages) }</span>
                <button type="button" onclick={go_to(current + 1)} disabled={current + 1 >= pages}>
                    { ctx.words().next }
                </button>
            </nav>
        }
    };

    // Consecutive entries of one objective form one group under its heading.
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for &entry in &shown[start..end] {
        let objective = list.entries[entry].objective;
        match groups.last_mut() {
            Some((o, members)) if *o == objective => members.push(entry),
            _ => groups.push((objective, vec![entry])),
        }
    }
    let groups = groups.into_iter().map(|(objective, members)| group(&ctx, &list, objective, &members, &editing));

    html! {
        <section class="indicators-screen" aria-labelledby="indicators-title">
            <h1 id="indicators-title">{ ctx.words().indicators }</h1>
            <SheetTools table={SheetTable::Indicators} />
            <form class="indicator-filters" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <div class="field">
                    <label for="indicator-scope">{ ctx.words().show }</label>
                    <select id="indicator-scope" onchange={on_scope}>
                        <option value="" selected={scope.is_empty()}>{ ctx.words().whole_plan }</option>
                        { for list.elements.iter().map(|(id, name)| html! {
                            <option value={id.to_string()} selected={id.as_str() == scope.as_str()}>{ name }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="indicator-search">{ ctx.words().search_indicators }</label>
                    <input id="indicator-search" type="search" value={(*query).clone()} oninput={on_query} />
                </div>
            </form>
            <p class="indicator-count" role="status">{ format!("{} {range}", ctx.words().indicators) }</p>
            <MeasurementRule as_of={ctx.today} />
            if pages > 1 { { pager(ctx.words().indicator_pages_top) } }
            // Nothing shown: the plan has no objectives yet, or the search keeps none.
            if list.entries.is_empty() {
                <p class="empty">{ (ctx.words().plan_has_none)(&text::objective_noun(&ctx.plan, ctx.lang).plural) }</p>
            } else if shown.is_empty() {
                <p class="empty">{ ctx.words().no_indicator_matches_search }</p>
            }
            { for groups }
            if pages > 1 { { pager(ctx.words().indicator_pages_bottom) } }
        </section>
    }
}

/// What the form is open on. A new indicator keeps its form at the top of its group
/// once added, so that the form does not jump (and lose what it says) as it appears.
#[derive(Clone, PartialEq)]
struct Editing {
    indicator: Id,
    objective: Id,
    new: bool,
}

/// One objective's heading, its « add » button, and its indicators (or the form that
/// edits one of them).
fn group(
    ctx: &Ctx,
    list: &Listing,
    objective: usize,
    members: &[usize],
    editing: &UseStateHandle<Option<Editing>>,
) -> Html {
    let o = &list.objectives[objective];
    let heading_id = format!("group-{}", o.id);
    let edited = (**editing).clone().filter(|e| e.objective == o.id);
    let on_close = set_to(editing, None);
    let form = |indicator: &Id| {
        html! {
            <IndicatorForm key={indicator.to_string()} indicator={indicator.clone()} objective={o.id.clone()} on_close={on_close.clone()} />
        }
    };
    let indicators: Vec<(usize, &Indicator)> = members
        .iter()
        .filter_map(|e| list.entries[*e].indicator)
        .filter_map(|i| ctx.plan.indicators.get(i).map(|indicator| (i, indicator)))
        .collect();
    let in_place = |id: &Id| edited.as_ref().is_some_and(|e| !e.new && &e.indicator == id);
    // A new indicator, or one the search no longer shows, is edited at the top.
    let at_top = edited.as_ref().filter(|e| e.new || !indicators.iter().any(|(_, i)| i.id == e.indicator));
    let on_add = {
        let (editing, objective) = (editing.clone(), o.id.clone());
        Callback::from(move |_| {
            editing.set(Some(Editing { indicator: fresh_id("ind"), objective: objective.clone(), new: true }))
        })
    };
    // In a part, the indicators' definitions are context: measured at the follow-up.
    let definable = ctx.may(Asked::Context);
    html! {
        <section class="objective-group" aria-labelledby={heading_id.clone()}>
            <div class="group-head">
                <h2 id={heading_id}>{ &o.heading }</h2>
                if definable {
                    <button type="button" onclick={on_add}
                        aria-label={format!("{} — {}", ctx.words().add_an_indicator, o.heading)}>
                        { ctx.words().add_an_indicator }
                    </button>
                }
            </div>
            if let Some(e) = at_top { { form(&e.indicator) } }
            if indicators.is_empty() && at_top.is_none() {
                <p class="empty">{ (words(ctx.lang).none_yet)(ctx.words().indicators) }</p>
            }
            { for indicators.iter().filter(|(_, i)| at_top.is_none_or(|e| e.indicator != i.id)).map(|(index, indicator)| {
                if in_place(&indicator.id) {
                    return form(&indicator.id);
                }
                let on_edit = definable.then(|| {
                    set_to(editing, Some(Editing { indicator: indicator.id.clone(), objective: o.id.clone(), new: false }))
                });
                html! {
                    <IndicatorCard key={indicator.id.to_string()} plan={ctx.plan.clone()} revision={ctx.revision}
                        index={*index} lang={ctx.lang} today={ctx.today} {on_edit} />
                }
            }) }
        </section>
    }
}
