//! The screens of the application, one link each; the current one is marked for
//! screen readers with `aria-current`.

use crate::ui::context::{use_ctx, Ctx};
use crate::ui::route::Route;
use yew::prelude::*;

/// A screen's name, as the navigation says it.
pub fn screen_name(ctx: &Ctx, route: &Route) -> String {
    match route {
        Route::Dashboard => ctx.words().dashboard.into(),
        Route::Bilan => ctx.words().report_tab.into(),
        Route::Structure | Route::Objective(_) => ctx.words().structure.into(),
        Route::Indicators => ctx.words().indicators.into(),
        // The plan's own word: « Moyens », « Activités », « Actions ».
        Route::Actions => ctx.plan.action_name.plural.clone(),
        Route::FollowUp => ctx.words().follow_up.into(),
        Route::Budget => ctx.words().budget.into(),
        Route::Settings => ctx.words().settings.into(),
        Route::Sharing => ctx.words().sharing_tab.into(),
        Route::Library => ctx.words().my_plans.into(),
        Route::Regions | Route::Region(_) => ctx.words().regions_tab.into(),
    }
}

#[function_component(Nav)]
pub fn nav() -> Html {
    let ctx = use_ctx();
    let current = ctx.route.tab();
    html! {
        <nav class="tabs" aria-label={ctx.words().screens}>
            <ul>
                { for Route::TABS.iter().map(|route| {
                    let is_current = *route == current;
                    html! {
                        <li>
                            <a href={route.href()} aria-current={is_current.then_some("page")}>{ screen_name(&ctx, route) }</a>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
