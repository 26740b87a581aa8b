//! The plan's own names for its levels: « Enjeu », « Axe », « Projet stratégique »…

use serde::{Deserialize, Serialize};

/// A word in its singular and plural forms, as the plan writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Noun {
    pub singular: String,
    pub plural: String,
}

impl Noun {
    pub fn new(singular: &str, plural: &str) -> Noun {
        Noun { singular: singular.into(), plural: plural.into() }
    }
}

/// One level of the plan's tree. Levels are listed from the top (index 0) down; the
/// actions are not a level of the tree but entities of their own (see `Action`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub name: Noun,
}

/// The levels of a Quebec success plan (PEVR): Enjeu → Orientation → Objectif; the
/// objectives are the last level and the actions are called « moyens ».
pub fn pevr_levels() -> Vec<Level> {
    ["Enjeu", "Orientation", "Objectif"]
        .into_iter()
        .zip(["Enjeux", "Orientations", "Objectifs"])
        .map(|(singular, plural)| Level { name: Noun::new(singular, plural) })
        .collect()
}
