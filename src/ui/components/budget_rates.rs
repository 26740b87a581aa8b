//! The rate table: the daily rate of each staff category, how many contributions each
//! prices, changed in place; deleting a rate (confirmed) takes those contributions.

use crate::ui::components::budget_form::{BudgetForm, Field, Kind, Value};
use crate::ui::components::finding_notes::{about, FindingNotes};
use crate::ui::context::{fresh_id, use_ctx};
use jalon::check::Finding;
use jalon::edit::budget as edit;
use jalon::history::{Act, What};
use jalon::id::Id;
use jalon::input;
use jalon::subject::Subject;
use jalon::text;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct Props {
    pub findings: Rc<Vec<Finding>>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Props) -> bool {
        Rc::ptr_eq(&self.findings, &other.findings)
    }
}

#[derive(Clone, PartialEq)]
enum Editing {
    Rate(Id),
    ConfirmDelete(Id),
}

#[function_component(BudgetRates)]
pub fn budget_rates(props: &Props) -> Html {
    let ctx = use_ctx();
    let editing = use_state(|| None::<Editing>);
    let label = ctx.tr("Catégorie de personnel", "Staff category");
    let per_day = ctx.tr("Taux par jour", "Rate per day");
    let fields =
        |l: String, amount: String| vec![Field::new(label, Kind::Text, l), Field::new(per_day, Kind::Money, amount)];
    let set = |to: Option<Editing>| {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(to.clone()))
    };
    let budget = &ctx.plan.budget;

    let rows = budget.rates.iter().map(|rate| {
        let id = rate.id.clone();
        let used = edit::contributions_priced_by(budget, &id);
        let named = |verb: &str| format!("{verb} « {} »", rate.label);
        let notes = about(&props.findings, &Subject::Rate(id.clone()));
        match &*editing {
            Some(Editing::Rate(open)) if *open == id => {
                let on_submit = {
                    let (ctx, editing, id) = (ctx.clone(), editing.clone(), id.clone());
                    Callback::from(move |v: Vec<Value>| {
                        let (id, label, amount) = (id.clone(), v[0].text(), v[1].money().unwrap_or_default());
                        ctx.edit(Act::new(What::Details, Subject::Rate(id.clone())), move |plan| edit::update_rate(plan, &id, &label, amount));
                        editing.set(None);
                    })
                };
                let on_cancel = { let editing = editing.clone(); Callback::from(move |_| editing.set(None)) };
                html! {
                    <tr key={id.to_string()}><td colspan="4">
                        <BudgetForm id={format!("rate-{id}")} name={named(ctx.tr("Modifier", "Edit"))}
                            fields={fields(rate.label.clone(), input::show_money(rate.per_day, ctx.lang))}
                            submit={ctx.tr("Enregistrer", "Save")} {on_submit} on_cancel={Some(on_cancel)} />
                    </td></tr>
                }
            }
            Some(Editing::ConfirmDelete(open)) if *open == id => {
                let on_confirm = { let (ctx, id) = (ctx.clone(), id.clone()); Callback::from(move |_| { let id = id.clone(); ctx.edit(Act::new(What::Deleted, Subject::Rate(id.clone())), move |plan| edit::delete_rate(plan, &id)) }) };
                html! {
                    <tr key={id.to_string()}><td colspan="4">
                        <div class="confirm" role="group" aria-label={named(ctx.tr("Supprimer", "Delete"))}>
                            <p>{ format!("{} {} {}", ctx.tr("Supprimer ce taux et les contributions en personnel qu'il évalue ?", "Delete this rate and the staff contributions it prices?"),
                                ctx.tr("Contributions touchées\u{a0}:", "Contributions affected:"), used) }</p>
                            <button type="button" class="danger" onclick={on_confirm}>{ ctx.tr("Supprimer le taux", "Delete the rate") }</button>
                            <button type="button" onclick={set(None)}>{ ctx.tr("Garder le taux", "Keep the rate") }</button>
                        </div>
                    </td></tr>
                }
            }
            _ => html! {
                <tr key={id.to_string()}>
                    <th scope="row">{ &rate.label }<FindingNotes findings={notes} /></th>
                    <td class="num">{ text::money(rate.per_day, ctx.lang) }</td>
                    <td class="num">{ used }</td>
                    <td class="row-buttons">
                        <button type="button" onclick={set(Some(Editing::Rate(id.clone())))} aria-label={named(ctx.tr("Modifier", "Edit"))}>{ ctx.tr("Modifier", "Edit") }</button>
                        <button type="button" class="danger" onclick={set(Some(Editing::ConfirmDelete(id.clone())))} aria-label={named(ctx.tr("Supprimer", "Delete"))}>{ ctx.tr("Supprimer", "Delete") }</button>
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
            ctx.edit(Act::new(What::Added, Subject::Rate(id.clone())), move |plan| {
                edit::add_rate(plan, id, &label, amount)
            });
        })
    };
    let title = ctx.tr("Taux du personnel", "Staff rates");
    html! {
        <section class="card budget-section" aria-labelledby="rates-title">
            <h2 id="rates-title">{ title }</h2>
            if budget.rates.is_empty() {
                <p class="empty">{ ctx.tr("Aucun taux : les contributions en personnel se calculent à partir de ce tableau.",
                    "No rate: staff contributions are computed from this table.") }</p>
            } else {
                <div class="table-scroll" tabindex="0" role="region" aria-label={title}>
                    <table class="budget-table">
                        <caption class="visually-hidden">{ title }</caption>
                        <thead><tr>
                            <th scope="col">{ label }</th>
                            <th scope="col" class="num">{ per_day }</th>
                            <th scope="col" class="num">{ ctx.tr("Contributions", "Contributions") }</th>
                            <th scope="col"><span class="visually-hidden">{ ctx.tr("Actions", "Actions") }</span></th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
            <BudgetForm id="rate-new" name={ctx.tr("Nouveau taux", "New rate")} fields={fields(String::new(), String::new())}
                submit={ctx.tr("Ajouter le taux", "Add the rate")} on_submit={on_add} />
        </section>
    }
}
