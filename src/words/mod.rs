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
