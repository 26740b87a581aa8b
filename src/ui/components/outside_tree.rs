//! The elements the tree cannot show: their parent is missing, or they sit in a parent
//! cycle (a damaged or hand-edited file). Each is listed with the check's sentence and
//! a form that puts it back into the tree, with everything below it, so that nothing
//! the user had is out of reach.

use super::plan_tree::dom_id;
use crate::ui::context::{use_ctx, use_plan_memo};
use crate::ui::kit::focus::focus_soon;
use crate::ui::kit::same::Same;
use jalon::calc::check::{Finding, Reference};
use jalon::edit::history::{Act, What};
use jalon::edit::structure::PutBackPlaces;
use jalon::edit::Change;
use jalon::model::element::Element;
use jalon::model::id::Id;
use jalon::model::plan::{Detached, Plan};
use jalon::model::subject::Subject;
use jalon::words::text;
use std::collections::HashMap;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The value of the « top level » choice: no element id is empty.
const TOP: &str = "";

/// One detached branch: its head, which brings the branch back when put back.
#[derive(Clone, PartialEq)]
struct Head {
    id: Id,
    name: String,
    finding: Finding,
    /// How many elements hang below it and come back with it.
    below: usize,
    /// Which element goes back: the head alone, or any member of a parent cycle (each
    /// brings the others), with its name and level.
    members: Vec<(Id, String, usize)>,
}

/// The section, worked out once per revision of the plan: the heads, and where an
/// element of each level may go back (`None`: the top level), named as the lists show
/// them. A ring of a thousand elements is one head, and the places of a level are found
/// once for every head at that level.
struct Outside {
    heads: Vec<Head>,
    places: HashMap<usize, Vec<Option<(String, String)>>>,
}

fn outside(plan: &Plan) -> Outside {
    let found = plan.outside_tree();
    let mut below: HashMap<&Id, usize> = HashMap::new();
    for (_, why) in &found {
        if let Detached::Below(head) = why {
            *below.entry(head).or_default() += 1;
        }
    }
    let name = |element: &Element| {
        let level = plan.level_name(element.level).map_or("", |n| n.singular.as_str());
        format!("{level} — {}", element.title)
    };
    let member = |element: &Element| (element.id.clone(), name(element), element.level);
    let index: HashMap<&Id, &Element> = plan.elements.iter().map(|e| (&e.id, e)).collect();
    let heads: Vec<Head> = found
        .iter()
        .filter_map(|(index_of, why)| {
            let element = &plan.elements[*index_of];
            let (finding, members) = match why {
                Detached::MissingParent(missing) => (
                    Finding::MissingReference {
                        subject: Subject::Element(element.id.clone()),
                        reference: Reference::Parent,
                        missing: missing.clone(),
                    },
                    vec![member(element)],
                ),
                Detached::Cycle(members) => (
                    Finding::ParentCycle { elements: members.clone() },
                    members.iter().filter_map(|m| index.get(m)).map(|e| member(e)).collect(),
                ),
                Detached::Below(_) => return None,
            };
            let below = below.get(&element.id).copied().unwrap_or(0);
            Some(Head { id: element.id.clone(), name: name(element), finding, below, members })
        })
        .collect();
    let codes = plan.codes();
    let places = PutBackPlaces::new(plan);
    let mut by_level = HashMap::new();
    for level in heads.iter().flat_map(|h| h.members.iter().map(|(_, _, level)| *level)) {
        by_level.entry(level).or_insert_with(|| {
            places
                .at(level)
                .into_iter()
                .map(|place| {
                    place.map(|e| {
                        let level = plan.level_name(e.level).map_or("", |n| n.singular.as_str());
                        let code = codes.get(&e.id).map_or("", String::as_str);
                        (e.id.to_string(), format!("{level} {code} — {}", e.title))
                    })
                })
                .collect()
        });
    }
    Outside { heads, places: by_level }
}

#[function_component(OutsideTree)]
pub fn outside_tree() -> Html {
    let ctx = use_ctx();
    let outside = use_plan_memo(&ctx, outside);
    if outside.heads.is_empty() {
        return html! {};
    }
    html! {
        <section class="outside-tree" aria-labelledby="outside-tree-title">
            <h2 id="outside-tree-title">{ ctx.words().elements_outside_tree }</h2>
            <p class="help">{ ctx.words().detached_elements_help }</p>
            <ul>
                { for outside.heads.iter().enumerate().map(|(index, head)| html! {
                    <HeadItem key={head.id.to_string()} outside={outside.clone()} {index} />
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ItemProps {
    /// The section's work, handed to each item as it is: equal while it is the same.
    outside: Same<Outside>,
    /// Which head, in `outside.heads`.
    index: usize,
}

#[function_component(HeadItem)]
fn head_item(props: &ItemProps) -> Html {
    let ctx = use_ctx();
    let Outside { heads, places } = &*props.outside.0;
    let head = &heads[props.index];
    // Which member goes back (a cycle's), and under which element.
    let member = use_state(|| 0usize);
    let chosen = use_state(|| None::<String>);
    let (member_id, _, level) =
        head.members.get(*member).or(head.members.first()).cloned().unwrap_or((head.id.clone(), String::new(), 0));
    let places: Vec<(String, String)> = places
        .get(&level)
        .into_iter()
        .flatten()
        .map(|place| place.clone().unwrap_or_else(|| (TOP.to_string(), ctx.words().top_level.to_string())))
        .collect();
    // The place chosen, while the list still holds it; else the first.
    let place = (*chosen)
        .clone()
        .filter(|value| places.iter().any(|(v, _)| v == value))
        .or_else(|| places.first().map(|(value, _)| value.clone()));
    let on_member = {
        let member = member.clone();
        Callback::from(move |e: Event| {
            member.set(e.target_unchecked_into::<HtmlSelectElement>().selected_index().max(0) as usize)
        })
    };
    let on_change = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(Some(e.target_unchecked_into::<HtmlSelectElement>().value())))
    };
    let on_submit = {
        let (ctx, place, id) = (ctx.clone(), place.clone(), member_id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(value) = place.clone() else { return };
            let id = id.clone();
            // Once back, the element is in the tree: focus follows it there.
            focus_soon(vec![dom_id("edit", &id)]);
            let parent = (value != TOP).then(|| Id::new(value));
            ctx.edit(Act::new(What::Moved, Subject::Element(id.clone())), Change::PutBack { element: id, parent });
        })
    };
    let field = dom_id("put-back", &head.id);
    let member_field = dom_id("put-back-which", &head.id);
    let title_id = dom_id("outside", &head.id);
    let below = (ctx.words().comes_back)(head.below);
    html! {
        <li class="outside" id={dom_id("outside-el", &head.id)}>
            <h3 id={title_id.clone()}>{ &head.name }</h3>
            <p class="finding">{ text::finding(&ctx.plan, &head.finding, ctx.lang) }</p>
            if !below.is_empty() { <p class="help">{ below }</p> }
            if head.members.len() > 1 || !places.is_empty() {
                <form class="move-form inline-form" onsubmit={on_submit} aria-labelledby={title_id}>
                    if head.members.len() > 1 {
                        <label for={member_field.clone()}>{ ctx.words().element_to_put_back }</label>
                        <select id={member_field} onchange={on_member}>
                            { for head.members.iter().enumerate().map(|(i, (id, name, _))| html! {
                                <option value={id.to_string()} selected={i == *member}>{ name }</option>
                            }) }
                        </select>
                    }
                    if !places.is_empty() {
                        <label for={field.clone()}>{ ctx.words().put_back_under }</label>
                        <select id={field} onchange={on_change}>
                            { for places.iter().map(|(value, name)| html! {
                                <option value={value.clone()} selected={place.as_deref() == Some(value.as_str())}>{ name }</option>
                            }) }
                        </select>
                        <button type="submit" class="primary">{ ctx.words().put_back_tree }</button>
                    }
                </form>
            }
            if places.is_empty() { <p class="help">{ ctx.words().no_parent_at_level_above }</p> }
        </li>
    }
}
