//! The plans kept in this browser: open, rename, duplicate, delete (confirmed), and
//! create a new one, blank or shaped like a reference plan, its level names editable
//! before it is made.

use crate::ui::app::Msg;
use crate::ui::components::plan_import::PlanImport;
use crate::ui::context::{fresh_id, use_ctx, Ctx};
use crate::ui::route::Route;
use crate::ui::state::Notice;
use crate::ui::store::{self, Entry};
use jalon::history::{Act, What};
use jalon::id::Id;
use jalon::level::{Level, Noun};
use jalon::plan::Plan;
use jalon::subject::Subject;
use jalon::template::{new_plan, Template};
use jalon::text;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub library: Rc<Vec<Entry>>,
}

fn template_name(ctx: &Ctx, template: Template) -> &'static str {
    match template {
        Template::Blank => {
            ctx.tr("Plan vierge (orientations, objectifs, actions)", "Blank plan (orientations, objectives, actions)")
        }
        Template::Pevr => ctx.tr(
            "Plan d'engagement vers la réussite (enjeux, orientations, objectifs, moyens)",
            "Commitment-to-success plan (enjeux, orientations, objectifs, moyens)",
        ),
        Template::Regional => ctx.tr(
            "Plan d'action régional de partenaires (axes, thèmes, objectifs, activités)",
            "Regional partners' action plan (axes, thèmes, objectifs, activités)",
        ),
        Template::Cooperative => ctx.tr(
            "Cadre de référence et budget d'une coopérative (projets stratégiques, objectifs SMART, actions)",
            "Cooperative's framework and budget (projets stratégiques, objectifs SMART, actions)",
        ),
    }
}

/// The plan under `id`: the open one as it is on screen, any other as stored, with the
/// stored version it was read from.
fn plan_of(ctx: &Ctx, id: &Id) -> Option<(Plan, Option<String>)> {
    if &ctx.plan.id == id {
        return Some(((*ctx.plan).clone(), store::current_base(id)));
    }
    store::read_plan(id).map(|(plan, base)| (plan, Some(base)))
}

fn input_value(e: InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

#[function_component(Library)]
pub fn library(props: &Props) -> Html {
    let ctx = use_ctx();
    let renaming = use_state(|| None::<(Id, String)>);
    let deleting = use_state(|| None::<Id>);

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
                version: jalon::format::VERSION,
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
            plan.title = format!("{} {}", plan.title, ctx.tr("(copie)", "(copy)"));
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
                ctx.edit(Act::new(What::Title, Subject::Plan), move |plan| {
                    plan.title = title;
                    Ok(())
                });
            } else if let Some((mut plan, base)) = plan_of(&ctx, &id) {
                plan.title = title;
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
            deleting.set(None);
            store::delete_plan(&id);
            let library = store::library();
            if id == ctx.plan.id {
                // Another plan takes the screen: the next one kept, or a new blank one.
                // The deleted plan's changes go with it, on purpose.
                let next = library.iter().find_map(|e| store::read_plan(&e.id));
                let (plan, base) = match next {
                    Some((plan, base)) => (plan, Some(base)),
                    None => (
                        new_plan(Template::Pevr, fresh_id("plan"), ctx.tr("Nouveau plan", "New plan"), ctx.today),
                        None,
                    ),
                };
                let unsaved = base.is_none();
                let exported = store::exported(&plan.id);
                ctx.dispatch.emit(Msg::Show { plan, unsaved, base, exported });
            } else {
                // Room was made: a save that failed may go through now.
                ctx.keeper.retry();
            }
            ctx.dispatch.emit(Msg::Library(library));
        }
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
                        <label for={field.clone()} class="visually-hidden">{ ctx.tr("Nouveau titre", "New title") }</label>
                        <input id={field} type="text" value={draft.clone()} oninput={on_input} required=true />
                        <button type="submit">{ ctx.tr("Enregistrer", "Save") }</button>
                        <button type="button" onclick={on_cancel}>{ ctx.tr("Annuler", "Cancel") }</button>
                    </form>
                }
            }
            _ => html! {
                <>
                    <span class="plan-name">{ &entry.title }</span>
                    if is_open { <span class="badge current">{ ctx.tr("ouvert", "open") }</span> }
                </>
            },
        };
        let confirm = (*deleting).as_ref() == Some(&entry.id);
        let on_open = { let open = open.clone(); let id = id.clone(); Callback::from(move |_| open(id.clone())) };
        let on_rename = {
            let renaming = renaming.clone();
            let (id, title) = (id.clone(), entry.title.clone());
            Callback::from(move |_| renaming.set(Some((id.clone(), title.clone()))))
        };
        let on_duplicate = { let duplicate = duplicate.clone(); let id = id.clone(); Callback::from(move |_| duplicate(id.clone())) };
        let on_delete = { let deleting = deleting.clone(); let id = id.clone(); Callback::from(move |_| deleting.set(Some(id.clone()))) };
        let on_confirm = { let delete = delete.clone(); let id = id.clone(); Callback::from(move |_| delete(id.clone())) };
        let on_keep = { let deleting = deleting.clone(); Callback::from(move |_| deleting.set(None)) };
        let label = |verb: &str| format!("{verb} « {} »", entry.title);
        html! {
            <li class="plan-entry" key={entry.id.to_string()}>
                <div class="plan-entry-title">{ title_cell }</div>
                <div class="plan-entry-date">
                    { ctx.tr("Modifié le ", "Changed on ") }
                    { text::day(entry.modified.with_timezone(&chrono::Local).date_naive(), ctx.lang) }
                </div>
                if confirm {
                    <div class="confirm" role="group" aria-label={label(ctx.tr("Supprimer", "Delete"))}>
                        <p>{ ctx.tr(
                            "Supprimer ce plan de ce navigateur, avec tout son contenu ? Les fichiers exportés ne sont pas touchés.",
                            "Delete this plan from this browser, with all its content? Exported files are not affected.") }</p>
                        <button type="button" class="danger" onclick={on_confirm}>{ ctx.tr("Supprimer définitivement", "Delete for good") }</button>
                        <button type="button" onclick={on_keep}>{ ctx.tr("Garder le plan", "Keep the plan") }</button>
                    </div>
                } else {
                    <div class="plan-entry-actions">
                        <button type="button" onclick={on_open} aria-label={label(ctx.tr("Ouvrir", "Open"))}>{ ctx.tr("Ouvrir", "Open") }</button>
                        <button type="button" onclick={on_rename} aria-label={label(ctx.tr("Renommer", "Rename"))}>{ ctx.tr("Renommer", "Rename") }</button>
                        <button type="button" onclick={on_duplicate} aria-label={label(ctx.tr("Dupliquer", "Duplicate"))}>{ ctx.tr("Dupliquer", "Duplicate") }</button>
                        <button type="button" class="danger" onclick={on_delete} aria-label={label(ctx.tr("Supprimer", "Delete"))}>{ ctx.tr("Supprimer", "Delete") }</button>
                    </div>
                }
            </li>
        }
    });

    html! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title">{ ctx.tr("Mes plans dans ce navigateur", "My plans in this browser") }</h1>
            <ul class="plan-list">{ for rows }</ul>
            <SetAsideList />
            <PlanImport />
            <NewPlan />
        </section>
    }
}

/// The form that makes a new plan from a template.
#[function_component(NewPlan)]
fn new_plan_form() -> Html {
    let ctx = use_ctx();
    let template = use_state(|| Template::Pevr);
    let title = use_state(String::new);
    let preview = new_plan(*template, Id::new("preview"), "", ctx.today);
    let levels = use_state(|| preview.levels.clone());
    let action_name = use_state(|| preview.action_name.clone());

    let choose = |choice: Template| {
        let (template, levels, action_name) = (template.clone(), levels.clone(), action_name.clone());
        let today = ctx.today;
        Callback::from(move |_| {
            let shaped = new_plan(choice, Id::new("preview"), "", today);
            template.set(choice);
            levels.set(shaped.levels);
            action_name.set(shaped.action_name);
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
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = if title.trim().is_empty() { ctx.tr("Nouveau plan", "New plan") } else { title.trim() };
            let mut plan = new_plan(*template, fresh_id("plan"), name, ctx.today);
            plan.levels = (*levels).clone();
            plan.action_name = (*action_name).clone();
            ctx.open(plan, true, None, Some(Route::Structure));
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
                <label for={format!("{key}-s")}>{ ctx.tr("Singulier", "Singular") }</label>
                <input id={format!("{key}-s")} type="text" value={noun.singular.clone()} oninput={on_singular} required=true />
                <label for={format!("{key}-p")}>{ ctx.tr("Pluriel", "Plural") }</label>
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
        let legend = format!("{} {}", ctx.tr("Niveau", "Level"), index + 1);
        noun_fields(format!("level-{index}"), legend, level.name.clone(), set)
    });
    let action_field = {
        let action_name = action_name.clone();
        noun_fields(
            "action-name".into(),
            ctx.tr("Ce que le plan appelle ses actions", "What the plan calls its actions").into(),
            (*action_name).clone(),
            Callback::from(move |name| action_name.set(name)),
        )
    };

    html! {
        <form class="new-plan card" onsubmit={on_submit} aria-labelledby="new-plan-title">
            <h2 id="new-plan-title">{ ctx.tr("Créer un plan", "Create a plan") }</h2>
            <label for="new-plan-name">{ ctx.tr("Titre", "Title") }</label>
            <input id="new-plan-name" type="text" value={(*title).clone()} oninput={on_title}
                placeholder={ctx.tr("Plan d'engagement vers la réussite 2027-2031", "Commitment-to-success plan 2027-2031")} />
            <fieldset class="templates">
                <legend>{ ctx.tr("Modèle", "Template") }</legend>
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
            <div class="nouns">
                { for level_fields }
                { action_field }
            </div>
            <button type="submit" class="primary">{ ctx.tr("Créer le plan", "Create the plan") }</button>
        </form>
    }
}

/// The stored plans that could not be read, each kept as it was until the user deletes
/// it: downloadable, so that it can be repaired or sent to someone who can.
#[function_component(SetAsideList)]
fn set_aside_list() -> Html {
    let ctx = use_ctx();
    // Read again after each change of the library (a deletion, another tab).
    let revision = use_state(|| 0_u32);
    let found = store::set_aside();
    let deleting = use_state(|| None::<String>);
    if found.is_empty() {
        return html! {};
    }
    let rows = found.iter().map(|copy| {
        let key = copy.key.clone();
        let on_download = {
            let key = key.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some(text) = store::stored_text(&key) {
                    crate::ui::download::download(&store::set_aside_file_name(&key), &text, "text/plain");
                }
            })
        };
        let on_delete = { let (deleting, key) = (deleting.clone(), key.clone()); Callback::from(move |_: MouseEvent| deleting.set(Some(key.clone()))) };
        let on_confirm = {
            let (deleting, revision, keeper, key) = (deleting.clone(), revision.clone(), ctx.keeper.clone(), key.clone());
            Callback::from(move |_: MouseEvent| {
                store::delete_set_aside(&key);
                deleting.set(None);
                revision.set(*revision + 1);
                keeper.retry();
            })
        };
        let on_keep = { let deleting = deleting.clone(); Callback::from(move |_: MouseEvent| deleting.set(None)) };
        let label = format!("{} {} ({} {})", ctx.tr("Plan", "Plan"), copy.id, text::number(f64::from(copy.chars), 0, ctx.lang), ctx.tr("caractères", "characters"));
        html! {
            <li class="plan-entry" key={copy.key.clone()}>
                <div class="plan-entry-title"><span class="plan-name">{ label.clone() }</span></div>
                if deleting.as_deref() == Some(copy.key.as_str()) {
                    <div class="confirm" role="group" aria-label={format!("{} {label}", ctx.tr("Supprimer", "Delete"))}>
                        <p>{ ctx.tr(
                            "Supprimer définitivement ces données de ce navigateur ? Téléchargez-les d'abord si quelqu'un peut encore les réparer.",
                            "Delete this data from this browser for good? Download it first if someone may still repair it.") }</p>
                        <button type="button" class="danger" onclick={on_confirm}>{ ctx.tr("Supprimer définitivement", "Delete for good") }</button>
                        <button type="button" onclick={on_keep}>{ ctx.tr("Garder", "Keep") }</button>
                    </div>
                } else {
                    <div class="plan-entry-actions">
                        <button type="button" onclick={on_download} aria-label={format!("{} {label}", ctx.tr("Télécharger", "Download"))}>{ ctx.tr("Télécharger", "Download") }</button>
                        <button type="button" class="danger" onclick={on_delete} aria-label={format!("{} {label}", ctx.tr("Supprimer", "Delete"))}>{ ctx.tr("Supprimer", "Delete") }</button>
                    </div>
                }
            </li>
        }
    });
    html! {
        <section class="set-aside card" aria-labelledby="set-aside-title">
            <h2 id="set-aside-title">{ ctx.tr("Données mises de côté", "Data set aside") }</h2>
            <p>{ ctx.tr(
                "Ces plans étaient conservés dans ce navigateur mais n'ont pas pu être lus. Ils sont gardés tels quels jusqu'à ce que vous les supprimiez.",
                "These plans were kept in this browser but could not be read. They are kept as they were until you delete them.") }</p>
            <ul class="plan-list">{ for rows }</ul>
        </section>
    }
}
