//! Per kommun: one row per kommun in kommunkod order, one column per insats split over the
//! kommuner (the decision document's own table), with row and column totals.

use serde::{Deserialize, Serialize};

use crate::core::ledger::Recipient;
use crate::core::money::Amount;
use crate::core::report::Projection;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PerKommun {
    pub columns: Vec<Column>,
    pub rows: Vec<KommunRow>,
    pub column_totals: Vec<Amount>,
    pub total: Amount,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub insats: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KommunRow {
    pub code: String,
    pub name: String,
    pub amounts: Vec<Amount>,
    pub total: Amount,
}

pub fn per_kommun(view: &Projection) -> PerKommun {
    let plan = view.ledger.plan;
    // Columns in plan order: the ledger's lines are grouped by insats in that order. Two
    // passes over the lines, the first to number the columns, the second to fill them.
    const NONE: usize = usize::MAX;
    let mut column_of = vec![NONE; plan.insatser.len()];
    let mut columns: Vec<usize> = Vec::new();
    for line in view.lines() {
        if let (Recipient::Kommun(_), Some(column)) =
            (line.recipient, column_of.get_mut(line.insats as usize))
            && *column == NONE
        {
            *column = columns.len();
            columns.push(line.insats as usize);
        }
    }
    let mut grid = vec![vec![Amount::ZERO; columns.len()]; plan.kommuner.len()];
    for line in view.lines() {
        let Recipient::Kommun(k) = line.recipient else {
            continue;
        };
        let column = column_of.get(line.insats as usize).copied().unwrap_or(NONE);
        if let Some(cell) = grid.get_mut(k as usize).and_then(|row| row.get_mut(column)) {
            *cell += line.amount;
        }
    }
    let mut order: Vec<usize> = (0..plan.kommuner.len()).collect();
    order.sort_by(|&a, &b| {
        let code = |k: usize| plan.kommuner.get(k).map(|x| x.code.get_ref());
        code(a).cmp(&code(b))
    });
    let filtered = view.filtered();
    let rows: Vec<KommunRow> = order
        .into_iter()
        .filter_map(|k| {
            let kommun = plan.kommuner.get(k)?;
            let amounts = std::mem::take(grid.get_mut(k)?);
            let total: Amount = amounts.iter().sum();
            (!filtered || !total.0.is_zero()).then(|| KommunRow {
                code: kommun.code.get_ref().clone(),
                name: kommun.name.get_ref().clone(),
                amounts,
                total,
            })
        })
        .collect();
    let mut column_totals = vec![Amount::ZERO; columns.len()];
    for row in &rows {
        for (total, amount) in column_totals.iter_mut().zip(&row.amounts) {
            *total += *amount;
        }
    }
    PerKommun {
        columns: columns
            .iter()
            .map(|&i| Column {
                insats: view.insats_id(i),
                text: view.insats_text(i),
            })
            .collect(),
        total: rows.iter().map(|r| r.total).sum(),
        rows,
        column_totals,
    }
}
