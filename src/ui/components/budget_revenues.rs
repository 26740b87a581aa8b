//! The budget's revenue lines: each with its amount and its checks, changed or deleted
//! in place, their total, and a form to add one.

use crate::ui::components::budget_form::BudgetForm;
use crate::ui::components::finding_notes::{about, FindingNotes};
use crate::ui::components::row_buttons::RowButtons;
use crate::ui::context::{fresh_id, use_ctx};
use crate::ui::drafts::use_resume;
use crate::ui::kit::line_table::line_table;
use crate::ui::kit::lines::Field;
use crate::ui::kit::row::{edit_and_close, edit_with, resume_in, set_to, use_open, Open};
use crate::ui::kit::same::Same;
use jalon::calc::check::Finding;
use jalon::calc::totals::BudgetTotals;
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::model::id::Id;
use jalon::model::money::Cents;
use jalon::model::subject::Subject;
use jalon::words::text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub totals: Same<BudgetTotals>,
    pub findings: Same<Vec<Finding>>,
}

#[function_component(Revenues)]
pub fn revenues(props: &Props) -> Html {
    let ctx = use_ctx();
    let copy_ref = use_node_ref();
    let editing = use_open::<Id>();
    use_resume(resume_in(&editing, |place| place.strip_prefix("rev-").filter(|id| *id != "new").map(Id::new)));
    let label = ctx.words().label;
    let amount = ctx.words().amount;
    let fields =
        |l: &str, a: Option<Cents>| vec![Field::text("label", label, l), Field::money("amount", amount, a, ctx.lang)];

    let rows = ctx.plan.budget.revenues.iter().map(|line| {
        let id = line.id.clone();
        let notes = about(&props.findings, &Subject::Revenue(id.clone()));
        if editing.editing(&id) {
            let on_submit = {
                let id = id.clone();
                edit_and_close(&ctx, &editing, move |v| {
                    let (label, amount) = (v.text("label")?, v.money("amount")?);
                    Ok((Act::new(What::Details, Subject::Revenue(id.clone())), Change::UpdateRevenue { revenue: id.clone(), label, amount }))
                })
            };
            let on_cancel = set_to(&editing, Open::Nothing);
            return html! {
                <tr key={id.to_string()}>
                    <td colspan="3">
                        <BudgetForm id={format!("rev-{id}")} name={(ctx.words().named)(ctx.words().edit, &line.label)}
                            fields={fields(&line.label, Some(line.amount))}
                            submit={ctx.words().save} {on_submit} on_cancel={Some(on_cancel)} />
                        <FindingNotes findings={notes} />
                    </td>
                </tr>
            };
        }
        let on_edit = set_to(&editing, Open::Editing(id.clone()));
        let on_delete = ctx.edit_on(Act::new(What::Deleted, Subject::Revenue(id.clone())), Change::DeleteRevenue { revenue: id.clone() });
        let named = |verb: &str| (ctx.words().named)(verb, &line.label);
        html! {
            <tr key={id.to_string()}>
                <th scope="row">{ &line.label }<FindingNotes findings={notes} /></th>
                <td class="num">{ text::money(line.amount, ctx.lang) }</td>
                <td class="row-buttons">
                    <RowButtons edit_name={named(ctx.words().edit)} delete_name={named(ctx.words().delete)} {on_edit} {on_delete} />
                </td>
            </tr>
        }
    });

    let on_add = edit_with(&ctx, |v| {
        let (label, amount) = (v.text("label")?, v.money("amount")?);
        let id = fresh_id("revenu");
        Ok((Act::new(What::Added, Subject::Revenue(id.clone())), Change::AddRevenue { id, label, amount }))
    });
    let stated = ctx.plan.budget.stated.revenues;
    html! {
        <section class="card budget-section" aria-labelledby="revenues-title">
            <h2 id="revenues-title">{ ctx.words().revenue }</h2>
            if ctx.plan.budget.revenues.is_empty() {
                <p class="empty">{ ctx.words().no_revenue_line }</p>
            } else {
                { line_table(&ctx, &copy_ref, ctx.words().revenue, None, &[(label, false), (amount, true)],
                    html! { { for rows } }, html! {
                    <tfoot><tr>
                        <th scope="row">{ ctx.words().total_revenue }</th>
                        <td class="num total">
                            { text::money(props.totals.revenues, ctx.lang) }
                            if let Some(stated) = stated {
                                <div class="stated">{ (ctx.words().stated_amount)(&text::money(stated, ctx.lang)) }</div>
                            }
                        </td>
                        <td></td>
                    </tr></tfoot>
                    }) }
            }
            <BudgetForm id="rev-new" name={ctx.words().new_revenue_line}
                fields={fields("", None)} submit={ctx.words().add_revenue_line} on_submit={on_add} />
        </section>
    }
}
