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
    let mut entries: Vec<Entry> =
        listed.into_iter().filter(|e| storage.get_item(&plan_key(&e.id)).ok().flatten().is_some()).collect();
    let length = storage.length().unwrap_or(0);
    for index in 0..length {
        let Some(key) = storage.key(index).ok().flatten() else { continue };
        let Some(id) = key.strip_prefix(&format!("{PREFIX}plans.")).map(Id::new) else { continue };
        if entries.iter().any(|e| e.id == id) {
            continue;
        }
        let title = match storage.get_item(&key).ok().flatten().map(|t| file_text(t).and_then(|t| format::load(&t))) {
            Some(Ok(plan)) => plan.title,
            _ => id.to_string(),
        };
        entries.push(Entry { id, title, modified: Utc::now() });
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

/// What the library holds under one id.
pub enum Stored {
    Nothing,
    Plan(Plan),
    /// Stored text that the reader refused; it has been set aside under its own key.
    Unreadable(format::LoadError),
}

pub fn load_plan(id: &Id) -> Stored {
    let Some(storage) = storage() else { return Stored::Nothing };
    let key = plan_key(id);
    let Some(text) = storage.get_item(&key).ok().flatten() else { return Stored::Nothing };
    match file_text(text.clone()).and_then(|file| format::load(&file)) {
        Ok(plan) => Stored::Plan(plan),
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

/// Saves the plan and its library entry, and reads the plan back: `true` only if what
/// is stored is what was written.
pub fn save_plan(plan: &Plan) -> bool {
    let Some(storage) = storage() else { return false };
    let file = format::save(plan);
    let text = if file.len() > PLAIN_LIMIT { compact::pack(&file) } else { file };
    let key = plan_key(&plan.id);
    if storage.set_item(&key, &text).is_err()
        || storage.get_item(&key).ok().flatten().as_deref() != Some(text.as_str())
    {
        return false;
    }
    let mut entries = library();
    let entry = Entry { id: plan.id.clone(), title: plan.title.clone(), modified: Utc::now() };
    match entries.iter_mut().find(|e| e.id == plan.id) {
        Some(existing) => *existing = entry,
        None => entries.push(entry),
    }
    save_library(&storage, &entries)
}

pub fn delete_plan(id: &Id) -> bool {
    let Some(storage) = storage() else { return false };
    let entries: Vec<Entry> = library().into_iter().filter(|e| &e.id != id).collect();
    storage.remove_item(&plan_key(id)).is_ok() && save_library(&storage, &entries)
}
