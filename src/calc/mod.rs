//! What a plan's figures say: statuses, roll-ups, checks, budget totals and splits, the
//! filters and columns of its tables, the differences between two versions. Pure
//! functions of the model; no text, no file, no feature.

pub mod check;
pub mod columns;
pub mod compare;
pub mod derived;
pub mod filter;
pub mod funding;
pub mod indicator_list;
pub mod rollup;
pub mod search;
pub mod split;
pub mod status;
pub mod summary;
pub mod totals;
