//! What was typed in a form of the open plan, neither saved nor cancelled, while the form
//! is not on screen (the tab was closed, another screen or plan opened): each offered
//! back, resumed on its screen with what was typed, or discarded at the user's word.

use super::nav::screen_name;
use crate::ui::context::Ctx;
use crate::ui::drafts;
use crate::ui::route::Route;
use crate::ui::state::Msg;
use jalon::words::draft::{Form, Key};
use yew::prelude::*;

/// The screen that holds a form.
fn screen(form: &Form) -> Route {
    match form {
        Form::Action(_) => Route::Actions,
        Form::Element(_) | Form::NewElement(_) => Route::Structure,
        Form::Checkpoint(_) => Route::FollowUp,
        Form::Indicator { .. } | Form::Segment { .. } | Form::NewSegment(_) => Route::Indicators,
        Form::Budget(_) => Route::Budget,
        Form::LevelNames | Form::Period | Form::Thresholds | Form::NewOrganisation | Form::NewGroup => Route::Settings,
    }
}

/// The offer, rendered with the page: `settled` are the drafts the plan holds now, which
/// wait only for it to be saved.
pub fn unsaved_input(ctx: &Ctx, settled: &[Key]) -> Html {
    let w = ctx.words();
    let forms = drafts::unshown(&ctx.plan.id, settled);
    if forms.is_empty() {
        return html! {};
    }
    let items = forms.into_iter().enumerate().filter_map(|(i, draft)| {
        let Key::Form(form) = draft.key.clone() else { return None };
        let route = screen(&form);
        // The form named by its screen and the first thing typed in it, cut short.
        let screen_name = screen_name(ctx, &route);
        let label = match draft.fields().find_map(|(_, t)| t.lines().map(str::trim).find(|l| !l.is_empty())) {
            Some(typed) => {
                let mut short: String = typed.chars().take(60).collect();
                if short.len() < typed.len() {
                    short.push('…');
                }
                (w.named)(&screen_name, &short)
            }
            None => screen_name,
        };
        let on_resume = {
            let (ctx, form) = (ctx.clone(), form.clone());
            Callback::from(move |_: MouseEvent| {
                ctx.dispatch.emit(Msg::Resume(Some(form.clone())));
                ctx.go(route.clone());
            })
        };
        let on_discard = {
            let ctx = ctx.clone();
            Callback::from(move |_: MouseEvent| ctx.discard(form.clone()))
        };
        // Each button's name is the same: the form it acts on describes it.
        let id = AttrValue::from(format!("unsaved-{i}"));
        Some(html! {
            <li>
                <span id={id.clone()}>{ label }</span>
                <button type="button" class="primary" onclick={on_resume} aria-describedby={id.clone()}>
                    { w.resume_unsaved_input }
                </button>
                <button type="button" onclick={on_discard} aria-describedby={id}>{ w.discard_input }</button>
            </li>
        })
    });
    html! {
        <section class="notice unsaved-input" aria-labelledby="unsaved-title">
            <h2 id="unsaved-title">{ w.unsaved_input }</h2>
            <p>{ w.unsaved_input_help }</p>
            <ul>{ for items }</ul>
        </section>
    }
}
