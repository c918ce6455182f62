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
//! is not read. What is kept is held to [`workbook::MAX_CELLS`] per sheet.

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
    Ok(tables
        .sheets
        .into_iter()
        .map(|read| Sheet {
            formats: read
                .numbers
                .into_iter()
                .filter_map(|n| {
                    let style = n.style.and_then(|s| tables.names.get(s));
                    styles
                        .code(n.kind, style)
                        .map(|code| ((n.row, n.column), code))
                })
                .collect(),
            merged: read.merged,
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
#[derive(Clone, Debug, PartialEq)]
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

/// A number cell as read: its place, kind and style (an index of [`Tables::names`]).
struct Number {
    row: u32,
    column: u32,
    kind: Kind,
    style: Option<usize>,
}

/// A sheet as read.
#[derive(Default)]
struct Read {
    numbers: Vec<Number>,
    merged: Vec<Merged>,
}

/// The sheets as read, and the cell styles' names they use.
#[derive(Default)]
struct Tables {
    sheets: Vec<Read>,
    names: Vec<String>,
    index: HashMap<String, usize>,
}

impl Tables {
    fn name(&mut self, name: String) -> usize {
        if let Some(&at) = self.index.get(&name) {
            return at;
        }
        self.names.push(name.clone());
        self.index.insert(name, self.names.len() - 1);
        self.names.len() - 1
    }
}

/// A cell of a row as read, before its row's repeats are known to be all read.
struct RowCell {
    column: u32,
    repeat: u32,
    kind: Option<Kind>,
    style: Option<usize>,
    span: (u32, u32),
}

/// Where the reader stands in a table.
#[derive(Default)]
struct Place {
    /// The table's columns' default cell styles: from which column on (ranges in order).
    columns: Vec<(u32, Option<usize>)>,
    column_count: u32,
    row: u32,
    /// The row being read: its repeats, its default cell style and its cells so far.
    open: Option<(u32, Option<usize>, Vec<RowCell>, u32)>,
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

/// A count (`table:number-columns-repeated`, `…-spanned`), 1 when absent or unreadable.
fn count(e: &BytesStart<'_>, key: &str) -> u32 {
    attribute(e, key)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .unwrap_or(1)
        .max(1)
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
            let style = attribute(e, "table:default-cell-style-name").map(|s| tables.name(s));
            place.columns.push((place.column_count, style));
            place.column_count = place
                .column_count
                .saturating_add(count(e, "table:number-columns-repeated"));
        }
        "table:table-row" => {
            let style = attribute(e, "table:default-cell-style-name").map(|s| tables.name(s));
            place.open = Some((count(e, "table:number-rows-repeated"), style, Vec::new(), 0));
            if empty {
                table_end(tables, place, depth, "table:table-row")?;
            }
        }
        cell @ ("table:table-cell" | "table:covered-table-cell") => {
            let covered = cell == "table:covered-table-cell";
            let kind = match attribute(e, "office:value-type").as_deref() {
                Some("float") => Some(Kind::Float),
                Some("percentage") => Some(Kind::Percentage),
                Some("currency") => Some(Kind::Currency(attribute(e, "office:currency"))),
                _ => None,
            };
            let style = attribute(e, "table:style-name").map(|s| tables.name(s));
            let repeat = count(e, "table:number-columns-repeated");
            let span = match covered {
                true => (1, 1),
                false => (
                    count(e, "table:number-rows-spanned"),
                    count(e, "table:number-columns-spanned"),
                ),
            };
            let Some((_, row_style, cells, column)) = &mut place.open else {
                return Ok(());
            };
            if kind.is_some() || span != (1, 1) {
                // The cell's own style, else its row's default, else its column's.
                let style = style.or(*row_style).or_else(|| {
                    (place.columns.iter())
                        .take_while(|(from, _)| *from <= *column)
                        .last()
                        .and_then(|(_, s)| *s)
                });
                cells.push(RowCell {
                    column: *column,
                    repeat,
                    kind,
                    style,
                    span,
                });
            }
            *column = column.saturating_add(repeat);
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
            let Some((repeat, _, cells, _)) = place.open.take() else {
                return Ok(());
            };
            let Some(sheet) = tables.sheets.last_mut() else {
                return Ok(());
            };
            let first = place.row;
            place.row = place.row.saturating_add(repeat);
            // Within a spreadsheet's rows and columns, as `calamine` reads them.
            let rows = first..place.row.min(workbook::MAX_ROW);
            let per_row: u64 = (cells.iter())
                .map(|c| u64::from(c.repeat.min(workbook::MAX_COLUMN)))
                .sum();
            let kept = (sheet.numbers.len() + sheet.merged.len()) as u64;
            if kept.saturating_add(per_row.saturating_mul(rows.len() as u64))
                > workbook::MAX_CELLS as u64
            {
                return Err(WorkbookProblem::TooManyCells(workbook::MAX_CELLS));
            }
            for row in rows {
                for cell in &cells {
                    let last = cell.column.saturating_add(cell.repeat);
                    for column in cell.column..last.min(workbook::MAX_COLUMN) {
                        if let Some(kind) = &cell.kind {
                            sheet.numbers.push(Number {
                                row,
                                column,
                                kind: kind.clone(),
                                style: cell.style,
                            });
                        }
                        let (down, across) = cell.span;
                        if (down, across) != (1, 1) {
                            sheet.merged.push((
                                (row, column),
                                (
                                    row.saturating_add(down - 1),
                                    column.saturating_add(across - 1),
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
}
