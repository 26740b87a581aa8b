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
use chrono::NaiveDate;
use jalon::edit::{Edited, Refused};
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
}

pub enum Msg {
    SetLang(Lang),
    Route(Route),
    Edit(Box<dyn FnOnce(&mut Plan) -> Edited>),
    /// Shows another plan; `unsaved` when it is not yet in storage (a new plan).
    Open { plan: Plan, unsaved: bool },
    /// The library as storage now holds it.
    Library(Vec<Entry>),
    Saved,
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
            Msg::Edit(change) => {
                let mut plan = (*self.plan).clone();
                match change(&mut plan) {
                    Ok(()) => {
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
            Msg::Open { plan, unsaved } => {
                next.plan = Rc::new(plan);
                next.revision += 1;
                next.unsaved = unsaved;
            }
            Msg::Library(entries) => next.library = Rc::new(entries),
            Msg::Saved => {
                next.unsaved = false;
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
        let plan = state.plan.clone();
        let unsaved = state.unsaved;
        use_effect_with(state.revision, move |_| {
            if unsaved {
                if store::save_plan(&plan) {
                    dispatcher.dispatch(Msg::Saved);
                } else {
                    dispatcher.dispatch(Msg::SaveFailed);
                }
            }
            store::set_current(&plan.id);
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
            <Header />
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
