//! One component per file.

pub mod actions_table;
pub mod checks;
pub mod header;
pub mod indicator_card;
pub mod indicator_chart;
pub mod indicator_form;
pub mod indicators_table;
pub mod nav;
pub mod notice;
pub mod objective;
pub mod plan_import;
pub mod plan_tree;
pub mod action_filters;
pub mod action_form;
pub mod checkpoint_form;
pub mod column_picker;
pub mod measurement_entry;
pub mod pager;
pub mod progress_entry;
pub mod segment_form;
pub mod status_badge;
