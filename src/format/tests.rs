//! Reading and writing plan files: the sample, the fixtures of `tests/fixtures/`, the
//! migrations of versions 0 and 1, and each way a file can be refused, with its path.

pub(crate) mod arbitrary;
mod paths;
mod properties;

use super::*;
use crate::model::indicator::IndicatorKind;
use crate::model::level::{Level, Noun};
use crate::model::measurement::Value;
use crate::model::money::Cents;
use crate::model::target::TargetValue;
use crate::start::sample::sample_plan;

/// The version 1 fixtures, each as version 1's `save` wrote it.
const FIXTURES: &[(&str, &str)] = &[
    ("plan-000-pevr", include_str!("../../tests/fixtures/plan-000-pevr.json")),
    ("plan-001-regional", include_str!("../../tests/fixtures/plan-001-regional.json")),
    ("plan-002-cooperative", include_str!("../../tests/fixtures/plan-002-cooperative.json")),
    ("plan-five-levels", include_str!("../../tests/fixtures/plan-five-levels.json")),
];

const V0_DRAFT: &str = include_str!("../../tests/fixtures/v0-draft.json");

/// A version 2 file, numbered per level, as `save` writes it.
const V2_PER_LEVEL: &str = include_str!("../../tests/fixtures/v2-pevr-per-level.json");

/// Every plan file under `tests/fixtures/`, whatever its version.
pub(crate) fn every_fixture() -> Vec<&'static str> {
    let mut all: Vec<&str> = FIXTURES.iter().map(|(_, text)| *text).collect();
    all.extend([
        V0_DRAFT,
        V2_PER_LEVEL,
        V3_SENT,
        include_str!("../../tests/fixtures/plan-five-levels-per-enjeu.json"),
        include_str!("../../tests/fixtures/plan-work-yearly-steps.json"),
    ]);
    all
}

fn fixture(name: &str) -> Plan {
    let (_, text) = FIXTURES.iter().find(|(n, _)| *n == name).expect("a fixture of that name");
    load(text).expect("the fixture loads")
}

#[test]
fn the_sample_plan_survives_a_round_trip_byte_for_byte() {
    let text = save(&sample_plan());
    let plan = load(&text).expect("the sample loads");
    assert_eq!(plan, sample_plan());
    assert_eq!(save(&plan), text);
}

/// A version 1 file loads unchanged: saved again, it is the same JSON but for its
/// version and the numbering that version 2 added, hierarchical as every version 1 plan
/// was numbered.
#[test]
fn every_version_1_fixture_loads_and_equals_what_it_was() {
    for (name, text) in FIXTURES {
        let (plan, version) = load_file(text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(version, 1, "{name}");
        assert_eq!(plan.settings.numbering, crate::model::plan::Numbering::Hierarchical, "{name}");
        let saved = save(&plan);
        let mut again: serde_json::Value = serde_json::from_str(&saved).expect("a saved plan is JSON");
        assert_eq!(again["version"], 2, "{name}");
        let numbering = again["plan"]["settings"].as_object_mut().and_then(|s| s.remove("numbering"));
        assert_eq!(numbering, Some("hierarchical".into()), "{name}");
        again["version"] = 1.into();
        let before: serde_json::Value = serde_json::from_str(text).expect("a fixture is JSON");
        assert!(again == before, "{name} changed when loaded");
        assert_eq!(load(&saved).as_ref(), Ok(&plan), "{name}");
    }
}

#[test]
fn a_version_2_fixture_loads_and_saves_to_the_same_bytes() {
    let (plan, version) = load_file(V2_PER_LEVEL).expect("the version 2 fixture loads");
    assert_eq!(version, 2);
    assert_eq!(plan.settings.numbering, crate::model::plan::Numbering::PerLevel);
    assert!(save(&plan) == V2_PER_LEVEL, "the version 2 fixture does not save to its own bytes");
    let codes: Vec<String> = plan.objectives().map(|o| plan.code_of(&o.id)).collect();
    let expected: Vec<String> = (1..=codes.len()).map(|n| n.to_string()).collect();
    assert_eq!(codes, expected, "objectives numbered across the plan");
}

/// Version 1 had no numbering: a version 1 file that names one is refused as version 1's
/// reader refused it, though it is read without being rebuilt.
#[test]
fn a_version_1_file_naming_a_numbering_is_refused_and_a_version_2_one_is_read() {
    let settings = "\"objective_level\": 0,";
    let numbered =
        format!("{settings} \"settings\": {{\"on_track\": 0.95, \"to_watch\": 0.85, \"numbering\": \"per_level\"}},");
    check_error(&with(settings, &numbered), field("plan.settings.numbering", FieldProblem::Unknown));
    let version_2 = with(settings, &numbered).replace("\"version\": 1", "\"version\": 2");
    let plan = load(&version_2).expect("version 2 has a numbering");
    assert_eq!(plan.settings.numbering, crate::model::plan::Numbering::PerLevel);
}

/// The fixtures keep the anomalies of the reference plans on purpose: the checks
/// are tested against them.
#[test]
fn the_pevr_fixture_holds_the_reference_plans_anomalies() {
    let plan = fixture("plan-000-pevr");
    let rate_of_592 = plan.indicators.iter().find(|i| {
        i.kind == IndicatorKind::Percentage
            && i.segments.iter().any(|s| {
                s.final_target(plan.year_end()).map(|t| &t.value) == Some(&TargetValue::Absolute(Value::Number(592.0)))
            })
    });
    assert!(rate_of_592.is_some(), "a rate whose target is 592");
    assert_eq!(plan.actions.iter().filter(|a| a.responsible.is_empty()).count(), 1);
    assert_eq!(plan.actions.iter().map(|a| a.objectives.len()).max(), Some(4), "one moyen, four objectives");
    let ratio = plan.indicators.iter().find(|i| i.kind == IndicatorKind::Ratio).expect("a ratio");
    assert_eq!(ratio.out_of, Some(4.0));
}

#[test]
fn the_cooperative_fixture_holds_the_reference_budgets_anomalies() {
    let budget = fixture("plan-002-cooperative").budget;
    let staff = || budget.expenses.iter().flat_map(|line| &line.staff);
    let stated_staff: Cents = staff().filter_map(|s| s.stated).sum();
    assert_eq!(stated_staff, Cents(24_304_000));
    assert_eq!(budget.stated.staff, Some(Cents(22_064_000)));
    let well_being = &budget.expenses[0].staff[0];
    assert_eq!((well_being.participants, well_being.days.as_f64(), well_being.stated), (10, 5.0, Some(Cents(840_000))));
    let allocation = &budget.allocations[0];
    assert_eq!(allocation.amount, Cents(34_380_000));
    assert_eq!(allocation.shares.len(), 9);
    assert_eq!(allocation.shares.iter().filter_map(|s| s.stated).sum::<Cents>(), Cents(34_380_001));
}

#[test]
fn a_version_0_file_is_migrated_and_saved_as_the_current_version() {
    let plan = load(V0_DRAFT).expect("the draft loads");
    let level = |singular: &str, plural: &str| Level { name: Noun::new(singular, plural) };
    assert_eq!(plan.levels, vec![level("Enjeu", "Enjeux"), level("Objectif", "Objectifs")]);
    assert_eq!(plan.objective_level, 1);
    assert_eq!(plan.action_name, Noun::new("moyen", "moyens"));
    let actions: Vec<&str> = plan.actions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(actions, ["moyen-coin-lecture"]);
    assert_eq!(plan.actions[0].objectives, [crate::model::id::Id::new("objectif-lecture")]);

    let text = save(&plan);
    assert_eq!(plan.settings.numbering, crate::model::plan::Numbering::Hierarchical);
    assert!(text.starts_with("{\n  \"format\": \"jalon-plan\",\n  \"version\": 2,\n"), "{text}");
    assert!(!text.contains("level_names") && !text.contains("\"means\""));
    assert_eq!(load(&text), Ok(plan));
}

/// A small version 1 file; each error case below changes one thing in it.
const MINIMAL: &str = r#"{
  "format": "jalon-plan",
  "version": 1,
  "plan": {
    "id": "plan",
    "title": "Plan",
    "organisations": [{"id": "org", "name": "École des Pins"}],
    "period": {"start": "2024-07-01", "end": "2025-06-30"},
    "levels": [{"name": {"singular": "Objectif", "plural": "Objectifs"}}],
    "objective_level": 0,
    "action_name": {"singular": "Moyen", "plural": "Moyens"},
    "elements": [{"id": "objectif", "level": 0, "title": "Lire", "deadline": "2025-06"}],
    "indicators": [{"id": "taux", "objective": "objectif", "label": "Taux", "kind": "percentage",
                    "direction": "increase", "segments": [{"id": "segment"}]}],
    "budget": {
      "rates": [{"id": "pro", "label": "Professionnels", "per_day": 28000}],
      "categories": [{"id": "projets", "label": "Projets"}],
      "expenses": [{"id": "ligne", "category": "projets", "label": "CoP",
                    "staff": [{"rate": "pro", "participants": 10, "days": 5}]}]
    }
  }
}"#;

/// `MINIMAL` with its only occurrence of `from` replaced by `to`.
fn with(from: &str, to: &str) -> String {
    assert_eq!(MINIMAL.matches(from).count(), 1, "{from} occurs once");
    MINIMAL.replace(from, to)
}

/// Both readers, the text one (local storage) and the bytes one (the page's and the
/// command's files), give the same answer.
fn check_error(input: &str, expected: LoadError) {
    assert_eq!(load(input).map(|_| ()), Err(expected.clone()), "{input}");
    assert_eq!(load_bytes(input.as_bytes()).map(|_| ()), Err(expected), "{input}");
}

fn french(error: &LoadError) -> String {
    crate::words::text::load_error(error, crate::words::text::Lang::Fr)
}

fn field(path: &str, problem: FieldProblem) -> LoadError {
    LoadError::Field { path: path.into(), problem }
}

#[test]
fn the_minimal_file_loads() {
    assert!(load(MINIMAL).is_ok());
}

#[test]
fn files_that_are_not_plans_are_refused() {
    check_error("", LoadError::Empty);
    check_error("\u{feff}", LoadError::Empty);
    check_error(" \n\t ", LoadError::Blank { bytes: 4 });
    check_error(
        "{\n  \"format\": jalon-plan\n}",
        LoadError::NotJson { line: 2, column: 13, problem: JsonProblem::ExpectedValue },
    );
    check_error("[1, 2]", LoadError::NotAPlan);
    check_error(&with("\"format\": \"jalon-plan\",", ""), LoadError::NotAPlan);
    check_error(&with("\"format\": \"jalon-plan\"", "\"format\": \"jalon-budget\""), LoadError::NotAPlan);
}

#[test]
fn the_envelope_is_checked_before_the_plan() {
    check_error(&with("\"version\": 1", "\"version\": 6"), LoadError::NewerVersion { found: 6, supported: 5 });
    check_error(&with("\"version\": 1,", ""), field("version", FieldProblem::Missing));
    check_error(&with("\"version\": 1", "\"version\": \"1\""), field("version", FieldProblem::WrongType));
    check_error(
        &with("\"version\": 1,", "\"version\": 1, \"signature\": \"x\","),
        field("signature", FieldProblem::Unknown),
    );
}

#[test]
fn a_field_the_model_cannot_hold_is_refused_with_its_path() {
    check_error(
        &with("\"title\": \"Lire\"", "\"title\": \"Lire\", \"colour\": \"rouge\""),
        field("plan.elements[0].colour", FieldProblem::Unknown),
    );
    check_error(&with("\"title\": \"Plan\",", ""), field("plan.title", FieldProblem::Missing));
    check_error(&with("\"title\": \"Plan\"", "\"title\": 2027"), field("plan.title", FieldProblem::WrongType));
    check_error(
        &with("\"kind\": \"percentage\"", "\"kind\": \"banana\""),
        field("plan.indicators[0].kind", FieldProblem::UnknownValue("banana".into())),
    );
    check_error(
        &with("\"deadline\": \"2025-06\"", "\"deadline\": \"juin 2025\""),
        field("plan.elements[0].deadline", FieldProblem::BadDate("juin 2025".into())),
    );
    check_error(
        &with("\"days\": 5", "\"days\": 2.3"),
        field("plan.budget.expenses[0].staff[0].days", FieldProblem::BadDays("2.3".into())),
    );
    check_error(
        &with("\"days\": 5", "\"days\": -1"),
        field("plan.budget.expenses[0].staff[0].days", FieldProblem::BadDays("-1".into())),
    );
}

/// A day that does not exist in a checkpoint or the period names the right field, though
/// chrono's own reader gives its reason in English (`input is out of range`), not `BadDate`.
#[test]
fn a_day_that_does_not_exist_is_refused_at_its_path() {
    match load(&with("\"end\": \"2025-06-30\"", "\"end\": \"2025-06-31\"")) {
        Err(LoadError::Field { path, .. }) => assert_eq!(path, "plan.period.end"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn two_entities_with_one_id_are_refused() {
    check_error(
        &with("{\"id\": \"segment\"}", "{\"id\": \"objectif\"}"),
        LoadError::DuplicateId { id: "objectif".into(), path: "plan.indicators[0].segments[0].id".into() },
    );
}

#[test]
fn a_number_too_large_to_hold_is_refused() {
    check_error(
        &with("\"participants\": 10", "\"participants\": 1e999"),
        field("plan.budget.expenses[0].staff[0].participants", FieldProblem::NotFinite),
    );
    check_error(&with("\"version\": 1", "\"version\": 1e999"), field("version", FieldProblem::WrongType));
}

#[test]
fn an_enum_given_a_number_is_a_wrong_type_and_a_repeated_field_says_so() {
    let sample = save(&sample_plan());
    let numbered = sample.replacen("\"status\": \"in_progress\"", "\"status\": 1", 1);
    assert!(matches!(load(&numbered), Err(LoadError::Field { problem: FieldProblem::WrongType, .. })));
    let repeated = sample.replacen("\"title\": \"Plan d", "\"title\": \"x\", \"title\": \"Plan d", 1);
    assert_eq!(load(&repeated), Err(LoadError::Field { path: "plan.title".into(), problem: FieldProblem::Duplicate }));
}

#[test]
fn an_impossible_checkpoint_date_is_a_bad_date_in_plain_words() {
    let text = save(&sample_plan()).replacen("\"date\": \"2024-06-20\"", "\"date\": \"2024-02-30\"", 1);
    let error = load(&text).expect_err("30 February");
    assert_eq!(
        crate::words::text::load_error(&error, crate::words::text::Lang::Fr),
        "À « plan.checkpoints[0].date »\u{a0}: cette valeur n'est pas une date valide (attendu AAAA-MM-JJ)."
    );
}

#[test]
fn an_exported_file_is_named_after_the_plan_and_the_date() {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    assert_eq!(
        super::file_name("Plan d'engagement vers la réussite 2023-2027", date),
        "plan-d-engagement-vers-la-reussite-2023-2027-2026-11-23.json"
    );
    assert_eq!(super::file_name("  Œuvre « commune » ! ", date), "oeuvre-commune-2026-11-23.json");
    assert_eq!(super::file_name("???", date), "plan-2026-11-23.json");
}

#[test]
fn a_file_larger_than_any_plan_is_refused_before_it_is_read() {
    let huge = " ".repeat(super::MAX_FILE_BYTES as usize + 1);
    assert_eq!(super::load(&huge), Err(LoadError::TooLarge { bytes: super::MAX_FILE_BYTES + 1 }));
    let message =
        crate::words::text::load_error(&LoadError::TooLarge { bytes: 150 * 1_048_576 }, crate::words::text::Lang::Fr);
    assert!(message.contains("150 Mo") && message.contains("100 Mo"), "{message}");
}

#[test]
fn a_digest_tells_files_apart_and_stays_the_same_for_the_same_text() {
    let text = save(&sample_plan());
    assert_eq!(super::digest(&text), super::digest(&text.clone()));
    assert_ne!(super::digest(&text), super::digest(&text.replace("2027", "2028")));
    assert_eq!(super::digest(""), "cbf29ce484222325");
}

#[test]
fn a_byte_order_mark_is_skipped_by_both_readers() {
    for (name, text) in FIXTURES {
        let expected = load_file(text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(text.as_bytes());
        assert_eq!(load_bytes(&bytes).as_ref(), Ok(&expected), "{name}");
        assert_eq!(load_file(&format!("\u{feff}{text}")).as_ref(), Ok(&expected), "{name}");
    }
}

#[test]
fn a_file_saved_in_windows_1252_is_refused_where_its_first_accent_is() {
    // « École » in Windows-1252: É is the single byte 0xC9.
    let ansi: Vec<u8> = with("École", "\u{1}cole").bytes().map(|b| if b == 1 { 0xC9 } else { b }).collect();
    let error = load_bytes(&ansi).expect_err("not UTF-8");
    assert_eq!(error, LoadError::NotUtf8 { line: 7, column: 46, byte: 0xC9, windows_1252: true });
    let message = french(&error);
    assert!(
        message.starts_with("Ce fichier n'est pas enregistré en UTF-8\u{a0}: l'octet 0xC9 à la ligne 7, colonne 46"),
        "{message}"
    );
    assert!(message.contains("Windows-1252") && message.contains("Encodage\u{a0}: UTF-8"), "{message}");
    assert!(!crate::words::text::load_error(&error, crate::words::text::Lang::En).is_empty());
}

#[test]
fn columns_count_characters_and_utf_16_is_not_taken_for_windows_1252() {
    // Two accented letters before the bad byte: two columns, four bytes.
    assert_eq!(
        load_bytes(b"{\"\xC3\xA9\xC3\xA8\xFF\"}"),
        Err(LoadError::NotUtf8 { line: 1, column: 5, byte: 0xFF, windows_1252: true })
    );
    let utf16: Vec<u8> = "\u{feff}{}".encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert_eq!(load_bytes(&utf16), Err(LoadError::NotUtf8 { line: 1, column: 1, byte: 0xFF, windows_1252: false }));
    assert!(!french(&load_bytes(&utf16).unwrap_err()).contains("Windows-1252"));
    // Invalid sequences longer than one byte are not Windows-1252 either.
    assert!(matches!(load_bytes(b"{\xF0\x9F\x98}"), Err(LoadError::NotUtf8 { windows_1252: false, .. })));
}

#[test]
fn a_file_that_is_no_text_is_called_what_it_is_not_advised_to_be_saved_in_utf8() {
    use crate::format::not_text::NotText;
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x02\x80\0\0\x01\xe0\x08\x06";
    assert_eq!(load_bytes(png), Err(LoadError::NotText(NotText::Png)));
    let message = french(&load_bytes(png).unwrap_err());
    assert!(
        message.starts_with("Ce fichier n'est pas un plan Jalon\u{a0}: c'est une image PNG, pas du texte."),
        "{message}"
    );
    assert!(!message.contains("UTF-8") && !message.contains("Bloc-notes"), "{message}");
    let english = crate::words::text::load_error(&LoadError::NotText(NotText::Word), crate::words::text::Lang::En);
    assert!(english.starts_with("This file is not a Jalon plan: it is a Word document, not text."), "{english}");
    // Bytes of no format, with no text in them.
    let data: Vec<u8> = (0..400u32).map(|i| (i * 7919 % 256) as u8).collect();
    assert_eq!(load_bytes(&data), Err(LoadError::NotText(NotText::Data)));
}

#[test]
fn an_empty_file_and_a_file_of_spaces_say_different_things() {
    assert_eq!(load_bytes(b""), Err(LoadError::Empty));
    assert_eq!(load_bytes(b"\xEF\xBB\xBF"), Err(LoadError::Empty));
    assert_eq!(french(&LoadError::Empty), "Le fichier est vide.");
    let spaces = vec![b' '; 3 * 1024 * 1024];
    let error = load_bytes(&spaces).expect_err("blank");
    assert_eq!(error, LoadError::Blank { bytes: 3 * 1024 * 1024 });
    let message = french(&error);
    assert!(
        message.starts_with("Le fichier ne contient que des espaces et des sauts de ligne (3\u{a0}Mo)"),
        "{message}"
    );
    assert!(french(&LoadError::Blank { bytes: 2 }).contains("(2\u{a0}octets)"));
    assert!(french(&LoadError::Blank { bytes: 1536 }).contains("(1,5\u{a0}Ko)"));
}

#[test]
fn the_size_is_checked_on_the_bytes_before_anything_else() {
    let mut huge = vec![0xFF; super::MAX_FILE_BYTES as usize + 1];
    huge[..3].copy_from_slice(b"\xEF\xBB\xBF");
    assert_eq!(load_bytes(&huge), Err(LoadError::TooLarge { bytes: super::MAX_FILE_BYTES + 1 }));
}

/// serde reads the plan's own text: its lines were counted from the `plan` value.
#[test]
fn a_bad_escape_inside_the_plan_is_located_in_the_file_in_french() {
    let error =
        load_bytes(with("\"title\": \"Lire\"", "\"title\": \"Li\\ud800re\"").as_bytes()).expect_err("lone surrogate");
    assert_eq!(error, LoadError::NotJson { line: 12, column: 67, problem: JsonProblem::UnicodeEscape });
    assert_eq!(
        french(&error),
        "Ce fichier n'est pas un fichier JSON lisible\u{a0}: la lecture s'arrête à la ligne 12, colonne 67\u{a0}: \
         séquence d'échappement \\u invalide (demi-caractère UTF-16 isolé ou incomplet)."
    );
    check_error(
        &with("\"title\": \"Plan\"", "\"title\": \"Pl\\udc00an\""),
        LoadError::NotJson { line: 6, column: 22, problem: JsonProblem::UnicodeEscape },
    );
    // Accents before the error count as one column each.
    check_error(
        &with("\"name\": \"École des Pins\"", "\"name\": \"École\\udc00\""),
        LoadError::NotJson { line: 7, column: 56, problem: JsonProblem::UnicodeEscape },
    );
}

#[test]
fn a_number_out_of_its_fields_range_says_the_range() {
    let range = |value: &str, max: i128| FieldProblem::OutOfRange { value: value.into(), min: 0, max };
    let participants = "plan.budget.expenses[0].staff[0].participants";
    check_error(&with("\"participants\": 10", "\"participants\": -1"), field(participants, range("-1", 4_294_967_295)));
    check_error(
        &with("\"participants\": 10", "\"participants\": 18446744073709551616"),
        field(participants, range("18446744073709551616", 4_294_967_295)),
    );
    let error = load_bytes(with("\"participants\": 10", "\"participants\": 4294967296").as_bytes()).unwrap_err();
    assert_eq!(
        french(&error),
        format!("À « {participants} »\u{a0}: le nombre 4\u{a0}294\u{a0}967\u{a0}296 sort des limites permises ici, de 0 à 4\u{a0}294\u{a0}967\u{a0}295.")
    );
    check_error(
        &with("\"per_day\": 28000", "\"per_day\": 9223372036854775808"),
        field(
            "plan.budget.rates[0].per_day",
            FieldProblem::OutOfRange {
                value: "9223372036854775808".into(),
                min: i64::MIN.into(),
                max: i64::MAX.into(),
            },
        ),
    );
    let sample = save(&sample_plan());
    assert!(sample.contains("\"percent\": "), "the sample has a progress percent");
    let start = sample.find("\"percent\": ").unwrap() + "\"percent\": ".len();
    let end = start + sample[start..].find(|c: char| !c.is_ascii_digit()).unwrap();
    let error = load_bytes(format!("{}300{}", &sample[..start], &sample[end..]).as_bytes()).unwrap_err();
    assert!(
        matches!(&error, LoadError::Field { problem: FieldProblem::OutOfRange { value, min: 0, max: 255 }, .. } if value == "300"),
        "{error:?}"
    );
}

/// `usize` is 32 bits in the page and 64 in the command: levels are bounded by the
/// format itself, so both refuse the same files with the same message.
#[test]
fn a_level_beyond_the_formats_bound_is_refused_on_every_platform() {
    let level = |value: &str| FieldProblem::OutOfRange { value: value.into(), min: 0, max: 255 };
    let huge = with("\"level\": 0", "\"level\": 18446744073709551615");
    check_error(&huge, field("plan.elements[0].level", level("18446744073709551615")));
    assert_eq!(
        french(&load_bytes(huge.as_bytes()).unwrap_err()),
        "À « plan.elements[0].level »\u{a0}: le nombre 18\u{a0}446\u{a0}744\u{a0}073\u{a0}709\u{a0}551\u{a0}615 sort des limites permises ici, de 0 à 255."
    );
    check_error(&with("\"level\": 0", "\"level\": 4294967296"), field("plan.elements[0].level", level("4294967296")));
    check_error(&with("\"level\": 0", "\"level\": 256"), field("plan.elements[0].level", level("256")));
    check_error(&with("\"level\": 0", "\"level\": -1"), field("plan.elements[0].level", level("-1")));
    check_error(&with("\"level\": 0", "\"level\": 1e30"), field("plan.elements[0].level", level("1e30")));
    check_error(&with("\"level\": 0", "\"level\": 2.5"), field("plan.elements[0].level", FieldProblem::WrongType));
    check_error(&with("\"level\": 0", "\"level\": \"0\""), field("plan.elements[0].level", FieldProblem::WrongType));
    check_error(
        &with("\"objective_level\": 0", "\"objective_level\": 300"),
        field("plan.objective_level", level("300")),
    );
    // The bound itself loads (the checks then report the missing level).
    assert!(load(&with("\"objective_level\": 0", "\"objective_level\": 255")).is_ok());
}

#[test]
fn serdes_own_words_never_reach_a_french_message() {
    let error = LoadError::Field { path: "plan.title".into(), problem: FieldProblem::Invalid("invalid escape".into()) };
    assert_eq!(
        french(&error),
        "À « plan.title »\u{a0}: cette valeur ne peut pas être lue à cet endroit d'un plan Jalon."
    );
    assert!(crate::words::text::load_error(&error, crate::words::text::Lang::En).contains("invalid escape"));
}

/// A version 3 file, a plan that recorded a part sent to a partner, as `save` writes it.
const V3_SENT: &str = include_str!("../../tests/fixtures/v3-regional-sent.json");

#[test]
fn a_version_3_fixture_loads_and_saves_to_the_same_bytes() {
    let (plan, version) = load_file(V3_SENT).expect("the version 3 fixture loads");
    assert_eq!(version, 3);
    assert_eq!(plan.sendings.len(), 1);
    assert!(save(&plan) == V3_SENT, "the version 3 fixture does not save to its own bytes");
    let mut without = plan.clone();
    without.sendings.clear();
    assert!(save(&without).contains("\"version\": 2,"), "a plan without sendings is written in version 2");
}

/// A version 4 file, a plan that says how long a measurement counts, as `save` writes it.
const V4_MONTHS: &str = include_str!("../../tests/fixtures/v4-measurement-months.json");

#[test]
fn a_version_4_fixture_loads_and_saves_to_the_same_bytes() {
    let (plan, version) = load_file(V4_MONTHS).expect("the version 4 fixture loads");
    assert_eq!((version, plan.settings.measurement_months), (4, Some(12)));
    assert!(save(&plan) == V4_MONTHS, "the version 4 fixture does not save to its own bytes");
    let mut without = plan.clone();
    without.settings.measurement_months = None;
    assert!(save(&without).contains("\"version\": 2,"), "a plan that keeps the rule of checkpoints stays in version 2");
    assert!(!save(&without).contains("measurement_months"));
}

/// Version 3 had no setting of how long a measurement counts: a version 3 file that
/// names one is refused as version 3's reader refused it.
#[test]
fn a_version_3_file_naming_how_long_a_measurement_counts_is_refused() {
    let older = V4_MONTHS.replace("\"version\": 4,", "\"version\": 3,");
    check_error(&older, field("plan.settings.measurement_months", FieldProblem::Unknown));
}

/// A version 5 file, a downloaded copy that names the copy it was written from.
const V5_COPY: &str = include_str!("../../tests/fixtures/v5-copy-with-base.json");

#[test]
fn a_version_5_copy_loads_with_its_base_and_saves_to_the_same_bytes() {
    let opened = open(V5_COPY.as_bytes()).expect("the version 5 fixture loads");
    assert_eq!((opened.version, opened.base.as_deref()), (5, Some("3f29c1a07be45d12")));
    assert!(save_copy(&opened.plan, opened.base.as_deref()) == V5_COPY, "the copy does not save to its own bytes");
    assert!(save(&opened.plan) == V2_PER_LEVEL, "without its base, the plan is the version 2 file it was");
    assert_eq!(load(V5_COPY).as_ref(), Ok(&opened.plan));
}

/// A copy names its base whatever the plan, read the fast way (as written) and the
/// general way (laid out otherwise); without a base it is `save`'s file.
#[test]
fn every_fixture_as_a_copy_reads_back_with_its_base() {
    for text in every_fixture() {
        let plan = load(text).expect("a fixture loads");
        assert_eq!(save_copy(&plan, None), save(&plan));
        let copy = save_copy(&plan, Some("00ff00ff00ff00ff"));
        let reformatted = serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&copy).unwrap()).unwrap();
        for text in [&copy, &reformatted] {
            let opened = open(text.as_bytes()).expect("a copy loads");
            assert_eq!(opened.version, 5);
            assert_eq!(opened.base.as_deref(), Some("00ff00ff00ff00ff"));
            assert_eq!(opened.plan, plan);
        }
    }
}

/// Version 4 had no base in its envelope: a version 4 file that names one is refused as
/// version 4's reader refused it; a base that is not text is said where it is.
#[test]
fn a_base_is_refused_before_version_5_and_when_not_text() {
    let older = V5_COPY.replace("\"version\": 5,", "\"version\": 4,");
    check_error(&older, field("base", FieldProblem::Unknown));
    let number = V5_COPY.replace("\"base\": \"3f29c1a07be45d12\"", "\"base\": 12");
    check_error(&number, field("base", FieldProblem::WrongType));
}

/// A plan as `save` lays it out is read an item at a time: many short steps, not one
/// long one, and the plan read whole.
#[test]
fn a_saved_plan_is_read_in_many_steps() {
    use crate::start::generate::{large_plan, Spec};
    let plan = large_plan(&Spec { objectives: 20, indicators: 200, actions: 100, seed: 7 });
    let text = save(&plan);
    let mut reading = Reading::new(&text);
    let mut steps = 0;
    let read = loop {
        steps += 1;
        if let Some(read) = reading.step(4096) {
            break read;
        }
    };
    assert_eq!(read.map(|opened| opened.plan), Ok(plan));
    assert!(steps > text.len() / 4096, "{steps} steps for {} bytes", text.len());
}
