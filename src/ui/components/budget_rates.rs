//! The rate table: the daily rate of each staff category, how many contributions each
//! prices, changed in place; deleting a rate (confirmed) takes those contributions.

use super::checks::Props;
use crate::ui::components::budget_form::BudgetForm;
use crate::ui::components::confirm::Confirm;
use crate::ui::components::finding_notes::{about, FindingNotes};
use crate::ui::components::row_buttons::RowButtons;
use crate::ui::context::{fresh_id, use_ctx};
use crate::ui::drafts::use_resume;
use crate::ui::kit::line_table::line_table;
use crate::ui::kit::lines::Field;
use crate::ui::kit::row::{edit_and_close, edit_with, resume_in, set_to, use_open, Open};
use jalon::edit::budget as edit;
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::model::id::Id;
use jalon::model::money::Cents;
use jalon::model::subject::Subject;
use jalon::words::text;
use yew::prelude::*;

#[function_component(BudgetRates)]
pub fn budget_rates(props: &Props) -> Html {
    let ctx = use_ctx();
    let copy_ref = use_node_ref();
    let editing = use_open::<Id>();
    use_resume(resume_in(&editing, |place| place.strip_prefix("rate-").filter(|id| *id != "new").map(Id::new)));
    let label = ctx.words().staff_category;
    let per_day = ctx.words().rate_per_day;
    let fields = |l: &str, amount: Option<Cents>| {
        vec![Field::text("label", label, l), Field::money("amount", per_day, amount, ctx.lang)]
    };
    let set = |to: Open<Id>| set_to(&editing, to);
    let budget = &ctx.plan.budget;

    let rows = budget.rates.iter().map(|rate| {
        let id = rate.id.clone();
        let used = edit::contributions_priced_by(budget, &id);
        let named = |verb: &str| (ctx.words().named)(verb, &rate.label);
        let notes = about(&props.findings, &Subject::Rate(id.clone()));
        if editing.editing(&id) {
            let on_submit = {
                let id = id.clone();
                edit_and_close(&ctx, &editing, move |v| {
                    let (label, per_day) = (v.text("label")?, v.money("amount")?);
                    Ok((Act::new(What::Details, Subject::Rate(id.clone())), Change::UpdateRate { rate: id.clone(), label, per_day }))
                })
            };
            let on_cancel = set_to(&editing, Open::Nothing);
            html! {
                <tr key={id.to_string()}><td colspan="4">
                    <BudgetForm id={format!("rate-{id}")} name={named(ctx.words().edit)}
                        fields={fields(&rate.label, Some(rate.per_day))}
                        submit={ctx.words().save} {on_submit} on_cancel={Some(on_cancel)} />
                </td></tr>
            }
        } else if editing.deleting(&id) {
            let on_confirm = ctx.edit_on(Act::new(What::Deleted, Subject::Rate(id.clone())), Change::DeleteRate { rate: id.clone() });
            html! {
                <tr key={id.to_string()}><td colspan="4">
                    <Confirm label={named(ctx.words().delete)} message={(ctx.words().delete_rate_used)(used)}
                        yes={ctx.words().delete_rate} no={ctx.words().keep_rate} on_yes={on_confirm} on_no={set(Open::Nothing)} />
                </td></tr>
            }
        } else {
            html! {
                <tr key={id.to_string()}>
                    <th scope="row">{ &rate.label }<FindingNotes findings={notes} /></th>
                    <td class="num">{ text::money(rate.per_day, ctx.lang) }</td>
                    <td class="num">{ used }</td>
                    <td class="row-buttons">
                        <RowButtons edit_name={named(ctx.words().edit)} delete_name={named(ctx.words().delete)}
                            on_edit={set(Open::Editing(id.clone()))} on_delete={set(Open::Deleting(id.clone()))} />
                    </td>
                </tr>
            }
        }
    });
    let on_add = edit_with(&ctx, |v| {
        let (label, per_day) = (v.text("label")?, v.money("amount")?);
        let id = fresh_id("taux");
        Ok((Act::new(What::Added, Subject::Rate(id.clone())), Change::AddRate { id, label, per_day }))
    });
    let title = ctx.words().staff_rates;
    html! {
        <section class="card budget-section" aria-labelledby="rates-title">
            <h2 id="rates-title">{ title }</h2>
            if budget.rates.is_empty() {
                <p class="empty">{ ctx.words().no_rate_yet }</p>
            } else {
                { line_table(&ctx, &copy_ref, title, None, &[(label, false), (per_day, true), (ctx.words().contributions, true)],
                    html! { { for rows } }, html! {}) }
            }
            <BudgetForm id="rate-new" name={ctx.words().new_rate} fields={fields("", None)}
                submit={ctx.words().add_rate} on_submit={on_add} />
        </section>
    }
}
