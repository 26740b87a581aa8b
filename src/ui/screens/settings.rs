//! The settings screen: what the plan is (title, organisations, period, its words for
//! levels and actions, its target groups) and how it is computed (status thresholds,
//! roll-up rule, numbering, how long a measurement counts). Checkpoints are edited on the follow-up screen, linked here.

use crate::ui::components::choice_select::ChoiceSelect;
use crate::ui::components::context_only::ContextOnly;
use crate::ui::components::level_names::LevelNames;
use crate::ui::components::line_field::LineField;
use crate::ui::components::organisations::organisations;
use crate::ui::components::period_form::period_form;
use crate::ui::components::target_groups::target_groups;
use crate::ui::components::thresholds_form::thresholds_form;
use crate::ui::context::use_ctx;
use crate::ui::route::Route;
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::model::plan::{Numbering, RollUp};
use jalon::model::subject::Subject;
use jalon::words::text;
use yew::prelude::*;

/// The value of each roll-up rule and numbering in its list.
fn roll_up_value(rule: RollUp) -> &'static str {
    match rule {
        RollUp::WorstOf => "worst_of",
        RollUp::Weighted => "weighted",
    }
}

fn numbering_value(numbering: Numbering) -> &'static str {
    match numbering {
        Numbering::Hierarchical => "hierarchical",
        Numbering::PerLevel => "per_level",
    }
}

#[function_component(Settings)]
pub fn settings() -> Html {
    let ctx = use_ctx();
    let w = ctx.words();
    let settings = &ctx.plan.settings;
    // Kept as a draft at each keystroke too: a tab closed before the save loses nothing.
    let on_title = crate::ui::drafts::title_input(&ctx);
    let on_roll_up = ctx.edit_from(Act::new(What::RollUp, Subject::Plan), |value: String| Change::SetRollUp {
        roll_up: if value == roll_up_value(RollUp::Weighted) { RollUp::Weighted } else { RollUp::WorstOf },
    });
    let on_numbering = ctx.edit_from(Act::new(What::Numbering, Subject::Plan), |value: String| Change::SetNumbering {
        numbering: if value == numbering_value(Numbering::PerLevel) {
            Numbering::PerLevel
        } else {
            Numbering::Hierarchical
        },
    });
    let roll_ups = [(RollUp::WorstOf, w.roll_up_worst), (RollUp::Weighted, w.roll_up_weighted)]
        .map(|(rule, words)| (AttrValue::from(roll_up_value(rule)), AttrValue::from(words)))
        .to_vec();
    // Per level, shown with the plan's own names: « Par niveau (Enjeu 2, Objectif 7) ».
    let objectives = text::objective_noun(&ctx.plan, ctx.lang);
    let example = match ctx.plan.level_name(0).filter(|top| **top != objectives) {
        Some(top) => format!("{} 2, {} 7", top.singular, objectives.singular),
        None => format!("{} 7", objectives.singular),
    };
    let numberings = [
        (Numbering::Hierarchical, w.numbering_hierarchical.to_owned()),
        (Numbering::PerLevel, (w.numbering_per_level)(&example)),
    ]
    .map(|(numbering, words)| (AttrValue::from(numbering_value(numbering)), AttrValue::from(words)))
    .to_vec();
    let on_months = ctx.edit_from(Act::new(What::MeasurementMonths, Subject::Plan), |value: String| {
        Change::SetMeasurementMonths { months: value.parse().ok() }
    });
    // The usual lengths, and the plan's own when its file holds another.
    let held = settings.measurement_months;
    let mut lengths: Vec<u16> = vec![12, 18, 24, 36];
    if let Some(n) = held.filter(|n| !lengths.contains(n)) {
        lengths.push(n);
        lengths.sort_unstable();
    }
    let months = std::iter::once((AttrValue::from(""), AttrValue::from(w.by_checkpoints)))
        .chain(lengths.into_iter().map(|n| (AttrValue::from(n.to_string()), AttrValue::from((w.for_months)(n)))))
        .collect::<Vec<_>>();
    html! {
        <div class="settings">
            <h1>{ w.plan_settings }</h1>
            <p class="help">{ w.settings_help }</p>
            <ContextOnly>
            <section class="card settings-part" aria-labelledby="settings-title-title">
                <h2 id="settings-title-title">{ w.title }</h2>
                <label for="settings-title" class="visually-hidden">{ w.title }</label>
                <LineField key={ctx.plan.id.to_string()} id="settings-title" value={ctx.plan.title.clone()} on_input={on_title} />
            </section>
            { organisations(&ctx) }
            { period_form(&ctx) }
            <LevelNames />
            { target_groups(&ctx) }
            <section class="card settings-part" aria-labelledby="checkpoints-title">
                <h2 id="checkpoints-title">{ w.checkpoints_title }</h2>
                <p>
                    { w.checkpoints_elsewhere }{ " " }
                    <a href={Route::FollowUp.href()}>{ w.go_to_follow_up }</a>
                </p>
            </section>
            { thresholds_form(&ctx) }
            <section class="card settings-part" aria-labelledby="too-old-title">
                <h2 id="too-old-title">{ w.measurements_too_old }</h2>
                <div class="field">
                    <label for="measurement-months">{ w.measurement_counts }</label>
                    <ChoiceSelect id="measurement-months" choices={months}
                        current={held.map_or_else(String::new, |n| n.to_string())}
                        on_change={on_months} described_by="measurement-months-help" />
                    <p class="help" id="measurement-months-help">{ w.measurement_counts_help }</p>
                </div>
            </section>
            <section class="card settings-part" aria-labelledby="computing-title">
                <h2 id="computing-title">{ w.computing }</h2>
                <div class="field">
                    <label for="roll-up">{ w.roll_up_rule }</label>
                    <ChoiceSelect id="roll-up" choices={roll_ups} current={roll_up_value(settings.roll_up)}
                        on_change={on_roll_up} described_by="roll-up-help" />
                    <p class="help" id="roll-up-help">{ (w.roll_up_help)(&objectives.plural) }</p>
                </div>
                <div class="field">
                    <label for="numbering">{ w.numbering }</label>
                    <ChoiceSelect id="numbering" choices={numberings} current={numbering_value(settings.numbering)}
                        on_change={on_numbering} described_by="numbering-help" />
                    <p class="help" id="numbering-help">{ w.numbering_help }</p>
                </div>
            </section>
            </ContextOnly>
        </div>
    }
}
