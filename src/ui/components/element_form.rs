//! The form that edits one element of the tree: title, code (blank for the automatic
//! one), description and, for an objective, its deadline and SMART statement.

use super::line_field::LineField;
use crate::ui::context::{use_ctx, use_reset_when};
use crate::ui::drafts;
use crate::ui::kit::focus::focus_soon;
use crate::ui::kit::form_buttons::save_or_cancel;
use jalon::edit::history::{Act, What};
use jalon::edit::structure::Details;
use jalon::edit::Change;
use jalon::model::id::Id;
use jalon::model::subject::Subject;
use jalon::words::draft::{Form, Key};
use jalon::words::input::{self, InputError};
use jalon::words::text;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: Id,
    /// Prefix of the fields' DOM ids, unique on the page.
    pub key_prefix: String,
    pub is_objective: bool,
    /// Called once the form is saved (`true`) or cancelled (`false`).
    pub on_done: Callback<bool>,
}

/// The text fields as typed, before they are read into `Details`.
#[derive(Clone, PartialEq)]
struct Draft {
    title: String,
    code: String,
    unnumbered: bool,
    description: String,
    deadline: String,
    smart: String,
}

fn input(e: InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn area(e: InputEvent) -> String {
    e.target_unchecked_into::<HtmlTextAreaElement>().value()
}

/// The form's fields as the plan holds them.
fn draft_of(plan: &jalon::model::plan::Plan, id: &Id, lang: jalon::words::text::Lang) -> Draft {
    let details = plan.element(id).map(Details::of).unwrap_or_default();
    Draft {
        title: details.title,
        code: details.code,
        unnumbered: details.unnumbered,
        description: details.description,
        deadline: details.deadline.map(|d| input::show_date(d, lang)).unwrap_or_default(),
        smart: details.smart,
    }
}

#[function_component(ElementForm)]
pub fn element_form(props: &Props) -> Html {
    let ctx = use_ctx();
    let draft = {
        let plan = ctx.plan.clone();
        let (id, lang) = (props.id.clone(), ctx.lang);
        use_state(move || draft_of(&plan, &id, lang))
    };
    let held = draft_of(&ctx.plan, &props.id, ctx.lang);
    let form = Form::Element(props.id.clone());
    // What is typed is kept at each keystroke and comes back when the form opens again.
    let (kept, mark) = drafts::use_form(form.clone());
    {
        let draft = draft.clone();
        use_reset_when(held, move |held| draft.set(held.clone()));
    }
    let bad_deadline = use_state(|| None::<InputError>);
    let field = |name: &str| format!("{}-{name}", props.key_prefix);

    let setter = |read: fn(InputEvent) -> String, put: fn(&mut Draft, String)| {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*draft).clone();
            put(&mut next, read(e));
            draft.set(next);
        })
    };
    let on_unnumbered = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let mut next = (*draft).clone();
            next.unnumbered = e.target_unchecked_into::<HtmlInputElement>().checked();
            draft.set(next);
        })
    };
    let deadline = input::read_date(&draft.deadline).ok();
    let on_submit = {
        let (ctx, draft, bad_deadline, on_done) =
            (ctx.clone(), draft.clone(), bad_deadline.clone(), props.on_done.clone());
        let form = form.clone();
        let (id, is_objective, deadline_field) = (props.id.clone(), props.is_objective, field("deadline"));
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // Blank is no deadline; anything else is read as a date or refused.
            let deadline = match input::read_date(&draft.deadline) {
                Ok(date) => Some(date),
                Err(e) if is_objective && !draft.deadline.trim().is_empty() => {
                    bad_deadline.set(Some(e));
                    focus_soon(vec![deadline_field.clone()]);
                    return;
                }
                Err(_) => None,
            };
            let details = Details {
                title: draft.title.clone(),
                code: draft.code.clone(),
                unnumbered: draft.unnumbered,
                description: draft.description.clone(),
                deadline,
                smart: draft.smart.clone(),
            };
            let (act, change) = (
                Act::new(What::Details, Subject::Element(id.clone())),
                Change::UpdateElement { element: id.clone(), details },
            );
            ctx.edit_settled(Key::Form(form.clone()), act, change);
            on_done.emit(true);
        })
    };
    let on_cancel = {
        let (ctx, on_done) = (ctx.clone(), props.on_done.clone());
        Callback::from(move |_: MouseEvent| {
            ctx.discard(form.clone());
            on_done.emit(false);
        })
    };
    let deadline_help = field("deadline-help");
    let deadline_label = ctx.words().deadline;
    let deadline_hint = match (deadline, &*bad_deadline) {
        (_, Some(e)) => text::input_error(deadline_label, e, ctx.lang),
        (Some(date), None) => (ctx.words().will_show_as)(&text::plan_date(date, ctx.lang)),
        (None, None) => ctx.words().deadline_example.to_string(),
    };

    html! {
        <form class="element-form" onsubmit={on_submit} ref={kept} data-draft={mark}>
            <div class="field wide">
                <label for={field("title")}>{ ctx.words().title }</label>
                <LineField id={field("title")} value={draft.title.clone()} required=true
                    on_input={{
                        let draft = draft.clone();
                        Callback::from(move |title: String| draft.set(Draft { title, ..(*draft).clone() }))
                    }} />
            </div>
            <div class="field">
                <label for={field("code")}>{ ctx.words().code }</label>
                <input id={field("code")} type="text" class="code-input" value={draft.code.clone()} disabled={draft.unnumbered}
                    aria-describedby={field("code-help")} oninput={setter(input, |d, v| d.code = v)} />
                <p class="help" id={field("code-help")}>{ ctx.words().code_blank_hint }</p>
                <div class="choice">
                    <input id={field("unnumbered")} type="checkbox" checked={draft.unnumbered} onchange={on_unnumbered} />
                    <label for={field("unnumbered")}>{ ctx.words().unnumbered_section }</label>
                </div>
            </div>
            if props.is_objective {
                <div class="field">
                    <label for={field("deadline")}>{ deadline_label }</label>
                    <input id={field("deadline")} type="text" value={draft.deadline.clone()}
                        aria-describedby={deadline_help.clone()} aria-invalid={bad_deadline.is_some().then_some("true")}
                        oninput={{
                            let bad_deadline = bad_deadline.clone();
                            let set = setter(input, |d, v| d.deadline = v);
                            Callback::from(move |e: InputEvent| { bad_deadline.set(None); set.emit(e) })
                        }} />
                    <p class={classes!("help", bad_deadline.is_some().then_some("error"))} id={deadline_help}>{ deadline_hint }</p>
                </div>
            }
            <div class="field wide">
                <label for={field("description")}>{ ctx.words().description }</label>
                <textarea id={field("description")} rows="2" value={draft.description.clone()}
                    oninput={setter(area, |d, v| d.description = v)} />
            </div>
            if props.is_objective {
                <div class="field wide">
                    <label for={field("smart")}>{ ctx.words().smart }</label>
                    <textarea id={field("smart")} rows="3" value={draft.smart.clone()}
                        oninput={setter(area, |d, v| d.smart = v)} />
                </div>
            }
            { save_or_cancel(&ctx, on_cancel) }
        </form>
    }
}
