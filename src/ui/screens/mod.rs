//! One screen per route, one file each. Screens read the plan from the context
//! (`use_ctx`) and change it through `Ctx::edit`, which runs the core's `edit` functions.

pub mod actions;
pub mod bilan;
pub mod budget;
pub mod dashboard;
pub mod followup;
pub mod indicators;
pub mod library;
pub mod objective;
pub mod region;
pub mod regions;
pub mod settings;
pub mod sharing;
pub mod structure;
