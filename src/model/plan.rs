//! The plan: its organisations, period, levels, tree, indicators, actions,
//! checkpoints, budget and settings.

use crate::model::action::Action;
use crate::model::budget::Budget;
use crate::model::checkpoint::Checkpoint;
use crate::model::date::YearEnd;
use crate::model::element::Element;
use crate::model::id::{Id, Meta};
use crate::model::indicator::Indicator;
use crate::model::level::{Level, Noun};
use crate::model::sending::{PartOf, Sending};
use crate::model::shared::Shared;
use crate::model::sources::Source;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub id: Id,
    pub title: String,
    pub organisations: Vec<Organisation>,
    pub period: Period,
    /// The tree's levels from the top down (« Enjeu », « Orientation », « Objectif »).
    pub levels: Vec<Level>,
    /// Index into `levels` of the level that carries deadlines, SMART statements,
    /// indicators and action links; in a file, 0 to `format::MAX_LEVEL` on every
    /// platform.
    #[serde(deserialize_with = "crate::model::bounded::level")]
    pub objective_level: usize,
    /// What the plan calls its actions (« moyen », « activité », « action »).
    pub action_name: Noun,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_groups: Vec<TargetGroup>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checkpoints: Vec<Checkpoint>,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elements: Shared<Vec<Element>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Shared<Vec<Indicator>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Shared<Vec<Action>>,
    #[serde(default, skip_serializing_if = "Budget::is_empty")]
    pub budget: Shared<Budget>,
    /// The parts sent to partners, each with what it sent and the returns merged (since
    /// version 3 of the format).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sendings: Shared<Vec<Sending>>,
    /// Set when this plan is a part of another, sent to one partner (since version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<PartOf>,
    /// Set when this plan is a region's plans made into one (`region::export`): each
    /// member plan, the organisation its entities name as their origin, and the ids it
    /// had to give up (since version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub id: Id,
    pub name: String,
    /// « CSSVT », « CEPEO ».
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub code: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    /// The plan's year ends with the month its period ends in: a plan from July 2023 to
    /// June 2027 counts school years, and its « 2027 » ends on 30 June 2027.
    pub fn year_end(&self) -> YearEnd {
        use chrono::Datelike;
        YearEnd::month(self.end.month())
    }
}

/// A target-group code of the plan (« 1 » = jeunes, « 2 » = familles…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetGroup {
    pub code: String,
    pub label: String,
}

/// How statuses roll up from indicators to objectives and up the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RollUp {
    /// The worst status among the measured children.
    #[default]
    WorstOf,
    /// The average score of the measured indicators, each counting once.
    Weighted,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Progress at or above this share of the expected progress is « on track ».
    pub on_track: f64,
    /// At or above this share (and below `on_track`) is « to watch »; below is « late ».
    pub to_watch: f64,
    #[serde(default)]
    pub roll_up: RollUp,
    /// Whether the statuses of an objective's actions count in its status.
    #[serde(default)]
    pub actions_in_status: bool,
    /// The actions table's columns as the plan chose them; `None` shows the columns its
    /// actions fill (see `columns::shown_columns`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub columns: Option<Vec<crate::model::action::ActionColumn>>,
    /// How automatic codes are made; since version 2 of the format, absent in older
    /// files, which were all hierarchical.
    #[serde(default)]
    pub numbering: Numbering,
    /// How many months a measurement counts after its date (`status::Window`): twelve
    /// keeps a yearly measurement of June until the next June, whatever checkpoint
    /// comes between. `None`, as in every file before version 4: those taken since the
    /// checkpoint before the current one, or within a year while the plan has fewer
    /// than two checkpoints.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measurement_months: Option<u16>,
}

/// How the automatic codes of the tree's elements are made (typed codes stay as typed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Numbering {
    /// The position among siblings, after the parent's code: « 1.2.3 ».
    #[default]
    Hierarchical,
    /// The position among every element of the same level, on its own, as a PEVR numbers
    /// them: « Orientation 2 », « Objectif 7 ».
    PerLevel,
}

/// Why an element cannot be reached from the top of the tree (`Plan::outside_tree`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detached {
    /// Its parent is not in the plan.
    MissingParent(Id),
    /// It heads a parent cycle, being its first member in display order: the cycle's
    /// members, from this element, each the parent of the one before. The other members
    /// are `Below` it: a cycle is reported once, whatever its length.
    Cycle(Vec<Id>),
    /// It sits below an element that is itself outside the tree, or in a cycle that
    /// element heads: that element, the top of its detached branch, which brings it back
    /// when it is put back.
    Below(Id),
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            on_track: 0.95,
            to_watch: 0.85,
            roll_up: RollUp::WorstOf,
            actions_in_status: false,
            columns: None,
            numbering: Numbering::Hierarchical,
            measurement_months: None,
        }
    }
}

/// The plan's codes, and what a reader needs to tell elements apart, the one rule for
/// it: where a plan numbers again under each top-level element (1.1.1 under Enjeu 1 and
/// under Enjeu 2), those whose code another element of their level shows are seen beside
/// their top element (« Enjeu 2 › 1.1.1 »); those that even then read alike (two
/// siblings showing one code) are told apart by their title.
#[derive(Debug, PartialEq)]
pub struct CodesApart {
    codes: std::collections::HashMap<Id, String>,
    /// Level and code of each code shown by more than one element of its level.
    shared: std::collections::HashSet<(usize, String)>,
    /// The elements whose level, code and top element another element shares.
    alike: std::collections::HashSet<Id>,
}

impl CodesApart {
    pub fn new(plan: &Plan) -> CodesApart {
        let codes = plan.codes();
        let mut seen = std::collections::HashSet::new();
        let mut shared = std::collections::HashSet::new();
        for e in &plan.elements {
            if let Some(code) = codes.get(&e.id).filter(|c| !c.is_empty()) {
                if !seen.insert((e.level, code.as_str())) {
                    shared.insert((e.level, code.clone()));
                }
            }
        }
        let mut apart = CodesApart { codes, shared, alike: Default::default() };
        // Only the elements whose code alone is shared can read alike.
        let mut first: std::collections::HashMap<(usize, Option<&Id>, &str), &Id> = Default::default();
        for e in &plan.elements {
            let Some(code) = apart.codes.get(&e.id).filter(|c| apart.shared.contains(&(e.level, (*c).clone()))) else {
                continue;
            };
            let top = apart.top_beside(plan, e).map(|t| &t.id);
            if let Some(other) = first.insert((e.level, top, code.as_str()), &e.id) {
                apart.alike.extend([other.clone(), e.id.clone()]);
            }
        }
        apart
    }

    /// Whether another element reads as `element` does, by level, code and top element:
    /// its title must tell them apart.
    pub fn alike(&self, element: &Element) -> bool {
        self.alike.contains(&element.id)
    }

    /// An element by its level's name and its code (« Objectif 1.2 »), by its title
    /// when it has no code.
    pub fn name(&self, plan: &Plan, element: &Element) -> String {
        match self.codes.get(&element.id).filter(|c| !c.is_empty()) {
            Some(code) => format!("{} {code}", plan.level_name(element.level).map_or("", |n| n.singular.as_str())),
            None => element.title.clone(),
        }
    }

    /// The top element to name before `element`, when its code alone is shared; `plan`
    /// is the one these codes are of.
    pub fn top_beside<'a>(&self, plan: &'a Plan, element: &Element) -> Option<&'a Element> {
        let code = self.codes.get(&element.id)?;
        if !self.shared.contains(&(element.level, code.clone())) {
            return None;
        }
        // Walking up at most as many steps as there are elements: a parent cycle, which
        // the checks report, stops the walk.
        let mut top = plan.element(&element.id)?;
        for _ in 0..plan.elements.len() {
            match top.parent.as_ref().and_then(|p| plan.element(p)) {
                Some(parent) => top = parent,
                None => break,
            }
        }
        (top.id != element.id).then_some(top)
    }
}

impl Plan {
    /// A plan of this shape with nothing in it yet: no organisation, element, indicator,
    /// action, checkpoint or budget line, the default settings. Whoever builds a new plan
    /// (a template, the sample, a region's plans made into one) starts here and puts in
    /// what it has.
    pub fn new(
        id: Id,
        title: String,
        period: Period,
        levels: Vec<Level>,
        objective_level: usize,
        action_name: Noun,
    ) -> Plan {
        Plan {
            id,
            title,
            organisations: Vec::new(),
            period,
            levels,
            objective_level,
            action_name,
            target_groups: Vec::new(),
            checkpoints: Vec::new(),
            settings: Settings::default(),
            elements: Shared::default(),
            indicators: Shared::default(),
            actions: Shared::default(),
            budget: Shared::default(),
            sendings: Shared::default(),
            part: None,
            sources: Vec::new(),
            meta: Meta::default(),
        }
    }

    /// How the plan reads a date written as a year alone (`Period::year_end`).
    pub fn year_end(&self) -> YearEnd {
        self.period.year_end()
    }

    pub fn element(&self, id: &Id) -> Option<&Element> {
        self.elements.iter().find(|e| &e.id == id)
    }

    pub fn children<'a>(&'a self, parent: Option<&'a Id>) -> impl Iterator<Item = &'a Element> + 'a {
        self.elements.iter().filter(move |e| e.parent.as_ref() == parent)
    }

    pub fn objectives(&self) -> impl Iterator<Item = &Element> + '_ {
        self.elements.iter().filter(move |e| e.level == self.objective_level)
    }

    pub fn indicators_of<'a>(&'a self, objective: &'a Id) -> impl Iterator<Item = &'a Indicator> + 'a {
        self.indicators.iter().filter(move |i| &i.objective == objective)
    }

    pub fn actions_of<'a>(&'a self, objective: &'a Id) -> impl Iterator<Item = &'a Action> + 'a {
        self.actions.iter().filter(move |a| a.objectives.contains(objective))
    }

    pub fn level_name(&self, level: usize) -> Option<&Noun> {
        self.levels.get(level).map(|l| &l.name)
    }

    /// The element's code: typed, or, numbered hierarchically, its position among its
    /// numbered siblings appended to its parent's code (« 1.2.3 »), or, numbered per
    /// level, its position among the elements of its level (`Numbering`). An element
    /// typed without a code (`Some("")`, a section such as « Coordination ») has none,
    /// is skipped when its siblings are counted, and gives its children no part of theirs.
    pub fn code_of(&self, id: &Id) -> String {
        if self.settings.numbering == Numbering::PerLevel {
            return self.per_level_code(id);
        }
        // Walk up until a typed code or the top; a parent cycle (which the checks report
        // as a level mismatch) stops the walk instead of recursing forever.
        let mut parts = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut current = self.element(id);
        if current.is_some_and(Element::unnumbered) {
            return String::new();
        }
        while let Some(element) = current {
            if !seen.insert(&element.id) {
                break;
            }
            if element.unnumbered() {
                current = element.parent.as_ref().and_then(|p| self.element(p));
                continue;
            }
            if let Some(code) = &element.code {
                parts.push(code.clone());
                break;
            }
            let position = self
                .children(element.parent.as_ref())
                .filter(|e| !e.unnumbered())
                .position(|e| e.id == element.id)
                .map_or(0, |p| p + 1);
            parts.push(position.to_string());
            current = element.parent.as_ref().and_then(|p| self.element(p));
        }
        parts.reverse();
        parts.join(".")
    }

    /// Every element's code at once, in one pass: typed codes as typed, automatic ones
    /// from the position among numbered siblings, none for an unnumbered element
    /// (`code_of` for one element).
    pub fn codes(&self) -> std::collections::HashMap<Id, String> {
        use std::collections::HashMap;
        if self.settings.numbering == Numbering::PerLevel {
            return self.per_level_codes();
        }
        #[derive(PartialEq)]
        enum Part {
            Typed,
            Automatic,
            Unnumbered,
        }
        let mut positions: HashMap<Option<&Id>, usize> = HashMap::new();
        // Per element: its parent, its own part of the code, and what kind of part.
        let mut own: HashMap<&Id, (Option<&Id>, String, Part)> = HashMap::with_capacity(self.elements.len());
        for e in &self.elements {
            // A typed code takes its place among its siblings, as in `code_of`; only an
            // unnumbered element is skipped.
            let entry = if e.unnumbered() {
                (e.parent.as_ref(), String::new(), Part::Unnumbered)
            } else {
                let position = positions.entry(e.parent.as_ref()).or_insert(0);
                *position += 1;
                match &e.code {
                    Some(code) => (e.parent.as_ref(), code.clone(), Part::Typed),
                    None => (e.parent.as_ref(), position.to_string(), Part::Automatic),
                }
            };
            own.insert(&e.id, entry);
        }
        let mut codes = HashMap::with_capacity(self.elements.len());
        for e in &self.elements {
            if own[&e.id].2 != Part::Automatic {
                codes.insert(e.id.clone(), own[&e.id].1.clone());
                continue;
            }
            // Automatic codes prefix the parent's code; walk up until a typed code or the
            // top, past unnumbered parents (a cycle, which the checks report, stops the
            // walk).
            let mut parts = vec![own[&e.id].1.as_str()];
            let mut seen = std::collections::HashSet::from([&e.id]);
            let mut current = own[&e.id].0;
            while let Some(parent) = current {
                let Some((grand, code, part)) = own.get(parent) else { break };
                if !seen.insert(parent) {
                    break;
                }
                match part {
                    Part::Unnumbered => {}
                    Part::Typed => {
                        parts.push(code);
                        break;
                    }
                    Part::Automatic => parts.push(code),
                }
                current = *grand;
            }
            parts.reverse();
            codes.insert(e.id.clone(), parts.join("."));
        }
        codes
    }

    /// The codes as a reader tells elements apart on one screen: an element whose code
    /// alone is shared is preceded by its top element (`CodesApart`), « Enjeu 2 › 1.1.1 ».
    /// Files, exports and imports keep `codes`.
    pub fn distinct_codes(&self) -> std::collections::HashMap<Id, String> {
        let apart = CodesApart::new(self);
        let shown = |e: &Element| {
            let code = apart.codes.get(&e.id)?;
            let shown = match apart.top_beside(self, e) {
                Some(top) => format!("{} › {code}", apart.name(self, top).trim()),
                None => code.clone(),
            };
            Some((e.id.clone(), shown))
        };
        self.elements.iter().filter_map(shown).collect()
    }

    /// A per-level code: typed, or the element's position among the elements of its
    /// level in display order (the flat list, which edits keep in the tree's order),
    /// counting only those without a typed code.
    fn per_level_code(&self, id: &Id) -> String {
        let Some(element) = self.element(id) else { return String::new() };
        if let Some(code) = &element.code {
            return code.clone();
        }
        let numbered = |e: &&Element| e.level == element.level && e.code.is_none();
        let position = self.elements.iter().filter(numbered).position(|e| &e.id == id).map_or(0, |p| p + 1);
        position.to_string()
    }

    /// Every per-level code at once, in one pass (`per_level_code` for one element).
    fn per_level_codes(&self) -> std::collections::HashMap<Id, String> {
        let mut counts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        let mut codes = std::collections::HashMap::with_capacity(self.elements.len());
        for e in &self.elements {
            let code = match &e.code {
                Some(code) => code.clone(),
                None => {
                    let count = counts.entry(e.level).or_insert(0);
                    *count += 1;
                    count.to_string()
                }
            };
            codes.insert(e.id.clone(), code);
        }
        codes
    }

    /// The elements that cannot be reached from the top level by following children, in
    /// display order, each with why: a damaged or hand-edited file may hold them, and a
    /// tree drawn from the top would never show them.
    ///
    /// Each detached branch has one head, which brings the whole branch back: the element
    /// whose parent is missing, or the first member in display order of a parent cycle;
    /// the cycle's other members are below it. Linear in the number of elements: each is
    /// walked up once, so that a ring of a thousand elements costs no more than a tree.
    pub fn outside_tree(&self) -> Vec<(usize, Detached)> {
        use std::collections::HashMap;
        let index: HashMap<&Id, usize> = self.elements.iter().enumerate().map(|(i, e)| (&e.id, i)).collect();
        let mut children: HashMap<&Id, Vec<usize>> = HashMap::new();
        let mut reached = vec![false; self.elements.len()];
        let mut stack = Vec::new();
        for (i, e) in self.elements.iter().enumerate() {
            match &e.parent {
                Some(parent) => children.entry(parent).or_default().push(i),
                None => stack.push(i),
            }
        }
        while let Some(i) = stack.pop() {
            if !std::mem::replace(&mut reached[i], true) {
                stack.extend(children.get(&self.elements[i].id).into_iter().flatten().copied());
            }
        }
        /// What the walk knows of an unreached element.
        #[derive(Clone, Copy)]
        enum Seen {
            Not,
            /// On the path walked now, at this position.
            OnPath(usize),
            /// Settled: the head of its branch (itself when it heads it).
            Headed(usize),
        }
        let mut seen = vec![Seen::Not; self.elements.len()];
        let mut why: Vec<Option<Detached>> = vec![None; self.elements.len()];
        let mut path = Vec::new();
        for i in (0..self.elements.len()).filter(|&i| !reached[i]) {
            if matches!(seen[i], Seen::Headed(_)) {
                continue;
            }
            // Walk up: an unreached element's ancestors are unreached too, so the walk
            // ends at a missing parent, at an element settled by an earlier walk, or
            // comes back to an element of this path (a cycle).
            path.clear();
            path.push(i);
            seen[i] = Seen::OnPath(0);
            let head = loop {
                let last = path[path.len() - 1];
                // A parentless element is always reached: `None` cannot happen.
                let Some(parent) = &self.elements[last].parent else { break None };
                let Some(&p) = index.get(parent) else {
                    why[last] = Some(Detached::MissingParent(parent.clone()));
                    break Some(last);
                };
                match seen[p] {
                    Seen::Headed(head) => break Some(head),
                    Seen::OnPath(from) => {
                        // The cycle: its first member in display order heads it, its
                        // members listed from there, each the parent of the one before.
                        let cycle = &path[from..];
                        let at = (0..cycle.len()).min_by_key(|&k| cycle[k]).unwrap_or(0);
                        let members = cycle[at..].iter().chain(&cycle[..at]);
                        why[cycle[at]] = Some(Detached::Cycle(members.map(|&j| self.elements[j].id.clone()).collect()));
                        break Some(cycle[at]);
                    }
                    Seen::Not => {
                        seen[p] = Seen::OnPath(path.len());
                        path.push(p);
                    }
                }
            };
            for &j in &path {
                seen[j] = head.map_or(Seen::Not, Seen::Headed);
                match head {
                    Some(head) if head != j => why[j] = Some(Detached::Below(self.elements[head].id.clone())),
                    _ => {}
                }
            }
        }
        why.into_iter().enumerate().filter_map(|(i, why)| Some((i, why?))).collect()
    }

    /// The checkpoint a report as of `date` rests on: the latest dated on or before it.
    pub fn checkpoint_at(&self, date: NaiveDate) -> Option<&Checkpoint> {
        self.checkpoints.iter().filter(|c| c.date <= date).max_by_key(|c| c.date)
    }

    /// The checkpoint being reported: the latest open one, or the latest when every one
    /// is closed. The follow-up and the actions' tables record and show its progress; the
    /// command reports it when no date is given.
    pub fn current_checkpoint(&self) -> Option<&Checkpoint> {
        let latest_open = self.checkpoints.iter().filter(|c| !c.closed).max_by_key(|c| c.date);
        latest_open.or_else(|| self.checkpoints.iter().max_by_key(|c| c.date))
    }

    /// The checkpoint just before `id`: the latest dated before it, whatever the order of
    /// the list; of two on one day, the one listed first comes first.
    pub fn checkpoint_before(&self, id: &Id) -> Option<&Checkpoint> {
        let (at, this) = self.checkpoints.iter().enumerate().find(|(_, c)| &c.id == id)?;
        let earlier = |(i, c): &(usize, &Checkpoint)| c.date < this.date || (c.date == this.date && *i < at);
        self.checkpoints.iter().enumerate().filter(earlier).max_by_key(|(i, c)| (c.date, *i)).map(|(_, c)| c)
    }

    /// How many plan years the period spans, a started year counting whole: 1 July 2024
    /// to 30 June 2027 is three. Zero when the period is reversed.
    pub fn years(&self) -> u32 {
        use chrono::Datelike;
        let (start, end) = (self.period.start, self.period.end);
        if end < start {
            return 0;
        }
        let months = (end.year() - start.year()) * 12 + end.month() as i32 - start.month() as i32
            + i32::from(end.day() >= start.day());
        (months.max(1) as u32).div_ceil(12)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::id::Id;
    use crate::start::sample::sample_plan;

    fn checkpoint(id: &str, day: u32, closed: bool) -> crate::model::checkpoint::Checkpoint {
        let date = chrono::NaiveDate::from_ymd_opt(2024, 1, day).unwrap();
        crate::model::checkpoint::Checkpoint {
            id: Id::new(id),
            label: id.into(),
            date,
            closed,
            meta: Default::default(),
        }
    }

    #[test]
    fn codes_numbered_again_under_each_top_element_are_told_apart_by_it() {
        let text = include_str!("../../tests/fixtures/plan-five-levels-per-enjeu.json");
        let plan = crate::format::load(text).expect("the fixture loads");
        let codes = plan.distinct_codes();
        assert_eq!(codes[&Id::new("objectif-1-1-1")], "Enjeu 1 › 1.1.1");
        assert_eq!(codes[&Id::new("objectif-2-1-1")], "Enjeu 2 › 1.1.1");
        assert_eq!(codes[&Id::new("axe-2-1")], "Enjeu 2 › 1");
        assert_eq!(codes[&Id::new("enjeu-2")], "2", "a top element is its own context");
        assert_eq!(codes[&Id::new("objectif-c")], "C.1.1", "a code no other element of its level has");
        let pevr = crate::fixtures::plan("plan-000-pevr");
        assert_eq!(pevr.distinct_codes(), pevr.codes(), "a plan numbered hierarchically stays as it is");
    }

    #[test]
    fn the_current_checkpoint_is_the_latest_open_one_else_the_latest() {
        let mut plan = sample_plan();
        plan.checkpoints = vec![checkpoint("b", 20, false), checkpoint("a", 10, false), checkpoint("c", 30, true)];
        assert_eq!(plan.current_checkpoint().map(|c| c.id.as_str()), Some("b"));
        plan.checkpoints[0].closed = true;
        plan.checkpoints[1].closed = true;
        assert_eq!(plan.current_checkpoint().map(|c| c.id.as_str()), Some("c"));
        plan.checkpoints.clear();
        assert!(plan.current_checkpoint().is_none());
    }

    #[test]
    fn the_checkpoint_before_is_read_by_date_not_by_place_in_the_list() {
        let mut plan = sample_plan();
        plan.checkpoints = vec![
            checkpoint("c", 30, false),
            checkpoint("a", 10, false),
            checkpoint("b1", 20, false),
            checkpoint("b2", 20, false),
        ];
        let before = |id: &str| plan.checkpoint_before(&Id::new(id)).map(|c| c.id.as_str().to_owned());
        assert_eq!(before("c").as_deref(), Some("b2"));
        assert_eq!(before("b2").as_deref(), Some("b1"), "same day: the one listed first");
        assert_eq!(before("b1").as_deref(), Some("a"));
        assert_eq!(before("a"), None);
        assert_eq!(before("absent"), None);
        // Of two on one day, the one listed last is the later, as for `checkpoint_before`.
        assert_eq!(
            plan.checkpoint_at(chrono::NaiveDate::from_ymd_opt(2024, 1, 25).unwrap()).map(|c| c.id.as_str()),
            Some("b2")
        );
    }

    #[test]
    fn codes_at_once_agree_with_codes_one_by_one() {
        let mut plan = sample_plan();
        plan.elements[1].code = None; // an automatic orientation under an automatic enjeu
        let all = plan.codes();
        for element in &plan.elements {
            assert_eq!(all[&element.id], plan.code_of(&element.id), "{}", element.id);
        }
        assert_eq!(plan.code_of(&Id::new("orientation-1-1")), "1.1");
    }

    #[test]
    fn an_unnumbered_section_has_no_code_and_its_siblings_skip_it() {
        let mut plan = sample_plan();
        let mut section = crate::model::element::Element::new("coordination", 0, None, "Coordination");
        section.code = Some(String::new());
        plan.elements.insert(0, section);
        plan.elements.insert(1, crate::model::element::Element::new("volet", 1, Some("coordination"), "Volet"));
        let all = plan.codes();
        for element in &plan.elements {
            assert_eq!(all[&element.id], plan.code_of(&element.id), "{}", element.id);
        }
        assert_eq!(all[&Id::new("coordination")], "");
        assert_eq!(all[&Id::new("volet")], "1", "an unnumbered parent gives no part");
        assert_eq!(all[&Id::new("enjeu-2")], "2", "the section is not counted");
        assert_eq!(plan.code_of(&Id::new("orientation-1-1")), plan.codes()[&Id::new("orientation-1-1")]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

        /// One element's code and every element's codes at once agree, whatever mix of
        /// typed, automatic and unnumbered elements the tree holds.
        #[test]
        fn one_code_and_all_codes_agree(seed in proptest::prelude::any::<u64>(), marks in proptest::collection::vec(0u8..6, 40)) {
            let spec = crate::start::generate::Spec { objectives: 12, indicators: 0, actions: 0, seed };
            let mut plan = crate::start::generate::large_plan(&spec);
            for (element, mark) in plan.elements.iter_mut().zip(&marks) {
                element.code = match mark {
                    0 => Some(String::new()),
                    1 => Some(format!("T{seed}")),
                    _ => None,
                };
            }
            let all = plan.codes();
            for element in &plan.elements {
                proptest::prop_assert_eq!(&all[&element.id], &plan.code_of(&element.id), "{}", element.id);
            }
            plan.settings.numbering = super::Numbering::PerLevel;
            let all = plan.codes();
            for element in &plan.elements {
                proptest::prop_assert_eq!(&all[&element.id], &plan.code_of(&element.id), "per level {}", element.id);
            }
        }
    }

    /// A plan of two enjeux, each with orientations and objectives, no code typed.
    fn untyped_plan(numbering: super::Numbering) -> crate::model::plan::Plan {
        let mut plan = sample_plan();
        for element in &mut plan.elements {
            element.code = None;
        }
        plan.settings.numbering = numbering;
        plan
    }

    /// Per element, in display order: its level and code.
    fn codes_by_level(plan: &crate::model::plan::Plan) -> Vec<(usize, String)> {
        plan.elements.iter().map(|e| (e.level, plan.code_of(&e.id))).collect()
    }

    #[test]
    fn per_level_numbering_counts_each_level_on_its_own() {
        let plan = untyped_plan(super::Numbering::PerLevel);
        let mut expected: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for (level, code) in codes_by_level(&plan) {
            let next = expected.entry(level).or_insert(0);
            *next += 1;
            assert_eq!(code, next.to_string(), "level {level}");
        }
        // The last objective of the second enjeu carries the count of every objective.
        let objectives = plan.objectives().count();
        let last = plan.objectives().last().unwrap();
        assert_eq!(plan.code_of(&last.id), objectives.to_string());
        assert_eq!(plan.code_of(&Id::new("orientation-2-1")), "2", "after the first enjeu's orientation");
        assert_eq!(plan.code_of(&Id::new("objectif-4")), "4", "not « 1 » within its orientation");
    }

    #[test]
    fn hierarchical_numbering_keeps_the_parents_code() {
        let plan = untyped_plan(super::Numbering::Hierarchical);
        assert_eq!(plan.code_of(&Id::new("orientation-2-1")), "2.1");
        assert_eq!(plan.code_of(&Id::new("objectif-4")), "2.1.1");
    }

    #[test]
    fn per_level_numbering_skips_typed_codes_and_keeps_them() {
        let mut plan = untyped_plan(super::Numbering::PerLevel);
        let orientation_1_1 = plan.elements.iter().position(|e| e.id.as_str() == "orientation-1-1").unwrap();
        plan.elements[orientation_1_1].code = Some("A".into());
        assert_eq!(plan.code_of(&Id::new("orientation-1-1")), "A");
        assert_eq!(plan.code_of(&Id::new("orientation-2-1")), "1", "the typed one is not counted");
        assert_eq!(plan.code_of(&Id::new("objectif-1")), "1", "no parent's code before it");
        assert_eq!(plan.code_of(&Id::new("absent")), "");
    }

    #[test]
    fn codes_at_once_agree_with_codes_one_by_one_in_every_numbering() {
        use super::Numbering::*;
        for numbering in [Hierarchical, PerLevel] {
            let mut plan = sample_plan();
            plan.settings.numbering = numbering;
            // Some typed, some automatic, and a parent cycle in a damaged plan.
            for (i, element) in plan.elements.iter_mut().enumerate() {
                if i % 3 == 0 {
                    element.code = None;
                }
            }
            let mut damaged = plan.clone();
            damaged.elements[0].parent = Some(damaged.elements[2].id.clone());
            for plan in [plan, damaged] {
                let all = plan.codes();
                assert_eq!(all.len(), plan.elements.len());
                for element in &plan.elements {
                    assert_eq!(all[&element.id], plan.code_of(&element.id), "{numbering:?} {}", element.id);
                }
            }
        }
    }

    #[test]
    fn a_plan_counts_its_years_whole() {
        let mut plan = sample_plan();
        assert_eq!(plan.years(), 4, "July 2023 to June 2027");
        plan.period.end = chrono::NaiveDate::from_ymd_opt(2027, 7, 15).unwrap();
        assert_eq!(plan.years(), 5);
        plan.period.end = chrono::NaiveDate::from_ymd_opt(2023, 9, 1).unwrap();
        assert_eq!(plan.years(), 1);
    }

    fn outside(plan: &crate::model::plan::Plan) -> Vec<(&str, super::Detached)> {
        plan.outside_tree().into_iter().map(|(i, why)| (plan.elements[i].id.as_str(), why)).collect()
    }

    #[test]
    fn elements_under_a_missing_parent_or_in_a_cycle_are_outside_the_tree() {
        use super::Detached::*;
        let mut plan = sample_plan();
        assert_eq!(outside(&plan), vec![], "the sample's tree holds every element");
        // orientation-1-1 (with objectives 1 to 3 below it) loses its parent; enjeu-2 and
        // orientation-2-1 become each other's parent.
        plan.elements[1].parent = Some(Id::new("enjeu-disparu"));
        let enjeu_2 = plan.elements.iter().position(|e| e.id.as_str() == "enjeu-2").unwrap();
        plan.elements[enjeu_2].parent = Some(Id::new("orientation-2-1"));
        let below: Vec<&str> = plan
            .elements
            .iter()
            .filter(|e| e.parent.as_ref().is_some_and(|p| p.as_str() == "orientation-1-1"))
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(below, ["objectif-1", "objectif-2", "objectif-3"]);
        let found = outside(&plan);
        assert_eq!(found[0], ("orientation-1-1", MissingParent(Id::new("enjeu-disparu"))));
        assert_eq!(found[1], ("objectif-1", Below(Id::new("orientation-1-1"))));
        assert!(found.contains(&("enjeu-2", Cycle(vec![Id::new("enjeu-2"), Id::new("orientation-2-1")]))));
        assert!(
            found.contains(&("orientation-2-1", Below(Id::new("enjeu-2")))),
            "the cycle is headed by its first member, which brings the other back: {found:?}"
        );
        assert!(
            found.contains(&("objectif-4", Below(Id::new("enjeu-2")))),
            "below the cycle, headed by its first member: {found:?}"
        );
        assert!(found.contains(&("objectif-5", Below(Id::new("enjeu-2")))), "{found:?}");
        assert_eq!(plan.elements.len() - found.len(), 1, "enjeu-1 alone is reached");
    }

    #[test]
    fn an_element_that_is_its_own_parent_is_a_cycle_of_one() {
        let mut plan = sample_plan();
        plan.elements[0].parent = Some(Id::new("enjeu-1"));
        assert_eq!(outside(&plan)[0], ("enjeu-1", super::Detached::Cycle(vec![Id::new("enjeu-1")])));
    }

    /// Elements `e0`, `e1`… at the first level, each under the parent `parents` gives
    /// it by number (`None`: at the top; a number past the end: a parent not in the plan).
    fn plan_of_parents(parents: &[Option<usize>]) -> crate::model::plan::Plan {
        let mut plan = sample_plan();
        plan.elements = parents
            .iter()
            .enumerate()
            .map(|(i, parent)| {
                let parent = parent.map(|p| format!("e{p}"));
                crate::model::element::Element::new(&format!("e{i}"), 0, parent.as_deref(), "")
            })
            .collect();
        plan
    }

    /// Issue 26, item 6: each member of a ring of a thousand elements carried the whole
    /// ring, and each was walked around the ring, looked up along its path at every step.
    #[test]
    fn a_ring_is_reported_once_by_its_first_member_and_the_rest_below_it() {
        use super::Detached::*;
        let n = 1021;
        // e0 → e1 → … → e1020 → e0, each the parent of the one before; e1021 below e500.
        let mut parents: Vec<Option<usize>> = (0..n).map(|i| Some((i + 1) % n)).collect();
        parents.push(Some(500));
        let plan = plan_of_parents(&parents);
        let found = plan.outside_tree();
        assert_eq!(found.len(), n + 1);
        let ring: Vec<Id> = (0..n).map(|i| Id::new(format!("e{i}"))).collect();
        assert_eq!(found[0], (0, Cycle(ring)));
        assert!(found[1..].iter().all(|(_, why)| *why == Below(Id::new("e0"))), "{:?}", &found[..3]);
        let held: usize = found.iter().map(|(_, why)| if let Cycle(members) = why { members.len() } else { 1 }).sum();
        assert_eq!(held, 2 * n, "what is held grows with the ring, not with its square");
    }

    #[test]
    fn a_chain_below_a_ring_found_before_the_ring_is_below_the_ring_s_head() {
        use super::Detached::*;
        // e0 under e1 under e2, e2 and e3 each other's parent; e4 under e0; e5 under a
        // missing e9, e6 under e5.
        let plan = plan_of_parents(&[Some(1), Some(2), Some(3), Some(2), Some(0), Some(9), Some(5)]);
        let found: Vec<(usize, super::Detached)> = plan.outside_tree();
        let below = |head: &str| Below(Id::new(head));
        assert_eq!(
            found,
            vec![
                (0, below("e2")),
                (1, below("e2")),
                (2, Cycle(vec![Id::new("e2"), Id::new("e3")])),
                (3, below("e2")),
                (4, below("e2")),
                (5, MissingParent(Id::new("e9"))),
                (6, below("e5")),
            ]
        );
    }

    proptest::proptest! {
        /// Any parent links: the elements outside the tree are exactly those whose walk
        /// up never reaches the top; each branch has one head, whose parent is missing
        /// or which is the first of a real cycle, and each element below is found on the
        /// walk up to it.
        #[test]
        fn any_parent_links_are_sorted_into_tree_and_branches(
            parents in proptest::collection::vec(proptest::option::weighted(0.9, 0usize..40), 0..36)
        ) {
            use super::Detached::*;
            let plan = plan_of_parents(&parents);
            let n = parents.len();
            let walk = |from: usize| {
                let mut up = vec![from];
                while let Some(Some(p)) = parents.get(up[up.len() - 1]).copied() {
                    if p >= n || up.contains(&p) {
                        break;
                    }
                    up.push(p);
                }
                up
            };
            let found = plan.outside_tree();
            let outside: Vec<usize> = found.iter().map(|(i, _)| *i).collect();
            let expected: Vec<usize> = (0..n).filter(|&i| parents[walk(i)[walk(i).len() - 1]].is_some()).collect();
            proptest::prop_assert_eq!(&outside, &expected);
            let number = |id: &Id| id.as_str()[1..].parse::<usize>().unwrap();
            for (i, why) in &found {
                match why {
                    MissingParent(missing) => proptest::prop_assert!(parents[*i] == Some(number(missing)) && number(missing) >= n),
                    Cycle(members) => {
                        let members: Vec<usize> = members.iter().map(number).collect();
                        proptest::prop_assert_eq!(members[0], *i);
                        proptest::prop_assert_eq!(Some(&members[0]), members.iter().min());
                        for (k, &m) in members.iter().enumerate() {
                            proptest::prop_assert_eq!(parents[m], Some(members[(k + 1) % members.len()]));
                        }
                    }
                    Below(head) => {
                        let head = number(head);
                        proptest::prop_assert!(walk(*i).contains(&head), "{} below {}", i, head);
                        let heads = found.iter().find(|(j, _)| *j == head).map(|(_, why)| why);
                        proptest::prop_assert!(matches!(heads, Some(MissingParent(_) | Cycle(_))));
                    }
                }
            }
        }
    }

    #[test]
    fn a_parent_cycle_does_not_loop_forever() {
        let mut plan = sample_plan();
        plan.elements[0].parent = Some(Id::new("objectif-1"));
        plan.elements[2].code = None;
        let _ = plan.code_of(&Id::new("objectif-1"));
        let _ = plan.codes();
        assert!(!crate::calc::check::check(&plan).is_empty(), "the cycle is reported");
    }
}
