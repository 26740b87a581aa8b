use super::*;
use crate::fixtures;
use crate::sheet::{read, write, Changed};
use proptest::prelude::*;

fn plans() -> Vec<Plan> {
    fixtures::with_sample(&[
        "plan-000-pevr",
        "plan-001-regional",
        "plan-002-cooperative",
        "plan-five-levels-per-enjeu",
        "plan-work-yearly-steps",
    ])
}

fn counter() -> impl FnMut() -> Id {
    let mut n = 0;
    move || {
        n += 1;
        Id::new(format!("importee-{n}"))
    }
}

/// The file's bytes read back as the page reads a chosen file, mapped by guess.
fn reread(plan: &Plan, bytes: &[u8], page: Lang) -> (Read, Mapping<ActionField>) {
    let read = read::read_bytes(bytes, page).expect("the file reads");
    let mapping = crate::sheet::fields::guess(&read.sheet.header, plan);
    (read, mapping)
}

fn import(plan: &Plan, bytes: &[u8], options: &Options) -> Preview {
    let (read, mapping) = reread(plan, bytes, Lang::Fr);
    preview(plan, &read, &mapping, options, &mut counter())
}

fn options_at(plan: &Plan) -> Options {
    Options { under: None, checkpoint: plan.current_checkpoint().map(|c| c.id.clone()) }
}

/// The options of an import at `plan`'s current checkpoint, and its export there.
fn exported(plan: &Plan, lang: Lang) -> (Options, Sheet) {
    let options = options_at(plan);
    let sheet = export(plan, options.checkpoint.as_ref(), lang);
    (options, sheet)
}

/// `preview`, of `plan`'s own export read again, reads every row and changes nothing;
/// `said` names the case.
fn changes_nothing(plan: &Plan, preview: &Preview, said: &str) {
    assert!(preview.is_clean(), "{said}: {:?}", preview.rows);
    assert_eq!(preview.changes, Vec::new(), "{said}");
    assert_eq!(preview.rows.len(), plan.actions.len(), "{said}");
}

#[test]
fn a_french_export_is_what_french_excel_opens() {
    let plan = fixtures::plan("plan-000-pevr");
    let checkpoint = plan.checkpoints.last().map(|c| c.id.clone());
    let bytes = write::csv(&export(&plan, checkpoint.as_ref(), Lang::Fr), Lang::Fr);
    let text = std::str::from_utf8(&bytes).expect("UTF-8");
    assert!(text.starts_with("\u{feff}Identifiant;Code;Objectifs;"), "{}", &text[..80]);
    assert!(text.contains(&format!(";{};", plan.action_name.singular)));
    assert!(text.contains("Groupes visés;Responsable;Mise en œuvre;"), "{}", &text[..200]);
    let label = &plan.checkpoints.last().unwrap().label;
    assert!(text.contains(&format!("État — {label}")), "{}", &text[..400]);
    // Every line ends with CRLF, and a line feed alone is only ever inside a quoted cell.
    assert!(text.ends_with("\r\n"));
    let records = csv::ReaderBuilder::new().delimiter(b';').has_headers(false).from_reader(&bytes[3..]);
    assert_eq!(records.into_records().count(), plan.actions.len() + 1);
}

#[test]
fn an_english_export_names_its_columns_in_english_with_commas_and_points() {
    let mut plan = fixtures::plan("plan-002-cooperative");
    plan.actions[0].budget_planned = Some(crate::model::money::Cents(1_846_415));
    let bytes = write::csv(&export(&plan, None, Lang::En), Lang::En);
    let text = std::str::from_utf8(&bytes).unwrap();
    assert!(text.starts_with("\u{feff}Id,Code,"), "{}", &text[..60]);
    assert!(text.contains("Budget granted ($)"));
    assert!(text.contains(",18464.15,"), "{text}");
    let fr = String::from_utf8(write::csv(&export(&plan, None, Lang::Fr), Lang::Fr)).unwrap();
    assert!(fr.contains(";18464,15;"));
}

#[test]
fn an_unchanged_export_imported_again_changes_nothing_in_either_language() {
    for plan in plans() {
        for lang in [Lang::Fr, Lang::En] {
            let options = options_at(&plan);
            let bytes = write::csv(&export(&plan, options.checkpoint.as_ref(), lang), lang);
            let preview = import(&plan, &bytes, &options);
            changes_nothing(&plan, &preview, &format!("{} ({lang:?})", plan.title));
            assert!(preview.rows.iter().all(|(_, o)| matches!(o, Outcome::Unchanged(_))));
        }
    }
}

/// Issue 26: Excel's « Texte Unicode » (UTF-16, tab-separated) was read as Windows-1252
/// and refused for want of a « Moyen » column.
#[test]
fn an_export_saved_again_as_utf16_by_excel_changes_nothing() {
    for plan in plans() {
        let options = options_at(&plan);
        let pasted = write::copied(&export(&plan, options.checkpoint.as_ref(), Lang::Fr), Lang::Fr);
        for little in [true, false] {
            let units = std::iter::once(0xFEFF).chain(pasted.encode_utf16());
            let bytes: Vec<u8> = units.flat_map(|u| if little { u.to_le_bytes() } else { u.to_be_bytes() }).collect();
            changes_nothing(
                &plan,
                &import(&plan, &bytes, &options),
                &format!("{} (little-endian {little})", plan.title),
            );
        }
    }
}

#[test]
fn exported_actions_imported_into_the_plan_without_them_are_the_same_actions() {
    for plan in plans() {
        let options = options_at(&plan);
        let bytes = write::csv(&export(&plan, options.checkpoint.as_ref(), Lang::Fr), Lang::Fr);
        let mut emptied = plan.clone();
        emptied.actions.clear();
        let preview = import(&emptied, &bytes, &options);
        assert!(preview.is_clean(), "{}: {:?}", plan.title, preview.rows);
        preview.change().apply(&mut emptied).expect("the import applies");
        assert_eq!(emptied.actions.len(), plan.actions.len());
        for (got, want) in emptied.actions.iter().zip(&plan.actions) {
            assert_eq!(ActionFields::of(got), ActionFields::of(want), "{}", want.title);
            assert_eq!(got.id, want.id);
            let at = |a: &Action| {
                a.progress
                    .iter()
                    .find(|r| Some(&r.checkpoint) == options.checkpoint.as_ref())
                    .map(|r| (r.status, r.percent, r.narrative.clone()))
            };
            assert_eq!(at(got), at(want), "{}", want.title);
        }
    }
}

#[test]
fn a_changed_cell_updates_its_action_and_names_the_column() {
    let plan = fixtures::plan("plan-000-pevr");
    let (options, mut sheet) = exported(&plan, Lang::Fr);
    let responsible = sheet.header.iter().position(|h| h == "Responsable").unwrap();
    sheet.rows[1][responsible] = "Direction générale".into();
    let preview = import(&plan, &write::csv(&sheet, Lang::Fr), &options);
    assert_eq!(
        preview.rows[1],
        (
            3,
            Outcome::Updated {
                name: plan.actions[1].title.clone(),
                fields: vec![Changed {
                    column: "Responsable".into(),
                    before: plan.actions[1].responsible.clone(),
                    after: "Direction générale".into()
                }]
            }
        )
    );
    assert_eq!(preview.changes.len(), 1);
    let mut changed = plan.clone();
    preview.change().apply(&mut changed).unwrap();
    assert_eq!(changed.actions[1].responsible, "Direction générale");
    assert_eq!(changed.actions[0], plan.actions[0]);
}

/// Issue 27: a changed percentage showed as « Modifié : État », a changed comment not
/// at all, under a column « État d'avancement » that held the comment.
#[test]
fn each_changed_cell_is_listed_with_its_old_and_new_value_under_a_column_that_says_what_it_holds() {
    let plan = fixtures::plan("plan-000-pevr");
    let options = options_at(&plan);
    let label = &plan.current_checkpoint().unwrap().label;
    let mut sheet = export(&plan, options.checkpoint.as_ref(), Lang::Fr);
    let column = |name: &str| sheet.header.iter().position(|h| h == name).unwrap_or_else(|| panic!("{name}"));
    let (status, percent, comment) = (
        column(&format!("État — {label}")),
        column(&format!("% réalisé — {label}")),
        column(&format!("Commentaire — {label}")),
    );
    let budget = column("Budget accordé ($)");
    let record = plan.actions[0].progress.iter().find(|r| Some(&r.checkpoint) == options.checkpoint.as_ref()).unwrap();
    sheet.rows[0][percent] = "75".into();
    sheet.rows[0][comment] = "Six rencontres tenues.".into();
    let changed = |column: &str, before: &str, after: &str| Changed {
        column: format!("{column} — {label}"),
        before: before.into(),
        after: after.into(),
    };
    let expected = vec![
        changed("% réalisé", &record.percent.unwrap().to_string(), "75"),
        changed("Commentaire", &record.narrative, "Six rencontres tenues."),
    ];
    let first = import(&plan, &write::csv(&sheet, Lang::Fr), &options);
    assert_eq!(first.rows[0], (2, Outcome::Updated { name: plan.actions[0].title.clone(), fields: expected.clone() }));

    // The same file with the headers the previous version wrote reads the same.
    assert_ne!(status, comment);
    sheet.header[comment] = format!("État d'avancement — {label}");
    sheet.header[budget] = "Budget prévu ($)".into();
    let (read, mapping) = reread(&plan, &write::csv(&sheet, Lang::Fr), Lang::Fr);
    assert_eq!(
        (mapping[status], mapping[comment], mapping[budget]),
        (Some(F::Status), Some(F::Narrative), Some(F::BudgetPlanned))
    );
    let again = preview(&plan, &read, &mapping, &options, &mut counter());
    let Outcome::Updated { fields, .. } = &again.rows[0].1 else { panic!("{:?}", again.rows[0]) };
    assert_eq!(
        fields.iter().map(|c| (&c.before, &c.after)).collect::<Vec<_>>(),
        expected.iter().map(|c| (&c.before, &c.after)).collect::<Vec<_>>()
    );
    // And in English: « Progress report » was the comment, « Planned budget ($) » the budget.
    let english = ["Status — X", "% done — X", "Progress report — X", "Planned budget ($)"].map(String::from);
    let mapping = crate::sheet::fields::guess::<ActionField>(&english, &plan);
    assert_eq!(mapping, vec![Some(F::Status), Some(F::Percent), Some(F::Narrative), Some(F::BudgetPlanned)]);
}

#[test]
fn a_new_row_lands_under_the_objective_its_code_names_or_under_the_one_chosen() {
    let plan = fixtures::plan("plan-000-pevr");
    let codes = plan.codes();
    let objective = plan.objectives().nth(1).unwrap().id.clone();
    let code = codes[&objective].clone();
    let pasted = format!("Moyen\tObjectifs\tResponsable\r\nTutorat par les pairs\t{code}\tÉcole des Trois-Rivières\r\nClub de lecture\t\t\r\n");
    let read = read::read(&pasted, Lang::Fr).unwrap();
    let mapping = crate::sheet::fields::guess(&read.sheet.header, &plan);
    assert_eq!(mapping, vec![Some(F::Title), Some(F::Objectives), Some(F::Responsible)]);
    let first = plan.objectives().next().unwrap().id.clone();
    let options = Options { under: Some(first.clone()), checkpoint: None };
    let preview = preview(&plan, &read, &mapping, &options, &mut counter());
    assert_eq!(
        preview.rows,
        vec![(2, Outcome::New("Tutorat par les pairs".into())), (3, Outcome::New("Club de lecture".into()))]
    );
    let mut changed = plan.clone();
    preview.change().apply(&mut changed).unwrap();
    let added = &changed.actions[plan.actions.len()..];
    assert_eq!(added[0].objectives, vec![objective]);
    assert_eq!(added[0].responsible, "École des Trois-Rivières");
    assert_eq!(added[1].objectives, vec![first]);
    assert_eq!(added[1].id, Id::new("importee-2"));
}

#[test]
fn bad_cells_are_named_by_row_and_column_in_french_and_nothing_changes() {
    let plan = fixtures::plan("plan-000-pevr");
    let (options, mut sheet) = exported(&plan, Lang::Fr);
    let budget = sheet.header.iter().position(|h| h == "Budget accordé ($)").unwrap();
    let objectives = sheet.header.iter().position(|h| h == "Objectifs").unwrap();
    let status = sheet.header.iter().position(|h| h.starts_with("État — ")).unwrap();
    sheet.rows[0][budget] = "douze".into();
    sheet.rows[2][objectives] = "9.9.9".into();
    sheet.rows[3][status] = "Presque".into();
    let preview = import(&plan, &write::csv(&sheet, Lang::Fr), &options);
    assert!(!preview.is_clean());
    let messages: Vec<String> = preview
        .rows
        .iter()
        .filter_map(|(_, o)| match o {
            Outcome::Refused(problems) => {
                Some(problems.iter().map(|(at, p)| crate::sheet::words::problem(&plan, at, p, Lang::Fr)))
            }
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(
        messages[0]
            .starts_with("Ligne 2, colonne «\u{a0}Budget accordé ($)\u{a0}»\u{a0}: «\u{a0}douze\u{a0}» ne se lit pas"),
        "{}",
        messages[0]
    );
    assert_eq!(
        messages[1],
        "Ligne 4, colonne «\u{a0}Objectifs\u{a0}»\u{a0}: aucun élément du plan n'a le code «\u{a0}9.9.9\u{a0}»."
    );
    assert!(messages[2].starts_with("Ligne 5, colonne «\u{a0}État — "), "{}", messages[2]);
    assert!(
        messages[2].ends_with("«\u{a0}Presque\u{a0}» n'est pas l'un des choix de cette colonne."),
        "{}",
        messages[2]
    );
}

#[test]
fn a_file_with_another_separator_is_missing_its_columns() {
    let plan = fixtures::plan("plan-000-pevr");
    let bytes = "Moyen|Responsable\r\nTutorat|SRÉ\r\n".as_bytes();
    let preview = import(&plan, bytes, &Options::default());
    assert!(!preview.is_clean());
    let (row, Outcome::Refused(problems)) = &preview.rows[0] else { panic!("{:?}", preview.rows) };
    assert_eq!(*row, 1);
    let message = crate::sheet::words::problem(&plan, &problems[0].0, &problems[0].1, Lang::Fr);
    assert!(message.starts_with("Ligne 1\u{a0}: le tableau n'a pas de colonne «\u{a0}Moyen\u{a0}»"), "{message}");
    assert!(preview.changes.is_empty());
}

#[test]
fn a_formula_is_exported_inert_and_imported_as_it_was_written() {
    let mut plan = fixtures::plan("plan-001-regional");
    plan.actions[0].title = "=HYPERLINK(\"http://exemple.test\";\"clic\")".into();
    plan.actions[0].responsible = "+33 1 23".into();
    let bytes = write::csv(&export(&plan, None, Lang::Fr), Lang::Fr);
    let text = std::str::from_utf8(&bytes).unwrap();
    assert!(text.contains(";\"'=HYPERLINK(\"\"http://exemple.test\"\";\"\"clic\"\")\";"), "{text}");
    assert!(text.contains(";'+33 1 23;"));
    assert!(!text.contains(";=") && !text.contains(";+"));
    let preview = import(&plan, &bytes, &Options::default());
    assert_eq!(preview.changes, Vec::new());
}

#[test]
fn windows_1252_and_commas_are_read_like_utf8_and_semicolons() {
    let plan = fixtures::plan("plan-000-pevr");
    let (options, mut sheet) = exported(&plan, Lang::En);
    sheet.rows.truncate(2);
    let utf8 = write::csv(&sheet, Lang::En);
    let text = std::str::from_utf8(&utf8[3..]).unwrap();
    if text.chars().all(|c| (c as u32) < 0x100 || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c))
    {
        let latin: Vec<u8> = text.chars().map(|c| if (c as u32) < 0x100 { c as u8 } else { b'?' }).collect();
        let preview = import(&plan, &latin, &options);
        assert!(preview.is_clean(), "{:?}", preview.rows);
    }
    let preview = import(&plan, &utf8, &options);
    assert_eq!(preview.changes, Vec::new());
}

#[test]
fn a_status_at_a_closed_checkpoint_is_refused() {
    let mut plan = fixtures::plan("plan-000-pevr");
    let (options, mut sheet) = exported(&plan, Lang::Fr);
    let status = sheet.header.iter().position(|h| h.starts_with("État — ")).unwrap();
    sheet.rows[0][status] = "Abandonné".into();
    for c in &mut plan.checkpoints {
        c.closed = true;
    }
    let preview = import(&plan, &write::csv(&sheet, Lang::Fr), &options);
    assert!(matches!(&preview.rows[0].1, Outcome::Refused(p) if matches!(p[0].1, Problem::ClosedCheckpoint(_))));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn any_plan_s_unchanged_export_imports_as_no_change(plan in crate::format::tests::arbitrary::plan(), fr in any::<bool>()) {
        let lang = if fr { Lang::Fr } else { Lang::En };
        let options = options_at(&plan);
        let bytes = write::csv(&export(&plan, options.checkpoint.as_ref(), lang), lang);
        let preview = import(&plan, &bytes, &options);
        prop_assert!(preview.is_clean(), "{:?}", preview.rows);
        prop_assert_eq!(preview.changes, Vec::new());
    }
}

/// The messages of the refused rows of a preview, in French.
fn refusals(plan: &Plan, preview: &Preview) -> Vec<String> {
    let refused = preview.rows.iter().filter_map(|(_, o)| match o {
        Outcome::Refused(problems) => {
            Some(problems.iter().map(|(at, p)| crate::sheet::words::problem(plan, at, p, Lang::Fr)))
        }
        _ => None,
    });
    refused.flatten().collect()
}

#[test]
fn a_new_row_whose_id_another_entity_holds_is_refused_and_names_it() {
    // Issue 26.1: such a row was accepted, and the plan saved then no longer loaded.
    let plan = fixtures::plan("plan-000-pevr");
    let objective = plan.objectives().next().unwrap().clone();
    let code = plan.code_of(&objective.id);
    let segment = plan.indicators[0].segments[0].id.clone();
    let pasted = format!(
        "Identifiant\tMoyen\tObjectifs\r\n{}\tTutorat\t{code}\r\nneuf-1\tClub\t{code}\r\nneuf-1\tAtelier\t{code}\r\n{segment}\tSortie\t{code}\r\n",
        objective.id
    );
    let read = read::read(&pasted, Lang::Fr).unwrap();
    let mapping = crate::sheet::fields::guess(&read.sheet.header, &plan);
    let preview = preview(&plan, &read, &mapping, &Options { under: None, checkpoint: None }, &mut counter());
    assert!(!preview.is_clean());
    assert_eq!(preview.rows[1], (3, Outcome::New("Club".into())));
    let messages = refusals(&plan, &preview);
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(
        messages[0].starts_with(&format!(
            "Ligne 2, colonne «\u{a0}Identifiant\u{a0}»\u{a0}: l'identifiant «\u{a0}{}\u{a0}» est déjà pris (par ",
            objective.id
        )),
        "{}",
        messages[0]
    );
    assert!(messages[0].contains(&objective.title) || messages[0].contains(&code), "{}", messages[0]);
    assert_eq!(
        messages[1],
        "Ligne 4, colonne «\u{a0}Identifiant\u{a0}»\u{a0}: l'identifiant «\u{a0}neuf-1\u{a0}» est déjà donné à la ligne 3\u{a0}: deux lignes nouvelles ne peuvent pas porter le même."
    );
    assert!(messages[2].contains("› segment «"), "{}", messages[2]);
    // The rows that remain, imported, leave a plan that reads back.
    let mut changed = plan.clone();
    preview.change().apply(&mut changed).unwrap();
    assert_eq!(crate::format::load(&crate::format::save(&changed)).unwrap(), changed);
}

#[test]
fn an_action_added_under_a_taken_id_is_refused_whatever_sends_it() {
    let plan = fixtures::plan("plan-000-pevr");
    let objective = plan.objectives().next().unwrap().id.clone();
    let fields = crate::edit::actions::ActionFields {
        title: "Tutorat".into(),
        objectives: vec![objective.clone()],
        ..Default::default()
    };
    for taken in [objective.clone(), plan.indicators[0].segments[0].id.clone(), plan.checkpoints[0].id.clone()] {
        let mut changed = plan.clone();
        let change = Change::AddAction { id: taken.clone(), fields: fields.clone() };
        assert_eq!(change.clone().apply(&mut changed), Err(crate::edit::Refused::IdTaken(taken.clone())));
        let import = Change::Import { changes: vec![change] };
        let mut changed = plan.clone();
        assert_eq!(import.apply(&mut changed), Err(crate::edit::Refused::IdTaken(taken.clone())));
        let said = text::refused(&plan, &crate::edit::Refused::IdTaken(taken.clone()), Lang::Fr);
        assert!(said.starts_with(&format!("L'identifiant « {taken} » est déjà pris (par ")), "{said}");
    }
}
