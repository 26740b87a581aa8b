//! Migrations from older file versions, run on the JSON before it meets the model.
//!
//! Each step takes version N to N + 1. Once files are in users' hands, a change to
//! the format adds a step here and a fixture in `tests/fixtures/` that is never edited.

use super::{FieldProblem, LoadError, VERSION};
use serde_json::{Map, Value};

pub(super) fn to_current(mut version: u64, plan: &mut Value) -> Result<(), LoadError> {
    while version < VERSION {
        match version {
            0 => v0_to_v1(plan)?,
            _ => unreachable!("every version below VERSION has a step"),
        }
        version += 1;
    }
    Ok(())
}

/// Version 0 was the first draft: the tree's level names were a flat list of
/// singular words (`"level_names": ["Enjeu", "Objectif"]`), the actions were called
/// `"means"`, and the objective level was always the last one.
fn v0_to_v1(plan: &mut Value) -> Result<(), LoadError> {
    let Value::Object(object) = plan else {
        return Err(LoadError::field("plan", FieldProblem::WrongType));
    };
    if let Some(names) = object.remove("level_names") {
        let Value::Array(names) = names else {
            return Err(LoadError::field("plan.level_names", FieldProblem::WrongType));
        };
        let count = names.len();
        let mut levels = Vec::with_capacity(count);
        for (i, name) in names.into_iter().enumerate() {
            let Value::String(singular) = name else {
                return Err(LoadError::field(&format!("plan.level_names[{i}]"), FieldProblem::WrongType));
            };
            let plural = plural_of(&singular);
            levels.push(level(singular, plural));
        }
        object.insert("levels".into(), Value::Array(levels));
        object.entry("objective_level").or_insert_with(|| Value::from(count.saturating_sub(1)));
    }
    if let Some(means) = object.remove("means") {
        object.insert("actions".into(), means);
    }
    object.entry("action_name").or_insert_with(|| noun("moyen", "moyens"));
    Ok(())
}

/// Version 0 kept no plural; French plural of the plans' level words is a final « s »
/// (« Enjeux » and « Axes » aside, which end in « u » and « e »).
fn plural_of(singular: &str) -> String {
    if singular.ends_with('s') || singular.ends_with('x') {
        singular.to_owned()
    } else if singular.ends_with("eu") || singular.ends_with("au") {
        format!("{singular}x")
    } else {
        format!("{singular}s")
    }
}

fn noun(singular: &str, plural: &str) -> Value {
    let mut map = Map::new();
    map.insert("singular".into(), Value::from(singular));
    map.insert("plural".into(), Value::from(plural));
    Value::Object(map)
}

fn level(singular: String, plural: String) -> Value {
    let mut map = Map::new();
    map.insert("name".into(), noun(&singular, &plural));
    Value::Object(map)
}
