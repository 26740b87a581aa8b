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
use jalon::calc::derived::{self, reads, Since};
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
#[derive(PartialEq)]
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
    KEPT.with_borrow_mut(|kept| {
        let from = kept.from.replace(plan.clone());
        let since = Since::new(from.as_ref(), plan);
        let rolled = reads::statuses(&plan.settings);
        let report = derived::reuse(&mut kept.report, &since, &rolled, as_of, || report(plan, as_of));
        let progress = derived::reuse(&mut kept.progress, &since, &rolled, as_of, || {
            jalon::calc::rollup::objective_progress(plan, &report)
        });
        let codes = derived::reuse(&mut kept.codes, &since, reads::CODES, (), || plan.distinct_codes());
        // Judged at the current checkpoint, as `check` judges them (the dates hold it).
        let current = plan.current_checkpoint();
        let of_indicators =
            derived::reuse(&mut kept.of_indicators, &since, reads::OF_INDICATORS, (), || of_indicators(plan, current));
        let of_the_rest =
            derived::reuse(&mut kept.of_the_rest, &since, reads::OF_THE_REST, (), || of_the_rest(plan, current));
        let groups =
            derived::reuse(&mut kept.groups, &since, &[reads::OF_INDICATORS, reads::OF_THE_REST].concat(), (), || {
                grouped_from(joined(&of_indicators, &of_the_rest)).into_iter().map(Rc::new).collect()
            });
        let names = derived::reuse(&mut kept.names, &since, reads::SUBJECT_NAMES, (), || SubjectNames::new(plan));
        let latest = plan.checkpoint_at(as_of).cloned();
        let previous = latest.as_ref().and_then(|latest| plan.checkpoint_before(&latest.id).cloned());
        let stats = match &latest {
            Some(c) => Some(derived::reuse(&mut kept.stats, &since, reads::ACTION_STATS, c.id.clone(), || {
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
                    derived::reuse(&mut kept.action_changes, &since, reads::ACTION_CHANGES, between.clone(), || {
                        action_changes(plan, &from.id, &to.id)
                    });
                let indicators = derived::reuse(
                    &mut kept.indicator_changes,
                    &since,
                    reads::INDICATOR_CHANGES,
                    between.clone(),
                    || indicator_changes(plan, &from.id, &to.id),
                );
                let both = [reads::ACTION_CHANGES, reads::INDICATOR_CHANGES].concat();
                Some(derived::reuse(&mut kept.changes, &since, &both, between, || Changes {
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use jalon::edit::structure::Details;
    use jalon::edit::Change;
    use jalon::model::action::ActionStatus;
    use jalon::model::level::Noun;
    use jalon::model::plan::Numbering;
    use jalon::start::generate::{large_plan, Spec};
    use jalon::start::sample::sample_plan;

    /// Nothing kept: the next overview is worked out afresh.
    fn forget() {
        KEPT.with_borrow_mut(|kept| *kept = Kept::default());
    }

    /// The date the plan's last checkpoint reports: its actions' statistics and the
    /// changes since the checkpoint before are worked out too.
    pub(crate) fn last_report(plan: &Plan) -> NaiveDate {
        plan.checkpoints.iter().map(|c| c.date).max().expect("the plan has checkpoints")
    }

    /// The overview's results, by name, each as the `Rc` it is kept in.
    fn results(overview: &Overview) -> Vec<(&'static str, Option<*const ()>)> {
        fn at<T>(rc: &Rc<T>) -> Option<*const ()> {
            Some(Rc::as_ptr(rc).cast())
        }
        vec![
            ("report", at(&overview.report)),
            ("progress", at(&overview.progress)),
            ("codes", at(&overview.codes)),
            ("groups", at(&overview.groups)),
            ("names", at(&overview.names)),
            ("stats", overview.stats.as_ref().and_then(at)),
            ("changes", overview.changes.as_ref().and_then(at)),
        ]
    }

    /// The results `after` reuses from `before`.
    fn reused(before: &Overview, after: &Overview) -> Vec<&'static str> {
        let pairs = results(before).into_iter().zip(results(after));
        pairs.filter(|((_, a), (_, b))| a.is_some() && a == b).map(|((name, _), _)| name).collect()
    }

    /// Every result of `reused` equal to the one of `fresh` (not compared with
    /// `assert_eq!`: a plan's report would fill the screen).
    fn assert_equal(reused: &Overview, fresh: &Overview, edit: &str) {
        let same = [
            ("report", reused.report == fresh.report),
            ("progress", reused.progress == fresh.progress),
            ("codes", reused.codes == fresh.codes),
            ("groups", reused.groups == fresh.groups),
            ("names", reused.names == fresh.names),
            ("latest", reused.latest == fresh.latest),
            ("previous", reused.previous == fresh.previous),
            ("stats", reused.stats == fresh.stats),
            ("changes", reused.changes == fresh.changes),
        ];
        for (result, same) in same {
            assert!(same, "after {edit}, the {result} kept differs from the one worked out afresh");
        }
    }

    fn edited(plan: &Plan, change: Change) -> Plan {
        let mut next = plan.clone();
        change.apply(&mut next).expect("the change applies");
        next
    }

    fn changed(plan: &Plan, change: impl FnOnce(&mut Plan)) -> Plan {
        let mut next = plan.clone();
        change(&mut next);
        next
    }

    /// Edits of every kind that a plan's frame and large parts take, each made to `plan`.
    pub(crate) fn edits(plan: &Plan) -> Vec<(&'static str, Plan)> {
        let latest = plan.checkpoint_at(last_report(plan)).expect("a checkpoint").clone();
        let action = plan.actions[0].id.clone();
        let status = match plan.actions[0].progress_at(&latest.id).map(|r| r.status) {
            Some(ActionStatus::Dropped) => ActionStatus::Done,
            _ => ActionStatus::Dropped,
        };
        let organisation = plan.organisations[0].clone();
        let levels: Vec<Noun> = plan.levels.iter().map(|level| level.name.clone()).collect();
        let renamed_levels =
            levels.iter().map(|name| Noun { singular: format!("{} bis", name.singular), ..name.clone() });
        let objective = plan.objectives().next().expect("an objective");
        let details = Details { title: "Autre titre".into(), code: "9".into(), ..Details::of(objective) };
        // A label for a group the first action names: the statistics by group are named
        // with it, and the checks then expect every action to name one.
        let group = Change::AddTargetGroup { code: plan.actions[0].groups[0].clone(), label: "Autres".into() };
        let before = plan.checkpoint_before(&latest.id).expect("a checkpoint before the last").clone();
        [
            ("the title", edited(plan, Change::SetTitle { title: "Un autre titre".into() })),
            (
                "an organisation renamed",
                edited(
                    plan,
                    Change::UpdateOrganisation {
                        organisation: organisation.id,
                        name: "Autre nom".into(),
                        code: "AN".into(),
                    },
                ),
            ),
            (
                "an organisation added",
                edited(
                    plan,
                    Change::AddOrganisation { id: Id::new("org-autre"), name: "Autre".into(), code: String::new() },
                ),
            ),
            (
                "an action's status",
                edited(plan, Change::SetActionStatus { action, checkpoint: latest.id.clone(), status }),
            ),
            (
                "a checkpoint renamed",
                edited(
                    plan,
                    Change::RenameCheckpoint {
                        checkpoint: latest.id.clone(),
                        label: "Autre".into(),
                        date: latest.date,
                    },
                ),
            ),
            (
                "a checkpoint moved",
                edited(
                    plan,
                    Change::RenameCheckpoint {
                        checkpoint: latest.id.clone(),
                        label: latest.label.clone(),
                        date: latest.date - chrono::Days::new(20),
                    },
                ),
            ),
            (
                "the checkpoint before moved",
                edited(
                    plan,
                    Change::RenameCheckpoint {
                        checkpoint: before.id,
                        label: before.label,
                        date: latest.date - chrono::Days::new(1),
                    },
                ),
            ),
            ("a checkpoint closed", edited(plan, Change::CloseCheckpoint { checkpoint: latest.id.clone() })),
            (
                "the actions counted in the statuses",
                changed(plan, |plan| plan.settings.actions_in_status = !plan.settings.actions_in_status),
            ),
            ("the thresholds", edited(plan, Change::SetThresholds { on_track: 0.8, to_watch: 0.4 })),
            ("the numbering", edited(plan, Change::SetNumbering { numbering: Numbering::PerLevel })),
            (
                "the levels' names",
                edited(plan, Change::RenameLevels { levels: renamed_levels.collect(), actions: None }),
            ),
            (
                "the actions' name",
                edited(
                    plan,
                    Change::RenameLevels {
                        levels,
                        actions: Some(Noun { singular: "activité".into(), plural: "activités".into() }),
                    },
                ),
            ),
            (
                "an objective's title and code",
                edited(plan, Change::UpdateElement { element: objective.id.clone(), details }),
            ),
            ("a target group", edited(plan, group)),
            (
                "an indicator deleted",
                edited(plan, Change::DeleteIndicator { indicator: plan.indicators[0].id.clone() }),
            ),
            (
                "the period",
                edited(
                    plan,
                    Change::SetPeriod { start: plan.period.start, end: plan.period.end + chrono::Months::new(12) },
                ),
            ),
        ]
        .into_iter()
        .chain(
            plan.budget.expenses.first().map(|line| {
                ("an expense line deleted", edited(plan, Change::DeleteExpense { expense: line.id.clone() }))
            }),
        )
        .collect()
    }

    /// Every edit of `edits`, made to `plan` after its overview was worked out: each
    /// result kept and reused equals the one worked out afresh.
    fn reused_equal_fresh(mut plan: Plan) {
        // An action naming no target group: once the plan defines groups, the checks
        // ask it for one.
        plan.actions[1].groups.clear();
        let as_of = last_report(&plan);
        let plan = Rc::new(plan);
        for (edit, next) in edits(&plan) {
            let next = Rc::new(next);
            forget();
            overview(&plan, as_of);
            let kept = overview(&next, as_of);
            forget();
            let fresh = overview(&next, as_of);
            assert_equal(&kept, &fresh, edit);
            assert!(kept.stats.is_some() && kept.changes.is_some(), "{edit}: every result is worked out");
        }
    }

    /// The sample with a second checkpoint, half a year after its one, at which its
    /// first action is done: what moved between the two is worked out too.
    pub(crate) fn sample() -> Plan {
        let plan = sample_plan();
        let first = plan.checkpoints[0].date;
        let (id, action) = (Id::new("bilan-suivant"), plan.actions[0].id.clone());
        let added = Change::AddCheckpoint {
            id: id.clone(),
            label: "Bilan suivant".into(),
            date: first + chrono::Days::new(180),
        };
        edited(&edited(&plan, added), Change::SetActionStatus { action, checkpoint: id, status: ActionStatus::Done })
    }

    #[test]
    fn results_kept_equal_results_worked_out_afresh_in_the_sample() {
        reused_equal_fresh(sample());
    }

    #[test]
    fn results_kept_equal_results_worked_out_afresh_in_a_generated_plan() {
        reused_equal_fresh(large_plan(&Spec { objectives: 40, indicators: 200, actions: 100, seed: 11 }));
    }

    /// `edit` made to the sample, and which results its overview reuses.
    fn reused_after(edit: impl FnOnce(&Plan) -> Change) -> Vec<&'static str> {
        let plan = Rc::new(sample());
        let next = Rc::new(edited(&plan, edit(&plan)));
        let as_of = last_report(&plan);
        forget();
        let before = overview(&plan, as_of);
        reused(&before, &overview(&next, as_of))
    }

    #[test]
    fn a_title_edited_reuses_every_result() {
        let all = ["report", "progress", "codes", "groups", "names", "stats", "changes"];
        assert_eq!(reused_after(|_| Change::SetTitle { title: "Un autre titre".into() }), all, "none reads the title");
        let renamed = |plan: &Plan| Change::UpdateOrganisation {
            organisation: plan.organisations[0].id.clone(),
            name: "Autre nom".into(),
            code: "AN".into(),
        };
        assert_eq!(reused_after(renamed), all, "none reads an organisation's name");
    }

    #[test]
    fn a_status_changed_reuses_what_does_not_read_the_actions() {
        let status = |plan: &Plan| Change::SetActionStatus {
            action: plan.actions[0].id.clone(),
            checkpoint: plan.checkpoint_at(last_report(plan)).expect("a checkpoint").id.clone(),
            status: ActionStatus::Dropped,
        };
        assert_eq!(reused_after(status), ["report", "progress", "codes", "names"]);
    }
}
