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

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use calamine::Data;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_spanned::Spanned;

use crate::core::followup::{
    At, BadAmount, Beyond, Claim, Entry, Layout, Overflow, Place, UsageFile, UsageRow, Written,
};
use crate::core::money::Amount;
use crate::core::population::WorkbookProblem;
use crate::core::text::{fold, visible};
use crate::core::unreadable::BinaryKind;
use crate::input::plan::{ParseError, Source};
use crate::input::radix::base_of;
use crate::input::read::{ReadReason, max_file_bytes, not_text, read_limited};
use crate::input::workbook;

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
    /// Text or a sheet without the form's table (no header row with `Insats` and `Använt`).
    NotAForm {
        path: PathBuf,
        /// A workbook's number of sheets, none of which has the table; 0 for text.
        sheets: usize,
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
            | UsageReadError::MixedEncoding { path, .. }
            | UsageReadError::NothingReported { path } => path,
            UsageReadError::Toml { source, .. } => &source.path,
        }
    }
}

/// Reads usage file number `index` (its places carry the index).
pub fn load(path: &Path, index: usize) -> Result<ReadUsage, UsageReadError> {
    let bytes = read_limited(path, max_file_bytes()).map_err(|reason| UsageReadError::Read {
        path: path.to_path_buf(),
        reason,
    })?;
    from_bytes(path, &bytes, index)
}

/// Reads a usage file's bytes (`path` names it and tells TOML by its extension).
pub fn from_bytes(path: &Path, bytes: &[u8], index: usize) -> Result<ReadUsage, UsageReadError> {
    match not_text(bytes) {
        Some(ReadReason::Binary(BinaryKind::Zip | BinaryKind::OldOffice)) => {
            return workbook(path, bytes, index);
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
    let (text, _) = crate::input::read::decode(bytes);
    let is_toml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    let source = Source::new(path, text);
    if is_toml {
        let file = toml_usage(&source, index)?;
        return Ok(ReadUsage {
            file,
            source,
            format: Format::Toml,
            sheets: Vec::new(),
        });
    }
    for delimiter in [';', ',', '\t'] {
        let grid = csv_grid(&source.text, delimiter, index);
        let line = |place: &Place| match &place.at {
            At::Text(span) => source.line_col(span.start).0,
            At::Cell { row, .. } => *row as usize,
        };
        if let Some(file) = form(grid, Some(delimiter), &line, &[]) {
            return Ok(ReadUsage {
                file,
                source,
                format: Format::Csv { delimiter },
                sheets: Vec::new(),
            });
        }
    }
    Err(UsageReadError::NotAForm {
        path: path.to_path_buf(),
        sheets: 0,
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
}

impl Cell {
    /// What the cell means as an amount.
    fn amount(&self) -> Entry {
        match &self.stored {
            Some(entry) => entry.clone(),
            None => entry_of_text(&self.text),
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Quote {
    at: usize,
    closed: bool,
}

type Grid = Vec<Vec<Cell>>;

/// An amount as people and spreadsheets write it, exactly: `21200`, `21 200`, `21 200 kr`,
/// `21200,50`, `21.200,50`, `-500`. `Ok(None)` for an empty cell.
///
/// A single separator followed by exactly three digits (`1.234`, `1,234`) is refused as
/// ambiguous: it is 1 234 kr to one reader and 1,234 kr to another, and amounts have at most
/// two decimals (öre).
pub fn parse_amount(written: &str) -> Result<Option<Amount>, BadAmount> {
    let mut text = written.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.starts_with('=') {
        return Err(BadAmount::Formula);
    }
    for suffix in ["kronor", "kr.", "kr", "sek", ":-"] {
        if text.len() >= suffix.len()
            && text
                .get(text.len() - suffix.len()..)
                .is_some_and(|end| end.eq_ignore_ascii_case(suffix))
        {
            text = text
                .get(..text.len() - suffix.len())
                .unwrap_or("")
                .trim_end();
            break;
        }
    }
    let (negative, digits) = match text.strip_prefix(crate::core::money::MINUS_SIGNS) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if digits.is_empty() {
        return Err(BadAmount::NotANumber);
    }
    // Spaces of any kind only between groups of three digits.
    let groups: Vec<&str> = digits
        .split([' ', '\u{a0}', '\u{202f}', '\u{2009}'])
        .filter(|g| !g.is_empty())
        .collect();
    if groups.len() > 1 {
        let (first, rest) = groups.split_first().unwrap_or((&"", &[]));
        let leading = first.chars().filter(char::is_ascii_digit).count();
        let ok = (1..=3).contains(&leading)
            && first.chars().all(|c| c.is_ascii_digit())
            && rest.iter().enumerate().all(|(i, g)| {
                let last = i + 1 == rest.len();
                // The last group may carry the decimals: "200,50".
                let whole = if last {
                    g.split([',', '.']).next().unwrap_or("")
                } else {
                    g
                };
                whole.len() == 3 && whole.chars().all(|c| c.is_ascii_digit())
            });
        if !ok {
            return Err(BadAmount::NotANumber);
        }
    }
    let compact: String = groups.concat();
    if compact.contains(['e', 'E']) && compact.chars().any(|c| c.is_ascii_digit()) {
        return Err(BadAmount::Exponent);
    }
    if !compact
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        || !compact.starts_with(|c: char| c.is_ascii_digit())
    {
        return Err(BadAmount::NotANumber);
    }
    let plain = decimal_text(&compact)?;
    let value = Decimal::from_str(&plain).map_err(|_| BadAmount::TooLarge)?;
    // No larger than a plan's amounts may be: sums of them stay exact.
    if value > Amount::MAX.0 {
        return Err(BadAmount::TooLarge);
    }
    if value.normalize().scale() > 2 {
        return Err(BadAmount::FinerThanOre);
    }
    let amount = ore(if negative { -value } else { value });
    Ok(Some(amount))
}

/// A used amount as it is shown: whole kronor without decimals, öre with two (`59 999,50`).
fn ore(value: Decimal) -> Amount {
    let value = value.normalize();
    if value.scale() == 0 {
        Amount(value)
    } else {
        Amount(value).with_decimals(2)
    }
}

/// Digits with `,` and `.` as a decimal mark and thousands separators, as plain decimal text
/// (`1234.50`), or why they cannot be told apart.
fn decimal_text(compact: &str) -> Result<String, BadAmount> {
    let commas = compact.matches(',').count();
    let points = compact.matches('.').count();
    // The decimal mark: the last separator when both kinds appear; a separator that appears
    // once and is not followed by exactly three digits; none when one kind repeats (thousands).
    let mark = match (commas, points) {
        (0, 0) => None,
        (c, p) if c > 0 && p > 0 => {
            let last = compact.rfind([',', '.']).unwrap_or(0);
            compact.get(last..).and_then(|s| s.chars().next())
        }
        (1, 0) | (0, 1) => {
            let sep = if commas == 1 { ',' } else { '.' };
            let (before, after) = compact.split_once(sep).unwrap_or((compact, ""));
            // Three digits after a separator that could end a first group of thousands.
            let could_group = (1..=3).contains(&before.len()) && !before.starts_with('0');
            if after.len() == 3 && could_group {
                return Err(BadAmount::Ambiguous);
            }
            Some(sep)
        }
        _ => None,
    };
    let (whole, fraction) = match mark {
        Some(m) => {
            let at = compact.rfind(m).unwrap_or(compact.len());
            (
                compact.get(..at).unwrap_or(""),
                compact.get(at + 1..).unwrap_or(""),
            )
        }
        None => (compact, ""),
    };
    if fraction.contains([',', '.']) || (mark.is_some() && fraction.is_empty()) {
        return Err(BadAmount::NotANumber);
    }
    // Thousands separators in the whole part: groups of three after the first.
    let groups: Vec<&str> = whole.split([',', '.']).collect();
    if groups.len() > 1 {
        let (first, rest) = groups.split_first().unwrap_or((&"", &[]));
        if !(1..=3).contains(&first.len()) || rest.iter().any(|g| g.len() != 3) {
            return Err(BadAmount::NotANumber);
        }
    }
    let digits: String = groups.concat();
    if digits.is_empty() {
        return Err(BadAmount::NotANumber);
    }
    Ok(if fraction.is_empty() {
        digits
    } else {
        format!("{digits}.{fraction}")
    })
}

/// A number a workbook stores (a double), as the exact decimal the spreadsheet shows: to 15
/// significant digits, as Excel and LibreOffice show and compute with. A formula's result
/// within a double's noise of a whole öre (`=D11*0,7` stored as 944999.9999999999, shown as
/// 945 000) is that öre amount: off by less than a millionth of a millionth of it (the noise
/// of a double is some ten thousand times less, a value typed finer than öre some thousand
/// times more for any amount below 5 000 000 000 kr). What is finer than that (944999.995)
/// is refused, and told as the spreadsheet shows it, not as the raw double.
fn amount_of_double(value: f64) -> Entry {
    if !value.is_finite() {
        return Entry::Bad {
            written: value.to_string(),
            why: BadAmount::NotANumber,
        };
    }
    // Noise around 0 (`=0,1+0,2-0,3`), below the places a decimal holds.
    if value.abs() < NOISE {
        return Entry::Amount(Amount::ZERO);
    }
    let Ok(shown) = Decimal::from_scientific(&format!("{value:.14e}")) else {
        return Entry::Bad {
            written: format!("{value:e}"),
            why: BadAmount::TooLarge,
        };
    };
    let shown = shown.normalize();
    if shown.abs() > Amount::MAX.0 {
        return Entry::Bad {
            written: format!("{value:e}"),
            why: BadAmount::TooLarge,
        };
    }
    let whole_ore = shown.round_dp(2);
    let noise =
        Decimal::try_from(NOISE).unwrap_or(Decimal::ZERO) * whole_ore.abs().max(Decimal::ONE);
    if shown.scale() <= 2 || (shown - whole_ore).abs() <= noise {
        Entry::Amount(ore(whole_ore))
    } else {
        Entry::Bad {
            written: shown.to_string(),
            why: BadAmount::FinerThanOre,
        }
    }
}

/// How far from a whole öre, relative to the amount (or to 1 kr below it), a spreadsheet's
/// double may be and still be that öre amount.
const NOISE: f64 = 1e-12;

fn entry_of_text(text: &str) -> Entry {
    match parse_amount(text) {
        Ok(None) => Entry::Empty,
        Ok(Some(a)) => Entry::Amount(a),
        Err(BadAmount::Ambiguous) => Entry::Ambiguous {
            written: text.trim().to_string(),
            readings: readings(text),
        },
        Err(why) => Entry::Bad {
            written: text.trim().to_string(),
            why,
        },
    }
}

/// What an amount [`parse_amount`] finds ambiguous (`21,200 kr`: one separator followed by
/// exactly three digits) is, read either way, that is an amount: the separator taken for a
/// thousands separator (21 200 kr) and for a decimal mark (21,2 kr; `21,234` is finer than
/// öre, no amount).
fn readings(text: &str) -> Vec<Amount> {
    let Some(at) = text.find([',', '.']) else {
        return Vec::new();
    };
    let (before, after) = (
        text.get(..at).unwrap_or(""),
        text.get(at + 1..).unwrap_or(""),
    );
    // The three digits after the separator, and what follows them (` kr`).
    let (digits, rest) = (after.get(..3).unwrap_or(""), after.get(3..).unwrap_or(""));
    let sep = text.get(at..=at).unwrap_or("");
    // Without the separator; with a fourth decimal, which no thousands group has.
    let grouped = format!("{before}{digits}{rest}");
    let decimal = format!("{before}{sep}{digits}0{rest}");
    [grouped, decimal]
        .iter()
        .filter_map(|t| parse_amount(t).ok().flatten())
        .collect()
}

/// CSV text as rows of cells with their byte spans (quoted fields, doubled quotes, line ends
/// inside quotes, `\r\n` and `\n`).
///
/// Written here rather than with the `csv` crate (which `input::scb` reads key files with):
/// a form's findings point at a cell, so each field needs its span, and the form is told a
/// quote left open (which swallows the rest of the form into one cell); `csv::Reader` gives a
/// record's position only, and `csv_core`, which would give each field's length, ends an open
/// quote at the file's end without a word.
fn csv_grid(text: &str, delimiter: char, file: usize) -> Grid {
    let mut grid = Vec::new();
    let mut row = Vec::new();
    let mut chars = text.char_indices().peekable();
    let cell = |value: String, span: Range<usize>, quote: Option<Quote>| Cell {
        stored: None,
        text: value,
        place: Place {
            file,
            at: At::Text(span),
        },
        quote,
    };
    loop {
        let start = chars.peek().map_or(text.len(), |&(i, _)| i);
        let mut value = String::new();
        let mut end = start;
        let mut quoted = false;
        if let Some(&(_, '"')) = chars.peek() {
            quoted = true;
            chars.next();
        }
        let mut in_quotes = quoted;
        // What ends the field: a delimiter, a line end, or the end of the text.
        let mut ended_by = None;
        while let Some(&(i, c)) = chars.peek() {
            if in_quotes {
                chars.next();
                if c == '"' {
                    if let Some(&(_, '"')) = chars.peek() {
                        chars.next();
                        value.push('"');
                    } else {
                        in_quotes = false;
                    }
                } else {
                    value.push(c);
                }
                end = chars.peek().map_or(text.len(), |&(j, _)| j);
                continue;
            }
            if c == delimiter || c == '\n' || c == '\r' {
                ended_by = Some((i, c));
                break;
            }
            chars.next();
            // An unquoted field is taken from the text whole, below.
            if quoted {
                value.push(c);
            }
            end = chars.peek().map_or(text.len(), |&(j, _)| j);
        }
        if !quoted {
            value = text.get(start..end).unwrap_or("").to_string();
        }
        let span = if quoted && end > start + 1 {
            // Inside the quotes.
            start + 1..end.saturating_sub(1).max(start + 1)
        } else {
            start..end
        };
        // A quote never closed, or closed after a line break, is told by the form (a comment
        // over lines is fine; rows of the form inside one are not).
        let quote = (quoted && (in_quotes || value.contains(['\n', '\r']))).then_some(Quote {
            at: start,
            closed: !in_quotes,
        });
        row.push(cell(value, span, quote));
        match ended_by {
            Some((_, c)) if c == delimiter => {
                chars.next();
            }
            Some((_, '\r')) => {
                chars.next();
                if let Some(&(_, '\n')) = chars.peek() {
                    chars.next();
                }
                grid.push(std::mem::take(&mut row));
            }
            Some(_) => {
                chars.next();
                grid.push(std::mem::take(&mut row));
            }
            None => {
                grid.push(std::mem::take(&mut row));
                break;
            }
        }
    }
    grid
}

/// A workbook's form: the first of its sheets that has the form's table, as rows of cells
/// with their places (a form saved with a sheet of notes before it is still read). A later
/// sheet that holds a form too (a copy of the form's sheet, a draft, another recipient's
/// form) is a layout the form cannot be read surely with: never skipped unsaid.
fn workbook(path: &Path, bytes: &[u8], file: usize) -> Result<ReadUsage, UsageReadError> {
    let refused = |problem| UsageReadError::Workbook {
        path: path.to_path_buf(),
        problem,
    };
    let mut book = Book::open(bytes).map_err(refused)?;
    let names = book.names();
    let line = |place: &Place| match &place.at {
        At::Cell { row, .. } => *row as usize,
        At::Text(_) => 0,
    };
    let mut found: Option<(UsageFile, usize)> = None;
    for (index, name) in names.iter().enumerate() {
        let (cells, formats) = book.sheet(index, name).map_err(refused)?;
        let grid = grid(cells, &formats, file, index).map_err(refused)?;
        match &mut found {
            None => {
                // Only the form's sheet is asked for its merged cells.
                let merged = match grid.iter().any(|row| is_header(row)) {
                    true => book.merged(index, name).map_err(refused)?,
                    false => Vec::new(),
                };
                if let Some(form) = form(grid, None, &line, &merged) {
                    found = Some((form, index));
                }
            }
            Some((form, first)) => {
                let Some(header) = grid
                    .iter()
                    .find(|row| is_header(row))
                    .and_then(|row| row.iter().find(|c| !visible(&c.text).is_empty()))
                else {
                    continue;
                };
                let first_name = names.get(*first).cloned().unwrap_or_default();
                form.layout.push(Written {
                    value: Layout::SecondSheet {
                        sheet: name.clone(),
                        form: first_name,
                    },
                    place: header.place.clone(),
                });
                // Its recipient has sent a form, though it is not counted.
                if let Some(other) = form_claims(grid, &line) {
                    form.claims.extend(other);
                }
            }
        }
    }
    match found {
        Some((form, _)) => Ok(ReadUsage {
            file: form,
            source: Source::new(path, String::new()),
            format: Format::Workbook,
            sheets: names,
        }),
        None => Err(UsageReadError::NotAForm {
            path: path.to_path_buf(),
            sheets: names.len(),
        }),
    }
}

/// The recipients a grid's form claims to report for, if it is a form.
fn form_claims(grid: Grid, line: &dyn Fn(&Place) -> usize) -> Option<Vec<Claim>> {
    form(grid, None, line, &[]).map(|f| f.claims)
}

/// A sheet's cells that hold a value as rows of cells, with their places: each row that has
/// a value, over the sheet's used columns.
fn grid(
    cells: Vec<workbook::Cell>,
    formats: &Formats,
    file: usize,
    sheet: usize,
) -> Result<Vec<Vec<Cell>>, WorkbookProblem> {
    let left = cells.iter().map(|(_, c, _)| *c).min().unwrap_or(0);
    let last = cells.iter().map(|(_, c, _)| *c).max().unwrap_or(0);
    let mut rows: BTreeMap<u32, Vec<(u32, Data)>> = BTreeMap::new();
    for (r, c, data) in cells {
        rows.entry(r).or_default().push((c, data));
    }
    // Every row as wide as the sheet's used columns (an empty cell of the form still has its
    // place), within the same number of cells as the sheet is read with.
    let width = usize::try_from(last - left + 1).unwrap_or(usize::MAX);
    if rows.len().saturating_mul(width) > workbook::MAX_CELLS {
        return Err(WorkbookProblem::TooManyCells(workbook::MAX_CELLS));
    }
    let mut grid = Vec::new();
    for (r, mut cells) in rows {
        cells.sort_by_key(|(c, _)| *c);
        let mut values = cells.into_iter().peekable();
        let mut row = Vec::new();
        for c in left..=last {
            let data = match values.peek() {
                Some((at, _)) if *at == c => values.next().map_or(Data::Empty, |(_, d)| d),
                _ => Data::Empty,
            };
            let (row_number, column) = (r + 1, c + 1);
            let data = &data;
            let place = Place {
                file,
                at: At::Cell {
                    row: row_number,
                    column,
                    sheet,
                },
            };
            let (text, amount) = match data {
                Data::Empty | Data::String(_) => (data.to_string(), Entry::Empty),
                Data::Int(i) => (
                    i.to_string(),
                    formatted(
                        Entry::Amount(Amount(Decimal::from(*i))),
                        formats.get(&(r, c)),
                    ),
                ),
                Data::Float(f) => (
                    format!("{f}"),
                    formatted(amount_of_double(*f), formats.get(&(r, c))),
                ),
                Data::Bool(b) => (
                    b.to_string(),
                    Entry::Bad {
                        written: b.to_string(),
                        why: BadAmount::NotANumber,
                    },
                ),
                Data::DateTime(d) => {
                    let (y, m, day, ..) = d.to_ymd_hms_milli();
                    let written = format!("{y:04}-{m:02}-{day:02}");
                    (
                        written.clone(),
                        Entry::Bad {
                            written,
                            why: BadAmount::Date,
                        },
                    )
                }
                Data::DateTimeIso(s) | Data::DurationIso(s) => (
                    s.clone(),
                    Entry::Bad {
                        written: s.clone(),
                        why: BadAmount::Date,
                    },
                ),
                Data::Error(e) => (
                    e.to_string(),
                    Entry::Bad {
                        written: e.to_string(),
                        why: BadAmount::NotANumber,
                    },
                ),
            };
            // Text is read as an amount only where one belongs.
            let stored = (!matches!(data, Data::Empty | Data::String(_))).then_some(amount);
            row.push(Cell {
                text,
                stored,
                place,
                quote: None,
            });
        }
        grid.push(row);
    }
    Ok(grid)
}

/// A workbook's numbers' formats, by (row, column) from 0 (only XLSX's are read).
type Formats = std::collections::HashMap<(u32, u32), String>;

/// A workbook from outside: an XLSX file is read within limits, cell by cell
/// (`input::workbook`); an ODS file (a zip too, inflated within the same limits first) and
/// an XLS file are read by `calamine` whole, their cells up to the same number.
enum Book<'b> {
    Xlsx(workbook::Sheets<'b>),
    Other(calamine::Sheets<std::io::Cursor<Vec<u8>>>),
}

impl<'b> Book<'b> {
    fn open(bytes: &'b [u8]) -> Result<Book<'b>, WorkbookProblem> {
        let unreadable = workbook::unreadable;
        // What the XLSX reader found wrong, told when no other reader knows the file either.
        let mut as_xlsx = None;
        if workbook::is_zip(bytes) {
            match workbook::sheets(bytes) {
                Ok(sheets) => return Ok(Book::Xlsx(sheets)),
                // Not an XLSX workbook; the guard has passed, so it may be read whole.
                Err(problem) if workbook::not_xlsx(&problem) => as_xlsx = Some(problem),
                Err(problem) => return Err(problem),
            }
        }
        let book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec()))
            .map_err(|e| match (unreadable(e), as_xlsx) {
                (WorkbookProblem::UnknownFormat, Some(problem)) => problem,
                (problem, _) => problem,
            })?;
        Ok(Book::Other(book))
    }

    /// The sheets' names, in the workbook's order.
    fn names(&self) -> Vec<String> {
        use calamine::Reader;
        match self {
            Book::Xlsx(sheets) => sheets.names().to_vec(),
            Book::Other(book) => book.sheet_names(),
        }
    }

    /// The ranges of merged cells of sheet `index` (named `name`): an XLSX or XLS workbook's
    /// (what calamine reads of an ODS file holds none).
    fn merged(
        &mut self,
        index: usize,
        name: &str,
    ) -> Result<Vec<workbook::Merged>, WorkbookProblem> {
        match self {
            Book::Xlsx(sheets) => sheets.merged(index),
            Book::Other(calamine::Sheets::Xls(xls)) => Ok(xls
                .merge_cells_by_sheet_name(name)
                .map_err(|e| workbook::unreadable(e.into()))?
                .into_iter()
                .map(|d| (d.start, d.end))
                .collect()),
            Book::Other(_) => Ok(Vec::new()),
        }
    }

    /// The cells of sheet `index` (named `name`) that hold a value, as (row, column, value)
    /// from 0, and their numbers' formats.
    fn sheet(
        &mut self,
        index: usize,
        name: &str,
    ) -> Result<(Vec<workbook::Cell>, Formats), WorkbookProblem> {
        use calamine::Reader;
        let unreadable = workbook::unreadable;
        let book = match self {
            Book::Xlsx(sheets) => return Ok((sheets.cells(index)?, sheets.number_formats(index)?)),
            Book::Other(book) => book,
        };
        let range = book
            .worksheet_range_at(index)
            .ok_or(WorkbookProblem::NoSheet)?
            .map_err(unreadable)?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut cells = Vec::new();
        for (r, c, data) in range.used_cells() {
            if cells.len() == workbook::MAX_CELLS {
                return Err(WorkbookProblem::TooManyCells(workbook::MAX_CELLS));
            }
            let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            cells.push((top + at(r), left + at(c), data.clone()));
        }
        // An ODS formula whose value was never saved (`of:=1000+2000` and no `office:value`)
        // has no value above: it is read as the formula, as in XLSX, never as an empty cell.
        if let calamine::Sheets::Ods(ods) = book {
            let formulas = ods
                .worksheet_formula(name)
                .map_err(|e| unreadable(e.into()))?;
            let (top, left) = formulas.start().unwrap_or((0, 0));
            let valued: std::collections::HashSet<(u32, u32)> =
                cells.iter().map(|(r, c, _)| (*r, *c)).collect();
            for (r, c, formula) in formulas.used_cells() {
                let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
                let (r, c) = (top + at(r), left + at(c));
                if formula.is_empty() || valued.contains(&(r, c)) {
                    continue;
                }
                if cells.len() == workbook::MAX_CELLS {
                    return Err(WorkbookProblem::TooManyCells(workbook::MAX_CELLS));
                }
                // OpenFormula's namespace (`of:`) is not what the spreadsheet shows.
                let shown = formula.strip_prefix("of:").unwrap_or(formula);
                let shown = if shown.starts_with('=') {
                    shown.to_string()
                } else {
                    format!("={shown}")
                };
                cells.push((r, c, Data::String(shown)));
            }
        }
        // What calamine reads of an ODS or XLS file holds no number formats: an ODS cell of
        // type percentage or currency is read as its number.
        Ok((cells, Formats::new()))
    }
}

/// A number's entry, unless its cell is formatted as a percentage (`0%`: 0,96 shows as
/// 96 %) or in a unit other than kronor (`#,##0 "tkr"`, `[$€-407] #,##0`): then the number
/// is not what the cell shows in kronor, and is refused as shown.
fn formatted(entry: Entry, format: Option<&String>) -> Entry {
    let (Entry::Amount(amount), Some(format)) = (&entry, format) else {
        return entry;
    };
    let shown = || amount.0.normalize().to_string();
    match format_unit(format) {
        FormatUnit::Percent => Entry::Bad {
            written: format!("{} %", (amount.0 * Decimal::ONE_HUNDRED).normalize()),
            why: BadAmount::Percent,
        },
        FormatUnit::Other(unit) => Entry::Bad {
            written: format!("{} {unit}", shown()),
            why: BadAmount::FormatUnit,
        },
        FormatUnit::Kronor => entry,
    }
}

/// What a number format's first section shows beside the number.
#[derive(Debug, PartialEq)]
enum FormatUnit {
    /// Kronor, or no unit.
    Kronor,
    Percent,
    /// Another unit, as the format writes it.
    Other(String),
}

/// The unit a number format shows: its text in quotes, after `\`, a currency symbol of
/// `[$€-407]`, and symbols and letters written as they are (`$`, `€`); `%` is a percentage.
/// Only the first section (for numbers above zero) is read.
fn format_unit(code: &str) -> FormatUnit {
    let mut literal = String::new();
    let mut percent = false;
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ';' => break,
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                    literal.push(q);
                }
                literal.push(' ');
            }
            '\\' => literal.extend(chars.next()),
            // Padding (`_)`) and fill (`*-`): the next character is no text of the format.
            '_' | '*' => {
                chars.next();
            }
            '[' => {
                let inside: String = chars.by_ref().take_while(|&b| b != ']').collect();
                // `[$€-407]`: the currency symbol before the locale; `[Red]`, `[>100]` show none.
                if let Some(currency) = inside.strip_prefix('$') {
                    literal.push_str(currency.split('-').next().unwrap_or(""));
                    literal.push(' ');
                }
            }
            '%' => percent = true,
            // An exponent (`0.00E+00`) is no unit.
            'E' | 'e' if matches!(chars.peek(), Some('+' | '-')) => {
                chars.next();
            }
            '0'..='9'
            | '#'
            | '?'
            | ','
            | '.'
            | ' '
            | '\u{a0}'
            | '+'
            | '-'
            | '('
            | ')'
            | '/'
            | '@' => {}
            other => literal.push(other),
        }
    }
    if percent {
        return FormatUnit::Percent;
    }
    let literal = literal.split_whitespace().collect::<Vec<_>>().join(" ");
    if literal.is_empty()
        || literal.eq_ignore_ascii_case("general")
        || !crate::core::followup::other_unit(&literal)
    {
        FormatUnit::Kronor
    } else {
        FormatUnit::Other(literal)
    }
}

/// What a column of the form's table holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Insats,
    Text,
    Received,
    Used,
    Comment,
}

fn column_of(header: &str) -> Option<Column> {
    if is_insats_header(header) {
        return Some(Column::Insats);
    }
    let h = fold(header);
    let h = h.trim_end_matches(':');
    if h.starts_with("beskrivning") || h.starts_with("description") {
        Some(Column::Text)
    } else if h.starts_with("mottaget") || h.starts_with("received") {
        Some(Column::Received)
    } else if h.starts_with("använt") || h.starts_with("anvant") || h.starts_with("used") {
        Some(Column::Used)
    } else if h.starts_with("kommentar") || h.starts_with("comment") {
        Some(Column::Comment)
    } else {
        None
    }
}

/// Whether a header of the table is its column's word alone, or with a unit (`Använt`,
/// `Använt (kr)`, `Used:`, `Använt kronor`), not with more words (`Använt, prognos (kr)`).
fn exact_header(header: &str) -> bool {
    let h = fold(header);
    let bare = h
        .split(['(', '['])
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches(':');
    let (word, rest) = bare.split_once(char::is_whitespace).unwrap_or((bare, ""));
    let rest = rest.trim();
    (rest.is_empty() || !crate::core::followup::other_unit(rest))
        && matches!(
            word.trim_end_matches(':'),
            "insats"
                | "insats-id"
                | "id"
                | "beskrivning"
                | "description"
                | "mottaget"
                | "received"
                | "använt"
                | "anvant"
                | "used"
                | "kommentar"
                | "comment"
        )
}

/// A label of the form's header rows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Label {
    Title,
    Recipient,
    Code,
    Invoiced,
}

fn label_of(text: &str) -> Option<Label> {
    // What shows: a second byte-order mark or a zero-width space before the title does not
    // keep it from being the title (and last year's form from being told by its year).
    let label = fold(visible(text));
    let label = label.trim_end_matches(':').trim();
    if label.starts_with("redovisning av") || label.starts_with("report on the use") {
        Some(Label::Title)
    } else if label.starts_with("mottagare") || label.starts_with("recipient") {
        Some(Label::Recipient)
    } else if label.starts_with("kommunkod") || label.starts_with("municipality code") {
        Some(Label::Code)
    } else if label.starts_with("samlingsfaktura") || label.starts_with("collective invoice") {
        Some(Label::Invoiced)
    } else {
        None
    }
}

/// The unit an amount column's header names after the column's word, as written: `tkr` in
/// `Använt (tkr)`, `Använt i tkr`, `Använt/tkr` or `Använt (kr) i tkr`; `None` when it names
/// none. Everything after the word is read: what any bracket holds is a unit, and so are
/// words outside brackets that speak of money or scale (`Använt tkr`; `Använt belopp` names
/// none). The first unit that is not kronor is the one named (a bracket after kronor that
/// notes VAT only, `(kr) (inkl. moms)`, is none), else the kronor: a header is refused for
/// any scale or currency it writes, not only for its first.
fn unit_of(header: &str) -> Option<String> {
    let header = header.trim();
    // The column's word ends at its first character that is no letter or digit.
    let word_end = header
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(header.len());
    let mut rest = header.get(word_end..).unwrap_or("");
    let mut units: Vec<&str> = Vec::new();
    loop {
        let (before, bracketed, after) = match rest.find(['(', '[']) {
            // What the brackets hold, up to where they close (or the end).
            Some(open) => {
                let inside = rest.get(open + 1..).unwrap_or("");
                let (unit, after) = inside.split_once([')', ']']).unwrap_or((inside, ""));
                (rest.get(..open).unwrap_or(""), Some(unit.trim()), after)
            }
            None => (rest, None, ""),
        };
        // "Använt i tkr", "Använt (kr), tkr", "Used in tkr": the unit after the word for it.
        let separators = |c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '/' | '\\' | '_' | '-' | '.' | '–')
        };
        let words = before.trim_matches(separators);
        // The column's noun is no unit: "Använt belopp, kr", "Used amount in SEK".
        let words = match words.split_once(|c: char| !c.is_alphanumeric()) {
            Some((noun, after)) if is_amount_noun(noun) => after.trim_matches(separators),
            None if is_amount_noun(words) => "",
            _ => words,
        };
        let words = ["i ", "I ", "in ", "In "]
            .iter()
            .find_map(|p| words.strip_prefix(p))
            .unwrap_or(words)
            .trim();
        if !words.is_empty() && speaks_of_money(words) {
            units.push(words);
        }
        match bracketed {
            Some(unit) => {
                if !unit.is_empty() {
                    units.push(unit);
                }
                rest = after;
            }
            None => break,
        }
    }
    let other = |unit: &&str| crate::core::followup::other_unit(unit);
    // A note on VAT alone, after the kronor: `Använt (kr) (inkl. moms)`.
    let note = |unit: &&str| !crate::core::followup::other_unit(&format!("kr {unit}"));
    let first = units.first().copied();
    units
        .iter()
        .enumerate()
        .find(|(i, unit)| {
            other(unit) && !(*i > 0 && first.is_some_and(|f| !other(&f)) && note(unit))
        })
        .map(|(_, unit)| *unit)
        .or(first)
        .map(str::to_string)
}

/// Whether a word is the noun of an amount column's header (`belopp` of `Använt belopp`).
fn is_amount_noun(word: &str) -> bool {
    ["belopp", "beloppet", "amount"]
        .iter()
        .any(|noun| word.eq_ignore_ascii_case(noun))
}

/// Whether words name a currency, a scale or a share: `kr`, `tkr`, `SEK`, `€`, `tusental`,
/// `000`, `%`, `andel`.
fn speaks_of_money(words: &str) -> bool {
    let folded = fold(words);
    folded.contains(['€', '$', '£', '%', ':'])
        || folded.contains("000")
        || folded.split(|c: char| !c.is_alphanumeric()).any(|word| {
            word.ends_with("kr")
                || word.ends_with("kronor")
                || word.ends_with("sek")
                || matches!(
                    word,
                    "öre"
                        | "eur"
                        | "euro"
                        | "usd"
                        | "nok"
                        | "dkk"
                        | "andel"
                        | "procent"
                        | "percent"
                        | "share"
                )
                || word.starts_with("tusen")
                || word.starts_with("thousand")
                || word.starts_with("miljon")
                || word.starts_with("million")
        })
}

/// Whether a header names the Insats column: `Insats`, `insats-id`, `ID:`. Asked of every
/// cell of every row (is it another header row?), so without folding: the words are ASCII,
/// and no other letter than an ASCII one is one of theirs in lower case or composed.
fn is_insats_header(header: &str) -> bool {
    let h = header.trim().trim_end_matches(':');
    ["insats", "insats-id", "id"]
        .iter()
        .any(|word| h.eq_ignore_ascii_case(word))
}

/// Whether a cell's text is short enough to be one of the form's words (`Totalt`, `Summa:`),
/// so that it is worth folding to compare: a description, asked on every row, is not.
fn is_word(text: &str) -> bool {
    text.trim().len() <= 32
}

/// A cell's column, one-based: a workbook cell's own, else its place in the row.
fn column_number(cell: &Cell, index: usize) -> u32 {
    match cell.place.at {
        At::Cell { column, .. } => column,
        At::Text(_) => u32::try_from(index + 1).unwrap_or(u32::MAX),
    }
}

/// Whether a row is the form's table's header row (`Insats` and `Använt`). Every row is
/// asked whether it is another header row: only a row with an Insats header is folded for it.
fn is_header(row: &[Cell]) -> bool {
    row.iter().any(|c| is_insats_header(&c.text))
        && row.iter().any(|c| column_of(&c.text) == Some(Column::Used))
}

/// The form in a grid: the header rows above the table, and the table's rows. `delimiter` is
/// a CSV file's (`None` for a workbook), `line` gives a place's line (or row), `merged` a
/// workbook sheet's ranges of merged cells.
fn form(
    grid: Grid,
    delimiter: Option<char>,
    line: &dyn Fn(&Place) -> usize,
    merged: &[workbook::Merged],
) -> Option<UsageFile> {
    let header_at = grid.iter().position(|row| is_header(row))?;
    let header = grid.get(header_at)?;
    let file_start = grid.iter().flatten().next().map(|c| c.place.clone());
    // Each column's header cells. Of two, a header that is the column's word alone (with at
    // most its unit) is the column, and one that says more (`Använt, prognos (kr)`) is another
    // column of the recipient's; else which is meant cannot be told.
    let candidates = |column: Column| -> Vec<usize> {
        header
            .iter()
            .enumerate()
            .filter(|(_, c)| column_of(&c.text) == Some(column))
            .map(|(i, _)| i)
            .collect()
    };
    let chosen = |column: Column| -> Vec<usize> {
        let all = candidates(column);
        let exact: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&i| header.get(i).is_some_and(|c| exact_header(&c.text)))
            .collect();
        if all.len() > 1 && exact.len() == 1 {
            exact
        } else {
            all
        }
    };
    let find = |column: Column| chosen(column).first().copied();
    let (insats_col, used_col) = (find(Column::Insats)?, find(Column::Used)?);
    let (text_col, received_col, comment_col) = (
        find(Column::Text),
        find(Column::Received),
        find(Column::Comment),
    );
    let mut layout = Vec::new();
    // A column named twice: which one is meant cannot be told. An amount column in another
    // unit than kronor would be read a thousand times wrong.
    let mut seen: Vec<(Column, usize)> = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        let Some(column) = column_of(&cell.text) else {
            continue;
        };
        if !chosen(column).contains(&i) {
            continue;
        }
        if let Some(&(_, first)) = seen.iter().find(|(c, _)| *c == column) {
            let first_cell = header.get(first).unwrap_or(cell);
            layout.push(Written {
                value: Layout::RepeatedColumn {
                    header: cell.text.trim().to_string(),
                    first_header: first_cell.text.trim().to_string(),
                    first: column_number(first_cell, first),
                    second: column_number(cell, i),
                    first_place: first_cell.place.clone(),
                },
                place: cell.place.clone(),
            });
        } else {
            seen.push((column, i));
        }
        if matches!(column, Column::Received | Column::Used)
            && let Some(unit) = unit_of(&cell.text)
        {
            layout.push(Written {
                value: Layout::Unit {
                    header: cell.text.trim().to_string(),
                    unit,
                },
                place: cell.place.clone(),
            });
        }
    }

    // The header rows: a label and its value; a label twice is another form's, or a
    // correction, and which counts cannot be told.
    let mut name: Option<Written<String>> = None;
    let mut code: Option<Written<String>> = None;
    let mut invoiced: Option<Written<String>> = None;
    let mut stated: Option<Written<String>> = None;
    let mut labels: Vec<(Label, &Cell)> = Vec::new();
    // A label is a row's first cell with text, in whichever column (a column added to the
    // left moves it), and its value the next cell with text to its right.
    for row in grid.iter().take(header_at) {
        let Some(at) = row.iter().position(|c| !visible(&c.text).is_empty()) else {
            continue;
        };
        let Some(cell) = row.get(at) else { continue };
        let Some(label) = label_of(&cell.text) else {
            continue;
        };
        if let Some(&(_, first)) = labels.iter().find(|(l, _)| *l == label) {
            layout.push(Written {
                value: Layout::RepeatedLabel {
                    label: cell.text.trim().to_string(),
                    first: line(&first.place),
                    second: line(&cell.place),
                    first_place: first.place.clone(),
                },
                place: cell.place.clone(),
            });
            continue;
        }
        labels.push((label, cell));
        let value = row
            .iter()
            .skip(at + 1)
            .find(|c| !visible(&c.text).is_empty())
            .or_else(|| row.get(at + 1))
            .map_or_else(
                || Written {
                    value: String::new(),
                    place: cell.place.clone(),
                },
                |c| Written {
                    value: visible(&c.text).to_string(),
                    place: c.place.clone(),
                },
            );
        match label {
            Label::Title => stated = Some(value),
            Label::Recipient => name = Some(value),
            Label::Code => code = Some(value).filter(|w| !w.value.is_empty()),
            Label::Invoiced => invoiced = Some(value),
        }
    }
    // The kommunkod names a kommun more surely than its name; a form without either names no
    // one, which is reported at its first cell.
    let first_cell = grid
        .iter()
        .flatten()
        .next()
        .map(|c| c.place.clone())
        .unwrap_or(Place {
            file: 0,
            at: At::Text(0..0),
        });
    // The Mottagare beside a Kommunkod must name the same kommun.
    let named = name
        .clone()
        .filter(|n| code.is_some() && !n.value.trim().is_empty());
    let recipient = code.or(name).unwrap_or(Written {
        value: String::new(),
        place: first_cell,
    });

    // The table's columns: up to its header's last, or as many fields as a CSV header row has.
    let width = header
        .iter()
        .rposition(|c| !c.text.trim().is_empty())
        .map_or(0, |i| i + 1);
    // A CSV quote never closed makes the rest of the file one field; one closed lines later
    // around what look like the form's rows hides them in a comment. Either way rows are lost.
    if let Some(delimiter) = delimiter {
        for (cell, quote) in grid
            .iter()
            .flatten()
            .filter_map(|c| c.quote.map(|q| (c, q)))
        {
            let opening = Place {
                file: cell.place.file,
                at: At::Text(quote.at..quote.at + 1),
            };
            let first = line(&opening);
            let value = if !quote.closed {
                Layout::UnclosedQuote { line: first }
            } else if cell
                .text
                .lines()
                .skip(1)
                .any(|l| l.split(delimiter).count() >= width.max(2))
            {
                Layout::QuotedRows {
                    line: first,
                    through: first + cell.text.matches('\n').count(),
                }
            } else {
                continue;
            };
            layout.push(Written {
                value,
                place: opening,
            });
        }
    }

    // The columns whose cells are read for the figures and for checking them (not the
    // comment's), as the workbook numbers them, and where the header row stands.
    let checked_columns: Vec<u32> = [Some(insats_col), text_col, received_col, Some(used_col)]
        .into_iter()
        .flatten()
        .filter_map(|i| header.get(i).map(|c| column_number(c, i)))
        .collect();
    let header_place = header.first().map(|c| c.place.clone());
    let header_line = header_place.as_ref().map_or(0, line);
    // The line of the table's last row read (one with an insats or an amount used).
    let mut table_end = header_line;

    let mut rows = Vec::new();
    // The total rows (the workbook's sums), each with the amount it states, its line and how
    // many rows stand above it. A subtotal sums the rows since the total before it, a grand
    // total all rows above it; the last total ends the table, and a row below it is not one
    // of the form's.
    let mut totals: Vec<(Written<Entry>, Option<usize>, usize)> = Vec::new();
    let mut text_amounts = Vec::new();
    let header_len = header.len();
    for mut row in grid.into_iter().skip(header_at + 1) {
        if row.iter().all(|c| c.text.trim().is_empty()) {
            continue;
        }
        // Another form pasted below this one: its title, a label of its header, or its
        // table's header row. Its rows are not this form's.
        if let Some(first) = row
            .iter()
            .find(|c| !visible(&c.text).is_empty())
            .or_else(|| row.first())
            && (label_of(&first.text).is_some_and(|l| l != Label::Invoiced) || is_header(&row))
        {
            layout.push(Written {
                value: Layout::SecondForm {
                    line: line(&first.place),
                },
                place: first.place.clone(),
            });
            break;
        }
        let at = |col: Option<usize>| col.and_then(|i| row.get(i));
        let insats = at(Some(insats_col));
        let insats_text = insats.map_or("", |c| c.text.trim());
        // A row of the table names an insats or an amount used (a note below it does not).
        if let Some(first) = row.first()
            && (!insats_text.is_empty()
                || row.get(used_col).is_some_and(|c| !c.text.trim().is_empty()))
        {
            table_end = table_end.max(line(&first.place));
        }
        // A total row (the workbook's sums) names no insats and says so.
        let is_total = insats_text.is_empty()
            && row.iter().take(4).any(|c| {
                is_word(&c.text)
                    && matches!(
                        fold(&c.text).trim_end_matches(':'),
                        "totalt" | "total" | "summa" | "sum"
                    )
            });
        if is_total {
            // One without an amount used is a label, read past: it ends nothing.
            if let Some(stated) = row.get(used_col).map(|cell| Written {
                value: cell.amount(),
                place: cell.place.clone(),
            }) && stated.value != Entry::Empty
            {
                totals.push((stated, row.first().map(|c| line(&c.place)), rows.len()));
            }
            continue;
        }
        // Where a missing cell would be: the end of the row's last cell.
        let fallback = || {
            row.last().map_or_else(
                || recipient.place.clone(),
                |c| Place {
                    file: c.place.file,
                    at: match &c.place.at {
                        At::Text(span) => At::Text(span.end..span.end),
                        other => other.clone(),
                    },
                },
            )
        };
        // A value beyond the header's columns: in CSV, a delimiter in a field (`100,000`
        // unquoted) that shifts the fields after it.
        let beyond_at = row
            .iter()
            .skip(width)
            .position(|c| !c.text.trim().is_empty())
            .map(|i| width + i);
        let beyond = beyond_at.and_then(|i| row.get(i));
        let longer = delimiter.is_some() && row.len() > header_len;
        // In a file whose delimiter is no part of an amount (`;`, a tab), a value beyond the
        // table was most likely typed there (a note right of the table): told at it, by its
        // cell.
        let named = match (beyond, beyond_at, delimiter) {
            (Some(cell), Some(i), Some(d)) if d != ',' => Some(Beyond {
                text: cell.text.trim().to_string(),
                column: column_number(cell, i),
                line: line(&cell.place),
            }),
            _ => None,
        };
        // Else told at the row's first field in CSV, where the split may be anywhere in the
        // line; in a workbook, at the cell outside the table.
        let overflow = match (beyond, longer, delimiter) {
            (Some(cell), _, Some(_)) if named.is_some() => Some(cell),
            (Some(_), _, Some(_)) | (None, true, _) => row.first(),
            (Some(cell), _, None) => Some(cell),
            (None, false, _) => None,
        }
        .map(|cell| Written {
            value: Overflow {
                fields: if longer {
                    row.len()
                } else {
                    row.iter()
                        .rposition(|c| !c.text.trim().is_empty())
                        .map_or(0, |i| i + 1)
                },
                columns: if longer && named.is_none() {
                    header_len
                } else {
                    width
                },
                delimiter,
                beyond: named,
            },
            place: cell.place.clone(),
        });
        let used = match at(Some(used_col)) {
            Some(c) => {
                // A workbook's amount written as text: read, but left out of the
                // spreadsheet's own sum (a CSV form's cells are all text).
                let value = c.amount();
                if let (None, None, Entry::Amount(a), At::Cell { row, column, .. }) =
                    (delimiter, &c.stored, &value, &c.place.at)
                    && *a != Amount::ZERO
                {
                    text_amounts.push((*row, *column));
                }
                Written {
                    value,
                    place: c.place.clone(),
                }
            }
            None => Written {
                value: Entry::Empty,
                place: fallback(),
            },
        };
        let received = received_col.map(|i| match row.get(i) {
            Some(c) => Written {
                value: c.amount(),
                place: c.place.clone(),
            },
            None => Written {
                value: Entry::Empty,
                place: fallback(),
            },
        });
        let comment = at(comment_col)
            .map(|c| c.text.trim().to_string())
            .filter(|c| !c.is_empty());
        let missing = fallback();
        // The texts are moved into the row read, not copied (its amounts are read above).
        let mut take = |i: usize| match row.get_mut(i) {
            Some(c) => Written {
                value: std::mem::take(&mut c.text),
                place: c.place.clone(),
            },
            None => Written {
                value: String::new(),
                place: missing.clone(),
            },
        };
        rows.push(UsageRow {
            recipient: recipient.clone(),
            insats: take(insats_col),
            text: text_col.map(&mut take),
            received,
            used,
            comment,
            overflow,
            below_total: None,
        });
    }
    // A range of cells merged over rows of the table: a spreadsheet keeps its value in its
    // first cell, so an amount meant for two rows would be booked to the first alone, and an
    // insats id to the first row only.
    if let Some(Place {
        file,
        at: At::Cell { sheet, .. },
    }) = &header_place
    {
        for &((top, left), (bottom, right)) in merged {
            let (top, bottom, left, right) = (top + 1, bottom + 1, left + 1, right + 1);
            let (first, last) = (top as usize, bottom as usize);
            if last > first
                && last > header_line
                && first <= table_end
                && checked_columns.iter().any(|c| (left..=right).contains(c))
            {
                layout.push(Written {
                    value: Layout::Merged {
                        top,
                        left,
                        bottom,
                        right,
                    },
                    place: Place {
                        file: *file,
                        at: At::Cell {
                            row: top,
                            column: left,
                            sheet: *sheet,
                        },
                    },
                });
            }
        }
    }
    // The rows below the last total are outside the table it ends.
    if let Some((_, total_line, above)) = totals.last() {
        for row in rows.iter_mut().skip(*above) {
            row.below_total = *total_line;
        }
    }
    // A total row is not counted, but one that disagrees with the rows leaves it unsure which
    // figures the recipient meant: one that is neither the sum of the rows since the total
    // before it (a subtotal) nor of all rows above it (a grand total). (Where a row's amount
    // cannot be read, that is told.)
    let sum = |rows: &[UsageRow]| {
        let mut sum = Some(Amount::ZERO);
        for row in rows {
            sum = match (&row.used.value, sum) {
                (Entry::Amount(a), Some(s)) => Some(s + *a),
                (Entry::Empty, s) => s,
                _ => None,
            };
        }
        sum
    };
    let mut since = 0;
    for (total, _, above) in &totals {
        let section = rows.get(since..*above).and_then(sum);
        let all = rows.get(..*above).and_then(sum);
        since = *above;
        if let Entry::Amount(stated) = total.value
            && section != Some(stated)
            && let Some(all) = all.filter(|&all| all != stated)
        {
            layout.push(Written {
                value: Layout::TotalRow {
                    stated,
                    rows: all,
                    text: text_amounts.clone(),
                },
                place: total.place.clone(),
            });
        }
    }
    // The title row says the year (`Jämtlands län 2026`); a form without it is undated at its
    // start (one whose title has no year, the matching tells).
    let undated = match &stated {
        Some(_) => None,
        None => file_start.map(|place| crate::core::followup::Undated { place, form: true }),
    };
    Some(UsageFile {
        claims: vec![Claim {
            recipient: recipient.clone(),
            named,
            invoiced,
        }],
        rows,
        stated,
        undated,
        layout,
    })
}

/// A TOML usage file:
///
/// ```toml
/// year = 2026
/// county = "Jämtlands län"
///
/// [[recipients]]
/// recipient = "Berg"
/// invoiced = true
///
/// [[usage]]
/// recipient = "Berg"
/// insats = "1.3"
/// used = 21_200
/// comment = "…"
/// ```
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlUsage {
    /// The year reported on, as a form's title row says it.
    year: Option<Spanned<TomlYear>>,
    /// The county, likewise.
    county: Option<Spanned<String>>,
    #[serde(default)]
    recipients: Vec<TomlRecipient>,
    #[serde(default)]
    usage: Vec<TomlRow>,
}

/// A usage file's `year`: a whole number, or one in quotes (`"2026"`), as its digits. Any
/// other value (`2026.0`, `"2026.0"`, `true`, a date) is the wrong type, told as a plan's
/// `year` is (`fel typ: decimaltal, förväntade ett heltal`, `skriv ett heltal, utan
/// decimaler: 2026`), rather than read as a title naming another year and none.
struct TomlYear(String);

impl<'de> Deserialize<'de> for TomlYear {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = TomlYear;

            // serde's name for a plan's `year`, so that the error is worded as its is.
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("i32")
            }

            fn visit_i64<E: serde::de::Error>(self, year: i64) -> Result<TomlYear, E> {
                Ok(TomlYear(year.to_string()))
            }

            fn visit_u64<E: serde::de::Error>(self, year: u64) -> Result<TomlYear, E> {
                Ok(TomlYear(year.to_string()))
            }

            fn visit_str<E: serde::de::Error>(self, year: &str) -> Result<TomlYear, E> {
                let digits = year.trim();
                if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
                    Ok(TomlYear(digits.to_string()))
                } else {
                    Err(E::invalid_type(serde::de::Unexpected::Str(year), &self))
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlRecipient {
    recipient: Spanned<String>,
    invoiced: Option<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlRow {
    recipient: Spanned<String>,
    insats: Spanned<toml::Value>,
    used: Spanned<toml::Value>,
    comment: Option<String>,
}

fn toml_usage(source: &Source, file: usize) -> Result<UsageFile, UsageReadError> {
    // A byte-order mark is blanked with spaces of its length, so spans index the text.
    let blanked;
    let body = match source.text.strip_prefix('\u{feff}') {
        Some(rest) => {
            blanked = format!("{}{rest}", " ".repeat('\u{feff}'.len_utf8()));
            blanked.as_str()
        }
        None => source.text.as_str(),
    };
    let parsed: TomlUsage = toml::from_str(body).map_err(|e| UsageReadError::Toml {
        source: Box::new(source.clone()),
        error: crate::input::plan::toml_error(&e, body),
    })?;
    let place = |span: Range<usize>| Place {
        file,
        at: At::Text(span),
    };
    let written = |s: &Spanned<String>| Written {
        value: s.get_ref().clone(),
        place: place(s.span()),
    };
    // A value as its text in the file: `insats = 3.10` is "3.10", not the float 3.1.
    let literal = |v: &Spanned<toml::Value>| match v.get_ref() {
        toml::Value::String(s) => s.clone(),
        _ => body.get(v.span()).unwrap_or("").trim().to_string(),
    };
    if parsed.recipients.is_empty() && parsed.usage.is_empty() {
        return Err(UsageReadError::NothingReported {
            path: source.path.clone(),
        });
    }
    // What the file says it is for, as a form's title row would: `Jämtlands län 2026`.
    let year = parsed.year.as_ref().map(|y| Written {
        value: y.get_ref().0.clone(),
        place: place(y.span()),
    });
    let county = parsed.county.as_ref().map(written);
    let stated = match (county, year.clone()) {
        (Some(county), Some(year)) => Some(Written {
            value: format!("{} {}", county.value, year.value),
            place: year.place,
        }),
        (county, year) => county.or(year),
    };
    let undated = year.is_none().then(|| crate::core::followup::Undated {
        place: place(0..0),
        form: false,
    });
    let claims = parsed
        .recipients
        .iter()
        .map(|r| Claim {
            recipient: written(&r.recipient),
            named: None,
            invoiced: r.invoiced.as_ref().map(|v| Written {
                value: match v.get_ref() {
                    toml::Value::Boolean(true) => "ja".to_string(),
                    toml::Value::Boolean(false) => "nej".to_string(),
                    _ => literal(v),
                },
                place: place(v.span()),
            }),
        })
        .collect();
    let rows = parsed
        .usage
        .iter()
        .map(|r| {
            let used = match r.used.get_ref() {
                // `0x10`, `0o20`, `0b10000`: TOML reads 16, no one reading the file would.
                toml::Value::Integer(i) => match base_of(&literal(&r.used)) {
                    Some((radix, _)) => Entry::Bad {
                        written: literal(&r.used),
                        why: BadAmount::NotDecimal { radix, value: *i },
                    },
                    None => Entry::Amount(Amount::kr(*i)),
                },
                toml::Value::String(s) => entry_of_text(s),
                toml::Value::Float(f) if !f.is_finite() => Entry::Bad {
                    written: literal(&r.used),
                    why: BadAmount::NotANumber,
                },
                // Written with an exponent (`1.5e4`), refused as on a form.
                toml::Value::Float(_) if literal(&r.used).contains(['e', 'E']) => Entry::Bad {
                    written: literal(&r.used),
                    why: BadAmount::Exponent,
                },
                toml::Value::Float(_) => {
                    let text = literal(&r.used).replace('_', "");
                    match Decimal::from_str(&text) {
                        Ok(d) if d.scale() > 2 && d.round_dp(2) != d => Entry::Bad {
                            written: text,
                            why: BadAmount::FinerThanOre,
                        },
                        Ok(d) => Entry::Amount(ore(d)),
                        Err(_) => Entry::Bad {
                            written: text,
                            why: BadAmount::TooLarge,
                        },
                    }
                }
                toml::Value::Datetime(_) => Entry::Bad {
                    written: literal(&r.used),
                    why: BadAmount::Date,
                },
                _ => Entry::Bad {
                    written: literal(&r.used),
                    why: BadAmount::NotANumber,
                },
            };
            UsageRow {
                recipient: written(&r.recipient),
                insats: Written {
                    value: literal(&r.insats),
                    place: place(r.insats.span()),
                },
                text: None,
                received: None,
                used: Written {
                    value: used,
                    place: place(r.used.span()),
                },
                comment: r.comment.clone(),
                overflow: None,
                below_total: None,
            }
        })
        .collect();
    Ok(UsageFile {
        claims,
        rows,
        stated,
        undated,
        ..UsageFile::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `input::plan::USAGE_KEYS` is what this reader takes, so that a report given as the
    /// plan is known by its tables.
    #[test]
    fn the_usage_tables_are_the_reports_top_level_keys() {
        let Err(UsageReadError::Toml { error, .. }) = from_bytes(Path::new("u.toml"), b"[x]\n", 0)
        else {
            panic!("read")
        };
        let crate::input::plan::ParseErrorKind::UnknownKey { expected, .. } = error.kind else {
            panic!("{:?}", error.kind)
        };
        assert_eq!(expected, crate::input::plan::USAGE_KEYS);
    }

    fn kr(text: &str) -> Result<Option<Amount>, BadAmount> {
        parse_amount(text)
    }

    fn ore(cents: i64) -> Amount {
        Amount(Decimal::new(cents, 2))
    }

    #[test]
    fn amounts_as_people_write_them() {
        assert_eq!(kr(""), Ok(None));
        assert_eq!(kr("  "), Ok(None));
        assert_eq!(kr("21200"), Ok(Some(Amount::kr(21_200))));
        assert_eq!(kr("21 200"), Ok(Some(Amount::kr(21_200))));
        assert_eq!(kr("21\u{a0}200 kr"), Ok(Some(Amount::kr(21_200))));
        assert_eq!(
            kr("1\u{202f}350\u{202f}000"),
            Ok(Some(Amount::kr(1_350_000)))
        );
        assert_eq!(kr("21200,50"), Ok(Some(ore(2_120_050))));
        assert_eq!(kr("21 200,5"), Ok(Some(ore(2_120_050))));
        assert_eq!(kr("21200.50"), Ok(Some(ore(2_120_050))));
        assert_eq!(kr("1.350.000"), Ok(Some(Amount::kr(1_350_000))));
        assert_eq!(kr("1,350,000"), Ok(Some(Amount::kr(1_350_000))));
        assert_eq!(kr("1.350.000,50"), Ok(Some(ore(135_000_050))));
        assert_eq!(kr("1,350,000.50"), Ok(Some(ore(135_000_050))));
        assert_eq!(kr("500:-"), Ok(Some(Amount::kr(500))));
        assert_eq!(kr("-500"), Ok(Some(Amount::kr(-500))));
        assert_eq!(kr("\u{2212}500 kr"), Ok(Some(Amount::kr(-500))));
        assert_eq!(kr("0"), Ok(Some(Amount::ZERO)));
        assert_eq!(kr("21200,00"), Ok(Some(Amount(Decimal::new(2_120_000, 2)))));
    }

    #[test]
    fn amounts_that_cannot_be_told_are_refused() {
        assert_eq!(kr("1.234"), Err(BadAmount::Ambiguous));
        assert_eq!(kr("1,234"), Err(BadAmount::Ambiguous));
        assert_eq!(kr("12,345"), Err(BadAmount::Ambiguous));
        assert_eq!(kr("99999,995"), Err(BadAmount::FinerThanOre));
        assert_eq!(kr("0,995"), Err(BadAmount::FinerThanOre));
        assert_eq!(kr("1,2345"), Err(BadAmount::FinerThanOre));
        assert_eq!(kr("ca 20 000"), Err(BadAmount::NotANumber));
        assert_eq!(kr("se bilaga"), Err(BadAmount::NotANumber));
        assert_eq!(kr("20 00"), Err(BadAmount::NotANumber));
        assert_eq!(kr("1.2.3"), Err(BadAmount::NotANumber));
        assert_eq!(kr("1,5,"), Err(BadAmount::NotANumber));
        assert_eq!(kr("2E5"), Err(BadAmount::Exponent));
        assert_eq!(kr("1e-300"), Err(BadAmount::Exponent));
        assert_eq!(kr("kr"), Err(BadAmount::NotANumber));
        assert_eq!(kr("-"), Err(BadAmount::NotANumber));
        assert_eq!(
            kr("99999999999999999999999999999999"),
            Err(BadAmount::TooLarge)
        );
        // Beyond a plan's largest amount, as a plan's own are refused.
        assert_eq!(kr("99 999 999 999 999 999 999"), Err(BadAmount::TooLarge));
        assert_eq!(kr("-9 223 372 036 854 775 808"), Err(BadAmount::TooLarge));
        assert_eq!(
            kr("9 223 372 036 854 775 807"),
            Ok(Some(Amount::kr(i64::MAX)))
        );
    }

    #[test]
    fn an_ambiguous_amount_is_read_either_way() {
        let ambiguous = |text: &str| match entry_of_text(text) {
            Entry::Ambiguous { readings, .. } => readings,
            other => panic!("{other:?}"),
        };
        assert_eq!(ambiguous("21,200 kr"), [Amount::kr(21_200), ore(2_120)]);
        assert_eq!(ambiguous("75.000"), [Amount::kr(75_000), Amount::kr(75)]);
        assert_eq!(ambiguous("-1,234"), [Amount::kr(-1_234)]);
        assert_eq!(
            ambiguous("100,000 kr."),
            [Amount::kr(100_000), Amount::kr(100)]
        );
    }

    #[test]
    fn doubles_read_as_the_spreadsheet_shows_them() {
        assert_eq!(amount_of_double(21200.0), Entry::Amount(Amount::kr(21_200)));
        assert_eq!(amount_of_double(1234.56), Entry::Amount(ore(123_456)));
        assert_eq!(amount_of_double(-500.0), Entry::Amount(Amount::kr(-500)));
        assert!(matches!(
            amount_of_double(1e20),
            Entry::Bad {
                why: BadAmount::TooLarge,
                ..
            }
        ));
        // A formula's noise, below the 15 digits shown.
        assert_eq!(
            amount_of_double(1_350_000.0 * 0.7),
            Entry::Amount(Amount::kr(945_000))
        );
        assert_eq!(1_350_000.0 * 0.7, 944_999.999_999_999_9);
        assert_eq!(amount_of_double(0.1 + 0.2), Entry::Amount(ore(30)));
        // Finer than öre where it shows: refused as shown.
        let finer = |value: f64, shown: &str| {
            assert_eq!(
                amount_of_double(value),
                Entry::Bad {
                    written: shown.to_string(),
                    why: BadAmount::FinerThanOre
                }
            );
        };
        finer(944_999.995, "944999.995");
        finer(21_199.094_499_999_99, "21199.0945");
        finer(0.001, "0.001");
        finer(99_999_999.995, "99999999.995");
        // Noise around 0, and around a whole öre of a large amount.
        assert_eq!(amount_of_double(1e-300), Entry::Amount(Amount::ZERO));
        assert_eq!(
            amount_of_double(0.1 + 0.2 - 0.3),
            Entry::Amount(Amount::ZERO)
        );
        assert_eq!(
            amount_of_double(99_999.999_999_999_9),
            Entry::Amount(Amount::kr(100_000))
        );
        assert_eq!(
            amount_of_double(12_689_898.0 * 1.1 / 1.1),
            Entry::Amount(Amount::kr(12_689_898))
        );
        assert!(matches!(
            amount_of_double(1e30),
            Entry::Bad {
                why: BadAmount::TooLarge,
                ..
            }
        ));
    }

    #[test]
    fn an_amount_header_names_its_unit() {
        use crate::core::followup::other_unit;
        let unit = |h: &str| unit_of(h);
        assert_eq!(unit("Använt (kr)").as_deref(), Some("kr"));
        assert_eq!(unit("Använt (tkr)").as_deref(), Some("tkr"));
        assert_eq!(unit("Använt [Mkr]").as_deref(), Some("Mkr"));
        assert_eq!(unit("Använt i öre").as_deref(), Some("öre"));
        assert_eq!(unit("Used in thousands").as_deref(), Some("thousands"));
        assert_eq!(unit("Använt"), None);
        assert_eq!(unit("Använt:"), None);
        assert_eq!(unit("Använt (t kr) 2026").as_deref(), Some("t kr"));
        assert_eq!(unit("Använt belopp (kr").as_deref(), Some("kr"));
        // Words without brackets are a unit only when they speak of money or scale.
        assert_eq!(unit("Använt belopp"), None);
        assert_eq!(unit("Använt totalt"), None);
        assert_eq!(unit("Använt tkr").as_deref(), Some("tkr"));
        assert_eq!(unit("Använt kronor").as_deref(), Some("kronor"));
        assert_eq!(unit("Använt i euro").as_deref(), Some("euro"));
        assert_eq!(unit("Använt 000 kr").as_deref(), Some("000 kr"));
        assert_eq!(unit("Använt belopp (tkr)").as_deref(), Some("tkr"));
        // The column's noun is no unit; the kronor after it are.
        for kronor in [
            "Använt belopp, kr",
            "Använt belopp kr",
            "Använt belopp i kr",
            "Använt belopp, kronor",
            "Använt belopp, SEK",
            "Used amount, SEK",
            "Used amount in kr",
        ] {
            assert!(unit(kronor).is_some_and(|u| !other_unit(&u)), "{kronor}");
        }
        assert_eq!(unit("Använt belopp i tkr").as_deref(), Some("tkr"));
        assert_eq!(
            unit("Använt belopp, tusental kr").as_deref(),
            Some("tusental kr")
        );
        assert_eq!(unit("Used amount (EUR)").as_deref(), Some("EUR"));
        // Everything after the word: after the kronor's bracket, after `/` and `_`.
        assert_eq!(unit("Använt (kr) i tkr").as_deref(), Some("tkr"));
        assert_eq!(unit("Använt (kr) (tkr)").as_deref(), Some("tkr"));
        assert_eq!(unit("Använt (kr), tkr").as_deref(), Some("tkr"));
        assert_eq!(unit("Använt (kr) [tkr]").as_deref(), Some("tkr"));
        assert_eq!(unit("Använt (kr) i tusental").as_deref(), Some("tusental"));
        assert_eq!(unit("Använt (kr) x 1000").as_deref(), Some("x 1000"));
        assert_eq!(unit("Använt (kr) i euro").as_deref(), Some("euro"));
        assert_eq!(unit("Använt/tkr").as_deref(), Some("tkr"));
        assert_eq!(unit("Använt_tkr").as_deref(), Some("tkr"));
        assert_eq!(unit("Använt/kr").as_deref(), Some("kr"));
        assert_eq!(unit("Använt (kr) 2026").as_deref(), Some("kr"));
        assert_eq!(unit("Använt (kr) (inkl. moms)").as_deref(), Some("kr"));
        assert_eq!(unit("Använt (inkl. moms)").as_deref(), Some("inkl. moms"));
        // Anything but kronor is another unit, whether or not a list knows it.
        for other in [
            "tkr",
            "Mkr",
            "öre",
            "TSEK",
            "thousands",
            "%",
            "tusentals kr",
            "t kr",
            "000 kr",
            "'000 kr",
            "1000-tal kr",
            "T SEK",
            "€",
            "$",
            "NOK",
            "andel",
            "kr, tusental",
            "kr/1000",
            "belopp",
            "t.o.m. 31/12",
        ] {
            assert!(other_unit(other), "{other}");
        }
        for kronor in [
            "kr",
            "Kr.",
            "kronor",
            "SEK",
            ":-",
            "i kr",
            "svenska kronor",
            "kr, inkl. moms",
            "SEK exkl moms",
        ] {
            assert!(!other_unit(kronor), "{kronor}");
        }
    }

    #[test]
    fn a_number_format_shows_its_unit() {
        let other = |u: &str| FormatUnit::Other(u.to_string());
        assert_eq!(format_unit("0%"), FormatUnit::Percent);
        assert_eq!(format_unit("0.00%"), FormatUnit::Percent);
        assert_eq!(format_unit("#,##0 \"kr\""), FormatUnit::Kronor);
        assert_eq!(
            format_unit("#,##0\\ \"kr\";[Red]\\-#,##0\\ \"kr\""),
            FormatUnit::Kronor
        );
        assert_eq!(format_unit("#,##0.00 [$kr-41D]"), FormatUnit::Kronor);
        assert_eq!(format_unit("[$SEK] #,##0"), FormatUnit::Kronor);
        assert_eq!(format_unit("#,##0"), FormatUnit::Kronor);
        assert_eq!(format_unit("[$-41D]#,##0"), FormatUnit::Kronor);
        assert_eq!(format_unit("0.00E+00"), FormatUnit::Kronor);
        assert_eq!(format_unit("_-* #,##0_-"), FormatUnit::Kronor);
        assert_eq!(format_unit("#,##0 \"tkr\""), other("tkr"));
        assert_eq!(format_unit("[$€-407] #,##0"), other("€"));
        assert_eq!(format_unit("#,##0.00 €"), other("€"));
        assert_eq!(format_unit("$#,##0.00"), other("$"));
        assert_eq!(format_unit("[$EUR] #,##0"), other("EUR"));
    }

    #[test]
    fn csv_cells_keep_their_spans() {
        let text = "a;\"b;\"\"c\"\"\";\r\nd\n";
        let grid = csv_grid(text, ';', 0);
        // The text's last line end leaves an empty row, which a form skips.
        assert_eq!(grid.len(), 3);
        assert_eq!(grid[2].len(), 1);
        assert!(grid[2][0].text.is_empty());
        let texts: Vec<&str> = grid[0].iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["a", "b;\"c\"", ""]);
        assert_eq!(grid[0][1].place.at, At::Text(3..10));
        assert_eq!(&text[3..10], "b;\"\"c\"\"");
        assert_eq!(grid[1][0].text, "d");
    }
}
