//! Each check on the sample plan, or on a fixture of a real shape, with one thing made
//! wrong; and the fixtures as they are, without a finding.

use super::*;
use crate::model::id::Id;
use crate::model::indicator::IndicatorKind;
use crate::model::measurement::Value;
use crate::model::target::TargetValue;
use crate::start::sample::sample_plan;

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
    let findings = check_after(|p| p.elements[2].deadline = crate::model::date::PlanDate::month(2027, 12));
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
        crate::words::text::finding(&sample_plan(), about_parents[2], crate::words::text::Lang::Fr),
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
                                               // moyen-cap and moyen-math both serve objectif-2; moyen-mentorat serves
                                               // objectif-4 alone, where numbering may start again.
        p.actions[0].code = Some("1.1.1".into());
        p.actions[2].code = Some("1.1.1".into());
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
                subject: Subject::Action(id("moyen-math")),
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
        findings.iter().map(|f| crate::words::text::finding(&sample_plan(), f, crate::words::text::Lang::Fr)).collect();
    let en: Vec<String> =
        findings.iter().map(|f| crate::words::text::finding(&sample_plan(), f, crate::words::text::Lang::En)).collect();
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
    use crate::words::text::{finding as sentence, Lang};
    [sentence(plan, finding, Lang::Fr), sentence(plan, finding, Lang::En)]
}

/// `finding` is the only one `plan` has, and it is said `said`, in French then English.
fn found_alone(plan: &Plan, finding: Finding, said: [&str; 2]) {
    assert_eq!(read(plan, &finding), said);
    assert_eq!(check(plan), vec![finding]);
}

/// The sample plan named like reference plan 001: « Axe » → « Enjeu » → « Orientation »,
/// the orientations being its objectives, and « activités » for its actions.
fn renamed(plan: &mut Plan) {
    use crate::model::level::Noun;
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
    plan.actions[2].code = Some("1.1.1".into());
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
            // Its « enjeux » are numbered within each axe: the path says which « 1 ».
            "Le lien vise Axe 1 › Enjeu 1, qui n'est pas au niveau des orientations.",
            "The link points to Axe 1 › Enjeu 1, which is not at the level of the orientations.",
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

/// The fixtures of the two shapes real plans came in, as a reviewer would find them.
fn work_plan() -> Plan {
    crate::format::load(include_str!("../../../tests/fixtures/plan-work-yearly-steps.json")).expect("fixture loads")
}

fn five_levels() -> Plan {
    crate::format::load(include_str!("../../../tests/fixtures/plan-five-levels-per-enjeu.json")).expect("fixture loads")
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn a_work_plan_with_yearly_steps_is_clean() {
    assert_eq!(check(&work_plan()), vec![]);
}

#[test]
fn a_five_level_plan_numbered_per_enjeu_with_an_unnumbered_section_is_clean() {
    let plan = five_levels();
    assert_eq!(check(&plan), vec![]);
    // The section has no code and Enjeu 1 keeps its own; the codes that start again
    // under Enjeu 2 are named with their enjeu.
    let name =
        |id: &str| crate::words::text::subject(&plan, &Subject::Element(Id::new(id)), crate::words::text::Lang::Fr);
    assert_eq!(name("coordination"), "Coordination et vie de l'instance");
    assert_eq!(name("enjeu-1"), "Enjeu 1");
    assert_eq!(name("objectif-1-1-2"), "Objectif 1.1.2");
    assert_eq!(name("objectif-2-1-1"), "Enjeu 2 › Objectif 1.1.1");
    assert_eq!(name("objectif-1-1-1"), "Enjeu 1 › Objectif 1.1.1");
}

#[test]
fn a_plan_that_names_no_responsible_is_told_once() {
    let mut plan = five_levels();
    for action in &mut plan.actions {
        action.carrier.clear();
    }
    assert_eq!(check(&plan), vec![Finding::PlanWithoutResponsible]);
    assert_eq!(
        read(&plan, &Finding::PlanWithoutResponsible),
        [
            "Ce plan n'indique aucun responsable pour ses actions.",
            "This plan names no one responsible for its actions."
        ]
    );
    plan.actions[0].responsible = "Coordination régionale".into();
    assert_eq!(check(&plan).len(), plan.actions.len() - 1, "once one is named, each one missing is");
}

#[test]
fn action_codes_are_duplicates_only_within_one_objective() {
    let mut plan = five_levels();
    plan.actions[2].code = Some("1.1.1.1".into()); // beside action-ateliers, under one objective
    assert_eq!(
        check(&plan),
        vec![Finding::DuplicateCode {
            subject: Subject::Action(id("action-trousses")),
            code: "1.1.1.1".into(),
            other: Subject::Action(id("action-ateliers"))
        }]
    );
}

#[test]
fn a_schedule_outside_the_period_is_flagged() {
    let mut plan = work_plan();
    plan.actions[0].steps.push(crate::model::action::Step { year: "An 4".into(), text: "Évaluer".into() });
    plan.actions[2].schedule.years.push("2027-2028".into());
    plan.actions[3].schedule.start = PlanDate::month(2024, 3);
    let findings = check(&plan);
    let outside = |action: &str, field, written: &str| Finding::ScheduleOutsidePeriod {
        action: id(action),
        field,
        written: written.into(),
    };
    assert_eq!(
        findings,
        vec![
            outside("moyen-stages", ScheduleField::Step, "An 4"),
            outside("moyen-salon", ScheduleField::Year, "2027-2028"),
            outside("moyen-capsules", ScheduleField::Start, "2024-03"),
        ]
    );
    assert_eq!(
        read(&plan, &findings[0]),
        [
            "L'étape prévue en «\u{a0}An 4\u{a0}» tombe hors de la période du plan (1er juillet 2024 au 30 juin 2027, 3\u{a0}ans).",
            "The step planned for \"An 4\" falls outside the plan's period (July 1, 2024 to June 30, 2027, 3 years).",
        ]
    );
}

#[test]
fn a_checkpoint_outside_the_period_is_flagged() {
    let mut plan = work_plan();
    plan.checkpoints[0].date = day("2024-05-31");
    assert_eq!(
        check(&plan),
        vec![Finding::CheckpointOutsidePeriod { checkpoint: id("bilan-an-1"), date: day("2024-05-31") }]
    );
}

#[test]
fn actions_without_a_target_group_are_flagged_where_most_have_one() {
    let mut plan = five_levels();
    plan.actions[1].groups.clear();
    plan.actions[4].groups.clear();
    assert_eq!(
        check(&plan),
        vec![
            Finding::ActionWithoutTargetGroup { action: id("action-ateliers") },
            Finding::ActionWithoutTargetGroup { action: id("action-certification") },
        ]
    );
    // When most actions have none, the plan does not use them: nothing to say.
    for action in &mut plan.actions[..3] {
        action.groups.clear();
    }
    assert_eq!(check(&plan), vec![]);
}

#[test]
fn an_objective_with_neither_action_nor_indicator_is_flagged() {
    let mut plan = work_plan();
    plan.actions.retain(|a| !a.objectives.contains(&id("objectif-3")));
    assert_eq!(check(&plan), vec![Finding::ObjectiveWithoutActionOrIndicator { element: id("objectif-3") }]);
}

#[test]
fn a_done_action_below_100_percent_is_flagged() {
    let mut plan = work_plan();
    plan.actions[1].progress[1].percent = Some(40);
    let finding = Finding::DoneBelowFull { action: id("moyen-comite"), checkpoint: id("bilan-an-2"), percent: 40 };
    found_alone(
        &plan,
        finding,
        [
            "État «\u{a0}Réalisé\u{a0}» à 40\u{a0}% (Bilan de l'an 2)\u{a0}: l'un des deux est à revoir.",
            "Status \"Done\" at 40% (Bilan de l'an 2): one of the two needs a second look.",
        ],
    );
}

#[test]
fn an_action_past_its_end_and_not_done_at_the_current_checkpoint_is_flagged() {
    let mut plan = work_plan();
    plan.actions[3].progress[1].status = crate::model::action::ActionStatus::InProgress; // ended 2025-12
    plan.actions[4].schedule.end = PlanDate::month(2026, 3);
    plan.actions[4].progress[1].status = crate::model::action::ActionStatus::Dropped; // dropped: nothing overdue
    assert_eq!(
        check(&plan),
        vec![Finding::ActionOverdue {
            action: id("moyen-capsules"),
            end: PlanDate::month(2025, 12).unwrap(),
            checkpoint: id("bilan-an-2"),
            status: Some(crate::model::action::ActionStatus::InProgress),
        }]
    );
}

#[test]
fn an_action_past_its_end_and_not_reported_at_the_current_checkpoint_is_flagged() {
    let mut plan = work_plan();
    plan.actions[3].progress.retain(|record| record.checkpoint != id("bilan-an-2")); // ended 2025-12
    let finding = Finding::ActionOverdue {
        action: id("moyen-capsules"),
        end: PlanDate::month(2025, 12).unwrap(),
        checkpoint: id("bilan-an-2"),
        status: None,
    };
    found_alone(
        &plan,
        finding,
        [
            "Sa fin était prévue pour décembre 2025, mais aucun état n'est rapporté (Bilan de l'an 2).",
            "Its end was planned for December 2025, but no status is reported (Bilan de l'an 2).",
        ],
    );
}

#[test]
fn a_measurement_before_the_previous_checkpoint_is_too_old() {
    let mut plan = five_levels();
    // Measured in December 2024, before the mid-year checkpoint of January 2025.
    plan.indicators[1].segments[0].measurements[0].date = PlanDate::day(2024, 12, 10).unwrap();
    let finding = Finding::MeasurementTooOld {
        indicator: id("ind-rejoints-employeurs"),
        segment: String::new(),
        measured: PlanDate::day(2024, 12, 10).unwrap(),
        as_of: day("2025-06-20"),
    };
    assert_eq!(check(&plan), vec![finding.clone()]);
    // Two indicators share one label: the path says which.
    assert_eq!(
        crate::words::text::subject(&plan, &finding.subject(), crate::words::text::Lang::Fr),
        "Enjeu 2 › Objectif 1.1.1 › indicateur « Nombre de personnes rejointes »"
    );
}

#[test]
fn with_one_checkpoint_a_measurement_over_a_year_old_is_too_old() {
    let mut plan = work_plan();
    plan.checkpoints.remove(0);
    for action in &mut plan.actions {
        action.progress.remove(0);
    }
    plan.indicators[0].segments[0].measurements.pop(); // the latest is now May 2025
    assert_eq!(
        check(&plan),
        vec![Finding::MeasurementTooOld {
            indicator: id("ind-entreprises"),
            segment: String::new(),
            measured: PlanDate::day(2025, 5, 30).unwrap(),
            as_of: day("2026-06-11"),
        }]
    );
}

#[test]
fn findings_are_grouped_by_kind_with_their_count() {
    let mut plan = five_levels();
    for action in &mut plan.actions {
        action.groups.clear();
    }
    // One action left without a group under each enjeu: Enjeu 2 holds two actions, and
    // left without both it would be a part of the plan without groups, said once.
    plan.actions[0].groups.push("1".into());
    plan.actions[2].groups.push("2".into());
    plan.actions[3].groups.push("3".into());
    plan.actions[4].groups.push("4".into());
    plan.checkpoints[0].date = day("2024-06-01");
    let findings = check(&plan);
    let groups = grouped(&findings);
    let summary: Vec<(Kind, usize)> = groups.iter().map(|g| (g.kind, g.count())).collect();
    // In the order of their first finding: the actions' checks run before the dates'.
    assert_eq!(summary, [(Kind::ActionWithoutTargetGroup, 2), (Kind::CheckpointOutsidePeriod, 1)]);
    use crate::words::text::{group_heading, kind_count, Lang};
    assert_eq!(group_heading(&plan, &groups[0], Lang::Fr), "2 actions sans groupe cible");
    assert_eq!(group_heading(&plan, &groups[0], Lang::En), "2 actions without a target group");
    assert_eq!(group_heading(&plan, &groups[1], Lang::Fr), "1 bilan hors de la période");
    assert_eq!(kind_count(&plan, Kind::DuplicateCode, 0, Lang::Fr), "0 code en double");
    assert_eq!(kind_count(&plan, Kind::DuplicateCode, 0, Lang::En), "0 duplicate codes");
    assert_eq!(kind_count(&plan, Kind::DuplicateCode, 1, Lang::En), "1 duplicate code");
}

/// What the dashboard keeps while actions change must not read them.
#[test]
fn the_findings_of_indicators_read_neither_actions_nor_budget() {
    for text in crate::format::tests::every_fixture() {
        let plan = crate::format::load(text).unwrap();
        let mut without = plan.clone();
        without.actions.clear();
        without.budget = Default::default();
        for checkpoint in std::iter::once(None).chain(plan.checkpoints.iter().map(Some)) {
            assert_eq!(super::of_indicators(&plan, checkpoint), super::of_indicators(&without, checkpoint));
            let joined =
                super::joined(&super::of_indicators(&plan, checkpoint), &super::of_the_rest(&plan, checkpoint));
            assert_eq!(joined, check_at(&plan, checkpoint));
        }
    }
}

/// Issue 27: a deadline, a schedule's end or a target written as a year alone is the
/// plan's school year ending in it: « 2027 » in a plan ending in June 2027 is within it,
/// and an action due « 2026 » is past its end at a checkpoint of November 2026.
#[test]
fn a_year_alone_ends_with_the_plan_s_school_year() {
    let year = |y| crate::model::date::PlanDate::year(y).unwrap();
    assert_eq!(check_after(|p| p.elements[2].deadline = Some(year(2027))), vec![]);
    let findings = check_after(|p| {
        p.checkpoints[0].date = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        p.actions[0].schedule.end = Some(year(2026));
    });
    assert!(
        findings.iter().any(|f| matches!(f, Finding::ActionOverdue { action, .. } if action == &id("moyen-cap"))),
        "{findings:?}"
    );
}

mod unseen_shapes;
