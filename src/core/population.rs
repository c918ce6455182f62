//! Population tables as read from SCB files: the kommun rows with their counts and lines, the
//! totals the file states, how rows per sex or age were combined, and everything that can be
//! wrong with such a file, as data. Reading the bytes is `input::scb`; wording is `output`.
//!
//! A row is identified by its kommunkod, a string so that leading zeros stay (`0114`), or,
//! in a file that names its regions without codes, by its name.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use rust_decimal::Decimal;

use crate::core::ledger::names::{Kommuner, apart_in_plain_letters, kommun_identity, scb_kommun};
use crate::core::text::{compose, fold, suggest};
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

/// What kind of file a key file is, as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileFormat {
    /// Text with one row per line: SCB's CSV downloads, old and new, and Excel's "save as CSV".
    Csv {
        encoding: TextEncoding,
        delimiter: char,
    },
    /// An Excel workbook (the web interface's XLSX download): its first sheet.
    Xlsx { sheet: String },
    /// JSON-stat 2.0, the default format of SCB's PxWebApi 2.
    JsonStat { encoding: TextEncoding },
    /// A PC-Axis file (`.px`).
    PcAxis { encoding: TextEncoding },
}

/// One kommun of the file: a row, or the rows of one kommun summed (per sex, age group, …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// One-based line in the file (the first of the rows summed).
    pub line: usize,
    /// The kommunkod as written, leading zeros kept (`0114`); `None` when the file names its
    /// regions without codes (SCB's new web interface), so that the name identifies the row.
    pub code: Option<String>,
    pub name: String,
    /// The count in the chosen column; `None` for `..` (missing).
    pub count: Option<u64>,
}

/// "2303 Ragunda", or the code or the name alone when the other is missing.
pub fn region_label(code: Option<&str>, name: &str) -> String {
    match code {
        Some(code) if name.is_empty() => code.to_string(),
        Some(code) => format!("{code} {name}"),
        None => name.to_string(),
    }
}

/// A row of the file that states a total: a county (`"23 Jämtlands län"`) or a "Summa" or
/// "Totalt" row. It is compared with the sum of the kommun rows it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Total {
    pub line: usize,
    /// The region as written.
    pub label: String,
    pub count: Option<u64>,
    pub covers: Covers,
}

/// Which kommun rows a total covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Covers {
    /// The county with this two-digit code: the kommun rows whose code starts with it.
    County(String),
    /// Every kommun row of the file.
    All,
}

/// How rows that differ only in another column (sex, age, …) became one row per kommun.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Combined {
    /// Every kommun has one row per value of the column, and they are summed.
    Summed { column: String, values: Vec<String> },
    /// The column has a total among its values ("totalt ålder"): only those rows are read,
    /// and the `others` other values are left out, so that nothing is counted twice.
    TotalOnly {
        column: String,
        value: String,
        others: usize,
    },
}

/// A total of the file, compared with the sum of the kommun rows it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TotalCheck {
    pub line: usize,
    pub label: String,
    pub stated: u64,
    pub computed: u64,
}

/// A population file, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyFile {
    pub path: PathBuf,
    /// The text the lines refer to, for diagnostics (for a workbook: its rows, one per line,
    /// cells separated by tabs).
    pub text: String,
    pub format: FileFormat,
    /// The title above the table, if any.
    pub title: Option<String>,
    pub header_line: usize,
    /// The chosen year as the file writes it: a column's header ("2024", "BE0101N1 2024") or a
    /// value of the time column or dimension ("2024").
    pub column: String,
    /// The year the chosen column holds, when it names one.
    pub year: Option<i32>,
    /// Kommun rows in file order.
    pub rows: Vec<Row>,
    /// Rows for regions that are neither kommuner nor totals compared with them (the country,
    /// a county none of whose kommuner is in the file), with their lines.
    pub other_regions: Vec<(usize, String)>,
    /// Rows that state a total of kommun rows.
    pub totals: Vec<Total>,
    /// How rows per sex, age group or other column were combined, if they were.
    pub combined: Vec<Combined>,
}

impl ScbError {
    /// The one-based column of `line` the problem is at, when it is known (the cell of a
    /// figure that is refused, where a JSON reader stopped), in bytes from the line's start.
    pub fn column(&self) -> Option<usize> {
        match &self.kind {
            ScbErrorKind::Cube {
                problem: CubeProblem::Syntax { column, .. },
                ..
            } => Some(*column),
            _ => self.figure_column().map(|c| c.byte as usize),
        }
    }

    /// The column as a place is written (`f.csv:9:18`): in characters from the line's start
    /// when the reader counted them, else as [`ScbError::column`].
    pub fn shown_column(&self) -> Option<usize> {
        match self.figure_column() {
            Some(column) => Some(column.char as usize),
            None => self.column(),
        }
    }

    /// The cell of a figure that is refused, when the reader found it.
    fn figure_column(&self) -> Option<Column> {
        match &self.kind {
            ScbErrorKind::BadGrouping { column, .. }
            | ScbErrorKind::AbovePopulationLimit { column, .. } => *column,
            _ => None,
        }
    }
}

/// A one-based column of a line: in bytes, where a caret is drawn, and in characters, as a
/// place is written. (A key file is read within a limit far below 4 GiB.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    pub byte: u32,
    pub char: u32,
}

impl KeyFile {
    /// Whether the file names its kommuner without codes.
    pub fn by_name(&self) -> bool {
        !self.rows.is_empty() && self.rows.iter().all(|r| r.code.is_none())
    }
}

/// Why a file cannot be read as a population key. `line` is one-based.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScbError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub kind: ScbErrorKind,
    /// For a workbook whose sheet was read: that sheet and the others, so that an error
    /// about the table says which sheet it is about, and that there are others.
    pub sheets: Option<Box<SheetsRead>>,
}

/// The sheet of a workbook a key file was read from, and the workbook's other sheets in its
/// order, each with whether Excel shows it (a hidden sheet is passed over).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetsRead {
    pub read: String,
    pub others: Vec<(String, bool)>,
}

/// A file that is recognised but is not one the tool reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherFormat {
    /// An HTML page (PxWebApi 2 `outputFormat=html`, or a saved web page).
    Html,
    /// XML, such as SDMX.
    Xml,
    /// A Parquet file (PxWebApi 2 `outputFormat=parquet`).
    Parquet,
    /// JSON-stat version 1 (PxWebApi 1's `json-stat`).
    JsonStat1,
    /// PxWebApi 1's own JSON (`columns`, `data`).
    PxWebJson,
    /// Other JSON.
    Json,
    /// An OpenDocument spreadsheet (`.ods`, LibreOffice's own format).
    Ods,
}

/// Why a zip file is not read as a workbook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkbookProblem {
    /// The zip archive is cut short or damaged (the zip reader's reason, in English).
    Damaged(String),
    /// The archive is encrypted or packed in a way the zip reader does not support.
    Unsupported(String),
    /// A part that every workbook has is missing (`xl/workbook.xml`, `_rels/.rels`).
    MissingPart(String),
    /// Not a workbook format the reader knows (XLSX, XLS, ODS).
    UnknownFormat,
    /// The workbook reader's own reason for anything else (in English).
    Unreadable(String),
    /// The workbook has no sheet.
    NoSheet,
    /// A part that inflates beyond `limit` bytes (or all parts together beyond it).
    TooLarge {
        part: String,
        limit: u64,
    },
    /// More parts, or cells, than a table of population can need.
    TooManyParts(usize),
    TooManyCells(usize),
    /// A cell the sheet stores twice (row and column from 0): which of its values counts
    /// cannot be told (a spreadsheet never writes this; a program or a hand may).
    CellTwice {
        row: u32,
        column: u32,
    },
    /// The shared strings claim more strings than their part can hold.
    ClaimsStrings {
        claimed: u64,
        bytes: u64,
    },
}

/// What is wrong inside a JSON-stat or PC-Axis file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CubeProblem {
    /// Not valid JSON: what the JSON reader stopped at, and the one-based column of its
    /// line (in bytes, as the reader counts) where it stopped.
    Syntax { reason: JsonSyntax, column: usize },
    /// JSON-stat that is not a dataset (a collection, a bundle).
    NotDataset(String),
    /// A PC-Axis file whose data rows carry their keys (`KEYS`), which is not read.
    Keys,
    /// No `DATA=` in a PC-Axis file.
    NoData,
    /// A PC-Axis file whose `DATA` does not end with `;`: cut short, perhaps inside a figure.
    DataNotEnded,
    /// A dimension without its values, or with sizes that do not agree.
    Dimension(String),
    /// As many values as the dimensions give, and the number found.
    ValueCount { expected: usize, found: usize },
}

/// Why text is not valid JSON, as the JSON reader says it, so that it can be said in either
/// language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonSyntax {
    /// The text ends inside a list, an object, a string or before a value.
    EndsIn(JsonPart),
    ExpectedColon,
    /// `,` or the list's `]`.
    ExpectedCommaOrListEnd,
    /// `,` or the object's `}`.
    ExpectedCommaOrObjectEnd,
    /// A word that is not `true`, `false` or `null`.
    UnknownWord,
    ExpectedValue,
    ExpectedQuote,
    InvalidEscape,
    InvalidNumber,
    NumberOutOfRange,
    /// A `\u` escape that is no character (a lone surrogate, too few digits).
    InvalidUnicodeEscape,
    /// A control character (U+0000–U+001F) inside a string.
    ControlCharacter,
    KeyNotString,
    TrailingComma,
    /// Text after the end of the value.
    TrailingCharacters,
    TooDeep,
    /// Anything else, in the reader's own (English) words.
    Other(String),
}

/// What JSON text can end inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonPart {
    List,
    Object,
    String,
    Value,
}

/// A file of `allocate`'s own given where a population file belongs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Misplaced {
    /// A plan, with the ids of its keys (none when its `[[keys]]` cannot be read).
    Plan { keys: Vec<String> },
    /// A year-end follow-up form (`allocate follow-up --forms`), blank or filled in.
    Form,
    /// A follow-up report in TOML (`[[usage]]`, `[[recipients]]`).
    UsageReport,
    /// Other TOML: no population file.
    Toml,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScbErrorKind {
    /// A file of `allocate`'s own (a plan, a form) where a population file belongs.
    Misplaced(Misplaced),
    NotFound,
    /// `-` given for a key file: standard input is read only for a plan.
    StdinNotRead,
    Directory,
    /// Larger than `limit` bytes; refused before reading it whole.
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// An old Excel, Word or PDF file, or other bytes that are not text.
    NotText(BinaryKind),
    /// A line in another encoding than the rest of the file: not UTF-8 where the other lines
    /// are UTF-8 with letters beyond ASCII.
    MixedEncoding,
    /// A zip file that cannot be read as an Excel workbook, or one too large inside to read.
    Workbook(WorkbookProblem),
    /// A file of a kind that is recognised but not read.
    OtherFormat(OtherFormat),
    /// A JSON-stat or PC-Axis file that cannot be read.
    Cube {
        format: &'static str,
        problem: CubeProblem,
    },
    /// A named pipe, device or socket, refused before it is opened.
    NotRegular(Special),
    /// The operating system refused to give the file (permission denied, an I/O error).
    Unreadable(OsError),
    Empty,
    /// No line with at least two fields: no header.
    NoHeader,
    /// The header has no column that names a year, and no time column.
    NoYearColumn {
        header: Vec<String>,
    },
    /// The column asked for is not in the header.
    ColumnNotFound {
        wanted: String,
        available: Vec<String>,
    },
    /// The column asked for is in the header twice (for two contents).
    SameColumnTwice {
        column: String,
    },
    /// Several year columns and none chosen.
    ChooseColumn {
        available: Vec<String>,
    },
    /// The first row with fields is a region row: the file has no header.
    HeaderIsRegion {
        region: String,
    },
    /// The regions are the header's columns and the years its rows: the table is turned.
    RegionsAsColumns {
        region: String,
    },
    /// No column or dimension holds the regions.
    NoRegionColumn {
        columns: Vec<String>,
    },
    /// A region without a leading kommunkod, in a file whose other kommuner have one.
    NoKommunkod {
        region: String,
    },
    /// A row with a value but no region.
    EmptyRegion,
    /// A region whose text starts with another code than the one the file gives it apart
    /// (PC-Axis `VALUES` "2303 Ragunda" where `CODES` says 2380).
    CodeDisagrees {
        code: String,
        text: String,
    },
    /// A code of one or three digits: a kommunkod or county code without its leading zero.
    LostLeadingZero {
        region: String,
    },
    /// A code of five digits among kommun rows whose codes have four, which is a kommunkod
    /// with a digit too many (`23090 Krokom`, `02303 Ragunda`): a code damaged on the way,
    /// that would otherwise be set aside as no kommun and its share go to the others.
    DamagedCode {
        region: String,
    },
    /// A file without kommun rows whose regions have codes of another length than a
    /// kommun's (four digits) or a county's (two): the first such region, with its digits.
    CodeLength {
        region: String,
        digits: usize,
    },
    /// A value that is neither a whole number nor `..`.
    BadValue {
        region: String,
        value: String,
    },
    /// Digits with spaces (or no-break spaces) that are no grouping in thousands: two
    /// figures in one field (`5140 5150`), or one mistyped (`649 77`). Never joined.
    BadGrouping {
        region: String,
        value: String,
        /// The figure's cell in its line, when the reader found it.
        column: Option<Column>,
    },
    /// A kommun's population above `limit`, more than Sweden's: `count` is its figure, or
    /// with `summed` the sum of its rows (per sex, age, …).
    AbovePopulationLimit {
        region: String,
        count: u64,
        limit: u64,
        summed: bool,
        /// The figure's cell in its line, when the reader found it (not for a sum).
        column: Option<Column>,
    },
    /// A negative whole number (`-5150`): no count of people.
    NegativeCount {
        region: String,
        value: String,
    },
    /// A whole number too large to be a population (more than 19 digits), or a sum of rows
    /// beyond that.
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
    /// A CSV file whose last row ends in a figure without a line break: cut short.
    LastRowCut,
    /// A CSV row with a value in a field beyond the header's (`"2326 Berg";7101;12` under
    /// `"region";"2024"`): a stray or shifted field, whose row cannot be read surely.
    ExtraFields {
        fields: usize,
        header: usize,
    },
    /// A header but no region rows.
    NoRows,
    /// A column of contents (`ContentsCode`) with more than one: the figures are of different
    /// things and cannot be summed.
    SeveralContents {
        column: String,
        values: Vec<String>,
    },
    /// Rows per another column (sex, age, …) that cannot be summed: a kommun lacks a value
    /// the others have.
    UnevenParts {
        region: String,
        columns: Vec<String>,
        missing: Vec<String>,
    },
    /// A column (sex, age, …) read for its total alone, whose total some regions lack: they
    /// would be left out. `has` is the first region with the total, `lacking` those without.
    TotalNotEverywhere(Box<MissingTotal>),
    /// The same kommun with the same values of the other columns twice, among rows that are
    /// summed.
    RepeatedPart {
        region: String,
        values: Vec<String>,
        first_line: usize,
    },
}

/// A column read for its total alone, and the regions that lack the total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingTotal {
    pub column: String,
    /// The total's value ("totalt").
    pub value: String,
    /// The first region that has it.
    pub has: String,
    /// The regions that lack it, in file order.
    pub lacking: Vec<String>,
}

/// A difference between the kommuner of a file and those of a plan, or within the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// A kommun of the plan that the file does not have; `misnumbered`, the line and code of
    /// a row with its name under another kommunkod (`2421 Åre` for the plan's `2321 Åre`): a
    /// code mistyped or pasted from another län.
    Missing {
        code: String,
        name: String,
        misnumbered: Option<(usize, String)>,
    },
    /// A kommun in the file that the plan does not have; for a name, the plan's nearest.
    /// `code`: the row's, or for a row that names a kommun of Sweden without one, SCB's.
    /// `in_county`: its kommunkod lies in the plan's län, so the plan lacks one of its own.
    Extra {
        line: usize,
        code: Option<String>,
        name: String,
        suggestion: Option<String>,
        in_county: bool,
    },
    /// No row of the file is a kommun of the plan or lies in its län, and its rows with a
    /// kommunkod lie in other län (`names`: each named once, in code order): a file downloaded
    /// for another län, which is told once instead of each of the plan's kommuner as missing.
    OtherCounties { names: Vec<String> },
    /// A row whose kommunkod is a kommun of the plan, but whose name is another's: a file
    /// whose rows were edited or sorted by hand, where the code and the name no longer agree.
    NameDiffers {
        line: usize,
        code: String,
        name: String,
        plan_name: String,
    },
    /// A kommun given twice.
    Duplicate {
        line: usize,
        first_line: usize,
        code: Option<String>,
        name: String,
        /// The name on `first_line`, when it is written otherwise (`Bräcke` before `Bräcke
        /// kommun`).
        first_name: Option<String>,
    },
    /// `..`: the file has no value for a kommun that needs one.
    NoValue {
        line: usize,
        code: Option<String>,
        name: String,
    },
    /// A population of 0, which would give the kommun nothing.
    Zero {
        line: usize,
        code: Option<String>,
        name: String,
    },
    /// Without a plan: a kommun whose kommunkod lies in none of the counties the file states
    /// (`2401 Nordmaling` beside `23 Jämtlands län`; a kommunkod's first two digits are its
    /// county's code). `counties` are the county rows as written.
    OutsideCounty {
        line: usize,
        code: String,
        name: String,
        counties: Vec<String>,
    },
    /// Without a plan: a kommun's name under a second kommunkod (`2303 Krokom` beside `2309
    /// Krokom`): no two kommuner share a name, so the code or the name of one row is wrong.
    NameTwice {
        line: usize,
        code: String,
        name: String,
        first_line: usize,
        first_code: String,
    },
    /// Without a plan: a row whose count is exactly the sum of every other kommun row's (two
    /// or more): a total under a name that is not known as one ("Hela länet", "Jämtland"),
    /// which read as a kommun would take half the money.
    SumOfOthers {
        line: usize,
        code: Option<String>,
        name: String,
        count: u64,
    },
    /// A total of the file (a county or "Summa" row) that differs from the sum of the kommun
    /// rows it covers.
    Total {
        line: usize,
        label: String,
        stated: u64,
        computed: u64,
    },
}

impl Mismatch {
    /// The line of the file the difference is on (a missing kommun has none).
    pub fn line(&self) -> Option<usize> {
        match self {
            Mismatch::Missing { misnumbered, .. } => misnumbered.as_ref().map(|(line, _)| *line),
            Mismatch::OtherCounties { .. } => None,
            Mismatch::Extra { line, .. }
            | Mismatch::NameDiffers { line, .. }
            | Mismatch::Duplicate { line, .. }
            | Mismatch::NoValue { line, .. }
            | Mismatch::Zero { line, .. }
            | Mismatch::OutsideCounty { line, .. }
            | Mismatch::NameTwice { line, .. }
            | Mismatch::SumOfOthers { line, .. }
            | Mismatch::Total { line, .. } => Some(*line),
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

/// Of a file's kommun rows, the one whose count is exactly the sum of all the others' (at
/// least two others, every row with a count): a total row by a name not known as a total's.
/// Without a plan nothing else tells it from a kommun, and a kommun it is not: it would get
/// as much as all the kommuner together. It is refused rather than taken for a total, since
/// a guess either way would move money without a word.
fn sum_of_others(rows: &[&Row]) -> Option<Mismatch> {
    if rows.len() < 3 {
        return None;
    }
    let counts: Option<Vec<u64>> = rows.iter().map(|r| r.count).collect();
    let counts = counts?;
    let all: u128 = counts.iter().map(|&c| u128::from(c)).sum();
    rows.iter()
        .zip(counts)
        .find(|(_, c)| 2 * u128::from(*c) == all)
        .map(|(row, count)| Mismatch::SumOfOthers {
            line: row.line,
            code: row.code.clone(),
            name: row.name.clone(),
            count,
        })
}

/// `row`, a kommun already on the line of `earlier`.
fn duplicate(row: &Row, earlier: &Row) -> Mismatch {
    Mismatch::Duplicate {
        line: row.line,
        first_line: earlier.line,
        code: row.code.clone(),
        name: row.name.clone(),
        first_name: (compose(earlier.name.trim()) != compose(row.name.trim()))
            .then(|| earlier.name.trim().to_string()),
    }
}

/// What identifies a row: its kommunkod, or without one its name (composed, lower case).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Identity<'a> {
    Code(&'a str),
    Name(String),
}

fn identity(row: &Row) -> Identity<'_> {
    match &row.code {
        Some(code) => Identity::Code(code),
        None => Identity::Name(fold(&row.name)),
    }
}

/// The plan's kommun a row is: by its kommunkod, or without one as the plan resolves every
/// kommun it names ([`Kommuner::find`]: by its name or official name, `Berg`, `Bergs
/// kommun`, or its name and code, `Berg (2326)`).
fn kommun_of(kommuner: &Kommuner, row: &Row) -> Option<usize> {
    match &row.code {
        Some(code) => kommuner.by_code(code),
        None => kommuner.find(&row.name),
    }
}

/// What a row is, for telling a repeated row: the plan's kommun it is, else its own identity.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Seen<'a> {
    Kommun(usize),
    Other(Identity<'a>),
}

impl KeyFile {
    /// Every difference between the file's kommuner and `kommuner` (code, name), in file
    /// order, then the plan's kommuner that the file lacks, then the file's totals that
    /// differ from its kommun rows. A row with a kommunkod is matched by code, and its name,
    /// when it has one, must be the plan's name or official name for that code; a row without
    /// one (SCB's new web interface writes names only) by its name or official name, as the
    /// plan resolves names ([`Kommuner`]: composed (NFC), trimmed, in any case, white space
    /// as one space); never by a near miss. A kommun on two rows, however written, is a
    /// repeat. With
    /// `county`, the plan's län code (`24`), a row whose kommunkod lies in another län is not
    /// the plan's and is passed over: a file downloaded for all of Sweden serves a län's plan.
    pub fn compare(&self, kommuner: &[(&str, &str)], county: Option<&str>) -> Vec<Mismatch> {
        let index = Kommuner::new(kommuner.iter().copied());
        let names: Vec<&str> = kommuner.iter().map(|(_, name)| *name).collect();
        let mut out = Vec::new();
        // Sized at once: a file may name millions of kommuner, and a growing map or vector
        // holds its old and new storage at once.
        let mut first: HashMap<Seen<'_>, &Row> = HashMap::with_capacity(self.rows.len());
        let mut found: HashSet<usize> = HashSet::new();
        // The län of the rows passed over as another län's, by code; whether any row is of
        // the plan's own.
        let mut elsewhere: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
        let mut own_county = false;
        // Rows with a kommunkod that is none of the plan's, by the plan's kommun their name is:
        // a code mistyped, told at the kommun the file then lacks.
        let mut misnumbered: HashMap<usize, &Row> = HashMap::new();
        // The plan's kommuner that some row names as the plan does (or by its code).
        let exact: HashSet<usize> = (self.rows.iter())
            .filter_map(|row| kommun_of(&index, row))
            .collect();
        // Rows named only whose name is a kommun of another län but near one of the plan's
        // that has no row (`Åre` in Jämtland's file, for Västernorrland's Ånge): the line and
        // the län's code. Told as near misses, unless the file has none of the plan's
        // kommuner: then it is a file of another län, told once.
        let mut near_misses: Vec<(usize, &str)> = Vec::new();
        for row in &self.rows {
            let named = || row.code.as_ref().and_then(|_| index.by_name(&row.name));
            // A row named only (SCB's new web interface) is held to the län by the code SCB
            // gives its name, as a coded row is (tester s41: Jämtland's file of names in a
            // plan for Västerbotten was 23 misspellings, not one file of another län).
            // Not a name the plan has under another code or written another way (`Östersund
            // kommun` for `Östersund`). A name near one of the plan's kommuner (`Habo` in a
            // plan with Håbo, tester s41) is the near miss it looks like only while that
            // kommun has no row of its own: beside its own row (`Åre` beside `Ånge` in a file
            // for all of Sweden, tester s43) it is the other län's kommun.
            let of_sweden = (row.code.is_none() && index.find(&row.name).is_none())
                .then(|| scb_kommun(&row.name))
                .flatten()
                .map(|(code, _)| code)
                .filter(|code| index.by_code(code).is_none());
            let near_one_without_row = || {
                (suggest(&row.name, &names).and_then(|near| index.find(&near)))
                    .is_some_and(|k| !exact.contains(&k))
            };
            let (scb_code, near_miss) = match of_sweden {
                Some(code) if near_one_without_row() => (None, Some(code)),
                other => (other, None),
            };
            if let (Some(county), Some(code)) = (county, near_miss)
                && !code.starts_with(county)
            {
                near_misses.push((row.line, code));
            }
            let code = row.code.as_deref().or(scb_code);
            if let (Some(county), Some(code)) = (county, code) {
                if !code.starts_with(county) {
                    elsewhere.insert(code.get(..2).unwrap_or(code));
                    if let Some(k) = named() {
                        misnumbered.entry(k).or_insert(row);
                    }
                    continue;
                }
                own_county = true;
            }
            let target = kommun_of(&index, row);
            let seen = match target {
                Some(k) => Seen::Kommun(k),
                None => Seen::Other(identity(row)),
            };
            if let Some(earlier) = first.get(&seen) {
                out.push(duplicate(row, earlier));
                continue;
            }
            first.insert(seen, row);
            match target {
                Some(k) => {
                    found.insert(k);
                    // A file with codes only (SCB's API) has no names to compare. A name
                    // written with `kommun` otherwise than the official name (`Krokom
                    // kommun`, `Berg kommun`) is its kommun's, as `split --key` takes it.
                    if let (Some(code), Some((_, plan_name))) = (&row.code, kommuner.get(k))
                        && !row.name.trim().is_empty()
                        && row.name.trim() != code
                        && index.by_name(&row.name) != Some(k)
                        && kommun_identity(&row.name) != kommun_identity(plan_name)
                    {
                        out.push(Mismatch::NameDiffers {
                            line: row.line,
                            code: code.clone(),
                            name: row.name.clone(),
                            plan_name: (*plan_name).to_string(),
                        });
                        continue;
                    }
                    out.extend(value_problem(row));
                }
                None => {
                    if let Some(k) = named() {
                        misnumbered.entry(k).or_insert(row);
                    }
                    out.push(Mismatch::Extra {
                        line: row.line,
                        code: code.map(str::to_string),
                        name: row.name.clone(),
                        in_county: county.is_some() && code.is_some(),
                        // `Östersunds kommun`, `Åre kommun`: a kommun's name near its official one.
                        suggestion: match row.code {
                            Some(_) => None,
                            None => suggest(&row.name, &names).or_else(|| {
                                let folded = fold(&row.name);
                                let stem = folded.strip_suffix(" kommun")?;
                                suggest(stem, &names)
                            }),
                        },
                    })
                }
            }
        }
        let of_another_county = !elsewhere.is_empty() || !near_misses.is_empty();
        if !own_county && found.is_empty() && of_another_county && !kommuner.is_empty() {
            // A file of another län: its names near the plan's are that län's kommuner too.
            for (line, code) in &near_misses {
                elsewhere.insert(code.get(..2).unwrap_or(code));
                out.retain(|m| !matches!(m, Mismatch::Extra { line: l, .. } if l == line));
            }
            let names = elsewhere.iter().map(|code| {
                crate::core::counties::of_kommun(code)
                    .map_or_else(|| format!("län {code}"), |c| format!("{} ({code})", c.name))
            });
            out.push(Mismatch::OtherCounties {
                names: names.collect(),
            });
            out.extend(self.total_mismatches());
            return out;
        }
        // A misnumbered row is told once, as the kommun it lacks, not also as one the plan
        // lacks (whose hint, to add it to the plan, would make the kommun two).
        let mut told = HashSet::new();
        let mut missing = Vec::new();
        for (k, (code, name)) in kommuner.iter().enumerate() {
            if !found.contains(&k) {
                let row = misnumbered.get(&k);
                told.extend(row.map(|row| row.line));
                missing.push(Mismatch::Missing {
                    code: (*code).to_string(),
                    name: (*name).to_string(),
                    misnumbered: row.and_then(|row| Some((row.line, row.code.clone()?))),
                });
            }
        }
        out.retain(|m| !matches!(m, Mismatch::Extra { line, .. } if told.contains(line)));
        out.extend(missing);
        out.extend(self.total_mismatches());
        out
    }

    /// The counts of `kommuner` (code, name), in that order; `None` when a kommun is missing,
    /// given twice or without a value (`compare` says which).
    pub fn weights(&self, kommuner: &[(&str, &str)]) -> Option<Vec<Decimal>> {
        let index = Kommuner::new(kommuner.iter().copied());
        // Per kommun: no row yet, its one row, or `Some(None)` for two rows.
        let mut rows: Vec<Option<Option<&Row>>> = vec![None; kommuner.len()];
        for row in &self.rows {
            if let Some(slot) = kommun_of(&index, row).and_then(|k| rows.get_mut(k)) {
                *slot = Some(match slot {
                    None => Some(row),
                    Some(_) => None,
                });
            }
        }
        rows.into_iter()
            .map(|row| {
                let row = row.flatten()?;
                row.count.filter(|&c| c > 0).map(Decimal::from)
            })
            .collect()
    }

    /// The file's own kommuner (code if the file has one, name, count) in file order, each
    /// once: for splitting by a file without a plan. Problems (duplicates, missing values,
    /// zeros, totals that differ) come back as mismatches.
    #[allow(clippy::type_complexity)]
    pub fn kommuner(&self) -> Result<Vec<(Option<String>, String, Decimal)>, Vec<Mismatch>> {
        // Sized at once: a file may name millions of kommuner, and a growing map or vector
        // holds its old and new storage at once.
        let mut first: HashMap<Identity<'_>, &Row> = HashMap::with_capacity(self.rows.len());
        // A coded row's name (as `kommun_identity`), with the row that first had it.
        let mut named: HashMap<String, &Row> = HashMap::new();
        // The counties the file states by code: its kommuner lie in them.
        let counties: Vec<(&str, &str)> = self
            .totals
            .iter()
            .filter_map(|t| match &t.covers {
                Covers::County(code) => Some((code.as_str(), t.label.as_str())),
                Covers::All => None,
            })
            .collect();
        // A name written without Swedish letters (`Ostersund`, `Oestersund`) is the kommun
        // whose name is so spelt without them (`Östersund`): the plain names with their
        // rows, and the other names' plain spellings with theirs.
        let mut plain: HashMap<String, &Row> = HashMap::new();
        let mut spelt: HashMap<String, &Row> = HashMap::new();
        let mut kept: Vec<&Row> = Vec::with_capacity(self.rows.len());
        let mut problems = Vec::new();
        for row in &self.rows {
            // Without a plan a name cannot be checked, but two names of one kommun (`Bräcke`,
            // `Bräcke kommun`) are one kommun: it would get its share twice.
            let id = match &row.code {
                Some(code) => Identity::Code(code),
                None => Identity::Name(kommun_identity(&row.name)),
            };
            if let Some(earlier) = first.get(&id) {
                problems.push(duplicate(row, earlier));
                continue;
            }
            if let Identity::Name(name) = &id {
                let earlier = if name.is_ascii() {
                    spelt.get(name).copied()
                } else {
                    let spellings = crate::core::text::plain_spellings(name);
                    let earlier = spellings.iter().find_map(|s| plain.get(s)).copied();
                    for spelling in spellings {
                        spelt.entry(spelling).or_insert(row);
                    }
                    earlier
                };
                // Habo and Håbo are two kommuner.
                let earlier =
                    earlier.filter(|e| !apart_in_plain_letters(name, &kommun_identity(&e.name)));
                if let Some(earlier) = earlier {
                    problems.push(duplicate(row, earlier));
                    continue;
                }
                if name.is_ascii() {
                    plain.insert(name.clone(), row);
                }
            }
            first.insert(id, row);
            if let Some(code) = &row.code {
                // A kommun of another county than the file states would get a share of its
                // money without a word.
                if !counties.is_empty() && !counties.iter().any(|(c, _)| code.starts_with(c)) {
                    problems.push(Mismatch::OutsideCounty {
                        line: row.line,
                        code: code.clone(),
                        name: row.name.clone(),
                        counties: counties.iter().map(|(_, l)| (*l).to_string()).collect(),
                    });
                }
                // One name under two codes: one of the rows is not the kommun it says.
                let name = row.name.trim();
                if !name.is_empty() && name != code {
                    match named.get(&kommun_identity(name)) {
                        Some(earlier) => problems.push(Mismatch::NameTwice {
                            line: row.line,
                            code: code.clone(),
                            name: name.to_string(),
                            first_line: earlier.line,
                            first_code: earlier.code.clone().unwrap_or_default(),
                        }),
                        None => {
                            named.insert(kommun_identity(name), row);
                        }
                    }
                }
            }
            problems.extend(value_problem(row));
            kept.push(row);
        }
        problems.extend(sum_of_others(&kept));
        problems.extend(self.total_mismatches());
        if !problems.is_empty() {
            return Err(problems);
        }
        // Names composed (NFC), as they are compared: a tie between two kommuner falls by
        // name, and must fall alike whichever form the file was saved in.
        let mut kommuner = Vec::with_capacity(kept.len());
        kommuner.extend(kept.into_iter().filter_map(|r| {
            r.count
                .map(|c| (r.code.clone(), compose(&r.name), Decimal::from(c)))
        }));
        Ok(kommuner)
    }

    /// The counties the file's kommuner lie in, by their codes' first two digits, with how
    /// many kommuner each, in code order; empty unless there are two or more (a file without
    /// codes says nothing of counties).
    pub fn counties(&self) -> Vec<(String, usize)> {
        let mut counties: std::collections::BTreeMap<&str, usize> =
            std::collections::BTreeMap::new();
        for code in self.rows.iter().filter_map(|r| r.code.as_deref()) {
            *counties.entry(code.get(..2).unwrap_or(code)).or_default() += 1;
        }
        if counties.len() < 2 {
            return Vec::new();
        }
        counties
            .into_iter()
            .map(|(c, n)| (c.to_string(), n))
            .collect()
    }

    /// Each total of the file with a value, beside the sum of the kommun rows it covers. A
    /// total whose rows include one without a value is left out (that row is reported).
    pub fn total_checks(&self) -> Vec<TotalCheck> {
        self.totals
            .iter()
            .filter_map(|total| {
                let stated = total.count?;
                let covered = self.rows.iter().filter(|r| match &total.covers {
                    Covers::All => true,
                    Covers::County(prefix) => r
                        .code
                        .as_deref()
                        .is_some_and(|c| c.starts_with(prefix.as_str())),
                });
                let mut computed: u64 = 0;
                for row in covered {
                    computed = computed.checked_add(row.count?)?;
                }
                Some(TotalCheck {
                    line: total.line,
                    label: total.label.clone(),
                    stated,
                    computed,
                })
            })
            .collect()
    }

    /// The totals of the file that differ from the sum of their kommun rows.
    fn total_mismatches(&self) -> impl Iterator<Item = Mismatch> {
        self.total_checks()
            .into_iter()
            .filter(|t| t.stated != t.computed)
            .map(|t| Mismatch::Total {
                line: t.line,
                label: t.label,
                stated: t.stated,
                computed: t.computed,
            })
    }
}
