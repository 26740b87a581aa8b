//! Values of an indicator: its baseline and its dated measurements.

use crate::model::date::PlanDate;
use crate::model::money::Cents;
use serde::{Deserialize, Deserializer, Serialize};

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
    /// For a qualitative indicator, how its author judges the words.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "stated")]
    pub assessment: Option<Assessment>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Measurement {
    /// A measurement of a value at a date, with no assessment and no note.
    pub fn new(date: PlanDate, value: Value) -> Self {
        Measurement { date, value, assessment: None, note: String::new() }
    }
}

/// How the author of a qualitative measurement judges it: a measured status, never
/// « not measured », since it is a measurement. Written in files with the words of the
/// status it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Assessment {
    Reached,
    OnTrack,
    ToWatch,
    Late,
}

impl Assessment {
    pub const ALL: [Assessment; 4] = [Assessment::Reached, Assessment::OnTrack, Assessment::ToWatch, Assessment::Late];
}

/// An assessment as version 1 files may write it: also « not_measured », which the
/// page never wrote and which says no more than no assessment, read as none.
fn stated<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Assessment>, D::Error> {
    #[derive(Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Stated {
        Reached,
        OnTrack,
        ToWatch,
        Late,
        NotMeasured,
    }
    Ok(Option::<Stated>::deserialize(deserializer)?.and_then(|stated| match stated {
        Stated::Reached => Some(Assessment::Reached),
        Stated::OnTrack => Some(Assessment::OnTrack),
        Stated::ToWatch => Some(Assessment::ToWatch),
        Stated::Late => Some(Assessment::Late),
        Stated::NotMeasured => None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(assessment: &str) -> Option<Assessment> {
        let json = format!(r#"{{"date": "2025-06", "value": {{"text": "Bien amorcé"}}, "assessment": {assessment}}}"#);
        serde_json::from_str::<Measurement>(&json).map(|m| m.assessment).unwrap_or_else(|e| panic!("{json}: {e}"))
    }

    #[test]
    fn an_assessment_is_written_with_its_statuss_words_and_not_measured_reads_as_none() {
        assert_eq!(read(r#""to_watch""#), Some(Assessment::ToWatch));
        assert_eq!(read(r#""not_measured""#), None);
        assert_eq!(read("null"), None);
        let measured = Measurement {
            date: PlanDate::Year(2025),
            value: Value::Text("Bien amorcé".into()),
            assessment: Some(Assessment::OnTrack),
            note: String::new(),
        };
        assert!(serde_json::to_string(&measured).unwrap().contains(r#""assessment":"on_track""#));
        let json = r#"{"date": "2025-06", "value": {"text": "x"}, "assessment": "unknown"}"#;
        assert!(serde_json::from_str::<Measurement>(json).is_err());
    }
}
