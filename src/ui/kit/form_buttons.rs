//! The buttons that end a form: « Enregistrer » submits it, « Annuler » leaves it.

use crate::ui::context::Ctx;
use yew::prelude::*;

pub fn save_or_cancel(ctx: &Ctx, on_cancel: Callback<MouseEvent>) -> Html {
    html! {
        <div class="form-buttons">
            <button type="submit" class="primary">{ ctx.words().save }</button>
            <button type="button" onclick={on_cancel}>{ ctx.words().cancel }</button>
        </div>
    }
}
