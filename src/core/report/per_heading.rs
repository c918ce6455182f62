//! Per heading: the document's summary per handling actor, each heading with its insatser and
//! its total (its own insatser and its sub-headings'), against the total the document prints.

use serde::{Deserialize, Serialize};

use crate::core::money::Amount;
use crate::core::report::{Projection, Verdict, whole};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PerHeading {
    pub headings: Vec<HeadingReport>,
    pub total: Amount,
    /// Whether the selection is the whole plan, so that the totals are the plan's; otherwise
    /// they are a selection of it (*urval*).
    #[serde(default = "whole")]
    pub complete: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeadingReport {
    pub title: String,
    pub depth: usize,
    pub items: Vec<Item>,
    /// Its own items and those of its sub-headings.
    pub computed: Amount,
    /// The total the document prints, if any.
    pub stated: Option<Amount>,
    /// What the plan says the reader should know about the printed total (`note`: a
    /// correction of the document), if anything.
    #[serde(default)]
    pub note: Option<String>,
    /// Whether the selection covers everything under the heading, so that `computed` can be
    /// compared with `stated`; otherwise `computed` is a selection of it.
    #[serde(default = "whole")]
    pub complete: bool,
}

impl HeadingReport {
    /// The heading's sum against the total the document prints; `None` where it prints none.
    pub fn verdict(&self) -> Option<Verdict> {
        let stated = self.stated?;
        Some(Verdict::of(self.complete, self.computed, stated))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub insats: String,
    pub area: u32,
    pub text: String,
    pub recipient: String,
    pub amount: Amount,
}

pub fn per_heading(view: &Projection) -> PerHeading {
    let ledger = view.ledger;
    let plan = ledger.plan;
    let forest = &ledger.headings.forest;
    let filtered = view.filtered();
    let computed = ledger.heading_totals(|i| view.insats_amount(i));
    // A heading is complete when every insats under it, at any depth, is wholly selected.
    let mut complete: Vec<bool> = ledger
        .headings
        .insatser
        .iter()
        .map(|list| list.iter().all(|&i| view.covers_insats(i)))
        .collect();
    for h in forest.bottom_up() {
        let own = complete.get(h).copied().unwrap_or(true);
        if let Some(c) = forest
            .parent
            .get(h)
            .copied()
            .flatten()
            .and_then(|p| complete.get_mut(p))
        {
            *c &= own;
        }
    }
    let mut headings = Vec::new();
    for &h in &forest.preorder {
        let Some(heading) = plan.headings.get(h) else {
            continue;
        };
        let total = computed.get(h).copied().unwrap_or_default();
        if filtered && total.0.is_zero() {
            continue;
        }
        let items = ledger
            .headings
            .insatser
            .get(h)
            .into_iter()
            .flatten()
            .filter(|&&i| !filtered || view.has_insats(i))
            .map(|&i| {
                let lines = ledger.lines_of(i);
                let recipient = match lines {
                    [one] => ledger.recipient_name(one.recipient).to_string(),
                    _ => ledger.responsible(i),
                };
                Item {
                    insats: view.insats_id(i),
                    area: ledger
                        .insatser
                        .get(i)
                        .and_then(|e| e.area)
                        .map_or(0, |a| ledger.area_number(a)),
                    text: view.insats_text(i),
                    recipient,
                    amount: view.insats_amount(i),
                }
            })
            .collect();
        headings.push(HeadingReport {
            title: heading.title.clone(),
            depth: forest.depth.get(h).copied().unwrap_or(0),
            items,
            computed: total,
            stated: heading.stated.as_ref().map(|s| *s.get_ref()),
            note: heading.note.clone(),
            complete: complete.get(h).copied().unwrap_or(false),
        });
    }
    let total = forest
        .preorder
        .iter()
        .filter(|&&h| forest.parent.get(h).copied().flatten().is_none())
        .filter_map(|&h| computed.get(h))
        .sum();
    PerHeading {
        headings,
        total,
        complete: view.is_whole(),
    }
}
