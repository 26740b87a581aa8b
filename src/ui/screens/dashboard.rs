//! The dashboard, the screen a plan opens on: the plan as of today or of a checkpoint —
//! its statuses counted and rolled up every level, every objective's progress, the
//! actions' states per responsible unit and per partner, what moved since the previous
//! checkpoint, and the checks, each linked to what it concerns.

use crate::ui::components::action_stats::ActionStatsTable;
use crate::ui::components::changes_list::ChangesList;
use crate::ui::components::checks::Checks;
use crate::ui::components::level_rollup::LevelRollup;
use crate::ui::components::measurement_rule::MeasurementRule;
use crate::ui::components::objective_progress::ObjectiveProgress;
use crate::ui::components::stacked_bar::{action_parts, status_parts, StackedBar};
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::kit::badge::status_badge;
use crate::ui::route::Route;
use chrono::NaiveDate;
use jalon::calc::check::{grouped_from, joined, of_indicators, of_the_rest, Group, OfIndicators, OfTheRest};
use jalon::calc::derived::{self, Part, Since};
use jalon::calc::rollup::{action_changes, action_stats, indicator_changes, report, ActionStats, Changes, Report};
use jalon::model::checkpoint::Checkpoint;
use jalon::model::id::Id;
use jalon::model::plan::Plan;
use jalon::words::text::{self, SubjectNames};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Everything the dashboard shows as of one date, computed once per revision and date.
struct Overview {
    report: Rc<Report>,
    codes: Rc<HashMap<Id, String>>,
    progress: Rc<HashMap<Id, jalon::calc::rollup::ObjectiveProgress>>,
    /// The checks' findings, grouped by kind.
    groups: Rc<Vec<Rc<Group>>>,
    names: Rc<SubjectNames>,
    /// The checkpoint the actions are reported at, and the one before it.
    latest: Option<Checkpoint>,
    previous: Option<Checkpoint>,
    stats: Option<Rc<Stats>>,
    changes: Option<Rc<Changes>>,
}

/// The action statistics, each table's rows shared with its component.
struct Stats {
    overall: jalon::calc::rollup::ActionCounts,
    by_responsible: Rc<std::collections::BTreeMap<String, jalon::calc::rollup::ActionCounts>>,
    by_partner: Rc<std::collections::BTreeMap<String, jalon::calc::rollup::ActionCounts>>,
    /// By target group, named with the plan's labels; `None` when the plan has none.
    by_group: Option<Rc<std::collections::BTreeMap<String, jalon::calc::rollup::ActionCounts>>>,
}

impl Stats {
    fn new(plan: &Plan, stats: ActionStats) -> Stats {
        let by_group = named(&stats.by_group).then(|| {
            let named = stats.by_group.into_iter().map(|(code, counts)| (text::target_group(plan, &code), counts));
            Rc::new(named.collect())
        });
        Stats {
            overall: stats.overall,
            by_responsible: Rc::new(stats.by_responsible),
            by_partner: Rc::new(stats.by_partner),
            by_group,
        }
    }
}

/// The dashboard's results, kept from one visit to the next and reused for a newer
/// plan whose parts they read are the same (`jalon::calc::derived`): after a status changed,
/// only what reads the actions is worked out again.
#[derive(Default)]
struct Kept {
    /// The plan every value below was worked out from.
    from: Option<Rc<Plan>>,
    report: Option<derived::Kept<NaiveDate, Report>>,
    progress: Option<derived::Kept<NaiveDate, HashMap<Id, jalon::calc::rollup::ObjectiveProgress>>>,
    codes: Option<derived::Kept<(), HashMap<Id, String>>>,
    stats: Option<derived::Kept<Id, Stats>>,
    action_changes: Option<derived::Kept<(Id, Id), Vec<jalon::calc::rollup::ActionChange>>>,
    indicator_changes: Option<derived::Kept<(Id, Id), Vec<jalon::calc::rollup::IndicatorChange>>>,
    of_indicators: Option<derived::Kept<(), OfIndicators>>,
    of_the_rest: Option<derived::Kept<(), OfTheRest>>,
    groups: Option<derived::Kept<(), Vec<Rc<Group>>>>,
    names: Option<derived::Kept<(), SubjectNames>>,
    changes: Option<derived::Kept<(Id, Id), Changes>>,
}

thread_local! {
    static KEPT: RefCell<Kept> = RefCell::default();
}

fn overview(plan: &Rc<Plan>, as_of: NaiveDate) -> Overview {
    use Part::{Actions, Budget, Frame, Indicators};
    KEPT.with_borrow_mut(|kept| {
        let from = kept.from.replace(plan.clone());
        let since = Since::new(from.as_ref(), plan);
        // With actions in the statuses (a setting, in the frame), the roll-ups read them.
        let rolled: &[Part] =
            if plan.settings.actions_in_status { &[Frame, Indicators, Actions] } else { &[Frame, Indicators] };
        let report = derived::reuse(&mut kept.report, &since, rolled, as_of, || report(plan, as_of));
        let progress = derived::reuse(&mut kept.progress, &since, rolled, as_of, || {
            jalon::calc::rollup::objective_progress(plan, &report)
        });
        let codes = derived::reuse(&mut kept.codes, &since, &[Frame], (), || plan.distinct_codes());
        // Judged at the current checkpoint, as `check` judges them (the frame holds it).
        let current = plan.current_checkpoint();
        let of_indicators =
            derived::reuse(&mut kept.of_indicators, &since, &[Frame, Indicators], (), || of_indicators(plan, current));
        let of_the_rest =
            derived::reuse(&mut kept.of_the_rest, &since, &[Frame, Indicators, Actions, Budget], (), || {
                of_the_rest(plan, current)
            });
        let groups = derived::reuse(&mut kept.groups, &since, &[Frame, Indicators, Actions, Budget], (), || {
            grouped_from(joined(&of_indicators, &of_the_rest)).into_iter().map(Rc::new).collect()
        });
        let names = derived::reuse(&mut kept.names, &since, &[Frame], (), || SubjectNames::new(plan));
        let latest = plan.checkpoint_at(as_of).cloned();
        let previous = latest.as_ref().and_then(|latest| plan.checkpoint_before(&latest.id).cloned());
        let stats = match &latest {
            Some(c) => Some(derived::reuse(&mut kept.stats, &since, &[Frame, Actions], c.id.clone(), || {
                Stats::new(plan, action_stats(plan, &c.id))
            })),
            None => {
                // What is not worked out for this plan is not kept for a later one.
                kept.stats = None;
                None
            }
        };
        let changes = match (&previous, &latest) {
            (Some(from), Some(to)) => {
                let between = (from.id.clone(), to.id.clone());
                let actions =
                    derived::reuse(&mut kept.action_changes, &since, &[Frame, Actions], between.clone(), || {
                        action_changes(plan, &from.id, &to.id)
                    });
                let indicators =
                    derived::reuse(&mut kept.indicator_changes, &since, &[Frame, Indicators], between.clone(), || {
                        indicator_changes(plan, &from.id, &to.id)
                    });
                Some(derived::reuse(&mut kept.changes, &since, &[Frame, Indicators, Actions], between, || Changes {
                    actions: (*actions).clone(),
                    indicators: (*indicators).clone(),
                }))
            }
            _ => {
                kept.action_changes = None;
                kept.indicator_changes = None;
                kept.changes = None;
                None
            }
        };
        Overview { report, codes, progress, groups, names, latest, previous, stats, changes }
    })
}

/// How long edits must pause before the dashboard's results are worked out ahead: less
/// than the save's pause, so that both fall in the same lull.
const AHEAD_AFTER_MS: u32 = 200;

/// The dashboard's results worked out ahead for each new version of the plan, once edits
/// pause, when they were kept from an earlier visit to the same plan: going back to the dashboard after a
/// change then only draws it. Work the dashboard would do on its next visit, no more,
/// and only what the change made stale (a status changed: what reads the actions).
#[hook]
pub fn use_dashboard_ahead(ctx: &Ctx) {
    let (plan, today, elsewhere) = (ctx.plan.clone(), ctx.today, ctx.route != Route::Dashboard);
    use_effect_with(ctx.revision, move |_| {
        let ahead = elsewhere.then(|| {
            gloo::timers::callback::Timeout::new(AHEAD_AFTER_MS, move || {
                if KEPT.with_borrow(|kept| kept.from.as_ref().is_some_and(|from| from.id == plan.id)) {
                    overview(&plan, today);
                }
            })
        });
        move || drop(ahead)
    });
}

fn checkpoint_name(ctx: &Ctx, checkpoint: &Checkpoint) -> String {
    format!("{} ({})", checkpoint.label, text::day(checkpoint.date, ctx.lang))
}

#[function_component(Dashboard)]
pub fn dashboard() -> Html {
    let ctx = use_ctx();
    // The checkpoint chosen as « as of »; `None` is today.
    let chosen = use_state(|| None::<Id>);
    let as_of = (*chosen)
        .as_ref()
        .and_then(|id| ctx.plan.checkpoints.iter().find(|c| &c.id == id))
        .map_or(ctx.today, |c| c.date);
    let overview = {
        let plan = ctx.plan.clone();
        use_memo((ctx.revision, as_of), move |(_, as_of)| overview(&plan, *as_of))
    };

    let on_as_of = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            chosen.set((!value.is_empty()).then(|| Id::new(value)));
        })
    };
    let mut checkpoints: Vec<&Checkpoint> = ctx.plan.checkpoints.iter().collect();
    checkpoints.sort_by_key(|c| c.date);
    let plan_summary = &overview.report.plan;
    let plan_status = plan_summary.status(&ctx.plan.settings);
    let status_title = ctx.words().indicators_status;
    let last_level = ctx.plan.levels.len();

    html! {
        <div class="dashboard">
            <h1>{ ctx.words().dashboard }</h1>
            <div class="as-of">
                <label for="as-of">{ ctx.words().as_of }</label>
                <select id="as-of" onchange={on_as_of}>
                    <option value="" selected={chosen.is_none()}>
                        { format!("{} ({})", ctx.words().today, text::day(ctx.today, ctx.lang)) }
                    </option>
                    { for checkpoints.iter().map(|c| html! {
                        <option value={c.id.to_string()} selected={chosen.as_ref() == Some(&c.id)}>{ checkpoint_name(&ctx, c) }</option>
                    }) }
                </select>
            </div>

            <section class="card plan-status" aria-labelledby="plan-status-title">
                <h2 id="plan-status-title">
                    { (ctx.words().plan_as_of)(&text::day(as_of, ctx.lang)) }
                    { " " }{ status_badge(plan_status, ctx.lang) }
                </h2>
                <p class="counts">{ text::status_counts(plan_summary, ctx.lang) }</p>
                <StackedBar title={status_title} desc={text::status_counts(plan_summary, ctx.lang)}
                    parts={status_parts(plan_summary, ctx.lang)} legend=true />
                <MeasurementRule {as_of} />
            </section>

            <section class="rollups" aria-labelledby="rollups-title">
                <h2 id="rollups-title">{ ctx.words().level_plan }</h2>
                { for (0..last_level).filter(|l| *l != ctx.plan.objective_level).map(|level| html! {
                    <LevelRollup key={level} {level} report={overview.report.clone()} codes={overview.codes.clone()} />
                }) }
            </section>

            <ObjectiveProgress report={overview.report.clone()} codes={overview.codes.clone()} progress={overview.progress.clone()} />

            { action_section(&ctx, &overview) }
            { changes_section(&ctx, &overview) }

            <Checks groups={overview.groups.clone()} names={overview.names.clone()} />
        </div>
    }
}

fn action_section(ctx: &Ctx, overview: &Overview) -> Html {
    let name = &ctx.plan.action_name.plural;
    let (Some(latest), Some(stats)) = (&overview.latest, &overview.stats) else {
        return html! {
            <section class="card" aria-labelledby="action-stats-title">
                <h2 id="action-stats-title">{ name }</h2>
                <p class="empty">{ ctx.words().no_checkpoint_at_date }</p>
            </section>
        };
    };
    let title = format!("{} — {}", name, checkpoint_name(ctx, latest));
    html! {
        <section class="card" aria-labelledby="action-stats-title">
            <h2 id="action-stats-title">{ title.clone() }</h2>
            <p class="counts">{ text::action_counts(&stats.overall, ctx.lang) }</p>
            <StackedBar title={title} desc={text::action_counts(&stats.overall, ctx.lang)}
                parts={action_parts(&stats.overall, ctx.lang)} legend=true />
            // A plan that names no responsible (or no partner) anywhere has no table of
            // them: the checks say it once for the plan.
            if named(&stats.by_responsible) {
                <ActionStatsTable title={ctx.words().responsible_unit}
                    group={ctx.words().responsible} unnamed={ctx.words().no_one_responsible}
                    rows={stats.by_responsible.clone()} />
            }
            if named(&stats.by_partner) {
                <ActionStatsTable title={ctx.words().by_partner}
                    group={ctx.words().partner} unnamed={ctx.words().no_partner}
                    rows={stats.by_partner.clone()} />
            }
            if let Some(by_group) = &stats.by_group {
                <ActionStatsTable title={ctx.words().by_target_group}
                    group={ctx.words().target_groups} unnamed={ctx.words().no_target_group}
                    rows={by_group.clone()} />
            }
        </section>
    }
}

/// Whether some row of a table of counts is named (the unnamed row is « Sans … »).
fn named(rows: &std::collections::BTreeMap<String, jalon::calc::rollup::ActionCounts>) -> bool {
    rows.keys().any(|name| !name.is_empty())
}

fn changes_section(ctx: &Ctx, overview: &Overview) -> Html {
    let body = match (&overview.previous, &overview.latest, &overview.changes) {
        (Some(from), Some(to), Some(changes)) => html! {
            <>
                <p>{ (ctx.words().changes_from_to)(&checkpoint_name(ctx, from), &checkpoint_name(ctx, to)) }</p>
                <ChangesList changes={changes.clone()} />
            </>
        },
        _ => html! {
            <p class="empty">{ ctx.words().two_checkpoints_needed }</p>
        },
    };
    html! {
        <section class="card" aria-labelledby="changes-title">
            <h2 id="changes-title">{ ctx.words().since_previous_checkpoint }</h2>
            { body }
        </section>
    }
}
