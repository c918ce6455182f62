//! What the fuzz targets do with their input, shared with `cargo test` (tests/cli/fuzz_seeds.rs
//! runs it over the seed corpus on stable Rust, so a crash the fuzzer once found stays fixed,
//! and tests/cli/properties.rs holds generated plans to the same conservation rules).
//!
//! A plan: read the bytes as `allocate check` does, then draw whatever comes out, in both
//! languages: a load error, or every finding and every machine-readable check format; for a
//! plan without errors also every report view as a table, every export (CSV in both dialects,
//! XLSX, JSON, which must read back unchanged), with and without filters, the diff against
//! itself and the next year's plan from `init`, which must parse. Every view and export of a
//! plan without errors must account for every krona exactly once (`assert_conserved`). A key
//! file: read it as SCB files are read, compare it with the county's kommuner, split by it,
//! and word every problem.

#![allow(dead_code)]

use std::path::Path;

use allocate::core::check::{Checked, check};
use allocate::core::ledger::keys::KeyFiles;
use allocate::core::ledger::selection::Selection;
use allocate::core::money::Amount;
use allocate::core::plan::Plan;
use allocate::core::population::KeyFile;
use allocate::core::report::{self, Projection, View};
use allocate::core::split;
use allocate::input::plan::{self, LoadError, Source};
use allocate::input::scb;
use allocate::output::checked::CheckedFile;
use allocate::output::diagnostic::{Style, render_finding, render_load_error};
use allocate::output::document::{basis, html, letters, markdown};
use allocate::output::lang::Lang;
use allocate::output::sheet::{self, Value};
use allocate::output::table::{self, Layout};
use allocate::output::words::{findings, key_file};
use allocate::output::{check_json, csv, diff, github, gitlab, json, xlsx};

/// The SCB file shipped with the real plans: what a plan's `file` key reads while fuzzing,
/// so that key files are exercised without touching the disk.
const SHIPPED_KEY: &[u8] = include_bytes!("../allocations/keys/folkmangd-2024-11-01.csv");

/// Jämtlands län's kommuner as SCB has them, for key files read without a plan.
fn jamtland() -> Vec<(&'static str, &'static str)> {
    (allocate::core::counties::kommuner())
        .filter(|(code, _)| code.starts_with("23"))
        .collect()
}

const LANGS: [Lang; 2] = [Lang::Sv, Lang::En];

pub fn plan_bytes(data: &[u8]) {
    let path = Path::new("plan.toml");
    match plan::from_bytes(path, data.to_vec()) {
        Err(error) => load_error(path, &error),
        Ok((source, plan)) => {
            let key_files: Vec<_> = plan
                .keys
                .iter()
                .map(|key| {
                    let file = key.file.as_ref()?;
                    let column = key.column.as_ref().map(|c| c.get_ref().as_str());
                    let bytes = if file.get_ref().ends_with("folkmangd-2024-11-01.csv") {
                        SHIPPED_KEY
                    } else {
                        file.get_ref().as_bytes()
                    };
                    Some(scb::parse(Path::new(file.get_ref()), bytes, column))
                })
                .collect();
            checked_plan(&source, &plan, &key_files);
        }
    }
}

fn load_error(path: &Path, error: &LoadError) {
    for lang in LANGS {
        for color in [false, true] {
            let _ = render_load_error(error, Style { lang, color });
        }
        let files = [CheckedFile::unreadable(path, error, lang)];
        let _ = check_json::render(&files, false, lang);
        let _ = github::render(&files, lang);
        let _ = gitlab::render(&files, lang);
    }
}

pub fn checked_plan(source: &Source, plan: &Plan, key_files: &KeyFiles) {
    let checked = check(plan, key_files);
    for lang in LANGS {
        for finding in &checked.findings {
            for color in [false, true] {
                let _ = render_finding(source, finding, Style { lang, color });
            }
            let _ = findings::message(&finding.problem, lang);
            let _ = findings::hint(&finding.problem, lang);
        }
        let files = [CheckedFile::checked(
            source,
            plan,
            &checked.findings,
            true,
            lang,
        )];
        let _ = check_json::render(&files, true, lang);
        let _ = github::render(&files, lang);
        let _ = gitlab::render(&files, lang);
    }
    // `report --format html|md` renders any plan that parses, as a draft when it has errors;
    // letters only from a plan without them. (DOCX adds only the layout of the same model and
    // the drawing of its charts; it is left to the tests, being slow.)
    let whole = Selection::all();
    let projection = Projection::new(&checked.ledger, &whole);
    for lang in LANGS {
        let doc = basis::build(&basis::Inputs {
            projection: &projection,
            findings: &checked.findings,
            source,
            previous: None,
            lang,
        });
        let _ = html::render(&doc);
        let _ = markdown::render(&doc);
        if checked.errors() == 0 {
            for letter in letters::letters(&projection, source, lang) {
                let _ = markdown::render(&letter.document);
            }
        }
    }
    if checked.errors() > 0 {
        return;
    }
    // A plan `check` passes: what `report`, `export`, `diff` and `init` do with it.
    passing_plan(&source.text, &checked, true);
}

/// What `report`, `export`, `diff` and `init` do with a plan that passes `check`; `xlsx`
/// writes the (slow) workbook too.
pub fn passing_plan(source_text: &str, checked: &Checked, xlsx: bool) {
    let ledger = &checked.ledger;
    let plan = ledger.plan;
    assert_ledger_conserves(checked);
    let mut selections = vec![Selection::all()];
    if !plan.areas.is_empty() {
        selections.push(Selection {
            areas: vec![0],
            ..Selection::all()
        });
    }
    if !plan.actors.is_empty() {
        selections.push(Selection {
            actor: Some(0),
            ..Selection::all()
        });
    }
    if !plan.kommuner.is_empty() {
        selections.push(Selection {
            kommun: Some(plan.kommuner.len() - 1),
            ..Selection::all()
        });
    }
    for (i, selection) in selections.iter().enumerate() {
        let projection = Projection::new(ledger, selection);
        views(&projection, xlsx && i == 0);
    }
    let diff = allocate::core::diff::diff(ledger, ledger);
    for lang in LANGS {
        let layout = Layout {
            lang,
            color: false,
            width: 80,
        };
        let _ = diff::render(&diff, "old.toml", "new.toml", layout);
    }
    let year = plan.plan.year.get_ref().saturating_add(1);
    let folders = allocate::output::next_plan::Folders {
        old: Path::new("allocations"),
        new: Path::new("allocations"),
    };
    let next = match allocate::output::next_plan::next_plan(
        source_text,
        plan,
        year,
        "plan.toml",
        &folders,
        allocate::output::lang::Lang::Sv,
    ) {
        Ok(next) => next,
        // A deadline past 9999 is refused, as `init` says.
        Err(allocate::output::next_plan::NextPlanError::DeadlineTooLate { .. }) => return,
        Err(e) => panic!("init cannot edit a plan that parses: {e:?}"),
    };
    let next_plan = match plan::parse(&next) {
        Ok(next_plan) => next_plan,
        Err(e) => panic!("init wrote a plan that does not parse: {e:?}\n{next}"),
    };
    // Of a plan `init` takes (a year with a year after it), every figure is to fill in.
    let (old_year, years) = (*plan.plan.year.get_ref(), allocate::core::plan::YEARS);
    if years.contains(&old_year)
        && old_year < *years.end()
        && let Some(what) = allocate::output::next_plan::unfinished(plan, &next_plan, year)
    {
        panic!("init left `{what}` as last year's:\n{next}");
    }
}

/// The ledger of a plan without errors: every insats split into lines that sum exactly to its
/// amount, and all lines to the county total.
pub fn assert_ledger_conserves(checked: &Checked) {
    let ledger = &checked.ledger;
    let plan = ledger.plan;
    for (i, insats) in plan.insatser.iter().enumerate() {
        assert!(
            ledger.insatser[i].lines.is_ok(),
            "insats {} has no lines but the plan passed",
            insats.id.get_ref()
        );
        let sum: Amount = ledger.lines_of(i).iter().map(|l| l.amount).sum();
        assert_eq!(
            sum,
            *insats.amount.get_ref(),
            "the lines of insats {} do not sum to its amount",
            insats.id.get_ref()
        );
    }
    assert_eq!(
        ledger.total(),
        *plan.plan.county_total.get_ref(),
        "the ledger does not sum to the county total"
    );
}

/// Every view and export of a projection sums to the projection's total: on the whole plan,
/// the county total.
pub fn assert_conserved(projection: &Projection) {
    let total = projection.total();
    let whole = projection.selection.is_all();
    if whole {
        assert_eq!(
            total,
            *projection.ledger.plan.plan.county_total.get_ref(),
            "the ledger does not sum to the county total"
        );
    }
    let per_actor = report::per_actor(projection);
    assert_eq!(per_actor.total, total, "per-actor total");
    let own: Amount = per_actor.rows.iter().map(|r| r.own_total).sum();
    assert_eq!(own, total, "per-actor rows' own money");
    let tops: Amount = per_actor
        .rows
        .iter()
        .filter(|r| r.depth == 0)
        .map(|r| r.total)
        .sum();
    assert_eq!(tops, total, "per-actor top-level rows");
    let per_area = report::per_area(projection);
    assert_eq!(per_area.total, total, "per-area total");
    let payments = report::payments(projection);
    assert_eq!(
        payments.invoiced + payments.transferred + payments.held_total,
        total,
        "invoices, transfers and held money"
    );
    let mut lines = Amount::ZERO;
    for recipient in report::recipient_payments(projection) {
        let own: Amount = recipient.lines.iter().map(|l| l.amount).sum();
        assert_eq!(own, recipient.total, "a recipient's payment lines");
        lines += own;
    }
    assert_eq!(lines, total, "payment lines");
    let per_kommun = report::per_kommun(projection);
    let kommun_lines: Amount = projection
        .lines()
        .filter(|l| matches!(l.recipient, allocate::core::ledger::Recipient::Kommun(_)))
        .map(|l| l.amount)
        .sum();
    assert_eq!(per_kommun.total, kommun_lines, "per-kommun total");
    if !projection.ledger.plan.headings.is_empty() {
        let per_heading = report::per_heading(projection);
        assert_eq!(per_heading.total, total, "per-heading total");
        let items: Amount = per_heading
            .headings
            .iter()
            .flat_map(|h| &h.items)
            .map(|i| i.amount)
            .sum();
        assert_eq!(items, total, "per-heading items");
    }
    // The sheets that CSV and XLSX are written from: every amount column sums to the total
    // (per kommun: to the money to the kommuner).
    for lang in LANGS {
        for view in View::ALL {
            // Without summary headings the per-heading view is empty.
            if view == View::PerHeading && projection.ledger.plan.headings.is_empty() {
                continue;
            }
            let sheet = sheet::build(view, projection, lang);
            let expected = match view {
                View::PerKommun => per_kommun.total,
                View::Invoices => payments.invoiced,
                _ => total,
            };
            let column = sheet_total_column(&sheet);
            let mut sum = Amount::ZERO;
            sheet.each_row(|row| {
                if let Some(Value::Amount(a)) = row.get(column) {
                    sum += *a;
                }
            });
            assert_eq!(sum, expected, "sheet {} column {column}", sheet.name);
        }
    }
}

/// The column of a sheet that holds each row's amount (the last amount column).
pub fn sheet_total_column(sheet: &sheet::Sheet) -> usize {
    sheet
        .total
        .iter()
        .rposition(|v| matches!(v, Value::Amount(_)))
        .unwrap_or(0)
}

fn views(projection: &Projection, write_xlsx: bool) {
    assert_conserved(projection);
    for lang in LANGS {
        for width in [40, 200] {
            let layout = Layout {
                lang,
                color: width == 200,
                width,
            };
            for view in View::ALL {
                let _ = table::view(view, projection, layout, &mut Vec::new());
            }
        }
        let sheets: Vec<_> = View::ALL
            .iter()
            .map(|&view| sheet::build(view, projection, lang))
            .collect();
        for sheet in &sheets {
            for dialect in [csv::Dialect::Excel, csv::Dialect::Rfc4180] {
                let _ = csv::write(sheet, dialect);
            }
        }
        // XLSX is zip-compressed and slow: once per plan, for the whole plan in Swedish.
        if write_xlsx && lang == Lang::Sv {
            let _ = xlsx::write(&sheets);
        }
    }
    // JSON reads back into the same document, and writes the same text again.
    let document = json::document(projection);
    let Ok(text) = serde_json::to_string_pretty(&document) else {
        panic!("the JSON export cannot be written");
    };
    match serde_json::from_str::<json::Document>(&text) {
        Ok(back) => {
            assert_eq!(back, document, "the JSON export reads back differently");
            let again = serde_json::to_string_pretty(&back).unwrap_or_default();
            assert_eq!(
                again, text,
                "the JSON export writes differently the second time"
            );
        }
        Err(e) => panic!("the JSON export does not read back: {e}\n{text}"),
    }
    // Each view alone is the document's part for it (a view the plan has nothing for is
    // refused before it is made).
    for view in View::ALL
        .into_iter()
        .filter(|v| v.in_plan(projection.ledger.plan))
    {
        let mut alone = Vec::new();
        json::write_view(projection, view, &mut alone)
            .unwrap_or_else(|e| panic!("the JSON export's view {view:?} cannot be written: {e}"));
        let part = match view {
            View::Payments => serde_json::to_vec_pretty(&document.payments),
            View::PerKommun => serde_json::to_vec_pretty(&document.per_kommun),
            View::PerActor => serde_json::to_vec_pretty(&document.per_actor),
            View::PerHeading => serde_json::to_vec_pretty(&document.per_heading.as_ref()),
            View::PerArea => serde_json::to_vec_pretty(&document.per_area),
            View::Invoices => serde_json::to_vec_pretty(&document.invoices),
        };
        assert_eq!(
            Some(alone),
            part.ok(),
            "the JSON export's view {view:?} alone differs from its part of the document"
        );
    }
}

pub fn key_bytes(data: &[u8]) {
    let path = Path::new("folkmangd.csv");
    for column in [None, Some("2024")] {
        match scb::parse(path, data, column) {
            Err(error) => {
                for lang in LANGS {
                    let _ = key_file::error_message(&error, lang);
                    let _ = key_file::error_hint(&error, lang);
                    let _ = key_file::error_place(&error);
                }
            }
            Ok(file) => key_file(&file),
        }
    }
}

fn key_file(file: &KeyFile) {
    for mismatch in file.compare(&jamtland(), None) {
        for lang in LANGS {
            let _ = key_file::mismatch_message(&mismatch, &file.path, &file.column, lang);
            let _ = key_file::mismatch_hint(&mismatch, lang);
        }
    }
    // Every kommun in the file, as `allocate split --key` does, and the county's eight.
    let _ = file.total_checks();
    let all: Vec<(String, String)> = match file.kommuner() {
        Ok(rows) => rows
            .into_iter()
            .map(|(code, name, _)| (code.unwrap_or_default(), name))
            .collect(),
        Err(mismatches) => {
            for mismatch in mismatches {
                for lang in LANGS {
                    let _ = key_file::mismatch_message(&mismatch, &file.path, &file.column, lang);
                }
            }
            Vec::new()
        }
    };
    let all: Vec<(&str, &str)> = all.iter().map(|(c, n)| (c.as_str(), n.as_str())).collect();
    for kommuner in [all, jamtland()] {
        if kommuner.is_empty() {
            continue;
        }
        let Some(weights) = file.weights(&kommuner) else {
            continue;
        };
        let codes: Vec<&str> = kommuner
            .iter()
            .map(|(c, n)| if c.is_empty() { *n } else { *c })
            .collect();
        for (amount, unit) in [(3_202_124, 1), (400_000, 100), (0, 1)] {
            if let Ok(parts) =
                split::largest_remainder_by(Amount::kr(amount), &weights, &codes, Amount::kr(unit))
            {
                let sum: Amount = parts.iter().map(|p| p.amount).sum();
                assert_eq!(sum, Amount::kr(amount), "a split must sum to its amount");
            }
        }
        for precision in [0, 2] {
            if let Ok(parts) = split::percentages(&weights, &codes, precision) {
                let sum: Amount = parts.iter().map(|p| p.amount).sum();
                assert_eq!(sum, Amount::kr(100), "percentages must sum to 100");
            }
        }
    }
}
