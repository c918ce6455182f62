//! Per area: each area's insatser with their focus areas and responsible actors, against the
//! area's amount in the agreement.

use serde::{Deserialize, Serialize};

use crate::core::money::Amount;
use crate::core::report::{Projection, Verdict, whole};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PerArea {
    pub areas: Vec<AreaReport>,
    pub total: Amount,
    /// Whether the selection is the whole plan, so that the totals are the plan's; otherwise
    /// they are a selection of it (*urval*).
    #[serde(default = "whole")]
    pub complete: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaReport {
    pub number: u32,
    pub title: String,
    /// The area's amount in the agreement.
    pub agreement: Amount,
    pub rows: Vec<AreaRow>,
    pub total: Amount,
    /// Whether the selection covers the whole area, so that `total` can be compared with
    /// `agreement`; otherwise `total` is a selection of it.
    #[serde(default = "whole")]
    pub complete: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaRow {
    pub insats: String,
    pub text: String,
    pub focus_areas: Vec<u32>,
    pub responsible: String,
    pub amount: Amount,
}

impl AreaReport {
    /// The area's sum against its amount in the agreement.
    pub fn verdict(&self) -> Verdict {
        Verdict::of(self.complete, self.total, self.agreement)
    }
}

pub fn per_area(view: &Projection) -> PerArea {
    let ledger = view.ledger;
    let plan = ledger.plan;
    let filtered = view.filtered();
    let mut insatser: Vec<Vec<usize>> = vec![Vec::new(); plan.areas.len()];
    for (i, entry) in ledger.insatser.iter().enumerate() {
        if let Some(list) = entry.area.and_then(|a| insatser.get_mut(a)) {
            list.push(i);
        }
    }
    let areas: Vec<AreaReport> = plan
        .areas
        .iter()
        .zip(insatser)
        .filter_map(|(area, list)| {
            let complete = list.iter().all(|&i| view.covers_insats(i));
            let rows: Vec<AreaRow> = list
                .into_iter()
                .filter(|&i| !filtered || view.has_insats(i))
                .filter_map(|i| {
                    let x = plan.insatser.get(i)?;
                    Some(AreaRow {
                        insats: x.id.get_ref().clone(),
                        text: x.text.clone(),
                        focus_areas: x
                            .focus_areas
                            .as_ref()
                            .map(|f| f.get_ref().iter().map(|n| *n.get_ref()).collect())
                            .unwrap_or_default(),
                        responsible: ledger.responsible(i),
                        amount: view.insats_amount(i),
                    })
                })
                .collect();
            (!filtered || !rows.is_empty()).then(|| AreaReport {
                number: *area.number.get_ref(),
                title: area.title.clone(),
                agreement: *area.amount.get_ref(),
                total: rows.iter().map(|r| r.amount).sum(),
                rows,
                complete,
            })
        })
        .collect();
    PerArea {
        total: areas.iter().map(|a| a.total).sum(),
        areas,
        complete: view.is_whole(),
    }
}
