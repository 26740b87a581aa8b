//! A plan linked to its file: the file is the plan's home, the browser's storage its
//! cache. Every change is written to the file soon after it is saved in the browser,
//! and only over the version of the file this page last read or wrote, so that what a
//! colleague or another computer wrote there is merged, never written over.
//!
//! The protocol is a sequence of steps (`Sync`): it asks for the file's stamp, for its
//! text when the stamp moved, and for a write when the file still holds what this page
//! knows. The text to write is made only once the file is found to take it, and the
//! stamp is looked at again just before writing, so that a large plan's text is never
//! made for a file a colleague has changed, nor written over one they changed while
//! it was being made. The page answers each step from the browser's file API, asynchronously; the
//! tests answer from a file in memory that can fail or be changed by another writer.
//! One protocol, whoever answers.

use crate::format::LoadError;
use crate::model::id::Id;
use crate::model::plan::Plan;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What tells one version of a file from the next without reading it: its date of
/// last change, in milliseconds, and its size in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Stamp {
    pub modified: f64,
    pub size: u64,
}

/// The version of the file this page last read or wrote: its stamp, and the digest of
/// its text (`format::digest`), which decides when the stamp moved but not the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Synced {
    pub stamp: Stamp,
    pub digest: String,
}

/// A plan's link to its file, as kept beside the plan (`Session::link`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// The file's name, as its folder shows it (« PEVR-2023-2027.json »).
    pub file: String,
    /// What the file held when this page last read or wrote it; `None` before the first
    /// write of a file just chosen to save into.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synced: Option<Synced>,
    /// When the plan was last written to the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written: Option<DateTime<Utc>>,
    /// « Ordinateur partagé »: nothing of the plan stays in this browser once the page
    /// closes; its file is the only copy.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shared_computer: bool,
}

/// Why the file could not be read or written, from the name of the browser's error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFailure {
    /// The user closed the file picker.
    Cancelled,
    /// The browser has no way to link a file (Firefox, Safari).
    Unavailable,
    /// The user, or the browser, withdrew the permission to write.
    Denied,
    /// The browser refuses this folder (a system folder, a Documents folder redirected to
    /// the network) or the organisation's policy forbids writing files.
    Forbidden,
    /// The file was moved or deleted.
    Gone,
    /// Another program holds the file, or it changed during the write.
    Locked,
    /// No room left on the disk.
    Full,
    Other,
}

impl FileFailure {
    /// The failure a `DOMException` of this name stands for.
    pub fn from_name(name: &str) -> FileFailure {
        match name {
            "AbortError" => FileFailure::Cancelled,
            "NotAllowedError" => FileFailure::Denied,
            "SecurityError" | "TypeMismatchError" => FileFailure::Forbidden,
            "NotFoundError" => FileFailure::Gone,
            "NoModificationAllowedError" | "InvalidStateError" | "InvalidModificationError" => FileFailure::Locked,
            "QuotaExceededError" => FileFailure::Full,
            _ => FileFailure::Other,
        }
    }

    /// Whether trying again later may succeed by itself.
    pub fn passing(self) -> bool {
        matches!(self, FileFailure::Locked | FileFailure::Full | FileFailure::Other)
    }
}

/// Why the file holds something this page must not write over without asking.
#[derive(Debug, Clone, PartialEq)]
pub enum NotThisPlan {
    /// Not a plan any more (another document saved under its name, a damaged copy).
    NotAPlan(LoadError),
    /// Another plan, of this title.
    OtherPlan { title: String },
    /// This plan, written by a newer version of Jalon.
    Newer,
}

/// How a step of the protocol ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The text was written; the file now holds `synced`.
    Written(Synced),
    /// The file already held this very text (or, for a check, had not changed).
    Unchanged(Synced),
    /// Someone else wrote this plan to the file: nothing was written. Their version is
    /// to be merged with this page's (`share::whole`), then written.
    Theirs {
        plan: Box<Plan>,
        synced: Synced,
    },
    /// The file holds what is not this plan: nothing was written.
    NotThisPlan(NotThisPlan, Synced),
    Failed(FileFailure),
}

/// What the protocol asks of the file next.
#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    Stamp,
    Text,
    /// Load the text just read as a plan (`format::load`, or a slice at a time with
    /// `format::Reading`) and hand it to `loaded`.
    Load,
    /// Make the plan's file text (`format::save`), then say so (`prepared`): the file
    /// takes it, as far as its stamp tells.
    Prepare,
    /// Write the text made whole, atomically: a failed write leaves the previous file.
    Write,
    Done(Outcome),
}

/// One visit to the file: to check it (`writing` `None`), or to write the plan's file text.
pub struct Sync {
    plan: Id,
    synced: Option<Synced>,
    /// The digest (`format::digest`) of the text to write, which the page knows already
    /// from its save: a large plan's text is neither digested again nor made before
    /// it is asked for (`Ask::Write`).
    writing: Option<String>,
    /// Whether the text to write is made (`Ask::Prepare`).
    prepared: bool,
    /// The file's version, read and waiting to be loaded (`Ask::Load`).
    found: Option<Synced>,
}

impl Sync {
    /// Checks the file of the plan `plan`, known to hold `synced`.
    pub fn check(plan: &Id, synced: Option<Synced>) -> (Sync, Ask) {
        (Sync { plan: plan.clone(), synced, writing: None, prepared: false, found: None }, Ask::Stamp)
    }

    /// Writes the plan's file text, whose digest is `digest`, over the version `synced`.
    pub fn write(plan: &Id, synced: Option<Synced>, digest: String) -> (Sync, Ask) {
        (Sync { plan: plan.clone(), synced, writing: Some(digest), prepared: false, found: None }, Ask::Stamp)
    }

    /// The file's stamp: unchanged since this page knew it, the text is written at
    /// once; otherwise the file is read first.
    pub fn stamp(&mut self, stamp: Stamp) -> Ask {
        match &self.synced {
            Some(synced) if synced.stamp == stamp => self.write_or(Outcome::Unchanged(synced.clone())),
            // An empty file is what a save picker creates: nothing to lose in it.
            None if stamp.size == 0 => self.write_or(Outcome::Unchanged(Synced { stamp, digest: String::new() })),
            _ => Ask::Text,
        }
    }

    /// The stamp and digest of the file's text, read because the stamp moved: still the
    /// version this page knows, or what it was about to write; otherwise the text is
    /// to be loaded (`Ask::Load`).
    pub fn read(&mut self, stamp: Stamp, digest: String) -> Ask {
        let now = Synced { stamp, digest };
        if self.synced.as_ref().is_some_and(|s| s.digest == now.digest) {
            // Touched, or written back the same: still the version this page knows.
            self.synced = Some(now.clone());
            return self.write_or(Outcome::Unchanged(now));
        }
        if self.writing.as_ref().is_some_and(|digest| *digest == now.digest) {
            // Someone wrote exactly what this page was about to write.
            return Ask::Done(Outcome::Unchanged(now));
        }
        self.found = Some(now);
        Ask::Load
    }

    /// The file `read` asked to load, its bytes as loaded.
    pub fn loaded(&mut self, bytes: &[u8], loaded: Result<Plan, LoadError>) -> Ask {
        // Nothing read to load: read the file again.
        let Some(now) = self.found.take() else { return Ask::Text };
        match loaded {
            Ok(plan) if plan.id == self.plan => Ask::Done(Outcome::Theirs { plan: Box::new(plan), synced: now }),
            Ok(plan) => Ask::Done(Outcome::NotThisPlan(NotThisPlan::OtherPlan { title: plan.title }, now)),
            Err(LoadError::NewerVersion { .. }) => Ask::Done(Outcome::NotThisPlan(NotThisPlan::Newer, now)),
            // A file just chosen that held nothing of Jalon's is the user's to replace:
            // the save picker asked before. Known to hold this plan, it is not.
            Err(_) if self.synced.is_none() && std::str::from_utf8(bytes).is_ok_and(|t| t.trim().is_empty()) => {
                self.write_or(Outcome::Unchanged(now))
            }
            Err(error) => Ask::Done(Outcome::NotThisPlan(NotThisPlan::NotAPlan(error), now)),
        }
    }

    /// The text to write is made: the stamp is looked at again, since making a large
    /// plan's text takes long enough for someone else to write meanwhile.
    pub fn prepared(&mut self) -> Ask {
        self.prepared = true;
        Ask::Stamp
    }

    /// The write is done; the file's stamp after it.
    pub fn written(&mut self, stamp: Stamp) -> Ask {
        let digest = self.writing.clone().unwrap_or_default();
        Ask::Done(Outcome::Written(Synced { stamp, digest }))
    }

    /// A step failed.
    pub fn failed(&mut self, failure: FileFailure) -> Ask {
        Ask::Done(Outcome::Failed(failure))
    }

    fn write_or(&mut self, unchanged: Outcome) -> Ask {
        let Outcome::Unchanged(found) = &unchanged else { return Ask::Done(unchanged) };
        match &self.writing {
            Some(digest) if *digest != found.digest => {
                if self.prepared {
                    Ask::Write
                } else {
                    Ask::Prepare
                }
            }
            _ => Ask::Done(unchanged),
        }
    }
}

/// The name a synchronisation service gives a copy it made when two computers wrote the
/// same file at once (« PEVR-2023-2027-PORTABLE-12.json », « PEVR-2023-2027 (1).json »,
/// « PEVR-2023-2027 - Copie.json »): the name of the file it is a copy of, if `name`
/// is one.
pub fn copy_of(name: &str) -> Option<String> {
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    let dotted = |stem: &str| if extension.is_empty() { stem.to_owned() } else { format!("{stem}.{extension}") };
    // « (1) », « (2) »: the copy a folder or a download makes.
    if let Some(open) = stem.strip_suffix(')').and_then(|s| s.rfind(" (").map(|at| (at, s))) {
        let (at, inner) = open;
        if inner[at + 2..].chars().all(|c| c.is_ascii_digit()) && at + 2 < inner.len() {
            return Some(dotted(&stem[..at]));
        }
    }
    // « - Copie », « - Copy »: the copy the file manager makes.
    for suffix in [" - Copie", " - Copy", " - copie", " - copy"] {
        if let Some(original) = stem.strip_suffix(suffix) {
            return Some(dotted(original));
        }
    }
    // « -NOMDORDINATEUR-12 »: OneDrive's copy, the computer's name then a number.
    let (before, number) = stem.rsplit_once('-')?;
    let (original, computer) = before.rsplit_once('-')?;
    let computer_like = !computer.is_empty()
        && computer.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && computer.chars().any(|c| c.is_ascii_uppercase());
    let numbered = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit());
    (computer_like && numbered && !original.is_empty()).then(|| dotted(original))
}

#[cfg(test)]
mod tests;
