//! Where the members of a regional plan came from: the plan each was, and the ids it
//! renamed. A regional plan keeps them (`Plan::sources`) so that it says what it holds.

use crate::model::id::Id;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One member plan of a regional plan, as it was when the region was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub plan: Id,
    pub title: String,
    /// The organisation, in the regional plan, that the member's entities name as their
    /// origin: its own when it lists one, else one made under the name the view gives
    /// the member (`Names::of`).
    pub organisation: Id,
    /// When the member was last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved: Option<DateTime<Utc>>,
    /// The member's ids that another member already used, each with the id it has in
    /// the regional plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renamed: Vec<Renamed>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Renamed {
    pub from: Id,
    pub to: Id,
}
