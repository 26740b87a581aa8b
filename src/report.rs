//! The printed bilan: the plan's progress at a checkpoint, written as one HTML document
//! for the board and the annual report.
//!
//! The same text is shown in the page, printed through the browser's own dialog, and
//! saved as a self-contained file that needs no script (`document`). Every figure comes
//! from the functions the dashboard calls (`rollup`, `status`, `check`), at the
//! checkpoint's date, so the bilan and the dashboard as of that checkpoint agree.

mod back;
pub mod chart;
mod front;
pub mod html;
mod objectives;
mod style;

use crate::calc::check::{check_at, Finding};
use crate::calc::rollup::{self, ActionStats, Changes, ObjectiveProgress, Report};
use crate::calc::status::Status;
use crate::model::action::ActionStatus;
use crate::model::checkpoint::Checkpoint;
use crate::model::id::Id;
use crate::model::plan::Plan;
use crate::report::html::Html;
use crate::words::lang::Lang;
use crate::words::table::{words, Words};
use crate::words::text;
use chrono::NaiveDate;
use std::collections::HashMap;

pub use style::{STYLE, STYLE_HASH};

/// Full, or short: each objective kept to one page, without charts or narratives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Length {
    #[default]
    Full,
    Short,
}

/// The paper the bilan is laid out for; the margins suit both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    Letter,
    A4,
}

impl Paper {
    /// The class that names the stylesheet's page (`@page letter`, `@page a4`).
    fn class(self) -> &'static str {
        match self {
            Paper::Letter => "letter",
            Paper::A4 => "a4",
        }
    }
}

/// The sections a bilan may leave out; the cover, the summary and the objectives are
/// always there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Include {
    pub indicators: bool,
    pub actions: bool,
    pub budget: bool,
    pub checks: bool,
    pub changes: bool,
}

impl Default for Include {
    fn default() -> Include {
        Include { indicators: true, actions: true, budget: true, checks: true, changes: true }
    }
}

/// What the user chose on the bilan's screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    /// The bilan's « as of »; `None` in a plan without checkpoints, as of the day printed.
    pub checkpoint: Option<Id>,
    pub length: Length,
    pub include: Include,
    pub paper: Paper,
    pub lang: Lang,
}

/// Everything a bilan states, computed once from the plan as of its date.
struct Bilan<'a> {
    plan: &'a Plan,
    options: &'a Options,
    words: &'static Words,
    printed: NaiveDate,
    as_of: NaiveDate,
    /// The checkpoint the actions are reported at, and the one before it.
    checkpoint: Option<&'a Checkpoint>,
    previous: Option<&'a Checkpoint>,
    report: Report,
    codes: HashMap<Id, String>,
    progress: HashMap<Id, ObjectiveProgress>,
    stats: Option<ActionStats>,
    changes: Option<Changes>,
    findings: Vec<Finding>,
}

impl<'a> Bilan<'a> {
    fn new(plan: &'a Plan, options: &'a Options, printed: NaiveDate) -> Bilan<'a> {
        let as_of = as_of(plan, options, printed);
        let report = rollup::report(plan, as_of);
        let progress = rollup::objective_progress(plan, &report);
        // As the dashboard reads a date: the checkpoint on or before it, and the one before.
        let checkpoint = chosen(plan, options).or_else(|| plan.checkpoint_at(as_of));
        let previous = checkpoint.and_then(|c| plan.checkpoint_before(&c.id));
        let stats = checkpoint.map(|c| rollup::action_stats(plan, &c.id));
        let changes = match (previous, checkpoint) {
            (Some(from), Some(to)) => Some(rollup::changes(plan, &from.id, &to.id)),
            _ => None,
        };
        Bilan {
            plan,
            options,
            words: words(options.lang),
            printed,
            as_of,
            checkpoint,
            previous,
            report,
            codes: plan.codes(),
            progress,
            stats,
            changes,
            findings: check_at(plan, checkpoint),
        }
    }

    fn lang(&self) -> Lang {
        self.options.lang
    }

    fn day(&self, date: NaiveDate) -> String {
        text::day(date, self.lang())
    }

    /// « Bilan de juin (20 juin 2024) », or the day alone without a checkpoint.
    fn checkpoint_name(&self, checkpoint: Option<&Checkpoint>) -> String {
        match checkpoint {
            Some(c) => format!("{} ({})", c.label, self.day(c.date)),
            None => self.day(self.as_of),
        }
    }

    /// « Objectif 1.2 », the plan's word and the element's code; empty without a code.
    fn element_name(&self, id: &Id) -> String {
        let Some(element) = self.plan.element(id) else { return String::new() };
        let code = self.codes.get(id).map_or("", String::as_str);
        match self.plan.level_name(element.level) {
            Some(name) if !code.is_empty() => format!("{} {code}", name.singular),
            _ => code.to_owned(),
        }
    }

    fn status(&self, html: &mut Html, status: Status) {
        badge(html, status_class(status), status_shape(status), text::status(status, self.lang()));
    }

    /// A segment's status, « Mesure trop ancienne : juin 2024 » when that is why it is
    /// not measured.
    fn segment_status(&self, html: &mut Html, p: &crate::calc::status::SegmentProgress) {
        badge(html, status_class(p.status), status_shape(p.status), &text::segment_status(p, self.lang()));
    }

    /// An action's état at the bilan's checkpoint, or « Non rapporté ».
    fn action_status(&self, html: &mut Html, status: Option<ActionStatus>) {
        match status {
            Some(s) => badge(html, action_class(s), action_shape(s), text::action_status(s, self.lang())),
            None => badge(html, "act-none", NOT_REPORTED, self.words.no_report),
        }
    }
}

/// A status as colour, shape and word, so that it reads in black and white too.
fn badge(html: &mut Html, class: &str, shape: &str, word: &str) {
    html.open("span", &[("class", &format!("st {class}"))]);
    html.open("svg", &[("class", "shape"), ("viewBox", "0 0 10 10"), ("aria-hidden", "true")]);
    html.empty("path", &[("d", shape)]);
    html.close("svg").text(word).close("span");
}

// The shapes: a full circle for what is reached, a ring for what is not measured, a
// triangle pointing up, a diamond, and one pointing down as the news worsens.
const CIRCLE: &str = "M5 .5A4.5 4.5 0 1 1 4.99 .5Z";
const RING: &str = "M5 .5A4.5 4.5 0 1 1 4.99 .5ZM5 2.6A2.4 2.4 0 1 0 5.01 2.6Z";
const UP: &str = "M5 .5 9.5 9.5H.5Z";
const DIAMOND: &str = "M5 .5 9.5 5 5 9.5 .5 5Z";
const DOWN: &str = "M.5 .5H9.5L5 9.5Z";
const RIGHT: &str = "M1 .5 9.5 5 1 9.5Z";
const PAUSE: &str = "M1.5 1H4V9H1.5ZM6 1H8.5V9H6Z";
const CROSS: &str = "M1 2.5 2.5 1 5 3.5 7.5 1 9 2.5 6.5 5 9 7.5 7.5 9 5 6.5 2.5 9 1 7.5 3.5 5Z";
const NOT_REPORTED: &str = "M1 4H9V6H1Z";

fn status_class(status: Status) -> &'static str {
    match status {
        Status::Reached => "st-reached",
        Status::OnTrack => "st-ontrack",
        Status::ToWatch => "st-towatch",
        Status::Late => "st-late",
        Status::NotMeasured => "st-notmeasured",
    }
}

fn status_shape(status: Status) -> &'static str {
    match status {
        Status::Reached => CIRCLE,
        Status::OnTrack => UP,
        Status::ToWatch => DIAMOND,
        Status::Late => DOWN,
        Status::NotMeasured => RING,
    }
}

fn action_class(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Done => "act-done",
        ActionStatus::InProgress => "act-inprogress",
        ActionStatus::NotStarted => "act-notstarted",
        ActionStatus::OnHold => "act-onhold",
        ActionStatus::Postponed => "act-postponed",
        ActionStatus::Dropped => "act-dropped",
    }
}

fn action_shape(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Done => CIRCLE,
        ActionStatus::InProgress => RIGHT,
        ActionStatus::NotStarted => RING,
        ActionStatus::OnHold => PAUSE,
        ActionStatus::Postponed => DOWN,
        ActionStatus::Dropped => CROSS,
    }
}

/// A table's header row, repeated on every printed page the table spans.
fn head(html: &mut Html, columns: &[&str]) {
    html.open("thead", &[]).open("tr", &[]);
    for column in columns {
        html.element("th", &[("scope", "col")], column);
    }
    html.close("tr").close("thead");
}

/// The bilan as an `<article>`: what the page shows and prints, and the body of the
/// saved copy. `printed` is the day it is made.
pub fn body(plan: &Plan, options: &Options, printed: NaiveDate) -> String {
    let bilan = Bilan::new(plan, options, printed);
    let length = match options.length {
        Length::Full => "full",
        Length::Short => "short",
    };
    let class = format!("bilan {} {length}", options.paper.class());
    let mut html = Html::new();
    html.open("article", &[("class", &class), ("lang", options.lang.code())]);
    front::cover(&bilan, &mut html);
    front::summary(&bilan, &mut html);
    objectives::tree(&bilan, &mut html);
    if options.include.budget && !plan.budget.is_empty() {
        back::budget(&bilan, &mut html);
    }
    if options.include.changes {
        back::changes(&bilan, &mut html);
    }
    if options.include.checks {
        back::findings(&bilan, &mut html);
    }
    html.close("article");
    html.into_string()
}

/// The bilan as a file of its own: the same article with its stylesheet, under a
/// policy that allows no script and no connection, readable and printable anywhere.
pub fn document(plan: &Plan, options: &Options, printed: NaiveDate) -> String {
    let lang = options.lang;
    let policy =
        format!("default-src 'none'; style-src '{STYLE_HASH}'; img-src data:; base-uri 'none'; form-action 'none'");
    let mut html = Html::new();
    html.trusted("<!doctype html>");
    html.open("html", &[("lang", lang.code())]).open("head", &[]);
    html.empty("meta", &[("charset", "utf-8")]);
    html.empty("meta", &[("name", "viewport"), ("content", "width=device-width, initial-scale=1")]);
    html.empty("meta", &[("http-equiv", "Content-Security-Policy"), ("content", &policy)]);
    html.element("title", &[], &title(plan, options, printed));
    html.open("style", &[]).trusted(STYLE).close("style");
    html.close("head").open("body", &[("class", "bilan-file")]);
    html.trusted(&body(plan, options, printed));
    html.close("body").close("html");
    html.into_string()
}

/// « Plan d'engagement 2023-2027 — Bilan au 12 décembre 2023 »: the saved copy's title,
/// and the page's while it shows the bilan.
pub fn title(plan: &Plan, options: &Options, printed: NaiveDate) -> String {
    let day = text::day(as_of(plan, options, printed), options.lang);
    format!("{} — {}", plan.title, (words(options.lang).report_as_of)(&day))
}

/// The day a bilan is as of: its checkpoint's, or the day printed without one.
pub fn as_of(plan: &Plan, options: &Options, printed: NaiveDate) -> NaiveDate {
    chosen(plan, options).map_or(printed, |c| c.date)
}

/// The checkpoint the options name, if the plan has it.
fn chosen<'a>(plan: &'a Plan, options: &Options) -> Option<&'a Checkpoint> {
    options.checkpoint.as_ref().and_then(|id| plan.checkpoints.iter().find(|c| &c.id == id))
}

/// The saved copy's name, after the plan and its checkpoint:
/// « plan-d-engagement-2023-2027-bilan-de-mi-annee-2023-12-12.html ».
pub fn file_name(plan: &Plan, options: &Options, printed: NaiveDate) -> String {
    let kind = match options.lang {
        Lang::Fr => "bilan",
        Lang::En => "report",
    };
    let label = chosen(plan, options).map_or(kind, |c| c.label.as_str());
    crate::format::dated_name(&[&plan.title, label], as_of(plan, options, printed), "html")
}

#[cfg(test)]
mod tests;
