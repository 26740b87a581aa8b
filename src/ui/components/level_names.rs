//! The plan's own words for its levels and its actions, edited together and saved at
//! once: every heading of the tree and the navigation use them.

use crate::ui::context::{use_ctx, use_reset_when};
use crate::ui::drafts;
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::model::level::Noun;
use jalon::model::subject::Subject;
use jalon::words::draft::{Form, Key};
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn value(e: InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

#[function_component(LevelNames)]
pub fn level_names() -> Html {
    let ctx = use_ctx();
    let current = |plan: &jalon::model::plan::Plan| -> Vec<Noun> {
        plan.levels.iter().map(|l| l.name.clone()).chain([plan.action_name.clone()]).collect()
    };
    let held = current(&ctx.plan);
    let drafts = use_state(|| held.clone());
    let saved = use_state(|| false);
    // What is typed is kept at each keystroke and comes back when the form shows again.
    let (kept, mark) = drafts::use_form(Form::LevelNames);
    {
        // Another change to the words (an undo, an import) shows them.
        let drafts = drafts.clone();
        use_reset_when(held, move |held| drafts.set(held.clone()));
    }
    let on_submit = {
        let (ctx, drafts, saved) = (ctx.clone(), drafts.clone(), saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut words = (*drafts).clone();
            let actions = words.pop();
            let change = Change::RenameLevels { levels: words, actions };
            ctx.edit_settled(Key::Form(Form::LevelNames), Act::new(What::LevelNames, Subject::Plan), change);
            saved.set(true);
        })
    };
    let actions_index = drafts.len() - 1;
    let fields = drafts.iter().enumerate().map(|(index, noun)| {
        let set = |plural: bool| {
            let (drafts, saved) = (drafts.clone(), saved.clone());
            Callback::from(move |e: InputEvent| {
                let mut next = (*drafts).clone();
                let word = value(e);
                if plural { next[index].plural = word } else { next[index].singular = word }
                drafts.set(next);
                saved.set(false);
            })
        };
        let legend = if index == actions_index {
            ctx.words().what_plan_calls_actions.to_string()
        } else {
            (ctx.words().level_number)(index + 1)
        };
        let key = format!("level-name-{index}");
        html! {
            <fieldset class="noun" key={key.clone()}>
                <legend>{ legend }</legend>
                <label for={format!("{key}-s")}>{ ctx.words().singular }</label>
                <input id={format!("{key}-s")} type="text" value={noun.singular.clone()} oninput={set(false)} required=true />
                <label for={format!("{key}-p")}>{ ctx.words().plural }</label>
                <input id={format!("{key}-p")} type="text" value={noun.plural.clone()} oninput={set(true)} required=true />
            </fieldset>
        }
    });
    html! {
        <section class="level-names card" aria-labelledby="level-names-title">
            <h2 id="level-names-title">{ ctx.words().level_names }</h2>
            <p class="help">{ ctx.words().plan_own_words_top }</p>
            <form onsubmit={on_submit} ref={kept} data-draft={mark}>
                <div class="nouns">{ for fields }</div>
                <div class="form-buttons">
                    <button type="submit" class="primary">{ ctx.words().save_names }</button>
                    <span role="status" class="saved">{ if *saved { ctx.words().names_saved } else { "" } }</span>
                </div>
            </form>
        </section>
    }
}
