//! One match of the regional view: indicators of several organisations that measure
//! the same thing, side by side as of the date (each judged by its own plan's rules),
//! with each one's chart; the coordinator confirms the match, changes which indicator
//! of each plan belongs to it, or dismisses it.

use crate::ui::components::indicator_chart::IndicatorChart;
use crate::ui::context::use_ctx;
use crate::ui::kit::badge::status_badge;
use crate::ui::kit::table_head::column_heads;
use chrono::NaiveDate;
use jalon::model::id::Id;
use jalon::model::plan::Plan;
use jalon::region::view::{compared, Match, Pick};
use jalon::region::Names;
use jalon::words::text;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Its place on the screen: names its fields and charts.
    pub index: usize,
    pub found: Match,
    pub members: Rc<Members>,
    pub as_of: NaiveDate,
    pub on_confirm: Callback<Vec<Pick>>,
    pub on_dismiss: Callback<Vec<Pick>>,
    /// A match the coordinator makes: shown as its form alone, closed by `on_close`.
    #[prop_or_default]
    pub fresh: bool,
    #[prop_or_default]
    pub on_close: Callback<()>,
}

#[function_component(IndicatorMatch)]
pub fn indicator_match(props: &Props) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let w = ctx.words();
    // While changed: the indicator chosen in each of the view's plans, in their order.
    let editing = {
        let (fresh, count) = (props.fresh, props.members.plans.len());
        use_state(move || fresh.then(|| vec![None; count]))
    };
    let plans = props.members.refs();
    let rows = compared(&plans, &props.found.indicators, props.as_of);
    let index = props.index;
    let title_id = format!("match-{index}-title");

    let body = rows.iter().map(|row| {
        let (kind, out_of) = (row.indicator.kind, row.indicator.out_of);
        let first = row.progress.segments.first();
        let say = |n: Option<f64>| n.map_or_else(|| "—".to_string(), |n| text::measured(n, kind, out_of, lang));
        let latest = match first.and_then(|s| s.current.zip(s.measured_on)) {
            Some((value, on)) => {
                format!("{} ({})", text::measured(value, kind, out_of, lang), text::plan_date(on, lang))
            }
            None => first.map_or_else(|| "—".to_string(), |s| text::segment_status(s, lang)),
        };
        html! {
            <tr>
                <th scope="row">{ props.members.names.of(row.plan) }</th>
                <td>{ &row.indicator.label }</td>
                <td class="number">{ say(first.and_then(|s| s.baseline)) }</td>
                <td class="number">{ say(first.and_then(|s| s.target)) }</td>
                <td class="number">{ latest }</td>
                <td>{ status_badge(row.progress.status, lang) }</td>
            </tr>
        }
    });
    let charts = rows.iter().enumerate().filter_map(|(k, row)| {
        let segment = row.indicator.segments.first()?.clone();
        let title = format!("{} — {}", props.members.names.of(row.plan), row.indicator.label);
        Some(html! {
            <figure class="match-chart">
                <figcaption>{ props.members.names.of(row.plan) }</figcaption>
                <IndicatorChart dom_id={format!("match-{index}-chart-{k}")} {title} {segment}
                    kind={row.indicator.kind} out_of={row.indicator.out_of} period={row.plan.period}
                    as_of={props.as_of} {lang} />
            </figure>
        })
    });

    let picks = props.found.indicators.clone();
    let on_confirm = {
        let (emit, picks) = (props.on_confirm.clone(), picks.clone());
        Callback::from(move |_: MouseEvent| emit.emit(picks.clone()))
    };
    let on_dismiss = {
        let (emit, picks) = (props.on_dismiss.clone(), picks.clone());
        Callback::from(move |_: MouseEvent| emit.emit(picks.clone()))
    };
    let on_change = {
        let (editing, picks, plans) = (editing.clone(), picks.clone(), props.members.clone());
        Callback::from(move |_: MouseEvent| {
            let chosen = plans.plans.iter().map(|p| picks.iter().find(|k| k.plan == p.id).map(|k| k.indicator.clone()));
            editing.set(Some(chosen.collect()));
        })
    };
    let editor = editing.as_ref().map(|chosen| {
        let selects = props.members.plans.iter().enumerate().map(|(k, plan)| {
            let field = format!("match-{index}-plan-{k}");
            let on_select = {
                let editing = editing.clone();
                Callback::from(move |e: Event| {
                    let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                    if let Some(mut next) = (*editing).clone() {
                        next[k] = (!value.is_empty()).then(|| Id::new(value));
                        editing.set(Some(next));
                    }
                })
            };
            let current = chosen.get(k).cloned().flatten();
            html! {
                <div class="field">
                    <label for={field.clone()}>{ (w.indicator_of)(&props.members.names.of(plan)) }</label>
                    <select id={field} onchange={on_select}>
                        <option value="" selected={current.is_none()}>{ w.no_indicator_picked }</option>
                        { for plan.indicators.iter().map(|i| html! {
                            <option value={i.id.to_string()} selected={current.as_ref() == Some(&i.id)}>
                                { format!("{} — {}", plan.code_of(&i.objective), i.label) }
                            </option>
                        }) }
                    </select>
                </div>
            }
        });
        let on_save = {
            let (editing, emit, plans, chosen, close) = (
                editing.clone(),
                props.on_confirm.clone(),
                props.members.clone(),
                chosen.clone(),
                props.on_close.clone(),
            );
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let picks = plans.plans.iter().zip(&chosen).filter_map(|(plan, chosen)| {
                    chosen.clone().map(|indicator| Pick { plan: plan.id.clone(), indicator })
                });
                emit.emit(picks.collect());
                editing.set(None);
                close.emit(());
            })
        };
        let on_cancel = {
            let (editing, close) = (editing.clone(), props.on_close.clone());
            Callback::from(move |_: MouseEvent| {
                editing.set(None);
                close.emit(());
            })
        };
        html! {
            <form class="match-editor" onsubmit={on_save}>
                { for selects }
                <div class="buttons">
                    <button type="submit" class="primary">{ w.save_match }</button>
                    <button type="button" onclick={on_cancel}>{ w.cancel }</button>
                </div>
            </form>
        }
    });

    let named = |verb: &str| (w.named)(verb, &props.found.label);
    if props.fresh {
        return html! {
            <article class="match" aria-labelledby={title_id.clone()}>
                <h3 id={title_id}>{ w.new_match }</h3>
                { editor.unwrap_or_default() }
            </article>
        };
    }
    html! {
        <article class="match" aria-labelledby={title_id.clone()}>
            <h3 id={title_id}>
                { &props.found.label }{ " " }
                if props.found.confirmed {
                    <span class="badge confirmed">{ w.match_confirmed }</span>
                } else {
                    <span class="badge proposed">{ w.match_proposed }</span>
                }
            </h3>
            <div class="table-scroll" tabindex="0" role="region" aria-label={props.found.label.clone()}>
                <table>
                    { column_heads(&[w.organisation, w.indicator, w.baseline, w.target, w.latest_measure, w.status], None) }
                    <tbody>{ for body }</tbody>
                </table>
            </div>
            <div class="match-charts">{ for charts }</div>
            { editor.unwrap_or_else(|| html! {
                <div class="buttons">
                    if !props.found.confirmed {
                        <button type="button" class="primary" onclick={on_confirm} aria-label={named(w.confirm_match)}>{ w.confirm_match }</button>
                    }
                    <button type="button" onclick={on_change} aria-label={named(w.change_match)}>{ w.change_match }</button>
                    <button type="button" onclick={on_dismiss} aria-label={named(w.dismiss_match)}>{ w.dismiss_match }</button>
                </div>
            }) }
        </article>
    }
}

/// The view's plans as read, in its order, and the names the coordinator gave them;
/// those no longer readable are named apart.
pub struct Members {
    pub plans: Vec<Plan>,
    pub digests: Vec<String>,
    pub missing: Vec<Id>,
    pub names: Names,
}

impl PartialEq for Members {
    /// Read once per change of the view's plans: two readings are never the same.
    fn eq(&self, other: &Members) -> bool {
        std::ptr::eq(self, other)
    }
}
