//! The browser's local storage: where this page keeps the plan and the user's choices.
//!
//! Every `file://` page shares one local storage, so keys are namespaced and what is
//! read back goes through the core's file reader like any file. Some locked-down
//! profiles refuse local storage altogether: every access here can fail, and the page
//! carries on without it.

use jalon::format;
use jalon::plan::Plan;
use jalon::text::Lang;
use web_sys::Storage;

const PREFIX: &str = "jalon.v1.";
const KEY_LANG: &str = "jalon.v1.lang";
const KEY_PLAN: &str = "jalon.v1.plan";
/// Where an unreadable stored plan is set aside, untouched, before anything is saved.
const KEY_UNREADABLE: &str = "jalon.v1.plan.unreadable";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn available() -> bool {
    let Some(storage) = storage() else { return false };
    let probe = format!("{PREFIX}probe");
    let ok = storage.set_item(&probe, "1").is_ok();
    let _ = storage.remove_item(&probe);
    ok
}

pub fn load_lang() -> Option<Lang> {
    Lang::from_code(&storage()?.get_item(KEY_LANG).ok()??)
}

pub fn save_lang(lang: Lang) -> bool {
    storage().is_some_and(|s| s.set_item(KEY_LANG, lang.code()).is_ok())
}

/// What the page found in storage at start-up.
pub enum Stored {
    Nothing,
    Plan(Plan),
    /// Stored text that the reader refused; it has been set aside under its own key.
    Unreadable(format::LoadError),
}

pub fn load_plan() -> Stored {
    let Some(storage) = storage() else { return Stored::Nothing };
    let Some(text) = storage.get_item(KEY_PLAN).ok().flatten() else { return Stored::Nothing };
    match format::load(&text) {
        Ok(plan) => Stored::Plan(plan),
        Err(error) => {
            let _ = storage.set_item(KEY_UNREADABLE, &text);
            let _ = storage.remove_item(KEY_PLAN);
            Stored::Unreadable(error)
        }
    }
}

/// Saves the plan and reads it back: `true` only if what is stored is what was written.
pub fn save_plan(plan: &Plan) -> bool {
    let Some(storage) = storage() else { return false };
    let text = format::save(plan);
    storage.set_item(KEY_PLAN, &text).is_ok()
        && storage.get_item(KEY_PLAN).ok().flatten().as_deref() == Some(text.as_str())
}
