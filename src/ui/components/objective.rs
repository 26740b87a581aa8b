//! An objective: its deadline, SMART statement, indicators and linked actions.

use super::actions_table::ActionsTable;
use super::indicators_table::IndicatorsTable;
use crate::ui::labels::labels;
use chrono::NaiveDate;
use jalon::id::Id;
use jalon::plan::Plan;
use jalon::text::{self, Lang};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub plan: Rc<Plan>,
    pub id: Id,
    pub lang: Lang,
    pub today: NaiveDate,
}

#[function_component(Objective)]
pub fn objective(props: &Props) -> Html {
    let plan = &props.plan;
    let Some(element) = plan.element(&props.id) else { return html! {} };
    let l = labels(props.lang);
    let level_name = plan.level_name(element.level).map_or("", |n| n.singular.as_str());
    let code = plan.code_of(&element.id);
    html! {
        <article class="objective" aria-labelledby={format!("obj-{}", element.id)}>
            <h4 id={format!("obj-{}", element.id)}>
                <span class="code">{ format!("{level_name} {code}") }</span>
                { &element.title }
            </h4>
            <dl class="facts">
                if let Some(deadline) = element.deadline {
                    <div><dt>{ l.deadline }</dt><dd>{ text::plan_date(deadline, props.lang) }</dd></div>
                }
                if !element.smart.is_empty() {
                    <div><dt>{ l.smart }</dt><dd>{ &element.smart }</dd></div>
                }
            </dl>
            <IndicatorsTable plan={plan.clone()} objective={element.id.clone()} lang={props.lang} today={props.today} />
            <ActionsTable plan={plan.clone()} objective={element.id.clone()} lang={props.lang} />
        </article>
    }
}
