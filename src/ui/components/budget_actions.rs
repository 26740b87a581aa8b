//! The actions' budgets on the budget screen (`jalon::calc::funding`): what each action is
//! granted, what its lines plan, what is spent on it and what remains, by which lines;
//! their totals, then the budget's other lines and all its lines, so that the table
//! adds up to the budget's expenses; the checks beside the action they concern.

use super::checks::FindingsProps;
use crate::ui::components::finding_notes::{about, FindingNotes};
use crate::ui::context::{use_ctx, use_plan_memo};
use crate::ui::kit::copy_table::CopyTable;
use crate::ui::route::Route;
use jalon::calc::funding::action_budgets;
use jalon::model::money::Cents;
use jalon::model::subject::Subject;
use jalon::words::text;
use yew::prelude::*;

#[function_component(BudgetActions)]
pub fn budget_actions(props: &FindingsProps) -> Html {
    let ctx = use_ctx();
    let copy_ref = use_node_ref();
    let budgets = use_plan_memo(&ctx, action_budgets);
    let plan = &ctx.plan;
    let w = ctx.words();
    let title = (w.budgets_of)(&plan.action_name.plural);
    let labels = [w.granted, w.planned_on_lines, w.spent, w.left_spend];
    // One row: its heading, its four figures (`None`: not for this row, `Some(None)`:
    // none) and the lines that fund it; what remains is marked when overspent.
    let row = |key: String, head: Html, figures: [Option<Option<Cents>>; 4], lines: Option<String>| {
        let figures = labels.iter().zip(figures).enumerate().map(|(i, (label, figure))| match figure {
            None => html! { <td class="zero"></td> },
            Some(amount) => {
                let over = i == 3 && amount.is_some_and(|c| c < Cents::ZERO);
                let shown = amount.map_or_else(|| "—".to_owned(), |c| text::money(c, ctx.lang));
                html! { <td class={classes!("num", over.then_some("overspent"))} data-label={*label}>{ shown }</td> }
            }
        });
        html! {
            <tr {key}>
                <th scope="row">{ head }</th>
                { for figures }
                if let Some(lines) = lines { <td data-label={w.funded_by}>{ lines }</td> } else { <td class="zero"></td> }
            </tr>
        }
    };
    let rows = budgets.rows.iter().map(|r| {
        let action = &plan.actions[r.action];
        let lines: Vec<&str> = r.funded_by.iter().map(|i| plan.budget.expenses[*i].label.as_str()).collect();
        let planned = (!lines.is_empty()).then(|| r.lines.total());
        let head = html! {
            <>
                <a href={Route::Actions.href()}>
                    if let Some(code) = &action.code { <span class="code">{ code }</span>{ " " } }
                    { &action.title }
                </a>
                <FindingNotes findings={about(&props.findings, &Subject::Action(action.id.clone()))} />
            </>
        };
        let lines = if lines.is_empty() { "—".to_owned() } else { lines.join(", ") };
        row(
            action.id.to_string(),
            head,
            [Some(r.granted), Some(planned), Some(r.spent), Some(r.remaining())],
            Some(lines),
        )
    });
    let (b, other) = (&*budgets, budgets.other);
    // The actions' lines and the others are all the budget's lines.
    let mut all = b.lines;
    all += other;
    html! {
        <section class="card budget-section" aria-labelledby="action-budgets-title">
            <h2 id="action-budgets-title">{ title.clone() }</h2>
            if budgets.rows.is_empty() {
                <p class="empty">{ w.no_action_budget }</p>
            } else {
                <p class="hint">{ w.action_budgets_read }</p>
                <CopyTable table={copy_ref.clone()} name={AttrValue::from(title)} />
                <div ref={copy_ref} class="table-scroll" tabindex="0" role="region" aria-labelledby="action-budgets-title">
                    <table class="budget cards-on-phone">
                        <thead><tr>
                            <th scope="col">{ &plan.action_name.singular }</th>
                            { for labels.iter().map(|label| html! { <th scope="col" class="num">{ *label }</th> }) }
                            <th scope="col">{ w.funded_by }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                        <tfoot>
                            { row("total".into(), html! { w.total }, [Some(Some(b.granted)), Some(Some(b.lines.total())), Some(Some(b.spent)), Some(Some(b.remaining()))], None) }
                            { row("other".into(), html! { w.other_budget_lines }, [None, Some(Some(other.total())), Some(Some(other.spent)), None], None) }
                            { row("all".into(), html! { w.all_budget_lines }, [None, Some(Some(all.total())), Some(Some(all.spent)), None], None) }
                        </tfoot>
                    </table>
                </div>
            }
        </section>
    }
}
