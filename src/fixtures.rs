//! What the tests of every module start from: the plan files under `tests/fixtures/`,
//! loaded by name, and days written as numbers. One home, so that a fixture moved or
//! renamed changes one place.

use crate::format::load;
use crate::model::plan::Plan;
use chrono::NaiveDate;

/// The plan in `tests/fixtures/{name}.json` (`plan-000-pevr`, `plan-001-regional`…).
pub(crate) fn plan(name: &str) -> Plan {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    load(&text).unwrap_or_else(|e| panic!("{path}: {e:?}"))
}

/// The fixtures called `names`, then the sample plan.
pub(crate) fn with_sample(names: &[&str]) -> Vec<Plan> {
    let mut plans: Vec<Plan> = names.iter().map(|name| plan(name)).collect();
    plans.push(crate::start::sample::sample_plan());
    plans
}

/// The day `d` of month `m` of year `y`, which the test knows exists.
pub(crate) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a day that exists")
}
