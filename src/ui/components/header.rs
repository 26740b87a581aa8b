//! The page's banner: the plan's title (editable), its organisations and period, and
//! the language switch.

use crate::ui::labels::labels;
use jalon::plan::Plan;
use jalon::text::{self, Lang};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub plan: Rc<Plan>,
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
    pub on_title: Callback<String>,
}

#[function_component(Header)]
pub fn header(props: &Props) -> Html {
    let l = labels(props.lang);
    let plan = &props.plan;
    let other = match props.lang {
        Lang::Fr => Lang::En,
        Lang::En => Lang::Fr,
    };
    let on_switch = props.on_lang.reform(move |_: MouseEvent| other);
    let on_input = props
        .on_title
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let organisations =
        plan.organisations.iter().map(|o| o.name.as_str()).collect::<Vec<_>>().join(" · ");
    html! {
        <header class="banner">
            <div class="brand">
                <span class="logo" aria-hidden="true">{ "◆" }</span>
                <span class="name">{ "Jalon" }</span>
                <span class="tagline">{ l.app_tagline }</span>
                <button type="button" class="lang" lang={other.code()} aria-label={l.switch_language_label}
                    onclick={on_switch}>{ l.switch_language }</button>
            </div>
            <label class="title-field">
                <span class="visually-hidden">{ l.plan_title }</span>
                <input id="plan-title" type="text" value={plan.title.clone()} oninput={on_input} />
            </label>
            <p class="plan-facts">
                <span>{ organisations }</span>
                <span>
                    { match props.lang {
                        Lang::Fr => format!("{}\u{a0}: ", l.period),
                        Lang::En => format!("{}: ", l.period),
                    } }
                    { text::day(plan.period.start, props.lang) }
                    { format!(" {} ", l.period_to) }
                    { text::day(plan.period.end, props.lang) }
                </span>
            </p>
        </header>
    }
}
