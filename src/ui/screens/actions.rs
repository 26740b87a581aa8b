//! The plan's actions (moyens, activités) in one table: the columns of the reference
//! plans, shown or hidden per plan; filters; the état d'avancement and the responsible
//! edited in place; a form for the rest; add and delete (confirmed). One page of 50
//! rows is rendered at a time, so that a plan of 5 000 actions stays quick.

use crate::ui::components::action_cells::read_only;
use crate::ui::components::action_filters::ActionFilters;
use crate::ui::components::action_form::ActionForm;
use crate::ui::components::column_picker::{column_name, ColumnPicker};
use crate::ui::components::confirm::Confirm;
use crate::ui::components::pager::{clamp_page, Pager, PAGE_SIZE};
use crate::ui::components::row_buttons::RowButtons;
use crate::ui::components::sheet_tools::{SheetTools, Table as SheetTable};
use crate::ui::components::status_select::set_status;
use crate::ui::components::status_select::StatusSelect;
use crate::ui::context::{use_ctx, use_plan_memo, use_plan_memo_with, Ctx};
use crate::ui::drafts;
use crate::ui::kit::badge::{action_badge, Colour};
use crate::ui::kit::row::set_to;
use jalon::calc::columns::{shown_columns, ActionColumn};
use jalon::calc::filter::{filter, Criteria};
use jalon::calc::funding::funding_of;
use jalon::edit::history::{Act, What};
use jalon::edit::permits::Asked;
use jalon::edit::Change;
use jalon::model::action::Action;
use jalon::model::checkpoint::Checkpoint;
use jalon::model::id::Id;
use jalon::model::subject::Subject;
use jalon::words::draft::{Field, Form};
use jalon::words::text;
use std::collections::HashMap;
use yew::prelude::*;

/// What the form panel shows.
#[derive(Clone, PartialEq)]
enum Editing {
    New,
    Action(Id),
}

/// What every row reads, computed once per revision.
struct Table {
    columns: Vec<ActionColumn>,
    checkpoint: Option<Checkpoint>,
    codes: HashMap<Id, String>,
}

/// The échéancier as the plan holds it: its text, its plan years, its start and end.
/// The état d'avancement at the table's checkpoint: a list while it is open, a badge
/// once it is closed.
fn progress_cell(ctx: &Ctx, action: &Action, checkpoint: Option<&Checkpoint>) -> Html {
    let Some(checkpoint) = checkpoint else {
        return action_badge(None, ctx.lang);
    };
    let record = action.progress_at(&checkpoint.id);
    if checkpoint.closed {
        return action_badge(record, ctx.lang);
    }
    let percent = record.and_then(|r| r.percent).map(|p| text::percent(f64::from(p), ctx.lang));
    let on_change = set_status(ctx, action.id.clone(), checkpoint.id.clone());
    let current = record.map(|r| r.status);
    html! {
        <div class="progress-cell">
            <StatusSelect {current} on_change={on_change} class={classes!(current.map(Colour::class))}
                label={format!("{} — {}", ctx.words().progress_at, action.title)} />
            if let Some(percent) = percent { <span class="percent">{ percent }</span> }
        </div>
    }
}

fn responsible_cell(ctx: &Ctx, action: &Action) -> Html {
    // Kept as typed, and changed in the plan when the field loses the focus.
    let field = Field::Responsible(action.id.clone());
    let value = drafts::pending(ctx, &field).map_or_else(|| action.responsible.clone(), |(typed, _)| typed);
    html! {
        <input type="text" class="responsible" list="action-responsibles" {value}
            data-draft={drafts::mark(&field)} onchange={drafts::on_commit(ctx, &field)}
            aria-label={format!("{} — {}", ctx.words().responsible, action.title)} />
    }
}

fn cell(ctx: &Ctx, table: &Table, action: &Action, column: ActionColumn) -> Html {
    let content = match column {
        ActionColumn::Responsible => responsible_cell(ctx, action),
        ActionColumn::Progress => progress_cell(ctx, action, table.checkpoint.as_ref()),
        column => read_only(ctx, action, column, &table.codes),
    };
    html! { <td data-label={column_name(ctx, column)}>{ content }</td> }
}

/// The question before a row's deletion, and the budget lines it would leave funding
/// nothing, where some fund it.
fn delete_question(ctx: &Ctx, action: &Id) -> String {
    let asked = ctx.words().delete_action_with_progress;
    match funding_of(&ctx.plan, action) {
        funding if funding.lines == 0 => asked.to_owned(),
        funding => format!(
            "{asked} {}",
            (ctx.words().delete_action_funded)(funding.lines, &text::money(funding.planned, ctx.lang))
        ),
    }
}

fn progress_heading(ctx: &Ctx, checkpoint: Option<&Checkpoint>) -> String {
    let word = column_name(ctx, ActionColumn::Progress);
    match checkpoint {
        Some(c) if c.closed => {
            format!("{word} — {} ({}, {})", c.label, text::day(c.date, ctx.lang), ctx.words().closed_note)
        }
        Some(c) => format!("{word} — {} ({})", c.label, text::day(c.date, ctx.lang)),
        None => word,
    }
}

#[function_component(Actions)]
pub fn screen() -> Html {
    let ctx = use_ctx();
    let criteria = use_state(Criteria::default);
    let page = use_state(|| 0usize);
    let editing = use_state(|| None::<Editing>);
    let deleting = use_state(|| None::<Id>);
    {
        // An action's form resumed with what was typed in it.
        let editing = editing.clone();
        drafts::use_resume(Callback::from(move |form| match form {
            Form::Action(Some(id)) => {
                editing.set(Some(Editing::Action(id)));
                true
            }
            Form::Action(None) => {
                editing.set(Some(Editing::New));
                true
            }
            _ => false,
        }));
    }

    let table = use_plan_memo(&ctx, |plan| Table {
        columns: shown_columns(plan),
        checkpoint: plan.current_checkpoint().cloned(),
        codes: plan.distinct_codes(),
    });
    let found = use_plan_memo_with(&ctx, (*criteria).clone(), |plan, criteria| {
        let checkpoint = plan.current_checkpoint().map(|c| c.id.clone());
        filter(plan, criteria, checkpoint.as_ref())
    });
    let responsibles = use_plan_memo(&ctx, |plan| jalon::calc::filter::options(plan).responsibles);

    let plan = &ctx.plan;
    let total = plan.actions.len();
    let current_page = clamp_page(*page, found.len());
    let on_filter = {
        let (criteria, page) = (criteria.clone(), page.clone());
        Callback::from(move |next: Criteria| {
            criteria.set(next);
            page.set(0);
        })
    };
    let on_page = {
        let page = page.clone();
        Callback::from(move |to: usize| page.set(to))
    };
    let on_new = set_to(&editing, Some(Editing::New));
    let on_done = set_to(&editing, None);

    let number = |n: usize| text::number(n as f64, 0, ctx.lang);
    let count = (ctx.words().shown_of)(&number(found.len()), &number(total), &plan.action_name.plural.to_lowercase());

    let rows = found.iter().skip(current_page * PAGE_SIZE).take(PAGE_SIZE).filter_map(|index| plan.actions.get(*index)).map(|action| {
        let id = action.id.clone();
        let on_edit = set_to(&editing, Some(Editing::Action(id.clone())));
        let on_delete = set_to(&deleting, Some(id.clone()));
        let on_confirm = {
            let (ctx, deleting, id) = (ctx.clone(), deleting.clone(), id.clone());
            Callback::from(move |_: MouseEvent| {
                deleting.set(None);
                let id = id.clone();
                ctx.edit(Act::new(What::Deleted, Subject::Action(id.clone())), Change::DeleteAction { action: id });
            })
        };
        let on_keep = set_to(&deleting, None);
        let named = |verb: &str| (ctx.words().named)(verb, &action.title);
        let confirming = deleting.as_ref() == Some(&action.id);
        html! {
            <tr key={action.id.to_string()}>
                <th scope="row">
                    if let Some(code) = &action.code { <span class="code">{ code }</span> }
                    { &action.title }
                </th>
                { for table.columns.iter().map(|column| cell(&ctx, &table, action, *column)) }
                <td class="row-buttons">
                    if confirming {
                        <Confirm label={named(ctx.words().delete)} message={delete_question(&ctx, &action.id)}
                            yes={ctx.words().delete_good} no={ctx.words().keep} on_yes={on_confirm} on_no={on_keep} />
                    } else {
                        <RowButtons edit_name={named(ctx.words().edit)} delete_name={named(ctx.words().delete)} {on_edit} {on_delete}
                            deletable={ctx.may(Asked::Place(&action.id))} />
                    }
                </td>
            </tr>
        }
    });

    let form = match &*editing {
        Some(Editing::New) => html! { <ActionForm key="new" action={None::<Id>} on_done={on_done.clone()} /> },
        Some(Editing::Action(id)) => {
            html! { <ActionForm key={id.to_string()} action={Some(id.clone())} on_done={on_done.clone()} /> }
        }
        None => html! {},
    };
    let pager = html! {
        <Pager total={found.len()} page={current_page} on_page={on_page.clone()}
            label={format!("{} — {}", ctx.words().pages, plan.action_name.plural)} />
    };
    // The plan's target groups, each code with its label, once above the table.
    let legend = plan.target_groups.iter().map(|g| text::target_group(plan, &g.code)).collect::<Vec<_>>().join(" · ");
    html! {
        <section class="actions-screen" aria-labelledby="actions-title">
            <h1 id="actions-title">{ &plan.action_name.plural }</h1>
            <div class="actions-toolbar">
                <button type="button" class="primary" onclick={on_new}>{ (ctx.words().add_noun)(&plan.action_name.singular) }</button>
                <ColumnPicker />
            </div>
            <SheetTools table={SheetTable::Actions} />
            { form }
            <ActionFilters criteria={(*criteria).clone()} on_change={on_filter} />
            if !plan.target_groups.is_empty() {
                <p class="group-legend">{ (ctx.words().label_value)(ctx.words().target_groups, &legend) }</p>
            }
            <p class="filter-count" role="status">{ count }</p>
            <datalist id="action-responsibles">
                { for responsibles.iter().map(|r| html! { <option value={r.clone()} /> }) }
            </datalist>
            // Nothing found: the plan has none yet, or the filters keep none.
            if plan.actions.is_empty() {
                <p class="empty">{ (ctx.words().plan_has_none)(&plan.action_name.plural) }</p>
            } else if found.is_empty() {
                <p class="empty">{ ctx.words().no_row_matches_filters }</p>
            } else {
                { pager.clone() }
                <div class="table-scroll" tabindex="0" role="region" aria-label={plan.action_name.plural.clone()}>
                    <table class="actions-table cards-on-phone">
                        <caption class="visually-hidden">{ &plan.action_name.plural }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ &plan.action_name.singular }</th>
                                { for table.columns.iter().map(|column| html! {
                                    <th scope="col">{
                                        if *column == ActionColumn::Progress { progress_heading(&ctx, table.checkpoint.as_ref()) } else { column_name(&ctx, *column) }
                                    }</th>
                                }) }
                                <th scope="col"><span class="visually-hidden">{ ctx.words().edit_delete }</span></th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
                { pager }
            }
        </section>
    }
}
