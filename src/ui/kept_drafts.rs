//! The open plan's drafts as storage holds them, read once and kept: the reducer, the
//! saving and the fields read them here, so that none of them depends on the others.

use super::store;
use jalon::model::id::Id;
use jalon::words::draft::{Drafts, Key};
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    /// The drafts of the plan last read or written, as storage held them then.
    static KEPT: RefCell<Option<(Id, Rc<Drafts>)>> = const { RefCell::new(None) };
}

/// A plan's drafts.
pub fn read(plan: &Id) -> Rc<Drafts> {
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        match kept.as_ref() {
            Some((id, drafts)) if id == plan => drafts.clone(),
            _ => {
                let drafts = Rc::new(store::drafts(plan));
                *kept = Some((plan.clone(), drafts.clone()));
                drafts
            }
        }
    })
}

pub fn change(plan: &Id, change: impl FnOnce(&mut Drafts)) {
    let drafts = Rc::new(store::change_drafts(plan, change));
    KEPT.with(|kept| *kept.borrow_mut() = Some((plan.clone(), drafts)));
}

pub fn forget(plan: &Id, keys: &[Key]) {
    if !keys.is_empty() {
        change(plan, |drafts| {
            for key in keys {
                drafts.remove(key);
            }
        });
    }
}
