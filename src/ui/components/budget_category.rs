//! One expense category: its lines with their direct amounts, staff contributions
//! (participants × days × rate beside the stated amount), totals, spending and checks,
//! each changed in place; the category's totals; forms to add a line or a contribution.

use crate::ui::components::budget_form::{BudgetForm, Field, Kind, Value};
use crate::ui::components::finding_notes::{about, FindingNotes};
use crate::ui::context::{fresh_id, use_ctx, Ctx};
use jalon::budget::{Amounts, BudgetTotals, ExpenseLine, StaffContribution};
use jalon::check::Finding;
use jalon::edit::budget::{self as edit, ExpenseFields};
use jalon::history::{Act, What};
use jalon::id::Id;
use jalon::input;
use jalon::money::Cents;
use jalon::subject::Subject;
use jalon::text;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct Props {
    pub category: Id,
    pub totals: Rc<BudgetTotals>,
    pub findings: Rc<Vec<Finding>>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Props) -> bool {
        self.category == other.category
            && Rc::ptr_eq(&self.totals, &other.totals)
            && Rc::ptr_eq(&self.findings, &other.findings)
    }
}

/// What is open for editing in the category.
#[derive(Clone, PartialEq)]
enum Editing {
    Rename,
    ConfirmDelete,
    Line(Id),
    Staff(Id, usize),
    NewStaff(Id),
}

const COLUMNS: &str = "7";

fn line_fields(ctx: &Ctx, line: Option<&ExpenseLine>, category: &Id) -> Vec<Field> {
    let mut fields =
        vec![Field::new(ctx.tr("Libellé", "Label"), Kind::Text, line.map_or_else(String::new, |l| l.label.clone()))];
    if line.is_some() {
        let categories = ctx.plan.budget.categories.iter().map(|c| (c.id.to_string(), c.label.clone())).collect();
        fields.push(Field::new(ctx.tr("Catégorie", "Category"), Kind::Choice(categories), category.to_string()));
    }
    fields.push(Field::new(
        ctx.tr("Prévu (dépenses directes)", "Planned (direct expenses)"),
        Kind::Money,
        line.map_or_else(String::new, |l| input::show_money(l.planned, ctx.lang)),
    ));
    fields.push(Field::new(
        ctx.tr("Dépensé (facultatif)", "Spent (optional)"),
        Kind::OptionalMoney,
        input::show_optional_money(line.and_then(|l| l.spent), ctx.lang),
    ));
    fields
}

fn staff_fields(ctx: &Ctx, contribution: Option<&StaffContribution>) -> Vec<Field> {
    let rates = ctx
        .plan
        .budget
        .rates
        .iter()
        .map(|r| (r.id.to_string(), format!("{} ({})", r.label, text::money(r.per_day, ctx.lang))))
        .collect();
    let first_rate = ctx.plan.budget.rates.first().map_or_else(String::new, |r| r.id.to_string());
    vec![
        Field::new(
            ctx.tr("Taux", "Rate"),
            Kind::Choice(rates),
            contribution.map_or(first_rate, |c| c.rate.to_string()),
        ),
        Field::new(
            ctx.tr("Participants", "Participants"),
            Kind::Participants,
            contribution.map_or_else(String::new, |c| input::show_count(c.participants, ctx.lang)),
        ),
        Field::new(
            ctx.tr("Jours", "Days"),
            Kind::Days,
            contribution.map_or_else(String::new, |c| input::show_days(c.days, ctx.lang)),
        ),
        Field::new(
            ctx.tr("Montant indiqué (facultatif)", "Stated amount (optional)"),
            Kind::OptionalMoney,
            input::show_optional_money(contribution.and_then(|c| c.stated), ctx.lang),
        ),
    ]
}

fn contribution_of(values: &[Value]) -> StaffContribution {
    StaffContribution {
        rate: Id::new(values[0].text()),
        participants: values[1].count(),
        days: values[2].days(),
        stated: values[3].money(),
    }
}

/// « Professionnels : 10 × 5 jours × 280,00 $ = 14 000,00 $ ; indiqué 8 400,00 $ (écart de −5 600,00 $) ».
fn contribution_text(ctx: &Ctx, c: &StaffContribution) -> Html {
    let rates = ctx.plan.budget.rate_table();
    let rate = rates.get(&c.rate);
    let name = rate.map_or_else(|| c.rate.to_string(), |r| r.label.clone());
    let computed = rates.amount(c);
    let formula = match rate {
        Some(r) => format!(
            "{} × {} {} × {} = {}",
            c.participants,
            text::number(c.days.as_f64(), 1, ctx.lang),
            ctx.tr("jours", "days"),
            text::money(r.per_day, ctx.lang),
            text::money(computed.unwrap_or_default(), ctx.lang)
        ),
        None => ctx.tr("taux introuvable", "rate not found").into(),
    };
    let differs = matches!((c.stated, computed), (Some(s), Some(k)) if s != k);
    html! {
        <span class="contribution">
            <span class="staff-name">{ name }</span>{ ctx.tr("\u{a0}: ", ": ") }
            <span class="formula">{ formula }</span>
            if let Some(stated) = c.stated {
                <span class={classes!("stated", differs.then_some("disagrees"))}>
                    { format!(" ; {} {}", ctx.tr("indiqué", "stated"), text::money(stated, ctx.lang)) }
                    if differs {
                        { format!(" ({} {})", ctx.tr("écart de", "a difference of"), text::money(stated - computed.unwrap_or_default(), ctx.lang)) }
                    }
                </span>
            }
        </span>
    }
}

fn amount_cells(ctx: &Ctx, amounts: Amounts, stated_total: Option<Cents>) -> Html {
    let money = |c: Cents| text::money(c, ctx.lang);
    html! {
        <>
            <td class="num">{ money(amounts.planned) }</td>
            <td class="num">{ money(amounts.staff) }</td>
            <td class="num total">
                { money(amounts.total()) }
                if let Some(stated) = stated_total {
                    <div class="stated">{ format!("{} {}", ctx.tr("indiqué\u{a0}:", "stated:"), money(stated)) }</div>
                }
            </td>
            <td class="num">{ money(amounts.spent) }</td>
            <td class={classes!("num", (amounts.remaining() < Cents::ZERO).then_some("overspent"))}>{ money(amounts.remaining()) }</td>
        </>
    }
}

#[function_component(BudgetCategory)]
pub fn budget_category(props: &Props) -> Html {
    let ctx = use_ctx();
    let editing = use_state(|| None::<Editing>);
    let budget = &ctx.plan.budget;
    let Some(category) = budget.categories.iter().find(|c| c.id == props.category) else { return html! {} };
    let lines: Vec<(usize, &ExpenseLine)> =
        budget.expenses.iter().enumerate().filter(|(_, l)| l.category == category.id).collect();
    let set = |to: Option<Editing>| {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(to.clone()))
    };
    let close = {
        let editing = editing.clone();
        Callback::from(move |_: ()| editing.set(None))
    };
    let named = |verb: &str, what: &str| format!("{verb} « {what} »");
    let heading = format!("cat-{}-title", category.id);

    let header = match &*editing {
        Some(Editing::Rename) => {
            let on_submit = {
                let (ctx, editing, id) = (ctx.clone(), editing.clone(), category.id.clone());
                Callback::from(move |v: Vec<Value>| {
                    let (id, label) = (id.clone(), v[0].text());
                    ctx.edit(Act::new(What::Title, Subject::Category(id.clone())), move |plan| {
                        edit::rename_category(plan, &id, &label)
                    });
                    editing.set(None);
                })
            };
            html! {
                <BudgetForm id={format!("cat-{}", category.id)} name={named(ctx.tr("Renommer", "Rename"), &category.label)}
                    fields={vec![Field::new(ctx.tr("Nom de la catégorie", "Category name"), Kind::Text, category.label.clone())]}
                    submit={ctx.tr("Enregistrer", "Save")} {on_submit} on_cancel={Some(close.clone())} />
            }
        }
        Some(Editing::ConfirmDelete) => {
            let on_confirm = {
                let (ctx, id) = (ctx.clone(), category.id.clone());
                Callback::from(move |_| {
                    let id = id.clone();
                    ctx.edit(Act::new(What::Deleted, Subject::Category(id.clone())), move |plan| {
                        edit::delete_category(plan, &id)
                    })
                })
            };
            html! {
                <div class="confirm" role="group" aria-label={named(ctx.tr("Supprimer", "Delete"), &category.label)}>
                    <p>{ format!("{} ({} {})", ctx.tr("Supprimer cette catégorie et toutes ses lignes de dépenses ?", "Delete this category and all its expense lines?"),
                        ctx.tr("lignes\u{a0}:", "lines:"), lines.len()) }</p>
                    <button type="button" class="danger" onclick={on_confirm}>{ ctx.tr("Supprimer la catégorie", "Delete the category") }</button>
                    <button type="button" onclick={set(None)}>{ ctx.tr("Garder la catégorie", "Keep the category") }</button>
                </div>
            }
        }
        _ => html! {
            <div class="row-buttons">
                <button type="button" onclick={set(Some(Editing::Rename))} aria-label={named(ctx.tr("Renommer", "Rename"), &category.label)}>{ ctx.tr("Renommer", "Rename") }</button>
                <button type="button" class="danger" onclick={set(Some(Editing::ConfirmDelete))} aria-label={named(ctx.tr("Supprimer", "Delete"), &category.label)}>{ ctx.tr("Supprimer", "Delete") }</button>
            </div>
        },
    };

    let line_rows = lines.iter().map(|(index, line)| {
        let totals = props.totals.lines.get(*index).map(|t| t.amounts).unwrap_or_default();
        let notes = about(&props.findings, &Subject::Expense(line.id.clone()));
        let id = line.id.clone();
        let main_row = if *editing == Some(Editing::Line(id.clone())) {
            let on_submit = {
                let (ctx, editing, id) = (ctx.clone(), editing.clone(), id.clone());
                Callback::from(move |v: Vec<Value>| {
                    let id = id.clone();
                    let fields = ExpenseFields { label: v[0].text(), category: Id::new(v[1].text()), planned: v[2].money().unwrap_or_default(), spent: v[3].money() };
                    ctx.edit(Act::new(What::Details, Subject::Expense(id.clone())), move |plan| edit::update_expense(plan, &id, fields));
                    editing.set(None);
                })
            };
            html! {
                <tr class="editing"><td colspan={COLUMNS}>
                    <BudgetForm id={format!("dep-{id}")} name={named(ctx.tr("Modifier", "Edit"), &line.label)}
                        fields={line_fields(&ctx, Some(line), &line.category)} submit={ctx.tr("Enregistrer", "Save")} {on_submit} on_cancel={Some(close.clone())} />
                </td></tr>
            }
        } else {
            let on_delete = { let (ctx, id) = (ctx.clone(), id.clone()); Callback::from(move |_| { let id = id.clone(); ctx.edit(Act::new(What::Deleted, Subject::Expense(id.clone())), move |plan| edit::delete_expense(plan, &id)) }) };
            html! {
                <tr>
                    <th scope="row">{ &line.label }</th>
                    { amount_cells(&ctx, totals, line.stated_total) }
                    <td class="row-buttons">
                        <button type="button" onclick={set(Some(Editing::Line(id.clone())))} aria-label={named(ctx.tr("Modifier", "Edit"), &line.label)}>{ ctx.tr("Modifier", "Edit") }</button>
                        <button type="button" class="danger" onclick={on_delete} aria-label={named(ctx.tr("Supprimer", "Delete"), &line.label)}>{ ctx.tr("Supprimer", "Delete") }</button>
                    </td>
                </tr>
            }
        };
        let staff_items = line.staff.iter().enumerate().map(|(i, c)| {
            if *editing == Some(Editing::Staff(id.clone(), i)) {
                let on_submit = {
                    let (ctx, editing, id) = (ctx.clone(), editing.clone(), id.clone());
                    Callback::from(move |v: Vec<Value>| {
                        let (id, contribution) = (id.clone(), contribution_of(&v));
                        ctx.edit(Act::new(What::StaffContribution, Subject::Expense(id.clone())), move |plan| edit::update_staff(plan, &id, i, contribution));
                        editing.set(None);
                    })
                };
                return html! {
                    <li><BudgetForm id={format!("staff-{id}-{i}")} name={format!("{} {} — {}", ctx.tr("Contribution en personnel n°", "Staff contribution no."), i + 1, line.label)}
                        fields={staff_fields(&ctx, Some(c))} submit={ctx.tr("Enregistrer", "Save")} {on_submit} on_cancel={Some(close.clone())} /></li>
                };
            }
            let on_delete = { let (ctx, id) = (ctx.clone(), id.clone()); Callback::from(move |_| { let id = id.clone(); ctx.edit(Act::new(What::StaffContribution, Subject::Expense(id.clone())), move |plan| edit::delete_staff(plan, &id, i)) }) };
            let which = format!("{} {} — {}", ctx.tr("la contribution n°", "contribution no."), i + 1, line.label);
            html! {
                <li>
                    { contribution_text(&ctx, c) }
                    <span class="row-buttons">
                        <button type="button" onclick={set(Some(Editing::Staff(id.clone(), i)))} aria-label={format!("{} {which}", ctx.tr("Modifier", "Edit"))}>{ ctx.tr("Modifier", "Edit") }</button>
                        <button type="button" class="danger" onclick={on_delete} aria-label={format!("{} {which}", ctx.tr("Supprimer", "Delete"))}>{ ctx.tr("Supprimer", "Delete") }</button>
                    </span>
                </li>
            }
        });
        let new_staff = if *editing == Some(Editing::NewStaff(id.clone())) {
            let on_submit = {
                let (ctx, editing, id) = (ctx.clone(), editing.clone(), id.clone());
                Callback::from(move |v: Vec<Value>| {
                    let (id, contribution) = (id.clone(), contribution_of(&v));
                    ctx.edit(Act::new(What::StaffContribution, Subject::Expense(id.clone())), move |plan| edit::add_staff(plan, &id, contribution));
                    editing.set(None);
                })
            };
            html! {
                <BudgetForm id={format!("staff-{id}-new")} name={format!("{} — {}", ctx.tr("Nouvelle contribution en personnel", "New staff contribution"), line.label)}
                    fields={staff_fields(&ctx, None)} submit={ctx.tr("Ajouter la contribution", "Add the contribution")} {on_submit} on_cancel={Some(close.clone())} />
            }
        } else if ctx.plan.budget.rates.is_empty() {
            html! { <p class="hint">{ ctx.tr("Pour une contribution en personnel, ajoutez d'abord un taux au tableau des taux.",
                "For a staff contribution, first add a rate to the rate table.") }</p> }
        } else {
            html! {
                <button type="button" class="add-staff" onclick={set(Some(Editing::NewStaff(id.clone())))}
                    aria-label={named(ctx.tr("Ajouter une contribution en personnel à", "Add a staff contribution to"), &line.label)}>
                    { ctx.tr("Ajouter une contribution en personnel", "Add a staff contribution") }
                </button>
            }
        };
        html! {
            <>
                { main_row }
                <tr class="line-details"><td colspan={COLUMNS}>
                    if !line.staff.is_empty() {
                        <ul class="staff">{ for staff_items }</ul>
                    }
                    { new_staff }
                    <FindingNotes findings={notes} />
                </td></tr>
            </>
        }
    });

    let on_add = {
        let (ctx, category) = (ctx.clone(), category.id.clone());
        Callback::from(move |v: Vec<Value>| {
            let fields = ExpenseFields {
                label: v[0].text(),
                category: category.clone(),
                planned: v[1].money().unwrap_or_default(),
                spent: v[2].money(),
            };
            let id = fresh_id("depense");
            ctx.edit(Act::new(What::Added, Subject::Expense(id.clone())), move |plan| {
                edit::add_expense(plan, id, fields)
            });
        })
    };
    let category_totals =
        props.totals.categories.iter().find(|c| c.category == category.id).map(|c| c.amounts).unwrap_or_default();
    let money = ctx.tr("Prévu (direct)", "Planned (direct)");
    html! {
        <section class="category" aria-labelledby={heading.clone()}>
            <div class="category-head">
                <h3 id={heading}>{ &category.label }</h3>
                { header }
            </div>
            if lines.is_empty() {
                <p class="empty">{ ctx.tr("Aucune ligne dans cette catégorie.", "No line in this category.") }</p>
            } else {
                <div class="table-scroll" tabindex="0" role="region" aria-label={category.label.clone()}>
                    <table class="budget-table expenses">
                        <caption class="visually-hidden">{ &category.label }</caption>
                        <thead><tr>
                            <th scope="col">{ ctx.tr("Ligne", "Line") }</th>
                            <th scope="col" class="num">{ money }</th>
                            <th scope="col" class="num">{ ctx.tr("Personnel", "Staff") }</th>
                            <th scope="col" class="num">{ ctx.tr("Total prévu", "Total planned") }</th>
                            <th scope="col" class="num">{ ctx.tr("Dépensé", "Spent") }</th>
                            <th scope="col" class="num">{ ctx.tr("Reste", "Remaining") }</th>
                            <th scope="col"><span class="visually-hidden">{ ctx.tr("Actions", "Actions") }</span></th>
                        </tr></thead>
                        <tbody>{ for line_rows }</tbody>
                        <tfoot><tr>
                            <th scope="row">{ format!("{} — {}", ctx.tr("Total", "Total"), category.label) }</th>
                            { amount_cells(&ctx, category_totals, None) }
                            <td></td>
                        </tr></tfoot>
                    </table>
                </div>
            }
            <BudgetForm id={format!("dep-new-{}", category.id)} name={format!("{} — {}", ctx.tr("Nouvelle ligne de dépenses", "New expense line"), category.label)}
                fields={line_fields(&ctx, None, &category.id)} submit={ctx.tr("Ajouter la ligne de dépenses", "Add the expense line")} on_submit={on_add} />
        </section>
    }
}
