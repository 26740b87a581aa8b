//! Migrations from older file versions, run on the JSON before it meets the model.
//!
//! Each step takes version N to N + 1. Once files are in users' hands, a change to
//! the format adds a step here and a fixture in `tests/fixtures/` that is never edited.
//!
//! A step that only adds fields, whose absence the model reads as what the older version
//! meant, needs no tree: such files are read as they are (`reads_as_is`), keeping the
//! exact line, column and typed number of their errors, and `refuse_newer_fields` holds
//! them to the fields their version had.

use super::{FieldProblem, LoadError, VERSION};
use crate::model::plan::{Numbering, Plan};
use serde_json::{Map, Value};

/// Whether a file of `version` is read by the model as it is, its text never rebuilt:
/// every step from it to `VERSION` only adds fields with a default.
pub(super) fn reads_as_is(version: u64) -> bool {
    version >= 1
}

/// A file read as it is (`reads_as_is`) holds only the fields of its own version: a
/// field that a later version added, found in an older file, is refused as unknown, as
/// that version's reader refused it.
pub(super) fn refuse_newer_fields(version: u64, plan: &Plan) -> Result<(), LoadError> {
    if version < 2 && plan.settings.numbering != Numbering::Hierarchical {
        return Err(LoadError::field("plan.settings.numbering", FieldProblem::Unknown));
    }
    if version < 3 && !plan.sendings.is_empty() {
        return Err(LoadError::field("plan.sendings", FieldProblem::Unknown));
    }
    if version < 3 && plan.part.is_some() {
        return Err(LoadError::field("plan.part", FieldProblem::Unknown));
    }
    if version < 3 && !plan.sources.is_empty() {
        return Err(LoadError::field("plan.sources", FieldProblem::Unknown));
    }
    if version < 4 && plan.settings.measurement_months.is_some() {
        return Err(LoadError::field("plan.settings.measurement_months", FieldProblem::Unknown));
    }
    Ok(())
}

pub(super) fn to_current(mut version: u64, plan: &mut Value) -> Result<(), LoadError> {
    while version < VERSION {
        match version {
            0 => v0_to_v1(plan)?,
            1 => v1_to_v2(plan)?,
            // Version 3 added the sendings, parts and sources, absent from every older plan.
            2 => {}
            // Version 4 added how long a measurement counts (`measurement_months`), which
            // every older plan left to the rule of checkpoints.
            3 => {}
            // Version 5 let a downloaded copy name the copy it was written from, in the
            // envelope: nothing in the plan changed.
            4 => {}
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

/// Version 2 lets a plan number its elements per level (« Objectif 7 ») rather than
/// hierarchically (« 1.2.3 »), in `settings.numbering`. Every version 1 plan was
/// numbered hierarchically, which is also the field's default: the step writes it to say
/// so. (Version 1 files never come here: they are read as they are, see `reads_as_is`.)
fn v1_to_v2(plan: &mut Value) -> Result<(), LoadError> {
    let Value::Object(object) = plan else {
        return Err(LoadError::field("plan", FieldProblem::WrongType));
    };
    match object.get_mut("settings") {
        None => Ok(()),
        Some(Value::Object(settings)) => {
            settings.insert("numbering".into(), Value::from("hierarchical"));
            Ok(())
        }
        Some(_) => Err(LoadError::field("plan.settings", FieldProblem::WrongType)),
    }
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
