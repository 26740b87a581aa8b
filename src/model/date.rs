//! Dates as plans write them: a day, a month (« juin 2027 ») or a year (« Cibles 2027 »).
//!
//! A month or a year is compared on the last day of that period: « d'ici juin 2027 » is
//! met on 30 June 2027. A year alone is the plan's year that ends in it (`YearEnd`): in
//! a plan whose period runs July to June, « 2027 » is the school year that ends on 30 June
//! 2027, not 31 December. Today is always given by the caller; the core reads no clock.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// What the date's reader puts before a text it refuses, so that the file's reader can
/// tell this refusal from serde's own and say which date it was.
pub(crate) const BAD_DATE: &str = "jalon:bad-date:";

/// The last month of a plan's year: June in a plan whose period runs July to June
/// (`Period::year_end`, the month the period ends in), December in a calendar plan.
/// Every reading of a date written as a year alone goes through it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct YearEnd(u32);

impl YearEnd {
    /// A calendar year, from January to December.
    pub const CALENDAR: YearEnd = YearEnd(12);

    /// The plan year that ends with `month` (1 to 12; anything else is December).
    pub fn month(month: u32) -> YearEnd {
        if (1..=12).contains(&month) {
            YearEnd(month)
        } else {
            YearEnd::CALENDAR
        }
    }
}

/// A day, a month or a year, written in files as `2027-06-30`, `2027-06` or `2027`.
/// Dates have no order of their own: a year's end depends on the plan (`YearEnd`), so
/// dates are compared through `end` or `order` with the plan's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlanDate {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
    Year(i32),
}

impl PlanDate {
    pub fn day(year: i32, month: u32, day: u32) -> Option<PlanDate> {
        NaiveDate::from_ymd_opt(year, month, day).map(PlanDate::Day)
    }

    pub fn month(year: i32, month: u32) -> Option<PlanDate> {
        NaiveDate::from_ymd_opt(year, month, 1).map(|_| PlanDate::Month { year, month })
    }

    pub fn year(year: i32) -> Option<PlanDate> {
        NaiveDate::from_ymd_opt(year, 12, 31).map(|_| PlanDate::Year(year))
    }

    /// The last day of the period: the day on which « by this date » is judged. A year
    /// alone ends with the last day of the plan's year (`YearEnd`).
    pub fn end(self, plan_year: YearEnd) -> NaiveDate {
        match self {
            PlanDate::Day(d) => d,
            PlanDate::Month { year, month } => last_day_of_month(year, month),
            PlanDate::Year(year) => last_day_of_month(year, plan_year.0),
        }
    }

    /// The first day of the period: a year alone starts the month after the plan's
    /// previous year ended (1 July 2026 for « 2027 » in a school plan).
    pub fn start(self, plan_year: YearEnd) -> NaiveDate {
        match self {
            PlanDate::Day(d) => d,
            PlanDate::Month { year, month } => first_day(year, month),
            PlanDate::Year(year) if plan_year == YearEnd::CALENDAR => first_day(year, 1),
            PlanDate::Year(year) => first_day(year - 1, plan_year.0 + 1),
        }
    }

    /// Where the date sorts among a plan's dates: by the end of its period, the longer
    /// period first, so that sorting is total and stable.
    pub fn order(self, plan_year: YearEnd) -> (NaiveDate, std::cmp::Reverse<NaiveDate>) {
        (self.end(plan_year), std::cmp::Reverse(self.start(plan_year)))
    }

    /// Whether a value dated `self` is known on `day`: a day's on that day, a month's
    /// from the month's first day (a bilan of 20 June reports June's results), a year's
    /// once the plan's year is over.
    pub fn known_by(self, day: NaiveDate, plan_year: YearEnd) -> bool {
        match self {
            PlanDate::Day(d) => d <= day,
            PlanDate::Month { .. } => self.start(plan_year) <= day,
            PlanDate::Year(_) => self.end(plan_year) <= day,
        }
    }

    pub fn parse(text: &str) -> Option<PlanDate> {
        // Read in place, byte by byte: a large plan holds tens of thousands of dates,
        // and splitting each into a vector of parts cost a tenth of reading it.
        let bytes = text.as_bytes();
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            bytes[range].iter().try_fold(0, |n, &b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
        };
        let dash = |at: usize| bytes[at] == b'-';
        match bytes.len() {
            4 => PlanDate::year(number(0..4)? as i32),
            7 if dash(4) => PlanDate::month(number(0..4)? as i32, number(5..7)?),
            10 if dash(4) && dash(7) => PlanDate::day(number(0..4)? as i32, number(5..7)?, number(8..10)?),
            _ => None,
        }
    }
}

fn first_day(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
}

fn last_day_of_month(year: i32, month: u32) -> NaiveDate {
    let (next_year, next_month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(next_year, next_month, 1).and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
}

impl fmt::Display for PlanDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanDate::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            PlanDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            PlanDate::Year(year) => write!(f, "{year:04}"),
        }
    }
}

impl Serialize for PlanDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PlanDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(DateVisitor)
    }
}

/// Refuses a date while its text is being read, so that the reader places the error at
/// the date itself (`format::path`), not at the end of the object that holds it.
struct DateVisitor;

impl serde::de::Visitor<'_> for DateVisitor {
    type Value = PlanDate;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date such as 2027, 2027-06 or 2027-06-30")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<PlanDate, E> {
        PlanDate::parse(text).ok_or_else(|| E::custom(format!("{BAD_DATE}{text}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, end: &str) {
        check_in(YearEnd::CALENDAR, text, end);
    }

    fn check_in(plan_year: YearEnd, text: &str, end: &str) {
        let date = PlanDate::parse(text).expect(text);
        assert_eq!(date.to_string(), text);
        assert_eq!(date.end(plan_year).to_string(), end);
    }

    #[test]
    fn periods_end_on_their_last_day() {
        check("2027-06-30", "2027-06-30");
        check("2027-06", "2027-06-30");
        check("2024-02", "2024-02-29");
        check("2027", "2027-12-31");
    }

    #[test]
    fn a_year_alone_is_the_school_year_that_ends_in_it() {
        let june = YearEnd::month(6);
        check_in(june, "2027", "2027-06-30");
        let year = PlanDate::parse("2027").unwrap();
        assert_eq!(year.start(june).to_string(), "2026-07-01");
        assert_eq!(year.start(YearEnd::CALENDAR).to_string(), "2027-01-01");
        // Days and months are read alike in every plan.
        check_in(june, "2027-09", "2027-09-30");
        check_in(june, "2027-09-15", "2027-09-15");
        // A school year's « 2027 » comes before September 2027; a calendar year's after.
        let september = PlanDate::parse("2027-09").unwrap();
        assert!(year.order(june) < september.order(june));
        assert!(year.order(YearEnd::CALENDAR) > september.order(YearEnd::CALENDAR));
        let on = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        assert!(year.known_by(on("2027-06-30"), june) && !year.known_by(on("2027-06-29"), june));
    }

    #[test]
    fn malformed_dates_are_refused() {
        for text in ["", "27", "2027-6", "2027-13", "2027-02-30", "2027-06-30-1", "juin 2027"] {
            assert_eq!(PlanDate::parse(text), None, "{text}");
        }
    }

    /// The reading as it was first written: split on dashes, each part of its length
    /// and all digits.
    fn parsed_by_parts(text: &str) -> Option<PlanDate> {
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, len: usize| -> Option<u32> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
        };
        match parts.as_slice() {
            [y] => PlanDate::year(number(y, 4)? as i32),
            [y, m] => PlanDate::month(number(y, 4)? as i32, number(m, 2)?),
            [y, m, d] => PlanDate::day(number(y, 4)? as i32, number(m, 2)?, number(d, 2)?),
            _ => None,
        }
    }

    proptest::proptest! {
        #[test]
        fn read_in_place_as_by_parts(text in "[0-9-]{0,11}|[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|.{0,12}") {
            proptest::prop_assert_eq!(PlanDate::parse(&text), parsed_by_parts(&text));
        }
    }

    #[test]
    fn a_month_sorts_after_a_day_in_it() {
        let day = PlanDate::parse("2027-06-15").unwrap();
        let month = PlanDate::parse("2027-06").unwrap();
        assert!(day.order(YearEnd::CALENDAR) < month.order(YearEnd::CALENDAR));
    }

    #[test]
    fn a_month_s_value_is_known_from_its_first_day_a_year_s_once_it_is_over() {
        let on = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        let calendar = YearEnd::CALENDAR;
        let june = PlanDate::parse("2024-06").unwrap();
        assert!(june.known_by(on("2024-06-20"), calendar), "a bilan of 20 June reports June's results");
        assert!(!june.known_by(on("2024-05-31"), calendar));
        let year = PlanDate::parse("2024").unwrap();
        assert!(!year.known_by(on("2024-06-20"), calendar));
        assert!(year.known_by(on("2024-12-31"), calendar));
        let day = PlanDate::parse("2024-06-20").unwrap();
        assert!(day.known_by(on("2024-06-20"), calendar) && !day.known_by(on("2024-06-19"), calendar));
    }
}
