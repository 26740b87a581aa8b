//! A setting of the plan set by a form of two fields (the period's days, the status
//! thresholds): pre-filled with what the plan holds as the reader's inverse, kept as
//! typed, saved as one change, « enregistré » said once it is; what does not read or
//! what the plan refuses is said under the field at fault. An undo, or another tab's
//! save, shows what the plan holds again.

use super::field::{checked_input, Problem};
use crate::ui::context::{use_ctx, use_reset_when};
use crate::ui::drafts;
use jalon::words::draft::{Form, Key};
use yew::prelude::*;

/// Why each of the two fields was not kept.
pub type Problems = [Option<Problem>; 2];

#[derive(Properties, PartialEq)]
pub struct Props {
    pub title_id: &'static str,
    pub title: &'static str,
    #[prop_or_default]
    pub help: Option<&'static str>,
    /// The form's class and draft.
    pub class: &'static str,
    pub form: Form,
    /// Each field's id and label.
    pub fields: [(&'static str, &'static str); 2],
    #[prop_or_default]
    pub inputmode: Option<&'static str>,
    /// What the plan holds, as the fields show it.
    pub shown: [String; 2],
    pub submit: &'static str,
    /// Puts the two texts in the plan, or says why each was not.
    pub on_submit: Callback<[String; 2], Result<(), Box<Problems>>>,
}

#[function_component(SettingForm)]
pub fn setting_form(props: &Props) -> Html {
    let ctx = use_ctx();
    let texts = [use_state(|| props.shown[0].clone()), use_state(|| props.shown[1].clone())];
    // What is typed is kept at each keystroke and comes back when the form shows again.
    let (kept, mark) = drafts::use_form(props.form.clone());
    let problems = use_state(Problems::default);
    let saved = use_state(|| false);
    {
        let (texts, problems) = (texts.clone(), problems.clone());
        use_reset_when(props.shown.clone(), move |shown: &[String; 2]| {
            texts.iter().zip(shown).for_each(|(text, shown)| text.set(shown.clone()));
            problems.set(Problems::default());
        });
    }
    let on_submit = {
        let (ctx, texts, problems, saved) = (ctx.clone(), texts.clone(), problems.clone(), saved.clone());
        let (on_submit, form) = (props.on_submit.clone(), props.form.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match on_submit.emit([(*texts[0]).clone(), (*texts[1]).clone()]) {
                Ok(()) => {
                    problems.set(Problems::default());
                    saved.set(true);
                    ctx.settle(Key::Form(form.clone()));
                }
                Err(said) => {
                    problems.set(*said);
                    saved.set(false);
                }
            }
        })
    };
    let fields =
        props.fields.iter().zip(&texts).zip(problems.iter()).map(|(((id, label), text), problem)| {
            checked_input(&ctx, id, label, text, &saved, problem, props.inputmode)
        });
    html! {
        <section class="card settings-part" aria-labelledby={props.title_id}>
            <h2 id={props.title_id}>{ props.title }</h2>
            if let Some(help) = props.help { <p class="help">{ help }</p> }
            <form class={props.class} onsubmit={on_submit} novalidate=true ref={kept} data-draft={mark}>
                <div class="fields">{ for fields }</div>
                <div class="form-buttons">
                    <button type="submit" class="primary">{ props.submit }</button>
                    <span role="status" class="saved">{ if *saved { ctx.words().saved_done } else { "" } }</span>
                </div>
            </form>
        </section>
    }
}
