//! Dates as plans write them: a day, a month (« juin 2027 ») or a year (« Cibles 2027 »).
//!
//! A month or a year is compared on the last day of that period: « d'ici juin 2027 » is
//! met on 30 June 2027. Today is always given by the caller; the core reads no clock.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// What the date's reader puts before a text it refuses, so that the file's reader can
/// tell this refusal from serde's own and say which date it was.
pub(crate) const BAD_DATE: &str = "jalon:bad-date:";

/// A day, a month or a year, written in files as `2027-06-30`, `2027-06` or `2027`.
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

    /// The last day of the period: the day on which « by this date » is judged.
    pub fn end(self) -> NaiveDate {
        match self {
            PlanDate::Day(d) => d,
            PlanDate::Month { year, month } => last_day_of_month(year, month),
            PlanDate::Year(year) => last_day_of_month(year, 12),
        }
    }

    /// The first day of the period.
    pub fn start(self) -> NaiveDate {
        match self {
            PlanDate::Day(d) => d,
            PlanDate::Month { year, month } => first_day(year, month),
            PlanDate::Year(year) => first_day(year, 1),
        }
    }

    /// Whether a value dated `self` is known on `day`: a day's on that day, a month's
    /// from the month's first day (a bilan of 20 June reports June's results), a year's
    /// once the year is over.
    pub fn known_by(self, day: NaiveDate) -> bool {
        match self {
            PlanDate::Day(d) => d <= day,
            PlanDate::Month { .. } => self.start() <= day,
            PlanDate::Year(_) => self.end() <= day,
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

impl PartialOrd for PlanDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PlanDate {
    /// Ordered by the end of the period, then the longer period first, so that sorting
    /// is total and stable.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.end().cmp(&other.end()).then(other.start().cmp(&self.start()))
    }
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
        let date = PlanDate::parse(text).expect(text);
        assert_eq!(date.to_string(), text);
        assert_eq!(date.end().to_string(), end);
    }

    #[test]
    fn periods_end_on_their_last_day() {
        check("2027-06-30", "2027-06-30");
        check("2027-06", "2027-06-30");
        check("2024-02", "2024-02-29");
        check("2027", "2027-12-31");
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
        assert!(day < month);
    }

    #[test]
    fn a_month_s_value_is_known_from_its_first_day_a_year_s_once_it_is_over() {
        let on = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        let june = PlanDate::parse("2024-06").unwrap();
        assert!(june.known_by(on("2024-06-20")), "a bilan of 20 June reports June's results");
        assert!(!june.known_by(on("2024-05-31")));
        let year = PlanDate::parse("2024").unwrap();
        assert!(!year.known_by(on("2024-06-20")));
        assert!(year.known_by(on("2024-12-31")));
        let day = PlanDate::parse("2024-06-20").unwrap();
        assert!(day.known_by(on("2024-06-20")) && !day.known_by(on("2024-06-19")));
    }
}
