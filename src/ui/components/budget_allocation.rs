//! One allocation to member organisations: the amount, each organisation's weight, its
//! part computed to the cent beside the part the document states, and the checks; the
//! allocation and its shares changed in place.

use crate::ui::components::budget_form::BudgetForm;
use crate::ui::components::confirm::Confirm;
use crate::ui::components::finding_notes::{about, FindingNotes};
use crate::ui::components::row_buttons::RowButtons;
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::drafts::use_resume;
use crate::ui::kit::line_table::line_table;
use crate::ui::kit::lines::Field;
use crate::ui::kit::row::{edit_and_close, edit_with, resume_in, set_to, use_open, Open};
use crate::ui::kit::same::Same;
use jalon::calc::check::Finding;
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::model::budget::Share;
use jalon::model::id::Id;
use jalon::model::subject::Subject;
use jalon::words::text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub allocation: Id,
    pub findings: Same<Vec<Finding>>,
}

/// The allocation's rows that open: itself (edited or deleted), or an organisation's share.
#[derive(Clone, Debug, PartialEq)]
enum Row {
    Allocation,
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
        fields.push(Field::choice("organisation", ctx.words().organisation, choices, first));
    }
    fields.push(Field::weight("weight", ctx.words().weight_key, share.map(|s| s.weight), ctx.lang));
    fields.push(Field::optional_money(
        "stated",
        ctx.words().stated_part_optional,
        share.and_then(|s| s.stated),
        ctx.lang,
    ));
    fields
}

#[function_component(BudgetAllocation)]
pub fn budget_allocation(props: &Props) -> Html {
    let ctx = use_ctx();
    let copy_ref = use_node_ref();
    let editing = use_open::<Row>();
    {
        let allocation = props.allocation.clone();
        use_resume(resume_in(&editing, move |place| {
            if place == format!("alloc-{allocation}") {
                return Some(Row::Allocation);
            }
            let organisation = place.strip_prefix(&format!("share-{allocation}-")).filter(|o| *o != "new")?;
            Some(Row::Share(Id::new(organisation)))
        }));
    }
    let Some(allocation) = ctx.plan.budget.allocations.iter().find(|a| a.id == props.allocation) else {
        return html! {};
    };
    let id = allocation.id.clone();
    let set = |to: Open<Row>| set_to(&editing, to);
    let close: Callback<()> = set_to(&editing, Open::Nothing);
    let named = ctx.words().named;
    let parts = allocation.split().unwrap_or_default();
    let heading = format!("alloc-{id}-title");

    let header = match &*editing {
        Open::Editing(Row::Allocation) => {
            let on_submit = {
                let id = id.clone();
                edit_and_close(&ctx, &editing, move |v| {
                    let (label, amount) = (v.text("label")?, v.money("amount")?);
                    Ok((
                        Act::new(What::Details, Subject::Allocation(id.clone())),
                        Change::UpdateAllocation { allocation: id.clone(), label, amount },
                    ))
                })
            };
            html! {
                <BudgetForm id={format!("alloc-{id}")} name={named(ctx.words().edit, &allocation.label)}
                    fields={vec![Field::text("label", ctx.words().label, &allocation.label),
                        Field::money("amount", ctx.words().amount_allocate, Some(allocation.amount), ctx.lang)]}
                    submit={ctx.words().save} {on_submit} on_cancel={Some(close.clone())} />
            }
        }
        Open::Deleting(Row::Allocation) => {
            let on_confirm = ctx.edit_on(
                Act::new(What::Deleted, Subject::Allocation(id.clone())),
                Change::DeleteAllocation { allocation: id.clone() },
            );
            html! {
                <Confirm label={named(ctx.words().delete, &allocation.label)} message={ctx.words().delete_allocation_all_shares}
                    yes={ctx.words().delete_allocation} no={ctx.words().keep_allocation} on_yes={on_confirm} on_no={set(Open::Nothing)} />
            }
        }
        _ => html! {
            <div class="row-buttons">
                <RowButtons edit_name={named(ctx.words().edit, &allocation.label)} delete_name={named(ctx.words().delete, &allocation.label)}
                    on_edit={set(Open::Editing(Row::Allocation))} on_delete={set(Open::Deleting(Row::Allocation))} />
            </div>
        },
    };

    let rows = allocation.shares.iter().enumerate().map(|(i, share)| {
        let org = organisation_name(&ctx, &share.organisation);
        let computed = parts.get(i).copied();
        if editing.editing(&Row::Share(share.organisation.clone())) {
            let on_submit = {
                let (id, organisation) = (id.clone(), share.organisation.clone());
                edit_and_close(&ctx, &editing, move |v| {
                    let share = Share { organisation: organisation.clone(), weight: v.weight("weight")?, stated: v.optional_money("stated")? };
                    Ok((Act::new(What::Share, Subject::Allocation(id.clone())), Change::SetShare { allocation: id.clone(), share }))
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
                        on_edit={set(Open::Editing(Row::Share(share.organisation.clone())))} {on_delete} delete_word={ctx.words().remove} />
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
        let id = id.clone();
        edit_with(&ctx, move |v| {
            let organisation = Id::new(v.text("organisation")?);
            let share = Share { organisation, weight: v.weight("weight")?, stated: v.optional_money("stated")? };
            Ok((
                Act::new(What::Share, Subject::Allocation(id.clone())),
                Change::SetShare { allocation: id.clone(), share },
            ))
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
                { line_table(&ctx, &copy_ref, &allocation.label, None, &[(ctx.words().organisation, false), (ctx.words().weight, true), (ctx.words().computed_part, true), (ctx.words().stated_part, true), (ctx.words().difference, true)],
                    html! { { for rows } }, html! {
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
                    }) }
            }
            if !free.is_empty() {
                <BudgetForm id={format!("share-{id}-new")} name={named(ctx.words().new_share, &allocation.label)}
                    fields={share_fields(&ctx, None, free)} submit={ctx.words().add_share} on_submit={on_add_share} />
            }
        </section>
    }
}
