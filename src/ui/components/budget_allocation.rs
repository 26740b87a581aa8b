//! One allocation to member organisations: the amount, each organisation's weight, its
//! part computed to the cent beside the part the document states, and the checks; the
//! allocation and its shares changed in place.

use crate::ui::components::budget_form::{resume_in, set_to, BudgetForm, Field, Value};
use crate::ui::components::confirm::Confirm;
use crate::ui::components::copy_table::CopyTable;
use crate::ui::components::finding_notes::{about, FindingNotes};
use crate::ui::components::row_buttons::RowButtons;
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::drafts::use_resume;
use jalon::calc::check::Finding;
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::model::budget::Share;
use jalon::model::id::Id;
use jalon::model::subject::Subject;
use jalon::words::text;
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
        fields.push(Field::choice(ctx.words().organisation, choices, first));
    }
    fields.push(Field::weight(ctx.words().weight_key, share.map(|s| s.weight), ctx.lang));
    fields.push(Field::optional_money(ctx.words().stated_part_optional, share.and_then(|s| s.stated), ctx.lang));
    fields
}

#[function_component(BudgetAllocation)]
pub fn budget_allocation(props: &Props) -> Html {
    let ctx = use_ctx();
    let copy_ref = use_node_ref();
    let editing = use_state(|| None::<Editing>);
    {
        let allocation = props.allocation.clone();
        use_resume(resume_in(&editing, move |place| {
            if place == format!("alloc-{allocation}") {
                return Some(Editing::Allocation);
            }
            let organisation = place.strip_prefix(&format!("share-{allocation}-")).filter(|o| *o != "new")?;
            Some(Editing::Share(Id::new(organisation)))
        }));
    }
    let Some(allocation) = ctx.plan.budget.allocations.iter().find(|a| a.id == props.allocation) else {
        return html! {};
    };
    let id = allocation.id.clone();
    let set = |to: Option<Editing>| set_to(&editing, to);
    let close: Callback<()> = set_to(&editing, None);
    let named = ctx.words().named;
    let parts = allocation.split().unwrap_or_default();
    let heading = format!("alloc-{id}-title");

    let header = match &*editing {
        Some(Editing::Allocation) => {
            let on_submit = {
                let (ctx, editing, id) = (ctx.clone(), editing.clone(), id.clone());
                Callback::from(move |v: Vec<Value>| {
                    let (id, label, amount) = (id.clone(), v[0].text(), v[1].money().unwrap_or_default());
                    ctx.edit(
                        Act::new(What::Details, Subject::Allocation(id.clone())),
                        Change::UpdateAllocation { allocation: id, label, amount },
                    );
                    editing.set(None);
                })
            };
            html! {
                <BudgetForm id={format!("alloc-{id}")} name={named(ctx.words().edit, &allocation.label)}
                    fields={vec![Field::text(ctx.words().label, &allocation.label),
                        Field::money(ctx.words().amount_allocate, Some(allocation.amount), ctx.lang)]}
                    submit={ctx.words().save} {on_submit} on_cancel={Some(close.clone())} />
            }
        }
        Some(Editing::ConfirmDelete) => {
            let on_confirm = {
                let (ctx, id) = (ctx.clone(), id.clone());
                Callback::from(move |_| {
                    let id = id.clone();
                    ctx.edit(
                        Act::new(What::Deleted, Subject::Allocation(id.clone())),
                        Change::DeleteAllocation { allocation: id },
                    )
                })
            };
            html! {
                <Confirm label={named(ctx.words().delete, &allocation.label)} message={ctx.words().delete_allocation_all_shares}
                    yes={ctx.words().delete_allocation} no={ctx.words().keep_allocation} on_yes={on_confirm} on_no={set(None)} />
            }
        }
        _ => html! {
            <div class="row-buttons">
                <RowButtons edit_name={named(ctx.words().edit, &allocation.label)} delete_name={named(ctx.words().delete, &allocation.label)}
                    on_edit={set(Some(Editing::Allocation))} on_delete={set(Some(Editing::ConfirmDelete))} />
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
                    ctx.edit(Act::new(What::Share, Subject::Allocation(id.clone())), Change::SetShare { allocation: id, share });
                    editing.set(None);
                })
            };
            return html! {
                <tr key={share.organisation.to_string()}><td colspan="6">
                    <p class="form-subject">{ &org }</p>
                    <BudgetForm id={format!("share-{id}-{}", share.organisation)} name={named(ctx.words().edit_share, &org)}
                        fields={share_fields(&ctx, Some(share), Vec::new())} submit={ctx.words().save} {on_submit} on_cancel={Some(close.clone())} />
                </td></tr>
            };
        }
        let differs = matches!((share.stated, computed), (Some(s), Some(c)) if s != c);
        let on_delete = {
            let (ctx, id, organisation) = (ctx.clone(), id.clone(), share.organisation.clone());
            Callback::from(move |_| { let (id, organisation) = (id.clone(), organisation.clone()); ctx.edit(Act::new(What::Share, Subject::Allocation(id.clone())), Change::DeleteShare { allocation: id, organisation }) })
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
                    <RowButtons edit_name={named(ctx.words().edit_share, &org)} delete_name={named(ctx.words().remove_share, &org)}
                        on_edit={set(Some(Editing::Share(share.organisation.clone())))} {on_delete} delete_word={ctx.words().remove} />
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
            ctx.edit(
                Act::new(What::Share, Subject::Allocation(id.clone())),
                Change::SetShare { allocation: id, share },
            );
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
                <CopyTable table={copy_ref.clone()} name={AttrValue::from(allocation.label.clone().to_string())} />
                <div ref={copy_ref.clone()} class="table-scroll" tabindex="0" role="region" aria-label={allocation.label.clone()}>
                    <table class="budget-table">
                        <caption class="visually-hidden">{ &allocation.label }</caption>
                        <thead><tr>
                            <th scope="col">{ ctx.words().organisation }</th>
                            <th scope="col" class="num">{ ctx.words().weight }</th>
                            <th scope="col" class="num">{ ctx.words().computed_part }</th>
                            <th scope="col" class="num">{ ctx.words().stated_part }</th>
                            <th scope="col" class="num">{ ctx.words().difference }</th>
                            <th scope="col"><span class="visually-hidden">{ ctx.words().actions }</span></th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                        <tfoot><tr>
                            <th scope="row">{ ctx.words().total }</th>
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
                <BudgetForm id={format!("share-{id}-new")} name={named(ctx.words().new_share, &allocation.label)}
                    fields={share_fields(&ctx, None, free)} submit={ctx.words().add_share} on_submit={on_add_share} />
            }
        </section>
    }
}
