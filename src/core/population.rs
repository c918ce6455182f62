//! Population tables as read from SCB files: the kommun rows with their counts and lines,
//! and everything that can be wrong with such a file, as data. Reading the bytes is
//! `input::scb`; wording is `output`.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use rust_decimal::Decimal;

pub use crate::core::unreadable::{BinaryKind, OsError, Special};

/// How the file's bytes were turned into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Not valid UTF-8: read as Windows-1252 (ISO-8859-1 for every Swedish letter).
    Windows1252,
}

/// One region row of the file that names a kommun (a four-digit kommunkod).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// One-based line in the file.
    pub line: usize,
    pub code: String,
    pub name: String,
    /// The count in the chosen column; `None` for `..` (missing).
    pub count: Option<u64>,
}

/// A population file, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyFile {
    pub path: PathBuf,
    /// The decoded text, for diagnostics.
    pub text: String,
    pub encoding: TextEncoding,
    pub delimiter: char,
    /// The title line above the header, if any.
    pub title: Option<String>,
    pub header_line: usize,
    /// The chosen year column as the header writes it ("2024").
    pub column: String,
    /// The year the chosen column holds, when its header names one.
    pub year: Option<i32>,
    /// Kommun rows in file order.
    pub rows: Vec<Row>,
    /// Rows for regions that are not kommuner (county, country), with their lines.
    pub other_regions: Vec<(usize, String)>,
}

/// Why a file cannot be read as a population key. `line` is one-based.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScbError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub kind: ScbErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScbErrorKind {
    NotFound,
    Directory,
    /// Larger than `limit` bytes; refused before reading it whole.
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// An Excel, Word or PDF file, or other bytes that are not text.
    NotText(BinaryKind),
    /// A named pipe, device or socket, refused before it is opened.
    NotRegular(Special),
    /// The operating system refused to give the file (permission denied, an I/O error).
    Unreadable(OsError),
    Empty,
    /// No line with at least two fields: no header.
    NoHeader,
    /// The header has no column that names a year.
    NoYearColumn {
        header: Vec<String>,
    },
    /// The column asked for is not in the header.
    ColumnNotFound {
        wanted: String,
        available: Vec<String>,
    },
    /// Several year columns and none chosen.
    ChooseColumn {
        available: Vec<String>,
    },
    /// A region without a leading kommunkod.
    NoKommunkod {
        region: String,
    },
    /// A value that is neither a whole number nor `..`.
    BadValue {
        region: String,
        value: String,
    },
    /// A whole number too large to be a population (more than 19 digits).
    CountTooLarge {
        region: String,
        value: String,
    },
    /// A row that ends before the chosen column.
    MissingField {
        region: String,
        column: String,
    },
    /// A quote that is never closed runs over the line end.
    UnclosedQuote,
    /// A header but no region rows.
    NoRows,
}

/// A difference between the kommuner of a file and those of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// A kommun of the plan that the file does not have.
    Missing { code: String, name: String },
    /// A kommun in the file that the plan does not have.
    Extra {
        line: usize,
        code: String,
        name: String,
    },
    /// A kommun given twice.
    Duplicate {
        line: usize,
        first_line: usize,
        code: String,
        name: String,
    },
    /// `..`: the file has no value for a kommun that needs one.
    NoValue {
        line: usize,
        code: String,
        name: String,
    },
    /// A population of 0, which would give the kommun nothing.
    Zero {
        line: usize,
        code: String,
        name: String,
    },
}

impl Mismatch {
    /// The line of the file the difference is on (a missing kommun has none).
    pub fn line(&self) -> Option<usize> {
        match self {
            Mismatch::Missing { .. } => None,
            Mismatch::Extra { line, .. }
            | Mismatch::Duplicate { line, .. }
            | Mismatch::NoValue { line, .. }
            | Mismatch::Zero { line, .. } => Some(*line),
        }
    }
}

/// What is wrong with a kommun row's value: none (`..`) or 0.
fn value_problem(row: &Row) -> Option<Mismatch> {
    let (line, code, name) = (row.line, row.code.clone(), row.name.clone());
    match row.count {
        None => Some(Mismatch::NoValue { line, code, name }),
        Some(0) => Some(Mismatch::Zero { line, code, name }),
        Some(_) => None,
    }
}

impl KeyFile {
    /// Every difference between the file's kommuner and `kommuner` (code, name), in file
    /// order, then the plan's kommuner that the file lacks.
    pub fn compare(&self, kommuner: &[(&str, &str)]) -> Vec<Mismatch> {
        let known: HashSet<&str> = kommuner.iter().map(|(code, _)| *code).collect();
        let mut out = Vec::new();
        let mut first: HashMap<&str, usize> = HashMap::new();
        for row in &self.rows {
            if let Some(&first_line) = first.get(row.code.as_str()) {
                out.push(Mismatch::Duplicate {
                    line: row.line,
                    first_line,
                    code: row.code.clone(),
                    name: row.name.clone(),
                });
                continue;
            }
            first.insert(&row.code, row.line);
            if !known.contains(row.code.as_str()) {
                out.push(Mismatch::Extra {
                    line: row.line,
                    code: row.code.clone(),
                    name: row.name.clone(),
                });
            } else {
                out.extend(value_problem(row));
            }
        }
        for (code, name) in kommuner {
            if !first.contains_key(code) {
                out.push(Mismatch::Missing {
                    code: (*code).to_string(),
                    name: (*name).to_string(),
                });
            }
        }
        out
    }

    /// The counts of `kommuner` (by code), in that order; `None` when a kommun is missing,
    /// given twice or without a value (`compare` says which).
    pub fn weights(&self, codes: &[&str]) -> Option<Vec<Decimal>> {
        let mut by_code: HashMap<&str, Option<&Row>> = HashMap::with_capacity(self.rows.len());
        for row in &self.rows {
            by_code
                .entry(row.code.as_str())
                .and_modify(|r| *r = None)
                .or_insert(Some(row));
        }
        codes
            .iter()
            .map(|code| {
                let row = (*by_code.get(code)?)?;
                row.count.filter(|&c| c > 0).map(Decimal::from)
            })
            .collect()
    }

    /// The file's own kommuner (code, name) in file order, each once: for splitting by a file
    /// without a plan. Problems (duplicates, missing values, zeros) come back as mismatches.
    pub fn kommuner(&self) -> Result<Vec<(String, String, Decimal)>, Vec<Mismatch>> {
        let mut first: HashMap<&str, usize> = HashMap::new();
        let mut kept: Vec<&Row> = Vec::new();
        let mut problems = Vec::new();
        for row in &self.rows {
            if let Some(&first_line) = first.get(row.code.as_str()) {
                problems.push(Mismatch::Duplicate {
                    line: row.line,
                    first_line,
                    code: row.code.clone(),
                    name: row.name.clone(),
                });
                continue;
            }
            first.insert(&row.code, row.line);
            problems.extend(value_problem(row));
            kept.push(row);
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(kept
            .into_iter()
            .filter_map(|r| {
                r.count
                    .map(|c| (r.code.clone(), r.name.clone(), Decimal::from(c)))
            })
            .collect())
    }

    /// The byte range of a one-based line in `text`, for pointing at it.
    pub fn line_span(text: &str, line: usize) -> std::ops::Range<usize> {
        let mut start = 0;
        for (i, l) in text.split_inclusive('\n').enumerate() {
            let end = start + l.len();
            if i + 1 == line {
                let trimmed = l.trim_end_matches(['\n', '\r']).len();
                return start..start + trimmed;
            }
            start = end;
        }
        text.len()..text.len()
    }
}
