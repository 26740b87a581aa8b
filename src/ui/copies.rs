//! The copies of a plan this browser downloaded or opened whole, the last few kept by
//! their digest in IndexedDB (www/files.js): a copy opened later is merged three ways
//! over the version it and this browser's plan both come from, found here by the copy's
//! own digest or by the base it names (`jalon::format::Opened::base`).

use jalon::model::id::Id;
use jalon::model::plan::Plan;
use js_sys::Promise;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::file_home::in_background;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = jalonFiles, js_name = keepCopy)]
    fn keep_copy(key: &str, digest: &str, bytes: &[u8], fresh: bool) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jalonFiles, js_name = copy)]
    fn kept_copy(key: &str, digest: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jalonFiles, js_name = forgetCopies)]
    fn forget_copies(key: &str) -> Result<Promise, JsValue>;
}

/// Keeps `bytes`, the copy `digest` of the plan `id`; `fresh` when the plan starts
/// again from it (opened whole), which forgets the copies of the plan it replaced.
/// A copy not kept only makes a later merge ask more.
pub fn keep(id: &Id, digest: &str, bytes: &[u8], fresh: bool) {
    in_background(keep_copy(id.as_str(), digest, bytes, fresh));
}

/// Forgets every copy of the plan `id`.
pub fn forget(id: &Id) {
    in_background(forget_copies(id.as_str()));
}

/// The version that `theirs`, a copy of the plan `id` whose text has the digest `own`
/// and names `named` as its base, and this browser's plan both come from: the copy
/// itself when this browser downloaded or opened it, else the copy it names, when kept.
pub async fn base_of(id: &Id, theirs: &Rc<Plan>, own: &str, named: Option<&str>) -> Option<Rc<Plan>> {
    if kept(id, own).await.is_some() {
        return Some(theirs.clone());
    }
    let text = kept(id, named?).await?;
    jalon::format::load(&text).ok().map(Rc::new)
}

async fn kept(id: &Id, digest: &str) -> Option<String> {
    JsFuture::from(kept_copy(id.as_str(), digest).ok()?).await.ok()?.as_string()
}
