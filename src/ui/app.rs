//! The application: the state (see `state`), the hooks that keep it (see
//! `persistence`), and the page around the screens: banner, navigation, notices.

use super::components::conflict::Conflict;
use super::components::header::Header;
use super::components::nav::Nav;
use super::components::notice::Notice as NoticeView;
use super::context::{tr, Ctx};
use super::persistence::{use_other_tabs, use_route, use_saving, use_undo_keys};
use super::route::Route;
use super::screens;
pub use super::state::Msg;
use super::state::{initial_state, Notice, State, Walked};
use super::store::{self, Failure};
use jalon::text;
use yew::prelude::*;

fn notice_text(state: &State, notice: &Notice) -> String {
    let lang = state.lang;
    match notice {
        Notice::StorageFull => tr(lang,
            "Le stockage de ce navigateur est plein : vos plans s'ouvrent, mais vos modifications n'y seront enregistrées qu'une fois de la place libérée. Supprimez dans « Mes plans » un plan ou une copie mise de côté dont vous n'avez plus besoin, ou exportez ce plan dans un fichier (bouton « Exporter le plan »).",
            "This browser's storage is full: your plans open, but your changes will be saved in it only once room is made. Delete a plan or a copy set aside that you no longer need in “My plans”, or export this plan to a file (the “Export the plan” button).").to_string(),
        Notice::StorageUnavailable => tr(lang,
            "Ce navigateur refuse le stockage local : rien n'y sera conservé. Vous pouvez travailler, puis exporter le plan dans un fichier (bouton « Exporter le plan ») et l'ouvrir plus tard.",
            "This browser refuses local storage: nothing will be kept in it. You can work, then export the plan to a file (the “Export the plan” button) and open it later.").to_string(),
        Notice::Unreadable { error, .. } => format!("{} {} {}", tr(lang,
            "Un plan conservé dans ce navigateur n'a pas pu être lu ; il a été mis de côté sans être modifié.",
            "A plan kept in this browser could not be read; it has been set aside unchanged."),
            text::load_error(error, lang),
            tr(lang, "Vous pouvez télécharger ces données telles quelles.", "You can download this data as it is.")),
        Notice::Newer(error) => format!("{} {}", text::load_error(error, lang), tr(lang,
            "Cette copie de Jalon le laisse tel quel : ouvrez-le avec la version la plus récente.",
            "This copy of Jalon leaves it as it is: open it with the newest version.")),
        Notice::SaveFailed(Failure::Full) => tr(lang,
            "Non enregistré : le stockage de ce navigateur est plein. Vos modifications restent à l'écran et seront enregistrées dès qu'il y aura de la place : supprimez dans « Mes plans » un plan ou une copie mise de côté dont vous n'avez plus besoin, ou exportez le plan dans un fichier pour ne rien perdre.",
            "Not saved: this browser's storage is full. Your changes stay on screen and will be saved as soon as there is room: delete a plan or a copy set aside that you no longer need in “My plans”, or export the plan to a file to lose nothing.").to_string(),
        Notice::SaveFailed(Failure::Refused) => tr(lang,
            "Non enregistré : ce navigateur a refusé l'enregistrement. Vos modifications restent à l'écran ; exportez le plan dans un fichier pour ne rien perdre.",
            "Not saved: this browser refused to save. Your changes stay on screen; export the plan to a file to lose nothing.").to_string(),
        Notice::StayedUnsaved => tr(lang,
            "L'autre plan n'a pas été ouvert : les dernières modifications de celui-ci ne sont ni enregistrées dans ce navigateur ni dans un fichier exporté. Exportez ce plan (ou libérez de la place), puis recommencez.",
            "The other plan was not opened: this one's latest changes are neither saved in this browser nor in an exported file. Export this plan (or make room), then try again.").to_string(),
        Notice::RenameRefused => tr(lang,
            "Ce plan n'a pas été renommé : une autre version vient d'être enregistrée (par un autre onglet ou une version plus récente de Jalon). Ouvrez-le pour voir cette version.",
            "This plan was not renamed: another version was just saved (by another tab or a newer version of Jalon). Open it to see that version.").to_string(),
        Notice::KeptBoth { title } => format!("{} « {title} ».", tr(lang,
            "Les deux versions sont gardées : l'autre sous le titre qu'elle porte, celle de cette page, ouverte ici, sous",
            "Both versions are kept: the other under its own title, this page's, open here, as")),
        Notice::SaveRefusedNewer => tr(lang,
            "Une version plus récente de Jalon a enregistré ce plan en dernier : cette copie ne l'écrase pas. Exportez vos modifications dans un fichier, puis ouvrez-le avec la version la plus récente.",
            "A newer version of Jalon saved this plan last: this copy does not overwrite it. Export your changes to a file, then open it with the newest version.").to_string(),
        Notice::Refused(refused) => text::refused(&state.plan, refused, lang),
        Notice::UpdatedElsewhere => tr(lang,
            "Ce plan a été modifié dans un autre onglet : cette page montre maintenant sa version.",
            "This plan was changed in another tab: this page now shows that version.").to_string(),
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    use_effect_with((), |_| super::mark("jalon-first-render"));
    use_route(state.dispatcher());
    use_undo_keys(state.dispatcher());
    let keeper = use_saving(&state);
    use_other_tabs(&state, &keeper);
    use_effect_with(state.lang, move |lang| {
        store::save_lang(*lang);
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    // Each screen starts at its top.
    use_effect_with(state.route.clone(), |_| gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0));

    // Made once: a callback made anew at each render would make every screen's context
    // differ, and every screen render again, at each change of anything.
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| Callback::from(move |msg| dispatcher.dispatch(msg)))
    };
    let ctx = Ctx {
        plan: state.plan.clone(),
        revision: state.revision,
        lang: state.lang,
        today: state.today,
        route: state.route.clone(),
        dispatch: (*dispatch).clone(),
        keeper,
    };
    let lang = state.lang;
    // What undo and redo would do, named from the versions that hold what they changed.
    let undo =
        state.history.to_undo().map(|(act, before)| AttrValue::from(text::act(act, &[&state.plan, before], lang)));
    let redo = state.history.to_redo().map(|(act, after)| AttrValue::from(text::act(act, &[&state.plan, after], lang)));
    // What the last undo undid is now the next redo, and the other way round.
    let walked = match state.walked {
        Some(Walked::Undone) => redo.as_ref().map(|what| format!("{}{what}", tr(lang, "Annulé\u{a0}: ", "Undone: "))),
        Some(Walked::Redone) => undo.as_ref().map(|what| format!("{}{what}", tr(lang, "Rétabli\u{a0}: ", "Redone: "))),
        None => None,
    }
    .map(AttrValue::from);
    let on_dismiss = ctx.dispatch.reform(|_| Msg::Notice(None));
    let notice = state.notice.as_ref().map(|notice| {
        let download = match notice {
            Notice::Unreadable { key, .. } => {
                let key = key.clone();
                Some(Callback::from(move |_| {
                    if let Some(text) = store::stored_text(&key) {
                        crate::ui::download::download(&store::set_aside_file_name(&key), &text, "text/plain");
                    }
                }))
            }
            _ => None,
        };
        html! { <NoticeView text={notice_text(&state, notice)} on_dismiss={on_dismiss.clone()} {download} /> }
    });
    let conflict = state.conflict.as_ref().map(|conflict| {
        html! {
            <Conflict mine={state.plan.clone()} theirs={conflict.theirs.clone()} />
        }
    });
    let screen = match &state.route {
        Route::Library => html! { <screens::library::Library library={state.library.clone()} /> },
        Route::Structure => html! { <screens::structure::Structure /> },
        Route::Objective(id) => html! { <screens::objective::ObjectivePage id={id.clone()} /> },
        Route::Indicators => html! { <screens::indicators::Indicators /> },
        Route::Actions => html! { <screens::actions::Actions /> },
        Route::FollowUp => html! { <screens::followup::FollowUp /> },
        Route::Dashboard => html! { <screens::dashboard::Dashboard /> },
        Route::Budget => html! { <screens::budget::BudgetScreen /> },
    };

    html! {
        <ContextProvider<Ctx> context={ctx}>
            <a class="skip" href="#contenu" onclick={Callback::from(|e: MouseEvent| {
                // The address keeps naming the screen; focus moves to the content.
                e.prevent_default();
                if let Some(main) = gloo::utils::document().get_element_by_id("contenu") {
                    let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(main).focus();
                }
            })}>{ tr(lang, "Aller au contenu", "Skip to content") }</a>
            <Header undo={undo} redo={redo} walked={walked} undo_forgot={state.history.forgot_older()}
                keeping={state.keeping()}
                exported_at={state.exported.as_ref().and_then(|e| e.at)} unexported={state.unexported()} />
            <Nav />
            <main id="contenu" tabindex="-1">
                { conflict.unwrap_or_default() }
                { notice.unwrap_or_default() }
                { screen }
            </main>
        </ContextProvider<Ctx>>
    }
}
