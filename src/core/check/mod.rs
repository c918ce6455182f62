//! Checking a plan: resolve it into its ledger (which reports everything that cannot be
//! resolved), then run every ledger rule of the registry. Never stops at the first problem.

pub mod cost_sharing;
pub mod key_totals;
pub mod registry;
mod rules;
pub mod tables;

use crate::core::check::registry::Stage;
use crate::core::finding::{Code, Finding, Findings};
use crate::core::ledger::Ledger;
use crate::core::ledger::keys::KeyFiles;
use crate::core::plan::Plan;

/// A plan resolved and checked: its ledger and every finding, those found while resolving it
/// first ([`by_cause`]), each group in file order.
pub struct Checked<'p> {
    pub ledger: Ledger<'p>,
    pub findings: Vec<Finding>,
}

impl Checked<'_> {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }
}

/// The order of findings: those found while the plan is resolved (a name, an amount, a key, a
/// split as written) before those of the rules over the resolved ledger (the sums). A figure
/// in error is a cause, and the sums that hold it are off because of it (an amount in öre in a
/// plan of whole kronor leaves its area, heading and county totals off by the öre): the cause
/// is read first. The sort is stable, so each group stays in file order.
fn by_cause(finding: &Finding) -> u8 {
    match finding.code().rule().stage {
        Stage::Read | Stage::Resolve => 0,
        Stage::Ledger(_) | Stage::With(_) => 1,
    }
}

/// Resolves and checks `plan`, with the key files `input` read for it.
pub fn check<'p>(plan: &'p Plan, key_files: &KeyFiles) -> Checked<'p> {
    let mut findings = Findings::default();
    let ledger = Ledger::build(plan, key_files, &mut findings);
    for code in Code::ALL {
        if let Stage::Ledger(rule) = code.rule().stage {
            rule(&ledger, &mut findings);
        }
    }
    let mut findings = findings.into_sorted();
    findings.sort_by_key(by_cause);
    debug_assert!(
        findings
            .iter()
            .all(|f| f.severity == f.code().rule().severity),
        "a finding's severity differs from its code's in the registry"
    );
    Checked { ledger, findings }
}
