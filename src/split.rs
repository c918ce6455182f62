//! Exact splitting of an amount by weights: the largest-remainder (Hamilton) method.
//!
//! Every part is first given the whole number of rounding units its exact quota holds (the
//! floor); the units left over go one each to the parts with the largest remainders. The parts
//! therefore always sum exactly to the amount, and each is within one unit of its exact quota.
//!
//! Tie rule, applied in order when two remainders are equal: the larger weight first, then the
//! part listed first (kommuner are listed in kommunkod order). The rule is deterministic and
//! does not depend on how the plan file orders its tables.
//!
//! The arithmetic is done on integers: weights are scaled to whole numbers (a percentage of
//! "5,3" becomes 53), so quotas and remainders are exact fractions with a common denominator.

use rust_decimal::Decimal;

use crate::money::Amount;

/// One part of a split, with everything needed to explain it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub weight: Decimal,
    /// The exact share of the amount, before rounding (shown rounded to 28 digits).
    pub quota: Decimal,
    /// Whole units of the quota, in kronor.
    pub floor: Amount,
    /// Position in the queue for a leftover unit (1 = first); every part has one.
    pub rank: usize,
    /// Whether this part received one of the leftover units.
    pub got_extra_unit: bool,
    pub amount: Amount,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SplitError {
    /// No parts, or all weights are zero.
    NoWeight,
    NegativeWeight,
    /// The amount is not a whole number of rounding units.
    AmountNotMultipleOfUnit,
    NonPositiveUnit,
    /// The figures are too large for exact integer arithmetic.
    TooLarge,
}

/// Splits `amount` by `weights` in whole multiples of `unit`.
pub fn largest_remainder(
    amount: Amount,
    weights: &[Decimal],
    unit: Amount,
) -> Result<Vec<Part>, SplitError> {
    if unit.0 <= Decimal::ZERO {
        return Err(SplitError::NonPositiveUnit);
    }
    if weights.iter().any(|w| w.is_sign_negative() && !w.is_zero()) {
        return Err(SplitError::NegativeWeight);
    }
    if !amount.is_multiple_of(unit) {
        return Err(SplitError::AmountNotMultipleOfUnit);
    }
    let units = to_i128(amount.0 / unit.0)?;
    let scale = weights.iter().map(|w| w.scale()).max().unwrap_or(0);
    let scaled: Vec<i128> = weights
        .iter()
        .map(|w| {
            let mut w = *w;
            w.rescale(scale);
            Ok(w.mantissa())
        })
        .collect::<Result<_, SplitError>>()?;
    let total: i128 = scaled.iter().sum();
    if total == 0 {
        return Err(SplitError::NoWeight);
    }

    // Exact quota of part i in units: units * w_i / total = floor_i + remainder_i / total.
    struct Work {
        index: usize,
        weight: Decimal,
        scaled: i128,
        floor: i128,
        remainder: i128,
        rank: usize,
    }
    let mut work = Vec::with_capacity(scaled.len());
    for (index, (&w, weight)) in scaled.iter().zip(weights).enumerate() {
        let numerator = units.checked_mul(w).ok_or(SplitError::TooLarge)?;
        work.push(Work {
            index,
            weight: *weight,
            scaled: w,
            floor: numerator.div_euclid(total),
            remainder: numerator.rem_euclid(total),
            rank: 0,
        });
    }
    let leftover = units - work.iter().map(|w| w.floor).sum::<i128>();

    // Queue for the leftover units: largest remainder, then larger weight, then listed first.
    work.sort_by(|a, b| {
        b.remainder
            .cmp(&a.remainder)
            .then(b.scaled.cmp(&a.scaled))
            .then(a.index.cmp(&b.index))
    });
    for (position, w) in work.iter_mut().enumerate() {
        w.rank = position + 1;
    }
    work.sort_by_key(|w| w.index);

    let denominator = Decimal::from_i128_with_scale(total, scale);
    work.into_iter()
        .map(|w| {
            let got_extra_unit = i128::try_from(w.rank).is_ok_and(|r| r <= leftover);
            let quota = amount.0.checked_mul(w.weight).ok_or(SplitError::TooLarge)? / denominator;
            Ok(Part {
                weight: w.weight,
                quota,
                floor: Amount(Decimal::from(w.floor) * unit.0),
                rank: w.rank,
                got_extra_unit,
                amount: Amount(Decimal::from(w.floor + i128::from(got_extra_unit)) * unit.0),
            })
        })
        .collect()
}

fn to_i128(d: Decimal) -> Result<i128, SplitError> {
    let mut d = d.trunc();
    d.rescale(0);
    Ok(d.mantissa()).and_then(|m| {
        if d.scale() == 0 {
            Ok(m)
        } else {
            Err(SplitError::TooLarge)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn amounts(parts: &[Part]) -> Vec<i64> {
        parts
            .iter()
            .map(|p| p.amount.0.try_into().unwrap())
            .collect()
    }

    #[test]
    fn participation_2026_by_one_decimal_percentages() {
        // DOMAIN.md / seed 001: 400 000 kr by Berg 5.3 … Östersund 49.0 %.
        let w = ["5.3", "4.5", "7.6", "11.9", "3.9", "8.2", "9.6", "49.0"].map(d);
        let parts = largest_remainder(Amount::kr(400_000), &w, Amount::kr(100)).unwrap();
        assert_eq!(
            amounts(&parts),
            [
                21_200, 18_000, 30_400, 47_600, 15_600, 32_800, 38_400, 196_000
            ]
        );
    }

    #[test]
    fn mini_maria_2025_by_two_decimal_percentages() {
        // Seed 003, Mini Maria table: 3 202 124 kr by 3,88 % … 48,96 %, in kommunkod order.
        let w = [
            "3.88", "4.55", "11.83", "8.29", "9.51", "5.35", "7.63", "48.96",
        ]
        .map(d);
        let parts = largest_remainder(Amount::kr(3_202_124), &w, Amount::kr(1)).unwrap();
        assert_eq!(
            amounts(&parts),
            [
                124_242, 145_697, 378_811, 265_456, 304_522, 171_314, 244_322, 1_567_760
            ]
        );
    }

    #[test]
    fn leftover_units_go_to_largest_remainders_then_larger_weight() {
        // 100 by 1:1:1 = 33.33 each; one unit left, all remainders equal and weights equal,
        // so the first listed part gets it.
        let parts =
            largest_remainder(Amount::kr(100), &[d("1"), d("1"), d("1")], Amount::kr(1)).unwrap();
        assert_eq!(amounts(&parts), [34, 33, 33]);
        // 10 by 1:2 → 3.33 and 6.67: the larger remainder (0.67) wins.
        let parts = largest_remainder(Amount::kr(10), &[d("1"), d("2")], Amount::kr(1)).unwrap();
        assert_eq!(amounts(&parts), [3, 7]);
        assert_eq!(parts[1].rank, 1);
    }

    #[test]
    fn amount_that_is_not_a_whole_number_of_units_is_refused() {
        let err = largest_remainder(Amount::kr(150), &[d("1")], Amount::kr(100)).unwrap_err();
        assert_eq!(err, SplitError::AmountNotMultipleOfUnit);
    }

    #[test]
    fn zero_weights_are_refused() {
        assert_eq!(
            largest_remainder(Amount::kr(1), &[d("0")], Amount::kr(1)).unwrap_err(),
            SplitError::NoWeight
        );
    }
}
