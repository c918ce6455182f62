//! Population files in every shape SCB delivers them today (tests/fixtures/scb/README.md):
//! each loads with exactly the seed's figures, split 132 708 kr gives each kommun its
//! population in kronor, or it is refused with a message that says what the file is and what
//! to do. Workbooks in other layouts are written here with `rust_xlsxwriter`.
//!
//! The figures are the 1 November 2024 population of seed 003's Mini Maria table (DOMAIN.md):
//! Ragunda 5 150, Bräcke 6 037, Krokom 15 702, Strömsund 10 995, Åre 12 626, Berg 7 101,
//! Härjedalen 10 120, Östersund 64 977; sum 132 708.

use std::path::Path;

use crate::support::{Output, POPULATION_2024, allocate, allocate_env, real_plan, repo_root};

/// How a file names its kommuner.
#[derive(Clone, Copy, Debug)]
enum Naming {
    Both,
    Codes,
    Names,
}

/// The fixtures that load, and how they name the kommuner.
const LOADED: [(&str, Naming); 17] = [
    ("A-oldui-semicolon-title-iso8859.csv", Naming::Both),
    ("B-oldui-tab-notitle-iso8859.csv", Naming::Both),
    ("C-v1api-csv-contents-year.csv", Naming::Both),
    ("D-v1api-csv-region-alder-kon.csv", Naming::Both),
    ("F-v2api-csv-default-codes.csv", Naming::Codes),
    (
        "F2-v2api-csv-codes-stub-Region-ContentsCode-heading-Tid.csv",
        Naming::Codes,
    ),
    (
        "G-v2-webui-semicolon-title-texts-iso8859.csv",
        Naming::Names,
    ),
    ("H-v2api-csv-codes-and-texts.csv", Naming::Both),
    (
        "H2-v2api-csv-codesandtexts-stub-Region-ContentsCode.csv",
        Naming::Both,
    ),
    ("I-v2api-json-stat2.json", Naming::Both),
    ("J-pcaxis.px", Naming::Both),
    ("L-excel-saveas-csv-cp1252-nbsp.csv", Naming::Both),
    ("M-webui-xlsx.xlsx", Naming::Both),
    ("N-long-layout-year-column.csv", Naming::Both),
    ("O-rows-per-sex-with-total.csv", Naming::Both),
    ("folkmangd-2024-iso-8859-1-comma.csv", Naming::Both),
    ("folkmangd-2024-utf-8-tab.csv", Naming::Both),
];

/// The fixtures with several years, loaded once 2024 is chosen.
const CHOOSE_A_YEAR: [&str; 3] = [
    "K-oldui-comma-two-years-footnote.csv",
    "N2-long-layout-codes-two-years.csv",
    "folkmangd-2023-2024-windows-1252-semicolon.csv",
];

/// The fixtures that are refused (`key-file`), each at its line and column (or line), with
/// what the message and the fix say.
const REFUSED: [(&str, &str, &str, &str); 4] = [
    (
        "P-two-figures-in-one-field.csv",
        "4:16",
        "värdet \"5140 5150\" för 2303 Ragunda har mellanrum som inte är tusentalsavstånd (en till tre siffror, sedan grupper om exakt tre: 5 150, 64 977); det läses inte som ett tal",
        "två tal i samma fält? kontrollera avgränsaren mellan fälten",
    ),
    (
        "P2-no-break-space-astray.csv",
        "11:18",
        "värdet \"6\u{a0}4977\" för 2380 Östersund har mellanrum som inte är tusentalsavstånd",
        "skriv annars talet utan mellanslag (64977) eller med tusentalsavstånd (64 977)",
    ),
    (
        "Q-codes-lost-zero-two-columns.csv",
        "2:1",
        "regionkoden i \"114 Upplands Väsby\" har tappat sin inledande nolla (kommunkoder har fyra siffror, länskoder två, som 0114 och 01)",
        "formatera regionkolumnen som text innan den sparas",
    ),
    (
        "R-five-digit-code-one-row.csv",
        "6:1",
        "regionkoden i \"23090 Krokom\" har fem siffror bland kommunrader med fyra; en kommunkod har fyra siffror, så koden är skadad",
        "rätta koden till kommunens fyrsiffriga kommunkod",
    ),
];

/// The fixture whose rows write each kommun's name with `kommun` (`"2309 Krokom kommun"`),
/// loaded with those names.
const NAMES_WITH_KOMMUN: &str = "S-names-with-kommun.csv";

fn fixture(name: &str) -> String {
    format!("tests/fixtures/scb/{name}")
}

fn split(dir: &Path, file: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "split", "132708", "--key", file, "--format", "csv", "--csv", "rfc4180",
    ];
    args.extend_from_slice(extra);
    allocate(dir, &args)
}

/// The `split` step of `--format csv`: (code, kommun, weight, result).
fn split_rows(out: &Output) -> Vec<(String, String, String, String)> {
    out.stdout
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_string).collect::<Vec<_>>())
        .filter(|f| f[0] == "split")
        .map(|f| (f[1].clone(), f[2].clone(), f[3].clone(), f[9].clone()))
        .collect()
}

/// Every kommun exactly its population, as weight and as kronor of 132 708 kr.
fn assert_seed_split(out: &Output, names: Naming, what: &str) {
    out.assert_status(0).assert_stderr_empty();
    let expected: Vec<(String, String, String, String)> = POPULATION_2024
        .iter()
        .map(|(code, name, population)| {
            let (code, name) = match names {
                Naming::Both => (*code, *name),
                Naming::Codes => (*code, ""),
                Naming::Names => ("", *name),
            };
            let p = population.to_string();
            (code.to_string(), name.to_string(), p.clone(), p)
        })
        .collect();
    assert_eq!(split_rows(out), expected, "{what}\n{}", out.stdout);
}

#[test]
fn every_fixture_that_loads_gives_each_kommun_its_population_in_kronor() {
    for (name, names) in LOADED {
        assert_seed_split(&split(&repo_root(), &fixture(name), &[]), names, name);
    }
    for name in CHOOSE_A_YEAR {
        let names = if name.starts_with("N2") {
            Naming::Codes
        } else {
            Naming::Both
        };
        assert_seed_split(
            &split(&repo_root(), &fixture(name), &["--column", "2024"]),
            names,
            name,
        );
    }
    // Every fixture is in one of the lists, or is the README.
    let listed: Vec<&str> = LOADED
        .iter()
        .map(|(n, _)| *n)
        .chain(CHOOSE_A_YEAR)
        .chain(REFUSED.iter().map(|(n, ..)| *n))
        .chain([NAMES_WITH_KOMMUN])
        .collect();
    for entry in std::fs::read_dir(repo_root().join("tests/fixtures/scb")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            name == "README.md" || listed.contains(&name.as_str()),
            "{name} is not tested"
        );
    }
}

#[test]
fn each_refused_fixture_is_told_at_its_line() {
    for (name, place, message, hint) in REFUSED {
        split(&repo_root(), &fixture(name), &[])
            .assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains(&format!("fel[key-file]: {message}"))
            .assert_stderr_contains(&format!("--> tests/fixtures/scb/{name}:{place}\n"))
            .assert_stderr_contains(hint);
    }
}

/// `"2309 Krokom kommun"`: the name with `kommun`, not the official `Krokoms kommun`, is the
/// kommun's, in `split --key` as in `check` (tester s35 #5).
#[test]
fn names_written_with_kommun_are_split_as_written() {
    let out = split(&repo_root(), &fixture(NAMES_WITH_KOMMUN), &[]);
    out.assert_status(0).assert_stderr_empty();
    let expected: Vec<(String, String, String, String)> = POPULATION_2024
        .iter()
        .map(|(code, name, p)| {
            let p = p.to_string();
            (code.to_string(), format!("{name} kommun"), p.clone(), p)
        })
        .collect();
    assert_eq!(split_rows(&out), expected, "{}", out.stdout);
}

/// A figure with spaces that are no grouping in thousands (two figures in one field, or one
/// mistyped) is refused at its cell whatever the format, never joined (tester s35 #1:
/// `5140 5150` was read as 51 405 150 and gave Ragunda 3 293 872 of 3 302 125 kr). Grouping
/// in thousands, with spaces, no-break spaces or narrow ones, is read.
#[test]
fn spaces_astray_in_a_figure_are_refused_at_its_cell_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let message = |region: &str, value: &str| {
        format!(
            "fel[key-file]: värdet \"{value}\" för {region} har mellanrum som inte är tusentalsavstånd"
        )
    };
    // A workbook's text cell (row 4, under the title and the heading): column 14 of the row
    // as its cells, tab-separated.
    let book = workbook(&[
        vec![Cell::Empty, Cell::Text("2024")],
        vec![Cell::Text("2303 Ragunda"), Cell::Text("5140 5150")],
        vec![Cell::Text("2305 Bräcke"), n(6_037)],
    ]);
    std::fs::write(dir.path().join("s.xlsx"), book).unwrap();
    // A PC-Axis figure in quotes, and a JSON-stat figure written as a string.
    let px = "CHARSET=\"ANSI\";\nSTUB=\"region\";\nHEADING=\"år\";\nVALUES(\"region\")=\"2303 Ragunda\",\"2305 Bräcke\";\nVALUES(\"år\")=\"2024\";\nCODES(\"region\")=\"2303\",\"2305\";\nTIMEVAL(\"år\")=TLIST(A1),\"2024\";\nDATA=\n5150\n\"60 37\";\n";
    std::fs::write(dir.path().join("s.px"), px).unwrap();
    let json = "{\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[\"Region\",\"Tid\"],\"size\":[2,1],\n\"dimension\":{\"Region\":{\"label\":\"region\",\"category\":{\"index\":{\"2303\":0,\"2305\":1},\n\"label\":{\"2303\":\"Ragunda\",\"2305\":\"Bräcke\"}}},\n\"Tid\":{\"label\":\"år\",\"category\":{\"index\":{\"2024\":0}}}},\"role\":{\"time\":[\"Tid\"]},\n\"value\":[\"5140 5150\",6037]}\n";
    std::fs::write(dir.path().join("s.json"), json).unwrap();
    // Unquoted, comma-separated, as a sheet saved as CSV by hand.
    std::fs::write(
        dir.path().join("s.csv"),
        "region,2024\n2303 Ragunda,5 150\n2305 Bräcke,603 7\n",
    )
    .unwrap();
    for (file, region, value, place) in [
        ("s.xlsx", "2303 Ragunda", "5140 5150", "4:14"),
        ("s.px", "2305 Bräcke", "60 37", "10:2"),
        ("s.json", "2303 Ragunda", "5140 5150", "5:11"),
        ("s.csv", "2305 Bräcke", "603 7", "3:13"),
    ] {
        allocate(dir.path(), &["split", "100", "--key", file])
            .assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains(&message(region, value))
            .assert_stderr_contains(&format!("--> {file}:{place}\n"))
            .assert_stderr_contains("åtgärd: två tal i samma fält? kontrollera avgränsaren");
    }
    allocate(dir.path(), &["split", "100", "--key", "s.csv", "--lang", "en"])
        .assert_status(2)
        .assert_stderr_contains(
            "error[key-file]: the value \"603 7\" for 2305 Bräcke has spaces that are no grouping in thousands",
        )
        .assert_stderr_contains("help: two numbers in one field? check the delimiter");
    // Grouped in thousands, by each kind of space, the figures are read.
    let grouped = POPULATION_2024
        .iter()
        .zip([" ", "\u{a0}", "\u{202f}"].iter().cycle())
        .map(|((code, name, p), space)| {
            let p = p.to_string();
            let (high, low) = p.split_at(p.len() - 3);
            format!("\"{code} {name}\";{high}{space}{low}\n")
        })
        .collect::<String>();
    std::fs::write(
        dir.path().join("grouped.csv"),
        format!("\"region\";\"2024\"\n{grouped}"),
    )
    .unwrap();
    assert!(grouped.contains(";15\u{202f}702\n"), "{grouped}");
    assert_seed_split(
        &split(dir.path(), "grouped.csv", &[]),
        Naming::Both,
        "grouped",
    );
}

#[test]
fn several_years_are_refused_until_one_is_chosen() {
    for name in CHOOSE_A_YEAR {
        let file = fixture(name);
        let out = allocate(&repo_root(), &["split", "132708", "--key", &file]);
        out.assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains("fel[key-file]: filen har flera årskolumner (\"2023\", \"2024\")")
            .assert_stderr_contains("= åtgärd: ange årskolumnen: `column = \"2024\"` i planens nyckel (för allocate split: --column 2024)");
    }
}

#[test]
fn each_fixture_is_a_plan_key_without_findings() {
    // The real 2025 plan with the fixture as its key file (`column = "2024"`): every shape,
    // workbooks and JSON-stat too, whatever the file's name says.
    let plan = real_plan("plan-2025.toml");
    let names = LOADED.iter().map(|(n, _)| *n).chain(CHOOSE_A_YEAR);
    for name in names {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("keys")).unwrap();
        std::fs::copy(
            repo_root().join(fixture(name)),
            dir.path().join("keys/folkmangd-2024-11-01.csv"),
        )
        .unwrap();
        std::fs::write(dir.path().join("plan.toml"), &plan).unwrap();
        let out = allocate(dir.path(), &["check", "plan.toml"]);
        out.assert_status(0).assert_stderr_empty();
        assert!(
            out.finding_codes().is_empty(),
            "{name}: {:?}\n{}",
            out.finding_codes(),
            out.stdout
        );
    }
}

#[test]
fn a_plan_key_by_names_without_codes_splits_over_the_plans_kommuner() {
    // The new web interface's file names kommuner only; the plan's [[kommuner]] give codes.
    let plan = real_plan("plan-2025.toml");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("keys")).unwrap();
    std::fs::copy(
        repo_root().join(fixture("G-v2-webui-semicolon-title-texts-iso8859.csv")),
        dir.path().join("keys/folkmangd-2024-11-01.csv"),
    )
    .unwrap();
    std::fs::write(dir.path().join("plan.toml"), &plan).unwrap();
    let out = allocate(
        dir.path(),
        &[
            "split",
            "132708",
            "--plan",
            "plan.toml",
            "--key",
            "befolkning-2024",
            "--format",
            "csv",
            "--csv",
            "rfc4180",
        ],
    );
    assert_seed_split(&out, Naming::Both, "G by the plan");
    allocate(
        dir.path(),
        &[
            "split",
            "100",
            "--plan",
            "plan.toml",
            "--key",
            "befolkning-2024",
        ],
    )
    .assert_status(0)
    .assert_stdout_contains("kommunerna anges med namn utan kod");
}

#[test]
fn the_audit_says_how_the_file_was_read() {
    // Wide enough that neither the heading is filled over lines nor the table made compact.
    let heading = |name: &str| {
        let out = allocate_env(
            &repo_root(),
            &["split", "100", "--key", &fixture(name), "--lang", "en"],
            &[("COLUMNS", "200")],
        );
        out.assert_status(0).assert_stderr_empty();
        out.stdout
    };
    let d = heading("D-v1api-csv-region-alder-kon.csv");
    assert!(
        d.contains("the rows per kön (män, kvinnor) are summed per kommun"),
        "{d}"
    );
    let o = heading("O-rows-per-sex-with-total.csv");
    assert!(
        o.contains("kön: only \"totalt\" is read; 2 other values are left out"),
        "{o}"
    );
    let a = heading("A-oldui-semicolon-title-iso8859.csv");
    assert!(
        a.contains("line 4: \"23 Jämtlands län\" 132,708 = the sum of the kommun rows"),
        "{a}"
    );
    let g = heading("G-v2-webui-semicolon-title-texts-iso8859.csv");
    assert!(g.contains("the kommuner are named without codes"), "{g}");
    assert!(g.contains("│ Östersund  ┆     64,977 ┆"), "{g}");
    assert!(
        heading("M-webui-xlsx.xlsx").contains("column \"2024\" (Excel, sheet \"Sheet1\")"),
        "M"
    );
    assert!(
        heading("I-v2api-json-stat2.json").contains("(JSON-stat 2, UTF-8)"),
        "I"
    );
    assert!(
        heading("J-pcaxis.px").contains("(PC-Axis, ISO-8859-1/Windows-1252)"),
        "J"
    );
    assert!(
        heading("F-v2api-csv-default-codes.csv").contains("column \"BE0101N1 2024\""),
        "F"
    );
}

#[test]
fn a_long_layout_never_takes_its_first_row_as_the_header() {
    // Once the header was the first line that named a year: "2303 Ragunda","2024",5150. Then
    // Ragunda was lost and every kommun weighed 2024.
    let file = fixture("N-long-layout-year-column.csv");
    assert_seed_split(&split(&repo_root(), &file, &[]), Naming::Both, "N");
    // Wide enough that the heading stays on one line.
    allocate_env(
        &repo_root(),
        &["split", "100", "--key", &file],
        &[("COLUMNS", "200")],
    )
    .assert_status(0)
    .assert_stderr_empty()
    .assert_stdout_contains("kolumn \"2024\" (UTF-8 med BOM, komma)");
    // A header that names no year and has no time column is refused, with its line.
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("\"region\",\"x\",\"Folkmängd\"\n");
    for (code, name, population) in POPULATION_2024 {
        text.push_str(&format!("\"{code} {name}\",\"2024\",{population}\n"));
    }
    std::fs::write(dir.path().join("f.csv"), text).unwrap();
    allocate(dir.path(), &["split", "100", "--key", "f.csv"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains(
            "fel[key-file]: rubrikraden har ingen kolumn för ett år (\"region\", \"x\", \"Folkmängd\")",
        )
        .assert_stderr_contains("--> f.csv:1:1");
}

#[test]
fn a_total_beside_rows_per_sex_is_not_counted_twice() {
    // O has "totalt", "män" and "kvinnor" for each kommun: the total alone is read.
    assert_seed_split(
        &split(&repo_root(), &fixture("O-rows-per-sex-with-total.csv"), &[]),
        Naming::Both,
        "O",
    );
}

#[test]
fn a_total_row_for_one_kommun_among_rows_per_sex_is_refused_not_read_alone() {
    // D (one row per kommun and sex) with a "totalt" row added for Ragunda alone: read for
    // "totalt" only, Ragunda got all 132 708 kr and the seven other kommuner nothing.
    let d = std::fs::read_to_string(repo_root().join(fixture("D-v1api-csv-region-alder-kon.csv")))
        .unwrap();
    let ragunda_women = "\"2303 Ragunda\",\"totalt ålder\",\"kvinnor\",2575\r\n";
    assert!(d.contains(ragunda_women));
    let text = d.replacen(
        ragunda_women,
        &format!("{ragunda_women}\"2303 Ragunda\",\"totalt ålder\",\"totalt\",5150\r\n"),
        1,
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("f.csv"), text).unwrap();
    allocate(dir.path(), &["split", "132708", "--key", "f.csv"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains(
            "fel[key-file]: raderna per \"kön\" har totalen \"totalt\" för 2303 Ragunda men inte för 7 andra regioner (\"2305 Bräcke\", \"2309 Krokom\", \"2313 Strömsund\", \"2321 Åre\", \"2326 Berg\", \"2361 Härjedalen\", …); att läsa bara totalen skulle lämna dem utanför",
        )
        // Bräcke's first row, the first region without the total.
        .assert_stderr_contains("--> f.csv:5:1");
    allocate(dir.path(), &["split", "132708", "--key", "f.csv", "--lang", "en"])
        .assert_status(2)
        .assert_stderr_contains(
            "error[key-file]: the rows per \"kön\" have the total \"totalt\" for 2303 Ragunda but not for 7 other regions",
        );
    // As a plan's key: the same error, not every other kommun "missing from the file".
    let plan = std::fs::read_to_string(repo_root().join("examples/mini-maria-2025.toml"))
        .unwrap()
        .replace("keys/folkmangd-2024-11-01.csv", "f.csv")
        .replace("../allocations/f.csv", "f.csv");
    std::fs::write(dir.path().join("plan.toml"), plan).unwrap();
    let out = allocate(
        dir.path(),
        &[
            "split",
            "3202124",
            "--plan",
            "plan.toml",
            "--key",
            "befolkning-2024",
        ],
    );
    out.assert_status(1)
        .assert_stderr_contains("f.csv:5: raderna per \"kön\" har totalen \"totalt\"");
    assert!(!out.stderr.contains("saknas i filen"), "{}", out.stderr);
    // With the total for every kommun (fixture O), the total alone is read, as before.
    let mut whole = d.clone();
    for (code, name, population) in crate::support::POPULATION_2024 {
        let women = format!("\"{code} {name}\",\"totalt ålder\",\"kvinnor\",");
        let at = whole.find(&women).unwrap();
        let end = at + whole[at..].find("\r\n").unwrap() + 2;
        whole.insert_str(
            end,
            &format!("\"{code} {name}\",\"totalt ålder\",\"totalt\",{population}\r\n"),
        );
    }
    std::fs::write(dir.path().join("f.csv"), whole).unwrap();
    assert_seed_split(
        &split(dir.path(), "f.csv", &[]),
        Naming::Both,
        "D with totals",
    );
}

#[test]
fn broken_json_stat_is_told_in_swedish_at_its_line_and_column() {
    let i = std::fs::read_to_string(repo_root().join(fixture("I-v2api-json-stat2.json"))).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let run = |text: &str, lang: &str| {
        std::fs::write(dir.path().join("f.json"), text).unwrap();
        allocate(
            dir.path(),
            &["split", "132708", "--key", "f.json", "--lang", lang],
        )
    };
    // Cut short inside Krokom's name (line 42, `          "2309": "Kr`).
    let cut = &i[..i.find("\"Krokom\"").unwrap() + 3];
    run(cut, "sv")
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("fel[key-file]: filen är inte giltig JSON: den tar slut mitt i en text (filen är avkortad)\n  --> f.json:42:21\n")
        .assert_stderr_contains("42 |           \"2309\": \"Kr\n   |                     ^\n");
    run(cut, "en").assert_status(2).assert_stderr_contains(
        "error[key-file]: the file is not valid JSON: it ends in the middle of a string (the file is cut short)\n  --> f.json:42:21\n",
    );
    // A comma after the last value (line 88): the reader stops at the `]` on line 89.
    let comma = i.replacen("64977\n", "64977,\n", 1);
    assert_ne!(comma, i);
    run(&comma, "sv")
        .assert_status(2)
        .assert_stderr_contains("fel[key-file]: filen är inte giltig JSON: ett kommatecken för mycket före `]` eller `}`\n  --> f.json:89:3\n");
    // All on one line, as PxWebApi 2 writes it, cut after 500 bytes: line 1, column 500, and
    // the line shown around the column, not whole.
    let one_line: String = i.lines().map(str::trim).collect();
    let cut = &one_line[..one_line.char_indices().nth(500).unwrap().0];
    let out = run(cut, "sv");
    out.assert_status(2)
        .assert_stderr_contains(" --> f.json:1:500\n");
    assert!(!out.stderr.contains(&cut[..200]), "{}", out.stderr);
    // A count written 1e20 is too large for a population, not "not a whole number".
    let ragunda = "\n    5150,\n";
    assert!(i.contains(ragunda));
    run(&i.replacen(ragunda, "\n    1e20,\n", 1), "sv")
        .assert_status(2)
        .assert_stderr_contains("för 2303 Ragunda är för stort för en folkmängd");
    // Written with a decimal, a whole count is read.
    std::fs::write(
        dir.path().join("f.json"),
        i.replacen(ragunda, "\n    5150.0,\n", 1),
    )
    .unwrap();
    assert_seed_split(&split(dir.path(), "f.json", &[]), Naming::Both, "5150.0");
}

#[test]
fn a_pc_axis_region_is_named_with_its_code_once() {
    let j = std::fs::read(repo_root().join(fixture("J-pcaxis.px"))).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let write = |from: &str, to: &str| {
        let mut bytes = j.clone();
        let at = bytes
            .windows(from.len())
            .position(|w| w == from.as_bytes())
            .unwrap();
        bytes.splice(at..at + from.len(), to.bytes());
        std::fs::write(dir.path().join("f.px"), bytes).unwrap();
    };
    // `VALUES` writes "2303 Ragunda", `CODES` 2303: the message says "2303 Ragunda", once.
    write("5150 ", "5150.5 ");
    let out = allocate(dir.path(), &["split", "100", "--key", "f.px"]);
    out.assert_status(2).assert_stderr_contains(
        "fel[key-file]: värdet \"5150.5\" för 2303 Ragunda är inte ett heltal",
    );
    assert!(!out.stderr.contains("2303 2303"), "{}", out.stderr);
    // A code that is not the one its text gives: refused, not told as "2380 2303 Ragunda".
    write("CODES(\"region\")=\"2303\"", "CODES(\"region\")=\"2380\"");
    let out = allocate(dir.path(), &["split", "100", "--key", "f.px"]);
    out.assert_status(2).assert_stderr_contains(
        "fel[key-file]: regionen med koden 2380 har texten \"2303 Ragunda\", som anger en annan kod; vilken kommun värdet gäller går inte att avgöra",
    );
    assert!(!out.stderr.contains("2380 2303"), "{}", out.stderr);
}

/// Rows per sex with the total under `total`, after the parts: men half of the 2024
/// population (rounded down), women the rest, CRLF.
fn rows_per_sex(header: &str, men: &str, women: &str, total: &str) -> String {
    let mut text = format!("{header}\r\n");
    for (code, name, population) in POPULATION_2024 {
        let half = population / 2;
        for (sex, n) in [(men, half), (women, population - half), (total, population)] {
            text.push_str(&format!("\"{code} {name}\",\"{sex}\",{n}\r\n"));
        }
    }
    text
}

#[test]
fn a_total_of_both_sexes_by_any_of_its_names_is_not_counted_twice() {
    // Summed with its parts, Ragunda weighed 10 300, every kommun twice its population.
    let dir = tempfile::tempdir().unwrap();
    let header_sv = "\"region\",\"kön\",\"Folkmängd 2024\"";
    let header_en = "\"region\",\"sex\",\"Population 2024\"";
    for (header, men, women, total) in [
        (header_sv, "män", "kvinnor", "män och kvinnor"),
        (header_sv, "män", "kvinnor", "kvinnor och män"),
        (header_en, "men", "women", "both sexes"),
        (header_en, "men", "women", "men and women"),
        // A name no list has: the figures show it is the sum of the others.
        (header_sv, "män", "kvinnor", "bägge"),
    ] {
        std::fs::write(
            dir.path().join("f.csv"),
            rows_per_sex(header, men, women, total),
        )
        .unwrap();
        assert_seed_split(&split(dir.path(), "f.csv", &[]), Naming::Both, total);
        let column = if header == header_sv { "kön" } else { "sex" };
        allocate_env(
            dir.path(),
            &["split", "100", "--key", "f.csv"],
            &[("COLUMNS", "200")],
        )
        .assert_status(0)
        .assert_stdout_contains(&format!(
            "{column}: bara \"{total}\" läses; 2 andra värden lämnas utanför"
        ));
    }
}

// Leading zeros: Stockholms län's kommunkoder start with 0.

#[test]
fn leading_zeros_survive_every_format() {
    let dir = tempfile::tempdir().unwrap();
    // Small made-up counts; what matters is that 0114 stays 0114 and 01 stays 01.
    let csv = "\"region\";\"2024\"\n\"01 Stockholms län\";300\n\"0114 Upplands Väsby\";100\n\"0115 Vallentuna\";200\n";
    std::fs::write(dir.path().join("s.csv"), csv).unwrap();
    let codes_only =
        "\u{feff}\"Region\",\"BE0101N1 2024\"\n\"01\",300\n\"0114\",100\n\"0115\",200\n";
    std::fs::write(dir.path().join("v2.csv"), codes_only).unwrap();
    let json = r#"{"version":"2.0","class":"dataset","id":["Region","Tid"],"size":[3,1],
        "dimension":{"Region":{"label":"region","category":{"index":{"01":0,"0114":1,"0115":2},
        "label":{"01":"Stockholms län","0114":"Upplands Väsby","0115":"Vallentuna"}}},
        "Tid":{"label":"år","category":{"index":{"2024":0}}}},"role":{"time":["Tid"]},
        "value":[300,100,200]}"#;
    std::fs::write(dir.path().join("s.json"), json).unwrap();
    let px = "CHARSET=\"ANSI\";\nSTUB=\"region\";\nHEADING=\"år\";\nVALUES(\"region\")=\"Stockholms län\",\"Upplands Väsby\",\"Vallentuna\";\nVALUES(\"år\")=\"2024\";\nCODES(\"region\")=\"01\",\"0114\",\"0115\";\nTIMEVAL(\"år\")=TLIST(A1),\"2024\";\nDATA=\n300\n100\n200;\n";
    std::fs::write(dir.path().join("s.px"), px).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Folkmängden").unwrap();
    sheet.write_string(2, 1, "2024").unwrap();
    for (row, (region, count)) in [
        ("01 Stockholms län", 300),
        ("0114 Upplands Väsby", 100),
        ("0115 Vallentuna", 200),
    ]
    .iter()
    .enumerate()
    {
        let row = u32::try_from(row).unwrap() + 3;
        sheet.write_string(row, 0, *region).unwrap();
        sheet.write_number(row, 1, f64::from(*count)).unwrap();
    }
    std::fs::write(dir.path().join("s.xlsx"), book.save_to_buffer().unwrap()).unwrap();
    for (file, names) in [
        ("s.csv", true),
        ("v2.csv", false),
        ("s.json", true),
        ("s.px", true),
        ("s.xlsx", true),
    ] {
        let out = allocate(
            dir.path(),
            &[
                "split", "300", "--key", file, "--format", "csv", "--csv", "rfc4180",
            ],
        );
        out.assert_status(0).assert_stderr_empty();
        let (a, b) = if names {
            ("Upplands Väsby", "Vallentuna")
        } else {
            ("", "")
        };
        assert_eq!(
            split_rows(&out),
            [
                ("0114".into(), a.into(), "100".into(), "100".into()),
                ("0115".into(), b.into(), "200".into(), "200".into())
            ],
            "{file}"
        );
        allocate(dir.path(), &["split", "300", "--key", file])
            .assert_status(0)
            .assert_stdout_contains("300 = kommunradernas summa");
    }
}

#[test]
fn a_code_that_lost_its_leading_zero_is_refused() {
    // Excel reads "0114" as the number 114 when the codes stand alone.
    let dir = tempfile::tempdir().unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 1, "2024").unwrap();
    sheet.write_number(1, 0, 114.0).unwrap();
    sheet.write_number(1, 1, 100.0).unwrap();
    std::fs::write(dir.path().join("s.xlsx"), book.save_to_buffer().unwrap()).unwrap();
    std::fs::write(dir.path().join("s.csv"), "Region;2024\n114;100\n115;200\n").unwrap();
    for (file, line) in [("s.xlsx", 2), ("s.csv", 2)] {
        allocate(dir.path(), &["split", "300", "--key", file])
            .assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains(
                "fel[key-file]: regionkoden i \"114\" har tappat sin inledande nolla",
            )
            .assert_stderr_contains(&format!("--> {file}:{line}:1"))
            .assert_stderr_contains("formatera regionkolumnen som text");
    }
    // The code in a column of its own beside the name (Kolada, a sheet made by hand), stored
    // as a number: told the same, at the first such row, not as rows per a variable "kod"
    // that cannot be summed (tester s35 #2).
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, header) in ["kod", "region", "2024"].iter().enumerate() {
        sheet.write_string(0, c as u16, *header).unwrap();
    }
    for (r, (code, name, count)) in [
        (2303.0, "Ragunda", 5_150.0),
        (114.0, "Upplands Väsby", 100.0),
        (115.0, "Vallentuna", 200.0),
    ]
    .iter()
    .enumerate()
    {
        let r = u32::try_from(r).unwrap() + 1;
        sheet.write_number(r, 0, *code).unwrap();
        sheet.write_string(r, 1, *name).unwrap();
        sheet.write_number(r, 2, *count).unwrap();
    }
    std::fs::write(dir.path().join("k.xlsx"), book.save_to_buffer().unwrap()).unwrap();
    for lang in ["sv", "en"] {
        let out = allocate(
            dir.path(),
            &["split", "300", "--key", "k.xlsx", "--lang", lang],
        );
        out.assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains("--> k.xlsx:3:1\n");
        match lang {
            "sv" => out.assert_stderr_contains(
                "fel[key-file]: regionkoden i \"114 Upplands Väsby\" har tappat sin inledande nolla",
            ),
            _ => out.assert_stderr_contains(
                "error[key-file]: the region code in \"114 Upplands Väsby\" has lost its leading zero",
            ),
        };
        assert!(!out.stderr.contains("summ"), "{}", out.stderr);
    }
}

#[test]
fn a_date_in_a_workbook_is_not_read_as_a_population() {
    // A cell formatted as a date holds the day's serial number: 2024-11-01 is 45597.
    let dir = tempfile::tempdir().unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    sheet.write_string(0, 1, "2024").unwrap();
    sheet.write_string(1, 0, "0114 Upplands Väsby").unwrap();
    sheet
        .write_number_with_format(1, 1, 45597.0, &date)
        .unwrap();
    sheet.write_string(2, 0, "0115 Vallentuna").unwrap();
    sheet.write_number(2, 1, 200.0).unwrap();
    std::fs::write(dir.path().join("s.xlsx"), book.save_to_buffer().unwrap()).unwrap();
    allocate(dir.path(), &["split", "300", "--key", "s.xlsx"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains(
            "fel[key-file]: värdet \"2024-11-01\" för 0114 Upplands Väsby är inte ett heltal",
        )
        .assert_stderr_contains("--> s.xlsx:2:1");
}

#[test]
fn a_number_cell_a_double_cannot_hold_exactly_is_refused() {
    // From 2^53 = 9 007 199 254 740 992 on, a number cell may be another number than the one
    // written (…993 is read as …992); below it every whole number is exact.
    let book = |ragunda: f64| {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 1, "2024").unwrap();
        for (r, (code, name, population)) in POPULATION_2024.iter().enumerate() {
            let r = u32::try_from(r).unwrap() + 1;
            sheet.write_string(r, 0, format!("{code} {name}")).unwrap();
            let n = if *code == "2303" {
                ragunda
            } else {
                *population as f64
            };
            sheet.write_number(r, 1, n).unwrap();
        }
        book.save_to_buffer().unwrap()
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("s.xlsx"), book(9_007_199_254_740_992.0)).unwrap();
    allocate(dir.path(), &["split", "100", "--key", "s.xlsx"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains(
            "fel[key-file]: värdet \"9007199254740992\" för 2303 Ragunda är för stort för en folkmängd",
        )
        .assert_stderr_contains("--> s.xlsx:2:1");
    std::fs::write(dir.path().join("s.xlsx"), book(9.223_372_036_854_776e18)).unwrap();
    allocate(dir.path(), &["split", "100", "--key", "s.xlsx", "--lang", "en"])
        .assert_status(2)
        .assert_stderr_contains(
            "error[key-file]: the value \"9223372036854776000\" for 2303 Ragunda is too large for a population",
        )
        .assert_stderr_contains("--> s.xlsx:2:1");
    // 2^53 − 1 is held exactly, and read as it is written: then refused as more than any
    // kommun's population.
    std::fs::write(dir.path().join("s.xlsx"), book(9_007_199_254_740_991.0)).unwrap();
    allocate(dir.path(), &["split", "100", "--key", "s.xlsx"])
        .assert_status(2)
        .assert_stderr_contains(
            "fel[key-file]: folkmängden 9 007 199 254 740 991 för 2303 Ragunda är större än 20 000 000",
        )
        .assert_stderr_contains("--> s.xlsx:2:14");
    // The largest population a kommun row may have is read as written.
    std::fs::write(dir.path().join("s.xlsx"), book(20_000_000.0)).unwrap();
    let out = split(dir.path(), "s.xlsx", &[]);
    out.assert_status(0);
    assert_eq!(split_rows(&out)[0].2, "20000000", "{}", out.stdout);
    // The seed's own figures, of course, are read.
    std::fs::write(dir.path().join("s.xlsx"), book(5_150.0)).unwrap();
    assert_seed_split(&split(dir.path(), "s.xlsx", &[]), Naming::Both, "s.xlsx");
}

// Workbooks as PxWeb writes them in other layouts.

/// A workbook with the title in A1 and `rows` from row 3 on (0-based 2), as text or number.
fn workbook(rows: &[Vec<Cell>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .write_string(0, 0, "Folkmängden efter region, kön och år")
        .unwrap();
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r).unwrap() + 2;
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).unwrap();
            match cell {
                Cell::Text(t) => {
                    sheet.write_string(r, c, *t).unwrap();
                }
                Cell::Number(n) => {
                    sheet.write_number(r, c, *n).unwrap();
                }
                Cell::Empty => {}
            }
        }
    }
    book.save_to_buffer().unwrap()
}

enum Cell {
    Text(&'static str),
    Number(f64),
    Empty,
}

fn n(count: u64) -> Cell {
    Cell::Number(count as f64)
}

#[test]
fn a_workbook_with_two_stub_variables_and_two_heading_rows() {
    // Region outer (written on its first row only), kön inner; contents above the year; the
    // table's notes and information below.
    let halves: [(&str, u64, u64); 8] = [
        ("2303 Ragunda", 2_575, 2_575),
        ("2305 Bräcke", 3_018, 3_019),
        ("2309 Krokom", 7_851, 7_851),
        ("2313 Strömsund", 5_497, 5_498),
        ("2321 Åre", 6_313, 6_313),
        ("2326 Berg", 3_550, 3_551),
        ("2361 Härjedalen", 5_060, 5_060),
        ("2380 Östersund", 32_488, 32_489),
    ];
    let mut rows = vec![
        vec![Cell::Empty, Cell::Empty, Cell::Text("Folkmängd")],
        vec![Cell::Empty, Cell::Empty, Cell::Text("2024")],
    ];
    for (region, men, women) in halves {
        rows.push(vec![Cell::Text(region), Cell::Text("män"), n(men)]);
        rows.push(vec![Cell::Empty, Cell::Text("kvinnor"), n(women)]);
    }
    rows.push(vec![]);
    rows.push(vec![Cell::Text(
        "Uppgifterna avser förhållandena den 1 november.",
    )]);
    rows.push(vec![Cell::Text("Senast uppdaterad:")]);
    rows.push(vec![Cell::Text("2025-02-21 08:00")]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("w.xlsx"), workbook(&rows)).unwrap();
    assert_seed_split(
        &split(dir.path(), "w.xlsx", &[]),
        Naming::Both,
        "two stub variables",
    );
    // A row of the sheet with a bad figure is shown by its row number, as Excel numbers it.
    let mut bad = rows;
    bad[5] = vec![Cell::Empty, Cell::Text("kvinnor"), Cell::Text("3 O19")];
    std::fs::write(dir.path().join("w.xlsx"), workbook(&bad)).unwrap();
    allocate(dir.path(), &["split", "100", "--key", "w.xlsx"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains(
            "fel[key-file]: värdet \"3 O19\" för 2305 Bräcke är inte ett heltal",
        )
        .assert_stderr_contains("--> w.xlsx:8:1");
}

#[test]
fn a_workbook_with_the_regions_inside_another_variable() {
    // Kön outer, region inner, codes only (PxWebApi 2's xlsx with codes): the column of
    // kommunkoder holds the regions, whichever it is.
    let halves: [(&str, u64, u64); 8] = [
        ("2303", 2_575, 2_575),
        ("2305", 3_018, 3_019),
        ("2309", 7_851, 7_851),
        ("2313", 5_497, 5_498),
        ("2321", 6_313, 6_313),
        ("2326", 3_550, 3_551),
        ("2361", 5_060, 5_060),
        ("2380", 32_488, 32_489),
    ];
    let mut rows = vec![vec![Cell::Empty, Cell::Empty, Cell::Text("2024")]];
    for (sex, women) in [("1", false), ("2", true)] {
        for (i, (code, men, w)) in halves.iter().enumerate() {
            let first = if i == 0 { Cell::Text(sex) } else { Cell::Empty };
            rows.push(vec![
                first,
                Cell::Text(code),
                n(if women { *w } else { *men }),
            ]);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("w.xlsx"), workbook(&rows)).unwrap();
    assert_seed_split(
        &split(dir.path(), "w.xlsx", &[]),
        Naming::Codes,
        "regions inside",
    );
}

#[test]
fn a_workbook_with_two_contents_over_its_years_is_read_by_the_named_column() {
    // Heading rows: contents above years. "2024" alone would be ambiguous; the contents name
    // the columns as in the CSV ("Folkmängd 2024").
    let mut rows = vec![
        vec![
            Cell::Empty,
            Cell::Text("Folkökning"),
            Cell::Empty,
            Cell::Text("Folkmängd"),
        ],
        vec![
            Cell::Empty,
            Cell::Text("2024"),
            Cell::Empty,
            Cell::Text("2024"),
        ],
    ];
    for (code, name, population) in POPULATION_2024 {
        let label: &'static str = Box::leak(format!("{code} {name}").into_boxed_str());
        rows.push(vec![Cell::Text(label), n(10), Cell::Empty, n(population)]);
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("w.xlsx"), workbook(&rows)).unwrap();
    let out = allocate(dir.path(), &["split", "100", "--key", "w.xlsx"]);
    out.assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains(
            "filen har flera årskolumner (\"Folkökning 2024\", \"Folkmängd 2024\")",
        );
    assert_seed_split(
        &split(dir.path(), "w.xlsx", &["--column", "Folkmängd 2024"]),
        Naming::Both,
        "two contents",
    );
}

/// A zip archive that is not a workbook, or a damaged one, is told in the language asked for:
/// the zip and workbook readers' own reasons (English) only in English.
#[test]
fn a_zip_that_is_no_workbook_is_told_in_swedish() {
    let dir = tempfile::tempdir().unwrap();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("hello.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut zip, b"hi").unwrap();
    std::fs::write(
        dir.path().join("z.xlsx"),
        zip.finish().unwrap().into_inner(),
    )
    .unwrap();
    let cut = b"PK\x03\x04\x14\x00\x00\x00\x00\x00";
    std::fs::write(dir.path().join("cut.xlsx"), cut).unwrap();
    for (name, sv, en) in [
        (
            "z.xlsx",
            "(delen _rels/.rels, som varje arbetsbok har, saknas)",
            "(the part _rels/.rels, which every workbook has, is missing)",
        ),
        (
            "cut.xlsx",
            "(zip-arkivet är avkortat eller skadat)",
            "(the zip archive is cut short or damaged: invalid Zip archive",
        ),
    ] {
        let out = allocate(dir.path(), &["split", "100", "--key", name]);
        out.assert_status(2).assert_stderr_contains(&format!(
            "fel[key-file]: {name}: filen är en zip-fil men ingen Excel-arbetsbok som går att läsa {sv}"
        ));
        assert!(!out.stderr.contains("Zip archive"), "{}", out.stderr);
        allocate(dir.path(), &["split", "100", "--key", name, "--lang", "en"])
            .assert_status(2)
            .assert_stderr_contains(en);
    }
}

#[test]
fn other_files_are_named_and_refused() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "t.json",
            br#"{"class": "collection", "link": {}}"#,
            "JSON-stat-filen är av klassen \"collection\", inte en datamängd (\"dataset\")",
        ),
        (
            "t.xml",
            b"<?xml version=\"1.0\"?><message:GenericData/>",
            "filen är en XML-fil (till exempel SDMX), som inte läses som befolkningsnyckel",
        ),
        (
            "t.parquet",
            b"PAR1\x15\x04\x15\x00",
            "filen är en Parquet-fil, som inte läses som befolkningsnyckel",
        ),
        (
            "t.docx",
            b"PK\x03\x04\x14\x00\x00\x00\x00\x00",
            "filen är en zip-fil men ingen Excel-arbetsbok som går att läsa (zip-arkivet är avkortat eller skadat)",
        ),
    ];
    for (name, bytes, message) in cases {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        allocate(dir.path(), &["split", "100", "--key", name])
            .assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains(&format!("fel[key-file]: {name}: {message}"))
            .assert_stderr_contains("= åtgärd:");
    }
}

/// A workbook whose sheet stores a cell twice (a second `<row r="10">`, or `B10` twice in its
/// row) is refused: which population counts cannot be told, and the last one written
/// (Östersund 1) would be taken without a word.
#[test]
fn a_cell_stored_twice_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(repo_root().join("tests/fixtures/scb/M-webui-xlsx.xlsx")).unwrap();
    let edited = |edit: &dyn Fn(String) -> String| -> Vec<u8> {
        crate::support::rewrite_parts(bytes.clone(), |name, xml| {
            (name == "xl/worksheets/sheet1.xml").then(|| edit(xml))
        })
    };
    let last = r#"<c r="B10" t="n"><v>64977</v></c>"#;
    let row_twice = edited(&|xml| {
        xml.replace(
            "</sheetData>",
            r#"<row r="10"><c r="A10" t="inlineStr"><is><t>2380 Östersund</t></is></c><c r="B10" t="n"><v>1</v></c></row></sheetData>"#,
        )
    });
    let cell_twice =
        edited(&|xml| xml.replace(last, &format!("{last}<c r=\"B10\" t=\"n\"><v>1</v></c>")));
    for (name, bytes, cell) in [
        ("row.xlsx", row_twice, "A10"),
        ("cell.xlsx", cell_twice, "B10"),
    ] {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        split(dir.path(), name, &[])
            .assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains(&format!(
                "cellen {cell} står två gånger i bladet, så vilket värde som gäller går inte att avgöra"
            ))
            .assert_stderr_contains("ladda ner tabellen från SCB igen");
    }
}

/// A sheet named `name` with the title in A1, the header in row 3 and a row per kommun with
/// `population(kommun)`.
fn kommun_sheet(
    book: &mut rust_xlsxwriter::Workbook,
    name: &str,
    year: &str,
    population: impl Fn(u64) -> u64,
) {
    let sheet = book.add_worksheet();
    sheet.set_name(name).unwrap();
    sheet
        .write_string(0, 0, "Folkmängden den 1 november efter region och år")
        .unwrap();
    sheet.write_string(2, 1, year).unwrap();
    for (r, (code, name, n)) in POPULATION_2024.iter().enumerate() {
        let r = u32::try_from(r).unwrap() + 3;
        sheet.write_string(r, 0, format!("{code} {name}")).unwrap();
        sheet.write_number(r, 1, population(*n) as f64).unwrap();
    }
}

#[test]
fn a_hidden_sheet_is_passed_over_and_an_error_about_a_workbook_names_its_sheets() {
    let dir = tempfile::tempdir().unwrap();
    // A hidden first sheet of last year's figures (each kommun 100 fewer), the table the
    // user sees on the second: the second is read.
    let mut book = rust_xlsxwriter::Workbook::new();
    kommun_sheet(&mut book, "gammal", "2023", |n| n - 100);
    kommun_sheet(&mut book, "2024", "2024", |n| n);
    book.worksheet_from_index(1).unwrap().set_active(true);
    book.worksheet_from_index(0).unwrap().set_hidden(true);
    std::fs::write(dir.path().join("dold.xlsx"), book.save_to_buffer().unwrap()).unwrap();
    assert_seed_split(
        &split(dir.path(), "dold.xlsx", &[]),
        Naming::Both,
        "dold.xlsx",
    );
    allocate(dir.path(), &["split", "132708", "--key", "dold.xlsx"])
        .assert_status(0)
        .assert_stdout_contains("kolumn \"2024\" (Excel, bladet \"2024\")");
    // Asked for the hidden sheet's year, the error says which sheet was read.
    allocate(
        dir.path(),
        &["split", "132708", "--key", "dold.xlsx", "--column", "2023"],
    )
    .assert_status(2)
    .assert_stderr_contains("fel[key-file]: kolumnen \"2023\" finns inte; årskolumnerna är \"2024\" (bladet \"2024\"; arbetsboken har också bladet \"gammal\" (dolt, läses inte))")
    .assert_stderr_contains("en arbetsbok läses från det första blad den visar");
    // A sheet of notes before the table: the error names both sheets.
    let mut book = rust_xlsxwriter::Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Information").unwrap();
    notes
        .write_string(0, 0, "Källa: SCB, Befolkningsstatistik")
        .unwrap();
    kommun_sheet(&mut book, "Data", "2024", |n| n);
    std::fs::write(
        dir.path().join("noter.xlsx"),
        book.save_to_buffer().unwrap(),
    )
    .unwrap();
    allocate(dir.path(), &["split", "132708", "--key", "noter.xlsx"])
        .assert_status(2)
        .assert_stderr_contains("(bladet \"Information\"; arbetsboken har också bladet \"Data\")")
        .assert_stderr_contains("flytta det först, eller spara det som en egen fil");
    allocate(
        dir.path(),
        &["split", "132708", "--key", "noter.xlsx", "--lang", "en"],
    )
    .assert_status(2)
    .assert_stderr_contains("(sheet \"Information\"; the workbook also has the sheet \"Data\")");
}
