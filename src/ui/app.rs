//! The application's state, its messages, and the component that holds them.
//!
//! One `State`, one `Msg` enum, one reducer: the reducer changes the state and nothing
//! else; saving to local storage happens in effects, after the state has changed.

use super::components::checks::Checks;
use super::components::header::Header;
use super::components::notice::Notice;
use super::components::plan_tree::PlanTree;
use super::labels::labels;
use super::store::{self, Stored};
use chrono::NaiveDate;
use jalon::format::LoadError;
use jalon::plan::Plan;
use jalon::sample::sample_plan;
use jalon::text::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// Something the user should know about where their data is kept.
#[derive(Clone, PartialEq, Eq)]
pub enum StorageNotice {
    Unavailable,
    /// The stored plan was set aside; the core says why.
    Unreadable(LoadError),
    SaveFailed,
}

#[derive(Clone, PartialEq)]
pub struct State {
    pub plan: Rc<Plan>,
    /// Counts the plan's edits, so that effects know when to save.
    pub revision: u64,
    pub lang: Lang,
    pub today: NaiveDate,
    pub notice: Option<StorageNotice>,
}

pub enum Msg {
    SetLang(Lang),
    SetTitle(String),
    SaveFailed,
}

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::SetLang(lang) => next.lang = lang,
            Msg::SetTitle(title) => {
                Rc::make_mut(&mut next.plan).title = title;
                next.revision += 1;
            }
            Msg::SaveFailed => next.notice = Some(StorageNotice::SaveFailed),
        }
        Rc::new(next)
    }
}

fn initial_state() -> State {
    let today = chrono::Local::now().date_naive();
    let lang = store::load_lang().unwrap_or_default();
    let (plan, notice) = if !store::available() {
        (sample_plan(), Some(StorageNotice::Unavailable))
    } else {
        match store::load_plan() {
            Stored::Plan(plan) => (plan, None),
            Stored::Nothing => (sample_plan(), None),
            Stored::Unreadable(error) => (sample_plan(), Some(StorageNotice::Unreadable(error))),
        }
    };
    State { plan: Rc::new(plan), revision: 0, lang, today, notice }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    use_effect_with((), |_| super::mark("jalon-first-render"));

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
        use_effect_with(state.revision, move |revision| {
            // The untouched sample is not saved: a new page keeps showing the newest one.
            if *revision > 0 && !store::save_plan(&plan) {
                dispatcher.dispatch(Msg::SaveFailed);
            }
        });
    }

    let on_lang = {
        let dispatcher = state.dispatcher();
        Callback::from(move |lang| dispatcher.dispatch(Msg::SetLang(lang)))
    };
    let on_title = {
        let dispatcher = state.dispatcher();
        Callback::from(move |title| dispatcher.dispatch(Msg::SetTitle(title)))
    };
    let l = labels(state.lang);

    html! {
        <>
            <a class="skip" href="#contenu">{ l.skip_to_content }</a>
            <Header plan={state.plan.clone()} lang={state.lang} {on_lang} {on_title} />
            <main id="contenu">
                if let Some(notice) = &state.notice {
                    <Notice text={match notice {
                        StorageNotice::Unavailable => l.storage_unavailable.to_string(),
                        StorageNotice::Unreadable(error) => format!(
                            "{} {}", l.storage_unreadable, jalon::text::load_error(error, state.lang)
                        ),
                        StorageNotice::SaveFailed => l.storage_failed.to_string(),
                    }} />
                }
                <PlanTree plan={state.plan.clone()} lang={state.lang} today={state.today} />
                <Checks plan={state.plan.clone()} lang={state.lang} />
            </main>
        </>
    }
}
