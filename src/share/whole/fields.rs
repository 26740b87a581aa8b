//! One entity changed on both sides, merged field by field through its JSON form, so
//! that every field, present and future, is merged by the same rule: objects key by
//! key, keyed lists item by item (`keyed`), anything else as one value.
//!
//! The same walk finds the conflicts (each settled for mine) and, given decisions,
//! makes the entity they decide: the conflicts depend only on the three versions, so
//! they come in the same order both times.

use super::order::arrange;
use super::{Step, Tally};
use crate::share::three_way::{decide, Side};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// A field of the base: `None` when the common version is unknown.
pub(super) type Base<'a> = Option<Option<&'a Value>>;

/// A field found changed on both sides.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Found {
    pub path: Vec<Step>,
    pub base: Option<Value>,
    pub mine: Option<Value>,
    pub theirs: Option<Value>,
}

/// A walk over one entity's fields.
pub(super) struct Walk<'d> {
    /// The decisions, one per conflict in the walk's order; `None` while finding them.
    pub decisions: Option<&'d [Side]>,
    pub found: Vec<Found>,
    pub tally: Tally,
}

/// Fields kept as one value though they are objects: enums written as objects (a
/// measurement's value, a target's), whose variants must not mix.
const ONE_VALUE: [&str; 1] = ["value"];

/// The field each item of a list is known by, by the list's name; any other list of
/// objects that all carry an `id` is keyed by it.
fn key_field(list: &str) -> Option<&'static str> {
    Some(match list {
        "targets" | "measurements" => "date",
        "progress" => "checkpoint",
        "shares" => "organisation",
        "staff" => "rate",
        "returns" => "digest",
        "renamed" => "from",
        _ => return None,
    })
}

/// An item's key as text: a string as itself, anything else as JSON.
fn key_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The items of a list by key, in order, when every item has a key and no key is
/// given twice.
fn keyed<'v>(items: &'v [Value], field: &str) -> Option<Vec<(String, &'v Value)>> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let key = key_text(item.as_object()?.get(field)?);
        if !seen.insert(key.clone()) {
            return None;
        }
        out.push((key, item));
    }
    Some(out)
}

/// The keys of a keyed list, in order.
fn sequence<'a>(items: &'a [(String, &Value)]) -> Vec<&'a str> {
    items.iter().map(|(k, _)| k.as_str()).collect()
}

/// The later of two moments written by serde (`Meta::modified`); absent is earliest.
fn later<'v>(mine: Option<&'v Value>, theirs: Option<&'v Value>) -> Option<&'v Value> {
    let moment = |v: Option<&Value>| v.and_then(|v| super::typed::<chrono::DateTime<chrono::Utc>>(v.clone()).ok());
    if moment(theirs) > moment(mine) {
        theirs
    } else {
        mine
    }
}

impl Walk<'_> {
    /// A conflict's side: mine while finding them, else the decision in turn.
    fn side(&mut self, found: Found) -> Side {
        let index = self.found.len();
        self.found.push(found);
        self.decisions.map_or(Side::Mine, |d| d.get(index).copied().unwrap_or(Side::Mine))
    }

    /// The merged value of one field (`None`: absent): settled when one side at most
    /// changed it, else merged field by field or item by item where both hold one.
    pub fn value(
        &mut self,
        path: &mut Vec<Step>,
        base: Base<'_>,
        mine: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        let (mine, theirs) = match self.tally.settle(decide(base.as_ref(), &mine, &theirs), mine, theirs) {
            Ok(settled) => return settled.cloned(),
            Err(both) => both,
        };
        let name = match path.last() {
            Some(Step::Field(name)) => name.as_str(),
            _ => "",
        };
        let parent = path.len().checked_sub(2).and_then(|i| match &path[i] {
            Step::Field(name) => Some(name.as_str()),
            _ => None,
        });
        // When a version was last changed is no one's decision: the later stands.
        if name == "modified" && parent == Some("meta") {
            return later(mine, theirs).cloned();
        }
        match (mine, theirs) {
            (Some(Value::Object(m)), Some(Value::Object(t))) if !ONE_VALUE.contains(&name) => {
                let b = base.map(|b| b.and_then(Value::as_object));
                Some(Value::Object(self.object(path, b, m, t)))
            }
            (Some(Value::Array(m)), Some(Value::Array(t))) => {
                let field = key_field(name).unwrap_or("id");
                let b: Option<Option<&[Value]>> = base.map(|b| b.and_then(Value::as_array).map(Vec::as_slice));
                let lists =
                    (b.map(|b| b.map_or(Some(Vec::new()), |b| keyed(b, field))), keyed(m, field), keyed(t, field));
                match lists {
                    (Some(Some(b)), Some(m), Some(t)) => Some(self.list(path, Some(b), m, t)),
                    (None, Some(m), Some(t)) => Some(self.list(path, None, m, t)),
                    _ => self.conflict(path, base, mine, theirs),
                }
            }
            _ => self.conflict(path, base, mine, theirs),
        }
    }

    fn conflict(
        &mut self,
        path: &[Step],
        base: Base<'_>,
        mine: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        let found =
            Found { path: path.to_vec(), base: base.flatten().cloned(), mine: mine.cloned(), theirs: theirs.cloned() };
        match self.side(found) {
            Side::Mine => mine.cloned(),
            Side::Theirs => theirs.cloned(),
        }
    }

    fn object(
        &mut self,
        path: &mut Vec<Step>,
        base: Option<Option<&Map<String, Value>>>,
        mine: &Map<String, Value>,
        theirs: &Map<String, Value>,
    ) -> Map<String, Value> {
        let mut keys: Vec<&String> =
            mine.keys().chain(theirs.keys()).chain(base.flatten().into_iter().flat_map(|b| b.keys())).collect();
        keys.sort_unstable();
        keys.dedup();
        let mut out = Map::new();
        for key in keys {
            path.push(Step::Field(key.clone()));
            let field_base = base.map(|b| b.and_then(|b| b.get(key)));
            if let Some(value) = self.value(path, field_base, mine.get(key), theirs.get(key)) {
                out.insert(key.clone(), value);
            }
            path.pop();
        }
        out
    }

    /// A keyed list: each item merged by key, then ordered by the one rule of order.
    fn list(
        &mut self,
        path: &mut Vec<Step>,
        base: Option<Vec<(String, &Value)>>,
        mine: Vec<(String, &Value)>,
        theirs: Vec<(String, &Value)>,
    ) -> Value {
        let base_items: Option<HashMap<&str, &Value>> =
            base.as_ref().map(|b| b.iter().map(|(k, v)| (k.as_str(), *v)).collect());
        let mine_items: HashMap<&str, &Value> = mine.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        let theirs_items: HashMap<&str, &Value> = theirs.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        let mut keys: Vec<&str> = mine.iter().chain(&theirs).map(|(k, _)| k.as_str()).collect();
        if let Some(base) = &base {
            keys.extend(base.iter().map(|(k, _)| k.as_str()));
        }
        let mut merged: HashMap<&str, Value> = HashMap::new();
        let mut done = std::collections::HashSet::new();
        for key in keys {
            if !done.insert(key) {
                continue;
            }
            let (m, t) = (mine_items.get(key).copied(), theirs_items.get(key).copied());
            // With no known base, an item on one side only was added there.
            let item_base = match &base_items {
                Some(b) => Some(b.get(key).copied()),
                None if m.is_some() && t.is_some() => None,
                None => Some(None),
            };
            path.push(Step::Item(key.to_owned()));
            if let Some(value) = self.value(path, item_base, m, t) {
                merged.insert(key, value);
            }
            path.pop();
        }
        let base_keys = base.as_deref().map(sequence);
        let (mine_keys, theirs_keys) = (sequence(&mine), sequence(&theirs));
        let (_, conflict) =
            arrange(base_keys.as_deref(), &mine_keys, &theirs_keys, |k| merged.contains_key(k), Side::Mine);
        let mut side = Side::Mine;
        if conflict {
            let keys = |k: &[&str]| Value::Array(k.iter().map(|k| Value::String((*k).to_owned())).collect());
            path.push(Step::Order);
            let found = Found {
                path: path.clone(),
                base: base_keys.as_deref().map(keys),
                mine: Some(keys(&mine_keys)),
                theirs: Some(keys(&theirs_keys)),
            };
            path.pop();
            side = self.side(found);
        }
        let (order, _) = arrange(base_keys.as_deref(), &mine_keys, &theirs_keys, |k| merged.contains_key(k), side);
        Value::Array(order.into_iter().filter_map(|k| merged.remove(k)).collect())
    }
}
