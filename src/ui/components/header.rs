//! The page's banner: the plan's title (editable), its organisations and period, undo
//! and redo, when the plan was last saved, export, and the language switch. On a phone
//! it folds to one line, the title and « Menu », which shows the rest (www/style.css).

use super::joined::joined;
use super::line_field::LineField;
use crate::ui::context::use_ctx;
use crate::ui::file_home;
use crate::ui::state::Msg;
use crate::ui::state::{HomeEvent, HomeShown, HomeStatus, Keeping};
use crate::ui::store::Failure;
use jalon::edit::permits::Asked;
use jalon::storage::link::FileFailure;
use jalon::words::text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// What undo would undo (« état d'avancement — Moyen 1.2 »), if anything.
    pub undo: Option<AttrValue>,
    /// What redo would redo, if anything.
    pub redo: Option<AttrValue>,
    /// What the last undo or redo did, to announce (« Annulé : … »).
    #[prop_or_default]
    pub walked: Option<AttrValue>,
    pub keeping: Keeping,
    /// Whether undo forgot older steps for its memory budget.
    #[prop_or_default]
    pub undo_forgot: bool,
    pub exported_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Whether the plan holds changes that no exported file holds.
    pub unexported: bool,
    /// The plan's file, when it is linked to one.
    #[prop_or_default]
    pub home: Option<HomeShown>,
    /// Whether a version someone else wrote waits for the user's choices.
    #[prop_or_default]
    pub reviewing: bool,
}

#[function_component(Header)]
pub fn header(props: &Props) -> Html {
    let ctx = use_ctx();
    let unfolded = use_state(|| false);
    let on_menu = {
        let unfolded = unfolded.clone();
        Callback::from(move |_: MouseEvent| unfolded.set(!*unfolded))
    };
    let plan = &ctx.plan;
    let other = ctx.lang.other();
    let on_switch = ctx.dispatch.reform(move |_: MouseEvent| Msg::SetLang(other));
    // Kept as a draft at each keystroke too: a tab closed before the save loses nothing.
    let on_title = crate::ui::drafts::title_input(&ctx);
    let on_export = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            ctx.export(&jalon::format::file_name(&ctx.plan.title, ctx.today));
        })
    };
    let on_undo = ctx.dispatch.reform(|_: MouseEvent| Msg::Undo);
    // Undo went back as far as it keeps: say so, or the button just stops.
    let undo_ends = props.undo.is_none() && props.undo_forgot;
    // The buttons' names say what they would undo or redo (in words only assistive
    // technologies read, and in the title); their visible words stay short.
    let what = |what: &Option<AttrValue>| what.as_ref().map(|what| format!("{}{what}", ctx.words().colon));
    let title =
        |verb: &str, what: &Option<String>, keys: &str| format!("{verb}{} ({keys})", what.as_deref().unwrap_or(""));
    let (undo_what, redo_what) = (what(&props.undo), what(&props.redo));
    let undo_title = title(ctx.words().undo, &undo_what, "Ctrl+Z");
    let redo_title = title(ctx.words().redo, &redo_what, "Ctrl+Y");
    let on_redo = ctx.dispatch.reform(|_: MouseEvent| Msg::Redo);
    let saved = match props.keeping {
        Keeping::Pending => ctx.words().saving_changes.to_string(),
        Keeping::Saved(Some(at)) => format!("{} {}", ctx.words().saved_browser, text::clock(at, ctx.lang)),
        Keeping::Saved(None) => ctx.words().kept_browser.to_string(),
        Keeping::Failed(Failure::Full) => ctx.words().not_saved_storage_full.to_string(),
        Keeping::Failed(Failure::Refused | Failure::Other) => ctx.words().not_saved_browser_refuses.to_string(),
        Keeping::Held => ctx.words().not_saved_see_message.to_string(),
        Keeping::Nowhere => ctx.words().not_kept_browser_export.to_string(),
    };
    let unsaved_state = matches!(props.keeping, Keeping::Failed(_) | Keeping::Held | Keeping::Nowhere);
    let local = |at: chrono::DateTime<chrono::Utc>| at.with_timezone(&chrono::Local);
    let last_export = match props.exported_at {
        Some(at) => (ctx.words().last_exported_at)(
            &text::day(local(at).date_naive(), ctx.lang),
            &text::clock(local(at).time(), ctx.lang),
        ),
        None => ctx.words().never_exported.to_string(),
    };
    let home = home_line(&ctx, props.home.as_ref(), props.reviewing, &last_export);
    let organisations = joined(plan.organisations.iter().map(|o| o.name.as_str()), " · ");
    html! {
        <header class={classes!("banner", unfolded.then_some("unfolded"))}>
            <div class="brand">
                <span class="logo" aria-hidden="true">{ "◆" }</span>
                <span class="name">{ "Jalon" }</span>
                <span class="tagline">{ ctx.words().plans_educational_success }</span>
                <button type="button" class="menu" aria-expanded={unfolded.to_string()} aria-controls="banner-tools"
                    onclick={on_menu}>{ ctx.words().menu }</button>
                <div id="banner-tools" class="banner-tools">
                    <div class="history" role="group" aria-label={ctx.words().changes}>
                        <button type="button" class="undo" onclick={on_undo} disabled={props.undo.is_none()}
                            aria-keyshortcuts="Control+Z" title={undo_title}
                            aria-describedby={undo_ends.then_some("undo-ends")}>
                            { ctx.words().undo }
                            if let Some(what) = undo_what { <span class="visually-hidden">{ what }</span> }
                        </button>
                        <button type="button" class="redo" onclick={on_redo} disabled={props.redo.is_none()}
                            aria-keyshortcuts="Control+Y" title={redo_title}>
                            { ctx.words().redo }
                            if let Some(what) = redo_what { <span class="visually-hidden">{ what }</span> }
                        </button>
                    </div>
                    if undo_ends {
                        <span id="undo-ends" class="undo-ends">
                            { ctx.words().older_changes_forgotten }
                        </span>
                    }
                    <span class={classes!("save-state", unsaved_state.then_some("not-saved"))} role="status">{ saved }</span>
                    <button type="button" class="export" onclick={on_export}>
                        { ctx.words().export_plan_json }
                    </button>
                    <button type="button" class="lang" lang={other.code()}
                        aria-label={ctx.words().switch_language}
                        onclick={on_switch}>{ ctx.words().other_language }</button>
                </div>
            </div>
            <label class="title-field">
                <span class="visually-hidden">{ ctx.words().plan_title }</span>
                <LineField key={plan.id.to_string()} id="plan-title" value={plan.title.clone()} on_input={on_title}
                    readonly={!ctx.may(Asked::Context)} />
            </label>
            if let Some(part) = &plan.part {
                <p class="part-holder">{ jalon::share::words::part_holder(plan, part, ctx.lang) }</p>
            }
            <div class="home">
                <p class={classes!("keeping", (props.unexported && props.home.is_none()).then_some("remind"))} role="status">
                    <span>{ home.said }</span>
                    if props.unexported && props.home.is_none() {
                        <strong>{ ctx.words().changes_not_in_any_export }</strong>
                    }
                </p>
                <span class="home-tools">{ home.tools }</span>
            </div>
            <p class="plan-facts">
                <span>{ organisations }</span>
                <span>
                    { (ctx.words().period_from_to)(&text::day(plan.period.start, ctx.lang), &text::day(plan.period.end, ctx.lang)) }
                </span>
                <span class="walked" role="status">{ props.walked.clone().unwrap_or_default() }</span>
            </p>
        </header>
    }
}

/// What the banner says of where the plan lives, and the buttons that go with it.
struct HomeLine {
    said: String,
    tools: Html,
}

fn home_line(ctx: &crate::ui::context::Ctx, home: Option<&HomeShown>, reviewing: bool, last_export: &str) -> HomeLine {
    let words = ctx.words();
    let button = |label: &'static str, class: &'static str, on: Callback<MouseEvent>| {
        html! { <button type="button" class={class} onclick={on}>{ label }</button> }
    };
    let with_ctx = |act: fn(&crate::ui::context::Ctx)| {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| act(&ctx))
    };
    let Some(home) = home else {
        let on_download = {
            let ctx = ctx.clone();
            Callback::from(move |_: MouseEvent| {
                ctx.export(&jalon::format::file_name(&ctx.plan.title, ctx.today));
            })
        };
        return HomeLine {
            said: format!("{} — {last_export}", words.only_in_browser),
            tools: html! { <>
                if file_home::available() {
                    { button(words.save_to_file, "save-to-file", with_ctx(file_home::save_to_file)) }
                }
                { button(words.download_copy, "download-copy", on_download) }
            </> },
        };
    };
    let file = home.file.as_str();
    let said = match &home.status {
        _ if reviewing => (words.file_waits_choice)(file),
        HomeStatus::Busy => (words.saved_in_file_writing)(file),
        HomeStatus::Idle => match home.written {
            Some(at) => {
                let time = at.with_timezone(&chrono::Local).time();
                (words.saved_in_file_at)(file, &text::clock(time, ctx.lang))
            }
            None => (words.home_file)(file),
        },
        HomeStatus::Failed(failure) => {
            let said = (words.file_not_saved)(file, text::file_failure(*failure, ctx.lang));
            if failure.passing() {
                format!("{said} {}", words.retry_soon)
            } else {
                said
            }
        }
        HomeStatus::NotThisPlan(why, _) => (words.file_holds_other)(file, &text::not_this_plan(why, ctx.lang)),
        HomeStatus::Reopen => (words.linked_reopen)(file),
    };
    // Chrome and Edge ask again for the permission to write, and offer to remember it.
    let asks_permission = matches!(home.status, HomeStatus::Reopen | HomeStatus::Failed(FileFailure::Denied));
    let said = if asks_permission && file_home::offers_to_remember() {
        format!("{said} {}", words.permission_remembered)
    } else {
        said
    };
    let on_unlink = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            file_home::unlink(&ctx.plan.id);
            ctx.dispatch.emit(Msg::Home(HomeEvent::Unlink));
        })
    };
    let on_shared = {
        let ctx = ctx.clone();
        Callback::from(move |event: Event| {
            let shared = event.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
            if let Some(mut link) = crate::ui::store::link(&ctx.plan.id) {
                link.shared_computer = shared;
                crate::ui::store::set_link(&ctx.plan.id, Some(&link));
            }
            ctx.dispatch.emit(Msg::Home(HomeEvent::SharedComputer(shared)));
        })
    };
    let tools = html! { <>
        if home.status == HomeStatus::Reopen {
            { button(words.reopen_file, "reopen-file", with_ctx(|ctx| file_home::reopen(ctx, &ctx.plan.id))) }
        }
        if home.status == HomeStatus::Failed(FileFailure::Denied) {
            { button(words.allow_writing, "allow-writing", with_ctx(file_home::allow)) }
        }
        if matches!(home.status, HomeStatus::NotThisPlan(..)) {
            { button(words.replace_file_content, "replace-file", ctx.dispatch.reform(|_| Msg::Home(HomeEvent::WriteOver))) }
        }
        if matches!(home.status, HomeStatus::NotThisPlan(..) | HomeStatus::Failed(FileFailure::Gone | FileFailure::Forbidden)) {
            { button(words.save_elsewhere, "save-to-file", with_ctx(file_home::save_to_file)) }
        }
        <label class="shared-computer" title={words.shared_computer_hint}>
            <input type="checkbox" checked={home.shared_computer} onchange={on_shared} />
            { words.shared_computer }
            <span class="visually-hidden">{ format!(" — {}", words.shared_computer_hint) }</span>
        </label>
        { button(words.unlink_file, "unlink-file", on_unlink) }
    </> };
    HomeLine { said, tools }
}
