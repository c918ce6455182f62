//! Per kommun: one row per kommun in kommunkod order, one column per insats split over the
//! kommuner (the decision document's own table), with row and column totals.

use serde::{Deserialize, Serialize};

use crate::core::ledger::Recipient;
use crate::core::money::Amount;
use crate::core::report::{Projection, whole};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PerKommun {
    pub columns: Vec<Column>,
    pub rows: Vec<KommunRow>,
    pub column_totals: Vec<Amount>,
    pub total: Amount,
    /// Whether the selection is the whole plan, so that the totals are the plan's; otherwise
    /// they are a selection of it (*urval*).
    #[serde(default = "whole")]
    pub complete: bool,
    /// The insatser of the kommuner whose lines could not be made (`Projection::unsplit`):
    /// the table is without them. Empty unless the plan has errors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unsplit: Vec<String>,
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
    // The rows' and columns' totals are added up with the cells, in the same pass. A
    // column's lines are neighbours, so its total is added up apart and stored when the
    // column changes: each sum then does not wait for the one before it to be stored.
    let mut grid = Filling::new(plan.kommuner.len(), columns.len());
    let mut row_totals = vec![Amount::ZERO; plan.kommuner.len()];
    let mut column_totals = vec![Amount::ZERO; columns.len()];
    let mut column_sum = (NONE, Amount::ZERO);
    let store = |(column, sum): (usize, Amount), totals: &mut [Amount]| {
        if let Some(total) = totals.get_mut(column) {
            *total += sum;
        }
    };
    for line in view.lines() {
        let Recipient::Kommun(k) = line.recipient else {
            continue;
        };
        let column = column_of.get(line.insats as usize).copied().unwrap_or(NONE);
        if let Some(row_total) = row_totals.get_mut(k as usize)
            && grid.add(k as usize, column, line.amount)
        {
            *row_total += line.amount;
            if column_sum.0 == column {
                column_sum.1 += line.amount;
            } else {
                store(column_sum, &mut column_totals);
                column_sum = (column, line.amount);
            }
        }
    }
    store(column_sum, &mut column_totals);
    let mut grid = grid.rows();
    let mut order: Vec<usize> = (0..plan.kommuner.len()).collect();
    order.sort_by(|&a, &b| {
        let code = |k: usize| plan.kommuner.get(k).map(|x| x.code.get_ref());
        code(a).cmp(&code(b))
    });
    let filtered = view.filtered();
    // The insatser whose responsible actors include the kommuner's group pay the kommuner.
    let group = view.ledger.actors.group;
    let mut rows: Vec<KommunRow> = Vec::with_capacity(order.len());
    for k in order {
        let (Some(kommun), Some(amounts), Some(&total)) = (
            plan.kommuner.get(k),
            grid.get_mut(k).map(std::mem::take),
            row_totals.get(k),
        ) else {
            continue;
        };
        if filtered && total.0.is_zero() {
            // A row left out takes its cells out of the columns' totals.
            for (column_total, amount) in column_totals.iter_mut().zip(&amounts) {
                *column_total -= *amount;
            }
            continue;
        }
        rows.push(KommunRow {
            code: kommun.code.get_ref().clone(),
            name: kommun.name.get_ref().clone(),
            amounts,
            total,
        });
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
        complete: view.is_whole(),
        unsplit: view
            .ledger
            .insatser
            .iter()
            .enumerate()
            .filter(|(i, entry)| {
                view.unsplit(*i).is_some() && group.is_some_and(|g| entry.actors.contains(&g))
            })
            .map(|(i, _)| view.insats_id(i))
            .collect(),
    }
}

/// How many columns [`Filling`] gathers before it adds them to the rows.
const BLOCK: usize = 16;

/// The table's rows, filled from lines that come a column at a time (an insats's lines are
/// neighbours in the ledger): a few columns' cells are gathered row by row in a block small
/// enough to stay in the processor's cache, then added to the end of each row. Cell by cell
/// into the rows, each line would land a row's width from the one before (80 kB in a national
/// plan's table of 290 kommuner and 5 000 columns), and most would wait for the memory.
struct Filling {
    /// Each row's cells of the columns before `start`.
    rows: Vec<Vec<Amount>>,
    /// The cells of the columns `start..start + BLOCK`, [`BLOCK`] to a row.
    block: Vec<Amount>,
    start: usize,
    width: usize,
}

impl Filling {
    fn new(height: usize, width: usize) -> Filling {
        Filling {
            rows: (0..height).map(|_| Vec::with_capacity(width)).collect(),
            block: vec![Amount::ZERO; height * BLOCK],
            start: 0,
            width,
        }
    }

    /// Adds `amount` to the cell of row `row` and column `column`; false, adding nothing, for
    /// a cell outside the table.
    fn add(&mut self, row: usize, column: usize, amount: Amount) -> bool {
        if row >= self.rows.len() || column >= self.width {
            return false;
        }
        while column >= self.start + BLOCK {
            self.flush();
        }
        // A column already added to the rows (its lines were not all neighbours) is added to
        // in its row.
        let cell = match column.checked_sub(self.start) {
            Some(offset) => self.block.get_mut(row * BLOCK + offset),
            None => self.rows.get_mut(row).and_then(|r| r.get_mut(column)),
        };
        match cell {
            Some(cell) => {
                *cell += amount;
                true
            }
            None => false,
        }
    }

    /// The block's columns added to the end of the rows, and the block emptied for the next.
    fn flush(&mut self) {
        let columns = BLOCK.min(self.width.saturating_sub(self.start));
        for (row, cells) in self.rows.iter_mut().zip(self.block.chunks_exact_mut(BLOCK)) {
            row.extend(cells.iter().take(columns));
            cells.fill(Amount::ZERO);
        }
        self.start += BLOCK;
    }

    /// The rows, every column added.
    fn rows(mut self) -> Vec<Vec<Amount>> {
        while self.start < self.width {
            self.flush();
        }
        self.rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every cell of the rows is the sum of the amounts added to it, however the columns come
    /// (over many blocks, a column again after later ones) and with cells outside the table
    /// refused: checked against a grid filled cell by cell.
    #[test]
    fn the_rows_hold_every_amount_added_in_its_cell() {
        let mut rng = fastrand::Rng::with_seed(30);
        for _ in 0..500 {
            let (height, width) = (rng.usize(0..12), rng.usize(0..70));
            let mut filling = Filling::new(height, width);
            let mut expected = vec![vec![Amount::ZERO; width]; height];
            let mut column = 0;
            for _ in 0..rng.usize(0..400) {
                // Mostly the next columns in turn, now and then one before (not neighbours),
                // now and then a cell outside the table.
                column = match rng.u8(0..10) {
                    0 => rng.usize(0..width.max(1) + 2),
                    1..=3 => column + 1,
                    _ => column,
                };
                let row = rng.usize(0..height + 1);
                let amount = Amount(rust_decimal::Decimal::from(rng.u32(0..1_000_000)));
                let inside = row < height && column < width;
                assert_eq!(filling.add(row, column, amount), inside);
                if let Some(cell) = expected.get_mut(row).and_then(|r| r.get_mut(column)) {
                    *cell += amount;
                }
            }
            assert_eq!(filling.rows(), expected);
        }
    }
}
