//! Worked examples of progress, expected progress and status.

use super::*;
use crate::model::measurement::{Observation, Value};
use crate::model::target::{Target, TargetValue};

fn date(text: &str) -> PlanDate {
    PlanDate::parse(text).expect(text)
}

/// A day in a plan of calendar years.
fn day(text: &str) -> NaiveDate {
    date(text).end(YearEnd::CALENDAR)
}

fn segment(baseline: Option<(&str, f64)>, targets: &[(&str, f64)], measured: &[(&str, f64)]) -> Segment {
    Segment {
        id: Id::new("s"),
        label: String::new(),
        baseline: baseline.map(|(d, v)| Observation { date: date(d), value: Value::Number(v) }),
        targets: targets
            .iter()
            .map(|(d, v)| Target { date: date(d), value: TargetValue::Absolute(Value::Number(*v)) })
            .collect(),
        measurements: measured.iter().map(|(d, v)| Measurement::new(date(d), Value::Number(*v))).collect(),
    }
}

fn indicator(kind: IndicatorKind, direction: Direction, segments: Vec<Segment>) -> Indicator {
    Indicator {
        id: Id::new("i"),
        objective: Id::new("o"),
        label: "Taux".into(),
        kind,
        direction,
        out_of: None,
        segments,
        source: String::new(),
        note: String::new(),
        meta: Default::default(),
    }
}

/// The status and progress (rounded to 0.1 %) of a one-segment indicator at a date.
fn check(indicator: &Indicator, as_of: &str, expected: (Status, Option<f64>)) {
    let window = Window { as_of: day(as_of), not_before: None, year: YearEnd::CALENDAR };
    let result = indicator_progress(indicator, window, &Settings::default());
    let progress = result.progress.map(|p| (p * 1000.0).round() / 10.0);
    assert_eq!((result.status, progress), expected);
}

fn rate(baseline: f64, target: f64, measured: &[(&str, f64)]) -> Indicator {
    indicator(
        IndicatorKind::Percentage,
        Direction::Increase,
        vec![segment(Some(("2023-06-30", baseline)), &[("2027-06-30", target)], measured)],
    )
}

#[test]
fn an_increase_on_its_path_is_on_track() {
    // 68 % → 78 % over four years; halfway in time, 73 % is exactly on the path.
    check(&rate(68.0, 78.0, &[("2025-06-30", 73.0)]), "2025-07-01", (Status::OnTrack, Some(50.0)));
}

#[test]
fn an_increase_behind_its_path_is_to_watch_then_late() {
    // Expected 50 % of the way; 45 % of the way is 90 % of expected: to watch.
    check(&rate(68.0, 78.0, &[("2025-06-30", 72.5)]), "2025-07-01", (Status::ToWatch, Some(45.0)));
    // 30 % of the way is 60 % of expected: late.
    check(&rate(68.0, 78.0, &[("2025-06-30", 71.0)]), "2025-07-01", (Status::Late, Some(30.0)));
}

#[test]
fn an_exceeded_target_is_reached_above_100_percent() {
    check(&rate(68.0, 78.0, &[("2026-06-30", 80.0)]), "2026-07-01", (Status::Reached, Some(120.0)));
}

#[test]
fn a_decrease_is_the_mirror() {
    let absences = indicator(
        IndicatorKind::Percentage,
        Direction::Decrease,
        vec![segment(Some(("2023-06-30", 20.0)), &[("2027-06-30", 12.0)], &[("2025-06-30", 16.0)])],
    );
    check(&absences, "2025-07-01", (Status::OnTrack, Some(50.0)));
}

#[test]
fn a_measurement_before_the_date_is_the_one_that_counts() {
    let rate = rate(68.0, 78.0, &[("2024-06-30", 70.5), ("2026-06-30", 78.5)]);
    check(&rate, "2025-01-01", (Status::OnTrack, Some(25.0)));
    check(&rate, "2026-07-01", (Status::Reached, Some(105.0)));
}

#[test]
fn without_a_measurement_or_a_baseline_it_is_not_measured() {
    check(&rate(68.0, 78.0, &[]), "2025-07-01", (Status::NotMeasured, None));
    let no_baseline = indicator(
        IndicatorKind::Percentage,
        Direction::Increase,
        vec![segment(None, &[("2027-06-30", 80.0)], &[("2025-06-30", 75.0)])],
    );
    check(&no_baseline, "2025-07-01", (Status::NotMeasured, None));
    // …unless the target is already met.
    let met = indicator(
        IndicatorKind::Percentage,
        Direction::Increase,
        vec![segment(None, &[("2027-06-30", 80.0)], &[("2025-06-30", 81.0)])],
    );
    check(&met, "2025-07-01", (Status::Reached, Some(100.0)));
}

#[test]
fn a_target_equal_to_the_baseline_asks_to_hold_it() {
    check(&rate(70.0, 70.0, &[("2025-06-30", 70.0)]), "2025-07-01", (Status::Reached, Some(100.0)));
    check(&rate(70.0, 70.0, &[("2025-06-30", 69.0)]), "2025-07-01", (Status::Late, Some(0.0)));
}

#[test]
fn maintain_holds_at_least_the_target() {
    let retention = |measured: f64| {
        indicator(
            IndicatorKind::Percentage,
            Direction::Maintain,
            vec![segment(Some(("2023-06-30", 85.0)), &[("2027-06-30", 85.0)], &[("2025-06-30", measured)])],
        )
    };
    check(&retention(86.0), "2025-07-01", (Status::OnTrack, Some(101.2)));
    check(&retention(86.0), "2027-07-01", (Status::Reached, Some(101.2)));
    check(&retention(80.0), "2025-07-01", (Status::ToWatch, Some(94.1)));
    check(&retention(70.0), "2025-07-01", (Status::Late, Some(82.4)));
}

#[test]
fn intermediate_targets_bend_the_expected_path() {
    // Most of the gain is expected in the first year: 68 → 76 by June 2024, 78 by 2027.
    let s = segment(Some(("2023-06-30", 68.0)), &[("2024-06-30", 76.0), ("2027-06-30", 78.0)], &[]);
    let expected = |d: &str| {
        expected_progress(&s, Direction::Increase, Some(68.0), day(d), YearEnd::CALENDAR).map(|e| (e * 100.0).round())
    };
    assert_eq!(expected("2023-06-30"), Some(0.0));
    assert_eq!(expected("2024-06-30"), Some(80.0));
    assert_eq!(expected("2027-06-30"), Some(100.0));
    assert_eq!(expected("2030-01-01"), Some(100.0));
    assert_eq!(expected("2022-01-01"), Some(0.0));
}

#[test]
fn relative_targets_resolve_against_the_baseline() {
    let mut s = segment(Some(("2023-06-30", 60.0)), &[], &[("2027-06-30", 69.0)]);
    s.targets.push(Target { date: date("2027-06"), value: TargetValue::RelativePercent(15.0) });
    check(
        &indicator(IndicatorKind::Percentage, Direction::Increase, vec![s.clone()]),
        "2027-07-01",
        (Status::Reached, Some(100.0)),
    );
    s.targets[0].value = TargetValue::PercentagePoints(15.0);
    check(
        &indicator(IndicatorKind::Percentage, Direction::Increase, vec![s]),
        "2027-07-01",
        (Status::Late, Some(60.0)),
    );
}

#[test]
fn segments_take_the_worst_status_and_the_mean_progress() {
    let primaire = segment(Some(("2023-06-30", 71.0)), &[("2027-06-30", 79.7)], &[("2025-06-30", 75.35)]);
    let mut secondaire = segment(Some(("2023-06-30", 55.0)), &[("2027-06-30", 62.0)], &[("2025-06-30", 56.4)]);
    secondaire.id = Id::new("s2");
    let mut unmeasured = segment(Some(("2023-06-30", 40.0)), &[("2027-06-30", 50.0)], &[]);
    unmeasured.id = Id::new("s3");
    let zone = indicator(IndicatorKind::Percentage, Direction::Increase, vec![primaire, secondaire, unmeasured]);
    // Primaire on its path (50 %), secondaire at 20 % of the way: late; the unmeasured
    // segment neither helps nor hurts.
    check(&zone, "2025-07-01", (Status::Late, Some(35.0)));
}

#[test]
fn a_measurement_older_than_the_previous_checkpoint_does_not_count() {
    let rate = rate(68.0, 78.0, &[("2023-12-01", 70.0)]);
    let window = |as_of: &str, not_before: Option<&str>| Window {
        as_of: day(as_of),
        not_before: not_before.map(day),
        year: YearEnd::CALENDAR,
    };
    let status = |w| indicator_progress(&rate, w, &Settings::default()).status;
    assert_eq!(status(window("2024-06-20", Some("2023-11-15"))), Status::OnTrack);
    assert_eq!(status(window("2024-12-12", Some("2024-06-20"))), Status::NotMeasured);
}

#[test]
fn the_window_runs_from_the_checkpoint_before_the_latest_one() {
    let mut plan = crate::start::sample::sample_plan();
    let checkpoint = |id: &str, d: &str| crate::model::checkpoint::Checkpoint {
        id: Id::new(id),
        label: id.into(),
        date: day(d),
        closed: false,
        meta: Default::default(),
    };
    plan.checkpoints = vec![checkpoint("c2", "2024-06-20"), checkpoint("c1", "2023-12-12")];
    assert_eq!(Window::new(&plan, day("2023-12-01")).not_before, None);
    assert_eq!(Window::new(&plan, day("2024-01-10")).not_before, None);
    assert_eq!(Window::new(&plan, day("2024-06-20")).not_before, Some(day("2023-12-12")));
    assert_eq!(Window::new(&plan, day("2025-01-01")).not_before, Some(day("2023-12-12")));
}

#[test]
fn milestones_are_done_or_due() {
    let milestone = |done: bool| {
        let mut s = segment(None, &[], &[]);
        s.targets.push(Target { date: date("2026-06"), value: TargetValue::Absolute(Value::Done(true)) });
        s.measurements.push(Measurement {
            date: date("2025-06"),
            value: Value::Done(done),
            assessment: None,
            note: String::new(),
        });
        indicator(IndicatorKind::Milestone, Direction::Increase, vec![s])
    };
    check(&milestone(true), "2025-07-01", (Status::Reached, Some(100.0)));
    check(&milestone(false), "2025-07-01", (Status::OnTrack, Some(0.0)));
    check(&milestone(false), "2026-07-01", (Status::Late, Some(0.0)));
}

#[test]
fn qualitative_indicators_take_the_stated_assessment() {
    let mut s = segment(None, &[], &[]);
    s.measurements.push(Measurement {
        date: date("2025-06"),
        value: Value::Text("Les référentiels sont connus de la plupart des équipes.".into()),
        assessment: Some(Assessment::ToWatch),
        note: String::new(),
    });
    check(
        &indicator(IndicatorKind::Qualitative, Direction::Increase, vec![s.clone()]),
        "2025-07-01",
        (Status::ToWatch, None),
    );
    s.measurements[0].assessment = None;
    check(
        &indicator(IndicatorKind::Qualitative, Direction::Increase, vec![s]),
        "2025-07-01",
        (Status::NotMeasured, None),
    );
}

#[test]
fn with_fewer_than_two_checkpoints_a_measurement_counts_for_a_year() {
    let mut plan = crate::start::sample::sample_plan();
    assert_eq!(plan.checkpoints.len(), 1);
    assert_eq!(Window::new(&plan, day("2024-06-20")).not_before, Some(day("2023-06-20")));
    plan.checkpoints.clear();
    assert_eq!(Window::new(&plan, day("2024-02-29")).not_before, Some(day("2023-02-28")));
    // Measured in June 2023: it counts in June 2024, no longer in July 2024, when the
    // segment says since when it is not measured.
    let rate = rate(68.0, 78.0, &[("2023-06", 70.0)]);
    let at = |as_of: &str| indicator_progress(&rate, Window::new(&plan, day(as_of)), &Settings::default());
    assert_eq!((at("2024-06-20").status, at("2024-06-20").segments[0].too_old.clone()), (Status::OnTrack, None));
    let late = at("2024-07-15");
    assert_eq!(
        (late.status, late.segments[0].too_old.as_ref().map(|m| m.date)),
        (Status::NotMeasured, Some(date("2023-06")))
    );
    assert_eq!(late.segments[0].measured_on, None);
}

/// Issue 27: in a plan whose period runs July to June, a target dated « 2027 » is due
/// at the end of the school year that ends in June 2027, not on 31 December.
#[test]
fn a_target_dated_by_a_year_alone_is_due_when_the_plan_s_year_ends() {
    let mut plan = crate::start::sample::sample_plan();
    let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!((plan.period.start, plan.period.end), (on(2023, 7, 1), on(2027, 6, 30)));
    let mut rate = rate(60.0, 80.0, &[("2025-06", 70.0)]);
    rate.segments[0].baseline.as_mut().unwrap().date = date("2023-06");
    rate.segments[0].targets[0].date = date("2027");
    let expected = |plan: &Plan| {
        let window = Window::new(plan, on(2025, 7, 1));
        let p = indicator_progress(&rate, window, &plan.settings).segments[0].expected.unwrap();
        (p * 1000.0).round() / 10.0
    };
    // June 2023 to June 2027: halfway in June 2025.
    assert_eq!(expected(&plan), 50.0);
    // A plan of calendar years reads « 2027 » as its last day, 31 December.
    plan.period.start = on(2024, 1, 1);
    plan.period.end = on(2027, 12, 31);
    assert_eq!(expected(&plan), 44.4);
}

/// Issue 27: a measurement set aside is said for what it is, old, with its month, not
/// absent.
#[test]
fn a_measurement_too_old_is_said_too_old_with_its_month() {
    let plan = crate::start::sample::sample_plan();
    let rate = rate(68.0, 78.0, &[("2023-06-15", 70.0)]);
    let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let late = indicator_progress(&rate, Window::new(&plan, on(2024, 7, 15)), &plan.settings);
    assert_eq!(late.status, Status::NotMeasured);
    assert_eq!(
        crate::words::text::segment_status(&late.segments[0], crate::words::lang::Lang::Fr),
        "Mesure trop ancienne\u{a0}: juin 2023"
    );
    assert_eq!(
        crate::words::text::segment_status(&late.segments[0], crate::words::lang::Lang::En),
        "Measurement too old: June 2023"
    );
}

/// Issue 27: how long a measurement counts is the plan's setting, in months: with
/// twelve, an indicator measured each June still counts at the bilan of the next June,
/// whatever checkpoint came between. A plan without it keeps the rule of checkpoints.
#[test]
fn how_long_a_measurement_counts_is_a_setting_of_the_plan() {
    let mut plan = crate::start::sample::sample_plan();
    let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    plan.checkpoints.push(crate::model::checkpoint::Checkpoint {
        id: Id::new("fin"),
        label: "Bilan de fin d'année".into(),
        date: on(2024, 6, 20),
        closed: false,
        meta: Default::default(),
    });
    let rate = rate(68.0, 78.0, &[("2023-06", 70.0)]);
    let status = |plan: &Plan| indicator_progress(&rate, Window::new(plan, on(2024, 6, 20)), &plan.settings).status;
    assert_eq!(status(&plan), Status::NotMeasured, "measured before the checkpoint of December 2023");
    let mut file: serde_json::Value = serde_json::from_str(&crate::format::save(&plan)).unwrap();
    file["plan"]["settings"]["measurement_months"] = 12.into();
    file["version"] = 4.into();
    let plan = crate::format::load(&file.to_string()).expect("a plan that says how long a measurement counts");
    assert_eq!(status(&plan), Status::OnTrack);
    assert_eq!(Window::new(&plan, on(2024, 6, 20)).not_before, Some(on(2023, 6, 20)));
}
