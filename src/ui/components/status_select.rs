//! The list that chooses an action's état d'avancement, showing what the plan holds
//! (`kit::select`).

use crate::ui::context::{use_ctx, Ctx};
use crate::ui::kit::select::use_select_showing;
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::model::action::ActionStatus;
use jalon::model::id::Id;
use jalon::model::subject::Subject;
use jalon::words::text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The status the plan holds, if any was reported.
    pub current: Option<ActionStatus>,
    /// The list's change, made by `set_status`.
    pub on_change: Callback<Event>,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// The list's name when no label names it.
    #[prop_or_default]
    pub label: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub disabled: bool,
}

/// The list's change made the status of `action` at `checkpoint`, one undo step.
pub fn set_status(ctx: &Ctx, action: Id, checkpoint: Id) -> Callback<Event> {
    let ctx = ctx.clone();
    Callback::from(move |e: Event| {
        if let Some(status) = chosen_status(e) {
            let (action, checkpoint) = (action.clone(), checkpoint.clone());
            ctx.edit(
                Act::new(What::Progress, Subject::Action(action.clone())),
                Change::SetActionStatus { action, checkpoint, status },
            );
        }
    })
}

/// The status chosen in a list whose options are the indices of `ActionStatus::ALL`.
fn chosen_status(e: Event) -> Option<ActionStatus> {
    let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
    value.parse::<usize>().ok().and_then(|index| ActionStatus::ALL.get(index).copied())
}

/// The option's value for a status: its index in `ActionStatus::ALL` (as
/// `chosen_status` reads it); none reported is "".
fn value_of(status: Option<ActionStatus>) -> String {
    status.and_then(|s| ActionStatus::ALL.iter().position(|a| *a == s)).map(|i| i.to_string()).unwrap_or_default()
}

#[function_component(StatusSelect)]
pub fn status_select(props: &Props) -> Html {
    let ctx = use_ctx();
    let node = use_select_showing(value_of(props.current));
    let current = props.current;
    html! {
        <select ref={node} id={props.id.clone()} aria-label={props.label.clone()} class={props.class.clone()}
            disabled={props.disabled} onchange={props.on_change.clone()}>
            if current.is_none() {
                <option value="" selected=true disabled=true>{ ctx.words().no_report }</option>
            }
            { for ActionStatus::ALL.iter().enumerate().map(|(index, status)| html! {
                <option value={index.to_string()} selected={current == Some(*status)}>{ text::action_status(*status, ctx.lang) }</option>
            }) }
        </select>
    }
}
