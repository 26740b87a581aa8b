//! One component per file.

pub mod actions_table;
pub mod add_element;
pub mod checks;
pub mod delete_element;
pub mod element_form;
pub mod header;
pub mod indicators_table;
pub mod level_names;
pub mod move_element;
pub mod nav;
pub mod notice;
pub mod plan_tree;
