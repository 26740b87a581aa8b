//! What a plan is: its tree, indicators, targets, measurements, actions, checkpoints,
//! budget lines, where its parts came from, and the ids, dates and money they are written
//! in. The model knows no calculation, no file format and no feature: every other layer
//! reads it, and it reads none of them.

pub mod action;
pub mod bounded;
pub mod budget;
pub mod checkpoint;
pub mod date;
pub mod element;
pub mod id;
pub mod id_holders;
pub mod indicator;
pub mod level;
pub mod measurement;
pub mod money;
pub mod plan;
pub mod sending;
pub mod shared;
pub mod sources;
pub mod subject;
pub mod target;
