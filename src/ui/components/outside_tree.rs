//! The elements the tree cannot show: their parent is missing, or they sit in a parent
//! cycle (a damaged or hand-edited file). Each is listed with the check's sentence and
//! a form that puts it back into the tree, with everything below it, so that nothing
//! the user had is out of reach.

use super::plan_tree::{dom_id, focus_soon};
use crate::ui::context::use_ctx;
use jalon::check::{Finding, Reference};
use jalon::edit::structure::put_back_places;
use jalon::edit::Change;
use jalon::history::{Act, What};
use jalon::id::Id;
use jalon::plan::{Detached, Plan};
use jalon::subject::Subject;
use jalon::text;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The value of the « top level » choice: no element id is empty.
const TOP: &str = "";

/// One element to put back: the top of a detached branch.
#[derive(Clone, PartialEq)]
struct Head {
    id: Id,
    name: String,
    finding: Finding,
    /// How many elements hang below it and come back with it.
    below: usize,
}

fn heads(plan: &Plan) -> Vec<Head> {
    let outside = plan.outside_tree();
    let below = |id: &Id| outside.iter().filter(|(_, why)| matches!(why, Detached::Below(head) if head == id)).count();
    outside
        .iter()
        .filter_map(|(index, why)| {
            let element = &plan.elements[*index];
            let (finding, below) = match why {
                Detached::MissingParent(missing) => (
                    Finding::MissingReference {
                        subject: Subject::Element(element.id.clone()),
                        reference: Reference::Parent,
                        missing: missing.clone(),
                    },
                    below(&element.id),
                ),
                // Whichever member goes back brings the others and all below them.
                Detached::Cycle(members) => (
                    Finding::ParentCycle { elements: members.clone() },
                    members.len() - 1 + members.iter().map(below).sum::<usize>(),
                ),
                Detached::Below(_) => return None,
            };
            let level = plan.level_name(element.level).map_or("", |n| n.singular.as_str());
            Some(Head { id: element.id.clone(), name: format!("{level} — {}", element.title), finding, below })
        })
        .collect()
}

#[function_component(OutsideTree)]
pub fn outside_tree() -> Html {
    let ctx = use_ctx();
    let heads = {
        let plan = ctx.plan.clone();
        use_memo(ctx.revision, move |_| heads(&plan))
    };
    if heads.is_empty() {
        return html! {};
    }
    html! {
        <section class="outside-tree" aria-labelledby="outside-tree-title">
            <h2 id="outside-tree-title">{ ctx.words().elements_outside_tree }</h2>
            <p class="help">{ ctx.words().these_elements_hang_no }</p>
            <ul>
                { for heads.iter().map(|head| html! { <HeadItem key={head.id.to_string()} head={head.clone()} /> }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ItemProps {
    head: Head,
}

#[function_component(HeadItem)]
fn head_item(props: &ItemProps) -> Html {
    let ctx = use_ctx();
    let head = &props.head;
    let places: Vec<(String, String)> = put_back_places(&ctx.plan, &head.id)
        .into_iter()
        .map(|place| match place {
            None => (TOP.to_string(), ctx.words().top_level.to_string()),
            Some(e) => {
                let level = ctx.plan.level_name(e.level).map_or("", |n| n.singular.as_str());
                (e.id.to_string(), format!("{level} {} — {}", ctx.plan.code_of(&e.id), e.title))
            }
        })
        .collect();
    let chosen = use_state(|| places.first().map(|(value, _)| value.clone()));
    let on_change = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(Some(e.target_unchecked_into::<HtmlSelectElement>().value())))
    };
    let on_submit = {
        let (ctx, chosen, id) = (ctx.clone(), chosen.clone(), head.id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(value) = (*chosen).clone() else { return };
            let id = id.clone();
            // Once back, the element is in the tree: focus follows it there.
            focus_soon(vec![dom_id("edit", &id)]);
            let parent = (value != TOP).then(|| Id::new(value));
            ctx.edit(Act::new(What::Moved, Subject::Element(id.clone())), Change::PutBack { element: id, parent });
        })
    };
    let field = dom_id("put-back", &head.id);
    let title_id = dom_id("outside", &head.id);
    let below = (ctx.words().comes_back)(head.below);
    html! {
        <li class="outside" id={dom_id("outside-el", &head.id)}>
            <h3 id={title_id.clone()}>{ &head.name }</h3>
            <p class="finding">{ text::finding(&ctx.plan, &head.finding, ctx.lang) }</p>
            if !below.is_empty() { <p class="help">{ below }</p> }
            if places.is_empty() {
                <p class="help">{ ctx.words().no_element_tree_level }</p>
            } else {
                <form class="move-form inline-form" onsubmit={on_submit} aria-labelledby={title_id}>
                    <label for={field.clone()}>{ ctx.words().put_back_under }</label>
                    <select id={field} onchange={on_change}>
                        { for places.iter().map(|(value, name)| html! {
                            <option value={value.clone()} selected={chosen.as_deref() == Some(value.as_str())}>{ name }</option>
                        }) }
                    </select>
                    <button type="submit" class="primary">{ ctx.words().put_back_tree }</button>
                </form>
            }
        </li>
    }
}
