//! A workbook form (XLSX, XLS, ODS) as rows of cells, for the form to be found in: the first
//! sheet with the form's table, each cell's value with its place, and a number's format read
//! for the unit it shows (a percentage, `tkr`, `€`). The workbook itself is opened within
//! limits by `input::workbook`; an ODS file's formats and merged cells are read by
//! `input::ods`, told as XLSX's are. An XLS file's formats are not read (`calamine` does not
//! give them): its form carries a warning that they are not checked.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::Data;
use rust_decimal::Decimal;

use super::amount::amount_of_double;
use super::form::{form, is_header, is_marked, used_header};
use super::{Cell, Format, Grid, ReadUsage, UsageReadError};
use crate::core::followup::{At, BadAmount, Claim, Entry, Layout, Place, UsageFile, Written};
use crate::core::money::Amount;
use crate::core::population::WorkbookProblem;
use crate::core::text::visible;
use crate::input::plan::Source;
use crate::input::{ods, workbook};

/// A workbook's form: the first of its sheets that has the form's table, as rows of cells
/// with their places (a form saved with a sheet of notes before it is still read). A later
/// sheet that holds a form too (a copy of the form's sheet, a draft, another recipient's
/// form) is a layout the form cannot be read surely with: never skipped unsaid.
pub(super) fn read(path: &Path, bytes: &[u8], file: usize) -> Result<ReadUsage, UsageReadError> {
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
    // The form, its sheet, and whether it is marked as one ([`is_marked`]).
    let mut found: Option<(UsageFile, usize, bool)> = None;
    for (index, name) in names.iter().enumerate() {
        let (cells, formats) = book.sheet(index, name).map_err(refused)?;
        let mut grid = grid(cells, &formats, file, index).map_err(refused)?;
        let marked = is_marked(&grid);
        // A table of the recipient's own with the form's headers gives way to the form, and
        // beside it is passed over as a sheet of notes is.
        let replaces = marked && matches!(&found, Some((_, _, false)));
        if !marked && matches!(&found, Some((_, _, true))) {
            continue;
        }
        match (&mut found, replaces) {
            // `allocate`'s own summary (`uppfoljning-2026.xlsx`), not a returned form.
            (None, _) if super::own::is_summary_sheet(&grid) => {
                return Err(UsageReadError::OwnSummary {
                    paths: vec![path.to_path_buf()],
                });
            }
            (None, _) | (Some(_), true) => {
                // Only the form's sheet is asked for its merged cells and its formulas.
                let merged = match grid.iter().any(|row| is_header(row)) {
                    true => {
                        with_formulas(&mut grid, &book.formulas(name));
                        book.merged(index, name).map_err(refused)?
                    }
                    false => Vec::new(),
                };
                let used = (grid.iter())
                    .find(|row| is_header(row))
                    .and_then(|row| used_header(row))
                    .map(|cell| cell.place.clone());
                if let Some(mut form) = form(grid, None, &line, &merged) {
                    if book.is_xls() {
                        form.unchecked_formats = used;
                    }
                    found = Some((form, index, marked));
                }
            }
            (Some((form, first, _)), false) => {
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
        Some((form, _, _)) => Ok(ReadUsage {
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

/// Gives the grid's cells their formulas (by (row, column) from 0).
fn with_formulas(grid: &mut Grid, formulas: &Formulas) {
    if formulas.is_empty() {
        return;
    }
    for cell in grid.iter_mut().flatten() {
        if let At::Cell { row, column, .. } = cell.place.at {
            cell.formula = formulas
                .get(&(row.saturating_sub(1), column.saturating_sub(1)))
                .cloned();
        }
    }
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
            let text = crate::input::workbook::cell_text(data);
            let bad = |why| Entry::Bad {
                written: text.clone(),
                why,
            };
            let amount = match data {
                Data::Empty | Data::String(_) => Entry::Empty,
                Data::Int(i) => formatted(
                    Entry::Amount(Amount(Decimal::from(*i))),
                    formats.get(&(r, c)),
                ),
                Data::Float(f) => formatted(amount_of_double(*f), formats.get(&(r, c))),
                Data::Bool(_) | Data::Error(_) => bad(BadAmount::NotANumber),
                Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => {
                    bad(BadAmount::Date)
                }
            };
            // Text is read as an amount only where one belongs.
            let stored = (!matches!(data, Data::Empty | Data::String(_))).then_some(amount);
            row.push(Cell {
                text,
                stored,
                place,
                quote: None,
                formula: None,
            });
        }
        grid.push(row);
    }
    Ok(grid)
}

/// A workbook's numbers' formats, by (row, column) from 0, as XLSX writes them (an ODS
/// file's told so by `input::ods`; an XLS file's are not read).
type Formats = std::collections::HashMap<(u32, u32), String>;

/// A sheet's formulas, as written, by (row, column) from 0.
type Formulas = std::collections::HashMap<(u32, u32), String>;

/// A workbook from outside: an XLSX file is read within limits, cell by cell
/// (`input::workbook`); an ODS file (a zip too, inflated within the same limits first) and
/// an XLS file are read by `calamine` whole, their cells up to the same number, and an ODS
/// file's formats and merged cells by `input::ods` (its sheets, in order; none for XLS).
enum Book<'b> {
    /// Its sheets, and its bytes (to read a sheet's formulas from).
    Xlsx(workbook::Sheets<'b>, &'b [u8]),
    Other(calamine::Sheets<std::io::Cursor<Vec<u8>>>, Vec<ods::Sheet>),
}

impl<'b> Book<'b> {
    fn open(bytes: &'b [u8]) -> Result<Book<'b>, WorkbookProblem> {
        let unreadable = workbook::unreadable;
        // What the XLSX reader found wrong, told when no other reader knows the file either.
        let mut as_xlsx = None;
        if workbook::is_zip(bytes) {
            match workbook::sheets(bytes) {
                Ok(sheets) => return Ok(Book::Xlsx(sheets, bytes)),
                // Not an XLSX workbook; the guard has passed, so it may be read whole.
                Err(problem) if workbook::not_xlsx(&problem) => as_xlsx = Some(problem),
                Err(problem) => return Err(problem),
            }
        }
        let guarded = as_xlsx.is_some();
        let book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec()))
            .map_err(|e| match (unreadable(e), as_xlsx) {
                (WorkbookProblem::UnknownFormat, Some(problem)) => problem,
                (problem, _) => problem,
            })?;
        // An ODS file is a zip, guarded above.
        let sheets = match (&book, guarded) {
            (calamine::Sheets::Ods(_), true) => ods::sheets(bytes)?,
            _ => Vec::new(),
        };
        Ok(Book::Other(book, sheets))
    }

    /// Whether the workbook is an XLS file, whose cells' formats are not read.
    fn is_xls(&self) -> bool {
        // XLSB too: `calamine` gives its formats no more than XLS's.
        matches!(
            self,
            Book::Other(calamine::Sheets::Xls(_) | calamine::Sheets::Xlsb(_), _)
        )
    }

    /// The sheets' names, in the workbook's order.
    fn names(&self) -> Vec<String> {
        use calamine::Reader;
        match self {
            Book::Xlsx(sheets, _) => sheets.names().to_vec(),
            Book::Other(book, _) => book.sheet_names(),
        }
    }

    /// The ranges of merged cells of sheet `index` (named `name`): an XLSX or XLS workbook's
    /// as `calamine` reads them, an ODS file's as `input::ods` does.
    fn merged(
        &mut self,
        index: usize,
        name: &str,
    ) -> Result<Vec<workbook::Merged>, WorkbookProblem> {
        match self {
            Book::Xlsx(sheets, _) => sheets.merged(index),
            Book::Other(calamine::Sheets::Xls(xls), _) => Ok(xls
                .merge_cells_by_sheet_name(name)
                .map_err(|e| workbook::unreadable(e.into()))?
                .into_iter()
                .map(|d| (d.start, d.end))
                .collect()),
            Book::Other(_, sheets) => Ok(sheets
                .get(index)
                .map(|s| s.merged.clone())
                .unwrap_or_default()),
        }
    }

    /// The formulas of the sheet named `name`, as written, read cell by cell in an XLSX
    /// workbook (already guarded, and its cells counted, when the sheet was read), whole in an
    /// XLS or ODS one. They only tell how a total row is derived: a sheet whose formulas
    /// cannot be read has none, and its total rows are taken at their values.
    fn formulas(&mut self, name: &str) -> Formulas {
        use calamine::Reader;
        let mut formulas = Formulas::new();
        match self {
            Book::Xlsx(_, bytes) => {
                let Ok(mut book) = calamine::Xlsx::new(std::io::Cursor::new(*bytes)) else {
                    return formulas;
                };
                let Ok(mut reader) = book.worksheet_cells_reader(name) else {
                    return formulas;
                };
                while let Ok(Some(cell)) = reader.next_cell_with_formula() {
                    if formulas.len() == workbook::MAX_CELLS {
                        break;
                    }
                    if let Some(formula) = cell.formula.filter(|f| !f.is_empty()) {
                        formulas.insert(cell.pos, formula);
                    }
                }
            }
            Book::Other(book, _) => {
                let Ok(range) = book.worksheet_formula(name) else {
                    return formulas;
                };
                let (top, left) = range.start().unwrap_or((0, 0));
                let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
                for (r, c, formula) in range.used_cells().take(workbook::MAX_CELLS) {
                    if !formula.is_empty() {
                        formulas.insert(
                            (top.saturating_add(at(r)), left.saturating_add(at(c))),
                            formula.clone(),
                        );
                    }
                }
            }
        }
        formulas
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
        let (book, ods) = match self {
            Book::Xlsx(sheets, _) => {
                return Ok((sheets.cells(index)?, sheets.number_formats(index)?));
            }
            Book::Other(book, ods) => (book, ods),
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
        // An ODS file's formats, as `input::ods` tells them; an XLS file's are not read (its
        // form carries a warning).
        let formats = ods
            .get_mut(index)
            .map(|sheet| std::mem::take(&mut sheet.formats))
            .unwrap_or_default();
        Ok((cells, formats))
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
/// `[$€-407]`, and symbols and letters written as they are (`$`, `€`, `:-`); `%` is a
/// percentage. Only the first section (for numbers above zero) is read. `:-` and `,-` are
/// kronor, as a header's are (`#,##0:-`, `#,##0",-"`, `#,##0\,-`: `21 200:-`, `21 200,-`).
/// A bare `,` after the digits (`#,##0,`) shows thousands and no unit: the cell's value is
/// read as stored, in kronor, whatever the format shows.
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
            // `:-`, the kronor of a price (`#,##0:-` shows `21 200:-`), as a header's `:-` is.
            ':' if chars.peek() == Some(&'-') => {
                chars.next();
                literal.push_str(" :- ");
            }
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
        || literal == ",-"
        || literal == ","
        || literal.eq_ignore_ascii_case("general")
        || !crate::core::followup::other_unit(&literal)
    {
        FormatUnit::Kronor
    } else {
        FormatUnit::Other(literal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // A literal comma before the dash, as Excel writes `21 200,-` (tester s29 round 2).
        assert_eq!(format_unit("#,##0\\,-"), FormatUnit::Kronor);
        assert_eq!(format_unit("#,##0\\,\\-"), FormatUnit::Kronor);
        assert_eq!(format_unit("[$-41D]#,##0"), FormatUnit::Kronor);
        assert_eq!(format_unit("0.00E+00"), FormatUnit::Kronor);
        assert_eq!(format_unit("_-* #,##0_-"), FormatUnit::Kronor);
        // A price's `:-` (tester s29 #4), written bare, after a space, in quotes or escaped.
        for kronor in [
            "#,##0:-",
            "#,##0 :-",
            "#,##0\" :-\"",
            "#,##0\\:\\-",
            "#,##0\",-\"",
            "#,##0:-;[Red]-#,##0:-",
        ] {
            assert_eq!(format_unit(kronor), FormatUnit::Kronor, "{kronor}");
        }
        assert_eq!(format_unit("#,##0 \"tkr\":-"), other("tkr :-"));
        assert_eq!(format_unit("#,##0 \"tkr\""), other("tkr"));
        assert_eq!(format_unit("[$€-407] #,##0"), other("€"));
        assert_eq!(format_unit("#,##0.00 €"), other("€"));
        assert_eq!(format_unit("$#,##0.00"), other("$"));
        assert_eq!(format_unit("[$EUR] #,##0"), other("EUR"));
    }
}
