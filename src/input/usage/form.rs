//! The form in rows of cells, from CSV or a workbook, found by its labels in Swedish or
//! English rather than by fixed places: the header rows (`Mottagare`, `Kommunkod`,
//! `Samlingsfaktura skickad`), the table's columns by their headers and the units the amount
//! columns name, its rows and total rows, and what in its layout makes it unsure how its
//! figures are meant (`core::followup::Layout`, judged by the matching).

use super::{Cell, Grid};
use crate::core::followup::{
    At, Beyond, Claim, Entry, Layout, Overflow, Place, Stamp, StampKind, UsageFile, UsageRow,
    Written,
};
use crate::core::money::Amount;
use crate::core::text::{fold, visible};
use crate::input::workbook;

/// What a column of the form's table holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Insats,
    Text,
    Received,
    Used,
    Comment,
}

fn column_of(header: &str) -> Option<Column> {
    if is_insats_header(header) {
        return Some(Column::Insats);
    }
    let h = fold(header);
    let h = h.trim_end_matches(':');
    if h.starts_with("beskrivning") || h.starts_with("description") {
        Some(Column::Text)
    } else if h.starts_with("mottaget") || h.starts_with("received") {
        Some(Column::Received)
    } else if h.starts_with("använt") || h.starts_with("anvant") || h.starts_with("used") {
        Some(Column::Used)
    } else if h.starts_with("kommentar") || h.starts_with("comment") {
        Some(Column::Comment)
    } else {
        None
    }
}

/// Whether a header of the table is its column's word alone, or with a unit (`Använt`,
/// `Använt (kr)`, `Used:`, `Använt kronor`), not with more words (`Använt, prognos (kr)`).
fn exact_header(header: &str) -> bool {
    let h = fold(header);
    let bare = h
        .split(['(', '['])
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches(':');
    let (word, rest) = bare.split_once(char::is_whitespace).unwrap_or((bare, ""));
    let rest = rest.trim();
    (rest.is_empty() || !crate::core::followup::other_unit(rest))
        && matches!(
            word.trim_end_matches(':'),
            "insats"
                | "insats-id"
                | "id"
                | "beskrivning"
                | "description"
                | "mottaget"
                | "received"
                | "använt"
                | "anvant"
                | "used"
                | "kommentar"
                | "comment"
        )
}

/// A label of the form's header rows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Label {
    Title,
    Recipient,
    Code,
    Invoiced,
}

fn label_of(text: &str) -> Option<Label> {
    // What shows: a second byte-order mark or a zero-width space before the title does not
    // keep it from being the title (and last year's form from being told by its year).
    let label = fold(visible(text));
    let label = label.trim_end_matches(':').trim();
    if label.starts_with("redovisning av") || label.starts_with("report on the use") {
        Some(Label::Title)
    } else if label.starts_with("mottagare") || label.starts_with("recipient") {
        Some(Label::Recipient)
    } else if label.starts_with("kommunkod") || label.starts_with("municipality code") {
        Some(Label::Code)
    } else if label.starts_with("samlingsfaktura") || label.starts_with("collective invoice") {
        Some(Label::Invoiced)
    } else {
        None
    }
}

/// A row of the form's header that the form writer fills from the plan and that names its
/// year: the decision and the deadlines, in Swedish or English (`Beslut`, `Faktureras
/// senast`, `Redovisas senast`). Only the label alone is one (with a colon at most): a row a
/// recipient adds above the table (`Beslut om fördelning i kommunen`) is none.
fn stamp_of(text: &str) -> Option<StampKind> {
    let label = fold(visible(text));
    match label.trim().trim_end_matches(':').trim() {
        "beslut" | "decision" => Some(StampKind::Decision),
        "faktureras senast" | "invoice by" => Some(StampKind::InvoiceBy),
        "redovisas senast" | "report by" => Some(StampKind::Reported),
        _ => None,
    }
}

/// The unit an amount column's header names after the column's word, as written: `tkr` in
/// `Använt (tkr)`, `Använt i tkr`, `Använt/tkr` or `Använt (kr) i tkr`; `None` when it names
/// none. Everything after the word is read: what any bracket holds is a unit, and so are
/// words outside brackets that speak of money or scale (`Använt tkr`; `Använt belopp` names
/// none). The first unit that is not kronor is the one named (a bracket after kronor that
/// notes VAT only, `(kr) (inkl. moms)`, is none), else the kronor: a header is refused for
/// any scale or currency it writes, not only for its first.
fn unit_of(header: &str) -> Option<String> {
    let header = header.trim();
    // The column's word ends at its first character that is no letter or digit.
    let word_end = header
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(header.len());
    let mut rest = header.get(word_end..).unwrap_or("");
    let mut units: Vec<&str> = Vec::new();
    loop {
        let (before, bracketed, after) = match rest.find(['(', '[']) {
            // What the brackets hold, up to where they close (or the end).
            Some(open) => {
                let inside = rest.get(open + 1..).unwrap_or("");
                let (unit, after) = inside.split_once([')', ']']).unwrap_or((inside, ""));
                (rest.get(..open).unwrap_or(""), Some(unit.trim()), after)
            }
            None => (rest, None, ""),
        };
        // "Använt i tkr", "Använt (kr), tkr", "Used in tkr": the unit after the word for it.
        let separators = |c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '/' | '\\' | '_' | '-' | '.' | '–')
        };
        let words = before.trim_matches(separators);
        // The column's noun is no unit: "Använt belopp, kr", "Used amount in SEK".
        let words = match words.split_once(|c: char| !c.is_alphanumeric()) {
            Some((noun, after)) if is_amount_noun(noun) => after.trim_matches(separators),
            None if is_amount_noun(words) => "",
            _ => words,
        };
        let words = ["i ", "I ", "in ", "In "]
            .iter()
            .find_map(|p| words.strip_prefix(p))
            .unwrap_or(words)
            .trim();
        if !words.is_empty() && speaks_of_money(words) {
            units.push(words);
        }
        match bracketed {
            Some(unit) => {
                if !unit.is_empty() {
                    units.push(unit);
                }
                rest = after;
            }
            None => break,
        }
    }
    let other = |unit: &&str| crate::core::followup::other_unit(unit);
    // A note on VAT alone, after the kronor: `Använt (kr) (inkl. moms)`.
    let note = |unit: &&str| !crate::core::followup::other_unit(&format!("kr {unit}"));
    let first = units.first().copied();
    units
        .iter()
        .enumerate()
        .find(|(i, unit)| {
            other(unit) && !(*i > 0 && first.is_some_and(|f| !other(&f)) && note(unit))
        })
        .map(|(_, unit)| *unit)
        .or(first)
        .map(str::to_string)
}

/// Whether a word is the noun of an amount column's header (`belopp` of `Använt belopp`).
fn is_amount_noun(word: &str) -> bool {
    ["belopp", "beloppet", "amount"]
        .iter()
        .any(|noun| word.eq_ignore_ascii_case(noun))
}

/// Whether words name a currency, a scale or a share: `kr`, `tkr`, `SEK`, `€`, `tusental`,
/// `000`, `%`, `andel`.
fn speaks_of_money(words: &str) -> bool {
    let folded = fold(words);
    folded.contains(['€', '$', '£', '%', ':'])
        || folded.contains("000")
        || folded.split(|c: char| !c.is_alphanumeric()).any(|word| {
            word.ends_with("kr")
                || word.ends_with("kronor")
                || word.ends_with("sek")
                || matches!(
                    word,
                    "öre"
                        | "eur"
                        | "euro"
                        | "usd"
                        | "nok"
                        | "dkk"
                        | "andel"
                        | "procent"
                        | "percent"
                        | "share"
                )
                || word.starts_with("tusen")
                || word.starts_with("thousand")
                || word.starts_with("miljon")
                || word.starts_with("million")
        })
}

/// Whether a header names the Insats column: `Insats`, `insats-id`, `ID:`. Asked of every
/// cell of every row (is it another header row?), so without folding: the words are ASCII,
/// and no other letter than an ASCII one is one of theirs in lower case or composed.
fn is_insats_header(header: &str) -> bool {
    let h = header.trim().trim_end_matches(':');
    ["insats", "insats-id", "id"]
        .iter()
        .any(|word| h.eq_ignore_ascii_case(word))
}

/// Whether a cell's text is short enough to be one of the form's words (`Totalt`, `Summa:`),
/// so that it is worth folding to compare: a description, asked on every row, is not.
fn is_word(text: &str) -> bool {
    text.trim().len() <= 32
}

/// A total row of the table (`Summa`, `Totalt`) with an amount used.
struct Total {
    /// The amount its used cell holds, as typed or as last computed.
    stated: Written<Entry>,
    line: Option<usize>,
    /// How many of the table's rows stand above it.
    above: usize,
    /// What its formula sums, if it is a plain sum of one column's cells.
    summed: Option<Summed>,
    /// Its formula is a `SUBTOTAL`, which leaves out hidden rows.
    subtotal: bool,
}

/// The cells a formula sums when it is a plain sum of one column's cells: the column and the
/// first and last rows, one-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Summed {
    column: u32,
    first: u32,
    last: u32,
}

/// A formula as written, without its spacing, `$` marks, ODS's brackets and leading `of:=`,
/// in capitals: `SUM(E12:E14)` for `of:=sum([.$E$12:.$E$14])`.
fn plain_formula(formula: &str) -> String {
    let formula = formula.trim();
    let formula = formula.strip_prefix("of:").unwrap_or(formula);
    let formula = formula.strip_prefix('=').unwrap_or(formula);
    // An ODS reference is bracketed and starts with a point (`[.E12]`); `$` fixes a part.
    formula
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '$' | '[' | ']' | '.'))
        .collect::<String>()
        .to_ascii_uppercase()
}

/// What a formula sums, when it is a plain sum of one column's cells: `SUM(E12:E14)`,
/// `=sum($E$12:$E$14)`, ODS's `of:=SUM([.E12:.E14])`; `None` for anything else (`E12+E13`,
/// `SUM(E12:F14)`, a range on another sheet, `SUM(E12:E14)*2`), and for `SUBTOTAL`, which
/// leaves out the rows a filter hides (and with 101–111 those hidden by hand), which are not
/// read: it is taken at the value the recipient saw (tester s31 round 2, review s31).
fn summed(formula: &str) -> Option<Summed> {
    let plain = plain_formula(formula);
    let inner = plain.strip_prefix("SUM(")?;
    let range = inner.strip_suffix(')')?;
    let (from, to) = range.split_once(':').unwrap_or((range, range));
    let reference = |cell: &str| -> Option<(u32, u32)> {
        let digits = cell.find(|c: char| c.is_ascii_digit())?;
        let (letters, row) = cell.split_at(digits);
        if letters.is_empty()
            || letters.len() > 3
            || !letters.chars().all(|c| c.is_ascii_uppercase())
        {
            return None;
        }
        let column = letters
            .bytes()
            .fold(0u32, |n, b| n * 26 + u32::from(b - b'A') + 1);
        let row: u32 = row.parse().ok().filter(|&r| r > 0)?;
        Some((column, row))
    };
    let ((column, first), (other, last)) = (reference(from)?, reference(to)?);
    (column == other).then_some(Summed {
        column,
        first: first.min(last),
        last: first.max(last),
    })
}

/// Whether a formula is a `SUBTOTAL` (Swedish Excel's `DELSUMMA`, `SUBTOTAL(109,E12:E14)`
/// in an Excel table's total row), whose sum leaves out rows hidden by a filter or by hand.
fn is_subtotal(formula: &str) -> bool {
    plain_formula(formula).starts_with("SUBTOTAL(")
}

/// A cell's column, one-based: a workbook cell's own, else its place in the row.
fn column_number(cell: &Cell, index: usize) -> u32 {
    match cell.place.at {
        At::Cell { column, .. } => column,
        At::Text(_) => u32::try_from(index + 1).unwrap_or(u32::MAX),
    }
}

/// Whether a row is the form's table's header row (`Insats` and `Använt`). Every row is
/// asked whether it is another header row: only a row with an Insats header is folded for it.
pub(super) fn is_header(row: &[Cell]) -> bool {
    row.iter().any(|c| is_insats_header(&c.text))
        && row.iter().any(|c| column_of(&c.text) == Some(Column::Used))
}

/// Whether a grid with the form's table is marked as a form, not only a table of the
/// recipient's own with the same headers (a cost breakdown or a pivot table, `Insats`,
/// `Konto`, `Använt (kr)`): a label of the form above the table (its title, `Mottagare`,
/// `Kommunkod`), or a `Mottaget` column (tester s39: such a sheet before the form was read as
/// the form, and the form refused as a second one).
pub(super) fn is_marked(grid: &Grid) -> bool {
    let Some(header_at) = grid.iter().position(|row| is_header(row)) else {
        return false;
    };
    let labelled = grid.iter().take(header_at).any(|row| {
        row.iter()
            .find(|c| !visible(&c.text).is_empty())
            .is_some_and(|c| label_of(&c.text).is_some_and(|l| l != Label::Invoiced))
    });
    let received = (grid.get(header_at).into_iter().flatten())
        .any(|c| column_of(&c.text) == Some(Column::Received));
    labelled || received
}

/// The Använt cell of a header row.
pub(super) fn used_header(row: &[Cell]) -> Option<&Cell> {
    row.iter()
        .find(|c| column_of(&c.text) == Some(Column::Used))
}

/// The form in a grid: the header rows above the table, and the table's rows. `delimiter` is
/// a CSV file's (`None` for a workbook), `line` gives a place's line (or row), `merged` a
/// workbook sheet's ranges of merged cells.
pub(super) fn form(
    grid: Grid,
    delimiter: Option<char>,
    line: &dyn Fn(&Place) -> usize,
    merged: &[workbook::Merged],
) -> Option<UsageFile> {
    let header_at = grid.iter().position(|row| is_header(row))?;
    let header = grid.get(header_at)?;
    let file_start = grid.iter().flatten().next().map(|c| c.place.clone());
    // Each column's header cells. Of two, a header that is the column's word alone (with at
    // most its unit) is the column, and one that says more (`Använt, prognos (kr)`) is another
    // column of the recipient's; else which is meant cannot be told.
    let candidates = |column: Column| -> Vec<usize> {
        header
            .iter()
            .enumerate()
            .filter(|(_, c)| column_of(&c.text) == Some(column))
            .map(|(i, _)| i)
            .collect()
    };
    let chosen = |column: Column| -> Vec<usize> {
        let all = candidates(column);
        let exact: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&i| header.get(i).is_some_and(|c| exact_header(&c.text)))
            .collect();
        if all.len() > 1 && exact.len() == 1 {
            exact
        } else {
            all
        }
    };
    let find = |column: Column| chosen(column).first().copied();
    let (insats_col, used_col) = (find(Column::Insats)?, find(Column::Used)?);
    let (text_col, received_col, comment_col) = (
        find(Column::Text),
        find(Column::Received),
        find(Column::Comment),
    );
    let mut layout = Vec::new();
    // A column named twice: which one is meant cannot be told. An amount column in another
    // unit than kronor would be read a thousand times wrong.
    let mut seen: Vec<(Column, usize)> = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        let Some(column) = column_of(&cell.text) else {
            continue;
        };
        if !chosen(column).contains(&i) {
            continue;
        }
        if let Some(&(_, first)) = seen.iter().find(|(c, _)| *c == column) {
            let first_cell = header.get(first).unwrap_or(cell);
            layout.push(Written {
                value: Layout::RepeatedColumn {
                    header: cell.text.trim().to_string(),
                    first_header: first_cell.text.trim().to_string(),
                    first: column_number(first_cell, first),
                    second: column_number(cell, i),
                    first_place: first_cell.place.clone(),
                },
                place: cell.place.clone(),
            });
        } else {
            seen.push((column, i));
        }
        if matches!(column, Column::Received | Column::Used)
            && let Some(unit) = unit_of(&cell.text)
        {
            layout.push(Written {
                value: Layout::Unit {
                    header: cell.text.trim().to_string(),
                    unit,
                },
                place: cell.place.clone(),
            });
        }
    }

    // The header rows: a label and its value; a label twice is another form's, or a
    // correction, and which counts cannot be told.
    let mut name: Option<Written<String>> = None;
    let mut code: Option<Written<String>> = None;
    let mut invoiced: Option<Written<String>> = None;
    let mut stated: Option<Written<String>> = None;
    let mut labels: Vec<(Label, &Cell)> = Vec::new();
    let mut stamps: Vec<Stamp> = Vec::new();
    // A label is a row's first cell with text, in whichever column (a column added to the
    // left moves it), and its value the next cell with text to its right.
    for row in grid.iter().take(header_at) {
        let Some(at) = row.iter().position(|c| !visible(&c.text).is_empty()) else {
            continue;
        };
        let Some(cell) = row.get(at) else { continue };
        // The decision and the deadlines, as written, to tell another year's form by: the
        // first of each (a repeated one is no question of which figures count).
        if let Some(kind) = stamp_of(&cell.text) {
            if let Some(value) = row
                .iter()
                .skip(at + 1)
                .find(|c| !visible(&c.text).is_empty())
                && !stamps.iter().any(|s| s.kind == kind)
            {
                stamps.push(Stamp {
                    kind,
                    label: visible(&cell.text).trim().to_string(),
                    value: Written {
                        value: visible(&value.text).trim().to_string(),
                        place: value.place.clone(),
                    },
                });
            }
            continue;
        }
        let Some(label) = label_of(&cell.text) else {
            continue;
        };
        // The question whether the invoice was sent, by the day to invoice by
        // (`Samlingsfaktura skickad senast 2025-08-30 (ja/nej)`): its label says that day.
        if label == Label::Invoiced
            && cell.text.chars().any(|c| c.is_ascii_digit())
            && !stamps.iter().any(|s| s.kind == StampKind::InvoicedBy)
        {
            stamps.push(Stamp {
                kind: StampKind::InvoicedBy,
                label: visible(&cell.text).trim().to_string(),
                value: Written {
                    value: String::new(),
                    place: cell.place.clone(),
                },
            });
        }
        if let Some(&(_, first)) = labels.iter().find(|(l, _)| *l == label) {
            layout.push(Written {
                value: Layout::RepeatedLabel {
                    label: cell.text.trim().to_string(),
                    first: line(&first.place),
                    second: line(&cell.place),
                    first_place: first.place.clone(),
                },
                place: cell.place.clone(),
            });
            continue;
        }
        labels.push((label, cell));
        let value = row
            .iter()
            .skip(at + 1)
            .find(|c| !visible(&c.text).is_empty())
            .or_else(|| row.get(at + 1))
            .map_or_else(
                || Written {
                    value: String::new(),
                    place: cell.place.clone(),
                },
                |c| Written {
                    value: visible(&c.text).to_string(),
                    place: c.place.clone(),
                },
            );
        match label {
            Label::Title => stated = Some(value),
            Label::Recipient => name = Some(value),
            Label::Code => code = Some(value).filter(|w| !w.value.is_empty()),
            Label::Invoiced => invoiced = Some(value),
        }
    }
    // The kommunkod names a kommun more surely than its name; a form without either names no
    // one, which is reported at its first cell.
    let first_cell = grid
        .iter()
        .flatten()
        .next()
        .map(|c| c.place.clone())
        .unwrap_or(Place {
            file: 0,
            at: At::Text(0..0),
        });
    // The Mottagare beside a Kommunkod must name the same kommun.
    let named = name
        .clone()
        .filter(|n| code.is_some() && !n.value.trim().is_empty());
    let recipient = code.or(name).unwrap_or(Written {
        value: String::new(),
        place: first_cell,
    });

    // The table's columns: up to its header's last, or as many fields as a CSV header row has.
    let width = header
        .iter()
        .rposition(|c| !c.text.trim().is_empty())
        .map_or(0, |i| i + 1);
    // A CSV quote never closed makes the rest of the file one field; one closed lines later
    // around what look like the form's rows hides them in a comment. Either way rows are lost.
    if let Some(delimiter) = delimiter {
        for (cell, quote) in grid
            .iter()
            .flatten()
            .filter_map(|c| c.quote.map(|q| (c, q)))
        {
            let opening = Place {
                file: cell.place.file,
                at: At::Text(quote.at..quote.at + 1),
            };
            let first = line(&opening);
            let value = if !quote.closed {
                Layout::UnclosedQuote { line: first }
            } else if cell
                .text
                .lines()
                .skip(1)
                .any(|l| l.split(delimiter).count() >= width.max(2))
            {
                Layout::QuotedRows {
                    line: first,
                    through: first + cell.text.matches('\n').count(),
                }
            } else {
                continue;
            };
            layout.push(Written {
                value,
                place: opening,
            });
        }
    }

    // The columns whose cells are read for the figures and for checking them (not the
    // comment's), as the workbook numbers them, and where the header row stands.
    let checked_columns: Vec<u32> = [Some(insats_col), text_col, received_col, Some(used_col)]
        .into_iter()
        .flatten()
        .filter_map(|i| header.get(i).map(|c| column_number(c, i)))
        .collect();
    let header_place = header.first().map(|c| c.place.clone());
    let header_line = header_place.as_ref().map_or(0, line);
    // The used column, as the workbook numbers it: what a total's formula must sum.
    let used_column = header.get(used_col).map(|c| column_number(c, used_col));
    // The line of the table's last row read (one with an insats or an amount used).
    let mut table_end = header_line;

    let mut rows = Vec::new();
    // The total rows (the workbook's sums). A subtotal sums the rows since the total before
    // it, a grand total all rows above it; the last total ends the table, and a row below it
    // is not one of the form's.
    let mut totals: Vec<Total> = Vec::new();
    let mut text_amounts = Vec::new();
    // Whether an amount used is a formula's: its value is what the spreadsheet last computed,
    // as stale as a total's when the workbook was not recalculated.
    let mut any_computed = false;
    let header_len = header.len();
    for mut row in grid.into_iter().skip(header_at + 1) {
        if row.iter().all(|c| c.text.trim().is_empty()) {
            continue;
        }
        // Another form pasted below this one: its title, a label of its header, or its
        // table's header row. Its rows are not this form's.
        if let Some(first) = row
            .iter()
            .find(|c| !visible(&c.text).is_empty())
            .or_else(|| row.first())
            && (label_of(&first.text).is_some_and(|l| l != Label::Invoiced) || is_header(&row))
        {
            layout.push(Written {
                value: Layout::SecondForm {
                    line: line(&first.place),
                },
                place: first.place.clone(),
            });
            break;
        }
        let at = |col: Option<usize>| col.and_then(|i| row.get(i));
        let insats = at(Some(insats_col));
        let insats_text = insats.map_or("", |c| c.text.trim());
        // A signature below the table (`Attesterad av;Anna Andersson`, `Datum;2027-01-10`): a
        // label where the table has its area, and no amount used or received, no description
        // and no comment. It carries no money and says nothing of a line: a note, as one above
        // the table is (tester s43: the name was taken for an insats). A row with a comment or
        // a description is a line's, whatever its area says (reviewer s43).
        let empty = |col: Option<usize>| at(col).is_none_or(|c| c.text.trim().is_empty());
        let labelled = row
            .iter()
            .take(insats_col)
            .any(|c| !c.text.trim().is_empty() && !matches!(c.amount(), Entry::Amount(_)));
        if labelled
            && [Some(used_col), received_col, text_col, comment_col]
                .into_iter()
                .all(empty)
        {
            continue;
        }
        // A row of the table names an insats or an amount used (a note below it does not).
        if let Some(first) = row.first()
            && (!insats_text.is_empty()
                || row.get(used_col).is_some_and(|c| !c.text.trim().is_empty()))
        {
            table_end = table_end.max(line(&first.place));
        }
        // A total row (the workbook's sums) names no insats and says so.
        let is_total = insats_text.is_empty()
            && row.iter().take(4).any(|c| {
                is_word(&c.text)
                    && matches!(
                        fold(&c.text).trim_end_matches(':'),
                        "totalt" | "total" | "summa" | "sum"
                    )
            });
        if is_total {
            // One without an amount used is a label, read past: it ends nothing.
            if let Some(cell) = row.get(used_col)
                && let stated = cell.amount()
                && stated != Entry::Empty
            {
                totals.push(Total {
                    stated: Written {
                        value: stated,
                        place: cell.place.clone(),
                    },
                    line: row.first().map(|c| line(&c.place)),
                    above: rows.len(),
                    summed: cell.formula.as_deref().and_then(summed),
                    subtotal: cell.formula.as_deref().is_some_and(is_subtotal),
                });
            }
            continue;
        }
        // Where a missing cell would be: the end of the row's last cell.
        let fallback = || {
            row.last().map_or_else(
                || recipient.place.clone(),
                |c| Place {
                    file: c.place.file,
                    at: match &c.place.at {
                        At::Text(span) => At::Text(span.end..span.end),
                        other => other.clone(),
                    },
                },
            )
        };
        // A value beyond the header's columns: in CSV, a delimiter in a field (`100,000`
        // unquoted) that shifts the fields after it.
        let beyond_at = row
            .iter()
            .skip(width)
            .position(|c| !c.text.trim().is_empty())
            .map(|i| width + i);
        let beyond = beyond_at.and_then(|i| row.get(i));
        let longer = delimiter.is_some() && row.len() > header_len;
        // In a file whose delimiter is no part of an amount (`;`, a tab), a value beyond the
        // table was most likely typed there (a note right of the table): told at it, by its
        // cell.
        let named = match (beyond, beyond_at, delimiter) {
            (Some(cell), Some(i), Some(d)) if d != ',' => Some(Beyond {
                text: cell.text.trim().to_string(),
                column: column_number(cell, i),
                line: line(&cell.place),
            }),
            _ => None,
        };
        // Else told at the row's first field in CSV, where the split may be anywhere in the
        // line; in a workbook, at the cell outside the table.
        let overflow = match (beyond, longer, delimiter) {
            (Some(cell), _, Some(_)) if named.is_some() => Some(cell),
            (Some(_), _, Some(_)) | (None, true, _) => row.first(),
            (Some(cell), _, None) => Some(cell),
            (None, false, _) => None,
        }
        .map(|cell| Written {
            value: Overflow {
                fields: if longer {
                    row.len()
                } else {
                    row.iter()
                        .rposition(|c| !c.text.trim().is_empty())
                        .map_or(0, |i| i + 1)
                },
                columns: if longer && named.is_none() {
                    header_len
                } else {
                    width
                },
                delimiter,
                beyond: named,
            },
            place: cell.place.clone(),
        });
        let used = match at(Some(used_col)) {
            Some(c) => {
                // A workbook's amount written as text: read, but left out of the
                // spreadsheet's own sum (a CSV form's cells are all text).
                let value = c.amount();
                if let (None, None, Entry::Amount(a), At::Cell { row, column, .. }) =
                    (delimiter, &c.stored, &value, &c.place.at)
                    && *a != Amount::ZERO
                {
                    text_amounts.push((*row, *column));
                }
                any_computed |= c.formula.is_some();
                Written {
                    value,
                    place: c.place.clone(),
                }
            }
            None => Written {
                value: Entry::Empty,
                place: fallback(),
            },
        };
        let received = received_col.map(|i| match row.get(i) {
            Some(c) => Written {
                value: c.amount(),
                place: c.place.clone(),
            },
            None => Written {
                value: Entry::Empty,
                place: fallback(),
            },
        });
        let comment = at(comment_col)
            .map(|c| c.text.trim().to_string())
            .filter(|c| !c.is_empty());
        let missing = fallback();
        // The texts are moved into the row read, not copied (its amounts are read above).
        let mut take = |i: usize| match row.get_mut(i) {
            Some(c) => Written {
                value: std::mem::take(&mut c.text),
                place: c.place.clone(),
            },
            None => Written {
                value: String::new(),
                place: missing.clone(),
            },
        };
        rows.push(UsageRow {
            recipient: recipient.clone(),
            insats: take(insats_col),
            text: text_col.map(&mut take),
            received,
            used,
            comment,
            overflow,
            below_total: None,
        });
    }
    // A range of cells merged over rows of the table: a spreadsheet keeps its value in its
    // first cell, so an amount meant for two rows would be booked to the first alone, and an
    // insats id to the first row only.
    if let Some(Place {
        file,
        at: At::Cell { sheet, .. },
    }) = &header_place
    {
        for &((top, left), (bottom, right)) in merged {
            let one = |n: u32| n.saturating_add(1);
            let (top, bottom, left, right) = (one(top), one(bottom), one(left), one(right));
            let (first, last) = (top as usize, bottom as usize);
            if last > first
                && last > header_line
                && first <= table_end
                && checked_columns.iter().any(|c| (left..=right).contains(c))
            {
                layout.push(Written {
                    value: Layout::Merged {
                        top,
                        left,
                        bottom,
                        right,
                    },
                    place: Place {
                        file: *file,
                        at: At::Cell {
                            row: top,
                            column: left,
                            sheet: *sheet,
                        },
                    },
                });
            }
        }
    }
    // The rows below the last total are outside the table it ends.
    if let Some(total) = totals.last() {
        for row in rows.iter_mut().skip(total.above) {
            row.below_total = total.line;
        }
    }
    // A total row is not counted, but one that disagrees with the rows leaves it unsure which
    // figures the recipient meant: one that is neither the sum of the rows since the total
    // before it (a subtotal) nor of all rows above it (a grand total). (Where a row's amount
    // cannot be read, that is told.)
    //
    // A total cell whose formula sums the used column's cells above it (the XLSX form's own
    // `SUM(E12:E14)`) is derived, not written: what it says is what the formula gives, the
    // numbers in its range (text left out, as the spreadsheet leaves it), not the value it
    // was last saved with, which a program that fills the cells without recalculating leaves
    // stale (`0`). Any other formula (`=E12+E13`, a range in another column or across
    // another total) is taken at the value the recipient last saw, as a value typed in is;
    // and so is the total when an amount used is itself a formula's, whose value may be as
    // stale: a total then derived from it would always agree with it, and a workbook never
    // recalculated would pass with amounts no one saw (tester s29 round 2 #1).
    let total_lines: Vec<usize> = totals.iter().filter_map(|t| t.line).collect();
    let derived = |summed: Summed, total_line: usize| -> Option<Option<Amount>> {
        let (first, last) = (summed.first as usize, summed.last as usize);
        let plain = Some(summed.column) == used_column
            && !any_computed
            && last < total_line
            && !total_lines.iter().any(|l| (first..=last).contains(l));
        if !plain {
            return None;
        }
        let mut sum = Some(Amount::ZERO);
        for row in &rows {
            let At::Cell {
                row: at, column, ..
            } = row.used.place.at
            else {
                return None;
            };
            if !(first..=last).contains(&(at as usize)) {
                continue;
            }
            sum = match (&row.used.value, sum) {
                (Entry::Amount(_), s) if text_amounts.contains(&(at, column)) => s,
                (Entry::Amount(a), Some(s)) => Some(s + *a),
                (Entry::Empty, s) => s,
                _ => None,
            };
        }
        Some(sum)
    };
    let sum = |rows: &[UsageRow]| {
        let mut sum = Some(Amount::ZERO);
        for row in rows {
            sum = match (&row.used.value, sum) {
                (Entry::Amount(a), Some(s)) => Some(s + *a),
                (Entry::Empty, s) => s,
                _ => None,
            };
        }
        sum
    };
    let mut since = 0;
    for total in &totals {
        let section = rows.get(since..total.above).and_then(sum);
        let all = rows.get(..total.above).and_then(sum);
        since = total.above;
        let stated = match (total.summed, total.line) {
            (Some(summed), Some(line)) => derived(summed, line),
            _ => None,
        };
        let stated = match (stated, &total.stated.value) {
            (Some(derived), _) => derived,
            (None, Entry::Amount(value)) => Some(*value),
            (None, _) => None,
        };
        if let Some(stated) = stated
            && section != Some(stated)
            && let Some(all) = all.filter(|&all| all != stated)
        {
            layout.push(Written {
                value: Layout::TotalRow {
                    stated,
                    rows: all,
                    text: text_amounts.clone(),
                    computed: any_computed && total.summed.is_some(),
                    subtotal: total.subtotal,
                },
                place: total.stated.place.clone(),
            });
        }
    }
    // The title row says the year (`Jämtlands län 2026`); a form without it is undated at its
    // start (one whose title has no year, the matching tells).
    let undated = match &stated {
        Some(_) => None,
        None => file_start.map(|place| crate::core::followup::Undated { place, form: true }),
    };
    Some(UsageFile {
        claims: vec![Claim {
            recipient: recipient.clone(),
            named,
            invoiced,
        }],
        rows,
        stated,
        undated,
        layout,
        stamps,
        form: true,
        copy_of: None,
        unchecked_formats: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_total_formula_that_sums_one_column_is_read() {
        let range = |column, first, last| {
            Some(Summed {
                column,
                first,
                last,
            })
        };
        assert_eq!(summed("SUM(E12:E14)"), range(5, 12, 14));
        assert_eq!(summed("=sum($E$12:$E$14)"), range(5, 12, 14));
        assert_eq!(summed("SUM(E14:E12)"), range(5, 12, 14));
        assert_eq!(summed("SUM(E12)"), range(5, 12, 12));
        assert_eq!(summed("of:=SUM([.E12:.E14])"), range(5, 12, 14));
        assert_eq!(summed("SUM(AA2:AA9)"), range(27, 2, 9));
        for other in [
            "E12+E13+E14",
            "SUM(E12:F14)",
            "SUM(E12:E14)*2",
            "SUM(E12:E14,E16)",
            "SUM(Blad2!E12:E14)",
            "SUBTOTAL(1,E12:E14)",
            "SUBTOTAL(9,E12:E14)",
            "SUBTOTAL(109;E12:E14)",
            "AVERAGE(E12:E14)",
            "SUM(E0:E4)",
            "181200",
            "",
        ] {
            assert_eq!(summed(other), None, "{other}");
        }
    }

    #[test]
    fn a_subtotal_is_told_in_every_spelling() {
        for subtotal in [
            "SUBTOTAL(109,E12:E14)",
            "=subtotal(9;$E$12:$E$14)",
            "of:=SUBTOTAL(109;[.E12:.E14])",
            " SUBTOTAL( 101 , E12:E14 )",
        ] {
            assert!(is_subtotal(subtotal), "{subtotal}");
        }
        for other in ["SUM(E12:E14)", "E12+E13", "SUMSUBTOTAL(9,E1)", ""] {
            assert!(!is_subtotal(other), "{other}");
        }
    }

    #[test]
    fn an_amount_header_names_its_unit() {
        use crate::core::followup::other_unit;
        let unit = |h: &str| unit_of(h);
        assert_eq!(unit("Använt (kr)").as_deref(), Some("kr"));
        assert_eq!(unit("Använt (tkr)").as_deref(), Some("tkr"));
        assert_eq!(unit("Använt [Mkr]").as_deref(), Some("Mkr"));
        assert_eq!(unit("Använt i öre").as_deref(), Some("öre"));
        assert_eq!(unit("Used in thousands").as_deref(), Some("thousands"));
        assert_eq!(unit("Använt"), None);
        assert_eq!(unit("Använt:"), None);
        assert_eq!(unit("Använt (t kr) 2026").as_deref(), Some("t kr"));
        assert_eq!(unit("Använt belopp (kr").as_deref(), Some("kr"));
        // Words without brackets are a unit only when they speak of money or scale.
        assert_eq!(unit("Använt belopp"), None);
        assert_eq!(unit("Använt totalt"), None);
        assert_eq!(unit("Använt tkr").as_deref(), Some("tkr"));
        assert_eq!(unit("Använt kronor").as_deref(), Some("kronor"));
        assert_eq!(unit("Använt i euro").as_deref(), Some("euro"));
        assert_eq!(unit("Använt 000 kr").as_deref(), Some("000 kr"));
        assert_eq!(unit("Använt belopp (tkr)").as_deref(), Some("tkr"));
        // The column's noun is no unit; the kronor after it are.
        for kronor in [
            "Använt belopp, kr",
            "Använt belopp kr",
            "Använt belopp i kr",
            "Använt belopp, kronor",
            "Använt belopp, SEK",
            "Used amount, SEK",
            "Used amount in kr",
        ] {
            assert!(unit(kronor).is_some_and(|u| !other_unit(&u)), "{kronor}");
        }
        assert_eq!(unit("Använt belopp i tkr").as_deref(), Some("tkr"));
        assert_eq!(
            unit("Använt belopp, tusental kr").as_deref(),
            Some("tusental kr")
        );
        assert_eq!(unit("Used amount (EUR)").as_deref(), Some("EUR"));
        // Everything after the word: after the kronor's bracket, after `/` and `_`.
        assert_eq!(unit("Använt (kr) i tkr").as_deref(), Some("tkr"));
        assert_eq!(unit("Använt (kr) (tkr)").as_deref(), Some("tkr"));
        assert_eq!(unit("Använt (kr), tkr").as_deref(), Some("tkr"));
        assert_eq!(unit("Använt (kr) [tkr]").as_deref(), Some("tkr"));
        assert_eq!(unit("Använt (kr) i tusental").as_deref(), Some("tusental"));
        assert_eq!(unit("Använt (kr) x 1000").as_deref(), Some("x 1000"));
        assert_eq!(unit("Använt (kr) i euro").as_deref(), Some("euro"));
        assert_eq!(unit("Använt/tkr").as_deref(), Some("tkr"));
        assert_eq!(unit("Använt_tkr").as_deref(), Some("tkr"));
        assert_eq!(unit("Använt/kr").as_deref(), Some("kr"));
        assert_eq!(unit("Använt (kr) 2026").as_deref(), Some("kr"));
        assert_eq!(unit("Använt (kr) (inkl. moms)").as_deref(), Some("kr"));
        assert_eq!(unit("Använt (inkl. moms)").as_deref(), Some("inkl. moms"));
        // Anything but kronor is another unit, whether or not a list knows it.
        for other in [
            "tkr",
            "Mkr",
            "öre",
            "TSEK",
            "thousands",
            "%",
            "tusentals kr",
            "t kr",
            "000 kr",
            "'000 kr",
            "1000-tal kr",
            "T SEK",
            "€",
            "$",
            "NOK",
            "andel",
            "kr, tusental",
            "kr/1000",
            "belopp",
            "t.o.m. 31/12",
        ] {
            assert!(other_unit(other), "{other}");
        }
        for kronor in [
            "kr",
            "Kr.",
            "kronor",
            "SEK",
            ":-",
            "i kr",
            "svenska kronor",
            "kr, inkl. moms",
            "SEK exkl moms",
        ] {
            assert!(!other_unit(kronor), "{kronor}");
        }
    }
}
