//! A key's printed total (`printed_total`: the "Summa" under the document's key table,
//! `132 708` or `100,0`) against the sum of its values. Like every other printed figure it is
//! compared once the values are known: `check` reports one that differs (`key-total`), counts
//! it among the stated figures, and the decision basis lists it under *Kontrollerade summor*.

use rust_decimal::Decimal;

use crate::core::finding::{Findings, Problem};
use crate::core::ledger::Ledger;
use crate::core::plan::{KeyKind, Spanned, Weight};

/// A key's printed total that can be compared: its values are known (a key with a problem
/// of its own is already reported, and its total is not compared).
pub struct KeyTotal<'p> {
    /// Index into `plan.keys`.
    pub key: usize,
    pub printed: &'p Spanned<Weight>,
    /// The sum of the key's values; `None` when it overflows (weights that do are refused
    /// when read).
    pub computed: Option<Decimal>,
}

impl KeyTotal<'_> {
    /// Whether the printed total is the sum of the values.
    pub fn holds(&self) -> bool {
        self.computed == Some(self.printed.get_ref().0)
    }
}

/// Every key's printed total that can be compared, in the order of `plan.keys`.
pub fn compared<'p>(ledger: &Ledger<'p>) -> Vec<KeyTotal<'p>> {
    let plan = ledger.plan;
    plan.keys
        .iter()
        .zip(&ledger.keys)
        .enumerate()
        .filter_map(|(key, (k, resolved))| {
            let printed = k.printed_total.as_ref()?;
            let weights = resolved.weights.as_ref().ok().filter(|w| !w.is_empty())?;
            let computed = weights
                .iter()
                .try_fold(Decimal::ZERO, |sum, w| sum.checked_add(*w));
            Some(KeyTotal {
                key,
                printed,
                computed,
            })
        })
        .collect()
}

/// (Error) a key's printed total differs from the sum of its values.
pub fn check(ledger: &Ledger, findings: &mut Findings) {
    for total in compared(ledger) {
        if total.holds() {
            continue;
        }
        let key = ledger.plan.keys.get(total.key);
        let percent = key.is_some_and(|k| *k.kind.get_ref() == KeyKind::Percent);
        let key = key.map_or_else(String::new, |k| k.id.get_ref().clone());
        findings.error(
            total.printed.span(),
            Problem::KeyTotal {
                key,
                stated: total.printed.get_ref().0,
                // MAX stands for "more" (see `computed`).
                computed: total.computed.unwrap_or(Decimal::MAX),
                percent,
            },
        );
    }
}
