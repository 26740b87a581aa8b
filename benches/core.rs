//! `cargo bench --bench core`: reading, validating and computing everything for a
//! generated plan of 10 000 indicators and 5 000 actions, next to serde_json parsing the
//! same bytes into a plain `serde_json::Value`, in the same run and on one core.
//!
//! A plain harness (median of repeated runs) rather than a statistics crate: the figures
//! are read by people and kept in BENCHMARKS.md, never asserted.

use chrono::NaiveDate;
use jalon::start::generate::{large_plan, Spec};
use std::hint::black_box;
use std::time::{Duration, Instant};

const RUNS: usize = 15;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time<T>(mut work: impl FnMut() -> T) -> Duration {
    let _ = black_box(work()); // warm-up
    median(
        (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                black_box(work());
                start.elapsed()
            })
            .collect(),
    )
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Everything a screen or the native command computes about a plan.
fn compute(plan: &jalon::model::plan::Plan, as_of: NaiveDate) -> usize {
    let findings = jalon::calc::check::check(plan);
    let report = jalon::calc::rollup::report(plan, as_of);
    let stats: usize =
        plan.checkpoints.iter().map(|c| jalon::calc::rollup::action_stats(plan, &c.id).overall.total()).sum();
    let totals = plan.budget.totals();
    let codes = plan.codes();
    findings.len() + report.plan.total() + stats + totals.lines.len() + codes.len()
}

fn main() {
    let spec = Spec::benchmark();
    let plan = large_plan(&spec);
    let text = jalon::format::save(&plan);
    let as_of = plan.checkpoints.iter().map(|c| c.date).max().unwrap_or(plan.period.end);
    println!(
        "generated plan: {} elements, {} indicators, {} actions; file {:.1} MB",
        plan.elements.len(),
        plan.indicators.len(),
        plan.actions.len(),
        text.len() as f64 / 1e6
    );

    let parse = time(|| serde_json::from_str::<serde_json::Value>(&text).map(|_| ()));
    let load = time(|| jalon::format::load(&text).map(|p| p.actions.len()));
    let compute_only = time(|| compute(&plan, as_of));
    let everything = time(|| jalon::format::load(&text).map(|p| compute(&p, as_of)));
    let save = time(|| jalon::format::save(&plan).len());

    println!("serde_json → Value (parse only)        {:>10}", ms(parse));
    println!("format::load (read + validate)         {:>10}", ms(load));
    println!("compute (checks, roll-ups, stats, budget){:>9}", ms(compute_only));
    println!(
        "load + compute everything              {:>10}   {:.2}× parse only",
        ms(everything),
        everything.as_secs_f64() / parse.as_secs_f64()
    );
    println!("format::save                           {:>10}", ms(save));
    // Read a slice at a time (`format::Reading`), as the page reads a colleague's version
    // of a linked file: the whole, and its longest step of 256 KB.
    let mut longest = Duration::ZERO;
    let sliced = time(|| {
        let mut reading = jalon::format::Reading::new(&text);
        loop {
            let start = Instant::now();
            let read = reading.step(256 * 1024);
            longest = longest.max(start.elapsed());
            if let Some(read) = read {
                return read.map(|opened| opened.plan.actions.len());
            }
        }
    });
    println!("format::Reading, 256 KB a step          {:>10}   (longest step {})", ms(sliced), ms(longest));

    // The dashboard's computations one by one, and what telling a changed part from an
    // unchanged one costs beside them.
    let latest = plan.checkpoints.iter().max_by_key(|c| c.date).expect("checkpoints");
    let previous = plan.checkpoint_before(&latest.id).expect("two checkpoints");
    let copy = plan.clone();
    println!("dashboard: checks                        {:>9}", ms(time(|| jalon::calc::check::check(&plan).len())));
    println!(
        "dashboard: indicators rolled up          {:>9}",
        ms(time(|| jalon::calc::rollup::report(&plan, as_of).plan.total()))
    );
    let report = jalon::calc::rollup::report(&plan, as_of);
    println!(
        "dashboard: objectives' progress          {:>9}",
        ms(time(|| jalon::calc::rollup::objective_progress(&plan, &report).len()))
    );
    println!(
        "dashboard: actions' statistics           {:>9}",
        ms(time(|| jalon::calc::rollup::action_stats(&plan, &latest.id).overall.total()))
    );
    println!(
        "dashboard: changes since the previous    {:>9}",
        ms(time(|| jalon::calc::rollup::changes(&plan, &previous.id, &latest.id).indicators.len()))
    );
    println!("dashboard: codes                         {:>9}", ms(time(|| plan.codes().len())));
    println!("plan cloned (each edit)                  {:>9}", ms(time(|| plan.clone().actions.len())));
    // An edit as the page makes it (`Msg::Edit`): the plan copied, the change made on
    // the copy and held to `format::admit`, the version before kept for undo.
    let edit = |change: &jalon::edit::Change| {
        let mut next = plan.clone();
        change.clone().apply(&mut next).map(|()| next.actions.len())
    };
    let title = jalon::edit::Change::SetTitle { title: "Plan révisé".into() };
    let status = jalon::edit::Change::SetActionStatus {
        action: plan.actions[plan.actions.len() / 2].id.clone(),
        checkpoint: latest.id.clone(),
        status: jalon::model::action::ActionStatus::Done,
    };
    println!("an edit: the title typed (clone + apply) {:>9}", ms(time(|| edit(&title))));
    println!("an edit: a status (clone + apply)        {:>9}", ms(time(|| edit(&status))));
    // What the dashboard compares to tell what that edit left alone (`calc::derived`).
    let mut after = plan.clone();
    status.clone().apply(&mut after).expect("the status changes");
    println!("after it: the indicators compared        {:>9}", ms(time(|| after.indicators == plan.indicators)));
    println!("after it: the actions compared           {:>9}", ms(time(|| after.actions == plan.actions)));
    // What every change pays for the rule that a plan always reads back.
    println!("format::admit (held after each change)   {:>9}", ms(time(|| jalon::format::admit(&plan).is_ok())));
    println!("indicators compared with a copy          {:>9}", ms(time(|| copy.indicators == plan.indicators)));
    println!("actions compared with a copy             {:>9}", ms(time(|| copy.actions == plan.actions)));

    // A partner's return of all 5 000 actions, 500 changed, 50 of them also changed by
    // the coordinator since the sending.
    use jalon::share::{merge, part};
    let mut coordinator = plan.clone();
    let choice = part::Choice {
        to: "Coordination".into(),
        checkpoint: coordinator.checkpoints[0].id.clone(),
        actions: coordinator.actions.iter().map(|a| a.id.clone()).collect(),
        indicators: false,
    };
    let record = part::sending(&coordinator, &choice, jalon::model::id::Id::new("envoi"), chrono::DateTime::UNIX_EPOCH);
    let mut returned = part::part(&coordinator, &record);
    coordinator.sendings.push(record);
    for action in returned.actions.iter_mut().step_by(10) {
        action.implementation.push_str(" (revu)");
    }
    for action in coordinator.actions.iter_mut().step_by(100) {
        action.implementation.push_str(" (autrement)");
    }
    let review = time(|| merge::review(&coordinator, &returned).map(|r| r.changes.len()));
    let reviewed = merge::review(&coordinator, &returned).expect("a return of the plan");
    let mut decisions = merge::Decisions::undecided(&reviewed);
    for (change, decision) in reviewed.changes.iter().zip(decisions.changes.iter_mut()) {
        if change.kind != merge::Kind::Taken {
            *decision = Some(merge::Resolution::Theirs);
        }
    }
    let apply = time(|| {
        let mut merged = coordinator.clone();
        merge::apply(&mut merged, &reviewed, &decisions, "retour.json", chrono::DateTime::UNIX_EPOCH).map(|_| merged)
    });
    println!(
        "merge::review, 5 000 actions returned    {:>9}   ({} fields, {} conflicts)",
        ms(review),
        reviewed.changes.len(),
        reviewed.conflicts()
    );
    println!("merge::apply (with a copy of the plan)   {:>9}", ms(apply));

    // A colleague's version of the whole plan: 500 fields changed, 50 of them also
    // changed here since the version both last shared.
    use jalon::share::whole;
    let (mut mine, mut theirs) = (plan.clone(), plan.clone());
    for action in theirs.actions.iter_mut().step_by(10) {
        action.evaluation.push_str(" (revu)");
    }
    for action in mine.actions.iter_mut().step_by(100) {
        action.evaluation.push_str(" (autrement)");
    }
    let merged = whole::merge(Some(&plan), &mine, &theirs);
    let decisions = vec![Some(whole::Side::Theirs); merged.conflicts().len()];
    let merge_time = time(|| whole::merge(Some(&plan), &mine, &theirs).conflicts().len());
    let resolve_time = time(|| merged.resolve(&decisions).map(|p| jalon::format::save(&p).len()));
    println!(
        "whole::merge, 500 fields, 50 conflicts   {:>9}   aim < 1 s   ({} taken, {} conflicts)",
        ms(merge_time),
        merged.taken(),
        merged.conflicts().len()
    );
    println!("whole: resolve + format::save            {:>9}   aim < 2 s", ms(resolve_time));
}
