//! A plan made ready for the browser's local storage a slice at a time: its file's text
//! (written by `format::Slices`), that text's digest, its compact form when the plan is
//! too long to keep as plain text, then the digest of what storage will hold. The page
//! runs the steps between its frames, so that saving a plan of thousands of actions
//! never freezes it; `prepare` runs them all at once.

use crate::format::compact::{self, Packer};
use crate::format::{Digest, Slices};
use crate::model::plan::Plan;

/// What storage takes for a plan, and the two digests the page compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ready {
    /// The text to store: the file itself, or its compact form.
    pub stored: String,
    /// The digest of the file (`format::digest(&format::save(plan))`), compared with
    /// the last exported file's.
    pub digest: String,
    /// The digest of `stored`, which tells this page's version from another tab's.
    pub base: String,
}

/// The work under way. The plan must not change between two steps: a changed plan is
/// prepared again from a new `Preparing`.
#[derive(Default)]
pub struct Preparing {
    slices: Slices,
    /// How much of the text is digested, and packed when it is compacted.
    done: usize,
    digest: Digest,
    packer: Option<Packer>,
    /// The text to store and how much of it is digested, once the file is complete.
    stored: Option<(String, usize, Digest)>,
}

impl Preparing {
    pub fn new() -> Preparing {
        Preparing::default()
    }

    /// Does about `budget` bytes of work (writing, digesting, deflating); returns what
    /// storage takes once everything is done.
    pub fn step(&mut self, plan: &Plan, budget: usize) -> Option<Ready> {
        let budget = budget.max(1);
        if let Some((stored, digested, base)) = &mut self.stored {
            // The digest of the stored text, in pieces of about a budget each.
            let end = next_boundary(stored, digested.saturating_add(budget));
            base.update(&stored.as_bytes()[*digested..end]);
            *digested = end;
            if end < stored.len() {
                return None;
            }
            let (stored, _, base) = self.stored.take().expect("the stored text");
            return Some(Ready { stored, digest: self.digest.finish(), base: base.finish() });
        }
        let complete = self.slices.step(plan, budget);
        let text = self.slices.text();
        let fresh = &text.as_bytes()[self.done..];
        self.digest.update(fresh);
        if self.packer.is_none() && text.len() > compact::PLAIN_LIMIT {
            // Too long to keep plain: everything so far is packed, then each new piece.
            let mut packer = Packer::new();
            packer.push(text.as_bytes());
            self.packer = Some(packer);
        } else if let Some(packer) = &mut self.packer {
            packer.push(fresh);
        }
        self.done = text.len();
        if complete {
            self.stored = Some(match self.packer.take() {
                Some(packer) => (packer.finish(), 0, Digest::new()),
                // Stored as the file itself: its digest is the file's, already done.
                None => {
                    let file = std::mem::take(&mut self.slices).into_text();
                    let done = file.len();
                    (file, done, self.digest)
                }
            });
        }
        None
    }
}

/// The first character boundary at or after `at`, or the text's end.
fn next_boundary(text: &str, at: usize) -> usize {
    (at..text.len()).find(|i| text.is_char_boundary(*i)).unwrap_or(text.len())
}

/// Everything at once: what the page does when it must write before it goes (the tab
/// hidden or closed, another plan opened).
pub fn prepare(plan: &Plan) -> Ready {
    let mut preparing = Preparing::new();
    loop {
        if let Some(ready) = preparing.step(plan, usize::MAX) {
            return ready;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{digest, save};
    use crate::start::generate::{large_plan, Spec};
    use crate::start::sample::sample_plan;

    fn in_steps(plan: &Plan, budget: usize) -> (Ready, usize) {
        let mut preparing = Preparing::new();
        let mut steps = 1;
        loop {
            if let Some(ready) = preparing.step(plan, budget) {
                return (ready, steps);
            }
            steps += 1;
        }
    }

    #[test]
    fn a_plan_of_ordinary_size_is_stored_as_its_file() {
        let plan = sample_plan();
        let file = save(&plan);
        for budget in [1, 500, usize::MAX] {
            let (ready, _) = in_steps(&plan, budget);
            assert_eq!(ready.stored, file);
            assert_eq!(ready.digest, digest(&file));
            assert_eq!(ready.base, digest(&file));
        }
        assert_eq!(prepare(&plan), in_steps(&plan, 1).0);
    }

    #[test]
    fn a_large_plan_is_stored_compactly_in_many_small_steps() {
        let plan = large_plan(&Spec::benchmark());
        let file = save(&plan);
        let (ready, steps) = in_steps(&plan, 256 * 1024);
        assert!(steps > 100, "{steps} steps");
        assert_eq!(ready.digest, digest(&file));
        assert_eq!(ready.base, digest(&ready.stored));
        assert!(ready.stored.starts_with(compact::MARK));
        assert!(compact::unpack(&ready.stored, file.len()).as_deref() == Some(file.as_str()), "unpacked differs");
        assert_eq!(prepare(&plan), ready);
    }
}
