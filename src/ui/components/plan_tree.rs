//! The plan's tree at its own levels, with its own names for them.

use super::objective::Objective;
use jalon::element::Element;
use jalon::id::Id;
use jalon::plan::Plan;
use jalon::text::Lang;
use chrono::NaiveDate;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub plan: Rc<Plan>,
    pub lang: Lang,
    pub today: NaiveDate,
}

#[function_component(PlanTree)]
pub fn plan_tree(props: &Props) -> Html {
    html! {
        <div class="tree">
            { for props.plan.children(None).map(|e| branch(props, e)) }
        </div>
    }
}

fn branch(props: &Props, element: &Element) -> Html {
    let plan = &props.plan;
    if element.level == plan.objective_level {
        return html! {
            <Objective plan={plan.clone()} id={element.id.clone()} lang={props.lang} today={props.today} />
        };
    }
    let level_name = plan.level_name(element.level).map_or("", |n| n.singular.as_str());
    let heading = format!("{level_name} {} — {}", plan.code_of(&element.id), element.title);
    let children: Vec<&Element> = plan.children(Some(&element.id)).collect();
    let heading_html = match element.level {
        0 => html! { <h2>{ heading }</h2> },
        1 => html! { <h3>{ heading }</h3> },
        _ => html! { <h4>{ heading }</h4> },
    };
    html! {
        <section class={classes!("level", format!("level-{}", element.level))} aria-label={heading_label(plan, &element.id)}>
            { heading_html }
            if !element.description.is_empty() { <p class="description">{ &element.description }</p> }
            { for children.into_iter().map(|c| branch(props, c)) }
        </section>
    }
}

fn heading_label(plan: &Plan, id: &Id) -> String {
    let element = plan.element(id);
    let level = element.and_then(|e| plan.level_name(e.level)).map_or("", |n| n.singular.as_str());
    format!("{level} {}", plan.code_of(id))
}
