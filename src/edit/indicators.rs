//! Changes to indicators: the indicator itself, its segments, each segment's baseline,
//! targets and measurements.
//!
//! Targets and measurements stay sorted by date, so that « the last target » is the
//! final one and the screens list them in order; they are addressed by their position
//! in that order. Values recorded at a closed checkpoint (a measurement dated on the
//! checkpoint's day) are locked: no change here adds, alters or removes one.

use super::{Edited, Refused};
use crate::model::date::{PlanDate, YearEnd};
use crate::model::id::{Id, Meta};
use crate::model::indicator::{Direction, Indicator, IndicatorKind, Segment};
use crate::model::measurement::{Measurement, Observation, Value};
use crate::model::money::Cents;
use crate::model::plan::Plan;
use crate::model::target::{Target, TargetValue};

/// What the indicator's own form holds (everything but its segments).
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorFields {
    pub label: String,
    pub kind: IndicatorKind,
    pub direction: Direction,
    /// For a ratio, the whole (« sur 4 »); ignored for other kinds.
    pub out_of: Option<f64>,
    pub source: String,
    pub note: String,
}

/// Adds an indicator to an objective, with one unnamed segment `segment`.
pub fn add_indicator(plan: &mut Plan, objective: &Id, id: Id, segment: Id, fields: IndicatorFields) -> Edited {
    let is_objective = plan.element(objective).is_some_and(|e| e.level == plan.objective_level);
    if !is_objective {
        return Err(Refused::NotFound(objective.clone()));
    }
    let mut indicator = Indicator {
        id,
        objective: objective.clone(),
        label: String::new(),
        kind: fields.kind,
        direction: fields.direction,
        out_of: None,
        segments: vec![empty_segment(segment, String::new())],
        source: String::new(),
        note: String::new(),
        meta: Meta::default(),
    };
    apply_fields(&mut indicator, fields);
    plan.indicators.push(indicator);
    Ok(())
}

/// Changes the label, kind, direction, whole, source and note. A change of kind between
/// numbers and dollars converts the values already written; other values are kept as
/// they are, and the checks say which no longer fit.
pub fn update_indicator(plan: &mut Plan, id: &Id, fields: IndicatorFields) -> Edited {
    let indicator = indicator_mut(plan, id)?;
    if indicator.kind != fields.kind {
        convert_values(indicator, fields.kind);
    }
    apply_fields(indicator, fields);
    Ok(())
}

/// Deletes an indicator with its segments, unless it holds a value locked by a closed
/// checkpoint.
pub fn delete_indicator(plan: &mut Plan, id: &Id) -> Edited {
    let indicator = plan.indicators.iter().find(|i| &i.id == id).ok_or_else(|| Refused::NotFound(id.clone()))?;
    for segment in &indicator.segments {
        for measurement in &segment.measurements {
            refuse_if_locked(plan, measurement.date)?;
        }
    }
    plan.indicators.retain(|i| &i.id != id);
    Ok(())
}

pub fn add_segment(plan: &mut Plan, indicator: &Id, id: Id, label: String) -> Edited {
    indicator_mut(plan, indicator)?.segments.push(empty_segment(id, label.trim().to_string()));
    Ok(())
}

pub fn rename_segment(plan: &mut Plan, indicator: &Id, segment: &Id, label: String) -> Edited {
    segment_mut(plan, indicator, segment)?.label = label.trim().to_string();
    Ok(())
}

/// Removes a segment with its values. An indicator keeps at least one segment: removing
/// the only one empties it instead (an indicator without segments has one, unnamed).
pub fn remove_segment(plan: &mut Plan, indicator: &Id, segment: &Id) -> Edited {
    let dates: Vec<PlanDate> = segment_mut(plan, indicator, segment)?.measurements.iter().map(|m| m.date).collect();
    for date in dates {
        refuse_if_locked(plan, date)?;
    }
    let segments = &mut indicator_mut(plan, indicator)?.segments;
    if segments.len() == 1 {
        segments[0] = empty_segment(segment.clone(), String::new());
    } else {
        segments.retain(|s| &s.id != segment);
    }
    Ok(())
}

/// Sets or clears (`None`) a segment's baseline; refused when it would come after a
/// target that came after the baseline it replaces (a plan read from a file may hold a
/// target before its baseline already: the checks say it, and its baseline's value can
/// still be corrected).
pub fn set_baseline(plan: &mut Plan, indicator: &Id, segment: &Id, baseline: Option<Observation>) -> Edited {
    let year = plan.year_end();
    let kind = indicator_mut(plan, indicator)?.kind;
    let found = segment_mut(plan, indicator, segment)?;
    if let Some(b) = &baseline {
        if let Some(target) = found.put_before(kind, b, year) {
            return Err(Refused::TargetBeforeBaseline { target: target.date, baseline: b.date });
        }
    }
    found.baseline = baseline;
    Ok(())
}

/// Adds a target; several targets make the intermediate (yearly) ones and the final one.
/// A target dated before the baseline is refused.
pub fn add_target(plan: &mut Plan, indicator: &Id, segment: &Id, target: Target) -> Edited {
    let year = refuse_before_baseline(plan, indicator, segment, &target)?;
    segment_mut(plan, indicator, segment)?.add_target(target, year);
    Ok(())
}

/// Replaces the target at `index` (in date order); refused before the baseline.
pub fn update_target(plan: &mut Plan, indicator: &Id, segment: &Id, index: usize, target: Target) -> Edited {
    let year = refuse_before_baseline(plan, indicator, segment, &target)?;
    let segment = segment_mut(plan, indicator, segment)?;
    *segment.targets.get_mut(index).ok_or_else(|| Refused::NotFound(segment.id.clone()))? = target;
    segment.targets.sort_by_key(|t| t.date.order(year));
    Ok(())
}

/// Refuses a target dated before its segment's baseline (`Indicator::before_baseline`);
/// otherwise gives how the plan reads its dates.
fn refuse_before_baseline(plan: &mut Plan, indicator: &Id, segment: &Id, target: &Target) -> Edited<YearEnd> {
    let year = plan.year_end();
    let kind = indicator_mut(plan, indicator)?.kind;
    let found = segment_mut(plan, indicator, segment)?;
    match found.baseline.as_ref().filter(|_| found.before_baseline(kind, target.date, year)) {
        Some(baseline) => Err(Refused::TargetBeforeBaseline { target: target.date, baseline: baseline.date }),
        None => Ok(year),
    }
}

pub fn remove_target(plan: &mut Plan, indicator: &Id, segment: &Id, index: usize) -> Edited {
    let segment = segment_mut(plan, indicator, segment)?;
    if index >= segment.targets.len() {
        return Err(Refused::NotFound(segment.id.clone()));
    }
    segment.targets.remove(index);
    Ok(())
}

/// Adds a measurement, unless it is dated on a closed checkpoint's day.
pub fn add_measurement(plan: &mut Plan, indicator: &Id, segment: &Id, measurement: Measurement) -> Edited {
    refuse_if_locked(plan, measurement.date)?;
    let year = plan.year_end();
    segment_mut(plan, indicator, segment)?.add_measurement(measurement, year);
    Ok(())
}

/// Replaces the measurement at `index` (in date order), unless the old or the new one is
/// dated on a closed checkpoint's day.
pub fn update_measurement(
    plan: &mut Plan,
    indicator: &Id,
    segment: &Id,
    index: usize,
    measurement: Measurement,
) -> Edited {
    let old = measurement_date(plan, indicator, segment, index)?;
    refuse_if_locked(plan, old)?;
    refuse_if_locked(plan, measurement.date)?;
    let year = plan.year_end();
    let segment = segment_mut(plan, indicator, segment)?;
    segment.measurements[index] = measurement;
    segment.measurements.sort_by_key(|m| m.date.order(year));
    Ok(())
}

pub fn remove_measurement(plan: &mut Plan, indicator: &Id, segment: &Id, index: usize) -> Edited {
    let date = measurement_date(plan, indicator, segment, index)?;
    refuse_if_locked(plan, date)?;
    segment_mut(plan, indicator, segment)?.measurements.remove(index);
    Ok(())
}

fn empty_segment(id: Id, label: String) -> Segment {
    Segment { id, label, baseline: None, targets: Vec::new(), measurements: Vec::new() }
}

fn apply_fields(indicator: &mut Indicator, fields: IndicatorFields) {
    indicator.label = fields.label.trim().to_string();
    indicator.kind = fields.kind;
    indicator.direction = fields.direction;
    indicator.out_of = if fields.kind == IndicatorKind::Ratio { fields.out_of } else { None };
    indicator.source = fields.source.trim().to_string();
    indicator.note = fields.note.trim().to_string();
}

/// Rewrites numbers as dollars or dollars as numbers, so that a kind chosen by mistake
/// can be corrected without retyping every value.
fn convert_values(indicator: &mut Indicator, kind: IndicatorKind) {
    let to_money = kind == IndicatorKind::Dollars;
    let to_number = kind.is_numeric() && !to_money;
    let convert = |value: &mut Value| match value {
        Value::Number(n) if to_money => *value = Value::Money(Cents((*n * 100.0).round() as i64)),
        Value::Money(c) if to_number => *value = Value::Number(c.0 as f64 / 100.0),
        _ => {}
    };
    for segment in &mut indicator.segments {
        if let Some(baseline) = &mut segment.baseline {
            convert(&mut baseline.value);
        }
        for target in &mut segment.targets {
            if let TargetValue::Absolute(value) = &mut target.value {
                convert(value);
            }
        }
        for measurement in &mut segment.measurements {
            convert(&mut measurement.value);
        }
    }
}

/// The closed checkpoint that locks a measurement of `date`: one of the same day.
pub fn closed_at(plan: &Plan, date: PlanDate) -> Option<&crate::model::checkpoint::Checkpoint> {
    plan.checkpoints.iter().find(|c| c.closed && date == PlanDate::Day(c.date))
}

/// Refuses a change to a value dated on the day of a closed checkpoint.
fn refuse_if_locked(plan: &Plan, date: PlanDate) -> Edited {
    match closed_at(plan, date) {
        Some(checkpoint) => Err(Refused::CheckpointClosed(checkpoint.id.clone())),
        None => Ok(()),
    }
}

fn indicator_mut<'a>(plan: &'a mut Plan, id: &Id) -> Edited<&'a mut Indicator> {
    plan.indicators.iter_mut().find(|i| &i.id == id).ok_or_else(|| Refused::NotFound(id.clone()))
}

fn segment_mut<'a>(plan: &'a mut Plan, indicator: &Id, segment: &Id) -> Edited<&'a mut Segment> {
    indicator_mut(plan, indicator)?
        .segments
        .iter_mut()
        .find(|s| &s.id == segment)
        .ok_or_else(|| Refused::NotFound(segment.clone()))
}

fn measurement_date(plan: &mut Plan, indicator: &Id, segment: &Id, index: usize) -> Edited<PlanDate> {
    let segment = segment_mut(plan, indicator, segment)?;
    segment.measurements.get(index).map(|m| m.date).ok_or_else(|| Refused::NotFound(segment.id.clone()))
}

/// Puts an indicator as it is given, in place of the indicator of its id.
pub fn put_indicator(plan: &mut Plan, indicator: Indicator) -> Edited {
    match plan.indicators.iter_mut().find(|i| i.id == indicator.id) {
        Some(found) => *found = indicator,
        None => return Err(Refused::NotFound(indicator.id)),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::status::{indicator_progress, Status, Window};
    use crate::model::measurement::Assessment;
    use crate::start::sample::{sample_plan, CHECKPOINT};
    use chrono::NaiveDate;

    const LECTURE: &str = "ind-lecture-4e";
    const LECTURE_SEGMENT: &str = "seg-lecture-4e";

    fn id(text: &str) -> Id {
        Id::new(text)
    }

    fn date(text: &str) -> PlanDate {
        PlanDate::parse(text).expect(text)
    }

    fn fields(label: &str, kind: IndicatorKind) -> IndicatorFields {
        IndicatorFields {
            label: label.into(),
            kind,
            direction: Direction::Increase,
            out_of: Some(4.0),
            source: " Mozaïk ".into(),
            note: String::new(),
        }
    }

    fn measurement(on: &str, value: f64) -> Measurement {
        Measurement::new(date(on), Value::Number(value))
    }

    fn target(on: &str, value: TargetValue) -> Target {
        Target { date: date(on), value }
    }

    fn absolute(n: f64) -> TargetValue {
        TargetValue::Absolute(Value::Number(n))
    }

    fn indicator<'a>(plan: &'a Plan, which: &str) -> &'a Indicator {
        plan.indicators.iter().find(|i| i.id.as_str() == which).expect(which)
    }

    fn segment<'a>(plan: &'a Plan, which: &str, seg: &str) -> &'a Segment {
        indicator(plan, which).segments.iter().find(|s| s.id.as_str() == seg).expect(seg)
    }

    /// The sample plan with its checkpoint, of 20 June 2024, closed.
    fn closed_plan() -> Plan {
        let mut plan = sample_plan();
        plan.checkpoints[0].closed = true;
        plan
    }

    fn closed_day() -> PlanDate {
        PlanDate::Day(NaiveDate::from_ymd_opt(2024, 6, 20).unwrap())
    }

    #[test]
    fn an_added_indicator_has_one_segment_and_its_fields_trimmed() {
        let mut plan = sample_plan();
        add_indicator(
            &mut plan,
            &id("objectif-2"),
            id("ind-new"),
            id("seg-new"),
            fields(" Lecture ", IndicatorKind::Count),
        )
        .unwrap();
        let added = indicator(&plan, "ind-new");
        assert_eq!((added.label.as_str(), added.source.as_str()), ("Lecture", "Mozaïk"));
        assert_eq!(added.objective, id("objectif-2"));
        assert_eq!(added.out_of, None, "a whole only for ratios");
        assert_eq!(added.segments.len(), 1);
        assert_eq!(added.segments[0].label, "");
    }

    #[test]
    fn an_indicator_goes_only_under_an_existing_objective() {
        let mut plan = sample_plan();
        let enjeu = plan.elements[0].id.clone();
        for objective in [id("nowhere"), enjeu] {
            let refused = add_indicator(&mut plan, &objective, id("x"), id("y"), fields("L", IndicatorKind::Count));
            assert_eq!(refused, Err(Refused::NotFound(objective)));
        }
    }

    #[test]
    fn updating_an_indicator_keeps_the_whole_of_a_ratio_only() {
        let mut plan = sample_plan();
        update_indicator(&mut plan, &id(LECTURE), fields("Référentiels", IndicatorKind::Ratio)).unwrap();
        assert_eq!(indicator(&plan, LECTURE).out_of, Some(4.0));
        assert_eq!(indicator(&plan, LECTURE).label, "Référentiels");
        let refused = update_indicator(&mut plan, &id("gone"), fields("L", IndicatorKind::Count));
        assert_eq!(refused, Err(Refused::NotFound(id("gone"))));
    }

    #[test]
    fn a_change_between_numbers_and_dollars_converts_the_values() {
        let mut plan = sample_plan();
        update_indicator(&mut plan, &id(LECTURE), fields("Budget", IndicatorKind::Dollars)).unwrap();
        let seg = segment(&plan, LECTURE, LECTURE_SEGMENT);
        assert_eq!(seg.baseline.as_ref().unwrap().value, Value::Money(Cents(6800)));
        assert_eq!(seg.targets[0].value, TargetValue::Absolute(Value::Money(Cents(7800))));
        assert_eq!(seg.measurements[0].value, Value::Money(Cents(7150)));
        update_indicator(&mut plan, &id(LECTURE), fields("Élèves", IndicatorKind::Count)).unwrap();
        assert_eq!(segment(&plan, LECTURE, LECTURE_SEGMENT).measurements[0].value, Value::Number(71.5));
    }

    #[test]
    fn deleting_an_indicator_takes_its_segments_unless_a_value_is_locked() {
        let mut plan = sample_plan();
        let before = plan.indicators.len();
        delete_indicator(&mut plan, &id(LECTURE)).unwrap();
        assert_eq!(plan.indicators.len(), before - 1);
        assert!(plan.indicators.iter().all(|i| i.id.as_str() != LECTURE));

        let mut plan = closed_plan();
        add_measurement(&mut plan, &id(LECTURE), &id(LECTURE_SEGMENT), measurement("2023-12-13", 72.0)).unwrap();
        plan.indicators[0].segments[0]
            .measurements
            .push(Measurement { date: closed_day(), ..measurement("2023", 72.0) });
        assert_eq!(delete_indicator(&mut plan, &id(LECTURE)), Err(Refused::CheckpointClosed(id(CHECKPOINT))));
    }

    #[test]
    fn segments_are_added_renamed_and_removed_but_one_always_stays() {
        let mut plan = sample_plan();
        let (ind, first) = (id(LECTURE), id(LECTURE_SEGMENT));
        add_segment(&mut plan, &ind, id("seg-garcons"), " Garçons ".into()).unwrap();
        rename_segment(&mut plan, &ind, &first, "Filles".into()).unwrap();
        let labels: Vec<&str> = indicator(&plan, LECTURE).segments.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["Filles", "Garçons"]);

        remove_segment(&mut plan, &ind, &id("seg-garcons")).unwrap();
        remove_segment(&mut plan, &ind, &first).unwrap();
        let kept = &indicator(&plan, LECTURE).segments;
        assert_eq!(kept.len(), 1, "the last segment is emptied, not removed");
        assert_eq!(kept[0], empty_segment(first.clone(), String::new()));
        assert_eq!(rename_segment(&mut plan, &ind, &id("gone"), "x".into()), Err(Refused::NotFound(id("gone"))));
    }

    #[test]
    fn a_segment_with_a_locked_measurement_stays() {
        let mut plan = closed_plan();
        plan.indicators[0].segments[0]
            .measurements
            .push(Measurement { date: closed_day(), ..measurement("2023", 72.0) });
        let refused = remove_segment(&mut plan, &id(LECTURE), &id(LECTURE_SEGMENT));
        assert_eq!(refused, Err(Refused::CheckpointClosed(id(CHECKPOINT))));
    }

    #[test]
    fn a_baseline_is_set_and_cleared() {
        let mut plan = sample_plan();
        let (ind, seg) = (id(LECTURE), id(LECTURE_SEGMENT));
        let baseline = Observation { date: date("2021-06"), value: Value::Number(60.0) };
        set_baseline(&mut plan, &ind, &seg, Some(baseline.clone())).unwrap();
        assert_eq!(segment(&plan, LECTURE, LECTURE_SEGMENT).baseline, Some(baseline));
        set_baseline(&mut plan, &ind, &seg, None).unwrap();
        assert_eq!(segment(&plan, LECTURE, LECTURE_SEGMENT).baseline, None);
    }

    #[test]
    fn targets_stay_sorted_by_date_and_the_last_is_final() {
        let mut plan = sample_plan();
        let (ind, seg) = (id(LECTURE), id(LECTURE_SEGMENT));
        add_target(&mut plan, &ind, &seg, target("2025", absolute(74.0))).unwrap();
        add_target(&mut plan, &ind, &seg, target("2024-06", TargetValue::PercentagePoints(2.0))).unwrap();
        let dates: Vec<String> =
            segment(&plan, LECTURE, LECTURE_SEGMENT).targets.iter().map(|t| t.date.to_string()).collect();
        assert_eq!(dates, ["2024-06", "2025", "2027"]);
        assert_eq!(segment(&plan, LECTURE, LECTURE_SEGMENT).final_target(plan.year_end()).unwrap().date, date("2027"));

        update_target(&mut plan, &ind, &seg, 0, target("2026", TargetValue::RelativePercent(10.0))).unwrap();
        let seg_now = segment(&plan, LECTURE, LECTURE_SEGMENT);
        assert_eq!(seg_now.targets[1], target("2026", TargetValue::RelativePercent(10.0)));
        assert_eq!(seg_now.targets[1].resolve(Some(68.0)), Some(68.0 * 1.1));

        remove_target(&mut plan, &ind, &seg, 2).unwrap();
        assert_eq!(segment(&plan, LECTURE, LECTURE_SEGMENT).final_target(plan.year_end()).unwrap().date, date("2026"));
        assert_eq!(remove_target(&mut plan, &ind, &seg, 5), Err(Refused::NotFound(seg.clone())));
        assert_eq!(update_target(&mut plan, &ind, &seg, 5, target("2027", absolute(1.0))), Err(Refused::NotFound(seg)));
    }

    #[test]
    fn an_intermediate_target_changes_the_expected_progress() {
        let mut plan = sample_plan();
        let today = NaiveDate::from_ymd_opt(2024, 12, 20).unwrap();
        let expected = |plan: &Plan| {
            indicator_progress(indicator(plan, LECTURE), Window::new(plan, today), &plan.settings).segments[0].expected
        };
        let before = expected(&plan).unwrap();
        add_target(&mut plan, &id(LECTURE), &id(LECTURE_SEGMENT), target("2025", absolute(77.0))).unwrap();
        assert!(expected(&plan).unwrap() > before, "a steep start asks for more by June 2024");
    }

    #[test]
    fn measurements_stay_sorted_and_count_in_the_status() {
        let mut plan = sample_plan();
        let (ind, seg) = (id(LECTURE), id(LECTURE_SEGMENT));
        add_measurement(&mut plan, &ind, &seg, measurement("2024-12-12", 78.5)).unwrap();
        add_measurement(&mut plan, &ind, &seg, measurement("2024-01", 70.0)).unwrap();
        let values: Vec<f64> =
            segment(&plan, LECTURE, LECTURE_SEGMENT).measurements.iter().filter_map(|m| m.value.as_number()).collect();
        assert_eq!(values, [70.0, 71.5, 78.5]);
        let today = NaiveDate::from_ymd_opt(2024, 12, 20).unwrap();
        let progress = indicator_progress(indicator(&plan, LECTURE), Window::new(&plan, today), &plan.settings);
        assert_eq!(progress.status, Status::Reached);

        update_measurement(&mut plan, &ind, &seg, 2, measurement("2023-12", 69.0)).unwrap();
        let dates: Vec<String> =
            segment(&plan, LECTURE, LECTURE_SEGMENT).measurements.iter().map(|m| m.date.to_string()).collect();
        assert_eq!(dates, ["2023-12", "2024-01", "2024-06"]);
        remove_measurement(&mut plan, &ind, &seg, 0).unwrap();
        assert_eq!(segment(&plan, LECTURE, LECTURE_SEGMENT).measurements.len(), 2);
        assert_eq!(remove_measurement(&mut plan, &ind, &seg, 9), Err(Refused::NotFound(seg)));
    }

    #[test]
    fn a_qualitative_measurement_carries_its_assessment() {
        let mut plan = sample_plan();
        let (ind, seg) = (id(LECTURE), id(LECTURE_SEGMENT));
        update_indicator(&mut plan, &ind, fields("Climat", IndicatorKind::Qualitative)).unwrap();
        let words = Measurement {
            date: date("2023-11"),
            value: Value::Text("Climat apaisé".into()),
            assessment: Some(Assessment::ToWatch),
            note: String::new(),
        };
        add_measurement(&mut plan, &ind, &seg, words).unwrap();
        let today = NaiveDate::from_ymd_opt(2023, 12, 20).unwrap();
        let progress = indicator_progress(indicator(&plan, LECTURE), Window::new(&plan, today), &plan.settings);
        assert_eq!(progress.status, Status::ToWatch);
    }

    #[test]
    fn a_measurement_on_a_closed_checkpoint_is_locked() {
        let mut plan = closed_plan();
        let (ind, seg) = (id(LECTURE), id(LECTURE_SEGMENT));
        let locked = Err(Refused::CheckpointClosed(id(CHECKPOINT)));
        let on_checkpoint = Measurement { date: closed_day(), ..measurement("2023", 72.0) };
        assert_eq!(add_measurement(&mut plan, &ind, &seg, on_checkpoint.clone()), locked);
        assert_eq!(update_measurement(&mut plan, &ind, &seg, 0, on_checkpoint.clone()), locked, "moved onto it");

        // Values at other dates stay free, even in the checkpoint's month.
        add_measurement(&mut plan, &ind, &seg, measurement("2024-06", 73.0)).unwrap();
        add_measurement(&mut plan, &ind, &seg, measurement("2024-06-19", 72.5)).unwrap();

        plan.indicators[0].segments[0].measurements.push(on_checkpoint);
        let last = segment(&plan, LECTURE, LECTURE_SEGMENT).measurements.len() - 1;
        assert_eq!(update_measurement(&mut plan, &ind, &seg, last, measurement("2024", 1.0)), locked, "moved off it");
        assert_eq!(remove_measurement(&mut plan, &ind, &seg, last), locked);

        plan.checkpoints[0].closed = false;
        remove_measurement(&mut plan, &ind, &seg, last).unwrap();
    }

    /// Issue 27: a target dated before its baseline is refused as it is typed, and so
    /// is a baseline typed after a target; a segment read from a file with a target
    /// before its baseline can still have its baseline's value corrected.
    #[test]
    fn a_target_before_its_baseline_is_refused() {
        let mut plan = sample_plan();
        let (ind, seg) = (id(LECTURE), id(LECTURE_SEGMENT));
        // The baseline is June 2023.
        let refused = add_target(&mut plan, &ind, &seg, target("2021", absolute(70.0)));
        assert_eq!(refused, Err(Refused::TargetBeforeBaseline { target: date("2021"), baseline: date("2023-06") }));
        assert!(update_target(&mut plan, &ind, &seg, 0, target("2023-05", absolute(70.0))).is_err());
        // « 2023 » is the school year that ends in June 2023, with the baseline: not before it.
        add_target(&mut plan, &ind, &seg, target("2023", absolute(69.0))).unwrap();
        let later = Observation { date: date("2024-01"), value: Value::Number(68.0) };
        let refused = set_baseline(&mut plan, &ind, &seg, Some(later.clone()));
        assert_eq!(refused, Err(Refused::TargetBeforeBaseline { target: date("2023"), baseline: date("2024-01") }));
        // Put there by a file: its value can still change.
        segment_mut(&mut plan, &ind, &seg).unwrap().baseline = Some(later.clone());
        let corrected = Observation { value: Value::Number(67.5), ..later };
        assert_eq!(set_baseline(&mut plan, &ind, &seg, Some(corrected)), Ok(()));
    }
}
