//! One cell's text, both ways: a text cell kept inert for Excel, numbers in the
//! spreadsheet's own decimal mark, dates as `2023-12-12`.

use super::Problem;
use crate::model::date::PlanDate;
use crate::model::money::Cents;
use crate::words::input::{self, InputError};
use crate::words::lang::Lang;
use std::borrow::Cow;

/// What Excel would run as a formula (`=`, `+`, `-`, `@`) or a cell it would mangle
/// (a leading tab or carriage return).
fn runs_in_excel(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Whether a cell is a plain number as `number` and `money` write them in `lang`
/// (« -2,5 »): Excel reads it as a number, never as a formula.
fn is_number(text: &str, lang: Lang) -> bool {
    let mark = match lang {
        Lang::Fr => ',',
        Lang::En => '.',
    };
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once(mark).unwrap_or((digits, "0"));
    [whole, fraction].iter().all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// A cell as written: a number as it is, a text prefixed with an apostrophe when
/// Excel would run it as a formula. A text already starting with apostrophes before
/// such a character gets one more, so that `restore` gives back exactly what was
/// written.
pub fn inert(text: &str, lang: Lang) -> Cow<'_, str> {
    if !is_number(text, lang) && runs_in_excel(text.trim_start_matches('\'')) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A cell as read: the apostrophe `inert` added taken off.
pub fn restore(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if runs_in_excel(rest.trim_start_matches('\'')) => rest,
        _ => text,
    }
}

/// A number as a spreadsheet in `lang` reads it: every digit, no thousands separator,
/// the language's decimal mark (« 79,7 », « 79.7 »).
pub fn number(value: f64, lang: Lang) -> String {
    let digits = format!("{value}");
    match lang {
        Lang::Fr => digits.replace('.', ","),
        Lang::En => digits,
    }
}

/// An amount as a number of dollars (« 18464,15 »), with no sign a spreadsheet would
/// read as text.
pub fn money(amount: Cents, lang: Lang) -> String {
    let sign = if amount.0 < 0 { "-" } else { "" };
    let cents = amount.0.unsigned_abs();
    let mark = match lang {
        Lang::Fr => ',',
        Lang::En => '.',
    };
    format!("{sign}{}{mark}{:02}", cents / 100, cents % 100)
}

/// `2023-12-12`, `2027-06` or `2027`: ISO, which Excel reads as a date in every language.
pub fn date(date: PlanDate) -> String {
    date.to_string()
}

pub fn read_number(text: &str, lang: Lang) -> Result<f64, InputError> {
    input::read_number(text, lang)
}

pub fn read_money(text: &str, lang: Lang) -> Result<Option<Cents>, InputError> {
    input::read_optional_money(text, lang)
}

/// A date as written in a cell; a day written `2023-02-30`, which no calendar has, is
/// said as such rather than as unreadable.
pub fn read_date(text: &str) -> Result<PlanDate, Problem> {
    input::read_date(text).map_err(|error| {
        let typed = text.trim();
        let shaped = typed.len() == 10
            && typed.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
        if shaped {
            Problem::NoSuchDate(typed.to_owned())
        } else {
            Problem::Input(error)
        }
    })
}

/// Items of a list cell, one per line (partners, target groups, steps).
pub fn lines(items: &[String]) -> String {
    items.join("\n")
}

pub fn read_lines(text: &str) -> Vec<String> {
    input::read_lines(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_formula_is_written_inert_and_read_back_as_it_was() {
        let fr = |t| inert(t, Lang::Fr);
        assert_eq!(fr("=SOMME(A1:A3)"), "'=SOMME(A1:A3)");
        assert_eq!(fr("+33 1 23"), "'+33 1 23");
        assert_eq!(fr("- une puce"), "'- une puce");
        assert_eq!(fr("@cible"), "'@cible");
        assert_eq!(fr("\tretrait"), "'\tretrait");
        assert_eq!(fr("Texte ordinaire"), "Texte ordinaire");
        assert_eq!(fr("l'école"), "l'école");
        assert_eq!(fr("'=déjà"), "''=déjà");
        assert_eq!(fr("-2,5"), "-2,5");
        assert_eq!(fr("-2.5"), "'-2.5");
        assert_eq!(inert("-2.5", Lang::En), "-2.5");
        assert_eq!(fr("'-2,5"), "''-2,5");
        assert_eq!(restore("'=SOMME(A1:A3)"), "=SOMME(A1:A3)");
        assert_eq!(restore("'texte"), "'texte");
        assert_eq!(restore("''=déjà"), "'=déjà");
    }

    #[test]
    fn numbers_and_amounts_take_the_language_s_decimal_mark_and_no_grouping() {
        assert_eq!(number(79.7, Lang::Fr), "79,7");
        assert_eq!(number(79.7, Lang::En), "79.7");
        assert_eq!(number(1234.5, Lang::Fr), "1234,5");
        assert_eq!(money(Cents(1_846_415), Lang::Fr), "18464,15");
        assert_eq!(money(Cents(-5), Lang::En), "-0.05");
        assert_eq!(read_number(&number(1234.5, Lang::Fr), Lang::Fr), Ok(1234.5));
        assert_eq!(read_money(&money(Cents(1_846_415), Lang::Fr), Lang::Fr), Ok(Some(Cents(1_846_415))));
    }

    #[test]
    fn a_day_no_calendar_has_is_said_as_such() {
        assert_eq!(read_date("2023-02-30"), Err(Problem::NoSuchDate("2023-02-30".into())));
        assert_eq!(read_date("2023-12-12"), Ok(PlanDate::day(2023, 12, 12).unwrap()));
        assert!(matches!(read_date("bientôt"), Err(Problem::Input(_))));
    }

    proptest! {
        #[test]
        fn restore_undoes_inert_and_inert_never_leaves_a_formula(text in "['=+@\t\r a-z0-9,-]{0,8}") {
            let written = inert(&text, Lang::Fr);
            prop_assert!(!runs_in_excel(&written) || is_number(&written, Lang::Fr));
            prop_assert_eq!(restore(&written), text.as_str());
        }

        #[test]
        fn a_number_written_reads_back_to_the_same_value(value in -1.0e9f64..1.0e9, fr in any::<bool>()) {
            let lang = if fr { Lang::Fr } else { Lang::En };
            prop_assert_eq!(read_number(&number(value, lang), lang), Ok(value));
        }

        #[test]
        fn an_amount_written_reads_back_to_the_cent(cents in -1_000_000_000i64..1_000_000_000, fr in any::<bool>()) {
            let lang = if fr { Lang::Fr } else { Lang::En };
            prop_assert_eq!(read_money(&money(Cents(cents), lang), lang), Ok(Some(Cents(cents))));
        }
    }
}
