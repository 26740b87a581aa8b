//! Every id a plan gives an entity, and which kind of entity holds it.
//!
//! Each id names one entity: links would be ambiguous otherwise, so the file format
//! refuses a plan where two entities share one (`format::admit`), and every change
//! that brings ids (an edit, an import, a merge) is refused when one is taken. This
//! module is the one list of where a plan keeps ids, for the reader and the changes
//! alike.

use crate::model::action::Action;
use crate::model::budget::Budget;
use crate::model::checkpoint::Checkpoint;
use crate::model::element::Element;
use crate::model::id::Id;
use crate::model::indicator::Indicator;
use crate::model::plan::{Organisation, Plan};
use crate::model::shared::Seen;
use std::cell::RefCell;
use std::collections::HashMap;

/// The kind of entity an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdHolder {
    Organisation,
    Checkpoint,
    Element,
    Indicator,
    Segment,
    Action,
    Rate,
    Revenue,
    Category,
    Expense,
    Allocation,
}

/// Where an id is held: its holder's kind and its position in its list (a segment's:
/// its indicator's, then its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub holder: IdHolder,
    pub index: usize,
    pub segment: Option<usize>,
}

/// One id given to two entities: where it is met first, and where again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedId {
    pub id: Id,
    pub first: Place,
    pub again: Place,
}

/// Every id of `plan` with where it is held, in the order of the file.
pub fn ids(plan: &Plan) -> impl Iterator<Item = (&Id, Place)> {
    fn list<'a, T: 'a>(
        items: &'a [T],
        holder: IdHolder,
        id: impl Fn(&T) -> &Id + 'a,
    ) -> impl Iterator<Item = (&'a Id, Place)> + 'a {
        items.iter().enumerate().map(move |(index, item)| (id(item), Place { holder, index, segment: None }))
    }
    let budget = &plan.budget;
    let indicators = plan.indicators.iter().enumerate().flat_map(|(index, indicator)| {
        let own = (&indicator.id, Place { holder: IdHolder::Indicator, index, segment: None });
        let segments = indicator
            .segments
            .iter()
            .enumerate()
            .map(move |(j, segment)| (&segment.id, Place { holder: IdHolder::Segment, index, segment: Some(j) }));
        std::iter::once(own).chain(segments)
    });
    list(&plan.organisations, IdHolder::Organisation, |o| &o.id)
        .chain(list(&plan.checkpoints, IdHolder::Checkpoint, |c| &c.id))
        .chain(list(&plan.elements, IdHolder::Element, |e| &e.id))
        .chain(indicators)
        .chain(list(&plan.actions, IdHolder::Action, |a| &a.id))
        .chain(list(&budget.rates, IdHolder::Rate, |r| &r.id))
        .chain(list(&budget.revenues, IdHolder::Revenue, |r| &r.id))
        .chain(list(&budget.categories, IdHolder::Category, |c| &c.id))
        .chain(list(&budget.expenses, IdHolder::Expense, |e| &e.id))
        .chain(list(&budget.allocations, IdHolder::Allocation, |a| &a.id))
}

/// The kind of entity of `plan` that holds `id`, if any.
pub fn holder_of(plan: &Plan, id: &Id) -> Option<IdHolder> {
    ids(plan).find(|(held, _)| *held == id).map(|(_, place)| place.holder)
}

thread_local! {
    static FOUND_CLEAN: RefCell<Option<Clean>> = const { RefCell::new(None) };
}

/// The last plan found to hold no id twice: its short lists, and its large parts as
/// long as some version of the plan holds them (`Seen` keeps none alive, so that
/// remembering them never makes an edit copy them).
struct Clean {
    organisations: Vec<Organisation>,
    checkpoints: Vec<Checkpoint>,
    elements: Seen<Vec<Element>>,
    indicators: Seen<Vec<Indicator>>,
    actions: Seen<Vec<Action>>,
    budget: Seen<Budget>,
}

impl Clean {
    fn of(plan: &Plan) -> Clean {
        Clean {
            organisations: plan.organisations.clone(),
            checkpoints: plan.checkpoints.clone(),
            elements: plan.elements.seen(),
            indicators: plan.indicators.seen(),
            actions: plan.actions.seen(),
            budget: plan.budget.seen(),
        }
    }

    /// Whether `plan` holds, in order, the very ids of the clean plan.
    fn same_ids(&self, plan: &Plan) -> bool {
        let (Some(elements), Some(indicators), Some(actions), Some(budget)) =
            (self.elements.get(), self.indicators.get(), self.actions.get(), self.budget.get())
        else {
            return false;
        };
        let clean = Plan {
            organisations: self.organisations.clone(),
            checkpoints: self.checkpoints.clone(),
            elements,
            indicators,
            actions,
            budget,
            ..plan.clone()
        };
        ids(&clean).map(|(id, _)| id).eq(ids(plan).map(|(id, _)| id))
    }
}

/// The first id of `plan` (in the order of the file) that a second entity holds too.
pub fn first_shared(plan: &Plan) -> Option<SharedId> {
    // Every change is held to this, and most change no id: a plan with, in order, the
    // ids of one found clean is clean, told by comparing them in step rather than by
    // hashing tens of thousands of them again.
    let known = FOUND_CLEAN.with_borrow(|clean| clean.as_ref().is_some_and(|clean| clean.same_ids(plan)));
    let shared = if known { None } else { first_shared_hashed(plan) };
    if shared.is_none() {
        // This version, next: the one the next change starts from.
        FOUND_CLEAN.set(Some(Clean::of(plan)));
    }
    shared
}

fn first_shared_hashed(plan: &Plan) -> Option<SharedId> {
    // Room at once for the ids of the longest lists (an indicator has two segments or
    // so): the map is not moved a dozen times as a large plan's ids come in.
    let room = plan.elements.len() + plan.indicators.len() * 3 + plan.actions.len();
    let mut seen: HashMap<&str, Place> = HashMap::with_capacity(room);
    for (id, place) in ids(plan) {
        if let Some(first) = seen.insert(id.as_str(), place) {
            return Some(SharedId { id: id.clone(), first, again: place });
        }
    }
    None
}

/// Ids claimed one after another by what a change will add (the rows of an import,
/// the actions of a return), each refused when the plan or an earlier claim holds it.
pub struct Claims<'a> {
    plan: HashMap<&'a str, IdHolder>,
    claimed: HashMap<Id, IdHolder>,
}

impl<'a> Claims<'a> {
    pub fn new(plan: &'a Plan) -> Claims<'a> {
        Claims { plan: ids(plan).map(|(id, place)| (id.as_str(), place.holder)).collect(), claimed: HashMap::new() }
    }

    /// Whether `id` is free: held neither by the plan nor by an earlier claim.
    pub fn holder(&self, id: &Id) -> Option<IdHolder> {
        self.plan.get(id.as_str()).or_else(|| self.claimed.get(id)).copied()
    }

    /// Claims `id` for a new entity of kind `holder`, or says who holds it already.
    pub fn claim(&mut self, id: &Id, holder: IdHolder) -> Result<(), IdHolder> {
        match self.holder(id) {
            Some(taken) => Err(taken),
            None => {
                self.claimed.insert(id.clone(), holder);
                Ok(())
            }
        }
    }

    /// The first of `id`, `id-2`, `id-3`… that is free, claimed for `holder`: an
    /// entity brought from elsewhere keeps a name its origin recognises.
    pub fn claim_free(&mut self, id: &Id, holder: IdHolder) -> Id {
        let free = std::iter::once(id.clone())
            .chain((2..).map(|n| Id::new(format!("{id}-{n}"))))
            .find(|candidate| self.holder(candidate).is_none())
            .expect("an unbounded run of names holds a free one");
        self.claimed.insert(free.clone(), holder);
        free
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_with_ids() -> Plan {
        crate::start::sample::sample_plan()
    }

    #[test]
    fn every_kind_of_entity_is_listed_in_the_order_of_the_file() {
        let plan = plan_with_ids();
        let listed: Vec<&Id> = ids(&plan).map(|(id, _)| id).collect();
        let mut expected: Vec<&Id> = plan.organisations.iter().map(|o| &o.id).collect();
        expected.extend(plan.checkpoints.iter().map(|c| &c.id));
        expected.extend(plan.elements.iter().map(|e| &e.id));
        for i in &plan.indicators {
            expected.push(&i.id);
            expected.extend(i.segments.iter().map(|s| &s.id));
        }
        expected.extend(plan.actions.iter().map(|a| &a.id));
        let b = &plan.budget;
        expected.extend(b.rates.iter().map(|r| &r.id));
        expected.extend(b.revenues.iter().map(|r| &r.id));
        expected.extend(b.categories.iter().map(|c| &c.id));
        expected.extend(b.expenses.iter().map(|e| &e.id));
        expected.extend(b.allocations.iter().map(|a| &a.id));
        assert_eq!(listed, expected);
        assert!(first_shared(&plan).is_none());
    }

    #[test]
    fn a_shared_id_is_found_with_both_places() {
        let mut plan = plan_with_ids();
        let objective = plan.objectives().next().unwrap().id.clone();
        plan.actions[1].id = objective.clone();
        let shared = first_shared(&plan).unwrap();
        assert_eq!(shared.id, objective);
        assert_eq!(shared.first.holder, IdHolder::Element);
        assert_eq!(shared.again, Place { holder: IdHolder::Action, index: 1, segment: None });
        assert_eq!(holder_of(&plan, &objective), Some(IdHolder::Element));
    }

    #[test]
    fn a_version_of_a_clean_plan_is_told_clean_or_not_as_if_hashed_afresh() {
        let plan = plan_with_ids();
        assert!(first_shared(&plan).is_none());
        // A field changed: the same ids, told by comparing them in step.
        let mut edited = plan.clone();
        edited.actions[0].title = "Autre titre".into();
        assert!(first_shared(&edited).is_none());
        // An id given twice after a clean look is still found, at its places.
        let mut twice = edited.clone();
        let first = twice.indicators[0].segments[0].id.clone();
        twice.actions[2].id = first.clone();
        let shared = first_shared(&twice).expect("the segment's id held again");
        assert_eq!(shared.id, first);
        assert_eq!(shared.again, Place { holder: IdHolder::Action, index: 2, segment: None });
        // Written to while nothing else holds it: the part is no longer the one seen.
        let mut alone = plan.clone();
        drop((plan, edited));
        alone.actions[1].id = alone.actions[0].id.clone();
        assert!(first_shared(&alone).is_some());
    }

    proptest::proptest! {
        /// Whatever plan was found clean before, a plan is told to hold an id twice
        /// exactly when hashing its ids afresh says so.
        #[test]
        fn the_memory_of_a_clean_plan_never_hides_an_id_held_twice(
            plan in crate::format::tests::arbitrary::plan(),
            from in 0usize..64,
            to in 0usize..64,
        ) {
            first_shared(&plan);
            let mut next = plan.clone();
            let held: Vec<Id> = ids(&plan).map(|(id, _)| id.clone()).collect();
            if !held.is_empty() && !next.actions.is_empty() {
                let action = to % next.actions.len();
                next.actions[action].id = held[from % held.len()].clone();
            }
            proptest::prop_assert_eq!(first_shared(&next), first_shared_hashed(&next));
            proptest::prop_assert_eq!(first_shared(&plan), first_shared_hashed(&plan));
        }
    }

    #[test]
    fn claims_refuse_what_the_plan_or_an_earlier_claim_holds() {
        let mut plan = crate::start::sample::sample_plan();
        plan.organisations[0].id = Id::new("org");
        let mut claims = Claims::new(&plan);
        assert_eq!(claims.claim(&Id::new("org"), IdHolder::Action), Err(IdHolder::Organisation));
        assert_eq!(claims.claim(&Id::new("a1"), IdHolder::Action), Ok(()));
        assert_eq!(claims.claim(&Id::new("a1"), IdHolder::Indicator), Err(IdHolder::Action));
        assert_eq!(claims.claim_free(&Id::new("org"), IdHolder::Action), Id::new("org-2"));
        assert_eq!(claims.claim_free(&Id::new("org"), IdHolder::Action), Id::new("org-3"));
        assert_eq!(claims.claim_free(&Id::new("a2"), IdHolder::Action), Id::new("a2"));
    }
}
