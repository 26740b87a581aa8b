//! The file's text written a slice at a time: the same bytes as `save`, produced in
//! steps of about a given size, so that a page saving a plan of thousands of actions
//! can paint between the steps.
//!
//! `save` stays the definition of the file; this writer follows it field by field and
//! the tests hold the two to the same bytes on every fixture and on arbitrary plans. A
//! field added to the plan without its line here fails those tests.

use super::{version_for, FORMAT_NAME};
use crate::model::plan::Plan;
use serde::Serialize;

/// Where the writer is in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Head,
    Elements,
    Indicators,
    Actions,
    Tail,
    Done,
}

/// The plan's text under way. The plan must not change between two steps: a changed
/// plan is written again by a new `Slices`.
#[derive(Debug)]
pub struct Slices {
    part: Part,
    /// The next item of the list being written.
    item: usize,
    text: String,
}

impl Default for Slices {
    fn default() -> Self {
        Slices { part: Part::Head, item: 0, text: String::new() }
    }
}

/// Fields sit four spaces in (envelope, then plan); list items six.
const FIELD: &str = "\n    ";
const ITEM: &str = "\n      ";

impl Slices {
    pub fn new() -> Slices {
        Slices::default()
    }

    /// Writes whole fields and list items until about `budget` more bytes are written
    /// or the file is complete. Returns whether it is complete.
    pub fn step(&mut self, plan: &Plan, budget: usize) -> bool {
        let goal = self.text.len().saturating_add(budget.max(1));
        while self.part != Part::Done && self.text.len() < goal {
            match self.part {
                Part::Head => {
                    self.head(plan);
                    self.part = Part::Elements;
                }
                Part::Elements => self.list(&plan.elements, "elements", Part::Indicators, goal),
                Part::Indicators => self.list(&plan.indicators, "indicators", Part::Actions, goal),
                Part::Actions => self.list(&plan.actions, "actions", Part::Tail, goal),
                Part::Tail => {
                    if !plan.budget.is_empty() {
                        self.field("budget", &plan.budget);
                    }
                    if !plan.sendings.is_empty() {
                        self.field("sendings", &plan.sendings);
                    }
                    if let Some(part) = &plan.part {
                        self.field("part", part);
                    }
                    if !plan.sources.is_empty() {
                        self.field("sources", &plan.sources);
                    }
                    self.field("meta", &plan.meta);
                    self.text.push_str("\n  }\n}\n");
                    self.part = Part::Done;
                }
                Part::Done => {}
            }
        }
        self.part == Part::Done
    }

    /// The text written so far: the whole file once `step` has returned `true`.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn into_text(self) -> String {
        self.text
    }

    /// The envelope, and the plan's fields before its three long lists, in `Plan`'s
    /// order, each skipped where the plan's own serialisation skips it.
    fn head(&mut self, plan: &Plan) {
        self.text.push_str("{\n  \"format\": ");
        write_value(&mut self.text, &FORMAT_NAME, "");
        self.text.push_str(",\n  \"version\": ");
        write_value(&mut self.text, &version_for(plan), "");
        self.text.push_str(",\n  \"plan\": {");
        self.first_field("id", &plan.id);
        self.field("title", &plan.title);
        self.field("organisations", &plan.organisations);
        self.field("period", &plan.period);
        self.field("levels", &plan.levels);
        self.field("objective_level", &plan.objective_level);
        self.field("action_name", &plan.action_name);
        if !plan.target_groups.is_empty() {
            self.field("target_groups", &plan.target_groups);
        }
        if !plan.checkpoints.is_empty() {
            self.field("checkpoints", &plan.checkpoints);
        }
        self.field("settings", &plan.settings);
    }

    fn first_field(&mut self, key: &str, value: &impl Serialize) {
        self.text.push_str(FIELD);
        write_value(&mut self.text, &key, "");
        self.text.push_str(": ");
        write_value(&mut self.text, value, FIELD);
    }

    fn field(&mut self, key: &str, value: &impl Serialize) {
        self.text.push(',');
        self.first_field(key, value);
    }

    /// Items of one list until the goal; the list is left out when empty, as `Plan`
    /// leaves it out.
    fn list<T: Serialize>(&mut self, items: &[T], key: &str, next: Part, goal: usize) {
        if items.is_empty() {
            self.part = next;
            return;
        }
        // The list's opening, and always its first item: a step makes progress
        // whatever its budget.
        if self.item == 0 {
            self.text.push(',');
            self.text.push_str(FIELD);
            write_value(&mut self.text, &key, "");
            self.text.push_str(": [");
        }
        while self.item < items.len() && (self.item == 0 || self.text.len() < goal) {
            if self.item > 0 {
                self.text.push(',');
            }
            self.text.push_str(ITEM);
            write_value(&mut self.text, &items[self.item], ITEM);
            self.item += 1;
        }
        if self.item == items.len() {
            self.text.push_str(FIELD);
            self.text.push(']');
            self.item = 0;
            self.part = next;
        }
    }
}

/// `value` pretty-printed as `save` prints it, each of its lines after the first
/// starting with `newline` (a line break and the indentation of where it stands).
/// JSON strings escape their line breaks, so every line break in the output is one the
/// printer made.
fn write_value(text: &mut String, value: &impl Serialize, newline: &str) {
    let printed = serde_json::to_string_pretty(value)
        .expect("a plan always serializes: its maps have string keys and its numbers are finite");
    if newline.is_empty() {
        text.push_str(&printed);
        return;
    }
    let mut lines = printed.split('\n');
    text.push_str(lines.next().unwrap_or_default());
    for line in lines {
        text.push_str(newline);
        text.push_str(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::save;
    use crate::start::generate::{large_plan, Spec};
    use crate::start::sample::sample_plan;

    fn sliced(plan: &Plan, budget: usize) -> String {
        let mut slices = Slices::new();
        let mut steps = 0;
        while !slices.step(plan, budget) {
            steps += 1;
            assert!(steps < 10_000_000, "the writer makes no progress");
        }
        slices.into_text()
    }

    #[test]
    fn the_sample_is_written_as_save_writes_it_in_any_slice_size() {
        let plan = sample_plan();
        let whole = save(&plan);
        for budget in [0, 1, 7, 100, 4096, usize::MAX] {
            assert_eq!(sliced(&plan, budget), whole, "slices of {budget} bytes");
        }
    }

    #[test]
    fn a_plan_without_lists_or_budget_is_written_as_save_writes_it() {
        let mut plan = sample_plan();
        plan.elements.clear();
        plan.indicators.clear();
        plan.actions.clear();
        plan.checkpoints.clear();
        plan.target_groups.clear();
        plan.budget = Default::default();
        assert_eq!(sliced(&plan, 10), save(&plan));
    }

    #[test]
    fn every_fixture_is_written_as_save_writes_it() {
        for text in crate::format::tests::every_fixture() {
            let plan = crate::format::load(text).expect("the fixture loads");
            assert_eq!(sliced(&plan, 300), save(&plan));
        }
    }

    #[test]
    fn the_large_plan_is_written_in_slices_of_about_the_size_asked() {
        let plan = large_plan(&Spec::benchmark());
        let whole = save(&plan);
        let mut slices = Slices::new();
        let mut steps = 0;
        let mut before = 0;
        while !slices.step(&plan, 64 * 1024) {
            steps += 1;
            let grown = slices.text().len() - before;
            assert!(grown < 128 * 1024, "a step wrote {grown} bytes");
            before = slices.text().len();
        }
        assert!(steps > 100, "{steps} steps for {} bytes", whole.len());
        assert!(slices.into_text() == whole, "the sliced text differs from the saved file");
    }
}
