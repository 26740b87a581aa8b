//! Targets: a value to reach by a date, absolute or written relative to the baseline.

use crate::model::date::PlanDate;
use crate::model::measurement::Value;
use serde::{Deserialize, Serialize};

/// How a target is written. A relative target must say which kind of relative it is:
/// « augmenter de 15 % » of a 60 % rate is 69 %, « +15 points » is 75 %.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum TargetValue {
    Absolute(Value),
    /// A change relative to the baseline, in percent of it (`15.0` is « +15 % »).
    RelativePercent(f64),
    /// A change in percentage points (`15.0` is « +15 points »).
    PercentagePoints(f64),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub date: PlanDate,
    pub value: TargetValue,
}

impl Target {
    /// The target as a number, resolving a relative target against the baseline.
    /// `None` when the target is not numeric or needs a baseline that is missing.
    pub fn resolve(&self, baseline: Option<f64>) -> Option<f64> {
        match &self.value {
            TargetValue::Absolute(v) => v.as_number(),
            TargetValue::RelativePercent(p) => baseline.map(|b| b * (1.0 + p / 100.0)),
            TargetValue::PercentagePoints(p) => baseline.map(|b| b + p),
        }
    }
}
