//! What the fuzz targets do with their input, shared with `cargo test` (tests/cli/fuzz_seeds.rs
//! runs it over the seed corpus on stable Rust, so a crash the fuzzer once found stays fixed).
//!
//! A plan: read the bytes as `allocate check` does, then draw whatever comes out, in both
//! languages: a load error, or every finding and every machine-readable check format; for a
//! plan without errors also every report view as a table, every export (CSV in both dialects,
//! XLSX, JSON, which must read back unchanged), the diff against itself and the next year's
//! plan from `init`, which must parse. A key file: read it as SCB files are read, compare it
//! with the county's kommuner, split by it, and word every problem.

#![allow(dead_code)]

use std::path::Path;

use allocate::core::check::check;
use allocate::core::finding::Severity;
use allocate::core::money::Amount;
use allocate::core::plan::Plan;
use allocate::core::report::{self, Filter, Ledger, View};
use allocate::core::split;
use allocate::input::plan::{self, LoadError, Source};
use allocate::input::scb;
use allocate::output::checked::CheckedFile;
use allocate::output::diagnostic::{Style, render_finding, render_load_error};
use allocate::output::lang::Lang;
use allocate::output::table::Layout;
use allocate::output::{check_json, csv, diff_table, github, gitlab, json, sheet, table, xlsx};

/// The SCB file shipped with the real plans: what a plan's `file` key reads while fuzzing,
/// so that key files are exercised without touching the disk.
const SHIPPED_KEY: &[u8] = include_bytes!("../allocations/keys/folkmangd-2024-11-01.csv");

/// Jämtlands län's kommuner, for key files read without a plan.
const KOMMUNER: [(&str, &str); 8] = [
    ("2303", "Ragunda"),
    ("2305", "Bräcke"),
    ("2309", "Krokom"),
    ("2313", "Strömsund"),
    ("2321", "Åre"),
    ("2326", "Berg"),
    ("2361", "Härjedalen"),
    ("2380", "Östersund"),
];

const LANGS: [Lang; 2] = [Lang::Sv, Lang::En];

pub fn plan_bytes(data: &[u8]) {
    let path = Path::new("plan.toml");
    match plan::from_bytes(path, data.to_vec()) {
        Err(error) => load_error(path, &error),
        Ok((source, mut plan)) => {
            for key in &mut plan.keys {
                if let Some(file) = &key.file {
                    let column = key.column.as_ref().map(|c| c.get_ref().as_str());
                    let bytes = if file.get_ref().ends_with("folkmangd-2024-11-01.csv") {
                        SHIPPED_KEY
                    } else {
                        file.get_ref().as_bytes()
                    };
                    key.file_data = Some(scb::parse(Path::new(file.get_ref()), bytes, column));
                }
            }
            checked_plan(&source, &plan);
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

fn checked_plan(source: &Source, plan: &Plan) {
    let findings = check(plan);
    for lang in LANGS {
        for finding in &findings {
            for color in [false, true] {
                let _ = render_finding(source, finding, Style { lang, color });
            }
            let _ = finding.problem.message(lang);
            let _ = finding.problem.hint(lang);
        }
        let files = [CheckedFile::checked(source, plan, &findings, true, lang)];
        let _ = check_json::render(&files, true, lang);
        let _ = github::render(&files, lang);
        let _ = gitlab::render(&files, lang);
    }
    if findings.iter().any(|f| f.severity == Severity::Error) {
        return;
    }
    // A plan `check` passes: what `report`, `export`, `diff` and `init` do with it.
    let mut filters = vec![Filter::default()];
    if let Some(area) = plan.areas.first() {
        filters.push(Filter {
            area: Some(*area.number.get_ref()),
            ..Filter::default()
        });
    }
    if !plan.actors.is_empty() {
        filters.push(Filter {
            actor: Some(0),
            ..Filter::default()
        });
    }
    if !plan.kommuner.is_empty() {
        filters.push(Filter {
            kommun: Some(plan.kommuner.len() - 1),
            ..Filter::default()
        });
    }
    for (i, filter) in filters.iter().enumerate() {
        let ledger = Ledger::new(plan, filter);
        views(&ledger, i == 0);
    }
    let diff = allocate::core::diff::diff(plan, plan);
    for lang in LANGS {
        let layout = Layout {
            lang,
            color: false,
            width: 80,
        };
        let _ = diff_table::render(&diff, "old.toml", "new.toml", layout);
    }
    let year = plan.plan.year.get_ref().saturating_add(1);
    let folders = allocate::output::next_plan::Folders {
        old: Path::new("allocations"),
        new: Path::new("allocations"),
    };
    let next = allocate::output::next_plan::next_plan(plan, year, "plan.toml", &folders);
    if let Err(e) = plan::parse(&next) {
        panic!("init wrote a plan that does not parse: {e:?}\n{next}");
    }
}

fn views(ledger: &Ledger, whole: bool) {
    let title = "Fuzz";
    for lang in LANGS {
        for width in [40, 200] {
            let layout = Layout {
                lang,
                color: width == 200,
                width,
            };
            let _ = table::payment_rows(&report::payment_rows(ledger), title, layout);
            let _ = table::per_kommun(&report::per_kommun(ledger), title, layout);
            let _ = table::per_actor(&report::per_actor(ledger), title, layout);
            let _ = table::per_heading(&report::per_heading(ledger), title, layout);
            let _ = table::per_area(&report::per_area(ledger), title, layout);
            let _ = table::payments(&report::payments(ledger), title, ledger.filtered, layout);
        }
        let sheets: Vec<_> = View::ALL
            .iter()
            .map(|&view| sheet::build(view, ledger, lang))
            .collect();
        for sheet in &sheets {
            for dialect in [csv::Dialect::Excel, csv::Dialect::Rfc4180] {
                let _ = csv::write(sheet, dialect);
            }
        }
        // XLSX is zip-compressed and slow: once per plan, for the whole plan in Swedish.
        if whole && lang == Lang::Sv {
            let _ = xlsx::write(&sheets);
        }
    }
    // JSON reads back into the same document, and writes the same text again.
    let document = json::document(ledger);
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
    for &view in &View::ALL {
        let _ = json::view(&document, view);
    }
}

pub fn key_bytes(data: &[u8]) {
    let path = Path::new("folkmangd.csv");
    for column in [None, Some("2024")] {
        match scb::parse(path, data, column) {
            Err(error) => {
                for lang in LANGS {
                    let _ = error.message(lang);
                    let _ = error.hint(lang);
                    let _ = error.place();
                }
            }
            Ok(file) => key_file(&file),
        }
    }
}

fn key_file(file: &scb::KeyFile) {
    for mismatch in file.compare(&KOMMUNER) {
        for lang in LANGS {
            let _ = mismatch.message(&file.path, &file.column, lang);
            let _ = mismatch.hint(lang);
        }
        if let Some(line) = mismatch.line() {
            let _ = scb::KeyFile::line_span(&file.text, line);
        }
    }
    // Every kommun in the file, as `allocate split --key` does, and the county's eight.
    let all: Vec<&str> = file.rows.iter().map(|r| r.code.as_str()).collect();
    let county: Vec<&str> = KOMMUNER.iter().map(|(code, _)| *code).collect();
    for codes in [all, county] {
        let Some(weights) = file.weights(&codes) else {
            continue;
        };
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
