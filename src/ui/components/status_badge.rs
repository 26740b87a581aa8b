//! An action's état d'avancement as a badge: its status and percent, or « Non rapporté ».

use crate::ui::context::use_ctx;
use jalon::model::action::{ActionStatus, ProgressRecord};
use jalon::words::text;
use yew::prelude::*;

/// The class that colours a status (« action-done »), on badges and lists alike.
pub fn status_class(status: ActionStatus) -> String {
    format!("action-{status:?}").to_lowercase()
}

/// The status chosen in a list whose options are the indices of `ActionStatus::ALL`.
pub fn chosen_status(e: Event) -> Option<ActionStatus> {
    let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
    value.parse::<usize>().ok().and_then(|index| ActionStatus::ALL.get(index).copied())
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub record: Option<ProgressRecord>,
}

#[function_component(StatusBadge)]
pub fn status_badge(props: &Props) -> Html {
    let ctx = use_ctx();
    match &props.record {
        Some(r) => html! {
            <span class={classes!("badge", status_class(r.status))}>
                { text::action_status(r.status, ctx.lang) }
                { r.percent.map(|p| format!(" · {}", text::percent(f64::from(p), ctx.lang))).unwrap_or_default() }
            </span>
        },
        None => html! { <span class="badge">{ ctx.words().no_report }</span> },
    }
}
