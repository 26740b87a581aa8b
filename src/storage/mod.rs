//! Where plans are kept between visits: the library of plans, and the user's choices,
//! over any key-value store (`Store`): the browser's local storage is one, `memory`
//! another.
//!
//! Keys, all under `jalon.v1.`:
//! - `library`: the list of plans (id, title, last change), so that the library shows
//!   without reading every plan;
//! - `plans.<id>`: one plan, in the core's file format;
//! - `over.<id>.<base>`: which stored version the version `<base>` was written over
//!   (see `Session::save`), kept for the plan's last `LINEAGE_KEPT` versions;
//! - `current`: the plan open last; `lang`: the language chosen;
//! - `exported.<id>`: when the plan was last exported (`Exported`);
//! - `regions`: the regional views, each naming its plans by id, read one by one
//!   (`crate::region::view::list`, through `Whole`);
//! - `unreadable-regions.<digest>`: a list of views holding what this page could not
//!   read, set aside whole before the list is written again;
//! - `unreadable.<id>.<digest>`: a stored plan the reader refused, set aside untouched,
//!   one key per distinct text so that a second damage never replaces the first copy;
//! - `link.<id>`: the file the plan is linked to, and the version of it this page
//!   last read or wrote (`link::Link`);
//! - `drafts.<id>`: what was typed in the plan and is not in it yet
//!   (`crate::words::draft`), written at each keystroke.
//!
//! A plan whose file is longer than `compact::PLAIN_LIMIT` characters is kept compactly
//! (`crate::format::compact`): as plain text a plan of 10 000 indicators would not fit in
//! the 5 242 880 characters a browser gives an origin.
//!
//! Every `file://` page shares one local storage, so what is read back goes through the
//! core's file reader like any file, and a full store is an ordinary state: it is still
//! read. A store may refuse every access: each can fail, and the page carries on.
//!
//! **A save never overwrites what this page did not read.** A version of a plan in
//! storage is known by its *base*, the digest of the stored text. The page remembers the
//! base it last read or wrote; `Session::save` writes only while storage still holds that
//! base (or nothing), and otherwise hands back what it found, for the user to choose.

pub mod link;
pub mod memory;

use crate::format::saving::Ready;
use crate::format::{self, compact};
use crate::model::id::Id;
use crate::model::plan::Plan;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

const PREFIX: &str = "jalon.v1.";
const KEY_LANG: &str = "jalon.v1.lang";
const KEY_LIBRARY: &str = "jalon.v1.library";
const KEY_CURRENT: &str = "jalon.v1.current";
const UNREADABLE: &str = "jalon.v1.unreadable.";
const KEY_REGIONS: &str = "jalon.v1.regions";
const VIEWS_ASIDE: &str = "jalon.v1.unreadable-regions.";
const DRAFTS: &str = "jalon.v1.drafts.";
const LINKS: &str = "jalon.v1.link.";

/// Why a store did not take a write (or refused a read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// No room left: deleting a plan or a copy set aside makes some.
    Full,
    /// The store refuses this page (a browser that forbids local storage).
    Refused,
    /// Anything else the store reported.
    Other,
}

/// A key-value store of texts. The four first methods are the store; the others have
/// their plain meaning written in their default, which a store that can tell its texts
/// apart without reading them (the browser's, whose strings stay its own) does faster.
pub trait Store {
    fn get(&mut self, key: &str) -> Result<Option<String>, Failure>;
    fn set(&mut self, key: &str, text: &str) -> Result<(), Failure>;
    fn remove(&mut self, key: &str) -> Result<(), Failure>;
    /// Every key held, in no particular order.
    fn keys(&mut self) -> Result<Vec<String>, Failure>;

    /// The text under `key` and its base.
    fn read(&mut self, key: &str) -> Result<Option<(String, String)>, Failure> {
        Ok(self.get(key)?.map(|text| {
            let base = base_of(&text);
            (text, base)
        }))
    }

    /// The base of the text under `key`.
    fn base(&mut self, key: &str) -> Result<Option<String>, Failure> {
        Ok(self.read(key)?.map(|(_, base)| base))
    }

    /// Writes `text`, whose base is `base`.
    fn write(&mut self, key: &str, text: &str, _base: &str) -> Result<(), Failure> {
        self.set(key, text)
    }

    /// Whether `key` holds `text`, whose base is `base`.
    fn holds(&mut self, key: &str, text: &str, _base: &str) -> Result<bool, Failure> {
        Ok(self.get(key)?.as_deref() == Some(text))
    }
}

/// The base of a stored text: what tells one stored version from another.
pub fn base_of(stored: &str) -> String {
    format::digest(stored)
}

fn plan_key(id: &Id) -> String {
    format!("{PREFIX}plans.{id}")
}

fn over_prefix(id: &Id) -> String {
    format!("{PREFIX}over.{id}.")
}

fn export_key(id: &Id) -> String {
    format!("{PREFIX}exported.{id}")
}

fn link_key(id: &Id) -> String {
    format!("{LINKS}{id}")
}

fn drafts_key(id: &Id) -> String {
    format!("{DRAFTS}{id}")
}

/// A stored plan's file text: as stored, or unpacked.
fn file_text(stored: String) -> Result<String, format::LoadError> {
    if stored.starts_with(compact::MARK) {
        compact::unpack(&stored, format::MAX_FILE_BYTES as usize).ok_or(format::LoadError::Damaged)
    } else {
        Ok(stored)
    }
}

/// The key under which a plan is stored, for the storage events of other tabs.
pub fn key_of(id: &Id) -> String {
    plan_key(id)
}

/// Whether `key` records what a version of the plan `id` was written over.
pub fn is_lineage_of(id: &Id, key: &str) -> bool {
    key.starts_with(&over_prefix(id))
}

/// Whether `key` holds a plan's drafts.
pub fn is_drafts_key(key: &str) -> bool {
    key.starts_with(DRAFTS)
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

/// What the page may do with the store, as found when it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Open,
    /// Read, but full: plans open, and are saved once room comes back.
    Full,
    Refused,
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

/// A stored plan that could not be read, kept as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    pub key: String,
    /// The id of the plan it was stored as.
    pub id: String,
    /// Its length, in characters.
    pub chars: u32,
}

#[derive(Debug)]
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

/// The plan's last copy in a file: when it was downloaded, the digest of the plan it
/// held (`format::save`), and, for a copy this browser wrote or opened whole and keeps
/// the text of, that text's digest and the base it named (`format::save_copy`). Kept
/// beside the plan, not in it, so that export then import stays byte for byte.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exported {
    /// `None` for a plan as it came (sample, template, opened file): nothing to remind.
    pub at: Option<DateTime<Utc>>,
    pub digest: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
}

impl Exported {
    /// The record of a plan as it came, in no copy yet: its changes from here on are
    /// the ones no file holds.
    pub fn baseline(digest: String) -> Exported {
        Exported { at: None, digest, file: None, base: None }
    }

    /// The base a new copy of the plan saved as `digest` names: the last copy when the
    /// plan changed since (a version that copy's readers know too), or that copy's own
    /// base when it did not, so that the same plan gives the same file again.
    pub fn base_for(&self, digest: &str) -> Option<String> {
        match self.digest == digest {
            true => self.base.clone(),
            false => self.file.clone(),
        }
    }

    /// Whether the banner reminds, at `now`, that the plan saved as `digest` holds
    /// changes that no copy holds: once the last copy is a day old, so that a day's
    /// work is never only in this browser, and at once when there never was a copy.
    pub fn reminds(&self, digest: &str, now: DateTime<Utc>) -> bool {
        self.digest != digest && self.at.is_none_or(|at| now - at >= chrono::TimeDelta::days(1))
    }
}

/// What is kept whole under one key and may hold what this page cannot read (the
/// regional views, `crate::region::view::list::Views`): read as far as it goes, and
/// written again only once the text it came in is set aside.
pub trait Whole: Sized {
    /// What `text` holds as far as this page reads it; nothing stored is `None`.
    fn read(text: Option<&str>) -> Self;
    /// Whether part of the text could not be read.
    fn damaged(&self) -> bool;
    /// The text to store: what could not be read is not in it.
    fn write(&self) -> String;
}

/// How many of a plan's versions keep the record of what they were written over. A tab
/// busy for a while learns of several saves at once, the last already in storage: it
/// finds the version it holds by going back from that one, one record a save.
const LINEAGE_KEPT: usize = 8;

/// The protocol over one store, at one moment: `now` dates the library's entries.
pub struct Session<'a> {
    store: &'a mut dyn Store,
    now: DateTime<Utc>,
}

impl<'a> Session<'a> {
    pub fn new(store: &'a mut dyn Store, now: DateTime<Utc>) -> Session<'a> {
        Session { store, now }
    }

    /// What the key holds; a read that fails reads as nothing.
    fn text(&mut self, key: &str) -> Option<String> {
        self.store.get(key).ok().flatten()
    }

    fn keys(&mut self) -> Vec<String> {
        self.store.keys().unwrap_or_default()
    }

    /// Whether the store can be read, and written.
    pub fn access(&mut self) -> Access {
        if self.store.get(KEY_LIBRARY).is_err() {
            return Access::Refused;
        }
        let probe = format!("{PREFIX}probe");
        match self.store.set(&probe, "1") {
            Ok(()) => {
                let _ = self.store.remove(&probe);
                Access::Open
            }
            Err(Failure::Full) => Access::Full,
            Err(_) => Access::Refused,
        }
    }

    /// The code of the language chosen.
    pub fn lang(&mut self) -> Option<String> {
        self.text(KEY_LANG)
    }

    pub fn set_lang(&mut self, code: &str) -> bool {
        self.store.set(KEY_LANG, code).is_ok()
    }

    /// The plan open last.
    pub fn current(&mut self) -> Option<Id> {
        self.text(KEY_CURRENT).map(Id::new)
    }

    pub fn set_current(&mut self, id: &Id) {
        let _ = self.store.set(KEY_CURRENT, id.as_str());
    }

    /// The library as stored; a missing or unreadable list is rebuilt from the plans' keys.
    pub fn library(&mut self) -> Vec<Entry> {
        let listed: Vec<Entry> =
            self.text(KEY_LIBRARY).and_then(|text| serde_json::from_str(&text).ok()).unwrap_or_default();
        // Keep the entries whose plan is there, then add plans stored without an entry
        // (another copy of the page may have written the plan and not yet the list).
        let keys = self.keys();
        let mut entries: Vec<Entry> = listed.into_iter().filter(|e| keys.contains(&plan_key(&e.id))).collect();
        for key in &keys {
            let Some(id) = key.strip_prefix(&format!("{PREFIX}plans.")).map(Id::new) else { continue };
            if entries.iter().any(|e| e.id == id) {
                continue;
            }
            // A plan that a newer page wrote keeps that page's version, so that this one
            // never counts it as its own.
            let (title, version) = match self.text(key).map(|t| file_text(t).and_then(|t| format::load(&t))) {
                Some(Ok(plan)) => (plan.title.clone(), format::version_for(&plan)),
                Some(Err(format::LoadError::NewerVersion { found, .. })) => (id.to_string(), found),
                _ => (id.to_string(), format::VERSION),
            };
            entries.push(Entry { id, title, modified: self.now, version, part_for: None });
        }
        entries
    }

    fn save_library(&mut self, entries: &[Entry]) -> bool {
        serde_json::to_string(entries).is_ok_and(|text| self.store.set(KEY_LIBRARY, &text).is_ok())
    }

    /// What the library holds under `id`. A plan the reader refuses is set aside before
    /// anything else is written.
    pub fn load_plan(&mut self, id: &Id) -> Stored {
        let key = plan_key(id);
        let Some((text, base)) = self.store.read(&key).ok().flatten() else { return Stored::Nothing };
        // Compact text of a later scheme is a newer page's, not damage.
        if text.starts_with("jalon-deflate-") && !text.starts_with(compact::MARK) {
            return Stored::Newer(format::LoadError::NewerVersion {
                found: format::VERSION + 1,
                supported: format::VERSION,
            });
        }
        let read =
            file_text(text.clone()).and_then(|file| format::load(&file).map(|plan| (plan, format::digest(&file))));
        match read {
            Ok((plan, digest)) => Stored::Plan { plan: Box::new(plan), digest, base },
            Err(error @ format::LoadError::NewerVersion { .. }) => Stored::Newer(error),
            Err(error) => {
                // Set aside before anything else is written, one key per distinct text; the
                // plan's key is freed only once the copy is safe.
                let aside = format!("{UNREADABLE}{id}.{base}");
                if self.store.set(&aside, &text).is_ok() {
                    let _ = self.store.remove(&key);
                    let entries: Vec<Entry> = self.library().into_iter().filter(|e| &e.id != id).collect();
                    self.save_library(&entries);
                    Stored::Unreadable { key: aside, error }
                } else {
                    Stored::Unreadable { key, error }
                }
            }
        }
    }

    /// The plan as the library holds it, with its base, when it can be read.
    pub fn read_plan(&mut self, id: &Id) -> Option<(Plan, String)> {
        match self.load_plan(id) {
            Stored::Plan { plan, base, .. } => Some((*plan, base)),
            _ => None,
        }
    }

    /// Every copy set aside, oldest key first.
    pub fn set_aside(&mut self) -> Vec<SetAside> {
        let mut found: Vec<SetAside> = Vec::new();
        for key in self.keys() {
            let Some(rest) = key.strip_prefix(UNREADABLE) else { continue };
            // `<id>.<16 hex digits>`, or `<id>` alone as earlier pages wrote it.
            let id = match rest.rsplit_once('.') {
                Some((id, digest)) if digest.len() == 16 && digest.chars().all(|c| c.is_ascii_hexdigit()) => id,
                _ => rest,
            };
            let id = id.to_owned();
            let chars = self.text(&key).map_or(0, |t| t.encode_utf16().count() as u32);
            found.push(SetAside { id, chars, key });
        }
        found.sort_by(|a, b| a.key.cmp(&b.key));
        found
    }

    /// What a key set aside (or a plan's key) holds, to be offered as a download.
    pub fn stored_text(&mut self, key: &str) -> Option<String> {
        self.text(key)
    }

    /// Deletes a copy set aside, at the user's request.
    pub fn delete_set_aside(&mut self, key: &str) -> bool {
        key.starts_with(UNREADABLE) && self.store.remove(key).is_ok()
    }

    /// The records of what the plan's versions were written over, from the version
    /// `base` back, as their writers made them: each record's key, and the version it
    /// names. Ends at the first version stored, at a version without a record, at a
    /// version met again, or after `LINEAGE_KEPT` records.
    fn lineage(&mut self, id: &Id, base: &str) -> Vec<(String, String)> {
        let mut records: Vec<(String, String)> = Vec::new();
        let mut at = base.to_owned();
        while records.len() < LINEAGE_KEPT {
            let key = format!("{}{at}", over_prefix(id));
            if records.iter().any(|(seen, _)| *seen == key) {
                break;
            }
            let Some(over) = self.text(&key) else { break };
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
    pub fn descends_from(&mut self, id: &Id, base: &str, ancestor: &str) -> bool {
        self.lineage(id, base).iter().any(|(_, over)| over == ancestor)
    }

    /// The base of what storage holds for the plan now.
    pub fn current_base(&mut self, id: &Id) -> Option<String> {
        self.store.base(&plan_key(id)).ok().flatten()
    }

    /// Saves the plan, made ready (`format::saving`), and its library entry, and reads
    /// the plan back, provided storage still holds `base`, the version this page last
    /// read or wrote (`None`: nothing).
    pub fn save(&mut self, plan: &Plan, base: Option<&str>, ready: &Ready) -> Save {
        let mut entries = self.library();
        if entries.iter().any(|e| e.id == plan.id && e.version > format::VERSION) {
            return Save::Newer;
        }
        let key = plan_key(&plan.id);
        let stored = match self.store.base(&key) {
            Ok(stored) => stored,
            Err(failure) => return Save::Failed(failure),
        };
        if let Some(stored_base) = &stored {
            if Some(stored_base.as_str()) != base {
                match self.load_plan(&plan.id) {
                    Stored::Plan { plan, digest, base } => return Save::Conflict { plan, digest, base },
                    Stored::Newer(_) => return Save::Newer,
                    // Damaged text is set aside first; it stays in place only without room.
                    Stored::Unreadable { key: kept, .. } if kept == key => return Save::Failed(Failure::Full),
                    Stored::Unreadable { .. } | Stored::Nothing => {}
                }
            }
        }
        let new_base = &ready.base;
        let unchanged =
            stored.as_ref() == Some(new_base) && self.store.holds(&key, &ready.stored, new_base).unwrap_or(false);
        if !unchanged {
            // The version written over is recorded first, so that another tab seeing the
            // new text can tell whether it was written over the version it holds.
            let over_key = format!("{}{new_base}", over_prefix(&plan.id));
            // The same text stored before may have a record that later ones lead back to.
            let earlier = self.text(&over_key);
            if let Err(failure) = self.store.set(&over_key, base.unwrap_or_default()) {
                return Save::Failed(failure);
            }
            if let Err(failure) = self.store.write(&key, &ready.stored, new_base) {
                let _ = match &earlier {
                    Some(earlier) => self.store.set(&over_key, earlier),
                    None => self.store.remove(&over_key),
                };
                return Save::Failed(failure);
            }
            if !self.store.holds(&key, &ready.stored, new_base).unwrap_or(false) {
                return Save::Failed(Failure::Refused);
            }
            // The records of the last versions stay for tabs that have not caught up yet.
            let kept = self.lineage(&plan.id, new_base);
            let prefix = over_prefix(&plan.id);
            for old in self.keys() {
                if old.starts_with(&prefix) && !kept.iter().any(|(key, _)| *key == old) {
                    let _ = self.store.remove(&old);
                }
            }
        }
        // The version the plan is written in: an earlier page may go on saving a plan
        // that uses nothing newer.
        let entry = Entry {
            id: plan.id.clone(),
            title: plan.title.clone(),
            modified: self.now,
            version: format::version_for(plan),
            part_for: plan.part.as_ref().map(|part| part.to.clone()),
        };
        match entries.iter_mut().find(|e| e.id == plan.id) {
            Some(existing) => *existing = entry,
            None => entries.push(entry),
        }
        // The plan is safe; a list that could not be written is rebuilt from the keys.
        self.save_library(&entries);
        Save::Done { digest: ready.digest.clone(), base: new_base.clone() }
    }

    /// Deletes a plan with its drafts, its export record and its lineage.
    pub fn delete_plan(&mut self, id: &Id) -> bool {
        let entries: Vec<Entry> = self.library().into_iter().filter(|e| &e.id != id).collect();
        let _ = self.store.remove(&export_key(id));
        let _ = self.store.remove(&drafts_key(id));
        let _ = self.store.remove(&link_key(id));
        for old in self.keys() {
            if is_lineage_of(id, &old) {
                let _ = self.store.remove(&old);
            }
        }
        self.store.remove(&plan_key(id)).is_ok() && self.save_library(&entries)
    }

    /// A plan's drafts as stored (`crate::words::draft::Drafts::text`).
    pub fn drafts(&mut self, id: &Id) -> Option<String> {
        self.text(&drafts_key(id))
    }

    /// Keeps a plan's drafts; no drafts, no key. Without room the drafts are not kept:
    /// the page already says that storage is full.
    pub fn set_drafts(&mut self, id: &Id, text: &str) {
        let key = drafts_key(id);
        let _ = if text.is_empty() { self.store.remove(&key) } else { self.store.set(&key, text) };
    }

    /// The file the plan is linked to, if any.
    pub fn link(&mut self, id: &Id) -> Option<link::Link> {
        serde_json::from_str(&self.text(&link_key(id))?).ok()
    }

    /// Links the plan to a file, or (`None`) unlinks it.
    pub fn set_link(&mut self, id: &Id, link: Option<&link::Link>) -> bool {
        let key = link_key(id);
        match link {
            Some(link) => serde_json::to_string(link).is_ok_and(|text| self.store.set(&key, &text).is_ok()),
            None => self.store.remove(&key).is_ok(),
        }
    }

    pub fn exported(&mut self, id: &Id) -> Option<Exported> {
        serde_json::from_str(&self.text(&export_key(id))?).ok()
    }

    pub fn set_exported(&mut self, id: &Id, record: &Exported) -> bool {
        serde_json::to_string(record).is_ok_and(|text| self.store.set(&export_key(id), &text).is_ok())
    }

    /// The regional views, read one by one. A list that holds what this page cannot
    /// read is set aside whole at once, as a plan is: the copy is there before the list
    /// is written again.
    pub fn views<V: Whole>(&mut self) -> V {
        let text = self.text(KEY_REGIONS);
        let views = V::read(text.as_deref());
        if let (true, Some(text)) = (views.damaged(), &text) {
            // Without room the list stays as it is: `change_views` writes nothing then.
            let _ = self.set_views_aside(text);
        }
        views
    }

    /// Sets the list's text aside under its own key, one key per distinct text.
    fn set_views_aside(&mut self, text: &str) -> Result<(), Failure> {
        let key = format!("{VIEWS_ASIDE}{}", base_of(text));
        if self.text(&key).as_deref() == Some(text) {
            return Ok(());
        }
        self.store.set(&key, text)
    }

    /// Changes the list as storage holds it now: what another tab or page wrote
    /// meanwhile is kept, and a list holding what this page cannot read is written only
    /// once its text is set aside. A change that does not apply (`false`) writes nothing.
    /// Returns the list as written.
    pub fn change_views<V: Whole>(&mut self, change: impl FnOnce(&mut V) -> bool) -> Result<V, Failure> {
        let text = self.store.get(KEY_REGIONS)?;
        let mut views = V::read(text.as_deref());
        if let (true, Some(text)) = (views.damaged(), &text) {
            self.set_views_aside(text)?;
        }
        if !change(&mut views) {
            return Err(Failure::Refused);
        }
        self.store.set(KEY_REGIONS, &views.write())?;
        Ok(views)
    }

    /// Every list of views set aside, oldest key first: its key and its text.
    pub fn views_aside(&mut self) -> Vec<(String, String)> {
        let mut found: Vec<(String, String)> = Vec::new();
        for key in self.keys() {
            if key.starts_with(VIEWS_ASIDE) {
                if let Some(text) = self.text(&key) {
                    found.push((key, text));
                }
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0));
        found
    }

    /// Deletes a list of views set aside, at the user's request.
    pub fn delete_views_aside(&mut self, key: &str) -> bool {
        key.starts_with(VIEWS_ASIDE) && self.store.remove(key).is_ok()
    }
}

#[cfg(test)]
mod tests;
