//! Money: an exact amount in kronor. How it is written for people is `output::number`.
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
}

// Amount arithmetic never panics (`Decimal`'s own `+` does on overflow). A plan's amounts are
// TOML integers, at most 19 digits, and a plan file is at most 128 MiB, so no sum of them
// comes near `Decimal`'s 28 digits (a raised limit only makes saturation reachable). Should one ever get there it saturates at ±79 228 162 514 264 337
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
    fn multiple_of_unit() {
        assert!(Amount::kr(21_200).is_multiple_of(Amount::kr(100)));
        assert!(!Amount::kr(21_250).is_multiple_of(Amount::kr(100)));
    }

    #[test]
    fn arithmetic_saturates_instead_of_panicking() {
        let max = Amount(Decimal::MAX);
        assert_eq!(max + Amount::kr(1), max);
    }
}
