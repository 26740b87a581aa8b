//! The plan's period: its first and last days, pre-filled as the page writes dates and
//! read back by `jalon::words::input`. A date that does not read, or an end before the start,
//! is said under its field and changes nothing.

use crate::ui::context::Ctx;
use crate::ui::kit::field::Problem;
use crate::ui::kit::setting_form::{Problems, SettingForm};
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::model::subject::Subject;
use jalon::words::draft::Form;
use jalon::words::input;
use yew::prelude::*;

/// The period's two fields read as the change that sets it, or why each was not read.
/// A period ending before it starts is the change's to refuse.
pub fn period_change(start: &str, end: &str) -> Result<Change, Box<Problems>> {
    match (input::read_day(start), input::read_day(end)) {
        (Ok(start), Ok(end)) => Ok(Change::SetPeriod { start, end }),
        (first, last) => Err(Box::new([first.err().map(Problem::Unread), last.err().map(Problem::Unread)])),
    }
}

pub fn period_form(ctx: &Ctx) -> Html {
    let w = ctx.words();
    let period = ctx.plan.period;
    let on_submit = {
        let ctx = ctx.clone();
        Callback::from(move |[start, end]: [String; 2]| {
            let change = period_change(&start, &end)?;
            match ctx.edit_or_refused(Act::new(What::Period, Subject::Plan), change) {
                None => Ok(()),
                Some(why) => Err(Box::new([None, Some(Problem::Refused(why))])),
            }
        })
    };
    html! {
        <SettingForm title_id="period-title" title={w.period} class="period-form" form={Form::Period}
            fields={[("period-start", w.period_start), ("period-end", w.period_end)]}
            shown={[input::show_day(period.start, ctx.lang), input::show_day(period.end, ctx.lang)]}
            submit={w.save_period} {on_submit} />
    }
}
