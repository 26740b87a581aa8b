//! The fuzz run: generated inputs through the reader, the calculations, the changes,
//! the merge of a return and the import of a sheet, each either refused with a reason
//! or leaving a plan that saves and reads back as itself. Nothing may panic.
//!
//! `make test` runs a few thousand inputs on a fixed seed; `make bench` runs a million
//! (`JALON_FUZZ_CASES=1000000`) and prints how many of each kind were taken or refused
//! and the slowest input. A broken rule prints the seed of its input, so that the run
//! `JALON_FUZZ_SEED=<seed> JALON_FUZZ_CASES=1` gives it again.

use crate::edit::actions::ActionFields;
use crate::edit::indicators::IndicatorFields;
use crate::edit::Change;
use crate::format;
// One seed gives one input, whatever ran before it.
use crate::model::id::Id;
use crate::model::id_holders;
use crate::model::indicator::{Direction, IndicatorKind};
use crate::model::measurement::{Measurement, Observation, Value};
use crate::model::plan::Plan;
use crate::share::merge::{self, Decisions, Resolution};
use crate::share::part;
use crate::sheet;
use crate::start::generate::Rng;
use crate::words::lang::Lang;
use chrono::{NaiveDate, TimeZone, Utc};
use std::time::{Duration, Instant};

/// What the fuzz run draws besides numbers below a bound.
trait Draw {
    fn chance(&mut self, in_ten: u64) -> bool;
    fn pick_of<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T>;
}

impl Draw for Rng {
    fn chance(&mut self, in_ten: u64) -> bool {
        self.next() % 10 < in_ten
    }

    fn pick_of<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }
}

/// The plans the inputs start from: every fixture, the sample, a generated plan.
fn seeds() -> Vec<Plan> {
    let files = [
        include_str!("../tests/fixtures/plan-000-pevr.json"),
        include_str!("../tests/fixtures/plan-001-regional.json"),
        include_str!("../tests/fixtures/plan-002-cooperative.json"),
        include_str!("../tests/fixtures/plan-five-levels-per-enjeu.json"),
        include_str!("../tests/fixtures/plan-five-levels.json"),
        include_str!("../tests/fixtures/plan-work-yearly-steps.json"),
        include_str!("../tests/fixtures/v2-pevr-per-level.json"),
        include_str!("../tests/fixtures/v3-regional-sent.json"),
        include_str!("../tests/fixtures/v4-measurement-months.json"),
    ];
    let mut plans: Vec<Plan> = files.iter().map(|text| format::load(text).expect("fixture")).collect();
    plans.push(crate::start::sample::sample_plan());
    let spec = crate::start::generate::Spec { objectives: 6, indicators: 12, actions: 10, seed: 7 };
    plans.push(crate::start::generate::large_plan(&spec));
    plans
}

/// A text a user, a partner or a spreadsheet could bring: ordinary, empty, odd.
fn text(rng: &mut Rng) -> String {
    const TEXTS: [&str; 10] = [
        "",
        "Tutorat",
        "  espaces  ",
        "« guillemets »",
        "=1+1",
        "ligne\nsuivante",
        "\u{0}",
        "🙂",
        "a;b,c",
        "\u{202e}droite",
    ];
    TEXTS[rng.below(TEXTS.len())].to_owned()
}

/// A number as the readers give them: finite, ordinary or extreme.
fn number(rng: &mut Rng) -> f64 {
    const NUMBERS: [f64; 8] = [0.0, -0.0, 79.7, 100.0, -12.5, 1e308, -1e308, 5e-324];
    NUMBERS[rng.below(NUMBERS.len())]
}

fn date(rng: &mut Rng) -> NaiveDate {
    let year = 2020 + rng.below(10) as i32;
    NaiveDate::from_ymd_opt(year, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32).expect("a day every month has")
}

fn plan_date(rng: &mut Rng) -> crate::model::date::PlanDate {
    let day = date(rng);
    use chrono::Datelike;
    match rng.below(3) {
        0 => crate::model::date::PlanDate::Day(day),
        1 => crate::model::date::PlanDate::Month { year: day.year(), month: day.month() },
        _ => crate::model::date::PlanDate::Year(day.year()),
    }
}

/// An id: often one the plan gives something already (of any kind), else a new one.
fn any_id(rng: &mut Rng, ids: &[Id]) -> Id {
    match (rng.chance(6), rng.pick_of(ids)) {
        (true, Some(id)) => id.clone(),
        _ => Id::new(format!("neuf-{}", rng.below(4))),
    }
}

fn value(rng: &mut Rng) -> Value {
    match rng.below(4) {
        0 => Value::Number(number(rng)),
        1 => Value::Money(crate::model::money::Cents(rng.next() as i64 >> rng.below(64))),
        2 => Value::Done(rng.chance(5)),
        _ => Value::Text(text(rng)),
    }
}

/// A change a screen, an import or a merge could ask for, with ids drawn from `ids`.
fn change(rng: &mut Rng, plan: &Plan, ids: &[Id]) -> Change {
    let id = |rng: &mut Rng| any_id(rng, ids);
    let objectives: Vec<Id> = plan.objectives().map(|o| o.id.clone()).collect();
    let objective = |rng: &mut Rng| rng.pick_of(&objectives).cloned().unwrap_or_else(|| any_id(rng, ids));
    match rng.below(16) {
        0 => Change::AddElement { id: id(rng), parent: rng.chance(7).then(|| id(rng)), title: text(rng) },
        1 => Change::AddAction {
            id: id(rng),
            fields: ActionFields { title: text(rng), objectives: vec![objective(rng)], ..Default::default() },
        },
        2 => Change::AddIndicator {
            objective: objective(rng),
            id: id(rng),
            segment: id(rng),
            fields: IndicatorFields {
                label: text(rng),
                kind: IndicatorKind::Percentage,
                direction: Direction::Increase,
                out_of: None,
                source: String::new(),
                note: String::new(),
            },
        },
        3 => Change::AddSegment { indicator: id(rng), id: id(rng), label: text(rng) },
        4 => Change::AddCheckpoint { id: id(rng), label: text(rng), date: date(rng) },
        5 => Change::AddOrganisation { id: id(rng), name: text(rng), code: text(rng) },
        6 => Change::AddRevenue {
            id: id(rng),
            label: text(rng),
            amount: crate::model::money::Cents(rng.next() as i64 >> 20),
        },
        7 => Change::AddCategory { id: id(rng), label: text(rng) },
        8 => Change::AddAllocation { id: id(rng), label: text(rng), amount: crate::model::money::Cents(1) },
        9 => Change::AddRate { id: id(rng), label: text(rng), per_day: crate::model::money::Cents(35_000) },
        10 => Change::MoveElement { element: id(rng), parent: rng.chance(7).then(|| id(rng)) },
        11 => Change::DeleteElement { element: id(rng) },
        12 => Change::SetBaseline {
            indicator: id(rng),
            segment: id(rng),
            baseline: Some(Observation { date: plan_date(rng), value: value(rng) }),
        },
        13 => Change::AddMeasurement {
            indicator: id(rng),
            segment: id(rng),
            measurement: Measurement { date: plan_date(rng), value: value(rng), assessment: None, note: text(rng) },
        },
        14 => Change::SetTitle { title: text(rng) },
        _ => Change::Import { changes: (0..1 + rng.below(4)).map(|_| change(rng, plan, ids)).collect() },
    }
}

/// The plan as the reader refuses it, if it does; and the calculations every screen
/// makes of it, which must not panic.
fn broken(plan: &Plan) -> Option<String> {
    let text = format::save(plan);
    match format::load(&text) {
        Ok(read) if read == *plan => {}
        Ok(_) => return Some("the plan reads back changed".into()),
        Err(error) => return Some(crate::words::text::load_error(&error, Lang::En)),
    }
    let today = NaiveDate::from_ymd_opt(2026, 12, 6).expect("a day");
    let _ = crate::calc::check::check(plan);
    let report = crate::calc::rollup::report(plan, today);
    let _ = crate::calc::rollup::objective_progress(plan, &report);
    let _ = crate::calc::summary::summarize(plan);
    let _ = crate::region::consolidate(&[plan], &Default::default(), today);
    None
}

/// What one input did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Taken,
    Refused,
}

/// A plan file's text, damaged the ways files are: bytes changed, cut, a value of the
/// file put where another was (an id where another id was: two entities, one id).
fn mutated_file(rng: &mut Rng, plan: &Plan) -> Vec<u8> {
    let mut bytes = format::save(plan).into_bytes();
    let strings = quoted_spans(&bytes);
    for _ in 0..1 + rng.below(3) {
        let len = bytes.len().max(1);
        match rng.below(6) {
            0 => {
                let at = rng.below(len);
                if at < bytes.len() {
                    bytes[at] = rng.next() as u8;
                }
            }
            1 => bytes.truncate(rng.below(len)),
            2 => {
                let at = rng.below(len);
                bytes.drain(at..(at + 1 + rng.below(20)).min(bytes.len()));
            }
            _ => {
                // One quoted value copied over another: ids, dates, labels swapped.
                let spans = quoted_spans(&bytes);
                if let (Some(&(a, b)), Some(&(c, d))) = (rng.pick_of(&strings), rng.pick_of(&spans)) {
                    if b <= bytes.len() && d <= bytes.len() {
                        let value = bytes[a..b].to_vec();
                        bytes.splice(c..d, value);
                    }
                }
            }
        }
    }
    bytes
}

/// The byte ranges of the quoted strings of a JSON text, quotes included.
fn quoted_spans(text: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if text[i] == b'"' {
            let start = i;
            i += 1;
            while i < text.len() && text[i] != b'"' {
                i += if text[i] == b'\\' { 2 } else { 1 };
            }
            spans.push((start, (i + 1).min(text.len())));
        }
        i += 1;
    }
    spans
}

fn read_input(rng: &mut Rng, plan: &Plan) -> Result<Outcome, String> {
    match format::load_bytes(&mutated_file(rng, plan)) {
        Ok((read, _)) => broken(&read).map_or(Ok(Outcome::Taken), Err),
        Err(_) => Ok(Outcome::Refused),
    }
}

fn change_input(rng: &mut Rng, plan: &Plan) -> Result<Outcome, String> {
    let ids: Vec<Id> = id_holders::ids(plan).map(|(id, _)| id.clone()).collect();
    let mut changed = plan.clone();
    let asked = change(rng, plan, &ids);
    match asked.clone().apply(&mut changed) {
        Ok(()) => broken(&changed).map_or(Ok(Outcome::Taken), |why| Err(format!("{why} after {asked:?}"))),
        Err(_) => Ok(Outcome::Refused),
    }
}

/// A part sent to one of the plan's recipients, returned changed the ways a partner's
/// file can be (edited ids included), then reviewed and merged with random decisions.
fn merge_input(rng: &mut Rng, plan: &Plan) -> Result<Outcome, String> {
    let recipients = part::recipients(plan);
    let (Some(to), Some(checkpoint)) = (rng.pick_of(&recipients), rng.pick_of(&plan.checkpoints)) else {
        return Ok(Outcome::Refused);
    };
    let mut plan = plan.clone();
    let choice = part::Choice {
        to: to.clone(),
        checkpoint: checkpoint.id.clone(),
        actions: part::actions_for(&plan, to),
        indicators: rng.chance(7),
    };
    let at = Utc.with_ymd_and_hms(2026, 12, 6, 9, 0, 0).single().expect("a moment");
    let sending = part::sending(&plan, &choice, Id::new(format!("envoi-{}", rng.below(3))), at);
    let mut returned = part::part(&plan, &sending);
    plan.sendings.push(sending);
    let ids: Vec<Id> = id_holders::ids(&plan).map(|(id, _)| id.clone()).collect();
    for _ in 0..1 + rng.below(4) {
        edit_return(rng, &mut returned, &ids, &checkpoint.id);
    }
    // The coordinator's plan moves on meanwhile.
    if rng.chance(3) {
        let mut moved = plan.clone();
        if change(rng, &plan, &ids).apply(&mut moved).is_ok() {
            plan = moved;
        }
    }
    // Some returns travel damaged; those the reader takes go on to the merge.
    if rng.chance(2) {
        match format::load_bytes(&mutated_file(rng, &returned)) {
            Ok((read, _)) => returned = read,
            Err(_) => return Ok(Outcome::Refused),
        }
    }
    let Ok(review) = merge::review(&plan, &returned) else { return Ok(Outcome::Refused) };
    let mut decisions = Decisions::undecided(&review);
    for decision in &mut decisions.changes {
        *decision = match rng.below(3) {
            0 => None,
            1 => Some(Resolution::Mine),
            _ => Some(Resolution::Theirs),
        };
    }
    for decision in &mut decisions.proposals {
        *decision = Some(rng.chance(7));
    }
    let Ok(change) = crate::share::merge::changes(&plan, &review, &decisions, "retour.json", at) else {
        return Ok(Outcome::Refused);
    };
    let mut merged = plan.clone();
    if change.apply(&mut merged).is_err() {
        return Ok(Outcome::Refused);
    }
    // Every value the review said it would take is in the merged plan.
    for (change, decision) in review.changes.iter().zip(&decisions.changes) {
        if decision != &Some(Resolution::Mine)
            && merge::value_in(&merged, &change.subject, &change.field).as_ref() != Some(&change.theirs)
        {
            return Err(format!("{:?} of {:?} was said taken and is not in the plan", change.field, change.subject));
        }
    }
    broken(&merged).map_or(Ok(Outcome::Taken), Err)
}

/// One change a partner's file can bring: a value, a new action, an edited id.
fn edit_return(rng: &mut Rng, returned: &mut Plan, ids: &[Id], checkpoint: &Id) {
    let actions = returned.actions.len();
    let indicators = returned.indicators.len();
    let year = returned.year_end();
    match rng.below(7) {
        0 if actions > 0 => returned.actions[rng.below(actions)].title = text(rng),
        1 if actions > 0 => returned.actions[rng.below(actions)].id = any_id(rng, ids),
        2 => {
            let objective = returned.objectives().next().map(|o| o.id.clone());
            let mut proposed = crate::model::action::Action::new(any_id(rng, ids).as_str(), &text(rng), &[]);
            proposed.objectives = objective.into_iter().collect();
            returned.actions.push(proposed);
        }
        3 if actions > 0 => {
            let action = &mut returned.actions[rng.below(actions)];
            match action.progress.first_mut() {
                Some(record) if rng.chance(5) => record.checkpoint = any_id(rng, ids),
                Some(_) => action.progress.clear(),
                None => {}
            }
        }
        4 if indicators > 0 => {
            let indicator = &mut returned.indicators[rng.below(indicators)];
            if let Some(segment) = indicator.segments.first_mut() {
                if rng.chance(3) {
                    segment.id = any_id(rng, ids);
                }
                let date = plan_date(rng);
                segment.set_measurement(
                    date,
                    Some(Measurement { date, value: value(rng), assessment: None, note: String::new() }),
                    year,
                );
            }
        }
        5 if actions > 0 => {
            let id = returned.actions[rng.below(actions)].id.clone();
            let status = crate::model::action::ActionStatus::InProgress;
            let _ = crate::edit::followup::set_progress(returned, &id, checkpoint, status, Some(50), &text(rng));
        }
        _ if indicators > 0 => {
            let i = rng.below(indicators);
            returned.indicators[i].id = any_id(rng, ids);
        }
        _ => {}
    }
}

/// The plan's actions or indicators exported, cells changed the ways a person edits a
/// sheet (an id typed over, a row copied, odd text), imported again.
fn import_input(rng: &mut Rng, plan: &Plan) -> Result<Outcome, String> {
    let ids: Vec<Id> = id_holders::ids(plan).map(|(id, _)| id.clone()).collect();
    let lang = if rng.chance(7) { Lang::Fr } else { Lang::En };
    let actions = rng.chance(5);
    let mut table = if actions {
        let checkpoint = plan.current_checkpoint().map(|c| c.id.clone());
        sheet::actions::export(plan, checkpoint.as_ref(), lang)
    } else {
        sheet::indicators::export(plan, lang)
    };
    for _ in 0..1 + rng.below(4) {
        let rows = table.rows.len();
        if rows == 0 {
            table.rows.push(vec![String::new(); table.header.len()]);
            continue;
        }
        let row = rng.below(rows);
        match rng.below(4) {
            0 => table.rows.push(table.rows[row].clone()),
            1 => {
                // A new row, under an id typed by hand.
                let mut copy = table.rows[row].clone();
                if let Some(cell) = copy.first_mut() {
                    *cell = any_id(rng, &ids).to_string();
                }
                table.rows.push(copy);
            }
            _ => {
                let column = rng.below(table.header.len());
                if let Some(cell) = table.rows[row].get_mut(column) {
                    *cell = if rng.chance(5) { any_id(rng, &ids).to_string() } else { text(rng) };
                }
            }
        }
    }
    let bytes = sheet::write::csv(&table, lang);
    let Ok(read) = sheet::read::read_bytes(&bytes, lang) else { return Ok(Outcome::Refused) };
    let mut counter = 0;
    let mut fresh = || {
        counter += 1;
        Id::new(format!("importee-{counter}"))
    };
    let preview = if actions {
        let mapping = sheet::fields::guess(&read.sheet.header, plan);
        let options =
            sheet::actions::Options { under: None, checkpoint: plan.current_checkpoint().map(|c| c.id.clone()) };
        sheet::actions::preview(plan, &read, &mapping, &options, &mut fresh)
    } else {
        let mapping = sheet::fields::guess(&read.sheet.header, plan);
        sheet::indicators::preview(plan, &read, &mapping, None, &mut fresh)
    };
    if !preview.is_clean() {
        return Ok(Outcome::Refused);
    }
    let mut imported = plan.clone();
    match preview.change().apply(&mut imported) {
        Ok(()) => broken(&imported).map_or(Ok(Outcome::Taken), Err),
        Err(refused) => {
            Err(format!("a clean preview was refused: {}", crate::words::text::refused(plan, &refused, Lang::En)))
        }
    }
}

/// A region's plans (some of them changed first, or the same plan twice) made into one.
fn region_input(rng: &mut Rng, plans: &[Plan]) -> Result<Outcome, String> {
    let mut members: Vec<Plan> = (0..1 + rng.below(3)).filter_map(|_| rng.pick_of(plans).cloned()).collect();
    for member in &mut members {
        let ids: Vec<Id> = id_holders::ids(member).map(|(id, _)| id.clone()).collect();
        let asked = change(rng, member, &ids);
        let mut changed = member.clone();
        if asked.apply(&mut changed).is_ok() {
            *member = changed;
        }
    }
    let members: Vec<&Plan> = members.iter().collect();
    let exported =
        crate::region::export::regional_plan(&members, &Default::default(), Id::new("region"), text(rng), None);
    broken(&exported.plan).map_or(Ok(Outcome::Taken), Err)
}

/// A plan's tables pasted, damaged by a cut or a line moved, rebuilt into a plan.
fn rebuild_input(rng: &mut Rng) -> Result<Outcome, String> {
    const PASTED: [&str; 3] = [
        include_str!("../tests/fixtures/pasted/coop.txt"),
        include_str!("../tests/fixtures/pasted/pevr.txt"),
        include_str!("../tests/fixtures/pasted/regional.txt"),
    ];
    let mut lines: Vec<&str> = PASTED[rng.below(PASTED.len())].lines().collect();
    for _ in 0..rng.below(4) {
        if lines.is_empty() {
            break;
        }
        let (from, to) = (rng.below(lines.len()), rng.below(lines.len()));
        match rng.below(3) {
            0 => lines.truncate(from),
            1 => lines.swap(from, to),
            _ => {
                let line = lines[from];
                lines.insert(to, line);
            }
        }
    }
    let today = NaiveDate::from_ymd_opt(2026, 12, 6).expect("a day");
    let proposal = crate::rebuild::propose(&lines.join("\n"), Lang::Fr, Id::new("rebuilt"), today);
    broken(&proposal.plan).map_or(Ok(Outcome::Taken), Err)
}

/// The figures of a run.
#[derive(Debug, Default)]
pub(crate) struct Figures {
    pub inputs: u64,
    pub taken: [u64; 6],
    pub refused: [u64; 6],
    pub slowest: Duration,
    /// The inputs that took over a second, by kind and seed, to be run again alone.
    pub over_a_second: Vec<(&'static str, u64, Duration)>,
    pub broken: Vec<String>,
}

const KINDS: [&str; 6] = ["reader", "change", "merge", "import", "region", "rebuild"];

/// Runs `cases` inputs from `seed`, each kind in turn over every seed plan.
pub(crate) fn run(seed: u64, cases: u64) -> Figures {
    let plans = seeds();
    let mut figures = Figures::default();
    for case in 0..cases {
        let input_seed = seed.wrapping_add(case);
        let mut rng = Rng(input_seed);
        // The kind from the input's own seed: one seed is one input, run alone again by
        // `JALON_FUZZ_SEED=<seed> JALON_FUZZ_CASES=1`.
        let kind = (input_seed % KINDS.len() as u64) as usize;
        let plan = &plans[rng.below(plans.len())];
        let started = Instant::now();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match kind {
            0 => read_input(&mut rng, plan),
            1 => change_input(&mut rng, plan),
            2 => merge_input(&mut rng, plan),
            3 => import_input(&mut rng, plan),
            4 => region_input(&mut rng, &plans),
            _ => rebuild_input(&mut rng),
        }));
        let took = started.elapsed();
        figures.inputs += 1;
        figures.slowest = figures.slowest.max(took);
        if took > Duration::from_secs(1) {
            figures.over_a_second.push((KINDS[kind], input_seed, took));
        }
        match result {
            Ok(Ok(Outcome::Taken)) => figures.taken[kind] += 1,
            Ok(Ok(Outcome::Refused)) => figures.refused[kind] += 1,
            Ok(Err(why)) => figures.broken.push(format!("{} input, seed {input_seed}: {why}", KINDS[kind])),
            Err(_) => figures.broken.push(format!("{} input, seed {input_seed}: panicked", KINDS[kind])),
        }
    }
    figures
}

impl std::fmt::Display for Figures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{} inputs, {} broken rules, slowest {:?}, {} over one second",
            self.inputs,
            self.broken.len(),
            self.slowest,
            self.over_a_second.len()
        )?;
        for (i, kind) in KINDS.iter().enumerate() {
            writeln!(f, "  {kind}: {} taken, {} refused", self.taken[i], self.refused[i])?;
        }
        for why in self.broken.iter().take(20) {
            writeln!(f, "  {why}")?;
        }
        for (kind, seed, took) in self.over_a_second.iter().take(20) {
            writeln!(f, "  {kind} input, seed {seed}: {took:?}")?;
        }
        Ok(())
    }
}

#[test]
fn generated_files_changes_returns_and_sheets_never_break_a_plan() {
    let number = |name: &str, default: u64| std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    let (seed, cases) = (number("JALON_FUZZ_SEED", 2026), number("JALON_FUZZ_CASES", 4000));
    let figures = run(seed, cases);
    println!("fuzz run from seed {seed}: {figures}");
    assert!(figures.broken.is_empty(), "{figures}");
    // Every kind was taken, and every kind that can refuse did: the inputs are neither
    // all refused nor all taken (not asked of an input run again alone).
    for kind in (0..KINDS.len()).filter(|_| cases >= 1000) {
        assert!(figures.taken[kind] > 0, "{figures}");
        assert!(figures.refused[kind] > 0 || kind >= 4, "{figures}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Generated plans of any content, and changes that bring ids they already hold:
    /// each change is refused or leaves a plan that reads back as itself.
    #[test]
    fn any_change_to_any_plan_is_refused_or_reads_back(plan in crate::format::tests::arbitrary::plan(), seed: u64) {
        let mut rng = Rng(seed);
        let ids: Vec<Id> = id_holders::ids(&plan).map(|(id, _)| id.clone()).collect();
        for _ in 0..8 {
            let mut changed = plan.clone();
            let asked = change(&mut rng, &plan, &ids);
            if asked.clone().apply(&mut changed).is_ok() {
                let read = format::load(&format::save(&changed));
                proptest::prop_assert_eq!(read, Ok(changed), "after {:?}", asked);
            }
        }
    }
}
