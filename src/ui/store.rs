//! The browser's local storage: the library of plans kept in this browser, and the
//! user's choices.
//!
//! Keys, all under `jalon.v1.`:
//! - `library`: the list of plans (id, title, last change), so that the library shows
//!   without reading every plan;
//! - `plans.<id>`: one plan, in the core's file format;
//! - `current`: the plan open last; `lang`: the language chosen;
//! - `unreadable.<id>`: a stored plan the reader refused, set aside untouched.
//!
//! A plan whose file is longer than `PLAIN_LIMIT` characters is kept compactly
//! (`jalon::compact`): as plain text a plan of 10 000 indicators would not fit in the
//! 5 242 880 characters a browser gives an origin.
//!
//! Every `file://` page shares one local storage, so what is read back goes through the
//! core's file reader like any file. Some locked-down profiles refuse local storage
//! altogether: every access here can fail, and the page carries on without it.

use chrono::{DateTime, Utc};
use jalon::{compact, format};
use jalon::id::Id;
use jalon::plan::Plan;
use jalon::text::Lang;
use serde::{Deserialize, Serialize};
use web_sys::Storage;

const PREFIX: &str = "jalon.v1.";
const KEY_LANG: &str = "jalon.v1.lang";
const KEY_LIBRARY: &str = "jalon.v1.library";
const KEY_CURRENT: &str = "jalon.v1.current";

fn plan_key(id: &Id) -> String {
    format!("{PREFIX}plans.{id}")
}

fn unreadable_key(id: &Id) -> String {
    format!("{PREFIX}unreadable.{id}")
}

/// Plans up to this many characters are kept as plain text, readable in the browser's
/// tools; longer ones compactly.
const PLAIN_LIMIT: usize = 1_000_000;

/// A stored plan's file text: as stored, or unpacked.
fn file_text(stored: String) -> Result<String, format::LoadError> {
    if stored.starts_with(compact::MARK) {
        compact::unpack(&stored, format::MAX_FILE_BYTES as usize).ok_or(format::LoadError::Damaged)
    } else {
        Ok(stored)
    }
}

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn available() -> bool {
    let Some(storage) = storage() else { return false };
    let probe = format!("{PREFIX}probe");
    let ok = storage.set_item(&probe, "1").is_ok();
    let _ = storage.remove_item(&probe);
    ok
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
    /// The file format version of the page that saved the plan last: an older page
    /// never overwrites what a newer one wrote.
    #[serde(default = "first_version")]
    pub version: u64,
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
        let title = match storage.get_item(key).ok().flatten().map(|t| file_text(t).and_then(|t| format::load(&t))) {
            Some(Ok(plan)) => plan.title,
            _ => id.to_string(),
        };
        entries.push(Entry { id, title, modified: Utc::now(), version: format::VERSION });
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
    /// The plan, and the digest of its file (see `format::digest`).
    Plan { plan: Plan, digest: String },
    /// Stored text that the reader refused; it has been set aside under its own key.
    Unreadable(format::LoadError),
    /// Written by a newer version of Jalon: left as it is.
    Newer(format::LoadError),
}

pub fn load_plan(id: &Id) -> Stored {
    let Some(storage) = storage() else { return Stored::Nothing };
    let key = plan_key(id);
    let Some(text) = storage.get_item(&key).ok().flatten() else { return Stored::Nothing };
    // Compact text of a later scheme is a newer page's, not damage.
    if text.starts_with("jalon-deflate-") && !text.starts_with(compact::MARK) {
        return Stored::Newer(format::LoadError::NewerVersion { found: format::VERSION + 1, supported: format::VERSION });
    }
    let read = file_text(text.clone()).and_then(|file| format::load(&file).map(|plan| (plan, format::digest(&file))));
    match read {
        Ok((plan, digest)) => Stored::Plan { plan, digest },
        Err(error @ format::LoadError::NewerVersion { .. }) => Stored::Newer(error),
        Err(error) => {
            // Set aside before anything else is written; the plan's key is freed only
            // once the copy is safe.
            if storage.set_item(&unreadable_key(id), &text).is_ok() {
                let _ = storage.remove_item(&key);
                let entries: Vec<Entry> = library().into_iter().filter(|e| &e.id != id).collect();
                save_library(&storage, &entries);
            }
            Stored::Unreadable(error)
        }
    }
}

/// The plan as the library holds it, when it can be read.
pub fn read_plan(id: &Id) -> Option<Plan> {
    match load_plan(id) {
        Stored::Plan { plan, .. } => Some(plan),
        _ => None,
    }
}

/// What a stored plan that could not be read held, to be offered as a download.
pub fn unreadable_text(id: &Id) -> Option<String> {
    storage()?.get_item(&unreadable_key(id)).ok().flatten()
}

pub enum Save {
    /// Written and read back; the digest of the file saved.
    Done { digest: String },
    /// Storage refused it (full, or unavailable), or read back something else.
    Failed,
    /// A newer version of Jalon saved this plan last: this page leaves it alone.
    Newer,
}

/// Saves the plan and its library entry, and reads the plan back.
pub fn save_plan(plan: &Plan) -> Save {
    let Some(storage) = storage() else { return Save::Failed };
    let mut entries = library();
    if entries.iter().any(|e| e.id == plan.id && e.version > format::VERSION) {
        return Save::Newer;
    }
    let file = format::save(plan);
    let digest = format::digest(&file);
    let text = if file.len() > PLAIN_LIMIT { compact::pack(&file) } else { file };
    let key = plan_key(&plan.id);
    if storage.set_item(&key, &text).is_err()
        || storage.get_item(&key).ok().flatten().as_deref() != Some(text.as_str())
    {
        return Save::Failed;
    }
    let entry = Entry { id: plan.id.clone(), title: plan.title.clone(), modified: Utc::now(), version: format::VERSION };
    match entries.iter_mut().find(|e| e.id == plan.id) {
        Some(existing) => *existing = entry,
        None => entries.push(entry),
    }
    if save_library(&storage, &entries) { Save::Done { digest } } else { Save::Failed }
}

pub fn delete_plan(id: &Id) -> bool {
    let Some(storage) = storage() else { return false };
    let entries: Vec<Entry> = library().into_iter().filter(|e| &e.id != id).collect();
    let _ = storage.remove_item(&export_key(id));
    storage.remove_item(&plan_key(id)).is_ok() && save_library(&storage, &entries)
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
