//! The browser shell: Yew components over the core. Everything here is thin: the
//! model, its calculations, its formats and its messages live outside `ui/`.

mod app;
mod components;
mod context;
mod copies;
mod download;
mod drafts;
mod file_home;
mod kept_drafts;
mod kit;
mod persistence;
mod route;
mod screens;
mod state;
mod store;

use wasm_bindgen::prelude::wasm_bindgen;

/// Runs when the page has instantiated the module: replaces the loading message with
/// the application.
#[wasm_bindgen(start)]
pub fn start() {
    mark("jalon-start");
    let document = gloo::utils::document();
    let Some(root) = document.get_element_by_id("app") else { return };
    adopt_report_style(&document);
    root.set_inner_html("");
    yew::Renderer::<app::App>::with_root(root).render();
}

/// The bilan's and the charts' stylesheet, which the core holds for the bilan's saved
/// copy (`jalon::report::STYLE`), given to the page once: kept out of the page's inlined
/// stylesheet, it costs the single file only its compressed bytes. A constructed sheet
/// is not an inline style, so the page's policy still allows only its own.
fn adopt_report_style(document: &web_sys::Document) {
    let Ok(sheet) = web_sys::CssStyleSheet::new() else { return };
    if sheet.replace_sync(jalon::report::STYLE).is_ok() {
        let sheets = document.adopted_style_sheets();
        sheets.push(&sheet);
        document.set_adopted_style_sheets(&sheets);
    }
}

/// Marks the first render for the benchmarks (`performance.getEntriesByName`).
pub(crate) fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// The day a moment falls on where the user is: the core keeps moments in UTC and
/// reads no time zone.
pub(crate) fn local_day(at: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDate {
    at.with_timezone(&chrono::Local).date_naive()
}
