//! Splitting an allocation between organisations by their weights, to the cent.
//!
//! The parts must add up exactly to the amount, as the treasurer's table does: each share
//! first gets the whole cents of its exact quota, then the cents left over go one each to
//! the largest remainders (the largest-remainder method). All of it is integer arithmetic,
//! so the result does not depend on the order in which floating point would round.

use crate::model::budget::Allocation;
use crate::model::money::Cents;

/// The bits kept of the largest weight. Weights become integers of at most this many bits,
/// so that amount × weight (at most 63 + 53 bits) stays far inside a `u128`.
const WEIGHT_BITS: i32 = 53;

/// Splits `amount` between shares in proportion to `weights`, to the cent, in the order of
/// the weights. The parts add up exactly to `amount`, and each is within one cent of its
/// exact share; a share of weight 0 gets nothing.
///
/// - Ties between equal remainders go to the earlier share: 1,00 $ in three equal weights
///   gives 34, 33 and 33 cents.
/// - A negative amount is split as its absolute value, then each part is negated, so the
///   larger parts (in absolute value) still go to the earlier shares.
/// - A weight that is negative, NaN or infinite counts as 0 (the file loader already
///   refuses non-finite numbers; a negative weight has no meaning in a key).
/// - Returns `None` when no weight is positive: there is nothing to split by.
///
/// Weights are made integers exactly: every weight is multiplied by one power of two that
/// brings the largest to 53 bits, which changes no ratio, and then rounded, which only
/// drops what lies below 2⁻⁵³ of the largest weight. Whole-number weights (student counts)
/// and equal weights therefore keep their exact ratios, and their ties stay ties.
pub fn split(amount: Cents, weights: &[f64]) -> Option<Vec<Cents>> {
    let weights = integer_weights(weights)?;
    let total: u128 = weights.iter().sum();
    let whole = u128::from(amount.0.unsigned_abs());

    let mut parts = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    for &w in &weights {
        let exact = whole * w;
        parts.push(exact / total);
        remainders.push(exact % total);
    }
    // The quotas' fractions add up to a whole number of cents, fewer than the shares.
    let left = whole - parts.iter().sum::<u128>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    // A stable sort keeps equal remainders in the order of the shares.
    order.sort_by(|&a, &b| remainders[b].cmp(&remainders[a]));
    for &i in order.iter().take(usize::try_from(left).unwrap_or(usize::MAX)) {
        parts[i] += 1;
    }

    let negative = amount.0 < 0;
    Some(
        parts
            .into_iter()
            .map(|part| {
                // |part| ≤ |amount|, which fits an i64 with the amount's sign.
                let signed = if negative { -(part as i128) } else { part as i128 };
                Cents(signed as i64)
            })
            .collect(),
    )
}

/// The weights as integers with their ratios kept, or `None` if none is positive.
fn integer_weights(weights: &[f64]) -> Option<Vec<u128>> {
    let usable = |w: f64| if w.is_finite() && w > 0.0 { w } else { 0.0 };
    let largest = weights.iter().map(|&w| usable(w)).fold(0.0, f64::max);
    if largest == 0.0 {
        return None;
    }
    // The largest weight lies in [2^e, 2^(e+1)); scaling by 2^(52 − e) puts it in
    // [2^52, 2^53). The exponent is read from the bits (subnormals count as 2^-1022).
    let biased = i32::try_from((largest.to_bits() >> 52) & 0x7ff).unwrap_or(0).max(1);
    let shift = WEIGHT_BITS - 1 - (biased - 1023);
    Some(weights.iter().map(|&w| times_power_of_two(usable(w), shift).round() as u128).collect())
}

/// `x × 2^k`, exact: 2^k itself may not be an `f64` (k reaches 1074), so it is applied in
/// two halves, each a power of two that is one.
fn times_power_of_two(x: f64, k: i32) -> f64 {
    let half = k / 2;
    x * 2f64.powi(half) * 2f64.powi(k - half)
}

impl Allocation {
    /// The amount split between the shares by their weights; see [`split`].
    pub fn split(&self) -> Option<Vec<Cents>> {
        let weights: Vec<f64> = self.shares.iter().map(|s| s.weight).collect();
        split(self.amount, &weights)
    }

    /// The sum of the parts as the document states them, when every share states one: a
    /// partly filled table is still being written, not wrong.
    pub fn stated_sum(&self) -> Option<Cents> {
        if self.shares.is_empty() {
            return None;
        }
        self.shares.iter().map(|s| s.stated).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::budget::Share;
    use crate::model::id::Id;
    use proptest::prelude::*;

    fn cents(parts: &[i64]) -> Vec<Cents> {
        parts.iter().map(|&c| Cents(c)).collect()
    }

    /// The nine stated parts of reference plan 002 (« Allocation aux css »), in cents.
    const PLAN_002_PARTS: [i64; 9] = [1846415, 2649181, 974196, 5006213, 3711940, 6464383, 3140321, 3181663, 7405689];

    #[test]
    fn one_dollar_in_three_equal_weights_gives_the_extra_cent_to_the_first() {
        assert_eq!(split(Cents(100), &[1.0, 1.0, 1.0]), Some(cents(&[34, 33, 33])));
        assert_eq!(split(Cents(200), &[1.0, 1.0, 1.0]), Some(cents(&[67, 67, 66])));
    }

    #[test]
    fn equal_remainders_between_unequal_weights_go_by_order() {
        // Quotas 0,5 and 1,5: equal remainders, the first share gets the cent.
        assert_eq!(split(Cents(2), &[1.0, 3.0]), Some(cents(&[1, 1])));
        assert_eq!(split(Cents(2), &[3.0, 1.0]), Some(cents(&[2, 0])));
    }

    #[test]
    fn the_largest_remainder_gets_the_cent_whatever_its_place() {
        // Quotas 0,1 · 0,2 · 0,7 of one cent.
        assert_eq!(split(Cents(1), &[1.0, 2.0, 7.0]), Some(cents(&[0, 0, 1])));
    }

    #[test]
    fn plan_002_amount_split_by_its_stated_parts_adds_up_exactly() {
        // The document's own figures used as the key: the parts are proportional to them
        // and add up to 343 800,00 $ exactly, one cent less than the stated parts.
        let weights: Vec<f64> = PLAN_002_PARTS.iter().map(|&c| c as f64).collect();
        let parts = split(Cents(34_380_000), &weights).unwrap_or_default();
        assert_eq!(parts.len(), 9);
        assert_eq!(parts.iter().copied().sum::<Cents>(), Cents(34_380_000));
        let off: i64 = parts.iter().zip(PLAN_002_PARTS).map(|(p, s)| s - p.0).sum();
        assert_eq!(off, 1);
        // Every quota is just under its stated part; the smallest remainder, the cent not
        // given back, is the largest share's (CSS Marie-Victorin).
        assert_eq!(parts[8], Cents(7_405_688));
        assert_eq!(&parts[..8], &cents(&PLAN_002_PARTS[..8])[..]);
    }

    #[test]
    fn plan_002_amount_split_by_percentages_with_decimals_adds_up_exactly() {
        let weights = [5.37, 7.71, 2.83, 14.56, 10.8, 18.8, 9.13, 9.25, 21.55];
        let parts = split(Cents(34_380_000), &weights).unwrap_or_default();
        assert_eq!(parts.iter().copied().sum::<Cents>(), Cents(34_380_000));
        assert_eq!(parts[0], Cents(1_846_206)); // 343 800 $ × 5,37 % = 18 462,06 $
    }

    #[test]
    fn a_negative_amount_is_split_as_its_absolute_value_then_negated() {
        assert_eq!(split(Cents(-100), &[1.0, 1.0, 1.0]), Some(cents(&[-34, -33, -33])));
    }

    #[test]
    fn zero_is_split_into_zeros() {
        assert_eq!(split(Cents(0), &[2.0, 5.0]), Some(cents(&[0, 0])));
    }

    #[test]
    fn without_any_positive_weight_there_is_nothing_to_split_by() {
        assert_eq!(split(Cents(100), &[]), None);
        assert_eq!(split(Cents(100), &[0.0, 0.0]), None);
        assert_eq!(split(Cents(100), &[-1.0, f64::NAN]), None);
    }

    #[test]
    fn negative_and_non_finite_weights_count_as_zero() {
        let weights = [-5.0, 1.0, f64::NAN, f64::INFINITY, 1.0];
        assert_eq!(split(Cents(10), &weights), Some(cents(&[0, 5, 0, 0, 5])));
    }

    #[test]
    fn extreme_weights_and_amounts_neither_overflow_nor_lose_the_sum() {
        let parts = split(Cents(i64::MAX), &[f64::MAX, f64::MAX, 1.0]).unwrap_or_default();
        assert_eq!(parts.iter().map(|p| i128::from(p.0)).sum::<i128>(), i128::from(i64::MAX));
        let parts = split(Cents(i64::MIN), &[1e-320, 3e-320]).unwrap_or_default();
        assert_eq!(parts.iter().map(|p| i128::from(p.0)).sum::<i128>(), i128::from(i64::MIN));
        assert_eq!(split(Cents(4), &[1e-300, 3e-300]), Some(cents(&[1, 3])));
    }

    fn share(weight: f64, stated: Option<i64>) -> Share {
        Share { organisation: Id::new("css"), weight, stated: stated.map(Cents) }
    }

    fn allocation(amount: i64, shares: Vec<Share>) -> Allocation {
        Allocation {
            id: Id::new("allocation"),
            label: "Allocation aux CSS".into(),
            amount: Cents(amount),
            shares,
            meta: Default::default(),
        }
    }

    #[test]
    fn an_allocation_splits_by_the_weights_of_its_shares() {
        let a = allocation(100, vec![share(1.0, None), share(1.0, None), share(2.0, None)]);
        assert_eq!(a.split(), Some(cents(&[25, 25, 50])));
    }

    #[test]
    fn stated_parts_add_up_only_when_every_share_states_one() {
        let shares = PLAN_002_PARTS.iter().map(|&c| share(1.0, Some(c))).collect();
        assert_eq!(allocation(34_380_000, shares).stated_sum(), Some(Cents(34_380_001)));
        let partly = allocation(100, vec![share(1.0, Some(50)), share(1.0, None)]);
        assert_eq!(partly.stated_sum(), None);
        assert_eq!(allocation(100, vec![]).stated_sum(), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_split_adds_up_exactly_and_each_part_is_within_a_cent_of_its_share(
            amount in -1_000_000_000_000i64..1_000_000_000_000,
            weights in prop::collection::vec(
                prop_oneof![Just(0.0), 0.0f64..1.0, 0.0f64..1_000_000.0, (0u32..5000).prop_map(f64::from)],
                1..20,
            ),
        ) {
            let total: f64 = weights.iter().sum();
            let parts = split(Cents(amount), &weights);
            if total == 0.0 {
                prop_assert_eq!(parts, None);
            } else {
                let parts = parts.unwrap_or_default();
                prop_assert_eq!(parts.len(), weights.len());
                prop_assert_eq!(parts.iter().copied().sum::<Cents>(), Cents(amount));
                for (part, w) in parts.iter().zip(&weights) {
                    // The exact share, in floating point only to measure the distance.
                    let exact = amount as f64 * (w / total);
                    prop_assert!((part.0 as f64 - exact).abs() < 1.0 + 1e-3, "{part:?} vs {exact}");
                    if *w == 0.0 {
                        prop_assert_eq!(*part, Cents(0));
                    }
                }
            }
        }
    }
}
