//! One component per file.

pub mod actions_table;
pub mod add_element;
pub mod checks;
pub mod delete_element;
pub mod element_form;
pub mod header;
pub mod indicator_card;
pub mod indicator_chart;
pub mod indicator_form;
pub mod indicators_table;
pub mod level_names;
pub mod move_element;
pub mod nav;
pub mod notice;
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
