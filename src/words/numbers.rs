//! How numbers, percentages, money, dates and counts are written in French and English.
//!
//! Formats follow the browsers' own `fr-CA` and `en-CA` output: U+00A0 no-break spaces
//! in numbers, before `%` and before `$`, plain spaces in dates, and « 1er » for the
//! first of the month as Quebec writes it. The native command and the page therefore
//! write `79,7 %`, `18 464,15 $` and `12 décembre 2023` the same way. The typed reader
//! (`words::input`) reads what these write; the texts (`words::text`) put them in
//! sentences.

use crate::model::date::PlanDate;
use crate::model::level::Noun;
use crate::model::money::Cents;
use crate::words::lang::Lang;
use chrono::{Datelike, NaiveDate};

pub(crate) const NBSP: char = '\u{a0}';

/// Groups the digits of a non-negative integer by thousands.
pub(crate) fn group_digits(digits: &str, separator: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A number with at most `max_decimals` decimals, trailing zeros dropped:
/// `1 234,5` in French, `1,234.5` in English.
pub fn number(value: f64, max_decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    let fixed = format!("{:.*}", max_decimals, value.abs());
    let (int_part, frac_part) = match fixed.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (fixed.clone(), String::new()),
    };
    let negative = value < 0.0 && (int_part.bytes().any(|b| b != b'0') || !frac_part.is_empty());
    let (group, decimal) = match lang {
        Lang::Fr => (NBSP, ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&group_digits(&int_part, group));
    if !frac_part.is_empty() {
        out.push(decimal);
        out.push_str(&frac_part);
    }
    out
}

/// A percentage given in percent (`79.7` → `79,7 %` / `79.7%`), one decimal at most.
pub fn percent(value: f64, lang: Lang) -> String {
    let n = number(value, 1, lang);
    match lang {
        Lang::Fr => format!("{n}{NBSP}%"),
        Lang::En => format!("{n}%"),
    }
}

/// Money to the cent: `18 464,15 $` / `$18,464.15`.
pub fn money(amount: Cents, lang: Lang) -> String {
    let negative = amount.0 < 0;
    let abs = amount.0.unsigned_abs();
    let (group, decimal) = match lang {
        Lang::Fr => (NBSP, ','),
        Lang::En => (',', '.'),
    };
    let digits = group_digits(&(abs / 100).to_string(), group);
    let body = format!("{digits}{decimal}{:02}", abs % 100);
    match (lang, negative) {
        (Lang::Fr, false) => format!("{body}{NBSP}$"),
        (Lang::Fr, true) => format!("-{body}{NBSP}$"),
        (Lang::En, false) => format!("${body}"),
        (Lang::En, true) => format!("-${body}"),
    }
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A month's name as dates write it (« juin », « June »).
pub(crate) fn month_name(month: u32, lang: Lang) -> &'static str {
    let index = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Fr => MONTHS_FR[index],
        Lang::En => MONTHS_EN[index],
    }
}

/// `12 décembre 2023`, `1er juin 2027` / `December 12, 2023`.
pub fn day(date: NaiveDate, lang: Lang) -> String {
    let month = month_name(date.month(), lang);
    match lang {
        Lang::Fr if date.day() == 1 => format!("1er {month} {}", date.year()),
        Lang::Fr => format!("{} {month} {}", date.day(), date.year()),
        Lang::En => format!("{month} {}, {}", date.day(), date.year()),
    }
}

/// A time of day: `14 h 05` as Quebec writes it, `2:05 p.m.` in English.
pub fn clock(time: chrono::NaiveTime, lang: Lang) -> String {
    use chrono::Timelike;
    let (hour, minute) = (time.hour(), time.minute());
    match lang {
        Lang::Fr => format!("{hour} h {minute:02}"),
        Lang::En => {
            let suffix = if hour < 12 { "a.m." } else { "p.m." };
            let twelve = if hour % 12 == 0 { 12 } else { hour % 12 };
            format!("{twelve}:{minute:02} {suffix}")
        }
    }
}

/// A plan date as written: a day, `juin 2027` / `June 2027`, or `2027`.
pub fn plan_date(date: PlanDate, lang: Lang) -> String {
    match date {
        PlanDate::Day(d) => day(d, lang),
        PlanDate::Month { year, month } => format!("{} {year}", month_name(month, lang)),
        PlanDate::Year(year) => year.to_string(),
    }
}

/// « 1 enjeu », « 3 enjeux », "0 checkpoints": a count with the plan's own word, by
/// the language's rule (`Lang::plural`).
pub fn count_of(count: usize, noun: &Noun, lang: Lang) -> String {
    let word = if lang.plural(count) { &noun.plural } else { &noun.singular };
    format!("{count} {}", lower_first(word))
}

/// « Objectifs SMART » → « objectifs SMART »: the plan's word inside a sentence, its
/// acronyms kept.
pub fn lower_first(word: &str) -> String {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(_), Some(second)) if second.is_uppercase() => word.to_owned(),
        (Some(first), _) => first.to_lowercase().chain(word.chars().skip(1)).collect(),
        (None, _) => String::new(),
    }
}
