//! One allocation to member organisations: the amount, each organisation's weight, its
//! part computed to the cent beside the part the document states, and the checks; the
//! allocation and its shares changed in place.

use crate::ui::components::budget_form::{BudgetForm, Field, Kind, Value};
use crate::ui::components::finding_notes::{about, FindingNotes};
use crate::ui::context::{use_ctx, Ctx};
use jalon::budget::Share;
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
    pub allocation: Id,
    pub findings: Rc<Vec<Finding>>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Props) -> bool {
        self.allocation == other.allocation && Rc::ptr_eq(&self.findings, &other.findings)
    }
}

#[derive(Clone, PartialEq)]
enum Editing {
    Allocation,
    ConfirmDelete,
    Share(Id),
}

fn organisation_name(ctx: &Ctx, id: &Id) -> String {
    match ctx.plan.organisations.iter().find(|o| &o.id == id) {
        Some(o) if !o.code.is_empty() => format!("{} ({})", o.name, o.code),
        Some(o) => o.name.clone(),
        None => id.to_string(),
    }
}

fn share_fields(ctx: &Ctx, share: Option<&Share>, choices: Vec<(String, String)>) -> Vec<Field> {
    let first = choices.first().map_or_else(String::new, |(v, _)| v.clone());
    let mut fields = Vec::new();
    if share.is_none() {
        fields.push(Field::new(ctx.tr("Organisation", "Organisation"), Kind::Choice(choices), first));
    }
    fields.push(Field::new(
        ctx.tr("Poids dans la clé", "Weight in the key"),
        Kind::Weight,
        share.map_or_else(String::new, |s| input::show_weight(s.weight, ctx.lang)),
    ));
    fields.push(Field::new(
        ctx.tr("Part indiquée (facultatif)", "Stated part (optional)"),
        Kind::OptionalMoney,
        input::show_optional_money(share.and_then(|s| s.stated), ctx.lang),
    ));
    fields
}

#[function_component(BudgetAllocation)]
pub fn budget_allocation(props: &Props) -> Html {
    let ctx = use_ctx();
    let editing = use_state(|| None::<Editing>);
    let Some(allocation) = ctx.plan.budget.allocations.iter().find(|a| a.id == props.allocation) else {
        return html! {};
    };
    let id = allocation.id.clone();
    let set = |to: Option<Editing>| {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(to.clone()))
    };
    let close = {
        let editing = editing.clone();
        Callback::from(move |_: ()| editing.set(None))
    };
    let named = |verb: &str, what: &str| format!("{verb} « {what} »");
    let parts = allocation.split().unwrap_or_default();
    let heading = format!("alloc-{id}-title");

    let header = match &*editing {
        Some(Editing::Allocation) => {
            let on_submit = {
                let (ctx, editing, id) = (ctx.clone(), editing.clone(), id.clone());
                Callback::from(move |v: Vec<Value>| {
                    let (id, label, amount) = (id.clone(), v[0].text(), v[1].money().unwrap_or_default());
                    ctx.edit(Act::new(What::Details, Subject::Allocation(id.clone())), move |plan| {
                        edit::update_allocation(plan, &id, &label, amount)
                    });
                    editing.set(None);
                })
            };
            html! {
                <BudgetForm id={format!("alloc-{id}")} name={named(ctx.tr("Modifier", "Edit"), &allocation.label)}
                    fields={vec![Field::new(ctx.tr("Libellé", "Label"), Kind::Text, allocation.label.clone()),
                        Field::new(ctx.tr("Montant à répartir", "Amount to allocate"), Kind::Money, input::show_money(allocation.amount, ctx.lang))]}
                    submit={ctx.tr("Enregistrer", "Save")} {on_submit} on_cancel={Some(close.clone())} />
            }
        }
        Some(Editing::ConfirmDelete) => {
            let on_confirm = {
                let (ctx, id) = (ctx.clone(), id.clone());
                Callback::from(move |_| {
                    let id = id.clone();
                    ctx.edit(Act::new(What::Deleted, Subject::Allocation(id.clone())), move |plan| {
                        edit::delete_allocation(plan, &id)
                    })
                })
            };
            html! {
                <div class="confirm" role="group" aria-label={named(ctx.tr("Supprimer", "Delete"), &allocation.label)}>
                    <p>{ ctx.tr("Supprimer cette répartition et toutes ses parts ?", "Delete this allocation and all its shares?") }</p>
                    <button type="button" class="danger" onclick={on_confirm}>{ ctx.tr("Supprimer la répartition", "Delete the allocation") }</button>
                    <button type="button" onclick={set(None)}>{ ctx.tr("Garder la répartition", "Keep the allocation") }</button>
                </div>
            }
        }
        _ => html! {
            <div class="row-buttons">
                <button type="button" onclick={set(Some(Editing::Allocation))} aria-label={named(ctx.tr("Modifier", "Edit"), &allocation.label)}>{ ctx.tr("Modifier", "Edit") }</button>
                <button type="button" class="danger" onclick={set(Some(Editing::ConfirmDelete))} aria-label={named(ctx.tr("Supprimer", "Delete"), &allocation.label)}>{ ctx.tr("Supprimer", "Delete") }</button>
            </div>
        },
    };

    let rows = allocation.shares.iter().enumerate().map(|(i, share)| {
        let org = organisation_name(&ctx, &share.organisation);
        let computed = parts.get(i).copied();
        if *editing == Some(Editing::Share(share.organisation.clone())) {
            let on_submit = {
                let (ctx, editing, id, organisation) = (ctx.clone(), editing.clone(), id.clone(), share.organisation.clone());
                Callback::from(move |v: Vec<Value>| {
                    let id = id.clone();
                    let share = Share { organisation: organisation.clone(), weight: v[0].weight(), stated: v[1].money() };
                    ctx.edit(Act::new(What::Share, Subject::Allocation(id.clone())), move |plan| edit::set_share(plan, &id, share));
                    editing.set(None);
                })
            };
            return html! {
                <tr key={share.organisation.to_string()}><td colspan="6">
                    <p class="form-subject">{ &org }</p>
                    <BudgetForm id={format!("share-{id}-{}", share.organisation)} name={named(ctx.tr("Modifier la part de", "Edit the share of"), &org)}
                        fields={share_fields(&ctx, Some(share), Vec::new())} submit={ctx.tr("Enregistrer", "Save")} {on_submit} on_cancel={Some(close.clone())} />
                </td></tr>
            };
        }
        let differs = matches!((share.stated, computed), (Some(s), Some(c)) if s != c);
        let on_delete = {
            let (ctx, id, organisation) = (ctx.clone(), id.clone(), share.organisation.clone());
            Callback::from(move |_| { let (id, organisation) = (id.clone(), organisation.clone()); ctx.edit(Act::new(What::Share, Subject::Allocation(id.clone())), move |plan| edit::delete_share(plan, &id, &organisation)) })
        };
        html! {
            <tr key={share.organisation.to_string()}>
                <th scope="row">{ &org }</th>
                <td class="num">{ text::number(share.weight, 6, ctx.lang) }</td>
                <td class="num">{ computed.map_or_else(|| "—".to_string(), |c| text::money(c, ctx.lang)) }</td>
                <td class={classes!("num", differs.then_some("disagrees"))}>{ share.stated.map_or_else(|| "—".to_string(), |s| text::money(s, ctx.lang)) }</td>
                <td class="num">{ match (share.stated, computed) {
                    (Some(s), Some(c)) if s != c => text::money(s - c, ctx.lang),
                    _ => String::new(),
                } }</td>
                <td class="row-buttons">
                    <button type="button" onclick={set(Some(Editing::Share(share.organisation.clone())))} aria-label={named(ctx.tr("Modifier la part de", "Edit the share of"), &org)}>{ ctx.tr("Modifier", "Edit") }</button>
                    <button type="button" class="danger" onclick={on_delete} aria-label={named(ctx.tr("Retirer la part de", "Remove the share of"), &org)}>{ ctx.tr("Retirer", "Remove") }</button>
                </td>
            </tr>
        }
    });

    let free: Vec<(String, String)> = ctx
        .plan
        .organisations
        .iter()
        .filter(|o| !allocation.shares.iter().any(|s| s.organisation == o.id))
        .map(|o| (o.id.to_string(), organisation_name(&ctx, &o.id)))
        .collect();
    let on_add_share = {
        let (ctx, id) = (ctx.clone(), id.clone());
        Callback::from(move |v: Vec<Value>| {
            let id = id.clone();
            let share = Share { organisation: Id::new(v[0].text()), weight: v[1].weight(), stated: v[2].money() };
            ctx.edit(Act::new(What::Share, Subject::Allocation(id.clone())), move |plan| {
                edit::set_share(plan, &id, share)
            });
        })
    };
    let stated_sum = allocation.stated_sum();
    html! {
        <section class="allocation" aria-labelledby={heading.clone()}>
            <div class="category-head">
                <h3 id={heading}>{ format!("{} — {}", allocation.label, text::money(allocation.amount, ctx.lang)) }</h3>
                { header }
            </div>
            <FindingNotes findings={about(&props.findings, &Subject::Allocation(id.clone()))} />
            if !allocation.shares.is_empty() {
                <div class="table-scroll" tabindex="0" role="region" aria-label={allocation.label.clone()}>
                    <table class="budget-table">
                        <caption class="visually-hidden">{ &allocation.label }</caption>
                        <thead><tr>
                            <th scope="col">{ ctx.tr("Organisation", "Organisation") }</th>
                            <th scope="col" class="num">{ ctx.tr("Poids", "Weight") }</th>
                            <th scope="col" class="num">{ ctx.tr("Part calculée", "Computed part") }</th>
                            <th scope="col" class="num">{ ctx.tr("Part indiquée", "Stated part") }</th>
                            <th scope="col" class="num">{ ctx.tr("Écart", "Difference") }</th>
                            <th scope="col"><span class="visually-hidden">{ ctx.tr("Actions", "Actions") }</span></th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                        <tfoot><tr>
                            <th scope="row">{ ctx.tr("Total", "Total") }</th>
                            <td></td>
                            <td class="num total">{ text::money(parts.iter().copied().sum(), ctx.lang) }</td>
                            <td class="num total">{ stated_sum.map_or_else(|| "—".to_string(), |s| text::money(s, ctx.lang)) }</td>
                            <td class="num">{ match stated_sum {
                                Some(s) if s != allocation.amount => text::money(s - allocation.amount, ctx.lang),
                                _ => String::new(),
                            } }</td>
                            <td></td>
                        </tr></tfoot>
                    </table>
                </div>
            }
            if !free.is_empty() {
                <BudgetForm id={format!("share-{id}-new")} name={named(ctx.tr("Nouvelle part de", "New share of"), &allocation.label)}
                    fields={share_fields(&ctx, None, free)} submit={ctx.tr("Ajouter la part", "Add the share")} on_submit={on_add_share} />
            }
        </section>
    }
}
