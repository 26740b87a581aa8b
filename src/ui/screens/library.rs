//! The plans kept in this browser: open, rename, duplicate, delete (confirmed), and
//! create a new one, blank or shaped like a reference plan, its level names editable
//! before it is made, or rebuilt from the pasted tables of an existing plan.

use crate::ui::components::confirm::Confirm;
use crate::ui::components::pasted_plan::PastedPlan;
use crate::ui::components::period_form::period_change;
use crate::ui::components::plan_import::PlanImport;
use crate::ui::context::{fresh_id, use_ctx, Ctx};
use crate::ui::download::set_aside_text;
use crate::ui::kit::card::card;
use crate::ui::kit::field::{checked_input, Problem};
use crate::ui::kit::row::{delete_and_reread, set_to, use_open, Open};
use crate::ui::route::Route;
use crate::ui::state::Msg;
use crate::ui::state::Notice;
use crate::ui::store::{self, Entry};
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::model::id::Id;
use jalon::model::level::{Level, Noun};
use jalon::model::plan::Plan;
use jalon::model::subject::Subject;
use jalon::start::template::{new_plan, Template};
use jalon::words::input;
use jalon::words::text;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub library: Rc<Vec<Entry>>,
}

fn template_name(ctx: &Ctx, template: Template) -> &'static str {
    match template {
        Template::Blank => ctx.words().template_blank,
        Template::Pevr => ctx.words().template_pevr,
        Template::Regional => ctx.words().template_regional,
        Template::Cooperative => ctx.words().template_cooperative,
    }
}

/// The plan under `id`: the open one as it is on screen, any other as stored, with the
/// stored version it was read from. A stored plan the reader refuses is set aside and
/// said, with its download, as at start-up; one a newer page wrote is left and said.
fn plan_of(ctx: &Ctx, id: &Id) -> Option<(Plan, Option<String>)> {
    if &ctx.plan.id == id {
        return Some(((*ctx.plan).clone(), store::current_base(id)));
    }
    let notice = match store::load_plan(id) {
        store::Stored::Plan { plan, base, .. } => return Some((*plan, Some(base))),
        store::Stored::Nothing => return None,
        store::Stored::Unreadable { key, error } => Notice::Unreadable { key, error },
        store::Stored::Newer(error) => Notice::Newer(error),
    };
    ctx.dispatch.emit(Msg::Notice(Some(notice)));
    ctx.dispatch.emit(Msg::Library(store::library()));
    None
}

fn input_value(e: InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

#[function_component(Library)]
pub fn library(props: &Props) -> Html {
    let ctx = use_ctx();
    let renaming = use_state(|| None::<(Id, String)>);
    let deleting = use_open::<Id>();

    // The open plan is listed as it is on screen (its last change may not be saved
    // yet), and even where storage is refused.
    let mut entries: Vec<Entry> = props.library.iter().cloned().collect();
    if let Some(open) = entries.iter_mut().find(|e| e.id == ctx.plan.id) {
        open.title = ctx.plan.title.clone();
    } else {
        entries.insert(
            0,
            Entry {
                id: ctx.plan.id.clone(),
                title: ctx.plan.title.clone(),
                modified: chrono::Utc::now(),
                version: jalon::format::version_for(&ctx.plan),
                part_for: ctx.plan.part.as_ref().map(|part| part.to.clone()),
            },
        );
    }

    let open = {
        let ctx = ctx.clone();
        move |id: Id| {
            if id == ctx.plan.id {
                ctx.go(Route::Dashboard);
            } else if let Some((plan, base)) = plan_of(&ctx, &id) {
                ctx.open(plan, false, base, Some(Route::Dashboard));
            }
        }
    };
    let duplicate = {
        let ctx = ctx.clone();
        move |id: Id| {
            let Some((mut plan, _)) = plan_of(&ctx, &id) else { return };
            plan.id = fresh_id("plan");
            plan.title = (ctx.words().copy_title)(&plan.title);
            match store::save_plan(&plan, None) {
                store::Save::Done { .. } => ctx.dispatch.emit(Msg::Library(store::library())),
                // Not kept here: shown, so that it can be exported.
                _ => ctx.open(plan, true, None, None),
            }
        }
    };
    let rename = {
        let ctx = ctx.clone();
        let renaming = renaming.clone();
        move |id: Id, title: String| {
            renaming.set(None);
            if id == ctx.plan.id {
                ctx.edit(Act::new(What::Title, Subject::Plan), Change::SetTitle { title });
            } else if let Some((mut plan, base)) = plan_of(&ctx, &id) {
                // Held to the rule every change is, as the open plan's title is.
                if let Err(refused) = (Change::SetTitle { title }).apply(&mut plan) {
                    ctx.dispatch.emit(Msg::Notice(Some(Notice::Refused(refused))));
                    return;
                }
                match store::save_plan(&plan, base.as_deref()) {
                    store::Save::Done { .. } => {}
                    store::Save::Failed(failure) => ctx.dispatch.emit(Msg::SaveFailed(failure)),
                    store::Save::Newer | store::Save::Conflict { .. } => {
                        ctx.dispatch.emit(Msg::Notice(Some(Notice::RenameRefused)))
                    }
                }
                ctx.dispatch.emit(Msg::Library(store::library()));
            }
        }
    };
    let delete = {
        let ctx = ctx.clone();
        let deleting = deleting.clone();
        move |id: Id| {
            deleting.set(Open::Nothing);
            store::delete_plan(&id);
            let library = store::library();
            if id == ctx.plan.id {
                // Another plan takes the screen: the next one kept, or a new blank one.
                // The deleted plan's changes go with it, on purpose.
                let next = library.iter().find_map(|e| store::read_plan(&e.id));
                let (plan, base) = match next {
                    Some((plan, base)) => (plan, Some(base)),
                    None => {
                        (new_plan(Template::Pevr, fresh_id("plan"), ctx.words().new_plan, ctx.today, ctx.lang), None)
                    }
                };
                let unsaved = base.is_none();
                let (exported, drafts) = (store::exported(&plan.id), store::drafts(&plan.id));
                ctx.dispatch.emit(Msg::Show { plan, unsaved, base, exported, drafts });
            } else {
                // Room was made: a save that failed may go through now.
                ctx.keeper.retry();
            }
            ctx.dispatch.emit(Msg::Library(library));
        }
    };

    let persisted = crate::ui::file_home::use_persisted();
    let on_open_file = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| crate::ui::file_home::open_file(&ctx))
    };
    let rows = entries.iter().map(|entry| {
        let id = entry.id.clone();
        let is_open = entry.id == ctx.plan.id;
        let title_cell = match &*renaming {
            Some((editing, draft)) if *editing == entry.id => {
                let field = format!("rename-{}", entry.id);
                let on_input = {
                    let renaming = renaming.clone();
                    let id = id.clone();
                    Callback::from(move |e: InputEvent| renaming.set(Some((id.clone(), input_value(e)))))
                };
                let on_submit = {
                    let rename = rename.clone();
                    let (id, draft) = (id.clone(), draft.clone());
                    Callback::from(move |e: SubmitEvent| {
                        e.prevent_default();
                        if !draft.trim().is_empty() {
                            rename(id.clone(), draft.trim().to_string());
                        }
                    })
                };
                let on_cancel = {
                    let renaming = renaming.clone();
                    Callback::from(move |_| renaming.set(None))
                };
                html! {
                    <form class="inline-form" onsubmit={on_submit}>
                        <label for={field.clone()} class="visually-hidden">{ ctx.words().new_title }</label>
                        <input id={field} type="text" value={draft.clone()} oninput={on_input} required=true />
                        <button type="submit">{ ctx.words().save }</button>
                        <button type="button" onclick={on_cancel}>{ ctx.words().cancel }</button>
                    </form>
                }
            }
            _ => html! {
                <>
                    <span class="plan-name">{ text::listed(&entry.title).into_owned() }</span>
                    if let Some(to) = &entry.part_for { <span class="badge part">{ (ctx.words().part_for)(to) }</span> }
                    if is_open { <span class="badge current">{ ctx.words().open_badge }</span> }
                </>
            },
        };
        let confirm = deleting.deleting(&entry.id);
        let link = store::link(&entry.id);
        let on_reopen = {
            let (ctx, id) = (ctx.clone(), id.clone());
            Callback::from(move |_: MouseEvent| crate::ui::file_home::reopen(&ctx, &id))
        };
        let on_open = { let open = open.clone(); let id = id.clone(); Callback::from(move |_| open(id.clone())) };
        let on_rename = {
            let renaming = renaming.clone();
            let (id, title) = (id.clone(), entry.title.clone());
            Callback::from(move |_| renaming.set(Some((id.clone(), title.clone()))))
        };
        let on_duplicate = { let duplicate = duplicate.clone(); let id = id.clone(); Callback::from(move |_| duplicate(id.clone())) };
        let on_delete = set_to(&deleting, Open::Deleting(id.clone()));
        let on_confirm = { let delete = delete.clone(); let id = id.clone(); Callback::from(move |_| delete(id.clone())) };
        let on_keep = set_to(&deleting, Open::Nothing);
        let label = |verb: &str| (ctx.words().named)(verb, &text::listed(&entry.title));
        html! {
            <li class="plan-entry" key={entry.id.to_string()}>
                <div class="plan-entry-title">{ title_cell }</div>
                <div class="plan-entry-date">
                    { (ctx.words().changed_on)(&text::day(crate::ui::local_day(entry.modified), ctx.lang)) }
                    <span class="plan-home">{ match &link {
                        Some(link) => (ctx.words().home_file)(&link.file),
                        None => ctx.words().home_browser_only.to_string(),
                    } }</span>
                </div>
                if confirm {
                    <Confirm label={label(ctx.words().delete)} message={ctx.words().delete_plan_question}
                        yes={ctx.words().delete_good} no={ctx.words().keep_plan} on_yes={on_confirm} on_no={on_keep} />
                } else {
                    <div class="plan-entry-actions">
                        <button type="button" onclick={on_open} aria-label={label(ctx.words().open_verb)}>{ ctx.words().open_verb }</button>
                        if link.is_some() && crate::ui::file_home::available() {
                            <button type="button" class="reopen-file" onclick={on_reopen}
                                aria-label={label(ctx.words().reopen_file)}>{ ctx.words().reopen_file }</button>
                        }
                        // A part's title is its plan's, as sent.
                        if entry.part_for.is_none() {
                            <button type="button" onclick={on_rename} aria-label={label(ctx.words().rename)}>{ ctx.words().rename }</button>
                        }
                        <button type="button" onclick={on_duplicate} aria-label={label(ctx.words().duplicate)}>{ ctx.words().duplicate }</button>
                        <button type="button" class="danger" onclick={on_delete} aria-label={label(ctx.words().delete)}>{ ctx.words().delete }</button>
                    </div>
                }
            </li>
        }
    });

    html! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title">{ ctx.words().my_plans_browser }</h1>
            <div class="library-files">
                if crate::ui::file_home::available() {
                    <button type="button" class="open-file" onclick={on_open_file}>{ ctx.words().open_file }</button>
                }
                if let Some(kept) = persisted {
                    <p class="persisted">{ if kept { ctx.words().storage_kept } else { ctx.words().storage_may_be_cleared } }</p>
                }
            </div>
            <ul class="plan-list">{ for rows }</ul>
            <SetAsideList library={props.library.clone()} />
            <PlanImport />
            // Made again in the other language: a template's names and period are the page's.
            <NewPlan key={ctx.lang.code()} />
            <PastedPlan />
        </section>
    }
}

/// The form that makes a new plan from a template.
#[function_component(NewPlan)]
fn new_plan_form() -> Html {
    let ctx = use_ctx();
    let template = use_state(|| Template::Pevr);
    let title = use_state(String::new);
    let preview = new_plan(*template, Id::new("preview"), "", ctx.today, ctx.lang);
    let levels = use_state(|| preview.levels.clone());
    let action_name = use_state(|| preview.action_name.clone());
    let organisation = use_state(String::new);
    let short_code = use_state(String::new);
    let start = use_state(|| input::show_day(preview.period.start, ctx.lang));
    let end = use_state(|| input::show_day(preview.period.end, ctx.lang));
    // Why a field was not kept: the period's days, or the organisation.
    let problems = use_state(|| [None::<Problem>, None, None]);
    // The fields clear a form's « enregistré » as one types; this form shows none: it
    // opens the new plan.
    let no_note = use_state(|| false);
    let choose = |choice: Template| {
        let (template, levels, action_name) = (template.clone(), levels.clone(), action_name.clone());
        let (start, end, lang) = (start.clone(), end.clone(), ctx.lang);
        let today = ctx.today;
        Callback::from(move |_| {
            let shaped = new_plan(choice, Id::new("preview"), "", today, lang);
            template.set(choice);
            levels.set(shaped.levels);
            action_name.set(shaped.action_name);
            start.set(input::show_day(shaped.period.start, lang));
            end.set(input::show_day(shaped.period.end, lang));
        })
    };
    let on_title = {
        let title = title.clone();
        Callback::from(move |e: InputEvent| title.set(input_value(e)))
    };
    let on_submit = {
        let ctx = ctx.clone();
        let (template, title, levels, action_name) =
            (template.clone(), title.clone(), levels.clone(), action_name.clone());
        let (organisation, short_code, start, end, problems) =
            (organisation.clone(), short_code.clone(), start.clone(), end.clone(), problems.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = if title.trim().is_empty() { ctx.words().new_plan } else { title.trim() };
            let mut plan = new_plan(*template, fresh_id("plan"), name, ctx.today, ctx.lang);
            plan.levels = (*levels).clone();
            plan.action_name = (*action_name).clone();
            // The period and the organisation are set by the changes the settings make,
            // so that the same rules refuse the same input.
            let period = match period_change(&start, &end) {
                Ok(change) => change.apply(&mut plan).err().map(|why| [None, Some(Problem::Refused(why))]),
                Err(unread) => Some(*unread),
            };
            let named = !organisation.trim().is_empty() || !short_code.trim().is_empty();
            let change = Change::AddOrganisation {
                id: fresh_id("organisation"),
                name: (*organisation).clone(),
                code: (*short_code).clone(),
            };
            let refused = if named { change.apply(&mut plan).err().map(Problem::Refused) } else { None };
            let [first, last] = period.unwrap_or_default();
            let any = first.is_some() || last.is_some() || refused.is_some();
            problems.set([refused, first, last]);
            if !any {
                ctx.open(plan, true, None, Some(Route::Structure));
            }
        })
    };
    let noun_fields = |key: String, legend: String, noun: Noun, set: Callback<Noun>| {
        let on_singular = {
            let (noun, set) = (noun.clone(), set.clone());
            Callback::from(move |e: InputEvent| set.emit(Noun { singular: input_value(e), ..noun.clone() }))
        };
        let on_plural = {
            let noun = noun.clone();
            Callback::from(move |e: InputEvent| set.emit(Noun { plural: input_value(e), ..noun.clone() }))
        };
        html! {
            <fieldset class="noun">
                <legend>{ legend }</legend>
                <label for={format!("{key}-s")}>{ ctx.words().singular }</label>
                <input id={format!("{key}-s")} type="text" value={noun.singular.clone()} oninput={on_singular} required=true />
                <label for={format!("{key}-p")}>{ ctx.words().plural }</label>
                <input id={format!("{key}-p")} type="text" value={noun.plural.clone()} oninput={on_plural} required=true />
            </fieldset>
        }
    };
    let level_fields = levels.iter().enumerate().map(|(index, level)| {
        let levels = levels.clone();
        let set = Callback::from(move |name: Noun| {
            let mut next = (*levels).clone();
            next[index] = Level { name };
            levels.set(next);
        });
        let legend = (ctx.words().level_number)(index + 1);
        noun_fields(format!("level-{index}"), legend, level.name.clone(), set)
    });
    let action_field = {
        let action_name = action_name.clone();
        noun_fields(
            "action-name".into(),
            ctx.words().what_plan_calls_actions.into(),
            (*action_name).clone(),
            Callback::from(move |name| action_name.set(name)),
        )
    };

    html! {
        <form class="new-plan card" onsubmit={on_submit} aria-labelledby="new-plan-title">
            <h2 id="new-plan-title">{ ctx.words().create_a_plan }</h2>
            <label for="new-plan-name">{ ctx.words().title }</label>
            <input id="new-plan-name" type="text" value={(*title).clone()} oninput={on_title}
                placeholder={ctx.words().pevr_template_title} />
            <fieldset class="templates">
                <legend>{ ctx.words().template }</legend>
                { for Template::ALL.into_iter().map(|choice| {
                    let id = format!("template-{choice:?}").to_lowercase();
                    html! {
                        <div class="choice">
                            <input type="radio" name="template" id={id.clone()} checked={*template == choice} onchange={choose(choice)} />
                            <label for={id}>{ template_name(&ctx, choice) }</label>
                        </div>
                    }
                }) }
            </fieldset>
            <div class="fields">
                { checked_input(&ctx, "new-plan-organisation", ctx.words().organisation_name, &organisation, &no_note, &problems[0], None) }
                { checked_input(&ctx, "new-plan-short-code", ctx.words().short_code, &short_code, &no_note, &None, None) }
                { checked_input(&ctx, "new-plan-start", ctx.words().period_start, &start, &no_note, &problems[1], None) }
                { checked_input(&ctx, "new-plan-end", ctx.words().period_end, &end, &no_note, &problems[2], None) }
            </div>
            <div class="nouns">
                { for level_fields }
                { action_field }
            </div>
            <button type="submit" class="primary">{ ctx.words().create_the_plan }</button>
        </form>
    }
}

/// The stored plans that could not be read, each kept as it was until the user deletes
/// it: downloadable, so that it can be repaired or sent to someone who can.
#[function_component(SetAsideList)]
fn set_aside_list(_: &Props) -> Html {
    let ctx = use_ctx();
    // Read again after each change of the library (a deletion, another tab, a plan set
    // aside when « Ouvrir » found it unreadable): the library is its props.
    let revision = use_state(|| 0_u32);
    let found = store::set_aside();
    let deleting = use_open::<String>();
    if found.is_empty() {
        return html! {};
    }
    let rows = found.iter().map(|copy| {
        let key = copy.key.clone();
        let on_download = set_aside_text(key.clone());
        let on_delete = set_to(&deleting, Open::Deleting(key.clone()));
        let on_confirm = {
            let keeper = ctx.keeper.clone();
            delete_and_reread(&deleting, &revision, move || {
                store::delete_set_aside(&key);
                keeper.retry();
            })
        };
        let on_keep = set_to(&deleting, Open::Nothing);
        let label = (ctx.words().set_aside_copy)(&copy.id.to_string(), copy.chars as usize);
        html! {
            <li class="plan-entry" key={copy.key.clone()}>
                <div class="plan-entry-title"><span class="plan-name">{ label.clone() }</span></div>
                if deleting.deleting(&copy.key) {
                    <Confirm label={format!("{} {label}", ctx.words().delete)} message={ctx.words().delete_set_aside_question}
                        yes={ctx.words().delete_good} no={ctx.words().keep} on_yes={on_confirm} on_no={on_keep} />
                } else {
                    <div class="plan-entry-actions">
                        <button type="button" onclick={on_download} aria-label={format!("{} {label}", ctx.words().download)}>{ ctx.words().download }</button>
                        <button type="button" class="danger" onclick={on_delete} aria-label={format!("{} {label}", ctx.words().delete)}>{ ctx.words().delete }</button>
                    </div>
                }
            </li>
        }
    });
    let body = html! {
        <>
            <p>{ ctx.words().set_aside_plans_help }</p>
            <ul class="plan-list">{ for rows }</ul>
        </>
    };
    card("set-aside", "set-aside-title", ctx.words().data_set_aside, body)
}
