//! A refused field is reported as it was when a path-tracking reader gave its path:
//! checked on every value of the sample and of a fixture, each replaced by a value of
//! another kind, emptied of a field or given an unknown one, written compact and
//! spaced, among the values that follow it or last.

use super::super::error::Source;
use super::super::LoadError;
use super::{sample_plan, FIXTURES};
use crate::model::plan::Plan;
use serde::Deserialize;
use serde_json::Value;

/// One of each way serde_json meets a value: a literal, numbers, strings, a date that
/// does not exist, empty and filled arrays and objects.
const REPLACEMENTS: &[&str] = &["null", "-1", "0.5", "\"banana\"", "\"2027-02-30\"", "[]", "{}", "[{}]", "{\"a\": 1}"];

/// The refusal as the path-tracking reader gave it, and as the scan gives it.
fn paths(text: &str) -> Option<(String, String, String)> {
    let tracked = serde_path_to_error::deserialize::<_, Plan>(&mut serde_json::Deserializer::from_str(text));
    let plain = Plan::deserialize(&mut serde_json::Deserializer::from_str(text));
    match (tracked, plain) {
        (Ok(_), Ok(_)) => None,
        (Err(tracked), Err(plain)) => {
            let source = Source { file: text, offset: Some(0), plan: 0 };
            let message = plain.to_string();
            let mut path = tracked.path().to_string();
            if message.starts_with("unknown field ") {
                // The tracked path named the unknown key; the report adds it to its object.
                let object = path.rfind('.').map_or(0, |dot| dot);
                path.truncate(object);
                if path.is_empty() {
                    path.push('.');
                }
            }
            let expected = LoadError::from_field_at(tracked.into_inner(), &path, text, source);
            let scanned = LoadError::from_field(plain, text, source);
            Some((format!("{expected:?}"), format!("{scanned:?}"), message))
        }
        _ => panic!("one reader accepted what the other refused"),
    }
}

/// Every value of `value`, by its JSON pointer.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            map.iter().for_each(|(k, v)| pointers(v, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out))
        }
        Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
        _ => {}
    }
    out.push(at);
}

/// `value` as spaced JSON text, each key on the way to `pointer` last in its object,
/// so that the value there ends its objects as well as standing among others.
fn last_on_the_way(value: &Value, pointer: &[&str]) -> String {
    let (comma, open, close) = (",\n ", "{\n ", "\n}");
    match value {
        Value::Object(map) => {
            let next = pointer.first().copied();
            let mut entries: Vec<_> = map.iter().filter(|(k, _)| Some(k.as_str()) != next).collect();
            entries.extend(map.iter().filter(|(k, _)| Some(k.as_str()) == next));
            let inner: Vec<String> = entries
                .into_iter()
                .map(|(k, v)| {
                    let rest = if Some(k.as_str()) == next { &pointer[1..] } else { &[][..] };
                    format!("{}: {}", Value::String(k.clone()), last_on_the_way(v, rest))
                })
                .collect();
            format!("{open}{}{close}", inner.join(comma))
        }
        Value::Array(items) => {
            let inner: Vec<String> = items
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let rest = if pointer.first() == Some(&i.to_string().as_str()) { &pointer[1..] } else { &[][..] };
                    last_on_the_way(v, rest)
                })
                .collect();
            format!("[{}]", inner.join(comma))
        }
        other => other.to_string(),
    }
}

fn check(plan: &Value) -> usize {
    let mut all = Vec::new();
    pointers(plan, String::new(), &mut all);
    let mut compared = 0;
    let mut variants = Vec::new();
    for pointer in &all {
        for replacement in REPLACEMENTS {
            let mut changed = plan.clone();
            *changed.pointer_mut(pointer).unwrap() = serde_json::from_str(replacement).unwrap();
            variants.push((changed, pointer));
        }
        if let Some(Value::Object(map)) = plan.pointer(pointer) {
            let mut changed = plan.clone();
            changed.pointer_mut(pointer).unwrap().as_object_mut().unwrap().insert("zz_unknown".into(), Value::Null);
            variants.push((changed, pointer));
            for key in map.keys() {
                let mut changed = plan.clone();
                changed.pointer_mut(pointer).unwrap().as_object_mut().unwrap().remove(key);
                variants.push((changed, pointer));
            }
        }
    }
    for (changed, pointer) in variants {
        let tokens: Vec<&str> = pointer.split('/').skip(1).collect();
        // Compact, the value among the keys that follow it; spaced, the value last.
        let texts = [changed.to_string(), last_on_the_way(&changed, &tokens)];
        for text in texts {
            if let Some((tracked, scanned, message)) = paths(&text) {
                assert_eq!(scanned, tracked, "{message}");
                compared += 1;
            }
        }
    }
    compared
}

#[test]
fn every_refused_field_is_reported_as_the_tracked_path_gave_it() {
    let sample: Value = serde_json::from_str(&serde_json::to_string(&sample_plan()).unwrap()).unwrap();
    let mut compared = check(&sample);
    // The fixture with staff days, which the sample has not.
    let (_, text) = FIXTURES.iter().find(|(name, _)| *name == "plan-002-cooperative").unwrap();
    let plan = super::super::load(text).unwrap();
    compared += check(&serde_json::from_str(&serde_json::to_string(&plan).unwrap()).unwrap());
    assert!(compared > 10_000, "{compared} refusals compared");
}

#[test]
fn a_repeated_field_and_an_escaped_key_are_reported_as_before() {
    let text = serde_json::to_string(&sample_plan()).unwrap();
    let repeated = text.replacen("\"title\":", "\"title\": \"once\", \"title\":", 1);
    let (tracked, scanned, message) = paths(&repeated).expect("refused");
    assert!(message.starts_with("duplicate field `title`"), "{message}");
    assert_eq!(scanned, tracked, "{message}");
    let escaped = text.replacen("\"title\":", "\"ti\\u0074le\": 1, \"x\\\"y\":", 1);
    let (tracked, scanned, message) = paths(&escaped).expect("refused");
    assert_eq!(scanned, tracked, "{message}");
}
