//! Changes to the plan's tree: add, edit, reorder, move and delete elements, and rename
//! the plan, its levels and its actions.
//!
//! The flat `Plan::elements` is the display order: an element's position among its
//! siblings is its place on screen and its automatic code. Every change keeps an
//! element and its descendants together in that list, so that a file stays readable
//! from top to bottom, and keeps every element one level below its parent.

use super::{Edited, Refused};
use crate::model::date::PlanDate;
use crate::model::element::Element;
use crate::model::id::Id;
use crate::model::level::Noun;
use crate::model::plan::Plan;
use std::collections::HashSet;

/// What a user edits on an element. `code` empty means the automatic code; `deadline`
/// and `smart` matter only at the objective level.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Details {
    pub title: String,
    pub code: String,
    /// Numbered by no one (a section such as « Coordination »): `code` is then unused.
    pub unnumbered: bool,
    pub description: String,
    pub deadline: Option<PlanDate>,
    pub smart: String,
}

impl Details {
    pub fn of(element: &Element) -> Details {
        Details {
            title: element.title.clone(),
            code: element.code.clone().unwrap_or_default(),
            unnumbered: element.unnumbered(),
            description: element.description.clone(),
            deadline: element.deadline,
            smart: element.smart.clone(),
        }
    }
}

/// What deleting an element takes with it, counted before the user confirms.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Impact {
    /// Descendants deleted with the element, per level (indexed like `Plan::levels`).
    pub descendants: Vec<usize>,
    /// Indicators of the deleted objectives.
    pub indicators: usize,
    /// Actions that lose a link to a deleted objective.
    pub actions_unlinked: usize,
    /// Among those, the actions left without any objective: they stay in the plan,
    /// and the checks report them.
    pub actions_orphaned: usize,
}

impl Impact {
    /// Whether the deletion takes nothing but the element itself.
    pub fn is_empty(&self) -> bool {
        self.descendants.iter().all(|n| *n == 0) && self.indicators == 0 && self.actions_unlinked == 0
    }
}

/// Adds an element at the top level (`parent` `None`) or under `parent`, one level
/// below it, as the last of its siblings.
pub fn add_element(plan: &mut Plan, id: Id, parent: Option<&Id>, title: &str) -> Edited {
    let level = match parent {
        None => 0,
        Some(parent_id) => {
            let parent = plan.element(parent_id).ok_or_else(|| Refused::NotFound(parent_id.clone()))?;
            parent.level + 1
        }
    };
    if level >= plan.levels.len() {
        // Below the last level there is nowhere to put it.
        return Err(Refused::WrongLevel(id));
    }
    let at = end_of_children(plan, parent);
    plan.elements.insert(at, Element::new(id.as_str(), level, parent.map(Id::as_str), title.trim()));
    Ok(())
}

/// Changes an element's title, code, description, deadline and SMART statement. Text
/// is trimmed; an empty code gives the element back its automatic code, and an
/// unnumbered element has none (its siblings' numbering skips it).
pub fn update_element(plan: &mut Plan, id: &Id, details: Details) -> Edited {
    let element = element_mut(plan, id)?;
    let code = details.code.trim();
    element.title = details.title.trim().to_owned();
    element.code = match details.unnumbered {
        true => Some(String::new()),
        false => (!code.is_empty()).then(|| code.to_owned()),
    };
    element.description = details.description.trim().to_owned();
    element.deadline = details.deadline;
    element.smart = details.smart.trim().to_owned();
    Ok(())
}

/// Changes an objective's SMART statement alone (the objective's page edits it).
pub fn set_smart(plan: &mut Plan, id: &Id, smart: &str) -> Edited {
    element_mut(plan, id)?.smart = smart.trim().to_owned();
    Ok(())
}

/// Changes an objective's deadline alone.
pub fn set_deadline(plan: &mut Plan, id: &Id, deadline: Option<PlanDate>) -> Edited {
    element_mut(plan, id)?.deadline = deadline;
    Ok(())
}

/// Moves an element before its previous sibling. The first stays where it is.
pub fn move_up(plan: &mut Plan, id: &Id) -> Edited {
    let element = plan.element(id).ok_or_else(|| Refused::NotFound(id.clone()))?;
    let siblings: Vec<Id> = plan.children(element.parent.as_ref()).map(|e| e.id.clone()).collect();
    let Some(previous) = siblings.iter().position(|s| s == id).and_then(|p| p.checked_sub(1)) else {
        return Ok(());
    };
    let block = take_block(plan, id);
    let at = index_of(plan, &siblings[previous]);
    plan.elements.splice(at..at, block);
    Ok(())
}

/// Moves an element after its next sibling. The last stays where it is.
pub fn move_down(plan: &mut Plan, id: &Id) -> Edited {
    let element = plan.element(id).ok_or_else(|| Refused::NotFound(id.clone()))?;
    let siblings: Vec<Id> = plan.children(element.parent.as_ref()).map(|e| e.id.clone()).collect();
    let Some(next) = siblings.iter().position(|s| s == id).map(|p| p + 1).filter(|n| *n < siblings.len()) else {
        return Ok(());
    };
    let block = take_block(plan, id);
    let at = end_of_block(plan, &siblings[next]);
    plan.elements.splice(at..at, block);
    Ok(())
}

/// Moves an element, with its descendants, under another parent of the level just
/// above its own (`None`: to the top level), as the parent's last child.
pub fn move_to(plan: &mut Plan, id: &Id, parent: Option<&Id>) -> Edited {
    let element = plan.element(id).ok_or_else(|| Refused::NotFound(id.clone()))?;
    if element.parent.as_ref() == parent {
        return Ok(());
    }
    let level = element.level;
    let parent_level = match parent {
        None => None,
        Some(parent_id) => {
            let parent = plan.element(parent_id).ok_or_else(|| Refused::NotFound(parent_id.clone()))?;
            if subtree(plan, id).contains(parent_id) {
                return Err(Refused::WouldCycle(id.clone()));
            }
            Some(parent.level)
        }
    };
    let fits = match parent_level {
        None => level == 0,
        Some(above) => above + 1 == level,
    };
    if !fits {
        return Err(Refused::WrongLevel(id.clone()));
    }
    let mut block = take_block(plan, id);
    block[0].parent = parent.cloned();
    let at = end_of_children(plan, parent);
    plan.elements.splice(at..at, block);
    Ok(())
}

/// The parents an element may be moved under: every element of the tree at the level
/// just above its own, except its current parent, in display order. The top level's
/// elements have none: they can only be reordered. Elements outside the tree are never
/// offered: what moved under them would vanish from the tree too.
pub fn valid_parents<'a>(plan: &'a Plan, id: &Id) -> Vec<&'a Element> {
    let Some(element) = plan.element(id) else { return Vec::new() };
    let Some(above) = element.level.checked_sub(1) else { return Vec::new() };
    let outside = outside_ids(plan);
    plan.elements
        .iter()
        .filter(|e| e.level == above && Some(&e.id) != element.parent.as_ref() && !outside.contains(&e.id))
        .collect()
}

/// Puts an element that is outside the tree (its parent missing, or in a parent cycle)
/// back into it, with everything below it: under `parent`, an element of the tree at
/// the level just above its own, or at the top level (`None`) when its level is the
/// first. Leaving a cycle is legal; the new parent, being in the tree, is never below
/// the element, so no new cycle can form.
pub fn put_back(plan: &mut Plan, id: &Id, parent: Option<&Id>) -> Edited {
    plan.element(id).ok_or_else(|| Refused::NotFound(id.clone()))?;
    if let Some(parent) = parent {
        plan.element(parent).ok_or_else(|| Refused::NotFound(parent.clone()))?;
        if outside_ids(plan).contains(parent) {
            return Err(Refused::OutsideTree(parent.clone()));
        }
    }
    move_to(plan, id, parent)
}

/// Where an element outside the tree may be put back: the top level (`None`) for an
/// element of the first level, else every element of the tree at the level just above.
pub fn put_back_places<'a>(plan: &'a Plan, id: &Id) -> Vec<Option<&'a Element>> {
    let Some(element) = plan.element(id) else { return Vec::new() };
    PutBackPlaces::new(plan).at(element.level)
}

/// Where the elements outside the tree may be put back, level by level: what lies
/// outside the tree is found once for a whole list of them, not once per element.
pub struct PutBackPlaces<'a> {
    plan: &'a Plan,
    outside: HashSet<Id>,
}

impl<'a> PutBackPlaces<'a> {
    pub fn new(plan: &'a Plan) -> PutBackPlaces<'a> {
        PutBackPlaces { plan, outside: outside_ids(plan) }
    }

    /// `put_back_places` of an element at `level`.
    pub fn at(&self, level: usize) -> Vec<Option<&'a Element>> {
        let Some(above) = level.checked_sub(1) else { return vec![None] };
        self.plan.elements.iter().filter(|e| e.level == above && !self.outside.contains(&e.id)).map(Some).collect()
    }
}

fn outside_ids(plan: &Plan) -> HashSet<Id> {
    plan.outside_tree().into_iter().map(|(i, _)| plan.elements[i].id.clone()).collect()
}

/// Deletes an element with its descendants, the indicators of the deleted objectives,
/// and the actions' links to them. An action left without any objective stays in the
/// plan: its work is not lost, and the checks point it out.
pub fn delete_element(plan: &mut Plan, id: &Id) -> Edited {
    if plan.element(id).is_none() {
        return Err(Refused::NotFound(id.clone()));
    }
    let gone = subtree(plan, id);
    plan.elements.retain(|e| !gone.contains(&e.id));
    plan.indicators.retain(|i| !gone.contains(&i.objective));
    for action in &mut plan.actions {
        action.objectives.retain(|o| !gone.contains(o));
    }
    Ok(())
}

/// What `delete_element` would take with it; `None` when the element is not in the plan.
pub fn deletion_impact(plan: &Plan, id: &Id) -> Option<Impact> {
    plan.element(id)?;
    let gone = subtree(plan, id);
    let mut descendants = vec![0; plan.levels.len()];
    for element in plan.elements.iter().filter(|e| gone.contains(&e.id) && &e.id != id) {
        if let Some(count) = descendants.get_mut(element.level) {
            *count += 1;
        }
    }
    let indicators = plan.indicators.iter().filter(|i| gone.contains(&i.objective)).count();
    let losing: Vec<_> = plan.actions.iter().filter(|a| a.objectives.iter().any(|o| gone.contains(o))).collect();
    let actions_orphaned = losing.iter().filter(|a| a.objectives.iter().all(|o| gone.contains(o))).count();
    Some(Impact { descendants, indicators, actions_unlinked: losing.len(), actions_orphaned })
}

/// Renames one of the plan's levels (the index counts from the top, 0). A blank form
/// keeps the current word: every heading needs one.
pub fn rename_level(plan: &mut Plan, level: usize, name: Noun) -> Edited {
    let Some(current) = plan.levels.get_mut(level) else {
        return Err(Refused::NotFound(Id::new((level + 1).to_string())));
    };
    current.name = kept_noun(&current.name, name);
    Ok(())
}

/// Renames what the plan calls its actions (« moyen », « activité », « action »).
pub fn rename_actions(plan: &mut Plan, name: Noun) -> Edited {
    plan.action_name = kept_noun(&plan.action_name, name);
    Ok(())
}

/// Renames the levels from the top, then the actions when `actions` is given: the level
/// names form saves them all at once, as one change.
pub fn rename_levels(plan: &mut Plan, levels: Vec<Noun>, actions: Option<Noun>) -> Edited {
    for (level, name) in levels.into_iter().enumerate() {
        rename_level(plan, level, name)?;
    }
    actions.map_or(Ok(()), |name| rename_actions(plan, name))
}

/// Changes the plan's title as typed, untrimmed: the header's field sets it at every
/// keystroke, and trimming would swallow the space before the next word.
pub fn set_title(plan: &mut Plan, title: String) -> Edited {
    plan.title = title;
    Ok(())
}

fn kept_noun(current: &Noun, new: Noun) -> Noun {
    let keep = |new: &str, old: &str| if new.trim().is_empty() { old.to_owned() } else { new.trim().to_owned() };
    Noun { singular: keep(&new.singular, &current.singular), plural: keep(&new.plural, &current.plural) }
}

fn element_mut<'a>(plan: &'a mut Plan, id: &Id) -> Result<&'a mut Element, Refused> {
    plan.elements.iter_mut().find(|e| &e.id == id).ok_or_else(|| Refused::NotFound(id.clone()))
}

fn index_of(plan: &Plan, id: &Id) -> usize {
    plan.elements.iter().position(|e| &e.id == id).unwrap_or(plan.elements.len())
}

/// The element and all its descendants. A parent cycle in a damaged file ends the walk
/// instead of looping.
fn subtree(plan: &Plan, id: &Id) -> HashSet<Id> {
    let mut found = HashSet::from([id.clone()]);
    let mut grew = true;
    while grew {
        grew = false;
        for element in &plan.elements {
            if element.parent.as_ref().is_some_and(|p| found.contains(p)) && found.insert(element.id.clone()) {
                grew = true;
            }
        }
    }
    found
}

/// Removes the element and its descendants from the flat list, keeping their order,
/// and returns them, the element first.
fn take_block(plan: &mut Plan, id: &Id) -> Vec<Element> {
    let members = subtree(plan, id);
    let (mut block, rest): (Vec<Element>, Vec<Element>) =
        std::mem::take(&mut plan.elements).into_inner().into_iter().partition(|e| members.contains(&e.id));
    plan.elements = rest.into();
    if let Some(head) = block.iter().position(|e| &e.id == id) {
        let element = block.remove(head);
        block.insert(0, element);
    }
    block
}

/// The index just after the element and its descendants.
fn end_of_block(plan: &Plan, id: &Id) -> usize {
    let members = subtree(plan, id);
    plan.elements.iter().rposition(|e| members.contains(&e.id)).map_or(plan.elements.len(), |i| i + 1)
}

/// Where a new last child of `parent` goes: after the parent's descendants, or at the
/// end of the list for the top level.
fn end_of_children(plan: &Plan, parent: Option<&Id>) -> usize {
    match parent {
        None => plan.elements.len(),
        Some(parent) => end_of_block(plan, parent),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::check::{check, Finding};
    use crate::start::sample::sample_plan;
    use proptest::prelude::*;

    fn id(text: &str) -> Id {
        Id::new(text)
    }

    /// The plan's tree as « code title » lines in display order, depth first.
    fn outline(plan: &Plan) -> Vec<String> {
        fn walk(plan: &Plan, parent: Option<&Id>, out: &mut Vec<String>) {
            for child in plan.children(parent) {
                out.push(format!("{} {}", plan.code_of(&child.id), child.id));
                walk(plan, Some(&child.id), out);
            }
        }
        let mut out = Vec::new();
        walk(plan, None, &mut out);
        out
    }

    fn ids(plan: &Plan) -> Vec<&str> {
        plan.elements.iter().map(|e| e.id.as_str()).collect()
    }

    /// The sample with automatic codes everywhere, so that positions show in codes.
    fn automatic() -> Plan {
        let mut plan = sample_plan();
        for element in &mut plan.elements {
            element.code = None;
        }
        plan
    }

    fn structure_findings(plan: &Plan) -> Vec<Finding> {
        check(plan)
            .into_iter()
            .filter(|f| matches!(f, Finding::LevelMismatch { .. } | Finding::MissingReference { .. }))
            .collect()
    }

    #[test]
    fn a_child_goes_after_its_last_sibling_and_its_descendants() {
        let mut plan = automatic();
        add_element(&mut plan, id("objectif-6"), Some(&id("orientation-1-1")), "  Un nouvel objectif ").unwrap();
        let added = plan.element(&id("objectif-6")).unwrap();
        assert_eq!((added.level, added.title.as_str()), (2, "Un nouvel objectif"));
        assert_eq!(plan.code_of(&id("objectif-6")), "1.1.4");
        assert_eq!(ids(&plan)[5], "objectif-6", "right after objectif-3, before enjeu-2");
    }

    #[test]
    fn a_top_level_element_goes_last() {
        let mut plan = automatic();
        add_element(&mut plan, id("enjeu-3"), None, "Un troisième enjeu").unwrap();
        assert_eq!(plan.elements.last().unwrap().id, id("enjeu-3"));
        assert_eq!(plan.code_of(&id("enjeu-3")), "3");
        assert_eq!(plan.element(&id("enjeu-3")).unwrap().level, 0);
    }

    #[test]
    fn nothing_is_added_below_the_last_level_or_under_a_missing_parent() {
        let mut plan = sample_plan();
        let before = plan.clone();
        assert_eq!(add_element(&mut plan, id("x"), Some(&id("objectif-1")), "x"), Err(Refused::WrongLevel(id("x"))));
        assert_eq!(add_element(&mut plan, id("x"), Some(&id("absent")), "x"), Err(Refused::NotFound(id("absent"))));
        assert_eq!(plan, before);
    }

    #[test]
    fn details_are_trimmed_and_an_empty_code_is_automatic_again() {
        let mut plan = automatic();
        let target = id("objectif-2");
        let details = Details {
            title: " Réussir en mathématique ".into(),
            code: " 2-A ".into(),
            unnumbered: false,
            description: "Au primaire".into(),
            deadline: PlanDate::parse("2026-06"),
            smart: " Passer de 66 % à 75 %. ".into(),
        };
        update_element(&mut plan, &target, details.clone()).unwrap();
        let element = plan.element(&target).unwrap();
        assert_eq!(
            Details::of(element),
            Details {
                title: "Réussir en mathématique".into(),
                code: "2-A".into(),
                smart: "Passer de 66 % à 75 %.".into(),
                ..details.clone()
            }
        );
        assert_eq!(plan.code_of(&target), "2-A");
        update_element(&mut plan, &target, Details { code: "  ".into(), ..details }).unwrap();
        assert_eq!(plan.element(&target).unwrap().code, None);
        assert_eq!(plan.code_of(&target), "1.1.2");
        assert_eq!(update_element(&mut plan, &id("absent"), Details::default()), Err(Refused::NotFound(id("absent"))));
    }

    #[test]
    fn an_element_marked_unnumbered_has_no_code_and_its_siblings_skip_it() {
        let mut plan = automatic();
        let first = id("objectif-1");
        let details = Details { unnumbered: true, ..Details::of(plan.element(&first).unwrap()) };
        update_element(&mut plan, &first, details).unwrap();
        assert_eq!(plan.code_of(&first), "");
        assert_eq!(plan.code_of(&id("objectif-2")), "1.1.1", "the next one takes the first number");
        assert!(Details::of(plan.element(&first).unwrap()).unnumbered);
        let numbered = Details { unnumbered: false, ..Details::of(plan.element(&first).unwrap()) };
        update_element(&mut plan, &first, numbered).unwrap();
        assert_eq!(plan.code_of(&first), "1.1.1");
    }

    #[test]
    fn smart_statement_and_deadline_alone() {
        let mut plan = sample_plan();
        set_smart(&mut plan, &id("objectif-5"), " Atteindre 90 %. ").unwrap();
        set_deadline(&mut plan, &id("objectif-5"), PlanDate::parse("2027")).unwrap();
        let element = plan.element(&id("objectif-5")).unwrap();
        assert_eq!((element.smart.as_str(), element.deadline), ("Atteindre 90 %.", PlanDate::year(2027)));
        assert_eq!(set_smart(&mut plan, &id("absent"), ""), Err(Refused::NotFound(id("absent"))));
        assert_eq!(set_deadline(&mut plan, &id("absent"), None), Err(Refused::NotFound(id("absent"))));
    }

    #[test]
    fn moving_up_and_down_swaps_siblings_with_their_descendants() {
        let mut plan = automatic();
        move_up(&mut plan, &id("enjeu-2")).unwrap();
        assert_eq!(
            outline(&plan)[..5],
            ["1 enjeu-2", "1.1 orientation-2-1", "1.1.1 objectif-4", "1.2 orientation-2-2", "1.2.1 objectif-5",]
        );
        assert_eq!(ids(&plan)[..5], ["enjeu-2", "orientation-2-1", "objectif-4", "orientation-2-2", "objectif-5"]);
        move_down(&mut plan, &id("enjeu-2")).unwrap();
        assert_eq!(plan, automatic());

        move_down(&mut plan, &id("objectif-1")).unwrap();
        assert_eq!(plan.code_of(&id("objectif-2")), "1.1.1");
        assert_eq!(plan.code_of(&id("objectif-1")), "1.1.2");
    }

    #[test]
    fn the_first_does_not_move_up_nor_the_last_down() {
        let mut plan = automatic();
        move_up(&mut plan, &id("enjeu-1")).unwrap();
        move_down(&mut plan, &id("objectif-3")).unwrap();
        assert_eq!(plan, automatic());
        assert_eq!(move_up(&mut plan, &id("absent")), Err(Refused::NotFound(id("absent"))));
        assert_eq!(move_down(&mut plan, &id("absent")), Err(Refused::NotFound(id("absent"))));
    }

    #[test]
    fn moving_under_another_parent_makes_it_the_last_child() {
        let mut plan = automatic();
        move_to(&mut plan, &id("orientation-1-1"), Some(&id("enjeu-2"))).unwrap();
        assert_eq!(
            outline(&plan),
            [
                "1 enjeu-1",
                "2 enjeu-2",
                "2.1 orientation-2-1",
                "2.1.1 objectif-4",
                "2.2 orientation-2-2",
                "2.2.1 objectif-5",
                "2.3 orientation-1-1",
                "2.3.1 objectif-1",
                "2.3.2 objectif-2",
                "2.3.3 objectif-3",
            ]
        );
        assert_eq!(ids(&plan), outline(&plan).iter().map(|l| l.split(' ').nth(1).unwrap()).collect::<Vec<_>>());
        assert!(structure_findings(&plan).is_empty());
    }

    #[test]
    fn a_move_to_the_wrong_level_or_into_itself_is_refused() {
        let mut plan = sample_plan();
        let before = plan.clone();
        let objective = id("objectif-1");
        assert_eq!(move_to(&mut plan, &objective, Some(&id("enjeu-2"))), Err(Refused::WrongLevel(objective.clone())));
        assert_eq!(move_to(&mut plan, &objective, None), Err(Refused::WrongLevel(objective.clone())));
        assert_eq!(
            move_to(&mut plan, &id("enjeu-1"), Some(&id("objectif-1"))),
            Err(Refused::WouldCycle(id("enjeu-1")))
        );
        assert_eq!(move_to(&mut plan, &objective, Some(&objective)), Err(Refused::WouldCycle(objective.clone())));
        assert_eq!(move_to(&mut plan, &objective, Some(&id("absent"))), Err(Refused::NotFound(id("absent"))));
        assert_eq!(move_to(&mut plan, &id("absent"), None), Err(Refused::NotFound(id("absent"))));
        assert_eq!(plan, before);
        move_to(&mut plan, &objective, Some(&id("orientation-1-1"))).unwrap();
        assert_eq!(plan, before, "a move to the current parent changes nothing");
    }

    #[test]
    fn valid_parents_are_the_other_elements_of_the_level_above() {
        let plan = sample_plan();
        let names = |id: &Id| valid_parents(&plan, id).iter().map(|e| e.id.to_string()).collect::<Vec<_>>();
        assert_eq!(names(&id("objectif-4")), ["orientation-1-1", "orientation-2-2"]);
        assert_eq!(names(&id("orientation-1-1")), ["enjeu-2"]);
        assert!(names(&id("enjeu-1")).is_empty());
        assert!(names(&id("absent")).is_empty());
    }

    /// The sample with enjeu-2 and orientation-2-1 each other's parent, and
    /// orientation-1-1 under an enjeu that is not in the plan.
    fn detached() -> Plan {
        let mut plan = automatic();
        for element in &mut plan.elements {
            match element.id.as_str() {
                "enjeu-2" => element.parent = Some(id("orientation-2-1")),
                "orientation-1-1" => element.parent = Some(id("enjeu-disparu")),
                _ => {}
            }
        }
        plan
    }

    fn outside(plan: &Plan) -> Vec<&str> {
        plan.outside_tree().into_iter().map(|(i, _)| plan.elements[i].id.as_str()).collect()
    }

    #[test]
    fn an_element_in_a_cycle_is_put_back_at_the_top_with_all_it_holds() {
        let mut plan = detached();
        assert_eq!(
            outside(&plan),
            [
                "orientation-1-1",
                "objectif-1",
                "objectif-2",
                "objectif-3",
                "enjeu-2",
                "orientation-2-1",
                "objectif-4",
                "orientation-2-2",
                "objectif-5"
            ]
        );
        let places = |plan: &Plan, of: &str| {
            put_back_places(plan, &id(of)).iter().map(|p| p.map(|e| e.id.to_string())).collect::<Vec<_>>()
        };
        assert_eq!(places(&plan, "enjeu-2"), [None]);
        assert_eq!(
            places(&plan, "orientation-1-1"),
            [Some("enjeu-1".to_string())],
            "enjeu-2 is in the cycle: not offered"
        );
        assert!(
            valid_parents(&plan, &id("objectif-1")).is_empty(),
            "nor, for a move, the orientations outside the tree"
        );

        put_back(&mut plan, &id("enjeu-2"), None).unwrap();
        assert_eq!(outside(&plan), ["orientation-1-1", "objectif-1", "objectif-2", "objectif-3"]);
        assert!(outline(&plan).contains(&"2.1.1 objectif-4".to_string()), "{:?}", outline(&plan));
        put_back(&mut plan, &id("orientation-1-1"), Some(&id("enjeu-1"))).unwrap();
        assert_eq!(outside(&plan), Vec::<&str>::new());
        assert_eq!(structure_findings(&plan), []);
        assert_eq!(
            outline(&plan)[..3],
            ["1 enjeu-1".to_string(), "1.1 orientation-1-1".into(), "1.1.1 objectif-1".into()]
        );
    }

    #[test]
    fn putting_back_under_an_element_outside_the_tree_or_off_its_level_is_refused() {
        let mut plan = detached();
        let before = plan.clone();
        assert_eq!(
            put_back(&mut plan, &id("orientation-1-1"), Some(&id("enjeu-2"))),
            Err(Refused::OutsideTree(id("enjeu-2")))
        );
        assert_eq!(put_back(&mut plan, &id("orientation-1-1"), None), Err(Refused::WrongLevel(id("orientation-1-1"))));
        assert_eq!(
            put_back(&mut plan, &id("orientation-2-1"), Some(&id("objectif-5"))),
            Err(Refused::OutsideTree(id("objectif-5")))
        );
        assert_eq!(put_back(&mut plan, &id("absent"), None), Err(Refused::NotFound(id("absent"))));
        assert_eq!(plan, before);
    }

    #[test]
    fn deleting_an_enjeu_takes_its_branch_its_indicators_and_its_links() {
        let mut plan = sample_plan();
        plan.actions[0].objectives.push(id("objectif-4")); // moyen-cap also serves enjeu 2
        let impact = deletion_impact(&plan, &id("enjeu-1")).unwrap();
        assert_eq!(
            impact,
            Impact { descendants: vec![0, 1, 3], indicators: 4, actions_unlinked: 4, actions_orphaned: 3 }
        );
        assert!(!impact.is_empty());

        delete_element(&mut plan, &id("enjeu-1")).unwrap();
        assert_eq!(ids(&plan), ["enjeu-2", "orientation-2-1", "objectif-4", "orientation-2-2", "objectif-5"]);
        assert_eq!(plan.indicators.len(), 2);
        let links: Vec<(&str, usize)> = plan.actions.iter().map(|a| (a.id.as_str(), a.objectives.len())).collect();
        assert_eq!(
            links,
            [
                ("moyen-cap", 1),
                ("moyen-lecture", 0),
                ("moyen-math", 0),
                ("moyen-relance", 0),
                ("moyen-mentorat", 1),
                ("moyen-code-vie", 1),
            ]
        );
        assert_eq!(plan.code_of(&id("enjeu-2")), "1");
        assert!(structure_findings(&plan).is_empty());
        let orphans = check(&plan).into_iter().filter(|f| matches!(f, Finding::ActionWithoutObjective { .. })).count();
        assert_eq!(orphans, 3, "the checks report the actions left without objective");
    }

    #[test]
    fn deleting_a_bare_element_takes_nothing_else() {
        let mut plan = sample_plan();
        add_element(&mut plan, id("enjeu-3"), None, "Vide").unwrap();
        assert!(deletion_impact(&plan, &id("enjeu-3")).unwrap().is_empty());
        delete_element(&mut plan, &id("enjeu-3")).unwrap();
        assert_eq!(plan, sample_plan());
        assert_eq!(deletion_impact(&plan, &id("absent")), None);
        assert_eq!(delete_element(&mut plan, &id("absent")), Err(Refused::NotFound(id("absent"))));
    }

    #[test]
    fn levels_and_actions_are_renamed_and_blank_words_kept() {
        let mut plan = sample_plan();
        rename_level(&mut plan, 0, Noun::new(" Axe ", "Axes")).unwrap();
        rename_level(&mut plan, 1, Noun::new("", "Thèmes")).unwrap();
        rename_actions(&mut plan, Noun::new("Activité", " ")).unwrap();
        assert_eq!(plan.levels[0].name, Noun::new("Axe", "Axes"));
        assert_eq!(plan.levels[1].name, Noun::new("Orientation", "Thèmes"));
        assert_eq!(plan.action_name, Noun::new("Activité", "Moyens"));
        assert_eq!(rename_level(&mut plan, 3, Noun::new("a", "b")), Err(Refused::NotFound(id("4"))));
    }

    #[derive(Debug, Clone)]
    enum Step {
        Add(usize),
        AddTop,
        Up(usize),
        Down(usize),
        Move(usize, usize),
        Delete(usize),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (0..20usize).prop_map(Step::Add),
            Just(Step::AddTop),
            (0..20usize).prop_map(Step::Up),
            (0..20usize).prop_map(Step::Down),
            (0..20usize, 0..20usize).prop_map(|(a, b)| Step::Move(a, b)),
            (0..20usize).prop_map(Step::Delete),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// However a file's parents are damaged, putting back the first element outside
        /// the tree, at its first place, brings at least it back and never sends anything
        /// out: the tree only grows, until nothing is outside or nowhere fits.
        #[test]
        fn putting_back_only_ever_brings_elements_back(damage in proptest::collection::vec((0usize..20, 0usize..22), 1..6)) {
            let mut plan = automatic();
            let n = plan.elements.len();
            for (who, parent) in damage {
                // Beyond the plan's elements: a parent that is not in the plan.
                let parent = plan.elements.get(parent).map_or_else(|| id("disparu"), |e| e.id.clone());
                plan.elements[who % n].parent = Some(parent);
            }
            loop {
                let out = outside(&plan).into_iter().map(str::to_owned).collect::<Vec<_>>();
                let Some((first, place)) = out.iter().find_map(|o| {
                    put_back_places(&plan, &id(o)).first().map(|p| (o.clone(), p.map(|e| e.id.clone())))
                }) else { break };
                put_back(&mut plan, &id(&first), place.as_ref()).unwrap();
                let now = outside(&plan);
                prop_assert!(!now.contains(&first.as_str()), "{first} is still outside");
                prop_assert!(now.iter().all(|o| out.contains(&o.to_string())), "{now:?} after {out:?}");
            }
        }

        /// Whatever the user does, every element stays one level below its parent,
        /// every link points at an objective still there, and each element is followed
        /// by its descendants in the flat list.
        #[test]
        fn the_tree_stays_whole(steps in proptest::collection::vec(step(), 1..25)) {
            let mut plan = sample_plan();
            for (n, step) in steps.into_iter().enumerate() {
                let pick = |plan: &Plan, i: usize| plan.elements.get(i % plan.elements.len().max(1)).map(|e| e.id.clone());
                let result = match step {
                    Step::Add(i) => match pick(&plan, i) {
                        Some(parent) => add_element(&mut plan, Id::new(format!("new-{n}")), Some(&parent), "x"),
                        None => Ok(()),
                    },
                    Step::AddTop => add_element(&mut plan, Id::new(format!("new-{n}")), None, "x"),
                    Step::Up(i) => pick(&plan, i).map_or(Ok(()), |e| move_up(&mut plan, &e)),
                    Step::Down(i) => pick(&plan, i).map_or(Ok(()), |e| move_down(&mut plan, &e)),
                    Step::Move(a, b) => match (pick(&plan, a), pick(&plan, b)) {
                        (Some(e), Some(p)) => move_to(&mut plan, &e, Some(&p)),
                        _ => Ok(()),
                    },
                    Step::Delete(i) => pick(&plan, i).map_or(Ok(()), |e| delete_element(&mut plan, &e)),
                };
                prop_assert!(matches!(result, Ok(()) | Err(Refused::WrongLevel(_)) | Err(Refused::WouldCycle(_))), "{result:?}");
                prop_assert!(structure_findings(&plan).is_empty(), "{:?}", structure_findings(&plan));
                for (i, element) in plan.elements.iter().enumerate() {
                    if let Some(parent) = &element.parent {
                        prop_assert!(index_of(&plan, parent) < i, "{} listed before its parent", element.id);
                    }
                }
                let block_ok = plan.elements.iter().all(|e| {
                    let members = subtree(&plan, &e.id);
                    let start = index_of(&plan, &e.id);
                    plan.elements[start..start + members.len()].iter().all(|m| members.contains(&m.id))
                });
                prop_assert!(block_ok, "a branch is split: {:?}", ids(&plan));
            }
        }
    }
}
