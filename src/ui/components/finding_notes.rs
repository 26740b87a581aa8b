//! The checks that concern one budget line, total or allocation, shown beside it.

use crate::ui::context::use_ctx;
use jalon::calc::check::Finding;
use jalon::model::subject::Subject;
use jalon::words::text;
use yew::prelude::*;

/// The findings about `subject`, in the order of the checks.
pub fn about(findings: &[Finding], subject: &Subject) -> Vec<Finding> {
    findings.iter().filter(|f| &f.subject() == subject).cloned().collect()
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub findings: Vec<Finding>,
}

#[function_component(FindingNotes)]
pub fn finding_notes(props: &Props) -> Html {
    let ctx = use_ctx();
    if props.findings.is_empty() {
        return html! {};
    }
    html! {
        <ul class="notes" aria-label={ctx.words().checks}>
            { for props.findings.iter().map(|f| html! {
                <li><span class="warn-mark">{ ctx.words().warning }</span>{ " " }{ text::finding(&ctx.plan, f, ctx.lang) }</li>
            }) }
        </ul>
    }
}
