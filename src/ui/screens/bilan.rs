//! The printed bilan: the user chooses its checkpoint, length, sections and paper; the
//! core writes it (`jalon::report`), the page shows it as it will print, and the
//! browser's own dialog prints it or saves it as PDF. The saved HTML copy is the same
//! text with its stylesheet. Nothing is sent anywhere.

use crate::ui::context::{use_ctx, use_plan_memo_with};
use crate::ui::download::download;
use jalon::model::id::Id;
use jalon::report::{self, Include, Length, Options, Paper};
use jalon::words::text;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// What the user chose; the language is the page's.
#[derive(Clone, PartialEq)]
struct Choice {
    /// `None` until the user picks one: the plan's current checkpoint.
    checkpoint: Option<Id>,
    length: Length,
    include: Include,
    paper: Paper,
}

/// A checkbox of the « Inclure » group and the section it keeps.
type Section<'a> = (&'a str, fn(&mut Include) -> &mut bool);

#[function_component(Bilan)]
pub fn bilan() -> Html {
    let ctx = use_ctx();
    let w = ctx.words();
    let choice = use_state(|| Choice {
        checkpoint: None,
        length: Length::Full,
        include: Include::default(),
        paper: Paper::Letter,
    });
    let plan = &ctx.plan;
    let checkpoint = choice
        .checkpoint
        .clone()
        .filter(|id| plan.checkpoints.iter().any(|c| &c.id == id))
        .or_else(|| plan.current_checkpoint().map(|c| c.id.clone()));
    let options =
        Options { checkpoint, length: choice.length, include: choice.include, paper: choice.paper, lang: ctx.lang };
    let body = use_plan_memo_with(&ctx, (options.clone(), ctx.today), |plan, (options, today)| {
        AttrValue::from(report::body(plan, options, *today))
    });

    let on_checkpoint = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            choice.set(Choice { checkpoint: Some(Id::new(value)), ..(*choice).clone() });
        })
    };
    // A radio button's value, given to the choice it sets.
    // The page's title names the bilan while it is shown: the print dialog offers it as
    // the PDF's name.
    {
        let title = report::title(plan, &options, ctx.today);
        use_effect_with(title, |title| {
            let document = gloo::utils::document();
            let before = document.title();
            document.set_title(title);
            move || document.set_title(&before)
        });
    }
    let change = |update: fn(&mut Choice, &str)| {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = (*choice).clone();
            update(&mut next, &value);
            choice.set(next);
        })
    };
    let on_length = change(|c, value| c.length = if value == "short" { Length::Short } else { Length::Full });
    let on_paper = change(|c, value| c.paper = if value == "a4" { Paper::A4 } else { Paper::Letter });
    let toggle = |field: fn(&mut Include) -> &mut bool| {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut next = (*choice).clone();
            *field(&mut next.include) = checked;
            choice.set(next);
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let save_html = {
        let (plan, options, today) = (ctx.plan.clone(), options.clone(), ctx.today);
        Callback::from(move |_: MouseEvent| {
            let document = report::document(&plan, &options, today);
            download(&report::file_name(&plan, &options, today), &document, "text/html;charset=utf-8");
        })
    };

    let mut checkpoints: Vec<&jalon::model::checkpoint::Checkpoint> = plan.checkpoints.iter().collect();
    checkpoints.sort_by_key(|c| c.date);
    let sections: [Section; 5] = [
        (w.indicators, |i| &mut i.indicators),
        (plan.action_name.plural.as_str(), |i| &mut i.actions),
        (w.budget, |i| &mut i.budget),
        (w.checks, |i| &mut i.checks),
        (w.changes_in_detail, |i| &mut i.changes),
    ];
    let short = (w.report_short)(&text::objective_noun(plan, ctx.lang).singular);
    let radio = |name: &'static str, value: &'static str, label: &str, checked: bool, on: &Callback<Event>| {
        let id = format!("bilan-{name}-{value}");
        html! {
            <label for={id.clone()}>
                <input type="radio" id={id} {name} {value} {checked} onchange={on.clone()} />{ " " }{ label.to_owned() }
            </label>
        }
    };

    html! {
        <div class="bilan-screen">
            <div class="bilan-controls no-print">
                <h1>{ w.report_title }</h1>
                <p class="intro">{ w.report_intro }</p>
                <div class="bilan-choices">
                    if checkpoints.is_empty() {
                        <p class="empty">{ w.report_no_checkpoint }</p>
                    } else {
                        <div class="field">
                            <label for="bilan-checkpoint">{ w.report_checkpoint }</label>
                            <select id="bilan-checkpoint" onchange={on_checkpoint}>
                                { for checkpoints.iter().map(|c| html! {
                                    <option value={c.id.to_string()} selected={options.checkpoint.as_ref() == Some(&c.id)}>
                                        { format!("{} ({})", c.label, text::day(c.date, ctx.lang)) }
                                    </option>
                                }) }
                            </select>
                        </div>
                    }
                    <fieldset>
                        <legend>{ w.report_length }</legend>
                        { radio("length", "full", w.report_full, options.length == Length::Full, &on_length) }
                        { radio("length", "short", &short, options.length == Length::Short, &on_length) }
                    </fieldset>
                    <fieldset>
                        <legend>{ w.report_include }</legend>
                        { for sections.iter().enumerate().map(|(k, (label, field))| {
                            let id = format!("bilan-include-{k}");
                            // Read through the same field the checkbox sets.
                            let checked = *field(&mut options.include.clone());
                            html! {
                                <label for={id.clone()}>
                                    <input type="checkbox" id={id} {checked} onchange={toggle(*field)} />{ " " }{ *label }
                                </label>
                            }
                        }) }
                    </fieldset>
                    <fieldset>
                        <legend>{ w.report_paper }</legend>
                        { radio("paper", "letter", w.report_letter, options.paper == Paper::Letter, &on_paper) }
                        { radio("paper", "a4", w.report_a4, options.paper == Paper::A4, &on_paper) }
                    </fieldset>
                </div>
                <div class="bilan-actions">
                    <button type="button" onclick={print.clone()}>{ w.report_print }</button>
                    <button type="button" onclick={print} aria-describedby="bilan-pdf-help">{ w.report_pdf }</button>
                    <button type="button" onclick={save_html} aria-describedby="bilan-html-help">{ w.report_html }</button>
                </div>
                <p id="bilan-pdf-help" class="help">{ w.report_pdf_help }</p>
                <p id="bilan-html-help" class="help">{ w.report_html_help }</p>
            </div>
            <div class="bilan-preview" role="region" aria-label={w.report_preview}>
                // Written by the core's escaping writer: every text of the plan is escaped.
                { Html::from_html_unchecked((*body).clone()) }
            </div>
        </div>
    }
}
