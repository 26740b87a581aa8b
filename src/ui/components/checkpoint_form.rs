//! The form that creates a checkpoint: its label (« Bilan de mi-année ») and its date.

use crate::ui::context::{fresh_id, use_ctx};
use chrono::NaiveDate;
use jalon::edit::followup::add_checkpoint;
use jalon::history::{Act, Of, What};
use jalon::id::Id;
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
    let date = use_state(|| ctx.today.format("%Y-%m-%d").to_string());
    let problem = use_state(|| None::<&'static str>);

    let on_label = {
        let label = label.clone();
        Callback::from(move |e: InputEvent| label.set(input_value(e)))
    };
    let on_date = {
        let date = date.clone();
        Callback::from(move |e: InputEvent| date.set(input_value(e)))
    };
    let on_submit = {
        let (ctx, label, date, problem, on_created) =
            (ctx.clone(), label.clone(), date.clone(), problem.clone(), props.on_created.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let day = NaiveDate::parse_from_str(&date, "%Y-%m-%d");
            match (label.trim(), day) {
                ("", _) => problem.set(Some(ctx.tr("Donnez un nom au suivi.", "Give the checkpoint a name."))),
                (_, Err(_)) => {
                    problem.set(Some(ctx.tr("Choisissez la date du suivi.", "Choose the checkpoint's date.")))
                }
                (name, Ok(day)) => {
                    let (id, name) = (fresh_id("bilan"), name.to_owned());
                    let created = id.clone();
                    ctx.edit(Act::new(What::Added, Of::Checkpoint(id.clone())), move |plan| {
                        add_checkpoint(plan, id, &name, day)
                    });
                    problem.set(None);
                    label.set(String::new());
                    on_created.emit(created);
                }
            }
        })
    };
    html! {
        <form class="new-checkpoint" onsubmit={on_submit} aria-labelledby="new-checkpoint-title" novalidate=true>
            <h3 id="new-checkpoint-title">{ ctx.tr("Créer un suivi", "Create a checkpoint") }</h3>
            <div class="field">
                <label for="checkpoint-label">{ ctx.tr("Nom du suivi", "Checkpoint name") }</label>
                <input id="checkpoint-label" type="text" value={(*label).clone()} oninput={on_label}
                    placeholder={ctx.tr("Bilan de mi-année", "Mid-year review")} />
            </div>
            <div class="field">
                <label for="checkpoint-date">{ ctx.tr("Date", "Date") }</label>
                <input id="checkpoint-date" type="date" value={(*date).clone()} oninput={on_date} />
            </div>
            <button type="submit" class="primary">{ ctx.tr("Créer le suivi", "Create the checkpoint") }</button>
            if let Some(message) = *problem {
                <p class="field-error" role="alert">{ message }</p>
            }
        </form>
    }
}
