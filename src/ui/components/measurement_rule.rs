//! The plan's rule of how long a measurement counts, said on a screen that shows a
//! measurement too old to count, with the way to the settings that change it.

use crate::ui::context::{use_ctx, use_plan_memo_with};
use crate::ui::route::Route;
use chrono::NaiveDate;
use jalon::calc::status::sets_aside;
use jalon::model::id::Id;
use jalon::words::text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The date the screen shows the plan as of.
    pub as_of: NaiveDate,
    /// The objective whose indicators the screen shows; `None`: the whole plan's.
    #[prop_or_default]
    pub objective: Option<Id>,
}

#[function_component(MeasurementRule)]
pub fn measurement_rule(props: &Props) -> Html {
    let ctx = use_ctx();
    let shown = use_plan_memo_with(&ctx, (props.as_of, props.objective.clone()), |plan, (as_of, objective)| {
        let shown = plan.indicators.iter().filter(|i| objective.as_ref().is_none_or(|o| &i.objective == o));
        sets_aside(plan, shown, *as_of)
    });
    if !*shown {
        return html! {};
    }
    html! {
        <p class="measurement-rule">
            { text::measurement_rule(&ctx.plan, ctx.lang) }{ " " }
            <a href={Route::Settings.href()}>{ ctx.words().change_rule }</a>
        </p>
    }
}
