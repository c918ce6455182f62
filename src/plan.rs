//! The plan model and loading it from TOML.
//!
//! The model mirrors the file one to one, so that every value a check complains about still
//! carries its byte span (`toml::Spanned`). Loading only parses: it rejects what cannot be read
//! (syntax, unknown keys, wrong types, missing fields) and leaves every rule about what the
//! figures mean to `check`.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use toml::Spanned;

use crate::money::Amount;

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
        let start = *starts.get(line.checked_sub(1)?)?;
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

    /// One-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let starts = self.line_starts();
        // The number of lines starting at or before `offset` is the line of `offset`.
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let line_start = starts.get(line - 1).copied().unwrap_or(0);
        let col = self
            .text
            .get(line_start..offset)
            .map_or(offset - line_start, |t| t.chars().count())
            + 1;
        (line, col)
    }
}

/// The whole plan file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub plan: Meta,
    pub deadlines: Option<Deadlines>,
    pub agreement: Option<Agreement>,
    #[serde(default)]
    pub focus_areas: Vec<FocusArea>,
    pub areas: Vec<Area>,
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub kommuner: Vec<Kommun>,
    #[serde(default)]
    pub keys: Vec<Key>,
    pub insatser: Vec<Insats>,
    #[serde(default)]
    pub headings: Vec<Heading>,
    #[serde(default)]
    pub stated: Vec<Stated>,
}

/// `[plan]`: what the decision document is and the figures it is built on.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub year: Spanned<i32>,
    pub county: String,
    pub title: String,
    pub forum: Option<String>,
    pub decision_date: Option<Spanned<Date>>,
    pub document_date: Option<Spanned<Date>>,
    /// The reference code that invoices cite (`400105`).
    pub reference: Option<String>,
    /// The smallest amount the plan deals in; every amount is a multiple of it. Default 1 kr.
    pub unit: Option<Spanned<Amount>>,
    pub county_total: Spanned<Amount>,
    pub previous_county_total: Option<Spanned<Amount>>,
    /// The change against the previous year as the document prints it (`-7_877`).
    pub stated_change: Option<Spanned<Amount>>,
}

impl Meta {
    pub fn unit(&self) -> Amount {
        self.unit.as_ref().map_or(Amount::kr(1), |u| *u.get_ref())
    }
}

/// `[deadlines]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadlines {
    /// The region requisitions the money from Kammarkollegiet (1 December).
    pub requisition: Option<Spanned<Date>>,
    /// Recipients report how they used the money (31 December).
    pub use_reported: Option<Spanned<Date>>,
    /// Unused money is repaid to Kammarkollegiet (31 March the next year).
    pub unused_repaid: Option<Spanned<Date>>,
}

/// `[agreement]`: the state–SKR agreement behind the county's money.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    pub name: Option<String>,
    pub national_total: Spanned<Amount>,
    pub previous_national_total: Option<Spanned<Amount>>,
    #[serde(default)]
    pub split: Vec<AgreementPart>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgreementPart {
    pub recipient: String,
    pub amount: Spanned<Amount>,
}

/// `[[focus_areas]]`: the county action plan's focus areas (1–7).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FocusArea {
    pub number: Spanned<u32>,
    pub title: String,
}

/// `[[areas]]`: a funded area of the agreement with its own amount.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub number: Spanned<u32>,
    pub title: String,
    pub amount: Spanned<Amount>,
    /// How the state arrived at the amount ("5 mkr per län, resten enligt befolkningsmängd").
    pub basis: Option<String>,
    #[serde(default)]
    pub earmarks: Vec<Earmark>,
}

/// `[[areas.earmarks]]`: the state's indicative split inside an area (*varav*).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Earmark {
    pub id: Spanned<String>,
    pub title: String,
    pub amount: Spanned<Amount>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
pub enum ActorKind {
    /// The region itself (money it holds for further distribution).
    #[serde(rename = "region")]
    Region,
    /// A unit of the region, paid by internal routine.
    #[serde(rename = "region-unit")]
    RegionUnit,
    #[serde(rename = "kommunförbund")]
    Kommunforbund,
    /// "Länets kommuner": the county's kommuner as one responsible actor; money given to it is
    /// split over the `[[kommuner]]`.
    #[serde(rename = "kommuner")]
    Kommuner,
    #[serde(rename = "external")]
    External,
}

impl ActorKind {
    /// The kind as the plan file writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Region => "region",
            ActorKind::RegionUnit => "region-unit",
            ActorKind::Kommunforbund => "kommunförbund",
            ActorKind::Kommuner => "kommuner",
            ActorKind::External => "external",
        }
    }
}

/// How an actor receives its money.
#[derive(Clone, Copy, Debug, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Payment {
    /// Sends the region one collective invoice (*samlingsfaktura*).
    Invoice,
    /// A unit of the region, paid by internal transfer.
    Internal,
    /// The region holds the money for further distribution.
    Held,
}

/// `[[actors]]`: a responsible actor (*ansvarig verksamhet*).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: Spanned<String>,
    pub name: String,
    pub short: Option<String>,
    pub kind: Spanned<ActorKind>,
    pub parent: Option<Spanned<String>>,
    pub payment: Option<Payment>,
}

impl Actor {
    /// The payment route: as written, or what the kind implies.
    pub fn payment(&self) -> Payment {
        self.payment.unwrap_or(match self.kind.get_ref() {
            ActorKind::Region => Payment::Held,
            ActorKind::RegionUnit => Payment::Internal,
            ActorKind::Kommunforbund | ActorKind::Kommuner | ActorKind::External => {
                Payment::Invoice
            }
        })
    }
}

/// `[[kommuner]]`: a kommun of the county, by official kommunkod.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kommun {
    pub code: Spanned<String>,
    pub name: Spanned<String>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum KeyKind {
    /// Population counts per kommun.
    Population,
    /// Percentage shares per kommun, written as text at a stated precision ("5,3").
    Percent,
}

/// `[[keys]]`: an allocation key (*fördelningsnyckel*) over the kommuner.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Key {
    pub id: Spanned<String>,
    pub title: Option<String>,
    pub kind: Spanned<KeyKind>,
    /// Decimals of a percent key (1 for "5,3 %").
    pub precision: Option<Spanned<u32>>,
    pub date: Option<Spanned<Date>>,
    pub source: Option<String>,
    /// Kommun (kommunkod or name) to its weight, written in the plan. A key has exactly one
    /// of `values`, `file` and `from`.
    pub values: Option<Spanned<BTreeMap<Spanned<String>, Spanned<Weight>>>>,
    /// An SCB population file, relative to the plan file (a population key).
    pub file: Option<Spanned<String>>,
    /// The year column of `file` ("2024"); needed when the file has several.
    pub column: Option<Spanned<String>>,
    /// A percent key derived from this population key at `precision` decimals.
    pub from: Option<Spanned<String>>,
    /// `file` as read by `load_key_files`; not part of the TOML.
    #[serde(skip)]
    pub file_data: Option<Result<crate::scb::KeyFile, crate::scb::ScbError>>,
}

impl Key {
    /// The key's inline values, if it has them.
    pub fn inline_values(&self) -> Option<&BTreeMap<Spanned<String>, Spanned<Weight>>> {
        self.values.as_ref().map(Spanned::get_ref)
    }
}

/// `[[insatser]]`: one activity row of the plan.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Insats {
    pub id: Spanned<String>,
    pub area: Spanned<u32>,
    pub earmark: Option<Spanned<String>>,
    pub text: String,
    pub focus_areas: Option<Spanned<Vec<Spanned<u32>>>>,
    /// *Ansvarig verksamhet* as the document prints it; `actor` is what the tool uses.
    pub responsible: Option<String>,
    /// *Berörda verksamheter*.
    pub affected: Option<String>,
    /// Responsible actor id, or several for a jointly run row.
    pub actor: Spanned<ActorRef>,
    pub amount: Spanned<Amount>,
    pub split: Option<Spanned<Split>>,
}

/// One actor id or a list of them.
#[derive(Debug)]
pub enum ActorRef {
    One(String),
    Many(Vec<Spanned<String>>),
}

impl Insats {
    /// The responsible actor ids, each with its span.
    pub fn actor_ids(&self) -> Vec<Spanned<String>> {
        match self.actor.get_ref() {
            ActorRef::One(id) => vec![Spanned::new(self.actor.span(), id.clone())],
            ActorRef::Many(ids) => ids.clone(),
        }
    }
}

pub const ACTOR_WRONG_TYPE: &str = "actor-wrong-type";

// Hand-written because serde's untagged enums buffer their input and lose the spans.
impl<'de> Deserialize<'de> for ActorRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ActorVisitor;
        impl<'de> Visitor<'de> for ActorVisitor {
            type Value = ActorRef;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an actor id or a list of actor ids")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ActorRef, E> {
                Ok(ActorRef::One(v.to_string()))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<ActorRef, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<Spanned<String>>()? {
                    ids.push(id);
                }
                Ok(ActorRef::Many(ids))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<ActorRef, E> {
                Err(E::custom(ACTOR_WRONG_TYPE))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<ActorRef, E> {
                Err(E::custom(ACTOR_WRONG_TYPE))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<ActorRef, E> {
                Err(E::custom(ACTOR_WRONG_TYPE))
            }
        }
        deserializer.deserialize_any(ActorVisitor)
    }
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum SplitRule {
    /// By an allocation key over the kommuner.
    Key,
    /// Equal parts.
    Equal,
    /// A fixed amount each (`each`), with exceptions (`except`).
    Fixed,
    /// Amounts written out per recipient (`amounts`).
    Amounts,
    /// A fixed amount per kommun (`each`, `except`), and the rest by a key (`key`).
    FixedPlusKey,
}

/// `[insatser.split]`: how an insats's amount is divided over its recipients.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Split {
    pub rule: Spanned<SplitRule>,
    pub key: Option<Spanned<String>>,
    /// Rounding unit of the parts; default the plan's unit.
    pub unit: Option<Spanned<Amount>>,
    pub each: Option<Spanned<Amount>>,
    #[serde(default)]
    pub except: BTreeMap<Spanned<String>, Spanned<Amount>>,
    pub amounts: Option<Spanned<BTreeMap<Spanned<String>, Spanned<Amount>>>>,
    /// Per-recipient amounts as the document prints them, checked against the rule.
    #[serde(default)]
    pub printed: BTreeMap<Spanned<String>, Spanned<Amount>>,
}

/// `[[headings]]`: a heading of the document's summary per handling actor.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Heading {
    pub id: Spanned<String>,
    pub title: String,
    pub parent: Option<Spanned<String>>,
    /// The total the document prints under the heading.
    pub stated: Option<Spanned<Amount>>,
    #[serde(default)]
    pub insatser: Vec<Spanned<String>>,
}

/// `[[stated]]`: any other figure the document prints, checked like a balance assertion.
/// The filters narrow what it covers; with none it covers the whole plan.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stated {
    pub label: String,
    pub amount: Spanned<Amount>,
    pub area: Option<Spanned<u32>>,
    pub actor: Option<Spanned<String>>,
    pub kommun: Option<Spanned<String>>,
    pub insatser: Option<Vec<Spanned<String>>>,
}

/// A calendar date (no time of day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub const DATE_WITH_TIME: &str = "date-with-time";

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let dt = toml::value::Datetime::deserialize(deserializer)?;
        match (dt.date, dt.time) {
            (Some(d), None) => Ok(Date {
                year: i32::from(d.year),
                month: d.month,
                day: d.day,
            }),
            _ => Err(de::Error::custom(DATE_WITH_TIME)),
        }
    }
}

/// A weight in an allocation key: a population count or a percentage, exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Weight(pub Decimal);

pub const WEIGHT_AS_FLOAT: &str = "weight-as-float";
pub const WEIGHT_BAD_TEXT: &str = "weight-bad-text";
pub const WEIGHT_TOO_LARGE: &str = "weight-too-large";

impl<'de> Deserialize<'de> for Weight {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WeightVisitor;
        impl Visitor<'_> for WeightVisitor {
            type Value = Weight;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a count like 64_977 or a percentage as text like \"49,0\"")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Weight, E> {
                Ok(Weight(Decimal::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Weight, E> {
                Ok(Weight(Decimal::from(v)))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Weight, E> {
                Err(E::custom(WEIGHT_AS_FLOAT))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Weight, E> {
                let normal = v.trim().trim_end_matches('%').trim().replace(',', ".");
                Decimal::from_str(&normal).map(Weight).map_err(|_| {
                    // A plain number that does not fit in 28 digits is too large, not bad text.
                    let digits = normal.chars().filter(char::is_ascii_digit).count();
                    let plain = !normal.is_empty()
                        && normal.chars().all(|c| c.is_ascii_digit() || c == '.')
                        && normal.matches('.').count() <= 1;
                    if plain && digits > 28 {
                        E::custom(format!("{WEIGHT_TOO_LARGE} {normal}"))
                    } else {
                        E::custom(WEIGHT_BAD_TEXT)
                    }
                })
            }
        }
        deserializer.deserialize_any(WeightVisitor)
    }
}

/// Why a plan could not be loaded. Rendered by `diagnostic`.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read.
    Read { path: PathBuf, reason: ReadReason },
    /// The TOML could not be parsed into a plan; the text is kept for the diagnostic.
    Parse {
        source: Box<Source>,
        error: ParseError,
    },
}

#[derive(Debug, PartialEq)]
pub enum ReadReason {
    NotFound,
    Directory,
    PermissionDenied,
    /// Not UTF-8: the first bad byte is on this line.
    NotUtf8 {
        line: usize,
    },
    /// Larger than `limit` bytes (`size` is at least `limit + 1`), refused before reading it.
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// Text saved as UTF-16 (Windows Notepad's "Unicode"): a UTF-16 byte-order mark.
    Utf16,
    /// Not a text file at all.
    Binary(BinaryKind),
    Other(String),
}

/// What a binary file given as a plan or key seems to be, for a message the user recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryKind {
    /// A zip archive: an Excel (xlsx) or Word (docx) file, most likely.
    Zip,
    /// An old Excel or Word file (xls, doc: OLE compound file).
    OldOffice,
    Pdf,
    /// Anything else with a NUL byte in it.
    Other,
}

/// The largest plan or key file read: 5 MB. The real plans are about 40 KB; a file far larger
/// is not a plan, and refusing it up front keeps memory and time bounded.
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;

/// Reads at most `limit` bytes of a file; a larger one (by its size on disk, or by what could
/// be read, for pipes and devices) is refused without reading it whole.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadReason> {
    use std::io::Read;
    let io_reason = |e: std::io::Error| match e.kind() {
        _ if path.is_dir() => ReadReason::Directory,
        std::io::ErrorKind::NotFound => ReadReason::NotFound,
        std::io::ErrorKind::PermissionDenied => ReadReason::PermissionDenied,
        _ => ReadReason::Other(e.to_string()),
    };
    let meta = std::fs::metadata(path).map_err(io_reason)?;
    if meta.is_dir() {
        return Err(ReadReason::Directory);
    }
    if meta.len() > limit {
        return Err(ReadReason::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let file = std::fs::File::open(path).map_err(io_reason)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_reason)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limit {
        return Err(ReadReason::TooLarge { size: read, limit });
    }
    Ok(bytes)
}

/// Recognises files that are not text: a UTF-16 byte-order mark, an Office or PDF file, or
/// a NUL byte (which no text file has) in the first 8 KB.
pub fn not_text(bytes: &[u8]) -> Option<ReadReason> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Some(ReadReason::Utf16);
    }
    let kind = if bytes.starts_with(b"PK\x03\x04") {
        BinaryKind::Zip
    } else if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) {
        BinaryKind::OldOffice
    } else if bytes.starts_with(b"%PDF") {
        BinaryKind::Pdf
    } else if bytes.iter().take(8192).any(|&b| b == 0) {
        BinaryKind::Other
    } else {
        return None;
    };
    Some(ReadReason::Binary(kind))
}

/// What a file or line that is not TOML looks like instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Looks {
    /// A JSON document (`{"plan": …}`).
    Json,
    /// A row copied from a spreadsheet: fields separated by semicolons or tabs, no `=`.
    SpreadsheetRow,
}

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
    AmountAsText,
    AmountAsFloat,
    WeightAsFloat,
    WeightBadText,
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
    /// A number with more digits than a plan can hold: beyond a TOML integer (19 digits) or,
    /// for a percentage, beyond 28 significant digits.
    NumberTooLarge {
        written: String,
    },
    /// A whole number outside what its key allows (a negative area number, a year beyond
    /// ±2 147 483 647); `expected` is serde's type name (`u32`, `i32`).
    NumberOutOfRange {
        written: String,
        expected: String,
    },
    /// The file, or a line of it, is something else than TOML.
    LooksLike(Looks),
    /// Text in typographic quotes (”…”), as a word processor writes them.
    TypographicQuote {
        quote: char,
    },
    /// The same key twice in one table, or the same `[table]` twice.
    DuplicateKey {
        key: String,
        table: bool,
    },
}

impl ParseError {
    pub fn code(&self) -> &'static str {
        match self.kind {
            ParseErrorKind::Syntax { .. }
            | ParseErrorKind::DuplicateKey { .. }
            | ParseErrorKind::TypographicQuote { .. }
            | ParseErrorKind::LooksLike(_) => "syntax",
            ParseErrorKind::UnknownKey { .. } => "unknown-key",
            ParseErrorKind::UnknownValue { .. } => "unknown-value",
            ParseErrorKind::MissingField { .. } => "missing-field",
            ParseErrorKind::NumberTooLarge { .. } | ParseErrorKind::NumberOutOfRange { .. } => {
                "out-of-range"
            }
            _ => "wrong-type",
        }
    }
}

/// Reads and parses a plan file.
pub fn load(path: &Path) -> Result<(Source, Plan), LoadError> {
    let bytes = read_limited(path, MAX_FILE_BYTES).map_err(|reason| LoadError::Read {
        path: path.to_path_buf(),
        reason,
    })?;
    let (source, mut plan) = from_bytes(path, bytes)?;
    load_key_files(&mut plan, path.parent().unwrap_or(Path::new("")));
    Ok((source, plan))
}

/// Parses a plan file's bytes as read (`path` is for messages): bytes that are not text or
/// not UTF-8 are read errors, text that is not a plan a parse error. Key files are not read.
pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<(Source, Plan), LoadError> {
    let read_error = |reason| LoadError::Read {
        path: path.to_path_buf(),
        reason,
    };
    if let Some(reason) = not_text(&bytes) {
        return Err(read_error(reason));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = e
            .as_bytes()
            .iter()
            .take(valid)
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        read_error(ReadReason::NotUtf8 { line })
    })?;
    let source = Source::new(path, text);
    match parse(&source.text) {
        Ok(plan) => Ok((source, plan)),
        Err(error) => Err(LoadError::Parse {
            source: Box::new(source),
            error,
        }),
    }
}

/// Reads every key's SCB `file` (relative to `base`, the plan's folder) into `file_data`.
/// Problems with a file are kept there for `check` to report.
pub fn load_key_files(plan: &mut Plan, base: &Path) {
    for key in &mut plan.keys {
        if let Some(file) = &key.file {
            let column = key.column.as_ref().map(|c| c.get_ref().as_str());
            key.file_data = Some(crate::scb::load(&base.join(file.get_ref()), column));
        }
    }
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
    toml::from_str(body).map_err(|e| {
        let mut span = e.span();
        let kind = refine(classify(e.message()), body, span.as_ref());
        // toml points after a lone carriage return; point at it.
        if let (ParseErrorKind::Syntax { detail }, Some(s)) = (&kind, &mut span)
            && detail.starts_with("carriage return")
            && s.start > 0
            && body.get(..s.start).is_some_and(|b| b.ends_with('\r'))
        {
            *s = s.start - 1..s.start;
        }
        ParseError { span, kind }
    })
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
        ParseErrorKind::Syntax { ref detail } => {
            if detail.starts_with("duplicate key") {
                let key: String = text
                    .get(span.clone())
                    .unwrap_or("")
                    .trim()
                    .trim_matches('"')
                    .to_string();
                let table = before.trim_end_matches([' ', '\t']).ends_with('[');
                return ParseErrorKind::DuplicateKey { key, table };
            }
            if detail.starts_with("integer number overflowed") {
                let written = value_here()
                    .split([',', ']', '}', ' '])
                    .next()
                    .unwrap_or("")
                    .to_string();
                return ParseErrorKind::NumberTooLarge { written };
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
                    .take_while(|c| c.is_ascii_digit() || *c == '_' || *c == '-')
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let fraction: String = at
                    .chars()
                    .skip(1)
                    .take_while(char::is_ascii_digit)
                    .collect();
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
            let mut groups = number.split([' ', '\u{a0}', '\u{202f}']);
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

fn classify(message: &str) -> ParseErrorKind {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (key, expected) = split_expected(rest);
        let suggestion = suggest(&key, &expected);
        return ParseErrorKind::UnknownKey {
            key,
            expected,
            suggestion,
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = split_expected(rest);
        let suggestion = suggest(&value, &expected);
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
        crate::money::AMOUNT_AS_TEXT => return ParseErrorKind::AmountAsText,
        crate::money::AMOUNT_AS_FLOAT => return ParseErrorKind::AmountAsFloat,
        WEIGHT_AS_FLOAT => return ParseErrorKind::WeightAsFloat,
        WEIGHT_BAD_TEXT => return ParseErrorKind::WeightBadText,
        DATE_WITH_TIME => return ParseErrorKind::DateWithTime,
        ACTOR_WRONG_TYPE => return ParseErrorKind::ActorWrongType,
        _ => {}
    }
    // An integer beyond i64: "invalid type: integer `…` as i128, expected …".
    if let Some(rest) = message.strip_prefix("invalid type: integer `")
        && let Some((written, _)) = rest.split_once("` as i128")
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
            found: found.to_string(),
            expected: expected.to_string(),
        };
    }
    ParseErrorKind::Syntax {
        detail: message.to_string(),
    }
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

/// The closest candidate, if it is close enough to be a likely typo.
pub fn suggest(word: &str, candidates: &[String]) -> Option<String> {
    candidates
        .iter()
        .map(|c| {
            (
                strsim::damerau_levenshtein(&word.to_lowercase(), &c.to_lowercase()),
                c,
            )
        })
        .filter(|(d, c)| *d <= 2.max(c.chars().count() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn files_that_are_not_text_are_named() {
        assert_eq!(not_text(b"[plan]\n"), None);
        assert_eq!(not_text(&[0xff, 0xfe, b'[', 0]), Some(ReadReason::Utf16));
        assert_eq!(
            not_text(b"PK\x03\x04..."),
            Some(ReadReason::Binary(BinaryKind::Zip))
        );
        assert_eq!(
            not_text(b"%PDF-1.4"),
            Some(ReadReason::Binary(BinaryKind::Pdf))
        );
        assert_eq!(
            not_text(b"a = \"\x00\""),
            Some(ReadReason::Binary(BinaryKind::Other))
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
}
