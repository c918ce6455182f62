//! `allocate report` on the real plans: what a reader sees.

use crate::support::{PlanDir, allocate, repo_root};

fn report(args: &[&str]) -> crate::support::Output {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    allocate(&repo_root(), &all)
}

#[test]
fn per_kommun_table_2026_shows_the_printed_rows() {
    let out = report(&["allocations/plan-2026.toml", "--view", "per-kommun"]);
    out.assert_status(0)
        .assert_stderr_empty()
        .assert_stdout_contains("Fördelning per kommun, Jämtlands län 2026")
        .assert_row(&["Kod", "Kommun", "1.3", "2.5", "3.4", "Totalt"])
        .assert_row(&[
            "2326",
            "Berg",
            "21 200 kr",
            "75 000 kr",
            "100 000 kr",
            "196 200 kr",
        ])
        .assert_row(&[
            "2305",
            "Bräcke",
            "18 000 kr",
            "75 000 kr",
            "100 000 kr",
            "193 000 kr",
        ])
        .assert_row(&[
            "2361",
            "Härjedalen",
            "30 400 kr",
            "75 000 kr",
            "100 000 kr",
            "205 400 kr",
        ])
        .assert_row(&[
            "2309",
            "Krokom",
            "47 600 kr",
            "75 000 kr",
            "100 000 kr",
            "222 600 kr",
        ])
        .assert_row(&[
            "2303",
            "Ragunda",
            "15 600 kr",
            "75 000 kr",
            "100 000 kr",
            "190 600 kr",
        ])
        .assert_row(&[
            "2313",
            "Strömsund",
            "32 800 kr",
            "75 000 kr",
            "100 000 kr",
            "207 800 kr",
        ])
        .assert_row(&[
            "2321",
            "Åre",
            "38 400 kr",
            "75 000 kr",
            "100 000 kr",
            "213 400 kr",
        ])
        .assert_row(&[
            "2380",
            "Östersund",
            "196 000 kr",
            "140 000 kr",
            "100 000 kr",
            "436 000 kr",
        ])
        .assert_row(&[
            "",
            "Totalt",
            "400 000 kr",
            "665 000 kr",
            "800 000 kr",
            "1 865 000 kr",
        ]);
}

#[test]
fn swedish_view_names_work_too() {
    let sv = report(&["allocations/plan-2026.toml", "--view", "kommuner"]);
    let en = report(&["allocations/plan-2026.toml", "--view", "per-kommun"]);
    assert_eq!(sv.stdout, en.stdout);
    // A view named twice, in either language, is shown once.
    let twice = report(&[
        "allocations/plan-2026.toml",
        "--view",
        "kommuner",
        "--view",
        "per-kommun",
    ]);
    twice.assert_status(0);
    assert_eq!(twice.stdout, en.stdout);
    assert_eq!(
        twice.stdout.matches("436 000 kr").count(),
        1,
        "{}",
        twice.stdout
    );
}

#[test]
fn per_heading_2026_marks_every_stated_total_as_matching() {
    let out = report(&["allocations/plan-2026.toml", "--view", "per-heading"]);
    out.assert_status(0)
        .assert_row(&[
            "",
            "Region Jämtland Härjedalen",
            "3 992 436 kr",
            "3 992 436 kr ✓",
        ])
        .assert_stdout_contains("2 127 436 kr ┆ 2 127 436 kr ✓")
        .assert_stdout_contains("3 510 836 kr ┆ 3 510 836 kr ✓")
        .assert_stdout_contains("481 600 kr ┆   481 600 kr ✓")
        .assert_row(&["3.7", "Informera om arbetssätt och stöt…", "100 000 kr", ""])
        .assert_stdout_contains("4 705 026 kr ┆ 4 705 026 kr ✓");
}

#[test]
fn per_actor_2026_totals_the_county() {
    report(&["allocations/plan-2026.toml", "--view", "aktorer"])
        .assert_status(0)
        .assert_stdout_contains("│ – Folkhälsoenheten")
        .assert_row(&[
            "Kommunförbundet Jämtland…",
            "1 350 000",
            "250 000",
            "527 436",
            "2 127 436",
        ])
        .assert_row(&[
            "– Folkhälsoenheten",
            "1 750 000",
            "250 000",
            "1 510 836",
            "3 510 836",
        ])
        .assert_row(&[
            "Länets kommuner",
            "400 000",
            "665 000",
            "800 000",
            "1 865 000",
        ])
        .assert_row(&["– Östersund", "196 000", "140 000", "100 000", "436 000"])
        .assert_row(&[
            "Totalt",
            "4 000 000",
            "2 501 626",
            "6 188 272",
            "12 689 898",
        ]);
}

#[test]
fn invoices_2026_end_with_the_reconciliation_line() {
    let out = report(&["allocations/plan-2026.toml", "--view", "invoices"]);
    out.assert_status(0)
        // 81 characters: at 80 columns the recipient ends the line.
        .assert_stdout_contains(
            "Samlingsfaktura från Kommunförbundet Jämtland Härjedalen\n  till Region Jämtland Härjedalen\n",
        )
        .assert_stdout_contains("Samlingsfaktura från Östersund (2380) till Region Jämtland Härjedalen")
        .assert_stdout_contains(
            "Samlingsfaktura från Fontänhus Jämtland Härjedalen\n  till Region Jämtland Härjedalen\n",
        )
        .assert_stdout_contains("Referenskod: 400105")
        .assert_stdout_contains("Ej använda medel återbetalas senast 2027-03-31")
        .assert_row(&[
            "3",
            "3.6",
            "Sprida vilket befintligt stöd och lågtrös…",
            "127 436 kr",
        ])
        .assert_row(&["", "", "Totalt", "2 127 436 kr"])
        .assert_row(&["", "", "Totalt", "436 000 kr"])
        .assert_row(&["", "", "Totalt", "250 000 kr"]);
    assert!(
        out.stdout.ends_with(
            "Fakturor 4 242 436 kr + interna överföringar 4 242 436 kr\n  + medel hos regionen 4 205 026 kr = 12 689 898 kr = länets medel ✓\n"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn invoices_2025_reconcile_with_the_county_total() {
    let out = report(&["allocations/plan-2025.toml", "--view", "fakturor"]);
    out.assert_status(0)
        .assert_stdout_contains("= 12 697 775 kr = länets medel ✓");
}

#[test]
fn invoices_2025_say_to_invoice_by_30_august() {
    // "Medel som inte fakturerats enligt beslut 2025-08-30 … ska återbetalas" (seed 003).
    report(&["allocations/plan-2025.toml", "--view", "invoices"])
        .assert_status(0)
        .assert_stdout_contains(
            "  Faktureras senast 2025-08-30\n  Användningen redovisas senast 2025-12-31\n",
        );
    report(&[
        "allocations/plan-2025.toml",
        "--view",
        "invoices",
        "--lang",
        "en",
    ])
    .assert_status(0)
    .assert_stdout_contains("  Invoice by 2025-08-30\n");
    // 2026's plan gives no such date, and says none.
    let out = report(&["allocations/plan-2026.toml", "--view", "invoices"]);
    assert!(!out.stdout.contains("Faktureras senast"), "{}", out.stdout);
}

#[test]
fn per_area_2026_shows_each_area_against_the_agreement() {
    let out = report(&["allocations/plan-2026.toml", "--view", "per-area"]);
    out.assert_status(0)
        .assert_stdout_contains("Enligt överenskommelsen: 4 000 000 kr ✓")
        .assert_stdout_contains("Enligt överenskommelsen: 2 501 626 kr ✓")
        .assert_stdout_contains("Enligt överenskommelsen: 6 188 272 kr ✓");
}

#[test]
fn all_views_by_default_and_in_english() {
    let out = report(&["--lang", "en", "allocations/plan-2026.toml"]);
    out.assert_status(0)
        .assert_stdout_contains("Distribution per kommun, Jämtlands län 2026")
        .assert_stdout_contains("Distribution per responsible actor")
        .assert_stdout_contains("Summary per actor handling the funds")
        .assert_stdout_contains("Insatser per area")
        .assert_stdout_contains(
            "Collective invoice from Östersund (2380) to Region Jämtland Härjedalen",
        )
        .assert_stdout_contains("= 12,689,898 kr = the county total ✓");
}

#[test]
fn filter_by_kommun_shows_only_its_invoice() {
    let out = report(&[
        "allocations/plan-2026.toml",
        "--view",
        "invoices",
        "--kommun",
        "2380",
    ]);
    out.assert_status(0)
        .assert_stdout_contains("Samlingsfaktura från Östersund (2380)")
        .assert_stdout_contains("= 436 000 kr (urval)");
    assert!(!out.stdout.contains("Kommunförbundet"));
}

#[test]
fn unknown_filter_name_is_a_usage_error_with_a_suggestion() {
    report(&["allocations/plan-2026.toml", "--actor", "kfhj"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("okänd aktör `kfhj`. Menade du `kfjh`?");
    // A name without its å, ä, ö is near the actor's name, a code without a digit near the
    // kommun's code: both are suggested, as ids and names are (they were not).
    report(&["allocations/plan-2026.toml", "--actor", "folkhalsoenheten"])
        .assert_status(2)
        .assert_stderr_contains("okänd aktör `folkhalsoenheten`. Menade du `Folkhälsoenheten`?");
    report(&["allocations/plan-2026.toml", "--kommun", "326"])
        .assert_status(2)
        .assert_stderr_contains("okänd kommun `326`. Menade du `2326`?")
        // Given as a code, the kommuner are listed with theirs (tester s33 B3).
        .assert_stderr_contains("Planen har: 2303 Ragunda, 2305 Bräcke, 2309 Krokom,");
    // An area is a number: every other is one digit from it, so no guess, only the list.
    let out = report(&["allocations/plan-2026.toml", "--area", "4"]);
    out.assert_status(2)
        .assert_stderr_contains("okänt område `4`. Planen har: 1, 2, 3\n");
    assert!(!out.stderr.contains("Menade du"), "{}", out.stderr);
}

/// An actor by its name or short name selects what its id does; a name typed with a control
/// character is echoed with the character named, not written to the terminal.
#[test]
fn an_actor_is_selected_by_name_as_by_id() {
    let by_id = report(&["allocations/plan-2026.toml", "--actor", "fhe"]);
    by_id.assert_status(0);
    for name in ["Folkhälsoenheten", "folkhälsoenheten"] {
        let by_name = report(&["allocations/plan-2026.toml", "--actor", name]);
        by_name.assert_status(0);
        assert_eq!(by_name.stdout, by_id.stdout, "{name}");
    }
    report(&["allocations/plan-2026.toml", "--kommun", "Ber\u{1b}[2Jg"])
        .assert_status(2)
        .assert_stderr_contains("okänd kommun `Ber<U+001B>[2Jg`");
}

#[test]
fn an_unknown_kommun_of_a_national_plan_names_a_few_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    allocate(
        dir.path(),
        &[
            "generate",
            "--insatser",
            "150",
            "--kommuner",
            "290",
            "-o",
            "out",
            "--no-journals",
        ],
    )
    .assert_status(0);
    let out = allocate(
        dir.path(),
        &[
            "report",
            "out/plan.toml",
            "--view",
            "per-area",
            "--kommun",
            "Södersundd",
        ],
    );
    out.assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("okänd kommun `Södersundd`. Menade du `Södersund`?")
        .assert_stderr_contains(" och 280 till\n");
    let names = out.stderr.split("Planen har: ").nth(1).unwrap();
    assert_eq!(names.split(", ").count(), 10, "{names}");
}

#[test]
fn plan_with_errors_is_not_reported_on() {
    let out = report(&["examples/plan-2026-as-printed.toml"]);
    out.assert_status(1)
        .assert_stdout_empty()
        .assert_stderr_contains("fel[stated-total]")
        .assert_stderr_contains("1 fel; ingen rapport förrän planen stämmer");
}

/// A draft's line on standard error says no more than the document: each error marked at its
/// figure only where the document marks each, else that the errors are listed at its top.
#[test]
fn a_drafts_line_on_standard_error_says_what_the_document_says() {
    // An unknown focus area of insats 1.3 stands at no figure of the document: it keeps no
    // money from being split.
    let p = PlanDir::from_real("plan-2026.toml")
        .edit("focus_areas = [4, 5, 6, 7]", "focus_areas = [4, 5, 6, 9]");
    std::fs::write(p.dir.path().join("plan.toml"), &p.text).unwrap();
    for (lang, in_document, at_figure, on_stderr) in [
        (
            "sv",
            "Varje fel står i listan nedan.",
            "Det här är vad allocate check fann. Varning 1 står också vid sin siffra i dokumentet (≠).",
            "plan.toml: 1 fel; dokumentet är ett utkast med felen i en lista överst\n",
        ),
        (
            "en",
            "Each error is in the list below.",
            "This is what allocate check found. Warning 1 also stands at its figure in the document (≠).",
            "plan.toml: 1 error; the document is a draft with the errors in a list at the top\n",
        ),
    ] {
        let out = allocate(
            p.dir.path(),
            &["report", "plan.toml", "--format", "md", "--lang", lang],
        );
        out.assert_status(1);
        assert!(out.stdout.contains(in_document), "{}", out.stdout);
        // Only the earmark warning stands at a figure.
        assert!(out.stdout.contains(at_figure), "{}", out.stdout);
        assert!(out.stderr.ends_with(on_stderr), "{}", out.stderr);
    }

    // Berg's 5,3 % written under `Bergg`: the unknown name is in the key insats 1.3 is split
    // by (the key without Berg and its sum are not told again), and so it stands where 1.3's
    // money is not distributed and at the printed figures it keeps from being checked.
    let p = PlanDir::from_real("plan-2026.toml").edit(
        "values = { Berg = \"5,3\"",
        "values = { \"Bergg\" = \"5,3\"",
    );
    std::fs::write(p.dir.path().join("plan.toml"), &p.text).unwrap();
    let out = allocate(p.dir.path(), &["report", "plan.toml", "--format", "md"]);
    out.assert_status(1)
        .assert_stdout_contains("Varje fel står vid sin siffra (≠) och i listan nedan.")
        .assert_stdout_contains("ej fördelat (fel 1)")
        .assert_stdout_contains("kan inte kontrolleras (fel 1)");
    assert!(
        out.stderr.ends_with(
            "plan.toml: 1 fel; dokumentet är ett utkast med varje fel markerat vid sin siffra\n"
        ),
        "{}",
        out.stderr
    );

    // The plan as printed: its one error, the heading total 481 000 where the plan gives
    // 481 600, stands at that figure.
    let out = report(&["examples/plan-2026-as-printed.toml", "--format", "md"]);
    out.assert_status(1);
    assert!(
        out.stdout
            .contains("Varje fel står vid sin siffra (≠) och i listan nedan."),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.ends_with(
            "examples/plan-2026-as-printed.toml: 1 fel; dokumentet är ett utkast med varje fel markerat vid sin siffra\n"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn payments_view_lists_every_row_and_the_county_total() {
    let out = report(&["allocations/plan-2026.toml", "--view", "betalningar"]);
    out.assert_status(0)
        .assert_row(&["Östersund (2380)", "2", "2.5", "140 000 kr", "faktura"])
        .assert_row(&[
            "Föräldra-barnhälsan",
            "2",
            "2.4",
            "381 600 kr",
            "intern överföring",
        ])
        .assert_row(&["Totalt", "", "", "12 689 898 kr", ""]);
    // Not part of the default views: it is long, and `export` is its home.
    assert!(
        !report(&["allocations/plan-2026.toml"])
            .stdout
            .contains("Betalningar,")
    );
}

/// A plan without summary headings has no per-heading view: never a table or a JSON total of
/// 0 kr for the county's 12 689 898 kr.
#[test]
fn a_plan_without_headings_has_no_per_heading_view() {
    let mut p = PlanDir::from_real("plan-2026.toml");
    // Every [[headings]] table (and the stated totals, which name headings) removed.
    let text = std::mem::take(&mut p.text);
    let mut kept = String::new();
    let mut skipping = false;
    for line in text.lines() {
        if line.starts_with("[[") || line.starts_with('[') {
            skipping = line == "[[headings]]";
        }
        if !skipping {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    p.text = kept.replace(
        "file = \"keys/",
        &format!("file = \"{}/allocations/keys/", repo_root().display()),
    );
    p.check(&[]).assert_status(0);
    let dir = p.dir.path();
    let all = allocate(dir, &["report", "plan.toml"]);
    all.assert_status(0).assert_stdout_contains("12 689 898 kr");
    assert!(
        !all.stdout
            .contains("Sammanfattning per aktör som hanterar medlen"),
        "{}",
        all.stdout
    );
    for args in [
        vec!["report", "plan.toml", "--view", "per-heading"],
        vec!["export", "plan.toml", "--view", "rubriker"],
        vec![
            "export",
            "plan.toml",
            "--format",
            "json",
            "--view",
            "per-heading",
        ],
    ] {
        allocate(dir, &args)
            .assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains(
                "fel: planen har inga sammanfattande rubriker ([[headings]]), så vyn per-heading har inget att visa",
            );
    }
    let json = allocate(dir, &["export", "plan.toml", "--format", "json"]);
    json.assert_status(0);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["schema"], "allocate-export/4");
    assert!(value["per_heading"].is_null(), "{}", value["per_heading"]);
    assert_eq!(value["per_actor"]["total"], 12_689_898);
    let out = dir.join("ut");
    allocate(dir, &["export", "plan.toml", "-o", out.to_str().unwrap()]).assert_status(0);
    assert!(out.join("per-kommun.csv").exists());
    assert!(!out.join("per-rubrik.csv").exists());
}

/// A kommun is named by its code, its name, or both as the documents write them: `Östersund
/// (2380)` in the tables, `2380 Östersund` in the comparisons and SCB's files; a code and a
/// name of two kommuner name none.
#[test]
fn the_kommun_filter_takes_every_way_the_documents_write_a_kommun() {
    let plan = "allocations/plan-2026.toml";
    let by_code = allocate(&repo_root(), &["report", plan, "--kommun", "2380"]);
    by_code
        .assert_status(0)
        .assert_stdout_contains("436 000 kr");
    for written in [
        "Östersund",
        "östersund",
        "Östersund (2380)",
        "2380 Östersund",
    ] {
        let out = allocate(&repo_root(), &["report", plan, "--kommun", written]);
        out.assert_status(0);
        assert_eq!(out.stdout, by_code.stdout, "{written}");
    }
    allocate(
        &repo_root(),
        &["report", plan, "--kommun", "2326 Östersund"],
    )
    .assert_status(2)
    .assert_stderr_contains("2326 Östersund");
}

/// A misspelt filter is a usage error even when the plan has errors: it is told first, not
/// left to be found once the plan's errors are mended.
#[test]
fn an_unknown_filter_is_told_before_the_plans_errors() {
    let p = PlanDir::from_real("plan-2026.toml")
        .edit("county_total = 12_689_898", "county_total = 12_689_899");
    p.check(&[]).assert_status(1);
    let dir = p.dir.path();
    for command in ["report", "export"] {
        let args = [
            command,
            "plan.toml",
            "--kommun",
            "Bergg",
            "--view",
            "per-area",
        ];
        let out = allocate(dir, &args);
        out.assert_status(2)
            .assert_stderr_contains("okänd kommun `Bergg`. Menade du `Berg`?");
    }
    // A filter the plan has: the plan's errors, as before.
    let out = allocate(dir, &["report", "plan.toml", "--kommun", "Berg"]);
    out.assert_status(1)
        .assert_stderr_contains("ingen rapport förrän planen stämmer");
}

#[test]
fn a_kommun_named_as_the_letters_name_it_is_that_kommun() {
    // Seed 001: Östersund 436 000 kr (196 000 + 140 000 + 100 000), Åre 213 400 kr.
    for (given, row) in [
        ("Östersunds kommun", "│ 2380 ┆ Östersund"),
        ("Åre kommun", "│ 2321 ┆ Åre"),
    ] {
        let out = report(&[
            "allocations/plan-2026.toml",
            "--view",
            "per-kommun",
            "--kommun",
            given,
        ]);
        out.assert_status(0);
        let line = out
            .stdout
            .lines()
            .find(|l| l.starts_with(row))
            .unwrap_or_else(|| panic!("{given}: {}", out.stdout));
        let total = if given.starts_with('Ö') {
            "436 000 kr"
        } else {
            "213 400 kr"
        };
        assert!(line.contains(total), "{line}");
        assert_eq!(out.stdout.matches("│ 23").count(), 1, "{given}");
    }
    report(&["allocations/plan-2026.toml", "--kommun", ""])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("okänd kommun: namnet är tomt. Planen har: Ragunda, Bräcke");
}

/// A letter opens with its kommun's official name: one that is an official name already
/// (`Ragunda kommun`) is not made `Ragunda kommuns kommun`. Ragunda's 2026 total is its
/// printed 15 600 + 75 000 + 100 000 = 190 600 kr.
#[test]
fn a_letter_names_a_kommun_named_as_its_official_name_as_written() {
    let text = PlanDir::from_real("plan-2026.toml")
        .text
        .replacen("name = \"Ragunda\"", "name = \"Ragunda kommun\"", 1)
        .replace("Ragunda = ", "\"2303\" = ")
        .replace("kommun = \"Ragunda\"", "kommun = \"2303\"");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), text).unwrap();
    let out = allocate(
        dir.path(),
        &[
            "report",
            "plan.toml",
            "--per-recipient",
            "--output",
            "besked",
            "--format",
            "md",
        ],
    );
    out.assert_status(0);
    let letter = std::fs::read_to_string(
        dir.path()
            .join("besked/fordelningsbesked-2026-2303-ragunda-kommun.md"),
    )
    .unwrap();
    assert!(
        letter.contains("\n# Ragunda kommun: 190\u{202f}600\u{a0}kr\n"),
        "{letter}"
    );
}
