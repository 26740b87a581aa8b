//! Handing a file to the user: the browser's own download, from memory, with no
//! request (the page's policy forbids any).

use crate::ui::store;
use wasm_bindgen::JsCast;
use yew::{Callback, MouseEvent};

/// Offers `text` as a download named `name`. Returns `false` if the browser refused.
pub fn download(name: &str, text: &str, mime: &str) -> bool {
    let blob = gloo::file::Blob::new_with_options(text, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let document = gloo::utils::document();
    let Some(anchor) = document.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // The browser reads the URL after this call returns: revoke it a little later.
    gloo::timers::callback::Timeout::new(10_000, move || drop(url)).forget();
    true
}

/// A button's callback offering the text set aside under `key` as its own file.
pub fn set_aside_text(key: String) -> Callback<MouseEvent> {
    Callback::from(move |_| {
        if let Some(text) = store::stored_text(&key) {
            download(&store::set_aside_file_name(&key), &text, "text/plain");
        }
    })
}
