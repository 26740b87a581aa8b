use super::*;
use crate::words::text;
use proptest::prelude::*;

const FR: Lang = Lang::Fr;
const EN: Lang = Lang::En;

/// Reads `typed` as a number in `lang`: the value, or the problem.
fn check(typed: &str, lang: Lang, expected: Result<f64, Problem>) {
    assert_eq!(read_number(typed, lang).map_err(|e| e.problem), expected, "{typed:?} in {lang:?}");
}

#[test]
fn french_numbers_take_a_decimal_comma_and_group_by_spaces() {
    check("1,234", FR, Ok(1.234));
    check("0,125", FR, Ok(0.125));
    check("1 234,5", FR, Ok(1234.5));
    check("1\u{a0}234,5", FR, Ok(1234.5));
    check("1\u{202f}234,5", FR, Ok(1234.5));
    check("12 345 678", FR, Ok(12_345_678.0));
    check("79.7", FR, Ok(79.7));
    check("0.125", FR, Ok(0.125));
    check("1234.567", FR, Ok(1234.567));
    check("-2,5", FR, Ok(-2.5));
    check("\u{2212}2,5", FR, Ok(-2.5));
    check("+5", FR, Ok(5.0));
    check(" 42 ", FR, Ok(42.0));
    check("1.234", FR, Err(Problem::Ambiguous { decimal: 1.234, thousands: 1234.0 }));
    check("-12.500", FR, Err(Problem::Ambiguous { decimal: -12.5, thousands: -12500.0 }));
    for bad in [
        "1,234.5",
        "1.234,5",
        "79,7,5",
        "12 34",
        "1 2345",
        "quatre-vingts",
        "1e5",
        "inf",
        "NaN",
        ",",
        "5,",
        "--3",
        "1 234 ,5",
    ] {
        check(bad, FR, Err(Problem::Unreadable));
    }
    check("  ", FR, Err(Problem::Empty));
}

#[test]
fn english_numbers_take_a_decimal_point_and_group_by_commas() {
    check("1,234", EN, Ok(1234.0));
    check("1.5", EN, Ok(1.5));
    check("1.234", EN, Ok(1.234));
    check("1,234,567.25", EN, Ok(1_234_567.25));
    check("1 234.5", EN, Ok(1234.5));
    for bad in ["79,7", "0,125", "1,2345", "1.2.3", "1.234,5", "12a"] {
        check(bad, EN, Err(Problem::Unreadable));
    }
}

#[test]
fn money_is_read_to_the_cent_and_never_rounded() {
    let fr = |t: &str| read_money(t, FR).map_err(|e| e.problem);
    let en = |t: &str| read_money(t, EN).map_err(|e| e.problem);
    assert_eq!(fr("18 464,15 $"), Ok(Cents(1_846_415)));
    assert_eq!(fr("18\u{a0}464,15\u{a0}$"), Ok(Cents(1_846_415)));
    assert_eq!(fr("18464.15"), Ok(Cents(1_846_415)));
    assert_eq!(fr("-0,05 $"), Ok(Cents(-5)));
    assert_eq!(fr("12,5"), Ok(Cents(1250)));
    assert_eq!(fr("0,125 $"), Err(Problem::BelowTheCent));
    assert_eq!(fr("12.500"), Err(Problem::Ambiguous { decimal: 12.5, thousands: 12500.0 }));
    assert_eq!(en("$18,464.15"), Ok(Cents(1_846_415)));
    assert_eq!(en("-$700,000.00"), Ok(Cents(-70_000_000)));
    assert_eq!(en("12,500"), Ok(Cents(1_250_000)));
    assert_eq!(en("0.125"), Err(Problem::BelowTheCent));
    assert_eq!(fr("99999999999999999999"), Err(Problem::TooLarge));
    assert_eq!(fr("$ 5 $"), Err(Problem::Unreadable));
    assert_eq!(fr(""), Err(Problem::Empty));
    assert_eq!(read_optional_money(" ", FR), Ok(None));
}

#[test]
fn percentages_ratios_and_their_units() {
    assert_eq!(read_percent("79,65 %", FR), Ok(79.65));
    assert_eq!(read_percent("79,65\u{a0}%", FR), Ok(79.65));
    assert_eq!(read_percent("150", FR), Ok(150.0), "read; the checks question it");
    assert_eq!(read_percent("79.65%", EN), Ok(79.65));
    assert_eq!(read_ratio("3 sur 4", Some(4.0), FR), Ok(3.0));
    assert_eq!(read_ratio("3 of 4", Some(4.0), EN), Ok(3.0));
    assert_eq!(read_ratio("3/4", Some(4.0), FR), Ok(3.0));
    assert_eq!(read_ratio("3", Some(4.0), FR), Ok(3.0));
    assert_eq!(read_ratio("3 sur 5", Some(4.0), FR).map_err(|e| e.problem), Err(Problem::OtherWhole { typed: 5.0 }));
    assert_eq!(read_ratio("3 sur 4", None, FR).map_err(|e| e.problem), Err(Problem::OtherWhole { typed: 4.0 }));
    let points = read_target(IndicatorKind::Percentage, Relative::Points, None, "+5 points", FR);
    assert_eq!(points, Ok(TargetValue::PercentagePoints(5.0)));
    let percent = read_target(IndicatorKind::Percentage, Relative::Percent, None, "-2,5 %", FR);
    assert_eq!(percent, Ok(TargetValue::RelativePercent(-2.5)));
}

#[test]
fn days_counts_weights_and_progress() {
    assert_eq!(read_days("2,5", FR), Ok(Days { half_days: 5 }));
    assert_eq!(read_days("10.50", EN), Ok(Days { half_days: 21 }));
    assert_eq!(read_days("2,25", FR).map_err(|e| e.problem), Err(Problem::NotHalfDay));
    assert_eq!(read_days("-1", FR).map_err(|e| e.problem), Err(Problem::Negative));
    assert_eq!(read_count("12", FR), Ok(12));
    assert_eq!(read_count("1 200", FR), Ok(1200));
    assert_eq!(read_count("1,5", FR).map_err(|e| e.problem), Err(Problem::NotWhole));
    assert_eq!(read_count("-2", FR).map_err(|e| e.problem), Err(Problem::Negative));
    assert_eq!(read_weight("5,371", FR), Ok(5.371), "a comma is decimal in French, also before three digits");
    assert_eq!(read_weight("5,371", EN), Ok(5371.0));
    assert_eq!(read_weight("-1", FR).map_err(|e| e.problem), Err(Problem::Negative));
    assert_eq!(read_progress("40 %", FR), Ok(40));
    assert_eq!(read_progress("120", FR), Ok(120), "read; the checks question it");
    assert_eq!(read_progress("40,5", FR).map_err(|e| e.problem), Err(Problem::NotWhole));
    assert_eq!(read_progress("300", FR).map_err(|e| e.problem), Err(Problem::TooLarge));
    assert_eq!(read_optional_progress("", FR), Ok(None));
}

#[test]
fn dates_in_every_way_the_page_writes_them() {
    let date = |t: &str| PlanDate::parse(t).unwrap();
    for (typed, expected) in [
        ("2027-06-30", "2027-06-30"),
        ("2027-06", "2027-06"),
        ("2027", "2027"),
        ("30 juin 2027", "2027-06-30"),
        ("1er juin 2027", "2027-06-01"),
        ("juin 2027", "2027-06"),
        ("Juin 2027", "2027-06"),
        ("aout 2027", "2027-08"),
        ("12 décembre 2023", "2023-12-12"),
        ("June 2027", "2027-06"),
        ("June 30, 2027", "2027-06-30"),
        ("30 June 2027", "2027-06-30"),
    ] {
        assert_eq!(read_date(typed), Ok(date(expected)), "{typed}");
    }
    for bad in ["31 juin 2027", "juin", "27", "2027-6", "demain", "June 30, 27"] {
        assert_eq!(read_date(bad).map_err(|e| e.problem), Err(Problem::Unreadable), "{bad}");
    }
    assert_eq!(read_date("").map_err(|e| e.problem), Err(Problem::Empty));
    assert_eq!(read_day("12 décembre 2023"), Ok(NaiveDate::from_ymd_opt(2023, 12, 12).unwrap()));
    assert_eq!(read_day("juin 2027").map_err(|e| e.expected), Err(Expected::Day));
}

#[test]
fn values_are_read_by_their_indicator_kind() {
    use IndicatorKind::*;
    assert_eq!(read_value(Percentage, None, "79,65 %", FR), Ok(Value::Number(79.65)));
    assert_eq!(read_value(Count, None, "1,234", FR), Ok(Value::Number(1.234)));
    assert_eq!(read_value(Count, None, "1,234", EN), Ok(Value::Number(1234.0)));
    assert_eq!(read_value(Dollars, None, "0,125", FR).map_err(|e| e.problem), Err(Problem::BelowTheCent));
    assert_eq!(read_value(Dollars, None, "0,12", FR), Ok(Value::Money(Cents(12))));
    assert_eq!(read_value(Milestone, None, "Réalisé", FR), Ok(Value::Done(true)));
    assert_eq!(read_value(Milestone, None, "non", FR), Ok(Value::Done(false)));
    assert_eq!(read_value(Qualitative, None, " Bien amorcé ", FR), Ok(Value::Text("Bien amorcé".into())));
    assert_eq!(read_optional_value(Percentage, None, " ", FR), Ok(None));
    assert_eq!(
        read_lines(" Centre Alpha-Nord, Maison des familles \n\n etc. "),
        ["Centre Alpha-Nord, Maison des familles", "etc."]
    );
}

#[test]
fn errors_name_the_field_and_what_it_expects_in_both_languages() {
    let error = read_number("1.234", FR).unwrap_err();
    assert_eq!(
        text::input_error("Valeur", &error, FR),
        "Valeur\u{a0}: «\u{a0}1.234\u{a0}» peut se lire 1,234 ou 1\u{a0}234\u{a0}: écrivez l'une de ces deux formes. \
         Écrivez un nombre, par exemple 79,7 ou 1\u{a0}234,5."
    );
    let error = read_percent("79,7,5", EN).unwrap_err();
    assert_eq!(
        text::input_error("Value", &error, EN),
        "Value: “79,7,5” does not read as a percentage. Write a percentage, for example 79.7%."
    );
    let errors = [
        read_money("0,125", FR),
        read_money("", FR),
        read_days("-1", FR).map(|_| Cents(0)),
        read_days("1,25", FR).map(|_| Cents(0)),
        read_count("1,5", FR).map(|_| Cents(0)),
        read_progress("999", FR).map(|_| Cents(0)),
        read_ratio("1 sur 3", Some(4.0), FR).map(|_| Cents(0)),
        read_ratio("1 sur 3", None, FR).map(|_| Cents(0)),
        read_date("demain").map(|_| Cents(0)),
        read_day("2027").map(|_| Cents(0)),
        read_yes_no("peut-être").map(|_| Cents(0)),
        read_value(IndicatorKind::Qualitative, None, "", FR).map(|_| Cents(0)),
        read_weight("x", FR).map(|_| Cents(0)),
    ];
    for error in errors.into_iter().map(Result::unwrap_err) {
        let (fr, en) = (text::input_error("Champ", &error, FR), text::input_error("Field", &error, EN));
        assert!(fr.starts_with("Champ\u{a0}: ") && en.starts_with("Field: ") && fr != en, "{error:?}");
        assert!(!fr.contains(" :") && !fr.contains(" ;"), "no plain space before French punctuation: {fr}");
    }
}

#[test]
fn a_form_prefills_the_exact_value() {
    assert_eq!(show_percent(79.65, FR), "79,65\u{a0}%");
    assert_eq!(show_number(1234.5, FR), "1\u{a0}234,5");
    assert_eq!(show_number(1234.5, EN), "1,234.5");
    assert_eq!(show_ratio(3.0, Some(4.0), FR), "3 sur 4");
    assert_eq!(show_money(Cents(1_846_415), FR), "18\u{a0}464,15\u{a0}$");
    assert_eq!(show_days(Days { half_days: 5 }, FR), "2,5");
    assert_eq!(show_signed(15.0, FR), "+15");
    assert_eq!(show_date(PlanDate::month(2027, 6).unwrap(), FR), "juin 2027");
}

fn lang() -> impl Strategy<Value = Lang> {
    prop_oneof![Just(FR), Just(EN)]
}

fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |n| n.is_finite()),
        // Values as plans hold them: a few decimals.
        (-10_000_000i64..10_000_000, 0u32..4).prop_map(|(n, d)| n as f64 / 10f64.powi(d as i32)),
    ]
}

fn plan_date() -> impl Strategy<Value = PlanDate> {
    prop_oneof![
        (1000i32..=9999).prop_map(|y| PlanDate::year(y).unwrap()),
        (1000i32..=9999, 1u32..=12).prop_map(|(y, m)| PlanDate::month(y, m).unwrap()),
        (1000i32..=9999, 1u32..=12, 1u32..=31).prop_filter_map("a real day", |(y, m, d)| PlanDate::day(y, m, d)),
    ]
}

proptest! {
    #[test]
    fn numbers_read_back_as_shown(n in finite(), lang in lang()) {
        prop_assert_eq!(read_number(&show_number(n, lang), lang), Ok(n));
        prop_assert_eq!(read_percent(&show_percent(n, lang), lang), Ok(n));
        prop_assert_eq!(read_weight(&show_weight(n.abs(), lang), lang), Ok(n.abs()));
        let signed = read_target(IndicatorKind::Percentage, Relative::Points, None, &show_signed(n, lang), lang);
        prop_assert_eq!(signed, Ok(TargetValue::PercentagePoints(n)));
    }

    #[test]
    fn ratios_read_back_as_shown(n in finite(), whole in proptest::option::of(finite()), lang in lang()) {
        prop_assert_eq!(read_ratio(&show_ratio(n, whole, lang), whole, lang), Ok(n));
    }

    #[test]
    fn money_reads_back_to_the_cent(cents in any::<i64>().prop_filter("not the lowest", |c| *c != i64::MIN), lang in lang()) {
        prop_assert_eq!(read_money(&show_money(Cents(cents), lang), lang), Ok(Cents(cents)));
    }

    #[test]
    fn counts_days_and_progress_read_back(count in any::<u32>(), half_days in 0u32..=2_000_000, percent in any::<u8>(), lang in lang()) {
        prop_assert_eq!(read_count(&show_count(count, lang), lang), Ok(count));
        prop_assert_eq!(read_days(&show_days(Days { half_days }, lang), lang), Ok(Days { half_days }));
        prop_assert_eq!(read_progress(&show_progress(percent, lang), lang), Ok(percent));
    }

    #[test]
    fn dates_read_back_at_their_precision(date in plan_date(), lang in lang()) {
        prop_assert_eq!(read_date(&show_date(date, lang)), Ok(date));
        if let PlanDate::Day(day) = date {
            prop_assert_eq!(read_day(&show_day(day, lang)), Ok(day));
        }
    }

    #[test]
    fn values_and_targets_read_back_for_every_kind(
        n in finite(),
        cents in -1_000_000_000_000i64..1_000_000_000_000,
        done in any::<bool>(),
        words in "[A-Za-zÀ-ÿ0-9,.%$ ]{0,20}[A-Za-zÀ-ÿ0-9]",
        whole in proptest::option::of(1u32..1000),
        lang in lang(),
    ) {
        let whole = whole.map(f64::from);
        for kind in IndicatorKind::ALL {
            let value = match kind {
                IndicatorKind::Dollars => Value::Money(Cents(cents)),
                IndicatorKind::Milestone => Value::Done(done),
                IndicatorKind::Qualitative => Value::Text(words.trim().to_owned()),
                _ => Value::Number(n),
            };
            let shown = show_value(&value, kind, whole, lang);
            prop_assert_eq!(read_value(kind, whole, &shown, lang), Ok(value.clone()), "{:?} {:?}", kind, shown);
            let target = TargetValue::Absolute(value);
            let shown = show_target(&target, kind, whole, lang);
            prop_assert_eq!(read_target(kind, Relative::of(&target), whole, &shown, lang), Ok(target));
        }
        for target in [TargetValue::RelativePercent(n), TargetValue::PercentagePoints(n)] {
            let shown = show_target(&target, IndicatorKind::Percentage, whole, lang);
            prop_assert_eq!(read_target(IndicatorKind::Percentage, Relative::of(&target), whole, &shown, lang), Ok(target));
        }
    }

    #[test]
    fn lists_read_back_item_by_item(items in proptest::collection::vec("[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9,. -]{0,30}[A-Za-zÀ-ÿ0-9.]", 0..6)) {
        prop_assert_eq!(read_lines(&show_lines(&items)), items);
    }

    #[test]
    fn reading_never_panics(text in "\\PC{0,30}", lang in lang()) {
        let _ = read_number(&text, lang);
        let _ = read_money(&text, lang);
        let _ = read_days(&text, lang);
        let _ = read_ratio(&text, Some(4.0), lang);
        let _ = read_date(&text);
        let _ = read_progress(&text, lang);
    }
}
