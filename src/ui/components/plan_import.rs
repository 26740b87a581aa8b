//! Opening a plan file: with a file picker or by dropping it on the zone. Nothing
//! changes before the user has seen what the file holds (the core's summary and
//! checks) and whether it replaces a plan of this browser, and has confirmed.
//!
//! A part of a sending the open plan records is a partner's return: it is reviewed for
//! merging instead (`ReturnReview`), wherever it is opened. A part of another plan that
//! this browser keeps is that plan's return: it offers to open that plan and review it
//! there, never added as a plan. A part of a plan this browser does not keep is said
//! for what it is, and may open beside the plans (a partner's part to fill in). The
//! partners' screen opens returns only.

use super::return_review::{Merging, ReturnReview};
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::kit::drop::DropZone;
use crate::ui::kit::row::set_to;
use crate::ui::route::Route;
use crate::ui::state::{HomeEvent, Msg, Version};
use crate::ui::store::{self, Exported};
use gloo::file::callbacks::FileReader;
use jalon::calc::check::check;
use jalon::calc::summary::{summarize, Summary};
use jalon::format::{self, LoadError, MAX_FILE_BYTES};
use jalon::model::id::Id;
use jalon::model::plan::Plan;
use jalon::share::words::{self as sharing, Whole};
use jalon::share::PartOf;
use jalon::words::text;
use std::rc::Rc;
use yew::prelude::*;

/// What the zone shows after a file was chosen.
#[derive(Clone, PartialEq)]
enum Reading {
    Idle,
    Busy(String),
    Refused {
        file: String,
        error: LoadError,
    },
    Preview {
        file: String,
        plan: Rc<Plan>,
        version: u64,
        /// For a part, the plan of this browser it comes from, when kept (read once,
        /// with the file).
        whole: Option<Origin>,
        copy: Rc<Chosen>,
    },
    /// A return's merge asked for; what it brought is read from the plan's record.
    Merged(Merging),
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Opens partners' returns only: any other file is told why it is not one.
    #[prop_or_default]
    pub returns: bool,
}

/// The file as a copy of its plan: its bytes, their digest and the base it names, kept
/// here once it is opened whole (`copies`), looked for when it is merged.
#[derive(PartialEq)]
struct Chosen {
    bytes: Vec<u8>,
    digest: String,
    base: Option<String>,
}

/// What this browser already keeps under the file's id.
enum Kept {
    Nothing,
    /// A plan the file would replace (the open one as on screen), and the stored
    /// version it replaces.
    Plan(Box<Plan>, Option<String>),
    /// A plan that a newer version of Jalon saved: never replaced from here.
    Newer,
}

fn existing(ctx: &Ctx, plan: &Plan) -> Kept {
    if ctx.plan.id == plan.id {
        return Kept::Plan(Box::new((*ctx.plan).clone()), store::current_base(&plan.id));
    }
    match store::load_plan(&plan.id) {
        store::Stored::Plan { plan, base, .. } => Kept::Plan(plan, Some(base)),
        store::Stored::Newer(_) => Kept::Newer,
        // Damaged text has just been set aside: nothing is left to replace.
        store::Stored::Unreadable { .. } | store::Stored::Nothing => Kept::Nothing,
    }
}

/// « 3 objectifs de plus, 1 moyen de moins »: what differs between two summaries.
pub fn differences(ctx: &Ctx, kept: &Summary, file: &Summary, plan: &Plan) -> Vec<String> {
    let mut nouns: Vec<(jalon::model::level::Noun, usize, usize)> = plan
        .levels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            (
                l.name.clone(),
                kept.elements_per_level.get(i).copied().unwrap_or(0),
                file.elements_per_level.get(i).copied().unwrap_or(0),
            )
        })
        .collect();
    let w = ctx.words();
    let word = |(singular, plural): (&str, &str)| jalon::model::level::Noun::new(singular, plural);
    nouns.push((word(w.indicator_noun), kept.indicators, file.indicators));
    nouns.push((plan.action_name.clone(), kept.actions, file.actions));
    nouns.push((word(w.checkpoint_noun), kept.checkpoints, file.checkpoints));
    nouns.push((word(w.budget_line_noun), kept.budget_lines, file.budget_lines));
    nouns
        .into_iter()
        .filter(|(_, a, b)| a != b)
        .map(|(noun, a, b)| {
            let (count, more) = if b > a { (b - a, true) } else { (a - b, false) };
            (w.more_or_fewer)(count, &noun, more)
        })
        .collect()
}

#[function_component(PlanImport)]
pub fn plan_import(props: &Props) -> Html {
    let ctx = use_ctx();
    let reading = use_state(|| Reading::Idle);
    // Set when the user opened the plan a return belongs to, to review it there: the
    // review then says why it cannot be merged, if it cannot.
    let to_review = use_state(|| false);
    // The browser's reader must live until it calls back.
    let reader = use_mut_ref(|| None::<FileReader>);

    let read = {
        let (reading, to_review, open) = (reading.clone(), to_review.clone(), ctx.plan.clone());
        let reader = reader.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            let Some(file) = files.into_iter().next() else { return };
            to_review.set(false);
            let name = file.name();
            let size = file.size() as u64;
            if size > MAX_FILE_BYTES {
                reading.set(Reading::Refused { file: name, error: LoadError::TooLarge { bytes: size } });
                return;
            }
            reading.set(Reading::Busy(name.clone()));
            let (reading, open) = (reading.clone(), open.clone());
            let file = gloo::file::File::from(file);
            // The file's bytes go to the core as they are, as the command's do: the same
            // checks of encoding, byte-order mark and size in both.
            *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_bytes(&file, move |result| {
                let bytes = result.unwrap_or_default();
                reading.set(match format::open(&bytes) {
                    Ok(format::Opened { plan, version, base }) => {
                        let whole = whole_of(&plan, &open);
                        let mut digest = format::Digest::new();
                        digest.update(&bytes);
                        let copy = Rc::new(Chosen { digest: digest.finish(), base, bytes });
                        Reading::Preview { file: name, plan: Rc::new(plan), version, whole, copy }
                    }
                    Err(error) => Reading::Refused { file: name, error },
                });
            }));
        })
    };
    let on_cancel = set_to(&reading, Reading::Idle);

    // A return of another plan than the open one, which this browser keeps.
    let whole_kept = match &*reading {
        Reading::Preview { plan, whole: Some(whole), .. }
            if whole.records && !props.returns && whole.id != ctx.plan.id =>
        {
            plan.part.as_ref().map(|part| (part.clone(), whole.id.clone(), whole.title.clone()))
        }
        _ => None,
    };
    let body = match &*reading {
        Reading::Preview { .. } if whole_kept.is_some() => {
            review_elsewhere(&ctx, whole_kept.as_ref(), to_review.clone(), on_cancel)
        }
        Reading::Idle => html! {},
        Reading::Busy(file) => {
            html! { <p role="status">{ (ctx.words().reading_file)(file) }</p> }
        }
        Reading::Refused { file, error } => html! {
            <div class="file-refused" role="alert">
                <p><strong>{ (ctx.words().file_not_opened)(file) }</strong></p>
                <p>{ text::load_error(error, ctx.lang) }</p>
                <p>{ ctx.words().nothing_changed_here }</p>
            </div>
        },
        Reading::Preview { file, plan, .. }
            if props.returns
                || jalon::share::merge::sending_of(&ctx.plan, plan).is_ok()
                || *to_review && plan.part.as_ref().is_some_and(|part| part.plan == ctx.plan.id) =>
        {
            let on_merged = {
                let reading = reading.clone();
                Callback::from(move |merging: Merging| reading.set(Reading::Merged(merging)))
            };
            html! {
                <>
                    if !props.returns {
                        <p>{ ctx.words().return_for_open_plan }</p>
                    }
                    <ReturnReview returned={plan.clone()} file={AttrValue::from(file.clone())} {on_merged} />
                    <div class="buttons"><button type="button" onclick={on_cancel}>{ ctx.words().cancel }</button></div>
                </>
            }
        }
        Reading::Preview { file, plan, version, whole, copy } => {
            preview(&ctx, (file, plan, *version, copy), whole.as_ref(), on_cancel, reading.clone())
        }
        Reading::Merged(merging) => match merging.said(&ctx.plan, ctx.lang) {
            Some(what) => html! { <p role="status" class="done">{ what }</p> },
            None => html! {},
        },
    };
    let w = ctx.words();
    let (heading, intro, button, input) = match props.returns {
        true => (w.open_return, w.choose_return, w.choose_return_file, "return-file"),
        false => (w.open_plan_file, w.choose_plan_file_help, w.choose_file, "import-file"),
    };
    html! {
        <DropZone {input} {heading} {intro} {button} on_files={read}>{ body }</DropZone>
    }
}

/// The plan a part comes from, as this browser keeps it.
#[derive(Clone, PartialEq)]
struct Origin {
    id: Id,
    title: String,
    /// Whether it records the part's sending: the part is then its return.
    records: bool,
}

/// The plan a part comes from, the open one or one kept here; `None` for a whole plan,
/// or a plan not kept here.
fn whole_of(plan: &Plan, open: &Plan) -> Option<Origin> {
    let part = plan.part.as_ref()?;
    let kept;
    let whole = match open.id == part.plan {
        true => open,
        false => {
            kept = store::read_plan(&part.plan)?.0;
            &kept
        }
    };
    let records = jalon::share::merge::sending_of(whole, plan).is_ok();
    Some(Origin { id: whole.id.clone(), title: whole.title.clone(), records })
}

/// A return of a plan this browser keeps that is not open: what it is, and the button
/// that opens that plan, where the return is then reviewed.
fn review_elsewhere(
    ctx: &Ctx,
    whole: Option<&(PartOf, Id, String)>,
    to_review: UseStateHandle<bool>,
    on_cancel: Callback<MouseEvent>,
) -> Html {
    let Some((part, id, title)) = whole else { return html! {} };
    let said = sharing::part_of_other_plan(part, title, Whole::Records, crate::ui::local_day(part.at), ctx.lang);
    let on_open = {
        let (ctx, id) = (ctx.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some((plan, base)) = store::read_plan(&id) {
                to_review.set(true);
                // The plans' screen stays: the review shows there once the plan is open.
                ctx.open(plan, false, Some(base), None);
            }
        })
    };
    html! {
        <div class="file-preview" role="region" aria-label={ctx.words().file_contents}>
            <p class="replaces warn">{ said }</p>
            <div class="buttons">
                <button type="button" class="primary" onclick={on_open}>{ (ctx.words().open_plan_to_review)(title) }</button>
                <button type="button" onclick={on_cancel}>{ ctx.words().cancel }</button>
            </div>
        </div>
    }
}

/// The file as it would be added or replace a plan; `whole` as `whole_of` says.
fn preview(
    ctx: &Ctx,
    (file, plan, version, copy): (&str, &Rc<Plan>, u64, &Rc<Chosen>),
    whole: Option<&Origin>,
    on_cancel: Callback<MouseEvent>,
    reading: UseStateHandle<Reading>,
) -> Html {
    let summary = summarize(plan);
    let lines = text::summary_lines(plan, &summary, version, ctx.lang);
    let findings = check(plan);
    let names = text::SubjectNames::new(plan);
    let kept = existing(ctx, plan);
    let replaces = match &kept {
        Kept::Plan(kept, _) => {
            let changes = differences(ctx, &summarize(kept), &summary, plan);
            let what = if changes.is_empty() { ctx.words().same_counts.to_string() } else { changes.join(", ") };
            (ctx.words().file_replaces)(&kept.title, &what)
        }
        Kept::Newer => ctx.words().newer_plan_same_id_kept.into(),
        Kept::Nothing => ctx.words().plan_will_be_added.into(),
    };
    // A part that is no return of the open plan (which is reviewed instead): whose part
    // it is, from whom, for which checkpoint, and why it cannot be merged here.
    let other_part = plan.part.as_ref().map(|part| {
        let sent = crate::ui::local_day(part.at);
        let (title, whole) = match whole {
            Some(Origin { title, records: true, .. }) => (title.as_str(), Whole::Records),
            Some(Origin { title, records: false, .. }) => (title.as_str(), Whole::WithoutSending),
            None => (plan.title.as_str(), Whole::Absent),
        };
        (
            sharing::part_origin(plan, part, sent, ctx.lang),
            sharing::part_of_other_plan(part, title, whole, sent, ctx.lang),
        )
    });
    let newer = matches!(kept, Kept::Newer);
    let base = match &kept {
        Kept::Plan(_, base) => base.clone(),
        _ => None,
    };
    let on_confirm = {
        let (ctx, plan, reading, copy) = (ctx.clone(), plan.clone(), reading.clone(), copy.clone());
        Callback::from(move |_| {
            let mut plan = (*plan).clone();
            if newer {
                plan.id = crate::ui::context::fresh_id("plan");
                plan.title = (ctx.words().copy_title)(&plan.title);
            } else {
                // The file holds the plan as it opens: nothing to remind of until it
                // changes, and its next copies come from it.
                let earlier = store::exported(&plan.id).and_then(|e| e.at);
                let digest = format::digest(&format::save(&plan));
                let (file, base) = (Some(copy.digest.clone()), copy.base.clone());
                store::set_exported(&plan.id, &Exported { at: earlier, digest, file, base });
                crate::ui::copies::keep(&plan.id, &copy.digest, &copy.bytes, true);
            }
            ctx.open(plan, true, base.clone(), Some(Route::Dashboard));
            reading.set(Reading::Idle);
        })
    };
    let replacing = matches!(kept, Kept::Plan(..));
    // Another version of a plan kept here (a copy a synchronisation service made, a
    // downloaded copy): merged field by field rather than put in its place.
    let mergeable = replacing && plan.part.is_none();
    let sync_copy = jalon::storage::link::copy_of(file).map(|original| (ctx.words().sync_copy_of)(file, &original));
    let on_merge = {
        let (ctx, plan, reading, file, copy) =
            (ctx.clone(), plan.clone(), reading.clone(), file.to_owned(), copy.clone());
        Callback::from(move |_: MouseEvent| {
            if plan.id != ctx.plan.id {
                if let Some((kept, base)) = store::read_plan(&plan.id) {
                    ctx.open(kept, false, Some(base), Some(Route::Dashboard));
                }
            }
            reading.set(Reading::Idle);
            // The review, or the notice of what was merged, shows at the top of the page.
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            let (dispatch, plan, file, copy) = (ctx.dispatch.clone(), plan.clone(), file.clone(), copy.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let base = crate::ui::copies::base_of(&plan.id, &plan, &copy.digest, copy.base.as_deref()).await;
                dispatch.emit(Msg::Home(HomeEvent::Version(Version { plan, file, synced: None, base })));
            });
        })
    };
    html! {
        <div class="file-preview" role="region" aria-label={ctx.words().file_contents}>
            <p class="file-name">{ file }</p>
            <ul class="summary">
                { for lines.iter().map(|line| html! { <li>{ line }</li> }) }
            </ul>
            if let Some((origin, said)) = other_part {
                <p class="part-origin"><strong>{ origin }</strong></p>
                <p class="replaces warn part-elsewhere">{ said }</p>
            }
            <p class={classes!("replaces", (replacing || newer).then_some("warn"))}>{ replaces }</p>
            if let (true, Some(said)) = (mergeable, sync_copy.as_ref()) {
                <p class="replaces warn sync-copy">{ said }</p>
            }
            if !findings.is_empty() {
                <details open=true>
                    <summary>{ format!("{} ({})", ctx.words().checks, findings.len()) }</summary>
                    <ul>
                        { for findings.iter().take(20).map(|f| html! {
                            <li>{ format!("{} — {}", names.name(plan, &f.subject(), ctx.lang), text::finding(plan, f, ctx.lang)) }</li>
                        }) }
                    </ul>
                </details>
            }
            <div class="buttons">
                if mergeable {
                    <button type="button" class="primary" onclick={on_merge}>{ ctx.words().merge_with_kept }</button>
                }
                <button type="button" class={classes!((!mergeable).then_some("primary"))} onclick={on_confirm}>
                    { match (replacing, newer) {
                        (true, _) => ctx.words().replace_file,
                        (_, true) => ctx.words().add_copy,
                        _ => ctx.words().add_plan,
                    } }
                </button>
                <button type="button" onclick={on_cancel}>{ ctx.words().cancel }</button>
            </div>
        </div>
    }
}
