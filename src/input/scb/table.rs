//! What every shape of SCB file comes down to: figures for regions, perhaps per sex, age group
//! or contents, for one chosen year. This module turns those figures into kommun rows, totals
//! and the regions set aside, the same way whatever the file's format:
//!
//! - a region is a kommun (a four-digit code, or a name in a file without codes), a county
//!   (two digits, or a name ending in "län"), the country (`00`, "Riket"), a total ("Summa",
//!   "Totalt") or something else (another length of code), which is set aside;
//! - a column or dimension other than region and year with one value is ignored; with a total
//!   among its values ("totalt ålder") only the total's figures are read, so nothing is
//!   counted twice; otherwise (män, kvinnor) each kommun's figures are summed, but only when
//!   every kommun has exactly the same values, each once;
//! - contents (`ContentsCode`) are never summed: figures of different things are refused.
//!
//! Kommunkoder stay strings from the file to the model, so `0114` keeps its zero; a code of
//! one or three digits (`114`, `1`) has lost it on the way (a program read the codes as
//! numbers) and is refused rather than guessed.

use std::collections::{HashMap, HashSet};

use crate::core::money::GROUP_SPACES;
use crate::core::population::{
    Combined, Covers, FileFormat, MissingTotal, Row, ScbErrorKind, Total,
};
use crate::core::text::fold;

/// A problem with its line, before the path is known.
pub(super) type Failure = (Option<usize>, ScbErrorKind);

/// One figure of the file, for the chosen year.
#[derive(Clone, Debug)]
pub(super) struct Observation {
    /// One-based line (a workbook's row; in JSON-stat the line of the region's code).
    pub line: usize,
    /// The region as the file writes it: "2303 Ragunda", "2303 - Ragunda", "2303", "Ragunda".
    pub region: String,
    /// The region's code, when the file gives it apart from its text (JSON-stat, PC-Axis, a
    /// column of codes beside one of names).
    pub code: Option<String>,
    /// The values of the other dimensions, in the order of `Table::dimensions`.
    pub dims: Vec<String>,
    /// The figure as written.
    pub value: String,
}

/// A column or dimension other than region and year.
#[derive(Clone, Debug)]
pub(super) struct Dimension {
    pub name: String,
    /// Contents (`ContentsCode`, "tabellinnehåll"): never summed.
    pub contents: bool,
}

/// The figures of a file for the chosen year.
pub(super) struct Table {
    pub dimensions: Vec<Dimension>,
    pub observations: Vec<Observation>,
    /// The line the rows are under (the header), for a file without rows.
    pub header_line: usize,
    /// The field of a row (CSV, workbook) the figures are read from, so that a figure that
    /// is refused can be pointed at; `None` in JSON-stat and PC-Axis.
    pub value_field: Option<usize>,
}

/// A file read up to its figures for the chosen year.
pub(super) struct Read {
    pub format: FileFormat,
    /// The text the lines refer to.
    pub text: String,
    pub title: Option<String>,
    pub header_line: usize,
    /// The chosen year as the file writes it.
    pub column: String,
    pub table: Table,
}

/// What `assemble` makes of a table.
pub(super) struct Assembled {
    pub rows: Vec<Row>,
    pub totals: Vec<Total>,
    pub other_regions: Vec<(usize, String)>,
    pub combined: Vec<Combined>,
}

/// The words that name a column of regions, of years and of contents, in any case, in SCB's
/// Swedish and English texts and codes.
const REGION_NAMES: [&str; 3] = ["region", "kommun", "kommuner"];
const TIME_NAMES: [&str; 5] = ["tid", "år", "year", "time", "period"];
const CONTENTS_NAMES: [&str; 4] = [
    "contentscode",
    "tabellinnehåll",
    "contents",
    "table contents",
];

/// The parts of a header as PxWebApi 2 writes it with codes and texts ("Region - region").
fn header_parts(header: &str) -> impl Iterator<Item = String> + '_ {
    header.split(" - ").map(fold)
}

fn header_is(header: &str, names: &[&str]) -> bool {
    header_parts(header).any(|p| names.contains(&p.as_str()))
}

pub(super) fn is_region_header(header: &str) -> bool {
    header_is(header, &REGION_NAMES)
}

pub(super) fn is_time_header(header: &str) -> bool {
    header_is(header, &TIME_NAMES)
}

pub(super) fn is_contents_header(header: &str) -> bool {
    header_is(header, &CONTENTS_NAMES)
}

/// The year a header or period names: a four-digit number 1900–2099 in it ("2024",
/// "2024M11", "BE0101N1 2024", "2024 - 2024"), when it names exactly one such year. Digits
/// inside a contents code such as `BE0101N1` are no year.
pub(super) fn header_year(header: &str) -> Option<i32> {
    let mut years = header
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4)
        .filter_map(|d| d.parse::<i32>().ok())
        .filter(|y| (1900..2100).contains(y));
    let first = years.next()?;
    years.all(|y| y == first).then_some(first)
}

/// Which of `periods` (year columns, or the values of a time column) to read: the one asked
/// for (by its text, or by the year it names when only one names it), or the only one.
pub(super) fn choose_period(
    periods: &[String],
    wanted: Option<&str>,
) -> Result<usize, ScbErrorKind> {
    let available = || periods.to_vec();
    match wanted.map(str::trim) {
        Some(wanted) => {
            let same: Vec<usize> = periods
                .iter()
                .enumerate()
                .filter(|(_, p)| p.eq_ignore_ascii_case(wanted))
                .map(|(i, _)| i)
                .collect();
            match same.as_slice() {
                [one] => return Ok(*one),
                [_, _, ..] => {
                    return Err(ScbErrorKind::SameColumnTwice {
                        column: wanted.to_string(),
                    });
                }
                [] => {}
            }
            let year: Option<i32> = wanted.parse().ok();
            let matching: Vec<usize> = periods
                .iter()
                .enumerate()
                .filter(|(_, p)| year.is_some() && header_year(p) == year)
                .map(|(i, _)| i)
                .collect();
            match matching.as_slice() {
                [one] => Ok(*one),
                _ => Err(ScbErrorKind::ColumnNotFound {
                    wanted: wanted.to_string(),
                    available: available(),
                }),
            }
        }
        None => match periods {
            [_] => Ok(0),
            // A period twice is two contents (the population and another): naming the
            // period would not choose, so that is said first.
            _ => match (periods.iter().enumerate())
                .find(|(i, p)| (periods.iter().skip(i + 1)).any(|q| q.eq_ignore_ascii_case(p)))
            {
                Some((_, twice)) => Err(ScbErrorKind::SameColumnTwice {
                    column: twice.to_string(),
                }),
                None => Err(ScbErrorKind::ChooseColumn {
                    available: available(),
                }),
            },
        },
    }
}

/// The largest population a kommun row may have: about twice Sweden's whole population
/// (10,6 million in 2024). A larger figure is no kommun's, whatever the file: two figures run
/// together (`5140` and `5150` as `51405150`), or a figure of something else. README
/// (`[[keys]]`) names it.
pub(super) const MAX_POPULATION: u64 = 20_000_000;

/// Why a figure is not a count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NotACount {
    /// Digits with spaces that are no grouping in thousands (`5140 5150`, `649 77`).
    Grouping,
    /// Digits beyond any whole number the tool holds (more than 19 or 20 of them).
    TooLarge,
    /// Anything else: letters, a sign, a decimal.
    Other,
}

/// A count: digits, written plainly (`64977`) or grouped in thousands (`64 977`, `1 234 567`:
/// one to three digits, then groups of exactly three, each after one space, no-break space
/// narrow no-break or thin space); `..` (or another run of dots) is missing (`Ok(None)`); `-`,
/// SCB's sign for nothing, is 0. Spaces in any other place are no grouping but two figures in
/// one field, or a figure mistyped (`5140 5150`, `649 77`), and never joined.
pub(super) fn read_count(raw: &str) -> Result<Option<u64>, NotACount> {
    let raw = raw.trim();
    if !raw.is_empty() && raw.chars().all(|c| c == '.') {
        return Ok(None);
    }
    if raw == "-" {
        return Ok(Some(0));
    }
    let mut groups = raw.split(GROUP_SPACES);
    let first = groups.next().unwrap_or_default();
    let digits = |group: &str| !group.is_empty() && group.bytes().all(|b| b.is_ascii_digit());
    if !digits(first) {
        return Err(NotACount::Other);
    }
    let mut count: Option<u64> = Some(0);
    let mut add = |group: &str| {
        for b in group.bytes() {
            count = count
                .and_then(|c| c.checked_mul(10))
                .and_then(|c| c.checked_add(u64::from(b - b'0')));
        }
    };
    add(first);
    let mut grouped = false;
    for group in groups {
        if !digits(group) {
            // `5 15o`, `5 150 kr`: no count at all; `5  150`, `5 150 `: spaces astray.
            let rest_is_digits = group.is_empty() || group.bytes().all(|b| b.is_ascii_digit());
            return Err(if rest_is_digits {
                NotACount::Grouping
            } else {
                NotACount::Other
            });
        }
        if group.len() != 3 {
            return Err(NotACount::Grouping);
        }
        add(group);
        grouped = true;
    }
    if grouped && first.len() > 3 {
        return Err(NotACount::Grouping);
    }
    count.map(Some).ok_or(NotACount::TooLarge)
}

/// [`read_count`] without the reason: a count, `Some(None)` for a missing one, `None` for a
/// figure that is not a count.
pub(super) fn parse_count(raw: &str) -> Option<Option<u64>> {
    read_count(raw).ok()
}

/// The error for a value that is not a count.
pub(super) fn bad_value(region: &str, raw: &str) -> ScbErrorKind {
    let value = raw.trim().to_string();
    let is_digits = |text: &str| {
        let mut digits = text
            .chars()
            .filter(|c| !GROUP_SPACES.contains(c))
            .peekable();
        digits.peek().is_some() && digits.all(|c| c.is_ascii_digit())
    };
    // A whole number written with an exponent (`1e20`, as JSON may write one) beyond what a
    // double holds exactly is too large, not a text that is no number.
    let huge_float = || {
        value
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
            && value
                .parse::<f64>()
                .is_ok_and(|f| f.is_finite() && f >= 9_007_199_254_740_992.0)
    };
    match read_count(&value) {
        Err(NotACount::Grouping) => {
            return ScbErrorKind::BadGrouping {
                region: region.to_string(),
                value,
                column: None,
            };
        }
        Err(NotACount::TooLarge) => {
            return ScbErrorKind::CountTooLarge {
                region: region.to_string(),
                value,
            };
        }
        _ => {}
    }
    if huge_float() {
        ScbErrorKind::CountTooLarge {
            region: region.to_string(),
            value,
        }
    } else if value
        .strip_prefix(crate::core::money::MINUS_SIGNS)
        .is_some_and(is_digits)
    {
        ScbErrorKind::NegativeCount {
            region: region.to_string(),
            value,
        }
    } else {
        ScbErrorKind::BadValue {
            region: region.to_string(),
            value,
        }
    }
}

/// What a region is.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Region {
    Kommun {
        code: Option<String>,
        name: String,
    },
    County {
        code: Option<String>,
    },
    Country,
    /// "Summa", "Totalt": a total of the rows.
    Total,
    /// A code of another length.
    Other,
    /// One or three digits: a county's or kommun's code that has lost its leading zero
    /// (`114` for `0114`), as when a program read the codes as numbers.
    LostZero,
}

/// Splits "2303 Ragunda", "2303 - Ragunda" or "2303" into its code and name.
fn split_code(label: &str) -> (Option<String>, String) {
    let label = label.trim();
    let digits: String = label.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return (None, label.to_string());
    }
    let rest = label.get(digits.len()..).unwrap_or("");
    // "2303Ragunda" is not a code and a name; "2303 Ragunda", "2303 - Ragunda" are.
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return (None, label.to_string());
    }
    let rest = rest.trim_start();
    let rest = rest.strip_prefix('-').map_or(rest, str::trim_start);
    (Some(digits), rest.trim().to_string())
}

/// The number of digits of the code a region starts with, if it starts with one.
pub(super) fn code_length(label: &str) -> Option<usize> {
    split_code(label).0.map(|c| c.len())
}

/// Whether a region's code has five digits and, with one of them left out, is a kommunkod of
/// one of `counties` (the first two digits of the file's kommun rows' codes): a kommunkod with
/// a digit too many (`23090 Krokom`, `02303 Ragunda`).
fn damaged_code(region: &str, counties: &HashSet<&str>) -> bool {
    let Some(code) = split_code(region).0.filter(|c| c.len() == 5) else {
        return false;
    };
    (0..code.len()).any(|skip| {
        let four: String = (code.char_indices())
            .filter(|(at, _)| *at != skip)
            .map(|(_, c)| c)
            .collect();
        four.get(..2)
            .is_some_and(|county| counties.contains(county))
            && crate::core::counties::county_in_four_digits(&four).is_none()
    })
}

/// Whether a region starts with a code ("2303 Ragunda", "23", "2303 - Ragunda").
pub(super) fn starts_with_code(label: &str) -> bool {
    split_code(label).0.is_some()
}

fn classify(observation: &Observation) -> Region {
    let (code, name) = match &observation.code {
        Some(code) => (
            Some(code.trim().to_string()),
            observation.region.trim().to_string(),
        ),
        None => split_code(&observation.region),
    };
    // A text that repeats the code ("2303 Ragunda" as the text of code 2303) loses it.
    let name = match (&code, split_code(&name)) {
        (Some(c), (Some(inner), rest)) if inner == *c => rest,
        _ => name,
    };
    let folded = fold(&name);
    match code {
        Some(code) if code.chars().all(|c| c.is_ascii_digit()) => match code.len() {
            // `2300 Hela länet` and Kolada's `0023` are the county's code in four digits, a
            // total to compare, not a kommun to pay.
            4 if code == "0000" => Region::Country,
            4 if let Some(county) = crate::core::counties::county_in_four_digits(&code) => {
                Region::County {
                    code: Some(county.to_string()),
                }
            }
            4 => Region::Kommun {
                code: Some(code),
                name,
            },
            2 if code == "00" => Region::Country,
            2 => Region::County { code: Some(code) },
            1 | 3 => Region::LostZero,
            _ => Region::Other,
        },
        Some(_) => Region::Other,
        None if matches!(folded.as_str(), "riket" | "sverige" | "hela riket") => Region::Country,
        None if folded.ends_with(" län") => Region::County { code: None },
        None if is_total_word(&folded) => Region::Total,
        None => Region::Kommun { code: None, name },
    }
}

/// "Summa", "Totalt", "Total", "Samtliga", "Alla …" (folded).
fn is_total_word(folded: &str) -> bool {
    folded.starts_with("summa")
        || folded.starts_with("totalt")
        || folded == "total"
        || folded.starts_with("total ")
        || folded.starts_with("samtliga")
        || folded == "alla"
        || folded.starts_with("alla ")
        || folded == "tot"
        || folded == "1+2"
        || BOTH_SEXES.contains(&folded)
}

/// What SCB and the files saved from its tables call the sum of both sexes (folded).
const BOTH_SEXES: [&str; 8] = [
    "båda könen",
    "män och kvinnor",
    "kvinnor och män",
    "män+kvinnor",
    "kvinnor+män",
    "both sexes",
    "men and women",
    "women and men",
];

/// Whether a value of another dimension is its total ("totalt ålder", "tot - totalt",
/// "1+2", "samtliga", "män och kvinnor", "both sexes").
fn is_total_value(value: &str) -> bool {
    header_parts(value).any(|p| is_total_word(&p))
}

/// The value of dimension `d` whose figure is, for every region (and values of the other
/// dimensions), the sum of the figures of the other values: a total by another name than
/// those `is_total_value` knows ("män och kvinnor" in a language or spelling of its own).
/// Summing it with its parts would count everyone twice; reading it alone gives exactly the
/// sum of the parts. Only with three values or more (two equal halves are no total), when
/// exactly one value is such a sum wherever every figure is a count, and at least one region
/// has every figure.
fn sum_of_the_others(observations: &[Observation], d: usize, values: &[&str]) -> Option<String> {
    if values.len() < 3 {
        return None;
    }
    // Per region and values of the other dimensions: (index of the value, count).
    type Group<'a> = (Option<&'a str>, &'a str, Vec<&'a str>);
    let position: HashMap<&str, usize> = values.iter().enumerate().map(|(i, v)| (*v, i)).collect();
    let mut groups: HashMap<Group<'_>, Vec<Option<u64>>> = HashMap::new();
    for o in observations {
        let others: Vec<&str> = o
            .dims
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != d)
            .map(|(_, v)| v.as_str())
            .collect();
        let at = position.get(o.dims.get(d).map_or("", String::as_str))?;
        let figures = groups
            .entry((o.code.as_deref(), o.region.as_str(), others))
            .or_insert_with(|| vec![None; values.len()]);
        let slot = figures.get_mut(*at)?;
        // A value twice for one region: not a plain breakdown; the summing reports it.
        if slot.is_some() {
            return None;
        }
        *slot = Some(parse_count(&o.value).flatten().unwrap_or(u64::MAX));
    }
    let mut candidates: Vec<bool> = vec![true; values.len()];
    let mut verified = false;
    for figures in groups.values() {
        let counts: Option<Vec<u64>> = figures
            .iter()
            .map(|f| f.filter(|&c| c != u64::MAX))
            .collect();
        // A region without every value is for the summing to report; one without a count
        // for every value cannot tell.
        if figures.iter().any(Option::is_none) {
            return None;
        }
        let Some(counts) = counts else { continue };
        let all: u128 = counts.iter().map(|&c| u128::from(c)).sum();
        for (candidate, &count) in candidates.iter_mut().zip(&counts) {
            *candidate &= 2 * u128::from(count) == all;
        }
        verified = true;
    }
    let mut found = candidates.iter().enumerate().filter(|(_, c)| **c);
    match (verified, found.next(), found.next()) {
        (true, Some((i, _)), None) => values.get(i).map(|v| (*v).to_string()),
        _ => None,
    }
}

/// The rows of one region (one row, or its rows per the values of the dimensions summed).
struct Group {
    line: usize,
    label: String,
    region: Region,
    /// (values of the summed dimensions, line, figure).
    parts: Vec<(Vec<String>, usize, String)>,
}

/// A county or "Summa" row, before it is known which kommun rows it covers.
struct Pending {
    line: usize,
    label: String,
    count: Option<u64>,
    code: Option<String>,
    county: bool,
}

/// The regions counted so far: kommun rows, totals and regions set aside.
#[derive(Default)]
struct Settled {
    rows: Vec<Row>,
    pending_totals: Vec<Pending>,
    other_regions: Vec<(usize, String)>,
}

impl Settled {
    /// Counts a region's rows and keeps it as what it is.
    fn add(&mut self, g: Group) -> Result<(), Failure> {
        let is_row = matches!(g.region, Region::Kommun { .. });
        // A county's or "Summa" row's figure is compared with the kommun rows: one with spaces
        // astray is refused as a kommun's is, not passed over.
        let is_total = matches!(g.region, Region::County { .. } | Region::Total);
        let mut count: Option<u64> = Some(0);
        let mut unreadable = false;
        for (_, line, value) in &g.parts {
            match read_count(value) {
                Ok(Some(c)) => {
                    count = match count {
                        Some(sum) => match sum.checked_add(c) {
                            Some(s) => Some(s),
                            None if is_row => {
                                return Err((
                                    Some(*line),
                                    ScbErrorKind::CountTooLarge {
                                        region: g.label.clone(),
                                        value: value.trim().to_string(),
                                    },
                                ));
                            }
                            None => {
                                unreadable = true;
                                None
                            }
                        },
                        None => None,
                    }
                }
                Ok(None) => count = None,
                Err(why) if is_row || (is_total && why == NotACount::Grouping) => {
                    return Err((Some(*line), bad_value(&g.label, value)));
                }
                Err(_) => unreadable = true,
            }
        }
        if is_row && let Some(c) = count.filter(|&c| c > MAX_POPULATION) {
            return Err((
                Some(g.line),
                ScbErrorKind::AbovePopulationLimit {
                    region: g.label.clone(),
                    count: c,
                    limit: MAX_POPULATION,
                    summed: g.parts.len() > 1,
                    column: None,
                },
            ));
        }
        match g.region {
            Region::Kommun { code, name } => self.rows.push(Row {
                line: g.line,
                code,
                name,
                count,
            }),
            Region::County { code } if !unreadable => self.pending_totals.push(Pending {
                line: g.line,
                label: g.label,
                count,
                code,
                county: true,
            }),
            Region::Total if !unreadable => self.pending_totals.push(Pending {
                line: g.line,
                label: g.label,
                count,
                code: None,
                county: false,
            }),
            _ => self.other_regions.push((g.line, g.label)),
        }
        Ok(())
    }
}

/// Rows per another dimension: every kommun with the same values, each once.
fn even_parts(groups: &[Group], summed: &[usize], dimensions: &[Dimension]) -> Result<(), Failure> {
    let mut all: Vec<&Vec<String>> = Vec::new();
    let mut known: HashSet<&Vec<String>> = HashSet::new();
    for g in groups {
        for (part, _, _) in &g.parts {
            if known.insert(part) {
                all.push(part);
            }
        }
    }
    let columns: Vec<String> = summed
        .iter()
        .filter_map(|&d| dimensions.get(d).map(|x| x.name.clone()))
        .collect();
    for g in groups
        .iter()
        .filter(|g| !matches!(g.region, Region::Country | Region::Other))
    {
        let mut seen: HashMap<&Vec<String>, usize> = HashMap::new();
        for (part, line, _) in &g.parts {
            if let Some(&first_line) = seen.get(part) {
                return Err((
                    Some(*line),
                    ScbErrorKind::RepeatedPart {
                        region: g.label.clone(),
                        values: part.clone(),
                        first_line,
                    },
                ));
            }
            seen.insert(part, *line);
        }
        if let Some(missing) = all.iter().find(|p| !seen.contains_key(*p)) {
            return Err((
                Some(g.line),
                ScbErrorKind::UnevenParts {
                    region: g.label.clone(),
                    columns: columns.clone(),
                    missing: (*missing).clone(),
                },
            ));
        }
    }
    Ok(())
}

/// A region as a message names it: "2303 Ragunda", from its text and, when the file gives it
/// apart, its code; a text that repeats the code ("2303 Ragunda" for 2303, as PC-Axis writes
/// its `VALUES` beside `CODES`) does not give it twice.
pub(super) fn label(region: &str, code: Option<&str>) -> String {
    let region = region.trim();
    match code.map(str::trim) {
        Some(code) => {
            let name = match split_code(region) {
                (Some(inner), rest) if inner == code => rest,
                _ => region.to_string(),
            };
            crate::core::population::region_label(Some(code), &name)
        }
        None => region.to_string(),
    }
}

/// The region of an observation as a message names it.
fn label_of(o: &Observation) -> String {
    label(&o.region, o.code.as_deref())
}

/// Reading dimension `d` for its total (`total`) alone keeps only the total's rows: every
/// kommun, county or "Summa" row that has rows per `d` must then have the total among them,
/// or it would be left out without a word (a "totalt" row added by hand for one kommun to a
/// file per sex would give that kommun everything). The regions without it are refused,
/// each named, at the first one's line.
fn total_everywhere(
    observations: &[Observation],
    d: usize,
    total: &str,
    column: &str,
) -> Result<(), Failure> {
    // Per region and values of the other dimensions: (first line, label, has the total).
    type Key<'a> = (Option<&'a str>, &'a str, Vec<&'a str>);
    let mut groups: Vec<(usize, String, bool)> = Vec::new();
    let mut index: HashMap<Key<'_>, usize> = HashMap::new();
    for o in observations {
        if matches!(
            classify(o),
            Region::Country | Region::Other | Region::LostZero
        ) {
            continue;
        }
        let others: Vec<&str> = o
            .dims
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != d)
            .map(|(_, v)| v.as_str())
            .collect();
        let is_total = o.dims.get(d).is_some_and(|v| v == total);
        let key = (o.code.as_deref().map(str::trim), o.region.trim(), others);
        match index.get(&key).copied().and_then(|g| groups.get_mut(g)) {
            Some(group) => group.2 |= is_total,
            None => {
                index.insert(key, groups.len());
                groups.push((o.line, label_of(o), is_total));
            }
        }
    }
    let Some(has) = groups.iter().find(|g| g.2).map(|g| g.1.clone()) else {
        return Ok(());
    };
    let mut lacking: Vec<String> = Vec::new();
    let mut first_line = None;
    for (line, label, _) in groups.into_iter().filter(|g| !g.2) {
        first_line = first_line.or(Some(line));
        if !lacking.contains(&label) {
            lacking.push(label);
        }
    }
    match first_line {
        None => Ok(()),
        Some(line) => Err((
            Some(line),
            ScbErrorKind::TotalNotEverywhere(Box::new(MissingTotal {
                column: column.to_string(),
                value: total.to_string(),
                has,
                lacking,
            })),
        )),
    }
}

/// Refuses a figure whose region cannot be told: a code that lost its leading zero (`114`),
/// or a text with a code of its own that is not the file's code for it ("2303 Ragunda" under
/// the code 2380). A property of the figure's row alone, so a table's reader may ask it row
/// by row.
pub(super) fn readable_region(o: &Observation) -> Result<(), Failure> {
    if let (Some(code), (Some(inner), _)) = (&o.code, split_code(&o.region))
        && code.trim().chars().all(|c| c.is_ascii_digit())
        && inner != code.trim()
    {
        return Err((
            Some(o.line),
            ScbErrorKind::CodeDisagrees {
                code: code.trim().to_string(),
                text: o.region.trim().to_string(),
            },
        ));
    }
    if classify(o) == Region::LostZero {
        return Err((
            Some(o.line),
            ScbErrorKind::LostLeadingZero {
                region: label_of(o),
            },
        ));
    }
    Ok(())
}

/// Turns the figures into kommun rows, totals and regions set aside, combining rows per
/// another dimension as the module's comment says.
pub(super) fn assemble(table: Table) -> Result<Assembled, Failure> {
    let Table {
        dimensions,
        mut observations,
        header_line,
        value_field: _,
    } = table;

    // Dimensions: ignore one value, keep a total, sum parts, never sum contents.
    let mut combined = Vec::new();
    let mut summed: Vec<usize> = Vec::new();
    for (d, dimension) in dimensions.iter().enumerate() {
        let mut values: Vec<&str> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        let mut second_at = None;
        for o in &observations {
            let v = o.dims.get(d).map_or("", String::as_str);
            if seen.insert(v) {
                values.push(v);
                if values.len() == 2 {
                    second_at = Some(o.line);
                }
            }
        }
        if values.len() <= 1 {
            continue;
        }
        if dimension.contents {
            return Err((
                second_at,
                ScbErrorKind::SeveralContents {
                    column: dimension.name.clone(),
                    values: values.iter().map(|v| (*v).to_string()).collect(),
                },
            ));
        }
        let total = match values.iter().find(|v| is_total_value(v)) {
            Some(total) => Some((*total).to_string()),
            None => sum_of_the_others(&observations, d, &values),
        };
        match total {
            Some(total) => {
                total_everywhere(&observations, d, &total, &dimension.name)?;
                combined.push(Combined::TotalOnly {
                    column: dimension.name.clone(),
                    value: total.clone(),
                    others: values.len() - 1,
                });
                observations.retain(|o| o.dims.get(d) == Some(&total));
            }
            None => {
                combined.push(Combined::Summed {
                    column: dimension.name.clone(),
                    values: values.iter().map(|v| (*v).to_string()).collect(),
                });
                summed.push(d);
            }
        }
    }

    // Regions: a code that lost its zero, or a kommun without a code among kommuner with
    // one, is refused. (Classified by reference here, so that a large file is not held twice.)
    let mut coded = false;
    let mut uncoded: Option<&Observation> = None;
    for o in &observations {
        readable_region(o)?;
        match classify(o) {
            Region::Kommun { code: Some(_), .. } => coded = true,
            Region::Kommun { code: None, .. } => {
                uncoded = uncoded.or(Some(o));
            }
            _ => {}
        }
    }
    if coded && let Some(o) = uncoded {
        return Err((
            Some(o.line),
            ScbErrorKind::NoKommunkod {
                region: o.region.trim().to_string(),
            },
        ));
    }
    let mut settled = Settled::default();
    settled.rows.reserve_exact(observations.len());
    if summed.is_empty() {
        // Nothing summed: each row is a region of its own, counted as it is read.
        for o in observations {
            let region = classify(&o);
            let label = label_of(&o);
            settled.add(Group {
                line: o.line,
                label,
                region,
                parts: vec![(Vec::new(), o.line, o.value)],
            })?;
        }
    } else {
        // Groups: one per region.
        let mut groups: Vec<Group> = Vec::new();
        let mut index: HashMap<(u8, String), usize> = HashMap::new();
        for o in observations {
            let region = classify(&o);
            let label = label_of(&o);
            let key = match &region {
                Region::Kommun { code: Some(c), .. } => (0, c.clone()),
                Region::Kommun { code: None, name } => (1, fold(name)),
                Region::County { code: Some(c) } => (2, c.clone()),
                _ => (3, fold(&label)),
            };
            let part: Vec<String> = summed
                .iter()
                .map(|&d| o.dims.get(d).cloned().unwrap_or_default())
                .collect();
            match index.get(&key).copied().and_then(|g| groups.get_mut(g)) {
                Some(group) => group.parts.push((part, o.line, o.value)),
                None => {
                    index.insert(key, groups.len());
                    groups.push(Group {
                        line: o.line,
                        label,
                        region,
                        parts: vec![(part, o.line, o.value)],
                    });
                }
            }
        }
        drop(index);
        even_parts(&groups, &summed, &dimensions)?;
        for g in groups {
            settled.add(g)?;
        }
    }
    let Settled {
        rows,
        pending_totals,
        mut other_regions,
    } = settled;
    if rows.is_empty() {
        // Regions whose codes are of another length (`02303 Ragunda`) are set aside: with no
        // kommun left, the first of them is what is wrong.
        if let Some((line, region)) = (other_regions.iter())
            .find(|(_, region)| code_length(region).is_some_and(|n| n != 2 && n != 4))
        {
            return Err((
                Some(*line),
                ScbErrorKind::CodeLength {
                    region: region.clone(),
                    digits: code_length(region).unwrap_or(0),
                },
            ));
        }
        return Err((Some(header_line), ScbErrorKind::NoRows));
    }
    // Among kommun rows, a five-digit code that is one of their counties' four-digit codes
    // with a digit added (`23090 Krokom`, `02303 Ragunda`) is a kommunkod damaged on the way:
    // set aside as no kommun, its kommun's share would go to the others without a word.
    let counties: HashSet<&str> = (rows.iter())
        .filter_map(|r| r.code.as_deref()?.get(..2))
        .collect();
    if let Some((line, region)) =
        (other_regions.iter()).find(|(_, region)| damaged_code(region, &counties))
    {
        return Err((
            Some(*line),
            ScbErrorKind::DamagedCode {
                region: region.clone(),
            },
        ));
    }

    // Totals: a county covers its own kommuner (by code), or all of them when it is the only
    // county of a file without codes; a "Summa" row covers every kommun row.
    let counties = pending_totals.iter().filter(|t| t.county).count();
    let mut totals = Vec::new();
    for Pending {
        line,
        label,
        count,
        code,
        county,
    } in pending_totals
    {
        let covers = match (county, code) {
            (false, _) => Some(Covers::All),
            (true, Some(code)) if coded => rows
                .iter()
                .any(|r| {
                    r.code
                        .as_deref()
                        .is_some_and(|c| c.starts_with(code.as_str()))
                })
                .then_some(Covers::County(code)),
            (true, _) if counties == 1 => Some(Covers::All),
            (true, _) => None,
        };
        match covers {
            Some(covers) => totals.push(Total {
                line,
                label,
                count,
                covers,
            }),
            None => other_regions.push((line, label)),
        }
    }
    other_regions.sort_by_key(|(line, _)| *line);
    Ok(Assembled {
        rows,
        totals,
        other_regions,
        combined,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(line: usize, region: &str, dims: &[&str], value: &str) -> Observation {
        Observation {
            line,
            region: region.to_string(),
            code: None,
            dims: dims.iter().map(|d| (*d).to_string()).collect(),
            value: value.to_string(),
        }
    }

    fn dims(names: &[&str]) -> Vec<Dimension> {
        names
            .iter()
            .map(|n| Dimension {
                name: (*n).to_string(),
                contents: is_contents_header(n),
            })
            .collect()
    }

    #[test]
    fn years_are_found_beside_contents_codes() {
        assert_eq!(header_year("2024"), Some(2024));
        assert_eq!(header_year("2024M11"), Some(2024));
        assert_eq!(header_year("BE0101N1 2024"), Some(2024));
        assert_eq!(header_year("BE0101N1 - Folkmängd 2024 - 2024"), Some(2024));
        assert_eq!(header_year("2024 - 2024"), Some(2024));
        assert_eq!(header_year("2023-2024"), None);
        assert_eq!(header_year("folkmängd"), None);
    }

    #[test]
    fn regions_keep_their_codes_as_written() {
        assert_eq!(
            split_code("0114 Upplands Väsby"),
            (Some("0114".into()), "Upplands Väsby".into())
        );
        assert_eq!(
            split_code("2303 - Ragunda"),
            (Some("2303".into()), "Ragunda".into())
        );
        assert_eq!(split_code("2303"), (Some("2303".into()), String::new()));
        assert_eq!(split_code("Ragunda"), (None, "Ragunda".into()));
        assert_eq!(classify(&obs(1, "00 Riket", &[], "1")), Region::Country);
        assert_eq!(classify(&obs(1, "Riket", &[], "1")), Region::Country);
        assert_eq!(
            classify(&obs(1, "23 Jämtlands län", &[], "1")),
            Region::County {
                code: Some("23".into())
            }
        );
        assert_eq!(
            classify(&obs(1, "Jämtlands län", &[], "1")),
            Region::County { code: None }
        );
        assert_eq!(classify(&obs(1, "Summa", &[], "1")), Region::Total);
        assert_eq!(classify(&obs(1, "012345", &[], "1")), Region::Other);
        // A län's code in four digits (no kommunkod is).
        for county in ["2300 Hela länet", "0023 Region Jämtland Härjedalen"] {
            assert_eq!(
                classify(&obs(1, county, &[], "1")),
                Region::County {
                    code: Some("23".into())
                }
            );
        }
        assert_eq!(classify(&obs(1, "0000 Riket", &[], "1")), Region::Country);
        assert_eq!(
            classify(&obs(1, "114 Upplands Väsby", &[], "1")),
            Region::LostZero
        );
        assert_eq!(classify(&obs(1, "1", &[], "1")), Region::LostZero);
        let mut o = obs(1, "2303 Ragunda", &[], "1");
        o.code = Some("2303".into());
        assert_eq!(
            classify(&o),
            Region::Kommun {
                code: Some("2303".into()),
                name: "Ragunda".into()
            }
        );
    }

    #[test]
    fn rows_per_sex_are_summed_and_a_total_is_not_counted_twice() {
        let t = Table {
            dimensions: dims(&["kön"]),
            observations: vec![
                obs(2, "2303 Ragunda", &["män"], "2575"),
                obs(3, "2303 Ragunda", &["kvinnor"], "2575"),
                obs(4, "2305 Bräcke", &["män"], "3018"),
                obs(5, "2305 Bräcke", &["kvinnor"], "3019"),
            ],
            header_line: 1,
            value_field: None,
        };
        let a = assemble(t).unwrap();
        let counts: Vec<_> = a.rows.iter().map(|r| (r.line, r.count)).collect();
        assert_eq!(counts, [(2, Some(5_150)), (4, Some(6_037))]);
        assert!(matches!(&a.combined[..], [Combined::Summed { values, .. }] if values.len() == 2));

        let t = Table {
            dimensions: dims(&["kön"]),
            observations: vec![
                obs(2, "2303 Ragunda", &["totalt"], "5150"),
                obs(3, "2303 Ragunda", &["män"], "2575"),
                obs(4, "2303 Ragunda", &["kvinnor"], "2575"),
            ],
            header_line: 1,
            value_field: None,
        };
        let a = assemble(t).unwrap();
        assert_eq!(a.rows.len(), 1);
        assert_eq!(a.rows[0].count, Some(5_150));
        assert!(matches!(
            &a.combined[..],
            [Combined::TotalOnly { others: 2, .. }]
        ));
    }

    #[test]
    fn a_total_that_only_some_kommuner_have_is_refused() {
        let t = Table {
            dimensions: dims(&["kön"]),
            observations: vec![
                obs(2, "2303 Ragunda", &["män"], "2575"),
                obs(3, "2303 Ragunda", &["kvinnor"], "2575"),
                obs(4, "2303 Ragunda", &["totalt"], "5150"),
                obs(5, "2305 Bräcke", &["män"], "3018"),
                obs(6, "2305 Bräcke", &["kvinnor"], "3019"),
                obs(7, "2309 Krokom", &["män"], "7851"),
                obs(8, "2309 Krokom", &["kvinnor"], "7851"),
            ],
            header_line: 1,
            value_field: None,
        };
        let (line, kind) = assemble(t).err().unwrap();
        assert_eq!(line, Some(5));
        assert_eq!(
            kind,
            ScbErrorKind::TotalNotEverywhere(Box::new(MissingTotal {
                column: "kön".into(),
                value: "totalt".into(),
                has: "2303 Ragunda".into(),
                lacking: vec!["2305 Bräcke".into(), "2309 Krokom".into()],
            }))
        );
        // The country, set aside, may lack it.
        let t = Table {
            dimensions: dims(&["kön"]),
            observations: vec![
                obs(2, "00 Riket", &["män"], "5000000"),
                obs(3, "2303 Ragunda", &["män"], "2575"),
                obs(4, "2303 Ragunda", &["totalt"], "5150"),
            ],
            header_line: 1,
            value_field: None,
        };
        let a = assemble(t).unwrap();
        assert_eq!(a.rows[0].count, Some(5_150));
    }

    #[test]
    fn a_total_by_another_name_is_not_summed_with_its_parts() {
        let rows = |total: &str| {
            let mut o = Vec::new();
            for (line, region, men, women) in [
                (2, "2303 Ragunda", 2575, 2575),
                (5, "2305 Bräcke", 3018, 3019),
            ] {
                o.push(obs(line, region, &["män"], &men.to_string()));
                o.push(obs(line + 1, region, &["kvinnor"], &women.to_string()));
                o.push(obs(line + 2, region, &[total], &(men + women).to_string()));
            }
            Table {
                dimensions: dims(&["kön"]),
                observations: o,
                header_line: 1,
                value_field: None,
            }
        };
        // Named as SCB names it, in Swedish or English.
        for total in [
            "män och kvinnor",
            "Kvinnor och män",
            "both sexes",
            "Men and women",
        ] {
            let a = assemble(rows(total)).unwrap();
            let counts: Vec<_> = a.rows.iter().map(|r| (r.line, r.count)).collect();
            assert_eq!(counts, [(4, Some(5_150)), (7, Some(6_037))], "{total}");
            assert!(
                matches!(&a.combined[..], [Combined::TotalOnly { value, others: 2, .. }] if value == total)
            );
        }
        // Named otherwise, but the sum of the others in every kommun.
        let a = assemble(rows("bägge")).unwrap();
        let counts: Vec<_> = a.rows.iter().map(|r| r.count).collect();
        assert_eq!(counts, [Some(5_150), Some(6_037)]);
        assert!(matches!(&a.combined[..], [Combined::TotalOnly { value, .. }] if value == "bägge"));
        // Three parts of which none is the sum of the others are summed.
        let mut t = rows("okänt");
        for o in &mut t.observations {
            if o.dims[0] == "okänt" {
                o.value = "1".to_string();
            }
        }
        let a = assemble(t).unwrap();
        let counts: Vec<_> = a.rows.iter().map(|r| r.count).collect();
        assert_eq!(counts, [Some(5_151), Some(6_038)]);
        assert!(matches!(&a.combined[..], [Combined::Summed { .. }]));
    }

    #[test]
    fn uneven_or_repeated_parts_and_several_contents_are_refused() {
        let t = Table {
            dimensions: dims(&["kön"]),
            observations: vec![
                obs(2, "2303 Ragunda", &["män"], "2575"),
                obs(3, "2303 Ragunda", &["kvinnor"], "2575"),
                obs(4, "2305 Bräcke", &["män"], "3018"),
            ],
            header_line: 1,
            value_field: None,
        };
        let (line, kind) = assemble(t).err().unwrap();
        assert_eq!(line, Some(4));
        assert!(
            matches!(kind, ScbErrorKind::UnevenParts { ref missing, .. } if missing == &["kvinnor"])
        );
        let t = Table {
            dimensions: dims(&["kön"]),
            observations: vec![
                obs(2, "2303 Ragunda", &["män"], "2575"),
                obs(3, "2303 Ragunda", &["kvinnor"], "2575"),
                obs(4, "2303 Ragunda", &["män"], "2575"),
            ],
            header_line: 1,
            value_field: None,
        };
        let (line, kind) = assemble(t).err().unwrap();
        assert_eq!(line, Some(4));
        assert!(matches!(
            kind,
            ScbErrorKind::RepeatedPart { first_line: 2, .. }
        ));
        let t = Table {
            dimensions: dims(&["ContentsCode"]),
            observations: vec![
                obs(2, "2303", &["BE0101N1"], "5150"),
                obs(3, "2303", &["BE0101N2"], "10"),
            ],
            header_line: 1,
            value_field: None,
        };
        assert!(matches!(
            assemble(t).err().unwrap().1,
            ScbErrorKind::SeveralContents { .. }
        ));
    }

    #[test]
    fn a_county_covers_its_own_kommuner_and_the_country_is_set_aside() {
        let t = Table {
            dimensions: Vec::new(),
            observations: vec![
                obs(2, "00 Riket", &[], "10587710"),
                obs(3, "22 Västernorrlands län", &[], "242000"),
                obs(4, "23 Jämtlands län", &[], "132708"),
                obs(5, "2303 Ragunda", &[], "5150"),
            ],
            header_line: 1,
            value_field: None,
        };
        let a = assemble(t).unwrap();
        assert_eq!(a.totals.len(), 1);
        assert_eq!(a.totals[0].covers, Covers::County("23".into()));
        assert_eq!(a.other_regions.len(), 2);
    }
}
