//! French and English: how numbers, percentages, money and dates are written, and the
//! texts of the core's messages.
//!
//! Formats follow the browsers' own `fr-CA` and `en-CA` output: U+00A0 no-break spaces
//! in numbers, before `%` and before `$`, plain spaces in dates, and « 1er » for the
//! first of the month as Quebec writes it. The native command and the page therefore
//! write `79,7 %`, `18 464,15 $` and `12 décembre 2023` the same way.

use crate::action::ActionStatus;
use crate::date::PlanDate;
use crate::format::{FieldProblem, LoadError};
use crate::indicator::IndicatorKind;
use crate::measurement::Value;
use crate::target::{Target, TargetValue};
use crate::money::Cents;
use crate::status::Status;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

const NBSP: char = '\u{a0}';

/// Groups the digits of a non-negative integer by thousands.
fn group_digits(digits: &str, separator: char) -> String {
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
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

fn month_name(month: u32, lang: Lang) -> &'static str {
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

/// A plan date as written: a day, `juin 2027` / `June 2027`, or `2027`.
pub fn plan_date(date: PlanDate, lang: Lang) -> String {
    match date {
        PlanDate::Day(d) => day(d, lang),
        PlanDate::Month { year, month } => format!("{} {year}", month_name(month, lang)),
        PlanDate::Year(year) => year.to_string(),
    }
}

/// An indicator's value as its kind writes it: `79,7 %`, `187`, `4 sur 4`, `12 000,00 $`,
/// `Réalisé`, or the words of a qualitative assessment.
pub fn value(value: &Value, kind: IndicatorKind, out_of: Option<f64>, lang: Lang) -> String {
    match (value, kind) {
        (Value::Number(n), IndicatorKind::Percentage) => percent(*n, lang),
        (Value::Number(n), IndicatorKind::Ratio) => match (out_of, lang) {
            (Some(whole), Lang::Fr) => format!("{} sur {}", number(*n, 2, lang), number(whole, 2, lang)),
            (Some(whole), Lang::En) => format!("{} of {}", number(*n, 2, lang), number(whole, 2, lang)),
            (None, _) => number(*n, 2, lang),
        },
        (Value::Number(n), _) => number(*n, 2, lang),
        (Value::Money(c), _) => money(*c, lang),
        (Value::Done(true), _) => match lang {
            Lang::Fr => "Réalisé".into(),
            Lang::En => "Done".into(),
        },
        (Value::Done(false), _) => match lang {
            Lang::Fr => "Non réalisé".into(),
            Lang::En => "Not done".into(),
        },
        (Value::Text(t), _) => t.clone(),
    }
}

/// A target as the plan writes it: `80 %`, `+15 %` of the baseline or `+15 points`.
pub fn target(target: &Target, kind: IndicatorKind, out_of: Option<f64>, lang: Lang) -> String {
    let signed = |n: f64| if n >= 0.0 { format!("+{}", number(n, 2, lang)) } else { number(n, 2, lang) };
    match (&target.value, lang) {
        (TargetValue::Absolute(v), _) => value(v, kind, out_of, lang),
        (TargetValue::RelativePercent(p), Lang::Fr) => format!("{}\u{a0}% par rapport au départ", signed(*p)),
        (TargetValue::RelativePercent(p), Lang::En) => format!("{}% from baseline", signed(*p)),
        (TargetValue::PercentagePoints(p), Lang::Fr) => format!("{}\u{a0}points", signed(*p)),
        (TargetValue::PercentagePoints(p), Lang::En) => format!("{} points", signed(*p)),
    }
}

pub fn status(status: Status, lang: Lang) -> &'static str {
    match (status, lang) {
        (Status::Reached, Lang::Fr) => "Atteint",
        (Status::Reached, Lang::En) => "Reached",
        (Status::OnTrack, Lang::Fr) => "En bonne voie",
        (Status::OnTrack, Lang::En) => "On track",
        (Status::ToWatch, Lang::Fr) => "À surveiller",
        (Status::ToWatch, Lang::En) => "To watch",
        (Status::Late, Lang::Fr) => "En retard",
        (Status::Late, Lang::En) => "Late",
        (Status::NotMeasured, Lang::Fr) => "Non mesuré",
        (Status::NotMeasured, Lang::En) => "Not measured",
    }
}

pub fn action_status(status: ActionStatus, lang: Lang) -> &'static str {
    match (status, lang) {
        (ActionStatus::NotStarted, Lang::Fr) => "Non amorcé",
        (ActionStatus::NotStarted, Lang::En) => "Not started",
        (ActionStatus::InProgress, Lang::Fr) => "En cours",
        (ActionStatus::InProgress, Lang::En) => "In progress",
        (ActionStatus::Done, Lang::Fr) => "Réalisé",
        (ActionStatus::Done, Lang::En) => "Done",
        (ActionStatus::OnHold, Lang::Fr) => "En suspens",
        (ActionStatus::OnHold, Lang::En) => "On hold",
        (ActionStatus::Postponed, Lang::Fr) => "Reporté",
        (ActionStatus::Postponed, Lang::En) => "Postponed",
        (ActionStatus::Dropped, Lang::Fr) => "Abandonné",
        (ActionStatus::Dropped, Lang::En) => "Dropped",
    }
}

/// Why a file could not be opened, saying where and what.
pub fn load_error(error: &LoadError, lang: Lang) -> String {
    match (error, lang) {
        (LoadError::Empty, Lang::Fr) => "Le fichier est vide.".into(),
        (LoadError::Empty, Lang::En) => "The file is empty.".into(),
        (LoadError::NotJson { line, column }, Lang::Fr) => format!(
            "Ce fichier n'est pas un fichier JSON lisible : la lecture s'arrête à la ligne {line}, colonne {column}."
        ),
        (LoadError::NotJson { line, column }, Lang::En) => format!(
            "This file is not readable JSON: reading stops at line {line}, column {column}."
        ),
        (LoadError::NotFinite { line, column }, Lang::Fr) => format!(
            "Un nombre est trop grand pour être conservé, à la ligne {line}, colonne {column}."
        ),
        (LoadError::NotFinite { line, column }, Lang::En) => {
            format!("A number is too large to hold, at line {line}, column {column}.")
        }
        (LoadError::NotAPlan, Lang::Fr) => {
            "Ce fichier JSON n'est pas un plan Jalon (il n'indique pas « \"format\": \"jalon-plan\" »).".into()
        }
        (LoadError::NotAPlan, Lang::En) => {
            "This JSON file is not a Jalon plan (it does not say \"format\": \"jalon-plan\").".into()
        }
        (LoadError::NewerVersion { found, supported }, Lang::Fr) => format!(
            "Ce plan a été enregistré par une version plus récente de Jalon (format {found}) ; cette page lit jusqu'au format {supported}. Ouvrez-le avec la version la plus récente de Jalon."
        ),
        (LoadError::NewerVersion { found, supported }, Lang::En) => format!(
            "This plan was saved by a newer version of Jalon (format {found}); this page reads up to format {supported}. Open it with the newest Jalon."
        ),
        (LoadError::DuplicateId { id, path }, Lang::Fr) => {
            format!("À « {path} » : l'identifiant « {id} » est déjà utilisé par un autre élément du plan.")
        }
        (LoadError::DuplicateId { id, path }, Lang::En) => {
            format!("At \"{path}\": the id \"{id}\" is already used by another part of the plan.")
        }
        (LoadError::Field { path, problem }, lang) => field_problem(path, problem, lang),
    }
}

fn field_problem(path: &str, problem: &FieldProblem, lang: Lang) -> String {
    match (problem, lang) {
        (FieldProblem::Missing, Lang::Fr) => format!("À « {path} » : ce champ obligatoire est absent."),
        (FieldProblem::Missing, Lang::En) => format!("At \"{path}\": this required field is missing."),
        (FieldProblem::Unknown, Lang::Fr) => {
            format!("À « {path} » : ce champ n'existe pas dans un plan Jalon.")
        }
        (FieldProblem::Unknown, Lang::En) => format!("At \"{path}\": no such field in a Jalon plan."),
        (FieldProblem::WrongType, Lang::Fr) => {
            format!("À « {path} » : la valeur n'est pas du type attendu.")
        }
        (FieldProblem::WrongType, Lang::En) => {
            format!("At \"{path}\": the value is not of the expected type.")
        }
        (FieldProblem::UnknownValue(value), Lang::Fr) => {
            format!("À « {path} » : la valeur « {value} » n'est pas permise ici.")
        }
        (FieldProblem::UnknownValue(value), Lang::En) => {
            format!("At \"{path}\": the value \"{value}\" is not allowed here.")
        }
        (FieldProblem::BadDate(text), Lang::Fr) => format!(
            "À « {path} » : « {text} » n'est pas une date (attendu AAAA-MM-JJ, AAAA-MM ou AAAA)."
        ),
        (FieldProblem::BadDate(text), Lang::En) => format!(
            "At \"{path}\": \"{text}\" is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)."
        ),
        (FieldProblem::BadDays(text), Lang::Fr) => format!(
            "À « {path} » : {text} n'est pas un nombre de jours (un nombre positif, par demi-journées)."
        ),
        (FieldProblem::BadDays(text), Lang::En) => format!(
            "At \"{path}\": {text} is not a number of days (a positive number, in half days)."
        ),
        (FieldProblem::Invalid(detail), Lang::Fr) => {
            format!("À « {path} » : valeur refusée ({detail}).")
        }
        (FieldProblem::Invalid(detail), Lang::En) => format!("At \"{path}\": value refused ({detail})."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(79.7, Lang::Fr), "79,7\u{a0}%");
        assert_eq!(percent(79.7, Lang::En), "79.7%");
        assert_eq!(percent(80.0, Lang::Fr), "80\u{a0}%");
        assert_eq!(percent(62.04, Lang::Fr), "62\u{a0}%");
        assert_eq!(percent(1234.56, Lang::Fr), "1\u{a0}234,6\u{a0}%");
        assert_eq!(percent(-0.01, Lang::Fr), "0\u{a0}%");
    }

    #[test]
    fn money_to_the_cent() {
        assert_eq!(money(Cents(1_846_415), Lang::Fr), "18\u{a0}464,15\u{a0}$");
        assert_eq!(money(Cents(1_846_415), Lang::En), "$18,464.15");
        assert_eq!(money(Cents(34_380_001), Lang::Fr), "343\u{a0}800,01\u{a0}$");
        assert_eq!(money(Cents(-5), Lang::Fr), "-0,05\u{a0}$");
        assert_eq!(money(Cents(-70_000_000), Lang::En), "-$700,000.00");
        assert_eq!(money(Cents(0), Lang::Fr), "0,00\u{a0}$");
    }

    #[test]
    fn dates() {
        assert_eq!(day(ymd(2023, 12, 12), Lang::Fr), "12 décembre 2023");
        assert_eq!(day(ymd(2027, 6, 1), Lang::Fr), "1er juin 2027");
        assert_eq!(day(ymd(2023, 12, 12), Lang::En), "December 12, 2023");
        assert_eq!(plan_date(PlanDate::month(2027, 6).unwrap(), Lang::Fr), "juin 2027");
        assert_eq!(plan_date(PlanDate::month(2027, 6).unwrap(), Lang::En), "June 2027");
        assert_eq!(plan_date(PlanDate::year(2027).unwrap(), Lang::Fr), "2027");
    }

    #[test]
    fn numbers() {
        assert_eq!(number(1_234_567.0, 2, Lang::Fr), "1\u{a0}234\u{a0}567");
        assert_eq!(number(1_234_567.126, 2, Lang::En), "1,234,567.13");
        assert_eq!(number(f64::NAN, 2, Lang::En), "—");
    }
}
