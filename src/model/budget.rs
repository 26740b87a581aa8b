//! The budget of a plan's projects: revenue, expenses in categories, staff
//! contributions from a rate table, and allocations to member organisations.
//!
//! Amounts are `Cents`. Totals typed by the user (« Total des dépenses ») are kept as
//! typed, beside the computed ones, so that the checks can show where they disagree.

use crate::model::id::{Id, Meta};
use crate::model::money::Cents;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What the days' reader puts before a value it refuses, so that the file's reader can
/// tell this refusal from serde's own and quote the value.
pub(crate) const BAD_DAYS: &str = "jalon:bad-days:";

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rates: Vec<StaffRate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revenues: Vec<RevenueLine>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Category>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expenses: Vec<ExpenseLine>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allocations: Vec<Allocation>,
    /// Totals as the document states them.
    #[serde(default, skip_serializing_if = "StatedTotals::is_empty")]
    pub stated: StatedTotals,
}

impl Budget {
    pub fn is_empty(&self) -> bool {
        *self == Budget::default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedTotals {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenues: Option<Cents>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expenses: Option<Cents>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<Cents>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance: Option<Cents>,
}

impl StatedTotals {
    pub fn is_empty(&self) -> bool {
        *self == StatedTotals::default()
    }
}

/// A daily rate of a staff category (« Professionnelles, professionnels : 280 $ »).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffRate {
    pub id: Id,
    pub label: String,
    pub per_day: Cents,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevenueLine {
    pub id: Id,
    pub label: String,
    pub amount: Cents,
    #[serde(default)]
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: Id,
    pub label: String,
}

/// A number of days counted in half days: « 2,5 jours » is 5 half days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Days {
    pub half_days: u32,
}

impl Days {
    pub fn whole(days: u32) -> Days {
        Days { half_days: days * 2 }
    }

    pub fn as_f64(self) -> f64 {
        f64::from(self.half_days) / 2.0
    }
}

impl Serialize for Days {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.half_days % 2 == 0 {
            s.serialize_u32(self.half_days / 2)
        } else {
            s.serialize_f64(self.as_f64())
        }
    }
}

impl<'de> Deserialize<'de> for Days {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_f64(DaysVisitor)
    }
}

/// Refuses a number of days while the number is being read, so that the reader places
/// the error at the number itself (`format::path`).
struct DaysVisitor;

impl serde::de::Visitor<'_> for DaysVisitor {
    type Value = Days;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a number of days, in halves")
    }

    fn visit_f64<E: serde::de::Error>(self, days: f64) -> Result<Days, E> {
        let half = days * 2.0;
        if !(0.0..=2_000_000.0).contains(&half) || half.fract() != 0.0 {
            return Err(E::custom(format!("{BAD_DAYS}{days}")));
        }
        Ok(Days { half_days: half as u32 })
    }

    fn visit_u64<E: serde::de::Error>(self, days: u64) -> Result<Days, E> {
        self.visit_f64(days as f64)
    }

    fn visit_i64<E: serde::de::Error>(self, days: i64) -> Result<Days, E> {
        self.visit_f64(days as f64)
    }
}

/// Participants of one staff category giving days to a line: participants × days × rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffContribution {
    pub rate: Id,
    pub participants: u32,
    pub days: Days,
    /// The amount as the document states it, kept to be compared with the computation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated: Option<Cents>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpenseLine {
    pub id: Id,
    pub category: Id,
    pub label: String,
    /// Direct expenses planned (excluding staff contributions).
    #[serde(default)]
    pub planned: Cents,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spent: Option<Cents>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub staff: Vec<StaffContribution>,
    /// The element or action this line funds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funds: Option<Id>,
    /// The line's total as stated (direct + staff).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_total: Option<Cents>,
    #[serde(default)]
    pub meta: Meta,
}

/// An amount shared between organisations by a key (student counts, percentages…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allocation {
    pub id: Id,
    pub label: String,
    pub amount: Cents,
    pub shares: Vec<Share>,
    #[serde(default)]
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Share {
    pub organisation: Id,
    /// The organisation's weight in the key; only ratios between weights matter.
    pub weight: f64,
    /// The part as the document states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated: Option<Cents>,
}
