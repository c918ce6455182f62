//! `allocate diff OLD NEW` on the real 2025 and 2026 plans, against the documents' figures.

use crate::support::{PlanDir, allocate, repo_root};

/// The cells of the table row whose first cell starts with `first` (trimmed).
fn row(stdout: &str, first: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|l| l.trim().trim_start_matches('│').trim_end_matches('│'))
        .map(|l| {
            l.split('┆')
                .map(|c| c.trim().to_string())
                .collect::<Vec<_>>()
        })
        .find(|cells| cells.first().is_some_and(|c| c.starts_with(first)))
        .unwrap_or_else(|| panic!("no row starting {first:?}\n{stdout}"))
}

fn diff_real(extra: &[&str]) -> crate::support::Output {
    let mut args = vec![
        "diff",
        "allocations/plan-2025.toml",
        "allocations/plan-2026.toml",
    ];
    args.extend_from_slice(extra);
    allocate(&repo_root(), &args)
}

#[test]
fn county_and_areas_side_by_side_with_the_documents_figures() {
    let out = diff_real(&[]);
    out.assert_status(0)
        .assert_stdout_contains("Jämförelse Jämtlands län 2025 → 2026");
    // 2025: 4 000 000 + 2 506 966 + 6 190 809 = 12 697 775 (seed 003);
    // 2026: 4 000 000 + 2 501 626 + 6 188 272 = 12 689 898 (seed 001).
    assert_eq!(
        row(&out.stdout, "1 ")[1..],
        ["4 000 000 kr", "4 000 000 kr", "0 kr", "0,00 %"]
    );
    assert_eq!(
        row(&out.stdout, "2 ")[1..4],
        ["2 506 966 kr", "2 501 626 kr", "-5 340 kr"]
    );
    assert_eq!(
        row(&out.stdout, "3 ")[1..4],
        ["6 190 809 kr", "6 188 272 kr", "-2 537 kr"]
    );
    // "En minskning med 7 877 kr" (seed 001, line 85).
    assert_eq!(
        row(&out.stdout, "Länets medel")[1..],
        ["12 697 775 kr", "12 689 898 kr", "-7 877 kr", "-0,06 %"]
    );
}

#[test]
fn the_stated_change_is_checked_against_last_years_plan() {
    diff_real(&[])
        .assert_stdout_contains(
            "  Föregående års belopp enligt 2026 års plan: 12 697 775 kr ✓ (2025 års plan: 12 697 775 kr)",
        )
        .assert_stdout_contains(
            "  Angiven förändring: -7 877 kr ✓ 12 689 898 kr − 12 697 775 kr = -7 877 kr",
        );
}

#[test]
fn kommuner_and_actors_side_by_side() {
    let out = diff_real(&[]);
    // The printed per-kommun table of 2026 (seed 001); nothing went to single kommuner in 2025.
    for (kommun, amount) in [
        ("2303 Ragunda", "190 600 kr"),
        ("2305 Bräcke", "193 000 kr"),
        ("2309 Krokom", "222 600 kr"),
        ("2313 Strömsund", "207 800 kr"),
        ("2321 Åre", "213 400 kr"),
        ("2326 Berg", "196 200 kr"),
        ("2361 Härjedalen", "205 400 kr"),
        ("2380 Östersund", "436 000 kr"),
    ] {
        assert_eq!(
            row(&out.stdout, kommun)[1..4],
            ["0 kr", amount, &format!("+{amount}")]
        );
    }
    assert_eq!(
        row(&out.stdout, "Totalt")[1..3],
        ["0 kr", "1 865 000 kr"],
        "Totalt direkt fördelat länets kommuner: 1 865 000"
    );
    // 2026: KFJH samordning 2 127 436, Folkhälsoenheten 3 510 836 (seed 001).
    assert_eq!(row(&out.stdout, "Kommunförbundet")[2], "2 127 436 kr");
    assert_eq!(row(&out.stdout, "– Folkhälso")[2], "3 510 836 kr");
    // 2025's Vuxenhabiliteringen row (150 000) has no 2026 counterpart; 2026's Fontänhus is new.
    assert_eq!(
        row(&out.stdout, "– Vuxenhab")[1..4],
        ["150 000 kr", "–", "-150 000 kr"]
    );
    assert_eq!(
        row(&out.stdout, "Fontänhus")[1..4],
        ["–", "250 000 kr", "+250 000 kr"]
    );
}

#[test]
fn insatser_are_matched_by_id_then_by_text() {
    let out = diff_real(&[]);
    out.assert_stdout_contains("Insatser: 7 ändrade, 0 oförändrade, 16 tillkomna, 11 borttagna");
    // Same id, same participation text: 500 000 each in 2025, 400 000 each in 2026.
    assert_eq!(
        row(&out.stdout, "1.3 *")[1..5],
        ["KFJH → Länets kommuner", "500 000", "400 000", "-100 000"]
    );
    assert_eq!(
        row(&out.stdout, "1.4 *")[1..5],
        ["FHE", "500 000", "400 000", "-100 000"]
    );
    // "Samverkan med civilsamhällets aktörer på länsnivå" (2025, 3.5) carries on as
    // "Samverkan på länsnivå …" (2026, 3.10): matched by text.
    assert_eq!(
        row(&out.stdout, "3.5 → 3.10 *")[1..5],
        ["RJH → RJH / KFJH", "2 385 000", "2 750 000", "+365 000"]
    );
    out.assert_stdout_contains("3.5 → 3.10 70 %");
    // 2026's Barnsäkert row for the kommuner (665 000) is new; 2025's SIP row (50 000) went on
    // as 2.7.
    assert_eq!(row(&out.stdout, "2.5")[3], "665 000 kr");
    assert_eq!(row(&out.stdout, "2.6 → 2.7 *")[2..4], ["50 000", "205 026"]);
}

/// This year's plan given first would turn the sign of every change; two drafts of one year
/// may be compared.
#[test]
fn last_years_plan_comes_first() {
    let out = allocate(
        &repo_root(),
        &[
            "diff",
            "allocations/plan-2026.toml",
            "allocations/plan-2025.toml",
        ],
    );
    out.assert_status(2).assert_stdout_empty().assert_stderr_contains(
        "allocate: den första planen gäller 2026 och den andra 2025; förra årets plan ska stå först: allocate diff allocations/plan-2025.toml allocations/plan-2026.toml",
    );
    let same = allocate(
        &repo_root(),
        &[
            "diff",
            "allocations/plan-2026.toml",
            "allocations/plan-2026.toml",
        ],
    );
    // Two drafts of one year: nothing about last year to check, the columns told apart.
    same.assert_status(0)
        .assert_stdout_contains("Länets medel")
        .assert_stdout_contains("2026 före")
        .assert_stdout_contains("2026 efter");
    assert!(
        !same.stdout.contains("Föregående års belopp"),
        "{}",
        same.stdout
    );
    assert!(
        !same.stdout.contains("Angiven förändring"),
        "{}",
        same.stdout
    );
    // The help lists the arguments in their order, in Swedish as in English.
    for lang in ["sv", "en"] {
        let help = allocate(&repo_root(), &["diff", "--help", "--lang", lang]).stdout;
        let (old, new) = (help.find("  <OLD>").unwrap(), help.find("  <NEW>").unwrap());
        assert!(old < new, "{help}");
    }
}

#[test]
fn diff_in_english() {
    let out = diff_real(&["--lang", "en"]);
    out.assert_status(0);
    assert_eq!(
        row(&out.stdout, "County total")[1..],
        ["12,697,775 kr", "12,689,898 kr", "-7,877 kr", "-0.06 %"]
    );
    out.assert_stdout_contains(
        "  Stated change: -7,877 kr ✓ 12,689,898 kr − 12,697,775 kr = -7,877 kr",
    );
}

#[test]
fn a_previous_total_that_is_not_last_years_fails_the_diff() {
    // A 2026 plan that agrees with itself but not with the 2025 plan.
    let p = PlanDir::from_real("plan-2026.toml")
        .edit(
            "previous_county_total = 12_697_775",
            "previous_county_total = 12_697_000",
        )
        .edit("stated_change = -7_877", "stated_change = -7_102");
    p.check(&[]).assert_status(0);
    let old = repo_root().join("allocations/plan-2025.toml");
    let out = allocate(p.dir.path(), &["diff", old.to_str().unwrap(), "plan.toml"]);
    out.assert_status(1)
        .assert_stdout_contains(
            "  Föregående års belopp enligt 2026 års plan: 12 697 000 kr ≠ (2025 års plan: 12 697 775 kr)",
        )
        .assert_stdout_contains(
            "  Angiven förändring: -7 102 kr ≠ 12 689 898 kr − 12 697 775 kr = -7 877 kr",
        )
        // What fails the comparison is on standard error too, for a run whose output goes
        // to a file (or is CSV or JSON, where a ≠ is easy to miss).
        .assert_stderr_contains(
            "Angiven förändring: -7 102 kr ≠ 12 689 898 kr − 12 697 775 kr = -7 877 kr",
        )
        .assert_stderr_contains(
            "plan.toml: planens belopp för föregående år stämmer inte med ",
        )
        .assert_stderr_contains("plan-2025.toml; jämförelsen markerar dem med ≠");
}

#[test]
fn a_plan_with_errors_is_not_compared() {
    let out = allocate(
        &repo_root(),
        &[
            "diff",
            "allocations/plan-2025.toml",
            "examples/plan-2026-as-printed.toml",
        ],
    );
    out.assert_status(1)
        .assert_stdout_empty()
        .assert_stderr_contains("fel[stated-total]")
        .assert_stderr_contains(
            "examples/plan-2026-as-printed.toml: 1 fel; ingen jämförelse förrän planen stämmer",
        );
}

#[test]
fn a_missing_plan_exits_2() {
    allocate(
        &repo_root(),
        &[
            "diff",
            "allocations/plan-2024.toml",
            "allocations/plan-2026.toml",
        ],
    )
    .assert_status(2)
    .assert_stdout_empty()
    .assert_stderr_contains("kan inte läsa allocations/plan-2024.toml");
}

#[test]
fn csv_for_machines_has_every_compared_line_with_the_documents_figures() {
    let out = diff_real(&["--format", "csv", "--csv", "rfc4180"]);
    out.assert_status(0);
    let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "section",
            "key",
            "name",
            "old",
            "new",
            "change",
            "change_percent",
            "status",
            "matched"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let county = &rows[0];
    assert_eq!(
        county.iter().collect::<Vec<_>>(),
        [
            "county",
            "",
            "Jämtlands län",
            "12697775",
            "12689898",
            "-7877",
            "-0.06",
            "",
            ""
        ]
    );
    // The areas sum to the county totals of both years.
    let sum = |section: &str, column: usize| -> i64 {
        rows.iter()
            .filter(|r| &r[0] == section)
            .map(|r| r[column].parse::<i64>().unwrap_or(0))
            .sum()
    };
    assert_eq!(sum("area", 3), 12_697_775);
    assert_eq!(sum("area", 4), 12_689_898);
    assert_eq!(sum("area", 5), -7_877);
    // 2026's kommuner: 1 865 000 in all.
    assert_eq!(sum("kommun", 4), 1_865_000);
    let ostersund = rows
        .iter()
        .find(|r| &r[0] == "kommun" && &r[1] == "2380")
        .unwrap();
    assert_eq!(&ostersund[4], "436000");
    // Insatser: 7 changed, 16 added, 11 removed, as in the table.
    let status = |s: &str| rows.iter().filter(|r| &r[7] == s).count();
    assert_eq!(
        (status("changed"), status("added"), status("removed")),
        (7, 16, 11)
    );
    let moved = rows.iter().find(|r| &r[1] == "3.5 → 3.10").unwrap();
    assert_eq!(
        moved.iter().skip(3).collect::<Vec<_>>(),
        ["2385000", "2750000", "365000", "15.3", "changed", "text 70"]
    );
    // Fixed whatever the language.
    assert_eq!(
        diff_real(&["--format", "csv", "--csv", "rfc4180", "--lang", "en"]).stdout,
        out.stdout
    );
}

#[test]
fn csv_for_excel_by_default_json_and_markdown() {
    let out = diff_real(&["--format", "csv"]);
    out.assert_status(0);
    assert!(
        out.stdout.starts_with(
            "\u{feff}Avsnitt;Nyckel;Namn;2025;2026;Förändring;Förändring %;Status;Matchning\r\n"
        ),
        "{}",
        out.stdout
    );
    out.assert_stdout_contains("\r\nlän;;Jämtlands län;12697775;12689898;-7877;-0,06;;\r\n");

    let out = diff_real(&["--format", "json"]);
    out.assert_status(0);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["schema"], "allocate-diff/1");
    assert_eq!(v["county"]["old"], 12_697_775);
    assert_eq!(v["county"]["new"], 12_689_898);
    assert_eq!(v["county"]["change"], -7_877);
    assert_eq!(v["year_checks"][1]["kind"], "stated_change");
    assert_eq!(v["year_checks"][1]["holds"], true);
    assert_eq!(v["insatser"]["changed"].as_array().unwrap().len(), 7);
    assert_eq!(v["insatser"]["added"].as_array().unwrap().len(), 16);
    assert_eq!(v["insatser"]["removed"].as_array().unwrap().len(), 11);
    let areas: i64 = v["areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["new"].as_i64().unwrap())
        .sum();
    assert_eq!(areas, 12_689_898);

    let out = diff_real(&["--format", "md"]);
    out.assert_status(0)
        .assert_stdout_contains("# Jämförelse Jämtlands län 2025 → 2026\n")
        .assert_stdout_contains(
            "| Länets medel | 12 697 775 kr | 12 689 898 kr | -7 877 kr | -0,06 % |\n",
        )
        .assert_stdout_contains("| 2380 Östersund | 0 kr | 436 000 kr | +436 000 kr | – |\n")
        .assert_stdout_contains("- Angiven förändring: -7 877 kr ✓")
        .assert_stdout_contains("7 ändrade, 0 oförändrade, 16 tillkomna, 11 borttagna.");
    let out = diff_real(&["--format", "md", "--lang", "en"]);
    out.assert_stdout_contains(
        "| County total | 12,697,775 kr | 12,689,898 kr | -7,877 kr | -0.06 % |\n",
    );
}

#[test]
fn a_wrong_statement_about_last_year_fails_in_every_format() {
    // A 2026 plan that agrees with itself but not with the 2025 plan.
    let p = PlanDir::from_real("plan-2026.toml")
        .edit(
            "previous_county_total = 12_697_775",
            "previous_county_total = 12_697_000",
        )
        .edit("stated_change = -7_877", "stated_change = -7_102");
    p.check(&[]).assert_status(0);
    let old = repo_root().join("allocations/plan-2025.toml");
    for format in ["table", "csv", "json", "md"] {
        let out = allocate(
            p.dir.path(),
            &[
                "diff",
                old.to_str().unwrap(),
                "plan.toml",
                "--format",
                format,
            ],
        );
        out.assert_status(1)
            .assert_stderr_contains("Föregående års belopp enligt 2026 års plan: 12 697 000 kr ≠");
    }
    let out = allocate(
        p.dir.path(),
        &[
            "diff",
            old.to_str().unwrap(),
            "plan.toml",
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["year_checks"][0]["stated"], 12_697_000);
    assert_eq!(v["year_checks"][0]["computed"], 12_697_775);
    assert_eq!(v["year_checks"][0]["holds"], false);
    allocate(
        p.dir.path(),
        &["diff", old.to_str().unwrap(), "plan.toml", "--format", "md"],
    )
    .assert_stdout_contains(
        "- Föregående års belopp enligt 2026 års plan: 12 697 000 kr ≠ (2025 års plan: 12 697 775 kr)",
    );
}

#[test]
fn markdown_escapes_the_plans_texts_as_the_reports_markdown_does() {
    let p = PlanDir::from_real("plan-2026.toml")
        .edit(
            "name = \"Vuxenpsykiatrin\"",
            r#"name = "<img src=x onerror=alert(1)> `a|b` *x*\n---\u001b[2J""#,
        )
        .edit(
            "county = \"Jämtlands län\"",
            r#"county = "Jämtlands län <script>x</script>\n# Rubrik""#,
        );
    p.check(&[]).assert_status(0);
    let old = repo_root().join("allocations/plan-2025.toml");
    let out = allocate(
        p.dir.path(),
        &["diff", old.to_str().unwrap(), "plan.toml", "--format", "md"],
    );
    out.assert_status(0)
        .assert_stdout_contains(
            "# Jämförelse Jämtlands län → Jämtlands län \\<script\\>x\\</script\\> \\# Rubrik 2025 → 2026\n",
        )
        .assert_stdout_contains(
            "| – \\<img src=x onerror=alert(1)\\> \\`a\\|b\\` \\*x\\* ---\\<U+001B\\>\\[2J | ",
        );
    // No tag: every `<` escaped.
    assert!(
        !out.stdout.replace("\\<", "").contains('<'),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains('\u{1b}'));
    assert!(
        !out.stdout
            .lines()
            .any(|l| l == "---" || l.starts_with("# Rubrik"))
    );
}

/// `previous_county_total` and `stated_change` are about last year's plan of the same county:
/// against a plan two years back, or another county's, they are not checked (they would
/// fail every correct plan).
#[test]
fn the_figures_about_last_year_are_checked_only_against_last_years_plan() {
    let later = PlanDir::from_real("plan-2026.toml").edit("year = 2026", "year = 2027");
    later.check(&[]).assert_status(0);
    let old = repo_root().join("allocations/plan-2025.toml");
    let out = allocate(
        later.dir.path(),
        &["diff", old.to_str().unwrap(), "plan.toml"],
    );
    out.assert_status(0)
        .assert_stdout_contains("Jämförelse Jämtlands län 2025 → 2027");
    assert!(
        !out.stdout.contains("Föregående års belopp"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("stated_change"), "{}", out.stdout);
    let other = PlanDir::from_real("plan-2026.toml").edit(
        "county = \"Jämtlands län\"",
        "county = \"Västernorrlands län\"",
    );
    other.check(&[]).assert_status(0);
    let out = allocate(
        other.dir.path(),
        &["diff", old.to_str().unwrap(), "plan.toml"],
    );
    out.assert_status(0)
        .assert_stdout_contains("Jämförelse Jämtlands län → Västernorrlands län 2025 → 2026");
    assert!(!out.stdout.contains("Angiven förändring"), "{}", out.stdout);
}
