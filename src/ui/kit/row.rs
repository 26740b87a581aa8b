//! Which row of a list is open, and for what: its form in place of it, or the question
//! before deleting it. One at a time in a list; opening another closes the first.

use crate::ui::context::Ctx;
use crate::ui::kit::lines::{Unread, Values};
use jalon::edit::history::Act;
use jalon::edit::Change;
use jalon::words::draft::Form;
use yew::prelude::*;

/// What is open in a list whose rows are told apart by `R` (an id, a position, or an
/// enum of the list's kinds of rows).
#[derive(Clone, Debug, PartialEq)]
pub enum Open<R> {
    Nothing,
    /// The row's form shows in its place.
    Editing(R),
    /// The row asks whether to delete it.
    Deleting(R),
}

impl<R: PartialEq> Open<R> {
    pub fn editing(&self, row: &R) -> bool {
        matches!(self, Open::Editing(open) if open == row)
    }

    pub fn deleting(&self, row: &R) -> bool {
        matches!(self, Open::Deleting(open) if open == row)
    }

    /// The row whose form is open, if any.
    pub fn edited(&self) -> Option<&R> {
        match self {
            Open::Editing(row) => Some(row),
            _ => None,
        }
    }
}

/// A list's open row, starting closed.
#[hook]
pub fn use_open<R: 'static>() -> UseStateHandle<Open<R>> {
    use_state(|| Open::Nothing)
}

/// A callback that sets `state` to `to` (a row opened, or nothing).
pub fn set_to<T: Clone + 'static, E: 'static>(state: &UseStateHandle<T>, to: T) -> Callback<E> {
    let state = state.clone();
    Callback::from(move |_| state.set(to.clone()))
}

/// The « Supprimer définitivement » of a row read from storage: `delete` runs, the row
/// closes, and `revision` moves on for the list to be read again.
pub fn delete_and_reread<R: 'static>(
    open: &UseStateHandle<Open<R>>,
    revision: &UseStateHandle<u32>,
    delete: impl Fn() + 'static,
) -> Callback<MouseEvent> {
    let (open, revision) = (open.clone(), revision.clone());
    Callback::from(move |_| {
        delete();
        open.set(Open::Nothing);
        revision.set(*revision + 1);
    })
}

/// What a form of lines does when sent: the change `read` makes of its values is made; a
/// value that does not read is refused under its field, and nothing changes.
pub fn edit_with(
    ctx: &Ctx,
    read: impl Fn(&Values) -> Result<(Act, Change), Unread> + 'static,
) -> Callback<Values, Result<(), Unread>> {
    let ctx = ctx.clone();
    Callback::from(move |values: Values| {
        let (act, change) = read(&values)?;
        ctx.edit(act, change);
        Ok(())
    })
}

/// The same for a form open in a row of `open`, which closes once the change is made.
pub fn edit_and_close<R: 'static>(
    ctx: &Ctx,
    open: &UseStateHandle<Open<R>>,
    read: impl Fn(&Values) -> Result<(Act, Change), Unread> + 'static,
) -> Callback<Values, Result<(), Unread>> {
    let (ctx, open) = (ctx.clone(), open.clone());
    Callback::from(move |values: Values| {
        let (act, change) = read(&values)?;
        ctx.edit(act, change);
        open.set(Open::Nothing);
        Ok(())
    })
}

/// Opens in `open` the form that the user resumes, when `place` knows the form's place on
/// the screen (« rev-<id> »: see `Form::Budget`).
pub fn resume_in<R: 'static>(
    open: &UseStateHandle<Open<R>>,
    place: impl Fn(&str) -> Option<R> + 'static,
) -> Callback<Form, bool> {
    let open = open.clone();
    Callback::from(move |form| match form {
        Form::Budget(at) => place(&at).map(|row| open.set(Open::Editing(row))).is_some(),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::Open;

    #[test]
    fn one_row_is_open_at_a_time_for_one_thing() {
        let open = Open::Editing(2);
        assert!(open.editing(&2) && !open.editing(&3) && !open.deleting(&2));
        let open = Open::Deleting(3);
        assert!(open.deleting(&3) && !open.editing(&3) && !open.deleting(&2));
        assert!(!Open::<u8>::Nothing.editing(&2));
        assert_eq!(
            (Open::Editing(2).edited(), Open::Deleting(2).edited(), Open::<u8>::Nothing.edited()),
            (Some(&2), None, None)
        );
    }
}
