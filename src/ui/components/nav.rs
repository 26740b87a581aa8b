//! The screens of the application, one link each; the current one is marked for
//! screen readers with `aria-current`.

use crate::ui::context::use_ctx;
use crate::ui::route::Route;
use yew::prelude::*;

#[function_component(Nav)]
pub fn nav() -> Html {
    let ctx = use_ctx();
    let current = ctx.route.tab();
    let name = |route: &Route| -> String {
        match route {
            Route::Dashboard => ctx.tr("Tableau de bord", "Dashboard").into(),
            Route::Structure | Route::Objective(_) => ctx.tr("Structure", "Structure").into(),
            Route::Indicators => ctx.tr("Indicateurs", "Indicators").into(),
            // The plan's own word: « Moyens », « Activités », « Actions ».
            Route::Actions => ctx.plan.action_name.plural.clone(),
            Route::FollowUp => ctx.tr("Suivi", "Follow-up").into(),
            Route::Budget => ctx.tr("Budget", "Budget").into(),
            Route::Library => ctx.tr("Mes plans", "My plans").into(),
        }
    };
    html! {
        <nav class="tabs" aria-label={ctx.tr("Écrans", "Screens")}>
            <ul>
                { for Route::TABS.iter().map(|route| {
                    let is_current = *route == current;
                    html! {
                        <li>
                            <a href={route.href()} aria-current={is_current.then_some("page")}>{ name(route) }</a>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
