//! The status thresholds, as percentages of the expected progress (« 95 % »), pre-filled
//! and read back by `jalon::words::input`. A value that does not read, one beyond 100 %, or
//! « to watch » above « on track », is said under its field and changes nothing.

use crate::ui::components::checked_input::{checked_input, Problem};
use crate::ui::context::{use_ctx, use_reset_when};
use crate::ui::drafts;
use jalon::edit::history::{Act, What};
use jalon::edit::{Change, Refused};
use jalon::model::subject::Subject;
use jalon::words::draft::{Form, Key};
use jalon::words::input;
use yew::prelude::*;

#[function_component(ThresholdsForm)]
pub fn thresholds_form() -> Html {
    let ctx = use_ctx();
    let w = ctx.words();
    let shown = |plan: &jalon::model::plan::Plan| {
        // A share times 100 in binary can end in …0000001: rounded to a millionth.
        let percent = |share: f64| input::show_percent((share * 1e8).round() / 1e6, ctx.lang);
        (percent(plan.settings.on_track), percent(plan.settings.to_watch))
    };
    let (on_track, to_watch) = {
        let (o, t) = shown(&ctx.plan);
        (use_state(|| o), use_state(|| t))
    };
    // What is typed is kept at each keystroke and comes back when the form shows again.
    let (kept, mark) = drafts::use_form(Form::Thresholds);
    let problems = use_state(|| (None::<Problem>, None::<Problem>));
    let saved = use_state(|| false);
    {
        let (on_track, to_watch, problems) = (on_track.clone(), to_watch.clone(), problems.clone());
        use_reset_when(shown(&ctx.plan), move |(o, t): &(String, String)| {
            on_track.set(o.clone());
            to_watch.set(t.clone());
            problems.set((None, None));
        });
    }
    let on_submit = {
        let (ctx, on_track, to_watch, problems, saved) =
            (ctx.clone(), on_track.clone(), to_watch.clone(), problems.clone(), saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            saved.set(false);
            match (input::read_percent(&on_track, ctx.lang), input::read_percent(&to_watch, ctx.lang)) {
                (Ok(high), Ok(low)) => {
                    let change = Change::SetThresholds { on_track: high / 100.0, to_watch: low / 100.0 };
                    match ctx.edit_or_refused(Act::new(What::Thresholds, Subject::Plan), change) {
                        None => {
                            problems.set((None, None));
                            saved.set(true);
                            ctx.settle(Key::Form(Form::Thresholds));
                        }
                        // Said under the field at fault: « on track » when it is beyond
                        // 100 %, « to watch » otherwise.
                        Some(why) if why == Refused::ThresholdOutOfRange && !(0.0..=100.0).contains(&high) => {
                            problems.set((Some(Problem::Refused(why)), None))
                        }
                        Some(why) => problems.set((None, Some(Problem::Refused(why)))),
                    }
                }
                (high, low) => problems.set((high.err().map(Problem::Unread), low.err().map(Problem::Unread))),
            }
        })
    };
    let field = |id: &'static str, label: &'static str, state: &UseStateHandle<String>, problem: &Option<Problem>| {
        checked_input(&ctx, id, label, state, &saved, problem, Some("decimal"))
    };
    html! {
        <section class="card settings-part" aria-labelledby="thresholds-title">
            <h2 id="thresholds-title">{ w.status_thresholds }</h2>
            <p class="help">{ w.thresholds_help }</p>
            <form class="thresholds-form" onsubmit={on_submit} novalidate=true ref={kept} data-draft={mark}>
                <div class="fields">
                    { field("threshold-on-track", w.on_track_from, &on_track, &problems.0) }
                    { field("threshold-to-watch", w.to_watch_from, &to_watch, &problems.1) }
                </div>
                <div class="form-buttons">
                    <button type="submit" class="primary">{ w.save_thresholds }</button>
                    <span role="status" class="saved">{ if *saved { w.saved_done } else { "" } }</span>
                </div>
            </form>
        </section>
    }
}
