//! The bilan's stylesheet: one file, `report.css`, which the page adopts at start-up
//! and the saved copy holds inline, and its SHA-256 for the copy's policy, worked out
//! by `build.rs` whenever the file changes.

/// The stylesheet, as the saved copy holds it.
pub const STYLE: &str = include_str!("report.css");

/// `sha256-…` of `STYLE`: the saved copy allows this stylesheet and nothing else.
pub const STYLE_HASH: &str = include_str!(concat!(env!("OUT_DIR"), "/report-style-hash"));
