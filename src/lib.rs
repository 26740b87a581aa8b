//! Jalon: plans for educational success, written, followed and shared in one page.
//!
//! This crate is the core: the plan model, its calculations, its file format and the
//! French and English texts of its messages. It knows nothing of the browser; the
//! `ui` module, compiled only with the `web` feature, is a thin shell over it.

// The layers, from the ground up: each may use the layers above it in this list and no
// other (`tests/layers.rs` holds the rule; ARCHITECTURE.md says why).
pub mod calc; // figures, checks, filters: uses the model
pub mod edit; // every change a screen makes, and undo: uses the model, the format, calc
pub mod format; // the plan file: uses the model
pub mod model; // what a plan is: uses nothing
pub mod rebuild; // a plan rebuilt from pasted tables: uses all the above, no other feature
pub mod region; // a region's plans together: uses all the above, no other feature
pub mod report;
pub mod share; // partners' parts and returns: uses all the above, no other feature
pub mod sheet; // spreadsheets out and in: uses all the above, no other feature
pub mod start; // sample, templates, generated plans: uses all the above
pub mod storage; // plans kept between visits, over any key-value store: uses the model, the format
pub mod words; // languages, formats, the typed reader, texts: uses all the above // the printed bilan and the charts: uses all the above, no other feature

// The shell reads the core as `jalon::…`, as an outside user of the crate would.
#[cfg(feature = "web")]
extern crate self as jalon;
#[cfg(feature = "web")]
mod ui;

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
