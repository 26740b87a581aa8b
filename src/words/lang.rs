//! The languages of the page and the command. A leaf: the texts, the readers of what
//! people type and the edits all name it, and it names nothing of theirs.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Whether `count` takes the plural: French keeps zero and one in the singular
    /// (« 0 bilan »), English only one ("0 checkpoints").
    pub fn plural(self, count: usize) -> bool {
        match self {
            Lang::Fr => count > 1,
            Lang::En => count != 1,
        }
    }

    /// The language the switch offers.
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}
