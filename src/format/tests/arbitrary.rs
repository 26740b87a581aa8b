//! Arbitrary but valid plans for the property tests: every level count from 2 to 5,
//! every indicator kind, target form, value form and action status, budgets with
//! rates, lines and allocations, sendings, parts and a region's members, and text full
//! of quotes, markup and emoji.
//!
//! Entities are drawn with placeholder ids and references, then `assemble` numbers the
//! ids and points each reference at an entity that exists, so that every generated
//! plan is one a user could have written.

use crate::model::action::{Action, ActionStatus, ProgressRecord, Schedule, Step};
use crate::model::budget::{
    Allocation, Budget, Category, Days, ExpenseLine, RevenueLine, Share, StaffContribution, StaffRate, StatedTotals,
};
use crate::model::checkpoint::Checkpoint;
use crate::model::date::PlanDate;
use crate::model::element::Element;
use crate::model::id::{Id, Meta};
use crate::model::indicator::{Direction, Indicator, IndicatorKind, Segment};
use crate::model::level::{Level, Noun};
use crate::model::measurement::{Assessment, Measurement, Observation, Value};
use crate::model::money::Cents;
use crate::model::plan::{Numbering, Organisation, Period, Plan, RollUp, Settings, TargetGroup};
use crate::model::target::{Target, TargetValue};
use crate::region::export::{Renamed, Source};
use crate::share::{PartOf, Return, Sending};
use chrono::{DateTime, NaiveDate, Utc};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

/// Text a JSON writer must escape or a page must not interpret.
const TRICKY: &[&str] = &[
    "« Cibles 2027 » : \"guillemets\" et 'apostrophes'",
    "<script>alert('x')</script> & &amp; </b>",
    "Objectif atteint 🎯📈 👩🏽‍🏫 ✅",
    "ligne\nsuivante\ttabulation\\barre\r",
    "\u{0}\u{1}\u{1f}\u{7f}\u{2028}\u{2029}",
    "\u{200b}\u{feff}espaces\u{a0}insécables\u{202f}%",
    "ÉÀÇÔŒ œ æ ß ﬁ 中文 العربية",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z0-9àâçéèêëîïôûùüÿœÉÀ' «»:;,.%$-]{1,40}",
        select(TRICKY).prop_map(String::from),
        any::<String>(),
    ]
}

/// Any finite number, with plan-like ones (`79.7`, `592`) and edge cases more often.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-1_000_000i64..1_000_000, 0i32..4).prop_map(|(n, d)| n as f64 / 10f64.powi(d)),
        any::<f64>().prop_filter("finite", |x| x.is_finite()),
        select(&[0.0, -0.0, 1.0 / 3.0, 592.0, f64::MIN_POSITIVE, f64::MAX, f64::MIN, 5e-324][..]),
    ]
}

fn cents() -> impl Strategy<Value = Cents> {
    prop_oneof![(-10_000_000i64..100_000_000).prop_map(Cents), any::<i64>().prop_map(Cents)]
}

/// Years `PlanDate` can write and read back: four digits.
fn naive_date() -> impl Strategy<Value = NaiveDate> {
    (1000i32..=9999, 1u32..=366).prop_map(|(y, d)| {
        NaiveDate::from_yo_opt(y, d).or_else(|| NaiveDate::from_yo_opt(y, 365)).expect("day 365 exists")
    })
}

fn plan_date() -> impl Strategy<Value = PlanDate> {
    prop_oneof![
        naive_date().prop_map(PlanDate::Day),
        (1000i32..=9999, 1u32..=12).prop_map(|(year, month)| PlanDate::Month { year, month }),
        (1000i32..=9999).prop_map(PlanDate::Year),
    ]
}

fn moment() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..7_258_118_400, 0u32..1_000_000_000)
        .prop_map(|(secs, nanos)| DateTime::from_timestamp(secs, nanos).expect("before 2200"))
}

fn meta() -> impl Strategy<Value = Meta> {
    (option::of(moment()), option::of(text().prop_map(Id))).prop_map(|(modified, origin)| Meta { modified, origin })
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        number().prop_map(Value::Number),
        cents().prop_map(Value::Money),
        any::<bool>().prop_map(Value::Done),
        text().prop_map(Value::Text),
    ]
}

fn target() -> impl Strategy<Value = Target> {
    let value = prop_oneof![
        value().prop_map(TargetValue::Absolute),
        number().prop_map(TargetValue::RelativePercent),
        number().prop_map(TargetValue::PercentagePoints),
    ];
    (plan_date(), value).prop_map(|(date, value)| Target { date, value })
}

fn measurement() -> impl Strategy<Value = Measurement> {
    (plan_date(), value(), option::of(select(&Assessment::ALL[..])), text())
        .prop_map(|(date, value, assessment, note)| Measurement { date, value, assessment, note })
}

fn segment() -> impl Strategy<Value = Segment> {
    let baseline = (plan_date(), value()).prop_map(|(date, value)| Observation { date, value });
    (text(), option::of(baseline), vec(target(), 0..3), vec(measurement(), 0..3)).prop_map(
        |(label, baseline, targets, measurements)| Segment { id: blank(), label, baseline, targets, measurements },
    )
}

fn indicator() -> impl Strategy<Value = (Indicator, usize)> {
    let direction = select(&[Direction::Increase, Direction::Decrease, Direction::Maintain][..]);
    (
        (text(), select(&IndicatorKind::ALL[..]), direction, option::of(number())),
        (vec(segment(), 1..4), text(), text(), meta(), any::<usize>()),
    )
        .prop_map(|((label, kind, direction, out_of), (segments, source, note, meta, objective))| {
            let indicator = Indicator {
                id: blank(),
                objective: blank(),
                label,
                kind,
                direction,
                out_of,
                segments,
                source,
                note,
                meta,
            };
            (indicator, objective)
        })
}

fn element() -> impl Strategy<Value = (Element, usize, usize)> {
    ((text(), option::of(text()), text(), option::of(plan_date())), (text(), meta(), any::<usize>(), any::<usize>()))
        .prop_map(|((title, code, description, deadline), (smart, meta, level, parent))| {
            let element =
                Element { id: blank(), level: 0, parent: None, code, title, description, deadline, smart, meta };
            (element, level, parent)
        })
}

fn progress() -> impl Strategy<Value = (ProgressRecord, usize)> {
    (select(&ActionStatus::ALL[..]), option::of(any::<u8>()), text(), meta(), any::<usize>()).prop_map(
        |(status, percent, narrative, meta, checkpoint)| {
            (ProgressRecord { checkpoint: blank(), status, percent, narrative, meta }, checkpoint)
        },
    )
}

fn schedule() -> impl Strategy<Value = Schedule> {
    (vec(text(), 0..3), option::of(plan_date()), option::of(plan_date()), text())
        .prop_map(|(years, start, end, text)| Schedule { years, start, end, text })
}

/// An action, the picks of the objectives it serves, its progress records.
fn action() -> impl Strategy<Value = (Action, Vec<usize>, Vec<(ProgressRecord, usize)>)> {
    let step = (text(), text()).prop_map(|(year, text)| Step { year, text });
    (
        (option::of(text()), text(), vec(any::<usize>(), 1..4), vec(text(), 0..3), text(), text()),
        (vec(text(), 0..3), text(), text(), text(), text(), schedule()),
        (vec(step, 0..3), option::of(cents()), option::of(cents()), vec(progress(), 0..3), meta()),
    )
        .prop_map(
            |(
                (code, title, objectives, groups, responsible, carrier),
                (partners, implementation, services, evaluation, expected_results, schedule),
                (steps, budget_planned, budget_spent, progress, meta),
            )| {
                let action = Action {
                    id: blank(),
                    code,
                    title,
                    objectives: Vec::new(),
                    groups,
                    responsible,
                    carrier,
                    partners,
                    implementation,
                    services,
                    evaluation,
                    expected_results,
                    schedule,
                    steps,
                    budget_planned,
                    budget_spent,
                    progress: Vec::new(),
                    meta,
                };
                (action, objectives, progress)
            },
        )
}

fn checkpoint() -> impl Strategy<Value = Checkpoint> {
    (text(), naive_date(), any::<bool>(), meta()).prop_map(|(label, date, closed, meta)| Checkpoint {
        id: blank(),
        label,
        date,
        closed,
        meta,
    })
}

/// `Days` reads back only up to a million days (two million half days).
fn days() -> impl Strategy<Value = Days> {
    prop_oneof![0u32..40, 0u32..=2_000_000].prop_map(|half_days| Days { half_days })
}

fn staff() -> impl Strategy<Value = (StaffContribution, usize)> {
    (any::<usize>(), any::<u32>(), days(), option::of(cents())).prop_map(|(rate, participants, days, stated)| {
        (StaffContribution { rate: blank(), participants, days, stated }, rate)
    })
}

fn expense() -> impl Strategy<Value = (ExpenseLine, usize, Vec<(StaffContribution, usize)>, Option<usize>)> {
    (
        (any::<usize>(), text(), cents(), option::of(cents())),
        (vec(staff(), 0..3), option::of(any::<usize>()), option::of(cents()), meta()),
    )
        .prop_map(|((category, label, planned, spent), (staff, funds, stated_total, meta))| {
            let line = ExpenseLine {
                id: blank(),
                category: blank(),
                label,
                planned,
                spent,
                staff: Vec::new(),
                funds: None,
                stated_total,
                meta,
            };
            (line, category, staff, funds)
        })
}

fn allocation() -> impl Strategy<Value = (Allocation, Vec<usize>)> {
    let share = (any::<usize>(), number(), option::of(cents()))
        .prop_map(|(organisation, weight, stated)| (Share { organisation: blank(), weight, stated }, organisation));
    (text(), cents(), vec(share, 0..5), meta()).prop_map(|(label, amount, shares, meta)| {
        let (shares, organisations) = shares.into_iter().unzip();
        (Allocation { id: blank(), label, amount, shares, meta }, organisations)
    })
}

/// A budget whose lines point at its own categories and rates; what it funds and whom
/// it allocates to are picks that `assemble` resolves against the rest of the plan.
#[derive(Debug, Clone, Default)]
struct BudgetDraft {
    budget: Budget,
    funds: Vec<Option<usize>>,
    shares: Vec<Vec<usize>>,
}

fn budget() -> impl Strategy<Value = BudgetDraft> {
    let rate = (text(), cents()).prop_map(|(label, per_day)| StaffRate { id: blank(), label, per_day });
    let revenue =
        (text(), cents(), meta()).prop_map(|(label, amount, meta)| RevenueLine { id: blank(), label, amount, meta });
    let category = text().prop_map(|label| Category { id: blank(), label });
    let stated = (option::of(cents()), option::of(cents()), option::of(cents()), option::of(cents()))
        .prop_map(|(revenues, expenses, staff, balance)| StatedTotals { revenues, expenses, staff, balance });
    (vec(rate, 0..4), vec(revenue, 0..3), vec(category, 1..4), vec(expense(), 0..4), vec(allocation(), 0..2), stated)
        .prop_map(|(mut rates, mut revenues, mut categories, expenses, allocations, stated)| {
            for (i, r) in rates.iter_mut().enumerate() {
                r.id = numbered("rate", i);
            }
            for (i, r) in revenues.iter_mut().enumerate() {
                r.id = numbered("revenue", i);
            }
            for (i, c) in categories.iter_mut().enumerate() {
                c.id = numbered("category", i);
            }
            let mut funds = Vec::new();
            let expenses = expenses
                .into_iter()
                .enumerate()
                .map(|(i, (line, category, staff, funded))| {
                    funds.push(funded);
                    let staff = if rates.is_empty() { Vec::new() } else { staff };
                    ExpenseLine {
                        id: numbered("expense", i),
                        category: pick(&categories, category, |c| &c.id),
                        staff: staff
                            .into_iter()
                            .map(|(s, rate)| StaffContribution { rate: pick(&rates, rate, |r| &r.id), ..s })
                            .collect(),
                        ..line
                    }
                })
                .collect();
            let (allocations, shares) = allocations
                .into_iter()
                .enumerate()
                .map(|(i, (a, organisations))| (Allocation { id: numbered("allocation", i), ..a }, organisations))
                .unzip();
            BudgetDraft { budget: Budget { rates, revenues, categories, expenses, allocations, stated }, funds, shares }
        })
}

fn blank() -> Id {
    Id(String::new())
}

fn numbered(prefix: &str, i: usize) -> Id {
    Id(format!("{prefix}-{i}"))
}

/// The id of the item a random pick lands on; `items` is never empty.
fn pick<T>(items: &[T], pick: usize, id: impl Fn(&T) -> &Id) -> Id {
    id(&items[pick % items.len()]).clone()
}

fn noun() -> impl Strategy<Value = Noun> {
    (text(), text()).prop_map(|(singular, plural)| Noun { singular, plural })
}

fn header() -> impl Strategy<Value = (Id, String, Vec<Organisation>, Period, Vec<Level>, usize, Noun)> {
    let organisation = (text(), text()).prop_map(|(name, code)| Organisation { id: blank(), name, code });
    (
        text().prop_map(Id),
        text(),
        vec(organisation, 1..4),
        (naive_date(), naive_date()).prop_map(|(start, end)| Period { start, end }),
        vec(noun().prop_map(|name| Level { name }), 2..=5),
        any::<usize>(),
        noun(),
    )
        .prop_map(|(id, title, organisations, period, levels, objective, action_name)| {
            let objective_level = objective % levels.len();
            (id, title, organisations, period, levels, objective_level, action_name)
        })
}

fn settings() -> impl Strategy<Value = Settings> {
    (
        number(),
        number(),
        select(&[RollUp::WorstOf, RollUp::Weighted][..]),
        any::<bool>(),
        select(&[Numbering::Hierarchical, Numbering::PerLevel][..]),
        proptest::option::of(any::<u16>()),
    )
        .prop_map(|(on_track, to_watch, roll_up, actions_in_status, numbering, measurement_months)| Settings {
            on_track,
            to_watch,
            roll_up,
            actions_in_status,
            columns: None,
            numbering,
            measurement_months,
        })
}

/// A member of a regional plan, the pick of its organisation among the plan's.
fn source() -> impl Strategy<Value = (Source, usize)> {
    let renamed = (text(), text()).prop_map(|(from, to)| Renamed { from: Id(from), to: Id(to) });
    (text(), text(), option::of(moment()), vec(renamed, 0..3), any::<usize>()).prop_map(
        |(plan, title, saved, renamed, organisation)| {
            (Source { plan: Id(plan), title, organisation: blank(), saved, renamed }, organisation)
        },
    )
}

pub(crate) fn plan() -> impl Strategy<Value = Plan> {
    let target_group = (text(), text()).prop_map(|(code, label)| TargetGroup { code, label });
    // Most plans are no region's: those keep the version they had before regions.
    let sources = prop_oneof![3 => Just(Vec::new()), 1 => vec(source(), 1..3)];
    (
        header(),
        (vec(target_group, 0..4), vec(checkpoint(), 0..3), settings(), meta(), sources),
        (vec(element(), 0..10), vec(indicator(), 0..5), vec(action(), 0..5), option::of(budget())),
    )
        .prop_map(assemble)
}

type Drafts = (
    (Id, String, Vec<Organisation>, Period, Vec<Level>, usize, Noun),
    (Vec<TargetGroup>, Vec<Checkpoint>, Settings, Meta, Vec<(Source, usize)>),
    (
        Vec<(Element, usize, usize)>,
        Vec<(Indicator, usize)>,
        Vec<(Action, Vec<usize>, Vec<(ProgressRecord, usize)>)>,
        Option<BudgetDraft>,
    ),
);

/// Numbers the ids and resolves every pick to an entity of the right kind.
fn assemble(drafts: Drafts) -> Plan {
    let (
        (id, title, mut organisations, period, levels, objective_level, action_name),
        (target_groups, mut checkpoints, settings, meta, sources),
        (element_drafts, indicator_drafts, action_drafts, budget),
    ) = drafts;
    let BudgetDraft { mut budget, funds, shares } = budget.unwrap_or_default();
    for (i, o) in organisations.iter_mut().enumerate() {
        o.id = numbered("organisation", i);
    }
    for (i, c) in checkpoints.iter_mut().enumerate() {
        c.id = numbered("checkpoint", i);
    }

    // A first branch runs from the top level to the last, so that every level holds an
    // element (the objective level an objective); the drawn elements hang anywhere.
    let branch = (0..levels.len()).map(|level| (Element::new("", 0, None, "Branche"), level, 0));
    let drawn = element_drafts.into_iter().map(|(e, level, parent)| (e, level % levels.len(), parent));
    let mut elements: Vec<Element> = Vec::new();
    for (i, (e, level, parent)) in branch.chain(drawn).enumerate() {
        let parent = level.checked_sub(1).map(|above| {
            let candidates: Vec<&Element> = elements.iter().filter(|p| p.level == above).collect();
            candidates[parent % candidates.len()].id.clone()
        });
        elements.push(Element { id: numbered("element", i), level, parent, ..e });
    }
    let objectives: Vec<&Element> = elements.iter().filter(|e| e.level == objective_level).collect();

    let indicators: Vec<Indicator> = indicator_drafts
        .into_iter()
        .enumerate()
        .map(|(i, (mut indicator, objective))| {
            indicator.id = numbered("indicator", i);
            indicator.objective = pick(&objectives, objective, |o| &o.id);
            for (j, s) in indicator.segments.iter_mut().enumerate() {
                s.id = Id(format!("segment-{i}-{j}"));
            }
            indicator
        })
        .collect();

    let actions: Vec<Action> = action_drafts
        .into_iter()
        .enumerate()
        .map(|(i, (action, objective_picks, progress))| Action {
            id: numbered("action", i),
            objectives: objective_picks.into_iter().map(|p| pick(&objectives, p, |o| &o.id)).collect(),
            progress: if checkpoints.is_empty() {
                Vec::new()
            } else {
                progress
                    .into_iter()
                    .map(|(p, c)| ProgressRecord { checkpoint: pick(&checkpoints, c, |c| &c.id), ..p })
                    .collect()
            },
            ..action
        })
        .collect();

    for (line, funded) in budget.expenses.iter_mut().zip(funds) {
        line.funds = funded.map(|p| {
            if p % 2 == 0 || actions.is_empty() {
                pick(&elements, p, |e| &e.id)
            } else {
                pick(&actions, p, |a| &a.id)
            }
        });
    }
    for (allocation, picks) in budget.allocations.iter_mut().zip(shares) {
        for (share, p) in allocation.shares.iter_mut().zip(picks) {
            share.organisation = pick(&organisations, p, |o| &o.id);
        }
    }

    // Sendings and a part, drawn from what the meta drew: a plan records what it sent
    // and what came back, and a part names where it comes from.
    let sendings: Vec<Sending> = match (meta.modified, checkpoints.first()) {
        (Some(at), Some(checkpoint)) => vec![Sending {
            id: Id::new("envoi-0"),
            at,
            to: organisations.first().map_or_else(String::new, |o| o.name.clone()),
            checkpoint: checkpoint.id.clone(),
            actions: actions.iter().step_by(2).cloned().collect(),
            indicators: indicators.iter().take(1).cloned().collect(),
            returns: vec![Return {
                at,
                file: title.clone(),
                digest: "0123456789abcdef".into(),
                changes: actions.len(),
                conflicts: 1,
                proposed: indicators.len(),
                accepted: 0,
            }],
        }],
        _ => Vec::new(),
    };
    let part = meta.origin.as_ref().zip(checkpoints.first()).map(|(origin, checkpoint)| PartOf {
        plan: origin.clone(),
        sending: id.clone(),
        at: meta.modified.unwrap_or_default(),
        from: title.clone(),
        to: organisations.first().map_or_else(String::new, |o| o.name.clone()),
        checkpoint: checkpoint.id.clone(),
        actions: actions.iter().map(|a| a.id.clone()).collect(),
    });

    let sources = sources
        .into_iter()
        .map(|(source, organisation)| Source { organisation: pick(&organisations, organisation, |o| &o.id), ..source })
        .collect();

    Plan {
        id,
        title,
        organisations,
        period,
        levels,
        objective_level,
        action_name,
        target_groups,
        checkpoints,
        settings,
        elements: elements.into(),
        indicators: indicators.into(),
        actions: actions.into(),
        budget: budget.into(),
        sendings: sendings.into(),
        part,
        sources,
        meta,
    }
}
