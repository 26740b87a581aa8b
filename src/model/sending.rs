//! What a plan keeps of its sharing between partners: each part sent with exactly what
//! was sent (the base of a three-way merge) and each return merged; a part carries
//! `PartOf`, which says where it comes from. How parts are made and merged is `share`'s.

use crate::model::action::Action;
use crate::model::id::Id;
use crate::model::indicator::Indicator;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One part sent: when, to whom, for which checkpoint, and the entities as they were
/// sent, so that a return is compared with what its recipient started from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sending {
    /// Also the id of the part's plan, which the return carries back.
    pub id: Id,
    pub at: DateTime<Utc>,
    /// The recipient as the coordinator chose it: a responsible unit, a carrier, a
    /// partner or an organisation of the plan.
    pub to: String,
    pub checkpoint: Id,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub returns: Vec<Return>,
}

impl Sending {
    /// The return merged from a file of this digest, if any (see `merge::return_digest`).
    pub fn merged(&self, digest: &str) -> Option<&Return> {
        self.returns.iter().find(|r| r.digest == digest)
    }

    /// The latest return merged.
    pub fn last_return(&self) -> Option<&Return> {
        self.returns.last()
    }
}

/// A return merged into the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Return {
    pub at: DateTime<Utc>,
    /// The returned file's name, as the coordinator opened it.
    pub file: String,
    /// Its content's digest: the same return opened again is recognised.
    pub digest: String,
    /// Fields taken from the return, conflicts included.
    pub changes: usize,
    /// Fields changed on both sides, each resolved by the coordinator.
    pub conflicts: usize,
    /// New actions proposed, and how many were accepted.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub proposed: usize,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub accepted: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// What makes a plan a part: where it comes from and what its recipient was sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartOf {
    /// The whole plan's id.
    pub plan: Id,
    /// The sending's id (also this part's own id).
    pub sending: Id,
    pub at: DateTime<Utc>,
    /// Who sent it: the whole plan's organisations, as named there.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from: String,
    pub to: String,
    pub checkpoint: Id,
    /// The actions sent; any other action of the part is one its recipient proposes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Id>,
}
