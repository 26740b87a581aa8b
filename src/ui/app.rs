//! The application's state, its messages, and the component that holds them.
//!
//! One `State`, one `Msg` enum, one reducer: the reducer changes the state and nothing
//! else; saving to local storage happens in effects, after the state has changed.

use super::components::header::Header;
use super::components::nav::Nav;
use super::components::notice::Notice as NoticeView;
use super::context::{tr, Ctx};
use super::route::Route;
use super::screens;
use super::store::{self, Entry, Stored};
use chrono::{NaiveDate, NaiveTime};
use jalon::edit::{Edited, Refused};
use jalon::history::History;
use std::any::TypeId;
use std::cell::RefCell;
use jalon::format::LoadError;
use jalon::plan::Plan;
use jalon::sample::sample_plan;
use jalon::text::{self, Lang};
use std::rc::Rc;
use yew::prelude::*;

/// Something the user should know that is not on the screen they are looking at.
#[derive(Clone, PartialEq)]
pub enum Notice {
    StorageUnavailable,
    /// A stored plan was set aside; the core says why.
    Unreadable(LoadError),
    SaveFailed,
    Refused(Refused),
}

/// What undo may keep, in plan entities (see `plan_weight`): about a hundred steps of
/// an ordinary plan, three of a plan of 15 000 entities.
const HISTORY_BUDGET: usize = 50_000;
/// How long the page waits after a change before saving: a burst of typing is saved
/// once.
const SAVE_DELAY_MS: u32 = 400;

fn plan_weight(plan: &Plan) -> usize {
    500 + plan.elements.len() + plan.indicators.len() + plan.actions.len()
}

#[derive(Clone)]
pub struct State {
    pub plan: Rc<Plan>,
    /// Changes whenever `plan` does; see `Ctx::revision`.
    pub revision: u64,
    /// Whether the plan holds changes that are not yet in storage.
    pub unsaved: bool,
    pub library: Rc<Vec<Entry>>,
    pub lang: Lang,
    pub today: NaiveDate,
    pub route: Route,
    pub notice: Option<Notice>,
    /// The open plan's earlier and undone versions; emptied when another plan opens.
    pub history: Rc<History<Rc<Plan>, TypeId>>,
    /// When the plan was last written to storage and read back, local time.
    pub saved_at: Option<NaiveTime>,
}

pub enum Msg {
    SetLang(Lang),
    Route(Route),
    /// A change to the plan; `source` tells changes from one place apart (see `History`).
    Edit { change: Box<dyn FnOnce(&mut Plan) -> Edited>, source: TypeId },
    Undo,
    Redo,
    /// Shows another plan; `unsaved` when it is not yet in storage (a new plan).
    Open { plan: Plan, unsaved: bool },
    /// The library as storage now holds it.
    Library(Vec<Entry>),
    /// The plan of `revision` is in storage.
    Saved { revision: u64, at: NaiveTime },
    SaveFailed,
    Notice(Option<Notice>),
}

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::SetLang(lang) => next.lang = lang,
            Msg::Route(route) => next.route = route,
            Msg::Edit { change, source } => {
                let mut plan = (*self.plan).clone();
                match change(&mut plan) {
                    Ok(()) => {
                        Rc::make_mut(&mut next.history).record(
                            self.plan.clone(), source, js_sys::Date::now(), plan_weight(&self.plan),
                        );
                        next.plan = Rc::new(plan);
                        next.revision += 1;
                        next.unsaved = true;
                        if matches!(next.notice, Some(Notice::Refused(_))) {
                            next.notice = None;
                        }
                    }
                    Err(refused) => next.notice = Some(Notice::Refused(refused)),
                }
            }
            Msg::Undo | Msg::Redo => {
                let history = Rc::make_mut(&mut next.history);
                let weight = plan_weight(&self.plan);
                let restored = match msg {
                    Msg::Undo => history.undo(self.plan.clone(), weight),
                    _ => history.redo(self.plan.clone(), TypeId::of::<Msg>()),
                };
                if let Some(plan) = restored {
                    next.plan = plan;
                    next.revision += 1;
                    next.unsaved = true;
                }
            }
            Msg::Open { plan, unsaved } => {
                next.plan = Rc::new(plan);
                next.revision += 1;
                next.unsaved = unsaved;
                next.history = Rc::new(History::new(HISTORY_BUDGET));
                next.saved_at = None;
            }
            Msg::Library(entries) => next.library = Rc::new(entries),
            Msg::Saved { revision, at } => {
                next.saved_at = Some(at);
                // A change made while saving is still to be saved.
                next.unsaved = revision != self.revision;
                next.library = Rc::new(store::library());
                if next.notice == Some(Notice::SaveFailed) {
                    next.notice = None;
                }
            }
            Msg::SaveFailed => next.notice = Some(Notice::SaveFailed),
            Msg::Notice(notice) => next.notice = notice,
        }
        Rc::new(next)
    }
}

fn current_route() -> Route {
    Route::parse(&gloo::utils::window().location().hash().unwrap_or_default())
}

/// The plan open last, or the library's first readable plan, or the sample (new to this
/// browser, so saved at once).
fn initial_state() -> State {
    let today = chrono::Local::now().date_naive();
    let lang = store::load_lang().unwrap_or_default();
    let mut notice = None;
    let mut opened = None;
    if !store::available() {
        notice = Some(Notice::StorageUnavailable);
    } else {
        let candidates = store::current().into_iter().chain(store::library().into_iter().map(|e| e.id));
        for id in candidates {
            match store::load_plan(&id) {
                Stored::Plan(plan) => {
                    opened = Some(plan);
                    break;
                }
                Stored::Unreadable(error) => notice = Some(Notice::Unreadable(error)),
                Stored::Nothing => {}
            }
        }
    }
    let (plan, unsaved) = match opened {
        Some(plan) => (plan, false),
        None => (sample_plan(), notice != Some(Notice::StorageUnavailable)),
    };
    State {
        plan: Rc::new(plan),
        revision: 0,
        unsaved,
        library: Rc::new(store::library()),
        lang,
        today,
        route: current_route(),
        notice,
        history: Rc::new(History::new(HISTORY_BUDGET)),
        saved_at: None,
    }
}

/// Whether a key press belongs to a text field, whose own undo the browser keeps.
fn in_text_field(event: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
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

/// Writes the plan waiting in `pending`, if any, and reports how it went.
fn flush(pending: &RefCell<Option<(Rc<Plan>, u64)>>, dispatcher: &UseReducerDispatcher<State>) {
    let Some((plan, revision)) = pending.borrow_mut().take() else { return };
    if store::save_plan(&plan) {
        dispatcher.dispatch(Msg::Saved { revision, at: chrono::Local::now().time() });
    } else {
        dispatcher.dispatch(Msg::SaveFailed);
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    use_effect_with((), |_| super::mark("jalon-first-render"));

    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                dispatcher.dispatch(Msg::Route(current_route()));
            });
            move || drop(listener)
        });
    }
    {
        let lang = state.lang;
        use_effect_with(lang, move |lang| {
            store::save_lang(*lang);
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("lang", lang.code());
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            // Not passive: the browser's own undo (of the last text typed anywhere) must
            // be prevented, or it would replay as a new change.
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            let keys = gloo::events::EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |event| {
                use wasm_bindgen::JsCast;
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
    // Saving: a change waits `SAVE_DELAY_MS` for the next one, and is written at once
    // when the page is hidden or closed.
    let pending = use_mut_ref(|| None::<(Rc<Plan>, u64)>);
    {
        let (pending, dispatcher) = (pending.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let on_hide = {
                let (pending, dispatcher) = (pending.clone(), dispatcher.clone());
                gloo::events::EventListener::new(&window, "pagehide", move |_| flush(&pending, &dispatcher))
            };
            let on_hidden = gloo::events::EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                if gloo::utils::document().hidden() {
                    flush(&pending, &dispatcher);
                }
            });
            move || drop((on_hide, on_hidden))
        });
    }
    {
        let dispatcher = state.dispatcher();
        let plan = state.plan.clone();
        let unsaved = state.unsaved;
        use_effect_with(state.revision, move |revision| {
            store::set_current(&plan.id);
            let timer = unsaved.then(|| {
                *pending.borrow_mut() = Some((plan, *revision));
                gloo::timers::callback::Timeout::new(SAVE_DELAY_MS, move || flush(&pending, &dispatcher))
            });
            // A newer change replaces the timer; the plan it would have saved is already
            // replaced in `pending`.
            move || drop(timer)
        });
    }
    {
        // Each screen starts at its top, and its heading is announced.
        let route = state.route.clone();
        use_effect_with(route, |_| gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0));
    }

    let dispatcher = state.dispatcher();
    let ctx = Ctx {
        plan: state.plan.clone(),
        revision: state.revision,
        lang: state.lang,
        today: state.today,
        route: state.route.clone(),
        dispatch: Callback::from(move |msg| dispatcher.dispatch(msg)),
    };
    let lang = state.lang;
    let notice = state.notice.as_ref().map(|notice| match notice {
        Notice::StorageUnavailable => tr(lang,
            "Ce navigateur refuse le stockage local : vos modifications ne seront pas conservées si vous fermez la page.",
            "This browser refuses local storage: your changes will not be kept if you close the page.").to_string(),
        Notice::Unreadable(error) => format!("{} {}", tr(lang,
            "Un plan conservé dans ce navigateur n'a pas pu être lu ; il a été mis de côté sans être modifié.",
            "A plan kept in this browser could not be read; it has been set aside unchanged."),
            text::load_error(error, lang)),
        Notice::SaveFailed => tr(lang,
            "L'enregistrement dans ce navigateur a échoué : vos dernières modifications ne sont pas conservées.",
            "Saving in this browser failed: your latest changes are not kept.").to_string(),
        Notice::Refused(refused) => text::refused(&state.plan, refused, lang),
    });
    let on_dismiss = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Msg::Notice(None)))
    };
    let screen = match &state.route {
        Route::Library => html! { <screens::library::Library library={state.library.clone()} /> },
        Route::Structure => html! { <screens::structure::Structure /> },
        Route::Objective(id) => html! { <screens::objective::ObjectivePage id={id.clone()} /> },
        Route::Indicators => html! { <screens::indicators::Indicators /> },
        Route::Actions => html! { <screens::actions::Actions /> },
        Route::FollowUp => html! { <screens::followup::FollowUp /> },
        Route::Dashboard => html! { <screens::dashboard::Dashboard /> },
        Route::Budget => html! { <screens::budget::BudgetScreen /> },
    };

    html! {
        <ContextProvider<Ctx> context={ctx}>
            <a class="skip" href="#contenu" onclick={Callback::from(|e: MouseEvent| {
                // The address keeps naming the screen; focus moves to the content.
                e.prevent_default();
                if let Some(main) = gloo::utils::document().get_element_by_id("contenu") {
                    let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(main).focus();
                }
            })}>{ tr(lang, "Aller au contenu", "Skip to content") }</a>
            <Header can_undo={state.history.can_undo()} can_redo={state.history.can_redo()}
                saved_at={state.saved_at} unsaved={state.unsaved} />
            <Nav />
            <main id="contenu" tabindex="-1">
                if let Some(text) = notice {
                    <NoticeView {text} {on_dismiss} />
                }
                { screen }
            </main>
        </ContextProvider<Ctx>>
    }
}
