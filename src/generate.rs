//! Deterministic generator of large plans, for benchmarks and property tests.
