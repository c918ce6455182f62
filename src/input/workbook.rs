//! Workbooks that come from outside: an SCB download, a returned follow-up form. A workbook
//! is a zip of XML files, so a few kilobytes can claim or inflate to gigabytes. Before
//! `calamine` opens one, every part is inflated once within a limit and the count of shared
//! strings it claims is held to what its part can hold ([`guard`]); its sheets are then
//! read cell by cell, never as a rectangle sized by its farthest cell, up to a number of
//! cells ([`Sheets`]).

use std::io::{Cursor, Read as _};

use calamine::{Data, Reader as _, Xlsx};

use crate::core::population::WorkbookProblem;

/// At most this many bytes in any part of the workbook once inflated, and in all together.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
const MAX_TOTAL_BYTES: u64 = 128 * 1024 * 1024;
/// At most this many parts, and this many cells with a value on the sheet.
const MAX_PARTS: usize = 10_000;
pub const MAX_CELLS: usize = 2_000_000;
/// Excel's own limits: a cell beyond them is not read.
pub const MAX_ROW: u32 = 1_048_576;
pub const MAX_COLUMN: u32 = 16_384;

/// Whether the bytes are a zip archive (an xlsx, an ods, a docx or another zip).
/// A cell as the sheet shows it: a number as written (`5150`, `518183.8`), a date as a date
/// (`2024-11-01`, never the day's serial number), an error as Excel names it (`#DIV/0!`);
/// empty for an empty cell.
pub fn cell_text(data: &Data) -> String {
    match data {
        Data::DateTime(d) => {
            let (year, month, day, ..) = d.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        other => other.to_string(),
    }
}

pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Whether a zip archive is an OpenDocument spreadsheet (`.ods`): the standard has its first
/// part be `mimetype`, stored as it is, naming the format.
pub fn is_ods(bytes: &[u8]) -> bool {
    // The first part's local header: 30 bytes, of which the name's and the extra field's
    // lengths are the last four; then the name, the extra field and the content.
    let length = |at: usize| {
        bytes
            .get(at..at + 2)
            .and_then(|b| <[u8; 2]>::try_from(b).ok())
            .map(|b| usize::from(u16::from_le_bytes(b)))
    };
    let (Some(name), Some(extra)) = (length(26), length(28)) else {
        return false;
    };
    bytes.get(30..30 + name) == Some(b"mimetype".as_slice())
        && bytes.get(30 + name + extra..).is_some_and(|content| {
            content.starts_with(b"application/vnd.oasis.opendocument.spreadsheet")
        })
}

/// Why the zip reader could not read the archive, sorted so that it can be told in either
/// language.
fn unreadable_zip(error: zip::result::ZipError) -> WorkbookProblem {
    use zip::result::ZipError;
    match error {
        ZipError::UnsupportedArchive(_)
        | ZipError::InvalidPassword
        | ZipError::CompressionMethodNotSupported(_) => {
            WorkbookProblem::Unsupported(error.to_string())
        }
        _ => WorkbookProblem::Damaged(error.to_string()),
    }
}

/// A part that cannot be inflated is a damaged archive.
fn unreadable_part(error: std::io::Error) -> WorkbookProblem {
    WorkbookProblem::Damaged(error.to_string())
}

/// Why the workbook reader could not read the workbook, sorted as [`unreadable_zip`].
pub fn unreadable(error: calamine::Error) -> WorkbookProblem {
    use calamine::XlsxError;
    match error {
        calamine::Error::Xlsx(XlsxError::Zip(e)) => unreadable_zip(e),
        calamine::Error::Xlsx(XlsxError::FileNotFound(part)) => WorkbookProblem::MissingPart(part),
        calamine::Error::Xlsx(XlsxError::RelationshipNotFound) => {
            WorkbookProblem::MissingPart("_rels/.rels".to_string())
        }
        calamine::Error::Msg(_) => WorkbookProblem::UnknownFormat,
        other => WorkbookProblem::Unreadable(other.to_string()),
    }
}

/// Whether the problem is only that the archive is not an XLSX workbook (it may be another
/// kind of spreadsheet).
pub fn not_xlsx(problem: &WorkbookProblem) -> bool {
    matches!(
        problem,
        WorkbookProblem::MissingPart(_) | WorkbookProblem::Unreadable(_)
    )
}

/// A cell that holds a value: its row and column counted from 0, and the value.
pub type Cell = (u32, u32, Data);

/// An XLSX workbook read from memory.
type Book<'b> = Xlsx<Cursor<&'b [u8]>>;

/// An XLSX workbook, [`guard`]ed, whose sheets are read one at a time, each cell by cell
/// within [`MAX_CELLS`].
pub struct Sheets<'b> {
    book: Book<'b>,
    names: Vec<String>,
    /// Per sheet, whether Excel shows it: a worksheet that is not hidden (a chart sheet or
    /// a hidden sheet is not what the user looks at).
    shown: Vec<bool>,
}

/// The workbook's sheets, once [`guard`] has passed; a workbook without a sheet is refused.
pub fn sheets(bytes: &[u8]) -> Result<Sheets<'_>, WorkbookProblem> {
    guard(bytes)?;
    let book: Book<'_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(e.into()))?;
    let names = book.sheet_names();
    if names.is_empty() {
        return Err(WorkbookProblem::NoSheet);
    }
    let shown = book
        .sheets_metadata()
        .iter()
        .map(|s| {
            s.visible == calamine::SheetVisible::Visible && s.typ == calamine::SheetType::WorkSheet
        })
        .collect();
    Ok(Sheets { book, names, shown })
}

impl Sheets<'_> {
    /// The sheets' names, in the workbook's order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Whether Excel shows sheet `index`: a worksheet that is not hidden.
    pub fn is_shown(&self, index: usize) -> bool {
        self.shown.get(index).copied().unwrap_or(false)
    }

    /// The first sheet Excel shows (see [`Sheets::is_shown`]); the first sheet when none is
    /// shown, which Excel does not allow.
    pub fn first_shown(&self) -> usize {
        self.shown.iter().position(|&shown| shown).unwrap_or(0)
    }

    /// The cells of sheet `index` (of [`Sheets::names`]) that hold a value, in the order the
    /// sheet stores them; a cell stored twice is refused.
    pub fn cells(&mut self, index: usize) -> Result<Vec<Cell>, WorkbookProblem> {
        let name = self.names.get(index).ok_or(WorkbookProblem::NoSheet)?;
        let mut reader = self
            .book
            .worksheet_cells_reader(name)
            .map_err(|e| unreadable(e.into()))?;
        let mut cells = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut read = 0usize;
        while let Some(cell) = reader
            .next_cell_with_formula()
            .map_err(|e| unreadable(e.into()))?
        {
            read += 1;
            if read > MAX_CELLS {
                return Err(WorkbookProblem::TooManyCells(MAX_CELLS));
            }
            let (row, col) = cell.pos;
            if !seen.insert(cell.pos) {
                return Err(WorkbookProblem::CellTwice { row, column: col });
            }
            let value = match (Data::from(cell.value), cell.formula) {
                // A formula whose value was never saved (a workbook written by a program) is
                // read as the formula, never as an empty cell.
                (Data::Empty, Some(formula)) => Data::String(format!("={formula}")),
                (value, _) => value,
            };
            if row < MAX_ROW && col < MAX_COLUMN && value != Data::Empty {
                cells.push((row, col, value));
            }
        }
        Ok(cells)
    }

    /// The number formats of sheet `index`'s numbers (`0%`, `#,##0 "kr"`,
    /// `[$€-407] #,##0`), by (row, column) from 0; `General` is left out.
    pub fn number_formats(
        &mut self,
        index: usize,
    ) -> Result<std::collections::HashMap<(u32, u32), String>, WorkbookProblem> {
        use calamine::DataRef;
        let name = self.names.get(index).ok_or(WorkbookProblem::NoSheet)?;
        let mut reader = self
            .book
            .worksheet_cells_reader(name)
            .map_err(|e| unreadable(e.into()))?;
        let mut formats = std::collections::HashMap::new();
        let mut read = 0usize;
        while let Some((cell, style)) = reader
            .next_cell_with_style_id()
            .map_err(|e| unreadable(e.into()))?
        {
            read += 1;
            if read > MAX_CELLS {
                return Err(WorkbookProblem::TooManyCells(MAX_CELLS));
            }
            if !matches!(cell.get_value(), DataRef::Float(_) | DataRef::Int(_)) {
                continue;
            }
            let code = reader
                .styles()
                .get(style)
                .and_then(|s| s.number_format.as_ref())
                .map(|f| f.format_code.clone());
            if let Some(code) = code.filter(|c| !c.eq_ignore_ascii_case("general")) {
                formats.insert(cell.get_position(), code);
            }
        }
        Ok(formats)
    }
}

/// A range of merged cells: its first and last cell, each (row, column) from 0.
pub type Merged = ((u32, u32), (u32, u32));

impl Sheets<'_> {
    /// The ranges of merged cells on sheet `index` (of [`Sheets::names`]).
    pub fn merged(&mut self, index: usize) -> Result<Vec<Merged>, WorkbookProblem> {
        let name = self.names.get(index).ok_or(WorkbookProblem::NoSheet)?;
        let ranges = self
            .book
            .merge_cells_by_sheet_name(name)
            .map_err(|e| unreadable(e.into()))?;
        Ok(ranges.into_iter().map(|d| (d.start, d.end)).collect())
    }
}

/// The first sheet an XLSX workbook shows ([`Sheets::first_shown`]; a hidden sheet or a
/// chart before it is passed over), [`guard`]ed: its name and its cells that hold a value, in
/// the order the sheet stores them.
pub fn first_shown_sheet(bytes: &[u8]) -> Result<(String, Vec<Cell>), WorkbookProblem> {
    let mut sheets = sheets(bytes)?;
    let index = sheets.first_shown();
    let cells = sheets.cells(index)?;
    Ok((sheets.names.swap_remove(index), cells))
}

/// Inflates every part of the archive once, within the limits, and holds the shared strings'
/// claimed count to what their part can hold (each takes at least `<si><t/></si>`).
pub fn guard(bytes: &[u8]) -> Result<(), WorkbookProblem> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable_zip)?;
    if archive.len() > MAX_PARTS {
        return Err(WorkbookProblem::TooManyParts(MAX_PARTS));
    }
    let mut total: u64 = 0;
    let mut buffer = vec![0u8; 64 * 1024];
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).map_err(unreadable_zip)?;
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        let shared_strings = name.ends_with("sharedStrings.xml");
        let mut size: u64 = 0;
        let mut head: Vec<u8> = Vec::new();
        loop {
            let n = part.read(&mut buffer).map_err(unreadable_part)?;
            if n == 0 {
                break;
            }
            if shared_strings && head.len() < 4096 {
                head.extend(buffer.iter().take(n.min(4096)));
            }
            size += n as u64;
            total += n as u64;
            if size > MAX_PART_BYTES {
                return Err(WorkbookProblem::TooLarge {
                    part: name,
                    limit: MAX_PART_BYTES,
                });
            }
            if total > MAX_TOTAL_BYTES {
                return Err(WorkbookProblem::TooLarge {
                    part: name,
                    limit: MAX_TOTAL_BYTES,
                });
            }
        }
        if shared_strings
            && let Some(claimed) = unique_count(&head)
            && claimed > size / 12
        {
            return Err(WorkbookProblem::ClaimsStrings {
                claimed,
                bytes: size,
            });
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

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    /// A zip of the given parts, deflated.
    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in parts {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn a_part_that_inflates_beyond_the_limit_is_refused_unread() {
        // 65 MiB of zeros deflate to about 64 KiB.
        let zeros = vec![b'0'; 65 * 1024 * 1024];
        let bomb = zip_of(&[("xl/worksheets/sheet1.xml", &zeros)]);
        assert!(bomb.len() < 1024 * 1024, "{}", bomb.len());
        match guard(&bomb) {
            Err(WorkbookProblem::TooLarge { part, limit }) => {
                assert_eq!(part, "xl/worksheets/sheet1.xml");
                assert_eq!(limit, MAX_PART_BYTES);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn shared_strings_may_not_claim_more_than_their_part_holds() {
        let sst = br#"<?xml version="1.0"?><sst count="4000000000" uniqueCount="4000000000"><si><t>x</t></si></sst>"#;
        let book = zip_of(&[("xl/sharedStrings.xml", sst)]);
        assert!(matches!(
            guard(&book),
            Err(WorkbookProblem::ClaimsStrings {
                claimed: 4_000_000_000,
                ..
            })
        ));
    }

    #[test]
    fn a_sheet_is_read_by_its_cells_not_by_its_farthest_corner() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Insats").unwrap();
        sheet.write_number(1_048_575, 16_383, 1.0).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let (_, cells) = first_shown_sheet(&bytes).unwrap();
        assert_eq!(cells.len(), 2);
        assert_eq!(cells[1].0, 1_048_575);
        assert_eq!(cells[1].1, 16_383);
    }

    #[test]
    fn what_is_not_a_workbook_is_unreadable_not_a_panic() {
        assert!(matches!(
            first_shown_sheet(b"PK\x03\x04 not really"),
            Err(WorkbookProblem::Damaged(_))
        ));
        assert_eq!(
            first_shown_sheet(&zip_of(&[("hello.txt", b"hi")])).unwrap_err(),
            WorkbookProblem::MissingPart("_rels/.rels".to_string())
        );
    }
}
