//! Usage files: the follow-up forms as recipients return them, and usage written in TOML, read
//! into `core::followup::UsageFile`s with every value's place.
//!
//! A form comes back as a spreadsheet saved it:
//!
//! - CSV with semicolons (Swedish Excel), commas or tabs between fields (detected: the one
//!   with which the table's header row is found), UTF-8 with or without a byte-order mark,
//!   Windows-1252/ISO-8859-1 (Excel's plain "CSV"), or UTF-16 with a byte-order mark
//!   (Excel's "Unicode text");
//! - a workbook: XLSX (and XLS or ODS, which `calamine` reads too): the first sheet with the
//!   form's table; another sheet with one, or cells merged over its rows, is a layout the
//!   form is not read with;
//! - amounts with a decimal comma or point, spaces or no-break spaces between thousands and a
//!   trailing "kr" (`parse_amount`).
//!
//! The form is found by its labels, in Swedish or English, not by fixed positions: header rows
//! (`Mottagare`, `Kommunkod`, `Samlingsfaktura skickad`) above a table whose header row names
//! `Insats` and `Använt`. Reading fails (`UsageReadError`) only when a file cannot be read or is
//! no form at all; what is wrong inside a form is for `core::followup` to report.
//!
//! A module for each step: `csv` and `workbook` make a file's rows of cells, `form` finds the
//! form in them, and `amount` reads what a cell means as an amount; `toml` reads usage written
//! in TOML. The cells they pass on are this module's (`Cell`).

mod amount;
mod csv;
mod form;
mod own;
mod toml;
mod workbook;

use std::path::{Path, PathBuf};

use crate::core::followup::{At, Entry, Place, UsageFile};
use crate::core::population::WorkbookProblem;
use crate::core::unreadable::BinaryKind;
use crate::input::plan::{ParseError, Source};
use crate::input::read::{ReadReason, max_file_bytes, not_text, read_limited};

pub use amount::parse_amount;

/// How a usage file was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A CSV form, with the delimiter found.
    Csv { delimiter: char },
    /// A workbook (XLSX, XLS, ODS).
    Workbook,
    /// Usage written in TOML.
    Toml,
}

/// A usage file read: its rows, and its text for drawing findings (empty for a workbook).
#[derive(Debug)]
pub struct ReadUsage {
    pub file: UsageFile,
    pub source: Source,
    pub format: Format,
    /// A workbook's sheets, in its order, to name a cell's (`At::Cell`'s `sheet`) when it is
    /// not the first; empty for text.
    pub sheets: Vec<String>,
}

/// Why a usage file could not be read at all.
#[derive(Debug)]
pub enum UsageReadError {
    Read {
        path: PathBuf,
        reason: ReadReason,
    },
    /// A workbook that cannot be opened (within the limits of `input::workbook`), or
    /// without a sheet.
    Workbook {
        path: PathBuf,
        problem: WorkbookProblem,
    },
    /// A text file whose lines are UTF-8 but for this one (one-based): a line pasted in from
    /// a file in another encoding. Read as Windows-1252 the whole file would garble the
    /// form's own labels (`AnvÃ¤nt`).
    MixedEncoding {
        path: PathBuf,
        line: usize,
    },
    /// A form in a character encoding that is not read (Mac Roman, code page 850): its header
    /// row on `line` reads `written` (`AnvŠnt`) for `Använt`.
    OtherEncoding {
        path: PathBuf,
        line: usize,
        written: String,
    },
    /// Text or a sheet without the form's table (no header row with `Insats` and `Använt`).
    NotAForm {
        path: PathBuf,
        /// A workbook's number of sheets, none of which has the table; 0 for text.
        sheets: usize,
    },
    /// `allocate`'s own follow-up summary (`aterbetalning.csv`, `uppfoljning-2026.xlsx`,
    /// `uppfoljning-2026.json`), told by its header row or its JSON, given where a returned
    /// form belongs. Read one file at a time, each is one path; the command gathers every
    /// such file given into one, to name them all at once.
    OwnSummary {
        paths: Vec<PathBuf>,
    },
    /// A TOML usage file without a `[[usage]]` or `[[recipients]]` (empty, or comments only).
    NothingReported {
        path: PathBuf,
    },
    /// A TOML usage file that does not parse, or not into usage.
    Toml {
        source: Box<Source>,
        error: ParseError,
    },
}

impl UsageReadError {
    pub fn path(&self) -> &Path {
        match self {
            UsageReadError::Read { path, .. }
            | UsageReadError::Workbook { path, .. }
            | UsageReadError::NotAForm { path, .. }
            | UsageReadError::OtherEncoding { path, .. }
            | UsageReadError::MixedEncoding { path, .. }
            | UsageReadError::NothingReported { path } => path,
            UsageReadError::OwnSummary { paths } => paths.first().map_or(Path::new(""), |p| p),
            UsageReadError::Toml { source, .. } => &source.path,
        }
    }
}

/// Reads usage file number `index` (its places carry the index).
pub fn load(path: &Path, index: usize) -> Result<ReadUsage, UsageReadError> {
    from_bytes(path, &read_bytes(path)?, index)
}

/// A usage file's bytes, within the limit of a file's size.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, UsageReadError> {
    read_limited(path, max_file_bytes()).map_err(|reason| UsageReadError::Read {
        path: path.to_path_buf(),
        reason,
    })
}

/// Reads a usage file's bytes (`path` names it and tells TOML by its extension).
pub fn from_bytes(path: &Path, bytes: &[u8], index: usize) -> Result<ReadUsage, UsageReadError> {
    match not_text(bytes) {
        Some(ReadReason::Binary(BinaryKind::Zip | BinaryKind::OldOffice)) => {
            return workbook::read(path, bytes, index);
        }
        Some(ReadReason::Utf16) | None => {}
        Some(reason) => {
            return Err(UsageReadError::Read {
                path: path.to_path_buf(),
                reason,
            });
        }
    }
    if let Some(line) = crate::input::read::mixed_encoding_line(bytes) {
        return Err(UsageReadError::MixedEncoding {
            path: path.to_path_buf(),
            line,
        });
    }
    let (text, encoding) = crate::input::read::decode(bytes);
    let is_toml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    let source = Source::new(path, text);
    if is_toml {
        crate::input::read::toml_parts_within_limit(&source.text).map_err(|reason| {
            UsageReadError::Read {
                path: path.to_path_buf(),
                reason,
            }
        })?;
        let file = toml::toml_usage(&source, index)?;
        return Ok(ReadUsage {
            file,
            source,
            format: Format::Toml,
            sheets: Vec::new(),
        });
    }
    let own = || UsageReadError::OwnSummary {
        paths: vec![path.to_path_buf()],
    };
    if own::is_summary_json(&source.text) {
        return Err(own());
    }
    for delimiter in [';', ',', '\t'] {
        let grid = csv::csv_grid(&source.text, delimiter, index);
        // Its header row has Insats and Använt too (`uppfoljning-rader.csv`).
        if own::is_summary_sheet(&grid) {
            return Err(own());
        }
        let line = |place: &Place| match &place.at {
            At::Text(span) => source.line_col(span.start).0,
            At::Cell { row, .. } => *row as usize,
        };
        if let Some(file) = form::form(grid, Some(delimiter), &line, &[]) {
            return Ok(ReadUsage {
                file,
                source,
                format: Format::Csv { delimiter },
                sheets: Vec::new(),
            });
        }
    }
    if encoding == crate::core::population::TextEncoding::Windows1252
        && let Some((line, written)) = garbled_header(&source.text)
    {
        return Err(UsageReadError::OtherEncoding {
            path: path.to_path_buf(),
            line,
            written,
        });
    }
    Err(UsageReadError::NotAForm {
        path: path.to_path_buf(),
        sheets: 0,
    })
}

/// The form's header row with its `ä` read as another letter (`AnvŠnt`, `Anv„nt`): a form
/// saved by Excel for Mac ("Comma Separated Values", Mac Roman) or as "CSV (MS-DOS)" (code
/// page 850), whose bytes read as Windows-1252 give another letter for every å, ä and ö. Its
/// line (from 1) and the word as read.
fn garbled_header(text: &str) -> Option<(usize, String)> {
    text.lines().enumerate().find_map(|(index, line)| {
        if !line.contains("Insats") {
            return None;
        }
        let at = line.find("Anv")?;
        let word: String = line.get(at..)?.chars().take(6).collect();
        let mut chars = word.chars();
        let letter = chars.nth(3)?;
        let garbled = letter != 'ä' && !letter.is_ascii() && chars.as_str() == "nt";
        garbled.then(|| (index + 1, word))
    })
}

/// One cell of a form, from CSV or a workbook: its text, what it means as an amount, and its
/// place.
#[derive(Clone, Debug)]
struct Cell {
    text: String,
    /// What a workbook's cell of another kind than text (a number, a date) means as an
    /// amount; `None` for text, which is read as an amount only where one belongs
    /// ([`Cell::amount`]).
    stored: Option<Entry>,
    place: Place,
    /// A CSV field in quotes that is never closed or holds a line break: where its opening
    /// quote is (a byte offset), and whether it is closed.
    quote: Option<Quote>,
    /// The formula a workbook's cell holds, as written (`SUM(E12:E14)`; ODS's
    /// `of:=SUM([.E12:.E14])`): its value is what the spreadsheet last computed, which a
    /// program that fills the cells without recalculating leaves as it was. Read on the
    /// form's sheet only; `None` in CSV.
    formula: Option<String>,
}

impl Cell {
    /// What the cell means as an amount.
    fn amount(&self) -> Entry {
        match &self.stored {
            Some(entry) => entry.clone(),
            None => amount::entry_of_text(&self.text),
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Quote {
    at: usize,
    closed: bool,
}

type Grid = Vec<Vec<Cell>>;
