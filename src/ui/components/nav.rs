//! The screens of the application, one link each; the current one is marked for
//! screen readers with `aria-current`. On a phone the row scrolls sideways: arrows
//! over its ends say where more tabs lie, and the current tab is scrolled into view.

use crate::ui::context::{use_ctx, Ctx};
use crate::ui::route::Route;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// Scrolls the row so that the current tab is whole on screen and clear of the arrows
/// (2.5rem at each end), centred if it was not; then marks its ends.
fn show_current(list: &NodeRef, current: &NodeRef) {
    let Some(list) = list.cast::<Element>() else { return };
    if let Some(tab) = current.get() {
        // Offsets from the list, which the stylesheet positions.
        let tab = tab.unchecked_into::<HtmlElement>();
        let (start, width, shown) = (tab.offset_left(), tab.offset_width(), list.client_width());
        let left = list.scroll_left();
        if start < left + 40 || start + width > left + shown - 40 {
            list.set_scroll_left(start - (shown - width) / 2);
        }
    }
    mark_ends(&list);
}

/// Marks the tabs' `nav` with the ends past which more tabs lie (`data-more`:
/// « before », « after », both or neither), where www/style.css draws its arrows: a
/// word cut at the screen's edge alone does not say that the row scrolls.
fn mark_ends(list: &Element) {
    let (left, room) = (list.scroll_left(), list.scroll_width() - list.client_width());
    let more = match (left > 0, left + 1 < room) {
        (false, false) => "",
        (true, false) => "before",
        (false, true) => "after",
        (true, true) => "before after",
    };
    if let Some(nav) = list.parent_element() {
        let _ = nav.set_attribute("data-more", more);
    }
}

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
    let (list, current_tab) = (use_node_ref(), use_node_ref());
    {
        // After every render: the screen, and the tabs' words with the language.
        let (list, current_tab) = (list.clone(), current_tab.clone());
        use_effect(move || show_current(&list, &current_tab));
    }
    {
        let list = list.clone();
        use_effect_with((), move |_| {
            let resized = EventListener::new(&gloo::utils::window(), "resize", move |_| {
                if let Some(list) = list.cast::<Element>() {
                    mark_ends(&list)
                }
            });
            move || drop(resized)
        });
    }
    let on_scroll = Callback::from(|e: Event| mark_ends(&e.target_unchecked_into()));
    html! {
        <nav class="tabs" aria-label={ctx.words().screens}>
            <ul ref={list} onscroll={on_scroll}>
                { for Route::TABS.iter().map(|route| {
                    let is_current = *route == current;
                    html! {
                        <li>
                            <a href={route.href()} aria-current={is_current.then_some("page")}
                                ref={if is_current { current_tab.clone() } else { NodeRef::default() }}>{ screen_name(&ctx, route) }</a>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
