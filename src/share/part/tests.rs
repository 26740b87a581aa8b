use super::*;
use crate::edit::actions::ActionFields;
use crate::edit::permits::{may, permits, Asked};
use crate::edit::{Change, Refused};
use crate::format;
use crate::model::action::ActionStatus;
use crate::start::sample::sample_plan;
use chrono::TimeZone;

fn fixture(name: &str) -> Plan {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    format::load(&std::fs::read_to_string(path).expect("fixture")).expect("reads")
}

fn noon() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, 12, 0, 0).unwrap()
}

fn choice(plan: &Plan, to: &str, indicators: bool) -> Choice {
    Choice { to: to.into(), checkpoint: plan.checkpoints[0].id.clone(), actions: actions_for(plan, to), indicators }
}

#[test]
fn recipients_are_the_organisations_then_each_name_of_the_actions_once() {
    let plan = fixture("plan-001-regional.json");
    let names = recipients(&plan);
    assert_eq!(
        names[..plan.organisations.len()],
        plan.organisations.iter().map(|o| o.name.clone()).collect::<Vec<_>>()[..]
    );
    assert!(names.contains(&"Coordination régionale".to_string()));
    let folded: HashSet<String> = names.iter().map(|n| fold(n)).collect();
    assert_eq!(folded.len(), names.len(), "each name once: {names:?}");
}

#[test]
fn a_recipients_actions_are_found_by_responsible_carrier_or_partner_ignoring_case_and_accents() {
    let plan = fixture("plan-001-regional.json");
    let by_responsible = plan.actions.iter().filter(|a| a.responsible == "Coordination régionale").count();
    let found = actions_for(&plan, "  COORDINATION regionale ");
    assert!(found.len() >= by_responsible && by_responsible > 0);
    let cscro = actions_for(&plan, "cscro");
    let expected: Vec<Id> = plan
        .actions
        .iter()
        .filter(|a| a.carrier == "CSCRO" || a.responsible == "CSCRO" || a.partners.iter().any(|p| p == "CSCRO"))
        .map(|a| a.id.clone())
        .collect();
    assert_eq!(cscro, expected);
    assert!(cscro.len() > 3, "carried and partnered actions both count");
}

#[test]
fn an_organisation_of_the_plan_finds_the_actions_that_name_it_by_its_code() {
    let mut plan = sample_plan();
    plan.actions[0].carrier = "CSQV".into();
    let by_name = actions_for(&plan, "Centre de services scolaire des Quatre-Vents");
    assert!(by_name.contains(&plan.actions[0].id));
}

#[test]
fn a_part_holds_the_chosen_actions_the_elements_above_them_and_the_context_only() {
    let plan = sample_plan();
    let to = plan.actions[0].responsible.clone();
    let mut chosen = choice(&plan, &to, true);
    chosen.actions.truncate(1);
    let record = sending(&plan, &chosen, Id::new("envoi-1"), noon());
    let part = part(&plan, &record);
    assert_eq!(part.id, Id::new("envoi-1"));
    assert_eq!(*part.actions, vec![plan.actions[0].clone()]);
    let objectives = &plan.actions[0].objectives;
    assert!(part.indicators.iter().all(|i| objectives.contains(&i.objective)));
    assert_eq!(part.indicators.len(), plan.indicators.iter().filter(|i| objectives.contains(&i.objective)).count());
    // Every element is an objective of the action or above one, and the tree is whole.
    for element in &part.elements {
        if let Some(parent) = &element.parent {
            assert!(part.elements.iter().any(|e| &e.id == parent), "the parent of {} is sent", element.id);
        }
    }
    assert!(objectives.iter().all(|o| part.elements.iter().any(|e| &e.id == o)));
    assert!(part.elements.len() < plan.elements.len());
    assert!(part.budget.is_empty() && part.sendings.is_empty());
    assert_eq!(
        (&part.title, &part.period, &part.levels, &part.checkpoints),
        (&plan.title, &plan.period, &plan.levels, &plan.checkpoints)
    );
    let of = part.part.as_ref().expect("marked as a part");
    assert_eq!((&of.plan, &of.sending, &of.to, of.at), (&plan.id, &record.id, &to, noon()));
    assert!(crate::calc::check::check(&part)
        .iter()
        .all(|f| !matches!(f, crate::calc::check::Finding::MissingReference { .. })));
}

#[test]
fn without_indicators_a_part_holds_none() {
    let plan = sample_plan();
    let to = plan.actions[0].responsible.clone();
    let record = sending(&plan, &choice(&plan, &to, false), Id::new("envoi-1"), noon());
    assert!(record.indicators.is_empty());
    assert!(part(&plan, &record).indicators.is_empty());
}

#[test]
fn a_part_and_a_plan_with_sendings_are_written_in_version_3_and_read_back_the_same() {
    let mut plan = sample_plan();
    assert!(format::save(&plan).contains("\"version\": 2,"), "a plan without sendings keeps version 2");
    let to = plan.actions[0].responsible.clone();
    let record = sending(&plan, &choice(&plan, &to, true), Id::new("envoi-1"), noon());
    let part = part(&plan, &record);
    plan.sendings.push(record);
    for shown in [&plan, &part] {
        let text = format::save(shown);
        assert!(text.contains("\"version\": 3,"));
        assert_eq!(&format::load(&text).expect("reads"), shown);
        let mut slices = format::Slices::new();
        while !slices.step(shown, 100) {}
        assert_eq!(slices.into_text(), text);
    }
}

#[test]
fn a_version_2_file_naming_sendings_or_a_part_is_refused_there() {
    let plan = sample_plan();
    let to = plan.actions[0].responsible.clone();
    let record = sending(&plan, &choice(&plan, &to, false), Id::new("envoi-1"), noon());
    let text = format::save(&part(&plan, &record)).replace("\"version\": 3,", "\"version\": 2,");
    let error = format::load(&text).expect_err("refused");
    assert!(format!("{error:?}").contains("plan.part"), "{error:?}");
}

#[test]
fn a_part_permits_progress_measurements_its_actions_and_proposals_but_not_the_context() {
    let plan = sample_plan();
    let to = plan.actions[0].responsible.clone();
    let record = sending(&plan, &choice(&plan, &to, true), Id::new("envoi-1"), noon());
    let part = part(&plan, &record);
    let action = &part.actions[0];
    let checkpoint = part.checkpoints[0].id.clone();
    let mut fields = ActionFields::of(action);
    fields.title.push_str(" (révisé)");
    fields.partners.push("Bibliothèque".into());
    let allowed = [
        Change::SetActionStatus {
            action: action.id.clone(),
            checkpoint: checkpoint.clone(),
            status: ActionStatus::Done,
        },
        Change::SetResponsible { action: action.id.clone(), responsible: "Autre service".into() },
        Change::UpdateAction { action: action.id.clone(), fields: fields.clone() },
        Change::AddAction {
            id: Id::new("proposee"),
            fields: ActionFields {
                title: "Nouvelle".into(),
                objectives: action.objectives.clone(),
                ..Default::default()
            },
        },
    ];
    for change in allowed {
        assert_eq!(permits(&part, &change), Ok(()), "{change:?}");
    }
    let mut moved = fields.clone();
    moved.objectives = vec![];
    let elsewhere =
        plan.elements.iter().find(|e| !part.elements.iter().any(|p| p.id == e.id)).expect("an element not sent");
    let refused = [
        Change::SetTitle { title: "Autre".into() },
        Change::UpdateAction { action: action.id.clone(), fields: moved },
        Change::DeleteAction { action: action.id.clone() },
        Change::DeleteCheckpoint { checkpoint },
        Change::AddAction {
            id: Id::new("ailleurs"),
            fields: ActionFields {
                title: "Ailleurs".into(),
                objectives: vec![elsewhere.id.clone()],
                ..Default::default()
            },
        },
    ];
    for change in refused {
        assert_eq!(permits(&part, &change), Err(Refused::OutsidePart), "{change:?}");
    }
    assert_eq!(permits(&plan, &Change::SetTitle { title: "Autre".into() }), Ok(()), "a whole plan permits all");
}

#[test]
fn a_screen_offers_exactly_what_the_change_would_be_let_through() {
    let plan = sample_plan();
    let to = plan.actions[0].responsible.clone();
    let record = sending(&plan, &choice(&plan, &to, true), Id::new("envoi-1"), noon());
    let mut part = part(&plan, &record);
    let sent = part.actions[0].id.clone();
    let fields =
        ActionFields {
            title: "Proposée".into(), objectives: part.actions[0].objectives.clone(), ..Default::default()
        };
    Change::AddAction { id: Id::new("proposee"), fields }.apply(&mut part).expect("a proposal is let through");
    let proposed = Id::new("proposee");
    let checkpoint = part.checkpoints[0].id.clone();
    let indicator = part.indicators[0].id.clone();
    let elsewhere = plan.indicators.iter().find(|i| !part.indicators.iter().any(|p| p.id == i.id)).expect("not sent");
    let asked = [
        (Asked::Context, Change::DeleteCheckpoint { checkpoint: checkpoint.clone() }),
        (
            Asked::Context,
            Change::RenameCheckpoint { checkpoint, label: "Autre".into(), date: plan.checkpoints[0].date },
        ),
        (Asked::Context, Change::SetTitle { title: "Autre".into() }),
        (Asked::Place(&sent), Change::DeleteAction { action: sent.clone() }),
        (Asked::Place(&proposed), Change::DeleteAction { action: proposed.clone() }),
        (
            Asked::Measure(&indicator),
            Change::RemoveMeasurement { indicator: indicator.clone(), segment: Id::new("s"), index: 0 },
        ),
        (
            Asked::Measure(&elsewhere.id),
            Change::RemoveMeasurement { indicator: elsewhere.id.clone(), segment: Id::new("s"), index: 0 },
        ),
    ];
    let offered: Vec<bool> = asked.iter().map(|(asked, _)| may(&part, *asked)).collect();
    assert_eq!(offered, [false, false, false, false, true, true, false]);
    for (asked, change) in &asked {
        assert_eq!(permits(&part, change).is_ok(), may(&part, *asked), "{change:?}");
        assert!(may(&plan, *asked), "a whole plan offers everything: {asked:?}");
    }
}
