//! Sharing between partners: a coordinator sends each recipient its part of the plan
//! (`part`), the recipient updates it in its own page and sends it back, and the
//! coordinator merges the return field by field (`merge`). Two versions of the whole
//! plan, one written elsewhere (a colleague, another computer), merge three ways on ids
//! (`whole`); both merges decide each value by one rule (`three_way`).
//!
//! Both sides keep what a merge needs in the plan file itself: the whole plan records
//! each sending with exactly what was sent (the base of a three-way merge) and each
//! return merged; a part carries `PartOf`, which says where it comes from and which of
//! its actions were sent (any other is a proposal).

pub mod merge;
pub mod part;
pub mod three_way;
pub mod whole;
pub mod words;
pub mod words_diff;

pub use crate::model::sending::{PartOf, Return, Sending};
