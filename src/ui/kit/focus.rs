//! Where the keyboard's focus goes after a change the page draws.

/// Moves focus, once the page has drawn its change, to the first of `targets` that
/// exists and is enabled: a keyboard user keeps their place when a form closes or an
/// element moves.
pub fn focus_soon(targets: Vec<String>) {
    gloo::timers::callback::Timeout::new(0, move || {
        let document = gloo::utils::document();
        for target in &targets {
            let Some(element) = document.get_element_by_id(target) else { continue };
            if element.has_attribute("disabled") {
                continue;
            }
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(element).focus();
            return;
        }
    })
    .forget();
}
