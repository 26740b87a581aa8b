//! Indicators: what an objective measures, per segment, from a baseline to its targets.

use crate::model::date::{PlanDate, YearEnd};
use crate::model::id::{Id, Meta};
use crate::model::measurement::{Measurement, Observation};
use crate::model::target::Target;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    /// A rate between 0 and 100 (« 79,7 % »).
    Percentage,
    /// A number of things (« 187 enseignants »).
    Count,
    /// « 4 référentiels sur 4 »: values are the numerator, `Indicator::out_of` the whole.
    Ratio,
    /// An amount in dollars; values are cents.
    Dollars,
    /// Done or not done.
    Milestone,
    /// Assessed in words; its status is the one stated with the latest measurement.
    Qualitative,
}

impl IndicatorKind {
    pub const ALL: [IndicatorKind; 6] = [
        IndicatorKind::Percentage,
        IndicatorKind::Count,
        IndicatorKind::Ratio,
        IndicatorKind::Dollars,
        IndicatorKind::Milestone,
        IndicatorKind::Qualitative,
    ];

    /// Whether progress is computed from numbers (as opposed to done/not done or words).
    pub fn is_numeric(self) -> bool {
        !matches!(self, IndicatorKind::Milestone | IndicatorKind::Qualitative)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Increase,
    Decrease,
    /// Hold at least the target (« maintenir un taux de 85 % »).
    Maintain,
}

/// One population an indicator follows separately (primaire, secondaire, garçons,
/// HDAA…). An indicator without segments has exactly one, with an empty label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    pub id: Id,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Observation>,
    /// Sorted by date; the last one is the final target, the others intermediate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measurements: Vec<Measurement>,
}

/// Adds `item` to a segment's targets or measurements, the list kept in date order.
pub fn add_dated<T>(list: &mut Vec<T>, item: T, date: fn(&T) -> PlanDate, year: YearEnd) {
    list.push(item);
    list.sort_by_key(|x| date(x).order(year));
}

/// Targets and measurements are kept in date order as the plan reads its dates
/// (`YearEnd`): each method that sorts, or picks the latest, takes the plan's.
impl Segment {
    /// Puts `measurement` as the one taken at `date` (`None` removes it), the list kept
    /// in date order.
    pub fn set_measurement(&mut self, date: PlanDate, measurement: Option<Measurement>, year: YearEnd) {
        let existing = self.measurements.iter().position(|m| m.date == date);
        match (measurement, existing) {
            (Some(measurement), Some(index)) => self.measurements[index] = measurement,
            (Some(measurement), None) => add_dated(&mut self.measurements, measurement, |m| m.date, year),
            (None, Some(index)) => {
                self.measurements.remove(index);
            }
            (None, None) => {}
        }
    }

    /// Adds a target, the list kept in date order.
    pub fn add_target(&mut self, target: Target, year: YearEnd) {
        add_dated(&mut self.targets, target, |t| t.date, year);
    }

    /// Adds a measurement, the list kept in date order.
    pub fn add_measurement(&mut self, measurement: Measurement, year: YearEnd) {
        add_dated(&mut self.measurements, measurement, |m| m.date, year);
    }

    /// Whether a target dated `date`, of an indicator of `kind`, comes before the
    /// baseline, the path to it then running backwards: the checks say so of a plan's
    /// targets, and a target typed so is refused. Milestones and words have no path.
    pub fn before_baseline(&self, kind: IndicatorKind, date: PlanDate, year: YearEnd) -> bool {
        let baseline = self.baseline.as_ref().filter(|_| kind.is_numeric());
        baseline.is_some_and(|b| date.end(year) < b.date.end(year))
    }

    /// The first target that `baseline` would leave before it, of those that the current
    /// baseline does not: a baseline typed so is refused, while one read from a file
    /// with a target before it can still have its value corrected.
    pub fn put_before(&self, kind: IndicatorKind, baseline: &Observation, year: YearEnd) -> Option<&Target> {
        let after = Segment { baseline: Some(baseline.clone()), ..self.clone() };
        self.targets
            .iter()
            .find(|t| after.before_baseline(kind, t.date, year) && !self.before_baseline(kind, t.date, year))
    }

    /// The latest target: the final one, the others intermediate.
    pub fn final_target(&self, year: YearEnd) -> Option<&Target> {
        self.targets.iter().max_by_key(|t| t.date.order(year))
    }

    /// The latest measurement known on `date` (`PlanDate::known_by`).
    pub fn latest_measurement(&self, date: chrono::NaiveDate, year: YearEnd) -> Option<&Measurement> {
        self.measurements.iter().filter(|m| m.date.known_by(date, year)).max_by_key(|m| m.date.order(year))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: Id,
    /// The objective-level element this indicator belongs to.
    pub objective: Id,
    pub label: String,
    pub kind: IndicatorKind,
    pub direction: Direction,
    /// For a ratio: the whole (« sur 4 »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of: Option<f64>,
    pub segments: Vec<Segment>,
    /// Where the figures come from: Power BI, Mozaïk, Lumix, a survey…
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default)]
    pub meta: Meta,
}
