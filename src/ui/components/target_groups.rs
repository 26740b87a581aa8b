//! The plan's target-group codes (« 1 » = jeunes, « 2 » = familles…): each code and
//! label changed where it is shown (kept as typed, and saved when the field loses the
//! focus), removed, or added below. A code taken by another group is refused under its
//! field.

use crate::ui::context::use_ctx;
use crate::ui::drafts;
use jalon::edit::history::{Act, What};
use jalon::edit::{Change, Refused};
use jalon::model::plan::TargetGroup;
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

#[function_component(TargetGroups)]
pub fn target_groups() -> Html {
    let ctx = use_ctx();
    let w = ctx.words();
    // The field whose last change was refused (its DOM id), and why.
    let refused = use_state(|| None::<(String, Refused)>);
    let (new_code, new_label) = (use_state(String::new), use_state(String::new));
    let (kept, mark) = drafts::use_form(Form::NewGroup);
    let act = || Act::new(What::TargetGroups, Subject::Plan);
    let error = |field: &str| -> Option<Html> {
        refused.as_ref().filter(|(f, _)| f == field).map(|(_, why)| {
            html! { <p class="field-error" id={format!("{field}-error")} role="alert">{ text::refused(&ctx.plan, why, ctx.lang) }</p> }
        })
    };
    let invalid = |field: &str| refused.as_ref().is_some_and(|(f, _)| f == field);
    let described = |field: &str| invalid(field).then(|| format!("{field}-error"));
    let row = |(index, group): (usize, &TargetGroup)| {
        // Fields are named by position: a code is what the user changes here.
        let (code_field, label_field) = (format!("group-{index}-code"), format!("group-{index}-label"));
        // Kept as typed, and changed in the plan when the field loses the focus.
        let (code, label) = (Field::GroupCode(group.code.clone()), Field::GroupLabel(group.code.clone()));
        let save = |field: &Field, dom: &String| {
            let (ctx, refused, field, dom) = (ctx.clone(), refused.clone(), field.clone(), dom.clone());
            Callback::from(move |e: Event| {
                refused.set(drafts::commit(&ctx, &field, changed(e)).map(|why| (dom.clone(), why)));
            })
        };
        let shown =
            |field: &Field, held: &str| drafts::pending(&ctx, field).map_or_else(|| held.to_owned(), |(t, _)| t);
        let on_delete = {
            let (ctx, refused, code) = (ctx.clone(), refused.clone(), group.code.clone());
            Callback::from(move |_: MouseEvent| {
                ctx.edit(act(), Change::DeleteTargetGroup { group: code.clone() });
                refused.set(None);
            })
        };
        html! {
            <li key={format!("{index}-{}", group.code)} class="setting-row">
                <div class="field short">
                    <label for={code_field.clone()}>{ w.code }</label>
                    <input id={code_field.clone()} type="text" value={shown(&code, &group.code)}
                        data-draft={drafts::mark(&code)} onchange={save(&code, &code_field)}
                        aria-invalid={invalid(&code_field).then_some("true")}
                        aria-describedby={described(&code_field)} />
                    { error(&code_field) }
                </div>
                <div class="field">
                    <label for={label_field.clone()}>{ w.label }</label>
                    <input id={label_field.clone()} type="text" value={shown(&label, &group.label)}
                        data-draft={drafts::mark(&label)} onchange={save(&label, &label_field)} />
                </div>
                <button type="button" class="danger" onclick={on_delete} aria-label={(w.named)(w.delete, &group.code)}>
                    { w.delete }
                </button>
            </li>
        }
    };
    let on_add = {
        let (ctx, refused, new_code, new_label) = (ctx.clone(), refused.clone(), new_code.clone(), new_label.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let change = Change::AddTargetGroup { code: (*new_code).clone(), label: (*new_label).clone() };
            let why = ctx.edit_or_refused(act(), change);
            if why.is_none() {
                new_code.set(String::new());
                new_label.set(String::new());
                ctx.settle(Key::Form(Form::NewGroup));
            }
            refused.set(why.map(|why| ("group-new-code".to_owned(), why)));
        })
    };
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.set(typed(e)))
    };
    html! {
        <section class="card settings-part" aria-labelledby="target-groups-title">
            <h2 id="target-groups-title">{ w.target_groups }</h2>
            <p class="help">{ (w.target_groups_help)(&ctx.plan.action_name.plural) }</p>
            if ctx.plan.target_groups.is_empty() {
                <p class="help">{ w.no_target_groups_defined }</p>
            } else {
                <ul class="setting-rows">{ for ctx.plan.target_groups.iter().enumerate().map(row) }</ul>
            }
            <form class="setting-row new" onsubmit={on_add} novalidate=true aria-label={w.new_target_group}
                ref={kept} data-draft={mark}>
                <div class="field short">
                    <label for="group-new-code">{ w.code }</label>
                    <input id="group-new-code" type="text" value={(*new_code).clone()} oninput={set(&new_code)}
                        aria-invalid={invalid("group-new-code").then_some("true")}
                        aria-describedby={described("group-new-code")} />
                    { error("group-new-code") }
                </div>
                <div class="field">
                    <label for="group-new-label">{ w.label }</label>
                    <input id="group-new-label" type="text" value={(*new_label).clone()} oninput={set(&new_label)} />
                </div>
                <button type="submit">{ w.add_target_group }</button>
            </form>
        </section>
    }
}
