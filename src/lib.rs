//! Jalon: plans for educational success, written, followed and shared in one page.
//!
//! This crate is the core: the plan model, its calculations, its file format and the
//! French and English texts of its messages. It knows nothing of the browser; the
//! `ui` module, compiled only with the `web` feature, is a thin shell over it.

// The layers, from the ground up: each uses only those above it in this list, and a
// feature uses no other feature. `tests/layers.rs` holds the rule; ARCHITECTURE.md
// says why.

// What a plan is. Uses nothing else.
pub mod model;

// The plan file: reading, migrating, writing. Uses the model.
pub mod format;

// Plans kept between visits, over any key-value store: the base each write checks, the
// lineage, the copies set aside. Uses the model, the format.
pub mod storage;

// Figures, checks, filters, columns, versions compared. Uses the model.
pub mod calc;

// Every change a screen makes, and its undo. Uses the model, the format, calc.
pub mod edit;

// Languages, numbers and dates written and read, drafts, texts. Uses all the above.
pub mod words;

// The sample, the templates of a new plan, generated plans. Uses all the above.
pub mod start;

// The features, each over all the layers and none of the others: partners' parts and
// returns, a region's plans together, spreadsheets, a plan rebuilt from pasted tables,
// the printed bilan and its charts.
pub mod share;

pub mod region;

pub mod sheet;

pub mod rebuild;

pub mod report;

// The shell reads the core as `jalon::…`, as an outside user of the crate would.
#[cfg(feature = "web")]
extern crate self as jalon;
#[cfg(feature = "web")]
mod ui;

#[cfg(test)]
mod fixtures;

#[cfg(test)]
mod robustness;

#[cfg(test)]
mod boundary_tests {
    /// The core's dependency tree holds no browser crate: only the `web` feature,
    /// which native builds and tests never enable, brings them in.
    #[test]
    fn the_core_depends_on_no_browser_crate() {
        let output = std::process::Command::new(env!("CARGO"))
            .args(["tree", "--edges", "normal", "--prefix", "none", "--offline"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("cargo tree runs");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let tree = String::from_utf8_lossy(&output.stdout);
        assert!(tree.contains("serde_json"), "the tree was read: {tree}");
        for browser_crate in ["yew", "gloo", "web-sys", "js-sys", "wasm-bindgen", "serde-wasm-bindgen"] {
            let found = tree.lines().any(|line| line.split(' ').next() == Some(browser_crate));
            assert!(!found, "the core depends on {browser_crate}:\n{tree}");
        }
    }
}
