//! Checkpoints: the plan's dated reporting moments (bilans).

use crate::model::id::{Id, Meta};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    pub id: Id,
    /// « Bilan de mi-année ».
    pub label: String,
    pub date: NaiveDate,
    /// A closed checkpoint's values are locked until someone reopens it on purpose.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub closed: bool,
    #[serde(default)]
    pub meta: Meta,
}
