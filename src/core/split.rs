//! Exact splitting of an amount by weights: the largest-remainder (Hamilton) method.
//!
//! Every part is first given the whole number of rounding units its exact quota holds (the
//! floor); the units left over go one each to the parts with the largest remainders. The parts
//! therefore always sum exactly to the amount, and each is within one unit of its exact quota.
//!
//! Tie rule, applied in order when two remainders are equal: the larger weight first, then the
//! smaller tie key. For kommuner the tie key is the kommunkod, so the result does not depend on
//! the order in which a plan or a key file lists them; `largest_remainder` (without a tie key)
//! lets the part listed first go first, which is what a split between actors uses.
//!
//! The arithmetic is done on integers: weights are scaled to whole numbers (a percentage of
//! "5,3" becomes 53), so quotas and remainders are exact fractions with a common denominator.
//!
//! Percentages derived from counts (`percentages`) are the same method: 100 % is split by the
//! counts in units of 0,01 % (two decimals), so they sum to exactly 100.

use rust_decimal::Decimal;

use crate::core::money::Amount;

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

impl Part {
    /// What the floor left of the exact quota (less than one unit).
    pub fn remainder(&self) -> Decimal {
        self.quota - self.floor.0
    }
}

/// The rounding units people use, largest first: 1 000, 100, 10, 1, 0,1 and 0,01 kr.
const USUAL_UNITS: [(i64, u32); 6] = [(1000, 0), (100, 0), (10, 0), (1, 0), (1, 1), (1, 2)];

/// The largest of the usual rounding units that `amount` is a whole number of, finer than the
/// unit `asked` and than the amount itself: what to suggest when the amount is not a whole
/// number of the unit asked for (`100 000` at 3 kr: 1 kr, `5 000` at 3 000 kr: 1 000 kr, not a
/// unit that hands the whole amount to one kommun: `100` at 3 kr is not told `100`).
pub fn usual_unit(amount: Amount, asked: Amount) -> Option<Amount> {
    let dividing = || {
        USUAL_UNITS
            .iter()
            .map(|&(n, scale)| Amount(Decimal::new(n, scale)))
            .filter(move |&unit| amount.is_multiple_of(unit))
    };
    // Else, for a unit asked finer than öre or an amount of one unit, the largest that divides.
    dividing()
        .find(|&unit| unit < asked && unit < amount)
        .or_else(|| dividing().find(|&unit| unit < amount))
        .or_else(|| dividing().next())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SplitError {
    /// No parts, or all weights are zero.
    NoWeight,
    NegativeWeight,
    /// A negative amount cannot be split.
    NegativeAmount,
    /// The amount is not a whole number of rounding units.
    AmountNotMultipleOfUnit,
    NonPositiveUnit,
    /// The figures are too large for exact integer arithmetic.
    TooLarge,
    /// A tie key is missing for some weight (the two lists differ in length).
    TieKeys,
}

/// Splits `amount` by `weights` in whole multiples of `unit`; on a tie (equal remainder and
/// weight) the part listed first goes first.
pub fn largest_remainder(
    amount: Amount,
    weights: &[Decimal],
    unit: Amount,
) -> Result<Vec<Part>, SplitError> {
    let order: Vec<usize> = (0..weights.len()).collect();
    largest_remainder_by(amount, weights, &order, unit)
}

/// Splits `amount` by `weights` in whole multiples of `unit`; on a tie (equal remainder and
/// weight) the part with the smaller `tie` key goes first. Pass kommunkoder as tie keys and
/// reordering the kommuner never changes anyone's amount. Every part carries its working
/// (exact quota, floor, rank), for the audit.
pub fn largest_remainder_by<K: Ord>(
    amount: Amount,
    weights: &[Decimal],
    tie: &[K],
    unit: Amount,
) -> Result<Vec<Part>, SplitError> {
    let prepared = Prepared::new(amount, weights, tie, unit)?;
    let mut queue: Vec<usize> = (0..weights.len()).collect();
    queue.sort_by(|&a, &b| prepared.before(a, b));
    let mut rank = vec![0; weights.len()];
    for (position, &i) in queue.iter().enumerate() {
        if let Some(r) = rank.get_mut(i) {
            *r = position + 1;
        }
    }
    let denominator = Decimal::try_from_i128_with_scale(prepared.total, prepared.scale)
        .map_err(|_| SplitError::TooLarge)?;
    // Collected into its size at once: a split over millions of kommuner would otherwise
    // hold twice its parts while the vector grows.
    let mut parts = Vec::with_capacity(weights.len());
    for i in 0..weights.len() {
        parts.push({
            let rank = rank.get(i).copied().unwrap_or(0);
            let got_extra_unit = i128::try_from(rank).is_ok_and(|r| r <= prepared.leftover);
            let weight = weights.get(i).copied().unwrap_or_default();
            let quota = amount
                .0
                .checked_mul(weight)
                .and_then(|x| x.checked_div(denominator))
                .ok_or(SplitError::TooLarge)?;
            let floor = prepared.units_to_amount(prepared.floor(i))?;
            let amount =
                prepared.units_to_amount(prepared.floor(i) + i128::from(got_extra_unit))?;
            Part {
                weight,
                quota,
                floor,
                rank,
                got_extra_unit,
                amount,
            }
        });
    }
    Ok(parts)
}

/// The same split as `largest_remainder_by`, amounts only: no quotas, and the leftover units
/// placed by a selection instead of a sort, so a split over many kommuner stays linear.
pub fn largest_remainder_amounts<K: Ord>(
    amount: Amount,
    weights: &[Decimal],
    tie: &[K],
    unit: Amount,
) -> Result<Vec<Amount>, SplitError> {
    let prepared = Prepared::new(amount, weights, tie, unit)?;
    let mut units: Vec<i128> = (0..weights.len()).map(|i| prepared.floor(i)).collect();
    let leftover = usize::try_from(prepared.leftover).map_err(|_| SplitError::TooLarge)?;
    if leftover > 0 {
        let parts = prepared.remainders.iter().zip(&prepared.scaled).enumerate();
        // Remainders and weights are below the total: in 64 bits in every real split.
        let first = if u64::try_from(prepared.total).is_ok() {
            let narrow = |n: i128| u64::try_from(n).unwrap_or(u64::MAX);
            let queue = parts.map(|(i, (&r, &w))| ((narrow(r), narrow(w)), i));
            first_in_queue(queue.collect(), leftover, &prepared)
        } else {
            first_in_queue(
                parts.map(|(i, (&r, &w))| ((r, w), i)).collect(),
                leftover,
                &prepared,
            )
        };
        for i in first {
            if let Some(u) = units.get_mut(i) {
                *u += 1;
            }
        }
    }
    units
        .into_iter()
        .map(|u| prepared.units_to_amount(u))
        .collect()
}

/// The `leftover` parts first in the queue for a leftover unit (each part as its remainder
/// and weight, read once, and its place), found by a selection on those figures; the tie key
/// and the listed order are consulted only between parts that the figures leave equal.
fn first_in_queue<K: Ord, F: Ord + Copy>(
    mut queue: Vec<(F, usize)>,
    leftover: usize,
    prepared: &Prepared<K>,
) -> Vec<usize> {
    if leftover < queue.len()
        && let Some(nth) = leftover.checked_sub(1)
    {
        queue.select_nth_unstable_by(nth, |a, b| {
            b.0.cmp(&a.0).then_with(|| prepared.before(a.1, b.1))
        });
    }
    queue.into_iter().take(leftover).map(|(_, i)| i).collect()
}

/// `a × b`, by one widening multiplication when both fit in 64 bits (every real split);
/// `TooLarge` past 128 bits.
fn product(a: i128, b: i128) -> Result<i128, SplitError> {
    let wide = match (u64::try_from(a), u64::try_from(b)) {
        (Ok(a), Ok(b)) => i128::try_from(u128::from(a) * u128::from(b)).ok(),
        _ => a.checked_mul(b),
    };
    wide.ok_or(SplitError::TooLarge)
}

/// Floor quotient and remainder of a non-negative `n` by a positive `d`; in 64 bits when
/// both fit, which is every real split and several times faster than 128-bit division.
fn div_rem(n: i128, d: i128) -> (i128, i128) {
    match (u64::try_from(n), u64::try_from(d)) {
        (Ok(n), Ok(d)) if d > 0 => (i128::from(n / d), i128::from(n % d)),
        _ => (n.div_euclid(d), n.rem_euclid(d)),
    }
}

/// A split worked out in integers: weights scaled to whole numbers, each part's floor and
/// remainder of `units × weight / total`, and how many units are left for the remainders.
struct Prepared<'k, K> {
    tie: &'k [K],
    scaled: Vec<i128>,
    /// Quotient and remainder of `units × scaled[i]` by `total`.
    floors: Vec<i128>,
    remainders: Vec<i128>,
    total: i128,
    scale: u32,
    leftover: i128,
    unit: Amount,
    /// The unit's digits, when they fit in 64 bits.
    unit_digits: Option<i64>,
}

impl<'k, K: Ord> Prepared<'k, K> {
    fn new(
        amount: Amount,
        weights: &[Decimal],
        tie: &'k [K],
        unit: Amount,
    ) -> Result<Self, SplitError> {
        if tie.len() != weights.len() {
            return Err(SplitError::TieKeys);
        }
        if unit.0 <= Decimal::ZERO {
            return Err(SplitError::NonPositiveUnit);
        }
        if weights.iter().any(|w| w.is_sign_negative() && !w.is_zero()) {
            return Err(SplitError::NegativeWeight);
        }
        if amount.is_negative() {
            return Err(SplitError::NegativeAmount);
        }
        if !amount.is_multiple_of(unit) {
            return Err(SplitError::AmountNotMultipleOfUnit);
        }
        let units = to_i128(amount.0.checked_div(unit.0).ok_or(SplitError::TooLarge)?)?;
        let scale = weights.iter().map(|w| w.scale()).max().unwrap_or(0);
        // A weight too large to carry the others' decimals cannot be rescaled exactly.
        let scaled: Vec<i128> = weights
            .iter()
            .map(|w| {
                let mut w = *w;
                if w.scale() != scale {
                    w.rescale(scale);
                }
                if w.scale() == scale {
                    Ok(w.mantissa())
                } else {
                    Err(SplitError::TooLarge)
                }
            })
            .collect::<Result<_, _>>()?;
        let total = scaled
            .iter()
            .try_fold(0i128, |sum, w| sum.checked_add(*w))
            .ok_or(SplitError::TooLarge)?;
        if total == 0 {
            return Err(SplitError::NoWeight);
        }
        // Each part's floor and remainder of `units × weight / total`, worked out once.
        let mut floors = Vec::with_capacity(scaled.len());
        let mut remainders = Vec::with_capacity(scaled.len());
        for &w in &scaled {
            let (floor, remainder) = div_rem(product(units, w)?, total);
            floors.push(floor);
            remainders.push(remainder);
        }
        let floor_sum = floors
            .iter()
            .try_fold(0i128, |sum, f| sum.checked_add(*f))
            .ok_or(SplitError::TooLarge)?;
        Ok(Prepared {
            tie,
            scaled,
            floors,
            remainders,
            total,
            scale,
            leftover: units - floor_sum,
            unit,
            unit_digits: i64::try_from(unit.0.mantissa()).ok(),
        })
    }

    fn floor(&self, i: usize) -> i128 {
        self.floors.get(i).copied().unwrap_or(0)
    }

    /// Whether part `a` is ahead of `b` in the queue for a leftover unit: the larger
    /// remainder, then the larger weight, then the smaller tie key, then the one listed first.
    fn before(&self, a: usize, b: usize) -> std::cmp::Ordering {
        self.remainders
            .get(b)
            .cmp(&self.remainders.get(a))
            .then_with(|| self.scaled.get(b).cmp(&self.scaled.get(a)))
            .then_with(|| self.tie.get(a).cmp(&self.tie.get(b)))
            .then(a.cmp(&b))
    }

    /// `units` rounding units in kronor: `units × unit`, with the unit's decimals. A product
    /// within 64 bits (every real split's) is worked out on the integers, which is exactly
    /// `Decimal`'s product; anything larger goes through `Decimal`.
    fn units_to_amount(&self, units: i128) -> Result<Amount, SplitError> {
        let unit = self.unit;
        if let (Ok(n), Some(m)) = (i64::try_from(units), self.unit_digits)
            && let Some(digits) = n.checked_mul(m)
            && let Ok(exact) = Decimal::try_new(digits, unit.0.scale())
        {
            return Ok(Amount(exact));
        }
        Decimal::try_from_i128_with_scale(units, 0)
            .ok()
            .and_then(|u| u.checked_mul(unit.0))
            .map(Amount)
            .ok_or(SplitError::TooLarge)
    }
}

/// The largest amount `allocate split` takes: the largest a plan writes as a TOML integer
/// (`i64`, 19 digits). Below it a split by any real key is exact: the quotas (amount × weight)
/// stay within `Decimal`'s 28 digits and the units within `i128`, also at a unit of 0,01 kr.
pub fn max_amount() -> Amount {
    Amount::MAX
}

/// The most decimals a derived percentage may have.
pub const MAX_PRECISION: u32 = 10;

/// Percentages at `precision` decimals derived from `weights` (population counts): 100 % split
/// by the weights in units of 10^-precision %, so they sum to exactly 100. Each part's
/// `amount` is the percentage (not kronor). Ties as in `largest_remainder_by`.
pub fn percentages<K: Ord>(
    weights: &[Decimal],
    tie: &[K],
    precision: u32,
) -> Result<Vec<Part>, SplitError> {
    if precision > MAX_PRECISION {
        return Err(SplitError::TooLarge);
    }
    let unit = Amount(Decimal::new(1, precision));
    largest_remainder_by(Amount(Decimal::ONE_HUNDRED), weights, tie, unit)
}

fn to_i128(d: Decimal) -> Result<i128, SplitError> {
    let mut d = d.trunc();
    d.rescale(0);
    if d.scale() == 0 {
        Ok(d.mantissa())
    } else {
        Err(SplitError::TooLarge)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;
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

    /// Population 1 November 2024 (seed 003, Mini Maria table), in kommunkod order:
    /// Ragunda, Bräcke, Krokom, Strömsund, Åre, Berg, Härjedalen, Östersund.
    const POPULATION_2024: [i64; 8] = [5_150, 6_037, 15_702, 10_995, 12_626, 7_101, 10_120, 64_977];
    const CODES: [&str; 8] = [
        "2303", "2305", "2309", "2313", "2321", "2326", "2361", "2380",
    ];

    fn population() -> Vec<Decimal> {
        POPULATION_2024.iter().map(|&n| Decimal::from(n)).collect()
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
    fn mini_maria_percentages_derive_from_the_population_at_two_decimals() {
        // Seed 003: 5 150 … 64 977 (sum 132 708) → 3,88 % … 48,96 %, summing to 100,00 %.
        assert_eq!(POPULATION_2024.iter().sum::<i64>(), 132_708);
        let parts = percentages(&population(), &CODES, 2).unwrap();
        let percent: Vec<Decimal> = parts.iter().map(|p| p.amount.0).collect();
        assert_eq!(
            percent,
            [
                "3.88", "4.55", "11.83", "8.29", "9.51", "5.35", "7.63", "48.96"
            ]
            .map(d)
        );
        assert_eq!(percent.iter().sum::<Decimal>(), Decimal::ONE_HUNDRED);
        // Split by the derived percentages: the agreement's figures.
        let w: Vec<Decimal> = percent;
        let parts = largest_remainder_by(Amount::kr(3_202_124), &w, &CODES, Amount::kr(1)).unwrap();
        assert_eq!(
            amounts(&parts),
            [
                124_242, 145_697, 378_811, 265_456, 304_522, 171_314, 244_322, 1_567_760
            ]
        );
    }

    #[test]
    fn mini_maria_by_raw_counts_gives_other_figures() {
        // DOMAIN.md: splitting 3 202 124 kr by the counts themselves gives Ragunda 124 265.
        let parts =
            largest_remainder_by(Amount::kr(3_202_124), &population(), &CODES, Amount::kr(1))
                .unwrap();
        assert_eq!(parts[0].amount, Amount::kr(124_265));
        assert_eq!(
            parts.iter().map(|p| p.amount).sum::<Amount>(),
            Amount::kr(3_202_124)
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
        // 6.67 − 6: the remainder is two thirds of a krona.
        assert_eq!(parts[1].remainder().round_dp(4), d("0.6667"));
    }

    #[test]
    fn ties_go_to_the_lower_kommunkod_whatever_the_order() {
        let w = [d("1"), d("1"), d("1")];
        let parts = largest_remainder_by(
            Amount::kr(100),
            &w,
            &["2380", "2303", "2326"],
            Amount::kr(1),
        )
        .unwrap();
        // 2303 (listed second) has the lowest code and gets the leftover krona.
        assert_eq!(amounts(&parts), [33, 34, 33]);
    }

    #[test]
    fn a_hundred_kronor_three_ways_in_tenths() {
        let tenth = Amount(d("0.1"));
        let w = [Decimal::ONE; 3];
        let parts = largest_remainder(Amount::kr(100), &w, tenth).unwrap();
        let got: Vec<Amount> = parts.iter().map(|p| p.amount).collect();
        assert_eq!(got, [d("33.4"), d("33.3"), d("33.3")].map(Amount));
        assert_eq!(got.iter().sum::<Amount>(), Amount::kr(100));
        // Every part carries the unit's decimal, so it prints as 33,3 and never as 33.
        assert!(got.iter().all(|a| a.decimals() == 1));
        let fast = largest_remainder_amounts(Amount::kr(100), &w, &[1, 2, 3], tenth).unwrap();
        assert_eq!(fast, got);
        // Öre, by the Mini Maria counts: exact to the öre.
        let ore = Amount(d("0.01"));
        let amount = Amount(d("264395.52"));
        let parts = largest_remainder_by(amount, &population(), &CODES, ore).unwrap();
        assert_eq!(parts.iter().map(|p| p.amount).sum::<Amount>(), amount);
        assert!(parts.iter().all(|p| p.amount.is_multiple_of(ore)));
        // An amount finer than the unit is refused, not rounded.
        assert_eq!(
            largest_remainder(Amount(d("100.05")), &w, tenth),
            Err(SplitError::AmountNotMultipleOfUnit)
        );
    }

    #[test]
    fn the_usual_unit_suggested_is_the_largest_that_divides_the_amount() {
        let unit = |text: &str, asked: &str| {
            usual_unit(Amount(d(text)), Amount(d(asked))).map(|u| u.0.normalize())
        };
        assert_eq!(unit("100000", "3000"), Some(d("1000")));
        assert_eq!(unit("100000", "3"), Some(d("1")));
        assert_eq!(unit("150", "1000"), Some(d("10")));
        assert_eq!(unit("12.5", "1"), Some(d("0.1")));
        assert_eq!(unit("12.50", "1"), Some(d("0.1")));
        assert_eq!(unit("12.55", "1"), Some(d("0.01")));
        assert_eq!(unit("0.005", "1"), None);
        // Never the amount itself; for one öre, or a unit asked finer than any, what divides.
        assert_eq!(unit("100", "1000"), Some(d("10")));
        assert_eq!(unit("0.01", "1"), Some(d("0.01")));
        assert_eq!(unit("1", "0.003"), Some(d("0.1")));
    }

    #[test]
    fn amount_that_is_not_a_whole_number_of_units_is_refused() {
        let err = largest_remainder(Amount::kr(150), &[d("1")], Amount::kr(100)).unwrap_err();
        assert_eq!(err, SplitError::AmountNotMultipleOfUnit);
    }

    #[test]
    fn products_are_exact_or_too_large() {
        let max = i128::from(u64::MAX);
        assert_eq!(product(3, 5), Ok(15));
        assert_eq!(product(max, 2), Ok(max * 2));
        assert_eq!(product(max + 1, 2), Ok((max + 1) * 2));
        assert_eq!(product(1 << 63, 1 << 63), Ok(1 << 126));
        assert_eq!(product(max, max), Err(SplitError::TooLarge));
        assert_eq!(product(i128::MAX, 2), Err(SplitError::TooLarge));
    }

    #[test]
    fn zero_weights_are_refused() {
        assert_eq!(
            largest_remainder(Amount::kr(1), &[d("0")], Amount::kr(1)).unwrap_err(),
            SplitError::NoWeight
        );
    }

    #[test]
    fn negative_amounts_and_mismatched_tie_keys_are_refused() {
        assert_eq!(
            largest_remainder(Amount::kr(-1), &[d("1")], Amount::kr(1)).unwrap_err(),
            SplitError::NegativeAmount
        );
        assert_eq!(
            largest_remainder_by(Amount::kr(1), &[d("1")], &[1, 2], Amount::kr(1)).unwrap_err(),
            SplitError::TieKeys
        );
    }

    /// Weights with 0–3 decimals (counts or percentages), not all zero.
    fn weights() -> impl Strategy<Value = Vec<Decimal>> {
        (0u32..=3)
            .prop_flat_map(|scale| {
                prop::collection::vec(0i64..2_000_000, 1..12)
                    .prop_map(move |v| v.into_iter().map(|m| Decimal::new(m, scale)).collect())
            })
            .prop_filter("some weight", |w: &Vec<Decimal>| {
                w.iter().any(|x| !x.is_zero())
            })
    }

    /// Whole-krona units and finer ones (tenths, öre, 0,5 kr), written as a plan writes them.
    fn unit() -> impl Strategy<Value = Amount> {
        prop::sample::select(vec!["0.01", "0.1", "0.5", "1", "10", "100", "1000", "5000"])
            .prop_map(|u| Amount(d(u)))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn parts_sum_exactly_and_stay_within_one_unit(
            w in weights(), u in unit(), units in 0i64..1_000_000_000
        ) {
            let amount = Amount(Decimal::from(units) * u.0);
            let parts = largest_remainder(amount, &w, u).unwrap();
            prop_assert_eq!(parts.iter().map(|p| p.amount).sum::<Amount>(), amount);
            for p in &parts {
                prop_assert!((p.amount.0 - p.quota).abs() < u.0, "{p:?}");
                prop_assert!(p.amount.is_multiple_of(u));
            }
        }

        #[test]
        fn a_larger_weight_never_gets_less(
            w in weights(), u in unit(), units in 0i64..1_000_000_000
        ) {
            let amount = Amount(Decimal::from(units) * u.0);
            let parts = largest_remainder(amount, &w, u).unwrap();
            for a in &parts {
                for b in &parts {
                    if a.weight > b.weight {
                        prop_assert!(a.amount >= b.amount, "{a:?} < {b:?}");
                    }
                }
            }
        }

        #[test]
        fn reordering_the_kommuner_changes_nobodys_amount(
            (w, shuffled) in weights().prop_flat_map(|w| {
                let order: Vec<usize> = (0..w.len()).collect();
                (Just(w), Just(order).prop_shuffle())
            }),
            u in unit(),
            units in 0i64..1_000_000_000,
        ) {
            let amount = Amount(Decimal::from(units) * u.0);
            // Kommunkod-like tie keys: 2300 + position in the original order.
            let codes: Vec<u32> = (0..w.len()).map(|i| 2300 + i as u32).collect();
            let by_code = |order: &[usize]| -> BTreeMap<u32, Amount> {
                let ws: Vec<Decimal> = order.iter().map(|&i| w[i]).collect();
                let cs: Vec<u32> = order.iter().map(|&i| codes[i]).collect();
                let parts = largest_remainder_by(amount, &ws, &cs, u).unwrap();
                cs.into_iter().zip(parts.into_iter().map(|p| p.amount)).collect()
            };
            let original: Vec<usize> = (0..w.len()).collect();
            prop_assert_eq!(by_code(&original), by_code(&shuffled));
        }

        #[test]
        fn the_fast_split_gives_the_audited_amounts(
            w in weights(), u in unit(), units in 0i64..1_000_000_000
        ) {
            let amount = Amount(Decimal::from(units) * u.0);
            let codes: Vec<usize> = (0..w.len()).map(|i| (i * 7) % 5).collect();
            let audited: Vec<Amount> = largest_remainder_by(amount, &w, &codes, u)
                .unwrap()
                .into_iter()
                .map(|p| p.amount)
                .collect();
            prop_assert_eq!(largest_remainder_amounts(amount, &w, &codes, u).unwrap(), audited);
        }

        /// Weights whose sum passes 64 bits are queued on 128 bits, with the same result.
        #[test]
        fn huge_weights_split_as_the_audited_split(
            w in prop::collection::vec(0u64..=u64::MAX, 2..12), units in 0i64..1_000_000
        ) {
            let w: Vec<Decimal> = w.into_iter().map(Decimal::from).collect();
            prop_assume!(w.iter().any(|x| !x.is_zero()));
            let amount = Amount(Decimal::from(units));
            let codes: Vec<usize> = (0..w.len()).map(|i| (i * 7) % 5).collect();
            let audited = largest_remainder_by(amount, &w, &codes, Amount::kr(1))
                .map(|parts| parts.into_iter().map(|p| p.amount).collect::<Vec<_>>());
            prop_assert_eq!(largest_remainder_amounts(amount, &w, &codes, Amount::kr(1)), audited);
        }

        /// Units turned into kronor on the integers are `Decimal`'s own product: the same
        /// value, decimals and text, for the units a plan uses and for odd ones.
        #[test]
        fn units_in_kronor_are_decimals_product(
            units in prop_oneof![0i128..1_000_000_000_000, any::<i64>().prop_map(i128::from)],
            u in prop::sample::select(vec!["0.01", "0.1", "0.10", "0.5", "1", "1.0", "100", "5000", "0.0000000001"]),
        ) {
            let unit = Amount(d(u));
            let w = [Decimal::ONE];
            let prepared = Prepared::new(unit, &w, &[0], unit).unwrap();
            let ours = prepared.units_to_amount(units).map(|a| a.0);
            let theirs = Decimal::try_from_i128_with_scale(units, 0)
                .ok()
                .and_then(|n| n.checked_mul(unit.0))
                .ok_or(SplitError::TooLarge);
            prop_assert_eq!(&ours, &theirs);
            if let (Ok(a), Ok(b)) = (ours, theirs) {
                prop_assert_eq!((a.scale(), a.to_string()), (b.scale(), b.to_string()));
            }
        }

        #[test]
        fn derived_percentages_sum_to_exactly_100(
            w in weights(), precision in 0u32..=4
        ) {
            let codes: Vec<usize> = (0..w.len()).collect();
            let parts = percentages(&w, &codes, precision).unwrap();
            prop_assert_eq!(parts.iter().map(|p| p.amount.0).sum::<Decimal>(), Decimal::ONE_HUNDRED);
            for p in &parts {
                prop_assert!(p.amount.0.normalize().scale() <= precision);
            }
        }
    }
}
