//! Whole numbers the model keeps as `usize` but the file bounds explicitly.
//!
//! serde reads a `usize` as far as the platform's word goes: a level of 2⁶⁴−1 would load
//! in the 64-bit command and be refused by the 32-bit page. These readers accept the
//! same range everywhere and refuse the rest with `FieldProblem::OutOfRange`.

use serde::de::{Deserializer, Error, Unexpected, Visitor};
use std::fmt;

/// What these readers put before a value they refuse, followed by `value:min:max`,
/// so that the file's reader can tell this refusal from serde's own.
pub(crate) const OUT_OF_RANGE: &str = "jalon:out-of-range:";

/// The largest level index a file may give (`Element::level`, `Plan::objective_level`).
/// Plans have two to five levels; 256 leaves room for any plan and fits every platform.
pub const MAX_LEVEL: u64 = 255;

/// `Element::level` and `Plan::objective_level`: 0 to `MAX_LEVEL`.
pub(crate) fn level<'de, D: Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    let level = d.deserialize_u64(Bounded { max: MAX_LEVEL, what: "a level number from 0 to 255" })?;
    // Within MAX_LEVEL, which every `usize` holds.
    Ok(level as usize)
}

struct Bounded {
    max: u64,
    what: &'static str,
}

impl Bounded {
    fn refuse<E: Error>(&self, value: impl fmt::Display) -> E {
        E::custom(format_args!("{OUT_OF_RANGE}{value}:0:{}", self.max))
    }
}

impl Visitor<'_> for Bounded {
    type Value = u64;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.what)
    }

    fn visit_u64<E: Error>(self, v: u64) -> Result<u64, E> {
        if v <= self.max {
            Ok(v)
        } else {
            Err(self.refuse(v))
        }
    }

    fn visit_i64<E: Error>(self, v: i64) -> Result<u64, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Err(self.refuse(v)),
        }
    }

    /// serde_json reads a whole number beyond 64 bits as a float: still out of range.
    /// A fraction, or a whole number written as one (`2.0`), is a wrong type, as for
    /// every other integer field.
    fn visit_f64<E: Error>(self, v: f64) -> Result<u64, E> {
        if v.fract() == 0.0 && (v < 0.0 || v > self.max as f64) {
            Err(self.refuse(v))
        } else {
            Err(E::invalid_type(Unexpected::Float(v), &self))
        }
    }
}
