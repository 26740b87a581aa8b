//! The filters of the actions table: an element of the tree at any level, a
//! responsible, a partner, a target group, a status at the table's checkpoint, and
//! words.

use crate::ui::context::{use_ctx, use_plan_memo};
use jalon::calc::filter::{options, Criteria, StatusCriterion};
use jalon::model::action::ActionStatus;
use jalon::model::id::Id;
use jalon::words::text;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub criteria: Criteria,
    pub on_change: Callback<Criteria>,
}

/// The elements of each level, as the element list offers them: « 1.2 Titre ».
type LevelChoices = Vec<(String, Vec<(Id, String)>)>;

const NOT_REPORTED: &str = "non-rapporte";

fn select_value(e: Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

/// `Some(text)` unless the text is empty (« Tous »).
fn chosen(value: String) -> Option<String> {
    (!value.is_empty()).then_some(value)
}

fn status_value(status: Option<StatusCriterion>) -> String {
    match status {
        None => String::new(),
        Some(StatusCriterion::NotReported) => NOT_REPORTED.into(),
        Some(StatusCriterion::Is(s)) => format!("{s:?}"),
    }
}

fn status_of(value: &str) -> Option<StatusCriterion> {
    if value == NOT_REPORTED {
        return Some(StatusCriterion::NotReported);
    }
    ActionStatus::ALL.into_iter().find(|s| format!("{s:?}") == value).map(StatusCriterion::Is)
}

#[function_component(ActionFilters)]
pub fn action_filters(props: &Props) -> Html {
    let ctx = use_ctx();
    let lists = use_plan_memo(&ctx, options);
    let levels = use_plan_memo(&ctx, |plan| -> LevelChoices {
        let codes = plan.distinct_codes();
        plan.levels
            .iter()
            .enumerate()
            .map(|(level, l)| {
                let elements = plan.elements.iter().filter(|e| e.level == level);
                let choices = elements.map(|e| (e.id.clone(), format!("{} {}", codes[&e.id], e.title))).collect();
                (l.name.plural.clone(), choices)
            })
            .collect()
    });
    // Each control changes one criterion and keeps the others.
    let change = |set: fn(&mut Criteria, String)| {
        let (criteria, on_change) = (props.criteria.clone(), props.on_change.clone());
        move |value: String| {
            let mut next = criteria.clone();
            set(&mut next, value);
            on_change.emit(next);
        }
    };
    let on_element = Callback::from(change(|c, v| c.element = chosen(v).map(Id::new))).reform(select_value);
    let on_responsible = Callback::from(change(|c, v| c.responsible = chosen(v))).reform(select_value);
    let on_partner = Callback::from(change(|c, v| c.partner = chosen(v))).reform(select_value);
    let on_group = Callback::from(change(|c, v| c.group = chosen(v))).reform(select_value);
    let on_status = Callback::from(change(|c, v| c.status = status_of(&v))).reform(select_value);
    let on_text = Callback::from(change(|c, v| c.text = v))
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let on_clear = props.on_change.reform(|_: MouseEvent| Criteria::default());

    let criteria = &props.criteria;
    let element = criteria.element.as_ref().map(Id::as_str).unwrap_or("");
    // A list of names to pick one from, or « Tous ».
    let name_filter =
        |id: &'static str, label: &str, onchange: Callback<Event>, names: &[String], current: &Option<String>| {
            html! {
                <div class="field">
                    <label for={id}>{ label }</label>
                    <select {id} {onchange}>
                        <option value="" selected={current.is_none()}>{ ctx.words().all }</option>
                        { for names.iter().map(|name| html! {
                            <option value={name.clone()} selected={current.as_ref() == Some(name)}>{ name }</option>
                        }) }
                    </select>
                </div>
            }
        };
    let status = status_value(criteria.status);
    html! {
        <form class="action-filters" role="search" aria-label={ctx.words().filter}
            onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <div class="field">
                <label for="filter-element">{ ctx.words().part_plan }</label>
                <select id="filter-element" onchange={on_element}>
                    <option value="" selected={element.is_empty()}>{ ctx.words().whole_plan }</option>
                    { for levels.iter().map(|(level, choices)| html! {
                        <optgroup label={level.clone()}>
                            { for choices.iter().map(|(id, label)| html! {
                                <option value={id.to_string()} selected={id.as_str() == element}>{ label }</option>
                            }) }
                        </optgroup>
                    }) }
                </select>
            </div>
            { name_filter("filter-responsible", ctx.words().responsible, on_responsible, &lists.responsibles, &criteria.responsible) }
            { name_filter("filter-partner", ctx.words().partner_carrier, on_partner, &lists.partners, &criteria.partner) }
            if !lists.groups.is_empty() {
                <div class="field">
                    <label for="filter-group">{ ctx.words().target_groups }</label>
                    <select id="filter-group" onchange={on_group}>
                        <option value="" selected={criteria.group.is_none()}>{ ctx.words().all }</option>
                        { for lists.groups.iter().map(|(code, _)| html! {
                            <option value={code.clone()} selected={criteria.group.as_ref() == Some(code)}>
                                { text::target_group(&ctx.plan, code) }
                            </option>
                        }) }
                    </select>
                </div>
            }
            <div class="field">
                <label for="filter-status">{ ctx.words().progress_at }</label>
                <select id="filter-status" onchange={on_status}>
                    <option value="" selected={status.is_empty()}>{ ctx.words().all }</option>
                    { for ActionStatus::ALL.into_iter().map(|s| {
                        let value = status_value(Some(StatusCriterion::Is(s)));
                        let selected = value == status;
                        html! { <option {selected} {value}>{ text::action_status(s, ctx.lang) }</option> }
                    }) }
                    <option value={NOT_REPORTED} selected={status == NOT_REPORTED}>{ ctx.words().no_report }</option>
                </select>
            </div>
            <div class="field">
                <label for="filter-text">{ ctx.words().words }</label>
                <input id="filter-text" type="search" value={criteria.text.clone()} oninput={on_text} />
            </div>
            <button type="button" onclick={on_clear} disabled={criteria.is_empty()}>
                { ctx.words().clear_filters }
            </button>
        </form>
    }
}
