//! Findings of one kind together: a reviewer reads « 12 actions sans groupe cible »
//! once, with the list behind it, rather than twelve lines in a row.

use super::Finding;

/// What a finding says, without what it says it of: one per variant of `Finding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    LevelMismatch,
    ObjectiveLevelMissing,
    MissingReference,
    ParentCycle,
    NotAnObjective,
    DuplicateCode,
    DeadlineAfterPlanEnd,
    PeriodReversed,
    CheckpointOutsidePeriod,
    ObjectiveWithoutActionOrIndicator,
    NoSegment,
    PercentageTargetOutOfRange,
    PercentageValueOutOfRange,
    TargetWrongSide,
    TargetEqualsBaseline,
    RelativeTargetWithoutBaseline,
    ValueDoesNotFitKind,
    RatioWithoutWhole,
    TargetBeforeBaseline,
    MeasurementTooOld,
    ActionWithoutResponsible,
    PlanWithoutResponsible,
    ActionWithoutTargetGroup,
    SectionWithoutTargetGroup,
    ActionWithoutObjective,
    ProgressPercentOutOfRange,
    DoneBelowFull,
    ActionOverdue,
    ScheduleOutsidePeriod,
    StatedTotalMismatch,
    StaffAmountMismatch,
    AllocationSumMismatch,
    AllocationWithoutWeight,
    NegativeAmount,
}

impl Finding {
    pub fn kind(&self) -> Kind {
        use Finding::*;
        match self {
            LevelMismatch { .. } => Kind::LevelMismatch,
            ObjectiveLevelMissing { .. } => Kind::ObjectiveLevelMissing,
            MissingReference { .. } => Kind::MissingReference,
            ParentCycle { .. } => Kind::ParentCycle,
            NotAnObjective { .. } => Kind::NotAnObjective,
            DuplicateCode { .. } => Kind::DuplicateCode,
            DeadlineAfterPlanEnd { .. } => Kind::DeadlineAfterPlanEnd,
            PeriodReversed { .. } => Kind::PeriodReversed,
            CheckpointOutsidePeriod { .. } => Kind::CheckpointOutsidePeriod,
            ObjectiveWithoutActionOrIndicator { .. } => Kind::ObjectiveWithoutActionOrIndicator,
            NoSegment { .. } => Kind::NoSegment,
            PercentageTargetOutOfRange { .. } => Kind::PercentageTargetOutOfRange,
            PercentageValueOutOfRange { .. } => Kind::PercentageValueOutOfRange,
            TargetWrongSide { .. } => Kind::TargetWrongSide,
            TargetEqualsBaseline { .. } => Kind::TargetEqualsBaseline,
            RelativeTargetWithoutBaseline { .. } => Kind::RelativeTargetWithoutBaseline,
            ValueDoesNotFitKind { .. } => Kind::ValueDoesNotFitKind,
            RatioWithoutWhole { .. } => Kind::RatioWithoutWhole,
            TargetBeforeBaseline { .. } => Kind::TargetBeforeBaseline,
            MeasurementTooOld { .. } => Kind::MeasurementTooOld,
            ActionWithoutResponsible { .. } => Kind::ActionWithoutResponsible,
            PlanWithoutResponsible => Kind::PlanWithoutResponsible,
            ActionWithoutTargetGroup { .. } => Kind::ActionWithoutTargetGroup,
            SectionWithoutTargetGroup { .. } => Kind::SectionWithoutTargetGroup,
            ActionWithoutObjective { .. } => Kind::ActionWithoutObjective,
            ProgressPercentOutOfRange { .. } => Kind::ProgressPercentOutOfRange,
            DoneBelowFull { .. } => Kind::DoneBelowFull,
            ActionOverdue { .. } => Kind::ActionOverdue,
            ScheduleOutsidePeriod { .. } => Kind::ScheduleOutsidePeriod,
            StatedTotalMismatch { .. } => Kind::StatedTotalMismatch,
            StaffAmountMismatch { .. } => Kind::StaffAmountMismatch,
            AllocationSumMismatch { .. } => Kind::AllocationSumMismatch,
            AllocationWithoutWeight { .. } => Kind::AllocationWithoutWeight,
            NegativeAmount { .. } => Kind::NegativeAmount,
        }
    }
}

/// The findings of one kind, in the order the checks found them.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub kind: Kind,
    pub findings: Vec<Finding>,
}

impl Group {
    pub fn count(&self) -> usize {
        self.findings.len()
    }
}

/// The findings grouped by kind, the groups in the order of their first finding.
pub fn grouped(findings: &[Finding]) -> Vec<Group> {
    grouped_from(findings.to_vec())
}

/// `grouped`, moving the findings into their groups: a large plan has thousands.
pub fn grouped_from(findings: Vec<Finding>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for finding in findings {
        let kind = finding.kind();
        match groups.iter_mut().find(|g| g.kind == kind) {
            Some(group) => group.findings.push(finding),
            None => groups.push(Group { kind, findings: vec![finding] }),
        }
    }
    groups
}
