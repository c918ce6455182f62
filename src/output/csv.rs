//! CSV files: by default the dialect Swedish Excel opens with a double-click (semicolon,
//! UTF-8 with a byte-order mark, decimal comma); `rfc4180` for machines (comma, no mark,
//! decimal point). Amounts are plain numbers, never with thousands separators, so that
//! spreadsheets sum them. In the Excel dialect, text that a spreadsheet would run as a formula
//! is neutralised; the machine dialect writes every text as it is.
//!
//! Texts stay texts: Excel reads a bare `0114` as the number 114, and `2380` or a focus area
//! `5` as numbers, so in the Excel dialect every text a spreadsheet would read as a number or
//! another value is written as the formula `="0114"`, which Excel and LibreOffice show as the
//! text `0114` (kommunkoder, references, an id `1E5`, `1:1`, `(5)`): a column of texts is
//! text in every row, as in the workbook. Dates are written `2025-08-30`, which they read as
//! that date. The machine dialect writes every text and code as it is.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::Write;

use crate::core::money::Amount;
use crate::core::report::{Projection, Text, View};
use crate::output::lang::Lang;
use crate::output::sheet::{self, Sheet, Value, Words};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// Swedish Excel: `;`, UTF-8 with BOM, decimal comma.
    Excel,
    /// RFC 4180: `,`, no BOM, decimal point.
    Rfc4180,
}

impl Dialect {
    /// The words of the dialect's headers and values: the machine dialect's are fixed, the
    /// Excel dialect's are in the language asked for.
    pub fn words(self, lang: Lang) -> Words {
        match self {
            Dialect::Excel => Words::from(lang),
            Dialect::Rfc4180 => Words::Machine,
        }
    }

    /// What a file in the dialect begins with: the byte-order mark Excel needs to read UTF-8.
    fn bom(self) -> &'static str {
        match self {
            Dialect::Excel => "\u{feff}",
            Dialect::Rfc4180 => "",
        }
    }
}

/// A writer of records of any length in the dialect (a form's label rows above its table),
/// into `out` after the dialect's byte-order mark.
pub fn records(dialect: Dialect, mut out: Vec<u8>) -> csv::Writer<Vec<u8>> {
    out.extend(dialect.bom().as_bytes());
    csv::WriterBuilder::new()
        .delimiter(delimiter(dialect))
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

/// An amount in the Excel dialect that Excel would round when it opens the file: more
/// significant digits than it keeps ([`crate::output::xlsx::EXCEL_DIGITS`]). The writer
/// stops with it, as the workbook does (auditor s42: 11 899 999 999 999,76 kr was written
/// and opened rounded).
#[derive(Debug)]
pub struct ExcelWouldRound(pub Amount);

impl std::fmt::Display for ExcelWouldRound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Excel would round {}", self.0.0)
    }
}

impl std::error::Error for ExcelWouldRound {}

impl ExcelWouldRound {
    /// The amount an I/O error of the writer stopped at, when it is this.
    pub fn of(error: &std::io::Error) -> Option<Amount> {
        error
            .get_ref()
            .and_then(|e| e.downcast_ref::<ExcelWouldRound>())
            .map(|e| e.0)
    }
}

/// The sheet as CSV bytes, header first, without the total row.
pub fn write(sheet: &Sheet, dialect: Dialect) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    write_rows(sheet, dialect, &mut out)?;
    Ok(out)
}

/// [`write`] into `out` as the rows are made: a national plan's payments are millions of
/// rows, written straight into their file, or to standard output, in large pieces.
pub fn write_to(sheet: &Sheet, dialect: Dialect, out: impl Write) -> std::io::Result<()> {
    super::in_large_pieces(out, |out| write_rows(sheet, dialect, out))
}

/// A view as CSV. A national plan's payments are made in parts side by side
/// ([`sheet::parts`]) and written in order: the same bytes as its whole sheet's.
pub fn write_view(
    view: View,
    projection: &Projection,
    words: Words,
    dialect: Dialect,
    out: impl Write,
) -> std::io::Result<()> {
    write_in_parts(
        view,
        projection,
        words,
        dialect,
        sheet::parts(view, projection),
        out,
    )
}

/// [`write_view`] with the sheet made in `parts` parts.
fn write_in_parts(
    view: View,
    projection: &Projection,
    words: Words,
    dialect: Dialect,
    parts: usize,
    out: impl Write,
) -> std::io::Result<()> {
    if parts < 2 {
        return write_to(&sheet::build_with(view, projection, words), dialect, out);
    }
    let each: Vec<usize> = (0..parts).collect();
    let shared = sheet::Shared::default();
    super::in_large_pieces(out, |out| {
        crate::core::parallel::write_in_order(
            &each,
            |&part, mut out| {
                let sheet = sheet::build_part(view, projection, words, (part, parts), &shared);
                if part == 0 {
                    write_header(&sheet, dialect, &mut out)?;
                }
                write_body(&sheet, dialect, out)
            },
            out,
        )
    })
}

fn write_rows(sheet: &Sheet, dialect: Dialect, mut out: impl Write) -> std::io::Result<()> {
    write_header(sheet, dialect, &mut out)?;
    write_body(sheet, dialect, out)
}

/// The byte order mark Excel needs to read UTF-8 (in its dialect) and the header row.
fn write_header(sheet: &Sheet, dialect: Dialect, mut out: impl Write) -> std::io::Result<()> {
    out.write_all(dialect.bom().as_bytes())?;
    let encoder = csv_core::WriterBuilder::new()
        .delimiter(delimiter(dialect))
        .build();
    let (mut line, mut scratch) = (String::new(), Vec::new());
    for (i, title) in sheet.headers.iter().enumerate() {
        if i > 0 {
            line.push(char::from(delimiter(dialect)));
        }
        encode(&encoder, &header(title, dialect), &mut scratch, &mut line);
    }
    if line.is_empty() {
        line.push_str("\"\"");
    }
    line.push_str("\r\n");
    out.write_all(line.as_bytes())
}

/// The sheet's rows.
fn write_body(sheet: &Sheet, dialect: Dialect, mut out: impl Write) -> std::io::Result<()> {
    let mut rows = Rows::new(dialect, sheet.headers.len());
    let mut failed = None;
    sheet.each_row(|row| {
        if failed.is_none() {
            failed = rows.write(row, &mut out).err();
        }
    });
    match failed {
        Some(error) => Err(error),
        None => rows.finish(&mut out),
    }
}

/// Rows as CSV records, each field quoted as the `csv` crate's writer quotes it (its
/// `csv_core` decides and escapes; a test holds every sheet to the `csv` writer's bytes).
/// The fields are many (a national plan's payments have millions of rows) and most of a row
/// repeats the row before (the recipient, its kind and kommunkod, the payment route), so a
/// text field the same as the one above it in its column (the same shared text) is not
/// encoded again, and numbers, which never need quoting, are written as they are made. The
/// rows are gathered and passed on in large pieces.
struct Rows {
    dialect: Dialect,
    encoder: csv_core::Writer,
    /// Each column's last text and its field as encoded.
    above: Vec<Option<(Value, String)>>,
    /// Each shared text's field as encoded, by the text's place in memory (the text is held,
    /// so that the place is not another's): a national plan's payments name each insats on
    /// hundreds of rows, and whether a spreadsheet would misread an id (`3.10`) takes longer
    /// to tell than to look up.
    fields: rustc_hash::FxHashMap<(*const u8, bool), (Text, String)>,
    /// The rows not yet passed on.
    text: String,
    scratch: String,
    encoded: Vec<u8>,
}

/// How many encoded texts [`Rows`] keeps at most.
const FIELDS_HELD: usize = 1 << 16;

/// How much text [`Rows`] gathers before passing it on.
const PIECE: usize = 1 << 16;

impl Rows {
    fn new(dialect: Dialect, columns: usize) -> Rows {
        Rows {
            dialect,
            encoder: csv_core::WriterBuilder::new()
                .delimiter(delimiter(dialect))
                .build(),
            above: vec![None; columns],
            fields: rustc_hash::FxHashMap::default(),
            text: String::with_capacity(PIECE + 1024),
            scratch: String::new(),
            encoded: Vec::new(),
        }
    }

    fn write(&mut self, row: &[Value], out: &mut impl Write) -> std::io::Result<()> {
        let start = self.text.len();
        let mark = decimal_mark(self.dialect);
        for (i, value) in row.iter().enumerate() {
            if i > 0 {
                self.text.push(char::from(delimiter(self.dialect)));
            }
            match (value, self.above.get_mut(i)) {
                (Value::Number(n), _) => {
                    crate::output::number::push_digits(&mut self.text, u64::from(*n));
                }
                (Value::Amount(a), _) => {
                    if self.dialect == Dialect::Excel && !crate::output::xlsx::excel_keeps(*a) {
                        return Err(std::io::Error::other(ExcelWouldRound(*a)));
                    }
                    crate::output::number::push_cell(&mut self.text, *a, mark);
                }
                (Value::Empty, _) => {}
                (Value::Text(t) | Value::Code(t), Some(above)) => {
                    let same = matches!(above, Some((v, _)) if same_text(v, value, t));
                    if !same {
                        // Texts made for each row would only be held for nothing.
                        if self.fields.len() >= FIELDS_HELD {
                            self.fields.clear();
                        }
                        let key = (t.as_ptr(), matches!(value, Value::Code(_)));
                        let (_, known) = self.fields.entry(key).or_insert_with(|| {
                            let mut field = String::new();
                            let text = cell(value, self.dialect, &mut self.scratch);
                            encode(&self.encoder, text, &mut self.encoded, &mut field);
                            (Text::clone(t), field)
                        });
                        let mut field = above.take().map(|(_, f)| f).unwrap_or_default();
                        field.clear();
                        field.push_str(known);
                        *above = Some((value.clone(), field));
                    }
                    if let Some((_, field)) = above {
                        self.text.push_str(field);
                    }
                }
                _ => {
                    let text = cell(value, self.dialect, &mut self.scratch);
                    encode(&self.encoder, text, &mut self.encoded, &mut self.text);
                }
            }
        }
        if self.text.len() == start {
            self.text.push_str("\"\"");
        }
        self.text.push_str("\r\n");
        if self.text.len() >= PIECE {
            out.write_all(self.text.as_bytes())?;
            self.text.clear();
        }
        Ok(())
    }

    /// Passes on the rows gathered.
    fn finish(&mut self, out: &mut impl Write) -> std::io::Result<()> {
        out.write_all(self.text.as_bytes())?;
        self.text.clear();
        Ok(())
    }
}

fn same_text(above: &Value, value: &Value, t: &Text) -> bool {
    match (above, value) {
        (Value::Text(a), Value::Text(_)) | (Value::Code(a), Value::Code(_)) => Text::ptr_eq(a, t),
        _ => false,
    }
}

/// `text` as a CSV field onto `out`: as it is, or quoted with its quotes doubled when the
/// field needs it.
fn encode(encoder: &csv_core::Writer, text: &str, scratch: &mut Vec<u8>, out: &mut String) {
    if !encoder.should_quote(text.as_bytes()) {
        out.push_str(text);
        return;
    }
    let mut encoder = encoder.clone();
    scratch.clear();
    scratch.resize(2 * text.len() + 2, 0);
    let (_, _, written) = encoder.field(text.as_bytes(), scratch);
    let closed = scratch
        .get_mut(written..)
        .map_or(0, |rest| encoder.finish(rest).1);
    scratch.truncate(written + closed);
    // Quoting UTF-8 text doubles its quotes and wraps it in quotes: it stays UTF-8.
    if let Ok(quoted) = std::str::from_utf8(scratch) {
        out.push_str(quoted);
    }
}

fn delimiter(dialect: Dialect) -> u8 {
    match dialect {
        Dialect::Excel => b';',
        Dialect::Rfc4180 => b',',
    }
}

/// A cell's text, made in `scratch` when it is not the value's own text as it is (cells are
/// millions in a national plan's payments: none of them allocates).
fn cell<'a>(value: &'a Value, dialect: Dialect, scratch: &'a mut String) -> &'a str {
    scratch.clear();
    let own = |text: Cow<'a, str>, scratch: &'a mut String| match text {
        Cow::Borrowed(text) => text,
        Cow::Owned(text) => {
            *scratch = text;
            scratch.as_str()
        }
    };
    match value {
        Value::Text(t) => own(text(t, dialect), scratch),
        Value::Code(c) => own(code(c, dialect), scratch),
        Value::Number(n) => {
            crate::output::number::push_digits(scratch, u64::from(*n));
            scratch
        }
        Value::Decimal(d) => {
            let _ = write!(scratch, "{}", d.normalize());
            let mark = decimal_mark(dialect);
            if mark != '.' {
                *scratch = scratch.replace('.', mark.encode_utf8(&mut [0; 4]));
            }
            scratch
        }
        Value::Amount(a) => {
            crate::output::number::push_cell(scratch, *a, decimal_mark(dialect));
            scratch
        }
        // `2025-08-30`, which Excel and LibreOffice in a Swedish locale read as that date.
        Value::Date(d) => {
            let _ = write!(scratch, "{d}");
            scratch
        }
        Value::Empty => "",
    }
}

fn decimal_mark(dialect: Dialect) -> char {
    match dialect {
        Dialect::Excel => ',',
        Dialect::Rfc4180 => '.',
    }
}

/// An amount as a spreadsheet reads it: `12689898`, or `1234,50` / `1234.50` with öre.
pub fn plain_amount(amount: Amount, dialect: Dialect) -> String {
    crate::output::number::cell(amount, decimal_mark(dialect))
}

/// A code as the dialect keeps it a code: `="0114"` for Excel when it has a leading zero.
pub fn code(code: &str, dialect: Dialect) -> Cow<'_, str> {
    text(code, dialect)
}

/// A text as the dialect writes it: for a spreadsheet, `="…"` when it would read it as a
/// value of its own ([`read_as_another_value`]), else neutralised ([`neutralise`]); as
/// it is for a program, which joins on the plan's own ids and names (`+3.8`, `@SUM(1)`).
fn text(text: &str, dialect: Dialect) -> Cow<'_, str> {
    match dialect {
        Dialect::Excel => match crate::output::text::in_cell(text) {
            Cow::Owned(named) => Cow::Owned(for_excel(&named).into_owned()),
            Cow::Borrowed(text) => for_excel(text),
        },
        Dialect::Rfc4180 => Cow::Borrowed(text),
    }
}

/// A column's header as the dialect writes it: as a text ([`text`]), except a number a
/// spreadsheet shows as it is written (a year `2025` heading its column), which is left as it
/// is: a header is no value of its column, so there is no column to keep text.
fn header(title: &str, dialect: Dialect) -> Cow<'_, str> {
    if dialect == Dialect::Excel && shown_as_written(title) {
        Cow::Borrowed(title)
    } else {
        text(title, dialect)
    }
}

/// Whether a spreadsheet in Swedish shows the text as the number it reads it as, unchanged:
/// digits without a leading zero, at most 11 of them, perhaps with a decimal comma and
/// decimals that do not end in zero (`2025`, `2,5`, `0,5`; not `0114`, `2,50` or `5,`).
fn shown_as_written(text: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (whole, decimals) = match text.split_once(',') {
        Some((whole, decimals)) => (whole, Some(decimals)),
        None => (text, None),
    };
    digits(whole)
        && (whole == "0" || !whole.starts_with('0'))
        && decimals.is_none_or(|d| digits(d) && !d.ends_with('0'))
        && whole.len() + decimals.map_or(0, str::len) <= 11
}

fn for_excel(text: &str) -> Cow<'_, str> {
    if read_as_another_value(text) {
        Cow::Owned(format!("=\"{text}\""))
    } else {
        neutralise(text)
    }
}

/// Whether a spreadsheet in a Swedish locale reads `text` as a value, not as text: a number
/// (`2380`, `5`, `2,5`; a leading zero `0114` as 114, an exponent `1E5` as 100000, 19 digits
/// with the last ones lost), a date or a time, or a truth value. A text column then stays
/// text in every row (the focus areas `5` beside `4, 5, 6, 7`, a kommunkod, a reference), as
/// in the workbook. Ids with points (`3.10`) are not numbers there and stay as they are.
fn read_as_another_value(text: &str) -> bool {
    // Most texts (names, insats texts) hold no digit: only a truth value is left to find.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return ["sant", "falskt", "true", "false"]
            .iter()
            .any(|t| text.trim().eq_ignore_ascii_case(t));
    }
    read_with_an_exponent(text) || read_as_date_or_time(text.trim()) || read_as_a_number(text)
}

/// Whether a spreadsheet would read the text as a date, a time or a fraction it shows as a
/// date: two or three groups of digits between one kind of separator (`1:1` and `3:10` as
/// times, `3/4` and `1-2` as 3 April and 1 February, `2026-01-01`); a time's seconds may have
/// decimals (`12:30:45,5`).
fn read_as_date_or_time(text: &str) -> bool {
    [':', '/', '-'].iter().any(|&separator| {
        let mut groups = 0;
        let all_digits = text.split(separator).all(|g| {
            groups += 1;
            let g = match separator {
                ':' => g.split_once(',').map_or(g, |(whole, _)| whole),
                _ => g,
            };
            (1..=4).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit())
        });
        all_digits && (2..=3).contains(&groups)
    })
}

/// Whether a spreadsheet in Swedish would read the text as a number: written plainly (`5`,
/// `0114`, `2,50`), grouped in thousands (`1 000`), in parentheses (`(5)`, as -5), with a
/// minus after it (`5-`), as a percentage (`50%`), in kronor (`5 kr`, `kr 5`, `(5 Kr)`), or
/// with its decimal comma first or last (`,5`, `5,`).
fn read_as_a_number(text: &str) -> bool {
    let mut t = text.trim();
    loop {
        let kr_after = t
            .len()
            .checked_sub(2)
            .and_then(|at| t.get(at..).filter(|end| end.eq_ignore_ascii_case("kr")))
            .and_then(|_| t.get(..t.len() - 2));
        let kr_before = t
            .get(..2)
            .filter(|start| start.eq_ignore_ascii_case("kr"))
            .and_then(|_| t.get(2..));
        let stripped = t
            .strip_prefix('(')
            .and_then(|t| t.strip_suffix(')'))
            .or_else(|| t.strip_suffix('%'))
            .or_else(|| t.strip_suffix('-'))
            .or(kr_after)
            .or(kr_before);
        match stripped {
            Some(inner) => t = inner.trim(),
            None => break,
        }
    }
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let whole_part = |w: &str| {
        digits(w) || (w.contains([' ', '\u{a0}']) && crate::core::money::ungrouped(w).is_some())
    };
    let (whole, decimals) = t.split_once(',').unwrap_or((t, ""));
    !(whole.is_empty() && decimals.is_empty())
        && whole_part(whole)
        && digits(decimals)
        && !decimals.contains(',')
}

/// Whether the text is a number with an exponent (`1E5`, `2e-3`, `0,5e1`).
fn read_with_an_exponent(text: &str) -> bool {
    let Some((mantissa, exponent)) = text.split_once(['e', 'E']) else {
        return false;
    };
    let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    let (whole, decimals) = match mantissa.split_once(',') {
        Some((w, d)) => (w, Some(d)),
        None => (mantissa, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && decimals.is_none_or(digits) && digits(exponent)
}

/// Text that starts like a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading
/// apostrophe, so a spreadsheet shows it as text instead of running it (OWASP, CSV injection).
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if text.starts_with(crate::core::text::FORMULA_START) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sheet as the `csv` crate's own writer writes it, field by field.
    fn by_the_csv_writer(sheet: &Sheet, dialect: Dialect) -> Vec<u8> {
        let mut out = Vec::new();
        if dialect == Dialect::Excel {
            out.extend_from_slice("\u{feff}".as_bytes());
        }
        let mut writer = csv::WriterBuilder::new()
            .delimiter(delimiter(dialect))
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        writer
            .write_record(
                sheet
                    .headers
                    .iter()
                    .map(|h| header(h, dialect).into_owned()),
            )
            .unwrap();
        let mut scratch = String::new();
        sheet.each_row(|row| {
            for value in row {
                writer
                    .write_field(cell(value, dialect, &mut scratch))
                    .unwrap();
            }
            writer.write_record(None::<&[u8]>).unwrap();
        });
        writer.flush().unwrap();
        drop(writer);
        out
    }

    /// Every view of the real plans, the examples and a generated plan, in both dialects,
    /// with texts that need quoting, as the csv crate writes them.
    #[test]
    fn every_sheet_is_written_as_the_csv_writer_writes_it() {
        use crate::core::ledger::selection::Selection;
        use crate::core::report::{Projection, View};
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut plans = Vec::new();
        for path in [
            root.join("allocations/plan-2025.toml"),
            root.join("allocations/plan-2026.toml"),
            root.join("examples/mini-maria-overhead-tenths-2025.toml"),
        ] {
            let loaded = crate::input::plan::load(&path).unwrap();
            plans.push((loaded.plan, loaded.key_files));
        }
        // Quotes, both delimiters, a line break and a formula in names and texts.
        let text = crate::output::generated::plan(&crate::output::generated::Spec {
            insatser: 60,
            kommuner: 30,
            seed: 5,
            short_texts: false,
        })
        .replace("Region Stockholm", "=Region \\\"Stockholm\\\"; a, b\\nc")
        .replace(
            "\"Kommunförbundet Stockholms län",
            "\"=Kommunförbundet Stockholms län",
        );
        plans.push((crate::input::plan::parse(&text).unwrap(), Vec::new()));
        let mut compared = 0;
        for (plan, key_files) in &plans {
            let checked = crate::core::check::check(plan, key_files);
            assert!(checked.errors() == 0);
            let selection = Selection::all();
            let projection = Projection::new(&checked.ledger, &selection);
            for view in View::ALL {
                for dialect in [Dialect::Excel, Dialect::Rfc4180] {
                    let sheet = crate::output::sheet::build_with(
                        view,
                        &projection,
                        dialect.words(Lang::Sv),
                    );
                    let ours = write(&sheet, dialect).unwrap();
                    assert!(
                        ours == by_the_csv_writer(&sheet, dialect),
                        "{view:?} {dialect:?}\n{}",
                        String::from_utf8_lossy(&ours)
                    );
                    // Made in parts side by side, the same bytes.
                    for parts in [2, 3, 7] {
                        let mut in_parts = Vec::new();
                        let words = dialect.words(Lang::Sv);
                        write_in_parts(view, &projection, words, dialect, parts, &mut in_parts)
                            .unwrap();
                        assert!(in_parts == ours, "{view:?} {dialect:?} in {parts} parts");
                    }
                    compared += 1;
                }
            }
        }
        assert_eq!(compared, 4 * View::ALL.len() * 2);
        let (plan, _) = &plans[3];
        let checked = crate::core::check::check(plan, &[]);
        let selection = Selection::all();
        let projection = Projection::new(&checked.ledger, &selection);
        let sheet = crate::output::sheet::build_with(View::Payments, &projection, Words::Machine);
        let text = String::from_utf8(write(&sheet, Dialect::Rfc4180).unwrap()).unwrap();
        assert!(
            text.contains(
                "\r\n\"Vuxenpsykiatrin, =Region \"\"Stockholm\"\"; a, b\nc\",region-unit,"
            )
        );
        // For a program, the name as the plan writes it.
        assert!(text.contains("\r\n=Kommunförbundet Stockholms län,kommunforbund,"));
    }

    /// The fields kept by text: texts alike in separate allocations, the same text on rows
    /// far apart, ids a spreadsheet would misread, and more texts than are kept at once.
    #[test]
    fn fields_kept_by_text_are_the_fields_of_those_texts() {
        let shared: Vec<Text> = ["3.10", "0114", "1-2", "a; b", "=SUM(1)", "Berg"]
            .iter()
            .map(|&t| Text::from(t))
            .collect();
        let rows: Vec<Vec<Value>> = (0..FIELDS_HELD + 5_000)
            .map(|i| {
                vec![
                    Value::Text(shared[i % shared.len()].clone()),
                    // The same words, each row its own allocation.
                    Value::Text(Text::from(format!("rad {}", i % 7).as_str())),
                    Value::Code(shared[(i / 3) % shared.len()].clone()),
                    Value::Text(Text::from(format!("\"{i}\" 0{i}").as_str())),
                    Value::Number(u32::try_from(i).unwrap()),
                ]
            })
            .collect();
        let headers = (0..5).map(|i| format!("c{i}")).collect();
        let sheet = Sheet::new("test", headers, rows, Vec::new());
        for dialect in [Dialect::Excel, Dialect::Rfc4180] {
            let ours = write(&sheet, dialect).unwrap();
            assert!(ours == by_the_csv_writer(&sheet, dialect), "{dialect:?}");
        }
    }

    #[test]
    fn formula_like_text_is_neutralised() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(neutralise("+46"), "'+46");
        assert_eq!(neutralise("- Digitala lösningar"), "'- Digitala lösningar");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("\rx"), "'\rx");
        assert_eq!(neutralise("Östersund"), "Östersund");
    }

    #[test]
    fn control_characters_are_named_for_a_spreadsheet_and_kept_for_a_program() {
        assert_eq!(text("4001\u{0}05", Dialect::Excel), "4001<U+0000>05");
        assert_eq!(
            text("SV\u{b}OM\u{85}", Dialect::Excel),
            "SV<U+000B>OM<U+0085>"
        );
        assert_eq!(text("rad 1\nrad 2\tå", Dialect::Excel), "rad 1\nrad 2\tå");
        // An override would turn the rest of the cell around; a zero-width space would make
        // two names look alike.
        assert_eq!(
            text("+Folk\u{202e}hälsa", Dialect::Excel),
            "'+Folk<U+202E>hälsa"
        );
        assert_eq!(text("Ber\u{200b}g", Dialect::Excel), "Ber<U+200B>g");
        assert_eq!(text("Folk\u{202e}", Dialect::Rfc4180), "Folk\u{202e}");
        assert_eq!(text("\u{0}=1", Dialect::Excel), "<U+0000>=1");
        assert_eq!(text("4001\u{0}05", Dialect::Rfc4180), "4001\u{0}05");
    }

    #[test]
    fn texts_a_spreadsheet_would_read_as_values_stay_texts_in_excel() {
        assert_eq!(code("0114", Dialect::Excel), "=\"0114\"");
        // What a spreadsheet in a Swedish locale reads as a number shown otherwise (LibreOffice
        // Calc, sv-SE: 007 as 7, 1E5 as 100000, 19 digits as 1,23456789012346E+18), and what
        // it shows as written or keeps as text.
        for changed in [
            "007",
            "1E5",
            "2e-3",
            "1234567890123456789",
            "123456789012",
            "2,50",
            "0,5e1",
            // Calc, sv-SE, as LibreOffice 7 reads them: 1000, -5, 3 April, 01:01, -5, TRUE,
            // 0,5, 03:10, 1 January, 5, 1000,5, FALSE, 12345678.
            "1 000",
            "2 000",
            "(5)",
            "3/4",
            "1:1",
            "5-",
            "SANT",
            "50%",
            "3:10",
            "2026-01-01",
            "5 kr",
            "1 000,5",
            "FALSKT",
            "12 345 678",
            // Excel reads these as a date (1 February) and a truth value.
            "1-2",
            "TRUE",
            // Calc, as a reviewer found: 5, -5, 5, a time, 0,5, 5.
            "5 KR",
            "(5 kr)",
            "kr 5",
            "12:30:45,5",
            ",5",
            "5,",
            "1,",
            // Plain numbers, which would make a text column numbers in some rows (the focus
            // areas `5` beside `4, 5, 6, 7`, a kommunkod, a reference).
            "0",
            "5",
            "2380",
            "400105",
            "2,5",
            "0,5",
            "12345678901",
        ] {
            assert_eq!(
                text(changed, Dialect::Excel),
                format!("=\"{changed}\""),
                "{changed}"
            );
            assert_eq!(text(changed, Dialect::Rfc4180), changed);
        }
        for kept in [
            "1.1",
            "3.10",
            "4, 5, 6, 7",
            "E5",
            "1E",
            "-007",
            "1:1:1:1",
            "12345/6",
            "(5",
            "kr",
            "%",
            "1 00",
            "1.1.1",
            "Sant nog",
        ] {
            assert!(!text(kept, Dialect::Excel).starts_with("=\""), "{kept}");
        }
        assert_eq!(code("0114", Dialect::Rfc4180), "0114");
        assert_eq!(code("2380", Dialect::Excel), "=\"2380\"");
        assert_eq!(code("2380", Dialect::Rfc4180), "2380");
        assert_eq!(code("=1+1", Dialect::Excel), "'=1+1");
        let sheet = Sheet::new(
            "t",
            vec!["Kommunkod".into(), "Kommun".into()],
            vec![vec![
                Value::Code("0114".into()),
                Value::Text("Upplands Väsby".into()),
            ]],
            Vec::new(),
        );
        let bytes = write(&sheet, Dialect::Excel).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        // Quoted by the CSV writer; Excel unquotes it to `="0114"` and shows `0114`.
        assert!(
            text.ends_with("\"=\"\"0114\"\"\";Upplands Väsby\r\n"),
            "{text}"
        );
    }

    /// A header is written as a text, except a number shown as it is written (a year).
    #[test]
    fn a_header_that_a_spreadsheet_shows_as_written_stays_as_it_is() {
        for (title, written) in [
            ("2025", "2025"),
            ("2,5", "2,5"),
            ("0", "0"),
            ("0114", "=\"0114\""),
            ("2,50", "=\"2,50\""),
            ("5,", "=\"5,\""),
            ("123456789012", "=\"123456789012\""),
            ("1E5", "=\"1E5\""),
            ("2026-01-01", "=\"2026-01-01\""),
            ("=SUM(1)", "'=SUM(1)"),
            ("3.10", "3.10"),
            ("Belopp", "Belopp"),
        ] {
            assert_eq!(header(title, Dialect::Excel), written, "{title}");
            assert_eq!(header(title, Dialect::Rfc4180), title);
        }
    }

    /// A date is written as the day, which Excel and LibreOffice in Swedish read as a date;
    /// the same day as a text stays text.
    #[test]
    fn a_date_is_written_as_a_date_and_a_dates_text_as_text() {
        let day = crate::core::plan::Date::new(2025, 8, 30).unwrap();
        let sheet = Sheet::new(
            "t",
            vec!["Faktureras senast".into(), "Text".into()],
            vec![vec![Value::Date(day), Value::Text("2025-08-30".into())]],
            Vec::new(),
        );
        let excel = String::from_utf8(write(&sheet, Dialect::Excel).unwrap()).unwrap();
        assert!(
            excel.ends_with("\r\n2025-08-30;\"=\"\"2025-08-30\"\"\"\r\n"),
            "{excel}"
        );
        let machine = String::from_utf8(write(&sheet, Dialect::Rfc4180).unwrap()).unwrap();
        assert!(
            machine.ends_with("\r\n2025-08-30,2025-08-30\r\n"),
            "{machine}"
        );
    }

    #[test]
    fn amounts_are_plain_numbers_with_the_dialects_decimal_mark() {
        assert_eq!(
            plain_amount(Amount::kr(12_689_898), Dialect::Excel),
            "12689898"
        );
        assert_eq!(plain_amount(Amount::kr(-7_877), Dialect::Excel), "-7877");
        let ore = Amount(rust_decimal::Decimal::new(123_450, 2));
        assert_eq!(plain_amount(ore, Dialect::Excel), "1234,50");
        assert_eq!(plain_amount(ore, Dialect::Rfc4180), "1234.50");
    }
}
