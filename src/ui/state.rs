//! The application's state and its messages: one `State`, one `Msg`, one reducer. The
//! reducer changes the state and nothing else; storage is read and written by the hooks
//! of `persistence`, after the state has changed.

use super::route::Route;
use super::store::{self, Access, Entry, Exported, Failure, Link, Stored};
use chrono::{NaiveDate, NaiveTime};
use jalon::edit::history::{Act, History};
use jalon::edit::{Change, Refused};
use jalon::format::LoadError;
use jalon::model::plan::Plan;
use jalon::start::sample::sample_plan_on;
use jalon::storage::link::{FileFailure, NotThisPlan, Synced};
use jalon::words::draft::{Drafts, Form, Key};
use jalon::words::text::Lang;
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
    /// Storage is full: plans open, but changes wait for room to be saved.
    StorageFull,
    /// A stored plan was set aside under `key`; the core says why.
    Unreadable {
        key: String,
        error: LoadError,
    },
    /// A stored plan was written by a newer version of Jalon and left as it is.
    Newer(LoadError),
    SaveFailed(Failure),
    /// Another plan was not opened: this one's change is neither in storage nor in an
    /// exported file.
    StayedUnsaved,
    /// This plan was saved last by a newer version of Jalon: this page does not save it.
    SaveRefusedNewer,
    Refused(Refused),
    /// Another tab saved this plan and this page now shows that version.
    UpdatedElsewhere,
    /// A plan of the library was not renamed: storage holds a version this page did not
    /// read.
    RenameRefused,
    /// Both versions were kept: this page's under a new id, titled `title`.
    KeptBoth {
        title: String,
    },
    /// A file could not be chosen, opened or linked.
    File(FileFailure),
    /// The file chosen is not a plan Jalon can read.
    FileUnreadable {
        file: String,
        error: LoadError,
    },
    /// What someone else wrote to the plan's file was merged in: no field conflicted.
    FileMerged {
        file: String,
    },
    /// A copy chosen to be merged holds nothing that this plan does not.
    NothingNew {
        file: String,
    },
}

/// Where the open plan's file stands (`file_home`).
#[derive(Clone, PartialEq)]
pub enum HomeStatus {
    Idle,
    /// Being checked or written.
    Busy,
    Failed(FileFailure),
    /// The file holds what is not this plan: written over only at the user's word.
    NotThisPlan(NotThisPlan, Synced),
    /// The page was opened again: the file is reached again by a click, which lets the
    /// browser ask for the permission to write it.
    Reopen,
}

/// The open plan's file.
#[derive(Clone, PartialEq)]
pub struct Home {
    pub link: Link,
    pub status: HomeStatus,
    /// The plan as the file held it when this page last read or wrote it: the base of
    /// a merge with what someone else writes there. After a restart, the version this
    /// browser last wrote there, when it still has it (`file_home`).
    pub base: Option<Rc<Plan>>,
}

/// What the banner shows of the open plan's file.
#[derive(Clone, PartialEq)]
pub struct HomeShown {
    pub file: String,
    pub status: HomeStatus,
    pub written: Option<chrono::DateTime<chrono::Utc>>,
    pub shared_computer: bool,
}

impl Home {
    pub fn shown(&self) -> HomeShown {
        HomeShown {
            file: self.link.file.clone(),
            status: self.status.clone(),
            written: self.link.written,
            shared_computer: self.link.shared_computer,
        }
    }

    fn new(link: Link) -> Home {
        Home { link, status: HomeStatus::Idle, base: None }
    }

    pub fn idle(&self) -> bool {
        self.status == HomeStatus::Idle
    }

    pub fn failed(&self) -> Option<FileFailure> {
        match self.status {
            HomeStatus::Failed(failure) => Some(failure),
            _ => None,
        }
    }
}

/// A version of the plan someone else wrote to its file, merged with this page's,
/// field by field, until the user decides each conflict (`components::file_review`).
/// Nothing is written to the file meanwhile; their version stays here.
#[derive(Clone)]
pub struct Theirs {
    pub plan: Rc<Plan>,
    /// The file it came from, as its folder names it.
    pub file: String,
    /// What the plan's file holds, when their version is the file's (not a copy).
    pub synced: Option<Synced>,
    pub merge: Rc<jalon::share::whole::Merge>,
}

/// What happened to the open plan's file, or what the user asked of it.
pub enum HomeEvent {
    /// A file chosen to save into: the plan is being written there.
    Linked(Link),
    Busy,
    /// The file holds this page's version; `plan` when this page just wrote it.
    Synced {
        link: Link,
        plan: Option<Rc<Plan>>,
    },
    /// Another version of a plan: what someone else wrote to its file, or a copy
    /// opened or dropped (one a synchronisation service made when two computers wrote at
    /// once, a downloaded copy). Merged with the plan once it is open.
    Version(Version),
    NotThisPlan(NotThisPlan, Synced),
    Failed(FileFailure),
    /// A file could not be chosen, opened or linked: said, nothing else changes.
    Refused(FileFailure),
    Unreadable {
        file: String,
        error: LoadError,
    },
    Retry,
    /// The file's handle is not in this page: reached again by a click.
    Reopen,
    /// The user chose to write over what the file holds.
    WriteOver,
    Unlink,
    SharedComputer(bool),
    /// The merge with their version, every conflict decided.
    Merged(Box<Plan>),
}

/// Another version of a plan, to merge with it (`HomeEvent::Version`).
#[derive(Clone)]
pub struct Version {
    pub plan: Rc<Plan>,
    /// The name of the file it came from.
    pub file: String,
    /// What the plan's file holds, when this version is that file's.
    pub synced: Option<Synced>,
    /// The version it and this page's both come from, when this page knows it better
    /// than the file it last wrote (a plan reopened from its file).
    pub base: Option<Rc<Plan>>,
}

/// Another version of the open plan found in storage, which this page did not read: its
/// writer had not seen this page's latest version.
#[derive(Clone)]
pub struct Conflict {
    pub theirs: Rc<Plan>,
    pub digest: String,
    pub base: String,
}

/// A plan asked for, waiting for the open plan's change to be written.
#[derive(Clone)]
pub struct Opening {
    pub plan: Plan,
    /// Not yet in storage (a new plan, a file).
    pub unsaved: bool,
    /// The stored version it replaces (see `store`).
    pub base: Option<String>,
    /// When it was last exported, as storage says.
    pub exported: Option<Exported>,
    /// The screen to show it on.
    pub then: Option<Route>,
    /// What was typed in it and is not in it yet, as storage holds it.
    pub drafts: Drafts,
}

/// Where the open plan stands with storage, as the banner says it.
#[derive(Clone, Copy, PartialEq)]
pub enum Keeping {
    /// In storage as shown; saved at this time, if by this page.
    Saved(Option<NaiveTime>),
    /// A change waits for the pause that saves it.
    Pending,
    /// The last save failed; retried when room may have come back.
    Failed(Failure),
    /// Not saved until the user chooses between two versions, or at all (a newer
    /// version of Jalon saved the plan).
    Held,
    /// Storage is refused: nothing is kept here.
    Nowhere,
}

/// An undo or a redo, as the page announces it.
#[derive(Clone, Copy, PartialEq)]
pub enum Walked {
    Undone,
    Redone,
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
    /// The stored version this page last read or wrote (see `store`); `None` when it
    /// expects nothing stored under the plan's id.
    pub base: Option<String>,
    /// Why the last save failed, until one succeeds.
    pub save_failed: Option<Failure>,
    /// Whether this plan's changes are refused by storage for good: written last by a
    /// newer version of Jalon.
    pub refused_newer: bool,
    /// Local storage refused when the page opened.
    pub storage_refused: bool,
    /// When the plan was last exported, and what the file held then.
    pub exported: Option<Exported>,
    pub library: Rc<Vec<Entry>>,
    pub lang: Lang,
    pub today: NaiveDate,
    pub route: Route,
    pub notice: Option<Notice>,
    /// The open plan's earlier and undone versions; emptied when another plan opens.
    pub history: Rc<History<Rc<Plan>>>,
    /// What the last undo or redo did, for the page to say it; cleared by the next
    /// change.
    pub walked: Option<Walked>,
    /// When the plan was last written to storage and read back, local time.
    pub saved_at: Option<NaiveTime>,
    /// Another tab's version of this plan, saved while this page held unsaved changes:
    /// nothing is saved until the user chooses.
    pub conflict: Option<Conflict>,
    /// A plan asked for, shown once the open one is safe.
    pub leaving: Option<Rc<Opening>>,
    /// Drafts the plan holds now (see `jalon::words::draft`): forgotten once it is saved.
    pub settled: Rc<Vec<Key>>,
    /// Counts the changes of drafts that screens show: a field's text that does not read,
    /// a form closed or discarded with its draft.
    pub drafted: u64,
    /// A form the user resumes, until its screen opens it.
    pub resume: Option<Form>,
    /// The open plan's file, when it is linked to one.
    pub home: Option<Home>,
    /// What someone else wrote to that file, being merged.
    pub theirs: Option<Theirs>,
    /// Another version of a plan being opened, to merge with it once it is open.
    pub arriving: Option<Version>,
}

impl State {
    /// Whether the banner reminds that the plan holds changes no copy holds
    /// (`Exported::reminds`).
    pub fn unexported(&self, now: chrono::DateTime<chrono::Utc>) -> bool {
        match (&self.exported, &self.digest) {
            (Some(exported), Some(digest)) => exported.reminds(digest, now),
            _ => false,
        }
    }

    pub fn keeping(&self) -> Keeping {
        if self.storage_refused {
            Keeping::Nowhere
        } else if self.conflict.is_some() || self.refused_newer {
            Keeping::Held
        } else if let Some(failure) = self.save_failed {
            Keeping::Failed(failure)
        } else if self.unsaved {
            Keeping::Pending
        } else {
            Keeping::Saved(self.saved_at)
        }
    }

    /// Whether a change waits to be written now.
    pub fn wants_saving(&self) -> bool {
        self.unsaved && self.conflict.is_none() && !self.refused_newer && !self.storage_refused
    }
}

pub enum Msg {
    SetLang(Lang),
    Route(Route),
    /// A change to the plan; `act` says what it is, for undo (see `History`).
    Edit {
        change: Change,
        act: Act,
    },
    /// A change refused before it could be made (a merge whose decisions no longer fit
    /// the plan): said in the page's notice, as a refused edit is.
    Refuse(Refused),
    /// A field lost the focus: typing in it again is a new step.
    EndTyping,
    Undo,
    Redo,
    /// Asks to show another plan, once the open one's change is saved (see `Opening`).
    Open(Opening),
    /// The open plan is saved, or in an exported file: the plan asked for is shown.
    Opened,
    /// The open plan's change could be neither saved nor found in an exported file: it
    /// stays on screen.
    StayHere,
    /// Shows another plan at once, the open one being gone (deleted).
    Show {
        plan: Plan,
        unsaved: bool,
        base: Option<String>,
        exported: Option<Exported>,
        drafts: Drafts,
    },
    /// The library as storage now holds it.
    Library(Vec<Entry>),
    /// The plan of `revision` is in storage, its file's digest `digest`, its stored
    /// version `base`.
    Saved {
        revision: u64,
        at: NaiveTime,
        digest: String,
        base: String,
        /// The library as storage now holds it.
        library: Vec<Entry>,
        /// The export record written with the first save of a plan as it came.
        exported: Option<Exported>,
    },
    SaveFailed(Failure),
    SaveRefusedNewer,
    Exported(Exported),
    /// Storage holds another version of this plan, `base`, written by another tab (or
    /// found when saving); `over_mine` when its writer had read this page's version, or
    /// a version written over it the same way.
    SavedElsewhere {
        plan: Plan,
        digest: String,
        base: String,
        over_mine: bool,
    },
    /// After a conflict: keep this page's version over the other…
    KeepMine,
    /// …or take the other one…
    TakeTheirs,
    /// …or keep both: this page's version goes on as the plan given, a copy under a new
    /// id.
    KeepBoth(Plan),
    Notice(Option<Notice>),
    /// The plan holds the draft of this key, or will once this change is saved.
    Settle(Key),
    /// Something new is typed for this key: its draft is no longer the plan's.
    Unsettle(Key),
    /// These drafts are forgotten: the plan that holds them is saved.
    Forgot(Vec<Key>),
    /// A draft changed in a way the screens show.
    Drafted,
    /// The user resumes a form's draft (`None` once its screen opened it).
    Resume(Option<Form>),
    /// The open plan's file (`file_home`).
    Home(HomeEvent),
}

impl State {
    /// Shows `plan` as storage or a file gave it, with the fields typed in it and not yet
    /// in it (`drafts`) put in.
    fn open(
        &mut self,
        mut plan: Plan,
        unsaved: bool,
        base: Option<String>,
        exported: Option<Exported>,
        drafts: &Drafts,
    ) {
        let applied = drafts.apply(&mut plan);
        self.settled = Rc::new(applied.settled);
        self.resume = None;
        self.exported = exported;
        self.digest = None;
        self.saved_at = None;
        self.unsaved = unsaved || applied.changed;
        self.base = base;
        self.refused_newer = false;
        self.save_failed = None;
        self.home = store::link(&plan.id).map(Home::new);
        self.show(Rc::new(plan));
        if let Some(version) = self.arriving.take() {
            if version.plan.id == self.plan.id {
                self.arrive(version);
            }
        }
    }

    fn show(&mut self, plan: Rc<Plan>) {
        self.plan = plan;
        self.revision += 1;
        self.history = Rc::new(History::new(HISTORY_BUDGET));
        self.walked = None;
        self.conflict = None;
        // Their version waits for the plan it belongs to.
        if self.theirs.as_ref().is_some_and(|theirs| theirs.plan.id != self.plan.id) {
            self.theirs = None;
        }
    }

    /// Puts a merge in as one step that undo takes back.
    fn put_merged(&mut self, merged: Plan) {
        let previous = self.plan.clone();
        let act = Act::new(jalon::edit::history::What::Merged, jalon::model::subject::Subject::Plan);
        Rc::make_mut(&mut self.history).record(previous.clone(), act, plan_weight(&previous));
        self.walked = None;
        self.plan = Rc::new(merged);
        self.revision += 1;
        self.unsaved = true;
    }

    fn file(&mut self, event: HomeEvent) {
        let status = |next: &mut State, status: HomeStatus| {
            if let Some(home) = next.home.as_mut() {
                home.status = status;
            }
        };
        match event {
            HomeEvent::Linked(link) => {
                self.home = Some(Home { status: HomeStatus::Busy, ..Home::new(link) });
            }
            HomeEvent::Busy => status(self, HomeStatus::Busy),
            HomeEvent::Synced { link, plan } => {
                if let Some(home) = self.home.as_mut() {
                    home.link = link;
                    home.status = HomeStatus::Idle;
                    if plan.is_some() {
                        home.base = plan;
                    }
                }
                if matches!(self.notice, Some(Notice::File(_))) {
                    self.notice = None;
                }
            }
            HomeEvent::Version(version) => {
                if version.plan.id == self.plan.id && self.leaving.is_none() {
                    self.arrive(version);
                } else {
                    // For a plan being opened: merged once it is.
                    self.arriving = Some(version);
                }
            }
            HomeEvent::NotThisPlan(why, synced) => status(self, HomeStatus::NotThisPlan(why, synced)),
            HomeEvent::Failed(failure) => status(self, HomeStatus::Failed(failure)),
            HomeEvent::Refused(failure) => self.notice = Some(Notice::File(failure)),
            HomeEvent::Unreadable { file, error } => self.notice = Some(Notice::FileUnreadable { file, error }),
            HomeEvent::Retry => {
                if self
                    .home
                    .as_ref()
                    .is_some_and(|home| matches!(home.status, HomeStatus::Failed(_) | HomeStatus::Reopen))
                {
                    status(self, HomeStatus::Idle);
                }
            }
            HomeEvent::Reopen => status(self, HomeStatus::Reopen),
            HomeEvent::WriteOver => {
                if let Some(home) = self.home.as_mut() {
                    if let HomeStatus::NotThisPlan(_, synced) = &home.status {
                        home.link.synced = Some(synced.clone());
                        home.status = HomeStatus::Idle;
                    }
                }
            }
            HomeEvent::Unlink => {
                self.home = None;
                self.theirs = None;
            }
            HomeEvent::SharedComputer(shared) => {
                if let Some(home) = self.home.as_mut() {
                    home.link.shared_computer = shared;
                }
            }
            HomeEvent::Merged(merged) => {
                if let Some(theirs) = self.theirs.take() {
                    self.put_merged(*merged);
                    if let Some(synced) = theirs.synced {
                        self.synced_with(theirs.plan, synced);
                    }
                }
            }
        }
    }

    fn arrive(&mut self, version: Version) {
        let Version { plan, file, synced, base } = version;
        if let Some(home) = self.home.as_mut() {
            // The version of the plan's own file: what it comes from is its file's base.
            if synced.is_some() {
                home.status = HomeStatus::Idle;
                if base.is_some() {
                    home.base = base.clone();
                }
            }
        }
        self.review(plan, file, synced, base);
    }

    /// Merges another version of the open plan with it, three ways over `base` or else
    /// the version its file last held, when known: at once when no field conflicts,
    /// otherwise shown for the user to decide. `synced` when it is what the plan's file
    /// holds now.
    fn review(&mut self, plan: Rc<Plan>, file: String, synced: Option<Synced>, base: Option<Rc<Plan>>) {
        let base = base.or_else(|| self.home.as_ref().and_then(|home| home.base.clone()));
        // Their version is the one this page's comes from: nothing to merge.
        if let (Some(base), Some(synced)) = (&base, &synced) {
            if Rc::ptr_eq(base, &plan) {
                self.synced_with(plan, synced.clone());
                return;
            }
        }
        let merge = jalon::share::whole::merge(base.as_deref(), &self.plan, &plan);
        if let (true, Ok(merged)) = (merge.conflicts().is_empty(), merge.resolve(&[])) {
            // Another tab on the same file may have brought their version already.
            if merged != *self.plan {
                self.put_merged(merged);
                self.notice = Some(Notice::FileMerged { file });
            } else if synced.is_none() {
                // A copy the user chose to merge: say that it brought nothing.
                self.notice = Some(Notice::NothingNew { file });
            }
            match synced {
                Some(synced) => self.synced_with(plan, synced),
                None => self.theirs = None,
            }
            return;
        }
        // An earlier « merged without conflict » would contradict the review shown now.
        if matches!(self.notice, Some(Notice::FileMerged { .. } | Notice::NothingNew { .. })) {
            self.notice = None;
        }
        self.theirs = Some(Theirs { plan, file, synced, merge: Rc::new(merge) });
    }

    /// The file holds `plan`, as `synced`: the next write goes over it.
    fn synced_with(&mut self, plan: Rc<Plan>, synced: Synced) {
        if let Some(home) = self.home.as_mut() {
            home.link.synced = Some(synced);
            home.base = Some(plan);
            home.status = HomeStatus::Idle;
        }
        self.theirs = None;
    }
}

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        if matches!(msg, Msg::EndTyping) && !self.history.in_burst() {
            // Nothing to end: the page need not render again.
            return self;
        }
        let mut next = (*self).clone();
        match msg {
            Msg::SetLang(lang) => next.lang = lang,
            Msg::Route(route) => next.route = route,
            Msg::Edit { change, act } => {
                let mut plan = (*self.plan).clone();
                match change.apply(&mut plan) {
                    Ok(()) => {
                        Rc::make_mut(&mut next.history).record(self.plan.clone(), act, plan_weight(&self.plan));
                        next.walked = None;
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
            Msg::Refuse(refused) => next.notice = Some(Notice::Refused(refused)),
            Msg::EndTyping => {
                Rc::make_mut(&mut next.history).seal();
            }
            Msg::Undo | Msg::Redo => {
                let history = Rc::make_mut(&mut next.history);
                let weight = plan_weight(&self.plan);
                let (restored, walked) = match msg {
                    Msg::Undo => (history.undo(self.plan.clone(), weight), Walked::Undone),
                    _ => (history.redo(self.plan.clone()), Walked::Redone),
                };
                if let Some(plan) = restored {
                    next.walked = Some(walked);
                    next.plan = plan;
                    next.revision += 1;
                    next.unsaved = true;
                }
            }
            Msg::Open(opening) => next.leaving = Some(Rc::new(opening)),
            Msg::Opened => {
                if let Some(opening) = next.leaving.take() {
                    let Opening { plan, unsaved, base, exported, drafts, .. } = Rc::unwrap_or_clone(opening);
                    // A file replacing the open plan replaces it as just saved.
                    let base = if plan.id == self.plan.id { self.base.clone() } else { base };
                    next.open(plan, unsaved, base, exported, &drafts);
                }
            }
            Msg::StayHere => {
                next.leaving = None;
                next.arriving = None;
                next.notice = Some(Notice::StayedUnsaved);
            }
            Msg::Show { plan, unsaved, base, exported, drafts } => next.open(plan, unsaved, base, exported, &drafts),
            Msg::Library(entries) => next.library = Rc::new(entries),
            Msg::Saved { revision, at, digest, base, library, exported } => {
                next.saved_at = Some(at);
                next.base = Some(base);
                next.save_failed = None;
                // A change made while saving is still to be saved.
                next.unsaved = revision != self.revision;
                next.library = Rc::new(library);
                if exported.is_some() {
                    next.exported = exported;
                }
                next.digest = Some(digest);
                if matches!(next.notice, Some(Notice::SaveFailed(_) | Notice::StorageFull | Notice::StayedUnsaved)) {
                    next.notice = None;
                }
            }
            Msg::SaveFailed(failure) => {
                next.save_failed = Some(failure);
                next.notice = Some(Notice::SaveFailed(failure));
            }
            Msg::SaveRefusedNewer => {
                next.refused_newer = true;
                next.notice = Some(Notice::SaveRefusedNewer);
            }
            Msg::Exported(record) => next.exported = Some(record),
            Msg::SavedElsewhere { plan, digest, base, over_mine } => {
                if *self.plan == plan {
                    // The same content: nothing to choose.
                    next.base = Some(base);
                    next.digest = Some(digest);
                    next.unsaved = false;
                    next.conflict = None;
                } else if over_mine && !self.unsaved && self.conflict.is_none() {
                    next.base = Some(base);
                    next.digest = Some(digest);
                    next.save_failed = None;
                    next.show(Rc::new(plan));
                    next.notice = Some(Notice::UpdatedElsewhere);
                } else {
                    next.conflict = Some(Conflict { theirs: Rc::new(plan), digest, base });
                }
            }
            Msg::KeepMine => {
                if let Some(theirs) = self.conflict.as_ref() {
                    // This page has now seen the other version: saving goes over it.
                    next.base = Some(theirs.base.clone());
                    next.conflict = None;
                    next.revision += 1;
                    next.unsaved = true;
                }
            }
            Msg::TakeTheirs => {
                if let Some(theirs) = self.conflict.clone() {
                    next.unsaved = false;
                    next.digest = Some(theirs.digest);
                    next.base = Some(theirs.base);
                    next.save_failed = None;
                    next.show(theirs.theirs);
                }
            }
            Msg::KeepBoth(mine) => {
                next.notice = Some(Notice::KeptBoth { title: mine.title.clone() });
                // A new plan, under a new id: nothing stored, nothing exported yet.
                next.open(mine, true, None, None, &Drafts::default());
            }
            Msg::Notice(notice) => next.notice = notice,
            Msg::Settle(key) => {
                if self.settled.contains(&key) {
                    return self;
                }
                Rc::make_mut(&mut next.settled).push(key);
            }
            Msg::Unsettle(key) => {
                if !self.settled.contains(&key) {
                    return self;
                }
                Rc::make_mut(&mut next.settled).retain(|k| *k != key);
            }
            Msg::Forgot(keys) => Rc::make_mut(&mut next.settled).retain(|key| !keys.contains(key)),
            Msg::Drafted => next.drafted += 1,
            Msg::Resume(form) => next.resume = form,
            Msg::Home(event) => next.file(event),
        }
        Rc::new(next)
    }
}

pub fn current_route() -> Route {
    Route::parse(&gloo::utils::window().location().hash().unwrap_or_default())
}

/// The plan open last, or the library's first readable plan, or the sample (new to this
/// browser, so saved at once). A full storage is read like any other.
pub fn initial_state() -> State {
    let today = chrono::Local::now().date_naive();
    let lang = store::load_lang().unwrap_or_default();
    let access = store::access();
    let mut notice = match access {
        Access::Open => None,
        Access::Full => Some(Notice::StorageFull),
        Access::Refused => Some(Notice::StorageUnavailable),
    };
    let mut opened = None;
    if access != Access::Refused {
        let candidates = store::current().into_iter().chain(store::library().into_iter().map(|e| e.id));
        for id in candidates {
            match store::load_plan(&id) {
                Stored::Plan { plan, digest, base } => {
                    opened = Some((*plan, digest, base));
                    break;
                }
                Stored::Unreadable { key, error } => notice = Some(Notice::Unreadable { key, error }),
                Stored::Newer(error) => notice = Some(Notice::Newer(error)),
                Stored::Nothing => {}
            }
        }
    }
    let (mut plan, digest, base, unsaved) = match opened {
        Some((plan, digest, base)) => (plan, Some(digest), Some(base), false),
        None => (sample_plan_on(today), None, None, access != Access::Refused),
    };
    // What was typed and not yet saved when the page was left goes in, as on any opening.
    let applied = super::kept_drafts::read(&plan.id).apply(&mut plan);
    let plan_id = plan.id.clone();
    State {
        exported: store::exported(&plan.id),
        plan: Rc::new(plan),
        revision: 0,
        unsaved: unsaved || applied.changed,
        digest,
        base,
        save_failed: None,
        refused_newer: false,
        storage_refused: access == Access::Refused,
        library: Rc::new(store::library()),
        lang,
        today,
        route: current_route(),
        notice,
        history: Rc::new(History::new(HISTORY_BUDGET)),
        walked: None,
        saved_at: None,
        conflict: None,
        leaving: None,
        settled: Rc::new(applied.settled),
        drafted: 0,
        resume: None,
        // The handle of a linked file does not outlive the page: reached again by a click.
        home: store::link(&plan_id).map(|link| Home { status: HomeStatus::Reopen, ..Home::new(link) }),
        theirs: None,
        arriving: None,
    }
}

#[cfg(test)]
mod tests;
