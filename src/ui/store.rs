//! The browser's local storage: the library of plans kept in this browser, and the
//! user's choices.
//!
//! Keys, all under `jalon.v1.`:
//! - `library`: the list of plans (id, title, last change), so that the library shows
//!   without reading every plan;
//! - `plans.<id>`: one plan, in the core's file format;
//! - `over.<id>.<base>`: which stored version the version `<base>` was written over
//!   (see `save_plan`), kept for the plan's last `LINEAGE_KEPT` versions;
//! - `current`: the plan open last; `lang`: the language chosen;
//! - `regions`: the regional views (`jalon::region::view::View`), each naming its plans
//!   by id, read one by one (`jalon::region::view::list`);
//! - `unreadable-regions.<digest>`: a list of views holding what this page could not
//!   read, set aside whole before the list is written again;
//! - `unreadable.<id>.<digest>`: a stored plan the reader refused, set aside untouched,
//!   one key per distinct text so that a second damage never replaces the first copy;
//! - `drafts.<id>`: what was typed in the plan and is not in it yet (`jalon::words::draft`),
//!   written at each keystroke.
//!
//! A plan whose file is longer than `compact::PLAIN_LIMIT` characters is kept compactly
//! (`jalon::format::compact`): as plain text a plan of 10 000 indicators would not fit in the
//! 5 242 880 characters a browser gives an origin.
//!
//! Every `file://` page shares one local storage, so what is read back goes through the
//! core's file reader like any file, and a full storage is an ordinary state: it is
//! still read. Some locked-down profiles refuse local storage altogether: every access
//! here can fail, and the page carries on without it.
//!
//! **A save never overwrites what this page did not read.** A version of a plan in
//! storage is known by its *base*, the digest of the stored text. The page remembers the
//! base it last read or wrote; `save_plan` writes only while storage still holds that
//! base (or nothing), and otherwise hands back what it found, for the user to choose.

use chrono::{DateTime, Utc};
use jalon::format::saving::{self, Ready};
use jalon::model::id::Id;
use jalon::model::plan::Plan;
use jalon::region::view::list::{self, Damage, Views};
use jalon::region::view::View;
use jalon::words::draft::Drafts;
use jalon::words::text::Lang;
use jalon::{format, format::compact};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

const PREFIX: &str = "jalon.v1.";
const KEY_LANG: &str = "jalon.v1.lang";
const KEY_LIBRARY: &str = "jalon.v1.library";
const KEY_CURRENT: &str = "jalon.v1.current";
const UNREADABLE: &str = "jalon.v1.unreadable.";
const KEY_REGIONS: &str = "jalon.v1.regions";
const VIEWS_ASIDE: &str = "jalon.v1.unreadable-regions.";
const DRAFTS: &str = "jalon.v1.drafts.";

fn plan_key(id: &Id) -> String {
    format!("{PREFIX}plans.{id}")
}

fn over_prefix(id: &Id) -> String {
    format!("{PREFIX}over.{id}.")
}

/// A stored plan's file text: as stored, or unpacked.
fn file_text(stored: String) -> Result<String, format::LoadError> {
    if stored.starts_with(compact::MARK) {
        compact::unpack(&stored, format::MAX_FILE_BYTES as usize).ok_or(format::LoadError::Damaged)
    } else {
        Ok(stored)
    }
}

/// The base of a stored text: what tells one stored version from another.
fn base_of(stored: &str) -> String {
    format::digest(stored)
}

#[wasm_bindgen]
extern "C" {
    /// Local storage whose texts stay the browser's own strings: a plan of a million
    /// characters is compared where it is, not copied into the module.
    type Texts;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get(this: &Texts, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set(this: &Texts, key: &str, text: &JsValue) -> Result<(), JsValue>;
}

fn texts(storage: &Storage) -> &Texts {
    storage.unchecked_ref()
}

thread_local! {
    /// The plan text this page last read or wrote, with its key and base: a save that
    /// finds it still in storage knows the base without reading and digesting it again.
    static KNOWN: RefCell<Option<(String, JsValue, String)>> = const { RefCell::new(None) };
}

fn remember(key: &str, text: &JsValue, base: &str) {
    KNOWN.with(|known| *known.borrow_mut() = Some((key.to_owned(), text.clone(), base.to_owned())));
}

/// What storage holds under a plan's key, as the browser's string, with its base.
fn stored_with_base(storage: &Storage, key: &str) -> Result<Option<(JsValue, String)>, JsValue> {
    let text = texts(storage).get(key)?;
    if text.is_null() || text.is_undefined() {
        return Ok(None);
    }
    let known = KNOWN.with(|known| {
        known.borrow().as_ref().filter(|(k, t, _)| k == key && *t == text).map(|(_, _, base)| base.clone())
    });
    let base = match known {
        Some(base) => base,
        None => {
            let base = base_of(&text.as_string().unwrap_or_default());
            remember(key, &text, &base);
            base
        }
    };
    Ok(Some((text, base)))
}

/// Why storage did not take a write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// No room left: deleting a plan or a copy set aside makes some.
    Full,
    /// The browser refuses local storage to this page.
    Refused,
}

fn failure(error: &JsValue) -> Failure {
    match error.dyn_ref::<web_sys::DomException>() {
        // 22 is the legacy code of a quota error, still the only mark in some browsers.
        Some(e) if e.name() == "QuotaExceededError" || e.code() == 22 => Failure::Full,
        _ => Failure::Refused,
    }
}

/// What the page may do with local storage, as found when it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Open,
    /// Read, but full: plans open, and are saved once room comes back.
    Full,
    Refused,
}

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn access() -> Access {
    let Some(storage) = storage() else { return Access::Refused };
    if storage.get_item(KEY_LIBRARY).is_err() {
        return Access::Refused;
    }
    let probe = format!("{PREFIX}probe");
    match storage.set_item(&probe, "1") {
        Ok(()) => {
            let _ = storage.remove_item(&probe);
            Access::Open
        }
        Err(error) => match failure(&error) {
            Failure::Full => Access::Full,
            Failure::Refused => Access::Refused,
        },
    }
}

pub fn load_lang() -> Option<Lang> {
    Lang::from_code(&storage()?.get_item(KEY_LANG).ok()??)
}

pub fn save_lang(lang: Lang) -> bool {
    storage().is_some_and(|s| s.set_item(KEY_LANG, lang.code()).is_ok())
}

/// One plan of the library, as the library screen lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: Id,
    pub title: String,
    pub modified: DateTime<Utc>,
    /// The file format version the plan was saved in last (see `format::version_for`):
    /// a page that reads only older versions never overwrites it.
    #[serde(default = "first_version")]
    pub version: u64,
    /// For a part, its recipient: the library tells it from the whole plan it shares a
    /// title with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_for: Option<String>,
}

fn first_version() -> u64 {
    1
}

fn keys(storage: &Storage) -> Vec<String> {
    (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).collect()
}

/// The library as stored; a missing or unreadable list is rebuilt from the plans' keys.
pub fn library() -> Vec<Entry> {
    let Some(storage) = storage() else { return Vec::new() };
    let listed: Vec<Entry> = storage
        .get_item(KEY_LIBRARY)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    // Keep the entries whose plan is there, then add plans stored without an entry
    // (another copy of the page may have written the plan and not yet the list).
    let keys = keys(&storage);
    let mut entries: Vec<Entry> = listed.into_iter().filter(|e| keys.contains(&plan_key(&e.id))).collect();
    for key in &keys {
        let Some(id) = key.strip_prefix(&format!("{PREFIX}plans.")).map(Id::new) else { continue };
        if entries.iter().any(|e| e.id == id) {
            continue;
        }
        // A plan that a newer page wrote keeps that page's version, so that this one
        // never counts it as its own.
        let (title, version) =
            match storage.get_item(key).ok().flatten().map(|t| file_text(t).and_then(|t| format::load(&t))) {
                Some(Ok(plan)) => (plan.title.clone(), format::version_for(&plan)),
                Some(Err(format::LoadError::NewerVersion { found, .. })) => (id.to_string(), found),
                _ => (id.to_string(), format::VERSION),
            };
        entries.push(Entry { id, title, modified: Utc::now(), version, part_for: None });
    }
    entries
}

fn save_library(storage: &Storage, entries: &[Entry]) -> bool {
    serde_json::to_string(entries).is_ok_and(|text| storage.set_item(KEY_LIBRARY, &text).is_ok())
}

pub fn current() -> Option<Id> {
    storage()?.get_item(KEY_CURRENT).ok().flatten().map(Id::new)
}

pub fn set_current(id: &Id) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(KEY_CURRENT, id.as_str());
    }
}

/// The key under which a plan is stored, for the storage events of other tabs.
pub fn key_of(id: &Id) -> String {
    plan_key(id)
}

/// What the library holds under one id.
pub enum Stored {
    Nothing,
    /// The plan, the digest of its file (see `format::digest`) and the base of the
    /// stored text (see the module's notes).
    Plan {
        plan: Box<Plan>,
        digest: String,
        base: String,
    },
    /// Stored text that the reader refused; set aside under `key` (the plan's own key
    /// when there was no room to copy it).
    Unreadable {
        key: String,
        error: format::LoadError,
    },
    /// Written by a newer version of Jalon: left as it is.
    Newer(format::LoadError),
}

pub fn load_plan(id: &Id) -> Stored {
    let Some(storage) = storage() else { return Stored::Nothing };
    let key = plan_key(id);
    let Some(stored) = texts(&storage).get(&key).ok().filter(|t| !t.is_null() && !t.is_undefined()) else {
        return Stored::Nothing;
    };
    let text = stored.as_string().unwrap_or_default();
    // Compact text of a later scheme is a newer page's, not damage.
    if text.starts_with("jalon-deflate-") && !text.starts_with(compact::MARK) {
        return Stored::Newer(format::LoadError::NewerVersion {
            found: format::VERSION + 1,
            supported: format::VERSION,
        });
    }
    let base = base_of(&text);
    remember(&key, &stored, &base);
    let read = file_text(text.clone()).and_then(|file| format::load(&file).map(|plan| (plan, format::digest(&file))));
    match read {
        Ok((plan, digest)) => Stored::Plan { plan: Box::new(plan), digest, base },
        Err(error @ format::LoadError::NewerVersion { .. }) => Stored::Newer(error),
        Err(error) => {
            // Set aside before anything else is written, one key per distinct text; the
            // plan's key is freed only once the copy is safe.
            let aside = format!("{UNREADABLE}{id}.{base}");
            if storage.set_item(&aside, &text).is_ok() {
                let _ = storage.remove_item(&key);
                let entries: Vec<Entry> = library().into_iter().filter(|e| &e.id != id).collect();
                save_library(&storage, &entries);
                Stored::Unreadable { key: aside, error }
            } else {
                Stored::Unreadable { key, error }
            }
        }
    }
}

/// The plan as the library holds it, with its base, when it can be read.
pub fn read_plan(id: &Id) -> Option<(Plan, String)> {
    match load_plan(id) {
        Stored::Plan { plan, base, .. } => Some((*plan, base)),
        _ => None,
    }
}

/// A stored plan that could not be read, kept as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    pub key: String,
    /// The id of the plan it was stored as.
    pub id: String,
    /// Its length, in characters.
    pub chars: u32,
}

/// Every copy set aside, oldest key first.
pub fn set_aside() -> Vec<SetAside> {
    let Some(storage) = storage() else { return Vec::new() };
    let mut found: Vec<SetAside> = keys(&storage)
        .into_iter()
        .filter_map(|key| {
            let rest = key.strip_prefix(UNREADABLE)?;
            // `<id>.<16 hex digits>`, or `<id>` alone as earlier pages wrote it.
            let id = match rest.rsplit_once('.') {
                Some((id, digest)) if digest.len() == 16 && digest.chars().all(|c| c.is_ascii_hexdigit()) => id,
                _ => rest,
            };
            let chars = storage.get_item(&key).ok().flatten().map_or(0, |t| t.encode_utf16().count() as u32);
            Some(SetAside { id: id.to_owned(), chars, key })
        })
        .collect();
    found.sort_by(|a, b| a.key.cmp(&b.key));
    found
}

/// What a key set aside (or a plan's key) holds, to be offered as a download.
pub fn stored_text(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// The name of the file a copy set aside is downloaded as.
pub fn set_aside_file_name(key: &str) -> String {
    let name: String = key
        .trim_start_matches(PREFIX)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' })
        .collect();
    format!("jalon-donnees-mises-de-cote-{name}.txt")
}

/// Deletes a copy set aside, at the user's request.
pub fn delete_set_aside(key: &str) -> bool {
    key.starts_with(UNREADABLE) && storage().is_some_and(|s| s.remove_item(key).is_ok())
}

pub enum Save {
    /// Written and read back: the digest of the file saved and the new base.
    Done {
        digest: String,
        base: String,
    },
    Failed(Failure),
    /// A newer version of Jalon saved this plan last: this page leaves it alone.
    Newer,
    /// Storage holds a version of this plan that this page did not read (another tab's,
    /// or one stored before this page opened it): nothing was written.
    Conflict {
        plan: Box<Plan>,
        digest: String,
        base: String,
    },
}

/// How many of a plan's versions keep the record of what they were written over. A tab
/// busy for a while learns of several saves at once, the last already in storage: it
/// finds the version it holds by going back from that one, one record a save.
const LINEAGE_KEPT: usize = 8;

/// The records of what the plan's versions were written over, from the version `base`
/// back, as their writers made them: each record's key, and the version it names. Ends
/// at the first version stored, at a version without a record, at a version met again,
/// or after `LINEAGE_KEPT` records.
fn lineage(storage: &Storage, id: &Id, base: &str) -> Vec<(String, String)> {
    let mut records: Vec<(String, String)> = Vec::new();
    let mut at = base.to_owned();
    while records.len() < LINEAGE_KEPT {
        let key = format!("{}{at}", over_prefix(id));
        if records.iter().any(|(seen, _)| *seen == key) {
            break;
        }
        let Some(over) = storage.get_item(&key).ok().flatten() else { break };
        records.push((key, over.clone()));
        if over.is_empty() {
            break;
        }
        at = over;
    }
    records
}

/// Whether the stored version `base` was written over `ancestor`, directly or through
/// later saves, each by a writer who had read the version before (as far back as the
/// records are kept): nothing of `ancestor` was lost on the way.
pub fn descends_from(id: &Id, base: &str, ancestor: &str) -> bool {
    storage().is_some_and(|storage| lineage(&storage, id, base).iter().any(|(_, over)| over == ancestor))
}

/// Whether `key` records what a version of the plan `id` was written over.
pub fn is_lineage_of(id: &Id, key: &str) -> bool {
    key.starts_with(&over_prefix(id))
}

/// The base of what storage holds for the plan now.
pub fn current_base(id: &Id) -> Option<String> {
    stored_with_base(&storage()?, &plan_key(id)).ok().flatten().map(|(_, base)| base)
}

/// Saves the plan and its library entry, and reads the plan back, provided storage
/// still holds `base`, the version this page last read or wrote (`None`: nothing).
pub fn save_plan(plan: &Plan, base: Option<&str>) -> Save {
    let ready = saving::prepare(plan);
    let text = JsValue::from_str(&ready.stored);
    save_ready(plan, base, &ready, &text)
}

/// `save_plan`'s writing, for a plan made ready beforehand (between the page's frames):
/// `text` is `ready.stored` as the browser's string. What is left is comparing and
/// writing, quick enough for one task even for the largest plan.
pub fn save_ready(plan: &Plan, base: Option<&str>, ready: &Ready, text: &JsValue) -> Save {
    let Some(storage) = storage() else { return Save::Failed(Failure::Refused) };
    let mut entries = library();
    if entries.iter().any(|e| e.id == plan.id && e.version > format::VERSION) {
        return Save::Newer;
    }
    let key = plan_key(&plan.id);
    let stored = match stored_with_base(&storage, &key) {
        Ok(stored) => stored,
        Err(error) => return Save::Failed(failure(&error)),
    };
    if let Some((_, stored_base)) = &stored {
        if Some(stored_base.as_str()) != base {
            match load_plan(&plan.id) {
                Stored::Plan { plan, digest, base } => return Save::Conflict { plan, digest, base },
                Stored::Newer(_) => return Save::Newer,
                // Damaged text is set aside first; it stays in place only without room.
                Stored::Unreadable { key: kept, .. } if kept == key => return Save::Failed(Failure::Full),
                Stored::Unreadable { .. } | Stored::Nothing => {}
            }
        }
    }
    let new_base = &ready.base;
    if stored.as_ref().map(|(stored, _)| stored) != Some(text) {
        // The version written over is recorded first, so that another tab seeing the
        // new text can tell whether it was written over the version it holds.
        let over_key = format!("{}{new_base}", over_prefix(&plan.id));
        // The same text stored before may have a record that later ones lead back to.
        let earlier = storage.get_item(&over_key).ok().flatten();
        if let Err(error) = storage.set_item(&over_key, base.unwrap_or_default()) {
            return Save::Failed(failure(&error));
        }
        if let Err(error) = texts(&storage).set(&key, text) {
            let _ = match &earlier {
                Some(earlier) => storage.set_item(&over_key, earlier),
                None => storage.remove_item(&over_key),
            };
            return Save::Failed(failure(&error));
        }
        if texts(&storage).get(&key).ok().as_ref() != Some(text) {
            return Save::Failed(Failure::Refused);
        }
        remember(&key, text, new_base);
        // The records of the last versions stay for tabs that have not caught up yet.
        let kept = lineage(&storage, &plan.id, new_base);
        let prefix = over_prefix(&plan.id);
        for old in
            keys(&storage).into_iter().filter(|k| k.starts_with(&prefix) && !kept.iter().any(|(key, _)| key == k))
        {
            let _ = storage.remove_item(&old);
        }
    }
    // The version the plan is written in: an earlier page may go on saving a plan that
    // uses nothing newer.
    let entry = Entry {
        id: plan.id.clone(),
        title: plan.title.clone(),
        modified: Utc::now(),
        version: format::version_for(plan),
        part_for: plan.part.as_ref().map(|part| part.to.clone()),
    };
    match entries.iter_mut().find(|e| e.id == plan.id) {
        Some(existing) => *existing = entry,
        None => entries.push(entry),
    }
    // The plan is safe; a list that could not be written is rebuilt from the keys.
    save_library(&storage, &entries);
    Save::Done { digest: ready.digest.clone(), base: new_base.clone() }
}

pub fn delete_plan(id: &Id) -> bool {
    let Some(storage) = storage() else { return false };
    let entries: Vec<Entry> = library().into_iter().filter(|e| &e.id != id).collect();
    let _ = storage.remove_item(&export_key(id));
    let _ = storage.remove_item(&format!("{DRAFTS}{id}"));
    for old in keys(&storage).into_iter().filter(|k| k.starts_with(&over_prefix(id))) {
        let _ = storage.remove_item(&old);
    }
    storage.remove_item(&plan_key(id)).is_ok() && save_library(&storage, &entries)
}

/// Whether `key` holds a plan's drafts.
pub fn is_drafts_key(key: &str) -> bool {
    key.starts_with(DRAFTS)
}

/// A plan's drafts as storage holds them.
pub fn drafts(id: &Id) -> Drafts {
    let text = storage().and_then(|s| s.get_item(&format!("{DRAFTS}{id}")).ok().flatten());
    Drafts::read(text.as_deref().unwrap_or_default())
}

/// Changes a plan's drafts as storage holds them now (another tab may have added its
/// own), and returns them. Without room the draft is not kept: the header already says
/// that storage is full.
pub fn change_drafts(id: &Id, change: impl FnOnce(&mut Drafts)) -> Drafts {
    let mut drafts = self::drafts(id);
    change(&mut drafts);
    if let Some(storage) = storage() {
        let key = format!("{DRAFTS}{id}");
        let _ = if drafts.is_empty() { storage.remove_item(&key) } else { storage.set_item(&key, &drafts.text()) };
    }
    drafts
}

/// When the plan was last exported, and the digest of the file then written. Kept
/// beside the plan, not in it, so that export then import stays byte for byte.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exported {
    /// `None` for a plan as it came (sample, template, opened file): nothing to remind.
    pub at: Option<DateTime<Utc>>,
    pub digest: String,
}

fn export_key(id: &Id) -> String {
    format!("{PREFIX}exported.{id}")
}

pub fn exported(id: &Id) -> Option<Exported> {
    serde_json::from_str(&storage()?.get_item(&export_key(id)).ok().flatten()?).ok()
}

pub fn set_exported(id: &Id, record: &Exported) -> bool {
    let Some(storage) = storage() else { return false };
    serde_json::to_string(record).is_ok_and(|text| storage.set_item(&export_key(id), &text).is_ok())
}

/// The regional views kept in this browser, read one by one (`region::view::list`).
/// A list that holds what this page cannot read is set aside whole at once, as a plan
/// is: the copy is there before the list is written again.
pub fn views() -> Views {
    let Some(storage) = storage() else { return list::read(None) };
    let text = storage.get_item(KEY_REGIONS).ok().flatten();
    let views = list::read(text.as_deref());
    if let (Some(_), Some(text)) = (&views.damage, &text) {
        // Without room the list stays as it is: `change_views` writes nothing then.
        let _ = set_views_aside(&storage, text);
    }
    views
}

/// Sets the list's text aside under its own key, one key per distinct text.
fn set_views_aside(storage: &Storage, text: &str) -> Result<(), Failure> {
    let key = format!("{VIEWS_ASIDE}{}", base_of(text));
    if storage.get_item(&key).ok().flatten().as_deref() == Some(text) {
        return Ok(());
    }
    storage.set_item(&key, text).map_err(|error| failure(&error))
}

/// Changes the list as storage holds it now: what another tab or page wrote meanwhile
/// is kept, a later page's view is written back as it came, and a list holding what
/// this page cannot read is written only once its text is set aside.
fn change_views(change: impl FnOnce(&mut Views) -> bool) -> Result<(), Failure> {
    let storage = storage().ok_or(Failure::Refused)?;
    let text = storage.get_item(KEY_REGIONS).map_err(|error| failure(&error))?;
    let mut views = list::read(text.as_deref());
    if let (Some(_), Some(text)) = (&views.damage, &text) {
        set_views_aside(&storage, text)?;
    }
    if !change(&mut views) {
        return Err(Failure::Refused);
    }
    storage.set_item(KEY_REGIONS, &views.write()).map_err(|error| failure(&error))
}

/// Writes `view` in place of the view of its id, or adds it; never in place of a later
/// page's view.
pub fn save_view(view: &View) -> Result<(), Failure> {
    change_views(|views| views.put(view.clone()))
}

/// Deletes a view (a later page's too, at the user's request); its plans stay in the
/// library.
pub fn delete_view(id: &Id) -> Result<(), Failure> {
    change_views(|views| {
        views.remove(id);
        true
    })
}

/// A list of views set aside: its key, and what in it could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewsAside {
    pub key: String,
    pub damage: Damage,
    /// Its length, in characters.
    pub chars: usize,
}

/// Every list of views set aside, oldest key first.
pub fn views_aside() -> Vec<ViewsAside> {
    let Some(storage) = storage() else { return Vec::new() };
    let mut found: Vec<ViewsAside> = keys(&storage)
        .into_iter()
        .filter(|key| key.starts_with(VIEWS_ASIDE))
        .filter_map(|key| {
            let text = storage.get_item(&key).ok().flatten()?;
            let chars = text.chars().count();
            let damage = list::read(Some(&text)).damage.unwrap_or(Damage::NotAList { chars });
            Some(ViewsAside { key, damage, chars })
        })
        .collect();
    found.sort_by(|a, b| a.key.cmp(&b.key));
    found
}

/// Deletes a list of views set aside, at the user's request.
pub fn delete_views_aside(key: &str) -> bool {
    key.starts_with(VIEWS_ASIDE) && storage().is_some_and(|s| s.remove_item(key).is_ok())
}
