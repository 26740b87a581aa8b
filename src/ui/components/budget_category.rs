//! One expense category: its lines with their direct amounts, staff contributions
//! (participants × days × rate beside the stated amount), totals, spending and checks,
//! each changed in place; the category's totals; forms to add a line or a contribution.

use crate::ui::components::budget_form::BudgetForm;
use crate::ui::components::confirm::Confirm;
use crate::ui::components::finding_notes::{about, FindingNotes};
use crate::ui::components::row_buttons::RowButtons;
use crate::ui::context::{fresh_id, use_ctx, Ctx};
use crate::ui::drafts::use_resume;
use crate::ui::kit::line_table::line_table;
use crate::ui::kit::lines::{Field, Unread, Values};
use crate::ui::kit::row::{edit_and_close, edit_with, resume_in, set_to, use_open, Open};
use crate::ui::kit::same::Same;
use jalon::calc::check::Finding;
use jalon::calc::totals::{Amounts, BudgetTotals};
use jalon::edit::budget::ExpenseFields;
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::model::budget::{ExpenseLine, StaffContribution};
use jalon::model::id::Id;
use jalon::model::money::Cents;
use jalon::model::subject::Subject;
use jalon::words::text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub category: Id,
    pub totals: Same<BudgetTotals>,
    pub findings: Same<Vec<Finding>>,
}

/// The category's rows that open: itself (renamed or deleted), a line, a line's
/// contribution, a line's new contribution.
#[derive(Clone, Debug, PartialEq)]
enum Row {
    Category,
    Line(Id),
    Staff(Id, usize),
    NewStaff(Id),
}

const COLUMNS: &str = "7";

fn line_fields(ctx: &Ctx, line: Option<&ExpenseLine>, category: &Id) -> Vec<Field> {
    let mut fields = vec![Field::text("label", ctx.words().label, line.map_or("", |l| l.label.as_str()))];
    if line.is_some() {
        let categories = ctx.plan.budget.categories.iter().map(|c| (c.id.to_string(), c.label.clone())).collect();
        fields.push(Field::choice("category", ctx.words().category, categories, category.to_string()));
    }
    fields.push(Field::money("planned", ctx.words().planned_direct_expenses, line.map(|l| l.planned), ctx.lang));
    fields.push(Field::optional_money("spent", ctx.words().spent_optional, line.and_then(|l| l.spent), ctx.lang));
    fields.push(funds_field(ctx, line.and_then(|l| l.funds.as_ref())));
    fields
}

/// Which action the line funds: none, or one of the plan's actions (and the element it
/// names, if it names one, so that a form saved as it is keeps it).
fn funds_field(ctx: &Ctx, funds: Option<&Id>) -> Field {
    let plan = &ctx.plan;
    let mut choices = vec![(String::new(), ctx.words().funds_nothing.to_owned())];
    for action in &plan.actions {
        let code = action.code.as_deref().map(|c| format!("{c} ")).unwrap_or_default();
        choices.push((action.id.to_string(), format!("{code}{}", action.title)));
    }
    if let Some(element) = funds.and_then(|id| plan.element(id)) {
        choices.push((element.id.to_string(), format!("{} {}", plan.code_of(&element.id), element.title)));
    }
    Field::choice("funds", ctx.words().funds_action, choices, funds.map(Id::to_string).unwrap_or_default())
}

/// A line's fields as read, in `category` (the one chosen when the line is edited, its
/// table's when it is added).
fn expense_of(v: &Values, category: Id) -> Result<ExpenseFields, Unread> {
    // The first choice funds nothing.
    let funds = Some(v.text("funds")?).filter(|f| !f.is_empty()).map(Id::new);
    Ok(ExpenseFields {
        label: v.text("label")?,
        category,
        planned: v.money("planned")?,
        spent: v.optional_money("spent")?,
        funds,
    })
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
        Field::choice("rate", ctx.words().rate, rates, contribution.map_or(first_rate, |c| c.rate.to_string())),
        Field::participants("participants", ctx.words().participants, contribution.map(|c| c.participants), ctx.lang),
        Field::days("days", ctx.words().days, contribution.map(|c| c.days), ctx.lang),
        Field::optional_money(
            "stated",
            ctx.words().stated_amount_optional,
            contribution.and_then(|c| c.stated),
            ctx.lang,
        ),
    ]
}

fn contribution_of(v: &Values) -> Result<StaffContribution, Unread> {
    Ok(StaffContribution {
        rate: Id::new(v.text("rate")?),
        participants: v.count("participants")?,
        days: v.days("days")?,
        stated: v.optional_money("stated")?,
    })
}

/// « Professionnels : 10 × 5 jours × 280,00 $ = 14 000,00 $ ; indiqué 8 400,00 $ (écart de −5 600,00 $) ».
fn contribution_text(ctx: &Ctx, c: &StaffContribution) -> Html {
    let rates = ctx.plan.budget.rate_table();
    let rate = rates.get(&c.rate);
    let name = rate.map_or_else(|| c.rate.to_string(), |r| r.label.clone());
    let computed = rates.amount(c);
    let formula = match rate {
        Some(r) => (ctx.words().staff_formula)(
            &c.participants.to_string(),
            &text::number(c.days.as_f64(), 1, ctx.lang),
            &text::money(r.per_day, ctx.lang),
            &text::money(computed.unwrap_or_default(), ctx.lang),
        ),
        None => ctx.words().rate_not_found.into(),
    };
    let differs = matches!((c.stated, computed), (Some(s), Some(k)) if s != k);
    html! {
        <span class="contribution">
            <span class="staff-name">{ name }</span>{ ctx.words().colon }
            <span class="formula">{ formula }</span>
            if let Some(stated) = c.stated {
                <span class={classes!("stated", differs.then_some("disagrees"))}>
                    { (ctx.words().and_stated)(&text::money(stated, ctx.lang)) }
                    if differs {
                        { (ctx.words().difference_of)(&text::money(stated - computed.unwrap_or_default(), ctx.lang)) }
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
                    <div class="stated">{ (ctx.words().stated_amount)(&money(stated)) }</div>
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
    let copy_ref = use_node_ref();
    let editing = use_open::<Row>();
    {
        let (plan, category) = (ctx.plan.clone(), props.category.clone());
        use_resume(resume_in(&editing, move |place| {
            if place == format!("cat-{category}") {
                return Some(Row::Category);
            }
            let lines = plan.budget.expenses.iter().filter(|l| l.category == category);
            lines.map(|l| &l.id).find_map(|line| {
                if place == format!("dep-{line}") {
                    return Some(Row::Line(line.clone()));
                }
                match place.strip_prefix(&format!("staff-{line}-"))? {
                    "new" => Some(Row::NewStaff(line.clone())),
                    at => at.parse().ok().map(|at| Row::Staff(line.clone(), at)),
                }
            })
        }));
    }
    let budget = &ctx.plan.budget;
    let Some(category) = budget.categories.iter().find(|c| c.id == props.category) else { return html! {} };
    let lines: Vec<(usize, &ExpenseLine)> =
        budget.expenses.iter().enumerate().filter(|(_, l)| l.category == category.id).collect();
    let set = |to: Open<Row>| set_to(&editing, to);
    let close: Callback<()> = set_to(&editing, Open::Nothing);
    let named = ctx.words().named;
    let heading = format!("cat-{}-title", category.id);

    let header = match &*editing {
        Open::Editing(Row::Category) => {
            let on_submit = {
                let id = category.id.clone();
                edit_and_close(&ctx, &editing, move |v| {
                    let label = v.text("label")?;
                    Ok((
                        Act::new(What::Title, Subject::Category(id.clone())),
                        Change::RenameCategory { category: id.clone(), label },
                    ))
                })
            };
            html! {
                <BudgetForm id={format!("cat-{}", category.id)} name={named(ctx.words().rename, &category.label)}
                    fields={vec![Field::text("label", ctx.words().category_name, &category.label)]}
                    submit={ctx.words().save} {on_submit} on_cancel={Some(close.clone())} />
            }
        }
        Open::Deleting(Row::Category) => {
            let id = category.id.clone();
            let on_confirm = ctx.edit_on(
                Act::new(What::Deleted, Subject::Category(id.clone())),
                Change::DeleteCategory { category: id },
            );
            html! {
                <Confirm label={named(ctx.words().delete, &category.label)} message={(ctx.words().delete_category_lines)(lines.len())}
                    yes={ctx.words().delete_category} no={ctx.words().keep_category} on_yes={on_confirm} on_no={set(Open::Nothing)} />
            }
        }
        _ => html! {
            <div class="row-buttons">
                <RowButtons edit_name={named(ctx.words().rename, &category.label)} delete_name={named(ctx.words().delete, &category.label)}
                    on_edit={set(Open::Editing(Row::Category))} on_delete={set(Open::Deleting(Row::Category))} edit_word={ctx.words().rename} />
            </div>
        },
    };

    let line_rows = lines.iter().map(|(index, line)| {
        let totals = props.totals.lines.get(*index).map(|t| t.amounts).unwrap_or_default();
        let notes = about(&props.findings, &Subject::Expense(line.id.clone()));
        let id = line.id.clone();
        let main_row = if editing.editing(&Row::Line(id.clone())) {
            let on_submit = {
                let id = id.clone();
                edit_and_close(&ctx, &editing, move |v| {
                    let fields = expense_of(v, Id::new(v.text("category")?))?;
                    Ok((Act::new(What::Details, Subject::Expense(id.clone())), Change::UpdateExpense { expense: id.clone(), fields }))
                })
            };
            html! {
                <tr class="editing"><td colspan={COLUMNS}>
                    <BudgetForm id={format!("dep-{id}")} name={named(ctx.words().edit, &line.label)}
                        fields={line_fields(&ctx, Some(line), &line.category)} submit={ctx.words().save} {on_submit} on_cancel={Some(close.clone())} />
                </td></tr>
            }
        } else {
            let on_delete = ctx.edit_on(Act::new(What::Deleted, Subject::Expense(id.clone())), Change::DeleteExpense { expense: id.clone() });
            html! {
                <tr>
                    <th scope="row">{ &line.label }</th>
                    { amount_cells(&ctx, totals, line.stated_total) }
                    <td class="row-buttons">
                        <RowButtons edit_name={named(ctx.words().edit, &line.label)} delete_name={named(ctx.words().delete, &line.label)}
                            on_edit={set(Open::Editing(Row::Line(id.clone())))} {on_delete} />
                    </td>
                </tr>
            }
        };
        let staff_items = line.staff.iter().enumerate().map(|(i, c)| {
            if editing.editing(&Row::Staff(id.clone(), i)) {
                let on_submit = {
                    let id = id.clone();
                    edit_and_close(&ctx, &editing, move |v| {
                        let contribution = contribution_of(v)?;
                        Ok((Act::new(What::StaffContribution, Subject::Expense(id.clone())), Change::UpdateStaff { expense: id.clone(), index: i, contribution }))
                    })
                };
                return html! {
                    <li><BudgetForm id={format!("staff-{id}-{i}")} name={(ctx.words().staff_contribution_of)(i + 1, &line.label)}
                        fields={staff_fields(&ctx, Some(c))} submit={ctx.words().save} {on_submit} on_cancel={Some(close.clone())} /></li>
                };
            }
            let on_delete = { let (ctx, id) = (ctx.clone(), id.clone()); Callback::from(move |_| { let id = id.clone(); ctx.edit(Act::new(What::StaffContribution, Subject::Expense(id.clone())), Change::DeleteStaff { expense: id, index: i }) }) };
            let which = (ctx.words().contribution_of)(i + 1, &line.label);
            html! {
                <li>
                    { contribution_text(&ctx, c) }
                    <span class="row-buttons">
                        <RowButtons edit_name={format!("{} {which}", ctx.words().edit)} delete_name={format!("{} {which}", ctx.words().delete)}
                            on_edit={set(Open::Editing(Row::Staff(id.clone(), i)))} {on_delete} />
                    </span>
                </li>
            }
        });
        let new_staff = if editing.editing(&Row::NewStaff(id.clone())) {
            let on_submit = {
                let id = id.clone();
                edit_and_close(&ctx, &editing, move |v| {
                    let contribution = contribution_of(v)?;
                    Ok((Act::new(What::StaffContribution, Subject::Expense(id.clone())), Change::AddStaff { expense: id.clone(), contribution }))
                })
            };
            html! {
                <BudgetForm id={format!("staff-{id}-new")} name={format!("{} — {}", ctx.words().new_staff_contribution, line.label)}
                    fields={staff_fields(&ctx, None)} submit={ctx.words().add_contribution} {on_submit} on_cancel={Some(close.clone())} />
            }
        } else if ctx.plan.budget.rates.is_empty() {
            html! { <p class="hint">{ ctx.words().add_rate_before_staff }</p> }
        } else {
            html! {
                <button type="button" class="add-staff" onclick={set(Open::Editing(Row::NewStaff(id.clone())))}
                    aria-label={named(ctx.words().add_staff_contribution, &line.label)}>
                    { ctx.words().add_a_staff_contribution }
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
        let category = category.id.clone();
        edit_with(&ctx, move |v| {
            let fields = expense_of(v, category.clone())?;
            let id = fresh_id("depense");
            Ok((Act::new(What::Added, Subject::Expense(id.clone())), Change::AddExpense { id, fields }))
        })
    };
    let category_totals =
        props.totals.categories.iter().find(|c| c.category == category.id).map(|c| c.amounts).unwrap_or_default();
    let money = ctx.words().planned_direct;
    html! {
        <section class="category" aria-labelledby={heading.clone()}>
            <div class="category-head">
                <h3 id={heading}>{ &category.label }</h3>
                { header }
            </div>
            if lines.is_empty() {
                <p class="empty">{ ctx.words().no_line_category }</p>
            } else {
                { line_table(&ctx, &copy_ref, &category.label, Some("expenses"), &[(ctx.words().line, false), (money, true), (ctx.words().staff, true), (ctx.words().total_planned, true), (ctx.words().spent, true), (ctx.words().remaining, true)],
                    html! { { for line_rows } }, html! {
                    <tfoot><tr>
                        <th scope="row">{ format!("{} — {}", ctx.words().total, category.label) }</th>
                        { amount_cells(&ctx, category_totals, None) }
                        <td></td>
                    </tr></tfoot>
                    }) }
            }
            <BudgetForm id={format!("dep-new-{}", category.id)} name={format!("{} — {}", ctx.words().new_expense_line, category.label)}
                fields={line_fields(&ctx, None, &category.id)} submit={ctx.words().add_expense_line} on_submit={on_add} />
        </section>
    }
}
