//! Reading and writing plan files.

use super::*;
use crate::sample::sample_plan;

#[test]
fn the_sample_plan_survives_a_round_trip_byte_for_byte() {
    let text = save(&sample_plan());
    let plan = load(&text).expect("the sample loads");
    assert_eq!(plan, sample_plan());
    assert_eq!(save(&plan), text);
}
