//! A region's plans made into one plan of its own: one file for the ministry, or the
//! start of next year's regional plan, which opens and checks like any other plan.
//!
//! Each member's tree hangs under an element of its own at a new top level
//! (« Organisation »), its levels aligned on the objective level; an id that another
//! member already uses is given a new one. Every entity says which member it came from
//! (`Meta::origin`, the member's organisation), and the plan records each member with
//! the ids it had to give up (`Source`), so that anything can be traced back. What the
//! members do not share (levels, period, checkpoints, names, settings) is listed beside
//! the plan as data (`Unaligned`). The members are read, never changed.

use crate::calc::columns::{shown_columns, ActionColumn};
use crate::calc::search::fold;
use crate::model::action::Action;
use crate::model::budget::{ExpenseLine, StatedTotals};
use crate::model::checkpoint::Checkpoint;
use crate::model::element::Element;
use crate::model::id::{Id, Meta};
use crate::model::indicator::Indicator;
use crate::model::level::{Level, Noun};
use crate::model::money::Cents;
use crate::model::plan::{Numbering, Organisation, Period, Plan, Settings, TargetGroup};
use crate::region::{distinct, own_organisation, Names};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::{HashMap, HashSet};
use std::iter::once;

pub use crate::model::sources::{Renamed, Source};

/// What the members do not share, and what the regional plan holds in its place.
#[derive(Debug, Clone, PartialEq)]
pub enum Unaligned {
    /// A member whose period is not the region's (the earliest start to the latest
    /// end): its own.
    Period { plan: Id, start: NaiveDate, end: NaiveDate },
    /// The members name the region's level at this depth differently: their names,
    /// which the region's joins with « / ».
    LevelNames { depth: usize, names: Vec<Noun> },
    /// A member with fewer levels above its objectives than the region: the region's
    /// depths it has no level for, each held by an unnumbered section.
    MissingLevels { plan: Id, levels: Vec<usize> },
    /// The members call their actions differently: their names, joined in the region's.
    ActionName { names: Vec<Noun> },
    /// A member whose settings (thresholds, roll-up, numbering) are not the first
    /// member's, which the region takes.
    Settings { plan: Id },
    /// A target-group code the members label differently: the labels, the first kept.
    TargetGroup { code: String, labels: Vec<String> },
    /// A checkpoint that only some members have (by date): those members.
    Checkpoint { date: NaiveDate, label: String, plans: Vec<Id> },
    /// A member whose budget leaves out a total that another member's states: the
    /// region states that total for no one.
    StatedTotals { plan: Id },
}

/// The regional plan and what could not be aligned.
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    pub plan: Plan,
    pub unaligned: Vec<Unaligned>,
}

/// The plans of a region made into one plan, under `id` and `title`, changed `at`, each
/// member by the name `names` gives it. The same plan given twice (by id) is one
/// member; the same plans in the same order give the same plan. Given no plan, the plan
/// is empty and its period a day of 1970.
pub fn regional_plan(plans: &[&Plan], names: &Names, id: Id, title: String, at: Option<DateTime<Utc>>) -> Exported {
    let members = distinct(plans);
    let mut unaligned = Vec::new();
    let period = period(&members, &mut unaligned);
    let above = members.iter().map(|p| levels_above(p)).max().unwrap_or(0);
    let below = members.iter().map(|p| levels_below(p)).max().unwrap_or(0);
    let levels = levels(&members, above, below, &mut unaligned);
    for member in &members {
        let missing: Vec<usize> = (1..offset(member, above)).collect();
        if !missing.is_empty() {
            unaligned.push(Unaligned::MissingLevels { plan: member.id.clone(), levels: missing });
        }
    }
    let (action_name, action_names) = agreed(members.iter().map(|p| &p.action_name));
    if action_names.len() > 1 {
        unaligned.push(Unaligned::ActionName { names: action_names });
    }
    let settings = settings(&members, &mut unaligned);
    let target_groups = target_groups(&members, &mut unaligned);
    let region = Plan {
        target_groups,
        settings,
        meta: Meta { modified: at, origin: None },
        ..Plan::new(id, title, period, levels, 1 + above, action_name)
    };
    let mut copies: Vec<Plan> = members.iter().map(|p| (*p).clone()).collect();
    let ids = Ids::reserving(&mut copies);
    let mut building = Building { plan: region, above, ids, dated: Vec::new() };
    for (member, copy) in members.iter().zip(copies) {
        let source = building.add(member, &names.of(member), copy);
        building.plan.sources.push(source);
    }
    let Building { plan: mut region, dated, .. } = building;
    order_checkpoints(&mut region, dated, members.len(), &mut unaligned);
    region.budget.stated = stated_totals(&members, &mut unaligned);
    Exported { plan: region, unaligned }
}

/// How many levels a plan has above its objective level; a damaged plan whose objective
/// level is not one of its levels counts its last level as the objectives'.
fn levels_above(plan: &Plan) -> usize {
    plan.objective_level.min(plan.levels.len().saturating_sub(1))
}

fn levels_below(plan: &Plan) -> usize {
    plan.levels.len().saturating_sub(levels_above(plan) + 1)
}

/// The region's depth of a member's top level: its objective level lands on the
/// region's, `1 + above`.
fn offset(plan: &Plan, above: usize) -> usize {
    1 + above - levels_above(plan)
}

/// Organisation, then the levels aligned on the objective level, each named as the
/// members that have it name it.
fn levels(members: &[&Plan], above: usize, below: usize, unaligned: &mut Vec<Unaligned>) -> Vec<Level> {
    // The top level, one element per member.
    let mut levels = vec![Level { name: Noun::new("Organisation", "Organisations") }];
    for depth in 1..=above + 1 + below {
        let named = members.iter().filter_map(|p| depth.checked_sub(offset(p, above)).and_then(|d| p.levels.get(d)));
        let (name, names) = agreed(named.map(|l| &l.name));
        if names.len() > 1 {
            unaligned.push(Unaligned::LevelNames { depth, names });
        }
        levels.push(Level { name });
    }
    levels
}

/// The name the members agree on (case and accents ignored), or their distinct names
/// joined with « / »; and the distinct names.
fn agreed<'a>(names: impl Iterator<Item = &'a Noun>) -> (Noun, Vec<Noun>) {
    let mut distinct: Vec<Noun> = Vec::new();
    for name in names {
        if !distinct.iter().any(|d| fold(d.singular.trim()) == fold(name.singular.trim())) {
            distinct.push(name.clone());
        }
    }
    let joined = |form: fn(&Noun) -> &str| distinct.iter().map(form).collect::<Vec<_>>().join(" / ");
    let name = Noun { singular: joined(|n| &n.singular), plural: joined(|n| &n.plural) };
    (name, distinct)
}

/// The earliest start to the latest end.
fn period(members: &[&Plan], unaligned: &mut Vec<Unaligned>) -> Period {
    let start = members.iter().map(|p| p.period.start).min().unwrap_or_default();
    let end = members.iter().map(|p| p.period.end).max().unwrap_or_default();
    let region = Period { start, end };
    for member in members.iter().filter(|p| p.period != region) {
        let Period { start, end } = member.period;
        unaligned.push(Unaligned::Period { plan: member.id.clone(), start, end });
    }
    region
}

/// The first member's settings, showing every column a member shows.
fn settings(members: &[&Plan], unaligned: &mut Vec<Unaligned>) -> Settings {
    let Some(first) = members.first() else { return Settings::default() };
    let own = |s: &Settings| Settings { columns: None, ..s.clone() };
    for member in &members[1..] {
        if own(&member.settings) != own(&first.settings) {
            unaligned.push(Unaligned::Settings { plan: member.id.clone() });
        }
    }
    // Chosen by one member, the columns are the ones every member shows; chosen by
    // none, they stay the ones the actions fill.
    let columns = members.iter().any(|p| p.settings.columns.is_some()).then(|| {
        let shown: Vec<Vec<ActionColumn>> = members.iter().map(|p| shown_columns(p)).collect();
        ActionColumn::ALL.into_iter().filter(|c| shown.iter().any(|s| s.contains(c))).collect()
    });
    Settings { columns, ..first.settings.clone() }
}

/// Every code once (spaces around it ignored), with the label of the first member that
/// defines it.
fn target_groups(members: &[&Plan], unaligned: &mut Vec<Unaligned>) -> Vec<TargetGroup> {
    let mut groups: Vec<(TargetGroup, Vec<String>)> = Vec::new();
    for group in members.iter().flat_map(|p| &p.target_groups) {
        let code = group.code.trim();
        match groups.iter_mut().find(|(g, _)| g.code.trim() == code) {
            Some((_, labels)) => {
                if !labels.iter().any(|l| fold(l.trim()) == fold(group.label.trim())) {
                    labels.push(group.label.clone());
                }
            }
            None => groups.push((group.clone(), vec![group.label.clone()])),
        }
    }
    for (group, labels) in &groups {
        if labels.len() > 1 {
            unaligned.push(Unaligned::TargetGroup { code: group.code.trim().to_owned(), labels: labels.clone() });
        }
    }
    groups.into_iter().map(|(group, _)| group).collect()
}

/// The ids of the regional plan as they are given out.
struct Ids {
    taken: HashSet<Id>,
    /// The ids the members give their entities: a reference of one member to an id it
    /// does not hold must not land on another member's entity.
    held: HashSet<Id>,
    /// Every id a member holds or names: an id made for a clash is none of them, so
    /// that it never takes an id a later member keeps nor one a reference names.
    reserved: HashSet<Id>,
}

impl Ids {
    fn reserving(members: &mut [Plan]) -> Ids {
        let mut held = HashSet::new();
        let mut reserved = HashSet::new();
        for member in members {
            held.extend(entity_ids(member).map(|id| id.clone()));
            reserved.extend(references(member).map(|id| id.clone()));
        }
        reserved.extend(held.iter().cloned());
        Ids { taken: HashSet::new(), held, reserved }
    }

    /// `id` itself, unless the region already gives it to another entity.
    fn keep(&mut self, id: &Id) -> Id {
        if self.taken.insert(id.clone()) {
            id.clone()
        } else {
            self.fresh(id.as_str())
        }
    }

    /// `base`, or the first of `base-2`, `base-3`… that no one holds, names or took.
    fn fresh(&mut self, base: &str) -> Id {
        let free = |id: &Id| !self.taken.contains(id) && !self.reserved.contains(id);
        let id = once(Id::new(base))
            .chain((2..).map(|n| Id::new(format!("{base}-{n}"))))
            .find(free)
            .expect("the suffixes never run out");
        self.taken.insert(id.clone());
        id
    }
}

/// What each id of one member became in the region.
#[derive(Default)]
struct Renaming {
    to: HashMap<Id, Id>,
    /// The ids that changed, in the order they were given.
    renamed: Vec<Renamed>,
}

impl Renaming {
    fn give(&mut self, from: &Id, to: Id) {
        if &to != from {
            self.renamed.push(Renamed { from: from.clone(), to: to.clone() });
        }
        self.to.insert(from.clone(), to);
    }

    /// A reference's id in the region. One to an entity the member does not hold stays
    /// dangling, as the checks reported it in the member: renamed only where another
    /// member holds an entity of that id.
    fn reference(&mut self, id: &Id, ids: &mut Ids) -> Id {
        if let Some(to) = self.to.get(id) {
            return to.clone();
        }
        let to = if ids.held.contains(id) { ids.fresh(id.as_str()) } else { id.clone() };
        self.give(id, to.clone());
        to
    }
}

/// A checkpoint of the region: which of the same-day checkpoints it is, and the members
/// that have it.
struct Dated {
    occurrence: usize,
    plans: Vec<Id>,
}

/// The regional plan as its members are added.
struct Building {
    plan: Plan,
    /// The most levels a member has above its objectives.
    above: usize,
    ids: Ids,
    /// One for each of `plan.checkpoints`.
    dated: Vec<Dated>,
}

impl Building {
    /// Adds one member (`copy` is `member`, to be taken apart): its organisations, its
    /// element at the top level and the sections for the levels it lacks, its
    /// checkpoints merged by date with the others', its entities with their ids given a
    /// place in the region and marked with its origin.
    fn add(&mut self, member: &Plan, name: &str, mut copy: Plan) -> Source {
        let mut renaming = Renaming::default();
        let origin = self.organisations(member, name, &copy, &mut renaming);
        let top = self.member_elements(member, name, &origin);
        self.checkpoints(member, &copy, &origin, &mut renaming);
        for id in entity_ids(&mut copy) {
            if !renaming.to.contains_key(id) {
                let to = self.ids.keep(id);
                renaming.give(id, to);
            }
        }
        // Each element shows the code it showed in its member: automatic codes are kept
        // where the region counts them as the member did (hierarchically, the member's
        // element and sections unnumbered), typed where it would count them otherwise.
        if member.settings.numbering == Numbering::PerLevel || self.plan.settings.numbering == Numbering::PerLevel {
            let codes = member.codes();
            for element in copy.elements.iter_mut().filter(|e| e.code.is_none()) {
                element.code = codes.get(&element.id).cloned();
            }
        }
        for id in references(&mut copy) {
            *id = renaming.reference(id, &mut self.ids);
        }
        for id in entity_ids(&mut copy) {
            let to = renaming.to[&*id].clone();
            *id = to;
        }
        let offset = offset(member, self.above);
        for element in &mut copy.elements {
            // A damaged member's level beyond the file's bound stays within it, so that
            // the regional plan still loads (the checks report the level either way).
            element.level = (element.level + offset).min(crate::model::bounded::MAX_LEVEL as usize);
            if element.parent.is_none() {
                element.parent = top.clone();
            }
        }
        mark(&mut copy, &origin);
        self.append(copy);
        Source {
            plan: member.id.clone(),
            title: member.title.clone(),
            organisation: origin,
            saved: member.meta.modified,
            renamed: renaming.renamed,
        }
    }

    /// The member's organisations' ids, and the one its entities name as their origin:
    /// its own when it lists one; else one made under `name`, for a plan of several
    /// partners is none of them in particular, and a plan of none is still someone's.
    fn organisations(&mut self, member: &Plan, name: &str, copy: &Plan, renaming: &mut Renaming) -> Id {
        for organisation in &copy.organisations {
            let to = self.ids.keep(&organisation.id);
            renaming.give(&organisation.id, to);
        }
        if let Some(own) = own_organisation(member) {
            return renaming.to[&own.id].clone();
        }
        let id = self.ids.fresh(&format!("{}-organisation", member.id));
        let made = Organisation { id: id.clone(), name: name.to_owned(), code: String::new() };
        self.plan.organisations.push(made);
        id
    }

    /// The member's element, then a section for each level it lacks above its own top;
    /// returns the last, the parent of the member's top elements.
    fn member_elements(&mut self, member: &Plan, name: &str, origin: &Id) -> Option<Id> {
        let mut top: Option<Id> = None;
        for depth in 0..offset(member, self.above) {
            let (base, title) = match depth {
                0 => (member.id.to_string(), name.to_owned()),
                _ => (format!("{}-section-{depth}", member.id), member.title.clone()),
            };
            let id = self.ids.fresh(&base);
            self.plan.elements.push(Element {
                id: id.clone(),
                level: depth,
                parent: top.replace(id),
                code: Some(String::new()),
                title,
                description: String::new(),
                deadline: None,
                smart: String::new(),
                meta: Meta { modified: None, origin: Some(origin.clone()) },
            });
        }
        top
    }

    /// The n-th checkpoint of a day is one with the n-th of that day in every member:
    /// the first member's that has it.
    fn checkpoints(&mut self, member: &Plan, copy: &Plan, origin: &Id, renaming: &mut Renaming) {
        for (i, checkpoint) in copy.checkpoints.iter().enumerate() {
            let occurrence = copy.checkpoints[..i].iter().filter(|c| c.date == checkpoint.date).count();
            let same = self
                .plan
                .checkpoints
                .iter()
                .zip(&self.dated)
                .position(|(c, d)| c.date == checkpoint.date && d.occurrence == occurrence);
            match same {
                Some(j) => {
                    renaming.give(&checkpoint.id, self.plan.checkpoints[j].id.clone());
                    self.dated[j].plans.push(member.id.clone());
                }
                None => {
                    let id = self.ids.keep(&checkpoint.id);
                    renaming.give(&checkpoint.id, id.clone());
                    let meta = Meta { origin: Some(origin.clone()), ..checkpoint.meta.clone() };
                    self.plan.checkpoints.push(Checkpoint { id, meta, ..checkpoint.clone() });
                    self.dated.push(Dated { occurrence, plans: vec![member.id.clone()] });
                }
            }
        }
    }

    /// The member's entities after those of the members before it.
    fn append(&mut self, mut copy: Plan) {
        let region = &mut self.plan;
        region.organisations.append(&mut copy.organisations);
        region.elements.append(&mut copy.elements);
        region.indicators.append(&mut copy.indicators);
        region.actions.append(&mut copy.actions);
        let (into, from) = (&mut region.budget, &mut copy.budget);
        into.rates.append(&mut from.rates);
        into.revenues.append(&mut from.revenues);
        into.categories.append(&mut from.categories);
        into.expenses.append(&mut from.expenses);
        into.allocations.append(&mut from.allocations);
    }
}

/// Every entity of the member that keeps a `Meta` says it came from `origin`.
fn mark(plan: &mut Plan, origin: &Id) {
    let budget = &mut *plan.budget;
    let metas = plan
        .elements
        .iter_mut()
        .map(|e| &mut e.meta)
        .chain(plan.indicators.iter_mut().map(|i| &mut i.meta))
        .chain(
            plan.actions
                .iter_mut()
                .flat_map(|Action { meta, progress, .. }| once(meta).chain(progress.iter_mut().map(|p| &mut p.meta))),
        )
        .chain(budget.revenues.iter_mut().map(|r| &mut r.meta))
        .chain(budget.expenses.iter_mut().map(|e| &mut e.meta))
        .chain(budget.allocations.iter_mut().map(|a| &mut a.meta));
    for meta in metas {
        meta.origin = Some(origin.clone());
    }
}

/// Every id the plan gives an entity: one namespace, as the file's reader holds it.
fn entity_ids(plan: &mut Plan) -> impl Iterator<Item = &mut Id> {
    let budget = &mut *plan.budget;
    plan.organisations
        .iter_mut()
        .map(|o| &mut o.id)
        .chain(plan.checkpoints.iter_mut().map(|c| &mut c.id))
        .chain(plan.elements.iter_mut().map(|e| &mut e.id))
        .chain(
            plan.indicators
                .iter_mut()
                .flat_map(|Indicator { id, segments, .. }| once(id).chain(segments.iter_mut().map(|s| &mut s.id))),
        )
        .chain(plan.actions.iter_mut().map(|a| &mut a.id))
        .chain(budget.rates.iter_mut().map(|r| &mut r.id))
        .chain(budget.revenues.iter_mut().map(|r| &mut r.id))
        .chain(budget.categories.iter_mut().map(|c| &mut c.id))
        .chain(budget.expenses.iter_mut().map(|e| &mut e.id))
        .chain(budget.allocations.iter_mut().map(|a| &mut a.id))
}

/// Every id by which one entity of the plan names another.
fn references(plan: &mut Plan) -> impl Iterator<Item = &mut Id> {
    let budget = &mut *plan.budget;
    plan.elements
        .iter_mut()
        .filter_map(|e| e.parent.as_mut())
        .chain(plan.indicators.iter_mut().map(|i| &mut i.objective))
        .chain(plan.actions.iter_mut().flat_map(|Action { objectives, progress, .. }| {
            objectives.iter_mut().chain(progress.iter_mut().map(|p| &mut p.checkpoint))
        }))
        .chain(budget.expenses.iter_mut().flat_map(|ExpenseLine { category, funds, staff, .. }| {
            once(category).chain(funds.as_mut()).chain(staff.iter_mut().map(|s| &mut s.rate))
        }))
        .chain(budget.allocations.iter_mut().flat_map(|a| a.shares.iter_mut().map(|s| &mut s.organisation)))
}

/// The region's checkpoints by date; one that some members lack is listed.
fn order_checkpoints(region: &mut Plan, dated: Vec<Dated>, members: usize, unaligned: &mut Vec<Unaligned>) {
    let mut checkpoints: Vec<(Checkpoint, Vec<Id>)> =
        region.checkpoints.drain(..).zip(dated.into_iter().map(|d| d.plans)).collect();
    // Stable: checkpoints of one day stay in the order their members list them.
    checkpoints.sort_by_key(|(c, _)| c.date);
    for (checkpoint, plans) in &checkpoints {
        if plans.len() < members {
            unaligned.push(Unaligned::Checkpoint {
                date: checkpoint.date,
                label: checkpoint.label.clone(),
                plans: plans.clone(),
            });
        }
    }
    region.checkpoints = checkpoints.into_iter().map(|(c, _)| c).collect();
}

/// Each total the members with a budget all state, summed; a total only some state is
/// stated for no one, and those that leave it out are listed.
fn stated_totals(members: &[&Plan], unaligned: &mut Vec<Unaligned>) -> StatedTotals {
    let budgeted: Vec<&Plan> = members.iter().copied().filter(|p| !p.budget.is_empty()).collect();
    if budgeted.is_empty() {
        return StatedTotals::default();
    }
    let fields: [fn(&StatedTotals) -> Option<Cents>; 4] = [|s| s.revenues, |s| s.expenses, |s| s.staff, |s| s.balance];
    let mut short: Vec<&Id> = Vec::new();
    let [revenues, expenses, staff, balance] = fields.map(|field| {
        let stated = budgeted.iter().filter(|p| field(&p.budget.stated).is_some()).count();
        if stated > 0 && stated < budgeted.len() {
            let lacking = budgeted.iter().filter(|p| field(&p.budget.stated).is_none()).map(|p| &p.id);
            short.extend(lacking);
        }
        budgeted.iter().map(|p| field(&p.budget.stated)).sum::<Option<Cents>>()
    });
    for member in &budgeted {
        if short.contains(&&member.id) {
            unaligned.push(Unaligned::StatedTotals { plan: member.id.clone() });
        }
    }
    StatedTotals { revenues, expenses, staff, balance }
}

#[cfg(test)]
mod tests;
