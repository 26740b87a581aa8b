//! Undo and redo: the plan as it was before each change, within a memory budget.
//!
//! A burst of changes from one place (typing a title, letter by letter) is one step:
//! a change coalesces with the previous one when it comes from the same source within
//! `BURST_MS`. The caller says what a snapshot weighs (a plan's entity count), and the
//! oldest steps are forgotten beyond the budget, so that a plan of 15 000 entities keeps
//! a few steps and an ordinary plan many.

/// Changes from one source closer than this are one step.
pub const BURST_MS: f64 = 1500.0;

#[derive(Debug, Clone)]
struct Step<T, S> {
    before: T,
    source: S,
    /// When the step's last change happened, in milliseconds.
    at_ms: f64,
    weight: usize,
}

#[derive(Debug, Clone)]
pub struct History<T, S> {
    past: Vec<Step<T, S>>,
    future: Vec<(T, usize)>,
    budget: usize,
    /// Whether older steps were dropped for the budget: undo then ends before the
    /// first change, and the page must say so rather than stop silently.
    forgot: bool,
}

impl<T, S: PartialEq> History<T, S> {
    /// A history keeping snapshots whose weights add up to at most `budget` (always at
    /// least the latest step).
    pub fn new(budget: usize) -> History<T, S> {
        History { past: Vec::new(), future: Vec::new(), budget, forgot: false }
    }

    /// Records a change about to be made: `before` is the state it replaces.
    pub fn record(&mut self, before: T, source: S, at_ms: f64, weight: usize) {
        self.future.clear();
        if let Some(last) = self.past.last_mut() {
            if last.source == source && at_ms - last.at_ms < BURST_MS {
                last.at_ms = at_ms;
                return;
            }
        }
        self.past.push(Step { before, source, at_ms, weight });
        let mut total: usize = self.past.iter().map(|s| s.weight).sum();
        while total > self.budget && self.past.len() > 1 {
            total -= self.past.remove(0).weight;
            self.forgot = true;
        }
    }

    /// The state before the last step, taking `current` to be redone later.
    pub fn undo(&mut self, current: T, weight: usize) -> Option<T> {
        let step = self.past.pop()?;
        self.future.push((current, weight));
        Some(step.before)
    }

    /// The state undone last, taking `current` to be undone again.
    pub fn redo(&mut self, current: T, source: S) -> Option<T> {
        let (next, weight) = self.future.pop()?;
        // A redone step never coalesces with a change that follows it.
        self.past.push(Step { before: current, source, at_ms: f64::NEG_INFINITY, weight });
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Whether steps older than those kept were forgotten for the budget.
    pub fn forgot_older(&self) -> bool {
        self.forgot
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies changes `(new value, source, time)` to `state`, recording each.
    fn apply(history: &mut History<i32, &'static str>, state: &mut i32, changes: &[(i32, &'static str, f64)]) {
        for &(value, source, at) in changes {
            history.record(*state, source, at, 1);
            *state = value;
        }
    }

    #[test]
    fn undo_then_redo_walks_back_and_forth() {
        let mut history = History::new(100);
        let mut state = 0;
        apply(&mut history, &mut state, &[(1, "a", 0.0), (2, "b", 10.0), (3, "a", 20.0)]);
        for expected in [2, 1, 0] {
            state = history.undo(state, 1).unwrap();
            assert_eq!(state, expected);
        }
        assert_eq!(history.undo(state, 1), None);
        for expected in [1, 2, 3] {
            state = history.redo(state, "redo").unwrap();
            assert_eq!(state, expected);
        }
        assert!(!history.can_redo());
    }

    #[test]
    fn a_burst_from_one_source_is_one_step_and_a_pause_starts_another() {
        let mut history = History::new(100);
        let mut state = 0;
        apply(
            &mut history,
            &mut state,
            &[(1, "title", 0.0), (2, "title", 400.0), (3, "title", 800.0), (4, "title", 5000.0)],
        );
        state = history.undo(state, 1).unwrap();
        assert_eq!(state, 3);
        state = history.undo(state, 1).unwrap();
        assert_eq!(state, 0);
    }

    #[test]
    fn a_new_change_forgets_what_could_be_redone() {
        let mut history = History::new(100);
        let mut state = 0;
        apply(&mut history, &mut state, &[(1, "a", 0.0), (2, "b", 10.0)]);
        state = history.undo(state, 1).unwrap();
        apply(&mut history, &mut state, &[(9, "c", 20.0)]);
        assert!(!history.can_redo());
        assert_eq!(history.undo(state, 1), Some(1));
    }

    #[test]
    fn the_oldest_steps_go_beyond_the_budget_and_the_latest_always_stays() {
        let mut history = History::new(3);
        let mut state = 0;
        apply(&mut history, &mut state, &[(1, "a", 0.0), (2, "b", 1.0), (3, "c", 2.0), (4, "d", 3.0), (5, "e", 4.0)]);
        let mut undone = Vec::new();
        while let Some(previous) = history.undo(state, 1) {
            state = previous;
            undone.push(state);
        }
        assert_eq!(undone, vec![4, 3, 2]);

        let mut heavy = History::new(3);
        heavy.record(0, "a", 0.0, 10);
        assert!(heavy.can_undo(), "one step is kept whatever it weighs");
        assert!(!heavy.forgot_older());
    }

    #[test]
    fn the_history_tells_when_older_steps_were_forgotten() {
        let mut history = History::new(3);
        let mut state = 0;
        apply(&mut history, &mut state, &[(1, "a", 0.0), (2, "b", 1.0), (3, "c", 2.0)]);
        assert!(!history.forgot_older(), "within the budget, undo goes back to the start");
        apply(&mut history, &mut state, &[(4, "d", 3.0)]);
        assert!(history.forgot_older());
        while let Some(previous) = history.undo(state, 1) {
            state = previous;
        }
        assert_eq!(state, 1, "the first change cannot be undone");
        assert!(history.forgot_older() && !history.can_undo());
        state = history.redo(state, "redo").unwrap();
        assert!(history.forgot_older(), "redoing brings back no forgotten step");
        assert_eq!(state, 2);
    }
}
