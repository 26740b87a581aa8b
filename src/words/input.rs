//! What a person types into a field, read by one rule, and the exact inverse of that
//! reading: every form of the page reads its fields with a `read_*` function and
//! pre-fills them with the matching `show_*` one, so that reading what a form shows
//! gives back the value it showed (a property test holds it) and a form saved without
//! an edit changes nothing.
//!
//! # The rule for numbers, in each language
//!
//! - **French.** The decimal mark is the comma: « 1,234 » is one and 234 thousandths.
//!   Thousands are grouped by spaces (plain, no-break U+00A0 or narrow no-break U+202F),
//!   in groups of three: « 1 234,5 ». A point is read as the decimal mark too
//!   (« 79.7 », as a numeric keypad types it), except after a whole part of one to
//!   three digits and before exactly three digits (« 1.234 »): that could be 1,234 or
//!   1 234, so it is refused with both readings in the message.
//! - **English.** The decimal mark is the point: « 1.5 ». Thousands are grouped by
//!   commas or spaces, in groups of three: « 1,234 » is 1234.
//! - **Both.** A sign (`-`, `−`, `+`) may lead; spaces around the number and before its
//!   unit (`%`, `$`, « points ») are ignored; a number has at most one decimal mark and
//!   no exponent. Numbers are read from their decimal digits, never by way of a
//!   rounded value: money to the cent as an integer (a third decimal is refused, never
//!   rounded), other numbers to the nearest `f64` of the digits typed.
//!
//! What the model can hold is read, even when a reviewer would question it (a
//! measurement of 150 % on a percentage, an avancement of 120 %): the checks of
//! `check` say so, and the forms show their warning beside the field. What the model
//! cannot hold (a third decimal of a cent, a negative number of days) is refused with
//! an `InputError`, whose French and English sentences are in `text::input_error`.

use crate::model::budget::Days;
use crate::model::date::PlanDate;
use crate::model::indicator::IndicatorKind;
use crate::model::measurement::Value;
use crate::model::money::Cents;
use crate::model::target::TargetValue;
use crate::words::lang::Lang;
use crate::words::numbers::{self, NBSP};
use chrono::NaiveDate;

/// Why what was typed in a field was not read: what the field expects, what was typed
/// (trimmed), and what is wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    pub expected: Expected,
    pub typed: String,
    pub problem: Problem,
}

/// The kind of value a field expects.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Expected {
    Number,
    Percent,
    /// A ratio's numerator, alone or with the indicator's whole (« 3 sur 4 »).
    Ratio {
        whole: Option<f64>,
    },
    Money,
    /// A whole number of people.
    Count,
    /// Whole or half days.
    Days,
    /// A weight of an allocation key.
    Weight,
    YesNo,
    /// A qualitative assessment in words.
    Words,
    /// A day, a month or a year.
    Date,
    /// A day.
    Day,
    /// A whole percent of progress (« 40 »).
    Progress,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Problem {
    /// Nothing was typed where a value is required.
    Empty,
    /// The text is not a value of the kind expected.
    Unreadable,
    /// French « 1.234 »: 1,234 with a decimal point, or 1 234 with a thousands point.
    Ambiguous { decimal: f64, thousands: f64 },
    /// An amount with more than two decimals.
    BelowTheCent,
    /// A negative number where the model holds none (days, people, weights).
    Negative,
    /// Decimals where a whole number is expected.
    NotWhole,
    /// Days other than whole or half days.
    NotHalfDay,
    /// A number too large to hold.
    TooLarge,
    /// « 3 sur 5 » for an indicator counted out of 4 (or out of nothing).
    OtherWhole { typed: f64 },
}

/// How a typed target is written: a value, or a change from the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    Absolute,
    /// In percent of the baseline (« +15 % »).
    Percent,
    /// In percentage points (« +5 points »).
    Points,
}

impl Relative {
    pub const ALL: [Relative; 3] = [Relative::Absolute, Relative::Percent, Relative::Points];

    pub fn of(value: &TargetValue) -> Relative {
        match value {
            TargetValue::Absolute(_) => Relative::Absolute,
            TargetValue::RelativePercent(_) => Relative::Percent,
            TargetValue::PercentagePoints(_) => Relative::Points,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Numbers

const NARROW_NBSP: char = '\u{202f}';

fn is_space(c: char) -> bool {
    c == ' ' || c == NBSP || c == NARROW_NBSP
}

/// A number as typed: its sign and its decimal digits before and after the mark.
#[derive(Debug)]
struct Decimal {
    negative: bool,
    whole: String,
    fraction: String,
}

impl Decimal {
    fn to_f64(&self) -> Option<f64> {
        let whole = if self.whole.is_empty() { "0" } else { &self.whole };
        let fraction = if self.fraction.is_empty() { "0" } else { &self.fraction };
        let value: f64 = format!("{whole}.{fraction}").parse().ok()?;
        value.is_finite().then_some(if self.negative { -value } else { value })
    }

    fn is_whole(&self) -> bool {
        self.fraction.bytes().all(|b| b == b'0')
    }

    /// The number as a whole number of zero or more (« -0 » is zero), or why not; too
    /// large for `T` is `TooLarge`.
    fn whole_number<T: std::str::FromStr>(&self) -> Result<T, Problem> {
        if self.negative && !(self.whole.bytes().all(|b| b == b'0') && self.is_whole()) {
            return Err(Problem::Negative);
        }
        if !self.is_whole() {
            return Err(Problem::NotWhole);
        }
        let whole = if self.whole.is_empty() { "0" } else { &self.whole };
        whole.parse().map_err(|_| Problem::TooLarge)
    }
}

/// Reads the number in `text` (its unit already removed) by the rule of `lang`.
fn decimal(text: &str, lang: Lang) -> Result<Decimal, Problem> {
    let text = text.trim_matches(is_space);
    if text.is_empty() {
        return Err(Problem::Empty);
    }
    let (negative, body) = match text.chars().next() {
        Some(sign @ ('-' | '\u{2212}' | '+')) => (sign != '+', &text[sign.len_utf8()..]),
        _ => (false, text),
    };
    let (marks, groups): (&[char], &[char]) = match lang {
        Lang::Fr => (&[',', '.'], &[' ', NBSP, NARROW_NBSP]),
        Lang::En => (&['.'], &[',', ' ', NBSP, NARROW_NBSP]),
    };
    let valid = |c: char| c.is_ascii_digit() || marks.contains(&c) || groups.contains(&c);
    if body.is_empty() || !body.chars().all(valid) || body.matches(marks).count() > 1 {
        return Err(Problem::Unreadable);
    }
    let (whole, fraction) = match body.find(marks) {
        Some(at) => (&body[..at], &body[at + 1..]),
        None => (body, ""),
    };
    let had_mark = whole.len() < body.len();
    if (had_mark && fraction.is_empty()) || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::Unreadable);
    }
    let parts: Vec<&str> = whole.split(groups).collect();
    let grouped_well = parts.len() == 1
        || ((1..=3).contains(&parts[0].len()) && !parts[0].starts_with('0') && parts[1..].iter().all(|p| p.len() == 3));
    if !grouped_well || (whole.is_empty() && fraction.is_empty()) {
        return Err(Problem::Unreadable);
    }
    let digits = parts.concat();
    let read = Decimal { negative, whole: digits.clone(), fraction: fraction.to_owned() };
    // French « 1.234 »: a point that may group thousands as well as mark decimals.
    let could_group = parts.len() == 1 && (1..=3).contains(&digits.len()) && !digits.starts_with('0');
    if lang == Lang::Fr && body.contains('.') && could_group && fraction.len() == 3 {
        let thousands = Decimal { negative, whole: format!("{digits}{fraction}"), fraction: String::new() };
        let (Some(decimal), Some(thousands)) = (read.to_f64(), thousands.to_f64()) else {
            return Err(Problem::Unreadable);
        };
        return Err(Problem::Ambiguous { decimal, thousands });
    }
    Ok(read)
}

/// `text` without its unit at the end (« % », « points »), matched without case.
fn without_suffix<'a>(text: &'a str, units: &[&str]) -> &'a str {
    let text = text.trim_matches(is_space);
    for unit in units {
        let cut = text.len().checked_sub(unit.len());
        if let Some(cut) = cut.filter(|c| text.is_char_boundary(*c)) {
            if text[cut..].eq_ignore_ascii_case(unit) {
                return text[..cut].trim_end_matches(is_space);
            }
        }
    }
    text
}

fn error(expected: Expected, text: &str) -> impl Fn(Problem) -> InputError + '_ {
    move |problem| InputError { expected, typed: text.trim_matches(is_space).trim().to_owned(), problem }
}

fn number_with(text: &str, units: &[&str], expected: Expected, lang: Lang) -> Result<f64, InputError> {
    let fail = error(expected, text);
    decimal(without_suffix(text, units), lang).map_err(&fail)?.to_f64().ok_or_else(|| fail(Problem::TooLarge))
}

/// A number, signed or not: « 1 234,5 », « -2,5 », « 1,234.5 ».
pub fn read_number(text: &str, lang: Lang) -> Result<f64, InputError> {
    number_with(text, &[], Expected::Number, lang)
}

/// A percentage, with or without its sign: « 79,65 », « 79,65 % ».
pub fn read_percent(text: &str, lang: Lang) -> Result<f64, InputError> {
    number_with(text, &["%"], Expected::Percent, lang)
}

/// A ratio's numerator: « 3 », or with the indicator's whole « 3 sur 4 », « 3 of 4 »,
/// « 3/4 ». A whole other than the indicator's is refused: it is the indicator's.
pub fn read_ratio(text: &str, whole: Option<f64>, lang: Lang) -> Result<f64, InputError> {
    let expected = Expected::Ratio { whole };
    let fail = error(expected, text);
    let lowered = text.to_lowercase();
    let split = [" sur ", " of ", "/"].iter().find_map(|sep| lowered.split_once(sep));
    let Some((numerator, typed_whole)) = split else {
        return number_with(text, &[], expected, lang);
    };
    let typed_whole = number_with(typed_whole, &[], expected, lang).map_err(|e| fail(e.problem))?;
    if Some(typed_whole) != whole {
        return Err(fail(Problem::OtherWhole { typed: typed_whole }));
    }
    number_with(numerator, &[], expected, lang).map_err(|e| fail(e.problem))
}

/// An amount to the cent, exactly: « 18 464,15 $ », « $18,464.15 », « -250 ».
pub fn read_money(text: &str, lang: Lang) -> Result<Cents, InputError> {
    let fail = error(Expected::Money, text);
    let trimmed = text.trim_matches(is_space);
    if trimmed.matches('$').count() > 1 {
        return Err(fail(Problem::Unreadable));
    }
    // « -$700 » and « $-700 » alike: the dollar sign may come before or after the sign.
    let (negative, rest) = match trimmed.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest),
        None => (false, trimmed),
    };
    let rest = rest.trim_start_matches(is_space);
    let rest = rest.strip_prefix('$').unwrap_or(rest);
    let rest = without_suffix(rest, &["$"]);
    if negative && rest.starts_with(['-', '\u{2212}', '+']) {
        return Err(fail(Problem::Unreadable));
    }
    let d = decimal(rest, lang).map_err(&fail)?;
    if d.fraction.len() > 2 {
        return Err(fail(Problem::BelowTheCent));
    }
    let digits = format!("{}{:0<2}", d.whole, d.fraction);
    let cents: i64 = digits.parse().map_err(|_| fail(Problem::TooLarge))?;
    Ok(Cents(if negative != d.negative { -cents } else { cents }))
}

/// An amount that may be left blank (a spent amount not reported yet).
pub fn read_optional_money(text: &str, lang: Lang) -> Result<Option<Cents>, InputError> {
    if text.trim_matches(is_space).is_empty() {
        Ok(None)
    } else {
        read_money(text, lang).map(Some)
    }
}

/// A whole number of people, zero or more.
pub fn read_count(text: &str, lang: Lang) -> Result<u32, InputError> {
    let fail = error(Expected::Count, text);
    let d = decimal(text, lang).map_err(&fail)?;
    d.whole_number().map_err(fail)
}

/// The most days a contribution holds, as the file format reads them.
const MAX_DAYS: u32 = 1_000_000;

/// Whole or half days: « 2 », « 2,5 ».
pub fn read_days(text: &str, lang: Lang) -> Result<Days, InputError> {
    let fail = error(Expected::Days, text);
    let d = decimal(text, lang).map_err(&fail)?;
    let half = match d.fraction.trim_end_matches('0') {
        "" => 0,
        "5" => 1,
        _ => return Err(fail(Problem::NotHalfDay)),
    };
    let whole: u32 = if d.whole.is_empty() { 0 } else { d.whole.parse().map_err(|_| fail(Problem::TooLarge))? };
    if d.negative && (whole > 0 || half > 0) {
        return Err(fail(Problem::Negative));
    }
    if whole > MAX_DAYS || (whole == MAX_DAYS && half > 0) {
        return Err(fail(Problem::TooLarge));
    }
    Ok(Days { half_days: whole * 2 + half })
}

/// A weight of an allocation key (a student count, a percentage), zero or more.
pub fn read_weight(text: &str, lang: Lang) -> Result<f64, InputError> {
    let fail = error(Expected::Weight, text);
    let weight = number_with(text, &[], Expected::Weight, lang)?;
    if weight < 0.0 {
        return Err(fail(Problem::Negative));
    }
    Ok(weight)
}

/// A whole percent of progress: « 40 », « 40 % ». Above 100 is read (the checks
/// question it); above what the model holds is refused.
pub fn read_progress(text: &str, lang: Lang) -> Result<u8, InputError> {
    let fail = error(Expected::Progress, text);
    let d = decimal(without_suffix(text, &["%"]), lang).map_err(&fail)?;
    d.whole_number().map_err(fail)
}

/// A progress percent that may be left blank.
pub fn read_optional_progress(text: &str, lang: Lang) -> Result<Option<u8>, InputError> {
    if text.trim_matches(is_space).is_empty() {
        Ok(None)
    } else {
        read_progress(text, lang).map(Some)
    }
}

/// Yes or no, in either language and as a milestone is reported (« Réalisé »).
pub fn read_yes_no(text: &str) -> Result<bool, InputError> {
    let fail = error(Expected::YesNo, text);
    let word = text.trim_matches(is_space).to_lowercase();
    match word.as_str() {
        "" => Err(fail(Problem::Empty)),
        "oui" | "o" | "yes" | "y" | "réalisé" | "realise" | "fait" | "done" | "vrai" | "true" => Ok(true),
        "non" | "n" | "no" | "non réalisé" | "non realise" | "pas fait" | "not done" | "faux" | "false" => Ok(false),
        _ => Err(fail(Problem::Unreadable)),
    }
}

// ---------------------------------------------------------------------------------------
// Dates

/// A month as a reader may type it, lowercased: its French name with or without its
/// accents (« février », « fevrier »), or its English one.
fn month_named(word: &str) -> Option<u32> {
    let unaccented = |name: &str| name.replace('é', "e").replace('û', "u");
    (1..=12).find(|&month| {
        let (fr, en) = (numbers::month_name(month, Lang::Fr), numbers::month_name(month, Lang::En));
        word == fr || word == unaccented(fr) || word.eq_ignore_ascii_case(en)
    })
}

fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())).then(|| word.parse().ok())?
}

fn day_of(word: &str) -> Option<u32> {
    let digits = word.strip_suffix("er").unwrap_or(word);
    ((1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.parse().ok())?
}

/// A date as plans write it, in either language: « 2027-06-30 », « 30 juin 2027 »,
/// « 1er juin 2027 », « juin 2027 », « 2027 », « June 2027 », « June 30, 2027 ».
pub fn read_date(text: &str) -> Result<PlanDate, InputError> {
    let fail = error(Expected::Date, text);
    let lowered = text.trim_matches(is_space).to_lowercase();
    if lowered.is_empty() {
        return Err(fail(Problem::Empty));
    }
    if let Some(date) = PlanDate::parse(&lowered) {
        return Ok(date);
    }
    let words: Vec<&str> = lowered.split(|c: char| is_space(c) || c == ',').filter(|w| !w.is_empty()).collect();
    date_in_words(&words).ok_or_else(|| fail(Problem::Unreadable))
}

/// « juin 2027 », « 30 juin 2027 », « June 30 2027 », lowercased and split in words.
fn date_in_words(words: &[&str]) -> Option<PlanDate> {
    match words {
        [month, year] => PlanDate::month(year_of(year)?, month_named(month)?),
        [day, month, year] if month_named(month).is_some() => {
            PlanDate::day(year_of(year)?, month_named(month)?, day_of(day)?)
        }
        [month, day, year] => PlanDate::day(year_of(year)?, month_named(month)?, day_of(day)?),
        _ => None,
    }
}

/// A day (a checkpoint's): a date read by `read_date` to the day.
pub fn read_day(text: &str) -> Result<NaiveDate, InputError> {
    match read_date(text) {
        Ok(PlanDate::Day(day)) => Ok(day),
        Ok(_) => Err(error(Expected::Day, text)(Problem::Unreadable)),
        Err(e) => Err(InputError { expected: Expected::Day, ..e }),
    }
}

// ---------------------------------------------------------------------------------------
// Values of indicators

/// A value of an indicator of `kind`: a number, a percentage, a ratio's numerator, an
/// amount, yes or no, or words.
pub fn read_value(kind: IndicatorKind, whole: Option<f64>, text: &str, lang: Lang) -> Result<Value, InputError> {
    match kind {
        IndicatorKind::Percentage => read_percent(text, lang).map(Value::Number),
        IndicatorKind::Count => read_number(text, lang).map(Value::Number),
        IndicatorKind::Ratio => read_ratio(text, whole, lang).map(Value::Number),
        IndicatorKind::Dollars => read_money(text, lang).map(Value::Money),
        IndicatorKind::Milestone => read_yes_no(text).map(Value::Done),
        IndicatorKind::Qualitative => match text.trim() {
            "" => Err(error(Expected::Words, text)(Problem::Empty)),
            words => Ok(Value::Text(words.to_owned())),
        },
    }
}

/// A value that may be left blank (a measurement at a checkpoint, removed when blank).
pub fn read_optional_value(
    kind: IndicatorKind,
    whole: Option<f64>,
    text: &str,
    lang: Lang,
) -> Result<Option<Value>, InputError> {
    if text.trim_matches(is_space).is_empty() {
        Ok(None)
    } else {
        read_value(kind, whole, text, lang).map(Some)
    }
}

/// A target as written: a value of the indicator's kind, or a signed change from the
/// baseline (« +15 » percent of it, « +5 » points).
pub fn read_target(
    kind: IndicatorKind,
    relative: Relative,
    whole: Option<f64>,
    text: &str,
    lang: Lang,
) -> Result<TargetValue, InputError> {
    match relative {
        Relative::Absolute => read_value(kind, whole, text, lang).map(TargetValue::Absolute),
        Relative::Percent => number_with(text, &["%"], Expected::Number, lang).map(TargetValue::RelativePercent),
        Relative::Points => number_with(text, &["points", "point", "pts", "pt"], Expected::Number, lang)
            .map(TargetValue::PercentagePoints),
    }
}

/// A list, one item per line: each line trimmed, blank lines dropped.
pub fn read_lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

// ---------------------------------------------------------------------------------------
// The inverse: what a form pre-fills

/// A number with every digit it holds (the shortest decimal that reads back to it),
/// grouped by thousands: « 1 234,5 » / « 1,234.5 ».
pub fn show_number(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return String::new();
    }
    // `Display` writes the shortest decimal that reads back to the same `f64`.
    let digits = format!("{}", value.abs());
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    let (group, mark) = match lang {
        Lang::Fr => (NBSP, ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::new();
    if value.is_sign_negative() {
        out.push('-');
    }
    out.push_str(&numbers::group_digits(whole, group));
    if !fraction.is_empty() {
        out.push(mark);
        out.push_str(fraction);
    }
    out
}

/// A change, with its sign: « +15 », « -2,5 ».
pub fn show_signed(value: f64, lang: Lang) -> String {
    if value.is_sign_negative() {
        show_number(value, lang)
    } else {
        format!("+{}", show_number(value, lang))
    }
}

/// « 79,65 % » / « 79.65% », every decimal kept.
pub fn show_percent(value: f64, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{}{NBSP}%", show_number(value, lang)),
        Lang::En => format!("{}%", show_number(value, lang)),
    }
}

/// « 3 sur 4 » / « 3 of 4 », or the numerator alone when the indicator has no whole.
pub fn show_ratio(value: f64, whole: Option<f64>, lang: Lang) -> String {
    match (whole, lang) {
        (Some(w), Lang::Fr) => format!("{} sur {}", show_number(value, lang), show_number(w, lang)),
        (Some(w), Lang::En) => format!("{} of {}", show_number(value, lang), show_number(w, lang)),
        (None, _) => show_number(value, lang),
    }
}

/// « 18 464,15 $ » / « $18,464.15 »: amounts are shown as they are written everywhere.
pub fn show_money(amount: Cents, lang: Lang) -> String {
    numbers::money(amount, lang)
}

pub fn show_optional_money(amount: Option<Cents>, lang: Lang) -> String {
    amount.map(|a| show_money(a, lang)).unwrap_or_default()
}

pub fn show_count(count: u32, lang: Lang) -> String {
    show_number(f64::from(count), lang)
}

/// « 2 », « 2,5 ».
pub fn show_days(days: Days, lang: Lang) -> String {
    show_number(days.as_f64(), lang)
}

pub fn show_weight(weight: f64, lang: Lang) -> String {
    show_number(weight, lang)
}

pub fn show_progress(percent: u8, lang: Lang) -> String {
    show_number(f64::from(percent), lang)
}

pub fn show_yes_no(done: bool, lang: Lang) -> &'static str {
    match (done, lang) {
        (true, Lang::Fr) => "oui",
        (false, Lang::Fr) => "non",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
}

/// « 30 juin 2027 », « juin 2027 », « 2027 »: dates as the page writes them.
pub fn show_date(date: PlanDate, lang: Lang) -> String {
    numbers::plan_date(date, lang)
}

pub fn show_day(day: NaiveDate, lang: Lang) -> String {
    numbers::day(day, lang)
}

/// A value of an indicator of `kind`, as its field is pre-filled.
pub fn show_value(value: &Value, kind: IndicatorKind, whole: Option<f64>, lang: Lang) -> String {
    match (value, kind) {
        (Value::Number(n), IndicatorKind::Percentage) => show_percent(*n, lang),
        (Value::Number(n), IndicatorKind::Ratio) => show_ratio(*n, whole, lang),
        (Value::Number(n), _) => show_number(*n, lang),
        (Value::Money(c), _) => show_money(*c, lang),
        (Value::Done(done), _) => show_yes_no(*done, lang).to_owned(),
        (Value::Text(words), _) => words.clone(),
    }
}

pub fn show_target(value: &TargetValue, kind: IndicatorKind, whole: Option<f64>, lang: Lang) -> String {
    match value {
        TargetValue::Absolute(v) => show_value(v, kind, whole, lang),
        TargetValue::RelativePercent(n) | TargetValue::PercentagePoints(n) => show_signed(*n, lang),
    }
}

/// One item per line, for a textarea read by `read_lines`.
pub fn show_lines(items: &[String]) -> String {
    items.join("\n")
}

#[cfg(test)]
mod tests;
