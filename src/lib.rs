//! Jalon: plans for educational success, written, followed and shared in one page.
//!
//! This crate is the core: the plan model, its calculations, its file format and the
//! French and English texts of its messages. It knows nothing of the browser; the
//! `ui` module, compiled only with the `web` feature, is a thin shell over it.

pub mod date;
pub mod id;
pub mod lang;
pub mod money;
pub mod not_text;
pub mod subject;

pub mod action;
pub mod budget;
pub mod checkpoint;
pub mod columns;
pub mod element;
pub mod filter;
pub mod id_holders;
pub mod indicator;
pub mod indicator_list;
pub mod level;
pub mod measurement;
pub mod plan;
pub mod target;

pub mod chart;
pub mod check;
pub mod compact;
pub mod compare;
pub mod derived;
pub mod draft;
pub mod edit;
pub mod format;
pub mod funding;
pub mod generate;
pub mod history;
pub mod html;
pub mod input;
pub mod rebuild;
pub mod region;
pub mod report;
pub mod rollup;
pub mod sample;
pub mod saving;
pub mod search;
pub mod share;
pub mod sheet;
pub mod status;
pub mod summary;
pub mod template;
pub mod text;
pub mod words;

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
