//! Values of an indicator: its baseline and its dated measurements.

use crate::date::PlanDate;
use crate::money::Cents;
use crate::status::Status;
use serde::{Deserialize, Serialize};

/// A value as the indicator's kind holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    /// A percentage (`79.7`), a count, or a ratio's numerator.
    Number(f64),
    Money(Cents),
    /// A milestone: done or not.
    Done(bool),
    /// A qualitative assessment in words.
    Text(String),
}

impl Value {
    /// The value on a number line, for progress: money in dollars, done as 1.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            Value::Money(c) => Some(c.0 as f64 / 100.0),
            Value::Done(done) => Some(if *done { 1.0 } else { 0.0 }),
            Value::Text(_) => None,
        }
    }
}

/// A value at a date: a baseline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    pub date: PlanDate,
    pub value: Value,
}

/// A dated measurement of one segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    pub date: PlanDate,
    pub value: Value,
    /// For a qualitative indicator, the status its author states with the words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Status>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}
