//! The plan's organisations: each one's name and short code, changed where they are
//! shown (kept as typed, and saved when the field loses the focus), removed, or added
//! below.

use crate::ui::context::{fresh_id, use_ctx};
use crate::ui::drafts;
use jalon::edit::history::{Act, What};
use jalon::edit::{Change, Refused};
use jalon::model::plan::Organisation;
use jalon::model::subject::Subject;
use jalon::words::draft::{Field, Form, Key};
use jalon::words::text;
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn changed(e: Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn typed(e: InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

#[function_component(Organisations)]
pub fn organisations() -> Html {
    let ctx = use_ctx();
    let w = ctx.words();
    // The field whose last change was refused (its DOM id), and why.
    let refused = use_state(|| None::<(String, Refused)>);
    let (new_name, new_code) = (use_state(String::new), use_state(String::new));
    let (kept, mark) = drafts::use_form(Form::NewOrganisation);
    let act = || Act::new(What::Organisations, Subject::Plan);
    let error = |field: &str| -> Option<Html> {
        refused.as_ref().filter(|(f, _)| f == field).map(|(_, why)| {
            html! { <p class="field-error" id={format!("{field}-error")} role="alert">{ text::refused(&ctx.plan, why, ctx.lang) }</p> }
        })
    };
    let invalid = |field: &str| refused.as_ref().is_some_and(|(f, _)| f == field);
    let row = |organisation: &Organisation| {
        let id = organisation.id.clone();
        let (name_field, code_field) = (format!("org-{id}-name"), format!("org-{id}-code"));
        // Kept as typed, and changed in the plan when the field loses the focus.
        let (name, code) = (Field::OrganisationName(id.clone()), Field::OrganisationCode(id.clone()));
        let save = |field: &Field, dom: &String| {
            let (ctx, refused, field, dom) = (ctx.clone(), refused.clone(), field.clone(), dom.clone());
            Callback::from(move |e: Event| {
                refused.set(drafts::commit(&ctx, &field, changed(e)).map(|why| (dom.clone(), why)));
            })
        };
        let shown =
            |field: &Field, held: &str| drafts::pending(&ctx, field).map_or_else(|| held.to_owned(), |(t, _)| t);
        let on_delete = {
            let (ctx, refused, field) = (ctx.clone(), refused.clone(), name_field.clone());
            let id = id.clone();
            Callback::from(move |_: MouseEvent| {
                let change = Change::DeleteOrganisation { organisation: id.clone() };
                refused.set(ctx.edit_or_refused(act(), change).map(|why| (field.clone(), why)));
            })
        };
        html! {
            <li key={id.to_string()} class="setting-row">
                <div class="field">
                    <label for={name_field.clone()}>{ w.organisation_name }</label>
                    <input id={name_field.clone()} type="text" value={shown(&name, &organisation.name)}
                        data-draft={drafts::mark(&name)} onchange={save(&name, &name_field)}
                        aria-invalid={invalid(&name_field).then_some("true")}
                        aria-describedby={invalid(&name_field).then(|| format!("{name_field}-error"))} />
                    { error(&name_field) }
                </div>
                <div class="field short">
                    <label for={code_field.clone()}>{ w.short_code }</label>
                    <input id={code_field.clone()} type="text" value={shown(&code, &organisation.code)}
                        data-draft={drafts::mark(&code)} onchange={save(&code, &code_field)} />
                </div>
                <button type="button" class="danger" onclick={on_delete} aria-label={(w.named)(w.delete, &organisation.name)}>
                    { w.delete }
                </button>
            </li>
        }
    };
    let on_add = {
        let (ctx, refused, new_name, new_code) = (ctx.clone(), refused.clone(), new_name.clone(), new_code.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let change =
                Change::AddOrganisation { id: fresh_id("org"), name: (*new_name).clone(), code: (*new_code).clone() };
            let why = ctx.edit_or_refused(act(), change);
            if why.is_none() {
                new_name.set(String::new());
                new_code.set(String::new());
                ctx.settle(Key::Form(Form::NewOrganisation));
            }
            refused.set(why.map(|why| ("org-new-name".to_owned(), why)));
        })
    };
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.set(typed(e)))
    };
    html! {
        <section class="card settings-part" aria-labelledby="organisations-title">
            <h2 id="organisations-title">{ w.organisations }</h2>
            if ctx.plan.organisations.is_empty() {
                <p class="help">{ w.no_organisation }</p>
            } else {
                <ul class="setting-rows">{ for ctx.plan.organisations.iter().map(row) }</ul>
            }
            <form class="setting-row new" onsubmit={on_add} novalidate=true aria-label={w.new_organisation}
                ref={kept} data-draft={mark}>
                <div class="field">
                    <label for="org-new-name">{ w.organisation_name }</label>
                    <input id="org-new-name" type="text" value={(*new_name).clone()} oninput={set(&new_name)}
                        aria-invalid={invalid("org-new-name").then_some("true")}
                        aria-describedby={invalid("org-new-name").then_some("org-new-name-error")} />
                    { error("org-new-name") }
                </div>
                <div class="field short">
                    <label for="org-new-code">{ w.short_code }</label>
                    <input id="org-new-code" type="text" value={(*new_code).clone()} oninput={set(&new_code)} />
                </div>
                <button type="submit">{ w.add_organisation }</button>
            </form>
        </section>
    }
}
