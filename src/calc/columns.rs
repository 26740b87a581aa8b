//! The columns of the actions table and which of them a plan shows.
//!
//! Reference plan 000 lists its moyens with groupes visés, responsable, mise en œuvre,
//! services, mode d'évaluation and état d'avancement; the regional and cooperative
//! plans add fiduciaire, partenaires, échéancier and résultats attendus. A plan keeps
//! its own choice; without one, the columns its actions fill are shown.

pub use crate::model::action::ActionColumn;
use crate::model::plan::Plan;

/// The columns the plan's actions table shows, in table order: the plan's own choice;
/// without one, the objectives, the état d'avancement and every other column that some
/// action fills (a column empty in every row only takes room). A plan without actions
/// yet shows reference plan 000's columns, the shape a plan is written in.
pub fn shown_columns(plan: &Plan) -> Vec<ActionColumn> {
    if let Some(chosen) = &plan.settings.columns {
        return ActionColumn::ALL.into_iter().filter(|c| chosen.contains(c)).collect();
    }
    if plan.actions.is_empty() {
        return ActionColumn::PEVR.to_vec();
    }
    let used = |column: ActionColumn| {
        plan.actions.iter().any(|a| match column {
            ActionColumn::Objectives | ActionColumn::Progress => true,
            ActionColumn::Groups => a.groups.iter().any(|g| !g.trim().is_empty()),
            ActionColumn::Responsible => !a.responsible.trim().is_empty(),
            ActionColumn::Implementation => !a.implementation.trim().is_empty(),
            ActionColumn::Services => !a.services.trim().is_empty(),
            ActionColumn::Evaluation => !a.evaluation.trim().is_empty(),
            ActionColumn::Carrier => !a.carrier.trim().is_empty(),
            ActionColumn::Partners => !a.partners.is_empty(),
            ActionColumn::Schedule => a.schedule != Default::default() || !a.steps.is_empty(),
            ActionColumn::ExpectedResults => !a.expected_results.trim().is_empty(),
        })
    };
    ActionColumn::ALL.into_iter().filter(|c| used(*c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    #[test]
    fn a_pevr_shows_the_columns_of_plan_000_and_a_regional_plan_adds_its_partners() {
        let pevr = shown_columns(&fixtures::plan("plan-000-pevr"));
        assert!(ActionColumn::PEVR.iter().all(|c| pevr.contains(c)), "{pevr:?}");
        assert!(!pevr.contains(&ActionColumn::Partners) && !pevr.contains(&ActionColumn::Carrier), "{pevr:?}");
        let regional = shown_columns(&fixtures::plan("plan-001-regional"));
        assert!(regional.contains(&ActionColumn::Partners), "{regional:?}");
        assert!(regional.contains(&ActionColumn::Carrier), "{regional:?}");
    }

    #[test]
    fn a_column_no_action_fills_is_not_shown_unless_the_plan_has_no_action_yet() {
        let mut plan = fixtures::plan("plan-000-pevr");
        for action in &mut plan.actions {
            action.evaluation.clear();
            action.services = " ".into();
        }
        let shown = shown_columns(&plan);
        assert!(!shown.contains(&ActionColumn::Evaluation) && !shown.contains(&ActionColumn::Services), "{shown:?}");
        assert!(shown.contains(&ActionColumn::Objectives) && shown.contains(&ActionColumn::Progress), "{shown:?}");
        plan.actions.clear();
        assert_eq!(shown_columns(&plan), ActionColumn::PEVR);
    }

    #[test]
    fn a_plan_s_own_choice_wins_and_keeps_table_order() {
        let mut plan = fixtures::plan("plan-000-pevr");
        plan.settings.columns = Some(vec![ActionColumn::Progress, ActionColumn::Responsible]);
        assert_eq!(shown_columns(&plan), vec![ActionColumn::Responsible, ActionColumn::Progress]);
    }
}
