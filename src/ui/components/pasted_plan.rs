//! A plan rebuilt from pasted tables: the text pasted, the plan Jalon proposes (its
//! tree at the plan's own levels, counts per level, indicators and actions), its level
//! names editable, the rows it could not place listed one by one to place or drop.
//! Nothing is kept before « Créer le plan proposé », which opens it as an ordinary plan.

use super::unplaced_row::{why, Choice, UnplacedRow};
use crate::ui::context::{fresh_id, use_ctx, Ctx};
use crate::ui::kit::file_pick::file_pick;
use crate::ui::route::Route;
use jalon::model::element::Element;
use jalon::model::id::Id;
use jalon::model::level::Noun;
use jalon::model::plan::Plan;
use jalon::rebuild::{propose_box, propose_file, Pasted, Place, Proposal, Why};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// How many elements the proposed tree shows before saying how many more there are:
/// a plan of several hundred rows is reviewed on the structure screen once made.
const TREE_SHOWN: usize = 200;

#[function_component(PastedPlan)]
pub fn pasted_plan() -> Html {
    let ctx = use_ctx();
    let words = ctx.words();
    let pasted = use_node_ref();
    let proposal = use_state(|| None::<Rc<Proposal>>);
    let names = use_state(Vec::<Noun>::new);
    let title = use_state(String::new);
    let message = use_state(|| None::<String>);
    // The last paste's two flavours: Word's HTML keeps a table's merged cells.
    let last_paste = use_mut_ref(|| None::<Pasted>);
    let on_paste = {
        let last_paste = last_paste.clone();
        Callback::from(move |e: Event| {
            let Ok(e) = e.dyn_into::<web_sys::ClipboardEvent>() else { return };
            let data = e.clipboard_data();
            let flavour = |kind: &str| data.as_ref().and_then(|d| d.get_data(kind).ok()).filter(|t| !t.is_empty());
            *last_paste.borrow_mut() =
                Some(Pasted { text: flavour("text/plain").unwrap_or_default(), html: flavour("text/html") });
        })
    };
    // After a row is placed or dropped, its buttons are gone: the focus goes to the
    // heading of the rows left, which says how many.
    let rows_heading = use_node_ref();
    let refocus = use_state(|| false);
    {
        let (rows_heading, refocus) = (rows_heading.clone(), refocus.clone());
        use_effect_with(*refocus, move |wanted| {
            if *wanted {
                if let Some(heading) = rows_heading.cast::<web_sys::HtmlElement>() {
                    let _ = heading.focus();
                }
                refocus.set(false);
            }
        });
    }

    let show = {
        let (proposal, names, message) = (proposal.clone(), names.clone(), message.clone());
        Callback::from(move |made: Proposal| {
            let mut nouns: Vec<Noun> = made.plan.levels.iter().map(|l| l.name.clone()).collect();
            nouns.push(made.plan.action_name.clone());
            names.set(nouns);
            message.set(None);
            proposal.set(Some(Rc::new(made)));
        })
    };
    let on_propose = {
        let (ctx, pasted, message, last_paste, show) =
            (ctx.clone(), pasted.clone(), message.clone(), last_paste.clone(), show.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = pasted.cast::<HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
            if text.trim().is_empty() {
                message.set(Some(ctx.words().paste_first.into()));
                return;
            }
            show.emit(propose_box(&text, last_paste.borrow().as_ref(), ctx.lang, fresh_id("plan"), ctx.today));
        })
    };
    // A chosen file (.docx, .html, .txt) read as its tables, as a paste would be.
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let on_file = {
        let (ctx, message, show) = (ctx.clone(), message.clone(), show.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                let name = file.name();
                let (ctx, message, show) = (ctx.clone(), message.clone(), show.clone());
                let file = gloo::file::File::from(file);
                *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_bytes(&file, move |bytes| {
                    let bytes = bytes.unwrap_or_default();
                    match propose_file(&name, &bytes, ctx.lang, fresh_id("plan"), ctx.today) {
                        Ok(made) => show.emit(made),
                        Err(refused) => {
                            message.set(Some(jalon::rebuild::words::file_refused(&name, &refused, ctx.lang)))
                        }
                    }
                }));
            }
            input.set_value("");
        })
    };

    let form = html! {
        <form class="pasted-form" onsubmit={on_propose}>
            <label for="pasted-tables">{ words.pasted_tables }</label>
            <p id="pasted-hint" class="hint">{ words.pasted_hint }</p>
            <textarea id="pasted-tables" ref={pasted} onpaste={on_paste} rows="8" aria-describedby="pasted-hint" spellcheck="false" />
            if let Some(message) = &*message { <p class="error" role="alert">{ message }</p> }
            <div class="buttons">
                <button type="submit" class="primary">{ words.propose_plan }</button>
                { file_pick("pasted-file", words.pasted_file, ".docx,.html,.htm,.txt,.tsv,text/html,text/plain", false, on_file) }
            </div>
        </form>
    };

    let review = (*proposal).clone().map(|current| {
        let state = Review {
            proposal: proposal.clone(),
            names: names.clone(),
            title: title.clone(),
            message: message.clone(),
            rows_heading: rows_heading.clone(),
            refocus: refocus.clone(),
        };
        review(&ctx, current, state)
    });

    html! {
        <section class="pasted-plan card" aria-labelledby="pasted-title">
            <h2 id="pasted-title">{ words.from_pasted_tables }</h2>
            <p class="hint">{ words.pasted_intro }</p>
            { form }
            { for review }
        </section>
    }
}

fn input_value(e: InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// What the review reads and sets.
struct Review {
    proposal: UseStateHandle<Option<Rc<Proposal>>>,
    names: UseStateHandle<Vec<Noun>>,
    title: UseStateHandle<String>,
    message: UseStateHandle<Option<String>>,
    rows_heading: NodeRef,
    refocus: UseStateHandle<bool>,
}

/// The proposal under review: counts, level names, tree, rows to place, and the
/// buttons that make the plan or start over.
fn review(ctx: &Ctx, current: Rc<Proposal>, state: Review) -> Html {
    let Review { proposal, names, title, message, rows_heading, refocus } = state;
    let words = ctx.words();
    let plan = &current.plan;
    let noun = |level: usize| names.get(level).cloned().unwrap_or_else(|| Noun::new("", ""));
    let action_noun = noun(plan.levels.len());

    let counts = plan.levels.iter().enumerate().map(|(level, _)| {
        let count = plan.elements.iter().filter(|e| e.level == level).count();
        html! { <div class="count"><dt>{ noun(level).plural }</dt><dd>{ count }</dd></div> }
    });

    let name_fields = (0..=plan.levels.len()).map(|level| {
        let value = noun(level);
        let set = |plural: bool| {
            let names = names.clone();
            Callback::from(move |e: InputEvent| {
                let mut next = (*names).clone();
                if let Some(name) = next.get_mut(level) {
                    if plural {
                        name.plural = input_value(e);
                    } else {
                        name.singular = input_value(e);
                    }
                }
                names.set(next);
            })
        };
        let legend = if level == plan.levels.len() {
            words.what_plan_calls_actions.to_string()
        } else {
            (words.level_number)(level + 1)
        };
        html! {
            <fieldset class="noun">
                <legend>{ legend }</legend>
                <label for={format!("rebuilt-level-{level}-s")}>{ words.singular }</label>
                <input id={format!("rebuilt-level-{level}-s")} type="text" value={value.singular.clone()} oninput={set(false)} required=true />
                <label for={format!("rebuilt-level-{level}-p")}>{ words.plural }</label>
                <input id={format!("rebuilt-level-{level}-p")} type="text" value={value.plural.clone()} oninput={set(true)} required=true />
            </fieldset>
        }
    });

    let choices = Rc::new(choices(ctx, plan, &action_noun));
    let on_place = {
        let (proposal, message, refocus, lang) = (proposal.clone(), message.clone(), refocus.clone(), ctx.lang);
        Callback::from(move |(index, place): (usize, Place)| {
            let Some(current) = (*proposal).clone() else { return };
            let mut next = (*current).clone();
            match next.place(index, place) {
                Ok(_) => {
                    message.set(None);
                    proposal.set(Some(Rc::new(next)));
                    refocus.set(true);
                }
                Err(refused) => message.set(Some(jalon::rebuild::words::refused(&refused, lang))),
            }
        })
    };
    let on_drop = {
        let (proposal, refocus) = (proposal.clone(), refocus.clone());
        Callback::from(move |index: usize| {
            let Some(current) = (*proposal).clone() else { return };
            let mut next = (*current).clone();
            if next.discard(index).is_ok() {
                proposal.set(Some(Rc::new(next)));
                refocus.set(true);
            }
        })
    };
    let drop_kind = |kind: Why| {
        let (proposal, refocus) = (proposal.clone(), refocus.clone());
        Callback::from(move |_| {
            let Some(current) = (*proposal).clone() else { return };
            let mut next = (*current).clone();
            next.discard_all(&kind);
            proposal.set(Some(Rc::new(next)));
            refocus.set(true);
        })
    };

    // Rows of one kind, when several: dropped at once (a table of contents, a running
    // header repeated on every page).
    let mut kinds: Vec<(Why, usize)> = Vec::new();
    for row in &current.unplaced {
        match kinds.iter_mut().find(|(k, _)| k.same_kind(&row.why)) {
            Some((_, count)) => *count += 1,
            None => kinds.push((row.why.clone(), 1)),
        }
    }
    let mut seen: HashMap<usize, usize> = HashMap::new();
    let rows = current.unplaced.iter().enumerate().map(|(index, row)| {
        let nth = seen.entry(row.row).or_default();
        *nth += 1;
        let key = format!("{}-{}", row.row, nth);
        html! {
            <UnplacedRow key={key} index={index} row={row.clone()} why={why(row, plan, ctx.lang)}
                choices={choices.clone()} on_place={on_place.clone()} on_drop={on_drop.clone()} />
        }
    });

    let on_title = {
        let title = title.clone();
        Callback::from(move |e: InputEvent| title.set(input_value(e)))
    };
    let on_create = {
        let (ctx, current, names, title, message) =
            (ctx.clone(), current.clone(), names.clone(), title.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let mut made = (*current).clone();
            for (level, name) in names.iter().enumerate() {
                if let Err(refused) = made.rename_level(level, name.clone()) {
                    message.set(Some(jalon::rebuild::words::refused(&refused, ctx.lang)));
                    return;
                }
            }
            if !title.trim().is_empty() {
                made.plan.title = title.trim().to_string();
            }
            ctx.open(made.plan, true, None, Some(Route::Structure));
        })
    };
    let on_start_over = {
        let (proposal, message) = (proposal.clone(), message.clone());
        Callback::from(move |_| {
            proposal.set(None);
            message.set(None);
        })
    };

    html! {
        <section class="rebuilt" aria-labelledby="rebuilt-title">
            <h3 id="rebuilt-title">{ words.proposed_plan }</h3>
            <label for="rebuilt-plan-title">{ words.title }</label>
            <input id="rebuilt-plan-title" type="text" value={(*title).clone()} oninput={on_title}
                placeholder={plan.title.clone()} />
            <h4>{ words.plan_holds }</h4>
            <dl class="rebuilt-counts">
                { for counts }
                <div class="count"><dt>{ words.indicators }</dt><dd>{ plan.indicators.len() }</dd></div>
                <div class="count"><dt>{ action_noun.plural.clone() }</dt><dd>{ plan.actions.len() }</dd></div>
            </dl>
            <fieldset class="nouns rebuilt-names">
                <legend>{ words.level_names }</legend>
                { for name_fields }
            </fieldset>
            <h4 id="rebuilt-tree-title">{ words.proposed_tree }</h4>
            { tree(ctx, plan, &names) }
            <h4 id="rows-to-place" ref={rows_heading} tabindex="-1">{ (words.rows_to_place)(current.unplaced.len()) }</h4>
            if current.unplaced.is_empty() {
                <p class="done">{ words.every_row_placed }</p>
            } else {
                <div class="buttons drop-kinds">
                    { for kinds.into_iter().filter(|(_, n)| *n > 1).map(|(kind, n)| {
                        let label = format!("{} — {}", (words.drop_kind)(n), jalon::rebuild::words::why(&kind, plan, ctx.lang));
                        html! { <button type="button" onclick={drop_kind(kind)}>{ label }</button> }
                    }) }
                </div>
                <ol class="unplaced-rows" aria-labelledby="rows-to-place">{ for rows }</ol>
            }
            if !current.dropped.is_empty() {
                <p class="hint">{ (words.dropped_rows)(current.dropped.len()) }</p>
            }
            <div class="buttons">
                <button type="button" class="primary" onclick={on_create}>{ words.create_rebuilt_plan }</button>
                <button type="button" onclick={on_start_over}>{ words.start_over }</button>
            </div>
        </section>
    }
}

/// An element's label in a list: its code and the start of its title.
fn label_of(plan: &Plan, codes: &HashMap<Id, String>, element: &Element) -> String {
    let short: String = element.title.chars().take(70).collect();
    let short = if short.len() < element.title.len() { format!("{short}…") } else { short };
    match codes.get(&element.id).filter(|c| !c.is_empty()) {
        Some(code) => format!("{code} {short}"),
        None if short.is_empty() => plan.level_name(element.level).map(|n| n.singular.clone()).unwrap_or_default(),
        None => short,
    }
}

/// Where an unplaced row can go in `plan`: the top of the tree, under each element
/// above the objectives, as an action or an indicator of each objective, as the rest
/// of each action.
fn choices(ctx: &Ctx, plan: &Plan, action_noun: &Noun) -> Vec<Choice> {
    let words = ctx.words();
    let codes = plan.codes();
    let mut list = vec![Choice { label: words.top_level_element.into(), place: Place::Element { parent: None } }];
    for element in plan.elements.iter().filter(|e| e.level < plan.objective_level) {
        let label = (words.element_under)(&label_of(plan, &codes, element));
        list.push(Choice { label, place: Place::Element { parent: Some(element.id.clone()) } });
    }
    for objective in plan.objectives() {
        let name = label_of(plan, &codes, objective);
        list.push(Choice {
            label: (words.action_of)(&action_noun.singular, &name),
            place: Place::Action { objective: objective.id.clone() },
        });
        list.push(Choice {
            label: (words.indicator_of_quoted)(&name),
            place: Place::Indicator { objective: objective.id.clone() },
        });
    }
    for action in &plan.actions {
        let short: String = action.title.chars().take(70).collect();
        list.push(Choice { label: (words.rest_of)(&short), place: Place::Into { action: action.id.clone() } });
    }
    list
}

/// The proposed tree at the plan's levels, named as the user is renaming them, each
/// objective with its counts of indicators and actions.
fn tree(ctx: &Ctx, plan: &Plan, names: &[Noun]) -> Html {
    let codes = plan.codes();
    let mut children: HashMap<Option<&Id>, Vec<&Element>> = HashMap::new();
    for element in &plan.elements {
        children.entry(element.parent.as_ref()).or_default().push(element);
    }
    let mut indicators: HashMap<&Id, usize> = HashMap::new();
    for indicator in &plan.indicators {
        *indicators.entry(&indicator.objective).or_default() += 1;
    }
    let mut actions: HashMap<&Id, usize> = HashMap::new();
    for action in &plan.actions {
        for objective in &action.objectives {
            *actions.entry(objective).or_default() += 1;
        }
    }
    let action_noun = names.get(plan.levels.len()).cloned().unwrap_or_else(|| plan.action_name.clone());
    let mut shown = 0;
    fn branch(
        ctx: &Ctx,
        plan: &Plan,
        parent: Option<&Id>,
        parts: &Parts,
        names: &[Noun],
        action_noun: &Noun,
        shown: &mut usize,
    ) -> Html {
        let Some(list) = parts.children.get(&parent) else { return Html::default() };
        let items = list.iter().filter_map(|element| {
            if *shown >= TREE_SHOWN {
                return None;
            }
            *shown += 1;
            let level = names.get(element.level).map(|n| n.singular.clone()).unwrap_or_default();
            let code = parts.codes.get(&element.id).cloned().unwrap_or_default();
            let counts = (element.level == plan.objective_level).then(|| {
                let i = parts.indicators.get(&element.id).copied().unwrap_or(0);
                let a = parts.actions.get(&element.id).copied().unwrap_or(0);
                (ctx.words().indicators_and_actions)(i, a, action_noun)
            });
            let below = branch(ctx, plan, Some(&element.id), parts, names, action_noun, shown);
            Some(html! {
                <li>
                    <span class="level-name">{ format!("{level} {code}").trim().to_string() }</span>
                    { " " }<bdi class="element-title">{ &element.title }</bdi>
                    if let Some(counts) = counts { <span class="counts">{ counts }</span> }
                    { below }
                </li>
            })
        });
        html! { <ul>{ for items }</ul> }
    }
    struct Parts<'a> {
        children: HashMap<Option<&'a Id>, Vec<&'a Element>>,
        codes: HashMap<Id, String>,
        indicators: HashMap<&'a Id, usize>,
        actions: HashMap<&'a Id, usize>,
    }
    let parts = Parts { children, codes, indicators, actions };
    let top = branch(ctx, plan, None, &parts, names, &action_noun, &mut shown);
    let more = plan.elements.len().saturating_sub(shown);
    html! {
        // Scrolled on its own, so reachable by the keyboard.
        <div class="rebuilt-tree" tabindex="0" role="region" aria-labelledby="rebuilt-tree-title">
            { top }
            if more > 0 { <p class="hint">{ (ctx.words().more_elements)(more) }</p> }
        </div>
    }
}
