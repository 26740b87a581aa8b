//! Plans to start from: the sample, the templates of a new plan, and the generated plans
//! of the benchmarks and property tests.

pub mod generate;
pub mod sample;
pub mod template;
