//! The plan's period: its first and last days, pre-filled as the page writes dates and
//! read back by `jalon::words::input`. A date that does not read, or an end before the start,
//! is said under its field and changes nothing.

use crate::ui::components::checked_input::{checked_input, Problem};
use crate::ui::context::{use_ctx, use_reset_when};
use crate::ui::drafts;
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::model::subject::Subject;
use jalon::words::draft::{Form, Key};
use jalon::words::input;
use yew::prelude::*;

/// The period's two fields read as the change that sets it, or why each was not read.
/// A period ending before it starts is the change's to refuse.
pub fn period_change(start: &str, end: &str) -> Result<Change, Box<[Option<Problem>; 2]>> {
    match (input::read_day(start), input::read_day(end)) {
        (Ok(start), Ok(end)) => Ok(Change::SetPeriod { start, end }),
        (first, last) => Err(Box::new([first.err().map(Problem::Unread), last.err().map(Problem::Unread)])),
    }
}

#[function_component(PeriodForm)]
pub fn period_form() -> Html {
    let ctx = use_ctx();
    let w = ctx.words();
    let shown = |plan: &jalon::model::plan::Plan| {
        (input::show_day(plan.period.start, ctx.lang), input::show_day(plan.period.end, ctx.lang))
    };
    let (start, end) = {
        let (s, e) = shown(&ctx.plan);
        (use_state(|| s), use_state(|| e))
    };
    // What is typed is kept at each keystroke and comes back when the form shows again.
    let (kept, mark) = drafts::use_form(Form::Period);
    let problems = use_state(|| (None::<Problem>, None::<Problem>));
    let saved = use_state(|| false);
    {
        // An undo or another tab's save shows the period the plan now holds.
        let (start, end, problems) = (start.clone(), end.clone(), problems.clone());
        use_reset_when(shown(&ctx.plan), move |(s, e): &(String, String)| {
            start.set(s.clone());
            end.set(e.clone());
            problems.set((None, None));
        });
    }
    let on_submit = {
        let (ctx, start, end, problems, saved) =
            (ctx.clone(), start.clone(), end.clone(), problems.clone(), saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            saved.set(false);
            match period_change(&start, &end) {
                Ok(change) => match ctx.edit_or_refused(Act::new(What::Period, Subject::Plan), change) {
                    None => {
                        problems.set((None, None));
                        saved.set(true);
                        ctx.settle(Key::Form(Form::Period));
                    }
                    Some(why) => problems.set((None, Some(Problem::Refused(why)))),
                },
                Err(unread) => {
                    let [first, last] = *unread;
                    problems.set((first, last));
                }
            }
        })
    };
    let field = |id: &'static str, label: &'static str, state: &UseStateHandle<String>, problem: &Option<Problem>| {
        checked_input(&ctx, id, label, state, &saved, problem, None)
    };
    html! {
        <section class="card settings-part" aria-labelledby="period-title">
            <h2 id="period-title">{ w.period }</h2>
            <form class="period-form" onsubmit={on_submit} novalidate=true ref={kept} data-draft={mark}>
                <div class="fields">
                    { field("period-start", w.period_start, &start, &problems.0) }
                    { field("period-end", w.period_end, &end, &problems.1) }
                </div>
                <div class="form-buttons">
                    <button type="submit" class="primary">{ w.save_period }</button>
                    <span role="status" class="saved">{ if *saved { w.saved_done } else { "" } }</span>
                </div>
            </form>
        </section>
    }
}
