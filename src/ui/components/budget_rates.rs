//! The rate table: the daily rate of each staff category, how many contributions each
//! prices, changed in place; deleting a rate (confirmed) takes those contributions.

use super::checks::Props;
use crate::ui::components::budget_form::{resume_in, set_to, BudgetForm, Field, Value};
use crate::ui::components::confirm::Confirm;
use crate::ui::components::copy_table::CopyTable;
use crate::ui::components::finding_notes::{about, FindingNotes};
use crate::ui::components::row_buttons::RowButtons;
use crate::ui::context::{fresh_id, use_ctx};
use crate::ui::drafts::use_resume;
use jalon::edit::budget as edit;
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::model::id::Id;
use jalon::model::money::Cents;
use jalon::model::subject::Subject;
use jalon::words::text;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
enum Editing {
    Rate(Id),
    ConfirmDelete(Id),
}

#[function_component(BudgetRates)]
pub fn budget_rates(props: &Props) -> Html {
    let ctx = use_ctx();
    let copy_ref = use_node_ref();
    let editing = use_state(|| None::<Editing>);
    use_resume(resume_in(&editing, |place| {
        place.strip_prefix("rate-").filter(|id| *id != "new").map(|id| Editing::Rate(Id::new(id)))
    }));
    let label = ctx.words().staff_category;
    let per_day = ctx.words().rate_per_day;
    let fields = |l: &str, amount: Option<Cents>| vec![Field::text(label, l), Field::money(per_day, amount, ctx.lang)];
    let set = |to: Option<Editing>| set_to(&editing, to);
    let budget = &ctx.plan.budget;

    let rows = budget.rates.iter().map(|rate| {
        let id = rate.id.clone();
        let used = edit::contributions_priced_by(budget, &id);
        let named = |verb: &str| (ctx.words().named)(verb, &rate.label);
        let notes = about(&props.findings, &Subject::Rate(id.clone()));
        match &*editing {
            Some(Editing::Rate(open)) if *open == id => {
                let on_submit = {
                    let (ctx, editing, id) = (ctx.clone(), editing.clone(), id.clone());
                    Callback::from(move |v: Vec<Value>| {
                        let (id, label, amount) = (id.clone(), v[0].text(), v[1].money().unwrap_or_default());
                        ctx.edit(Act::new(What::Details, Subject::Rate(id.clone())), Change::UpdateRate { rate: id, label, per_day: amount });
                        editing.set(None);
                    })
                };
                let on_cancel = { let editing = editing.clone(); Callback::from(move |_| editing.set(None)) };
                html! {
                    <tr key={id.to_string()}><td colspan="4">
                        <BudgetForm id={format!("rate-{id}")} name={named(ctx.words().edit)}
                            fields={fields(&rate.label, Some(rate.per_day))}
                            submit={ctx.words().save} {on_submit} on_cancel={Some(on_cancel)} />
                    </td></tr>
                }
            }
            Some(Editing::ConfirmDelete(open)) if *open == id => {
                let on_confirm = { let (ctx, id) = (ctx.clone(), id.clone()); Callback::from(move |_| { let id = id.clone(); ctx.edit(Act::new(What::Deleted, Subject::Rate(id.clone())), Change::DeleteRate { rate: id }) }) };
                html! {
                    <tr key={id.to_string()}><td colspan="4">
                        <Confirm label={named(ctx.words().delete)} message={(ctx.words().delete_rate_used)(used)}
                            yes={ctx.words().delete_rate} no={ctx.words().keep_rate} on_yes={on_confirm} on_no={set(None)} />
                    </td></tr>
                }
            }
            _ => html! {
                <tr key={id.to_string()}>
                    <th scope="row">{ &rate.label }<FindingNotes findings={notes} /></th>
                    <td class="num">{ text::money(rate.per_day, ctx.lang) }</td>
                    <td class="num">{ used }</td>
                    <td class="row-buttons">
                        <RowButtons edit_name={named(ctx.words().edit)} delete_name={named(ctx.words().delete)}
                            on_edit={set(Some(Editing::Rate(id.clone())))} on_delete={set(Some(Editing::ConfirmDelete(id.clone())))} />
                    </td>
                </tr>
            },
        }
    });
    let on_add = {
        let ctx = ctx.clone();
        Callback::from(move |v: Vec<Value>| {
            let (label, amount) = (v[0].text(), v[1].money().unwrap_or_default());
            let id = fresh_id("taux");
            ctx.edit(Act::new(What::Added, Subject::Rate(id.clone())), Change::AddRate { id, label, per_day: amount });
        })
    };
    let title = ctx.words().staff_rates;
    html! {
        <section class="card budget-section" aria-labelledby="rates-title">
            <h2 id="rates-title">{ title }</h2>
            if budget.rates.is_empty() {
                <p class="empty">{ ctx.words().no_rate_yet }</p>
            } else {
                <CopyTable table={copy_ref.clone()} name={AttrValue::from(title.to_string())} />
                <div ref={copy_ref.clone()} class="table-scroll" tabindex="0" role="region" aria-label={title}>
                    <table class="budget-table">
                        <caption class="visually-hidden">{ title }</caption>
                        <thead><tr>
                            <th scope="col">{ label }</th>
                            <th scope="col" class="num">{ per_day }</th>
                            <th scope="col" class="num">{ ctx.words().contributions }</th>
                            <th scope="col"><span class="visually-hidden">{ ctx.words().actions }</span></th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
            <BudgetForm id="rate-new" name={ctx.words().new_rate} fields={fields("", None)}
                submit={ctx.words().add_rate} on_submit={on_add} />
        </section>
    }
}
