//! The « Colonnes » control of the actions table: one checkbox per column, the plan
//! keeping its choice.

use crate::ui::context::{use_ctx, Ctx};
use jalon::columns::{shown_columns, ActionColumn};
use jalon::edit::actions::set_column_visible;
use jalon::history::{Act, What};
use jalon::subject::Subject;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A column's heading: the documents' own words, the plan's word for its objectives.
pub fn column_name(ctx: &Ctx, column: ActionColumn) -> String {
    match column {
        ActionColumn::Objectives => match ctx.plan.level_name(ctx.plan.objective_level) {
            Some(noun) => noun.plural.clone(),
            None => ctx.tr("Objectifs", "Objectives").into(),
        },
        ActionColumn::Groups => ctx.tr("Groupes visés", "Target groups").into(),
        ActionColumn::Responsible => ctx.tr("Responsable", "Responsible").into(),
        ActionColumn::Implementation => ctx.tr("Mise en œuvre", "Implementation").into(),
        ActionColumn::Services => ctx.tr("Services concernés", "Services involved").into(),
        ActionColumn::Evaluation => ctx.tr("Mode d'évaluation", "Evaluation").into(),
        ActionColumn::Carrier => ctx.tr("Fiduciaire", "Carrying organisation").into(),
        ActionColumn::Partners => ctx.tr("Partenaires", "Partners").into(),
        ActionColumn::Schedule => ctx.tr("Échéancier", "Schedule").into(),
        ActionColumn::ExpectedResults => ctx.tr("Résultats attendus", "Expected results").into(),
        ActionColumn::Progress => ctx.tr("État d'avancement", "Progress").into(),
    }
}

#[function_component(ColumnPicker)]
pub fn column_picker() -> Html {
    let ctx = use_ctx();
    let shown = {
        let plan = ctx.plan.clone();
        use_memo(ctx.revision, move |_| shown_columns(&plan))
    };
    let boxes = ActionColumn::ALL.into_iter().map(|column| {
        let id = format!("column-{column:?}").to_lowercase();
        let on_change = ctx
            .edit_with(Act::new(What::Columns, Subject::Plan), move |plan, visible: bool| {
                set_column_visible(plan, column, visible)
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
            <summary>{ ctx.tr("Colonnes", "Columns") }</summary>
            <fieldset>
                <legend>{ ctx.tr("Colonnes affichées", "Columns shown") }</legend>
                { for boxes }
            </fieldset>
        </details>
    }
}
