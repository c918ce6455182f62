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

/// A row of the file: its one-based line and its fields, held as one text with where each
/// field ends (a file of short fields, `1;1;1;…`, would otherwise take some 50 bytes of
/// memory per byte of fields).
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

/// Reads `records` as a table. In a `workbook`, an empty cell repeats the one above it (the
/// web interface writes an outer variable's value once), and rows of the heading before the
/// first figure are skipped.
pub(super) fn read(
    mut records: Vec<Record>,
    column: Option<&str>,
    workbook: bool,
    delimiter: char,
) -> Result<Sheet, Failure> {
    let candidate = |r: &Record| r.len() >= 2 && r.fields().skip(1).any(|f| !f.trim().is_empty());
    let names_period = |r: &Record| {
        r.fields().skip(1).any(|f| header_year(f.trim()).is_some())
            || r.fields().any(|f| is_time_header(f.trim()))
    };
    // A workbook's heading may take several rows (contents above years); their first cell is
    // empty.
    let header_at = records
        .iter()
        .position(|r| candidate(r) && !(workbook && r.field(0).is_empty() && !names_period(r)));
    let Some(header_at) = header_at else {
        return Err((None, ScbErrorKind::NoHeader));
    };
    let (preamble, rest) = records.split_at(header_at);
    let Some((header, rows)) = rest.split_first() else {
        return Err((None, ScbErrorKind::NoHeader));
    };
    if header.fields().any(|f| f.contains('\n')) {
        return Err((Some(header.line), ScbErrorKind::UnclosedQuote));
    }
    let mut names: Vec<String> = header.fields().map(|f| f.trim().to_string()).collect();
    let header_fields = names.len();
    // A workbook's heading rows above the one with the years (contents) name the columns
    // under them, each label spanning the empty cells to its right, as the CSV's
    // "Folkmängd 2024" does.
    if workbook {
        for above in preamble_heading(&records, header_at) {
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
    }
    // A region row is not a header: the file has none.
    if table::starts_with_code(header.field(0)) {
        return Err((
            Some(header.line),
            ScbErrorKind::HeaderIsRegion {
                region: header.field(0).to_string(),
            },
        ));
    }
    if !names_period(header) {
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
    let title = preamble.iter().find(|r| !r.is_blank()).map(|r| {
        let d = delimiter.to_string();
        r.fields()
            .collect::<Vec<_>>()
            .join(&d)
            .trim()
            .trim_end_matches(delimiter)
            .trim()
            .to_string()
    });
    let header_line = header.line;
    let mut layout = layout(&names, header.line, rows)?;
    if let Some(candidate) = layout.names
        && !names_beside_codes(rows, layout.region, candidate, workbook)
    {
        layout.names = None;
        let name = names.get(candidate).cloned().unwrap_or_default();
        let contents = is_contents_header(&name);
        layout
            .dimensions
            .push((candidate, Dimension { name, contents }));
        layout.dimensions.sort_by_key(|(i, _)| *i);
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
    let mut above: Vec<String> = Vec::new();
    let mut seen_data = false;
    let key_columns: Vec<usize> = std::iter::once(layout.region)
        .chain(layout.names)
        .chain(layout.long.map(|(time, _)| time))
        .chain(layout.dimensions.iter().map(|(i, _)| *i))
        .collect();
    // The rows are taken from `records` as they are read, so that their text is not held
    // twice.
    let rows = records.split_off(header_at + 1);
    drop(records);
    for record in rows {
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
        let mut fields: Vec<String> = record.fields().map(|f| f.trim().to_string()).collect();
        // A CSV row's value beyond the header's fields (empty ones, as a spreadsheet's
        // trailing `;`, are nothing): which field is which cannot be told.
        if !workbook
            && let Some(last) = fields.iter().rposition(|f| !f.is_empty())
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
        if workbook {
            for &i in &key_columns {
                if fields.get(i).is_some_and(String::is_empty)
                    && let (Some(slot), Some(prev)) = (fields.get_mut(i), above.get(i))
                {
                    slot.clone_from(prev);
                }
            }
        }
        let get = |i: usize| fields.get(i).map_or("", String::as_str);
        let region = get(layout.region).to_string();
        let value_columns: Vec<usize> = match layout.long {
            Some((_, value)) => vec![value],
            None => layout.years.clone(),
        };
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
                // The figure is taken from the row (no column of figures is repeated from
                // the row above).
                let Some(raw) = fields.get_mut(value).map(std::mem::take) else {
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
                    let value = fields.get_mut(i).map(std::mem::take);
                    // A row that ends early is reported after the rows' other problems.
                    let ends_early = value.is_none();
                    figures.push(Observation {
                        line: record.line,
                        region,
                        code,
                        dims,
                        value: value.unwrap_or_default(),
                    });
                    periods_of.push((0, ends_early));
                }
            }
        }
        above = fields;
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
    let observations = figures;
    Ok(Sheet {
        title,
        header_line,
        column,
        table: Table {
            dimensions: layout.dimensions.into_iter().map(|(_, d)| d).collect(),
            observations,
            header_line,
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
fn names_beside_codes(rows: &[Record], region: usize, names: usize, workbook: bool) -> bool {
    use std::collections::HashMap;
    let mut name_of: HashMap<&str, &str> = HashMap::new();
    let mut code_of: HashMap<&str, &str> = HashMap::new();
    let mut last_code = "";
    for r in rows {
        if r.is_blank() || r.is_note() {
            continue;
        }
        let code = match r.field(region) {
            "" if workbook => last_code,
            "" => continue,
            code => code,
        };
        last_code = code;
        let name = r.field(names);
        if !code.chars().all(|c| c.is_ascii_digit()) || name.is_empty() {
            return false;
        }
        if *name_of.entry(code).or_insert(name) != name
            || *code_of.entry(name).or_insert(code) != code
        {
            return false;
        }
    }
    !name_of.is_empty()
}

/// The heading rows of a workbook right above its header: a first cell that is empty and
/// another that is not.
fn preamble_heading(records: &[Record], header_at: usize) -> Vec<&Record> {
    let mut rows: Vec<&Record> = records
        .get(..header_at)
        .unwrap_or_default()
        .iter()
        .rev()
        .take_while(|r| r.field(0).is_empty() && r.fields().skip(1).any(|f| !f.trim().is_empty()))
        .collect();
    rows.reverse();
    rows
}

/// Of `columns`, the one whose values look most like regions (see `layout`).
fn most_like_regions(rows: &[Record], columns: &[usize]) -> Option<usize> {
    let mut best: Option<((usize, usize, usize), usize)> = None;
    for &i in columns {
        let (mut kommuner, mut regions) = (0, 0);
        let mut distinct = std::collections::HashSet::new();
        for r in rows {
            if r.is_blank() || r.is_note() {
                continue;
            }
            let value = r.field(i);
            if value.is_empty() {
                continue;
            }
            match table::code_length(value) {
                Some(4) => kommuner += 1,
                Some(2) => regions += 1,
                _ => {}
            }
            distinct.insert(value);
        }
        let score = (kommuner, kommuner + regions, distinct.len());
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

/// What each column of the header holds.
fn layout(names: &[String], line: usize, rows: &[Record]) -> Result<Layout, Failure> {
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
}
