//! Checking a plan: resolve it into its ledger (which reports everything that cannot be
//! resolved), then run every ledger rule of the registry. Never stops at the first problem.

pub mod cost_sharing;
pub mod key_totals;
pub mod registry;
mod rules;
pub mod tables;

use crate::core::check::registry::{About, Stage};
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

/// The order of findings: those about one figure or name as written, then those about one row
/// of a table against its total (`About::Row`), before those about what
/// several make together (the registry's [`About`], not when a finding is found: a misspelt
/// kommun in a key's values is found while the key is resolved, and so are the key's missing
/// kommun and its percentages short of 100, which it causes). A figure in error is a cause,
/// and the sums that hold it are off because of it (an amount in öre in a plan of whole kronor
/// leaves its area, heading and county totals off by the öre; a wrong cell of a printed table
/// its column total): the cause is read first. The sort is stable, so each group stays in file
/// order.
fn by_cause(finding: &Finding) -> About {
    finding.code().rule().about
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
