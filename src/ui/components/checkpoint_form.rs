//! The form that creates a checkpoint, or changes one: its label (« Bilan de
//! mi-année ») and its date, pre-filled (today for a new one) as the page writes dates
//! and read back by `jalon::words::input`.

use crate::ui::context::{fresh_id, use_ctx};
use crate::ui::drafts;
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::model::checkpoint::Checkpoint;
use jalon::model::id::Id;
use jalon::model::subject::Subject;
use jalon::words::draft::{Form, Key};
use jalon::words::input::{self, InputError};
use jalon::words::text;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The checkpoint changed; `None` creates one.
    #[prop_or_default]
    pub editing: Option<Checkpoint>,
    /// Called with the checkpoint's id once created or changed (or left as it was).
    pub on_done: Callback<Id>,
    /// Closes the form of a checkpoint being changed.
    #[prop_or_default]
    pub on_cancel: Option<Callback<MouseEvent>>,
}

fn input_value(e: InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

#[function_component(CheckpointForm)]
pub fn checkpoint_form(props: &Props) -> Html {
    let ctx = use_ctx();
    let editing = props.editing.clone();
    let first_date = input::show_day(editing.as_ref().map_or(ctx.today, |c| c.date), ctx.lang);
    let label = use_state(|| editing.as_ref().map(|c| c.label.clone()).unwrap_or_default());
    let date = use_state(|| first_date.clone());
    let form = Form::Checkpoint(editing.as_ref().map(|c| c.id.clone()));
    let (kept, mark) = drafts::use_form(form.clone());
    let no_label = use_state(|| false);
    let bad_date = use_state(|| None::<InputError>);
    // Each form's fields have their own ids: a changed checkpoint's form shows beside
    // the new one's.
    let prefix = editing.as_ref().map_or_else(|| "checkpoint".to_owned(), |c| format!("checkpoint-{}", c.id));
    let field = |name: &str| format!("{prefix}-{name}");

    let on_label = {
        let label = label.clone();
        Callback::from(move |e: InputEvent| label.set(input_value(e)))
    };
    let on_date = {
        let date = date.clone();
        Callback::from(move |e: InputEvent| date.set(input_value(e)))
    };
    let on_submit = {
        let (ctx, label, date, on_done) = (ctx.clone(), label.clone(), date.clone(), props.on_done.clone());
        let (form, today) = (form.clone(), first_date.clone());
        let (no_label, bad_date) = (no_label.clone(), bad_date.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let day = input::read_day(&date);
            no_label.set(label.trim().is_empty());
            bad_date.set(day.clone().err());
            let (false, Ok(day)) = (label.trim().is_empty(), day) else { return };
            let name = label.trim().to_owned();
            match &editing {
                // Saved without an edit: the checkpoint stays byte for byte as it was.
                Some(checkpoint) if *label == checkpoint.label && day == checkpoint.date => {
                    ctx.discard(form.clone());
                    on_done.emit(checkpoint.id.clone());
                }
                Some(checkpoint) => {
                    let id = checkpoint.id.clone();
                    let change = Change::RenameCheckpoint { checkpoint: id.clone(), label: name, date: day };
                    ctx.edit_settled(
                        Key::Form(form.clone()),
                        Act::new(What::Details, Subject::Checkpoint(id.clone())),
                        change,
                    );
                    on_done.emit(id);
                }
                None => {
                    let id = fresh_id("bilan");
                    let change = Change::AddCheckpoint { id: id.clone(), label: name, date: day };
                    ctx.edit_settled(
                        Key::Form(form.clone()),
                        Act::new(What::Added, Subject::Checkpoint(id.clone())),
                        change,
                    );
                    // The form starts again as it was shown first, for the next one.
                    label.set(String::new());
                    date.set(today.clone());
                    on_done.emit(id);
                }
            }
        })
    };
    let on_cancel = props.on_cancel.clone().map(|on_cancel| {
        let ctx = ctx.clone();
        Callback::from(move |e: MouseEvent| {
            ctx.discard(form.clone());
            on_cancel.emit(e);
        })
    });
    let date_label = ctx.words().date;
    let (heading, submit) = match props.editing {
        Some(_) => (ctx.words().edit_checkpoint, ctx.words().save_checkpoint),
        None => (ctx.words().create_checkpoint, ctx.words().create_the_checkpoint),
    };
    let (title_id, label_id, date_id) = (field("title"), field("label"), field("date"));
    let (label_error, date_error) = (field("label-error"), field("date-error"));
    html! {
        <form class="new-checkpoint" onsubmit={on_submit} aria-labelledby={title_id.clone()} novalidate=true
            ref={kept} data-draft={mark}>
            <h3 id={title_id}>{ heading }</h3>
            <div class="field">
                <label for={label_id.clone()}>{ ctx.words().checkpoint_name }</label>
                <input id={label_id} type="text" value={(*label).clone()} oninput={on_label}
                    placeholder={ctx.words().mid_year_review}
                    aria-invalid={no_label.then_some("true")}
                    aria-describedby={no_label.then_some(label_error.clone())} />
                if *no_label {
                    <p class="field-error" id={label_error} role="alert">{ ctx.words().give_checkpoint_name }</p>
                }
            </div>
            <div class="field">
                <label for={date_id.clone()}>{ date_label }</label>
                <input id={date_id} type="text" value={(*date).clone()} oninput={on_date}
                    aria-invalid={bad_date.is_some().then_some("true")}
                    aria-describedby={bad_date.is_some().then_some(date_error.clone())} />
                if let Some(error) = &*bad_date {
                    <p class="field-error" id={date_error} role="alert">{ text::input_error(date_label, error, ctx.lang) }</p>
                }
            </div>
            <div class="buttons">
                <button type="submit" class="primary">{ submit }</button>
                if let Some(on_cancel) = on_cancel {
                    <button type="button" onclick={on_cancel}>{ ctx.words().cancel }</button>
                }
            </div>
        </form>
    }
}
