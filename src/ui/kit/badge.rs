//! A status as a badge, and the classes that colour a status: each class named by a
//! method over an exhaustive match, so that a new status will not compile without its
//! colour, and renaming a variant does not change the page's CSS.

use jalon::calc::status::{SegmentProgress, Status};
use jalon::model::action::{ActionStatus, ProgressRecord};
use jalon::words::table::words;
use jalon::words::text::{self, Lang};
use yew::prelude::*;

/// What a status is coloured by: on badges and lists (`class`), and in bars (`fill`).
pub trait Colour: Copy {
    fn class(self) -> &'static str;
    fn fill(self) -> &'static str;
}

impl Colour for Status {
    fn class(self) -> &'static str {
        match self {
            Status::Reached => "status-reached",
            Status::OnTrack => "status-ontrack",
            Status::ToWatch => "status-towatch",
            Status::Late => "status-late",
            Status::NotMeasured => "status-notmeasured",
        }
    }

    fn fill(self) -> &'static str {
        match self {
            Status::Reached => "fill-reached",
            Status::OnTrack => "fill-ontrack",
            Status::ToWatch => "fill-towatch",
            Status::Late => "fill-late",
            Status::NotMeasured => "fill-notmeasured",
        }
    }
}

impl Colour for ActionStatus {
    fn class(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "action-notstarted",
            ActionStatus::InProgress => "action-inprogress",
            ActionStatus::Done => "action-done",
            ActionStatus::OnHold => "action-onhold",
            ActionStatus::Postponed => "action-postponed",
            ActionStatus::Dropped => "action-dropped",
        }
    }

    fn fill(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "fill-notstarted",
            ActionStatus::InProgress => "fill-inprogress",
            ActionStatus::Done => "fill-done",
            ActionStatus::OnHold => "fill-onhold",
            ActionStatus::Postponed => "fill-postponed",
            ActionStatus::Dropped => "fill-dropped",
        }
    }
}

/// A status as a badge, in the words given.
pub fn badge(status: impl Colour, words: impl Into<AttrValue>) -> Html {
    // A plain string, not `classes!`: its set of names costs an allocation to make and
    // to drop, for hundreds of badges on the dashboard.
    html! { <span class={format!("badge {}", status.class())}>{ words.into() }</span> }
}

/// A status as a badge, in the words of the core.
pub fn status_badge(status: Status, lang: Lang) -> Html {
    badge(status, text::status(status, lang))
}

/// A segment's status as a badge: « Mesure trop ancienne : juin 2024 » when that is
/// why it is not measured (`text::segment_status`).
pub fn segment_badge(progress: &SegmentProgress, lang: Lang) -> Html {
    badge(progress.status, text::segment_status(progress, lang))
}

/// An action's état d'avancement as a badge: its status and percent, or « Non rapporté ».
pub fn action_badge(record: Option<&ProgressRecord>, lang: Lang) -> Html {
    match record {
        Some(r) => {
            let percent = r.percent.map(|p| format!(" · {}", text::percent(f64::from(p), lang)));
            badge(r.status, format!("{}{}", text::action_status(r.status, lang), percent.unwrap_or_default()))
        }
        None => html! { <span class="badge">{ words(lang).no_report }</span> },
    }
}

#[cfg(test)]
mod tests {
    use super::Colour;
    use jalon::calc::status::Status;
    use jalon::model::action::ActionStatus;

    /// The page's CSS names these classes.
    #[test]
    fn each_status_has_its_own_class_and_fill() {
        let classes: Vec<_> = Status::ALL.iter().map(|s| (s.class(), s.fill())).collect();
        assert_eq!(classes[1], ("status-ontrack", "fill-ontrack"));
        let actions: Vec<_> = ActionStatus::ALL.iter().map(|s| (s.class(), s.fill())).collect();
        assert_eq!(actions[0], ("action-notstarted", "fill-notstarted"));
        for list in [classes.iter().map(|c| c.0).collect::<Vec<_>>(), actions.iter().map(|c| c.0).collect()] {
            let mut unique = list.clone();
            unique.dedup();
            assert_eq!(unique.len(), list.len());
        }
    }
}
