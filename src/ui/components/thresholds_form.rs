//! The status thresholds, as percentages of the expected progress (« 95 % »), pre-filled
//! and read back by `jalon::words::input`. A value that does not read, one beyond 100 %, or
//! « to watch » above « on track », is said under its field and changes nothing.

use crate::ui::context::Ctx;
use crate::ui::kit::field::Problem;
use crate::ui::kit::setting_form::SettingForm;
use jalon::edit::history::{Act, What};
use jalon::edit::{Change, Refused};
use jalon::model::subject::Subject;
use jalon::words::draft::Form;
use jalon::words::input;
use yew::prelude::*;

pub fn thresholds_form(ctx: &Ctx) -> Html {
    let w = ctx.words();
    // A share times 100 in binary can end in …0000001: rounded to a millionth.
    let percent = |share: f64| input::show_percent((share * 1e8).round() / 1e6, ctx.lang);
    let settings = &ctx.plan.settings;
    let on_submit = {
        let ctx = ctx.clone();
        Callback::from(move |[on_track, to_watch]: [String; 2]| {
            let (high, low) = match (input::read_percent(&on_track, ctx.lang), input::read_percent(&to_watch, ctx.lang))
            {
                (Ok(high), Ok(low)) => (high, low),
                (high, low) => return Err(Box::new([high.err().map(Problem::Unread), low.err().map(Problem::Unread)])),
            };
            let change = Change::SetThresholds { on_track: high / 100.0, to_watch: low / 100.0 };
            match ctx.edit_or_refused(Act::new(What::Thresholds, Subject::Plan), change) {
                None => Ok(()),
                // Said under the field at fault: « on track » when it is beyond 100 %,
                // « to watch » otherwise.
                Some(why) if why == Refused::ThresholdOutOfRange && !(0.0..=100.0).contains(&high) => {
                    Err(Box::new([Some(Problem::Refused(why)), None]))
                }
                Some(why) => Err(Box::new([None, Some(Problem::Refused(why))])),
            }
        })
    };
    html! {
        <SettingForm title_id="thresholds-title" title={w.status_thresholds} help={w.thresholds_help}
            class="thresholds-form" form={Form::Thresholds}
            fields={[("threshold-on-track", w.on_track_from), ("threshold-to-watch", w.to_watch_from)]}
            inputmode="decimal" shown={[percent(settings.on_track), percent(settings.to_watch)]}
            submit={w.save_thresholds} {on_submit} />
    }
}
