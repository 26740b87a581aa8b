//! Plan files for a regional view, several at once, chosen or dropped. Each is read and
//! said for what it is (a new plan, a version of a plan kept here, the same as the one
//! kept, or refused and why); nothing changes before the coordinator takes them. Then
//! new plans join the library, other versions replace the plans they are versions of,
//! and the view follows them all.

use super::plan_import::differences;
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::store;
use gloo::file::callbacks::FileReader;
use jalon::format::{self, LoadError, MAX_FILE_BYTES};
use jalon::id::Id;
use jalon::plan::Plan;
use jalon::summary::summarize;
use jalon::text;
use std::rc::Rc;
use web_sys::HtmlInputElement;
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

#[derive(Clone, PartialEq, Default)]
struct Files {
    rows: Vec<(String, Read)>,
    /// What the last taking did.
    said: Option<String>,
}

enum Step {
    Chosen(Vec<String>),
    Read(usize, Read),
    Taken(String),
}

impl Reducible for Files {
    type Action = Step;
    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        let mut next = (*self).clone();
        match step {
            Step::Chosen(names) => {
                next.rows = names.into_iter().map(|name| (name, Read::Busy)).collect();
                next.said = None;
            }
            Step::Read(index, read) => {
                if let Some(row) = next.rows.get_mut(index) {
                    row.1 = read;
                }
            }
            Step::Taken(said) => {
                next.rows.clear();
                next.said = Some(said);
            }
        }
        Rc::new(next)
    }
}

/// What the file is beside what this browser keeps under its id.
fn classify(ctx: &Ctx, plan: Plan) -> Read {
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
    if format::save(&kept) == format::save(&plan) {
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
    let dragging = use_state(|| false);

    let read = {
        let (ctx, files, readers) = (ctx.clone(), files.dispatcher(), readers.clone());
        Callback::from(move |list: web_sys::FileList| {
            let chosen: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
            files.dispatch(Step::Chosen(chosen.iter().map(|f| f.name()).collect()));
            let mut readers = readers.borrow_mut();
            readers.clear();
            for (index, file) in chosen.into_iter().enumerate() {
                let size = file.size() as u64;
                if size > MAX_FILE_BYTES {
                    files.dispatch(Step::Read(index, Read::Refused(LoadError::TooLarge { bytes: size })));
                    continue;
                }
                let (ctx, files) = (ctx.clone(), files.clone());
                readers.push(gloo::file::callbacks::read_as_bytes(&gloo::file::File::from(file), move |result| {
                    let read = match format::load_bytes(&result.unwrap_or_default()) {
                        Ok((plan, _)) => classify(&ctx, plan),
                        Err(error) => Read::Refused(error),
                    };
                    files.dispatch(Step::Read(index, read));
                }));
            }
        })
    };
    let on_pick = {
        let read = read.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                read.emit(list);
            }
            input.set_value("");
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
                read.emit(list);
            }
        })
    };

    // A plan given twice among the files is taken once, from its first file.
    let first_of = |index: usize, id: &Id| {
        !files.rows[..index].iter().any(|(_, read)| matches!(read, Read::New(p) | Read::Replaces { plan: p, .. } | Read::Same(p) | Read::Newer(p) if p.id == *id))
    };
    let w = ctx.words();
    let rows = files.rows.iter().enumerate().map(|(index, (name, read))| {
        let (class, said) = match read {
            Read::Busy => ("", (w.reading_file)(name)),
            Read::Refused(error) => ("warn", text::load_error(error, ctx.lang)),
            Read::New(p) | Read::Replaces { plan: p, .. } | Read::Same(p) | Read::Newer(p)
                if !first_of(index, &p.id) =>
            {
                ("", (w.file_twice)(&p.title))
            }
            Read::New(p) => ("", (w.file_new_plan)(&p.title)),
            Read::Replaces { plan, what, .. } => ("warn", (w.file_updates_plan)(&plan.title, what)),
            Read::Same(p) => ("", (w.file_same_plan)(&p.title)),
            Read::Newer(p) => ("warn", (w.file_newer_plan)(&p.title)),
        };
        html! { <li class={classes!(class)}><span class="file-name">{ name }</span>{ " — " }{ said }</li> }
    });
    let busy = files.rows.iter().any(|(_, read)| *read == Read::Busy);
    let on_take = {
        let (ctx, files, on_taken) = (ctx.clone(), files.clone(), props.on_taken.clone());
        Callback::from(move |_: MouseEvent| {
            let mut taken: Vec<(Id, String)> = Vec::new();
            let mut said = Vec::new();
            for (_, read) in &files.rows {
                let (plan, base) = match read {
                    Read::New(plan) => (plan, None),
                    Read::Replaces { plan, base, .. } => (plan, base.clone()),
                    Read::Same(plan) => {
                        taken.push((plan.id.clone(), format::digest(&format::save(plan))));
                        continue;
                    }
                    _ => continue,
                };
                if taken.iter().any(|(id, _)| *id == plan.id) {
                    continue;
                }
                let digest = format::digest(&format::save(plan));
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
            ctx.dispatch.emit(crate::ui::app::Msg::Library(store::library()));
            on_taken.emit(taken);
            files.dispatch(Step::Taken(said.join(" ")));
        })
    };
    let takeable =
        files.rows.iter().any(|(_, read)| matches!(read, Read::New(_) | Read::Replaces { .. } | Read::Same(_)));

    html! {
        <section class={classes!("plan-import", "region-files", "card", dragging.then_some("dragging"))} aria-labelledby="region-files-title"
            ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
            <h2 id="region-files-title">{ w.plan_files }</h2>
            <p>{ w.plan_files_intro }</p>
            <label for="region-files" class="file-button">{ w.choose_files }</label>
            <input id="region-files" class="visually-hidden" type="file" multiple=true accept=".json,application/json" onchange={on_pick} />
            if !files.rows.is_empty() {
                <ul class="file-rows" aria-live="polite">{ for rows }</ul>
                <div class="buttons">
                    <button type="button" class="primary" disabled={busy || !takeable} onclick={on_take}>{ w.take_files }</button>
                </div>
            }
            if let Some(said) = &files.said { <p role="status" class="done">{ said }</p> }
        </section>
    }
}
