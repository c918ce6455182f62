//! The web interface's Excel download: the first sheet of the workbook, read cell by cell with
//! `calamine` and then as any table (`grid`), each row numbered as Excel numbers it.
//!
//! The layout PxWeb writes: the title in A1, the heading (years, perhaps contents above them)
//! a row or two below with an empty cell over the regions, one row per region with the
//! figures as numbers, an outer variable's value written only on its first row, and notes
//! under the table.
//!
//! A workbook is a zip of XML files, so a few kilobytes can claim or inflate to gigabytes.
//! Before `calamine` opens it, every part is inflated once within a limit, and the count of
//! shared strings the workbook claims is held to what the part can hold; the sheet is then
//! read cell by cell (never as a rectangle sized by its farthest cell) up to a number of cells.

use std::collections::BTreeMap;
use std::io::{Cursor, Read as _};

use calamine::{DataRef, Reader as _, Xlsx};

use super::grid::{self, Record};
use super::table::{Failure, Read};
use crate::core::population::{FileFormat, ScbErrorKind, WorkbookProblem};

/// At most this many bytes in any part of the workbook once inflated, and in all together.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
const MAX_TOTAL_BYTES: u64 = 128 * 1024 * 1024;
/// At most this many parts, and this many cells with a value on the sheet.
const MAX_PARTS: usize = 10_000;
const MAX_CELLS: usize = 2_000_000;
/// Excel's own limits.
const MAX_ROW: u32 = 1_048_576;
const MAX_COLUMN: u32 = 16_384;

/// Whether the bytes are a zip archive (an xlsx, docx or other zip).
pub(super) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

fn workbook_error(reason: impl std::fmt::Display) -> Failure {
    problem(WorkbookProblem::Unreadable(reason.to_string()))
}

fn problem(problem: WorkbookProblem) -> Failure {
    (None, ScbErrorKind::Workbook(problem))
}

pub(super) fn read(bytes: &[u8], column: Option<&str>) -> Result<Read, Failure> {
    let (sheet_name, records) = rows(bytes)?;
    let text = lines(&records);
    let sheet = grid::read(&records, column, true, '\t')?;
    Ok(Read {
        format: FileFormat::Xlsx { sheet: sheet_name },
        text,
        title: sheet.title,
        header_line: sheet.header_line,
        column: sheet.column,
        table: sheet.table,
    })
}

/// The first sheet's rows as text, one line per row and tabs between cells, for showing a
/// row by its number.
pub(super) fn text(bytes: &[u8]) -> Option<String> {
    rows(bytes).ok().map(|(_, records)| lines(&records))
}

fn lines(records: &[Record]) -> String {
    let mut text = String::new();
    let mut line = 1;
    for r in records {
        while line < r.line {
            text.push('\n');
            line += 1;
        }
        text.push_str(r.fields.join("\t").trim_end());
    }
    text
}

/// The name of the first sheet and its rows that have a value, with their fields from the
/// sheet's first used column on.
fn rows(bytes: &[u8]) -> Result<(String, Vec<Record>), Failure> {
    guard(bytes)?;
    let mut book: Xlsx<Cursor<&[u8]>> = Xlsx::new(Cursor::new(bytes)).map_err(workbook_error)?;
    let Some(name) = book.sheet_names().first().cloned() else {
        return Err(problem(WorkbookProblem::NoSheet));
    };
    let mut reader = book.worksheet_cells_reader(&name).map_err(workbook_error)?;
    let mut cells: BTreeMap<(u32, u32), String> = BTreeMap::new();
    let mut count = 0usize;
    while let Some(cell) = reader.next_cell().map_err(workbook_error)? {
        count += 1;
        if count > MAX_CELLS {
            return Err(problem(WorkbookProblem::TooManyCells(MAX_CELLS)));
        }
        let (row, col) = cell.get_position();
        if row >= MAX_ROW || col >= MAX_COLUMN {
            continue;
        }
        let text = match cell.get_value() {
            DataRef::Int(i) => i.to_string(),
            DataRef::Float(f) => number(*f),
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
            DataRef::SharedString(s) => (*s).to_string(),
            DataRef::Bool(b) => b.to_string(),
            DataRef::DateTime(d) => number(d.as_f64()),
            DataRef::Error(e) => e.to_string(),
            DataRef::Empty => continue,
        };
        if !text.trim().is_empty() {
            cells.insert((row, col), text);
        }
    }
    drop(reader);
    // Each row's fields from the sheet's first used column to the row's last cell, so that a
    // column is the same field on every row; empty cells in between are empty fields.
    let first_column = cells.keys().map(|(_, c)| *c).min().unwrap_or(0);
    let mut records: Vec<Record> = Vec::new();
    let mut fields_in_all = 0usize;
    for ((row, col), text) in cells {
        let line = usize::try_from(row).unwrap_or(0) + 1;
        if records.last().is_none_or(|r| r.line != line) {
            records.push(Record {
                line,
                fields: Vec::new(),
            });
        }
        let at = usize::try_from(col - first_column).unwrap_or(0);
        if let Some(record) = records.last_mut() {
            if record.fields.len() <= at {
                fields_in_all += at + 1 - record.fields.len();
                if fields_in_all > MAX_CELLS {
                    return Err(problem(WorkbookProblem::TooManyCells(MAX_CELLS)));
                }
                record.fields.resize(at + 1, String::new());
            }
            if let Some(field) = record.fields.get_mut(at) {
                *field = text;
            }
        }
    }
    Ok((name, records))
}

/// A number as a cell shows it when it has no decimals: `5150`, not `5150.0`.
fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{f:.0}")
    } else {
        f.to_string()
    }
}

/// Inflates every part of the archive once, within the limits, and holds the shared strings'
/// claimed count to what their part can hold (each takes at least `<si><t/></si>`).
fn guard(bytes: &[u8]) -> Result<(), Failure> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(workbook_error)?;
    if archive.len() > MAX_PARTS {
        return Err(problem(WorkbookProblem::TooManyParts(MAX_PARTS)));
    }
    let mut total: u64 = 0;
    let mut buffer = vec![0u8; 64 * 1024];
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).map_err(workbook_error)?;
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        let shared_strings = name.ends_with("sharedStrings.xml");
        let mut size: u64 = 0;
        let mut head: Vec<u8> = Vec::new();
        loop {
            let n = part.read(&mut buffer).map_err(workbook_error)?;
            if n == 0 {
                break;
            }
            if shared_strings && head.len() < 4096 {
                head.extend(buffer.iter().take(n.min(4096)));
            }
            size += n as u64;
            total += n as u64;
            if size > MAX_PART_BYTES {
                return Err(problem(WorkbookProblem::TooLarge {
                    part: name,
                    limit: MAX_PART_BYTES,
                }));
            }
            if total > MAX_TOTAL_BYTES {
                return Err(problem(WorkbookProblem::TooLarge {
                    part: name,
                    limit: MAX_TOTAL_BYTES,
                }));
            }
        }
        if shared_strings
            && let Some(claimed) = unique_count(&head)
            && claimed > size / 12
        {
            return Err(problem(WorkbookProblem::ClaimsStrings {
                claimed,
                bytes: size,
            }));
        }
    }
    Ok(())
}

/// The `uniqueCount` attribute of the shared strings' `<sst>` element, if any.
fn unique_count(head: &[u8]) -> Option<u64> {
    let text = String::from_utf8_lossy(head);
    let sst = text.find("<sst")?;
    let rest = text.get(sst..)?;
    let end = rest.find('>')?;
    let element = rest.get(..end)?;
    let at = element.find("uniqueCount=")?;
    let value = element.get(at + "uniqueCount=".len()..)?;
    let value = value.trim_start_matches(['"', '\'']);
    let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
    // More digits than a u64 holds is more than any part can hold.
    Some(digits.parse().unwrap_or(u64::MAX))
}
