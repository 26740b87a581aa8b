//! Checks that stay quiet on shapes they never saw. One finding per fact; a
//! finding never names one element twice; a field a whole part of the plan never fills
//! is said once for that part; the reference plans' real problems all still raised.

use super::{five_levels, read, work_plan};
use crate::calc::check::{check, Finding, Kind, ScheduleField};
use crate::model::action::Action;
use crate::model::date::PlanDate;
use crate::model::element::Element;
use crate::model::id::Id;
use crate::model::level::{Level, Noun};
use crate::model::plan::Plan;
use crate::model::subject::Subject;
use crate::words::text::{self, Lang};
use proptest::prelude::*;

fn id(text: &str) -> Id {
    Id::new(text)
}

fn name(plan: &Plan, subject: &Subject) -> String {
    text::subject(plan, subject, Lang::Fr)
}

/// The element `id` of `plan`, to change.
fn element<'a>(plan: &'a mut Plan, id: &str) -> &'a mut Element {
    plan.elements.iter_mut().find(|e| e.id.as_str() == id).expect("the element is in the plan")
}

/// A copy of the plan's action `model`, under another id, serving `objective`, with
/// `groups` as its target groups.
fn copy(plan: &Plan, model: &str, new_id: &str, objective: &str, groups: &[&str]) -> Action {
    let mut action = plan.actions.iter().find(|a| a.id.as_str() == model).expect("the model is in the plan").clone();
    action.id = id(new_id);
    action.code = None;
    action.objectives = vec![id(objective)];
    action.groups = groups.iter().map(|g| (*g).to_owned()).collect();
    action
}

#[test]
fn a_step_in_year_4_of_a_three_year_plan_is_one_finding() {
    // The step, the year it adds to the schedule and the end it pushes to June 2028
    // say one thing: something is planned in a fourth year.
    let mut plan = work_plan();
    let stages = &mut plan.actions[0];
    stages.steps.push(crate::model::action::Step { year: "An 4".into(), text: "Évaluer les stages".into() });
    stages.schedule.years.push("An 4".into());
    stages.schedule.end = PlanDate::month(2028, 6);
    // Another action: its start a year before the period is another fact.
    plan.actions[3].schedule.years.push("2027-2028".into());
    plan.actions[3].schedule.start = PlanDate::month(2024, 3);
    let outside = |action: &str, field, written: &str| Finding::ScheduleOutsidePeriod {
        action: id(action),
        field,
        written: written.into(),
    };
    assert_eq!(
        check(&plan),
        vec![
            outside("moyen-stages", ScheduleField::Step, "An 4"),
            outside("moyen-capsules", ScheduleField::Year, "2027-2028"),
            outside("moyen-capsules", ScheduleField::Start, "2024-03"),
        ]
    );
}

/// The five-level plan as a paste gives it: its governance section came without a code
/// (numbered automatically, « 1 »), its own parts numbered again from 1 as each enjeu's.
fn pasted_five_levels() -> Plan {
    let mut plan = five_levels();
    element(&mut plan, "coordination").code = None;
    element(&mut plan, "axe-c").code = Some("1".into());
    element(&mut plan, "orientation-c").code = Some("1.1".into());
    element(&mut plan, "objectif-c").code = Some("1.1.1".into());
    plan
}

#[test]
fn a_section_numbered_automatically_is_never_said_to_clash_with_itself() {
    let plan = pasted_five_levels();
    let findings = check(&plan);
    // The section's automatic « 1 » is shown beside Enjeu 1's typed one: the one to
    // change is the automatic one, and each is named apart.
    assert_eq!(
        findings,
        vec![Finding::DuplicateCode {
            subject: Subject::Element(id("coordination")),
            code: "1".into(),
            other: Subject::Element(id("enjeu-1")),
        }]
    );
    assert_eq!(name(&plan, &findings[0].subject()), "Enjeu 1 « Coordination et vie de l'instance »");
    assert_eq!(
        read(&plan, &findings[0]),
        [
            "Le code « 1 », donné par la numérotation automatique, est aussi celui de Enjeu 1 « La persévérance des jeunes jusqu'au diplôme », tapé dans le plan\u{a0}: donnez-lui son propre code, ou aucun s'il s'agit d'une section.",
            "The code \"1\", given by the automatic numbering, is also that of Enjeu 1 \"La persévérance des jeunes jusqu'au diplôme\", typed in the plan: give it its own code, or none if it is a section.",
        ]
    );
    // Below them, codes that start again are told apart, never named alike.
    let axes = ["axe-c", "axe-1-1", "axe-2-1"].map(|a| name(&plan, &Subject::Element(id(a))));
    assert_ne!(axes[0], axes[1], "{axes:?}");
    assert_ne!(axes[1], axes[2], "{axes:?}");
}

#[test]
fn typed_siblings_that_share_a_code_are_each_named_by_their_title() {
    let mut plan = five_levels();
    element(&mut plan, "enjeu-2").code = Some("1".into());
    let findings = check(&plan);
    assert_eq!(
        findings,
        vec![Finding::DuplicateCode {
            subject: Subject::Element(id("enjeu-2")),
            code: "1".into(),
            other: Subject::Element(id("enjeu-1")),
        }]
    );
    assert_eq!(
        read(&plan, &findings[0])[0],
        "Le code « 1 » est aussi celui de Enjeu 1 « La persévérance des jeunes jusqu'au diplôme »."
    );
    assert_eq!(name(&plan, &findings[0].subject()), "Enjeu 1 « Le passage des études à l'emploi »");
}

/// The five-level plan with a governance section of thirteen actions whose table has no
/// target-group column, and three actions elsewhere that lack the group the others give.
fn governance_without_groups() -> Plan {
    let mut plan = five_levels();
    plan.actions[0].groups.clear(); // action-rencontres, under the section
    for n in 1..=12 {
        let action = copy(&plan, "action-rencontres", &format!("gouvernance-{n}"), "objectif-c", &[]);
        plan.actions.push(action);
    }
    for n in 1..=14 {
        let action = copy(&plan, "action-accueil", &format!("accueil-{n}"), "objectif-1-1-2", &["2"]);
        plan.actions.push(action);
    }
    let missing = copy(&plan, "action-accueil", "accueil-sans-groupe", "objectif-1-1-2", &[]);
    plan.actions.push(missing);
    plan.actions[1].groups.clear(); // action-ateliers
    plan.actions[4].groups.clear(); // action-certification
    plan
}

#[test]
fn a_section_that_never_gives_a_target_group_is_one_note_beside_the_real_omissions() {
    let plan = governance_without_groups();
    let findings = check(&plan);
    assert_eq!(
        findings,
        vec![
            Finding::SectionWithoutTargetGroup { element: id("coordination"), actions: 13 },
            Finding::ActionWithoutTargetGroup { action: id("action-ateliers") },
            Finding::ActionWithoutTargetGroup { action: id("action-certification") },
            Finding::ActionWithoutTargetGroup { action: id("accueil-sans-groupe") },
        ]
    );
    assert_eq!(name(&plan, &findings[0].subject()), "Coordination et vie de l'instance");
    assert_eq!(
        read(&plan, &findings[0]),
        [
            "Aucun groupe cible n'est indiqué pour les 13 actions qui en relèvent, alors que la plupart des autres actions du plan en ont un.",
            "None of the 13 actions under it gives a target group, while most of the plan's other actions have one.",
        ]
    );
    let heading = |lang| text::kind_count(&plan, Kind::SectionWithoutTargetGroup, 1, lang);
    assert_eq!(heading(Lang::Fr), "1 partie du plan sans groupe cible");
    assert_eq!(heading(Lang::En), "1 part of the plan without target groups");
}

#[test]
fn a_section_note_uses_the_plan_s_word_for_its_actions() {
    let mut plan = governance_without_groups();
    plan.action_name = Noun::new("Moyen", "Moyens");
    let note = Finding::SectionWithoutTargetGroup { element: id("coordination"), actions: 13 };
    assert_eq!(
        read(&plan, &note)[0],
        "Aucun groupe cible n'est indiqué pour les 13 moyens qui en relèvent, alors que la plupart des autres moyens du plan en ont un."
    );
}

/// The findings of the reference plans before issue 28, by kind and subject: every real
/// problem in them is still raised.
#[test]
fn the_reference_plans_still_raise_each_of_their_problems() {
    let said = |fixture: &str| -> Vec<(Kind, String)> {
        let plan = crate::format::load(fixture).expect("the fixture loads");
        check(&plan).iter().map(|f| (f.kind(), name(&plan, &f.subject()))).collect()
    };
    let pevr_indicator = "Objectif 1.1.3 › indicateur « Taux d'obtention d'un premier diplôme ou d'une première qualification, sept ans après l'entrée au secondaire »";
    assert_eq!(
        said(include_str!("../../../../tests/fixtures/plan-000-pevr.json")),
        vec![
            (Kind::PercentageTargetOutOfRange, "Objectif 1.1.4 › indicateur « Taux de diplomation des garçons en formation professionnelle »".into()),
            (Kind::ActionWithoutResponsible, "Objectif 1.2.1 › moyen « Rédiger un référentiel de compétences pour chaque corps d'emploi de soutien direct aux élèves »".into()),
            (Kind::MeasurementTooOld, pevr_indicator.into()),
            (Kind::MeasurementTooOld, pevr_indicator.into()),
            (Kind::MeasurementTooOld, pevr_indicator.into()),
        ]
    );
    assert_eq!(said(include_str!("../../../../tests/fixtures/plan-001-regional.json")), vec![]);
    assert_eq!(
        said(include_str!("../../../../tests/fixtures/plan-002-cooperative.json")),
        vec![
            (
                Kind::StaffAmountMismatch,
                "Budget › Projets stratégiques › ligne « Bien-être (10 CP) 5 J, cinq chercheurs »".into()
            ),
            (Kind::AllocationSumMismatch, "Allocation aux centres membres 2024-2025".into()),
            (Kind::StatedTotalMismatch, "Budget".into()),
            (Kind::StatedTotalMismatch, "Budget".into()),
        ]
    );
}

/// A plan of `depth` levels whose elements each have `width` children, the top ones
/// typed « 1 », « 2 »…, those below numbered again under each top element (« 1 », « 1.1 »,
/// as plan 001 and the five-level plans do), with an unnumbered section first when
/// `section`; each objective has an action numbered again under it.
fn renumbered_per_top(tops: usize, width: usize, depth: usize, section: bool) -> Plan {
    let mut plan = crate::start::sample::sample_plan();
    plan.levels =
        (0..depth).map(|l| Level { name: Noun::new(&format!("Niveau {l}"), &format!("Niveaux {l}")) }).collect();
    plan.objective_level = depth - 1;
    plan.elements.clear();
    plan.indicators.clear();
    let model = plan.actions[0].clone();
    plan.actions.clear();
    fn below(plan: &mut Plan, parent: &str, code: &str, level: usize, width: usize, model: &Action) {
        if level == plan.levels.len() {
            let mut action = model.clone();
            action.id = Id::new(format!("action-{parent}"));
            action.code = Some("1".into());
            action.objectives = vec![Id::new(parent)];
            plan.actions.push(action);
            return;
        }
        for n in 1..=width {
            let code = if code.is_empty() { n.to_string() } else { format!("{code}.{n}") };
            let id = format!("{parent}-{n}");
            let mut element = Element::new(&id, level, Some(parent), &format!("Élément {id}"));
            element.code = Some(code.clone());
            plan.elements.push(element);
            below(plan, &id, &code, level + 1, width, model);
        }
    }
    let mut top_ids: Vec<(String, Option<String>)> =
        (1..=tops).map(|t| (format!("t{t}"), Some(t.to_string()))).collect();
    if section {
        top_ids.insert(0, ("section".into(), Some(String::new())));
    }
    for (top, code) in top_ids {
        let mut element = Element::new(&top, 0, None, &format!("Élément {top}"));
        element.code = code;
        plan.elements.push(element);
        below(&mut plan, &top, "", 1, width, &model);
    }
    plan
}

/// A plan whose elements take codes among few, typed, automatic or none, under parents
/// chosen at random: every way siblings can come to show one code.
fn any_codes() -> impl Strategy<Value = Plan> {
    let code = prop_oneof![Just(None), Just(Some("1")), Just(Some("2")), Just(Some(""))];
    proptest::collection::vec((code, any::<prop::sample::Index>()), 2..14).prop_map(|entries| {
        let mut plan = crate::start::sample::sample_plan();
        plan.levels.truncate(2);
        plan.objective_level = 1;
        plan.indicators.clear();
        plan.actions.clear();
        plan.elements.clear();
        for (n, (code, parent)) in entries.into_iter().enumerate() {
            let tops: Vec<String> =
                plan.elements.iter().filter(|e| e.level == 0).map(|e| e.id.as_str().to_owned()).collect();
            // The first and every third element at the top, the others under a top one.
            let parent = (n % 3 != 0 && !tops.is_empty()).then(|| tops[parent.index(tops.len())].clone());
            let level = usize::from(parent.is_some());
            let mut element = Element::new(&format!("e{n}"), level, parent.as_deref(), &format!("Élément {n}"));
            element.code = code.map(str::to_owned);
            plan.elements.push(element);
        }
        plan
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_plan_renumbered_per_top_element_raises_no_duplicate(
        tops in 1usize..4, width in 1usize..4, depth in 2usize..5, section in any::<bool>()
    ) {
        let plan = renumbered_per_top(tops, width, depth, section);
        let duplicates: Vec<Finding> =
            check(&plan).into_iter().filter(|f| f.kind() == Kind::DuplicateCode).collect();
        prop_assert_eq!(duplicates, vec![]);
        // And no two of its elements are named alike.
        let mut names: Vec<String> = plan.elements.iter().map(|e| name(&plan, &Subject::Element(e.id.clone()))).collect();
        names.sort();
        let count = names.len();
        names.dedup();
        prop_assert_eq!(names.len(), count);
    }

    #[test]
    fn a_duplicate_never_names_one_element_twice(plan in any_codes()) {
        for finding in check(&plan) {
            if let Finding::DuplicateCode { subject, other, .. } = &finding {
                prop_assert_ne!(subject, other);
                prop_assert_ne!(name(&plan, subject), name(&plan, other), "{:?}", finding);
                for sentence in read(&plan, &finding) {
                    prop_assert!(!sentence.contains(&name(&plan, subject)), "{}", sentence);
                }
            }
        }
    }
}
