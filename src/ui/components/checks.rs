//! The checks of the plan: each warning with what it concerns, linked to it when it is
//! shown on the page.

use crate::ui::labels::labels;
use jalon::check::{check, Subject};
use jalon::plan::Plan;
use jalon::text::{self, Lang};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub plan: Rc<Plan>,
    pub lang: Lang,
}

#[function_component(Checks)]
pub fn checks(props: &Props) -> Html {
    let l = labels(props.lang);
    let plan = &props.plan;
    let findings = use_memo(plan.clone(), |plan| check(plan));
    html! {
        <section class="checks" aria-labelledby="checks-title">
            <h2 id="checks-title">{ format!("{} ({})", l.checks, findings.len()) }</h2>
            if findings.is_empty() {
                <p class="empty">{ l.no_finding }</p>
            } else {
                <ul>
                    { for findings.iter().map(|f| {
                        let subject = f.subject();
                        let name = text::subject(plan, &subject, props.lang);
                        let anchor = match &subject {
                            Subject::Element(id) if plan.element(id).is_some_and(|e| e.level == plan.objective_level) => Some(format!("#obj-{id}")),
                            _ => None,
                        };
                        html! {
                            <li>
                                { match anchor {
                                    Some(href) => html! { <a {href}>{ name }</a> },
                                    None => html! { <strong>{ name }</strong> },
                                } }
                                { " — " }{ text::finding(f, props.lang) }
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}
