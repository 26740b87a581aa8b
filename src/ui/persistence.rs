//! Keeping the plan: saves that wait for a pause in the changes and happen at once when
//! the page is hidden or another plan is opened, saves that failed retried when room may
//! have come back, other tabs' saves of the same plan, and the keyboard's undo.
//!
//! A change is saved or visibly unsaved, never silently dropped: `Keeper::flush` writes
//! the change waiting now, whoever asks (the pause, the page hidden, a switch of plans).

use super::state::{current_route, Msg, State};
use super::store::{self, Exported, Save};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use jalon::format;
use jalon::format::saving::{Preparing, Ready};
use jalon::model::plan::Plan;
use jalon::words::draft::Key;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// How long the page waits after a change before saving: a burst of typing is saved
/// once.
const SAVE_DELAY_MS: u32 = 400;

/// What saving needs of the state, as of its latest render.
struct Latest {
    plan: Rc<Plan>,
    revision: u64,
    base: Option<String>,
    /// A change waits to be written.
    wanted: bool,
    /// The plan holds a change that storage does not (waiting, failed or held).
    unsaved: bool,
    failed: bool,
    /// The digest of the last exported file.
    exported: Option<String>,
    /// The drafts this plan holds: forgotten once it is saved.
    settled: Rc<Vec<Key>>,
}

/// The one writer of the open plan to storage. Shared by the page's hooks and by
/// `Ctx`, so that opening another plan first writes this one.
#[derive(Clone, Default)]
pub struct Keeper {
    slot: Rc<RefCell<Option<Slot>>>,
    /// The save under way between frames, if any.
    job: Rc<RefCell<Option<Job>>>,
}

/// The state as of the latest render, and the way to tell the state how a save went.
type Slot = (Latest, UseReducerDispatcher<State>);

/// A save made ready between frames: the plan is written, digested and compacted a
/// slice at a time, then stored in one short task. Until then storage keeps the
/// previous complete copy, whatever happens to the tab.
struct Job {
    revision: u64,
    plan: Rc<Plan>,
    stage: Stage,
    /// The next slice, waiting for the page to paint.
    next: Option<Timeout>,
}

enum Stage {
    Preparing(Preparing),
    /// Ready, and its text as the browser's string: made in a slice of its own.
    Ready(Ready, JsValue),
}

/// How long one slice may run: the page paints between two slices.
pub(super) const SLICE_MS: f64 = 12.0;
/// The work between two looks at the clock: about a millisecond's worth.
pub(super) const STEP_BYTES: usize = 32 * 1024;

impl PartialEq for Keeper {
    fn eq(&self, other: &Keeper) -> bool {
        Rc::ptr_eq(&self.slot, &other.slot)
    }
}

impl Keeper {
    fn update(&self, state: &State, dispatcher: UseReducerDispatcher<State>) {
        let latest = Latest {
            plan: state.plan.clone(),
            revision: state.revision,
            base: state.base.clone(),
            wanted: state.wants_saving(),
            unsaved: state.unsaved,
            failed: state.save_failed.is_some(),
            exported: state.exported.as_ref().map(|e| e.digest.clone()),
            settled: state.settled.clone(),
        };
        *self.slot.borrow_mut() = Some((latest, dispatcher));
    }

    /// Writes the change waiting now, if any, at once, and reports how it went. Returns
    /// whether the plan is now in storage as shown.
    pub fn flush(&self) -> bool {
        let (plan, revision, base) = {
            let slot = self.slot.borrow();
            let Some((latest, _)) = slot.as_ref() else { return true };
            if !latest.wanted {
                return !latest.unsaved;
            }
            (latest.plan.clone(), latest.revision, latest.base.clone())
        };
        // A save under way is for this revision or an older one: this one replaces it.
        *self.job.borrow_mut() = None;
        let outcome = store::save_plan(&plan, base.as_deref());
        self.report(&plan, revision, outcome)
    }

    /// Saves the change waiting now a slice at a time, between the page's frames.
    fn save_in_slices(&self) {
        let start = now();
        let mut job = self.job.borrow_mut().take();
        loop {
            let (plan, revision) = {
                let slot = self.slot.borrow();
                let Some((latest, _)) = slot.as_ref().filter(|(latest, _)| latest.wanted) else { return };
                (latest.plan.clone(), latest.revision)
            };
            // A newer change starts the work again, on the plan as it is now.
            let current = job.take().filter(|job| job.revision == revision);
            let mut current = current.unwrap_or_else(|| Job {
                revision,
                plan,
                stage: Stage::Preparing(Preparing::new()),
                next: None,
            });
            match &mut current.stage {
                Stage::Preparing(preparing) => {
                    if let Some(ready) = preparing.step(&current.plan, STEP_BYTES) {
                        let text = JsValue::from_str(&ready.stored);
                        current.stage = Stage::Ready(ready, text);
                        // The writing takes a task of its own.
                        job = Some(current);
                        break;
                    }
                }
                Stage::Ready(ready, text) => {
                    let base = self.slot.borrow().as_ref().and_then(|(latest, _)| latest.base.clone());
                    let outcome = store::save_ready(&current.plan, base.as_deref(), ready, text);
                    self.report(&current.plan, current.revision, outcome);
                    return;
                }
            }
            job = Some(current);
            if now() - start > SLICE_MS {
                break;
            }
        }
        if let Some(mut job) = job {
            let keeper = self.clone();
            job.next = Some(Timeout::new(0, move || keeper.save_in_slices()));
            *self.job.borrow_mut() = Some(job);
        }
    }

    /// Takes in how a save went, and tells the state.
    fn report(&self, plan: &Plan, revision: u64, outcome: Save) -> bool {
        let Some((exported, dispatcher, settled)) = self.slot.borrow().as_ref().map(|(latest, dispatcher)| {
            // The drafts the saved plan holds: those of the state it was saved from.
            let settled = (latest.revision == revision).then(|| latest.settled.clone());
            (latest.exported.is_some(), dispatcher.clone(), settled)
        }) else {
            return false;
        };
        if let Some((latest, _)) = self.slot.borrow_mut().as_mut() {
            match &outcome {
                // Until the state catches up, a second flush must neither write again
                // nor compare with the base just replaced.
                Save::Done { base, .. } => {
                    latest.base = Some(base.clone());
                    latest.wanted = false;
                    latest.unsaved = false;
                    latest.failed = false;
                }
                Save::Failed(_) => latest.failed = true,
                Save::Newer | Save::Conflict { .. } => latest.wanted = false,
            }
        }
        let saved = matches!(outcome, Save::Done { .. });
        dispatcher.dispatch(match outcome {
            Save::Done { digest, base } => {
                // The first save of a plan as it came: changes from here on are the ones
                // no file holds.
                let exported = (!exported).then(|| Exported::baseline(digest.clone()));
                if let Some(baseline) = &exported {
                    store::set_exported(&plan.id, baseline);
                }
                let library = store::library();
                if let Some(settled) = settled.filter(|settled| !settled.is_empty()) {
                    super::kept_drafts::forget(&plan.id, &settled);
                    dispatcher.dispatch(Msg::Forgot(settled.to_vec()));
                }
                Msg::Saved { revision, at: chrono::Local::now().time(), digest, base, library, exported }
            }
            Save::Failed(failure) => Msg::SaveFailed(failure),
            Save::Newer => Msg::SaveRefusedNewer,
            Save::Conflict { plan, digest, base } => {
                Msg::SavedElsewhere { plan: *plan, digest, base, over_mine: false }
            }
        });
        saved
    }

    /// Tries a failed save again: room may have come back.
    pub fn retry(&self) {
        let failed = self.slot.borrow().as_ref().is_some_and(|(latest, _)| latest.failed && latest.wanted);
        if failed {
            self.flush();
        }
    }

    /// Whether the open plan as shown is in the last exported file.
    fn exported_as_shown(&self) -> bool {
        let slot = self.slot.borrow();
        let Some((latest, _)) = slot.as_ref() else { return false };
        latest.exported.as_deref() == Some(format::digest(&format::save(&latest.plan)).as_str())
    }

    /// The drafts the open plan holds, as of the latest render: what its fields show is
    /// the plan's, even after an undo, until the save forgets them.
    pub fn settled(&self) -> Rc<Vec<Key>> {
        self.slot.borrow().as_ref().map(|(latest, _)| latest.settled.clone()).unwrap_or_default()
    }

    /// The base this page holds for the open plan, and the plan's id.
    fn held(&self) -> Option<(jalon::model::id::Id, Option<String>)> {
        self.slot.borrow().as_ref().map(|(latest, _)| (latest.plan.id.clone(), latest.base.clone()))
    }
}

/// Saves each change after `SAVE_DELAY_MS` without another, and at once when the page
/// is hidden or closed; tries a failed save again when the page is shown again. Nothing
/// is saved while another version waits for the user's choice.
#[hook]
pub fn use_saving(state: &UseReducerHandle<State>) -> Keeper {
    let keeper = use_memo((), |_| Keeper::default());
    let keeper: Keeper = (*keeper).clone();
    keeper.update(state, state.dispatcher());
    {
        let keeper = keeper.clone();
        use_effect_with((), move |_| {
            let on_hide = {
                let keeper = keeper.clone();
                EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
                    keeper.flush();
                })
            };
            // Before the browser even asks for the next page: a reload that starts the
            // page in another process may read storage before a write made at `pagehide`
            // reaches it. The write at `pagehide` stays for what `beforeunload` misses.
            let on_leave = {
                let keeper = keeper.clone();
                EventListener::new(&gloo::utils::window(), "beforeunload", move |_| {
                    keeper.flush();
                })
            };
            let on_visibility = EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                if gloo::utils::document().hidden() {
                    keeper.flush();
                } else {
                    keeper.retry();
                }
            });
            move || drop((on_hide, on_leave, on_visibility))
        });
    }
    {
        // Another plan asked for: shown once this one is written, or in an exported file.
        let (keeper, dispatcher) = (keeper.clone(), state.dispatcher());
        let then = state.leaving.as_ref().map(|o| o.then.clone());
        use_effect_with(state.leaving.as_ref().map(|o| Rc::as_ptr(o) as usize), move |leaving| {
            if leaving.is_some() {
                if keeper.flush() || keeper.exported_as_shown() {
                    dispatcher.dispatch(Msg::Opened);
                    if let Some(route) = then.flatten() {
                        let _ = gloo::utils::window().location().set_hash(&route.href());
                    }
                } else {
                    dispatcher.dispatch(Msg::StayHere);
                }
            }
        });
    }
    {
        // Drafts the plan already holds as storage has it are forgotten at once.
        let (id, dispatcher) = (state.plan.id.clone(), state.dispatcher());
        use_effect_with((state.settled.clone(), state.unsaved), move |(settled, unsaved)| {
            if !*unsaved && !settled.is_empty() {
                super::kept_drafts::forget(&id, settled);
                dispatcher.dispatch(Msg::Forgot(settled.to_vec()));
            }
        });
    }
    let id = state.plan.id.clone();
    let wanted = state.wants_saving();
    let flusher = keeper.clone();
    use_effect_with((state.revision, state.conflict.is_some()), move |_| {
        store::set_current(&id);
        // A newer change replaces the timer.
        let timer = wanted.then(|| {
            Timeout::new(SAVE_DELAY_MS, move || {
                flusher.save_in_slices();
            })
        });
        move || drop(timer)
    });
    keeper
}

/// Learns of other tabs' saves: of this plan (shown at once when its writer had read
/// this page's version, or read a version written over it the same way, and this page
/// has no unsaved change; otherwise offered beside this page's version), and of the
/// library. Any of them may have made room for a save that failed.
#[hook]
pub fn use_other_tabs(state: &UseReducerHandle<State>, keeper: &Keeper) {
    let dispatcher = state.dispatcher();
    let keeper = keeper.clone();
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "storage", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else { return };
            // Any change made elsewhere, even by another page sharing this storage,
            // may have made room for a save that failed.
            let Some(key) = event.key().filter(|key| key.starts_with("jalon.v1.")) else {
                keeper.retry();
                return;
            };
            // What another tab types is its own: neither the plan, nor the library, nor
            // room made.
            if store::is_drafts_key(&key) {
                return;
            }
            if let Some((id, mine)) = keeper.held() {
                // Another tab is writing this plan: its next change, to the plan's key,
                // is the one to answer. A retry now would race it.
                if store::is_lineage_of(&id, &key) {
                    return;
                }
                // What storage holds now, not what the event carried: a later write may
                // already have replaced it.
                let theirs = store::current_base(&id);
                if key == store::key_of(&id) && theirs.is_some() && theirs != mine {
                    if let store::Stored::Plan { plan, digest, base } = store::load_plan(&id) {
                        // Written over this page's version, or over a later one written
                        // over it: the other tab may have saved twice before this page
                        // looked.
                        let over_mine = mine.as_deref().is_some_and(|mine| store::descends_from(&id, &base, mine));
                        dispatcher.dispatch(Msg::SavedElsewhere { plan: *plan, digest, base, over_mine });
                    }
                }
            }
            dispatcher.dispatch(Msg::Library(store::library()));
            keeper.retry();
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

/// Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo, outside text fields. A field losing the
/// focus ends the typing under way: what is typed next is another step.
#[hook]
pub fn use_undo_keys(dispatcher: UseReducerDispatcher<State>) {
    use_effect_with((), move |_| {
        let blurs = {
            let dispatcher = dispatcher.clone();
            EventListener::new(&gloo::utils::document(), "focusout", move |_| dispatcher.dispatch(Msg::EndTyping))
        };
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
        move || drop((keys, blurs))
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

/// Milliseconds, for timing a slice of work: the page's monotonic clock, which moves
/// even where the date is held still.
pub(super) fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}
