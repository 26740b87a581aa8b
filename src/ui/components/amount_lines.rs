//! The budget's tables of labelled amounts, the revenues and the staff rates: each line
//! changed in place or deleted (a rate once confirmed, as it takes the contributions it
//! prices), the revenues' total, and a form to add a line.

use crate::ui::components::budget_form::{budget_section, BudgetForm};
use crate::ui::components::confirm::Confirm;
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
use jalon::edit::budget::contributions_priced_by;
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::model::id::Id;
use jalon::model::money::Cents;
use jalon::model::plan::Plan;
use jalon::model::subject::Subject;
use jalon::words::table::Words;
use jalon::words::text;
use yew::prelude::*;

/// Which table of labelled amounts.
#[derive(Clone, Copy, PartialEq)]
pub enum Lines {
    Revenues,
    /// The daily rate of each staff category, with how many contributions it prices.
    Rates,
}

/// A line as its table shows it.
struct Line<'a> {
    id: &'a Id,
    label: &'a str,
    amount: Cents,
}

/// A table's own words.
struct Named {
    title: &'static str,
    id: &'static str,
    label: &'static str,
    amount: &'static str,
    none_yet: &'static str,
    new_line: &'static str,
    add: &'static str,
}

impl Lines {
    fn of(self, plan: &Plan) -> Vec<Line<'_>> {
        let budget = &plan.budget;
        match self {
            Lines::Revenues => {
                budget.revenues.iter().map(|l| Line { id: &l.id, label: &l.label, amount: l.amount }).collect()
            }
            Lines::Rates => {
                budget.rates.iter().map(|r| Line { id: &r.id, label: &r.label, amount: r.per_day }).collect()
            }
        }
    }

    fn named(self, words: &'static Words) -> Named {
        match self {
            Lines::Revenues => Named {
                title: words.revenue,
                id: "revenues-title",
                label: words.label,
                amount: words.amount,
                none_yet: words.no_revenue_line,
                new_line: words.new_revenue_line,
                add: words.add_revenue_line,
            },
            Lines::Rates => Named {
                title: words.staff_rates,
                id: "rates-title",
                label: words.staff_category,
                amount: words.rate_per_day,
                none_yet: words.no_rate_yet,
                new_line: words.new_rate,
                add: words.add_rate,
            },
        }
    }

    /// The start of the DOM ids of its forms, and of the names their drafts keep.
    fn prefix(self) -> &'static str {
        match self {
            Lines::Revenues => "rev-",
            Lines::Rates => "rate-",
        }
    }

    fn subject(self, id: Id) -> Subject {
        match self {
            Lines::Revenues => Subject::Revenue(id),
            Lines::Rates => Subject::Rate(id),
        }
    }

    fn added(self, label: String, amount: Cents) -> (Id, Change) {
        match self {
            Lines::Revenues => {
                let id = fresh_id("revenu");
                (id.clone(), Change::AddRevenue { id, label, amount })
            }
            Lines::Rates => {
                let id = fresh_id("taux");
                (id.clone(), Change::AddRate { id, label, per_day: amount })
            }
        }
    }

    fn updated(self, id: Id, label: String, amount: Cents) -> Change {
        match self {
            Lines::Revenues => Change::UpdateRevenue { revenue: id, label, amount },
            Lines::Rates => Change::UpdateRate { rate: id, label, per_day: amount },
        }
    }

    fn deleted(self, id: Id) -> Change {
        match self {
            Lines::Revenues => Change::DeleteRevenue { revenue: id },
            Lines::Rates => Change::DeleteRate { rate: id },
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lines: Lines,
    pub totals: Same<BudgetTotals>,
    pub findings: Same<Vec<Finding>>,
}

#[function_component(AmountLines)]
pub fn amount_lines(props: &Props) -> Html {
    let ctx = use_ctx();
    let copy_ref = use_node_ref();
    let editing = use_open::<Id>();
    let (lines, words) = (props.lines, ctx.words());
    let prefix = lines.prefix();
    use_resume(resume_in(&editing, move |place| place.strip_prefix(prefix).filter(|id| *id != "new").map(Id::new)));
    let named = lines.named(words);
    let fields = |l: &str, a: Option<Cents>| {
        vec![Field::text("label", named.label, l), Field::money("amount", named.amount, a, ctx.lang)]
    };
    let set = |to: Open<Id>| set_to(&editing, to);
    let budget = &ctx.plan.budget;
    // A rate counts the contributions it prices, and asks before it takes them.
    let priced = |id: &Id| (lines == Lines::Rates).then(|| contributions_priced_by(budget, id));
    let columns = 3 + usize::from(lines == Lines::Rates);

    let shown = lines.of(&ctx.plan);
    let none_yet = shown.is_empty();
    let rows = shown.into_iter().map(|line| {
        let id = line.id.clone();
        let used = priced(&id);
        let name = |verb: &str| (words.named)(verb, line.label);
        let notes = about(&props.findings, &lines.subject(id.clone()));
        let whole_row = |inside: Html| {
            html! { <tr key={id.to_string()}><td colspan={columns.to_string()}>{ inside }</td></tr> }
        };
        if editing.editing(&id) {
            let on_submit = {
                let id = id.clone();
                edit_and_close(&ctx, &editing, move |v| {
                    let (label, amount) = (v.text("label")?, v.money("amount")?);
                    Ok((Act::new(What::Details, lines.subject(id.clone())), lines.updated(id.clone(), label, amount)))
                })
            };
            let on_cancel = set_to(&editing, Open::Nothing);
            whole_row(html! {
                <>
                    <BudgetForm id={format!("{prefix}{id}")} name={name(words.edit)}
                        fields={fields(line.label, Some(line.amount))}
                        submit={words.save} {on_submit} on_cancel={Some(on_cancel)} />
                    <FindingNotes findings={notes} />
                </>
            })
        } else if let (true, Some(used)) = (editing.deleting(&id), used) {
            let on_yes = ctx.edit_on(Act::new(What::Deleted, lines.subject(id.clone())), lines.deleted(id.clone()));
            whole_row(html! {
                <Confirm label={name(words.delete)} message={(words.delete_rate_used)(used)}
                    yes={words.delete_rate} no={words.keep_rate} {on_yes} on_no={set(Open::Nothing)} />
            })
        } else {
            let on_delete = match used {
                Some(_) => set(Open::Deleting(id.clone())),
                None => ctx.edit_on(Act::new(What::Deleted, lines.subject(id.clone())), lines.deleted(id.clone())),
            };
            html! {
                <tr key={id.to_string()}>
                    <th scope="row">{ line.label }<FindingNotes findings={notes} /></th>
                    <td class="num">{ text::money(line.amount, ctx.lang) }</td>
                    if let Some(used) = used {
                        <td class="num">{ used }</td>
                    }
                    <td class="row-buttons">
                        <RowButtons edit_name={name(words.edit)} delete_name={name(words.delete)}
                            on_edit={set(Open::Editing(id.clone()))} {on_delete} />
                    </td>
                </tr>
            }
        }
    });
    let on_add = edit_with(&ctx, move |v| {
        let (label, amount) = (v.text("label")?, v.money("amount")?);
        let (id, change) = lines.added(label, amount);
        Ok((Act::new(What::Added, lines.subject(id)), change))
    });
    let mut headings = vec![(named.label, false), (named.amount, true)];
    let foot = match lines {
        Lines::Rates => {
            headings.push((words.contributions, true));
            html! {}
        }
        Lines::Revenues => html! {
            <tfoot><tr>
                <th scope="row">{ words.total_revenue }</th>
                <td class="num total">
                    { text::money(props.totals.revenues, ctx.lang) }
                    if let Some(stated) = budget.stated.revenues {
                        <div class="stated">{ (words.stated_amount)(&text::money(stated, ctx.lang)) }</div>
                    }
                </td>
                <td></td>
            </tr></tfoot>
        },
    };
    let table = match none_yet {
        true => html! {},
        false => line_table(&ctx, &copy_ref, named.title, None, &headings, html! { { for rows } }, foot),
    };
    let add = html! {
        <BudgetForm id={format!("{prefix}new")} name={named.new_line} fields={fields("", None)}
            submit={named.add} on_submit={on_add} />
    };
    budget_section(named.id, named.title, none_yet.then_some(named.none_yet), table, add)
}
