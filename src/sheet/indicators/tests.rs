use super::*;
use crate::fixtures;
use crate::model::date::PlanDate;
use crate::sheet::{fields, read, write};
use proptest::prelude::*;

fn plans() -> Vec<Plan> {
    fixtures::with_sample(&["plan-000-pevr", "plan-001-regional", "plan-002-cooperative", "plan-five-levels-per-enjeu"])
}

fn counter() -> impl FnMut() -> Id {
    let mut n = 0;
    move || {
        n += 1;
        Id::new(format!("importe-{n}"))
    }
}

fn import(plan: &Plan, bytes: &[u8], under: Option<&Id>) -> Preview {
    let read = read::read_bytes(bytes, Lang::Fr).expect("the file reads");
    let mapping = fields::guess(&read.sheet.header, plan);
    preview(plan, &read, &mapping, under, &mut counter())
}

#[test]
fn each_value_has_its_row_with_the_plan_s_word_for_its_objective() {
    let plan = crate::start::sample::sample_plan();
    let sheet = export(&plan, Lang::Fr);
    assert_eq!(sheet.header[1], plan.level_name(plan.objective_level).unwrap().singular);
    let values: usize = plan
        .indicators
        .iter()
        .flat_map(|i| &i.segments)
        .map(|s| (usize::from(s.baseline.is_some()) + s.targets.len() + s.measurements.len()).max(1))
        .sum();
    assert_eq!(sheet.rows.len(), values);
    let text = String::from_utf8(write::csv(&sheet, Lang::Fr)).unwrap();
    assert!(text.contains(";Point de départ;"));
    assert!(text.contains(";Cible;") && text.contains(";Mesure;"));
}

#[test]
fn an_unchanged_export_imported_again_changes_nothing() {
    for plan in plans() {
        for lang in [Lang::Fr, Lang::En] {
            let bytes = write::csv(&export(&plan, lang), lang);
            let preview = import(&plan, &bytes, None);
            assert!(preview.is_clean(), "{}: {:?}", plan.title, preview.rows);
            assert_eq!(preview.changes, Vec::new(), "{} {lang:?}", plan.title);
        }
    }
}

#[test]
fn exported_indicators_imported_into_the_plan_without_them_are_the_same_indicators() {
    for plan in plans() {
        let bytes = write::csv(&export(&plan, Lang::Fr), Lang::Fr);
        let mut emptied = plan.clone();
        emptied.indicators.clear();
        // Measurements at a closed checkpoint are locked (a test below).
        for checkpoint in &mut emptied.checkpoints {
            checkpoint.closed = false;
        }
        let preview = import(&emptied, &bytes, None);
        assert!(preview.is_clean(), "{}: {:?}", plan.title, preview.rows);
        preview.change().apply(&mut emptied).expect("the import applies");
        assert_eq!(emptied.indicators.len(), plan.indicators.len(), "{}", plan.title);
        for (got, want) in emptied.indicators.iter().zip(&plan.indicators) {
            assert_eq!((&got.id, &got.objective), (&want.id, &want.objective));
            assert_eq!(fields_of(got), IndicatorFields { note: String::new(), ..fields_of(want) });
            let values = |i: &Indicator| -> Vec<_> {
                i.segments
                    .iter()
                    .map(|s| (s.label.clone(), s.baseline.clone(), s.targets.clone(), s.measurements.clone()))
                    .collect()
            };
            assert_eq!(values(got), values(want), "{}", want.label);
        }
    }
}

#[test]
fn a_new_measurement_and_a_changed_target_are_the_import_s_changes() {
    let plan = crate::start::sample::sample_plan();
    let mut sheet = export(&plan, Lang::Fr);
    let at = |name: &str| sheet.header.iter().position(|h| h == name).unwrap();
    let (entry, date, value) = (at("Point de départ, cible ou mesure"), at("Date"), at("Valeur"));
    let target_row = sheet.rows.iter().position(|r| r[entry] == "Cible" && !r[value].starts_with(['+', '-'])).unwrap();
    let (old, target_date) = (sheet.rows[target_row][value].clone(), sheet.rows[target_row][date].clone());
    sheet.rows[target_row][value] = "91,5".into();
    let mut measured = sheet.rows[target_row].clone();
    measured[entry] = "Mesure".into();
    measured[date] = "2026-11-15".into();
    measured[value] = "74,2".into();
    sheet.rows.push(measured);
    let preview = import(&plan, &write::csv(&sheet, Lang::Fr), None);
    assert!(preview.is_clean(), "{:?}", preview.rows);
    assert_eq!(preview.changes.len(), 2, "{:?}", preview.changes);
    let changed = |row: usize| match &preview.rows[row].1 {
        Outcome::Updated { fields, .. } => fields.clone(),
        other => panic!("{other:?}"),
    };
    let cell =
        |column: String, before: &str, after: &str| Changed { column, before: before.into(), after: after.into() };
    assert_eq!(changed(target_row), vec![cell(format!("Valeur (Cible, {target_date})"), &old, "91,5")]);
    assert_eq!(changed(sheet.rows.len() - 1), vec![cell("Valeur (Mesure, 2026-11-15)".into(), "", "74,2")]);
    let mut changed = plan.clone();
    preview.change().apply(&mut changed).unwrap();
    let indicator = &changed.indicators.iter().find(|i| i.id.as_str() == sheet.rows[target_row][0]).unwrap();
    let segment = indicator.segments.iter().find(|s| s.label == sheet.rows[target_row][at("Segment")]).unwrap();
    assert!(segment.targets.iter().any(|t| t.value == TargetValue::Absolute(Value::Number(91.5))));
    assert!(segment
        .measurements
        .iter()
        .any(|m| m.value == Value::Number(74.2) && m.date == PlanDate::day(2026, 11, 15).unwrap()));
}

#[test]
fn an_indicator_s_own_field_changed_is_listed_from_old_to_new_on_its_first_row() {
    let plan = crate::start::sample::sample_plan();
    let mut sheet = export(&plan, Lang::Fr);
    let source = sheet.header.iter().position(|h| h == "Source").unwrap();
    let old = sheet.rows[0][source].clone();
    for row in sheet.rows.iter_mut().filter(|r| r[0] == plan.indicators[0].id.as_str()) {
        row[source] = "Sondage de juin".into();
    }
    let preview = import(&plan, &write::csv(&sheet, Lang::Fr), None);
    let expected = Changed { column: "Source".into(), before: old, after: "Sondage de juin".into() };
    assert_eq!(preview.rows[0].1, Outcome::Updated { name: plan.indicators[0].label.clone(), fields: vec![expected] });
}

#[test]
fn a_date_no_calendar_has_and_a_value_that_is_no_number_are_named_in_french() {
    let plan = crate::start::sample::sample_plan();
    let mut sheet = export(&plan, Lang::Fr);
    let at = |name: &str| sheet.header.iter().position(|h| h == name).unwrap();
    let (entry, date, value, kind) = (at("Point de départ, cible ou mesure"), at("Date"), at("Valeur"), at("Type"));
    let measured = sheet.rows.iter().position(|r| r[entry] == "Mesure" && r[kind] == "Pourcentage ou taux").unwrap();
    sheet.rows[measured][date] = "2023-02-30".into();
    let other = sheet.rows.iter().rposition(|r| r[entry] == "Mesure" && r[kind] == "Pourcentage ou taux").unwrap();
    assert_ne!(other, measured);
    sheet.rows[other][value] = "beaucoup".into();
    let preview = import(&plan, &write::csv(&sheet, Lang::Fr), None);
    let messages: Vec<String> = preview
        .rows
        .iter()
        .filter_map(|(_, o)| match o {
            Outcome::Refused(p) => Some(crate::sheet::words::problem(&plan, &p[0].0, &p[0].1, Lang::Fr)),
            _ => None,
        })
        .collect();
    assert_eq!(messages.len(), 2);
    assert_eq!(
        messages[0],
        format!(
            "Ligne {}, colonne «\u{a0}Date\u{a0}»\u{a0}: la date «\u{a0}2023-02-30\u{a0}» n'existe pas.",
            measured + 2
        )
    );
    assert!(
        messages[1].starts_with(&format!(
            "Ligne {}, colonne «\u{a0}Valeur\u{a0}»\u{a0}: «\u{a0}beaucoup\u{a0}» ne se lit pas",
            other + 2
        )),
        "{}",
        messages[1]
    );
}

#[test]
fn a_measurement_at_a_closed_checkpoint_is_refused() {
    let mut plan = fixtures::plan("plan-000-pevr");
    let bytes = write::csv(&export(&plan, Lang::Fr), Lang::Fr);
    let closed = plan.checkpoints.iter().position(|c| c.closed).expect("plan 000 has a closed checkpoint");
    let locked = PlanDate::Day(plan.checkpoints[closed].date);
    plan.indicators.iter_mut().flat_map(|i| &mut i.segments).for_each(|s| s.measurements.retain(|m| m.date != locked));
    let preview = import(&plan, &bytes, None);
    assert!(preview
        .rows
        .iter()
        .any(|(_, o)| matches!(o, Outcome::Refused(p) if matches!(p[0].1, Problem::ClosedCheckpoint(_)))));
}

/// Issue 27: a target row dated before its segment's baseline is refused on its row, as
/// the form refuses it, so that a confirmed import never holds a refused change.
#[test]
fn a_target_before_its_baseline_is_refused_on_its_row() {
    let plan = crate::start::sample::sample_plan();
    let pasted = "Indicateur\tDonnée\tDate\tValeur\nÉlèves de 4e année ayant 70 % ou plus à l'épreuve de lecture\tCible\t2021\t75\n";
    let read = read::read(pasted, Lang::Fr).unwrap();
    let preview = preview(&plan, &read, &fields::guess(&read.sheet.header, &plan), None, &mut counter());
    let (2, Outcome::Refused(problems)) = &preview.rows[0] else { panic!("{:?}", preview.rows) };
    let text = crate::sheet::words::problem(&plan, &problems[0].0, &problems[0].1, Lang::Fr);
    assert!(
        text.ends_with(
            "la cible de 2021 viendrait avant la situation de départ (juin 2023)\u{a0}: datez les cibles après elle."
        ),
        "{text}"
    );
    assert!(preview.changes.is_empty());
}

#[test]
fn a_table_without_indicators_is_missing_its_column() {
    let plan = crate::start::sample::sample_plan();
    let preview = import(&plan, b"Date;Valeur\r\n2024-06-30;12\r\n", None);
    let (1, Outcome::Refused(problems)) = &preview.rows[0] else { panic!("{:?}", preview.rows) };
    assert_eq!(problems[0].1, Problem::MissingColumn("Indicateur".into()));
}

#[test]
fn a_new_indicator_lands_under_the_objective_given_with_its_segments() {
    let plan = crate::start::sample::sample_plan();
    let objective = plan.objectives().next().unwrap().id.clone();
    let pasted = "Indicateur\tSegment\tDonnée\tDate\tValeur\nTaux de présence\tPrimaire\tPoint de départ\t2023-06-30\t91\nTaux de présence\tPrimaire\tCible\t2027-06-30\t+2 points\nTaux de présence\tSecondaire\tCible\t2027-06-30\t88\n";
    let read = read::read(pasted, Lang::Fr).unwrap();
    let mapping = fields::guess(&read.sheet.header, &plan);
    let preview = preview(&plan, &read, &mapping, Some(&objective), &mut counter());
    assert!(preview.is_clean(), "{:?}", preview.rows);
    let mut changed = plan.clone();
    preview.change().apply(&mut changed).unwrap();
    let added = changed.indicators.last().unwrap();
    assert_eq!(added.label, "Taux de présence");
    assert_eq!(added.objective, objective);
    assert_eq!(added.segments.len(), 2);
    assert_eq!(added.segments[0].targets[0].value, TargetValue::PercentagePoints(2.0));
    assert_eq!(added.segments[1].label, "Secondaire");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn any_plan_s_unchanged_export_imports_as_no_change(plan in crate::format::tests::arbitrary::plan(), fr in any::<bool>()) {
        let lang = if fr { Lang::Fr } else { Lang::En };
        let bytes = write::csv(&export(&plan, lang), lang);
        let preview = import(&plan, &bytes, None);
        prop_assert!(preview.is_clean(), "{:?}", preview.rows);
        prop_assert_eq!(preview.changes, Vec::new());
    }
}
