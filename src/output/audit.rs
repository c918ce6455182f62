//! The audit of `allocate split`, rendered: a table per step for people, CSV and JSON for other
//! programs (figures as exact decimal strings, a point as decimal mark, no grouping).

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::core::audit::{Audit, KeyFileInfo, KeySource, Step, StepKind, Weighing};
use crate::core::money::Amount;
use crate::core::population::Combined;
use crate::output::lang::Lang;
use crate::output::number::{self, fixed, percent};
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
    let (path, column, format) = (
        info.path.display(),
        &info.column,
        format_name(&info.format, lang),
    );
    let mut line = if column.is_empty() {
        format!("{path} ({format})")
    } else {
        say!(
            lang,
            "{path}, kolumn \"{column}\" ({format})",
            "{path}, column \"{column}\" ({format})"
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
    for total in &info.totals {
        let (row, label) = (total.line, &total.label);
        let stated = number::count(total.stated, lang);
        lines.push(if total.stated == total.computed {
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
        });
    }
    for (row, region) in &info.other_regions {
        lines.push(say!(
            lang,
            "rad {row}: \"{region}\" är inte en kommun och räknas inte med",
            "line {row}: \"{region}\" is not a kommun and is left out"
        ));
    }
    lines
}

/// A weight: a count, or a percentage with `decimals` decimals.
fn weight_text(w: Decimal, weighing: Weighing, decimals: u32, lang: Lang) -> String {
    match weighing {
        Weighing::Counts => fixed(w, 0, lang),
        Weighing::Percent => percent(w, decimals, lang),
    }
}

/// The audit as tables for people.
pub fn table(audit: &Audit, lang: Lang) -> String {
    let mut text = String::new();
    let amount = lang.amount(audit.amount);
    let unit = lang.amount(audit.unit);
    text.push_str(&say!(
        lang,
        "Fördelning av {amount} i hela {unit}\n",
        "Split of {amount} in whole {unit}\n"
    ));
    for (i, line) in source_lines(&audit.source, lang).iter().enumerate() {
        let label = if i == 0 {
            lang.pick("Nyckel: ", "Key: ")
        } else {
            "        "
        };
        text.push_str(&format!("{label}{line}\n"));
    }
    let mut number = 0;
    for step in &audit.steps {
        text.push('\n');
        let title = match step.kind {
            StepKind::Percentages(precision) => {
                number += 1;
                say!(
                    lang,
                    "{number}. Befolkningen som procent med {precision} decimaler (största rest, så att summan blir exakt 100 %)",
                    "{number}. The population as percentages with {precision} decimals (largest remainder, so they sum to exactly 100 %)"
                )
            }
            StepKind::Split { derived: true } => {
                number += 1;
                say!(
                    lang,
                    "{number}. {amount} efter procentsatserna",
                    "{number}. {amount} by the percentages"
                )
            }
            StepKind::Split { derived: false } => {
                number += 1;
                say!(
                    lang,
                    "{number}. {amount} efter nyckeln",
                    "{number}. {amount} by the key"
                )
            }
            StepKind::ByCounts => say!(
                lang,
                "Jämförelse: {amount} efter befolkningstalen direkt (inte avtalets regel om avtalet anger procent)",
                "Comparison: {amount} by the population counts directly (not the rule if the agreement states percentages)"
            ),
        };
        text.push_str(&title);
        text.push('\n');
        text.push_str(&step_table(audit, step, lang).to_string());
        text.push('\n');
    }
    text.push('\n');
    let leftover = audit.leftover;
    text.push_str(&say!(
        lang,
        "Så räknas det: varje kommun får först de hela enheter ({unit}) som dess exakta kvot rymmer (golvet).\n\
         De {leftover} enheter som då blir över går en var till kommunerna med störst rest, i rangordning (rang 1 först);\n\
         vid lika rest går den med störst vikt först, sedan den med lägst kommunkod. Delarna summerar alltid\n\
         exakt till beloppet, och ingen kommun hamnar en hel enhet från sin exakta kvot.\n",
        "How it works: each kommun first gets the whole units ({unit}) its exact quota holds (the floor).\n\
         The {leftover} units then left over go one each to the kommuner with the largest remainders, in rank order\n\
         (rank 1 first); on equal remainders the larger weight goes first, then the lower kommunkod. The parts\n\
         always sum exactly to the amount, and no kommun is a whole unit from its exact quota.\n"
    ));
    text
}

fn step_table(audit: &Audit, step: &Step, lang: Lang) -> Table {
    let is_percent = step.is_percent();
    let result_decimals = match step.kind {
        StepKind::Percentages(p) => p,
        _ => 0,
    };
    // Shares are shown to four more decimals than the result, enough to see the ranking.
    let exact_decimals = result_decimals + 4;
    let unit_text = if is_percent {
        format!("+{}", percent(step.unit, result_decimals, lang))
    } else {
        format!("+{}", lang.amount(Amount(step.unit)))
    };
    let weight_header = match step.weighing {
        Weighing::Counts => lang.pick("Befolkning", "Population"),
        Weighing::Percent => lang.pick("Andel", "Share"),
    };
    // Percentages are shown with as many decimals as the key writes them with.
    let weight_decimals = step
        .parts
        .iter()
        .map(|p| p.weight.scale())
        .max()
        .unwrap_or(0);
    let mut header = vec![
        "Kommun".to_string(),
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
            Cell::new(format!("{code} {name}").trim()),
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
            row.push(Cell::new(number::signed(*diff, lang)));
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
        sum_row.push(Cell::new(number::signed(sum, lang)));
    }
    table.add_row(sum_row);
    for i in 1..header.len() {
        if let Some(column) = table.column_mut(i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    table
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

/// The audit as CSV: one row per step and kommun.
pub fn csv(audit: &Audit) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
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
    ])?;
    for step in &audit.steps {
        for row in rows(audit, step) {
            writer.write_record([
                row.step.to_string(),
                row.code.to_string(),
                row.kommun.to_string(),
                row.weight,
                row.quota,
                row.floor,
                row.remainder,
                row.rank.to_string(),
                row.extra_unit.to_string(),
                row.result,
                row.difference.unwrap_or_default(),
            ])?;
        }
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

/// The audit as JSON; figures are decimal strings so they stay exact.
pub fn json(audit: &Audit) -> serde_json::Result<String> {
    #[derive(Serialize)]
    struct StepDoc<'a> {
        step: &'static str,
        result_is_percent: bool,
        unit: String,
        parts: Vec<Row<'a>>,
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
                parts: rows(audit, step).collect(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&doc).map(|t| t + "\n")
}
