//! The application: the state (see `state`), the hooks that keep it (see
//! `persistence`), and the page around the screens: banner, navigation, notices.

use super::components::conflict::Conflict;
use super::components::file_review::FileReview;
use super::components::header::Header;
use super::components::nav::Nav;
use super::components::notice::Notice as NoticeView;
use super::components::part_banner::PartBanner;
use super::components::unsaved_input::unsaved_input;
use super::context::Ctx;
use super::persistence::{use_other_tabs, use_route, use_saving, use_undo_keys};
use super::route::Route;
use super::screens;
use super::state::Msg;
use super::state::{initial_state, Notice, State, Walked};
use super::store::{self, Failure};
use jalon::words::table::words;
use jalon::words::text;
use yew::prelude::*;

fn notice_text(state: &State, notice: &Notice) -> String {
    let lang = state.lang;
    match notice {
        Notice::StorageFull => words(lang).storage_full_plans_open.to_string(),
        Notice::StorageUnavailable => words(lang).browser_refuses_local_storage.to_string(),
        Notice::Unreadable { error, .. } => format!(
            "{} {} {}",
            words(lang).stored_plan_unreadable_set_aside,
            text::load_error(error, lang),
            words(lang).download_data_as_is
        ),
        Notice::Newer(error) => format!("{} {}", text::load_error(error, lang), words(lang).newer_plan_left_as_is),
        Notice::SaveFailed(Failure::Full) => words(lang).unsaved_storage_full_changes_on_screen.to_string(),
        Notice::SaveFailed(Failure::Refused | Failure::Other) => {
            words(lang).unsaved_browser_refused_changes_on_screen.to_string()
        }
        Notice::StayedUnsaved => words(lang).other_plan_not_opened_unsaved.to_string(),
        Notice::RenameRefused => words(lang).not_renamed_another_version_saved.to_string(),
        Notice::KeptBoth { title } => (words(lang).both_kept)(title),
        Notice::SaveRefusedNewer => words(lang).newer_jalon_saved_last.to_string(),
        Notice::Refused(refused) => text::refused(&state.plan, refused, lang),
        Notice::UpdatedElsewhere => words(lang).changed_in_another_tab.to_string(),
        Notice::File(failure) => text::file_failure_sentence(*failure, lang),
        Notice::FileUnreadable { file, error } => format!("{file}\u{a0}: {}", text::load_error(error, lang)),
        Notice::FileMerged { file } => (words(lang).file_merged)(file),
        Notice::NothingNew { file } => (words(lang).copy_brought_nothing)(file),
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
    super::file_home::use_file_home(&state);
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
        drafted: state.drafted,
        resume: state.resume.clone(),
    };
    // What is typed in any field or form of the page is kept as a draft at each keystroke.
    super::drafts::use_capture(&ctx);
    screens::dashboard::use_dashboard_ahead(&ctx);
    let offer = unsaved_input(&ctx, &state.settled);
    let lang = state.lang;
    // What undo and redo would do, named from the versions that hold what they changed.
    let undo =
        state.history.to_undo().map(|(act, before)| AttrValue::from(text::act(act, &[&state.plan, before], lang)));
    let redo = state.history.to_redo().map(|(act, after)| AttrValue::from(text::act(act, &[&state.plan, after], lang)));
    // What the last undo undid is now the next redo, and the other way round.
    let walked = match state.walked {
        Some(Walked::Undone) => redo.as_ref().map(|what| (words(lang).undone)(what)),
        Some(Walked::Redone) => undo.as_ref().map(|what| (words(lang).redone)(what)),
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
    let review = state.theirs.as_ref().filter(|theirs| theirs.plan.id == state.plan.id).map(|theirs| {
        html! {
            <FileReview key={format!("{:p}", std::rc::Rc::as_ptr(&theirs.merge))} merge={theirs.merge.clone()}
                theirs={theirs.plan.clone()} file={theirs.file.clone()} />
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
        Route::Bilan => html! { <screens::bilan::Bilan /> },
        Route::Budget => html! { <screens::budget::BudgetScreen /> },
        Route::Settings => html! { <screens::settings::Settings /> },
        Route::Sharing => html! { <screens::sharing::Sharing /> },
        Route::Regions => html! { <screens::regions::Regions library={state.library.clone()} /> },
        // Keyed by its view: another view is read afresh, not shown in the last one's state.
        Route::Region(id) => html! {
            <screens::region::RegionScreen key={id.to_string()} id={id.clone()} library={state.library.clone()} />
        },
    };

    html! {
        <ContextProvider<Ctx> context={ctx}>
            <a class="skip" href="#contenu" onclick={Callback::from(|e: MouseEvent| {
                // The address keeps naming the screen; focus moves to the content.
                e.prevent_default();
                if let Some(main) = gloo::utils::document().get_element_by_id("contenu") {
                    let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(main).focus();
                }
            })}>{ words(lang).skip_content }</a>
            <Header undo={undo} redo={redo} walked={walked} undo_forgot={state.history.forgot_older()}
                keeping={state.keeping()}
                exported_at={state.exported.as_ref().and_then(|e| e.at)} unexported={state.unexported(chrono::Utc::now())}
                home={state.home.as_ref().map(|home| home.shown())} reviewing={state.theirs.is_some()} />
            <Nav />
            <main id="contenu" tabindex="-1">
                <PartBanner />
                { conflict.unwrap_or_default() }
                { review.unwrap_or_default() }
                { notice.unwrap_or_default() }
                { offer }
                { screen }
            </main>
        </ContextProvider<Ctx>>
    }
}
