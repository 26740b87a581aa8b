//! The plan's checks, grouped by kind with their count: each warning with what it
//! concerns, by code and path, linked to the screen that shows it (an objective's page,
//! the structure, the actions, the follow-up, the budget).

use crate::ui::components::pager::{rows_of, use_page, Pager};
use crate::ui::context::use_ctx;
use crate::ui::kit::same::Same;
use crate::ui::route::Route;
use jalon::calc::check::{Finding, Group};
use jalon::model::plan::Plan;
use jalon::model::subject::Subject;
use jalon::words::text;
use std::rc::Rc;
use yew::prelude::*;

/// The props of a component that shows the plan's findings: compared by the list's
/// identity, which the screen makes once per revision of the plan.
#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    /// `check(plan)`, computed once per revision by the screen.
    pub findings: Same<Vec<Finding>>,
}

/// The checks' props: what the dashboard keeps from one visit to the next.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// `check(plan)` grouped by kind (`grouped`).
    pub groups: Same<Vec<Rc<Group>>>,
    /// `SubjectNames::new(plan)`.
    pub names: Same<text::SubjectNames>,
}

/// Where a finding's subject is shown.
pub fn route_of(plan: &Plan, subject: &Subject) -> Route {
    let objective_page = |id: &jalon::model::id::Id| match plan.element(id) {
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

/// One kind of finding: its count in words, then each finding with what it concerns,
/// fifty at a time. A small group is open; a large one opens on demand.
#[derive(Properties, PartialEq)]
struct GroupProps {
    group: Same<Group>,
    /// Worked out once for every group of the plan shown.
    names: Same<text::SubjectNames>,
}

const OPEN_UP_TO: usize = 5;

#[function_component(FindingGroup)]
fn finding_group(props: &GroupProps) -> Html {
    let ctx = use_ctx();
    let (shown_page, on_page) = use_page();
    let group = &props.group;
    let heading = text::group_heading(&ctx.plan, group, ctx.lang);
    let names = &props.names;
    html! {
        <li>
            <details open={group.count() <= OPEN_UP_TO}>
                <summary>{ heading.clone() }</summary>
                <ul>
                    { for rows_of(&group.findings, shown_page).iter().map(|f| {
                        let subject = f.subject();
                        let name = names.name(&ctx.plan, &subject, ctx.lang);
                        let href = route_of(&ctx.plan, &subject).href();
                        html! {
                            <li>
                                <a {href}>{ name }</a>
                                { format!(" — {}", text::finding(&ctx.plan, f, ctx.lang)) }
                            </li>
                        }
                    }) }
                </ul>
                <Pager total={group.count()} page={shown_page} on_page={on_page} hide_single_page=true label={heading} />
            </details>
        </li>
    }
}

#[function_component(Checks)]
pub fn checks(props: &Props) -> Html {
    let ctx = use_ctx();
    let (groups, names) = (&props.groups, &props.names);
    let count: usize = groups.iter().map(|g| g.count()).sum();
    html! {
        <section class="checks" aria-labelledby="checks-title">
            <h2 id="checks-title">{ format!("{} ({})", ctx.words().checks, count) }</h2>
            if count == 0 {
                <p class="empty">{ ctx.words().no_finding }</p>
            } else {
                <ul class="finding-groups">
                    { for groups.iter().map(|group| html! { <FindingGroup key={format!("{:?}", group.kind)} group={group.clone()} names={names.clone()} /> }) }
                </ul>
            }
        </section>
    }
}
