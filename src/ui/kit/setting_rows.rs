//! A list of the plan's settings, two fields a row (an organisation's name and code, a
//! target group's code and label): each field changed where it is shown (kept as typed,
//! put in the plan when it is left), each row removed, and a row added below. What the
//! plan refuses is said under the field at fault.

use super::field::{field, in_place, typed_into, Field};
use crate::ui::context::use_ctx;
use crate::ui::drafts;
use jalon::edit::history::{Act, What};
use jalon::edit::{Change, Refused};
use jalon::model::subject::Subject;
use jalon::words::draft::{Field as Held, Form, Key};
use jalon::words::text;
use yew::prelude::*;

/// One of the two fields of every row.
#[derive(Clone, PartialEq)]
pub struct Column {
    pub label: &'static str,
    /// The end of its fields' ids (« name » in « org-<id>-name »).
    pub suffix: &'static str,
    pub short: bool,
}

/// A row: its fields' texts in the plan and the draft fields that change them.
#[derive(Clone, PartialEq)]
pub struct Row {
    pub key: String,
    /// The start of its fields' ids (« org-<id> »).
    pub prefix: String,
    pub fields: [(Held, String); 2],
    /// What « Supprimer » is named by for assistive technologies.
    pub name: String,
    pub delete: Change,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The section's heading id.
    pub title_id: &'static str,
    pub title: &'static str,
    #[prop_or_default]
    pub help: Option<String>,
    pub empty: &'static str,
    pub columns: [Column; 2],
    pub rows: Vec<Row>,
    /// What the plan's history calls a change here.
    pub what: What,
    /// The form that adds a row: its draft, the start of its fields' ids, its name and
    /// its button's words.
    pub new_form: Form,
    pub new_prefix: &'static str,
    pub new_name: &'static str,
    pub add: &'static str,
    /// The change that adds a row of the two texts typed.
    pub added: Callback<[String; 2], Change>,
}

#[function_component(SettingRows)]
pub fn setting_rows(props: &Props) -> Html {
    let ctx = use_ctx();
    let w = ctx.words();
    // The field whose last change was refused (its DOM id), and why.
    let refused = use_state(|| None::<(String, Refused)>);
    let new = [use_state(String::new), use_state(String::new)];
    let (kept, mark) = drafts::use_form(props.new_form.clone());
    let act = Act::new(props.what, Subject::Plan);
    let error =
        |id: &str| refused.as_ref().filter(|(f, _)| f == id).map(|(_, why)| text::refused(&ctx.plan, why, ctx.lang));
    let refuse = |id: String| {
        let refused = refused.clone();
        Callback::from(move |why: Option<Refused>| refused.set(why.map(|why| (id.clone(), why))))
    };
    let spec = |column: &Column, id: String| Field {
        error: error(&id),
        id: id.into(),
        label: column.label.into(),
        class: classes!(column.short.then_some("short")),
        ..Field::default()
    };
    let row = |row: &Row| {
        let fields = props.columns.iter().zip(&row.fields).map(|(column, (held_in, held))| {
            let id = format!("{}-{}", row.prefix, column.suffix);
            in_place(&ctx, held_in, held, spec(column, id.clone()), refuse(id))
        });
        let on_delete = {
            let (ctx, act, change, refuse) =
                (ctx.clone(), act.clone(), row.delete.clone(), refuse(row.first_id(props)));
            Callback::from(move |_: MouseEvent| refuse.emit(ctx.edit_or_refused(act.clone(), change.clone())))
        };
        html! {
            <li key={row.key.clone()} class="setting-row">
                { for fields }
                <button type="button" class="danger" onclick={on_delete} aria-label={(w.named)(w.delete, &row.name)}>
                    { w.delete }
                </button>
            </li>
        }
    };
    let new_id = |column: &Column| format!("{}-{}", props.new_prefix, column.suffix);
    let on_add = {
        let (ctx, new, added, form) = (ctx.clone(), new.clone(), props.added.clone(), props.new_form.clone());
        let act = act.clone();
        let refuse = refuse(new_id(&props.columns[0]));
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let why = ctx.edit_or_refused(act.clone(), added.emit([(*new[0]).clone(), (*new[1]).clone()]));
            if why.is_none() {
                new.iter().for_each(|typed| typed.set(String::new()));
                ctx.settle(Key::Form(form.clone()));
            }
            refuse.emit(why);
        })
    };
    let new_fields = props.columns.iter().zip(&new).map(|(column, typed)| {
        let f = spec(column, new_id(column));
        field(Field { value: (**typed).clone().into(), oninput: Some(typed_into(typed)), ..f })
    });
    html! {
        <section class="card settings-part" aria-labelledby={props.title_id}>
            <h2 id={props.title_id}>{ props.title }</h2>
            if let Some(help) = &props.help { <p class="help">{ help }</p> }
            if props.rows.is_empty() {
                <p class="help">{ props.empty }</p>
            } else {
                <ul class="setting-rows">{ for props.rows.iter().map(row) }</ul>
            }
            <form class="setting-row new" onsubmit={on_add} novalidate=true aria-label={props.new_name}
                ref={kept} data-draft={mark}>
                { for new_fields }
                <button type="submit">{ props.add }</button>
            </form>
        </section>
    }
}

impl Row {
    /// Its first field's id, where a refused deletion is said.
    fn first_id(&self, props: &Props) -> String {
        format!("{}-{}", self.prefix, props.columns[0].suffix)
    }
}
