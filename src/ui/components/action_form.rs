//! The form of one action, new or existing: its title and code, the objectives it
//! serves (checkboxes grouped under their parents, at least one), and every text of
//! the reference plans' tables. Lists (target groups, partners) are edited one item per
//! line, never split again from a comma-joined text; amounts are read and pre-filled by
//! `jalon::words::input`.

use super::line_field::LineField;
use crate::ui::context::{fresh_id, use_ctx, use_reset_when, Ctx};
use crate::ui::drafts;
use crate::ui::kit::form_buttons::save_or_cancel;
use jalon::edit::actions::ActionFields;
use jalon::edit::history::{Act, What};
use jalon::edit::permits::Asked;
use jalon::edit::Change;
use jalon::model::action::{Action, Step};
use jalon::model::id::Id;
use jalon::model::subject::Subject;
use jalon::words::draft::{Form, Key};
use jalon::words::input::{self, InputError};
use jalon::words::text::{self, Lang};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The action to edit; `None` makes a new one.
    pub action: Option<Id>,
    /// Called once the form is saved or cancelled.
    pub on_done: Callback<()>,
}

/// The form's fields as typed: the texts as the action holds them, and beside them the
/// lists, steps and amounts as typed, which replace the action's when the form is read.
#[derive(Clone, PartialEq, Default)]
struct Draft {
    fields: ActionFields,
    groups: String,
    partners: String,
    /// The échéancier's steps: each plan year with its steps, one per line; the steps in
    /// `fields` are handed back untouched unless `years` changed from what they showed.
    years: Vec<YearSteps>,
    planned: String,
    spent: String,
}

/// One plan year of the échéancier as typed: the year and its steps, one per line.
#[derive(Clone, PartialEq, Default)]
struct YearSteps {
    year: String,
    steps: String,
}

/// The steps as the form shows them: each year with its steps, one per line.
fn years_of(steps: &[Step]) -> Vec<YearSteps> {
    let joined = |steps: Vec<&Step>| steps.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join("\n");
    Step::by_year(steps)
        .into_iter()
        .map(|(year, steps)| YearSteps { year: year.to_owned(), steps: joined(steps) })
        .collect()
}

/// The steps the years hold, each line of a year one step of it.
fn steps_of(years: &[YearSteps]) -> Vec<Step> {
    years
        .iter()
        .flat_map(|y| input::read_lines(&y.steps).into_iter().map(|text| Step { year: y.year.trim().to_owned(), text }))
        .collect()
}

/// What the form refuses to save, each shown beside its field.
#[derive(Clone, PartialEq, Default)]
struct Problems {
    title: bool,
    objectives: bool,
    planned: Option<InputError>,
    spent: Option<InputError>,
}

impl Problems {
    fn any(&self) -> bool {
        self.title || self.objectives || self.planned.is_some() || self.spent.is_some()
    }
}

impl Draft {
    fn of(action: &Action, lang: Lang) -> Draft {
        Draft {
            fields: ActionFields::of(action),
            groups: input::show_lines(&action.groups),
            partners: input::show_lines(&action.partners),
            years: years_of(&action.steps),
            planned: input::show_optional_money(action.budget_planned, lang),
            spent: input::show_optional_money(action.budget_spent, lang),
        }
    }

    /// The fields to save, or, boxed (it is the rare path), what is refused.
    fn fields(&self, lang: Lang) -> Result<ActionFields, Box<Problems>> {
        let planned = input::read_optional_money(&self.planned, lang);
        let spent = input::read_optional_money(&self.spent, lang);
        let problems = Problems {
            title: self.fields.title.trim().is_empty(),
            objectives: self.fields.objectives.is_empty(),
            planned: planned.clone().err(),
            spent: spent.clone().err(),
        };
        match (planned, spent) {
            (Ok(budget_planned), Ok(budget_spent)) if !problems.any() => {
                let held = &self.fields;
                Ok(ActionFields {
                    code: Some(held.code.clone().unwrap_or_default()),
                    groups: input::read_lines(&self.groups),
                    partners: input::read_lines(&self.partners),
                    steps: if self.years == years_of(&held.steps) { held.steps.clone() } else { steps_of(&self.years) },
                    budget_planned,
                    budget_spent,
                    ..held.clone()
                })
            }
            _ => Err(Box::new(problems)),
        }
    }
}

/// The plan's objectives under their parents: (« 1.1 Titre du parent », objectives).
type ObjectiveGroups = Vec<(String, Vec<(Id, String)>)>;

fn objective_groups(ctx: &Ctx) -> ObjectiveGroups {
    let plan = &ctx.plan;
    let codes = plan.distinct_codes();
    let mut groups: ObjectiveGroups = Vec::new();
    let mut parent_of_group: Vec<Option<&Id>> = Vec::new();
    for objective in plan.objectives() {
        let label = format!("{} {}", codes[&objective.id], objective.title);
        let parent = objective.parent.as_ref();
        match parent_of_group.iter().position(|p| *p == parent) {
            Some(index) => groups[index].1.push((objective.id.clone(), label)),
            None => {
                let legend = match parent.and_then(|p| plan.element(p)) {
                    Some(e) => format!("{} {}", codes[&e.id], e.title),
                    None => plan.level_name(plan.objective_level).map(|n| n.plural.clone()).unwrap_or_default(),
                };
                parent_of_group.push(parent);
                groups.push((legend, vec![(objective.id.clone(), label)]));
            }
        }
    }
    groups
}

/// The échéancier by plan year: each year's name and its steps, one per line; a year
/// added or removed as a whole.
fn steps_editor(draft: &UseStateHandle<Draft>, words: &'static jalon::words::table::Words) -> Html {
    let edit = |index: usize, write: fn(&mut YearSteps, String)| {
        let draft = draft.clone();
        Callback::from(move |value: String| {
            let mut next = (*draft).clone();
            if let Some(year) = next.years.get_mut(index) {
                write(year, value);
            }
            draft.set(next);
        })
    };
    let remove = |index: usize| {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*draft).clone();
            next.years.remove(index);
            draft.set(next);
        })
    };
    let add = {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*draft).clone();
            next.years.push(YearSteps::default());
            draft.set(next);
        })
    };
    let typed = |e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value();
    let written = |e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value();
    html! {
        <fieldset class="steps-editor">
            <legend>{ words.steps_by_year }</legend>
            { for draft.years.iter().enumerate().map(|(i, year)| {
                let (year_id, steps_id) = (format!("action-year-{i}"), format!("action-steps-{i}"));
                html! {
                    <div class="year-steps">
                        <div class="field">
                            <label for={year_id.clone()}>{ words.plan_year }</label>
                            <input id={year_id} type="text" value={year.year.clone()} oninput={edit(i, |y, v| y.year = v).reform(typed)} />
                        </div>
                        <div class="field wide">
                            <label for={steps_id.clone()}>{ words.steps_one_per_line }</label>
                            <textarea id={steps_id} rows={(year.steps.lines().count() + 1).clamp(2, 8).to_string()}
                                value={year.steps.clone()} oninput={edit(i, |y, v| y.steps = v).reform(written)} />
                        </div>
                        <button type="button" class="danger" onclick={remove(i)}
                            aria-label={(words.named)(words.remove_year, &year.year)}>{ words.remove_year }</button>
                    </div>
                }
            }) }
            // A year typed in a form given back is added again by this button.
            <button type="button" onclick={add} data-adds="action-year- action-steps-">{ words.add_year }</button>
        </fieldset>
    }
}

#[function_component(ActionForm)]
pub fn action_form(props: &Props) -> Html {
    let ctx = use_ctx();
    let existing = props.action.as_ref().and_then(|id| ctx.plan.actions.iter().find(|a| &a.id == id));
    let held = existing.map(|a| Draft::of(a, ctx.lang));
    let draft = {
        let start = held.clone().unwrap_or_default();
        use_state(move || start)
    };
    let form = Form::Action(props.action.clone());
    // What is typed is kept at each keystroke and comes back when the form opens again.
    let (kept, mark) = drafts::use_form(form.clone());
    {
        let draft = draft.clone();
        use_reset_when(held, move |held| {
            if let Some(held) = held {
                draft.set(held.clone());
            }
        });
    }
    let problems = use_state(Problems::default);
    let groups = {
        let ctx = ctx.clone();
        use_memo(ctx.revision, move |_| objective_groups(&ctx))
    };
    let title_ref = use_node_ref();
    {
        // The form takes the focus when it opens, at its first field.
        let title_ref = title_ref.clone();
        use_effect_with((), move |_| {
            // An input, or a textarea when the title holds a line break.
            if let Some(input) = title_ref.cast::<web_sys::HtmlElement>() {
                let _ = input.focus();
            }
        });
    }

    // In a part, a sent action stays where the coordinator put it: its code, carrier and
    // objectives are shown, not changed.
    let placed = props.action.as_ref().is_some_and(|id| !ctx.may(Asked::Place(id)));
    let fixed = |id: &str| placed && matches!(id, "action-code" | "action-carrier");
    let set = |write: fn(&mut Draft, String)| {
        let draft = draft.clone();
        Callback::from(move |value: String| {
            let mut next = (*draft).clone();
            write(&mut next, value);
            draft.set(next);
        })
    };
    let input = |id: &'static str,
                 label: &'static str,
                 value: &str,
                 write: fn(&mut Draft, String),
                 error: Option<String>,
                 node: NodeRef| {
        let on_input = set(write).reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
        let error_id = format!("{id}-error");
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <input {id} type="text" ref={node} value={value.to_string()} oninput={on_input} readonly={fixed(id)}
                    aria-invalid={error.as_ref().map(|_| "true")} aria-describedby={error.as_ref().map(|_| error_id.clone())} />
                if let Some(message) = error {
                    <p class="field-error" id={error_id}>{ message }</p>
                }
            </div>
        }
    };
    let area = |id: &'static str, label: &'static str, value: &str, write: fn(&mut Draft, String)| {
        let on_input = set(write).reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
        html! {
            <div class="field wide">
                <label for={id}>{ label }</label>
                <textarea {id} rows={(value.lines().count() + 1).clamp(2, 8).to_string()} value={value.to_string()} oninput={on_input} />
            </div>
        }
    };

    let on_toggle = |objective: Id| {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut next = (*draft).clone();
            next.fields.objectives.retain(|o| *o != objective);
            if checked {
                next.fields.objectives.push(objective.clone());
            }
            draft.set(next);
        })
    };
    let objectives = text::objective_noun(&ctx.plan, ctx.lang).plural;
    let objective_boxes = groups.iter().map(|(legend, objectives)| html! {
        <fieldset class="objective-group">
            <legend>{ legend }</legend>
            { for objectives.iter().map(|(id, label)| {
                // Named by its objective, not its place: a draft kept while the plan's
                // objectives moved ticks the same objective again.
                let box_id = format!("action-objective-{}", page_id(id.as_str()));
                html! {
                    <div class="choice">
                        <input type="checkbox" id={box_id.clone()} checked={draft.fields.objectives.contains(id)} onchange={on_toggle(id.clone())} />
                        <label for={box_id}>{ label }</label>
                    </div>
                }
            }) }
        </fieldset>
    });

    let on_submit = {
        let (ctx, draft, problems, on_done, editing) =
            (ctx.clone(), draft.clone(), problems.clone(), props.on_done.clone(), props.action.clone());
        let form = form.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match draft.fields(ctx.lang) {
                Ok(fields) => {
                    let (act, change) = match editing.clone() {
                        Some(id) => (
                            Act::new(What::Details, Subject::Action(id.clone())),
                            Change::UpdateAction { action: id, fields },
                        ),
                        None => {
                            let id = fresh_id("action");
                            (Act::new(What::Added, Subject::Action(id.clone())), Change::AddAction { id, fields })
                        }
                    };
                    ctx.edit_settled(Key::Form(form.clone()), act, change);
                    on_done.emit(());
                }
                Err(found) => problems.set(*found),
            }
        })
    };
    let on_cancel = {
        let (ctx, on_done) = (ctx.clone(), props.on_done.clone());
        Callback::from(move |_: MouseEvent| {
            ctx.discard(form.clone());
            on_done.emit(());
        })
    };
    let heading = match &props.action {
        Some(_) => (ctx.words().named)(ctx.words().edit, &draft.fields.title),
        None => (ctx.words().new_of)(&ctx.plan.action_name.singular),
    };
    let amount_error =
        |label: &str, error: &Option<InputError>| error.as_ref().map(|e| text::input_error(label, e, ctx.lang));
    let (planned_label, spent_label) = (ctx.words().planned_budget, ctx.words().budget_spent);
    let p = &*problems;
    let d = &*draft;
    html! {
        <form class="action-form card" onsubmit={on_submit} aria-labelledby="action-form-title" novalidate=true
            ref={kept} data-draft={mark}>
            <h2 id="action-form-title">{ heading }</h2>
            if p.any() {
                <p class="field-error" role="alert">{ ctx.words().form_not_saved_correct }</p>
            }
            <div class="form-grid">
                <div class="field">
                    <label for="action-title">{ ctx.words().title }</label>
                    <LineField id="action-title" node={title_ref.clone()} value={d.fields.title.clone()} on_input={set(|d, v| d.fields.title = v)}
                        invalid={p.title} described_by={p.title.then_some(AttrValue::from("action-title-error"))} />
                    if p.title {
                        <p class="field-error" id="action-title-error">{ ctx.words().title_required }</p>
                    }
                </div>
                { input("action-code", ctx.words().code_optional, d.fields.code.as_deref().unwrap_or_default(), |d, v| d.fields.code = Some(v), None, NodeRef::default()) }
                { input("action-responsible", ctx.words().responsible, &d.fields.responsible, |d, v| d.fields.responsible = v, None, NodeRef::default()) }
                { area("action-groups", ctx.words().target_groups_one_per, &d.groups, |d, v| d.groups = v) }
                { input("action-carrier", ctx.words().carrying_organisation, &d.fields.carrier, |d, v| d.fields.carrier = v, None, NodeRef::default()) }
                { area("action-partners", ctx.words().partners_one_per_line, &d.partners, |d, v| d.partners = v) }
                { input("action-schedule", ctx.words().schedule, &d.fields.schedule_text, |d, v| d.fields.schedule_text = v, None, NodeRef::default()) }
                { input("action-planned", planned_label, &d.planned, |d, v| d.planned = v, amount_error(planned_label, &p.planned), NodeRef::default()) }
                { input("action-spent", spent_label, &d.spent, |d, v| d.spent = v, amount_error(spent_label, &p.spent), NodeRef::default()) }
                { area("action-implementation", ctx.words().implementation_duration_frequency_place, &d.fields.implementation, |d, v| d.fields.implementation = v) }
                { area("action-services", ctx.words().services_involved, &d.fields.services, |d, v| d.fields.services = v) }
                { area("action-evaluation", ctx.words().evaluation, &d.fields.evaluation, |d, v| d.fields.evaluation = v) }
                { area("action-results", ctx.words().expected_results, &d.fields.expected_results, |d, v| d.fields.expected_results = v) }
            </div>
            { steps_editor(&draft, ctx.words()) }
            <fieldset class="objective-choices" disabled={placed} aria-describedby={p.objectives.then_some("action-objectives-error")}>
                <legend>{ (ctx.words().served_objectives)(&objectives) }</legend>
                if p.objectives {
                    <p class="field-error" id="action-objectives-error">{ (ctx.words().tick_least_one_objective)(&objectives) }</p>
                }
                <div class="objective-list">{ for objective_boxes }</div>
            </fieldset>
            { save_or_cancel(&ctx, on_cancel) }
        </form>
    }
}

/// An id usable on the page, one for each text: whitespace, which an HTML id may not
/// hold, and `%` are written as `%`, their code and `;`.
fn page_id(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_whitespace() || c == '%' { format!("%{:x};", c as u32) } else { c.to_string() })
        .collect()
}
