//! Text with one row per line: every CSV that SCB's web interfaces (old and new) and APIs (v1
//! and v2) write, and a file saved again as CSV by Excel.
//!
//! - comma, semicolon or tab between fields: the one that splits most lines into two or
//!   more fields, on a tie the first of semicolon, tab, comma; spaces (PxWebApi 2's
//!   `SeparatorSpace`, texts quoted) when none of them splits a line;
//! - UTF-8 with or without a byte-order mark, UTF-16 with one, or ISO-8859-1/Windows-1252;
//! - an optional title line and blank lines before the header, notes after the table;
//! - numbers grouped with spaces or no-break spaces (`5 150`, as Excel writes them).

use super::grid::{self, Record};
use super::table::{Failure, Read};
use crate::core::population::{FileFormat, ScbErrorKind, TextEncoding};

pub(super) fn read(
    text: String,
    encoding: TextEncoding,
    column: Option<&str>,
) -> Result<Read, Failure> {
    // The delimiter that gives the most lines with two or more fields; on a tie the first of
    // semicolon, tab, comma. Spaces only when none of those splits a line and spaces split
    // two or more (a title alone has spaces too).
    // Each delimiter is scored without keeping its records: only the chosen one's are made.
    let mut best: Option<(usize, u8)> = None;
    for delimiter in [b';', b'\t', b',', b' '] {
        if delimiter == b' ' && best.is_some_and(|(s, _)| s > 0) {
            break;
        }
        let score = score(&text, delimiter);
        if delimiter == b' ' && score < 2 {
            break;
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, delimiter));
        }
    }
    let Some((score, delimiter)) = best else {
        return Err((None, ScbErrorKind::NoHeader));
    };
    if score == 0 {
        return Err((None, ScbErrorKind::NoHeader));
    }
    if let Some(last) = cut_short(&text, delimiter) {
        return Err((Some(last), ScbErrorKind::LastRowCut));
    }
    let sheet = grid::read(
        || Records::new(&text, delimiter),
        column,
        false,
        char::from(delimiter),
    )?;
    let delimiter = char::from(delimiter);
    Ok(Read {
        format: FileFormat::Csv {
            encoding,
            delimiter,
        },
        text,
        title: sheet.title,
        header_line: sheet.header_line,
        column: sheet.column,
        table: sheet.table,
    })
}

/// The last line of a file whose last row, a row of fields, ends in a figure with no line
/// break after it (spaces, tabs and a DOS end-of-file mark aside): a download cut short,
/// perhaps inside its last figure (`64977` read as `649`). SCB's files, and a sheet saved as
/// CSV by Excel or LibreOffice, end every row with a line break; a last line of one field (a
/// note) is left alone. The whole text is counted only for a file that looks cut.
fn cut_short(text: &str, delimiter: u8) -> Option<usize> {
    let text = text.trim_end_matches([' ', '\t', '\u{1a}']);
    let last = text
        .rsplit(['\n', '\r'])
        .next()
        .filter(|l| l.len() < text.len())?;
    // A UTF-16 file cut inside a character ends in half of one, decoded as U+FFFD.
    let last = last.strip_suffix('\u{fffd}').unwrap_or(last);
    // A figure grouped as Excel writes it (`64 977`) may be cut after its no-break space.
    let in_a_figure =
        last.ends_with(|c: char| c.is_ascii_digit() || c == '\u{a0}' || c == '\u{202f}');
    if !in_a_figure || !last.contains(char::from(delimiter)) {
        return None;
    }
    let breaks =
        text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count();
    Some(breaks + 1)
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// The number of records `delimiter` splits into two fields or more (as `records` keeps them:
/// with spaces between fields, empty fields do not count).
fn score(text: &str, delimiter: u8) -> usize {
    let mut reader = reader(text, delimiter);
    let mut record = csv::ByteRecord::new();
    let mut score = 0;
    while let Ok(true) = reader.read_byte_record(&mut record) {
        let fields = record
            .iter()
            .filter(|f| delimiter != b' ' || !f.is_empty())
            .count();
        if fields >= 2 {
            score += 1;
        }
    }
    score
}

/// The records of a text, read one at a time, each with the line it starts on.
struct Records<'t> {
    text: &'t str,
    delimiter: u8,
    reader: csv::Reader<&'t [u8]>,
    record: csv::StringRecord,
    /// Lines are counted from the previous record on, so a long file is read in one pass:
    /// the byte offset counted to, and the line there.
    counted_to: usize,
    line: usize,
}

impl<'t> Records<'t> {
    fn new(text: &'t str, delimiter: u8) -> Records<'t> {
        Records {
            text,
            delimiter,
            reader: reader(text, delimiter),
            record: csv::StringRecord::new(),
            counted_to: 0,
            line: 1,
        }
    }
}

impl Iterator for Records<'_> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        // The text is already valid UTF-8 and the reader is flexible, so read errors do not
        // occur in practice; one would end the records rather than loop.
        if !matches!(self.reader.read_record(&mut self.record), Ok(true)) {
            return None;
        }
        // The line from the byte offset where the record starts.
        let byte = self
            .record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
            .unwrap_or(0);
        // The reader reports blank lines it skipped as part of the record; skip them.
        let bytes = self.text.as_bytes();
        let start = byte
            + bytes.get(byte..).map_or(0, |b| {
                b.iter().take_while(|c| matches!(c, b'\r' | b'\n')).count()
            });
        if start >= self.counted_to {
            self.line += bytes
                .get(self.counted_to..start)
                .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count());
        } else {
            self.line = bytes
                .get(..start)
                .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
                + 1;
        }
        self.counted_to = start;
        let mut row = Record::new(self.line);
        // With spaces between fields, runs of spaces make empty fields; they mean nothing.
        for field in (self.record.iter()).filter(|f| self.delimiter != b' ' || !f.is_empty()) {
            row.push(field);
        }
        Some(row)
    }
}
