//! The plan's checks: each warning with what it concerns, linked to the screen that
//! shows it (an objective's page, the structure, the actions, the follow-up, the budget).

use crate::ui::components::pager::{rows_of, Pager};
use crate::ui::context::use_ctx;
use crate::ui::route::Route;
use jalon::check::Finding;
use jalon::plan::Plan;
use jalon::subject::Subject;
use jalon::text;
use jalon::words::words;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct Props {
    /// `check(plan)`, computed once per revision by the screen.
    pub findings: Rc<Vec<Finding>>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Props) -> bool {
        Rc::ptr_eq(&self.findings, &other.findings)
    }
}

/// Where a finding's subject is shown.
pub fn route_of(plan: &Plan, subject: &Subject) -> Route {
    let objective_page = |id: &jalon::id::Id| match plan.element(id) {
        Some(e) if e.level == plan.objective_level => Route::Objective(id.clone()),
        _ => Route::Structure,
    };
    match subject {
        Subject::Plan => Route::Structure,
        Subject::Element(id) => objective_page(id),
        Subject::Indicator(id) => match plan.indicators.iter().find(|i| &i.id == id) {
            Some(indicator) => objective_page(&indicator.objective),
            None => Route::Indicators,
        },
        Subject::Action(_) => Route::Actions,
        Subject::Checkpoint(_) => Route::FollowUp,
        Subject::Rate(_)
        | Subject::Revenue(_)
        | Subject::Category(_)
        | Subject::Expense(_)
        | Subject::Allocation(_)
        | Subject::Budget => Route::Budget,
    }
}

#[function_component(Checks)]
pub fn checks(props: &Props) -> Html {
    let ctx = use_ctx();
    let l = words(ctx.lang);
    let shown_page = use_state(|| 0usize);
    let findings = &props.findings;
    let on_page = {
        let shown_page = shown_page.clone();
        Callback::from(move |to| shown_page.set(to))
    };
    html! {
        <section class="checks" aria-labelledby="checks-title">
            <h2 id="checks-title">{ format!("{} ({})", l.checks, findings.len()) }</h2>
            if findings.is_empty() {
                <p class="empty">{ l.no_finding }</p>
            } else {
                <ul>
                    { for rows_of(findings, *shown_page).iter().map(|f| {
                        let subject = f.subject();
                        let name = text::subject(&ctx.plan, &subject, ctx.lang);
                        let href = route_of(&ctx.plan, &subject).href();
                        html! {
                            <li>
                                <a {href}>{ name }</a>
                                { " — " }{ text::finding(&ctx.plan, f, ctx.lang) }
                            </li>
                        }
                    }) }
                </ul>
                <Pager total={findings.len()} page={*shown_page} on_page={on_page} hide_single_page=true label={l.checks} />
            }
        </section>
    }
}
