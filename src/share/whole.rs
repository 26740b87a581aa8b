//! Two versions of a whole plan merged three ways: this page's (mine) and one written
//! elsewhere (theirs: a colleague, another computer), against the version both last
//! shared (the base), on ids and field by field.
//!
//! Each entity list is matched by id (target groups by code). Entities are first
//! compared whole, typed (`three_way::decide`); only one changed on both sides, or
//! removed on one side and changed on the other, is walked field by field
//! (`fields`), nested keyed lists included. The plan's own fields are walked the same
//! way. `meta.modified` is never a conflict: the later stands. The order of each list
//! is `order`'s rule. Every conflict is settled for mine in `Merge`'s plan until
//! `resolve` is given a side for each; `resolve` replays only what conflicts.

mod fields;
mod order;
pub mod words;

use crate::format::{self, FieldProblem, LoadError};
use crate::model::action::Action;
use crate::model::budget::{Allocation, Budget, Category, ExpenseLine, RevenueLine, StaffRate};
use crate::model::checkpoint::Checkpoint;
use crate::model::date::YearEnd;
use crate::model::element::Element;
use crate::model::id::Id;
use crate::model::indicator::Indicator;
use crate::model::plan::{Organisation, Plan, TargetGroup};
use crate::model::sending::Sending;
use crate::model::shared::Shared;
use crate::model::sources::Source;
use crate::model::subject::Subject;
pub use crate::share::three_way::Side;
use crate::share::three_way::{decide, Outcome};
use fields::{Base, Walk};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// One of the plan's lists of entities, each matched by its id (target groups by code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum List {
    Organisations,
    TargetGroups,
    Checkpoints,
    Elements,
    Indicators,
    Actions,
    Rates,
    Revenues,
    Categories,
    Expenses,
    Allocations,
    Sendings,
    Sources,
}

impl List {
    /// The list's field in the file (`plan.budget.rates` is `rates`).
    pub fn field(self) -> &'static str {
        match self {
            List::Organisations => "organisations",
            List::TargetGroups => "target_groups",
            List::Checkpoints => "checkpoints",
            List::Elements => "elements",
            List::Indicators => "indicators",
            List::Actions => "actions",
            List::Rates => "rates",
            List::Revenues => "revenues",
            List::Categories => "categories",
            List::Expenses => "expenses",
            List::Allocations => "allocations",
            List::Sendings => "sendings",
            List::Sources => "sources",
        }
    }
}

/// Where a conflict is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum At {
    /// A field of an entity a `Subject` names, of the plan's own (`Subject::Plan`) or of
    /// the budget's stated totals (`Subject::Budget`).
    Subject(Subject),
    /// A field of an entry no `Subject` names: an organisation, a target group (by
    /// code), a sending, a region's member (by its plan's id).
    Entry(List, Id),
    /// The order of one of the plan's lists, reordered differently on both sides.
    Order(List),
}

/// One step of the path to a field inside an entity.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    /// A field, by its name in the file (`responsible`, `segments`).
    Field(String),
    /// An item of a keyed list, by its key: a segment's id, a target's or a
    /// measurement's date as written in the file (`2025-06`), a progress record's
    /// checkpoint id.
    Item(String),
    /// The order of the list the path leads to.
    Order,
}

/// A field changed on both sides to different values (or, with no known base, that
/// differs), an entity removed on one side and changed on the other (`path` empty), or
/// a list reordered differently on both sides (values: its keys in order).
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub at: At,
    pub path: Vec<Step>,
    /// `None` where the version holds no such value (or the base is unknown).
    pub base: Option<Value>,
    pub mine: Option<Value>,
    pub theirs: Option<Value>,
}

/// Why `resolve` gives no plan.
#[derive(Debug, Clone, PartialEq)]
pub enum Unresolved {
    /// This many conflicts have no decision yet.
    Undecided(usize),
    /// The plan the decisions make would not load: the reader's reason.
    WouldNotLoad(LoadError),
}

/// What `resolve` makes again with the decisions.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    /// The plan's own fields.
    Head,
    /// One entity, by its key.
    Entity(List, String),
    /// A whole list whose keys are not unique, merged as one value.
    Whole(List),
}

/// The three versions of what conflicts, and which conflicts are its.
#[derive(Debug, Clone, PartialEq)]
struct Replay {
    target: Target,
    base: Option<Option<Value>>,
    mine: Option<Value>,
    theirs: Option<Value>,
    first: usize,
    count: usize,
}

/// The keys of a list on each side, for a list whose members or order conflict.
#[derive(Debug, Clone, PartialEq)]
struct Keys {
    list: List,
    base: Option<Vec<String>>,
    mine: Vec<String>,
    theirs: Vec<String>,
    /// The index of the conflict on its order, if any.
    order: Option<usize>,
    /// The keys whose entry a decision may bring or take away: they keep their place
    /// in the order either way.
    candidates: Vec<String>,
}

/// An entry of one of the plan's lists: its key, and what keeps it as the model wants
/// after a field walk.
trait Entry: Clone + PartialEq + Serialize + DeserializeOwned {
    /// A list of thousands of entries (a plan's elements, indicators and actions):
    /// merged place by place when its keys line up (`Merger::aligned`). The others are
    /// short enough to index, and the module carries no second way for them.
    const LONG: bool = false;
    fn key(&self) -> &str;
    fn tidy(&mut self, _year: YearEnd) {}
}

/// Entries keyed by the field `$key`.
macro_rules! keyed_by {
    ($key:ident: $($type:ty),+) => {
        keyed_by!($key, false: $($type),+);
    };
    ($key:ident, $long:literal: $($type:ty),+) => {
        $(impl Entry for $type {
            const LONG: bool = $long;

            fn key(&self) -> &str {
                self.$key.as_str()
            }
        })+
    };
}

keyed_by!(id: Organisation, Checkpoint, StaffRate, RevenueLine, Category, ExpenseLine, Allocation, Sending);
keyed_by!(id, true: Element, Action);
keyed_by!(code: TargetGroup);
keyed_by!(plan: Source);

impl Entry for Indicator {
    const LONG: bool = true;

    fn key(&self) -> &str {
        self.id.as_str()
    }

    /// Targets and measurements stay in date order, as the plan reads its dates,
    /// whatever order two sides' additions came in.
    fn tidy(&mut self, year: YearEnd) {
        for segment in &mut self.segments {
            segment.targets.sort_by_key(|t| t.date.order(year));
            segment.measurements.sort_by_key(|m| m.date.order(year));
        }
    }
}

/// Each of the plan's lists, by its `List` and where the plan holds it: the one table
/// that `with_list!` and `merge` go through, handed to `$then` before its arguments.
macro_rules! plan_lists {
    ($then:ident!($($args:tt)*)) => {
        $then!(@lists {
            Organisations: organisations,
            TargetGroups: target_groups,
            Checkpoints: checkpoints,
            Elements: elements,
            Indicators: indicators,
            Actions: actions,
            Rates: budget.rates,
            Revenues: budget.revenues,
            Categories: budget.categories,
            Expenses: budget.expenses,
            Allocations: budget.allocations,
            Sendings: sendings,
            Sources: sources,
        } $($args)*)
    };
}

/// Runs `$body` with the plan's list `$list` as `$items`.
macro_rules! with_list {
    (@lists { $($variant:ident: $($field:ident).+,)+ } $plan:expr, $list:expr, $items:ident, $body:expr) => {{
        let plan: &mut Plan = $plan;
        match $list {
            $(List::$variant => {
                let $items = &mut plan.$($field).+;
                $body
            })+
        }
    }};
    ($plan:expr, $list:expr, |$items:ident| $body:expr) => {
        plan_lists!(with_list!($plan, $list, $items, $body))
    };
}

/// Puts in `$plan` each list of `$mine` and `$theirs` merged against `$base`'s.
macro_rules! merge_lists {
    (@lists { $($variant:ident: $($field:ident).+,)+ } $merger:ident, $plan:ident, $base:ident, $mine:ident, $theirs:ident, $year:ident) => {
        $($plan.$($field).+ = $merger.list(
            List::$variant,
            $base.map(|b| &b.$($field).+[..]),
            &$mine.$($field).+,
            &$theirs.$($field).+,
            $year,
        ).into();)+
    };
}

/// Two versions of a plan merged: what was taken and kept, and the conflicts.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    /// The merged plan, every conflict settled for mine.
    plan: Plan,
    conflicts: Vec<Conflict>,
    taken: usize,
    kept: usize,
    replays: Vec<Replay>,
    keys: Vec<Keys>,
}

impl Merge {
    /// The conflicts, in the order `resolve` takes its decisions.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// How many values (an entity whole, or a field of one changed on both sides) were
    /// taken from theirs.
    pub fn taken(&self) -> usize {
        self.taken
    }

    /// How many values changed only on this side were kept.
    pub fn kept(&self) -> usize {
        self.kept
    }

    /// The merged plan with one decision per conflict, in the order of `conflicts`.
    /// Refused while a conflict is undecided, and when the plan would not load.
    pub fn resolve(&self, decisions: &[Option<Side>]) -> Result<Plan, Unresolved> {
        let sides: Vec<Side> = decisions.iter().flatten().copied().collect();
        let waiting =
            self.conflicts.len() - decisions.iter().take(self.conflicts.len()).filter(|d| d.is_some()).count();
        if waiting > 0 || decisions.len() != self.conflicts.len() {
            return Err(Unresolved::Undecided(waiting.max(1)));
        }
        let mut plan = self.plan.clone();
        let year = plan.year_end();
        for replay in &self.replays {
            let first = replay.first;
            let decided = &sides[first..first + replay.count];
            if decided.iter().all(|s| *s == Side::Mine) {
                continue;
            }
            let mut walk = Walk { decisions: Some(decided), found: Vec::new(), tally: Tally::default() };
            let base = replay.base.as_ref().map(Option::as_ref);
            let value = walk.value(&mut Vec::new(), base, replay.mine.as_ref(), replay.theirs.as_ref());
            put(&mut plan, &replay.target, value, year).map_err(Unresolved::WouldNotLoad)?;
        }
        for keys in &self.keys {
            let side = keys.order.map_or(Side::Mine, |i| sides[i]);
            with_list!(&mut plan, keys.list, |items| reorder(items, keys, side));
        }
        format::admit(&plan).map_err(Unresolved::WouldNotLoad)?;
        Ok(plan)
    }
}

/// A value that did not read back as the model's, refused as the reader would.
fn unreadable(target: &Target, error: serde_json::Error) -> LoadError {
    let path = match target {
        Target::Head => "plan".to_owned(),
        Target::Entity(list, key) => format!("plan.{}[{key}]", list.field()),
        Target::Whole(list) => format!("plan.{}", list.field()),
    };
    LoadError::Field { path, problem: FieldProblem::Invalid(error.to_string()) }
}

/// Puts in `plan` what a replay made of its target.
fn put(plan: &mut Plan, target: &Target, value: Option<Value>, year: YearEnd) -> Result<(), LoadError> {
    match target {
        Target::Head => {
            let head: Plan = typed(value.unwrap_or(Value::Null)).map_err(|e| unreadable(target, e))?;
            set_head(plan, head);
        }
        Target::Whole(list) => with_list!(plan, *list, |items| {
            *items = typed(value.unwrap_or(Value::Array(Vec::new()))).map_err(|e| unreadable(target, e))?;
        }),
        Target::Entity(list, key) => {
            with_list!(plan, *list, |items| put_entry(items, key, value, year).map_err(|e| unreadable(target, e))?)
        }
    }
    Ok(())
}

fn strs(keys: &[String]) -> Vec<&str> {
    keys.iter().map(String::as_str).collect()
}

/// The keys of a list, in order.
fn sequence<T: Entry>(items: &[T]) -> Vec<&str> {
    items.iter().map(T::key).collect()
}

/// A list's entries by key, when no key is given twice.
fn index<T: Entry>(items: &[T]) -> Option<HashMap<&str, &T>> {
    let map: HashMap<&str, &T> = items.iter().map(|item| (item.key(), item)).collect();
    (map.len() == items.len()).then_some(map)
}

/// Puts an entry made again in its list (`None`: removed), in its place or last;
/// `reorder` then places it.
fn put_entry<T: Entry>(
    items: &mut Vec<T>,
    key: &str,
    value: Option<Value>,
    year: YearEnd,
) -> Result<(), serde_json::Error> {
    let index = items.iter().position(|item| item.key() == key);
    match (value, index) {
        (Some(value), index) => {
            let mut entry: T = typed(value)?;
            entry.tidy(year);
            match index {
                Some(index) => items[index] = entry,
                None => items.push(entry),
            }
        }
        (None, Some(index)) => {
            items.remove(index);
        }
        (None, None) => {}
    }
    Ok(())
}

/// Puts a list in the merged order of its keys, as `Merger::list` ordered it.
fn reorder<T: Entry>(items: &mut Vec<T>, keys: &Keys, side: Side) {
    let held: HashSet<String> = items.iter().map(|item| item.key().to_owned()).collect();
    let candidates: HashSet<&str> = keys.candidates.iter().map(String::as_str).collect();
    let base = keys.base.as_deref().map(strs);
    let (mine, theirs) = (strs(&keys.mine), strs(&keys.theirs));
    let kept = |k: &str| held.contains(k) || candidates.contains(k);
    let (order, _) = order::arrange(base.as_deref(), &mine, &theirs, kept, side);
    let position: HashMap<&str, usize> = order.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let mut placed: Vec<(usize, T)> =
        items.drain(..).map(|item| (position.get(item.key()).copied().unwrap_or(usize::MAX), item)).collect();
    placed.sort_by_key(|(i, _)| *i);
    items.extend(placed.into_iter().map(|(_, item)| item));
}

/// The plan's own fields: the plan without its lists of entities. Every field is named,
/// so that a field added to the plan is placed here, in the head or among the lists.
fn head(plan: &Plan) -> Plan {
    let Plan {
        id,
        title,
        organisations: _,
        period,
        levels,
        objective_level,
        action_name,
        target_groups: _,
        checkpoints: _,
        settings,
        elements: _,
        indicators: _,
        actions: _,
        budget,
        sendings: _,
        part,
        sources: _,
        meta,
    } = plan;
    let Budget { rates: _, revenues: _, categories: _, expenses: _, allocations: _, stated } = &**budget;
    Plan {
        id: id.clone(),
        title: title.clone(),
        organisations: Vec::new(),
        period: *period,
        levels: levels.clone(),
        objective_level: *objective_level,
        action_name: action_name.clone(),
        target_groups: Vec::new(),
        checkpoints: Vec::new(),
        settings: settings.clone(),
        elements: Shared::default(),
        indicators: Shared::default(),
        actions: Shared::default(),
        budget: Shared::new(Budget { stated: stated.clone(), ..Budget::default() }),
        sendings: Shared::default(),
        part: part.clone(),
        sources: Vec::new(),
        meta: meta.clone(),
    }
}

/// Puts a head's fields in `plan`, its lists untouched.
fn set_head(plan: &mut Plan, head: Plan) {
    plan.id = head.id;
    plan.title = head.title;
    plan.period = head.period;
    plan.levels = head.levels;
    plan.objective_level = head.objective_level;
    plan.action_name = head.action_name;
    plan.settings = head.settings;
    plan.budget.stated = head.budget.into_inner().stated;
    plan.part = head.part;
    plan.meta = head.meta;
}

/// An entity as a JSON tree, written as the file writes it and read back: serde_json's
/// own tree serializer and deserializer would instantiate every model type a second
/// and a third time, some 120 KB of the page's module.
pub(crate) fn json<T: Serialize>(value: &T) -> Value {
    let text = serde_json::to_vec_pretty(value).expect("a plan's entities always serialize");
    serde_json::from_slice(&text).expect("what serde_json writes, it reads")
}

/// An entity from a JSON tree, read as the file reader reads a plan (see `json`).
pub(crate) fn typed<T: DeserializeOwned>(value: Value) -> Result<T, serde_json::Error> {
    serde_json::from_str(&value.to_string())
}

/// Where a conflict found in a target is.
fn at(target: &Target, path: Vec<Step>) -> (At, Vec<Step>) {
    match target {
        Target::Head => match path.first() {
            Some(Step::Field(f)) if f == "budget" => (At::Subject(Subject::Budget), path[1..].to_vec()),
            _ => (At::Subject(Subject::Plan), path),
        },
        Target::Whole(list) => {
            let mut full = vec![Step::Field(list.field().to_owned())];
            full.extend(path);
            (At::Subject(Subject::Plan), full)
        }
        Target::Entity(list, key) => {
            let id = Id::new(key.as_str());
            let subject = match list {
                List::Checkpoints => Subject::Checkpoint(id),
                List::Elements => Subject::Element(id),
                List::Indicators => Subject::Indicator(id),
                List::Actions => Subject::Action(id),
                List::Rates => Subject::Rate(id),
                List::Revenues => Subject::Revenue(id),
                List::Categories => Subject::Category(id),
                List::Expenses => Subject::Expense(id),
                List::Allocations => Subject::Allocation(id),
                List::Organisations | List::TargetGroups | List::Sendings | List::Sources => {
                    return (At::Entry(*list, id), path)
                }
            };
            (At::Subject(subject), path)
        }
    }
}

/// How many values a merge took from theirs and kept of mine.
#[derive(Default)]
struct Tally {
    taken: usize,
    kept: usize,
}

impl Tally {
    /// The side `outcome` settles on, counted as kept or taken; a conflict hands both
    /// sides back, for the caller to walk.
    fn settle<T>(&mut self, outcome: Outcome, mine: T, theirs: T) -> Result<T, (T, T)> {
        match outcome {
            Outcome::Unchanged | Outcome::Same => Ok(mine),
            Outcome::Mine => {
                self.kept += 1;
                Ok(mine)
            }
            Outcome::Theirs => {
                self.taken += 1;
                Ok(theirs)
            }
            Outcome::Conflict => Err((mine, theirs)),
        }
    }
}

/// The merge under way.
struct Merger {
    conflicts: Vec<Conflict>,
    tally: Tally,
    replays: Vec<Replay>,
    keys: Vec<Keys>,
}

impl Merger {
    /// Walks a target's three versions, recording its conflicts and, if any, its replay.
    fn walk(&mut self, target: Target, base: Base<'_>, mine: Option<Value>, theirs: Option<Value>) -> Option<Value> {
        let mut walk = Walk { decisions: None, found: Vec::new(), tally: Tally::default() };
        let merged = walk.value(&mut Vec::new(), base, mine.as_ref(), theirs.as_ref());
        self.tally.taken += walk.tally.taken;
        self.tally.kept += walk.tally.kept;
        if !walk.found.is_empty() {
            let first = self.conflicts.len();
            for found in walk.found.iter().cloned() {
                let (at, path) = at(&target, found.path);
                self.conflicts.push(Conflict { at, path, base: found.base, mine: found.mine, theirs: found.theirs });
            }
            let base = base.map(|b| b.cloned());
            self.replays.push(Replay { target, base, mine, theirs, first, count: walk.found.len() });
        }
        merged
    }

    /// One list merged on keys.
    fn list<T: Entry>(&mut self, which: List, base: Option<&[T]>, mine: &[T], theirs: &[T], year: YearEnd) -> Vec<T> {
        // The same on both sides, it is merged as it stands, as each of its entities
        // would be, in its order: most lists of a colleague's version are, and a plan's
        // 10 000 indicators are compared at once rather than indexed and matched.
        if mine == theirs {
            return mine.to_vec();
        }
        if T::LONG {
            if let Some(merged) = self.aligned(which, base, mine, theirs, year) {
                return merged;
            }
        }
        let replays_before = self.replays.len();
        let (Some(mine_items), Some(theirs_items), Some(base_items)) =
            (index(mine), index(theirs), base.map(|b| index(b)).unwrap_or(Some(HashMap::new())))
        else {
            return self.whole(which, base, mine, theirs);
        };
        let base_items = base.map(|_| base_items);
        let mut merged: HashMap<&str, T> = HashMap::with_capacity(mine.len());
        let mut seen = HashSet::new();
        let all = mine.iter().chain(theirs).chain(base.unwrap_or_default()).map(T::key);
        for k in all {
            if !seen.insert(k) {
                continue;
            }
            let (m, t) = (mine_items.get(k).copied(), theirs_items.get(k).copied());
            let b: Option<Option<&T>> = match &base_items {
                Some(items) => Some(items.get(k).copied()),
                None if m.is_some() && t.is_some() => None,
                None => Some(None),
            };
            if let Some(entity) = self.entity(which, k, b, m, t, year) {
                merged.insert(k, entity);
            }
        }
        let base_keys = base.map(sequence);
        let (mine_keys, theirs_keys) = (sequence(mine), sequence(theirs));
        let (mut order, conflict) =
            order::arrange(base_keys.as_deref(), &mine_keys, &theirs_keys, |k| merged.contains_key(k), Side::Mine);
        let entities_conflict = self.replays.len() > replays_before;
        if conflict || entities_conflict {
            let owned = |keys: &[&str]| keys.iter().map(|k| (*k).to_owned()).collect::<Vec<String>>();
            let mut order_conflict = None;
            if conflict {
                let listed =
                    |keys: &[&str]| Value::Array(keys.iter().map(|k| Value::String((*k).to_owned())).collect());
                order_conflict = Some(self.conflicts.len());
                self.conflicts.push(Conflict {
                    at: At::Order(which),
                    path: Vec::new(),
                    base: base_keys.as_deref().map(listed),
                    mine: Some(listed(&mine_keys)),
                    theirs: Some(listed(&theirs_keys)),
                });
            }
            // Every key a decision may bring back or take away keeps its place.
            let candidates = self.replayed_keys(replays_before);
            let replayed: HashSet<&str> = candidates.iter().map(String::as_str).collect();
            let kept = |k: &str| merged.contains_key(k) || replayed.contains(k);
            order = order::arrange(base_keys.as_deref(), &mine_keys, &theirs_keys, kept, Side::Mine).0;
            order.retain(|k| merged.contains_key(k));
            self.keys.push(Keys {
                list: which,
                base: base_keys.as_deref().map(owned),
                mine: owned(&mine_keys),
                theirs: owned(&theirs_keys),
                order: order_conflict,
                candidates: candidates.clone(),
            });
        }
        order.into_iter().filter_map(|k| merged.remove(k)).collect()
    }

    /// One entity merged, `None` when it goes: `b` its base (`None` when the base is
    /// unknown, `Some(None)` when the base had none), `m` and `t` its two sides.
    fn entity<T: Entry>(
        &mut self,
        which: List,
        k: &str,
        b: Option<Option<&T>>,
        m: Option<&T>,
        t: Option<&T>,
        year: YearEnd,
    ) -> Option<T> {
        match self.tally.settle(decide(b.as_ref(), &m, &t), m, t) {
            Ok(settled) => settled.cloned(),
            Err((m, t)) => {
                let target = Target::Entity(which, k.to_owned());
                let base_json = b.map(|b| b.map(json));
                let value = self.walk(target, base_json.as_ref().map(Option::as_ref), m.map(json), t.map(json));
                match value.map(typed::<T>) {
                    Some(Ok(mut entity)) => {
                        entity.tidy(year);
                        Some(entity)
                    }
                    // A field walk never mixes what a type refuses (`fields`);
                    // should it, mine stands as settled.
                    Some(Err(_)) => m.cloned(),
                    None => None,
                }
            }
        }
    }

    /// A list holding the same keys in the same order on every side, none twice (a
    /// version that changed fields, not the list), merged place by place: what `list`
    /// gives, without indexing and matching thousands of entities by key.
    fn aligned<T: Entry>(
        &mut self,
        which: List,
        base: Option<&[T]>,
        mine: &[T],
        theirs: &[T],
        year: YearEnd,
    ) -> Option<Vec<T>> {
        let mine_keys = sequence(mine);
        let same = |items: &[T]| items.len() == mine.len() && items.iter().map(T::key).eq(mine_keys.iter().copied());
        if !same(theirs) || !base.is_none_or(same) {
            return None;
        }
        let mut seen = HashSet::with_capacity(mine.len());
        if !mine_keys.iter().all(|k| seen.insert(*k)) {
            return None;
        }
        let replays_before = self.replays.len();
        let merged = (0..mine.len())
            .filter_map(|i| {
                let b = base.map(|base| Some(&base[i]));
                self.entity(which, mine_keys[i], b, Some(&mine[i]), Some(&theirs[i]), year)
            })
            .collect();
        if self.replays.len() > replays_before {
            let owned = |keys: &[&str]| keys.iter().map(|k| (*k).to_owned()).collect::<Vec<String>>();
            let candidates = self.replayed_keys(replays_before);
            let mine = owned(&mine_keys);
            let base = base.map(|_| mine.clone());
            self.keys.push(Keys { list: which, base, theirs: mine.clone(), mine, order: None, candidates });
        }
        Some(merged)
    }

    /// The keys of the entities walked since `from`, which a decision may bring back or
    /// take away.
    fn replayed_keys(&self, from: usize) -> Vec<String> {
        self.replays[from..]
            .iter()
            .filter_map(|r| match &r.target {
                Target::Entity(_, k) => Some(k.clone()),
                _ => None,
            })
            .collect()
    }

    /// A list whose keys are not unique on some side: one value of the plan.
    fn whole<T: Entry>(&mut self, which: List, base: Option<&[T]>, mine: &[T], theirs: &[T]) -> Vec<T> {
        match self.tally.settle(decide(base, mine, theirs), mine, theirs) {
            Ok(settled) => settled.to_vec(),
            Err((mine, theirs)) => {
                let base_json = base.map(|b| Some(json(&b)));
                self.walk(
                    Target::Whole(which),
                    base_json.as_ref().map(Option::as_ref),
                    Some(json(&mine)),
                    Some(json(&theirs)),
                );
                mine.to_vec()
            }
        }
    }
}

/// Merges two versions of a plan three ways against `base`, the version both last
/// shared (`None` when it is not known: every field that differs is then a conflict).
pub fn merge(base: Option<&Plan>, mine: &Plan, theirs: &Plan) -> Merge {
    let mut merger = Merger { conflicts: Vec::new(), tally: Tally::default(), replays: Vec::new(), keys: Vec::new() };
    let year = mine.year_end();
    let (mine_head, theirs_head) = (head(mine), head(theirs));
    let base_head = base.map(head);
    let outcome = decide(base_head.as_ref(), &mine_head, &theirs_head);
    let mut plan = match merger.tally.settle(outcome, mine_head, theirs_head) {
        Ok(head) => head,
        Err((mine_head, theirs_head)) => {
            let base_json = base_head.as_ref().map(|b| Some(json(b)));
            let base_json = base_json.as_ref().map(Option::as_ref);
            let merged = merger.walk(Target::Head, base_json, Some(json(&mine_head)), Some(json(&theirs_head)));
            match merged.map(typed::<Plan>) {
                Some(Ok(head)) => head,
                _ => mine_head,
            }
        }
    };
    plan_lists!(merge_lists!(merger, plan, base, mine, theirs, year));
    let Merger { conflicts, tally: Tally { taken, kept }, replays, keys } = merger;
    Merge { plan, conflicts, taken, kept, replays, keys }
}

#[cfg(test)]
mod tests;
