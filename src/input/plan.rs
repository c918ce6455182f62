//! Reading a plan file: bytes to text to the plan model, with every reason it cannot be read
//! or parsed kept as data (`LoadError`) for `output::diagnostic` to word.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::core::money::GROUP_SPACES;
use crate::core::plan::{
    ACTOR_WRONG_TYPE, DATE_WITH_TIME, Plan, WEIGHT_AS_FLOAT, WEIGHT_BAD_TEXT, WEIGHT_TOO_LARGE,
};
use crate::core::population::{KeyFile, ScbError};
use crate::core::text::suggest;
pub use crate::core::unreadable::{BinaryKind, OtherFile};
pub use crate::input::read::{ReadReason, not_text, read_limited, read_stdin_limited};

/// A plan file as read from disk: its path and text, kept for diagnostics.
#[derive(Clone, Debug)]
pub struct Source {
    pub path: PathBuf,
    pub text: String,
    /// Byte offset of the start of every line, built on first use so that placing many
    /// findings in a large file stays fast. (`text` is never changed after `new`.)
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl Source {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Source {
        Source {
            path: path.into(),
            text: text.into(),
            line_starts: std::sync::OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// Byte range of the one-based line `line` (without its line end, `\n` or `\r\n`), or
    /// `None` past the end.
    pub fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let starts = self.line_starts();
        let start = (*starts.get(line.checked_sub(1)?)?).max(self.bom_len());
        let mut end = starts
            .get(line)
            .map_or(self.text.len(), |next| next.saturating_sub(1))
            .max(start);
        if end > start && self.text.get(..end).is_some_and(|t| t.ends_with('\r')) {
            end -= 1;
        }
        Some(start..end)
    }

    /// The path as the user should see it.
    pub fn display_path(&self) -> String {
        self.path.display().to_string()
    }

    /// The file's name without its folders, as a document meant for others names it
    /// (`plan-2026.toml`, not `/home/anna/planer/plan-2026.toml`).
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map_or_else(|| self.display_path(), |n| n.to_string_lossy().into_owned())
    }

    /// The length of a leading UTF-8 byte-order mark, which is no character of line 1.
    fn bom_len(&self) -> usize {
        if self.text.starts_with('\u{feff}') {
            '\u{feff}'.len_utf8()
        } else {
            0
        }
    }

    /// One-based line and column (in characters) of a byte offset. A byte-order mark at the
    /// start of the file is not counted.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let starts = self.line_starts();
        // The number of lines starting at or before `offset` is the line of `offset`.
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let line_start = starts
            .get(line - 1)
            .copied()
            .unwrap_or(0)
            .max(self.bom_len())
            .min(offset);
        let col = self
            .text
            .get(line_start..offset)
            .map_or(offset - line_start, |t| t.chars().count())
            + 1;
        (line, col)
    }
}

/// Why a plan could not be loaded. Rendered by `diagnostic`.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read. `stdin`: the plan was piped in (`-`), so a size over the
    /// limit is not known, only that it is larger (reading stops one byte past the limit).
    Read {
        path: PathBuf,
        reason: ReadReason,
        stdin: bool,
    },
    /// The TOML could not be parsed into a plan; the text is kept for the diagnostic.
    Parse {
        source: Box<Source>,
        error: ParseError,
    },
}

impl LoadError {
    /// The file as messages name it: the path as given, or `<stdin>` for `-`.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Read { path, .. } => path,
            LoadError::Parse { source, .. } => &source.path,
        }
    }
}

/// What a file or line that is not TOML looks like instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Looks {
    /// A JSON document (`{"plan": …}`).
    Json,
    /// A row copied from a spreadsheet: fields separated by semicolons or tabs, no `=`.
    SpreadsheetRow,
    /// A follow-up report (`[[usage]]`, `[[recipients]]`) given where the plan belongs.
    UsageReport,
    /// A plan given where a follow-up report belongs.
    Plan,
}

/// The top-level keys of a follow-up report in TOML (`input::usage`): the year and county it
/// is for, then its tables.
pub const USAGE_KEYS: &[&str] = &["year", "county", "recipients", "usage"];

/// The report's tables, which no plan has: a plan whose first unknown key is one of them is a
/// report given in its place (a stray top-level `year` is not).
const USAGE_TABLES: &[&str] = USAGE_KEYS.split_at(2).1;

/// A TOML or shape error, with the span toml reports.
#[derive(Debug)]
pub struct ParseError {
    pub span: Option<Range<usize>>,
    pub kind: ParseErrorKind,
}

#[derive(Debug, PartialEq)]
pub enum ParseErrorKind {
    Syntax {
        detail: String,
    },
    UnknownKey {
        key: String,
        expected: Vec<String>,
        suggestion: Option<String>,
    },
    UnknownValue {
        value: String,
        expected: Vec<String>,
        suggestion: Option<String>,
    },
    MissingField {
        field: String,
    },
    /// Nothing but white space (an empty file, empty standard input).
    EmptyFile,
    AmountAsText,
    /// `"250.000"`: a point or comma before three digits, a thousands separator or a decimal.
    AmountAmbiguous,
    /// A TOML float where an amount belongs; `written` is the number as the plan writes it,
    /// when it is plain digits with a decimal point (`518183.8`).
    AmountAsFloat {
        written: Option<String>,
    },
    /// A TOML float where a percentage belongs; `written` is the percentage as the plan would
    /// write it, as text with a decimal comma (`2.0` → `2,0`), when the float is a number.
    WeightAsFloat {
        written: Option<String>,
    },
    /// A TOML float among a population key's counts (`5150.0`, `5.150`): `count` is the
    /// count it most likely is, as TOML writes it (`5_150`), when the float is whole or has a
    /// point before exactly three digits (a thousands separator).
    PopulationAsFloat {
        written: String,
        count: Option<i64>,
        thousands: bool,
    },
    WeightBadText,
    /// `nan` or `inf` (TOML floats that are no numbers) where an amount or a percentage
    /// belongs; `written` as the plan writes it.
    NotANumber {
        written: String,
    },
    DateWithTime,
    ActorWrongType,
    WrongType {
        found: String,
        expected: String,
    },
    /// A number with a decimal comma, as Excel writes it (`3000000,5`).
    DecimalComma {
        written: String,
    },
    /// A number grouped with spaces and no quotes (`3 000 000`), pasted from a document.
    NumberWithSpaces {
        written: String,
    },
    /// A number pasted from Word, PDF or Excel: a typographic minus (`−7_877`, `–7877`), a
    /// sign before digits grouped by spaces (`-7 877`), or thousands separated by commas or
    /// points (`1,350,000`, `1.350.000`). `toml` is how to write it.
    PastedNumber {
        written: String,
        toml: String,
    },
    /// `[[plan]]` (a list of tables) where the plan has one table, `[plan]`.
    TableAsList {
        name: String,
    },
    /// `[keys]` (one table) where the plan has a list of tables, `[[keys]]`.
    ListAsTable {
        name: String,
    },
    /// A number with more digits than a plan can hold: beyond a TOML integer (19 digits) or,
    /// for a percentage, beyond 28 significant digits.
    NumberTooLarge {
        written: String,
    },
    /// A whole number outside what its key allows (a negative area number, a year beyond
    /// ±2 147 483 647); `expected` is serde's type name (`u32`, `i32`), `key` the key whose
    /// value it is (`year`, `precision`; empty when the line does not tell).
    NumberOutOfRange {
        written: String,
        expected: String,
        key: String,
    },
    /// The file, or a line of it, is something else than TOML.
    LooksLike(Looks),
    /// Text in typographic quotes (”…”), as a word processor writes them.
    TypographicQuote {
        quote: char,
    },
    /// The same key twice in one table, or the same `[table]` twice; `first` the line of
    /// the first, when it is found (tester s37: the message did not say where).
    DuplicateKey {
        key: String,
        table: bool,
        first: Option<usize>,
    },
    /// A dotted key (`unit.x = 2`) under a key that already has a value (`unit = 1`), or
    /// that adds to a table written inside `{ }`; `found` is toml's name of what the key
    /// holds (`integer`, `array`, `inline table`).
    DottedKeyOnValue {
        key: String,
        found: String,
    },
    /// A kommun's `code` that is not four digits (`"238"`, `"2380 "`).
    NotAKommunkod,
    /// A kommun's `code` written as a number that has lost its leading zero (`114`).
    KommunkodLostZero {
        written: String,
    },
    /// An `id` with spaces around it (`"1.3 "`).
    IdWithSpaces,
    /// A kommun's `name` with spaces around it (`" Östersund "`).
    NameWithSpaces,
    /// A name or id with a character that takes no room; `code` is its code point in hex
    /// (`200B`).
    InvisibleCharacter {
        code: String,
    },
    /// A name or id left empty (`name = ""`); `key` as the line writes it.
    EmptyText {
        key: String,
    },
    /// A table of a list's table (`[insatser.split]`, `[[areas.earmarks]]`) apart from the
    /// table it belongs to: TOML gives it to the last `[[list]]` above it (on line
    /// `list_line`), though `between` (on line `between_line`) stands in between; or, with no
    /// `list_line`, it stands before the list's first table.
    TableApart(Box<TableApart>),
    /// One of the plan's own tables written as a key (`stated = [ { … } ]`, the inline form
    /// of `[[stated]]`) below a table's header (`header`, on line `header_line`): TOML gives
    /// the key to that table, where it is unknown, a second `stated` or of the wrong type.
    KeyApart {
        key: String,
        /// Written as a list (`[[stated]]`), else as one table (`[plan]`).
        list: bool,
        /// The file has the table's header too (`[[stated]]` elsewhere), so the key cannot
        /// simply move above the first table.
        written: bool,
        header: String,
        header_line: usize,
    },
    /// A text whose closing quotes (`quote`: `"""`, `'''`, `"`, `'`) are missing, so that it
    /// runs on from line `opened_line` into the plan's next lines: to the next text's opening
    /// quotes on line `closed_line`, or to the end of the file (`None`). `taken` is the first
    /// line it takes in that reads as TOML (`focus_areas = [1, 6]`), by number and as written;
    /// toml tells of whatever fails after it, lines further on. `replacing` is what the
    /// quotes take the place of at the end of the line where the text should end: a line's
    /// ending backslash (`regionala \`, which would escape them) or too few quotes (`""`).
    /// A text written with its closing quote but not its opening one (`name =
    /// Folkhälsoenheten"`): toml reads the bare word as a value of another kind (a boolean).
    QuoteNotOpened {
        quote: char,
        written: String,
    },
    /// A space TOML does not read as one (a no-break space, a thin space, a byte-order mark)
    /// outside a text on the line toml stopped at: pasted from Word, Outlook or a PDF, it
    /// looks like a space and is told as anything else (tester s41: "talet 1_350_000 är för
    /// stort"). `code` is its code point.
    StraySpace {
        code: u32,
    },
    /// A list whose closing `]` is missing ([`list_runs_on`]): opened on line `opened_line`
    /// (under `key`, when the `[` is a key's value), it takes in the plan's next lines, from
    /// `taken` (a table's header or a `key = value`, by number and as written) on; none when
    /// the file ends in it.
    ListRunsOn {
        key: Option<String>,
        opened_line: usize,
        taken: Option<(usize, String)>,
    },
    TextRunsOn {
        quote: &'static str,
        opened_line: usize,
        closed_line: Option<usize>,
        taken: Option<(usize, String)>,
        replacing: Option<&'static str>,
    },
}

/// A table of a list's table written apart from it ([`ParseErrorKind::TableApart`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableApart {
    /// The header as written in brackets (`[insatser.split]`).
    pub name: String,
    /// The list it belongs to (`insatser`).
    pub list: String,
    /// The line of the list's last table above it; none if it stands before the first.
    pub list_line: Option<usize>,
    /// The header just above it (`[[headings]]`) and its line.
    pub between: String,
    pub between_line: usize,
}

impl ParseError {
    pub fn code(&self) -> &'static str {
        match self.kind {
            ParseErrorKind::Syntax { .. }
            | ParseErrorKind::DuplicateKey { .. }
            | ParseErrorKind::DottedKeyOnValue { .. }
            | ParseErrorKind::TypographicQuote { .. }
            | ParseErrorKind::TableApart(_)
            | ParseErrorKind::KeyApart { .. }
            | ParseErrorKind::TextRunsOn { .. }
            | ParseErrorKind::ListRunsOn { .. }
            | ParseErrorKind::QuoteNotOpened { .. }
            | ParseErrorKind::StraySpace { .. }
            | ParseErrorKind::LooksLike(Looks::Json | Looks::SpreadsheetRow) => "syntax",
            ParseErrorKind::UnknownKey { .. }
            | ParseErrorKind::LooksLike(Looks::UsageReport | Looks::Plan) => "unknown-key",
            ParseErrorKind::UnknownValue { .. } => "unknown-value",
            ParseErrorKind::MissingField { .. }
            | ParseErrorKind::EmptyFile
            | ParseErrorKind::EmptyText { .. } => "missing-field",
            ParseErrorKind::NumberTooLarge { .. } | ParseErrorKind::NumberOutOfRange { .. } => {
                "out-of-range"
            }
            _ => "wrong-type",
        }
    }
}

/// The path that stands for standard input on the command line.
pub use crate::input::read::STDIN_ARG;

/// What a plan read from standard input is called in messages (`<stdin>:12:5`).
pub const STDIN_NAME: &str = "<stdin>";

/// Reads and parses a plan file; `-` reads the plan from standard input, and its key files
/// from paths relative to the current directory.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let stdin = path.as_os_str() == STDIN_ARG;
    let (shown, base) = if stdin {
        (Path::new(STDIN_NAME), Path::new(""))
    } else {
        (path, path.parent().unwrap_or(Path::new("")))
    };
    let read = if stdin {
        read_stdin_limited(crate::input::read::max_file_bytes())
    } else {
        read_limited(path, crate::input::read::max_file_bytes())
    };
    let bytes = read.map_err(|reason| LoadError::Read {
        path: shown.to_path_buf(),
        reason,
        stdin,
    })?;
    let (source, plan) = from_bytes(shown, bytes).map_err(|error| match error {
        LoadError::Read { path, reason, .. } => LoadError::Read {
            path,
            reason,
            stdin,
        },
        parse => parse,
    })?;
    let key_files = key_files(&plan, base);
    Ok(Loaded {
        source,
        plan,
        key_files,
    })
}

/// A plan file read and parsed, with the key files it names.
pub struct Loaded {
    pub source: Source,
    pub plan: Plan,
    /// What each key's `file` held, in the order of `plan.keys` (`None`: no file).
    pub key_files: Vec<Option<Result<KeyFile, ScbError>>>,
}

/// Parses a plan file's bytes as read (`path` is for messages): bytes that are not text or
/// not UTF-8 are read errors, text that is not a plan a parse error. Key files are not read.
pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<(Source, Plan), LoadError> {
    let read_error = |reason| LoadError::Read {
        path: path.to_path_buf(),
        reason,
        stdin: false,
    };
    if let Some(reason) = not_text(&bytes) {
        return Err(read_error(reason));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        read_error(ReadReason::not_utf8(
            e.as_bytes(),
            e.utf8_error().valid_up_to(),
        ))
    })?;
    crate::input::read::toml_parts_within_limit(&text).map_err(read_error)?;
    let source = Source::new(path, text);
    match parse(&source.text) {
        Ok(plan) => Ok((source, plan)),
        Err(error) => Err(LoadError::Parse {
            source: Box::new(source),
            error,
        }),
    }
}

/// Reads every key's SCB `file` (relative to `base`, the plan's folder). Problems with a
/// file are kept for `check` to report.
pub fn key_files(plan: &Plan, base: &Path) -> Vec<Option<Result<KeyFile, ScbError>>> {
    plan.keys
        .iter()
        .map(|key| {
            let file = key.file.as_ref()?;
            let column = key.column.as_ref().map(|c| c.get_ref().as_str());
            Some(crate::input::scb::load(&base.join(file.get_ref()), column))
        })
        .collect()
}

/// Parses plan text. A leading UTF-8 byte-order mark (which Windows editors add) is blanked
/// out with spaces of the same byte length, so that spans still index the original text.
pub fn parse(text: &str) -> Result<Plan, ParseError> {
    let blanked;
    let body = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            blanked = format!("{}{rest}", " ".repeat('\u{feff}'.len_utf8()));
            blanked.as_str()
        }
        None => text,
    };
    if body.trim().is_empty() {
        return Err(ParseError {
            span: Some(0..0),
            kind: ParseErrorKind::EmptyFile,
        });
    }
    let plan = toml::from_str(body).map_err(|e| {
        let mut span = e.span();
        if let Some(error) = span.as_ref().and_then(|s| stray_space(body, s.start)) {
            return error;
        }
        let classified = classify(e.message());
        // A text left open swallows the lines after it: toml tells of a line further on.
        if matches!(classified, ParseErrorKind::Syntax { .. })
            && let Some((kind, at)) = span.as_ref().and_then(|s| text_runs_on(body, s.start))
        {
            return ParseError {
                span: Some(at),
                kind,
            };
        }
        if matches!(classified, ParseErrorKind::Syntax { .. })
            && let Some((kind, at)) = span.as_ref().and_then(|s| list_runs_on(body, s.start))
        {
            return ParseError {
                span: Some(at),
                kind,
            };
        }
        if matches!(classified, ParseErrorKind::Syntax { .. })
            && let Some((kind, at)) = span.as_ref().and_then(|s| quote_not_opened(body, s.start))
        {
            return ParseError {
                span: Some(at),
                kind,
            };
        }
        if matches!(classified, ParseErrorKind::Syntax { .. })
            && let Some((kind, at)) = span.as_ref().and_then(|s| pasted_number(body, s.start))
        {
            return ParseError {
                span: Some(at),
                kind,
            };
        }
        if let Some((kind, at)) = span
            .as_ref()
            .and_then(|s| unknown_bare_key::<Plan>(&classified, body, s.start))
        {
            return ParseError {
                span: Some(at),
                kind,
            };
        }
        // A table header with the wrong brackets at or before the error is its cause: serde's
        // words for it name neither the header nor the brackets (`[[deadlines]]`: "expected
        // field with custom name" at the table's next key).
        if let Some((kind, at)) = wrong_brackets(body)
            && span.as_ref().is_none_or(|s| at.start <= s.start)
        {
            return ParseError {
                span: Some(at),
                kind,
            };
        }
        // `[insatser.split]` before the first `[[insatser]]`: toml tells of a table defined
        // twice, at the list.
        if let Some((kind, at)) = table_apart(body)
            && span.as_ref().is_none_or(|s| at.start <= s.start)
        {
            return ParseError {
                span: Some(at),
                kind,
            };
        }
        // `stated = [ { … } ]` below `[[headings]]`: toml tells of the heading's key (one
        // written twice, unknown or of the wrong type) in that table or after it; an error
        // before that table is another.
        if let Some((kind, at)) = key_apart(body, span.as_ref().map(|s| s.start)) {
            return ParseError {
                span: Some(at),
                kind,
            };
        }
        let kind = refine(classified, body, span.as_ref());
        // toml gives no place for nesting too deep: the most deeply nested line is it.
        if let (ParseErrorKind::Syntax { detail }, None) = (&kind, &span)
            && detail.contains("recurs")
        {
            span = deepest_line(body);
        }
        at_carriage_return(&kind, &mut span, body);
        ParseError { span, kind }
    });
    let plan: Plan = plan?;
    // A table apart from its list's table is read as the last one's: money to other payees.
    if let Some((kind, at)) = table_apart(body)
        && is_header(body, at.start)
    {
        return Err(ParseError {
            span: Some(at),
            kind,
        });
    }
    Ok(plan).map(|mut plan: Plan| {
        plan.align_to_unit();
        Plan {
            source_bytes: text.len(),
            not_decimal: crate::input::radix::find(text),
            ..plan
        }
    })
}

/// The line with the most dots and opening brackets (the first of them): where a plan nests
/// lists, tables or dotted keys too deeply for the TOML reader.
fn deepest_line(body: &str) -> Option<std::ops::Range<usize>> {
    let mut start = 0;
    let mut deepest: Option<(usize, std::ops::Range<usize>)> = None;
    for line in body.split_inclusive('\n') {
        let depth = line
            .chars()
            .filter(|c| matches!(c, '.' | '[' | '{'))
            .count();
        let text = line.trim_end_matches(['\n', '\r']);
        if deepest.as_ref().is_none_or(|(most, _)| depth > *most) {
            deepest = Some((depth, start..start + text.len()));
        }
        start += line.len();
    }
    deepest.map(|(_, line)| line)
}

/// The plan's tables written once (`[plan]`) and those written as a list (`[[insatser]]`),
/// by their headers' names.
const ONE_TABLE: &[&str] = &["plan", "agreement", "deadlines", "insatser.split"];
const LIST_OF_TABLES: &[&str] = &[
    "actors",
    "agreement.split",
    "areas",
    "areas.earmarks",
    "contacts",
    "cost_sharing",
    "cost_sharing.rows",
    "focus_areas",
    "headings",
    "insatser",
    "keys",
    "kommuner",
    "stated",
    "tables",
    "tables.rows",
];

/// The first table header written with the wrong brackets, `[[plan]]` or `[keys]`, and its
/// place: what a plan with such a header fails on, whatever serde makes of it.
fn wrong_brackets(text: &str) -> Option<(ParseErrorKind, Range<usize>)> {
    headers(text).find_map(|header| {
        let name = header.name;
        let kind = if header.list && ONE_TABLE.contains(&name.as_str()) {
            ParseErrorKind::TableAsList { name }
        } else if !header.list && LIST_OF_TABLES.contains(&name.as_str()) {
            ParseErrorKind::ListAsTable { name }
        } else {
            return None;
        };
        Some((kind, header.span))
    })
}

/// A table header as a line of the plan writes it: its name (`areas.earmarks`), whether it
/// has double brackets, its place (the header without a comment) and its line (from 1).
struct Header {
    name: String,
    list: bool,
    span: Range<usize>,
    line: usize,
}

/// The lines of `text` that read as table headers, in file order: a cheap look at each
/// line's first characters (a line of a multi-line string or array may read as one too).
fn headers(text: &str) -> impl Iterator<Item = Header> + '_ {
    let mut start = 0;
    text.split_inclusive('\n')
        .enumerate()
        .filter_map(move |(index, line)| {
            let at = start;
            start += line.len();
            let trimmed = line.trim_start();
            let header = trimmed.strip_prefix('[')?;
            let list = header.starts_with('[');
            let header = header.trim_start_matches('[');
            let end = header.find(']')?;
            // `[ "areas" . earmarks ]` is `areas.earmarks`.
            let name: String = header
                .get(..end)
                .unwrap_or("")
                .split('.')
                .map(|part| part.trim().trim_matches(['"', '\'']))
                .collect::<Vec<_>>()
                .join(".");
            let from = at + (line.len() - trimmed.len());
            let to = from
                + trimmed
                    .trim_end()
                    .split('#')
                    .next()
                    .unwrap_or("")
                    .trim_end()
                    .len();
            Some(Header {
                name,
                list,
                span: from..to,
                line: index + 1,
            })
        })
}

/// The first table of a list's table written apart from it (`[insatser.split]` with
/// `[[headings]]` between it and its `[[insatser]]`, or before the first `[[insatser]]`), and
/// its place. TOML gives such a table to the last table of the list above it, whatever it
/// was meant for; a plan never needs that, so it is refused rather than guessed.
fn table_apart(text: &str) -> Option<(ParseErrorKind, Range<usize>)> {
    let mut last_of: HashMap<String, usize> = HashMap::new();
    let mut previous: Option<Header> = None;
    for header in headers(text) {
        let mut parts = header.name.splitn(2, '.');
        let root = parts.next().unwrap_or("").to_string();
        let nested = parts.next().is_some();
        let of_a_list = LIST_OF_TABLES.contains(&root.as_str());
        if of_a_list && nested {
            let list_line = last_of.get(&root).copied();
            let apart = match &previous {
                None => true,
                Some(p) => p.name.split('.').next() != Some(root.as_str()),
            };
            if apart || list_line.is_none() {
                let (between, between_line) = previous
                    .as_ref()
                    .map_or((String::new(), 0), |p| (shown_header(p), p.line));
                let kind = ParseErrorKind::TableApart(Box::new(TableApart {
                    name: shown_header(&header),
                    list: root,
                    list_line,
                    between,
                    between_line,
                }));
                return Some((kind, header.span));
            }
        }
        if of_a_list && !nested && header.list {
            last_of.insert(root, header.line);
        }
        previous = Some(header);
    }
    None
}

/// The first key that writes one of the plan's own tables below a table's header (`stated =
/// [ { label = … } ]` after `[[headings]]`, `plan = { … }` after `[[insatser]]`), in the table
/// toml's error is in (`error`: at the heading's own `stated`, before or after it): the key,
/// the header above it, whether the file also has the table's header, the key's place. Keys
/// and headers as the TOML parser reads them, in one pass (not a line of a multi-line text).
/// A list only when its first element is a table (comments and line breaks may stand before
/// it), since a table's own key may be a list of texts by the same name (a heading's
/// `insatser = ["1.3"]`); a table only as an inline table. Dotted keys are left to toml.
fn key_apart(text: &str, error: Option<usize>) -> Option<(ParseErrorKind, Range<usize>)> {
    let read = Structure::of(text);
    let headers: HashMap<usize, Header> = headers(text).map(|h| (h.span.start, h)).collect();
    for key in read.keys.iter().filter(|k| !k.dotted) {
        let name = text.get(key.span.clone())?.trim_matches(['"', '\'']);
        let list = LIST_OF_TABLES.contains(&name) && !name.contains('.');
        let table = ONE_TABLE.contains(&name) && !name.contains('.');
        if !list && !table {
            continue;
        }
        let rest = text.get(key.span.end..)?.trim_start();
        let value = rest.strip_prefix('=')?.trim_start();
        let opens = match list {
            true => value
                .strip_prefix('[')
                .is_some_and(|r| first_of_array(r) == Some('{')),
            false => value.starts_with('{'),
        };
        // The table the key stands in, and where the next begins.
        let after = read.tables.partition_point(|&t| t < key.span.start);
        let (Some(&begins), true) = (after.checked_sub(1).and_then(|i| read.tables.get(i)), opens)
        else {
            continue;
        };
        let ends = read.tables.get(after).copied().unwrap_or(text.len());
        if error.is_some_and(|e| e < begins || e >= ends) {
            continue;
        }
        let header = headers.get(&begins)?;
        let written = (read.tables.iter()).any(|t| headers.get(t).is_some_and(|h| h.name == name));
        let kind = ParseErrorKind::KeyApart {
            key: name.to_string(),
            list,
            written,
            header: shown_header(header),
            header_line: header.line,
        };
        return Some((kind, key.span.clone()));
    }
    None
}

/// The text before `error` whose closing quotes are missing ([`ParseErrorKind::TextRunsOn`]),
/// and where they belong: at the end of the last line before the first line it takes in that
/// reads as TOML, or at its opening quotes when none does. A one-line text (`"`, `'`) stops
/// at its line's end; a multi-line one (`"""`, `'''`) runs on to the next text's opening
/// quotes, or to the end of the file: one that closes is the cause only when toml's error is
/// on its last line or the next, and it takes in a line that reads as TOML.
fn text_runs_on(text: &str, error: usize) -> Option<(ParseErrorKind, Range<usize>)> {
    use toml_parser::lexer::TokenKind;
    let line_of = |at: usize| text.get(..at).map_or(0, |t| t.matches('\n').count()) + 1;
    let mut last_closed: Option<Range<usize>> = None;
    for token in toml_parser::Source::new(text).lex() {
        let (start, end) = (token.span().start(), token.span().end());
        if start >= error {
            break;
        }
        let quote = match token.kind() {
            TokenKind::BasicString => "\"",
            TokenKind::LiteralString => "'",
            TokenKind::MlBasicString => "\"\"\"",
            TokenKind::MlLiteralString => "'''",
            _ => continue,
        };
        let raw = text.get(start..end)?;
        let body = raw.get(quote.len()..).unwrap_or("");
        // Closed: its quotes again at its end, not escaped (`"a\"` is open).
        let escapes = body
            .strip_suffix(quote)
            .map(|b| b.len() - b.trim_end_matches('\\').len());
        let closed = match escapes {
            Some(n) => quote.starts_with('\'') || n % 2 == 0,
            None => false,
        };
        let lines = quote.len() == 3;
        if closed {
            if lines {
                last_closed = Some(start..end);
            }
            continue;
        }
        let taken = lines.then(|| taken_line(text, start..end, quote)).flatten();
        let at = taken
            .as_ref()
            .map_or(start..start + quote.len(), |t| t.close.clone());
        // A one-line text ends at its line's end, before a Windows line's `\r`.
        let end = match raw.ends_with('\r') {
            true => end - 1,
            false => end,
        };
        let at = if lines { at } else { end..end };
        let replacing = taken.as_ref().and_then(|t| t.replacing);
        let kind = ParseErrorKind::TextRunsOn {
            quote,
            opened_line: line_of(start),
            closed_line: None,
            taken: taken.map(|t| (t.line, t.written)),
            replacing,
        };
        return Some((kind, at));
    }
    let run = last_closed?;
    let closed_line = line_of(run.end);
    if line_of(error) > closed_line + 1 {
        return None;
    }
    // Ran on, its closing quotes are the next text's opening ones, after that text's key
    // (`affected = """`); a text closed where it should be, with a line of its own that
    // reads as TOML, is no cause of an error after it.
    let closing_line_start = text.get(..run.end)?.rfind('\n').map_or(0, |i| i + 1);
    let before_quotes = text.get(closing_line_start..run.end.saturating_sub(3))?;
    if !before_quotes
        .trim_end()
        .strip_suffix('=')
        .is_some_and(|key| reads_as_toml(&format!("{key}= x")))
    {
        return None;
    }
    let quote = match text.get(run.start..run.start + 3)? {
        "'''" => "'''",
        _ => "\"\"\"",
    };
    let taken = taken_line(text, run.clone(), quote)?;
    let kind = ParseErrorKind::TextRunsOn {
        quote,
        opened_line: line_of(run.start),
        closed_line: Some(closed_line),
        taken: Some((taken.line, taken.written)),
        replacing: taken.replacing,
    };
    Some((kind, taken.close))
}

/// The list before `error` whose closing `]` is missing ([`ParseErrorKind::ListRunsOn`]):
/// the innermost `[` still open there, as the TOML lexer reads the text (brackets in texts
/// and comments are none), when a line after it that reads as TOML (a table's header, `key =
/// value`) stands in it before the error, or the file ends in it; and where its `]` belongs,
/// after its last value before that line. toml reads such a header as a value of the list
/// and tells of a line further on (tester s43: `[deadlines]` looked like the culprit).
fn list_runs_on(text: &str, error: usize) -> Option<(ParseErrorKind, Range<usize>)> {
    use toml_parser::lexer::TokenKind;
    let tokens = toml_parser::Source::new(text).lex().into_vec();
    let span = |i: usize| tokens.get(i).map(|t| t.span().start()..t.span().end());
    let before = tokens.partition_point(|t| t.span().start() < error);
    // The brackets and braces still open at the error, by token index.
    let mut open: Vec<(TokenKind, usize)> = Vec::new();
    for (i, token) in tokens.iter().enumerate().take(before) {
        match token.kind() {
            k @ (TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket) => open.push((k, i)),
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                open.pop();
            }
            _ => {}
        }
    }
    let &(TokenKind::LeftSquareBracket, opened) = open.last()? else {
        return None;
    };
    let opened_at = span(opened)?.start;
    // A value's `[`, after a key's `=` or in a list: not a table's header.
    let value = (0..opened).rev().map(|i| tokens.get(i)).find_map(|t| {
        let kind = t?.kind();
        (!matches!(
            kind,
            TokenKind::Whitespace | TokenKind::Newline | TokenKind::Comment
        ))
        .then_some(kind)
    });
    if !matches!(
        value,
        Some(TokenKind::Equals | TokenKind::LeftSquareBracket | TokenKind::Comma)
    ) {
        return None;
    }
    let line_of = |at: usize| text.get(..at).map_or(0, |t| t.matches('\n').count()) + 1;
    // Lines that begin directly in the list, after its `[`: the first that reads as TOML
    // is taken in; the last value before it is where `]` goes.
    let mut depth = 0usize;
    let mut last_value: Option<usize> = None;
    let mut line_start: Option<usize> = None;
    let mut taken: Option<(usize, String)> = None;
    let mut close: Option<usize> = None;
    // Up to the error's own token: toml stops at the line taken in, or in it.
    let through = tokens.partition_point(|t| t.span().start() <= error);
    for i in opened..through {
        let token = tokens.get(i)?;
        let kind = token.kind();
        if depth == 1
            && !matches!(kind, TokenKind::Whitespace | TokenKind::Newline)
            && let Some(start) = line_start.take()
        {
            // The line's own text, before a comment.
            let end = (i..tokens.len())
                .find(|&j| {
                    tokens.get(j).is_some_and(|t| {
                        matches!(t.kind(), TokenKind::Comment | TokenKind::Newline)
                    })
                })
                .and_then(span)
                .map_or(text.len(), |s| s.start);
            let line = text.get(start..end)?.trim();
            if !line.is_empty() && reads_as_toml(line) {
                // A list whose `]` comes after the line is closed: the line is a mistake
                // within it (`fhe = 1,` among the values), told as toml tells it.
                let mut depth = 1usize;
                for t in tokens.get(i..)? {
                    match t.kind() {
                        TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
                        TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                            depth -= 1;
                            if depth == 0 {
                                return None;
                            }
                        }
                        _ => {}
                    }
                }
                taken = Some((line_of(start), line.to_string()));
                close = last_value;
                break;
            }
        }
        match kind {
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                depth = depth.saturating_sub(1)
            }
            TokenKind::Newline => line_start = Some(span(i)?.end),
            _ => {}
        }
        if !matches!(
            kind,
            TokenKind::Whitespace | TokenKind::Newline | TokenKind::Comment
        ) {
            last_value = Some(span(i)?.end);
        }
    }
    // No line taken in: the file ends in the list.
    let close = match (&taken, close) {
        (Some(_), close) => close?,
        (None, _) => {
            let rest = tokens.get(before..)?;
            let ends = rest.iter().all(|t| {
                matches!(
                    t.kind(),
                    TokenKind::Whitespace
                        | TokenKind::Newline
                        | TokenKind::Comment
                        | TokenKind::Eof
                )
            });
            if !ends {
                return None;
            }
            last_value?
        }
    };
    let key = key_written_before(text.get(..opened_at)?);
    let own_key = text
        .get(..opened_at)?
        .rsplit('\n')
        .next()
        .is_some_and(|l| l.trim_end().ends_with('='));
    let kind = ParseErrorKind::ListRunsOn {
        key: (own_key && !key.is_empty()).then_some(key),
        opened_line: line_of(opened_at),
        taken,
    };
    Some((kind, close..close))
}

/// The first line after a multi-line text's first that reads as a line of TOML (a key and
/// its value, a table's header, or an array's value or end), by number and as written; and
/// where on the last line with text before it the text's closing quotes belong, and what they
/// replace there.
struct Taken {
    line: usize,
    written: String,
    close: Range<usize>,
    replacing: Option<&'static str>,
}

fn taken_line(text: &str, run: Range<usize>, quote: &str) -> Option<Taken> {
    // The whole lines the text stands on, from the first after its opening.
    let first_line_start = text.get(..run.start)?.rfind('\n').map_or(0, |i| i + 1);
    let mut at = first_line_start;
    let mut close: Option<(Range<usize>, Option<&'static str>)> = None;
    let first_number = text.get(..run.start)?.matches('\n').count() + 1;
    // Opened as a value of a list (after `[` or `,`, or alone on its line): the list's next
    // value or its end is where it stops. Elsewhere such a line is text (a quotation).
    let before_quotes = text.get(first_line_start..run.start)?.trim();
    let in_list = before_quotes.is_empty() || before_quotes.ends_with(['[', ',']);
    let lines = text.get(first_line_start..)?.split_inclusive('\n');
    for (number, line) in (first_number..).zip(lines) {
        let content = line.trim_end_matches(['\n', '\r']);
        let within = at < run.end;
        if !within {
            return None;
        }
        let list_value = in_list && in_array(content);
        if at > first_line_start && (reads_as_toml(content) || list_value) {
            let written = content.trim().to_string();
            let (mut close, replacing) = close?;
            // An array's next value or end: the quotes go before the value's comma.
            if list_value && replacing.is_none() {
                let before = text.get(..close.start)?;
                if let Some(comma) = before.trim_end().strip_suffix(',') {
                    close = comma.len()..comma.len();
                }
            }
            return Some(Taken {
                line: number,
                written,
                close,
                replacing,
            });
        }
        if !content.trim().is_empty() {
            // The text's own part of its first line, after its opening quotes.
            let from = match at == first_line_start {
                true => run.start + quote.len() - at,
                false => 0,
            };
            let own = content.trim_end().get(from..).unwrap_or_default();
            close = Some(closing_place(own, at + from, quote));
        }
        at += line.len();
    }
    None
}

/// Where a multi-line text's closing quotes go on a line (`line` starting at `at`, without
/// its trailing white space), and what they replace: the line's ending backslash of a `"""`
/// text and the white space before it (closing quotes after it would be escaped), or the one
/// or two quotes it already ends with (`samverkan.""`); else at its end.
fn closing_place(line: &str, at: usize, quote: &str) -> (Range<usize>, Option<&'static str>) {
    let end = at + line.len();
    let escapes = line.len() - line.trim_end_matches('\\').len();
    if quote == "\"\"\"" && escapes % 2 == 1 {
        let before = line.get(..line.len() - 1).unwrap_or("").trim_end();
        return (at + before.len()..end, Some("\\"));
    }
    // Two of the three: one alone may end a quotation in the text (`"Psykisk hälsa"`), and
    // so may the first of two after a quotation's opening on the line (`"med citat""`).
    let (two, one) = match quote {
        "'''" => ("''", "'"),
        _ => ("\"\"", "\""),
    };
    let rest = line.strip_suffix(two).unwrap_or(line);
    let three = rest.ends_with(one);
    if rest.len() < line.len() && !three && !rest.ends_with('\\') {
        return match rest.matches(one).count() % 2 {
            0 => (end - two.len()..end, Some(two)),
            _ => (end - one.len()..end, Some(one)),
        };
    }
    (end..end, None)
}

/// A line that stands in an array: one of its values (`"Omfördelning …",`) or its end (`]`).
fn in_array(line: &str) -> bool {
    let line = line.trim();
    let value = line.strip_suffix(',').unwrap_or(line);
    matches!(value, "]")
        || ['"', '\'']
            .iter()
            .any(|&q| value.len() >= 2 && value.starts_with(q) && value.ends_with(q))
}

/// A line that reads as TOML rather than prose: `key = value` with a bare or dotted key, or a
/// table's header (`[[insatser]]`, `[plan]`).
fn reads_as_toml(line: &str) -> bool {
    let line = line.trim();
    let bare = |k: &str| {
        !k.is_empty()
            && k.split('.').all(|part| {
                let part = part.trim();
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            })
    };
    if let Some(inner) = line.strip_prefix('[') {
        let inner = inner.strip_prefix('[').unwrap_or(inner);
        let name = inner.trim_end_matches(']');
        return line.ends_with(']') && bare(name);
    }
    line.split_once('=')
        .is_some_and(|(key, value)| bare(key) && !value.trim().is_empty())
}

/// Where a TOML document's tables begin (their headers) and its keys stand, outside inline
/// tables and arrays, as the TOML parser reads them.
#[derive(Default)]
struct Structure {
    tables: Vec<usize>,
    keys: Vec<KeyAt>,
    /// Inside a header, an inline table or an array.
    depth: usize,
    /// The key of the line being read, until its `=`.
    reading: Option<KeyAt>,
}

struct KeyAt {
    span: Range<usize>,
    /// `a.b = …`.
    dotted: bool,
}

impl Structure {
    fn of(text: &str) -> Structure {
        let tokens = toml_parser::Source::new(text).lex().into_vec();
        let mut structure = Structure::default();
        toml_parser::parser::parse_document(&tokens, &mut structure, &mut ());
        structure
    }
}

impl toml_parser::parser::EventReceiver for Structure {
    fn std_table_open(&mut self, span: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
        self.tables.push(span.start());
        self.depth += 1;
    }
    fn std_table_close(&mut self, _: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
        self.depth = self.depth.saturating_sub(1);
    }
    fn array_table_open(&mut self, span: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
        self.tables.push(span.start());
        self.depth += 1;
    }
    fn array_table_close(&mut self, _: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
        self.depth = self.depth.saturating_sub(1);
    }
    fn inline_table_open(
        &mut self,
        _: toml_parser::Span,
        _: &mut dyn toml_parser::ErrorSink,
    ) -> bool {
        self.depth += 1;
        true
    }
    fn inline_table_close(&mut self, _: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
        self.depth = self.depth.saturating_sub(1);
    }
    fn array_open(&mut self, _: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) -> bool {
        self.depth += 1;
        true
    }
    fn array_close(&mut self, _: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
        self.depth = self.depth.saturating_sub(1);
    }
    fn simple_key(
        &mut self,
        span: toml_parser::Span,
        _: Option<toml_parser::decoder::Encoding>,
        _: &mut dyn toml_parser::ErrorSink,
    ) {
        if self.depth == 0 && self.reading.is_none() {
            self.reading = Some(KeyAt {
                span: span.start()..span.end(),
                dotted: false,
            });
        }
    }
    fn key_sep(&mut self, _: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
        if let (0, Some(key)) = (self.depth, &mut self.reading) {
            key.dotted = true;
        }
    }
    fn key_val_sep(&mut self, _: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
        if self.depth == 0
            && let Some(key) = self.reading.take()
        {
            self.keys.push(key);
        }
    }
    // A line that ends before its `=` (a key without a value) has no key to keep.
    fn newline(&mut self, _: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
        if self.depth == 0 {
            self.reading = None;
        }
    }
}

/// The first character of an array's first element, past spaces, line breaks and comments.
fn first_of_array(mut rest: &str) -> Option<char> {
    loop {
        rest = rest.trim_start();
        match rest.strip_prefix('#') {
            Some(comment) => rest = comment.split_once('\n').map_or("", |(_, r)| r),
            None => return rest.chars().next(),
        }
    }
}

/// A header as written in brackets: `[insatser.split]`, `[[areas.earmarks]]`.
fn shown_header(header: &Header) -> String {
    if header.list {
        format!("[[{}]]", header.name)
    } else {
        format!("[{}]", header.name)
    }
}

/// Whether a table header of the TOML document `text` starts at byte `at` (and not a line of a
/// multi-line string or array that reads like one): the document lexed and parsed into events.
fn is_header(text: &str, at: usize) -> bool {
    struct Opens {
        at: usize,
        found: bool,
    }
    impl toml_parser::parser::EventReceiver for Opens {
        fn std_table_open(&mut self, span: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
            self.found |= span.start() == self.at;
        }
        fn array_table_open(
            &mut self,
            span: toml_parser::Span,
            _: &mut dyn toml_parser::ErrorSink,
        ) {
            self.found |= span.start() == self.at;
        }
    }
    let tokens = toml_parser::Source::new(text).lex().into_vec();
    let mut opens = Opens { at, found: false };
    toml_parser::parser::parse_document(&tokens, &mut opens, &mut ());
    opens.found
}

/// Any TOML file's error from `toml` as a [`ParseError`], its message classified (and refined
/// from the text where it points) so that the output layer words it in either language: the
/// plan's errors are made so by [`parse`], a usage file's by this.
/// `T` is what the file is read into, so that a key of letters TOML leaves unquoted (`använt`)
/// is told as the unknown key it is.
pub fn toml_error<T: serde::de::DeserializeOwned>(
    error: &toml::de::Error,
    text: &str,
) -> ParseError {
    let mut span = error.span();
    if let Some(error) = span.as_ref().and_then(|s| stray_space(text, s.start)) {
        return error;
    }
    let classified = classify(error.message());
    if matches!(classified, ParseErrorKind::Syntax { .. })
        && let Some((kind, at)) = span.as_ref().and_then(|s| {
            (list_runs_on(text, s.start))
                .or_else(|| pasted_number(text, s.start))
                .or_else(|| unknown_bare_key::<T>(&classified, text, s.start))
        })
    {
        return ParseError {
            span: Some(at),
            kind,
        };
    }
    let kind = refine(classified, text, span.as_ref());
    at_carriage_return(&kind, &mut span, text);
    ParseError { span, kind }
}

/// toml points after a lone carriage return; point at it.
fn at_carriage_return(kind: &ParseErrorKind, span: &mut Option<Range<usize>>, text: &str) {
    if let (ParseErrorKind::Syntax { detail }, Some(s)) = (kind, span)
        && detail.starts_with("carriage return")
        && s.start > 0
        && text.get(..s.start).is_some_and(|b| b.ends_with('\r'))
    {
        *s = s.start - 1..s.start;
    }
}

/// A bare key with letters TOML does not take unquoted (`aktör`, `område`, `använt`) at byte
/// `at`, where toml stopped with an invalid key: the unknown key it is, over the whole key,
/// when the file read with the key quoted tells it so (the table's keys are known: `menade
/// du `actor`?`, or the keys allowed). Where a quoted key would be read (a kommun's name in
/// `amounts = { Östersund = 1 }`), quoting is the advice toml's error gets.
fn unknown_bare_key<T: serde::de::DeserializeOwned>(
    classified: &ParseErrorKind,
    text: &str,
    at: usize,
) -> Option<(ParseErrorKind, Range<usize>)> {
    let ParseErrorKind::Syntax { detail } = classified else {
        return None;
    };
    let what = detail.split(", expected").next().unwrap_or("").trim();
    if !matches!(what, "invalid key" | "invalid unquoted key") {
        return None;
    }
    let letter = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    let head = text.get(..at)?;
    let start = head.trim_end_matches(letter).len();
    let tail = text.get(at..)?;
    let end = at + (tail.len() - tail.trim_start_matches(letter).len());
    let key = text.get(start..end)?;
    if key.is_empty() || key.is_ascii() {
        return None;
    }
    // A key: its `=` or the dot of a dotted key follows.
    let rest = text.get(end..)?.trim_start_matches([' ', '\t']);
    if !rest.starts_with(['=', '.']) {
        return None;
    }
    let quoted = format!("{}\"{key}\"{}", text.get(..start)?, text.get(end..)?);
    let error = toml::from_str::<T>(&quoted).err()?;
    if error.span()?.start != start {
        return None;
    }
    match classify(error.message()) {
        kind @ ParseErrorKind::UnknownKey { .. } => Some((kind, start..end)),
        _ => None,
    }
}

/// A space TOML does not read as one ([`ParseErrorKind::StraySpace`]) outside texts and
/// before any comment on the line of byte `at`, where toml stopped, when it is the error: the
/// text with each such character of the line a plain space reads past the line. Within a text
/// over several lines, or beside another error of the line (`600 000` grouped, `600_000 kr`, a
/// typographic minus), the line's other readings tell better (reviewer s41).
fn stray_space(text: &str, at: usize) -> Option<ParseError> {
    let start = text.get(..at)?.rfind('\n').map_or(0, |n| n + 1);
    let line = text.get(start..)?.split('\n').next()?;
    let stray = |c: char| {
        (c.is_whitespace() && !matches!(c, ' ' | '\t' | '\r')) || crate::core::text::is_invisible(c)
    };
    let mut quote: Option<char> = None;
    let mut escaped = false;
    let mut first = None;
    for (i, c) in line.char_indices() {
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '#' => break,
            None if matches!(c, '"' | '\'') => quote = Some(c),
            None if stray(c) => {
                first = Some((i, c));
                break;
            }
            None => {}
        }
    }
    let (i, c) = first?;
    let mut plain = String::with_capacity(text.len());
    plain.push_str(text.get(..start)?);
    for c in line.chars() {
        match stray(c) {
            true => plain.extend(std::iter::repeat_n(' ', c.len_utf8())),
            false => plain.push(c),
        }
    }
    plain.push_str(text.get(start + line.len()..)?);
    let line_end = start + line.len();
    let past = match toml::from_str::<toml::Table>(&plain) {
        Ok(_) => true,
        Err(error) => error.span().is_some_and(|s| s.start > line_end),
    };
    let from = start + i;
    past.then(|| ParseError {
        span: Some(from..from + c.len_utf8()),
        kind: ParseErrorKind::StraySpace { code: u32::from(c) },
    })
}

/// A value at byte `at` that ends in a quote it never opened (`Folkhälsoenheten"`): the text
/// as written and where its opening quote belongs.
fn quote_not_opened(text: &str, at: usize) -> Option<(ParseErrorKind, Range<usize>)> {
    // At a value's start, after its key's `=`: not within a text.
    if !text.get(..at)?.trim_end_matches([' ', '\t']).ends_with('=') {
        return None;
    }
    let rest = text.get(at..)?;
    let line = rest.split(['\n', '\r']).next()?.trim_end();
    let quote = line.chars().last().filter(|c| matches!(c, '"' | '\''))?;
    let first = line.chars().next()?;
    // A quote of its own at both ends is a text; a bracket or brace is another value.
    if matches!(first, '"' | '\'' | '[' | '{' | '#') || line.matches(quote).count() != 1 {
        return None;
    }
    let written = line.to_string();
    Some((ParseErrorKind::QuoteNotOpened { quote, written }, at..at))
}

/// A number pasted from a document on the line of byte `at`, after its `=`: the value as
/// written, how to write it in TOML, and where it stands. Only what TOML cannot read and is
/// clearly one number: a typographic minus or dash as its sign, a sign before digits grouped
/// by spaces, two or more commas or points between groups of three digits, or `kr`, `SEK`,
/// `:-` or `,-` after it.
fn pasted_number(text: &str, at: usize) -> Option<(ParseErrorKind, Range<usize>)> {
    let before = text.get(..at)?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let eq = line_start + text.get(line_start..at)?.rfind('=')? + 1;
    let rest = text.get(eq..)?;
    let lead = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let start = eq + lead;
    let line = text.get(start..)?.split(['\n', '\r', '#']).next()?;
    // In an inline table the value ends at its `}` or at `, ` before the next key
    // (`except = { Östersund = 140000:- }`); a pasted `1,350,000` has no space after a comma.
    let line = line.split('}').next()?.split(", ").next()?;
    let written = line.trim_end();
    let value = written;
    // Kronor as a document marks them (`1 350 000 kr`, `1350000:-`): no TOML number ends so.
    // Not for a key that takes no amount (`year = 2026 kr`, `reference = 400105 SEK`).
    let key = key_written_before(before);
    let takes_no_amount =
        ["year", "reference", "code", "number", "area", "precision"].contains(&key.as_str());
    let unmarked = ["kr", "SEK", ":-", ",-"]
        .iter()
        .find_map(|mark| value.strip_suffix(mark))
        .filter(|_| !takes_no_amount);
    let value = unmarked
        .map_or(value, str::trim_end)
        .trim_end_matches(GROUP_SPACES);
    let (sign, digits) = match value.chars().next()? {
        '-' => (Some(false), value.get(1..)?),
        c @ ('−' | '–' | '—') => (Some(true), value.get(c.len_utf8()..)?),
        _ => (None, value),
    };
    let digits = digits.trim_start_matches(GROUP_SPACES);
    let spaces = GROUP_SPACES;
    let separator = digits.chars().find(|c| !c.is_ascii_digit());
    let groups: Vec<&str> = match separator {
        None => vec![digits],
        Some(c) if spaces.contains(&c) => digits.split(spaces).collect(),
        Some(c @ (',' | '.' | '_')) => digits.split(c).collect(),
        Some(_) => return None,
    };
    let first = groups.first()?;
    let well_grouped = !first.is_empty()
        && first.chars().all(|c| c.is_ascii_digit())
        && (groups.len() == 1 || first.len() <= 3)
        && groups
            .iter()
            .skip(1)
            .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
    if !well_grouped {
        return None;
    }
    let pasted = match (sign, separator) {
        _ if unmarked.is_some() => true,
        (Some(true), _) => true,
        (Some(false), Some(c)) if spaces.contains(&c) => true,
        (_, Some(',' | '.')) => groups.len() >= 3,
        _ => false,
    };
    if !pasted {
        return None;
    }
    // Only an amount a plan can hold is offered (19 digits at most, leading zeros aside).
    let all = groups.concat();
    let all = all.trim_start_matches('0');
    if all.len() > 19 || (all.len() == 19 && all > "9223372036854775807") {
        return None;
    }
    let grouped = toml_grouped(if all.is_empty() { "0" } else { all });
    let toml = if sign.is_some() {
        format!("-{grouped}")
    } else {
        grouped
    };
    Some((
        ParseErrorKind::PastedNumber {
            written: written.to_string(),
            toml,
        },
        start..start + written.len(),
    ))
}

/// Digits as TOML writes a whole number, with an underscore between thousands (`1_350_000`).
fn toml_grouped(digits: &str) -> String {
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('_');
        }
        grouped.push(c);
    }
    grouped
}

/// An amount as a document prints it, grouped with points and with a decimal comma, or the
/// other way round, and no öre (`381.600,00`, `1,350,000.00`), or with the Swedish `:-` for
/// whole kronor (`381 600:-`), with a sign or `kr` around it: the whole kronor as TOML writes
/// them (`381_600`, `-381_600`).
fn grouped_with_no_ore(written: &str) -> Option<ParseErrorKind> {
    let text = written.trim();
    let text =
        (text.strip_suffix("kr").or_else(|| text.strip_suffix("SEK"))).map_or(text, str::trim_end);
    let (sign, text) = match text.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => ("-", rest.trim_start()),
        None => ("", text),
    };
    let marked = text.len() != written.trim().len();
    let (whole, ore) = match text.strip_suffix(":-").or_else(|| text.strip_suffix(",-")) {
        Some(whole) => (whole, "00"),
        // `1350000 kr`, ungrouped: only the mark tells it from an amount's digits as text.
        None if marked && !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => {
            (text, "00")
        }
        None => text
            .rsplit_once(',')
            .filter(|(whole, _)| whole.contains('.'))
            .or_else(|| {
                text.rsplit_once('.')
                    .filter(|(whole, _)| whole.contains(','))
            })?,
    };
    let groups: Vec<&str> = match whole.chars().find(|c| !c.is_ascii_digit()) {
        Some(group) if matches!(group, '.' | ',') || GROUP_SPACES.contains(&group) => {
            whole.split(group).collect()
        }
        Some(_) => return None,
        None if marked || text.len() != whole.len() => vec![whole],
        None => return None,
    };
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let grouped = groups
        .first()
        .is_some_and(|first| digits(first) && (first.len() <= 3 || groups.len() == 1))
        && groups.iter().skip(1).all(|g| g.len() == 3 && digits(g));
    let no_ore = (1..=2).contains(&ore.len()) && ore.bytes().all(|b| b == b'0');
    (grouped && no_ore).then(|| ParseErrorKind::PastedNumber {
        written: written.to_string(),
        toml: format!("{sign}{}", toml_grouped(&groups.concat())),
    })
}

/// The line (from 1) where `key` is first given in the text `before` a second one: the
/// header `[key]` of a table, else the line `key = …` in the same table (after the last
/// header). `None` when it is not written so (a key inside `{ }`, a dotted or quoted form).
fn first_line_of(before: &str, key: &str, table: bool) -> Option<usize> {
    let lines: Vec<&str> = before.lines().collect();
    // The lines above the one the second stands on.
    let above = before.matches('\n').count().min(lines.len());
    let plain = |line: &str| line.split('#').next().unwrap_or("").trim().to_string();
    let found = match table {
        true => (0..above).find(|&n| {
            let line = plain(lines.get(n).copied().unwrap_or(""));
            line.strip_prefix('[')
                .and_then(|l| l.strip_suffix(']'))
                .is_some_and(|name| name.trim() == key)
        }),
        false => {
            let header = (0..above)
                .rev()
                .find(|&n| plain(lines.get(n).copied().unwrap_or("")).starts_with('['));
            (header.map_or(0, |h| h + 1)..above).find(|&n| {
                let line = plain(lines.get(n).copied().unwrap_or(""));
                line.split_once('=')
                    .is_some_and(|(name, _)| name.trim().trim_matches(['"', '\'']) == key)
            })
        }
    };
    found.map(|n| n + 1)
}

/// The key whose value starts where `before` ends, from its line: `year` of `year = `,
/// `precision` of `{ kind = "percent", precision = `; empty when the line does not tell.
fn key_written_before(before: &str) -> String {
    let line = before.rsplit('\n').next().unwrap_or("");
    let head = line.rfind('=').and_then(|eq| line.get(..eq)).unwrap_or("");
    (head.rsplit([',', '{', ' ', '\t']))
        .find(|s| !s.is_empty())
        .and_then(|k| k.rsplit('.').next())
        .unwrap_or("")
        .trim_matches(['"', '\''])
        .to_string()
}

/// Sharpens what toml and serde say with the text they point at: a decimal comma, a number
/// grouped with spaces, a number too large, a key given twice, a date where a number belongs.
fn refine(kind: ParseErrorKind, text: &str, span: Option<&Range<usize>>) -> ParseErrorKind {
    let Some(span) = span else { return kind };
    let at = text.get(span.start..).unwrap_or("");
    let before = text.get(..span.start).unwrap_or("");
    // The value from the span to the end of its line, without a comment.
    let value_here = || {
        let line = at.split(['\n', '\r']).next().unwrap_or("");
        line.split('#').next().unwrap_or("").trim_end().to_string()
    };
    match kind {
        // The key the number is written under (`year = 99999999999`, `{ precision = -1 }`),
        // whose own limits the message can then give.
        ParseErrorKind::NumberOutOfRange {
            written, expected, ..
        } => ParseErrorKind::NumberOutOfRange {
            written,
            expected,
            key: key_written_before(before),
        },
        // Beyond 64 bits under a key that is no amount nor percentage (tester s37: a year
        // of 20 digits was told the largest amount): told as out of that key's range.
        ParseErrorKind::NumberTooLarge { written } => {
            let key = key_written_before(before);
            let expected = match key.as_str() {
                "year" => "i32",
                "precision" | "number" | "area" | "focus_areas" => "u32",
                _ => return ParseErrorKind::NumberTooLarge { written },
            };
            ParseErrorKind::NumberOutOfRange {
                written,
                expected: expected.to_string(),
                key,
            }
        }
        // `"381.600,00"`: pasted from a Swedish or German document with its öre, which are none.
        ParseErrorKind::AmountAsText => {
            let quoted = at.get(1..).and_then(|rest| rest.split('"').next());
            quoted.and_then(grouped_with_no_ore).unwrap_or(kind)
        }
        // One kind of file given where the other belongs: a follow-up report as the plan, or
        // the plan as a follow-up report.
        ParseErrorKind::UnknownKey {
            ref key,
            ref expected,
            ..
        } if as_strs(expected) == crate::core::plan::TABLES
            && (USAGE_TABLES.contains(&key.as_str())
                // A report's `year` and `county` come before its tables.
                || text.lines().any(|line| {
                    USAGE_TABLES
                        .iter()
                        .any(|table| line.trim() == format!("[[{table}]]"))
                })) =>
        {
            ParseErrorKind::LooksLike(Looks::UsageReport)
        }
        ParseErrorKind::UnknownKey {
            ref key,
            ref expected,
            ..
        } if crate::core::plan::TABLES.contains(&key.as_str())
            && as_strs(expected) == USAGE_KEYS =>
        {
            ParseErrorKind::LooksLike(Looks::Plan)
        }
        ParseErrorKind::Syntax { ref detail } => {
            if detail.starts_with("duplicate key") {
                let key: String = text
                    .get(span.clone())
                    .unwrap_or("")
                    .trim()
                    .trim_matches('"')
                    .to_string();
                let table = before.trim_end_matches([' ', '\t']).ends_with('[');
                let first = first_line_of(before, &key, table);
                return ParseErrorKind::DuplicateKey { key, table, first };
            }
            // toml points at the key that already holds a value: `unit` of `unit.x = 2`.
            if let Some(found) = detail
                .strip_prefix("cannot extend value of type ")
                .and_then(|rest| rest.strip_suffix(" with a dotted key"))
            {
                let key = text.get(span.clone()).unwrap_or("").trim();
                return ParseErrorKind::DottedKeyOnValue {
                    key: key.trim_matches(['"', '\'']).to_string(),
                    found: found.to_string(),
                };
            }
            // A whole number beyond i64 read into a `toml::Value` (a follow-up report).
            if detail == "u64 value was too large" {
                let written = value_here()
                    .split([',', ']', '}', ' '])
                    .next()
                    .unwrap_or("")
                    .to_string();
                return ParseErrorKind::NumberTooLarge { written };
            }
            if detail.starts_with("integer number overflowed") {
                let written = value_here()
                    .split([',', ']', '}', ' '])
                    .next()
                    .unwrap_or("")
                    .to_string();
                // `0x`, `0o`, `0b` without digits: toml says it overflowed.
                let unsigned = written.trim_start_matches(['+', '-']);
                if ["0x", "0o", "0b"].contains(&unsigned) {
                    return ParseErrorKind::Syntax {
                        detail: "invalid integer number".to_string(),
                    };
                }
                // `600_00O`, `12_689_898kr`: a letter in the digits, toml too says overflow.
                if !unsigned.chars().all(|c| c.is_ascii_digit() || c == '_') {
                    return ParseErrorKind::NotANumber { written };
                }
                return ParseErrorKind::NumberTooLarge { written };
            }
            // A value of a fixed set (`rule`, `kind`, `payment`) that is not text: toml's
            // enum reader says only what it wanted.
            if detail == "wanted string or table" {
                let line = value_here();
                let value = line.split([',', '}', ']', ' ']).next().unwrap_or("");
                // The value's type as TOML reads it (`1_000`, `0x10`, `2026-12-01`).
                let scalar = toml::from_str::<toml::Table>(&format!("v = {value}"))
                    .ok()
                    .and_then(|t| t.get("v").cloned());
                let found = match (line.chars().next(), scalar) {
                    (Some('['), _) => "sequence".to_string(),
                    (Some('{'), _) => "map".to_string(),
                    (_, Some(toml::Value::Boolean(_))) => format!("boolean `{value}`"),
                    (_, Some(toml::Value::Integer(_))) => format!("integer `{value}`"),
                    (_, Some(toml::Value::Float(_))) => format!("floating point `{value}`"),
                    (_, Some(toml::Value::Datetime(_))) => "date".to_string(),
                    _ => "value".to_string(),
                };
                return ParseErrorKind::WrongType {
                    found,
                    expected: "a string".to_string(),
                };
            }
            // ”Korpusplan”: Word and Outlook turn straight quotes into typographic ones.
            if let Some(quote) = at
                .chars()
                .next()
                .filter(|c| matches!(c, '”' | '“' | '„' | '«' | '»' | '‘' | '’'))
            {
                return ParseErrorKind::TypographicQuote { quote };
            }
            // `[1 6]`: two numbers in a list without a comma between them.
            let in_list = before.trim_end().ends_with(['[', ',']);
            let list_value = value_here();
            let list_value = list_value.split([']', ',']).next().unwrap_or("").trim();
            if detail.starts_with("string values must be quoted")
                && in_list
                && list_value.contains(' ')
                && list_value
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ' ' || c == '_')
            {
                return ParseErrorKind::Syntax {
                    detail: "missing comma between array elements".to_string(),
                };
            }
            // `[1, 6` and a new line: toml reads on and stumbles at the next key.
            if detail.starts_with("missing comma between array elements")
                && before.ends_with('\n')
                && at.split('\n').next().is_some_and(|l| l.contains('='))
            {
                return ParseErrorKind::Syntax {
                    detail: "unclosed array above".to_string(),
                };
            }
            // A file that is JSON (after comments, perhaps), or a row copied from a
            // spreadsheet, rather than TOML.
            let only_comments_before = before
                .lines()
                .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
            let json =
                at.starts_with('{') && at.trim_start_matches('{').trim_start().starts_with('"');
            if json && only_comments_before {
                return ParseErrorKind::LooksLike(Looks::Json);
            }
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let line = text
                .get(line_start..)
                .and_then(|l| l.split('\n').next())
                .unwrap_or("");
            if !line.contains('=')
                && !line.trim_start().starts_with('[')
                && line.contains([';', '\t'])
            {
                return ParseErrorKind::LooksLike(Looks::SpreadsheetRow);
            }
            // `3000000,5`: toml stops at the comma after a number.
            let digit_before = before
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit());
            let digit_after = at.chars().nth(1).is_some_and(|c| c.is_ascii_digit());
            if at.starts_with(',') && digit_before && digit_after {
                let whole: String = before
                    .chars()
                    .rev()
                    .take_while(|c| {
                        c.is_ascii_digit() || matches!(c, '_' | '-') || GROUP_SPACES.contains(c)
                    })
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                // Digits grouped by spaces belong to the number (`518 183,8`).
                let whole = whole.trim_start().to_string();
                // `12,689,898` whole: every group, so that it can be told as thousands.
                let fraction: String = at
                    .chars()
                    .skip(1)
                    .take_while(|c| c.is_ascii_digit() || *c == ',')
                    .collect();
                let fraction = fraction.trim_end_matches(',');
                return ParseErrorKind::DecimalComma {
                    written: format!("{whole},{fraction}"),
                };
            }
            // `3 000 000` or `3 000 000 kr`: digits grouped by spaces, not quoted.
            let value = value_here();
            let number = value
                .split([',', ']', '}'])
                .next()
                .unwrap_or("")
                .trim()
                .trim_end_matches("kr")
                .trim_end();
            let mut groups = number.split(GROUP_SPACES);
            let first_ok = groups.next().is_some_and(|g| {
                (1..=3).contains(&g.len()) && g.chars().all(|c| c.is_ascii_digit())
            });
            let rest: Vec<&str> = groups.collect();
            if first_ok
                && !rest.is_empty()
                && rest
                    .iter()
                    .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
            {
                return ParseErrorKind::NumberWithSpaces {
                    written: number.to_string(),
                };
            }
            kind
        }
        // The key the empty text is given to, as its line writes it.
        ParseErrorKind::EmptyText { .. } => {
            let line = before.rsplit('\n').next().unwrap_or("");
            // An item of a list written over lines of its own: the key of the list above it
            // (`proposal = [`).
            let line = match line.contains('=') {
                true => line,
                false => before
                    .rsplit('\n')
                    .find(|l| {
                        l.split_once('=')
                            .is_some_and(|(_, v)| v.trim_start().starts_with('['))
                    })
                    .unwrap_or(line),
            };
            // `name = ""`, or `{ code = "2303", name = "" }` in an inline table.
            let key = line.rsplit_once('=').map_or(line, |(key, _)| key);
            let key = key.rsplit([',', '{']).next().unwrap_or(key);
            ParseErrorKind::EmptyText {
                key: key.trim().trim_matches('"').to_string(),
            }
        }
        // `[[plan]]` where one table `[plan]` belongs: serde meets a list of tables.
        ParseErrorKind::WrongType { .. } if at.starts_with("[[") => {
            let name = at
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            ParseErrorKind::TableAsList { name }
        }
        ParseErrorKind::AmountAsFloat { .. } | ParseErrorKind::WeightAsFloat { .. }
            if is_not_a_number(text.get(span.clone()).unwrap_or("")) =>
        {
            ParseErrorKind::NotANumber {
                written: text.get(span.clone()).unwrap_or("").trim().to_string(),
            }
        }
        ParseErrorKind::WeightAsFloat { .. } if population_value_at(text, span.start) => {
            population_as_float(text.get(span.clone()).unwrap_or("").trim())
        }
        ParseErrorKind::WeightAsFloat { .. } => ParseErrorKind::WeightAsFloat {
            written: percentage_as_text(text.get(span.clone()).unwrap_or("").trim()),
        },
        ParseErrorKind::AmountAsFloat { .. } => {
            let token = text.get(span.clone()).unwrap_or("").trim();
            let plain = token.split_once('.').is_some_and(|(whole, fraction)| {
                let digits =
                    |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '_');
                digits(whole.trim_start_matches('-')) && digits(fraction)
            });
            // `6e5`: the same number written out, 600000.
            let scientific = || {
                rust_decimal::Decimal::from_scientific(&token.replace('_', ""))
                    .ok()
                    .map(|d| d.normalize().to_string())
            };
            ParseErrorKind::AmountAsFloat {
                written: if plain {
                    Some(token.replace('_', ""))
                } else {
                    scientific()
                },
            }
        }
        // serde's words for a TOML date are "map"; say date.
        ParseErrorKind::WrongType { found, expected }
            if found.starts_with("map")
                && at.chars().next().is_some_and(|c| c.is_ascii_digit()) =>
        {
            ParseErrorKind::WrongType {
                found: "date".to_string(),
                expected,
            }
        }
        other => other,
    }
}

/// Whether byte `at` of the plan lies within a population key's `values` or `printed_total`
/// (a weight is a count there, not a percentage). The plan is read again for the keys' kind
/// and spans alone; a plan whose keys cannot be read so is taken as no population key.
fn population_value_at(text: &str, at: usize) -> bool {
    #[derive(serde::Deserialize)]
    struct Keys {
        #[serde(default)]
        keys: Vec<KeyKind>,
    }
    #[derive(serde::Deserialize)]
    struct KeyKind {
        kind: Option<String>,
        values: Option<toml::Spanned<toml::Value>>,
        printed_total: Option<toml::Spanned<toml::Value>>,
    }
    let Ok(plan) = toml::from_str::<Keys>(text) else {
        return false;
    };
    plan.keys.iter().any(|key| {
        key.kind.as_deref() == Some("population")
            && [&key.values, &key.printed_total]
                .into_iter()
                .flatten()
                .any(|v| v.span().contains(&at))
    })
}

/// A float written among a population key's counts, with the count it most likely is: the
/// float itself when whole (`5150.0`, `5.15e3`), or read with its point as a thousands
/// separator when exactly three digits follow it (`5.150`).
fn population_as_float(token: &str) -> ParseErrorKind {
    let plain = token.replace('_', "");
    let unsigned = plain.trim_start_matches('+');
    let three_after_point = unsigned.split_once('.').is_some_and(|(whole, fraction)| {
        !whole.is_empty()
            && whole.chars().all(|c| c.is_ascii_digit())
            && fraction.len() == 3
            && fraction.chars().all(|c| c.is_ascii_digit())
    });
    let value = rust_decimal::Decimal::from_scientific(unsigned)
        .or_else(|_| unsigned.parse::<rust_decimal::Decimal>())
        .ok();
    let as_count = |d: rust_decimal::Decimal| i64::try_from(d).ok().filter(|n| *n > 0);
    let (count, thousands) = match value {
        Some(v) if v.fract().is_zero() => (as_count(v), false),
        Some(v) if three_after_point => (
            v.checked_mul(rust_decimal::Decimal::ONE_THOUSAND)
                .and_then(as_count),
            true,
        ),
        _ => (None, false),
    };
    ParseErrorKind::PopulationAsFloat {
        written: token.to_string(),
        count,
        thousands,
    }
}

/// A float written where a percentage belongs, as the text the plan would write instead: its
/// digits as written with a decimal comma (`2.0` → `2,0`, so that the precision shown stays),
/// or the number written out (`5.3e1` → `53`); `None` for what is no number.
fn percentage_as_text(token: &str) -> Option<String> {
    let plain = token.replace('_', "");
    let plain = plain.trim_start_matches('+');
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    match plain.split_once('.') {
        Some((whole, fraction)) if digits(whole.trim_start_matches('-')) && digits(fraction) => {
            Some(format!("{whole},{fraction}"))
        }
        _ => rust_decimal::Decimal::from_scientific(plain)
            .ok()
            .map(|d| d.normalize().to_string().replace('.', ",")),
    }
}

/// `nan`, `+inf`, `-nan`: TOML floats that are no numbers.
fn is_not_a_number(token: &str) -> bool {
    matches!(token.trim().trim_start_matches(['+', '-']), "nan" | "inf")
}

/// The key a Swedish word a contact's table may be written with stands for, when it is no
/// slip of the key's own name (`epost` for `email`, `telefon` for `phone`): what the
/// documents print under the person's name, in the words of the document it is copied from.
fn swedish_key(key: &str) -> Option<String> {
    let key = crate::core::text::fold(key).replace(['-', '_', ' '], "");
    let english = match key.as_str() {
        "epost" | "epostadress" | "mejl" | "mejladress" | "mailadress" => "email",
        "telefon" | "telefonnummer" | "tel" | "mobil" | "mobilnummer" => "phone",
        "titel" | "befattning" | "yrkesroll" => "role",
        "organisation" | "verksamhet" => "actor",
        _ => return None,
    };
    Some(english.to_string())
}

fn classify(message: &str) -> ParseErrorKind {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (key, expected) = split_expected(rest);
        let suggestion = suggest(&key, &as_strs(&expected))
            .or_else(|| swedish_key(&key).filter(|k| expected.iter().any(|e| e == k)));
        return ParseErrorKind::UnknownKey {
            key,
            expected,
            suggestion,
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = split_expected(rest);
        let suggestion = suggest(&value, &as_strs(&expected));
        return ParseErrorKind::UnknownValue {
            value,
            expected,
            suggestion,
        };
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        return ParseErrorKind::MissingField {
            field: rest.trim_end_matches('`').to_string(),
        };
    }
    match message {
        crate::core::money::AMOUNT_AS_TEXT => return ParseErrorKind::AmountAsText,
        crate::core::money::AMOUNT_AMBIGUOUS => return ParseErrorKind::AmountAmbiguous,
        crate::core::money::AMOUNT_AS_FLOAT => {
            return ParseErrorKind::AmountAsFloat { written: None };
        }
        WEIGHT_AS_FLOAT => return ParseErrorKind::WeightAsFloat { written: None },
        WEIGHT_BAD_TEXT => return ParseErrorKind::WeightBadText,
        DATE_WITH_TIME => return ParseErrorKind::DateWithTime,
        ACTOR_WRONG_TYPE => return ParseErrorKind::ActorWrongType,
        crate::core::plan::NOT_A_KOMMUNKOD => return ParseErrorKind::NotAKommunkod,
        crate::core::plan::ID_WITH_SPACES => return ParseErrorKind::IdWithSpaces,
        crate::core::plan::NAME_WITH_SPACES => return ParseErrorKind::NameWithSpaces,
        crate::core::plan::EMPTY_TEXT => {
            return ParseErrorKind::EmptyText { key: String::new() };
        }
        _ => {}
    }
    // An integer beyond i64: "invalid type: integer `…` as i128, expected …".
    if let Some(rest) = message.strip_prefix("invalid type: integer `")
        && let Some((written, _)) = rest
            .split_once("` as i128")
            .or_else(|| rest.split_once("` as u128"))
    {
        return ParseErrorKind::NumberTooLarge {
            written: written.to_string(),
        };
    }
    // An integer outside its key's type: "invalid value: integer `-6`, expected u32".
    if let Some(rest) = message.strip_prefix("invalid value: integer `")
        && let Some((written, expected)) = rest.split_once("`, expected ")
    {
        return ParseErrorKind::NumberOutOfRange {
            written: written.to_string(),
            expected: expected.to_string(),
            key: String::new(),
        };
    }
    if let Some(code) = message.strip_prefix(crate::core::plan::INVISIBLE_CHARACTER) {
        return ParseErrorKind::InvisibleCharacter {
            code: code.to_string(),
        };
    }
    if let Some(written) = message.strip_prefix(crate::core::plan::KOMMUNKOD_LOST_ZERO) {
        return ParseErrorKind::KommunkodLostZero {
            written: written.to_string(),
        };
    }
    if let Some(written) = message.strip_prefix(crate::core::money::AMOUNT_TOO_LARGE) {
        return ParseErrorKind::NumberTooLarge {
            written: written.to_string(),
        };
    }
    if let Some(written) = message.strip_prefix(WEIGHT_TOO_LARGE) {
        return ParseErrorKind::NumberTooLarge {
            written: written.trim().to_string(),
        };
    }
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return ParseErrorKind::WrongType {
            found: unescaped(found),
            expected: expected.to_string(),
        };
    }
    ParseErrorKind::Syntax {
        detail: message.to_string(),
    }
}

/// serde's words for a value found (`string "1\u{a0}000"`) with the text as the file has it:
/// serde writes a string in Rust's escapes (`\u{a0}`, `\0`, `\"`).
fn unescaped(found: &str) -> String {
    let Some(quoted) = (found.strip_prefix("string \"")).and_then(|t| t.strip_suffix('"')) else {
        return found.to_string();
    };
    let mut text = String::from("string \"");
    let mut chars = quoted.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            text.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => text.push('\n'),
            Some('t') => text.push('\t'),
            Some('r') => text.push('\r'),
            Some('0') => text.push('\0'),
            Some('u') => {
                let code: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                let escaped = u32::from_str_radix(&code, 16).ok().and_then(char::from_u32);
                text.push(escaped.unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            Some(other) => text.push(other),
            None => text.push('\\'),
        }
    }
    text.push('"');
    text
}

fn as_strs(items: &[String]) -> Vec<&str> {
    items.iter().map(String::as_str).collect()
}

/// Splits "x`, expected one of `a`, `b`" into ("x", ["a", "b"]).
fn split_expected(rest: &str) -> (String, Vec<String>) {
    let (name, tail) = rest.split_once('`').unwrap_or((rest, ""));
    let expected = tail
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    (name.to_string(), expected)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_text_serde_escapes_is_the_text_the_file_has() {
        assert_eq!(unescaped("string \"1\\u{a0}000\""), "string \"1\u{a0}000\"");
        assert_eq!(unescaped("string \"a\\0b\\\"c\""), "string \"a\0b\"c\"");
        assert_eq!(unescaped("string \"e\\u{301}\""), "string \"e\u{301}\"");
        assert_eq!(unescaped("integer `5`"), "integer `5`");
    }
    use super::*;
    use crate::core::money::Amount;

    /// `core::plan::TABLES` is what the plan's reader takes, so that a plan given as a
    /// follow-up report is known by any of its tables.
    #[test]
    fn the_plan_tables_are_the_plans_top_level_keys() {
        let error = parse("[x]\n").unwrap_err();
        let ParseErrorKind::UnknownKey { expected, .. } = error.kind else {
            panic!("{error:?}")
        };
        assert_eq!(as_strs(&expected), crate::core::plan::TABLES);
    }

    #[test]
    fn line_and_column_count_characters_from_an_index_of_lines() {
        let s = Source::new("p.toml", "a = 1\r\nnamn = \"Åre\"\n\nx");
        assert_eq!(s.line_col(0), (1, 1));
        assert_eq!(s.line_col(4), (1, 5));
        assert_eq!(s.line_col(7), (2, 1));
        // "Å" is two bytes, one character.
        let e = s.text.find('e').unwrap();
        assert_eq!(s.line_col(e), (2, 11));
        assert_eq!(s.line_col(s.text.len()), (4, 2));
        assert_eq!(s.line_col(usize::MAX), (4, 2));
        assert_eq!(s.line_range(1), Some(0..5), "without the \\r\\n");
        assert_eq!(s.line_range(3), Some(21..21));
        assert_eq!(s.line_range(4), Some(22..23));
        assert_eq!(s.line_range(0), None);
        assert_eq!(s.line_range(5), None);
    }

    #[test]
    fn a_byte_order_mark_is_no_column() {
        let s = Source::new("p.toml", "\u{feff}[plan]\nyear = 1\n");
        assert_eq!(s.line_col(3), (1, 1));
        assert_eq!(s.line_col(4), (1, 2));
        assert_eq!(s.line_col(0), (1, 1));
        assert_eq!(s.line_range(1), Some(3..9));
        assert_eq!(s.line_col(10), (2, 1));
    }

    #[test]
    fn files_that_are_not_text_are_named() {
        assert_eq!(not_text(b"[plan]\n"), None);
        assert_eq!(not_text(&[0xff, 0xfe, b'[', 0]), Some(ReadReason::Utf16));
        // Without a byte-order mark, either way round; a NUL or two in text is no UTF-16, but
        // a stray NUL the reader tells where it stands.
        assert_eq!(not_text(b"[\0p\0l\0a\0n\0]\0"), Some(ReadReason::Utf16));
        assert_eq!(not_text(b"\0[\0p\0l\0a\0n\0]"), Some(ReadReason::Utf16));
        assert_eq!(not_text(b"[plan]\0\0"), None);
        assert_eq!(
            not_text("[plan]\ntitle = \"Läns\0medel\"\n".as_bytes()),
            None
        );
        // Many controls, or bytes that are not UTF-8, with a NUL: binary.
        assert_eq!(
            not_text(b"[plan]\0\x01\x02\x03\x04"),
            Some(ReadReason::Binary(BinaryKind::Other))
        );
        assert_eq!(
            not_text(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some(ReadReason::Binary(BinaryKind::Other))
        );
        assert_eq!(
            not_text(b"PK\x03\x04..."),
            Some(ReadReason::Binary(BinaryKind::Zip))
        );
        assert_eq!(
            not_text(b"%PDF-1.4"),
            Some(ReadReason::Binary(BinaryKind::Pdf))
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_by_its_size() {
        let dir = std::env::temp_dir().join(format!("allocate-limit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("plan.toml");
        std::fs::write(&path, "x".repeat(11)).unwrap();
        assert_eq!(
            read_limited(&path, 10),
            Err(ReadReason::TooLarge {
                size: 11,
                limit: 10
            })
        );
        assert_eq!(read_limited(&path, 11).unwrap().len(), 11);
        assert_eq!(read_limited(&dir, 11), Err(ReadReason::Directory));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn numbers_pasted_from_documents_get_their_toml() {
        let pasted = |value: &str| {
            let text = format!("[plan]\nyear = 2026\nstated_change = {value} # ändring\n");
            let error = parse(&text).unwrap_err();
            let span = error.span.clone().unwrap();
            (error.kind, text[span].to_string())
        };
        let expect = |written: &str, toml: &str| {
            (
                ParseErrorKind::PastedNumber {
                    written: written.to_string(),
                    toml: toml.to_string(),
                },
                written.to_string(),
            )
        };
        assert_eq!(pasted("-7 877"), expect("-7 877", "-7_877"));
        assert_eq!(pasted("\u{2212}7_877"), expect("\u{2212}7_877", "-7_877"));
        assert_eq!(pasted("\u{2013}7877"), expect("\u{2013}7877", "-7_877"));
        assert_eq!(pasted("1,350,000"), expect("1,350,000", "1_350_000"));
        assert_eq!(pasted("1.350.000 kr"), expect("1.350.000 kr", "1_350_000"));
        // Kronor marked as a document marks them (hostile tester s41: `1350000:-` was told
        // as a date).
        for (written, toml) in [
            ("1350000:-", "1_350_000"),
            ("1 350 000:-", "1_350_000"),
            ("1350000,-", "1_350_000"),
            ("1_350_000:-", "1_350_000"),
            ("1350000 kr", "1_350_000"),
            ("1350000kr", "1_350_000"),
            ("1 350 000 SEK", "1_350_000"),
            ("-7 877 kr", "-7_877"),
            ("012689898 kr", "12_689_898"),
        ] {
            assert_eq!(pasted(written), expect(written, toml));
        }
        // Not beyond what a plan holds, nor for a key that takes no amount (reviewer s42).
        for written in ["123456789012345678901 kr", "99999999999999999999:-"] {
            assert!(
                !matches!(pasted(written).0, ParseErrorKind::PastedNumber { .. }),
                "{written}"
            );
        }
        let year = parse("[plan]\nyear = 2026 kr\n").unwrap_err().kind;
        assert!(
            !matches!(year, ParseErrorKind::PastedNumber { .. }),
            "{year:?}"
        );
        // In an inline table, the value up to its `}`.
        let inline = parse("[[insatser]]\nsplit = { except = { Berg = 140000:- } }\n")
            .unwrap_err()
            .kind;
        assert_eq!(
            inline,
            ParseErrorKind::PastedNumber {
                written: "140000:-".to_string(),
                toml: "140_000".to_string()
            }
        );
        assert_eq!(
            pasted("\u{2212} 12 689 898"),
            expect("\u{2212} 12 689 898", "-12_689_898")
        );
        // Not clearly one pasted number: left to the other messages.
        assert!(!matches!(
            pasted("1 350 000").0,
            ParseErrorKind::PastedNumber { .. }
        ));
        assert!(!matches!(
            pasted("1,35").0,
            ParseErrorKind::PastedNumber { .. }
        ));
        assert!(!matches!(
            pasted("-7 87").0,
            ParseErrorKind::PastedNumber { .. }
        ));
    }

    #[test]
    fn an_empty_name_is_named_by_its_key_in_an_inline_table_too() {
        let text = "kommuner = [{ code = \"2303\", name = \" \" }]\n";
        let error = parse(text).unwrap_err();
        assert_eq!(
            error.kind,
            ParseErrorKind::EmptyText {
                key: "name".to_string()
            }
        );
        assert_eq!(error.span.map(|s| &text[s]), Some("\" \""));
        let error = parse("[[actors]]\nid = \"\"\n").unwrap_err();
        assert_eq!(
            error.kind,
            ParseErrorKind::EmptyText {
                key: "id".to_string()
            }
        );
        // A short name may be left out, but not given empty.
        let error = parse("[[actors]]\nid = \"a\"\nname = \"A\"\nshort = \"\"\n").unwrap_err();
        assert_eq!(
            error.kind,
            ParseErrorKind::EmptyText {
                key: "short".to_string()
            }
        );
    }

    #[test]
    fn numbers_in_another_base_are_kept_with_their_place_after_a_byte_order_mark() {
        let base = include_str!("../../tests/corpus/base.toml");
        assert_eq!(parse(base).unwrap().not_decimal, vec![]);
        let text = format!(
            "\u{feff}{}",
            base.replace("county_total = 3_000_000", "county_total = 0x2dc6c0")
                .replace(
                    "title = \"Korpusplan\"",
                    "title = \"Korpusplan 0x10\" # 0b1"
                )
        );
        let plan = parse(&text).unwrap();
        assert_eq!(plan.plan.county_total.get_ref(), &Amount::kr(3_000_000));
        let [number] = plan.not_decimal.as_slice() else {
            panic!("{:?}", plan.not_decimal);
        };
        assert_eq!(&text[number.span.clone()], "0x2dc6c0");
        assert_eq!(
            (
                number.written.as_str(),
                number.radix,
                number.value,
                number.year
            ),
            ("0x2dc6c0", 16, 3_000_000, false)
        );
    }

    #[test]
    fn a_list_of_tables_for_the_one_plan_table_is_named() {
        let error = parse("[[plan]]\nyear = 2026\n").unwrap_err();
        assert_eq!(
            error.kind,
            ParseErrorKind::TableAsList {
                name: "plan".to_string()
            }
        );
        assert_eq!(error.span, Some(0..8));
    }

    /// A plan's own table written as a key below another table's header (tester s38),
    /// whatever stands between `[` and `{`; a table's own list of texts by such a name is not.
    #[test]
    fn a_plan_table_written_as_a_key_below_a_table_is_found() {
        let kind = |text: &str| key_apart(text, None);
        let below = "[[headings]]\nid = \"h\"\nstated = [ # a comment\n  { label = \"x\", amount = 1 },\n]\n";
        let apart = |list, written| ParseErrorKind::KeyApart {
            key: if list { "stated" } else { "plan" }.to_string(),
            list,
            written,
            header: if list { "[[headings]]" } else { "[[insatser]]" }.to_string(),
            header_line: 1,
        };
        assert_eq!(kind(below), Some((apart(true, false), 22..28)));
        let with_list = format!("{below}\n[[stated]]\nlabel = \"y\"\n");
        assert_eq!(kind(&with_list).map(|k| k.0), Some(apart(true, true)));
        let plan = "[[insatser]]\nid = \"1\"\nplan = { year = 2026 }\n";
        assert_eq!(kind(plan).map(|k| k.0), Some(apart(false, false)));
        // A heading's own list of insatser, a stated total, a dotted key: none.
        for text in [
            "[[headings]]\nid = \"h\"\ninsatser = [\"1.3\"]\nstated = 5\n",
            "[[insatser]]\nid = \"1\"\ninsatser.split = { rule = \"equal\" }\n",
            "stated = [ { label = \"x\", amount = 1 } ]\n[[headings]]\nid = \"h\"\n",
        ] {
            assert_eq!(kind(text), None, "{text}");
        }
        // Told at the key, wherever toml's error points in the table.
        let error = parse(&with_list.replace("id = \"h\"", "id = \"h\"\nstated = 5")).unwrap_err();
        assert!(
            matches!(error.kind, ParseErrorKind::KeyApart { .. }),
            "{error:?}"
        );
    }

    /// The closing quotes go where they close the text with what it says: in place of a
    /// line's ending backslash (after it they would be escaped) or of two quotes of three,
    /// after one quote (a quotation's end), after an escaped backslash.
    #[test]
    fn closing_quotes_go_where_they_close_the_text() {
        let q = "\"\"\"";
        assert_eq!(closing_place("regionala \\", 10, q), (19..21, Some("\\")));
        assert_eq!(closing_place("a \\\\", 0, q), (4..4, None));
        assert_eq!(
            closing_place("samverkan.\"\"", 0, q),
            (10..12, Some("\"\""))
        );
        assert_eq!(closing_place("\"Psykisk hälsa\"", 0, q), (16..16, None));
        assert_eq!(closing_place("a\\\"\"", 0, q), (4..4, None));
        assert_eq!(closing_place("rad \\", 0, "'''"), (5..5, None));
        assert_eq!(closing_place("rad ''", 0, "'''"), (4..6, Some("''")));
        // A quotation's end and one quote of three (reviewer s40).
        assert_eq!(
            closing_place("a \"med citat\"\"", 0, q),
            (13..14, Some("\""))
        );
    }

    /// A text left open is told where its quotes belong, not where toml stumbles; a text that
    /// holds a line like `a = b` on purpose, or an escaped quote, is no cause.
    #[test]
    fn a_text_left_open_is_told_where_it_should_end() {
        let kind = |text: &str| parse(text).unwrap_err().kind;
        let runs_on =
            "[plan]\nyear = 2026\ntitle = \"\"\"Plan\n\nfocus = 1\nnote = \"\"\"Text.\"\"\"\n";
        let error = parse(runs_on).unwrap_err();
        assert_eq!(
            error.kind,
            ParseErrorKind::TextRunsOn {
                quote: "\"\"\"",
                opened_line: 3,
                closed_line: Some(6),
                taken: Some((5, "focus = 1".to_string())),
                replacing: None,
            }
        );
        // At the end of `title = """Plan`, the blank line after it skipped.
        assert_eq!(error.span, Some(34..34));
        // Never closed, and nothing in it reads as TOML: at its opening quotes.
        let error = parse("[plan]\ntitle = \'\'\'Plan\nmer text\n").unwrap_err();
        assert_eq!(error.span, Some(15..18));
        assert!(matches!(
            error.kind,
            ParseErrorKind::TextRunsOn {
                quote: "\'\'\'",
                closed_line: None,
                taken: None,
                ..
            }
        ));
        // `"Plan\"` leaves the text open; `"Plan\\"` closes it.
        let open = "[plan]\ntitle = \"Plan\\\"\nyear = 2026\n";
        assert!(
            matches!(kind(open), ParseErrorKind::TextRunsOn { quote: "\"", .. }),
            "{:?}",
            kind(open)
        );
        let closed = "[plan]\ntitle = \"Plan\\\\\"\nyear = x\n";
        assert!(
            matches!(kind(closed), ParseErrorKind::Syntax { .. }),
            "{:?}",
            kind(closed)
        );
        // A closed text with `a = b` in it, and an error far below: the error is toml's.
        let prose = "[plan]\nnote = \"\"\"\na = b\n\"\"\"\n\n\n\nyear = x\n";
        assert!(
            matches!(kind(prose), ParseErrorKind::Syntax { .. }),
            "{:?}",
            kind(prose)
        );
        // Nor with the error on the next line (reviewer s39): its closing quotes stand alone,
        // not after a key as the next text's opening ones would.
        let prose = "[plan]\nnote = \"\"\"\nandel = 50 procent\n\"\"\"\nunit = 1,\n";
        assert!(
            matches!(kind(prose), ParseErrorKind::Syntax { .. }),
            "{:?}",
            kind(prose)
        );
        // A Windows line's `\r` is no part of where the quote belongs.
        let error = parse("[plan]\r\ntitle = \"Plan\r\nyear = 2026\r\n").unwrap_err();
        assert_eq!(error.span, Some(21..21));
    }

    #[test]
    fn a_table_apart_from_its_list_is_refused_but_not_a_line_of_a_text() {
        let plan = "[[insatser]]\nid = \"1\"\n\n[[headings]]\nid = \"h\"\n\n[insatser.split]\nrule = \"equal\"\n";
        let Some((kind, span)) = table_apart(plan) else {
            panic!("not found");
        };
        assert_eq!(
            kind,
            ParseErrorKind::TableApart(Box::new(TableApart {
                name: "[insatser.split]".to_string(),
                list: "insatser".to_string(),
                list_line: Some(1),
                between: "[[headings]]".to_string(),
                between_line: 4,
            }))
        );
        assert!(is_header(plan, span.start));
        // The same line inside a multi-line text is no header.
        let text =
            "[[insatser]]\nid = \"1\"\n\n[[headings]]\nnote = \"\"\"\n[insatser.split]\n\"\"\"\n";
        let (_, span) = table_apart(text).unwrap();
        assert!(!is_header(text, span.start));
        // Directly below its list's table, or below another table of it, it is in place.
        let placed = "[[areas]]\n[[areas.earmarks]]\n[areas.requirements]\n[[areas]]\n[areas.requirements]\n";
        assert_eq!(table_apart(placed), None);
    }

    #[test]
    fn a_value_of_a_fixed_set_that_is_not_text_is_told_by_its_type() {
        let found = |value: &str| {
            let text = format!("[[actors]]\nid = \"a\"\nname = \"A\"\nkind = {value}\n");
            match parse(&text).unwrap_err().kind {
                ParseErrorKind::WrongType { found, expected } => {
                    assert_eq!(expected, "a string");
                    found
                }
                other => panic!("{value}: {other:?}"),
            }
        };
        assert_eq!(found("[\"region\"]"), "sequence");
        assert_eq!(found("1_000"), "integer `1_000`");
        assert_eq!(found("0x10"), "integer `0x10`");
        assert_eq!(found("1.5"), "floating point `1.5`");
        assert_eq!(found("true"), "boolean `true`");
        assert_eq!(found("2026-12-01"), "date");
    }

    #[test]
    fn an_amount_pasted_as_text_with_no_ore_is_told_as_toml() {
        let kind = |text: &str| parse(text).unwrap_err().kind;
        for (written, toml) in [
            ("381.600,00", "381_600"),
            ("1,350,000.00", "1_350_000"),
            ("381.600,00 kr", "381_600"),
            ("-381.600,00", "-381_600"),
            ("381 600:-", "381_600"),
            ("381.600:-", "381_600"),
            ("1350000:-", "1_350_000"),
            ("1350000,-", "1_350_000"),
            ("1350000 SEK", "1_350_000"),
        ] {
            assert_eq!(
                kind(&format!("[plan]\ncounty_total = \"{written}\"\n")),
                ParseErrorKind::PastedNumber {
                    written: written.to_string(),
                    toml: toml.to_string(),
                }
            );
        }
        // With öre, or not grouped in threes, it stays text that is no amount.
        for written in ["381.600,50", "38.16,00", "ca 3 mkr", "abc:-", "13500,00:-"] {
            assert_eq!(
                kind(&format!("[plan]\ncounty_total = \"{written}\"\n")),
                ParseErrorKind::AmountAsText
            );
        }
    }

    #[test]
    fn pasted_numbers_are_recognised() {
        let kind = |text: &str| parse(text).unwrap_err().kind;
        assert_eq!(
            kind("[plan]\nyear = 2026\ncounty_total = 12 689 898\n"),
            ParseErrorKind::NumberWithSpaces {
                written: "12 689 898".to_string()
            }
        );
        assert_eq!(
            kind("[plan]\ncounty_total = 12689898,50\n"),
            ParseErrorKind::DecimalComma {
                written: "12689898,50".to_string()
            }
        );
        assert_eq!(
            kind("[plan]\ncounty_total = 99999999999999999999\n"),
            ParseErrorKind::NumberTooLarge {
                written: "99999999999999999999".to_string()
            }
        );
        assert_eq!(
            kind("[plan]\ntitle = \u{201d}Plan\u{201d}\n"),
            ParseErrorKind::TypographicQuote { quote: '\u{201d}' }
        );
    }

    /// A float among a population key's counts is a count written wrong, not a percentage:
    /// the count it most likely is comes with it; in a percent key it stays a percentage.
    #[test]
    fn a_float_in_a_population_key_is_a_count_not_a_percentage() {
        let kind = |kind: &str, value: &str| {
            parse(&format!(
                "[[keys]]\nid = \"p\"\nkind = \"{kind}\"\nvalues = {{ Berg = {value} }}\n"
            ))
            .unwrap_err()
            .kind
        };
        let population = |written: &str, count: Option<i64>, thousands: bool| {
            ParseErrorKind::PopulationAsFloat {
                written: written.to_string(),
                count,
                thousands,
            }
        };
        assert_eq!(
            kind("population", "5150.0"),
            population("5150.0", Some(5150), false)
        );
        assert_eq!(
            kind("population", "5.150"),
            population("5.150", Some(5150), true)
        );
        assert_eq!(
            kind("population", "5_150.0"),
            population("5_150.0", Some(5150), false)
        );
        assert_eq!(
            kind("population", "5.15e3"),
            population("5.15e3", Some(5150), false)
        );
        assert_eq!(
            kind("population", "5150.5"),
            population("5150.5", None, false)
        );
        assert_eq!(kind("population", "-5.0"), population("-5.0", None, false));
        let percent = |written: &str| ParseErrorKind::WeightAsFloat {
            written: Some(written.to_string()),
        };
        assert_eq!(kind("percent", "5.3"), percent("5,3"));
        assert_eq!(kind("percent", "5.150"), percent("5,150"));
        assert_eq!(kind("percent", "2.0"), percent("2,0"));
        assert_eq!(kind("percent", "+1_2.50"), percent("12,50"));
        assert_eq!(kind("percent", "5.3e1"), percent("53"));
    }
}
