//! Every id a plan gives an entity, and which kind of entity holds it.
//!
//! Each id names one entity: links would be ambiguous otherwise, so the file format
//! refuses a plan where two entities share one (`format::admit`), and every change
//! that brings ids (an edit, an import, a merge) is refused when one is taken. This
//! module is the one list of where a plan keeps ids, for the reader and the changes
//! alike.

use crate::model::id::Id;
use crate::model::plan::Plan;
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

/// The first id of `plan` (in the order of the file) that a second entity holds too.
pub fn first_shared(plan: &Plan) -> Option<SharedId> {
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
