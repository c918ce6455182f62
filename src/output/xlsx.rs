//! XLSX workbooks: one worksheet per view, numbers as numbers in a kronor format, dates as
//! dates (`yyyy-mm-dd`), the header row frozen, an autofilter on each table, a bold total row,
//! and set up for printing (landscape, fitted to the page width, the header row repeated on
//! every page).
//!
//! A total is the formula `SUBTOTAL(109,F2:F45)` over the rows above it, with the figure as
//! its cached value: the file opens showing the figure, and the total follows a filter (the
//! visible rows' sum) and an edited amount. A total that is not its column's sum is written as
//! the figure.
//!
//! Column widths are fitted to the text as it is displayed, so an amount is measured as
//! `1 865 000 kr` (with the number format), not as the bare `1865000`; a column too narrow
//! for its number shows `###` in LibreOffice and Excel. Text longer than about 60 characters
//! is wrapped in its cell. Kommunkoder are text cells with the text format `@`, so `0114`
//! keeps its zero.
//!
//! Excel holds at most 1 048 576 rows in a sheet: a longer table continues on a sheet of its
//! own named `… (2)`, `… (3)`, each with the header row; the total row ends the last one, its
//! formulas summing the rows of every one of them.
//! More columns than Excel's 16 384 cannot be continued that way and are refused, pointing
//! to CSV.
//!
//! XLSX stores every number as an IEEE double, so amounts are converted at this boundary only;
//! whole kronor convert exactly (up to 9 007 199 254 740 992 kr). Text cells are written as
//! strings, which a spreadsheet never runs as formulas.

use rust_xlsxwriter::{
    ExcelDateTime, Format, FormatAlign, Formula, Workbook, Worksheet, XlsxError,
};

use std::ops::Range;

use crate::core::money::Amount;
use crate::core::parallel;
use crate::output::number::{self, EXCEL_MAX_DECIMALS, excel_kronor};
use crate::output::sheet::{Sheet, Value};
use crate::output::text::in_cell;

/// Rows in an Excel worksheet, the header row included.
pub const EXCEL_MAX_ROWS: u32 = 1_048_576;
/// Columns in an Excel worksheet.
pub const EXCEL_MAX_COLUMNS: usize = 16_384;
/// The most characters Excel holds in a cell, counted as UTF-16 units (an emoji is two).
pub const EXCEL_MAX_TEXT: usize = 32_767;
/// Text longer than this (in characters) is wrapped; its column is this wide.
const WRAP_CHARS: usize = 60;
/// Above this many cells a workbook is zipped at the fastest level: a national plan's
/// payments are millions of cells, and deflating them at the default level takes most of the
/// time of the export (the file gets about a third larger).
const FAST_ZIP_CELLS: usize = 1_000_000;

/// Why a workbook cannot be written.
#[derive(Debug)]
pub enum XlsxFailure {
    /// A sheet has more columns than Excel holds.
    TooManyColumns { sheet: String, columns: usize },
    /// An amount with more significant digits than Excel holds exactly (15).
    NotExact(Amount),
    /// A text longer than a cell holds ([`EXCEL_MAX_TEXT`]): in `sheet`, at `row` (as Excel
    /// numbers it) of the column `column`.
    TextTooLong {
        sheet: String,
        row: u32,
        column: String,
        chars: usize,
    },
    /// The library refused (it should not, with the limits above kept).
    Library(XlsxError),
    /// The library's temporary files (in TMPDIR) could not be written, for this reason when
    /// it is known: a full disk, or the file-size limit (`ulimit -f`).
    TemporaryFiles(Option<std::io::Error>),
}

thread_local! {
    /// Whether a panic on this thread is the library's, caught by [`caught`].
    static CATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a panic now is the library's, which [`write_limited`] catches and reports as an
/// error: the panic hook (`main`) keeps quiet about it.
pub fn catching_library_panic() -> bool {
    CATCHING.with(std::cell::Cell::get)
}

impl From<XlsxError> for XlsxFailure {
    fn from(error: XlsxError) -> XlsxFailure {
        XlsxFailure::Library(error)
    }
}

/// The workbook, continuing a table on further sheets beyond Excel's row limit.
pub fn write(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxFailure> {
    let mut bytes = Vec::new();
    write_limited(sheets, EXCEL_MAX_ROWS, &mut bytes)?;
    Ok(bytes)
}

/// [`write`] into `out` as the workbook is zipped (a national plan's is 125 MB): the outer
/// error is the first write to `out` that failed, the inner one a workbook that cannot be made.
pub fn write_to(
    sheets: &[Sheet],
    out: impl std::io::Write + Send,
) -> std::io::Result<Result<(), XlsxFailure>> {
    let mut out = FirstError { out, error: None };
    let made = write_limited(sheets, EXCEL_MAX_ROWS, &mut out);
    match out.error {
        Some(error) => Err(error),
        None => Ok(made),
    }
}

/// A writer that keeps the first error of `out` and from then on takes every write without
/// writing it. The zip library, dropped after a write that failed, finishes its archive into
/// it quietly; into the failing file it would print its own error on standard error.
struct FirstError<W> {
    out: W,
    error: Option<std::io::Error>,
}

impl<W: std::io::Write> FirstError<W> {
    fn failed(&mut self, error: std::io::Error) -> std::io::Error {
        let kind = error.kind();
        if kind != std::io::ErrorKind::Interrupted {
            self.error = Some(error);
        }
        std::io::Error::from(kind)
    }
}

impl<W: std::io::Write> std::io::Write for FirstError<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.error.is_some() {
            return Ok(bytes.len());
        }
        self.out.write(bytes).map_err(|e| self.failed(e))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.error.is_some() {
            return Ok(());
        }
        self.out.flush().map_err(|e| self.failed(e))
    }
}

/// The workbook's cell formats. Every format a cell is written with must be one of
/// [`Formats::all`]: they are registered before the worksheets are written side by side, and
/// one the library first meets on two threads at once could be given two numbers.
struct Formats {
    header: Format,
    text: Format,
    wrapped: Format,
    code: Format,
    date: Format,
    /// The kronor formats by decimals (`number::excel_kronor`), plain and for the total row.
    kronor: Vec<Format>,
    total_label: Format,
    total_kronor: Vec<Format>,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new().set_bold().set_align(FormatAlign::Top),
            text: Format::new().set_align(FormatAlign::Top),
            wrapped: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            code: Format::new()
                .set_num_format("@")
                .set_align(FormatAlign::Top),
            date: Format::new()
                .set_num_format(DATE_FORMAT)
                .set_align(FormatAlign::Top),
            kronor: (0..=EXCEL_MAX_DECIMALS)
                .map(|d| {
                    Format::new()
                        .set_num_format(excel_kronor(d))
                        .set_align(FormatAlign::Top)
                })
                .collect(),
            total_label: Format::new().set_bold(),
            total_kronor: (0..=EXCEL_MAX_DECIMALS)
                .map(|d| Format::new().set_bold().set_num_format(excel_kronor(d)))
                .collect(),
        }
    }

    fn all(&self) -> impl Iterator<Item = &Format> {
        [
            &self.header,
            &self.text,
            &self.wrapped,
            &self.code,
            &self.date,
        ]
        .into_iter()
        .chain(&self.kronor)
        .chain([&self.total_label])
        .chain(&self.total_kronor)
    }
}

/// What `write` (calls of the library) returns, or the library's panic while it ran (on this
/// thread) as [`XlsxFailure::TemporaryFiles`]: rust_xlsxwriter writes the rows to temporary
/// files as they come and panics when such a write fails (a full disk, `ulimit -f`). Only the
/// calls that write into the library are wrapped (a row, a worksheet's start and end, the
/// saving), not the fitting or the making of the rows, whose panics are this program's.
fn caught<R>(write: impl FnOnce() -> Result<R, XlsxFailure>) -> Result<R, XlsxFailure> {
    let before = CATCHING.with(|c| c.replace(true));
    let written = std::panic::catch_unwind(std::panic::AssertUnwindSafe(write));
    CATCHING.with(|c| c.set(before));
    written.unwrap_or_else(|payload| {
        let said = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        // `Couldn't write to xml file: Os { code: 27, kind: FileTooLarge, … }`
        let code = said
            .split_once("code: ")
            .and_then(|(_, rest)| rest.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|digits| digits.parse::<i32>().ok());
        Err(XlsxFailure::TemporaryFiles(
            code.map(std::io::Error::from_raw_os_error),
        ))
    })
}

/// One worksheet's share of a table: the rows `rows` of `sheet`, and its total row when
/// `total` (a table longer than Excel's row limit continues on further worksheets).
struct Part<'s> {
    sheet: &'s Sheet,
    /// Which of the sheet's worksheets: 0 for the first.
    number: usize,
    rows: Range<usize>,
    total: bool,
    /// For the part with the total row, the sheet's worksheets before it that hold rows: each
    /// one's name and how many rows it holds.
    before: Vec<(String, usize)>,
}

/// Each sheet cut into parts of at most `per_part` rows, the total row included.
fn parts(sheets: &[Sheet], per_part: usize) -> Vec<Part<'_>> {
    (sheets.iter())
        .flat_map(|sheet| {
            let count = (sheet.len + 1).div_ceil(per_part);
            let rows = move |number: usize| {
                (number * per_part).min(sheet.len)..((number + 1) * per_part).min(sheet.len)
            };
            (0..count).map(move |number| {
                let total = number + 1 == count;
                let before = (0..number)
                    .filter(|_| total)
                    .map(|n| (worksheet_name(sheet, n), rows(n).len()))
                    .filter(|(_, len)| *len > 0)
                    .collect();
                Part {
                    sheet,
                    number,
                    rows: rows(number),
                    total,
                    before,
                }
            })
        })
        .collect()
}

/// The name of a sheet's worksheet `number` (0 for the first): `betalningar`, `betalningar (2)`.
fn worksheet_name(sheet: &Sheet, number: usize) -> String {
    match number {
        0 => sheet.name.to_string(),
        n => format!("{} ({})", sheet.name, n + 1),
    }
}

/// The workbook with at most `max_rows` rows (at least 2) in a worksheet. The library's
/// panic on a failed write of its temporary files is reported as
/// [`XlsxFailure::TemporaryFiles`], with the operating system's reason when it says one.
pub fn write_limited(
    sheets: &[Sheet],
    max_rows: u32,
    out: impl std::io::Write + Send,
) -> Result<(), XlsxFailure> {
    let max_rows = max_rows.clamp(2, EXCEL_MAX_ROWS);
    if let Some(sheet) = sheets.iter().find(|s| s.headers.len() > EXCEL_MAX_COLUMNS) {
        return Err(XlsxFailure::TooManyColumns {
            sheet: sheet.name.to_string(),
            columns: sheet.headers.len(),
        });
    }
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    let cells: usize = sheets.iter().map(|s| (s.len + 2) * s.headers.len()).sum();
    if cells > FAST_ZIP_CELLS {
        workbook.set_zip_compression_level(1);
    }
    // Every format known to the workbook, in this order, before the worksheets are written
    // side by side: the workbook is the same whichever worksheet first uses a format (the
    // library keeps this for programs that write worksheets on several threads).
    for format in formats.all() {
        workbook.register_format(format);
    }
    // The worksheets are measured, then written, side by side: a national plan's payments
    // are two worksheets of a million rows each, and the library's writing of the cells took
    // three quarters of the export on one core.
    let parts = parts(sheets, (max_rows - 1).max(1) as usize);
    let mut fits = parallel::map(&parts, |part| {
        Fit::of(part.sheet, part.rows.clone(), part.total)
    })
    .into_iter();
    // A sheet's columns fit all its parts' rows.
    let same_sheet = |a: &Part, b: &Part| std::ptr::eq(a.sheet, b.sheet);
    let sheet_fits: Vec<Fit> = (parts.chunk_by(same_sheet))
        .map(|sheet| (fits.by_ref().take(sheet.len()).reduce(Fit::then)).unwrap_or_default())
        .collect();
    let part_fits: Vec<&Fit> = (parts.chunk_by(same_sheet).zip(&sheet_fits))
        .flat_map(|(sheet, fit)| std::iter::repeat_n(fit, sheet.len()))
        .collect();
    for (part, fit) in parts.iter().zip(&part_fits) {
        // Rows go to a temporary file as they are written (a national plan's payments are
        // millions of cells), texts in their cells: a table of shared texts costs a hash per
        // cell, and zipping takes the repeats away anyway.
        caught(|| {
            let worksheet = workbook.add_worksheet_with_constant_memory()?;
            worksheet.set_name(worksheet_name(part.sheet, part.number))?;
            Ok(start_part(worksheet, part.sheet, fit, &formats)?)
        })?;
    }
    let jobs: Vec<_> = (parts.iter().zip(&part_fits).zip(workbook.worksheets_mut()))
        .map(std::sync::Mutex::new)
        .collect();
    let written = parallel::map(&jobs, |job| {
        let mut job = job
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let ((part, fit), worksheet) = &mut *job;
        write_part(worksheet, part, fit, &formats)
    });
    drop(jobs);
    let last_rows = written.into_iter().collect::<Result<Vec<u32>, _>>()?;
    caught(|| {
        for ((part, last), worksheet) in parts.iter().zip(last_rows).zip(workbook.worksheets_mut())
        {
            finish_part(worksheet, part.sheet, last)?;
        }
        Ok(workbook.save_to_writer(out)?)
    })
}

/// The rows of `part` written into its worksheet (begun by [`start_part`]); its last data
/// row (0 when it has none).
fn write_part(
    worksheet: &mut Worksheet,
    part: &Part,
    fit: &Fit,
    formats: &Formats,
) -> Result<u32, XlsxFailure> {
    let mut put = |row: u32, cells: &[Value], total: bool| -> Result<(), XlsxFailure> {
        if let Some((column, chars)) = too_long(&part.sheet.headers, cells) {
            return Err(XlsxFailure::TextTooLong {
                sheet: worksheet.name(),
                row: row + 1,
                column,
                chars,
            });
        }
        caught(|| match total {
            true => write_total(worksheet, row, part, &fit.sums, formats),
            false => write_row(worksheet, row, cells, formats, &fit.usual),
        })
    };
    let (mut row, mut failed) = (0, None);
    part.sheet.each_row_in(part.rows.clone(), |cells| {
        if failed.is_none() {
            row += 1;
            failed = put(row, cells, false).err();
        }
    });
    if let Some(error) = failed {
        return Err(error);
    }
    if part.total {
        put(row + 1, &part.sheet.total, true)?;
    }
    Ok(row)
}

/// The header and length of the first text among `cells` longer than a cell holds.
fn too_long(headers: &[String], cells: &[Value]) -> Option<(String, usize)> {
    cells
        .iter()
        .zip(headers)
        .find_map(|(value, header)| match value {
            Value::Text(t) | Value::Code(t) => units_over(t).map(|units| (header.clone(), units)),
            _ => None,
        })
}

/// The length of a text as Excel counts it (UTF-16 units: an emoji is two) when it is longer
/// than a cell holds.
fn units_over(text: &str) -> Option<usize> {
    // Bytes first: a text of at most as many bytes has at most as many units.
    if text.len() <= EXCEL_MAX_TEXT {
        return None;
    }
    let units = text.encode_utf16().count();
    (units > EXCEL_MAX_TEXT).then_some(units)
}

/// `text`, to be written in `sheet` at `row` (as Excel numbers it) of the column `column`,
/// unless it is longer than a cell holds.
pub fn fitting<'t>(
    text: &'t str,
    (sheet, row, column): (&str, u32, &str),
) -> Result<&'t str, XlsxFailure> {
    match units_over(text) {
        None => Ok(text),
        Some(chars) => Err(XlsxFailure::TextTooLong {
            sheet: sheet.to_string(),
            row,
            column: column.to_string(),
            chars,
        }),
    }
}

/// A part's column widths and formats, and its header row.
fn start_part(
    worksheet: &mut Worksheet,
    sheet: &Sheet,
    fit: &Fit,
    formats: &Formats,
) -> Result<(), XlsxError> {
    // Widths and formats first: a low-memory worksheet writes its rows out as it goes.
    for (col, width) in (0u16..).zip(fit.widths(&sheet.headers)) {
        worksheet.set_column_width(col, width)?;
    }
    for (col, style) in (0u16..).zip(&fit.usual) {
        if let Some(format) = style.and_then(|s| formats.of(s, false)) {
            worksheet.set_column_format(col, format)?;
        }
    }
    for (col, title) in (0u16..).zip(&sheet.headers) {
        worksheet.write_string_with_format(0, col, title, &formats.header)?;
    }
    Ok(())
}

fn write_row(
    worksheet: &mut Worksheet,
    row: u32,
    cells: &[Value],
    formats: &Formats,
    usual: &[Option<Style>],
) -> Result<(), XlsxFailure> {
    for ((col, value), usual) in (0u16..).zip(cells.iter()).zip(usual) {
        write_value(worksheet, (row, col), value, formats, false, *usual)?;
    }
    Ok(())
}

/// The sheet's total row, bold, at `row` of the part that ends the sheet: each amount that
/// is its column's sum (`sums`, of every row of the sheet) as `SUBTOTAL(109,…)` over the
/// column's rows on each of the sheet's worksheets, the amount its cached value.
fn write_total(
    worksheet: &mut Worksheet,
    row: u32,
    part: &Part,
    sums: &[Amount],
    formats: &Formats,
) -> Result<(), XlsxFailure> {
    for (col, value) in (0u16..).zip(&part.sheet.total) {
        match value {
            Value::Text(t) => {
                worksheet.write_string_with_format(row, col, in_cell(t), &formats.total_label)?;
            }
            Value::Amount(a) if sums.get(usize::from(col)) == Some(a) => {
                let Some(formula) = subtotal(part, col) else {
                    write_value(worksheet, (row, col), value, formats, true, None)?;
                    continue;
                };
                let cached = as_double(*a)?;
                let format = style(value).and_then(|s| formats.of(s, true));
                let formula = Formula::new(formula).set_result(cached.to_string());
                match format {
                    Some(f) => worksheet.write_formula_with_format(row, col, formula, f)?,
                    None => worksheet.write_formula(row, col, formula)?,
                };
            }
            other => write_value(worksheet, (row, col), other, formats, true, None)?,
        }
    }
    Ok(())
}

/// `SUBTOTAL(109,…)` of column `col` over the rows of `part` (the sheet's last) and of the
/// sheet's worksheets before it: the sum of the rows a filter shows. `None` when the sheet
/// has no rows.
fn subtotal(part: &Part, col: u16) -> Option<String> {
    let last_row = |rows: usize| u32::try_from(rows).unwrap_or(EXCEL_MAX_ROWS - 1);
    let mut ranges: Vec<String> = (part.before.iter())
        .map(|(name, rows)| rust_xlsxwriter::worksheet_range(name, 1, col, last_row(*rows), col))
        .collect();
    if !part.rows.is_empty() {
        let rows = last_row(part.rows.len());
        ranges.push(rust_xlsxwriter::cell_range(1, col, rows, col));
    }
    (!ranges.is_empty()).then(|| format!("SUBTOTAL(109,{})", ranges.join(",")))
}

/// A part's filter (the header and the data rows, not the total row), frozen header and
/// print setup.
fn finish_part(worksheet: &mut Worksheet, sheet: &Sheet, last_data: u32) -> Result<(), XlsxError> {
    let last_col = u16::try_from(sheet.headers.len().saturating_sub(1)).unwrap_or(u16::MAX);
    worksheet.autofilter(0, 0, last_data, last_col)?;
    worksheet.set_freeze_panes(1, 0)?;
    worksheet.set_repeat_rows(0, 0)?;
    worksheet.set_landscape();
    worksheet.set_paper_size(9); // A4
    worksheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// How a cell is formatted, named so that a column's usual one can be compared cheaply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Text,
    Wrapped,
    Code,
    Date,
    /// An amount with this many decimals.
    Kronor(usize),
}

fn style(value: &Value) -> Option<Style> {
    Some(match value {
        Value::Text(t) if t.chars().count() > WRAP_CHARS => Style::Wrapped,
        Value::Text(_) | Value::Number(_) | Value::Decimal(_) => Style::Text,
        Value::Code(_) => Style::Code,
        Value::Date(_) => Style::Date,
        Value::Amount(a) => Style::Kronor(a.decimals().min(EXCEL_MAX_DECIMALS) as usize),
        Value::Empty => return None,
    })
}

impl Formats {
    fn of(&self, style: Style, total: bool) -> Option<&Format> {
        match style {
            Style::Text => Some(&self.text),
            Style::Wrapped => Some(&self.wrapped),
            Style::Code => Some(&self.code),
            Style::Date => Some(&self.date),
            Style::Kronor(d) if total => self.total_kronor.get(d),
            Style::Kronor(d) => self.kronor.get(d),
        }
    }
}

fn write_value(
    worksheet: &mut Worksheet,
    (row, col): (u32, u16),
    value: &Value,
    formats: &Formats,
    total: bool,
    usual: Option<Style>,
) -> Result<(), XlsxFailure> {
    let Some(style) = style(value) else {
        return Ok(());
    };
    let format = if !total && usual == Some(style) {
        // The column's own format applies.
        None
    } else {
        formats.of(style, total)
    };
    match (value, format) {
        (Value::Text(t) | Value::Code(t), Some(f)) => {
            worksheet.write_string_with_format(row, col, in_cell(t), f)
        }
        (Value::Text(t) | Value::Code(t), None) => worksheet.write_string(row, col, in_cell(t)),
        (Value::Number(n), Some(f)) => worksheet.write_number_with_format(row, col, *n, f),
        (Value::Number(n), None) => worksheet.write_number(row, col, *n),
        (Value::Decimal(d), Some(f)) => {
            worksheet.write_string_with_format(row, col, d.normalize().to_string(), f)
        }
        (Value::Decimal(d), None) => worksheet.write_string(row, col, d.normalize().to_string()),
        (Value::Amount(a), Some(f)) => {
            worksheet.write_number_with_format(row, col, as_double(*a)?, f)
        }
        (Value::Amount(a), None) => worksheet.write_number(row, col, as_double(*a)?),
        // A day Excel has no date for (before 1900) as its text.
        (Value::Date(d), format) => match (excel_date(*d), format) {
            (Some(date), Some(f)) => worksheet.write_datetime_with_format(row, col, date, f),
            (Some(date), None) => worksheet.write_datetime(row, col, date),
            (None, Some(f)) => worksheet.write_string_with_format(row, col, d.to_string(), f),
            (None, None) => worksheet.write_string(row, col, d.to_string()),
        },
        (Value::Empty, _) => return Ok(()),
    }?;
    Ok(())
}

/// How a date cell shows its day: `2027-03-31`, as every file of the tool writes dates.
pub const DATE_FORMAT: &str = "yyyy-mm-dd";

/// The day as an Excel date, when Excel has one for it (1900–9999).
pub fn excel_date(date: crate::core::plan::Date) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year).ok().filter(|y| *y >= 1900)?;
    ExcelDateTime::from_ymd(year, date.month, date.day).ok()
}

/// Rows measured for their columns: each column's widest cell as it is displayed (amounts
/// with their grouping and ` kr`, bold text a little wider, text up to the wrapping width),
/// and its usual style, that of its first cell with a value. The column is given that format,
/// and its cells of that style are written without one (the workbook library looks a cell's
/// format up by hashing it whole, which took a third of a national plan's export). And each
/// column's sum of amounts, which its total is written as a formula for when it is the total.
#[derive(Default)]
struct Fit {
    chars: Vec<f64>,
    usual: Vec<Option<Style>>,
    sums: Vec<Amount>,
}

impl Fit {
    /// The rows `rows` of `sheet`, and its total row when `total`.
    fn of(sheet: &Sheet, rows: Range<usize>, total: bool) -> Fit {
        let columns = sheet.headers.len();
        let mut fit = Fit {
            chars: vec![0.0; columns],
            usual: vec![None; columns],
            sums: vec![Amount::ZERO; columns],
        };
        sheet.each_row_in(rows, |cells| fit.row(cells, false));
        if total {
            fit.row(&sheet.total, true);
        }
        fit
    }

    fn row(&mut self, cells: &[Value], total: bool) {
        if !total {
            for (sum, value) in self.sums.iter_mut().zip(cells) {
                if let Value::Amount(a) = value {
                    *sum += *a;
                }
            }
        }
        for ((width, usual), value) in self.chars.iter_mut().zip(&mut self.usual).zip(cells) {
            let shown = displayed_chars(value).min(WRAP_CHARS);
            let shown = if total { bold(shown) } else { shown as f64 };
            if shown > *width {
                *width = shown;
            }
            if usual.is_none() && !total {
                *usual = style(value).filter(|s| *s != Style::Wrapped);
            }
        }
    }

    /// These rows, then those of `later`.
    fn then(mut self, later: Fit) -> Fit {
        for (width, later) in self.chars.iter_mut().zip(later.chars) {
            *width = width.max(later);
        }
        for (usual, later) in self.usual.iter_mut().zip(later.usual) {
            *usual = usual.or(later);
        }
        for (sum, later) in self.sums.iter_mut().zip(later.sums) {
            *sum += later;
        }
        self
    }

    /// Each column's width in Excel's units (the width of a digit), the header with room for
    /// the autofilter's button, and padding on either side of the text.
    fn widths<'a>(&'a self, headers: &'a [String]) -> impl Iterator<Item = f64> + 'a {
        (headers.iter().zip(&self.chars)).map(|(header, widest)| {
            let header = bold(header.chars().count().min(WRAP_CHARS)) + 3.0;
            (header.max(*widest) + 1.5).ceil()
        })
    }
}

/// Bold text is about a tenth wider.
fn bold(chars: usize) -> f64 {
    chars as f64 * 1.1
}

/// How many characters a cell shows.
fn displayed_chars(value: &Value) -> usize {
    match value {
        Value::Text(t) => t.chars().count(),
        Value::Code(t) => t.chars().count(),
        Value::Number(n) => n.to_string().len(),
        Value::Decimal(d) => d.normalize().to_string().len(),
        Value::Date(_) => DATE_FORMAT.len(),
        // The kronor format shows the amount's decimals: `1 865 000 kr`, `518 183,8 kr`
        // (measured without being written: a national plan's workbook has 3,7 million).
        Value::Amount(a) => {
            let shown = Amount(a.0.round_dp(EXCEL_MAX_DECIMALS));
            number::number_width(shown) + number::UNIT.chars().count()
        }
        Value::Empty => 0,
    }
}

/// The significant digits Excel keeps of a number.
pub const EXCEL_DIGITS: u32 = 15;

/// The amount as the double XLSX stores, when Excel shows it exactly: at most 15 significant
/// digits (12 689 898 kr has 8, 518 183,8 kr has 7); a larger one would be shown rounded.
pub fn as_double(amount: Amount) -> Result<f64, XlsxFailure> {
    if !excel_keeps(amount) {
        return Err(XlsxFailure::NotExact(amount));
    }
    f64::try_from(amount.0).map_err(|_| XlsxFailure::NotExact(amount))
}

/// Whether Excel keeps the amount exactly, in a workbook or read from a CSV file: at most
/// [`EXCEL_DIGITS`] significant digits.
pub fn excel_keeps(amount: Amount) -> bool {
    let mut digits = amount.0.mantissa().unsigned_abs();
    while digits != 0 && digits.is_multiple_of(10) {
        digits /= 10;
    }
    digits < 10u128.pow(EXCEL_DIGITS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

    fn sheet(rows: usize) -> Sheet {
        Sheet::new(
            "betalningar",
            vec!["Kommunkod".into(), "Belopp".into()],
            (0..rows)
                .map(|i| {
                    vec![
                        Value::Code(format!("{:04}", i).into()),
                        Value::Amount(Amount::kr(1)),
                    ]
                })
                .collect(),
            vec![
                Value::Text("Totalt".into()),
                Value::Amount(Amount::kr(i64::try_from(rows).unwrap())),
            ],
        )
    }

    fn limited(sheets: &[Sheet], max_rows: u32) -> Result<Vec<u8>, XlsxFailure> {
        let mut bytes = Vec::new();
        write_limited(sheets, max_rows, &mut bytes)?;
        Ok(bytes)
    }

    fn read(bytes: Vec<u8>) -> Xlsx<std::io::Cursor<Vec<u8>>> {
        open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap()
    }

    #[test]
    fn a_table_longer_than_a_sheet_continues_on_the_next() {
        // Five rows a sheet: a header and four body rows. Ten data rows and the total row
        // make three sheets: 4 + 4 + 2 and the total.
        let bytes = limited(&[sheet(10)], 5).unwrap();
        let mut book = read(bytes);
        assert_eq!(
            book.sheet_names(),
            ["betalningar", "betalningar (2)", "betalningar (3)"]
        );
        let mut codes = Vec::new();
        for name in book.sheet_names() {
            let range = book.worksheet_range(&name).unwrap();
            assert!(range.height() <= 5, "{name} has {} rows", range.height());
            let mut rows = range.rows();
            assert_eq!(rows.next().unwrap()[0], Data::String("Kommunkod".into()));
            for row in rows {
                match &row[0] {
                    Data::String(s) if s == "Totalt" => {
                        assert_eq!(name, "betalningar (3)");
                        assert_eq!(row[1], Data::Float(10.0));
                    }
                    Data::String(code) => codes.push(code.clone()),
                    other => panic!("{other:?}"),
                }
            }
        }
        let expected: Vec<String> = (0..10).map(|i| format!("{i:04}")).collect();
        assert_eq!(codes, expected, "every row once, in order, codes as text");
    }

    /// The worksheets of a long table are written side by side: a text too long for its cell
    /// is named by its worksheet and row as Excel numbers them, the first in the table's
    /// order when several are.
    #[test]
    fn a_text_too_long_is_named_by_its_worksheet_and_row() {
        let mut rows = sheet(10).rows();
        for i in [8, 5] {
            rows[i][0] = Value::Code("9".repeat(EXCEL_MAX_TEXT + 1).into());
        }
        let long = Sheet::new(
            "betalningar",
            vec!["Kommunkod".into(), "Belopp".into()],
            rows,
            sheet(10).total,
        );
        // Four data rows a worksheet: row 5 is the second worksheet's second data row.
        let mut before = sheet(3);
        before.name = "per-kommun";
        match limited(&[before, long], 5) {
            Err(XlsxFailure::TextTooLong {
                sheet,
                row,
                column,
                chars,
            }) => {
                assert_eq!(
                    (sheet.as_str(), row, column.as_str()),
                    ("betalningar (2)", 3, "Kommunkod")
                );
                assert_eq!(chars, EXCEL_MAX_TEXT + 1);
            }
            other => panic!("{other:?}"),
        }
    }

    /// A workbook zipped into a file that fails part-way is the file's error, not one of a
    /// workbook that cannot be made; nothing more is written into the file after it failed
    /// (the zip library, dropped unfinished, would try, fail again and print that failure).
    #[test]
    fn a_write_that_fails_is_the_writers_error() {
        struct Full {
            room: usize,
            failures: usize,
        }
        impl std::io::Write for Full {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                if self.room < bytes.len() {
                    self.failures += 1;
                    return Err(std::io::Error::from_raw_os_error(28));
                }
                self.room -= bytes.len();
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut full = Full {
            room: 2000,
            failures: 0,
        };
        let error = write_to(&[sheet(100)], &mut full).unwrap_err();
        assert_eq!(error.raw_os_error(), Some(28));
        assert_eq!(full.failures, 1);
        let mut room = Full {
            room: usize::MAX,
            failures: 0,
        };
        assert!(matches!(write_to(&[sheet(100)], &mut room), Ok(Ok(()))));
    }

    /// A total row that does not fit under the last data rows has a worksheet of its own,
    /// with the header; a table without rows has its header and total row.
    #[test]
    fn a_total_row_past_the_last_full_sheet_starts_one() {
        let mut book = read(limited(&[sheet(4)], 5).unwrap());
        assert_eq!(book.sheet_names(), ["betalningar", "betalningar (2)"]);
        assert_eq!(book.worksheet_range("betalningar").unwrap().height(), 5);
        let last = book.worksheet_range("betalningar (2)").unwrap();
        let rows: Vec<_> = last.rows().map(|r| r[0].clone()).collect();
        assert_eq!(
            rows,
            [
                Data::String("Kommunkod".into()),
                Data::String("Totalt".into())
            ]
        );
        let mut empty = read(limited(&[sheet(0)], 5).unwrap());
        assert_eq!(empty.sheet_names(), ["betalningar"]);
        assert_eq!(empty.worksheet_range("betalningar").unwrap().height(), 2);
    }

    /// One part of a workbook (a zip archive) as text.
    fn part(bytes: &[u8], name: &str) -> String {
        use std::io::Read;
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    /// The cells of a worksheet's row `row` (as Excel numbers it), as written.
    fn row_xml(xml: &str, row: u32) -> &str {
        let start = xml.find(&format!("<row r=\"{row}\"")).unwrap();
        let end = start + xml[start..].find("</row>").unwrap();
        &xml[start..end]
    }

    /// The total is `SUBTOTAL(109,…)` over the rows above it, with the figure as its cached
    /// value (what a reader that does not compute shows): over the rows of every worksheet a
    /// long table continues on, each named as Excel needs it.
    #[test]
    fn a_total_is_a_subtotal_of_the_rows_with_its_figure_cached() {
        let bytes = limited(&[sheet(3)], 10).unwrap();
        let xml = part(&bytes, "xl/worksheets/sheet1.xml");
        assert!(
            row_xml(&xml, 5).contains("<f>SUBTOTAL(109,B2:B4)</f><v>3</v>"),
            "{xml}"
        );
        // Four data rows a worksheet: 4 + 4 + 2 and the total on the third.
        let bytes = limited(&[sheet(10)], 5).unwrap();
        let xml = part(&bytes, "xl/worksheets/sheet3.xml");
        assert!(
            row_xml(&xml, 4).contains(
                "<f>SUBTOTAL(109,betalningar!B2:B5,'betalningar (2)'!B2:B5,B2:B3)</f><v>10</v>"
            ),
            "{xml}"
        );
        // The total alone on a worksheet of its own sums the worksheets before it.
        let bytes = limited(&[sheet(4)], 5).unwrap();
        let xml = part(&bytes, "xl/worksheets/sheet2.xml");
        assert!(
            row_xml(&xml, 2).contains("<f>SUBTOTAL(109,betalningar!B2:B5)</f><v>4</v>"),
            "{xml}"
        );
        // Öre are cached as they are.
        let mut ore = sheet(2);
        let half = Amount(rust_decimal::Decimal::new(5, 1));
        ore.total[1] = Value::Amount(Amount::kr(2) + half);
        let mut rows = ore.rows();
        rows[0][1] = Value::Amount(Amount::kr(1) + half);
        let ore = Sheet::new(ore.name, ore.headers.clone(), rows, ore.total.clone());
        let xml = part(&limited(&[ore], 10).unwrap(), "xl/worksheets/sheet1.xml");
        assert!(
            row_xml(&xml, 4).contains("<f>SUBTOTAL(109,B2:B3)</f><v>2.5</v>"),
            "{xml}"
        );
    }

    /// A total that is not the sum of its column's rows, or of a table without rows, is
    /// written as the figure: a formula would compute another one.
    #[test]
    fn a_total_that_is_not_the_rows_sum_is_the_figure() {
        let mut other = sheet(3);
        other.total[1] = Value::Amount(Amount::kr(4));
        let xml = part(&limited(&[other], 10).unwrap(), "xl/worksheets/sheet1.xml");
        let total = row_xml(&xml, 5);
        assert!(
            !total.contains("<f>") && total.contains("<v>4.0</v>"),
            "{xml}"
        );
        let xml = part(
            &limited(&[sheet(0)], 10).unwrap(),
            "xl/worksheets/sheet1.xml",
        );
        let total = row_xml(&xml, 2);
        assert!(
            !total.contains("<f>") && total.contains("<v>0.0</v>"),
            "{xml}"
        );
    }

    /// A date is a date cell (a number of days) in a `yyyy-mm-dd` format; a day Excel has no
    /// date for, its text.
    #[test]
    fn a_date_is_a_date_cell() {
        use crate::core::plan::Date;
        let dates = Sheet::new(
            "fakturor",
            vec!["Faktureras senast".into()],
            vec![
                vec![Value::Date(Date::new(2025, 8, 30).unwrap())],
                vec![Value::Date(Date::new(1899, 12, 31).unwrap())],
            ],
            Vec::new(),
        );
        let bytes = limited(&[dates], 10).unwrap();
        let mut book = read(bytes.clone());
        let range = book.worksheet_range("fakturor").unwrap();
        let cells: Vec<Data> = range.rows().skip(1).map(|r| r[0].clone()).collect();
        // 2025-08-30 is day 45 899 of Excel's calendar.
        assert!(
            matches!(&cells[0], Data::DateTime(d) if d.as_f64() == 45_899.0),
            "{cells:?}"
        );
        assert_eq!(cells[1], Data::String("1899-12-31".into()));
        assert!(part(&bytes, "xl/styles.xml").contains("formatCode=\"yyyy-mm-dd\""));
    }

    #[test]
    fn exactly_full_sheets_do_not_leave_an_empty_one() {
        // Three data rows and the total fill one sheet of five rows.
        let mut book = read(limited(&[sheet(3)], 5).unwrap());
        assert_eq!(book.sheet_names(), ["betalningar"]);
        let range = book.worksheet_range("betalningar").unwrap();
        assert_eq!(range.height(), 5);
    }

    #[test]
    fn an_amount_excel_would_round_is_refused() {
        let exact = |text: &str| as_double(Amount::from_text(text).unwrap());
        assert_eq!(exact("12 689 898").unwrap(), 12_689_898.0);
        assert_eq!(exact("518 183,8").unwrap(), 518_183.8);
        assert_eq!(exact("999 999 999 999 999").unwrap(), 999_999_999_999_999.0);
        // Trailing zeros are no significant digits.
        assert_eq!(exact("1 000 000 000 000 000 000").unwrap(), 1e18);
        // 2^53 + 1 is 9 007 199 254 740 992 as a double; 16 digits in any case.
        for text in [
            "9 007 199 254 740 993",
            "1 000 000 000 000 001",
            "99 999 999 999 999,99",
        ] {
            assert!(
                matches!(exact(text), Err(XlsxFailure::NotExact(_))),
                "{text}"
            );
        }
        let mut big = sheet(1);
        big.total = vec![
            Value::Text("Totalt".into()),
            Value::Amount(Amount::from_text("9 007 199 254 740 993").unwrap()),
        ];
        assert!(matches!(write(&[big]), Err(XlsxFailure::NotExact(_))));
    }

    #[test]
    fn more_columns_than_excel_holds_are_refused() {
        let mut wide = sheet(1);
        wide.headers = (0..=EXCEL_MAX_COLUMNS).map(|i| i.to_string()).collect();
        match write(&[wide]) {
            Err(XlsxFailure::TooManyColumns { sheet, columns }) => {
                assert_eq!(sheet, "betalningar");
                assert_eq!(columns, EXCEL_MAX_COLUMNS + 1);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn amount_columns_are_as_wide_as_the_formatted_amount() {
        let mut s = sheet(1);
        s.total = vec![
            Value::Text("Totalt".into()),
            Value::Amount(Amount::kr(12_689_898)),
        ];
        let widths: Vec<f64> = Fit::of(&s, 0..s.len, true).widths(&s.headers).collect();
        // "12 689 898 kr" is 13 characters, bold in the total row.
        assert!(widths[1] >= 13.0 * 1.1 + 1.5, "{widths:?}");
    }
}
