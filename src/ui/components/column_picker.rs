//! The « Colonnes » control of the actions table: one checkbox per column, the plan
//! keeping its choice.

use crate::ui::context::{use_ctx, use_plan_memo, Ctx};
use jalon::calc::columns::{shown_columns, ActionColumn};
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::model::subject::Subject;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A column's heading: the documents' own words, the plan's word for its objectives.
pub fn column_name(ctx: &Ctx, column: ActionColumn) -> String {
    match column {
        ActionColumn::Objectives => jalon::words::text::objective_noun(&ctx.plan, ctx.lang).plural,
        ActionColumn::Groups => ctx.words().target_groups.into(),
        ActionColumn::Responsible => ctx.words().responsible.into(),
        ActionColumn::Implementation => ctx.words().implementation.into(),
        ActionColumn::Services => ctx.words().services_involved.into(),
        ActionColumn::Evaluation => ctx.words().evaluation.into(),
        ActionColumn::Carrier => ctx.words().carrying_organisation.into(),
        ActionColumn::Partners => ctx.words().partners.into(),
        ActionColumn::Schedule => ctx.words().schedule.into(),
        ActionColumn::ExpectedResults => ctx.words().expected_results.into(),
        ActionColumn::Progress => ctx.words().progress_at.into(),
    }
}

#[function_component(ColumnPicker)]
pub fn column_picker() -> Html {
    let ctx = use_ctx();
    let shown = use_plan_memo(&ctx, shown_columns);
    let boxes = ActionColumn::ALL.into_iter().map(|column| {
        let id = format!("column-{column:?}").to_lowercase();
        let on_change = ctx
            .edit_from(Act::new(What::Columns, Subject::Plan), move |visible: bool| Change::SetColumnVisible {
                column,
                visible,
            })
            .reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked());
        html! {
            <div class="choice">
                <input type="checkbox" id={id.clone()} checked={shown.contains(&column)} onchange={on_change} />
                <label for={id}>{ column_name(&ctx, column) }</label>
            </div>
        }
    });
    html! {
        <details class="column-picker">
            <summary>{ ctx.words().columns }</summary>
            <fieldset>
                <legend>{ ctx.words().columns_shown }</legend>
                { for boxes }
            </fieldset>
        </details>
    }
}
