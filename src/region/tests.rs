use super::*;
use crate::fixtures::{self, day};
use crate::start::sample::sample_plan;

const FIXTURES: [&str; 6] = [
    "plan-000-pevr",
    "plan-001-regional",
    "plan-002-cooperative",
    "plan-five-levels",
    "plan-five-levels-per-enjeu",
    "plan-work-yearly-steps",
];

#[test]
fn a_view_of_one_plan_shows_that_plans_own_figures() {
    let plan = sample_plan();
    let as_of = day(2024, 9, 15);
    let view = consolidate(&[&plan], &Names::default(), as_of);
    assert_eq!(view.members.len(), 1);
    let own = &view.members[0].figures;
    assert_eq!(own.indicators, report(&plan, as_of).plan);
    let checkpoint = plan.checkpoint_at(as_of).expect("a checkpoint before").id.clone();
    assert_eq!(own.actions, action_stats(&plan, &checkpoint).overall);
    assert_eq!(own.findings, check(&plan).len());
    assert_eq!(view.totals, *own);
    assert_eq!(view.members[0].name, "Centre de services scolaire des Quatre-Vents");
    assert_eq!(view.levels.len(), plan.levels.len(), "a plan shares every level with itself");
}

#[test]
fn the_regions_totals_are_the_sums_of_its_plans() {
    let plans: Vec<Plan> = FIXTURES.iter().map(|f| fixtures::plan(f)).collect();
    let refs: Vec<&Plan> = plans.iter().collect();
    let view = consolidate(&refs, &Names::default(), day(2026, 6, 30));
    assert_eq!(view.members.len(), FIXTURES.len());
    let sum = |f: &dyn Fn(&Figures) -> usize| view.members.iter().map(|m| f(&m.figures)).sum::<usize>();
    assert_eq!(view.totals.indicators.total(), sum(&|f| f.indicators.total()));
    let as_of = view.as_of;
    assert_eq!(view.totals.indicators.total(), plans.iter().map(|p| report(p, as_of).plan.total()).sum::<usize>());
    assert_eq!(view.totals.actions.total(), plans.iter().map(|p| p.actions.len()).sum::<usize>());
    assert_eq!(view.totals.actions.total(), sum(&|f| f.actions.total()));
    assert_eq!(view.totals.findings, sum(&|f| f.findings));
    for status in crate::model::action::ActionStatus::ALL {
        assert_eq!(view.totals.actions.count(status), sum(&|f| f.actions.count(status)));
    }
}

#[test]
fn the_same_plan_given_twice_is_one() {
    let plan = sample_plan();
    let twice = consolidate(&[&plan, &plan.clone()], &Names::default(), day(2024, 1, 15));
    let once = consolidate(&[&plan], &Names::default(), day(2024, 1, 15));
    assert_eq!(twice, once);
}

#[test]
fn levels_are_summed_where_the_plans_name_them_alike_and_groups_where_they_share_a_code() {
    let pevr = fixtures::plan("plan-000-pevr");
    let per_level = fixtures::plan("v2-pevr-per-level");
    let regional = fixtures::plan("plan-001-regional");
    let as_of = day(2026, 6, 30);
    let alike = consolidate(&[&pevr, &per_level], &Names::default(), as_of);
    assert_eq!(
        alike.levels.iter().map(|l| l.name.singular.as_str()).collect::<Vec<_>>(),
        ["Enjeu", "Orientation", "Objectif"]
    );
    let objectives = alike.levels.last().unwrap();
    assert_eq!(
        objectives.statuses.total(),
        alike.totals.indicators.total(),
        "each indicator counted once at the objectives' level"
    );
    for level in &alike.levels {
        let mut sum = Summary::default();
        level.members.iter().for_each(|own| sum.merge(own));
        assert_eq!(sum, level.statuses, "a level's region figures are its members' summed");
    }
    assert_eq!(objectives.members[0], alike.members[0].figures.indicators);
    let mixed = consolidate(&[&pevr, &regional], &Names::default(), as_of);
    assert!(mixed.levels.len() < 3, "{:?}", mixed.levels);

    let five = fixtures::plan("plan-five-levels-per-enjeu");
    let mut other = five.clone();
    other.id = Id::new("autre-plan");
    let grouped = consolidate(&[&five, &other], &Names::default(), as_of);
    assert_eq!(grouped.groups.len(), five.target_groups.len());
    let code = &five.target_groups[0].code;
    let aimed = five.actions.iter().filter(|a| a.groups.iter().any(|g| g == code)).count();
    assert_eq!(grouped.groups[0].actions.total(), 2 * aimed);
    assert_eq!(
        grouped.groups[0].members,
        vec![grouped.groups[0].members[0]; 2],
        "the same plan twice, the same counts"
    );
    assert_eq!(grouped.groups[0].members[0].total(), aimed);
    assert!(
        consolidate(&[&five, &pevr], &Names::default(), as_of).groups.is_empty(),
        "a code one plan defines is not shared"
    );
}

mod properties {
    use super::*;
    use crate::calc::status::Status;
    use crate::start::generate::{large_plan, Spec};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

        #[test]
        fn totals_are_sums_and_a_plan_alone_shows_its_own_figures(seeds in prop::collection::vec(0u64..500, 1..5), day in 0i64..1500) {
            let as_of = day_of(day);
            let plans: Vec<Plan> = seeds.iter().map(|&seed| {
                let mut plan = large_plan(&Spec { objectives: 8, indicators: 12, actions: 10, seed });
                plan.id = Id::new(format!("plan-{seed}"));
                plan
            }).collect();
            let refs: Vec<&Plan> = plans.iter().collect();
            let view = consolidate(&refs, &Names::default(), as_of);
            let distinct: HashSet<u64> = seeds.iter().copied().collect();
            prop_assert_eq!(view.members.len(), distinct.len());
            for status in Status::ALL {
                let sum: usize = view.members.iter().map(|m| m.figures.indicators.count(status)).sum();
                prop_assert_eq!(view.totals.indicators.count(status), sum);
            }
            let actions: usize = view.members.iter().map(|m| m.figures.actions.total()).sum();
            prop_assert_eq!(view.totals.actions.total(), actions);
            for member in &view.members {
                let plan = plans.iter().find(|p| p.id == member.plan).expect("a member is a plan given");
                let alone = consolidate(&[plan], &Names::default(), as_of);
                prop_assert_eq!(&alone.members[0], member);
                prop_assert_eq!(alone.totals, member.figures);
            }
        }
    }

    fn day_of(offset: i64) -> NaiveDate {
        day(2023, 7, 1) + chrono::Duration::days(offset)
    }
}

#[test]
fn indicators_of_one_label_in_several_plans_are_proposed_as_one_match() {
    let pevr = fixtures::plan("plan-000-pevr");
    let mut other = fixtures::plan("plan-000-pevr");
    other.id = Id::new("autre-css");
    other.indicators[0].label = format!("  {}  ", other.indicators[0].label.to_uppercase());
    other.indicators[1].label = "Un indicateur propre à ce plan".into();
    let found = indicator_matches(&[&pevr, &other, &pevr]);
    let first = &found[0];
    assert_eq!(first.label, pevr.indicators[0].label);
    assert_eq!(
        first.indicators,
        vec![(pevr.id.clone(), pevr.indicators[0].id.clone()), (other.id.clone(), other.indicators[0].id.clone())]
    );
    let renamed = (other.id.clone(), other.indicators[1].id.clone());
    assert!(!found.iter().any(|m| m.indicators.contains(&renamed)), "a label of its own matches nothing");
    assert!(!found.iter().any(|m| m.label == "Un indicateur propre à ce plan"));
    assert!(indicator_matches(&[&pevr]).is_empty(), "one plan matches nothing with itself");
}

#[test]
fn each_plan_is_counted_at_its_own_levels_whatever_the_others() {
    // Three plans naming their levels three ways: no level is shared, each is counted.
    let plans = ["plan-000-pevr", "plan-001-regional", "plan-work-yearly-steps"].map(fixtures::plan);
    let refs: Vec<&Plan> = plans.iter().collect();
    let view = consolidate(&refs, &Names::default(), day(2026, 6, 30));
    assert!(view.levels.is_empty(), "the plans share no level name");
    for (member, plan) in view.members.iter().zip(&plans) {
        assert_eq!(member.held.elements_per_level.len(), plan.levels.len(), "{}", plan.title);
        for (depth, count) in member.held.elements_per_level.iter().enumerate() {
            assert_eq!(
                *count,
                plan.elements.iter().filter(|e| e.level == depth).count(),
                "{} level {depth}",
                plan.title
            );
        }
        assert_eq!(member.held.actions, plan.actions.len());
        assert_eq!(member.held.indicators, plan.indicators.len());
    }
    assert_eq!(view.members[0].held.elements_per_level, vec![2, 3, 6], "the PEVR's enjeux, orientations, objectives");
}

#[test]
fn a_plan_of_several_organisations_goes_by_its_title_or_the_coordinators_name() {
    let cooperative = fixtures::plan("plan-002-cooperative");
    assert!(cooperative.organisations.len() > 1);
    let pevr = fixtures::plan("plan-000-pevr");
    let none = Names::default();
    assert_eq!(none.of(&cooperative), cooperative.title, "none of its partners in particular");
    assert_eq!(none.of(&pevr), pevr.organisations[0].name, "a plan of one organisation is that organisation");
    let named = Names(vec![(cooperative.id.clone(), "  Coopérative des Hautes-Terres ".into())]);
    assert_eq!(named.of(&cooperative), "Coopérative des Hautes-Terres");
    assert_eq!(named.of(&pevr), pevr.organisations[0].name, "a name given another plan changes nothing here");
    let view = consolidate(&[&pevr, &cooperative], &named, day(2026, 6, 30));
    assert_eq!(view.members[1].name, "Coopérative des Hautes-Terres");
}
