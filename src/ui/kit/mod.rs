//! The shell's form kit: the shapes the screens repeat, each written once. A screen
//! built on them says what its rows and fields are, not how a field keeps its draft,
//! says its refusal or asks before a deletion.
//!
//! What the kit decides without a browser (which row is open, reading a line's values by
//! key, a badge's class) is in plain functions tested natively with
//! `cargo test --features web --lib kit`.

pub mod badge;
pub mod card;
pub mod copy_table;
pub mod drop;
pub mod field;
pub mod file_pick;
pub mod focus;
pub mod form_buttons;
pub mod line_table;
pub mod lines;
pub mod row;
pub mod same;
pub mod select;
pub mod setting_form;
pub mod setting_rows;
pub mod table_head;
pub mod tick;
