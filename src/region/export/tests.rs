use super::*;
use crate::calc::check::{check, Finding};
use crate::fixtures::{self, day};
use crate::format;
use crate::start::sample::sample_plan;

fn export(plans: &[&Plan]) -> Exported {
    regional_plan(plans, &Names::default(), Id::new("region"), "Plan régional".into(), None)
}

/// Four shapes: Enjeu → Orientation → Objectif; Projet stratégique → Objectif SMART with
/// a budget; four levels with target groups and an unnumbered section; Objectif alone.
const SHAPES: [&str; 4] =
    ["plan-000-pevr", "plan-002-cooperative", "plan-five-levels-per-enjeu", "plan-work-yearly-steps"];

fn shapes() -> Vec<Plan> {
    SHAPES.iter().map(|f| fixtures::plan(f)).collect()
}

/// The findings about the tree and its links, counted by kind.
fn structural(plan: &Plan) -> HashMap<&'static str, usize> {
    let mut counts = HashMap::new();
    for finding in check(plan) {
        let kind = match finding {
            Finding::LevelMismatch { .. } => "level",
            Finding::ObjectiveLevelMissing { .. } => "objective level",
            Finding::MissingReference { .. } => "reference",
            Finding::ParentCycle { .. } => "cycle",
            Finding::NotAnObjective { .. } => "not an objective",
            Finding::DuplicateCode { .. } => "code",
            _ => continue,
        };
        *counts.entry(kind).or_insert(0) += 1;
    }
    counts
}

/// No kind of structural finding is found more often in the region than in its members.
fn no_structural_finding_added(region: &Plan, members: &[&Plan]) -> Result<(), String> {
    let mut allowed: HashMap<&str, usize> = HashMap::new();
    for member in members {
        for (kind, count) in structural(member) {
            *allowed.entry(kind).or_insert(0) += count;
        }
    }
    for (kind, count) in structural(region) {
        if count > allowed.get(kind).copied().unwrap_or(0) {
            return Err(format!("{count} × {kind}: {:?}", check(region)));
        }
    }
    Ok(())
}

/// Every id the plan gives an entity, and the first given twice.
fn twice(plan: &Plan) -> Option<Id> {
    let mut plan = plan.clone();
    let mut seen: HashSet<Id> = HashSet::new();
    let first = entity_ids(&mut plan).find(|id| !seen.insert((**id).clone())).cloned();
    first
}

#[test]
fn plans_of_different_shapes_make_a_plan_that_checks_like_its_members() {
    let plans = shapes();
    let members: Vec<&Plan> = plans.iter().collect();
    let region = export(&members).plan;
    no_structural_finding_added(&region, &members).unwrap();
    assert_eq!(twice(&region), None);
    assert_eq!(region.sources.len(), plans.len());
    let top: Vec<&str> = region.children(None).map(|e| e.title.as_str()).collect();
    let names: Vec<String> = plans.iter().map(|p| Names::default().of(p)).collect();
    assert_eq!(top, names, "one element per member, in the order given");
    assert_eq!(region.levels[0].name.singular, "Organisation");
    assert_eq!(region.objective_level, 1 + 3, "the five-levels plan has three levels above its objectives");
}

#[test]
fn the_regional_plan_loads_and_saves_to_the_same_bytes() {
    let plans = shapes();
    let members: Vec<&Plan> = plans.iter().collect();
    let at = DateTime::from_timestamp(1_750_000_000, 0);
    let region =
        regional_plan(&members, &Names::default(), Id::new("region-2025"), "Plan régional 2025".into(), at).plan;
    assert_eq!(region.meta.modified, at);
    let text = format::save(&region);
    assert!(text.contains("\"version\": 3,"), "a plan with sources is written in version 3");
    let loaded = format::load(&text).expect("the regional plan loads");
    assert_eq!(loaded, region);
    assert!(format::save(&loaded) == text, "saved again, the bytes differ");
    let mut slices = format::Slices::new();
    while !slices.step(&region, 500) {}
    assert!(slices.into_text() == text, "written in slices, the bytes differ");
}

/// The member as the region holds it: the entities that name its organisation, their
/// ids and levels taken back to the member's. Codes are left as the region holds them
/// (typed where the region would count them otherwise), checked on their own.
fn taken_back(region: &Plan, source: &Source, member: &Plan) -> Plan {
    let back: HashMap<&Id, &Id> = source.renamed.iter().map(|r| (&r.to, &r.from)).collect();
    let offset = region.objective_level - levels_above(member);
    let origin = Some(&source.organisation);
    let from = |plan: &Plan, id: &Id| plan.element(id).is_some_and(|e| e.meta.origin.as_ref() == origin);
    let generated: HashSet<&Id> =
        region.elements.iter().filter(|e| from(region, &e.id) && e.level < offset).map(|e| &e.id).collect();
    let mut plan = member.clone();
    plan.elements = region.elements.iter().filter(|e| from(region, &e.id) && e.level >= offset).cloned().collect();
    plan.indicators = region.indicators.iter().filter(|i| i.meta.origin.as_ref() == origin).cloned().collect();
    plan.actions = region.actions.iter().filter(|a| a.meta.origin.as_ref() == origin).cloned().collect();
    for element in &mut plan.elements {
        element.level -= offset;
        if element.parent.as_ref().is_some_and(|p| generated.contains(p)) {
            element.parent = None;
        }
    }
    let take_back = |id: &mut Id| {
        if let Some(from) = back.get(&*id) {
            *id = (*from).clone();
        }
    };
    entity_ids(&mut plan).for_each(take_back);
    references(&mut plan).for_each(take_back);
    plan
}

/// The plan without its entities' origins and the elements' typed codes.
fn without_origin_and_codes(mut plan: Plan) -> Plan {
    for element in &mut plan.elements {
        element.meta.origin = None;
        element.code = None;
    }
    for indicator in &mut plan.indicators {
        indicator.meta.origin = None;
    }
    for action in &mut plan.actions {
        action.meta.origin = None;
        for record in &mut action.progress {
            record.meta.origin = None;
        }
    }
    plan
}

#[test]
fn every_element_indicator_and_action_keeps_its_content_and_says_where_it_came_from() {
    let mut plans = shapes();
    // Two members numbered differently, and one whose ids clash with another's.
    plans[1].settings.numbering = Numbering::PerLevel;
    let mut twin = fixtures::plan("plan-000-pevr");
    twin.id = Id::new("plan-jumeau");
    plans.push(twin);
    let members: Vec<&Plan> = plans.iter().collect();
    let region = export(&members).plan;
    let sum = |count: fn(&Plan) -> usize| plans.iter().map(count).sum::<usize>();
    assert_eq!(region.indicators.len(), sum(|p| p.indicators.len()));
    assert_eq!(region.actions.len(), sum(|p| p.actions.len()));
    assert_eq!(region.objectives().count(), sum(|p| p.objectives().count()));
    assert_eq!(region.budget.expenses.len(), sum(|p| p.budget.expenses.len()));
    let codes = region.codes();
    for (member, source) in plans.iter().zip(&region.sources) {
        assert_eq!(source.plan, member.id);
        let back = taken_back(&region, source, member);
        assert_eq!(back.elements.len(), member.elements.len(), "{}", member.id);
        for (element, kept) in member.elements.iter().zip(&back.elements) {
            let regional = source.renamed.iter().find(|r| r.from == element.id).map_or(&element.id, |r| &r.to);
            assert_eq!(codes[regional], member.code_of(&element.id), "{} shows its code", element.id);
            assert_eq!(kept.meta.origin.as_ref(), Some(&source.organisation));
        }
        for checkpoint in &member.checkpoints {
            let regional = source.renamed.iter().find(|r| r.from == checkpoint.id).map_or(&checkpoint.id, |r| &r.to);
            let kept = region.checkpoints.iter().find(|c| &c.id == regional).expect("a checkpoint of that id");
            assert_eq!(kept.date, checkpoint.date);
        }
        let (back, member) = (without_origin_and_codes(back), without_origin_and_codes((*member).clone()));
        assert_eq!(back.elements, member.elements, "{}", member.id);
        assert_eq!(back.indicators, member.indicators, "{}", member.id);
        assert_eq!(back.actions, member.actions, "{}", member.id);
    }
}

#[test]
fn the_same_plan_under_another_id_has_every_clashing_id_renamed() {
    let pevr = fixtures::plan("plan-000-pevr");
    let mut twin = pevr.clone();
    twin.id = Id::new("plan-jumeau");
    let region = export(&[&pevr, &twin]).plan;
    assert_eq!(twice(&region), None);
    assert!(region.sources[0].renamed.is_empty(), "the first member keeps its ids");
    let renamed: HashMap<&Id, &Id> = region.sources[1].renamed.iter().map(|r| (&r.from, &r.to)).collect();
    let mut copy = twin.clone();
    let checkpoints: HashSet<Id> = twin.checkpoints.iter().map(|c| c.id.clone()).collect();
    for id in entity_ids(&mut copy) {
        if checkpoints.contains(id) {
            assert!(!renamed.contains_key(id), "{id}: the same day's checkpoint is one");
        } else {
            assert!(renamed.get(id).is_some_and(|to| *to != id), "{id} is renamed");
        }
    }
    assert_eq!(renamed.len() + checkpoints.len(), entity_ids(&mut copy).count());
    assert_eq!(renamed[&Id::new("org-cssrh")], &Id::new("org-cssrh-2"));
    assert_eq!(region.checkpoints.len(), pevr.checkpoints.len());
    assert_eq!(region.organisations.len(), 2);
    assert_eq!(region.sources[1].organisation, Id::new("org-cssrh-2"));
    // The twin's links follow its renamed entities.
    let twin_action = &region.actions[pevr.actions.len()];
    assert_eq!(&twin_action.objectives[0], renamed[&twin.actions[0].objectives[0]]);
    assert_eq!(twin_action.progress[0].checkpoint, twin.actions[0].progress[0].checkpoint, "merged by date");
    assert!(format::load(&format::save(&region)).is_ok());
}

#[test]
fn the_same_plan_given_twice_is_one_member() {
    let plan = sample_plan();
    assert_eq!(export(&[&plan, &plan.clone()]), export(&[&plan]));
    assert_eq!(export(&[&plan, &plan]).plan.sources.len(), 1);
}

#[test]
fn a_plan_with_fewer_levels_hangs_under_sections_and_what_differs_is_listed() {
    let pevr = fixtures::plan("plan-000-pevr");
    let regional = fixtures::plan("plan-001-regional");
    let steps = fixtures::plan("plan-work-yearly-steps");
    let exported = export(&[&pevr, &regional, &steps]);
    let (region, unaligned) = (&exported.plan, &exported.unaligned);
    let names: Vec<&str> = region.levels.iter().map(|l| l.name.singular.as_str()).collect();
    assert_eq!(names, ["Organisation", "Enjeu / Axe", "Orientation / Thème", "Objectif"]);
    assert!(unaligned.contains(&Unaligned::LevelNames {
        depth: 1,
        names: vec![Noun::new("Enjeu", "Enjeux"), Noun::new("Axe", "Axes")]
    }));
    assert!(unaligned.contains(&Unaligned::MissingLevels { plan: steps.id.clone(), levels: vec![1, 2] }));
    // The steps plan's objectives sit under its element and two unnumbered sections.
    let first = &steps.elements[0].id;
    let renamed = region.sources[2].renamed.iter().find(|r| &r.from == first);
    let objective = region.element(renamed.map_or(first, |r| &r.to)).expect("kept");
    assert_eq!(objective.level, 3);
    let section = region.element(objective.parent.as_ref().unwrap()).unwrap();
    assert!(section.unnumbered() && section.level == 2);
    let above = region.element(section.parent.as_ref().unwrap()).unwrap();
    assert!(above.unnumbered() && above.level == 1);
    assert_eq!(region.element(above.parent.as_ref().unwrap()).unwrap().title, Names::default().of(&steps));
    assert_eq!(region.code_of(&objective.id), steps.code_of(&steps.elements[0].id));

    assert!(unaligned.contains(&Unaligned::ActionName {
        names: vec![Noun::new("Moyen", "Moyens"), Noun::new("Activité", "Activités")]
    }));
    assert_eq!(region.action_name.singular, "Moyen / Activité");
    assert_eq!(region.period, Period { start: day(2023, 7, 1), end: day(2027, 6, 30) });
    let periods: Vec<&Id> = unaligned
        .iter()
        .filter_map(|u| if let Unaligned::Period { plan, .. } = u { Some(plan) } else { None })
        .collect();
    assert_eq!(periods, [&regional.id, &steps.id], "the PEVR's period is the region's");
    let checkpoints: Vec<(NaiveDate, usize)> = unaligned
        .iter()
        .filter_map(
            |u| if let Unaligned::Checkpoint { date, plans, .. } = u { Some((*date, plans.len())) } else { None },
        )
        .collect();
    let dates: Vec<NaiveDate> = region.checkpoints.iter().map(|c| c.date).collect();
    assert_eq!(checkpoints, dates.iter().map(|d| (*d, 1)).collect::<Vec<_>>(), "no date shared");
    assert!(dates.is_sorted());
}

#[test]
fn checkpoints_of_one_day_are_one_and_every_members_progress_points_to_it() {
    let regional = fixtures::plan("plan-001-regional");
    let cooperative = fixtures::plan("plan-002-cooperative");
    let exported = export(&[&regional, &cooperative]);
    let region = &exported.plan;
    let june = region.checkpoints.iter().filter(|c| c.date == day(2025, 6, 13)).collect::<Vec<_>>();
    assert_eq!(june.len(), 1);
    assert_eq!(june[0].label, regional.checkpoints[0].label, "the first member's label");
    let january = &cooperative.checkpoints[0];
    assert_eq!(
        exported.unaligned.iter().filter(|u| matches!(u, Unaligned::Checkpoint { .. })).collect::<Vec<_>>(),
        [&Unaligned::Checkpoint {
            date: january.date,
            label: january.label.clone(),
            plans: vec![cooperative.id.clone()]
        }]
    );
    let known: HashSet<&Id> = region.checkpoints.iter().map(|c| &c.id).collect();
    assert!(region.actions.iter().flat_map(|a| &a.progress).all(|p| known.contains(&p.checkpoint)));
}

#[test]
fn target_groups_settings_and_budget_totals_that_differ_are_listed() {
    let five = fixtures::plan("plan-five-levels");
    let per_enjeu = fixtures::plan("plan-five-levels-per-enjeu");
    let cooperative = fixtures::plan("plan-002-cooperative");
    let mut other = cooperative.clone();
    other.id = Id::new("autre-cooperative");
    other.settings.on_track = 0.9;
    other.budget.stated.revenues = None;
    let exported = export(&[&five, &per_enjeu, &cooperative, &other]);
    let region = &exported.plan;
    assert_eq!(region.target_groups, five.target_groups, "one group per code, the first label");
    let differing: Vec<&str> = exported
        .unaligned
        .iter()
        .filter_map(|u| if let Unaligned::TargetGroup { code, .. } = u { Some(code.as_str()) } else { None })
        .collect();
    assert_eq!(differing, ["3", "4"]);
    assert!(exported.unaligned.contains(&Unaligned::Settings { plan: other.id.clone() }));
    assert_eq!(region.settings, five.settings);
    assert!(exported.unaligned.contains(&Unaligned::StatedTotals { plan: other.id.clone() }));
    assert_eq!(region.budget.stated.revenues, None, "stated by one member only");
    let expenses = cooperative.budget.stated.expenses.map(|e| e + e);
    assert_eq!(region.budget.stated.expenses, expenses, "stated by both, summed");
    let shares = region.budget.allocations.iter().flat_map(|a| &a.shares);
    let organisations: HashSet<&Id> = region.organisations.iter().map(|o| &o.id).collect();
    assert!(shares.clone().all(|s| organisations.contains(&s.organisation)));
    assert!(
        shares.clone().any(|s| s.organisation.as_str().ends_with("-2")),
        "the second's shares follow its organisations"
    );
}

#[test]
fn a_plan_without_organisations_gets_one_made_from_its_title() {
    let mut plan = sample_plan();
    plan.organisations.clear();
    let region = export(&[&plan]).plan;
    assert_eq!(region.organisations.len(), 1);
    assert_eq!(region.organisations[0].name, plan.title);
    assert_eq!(region.sources[0].organisation, region.organisations[0].id);
    assert!(region.elements.iter().all(|e| e.meta.origin.as_ref() == Some(&region.organisations[0].id)));
}

#[test]
fn a_plan_with_sources_is_version_3_and_a_version_2_file_naming_them_is_refused() {
    let plan = sample_plan();
    assert!(format::save(&plan).contains("\"version\": 2,"), "a plan without sources keeps version 2");
    let region = export(&[&plan]).plan;
    let text = format::save(&region);
    assert!(text.contains("\"version\": 3,"));
    let older = text.replace("\"version\": 3,", "\"version\": 2,");
    let error = format::load(&older).expect_err("refused");
    assert_eq!(error, format::LoadError::field("plan.sources", format::FieldProblem::Unknown));
}

mod properties {
    use super::*;
    use crate::format::tests::arbitrary;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_plans_make_a_plan_that_saves_loads_and_holds_each_id_once(
            plans in proptest::collection::vec(arbitrary::plan(), 1..=3),
        ) {
            let members: Vec<&Plan> = plans.iter().collect();
            let exported = export(&members);
            let region = &exported.plan;
            prop_assert_eq!(twice(region), None);
            let text = format::save(region);
            let loaded = format::load(&text);
            prop_assert!(loaded.is_ok(), "{:?}", loaded);
            let loaded = loaded.unwrap();
            prop_assert_eq!(&loaded, region);
            prop_assert_eq!(format::save(&loaded), text);
            prop_assert_eq!(no_structural_finding_added(region, &distinct(&members)), Ok(()));
            prop_assert_eq!(&exported, &export(&members), "the same plans give the same plan");
        }

        #[test]
        fn one_plan_keeps_its_objectives_indicators_and_actions(plan in arbitrary::plan()) {
            let region = export(&[&plan]).plan;
            prop_assert_eq!(region.objectives().count(), plan.objectives().count());
            prop_assert_eq!(region.indicators.len(), plan.indicators.len());
            prop_assert_eq!(region.actions.len(), plan.actions.len());
            prop_assert!(region.sources[0].renamed.is_empty());
        }
    }
}

#[test]
fn a_plan_of_several_partners_is_the_origin_of_its_elements_under_the_name_the_view_gives_it() {
    let plans = shapes();
    let refs: Vec<&Plan> = plans.iter().collect();
    let cooperative = &plans[1];
    assert!(cooperative.organisations.len() > 1, "a plan of several partners");
    let names = Names(vec![(cooperative.id.clone(), "Coopérative des Hautes-Terres".into())]);
    let region = regional_plan(&refs, &names, Id::new("region"), "Plan régional".into(), None).plan;
    let source = region.sources.iter().find(|s| s.plan == cooperative.id).unwrap();
    let origin = region.organisations.iter().find(|o| o.id == source.organisation).unwrap();
    assert_eq!(origin.name, "Coopérative des Hautes-Terres", "not its first partner");
    assert!(cooperative.organisations.iter().all(|o| o.name != origin.name));
    let top = region.children(None).nth(1).unwrap();
    assert_eq!(top.title, "Coopérative des Hautes-Terres");
    let mine = |meta: &Meta| meta.origin.as_ref() == Some(&source.organisation);
    let titles: Vec<&str> = region.elements.iter().filter(|e| mine(&e.meta)).map(|e| e.title.as_str()).collect();
    for element in &cooperative.elements {
        assert!(titles.contains(&element.title.as_str()), "{} from the cooperative", element.title);
    }
    let first = region.organisations.iter().find(|o| o.name == cooperative.organisations[0].name).unwrap();
    assert!(
        region.elements.iter().all(|e| e.meta.origin.as_ref() != Some(&first.id)),
        "nothing from its first partner"
    );
    // Every partner is still among the region's organisations.
    for partner in &cooperative.organisations {
        assert!(region.organisations.iter().any(|o| o.name == partner.name), "{}", partner.name);
    }
    // A plan of one organisation is that organisation, whatever the view's names.
    let pevr = &plans[0];
    let own = region.sources.iter().find(|s| s.plan == pevr.id).unwrap();
    let named = region.organisations.iter().find(|o| o.id == own.organisation).unwrap();
    assert_eq!(named.name, pevr.organisations[0].name);
}
