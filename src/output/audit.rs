//! The audit of `allocate split`, rendered: a table per step for people, CSV and JSON for other
//! programs (figures as exact decimal strings, a point as decimal mark, no grouping).

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ContentArrangement, Table};
use std::io::Write;
use std::ops::Range;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::core::audit::{Audit, KeyFileInfo, KeySource, Step, StepKind, Weighing};
use crate::core::money::Amount;
use crate::core::population::Combined;
use crate::output::csv::Dialect;
use crate::output::grid::{self, Align, Grid, cell};
use crate::output::lang::Lang;
use crate::output::number::{self, fixed, percent};
use crate::output::sheet::{RowSink, Sheet, Value, Words};
use crate::output::text::{short, visible, wrap};
use crate::output::words::key_file::format_name;
use crate::say;

/// The key's source, one line per fact: file, column, encoding; or plan key and its source.
fn source_lines(source: &KeySource, lang: Lang) -> Vec<String> {
    match source {
        KeySource::File(info) => file_lines(info, lang),
        KeySource::Plan {
            plan,
            key,
            title,
            from,
            file,
        } => {
            let title = title
                .as_deref()
                .map(|t| format!(": {t}"))
                .unwrap_or_default();
            let mut lines = vec![format!("`{key}` ({plan}){title}")];
            if let Some((from, file)) = from {
                lines.push(say!(
                    lang,
                    "procent ur `{from}`",
                    "percentages from `{from}`"
                ));
                lines.extend(file.iter().flat_map(|f| file_lines(f, lang)));
            }
            lines.extend(file.iter().flat_map(|f| file_lines(f, lang)));
            lines
        }
    }
}

fn file_lines(info: &KeyFileInfo, lang: Lang) -> Vec<String> {
    let (path, column) = (info.path.display(), &info.column);
    // The format (encoding and delimiter, or sheet) stays on one line when the line is filled
    // to the terminal's width.
    let how = format!("({})", format_name(&info.format, lang)).replace(' ', "\u{a0}");
    let mut line = if column.is_empty() {
        format!("{path} {how}")
    } else {
        say!(
            lang,
            "{path}, kolumn \"{column}\" {how}",
            "{path}, column \"{column}\" {how}"
        )
    };
    if let Some(title) = &info.title {
        line.push_str(&format!(": {title}"));
    }
    let mut lines = vec![line];
    if info.by_name {
        lines.push(
            lang.pick(
                "kommunerna anges med namn utan kod",
                "the kommuner are named without codes",
            )
            .to_string(),
        );
    }
    if !info.counties.is_empty() {
        let n = info.counties.len();
        let each: Vec<String> = info
            .counties
            .iter()
            .map(|(county, k)| format!("{county} ({})", kommuner(*k)))
            .collect();
        let each = each.join(", ");
        lines.push(say!(
            lang,
            "kommunerna ligger i {n} län, efter kommunkodernas två första siffror: {each}",
            "the kommuner lie in {n} counties, by the first two digits of their kommunkoder: {each}"
        ));
    }
    let unnamed = lang.pick("(kolumn utan rubrik)", "(column without a header)");
    for combined in &info.combined {
        lines.push(match combined {
            Combined::Summed { column, values } => {
                let column = if column.is_empty() { unnamed } else { column };
                // Many values (ages one by one): the first few, the last and how many.
                let values = match values.as_slice() {
                    [first, second, third, .., last] if values.len() > 6 => {
                        let n = values.len();
                        say!(
                            lang,
                            "{first}, {second}, {third}, …, {last}: {n} värden",
                            "{first}, {second}, {third}, …, {last}: {n} values"
                        )
                    }
                    _ => values.join(", "),
                };
                say!(
                    lang,
                    "raderna per {column} ({values}) summeras per kommun",
                    "the rows per {column} ({values}) are summed per kommun"
                )
            }
            Combined::TotalOnly {
                column,
                value,
                others,
            } => {
                let column = if column.is_empty() { unnamed } else { column };
                say!(
                    lang,
                    "{column}: bara \"{value}\" läses; {others} andra värden lämnas utanför",
                    "{column}: only \"{value}\" is read; {others} other values are left out"
                )
            }
        });
    }
    // The file's rows told, in file order.
    let mut rows: Vec<(usize, String)> = Vec::new();
    for total in &info.totals {
        let (row, label) = (total.line, &total.label);
        let stated = number::count(total.stated, lang);
        rows.push((
            row,
            if total.stated == total.computed {
                say!(
                    lang,
                    "rad {row}: \"{label}\" {stated} = kommunradernas summa",
                    "line {row}: \"{label}\" {stated} = the sum of the kommun rows"
                )
            } else {
                let computed = number::count(total.computed, lang);
                say!(
                    lang,
                    "rad {row}: \"{label}\" {stated} ≠ kommunradernas summa {computed}",
                    "line {row}: \"{label}\" {stated} ≠ the sum of the kommun rows {computed}"
                )
            },
        ));
    }
    for (row, label) in &info.unvalued_totals {
        rows.push((*row, say!(
            lang,
            "rad {row}: \"{label}\" saknar värde och jämförs inte med kommunradernas summa",
            "line {row}: \"{label}\" has no value and is not compared with the sum of the kommun rows"
        )));
    }
    for (row, region) in &info.other_regions {
        rows.push((
            *row,
            say!(
                lang,
                "rad {row}: \"{region}\" är inte en kommun och räknas inte med",
                "line {row}: \"{region}\" is not a kommun and is left out"
            ),
        ));
    }
    rows.sort_by_key(|(row, _)| *row);
    lines.extend(rows.into_iter().map(|(_, line)| line));
    lines
}

/// A weight: a count, or a percentage with `decimals` decimals.
fn weight_text(w: Decimal, weighing: Weighing, decimals: u32, lang: Lang) -> String {
    match weighing {
        Weighing::Counts => fixed(w, 0, lang),
        Weighing::Percent => percent(w, decimals, lang),
    }
}

/// The audit for people: the split, the key, a table per step and how it is computed, laid
/// out for a terminal `width` columns wide: prose filled to the width, and each table made
/// compact (no borders, no padding) when it would not fit.
pub fn table(audit: &Audit, lang: Lang, width: u16, out: &mut dyn Write) -> std::io::Result<()> {
    let columns = usize::from(width);
    let mut text = String::new();
    let amount = lang.amount(audit.amount);
    let unit = lang.amount(audit.unit);
    let rounded = crate::output::words::findings::whole_units(audit.unit, lang);
    text.push_str(&say!(
        lang,
        "Fördelning av {amount}, avrundat till {rounded}\n",
        "Split of {amount}, rounded to {rounded}\n"
    ));
    for (i, line) in source_lines(&audit.source, lang).iter().enumerate() {
        let label = if i == 0 {
            lang.pick("Nyckel: ", "Key: ")
        } else {
            "        "
        };
        // The label stays with the file's name.
        let label = label.replace(' ', "\u{a0}");
        // Names, titles and values from the key file are shown as every text from a file is
        // (`<U+001B>`), so a file cannot clear the screen or retitle the window.
        let line = visible(line);
        text.push_str(&wrap(&format!("{label}{line}"), columns, "", "        "));
        text.push('\n');
    }
    let mut number = 0;
    for step in &audit.steps {
        text.push('\n');
        let title = match step.kind {
            StepKind::Percentages(precision) => {
                number += 1;
                let precision = crate::output::words::findings::decimals(precision, lang);
                say!(
                    lang,
                    "{number}. Befolkningen som procent med {precision} (största rest, så att summan blir exakt 100 %)",
                    "{number}. The population as percentages with {precision} (largest remainder, so they sum to exactly 100 %)"
                )
            }
            // How many kommuner share the money, so that one missing from the file shows.
            StepKind::Split { derived: true } => {
                number += 1;
                let kommuner = kommuner(step.parts.len());
                say!(
                    lang,
                    "{number}. {amount} efter procentsatserna, över {kommuner}",
                    "{number}. {amount} by the percentages, over {kommuner}"
                )
            }
            StepKind::Split { derived: false } => {
                number += 1;
                let kommuner = kommuner(step.parts.len());
                say!(
                    lang,
                    "{number}. {amount} efter nyckeln, över {kommuner}",
                    "{number}. {amount} by the key, over {kommuner}"
                )
            }
            StepKind::ByCounts => say!(
                lang,
                "Jämförelse: {amount} efter befolkningstalen direkt (inte avtalets regel om avtalet anger procent)",
                "Comparison: {amount} by the population counts directly (not the rule if the agreement states percentages)"
            ),
        };
        text.push_str(&wrap(&title, columns, "", "   "));
        text.push('\n');
        let table = StepText::new(audit, step, lang);
        if step.parts.len() <= FITTED_ROWS {
            text.push_str(&table.fitted(width));
            text.push('\n');
        } else {
            out.write_all(text.as_bytes())?;
            text.clear();
            table.write_rows(out)?;
        }
    }
    text.push('\n');
    let leftover = audit.leftover;
    // Kept on one line when the text is wrapped: `5 001`.
    let units = number::grouped(leftover, lang).replace(' ', "\u{a0}");
    // "De 3 enheter som då blir över", "Den 1 enhet som då blir över".
    let (left_sv, left_en) = if leftover.is_zero() {
        (
            "Här blir ingen enhet över.".to_string(),
            "Here no unit is left over.".to_string(),
        )
    } else if leftover == rust_decimal::Decimal::ONE {
        (
            "Den 1 enhet som då blir över går till kommunen med störst rest (kolumnen Ordning, 1);"
                .to_string(),
            "The 1 unit then left over goes to the kommun with the largest remainder (column Order, 1);"
                .to_string(),
        )
    } else {
        (
            format!(
                "De {units} enheter som då blir över fördelas en i taget till kommunerna med störst rest, i turordning (kolumnen Ordning, 1 först);"
            ),
            format!(
                "The {units} units then left over go one at a time to the kommuner with the largest remainders, in turn (column Order, 1 first);"
            ),
        )
    };
    // A file without kommunkoder names its kommuner only: ties go by name.
    let by_name = audit.kommuner.iter().all(|(code, _)| code.is_empty());
    let (then_sv, then_en) = match by_name {
        true => (
            "den vars namn kommer först i bokstavsordning",
            "the name first in alphabetical order",
        ),
        false => ("den med lägst kommunkod", "the lower kommunkod"),
    };
    let (ties_sv, ties_en) = match leftover.is_zero() {
        true => (String::new(), String::new()),
        false => (
            format!(" vid lika rest går den med störst vikt först, sedan {then_sv}."),
            format!(" on equal remainders the larger weight goes first, then {then_en}."),
        ),
    };
    let how = say!(
        lang,
        "Så räknas det: varje kommun får först de hela enheter ({unit}) som dess exakta kvot rymmer (nedrundat).\n\
         {left_sv}{ties_sv} Delarna summerar alltid\n\
         exakt till beloppet, och ingen kommun hamnar en hel enhet eller mer från sin exakta kvot.\n",
        "How it works: each kommun first gets the whole units ({unit}) its exact share holds (rounded down).\n\
         {left_en}{ties_en} The parts\n\
         always sum exactly to the amount, and no kommun ends up a whole unit or more from its exact share.\n"
    );
    let how = how.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
    text.push_str(&wrap(&how, columns, "", ""));
    text.push('\n');
    out.write_all(text.as_bytes())
}

/// The most characters of a kommun's code and name a table shows (`2380 Östersund`): a longer
/// name from a file is cut (`…`), so one name cannot widen every row of the table.
const KOMMUN_CHARS: usize = 40;

/// The most kommuner a step's table is fitted to the terminal for; a larger one is written a
/// row at a time at its natural width.
const FITTED_ROWS: usize = 10_000;

/// Marks where a column header may be hyphenated when it has to go over two lines.
const SOFT_HYPHEN: char = '\u{ad}';

/// A table as is when it fits `width`, else compact: only the header line and the column
/// separators, no padding, so that the figures still stand on one line each. When even the
/// compact table is too wide, headers wider than their column's figures go over two lines
/// (at a space, or hyphenated where `header` marks it with a soft hyphen), so that the
/// column is only as wide as its figures.
fn fit(mut table: Table, header: &[String], width: u16) -> String {
    let fits = |text: &str| text.lines().all(|l| grid::width(l) <= usize::from(width));
    let natural = table.to_string();
    if fits(&natural) {
        return natural;
    }
    // Only the header line and the column separators.
    table.load_preset("     ═╪ ┆          ");
    for column in table.column_iter_mut() {
        column.set_padding((0, 0));
    }
    // Without a right border, a row whose last cells are empty would end in spaces.
    let compact = without_trailing_spaces(&table.to_string());
    if fits(&compact) {
        return compact;
    }
    let mut figures = vec![0; header.len()];
    for row in table.row_iter() {
        for (widest, cell) in figures.iter_mut().zip(row.cell_iter()) {
            *widest = (*widest).max(grid::width(&cell.content()));
        }
    }
    let two_line_header: Vec<String> = header
        .iter()
        .zip(&figures)
        .map(|(header, &figures)| {
            let whole = whole_header(header);
            match two_lines(header) {
                Some((first, second))
                    if grid::width(&first).max(grid::width(&second)).max(figures)
                        < grid::width(&whole).max(figures) =>
                {
                    format!("{first}\n{second}")
                }
                _ => whole,
            }
        })
        .collect();
    table.set_header(two_line_header);
    without_trailing_spaces(&table.to_string())
}

/// Each line of `text` without the spaces at its end.
fn without_trailing_spaces(text: &str) -> String {
    text.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A header on one line: without its hyphenation marks.
fn whole_header(header: &str) -> String {
    header.replace(SOFT_HYPHEN, "")
}

/// A header over two lines, broken at the space or marked hyphenation point that leaves the
/// longer line shortest; `None` when it cannot be broken.
fn two_lines(header: &str) -> Option<(String, String)> {
    header
        .char_indices()
        .filter(|&(_, c)| c == ' ' || c == SOFT_HYPHEN)
        .map(|(at, c)| {
            let (first, second) = (&header[..at], &header[at + c.len_utf8()..]);
            let first = if c == SOFT_HYPHEN {
                format!("{}-", whole_header(first))
            } else {
                whole_header(first)
            };
            (first, whole_header(second))
        })
        .min_by_key(|(first, second)| grid::width(first).max(grid::width(second)))
}

/// The texts of one step's table: its header (with hyphenation points marked, see [`fit`]),
/// a row per kommun and the sum row, made a row at a time.
struct StepText<'a> {
    audit: &'a Audit,
    step: &'a Step,
    lang: Lang,
    header: Vec<String>,
    result_decimals: u32,
    exact_decimals: u32,
    weight_decimals: u32,
    unit_text: String,
}

impl<'a> StepText<'a> {
    fn new(audit: &'a Audit, step: &'a Step, lang: Lang) -> StepText<'a> {
        let is_percent = step.is_percent();
        let result_decimals = match step.kind {
            StepKind::Percentages(p) => p,
            // Amounts in the unit's decimals: none for kronor, one for tenths (0,1 kr).
            _ => step.unit.normalize().scale(),
        };
        // The one unit a kommun is given on top of its floor: `+1 kr`, `+0,01 %`.
        let unit_text = if is_percent {
            number::Style::plain(lang).signed_percent(step.unit, result_decimals)
        } else {
            number::change(Amount(step.unit), lang)
        };
        let weight_header = match step.weighing {
            Weighing::Counts => lang.pick("Befolk\u{ad}ning", "Popu\u{ad}lation"),
            Weighing::Percent => lang.pick("Andel", "Share"),
        };
        let mut header = vec![
            "Kommun".to_string(),
            weight_header.to_string(),
            if is_percent {
                lang.pick("Exakt andel", "Exact share")
            } else {
                lang.pick("Exakt kvot", "Exact share")
            }
            .to_string(),
            lang.pick("Ned\u{ad}run\u{ad}dat", "Rounded down")
                .to_string(),
            lang.pick("Rest", "Remain\u{ad}der").to_string(),
            lang.pick("Ord\u{ad}ning", "Order").to_string(),
            unit_text.clone(),
            if is_percent {
                lang.pick("Procent", "Percent")
            } else {
                lang.pick("Belopp", "Amount")
            }
            .to_string(),
        ];
        if step.difference.is_some() {
            header.push(
                lang.pick("Skillnad mot 2.", "Difference from 2.")
                    .to_string(),
            );
        }
        StepText {
            audit,
            step,
            lang,
            header,
            result_decimals,
            // Shares are shown to four more decimals than the result, enough to see the
            // ranking.
            exact_decimals: result_decimals + 4,
            // Percentages are shown with as many decimals as the key writes them with.
            weight_decimals: step
                .parts
                .iter()
                .map(|p| p.weight.scale())
                .max()
                .unwrap_or(0),
            unit_text,
        }
    }

    fn show(&self, d: Decimal, decimals: u32) -> String {
        if self.step.is_percent() {
            percent(d, decimals, self.lang)
        } else {
            fixed(d, decimals, self.lang)
        }
    }

    fn result(&self, a: Amount) -> String {
        if self.step.is_percent() {
            percent(a.0, self.result_decimals, self.lang)
        } else {
            self.lang.amount(a)
        }
    }

    fn weight(&self, w: Decimal) -> String {
        weight_text(w, self.step.weighing, self.weight_decimals, self.lang)
    }

    /// The row of the `i`th kommun.
    fn row(&self, i: usize) -> Vec<String> {
        let (Some((code, name)), Some(part)) = (self.audit.kommuner.get(i), self.step.parts.get(i))
        else {
            return Vec::new();
        };
        let mut row = vec![
            short(&format!("{code} {name}"), KOMMUN_CHARS),
            self.weight(part.weight),
            self.show(part.quota, self.exact_decimals),
            self.show(part.floor.0, self.result_decimals),
            self.show(part.remainder(), self.exact_decimals),
            number::count(part.rank as u64, self.lang),
            if part.got_extra_unit {
                self.unit_text.clone()
            } else {
                String::new()
            },
            self.result(part.amount),
        ];
        if let Some(diff) = self.step.difference.as_ref().and_then(|d| d.get(i)) {
            row.push(number::signed(*diff, self.lang));
        }
        row
    }

    fn sum_row(&self) -> Vec<String> {
        let parts = &self.step.parts;
        let weights: Decimal = parts.iter().map(|p| p.weight).sum();
        let floors: Decimal = parts.iter().map(|p| p.floor.0).sum();
        let total: Amount = parts.iter().map(|p| p.amount).sum();
        let extra = parts.iter().filter(|p| p.got_extra_unit).count();
        let mut row = vec![
            self.lang.pick("Summa", "Total").to_string(),
            self.weight(weights),
            self.show(total.0, self.exact_decimals),
            self.show(floors, self.result_decimals),
            String::new(),
            String::new(),
            format!(
                "{} × {}",
                number::count(extra as u64, self.lang),
                self.unit_text.trim_start_matches('+')
            ),
            self.result(total),
        ];
        if let Some(diff) = &self.step.difference {
            let sum: Amount = diff.iter().sum();
            row.push(number::signed(sum, self.lang));
        }
        row
    }

    /// The table, fitted to `width` (see [`fit`]).
    fn fitted(&self, width: u16) -> String {
        let mut table = Table::new();
        table
            .load_preset(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Disabled)
            .set_header(
                self.header
                    .iter()
                    .map(|h| whole_header(h))
                    .collect::<Vec<_>>(),
            );
        for i in 0..self.step.parts.len() {
            table.add_row(self.row(i));
        }
        table.add_row(self.sum_row());
        for i in 1..self.header.len() {
            if let Some(column) = table.column_mut(i) {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
        fit(table, &self.header, width)
    }

    /// The table at its natural width, written a row at a time as it is made: a key file
    /// may name millions of kommuner, too many to hold as a table or fit to a terminal.
    fn write_rows(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let header: Vec<String> = self.header.iter().map(|h| whole_header(h)).collect();
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        let mut align = vec![Align::Right; header.len()];
        if let Some(first) = align.first_mut() {
            *first = Align::Left;
        }
        let mut grid = Grid::new(&header, &align, false);
        let rows = (0..self.step.parts.len()).map(|i| self.row(i));
        for row in rows.chain([self.sum_row()]) {
            grid.fit_row(&row.iter().map(|t| cell(t)).collect::<Vec<_>>());
        }
        grid.head(out)?;
        let rows = (0..self.step.parts.len()).map(|i| self.row(i));
        for row in rows.chain([self.sum_row()]) {
            grid.row(out, &row.iter().map(|t| cell(t)).collect::<Vec<_>>())?;
        }
        grid.foot(out)
    }
}

fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

/// One row of the audit as CSV and JSON write it.
#[derive(Serialize)]
struct Row<'a> {
    step: &'static str,
    code: &'a str,
    kommun: &'a str,
    weight: String,
    quota: String,
    floor: String,
    remainder: String,
    rank: usize,
    extra_unit: bool,
    result: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    difference: Option<String>,
}

fn rows<'a>(audit: &'a Audit, step: &'a Step) -> impl Iterator<Item = Row<'a>> + 'a {
    audit
        .kommuner
        .iter()
        .zip(&step.parts)
        .enumerate()
        .map(move |(i, ((code, name), p))| Row {
            step: step.kind.id(),
            code,
            kommun: name,
            weight: plain(p.weight),
            quota: plain(p.quota),
            floor: plain(p.floor.0),
            remainder: plain(p.remainder()),
            rank: p.rank,
            extra_unit: p.got_extra_unit,
            result: plain(p.amount.0),
            difference: step
                .difference
                .as_ref()
                .and_then(|d| d.get(i))
                .map(|d| plain(d.0)),
        })
}

/// The audit as CSV: one row per step and kommun, in the dialects of `export`: for Swedish
/// Excel (`;`, BOM, decimal comma, headers and values in `lang`) or for machines (`,`,
/// decimal point, the fixed `snake_case` headers and ids below). The rows are made as they
/// are written, never held: a key file may name millions of kommuner.
pub fn csv(audit: Audit, dialect: Dialect, lang: Lang, out: impl Write) -> std::io::Result<()> {
    let words = match dialect {
        Dialect::Excel => Words::from(lang),
        Dialect::Rfc4180 => Words::Machine,
    };
    let headers = [
        ("Steg", "Step", "step"),
        ("Kommunkod", "Kommunkod", "code"),
        ("Kommun", "Kommun", "kommun"),
        ("Vikt", "Weight", "weight"),
        // The words of the table on the screen.
        ("Exakt kvot", "Exact share", "quota"),
        ("Nedrundat", "Rounded down", "floor"),
        ("Rest", "Remainder", "remainder"),
        ("Ordning", "Order", "rank"),
        ("Extra enhet", "Extra unit", "extra_unit"),
        ("Resultat", "Result", "result"),
        ("Skillnad", "Difference", "difference"),
    ]
    .iter()
    .map(|(sv, en, machine)| words.pick(sv, en, machine).to_string())
    .collect();
    let kommuner = audit.kommuner.len();
    let len = kommuner * audit.steps.len();
    let rows = move |range: Range<usize>, each: &mut RowSink| {
        let mut row = Vec::with_capacity(11);
        for at in range {
            let (Some(step), Some(i)) = (
                at.checked_div(kommuner).and_then(|s| audit.steps.get(s)),
                at.checked_rem(kommuner),
            ) else {
                continue;
            };
            let (Some((code, kommun)), Some(p)) = (audit.kommuner.get(i), step.parts.get(i)) else {
                continue;
            };
            let step_word = match step.kind {
                StepKind::Percentages(_) => {
                    words.pick("procentsatser", "percentages", "percentages")
                }
                StepKind::Split { .. } => words.pick("fördelning", "split", "split"),
                StepKind::ByCounts => words.pick("efter antal", "by counts", "by-counts"),
            };
            row.clear();
            row.extend([
                Value::Text(step_word.into()),
                Value::Code(code.as_str().into()),
                Value::Text(kommun.as_str().into()),
                Value::Decimal(p.weight),
                Value::Decimal(p.quota),
                Value::Decimal(p.floor.0),
                Value::Decimal(p.remainder()),
                Value::Number(u32::try_from(p.rank).unwrap_or(u32::MAX)),
                Value::Text(
                    if p.got_extra_unit {
                        words.pick("ja", "yes", "true")
                    } else {
                        words.pick("nej", "no", "false")
                    }
                    .into(),
                ),
                Value::Decimal(p.amount.0),
                step.difference
                    .as_ref()
                    .and_then(|d| d.get(i))
                    .map_or(Value::Empty, |d| Value::Decimal(d.0)),
            ]);
            each(&row);
        }
    };
    let sheet = Sheet::lazy("split", headers, Vec::new(), len, rows);
    crate::output::csv::write_to(&sheet, dialect, out)
}

/// The audit as JSON, written as it is made; figures are decimal strings so they stay exact.
pub fn json(audit: &Audit, out: impl Write) -> std::io::Result<()> {
    /// A step's rows, made as they are written.
    struct Parts<'a>(&'a Audit, &'a Step);
    impl Serialize for Parts<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(rows(self.0, self.1))
        }
    }
    #[derive(Serialize)]
    struct StepDoc<'a> {
        step: &'static str,
        result_is_percent: bool,
        unit: String,
        parts: Parts<'a>,
    }
    #[derive(Serialize)]
    struct KeyDoc {
        source: String,
        column: Option<String>,
    }
    #[derive(Serialize)]
    struct Doc<'a> {
        amount: String,
        unit: String,
        key: KeyDoc,
        steps: Vec<StepDoc<'a>>,
    }
    let key = match &audit.source {
        KeySource::File(info) => KeyDoc {
            source: info.path.display().to_string(),
            column: Some(info.column.clone()),
        },
        KeySource::Plan {
            key, from, file, ..
        } => KeyDoc {
            source: key.clone(),
            column: file
                .as_ref()
                .or(from.as_ref().and_then(|(_, f)| f.as_ref()))
                .map(|f| f.column.clone()),
        },
    };
    let doc = Doc {
        amount: plain(audit.amount.0),
        unit: plain(audit.unit.0),
        key,
        steps: audit
            .steps
            .iter()
            .map(|step| StepDoc {
                step: step.kind.id(),
                result_is_percent: step.is_percent(),
                unit: plain(step.unit),
                parts: Parts(audit, step),
            })
            .collect(),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, &doc)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// `8 kommuner`, `1 kommun`: "kommun" and "kommuner" in English too, as everywhere.
fn kommuner(count: usize) -> String {
    match count {
        1 => "1 kommun".to_string(),
        n => format!("{n} kommuner"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_goes_over_two_lines_where_the_longer_line_is_shortest() {
        let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(two_lines("Ned\u{ad}run\u{ad}dat"), pair("Ned-", "rundat"));
        assert_eq!(two_lines("Skillnad mot 2."), pair("Skillnad", "mot 2."));
        assert_eq!(two_lines("Exakt kvot"), pair("Exakt", "kvot"));
        assert_eq!(two_lines("Rest"), None);
        assert_eq!(whole_header("Ord\u{ad}ning"), "Ordning");
    }
}
