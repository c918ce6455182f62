//! Money: an exact amount in kronor. How it is written for people is `output::number`.
//!
//! Amounts are `rust_decimal::Decimal` so that sums are exact; the plan file writes them as
//! TOML integers (`12_689_898`), or, with decimals, as quoted text (`"518 183,8"`). Floats
//! never carry an amount or a share.
//!
//! An amount keeps the scale it was written or aligned with (`Plan::align_to_unit`): in a plan
//! counted in tenths every amount carries one decimal, so it is printed with one.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};

use rust_decimal::Decimal;
use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::{Serialize, Serializer};

/// The signs a negative amount written as text may start with: the hyphen-minus of a
/// keyboard, the minus sign (U+2212) and the en dash (U+2013) that word processors and
/// spreadsheets set for it (`−7 877`, `– 7 877`).
pub const MINUS_SIGNS: [char; 3] = ['-', '\u{2212}', '\u{2013}'];

/// An exact amount of money in kronor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(pub Decimal);

/// The spaces that group an amount's digits in thousands: the space, the no-break space
/// (U+00A0) Excel writes, and the narrow no-break (U+202F) and thin (U+2009) spaces of
/// typesetting (`1 350 000`).
pub const GROUP_SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// A number written with its digits grouped in thousands by spaces ([`GROUP_SPACES`]) or
/// underscores and an optional decimal comma or point (`5 150`, `518 183,8`), without the
/// grouping: its whole part's digits, and the number as `Decimal` reads it (`518183.8`).
pub fn ungrouped(text: &str) -> Option<(String, String)> {
    let is_space = |c: char| c == '_' || GROUP_SPACES.contains(&c);
    let (whole, fraction) = match text.split_once([',', '.']) {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    // Groups of digits, those after the first of three (thousands); decimals digits only.
    let all_digits = |g: &str| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit());
    let mut groups = whole.split(is_space);
    let first_ok = groups.next().is_some_and(all_digits);
    if !first_ok || !groups.all(|g| g.len() == 3 && all_digits(g)) {
        return None;
    }
    if fraction.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    let digits: String = whole.chars().filter(char::is_ascii_digit).collect();
    let plain = match fraction {
        Some(f) => format!("{digits}.{f}"),
        None => digits.clone(),
    };
    Some((digits, plain))
}

impl Amount {
    pub const ZERO: Amount = Amount(Decimal::ZERO);
    /// The largest amount a plan holds: the largest TOML integer, 9 223 372 036 854 775 807 kr
    /// (`i64::MAX`), written as a number or as text. Below it every sum of a plan's amounts
    /// stays exact, and every split by a real key (`core::split`).
    pub const MAX: Amount = Amount(Decimal::from_parts(u32::MAX, 0x7fff_ffff, 0, false, 0));

    pub fn kr(kronor: i64) -> Amount {
        Amount(Decimal::from(kronor))
    }

    /// The amount in whole öre, rounded down (an amount finer than öre keeps only its whole
    /// öre); `None` beyond what `i128` holds (never for a plan's amounts).
    pub fn whole_ore(self) -> Option<i128> {
        let scaled = self.0.checked_mul(Decimal::ONE_HUNDRED)?.floor();
        i128::try_from(scaled).ok()
    }

    /// Whole öre as an amount: whole kronor without decimals, else with öre.
    pub fn from_ore(ore: i128) -> Amount {
        if ore % 100 == 0
            && let Ok(kronor) = i64::try_from(ore / 100)
        {
            return Amount::kr(kronor);
        }
        Decimal::try_from_i128_with_scale(ore, 2).map_or(Amount::MAX, Amount)
    }

    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    pub fn abs(self) -> Amount {
        Amount(self.0.abs())
    }

    /// An amount written as text: digits grouped by spaces, no-break spaces or underscores,
    /// a decimal comma or point, an optional sign ([`MINUS_SIGNS`]) and an optional trailing `kr`
    /// (`"518 183,8"`, `"1409309.5"`, `"-7 877 kr"`). The amount keeps the decimals as
    /// written (`"0,10"` has two). One to three digits, a point or comma and three digits
    /// (`"250.000"`, `"1,234"`) is refused as ambiguous: a thousands separator to many
    /// readers (250 000 kr), a decimal sign to the parser (250 kr).
    pub fn from_text(text: &str) -> Result<Amount, BadText> {
        let amount = Amount::from_plain_text(text)?;
        let digits = text
            .trim()
            .trim_start_matches(MINUS_SIGNS)
            .trim_start_matches('+');
        let digits = digits.strip_suffix("kr").unwrap_or(digits).trim();
        if let Some((whole, fraction)) = digits.split_once([',', '.'])
            && (1..=3).contains(&whole.len())
            && !whole.starts_with('0')
            && fraction.len() == 3
            && whole
                .chars()
                .chain(fraction.chars())
                .all(|c| c.is_ascii_digit())
        {
            return Err(BadText::Ambiguous);
        }
        Ok(amount)
    }

    fn from_plain_text(text: &str) -> Result<Amount, BadText> {
        let text = text.trim();
        let text = text.strip_suffix("kr").unwrap_or(text).trim_end();
        let (negative, rest) = match text.strip_prefix(MINUS_SIGNS) {
            Some(rest) => (true, rest.trim_start()),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let Some((whole, plain)) = ungrouped(rest) else {
            return Err(BadText::NotANumber);
        };
        // A whole part beyond `Decimal` (29 digits, at most 79 228 162 514 264 337 593 543 950
        // 335) is too large; more decimals than it keeps are no amount.
        let too_large = whole.len() > 29 || whole.parse::<Decimal>().is_err();
        // Beyond 28 digits `Decimal` would round: never silently.
        let value = (plain.len() <= 29)
            .then(|| plain.parse::<Decimal>().ok())
            .flatten();
        let Some(value) = value else {
            return Err(if too_large {
                BadText::TooLarge
            } else {
                BadText::NotANumber
            });
        };
        // The largest amount a plan writes as a TOML integer is the largest it takes as text:
        // a sum of a plan's amounts then stays far inside `Decimal` (a county total written
        // as text at its very limit once matched the saturated sum of larger amounts).
        if value > Amount::MAX.0 {
            return Err(BadText::TooLarge);
        }
        Ok(Amount(if negative { -value } else { value }))
    }

    /// The number of decimals the amount is written with (`0,1` has one, `100` none).
    pub fn decimals(self) -> u32 {
        self.0.scale()
    }

    /// The amount with at least `decimals` decimals, its value unchanged (`5` → `5,0`); an
    /// amount with more decimals, or too large to carry them, is left as it is.
    pub fn with_decimals(self, decimals: u32) -> Amount {
        let mut d = self.0;
        if d.scale() < decimals {
            d.rescale(decimals);
            if d != self.0 {
                return self;
            }
        }
        Amount(d)
    }

    /// What is left of the amount after the whole multiples of `unit` (798 kr of 100 kr:
    /// 98 kr); `None` for a unit of 0, or figures beyond exact arithmetic.
    pub fn remainder(self, unit: Amount) -> Option<Amount> {
        self.0.checked_rem(unit.0).map(Amount)
    }

    /// Whether the amount is a whole multiple of `unit` (for example 100 kr).
    pub fn is_multiple_of(self, unit: Amount) -> bool {
        unit.0.is_zero() || self.0.checked_rem(unit.0).is_some_and(|r| r.is_zero())
    }
}

// Amount arithmetic never panics (`Decimal`'s own `+` does on overflow). A plan's amounts are
// at most 9 223 372 036 854 775 807 kr, as TOML integers or as text (`from_text`); a plan
// file is at most 128 MiB, so no sum of its amounts comes near `Decimal`'s 28 digits (a
// raised limit only makes saturation reachable). Should one ever get there it saturates at
// ±79 228 162 514 264 337 593 543 950 335 kr: a figure no stated amount can equal, so a check
// still reports it.

impl Add for Amount {
    type Output = Amount;
    /// Small enough to be inlined where millions of lines are summed; anything but the
    /// common case is `Decimal`'s own sum, out of line.
    #[inline]
    fn add(self, rhs: Amount) -> Amount {
        let (a, b) = (self.0, rhs.0);
        // The sum of two amounts of the same plan: the same decimals, neither negative. Their
        // mantissas are added as integers (a national plan's views sum millions of lines);
        // any other sum, and one that would pass 96 bits, goes through `Decimal`.
        if a.scale() == b.scale() && !a.is_sign_negative() && !b.is_sign_negative() {
            let sum = a.mantissa().unsigned_abs() + b.mantissa().unsigned_abs();
            if sum >> 96 == 0 {
                let word = |shift: u32| u32::try_from((sum >> shift) & 0xffff_ffff).unwrap_or(0);
                return Amount(Decimal::from_parts(
                    word(0),
                    word(32),
                    word(64),
                    false,
                    a.scale(),
                ));
            }
        }
        decimal_sum(a, b)
    }
}

/// Any sum but the common one, by `Decimal` (kept out of line, so that `+` stays small).
#[inline(never)]
fn decimal_sum(a: Decimal, b: Decimal) -> Amount {
    Amount(a.saturating_add(b))
}

impl AddAssign for Amount {
    #[inline]
    fn add_assign(&mut self, rhs: Amount) {
        *self = *self + rhs;
    }
}

impl Sub for Amount {
    type Output = Amount;
    fn sub(self, rhs: Amount) -> Amount {
        Amount(self.0.saturating_sub(rhs.0))
    }
}

impl SubAssign for Amount {
    fn sub_assign(&mut self, rhs: Amount) {
        *self = *self - rhs;
    }
}

impl Neg for Amount {
    type Output = Amount;
    fn neg(self) -> Amount {
        Amount(-self.0)
    }
}

impl Sum for Amount {
    #[inline]
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Amount> for Amount {
    #[inline]
    fn sum<I: Iterator<Item = &'a Amount>>(iter: I) -> Amount {
        iter.copied().sum()
    }
}

/// Whole kronor (every amount a plan holds) are written as JSON integers; anything finer, or
/// beyond an i64, as an exact decimal string.
impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Whole kronor, as nearly every amount is, without `Decimal`'s arithmetic.
        if self.0.scale() == 0
            && let Ok(whole) = i64::try_from(self.0.mantissa())
        {
            return serializer.serialize_i64(whole);
        }
        match i64::try_from(self.0) {
            Ok(whole) if self.0.fract().is_zero() => serializer.serialize_i64(whole),
            _ => serializer.serialize_str(&self.0.normalize().to_string()),
        }
    }
}

/// Why a text is not read as an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadText {
    NotANumber,
    /// `"250.000"`: 250 000 kr or 250 kr?
    Ambiguous,
    /// A number written right, but larger than a plan's amounts may be (9 223 372 036 854 775
    /// 807, as a TOML integer), or with more digits than `Decimal` holds.
    TooLarge,
}

/// Error tokens that the plan loader turns into localized messages (see `plan::ParseError`):
/// text that is not a number or that reads two ways, and a TOML float (never money; decimals
/// are written as text).
pub const AMOUNT_AS_TEXT: &str = "amount-as-text";
pub const AMOUNT_AMBIGUOUS: &str = "amount-ambiguous";
pub const AMOUNT_AS_FLOAT: &str = "amount-as-float";
/// Followed by the text as written.
pub const AMOUNT_TOO_LARGE: &str = "amount-too-large: ";

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AmountVisitor;
        impl Visitor<'_> for AmountVisitor {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "an amount, written as a number like 12_689_898 or as text like \"518 183,8\"",
                )
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
                Ok(Amount(Decimal::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
                // Beyond the largest TOML integer, which `toml` reads all the same.
                match i64::try_from(v) {
                    Ok(v) => Ok(Amount(Decimal::from(v))),
                    Err(_) => Err(E::custom(format!("{AMOUNT_TOO_LARGE}{v}"))),
                }
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<Amount, E> {
                match i64::try_from(v) {
                    Ok(v) => Ok(Amount(Decimal::from(v))),
                    Err(_) => Err(E::custom(format!("{AMOUNT_TOO_LARGE}{v}"))),
                }
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<Amount, E> {
                match i64::try_from(v) {
                    Ok(v) => Ok(Amount(Decimal::from(v))),
                    Err(_) => Err(E::custom(format!("{AMOUNT_TOO_LARGE}{v}"))),
                }
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Amount, E> {
                Err(E::custom(AMOUNT_AS_FLOAT))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
                Amount::from_text(v).map_err(|bad| match bad {
                    BadText::NotANumber => E::custom(AMOUNT_AS_TEXT),
                    BadText::TooLarge => E::custom(format!("{AMOUNT_TOO_LARGE}{v}")),
                    BadText::Ambiguous => E::custom(AMOUNT_AMBIGUOUS),
                })
            }
        }
        deserializer.deserialize_any(AmountVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_ore_and_amounts_convert_exactly() {
        assert_eq!(Amount::kr(50_000).whole_ore(), Some(5_000_000));
        assert_eq!(Amount::from_ore(5_000_000), Amount::kr(50_000));
        assert_eq!(Amount::from_ore(5_000_050).0.to_string(), "50000.50");
        let finer = Amount(rust_decimal::Decimal::new(1_005, 3));
        assert_eq!(finer.whole_ore(), Some(100));
    }

    use proptest::prelude::*;

    /// The parts of a decimal of any sign and size `Decimal` holds, and a scale.
    fn parts() -> impl Strategy<Value = ((u32, u32, u32, bool), u32)> {
        (
            (any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>()),
            0u32..=28,
        )
    }

    fn decimal((lo, mid, hi, negative): (u32, u32, u32, bool), scale: u32) -> Decimal {
        Decimal::from_parts(lo, mid, hi, negative, scale)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// The integer sum of two amounts with the same decimals is `Decimal`'s own, in value,
        /// decimals and text; every other sum is `Decimal`'s.
        #[test]
        fn sums_are_decimals_sums((a, scale_a) in parts(), (b, scale_b) in parts(), same in any::<bool>(), small in any::<bool>()) {
            // Small mantissas, as a plan's amounts are, and any others.
            let shrink = |(lo, mid, hi, negative): (u32, u32, u32, bool)| {
                if small { (lo, mid % 4, 0, negative) } else { (lo, mid, hi, negative) }
            };
            let a = decimal(shrink(a), scale_a);
            let b = decimal(shrink(b), if same { scale_a } else { scale_b });
            let ours = (Amount(a) + Amount(b)).0;
            let theirs = a.saturating_add(b);
            prop_assert_eq!(ours, theirs);
            prop_assert_eq!(ours.scale(), theirs.scale());
            prop_assert_eq!(ours.to_string(), theirs.to_string());
        }
    }

    #[test]
    fn the_largest_amount_is_the_largest_toml_integer() {
        assert_eq!(Amount::MAX, Amount::kr(i64::MAX));
    }

    #[test]
    fn multiple_of_unit() {
        assert!(Amount::kr(21_200).is_multiple_of(Amount::kr(100)));
        assert!(!Amount::kr(21_250).is_multiple_of(Amount::kr(100)));
    }

    #[test]
    fn amounts_written_as_text() {
        let d = |s: &str| Amount(s.parse::<Decimal>().unwrap());
        assert_eq!(Amount::from_text("518 183,8"), Ok(d("518183.8")));
        assert_eq!(Amount::from_text("1409309.5"), Ok(d("1409309.5")));
        assert_eq!(
            Amount::from_text("1\u{a0}409\u{a0}309,50 kr"),
            Ok(d("1409309.50"))
        );
        assert_eq!(Amount::from_text("3 000 000"), Ok(Amount::kr(3_000_000)));
        assert_eq!(Amount::from_text("-7 877"), Ok(Amount::kr(-7_877)));
        // A word processor's minus signs, and a space after one.
        assert_eq!(Amount::from_text("\u{2212}7 877"), Ok(Amount::kr(-7_877)));
        assert_eq!(Amount::from_text("\u{2013} 7 877"), Ok(Amount::kr(-7_877)));
        assert_eq!(
            Amount::from_text("\u{2013} 250.000"),
            Err(BadText::Ambiguous)
        );
        assert_eq!(Amount::from_text("0,1").map(Amount::decimals), Ok(1));
        assert_eq!(Amount::from_text("0,10").map(Amount::decimals), Ok(2));
        for bad in [
            "",
            "kr",
            "tre miljoner",
            "1,350,000",
            "1.350.000",
            "3  000",
            "a 000",
            "12,",
            ",5",
            "1e6",
            "5,3 %",
            "NaN",
            "1,2,3",
            "--5",
        ] {
            assert_eq!(Amount::from_text(bad), Err(BadText::NotANumber), "{bad}");
        }
        assert_eq!(
            Amount::from_text("0,12345678901234567890123456789"),
            Err(BadText::NotANumber)
        );
        // Written right, but beyond what a plan's amounts may be (an i64), or what `Decimal`
        // holds; the largest is taken.
        assert_eq!(
            Amount::from_text("9 223 372 036 854 775 807"),
            Ok(Amount::kr(i64::MAX))
        );
        for large in [
            "99999999999999999999999999999999",
            "99999999999999999999999999999",
            "79228162514264337593543950335",
            "9 223 372 036 854 775 808",
            "9 223 372 036 854 775 807,5",
            "-9223372036854775808",
            "99 999 999 999 999 999 999 999 999 999,5",
        ] {
            assert_eq!(Amount::from_text(large), Err(BadText::TooLarge), "{large}");
        }
        // A point or comma before three digits reads two ways; more or fewer digits do not.
        for ambiguous in ["1.000", "250.000", "1,234", "-12.345", "999,000 kr"] {
            assert_eq!(
                Amount::from_text(ambiguous),
                Err(BadText::Ambiguous),
                "{ambiguous}"
            );
        }
        assert_eq!(Amount::from_text("0,125"), Ok(d("0.125")));
        assert_eq!(Amount::from_text("1000.500"), Ok(d("1000.500")));
        assert_eq!(Amount::from_text("1 000,500"), Ok(d("1000.500")));
    }

    #[test]
    fn decimals_are_added_without_changing_the_value() {
        let a = Amount::kr(5_757_598).with_decimals(1);
        assert_eq!((a, a.decimals()), (Amount::kr(5_757_598), 1));
        let fine = Amount(Decimal::new(51_818_382, 2));
        assert_eq!(fine.with_decimals(1).decimals(), 2);
    }

    #[test]
    fn arithmetic_saturates_instead_of_panicking() {
        let max = Amount(Decimal::MAX);
        assert_eq!(max + Amount::kr(1), max);
    }
}
