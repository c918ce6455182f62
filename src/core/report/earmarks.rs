//! Earmarks (*varav*): the state's indicative split inside an area, each with the insatser
//! tagged to it and what they give against it.

use serde::{Deserialize, Serialize};

use crate::core::money::Amount;
use crate::core::report::Projection;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EarmarkReport {
    /// The area's number.
    pub area: u32,
    pub id: String,
    pub title: String,
    /// The earmark's amount in the agreement.
    pub amount: Amount,
    /// The insatser tagged to it, in plan order.
    pub insatser: Vec<String>,
    /// What the tagged insatser give (their selected amounts).
    pub tagged: Amount,
}

/// Every earmark of every area, in plan order.
pub fn earmarks(view: &Projection) -> Vec<EarmarkReport> {
    let ledger = view.ledger;
    let plan = ledger.plan;
    let mut out = Vec::new();
    for (a, area) in plan.areas.iter().enumerate() {
        for (e, earmark) in area.earmarks.iter().enumerate() {
            let tagged: Vec<usize> = ledger
                .insatser
                .iter()
                .enumerate()
                .filter(|(_, x)| x.area == Some(a) && x.earmark == Some(e))
                .map(|(i, _)| i)
                .collect();
            out.push(EarmarkReport {
                area: *area.number.get_ref(),
                id: earmark.id.get_ref().clone(),
                title: earmark.title.clone(),
                amount: *earmark.amount.get_ref(),
                insatser: tagged.iter().map(|&i| view.insats_id(i)).collect(),
                tagged: tagged.iter().map(|&i| view.insats_amount(i)).sum(),
            });
        }
    }
    out
}
