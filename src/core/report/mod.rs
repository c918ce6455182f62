//! Report views: each a group-by over the ledger's lines, as plain data that the renderers
//! (terminal tables, CSV, XLSX, JSON, documents) only lay out, so their totals cannot disagree.
//!
//! A view is built from a `Projection`: the ledger and a selection (the command line's
//! filters). Every view sums the selected lines, in one pass with indexed tallies. A printed
//! figure (an area's amount in the agreement, a heading's total, the county total) is compared
//! only where the selection covers every line under it (`complete`); elsewhere it is a
//! selection, *urval*, never a false difference.

mod earmarks;
mod flow;
mod payments;
mod per_actor;
mod per_area;
mod per_heading;
mod per_kommun;
pub mod printed;

use serde::{Deserialize, Serialize};

pub use earmarks::{EarmarkReport, earmarks};
pub use flow::{Flow, FlowLink, FlowNode, flow};
pub use payments::{
    DeadlineKind, InsatsText, PaymentLine, Payments, RecipientKind, RecipientPayments, Statement,
    StatementLine, Text, decision_date_missing, payments, payments_parts, recipient_payments,
    statements,
};
pub use per_actor::{ActorRow, PerActor, held_own, per_actor};
pub use per_area::{AreaReport, AreaRow, PerArea, per_area};
pub use per_heading::{HeadingReport, Item, PerHeading, per_heading};
pub use per_kommun::{Column, KommunRow, PerKommun, per_kommun};

use crate::core::ledger::selection::Selection;
use crate::core::ledger::{Ledger, Line};
use crate::core::money::Amount;
use crate::core::plan::Plan;

/// How a sum a view shows compares with the figure printed for it (an area's amount in the
/// agreement, a heading's total, the county total).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The sum is the printed figure: ✓.
    Holds,
    /// The sum differs from it: ≠.
    Differs,
    /// The selection covers only part of what the figure covers: the sum is a selection of
    /// it (*urval*), never compared.
    Selection,
}

impl Verdict {
    /// `sum` against `printed`, where `complete` says whether the selection covers all of it.
    pub fn of(complete: bool, sum: Amount, printed: Amount) -> Verdict {
        if !complete {
            Verdict::Selection
        } else if sum == printed {
            Verdict::Holds
        } else {
            Verdict::Differs
        }
    }
}

/// What a view written before `complete` existed is read as: the whole plan.
fn whole() -> bool {
    true
}

/// A view of the plan: what `report` shows and `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    /// One row per recipient and insats: who gets paid what, and how.
    Payments,
    /// One row per kommun, one column per insats split over the kommuner.
    PerKommun,
    /// Per responsible actor and area, the region's units under the region.
    PerActor,
    /// The document's summary headings per handling actor, with their stated totals.
    PerHeading,
    /// Each area's insatser against the agreement's amount.
    PerArea,
    /// One collective invoice per invoicing recipient; internal transfers; held money.
    Invoices,
}

impl View {
    pub const ALL: [View; 6] = [
        View::Payments,
        View::PerKommun,
        View::PerActor,
        View::PerHeading,
        View::PerArea,
        View::Invoices,
    ];

    /// The name on the command line (`per-kommun`).
    pub fn name(self) -> &'static str {
        match self {
            View::Payments => "payments",
            View::PerKommun => "per-kommun",
            View::PerActor => "per-actor",
            View::PerHeading => "per-heading",
            View::PerArea => "per-area",
            View::Invoices => "invoices",
        }
    }

    /// The Swedish name, accepted on the command line too (`kommuner`).
    pub fn alias(self) -> &'static str {
        match self {
            View::Payments => "betalningar",
            View::PerKommun => "kommuner",
            View::PerActor => "aktorer",
            View::PerHeading => "rubriker",
            View::PerArea => "omraden",
            View::Invoices => "fakturor",
        }
    }

    /// Whether the plan has what the view shows: a plan without summary headings has no
    /// per-heading view (its total would be 0 kr of the county's money).
    pub fn in_plan(self, plan: &Plan) -> bool {
        self != View::PerHeading || !plan.headings.is_empty()
    }
}

/// A ledger seen through a selection, with what every view needs counted once: per insats,
/// the selected amount and whether all of its lines are selected.
pub struct Projection<'l, 'p> {
    pub ledger: &'l Ledger<'p>,
    pub selection: &'l Selection,
    /// Per insats: the selected lines' sum.
    selected_sum: Vec<Amount>,
    /// Per insats: whether any line is selected.
    any_selected: Vec<bool>,
    /// Per insats: whether every line is selected.
    all_selected: Vec<bool>,
}

impl<'l, 'p> Projection<'l, 'p> {
    pub fn new(ledger: &'l Ledger<'p>, selection: &'l Selection) -> Projection<'l, 'p> {
        if selection.is_all() {
            // Every line is selected: each insats's sum is its lines' total.
            return Projection {
                ledger,
                selection,
                selected_sum: ledger.insatser.iter().map(|e| e.total).collect(),
                any_selected: ledger
                    .insatser
                    .iter()
                    .map(|e| e.lines.as_ref().is_ok_and(|r| !r.is_empty()))
                    .collect(),
                all_selected: ledger.insatser.iter().map(|e| e.lines.is_ok()).collect(),
            };
        }
        Projection::line_by_line(ledger, selection)
    }

    /// [`Projection::new`] by going through every line.
    fn line_by_line(ledger: &'l Ledger<'p>, selection: &'l Selection) -> Projection<'l, 'p> {
        let n = ledger.insatser.len();
        let mut selected_sum = vec![Amount::ZERO; n];
        let mut any_selected = vec![false; n];
        let mut all_selected = vec![true; n];
        for (i, entry) in ledger.insatser.iter().enumerate() {
            if entry.lines.is_err()
                && let Some(all) = all_selected.get_mut(i)
            {
                *all = false;
            }
        }
        for line in &ledger.lines {
            let i = line.insats as usize;
            if selection.covers(ledger, line) {
                if let Some(sum) = selected_sum.get_mut(i) {
                    *sum += line.amount;
                }
                if let Some(any) = any_selected.get_mut(i) {
                    *any = true;
                }
            } else if let Some(all) = all_selected.get_mut(i) {
                *all = false;
            }
        }
        Projection {
            ledger,
            selection,
            selected_sum,
            any_selected,
            all_selected,
        }
    }

    /// Whether a selection narrows the views.
    pub fn filtered(&self) -> bool {
        !self.selection.is_all()
    }

    /// The selected lines, in ledger order.
    pub fn lines(&self) -> impl Iterator<Item = &'l Line> + '_ {
        let ledger = self.ledger;
        let all = self.selection.is_all();
        ledger
            .lines
            .iter()
            .filter(move |l| all || self.selection.covers(ledger, l))
    }

    /// The amount of insats `i` in a view by insats (its area, its heading, its earmark): its
    /// selected lines' sum, or, for one whose lines could not be made, its amount as the plan
    /// writes it ([`Projection::unsplit`]), as `check` counts it.
    pub fn insats_amount(&self, i: usize) -> Amount {
        match self.unsplit(i) {
            Some(written) => written,
            None => self.selected_sum.get(i).copied().unwrap_or_default(),
        }
    }

    /// Insats `i`'s amount as the plan writes it, when the view is of the whole plan and the
    /// insats has no lines because they could not be made (an error says why: an unknown
    /// actor or key, a split that does not add up). A view by insats shows it with this
    /// amount, marked as not distributed; a view by recipient (the kommuner, the actors, the
    /// picture, the payments) cannot place it, and its total is without it. A filtered view
    /// selects lines, and this insats has none.
    pub fn unsplit(&self, i: usize) -> Option<Amount> {
        if self.filtered() {
            return None;
        }
        let entry = self.ledger.insatser.get(i)?;
        let insats = self.ledger.plan.insatser.get(i)?;
        entry.lines.is_err().then(|| *insats.amount.get_ref())
    }

    /// Whether any line of insats `i` is selected.
    pub fn has_insats(&self, i: usize) -> bool {
        self.any_selected.get(i).copied().unwrap_or(false)
    }

    /// Whether every line of insats `i` is selected.
    pub fn covers_insats(&self, i: usize) -> bool {
        self.all_selected.get(i).copied().unwrap_or(false)
    }

    /// The sum of the selected lines.
    pub fn total(&self) -> Amount {
        self.selected_sum.iter().sum()
    }

    /// Whether the selection covers the whole ledger.
    pub fn is_whole(&self) -> bool {
        self.all_selected.iter().all(|&a| a)
    }

    pub fn insats_id(&self, i: usize) -> String {
        self.ledger
            .plan
            .insatser
            .get(i)
            .map_or_else(String::new, |x| x.id.get_ref().clone())
    }

    pub fn insats_text(&self, i: usize) -> String {
        self.ledger
            .plan
            .insatser
            .get(i)
            .map_or_else(String::new, |x| x.text.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_ledger_projected_from_the_insatser_totals_is_as_line_by_line() {
        // Some insatser cannot be split: an unknown actor.
        let text = crate::output::generated::plan(&crate::output::generated::Spec {
            insatser: 60,
            kommuner: 20,
            seed: 9,
            short_texts: true,
        });
        let broken = text.replacen("actor = \"", "actor = \"okänd ", 3);
        for (plan, key_files) in &crate::test_plans::loaded_and([text, broken]) {
            let checked = crate::core::check::check(plan, key_files);
            let all = Selection::all();
            let fast = Projection::new(&checked.ledger, &all);
            let slow = Projection::line_by_line(&checked.ledger, &all);
            assert_eq!(fast.selected_sum, slow.selected_sum);
            assert_eq!(fast.any_selected, slow.any_selected);
            assert_eq!(fast.all_selected, slow.all_selected);
            if checked.errors() > 0 {
                assert!(fast.all_selected.contains(&false));
            }
        }
    }
}
