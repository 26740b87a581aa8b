//! The plan's tree at its own levels, with its own names for them, as an editor: each
//! element with its level name, code, title and status, and buttons to edit it, add a
//! child, reorder it, move it under another parent and delete it. Objectives show
//! their key facts and link to their own page.
//!
//! Everything computed (children, codes, statuses, action counts) is kept per plan
//! revision; on a large plan the branches start folded, so that only what the user
//! opens is drawn.

use super::add_element::AddElement;
use super::delete_element::DeleteElement;
use super::element_form::ElementForm;
use super::move_element::MoveElement;
use crate::ui::context::{use_ctx, use_plan_memo_reading, Ctx};
use crate::ui::drafts;
use crate::ui::kit::badge::status_badge;
use crate::ui::kit::focus::focus_soon;
use crate::ui::route::Route;
use jalon::calc::derived::reads;
use jalon::calc::rollup::{action_stats, report, ActionCounts, Report};
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::model::element::Element;
use jalon::model::id::Id;
use jalon::model::indicator::Indicator;
use jalon::model::plan::Plan;
use jalon::model::subject::Subject;
use jalon::words::draft::Form;
use jalon::words::text::{self, Lang};
use std::collections::{HashMap, HashSet};
use yew::prelude::*;

/// Beyond this many elements, branches start folded.
const FOLDED_FROM: usize = 200;

/// What the tree shows, computed once per plan revision that changes what it reads.
#[cfg_attr(test, derive(PartialEq))]
struct TreeData {
    /// Indices into `Plan::elements`, per parent, in display order.
    children: HashMap<Option<Id>, Vec<usize>>,
    codes: HashMap<Id, String>,
    report: Report,
    /// Indices into `Plan::indicators` (and `Report::indicators`), per objective.
    indicators: HashMap<Id, Vec<usize>>,
    /// Linked actions per objective, by status at the current checkpoint.
    actions: HashMap<Id, ActionCounts>,
    /// The checkpoint the actions' statuses are read at.
    checkpoint: Option<(String, chrono::NaiveDate)>,
    /// How many elements each level holds.
    per_level: Vec<usize>,
}

fn tree_data(plan: &Plan, today: chrono::NaiveDate) -> TreeData {
    let mut children: HashMap<Option<Id>, Vec<usize>> = HashMap::new();
    let mut per_level = vec![0; plan.levels.len()];
    for (index, element) in plan.elements.iter().enumerate() {
        children.entry(element.parent.clone()).or_default().push(index);
        if let Some(count) = per_level.get_mut(element.level) {
            *count += 1;
        }
    }
    let mut indicators: HashMap<Id, Vec<usize>> = HashMap::new();
    for (index, indicator) in plan.indicators.iter().enumerate() {
        indicators.entry(indicator.objective.clone()).or_default().push(index);
    }
    let checkpoint = plan.current_checkpoint();
    let actions = match checkpoint {
        Some(c) => action_stats(plan, &c.id).by_element,
        // No checkpoint yet: every linked action counts as not reported.
        None => plan.actions.iter().flat_map(|a| a.objectives.iter()).fold(HashMap::new(), |mut counts, objective| {
            counts.entry(objective.clone()).or_insert_with(ActionCounts::default).not_reported += 1;
            counts
        }),
    };
    TreeData {
        children,
        codes: plan.codes(),
        report: report(plan, today),
        indicators,
        actions,
        checkpoint: checkpoint.map(|c| (c.label.clone(), c.date)),
        per_level,
    }
}

/// An element's id as a DOM id: prefixed, without the spaces an id from a file may hold.
pub fn dom_id(prefix: &str, id: &Id) -> String {
    format!("{prefix}-{}", id.as_str().replace(char::is_whitespace, "_"))
}

/// What is open on an element, one at a time in the whole tree.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Edit,
    AddChild,
    Move,
    Delete,
}

/// Where focus goes when a form on an element closes.
fn after(mode: Mode, plan: &Plan, id: &Id, changed: bool) -> Vec<String> {
    let own = vec![dom_id("edit", id)];
    match (mode, changed) {
        (Mode::Delete, true) => match plan.element(id).and_then(|e| e.parent.as_ref()) {
            Some(parent) => vec![dom_id("edit", parent)],
            None => vec!["add-top".into()],
        },
        (Mode::Delete, false) => vec![dom_id("delete", id)],
        (Mode::Move, false) => vec![dom_id("move", id)],
        _ => own,
    }
}

struct View<'a> {
    ctx: &'a Ctx,
    data: &'a TreeData,
    open: &'a UseStateHandle<Option<(Id, Mode)>>,
    folded: &'a UseStateHandle<HashSet<Id>>,
}

#[function_component(PlanTree)]
pub fn plan_tree() -> Html {
    let ctx = use_ctx();
    let data = use_plan_memo_reading(&ctx, reads::TREE, ctx.today, |plan, today| tree_data(plan, *today));
    let open = use_state(|| None::<(Id, Mode)>);
    let folded = {
        let plan = ctx.plan.clone();
        use_state(move || {
            if plan.elements.len() < FOLDED_FROM {
                return HashSet::new();
            }
            plan.elements.iter().filter_map(|e| e.parent.clone()).collect::<HashSet<Id>>()
        })
    };
    let adding_top = use_state(|| false);
    {
        // A form of the tree resumed with what was typed in it, its branch unfolded.
        let (open, folded, adding_top, plan) = (open.clone(), folded.clone(), adding_top.clone(), ctx.plan.clone());
        drafts::use_resume(Callback::from(move |form: Form| {
            let (id, mode) = match &form {
                Form::Element(id) => (id, Mode::Edit),
                Form::NewElement(Some(parent)) => (parent, Mode::AddChild),
                Form::NewElement(None) => {
                    adding_top.set(true);
                    return true;
                }
                _ => return false,
            };
            let mut unfolded = (*folded).clone();
            // Up to the top, or once round a parent cycle.
            let mut at = Some(id.clone());
            for _ in 0..=plan.elements.len() {
                let Some(shown) = at.take() else { break };
                at = plan.element(&shown).and_then(|e| e.parent.clone());
                unfolded.remove(&shown);
            }
            folded.set(unfolded);
            open.set(Some((id.clone(), mode)));
            true
        }));
    }
    let view = View { ctx: &ctx, data: &data, open: &open, folded: &folded };
    let top_noun = ctx.plan.level_name(0).map(|n| n.singular.clone()).unwrap_or_default();
    let top: &[usize] = data.children.get(&None).map_or(&[], Vec::as_slice);

    let on_add_top = {
        let adding_top = adding_top.clone();
        Callback::from(move |_: MouseEvent| {
            adding_top.set(true);
            focus_soon(vec!["add-top-title".into()]);
        })
    };
    let on_top_added = {
        let adding_top = adding_top.clone();
        Callback::from(move |added: Option<Id>| {
            adding_top.set(false);
            focus_soon(match added {
                Some(id) => vec![dom_id("edit", &id)],
                None => vec!["add-top".into()],
            });
        })
    };
    html! {
        <div class="tree">
            if ctx.plan.elements.is_empty() {
                <p class="empty">{ ctx.words().plan_has_no_element }</p>
            } else if top.is_empty() {
                // Every element is outside the tree, listed above to be put back.
                <p class="empty">{ ctx.words().no_top_level_element }</p>
            }
            { for top.iter().map(|index| branch(&view, *index)) }
            if *adding_top {
                <AddElement parent={None::<Id>} noun={top_noun} field="add-top-title" on_done={on_top_added} />
            } else {
                <button type="button" id="add-top" class="add-top" onclick={on_add_top}>
                    { (ctx.words().add_noun)(&top_noun) }
                </button>
            }
        </div>
    }
}

/// The organisation an element of a regional plan comes from (a plan made of several
/// plans says so by its sources).
fn origin<'a>(plan: &'a Plan, element: &Element) -> Option<&'a str> {
    if plan.sources.is_empty() {
        return None;
    }
    let origin = element.meta.origin.as_ref()?;
    plan.organisations.iter().find(|o| o.id == *origin).map(|o| o.name.as_str())
}

fn branch(view: &View, index: usize) -> Html {
    let ctx = view.ctx;
    let plan = &ctx.plan;
    let element = &plan.elements[index];
    let id = &element.id;
    let level_name = plan.level_name(element.level).map_or("", |n| n.singular.as_str());
    let code = view.data.codes.get(id).cloned().unwrap_or_default();
    // An unnumbered section is named by its level alone.
    let numbered = if code.is_empty() { level_name.to_owned() } else { format!("{level_name} {code}") };
    let name = format!("{numbered} — {}", element.title);
    let heading_id = dom_id("h", id);
    let is_objective = element.level == plan.objective_level;
    let children: &[usize] = view.data.children.get(&Some(id.clone())).map_or(&[], Vec::as_slice);
    let is_folded = view.folded.contains(id);
    let status = view.data.report.element(id).status(&plan.settings);
    let mode = view.open.as_ref().filter(|(open, _)| open == id).map(|(_, mode)| *mode);
    let prefix = dom_id("form", id);

    let heading_text = html! {
        <><span class="code">{ numbered }</span>{ " — " }<bdi>{ &element.title }</bdi></>
    };
    let heading_inner = if is_objective {
        html! { <a href={Route::Objective(id.clone()).href()}>{ heading_text }</a> }
    } else {
        heading_text
    };
    let heading = match element.level {
        0 => html! { <h2 id={heading_id.clone()}>{ heading_inner }</h2> },
        1 => html! { <h3 id={heading_id.clone()}>{ heading_inner }</h3> },
        2 => html! { <h4 id={heading_id.clone()}>{ heading_inner }</h4> },
        3 => html! { <h5 id={heading_id.clone()}>{ heading_inner }</h5> },
        _ => html! { <h6 id={heading_id.clone()}>{ heading_inner }</h6> },
    };
    let fold_button = (!children.is_empty()).then(|| {
        let (folded, id) = (view.folded.clone(), id.clone());
        let on_toggle = Callback::from(move |_: MouseEvent| {
            let mut next = (*folded).clone();
            if !next.remove(&id) {
                next.insert(id.clone());
            }
            folded.set(next);
        });
        let label = if is_folded { ctx.words().expand } else { ctx.words().collapse };
        html! {
            <button type="button" class="fold" aria-expanded={(!is_folded).to_string()}
                aria-describedby={heading_id.clone()} onclick={on_toggle}>{ label }</button>
        }
    });
    let form = mode.map(|mode| {
        let on_done = {
            let (open, plan, id) = (view.open.clone(), plan.clone(), id.clone());
            Callback::from(move |changed: bool| {
                focus_soon(after(mode, &plan, &id, changed));
                open.set(None);
            })
        };
        match mode {
            Mode::Edit => html! {
                <ElementForm id={id.clone()} key_prefix={prefix.clone()} {is_objective} {on_done} />
            },
            Mode::Move => html! { <MoveElement id={id.clone()} field={format!("{prefix}-parent")} {on_done} /> },
            Mode::Delete => {
                html! { <DeleteElement id={id.clone()} name={name.clone()} key_prefix={prefix.clone()} {on_done} /> }
            }
            Mode::AddChild => html! {},
        }
    });
    let add_child = (mode == Some(Mode::AddChild)).then(|| {
        let noun = plan.level_name(element.level + 1).map(|n| n.singular.clone()).unwrap_or_default();
        let on_done = {
            let (open, folded, parent) = (view.open.clone(), view.folded.clone(), id.clone());
            Callback::from(move |added: Option<Id>| {
                open.set(None);
                let mut next = (*folded).clone();
                next.remove(&parent);
                folded.set(next);
                focus_soon(match added {
                    Some(new) => vec![dom_id("edit", &new)],
                    None => vec![dom_id("add", &parent)],
                });
            })
        };
        html! { <AddElement parent={Some(id.clone())} {noun} field={format!("{prefix}-new")} {on_done} /> }
    });
    let body = html! {
        <>
            <div class="node-head">
                { heading }
                { status_badge(status, ctx.lang) }
                { fold_button }
            </div>
            if let Some(origin) = origin(plan, element) { <p class="origin">{ (ctx.words().origin_of)(origin) }</p> }
            if !element.description.is_empty() { <p class="description">{ &element.description }</p> }
            if is_objective { { objective_facts(view, id) } }
            { tools(view, index, &heading_id) }
            { form.unwrap_or_default() }
            if !is_folded && !children.is_empty() {
                <div class="children">{ for children.iter().map(|child| branch(view, *child)) }</div>
            }
            { add_child.unwrap_or_default() }
        </>
    };
    let classes = classes!("node", format!("level-{}", element.level));
    let key = id.to_string();
    if is_objective {
        html! { <article {key} id={dom_id("el", id)} class={classes!(classes, "objective")} aria-labelledby={heading_id}>{ body }</article> }
    } else {
        html! { <section {key} id={dom_id("el", id)} class={classes} aria-labelledby={heading_id}>{ body }</section> }
    }
}

/// An objective's key facts: deadline, SMART statement, indicators with their status,
/// and its actions by status.
fn objective_facts(view: &View, id: &Id) -> Html {
    let ctx = view.ctx;
    let plan = &ctx.plan;
    let Some(element) = plan.element(id) else { return html! {} };
    let indicators: &[usize] = view.data.indicators.get(id).map_or(&[], Vec::as_slice);
    let actions = view.data.actions.get(id).copied().unwrap_or_default();
    let action_line = if actions.total() == 0 {
        "0".to_string()
    } else {
        let at =
            view.data.checkpoint.as_ref().map(|(label, date)| format!(" — {label} ({})", text::day(*date, ctx.lang)));
        let at = at.unwrap_or_default();
        format!("{} — {}{at}", actions.total(), text::action_counts(&actions, ctx.lang))
    };
    html! {
        <>
            <dl class="facts">
                <div>
                    <dt>{ ctx.words().deadline }</dt>
                    <dd>{ element.deadline.map_or_else(|| "—".to_string(), |d| text::plan_date(d, ctx.lang)) }</dd>
                </div>
                if !element.smart.is_empty() {
                    <div><dt>{ ctx.words().smart }</dt><dd>{ &element.smart }</dd></div>
                }
                <div>
                    <dt>{ ctx.words().indicators }</dt>
                    <dd>
                        if indicators.is_empty() {
                            { "0" }
                        } else {
                            <ul class="indicator-lines">
                                { for indicators.iter().map(|i| {
                                    let indicator = &plan.indicators[*i];
                                    let progress = &view.data.report.indicators[*i];
                                    html! {
                                        <li>
                                            <span>{ &indicator.label }</span>
                                            { targets(indicator, ctx.plan.year_end(), ctx.lang).map(|t| format!(" — {} ", (ctx.words().target_is)(&t))).unwrap_or_else(|| " ".into()) }
                                            { status_badge(progress.status, ctx.lang) }
                                            { progress.progress.map(|p| format!(" {}", text::percent(p * 100.0, ctx.lang))).unwrap_or_default() }
                                        </li>
                                    }
                                }) }
                            </ul>
                        }
                    </dd>
                </div>
                <div><dt>{ &plan.action_name.plural }</dt><dd>{ action_line }</dd></div>
            </dl>
        </>
    }
}

/// « Primaire 79,7 % (2027) · Secondaire 62 % (2027) »: an indicator's final targets,
/// per segment when it has several.
fn targets(indicator: &Indicator, year: jalon::model::date::YearEnd, lang: Lang) -> Option<String> {
    let parts: Vec<String> = indicator
        .segments
        .iter()
        .filter_map(|segment| {
            let target = segment.final_target(year)?;
            let value = text::target(target, indicator.kind, indicator.out_of, lang);
            let label = if segment.label.is_empty() { String::new() } else { format!("{} ", segment.label) };
            Some(format!("{label}{value} ({})", text::plan_date(target.date, lang)))
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The buttons of one element, labelled as a group by its heading.
fn tools(view: &View, index: usize, heading_id: &str) -> Html {
    let ctx = view.ctx;
    let plan = &ctx.plan;
    let element = &plan.elements[index];
    let id = &element.id;
    let siblings: &[usize] = view.data.children.get(&element.parent).map_or(&[], Vec::as_slice);
    let is_first = siblings.first() == Some(&index);
    let is_last = siblings.last() == Some(&index);
    let can_add_child = element.level + 1 < plan.levels.len();
    let can_move = element.level > 0 && view.data.per_level.get(element.level - 1).is_some_and(|n| *n > 1);
    let opener = |mode: Mode, first_field: String| {
        let (open, id) = (view.open.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            open.set(Some((id.clone(), mode)));
            focus_soon(vec![first_field.clone()]);
        })
    };
    let reorder = |up: bool| {
        let (ctx, id) = (ctx.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            let id = id.clone();
            let targets = if up { ["up", "down"] } else { ["down", "up"] };
            focus_soon(targets.iter().map(|t| dom_id(t, &id)).collect());
            let change =
                if up { Change::MoveUp { element: id.clone() } } else { Change::MoveDown { element: id.clone() } };
            ctx.edit(Act::new(What::Reordered, Subject::Element(id)), change);
        })
    };
    let prefix = dom_id("form", id);
    let child_noun = plan.level_name(element.level + 1).map(|n| n.singular.clone()).unwrap_or_default();
    html! {
        <div class="tools" role="group" aria-labelledby={heading_id.to_string()}>
            <button type="button" id={dom_id("edit", id)} onclick={opener(Mode::Edit, format!("{prefix}-title"))}>
                { ctx.words().edit }
            </button>
            if can_add_child {
                <button type="button" id={dom_id("add", id)} onclick={opener(Mode::AddChild, format!("{prefix}-new"))}>
                    { (ctx.words().add_noun)(&child_noun) }
                </button>
            }
            <button type="button" id={dom_id("up", id)} disabled={is_first} onclick={reorder(true)}>{ ctx.words().move_up }</button>
            <button type="button" id={dom_id("down", id)} disabled={is_last} onclick={reorder(false)}>{ ctx.words().move_down }</button>
            if can_move {
                <button type="button" id={dom_id("move", id)} onclick={opener(Mode::Move, format!("{prefix}-parent"))}>
                    { ctx.words().move_to }
                </button>
            }
            <button type="button" id={dom_id("delete", id)} class="danger" onclick={opener(Mode::Delete, format!("{prefix}-keep"))}>
                { ctx.words().delete }
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::screens::dashboard::tests::{edits, last_report, sample};
    use jalon::calc::derived::Since;
    use jalon::start::generate::{large_plan, Spec};
    use std::rc::Rc;

    /// Every edit that leaves what the tree reads (`reads::TREE`) as it was leaves the
    /// tree's data as it was: reusing it is showing what would be worked out afresh.
    fn kept_when_unread(plan: Plan) {
        let today = last_report(&plan);
        let plan = Rc::new(plan);
        let data = tree_data(&plan, today);
        let mut kept = Vec::new();
        for (edit, next) in edits(&plan) {
            let next = Rc::new(next);
            if Since::new(Some(&plan), &next).shares(reads::TREE) {
                assert!(tree_data(&next, today) == data, "after {edit}, the tree's data changed");
                kept.push(edit);
            }
        }
        assert!(kept.contains(&"the title"), "a title edit keeps the tree: {kept:?}");
    }

    #[test]
    fn the_tree_is_kept_only_when_what_it_reads_is_unchanged() {
        kept_when_unread(sample());
        kept_when_unread(large_plan(&Spec { objectives: 40, indicators: 200, actions: 100, seed: 11 }));
    }
}
