//! Progress and status of indicators, always as of a given date.
//!
//! The rules, decided once and tested below:
//! - **Progress** of an increase is `(current − baseline) / (target − baseline)`, of a
//!   decrease the mirror; above 1 when the target is exceeded. A target equal to the
//!   baseline asks to hold the baseline: progress is 1 when held, 0 otherwise.
//! - **Maintain** means « hold at least the target »: progress is `current / target`;
//!   held is on track, and reached once the target's date has passed; below the
//!   target it is to watch down to the « to watch » share of it, late below.
//! - **Expected progress** at a date runs linearly from the baseline's date (0) to the
//!   final target's date (1), through the intermediate targets when there are any.
//!   A measurement is judged against the path at its own date.
//! - **Status**: reached when progress ≥ 1; otherwise the ratio of progress to expected
//!   progress against the plan's thresholds (on track ≥ 95 %, to watch ≥ 85 %, late
//!   below, by default). Nothing expected yet is on track.
//! - **Not measured**: no measurement on or before the date, no baseline to measure
//!   from, or a measurement too old for the date (`Window`): older than the months the
//!   plan sets (`Settings::measurement_months`); without that setting, taken before the
//!   previous checkpoint (`Plan::checkpoint_before` the latest one on or before the
//!   date), or, in a plan with fewer than two checkpoints, more than a year before the
//!   date. A report shows only what was measured since the last report but one; the
//!   segment keeps the measurement that no longer counts (`SegmentProgress::too_old`),
//!   so that its status says « mesure trop ancienne » with its month, and its value is
//!   still shown.
//! - **Milestones**: done is reached; not done is on track until the target's date,
//!   late after. **Qualitative** indicators take the status stated with their latest
//!   measurement.
//! - **Segments** are judged each on its own; the indicator takes the worst status among
//!   its measured segments, and its progress is their mean.

use crate::model::date::{PlanDate, YearEnd};
use crate::model::id::Id;
use crate::model::indicator::{Direction, Indicator, IndicatorKind, Segment};
use crate::model::measurement::{Assessment, Measurement};
use crate::model::plan::{Plan, Settings};
use chrono::NaiveDate;
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
    pub const ALL: [Status; 5] = [Status::Reached, Status::OnTrack, Status::ToWatch, Status::Late, Status::NotMeasured];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The status of a progress ratio (progress over expected progress).
    pub fn of_ratio(ratio: f64, settings: &Settings) -> Status {
        if ratio >= settings.on_track {
            Status::OnTrack
        } else if ratio >= settings.to_watch {
            Status::ToWatch
        } else {
            Status::Late
        }
    }
}

/// A qualitative measurement counts with the status its author states.
impl From<Assessment> for Status {
    fn from(assessment: Assessment) -> Status {
        match assessment {
            Assessment::Reached => Status::Reached,
            Assessment::OnTrack => Status::OnTrack,
            Assessment::ToWatch => Status::ToWatch,
            Assessment::Late => Status::Late,
        }
    }
}

/// One segment of an indicator as of a date.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentProgress {
    pub segment: Id,
    pub baseline: Option<f64>,
    /// The final target, resolved against the baseline when written relative to it.
    pub target: Option<f64>,
    /// The measurement the status is judged on, if it counts at that date.
    pub current: Option<f64>,
    pub measured_on: Option<PlanDate>,
    /// The latest measurement on or before the date when it is too old to count (the
    /// status is then « not measured »).
    pub too_old: Option<Measurement>,
    /// Share of the way from baseline to target (1 = reached); `None` when not measured.
    pub progress: Option<f64>,
    /// Share of the way expected at the measurement's date.
    pub expected: Option<f64>,
    pub status: Status,
}

/// An indicator as of a date: its segments and their combination.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorProgress {
    pub indicator: Id,
    pub segments: Vec<SegmentProgress>,
    /// Mean progress of the measured segments.
    pub progress: Option<f64>,
    pub status: Status,
    /// In 0..=1, for weighted roll-ups; `None` when not measured.
    pub score: Option<f64>,
}

/// The window of measurements that count at a date: on or before `as_of`, and not
/// before `not_before` (the previous checkpoint), their dates read as the plan reads
/// them (`year`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub as_of: NaiveDate,
    pub not_before: Option<NaiveDate>,
    pub year: YearEnd,
}

impl Window {
    /// The window of a report as of `as_of`: measurements of the plan's last months
    /// (`Settings::measurement_months`); without that setting, since the checkpoint
    /// before the latest one on or before it, or in a plan with fewer than two
    /// checkpoints, since one year before `as_of`.
    pub fn new(plan: &Plan, as_of: NaiveDate) -> Window {
        let months = |n: u16| as_of.checked_sub_months(chrono::Months::new(n.into()));
        let not_before = match plan.settings.measurement_months {
            Some(n) => months(n),
            None if plan.checkpoints.len() < 2 => months(12),
            None => plan.checkpoint_at(as_of).and_then(|current| plan.checkpoint_before(&current.id)).map(|c| c.date),
        };
        Window { as_of, not_before, year: plan.year_end() }
    }

    /// Whether a measurement dated `date` counts in this window (taken on or before
    /// `as_of` is the caller's business).
    pub fn counts(&self, date: PlanDate) -> bool {
        self.not_before.is_none_or(|limit| date.end(self.year) >= limit)
    }

    /// The latest measurement on or before `as_of`, whether it counts or not.
    pub fn latest_taken<'a>(&self, segment: &'a Segment) -> Option<&'a Measurement> {
        segment.latest_measurement(self.as_of, self.year)
    }

    fn latest<'a>(&self, segment: &'a Segment) -> Option<&'a Measurement> {
        self.latest_taken(segment).filter(|m| self.counts(m.date))
    }
}

/// Whether some segment of `indicators` (of `plan`) has its latest measurement on or
/// before `as_of` too old to count there: the screens that show it then say the rule.
pub fn sets_aside<'a>(plan: &Plan, indicators: impl IntoIterator<Item = &'a Indicator>, as_of: NaiveDate) -> bool {
    let window = Window::new(plan, as_of);
    let old = |s: &Segment| window.latest_taken(s).is_some_and(|m| !window.counts(m.date));
    indicators.into_iter().flat_map(|i| &i.segments).any(old)
}

pub fn indicator_progress(indicator: &Indicator, window: Window, settings: &Settings) -> IndicatorProgress {
    let segments: Vec<SegmentProgress> =
        indicator.segments.iter().map(|s| segment_progress(indicator, s, window, settings)).collect();
    let measured: Vec<&SegmentProgress> = segments.iter().filter(|s| s.status != Status::NotMeasured).collect();
    let status = measured.iter().map(|s| s.status).max().unwrap_or(Status::NotMeasured);
    let progresses: Vec<f64> = measured.iter().filter_map(|s| s.progress).collect();
    let progress = (!progresses.is_empty()).then(|| progresses.iter().sum::<f64>() / progresses.len() as f64);
    let scores: Vec<f64> = measured.iter().map(|s| score(s, settings)).collect();
    let score = (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);
    IndicatorProgress { indicator: indicator.id.clone(), segments, progress, status, score }
}

/// A segment's standing in 0..=1: 1 when reached or on its path, the ratio of its
/// progress to the expected progress otherwise.
fn score(segment: &SegmentProgress, settings: &Settings) -> f64 {
    match segment.status {
        Status::Reached => 1.0,
        Status::NotMeasured => 0.0,
        status => match (segment.progress, segment.expected) {
            (Some(p), Some(e)) if e > 0.0 => (p / e).clamp(0.0, 1.0),
            _ => match status {
                Status::OnTrack => 1.0,
                Status::ToWatch => settings.to_watch,
                _ => 0.0,
            },
        },
    }
}

fn segment_progress(indicator: &Indicator, segment: &Segment, window: Window, settings: &Settings) -> SegmentProgress {
    let baseline = segment.baseline.as_ref().and_then(|b| b.value.as_number());
    let final_target = segment.final_target(window.year);
    let target = final_target.and_then(|t| t.resolve(baseline));
    let measurement = window.latest(segment);
    let mut result = SegmentProgress {
        segment: segment.id.clone(),
        baseline,
        target,
        current: measurement.and_then(|m| m.value.as_number()),
        measured_on: measurement.map(|m| m.date),
        too_old: window.latest_taken(segment).filter(|m| !window.counts(m.date)).cloned(),
        progress: None,
        expected: None,
        status: Status::NotMeasured,
    };
    let Some(measurement) = measurement else { return result };
    match indicator.kind {
        IndicatorKind::Qualitative => {
            result.status = measurement.assessment.map_or(Status::NotMeasured, Status::from);
        }
        IndicatorKind::Milestone => {
            let done = measurement.value.as_number().is_some_and(|v| v >= 1.0);
            let due = final_target.map(|t| t.date.end(window.year));
            result.progress = Some(if done { 1.0 } else { 0.0 });
            result.status = match (done, due) {
                (true, _) => Status::Reached,
                (false, Some(due)) if window.as_of > due => Status::Late,
                (false, _) => Status::OnTrack,
            };
        }
        _ => {
            let (Some(current), Some(target)) = (result.current, target) else { return result };
            if indicator.direction == Direction::Maintain {
                let held = current >= target;
                result.progress = Some(if target > 0.0 {
                    current / target
                } else if held {
                    1.0
                } else {
                    0.0
                });
                let past_due = final_target.is_some_and(|t| window.as_of >= t.date.end(window.year));
                result.status = match (held, past_due) {
                    (true, true) => Status::Reached,
                    (true, false) => Status::OnTrack,
                    (false, _) => Status::of_ratio(result.progress.unwrap_or(0.0), settings).max(Status::ToWatch),
                };
                return result;
            }
            let Some(base) = baseline else {
                // Without a baseline there is no path to judge against: only a met
                // target can be said.
                if meets(indicator.direction, current, target) {
                    result.progress = Some(1.0);
                    result.status = Status::Reached;
                }
                return result;
            };
            let progress = progress(indicator.direction, base, target, current);
            let at = measurement.date.end(window.year);
            let expected = expected_progress(segment, indicator.direction, baseline, at, window.year);
            result.progress = Some(progress);
            result.expected = expected;
            result.status = if progress >= 1.0 {
                Status::Reached
            } else {
                match expected {
                    Some(e) if e > 0.0 => Status::of_ratio(progress / e, settings),
                    _ => Status::OnTrack,
                }
            };
        }
    }
    result
}

fn meets(direction: Direction, current: f64, target: f64) -> bool {
    match direction {
        Direction::Decrease => current <= target,
        Direction::Increase | Direction::Maintain => current >= target,
    }
}

/// Share of the way from `baseline` to `target` that `current` has covered.
pub fn progress(direction: Direction, baseline: f64, target: f64, current: f64) -> f64 {
    if target == baseline {
        return if meets(direction, current, target) { 1.0 } else { 0.0 };
    }
    match direction {
        Direction::Increase | Direction::Decrease => (current - baseline) / (target - baseline),
        Direction::Maintain => {
            if target != 0.0 {
                current / target
            } else {
                1.0
            }
        }
    }
}

/// The share of the way expected at `date`: linear from the baseline's date to the final
/// target's date, through the intermediate targets, dates read as the plan reads them
/// (`year`). `None` without baseline or target.
pub fn expected_progress(
    segment: &Segment,
    direction: Direction,
    baseline: Option<f64>,
    date: NaiveDate,
    year: YearEnd,
) -> Option<f64> {
    let base = baseline?;
    let start = segment.baseline.as_ref()?.date.end(year);
    let final_target = segment.final_target(year)?;
    let final_value = final_target.resolve(baseline)?;
    // The path's corners: (date, share of the way), from the baseline to the final target.
    let mut corners: Vec<(NaiveDate, f64)> = vec![(start, 0.0)];
    let mut targets: Vec<_> = segment.targets.iter().collect();
    targets.sort_by_key(|t| t.date.order(year));
    for t in targets {
        let Some(value) = t.resolve(baseline) else { continue };
        let end = t.date.end(year);
        if end <= start {
            continue;
        }
        corners.push((end, progress(direction, base, final_value, value)));
    }
    let (last_date, _) = *corners.last()?;
    if corners.len() == 1 || date >= last_date {
        return Some(1.0);
    }
    if date <= start {
        return Some(0.0);
    }
    let window = corners.windows(2).find(|w| date <= w[1].0)?;
    let ((d0, p0), (d1, p1)) = (window[0], window[1]);
    let span = (d1 - d0).num_days() as f64;
    let elapsed = (date - d0).num_days() as f64;
    Some(if span > 0.0 { p0 + (p1 - p0) * elapsed / span } else { p1 })
}

#[cfg(test)]
mod tests;
