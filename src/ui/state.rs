//! The application's state and its messages: one `State`, one `Msg`, one reducer. The
//! reducer changes the state and nothing else; storage is read and written by the hooks
//! of `persistence`, after the state has changed.

use super::route::Route;
use super::store::{self, Entry, Exported, Stored};
use chrono::{NaiveDate, NaiveTime};
use jalon::edit::{Edited, Refused};
use jalon::format::LoadError;
use jalon::history::History;
use jalon::id::Id;
use jalon::plan::Plan;
use jalon::sample::sample_plan;
use jalon::text::Lang;
use std::any::TypeId;
use std::rc::Rc;
use yew::prelude::*;

/// What undo may keep, in plan entities (see `plan_weight`): about a hundred steps of
/// an ordinary plan, three of a plan of 15 000 entities.
const HISTORY_BUDGET: usize = 50_000;

fn plan_weight(plan: &Plan) -> usize {
    500 + plan.elements.len() + plan.indicators.len() + plan.actions.len()
}

/// Something the user should know that is not on the screen they are looking at.
#[derive(Clone, PartialEq)]
pub enum Notice {
    StorageUnavailable,
    /// A stored plan was set aside under its id; the core says why.
    Unreadable { id: Id, error: LoadError },
    /// A stored plan was written by a newer version of Jalon and left as it is.
    Newer(LoadError),
    SaveFailed,
    /// This plan was saved last by a newer version of Jalon: this page does not save it.
    SaveRefusedNewer,
    Refused(Refused),
    /// Another tab saved this plan and this page now shows that version.
    UpdatedElsewhere,
}

#[derive(Clone)]
pub struct State {
    pub plan: Rc<Plan>,
    /// Changes whenever `plan` does; see `Ctx::revision`.
    pub revision: u64,
    /// Whether the plan holds changes that are not yet in storage.
    pub unsaved: bool,
    /// The digest of the plan's file as last saved or read (`format::digest`).
    pub digest: Option<String>,
    /// When the plan was last exported, and what the file held then.
    pub exported: Option<Exported>,
    pub library: Rc<Vec<Entry>>,
    pub lang: Lang,
    pub today: NaiveDate,
    pub route: Route,
    pub notice: Option<Notice>,
    /// The open plan's earlier and undone versions; emptied when another plan opens.
    pub history: Rc<History<Rc<Plan>, TypeId>>,
    /// When the plan was last written to storage and read back, local time.
    pub saved_at: Option<NaiveTime>,
    /// Another tab's version of this plan, saved while this page held unsaved changes:
    /// nothing is saved until the user chooses.
    pub conflict: Option<Rc<Plan>>,
}

impl State {
    /// Whether the plan holds changes that no exported file holds.
    pub fn unexported(&self) -> bool {
        match (&self.exported, &self.digest) {
            (Some(exported), Some(digest)) => exported.digest != *digest,
            _ => false,
        }
    }
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
    /// The plan of `revision` is in storage, its file's digest `digest`.
    Saved { revision: u64, at: NaiveTime, digest: String },
    SaveFailed,
    SaveRefusedNewer,
    Exported(Exported),
    /// Another tab saved this plan.
    SavedElsewhere { plan: Plan, digest: String },
    /// After `SavedElsewhere` during unsaved changes: keep this page's version…
    KeepMine,
    /// …or take the other tab's.
    TakeTheirs,
    Notice(Option<Notice>),
}

impl State {
    fn show(&mut self, plan: Rc<Plan>) {
        self.plan = plan;
        self.revision += 1;
        self.history = Rc::new(History::new(HISTORY_BUDGET));
        self.conflict = None;
    }
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
                            self.plan.clone(),
                            source,
                            js_sys::Date::now(),
                            plan_weight(&self.plan),
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
                next.exported = store::exported(&plan.id);
                next.digest = None;
                next.saved_at = None;
                next.unsaved = unsaved;
                next.show(Rc::new(plan));
            }
            Msg::Library(entries) => next.library = Rc::new(entries),
            Msg::Saved { revision, at, digest } => {
                next.saved_at = Some(at);
                // A change made while saving is still to be saved.
                next.unsaved = revision != self.revision;
                next.library = Rc::new(store::library());
                if next.exported.is_none() {
                    // The first save of a plan as it came: changes from here on are the
                    // ones no file holds.
                    let baseline = Exported { at: None, digest: digest.clone() };
                    store::set_exported(&self.plan.id, &baseline);
                    next.exported = Some(baseline);
                }
                next.digest = Some(digest);
                if matches!(next.notice, Some(Notice::SaveFailed)) {
                    next.notice = None;
                }
            }
            Msg::SaveFailed => next.notice = Some(Notice::SaveFailed),
            Msg::SaveRefusedNewer => next.notice = Some(Notice::SaveRefusedNewer),
            Msg::Exported(record) => next.exported = Some(record),
            Msg::SavedElsewhere { plan, digest } => {
                if self.unsaved {
                    next.conflict = Some(Rc::new(plan));
                } else {
                    next.digest = Some(digest);
                    next.show(Rc::new(plan));
                    next.notice = Some(Notice::UpdatedElsewhere);
                }
            }
            Msg::KeepMine => {
                next.conflict = None;
                // A new revision saves this page's version over the other tab's.
                next.revision += 1;
                next.unsaved = true;
            }
            Msg::TakeTheirs => {
                if let Some(theirs) = self.conflict.clone() {
                    next.unsaved = false;
                    next.digest = None;
                    next.show(theirs);
                }
            }
            Msg::Notice(notice) => next.notice = notice,
        }
        Rc::new(next)
    }
}

pub fn current_route() -> Route {
    Route::parse(&gloo::utils::window().location().hash().unwrap_or_default())
}

/// The plan open last, or the library's first readable plan, or the sample (new to this
/// browser, so saved at once).
pub fn initial_state() -> State {
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
                Stored::Plan { plan, digest } => {
                    opened = Some((plan, digest));
                    break;
                }
                Stored::Unreadable(error) => notice = Some(Notice::Unreadable { id, error }),
                Stored::Newer(error) => notice = Some(Notice::Newer(error)),
                Stored::Nothing => {}
            }
        }
    }
    let (plan, digest, unsaved) = match opened {
        Some((plan, digest)) => (plan, Some(digest), false),
        None => (sample_plan(), None, notice != Some(Notice::StorageUnavailable)),
    };
    State {
        exported: store::exported(&plan.id),
        plan: Rc::new(plan),
        revision: 0,
        unsaved,
        digest,
        library: Rc::new(store::library()),
        lang,
        today,
        route: current_route(),
        notice,
        history: Rc::new(History::new(HISTORY_BUDGET)),
        saved_at: None,
        conflict: None,
    }
}
