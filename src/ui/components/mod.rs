//! One component per file.

pub mod actions_table;
pub mod checks;
pub mod header;
pub mod indicators_table;
pub mod nav;
pub mod notice;
pub mod objective;
pub mod plan_tree;
pub mod action_filters;
pub mod action_form;
pub mod column_picker;
pub mod pager;
pub mod status_badge;
pub mod checkpoint_form;
pub mod measurement_entry;
pub mod progress_entry;
