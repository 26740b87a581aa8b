//! Status of indicators, objectives and the whole plan, always as of a given date.

use serde::{Deserialize, Serialize};

/// Ordered from best to worst; « not measured » sorts last but never counts as worse
/// than a measured status in a worst-of roll-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Reached,
    OnTrack,
    ToWatch,
    Late,
    NotMeasured,
}

impl Status {
    pub const ALL: [Status; 5] =
        [Status::Reached, Status::OnTrack, Status::ToWatch, Status::Late, Status::NotMeasured];
}
