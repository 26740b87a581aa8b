//! The words: the languages, how numbers and dates are written, the typed reader that is
//! their exact inverse, the drafts of what is being typed, and the texts of every
//! message. Texts of a feature live with the feature.

pub mod command;
pub mod draft;
pub mod input;
pub mod lang;
pub mod numbers;
pub mod table;
pub mod text;

/// Writes `text` into `out`, each character `table` names as its escape.
pub fn escape_with(text: &str, out: &mut String, table: &[(char, &str)]) {
    for c in text.chars() {
        match table.iter().find(|(special, _)| *special == c) {
            Some((_, escaped)) => out.push_str(escaped),
            None => out.push(c),
        }
    }
}
