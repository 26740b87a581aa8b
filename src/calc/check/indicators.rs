//! Checks of indicators: values against their kind, targets against their baseline and
//! direction.

use super::Finding;
use crate::model::date::YearEnd;
use crate::model::indicator::{Direction, Indicator, IndicatorKind, Segment};
use crate::model::measurement::Value;
use crate::model::plan::Plan;
use crate::model::target::{Target, TargetValue};

pub(super) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    for indicator in &plan.indicators {
        if indicator.segments.is_empty() {
            findings.push(Finding::NoSegment { indicator: indicator.id.clone() });
        }
        if indicator.kind == IndicatorKind::Ratio && indicator.out_of.is_none() {
            findings.push(Finding::RatioWithoutWhole { indicator: indicator.id.clone() });
        }
        for segment in &indicator.segments {
            check_segment(indicator, segment, plan.year_end(), findings);
        }
    }
}

fn fits(kind: IndicatorKind, value: &Value) -> bool {
    match kind {
        IndicatorKind::Percentage | IndicatorKind::Count | IndicatorKind::Ratio => matches!(value, Value::Number(_)),
        IndicatorKind::Dollars => matches!(value, Value::Money(_)),
        IndicatorKind::Milestone => matches!(value, Value::Done(_)),
        IndicatorKind::Qualitative => matches!(value, Value::Text(_)),
    }
}

fn check_segment(indicator: &Indicator, segment: &Segment, year: YearEnd, findings: &mut Vec<Finding>) {
    let id = || indicator.id.clone();
    let label = || segment.label.clone();
    let kind = indicator.kind;

    let values = segment.baseline.iter().map(|b| &b.value).chain(segment.measurements.iter().map(|m| &m.value)).chain(
        segment.targets.iter().filter_map(|t| match &t.value {
            TargetValue::Absolute(v) => Some(v),
            _ => None,
        }),
    );
    let mut misfit = false;
    for value in values {
        misfit |= !fits(kind, value);
    }
    if misfit {
        findings.push(Finding::ValueDoesNotFitKind { indicator: id(), segment: label() });
    }

    let baseline = segment.baseline.as_ref().and_then(|b| b.value.as_number());
    let observed = segment.baseline.iter().map(|b| &b.value).chain(segment.measurements.iter().map(|m| &m.value));
    findings.extend(observed.filter_map(|value| questioned_value(indicator, segment, value)));
    for target in &segment.targets {
        if segment.before_baseline(kind, target.date, year) {
            findings.push(Finding::TargetBeforeBaseline { indicator: id(), segment: label() });
        }
        let relative = !matches!(target.value, TargetValue::Absolute(_));
        if relative && baseline.is_none() {
            findings.push(Finding::RelativeTargetWithoutBaseline { indicator: id(), segment: label() });
            continue;
        }
        let Some(value) = target.resolve(baseline).filter(|_| kind.is_numeric()) else { continue };
        findings.extend(questioned_target(indicator, segment, target));
        let Some(base) = baseline else { continue };
        let direction = indicator.direction;
        let wrong_side = match direction {
            Direction::Increase => value < base,
            Direction::Decrease => value > base,
            Direction::Maintain => false,
        };
        if wrong_side {
            findings.push(Finding::TargetWrongSide {
                indicator: id(),
                segment: label(),
                direction,
                baseline: base,
                target: value,
            });
        } else if value == base && direction != Direction::Maintain {
            findings.push(Finding::TargetEqualsBaseline { indicator: id(), segment: label(), baseline: base });
        }
    }
}

/// What the checks say of a baseline or measurement `value` of the segment: the same
/// finding once it is in the plan, and beside its field as soon as it is typed.
pub fn questioned_value(indicator: &Indicator, segment: &Segment, value: &Value) -> Option<Finding> {
    let value = value.as_number().filter(|_| indicator.kind == IndicatorKind::Percentage)?;
    (!(0.0..=100.0).contains(&value)).then(|| Finding::PercentageValueOutOfRange {
        indicator: indicator.id.clone(),
        segment: segment.label.clone(),
        value,
    })
}

/// What the checks say of a target of the segment, resolved against its baseline.
pub fn questioned_target(indicator: &Indicator, segment: &Segment, target: &Target) -> Option<Finding> {
    let baseline = segment.baseline.as_ref().and_then(|b| b.value.as_number());
    let value = target.resolve(baseline).filter(|_| indicator.kind == IndicatorKind::Percentage)?;
    (!(0.0..=100.0).contains(&value)).then(|| Finding::PercentageTargetOutOfRange {
        indicator: indicator.id.clone(),
        segment: segment.label.clone(),
        target: value,
    })
}
