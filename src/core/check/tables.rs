//! `[[tables]]`: a table the document prints, checked against itself. Each printed row total
//! is the sum of its cells, each column total the sum of its column, and the grand total the
//! sum of the row totals and of the column totals. A row that names the insats it prints
//! (`insats = "1.3"`) has each cell compared with what the plan gives the column's kommun or
//! actor. Every difference is an error at the printed figure.

use std::collections::HashSet;
use std::ops::Range;

use crate::core::finding::{Findings, Problem, TableShapeReason, TableTotalOf};
use crate::core::ledger::selection::Selection;
use crate::core::ledger::{Ledger, Line, Recipient};
use crate::core::money::Amount;
use crate::core::plan::{PrintedTable, Spanned, TableRow};
use crate::core::text::fold;

/// Every table check, each problem under its own code (the registry lists the codes found
/// here as `Stage::With(Code::TableShape)`; an unknown insats or a negative figure comes
/// under the codes for those).
pub fn check(ledger: &Ledger, findings: &mut Findings) {
    let mut ids = HashSet::new();
    for table in &ledger.plan.tables {
        let repeated = !ids.insert(table.id.get_ref().as_str());
        if repeated {
            findings.error(
                table.id.span(),
                Problem::TableShape {
                    table: table.id.get_ref().clone(),
                    reason: TableShapeReason::RepeatedId,
                },
            );
        }
        check_table(ledger, table, repeated, findings);
    }
}

/// Whether every figure of the table is 0: a table still to be filled in (`allocate init`
/// writes next year's so), reported as `amount-to-fill` rather than figure by figure against
/// the plan. A table with no figures at all is not.
pub fn unfilled(table: &PrintedTable) -> bool {
    let mut figures = table
        .rows
        .iter()
        .flat_map(|r| r.cells.get_ref().iter().chain(r.total.iter()))
        .chain(table.column_totals.iter().flat_map(|t| t.get_ref().iter()))
        .chain(table.total.iter())
        .peekable();
    figures.peek().is_some() && figures.all(|f| f.get_ref().0.is_zero())
}

fn negative(figure: &Spanned<Amount>, out: &mut Findings) -> bool {
    let amount = *figure.get_ref();
    if amount.is_negative() {
        out.error(figure.span(), Problem::NegativeAmount { amount });
        return true;
    }
    false
}

/// One table; `broken` when a `table-shape` problem was found before (its `id` given twice).
/// A table with a `table-shape` problem has its insatser looked up but none of its figures
/// compared: with the table not as the document means it, each comparison could be wrong.
/// One with a negative figure has its cells compared with the plan, not its sums.
fn check_table(ledger: &Ledger, table: &PrintedTable, broken: bool, out: &mut Findings) {
    let name = table.id.get_ref().clone();
    let shape = |out: &mut Findings, span: Range<usize>, reason| {
        out.error(
            span,
            Problem::TableShape {
                table: name.clone(),
                reason,
            },
        );
    };
    let columns = table.columns.get_ref();
    let mut broken = broken;
    if columns.is_empty() {
        shape(out, table.columns.span(), TableShapeReason::NoColumns);
        broken = true;
    }
    if table.rows.is_empty() {
        shape(out, table.id.span(), TableShapeReason::NoRows);
        broken = true;
    }
    // A column is one recipient however it is written: `Ragunda`, `ragunda` and `2303` are
    // one kommun, and a table naming it twice leaves another out.
    let (recipients, unknown_column) = recipients(ledger, table, out);
    broken |= unknown_column;
    let mut seen = HashSet::new();
    for (column, recipient) in columns.iter().zip(&recipients) {
        let first = match recipient {
            Some(r) => seen.insert(Ok(*r)),
            None => seen.insert(Err(fold(column.get_ref()))),
        };
        if !first {
            shape(
                out,
                column.span(),
                TableShapeReason::RepeatedColumn(column.get_ref().clone()),
            );
            broken = true;
        }
    }
    // A column inside another (a kommun beside the county's kommuner, a unit beside its
    // region) counts its money twice in a row's total and the table's (tester s34 #2); a
    // table without them may print the part beside the whole (*varav*).
    let sums = table.total.is_some() || table.rows.iter().any(|r| r.total.is_some());
    let named: Vec<(&Spanned<String>, Recipient)> = (columns.iter().zip(&recipients))
        .filter(|_| sums)
        .filter_map(|(column, r)| r.map(|r| (column, r)))
        .collect();
    for &(column, inner) in &named {
        let within = named.iter().find(|&&(_, outer)| match outer {
            Recipient::Actor(a) => outer != inner && ledger.actors.is_under(inner, a as usize),
            Recipient::Kommun(_) => false,
        });
        if let Some(&(within, _)) = within {
            shape(
                out,
                column.span(),
                TableShapeReason::NestedColumn {
                    column: column.get_ref().clone(),
                    within: within.get_ref().clone(),
                },
            );
            broken = true;
        }
    }
    let mut negatives = false;
    for row in &table.rows {
        let cells = row.cells.get_ref();
        if cells.len() != columns.len() {
            shape(
                out,
                row.cells.span(),
                TableShapeReason::CellCount {
                    row: row.label.get_ref().clone(),
                    cells: cells.len(),
                    columns: columns.len(),
                },
            );
            broken = true;
        }
        for cell in cells {
            negatives |= negative(cell, out);
        }
        if let Some(total) = &row.total {
            negatives |= negative(total, out);
        }
    }
    if let Some(totals) = &table.column_totals {
        if totals.get_ref().len() != columns.len() {
            shape(
                out,
                totals.span(),
                TableShapeReason::ColumnTotalCount {
                    totals: totals.get_ref().len(),
                    columns: columns.len(),
                },
            );
            broken = true;
        }
        for total in totals.get_ref() {
            negatives |= negative(total, out);
        }
    }
    if let Some(total) = &table.total {
        negatives |= negative(total, out);
    }
    // A table still to be filled in is `amount-to-fill`, not a difference in every cell.
    if !unfilled(table) {
        check_cells(ledger, table, (&recipients, !broken), out);
    }
    if broken || negatives {
        return;
    }

    let cell = |c: &Spanned<Amount>| *c.get_ref();
    // Row totals.
    let mut by_rows = Amount::ZERO;
    for row in &table.rows {
        let computed: Amount = row.cells.get_ref().iter().map(cell).sum();
        match &row.total {
            Some(total) => {
                let stated = *total.get_ref();
                if stated != computed {
                    out.error(
                        total.span(),
                        Problem::TableRowTotal {
                            table: name.clone(),
                            row: row.label.get_ref().clone(),
                            stated,
                            computed,
                        },
                    );
                }
                by_rows += stated;
            }
            None => by_rows += computed,
        }
    }
    // Column totals.
    let mut by_columns = None;
    if let Some(totals) = &table.column_totals {
        let mut sum = Amount::ZERO;
        for (c, (column, total)) in columns.iter().zip(totals.get_ref()).enumerate() {
            let computed: Amount = table
                .rows
                .iter()
                .filter_map(|r| r.cells.get_ref().get(c))
                .map(cell)
                .sum();
            let stated = *total.get_ref();
            if stated != computed {
                out.error(
                    total.span(),
                    Problem::TableColumnTotal {
                        table: name.clone(),
                        column: column.get_ref().clone(),
                        stated,
                        computed,
                    },
                );
            }
            sum += stated;
        }
        by_columns = Some(sum);
    }
    // The grand total.
    if let Some(total) = &table.total {
        let stated = *total.get_ref();
        let any_row_total = table.rows.iter().any(|r| r.total.is_some());
        let mut against = Vec::new();
        if any_row_total || by_columns.is_none() {
            let of = if any_row_total {
                TableTotalOf::RowTotals
            } else {
                TableTotalOf::Cells
            };
            against.push((of, by_rows));
        }
        if let Some(sum) = by_columns {
            against.push((TableTotalOf::ColumnTotals, sum));
        }
        for (of, computed) in against {
            if stated != computed {
                out.error(
                    total.span(),
                    Problem::TableTotal {
                        table: name.clone(),
                        of,
                        stated,
                        computed,
                    },
                );
            }
        }
    }
}

/// Each column as a recipient: a kommun (code, name or official name, as `Names::kommun`) or
/// an actor id; a column that is neither is reported when a row names its insats, and is
/// `None`. With whether one was reported.
fn recipients(
    ledger: &Ledger,
    table: &PrintedTable,
    out: &mut Findings,
) -> (Vec<Option<Recipient>>, bool) {
    let columns = table.columns.get_ref();
    let compared = table.rows.iter().any(|r| r.insats.is_some());
    let mut recipients = Vec::with_capacity(columns.len());
    let mut reported = false;
    for column in columns {
        let name = column.get_ref();
        let recipient = ledger.names.recipient(name);
        if recipient.is_none() && compared {
            reported = true;
            out.error(
                column.span(),
                Problem::TableShape {
                    table: table.id.get_ref().clone(),
                    reason: TableShapeReason::NotARecipient(name.clone()),
                },
            );
        }
        recipients.push(recipient);
    }
    (recipients, reported)
}

/// The cells of rows that name their insats, against the ledger: a column of the county's
/// kommuner as a group (`kommunerna`) against what all of them get. Each row's insats is
/// looked up (an unknown one reported); its cells are compared only when `compare`.
fn check_cells(
    ledger: &Ledger,
    table: &PrintedTable,
    (recipients, compare): (&[Option<Recipient>], bool),
    out: &mut Findings,
) {
    let plan = ledger.plan;
    let columns = table.columns.get_ref();
    for row in table.rows.iter().filter(|r| r.insats.is_some()) {
        let Some(id) = &row.insats else { continue };
        let Ok(i) = ledger.names.insats_ref(plan, id, out) else {
            continue;
        };
        if !compare {
            continue;
        }
        // An insats that could not be split has an error of its own already.
        if ledger.insatser.get(i).is_none_or(|e| e.lines.is_err()) {
            continue;
        }
        let lines = ledger.lines_of(i);
        for ((column, recipient), cell) in columns.iter().zip(recipients).zip(row.cells.get_ref()) {
            let Some(recipient) = *recipient else {
                continue;
            };
            let computed = cell_amount(ledger, lines, recipient);
            let stated = *cell.get_ref();
            if stated != computed {
                out.error(
                    cell.span(),
                    Problem::TableCell {
                        table: table.id.get_ref().clone(),
                        row: row.label.get_ref().clone(),
                        column: column.get_ref().clone(),
                        insats: id.get_ref().clone(),
                        stated,
                        computed,
                    },
                );
            }
        }
    }
}

/// What a column's recipient gets of an insats's lines: an actor with the actors and
/// kommuner under it, as a `[[stated]]` figure and the per-actor view count it.
fn cell_amount(ledger: &Ledger, lines: &[Line], recipient: Recipient) -> Amount {
    let covered = Selection::of_recipient(recipient);
    lines
        .iter()
        .filter(|l| covered.covers_recipient(ledger, l.recipient))
        .map(|l| l.amount)
        .sum()
}

/// Whether the table's shape lets its cells be compared: no `table-shape` finding (a column
/// twice, inside another, no recipient; a row of another length).
pub fn shaped(ledger: &Ledger, table: &PrintedTable) -> bool {
    let mut findings = Findings::default();
    check_table(ledger, table, false, &mut findings);
    !(findings.into_sorted().iter()).any(|f| matches!(f.problem, Problem::TableShape { .. }))
}

/// What the plan gives each cell of a row that names its insats, as `check` compares them:
/// none when the insats is unknown or cannot be split, a column is no recipient, or the
/// insats gives none of the columns anything (the zeros already written). Only for a table
/// that is [`shaped`].
pub fn row_cells(ledger: &Ledger, table: &PrintedTable, row: &TableRow) -> Option<Vec<Amount>> {
    let id = row.insats.as_ref()?;
    let i = *ledger.names.insatser.get(id.get_ref())?;
    ledger.insatser.get(i)?.lines.as_ref().ok()?;
    let lines = ledger.lines_of(i);
    let cells: Vec<Amount> = (table.columns.get_ref().iter())
        .map(|column| {
            let recipient = ledger.names.recipient(column.get_ref())?;
            Some(cell_amount(ledger, lines, recipient))
        })
        .collect::<Option<_>>()?;
    cells.iter().any(|c| !c.0.is_zero()).then_some(cells)
}

/// Where the printed figures are that `check` compares in the tables: every cell of a row
/// that names its insats, every row and column total and every grand total.
pub fn printed_spans(tables: &[PrintedTable]) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    for table in tables {
        for row in &table.rows {
            if row.insats.is_some() {
                spans.extend(row.cells.get_ref().iter().map(Spanned::span));
            }
            spans.extend(row.total.iter().map(Spanned::span));
        }
        if let Some(totals) = &table.column_totals {
            spans.extend(totals.get_ref().iter().map(Spanned::span));
        }
        spans.extend(table.total.iter().map(Spanned::span));
    }
    spans
}
