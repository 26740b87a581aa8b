//! The page's side of drafts (`jalon::words::draft`): what is typed is written to local storage
//! at each keystroke, under the open plan, and forgotten once the plan that holds it is
//! saved (the `Keeper` forgets what the state says is settled) or the user discards it.
//!
//! One listener of the whole page keeps what is typed (`use_capture`): a field changed in
//! place carries its key (`data-draft`), a form is marked by `use_form` and keeps each of
//! its fields by its id. A field changed in place shows its draft until the plan holds it
//! (`pending`) and puts it in the plan by the core's rule when it loses the focus
//! (`commit`). A form gets its fields back when it shows again, each set as if typed, one
//! at a time so that each renders before the next; a form not on screen is offered back
//! (`components::unsaved_input`), and its screen opens it when the user resumes it
//! (`use_resume`).

use super::context::{use_ctx, Ctx};
use super::state::Msg;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use jalon::edit::Refused;
use jalon::model::id::Id;
use jalon::words::draft::{Draft, Field, Form, Key, Unready};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

/// The attribute that names what a field, or a form's fields, edit (`Key::text`).
const MARK: &str = "data-draft";

thread_local! {
    /// The forms on screen: they are not offered back.
    static SHOWN: RefCell<Vec<Form>> = const { RefCell::new(Vec::new()) };
}

use super::kept_drafts::change;
use super::kept_drafts::read;

/// Keeps `draft`; typed anew for a key whose earlier text the plan holds, the next save
/// must not forget it.
fn keep(ctx: &Ctx, draft: Draft) {
    if ctx.keeper.settled().contains(&draft.key) {
        ctx.dispatch.emit(Msg::Unsettle(draft.key.clone()));
    }
    change(&ctx.plan.id, |drafts| drafts.put(draft));
}

/// A field's text typed and not in the plan yet, with why when it cannot be; `None`
/// when the plan holds what the field would show, or held it since (an undo may have
/// taken it out again).
pub fn pending(ctx: &Ctx, field: &Field) -> Option<(String, Option<Unready>)> {
    let draft = read(&ctx.plan.id).of_field(field).cloned()?;
    if ctx.keeper.settled().contains(&draft.key) {
        return None;
    }
    match field.edit(draft.text(), draft.lang, &ctx.plan) {
        Ok(None) | Err(Unready::Gone) => None,
        Ok(Some(_)) => Some((draft.text().to_owned(), None)),
        Err(why) => Some((draft.text().to_owned(), Some(why))),
    }
}

/// What marks a field changed in place, for its keystrokes to be kept (`MARK`).
pub fn mark(field: &Field) -> AttrValue {
    Key::Field(field.clone()).text().into()
}

/// Puts `text` in the plan by the field's rule; it stays the field's draft until the
/// plan is saved, or, when it cannot go in yet, until it can. Returns the plan's
/// refusal, for the field to say.
pub fn commit(ctx: &Ctx, field: &Field, text: String) -> Option<Refused> {
    let key = Key::Field(field.clone());
    let edit = field.edit(&text, ctx.lang, &ctx.plan);
    keep(ctx, Draft::field(field.clone(), ctx.lang, text));
    let refused = match edit {
        Ok(Some((act, change))) => ctx.edit_or_refused(act, change),
        Ok(None) | Err(Unready::Gone) => None,
        Err(_) => {
            // The field says why: it shows again.
            ctx.dispatch.emit(Msg::Drafted);
            return None;
        }
    };
    if refused.is_none() {
        ctx.settle(key);
    }
    refused
}

/// `commit` when the field loses the focus, its refusal in the page's notice.
pub fn on_commit(ctx: &Ctx, field: &Field) -> Callback<Event> {
    let (ctx, field) = (ctx.clone(), field.clone());
    Callback::from(move |e: Event| {
        if let Some(refused) = commit(&ctx, &field, value(&e.target_unchecked_into())) {
            ctx.dispatch.emit(Msg::Notice(Some(super::state::Notice::Refused(refused))));
        }
    })
}

/// The plan's title as typed: kept as a draft and put in the plan at each keystroke.
pub fn title_input(ctx: &Ctx) -> Callback<String> {
    let ctx = ctx.clone();
    Callback::from(move |title: String| {
        keep(&ctx, Draft::field(Field::Title, ctx.lang, title.clone()));
        if let Ok(Some((act, change))) = Field::Title.edit(&title, ctx.lang, &ctx.plan) {
            ctx.edit(act, change);
        }
        ctx.settle(Key::Field(Field::Title));
    })
}

/// A box to tick, whose text is whether it is ticked.
fn tick(field: &Element) -> Option<&HtmlInputElement> {
    field.dyn_ref::<HtmlInputElement>().filter(|f| matches!(f.type_().as_str(), "checkbox" | "radio"))
}

/// What a field holds: a box ticked or not (« 1 » or nothing), or its value.
fn value(field: &Element) -> String {
    match tick(field) {
        Some(tick) => if tick.checked() { "1" } else { "" }.into(),
        // An input's, a textarea's or a list's: the binding reads `value` by name.
        None => field.unchecked_ref::<HtmlInputElement>().value(),
    }
}

/// Keeps every keystroke and choice made in a marked field or form of the page, under
/// the open plan as `ctx` shows it last.
#[hook]
pub fn use_capture(ctx: &Ctx) {
    let latest = use_mut_ref(|| ctx.clone());
    *latest.borrow_mut() = ctx.clone();
    use_effect_with((), move |_| {
        // `input` comes of every keystroke, choice in a list and tick alike.
        let listener = EventListener::new(&gloo::utils::document(), "input", move |e| {
            let Some(field) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
            let Some(marked) = field.closest(&format!("[{MARK}]")).ok().flatten() else { return };
            let Some(key) = marked.get_attribute(MARK).as_deref().and_then(Key::read) else { return };
            let ctx = latest.borrow().clone();
            let draft = match key {
                Key::Field(field_key) => Draft::field(field_key, ctx.lang, value(&field)),
                // A form's field is known by its id; one without is not given back.
                _ if field.id().is_empty() => return,
                form => {
                    let held = read(&ctx.plan.id).get(&form).cloned();
                    let mut draft = held.unwrap_or(Draft { key: form, lang: ctx.lang, texts: Vec::new() });
                    draft.set(&field.id(), value(&field));
                    draft
                }
            };
            keep(&ctx, draft);
        });
        move || drop(listener)
    });
}

/// Marks a form for its fields to be kept as typed, and gives them back when it shows
/// with a draft, its own or one the user resumes; meanwhile it is not offered back.
/// The form's element takes the returned reference and mark (`data-draft`).
#[hook]
pub fn use_form(form: Form) -> (NodeRef, AttrValue) {
    let ctx = use_ctx();
    let node = use_node_ref();
    let key = Key::Form(form.clone());
    let mark = AttrValue::from(key.text());
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            let (plan, dispatch) = (ctx.plan.id.clone(), ctx.dispatch.clone());
            let draft = read(&plan).get(&key).cloned().filter(|_| !ctx.keeper.settled().contains(&key));
            SHOWN.with(|shown| shown.borrow_mut().push(form.clone()));
            if let (Some(element), Some(draft)) = (node.cast::<Element>(), draft) {
                // Offered back until now: the offer leaves it out from here on.
                dispatch.emit(Msg::Drafted);
                // Once the form has rendered and its own effects have run.
                let draft = Rc::new(draft);
                Timeout::new(0, move || fill(element, draft, 0, 0)).forget();
            }
            move || {
                SHOWN.with(|shown| {
                    let mut shown = shown.borrow_mut();
                    if let Some(at) = shown.iter().position(|f| *f == form) {
                        shown.remove(at);
                    }
                });
                // Closed with a draft: offered back from now on.
                if read(&plan).get(&key).is_some() {
                    dispatch.emit(Msg::Drafted);
                }
            }
        });
    }
    (node, mark)
}

/// Gives `form` its fields back from the `at`-th on, each set as if typed and the page
/// left to render before the next (the next field may appear only then). A field not
/// there yet is added, once, by the form's button whose `data-adds` names its id's start
/// among others (a year of the échéancier).
fn fill(form: Element, draft: Rc<Draft>, at: usize, tries: u8) {
    let Some((id, text)) = draft.fields().nth(at) else { return };
    let field = gloo::utils::document().get_element_by_id(id).filter(|f| form.contains(Some(f)));
    let next = match field {
        Some(field) => {
            // What the form listens to: a tick or a choice changes, a text is input.
            let changes = match tick(&field) {
                Some(tick) => {
                    tick.set_checked(!text.is_empty());
                    true
                }
                None => {
                    field.unchecked_ref::<HtmlInputElement>().set_value(text);
                    field.tag_name() == "SELECT"
                }
            };
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = web_sys::Event::new_with_event_init_dict(if changes { "change" } else { "input" }, &init)
            {
                let _ = field.dispatch_event(&event);
            }
            (at + 1, 0)
        }
        None if tries == 0 => {
            let adder = form.query_selector("[data-adds]").ok().flatten().filter(|button| {
                button.get_attribute("data-adds").is_some_and(|starts| starts.split(' ').any(|s| id.starts_with(s)))
            });
            match adder.and_then(|button| button.dyn_into::<web_sys::HtmlElement>().ok()) {
                Some(button) => {
                    button.click();
                    (at, 1)
                }
                None => (at + 1, 0),
            }
        }
        None => (at + 1, 0),
    };
    Timeout::new(0, move || fill(form, draft, next.0, next.1)).forget();
}

/// Calls `open` with the form the user resumes, for the screen that holds it to open it;
/// `open` says whether it did.
#[hook]
pub fn use_resume(open: Callback<Form, bool>) {
    let ctx = use_ctx();
    use_effect_with(ctx.resume.clone(), move |resume| {
        if resume.clone().is_some_and(|form| open.emit(form)) {
            ctx.dispatch.emit(Msg::Resume(None));
        }
    });
}

/// The drafts of forms not on screen, for the offer to resume or discard them; those the
/// plan holds since (`settled`) wait only for the plan to be saved.
pub fn unshown(plan: &Id, settled: &[Key]) -> Vec<Draft> {
    let shown = SHOWN.with(|shown| shown.borrow().clone());
    let drafts = read(plan);
    let unshown = |d: &&Draft| matches!(&d.key, Key::Form(form) if !shown.contains(form)) && !settled.contains(&d.key);
    drafts.iter().filter(unshown).cloned().collect()
}
