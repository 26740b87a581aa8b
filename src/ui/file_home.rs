//! A plan's home in a file, where the browser can link one (Chrome and Edge, also from a
//! page opened as a file): the browser's side of `jalon::storage::link`, whose protocol
//! this module answers step by step from the file API of www/files.js. The plan's file
//! is written soon after each save in the browser, checked when the page comes back
//! into view and every few seconds while it is shown, and merged when someone else wrote
//! it (`components::file_review`).

use super::context::Ctx;
use super::persistence::{now, SLICE_MS, STEP_BYTES};
use super::state::{HomeEvent, HomeStatus, Msg, State, Version};
use super::store;
use jalon::model::id::Id;
use jalon::model::plan::Plan;
use jalon::storage::link::{Ask, FileFailure, Link, Outcome, Stamp, Sync, Synced};
use js_sys::{Promise, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = jalonFiles, js_name = available)]
    fn api_available() -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jalonFiles, js_name = pickToSave)]
    fn pick_to_save(name: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jalonFiles, js_name = pickToOpen)]
    fn pick_to_open() -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jalonFiles, js_name = stamp)]
    fn file_stamp(handle: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jalonFiles, js_name = read)]
    fn file_read(handle: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jalonFiles, js_name = write)]
    fn file_write(handle: &JsValue, bytes: &[u8], key: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jalonFiles, js_name = base)]
    fn kept_base_bytes(key: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jalonFiles, js_name = permission)]
    fn file_permission(handle: &JsValue, ask: bool) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jalonFiles, js_name = remember)]
    fn remember_handle(key: &str, handle: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jalonFiles, js_name = recall)]
    fn recall_handle(key: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jalonFiles, js_name = forget)]
    fn forget_handle(key: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jalonFiles, js_name = watch)]
    fn watch_file(handle: &JsValue, told: &Closure<dyn FnMut()>) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jalonFiles, js_name = remembers)]
    fn api_remembers() -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jalonFiles, js_name = persist)]
    fn ask_persist() -> Result<Promise, JsValue>;
}

/// How often a linked file is checked while the page is shown, in milliseconds: a
/// light look at its date and size.
const CHECK_EVERY: u32 = 3_000;
/// How often a watched file (`FileSystemObserver`) is checked all the same: the
/// browser tells of its changes as they happen.
const CHECK_WATCHED_EVERY: u32 = 60_000;
/// How long after the browser tells of a change the file is looked at: a change comes
/// in bursts, and this page's own write is told of too, after it is known here.
const SETTLE_AFTER_CHANGE: u32 = 250;
/// How long before a write that may succeed later (a file locked, a full disk) is tried
/// again, in milliseconds.
const RETRY_AFTER: u32 = 4_000;

thread_local! {
    /// The handles of the files the plans of this page are linked to, by plan.
    static HANDLES: RefCell<HashMap<Id, JsValue>> = RefCell::new(HashMap::new());
}

/// Whether this browser can link a plan to a file.
pub fn available() -> bool {
    api_available().unwrap_or(false)
}

/// Whether the browser, asking for the permission to write a file again, offers to
/// remember it (Chrome and Edge since version 122).
pub fn offers_to_remember() -> bool {
    api_remembers().unwrap_or(false)
}

fn handle_of(id: &Id) -> Option<JsValue> {
    HANDLES.with(|h| h.borrow().get(id).cloned())
}

fn keep_handle(id: &Id, handle: &JsValue) {
    HANDLES.with(|h| h.borrow_mut().insert(id.clone(), handle.clone()));
    in_background(remember_handle(id.as_str(), handle));
}

/// Lets a promise whose outcome changes nothing here run to its end: awaited, so that a
/// refusal is not reported as unhandled.
pub(super) fn in_background(promise: Result<Promise, JsValue>) {
    if let Ok(promise) = promise {
        spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// Forgets the plan's file: the link, the handle here and the one kept for restarts.
pub fn unlink(id: &Id) {
    HANDLES.with(|h| h.borrow_mut().remove(id));
    store::set_link(id, None);
    in_background(forget_handle(id.as_str()));
}

async fn call(promise: Result<Promise, JsValue>) -> Result<JsValue, FileFailure> {
    let promise = promise.map_err(|_| FileFailure::Unavailable)?;
    JsFuture::from(promise).await.map_err(|error| {
        let name = Reflect::get(&error, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
        FileFailure::from_name(&name)
    })
}

fn field(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

fn stamp_of(value: &JsValue) -> Stamp {
    let number = |name| field(value, name).as_f64().unwrap_or(0.0);
    Stamp { modified: number("modified"), size: number("size") as u64 }
}

/// The file text a visit writes, made when the protocol asks for it (`Ask::Prepare`).
enum ToWrite<'a> {
    /// A check, which writes nothing.
    Nothing,
    /// The plan's text, to be written out a slice at a time: a visit that finds a
    /// colleague's version never makes it.
    Plan(&'a Plan),
    /// The text, made.
    Text(String),
}

/// Answers the protocol's steps from the file of the plan `id` until it is done.
async fn visit(id: &Id, handle: &JsValue, (mut sync, mut ask): (Sync, Ask), mut to_write: ToWrite<'_>) -> Outcome {
    let mut bytes = Vec::new();
    loop {
        ask = match ask {
            Ask::Done(outcome) => return outcome,
            Ask::Stamp => match call(file_stamp(handle)).await {
                Ok(found) => sync.stamp(stamp_of(&found)),
                Err(failure) => sync.failed(failure),
            },
            Ask::Text => match call(file_read(handle)).await {
                Ok(found) => {
                    bytes = bytes_of(&found);
                    let digest = digest_in_slices(&bytes).await;
                    sync.read(stamp_of(&found), digest)
                }
                Err(failure) => sync.failed(failure),
            },
            // A colleague's 25 MB version is read an item at a time; the merge that
            // follows is the next task.
            Ask::Load => {
                let loaded = load_in_slices(&bytes).await;
                let next = sync.loaded(&bytes, loaded);
                next_task().await;
                next
            }
            Ask::Prepare => {
                if let ToWrite::Plan(plan) = to_write {
                    to_write = ToWrite::Text(file_text(plan).await);
                }
                sync.prepared()
            }
            Ask::Write => match &to_write {
                // Handed over as UTF-8 bytes: a copy, where a string would be decoded first.
                ToWrite::Text(text) => match call(file_write(handle, text.as_bytes(), id.as_str())).await {
                    Ok(found) => sync.written(stamp_of(&found)),
                    Err(failure) => sync.failed(failure),
                },
                // The protocol asks a check for no text: nothing is written.
                _ => sync.failed(FileFailure::Other),
            },
        }
    }
}

/// Says how a visit ended, and keeps the link's new version beside the plan.
fn report(dispatch: &Callback<Msg>, id: &Id, mut link: Link, plan: Option<Rc<Plan>>, outcome: Outcome) {
    match outcome {
        Outcome::Written(synced) | Outcome::Unchanged(synced) => {
            let written = plan.is_some().then(chrono::Utc::now).or(link.written);
            link.synced = Some(synced);
            link.written = written;
            store::set_link(id, Some(&link));
            dispatch.emit(Msg::Home(HomeEvent::Synced { link, plan }));
        }
        Outcome::Theirs { plan, synced } => {
            let version = Version { plan: Rc::new(*plan), file: link.file, synced: Some(synced), base: None };
            dispatch.emit(Msg::Home(HomeEvent::Version(version)))
        }
        Outcome::NotThisPlan(why, synced) => dispatch.emit(Msg::Home(HomeEvent::NotThisPlan(why, synced))),
        Outcome::Failed(failure) => dispatch.emit(Msg::Home(HomeEvent::Failed(failure))),
    }
}

/// Lets the page paint and answer the user before the next slice of work: with
/// `scheduler.yield()` where the browser has it, which resumes as soon as the page is
/// free; a timer, which Chromium holds at least 4 ms once nested, otherwise.
async fn next_task() {
    let scheduler = Reflect::get(&js_sys::global(), &"scheduler".into()).unwrap_or(JsValue::UNDEFINED);
    let yielding = Reflect::get(&scheduler, &"yield".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let promise = match yielding.and_then(|f| f.call0(&scheduler).ok()).and_then(|p| p.dyn_into::<Promise>().ok()) {
        Some(promise) => promise,
        None => Promise::new(&mut |resolve, _| {
            let _ = gloo::utils::window().set_timeout_with_callback(&resolve);
        }),
    };
    let _ = JsFuture::from(promise).await;
}

/// Runs `step`, given about `STEP_BYTES` of work at a time, until it gives its result:
/// in slices of `SLICE_MS` between the page's tasks, the slices the browser's save uses,
/// so that a plan of thousands of actions never holds the page.
async fn in_slices<T>(mut step: impl FnMut(usize) -> Option<T>) -> T {
    loop {
        let start = now();
        while now() - start < SLICE_MS {
            if let Some(done) = step(STEP_BYTES) {
                return done;
            }
        }
        next_task().await;
    }
}

/// The plan's file text, written a slice at a time (`format::Slices`).
async fn file_text(plan: &Plan) -> String {
    let mut slices = jalon::format::Slices::new();
    in_slices(|budget| slices.step(plan, budget).then_some(())).await;
    slices.into_text()
}

/// The bytes of a file as `jalonFiles.read` or `.base` hands them over: read as bytes,
/// not text, so that the browser neither decodes 25 MB into a string on the page's
/// thread nor the module encodes it back.
fn bytes_of(found: &JsValue) -> Vec<u8> {
    let bytes = if found.is_instance_of::<js_sys::Uint8Array>() { found.clone() } else { field(found, "bytes") };
    bytes.dyn_into::<js_sys::Uint8Array>().map(|bytes| bytes.to_vec()).unwrap_or_default()
}

/// A file's bytes read as a plan a slice at a time (`format::Reading`): what
/// `format::load` gives of their text; bytes that are not UTF-8 are refused where
/// they stop being so (`format::open`).
async fn load_in_slices(bytes: &[u8]) -> Result<Plan, jalon::format::LoadError> {
    let Ok(text) = std::str::from_utf8(bytes) else { return jalon::format::open(bytes).map(|opened| opened.plan) };
    let mut reading = jalon::format::Reading::new(text);
    in_slices(|budget| reading.step(budget)).await.map(|opened| opened.plan)
}

/// The digest of a file's bytes (`format::digest` of its text), worked out a slice at
/// a time.
async fn digest_in_slices(bytes: &[u8]) -> String {
    let mut digest = jalon::format::Digest::new();
    let mut pieces = bytes.chunks(STEP_BYTES);
    in_slices(|_| match pieces.next() {
        Some(piece) => {
            digest.update(piece);
            None
        }
        None => Some(digest.finish()),
    })
    .await
}

/// Writes the plan to its file, over the version `link` knows; `digest` is its file's
/// digest, known from its save in the browser.
fn write(dispatch: Callback<Msg>, plan: Rc<Plan>, digest: String, link: Link) {
    let Some(handle) = handle_of(&plan.id) else {
        dispatch.emit(Msg::Home(HomeEvent::Reopen));
        return;
    };
    dispatch.emit(Msg::Home(HomeEvent::Busy));
    spawn_local(async move {
        let start = Sync::write(&plan.id, link.synced.clone(), digest);
        let outcome = visit(&plan.id, &handle, start, ToWrite::Plan(&plan)).await;
        report(&dispatch, &plan.id.clone(), link, Some(plan), outcome);
    });
}

/// Looks whether someone else wrote the plan's file.
fn check(dispatch: Callback<Msg>, id: Id, link: Link) {
    let Some(handle) = handle_of(&id) else { return };
    spawn_local(async move {
        let outcome = visit(&id, &handle, Sync::check(&id, link.synced.clone()), ToWrite::Nothing).await;
        // A check that finds the file as known says nothing; of its failures, only a file
        // gone or a permission withdrawn is said at once, the others by the next write.
        match outcome {
            Outcome::Unchanged(ref synced) if link.synced.as_ref() == Some(synced) => {}
            Outcome::Failed(failure) if !matches!(failure, FileFailure::Gone | FileFailure::Denied) => {}
            _ => report(&dispatch, &id, link, None, outcome),
        }
    });
}

/// « Enregistrer dans un fichier… »: the user chooses where, the plan is written there,
/// and stays linked to it.
pub fn save_to_file(ctx: &Ctx) {
    let (plan, dispatch) = (ctx.plan.clone(), ctx.dispatch.clone());
    let name = jalon::format::file_name(&plan.title, ctx.today);
    spawn_local(async move {
        let handle = match call(pick_to_save(&name)).await {
            Ok(handle) => handle,
            Err(FileFailure::Cancelled) => return,
            Err(failure) => return dispatch.emit(Msg::Home(HomeEvent::Refused(failure))),
        };
        let file = field(&handle, "name").as_string().unwrap_or(name);
        let link = Link { file, synced: None, written: None, shared_computer: false };
        let text = file_text(&plan).await;
        let digest = jalon::format::digest(&text);
        let outcome = visit(&plan.id, &handle, Sync::write(&plan.id, None, digest), ToWrite::Text(text)).await;
        if let Outcome::Written(_) | Outcome::Unchanged(_) = outcome {
            keep_handle(&plan.id, &handle);
        }
        let failed = match &outcome {
            Outcome::Failed(failure) => Some(*failure),
            _ => None,
        };
        match failed {
            Some(failure) => dispatch.emit(Msg::Home(HomeEvent::Refused(failure))),
            None => {
                dispatch.emit(Msg::Home(HomeEvent::Linked(link.clone())));
                report(&dispatch, &plan.id.clone(), link, Some(plan), outcome);
            }
        }
    });
}

/// Reads a plan from a file handle and opens it linked to that file.
async fn open_handle(ctx: Ctx, handle: JsValue) {
    let dispatch = ctx.dispatch.clone();
    let found = match call(file_read(&handle)).await {
        Ok(found) => found,
        Err(failure) => return dispatch.emit(Msg::Home(HomeEvent::Refused(failure))),
    };
    let bytes = bytes_of(&found);
    let file = field(&found, "name").as_string().unwrap_or_default();
    let plan = match load_in_slices(&bytes).await {
        Ok(plan) => plan,
        Err(error) => return dispatch.emit(Msg::Home(HomeEvent::Unreadable { file, error })),
    };
    let synced = Synced { stamp: stamp_of(&found), digest: digest_in_slices(&bytes).await };
    let mut link = store::link(&plan.id).filter(|l| l.file == file).unwrap_or(Link {
        file,
        synced: None,
        written: None,
        shared_computer: false,
    });
    keep_handle(&plan.id, &handle);
    let unchanged = link.synced.as_ref().is_some_and(|known| known.digest == synced.digest);
    let plan = Rc::new(plan);
    let (kept, digest, base) = match store::read_plan(&plan.id) {
        // The file is as this browser last wrote it: the browser's version, as new or
        // newer, opens, over the file's.
        Some((kept, digest)) if unchanged => (kept, Some(digest), Some(plan.clone())),
        // This browser holds another version of it: the file's is merged into it over
        // the version both last shared, when this browser still has it.
        Some((kept, digest)) => {
            let base = match &link.synced {
                Some(known) if known.digest == digest => Some(Rc::new(kept.clone())),
                Some(known) => kept_base(&plan.id, &known.digest).await.map(Rc::new),
                None => None,
            };
            (kept, Some(digest), base)
        }
        None => ((*plan).clone(), None, Some(plan.clone())),
    };
    // Their version is merged over the link's version; otherwise the file holds the base.
    if base.as_ref().is_some_and(|base| Rc::ptr_eq(base, &plan)) {
        link.synced = Some(synced.clone());
    }
    store::set_link(&plan.id, Some(&link));
    // Saved again when it differs from the file's, so that its digest is known and the
    // file written.
    let unsaved = digest.is_none() || kept != *plan;
    ctx.open(kept, unsaved, digest, None);
    let file = link.file;
    dispatch.emit(Msg::Home(HomeEvent::Version(Version { plan, file, synced: Some(synced), base })));
}

/// The text this browser last wrote to the file of the plan `id`, when it is still the
/// version `digest`, read as a plan.
async fn kept_base(id: &Id, digest: &str) -> Option<Plan> {
    let bytes = bytes_of(&call(kept_base_bytes(id.as_str())).await.ok()?);
    if bytes.is_empty() || digest_in_slices(&bytes).await != digest {
        return None;
    }
    load_in_slices(&bytes).await.ok()
}

/// « Ouvrir un fichier… »: the user chooses a plan's file, opened linked to it.
pub fn open_file(ctx: &Ctx) {
    let ctx = ctx.clone();
    spawn_local(async move {
        match call(pick_to_open()).await {
            Ok(handle) => open_handle(ctx, handle).await,
            Err(FileFailure::Cancelled) => {}
            Err(failure) => ctx.dispatch.emit(Msg::Home(HomeEvent::Refused(failure))),
        }
    });
}

/// Reopens a linked plan from its file after a restart: the handle kept for it, the
/// permission asked on this click where the browser wants it.
pub fn reopen(ctx: &Ctx, id: &Id) {
    let (ctx, id) = (ctx.clone(), id.clone());
    spawn_local(async move {
        let handle = match call(recall_handle(id.as_str())).await {
            Ok(handle) if !handle.is_null() && !handle.is_undefined() => handle,
            _ => return ctx.dispatch.emit(Msg::Home(HomeEvent::Refused(FileFailure::Gone))),
        };
        match call(file_permission(&handle, true)).await.ok().and_then(|p| p.as_string()).as_deref() {
            Some("granted") => open_handle(ctx, handle).await,
            _ => ctx.dispatch.emit(Msg::Home(HomeEvent::Refused(FileFailure::Denied))),
        }
    });
}

/// Asks the browser again for the permission to write the open plan's file, on a click.
pub fn allow(ctx: &Ctx) {
    let Some(handle) = handle_of(&ctx.plan.id) else { return reopen(ctx, &ctx.plan.id) };
    let dispatch = ctx.dispatch.clone();
    spawn_local(async move {
        if let Ok(Some(state)) = call(file_permission(&handle, true)).await.map(|p| p.as_string()) {
            if state == "granted" {
                dispatch.emit(Msg::Home(HomeEvent::Retry));
            }
        }
    });
}

/// Keeps the open plan's file in step: written after each save in the browser, checked
/// when the page comes back into view and every few seconds, retried after a failure
/// that may pass.
#[hook]
pub fn use_file_home(state: &UseReducerHandle<State>) {
    let dispatch = Callback::from({
        let dispatcher = state.dispatcher();
        move |msg: Msg| dispatcher.dispatch(msg)
    });
    // Written once the browser holds the change, unless the file holds it already.
    let wanted = state.home.as_ref().zip(state.digest.as_ref()).and_then(|(home, digest)| {
        let holds = home.link.synced.as_ref().is_some_and(|s| s.digest == *digest);
        (home.idle() && !state.unsaved && !holds && state.theirs.is_none()).then(|| (home.link.clone(), digest.clone()))
    });
    {
        let (dispatch, plan) = (dispatch.clone(), state.plan.clone());
        use_effect_with((wanted, state.revision), move |(wanted, _)| {
            if let Some((link, digest)) = wanted.clone() {
                write(dispatch, plan, digest, link);
            }
        });
    }
    // What the timers and the page's return look at: the state as last rendered.
    let latest = use_mut_ref(|| None::<(Id, Link)>);
    *latest.borrow_mut() = state
        .home
        .as_ref()
        .filter(|home| home.idle() && state.theirs.is_none())
        .map(|home| (state.plan.id.clone(), home.link.clone()));
    // The file this page can reach, watched where the browser tells of its changes.
    let reachable = state.home.as_ref().filter(|home| home.status != HomeStatus::Reopen).map(|_| state.plan.id.clone());
    // A failure that may pass is tried again a little later, or at once when the file
    // changes: what changed it may have let it go.
    let passing = state.home.as_ref().is_some_and(|home| home.failed().is_some_and(FileFailure::passing));
    let failing = use_mut_ref(|| false);
    *failing.borrow_mut() = passing;
    {
        let (dispatch, latest) = (dispatch.clone(), latest.clone());
        use_effect_with(reachable, move |reachable| {
            let retry = dispatch.reform(|_: ()| Msg::Home(HomeEvent::Retry));
            let look = move || {
                let hidden = gloo::utils::document().hidden();
                if let (false, Some((id, link))) = (hidden, latest.borrow().clone()) {
                    check(dispatch.clone(), id, link);
                }
            };
            let told = {
                let look = look.clone();
                move || if *failing.borrow() { retry.emit(()) } else { look() }
            };
            let watcher = reachable.as_ref().and_then(handle_of).and_then(|handle| Watcher::new(&handle, told));
            let every = if watcher.is_some() { CHECK_WATCHED_EVERY } else { CHECK_EVERY };
            let look_again = look.clone();
            let interval = gloo::timers::callback::Interval::new(every, look);
            let shown =
                gloo::events::EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| look_again());
            move || drop((interval, shown, watcher))
        });
    }
    // On a shared computer, the plan leaves the browser with the page, once its file
    // holds every change.
    let leaving = use_mut_ref(|| None::<Id>);
    *leaving.borrow_mut() = state
        .home
        .as_ref()
        .filter(|home| {
            let in_file = home.link.synced.as_ref().is_some_and(|s| Some(&s.digest) == state.digest.as_ref());
            home.link.shared_computer && in_file && !state.unsaved
        })
        .map(|_| state.plan.id.clone());
    use_effect_with((), move |_| {
        let hide = gloo::events::EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
            if let Some(id) = leaving.borrow().as_ref() {
                forget_on_shared_computer(id);
            }
        });
        move || drop(hide)
    });
    use_effect_with(passing, move |passing| {
        let retry = passing.then(|| {
            gloo::timers::callback::Timeout::new(RETRY_AFTER, move || dispatch.emit(Msg::Home(HomeEvent::Retry)))
        });
        move || drop(retry)
    });
}

/// A file watched with the browser's `FileSystemObserver`, looked at shortly after each
/// change it tells of; stops watching when dropped.
struct Watcher {
    stop: js_sys::Function,
    _told: Closure<dyn FnMut()>,
}

impl Watcher {
    /// `None` where the browser cannot watch a file: the page then looks more often.
    fn new(handle: &JsValue, look: impl Fn() + 'static) -> Option<Watcher> {
        let look = Rc::new(look);
        let settling = Rc::new(RefCell::new(None::<gloo::timers::callback::Timeout>));
        let told = Closure::<dyn FnMut()>::new(move || {
            let look = look.clone();
            *settling.borrow_mut() = Some(gloo::timers::callback::Timeout::new(SETTLE_AFTER_CHANGE, move || look()));
        });
        let stop = watch_file(handle, &told).ok()?.dyn_into::<js_sys::Function>().ok()?;
        Some(Watcher { stop, _told: told })
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.stop.call0(&JsValue::NULL);
    }
}

/// Asks the browser to keep this page's storage even when space runs short, once, and
/// says what it answered (`true`: kept).
#[hook]
pub fn use_persisted() -> Option<bool> {
    let answer = use_state(|| None::<bool>);
    {
        let answer = answer.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                if let Ok(said) = call(ask_persist()).await {
                    match said.as_string().as_deref() {
                        Some("granted") => answer.set(Some(true)),
                        Some("denied") => answer.set(Some(false)),
                        _ => {}
                    }
                }
            });
        });
    }
    *answer
}

/// On a shared computer, nothing of a linked plan stays in this browser once the page
/// closes, provided its file holds every change: the library forgets it, and opening
/// it again goes through its file.
fn forget_on_shared_computer(id: &Id) {
    store::delete_plan(id);
    unlink(id);
}
