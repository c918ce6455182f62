//! What `calamine` does not read of an OpenDocument spreadsheet (`.ods`): each number cell's
//! format, and the cells merged over others. Both are read from the file itself, its
//! `content.xml` (the sheets, and the styles made for them) and `styles.xml` (the styles
//! every sheet may use), once [`workbook::guard`] has passed.
//!
//! A number's format is told as an XLSX number format code is written (`0%`, `0\ \t\k\r`,
//! `\€\ 0`), so that one reading of a format (`input::usage`'s) serves both: a cell of type
//! percentage is `0%`; a cell of type currency in another currency than SEK shows that
//! currency; a number's data style shows its texts and currency symbol as they are
//! (`number:text`, `number:currency-symbol`), each character escaped.
//!
//! Positions count `table:number-rows-repeated` and `table:number-columns-repeated`, and a
//! covered cell (`table:covered-table-cell`, hidden under a merged one) takes its place as
//! any cell does, as `calamine` counts them; a cell beyond a spreadsheet's last row or column
//! is not read, and a number cell without a value (`office:value`, which `calamine` reads as
//! empty) has no format. What is kept, a number cell's place and style or a merged range, is
//! held to [`workbook::MAX_CELLS`] for the whole workbook, and each format code is worked out
//! once for each style it is shown with. A merged range ends at most at a spreadsheet's last
//! row and column, and a span that cannot be read is merged up to them.

use std::collections::HashMap;
use std::io::{BufReader, Cursor};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::core::population::WorkbookProblem;
use crate::input::workbook::{self, Merged};

/// One sheet's number formats, by (row, column) from 0, and its merged ranges.
#[derive(Debug, Default, PartialEq)]
pub struct Sheet {
    pub formats: HashMap<(u32, u32), String>,
    pub merged: Vec<Merged>,
}

/// Every sheet of an ODS spreadsheet (a `table:table` with a name, in the file's order, as
/// `calamine` names them), once [`workbook::guard`] has passed.
pub fn sheets(bytes: &[u8]) -> Result<Vec<Sheet>, WorkbookProblem> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| WorkbookProblem::Damaged(e.to_string()))?;
    let mut styles = Styles::default();
    // The common styles first: those `content.xml` makes for itself come after, and win.
    if let Ok(part) = archive.by_name("styles.xml") {
        let mut reader = reader(part);
        parse(&mut reader, &mut styles, None)?;
    }
    let part = archive
        .by_name("content.xml")
        .map_err(|_| WorkbookProblem::MissingPart("content.xml".to_string()))?;
    let mut reader = reader(part);
    let mut tables = Tables::default();
    parse(&mut reader, &mut styles, Some(&mut tables))?;
    // Each format's code, worked out once, when a cell first shows it.
    let mut codes: Vec<Option<Option<String>>> = vec![None; tables.formats.len()];
    let Tables {
        sheets,
        names,
        formats,
        ..
    } = tables;
    Ok(sheets
        .into_iter()
        .map(|read| {
            let mut shown = HashMap::new();
            for n in read.numbers {
                let at = n.format as usize;
                let (Some(code), Some((kind, style))) = (codes.get_mut(at), formats.get(at)) else {
                    continue;
                };
                let code = code.get_or_insert_with(|| {
                    styles.code(kind.clone(), style.and_then(|s| names.get(s)))
                });
                if let Some(code) = code {
                    shown.insert((n.row, n.column), code.clone());
                }
            }
            Sheet {
                formats: shown,
                merged: read.merged,
            }
        })
        .collect())
}

/// An XML reader over a part, inflated within the guard's limit.
fn reader<R: std::io::Read>(part: R) -> Reader<BufReader<std::io::Take<R>>> {
    let mut reader = Reader::from_reader(BufReader::new(part.take(workbook::MAX_PART_BYTES)));
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    reader
}

/// What a number cell holds, by its `office:value-type`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Kind {
    Float,
    Percentage,
    /// With its `office:currency` (`SEK`, `EUR`), if it names one.
    Currency(Option<String>),
}

/// A cell's style: the data style it shows its number with, and the style it inherits from.
#[derive(Debug, Default)]
struct CellStyle {
    data: Option<String>,
    parent: Option<String>,
}

/// A data style (`number:number-style`, `number:currency-style`, `number:percentage-style`;
/// a date's, a time's, a text's or a truth value's shows no unit).
#[derive(Debug, Default)]
struct NumberStyle {
    percentage: bool,
    parts: Vec<Part>,
    /// The styles it shows a number with on a condition (`value()>=0`), in order: the
    /// first is the format's first section, as in XLSX.
    maps: Vec<String>,
}

#[derive(Debug)]
enum Part {
    Number,
    Text(String),
    Symbol(String),
}

#[derive(Default)]
struct Styles {
    cells: HashMap<String, CellStyle>,
    numbers: HashMap<String, NumberStyle>,
}

impl Styles {
    /// A number cell's format code, as XLSX writes one; none for a number shown as it is.
    fn code(&self, kind: Kind, style: Option<&String>) -> Option<String> {
        if kind == Kind::Percentage {
            return Some("0%".to_string());
        }
        let number = self
            .data_style(style)
            .and_then(|name| self.numbers.get(name));
        let currency = match kind {
            Kind::Currency(Some(code)) if !code.trim().eq_ignore_ascii_case("SEK") => {
                Some(code.trim().to_string())
            }
            _ => None,
        };
        let section = |n: Option<&NumberStyle>| {
            let mut code = String::new();
            let mut symbol = false;
            for part in n.map(|n| n.parts.as_slice()).unwrap_or_default() {
                match part {
                    Part::Number => code.push('0'),
                    // A percentage's `%` is the format's own.
                    Part::Text(text) if n.is_some_and(|n| n.percentage) => {
                        for piece in text.split_inclusive('%') {
                            match piece.strip_suffix('%') {
                                Some(before) => code.push_str(&format!("{}%", escaped(before))),
                                None => code.push_str(&escaped(piece)),
                            }
                        }
                    }
                    Part::Text(text) => code.push_str(&escaped(text)),
                    Part::Symbol(text) => {
                        symbol = true;
                        // Another currency than the kronor a symbol shows (or none).
                        let kronor =
                            ["", "kr", "kr.", "sek"].contains(&text.trim().to_lowercase().as_str());
                        match &currency {
                            Some(other) if kronor => code.push_str(&escaped(other)),
                            _ => code.push_str(&escaped(text)),
                        }
                    }
                }
            }
            if let (Some(other), false) = (&currency, symbol) {
                code = format!("{} {code}", escaped(other));
            }
            if n.is_some_and(|n| n.percentage) && !code.contains('%') {
                code.push('%');
            }
            code
        };
        let main = section(number);
        let code = match number
            .and_then(|n| n.maps.first())
            .map(|first| self.numbers.get(first))
        {
            Some(first) => format!("{};{main}", section(first)),
            None => main,
        };
        (!code.is_empty()).then_some(code)
    }

    /// The data style a cell style shows numbers with, its own or one it inherits.
    fn data_style(&self, style: Option<&String>) -> Option<&String> {
        let mut style = self.cells.get(style?)?;
        // A chain of parents, within reason (a style that is its own parent is no loop).
        for _ in 0..16 {
            if let Some(data) = &style.data {
                return Some(data);
            }
            style = self.cells.get(style.parent.as_ref()?)?;
        }
        None
    }
}

/// Each character of a text as a format code writes it literally (`\t\k\r`).
fn escaped(text: &str) -> String {
    text.chars().flat_map(|c| ['\\', c]).collect()
}

/// A number cell with a value as read: its place, and its kind and style (an index of
/// [`Tables::formats`]).
struct Number {
    row: u32,
    column: u32,
    format: u32,
}

/// A sheet as read.
#[derive(Default)]
struct Read {
    numbers: Vec<Number>,
    merged: Vec<Merged>,
}

/// The sheets as read, the cell styles' names they use, and the kinds and styles their
/// number cells are shown with.
#[derive(Default)]
struct Tables {
    sheets: Vec<Read>,
    names: Vec<String>,
    index: HashMap<String, usize>,
    formats: Vec<(Kind, Option<usize>)>,
    format_index: HashMap<(Kind, Option<usize>), u32>,
    /// What is kept of all sheets so far (number cells and merged ranges), within
    /// [`workbook::MAX_CELLS`].
    kept: u64,
}

impl Tables {
    fn format(&mut self, kind: Kind, style: Option<usize>) -> u32 {
        if let Some(&at) = self.format_index.get(&(kind.clone(), style)) {
            return at;
        }
        // Fewer than the cells kept, themselves within `MAX_CELLS`.
        let at = u32::try_from(self.formats.len()).unwrap_or(u32::MAX);
        self.formats.push((kind.clone(), style));
        self.format_index.insert((kind, style), at);
        at
    }

    fn name(&mut self, name: String) -> usize {
        if let Some(&at) = self.index.get(&name) {
            return at;
        }
        self.names.push(name.clone());
        self.index.insert(name, self.names.len() - 1);
        self.names.len() - 1
    }
}

/// A cell of a row as read, before its row's repeats are known to be all read: its format
/// (an index of [`Tables::formats`]) if it is a number with a value, and its span (rows,
/// columns) if it is merged over others.
struct RowCell {
    column: u32,
    repeat: u32,
    format: Option<u32>,
    span: Option<(u32, u32)>,
}

impl RowCell {
    /// What is kept of the cell in each row: for each of its columns within a spreadsheet's,
    /// its format and its merged range.
    fn kept(&self) -> u64 {
        let last = self
            .column
            .saturating_add(self.repeat)
            .min(workbook::MAX_COLUMN);
        let each = u64::from(self.format.is_some()) + u64::from(self.span.is_some());
        u64::from(last.saturating_sub(self.column)) * each
    }
}

/// Where the reader stands in a table.
#[derive(Default)]
struct Place {
    /// The table's columns' default cell styles: from which column on (ranges in order).
    columns: Vec<(u32, Option<usize>)>,
    column_count: u32,
    row: u32,
    /// The row being read.
    open: Option<Row>,
}

/// A row being read: its repeats, its default cell style, its cells so far, the column it
/// has come to, and what is kept of its cells in each of its rows.
struct Row {
    repeat: u32,
    style: Option<usize>,
    cells: Vec<RowCell>,
    column: u32,
    per_row: u64,
}

/// What a data style's text is being gathered for.
enum Gathering {
    Text,
    Symbol,
}

/// Reads a part's styles into `styles`, and, with `tables`, its sheets.
fn parse<R: std::io::BufRead>(
    reader: &mut Reader<R>,
    styles: &mut Styles,
    mut tables: Option<&mut Tables>,
) -> Result<(), WorkbookProblem> {
    let bad = |e: quick_xml::Error| WorkbookProblem::Unreadable(e.to_string());
    let mut buf = Vec::new();
    // The data style being read (its name), and the text being gathered in it.
    let mut number: Option<(String, NumberStyle)> = None;
    let mut gathering: Option<(Gathering, String)> = None;
    // Tables within tables (in a cell) are no sheet of their own.
    let mut depth = 0usize;
    let mut place = Place::default();
    loop {
        let event = reader.read_event_into(&mut buf).map_err(bad)?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            let name = e.name();
            let name = name.as_ref();
            match name {
                "number:number-style"
                | "number:currency-style"
                | "number:percentage-style"
                | "number:date-style"
                | "number:time-style"
                | "number:boolean-style"
                | "number:text-style" => {
                    let style = NumberStyle {
                        percentage: name == "number:percentage-style",
                        ..NumberStyle::default()
                    };
                    let shows_unit = matches!(
                        name,
                        "number:number-style" | "number:currency-style" | "number:percentage-style"
                    );
                    if let Some(named) = attribute(e, "style:name") {
                        // A date's or a text's style is kept without parts: no unit.
                        let entry = (named, style);
                        match (empty, shows_unit) {
                            (true, _) => {
                                styles.numbers.insert(entry.0, entry.1);
                            }
                            (false, true) => number = Some(entry),
                            (false, false) => {
                                styles.numbers.insert(entry.0, entry.1);
                            }
                        }
                    }
                }
                "number:number" | "number:scientific-number" | "number:fraction" => {
                    if let Some((_, style)) = &mut number {
                        style.parts.push(Part::Number);
                    }
                }
                "number:text" | "number:currency-symbol" if number.is_some() => {
                    let kind = match name {
                        "number:text" => Gathering::Text,
                        _ => Gathering::Symbol,
                    };
                    match empty {
                        true => push_part(&mut number, kind, String::new()),
                        false => gathering = Some((kind, String::new())),
                    }
                }
                "style:map" => {
                    if let (Some((_, style)), Some(applied)) =
                        (&mut number, attribute(e, "style:apply-style-name"))
                    {
                        style.maps.push(applied);
                    }
                }
                "style:style" => {
                    if attribute(e, "style:family").as_deref() == Some("table-cell")
                        && let Some(named) = attribute(e, "style:name")
                    {
                        styles.cells.insert(
                            named,
                            CellStyle {
                                data: attribute(e, "style:data-style-name"),
                                parent: attribute(e, "style:parent-style-name"),
                            },
                        );
                    }
                }
                _ => {}
            }
            if let Some(tables) = tables.as_deref_mut() {
                table_start(tables, &mut place, &mut depth, e, empty)?;
            }
        }
        match &event {
            Event::Text(text) => {
                if let Some((_, gathered)) = &mut gathering {
                    gathered.push_str(&text.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                if let Some((_, gathered)) = &mut gathering {
                    let entity = match reference.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        _ => match reference.as_ref() {
                            "amp" => Some('&'),
                            "lt" => Some('<'),
                            "gt" => Some('>'),
                            "quot" => Some('"'),
                            "apos" => Some('\''),
                            _ => None,
                        },
                    };
                    gathered.extend(entity);
                }
            }
            Event::End(e) => {
                let name = e.name();
                match name.as_ref() {
                    "number:text" | "number:currency-symbol" => {
                        if let Some((kind, text)) = gathering.take() {
                            push_part(&mut number, kind, text);
                        }
                    }
                    "number:number-style" | "number:currency-style" | "number:percentage-style" => {
                        if let Some((named, style)) = number.take() {
                            styles.numbers.insert(named, style);
                        }
                    }
                    _ => {}
                }
                if let Some(tables) = tables.as_deref_mut() {
                    table_end(tables, &mut place, &mut depth, name.as_ref())?;
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

fn push_part(number: &mut Option<(String, NumberStyle)>, kind: Gathering, text: String) {
    if let Some((_, style)) = number {
        style.parts.push(match kind {
            Gathering::Text => Part::Text(text),
            Gathering::Symbol => Part::Symbol(text),
        });
    }
}

/// An attribute's value, unescaped (none if it cannot be read).
fn attribute(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.try_get_attribute(key).ok().flatten().and_then(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .ok()
            .map(|v| v.into_owned())
    })
}

/// A count (`table:number-columns-repeated`), 1 when absent or unreadable.
fn count(e: &BytesStart<'_>, key: &str) -> u32 {
    attribute(e, key)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .unwrap_or(1)
        .max(1)
}

/// A span (`table:number-rows-spanned`, `…-columns-spanned`): 1 when absent, and as far as
/// can be (`u32::MAX`, cut at the sheet's end) when it cannot be read or is out of range, so
/// that a merged cell is never read as one that is not.
fn span(e: &BytesStart<'_>, key: &str) -> u32 {
    match attribute(e, key) {
        None => 1,
        Some(v) => match v.trim().parse::<u32>() {
            Ok(n) if n >= 1 => n,
            _ => u32::MAX,
        },
    }
}

/// An element starts in `content.xml`: a sheet, a column, a row or a cell of it.
fn table_start(
    tables: &mut Tables,
    place: &mut Place,
    depth: &mut usize,
    e: &BytesStart<'_>,
    empty: bool,
) -> Result<(), WorkbookProblem> {
    let name = e.name();
    match name.as_ref() {
        "table:table" => {
            if *depth == 0 && attribute(e, "table:name").is_some() {
                tables.sheets.push(Read::default());
                *place = Place::default();
                *depth = 1;
            } else if *depth > 0 {
                *depth += 1;
            }
            if empty {
                table_end(tables, place, depth, "table:table")?;
            }
        }
        _ if *depth != 1 => {}
        "table:table-column" => {
            // Columns beyond a spreadsheet's last hold no cell that is read.
            if place.column_count >= workbook::MAX_COLUMN {
                return Ok(());
            }
            let style = attribute(e, "table:default-cell-style-name").map(|s| tables.name(s));
            place.columns.push((place.column_count, style));
            place.column_count = place
                .column_count
                .saturating_add(count(e, "table:number-columns-repeated"));
        }
        "table:table-row" => {
            let style = attribute(e, "table:default-cell-style-name").map(|s| tables.name(s));
            place.open = Some(Row {
                repeat: count(e, "table:number-rows-repeated"),
                style,
                cells: Vec::new(),
                column: 0,
                per_row: 0,
            });
            if empty {
                table_end(tables, place, depth, "table:table-row")?;
            }
        }
        cell @ ("table:table-cell" | "table:covered-table-cell") => {
            let covered = cell == "table:covered-table-cell";
            let repeat = count(e, "table:number-columns-repeated");
            let Some(Row {
                style: row_style,
                cells,
                column,
                per_row,
                ..
            }) = &mut place.open
            else {
                return Ok(());
            };
            let at = *column;
            *column = column.saturating_add(repeat);
            // A cell beyond a spreadsheet's last column is not read.
            if at >= workbook::MAX_COLUMN {
                return Ok(());
            }
            // A number without a value is read as an empty cell by `calamine`: no format.
            let kind = match attribute(e, "office:value-type").as_deref() {
                _ if e.try_get_attribute("office:value").ok().flatten().is_none() => None,
                Some("float") => Some(Kind::Float),
                Some("percentage") => Some(Kind::Percentage),
                Some("currency") => Some(Kind::Currency(attribute(e, "office:currency"))),
                _ => None,
            };
            let span = match covered {
                true => None,
                false => Some((
                    span(e, "table:number-rows-spanned"),
                    span(e, "table:number-columns-spanned"),
                ))
                .filter(|&s| s != (1, 1)),
            };
            if kind.is_none() && span.is_none() {
                return Ok(());
            }
            let format = match kind {
                Some(kind) => {
                    let own = attribute(e, "table:style-name").map(|s| tables.name(s));
                    // The cell's own style, else its row's default, else its column's (the
                    // last run of columns that starts at or before it).
                    let style = own.or(*row_style).or_else(|| {
                        let runs = place.columns.partition_point(|(from, _)| *from <= at);
                        runs.checked_sub(1)
                            .and_then(|r| place.columns.get(r))
                            .and_then(|(_, s)| *s)
                    });
                    Some(tables.format(kind, style))
                }
                None => None,
            };
            let read = RowCell {
                column: at,
                repeat,
                format,
                span,
            };
            *per_row = per_row.saturating_add(read.kept());
            // Refused as soon as one of the row's rows alone is more than may be kept.
            if place.row < workbook::MAX_ROW
                && tables.kept.saturating_add(*per_row) > workbook::MAX_CELLS as u64
            {
                return Err(WorkbookProblem::TooManyCells(workbook::MAX_CELLS));
            }
            cells.push(read);
        }
        _ => {}
    }
    Ok(())
}

/// An element ends in `content.xml`: a row's cells are kept for each of its repeats.
fn table_end(
    tables: &mut Tables,
    place: &mut Place,
    depth: &mut usize,
    name: &str,
) -> Result<(), WorkbookProblem> {
    match name {
        "table:table" => *depth = depth.saturating_sub(1),
        "table:table-row" if *depth == 1 => {
            let Some(Row {
                repeat,
                cells,
                per_row,
                ..
            }) = place.open.take()
            else {
                return Ok(());
            };
            let Some(sheet) = tables.sheets.last_mut() else {
                return Ok(());
            };
            let first = place.row;
            place.row = place.row.saturating_add(repeat);
            // Within a spreadsheet's rows and columns, as `calamine` reads them.
            let rows = first..place.row.min(workbook::MAX_ROW);
            let kept = tables
                .kept
                .saturating_add(per_row.saturating_mul(rows.len() as u64));
            if kept > workbook::MAX_CELLS as u64 {
                return Err(WorkbookProblem::TooManyCells(workbook::MAX_CELLS));
            }
            tables.kept = kept;
            for row in rows {
                for cell in &cells {
                    let last = cell.column.saturating_add(cell.repeat);
                    for column in cell.column..last.min(workbook::MAX_COLUMN) {
                        if let Some(format) = cell.format {
                            sheet.numbers.push(Number {
                                row,
                                column,
                                format,
                            });
                        }
                        // A merged range ends at most at the sheet's last row and column.
                        if let Some((down, across)) = cell.span {
                            sheet.merged.push((
                                (row, column),
                                (
                                    row.saturating_add(down - 1).min(workbook::MAX_ROW - 1),
                                    column
                                        .saturating_add(across - 1)
                                        .min(workbook::MAX_COLUMN - 1),
                                ),
                            ));
                        }
                    }
                }
            }
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    /// An ODS file of the given content and styles.
    fn ods(content: &str, styles: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("mimetype", stored).unwrap();
        zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .unwrap();
        for (name, text) in [("content.xml", content), ("styles.xml", styles)] {
            zip.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    const STYLES: &str = r#"<office:document-styles><office:styles>
        <number:number-style style:name="N146"><number:number number:grouping="true"/><number:text> tkr</number:text></number:number-style>
        <number:number-style style:name="N144"><number:number/><number:text> kr</number:text></number:number-style>
        <number:currency-style style:name="E0"><number:currency-symbol number:language="de">€</number:currency-symbol><number:text> </number:text><number:number/></number:currency-style>
        <number:currency-style style:name="C0P0" style:volatile="true"><number:number/><number:text> </number:text><number:currency-symbol/></number:currency-style>
        <number:currency-style style:name="C0"><number:text>-</number:text><number:number/><number:text> </number:text><number:currency-symbol/><style:map style:condition="value()&gt;=0" style:apply-style-name="C0P0"/></number:currency-style>
        <style:style style:name="Default" style:family="table-cell"/>
        <style:style style:name="Tkr" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N146"/>
        </office:styles></office:document-styles>"#;

    fn content(rows: &str) -> String {
        format!(
            r#"<office:document-content><office:automatic-styles>
            <number:percentage-style style:name="N10"><number:number/><number:text>%</number:text></number:percentage-style>
            <style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N146"/>
            <style:style style:name="ce2" style:family="table-cell" style:parent-style-name="Tkr"/>
            <style:style style:name="ce3" style:family="table-cell" style:data-style-name="E0"/>
            <style:style style:name="ce4" style:family="table-cell" style:data-style-name="C0"/>
            <style:style style:name="ce5" style:family="table-cell" style:data-style-name="N144"/>
            <style:style style:name="ce6" style:family="table-cell" style:data-style-name="N10"/>
            </office:automatic-styles><office:body><office:spreadsheet>
            <table:table table:name="Redovisning"><table:table-column table:number-columns-repeated="3"/><table:table-column table:default-cell-style-name="ce1"/>{rows}</table:table>
            <table:table table:name="Anteckningar"><table:table-row><table:table-cell table:style-name="ce6" office:value-type="float" office:value="1"/></table:table-row></table:table>
            </office:spreadsheet></office:body></office:document-content>"#
        )
    }

    fn cell(attributes: &str) -> String {
        format!(r#"<table:table-cell {attributes}><text:p>x</text:p></table:table-cell>"#)
    }

    #[test]
    fn a_number_cell_is_given_the_format_its_style_shows() {
        let rows = format!(
            r#"<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2"/>{}{}</table:table-row>
            <table:table-row>{}{}{}{}{}</table:table-row>
            <table:table-row>{}{}{}<table:table-cell/>{}</table:table-row>"#,
            cell(r#"table:style-name="ce1" office:value-type="float" office:value="70""#),
            cell(r#"office:value-type="float" office:value="70""#),
            cell(r#"table:style-name="ce2" office:value-type="float" office:value="70""#),
            cell(r#"office:value-type="percentage" office:value="0.96""#),
            cell(
                r#"table:style-name="ce3" office:value-type="currency" office:currency="EUR" office:value="7""#
            ),
            cell(
                r#"table:style-name="ce4" office:value-type="currency" office:currency="SEK" office:value="7""#
            ),
            cell(
                r#"table:style-name="ce4" office:value-type="currency" office:currency="EUR" office:value="7""#
            ),
            cell(r#"table:style-name="ce5" office:value-type="float" office:value="7""#),
            cell(r#"table:style-name="ce6" office:value-type="float" office:value="7""#),
            cell(r#"office:value-type="string""#),
            cell(r#"table:style-name="ce1" office:value-type="float" office:value="7""#),
        );
        let sheets = sheets(&ods(&content(&rows), STYLES)).unwrap();
        assert_eq!(sheets.len(), 2);
        let formats = &sheets[0].formats;
        let at = |r: u32, c: u32| formats.get(&(r, c)).map(String::as_str);
        // Repeated rows, repeated cells before, and the column's default style.
        for row in [0, 1] {
            assert_eq!(at(row, 2), Some(r"0\ \t\k\r"));
            assert_eq!(at(row, 3), Some(r"0\ \t\k\r"));
        }
        assert_eq!(at(2, 0), Some(r"0\ \t\k\r"), "inherited from its parent");
        assert_eq!(at(2, 1), Some("0%"));
        assert_eq!(at(2, 2), Some(r"\€\ 0"));
        assert_eq!(at(2, 3), Some(r"0\ ;\-0\ "), "SEK with the locale's symbol");
        assert_eq!(at(2, 4), Some(r"0\ \E\U\R;\-0\ \E\U\R"));
        assert_eq!(at(3, 0), Some(r"0\ \k\r"));
        assert_eq!(at(3, 1), Some("0%"));
        assert_eq!(at(3, 2), None, "text");
        assert_eq!(at(3, 4), Some(r"0\ \t\k\r"));
        assert_eq!(
            sheets[1].formats.get(&(0, 0)).map(String::as_str),
            Some("0%")
        );
    }

    #[test]
    fn merged_cells_are_read_with_their_place() {
        let rows = r#"<table:table-row><table:table-cell/><table:table-cell office:value-type="float" office:value="1" table:number-rows-spanned="2" table:number-columns-spanned="1"/><table:covered-table-cell table:number-columns-repeated="2"/><table:table-cell table:number-columns-spanned="2"/></table:table-row>
            <table:table-row table:number-rows-repeated="3"><table:table-cell/><table:covered-table-cell/></table:table-row>"#;
        let sheets = sheets(&ods(&content(rows), STYLES)).unwrap();
        assert_eq!(sheets[0].merged, vec![((0, 1), (1, 1)), ((0, 4), (0, 5))]);
    }

    #[test]
    fn repeats_beyond_the_limit_are_refused_not_expanded() {
        let rows = r#"<table:table-row table:number-rows-repeated="1048576"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"/></table:table-row>"#;
        assert_eq!(
            sheets(&ods(&content(rows), STYLES)),
            Err(WorkbookProblem::TooManyCells(workbook::MAX_CELLS))
        );
        for hostile in [
            "<table:table-row><table:table-cell table:number-columns-repeated=\"-4\"/>",
            "<table:table table:name=\"x\">",
            "</table:table-row></table:table-row>",
            "<number:text>&bogus;</number:text>",
        ] {
            let _ = sheets(&ods(&content(hostile), STYLES));
        }
    }

    /// A workbook of the given sheets (each a table's columns and rows), with [`content`]'s
    /// styles.
    fn book(tables: &[String]) -> Vec<u8> {
        let all = content("");
        let (head, _) = all.split_once("<table:table ").unwrap();
        let body: String = (tables.iter().enumerate())
            .map(|(i, t)| format!(r#"<table:table table:name="Blad{i}">{t}</table:table>"#))
            .collect();
        let xml =
            format!("{head}{body}</office:spreadsheet></office:body></office:document-content>");
        ods(&xml, STYLES)
    }

    #[test]
    fn the_sheets_share_one_budget() {
        // A million number cells a sheet: two are within the limit, three are not.
        let sheet = r#"<table:table-row table:number-rows-repeated="1000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="1000"/></table:table-row>"#.to_string();
        let two = sheets(&book(&[sheet.clone(), sheet.clone()])).unwrap();
        assert_eq!(two.len(), 2);
        assert_eq!(
            sheets(&book(&[sheet.clone(), sheet.clone(), sheet])),
            Err(WorkbookProblem::TooManyCells(workbook::MAX_CELLS))
        );
        // Merged ranges count too, with the numbers of every sheet.
        let merged = r#"<table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-spanned="2" table:number-columns-repeated="1000"/></table:table-row>"#.to_string();
        let numbers = r#"<table:table-row table:number-rows-repeated="1000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="1001"/></table:table-row>"#.to_string();
        assert_eq!(
            sheets(&book(&[merged, numbers])),
            Err(WorkbookProblem::TooManyCells(workbook::MAX_CELLS))
        );
    }

    #[test]
    fn a_number_without_a_value_is_not_kept() {
        // As many as a sheet has, on each of twenty sheets: none is kept, none is counted.
        let empty = r#"<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:style-name="ce1" office:value-type="float" table:number-columns-repeated="16384"/></table:table-row>"#.to_string();
        let read = sheets(&book(&vec![empty; 20])).unwrap();
        assert_eq!(read.len(), 20);
        assert!(
            read.iter()
                .all(|s| s.formats.is_empty() && s.merged.is_empty())
        );
        let rows = format!(
            "<table:table-row>{}{}</table:table-row>",
            cell(r#"table:style-name="ce1" office:value-type="float""#),
            cell(r#"table:style-name="ce1" office:value-type="float" office:value="7""#),
        );
        let read = sheets(&ods(&content(&rows), STYLES)).unwrap();
        assert_eq!(read[0].formats.get(&(0, 0)), None);
        assert_eq!(
            read[0].formats.get(&(0, 1)).map(String::as_str),
            Some(r"0\ \t\k\r")
        );
    }

    #[test]
    fn a_span_too_large_is_merged_to_the_sheets_end() {
        let (last_row, last_column) = (workbook::MAX_ROW - 1, workbook::MAX_COLUMN - 1);
        for span in ["4294967295", "5000000000", "4294967294", "-1", "0", "x"] {
            let rows = format!(
                r#"<table:table-row table:number-rows-repeated="5"/><table:table-row><table:table-cell table:number-columns-repeated="4"/><table:table-cell office:value-type="float" office:value="1" table:number-rows-spanned="{span}"/><table:table-cell table:number-columns-spanned="{span}"/></table:table-row>"#
            );
            let read = sheets(&ods(&content(&rows), STYLES)).unwrap();
            assert_eq!(
                read[0].merged,
                vec![((5, 4), (last_row, 4)), ((5, 5), (5, last_column))],
                "{span}"
            );
        }
        // Within the sheet, a span is as written; at its end, cut there.
        let rows = format!(
            r#"<table:table-row table:number-rows-repeated="{}"/><table:table-row><table:table-cell table:number-rows-spanned="3" table:number-columns-spanned="2"/></table:table-row>"#,
            workbook::MAX_ROW - 1
        );
        let read = sheets(&ods(&content(&rows), STYLES)).unwrap();
        assert_eq!(read[0].merged, vec![((last_row, 0), (last_row, 1))]);
    }

    #[test]
    fn many_runs_of_columns_give_each_cell_its_columns_style() {
        // A run of one column each, by turns `tkr` and `kr`, past a spreadsheet's last column.
        let columns: String = (0..20_000)
            .map(|i| {
                let style = if i % 2 == 0 { "ce1" } else { "ce5" };
                format!(r#"<table:table-column table:default-cell-style-name="{style}"/>"#)
            })
            .collect();
        let row = format!(
            r#"<table:table-row>{}</table:table-row>"#,
            r#"<table:table-cell office:value-type="float" office:value="1"/>"#.repeat(20_000)
        );
        let read = sheets(&book(&[format!("{columns}{row}")])).unwrap();
        let at = |c: u32| read[0].formats.get(&(0, c)).map(String::as_str);
        assert_eq!(at(0), Some(r"0\ \t\k\r"));
        assert_eq!(at(1), Some(r"0\ \k\r"));
        assert_eq!(at(16_382), Some(r"0\ \t\k\r"));
        assert_eq!(at(16_383), Some(r"0\ \k\r"));
        assert_eq!(at(16_384), None, "beyond the last column");
        assert_eq!(read[0].formats.len(), workbook::MAX_COLUMN as usize);
    }
}
