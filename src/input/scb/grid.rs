//! A table of rows and fields, from a CSV file or a worksheet: finding its header and what
//! each column holds, and reading its rows as figures for the chosen year.
//!
//! The header is the first row with a second field that is not empty (a title, blank lines
//! and Excel's `title;` come before it). Its columns:
//!
//! - the regions: the column headed "region" (`Region`, `Region - region`), else the first;
//!   beside a column of bare codes, a column with an empty or region header holds the names;
//! - wide: columns whose headers name a year (`2024`, `BE0101N1 2024`,
//!   `BE0101N1 - Folkmängd 2024 - 2024`, `2024 - 2024`), of which one is chosen;
//! - long: a time column (`år`, `Tid`), whose values are the years, with the figures in the
//!   last column;
//! - every other column is a dimension (`ContentsCode`, `ålder`, `kön`), for `table` to
//!   combine.
//!
//! A header that names neither a year nor a time column is refused, so a long layout is
//! never read as a wide one with its first row as the header.

use super::table::{
    self, Dimension, Failure, Observation, Table, choose_period, header_year, is_contents_header,
    is_region_header, is_time_header,
};
use crate::core::population::ScbErrorKind;
use std::borrow::Borrow;

/// A row of the file: its one-based line and its fields, held as one text with where each
/// field ends (a file of short fields, `1;1;1;…`, would otherwise take some 50 bytes of
/// memory per byte of fields).
#[derive(Clone)]
pub(super) struct Record {
    pub line: usize,
    text: String,
    ends: Vec<u32>,
}

impl Record {
    pub fn new(line: usize) -> Record {
        Record {
            line,
            text: String::new(),
            ends: Vec::new(),
        }
    }

    /// Adds a field after the others. (A file is read within a limit far below 4 GiB.)
    pub fn push(&mut self, field: &str) {
        self.text.push_str(field);
        self.ends
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }

    /// How many fields the row has.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The fields as written.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(self.ends.iter().copied()).map(|(start, end)| {
            self.text
                .get(start as usize..end as usize)
                .unwrap_or_default()
        })
    }

    /// Field `i` without spaces around it; empty beyond the row's end.
    fn field(&self, i: usize) -> &str {
        let start = match i {
            0 => Some(0),
            _ => self.ends.get(i - 1).copied(),
        };
        start
            .zip(self.ends.get(i).copied())
            .and_then(|(start, end)| self.text.get(start as usize..end as usize))
            .map_or("", str::trim)
    }

    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// A note under or beside the table: text in the first field alone, which is not a region
    /// code (a kommun's or county's, or one that lost its leading zero) with its row cut short.
    fn is_note(&self) -> bool {
        let only_first = self.fields().skip(1).all(|f| f.trim().is_empty());
        only_first && !matches!(table::code_length(self.field(0)), Some(1..=4))
    }
}

/// What the header's columns hold.
struct Layout {
    region: usize,
    /// Names beside a column of bare codes.
    names: Option<usize>,
    /// Long layout: the time column and the column of figures.
    long: Option<(usize, usize)>,
    /// Wide layout: the columns that name a year.
    years: Vec<usize>,
    dimensions: Vec<(usize, Dimension)>,
}

/// A table read from rows: its title, header line, chosen year and figures.
pub(super) struct Sheet {
    pub title: Option<String>,
    pub header_line: usize,
    pub column: String,
    pub table: Table,
}

/// Reads the rows `records` gives as a table. In a `workbook`, an empty cell repeats the one
/// above it (the web interface writes an outer variable's value once), and rows of the
/// heading before the first figure are skipped.
///
/// `records` gives the rows from the first each time it is called: they are read a row at a
/// time, once for the header, once more for what a column holds when the header does not say,
/// and once for the figures, and never all held together (a file of short rows would take
/// many times its size). A row that is refused is refused when it is reached, so a file wrong
/// on its second line is not read to its end.
pub(super) fn read<I, R>(
    records: impl Fn() -> I,
    column: Option<&str>,
    workbook: bool,
    delimiter: char,
) -> Result<Sheet, Failure>
where
    I: Iterator<Item = R>,
    R: Borrow<Record>,
{
    let candidate = |r: &Record| r.len() >= 2 && r.fields().skip(1).any(|f| !f.trim().is_empty());
    let names_period = |r: &Record| {
        r.fields().skip(1).any(|f| header_year(f.trim()).is_some())
            || r.fields().any(|f| is_time_header(f.trim()))
    };
    // The header, and before it the title (the first row that is not blank) and a workbook's
    // heading rows right above it. A workbook's heading may take several rows (contents
    // above years); their first cell is empty.
    let mut title: Option<String> = None;
    let mut heading: Vec<Record> = Vec::new();
    let mut found: Option<(usize, Record)> = None;
    for (at, r) in records().enumerate() {
        let r = r.borrow();
        if candidate(r) && !(workbook && r.field(0).is_empty() && !names_period(r)) {
            found = Some((at, r.clone()));
            break;
        }
        if title.is_none() && !r.is_blank() {
            title = Some(title_of(r, delimiter));
        }
        if workbook && is_heading(r) {
            heading.push(r.clone());
        } else {
            heading.clear();
        }
    }
    let Some((header_at, header)) = found else {
        return Err((None, ScbErrorKind::NoHeader));
    };
    let rows = || records().skip(header_at + 1);
    if header.fields().any(|f| f.contains('\n')) {
        return Err((Some(header.line), ScbErrorKind::UnclosedQuote));
    }
    let mut names: Vec<String> = header.fields().map(|f| f.trim().to_string()).collect();
    let header_fields = names.len();
    // A workbook's heading rows above the one with the years (contents) name the columns
    // under them, each label spanning the empty cells to its right, as the CSV's
    // "Folkmängd 2024" does.
    for above in &heading {
        let mut label = "";
        for (i, name) in names.iter_mut().enumerate().skip(1) {
            let cell = above.field(i);
            if !cell.is_empty() {
                label = cell;
            }
            if !label.is_empty() && !name.is_empty() {
                *name = format!("{label} {name}");
            }
        }
    }
    drop(heading);
    // A region row is not a header: the file has none.
    if table::starts_with_code(header.field(0)) {
        return Err((
            Some(header.line),
            ScbErrorKind::HeaderIsRegion {
                region: header.field(0).to_string(),
            },
        ));
    }
    if !names_period(&header) {
        return Err((
            Some(header.line),
            ScbErrorKind::NoYearColumn { header: names },
        ));
    }
    // Regions across the header ("år","2303 Ragunda",…): the table is turned.
    if let Some(region) = names
        .iter()
        .skip(1)
        .find(|n| matches!(table::code_length(n), Some(2 | 4)) && header_year(n).is_none())
    {
        return Err((
            Some(header.line),
            ScbErrorKind::RegionsAsColumns {
                region: region.clone(),
            },
        ));
    }
    let header_line = header.line;
    let mut layout = layout(&names, header.line, rows())?;
    if let Some(candidate) = layout.names
        && !names_beside_codes(rows(), layout.region, candidate, workbook)
    {
        layout.names = None;
        let name = names.get(candidate).cloned().unwrap_or_default();
        let contents = is_contents_header(&name);
        layout
            .dimensions
            .push((candidate, Dimension { name, contents }));
        layout.dimensions.sort_by_key(|(i, _)| *i);
    }
    // Codes in a column of their own beside the names (`"kod";"region";"2024"`, as a sheet
    // made by hand or by Kolada has them): the codes are the regions, the names their names.
    if layout.names.is_none() {
        let names_at = layout.region;
        let beside = [names_at.checked_sub(1), names_at.checked_add(1)];
        if let Some(codes_at) = beside.into_iter().flatten().find(|&c| {
            layout.dimensions.iter().any(|(i, _)| *i == c)
                && bare_codes(rows(), c)
                && names_beside_codes(rows(), c, names_at, workbook)
        }) {
            layout.region = codes_at;
            layout.names = Some(names_at);
            layout.dimensions.retain(|(i, _)| *i != codes_at);
        }
    }
    // A column other than region and year with one value on every row (a contents code
    // written on each, a column left empty under its header) is ignored by `table`: it is
    // left out before the figures are read, so that no row holds its value.
    if !layout.dimensions.is_empty() {
        let columns: Vec<usize> = layout.dimensions.iter().map(|(i, _)| *i).collect();
        let varying = varying(rows(), &columns);
        layout.dimensions.retain(|(i, _)| varying.contains(i));
    }

    // A wide layout's year is chosen from its header, before the rows, so that only its
    // figures are kept (a failed choice is reported after the rows' own problems); a long
    // layout's years are the time column's values, chosen once every row is read.
    let wide_choice: Option<Result<usize, ScbErrorKind>> = match layout.long {
        Some(_) => None,
        None => {
            let years: Vec<String> = layout
                .years
                .iter()
                .filter_map(|&i| names.get(i).cloned())
                .collect();
            Some(choose_period(&years, column))
        }
    };
    let wide_column: Option<usize> = match &wide_choice {
        Some(Ok(chosen)) => layout.years.get(*chosen).copied(),
        _ => None,
    };
    // The figures, and beside each the period it is for (an index into `periods`; 0 in a
    // wide layout) and whether its row ends before the period's column. Kept apart so that
    // the chosen period's figures are kept in place, never copied.
    let mut figures: Vec<Observation> = Vec::new();
    let mut periods_of: Vec<(usize, bool)> = Vec::new();
    let mut periods: Vec<String> = Vec::new();
    let mut period_at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut seen_data = false;
    let key_columns: Vec<usize> = std::iter::once(layout.region)
        .chain(layout.names)
        .chain(layout.long.map(|(time, _)| time))
        .chain(layout.dimensions.iter().map(|(i, _)| *i))
        .collect();
    let value_columns: Vec<usize> = match layout.long {
        Some((_, value)) => vec![value],
        None => layout.years.clone(),
    };
    // The values of the key columns on the row above (a workbook's empty cell repeats them).
    let mut above: Vec<String> = Vec::new();
    for record in rows() {
        let record = record.borrow();
        if record.is_blank() {
            continue;
        }
        if record.fields().any(|f| f.contains('\n')) {
            return Err((Some(record.line), ScbErrorKind::UnclosedQuote));
        }
        // A note under the table: one field that is not a region code.
        if record.is_note() {
            continue;
        }
        // A CSV row's value beyond the header's fields (empty ones, as a spreadsheet's
        // trailing `;`, are nothing): which field is which cannot be told.
        if !workbook
            && let Some(last) = record
                .fields()
                .enumerate()
                .filter(|(_, f)| !f.trim().is_empty())
                .last()
                .map(|(i, _)| i)
            && last >= header_fields
        {
            return Err((
                Some(record.line),
                ScbErrorKind::ExtraFields {
                    fields: last + 1,
                    header: header_fields,
                },
            ));
        }
        // The key columns' values: in a workbook, an empty cell repeats the one above.
        let keys: Vec<String> = key_columns
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let own = record.field(i);
                match above.get(k) {
                    Some(prev) if workbook && own.is_empty() && i < record.len() => prev.clone(),
                    _ => own.to_string(),
                }
            })
            .collect();
        let get = |i: usize| {
            key_columns
                .iter()
                .position(|&k| k == i)
                .and_then(|k| keys.get(k))
                .map_or_else(|| record.field(i), String::as_str)
        };
        let region = get(layout.region).to_string();
        if region.is_empty() {
            let has_value = value_columns.iter().any(|&i| !get(i).is_empty());
            if !seen_data || !has_value {
                continue;
            }
            return Err((Some(record.line), ScbErrorKind::EmptyRegion));
        }
        seen_data = true;
        let (region, code) = match layout.names {
            Some(n) if region.chars().all(|c| c.is_ascii_digit()) && !get(n).is_empty() => {
                (get(n).to_string(), Some(region))
            }
            _ => (region, None),
        };
        let dims: Vec<String> = layout
            .dimensions
            .iter()
            .map(|(i, _)| get(*i).to_string())
            .collect();
        // The figure in column `i`, as written; none when the row ends before it.
        let figure = |i: usize| (i < record.len()).then(|| record.field(i).to_string());
        match layout.long {
            Some((time, value)) => {
                let period = match period_at.get(get(time)) {
                    Some(&at) => at,
                    None => {
                        period_at.insert(get(time).to_string(), periods.len());
                        periods.push(get(time).to_string());
                        periods.len() - 1
                    }
                };
                let Some(raw) = figure(value) else {
                    let column = names.get(value).cloned().unwrap_or_default();
                    return Err((Some(record.line), missing(&region, code.as_deref(), column)));
                };
                figures.push(Observation {
                    line: record.line,
                    region,
                    code,
                    dims,
                    value: raw,
                });
                periods_of.push((period, false));
            }
            None => {
                if let Some(i) = wide_column {
                    let value = figure(i);
                    // A row that ends early is reported after the rows' other problems.
                    let ends_early = value.is_none();
                    let observation = Observation {
                        line: record.line,
                        region,
                        code,
                        dims,
                        value: value.unwrap_or_default(),
                    };
                    // The year is known: a region that cannot be read is refused at its row,
                    // before the rows after it are read.
                    table::readable_region(&observation)?;
                    figures.push(observation);
                    periods_of.push((0, ends_early));
                }
            }
        }
        above = keys;
    }

    // The year.
    drop(period_at);
    let (chosen, column) = match wide_choice {
        Some(choice) => {
            let chosen = choice.map_err(|kind| (Some(header_line), kind))?;
            let column = layout.years.get(chosen).and_then(|&i| names.get(i));
            (0, column.cloned().unwrap_or_default())
        }
        None => {
            if periods.is_empty() {
                return Err((Some(header_line), ScbErrorKind::NoRows));
            }
            let chosen =
                choose_period(&periods, column).map_err(|kind| (Some(header_line), kind))?;
            (chosen, periods.get(chosen).cloned().unwrap_or_default())
        }
    };
    let without_period = match layout.long {
        Some(_) => without_the_period(&figures, &periods_of, chosen),
        None => std::collections::HashSet::new(),
    };
    if let Some(o) = figures
        .iter()
        .zip(&periods_of)
        .find(|(_, (period, ends_early))| *period == chosen && *ends_early)
        .map(|(o, _)| o)
    {
        return Err((Some(o.line), missing(&o.region, o.code.as_deref(), column)));
    }
    // A region that has rows for other years but none for the chosen one has no value for
    // it, as `..` in a wide file: never left out in silence.
    for &at in &without_period {
        if let Some(o) = figures.get_mut(at) {
            o.value = "..".to_string();
        }
    }
    let mut keep = periods_of
        .iter()
        .enumerate()
        .map(|(at, (period, _))| *period == chosen || without_period.contains(&at));
    figures.retain(|_| keep.next().unwrap_or(false));
    // Without the room the vector grew into (up to as much again), before the rows are made.
    figures.shrink_to_fit();
    let observations = figures;
    Ok(Sheet {
        title,
        header_line,
        column,
        table: Table {
            dimensions: layout.dimensions.into_iter().map(|(_, d)| d).collect(),
            observations,
            header_line,
            value_field: match layout.long {
                Some((_, value)) => Some(value),
                None => wide_column,
            },
        },
    })
}

/// In a long layout, the figures (by index) of the regions (with their values of the other
/// columns) that have no row for the chosen period: for each, its last row, which
/// then stands for the missing value.
fn without_the_period(
    figures: &[Observation],
    periods_of: &[(usize, bool)],
    chosen: usize,
) -> std::collections::HashSet<usize> {
    use std::collections::{HashMap, HashSet};
    let with: HashSet<(&str, Option<&str>, &[String])> = figures
        .iter()
        .zip(periods_of)
        .filter(|(_, (period, _))| *period == chosen)
        .map(|(o, _)| (o.region.as_str(), o.code.as_deref(), o.dims.as_slice()))
        .collect();
    let mut last: HashMap<(&str, Option<&str>, &[String]), usize> = HashMap::new();
    for (at, (o, (period, _))) in figures.iter().zip(periods_of).enumerate() {
        let key = (o.region.as_str(), o.code.as_deref(), o.dims.as_slice());
        if *period != chosen && !with.contains(&key) {
            last.insert(key, at);
        }
    }
    last.into_values().collect()
}

fn missing(region: &str, code: Option<&str>, column: String) -> ScbErrorKind {
    ScbErrorKind::MissingField {
        region: super::table::label(region, code),
        column,
    }
}

/// Whether the column `names` holds the names of the codes in column `region`: every region
/// is a bare code, and each code has one name and each name one code (a column of sexes or
/// ages beside the codes repeats its values from region to region).
fn names_beside_codes<R: Borrow<Record>>(
    rows: impl Iterator<Item = R>,
    region: usize,
    names: usize,
    workbook: bool,
) -> bool {
    use std::collections::HashMap;
    let mut name_of: HashMap<String, String> = HashMap::new();
    let mut code_of: HashMap<String, String> = HashMap::new();
    let mut last_code = String::new();
    for r in rows {
        let r = r.borrow();
        if r.is_blank() || r.is_note() {
            continue;
        }
        let code = match r.field(region) {
            "" if workbook => last_code.clone(),
            "" => continue,
            code => code.to_string(),
        };
        last_code.clone_from(&code);
        let name = r.field(names);
        if !code.chars().all(|c| c.is_ascii_digit()) || name.is_empty() {
            return false;
        }
        if *name_of
            .entry(code.clone())
            .or_insert_with(|| name.to_string())
            != name
            || *code_of.entry(name.to_string()).or_insert(code.clone()) != code
        {
            return false;
        }
    }
    !name_of.is_empty()
}

/// Of `columns`, those that do not have the same value on every row that may hold a figure
/// (every row but blank rows and notes). A value a workbook's empty cell repeats from the row
/// above is one of those values, so a column found here to have one value has one value
/// in every figure read.
fn varying<R: Borrow<Record>>(rows: impl Iterator<Item = R>, columns: &[usize]) -> Vec<usize> {
    let mut first: Vec<Option<String>> = vec![None; columns.len()];
    let mut varies = vec![false; columns.len()];
    for r in rows {
        let r = r.borrow();
        if r.is_blank() || r.is_note() {
            continue;
        }
        for ((&i, first), varies) in columns.iter().zip(&mut first).zip(&mut varies) {
            let value = r.field(i);
            match first {
                None => *first = Some(value.to_string()),
                Some(seen) => *varies |= seen != value,
            }
        }
        if varies.iter().all(|v| *v) {
            break;
        }
    }
    (columns.iter().zip(varies))
        .filter(|(_, v)| *v)
        .map(|(&i, _)| i)
        .collect()
}

/// Whether column `at` holds a kommun's or county's bare code (four or two digits) on every
/// row that may hold a figure (an empty cell aside), or such a code that has lost its leading
/// zero (three or one digit, of a county whose code starts with 0: `114` for `0114`, as a
/// program that reads codes as numbers writes them), which `table` then refuses at its row as
/// it refuses `"114 Upplands Väsby"`. With such codes the column must hold two different
/// ones, so that a column of one small number (a sex, `1`) beside one kommun is no column of
/// codes.
fn bare_codes<R: Borrow<Record>>(rows: impl Iterator<Item = R>, at: usize) -> bool {
    let mut first: Option<String> = None;
    let mut different = false;
    let mut lost_zero = false;
    for r in rows {
        let r = r.borrow();
        if r.is_blank() || r.is_note() {
            continue;
        }
        let code = r.field(at);
        if code.is_empty() {
            continue;
        }
        if !code.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
        match code.len() {
            2 | 4 => {}
            1 | 3 if crate::core::counties::of_kommun(&format!("0{code}")).is_some() => {
                lost_zero = true;
            }
            _ => return false,
        }
        match &first {
            None => first = Some(code.to_string()),
            Some(first) => different |= first != code,
        }
    }
    first.is_some() && (different || !lost_zero)
}

/// A row of a workbook's heading, above its header: a first cell that is empty and another
/// that is not.
fn is_heading(r: &Record) -> bool {
    r.field(0).is_empty() && r.fields().skip(1).any(|f| !f.trim().is_empty())
}

/// A title row's text: its fields as written, without the delimiters a spreadsheet adds
/// after it.
fn title_of(r: &Record, delimiter: char) -> String {
    let mut title = String::new();
    for (i, field) in r.fields().enumerate() {
        if i > 0 {
            title.push(delimiter);
        }
        title.push_str(field);
    }
    // Trimmed in place: a title may be as long as the file.
    let end = title
        .trim_end()
        .trim_end_matches(delimiter)
        .trim_end()
        .len();
    title.truncate(end);
    let start = title.len() - title.trim_start().len();
    title.drain(..start);
    title
}

/// How many different values of a column are counted to tell a column of regions from
/// others: more than a column of regions has (290 kommuner, 21 counties and the country), so
/// that the count of a large file's columns is bounded.
const DISTINCT_COUNTED: usize = 1024;

/// Of `columns`, the one whose values look most like regions (see `layout`), from one pass
/// over the rows.
fn most_like_regions<R: Borrow<Record>>(
    rows: impl Iterator<Item = R>,
    columns: &[usize],
) -> Option<usize> {
    // Per column: kommunkoder, county codes, and the different values (up to
    // `DISTINCT_COUNTED`).
    let mut tallies: Vec<(usize, usize, std::collections::HashSet<String>)> = columns
        .iter()
        .map(|_| (0, 0, std::collections::HashSet::new()))
        .collect();
    for r in rows {
        let r = r.borrow();
        if r.is_blank() || r.is_note() {
            continue;
        }
        for (&i, (kommuner, regions, distinct)) in columns.iter().zip(tallies.iter_mut()) {
            let value = r.field(i);
            if value.is_empty() {
                continue;
            }
            match table::code_length(value) {
                Some(4) => *kommuner += 1,
                Some(2) => *regions += 1,
                _ => {}
            }
            if distinct.len() < DISTINCT_COUNTED && !distinct.contains(value) {
                distinct.insert(value.to_string());
            }
        }
    }
    let mut best: Option<((usize, usize, usize), usize)> = None;
    for (&i, (kommuner, regions, distinct)) in columns.iter().zip(&tallies) {
        let score = (*kommuner, kommuner + regions, distinct.len());
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

/// What each column of the header holds.
fn layout<R: Borrow<Record>>(
    names: &[String],
    line: usize,
    rows: impl Iterator<Item = R>,
) -> Result<Layout, Failure> {
    let is_time = |i: usize| names.get(i).is_some_and(|n| is_time_header(n));
    let has_time = (0..names.len()).any(is_time);
    // Without a header that says which column holds the regions (a workbook leaves the cells
    // over its stub empty), the column that looks most like regions: kommunkoder first, then
    // county codes, then the most different values; never a column of years or figures.
    let candidates: Vec<usize> = (0..names.len())
        .filter(|&i| !is_time(i) && names.get(i).is_some_and(|n| header_year(n).is_none()))
        .filter(|&i| !(has_time && i + 1 == names.len()))
        .collect();
    let region = names
        .iter()
        .position(|n| is_region_header(n))
        .or_else(|| most_like_regions(rows, &candidates))
        .unwrap_or(0);
    let time = (0..names.len()).find(|&i| i != region && is_time(i));
    let years: Vec<usize> = (0..names.len())
        .filter(|&i| i != region && Some(i) != time)
        .filter(|&i| names.get(i).is_some_and(|n| header_year(n).is_some()))
        .collect();
    let long = match (years.is_empty(), time) {
        (true, Some(time)) => {
            let value = names.len().saturating_sub(1);
            if value == region || value == time {
                return Err((
                    Some(line),
                    ScbErrorKind::NoYearColumn {
                        header: names.to_vec(),
                    },
                ));
            }
            Some((time, value))
        }
        (true, None) => {
            return Err((
                Some(line),
                ScbErrorKind::NoYearColumn {
                    header: names.to_vec(),
                },
            ));
        }
        (false, _) => None,
    };
    let next = region + 1;
    let names_column = (next < names.len()
        && Some(next) != time
        && !years.contains(&next)
        && long.is_none_or(|(_, value)| value != next)
        && names
            .get(next)
            .is_some_and(|n| n.is_empty() || is_region_header(n)))
    .then_some(next);
    let dimensions = (0..names.len())
        .filter(|&i| i != region && Some(i) != names_column && !years.contains(&i))
        .filter(|&i| long.is_none_or(|(time, value)| i != time && i != value))
        .map(|i| {
            let name = names.get(i).cloned().unwrap_or_default();
            let contents = is_contents_header(&name);
            (i, Dimension { name, contents })
        })
        .collect();
    Ok(Layout {
        region,
        names: names_column,
        long,
        years,
        dimensions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_keeps_its_fields_as_written() {
        let mut row = Record::new(7);
        for field in [" 2303 Ragunda ", "", "5150", "å;ö"] {
            row.push(field);
        }
        assert_eq!(row.len(), 4);
        assert_eq!(
            row.fields().collect::<Vec<_>>(),
            [" 2303 Ragunda ", "", "5150", "å;ö"]
        );
        assert_eq!(
            (row.field(0), row.field(1), row.field(3), row.field(4)),
            ("2303 Ragunda", "", "å;ö", "")
        );
        assert!(!row.is_blank());
        let mut blank = Record::new(8);
        blank.push(" ");
        blank.push("");
        assert!(blank.is_blank());
        assert_eq!(Record::new(9).fields().count(), 0);
    }

    fn record(line: usize, fields: &[&str]) -> Record {
        let mut r = Record::new(line);
        for f in fields {
            r.push(f);
        }
        r
    }

    /// A file refused on its second line is refused there, its other rows never read.
    #[test]
    fn a_row_refused_is_refused_before_the_rows_after_it_are_read() {
        for (bad, expected) in [
            (
                vec!["1"; 500],
                ScbErrorKind::ExtraFields {
                    fields: 500,
                    header: 2,
                },
            ),
            (
                vec!["114 Upplands Väsby", "1"],
                ScbErrorKind::LostLeadingZero {
                    region: "114 Upplands Väsby".into(),
                },
            ),
        ] {
            let mut rows = vec![record(1, &["region", "2024"]), record(2, &bad)];
            rows.extend((3..10_000).map(|line| record(line, &["2303 Ragunda", "5150"])));
            let read = std::cell::Cell::new(0usize);
            let records = || rows.iter().inspect(|_| read.set(read.get() + 1));
            let Err((line, kind)) = super::read(records, None, false, ';') else {
                panic!("read");
            };
            assert_eq!((line, kind), (Some(2), expected));
            // The header is read twice (to find it, then the rows after it), the bad row once.
            assert!(read.get() < 10, "{} rows read", read.get());
        }
    }
}
