//! The web interface's Excel download: the first sheet the workbook shows (a hidden sheet
//! before it is passed over), read cell by cell with `calamine` and then as any table
//! (`grid`), each row numbered as Excel numbers it.
//!
//! The layout PxWeb writes: the title in A1, the heading (years, perhaps contents above them)
//! a row or two below with an empty cell over the regions, one row per region with the
//! figures as numbers, an outer variable's value written only on its first row, and notes
//! under the table.
//!
//! The workbook is opened within limits and its sheet read cell by cell
//! (`input::workbook`).

use std::collections::{BTreeMap, HashSet};

use calamine::Data;

use super::grid::{self, Record};
use super::table::{Failure, Read};
use crate::core::population::{FileFormat, ScbErrorKind, SheetsRead, WorkbookProblem};
use crate::input::workbook::{self, MAX_CELLS};

fn problem(problem: WorkbookProblem) -> Failure {
    (None, ScbErrorKind::Workbook(problem))
}

pub(super) fn read(bytes: &[u8], column: Option<&str>) -> Result<Read, Failure> {
    let (sheet_name, records, inexact) = rows(bytes)?;
    let text = lines(&records);
    let sheet = grid::read(|| records.iter(), column, true, '\t')?;
    // A figure from a number cell that a double cannot hold exactly is refused as too large,
    // as a CSV file's figure beyond any count is: read as the nearest double, it would be
    // another count than the one written.
    if let Some(o) = sheet
        .table
        .observations
        .iter()
        .find(|o| inexact.contains(&(o.line, o.value.trim().to_string())))
    {
        let region = super::table::label(&o.region, o.code.as_deref());
        return Err((
            Some(o.line),
            ScbErrorKind::CountTooLarge {
                region,
                value: o.value.trim().to_string(),
            },
        ));
    }
    Ok(Read {
        format: FileFormat::Xlsx { sheet: sheet_name },
        text,
        title: sheet.title,
        header_line: sheet.header_line,
        column: sheet.column,
        table: sheet.table,
    })
}

/// The sheet a workbook's table is read from and its other sheets, for an error about the
/// table; none for a workbook that cannot be opened.
pub(super) fn sheets_read(bytes: &[u8]) -> Option<SheetsRead> {
    let sheets = workbook::sheets(bytes).ok()?;
    let read = sheets.first_shown();
    let names = sheets.names();
    Some(SheetsRead {
        read: names.get(read)?.clone(),
        others: (names.iter().enumerate())
            .filter(|(i, _)| *i != read)
            .map(|(i, name)| (name.clone(), sheets.is_shown(i)))
            .collect(),
    })
}

/// The rows of the sheet read as text, one line per row and tabs between cells, for showing
/// a row by its number.
pub(super) fn text(bytes: &[u8]) -> Option<String> {
    rows(bytes).ok().map(|(_, records, _)| lines(&records))
}

fn lines(records: &[Record]) -> String {
    let mut text = String::new();
    let mut line = 1;
    for r in records {
        while line < r.line {
            text.push('\n');
            line += 1;
        }
        text.push_str(r.fields().collect::<Vec<_>>().join("\t").trim_end());
    }
    text
}

/// The smallest magnitude from which a double no longer holds every whole number: 2^53. A
/// number cell of this size or more may be another number than the one written
/// (9 007 199 254 740 993 is read as 9 007 199 254 740 992).
const INEXACT_FROM: f64 = 9_007_199_254_740_992.0;

/// A number cell's text and line, for the number cells that may not be exact.
type Inexact = HashSet<(usize, String)>;

/// The name of the first sheet shown and its rows that have a value, with their fields from the
/// sheet's first used column on, and the number cells that may not be the number written.
fn rows(bytes: &[u8]) -> Result<(String, Vec<Record>, Inexact), Failure> {
    let (name, sheet) = workbook::first_shown_sheet(bytes).map_err(problem)?;
    let mut cells: BTreeMap<(u32, u32), String> = BTreeMap::new();
    let mut inexact = Inexact::new();
    for (row, col, value) in sheet {
        if value == Data::Empty {
            continue;
        }
        // A date is shown as one, never read as the day's serial number (45597 people).
        let text = workbook::cell_text(&value);
        if let Data::Float(f) = value
            && f.abs() >= INEXACT_FROM
        {
            inexact.insert((usize::try_from(row).unwrap_or(0) + 1, text.clone()));
        }
        if !text.trim().is_empty() {
            cells.insert((row, col), text);
        }
    }
    // Each row's fields from the sheet's first used column to the row's last cell, so that a
    // column is the same field on every row; empty cells in between are empty fields.
    let first_column = cells.keys().map(|(_, c)| *c).min().unwrap_or(0);
    let mut records: Vec<Record> = Vec::new();
    let mut fields_in_all = 0usize;
    for ((row, col), text) in cells {
        let line = usize::try_from(row).unwrap_or(0) + 1;
        if records.last().is_none_or(|r| r.line != line) {
            records.push(Record::new(line));
        }
        // The cells come in order, row by row and left to right.
        let at = usize::try_from(col - first_column).unwrap_or(0);
        if let Some(record) = records.last_mut() {
            fields_in_all += (at + 1).saturating_sub(record.len());
            if fields_in_all > MAX_CELLS {
                return Err(problem(WorkbookProblem::TooManyCells(MAX_CELLS)));
            }
            while record.len() < at {
                record.push("");
            }
            record.push(&text);
        }
    }
    Ok((name, records, inexact))
}
