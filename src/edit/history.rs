//! Undo and redo: the plan as it was before each change, within a memory budget.
//!
//! Each change arrives with its `Act`, declared where the change is made: what the user
//! did, in words the undo button can show, and whether it was typing. One click, one
//! choice in a list, one confirmed form is one step. Typing into one field is one step
//! while the field keeps the focus: a typed change coalesces with the previous step when
//! both are the same act (same field of the same entity) and nothing ended the burst in
//! between (`History::seal`, called when a field loses the focus). The caller says what a
//! snapshot weighs (a plan's entity count), and the oldest steps are forgotten beyond the
//! budget, so that a plan of 15 000 entities keeps a few steps and an ordinary plan many.

use crate::model::subject::Subject;

/// One thing the user did to the plan: what it changed (`what` of `of`) and whether it
/// was typed letter by letter. Two acts are the same step only when they are equal and
/// typed; acts on different entities or fields are never equal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Act {
    pub what: What,
    /// The entity it changed, named from whichever version of the plan holds it.
    pub of: Subject,
    /// Typed into a text field, one change per keystroke: coalesces with the same act
    /// until the field loses the focus.
    pub typing: bool,
}

impl Act {
    /// A change made at once: a click, a choice in a list, a confirmed form.
    pub fn new(what: What, of: Subject) -> Act {
        Act { what, of, typing: false }
    }

    /// A change typed into a field, one keystroke at a time.
    pub fn typing(what: What, of: Subject) -> Act {
        Act { what, of, typing: true }
    }
}

/// What an act changed or did (`text::act` says it in words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum What {
    Title,
    /// An action's état d'avancement at a checkpoint (status, percentage, narrative).
    Progress,
    Responsible,
    /// Several fields at once, from a confirmed form.
    Details,
    Added,
    Deleted,
    /// Moved under another parent, or put back in the tree.
    Moved,
    /// Moved up or down among its siblings.
    Reordered,
    Baseline,
    Target,
    Measurement,
    /// A segment of an indicator added, renamed or removed.
    Segment,
    /// An organisation's share of an allocation.
    Share,
    StaffContribution,
    /// The actions table's columns shown or hidden.
    Columns,
    /// The plan's own words for its levels and actions.
    LevelNames,
    /// An organisation of the plan added, changed or removed.
    Organisations,
    Period,
    /// A target-group code added, changed or removed.
    TargetGroups,
    /// The status thresholds.
    Thresholds,
    RollUp,
    Numbering,
    /// How long a measurement counts.
    MeasurementMonths,
    Closed,
    Reopened,
    /// A part sent to a partner, recorded.
    Sent,
    /// A partner's return merged.
    Merged,
    /// Rows of a spreadsheet imported.
    Imported,
}

#[derive(Debug, Clone)]
struct Step<T> {
    before: T,
    act: Act,
    /// Whether a typed act may still join this step: until a field loses the focus.
    open: bool,
    weight: usize,
}

#[derive(Debug, Clone)]
struct Undone<T> {
    after: T,
    act: Act,
    weight: usize,
}

#[derive(Debug, Clone)]
pub struct History<T> {
    past: Vec<Step<T>>,
    future: Vec<Undone<T>>,
    budget: usize,
    /// Whether older steps were dropped for the budget: undo then ends before the
    /// first change, and the page must say so rather than stop silently.
    forgot: bool,
}

impl<T> History<T> {
    /// A history keeping snapshots whose weights add up to at most `budget` (always at
    /// least the latest step).
    pub fn new(budget: usize) -> History<T> {
        History { past: Vec::new(), future: Vec::new(), budget, forgot: false }
    }

    /// Records a change about to be made: `before` is the state it replaces.
    pub fn record(&mut self, before: T, act: Act, weight: usize) {
        self.future.clear();
        if let Some(last) = self.past.last_mut() {
            if last.open && act.typing && last.act == act {
                return;
            }
        }
        if let Some(last) = self.past.last_mut() {
            last.open = false;
        }
        let open = act.typing;
        self.past.push(Step { before, act, open, weight });
        let mut total: usize = self.past.iter().map(|s| s.weight).sum();
        while total > self.budget && self.past.len() > 1 {
            total -= self.past.remove(0).weight;
            self.forgot = true;
        }
    }

    /// Ends the burst of typing under way, if any: the next change is a step of its own.
    /// Returns whether a burst was under way.
    pub fn seal(&mut self) -> bool {
        match self.past.last_mut() {
            Some(last) if last.open => {
                last.open = false;
                true
            }
            _ => false,
        }
    }

    /// Whether typing under way would still join the last step.
    pub fn in_burst(&self) -> bool {
        self.past.last().is_some_and(|s| s.open)
    }

    /// The state before the last step, taking `current` to be redone later.
    pub fn undo(&mut self, current: T, weight: usize) -> Option<T> {
        let step = self.past.pop()?;
        if let Some(last) = self.past.last_mut() {
            last.open = false;
        }
        self.future.push(Undone { after: current, act: step.act, weight });
        Some(step.before)
    }

    /// The state undone last, taking `current` to be undone again.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let Undone { after, act, weight } = self.future.pop()?;
        // A redone step never coalesces with a change that follows it.
        self.past.push(Step { before: current, act, open: false, weight });
        Some(after)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// What undo would undo, and the state it would bring back.
    pub fn to_undo(&self) -> Option<(&Act, &T)> {
        self.past.last().map(|s| (&s.act, &s.before))
    }

    /// What redo would redo, and the state it would bring back.
    pub fn to_redo(&self) -> Option<(&Act, &T)> {
        self.future.last().map(|u| (&u.act, &u.after))
    }

    /// Whether steps older than those kept were forgotten for the budget.
    pub fn forgot_older(&self) -> bool {
        self.forgot
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::id::Id;

    /// A change to one action's field, made at once (a click, a choice).
    fn click(what: What, action: &str) -> Act {
        Act::new(what, Subject::Action(Id::new(action)))
    }

    /// A keystroke in one action's field.
    fn key(what: What, action: &str) -> Act {
        Act::typing(what, Subject::Action(Id::new(action)))
    }

    /// Applies changes `(new value, act)` to `state`, recording each.
    fn apply(history: &mut History<i32>, state: &mut i32, changes: &[(i32, Act)]) {
        for (value, act) in changes {
            history.record(*state, act.clone(), 1);
            *state = *value;
        }
    }

    /// The states undo walks back through, to the start, once `changes` are made from 0.
    fn undone_after(changes: &[(i32, Act)]) -> Vec<i32> {
        let (mut history, mut state) = (History::new(100), 0);
        apply(&mut history, &mut state, changes);
        undo_all(&mut history, state)
    }

    /// The states undo walks back through, to the start.
    fn undo_all(history: &mut History<i32>, mut state: i32) -> Vec<i32> {
        let mut undone = Vec::new();
        while let Some(previous) = history.undo(state, 1) {
            state = previous;
            undone.push(state);
        }
        undone
    }

    #[test]
    fn undo_then_redo_walks_back_and_forth() {
        let mut history = History::new(100);
        let mut state = 0;
        let (a, b) = (click(What::Progress, "a"), click(What::Progress, "b"));
        apply(&mut history, &mut state, &[(1, a.clone()), (2, b.clone()), (3, a.clone())]);
        for expected in [2, 1, 0] {
            state = history.undo(state, 1).unwrap();
            assert_eq!(state, expected);
        }
        assert_eq!(history.undo(state, 1), None);
        for expected in [1, 2, 3] {
            state = history.redo(state).unwrap();
            assert_eq!(state, expected);
        }
        assert!(!history.can_redo());
    }

    #[test]
    fn each_click_or_choice_is_one_step_even_on_the_same_field() {
        let status = click(What::Progress, "a");
        assert_eq!(undone_after(&[(1, status.clone()), (2, status.clone()), (3, status)]), vec![2, 1, 0]);
    }

    #[test]
    fn changes_to_three_entities_in_a_row_are_three_steps() {
        let mut history = History::new(100);
        let mut state = 0;
        let changes =
            [(1, click(What::Progress, "a")), (2, click(What::Progress, "b")), (3, click(What::Progress, "c"))];
        apply(&mut history, &mut state, &changes);
        assert_eq!(history.to_undo().map(|(act, before)| (act.clone(), *before)), Some((changes[2].1.clone(), 2)));
        assert_eq!(undo_all(&mut history, state), vec![2, 1, 0]);
    }

    #[test]
    fn typing_in_one_field_is_one_step_until_the_field_loses_the_focus() {
        let mut history = History::new(100);
        let mut state = 0;
        let title = key(What::Title, "a");
        apply(&mut history, &mut state, &[(1, title.clone()), (2, title.clone()), (3, title.clone())]);
        assert!(history.seal(), "a burst was under way");
        assert!(!history.seal(), "sealing twice changes nothing");
        apply(&mut history, &mut state, &[(4, title.clone()), (5, title)]);
        assert_eq!(undo_all(&mut history, state), vec![3, 0]);
    }

    #[test]
    fn typing_in_two_fields_or_two_entities_is_two_steps() {
        let changes = [
            (1, key(What::Title, "a")),
            (2, key(What::Title, "a")),
            (3, key(What::Responsible, "a")),
            (4, key(What::Responsible, "b")),
            (5, key(What::Responsible, "b")),
        ];
        assert_eq!(undone_after(&changes), vec![3, 2, 0]);
    }

    #[test]
    fn a_click_between_keystrokes_ends_the_burst() {
        let title = key(What::Title, "a");
        assert_eq!(undone_after(&[(1, title.clone()), (2, click(What::Progress, "b")), (3, title)]), vec![2, 1, 0]);
    }

    #[test]
    fn undo_and_redo_say_what_they_would_undo_and_redo() {
        let mut history = History::new(100);
        let mut state = 0;
        let (a, b) = (click(What::Progress, "a"), click(What::Responsible, "b"));
        apply(&mut history, &mut state, &[(1, a.clone()), (2, b.clone())]);
        assert_eq!(history.to_undo(), Some((&b, &1)));
        assert_eq!(history.to_redo(), None);
        state = history.undo(state, 1).unwrap();
        assert_eq!(history.to_undo(), Some((&a, &0)));
        assert_eq!(history.to_redo(), Some((&b, &2)));
        state = history.redo(state).unwrap();
        assert_eq!((state, history.to_undo()), (2, Some((&b, &1))));
    }

    #[test]
    fn a_redone_typing_step_does_not_swallow_the_next_keystroke() {
        let mut history = History::new(100);
        let mut state = 0;
        let title = key(What::Title, "a");
        apply(&mut history, &mut state, &[(1, title.clone())]);
        state = history.undo(state, 1).unwrap();
        state = history.redo(state).unwrap();
        apply(&mut history, &mut state, &[(2, title)]);
        assert_eq!(undo_all(&mut history, state), vec![1, 0]);
    }

    #[test]
    fn a_new_change_forgets_what_could_be_redone() {
        let mut history = History::new(100);
        let mut state = 0;
        apply(&mut history, &mut state, &[(1, click(What::Progress, "a")), (2, click(What::Progress, "b"))]);
        state = history.undo(state, 1).unwrap();
        apply(&mut history, &mut state, &[(9, click(What::Progress, "c"))]);
        assert!(!history.can_redo());
        assert_eq!(history.undo(state, 1), Some(1));
    }

    #[test]
    fn the_oldest_steps_go_beyond_the_budget_and_the_latest_always_stays() {
        let mut history = History::new(3);
        let mut state = 0;
        let changes: Vec<(i32, Act)> =
            ["a", "b", "c", "d", "e"].iter().zip(1..).map(|(id, value)| (value, click(What::Details, id))).collect();
        apply(&mut history, &mut state, &changes);
        assert_eq!(undo_all(&mut history, state), vec![4, 3, 2]);

        let mut heavy = History::new(3);
        heavy.record(0, click(What::Details, "a"), 10);
        assert!(heavy.can_undo(), "one step is kept whatever it weighs");
        assert!(!heavy.forgot_older());
    }

    #[test]
    fn the_history_tells_when_older_steps_were_forgotten() {
        let mut history = History::new(3);
        let mut state = 0;
        let changes: Vec<(i32, Act)> =
            ["a", "b", "c", "d"].iter().zip(1..).map(|(id, value)| (value, click(What::Details, id))).collect();
        apply(&mut history, &mut state, &changes[..3]);
        assert!(!history.forgot_older(), "within the budget, undo goes back to the start");
        apply(&mut history, &mut state, &changes[3..]);
        assert!(history.forgot_older());
        while let Some(previous) = history.undo(state, 1) {
            state = previous;
        }
        assert_eq!(state, 1, "the first change cannot be undone");
        assert!(history.forgot_older() && !history.can_undo());
        state = history.redo(state).unwrap();
        assert!(history.forgot_older(), "redoing brings back no forgotten step");
        assert_eq!(state, 2);
    }
}
