//! The form that creates a checkpoint: its label (« Bilan de mi-année ») and its date,
//! pre-filled with today as the page writes dates and read back by `jalon::input`.

use crate::ui::context::{fresh_id, use_ctx};
use jalon::edit::Change;
use jalon::history::{Act, What};
use jalon::id::Id;
use jalon::input::{self, InputError};
use jalon::subject::Subject;
use jalon::text;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Called with the new checkpoint's id, so that the screen reports it.
    pub on_created: Callback<Id>,
}

fn input_value(e: InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

#[function_component(CheckpointForm)]
pub fn checkpoint_form(props: &Props) -> Html {
    let ctx = use_ctx();
    let label = use_state(String::new);
    let date = use_state(|| input::show_day(ctx.today, ctx.lang));
    let no_label = use_state(|| false);
    let bad_date = use_state(|| None::<InputError>);

    let on_label = {
        let label = label.clone();
        Callback::from(move |e: InputEvent| label.set(input_value(e)))
    };
    let on_date = {
        let date = date.clone();
        Callback::from(move |e: InputEvent| date.set(input_value(e)))
    };
    let on_submit = {
        let (ctx, label, date, on_created) = (ctx.clone(), label.clone(), date.clone(), props.on_created.clone());
        let (no_label, bad_date) = (no_label.clone(), bad_date.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let day = input::read_day(&date);
            no_label.set(label.trim().is_empty());
            bad_date.set(day.clone().err());
            if let (false, Ok(day)) = (label.trim().is_empty(), day) {
                let (id, name) = (fresh_id("bilan"), label.trim().to_owned());
                let created = id.clone();
                ctx.edit(
                    Act::new(What::Added, Subject::Checkpoint(id.clone())),
                    Change::AddCheckpoint { id, label: name, date: day },
                );
                label.set(String::new());
                on_created.emit(created);
            }
        })
    };
    let date_label = ctx.words().date;
    html! {
        <form class="new-checkpoint" onsubmit={on_submit} aria-labelledby="new-checkpoint-title" novalidate=true>
            <h3 id="new-checkpoint-title">{ ctx.words().create_checkpoint }</h3>
            <div class="field">
                <label for="checkpoint-label">{ ctx.words().checkpoint_name }</label>
                <input id="checkpoint-label" type="text" value={(*label).clone()} oninput={on_label}
                    placeholder={ctx.words().mid_year_review}
                    aria-invalid={no_label.then_some("true")}
                    aria-describedby={no_label.then_some("checkpoint-label-error")} />
                if *no_label {
                    <p class="field-error" id="checkpoint-label-error" role="alert">{ ctx.words().give_checkpoint_name }</p>
                }
            </div>
            <div class="field">
                <label for="checkpoint-date">{ date_label }</label>
                <input id="checkpoint-date" type="text" value={(*date).clone()} oninput={on_date}
                    aria-invalid={bad_date.is_some().then_some("true")}
                    aria-describedby={bad_date.is_some().then_some("checkpoint-date-error")} />
                if let Some(error) = &*bad_date {
                    <p class="field-error" id="checkpoint-date-error" role="alert">{ text::input_error(date_label, error, ctx.lang) }</p>
                }
            </div>
            <button type="submit" class="primary">{ ctx.words().create_the_checkpoint }</button>
        </form>
    }
}
