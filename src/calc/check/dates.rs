//! Checks of what is dated: checkpoints and actions' schedules against the plan's
//! period, and what the checkpoint judged at says of actions past their end and
//! of measurements too old to count.

use super::{Finding, ScheduleField};
use crate::calc::status::Window;
use crate::model::action::{Action, ActionStatus};
use crate::model::checkpoint::Checkpoint;
use crate::model::date::PlanDate;
use crate::model::plan::Plan;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// Checkpoints outside the period, and each action's schedule and end.
pub(super) fn schedules(plan: &Plan, current: Option<&Checkpoint>, findings: &mut Vec<Finding>) {
    let period = plan.period;
    if reversed(plan) {
        return;
    }
    for checkpoint in &plan.checkpoints {
        if checkpoint.date < period.start || checkpoint.date > period.end {
            findings
                .push(Finding::CheckpointOutsidePeriod { checkpoint: checkpoint.id.clone(), date: checkpoint.date });
        }
    }
    // Years are read once per way of writing them: thousands of actions share a few.
    let mut years = HashMap::new();
    for action in &plan.actions {
        schedule(plan, action, &mut years, findings);
        let Some(checkpoint) = current else { continue };
        let Some(end) = action.schedule.end else { continue };
        // An action not reported at the checkpoint is not known to be done either.
        let status = action.progress_at(&checkpoint.id).map(|record| record.status);
        if end.end(plan.year_end()) < checkpoint.date
            && !matches!(status, Some(ActionStatus::Done | ActionStatus::Dropped))
        {
            findings.push(Finding::ActionOverdue {
                action: action.id.clone(),
                end,
                checkpoint: checkpoint.id.clone(),
                status,
            });
        }
    }
}

/// The measurements too old for the checkpoint `current` judges them at.
pub(super) fn too_old(plan: &Plan, current: Option<&Checkpoint>, findings: &mut Vec<Finding>) {
    if reversed(plan) {
        return;
    }
    let Some(checkpoint) = current else { return };
    // The window the status of indicators is judged in: one rule, in `status`.
    let window = Window::new(plan, checkpoint.date);
    for indicator in &plan.indicators {
        for segment in &indicator.segments {
            let Some(latest) = window.latest_taken(segment) else { continue };
            if !window.counts(latest.date) {
                findings.push(Finding::MeasurementTooOld {
                    indicator: indicator.id.clone(),
                    segment: segment.label.clone(),
                    measured: latest.date,
                    as_of: checkpoint.date,
                });
            }
        }
    }
}

/// A period that ends before it starts is said once by the structure's checks; nothing
/// is inside it.
fn reversed(plan: &Plan) -> bool {
    plan.period.end < plan.period.start
}

/// The schedule's steps, years and dates against the plan's period, one finding per
/// plan year outside it: a step in « An 4 », the year « An 4 » it adds to the schedule
/// and an end in June 2028 say one thing. The step is named first, as what is planned.
fn schedule<'a>(
    plan: &Plan,
    action: &'a Action,
    years: &mut HashMap<&'a str, Option<i32>>,
    findings: &mut Vec<Finding>,
) {
    let mut said: Vec<i32> = Vec::new();
    let mut outside = |field: ScheduleField, written: &str, year: i32| {
        if !said.contains(&year) {
            said.push(year);
            findings.push(Finding::ScheduleOutsidePeriod {
                action: action.id.clone(),
                field,
                written: written.to_owned(),
            });
        }
    };
    let mut read_once = |written: &'a str| *years.entry(written).or_insert_with(|| year_outside(plan, written));
    let written = action.steps.iter().map(|s| (ScheduleField::Step, s.year.as_str()));
    for (field, written) in written.chain(action.schedule.years.iter().map(|y| (ScheduleField::Year, y.as_str()))) {
        if let Some(year) = read_once(written) {
            outside(field, written, year);
        }
    }
    let dates = [(ScheduleField::Start, action.schedule.start), (ScheduleField::End, action.schedule.end)];
    for (field, date) in dates {
        if let Some(date) = date.filter(|d| date_outside(plan, *d)) {
            outside(field, &date.to_string(), plan_year(plan, date.start(plan.year_end())));
        }
    }
}

fn date_outside(plan: &Plan, date: PlanDate) -> bool {
    let year = plan.year_end();
    date.end(year) < plan.period.start || date.start(year) > plan.period.end
}

/// The plan year a day falls in: 1 for the period's first twelve months, 0 for the
/// twelve before, 4 for the fourth.
fn plan_year(plan: &Plan, day: NaiveDate) -> i32 {
    let start = plan.period.start;
    let before_anniversary = (day.month(), day.day()) < (start.month(), start.day());
    day.year() - start.year() - i32::from(before_anniversary) + 1
}

/// The plan year a year as written denotes, when it lies outside the period: a plan year
/// by its number (« An 4 », « Année 4 », « 4 ») beyond the plan's length, a school year
/// (« 2027-2028 », « 2027-28 ») or a calendar year (« 2028 ») that does not meet the
/// period, by its first day. What cannot be read is left alone: the check never guesses.
pub(super) fn year_outside(plan: &Plan, written: &str) -> Option<i32> {
    match read_year(written)? {
        Year::Number(n) => (n == 0 || n > plan.years()).then(|| i32::try_from(n).unwrap_or(i32::MAX)),
        Year::Span(start, end) => (end < plan.period.start || start > plan.period.end).then(|| plan_year(plan, start)),
    }
}

enum Year {
    /// The n-th year of the plan.
    Number(u32),
    /// The days a school or calendar year spans.
    Span(NaiveDate, NaiveDate),
}

fn read_year(written: &str) -> Option<Year> {
    let text = written.trim().to_lowercase();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let words = ["année", "annee", "an", "year"];
    let number =
        words.iter().find_map(|w| text.strip_prefix(w).map(str::trim)).or(Some(text.as_str()).filter(|t| t.len() <= 2));
    if let Some(n) = number.filter(|n| digits(n) && n.len() <= 2) {
        return n.parse().ok().map(Year::Number);
    }
    let day = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d);
    let parts: Vec<&str> = text.split(['-', '–', '/']).map(str::trim).collect();
    match parts.as_slice() {
        [y] if y.len() == 4 && digits(y) => {
            let y: i32 = y.parse().ok()?;
            Some(Year::Span(day(y, 1, 1)?, day(y, 12, 31)?))
        }
        [a, b] if a.len() == 4 && digits(a) && digits(b) && (b.len() == 4 || b.len() == 2) => {
            let first: i32 = a.parse().ok()?;
            let second: i32 = if b.len() == 2 { first / 100 * 100 + b.parse::<i32>().ok()? } else { b.parse().ok()? };
            (second == first + 1).then_some(())?;
            Some(Year::Span(day(first, 7, 1)?, day(second, 6, 30)?))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_years_are_read_as_numbers_school_years_or_calendar_years() {
        let mut plan = crate::start::sample::sample_plan();
        plan.period.start = NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
        plan.period.end = NaiveDate::from_ymd_opt(2027, 6, 30).unwrap();
        for inside in ["An 1", "année 3", "Year 2", "3", "2024-2025", "2026-27", "2026–2027", "2025", "Automne", ""]
        {
            assert_eq!(year_outside(&plan, inside), None, "{inside}");
        }
        for outside in ["An 4", "Année 0", "4", "2023-2024", "2027-2028", "2027-28", "2028", "2023"] {
            assert!(year_outside(&plan, outside).is_some(), "{outside}");
        }
    }
}
