//! A regional view as the coordinator keeps it: its name, the plans it follows (by id:
//! the plans themselves stay in the library, unchanged by the view), the version of
//! each the coordinator last looked at, and the coordinator's word on which indicators
//! of different plans measure the same thing.

pub mod list;

use super::{indicator_matches, Names};
use crate::calc::status::{indicator_progress, IndicatorProgress, Window};
use crate::model::id::Id;
use crate::model::indicator::Indicator;
use crate::model::plan::Plan;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct View {
    pub id: Id,
    pub name: String,
    /// In the order the coordinator added them; each plan once.
    #[serde(default)]
    pub plans: Vec<Followed>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
}

/// A plan of the view, and the version of it last looked at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Followed {
    pub plan: Id,
    /// The digest of the plan's file (`format::digest`) when last looked at.
    pub seen: String,
    pub seen_at: DateTime<Utc>,
    /// What the coordinator calls the plan's organisation when the plan lists several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// One indicator of one plan.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pick {
    pub plan: Id,
    pub indicator: Id,
}

/// The coordinator's word on a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// These indicators measure the same thing.
    Confirmed,
    /// The match proposed for these indicators is wrong: not proposed again.
    Dismissed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub verdict: Verdict,
    pub indicators: Vec<Pick>,
}

/// A match as the view shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// The label of its first indicator.
    pub label: String,
    /// At most one indicator per plan, in the view's order of plans.
    pub indicators: Vec<Pick>,
    pub confirmed: bool,
}

impl View {
    pub fn new(id: Id, name: String) -> View {
        View { id, name, plans: Vec::new(), decisions: Vec::new() }
    }

    /// Adds a plan, seen as it is now; a plan already followed is left as it is.
    pub fn follow(&mut self, plan: Id, digest: String, at: DateTime<Utc>) -> bool {
        if self.follows(&plan) {
            return false;
        }
        self.plans.push(Followed { plan, seen: digest, seen_at: at, name: None });
        true
    }

    pub fn follows(&self, plan: &Id) -> bool {
        self.plans.iter().any(|f| &f.plan == plan)
    }

    /// Names a followed plan's organisation; a blank name gives the plan back its own.
    pub fn name(&mut self, plan: &Id, name: &str) {
        if let Some(followed) = self.plans.iter_mut().find(|f| &f.plan == plan) {
            followed.name = Some(name.trim().to_owned()).filter(|n| !n.is_empty());
        }
    }

    /// The names the coordinator gave.
    pub fn names(&self) -> Names {
        Names(self.plans.iter().filter_map(|f| Some((f.plan.clone(), f.name.clone()?))).collect())
    }

    /// Stops following a plan; the plan itself stays in the library.
    pub fn unfollow(&mut self, plan: &Id) {
        self.plans.retain(|f| &f.plan != plan);
    }

    /// Records the version of a plan now looked at.
    pub fn seen(&mut self, plan: &Id, digest: String, at: DateTime<Utc>) {
        if let Some(followed) = self.plans.iter_mut().find(|f| &f.plan == plan) {
            followed.seen = digest;
            followed.seen_at = at;
        }
    }

    /// Whether the plan's file, `digest` now, differs from the version last looked at.
    pub fn changed_since_seen(&self, plan: &Id, digest: &str) -> bool {
        self.plans.iter().any(|f| &f.plan == plan && f.seen != digest)
    }

    /// Confirms that `indicators` measure the same thing. An indicator belongs to one
    /// confirmed match: earlier decisions that name one of them are replaced.
    pub fn confirm(&mut self, indicators: Vec<Pick>) {
        self.forget_any(&indicators);
        if indicators.len() > 1 {
            self.decisions.push(Decision { verdict: Verdict::Confirmed, indicators });
        }
    }

    /// Says that `indicators` do not measure the same thing.
    pub fn dismiss(&mut self, indicators: Vec<Pick>) {
        self.forget_any(&indicators);
        self.decisions.push(Decision { verdict: Verdict::Dismissed, indicators });
    }

    fn forget_any(&mut self, indicators: &[Pick]) {
        self.decisions.retain(|d| !d.indicators.iter().any(|p| indicators.contains(p)));
    }

    /// Makes the change the coordinator asked for.
    pub fn apply(&mut self, edit: &Edit) {
        match edit {
            Edit::Follow(plans, at) => {
                for (plan, digest) in plans {
                    self.follow(plan.clone(), digest.clone(), *at);
                }
            }
            Edit::Seen { plan, digest, at } => self.seen(plan, digest.clone(), *at),
            Edit::Unfollow(plan) => self.unfollow(plan),
            Edit::Name { plan, name } => self.name(plan, name),
            Edit::Confirm(picks) => self.confirm(picks.clone()),
            Edit::Dismiss(picks) => self.dismiss(picks.clone()),
        }
    }
}

/// A change of one view, as the screens ask for it (`View::apply`).
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Follows these plans, each with the digest of its file, as of `at`; a plan already
    /// followed keeps the version last looked at.
    Follow(Vec<(Id, String)>, DateTime<Utc>),
    Seen {
        plan: Id,
        digest: String,
        at: DateTime<Utc>,
    },
    Unfollow(Id),
    Name {
        plan: Id,
        name: String,
    },
    Confirm(Vec<Pick>),
    Dismiss(Vec<Pick>),
}

/// The matches of the view's plans: those the coordinator confirmed (as far as their
/// plans and indicators are still there), then those proposed by label that no
/// decision covers.
pub fn matches(view: &View, plans: &[&Plan]) -> Vec<Match> {
    let order: Vec<&Id> = view.plans.iter().map(|f| &f.plan).collect();
    let members: Vec<&Plan> = order.iter().filter_map(|id| plans.iter().copied().find(|p| &p.id == *id)).collect();
    let exists =
        |pick: &Pick| members.iter().any(|p| p.id == pick.plan && p.indicators.iter().any(|i| i.id == pick.indicator));
    let mut shown = Vec::new();
    for decision in &view.decisions {
        if decision.verdict != Verdict::Confirmed {
            continue;
        }
        let mut indicators: Vec<Pick> = decision.indicators.iter().filter(|p| exists(p)).cloned().collect();
        indicators.sort_by_key(|p| order.iter().position(|id| **id == p.plan));
        if indicators.len() > 1 {
            let label = indicator(&members, &indicators[0]).map(|i| i.label.clone()).unwrap_or_default();
            shown.push(Match { label, indicators, confirmed: true });
        }
    }
    let dismissed: Vec<HashSet<&Pick>> = view
        .decisions
        .iter()
        .filter(|d| d.verdict == Verdict::Dismissed)
        .map(|d| d.indicators.iter().collect())
        .collect();
    for proposal in indicator_matches(&members) {
        let indicators: Vec<Pick> =
            proposal.indicators.into_iter().map(|(plan, indicator)| Pick { plan, indicator }).collect();
        let confirmed =
            |p: &Pick| view.decisions.iter().any(|d| d.verdict == Verdict::Confirmed && d.indicators.contains(p));
        let set: HashSet<&Pick> = indicators.iter().collect();
        if indicators.iter().any(confirmed) || dismissed.contains(&set) {
            continue;
        }
        shown.push(Match { label: proposal.label, indicators, confirmed: false });
    }
    shown
}

fn indicator<'a>(plans: &[&'a Plan], pick: &Pick) -> Option<&'a Indicator> {
    plans.iter().find(|p| p.id == pick.plan)?.indicators.iter().find(|i| i.id == pick.indicator)
}

/// One organisation's indicator of a match, as of a date, judged by its own plan's
/// rules.
#[derive(Debug, Clone, PartialEq)]
pub struct Compared<'a> {
    pub plan: &'a Plan,
    pub indicator: &'a Indicator,
    pub progress: IndicatorProgress,
}

/// The indicators of a match side by side as of `as_of`.
pub fn compared<'a>(plans: &[&'a Plan], picks: &[Pick], as_of: NaiveDate) -> Vec<Compared<'a>> {
    picks
        .iter()
        .filter_map(|pick| {
            let plan = plans.iter().copied().find(|p| p.id == pick.plan)?;
            let indicator = plan.indicators.iter().find(|i| i.id == pick.indicator)?;
            let progress = indicator_progress(indicator, Window::new(plan, as_of), &plan.settings);
            Some(Compared { plan, indicator, progress })
        })
        .collect()
}

#[cfg(test)]
mod tests;
