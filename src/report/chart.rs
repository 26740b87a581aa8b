//! The geometry of a segment's small chart: its measurements against the path from the
//! baseline through the intermediate targets to the final target, in a fixed box.
//!
//! The geometry is computed first (`segment_chart`), then drawn as SVG text (`svg`),
//! with a title and a description that state the same values in words for those who
//! cannot see it. The page and the printed bilan show the same drawing.

use crate::model::date::PlanDate;
use crate::model::indicator::{IndicatorKind, Segment};
use crate::model::plan::Period;
use crate::report::html::Html;
use crate::words::lang::Lang;
use crate::words::table::words;
use crate::words::text;
use chrono::{Datelike, NaiveDate};

/// The chart's box (`viewBox="0 0 WIDTH HEIGHT"`).
pub const WIDTH: f64 = 320.0;
pub const HEIGHT: f64 = 130.0;

/// The plotting area inside the box; the margins hold the axis labels.
pub const LEFT: f64 = 60.0;
pub const RIGHT: f64 = WIDTH - 10.0;
pub const TOP: f64 = 12.0;
pub const BOTTOM: f64 = HEIGHT - 24.0;

/// A value at a date, and where it sits in the box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
    pub date: NaiveDate,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub baseline: Option<Point>,
    /// Each target resolved against the baseline, in date order.
    pub targets: Vec<Point>,
    /// The numeric measurements, in date order.
    pub measurements: Vec<Point>,
    /// The horizontal position of the date the chart is as of, when it is in range.
    pub as_of: Option<f64>,
    /// The first and last days of the horizontal axis.
    pub dates: (NaiveDate, NaiveDate),
    /// The lowest and highest values of the vertical axis.
    pub values: (f64, f64),
}

impl Chart {
    /// Nothing to draw: no number in the baseline, targets or measurements.
    pub fn is_empty(&self) -> bool {
        self.baseline.is_none() && self.targets.is_empty() && self.measurements.is_empty()
    }

    /// The path to the target: the baseline, then the targets.
    pub fn path(&self) -> Vec<Point> {
        self.baseline.iter().chain(&self.targets).copied().collect()
    }

    /// The vertical position of a value (the axis lines and their labels). Halves are
    /// subtracted, never the values: from -10³⁰⁸ to 10³⁰⁸ is more than an `f64` holds.
    pub fn y_of(&self, value: f64) -> f64 {
        let (low, high) = self.values;
        BOTTOM - (value / 2.0 - low / 2.0) / (high / 2.0 - low / 2.0) * (BOTTOM - TOP)
    }
}

/// The points as an SVG path (`M x y L x y …`).
pub fn svg_path(points: &[Point]) -> String {
    points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{}{:.1} {:.1}", if i == 0 { "M" } else { "L" }, p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The chart of one segment over the plan's period, widened to every date it shows.
pub fn segment_chart(
    segment: &Segment,
    kind: IndicatorKind,
    out_of: Option<f64>,
    period: Period,
    as_of: NaiveDate,
) -> Chart {
    // A date written as a year alone ends when the plan's year ends.
    let year = period.year_end();
    let baseline = segment.baseline.as_ref().and_then(|b| b.value.as_number().map(|v| (b.date.end(year), v)));
    let base_value = baseline.map(|(_, v)| v);
    // A target relative to a huge baseline can resolve past what an `f64` holds: it has
    // no place on the axis, and is left out of the drawing.
    let mut targets: Vec<(NaiveDate, f64)> = segment
        .targets
        .iter()
        .filter_map(|t| t.resolve(base_value).filter(|v| v.is_finite()).map(|v| (t.date.end(year), v)))
        .collect();
    targets.sort_by_key(|(d, _)| *d);
    let mut measured: Vec<(NaiveDate, f64)> =
        segment.measurements.iter().filter_map(|m| m.value.as_number().map(|v| (m.date.end(year), v))).collect();
    measured.sort_by_key(|(d, _)| *d);

    let all = || baseline.iter().chain(&targets).chain(&measured);
    let first = all().map(|(d, _)| *d).min().map_or(period.start, |d| d.min(period.start));
    let last = all().map(|(d, _)| *d).max().map_or(period.end, |d| d.max(period.end));
    let values = value_range(all().map(|(_, v)| *v), kind, out_of);
    let days = (last - first).num_days().max(1) as f64;
    let x_of = |date: NaiveDate| LEFT + (date - first).num_days() as f64 / days * (RIGHT - LEFT);
    let mut chart = Chart {
        baseline: None,
        targets: Vec::new(),
        measurements: Vec::new(),
        as_of: None,
        dates: (first, last),
        values,
    };
    let place =
        |chart: &Chart, (date, value): (NaiveDate, f64)| Point { x: x_of(date), y: chart.y_of(value), date, value };
    chart.baseline = baseline.map(|p| place(&chart, p));
    chart.targets = targets.iter().map(|p| place(&chart, *p)).collect();
    chart.measurements = measured.iter().map(|p| place(&chart, *p)).collect();
    chart.as_of = (first..=last).contains(&as_of).then(|| x_of(as_of));
    chart
}

/// The vertical axis: every value with a little room, kept within what the kind can
/// hold (0 to 100 for a rate, 0 to the whole for a ratio, done or not for a milestone).
fn value_range(values: impl Iterator<Item = f64>, kind: IndicatorKind, out_of: Option<f64>) -> (f64, f64) {
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if !low.is_finite() {
        return (0.0, 1.0);
    }
    // Done or not; a number typed into a file by hand takes an axis of its own.
    if kind == IndicatorKind::Milestone && low >= 0.0 && high <= 1.0 {
        return (0.0, 1.0);
    }
    // From -10³⁰⁸ to 10³⁰⁸ the span and its room overflow: the axis then stops at the
    // largest finite values, which still hold every value drawn.
    let span = if high - low > f64::EPSILON { high - low } else { high.abs().max(1.0) * 0.2 };
    let finite = |v: f64| v.clamp(f64::MIN, f64::MAX);
    let mut padded = (finite(low - span * 0.15), finite(high + span * 0.15));
    if low >= 0.0 {
        padded.0 = padded.0.max(0.0);
    }
    let ceiling = match kind {
        IndicatorKind::Percentage => Some(100.0),
        IndicatorKind::Ratio => out_of,
        _ => None,
    };
    // A ceiling that would leave the axis no height (a ratio out of 0, every value 0)
    // is not applied.
    if let Some(ceiling) = ceiling.filter(|c| high <= *c && *c > padded.0) {
        padded.1 = padded.1.min(ceiling);
    }
    padded
}

/// What a chart is of and how its values are written.
pub struct Drawing<'a> {
    /// Unique in the page: names the chart's title and description.
    pub dom_id: &'a str,
    /// What the chart is about: « Taux de diplomation — Garçons ».
    pub title: &'a str,
    pub kind: IndicatorKind,
    pub out_of: Option<f64>,
    pub lang: Lang,
}

/// The chart as an `<svg>` element; empty when there is nothing to draw.
pub fn svg(chart: &Chart, drawing: &Drawing) -> String {
    if chart.is_empty() {
        return String::new();
    }
    let lang = drawing.lang;
    let say = |v: f64| text::measured(v, drawing.kind, drawing.out_of, lang);
    let (title_id, desc_id) = (format!("{}-title", drawing.dom_id), format!("{}-desc", drawing.dom_id));
    let (low, high) = chart.values;
    let year = |d: NaiveDate| PlanDate::year(d.year()).map_or_else(String::new, |y| text::plan_date(y, lang));
    let labelled = format!("{title_id} {desc_id}");
    let view_box = format!("0 0 {WIDTH} {HEIGHT}");
    let mut svg = Html::new();
    svg.open(
        "svg",
        &[
            ("class", "indicator-chart"),
            ("role", "img"),
            ("aria-labelledby", &labelled),
            ("viewBox", &view_box),
            ("preserveAspectRatio", "xMidYMid meet"),
        ],
    );
    svg.element("title", &[("id", &title_id)], &(words(lang).trend_of)(drawing.title));
    svg.element("desc", &[("id", &desc_id)], &description(chart, &say, lang));
    svg.open("g", &[("class", "chart-axes"), ("aria-hidden", "true")]);
    line(&mut svg, "", (LEFT, TOP), (LEFT, BOTTOM));
    line(&mut svg, "", (LEFT, BOTTOM), (RIGHT, BOTTOM));
    line(&mut svg, "chart-grid", (LEFT, TOP), (RIGHT, TOP));
    label(&mut svg, (LEFT - 4.0, chart.y_of(high) + 4.0), "end", &say(high));
    label(&mut svg, (LEFT - 4.0, chart.y_of(low)), "end", &say(low));
    label(&mut svg, (LEFT, HEIGHT - 6.0), "", &year(chart.dates.0));
    label(&mut svg, (RIGHT, HEIGHT - 6.0), "end", &year(chart.dates.1));
    if let Some(x) = chart.as_of {
        line(&mut svg, "chart-today", (x, TOP), (x, BOTTOM));
    }
    svg.close("g");
    svg.empty("path", &[("class", "chart-path"), ("d", &svg_path(&chart.path()))]);
    // Each kind of marker is one path of small shapes: a bilan draws thousands of charts.
    let squares: String = chart.path().iter().map(|p| format!("M{} {}h7v7h-7z", f(p.x - 3.5), f(p.y - 3.5))).collect();
    svg.empty("path", &[("class", "chart-target"), ("d", &squares)]);
    svg.empty("path", &[("class", "chart-measured"), ("d", &svg_path(&chart.measurements))]);
    let dots: String = chart
        .measurements
        .iter()
        .map(|p| format!("M{} {}a4 4 0 1 0 8 0a4 4 0 1 0-8 0z", f(p.x - 4.0), f(p.y)))
        .collect();
    svg.empty("path", &[("class", "chart-measure"), ("d", &dots)]);
    svg.close("svg");
    svg.into_string()
}

/// A coordinate as an SVG attribute.
fn f(n: f64) -> String {
    format!("{n:.1}")
}

fn line(svg: &mut Html, class: &str, (x1, y1): (f64, f64), (x2, y2): (f64, f64)) {
    let class = if class.is_empty() { ("", "") } else { ("class", class) };
    svg.empty("line", &[class, ("x1", &f(x1)), ("y1", &f(y1)), ("x2", &f(x2)), ("y2", &f(y2))]);
}

fn label(svg: &mut Html, (x, y): (f64, f64), anchor: &str, text: &str) {
    let anchor = if anchor.is_empty() { ("", "") } else { ("text-anchor", anchor) };
    svg.element("text", &[("x", &f(x)), ("y", &f(y)), anchor], text);
}

/// « Situation de départ : 68 % (30 juin 2022). Cibles : 73 % (31 décembre 2025), … ».
fn description(chart: &Chart, say: &dyn Fn(f64) -> String, lang: Lang) -> String {
    let w = words(lang);
    let list = |points: &[Point]| {
        points.iter().map(|p| format!("{} ({})", say(p.value), text::day(p.date, lang))).collect::<Vec<_>>().join(", ")
    };
    let mut sentences = Vec::new();
    if let Some(baseline) = chart.baseline {
        sentences.push((w.label_value)(w.baseline, &list(&[baseline])));
    }
    if !chart.targets.is_empty() {
        sentences.push((w.label_value)(w.targets, &list(&chart.targets)));
    }
    if chart.measurements.is_empty() {
        sentences.push(w.no_measurement.to_string());
    } else {
        sentences.push((w.label_value)(w.measurements, &list(&chart.measurements)));
    }
    format!("{}.", sentences.join(". "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::measurement::{Measurement, Observation, Value};
    use crate::model::target::{Target, TargetValue};
    use proptest::prelude::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text)
    }

    fn period() -> Period {
        Period { start: day("2023-07-01"), end: day("2027-06-30") }
    }

    fn date(text: &str) -> PlanDate {
        PlanDate::parse(text).expect(text)
    }

    fn segment(baseline: Option<f64>, targets: &[(&str, TargetValue)], measured: &[(&str, f64)]) -> Segment {
        Segment {
            id: "s".into(),
            label: String::new(),
            baseline: baseline.map(|v| Observation { date: date("2022-06"), value: Value::Number(v) }),
            targets: targets.iter().map(|(d, v)| Target { date: date(d), value: v.clone() }).collect(),
            measurements: measured.iter().map(|(d, v)| Measurement::new(date(d), Value::Number(*v))).collect(),
        }
    }

    fn absolute(v: f64) -> TargetValue {
        TargetValue::Absolute(Value::Number(v))
    }

    fn chart(segment: &Segment) -> Chart {
        segment_chart(segment, IndicatorKind::Percentage, None, period(), day("2023-12-20"))
    }

    fn inside(p: &Point) -> bool {
        (LEFT..=RIGHT).contains(&p.x) && (TOP..=BOTTOM).contains(&p.y)
    }

    #[test]
    fn the_path_runs_from_the_baseline_through_the_targets_in_date_order() {
        let s = segment(Some(68.0), &[("2027", absolute(78.0)), ("2025", TargetValue::PercentagePoints(5.0))], &[]);
        let c = chart(&s);
        let path = c.path();
        let values: Vec<f64> = path.iter().map(|p| p.value).collect();
        assert_eq!(values, [68.0, 73.0, 78.0], "the relative target is resolved against the baseline");
        assert!(path.windows(2).all(|w| w[0].x < w[1].x));
        assert!(path[2].y < path[0].y, "higher values sit higher in the box");
    }

    #[test]
    fn every_point_is_inside_the_box_and_measurements_are_in_date_order() {
        let s =
            segment(Some(0.0), &[("2027", absolute(100.0))], &[("2024-06", 40.0), ("2021", 2.0), ("2023-06", 30.0)]);
        let c = chart(&s);
        assert!(c.path().iter().chain(&c.measurements).all(inside), "{c:?}");
        let dates: Vec<NaiveDate> = c.measurements.iter().map(|p| p.date).collect();
        // A year alone ends with the plan's school year, in June.
        assert_eq!(dates, [day("2021-06-30"), day("2023-06-30"), day("2024-06-30")]);
        assert_eq!(c.dates, (day("2021-06-30"), day("2027-06-30")), "the axis widens to every date");
        assert_eq!(c.values, (0.0, 100.0), "a rate stays within 0 to 100");
        assert!(c.as_of.is_some_and(|x| (LEFT..=RIGHT).contains(&x)));
    }

    #[test]
    fn a_single_value_still_has_room_above_and_below() {
        let c = chart(&segment(None, &[], &[("2023-06", 50.0)]));
        assert!(c.values.0 < 50.0 && c.values.1 > 50.0);
        assert!(c.measurements.iter().all(inside));
        assert!(c.path().is_empty(), "no baseline nor target: no path");
    }

    #[test]
    fn nothing_numeric_draws_nothing() {
        assert!(chart(&segment(None, &[], &[])).is_empty());
        let relative_without_baseline = segment(None, &[("2027", TargetValue::RelativePercent(10.0))], &[]);
        assert!(chart(&relative_without_baseline).is_empty());
        let mut words = segment(None, &[], &[]);
        words.measurements.push(Measurement {
            date: date("2023"),
            value: Value::Text("Bien amorcé".into()),
            assessment: None,
            note: String::new(),
        });
        assert!(segment_chart(&words, IndicatorKind::Qualitative, None, period(), day("2023-12-20")).is_empty());
    }

    #[test]
    fn milestones_and_ratios_keep_their_own_scale() {
        let mut milestone = segment(None, &[], &[]);
        milestone.measurements.push(Measurement {
            date: date("2024"),
            value: Value::Done(true),
            assessment: None,
            note: String::new(),
        });
        let c = segment_chart(&milestone, IndicatorKind::Milestone, None, period(), day("2023-12-20"));
        assert_eq!(c.values, (0.0, 1.0));
        assert_eq!(c.measurements[0].y, TOP);
        let ratio = segment(Some(1.0), &[("2027", absolute(4.0))], &[]);
        let c = segment_chart(&ratio, IndicatorKind::Ratio, Some(4.0), period(), day("2030-01-01"));
        assert_eq!(c.values.1, 4.0);
        assert_eq!(c.as_of, None, "an as-of date past the axis is not drawn");
    }

    #[test]
    fn the_drawing_names_its_values_in_words_and_escapes_its_title() {
        let c = chart(&segment(Some(68.0), &[("2027", absolute(78.0))], &[("2023-06", 70.0)]));
        let drawing = Drawing {
            dom_id: "c1",
            title: "Taux <A&B>",
            kind: IndicatorKind::Percentage,
            out_of: None,
            lang: Lang::Fr,
        };
        let svg = svg(&c, &drawing);
        assert!(
            svg.starts_with("<svg class=\"indicator-chart\" role=\"img\" aria-labelledby=\"c1-title c1-desc\""),
            "{svg}"
        );
        assert!(svg.contains("Taux &lt;A&amp;B&gt;"), "{svg}");
        assert!(svg.contains("68\u{a0}% (30 juin 2022)") && svg.contains("70\u{a0}% (30 juin 2023)"), "{svg}");
        let markers = |class: &str| {
            let at = svg.find(&format!("class=\"{class}\" d=\"")).expect(class);
            svg[at..].split('"').nth(3).expect("the path's data").matches('M').count()
        };
        assert_eq!(markers("chart-measure"), 1, "{svg}");
        assert_eq!(markers("chart-target"), 2, "{svg}");
        assert_eq!(super::svg(&chart(&segment(None, &[], &[])), &drawing), "");
    }

    /// Issue 26, item 6: a value of 10³⁰⁸ drew `NaN` in the chart.
    #[test]
    fn values_near_the_largest_f64_draw_inside_the_box() {
        let huge = segment(Some(-1e308), &[("2027", absolute(1e308))], &[("2024", 1e308), ("2025", -1e308)]);
        let c = segment_chart(&huge, IndicatorKind::Count, None, period(), day("2023-12-20"));
        assert!(c.path().iter().chain(&c.measurements).all(inside), "{c:?}");
        let relative = segment(Some(1e308), &[("2027", TargetValue::RelativePercent(200.0))], &[("2024", 5e-324)]);
        let c = segment_chart(&relative, IndicatorKind::Count, None, period(), day("2023-12-20"));
        assert_eq!(c.targets, [], "a target past the largest f64 has no place on the axis");
        assert!(c.path().iter().chain(&c.measurements).all(inside), "{c:?}");
        let none_out_of_none = segment(Some(0.0), &[], &[("2024", 0.0)]);
        let c = segment_chart(&none_out_of_none, IndicatorKind::Ratio, Some(0.0), period(), day("2023-12-20"));
        assert!(c.path().iter().chain(&c.measurements).all(inside), "{c:?}");
    }

    fn finite() -> impl Strategy<Value = f64> {
        use proptest::num::f64::{NEGATIVE, NORMAL, POSITIVE, SUBNORMAL, ZERO};
        prop_oneof![
            POSITIVE | NEGATIVE | NORMAL | SUBNORMAL | ZERO,
            Just(f64::MAX),
            Just(f64::MIN),
            Just(1e308),
            Just(-1e308),
            Just(f64::MIN_POSITIVE),
            -1000.0..1000.0,
        ]
    }

    fn any_target() -> impl Strategy<Value = TargetValue> {
        prop_oneof![
            finite().prop_map(absolute),
            finite().prop_map(TargetValue::RelativePercent),
            finite().prop_map(TargetValue::PercentagePoints),
        ]
    }

    fn any_kind() -> impl Strategy<Value = IndicatorKind> {
        prop_oneof![
            Just(IndicatorKind::Count),
            Just(IndicatorKind::Dollars),
            Just(IndicatorKind::Percentage),
            Just(IndicatorKind::Ratio),
            Just(IndicatorKind::Milestone),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        /// Any finite values, huge, tiny or mixed, as baseline, targets and measurements:
        /// every point is drawn inside the box, and the drawing holds no `NaN` nor `inf`.
        #[test]
        fn any_finite_values_draw_a_finite_chart(
            baseline in proptest::option::of(finite()),
            targets in proptest::collection::vec(any_target(), 0..4),
            measured in proptest::collection::vec(finite(), 0..5),
            kind in any_kind(),
            out_of in proptest::option::of(finite()),
        ) {
            let years = ["2024", "2025", "2026", "2027", "2028"];
            let targets: Vec<(&str, TargetValue)> = targets.into_iter().zip(years).map(|(t, y)| (y, t)).collect();
            let measured: Vec<(&str, f64)> = measured.into_iter().zip(years).map(|(v, y)| (y, v)).collect();
            let s = segment(baseline, &targets, &measured);
            let c = segment_chart(&s, kind, out_of, period(), day("2025-01-01"));
            prop_assert!(c.values.0.is_finite() && c.values.1.is_finite() && c.values.0 < c.values.1, "{:?}", c.values);
            for p in c.path().iter().chain(&c.measurements) {
                prop_assert!(inside(p), "{:?} outside the box: {:?}", p, c.values);
            }
            let drawing = Drawing { dom_id: "c", title: "t", kind, out_of, lang: Lang::Fr };
            let svg = svg(&c, &drawing);
            // Attribute values: the paths, and the coordinates of lines and labels.
            let coordinates = svg.split('"').skip(1).step_by(2).filter(|v| v.starts_with('M') || v.parse::<f64>().is_ok());
            for value in coordinates {
                prop_assert!(!value.contains("NaN") && !value.contains("inf"), "{}", value);
            }
            prop_assert!(!svg.contains("NaN"), "{}", svg);
        }
    }

    #[test]
    fn the_svg_path_moves_then_draws() {
        let c = chart(&segment(Some(68.0), &[("2027", absolute(78.0))], &[]));
        let d = svg_path(&c.path());
        assert!(d.starts_with("M60.0 ") && d.contains(" L310.0 "), "{d}");
        assert_eq!(svg_path(&[]), "");
    }
}
