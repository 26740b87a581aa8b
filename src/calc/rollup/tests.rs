//! Roll-ups, action statistics and changes, on the sample plan and small variations.

use super::*;
use crate::fixtures::day;
use crate::model::action::ProgressRecord;
use crate::model::checkpoint::Checkpoint;
use crate::model::plan::RollUp as Method;
use crate::start::sample::{sample_plan, CHECKPOINT};

fn counts(summary: &Summary) -> [usize; 5] {
    summary.counts
}

#[test]
fn the_sample_plan_rolls_up_to_every_level() {
    let plan = sample_plan();
    let report = report(&plan, day(2024, 6, 20));
    // [reached, on track, to watch, late, not measured]
    assert_eq!(counts(&report.element(&Id::new("objectif-1"))), [0, 1, 0, 1, 0]);
    assert_eq!(counts(&report.element(&Id::new("orientation-1-1"))), [0, 2, 1, 1, 0]);
    assert_eq!(counts(&report.element(&Id::new("enjeu-1"))), [0, 2, 1, 1, 0]);
    assert_eq!(counts(&report.element(&Id::new("enjeu-2"))), [0, 1, 0, 0, 1]);
    assert_eq!(counts(&report.plan), [0, 3, 1, 1, 1]);
    assert_eq!(report.element(&Id::new("enjeu-1")).status(&plan.settings), Status::Late);
    assert_eq!(report.element(&Id::new("enjeu-2")).status(&plan.settings), Status::OnTrack);
    assert_eq!(report.element(&Id::new("objectif-5")).status(&plan.settings), Status::NotMeasured);
}

#[test]
fn worst_of_and_weighted_differ_as_the_plan_chooses() {
    let mut summary = Summary::default();
    summary.add(Status::OnTrack, Some(1.0));
    summary.add(Status::OnTrack, Some(1.0));
    summary.add(Status::OnTrack, Some(1.0));
    summary.add(Status::ToWatch, Some(0.9));
    let mut settings = Settings::default();
    assert_eq!(summary.status(&settings), Status::ToWatch);
    settings.roll_up = Method::Weighted;
    // (1 + 1 + 1 + 0,9) / 4 = 0,975 ≥ 0,95
    assert_eq!(summary.status(&settings), Status::OnTrack);
    assert_eq!(summary.score().map(|s| (s * 1000.0).round()), Some(975.0));
}

#[test]
fn all_reached_is_reached_and_nothing_measured_is_not_measured() {
    let settings = Settings::default();
    let mut summary = Summary::default();
    assert_eq!(summary.status(&settings), Status::NotMeasured);
    summary.add(Status::NotMeasured, None);
    assert_eq!(summary.status(&settings), Status::NotMeasured);
    summary.add(Status::Reached, Some(1.0));
    assert_eq!(summary.status(&settings), Status::Reached);
}

#[test]
fn actions_count_in_the_status_only_when_the_plan_says_so() {
    let mut plan = sample_plan();
    let before = report(&plan, day(2024, 6, 20));
    plan.settings.actions_in_status = true;
    let after = report(&plan, day(2024, 6, 20));
    // Objective 5: one unmeasured indicator and one action on hold.
    assert_eq!(counts(&before.element(&Id::new("objectif-5"))), [0, 0, 0, 0, 1]);
    assert_eq!(counts(&after.element(&Id::new("objectif-5"))), [0, 0, 1, 0, 1]);
    assert_eq!(after.element(&Id::new("objectif-5")).status(&plan.settings), Status::ToWatch);
    // The action shared by objectives 1, 2 and 3 counts once in each, and so three
    // times in their orientation: it serves three objectives there.
    assert_eq!(counts(&after.element(&Id::new("objectif-1"))), [1, 2, 0, 1, 0]);
}

#[test]
fn an_action_linked_to_several_objectives_counts_once_per_element() {
    let plan = sample_plan();
    let stats = action_stats(&plan, &Id::new(CHECKPOINT));
    assert_eq!(stats.overall.total(), 6);
    assert_eq!(stats.overall.count(ActionStatus::InProgress), 3);
    assert_eq!(stats.overall.count(ActionStatus::Done), 1);
    // moyen-cap serves objectives 1, 2 and 3, all under orientation 1.1: once there.
    let orientation = &stats.by_element[&Id::new("orientation-1-1")];
    assert_eq!(orientation.total(), 4);
    assert_eq!(stats.by_element[&Id::new("objectif-2")].total(), 2);
    assert_eq!(stats.by_responsible["Services éducatifs — primaire"].total(), 2);
    assert_eq!(stats.overall.share(ActionStatus::InProgress), Some(50.0));
}

#[test]
fn partners_count_the_carrier_and_each_partner_once() {
    let mut plan = sample_plan();
    plan.actions[0].carrier = "CEPEO".into();
    plan.actions[0].partners = vec!["CSDCEO".into(), "CEPEO".into()];
    plan.actions[1].carrier = "Collaboration".into();
    let stats = action_stats(&plan, &Id::new(CHECKPOINT));
    assert_eq!(stats.by_partner["CEPEO"].total(), 1);
    assert_eq!(stats.by_partner["CSDCEO"].total(), 1);
    assert_eq!(stats.by_partner["Collaboration"].count(ActionStatus::Done), 1);
    assert_eq!(stats.by_partner.len(), 3);
}

#[test]
fn changes_between_two_checkpoints_list_what_moved() {
    let mut plan = sample_plan();
    plan.checkpoints.push(Checkpoint {
        id: Id::new("bilan-2024-12"),
        label: "Bilan de mi-année".into(),
        date: day(2024, 12, 12),
        closed: false,
        meta: Default::default(),
    });
    let record = |status, percent| ProgressRecord {
        checkpoint: Id::new("bilan-2024-12"),
        status,
        percent: Some(percent),
        narrative: String::new(),
        meta: Default::default(),
    };
    plan.actions[0].progress.push(record(ActionStatus::InProgress, 40)); // unchanged
    plan.actions[2].progress.push(record(ActionStatus::InProgress, 30)); // started
    let changes = changes(&plan, &Id::new(CHECKPOINT), &Id::new("bilan-2024-12"));
    let moved: Vec<(&str, Option<ActionStatus>, Option<ActionStatus>)> =
        changes.actions.iter().map(|c| (c.action.as_str(), c.before.status, c.after.status)).collect();
    assert_eq!(
        moved,
        vec![
            ("moyen-lecture", Some(ActionStatus::Done), None),
            ("moyen-math", Some(ActionStatus::NotStarted), Some(ActionStatus::InProgress)),
            ("moyen-relance", Some(ActionStatus::InProgress), None),
            ("moyen-mentorat", Some(ActionStatus::InProgress), None),
            ("moyen-code-vie", Some(ActionStatus::OnHold), None),
        ]
    );
    // An indicator not measured in December says so; one measured lists its values.
    assert!(changes.indicators.iter().all(|c| c.after == Status::NotMeasured || !c.values.is_empty()));
}

#[test]
fn elements_listed_before_their_parents_still_roll_up() {
    let mut plan = sample_plan();
    plan.elements.reverse();
    let report = report(&plan, day(2024, 6, 20));
    assert_eq!(counts(&report.plan), [0, 3, 1, 1, 1]);
}

#[test]
fn an_objective_s_progress_is_the_mean_of_its_measured_indicators_only() {
    let plan = sample_plan();
    // The sample's measurements of June 2024 are known from its first day.
    let report = report(&plan, day(2024, 6, 1));
    let progress = objective_progress(&plan, &report);
    for objective in plan.objectives() {
        let measured: Vec<f64> = plan
            .indicators
            .iter()
            .zip(&report.indicators)
            .filter(|(i, _)| i.objective == objective.id)
            .filter_map(|(_, p)| p.progress.filter(|p| p.is_finite()))
            .collect();
        match progress.get(&objective.id) {
            None => assert!(measured.is_empty(), "{} has measured indicators", objective.id),
            Some(progress) => {
                let expected = measured.iter().sum::<f64>() / measured.len() as f64;
                let mean = progress.mean;
                assert!((mean - expected).abs() < 1e-12, "{}: {mean} ≠ {expected}", objective.id);
                assert_eq!(progress.receding, measured.iter().filter(|p| **p < 0.0).count());
                assert!(progress.lowest <= mean && mean <= progress.highest);
            }
        }
    }
    assert!(!progress.is_empty(), "the sample has measured objectives");
}

#[test]
fn opposite_progress_is_never_averaged_without_saying_so() {
    let mut plan = sample_plan();
    let objective = plan.objectives().next().expect("an objective").id.clone();
    let measured = |plan: &Plan| objective_progress(plan, &report(plan, day(2024, 6, 30))).get(&objective).copied();
    let Some(before) = measured(&plan) else { panic!("the sample's first objective is measured") };
    // A second indicator under the same objective that moved away from its target.
    let mut receding = plan.indicators.iter().find(|i| i.objective == objective).expect("an indicator").clone();
    receding.id = Id::new("recul");
    for segment in &mut receding.segments {
        let baseline = segment.baseline.as_ref().and_then(|b| b.value.as_number()).unwrap_or(50.0);
        let worse = match receding.direction {
            crate::model::indicator::Direction::Decrease => baseline + 10.0,
            _ => baseline - 10.0,
        };
        for m in &mut segment.measurements {
            m.value = crate::model::measurement::Value::Number(worse);
        }
    }
    plan.indicators.push(receding);
    let after = measured(&plan).expect("still measured");
    assert!(before.advancing > 0 && !before.mixed(), "{before:?}");
    assert!(after.mixed(), "{after:?}");
    assert!(after.lowest < 0.0 && after.highest > 0.0);
    assert_eq!(after.receding, before.receding + 1);
}

#[test]
fn a_value_s_move_is_told_in_its_own_unit() {
    use crate::model::indicator::IndicatorKind::{Count, Dollars, Milestone, Percentage};
    use crate::words::text::{value_change, Lang};
    assert_eq!(
        value_change(Some(66.0), Some(64.0), Percentage, None, Lang::Fr),
        "66\u{a0}% → 64\u{a0}% (−2\u{a0}points)"
    );
    assert_eq!(value_change(Some(66.0), Some(64.0), Percentage, None, Lang::En), "66% → 64% (−2 points)");
    assert_eq!(
        value_change(Some(64.0), Some(65.5), Percentage, None, Lang::Fr),
        "64\u{a0}% → 65,5\u{a0}% (+1,5\u{a0}point)"
    );
    assert_eq!(value_change(Some(64.0), Some(65.0), Percentage, None, Lang::En), "64% → 65% (+1 point)");
    assert_eq!(value_change(Some(187.0), Some(200.0), Count, None, Lang::Fr), "187 → 200 (+13)");
    assert_eq!(
        value_change(Some(12_000.0), Some(9_500.0), Dollars, None, Lang::En),
        "$12,000.00 → $9,500.00 (−$2,500.00)"
    );
    assert_eq!(value_change(None, Some(64.0), Percentage, None, Lang::Fr), "— → 64\u{a0}%");
    assert_eq!(value_change(Some(0.0), Some(1.0), Milestone, None, Lang::Fr), "Non réalisé → Réalisé");
}

#[test]
fn actions_are_counted_per_target_group_each_once() {
    let plan =
        crate::format::load(include_str!("../../../tests/fixtures/plan-five-levels.json")).expect("fixture loads");
    let checkpoint = plan.checkpoints.last().map(|c| c.id.clone()).unwrap_or_else(|| Id::new("aucun"));
    let stats = action_stats(&plan, &checkpoint);
    let total = |code: &str| stats.by_group.get(code).map_or(0, |c| c.total());
    assert_eq!(total("4"), 2);
    assert_eq!(total("1"), 2);
    assert_eq!(total(""), 0, "every action of this plan names a group");
}

/// The counts by element, worked out the plain way: each action's objectives and every
/// element above them, as a set of ids.
fn counted_by_element(plan: &Plan, checkpoint: &Id) -> HashMap<Id, ActionCounts> {
    let parents: HashMap<&Id, &Id> =
        plan.elements.iter().filter_map(|e| e.parent.as_ref().map(|p| (&e.id, p))).collect();
    let known: HashSet<&Id> = plan.elements.iter().map(|e| &e.id).collect();
    let mut by_element: HashMap<Id, ActionCounts> = HashMap::new();
    for action in &plan.actions {
        let status = action.progress_at(checkpoint).map(|r| r.status);
        let mut counted = HashSet::new();
        for objective in &action.objectives {
            let mut current = Some(objective);
            while let Some(id) = current.filter(|id| counted.insert(*id)) {
                current = parents.get(id).copied();
            }
        }
        for id in counted.into_iter().filter(|id| known.contains(id)) {
            by_element.entry(id.clone()).or_default().add(status);
        }
    }
    by_element
}

#[test]
fn the_counts_by_element_of_the_fixtures_are_the_plain_ones() {
    for text in crate::format::tests::every_fixture() {
        let plan = crate::format::load(text).unwrap();
        for checkpoint in &plan.checkpoints {
            let stats = action_stats(&plan, &checkpoint.id);
            assert_eq!(stats.by_element, counted_by_element(&plan, &checkpoint.id), "{}", plan.title);
            let total: usize = stats.by_responsible.values().map(ActionCounts::total).sum();
            assert_eq!(total, plan.actions.len());
        }
    }
}

proptest::proptest! {
    #[test]
    fn the_counts_by_element_are_the_plain_ones(plan in crate::format::tests::arbitrary::plan()) {
        for checkpoint in &plan.checkpoints {
            proptest::prop_assert_eq!(action_stats(&plan, &checkpoint.id).by_element, counted_by_element(&plan, &checkpoint.id));
        }
    }
}
