//! Checks of the plan's structure: period, levels, references, codes, deadlines, and
//! the actions' own fields.

use super::{Finding, Reference, Subject};
use crate::model::action::ActionStatus;
use crate::model::id::Id;
use crate::model::plan::{Detached, Plan};
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
                    findings.push(Finding::missing(Subject::Element(element.id.clone()), Reference::Parent, parent));
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
/// « Objectif 2 ». Automatic codes never collide with each other, typed ones can, with
/// each other or with an automatic one (a section pasted without its code, numbered « 1 »
/// beside the typed Enjeu 1): the automatic one is then the subject, the code the plan
/// never typed. Numbering that starts again under another parent is the plan's own
/// (`CodesApart` names such elements apart), and an unnumbered section has no code.
fn duplicate_element_codes(plan: &Plan, findings: &mut Vec<Finding>) {
    let codes = plan.codes();
    let mut seen: HashMap<(Option<&Id>, &str), &Id> = HashMap::new();
    for element in &plan.elements {
        let Some(code) = codes.get(&element.id).filter(|c| !c.trim().is_empty()) else { continue };
        if let Some(first) = seen.insert((element.parent.as_ref(), code.as_str()), &element.id) {
            let first_automatic = plan.element(first).is_some_and(|e| e.code.is_none());
            let (subject, other) =
                if first_automatic && element.code.is_some() { (first, &element.id) } else { (&element.id, first) };
            findings.push(Finding::DuplicateCode {
                subject: Subject::Element(subject.clone()),
                code: code.clone(),
                other: Subject::Element(other.clone()),
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
        None => findings.push(Finding::missing(subject, reference, target)),
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
    let answered = |a: &crate::model::action::Action| !a.responsible.trim().is_empty() || !a.carrier.trim().is_empty();
    let anyone_responsible = plan.actions.iter().any(answered);
    if !anyone_responsible && !plan.actions.is_empty() {
        findings.push(Finding::PlanWithoutResponsible);
    }
    let silent = SilentSections::new(plan);
    let grouped = plan.actions.iter().filter(|a| names_a_group(a)).count();
    // The majority is read among the actions outside the silent sections: thirteen
    // governance actions without the column must not hide the three real omissions.
    let groups_expected = !plan.target_groups.is_empty() && grouped * 2 > plan.actions.len() - silent.actions;
    let mut sections_said: HashSet<&Id> = HashSet::new();
    // Codes are compared among the actions of one objective: numbering that starts
    // again under each objective is no duplicate. Each pair is said once.
    let mut codes: HashMap<(Option<&Id>, &str), &Id> = HashMap::new();
    let mut said: HashSet<(&Id, &Id)> = HashSet::new();
    for (index, action) in plan.actions.iter().enumerate() {
        let subject = || Subject::Action(action.id.clone());
        if anyone_responsible && !answered(action) {
            findings.push(Finding::ActionWithoutResponsible { action: action.id.clone() });
        }
        if groups_expected && !names_a_group(action) {
            match silent.of[index] {
                Some((section, actions)) => {
                    if sections_said.insert(section) {
                        findings.push(Finding::SectionWithoutTargetGroup { element: section.clone(), actions });
                    }
                }
                None => findings.push(Finding::ActionWithoutTargetGroup { action: action.id.clone() }),
            }
        }
        if action.objectives.is_empty() {
            findings.push(Finding::ActionWithoutObjective { action: action.id.clone() });
        }
        for objective in &action.objectives {
            link(plan, &levels, subject(), Reference::ActionObjective, objective, findings);
        }
        for record in &action.progress {
            if !checkpoints.contains(&record.checkpoint) {
                findings.push(Finding::missing(subject(), Reference::ProgressCheckpoint, &record.checkpoint));
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

fn names_a_group(action: &crate::model::action::Action) -> bool {
    action.groups.iter().any(|g| !g.trim().is_empty())
}

/// The parts of the tree none of whose actions names a target group, in a plan where
/// some do: a section whose table has no such column. A part is an element holding at
/// least two actions (below it, each counted once); each action without a group is
/// under the highest such part on the path of its first objective that has one.
struct SilentSections<'a> {
    /// Beside each of the plan's actions, when it is in a silent part: that part and the
    /// number of actions it holds.
    of: Vec<Option<(&'a Id, usize)>>,
    /// How many actions the silent parts hold.
    actions: usize,
}

impl<'a> SilentSections<'a> {
    fn new(plan: &'a Plan) -> SilentSections<'a> {
        let mut silent = SilentSections { of: vec![None; plan.actions.len()], actions: 0 };
        if !plan.actions.iter().any(names_a_group) {
            return silent;
        }
        // Elements by position: thousands of actions walk the same few paths, each
        // worked out once, and counted in a table rather than a map of ids.
        let at: HashMap<&Id, usize> = plan.elements.iter().enumerate().map(|(i, e)| (&e.id, i)).collect();
        let parent: Vec<Option<usize>> =
            plan.elements.iter().map(|e| e.parent.as_ref().and_then(|p| at.get(p).copied())).collect();
        // Each element and the elements above it, from the top; a parent cycle, which
        // the checks report, stops the walk.
        let paths: Vec<Vec<usize>> = (0..plan.elements.len())
            .map(|element| {
                let mut path = vec![];
                let mut current = Some(element);
                while let Some(element) = current.filter(|e| !path.contains(e)) {
                    path.push(element);
                    current = parent[element];
                }
                path.reverse();
                path
            })
            .collect();
        let path = |objective: &Id| at.get(objective).map_or(&[][..], |e| &paths[*e]);
        // Per element: the actions below it, and how many of them name a group; each
        // action counted once per element (`counted` holds the last action counted).
        let mut held = vec![(0usize, 0usize); plan.elements.len()];
        let mut counted = vec![usize::MAX; plan.elements.len()];
        for (index, action) in plan.actions.iter().enumerate() {
            for objective in &action.objectives {
                for &element in path(objective) {
                    if counted[element] != index {
                        counted[element] = index;
                        held[element].0 += 1;
                        held[element].1 += usize::from(names_a_group(action));
                    }
                }
            }
        }
        for (index, action) in plan.actions.iter().enumerate().filter(|(_, a)| !names_a_group(a)) {
            let Some(objective) = action.objectives.first() else { continue };
            let section = path(objective).iter().find(|e| matches!(held[**e], (n, 0) if n >= 2));
            if let Some(section) = section {
                silent.of[index] = Some((&plan.elements[*section].id, held[*section].0));
                silent.actions += 1;
            }
        }
        silent
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
