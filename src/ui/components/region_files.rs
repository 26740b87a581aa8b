//! Plan files for a regional view, several at once, chosen or dropped. Each is read and
//! said for what it is (a new plan, a version of a plan kept here, the same as the one
//! kept, or refused and why); nothing changes before the coordinator takes them. Then
//! new plans join the library, other versions replace the plans they are versions of,
//! and the view follows them all.
//!
//! Two files may hold two versions of one plan (one id, different content): both are
//! shown, each with what it holds, and one is taken (`region::versions`), the file
//! changed last unless the coordinator keeps the other. A file identical to one chosen
//! before is said so.

use super::plan_import::differences;
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::kit::drop::DropZone;
use crate::ui::store;
use gloo::file::callbacks::FileReader;
use jalon::calc::summary::summarize;
use jalon::format::{self, LoadError, MAX_FILE_BYTES};
use jalon::model::id::Id;
use jalon::model::plan::Plan;
use jalon::region::versions::{self, Among, Chosen};
use jalon::words::text;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The plans taken, each with the digest of its file.
    pub on_taken: Callback<Vec<(Id, String)>>,
}

/// What a file is, once read.
#[derive(Clone, PartialEq)]
enum Read {
    Busy,
    Refused(LoadError),
    New(Rc<Plan>),
    /// Another version of a plan kept here: what differs, and the stored version it
    /// replaces.
    Replaces {
        plan: Rc<Plan>,
        what: String,
        base: Option<String>,
    },
    Same(Rc<Plan>),
    /// Kept here by a newer version of Jalon: left alone.
    Newer(Rc<Plan>),
}

/// A file chosen: its name, when it was last changed (milliseconds since 1970, as the
/// browser says) and what it is.
#[derive(Clone, PartialEq)]
struct Row {
    name: String,
    modified: f64,
    read: Read,
    /// The digest of the plan as Jalon writes it, once read as a plan: two files of
    /// one content, whatever their layout, have the same.
    digest: Option<String>,
}

#[derive(Clone, PartialEq, Default)]
struct Files {
    rows: Vec<Row>,
    /// The rows the coordinator kept among versions of one plan, over the rule.
    kept: Vec<usize>,
    /// What the last taking did.
    said: Option<String>,
}

enum Step {
    Chosen(Vec<(String, f64)>),
    Read(usize, Read, Option<String>),
    /// The coordinator keeps this row among the versions of its plan.
    Keep(usize),
    Taken(String),
}

impl Read {
    fn plan(&self) -> Option<&Rc<Plan>> {
        match self {
            Read::New(p) | Read::Replaces { plan: p, .. } | Read::Same(p) | Read::Newer(p) => Some(p),
            Read::Busy | Read::Refused(_) => None,
        }
    }
}

impl Files {
    /// Each row's place among the rows of its plan (`region::versions`).
    fn among(&self) -> Vec<Option<Among>> {
        let chosen: Vec<Chosen> = self
            .rows
            .iter()
            .map(|row| Chosen {
                plan: row.read.plan().zip(row.digest.as_deref()).map(|(plan, digest)| (&plan.id, digest)),
                modified: row.modified as i64,
            })
            .collect();
        versions::among(&chosen, &self.kept)
    }
}

impl Reducible for Files {
    type Action = Step;
    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        let mut next = (*self).clone();
        match step {
            Step::Chosen(files) => {
                next.rows = files
                    .into_iter()
                    .map(|(name, modified)| Row { name, modified, read: Read::Busy, digest: None })
                    .collect();
                next.kept.clear();
                next.said = None;
            }
            Step::Read(index, read, digest) => {
                if let Some(row) = next.rows.get_mut(index) {
                    row.read = read;
                    row.digest = digest;
                }
            }
            Step::Keep(index) => next.kept.push(index),
            Step::Taken(said) => {
                next.rows.clear();
                next.said = Some(said);
            }
        }
        Rc::new(next)
    }
}

/// What the file is beside what this browser keeps under its id; `saved` is the plan
/// as Jalon writes it.
fn classify(ctx: &Ctx, plan: Plan, saved: &str) -> Read {
    let plan = Rc::new(plan);
    let (kept, base) = if ctx.plan.id == plan.id {
        ((*ctx.plan).clone(), store::current_base(&plan.id))
    } else {
        match store::load_plan(&plan.id) {
            store::Stored::Plan { plan: kept, base, .. } => (*kept, Some(base)),
            store::Stored::Newer(_) => return Read::Newer(plan),
            store::Stored::Unreadable { .. } | store::Stored::Nothing => return Read::New(plan),
        }
    };
    if format::save(&kept) == saved {
        return Read::Same(plan);
    }
    let changes = differences(ctx, &summarize(&kept), &summarize(&plan), &plan);
    let what = if changes.is_empty() { ctx.words().same_counts.to_string() } else { changes.join(", ") };
    Read::Replaces { plan, what, base }
}

#[function_component(RegionFiles)]
pub fn region_files(props: &Props) -> Html {
    let ctx = use_ctx();
    let files = use_reducer(Files::default);
    // The browser's readers must live until they call back.
    let readers = use_mut_ref(Vec::<FileReader>::new);

    let read = {
        let (ctx, files, readers) = (ctx.clone(), files.dispatcher(), readers.clone());
        Callback::from(move |chosen: Vec<web_sys::File>| {
            files.dispatch(Step::Chosen(chosen.iter().map(|f| (f.name(), f.last_modified())).collect()));
            let mut readers = readers.borrow_mut();
            readers.clear();
            for (index, file) in chosen.into_iter().enumerate() {
                let size = file.size() as u64;
                if size > MAX_FILE_BYTES {
                    files.dispatch(Step::Read(index, Read::Refused(LoadError::TooLarge { bytes: size }), None));
                    continue;
                }
                let (ctx, files) = (ctx.clone(), files.clone());
                readers.push(gloo::file::callbacks::read_as_bytes(&gloo::file::File::from(file), move |result| {
                    let (read, digest) = match format::load_bytes(&result.unwrap_or_default()) {
                        Ok((plan, _)) => {
                            let saved = format::save(&plan);
                            (classify(&ctx, plan, &saved), Some(format::digest(&saved)))
                        }
                        Err(error) => (Read::Refused(error), None),
                    };
                    files.dispatch(Step::Read(index, read, digest));
                }));
            }
        })
    };
    let among = files.among();
    let w = ctx.words();
    let rows = files.rows.iter().enumerate().map(|(index, row)| {
        let name = &row.name;
        let (class, said) = match (&row.read, among[index]) {
            (Read::Busy, _) => ("", (w.reading_file)(name)),
            (Read::Refused(error), _) => ("warn", text::load_error(error, ctx.lang)),
            (read, Some(Among::Twice { first })) => {
                let title = read.plan().map(|p| p.title.as_str()).unwrap_or_default();
                ("", (w.file_twice)(title, &files.rows[first].name))
            }
            (read, Some(Among::Left { taken, why })) => {
                let (plan, kept) = (read.plan(), files.rows[taken].read.plan());
                let what = match (plan, kept) {
                    (Some(plan), Some(kept)) => {
                        let changes = differences(&ctx, &summarize(kept), &summarize(plan), plan);
                        if changes.is_empty() { w.same_counts.to_string() } else { changes.join(", ") }
                    }
                    _ => String::new(),
                };
                let title = plan.map(|p| p.title.as_str()).unwrap_or_default();
                ("warn", jalon::region::words::file_other_version(title, &what, &files.rows[taken].name, why, ctx.lang))
            }
            (read, among) => {
                let said = match read {
                    Read::New(p) => (w.file_new_plan)(&p.title),
                    Read::Replaces { plan, what, .. } => (w.file_updates_plan)(&plan.title, what),
                    Read::Same(p) => (w.file_same_plan)(&p.title),
                    Read::Newer(p) => (w.file_newer_plan)(&p.title),
                    Read::Busy | Read::Refused(_) => String::new(),
                };
                let class = if matches!(read, Read::Replaces { .. } | Read::Newer(_)) { "warn" } else { "" };
                match among {
                    Some(Among::Taken { versions, why }) if versions > 1 => {
                        (class, format!("{said}{}", jalon::region::words::version_taken(versions, why, ctx.lang)))
                    }
                    _ => (class, said),
                }
            }
        };
        let keep = matches!(among[index], Some(Among::Left { .. })).then(|| {
            let files = files.dispatcher();
            let label = (w.named)(w.keep_this_version, name);
            html! {
                <button type="button" class="keep-version" aria-label={label} onclick={Callback::from(move |_: MouseEvent| files.dispatch(Step::Keep(index)))}>
                    { w.keep_this_version }
                </button>
            }
        });
        html! { <li class={classes!(class)}><span class="file-name">{ name }</span>{ " — " }{ said }{ for keep }</li> }
    });
    let busy = files.rows.iter().any(|row| row.read == Read::Busy);
    let on_take = {
        let (ctx, files, on_taken) = (ctx.clone(), files.clone(), props.on_taken.clone());
        Callback::from(move |_: MouseEvent| {
            let mut taken: Vec<(Id, String)> = Vec::new();
            let mut said = Vec::new();
            // One file per plan: each plan's version taken (see `Files::among`).
            let among = files.among();
            for (row, among) in files.rows.iter().zip(among) {
                if !matches!(among, Some(Among::Taken { .. })) {
                    continue;
                }
                let digest = row.digest.clone().unwrap_or_default();
                let (plan, base) = match &row.read {
                    Read::New(plan) => (plan, None),
                    Read::Replaces { plan, base, .. } => (plan, base.clone()),
                    Read::Same(plan) => {
                        taken.push((plan.id.clone(), digest));
                        continue;
                    }
                    _ => continue,
                };
                if plan.id == ctx.plan.id {
                    // The open plan is replaced on screen, as opening the file would.
                    ctx.open((**plan).clone(), true, base, None);
                    taken.push((plan.id.clone(), digest));
                    continue;
                }
                match store::save_plan(plan, base.as_deref()) {
                    store::Save::Done { digest, .. } => taken.push((plan.id.clone(), digest)),
                    _ => said.push((ctx.words().file_not_kept)(&plan.title)),
                }
            }
            said.insert(0, (ctx.words().files_taken)(taken.len()));
            ctx.dispatch.emit(crate::ui::state::Msg::Library(store::library()));
            on_taken.emit(taken);
            files.dispatch(Step::Taken(said.join(" ")));
        })
    };
    let takeable =
        files.rows.iter().any(|row| matches!(row.read, Read::New(_) | Read::Replaces { .. } | Read::Same(_)));

    html! {
        <DropZone input="region-files" class="region-files" heading={w.plan_files} intro={w.plan_files_intro}
            button={w.choose_files} multiple=true on_files={read}>
            if !files.rows.is_empty() {
                <ul class="file-rows" aria-live="polite">{ for rows }</ul>
                <div class="buttons">
                    <button type="button" class="primary" disabled={busy || !takeable} onclick={on_take}>{ w.take_files }</button>
                </div>
            }
            if let Some(said) = &files.said { <p role="status" class="done">{ said }</p> }
        </DropZone>
    }
}
