//! Roll-ups: statuses from indicators (and, if the plan says so, actions) to objectives,
//! then up every level to the whole plan; action statistics at a checkpoint; what
//! changed between two checkpoints.
//!
//! An action linked to several objectives counts once in each of them, and once in any
//! element above them, however many of its objectives sit below that element.

use crate::calc::status::{indicator_progress, IndicatorProgress, Status, Window};
use crate::model::action::{Action, ActionStatus, ProgressRecord};
use crate::model::id::Id;
use crate::model::plan::{Plan, RollUp as Method, Settings};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// How many indicators (and counted actions) have each status, and the resulting status.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Summary {
    /// Indexed by `Status::index`.
    pub counts: [usize; 5],
    score_sum: f64,
    scored: usize,
}

impl Summary {
    fn add(&mut self, status: Status, score: Option<f64>) {
        self.counts[status.index()] += 1;
        if let Some(score) = score {
            self.score_sum += score;
            self.scored += 1;
        }
    }

    /// Adds another summary's counts and scores: a level's or a region's whole.
    pub fn merge(&mut self, other: &Summary) {
        for (mine, theirs) in self.counts.iter_mut().zip(other.counts) {
            *mine += theirs;
        }
        self.score_sum += other.score_sum;
        self.scored += other.scored;
    }

    pub fn count(&self, status: Status) -> usize {
        self.counts[status.index()]
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// Mean score of what was measured, in 0..=1.
    pub fn score(&self) -> Option<f64> {
        (self.scored > 0).then(|| (self.score_sum / self.scored as f64).clamp(0.0, 1.0))
    }

    /// The status of the whole, by the plan's roll-up method.
    pub fn status(&self, settings: &Settings) -> Status {
        let measured = self.total() - self.count(Status::NotMeasured);
        if measured == 0 {
            return Status::NotMeasured;
        }
        if self.count(Status::Reached) == measured {
            return Status::Reached;
        }
        match settings.roll_up {
            Method::WorstOf => [Status::Late, Status::ToWatch, Status::OnTrack]
                .into_iter()
                .find(|s| self.count(*s) > 0)
                .unwrap_or(Status::Reached),
            Method::Weighted => Status::of_ratio(self.score().unwrap_or(0.0), settings),
        }
    }
}

/// Everything the screens show about statuses, computed in one pass as of a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub as_of: NaiveDate,
    /// In the order of `Plan::indicators`.
    pub indicators: Vec<IndicatorProgress>,
    /// Per element id, for every element of the tree.
    pub elements: HashMap<Id, Summary>,
    pub plan: Summary,
}

impl Report {
    pub fn element(&self, id: &Id) -> Summary {
        self.elements.get(id).copied().unwrap_or_default()
    }

    pub fn indicator(&self, id: &Id) -> Option<&IndicatorProgress> {
        self.indicators.iter().find(|i| &i.indicator == id)
    }
}

/// An action's status seen as an objective's status, when the plan counts actions.
/// Dropped actions and actions not reported do not count.
fn action_as_status(status: ActionStatus, settings: &Settings) -> Option<(Status, f64)> {
    match status {
        ActionStatus::Done => Some((Status::Reached, 1.0)),
        ActionStatus::InProgress => Some((Status::OnTrack, 1.0)),
        ActionStatus::NotStarted => Some((Status::NotMeasured, 0.0)),
        ActionStatus::OnHold => Some((Status::ToWatch, settings.to_watch)),
        ActionStatus::Postponed => Some((Status::Late, 0.0)),
        ActionStatus::Dropped => None,
    }
}

pub fn report(plan: &Plan, as_of: NaiveDate) -> Report {
    let window = Window::new(plan, as_of);
    let settings = &plan.settings;
    let indicators: Vec<IndicatorProgress> =
        plan.indicators.iter().map(|i| indicator_progress(i, window, settings)).collect();

    let mut elements: HashMap<Id, Summary> = plan.elements.iter().map(|e| (e.id.clone(), Summary::default())).collect();
    for (indicator, progress) in plan.indicators.iter().zip(&indicators) {
        if let Some(summary) = elements.get_mut(&indicator.objective) {
            summary.add(progress.status, progress.score);
        }
    }
    if settings.actions_in_status {
        let checkpoint = plan.checkpoint_at(as_of).map(|c| c.id.clone());
        for action in &plan.actions {
            let status = checkpoint.as_ref().and_then(|c| action.progress_at(c)).map(|r| r.status);
            let counted = match status {
                Some(s) => action_as_status(s, settings),
                None => Some((Status::NotMeasured, 0.0)),
            };
            let Some((status, score)) = counted else { continue };
            let score = (status != Status::NotMeasured).then_some(score);
            for objective in unique(&action.objectives) {
                if let Some(summary) = elements.get_mut(objective) {
                    summary.add(status, score);
                }
            }
        }
    }

    // Children are not always after their parents in the file: fold from the deepest up.
    let depths = depths(plan);
    let mut order: Vec<&crate::model::element::Element> = plan.elements.iter().collect();
    order.sort_by_key(|e| std::cmp::Reverse(depths.get(&e.id).copied().unwrap_or(0)));
    for element in order {
        let Some(parent) = &element.parent else { continue };
        let own = elements.get(&element.id).copied().unwrap_or_default();
        if let Some(summary) = elements.get_mut(parent) {
            summary.merge(&own);
        }
    }
    let mut whole = Summary::default();
    for top in plan.elements.iter().filter(|e| e.parent.is_none()) {
        whole.merge(&elements[&top.id]);
    }
    Report { as_of, indicators, elements, plan: whole }
}

/// Each element's depth from the top, following parents; a cycle or a missing parent
/// stops the walk (the checks report both).
fn depths(plan: &Plan) -> HashMap<&Id, usize> {
    let parents: HashMap<&Id, &Id> =
        plan.elements.iter().filter_map(|e| e.parent.as_ref().map(|p| (&e.id, p))).collect();
    let mut depths: HashMap<&Id, usize> = HashMap::with_capacity(plan.elements.len());
    for element in &plan.elements {
        let mut chain = vec![&element.id];
        let mut seen = HashSet::from([&element.id]);
        let mut base = 0;
        while let Some(parent) = parents.get(chain[chain.len() - 1]) {
            if let Some(known) = depths.get(parent) {
                base = known + 1;
                break;
            }
            if !seen.insert(*parent) {
                break;
            }
            chain.push(parent);
        }
        for (i, id) in chain.iter().rev().enumerate() {
            depths.entry(*id).or_insert(base + i);
        }
    }
    depths
}

/// Counts of actions per status at a checkpoint; `not_reported` for actions with no
/// record at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ActionCounts {
    /// Indexed like `ActionStatus::ALL`.
    pub by_status: [usize; 6],
    pub not_reported: usize,
}

impl ActionCounts {
    pub(crate) fn add(&mut self, status: Option<ActionStatus>) {
        match status {
            Some(s) => self.by_status[s as usize] += 1,
            None => self.not_reported += 1,
        }
    }

    pub fn count(&self, status: ActionStatus) -> usize {
        self.by_status[status as usize]
    }

    /// Adds another set of counts: a region's whole.
    pub fn merge(&mut self, other: &ActionCounts) {
        for (mine, theirs) in self.by_status.iter_mut().zip(other.by_status) {
            *mine += theirs;
        }
        self.not_reported += other.not_reported;
    }

    pub fn total(&self) -> usize {
        self.by_status.iter().sum::<usize>() + self.not_reported
    }

    /// The share of actions with `status`, in percent; `None` when there are none.
    pub fn share(&self, status: ActionStatus) -> Option<f64> {
        let total = self.total();
        (total > 0).then(|| 100.0 * self.count(status) as f64 / total as f64)
    }
}

/// Action statistics at one checkpoint.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActionStats {
    pub overall: ActionCounts,
    /// Per element of the tree: the actions linked to it or to an element below it.
    pub by_element: HashMap<Id, ActionCounts>,
    /// Per responsible unit, by name; an empty name is kept as its own entry.
    pub by_responsible: BTreeMap<String, ActionCounts>,
    /// Per partner: the carrying organisation and every partner named.
    pub by_partner: BTreeMap<String, ActionCounts>,
    /// Per target-group code the actions name; actions naming none under "".
    pub by_group: BTreeMap<String, ActionCounts>,
}

/// An objective's progress over its measured indicators (1 = target reached): their
/// mean, and the spread behind it, so that an indicator moving away from its target and
/// one moving toward it are never averaged into one figure without saying so.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ObjectiveProgress {
    pub mean: f64,
    pub lowest: f64,
    pub highest: f64,
    /// Indicators whose progress is below zero: further from the target than at the
    /// baseline.
    pub receding: usize,
    /// Indicators whose progress is above zero.
    pub advancing: usize,
}

impl ObjectiveProgress {
    /// Some indicators recede while others advance: the mean hides both.
    pub fn mixed(&self) -> bool {
        self.receding > 0 && self.advancing > 0
    }
}

/// Per objective, the progress of its measured indicators in `report`; objectives with
/// no measured indicator are absent.
pub fn objective_progress(plan: &Plan, report: &Report) -> HashMap<Id, ObjectiveProgress> {
    let mut measured: HashMap<&Id, Vec<f64>> = HashMap::new();
    for (indicator, progress) in plan.indicators.iter().zip(&report.indicators) {
        if let Some(p) = progress.progress.filter(|p| p.is_finite()) {
            measured.entry(&indicator.objective).or_default().push(p);
        }
    }
    measured
        .into_iter()
        .map(|(id, all)| {
            let progress = ObjectiveProgress {
                mean: all.iter().sum::<f64>() / all.len() as f64,
                lowest: all.iter().copied().fold(f64::INFINITY, f64::min),
                highest: all.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                receding: all.iter().filter(|p| **p < 0.0).count(),
                advancing: all.iter().filter(|p| **p > 0.0).count(),
            };
            (id.clone(), progress)
        })
        .collect()
}

pub fn action_stats(plan: &Plan, checkpoint: &Id) -> ActionStats {
    // The tree by position: each action marks the elements it counts for with its own
    // number, so that an element reached twice (two objectives under one orientation)
    // counts it once, and a loop of parents ends.
    let position: HashMap<&Id, usize> = plan.elements.iter().enumerate().map(|(i, e)| (&e.id, i)).collect();
    let parent: Vec<Option<usize>> =
        plan.elements.iter().map(|e| e.parent.as_ref().and_then(|p| position.get(p).copied())).collect();
    let mut marked = vec![usize::MAX; plan.elements.len()];
    let mut per_element: Vec<Option<ActionCounts>> = vec![None; plan.elements.len()];
    let mut stats = ActionStats::default();
    for (number, action) in plan.actions.iter().enumerate() {
        let status = action.progress_at(checkpoint).map(|r| r.status);
        stats.overall.add(status);
        tally(&mut stats.by_responsible, action.responsible.trim(), status);
        for partner in partners(action) {
            tally(&mut stats.by_partner, partner, status);
        }
        let groups: BTreeSet<&str> = action.groups.iter().map(|g| g.trim()).filter(|g| !g.is_empty()).collect();
        if groups.is_empty() {
            tally(&mut stats.by_group, "", status);
        }
        for group in groups {
            tally(&mut stats.by_group, group, status);
        }
        // Every element above the action's objectives, each once.
        for objective in &action.objectives {
            let mut current = position.get(objective).copied();
            while let Some(at) = current {
                if marked[at] == number {
                    break;
                }
                marked[at] = number;
                per_element[at].get_or_insert_default().add(status);
                current = parent[at];
            }
        }
    }
    stats.by_element = plan
        .elements
        .iter()
        .zip(per_element)
        .filter_map(|(element, counts)| counts.map(|counts| (element.id.clone(), counts)))
        .collect();
    stats
}

/// Counts `status` under `name`, which is written out only the first time.
fn tally(counts: &mut BTreeMap<String, ActionCounts>, name: &str, status: Option<ActionStatus>) {
    match counts.get_mut(name) {
        Some(found) => found.add(status),
        None => counts.entry(name.to_owned()).or_default().add(status),
    }
}

/// The action's carrying organisation and its partners, each named once.
fn partners(action: &Action) -> impl Iterator<Item = &str> {
    let mut seen: Vec<&str> = Vec::new();
    std::iter::once(action.carrier.as_str())
        .chain(action.partners.iter().map(String::as_str))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .filter(move |p| {
            let first = !seen.contains(p);
            seen.push(p);
            first
        })
}

/// An action whose record moved between two checkpoints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionChange {
    pub action: Id,
    pub before: Reported,
    pub after: Reported,
}

/// What an action's record at a checkpoint says, as a change compares it: `None` where
/// nothing is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reported {
    pub status: Option<ActionStatus>,
    pub percent: Option<u8>,
}

impl Reported {
    fn of(record: Option<&ProgressRecord>) -> Reported {
        Reported { status: record.map(|r| r.status), percent: record.and_then(|r| r.percent) }
    }
}

/// An indicator whose status or measured values moved between two checkpoints' dates.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorChange {
    pub indicator: Id,
    pub before: Status,
    pub after: Status,
    /// Per segment whose value moved, the value each date's status rests on.
    pub values: Vec<ValueChange>,
}

/// One segment's measured value as of each of two dates (as numbers: percentages in
/// percent, money in dollars).
#[derive(Debug, Clone, PartialEq)]
pub struct ValueChange {
    pub segment: Id,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Changes {
    pub actions: Vec<ActionChange>,
    /// In the order of the plan.
    pub indicators: Vec<IndicatorChange>,
}

/// What moved from checkpoint `from` to checkpoint `to`: action records whose status or
/// percent differ, and indicators whose status or measured values as of each
/// checkpoint's date differ.
pub fn changes(plan: &Plan, from: &Id, to: &Id) -> Changes {
    Changes { actions: action_changes(plan, from, to), indicators: indicator_changes(plan, from, to) }
}

/// The action records whose status or percent differ from checkpoint `from` to `to`.
pub fn action_changes(plan: &Plan, from: &Id, to: &Id) -> Vec<ActionChange> {
    let mut changes = Vec::new();
    for action in &plan.actions {
        let before = Reported::of(action.progress_at(from));
        let after = Reported::of(action.progress_at(to));
        if before != after {
            changes.push(ActionChange { action: action.id.clone(), before, after });
        }
    }
    changes
}

/// The indicators whose status or measured values differ as of checkpoint `from`'s date
/// and as of `to`'s, in the order of the plan.
pub fn indicator_changes(plan: &Plan, from: &Id, to: &Id) -> Vec<IndicatorChange> {
    let mut changes = Vec::new();
    let date_of = |id: &Id| plan.checkpoints.iter().find(|c| &c.id == id).map(|c| c.date);
    if let (Some(d0), Some(d1)) = (date_of(from), date_of(to)) {
        let (w0, w1) = (Window::new(plan, d0), Window::new(plan, d1));
        for indicator in &plan.indicators {
            let before = indicator_progress(indicator, w0, &plan.settings);
            let after = indicator_progress(indicator, w1, &plan.settings);
            let values: Vec<ValueChange> = before
                .segments
                .iter()
                .zip(&after.segments)
                .filter(|(b, a)| b.current != a.current)
                .map(|(b, a)| ValueChange { segment: b.segment.clone(), before: b.current, after: a.current })
                .collect();
            if before.status != after.status || !values.is_empty() {
                changes.push(IndicatorChange {
                    indicator: indicator.id.clone(),
                    before: before.status,
                    after: after.status,
                    values,
                });
            }
        }
    }
    changes
}

fn unique(ids: &[Id]) -> impl Iterator<Item = &Id> {
    let mut seen = HashSet::new();
    ids.iter().filter(move |id| seen.insert(*id))
}

#[cfg(test)]
mod tests;
