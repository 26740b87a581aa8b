//! Excel in and out for one table of the plan (its actions or its indicators): the
//! table as a CSV file for Excel, copied for pasting into Excel, and rows read back
//! from a CSV file or from cells pasted from Excel, with a preview of what each row
//! does; nothing changes before the user confirms, and the import is one undo step.

use crate::ui::context::{fresh_id, use_ctx, Ctx};
use crate::ui::download::download;
use crate::ui::kit::file_pick::file_pick;
use gloo::file::callbacks::FileReader;
use jalon::edit::history::{Act, What};
use jalon::model::id::Id;
use jalon::model::subject::Subject;
use jalon::sheet::actions::{self, ActionField, Options};
use jalon::sheet::fields::{guess, Field, Mapping};
use jalon::sheet::indicators::{self, IndicatorField};
use jalon::sheet::{read, write, Outcome, Preview, Read, Sheet};
use jalon::words::text;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Which table of the plan.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Actions,
    Indicators,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub table: Table,
}

/// How many rows the preview shows; every problem is listed below it.
const PREVIEW_ROWS: usize = 20;

impl Table {
    fn headers(self, ctx: &Ctx) -> Vec<String> {
        match self {
            Table::Actions => ActionField::ALL.iter().map(|f| f.header(&ctx.plan, ctx.lang)).collect(),
            Table::Indicators => IndicatorField::ALL.iter().map(|f| f.header(&ctx.plan, ctx.lang)).collect(),
        }
    }

    /// Each column's field, as an index into the table's fields.
    fn guess(self, ctx: &Ctx, header: &[String]) -> Vec<Option<usize>> {
        fn indices<F: Field>(mapping: Mapping<F>) -> Vec<Option<usize>> {
            mapping.into_iter().map(|f| f.and_then(|f| F::ALL.iter().position(|g| *g == f))).collect()
        }
        match self {
            Table::Actions => indices(guess::<ActionField>(header, &ctx.plan)),
            Table::Indicators => indices(guess::<IndicatorField>(header, &ctx.plan)),
        }
    }

    fn sheet(self, ctx: &Ctx, checkpoint: Option<&Id>) -> Sheet {
        match self {
            Table::Actions => actions::export(&ctx.plan, checkpoint, ctx.lang),
            Table::Indicators => indicators::export(&ctx.plan, ctx.lang),
        }
    }

    fn preview(
        self,
        ctx: &Ctx,
        read: &Read,
        mapping: &[Option<usize>],
        under: Option<&Id>,
        checkpoint: Option<&Id>,
    ) -> Preview {
        fn fields<F: Field>(mapping: &[Option<usize>]) -> Mapping<F> {
            mapping.iter().map(|i| i.and_then(|i| F::ALL.get(i).copied())).collect()
        }
        match self {
            Table::Actions => {
                let options = Options { under: under.cloned(), checkpoint: checkpoint.cloned() };
                actions::preview(&ctx.plan, read, &fields(mapping), &options, &mut || fresh_id("action"))
            }
            Table::Indicators => {
                indicators::preview(&ctx.plan, read, &fields(mapping), under, &mut || fresh_id("indicator"))
            }
        }
    }

    fn file_name(self, ctx: &Ctx) -> String {
        let what = match self {
            Table::Actions => ctx.plan.action_name.plural.clone(),
            Table::Indicators => ctx.words().indicators.to_owned(),
        };
        let name: String = format!("{} - {} - {}.csv", ctx.plan.title, what, ctx.today)
            .chars()
            .map(|c| if "\\/:*?\"<>|".contains(c) { '-' } else { c })
            .collect();
        name
    }
}

/// Puts `text` on the clipboard; `done` hears whether the browser took it.
pub fn copy(text: &str, done: Callback<bool>) {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        done.emit(false);
        return;
    };
    let (yes, no) = (done.clone(), done);
    let ok = Closure::once(move |_: wasm_bindgen::JsValue| yes.emit(true));
    let failed = Closure::once(move |_: wasm_bindgen::JsValue| no.emit(false));
    let _ = clipboard.write_text(text).then2(&ok, &failed);
    ok.forget();
    failed.forget();
}

/// What the import panel holds: the table read, and the user's choices.
#[derive(Clone, PartialEq)]
struct Reading {
    read: Rc<Read>,
    /// The file's name, or none for pasted cells.
    file: Option<String>,
    mapping: Vec<Option<usize>>,
}

#[function_component(SheetTools)]
pub fn sheet_tools(props: &Props) -> Html {
    let ctx = use_ctx();
    let table = props.table;
    let w = ctx.words();
    let checkpoint = use_state(|| ctx.plan.current_checkpoint().map(|c| c.id.clone()));
    let copied = use_state(|| None::<bool>);
    let importing = use_state(|| false);
    let reading = use_state(|| None::<Reading>);
    let refused = use_state(|| None::<String>);
    let under = use_state(|| None::<Id>);
    let pasted = use_node_ref();
    let reader = use_mut_ref(|| None::<FileReader>);

    let on_export = {
        let (ctx, checkpoint) = (ctx.clone(), checkpoint.clone());
        Callback::from(move |_: MouseEvent| {
            let sheet = table.sheet(&ctx, checkpoint.as_ref());
            let bytes = write::csv(&sheet, ctx.lang);
            let text = String::from_utf8(bytes).unwrap_or_default();
            download(&table.file_name(&ctx), &text, "text/csv;charset=utf-8");
        })
    };
    let on_copy = {
        let (ctx, checkpoint, copied) = (ctx.clone(), checkpoint.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let text = write::copied(&table.sheet(&ctx, checkpoint.as_ref()), ctx.lang);
            let copied = copied.clone();
            copy(&text, Callback::from(move |ok| copied.set(Some(ok))));
        })
    };
    let on_checkpoint = {
        let checkpoint = checkpoint.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            checkpoint.set((!value.is_empty()).then(|| Id::new(value)));
        })
    };
    let take = {
        let (ctx, reading, refused, checkpoint) = (ctx.clone(), reading.clone(), refused.clone(), checkpoint.clone());
        Callback::from(move |(result, file): (Result<Read, read::Unreadable>, Option<String>)| match result {
            Ok(read) => {
                let mapping = table.guess(&ctx, &read.sheet.header);
                if let Some(found) = actions::checkpoint_in(&ctx.plan, &read.sheet.header) {
                    checkpoint.set(Some(found));
                }
                refused.set(None);
                reading.set(Some(Reading { read: Rc::new(read), file, mapping }));
            }
            Err(problem) => {
                reading.set(None);
                refused.set(Some(jalon::sheet::words::unreadable(&problem, file.as_deref(), ctx.lang)));
            }
        })
    };
    let on_file = {
        let (take, reader, lang) = (take.clone(), reader.clone(), ctx.lang);
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                let name = file.name();
                let take = take.clone();
                let file = gloo::file::File::from(file);
                *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_bytes(&file, move |bytes| {
                    take.emit((read::read_bytes(&bytes.unwrap_or_default(), lang), Some(name)));
                }));
            }
            input.set_value("");
        })
    };
    let on_paste = {
        let (take, pasted, lang) = (take.clone(), pasted.clone(), ctx.lang);
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = pasted.cast::<HtmlTextAreaElement>() {
                take.emit((read::read(&area.value(), lang), None));
            }
        })
    };
    let on_toggle = {
        let importing = importing.clone();
        Callback::from(move |_: MouseEvent| importing.set(!*importing))
    };
    let on_cancel = {
        let (reading, importing) = (reading.clone(), importing.clone());
        Callback::from(move |_: MouseEvent| {
            reading.set(None);
            importing.set(false);
        })
    };

    let preview =
        reading.as_ref().map(|r| table.preview(&ctx, &r.read, &r.mapping, under.as_ref(), checkpoint.as_ref()));
    let on_confirm = {
        let (ctx, reading, importing, preview) = (ctx.clone(), reading.clone(), importing.clone(), preview.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(preview) = preview.as_ref().filter(|p| p.is_clean() && !p.changes.is_empty()) {
                ctx.edit(Act::new(What::Imported, Subject::Plan), preview.change());
                reading.set(None);
                importing.set(false);
            }
        })
    };

    let checkpoint_select = html! {
        <label class="sheet-checkpoint">{ w.sheet_progress_at }
            <select onchange={on_checkpoint}>
                <option value="" selected={checkpoint.is_none()}>{ w.sheet_no_progress }</option>
                { for ctx.plan.checkpoints.iter().map(|c| html! {
                    <option value={c.id.to_string()} selected={checkpoint.as_ref() == Some(&c.id)}>
                        { format!("{} ({})", c.label, text::day(c.date, ctx.lang)) }
                    </option>
                }) }
            </select>
        </label>
    };
    let copied_note = match *copied {
        Some(true) => html! { <p class="sheet-copied" role="status">{ w.sheet_copied }</p> },
        Some(false) => html! { <p class="sheet-copied" role="alert">{ w.sheet_copy_refused }</p> },
        None => html! { <p class="sheet-copied" role="status"></p> },
    };
    let import_panel = if *importing {
        let body = match (&*reading, &preview) {
            (Some(reading_now), Some(preview)) => {
                mapping_and_preview(&ctx, table, reading_now, preview, &reading, &under, on_confirm, on_cancel.clone())
            }
            _ => html! {},
        };
        html! {
            <div class="sheet-import" role="group" aria-label={w.sheet_import}>
                <p>{ w.sheet_import_help }</p>
                { file_pick("sheet-file", w.sheet_file, ".csv,.txt,.tsv,text/csv,text/plain", false, on_file) }
                <label class="sheet-paste">{ w.sheet_paste }
                    <textarea ref={pasted} rows="4" />
                </label>
                <button type="button" onclick={on_paste}>{ w.sheet_read_pasted }</button>
                if let Some(message) = &*refused {
                    <p class="error" role="alert">{ message }</p>
                }
                { body }
            </div>
        }
    } else {
        html! {}
    };
    html! {
        <div class="sheet-tools">
            if table == Table::Actions { { checkpoint_select } }
            <button type="button" onclick={on_export}>{ w.sheet_export }</button>
            <button type="button" onclick={on_copy}>{ w.sheet_copy }</button>
            <button type="button" aria-expanded={importing.to_string()} onclick={on_toggle}>{ w.sheet_import }</button>
            { copied_note }
            { import_panel }
        </div>
    }
}

/// The columns' fields, the rows' landing place, and the preview with its problems.
#[allow(clippy::too_many_arguments)]
fn mapping_and_preview(
    ctx: &Ctx,
    table: Table,
    current: &Reading,
    preview: &Preview,
    reading: &UseStateHandle<Option<Reading>>,
    under: &UseStateHandle<Option<Id>>,
    on_confirm: Callback<MouseEvent>,
    on_cancel: Callback<MouseEvent>,
) -> Html {
    let w = ctx.words();
    let fields = table.headers(ctx);
    let columns = current.read.sheet.header.iter().enumerate().map(|(column, header)| {
        let on_change = {
            let (reading, current) = (reading.clone(), current.clone());
            Callback::from(move |e: Event| {
                let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                let mut next = current.clone();
                next.mapping[column] = value.parse().ok();
                reading.set(Some(next));
            })
        };
        let chosen = current.mapping.get(column).copied().flatten();
        let id = format!("sheet-column-{column}");
        html! {
            <li>
                <label for={id.clone()}>{ (w.sheet_column_reads)(header) }</label>
                <select id={id} onchange={on_change}>
                    <option value="" selected={chosen.is_none()}>{ w.sheet_not_read }</option>
                    { for fields.iter().enumerate().map(|(i, name)| html! {
                        <option value={i.to_string()} selected={chosen == Some(i)}>{ name }</option>
                    }) }
                </select>
            </li>
        }
    });
    let codes = ctx.plan.codes();
    let on_under = {
        let under = under.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            under.set((!value.is_empty()).then(|| Id::new(value)));
        })
    };
    let objective_word = text::objective_noun(&ctx.plan, ctx.lang).singular;
    let count = |pick: fn(&Outcome) -> bool| preview.rows.iter().filter(|(_, o)| pick(o)).count();
    let summary = (w.sheet_summary)(
        count(|o| matches!(o, Outcome::New(_))),
        count(|o| matches!(o, Outcome::Updated { .. })),
        count(|o| matches!(o, Outcome::Unchanged(_))),
        count(|o| matches!(o, Outcome::Refused(_))),
    );
    let problems: Vec<String> = preview
        .rows
        .iter()
        .filter_map(|(_, o)| match o {
            Outcome::Refused(problems) => {
                Some(problems.iter().map(|(at, p)| jalon::sheet::words::problem(&ctx.plan, at, p, ctx.lang)))
            }
            _ => None,
        })
        .flatten()
        .collect();
    // A long text (a comment) is cut: the preview says what changes, not all of it.
    let cell = |text: &str| match text.char_indices().nth(80) {
        _ if text.is_empty() => w.sheet_empty.to_owned(),
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    };
    let outcome = |o: &Outcome| match o {
        Outcome::New(name) => (html! { w.sheet_new }, name.clone(), "new"),
        Outcome::Updated { name, fields } => (
            html! { <>{ w.sheet_updated }<ul class="sheet-changes">{ for fields.iter().map(|c| html! {
                <li>{ (w.sheet_change)(&c.column, &cell(&c.before), &cell(&c.after)) }</li>
            }) }</ul></> },
            name.clone(),
            "updated",
        ),
        Outcome::Unchanged(name) => (html! { w.sheet_unchanged }, name.clone(), "unchanged"),
        Outcome::Refused(_) => (html! { w.sheet_refused }, String::new(), "refused"),
    };
    let rows = preview.rows.iter().take(PREVIEW_ROWS).map(|(row, o)| {
        let (what, name, class) = outcome(o);
        html! {
            <tr class={class}>
                <td data-label={w.sheet_row}>{ row }</td><td data-label={w.title}>{ name }</td><td data-label={w.sheet_what}>{ what }</td>
            </tr>
        }
    });
    let can_confirm = preview.is_clean() && !preview.changes.is_empty();
    let source = current.file.clone().unwrap_or_else(|| w.sheet_pasted_cells.to_owned());
    html! {
        <>
            <h3>{ (w.sheet_read_from)(&source, current.read.sheet.rows.len()) }</h3>
            <fieldset class="sheet-mapping">
                <legend>{ w.sheet_columns }</legend>
                <ul>{ for columns }</ul>
            </fieldset>
            <label class="sheet-under">{ (w.sheet_rows_under)(&objective_word) }
                <select onchange={on_under}>
                    <option value="" selected={under.is_none()}>{ w.sheet_under_code_column }</option>
                    { for ctx.plan.objectives().map(|o| html! {
                        <option value={o.id.to_string()} selected={under.as_ref() == Some(&o.id)}>
                            { format!("{} {}", codes.get(&o.id).cloned().unwrap_or_default(), o.title) }
                        </option>
                    }) }
                </select>
            </label>
            <p class="sheet-summary" role="status">{ summary }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label={w.sheet_preview}>
                <table class="sheet-preview cards-on-phone">
                    <caption>{ w.sheet_preview }</caption>
                    <thead><tr>
                        <th scope="col">{ w.sheet_row }</th><th scope="col">{ w.title }</th><th scope="col">{ w.sheet_what }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if !problems.is_empty() {
                <div class="sheet-problems" role="alert">
                    <p>{ w.sheet_fix_first }</p>
                    <ul>{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                </div>
            } else if preview.changes.is_empty() {
                <p class="sheet-nothing">{ w.sheet_nothing_changes }</p>
            }
            <div class="form-buttons">
                <button type="button" class="primary" disabled={!can_confirm} onclick={on_confirm}>
                    { (w.sheet_confirm)(preview.changes.len()) }
                </button>
                <button type="button" onclick={on_cancel}>{ w.cancel }</button>
            </div>
        </>
    }
}
