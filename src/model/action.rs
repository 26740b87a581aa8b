//! Actions (moyens, activités): entities of their own, linked to one or more objectives.
//!
//! Reference plans repeat the same moyen under several objectives; here it is one
//! action with several links, so that its progress is reported once.

use crate::model::date::PlanDate;
use crate::model::id::{Id, Meta};
use crate::model::money::Cents;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    NotStarted,
    InProgress,
    Done,
    OnHold,
    Postponed,
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 6] = [
        ActionStatus::NotStarted,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::OnHold,
        ActionStatus::Postponed,
        ActionStatus::Dropped,
    ];
}

/// The état d'avancement of an action at one checkpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressRecord {
    pub checkpoint: Id,
    pub status: ActionStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<u8>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub narrative: String,
    #[serde(default)]
    pub meta: Meta,
}

/// A step of an action for one plan year (« 2024-2025 : mise à l'essai »).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub year: String,
    pub text: String,
}

impl Step {
    /// Steps under their plan year, the years in the order they first appear, each
    /// step in the order given.
    pub fn by_year(steps: &[Step]) -> Vec<(&str, Vec<&Step>)> {
        let mut years: Vec<(&str, Vec<&Step>)> = Vec::new();
        for step in steps {
            match years.iter_mut().find(|(year, _)| *year == step.year) {
                Some((_, steps)) => steps.push(step),
                None => years.push((&step.year, vec![step])),
            }
        }
        years
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// Plan years the action runs in (« 2024-2025 »).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PlanDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PlanDate>,
    /// The échéancier as written, when it is not a date (« 3 fois par année »).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub title: String,
    /// The objective-level elements this action serves.
    pub objectives: Vec<Id>,
    /// Target groups: the plan's own codes (« 1 ») or free text (« Enseignants »).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub responsible: String,
    /// The fiduciaire: the organisation that carries the action.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub carrier: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// Mise en œuvre: duration, frequency, place.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub implementation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub services: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evaluation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub expected_results: String,
    #[serde(default)]
    pub schedule: Schedule,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_planned: Option<Cents>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_spent: Option<Cents>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<ProgressRecord>,
    #[serde(default)]
    pub meta: Meta,
}

impl Action {
    pub fn new(id: &str, title: &str, objectives: &[&str]) -> Action {
        Action {
            id: Id::new(id),
            code: None,
            title: title.into(),
            objectives: objectives.iter().map(|o| Id::new(*o)).collect(),
            groups: Vec::new(),
            responsible: String::new(),
            carrier: String::new(),
            partners: Vec::new(),
            implementation: String::new(),
            services: String::new(),
            evaluation: String::new(),
            expected_results: String::new(),
            schedule: Schedule::default(),
            steps: Vec::new(),
            budget_planned: None,
            budget_spent: None,
            progress: Vec::new(),
            meta: Meta::default(),
        }
    }

    pub fn progress_at(&self, checkpoint: &Id) -> Option<&ProgressRecord> {
        self.progress.iter().find(|p| &p.checkpoint == checkpoint)
    }
}

/// A column of the actions table: one field of the action (see `columns` for which
/// ones a plan shows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionColumn {
    Objectives,
    Groups,
    Responsible,
    Implementation,
    Services,
    Evaluation,
    Carrier,
    Partners,
    Schedule,
    ExpectedResults,
    Progress,
}

impl ActionColumn {
    /// In the order the table shows them.
    pub const ALL: [ActionColumn; 11] = [
        ActionColumn::Objectives,
        ActionColumn::Groups,
        ActionColumn::Responsible,
        ActionColumn::Implementation,
        ActionColumn::Services,
        ActionColumn::Evaluation,
        ActionColumn::Carrier,
        ActionColumn::Partners,
        ActionColumn::Schedule,
        ActionColumn::ExpectedResults,
        ActionColumn::Progress,
    ];

    /// The columns of reference plan 000, shown even when empty.
    pub(crate) const PEVR: [ActionColumn; 7] = [
        ActionColumn::Objectives,
        ActionColumn::Groups,
        ActionColumn::Responsible,
        ActionColumn::Implementation,
        ActionColumn::Services,
        ActionColumn::Evaluation,
        ActionColumn::Progress,
    ];
}

#[cfg(test)]
mod step_tests {
    use super::Step;

    #[test]
    fn steps_gather_under_their_year_in_first_seen_order() {
        let step = |year: &str, text: &str| Step { year: year.into(), text: text.into() };
        let steps = [step("2025-2026", "a"), step("2024-2025", "b"), step("2025-2026", "c")];
        let grouped: Vec<(&str, Vec<&str>)> =
            Step::by_year(&steps).into_iter().map(|(y, s)| (y, s.iter().map(|s| s.text.as_str()).collect())).collect();
        assert_eq!(grouped, [("2025-2026", vec!["a", "c"]), ("2024-2025", vec!["b"])]);
    }
}
