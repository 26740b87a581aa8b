//! Checks of the plan's structure: period, levels, references, codes, deadlines, and
//! the actions' own fields.

use super::{Finding, Reference, Subject};
use crate::action::ActionStatus;
use crate::id::Id;
use crate::plan::{Detached, Plan};
use std::collections::{HashMap, HashSet};

pub(super) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    if plan.period.end < plan.period.start {
        findings.push(Finding::PeriodReversed { start: plan.period.start, end: plan.period.end });
    }
    if plan.objective_level >= plan.levels.len() {
        findings.push(Finding::ObjectiveLevelMissing { level: plan.objective_level, levels: plan.levels.len() });
    }
    let levels = element_levels(plan);
    for element in &plan.elements {
        let expected_level = match &element.parent {
            None => Some(0),
            Some(parent) => match levels.get(parent) {
                Some(level) => Some(level + 1),
                None => {
                    findings.push(Finding::MissingReference {
                        subject: Subject::Element(element.id.clone()),
                        reference: Reference::Parent,
                        missing: parent.clone(),
                    });
                    None
                }
            },
        };
        let fits = element.level < plan.levels.len() && expected_level.is_none_or(|l| l == element.level);
        if !fits {
            findings.push(Finding::LevelMismatch { element: element.id.clone(), level: element.level });
        }
        if let Some(deadline) = element.deadline {
            if deadline.end(plan.year_end()) > plan.period.end {
                findings.push(Finding::DeadlineAfterPlanEnd {
                    element: element.id.clone(),
                    deadline,
                    end: plan.period.end,
                });
            }
        }
    }
    parent_cycles(plan, findings);
    duplicate_element_codes(plan, findings);
    objectives_without_means(plan, findings);
}

/// Each element's level by its id: what a link or a parent is checked against.
fn element_levels(plan: &Plan) -> HashMap<&Id, usize> {
    plan.elements.iter().map(|e| (&e.id, e.level)).collect()
}

/// The indicators' links to their objectives: they read the tree and the indicators
/// only, so they hold while actions change.
pub(super) fn indicator_links(plan: &Plan, findings: &mut Vec<Finding>) {
    let levels = element_levels(plan);
    for indicator in &plan.indicators {
        link(
            plan,
            &levels,
            Subject::Indicator(indicator.id.clone()),
            Reference::IndicatorObjective,
            &indicator.objective,
            findings,
        );
    }
}

/// Parent cycles, once each: an element in a cycle vanishes from the tree with all it
/// holds, so the user must be told. Missing parents are reported above as missing
/// references.
fn parent_cycles(plan: &Plan, findings: &mut Vec<Finding>) {
    // A cycle is headed by its first member in display order, so found once.
    for (_, why) in plan.outside_tree() {
        if let Detached::Cycle(members) = why {
            findings.push(Finding::ParentCycle { elements: members });
        }
    }
}

/// Two siblings showing the same code: a reader could not tell « Objectif 2 » from
/// « Objectif 2 ». Automatic codes never collide, typed ones can; numbering that starts
/// again under another parent is the plan's own, and an unnumbered section has no code
/// to share.
fn duplicate_element_codes(plan: &Plan, findings: &mut Vec<Finding>) {
    let codes = plan.codes();
    let mut seen: HashMap<(Option<&Id>, &str), &Id> = HashMap::new();
    for element in &plan.elements {
        let Some(code) = codes.get(&element.id).filter(|c| !c.trim().is_empty()) else { continue };
        if let Some(first) = seen.insert((element.parent.as_ref(), code.as_str()), &element.id) {
            findings.push(Finding::DuplicateCode {
                subject: Subject::Element(element.id.clone()),
                code: code.clone(),
                other: Subject::Element(first.clone()),
            });
        }
    }
}

/// Objectives that neither an action pursues nor an indicator measures.
fn objectives_without_means(plan: &Plan, findings: &mut Vec<Finding>) {
    // Marked in a table of the objectives alone: a few hundred, where the links to them
    // run to tens of thousands in a large plan.
    let mut linked: HashMap<&Id, bool> = plan.objectives().map(|o| (&o.id, false)).collect();
    for objective in plan.indicators.iter().map(|i| &i.objective).chain(plan.actions.iter().flat_map(|a| &a.objectives))
    {
        if let Some(linked) = linked.get_mut(objective) {
            *linked = true;
        }
    }
    for objective in plan.objectives().filter(|o| !linked[&o.id]) {
        findings.push(Finding::ObjectiveWithoutActionOrIndicator { element: objective.id.clone() });
    }
}

/// A link from an indicator or an action to an objective.
fn link(
    plan: &Plan,
    levels: &HashMap<&Id, usize>,
    subject: Subject,
    reference: Reference,
    target: &Id,
    findings: &mut Vec<Finding>,
) {
    match levels.get(target) {
        None => findings.push(Finding::MissingReference { subject, reference, missing: target.clone() }),
        // With no valid objective level, every link would be off it: the plan's own
        // finding says so once.
        Some(level) if *level != plan.objective_level && plan.objective_level < plan.levels.len() => {
            findings.push(Finding::NotAnObjective { subject, element: target.clone() })
        }
        Some(_) => {}
    }
}

pub(super) fn check_actions(plan: &Plan, findings: &mut Vec<Finding>) {
    let levels = element_levels(plan);
    let checkpoints: HashSet<&Id> = plan.checkpoints.iter().map(|c| &c.id).collect();
    // A field that no action fills is the plan's way, said once; one that most fill is
    // missing where it is empty. The fiduciaire that carries an action answers for it.
    let answered = |a: &crate::action::Action| !a.responsible.trim().is_empty() || !a.carrier.trim().is_empty();
    let anyone_responsible = plan.actions.iter().any(answered);
    if !anyone_responsible && !plan.actions.is_empty() {
        findings.push(Finding::PlanWithoutResponsible);
    }
    let grouped = plan.actions.iter().filter(|a| !a.groups.is_empty()).count();
    let groups_expected = !plan.target_groups.is_empty() && grouped * 2 > plan.actions.len();
    // Codes are compared among the actions of one objective: numbering that starts
    // again under each objective is no duplicate. Each pair is said once.
    let mut codes: HashMap<(Option<&Id>, &str), &Id> = HashMap::new();
    let mut said: HashSet<(&Id, &Id)> = HashSet::new();
    for action in &plan.actions {
        let subject = || Subject::Action(action.id.clone());
        if anyone_responsible && !answered(action) {
            findings.push(Finding::ActionWithoutResponsible { action: action.id.clone() });
        }
        if groups_expected && action.groups.iter().all(|g| g.trim().is_empty()) {
            findings.push(Finding::ActionWithoutTargetGroup { action: action.id.clone() });
        }
        if action.objectives.is_empty() {
            findings.push(Finding::ActionWithoutObjective { action: action.id.clone() });
        }
        for objective in &action.objectives {
            link(plan, &levels, subject(), Reference::ActionObjective, objective, findings);
        }
        for record in &action.progress {
            if !checkpoints.contains(&record.checkpoint) {
                findings.push(Finding::MissingReference {
                    subject: subject(),
                    reference: Reference::ProgressCheckpoint,
                    missing: record.checkpoint.clone(),
                });
            }
            if let Some(percent) = record.percent {
                findings.extend(questioned_progress(&action.id, &record.checkpoint, percent));
                if record.status == ActionStatus::Done && percent < 100 {
                    findings.push(Finding::DoneBelowFull {
                        action: action.id.clone(),
                        checkpoint: record.checkpoint.clone(),
                        percent,
                    });
                }
            }
        }
        let Some(code) = action.code.as_deref().map(str::trim).filter(|c| !c.is_empty()) else { continue };
        let parents: Vec<Option<&Id>> =
            if action.objectives.is_empty() { vec![None] } else { action.objectives.iter().map(Some).collect() };
        for parent in parents {
            if let Some(first) = codes.insert((parent, code), &action.id) {
                if first != &action.id && said.insert((first, &action.id)) {
                    findings.push(Finding::DuplicateCode {
                        subject: subject(),
                        code: code.to_owned(),
                        other: Subject::Action(first.clone()),
                    });
                }
            }
        }
    }
}

/// What the checks say of a percent of progress recorded for `action` at `checkpoint`:
/// the same finding once it is in the plan, and beside its field as soon as it is typed.
pub fn questioned_progress(action: &Id, checkpoint: &Id, percent: u8) -> Option<Finding> {
    (percent > 100).then(|| Finding::ProgressPercentOutOfRange {
        action: action.clone(),
        checkpoint: checkpoint.clone(),
        percent,
    })
}
