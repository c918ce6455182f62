//! Money: an exact amount in kronor, and the one Swedish formatter.
//!
//! Amounts are `rust_decimal::Decimal` so that sums are exact; the plan file writes them as
//! TOML integers (`12_689_898`). Floats never carry an amount or a share.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};

use rust_decimal::Decimal;
use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::{Serialize, Serializer};

/// An exact amount of money in kronor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(pub Decimal);

impl Amount {
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    pub fn kr(kronor: i64) -> Amount {
        Amount(Decimal::from(kronor))
    }

    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    pub fn abs(self) -> Amount {
        Amount(self.0.abs())
    }

    /// Whether the amount is a whole multiple of `unit` (for example 100 kr).
    pub fn is_multiple_of(self, unit: Amount) -> bool {
        unit.0.is_zero() || self.0.checked_rem(unit.0).is_some_and(|r| r.is_zero())
    }

    /// The amount in Swedish format: `12 689 898 kr`, `-600 kr`, `1 234,50 kr`.
    pub fn sv(self) -> String {
        format!("{} kr", group_thousands(self.0, ' ', ','))
    }

    /// The amount in English format: `12,689,898 kr`.
    pub fn en(self) -> String {
        format!("{} kr", group_thousands(self.0, ',', '.'))
    }
}

/// Formats a decimal with a thousands separator and the given decimal mark, dropping a
/// fractional part of zero. Swedish typography uses a (non-breaking) space; we print a plain
/// space so the output is easy to grep and paste.
pub fn group_thousands(value: Decimal, thousands: char, decimal_mark: char) -> String {
    let normalized = value.normalize();
    let text = normalized.abs().to_string();
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut grouped = String::new();
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push(thousands);
        }
        grouped.push(ch);
    }
    let mut out = String::new();
    if normalized.is_sign_negative() && !normalized.is_zero() {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(frac) = frac_part {
        // Öre are always shown with two digits.
        out.push(decimal_mark);
        out.push_str(&format!("{frac:0<2}"));
    }
    out
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.sv())
    }
}

// Amount arithmetic never panics (`Decimal`'s own `+` does on overflow). A plan's amounts are
// TOML integers, at most 19 digits, and a plan file is at most 5 MB, so no sum of them comes
// near `Decimal`'s 28 digits. Should one ever get there it saturates at ±79 228 162 514 264 337
// 593 543 950 335 kr: a figure no stated amount can equal, so a check still reports it.

impl Add for Amount {
    type Output = Amount;
    fn add(self, rhs: Amount) -> Amount {
        Amount(self.0.saturating_add(rhs.0))
    }
}

impl AddAssign for Amount {
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

impl Neg for Amount {
    type Output = Amount;
    fn neg(self) -> Amount {
        Amount(-self.0)
    }
}

impl Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Amount> for Amount {
    fn sum<I: Iterator<Item = &'a Amount>>(iter: I) -> Amount {
        iter.copied().sum()
    }
}

/// Whole kronor (every amount a plan holds) are written as JSON integers; anything finer, or
/// beyond an i64, as an exact decimal string.
impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match i64::try_from(self.0) {
            Ok(whole) if self.0.fract().is_zero() => serializer.serialize_i64(whole),
            _ => serializer.serialize_str(&self.0.normalize().to_string()),
        }
    }
}

/// Error tokens that the plan loader turns into localized messages (see `plan::ParseError`).
pub const AMOUNT_AS_TEXT: &str = "amount-as-text";
pub const AMOUNT_AS_FLOAT: &str = "amount-as-float";

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AmountVisitor;
        impl Visitor<'_> for AmountVisitor {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an amount in whole kronor, written as a number like 12_689_898")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
                Ok(Amount(Decimal::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
                Ok(Amount(Decimal::from(v)))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Amount, E> {
                Err(E::custom(AMOUNT_AS_FLOAT))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Amount, E> {
                Err(E::custom(AMOUNT_AS_TEXT))
            }
        }
        deserializer.deserialize_any(AmountVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_format_groups_thousands_with_spaces() {
        assert_eq!(Amount::kr(12_689_898).sv(), "12 689 898 kr");
        assert_eq!(Amount::kr(481_600).sv(), "481 600 kr");
        assert_eq!(Amount::kr(-7_877).sv(), "-7 877 kr");
        assert_eq!(Amount::kr(600).sv(), "600 kr");
        assert_eq!(Amount::kr(0).sv(), "0 kr");
        assert_eq!(Amount::kr(1_320_000_000).en(), "1,320,000,000 kr");
    }

    #[test]
    fn ore_are_shown_with_a_decimal_comma() {
        let a = Amount(Decimal::new(123_450, 2));
        assert_eq!(a.sv(), "1 234,50 kr");
        assert_eq!(a.en(), "1,234.50 kr");
    }

    #[test]
    fn multiple_of_unit() {
        assert!(Amount::kr(21_200).is_multiple_of(Amount::kr(100)));
        assert!(!Amount::kr(21_250).is_multiple_of(Amount::kr(100)));
    }
}
