//! The actions' own budgets on the budget screen: what each plans and has spent, the
//! lines that fund it, and their totals (`jalon::funding`).

use crate::ui::context::use_ctx;
use crate::ui::route::Route;
use jalon::funding::action_budgets;
use jalon::text;
use yew::prelude::*;

#[function_component(BudgetActions)]
pub fn budget_actions() -> Html {
    let ctx = use_ctx();
    let budgets = {
        let plan = ctx.plan.clone();
        use_memo(ctx.revision, move |_| action_budgets(&plan))
    };
    let plan = &ctx.plan;
    let name = &plan.action_name.plural;
    let money = |c: Option<jalon::money::Cents>| c.map_or_else(|| "—".to_owned(), |c| text::money(c, ctx.lang));
    html! {
        <section class="card budget-section" aria-labelledby="action-budgets-title">
            <h2 id="action-budgets-title">{ (ctx.words().budgets_of)(name) }</h2>
            if budgets.rows.is_empty() {
                <p class="empty">{ ctx.words().no_action_budget }</p>
            } else {
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="action-budgets-title">
                    <table class="budget cards-on-phone">
                        <thead><tr>
                            <th scope="col">{ &plan.action_name.singular }</th>
                            <th scope="col" class="num">{ ctx.words().planned }</th>
                            <th scope="col" class="num">{ ctx.words().spent }</th>
                            <th scope="col">{ ctx.words().funded_by }</th>
                        </tr></thead>
                        <tbody>
                            { for budgets.rows.iter().map(|row| {
                                let action = &plan.actions[row.action];
                                let lines: Vec<&str> = row.funded_by.iter().map(|i| plan.budget.expenses[*i].label.as_str()).collect();
                                html! {
                                    <tr key={action.id.to_string()}>
                                        <th scope="row"><a href={Route::Actions.href()}>
                                            if let Some(code) = &action.code { <span class="code">{ code }</span>{ " " } }
                                            { &action.title }
                                        </a></th>
                                        <td class="num" data-label={ctx.words().planned}>{ money(row.planned) }</td>
                                        <td class="num" data-label={ctx.words().spent}>{ money(row.spent) }</td>
                                        <td data-label={ctx.words().funded_by}>{ if lines.is_empty() { "—".to_owned() } else { lines.join(", ") } }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                        <tfoot><tr>
                            <th scope="row">{ ctx.words().total }</th>
                            <td class="num" data-label={ctx.words().planned}>{ text::money(budgets.planned, ctx.lang) }</td>
                            <td class="num" data-label={ctx.words().spent}>{ text::money(budgets.spent, ctx.lang) }</td>
                            <td class="zero"></td>
                        </tr></tfoot>
                    </table>
                </div>
            }
        </section>
    }
}
