//! Elements of the plan's tree: enjeux, orientations, objectifs, axes, thèmes…
//!
//! The tree is kept flat, in display order, each element naming its parent: files
//! stay readable and diffable, and moving an element changes one field.

use crate::model::date::PlanDate;
use crate::model::id::{Id, Meta};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Element {
    pub id: Id,
    /// Index into `Plan::levels`; in a file, 0 to `format::MAX_LEVEL` on every platform.
    #[serde(deserialize_with = "crate::model::bounded::level")]
    pub level: usize,
    /// `None` only at the top level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    /// A code typed by the user (« 1.2 », « A »); when absent the code is computed from
    /// the element's position (see `Plan::code_of`). Typed empty, the element has no code
    /// (a section such as « Coordination », named by its title alone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Objectives only: « D'ici juin 2027 ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<PlanDate>,
    /// Objectives only: the SMART statement.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub smart: String,
    #[serde(default)]
    pub meta: Meta,
}

impl Element {
    /// Typed without a code: not numbered, and not counted when its siblings are.
    pub fn unnumbered(&self) -> bool {
        self.code.as_deref().is_some_and(|c| c.trim().is_empty())
    }

    pub fn new(id: &str, level: usize, parent: Option<&str>, title: &str) -> Element {
        Element {
            id: Id::new(id),
            level,
            parent: parent.map(Id::new),
            code: None,
            title: title.into(),
            description: String::new(),
            deadline: None,
            smart: String::new(),
            meta: Meta::default(),
        }
    }
}
