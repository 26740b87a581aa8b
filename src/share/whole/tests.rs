use super::words::{place, value};
use super::*;
use crate::format::tests::arbitrary;
use crate::model::date::PlanDate;
use crate::model::measurement::{Measurement, Value as Measured};
use crate::words::lang::Lang;
use crate::words::text::SubjectNames;
use proptest::prelude::*;

fn fixture(text: &str) -> Plan {
    format::load(text).expect("a fixture loads")
}

fn pevr() -> Plan {
    fixture(include_str!("../../../tests/fixtures/plan-000-pevr.json"))
}

fn cooperative() -> Plan {
    fixture(include_str!("../../../tests/fixtures/plan-002-cooperative.json"))
}

fn action<'p>(plan: &'p mut Plan, id: &str) -> &'p mut Action {
    plan.actions.iter_mut().find(|a| a.id.as_str() == id).expect("the action")
}

/// The merged plan, every conflict decided for `side`.
fn settled(merge: &Merge, side: Side) -> Plan {
    merge.resolve(&vec![Some(side); merge.conflicts().len()]).expect("decided")
}

/// Where each conflict is and its three values, in French.
fn said(plan: &Plan, merge: &Merge) -> Vec<String> {
    let names = SubjectNames::new(plan);
    let shown = |c: &Conflict, v: Option<&Value>| value(plan, &names, c, v, Lang::Fr);
    merge
        .conflicts()
        .iter()
        .map(|c| {
            let (b, m, t) = (shown(c, c.base.as_ref()), shown(c, c.mine.as_ref()), shown(c, c.theirs.as_ref()));
            format!("{} : {b} | {m} | {t}", place(plan, &names, c, Lang::Fr))
        })
        .collect()
}

#[test]
fn what_only_one_side_changed_is_taken_or_kept_without_a_conflict() {
    let base = pevr();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    action(&mut mine, "moyen-relance").responsible = "Direction des services".into();
    action(&mut theirs, "moyen-pratiques").title = "Formation continue en lecture".into();
    theirs.indicators[0].label.push_str(" (révisé)");
    let merge = merge(Some(&base), &mine, &theirs);
    assert_eq!(merge.conflicts(), []);
    assert_eq!((merge.taken(), merge.kept()), (2, 1));
    let merged = merge.resolve(&[]).expect("nothing to decide");
    let mut expected = mine.clone();
    action(&mut expected, "moyen-pratiques").title = "Formation continue en lecture".into();
    expected.indicators[0].label.push_str(" (révisé)");
    assert_eq!(merged, expected);
}

#[test]
fn one_action_changed_on_both_sides_merges_field_by_field_and_conflicts_where_both_wrote() {
    let base = pevr();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&chrono::Utc);
    {
        let a = action(&mut mine, "moyen-relance");
        a.responsible = "Direction des services".into();
        a.evaluation = "Sondage".into();
        a.meta.modified = Some(at("2024-03-01T10:00:00Z"));
    }
    {
        let a = action(&mut theirs, "moyen-relance");
        a.responsible = "Conseillère en orientation".into();
        a.partners.push("Carrefour jeunesse fictif".into());
        a.meta.modified = Some(at("2024-03-02T09:00:00Z"));
    }
    let merge = merge(Some(&base), &mine, &theirs);
    let said = said(&mine, &merge);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("— Responsable : "), "{said:?}");
    assert!(said[0].ends_with("| Direction des services | Conseillère en orientation"), "{said:?}");
    assert!(said[0].starts_with("Objectif"), "the action under its objective: {said:?}");
    assert_eq!(merge.resolve(&[None]), Err(Unresolved::Undecided(1)));
    assert_eq!(merge.resolve(&[]), Err(Unresolved::Undecided(1)));
    let merged = merge.resolve(&[Some(Side::Theirs)]).expect("decided");
    let a = merged.actions.iter().find(|a| a.id.as_str() == "moyen-relance").unwrap();
    assert_eq!(a.responsible, "Conseillère en orientation");
    assert_eq!(a.evaluation, "Sondage");
    assert!(a.partners.contains(&"Carrefour jeunesse fictif".to_owned()));
    assert_eq!(a.meta.modified, Some(at("2024-03-02T09:00:00Z")), "the later of the two, no conflict");
    let kept = settled(&merge, Side::Mine);
    assert_eq!(
        kept.actions.iter().find(|a| a.id.as_str() == "moyen-relance").unwrap().responsible,
        "Direction des services"
    );
}

#[test]
fn progress_merges_by_checkpoint_and_measurements_by_date_in_date_order() {
    let base = pevr();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let record = |plan: &mut Plan, percent: u8, narrative: &str| {
        let a = action(plan, "moyen-collaboration");
        a.progress[0].percent = Some(percent);
        a.progress[1].narrative = narrative.into();
    };
    record(&mut mine, 45, "Rencontres tenues.");
    record(&mut theirs, 50, "Rencontres tenues.");
    let measure = |plan: &mut Plan, date: PlanDate, n: f64| {
        let year = plan.year_end();
        let m = Measurement { date, value: Measured::Number(n), assessment: None, note: String::new() };
        plan.indicators[0].segments[0].set_measurement(date, Some(m), year);
    };
    measure(&mut mine, PlanDate::Year(2025), 78.0);
    measure(&mut theirs, PlanDate::Month { year: 2024, month: 12 }, 77.5);
    let merge = merge(Some(&base), &mine, &theirs);
    let said = said(&mine, &merge);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("— État d'avancement (Bilan"), "{said:?}");
    assert!(said[0].contains("Pourcentage de réalisation : 35\u{a0}% | 45\u{a0}% | 50\u{a0}%"), "{said:?}");
    let merged = settled(&merge, Side::Mine);
    let dates: Vec<PlanDate> = merged.indicators[0].segments[0].measurements.iter().map(|m| m.date).collect();
    assert_eq!(dates.len(), 4);
    let year = merged.year_end();
    assert!(dates.windows(2).all(|w| w[0].order(year) <= w[1].order(year)), "{dates:?}");
    assert_eq!(
        merged.actions.iter().find(|a| a.id.as_str() == "moyen-collaboration").unwrap().progress[1].narrative,
        "Rencontres tenues."
    );
}

#[test]
fn removed_on_one_side_and_changed_on_the_other_is_a_conflict_kept_or_removed() {
    let base = pevr();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.actions.retain(|a| a.id.as_str() != "moyen-insertion");
    action(&mut theirs, "moyen-insertion").services = "Service fictif".into();
    theirs.actions.retain(|a| a.id.as_str() != "moyen-employeur");
    let merge = merge(Some(&base), &mine, &theirs);
    let said = said(&base, &merge);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("| (retiré) |"), "{said:?}");
    let removed = settled(&merge, Side::Mine);
    assert!(!removed.actions.iter().any(|a| a.id.as_str() == "moyen-insertion" || a.id.as_str() == "moyen-employeur"));
    let kept = settled(&merge, Side::Theirs);
    let ids: Vec<&str> = kept.actions.iter().map(|a| a.id.as_str()).collect();
    let expected: Vec<&str> =
        base.actions.iter().map(|a| a.id.as_str()).filter(|id| *id != "moyen-employeur").collect();
    assert_eq!(ids, expected, "back in its place");
}

#[test]
fn budget_lines_merge_on_ids_and_their_money_is_said_in_dollars() {
    let base = cooperative();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.budget.expenses[0].planned = crate::model::money::Cents(1_846_415);
    theirs.budget.expenses[0].planned = crate::model::money::Cents(2_000_000);
    theirs.budget.expenses[1].label.push_str(" (revu)");
    let mut added = base.budget.revenues[0].clone();
    added.id = Id::new("rev-ajout");
    mine.budget.revenues.push(added);
    let merge = merge(Some(&base), &mine, &theirs);
    let said = said(&mine, &merge);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with("Budget › ") && said[0].contains("18\u{a0}464,15\u{a0}$ | 20\u{a0}000,00\u{a0}$"),
        "{said:?}"
    );
    let merged = settled(&merge, Side::Theirs);
    assert!(merged.budget.expenses[1].label.ends_with(" (revu)"));
    assert_eq!(merged.budget.revenues.last().unwrap().id.as_str(), "rev-ajout");
}

#[test]
fn the_side_that_reordered_wins_and_additions_follow_their_predecessor() {
    let base = pevr();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    theirs.actions.reverse();
    let mut added = base.actions[0].clone();
    added.id = Id::new("moyen-ajout");
    mine.actions.insert(1, added);
    let merge = merge(Some(&base), &mine, &theirs);
    assert_eq!(merge.conflicts(), []);
    let ids: Vec<String> = settled(&merge, Side::Mine).actions.iter().map(|a| a.id.to_string()).collect();
    let mut expected: Vec<String> = theirs.actions.iter().map(|a| a.id.to_string()).collect();
    let after = expected.iter().position(|id| id == base.actions[0].id.as_str()).unwrap();
    expected.insert(after + 1, "moyen-ajout".into());
    assert_eq!(ids, expected);
    mine.actions.swap(2, 3);
    let both = super::merge(Some(&base), &mine, &theirs);
    assert_eq!(both.conflicts().len(), 1);
    assert_eq!(both.conflicts()[0].at, At::Order(List::Actions));
    assert!(said(&mine, &both)[0].starts_with("Moyens — ordre : "), "{:?}", said(&mine, &both));
}

#[test]
fn without_a_base_every_difference_is_a_conflict_and_one_sided_entities_are_kept() {
    let base = pevr();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.title = "Plan A".into();
    theirs.title = "Plan B".into();
    let mut added = base.actions[0].clone();
    added.id = Id::new("moyen-ajout");
    theirs.actions.push(added);
    let merge = merge(None, &mine, &theirs);
    let said = said(&mine, &merge);
    assert_eq!(said, ["Plan — Titre : (absent) | Plan A | Plan B"]);
    assert!(settled(&merge, Side::Mine).actions.iter().any(|a| a.id.as_str() == "moyen-ajout"));
}

#[test]
fn a_merged_plan_the_reader_would_refuse_is_never_returned() {
    let base = pevr();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let mut added = base.actions[0].clone();
    added.id = Id::new("pris");
    mine.actions.push(added);
    theirs
        .checkpoints
        .push(crate::model::checkpoint::Checkpoint { id: Id::new("pris"), ..base.checkpoints[0].clone() });
    let merge = merge(Some(&base), &mine, &theirs);
    assert!(matches!(merge.resolve(&[]), Err(Unresolved::WouldNotLoad(LoadError::DuplicateId { .. }))));
}

/// An edit a side makes to a generated plan.
#[derive(Debug, Clone)]
enum Edit {
    ElementTitle(usize, String),
    Responsible(usize, String),
    RemoveAction(usize),
    AddAction(usize),
    SwapElements(usize),
    Title(String),
    IndicatorLabel(usize, String),
    CheckpointLabel(usize, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    let text = "[a-zé ]{1,8}";
    prop_oneof![
        (any::<usize>(), text).prop_map(|(i, t)| Edit::ElementTitle(i, t)),
        (any::<usize>(), text).prop_map(|(i, t)| Edit::Responsible(i, t)),
        any::<usize>().prop_map(Edit::RemoveAction),
        any::<usize>().prop_map(Edit::AddAction),
        any::<usize>().prop_map(Edit::SwapElements),
        text.prop_map(Edit::Title),
        (any::<usize>(), text).prop_map(|(i, t)| Edit::IndicatorLabel(i, t)),
        (any::<usize>(), text).prop_map(|(i, t)| Edit::CheckpointLabel(i, t)),
    ]
}

/// The plan with a side's edits; `side` names its new ids apart.
fn edited(plan: &Plan, edits: &[Edit], side: &str) -> Plan {
    let mut plan = plan.clone();
    for (n, edit) in edits.iter().enumerate() {
        let pick = |i: usize, len: usize| (len > 0).then(|| i % len);
        match edit {
            Edit::ElementTitle(i, t) => {
                pick(*i, plan.elements.len()).into_iter().for_each(|i| plan.elements[i].title = t.clone())
            }
            Edit::Responsible(i, t) => {
                pick(*i, plan.actions.len()).into_iter().for_each(|i| plan.actions[i].responsible = t.clone())
            }
            Edit::RemoveAction(i) => {
                if let Some(i) = pick(*i, plan.actions.len()) {
                    plan.actions.remove(i);
                }
            }
            Edit::AddAction(i) => {
                let at = i % (plan.actions.len() + 1);
                let mut added = Action::new(&format!("ajout-{side}-{n}"), "Nouvelle action", &[]);
                added.responsible = side.into();
                plan.actions.insert(at, added);
            }
            Edit::SwapElements(i) => {
                if plan.elements.len() > 1 {
                    let i = i % (plan.elements.len() - 1);
                    plan.elements.swap(i, i + 1);
                }
            }
            Edit::Title(t) => plan.title = t.clone(),
            Edit::IndicatorLabel(i, t) => {
                pick(*i, plan.indicators.len()).into_iter().for_each(|i| plan.indicators[i].label = t.clone())
            }
            Edit::CheckpointLabel(i, t) => {
                pick(*i, plan.checkpoints.len()).into_iter().for_each(|i| plan.checkpoints[i].label = t.clone())
            }
        }
    }
    plan
}

fn versions() -> impl Strategy<Value = (Plan, Plan, Plan)> {
    (arbitrary::plan(), proptest::collection::vec(edit(), 0..6), proptest::collection::vec(edit(), 0..6)).prop_map(
        |(base, mine, theirs)| {
            let (m, t) = (edited(&base, &mine, "m"), edited(&base, &theirs, "t"));
            (base, m, t)
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn an_unchanged_version_changes_nothing((base, mine, theirs) in versions()) {
        let taken = merge(Some(&base), &base, &theirs);
        prop_assert_eq!(taken.conflicts(), &[]);
        prop_assert_eq!(taken.resolve(&[]).unwrap(), theirs);
        let kept = merge(Some(&base), &mine, &base);
        prop_assert_eq!(kept.conflicts(), &[]);
        prop_assert_eq!(kept.resolve(&[]).unwrap(), mine);
    }

    #[test]
    fn merging_twice_is_merging_once((base, mine, theirs) in versions(), side in prop_oneof![Just(Side::Mine), Just(Side::Theirs)]) {
        let once = settled(&merge(Some(&base), &mine, &theirs), side);
        let again = merge(Some(&base), &once, &theirs);
        prop_assert_eq!(settled(&again, Side::Mine), once.clone());
        let again = merge(Some(&base), &mine, &once);
        prop_assert_eq!(settled(&again, Side::Theirs), once);
    }

    #[test]
    fn changes_that_do_not_overlap_give_one_plan_in_either_order((base, mine, theirs) in versions()) {
        let one = merge(Some(&base), &mine, &theirs);
        let other = merge(Some(&base), &theirs, &mine);
        prop_assert_eq!(one.conflicts().len(), other.conflicts().len());
        if one.conflicts().is_empty() {
            prop_assert_eq!(one.resolve(&[]).unwrap(), other.resolve(&[]).unwrap());
        }
    }

    #[test]
    fn a_field_both_sides_changed_differently_waits_for_a_decision((base, mine, theirs) in versions(), title in "[a-z]{1,5}") {
        let (mut mine, mut theirs) = (mine, theirs);
        mine.title = format!("{} (m) {title}", base.title);
        theirs.title = format!("{} (t) {title}", base.title);
        let merge = merge(Some(&base), &mine, &theirs);
        let at = merge.conflicts().iter().position(|c| c.at == At::Subject(Subject::Plan) && c.path == [Step::Field("title".into())]);
        prop_assert!(at.is_some());
        let mut decisions = vec![Some(Side::Mine); merge.conflicts().len()];
        decisions[at.unwrap()] = None;
        prop_assert_eq!(merge.resolve(&decisions), Err(Unresolved::Undecided(1)));
        decisions[at.unwrap()] = Some(Side::Theirs);
        prop_assert_eq!(merge.resolve(&decisions).unwrap().title, theirs.title);
    }

    #[test]
    fn the_merged_plan_loads_and_saves_to_the_same_bytes((base, mine, theirs) in versions(), side in prop_oneof![Just(Side::Mine), Just(Side::Theirs)]) {
        let merged = settled(&merge(Some(&base), &mine, &theirs), side);
        let saved = format::save(&merged);
        let loaded = format::load(&saved).unwrap();
        prop_assert_eq!(format::save(&loaded), saved);
        let without_base = merge(None, &mine, &theirs);
        let merged = settled(&without_base, side);
        prop_assert!(format::load(&format::save(&merged)).is_ok());
    }
}

#[test]
fn a_conflict_is_said_in_english_too() {
    let base = pevr();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    action(&mut mine, "moyen-relance").budget_planned = Some(crate::model::money::Cents(150_000));
    action(&mut theirs, "moyen-relance").budget_planned = Some(crate::model::money::Cents(175_050));
    let merge = merge(Some(&base), &mine, &theirs);
    let names = SubjectNames::new(&mine);
    let conflict = &merge.conflicts()[0];
    let place = place(&mine, &names, conflict, Lang::En);
    assert!(place.ends_with("— Budget granted") && place.contains("moyen \""), "{place}");
    let shown = |v: Option<&Value>| value(&mine, &names, conflict, v, Lang::En);
    assert_eq!(
        (shown(conflict.mine.as_ref()), shown(conflict.theirs.as_ref())),
        ("$1,500.00".into(), "$1,750.50".into())
    );
    assert_eq!(shown(conflict.base.as_ref()), "(absent)");
}
