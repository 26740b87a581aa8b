//! Which actions the actions table shows: those under an element of the tree, of one
//! responsible, with one partner, for one target group, at one status, or whose words
//! hold a text (case and accents ignored, see `search`).
//!
//! A filter returns indices into `Plan::actions`, in the plan's order, so that the
//! table can page through them without copying 5 000 actions.

use crate::model::action::{Action, ActionStatus};
use crate::model::id::Id;
use crate::model::plan::Plan;
use std::collections::{BTreeSet, HashMap, HashSet};

/// A status to filter on, at the table's checkpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusCriterion {
    Is(ActionStatus),
    /// No record at the checkpoint (« non rapporté »).
    NotReported,
}

/// What the user chose; every criterion left empty lets every action through.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Criteria {
    /// An element at any level: an action matches when one of its objectives is that
    /// element or lies under it.
    pub element: Option<Id>,
    /// The responsible, exactly as one of `Options::responsibles`.
    pub responsible: Option<String>,
    /// The carrier or one of the partners, exactly as one of `Options::partners`.
    pub partner: Option<String>,
    /// A target-group code, as one of `Options::groups`.
    pub group: Option<String>,
    pub status: Option<StatusCriterion>,
    /// Words found, ignoring case and accents, in the code, title, any text, list or
    /// step of the action.
    pub text: String,
}

impl Criteria {
    pub fn is_empty(&self) -> bool {
        *self == Criteria::default()
    }
}

/// The choices the filter's lists offer: every responsible and every partner named in
/// the plan, once each, sorted; the target groups, the plan's own first (with their
/// labels), then any code its actions use that it does not define.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    pub responsibles: Vec<String>,
    pub partners: Vec<String>,
    /// (code, label); the label is empty for a code the plan does not define.
    pub groups: Vec<(String, String)>,
}

pub fn options(plan: &Plan) -> Options {
    let mut responsibles = BTreeSet::new();
    let mut partners = BTreeSet::new();
    for action in &plan.actions {
        responsibles.insert(action.responsible.trim());
        partners.extend(partners_of(action));
    }
    let named = |set: BTreeSet<&str>| set.into_iter().filter(|s| !s.is_empty()).map(str::to_owned).collect();
    let mut groups: Vec<(String, String)> =
        plan.target_groups.iter().map(|g| (g.code.trim().to_owned(), g.label.clone())).collect();
    let used: BTreeSet<&str> = plan.actions.iter().flat_map(|a| a.groups.iter().map(|g| g.trim())).collect();
    for code in used {
        if !code.is_empty() && !groups.iter().any(|(c, _)| c == code) {
            groups.push((code.to_owned(), String::new()));
        }
    }
    Options { responsibles: named(responsibles), partners: named(partners), groups }
}

/// The carrier and the partners of an action, trimmed.
fn partners_of(action: &Action) -> impl Iterator<Item = &str> {
    std::iter::once(action.carrier.as_str()).chain(action.partners.iter().map(String::as_str)).map(str::trim)
}

/// The indices of the actions that meet every criterion, with statuses read at
/// `checkpoint` (no checkpoint: every action is « non rapporté »).
pub fn filter(plan: &Plan, criteria: &Criteria, checkpoint: Option<&Id>) -> Vec<usize> {
    let under = criteria.element.as_ref().map(|element| descendants(plan, element));
    let needle = crate::calc::search::query(&criteria.text);
    plan.actions
        .iter()
        .enumerate()
        .filter(|(_, action)| {
            under.as_ref().is_none_or(|set| action.objectives.iter().any(|o| set.contains(o)))
                && criteria.responsible.as_deref().is_none_or(|r| action.responsible.trim() == r)
                && criteria.partner.as_deref().is_none_or(|p| partners_of(action).any(|q| q == p))
                && criteria.group.as_deref().is_none_or(|g| action.groups.iter().any(|a| a.trim() == g))
                && criteria.status.is_none_or(|s| status_matches(action, checkpoint, s))
                && needle.as_deref().is_none_or(|needle| holds_text(action, needle))
        })
        .map(|(index, _)| index)
        .collect()
}

fn status_matches(action: &Action, checkpoint: Option<&Id>, criterion: StatusCriterion) -> bool {
    let status = checkpoint.and_then(|c| action.progress_at(c)).map(|r| r.status);
    match criterion {
        StatusCriterion::Is(wanted) => status == Some(wanted),
        StatusCriterion::NotReported => status.is_none(),
    }
}

/// The element and every element below it (a parent cycle, which the checks report,
/// is walked once).
fn descendants<'a>(plan: &'a Plan, element: &'a Id) -> HashSet<&'a Id> {
    let mut children: HashMap<&Id, Vec<&Id>> = HashMap::new();
    for e in &plan.elements {
        if let Some(parent) = &e.parent {
            children.entry(parent).or_default().push(&e.id);
        }
    }
    let mut found = HashSet::from([element]);
    let mut waiting = vec![element];
    while let Some(id) = waiting.pop() {
        for child in children.get(id).into_iter().flatten() {
            if found.insert(*child) {
                waiting.push(child);
            }
        }
    }
    found
}

/// Whether `needle` (folded by `search::query`) is in one of the action's texts.
fn holds_text(action: &Action, needle: &str) -> bool {
    let fields = [
        action.code.as_deref().unwrap_or(""),
        &action.title,
        &action.responsible,
        &action.carrier,
        &action.implementation,
        &action.services,
        &action.evaluation,
        &action.expected_results,
        &action.schedule.text,
    ];
    let lists = action.groups.iter().chain(&action.partners).map(String::as_str);
    let steps = action.steps.iter().flat_map(|s| [s.year.as_str(), s.text.as_str()]);
    let years = action.schedule.years.iter().map(String::as_str);
    fields.into_iter().chain(lists).chain(steps).chain(years).any(|text| crate::calc::search::holds(text, needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::load;
    use crate::start::generate::{large_plan, Spec};
    use crate::start::sample::sample_plan;
    use proptest::prelude::*;

    fn regional() -> Plan {
        load(include_str!("../../tests/fixtures/plan-001-regional.json")).expect("fixture loads")
    }

    fn ids(plan: &Plan, indices: &[usize]) -> Vec<String> {
        indices.iter().map(|i| plan.actions[*i].id.to_string()).collect()
    }

    #[test]
    fn an_element_at_any_level_takes_the_actions_of_the_objectives_under_it() {
        let plan = sample_plan();
        let all = filter(&plan, &Criteria::default(), None);
        assert_eq!(all.len(), plan.actions.len());
        let at = |element: &str| {
            let criteria = Criteria { element: Some(Id::new(element)), ..Criteria::default() };
            ids(&plan, &filter(&plan, &criteria, None))
        };
        assert_eq!(at("objectif-2"), ["moyen-cap", "moyen-math"]);
        assert_eq!(at("enjeu-1"), ["moyen-cap", "moyen-lecture", "moyen-math", "moyen-relance"]);
        assert_eq!(at("enjeu-2"), ["moyen-mentorat", "moyen-code-vie"]);
        assert!(at("element-disparu").is_empty());
    }

    #[test]
    fn responsible_and_partner_are_exact_and_the_carrier_counts_as_a_partner() {
        let plan = regional();
        let options = options(&plan);
        assert!(options.partners.contains(&"CCJH".to_string()), "{options:?}");
        assert!(options.responsibles.windows(2).all(|w| w[0] < w[1]), "sorted, once each");
        let with_partner = Criteria { partner: Some("CCJH".into()), ..Criteria::default() };
        let found = filter(&plan, &with_partner, None);
        assert!(found.iter().any(|i| plan.actions[*i].carrier == "CCJH"));
        assert!(found.iter().all(|i| partners_of(&plan.actions[*i]).any(|p| p == "CCJH")));
        let responsible = Criteria { responsible: Some("Coordination".into()), ..Criteria::default() };
        assert!(filter(&plan, &responsible, None).is_empty(), "a part of a name is not the name");
    }

    #[test]
    fn a_target_group_takes_the_actions_that_name_its_code_and_the_plan_s_groups_come_first() {
        let plan = load(include_str!("../../tests/fixtures/plan-five-levels.json")).expect("fixture loads");
        let listed = options(&plan).groups;
        assert_eq!(listed[0], ("1".to_owned(), "Jeunes".to_owned()));
        assert_eq!(listed.last().map(|(_, label)| label.as_str()), Some(""), "a code no group defines is offered too");
        let in_group = |code: &str| {
            let criteria = Criteria { group: Some(code.into()), ..Criteria::default() };
            ids(&plan, &filter(&plan, &criteria, None))
        };
        assert_eq!(in_group("4"), ["action-charte", "action-stages"]);
        assert_eq!(in_group("1"), ["action-trousses", "action-stages"]);
    }

    #[test]
    fn words_reach_the_steps_and_ignore_accents() {
        let plan = load(include_str!("../../tests/fixtures/plan-002-cooperative.json")).expect("fixture loads");
        let words = |text: &str| {
            let criteria = Criteria { text: text.into(), ..Criteria::default() };
            ids(&plan, &filter(&plan, &criteria, None))
        };
        assert_eq!(words("RECENSION DES OUTILS"), ["action-comite-clinique"]);
        assert_eq!(words("mise a l'essai dans deux ecoles"), ["action-cop-lecture"]);
    }

    #[test]
    fn status_is_read_at_the_checkpoint_and_no_record_is_not_reported() {
        let plan = regional();
        let checkpoint = plan.current_checkpoint().map(|c| c.id.clone());
        let done = Criteria { status: Some(StatusCriterion::Is(ActionStatus::Done)), ..Criteria::default() };
        let not_reported = Criteria { status: Some(StatusCriterion::NotReported), ..Criteria::default() };
        let done = filter(&plan, &done, checkpoint.as_ref());
        let silent = filter(&plan, &not_reported, checkpoint.as_ref());
        assert!(ids(&plan, &done).contains(&"activite-1-1-1".to_string()));
        assert!(ids(&plan, &silent).contains(&"activite-1-1-2".to_string()));
        assert_eq!(filter(&plan, &not_reported, None).len(), plan.actions.len());
    }

    #[test]
    fn free_text_ignores_case_and_searches_every_text() {
        let plan = sample_plan();
        let find =
            |text: &str| ids(&plan, &filter(&plan, &Criteria { text: text.into(), ..Criteria::default() }, None));
        assert_eq!(find("MENTOR"), ["moyen-mentorat"]);
        assert_eq!(find("orthopédagogues"), ["moyen-math"], "a target group");
        assert_eq!(find("  "), ids(&plan, &(0..plan.actions.len()).collect::<Vec<_>>()));
    }

    #[test]
    fn the_table_reports_the_latest_open_checkpoint() {
        let mut plan = sample_plan();
        assert_eq!(plan.current_checkpoint().map(|c| c.id.as_str()), Some(crate::start::sample::CHECKPOINT));
        let end = plan.period.end;
        crate::edit::followup::add_checkpoint(&mut plan, Id::new("fin"), "Fin", end).unwrap();
        assert_eq!(plan.current_checkpoint().map(|c| c.id.as_str()), Some("fin"));
        plan.checkpoints[1].closed = true;
        assert_eq!(plan.current_checkpoint().map(|c| c.id.as_str()), Some(crate::start::sample::CHECKPOINT));
        plan.checkpoints[0].closed = true;
        assert_eq!(plan.current_checkpoint().map(|c| c.id.as_str()), Some("fin"));
        plan.checkpoints.clear();
        assert_eq!(plan.current_checkpoint(), None);
    }

    /// Whether `objective` is `element` or below it, walking up from the objective.
    fn lies_under(plan: &Plan, objective: &Id, element: &Id) -> bool {
        let mut current = Some(objective);
        for _ in 0..=plan.elements.len() {
            match current {
                Some(id) if id == element => return true,
                Some(id) => current = plan.element(id).and_then(|e| e.parent.as_ref()),
                None => return false,
            }
        }
        false
    }

    fn criteria(plan: &Plan, picks: [usize; 6], words: &'static str) -> Criteria {
        let options = options(plan);
        let pick = |list: &[String], n: usize| (n < list.len()).then(|| list[n].clone());
        let statuses = ActionStatus::ALL.len();
        Criteria {
            element: (picks[0] < plan.elements.len()).then(|| plan.elements[picks[0]].id.clone()),
            responsible: pick(&options.responsibles, picks[1]),
            partner: pick(&options.partners, picks[2]),
            group: options.groups.get(picks[5]).map(|(code, _)| code.clone()),
            status: match picks[3] {
                n if n < statuses => Some(StatusCriterion::Is(ActionStatus::ALL[n])),
                n if n == statuses => Some(StatusCriterion::NotReported),
                _ => None,
            },
            text: if picks[4] % 2 == 0 { words.into() } else { String::new() },
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Every action returned meets every criterion, and every action left out fails one.
        #[test]
        fn filtering_returns_exactly_the_actions_that_meet_every_criterion(
            seed in any::<u64>(),
            picks in proptest::array::uniform6(0usize..40),
            words in proptest::sample::select(vec!["", "former", "ÉCOLE", "élèves", "zzz"]),
        ) {
            let plan = large_plan(&Spec { objectives: 24, indicators: 0, actions: 80, seed });
            let criteria = criteria(&plan, picks, words);
            let checkpoint = plan.current_checkpoint().map(|c| c.id.clone());
            let found: HashSet<usize> = filter(&plan, &criteria, checkpoint.as_ref()).into_iter().collect();
            for (index, action) in plan.actions.iter().enumerate() {
                let status = checkpoint.as_ref().and_then(|c| action.progress_at(c)).map(|r| r.status);
                let meets = criteria.element.as_ref().is_none_or(|e| action.objectives.iter().any(|o| lies_under(&plan, o, e)))
                    && criteria.responsible.as_ref().is_none_or(|r| &action.responsible == r)
                    && criteria.partner.as_ref().is_none_or(|p| &action.carrier == p || action.partners.contains(p))
                    && criteria.group.as_ref().is_none_or(|g| action.groups.contains(g))
                    && criteria.status.is_none_or(|s| match s {
                        StatusCriterion::Is(wanted) => status == Some(wanted),
                        StatusCriterion::NotReported => status.is_none(),
                    })
                    && (words.is_empty() || criteria.text.is_empty() || holds_text(action, &crate::calc::search::fold(words)));
                prop_assert_eq!(found.contains(&index), meets, "action {} with {:?}", action.id, criteria);
            }
        }
    }
}
