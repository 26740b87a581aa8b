use super::*;
use crate::model::action::ActionStatus;
use crate::model::measurement::Value;
use crate::model::plan::TargetGroup;
use crate::start::sample::sample_plan;

use crate::start::sample::CHECKPOINT;

fn id(text: &str) -> Id {
    Id::new(text)
}

fn narrative(action: &str) -> Field {
    Field::Narrative { action: id(action), checkpoint: id(CHECKPOINT) }
}

fn percent(action: &str) -> Field {
    Field::Percent { action: id(action), checkpoint: id(CHECKPOINT) }
}

/// The change `field` makes of `text` typed in French on the sample plan.
fn edit(field: Field, text: &str) -> Result<Option<Change>, Unready> {
    field.edit(text, Lang::Fr, &sample_plan()).map(|edit| edit.map(|(_, change)| change))
}

fn every_key() -> Vec<Key> {
    let fields = [
        Field::Title,
        percent("moyen-cap"),
        narrative("moyen-cap"),
        Field::Measurement {
            indicator: id("ind-lecture-4e"),
            segment: id("seg-lecture-4e"),
            checkpoint: id(CHECKPOINT),
        },
        Field::Responsible(id("moyen-cap")),
        Field::OrganisationName(id("org-csqv")),
        Field::OrganisationCode(id("org-csqv")),
        Field::GroupCode("1".into()),
        Field::GroupLabel("1\t2".into()),
    ];
    let forms = [
        Form::Action(Some(id("moyen-cap"))),
        Form::Action(None),
        Form::Element(id("objectif-1")),
        Form::NewElement(Some(id("enjeu-1"))),
        Form::NewElement(None),
        Form::Checkpoint(Some(id(CHECKPOINT))),
        Form::Checkpoint(None),
        Form::Indicator { indicator: id("ind-neuf"), objective: id("objectif-1") },
        Form::Segment { indicator: id("ind-lecture-4e"), segment: id("seg-lecture-4e"), part: "target".into() },
        Form::NewSegment(id("ind-lecture-4e")),
        Form::Budget("dep-new-cat\\1".into()),
        Form::LevelNames,
        Form::Period,
        Form::Thresholds,
        Form::NewOrganisation,
        Form::NewGroup,
    ];
    fields.into_iter().map(Key::Field).chain(forms.into_iter().map(Key::Form)).collect()
}

#[test]
fn every_key_and_any_text_read_back_as_written() {
    let texts = ["", "Deux rencontres\ttenues\nen décembre", "C:\\dossier\\n", "fin\r\n", "\\"];
    let mut drafts = Drafts::default();
    for (i, key) in every_key().into_iter().enumerate() {
        let lang = if i % 2 == 0 { Lang::Fr } else { Lang::En };
        let texts = texts.iter().take(1 + i % texts.len()).map(|t| t.to_string()).collect();
        drafts.put(Draft { key, lang, texts });
    }
    let text = drafts.text();
    assert_eq!(text.lines().count(), every_key().len(), "one line each:\n{text}");
    assert_eq!(Drafts::read(&text), drafts);
    assert_eq!(Drafts::read(&text).text(), text);
}

#[test]
fn a_key_is_one_line_that_reads_back() {
    for key in every_key() {
        let text = key.text();
        assert!(!text.contains('\n'), "{text:?}");
        assert_eq!(Key::read(&text), Some(key));
    }
    assert_eq!(Key::read("comment-form\tmoyen-cap"), None, "a key of a later page");
    assert_eq!(Key::read("narrative\tmoyen-cap"), None, "an id short");
}

#[test]
fn a_form_keeps_each_field_by_its_id_in_the_order_first_typed() {
    let mut draft = Draft { key: Key::Form(Form::Action(None)), lang: Lang::Fr, texts: Vec::new() };
    draft.set("action-title", "Ateliers".into());
    draft.set("action-planned", "12 500 $".into());
    draft.set("action-title", "Ateliers de lecture".into());
    let fields: Vec<(&str, &str)> = draft.fields().collect();
    assert_eq!(fields, [("action-title", "Ateliers de lecture"), ("action-planned", "12 500 $")]);
}

#[test]
fn a_line_this_page_cannot_read_is_kept_as_it_came() {
    let later = "comment-form\tmoyen-cap\tfr\tun texte";
    let text = format!("{later}\ntitle\tfr\tNouveau titre\npercent\tmoyen-cap\tfr\t80\n");
    let mut drafts = Drafts::read(&text);
    assert_eq!(drafts.iter().count(), 1, "the title reads; a percent without its checkpoint does not");
    assert_eq!(drafts.get(&Key::Field(Field::Title)).map(Draft::text), Some("Nouveau titre"));
    assert!(drafts.remove(&Key::Field(Field::Title)));
    assert_eq!(drafts.text(), format!("{later}\npercent\tmoyen-cap\tfr\t80\n"));
    assert!(!drafts.is_empty());
}

#[test]
fn a_draft_replaces_the_draft_of_its_key() {
    let mut drafts = Drafts::default();
    drafts.put(Draft::field(Field::Title, Lang::Fr, "Premier".into()));
    drafts.put(Draft::field(narrative("moyen-cap"), Lang::Fr, "Commentaire".into()));
    drafts.put(Draft::field(Field::Title, Lang::Fr, "Second".into()));
    let texts: Vec<&str> = drafts.iter().map(Draft::text).collect();
    assert_eq!(texts, ["Second", "Commentaire"]);
    assert!(drafts.remove(&Key::Field(narrative("moyen-cap"))));
    assert!(!drafts.remove(&Key::Field(narrative("moyen-cap"))));
}

#[test]
fn a_comment_joins_the_status_and_percent_of_its_checkpoint() {
    let change = edit(narrative("moyen-cap"), "  Chaque école tient ses rencontres.  ");
    assert_eq!(
        change,
        Ok(Some(Change::SetProgress {
            action: id("moyen-cap"),
            checkpoint: id(CHECKPOINT),
            status: ActionStatus::InProgress,
            percent: Some(40),
            narrative: "Chaque école tient ses rencontres.".into(),
        }))
    );
    let held = sample_plan().actions[0].progress[0].narrative.clone();
    assert_eq!(edit(narrative("moyen-cap"), &format!("{held} ")), Ok(None), "the plan holds it");
}

#[test]
fn a_comment_or_percent_waits_for_a_status() {
    let mut plan = sample_plan();
    plan.actions[0].progress.clear();
    let field = narrative("moyen-cap");
    assert_eq!(field.edit("Commentaire", Lang::Fr, &plan).err(), Some(Unready::NoStatus));
    assert_eq!(percent("moyen-cap").edit("80", Lang::Fr, &plan).err(), Some(Unready::NoStatus));
    // What does not read is said first, as the field says it.
    assert!(matches!(percent("moyen-cap").edit("beaucoup", Lang::Fr, &plan), Err(Unready::Unread(_))));
}

#[test]
fn a_percent_is_read_by_the_core_reader_in_its_language() {
    assert!(matches!(edit(percent("moyen-cap"), "beaucoup"), Err(Unready::Unread(e)) if e.typed == "beaucoup"));
    let Ok(Some(Change::SetProgress { percent: read, narrative, .. })) = edit(percent("moyen-cap"), "80 %") else {
        panic!("80 % reads")
    };
    assert_eq!((read, narrative.as_str()), (Some(80), sample_plan().actions[0].progress[0].narrative.as_str()));
    assert_eq!(edit(percent("moyen-cap"), "40"), Ok(None));
    assert!(matches!(edit(percent("moyen-cap"), ""), Ok(Some(Change::SetProgress { percent: None, .. }))));
}

#[test]
fn a_measurement_at_a_checkpoint_is_read_by_its_indicator_kind() {
    let field = Field::Measurement {
        indicator: id("ind-lecture-4e"),
        segment: id("seg-lecture-4e"),
        checkpoint: id(CHECKPOINT),
    };
    assert!(matches!(edit(field.clone(), "beaucoup"), Err(Unready::Unread(_))));
    let Ok(Some(change)) = edit(field.clone(), "79,7") else { panic!("79,7 reads") };
    assert!(
        matches!(&change, Change::SetMeasurementAt { value: Some(Value::Number(n)), .. } if (*n - 79.7).abs() < 1e-9)
    );
    let mut plan = sample_plan();
    change.apply(&mut plan).expect("applies");
    assert_eq!(field.edit("79,7 %", Lang::Fr, &plan).map(|e| e.is_none()), Ok(true));
    assert_eq!(field.edit("79.7", Lang::En, &plan).map(|e| e.is_none()), Ok(true));
}

#[test]
fn the_title_responsible_organisations_and_groups_are_changed_as_the_page_changes_them() {
    let plan = sample_plan();
    assert_eq!(edit(Field::Title, &plan.title), Ok(None));
    assert_eq!(edit(Field::Title, "Notre plan"), Ok(Some(Change::SetTitle { title: "Notre plan".into() })));
    assert_eq!(
        edit(Field::Responsible(id("moyen-cap")), "Direction des services éducatifs "),
        Ok(Some(Change::SetResponsible {
            action: id("moyen-cap"),
            responsible: "Direction des services éducatifs ".into()
        }))
    );
    assert_eq!(
        edit(Field::OrganisationCode(id("org-csqv")), " CSQ4V "),
        Ok(Some(Change::UpdateOrganisation {
            organisation: id("org-csqv"),
            name: "Centre de services scolaire des Quatre-Vents".into(),
            code: "CSQ4V".into(),
        }))
    );
    assert_eq!(
        edit(Field::OrganisationName(id("org-csqv")), " Centre de services scolaire des Quatre-Vents"),
        Ok(None)
    );
    let mut plan = sample_plan();
    plan.target_groups = vec![TargetGroup { code: "1".into(), label: "Jeunes".into() }];
    let group = Field::GroupLabel("1".into());
    assert_eq!(
        group.edit("Jeunes de 0 à 20 ans", Lang::Fr, &plan).map(|e| e.map(|(_, c)| c)),
        Ok(Some(Change::UpdateTargetGroup {
            group: "1".into(),
            code: "1".into(),
            label: "Jeunes de 0 à 20 ans".into()
        }))
    );
    assert_eq!(Field::GroupCode("2".into()).edit("3", Lang::Fr, &plan).err(), Some(Unready::Gone));
}

#[test]
fn what_was_deleted_since_is_gone() {
    assert_eq!(edit(narrative("moyen-supprime"), "Texte"), Err(Unready::Gone));
    let other = Field::Narrative { action: id("moyen-cap"), checkpoint: id("bilan-supprime") };
    assert_eq!(edit(other, "Texte"), Err(Unready::Gone));
    assert_eq!(edit(Field::Responsible(id("moyen-supprime")), "Texte"), Err(Unready::Gone));
}

#[test]
fn a_plan_opened_again_takes_the_fields_that_read_and_keeps_the_rest() {
    let mut plan = sample_plan();
    plan.actions[1].progress.clear();
    let mut drafts = Drafts::default();
    let typed = |field: Field, text: &str| Draft::field(field, Lang::Fr, text.into());
    drafts.put(typed(narrative("moyen-cap"), "Tapé puis onglet fermé"));
    drafts.put(typed(percent("moyen-math"), "beaucoup"));
    drafts.put(typed(narrative("moyen-lecture"), "En attente d'un état"));
    drafts.put(typed(Field::Title, &plan.title.clone()));
    drafts.put(typed(Field::Responsible(id("moyen-supprime")), "Personne"));
    let form = Draft { key: Key::Form(Form::Action(None)), lang: Lang::Fr, texts: vec!["Nouveau moyen".into()] };
    drafts.put(form);

    let applied = drafts.apply(&mut plan);
    assert!(applied.changed);
    assert_eq!(plan.actions[0].progress[0].narrative, "Tapé puis onglet fermé");
    assert_eq!(plan.actions[0].progress[0].percent, Some(40), "the rest of the record as it was");
    assert_eq!(
        applied.settled,
        vec![
            Key::Field(narrative("moyen-cap")),
            Key::Field(Field::Title),
            Key::Field(Field::Responsible(id("moyen-supprime")))
        ],
        "applied, held already, or gone; the unread percent, the comment without a status and the form stay"
    );
    assert_eq!(crate::format::load(&crate::format::save(&plan)).as_ref(), Ok(&plan));
    let again = drafts.apply(&mut plan);
    assert!(!again.changed, "applied twice is applied once");
    assert_eq!(again.settled, applied.settled);
}
