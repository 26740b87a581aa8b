//! What every screen reads: the open plan, the language, today's date, and the way to
//! change the plan. Provided once by `App`, read with `use_ctx()`.

use super::persistence::Keeper;
use super::route::Route;
use super::state::Msg;
use super::state::Opening;
use chrono::NaiveDate;
use jalon::calc::derived::{self, Part, Since};
use jalon::edit::history::Act;
use jalon::edit::permits::Asked;
use jalon::edit::{Change, Refused};
use jalon::model::id::Id;
use jalon::model::plan::Plan;
use jalon::words::draft::{Form, Key};
use jalon::words::table::{words, Words};
use jalon::words::text::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone)]
pub struct Ctx {
    pub plan: Rc<Plan>,
    /// Changes whenever the plan does (an edit, another plan opened): the key of every
    /// calculation a screen keeps, so that none compares whole plans.
    pub revision: u64,
    pub lang: Lang,
    pub today: NaiveDate,
    pub route: Route,
    pub dispatch: Callback<Msg>,
    /// Writes the open plan; see `Ctx::open`.
    pub keeper: Keeper,
    /// Changes when a draft does in a way the screens show (see `State::drafted`).
    pub drafted: u64,
    /// A form the user resumes, for its screen to open (see `drafts::use_resume`).
    pub resume: Option<Form>,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Ctx) -> bool {
        self.revision == other.revision
            && Rc::ptr_eq(&self.plan, &other.plan)
            && self.lang == other.lang
            && self.today == other.today
            && self.route == other.route
            && self.dispatch == other.dispatch
            && self.keeper == other.keeper
            && self.drafted == other.drafted
            && self.resume == other.resume
    }
}

impl Ctx {
    /// The screens' words in the user's language.
    pub fn words(&self) -> &'static Words {
        words(self.lang)
    }

    /// Whether a screen offers a control: in a part, only what its recipient may change
    /// (`edit::permits::may`, the rule every change is held to).
    pub fn may(&self, asked: Asked) -> bool {
        jalon::edit::permits::may(&self.plan, asked)
    }

    /// Applies a change to the plan. The change runs on a copy, kept only if it
    /// succeeds; a refused change is explained to the user and changes nothing.
    ///
    /// `act` says what the change is, for the undo button, and which changes are one
    /// step: one act is one step, unless it is typing (see `History`).
    pub fn edit(&self, act: Act, change: Change) {
        self.dispatch.emit(Msg::Edit { change, act });
    }

    /// Says why a change could not be made, in the page's notice.
    pub fn refuse(&self, refused: Refused) {
        self.dispatch.emit(Msg::Refuse(refused));
    }

    /// Applies a change unless the plan refuses it, and returns the refusal instead:
    /// for a form that says why under the field concerned, rather than in the page's
    /// notice. The change is tried on a copy first, by the same edit function.
    pub fn edit_or_refused(&self, act: Act, change: Change) -> Option<Refused> {
        let mut copy = (*self.plan).clone();
        match change.clone().apply(&mut copy) {
            Ok(()) => {
                self.edit(act, change);
                None
            }
            Err(refused) => Some(refused),
        }
    }

    /// A callback for an input: each value it receives becomes the change `change`
    /// makes of it, under the same `act`.
    pub fn edit_from<T: 'static>(&self, act: Act, change: impl Fn(T) -> Change + 'static) -> Callback<T> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |value: T| dispatch.emit(Msg::Edit { change: change(value), act: act.clone() }))
    }

    /// A callback that makes `change` each time it is called (a button's « Supprimer »).
    pub fn edit_on<E: 'static>(&self, act: Act, change: Change) -> Callback<E> {
        self.edit_from(act, move |_: E| change.clone())
    }

    /// Shows another plan, on the screen `then`, once the open one's change is saved
    /// (or in an exported file); otherwise the open plan stays, with a notice saying
    /// why. `base` is the stored version the plan was read from, or replaces (see
    /// `store`).
    pub fn open(&self, plan: Plan, unsaved: bool, base: Option<String>, then: Option<Route>) {
        let exported = super::store::exported(&plan.id);
        let drafts = (*super::kept_drafts::read(&plan.id)).clone();
        self.dispatch.emit(Msg::Open(Opening { plan, unsaved, base, exported, then, drafts }));
    }

    /// The plan holds the draft of `key` now, or will once this change is saved.
    pub fn settle(&self, key: Key) {
        self.dispatch.emit(Msg::Settle(key));
    }

    /// Makes the change a form or field was sent for: the plan holds its draft from now on.
    pub fn edit_settled(&self, key: Key, act: Act, change: Change) {
        self.edit(act, change);
        self.settle(key);
    }

    /// Forgets a form's draft at the user's word (« Annuler », « Abandonner »).
    pub fn discard(&self, form: Form) {
        super::kept_drafts::forget(&self.plan.id, &[Key::Form(form)]);
        self.dispatch.emit(Msg::Drafted);
    }

    /// Downloads the open plan as the file `name` and records the export, so that the
    /// banner stops reminding of changes that no file holds. A whole plan's copy names
    /// the copy it comes from (`Exported::base_for`), and is kept here, so that opening
    /// it later merges it over that version; a partner's part names none.
    /// Returns whether the browser took the file.
    pub fn export(&self, name: &str) -> bool {
        use jalon::format;
        let saved = format::save(&self.plan);
        let digest = format::digest(&saved);
        let last = super::store::exported(&self.plan.id);
        let base = last.filter(|_| self.plan.part.is_none()).and_then(|last| last.base_for(&digest));
        let file = match &base {
            Some(base) => format::copy_naming(&saved, base),
            None => saved,
        };
        let taken = super::download::download(name, &file, "application/json");
        if taken {
            let file_digest = format::digest(&file);
            super::copies::keep(&self.plan.id, &file_digest, file.as_bytes(), false);
            let at = Some(chrono::Utc::now());
            let record = super::store::Exported { at, digest, file: Some(file_digest), base };
            super::store::set_exported(&self.plan.id, &record);
            self.dispatch.emit(Msg::Exported(record));
        }
        taken
    }

    pub fn go(&self, route: Route) {
        let _ = gloo::utils::window().location().set_hash(&route.href());
    }
}

/// Calls `reset` with `held` whenever it changes after the first render: `held` is what
/// the plan holds for a form's fields, and an undo, a redo or another tab's save that
/// changes it underneath puts it back in the form's drafts, which would otherwise keep
/// showing what the plan no longer holds.
#[hook]
pub fn use_reset_when<T: PartialEq + Clone + 'static, F: FnOnce(&T) + 'static>(held: T, reset: F) {
    let first = use_mut_ref(|| true);
    use_effect_with(held, move |held| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            reset(held);
        }
    });
}

/// What `compute` makes of the open plan, computed again only when the plan changes
/// (`Ctx::revision`).
#[hook]
pub fn use_plan_memo<T: 'static, F: FnOnce(&Plan) -> T + 'static>(ctx: &Ctx, compute: F) -> Rc<T> {
    use_plan_memo_with(ctx, (), move |plan, _| compute(plan))
}

/// `use_plan_memo` of what also depends on `deps` (a date, the element shown).
#[hook]
pub fn use_plan_memo_with<D, T, F>(ctx: &Ctx, deps: D, compute: F) -> Rc<T>
where
    D: PartialEq + 'static,
    T: 'static,
    F: FnOnce(&Plan, &D) -> T + 'static,
{
    let plan = ctx.plan.clone();
    use_memo((ctx.revision, deps), move |(_, deps)| compute(&plan, deps))
}

/// `use_plan_memo_with` of what reads only `parts` of the plan (`calc::derived::reads`):
/// computed again when the plan changes in one of them, so that typing the plan's title
/// does not work out 10 000 indicators' statuses again.
#[hook]
pub fn use_plan_memo_reading<D, T, F>(ctx: &Ctx, parts: &'static [Part], deps: D, compute: F) -> Rc<T>
where
    D: PartialEq + Clone + 'static,
    T: 'static,
    F: FnOnce(&Plan, &D) -> T + 'static,
{
    let kept = use_mut_ref(|| (None::<Rc<Plan>>, None::<derived::Kept<D, T>>));
    let plan = ctx.plan.clone();
    let value = use_memo((ctx.revision, deps), move |(_, deps)| {
        let (from, value) = &mut *kept.borrow_mut();
        let from = from.replace(plan.clone());
        let since = Since::new(from.as_ref(), &plan);
        derived::reuse(value, &since, parts, deps.clone(), || compute(&plan, deps))
    });
    (*value).clone()
}

#[hook]
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().expect("screens are rendered inside App's context")
}

/// A fresh id for a new entity: a readable prefix and random letters, so that ids made
/// in two browsers do not collide when their files are merged.
pub fn fresh_id(prefix: &str) -> Id {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let random: String = (0..10)
        .map(|_| ALPHABET[(js_sys::Math::random() * ALPHABET.len() as f64) as usize % ALPHABET.len()] as char)
        .collect();
    Id::new(format!("{prefix}-{random}"))
}
