//! Keeping the plan: saves that wait for a pause in the changes and happen at once when
//! the page is hidden, other tabs' saves of the same plan, and the keyboard's undo.

use super::state::{current_route, Msg, State};
use super::store::{self, Save};
use gloo::events::{EventListener, EventListenerOptions};
use jalon::id::Id;
use jalon::plan::Plan;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long the page waits after a change before saving: a burst of typing is saved
/// once.
const SAVE_DELAY_MS: u32 = 400;

/// A plan waiting to be saved, with its revision.
type Pending = Rc<RefCell<Option<(Rc<Plan>, u64)>>>;

/// Writes the plan waiting in `pending`, if any, and reports how it went.
fn flush(pending: &Pending, dispatcher: &UseReducerDispatcher<State>) {
    let Some((plan, revision)) = pending.borrow_mut().take() else { return };
    dispatcher.dispatch(match store::save_plan(&plan) {
        Save::Done { digest } => Msg::Saved { revision, at: chrono::Local::now().time(), digest },
        Save::Failed => Msg::SaveFailed,
        Save::Newer => Msg::SaveRefusedNewer,
    });
}

/// Saves each change after `SAVE_DELAY_MS` without another, and at once when the page
/// is hidden or closed. Nothing is saved while another tab's version waits for the
/// user's choice.
#[hook]
pub fn use_saving(state: &UseReducerHandle<State>) {
    let pending: Pending = use_mut_ref(|| None);
    {
        let (pending, dispatcher) = (pending.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            let on_hide = {
                let (pending, dispatcher) = (pending.clone(), dispatcher.clone());
                EventListener::new(&gloo::utils::window(), "pagehide", move |_| flush(&pending, &dispatcher))
            };
            let on_hidden = EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                if gloo::utils::document().hidden() {
                    flush(&pending, &dispatcher);
                }
            });
            move || drop((on_hide, on_hidden))
        });
    }
    let dispatcher = state.dispatcher();
    let plan = state.plan.clone();
    let wanted = state.unsaved && state.conflict.is_none();
    let held = state.conflict.is_some();
    use_effect_with((state.revision, held), move |(revision, _)| {
        store::set_current(&plan.id);
        if !wanted {
            pending.borrow_mut().take();
        }
        let timer = wanted.then(|| {
            *pending.borrow_mut() = Some((plan, *revision));
            gloo::timers::callback::Timeout::new(SAVE_DELAY_MS, move || flush(&pending, &dispatcher))
        });
        // A newer change replaces the timer; the plan it would have saved is already
        // replaced in `pending`.
        move || drop(timer)
    });
}

/// Learns of other tabs' saves: of this plan (shown at once when this page has no
/// unsaved change, otherwise offered), and of the library.
#[hook]
pub fn use_other_tabs(state: &UseReducerHandle<State>) {
    let open_id = use_mut_ref(|| state.plan.id.clone());
    *open_id.borrow_mut() = state.plan.id.clone();
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "storage", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else { return };
            let Some(key) = event.key() else { return };
            let id: Id = open_id.borrow().clone();
            if key == store::key_of(&id) {
                if let Some(store::Stored::Plan { plan, digest }) = event.new_value().map(|_| store::load_plan(&id)) {
                    dispatcher.dispatch(Msg::SavedElsewhere { plan, digest });
                }
            }
            if key.starts_with("jalon.v1.") {
                dispatcher.dispatch(Msg::Library(store::library()));
            }
        });
        move || drop(listener)
    });
}

/// Whether a key press belongs to a text field, whose own undo the browser keeps.
fn in_text_field(event: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    match element.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => !matches!(
            element.get_attribute("type").as_deref(),
            Some("checkbox" | "radio" | "button" | "submit" | "file")
        ),
        _ => false,
    }
}

/// Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo, outside text fields.
#[hook]
pub fn use_undo_keys(dispatcher: UseReducerDispatcher<State>) {
    use_effect_with((), move |_| {
        // Not passive: the browser's own undo (of the last text typed anywhere) must be
        // prevented, or it would replay as a new change.
        let options = EventListenerOptions::enable_prevent_default();
        let keys = EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |event| {
            let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            if !(event.ctrl_key() || event.meta_key()) || event.alt_key() || in_text_field(event) {
                return;
            }
            let msg = match (event.key().to_lowercase().as_str(), event.shift_key()) {
                ("z", false) => Msg::Undo,
                ("z", true) | ("y", false) => Msg::Redo,
                _ => return,
            };
            event.prevent_default();
            dispatcher.dispatch(msg);
        });
        move || drop(keys)
    });
}

/// Follows the address: `#/…` names the screen.
#[hook]
pub fn use_route(dispatcher: UseReducerDispatcher<State>) {
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
            dispatcher.dispatch(Msg::Route(current_route()));
        });
        move || drop(listener)
    });
}
