//! `allocate diff OLD NEW` on the real 2025 and 2026 plans, against the documents' figures.

use std::io::Write;
use std::process::Stdio;

use crate::support::{Output, PlanDir, allocate, allocate_env, real_plan, repo_root, typeset};

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
            "  Angiven förändring: -7 877 kr ✓ 12 689 898 kr - 12 697 775 kr = -7 877 kr",
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
        // Nothing to a kommun directly in 2025: `–`, as an actor a plan does not have.
        assert_eq!(
            row(&out.stdout, kommun)[1..4],
            ["–", amount, &format!("+{amount}")]
        );
    }
    let (actors, kommuner) = out.stdout.split_once("Kommuner (direkt fördelat)").unwrap();
    assert_eq!(
        row(kommuner, "Totalt")[1..4],
        ["–", "1 865 000 kr", "+1 865 000 kr"],
        "Totalt direkt fördelat länets kommuner: 1 865 000"
    );
    // The actors' top rows add up to each year's county total: 12 697 775 (seed 003),
    // 12 689 898 (seed 001).
    assert_eq!(
        row(actors, "Totalt")[1..],
        ["12 697 775 kr", "12 689 898 kr", "-7 877 kr", "-0,06 %"]
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
    // The region's own money on a row under it, so that the rows under it add up to it: its
    // total less its units' (Folkhälsoenheten 3 510 836 and Föräldra-barnhälsan 381 600 kr in
    // 2026, seed 001), on either side.
    let own = row(&out.stdout, "– förvaltas för");
    let json = diff_real(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let actors = v["actors"].as_array().unwrap();
    let region: Vec<&serde_json::Value> = actors.iter().filter(|a| a["key"] == "rjh").collect();
    assert_eq!(region.len(), 2);
    assert_eq!(
        (&region[0]["own"], &region[0]["new"]),
        (&false.into(), &8_447_462.into())
    );
    assert_eq!(
        (&region[1]["own"], &region[1]["new"]),
        (&true.into(), &4_205_026.into())
    );
    for (year, shown) in [("old", &own[1]), ("new", &own[2])] {
        let units: i64 = actors
            .iter()
            .filter(|a| a["depth"] == 1 && a["own"] == false)
            .filter_map(|a| a[year].as_i64())
            .sum();
        let total = region[0][year].as_i64().unwrap();
        assert_eq!(region[1][year].as_i64(), Some(total - units), "{year}");
        let on_screen = shown.trim_end_matches(" kr").replace(' ', "");
        assert_eq!(on_screen, (total - units).to_string(), "{year}");
    }
    let fhe = actors.iter().find(|a| a["key"] == "fhe").unwrap();
    assert_eq!(fhe["new"], 3_510_836);
}

#[test]
fn insatser_are_matched_by_id_then_by_text() {
    // Wide enough for every name whole.
    let out = allocate_env(
        &repo_root(),
        &[
            "diff",
            "allocations/plan-2025.toml",
            "allocations/plan-2026.toml",
        ],
        &[("COLUMNS", "200")],
    );
    out.assert_stdout_contains("Insatser: 8 ändrade, 0 oförändrade, 15 tillkomna, 10 borttagna");
    // Barnsäkert, rewritten (17 % alike) but with the same id and actor: carried on, its cut
    // shown (seed 003: 1 073 000 kr in 2025; seed 001: 381 600 kr in 2026).
    assert_eq!(
        row(&out.stdout, "2.4 *")[1..6],
        [
            "2",
            "Föräldra-barnhälsan",
            "1 073 000",
            "381 600",
            "-691 400"
        ]
    );
    // Same id, same participation text: 500 000 each in 2025, 400 000 each in 2026.
    assert_eq!(
        row(&out.stdout, "1.3 *")[1..6],
        [
            "1",
            "KFJH → Länets kommuner",
            "500 000",
            "400 000",
            "-100 000"
        ]
    );
    assert_eq!(
        row(&out.stdout, "1.4 *")[1..6],
        ["1", "FHE", "500 000", "400 000", "-100 000"]
    );
    // "Samverkan med civilsamhällets aktörer på länsnivå" (2025, 3.5) carries on as
    // "Samverkan på länsnivå …" (2026, 3.10): matched by text.
    assert_eq!(
        row(&out.stdout, "3.5 → 3.10 *")[1..6],
        [
            "3",
            "RJH → RJH / KFJH",
            "2 385 000",
            "2 750 000",
            "+365 000"
        ]
    );
    out.assert_stdout_contains("3.5 → 3.10 70 %");
    // 2025's 1.5 went on in area 2 as 2.8: the move is shown.
    assert_eq!(
        row(&out.stdout, "1.5 → 2.8 *")[1..3],
        ["1 → 2", "FHE → LPO psykisk hälsa"]
    );
    // 1.3 is split over the kommuner by population in 2026, not in 2025.
    out.assert_stdout_contains(
        "  Ändrad fördelning:\n    1.3: ingen fördelning → nyckel befolkning-procent-2026, avrundat till 100 kr\n",
    );
    // 2026's Barnsäkert row for the kommuner (665 000) is new; 2025's SIP row (50 000) went on
    // as 2.7.
    assert_eq!(row(&out.stdout, "2.5")[3], "665 000 kr");
    assert_eq!(row(&out.stdout, "2.6 → 2.7 *")[3..5], ["50 000", "205 026"]);
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
        "fel: den första planen gäller 2026 och den andra 2025; förra årets plan ska stå först: allocate diff allocations/plan-2025.toml allocations/plan-2026.toml",
    );
    let same = allocate(
        &repo_root(),
        &[
            "diff",
            "allocations/plan-2026.toml",
            "allocations/plan-2026.toml",
        ],
    );
    // Two drafts of one year: nothing about last year to check, the columns and the heading
    // told apart (not "2026 → 2026", tester s26).
    same.assert_status(0)
        .assert_stdout_contains("Jämförelse Jämtlands län 2026, före → efter\n")
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
        let (old, new) = match lang {
            "sv" => ("  <GAMMAL>", "  <NY>"),
            _ => ("  <OLD>", "  <NEW>"),
        };
        let (old, new) = (help.find(old).unwrap(), help.find(new).unwrap());
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
        "  Stated change: -7,877 kr ✓ 12,689,898 kr - 12,697,775 kr = -7,877 kr",
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
            "  Angiven förändring: -7 102 kr ≠ 12 689 898 kr - 12 697 775 kr = -7 877 kr",
        )
        // What fails the comparison is on standard error too, for a run whose output goes
        // to a file (or is CSV or JSON, where a ≠ is easy to miss).
        .assert_stderr_contains(
            "Angiven förändring: -7 102 kr ≠ 12 689 898 kr - 12 697 775 kr = -7 877 kr",
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
            "matched",
            "area",
            "split",
            "parent",
            "earmark",
            "old_actors",
            "new_actors",
            "text_changed",
            "focus_areas",
            "responsible",
            "affected",
            "payment"
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
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
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
    // The actors without a row they are part of add up to each year's county total; the
    // region's own money (4 205 026 kr in 2026, seed 001) is part of the region's row.
    let top = |column: usize| -> i64 {
        rows.iter()
            .filter(|r| &r[0] == "actor" && r[11].is_empty())
            .map(|r| r[column].parse::<i64>().unwrap_or(0))
            .sum()
    };
    assert_eq!((top(3), top(4)), (12_697_775, 12_689_898));
    let own = rows
        .iter()
        .find(|r| {
            &r[0] == "actor"
                && &r[2] == "Region Jämtland Härjedalen (förvaltas för fortsatt fördelning)"
        })
        .unwrap();
    assert_eq!((&own[1], &own[4], &own[11]), ("rjh", "4205026", "rjh"));
    let ostersund = rows
        .iter()
        .find(|r| &r[0] == "kommun" && &r[1] == "2380")
        .unwrap();
    assert_eq!(&ostersund[4], "436000");
    // Insatser: 8 changed, 15 added, 10 removed, as in the table.
    let status = |section: &str, s: &str| {
        rows.iter()
            .filter(|r| &r[0] == section && &r[7] == s)
            .count()
    };
    assert_eq!(
        (
            status("insats", "changed"),
            status("insats", "added"),
            status("insats", "removed")
        ),
        (8, 15, 10)
    );
    // Conditions: 2026's five paragraphs added, 2025's one removed, each text in `new` or
    // `old`; the requirements are the same both years, so no row of them.
    assert_eq!(
        (
            status("condition", "changed"),
            status("condition", "added"),
            status("condition", "removed")
        ),
        (0, 5, 1)
    );
    let removed = rows
        .iter()
        .find(|r| &r[0] == "condition" && &r[7] == "removed")
        .unwrap();
    assert_eq!((&removed[1], &removed[4]), ("1", ""));
    assert!(removed[3].starts_with("Medel som inte fakturerats enligt beslut 2025-08-30"));
    assert!(!rows.iter().any(|r| r[0].starts_with("requirement")));
    let moved = rows.iter().find(|r| &r[1] == "3.5 → 3.10").unwrap();
    assert_eq!(
        moved.iter().skip(3).collect::<Vec<_>>(),
        [
            "2385000",
            "2750000",
            "365000",
            "15.3",
            "changed",
            "text 70",
            "3",
            "",
            "",
            "",
            "RJH",
            "RJH / KFJH",
            "true",
            "",
            // The printed responsible unit changed with the actors, which the two columns
            // before tell.
            "",
            "",
            ""
        ]
    );
    let moved = rows.iter().find(|r| &r[1] == "1.5 → 2.8").unwrap();
    assert_eq!(&moved[9], "1 → 2");
    let split = rows.iter().find(|r| &r[1] == "1.3").unwrap();
    assert_eq!(
        &split[10],
        "no split → key befolkning-procent-2026, rounded to 100 kr"
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
            "\u{feff}Avsnitt;Nyckel;Namn;2025;2026;Förändring;Förändring %;Status;Matchning;Område;Fördelning;Ingår i;Varav-post;Ansvarig aktör 2025;Ansvarig aktör 2026;Text ändrad;Fokusområden;Ansvarig verksamhet;Berörda verksamheter;Betalning\r\n"
        ),
        "{}",
        out.stdout
    );
    out.assert_stdout_contains(
        "\r\nlän;;Jämtlands län;12697775;12689898;-7877;-0,06;;;;;;;;;;;;;\r\n",
    );

    let out = diff_real(&["--format", "json"]);
    out.assert_status(0);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["schema"], "allocate-diff/2");
    assert_eq!(v["county"]["old"], 12_697_775);
    assert_eq!(v["county"]["new"], 12_689_898);
    assert_eq!(v["county"]["change"], -7_877);
    assert_eq!(v["year_checks"][1]["kind"], "stated_change");
    assert_eq!(v["year_checks"][1]["holds"], true);
    assert_eq!(v["insatser"]["changed"].as_array().unwrap().len(), 8);
    let moved = v["insatser"]["changed"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["new"]["id"] == "2.8")
        .unwrap();
    assert_eq!(
        (&moved["old"]["area"], &moved["new"]["area"]),
        (&1.into(), &2.into())
    );
    assert_eq!(moved["area_changed"], true);
    assert_eq!(v["insatser"]["added"].as_array().unwrap().len(), 15);
    assert_eq!(v["insatser"]["removed"].as_array().unwrap().len(), 10);
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
        // The notes the terminal gives, here too: which rows were paired by text, and that a
        // dashed row is part of the one above.
        .assert_stdout_contains(
            "\nEtt nytt id betyder att insatsen matchats på texten (likhet: 2.6\u{a0}→\u{a0}2.7\u{a0}62\u{a0}%, ",
        )
        .assert_stdout_contains("\nRader med – ingår i raden ovanför.\n")
        .assert_stdout_contains(&typeset(
            "| Länets medel | 12 697 775 kr | 12 689 898 kr | -7 877 kr | -0,06 % |\n",
        ))
        .assert_stdout_contains(&typeset(
            "| 2380 Östersund | – | 436 000 kr | +436 000 kr | – |\n",
        ))
        // The kommuner's and the actors' total rows (seed 001: 1 865 000 to the kommuner).
        .assert_stdout_contains(&typeset(
            "| Totalt | – | 1 865 000 kr | +1 865 000 kr | – |\n",
        ))
        .assert_stdout_contains(&typeset(
            "| Totalt | 12 697 775 kr | 12 689 898 kr | -7 877 kr | -0,06 % |\n",
        ))
        // One minus sign in the line, the figures' and the sum's.
        .assert_stdout_contains(&typeset(
            "- Angiven förändring: -7 877 kr ✓ 12 689 898 kr − 12 697 775 kr = -7 877 kr\n",
        ))
        .assert_stdout_contains("8 ändrade, 0 oförändrade, 15 tillkomna, 10 borttagna.")
        // The terminal's columns, in its order (review s38: the text stood before the
        // amounts), and its marks: `*` for a text changed, `A → B`.
        .assert_stdout_contains(
            "| Insats | Område | Ansvarig | 2025 | 2026 | Förändring | Beskrivning |\n|---|---|---|--:|--:|--:|---|\n",
        )
        .assert_stdout_contains(
            "### Tillkomna\n\n| Insats | Beskrivning | Ansvarig | Belopp |\n|---|---|---|--:|\n",
        )
        .assert_stdout_contains("| 1.3 \\* | 1 | KFJH → Länets kommuner | ")
        .assert_stdout_contains("| 1.5 → 2.8 \\* | 1 → 2 | FHE → LPO psykisk hälsa | ")
        .assert_stdout_contains("\\* texten har ändrats.\n")
        .assert_stdout_contains(&typeset(
            "- 1.3: ingen fördelning → nyckel befolkning-procent-2026, avrundat till 100 kr\n",
        ));
    // No figure as plain text: no ASCII space in an amount, no hyphen-minus before one.
    let md = &out.stdout;
    for plain in [" kr ", "0 0", "0 %"] {
        assert!(!md.contains(plain), "{plain:?}");
    }
    let hyphen_minus = md
        .match_indices(" -")
        .any(|(i, _)| md[i + 2..].starts_with(|c: char| c.is_ascii_digit()));
    assert!(!hyphen_minus, "{md}");
    // Every insats in one of the tables: the changed ones' amounts with the added ones' total
    // are this year's county total, with the removed ones' last year's.
    let kronor = |cell: &str| -> i64 {
        cell.trim()
            .trim_end_matches("\u{a0}kr")
            .replace(['\u{202f}', '+'], "")
            .replace('\u{2212}', "-")
            .parse()
            .unwrap()
    };
    let rows_of = |title: &str| -> Vec<Vec<String>> {
        let table = md.split(title).nth(1).unwrap();
        table
            .lines()
            .skip_while(|l| !l.starts_with('|'))
            .take_while(|l| l.starts_with('|'))
            .skip(2)
            .map(|l| {
                l.trim_matches('|')
                    .split('|')
                    .map(|c| c.trim().to_string())
                    .collect()
            })
            .collect()
    };
    let changed = rows_of("8 ändrade");
    let (total, changed) = changed.split_last().unwrap();
    let (old_sum, new_sum) = changed.iter().fold((0, 0), |(o, n), row| {
        (o + kronor(&row[3]), n + kronor(&row[4]))
    });
    // The changed insatser's total row adds up their rows: 7 021 809 kr in 2025 and
    // 5 286 626 kr in 2026, which with the removed (5 675 966) and the added (7 403 272) are
    // the county totals below.
    assert_eq!(total[0], "Totalt");
    assert_eq!(
        [kronor(&total[3]), kronor(&total[4]), kronor(&total[5])],
        [old_sum, new_sum, new_sum - old_sum]
    );
    assert_eq!((old_sum, new_sum), (7_021_809, 5_286_626));
    for (title, sum, county) in [
        ("### Tillkomna", new_sum, 12_689_898),
        ("### Borttagna", old_sum, 12_697_775),
    ] {
        let rows = rows_of(title);
        assert_eq!(
            rows[0].len(),
            4,
            "Insats, Beskrivning, Ansvarig, Belopp: {:?}",
            rows[0]
        );
        let (total, listed) = rows.split_last().unwrap();
        assert_eq!(total[0].trim(), "Totalt");
        let listed: i64 = listed.iter().map(|row| kronor(&row[3])).sum();
        assert_eq!(kronor(&total[3]), listed, "{title}");
        assert_eq!(sum + listed, county, "{title}");
    }
    assert!(
        md.contains("| 2.4 \\* | 2 | Föräldra-barnhälsan | "),
        "{md}"
    );
    let out = diff_real(&["--format", "md", "--lang", "en"]);
    out.assert_stdout_contains(&typeset(
        "| County total | 12,697,775 kr | 12,689,898 kr | -7,877 kr | -0.06 % |\n",
    ))
    // The check of last year's total in brackets, as in Swedish.
    .assert_stdout_contains(&typeset(
        "- Previous year per the 2026 plan: 12,697,775 kr ✓ (the 2025 plan: 12,697,775 kr)\n",
    ));
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
    .assert_stdout_contains(&typeset(
        "- Föregående års belopp enligt 2026 års plan: 12 697 000 kr ≠ (2025 års plan: 12 697 775 kr)",
    ));
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
            "# Jämförelse Jämtlands län \\<script\\>x\\</script\\> \\# Rubrik 2025 → 2026\n",
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
    let other = PlanDir::from_real("plan-2026.toml")
        .edit("county = \"Jämtlands län\"", "county = \"Provlänet\"");
    other.check(&[]).assert_status(0);
    let out = allocate(
        other.dir.path(),
        &["diff", old.to_str().unwrap(), "plan.toml"],
    );
    out.assert_status(0)
        .assert_stdout_contains("Jämförelse Jämtlands län → Provlänet 2025 → 2026");
    assert!(!out.stdout.contains("Angiven förändring"), "{}", out.stdout);
}

/// The corpus's small plan (2026, Jämtlands län, 3 000 000 kr, six insatser), edited.
fn corpus(edits: &[(&str, &str)]) -> PlanDir {
    let mut plan = PlanDir {
        dir: tempfile::tempdir().unwrap(),
        text: std::fs::read_to_string(repo_root().join("tests/corpus/base.toml")).unwrap(),
    };
    for (from, to) in edits {
        plan = plan.edit(from, to);
    }
    std::fs::write(plan.dir.path().join("plan.toml"), &plan.text).unwrap();
    plan
}

/// The corpus plan as the next year's, with figures about last year that do not hold.
fn next_year(county: &str) -> PlanDir {
    corpus(&[
        ("year = 2026", "year = 2027"),
        ("county = \"Jämtlands län\"", county),
        (
            "previous_county_total = 2_900_000",
            "previous_county_total = 2_900_001",
        ),
        ("stated_change = 100_000", "stated_change = 99_999"),
        ("requisition = 2026-12-01", "requisition = 2027-12-01"),
        ("use_reported = 2026-12-31", "use_reported = 2027-12-31"),
        ("unused_repaid = 2027-03-31", "unused_repaid = 2028-03-31"),
    ])
}

fn base() -> String {
    repo_root()
        .join("tests/corpus/base.toml")
        .to_str()
        .unwrap()
        .to_string()
}

/// The county as written (`Jämtlands Län`, a space too many) is still the same county: the
/// figures about last year are checked, and a wrong one fails the diff.
#[test]
fn the_same_county_written_otherwise_is_the_same_county() {
    for (county, heading) in [
        ("county = \"Jämtlands Län\"", "Jämtlands Län"),
        ("county = \"Jämtlands län \"", "Jämtlands län"),
        ("county = \"  jämtlands  LÄN\"", "jämtlands LÄN"),
    ] {
        let new = next_year(county);
        new.check(&[]).assert_status(0);
        allocate(new.dir.path(), &["diff", &base(), "plan.toml"])
            .assert_status(1)
            // One county in the heading, as the new plan writes it.
            .assert_stdout_contains(&format!("Jämförelse {heading} 2026 → 2027\n"))
            .assert_stdout_contains(
                "  Föregående års belopp enligt 2027 års plan: 2 900 001 kr ≠ (2026 års plan: 3 000 000 kr)",
            )
            .assert_stderr_contains("Angiven förändring: +99 999 kr ≠");
        // `report --previous` likewise: compared, the wrong figure marked, not refused as
        // another county's plan.
        allocate(
            new.dir.path(),
            &[
                "report",
                "plan.toml",
                "--format",
                "md",
                "--previous",
                &base(),
            ],
        )
        .assert_status(1)
        .assert_stdout_contains("≠");
    }
    // Another county's plan: not checked, and standard error says so and why.
    let other = next_year("county = \"Provlänet\"");
    let out = allocate(other.dir.path(), &["diff", &base(), "plan.toml"]);
    out.assert_status(0)
        .assert_stderr_contains("plan.toml: planen gäller Provlänet och ");
    out.assert_stderr_contains(
        "base.toml Jämtlands län; planens belopp för föregående år (previous_county_total, stated_change) jämförs inte med ett annat läns plan",
    );
    assert!(
        !out.stdout.contains("Föregående års belopp"),
        "{}",
        out.stdout
    );
    allocate(
        other.dir.path(),
        &["diff", &base(), "plan.toml", "--lang", "en"],
    )
    .assert_stderr_contains("are not checked against another county's plan");
}

/// A short text (no word of five letters) is compared by all its words: unchanged, it is
/// unchanged; with a word added under the same id, it is the same insats changed.
#[test]
fn short_texts_match() {
    let short = corpus(&[("text = \"Suicidprevention i regionen\"", "text = \"SIP\"")]);
    let out = allocate(short.dir.path(), &["diff", "plan.toml", "plan.toml"]);
    out.assert_status(0)
        .assert_stdout_contains("Insatser: 0 ändrade, 6 oförändrade, 0 tillkomna, 0 borttagna");
    let longer = corpus(&[(
        "text = \"Suicidprevention i regionen\"",
        "text = \"SIP i länet\"",
    )]);
    let old = short.dir.path().join("plan.toml");
    let out = allocate(
        longer.dir.path(),
        &["diff", old.to_str().unwrap(), "plan.toml"],
    );
    out.assert_status(0)
        .assert_stdout_contains("Insatser: 1 ändrad, 5 oförändrade, 0 tillkomna, 0 borttagna");
    // The actor's name cut so that the table keeps to the 80 columns.
    assert_eq!(
        row(&out.stdout, "2.1 *")[1..5],
        ["Folkhälsoenhet…", "500 000", "500 000", "0"]
    );
}

/// A split changed, all else the same, is a change, and each format says how.
#[test]
fn a_changed_split_is_a_change_and_says_how() {
    let new = corpus(&[
        (
            "rule = \"equal\"",
            "rule = \"key\"\nkey = \"procent\"\nunit = 100",
        ),
        ("amount = 436_000", "amount = 728_000"),
    ]);
    new.check(&[]).assert_status(0);
    let diff = |extra: &[&str]| {
        let mut args = vec!["diff", "plan.toml", "new.toml"];
        args.extend_from_slice(extra);
        std::fs::write(new.dir.path().join("new.toml"), &new.text).unwrap();
        std::fs::copy(
            repo_root().join("tests/corpus/base.toml"),
            new.dir.path().join("plan.toml"),
        )
        .unwrap();
        allocate(new.dir.path(), &args)
    };
    let out = diff(&[]);
    out.assert_status(0)
        .assert_stdout_contains("Insatser: 1 ändrad, 5 oförändrade, 0 tillkomna, 0 borttagna")
        .assert_stdout_contains(
            "  Ändrad fördelning:\n    2.2: lika delar → nyckel procent, avrundat till 100 kr; nya belopp: Ragunda\n    100 000 kr → 31 200 kr, Bräcke 100 000 kr → 36 000 kr, Krokom 100 000 kr →\n    95 200 kr, Strömsund 100 000 kr → 65 600 kr, Åre 100 000 kr → 76 800 kr och\n    3 till\n",
        );
    assert_eq!(
        row(&out.stdout, "2.2")[1..5],
        ["Länets kommuner", "800 000", "800 000", "0"]
    );
    diff(&["--lang", "en"]).assert_stdout_contains(
        "  Split changed:\n    2.2: equal parts → key procent, rounded to 100 kr; new amounts: Ragunda\n",
    );
    diff(&["--format", "md"]).assert_stdout_contains(&typeset(
        "- 2.2: lika delar → nyckel procent, avrundat till 100 kr; nya belopp: Ragunda 100 000 kr → 31 200 kr,",
    ));
    diff(&["--format", "csv", "--csv", "rfc4180"]).assert_stdout_contains(
        "\ninsats,2.2,Efterlevandestöd,800000,800000,0,0,changed,id,2,\"equal parts → key procent, rounded to 100 kr; new amounts: Ragunda 100,000 kr → 31,200 kr,",
    );
    let v: serde_json::Value = serde_json::from_str(&diff(&["--format", "json"]).stdout).unwrap();
    let changed = &v["insatser"]["changed"][0];
    assert_eq!(changed["split_changed"], true);
    assert_eq!(changed["old"]["split"]["rule"], "equal");
    assert_eq!(changed["new"]["split"]["rule"], "key");
    assert_eq!(changed["new"]["split"]["unit"], 100);
    // 800 000 kr in equal parts, then by the 2026 percentages (Ragunda 3,9 %, Östersund 49 %).
    let shares = changed["shares"].as_array().unwrap();
    assert_eq!(shares.len(), 8);
    assert_eq!(
        shares[0],
        serde_json::json!({ "recipient": "Ragunda", "old": 100_000, "new": 31_200 })
    );
    assert!(shares.contains(
        &serde_json::json!({ "recipient": "Östersund", "old": 100_000, "new": 392_000 })
    ));
    // Only the amounts of a split written out: those that differ are named.
    let amounts = corpus(&[(
        "amounts = { rjh = 20_000, kfjh = 15_000 }",
        "amounts = { rjh = 25_000, kfjh = 10_000 }",
    )]);
    let out = allocate_env(
        amounts.dir.path(),
        &["diff", &base(), "plan.toml"],
        &[("COLUMNS", "200")],
    );
    out.assert_stdout_contains(
        "2.4: angivna belopp (kfjh 15 000 kr, rjh 20 000 kr) → angivna belopp (kfjh 10 000 kr, rjh 25 000 kr)\n",
    );
}

/// A recipient in `except` written another way (its kommunkod, its name in another case, code
/// and name, its official name, with a no-break space) is the recipient `check` makes of it:
/// no change (2.3 still gives each kommun 75 000 kr and Östersund 140 000 kr). Another kommun
/// is one.
#[test]
fn a_split_naming_a_kommun_another_way_is_no_change() {
    let written = "except = { \"Östersund\" = 140_000 }";
    for other in [
        "\"2380\"",
        "\"östersund\"",
        "\"2380 Östersund\"",
        "\"Östersund (2380)\"",
        "\"Östersunds kommun\"",
        "\"östersunds\u{a0}kommun\"",
        "\"2380\u{a0}Östersund\"",
    ] {
        let plan = corpus(&[(written, &format!("except = {{ {other} = 140_000 }}"))]);
        plan.check(&[]).assert_status(0);
        let out = allocate(plan.dir.path(), &["diff", &base(), "plan.toml"]);
        out.assert_status(0)
            .assert_stdout_contains("Insatser: 0 ändrade, 6 oförändrade, 0 tillkomna, 0 borttagna");
        assert!(!out.stdout.contains("Ändrad fördelning"), "{}", out.stdout);
        let v: serde_json::Value = serde_json::from_str(
            &allocate(
                plan.dir.path(),
                &["diff", &base(), "plan.toml", "--format", "json"],
            )
            .stdout,
        )
        .unwrap();
        assert_eq!(v["insatser"]["changed"], serde_json::json!([]), "{other}");
        assert_eq!(v["insatser"]["unchanged"], 6, "{other}");
    }
    // Berg (2326) instead of Östersund: 140 000 kr to another kommun, told by the names the
    // plan gives them (Östersund's own stated total, 436 000 kr, no longer holds: left out).
    let plan = corpus(&[
        (written, "except = { \"2326\" = 140_000 }"),
        (
            "[[stated]]\nlabel = \"Östersund, summa\"\nkommun = \"Östersund\"\namount = 436_000\n",
            "",
        ),
    ]);
    plan.check(&[]).assert_status(0);
    let out = allocate_env(
        plan.dir.path(),
        &["diff", &base(), "plan.toml"],
        &[("COLUMNS", "200")],
    );
    out.assert_status(0)
        .assert_stdout_contains("Insatser: 1 ändrad, 5 oförändrade, 0 tillkomna, 0 borttagna")
        .assert_stdout_contains(
            "2.3: 75 000 kr var (Östersund 140 000 kr) → 75 000 kr var (Berg 140 000 kr)",
        );
    let v: serde_json::Value = serde_json::from_str(
        &allocate(
            plan.dir.path(),
            &["diff", &base(), "plan.toml", "--format", "json"],
        )
        .stdout,
    )
    .unwrap();
    let changed = &v["insatser"]["changed"][0];
    assert_eq!(changed["split_changed"], true);
    assert_eq!(
        changed["new"]["split"]["except"],
        serde_json::json!({"Berg": 140_000})
    );
}

/// Renumbered rows with one text: paired with the row of the same actor and amount, not by
/// their order (the real 2026 plan's 3.3 and 3.4 share their text, FHE 400 000 and the
/// kommuner 800 000).
#[test]
fn renumbered_rows_with_one_text_pair_by_actor_and_amount() {
    let real = real_plan("plan-2026.toml");
    let block = |id: &str| {
        let at = real.find(&format!("id = \"{id}\"")).unwrap();
        real[..at].rfind("[[insatser]]").unwrap()
    };
    let (a, b) = (block("3.3"), block("3.4"));
    let end = b + real[b + 1..].find("[[insatser]]").unwrap() + 1;
    // 3.4 first, then 3.3, renumbered 3.40 and 3.30.
    let swapped = format!(
        "{}{}{}{}",
        &real[..a],
        &real[b..end],
        &real[a..b],
        &real[end..]
    )
    .replace("id = \"3.3\"", "id = \"3.30\"")
    .replace("id = \"3.4\"", "id = \"3.40\"")
    .replace("\"3.3\"]", "\"3.30\"]")
    .replace("\"3.4\"]", "\"3.40\"]");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), swapped).unwrap();
    let old = repo_root().join("allocations/plan-2026.toml");
    let out = allocate(dir.path(), &["diff", old.to_str().unwrap(), "plan.toml"]);
    out.assert_status(0)
        .assert_stdout_contains("Insatser: 2 ändrade, 21 oförändrade, 0 tillkomna, 0 borttagna");
    assert_eq!(
        row(&out.stdout, "3.3 → 3.30")[1..5],
        ["FHE", "400 000", "400 000", "0"]
    );
    assert_eq!(
        row(&out.stdout, "3.4 → 3.40")[1..5],
        ["Länets kommuner", "800 000", "800 000", "0"]
    );
}

/// A plan of `n` insatser with one text, ids `{prefix}0`, `{prefix}1`, …
fn one_text(n: usize, prefix: &str) -> String {
    let mut plan = format!(
        "[plan]\nyear = 2026\ncounty = \"Jämtlands län\"\ntitle = \"T\"\nreference = \"1\"\nunit = 1\ncounty_total = {total}\n\n\
         [deadlines]\nrequisition = 2026-12-01\nuse_reported = 2026-12-31\nunused_repaid = 2027-03-31\n\n\
         [[focus_areas]]\nnumber = 1\ntitle = \"X\"\n\n[[areas]]\nnumber = 1\ntitle = \"Ett\"\namount = {total}\n\n\
         [[actors]]\nid = \"kfjh\"\nname = \"Kommunförbundet\"\nkind = \"kommunförbund\"\n\n\
         [[kommuner]]\ncode = \"2303\"\nname = \"Ragunda\"\n",
        total = n * 1000
    );
    for i in 0..n {
        plan.push_str(&format!(
            "\n[[insatser]]\nid = \"{prefix}{i}\"\narea = 1\ntext = \"Samverkan kring suicidprevention i länet\"\nfocus_areas = [1]\nactor = \"kfjh\"\namount = 1000\n"
        ));
    }
    plan
}

/// Thousands of rows with one text, every id new: each is paired (by a hash of the texts,
/// not by comparing every pair), and the counts are grouped.
#[test]
fn many_rows_with_one_text_all_pair() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.toml"), one_text(2_000, "a")).unwrap();
    std::fs::write(dir.path().join("b.toml"), one_text(2_000, "b")).unwrap();
    let out = allocate(dir.path(), &["diff", "a.toml", "b.toml"]);
    out.assert_status(0)
        .assert_stdout_contains("Insatser: 2 000 ändrade, 0 oförändrade, 0 tillkomna, 0 borttagna")
        // The first pairs by text are named, not two thousand.
        .assert_stdout_contains("a9 → b9 100 % och 1 990 till).");
    assert_eq!(
        row(&out.stdout, "a1999 → b1999")[1..4],
        ["Kommunförbundet", "1 000", "1 000"]
    );
    allocate(dir.path(), &["diff", "a.toml", "b.toml", "--format", "md"]).assert_stdout_contains(
        &typeset("2 000 ändrade, 0 oförändrade, 0 tillkomna, 0 borttagna."),
    );
}

/// Insatser moved to another area: the move is shown in the table, Markdown and CSV.
#[test]
fn a_move_to_another_area_is_shown() {
    let moved = corpus(&[
        (
            "number = 2\ntitle = \"Suicidprevention\"",
            "number = 3\ntitle = \"Suicidprevention\"",
        ),
        ("id = \"2.1\"\narea = 2", "id = \"2.1\"\narea = 3"),
        ("id = \"2.2\"\narea = 2", "id = \"2.2\"\narea = 3"),
        ("id = \"2.3\"\narea = 2", "id = \"2.3\"\narea = 3"),
        ("id = \"2.4\"\narea = 2", "id = \"2.4\"\narea = 3"),
    ]);
    moved.check(&[]).assert_status(0);
    let out = allocate(moved.dir.path(), &["diff", &base(), "plan.toml"]);
    out.assert_status(0)
        .assert_stdout_contains("Insatser: 4 ändrade, 2 oförändrade, 0 tillkomna, 0 borttagna");
    assert_eq!(row(&out.stdout, "2.1")[1..3], ["2 → 3", "Folkhälsoenheten"]);
    allocate(moved.dir.path(), &["diff", &base(), "plan.toml", "--format", "md"])
        .assert_stdout_contains(&typeset("| 2.1 | 2 → 3 | Folkhälsoenheten | 500 000 kr | 500 000 kr | 0 kr | Suicidprevention i regionen |\n"));
    allocate(
        moved.dir.path(),
        &[
            "diff",
            &base(),
            "plan.toml",
            "--format",
            "csv",
            "--csv",
            "rfc4180",
        ],
    )
    .assert_stdout_contains(
        "\ninsats,2.1,Suicidprevention i regionen,500000,500000,0,0,changed,id,2 → 3,,,,Folkhälsoenheten,Folkhälsoenheten,false,,,,\r\n",
    );
}

/// Every line of the output, in characters.
fn widest_line(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// Actors without a short name, and two plans in different units: the changed insatser's
/// table keeps to the terminal (the names cut, both actors of a change shown), and each
/// column of amounts has one number of decimals.
#[test]
fn the_changed_insatser_fit_the_terminal_and_a_column_has_one_format() {
    let moved = corpus(&[
        ("id = \"2.4\"\narea = 2", "id = \"2.4\"\narea = 1"),
        (
            "number = 1\ntitle = \"Genomförande av den nationella strategin\"\namount = 1_000_000",
            "number = 1\ntitle = \"Genomförande av den nationella strategin\"\namount = 1_035_000",
        ),
        (
            "number = 2\ntitle = \"Suicidprevention\"\namount = 2_000_000",
            "number = 2\ntitle = \"Suicidprevention\"\namount = 1_965_000",
        ),
        (
            "actor = \"fhe\"\namount = 500_000",
            "actor = \"kfjh\"\namount = 500_000",
        ),
    ]);
    moved.check(&[]).assert_status(0);
    for columns in ["80", "100"] {
        let out = allocate_env(
            moved.dir.path(),
            &["diff", &base(), "plan.toml"],
            &[("COLUMNS", columns)],
        );
        out.assert_status(0);
        let table: String = out
            .stdout
            .lines()
            .skip_while(|l| !l.starts_with("Ändrade"))
            .take_while(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(widest_line(&table) <= columns.parse().unwrap(), "{table}");
        // Both sides of a change of actors show, each cut.
        let cells = row(&out.stdout, "2.1");
        assert!(cells[2].starts_with("Folkh"), "{table}");
        assert!(cells[2].contains(" → Kommunf"), "{table}");
    }
    // The same plan in tenths: its amounts carry a decimal, and so then do the old plan's.
    let tenths = PlanDir {
        dir: tempfile::tempdir().unwrap(),
        text: moved.text.replace("unit = 1\n", "unit = \"0,1\"\n"),
    };
    std::fs::write(tenths.dir.path().join("plan.toml"), &tenths.text).unwrap();
    let out = allocate(tenths.dir.path(), &["diff", &base(), "plan.toml"]);
    out.assert_status(0);
    assert_eq!(
        row(&out.stdout, "Länets medel")[1..4],
        ["3 000 000,0 kr", "3 000 000,0 kr", "0,0 kr"]
    );
    assert_eq!(row(&out.stdout, "2.4")[3..5], ["35 000,0", "35 000,0"]);
}

/// Runs `allocate ARGS` in `allocations/` (where the plans' key files are) with `input` on
/// standard input.
fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = crate::support::command()
        .args(args)
        .current_dir(repo_root().join("allocations"))
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run allocate");
    let mut pipe = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    Output {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `diff - -` reads standard input once, as `check - -` does: the plan against itself.
#[test]
fn standard_input_is_read_once() {
    let plan = std::fs::read(repo_root().join("allocations/plan-2026.toml")).unwrap();
    with_stdin(&["diff", "-", "-"], &plan)
        .assert_status(0)
        .assert_stderr_empty()
        .assert_stdout_contains("Insatser: 0 ändrade, 23 oförändrade, 0 tillkomna, 0 borttagna");
    // A plan with errors read once is reported once.
    let broken = std::fs::read(repo_root().join("examples/plan-2026-as-printed.toml")).unwrap();
    let out = with_stdin(&["diff", "-", "-"], &broken);
    out.assert_status(1).assert_stdout_empty();
    assert_eq!(
        out.stderr.matches("fel[stated-total]").count(),
        1,
        "{}",
        out.stderr
    );
    assert_eq!(
        out.stderr.matches("ingen jämförelse").count(),
        1,
        "{}",
        out.stderr
    );
}

/// One plan file named twice, however it is written, is read once: its findings are told
/// once, as `check plan.toml plan.toml` tells them.
#[test]
fn a_plan_named_twice_is_read_once() {
    let broken = corpus(&[("county_total = 3_000_000", "county_total = 3_000_001")]);
    let once = broken.check(&[]);
    once.assert_status(1);
    let findings = once.stdout.matches("fel[").count();
    assert!(findings > 0, "{}", once.stdout);
    let absolute = broken.dir.path().join("plan.toml");
    for second in ["plan.toml", "./plan.toml", absolute.to_str().unwrap()] {
        let out = allocate(broken.dir.path(), &["diff", "plan.toml", second]);
        out.assert_status(1).assert_stdout_empty();
        assert_eq!(
            out.stderr.matches("fel[").count(),
            findings,
            "{}",
            out.stderr
        );
        assert_eq!(
            out.stderr.matches("ingen jämförelse").count(),
            1,
            "{}",
            out.stderr
        );
    }
    // A passing plan named twice is compared with itself.
    let plan = corpus(&[]);
    allocate(plan.dir.path(), &["diff", "plan.toml", "./plan.toml"])
        .assert_status(0)
        .assert_stderr_empty()
        .assert_stdout_contains("Insatser: 0 ändrade, 6 oförändrade, 0 tillkomna, 0 borttagna");
    // A file that is not there, named twice, is named once.
    let out = allocate(plan.dir.path(), &["diff", "nope.toml", "nope.toml"]);
    out.assert_status(2);
    assert_eq!(
        out.stderr.matches("kan inte läsa").count(),
        1,
        "{}",
        out.stderr
    );
}

/// The plans in the wrong order: the command to run instead is one a shell runs as it
/// stands, paths quoted, the options kept, standard input named in words.
#[test]
fn the_command_the_other_way_round_runs_as_it_stands() {
    let dir = tempfile::tempdir().unwrap();
    // The key files the plans name, beside them.
    std::fs::create_dir(dir.path().join("keys")).unwrap();
    for file in std::fs::read_dir(repo_root().join("allocations/keys")).unwrap() {
        let file = file.unwrap().path();
        std::fs::copy(
            &file,
            dir.path().join("keys").join(file.file_name().unwrap()),
        )
        .unwrap();
    }
    let older = dir.path().join("my plan 2025.toml");
    std::fs::copy(repo_root().join("allocations/plan-2025.toml"), &older).unwrap();
    std::fs::copy(
        repo_root().join("allocations/plan-2026.toml"),
        dir.path().join("it's.toml"),
    )
    .unwrap();
    let out = allocate(
        dir.path(),
        &[
            "diff",
            "it's.toml",
            "my plan 2025.toml",
            "--format",
            "md",
            "--lang",
            "en",
        ],
    );
    out.assert_status(2).assert_stdout_empty().assert_stderr_contains(
        "last year's plan comes first: allocate diff 'my plan 2025.toml' 'it'\\''s.toml' --format md --lang en\n",
    );
    let plan = std::fs::read(repo_root().join("allocations/plan-2025.toml")).unwrap();
    let out = with_stdin(
        &[
            "diff",
            "plan-2026.toml",
            "-",
            "--format",
            "csv",
            "--csv",
            "rfc4180",
        ],
        &plan,
    );
    out.assert_status(2).assert_stdout_empty().assert_stderr_contains(
        "förra årets plan ska stå först: allocate diff - plan-2026.toml --format csv --csv rfc4180 (där - läser planen från standard in, stdin)\n",
    );
    assert!(!out.stderr.contains("<stdin>"), "{}", out.stderr);
}

/// Both plans with errors: both are named.
#[test]
fn both_plans_with_errors_are_both_named() {
    let broken = corpus(&[("county_total = 3_000_000", "county_total = 3_000_001")]);
    let out = allocate(
        broken.dir.path(),
        &[
            "diff",
            "plan.toml",
            repo_root()
                .join("examples/plan-2026-as-printed.toml")
                .to_str()
                .unwrap(),
        ],
    );
    out.assert_status(1)
        .assert_stdout_empty()
        .assert_stderr_contains("plan.toml: ")
        .assert_stderr_contains(
            "plan-2026-as-printed.toml: 1 fel; ingen jämförelse förrän planen stämmer",
        );
    assert_eq!(
        out.stderr
            .matches("ingen jämförelse förrän planen stämmer")
            .count(),
        2,
        "{}",
        out.stderr
    );
}

/// Two plans that cannot be read are both named, as two plans with errors are.
#[test]
fn two_unreadable_plans_are_both_named() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::allocate(dir.path(), &["diff", "nope.toml", "nope2.toml"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("kan inte läsa nope.toml: filen finns inte")
        .assert_stderr_contains("kan inte läsa nope2.toml: filen finns inte");
}

/// The 2026 plan against itself with its actor tree changed and not a krona moved: a unit
/// under another parent, and KFJH (2 127 436 kr, seed 001) put under the region.
fn moved_actors(format: &[&str]) -> Output {
    let old = PlanDir::from_real("plan-2026.toml");
    let new = PlanDir::from_real("plan-2026.toml")
        .edit(
            "name = \"Föräldra-barnhälsan\"\nkind = \"region-unit\"\nparent = \"rjh\"",
            "name = \"Föräldra-barnhälsan\"\nkind = \"region-unit\"\nparent = \"fhe\"",
        )
        .edit(
            "short = \"KFJH\"\nkind = \"kommunförbund\"\n",
            "short = \"KFJH\"\nkind = \"kommunförbund\"\nparent = \"rjh\"\n",
        );
    std::fs::write(old.dir.path().join("old.toml"), &old.text).unwrap();
    std::fs::write(old.dir.path().join("new.toml"), &new.text).unwrap();
    let mut args = vec!["diff", "old.toml", "new.toml"];
    args.extend_from_slice(format);
    allocate(old.dir.path(), &args)
}

#[test]
fn an_actor_moved_to_another_parent_is_counted_under_it_in_both_years() {
    let out = moved_actors(&[]);
    out.assert_status(0);
    // Seed 001: the region's own money 4 205 026 kr, Folkhälsoenheten's 3 510 836 kr and
    // Föräldra-barnhälsan's 381 600 kr, in both columns: no change where no krona moved.
    let v: serde_json::Value =
        serde_json::from_str(&moved_actors(&["--format", "json"]).stdout).unwrap();
    let actors = v["actors"].as_array().unwrap();
    let find = |key: &str, own: bool| {
        actors
            .iter()
            .find(|a| a["key"] == key && a["own"] == own)
            .unwrap_or_else(|| panic!("no {key} {own}"))
    };
    for (key, own, amount) in [
        ("rjh", true, 4_205_026),
        ("fhe", true, 3_510_836),
        ("fbh", false, 381_600),
        ("kfjh", false, 2_127_436),
        ("fhe", false, 3_510_836 + 381_600),
    ] {
        let a = find(key, own);
        assert_eq!(
            (&a["old"], &a["new"]),
            (&amount.into(), &amount.into()),
            "{key}"
        );
        assert_eq!(a["change"], 0, "{key}");
    }
    // Each year's top rows add up to the county total, 12 689 898 kr.
    for year in ["old", "new"] {
        let top: i64 = actors
            .iter()
            .filter(|a| a["depth"] == 0)
            .filter_map(|a| a[year].as_i64())
            .sum();
        assert_eq!(top, 12_689_898, "{year}");
    }
    assert_eq!(
        v["moved"][0],
        serde_json::json!({
            "actor": "Föräldra-barnhälsan",
            "old_parent": "Region Jämtland Härjedalen",
            "new_parent": "Folkhälsoenheten",
        })
    );
    assert_eq!(v["moved"][1]["old_parent"], serde_json::Value::Null);
    // On screen, every row of the actors' table without a change, and the moves told.
    for line in out.stdout.lines().filter(|l| l.contains(" kr ┆")) {
        assert!(
            line.contains("┆ 0 kr ┆") || line.contains("┆       0 kr ┆"),
            "{line}"
        );
    }
    out.assert_stdout_contains(
        "  Flyttade aktörer räknas båda åren där de står i den nya planen:\n    Föräldra-barnhälsan: 2026 före under Region Jämtland Härjedalen, 2026 efter under Folkhälsoenheten\n    Kommunförbundet Jämtland Härjedalen: 2026 före överst, 2026 efter under Region Jämtland Härjedalen\n",
    );
}

/// A unit under a unit (Föräldra-barnhälsan moved under Folkhälsoenheten, itself under the
/// region) stands a level deeper than its parent in every format, so that the rows under a
/// row add up to it and none is counted twice.
#[test]
fn a_unit_under_a_unit_stands_deeper_in_every_format() {
    // Seed 001: Folkhälsoenheten's own 3 510 836 kr and Föräldra-barnhälsan's 381 600 kr.
    let (fhe_own, fbh) = (3_510_836, 381_600);
    let table = moved_actors(&[]);
    table
        .assert_status(0)
        .assert_stdout_contains("│ – Folkhälsoenheten ")
        .assert_stdout_contains("│   – utan enhet ")
        .assert_stdout_contains("│   – Föräldra-barnh");
    assert_eq!(
        row(&table.stdout, "– Folkhälsoenheten")[1],
        "3 892 436 kr",
        "{}",
        table.stdout
    );
    moved_actors(&["--format", "md"])
        .assert_stdout_contains(&typeset("| – Folkhälsoenheten | 3 892 436 kr |"))
        .assert_stdout_contains(&typeset("| – – utan enhet | 3 510 836 kr |"))
        .assert_stdout_contains(&typeset("| – – Föräldra-barnhälsan | 381 600 kr |"));
    // CSV: each row names the row it is part of; the rows under one add up to it.
    let out = moved_actors(&["--format", "csv", "--csv", "rfc4180"]);
    let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let actor = |key: &str, own: bool| {
        rows.iter()
            .find(|r| &r[0] == "actor" && &r[1] == key && r[2].ends_with("(utan enhet)") == own)
            .unwrap_or_else(|| panic!("no {key}"))
    };
    assert_eq!(&actor("fbh", false)[11], "fhe");
    assert_eq!(&actor("fhe", true)[11], "fhe");
    assert_eq!(&actor("fhe", false)[11], "rjh");
    assert_eq!(&actor("rjh", false)[11], "");
    let under = |parent: &str| -> i64 {
        rows.iter()
            .filter(|r| &r[0] == "actor" && &r[11] == parent)
            .map(|r| r[4].parse::<i64>().unwrap())
            .sum()
    };
    assert_eq!(under("fhe"), fhe_own + fbh);
    assert_eq!(
        actor("fhe", false)[4].parse::<i64>().unwrap(),
        fhe_own + fbh
    );
    for parent in ["rjh", "fhe"] {
        assert_eq!(
            under(parent),
            actor(parent, false)[4].parse::<i64>().unwrap(),
            "{parent}"
        );
    }
    // The top rows add up to the county total, 12 689 898 kr (seed 001).
    assert_eq!(under(""), 12_689_898);
}

#[test]
fn a_note_breaks_between_pairs_never_inside_one() {
    for width in ["40", "50", "60", "80"] {
        let out = allocate_env(
            &repo_root(),
            &[
                "diff",
                "allocations/plan-2025.toml",
                "allocations/plan-2026.toml",
            ],
            &[("COLUMNS", width)],
        );
        out.assert_status(0);
        let note: String = out
            .stdout
            .split("Ett nytt id")
            .nth(1)
            .and_then(|rest| rest.split(").").next())
            .unwrap()
            .to_string();
        // Each pair whole on one line: 2.6 → 2.7 62 %, 1.5 → 2.8 70 %, 3.4 → 3.8 66 %,
        // 3.5 → 3.10 70 % (the 2026 document's renumbered rows).
        for pair in [
            "2.6 → 2.7 62 %",
            "1.5 → 2.8 70 %",
            "3.4 → 3.8 66 %",
            "3.5 → 3.10 70 %",
        ] {
            assert!(note.contains(pair), "{width}: {pair} in {note:?}");
        }
        assert!(!note.contains('\u{a0}'), "{note:?}");
    }
}

// ---------------------------------------------------------------------------------------
// What the plans say may be done with the money: conditions and the areas' requirements.

/// The third paragraph of 2026's conditions, the first on moving money, and 2025's only one
/// (`[plan] conditions` of the two plans, seed 001 lines 255–263 and seed 003 lines 649–651).
const CONDITION_2026: &str = "Eventuella medel som under året bedöms inte kunna nyttjats enligt föreslagen fördelning kan omfördelas av ansvarig verksamhet att nyttjas för aktiviteter inom samma beslutade fokusområden.";
const CONDITION_2025: &str = "Medel som inte fakturerats enligt beslut 2025-08-30 eller där kravställning inte uppfylls ska återbetalas och nyttjas för utbildnings- och informationsinsatser i Jämtlands län, Region Jämtland Härjedalen och länets kommuner.";

/// The words of `text`, whatever lines they were filled into.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// 2025's one condition (unpaid invoices repaid) is gone in 2026, which has five others
/// (who answers for an activity, the follow-up, moving money between insatser, the
/// commitments): the reader sees each text, in every format. The areas'
/// requirements are word for word the same both years (seed 003 lines 308–362, seed 001
/// lines 113–198), and the comparison says so.
#[test]
fn the_conditions_of_the_real_plans_differ_and_the_requirements_do_not() {
    let out = diff_real(&[]);
    out.assert_status(0)
        .assert_stdout_contains(
            "\nVillkor för medlen: 0 ändrade, 0 oförändrade, 5 tillkomna, 1 borttaget\n  Tillkomna (2026):\n    1. För respektive aktivitets planering",
        )
        .assert_stdout_contains("\n  Borttagna (2025):\n    1. Medel som inte fakturerats")
        .assert_stdout_contains(
            "\nKrav för områdenas medel\n  Områden: 0 ändrade, 3 oförändrade, 0 tillkomna, 0 borttagna\n",
        );
    let flowing = words(&out.stdout);
    assert!(
        flowing.contains(&format!("3. {CONDITION_2026}")),
        "{flowing}"
    );
    assert!(
        flowing.contains(&format!("1. {CONDITION_2025}")),
        "{flowing}"
    );
    assert!(flowing.contains("4. Omfördelning av medel som fördelats för fortsatt nyttjande i samverkan sker efter överenskommelse mellan Kommunförbundet Jämtland Härjedalen och Hälso-och sjukvårdspolitiska avdelningen Region Jämtland Härjedalen"));
    // No line of it wider than the terminal.
    let terms = out.stdout.split("\nVillkor för medlen").nth(1).unwrap();
    assert!(widest_line(terms) <= 80, "{terms}");
    diff_real(&["--lang", "en"])
        .assert_stdout_contains(
            "\nConditions for the funds: 0 changed, 0 unchanged, 5 added, 1 removed\n  Added (2026):\n",
        )
        .assert_stdout_contains("\n  Removed (2025):\n")
        .assert_stdout_contains(
            "\nRequirements for the areas' funds\n  Areas: 0 changed, 3 unchanged, 0 added, 0 removed\n",
        );
    diff_real(&["--format", "md"])
        .assert_stdout_contains(
            "\n## Villkor för medlen\n\n0 ändrade, 0 oförändrade, 5 tillkomna, 1 borttaget.\n\nTillkomna (2026):\n\n",
        )
        .assert_stdout_contains(&format!("\n- **3.** {CONDITION_2026}\n"))
        .assert_stdout_contains(&format!("\nBorttagna (2025):\n\n- **1.** {CONDITION_2025}\n"))
        .assert_stdout_contains(
            "\n## Krav för områdenas medel\n\nOmråden: 0 ändrade, 3 oförändrade, 0 tillkomna, 0 borttagna.\n",
        );
    let v: serde_json::Value =
        serde_json::from_str(&diff_real(&["--format", "json"]).stdout).unwrap();
    assert_eq!(v["schema"], "allocate-diff/2");
    let conditions = &v["conditions"];
    assert_eq!(conditions["added"][2]["number"], 3);
    assert_eq!(conditions["added"][2]["text"], CONDITION_2026);
    assert_eq!(conditions["added"].as_array().unwrap().len(), 5);
    assert_eq!(conditions["removed"][0]["text"], CONDITION_2025);
    assert_eq!(conditions["changed"], serde_json::json!([]));
    assert_eq!(conditions["unchanged"], 0);
    assert_eq!(
        v["requirements"],
        serde_json::json!({ "areas": [], "unchanged": 3 })
    );
}

/// 2026's plan with area 2's point on support to relatives of people with complex needs
/// (2025's sixth of seven) left out: area 2's requirements changed, that point removed.
#[test]
fn a_requirement_point_left_out_of_the_real_plan_is_shown_removed() {
    let point = "genomföra insatser för att stärka stödet till anhöriga till personer med komplexa behov, inbegripet samsjuklighet, och i detta särskilt uppmärksamma barn som anhöriga";
    let edited = PlanDir::from_real("plan-2026.toml").edit(&format!("  \"{point}\",\n"), "");
    edited.check(&[]).assert_status(0);
    let old = repo_root().join("allocations/plan-2025.toml");
    let out = allocate(
        edited.dir.path(),
        &["diff", old.to_str().unwrap(), "plan.toml"],
    );
    out.assert_status(0)
        .assert_stdout_contains("  Områden: 1 ändrat, 2 oförändrade, 0 tillkomna, 0 borttagna\n")
        .assert_stdout_contains(
            "\n    Punkter: 0 ändrade, 6 oförändrade, 0 tillkomna, 1 borttagen\n    Borttagna (2025):\n      6. genomföra insatser",
        );
    // The area named on one line, its title cut to the terminal's width, what happened to
    // its requirements whole.
    let heading = out
        .stdout
        .lines()
        .find(|l| l.starts_with("  Område 2 Utvecklade insatser för personer"))
        .unwrap();
    assert!(heading.ends_with("…: kraven har ändrats"), "{heading}");
    assert!(heading.chars().count() <= 80, "{heading}");
    let flowing = words(&out.stdout);
    assert!(flowing.contains(&format!("6. {point}")), "{flowing}");
    // On a narrow terminal the counts go over two lines, each count whole.
    let narrow = crate::support::allocate_env(
        edited.dir.path(),
        &["diff", old.to_str().unwrap(), "plan.toml"],
        &[("COLUMNS", "40")],
    );
    narrow.assert_status(0).assert_stdout_contains(
        "\n    Punkter: 0 ändrade, 6 oförändrade,\n      0 tillkomna, 1 borttagen\n",
    );
    // In Markdown, whole.
    allocate(
        edited.dir.path(),
        &["diff", old.to_str().unwrap(), "plan.toml", "--format", "md"],
    )
    .assert_stdout_contains(
        "\n### Område 2 Utvecklade insatser för personer med komplexa behov med särskilt fokus på samsjuklighet och psykiatrisk heldygnsvård, tvångsvård och rättspsykiatrisk vård: kraven har ändrats\n",
    )
    .assert_stdout_contains(&format!("\n- **6.** {point}\n"));
    // The lead-in stands: not shown.
    assert!(!out.stdout.contains("Inledning"), "{}", out.stdout);
    let json = allocate(
        edited.dir.path(),
        &[
            "diff",
            old.to_str().unwrap(),
            "plan.toml",
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let area = &v["requirements"]["areas"][0];
    assert_eq!(area["area"], 2);
    assert_eq!(area["status"], "changed");
    assert_eq!(area["text_changed"], false);
    assert_eq!(area["points"]["removed"][0]["number"], 6);
    assert_eq!(area["points"]["removed"][0]["text"], point);
    assert_eq!(area["points"]["unchanged"], 6);
    assert_eq!(v["requirements"]["unchanged"], 2);
}

/// The corpus plan with these conditions and requirements for its areas 1 and 2 (each a
/// lead-in and points; `None`: none for the area).
fn with_terms(
    conditions: &[&str],
    area_1: Option<(&str, &[&str])>,
    area_2: Option<(&str, &[&str])>,
) -> String {
    let quoted = |list: &[&str]| -> String {
        list.iter()
            .map(|t| format!("  \"{t}\",\n"))
            .collect::<String>()
    };
    let requirements = |r: Option<(&str, &[&str])>| match r {
        None => String::new(),
        Some((text, points)) => format!(
            "\n[areas.requirements]\ntext = \"{text}\"\npoints = [\n{}]\n",
            quoted(points)
        ),
    };
    let base = std::fs::read_to_string(repo_root().join("tests/corpus/base.toml")).unwrap();
    let edit = |text: String, from: &str, to: String| {
        assert!(text.contains(from), "{from}");
        text.replacen(from, &to, 1)
    };
    let text = edit(
        base,
        "stated_change = 100_000\n",
        format!(
            "stated_change = 100_000\nconditions = [\n{}]\n",
            quoted(conditions)
        ),
    );
    let text = edit(
        text,
        "amount = 1_000_000\n",
        format!("amount = 1_000_000\n{}", requirements(area_1)),
    );
    edit(
        text,
        "title = \"Suicidprevention\"\namount = 2_000_000\n",
        format!(
            "title = \"Suicidprevention\"\namount = 2_000_000\n{}",
            requirements(area_2)
        ),
    )
}

const LEAD_IN: &str = "För att få ta del av medlen ska regioner och kommuner gemensamt (länsvis)";
const HANDLINGSPLAN: &str =
    "upprätta länsgemensamma handlingsplaner för genomförandet av strategin";
const REDOVISA: &str = "redovisa arbetet i enlighet med anvisning";

/// Two drafts of one year: `old.toml` and `new.toml`, each checked.
fn terms_drafts() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let old = with_terms(
        &[
            "Medel som inte fakturerats senast 2026-08-30 ska återbetalas.",
            "Redovisning sker till Folkhälsoenheten senast 31 december.",
            "Oförändrat villkor om medlen.",
        ],
        Some((LEAD_IN, &[HANDLINGSPLAN, REDOVISA])),
        None,
    );
    let new = with_terms(
        &[
            // Case and spaces aside the same: unchanged.
            "oförändrat  villkor om medlen.",
            "Omfördelning sker efter överenskommelse mellan Kommunförbundet och regionen.",
            "Medel som inte fakturerats senast 2027-08-30 ska återbetalas till Kammarkollegiet.",
        ],
        Some((
            "För att få ta del av medlen ska regionerna (länsvis)",
            &[
                "upprätta länsgemensamma handlingsplaner för genomförandet av den nationella strategin",
                REDOVISA,
                "stärka stödet till anhöriga",
            ],
        )),
        Some((
            "För att få ta del av medlen ska regionerna",
            &["genomföra suicidpreventiva analyser"],
        )),
    );
    for (name, text) in [("old.toml", old), ("new.toml", new)] {
        std::fs::write(dir.path().join(name), text).unwrap();
        allocate(dir.path(), &["check", name]).assert_status(0);
    }
    dir
}

/// A condition reworded is changed (its old and new text, the similarity: "medel", "faktur",
/// "senast", "återbe" shared of four and five content words, 2 × 4 / 9 = 88 %), one with
/// other words removed and another added, one the same whatever its place and case unchanged;
/// an area's requirements with a new lead-in, a point reworded (five content words shared of
/// five and six, 2 × 5 / 11 = 90 %) and one added are changed, another area's are added, and
/// the other way round removed. Every format tells each.
#[test]
fn conditions_and_requirements_added_removed_and_changed() {
    let dir = terms_drafts();
    let diff = |args: &[&str]| {
        let mut all = vec!["diff"];
        all.extend_from_slice(args);
        let out = allocate(dir.path(), &all);
        out.assert_status(0);
        out
    };
    let out = diff(&["old.toml", "new.toml"]);
    out.assert_stdout_contains(
        "\nVillkor för medlen: 1 ändrat, 1 oförändrat, 1 tillkommet, 1 borttaget
  Tillkomna (2026 efter):
    2. Omfördelning sker efter överenskommelse mellan Kommunförbundet och
       regionen.
  Borttagna (2026 före):
    2. Redovisning sker till Folkhälsoenheten senast 31 december.
  Ändrade:
    Villkor 1 → 3, likhet 88 %:
      2026 före: Medel som inte fakturerats senast 2026-08-30 ska återbetalas.
      2026 efter: Medel som inte fakturerats senast 2027-08-30 ska återbetalas
                  till Kammarkollegiet.
",
    )
    .assert_stdout_contains(
        "\nKrav för områdenas medel
  Områden: 1 ändrat, 0 oförändrade, 1 tillkommet, 0 borttagna
  Område 1 Genomförande av den nationella strategin: kraven har ändrats
    Inledning 2026 före: För att få ta del av medlen ska regioner och kommuner
                         gemensamt (länsvis)
    Inledning 2026 efter: För att få ta del av medlen ska regionerna (länsvis)
    Punkter: 1 ändrad, 1 oförändrad, 1 tillkommen, 0 borttagna
    Tillkomna (2026 efter):
      3. stärka stödet till anhöriga
    Ändrade:
      Punkt 1, likhet 90 %:
        2026 före: upprätta länsgemensamma handlingsplaner för genomförandet av
                   strategin
        2026 efter: upprätta länsgemensamma handlingsplaner för genomförandet av
                    den nationella strategin
  Område 2 Suicidprevention: kraven har tillkommit
    Inledning: För att få ta del av medlen ska regionerna
    Tillkomna (2026 efter):
      1. genomföra suicidpreventiva analyser
",
    );
    // The other way round: area 2's requirements removed.
    diff(&["new.toml", "old.toml"])
        .assert_stdout_contains("  Områden: 1 ändrat, 0 oförändrade, 0 tillkomna, 1 borttaget\n")
        .assert_stdout_contains(
            "  Område 2 Suicidprevention: kraven har tagits bort
    Inledning: För att få ta del av medlen ska regionerna
    Borttagna (2026 före):
      1. genomföra suicidpreventiva analyser
",
        );
    diff(&["old.toml", "new.toml", "--lang", "en"])
        .assert_stdout_contains(
            "\nConditions for the funds: 1 changed, 1 unchanged, 1 added, 1 removed\n  Added (2026 after):\n",
        )
        .assert_stdout_contains("  Changed:\n    Condition 1 → 3, similarity 88 %:\n      2026 before: Medel")
        .assert_stdout_contains("  Area 2 Suicidprevention: requirements added\n    Lead-in: För att")
        .assert_stdout_contains("    Points: 1 changed, 1 unchanged, 1 added, 0 removed\n");
    diff(&["old.toml", "new.toml", "--format", "md"])
        .assert_stdout_contains("\n## Villkor för medlen\n\n1 ändrat, 1 oförändrat, 1 tillkommet, 1 borttaget.\n")
        .assert_stdout_contains(
            "\nÄndrade:\n\n- **Villkor 1 → 3**, likhet 88 %:\n  - 2026 före: Medel som inte fakturerats senast 2026-08-30 ska återbetalas.\n  - 2026 efter: Medel som inte fakturerats senast 2027-08-30 ska återbetalas till Kammarkollegiet.\n",
        )
        .assert_stdout_contains(
            "\n### Område 1 Genomförande av den nationella strategin: kraven har ändrats\n\n- Inledning 2026 före: För att få ta del av medlen ska regioner och kommuner gemensamt (länsvis)\n- Inledning 2026 efter: För att få ta del av medlen ska regionerna (länsvis)\n\nPunkter: 1 ändrad, 1 oförändrad, 1 tillkommen, 0 borttagna.\n\nTillkomna (2026 efter):\n\n- **3.** stärka stödet till anhöriga\n",
        )
        .assert_stdout_contains("\n### Område 2 Suicidprevention: kraven har tillkommit\n");
    let csv = diff(&[
        "old.toml", "new.toml", "--format", "csv", "--csv", "rfc4180",
    ]);
    for line in [
        "\ncondition,2,,,Omfördelning sker efter överenskommelse mellan Kommunförbundet och regionen.,,,added,,,,,,,,,,,,\r\n",
        "\ncondition,2,,Redovisning sker till Folkhälsoenheten senast 31 december.,,,,removed,,,,,,,,,,,,\r\n",
        "\ncondition,1 → 3,,Medel som inte fakturerats senast 2026-08-30 ska återbetalas.,Medel som inte fakturerats senast 2027-08-30 ska återbetalas till Kammarkollegiet.,,,changed,text 88,,,,,,,,,,,\r\n",
        "\nrequirement,1,1 Genomförande av den nationella strategin,För att få ta del av medlen ska regioner och kommuner gemensamt (länsvis),För att få ta del av medlen ska regionerna (länsvis),,,changed,,1,,,,,,,,,,\r\n",
        "\nrequirement_point,3,1 Genomförande av den nationella strategin,,stärka stödet till anhöriga,,,added,,1,,,,,,,,,,\r\n",
        "\nrequirement,2,2 Suicidprevention,,För att få ta del av medlen ska regionerna,,,added,,2,,,,,,,,,,\r\n",
        "\nrequirement_point,1,2 Suicidprevention,,genomföra suicidpreventiva analyser,,,added,,2,,,,,,,,,,\r\n",
    ] {
        csv.assert_stdout_contains(line);
    }
    // The Swedish spreadsheet's words.
    diff(&["old.toml", "new.toml", "--format", "csv"])
        .assert_stdout_contains("\nkravpunkt;\"=\"\"3\"\"\";1 Genomförande av den nationella strategin;;stärka stödet till anhöriga;;;tillkommen;;")
        // A changed condition (*ett villkor*) and requirement (*ett krav*) are `ändrat`, an
        // added point (*en kravpunkt*) `tillkommen`.
        .assert_stdout_contains(";ändrat;text 88 %;")
        .assert_stdout_contains("\nkrav;\"=\"\"1\"\"\";1 Genomförande av den nationella strategin;För att få ta del av medlen ska regioner och kommuner gemensamt (länsvis);För att få ta del av medlen ska regionerna (länsvis);;;ändrat;")
        .assert_stdout_contains("\nkrav;\"=\"\"2\"\"\";2 Suicidprevention;;För att få ta del av medlen ska regionerna;;;tillkommet;");
    let v: serde_json::Value =
        serde_json::from_str(&diff(&["old.toml", "new.toml", "--format", "json"]).stdout).unwrap();
    let changed = &v["conditions"]["changed"][0];
    assert_eq!(changed["old"]["number"], 1);
    assert_eq!(changed["new"]["number"], 3);
    assert_eq!(changed["text_similarity_percent"], 88);
    assert_eq!(v["conditions"]["unchanged"], 1);
    let areas = &v["requirements"]["areas"];
    assert_eq!(areas[0]["status"], "changed");
    assert_eq!(areas[0]["text_changed"], true);
    assert_eq!(areas[0]["old_text"], LEAD_IN);
    assert_eq!(
        areas[0]["points"]["changed"][0]["text_similarity_percent"],
        90
    );
    assert_eq!(
        areas[0]["points"]["added"][0]["text"],
        "stärka stödet till anhöriga"
    );
    assert_eq!(areas[1]["status"], "added");
    assert_eq!(areas[1]["old_text"], serde_json::Value::Null);
    assert_eq!(areas[1]["points"]["added"][0]["number"], 1);
}

/// Plans with the same conditions and requirements (white space and case aside) print no
/// section of them, in any format; the JSON counts them unchanged.
#[test]
fn the_same_conditions_and_requirements_print_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let old = with_terms(
        &["Första villkoret.", "Andra villkoret om medlen."],
        Some((LEAD_IN, &[HANDLINGSPLAN, REDOVISA])),
        None,
    );
    let new = with_terms(
        &["andra villkoret  om medlen.", "Första villkoret."],
        Some((LEAD_IN, &[REDOVISA, HANDLINGSPLAN])),
        None,
    );
    std::fs::write(dir.path().join("old.toml"), old).unwrap();
    std::fs::write(dir.path().join("new.toml"), new).unwrap();
    for format in ["table", "md", "csv"] {
        let out = allocate(
            dir.path(),
            &["diff", "old.toml", "new.toml", "--format", format],
        );
        out.assert_status(0);
        for word in ["Villkor", "villkor", "Krav", "krav"] {
            assert!(
                !out.stdout.contains(word),
                "{format}: {word}\n{}",
                out.stdout
            );
        }
    }
    let out = allocate(
        dir.path(),
        &["diff", "old.toml", "new.toml", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        v["conditions"],
        serde_json::json!({ "added": [], "removed": [], "changed": [], "unchanged": 2 })
    );
    assert_eq!(
        v["requirements"],
        serde_json::json!({ "areas": [], "unchanged": 1 })
    );
}

/// Areas are paired by title before number: the corpus plan with its two areas' numbers
/// swapped (and its insatser's) compares each area with itself, 0 kr, and says that each
/// stood under the other number; in every format.
#[test]
fn areas_renumbered_are_compared_by_title_and_named() {
    let base = std::fs::read_to_string(repo_root().join("tests/corpus/base.toml")).unwrap();
    let swapped: Vec<String> = base
        .lines()
        .map(|l| match l {
            "area = 1" => "area = 2".to_string(),
            "area = 2" => "area = 1".to_string(),
            l => l.to_string(),
        })
        .collect();
    let swapped = swapped
        .join("\n")
        .replace(
            "number = 1\ntitle = \"Genomförande",
            "number = 2\ntitle = \"Genomförande",
        )
        .replace(
            "number = 2\ntitle = \"Suicidprevention\"",
            "number = 1\ntitle = \"Suicidprevention\"",
        );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.toml"), &base).unwrap();
    std::fs::write(dir.path().join("new.toml"), swapped).unwrap();
    allocate(dir.path(), &["check", "new.toml"]).assert_status(0);
    let out = allocate(dir.path(), &["diff", "old.toml", "new.toml"]);
    out.assert_status(0)
        .assert_stdout_contains(
            "│ 1 Suicidprevention     ┆ 2 000 000 kr ┆ 2 000 000 kr ┆       0 kr ┆ 0,00 % │",
        )
        .assert_stdout_contains("    1 Suicidprevention (2026 före: område 2)\n")
        .assert_stdout_contains(
            "    2 Genomförande av den nationella strategin (2026 före: område 1)\n",
        );
    let v: serde_json::Value = serde_json::from_str(
        &allocate(
            dir.path(),
            &["diff", "old.toml", "new.toml", "--format", "json"],
        )
        .stdout,
    )
    .unwrap();
    let first = &v["areas"][0];
    assert_eq!(first["key"], "1");
    assert_eq!(first["old_name"], "2 Suicidprevention");
    assert_eq!(
        (first["old"].as_i64(), first["new"].as_i64()),
        (Some(2_000_000), Some(2_000_000))
    );
    allocate(
        dir.path(),
        &["diff", "old.toml", "new.toml", "--format", "md"],
    )
    .assert_stdout_contains("\n- 1 Suicidprevention (2026 före: område 2)\n");
    allocate(
        dir.path(),
        &[
            "diff", "old.toml", "new.toml", "--format", "csv", "--csv", "rfc4180",
        ],
    )
    .assert_stdout_contains(
        "\r\narea,1,1 Suicidprevention,2000000,2000000,0,0,,2 Suicidprevention,",
    );
    // Renamed under its number: the old title is named.
    let renamed = base.replace(
        "title = \"Suicidprevention\"",
        "title = \"Suicidprevention i länet\"",
    );
    std::fs::write(dir.path().join("new.toml"), renamed).unwrap();
    allocate(dir.path(), &["diff", "old.toml", "new.toml"])
        .assert_status(0)
        .assert_stdout_contains("    2 Suicidprevention i länet (2026 före: Suicidprevention)\n");
}

/// A row whose text stands word for word under another id is paired with it, before a weaker
/// match under its old id: 2.1 "Suicidprevention i regionen" (500 000 kr) is 2.4 in the new
/// plan, and the new 2.1 "Suicidprevention i länet" (35 000 kr) is a new row. Paired by id,
/// 2.1 would have lost 465 000 kr that it did not lose.
#[test]
fn a_text_under_another_id_is_paired_before_a_weaker_match_by_id() {
    let base = std::fs::read_to_string(repo_root().join("tests/corpus/base.toml")).unwrap();
    let renumbered = base
        .replace(
            "id = \"2.1\"\narea = 2\ntext = \"Suicidprevention i regionen\"",
            "id = \"@\"\narea = 2\ntext = \"Suicidprevention i regionen\"",
        )
        .replace(
            "id = \"2.4\"\narea = 2\ntext = \"Spridningskonferens\"",
            "id = \"2.1\"\narea = 2\ntext = \"Suicidprevention i länet\"",
        )
        .replace("id = \"@\"", "id = \"2.4\"");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.toml"), &base).unwrap();
    std::fs::write(dir.path().join("new.toml"), renumbered).unwrap();
    allocate(dir.path(), &["check", "new.toml"]).assert_status(0);
    allocate(dir.path(), &["diff", "old.toml", "new.toml"])
        .assert_status(0)
        .assert_stdout_contains("Insatser: 1 ändrad, 4 oförändrade, 1 tillkommen, 1 borttagen\n")
        .assert_stdout_contains(
            "│ 2.1 → 2.4 ┆ Folkhälsoenheten ┆   500 000 ┆    500 000 ┆          0 │",
        )
        .assert_stdout_contains("│ 2.1    ┆ Suicidprevention i länet ┆")
        .assert_stdout_contains("│ 2.4    ┆ Spridningskonferens ┆");
}

/// A key given new values under its old id (as `init` advises for a new year's population)
/// moves money between kommuner under a split that reads the same: the insats is changed,
/// and each format names the shares that moved. An earmark dropped is a change too (tester
/// s28 #2, #3). The figures are 1.3's in the 2026 decision (Berg 21 200 kr, Bräcke
/// 18 000 kr), Berg's and Bräcke's percentages swapped.
#[test]
fn new_key_values_and_a_dropped_earmark_are_changes() {
    let new = berg_and_bracke_swapped(PlanDir::from_real("plan-2026.toml"));
    let at = new.text.find("id = \"1.4\"").unwrap();
    let earmark = at + new.text[at..].find("earmark = \"medverkan\"\n").unwrap();
    let mut text = new.text.clone();
    text.replace_range(earmark..earmark + "earmark = \"medverkan\"\n".len(), "");
    let new = PlanDir { text, ..new };
    new.check(&[]).assert_status(0);
    // Last year's plan: the same but for its year.
    let diff = against_the_2026_plan_as_2025(&new);
    diff(&[])
        .assert_stdout_contains("Insatser: 2 ändrade, 21 oförändrade, 0 tillkomna, 0 borttagna")
        .assert_stdout_contains(
            "  Ändrad fördelning:\n    1.3: nyckel befolkning-procent-2026, avrundat till 100 kr; nyckelns värden\n    har ändrats, nya belopp: Bräcke 18 000 kr → 21 200 kr, Berg 21 200 kr →\n    18 000 kr\n",
        )
        .assert_stdout_contains("  Ändrad varav-post:\n    1.4: medverkan → ingen\n");
    let json: serde_json::Value =
        serde_json::from_str(&diff(&["--format", "json"]).stdout).unwrap();
    let changed = json["insatser"]["changed"].as_array().unwrap();
    let key = changed.iter().find(|c| c["new"]["id"] == "1.3").unwrap();
    assert_eq!(key["split_changed"], true);
    assert_eq!(key["key_changed"], true);
    assert_eq!(key["earmark_changed"], false);
    assert_eq!(
        key["shares"],
        serde_json::json!([
            { "recipient": "Bräcke", "old": 18_000, "new": 21_200 },
            { "recipient": "Berg", "old": 21_200, "new": 18_000 },
        ])
    );
    let earmark = changed.iter().find(|c| c["new"]["id"] == "1.4").unwrap();
    assert_eq!(
        (&earmark["old"]["earmark"], &earmark["new"]["earmark"]),
        (&serde_json::json!("medverkan"), &serde_json::Value::Null)
    );
    assert_eq!(earmark["earmark_changed"], true);
    assert_eq!(earmark["shares"], serde_json::json!([]));
    let csv = diff(&["--format", "csv", "--csv", "rfc4180"]).stdout;
    assert!(csv.contains(",changed,id,1,\"key befolkning-procent-2026, rounded to 100 kr; the key's values have changed, new amounts: Bräcke 18,000 kr → 21,200 kr, Berg 21,200 kr → 18,000 kr\",,,Länets kommuner,Länets kommuner,false,,,,\r\n"), "{csv}");
    assert!(
        csv.contains(",changed,id,1,,,medverkan → none,FHE,FHE,false,,,,\r\n"),
        "{csv}"
    );
    // The decision basis beside last year's plan says the same.
    let md = allocate(
        new.dir.path(),
        &[
            "report",
            "plan.toml",
            "--format",
            "md",
            "--previous",
            "old.toml",
        ],
    );
    md.assert_stdout_contains(&typeset(
        "Ändrad fördelning, 1.3: nyckel befolkning-procent-2026, avrundat till 100 kr; nyckelns värden har ändrats, nya belopp: Bräcke 18 000 kr → 21 200 kr, Berg 21 200 kr → 18 000 kr.",
    ))
    .assert_stdout_contains("Ändrad varav-post, 1.4: medverkan → ingen.");
    // Notes alone, with no insats removed or added: no empty table of them.
    assert!(
        !md.stdout.contains("Borttagna och tillkomna insatser"),
        "{}",
        md.stdout
    );
}

/// A key's new values beside a new amount: every share moves with the amount, and that the
/// key changed is still told (tester s28 round 2, #2).
#[test]
fn new_key_values_beside_a_new_amount_are_told() {
    let new = corpus(&[
        (
            "Berg = \"5,3\", \"Bräcke\" = \"4,5\"",
            "Berg = \"4,5\", \"Bräcke\" = \"5,3\"",
        ),
        ("printed = { Berg = 21_200, \"Östersund\" = 196_000 }\n", ""),
        ("amount = 600_000", "amount = 500_000"),
        (
            "actor = \"kommunerna\"\namount = 400_000",
            "actor = \"kommunerna\"\namount = 500_000",
        ),
        ("stated = 1_865_000", "stated = 1_965_000"),
        ("amount = 1_865_000", "amount = 1_965_000"),
        ("amount = 436_000", "amount = 485_000"),
    ]);
    new.check(&[]).assert_status(0);
    against_base(&new, &[])
        .assert_status(0)
        .assert_stdout_contains(
            "  Ändrad fördelning:\n    1.2: nyckel procent, avrundat till 100 kr; nyckelns värden har ändrats\n",
        );
    let json: serde_json::Value =
        serde_json::from_str(&against_base(&new, &["--format", "json"]).stdout).unwrap();
    let change = &json["insatser"]["changed"][1];
    assert_eq!(change["new"]["id"], "1.2");
    assert_eq!(
        (&change["key_changed"], &change["split_changed"]),
        (&serde_json::json!(true), &serde_json::json!(true))
    );
    assert_eq!(change["shares"], serde_json::json!([]));
}

/// What is not a moved share is not told as one (review s28 M1, M2): an insats without a
/// split given to another actor is a change of actors, not of its split; a kommun whose code
/// is corrected is the same kommun, so no insats changes. More than five shares moved are
/// named five, then counted.
#[test]
fn shares_move_only_under_a_split_and_by_recipient() {
    let actor = corpus(&[(
        "actor = \"fhe\"\namount = 500_000",
        "actor = \"rjh\"\namount = 500_000",
    )]);
    actor.check(&[]).assert_status(0);
    let out = against_base(&actor, &[]);
    out.assert_status(0)
        .assert_stdout_contains("Insatser: 1 ändrad, 5 oförändrade")
        .assert_stdout_contains(
            "│ 2.1    ┆ Folkhälsoen… → Region Jämtl… ┆   500 000 ┆    500 000 ┆          0 │",
        );
    assert!(!out.stdout.contains("Ändrad fördelning"), "{}", out.stdout);
    let json: serde_json::Value =
        serde_json::from_str(&against_base(&actor, &["--format", "json"]).stdout).unwrap();
    let change = &json["insatser"]["changed"][0];
    assert_eq!(
        (
            &change["actors_changed"],
            &change["split_changed"],
            &change["shares"]
        ),
        (
            &serde_json::json!(true),
            &serde_json::json!(false),
            &serde_json::json!([])
        )
    );

    let code = corpus(&[("code = \"2309\"", "code = \"2310\"")]);
    code.check(&[]).assert_status(0);
    against_base(&code, &[])
        .assert_status(0)
        .assert_stdout_contains("Insatser: 0 ändrade, 6 oförändrade");
    // Its code corrected and its official name written for its name: still Krokom (tester
    // s28 round 3, #1).
    let both = corpus(&[
        ("code = \"2309\"", "code = \"2310\""),
        ("name = \"Krokom\"", "name = \"Krokoms kommun\""),
        ("Krokom = \"11,9\"", "\"Krokoms kommun\" = \"11,9\""),
    ]);
    both.check(&[]).assert_status(0);
    against_base(&both, &[])
        .assert_status(0)
        .assert_stdout_contains("Insatser: 0 ändrade, 6 oförändrade");

    // Seven kommuner's percentages turned round, Östersund's kept: 1.2's 400 000 kr move
    // among seven, each from its 2026 figure to another's (seed 001: Ragunda 15 600 kr,
    // Bräcke 18 000 kr, Krokom 47 600 kr, Strömsund 32 800 kr, Åre 38 400 kr).
    let turned = corpus(&[
        (
            "values = { Berg = \"5,3\", \"Bräcke\" = \"4,5\", \"Härjedalen\" = \"7,6\", Krokom = \"11,9\", Ragunda = \"3,9\", \"Strömsund\" = \"8,2\", \"Åre\" = \"9,6\"",
            "values = { Berg = \"4,5\", \"Bräcke\" = \"7,6\", \"Härjedalen\" = \"11,9\", Krokom = \"3,9\", Ragunda = \"8,2\", \"Strömsund\" = \"9,6\", \"Åre\" = \"5,3\"",
        ),
        ("printed = { Berg = 21_200, \"Östersund\" = 196_000 }\n", ""),
    ]);
    turned.check(&[]).assert_status(0);
    let out = against_base(&turned, &["--format", "md"]);
    out.assert_status(0).assert_stdout_contains(&typeset(
        "- 1.2: nyckel procent, avrundat till 100 kr; nyckelns värden har ändrats, nya belopp: Ragunda 15 600 kr → 32 800 kr, Bräcke 18 000 kr → 30 400 kr, Krokom 47 600 kr → 15 600 kr, Strömsund 32 800 kr → 38 400 kr, Åre 38 400 kr → 21 200 kr och 2 till\n",
    ));
    let json: serde_json::Value =
        serde_json::from_str(&against_base(&turned, &["--format", "json"]).stdout).unwrap();
    assert_eq!(
        json["insatser"]["changed"][0]["shares"]
            .as_array()
            .unwrap()
            .len(),
        7
    );
}

/// `diff` of the corpus plan (`old.toml`) against `new` (`new.toml`), in `new`'s folder.
/// `allocate diff old.toml plan.toml EXTRA` in `new`'s folder, `old.toml` being the 2026
/// plan as last year's (its year 2025, its figures 2026's).
/// A key of new figures under a new id (the README names keys by year) moves money between
/// kommuner as new values under the old id do: the split change names the shares that moved
/// beside the two keys (tester s37 #2: 400 kr between four kommuner went unseen). 1.3's
/// figures in the 2026 decision, Berg's and Bräcke's percentages swapped in the new key.
#[test]
fn a_new_key_under_a_new_id_names_the_shares_that_moved() {
    let new = PlanDir::from_real("plan-2026.toml")
        .edit(
            "[[keys]]\nid = \"befolkning-procent-2026\"",
            "[[keys]]\nid = \"befolkning-procent-2026-b\"",
        )
        .edit(
            "key = \"befolkning-procent-2026\"\nunit = 100",
            "key = \"befolkning-procent-2026-b\"\nunit = 100",
        );
    let new = berg_and_bracke_swapped(new);
    new.check(&[]).assert_status(0);
    let diff = against_the_2026_plan_as_2025(&new);
    let out = diff(&[]);
    let words: String = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("1.3: nyckel befolkning-procent-2026, avrundat till 100 kr → nyckel befolkning-procent-2026-b, avrundat till 100 kr; nya belopp: Bräcke 18 000 kr → 21 200 kr, Berg 21 200 kr → 18 000 kr"),
        "{}",
        out.stdout
    );
    let json: serde_json::Value =
        serde_json::from_str(&diff(&["--format", "json"]).stdout).unwrap();
    let changed = json["insatser"]["changed"].as_array().unwrap();
    let key = changed.iter().find(|c| c["new"]["id"] == "1.3").unwrap();
    assert_eq!(
        (&key["split_changed"], &key["key_changed"]),
        (&serde_json::json!(true), &serde_json::json!(false))
    );
    assert_eq!(
        key["shares"],
        serde_json::json!([
            { "recipient": "Bräcke", "old": 18_000, "new": 21_200 },
            { "recipient": "Berg", "old": 21_200, "new": 18_000 },
        ])
    );
}

/// The 2026 plan's key with Berg's and Bräcke's percentages swapped (5,3 % and 4,5 %), and
/// the figures it gives them in 1.3's printed table (21 200 kr and 18 000 kr) and their stated
/// totals (196 200 kr and 193 000 kr) swapped with them.
fn berg_and_bracke_swapped(plan: PlanDir) -> PlanDir {
    plan.edit(
        "Berg = \"5,3\", \"Bräcke\" = \"4,5\"",
        "Berg = \"4,5\", \"Bräcke\" = \"5,3\"",
    )
    .edit(
        "printed = { Berg = 21_200, \"Bräcke\" = 18_000",
        "printed = { Berg = 18_000, \"Bräcke\" = 21_200",
    )
    .edit(
        "kommun = \"Berg\"\namount = 196_200",
        "kommun = \"Berg\"\namount = 193_000",
    )
    .edit(
        "kommun = \"Bräcke\"\namount = 193_000",
        "kommun = \"Bräcke\"\namount = 196_200",
    )
}

fn against_the_2026_plan_as_2025(new: &PlanDir) -> impl Fn(&[&str]) -> Output + '_ {
    std::fs::write(
        new.dir.path().join("old.toml"),
        real_plan("plan-2026.toml").replacen("year = 2026", "year = 2025", 1),
    )
    .unwrap();
    move |extra: &[&str]| {
        let mut args = vec!["diff", "old.toml", "plan.toml"];
        args.extend_from_slice(extra);
        allocate(new.dir.path(), &args)
    }
}

fn against_base(new: &PlanDir, extra: &[&str]) -> Output {
    std::fs::write(new.dir.path().join("new.toml"), &new.text).unwrap();
    std::fs::copy(
        repo_root().join("tests/corpus/base.toml"),
        new.dir.path().join("old.toml"),
    )
    .unwrap();
    let mut args = vec!["diff", "old.toml", "new.toml"];
    args.extend_from_slice(extra);
    allocate(new.dir.path(), &args)
}

/// An actor renamed under the same id (tester s39: Folkhälsoenheten's new name stood under
/// its old figure with no word of the rename) is said under the actors' table, in the
/// Markdown, and in the JSON's `old_name`; its 3 510 836 kr (the decision's figure) unchanged.
#[test]
fn an_actor_renamed_under_its_id_is_said_under_the_actors_table() {
    let new = PlanDir::from_real("plan-2026.toml").edit(
        "name = \"Folkhälsoenheten\"",
        "name = \"Enheten för folkhälsa\"",
    );
    new.check(&[]).assert_status(0);
    let diff = against_the_2026_plan_as_2025(&new);
    diff(&[]).assert_stdout_contains(
        "  Aktörer med annat namn eller id än 2025 (jämförda med samma id, annars samma\n    namn):\n    Enheten för folkhälsa (2025: Folkhälsoenheten)\n",
    );
    diff(&["--format", "md"]).assert_stdout_contains(
        "Aktörer med annat namn eller id än 2025 (jämförda med samma id, annars samma namn):\n\n- Enheten för folkhälsa (2025: Folkhälsoenheten)\n",
    );
    let json: serde_json::Value =
        serde_json::from_str(&diff(&["--format", "json"]).stdout).unwrap();
    let actors = json["actors"].as_array().unwrap();
    let fhe = actors.iter().find(|a| a["key"] == "fhe").unwrap();
    assert_eq!(fhe["old_name"], "fhe Folkhälsoenheten");
    assert_eq!(
        (&fhe["old"], &fhe["new"]),
        (&serde_json::json!(3_510_836), &serde_json::json!(3_510_836))
    );
    // Renamed no other actor.
    assert_eq!(
        actors.iter().filter(|a| !a["old_name"].is_null()).count(),
        1
    );
}

/// An actor given a new id under its name (tester s40: `fhe` made `folkhalsa` showed
/// Folkhälsoenheten twice, −3 510 836 kr and +3 510 836 kr, and seven insatser changed from
/// `FHE` to `FHE`) is one row with its 3 510 836 kr beside last year's, said under the table,
/// and its insatser unchanged; an id and a name both new are another actor.
#[test]
fn an_actor_given_a_new_id_under_its_name_is_one_row() {
    let mut new = PlanDir::from_real("plan-2026.toml");
    new.text = new.text.replace("\"fhe\"", "\"folkhalsa\"");
    new.check(&[]).assert_status(0);
    let diff = against_the_2026_plan_as_2025(&new);
    let out = diff(&[]);
    out.assert_stdout_contains("Folkhälsoenheten (2025: id fhe)\n")
        .assert_stdout_contains("Insatser: 0 ändrade, 23 oförändrade, 0 tillkomna, 0 borttagna");
    assert_eq!(
        out.stdout.matches("Folkhälsoenheten ").count(),
        2,
        "{}",
        out.stdout
    );
    let json: serde_json::Value =
        serde_json::from_str(&diff(&["--format", "json"]).stdout).unwrap();
    let actors = json["actors"].as_array().unwrap();
    let renamed: Vec<_> = actors.iter().filter(|a| !a["old_name"].is_null()).collect();
    let [fhe] = renamed[..] else {
        panic!("{renamed:?}")
    };
    assert_eq!(fhe["key"], "folkhalsa");
    assert_eq!(fhe["old_name"], "fhe Folkhälsoenheten");
    assert_eq!(
        (&fhe["old"], &fhe["new"]),
        (&serde_json::json!(3_510_836), &serde_json::json!(3_510_836))
    );
    // An actor named in a split by its id (reviewer s40): `kfjh` made `kf` in the corpus
    // plan's `amounts` is the same split.
    drop(diff);
    let mut renamed = PlanDir::from_real("plan-2026.toml");
    renamed.text = std::fs::read_to_string(repo_root().join("tests/corpus/base.toml"))
        .unwrap()
        .replace("\"kfjh\"", "\"kf\"")
        .replace("kfjh = 15_000", "kf = 15_000");
    let out = against_base(&renamed, &[]);
    out.assert_status(0)
        .assert_stdout_contains("(2026 före: id kfjh)")
        .assert_stdout_contains("Insatser: 0 ändrade");
    let diff = against_the_2026_plan_as_2025(&new);
    // A new id and a new name: Folkhälsoenheten removed, another actor added.
    drop(diff);
    let new = new.edit(
        "name = \"Folkhälsoenheten\"",
        "name = \"Enheten för folkhälsa\"",
    );
    new.check(&[]).assert_status(0);
    let diff = against_the_2026_plan_as_2025(&new);
    let json: serde_json::Value =
        serde_json::from_str(&diff(&["--format", "json"]).stdout).unwrap();
    let actors = json["actors"].as_array().unwrap();
    assert!(actors.iter().all(|a| a["old_name"].is_null()));
    let fhe = actors.iter().find(|a| a["key"] == "fhe").unwrap();
    assert_eq!(
        (&fhe["old"], &fhe["new"]),
        (&serde_json::json!(3_510_836), &serde_json::Value::Null)
    );
}

/// A kommun whose code was corrected, or that was renamed, is one row of the kommuner's
/// table with its money beside last year's, and a line under the table says what it was;
/// not a kommun removed (−100 %) and one added.
#[test]
fn a_kommun_recoded_or_renamed_is_one_row_that_says_what_it_was() {
    let new = PlanDir::from_real("plan-2026.toml").edit("code = \"2309\"", "code = \"2310\"");
    let text = new.text.replace("Ragunda", "Ragunda-Hammarstrand");
    let new = PlanDir { text, ..new };
    new.check(&[]).assert_status(0);
    let diff = against_the_2026_plan_as_2025(&new);
    // The 2026 decision's per-kommun figures (Krokom 222 600 kr, Ragunda 190 600 kr) on
    // both sides, unchanged.
    // (Status 1: this year's figures about last year are the 2025 plan's, not this copy's.)
    let table = diff(&[]);
    table
        .assert_status(1)
        .assert_stdout_contains("│ 2310 Krokom             ┆   222 600 kr ┆   222 600 kr ┆       0 kr ┆ 0,00 % │")
        .assert_stdout_contains("  Kommuner med annan kod eller annat namn än 2025 (jämförda med samma namn,\n    annars samma kod):\n    2303 Ragunda-Hammarstrand (2025: Ragunda)\n    2310 Krokom (2025: kod 2309)\n");
    assert!(!table.stdout.contains("2309 Krokom"), "{}", table.stdout);
    assert!(!table.stdout.contains("-100,00 %"), "{}", table.stdout);
    let json: serde_json::Value =
        serde_json::from_str(&diff(&["--format", "json"]).stdout).unwrap();
    let kommuner = json["kommuner"].as_array().unwrap();
    assert_eq!(kommuner.len(), 8);
    let krokom = kommuner.iter().find(|k| k["key"] == "2310").unwrap();
    assert_eq!(
        (&krokom["old"], &krokom["new"], &krokom["old_name"]),
        (
            &serde_json::json!(222_600),
            &serde_json::json!(222_600),
            &serde_json::json!("2309 Krokom")
        )
    );
    let ragunda = kommuner.iter().find(|k| k["key"] == "2303").unwrap();
    assert_eq!(ragunda["old"], 190_600);
    assert_eq!(ragunda["old_name"], "2303 Ragunda");
    diff(&["--format", "md"]).assert_stdout_contains(
        "Kommuner med annan kod eller annat namn än 2025 (jämförda med samma namn, annars samma kod):\n\n- 2303 Ragunda-Hammarstrand (2025: Ragunda)\n- 2310 Krokom (2025: kod 2309)\n",
    );
    // Two codes swapped (last year's plan had Ragunda's and Krokom's the wrong way round):
    // each kommun is itself by its name, its money unchanged, 1.3's shares unmoved (tester
    // s29 round 2: −32 000 kr and +32 000 kr, and a key "changed").
    let swapped = real_plan("plan-2026.toml")
        .replacen("year = 2026", "year = 2025", 1)
        .replace(
            "code = \"2303\"\nname = \"Ragunda\"",
            "code = \"2309\"\nname = \"Ragunda\"",
        )
        .replace(
            "code = \"2309\"\nname = \"Krokom\"",
            "code = \"2303\"\nname = \"Krokom\"",
        );
    std::fs::write(new.dir.path().join("swapped.toml"), swapped).unwrap();
    std::fs::write(
        new.dir.path().join("real.toml"),
        real_plan("plan-2026.toml"),
    )
    .unwrap();
    let fixed = allocate(new.dir.path(), &["diff", "swapped.toml", "real.toml"]);
    fixed
        .assert_stdout_contains(
            "│ 2303 Ragunda    ┆   190 600 kr ┆   190 600 kr ┆       0 kr ┆ 0,00 % │",
        )
        .assert_stdout_contains(
            "│ 2309 Krokom     ┆   222 600 kr ┆   222 600 kr ┆       0 kr ┆ 0,00 % │",
        )
        .assert_stdout_contains(
            "    2303 Ragunda (2025: kod 2309)\n    2309 Krokom (2025: kod 2303)\n",
        )
        .assert_stdout_contains("Insatser: 0 ändrade, 23 oförändrade, 0 tillkomna, 0 borttagna");
    // A name written another way is no rename: `Krokoms kommun` is Krokom.
    let spelled = real_plan("plan-2026.toml")
        .replace("name = \"Krokom\"", "name = \"Krokoms kommun\"")
        .replace(" Krokom = ", " \"Krokoms kommun\" = ")
        .replace("kommun = \"Krokom\"", "kommun = \"Krokoms kommun\"");
    std::fs::write(new.dir.path().join("spelled.toml"), spelled).unwrap();
    let same = allocate(new.dir.path(), &["diff", "old.toml", "spelled.toml"]);
    same.assert_status(1);
    assert!(
        !same.stdout.contains("annan kod eller annat namn"),
        "{}",
        same.stdout
    );
    // Nor is Östersund written `Östersunds kommun` a change of 2.5's split (`except`: its
    // 140 000 kr), nor a text in decomposed Unicode a new text (tester s29 round 3).
    let decomposed = |text: &str| {
        text.replace("ö", "o\u{308}")
            .replace("å", "a\u{30a}")
            .replace("ä", "a\u{308}")
    };
    let otherwise: String = real_plan("plan-2026.toml")
        .replace("name = \"Östersund\"", "name = \"Östersunds kommun\"")
        .replace("\"Östersund\" =", "\"Östersunds kommun\" =")
        .replace("kommun = \"Östersund\"", "kommun = \"Östersunds kommun\"")
        .lines()
        .map(|l| match l.starts_with("text = ") {
            true => decomposed(l),
            false => l.to_string(),
        } + "\n")
        .collect();
    std::fs::write(new.dir.path().join("otherwise.toml"), otherwise).unwrap();
    allocate(new.dir.path(), &["diff", "otherwise.toml", "real.toml"])
        .assert_stdout_contains("Insatser: 0 ändrade, 23 oförändrade, 0 tillkomna, 0 borttagna");
}

/// The decided 2026 plan (`old.toml`) beside a revision of it (`plan.toml`), as the README's
/// "Revising a decided plan during the year" compares them: `allocate diff old.toml
/// plan.toml`.
fn against_the_decided_plan(revised: &PlanDir, extra: &[&str]) -> Output {
    let dir = revised.dir.path();
    std::fs::write(dir.join("old.toml"), real_plan("plan-2026.toml")).unwrap();
    std::fs::write(dir.join("plan.toml"), &revised.text).unwrap();
    let mut args = vec!["diff", "old.toml", "plan.toml"];
    args.extend_from_slice(extra);
    allocate(dir, &args)
}

/// The CSV row whose first two fields are `section` and `key`, as fields.
fn csv_row(csv: &str, section: &str, key: &str, delimiter: u8) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(csv.as_bytes());
    reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[0] == section && &r[1] == key)
        .unwrap_or_else(|| panic!("no row {section},{key}\n{csv}"))
        .iter()
        .map(str::to_string)
        .collect()
}

/// Kommunförbundet's 2 127 436 kr held by the region instead of invoiced (tester s42 #1: no
/// krona moves, and the comparison said nothing): each format says how it is paid now, in
/// the words of `export`'s payments (`faktura`, `förvaltas av regionen`).
#[test]
fn a_change_of_how_an_actor_is_paid_is_told_in_every_format() {
    let revised = PlanDir::from_real("plan-2026.toml").edit(
        "short = \"KFJH\"\nkind = \"kommunförbund\"\n",
        "short = \"KFJH\"\nkind = \"kommunförbund\"\npayment = \"held\"\n",
    );
    revised.check(&[]).assert_status(0);
    let out = against_the_decided_plan(&revised, &[]);
    out.assert_status(0)
        .assert_stdout_contains(
            "  Aktörer som betalas på annat sätt än 2026 före:\n    Kommunförbundet Jämtland Härjedalen: faktura → förvaltas av regionen\n",
        )
        .assert_stdout_contains("Insatser: 0 ändrade, 23 oförändrade");
    // No krona moved: its row is the same both sides.
    assert_eq!(
        row(&out.stdout, "Kommunförbundet")[1..4],
        ["2 127 436 kr", "2 127 436 kr", "0 kr"]
    );
    against_the_decided_plan(&revised, &["--lang", "en"]).assert_stdout_contains(
        "    Kommunförbundet Jämtland Härjedalen: invoice → managed by the region\n",
    );
    against_the_decided_plan(&revised, &["--format", "md"]).assert_stdout_contains(
        "Aktörer som betalas på annat sätt än 2026 före:\n\n- Kommunförbundet Jämtland Härjedalen: faktura → förvaltas av regionen\n",
    );
    // The CSV's last column: every actor's route, `old → new` where it changed.
    let machine = against_the_decided_plan(&revised, &["--format", "csv", "--csv", "rfc4180"]);
    let kfjh = csv_row(&machine.stdout, "actor", "kfjh", b',');
    assert_eq!(
        (kfjh[3].as_str(), kfjh[4].as_str(), kfjh[19].as_str()),
        ("2127436", "2127436", "invoice → held")
    );
    assert_eq!(
        csv_row(&machine.stdout, "actor", "fhe", b',')[19],
        "internal"
    );
    assert_eq!(csv_row(&machine.stdout, "actor", "rjh", b',')[19], "held");
    let excel = against_the_decided_plan(&revised, &["--format", "csv"]);
    assert_eq!(
        csv_row(&excel.stdout, "aktör", "kfjh", b';')[19],
        "faktura → förvaltas av regionen"
    );
    let json: serde_json::Value =
        serde_json::from_str(&against_the_decided_plan(&revised, &["--format", "json"]).stdout)
            .unwrap();
    let actors = json["actors"].as_array().unwrap();
    let kfjh = actors.iter().find(|a| a["key"] == "kfjh").unwrap();
    assert_eq!(
        (
            &kfjh["old_payment"],
            &kfjh["new_payment"],
            &kfjh["payment_changed"]
        ),
        (
            &serde_json::json!("invoice"),
            &serde_json::json!("held"),
            &serde_json::json!(true)
        )
    );
    let changed: Vec<_> = (actors.iter())
        .filter(|a| a["payment_changed"] == true)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    // The same plan twice: nothing said of payments.
    let same = against_the_decided_plan(&PlanDir::from_real("plan-2026.toml"), &[]);
    assert!(
        !same.stdout.contains("betalas på annat sätt"),
        "{}",
        same.stdout
    );
}

/// The revision's new decision date, a new `invoice_by` and an earlier `use_reported`, a
/// new reference code and fewer to report to (tester s42 #2: none of them showed, and the
/// appendix for SVOM hid the new invoicing deadline): each told as the conditions are,
/// added, removed or changed with both values; dates as the terminal and the documents
/// write them.
#[test]
fn the_decisions_dates_deadlines_and_terms_are_compared() {
    let revised = PlanDir::from_real("plan-2026.toml")
        .edit("decision_date = 2026-02-27", "decision_date = 2026-06-12")
        .edit(
            "use_reported = 2026-12-31",
            "use_reported = 2026-12-15\ninvoice_by = 2026-10-31",
        )
        .edit("reference = \"400105\"", "reference = \"400199\"")
        .edit("report_to = [\"kfjh\", \"fhe\"]", "report_to = [\"fhe\"]")
        .edit(
            "title = \"Strategiska insatser",
            "title = \"Reviderade strategiska insatser",
        );
    revised.check(&[]).assert_status(0);
    against_the_decided_plan(&revised, &[])
        .assert_status(0)
        .assert_stdout_contains(
            "\nBeslut och tidsgränser: 5 ändrade, 5 oförändrade, 1 tillkommen, 0 borttagna\n  Tillkomna (2026 efter):\n    Fakturering senast: 2026-10-31\n  Ändrade:\n    Titel:\n      2026 före: Strategiska insatser inom området psykisk hälsa och\n",
        )
        .assert_stdout_contains("      2026 efter: Reviderade strategiska insatser")
        .assert_stdout_contains(
            "    Beslutsdatum: 2026-02-27 → 2026-06-12\n    Referenskod:\n      2026 före: 400105\n      2026 efter: 400199\n    Redovisning senast: 2026-12-31 → 2026-12-15\n    Redovisning till: Kommunförbundet Jämtland Härjedalen, Folkhälsoenheten →\n                      Folkhälsoenheten\n",
        )
        // The other terms were compared too, and are the same.
        .assert_stdout_contains(
            "\nFörslag till beslut: 0 ändrade, 1 oförändrad, 0 tillkomna, 0 borttagna\n",
        )
        .assert_stdout_contains("\nVillkor för medlen: 0 ändrade, 5 oförändrade");
    // The appendix for the revised decision: dates as the decision basis writes them.
    against_the_decided_plan(&revised, &["--format", "md"])
        .assert_stdout_contains(
            "## Beslut och tidsgränser\n\n5 ändrade, 5 oförändrade, 1 tillkommen, 0 borttagna.\n\nTillkomna (2026 efter):\n\n- **Fakturering senast:** 31 oktober 2026\n",
        )
        .assert_stdout_contains("- **Beslutsdatum:** 27 februari 2026 → 12 juni 2026\n")
        .assert_stdout_contains("- **Referenskod:**\n  - 2026 före: 400105\n  - 2026 efter: 400199\n");
    against_the_decided_plan(&revised, &["--lang", "en"])
        .assert_stdout_contains("    Invoicing by: 2026-10-31\n")
        .assert_stdout_contains("    Decision date: 2026-02-27 → 2026-06-12\n");
    let machine =
        against_the_decided_plan(&revised, &["--format", "csv", "--csv", "rfc4180"]).stdout;
    assert!(
        machine.contains(
            "\nterm,deadlines.invoice_by,Invoicing by,,2026-10-31,,,added,,,,,,,,,,,,\r\n"
        ),
        "{machine}"
    );
    assert!(
        machine.contains(
            "\nterm,decision_date,Decision date,2026-02-27,2026-06-12,,,changed,,,,,,,,,,,,\r\n"
        ),
        "{machine}"
    );
    let excel = against_the_decided_plan(&revised, &["--format", "csv"]).stdout;
    let row = csv_row(&excel, "beslutsuppgift", "deadlines.invoice_by", b';');
    assert_eq!(
        (row[2].as_str(), row[4].as_str(), row[7].as_str()),
        ("Fakturering senast", "2026-10-31", "tillkommen")
    );
    let json: serde_json::Value =
        serde_json::from_str(&against_the_decided_plan(&revised, &["--format", "json"]).stdout)
            .unwrap();
    assert_eq!(
        json["terms"]["added"],
        serde_json::json!([{ "key": "deadlines.invoice_by", "value": "2026-10-31" }])
    );
    let changed = json["terms"]["changed"].as_array().unwrap();
    let report_to = changed
        .iter()
        .find(|c| c["key"] == "deadlines.report_to")
        .unwrap();
    assert_eq!(
        (&report_to["old"], &report_to["new"]),
        (
            &serde_json::json!(["kfjh", "fhe"]),
            &serde_json::json!(["fhe"])
        )
    );
    assert_eq!(changed.len(), 5);
    assert_eq!(json["terms"]["unchanged"], 5);
    assert_eq!(json["proposal"]["unchanged"], 1);
    // Between two years a deadline on the same day of its year, and a title with only its
    // year moved, are the same; the actors reported to in another order are the same
    // (reviewer s42: 2025→2026 listed the calendar as changes).
    diff_real(&[])
        .assert_status(0)
        .assert_stdout_contains(
            "Beslut och tidsgränser: 4 ändrade, 5 oförändrade, 1 tillkommen, 1 borttagen",
        )
        .assert_stdout_contains("  Borttagna (2025):\n    Fakturering senast: 2025-08-30\n");
    let reordered = PlanDir::from_real("plan-2026.toml").edit(
        "report_to = [\"kfjh\", \"fhe\"]",
        "report_to = [\"fhe\", \"kfjh\"]",
    );
    let out = against_the_decided_plan(&reordered, &[]);
    out.assert_status(0);
    assert!(
        !out.stdout.contains("Beslut och tidsgränser"),
        "{}",
        out.stdout
    );
}

/// 3.6's focus areas 5, 6 made 1, 2 (what the follow-up lets money move between), 3.7's
/// printed *Ansvarig verksamhet* and 2.1's affected units (tester s42 #2: each was
/// "oförändrad"): each insats is changed, marked `†`, and what changed is told under the
/// table, in the CSV's columns and in the JSON.
#[test]
fn focus_areas_responsible_and_affected_units_are_changes() {
    let revised = PlanDir::from_real("plan-2026.toml")
        .edit("focus_areas = [5, 6]\naffected = \"Länets kommuners kommunikations", "focus_areas = [1, 2]\naffected = \"Länets kommuners kommunikations")
        .edit(
            "responsible = \"Region Jämtland Härjedalen Vuxenpsykiatri\"",
            "responsible = \"Region Jämtland Härjedalen Vuxenpsykiatri och Kommunförbundet Jämtland Härjedalen\"",
        )
        .edit(
            "affected = \"Skola, Elevhälsa, Socialtjänst\"",
            "affected = \"Skola, Elevhälsa, Socialtjänst, Polis\"",
        );
    revised.check(&[]).assert_status(0);
    let out = against_the_decided_plan(&revised, &[]);
    out.assert_status(0)
        .assert_stdout_contains("Insatser: 3 ändrade, 20 oförändrade, 0 tillkomna, 0 borttagna")
        .assert_stdout_contains(
            "  † fokusområden, ansvarig verksamhet eller berörda verksamheter har ändrats.\n  Ändrade fokusområden:\n    3.6: 5, 6 → 1, 2\n  Ändrad ansvarig verksamhet:\n    3.7: Region Jämtland Härjedalen Vuxenpsykiatri → Region Jämtland Härjedalen\n    Vuxenpsykiatri och Kommunförbundet Jämtland Härjedalen\n  Ändrade berörda verksamheter:\n    2.1: Skola, Elevhälsa, Socialtjänst → Skola, Elevhälsa, Socialtjänst, Polis\n",
        );
    for (id, amount) in [
        ("2.1 †", "250 000"),
        ("3.6 †", "127 436"),
        ("3.7 †", "100 000"),
    ] {
        assert_eq!(row(&out.stdout, id)[2..5], [amount, amount, "0"]);
    }
    // No `*`: the texts are the same.
    assert!(
        !out.stdout.contains("* texten har ändrats"),
        "{}",
        out.stdout
    );
    against_the_decided_plan(&revised, &["--format", "md"])
        .assert_stdout_contains("| 3.6 † | KFJH |")
        .assert_stdout_contains(
            "\n† fokusområden, ansvarig verksamhet eller berörda verksamheter har ändrats.\n",
        )
        .assert_stdout_contains("\nÄndrade fokusområden:\n\n- 3.6: 5, 6 → 1, 2\n");
    let machine =
        against_the_decided_plan(&revised, &["--format", "csv", "--csv", "rfc4180"]).stdout;
    let focus = csv_row(&machine, "insats", "3.6", b',');
    assert_eq!(
        focus[13..],
        ["KFJH", "KFJH", "false", "5, 6 → 1, 2", "", "", ""]
    );
    let affected = csv_row(&machine, "insats", "2.1", b',');
    assert_eq!(
        affected[18],
        "Skola, Elevhälsa, Socialtjänst → Skola, Elevhälsa, Socialtjänst, Polis"
    );
    let json: serde_json::Value =
        serde_json::from_str(&against_the_decided_plan(&revised, &["--format", "json"]).stdout)
            .unwrap();
    let changed = json["insatser"]["changed"].as_array().unwrap();
    let of = |id: &str| changed.iter().find(|c| c["new"]["id"] == id).unwrap();
    assert_eq!(
        (
            &of("3.6")["focus_areas_changed"],
            &of("3.6")["old"]["focus_areas"],
            &of("3.6")["new"]["focus_areas"]
        ),
        (
            &serde_json::json!(true),
            &serde_json::json!([5, 6]),
            &serde_json::json!([1, 2])
        )
    );
    assert_eq!(of("3.7")["responsible_changed"], true);
    assert_eq!(of("2.1")["affected_changed"], true);
    assert_eq!(of("2.1")["text_changed"], false);
    // A plan that records no focus areas at all (2025's, before the county action plan)
    // says nothing of them: last year's insatser are not changed by 2026's.
    let real = diff_real(&[]);
    assert!(
        !real.stdout.contains("Ändrade fokusområden"),
        "{}",
        real.stdout
    );
    // Between the real plans the printed responsible units changed with the actors, which
    // the responsible column shows, or are the same words in another order (2.4): no mark,
    // no list (reviewer s42: 2025→2026 repeated every actor change under †).
    assert!(!real.stdout.contains('†'), "{}", real.stdout);
    assert!(
        !real.stdout.contains("Ändrad ansvarig verksamhet"),
        "{}",
        real.stdout
    );
    // The same words in another order and case are the same units.
    let reordered = PlanDir::from_real("plan-2026.toml").edit(
        "affected = \"Skola, Elevhälsa, Socialtjänst\"",
        "affected = \"socialtjänst, Skola, Elevhälsa\"",
    );
    let out = against_the_decided_plan(&reordered, &[]);
    out.assert_status(0)
        .assert_stdout_contains("Insatser: 0 ändrade, 23 oförändrade");
}

/// The CSV carries each changed, added or removed insats's responsible actors in each plan
/// and whether its text changed, as the table and the JSON do (tester s42 #3: 2.8 moved from
/// LPO to Vuxenpsykiatrin read `changed` with a change of 0 and nothing more), in columns
/// added at the end.
#[test]
fn the_csv_names_an_insatss_actors_and_whether_its_text_changed() {
    let revised = PlanDir::from_real("plan-2026.toml").edit(
        "responsible = \"Kunskapsstyrning genom LPO psykisk hälsa\"\nactor = \"lpo\"",
        "responsible = \"Kunskapsstyrning genom LPO psykisk hälsa\"\nactor = \"vup\"",
    );
    revised.check(&[]).assert_status(0);
    let machine =
        against_the_decided_plan(&revised, &["--format", "csv", "--csv", "rfc4180"]).stdout;
    let moved = csv_row(&machine, "insats", "2.8", b',');
    // The columns before keep their places.
    assert_eq!(moved[5..9], ["0", "0", "changed", "id"]);
    assert_eq!(
        moved[13..16],
        ["LPO psykisk hälsa", "Vuxenpsykiatrin", "false"]
    );
    let excel = against_the_decided_plan(&revised, &["--format", "csv"]).stdout;
    assert!(
        excel.contains(";Varav-post;Ansvarig aktör 2026 före;Ansvarig aktör 2026 efter;Text ändrad;Fokusområden;Ansvarig verksamhet;Berörda verksamheter;Betalning\r\n"),
        "{excel}"
    );
    assert_eq!(
        csv_row(&excel, "insats", "2.8", b';')[13..16],
        ["LPO psykisk hälsa", "Vuxenpsykiatrin", "nej"]
    );
    let english = against_the_decided_plan(&revised, &["--format", "csv", "--lang", "en"]).stdout;
    assert!(
        english.contains(";Earmark;Responsible actor 2026 before;Responsible actor 2026 after;Text changed;Focus areas;Responsible unit;Affected units;Payment\r\n"),
        "{english}"
    );
    // Between the real plans: an insats added has its new actors, one removed its old.
    let real = diff_real(&["--format", "csv", "--csv", "rfc4180"]).stdout;
    let added = csv_row(&real, "insats", "2.6", b',');
    assert_eq!(
        (added[7].as_str(), added[13].as_str(), added[14].as_str()),
        ("added", "", "Fontänhus")
    );
    // 2025's 2.2 (removed) and 2026's (added) share the id.
    let removed = csv_row(
        &real.replace("\ninsats,2.2,\"Samordnade", "\nadded,2.2,\"Samordnade"),
        "insats",
        "2.2",
        b',',
    );
    assert_eq!(
        (
            removed[7].as_str(),
            removed[13].as_str(),
            removed[14].as_str()
        ),
        ("removed", "Vuxenhabiliteringen", "")
    );
}
