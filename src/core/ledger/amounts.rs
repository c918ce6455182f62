//! Amounts and rounding units, checked before anything is split: no number of the plan written
//! in another base than 10 (`0x10`, found when the text was read), no amount below zero, every
//! amount of this year a whole number of the plan's unit (last year's totals and the stated
//! change need not be), every unit positive and every split's unit a
//! whole number of the plan's. An insats whose own figures fail is not split.

use crate::core::finding::{Findings, Problem, Reported};
use crate::core::money::Amount;
use crate::core::plan::{Plan, Spanned};

/// The plan's unit and, per insats, the report that keeps it from being split.
pub struct Checked {
    /// The plan's rounding unit, or the report that it cannot be used.
    pub unit: Result<Amount, Reported>,
    pub blocked: Vec<Option<Reported>>,
}

pub fn check(plan: &Plan, findings: &mut Findings) -> Checked {
    for number in &plan.not_decimal {
        findings.error(
            number.span.clone(),
            Problem::NotDecimal {
                written: number.written.clone(),
                radix: number.radix,
                value: number.value,
                year: number.year,
            },
        );
    }
    let mut blocked: Vec<Option<Reported>> = vec![None; plan.insatser.len()];
    let unit = match &plan.plan.unit {
        // Money is paid in öre at the finest; a finer unit makes amounts no form can hold.
        Some(u) if *u.get_ref() <= Amount::ZERO || u.get_ref().0.normalize().scale() > 2 => {
            Err(findings.error(
                u.span(),
                Problem::UnitInvalid {
                    unit: *u.get_ref(),
                    plan_unit: None,
                },
            ))
        }
        _ => Ok(plan.plan.unit()),
    };
    // Last year's figures are not amounts of this plan: they need not be in its unit.
    let last_year = plan.plan.previous_county_total.iter().chain(
        plan.agreement
            .iter()
            .flat_map(|a| &a.previous_national_total),
    );
    for amount in last_year {
        if amount.get_ref().is_negative() {
            findings.error(
                amount.span(),
                Problem::NegativeAmount {
                    amount: *amount.get_ref(),
                },
            );
        }
    }
    let mut amounts: Vec<(&Spanned<Amount>, Option<usize>)> = vec![(&plan.plan.county_total, None)];
    if let Some(agreement) = &plan.agreement {
        amounts.push((&agreement.national_total, None));
        amounts.extend(agreement.split.iter().map(|p| (&p.amount, None)));
    }
    for area in &plan.areas {
        amounts.push((&area.amount, None));
        amounts.extend(area.earmarks.iter().map(|e| (&e.amount, None)));
    }
    for (i, insats) in plan.insatser.iter().enumerate() {
        amounts.push((&insats.amount, Some(i)));
        let Some(split) = &insats.split else { continue };
        let s = split.get_ref();
        amounts.extend(s.each.iter().map(|a| (a, Some(i))));
        amounts.extend(s.except.values().map(|a| (a, Some(i))));
        amounts.extend(
            s.amounts
                .iter()
                .flat_map(|a| a.get_ref().values())
                .map(|a| (a, Some(i))),
        );
        // Printed figures are only compared, never paid: a wrong one does not stop the split.
        amounts.extend(s.printed.values().map(|a| (a, None)));
        if let Some(split_unit) = &s.unit {
            let u = *split_unit.get_ref();
            let plan_unit = unit.as_ref().ok().copied();
            let problem = if u <= Amount::ZERO {
                Some(None)
            } else {
                plan_unit.filter(|p| !u.is_multiple_of(*p)).map(Some)
            };
            if let Some(plan_unit) = problem {
                let reported = findings.error(
                    split_unit.span(),
                    Problem::UnitInvalid { unit: u, plan_unit },
                );
                if let Some(b) = blocked.get_mut(i) {
                    b.get_or_insert(reported);
                }
            }
        }
    }
    amounts.extend(
        plan.headings
            .iter()
            .filter_map(|h| h.stated.as_ref())
            .map(|a| (a, None)),
    );
    amounts.extend(plan.stated.iter().map(|s| (&s.amount, None)));
    for (amount, insats) in amounts {
        let value = *amount.get_ref();
        let problem = if value.is_negative() {
            Problem::NegativeAmount { amount: value }
        } else if let Ok(u) = unit
            && !value.is_multiple_of(u)
        {
            Problem::FinerThanUnit {
                amount: value,
                unit: u,
            }
        } else {
            continue;
        };
        let reported = findings.error(amount.span(), problem);
        if let Some(b) = insats.and_then(|i| blocked.get_mut(i)) {
            b.get_or_insert(reported);
        }
    }
    Checked { unit, blocked }
}
