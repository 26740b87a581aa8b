//! Each check on the sample plan with one thing made wrong.

use super::*;
use crate::id::Id;
use crate::indicator::IndicatorKind;
use crate::measurement::Value;
use crate::sample::sample_plan;
use crate::target::TargetValue;

/// The findings of the checks on the sample plan after `change`.
fn check_after(change: impl FnOnce(&mut Plan)) -> Vec<Finding> {
    let mut plan = sample_plan();
    change(&mut plan);
    check(&plan)
}

fn id(text: &str) -> Id {
    Id::new(text)
}

fn set_target(plan: &mut Plan, indicator: usize, value: TargetValue) {
    plan.indicators[indicator].segments[0].targets[0].value = value;
}

#[test]
fn the_sample_plan_is_clean() {
    assert_eq!(check(&sample_plan()), vec![]);
}

#[test]
fn a_rate_target_of_592_is_out_of_range() {
    // Reference plan 000 states « 592 » as a 2027 target for a graduation rate.
    let findings = check_after(|p| set_target(p, 3, TargetValue::Absolute(Value::Number(592.0))));
    assert_eq!(
        findings,
        vec![Finding::PercentageTargetOutOfRange {
            indicator: id("ind-diplomation"),
            segment: "Tous les élèves".into(),
            target: 592.0
        }]
    );
}

#[test]
fn a_target_below_the_baseline_of_an_increase_is_on_the_wrong_side() {
    let findings = check_after(|p| set_target(p, 0, TargetValue::Absolute(Value::Number(60.0))));
    assert_eq!(
        findings,
        vec![Finding::TargetWrongSide {
            indicator: id("ind-lecture-4e"),
            segment: String::new(),
            direction: Direction::Increase,
            baseline: 68.0,
            target: 60.0
        }]
    );
    let equal = check_after(|p| set_target(p, 0, TargetValue::PercentagePoints(0.0)));
    assert_eq!(
        equal,
        vec![Finding::TargetEqualsBaseline { indicator: id("ind-lecture-4e"), segment: String::new(), baseline: 68.0 }]
    );
}

#[test]
fn a_relative_target_needs_a_baseline() {
    let findings = check_after(|p| {
        set_target(p, 0, TargetValue::RelativePercent(15.0));
        p.indicators[0].segments[0].baseline = None;
    });
    assert_eq!(
        findings,
        vec![Finding::RelativeTargetWithoutBaseline { indicator: id("ind-lecture-4e"), segment: String::new() }]
    );
}

#[test]
fn a_deadline_after_the_plan_is_flagged() {
    let findings = check_after(|p| p.elements[2].deadline = crate::date::PlanDate::month(2027, 12));
    assert!(matches!(&findings[..], [Finding::DeadlineAfterPlanEnd { element, .. }] if element == &id("objectif-1")));
}

#[test]
fn an_action_without_responsible_or_objective_is_flagged() {
    let findings = check_after(|p| {
        p.actions[1].responsible = "  ".into();
        p.actions[2].objectives.clear();
    });
    assert_eq!(
        findings,
        vec![
            Finding::ActionWithoutResponsible { action: id("moyen-lecture") },
            Finding::ActionWithoutObjective { action: id("moyen-math") },
        ]
    );
}

#[test]
fn references_to_missing_elements_are_reported() {
    let findings = check_after(|p| {
        p.actions[0].objectives.push(id("objectif-99"));
        p.actions[0].progress[0].checkpoint = id("bilan-disparu");
        p.indicators[0].objective = id("enjeu-1");
        p.elements[1].parent = Some(id("enjeu-inconnu"));
    });
    assert_eq!(
        findings,
        vec![
            Finding::MissingReference {
                subject: Subject::Element(id("orientation-1-1")),
                reference: Reference::Parent,
                missing: id("enjeu-inconnu")
            },
            Finding::NotAnObjective { subject: Subject::Indicator(id("ind-lecture-4e")), element: id("enjeu-1") },
            Finding::MissingReference {
                subject: Subject::Action(id("moyen-cap")),
                reference: Reference::ActionObjective,
                missing: id("objectif-99")
            },
            Finding::MissingReference {
                subject: Subject::Action(id("moyen-cap")),
                reference: Reference::ProgressCheckpoint,
                missing: id("bilan-disparu")
            },
        ]
    );
}

#[test]
fn each_parent_cycle_is_reported_once_and_each_missing_parent_once() {
    let findings = check_after(|p| {
        let at = |p: &Plan, id: &str| p.elements.iter().position(|e| e.id.as_str() == id).unwrap();
        let (enjeu_2, orientation_2_1) = (at(p, "enjeu-2"), at(p, "orientation-2-1"));
        p.elements[enjeu_2].parent = Some(id("orientation-2-1"));
        p.elements[orientation_2_1].parent = Some(id("enjeu-2"));
        let objectif_1 = at(p, "objectif-1");
        p.elements[objectif_1].parent = Some(id("objectif-1"));
        p.elements[1].parent = Some(id("enjeu-disparu"));
    });
    let about_parents: Vec<&Finding> = findings
        .iter()
        .filter(|f| {
            matches!(f, Finding::ParentCycle { .. } | Finding::MissingReference { reference: Reference::Parent, .. })
        })
        .collect();
    assert_eq!(
        about_parents,
        [
            &Finding::MissingReference {
                subject: Subject::Element(id("orientation-1-1")),
                reference: Reference::Parent,
                missing: id("enjeu-disparu")
            },
            &Finding::ParentCycle { elements: vec![id("objectif-1")] },
            &Finding::ParentCycle { elements: vec![id("enjeu-2"), id("orientation-2-1")] },
        ]
    );
    assert_eq!(
        crate::text::finding(&sample_plan(), about_parents[2], crate::text::Lang::Fr),
        "Ces éléments sont parents les uns des autres en boucle (enjeu-2 → orientation-2-1 → enjeu-2)\u{a0}: ni eux ni ce qui est en dessous n'apparaissent dans l'arbre."
    );
}

#[test]
fn an_element_off_its_level_is_flagged() {
    let findings = check_after(|p| {
        p.elements[2].level = 3; // an objective below an orientation, on a level the plan lacks
        p.objective_level = 5;
    });
    assert_eq!(
        findings,
        vec![
            Finding::ObjectiveLevelMissing { level: 5, levels: 3 },
            Finding::LevelMismatch { element: id("objectif-1"), level: 3 },
        ]
    );
}

#[test]
fn typed_codes_shared_by_siblings_are_duplicates() {
    let findings = check_after(|p| {
        p.elements[3].code = Some("1".into()); // objectif-2 typed « 1 » like objectif-1
        p.actions[0].code = Some("1.1.1".into());
        p.actions[4].code = Some("1.1.1".into());
    });
    assert_eq!(
        findings,
        vec![
            Finding::DuplicateCode {
                subject: Subject::Element(id("objectif-2")),
                code: "1".into(),
                other: Subject::Element(id("objectif-1"))
            },
            Finding::DuplicateCode {
                subject: Subject::Action(id("moyen-mentorat")),
                code: "1.1.1".into(),
                other: Subject::Action(id("moyen-cap"))
            },
        ]
    );
}

#[test]
fn values_that_do_not_fit_the_kind_are_flagged() {
    let findings = check_after(|p| {
        p.indicators[0].segments[0].measurements[0].value = Value::Text("environ 70".into());
        p.indicators[2].kind = IndicatorKind::Ratio;
        p.indicators[4].segments[0].measurements[0].value = Value::Number(104.0);
    });
    assert_eq!(
        findings,
        vec![
            Finding::ValueDoesNotFitKind { indicator: id("ind-lecture-4e"), segment: String::new() },
            Finding::RatioWithoutWhole { indicator: id("ind-math-6e") },
            Finding::PercentageValueOutOfRange { indicator: id("ind-retention"), segment: String::new(), value: 104.0 },
        ]
    );
}

#[test]
fn every_finding_reads_in_french_and_english() {
    let findings = check_after(|p| {
        set_target(p, 3, TargetValue::Absolute(Value::Number(592.0)));
        p.actions[1].responsible.clear();
    });
    let fr: Vec<String> =
        findings.iter().map(|f| crate::text::finding(&sample_plan(), f, crate::text::Lang::Fr)).collect();
    let en: Vec<String> =
        findings.iter().map(|f| crate::text::finding(&sample_plan(), f, crate::text::Lang::En)).collect();
    assert_eq!(
        fr,
        vec![
            "La cible 592 (groupe « Tous les élèves ») d'un indicateur en pourcentage sort de l'intervalle 0 à 100\u{a0}%.",
            "Aucun responsable n'est indiqué.",
        ]
    );
    assert_eq!(
        en,
        vec![
            "The target 592 (group \"Tous les élèves\") of a percentage indicator is outside 0 to 100%.",
            "No one is named responsible.",
        ]
    );
}

/// A finding read in French and in English, against the plan it was found in.
fn read(plan: &Plan, finding: &Finding) -> [String; 2] {
    use crate::text::{finding as sentence, Lang};
    [sentence(plan, finding, Lang::Fr), sentence(plan, finding, Lang::En)]
}

/// The sample plan named like reference plan 001: « Axe » → « Enjeu » → « Orientation »,
/// the orientations being its objectives, and « activités » for its actions.
fn renamed(plan: &mut Plan) {
    use crate::level::Noun;
    for (level, (singular, plural)) in
        plan.levels.iter_mut().zip([("Axe", "Axes"), ("Enjeu", "Enjeux"), ("Orientation", "Orientations")])
    {
        level.name = Noun::new(singular, plural);
    }
    plan.action_name = Noun::new("Activité", "Activités");
}

#[test]
fn a_plan_whose_actions_are_activites_never_reads_moyen() {
    let mut plan = sample_plan();
    renamed(&mut plan);
    plan.actions[0].responsible.clear();
    plan.actions[1].objectives.clear();
    plan.actions[2].objectives.push(id("objectif-disparu"));
    plan.actions[3].objectives.push(id("orientation-1-1"));
    plan.actions[3].progress[0].percent = Some(140);
    plan.actions[3].progress[0].checkpoint = id("bilan-disparu");
    plan.actions[0].code = Some("1.1.1".into());
    plan.actions[4].code = Some("1.1.1".into());
    let findings = check(&plan);
    assert!(findings.len() >= 7, "{findings:?}");
    for finding in &findings {
        for sentence in read(&plan, finding) {
            let lower = sentence.to_lowercase();
            assert!(!lower.contains("moyen") && !lower.contains("action"), "{sentence}");
        }
    }
}

#[test]
fn an_action_without_objective_names_the_plans_objectives() {
    let mut plan = sample_plan();
    renamed(&mut plan);
    let finding = Finding::ActionWithoutObjective { action: id("moyen-cap") };
    assert_eq!(
        read(&plan, &finding),
        ["Aucun lien vers les orientations du plan.", "No link to the plan's orientations."]
    );
}

#[test]
fn a_link_to_no_objective_names_the_plans_objectives() {
    let mut plan = sample_plan();
    renamed(&mut plan);
    let missing = Finding::MissingReference {
        subject: Subject::Action(id("moyen-cap")),
        reference: Reference::ActionObjective,
        missing: id("objectif-disparu"),
    };
    assert_eq!(
        read(&plan, &missing),
        [
            "Le lien vers les orientations vise « objectif-disparu », qui n'existe pas dans le plan.",
            "The link to the plan's orientations points to \"objectif-disparu\", which does not exist in the plan.",
        ]
    );
    let off_level =
        Finding::NotAnObjective { subject: Subject::Action(id("moyen-cap")), element: id("orientation-1-1") };
    assert_eq!(
        read(&plan, &off_level),
        [
            "Le lien vise Enjeu 1, qui n'est pas au niveau des orientations.",
            "The link points to Enjeu 1, which is not at the level of the orientations.",
        ]
    );
}

#[test]
fn an_element_off_its_level_names_the_plans_levels() {
    let mut plan = sample_plan();
    renamed(&mut plan);
    let at = |p: &Plan, id: &str| p.elements.iter().position(|e| e.id.as_str() == id).unwrap();
    let (enjeu_2, objectif_1, objectif_2) = (at(&plan, "enjeu-2"), at(&plan, "objectif-1"), at(&plan, "objectif-2"));
    plan.elements[enjeu_2].level = 1;
    plan.elements[objectif_1].level = 0;
    plan.elements[objectif_2].level = 3;
    plan.objective_level = 5;
    let findings = check(&plan);
    let about = |element: &str| {
        let finding = findings
            .iter()
            .find(|f| matches!(f, Finding::LevelMismatch { element: e, .. } if e.as_str() == element))
            .unwrap();
        read(&plan, finding)
    };
    assert_eq!(
        about("enjeu-2"),
        [
            "Son niveau, «\u{a0}Enjeu\u{a0}», n'est pas celui du haut de l'arbre, «\u{a0}Axe\u{a0}».",
            "Its level, \"Enjeu\", is not the top of the tree's, \"Axe\".",
        ]
    );
    assert_eq!(
        about("objectif-1"),
        [
            "Son niveau, «\u{a0}Axe\u{a0}», ne suit pas celui de son parent, «\u{a0}Enjeu\u{a0}».",
            "Its level, \"Axe\", does not follow its parent's, \"Enjeu\".",
        ]
    );
    assert_eq!(
        about("objectif-2"),
        [
            "Son niveau (4) n'existe pas\u{a0}: le plan en compte 3 (Axe, Enjeu, Orientation).",
            "Its level (4) does not exist: the plan has 3 (Axe, Enjeu, Orientation).",
        ]
    );
    assert_eq!(
        read(&plan, &findings[0]),
        [
            "Le niveau des objectifs (6) n'existe pas\u{a0}: le plan en compte 3 (Axe, Enjeu, Orientation).",
            "The objective level (6) does not exist: the plan has 3 (Axe, Enjeu, Orientation).",
        ]
    );
}
