//! The indicators as the indicators screen lists them: under their objectives, in the
//! tree's order, narrowed by an element of the tree (at any level above or at the
//! objectives) and by words found in the indicator's label, its source or its
//! objective's heading. Built once per revision of the plan: large plans hold thousands.

use crate::model::id::Id;
use crate::model::plan::Plan;
use std::collections::HashMap;

/// An objective as the list shows it.
pub struct Objective {
    pub id: Id,
    /// « Objectif 1.1.1 — Améliorer la lecture ».
    pub heading: String,
    /// The objective and every element above it: what the filter by element matches.
    pub scope: Vec<Id>,
}

/// One line of the list: an indicator, or an objective that has none yet (so that one
/// can be added to it).
pub struct Entry {
    /// Index into `Listing::objectives`.
    pub objective: usize,
    /// Index into `Plan::indicators`.
    pub indicator: Option<usize>,
    /// Lower-case text the search looks into.
    pub haystack: String,
}

pub struct Listing {
    pub objectives: Vec<Objective>,
    pub entries: Vec<Entry>,
    /// The filter's choices: every element down to the objectives, in the tree's order.
    pub elements: Vec<(Id, String)>,
}

/// Every indicator under its objective, in the tree's order.
pub fn listing(plan: &Plan) -> Listing {
    let codes = plan.codes();
    let named = |id: &Id| {
        let Some(e) = plan.element(id) else { return id.to_string() };
        let level = plan.level_name(e.level).map_or("", |n| n.singular.as_str());
        format!("{level} {} — {}", codes.get(id).map_or("", String::as_str), e.title)
    };
    let parents: HashMap<&Id, Option<&Id>> = plan.elements.iter().map(|e| (&e.id, e.parent.as_ref())).collect();
    let mut by_objective: HashMap<&Id, Vec<usize>> = HashMap::new();
    for (index, indicator) in plan.indicators.iter().enumerate() {
        by_objective.entry(&indicator.objective).or_default().push(index);
    }
    let mut objectives = Vec::new();
    let mut entries = Vec::new();
    for element in plan.objectives() {
        let heading = named(&element.id);
        let mut scope = vec![element.id.clone()];
        let mut current = element.parent.as_ref();
        while let Some(parent) = current.filter(|p| !scope.contains(p)) {
            scope.push(parent.clone());
            current = parents.get(parent).copied().flatten();
        }
        let objective = objectives.len();
        let indicators = by_objective.remove(&element.id).unwrap_or_default();
        if indicators.is_empty() {
            entries.push(Entry { objective, indicator: None, haystack: crate::calc::search::fold(&heading) });
        }
        for index in indicators {
            let i = &plan.indicators[index];
            let haystack = crate::calc::search::fold(&format!("{} {} {}", i.label, i.source, heading));
            entries.push(Entry { objective, indicator: Some(index), haystack });
        }
        objectives.push(Objective { id: element.id.clone(), heading, scope });
    }
    let elements = plan
        .elements
        .iter()
        .filter(|e| e.level <= plan.objective_level)
        .map(|e| (e.id.clone(), named(&e.id)))
        .collect();
    Listing { objectives, entries, elements }
}

/// The entries that match the chosen element and the search, by position in the list.
pub fn matching(listing: &Listing, scope: &str, query: &str) -> Vec<usize> {
    let query = crate::calc::search::query(query);
    listing
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            scope.is_empty() || listing.objectives[e.objective].scope.iter().any(|id| id.as_str() == scope)
        })
        .filter(|(_, e)| query.as_deref().is_none_or(|q| e.haystack.contains(q)))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::start::sample::sample_plan;

    fn labels(plan: &Plan, list: &Listing, shown: &[usize]) -> Vec<String> {
        shown.iter().filter_map(|e| list.entries[*e].indicator).map(|i| plan.indicators[i].label.clone()).collect()
    }

    #[test]
    fn every_indicator_is_listed_once_and_objectives_without_one_are_listed_too() {
        let plan = sample_plan();
        let list = listing(&plan);
        let all = matching(&list, "", "");
        assert_eq!(all.len(), list.entries.len());
        assert_eq!(labels(&plan, &list, &all).len(), plan.indicators.len());
        let bare = list.entries.iter().filter(|e| e.indicator.is_none()).count();
        let without = plan.objectives().filter(|o| !plan.indicators.iter().any(|i| i.objective == o.id)).count();
        assert_eq!(bare, without);
    }

    #[test]
    fn an_element_keeps_the_indicators_of_the_objectives_below_it() {
        let plan = sample_plan();
        let list = listing(&plan);
        let top = plan.elements.iter().find(|e| e.parent.is_none()).expect("a top element");
        let under: Vec<usize> = matching(&list, top.id.as_str(), "");
        assert!(!under.is_empty() && under.len() < list.entries.len(), "a part of the plan, not all of it");
        for entry in &under {
            let objective = &list.objectives[list.entries[*entry].objective];
            assert!(objective.scope.contains(&top.id), "{} is not under {}", objective.id, top.id);
        }
    }

    #[test]
    fn words_are_found_in_label_source_and_heading_whatever_their_case() {
        let plan = sample_plan();
        let list = listing(&plan);
        let first = &plan.indicators[0];
        let word = first.label.split_whitespace().max_by_key(|w| w.len()).expect("a word").to_uppercase();
        let found = labels(&plan, &list, &matching(&list, "", &format!("  {word} ")));
        assert!(found.contains(&first.label), "{word} finds {found:?}");
        assert!(matching(&list, "", "aucun indicateur ne contient ceci").is_empty());
    }
}
