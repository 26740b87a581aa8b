//! The browser's local storage as a `jalon::storage::Store`, and the page's calls of the
//! core's protocol over it (`jalon::storage::Session`): keys, bases, lineage, copies set
//! aside and conflicts are decided there.
//!
//! The plan texts stay the browser's own strings where they can: a plan of a million
//! characters is compared where it is, not copied into the module, and the base of the
//! text last read or written is remembered with it.

use chrono::Utc;
use jalon::format::saving::{self, Ready};
use jalon::model::id::Id;
use jalon::model::plan::Plan;
use jalon::region::view::list::{self, Change, Views, ViewsAside};
use jalon::storage::{base_of, Session, Store};
use jalon::words::draft::Drafts;
use jalon::words::text::Lang;
use std::cell::RefCell;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

pub use jalon::storage::link::Link;
pub use jalon::storage::{
    is_drafts_key, is_lineage_of, key_of, set_aside_file_name, Access, Entry, Exported, Failure, Save, SetAside, Stored,
};

#[wasm_bindgen]
extern "C" {
    /// Local storage whose texts stay the browser's own strings.
    type Texts;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get(this: &Texts, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set(this: &Texts, key: &str, text: &JsValue) -> Result<(), JsValue>;
}

/// A text as the browser's string, with its base and its length in bytes.
type Known = (JsValue, String, usize);

thread_local! {
    /// The plan text this page last read or wrote, with its key: a save that finds it
    /// still in storage knows the base without reading and digesting it again.
    static KNOWN: RefCell<Option<(String, Known)>> = const { RefCell::new(None) };
    /// The text of the save under way, made the browser's string between frames.
    static PREPARED: RefCell<Option<Known>> = const { RefCell::new(None) };
}

fn failure(error: &JsValue) -> Failure {
    match error.dyn_ref::<web_sys::DomException>() {
        // 22 is the legacy code of a quota error, still the only mark in some browsers.
        Some(e) if e.name() == "QuotaExceededError" || e.code() == 22 => Failure::Full,
        _ => Failure::Refused,
    }
}

/// The browser's local storage.
struct Local(Storage);

impl Local {
    fn texts(&self) -> &Texts {
        self.0.unchecked_ref()
    }

    fn stored(&self, key: &str) -> Result<Option<JsValue>, Failure> {
        let text = self.texts().get(key).map_err(|e| failure(&e))?;
        Ok((!text.is_null() && !text.is_undefined()).then_some(text))
    }

    fn remember(key: &str, known: Known) {
        KNOWN.with(|k| *k.borrow_mut() = Some((key.to_owned(), known)));
    }

    /// `text`, whose base is `base`, as the browser's string: the one remembered or
    /// prepared when it is that text.
    fn js(text: &str, base: &str) -> JsValue {
        let same = |(js, b, len): &Known| (b == base && *len == text.len()).then(|| js.clone());
        KNOWN
            .with(|k| k.borrow().as_ref().and_then(|(_, known)| same(known)))
            .or_else(|| PREPARED.with(|p| p.borrow().as_ref().and_then(same)))
            .unwrap_or_else(|| JsValue::from_str(text))
    }
}

impl Store for Local {
    fn get(&mut self, key: &str) -> Result<Option<String>, Failure> {
        self.0.get_item(key).map_err(|e| failure(&e))
    }

    fn set(&mut self, key: &str, text: &str) -> Result<(), Failure> {
        self.0.set_item(key, text).map_err(|e| failure(&e))
    }

    fn remove(&mut self, key: &str) -> Result<(), Failure> {
        self.0.remove_item(key).map_err(|e| failure(&e))
    }

    fn keys(&mut self) -> Result<Vec<String>, Failure> {
        let length = self.0.length().map_err(|e| failure(&e))?;
        Ok((0..length).filter_map(|i| self.0.key(i).ok().flatten()).collect())
    }

    fn read(&mut self, key: &str) -> Result<Option<(String, String)>, Failure> {
        let Some(stored) = self.stored(key)? else { return Ok(None) };
        let text = stored.as_string().unwrap_or_default();
        let base = base_of(&text);
        Local::remember(key, (stored, base.clone(), text.len()));
        Ok(Some((text, base)))
    }

    fn base(&mut self, key: &str) -> Result<Option<String>, Failure> {
        let Some(stored) = self.stored(key)? else { return Ok(None) };
        let known = KNOWN.with(|k| {
            k.borrow().as_ref().filter(|(k, (t, ..))| k == key && *t == stored).map(|(_, (_, base, _))| base.clone())
        });
        match known {
            Some(base) => Ok(Some(base)),
            None => Ok(self.read(key)?.map(|(_, base)| base)),
        }
    }

    fn write(&mut self, key: &str, text: &str, base: &str) -> Result<(), Failure> {
        let js = Local::js(text, base);
        self.texts().set(key, &js).map_err(|e| failure(&e))?;
        Local::remember(key, (js, base.to_owned(), text.len()));
        Ok(())
    }

    fn holds(&mut self, key: &str, text: &str, base: &str) -> Result<bool, Failure> {
        Ok(self.stored(key)? == Some(Local::js(text, base)))
    }
}

fn storage() -> Option<Local> {
    web_sys::window()?.local_storage().ok().flatten().map(Local)
}

/// Runs `call` over the browser's storage; `absent` when the page has none.
fn with<T>(absent: T, call: impl FnOnce(&mut Session) -> T) -> T {
    match storage() {
        Some(mut local) => call(&mut Session::new(&mut local, Utc::now())),
        None => absent,
    }
}

pub fn access() -> Access {
    with(Access::Refused, |s| s.access())
}

pub fn load_lang() -> Option<Lang> {
    Lang::from_code(&with(None, |s| s.lang())?)
}

pub fn save_lang(lang: Lang) -> bool {
    with(false, |s| s.set_lang(lang.code()))
}

pub fn library() -> Vec<Entry> {
    with(Vec::new(), |s| s.library())
}

pub fn current() -> Option<Id> {
    with(None, |s| s.current())
}

pub fn set_current(id: &Id) {
    with((), |s| s.set_current(id))
}

pub fn load_plan(id: &Id) -> Stored {
    with(Stored::Nothing, |s| s.load_plan(id))
}

pub fn read_plan(id: &Id) -> Option<(Plan, String)> {
    with(None, |s| s.read_plan(id))
}

pub fn set_aside() -> Vec<SetAside> {
    with(Vec::new(), |s| s.set_aside())
}

pub fn stored_text(key: &str) -> Option<String> {
    with(None, |s| s.stored_text(key))
}

pub fn delete_set_aside(key: &str) -> bool {
    with(false, |s| s.delete_set_aside(key))
}

pub fn descends_from(id: &Id, base: &str, ancestor: &str) -> bool {
    with(false, |s| s.descends_from(id, base, ancestor))
}

pub fn current_base(id: &Id) -> Option<String> {
    with(None, |s| s.current_base(id))
}

/// Saves the plan, made ready here at once.
pub fn save_plan(plan: &Plan, base: Option<&str>) -> Save {
    save(plan, base, &saving::prepare(plan))
}

/// Saves a plan made ready beforehand (between the page's frames), `text` being
/// `ready.stored` as the browser's string: what is left is quick enough for one task
/// even for the largest plan.
pub fn save_ready(plan: &Plan, base: Option<&str>, ready: &Ready, text: &JsValue) -> Save {
    PREPARED.with(|p| *p.borrow_mut() = Some((text.clone(), ready.base.clone(), ready.stored.len())));
    let saved = save(plan, base, ready);
    PREPARED.with(|p| *p.borrow_mut() = None);
    saved
}

fn save(plan: &Plan, base: Option<&str>, ready: &Ready) -> Save {
    with(Save::Failed(Failure::Refused), |s| s.save(plan, base, ready))
}

/// Deletes the plan `id` and the copies of it this browser kept.
pub fn delete_plan(id: &Id) -> bool {
    super::copies::forget(id);
    with(false, |s| s.delete_plan(id))
}

/// A plan's drafts as storage holds them.
pub fn drafts(id: &Id) -> Drafts {
    Drafts::read(&with(None, |s| s.drafts(id)).unwrap_or_default())
}

/// Changes a plan's drafts as storage holds them now (another tab may have added its
/// own), and returns them.
pub fn change_drafts(id: &Id, change: impl FnOnce(&mut Drafts)) -> Drafts {
    let mut drafts = self::drafts(id);
    change(&mut drafts);
    with((), |s| s.set_drafts(id, &drafts.text()));
    drafts
}

pub fn exported(id: &Id) -> Option<Exported> {
    with(None, |s| s.exported(id))
}

pub fn set_exported(id: &Id, record: &Exported) -> bool {
    with(false, |s| s.set_exported(id, record))
}

pub fn views() -> Views {
    with(list::read(None), |s| s.views())
}

/// Makes a change of the views as storage holds them now; the list as written.
pub fn change_views(change: &Change) -> Result<Views, Failure> {
    with(Err(Failure::Refused), |s| s.change_views(|views: &mut Views| views.apply(change)))
}

pub fn views_aside() -> Vec<ViewsAside> {
    list::aside(with(Vec::new(), |s| s.views_aside()))
}

pub fn delete_views_aside(key: &str) -> bool {
    with(false, |s| s.delete_views_aside(key))
}

/// The file the plan is linked to (`jalon::storage::link`).
pub fn link(id: &Id) -> Option<Link> {
    with(None, |s| s.link(id))
}

pub fn set_link(id: &Id, link: Option<&Link>) -> bool {
    with(false, |s| s.set_link(id, link))
}
