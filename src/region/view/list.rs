//! The list of views as local storage keeps it, read view by view. Every page opened
//! from a file shares that storage: the list may hold a view a later page wrote, with a
//! field this page does not know, or text that no page can read. One view that cannot
//! be read never hides the others, a later page's view is kept as it was written, and
//! what could not be read is said (`Damage`) so that the text is set aside whole before
//! the list is written again.

use super::{Edit, View};
use crate::model::id::Id;
use crate::storage::Whole;
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::value::RawValue;

/// The list as read, in its order.
#[derive(Debug, Clone, PartialEq)]
pub struct Views {
    pub entries: Vec<Entry>,
    /// What could not be read; `None` when every entry was.
    pub damage: Option<Damage>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    View(View),
    /// A view holding fields this page does not know: a later page's, written back as
    /// it came, never replaced by this page.
    Later(Later),
}

/// A later page's view: what this page can say of it, and its text as stored.
#[derive(Debug, Clone)]
pub struct Later {
    pub id: Id,
    pub name: String,
    /// How many plans it follows.
    pub plans: usize,
    text: Box<RawValue>,
}

impl PartialEq for Later {
    fn eq(&self, other: &Later) -> bool {
        self.text.get() == other.text.get()
    }
}

/// What the list held that is not a view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// The text is not a list at all (not JSON, or JSON of another shape).
    NotAList { chars: usize },
    /// These entries, counted from 1, are not views; `of` entries in all.
    Entries { unread: Vec<usize>, of: usize },
}

/// A change of the list, as the screens ask for it (`Views::apply`): applied to the list
/// as storage holds it when it is written.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Writes the view in place of the view of its id, or adds it.
    Put(View),
    /// Deletes a view (a later page's too, at the user's request); its plans stay.
    Delete(Id),
    /// Changes the view of this id.
    Edit(Id, Edit),
}

impl Whole for Views {
    fn read(text: Option<&str>) -> Views {
        read(text)
    }

    fn damaged(&self) -> bool {
        self.damage.is_some()
    }

    fn write(&self) -> String {
        Views::write(self)
    }
}

/// A list of views set aside: its key, and what in it could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewsAside {
    pub key: String,
    pub damage: Damage,
    /// Its length, in characters.
    pub chars: usize,
}

/// The lists set aside, as `storage::Session::views_aside` gives their keys and texts.
pub fn aside(found: Vec<(String, String)>) -> Vec<ViewsAside> {
    found
        .into_iter()
        .map(|(key, text)| {
            let chars = text.chars().count();
            let damage = read(Some(&text)).damage.unwrap_or(Damage::NotAList { chars });
            ViewsAside { key, damage, chars }
        })
        .collect()
}

/// A view's name and size, read past fields unknown to this page.
#[derive(Deserialize)]
struct Header {
    id: Id,
    name: String,
    #[serde(default)]
    plans: Vec<IgnoredAny>,
}

impl Entry {
    pub fn id(&self) -> &Id {
        match self {
            Entry::View(view) => &view.id,
            Entry::Later(later) => &later.id,
        }
    }
}

/// The list stored as `text`, read entry by entry; nothing stored reads as no view.
pub fn read(text: Option<&str>) -> Views {
    let Some(text) = text else { return Views { entries: Vec::new(), damage: None } };
    let Ok(raw) = serde_json::from_str::<Vec<&RawValue>>(text) else {
        return Views { entries: Vec::new(), damage: Some(Damage::NotAList { chars: text.chars().count() }) };
    };
    let mut entries = Vec::new();
    let mut unread = Vec::new();
    for (index, entry) in raw.iter().enumerate() {
        match read_entry(entry) {
            Some(entry) => entries.push(entry),
            None => unread.push(index + 1),
        }
    }
    let damage = (!unread.is_empty()).then_some(Damage::Entries { unread, of: raw.len() });
    Views { entries, damage }
}

/// A view; a later page's when the only trouble is a field this page does not know.
fn read_entry(raw: &RawValue) -> Option<Entry> {
    let error = match serde_json::from_str::<View>(raw.get()) {
        Ok(view) => return Some(Entry::View(view)),
        Err(error) => error,
    };
    if !error.to_string().starts_with("unknown field ") {
        return None;
    }
    let header: Header = serde_json::from_str(raw.get()).ok()?;
    Some(Entry::Later(Later { id: header.id, name: header.name, plans: header.plans.len(), text: raw.to_owned() }))
}

impl Views {
    /// The views this page reads.
    pub fn views(&self) -> impl Iterator<Item = &View> {
        self.entries.iter().filter_map(|entry| match entry {
            Entry::View(view) => Some(view),
            Entry::Later(_) => None,
        })
    }

    pub fn view(&self, id: &Id) -> Option<&View> {
        self.views().find(|view| &view.id == id)
    }

    /// Puts `view` in place of the view of its id, or adds it. A later page's view of
    /// that id is never replaced: `false`, nothing changed.
    pub fn put(&mut self, view: View) -> bool {
        match self.entries.iter_mut().find(|entry| entry.id() == &view.id) {
            Some(Entry::Later(_)) => return false,
            Some(entry) => *entry = Entry::View(view),
            None => self.entries.push(Entry::View(view)),
        }
        true
    }

    /// Removes the view of this id, a later page's too (the user asked for it).
    pub fn remove(&mut self, id: &Id) {
        self.entries.retain(|entry| entry.id() != id);
    }

    /// Makes the change asked for; `false` when it does not apply (a later page's view
    /// is never replaced nor edited; an edit of a view no longer here is dropped).
    pub fn apply(&mut self, change: &Change) -> bool {
        match change {
            Change::Put(view) => self.put(view.clone()),
            Change::Delete(id) => {
                self.remove(id);
                true
            }
            Change::Edit(id, edit) => match self.entries.iter_mut().find(|entry| entry.id() == id) {
                Some(Entry::View(view)) => {
                    view.apply(edit);
                    true
                }
                _ => false,
            },
        }
    }

    /// The list as stored: each view this page reads as it writes views, each later
    /// page's view exactly as it came. What `damage` names is not in it: the text it
    /// came in is to be set aside first.
    pub fn write(&self) -> String {
        let written: Vec<String> = self
            .entries
            .iter()
            .map(|entry| match entry {
                Entry::View(view) => {
                    serde_json::to_string(view).expect("a view always serializes: string keys, no float")
                }
                Entry::Later(later) => later.text.get().to_owned(),
            })
            .collect();
        format!("[{}]", written.join(","))
    }
}

#[cfg(test)]
mod tests;
