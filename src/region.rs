//! A region's view: several organisations' plans seen together as of one date. Each
//! plan keeps its own figures, computed by the rules every screen uses, and its own
//! counts per level under its own level names; the region's totals are their sums; the
//! plans' statuses are also summed per level where the plans name their levels alike,
//! and their actions per target group where they share a target-group code. Nothing
//! here changes a plan.

pub mod export;

use crate::calc::check::check;
use crate::calc::rollup::{action_stats, report, ActionCounts, Summary};
use crate::calc::search::fold;
use crate::calc::summary::{summarize, Summary as Held};
use crate::model::id::Id;
use crate::model::level::Noun;
use crate::model::plan::Plan;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

pub mod versions;
pub mod view;
pub mod words;

/// What one plan, or the region, shows as of the date.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Figures {
    /// The indicators' statuses.
    pub indicators: Summary,
    /// The actions' états d'avancement at the plan's checkpoint on or before the date
    /// (not reported where it has none).
    pub actions: ActionCounts,
    /// What the checks find.
    pub findings: usize,
}

impl Figures {
    fn merge(&mut self, other: &Figures) {
        self.indicators.merge(&other.indicators);
        self.actions.merge(&other.actions);
        self.findings += other.findings;
    }
}

/// One organisation's plan in the view.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub plan: Id,
    /// The name it goes by (`Names::of`).
    pub name: String,
    /// The checkpoint its actions are counted at.
    pub checkpoint: Option<Id>,
    pub figures: Figures,
    /// What its plan holds: its elements per level of its own, its indicators, its
    /// actions, whatever the other plans' levels.
    pub held: Held,
}

/// A level that every plan of the view names alike, at the same depth.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedLevel {
    pub depth: usize,
    pub name: Noun,
    /// The statuses of every element of that level, summed over the plans.
    pub statuses: Summary,
    /// Each member's own, in the members' order.
    pub members: Vec<Summary>,
}

/// A target-group code that more than one plan of the view defines.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedGroup {
    pub code: String,
    /// The label of the first plan that defines it.
    pub label: String,
    /// The actions aimed at it, at each plan's checkpoint, summed.
    pub actions: ActionCounts,
    /// Each member's own, in the members' order.
    pub members: Vec<ActionCounts>,
}

/// The view as of a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Regional {
    pub as_of: NaiveDate,
    /// Each plan once, in the order given.
    pub members: Vec<Member>,
    /// The sums of the members' figures.
    pub totals: Figures,
    pub levels: Vec<SharedLevel>,
    pub groups: Vec<SharedGroup>,
}

/// What the coordinator calls the members whose plan lists several organisations (a
/// work plan of partners), by plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names(pub Vec<(Id, String)>);

impl Names {
    /// The name a member goes by, in the view and as the origin of its entities in the
    /// regional plan: the coordinator's, else its plan's one organisation, else its
    /// title. A plan listing several organisations is none of them in particular.
    pub fn of(&self, plan: &Plan) -> String {
        if let Some((_, given)) = self.0.iter().find(|(id, name)| *id == plan.id && !name.trim().is_empty()) {
            return given.trim().to_owned();
        }
        match own_organisation(plan) {
            Some(organisation) => organisation.name.clone(),
            None => plan.title.clone(),
        }
    }
}

/// The plan's organisation when it lists exactly one (named).
pub(crate) fn own_organisation(plan: &Plan) -> Option<&crate::model::plan::Organisation> {
    match plan.organisations.as_slice() {
        [one] if !one.name.trim().is_empty() => Some(one),
        _ => None,
    }
}

/// The plans of a region, each once: the same plan given twice (by id) is one member,
/// the first given.
pub(crate) fn distinct<'a>(plans: &[&'a Plan]) -> Vec<&'a Plan> {
    let mut seen = HashSet::new();
    plans.iter().copied().filter(|p| seen.insert(&p.id)).collect()
}

/// Several plans seen together as of `as_of`, each by the name `names` gives it; the
/// same plan given twice (by id) counts once.
pub fn consolidate(plans: &[&Plan], names: &Names, as_of: NaiveDate) -> Regional {
    let plans = distinct(plans);
    let mut members = Vec::with_capacity(plans.len());
    let mut totals = Figures::default();
    let mut reports = Vec::with_capacity(plans.len());
    for plan in &plans {
        let statuses = report(plan, as_of);
        let checkpoint = plan.checkpoint_at(as_of).map(|c| c.id.clone());
        let actions = match &checkpoint {
            Some(id) => action_stats(plan, id).overall,
            None => ActionCounts { not_reported: plan.actions.len(), ..ActionCounts::default() },
        };
        let figures = Figures { indicators: statuses.plan, actions, findings: check(plan).len() };
        totals.merge(&figures);
        members.push(Member {
            plan: plan.id.clone(),
            name: names.of(plan),
            checkpoint,
            figures,
            held: summarize(plan),
        });
        reports.push(statuses);
    }
    let levels = shared_levels(&plans)
        .into_iter()
        .map(|(depth, name)| {
            let own = plans.iter().zip(&reports).map(|(plan, report)| {
                let mut own = Summary::default();
                for element in plan.elements.iter().filter(|e| e.level == depth) {
                    own.merge(&report.element(&element.id));
                }
                own
            });
            let (statuses, each) = summed(own, Summary::merge);
            SharedLevel { depth, name, statuses, members: each }
        })
        .collect();
    let groups = shared_groups(&plans)
        .into_iter()
        .map(|(code, label)| {
            let own = plans.iter().zip(&members).map(|(plan, member)| {
                let aimed = plan.actions.iter().filter(|a| a.groups.iter().any(|g| g.trim() == code));
                let mut own = ActionCounts::default();
                for action in aimed {
                    own.add(member.checkpoint.as_ref().and_then(|c| action.progress_at(c)).map(|p| p.status));
                }
                own
            });
            let (actions, each) = summed(own, ActionCounts::merge);
            SharedGroup { code, label, actions, members: each }
        })
        .collect();
    Regional { as_of, members, totals, levels, groups }
}

/// Each member's own figures, in the members' order, and their sum.
fn summed<T: Default>(own: impl Iterator<Item = T>, merge: fn(&mut T, &T)) -> (T, Vec<T>) {
    let each: Vec<T> = own.collect();
    let mut sum = T::default();
    for own in &each {
        merge(&mut sum, own);
    }
    (sum, each)
}

/// The depths at which every plan has a level, named alike (case and accents ignored),
/// from the top down to the first that differs.
fn shared_levels(plans: &[&Plan]) -> Vec<(usize, Noun)> {
    let Some(first) = plans.first() else { return Vec::new() };
    first
        .levels
        .iter()
        .enumerate()
        .take_while(|(depth, level)| {
            plans
                .iter()
                .all(|p| p.levels.get(*depth).is_some_and(|l| fold(&l.name.singular) == fold(&level.name.singular)))
        })
        .map(|(depth, level)| (depth, level.name.clone()))
        .collect()
}

/// The target-group codes defined by more than one plan, in the order first met.
fn shared_groups(plans: &[&Plan]) -> Vec<(String, String)> {
    let mut groups: Vec<(String, String, usize)> = Vec::new();
    for plan in plans {
        for group in &plan.target_groups {
            let code = group.code.trim();
            match groups.iter_mut().find(|(c, _, _)| c == code) {
                Some((_, _, count)) => *count += 1,
                None => groups.push((code.to_owned(), group.label.clone(), 1)),
            }
        }
    }
    groups.into_iter().filter(|(_, _, count)| *count > 1).map(|(code, label, _)| (code, label)).collect()
}

/// Indicators of several plans that seem to measure the same thing: the same label,
/// case, accents and spacing ignored. A proposal the coordinator confirms or changes.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorMatch {
    /// The label as the first plan writes it.
    pub label: String,
    /// Each plan's indicator of that label: (plan, indicator), in the plans' order.
    pub indicators: Vec<(Id, Id)>,
}

/// The labels that more than one plan's indicators share, in the order first met; a
/// plan with two indicators of one label gives the first.
pub fn indicator_matches(plans: &[&Plan]) -> Vec<IndicatorMatch> {
    let key = |label: &str| fold(label).split_whitespace().collect::<Vec<_>>().join(" ");
    let mut found: Vec<IndicatorMatch> = Vec::new();
    // Each folded label's place in `found`: a region's plans hold thousands of labels.
    let mut places: HashMap<String, usize> = HashMap::new();
    for plan in distinct(plans) {
        for indicator in &plan.indicators {
            let folded = key(&indicator.label);
            if folded.is_empty() {
                continue;
            }
            match places.get(&folded) {
                Some(&at) if found[at].indicators.iter().any(|(p, _)| *p == plan.id) => {}
                Some(&at) => found[at].indicators.push((plan.id.clone(), indicator.id.clone())),
                None => {
                    places.insert(folded, found.len());
                    found.push(IndicatorMatch {
                        label: indicator.label.clone(),
                        indicators: vec![(plan.id.clone(), indicator.id.clone())],
                    });
                }
            }
        }
    }
    found.into_iter().filter(|m| m.indicators.len() > 1).collect()
}

#[cfg(test)]
mod tests;
