//! `allocate split AMOUNT --key FILE` or `--plan PLAN --key ID`: split an amount over the
//! kommuner for an ad-hoc question, and show the working so anyone can audit why a kommun got
//! one krona more: each kommun's weight, exact quota, floor, remainder, rank and final amount.
//!
//! When the key is population counts and a precision is asked for (`--precision 2`, or a plan
//! key derived with `from`), the audit has three tables: the counts turned into percentages
//! (themselves by largest remainder, so they sum to exactly 100), the amount split by those
//! percentages, and for comparison the amount split by the counts directly.

use std::io::Write;
use std::path::PathBuf;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use clap::Args;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::app::cli::{Common, Status};
use crate::core::check::check;
use crate::core::finding::Severity;
use crate::core::money::Amount;
use crate::core::plan::KeyKind;
use crate::core::resolve::Resolved;
use crate::core::split::{self, MAX_PRECISION, Part, SplitError};
use crate::input::scb::{self, KeyFile, Mismatch, ScbError};
use crate::output::diagnostic::{Style, render_finding};
use crate::output::lang::Lang;

#[derive(Debug, Args)]
pub struct SplitArgs {
    /// The amount in whole kronor: 3202124, 3_202_124 or "3 202 124".
    #[arg(value_name = "AMOUNT", value_parser = parse_amount)]
    pub amount: Amount,
    /// An SCB population file (CSV as downloaded), or with --plan the id of one of its keys.
    #[arg(long, value_name = "FILE|ID")]
    pub key: String,
    /// A plan whose kommuner and keys to use.
    #[arg(long, value_name = "PLAN")]
    pub plan: Option<PathBuf>,
    /// The year column of the key file, when it has several ("2024").
    #[arg(long, value_name = "YEAR", conflicts_with = "plan")]
    pub column: Option<String>,
    /// Rounding unit in kronor: 1, 100, … (default 1, or the plan's unit).
    #[arg(long, value_name = "KR", value_parser = clap::value_parser!(u32).range(1..))]
    pub unit: Option<u32>,
    /// Turn population counts into percentages with this many decimals first and split by
    /// those; the audit then also shows the split by the counts themselves.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=i64::from(MAX_PRECISION)))]
    pub precision: Option<u32>,
    /// Output: a table for people, or csv/json for other programs.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
}

/// Reads "3 202 124", "3_202_124", "3202124" or "3202124 kr" as whole kronor.
fn parse_amount(text: &str) -> Result<Amount, String> {
    let trimmed = text.trim();
    let trimmed = trimmed.strip_suffix("kr").unwrap_or(trimmed);
    let digits: String = trimmed
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '\u{a0}' | '\u{202f}'))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!(
            "\"{text}\" is not an amount in whole kronor (write e.g. 3202124 or \"3 202 124\")"
        ));
    }
    digits
        .parse::<i64>()
        .map(Amount::kr)
        .map_err(|_| format!("\"{text}\" is too large"))
}

/// What the kommuner are weighed by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Weighing {
    Counts,
    Percent,
}

/// Where the key came from, for the heading.
struct KeyInfo {
    /// One line per fact: file, column, encoding; or plan key and its source.
    lines: Vec<String>,
    /// For csv/json: file path or key id, column.
    source: String,
    column: Option<String>,
}

/// One table of the audit: one largest-remainder split.
struct Step {
    /// `percentages`, `split` or `by-counts`.
    id: &'static str,
    weighing: Weighing,
    /// `Some(precision)` when the results are percentages, not kronor.
    percent_result: Option<u32>,
    unit: Decimal,
    parts: Vec<Part>,
    /// For the comparison: each kommun's difference from the main split.
    difference: Option<Vec<Amount>>,
}

struct Audit {
    amount: Amount,
    unit: Amount,
    key: KeyInfo,
    /// (kommunkod, name) in order.
    kommuner: Vec<(String, String)>,
    steps: Vec<Step>,
    leftover_note: String,
}

pub fn run(args: &SplitArgs, out: &mut dyn Write) -> std::io::Result<Status> {
    let style = args.common.style();
    let lang = style.lang;
    let input = match &args.plan {
        None => from_file(args, style, out)?,
        Some(_) => from_plan(args, style, out)?,
    };
    let input = match input {
        Ok(input) => input,
        Err(status) => return Ok(status),
    };
    let unit = args.unit.map_or(input.unit, |u| Amount::kr(i64::from(u)));
    let audit = match build(args.amount, unit, input) {
        Ok(audit) => audit,
        Err(e) => {
            writeln!(out, "{}", split_error(e, args.amount, unit, lang))?;
            return Ok(Status::Unreadable);
        }
    };
    let text = match args.format {
        Format::Table => table(&audit, lang),
        Format::Csv => csv_text(&audit),
        Format::Json => json(&audit),
    };
    write!(out, "{text}")?;
    Ok(Status::Ok)
}

/// The kommuner, their weights and how to split, before any splitting.
struct Input {
    key: KeyInfo,
    kommuner: Vec<(String, String)>,
    weights: Vec<Decimal>,
    weighing: Weighing,
    /// Derive percentages at this precision from the counts first.
    precision: Option<u32>,
    unit: Amount,
}

/// `--key FILE`: every kommun in the file.
fn from_file(
    args: &SplitArgs,
    style: Style,
    out: &mut dyn Write,
) -> std::io::Result<Result<Input, Status>> {
    let lang = style.lang;
    let path = PathBuf::from(&args.key);
    let file = match scb::load(&path, args.column.as_deref()) {
        Ok(file) => file,
        Err(error) => {
            writeln!(out, "{}", render_scb_error(&error, style))?;
            return Ok(Err(Status::Unreadable));
        }
    };
    let rows = match file.kommuner() {
        Ok(rows) => rows,
        Err(mismatches) => {
            for m in &mismatches {
                writeln!(out, "{}", render_mismatch(&file, m, style))?;
            }
            return Ok(Err(Status::Unreadable));
        }
    };
    let (kommuner, weights): (Vec<_>, Vec<_>) = rows
        .into_iter()
        .map(|(code, name, weight)| ((code, name), weight))
        .unzip();
    Ok(Ok(Input {
        key: KeyInfo {
            lines: file_lines(&file, lang),
            source: file.path.display().to_string(),
            column: Some(file.column.clone()),
        },
        kommuner,
        weights,
        weighing: Weighing::Counts,
        precision: args.precision,
        unit: Amount::kr(1),
    }))
}

fn file_lines(file: &KeyFile, lang: Lang) -> Vec<String> {
    let delimiter = match (file.delimiter, lang) {
        (';', Lang::Sv) => "semikolon",
        (';', Lang::En) => "semicolon",
        ('\t', Lang::Sv) => "tabb",
        ('\t', Lang::En) => "tab",
        (_, Lang::Sv) => "komma",
        (_, Lang::En) => "comma",
    };
    let mut line = match lang {
        Lang::Sv => format!(
            "{}, kolumn \"{}\" ({}, {delimiter})",
            file.path.display(),
            file.column,
            file.encoding.name(lang)
        ),
        Lang::En => format!(
            "{}, column \"{}\" ({}, {delimiter})",
            file.path.display(),
            file.column,
            file.encoding.name(lang)
        ),
    };
    if let Some(title) = &file.title {
        line.push_str(&format!(": {title}"));
    }
    let mut lines = vec![line];
    for (row, region) in &file.other_regions {
        lines.push(match lang {
            Lang::Sv => format!("rad {row}: \"{region}\" är inte en kommun och räknas inte med"),
            Lang::En => format!("line {row}: \"{region}\" is not a kommun and is left out"),
        });
    }
    lines
}

/// `--plan PLAN --key ID`: the plan's kommuner and one of its keys.
fn from_plan(
    args: &SplitArgs,
    style: Style,
    out: &mut dyn Write,
) -> std::io::Result<Result<Input, Status>> {
    let lang = style.lang;
    let Some(plan_path) = &args.plan else {
        return Ok(Err(Status::Unreadable));
    };
    let Some((source, plan)) = super::load(plan_path, style, out)? else {
        return Ok(Err(Status::Unreadable));
    };
    let mut ignored = Vec::new();
    let resolved = Resolved::new(&plan, &mut ignored);
    let id = args.key.as_str();
    let Some((index, key)) = resolved
        .keys
        .get(id)
        .and_then(|&i| plan.keys.get(i).map(|k| (i, k)))
    else {
        let known: Vec<String> = plan.keys.iter().map(|k| k.id.get_ref().clone()).collect();
        let suggestion = crate::input::plan::suggest(id, &known);
        writeln!(
            out,
            "{}",
            match (lang, suggestion) {
                (Lang::Sv, Some(s)) => format!(
                    "{}: ingen nyckel `{id}`; menade du `{s}`?",
                    source.display_path()
                ),
                (Lang::Sv, None) => format!(
                    "{}: ingen nyckel `{id}`; nycklarna är {}",
                    source.display_path(),
                    known.join(", ")
                ),
                (Lang::En, Some(s)) => format!(
                    "{}: no key `{id}`; did you mean `{s}`?",
                    source.display_path()
                ),
                (Lang::En, None) => format!(
                    "{}: no key `{id}`; the keys are {}",
                    source.display_path(),
                    known.join(", ")
                ),
            }
        )?;
        return Ok(Err(Status::Unreadable));
    };

    // The check's findings about this key (and the key it is derived from) explain why it
    // cannot be used; other findings in the plan do not stop an ad-hoc split.
    let from = key.from.as_ref().map(|f| f.get_ref().as_str());
    let findings: Vec<_> = check(&plan)
        .into_iter()
        .filter(|f| f.problem.key().is_some_and(|k| k == id || Some(k) == from))
        .collect();
    for finding in &findings {
        writeln!(out, "{}\n", render_finding(&source, finding, style))?;
    }
    let weights = resolved.key_weights(index);
    let failed = findings.iter().any(|f| f.severity == Severity::Error);
    let Some(weights) = weights.filter(|_| !failed) else {
        writeln!(
            out,
            "{}",
            match lang {
                Lang::Sv => format!(
                    "{}: nyckeln `{id}` kan inte användas; `allocate check {}` visar varför",
                    source.display_path(),
                    source.display_path()
                ),
                Lang::En => format!(
                    "{}: key `{id}` cannot be used; `allocate check {}` says why",
                    source.display_path(),
                    source.display_path()
                ),
            }
        )?;
        return Ok(Err(Status::Findings));
    };

    let title = key.title.clone().unwrap_or_default();
    let mut lines = vec![format!(
        "`{id}` ({}){}{title}",
        source.display_path(),
        if title.is_empty() { "" } else { ": " }
    )];
    let mut column = None;
    let describe_file = |k: &crate::core::plan::Key, lines: &mut Vec<String>| -> Option<String> {
        if let Some(Ok(file)) = &k.file_data {
            lines.extend(file_lines(file, lang));
            return Some(file.column.clone());
        }
        None
    };
    let (weights, weighing, precision) = match (resolved.percent_source(index), key.kind.get_ref())
    {
        (Some(source_key), _) => {
            let Some(counts) = resolved.key_weights(source_key) else {
                return Ok(Err(Status::Findings));
            };
            let own = key.precision.as_ref().map(|p| *p.get_ref());
            if let Some(s) = plan.keys.get(source_key) {
                lines.push(match lang {
                    Lang::Sv => format!("procent ur `{}`", s.id.get_ref()),
                    Lang::En => format!("percentages from `{}`", s.id.get_ref()),
                });
                column = describe_file(s, &mut lines);
            }
            (counts, Weighing::Counts, args.precision.or(own))
        }
        (None, KeyKind::Population) => {
            column = describe_file(key, &mut lines);
            (weights, Weighing::Counts, args.precision)
        }
        (None, KeyKind::Percent) => {
            if args.precision.is_some() {
                writeln!(
                    out,
                    "{}",
                    match lang {
                        Lang::Sv => format!(
                            "--precision räknar om befolkningstal till procent; `{id}` är redan procentsatser"
                        ),
                        Lang::En => format!(
                            "--precision turns population counts into percentages; `{id}` is percentages already"
                        ),
                    }
                )?;
                return Ok(Err(Status::Unreadable));
            }
            (weights, Weighing::Percent, None)
        }
    };
    let kommuner = plan
        .kommuner
        .iter()
        .map(|k| (k.code.get_ref().clone(), k.name.get_ref().clone()))
        .collect();
    Ok(Ok(Input {
        key: KeyInfo {
            lines,
            source: id.to_string(),
            column,
        },
        kommuner,
        weights,
        weighing,
        precision,
        unit: plan.plan.unit(),
    }))
}

/// Splits, deriving percentages first when a precision is given.
fn build(amount: Amount, unit: Amount, input: Input) -> Result<Audit, SplitError> {
    let codes: Vec<&str> = input.kommuner.iter().map(|(c, _)| c.as_str()).collect();
    let mut steps = Vec::new();
    let main_weighing;
    let main_weights = match (input.precision, input.weighing) {
        (Some(precision), Weighing::Counts) => {
            let parts = split::percentages(&input.weights, &codes, precision)?;
            let percent: Vec<Decimal> = parts.iter().map(|p| p.amount.0).collect();
            steps.push(Step {
                id: "percentages",
                weighing: Weighing::Counts,
                percent_result: Some(precision),
                unit: Decimal::new(1, precision),
                parts,
                difference: None,
            });
            main_weighing = Weighing::Percent;
            percent
        }
        _ => {
            main_weighing = input.weighing;
            input.weights.clone()
        }
    };
    let main = split::largest_remainder_by(amount, &main_weights, &codes, unit)?;
    let comparison = if steps.is_empty() {
        None
    } else {
        let by_counts = split::largest_remainder_by(amount, &input.weights, &codes, unit)?;
        let difference = by_counts
            .iter()
            .zip(&main)
            .map(|(c, m)| c.amount - m.amount)
            .collect();
        Some(Step {
            id: "by-counts",
            weighing: Weighing::Counts,
            percent_result: None,
            unit: unit.0,
            parts: by_counts,
            difference: Some(difference),
        })
    };
    let leftover: Decimal = amount.0 - main.iter().map(|p| p.floor.0).sum::<Decimal>();
    steps.push(Step {
        id: "split",
        weighing: main_weighing,
        percent_result: None,
        unit: unit.0,
        parts: main,
        difference: None,
    });
    steps.extend(comparison);
    Ok(Audit {
        amount,
        unit,
        key: input.key,
        kommuner: input.kommuner,
        steps,
        leftover_note: (leftover / unit.0).normalize().to_string(),
    })
}

fn split_error(error: SplitError, amount: Amount, unit: Amount, lang: Lang) -> String {
    match (error, lang) {
        (SplitError::AmountNotMultipleOfUnit, Lang::Sv) => format!(
            "fel: {} är inte ett helt antal av enheten {}",
            amount.sv(),
            unit.sv()
        ),
        (SplitError::AmountNotMultipleOfUnit, Lang::En) => format!(
            "error: {} is not a whole number of the unit {}",
            amount.en(),
            unit.en()
        ),
        (SplitError::NoWeight, Lang::Sv) => {
            "fel: nyckeln ger alla kommuner vikten noll".to_string()
        }
        (SplitError::NoWeight, Lang::En) => {
            "error: the key gives every kommun weight zero".to_string()
        }
        (_, Lang::Sv) => "fel: beloppet eller nyckeln kan inte fördelas exakt".to_string(),
        (_, Lang::En) => "error: the amount or the key cannot be split exactly".to_string(),
    }
}

// ---------------------------------------------------------------------------------------
// Numbers

/// `d` with exactly `decimals` decimals, thousands grouped, in the language's format.
fn fixed(d: Decimal, decimals: u32, lang: Lang) -> String {
    let mut d = d.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    d.rescale(decimals);
    let text = d.abs().to_string();
    let (int_part, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let (group, mark) = match lang {
        Lang::Sv => (' ', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::new();
    if d.is_sign_negative() && !d.is_zero() {
        out.push('-');
    }
    let len = int_part.chars().count();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(mark);
        out.push_str(frac);
    }
    out
}

fn percent(d: Decimal, decimals: u32, lang: Lang) -> String {
    format!("{} %", fixed(d, decimals, lang))
}

/// A signed difference in kronor, `+23 kr`, or empty for zero.
fn signed(a: Amount, lang: Lang) -> String {
    if a.0.is_zero() {
        String::new()
    } else if a.is_negative() {
        lang.amount(a)
    } else {
        format!("+{}", lang.amount(a))
    }
}

/// A weight: a count, or a percentage with `decimals` decimals.
fn weight_text(w: Decimal, weighing: Weighing, decimals: u32, lang: Lang) -> String {
    match weighing {
        Weighing::Counts => fixed(w, 0, lang),
        Weighing::Percent => percent(w, decimals, lang),
    }
}

// ---------------------------------------------------------------------------------------
// Table

fn table(audit: &Audit, lang: Lang) -> String {
    let mut text = String::new();
    let amount = lang.amount(audit.amount);
    let unit = lang.amount(audit.unit);
    text.push_str(&match lang {
        Lang::Sv => format!("Fördelning av {amount} i hela {unit}\n"),
        Lang::En => format!("Split of {amount} in whole {unit}\n"),
    });
    for (i, line) in audit.key.lines.iter().enumerate() {
        let label = if i == 0 {
            lang.pick("Nyckel: ", "Key: ")
        } else {
            "        "
        };
        text.push_str(&format!("{label}{line}\n"));
    }
    let derived = audit.steps.len() > 1;
    let mut number = 0;
    for step in &audit.steps {
        text.push('\n');
        let title = match (step.id, lang) {
            ("percentages", Lang::Sv) => {
                number += 1;
                format!(
                    "{number}. Befolkningen som procent med {} decimaler (största rest, så att summan blir exakt 100 %)",
                    step.percent_result.unwrap_or(0)
                )
            }
            ("percentages", Lang::En) => {
                number += 1;
                format!(
                    "{number}. The population as percentages with {} decimals (largest remainder, so they sum to exactly 100 %)",
                    step.percent_result.unwrap_or(0)
                )
            }
            ("split", Lang::Sv) => {
                number += 1;
                if derived {
                    format!("{number}. {amount} efter procentsatserna")
                } else {
                    format!("{number}. {amount} efter nyckeln")
                }
            }
            ("split", Lang::En) => {
                number += 1;
                if derived {
                    format!("{number}. {amount} by the percentages")
                } else {
                    format!("{number}. {amount} by the key")
                }
            }
            (_, Lang::Sv) => format!(
                "Jämförelse: {amount} efter befolkningstalen direkt (inte avtalets regel om avtalet anger procent)"
            ),
            (_, Lang::En) => format!(
                "Comparison: {amount} by the population counts directly (not the rule if the agreement states percentages)"
            ),
        };
        text.push_str(&title);
        text.push('\n');
        text.push_str(&step_table(audit, step, lang).to_string());
        text.push('\n');
    }
    text.push('\n');
    let leftover = &audit.leftover_note;
    text.push_str(&match lang {
        Lang::Sv => format!(
            "Så räknas det: varje kommun får först de hela enheter ({unit}) som dess exakta kvot rymmer (golvet).\n\
             De {leftover} enheter som då blir över går en var till kommunerna med störst rest, i rangordning (rang 1 först);\n\
             vid lika rest går den med störst vikt först, sedan den med lägst kommunkod. Delarna summerar alltid\n\
             exakt till beloppet, och ingen kommun hamnar en hel enhet från sin exakta kvot.\n"
        ),
        Lang::En => format!(
            "How it works: each kommun first gets the whole units ({unit}) its exact quota holds (the floor).\n\
             The {leftover} units then left over go one each to the kommuner with the largest remainders, in rank order\n\
             (rank 1 first); on equal remainders the larger weight goes first, then the lower kommunkod. The parts\n\
             always sum exactly to the amount, and no kommun is a whole unit from its exact quota.\n"
        ),
    });
    text
}

fn step_table(audit: &Audit, step: &Step, lang: Lang) -> Table {
    let is_percent = step.percent_result.is_some();
    let result_decimals = step.percent_result.unwrap_or(0);
    // Shares are shown to four more decimals than the result, enough to see the ranking.
    let exact_decimals = result_decimals + 4;
    let unit_text = if is_percent {
        format!("+{}", percent(step.unit, result_decimals, lang))
    } else {
        format!("+{}", lang.amount(Amount(step.unit)))
    };
    let weight_header = match (step.weighing, lang) {
        (Weighing::Counts, Lang::Sv) => "Befolkning",
        (Weighing::Counts, Lang::En) => "Population",
        (Weighing::Percent, Lang::Sv) => "Andel",
        (Weighing::Percent, Lang::En) => "Share",
    };
    // Percentages are shown with as many decimals as the key writes them with.
    let weight_decimals = step
        .parts
        .iter()
        .map(|p| p.weight.scale())
        .max()
        .unwrap_or(0);
    let mut header = vec![
        lang.pick("Kommun", "Kommun").to_string(),
        weight_header.to_string(),
        if is_percent {
            lang.pick("Exakt andel", "Exact share")
        } else {
            lang.pick("Exakt kvot", "Exact quota")
        }
        .to_string(),
        lang.pick("Golv", "Floor").to_string(),
        lang.pick("Rest", "Remainder").to_string(),
        lang.pick("Rang", "Rank").to_string(),
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
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header.clone());
    let show = |d: Decimal, decimals: u32| {
        if is_percent {
            percent(d, decimals, lang)
        } else {
            fixed(d, decimals, lang)
        }
    };
    let result = |a: Amount| {
        if is_percent {
            percent(a.0, result_decimals, lang)
        } else {
            lang.amount(a)
        }
    };
    for (i, ((code, name), part)) in audit.kommuner.iter().zip(&step.parts).enumerate() {
        let mut row = vec![
            Cell::new(format!("{code} {name}")),
            Cell::new(weight_text(
                part.weight,
                step.weighing,
                weight_decimals,
                lang,
            )),
            Cell::new(show(part.quota, exact_decimals)),
            Cell::new(show(part.floor.0, result_decimals)),
            Cell::new(show(part.remainder(), exact_decimals)),
            Cell::new(part.rank.to_string()),
            Cell::new(if part.got_extra_unit {
                unit_text.as_str()
            } else {
                ""
            }),
            Cell::new(result(part.amount)),
        ];
        if let Some(diff) = step.difference.as_ref().and_then(|d| d.get(i)) {
            row.push(Cell::new(signed(*diff, lang)));
        }
        table.add_row(row);
    }
    let weights: Decimal = step.parts.iter().map(|p| p.weight).sum();
    let floors: Decimal = step.parts.iter().map(|p| p.floor.0).sum();
    let total: Amount = step.parts.iter().map(|p| p.amount).sum();
    let extra = step.parts.iter().filter(|p| p.got_extra_unit).count();
    let mut sum_row = vec![
        Cell::new(lang.pick("Summa", "Total")),
        Cell::new(weight_text(weights, step.weighing, weight_decimals, lang)),
        Cell::new(show(total.0, exact_decimals)),
        Cell::new(show(floors, result_decimals)),
        Cell::new(""),
        Cell::new(""),
        Cell::new(format!("{extra} × {}", unit_text.trim_start_matches('+'))),
        Cell::new(result(total)),
    ];
    if let Some(diff) = &step.difference {
        let sum: Amount = diff.iter().sum();
        sum_row.push(Cell::new(signed(sum, lang)));
    }
    table.add_row(sum_row);
    for i in 1..header.len() {
        if let Some(column) = table.column_mut(i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    table
}

// ---------------------------------------------------------------------------------------
// CSV and JSON: plain numbers (point as decimal mark, no grouping), exact decimals.

const CSV_HEADER: [&str; 11] = [
    "step",
    "code",
    "kommun",
    "weight",
    "quota",
    "floor",
    "remainder",
    "rank",
    "extra_unit",
    "result",
    "difference",
];

fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

fn csv_text(audit: &Audit) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = vec![CSV_HEADER.iter().map(|h| h.to_string()).collect()];
    for step in &audit.steps {
        for (i, ((code, name), part)) in audit.kommuner.iter().zip(&step.parts).enumerate() {
            rows.push(vec![
                step.id.to_string(),
                code.clone(),
                name.clone(),
                plain(part.weight),
                plain(part.quota),
                plain(part.floor.0),
                plain(part.remainder()),
                part.rank.to_string(),
                part.got_extra_unit.to_string(),
                plain(part.amount.0),
                step.difference
                    .as_ref()
                    .and_then(|d| d.get(i))
                    .map_or(String::new(), |d| plain(d.0)),
            ]);
        }
    }
    for row in rows {
        if writer.write_record(&row).is_err() {
            return String::new();
        }
    }
    writer
        .into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

/// The audit as JSON; figures are decimal strings so they stay exact.
fn json(audit: &Audit) -> String {
    let s = |d: Decimal| serde_json::Value::String(plain(d));
    let steps: Vec<serde_json::Value> = audit
        .steps
        .iter()
        .map(|step| {
            let parts: Vec<serde_json::Value> = audit
                .kommuner
                .iter()
                .zip(&step.parts)
                .enumerate()
                .map(|(i, ((code, name), p))| {
                    let mut part = serde_json::json!({
                        "code": code,
                        "kommun": name,
                        "weight": s(p.weight),
                        "quota": s(p.quota),
                        "floor": s(p.floor.0),
                        "remainder": s(p.remainder()),
                        "rank": p.rank,
                        "extra_unit": p.got_extra_unit,
                        "result": s(p.amount.0),
                    });
                    if let (Some(d), Some(map)) = (
                        step.difference.as_ref().and_then(|d| d.get(i)),
                        part.as_object_mut(),
                    ) {
                        map.insert("difference".to_string(), s(d.0));
                    }
                    part
                })
                .collect();
            serde_json::json!({
                "step": step.id,
                "result_is_percent": step.percent_result.is_some(),
                "unit": s(step.unit),
                "parts": parts,
            })
        })
        .collect();
    let document = serde_json::json!({
        "amount": s(audit.amount.0),
        "unit": s(audit.unit.0),
        "key": { "source": audit.key.source, "column": audit.key.column },
        "steps": steps,
    });
    serde_json::to_string_pretty(&document).map_or_else(|_| String::new(), |t| t + "\n")
}

// ---------------------------------------------------------------------------------------
// Problems with a key file, drawn with the file's line like a plan finding.

fn render_in_file(
    text: &str,
    path: &str,
    line: Option<usize>,
    code: &str,
    message: &str,
    hint: &str,
    style: Style,
) -> String {
    let lang = style.lang;
    let renderer = if style.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let title = Level::ERROR
        .with_name(lang.pick("fel", "error"))
        .primary_title(message)
        .id(code);
    let help = Level::HELP
        .with_name(lang.pick("åtgärd", "help"))
        .message(hint);
    let group: Group = match line {
        Some(line) => title
            .element(
                Snippet::source(text)
                    .line_start(1)
                    .path(path)
                    .fold(true)
                    .annotation(AnnotationKind::Primary.span(KeyFile::line_span(text, line))),
            )
            .element(help),
        None => title.element(help),
    };
    renderer.render(&[group])
}

fn render_scb_error(error: &ScbError, style: Style) -> String {
    // The source line is shown only for an error on a line; the file is read back within the
    // same size limit as when it was loaded (a too-large file has no line to show).
    let text = match error.line {
        Some(_) => {
            crate::input::plan::read_limited(&error.path, crate::input::plan::MAX_FILE_BYTES)
                .map(|bytes| scb::decode(&bytes).0)
                .unwrap_or_default()
        }
        None => String::new(),
    };
    let path = error.path.display().to_string();
    let message = match error.line {
        Some(_) => error.message(style.lang),
        None => format!("{path}: {}", error.message(style.lang)),
    };
    render_in_file(
        &text,
        &path,
        error.line.filter(|_| !text.is_empty()),
        "key-file",
        &message,
        &error.hint(style.lang),
        style,
    )
}

fn render_mismatch(file: &KeyFile, mismatch: &Mismatch, style: Style) -> String {
    let path = file.path.display().to_string();
    render_in_file(
        &file.text,
        &path,
        mismatch.line(),
        "key-coverage",
        &match mismatch.line() {
            Some(_) => mismatch.message_text(&file.column, style.lang),
            None => mismatch.message(&file.path, &file.column, style.lang),
        },
        mismatch.hint(style.lang),
        style,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_in_the_ways_people_write_them() {
        for text in [
            "3202124",
            "3 202 124",
            "3_202_124",
            "3202124 kr",
            "3\u{a0}202\u{a0}124",
        ] {
            assert_eq!(parse_amount(text), Ok(Amount::kr(3_202_124)), "{text}");
        }
        assert!(parse_amount("3202124.5").is_err());
        assert!(parse_amount("-5").is_err());
        assert!(parse_amount("").is_err());
    }

    #[test]
    fn numbers_in_swedish_and_english() {
        let d = Decimal::new(12_424_241_069, 5);
        assert_eq!(fixed(d, 4, Lang::Sv), "124 242,4107");
        assert_eq!(fixed(d, 4, Lang::En), "124,242.4107");
        assert_eq!(fixed(Decimal::new(5150, 0), 0, Lang::Sv), "5 150");
        assert_eq!(percent(Decimal::new(388, 2), 2, Lang::Sv), "3,88 %");
        assert_eq!(signed(Amount::kr(23), Lang::Sv), "+23 kr");
        assert_eq!(signed(Amount::kr(-23), Lang::Sv), "-23 kr");
    }
}
