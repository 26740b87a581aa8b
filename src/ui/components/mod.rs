//! One component per file.

pub mod actions_table;
pub mod checks;
pub mod header;
pub mod indicators_table;
pub mod nav;
pub mod notice;
pub mod objective;
pub mod plan_tree;
pub mod action_stats;
pub mod changes_list;
pub mod level_rollup;
pub mod objective_progress;
pub mod pager;
pub mod stacked_bar;
pub mod budget_allocation;
pub mod budget_category;
pub mod budget_form;
pub mod budget_rates;
pub mod budget_revenues;
pub mod budget_summary;
pub mod finding_notes;
