//! Printed tables (`[[tables]]`) checked against themselves and the plan, and cost-sharing
//! tables (`[[cost_sharing]]`) checked row by row against their rules: the Mini Maria
//! agreement's Tabell 1 (seed 003) with every printed figure, and broken and hostile ones.

use crate::support::{Output, PlanDir, allocate, repo_root};

const MINI_MARIA: &str = "examples/mini-maria-costs-2025.toml";

/// The Mini Maria example in a directory of its own, reading the shipped key file.
fn mini_maria() -> PlanDir {
    let text = std::fs::read_to_string(repo_root().join(MINI_MARIA)).unwrap();
    let keys = repo_root().join("allocations/keys/");
    PlanDir {
        dir: tempfile::tempdir().unwrap(),
        text: text.replace("../allocations/keys/", keys.to_str().unwrap()),
    }
}

/// Replaces the first `from` after `[[cost_sharing]]` (the figures of Tabell 1 also stand
/// earlier in the plan, as its county total and Tabell 2).
fn edit_costs(p: PlanDir, from: &str, to: &str) -> PlanDir {
    let at = p.text.find("[[cost_sharing]]").unwrap();
    let (head, tail) = p.text.split_at(at);
    assert!(tail.contains(from), "Tabell 1 has no {from:?}");
    let text = format!("{head}{}", tail.replacen(from, to, 1));
    PlanDir { text, ..p }
}

#[test]
fn mini_maria_tabell_1_reconciles_but_for_the_row_that_departs_from_its_weights() {
    let out = allocate(&repo_root(), &["check", MINI_MARIA]);
    out.assert_status(0)
        .assert_stdout_contains("godkänd (0 fel, 2 varningar)")
        .assert_stdout_contains("41 av 43 angivna summor i dokumentet stämmer med beräkningen");
    assert_eq!(
        out.finding_codes(),
        ["cost-sharing-rule", "key-rounding"],
        "{}",
        out.stdout
    );
    // "45% enhetschef (25/20)": 388 231 kr by 25:20 is 215 683,89 / 172 547,11, in whole
    // kronor 215 684 / 172 547; the agreement prints 190 117 / 198 114.
    out.assert_stdout_contains(
        "varning[cost-sharing-rule]: kostnadsfördelningen `mini-maria`: raden \"45% enhetschef (25/20)\" delas kommunerna 190 117 kr / region 198 114 kr, men dess regel ger kommunerna 215 684 kr / region 172 547 kr",
    );
    let p = mini_maria();
    p.check(&[]).assert_finding(
        "cost-sharing-rule",
        &p.position_of("{ kommunerna = 190_117, region = 198_114 }", 0),
    );
    // The seed's printed figures, each in the example.
    for figure in [
        "total = 5_757_598",
        "printed = { kommunerna = 2_937_728, region = 2_819_870 }",
        "total = 518_184",
        "printed = { kommunerna = 264_396, region = 253_788 }",
        "total = 6_275_782",
        "party_totals = { kommunerna = 3_202_124, region = 3_073_658 }",
        "percentages = { kommunerna = \"51,02\", region = \"48,98\" }",
        "percent_of_above = \"9\"",
        "feeds = { kommunerna = \"county_total\" }",
        "county_total = 3_202_124",
    ] {
        assert!(p.text.contains(figure), "the example lacks {figure:?}");
    }
}

#[test]
fn the_cost_sharing_words_in_english() {
    let out = allocate(&repo_root(), &["check", "--lang", "en", MINI_MARIA]);
    out.assert_status(0).assert_stdout_contains(
        "warning[cost-sharing-rule]: cost sharing `mini-maria`: row \"45% enhetschef (25/20)\" is shared as kommunerna 190,117 kr / region 198,114 kr, but its rule gives kommunerna 215,684 kr / region 172,547 kr",
    );
}

#[test]
fn every_printed_figure_of_tabell_1_is_checked() {
    // One krona more on any printed figure of Tabell 1, and `check` fails.
    let figures = [
        "1_409_309",
        "396_922",
        "1_862_086",
        "388_231",
        "190_117",
        "198_114",
        "991_050",
        "495_525",
        "480_000",
        "240_000",
        "70_000",
        "160_000",
        "80_000",
        "5_757_598",
        "2_937_728",
        "2_819_870",
        "518_184",
        "264_396",
        "253_788",
        "6_275_782",
        "3_202_124",
        "3_073_658",
    ];
    for figure in figures {
        let value: i64 = figure.replace('_', "").parse().unwrap();
        let out = edit_costs(mini_maria(), figure, &(value + 1).to_string()).check(&[]);
        assert_eq!(out.status, 1, "{figure} + 1 kr passes\n{}", out.stdout);
    }
    for (from, to) in [("\"51,02\"", "\"51,03\""), ("\"48,98\"", "\"48,9\"")] {
        let out = edit_costs(mini_maria(), from, to).check(&[]);
        out.assert_status(1);
        assert_eq!(
            out.finding_codes(),
            ["cost-sharing-rule", "key-rounding", "cost-sharing-percent"],
            "{}",
            out.stdout
        );
    }
    edit_costs(mini_maria(), "\"48,98\"", "\"48,9\"")
        .check(&[])
        .assert_stdout_contains(
            "andelen för region trycks som 48,9 %, men dess total av totalkostnaden är 49,0 %",
        );
}

#[test]
fn overhead_is_its_percentage_of_the_rows_above_in_whole_kronor() {
    // 9 % of 5 757 598 is 518 183,82 → 518 184; of the kommuner's 2 937 728, 264 395,52 →
    // 264 396. Print them a krona lower (the row still sums) and both are found.
    let p = edit_costs(mini_maria(), "total = 518_184", "total = 518_183");
    let p = edit_costs(p, "kommunerna = 264_396", "kommunerna = 264_395");
    let out = p.check(&[]);
    out.assert_status(1)
        .assert_stdout_contains(
            "\"OH-kostnader (9%)\" är 518 183 kr, men 9 % av raderna ovanför (5 757 598 kr) är 518 184 kr",
        )
        .assert_stdout_contains(
            "\"OH-kostnader (9%)\" för kommunerna är 264 395 kr, men 9 % av raderna ovanför (2 937 728 kr) är 264 396 kr",
        )
        .assert_finding("cost-sharing-overhead", &p.position_of("518_183", 0))
        .assert_finding("cost-sharing-overhead", &p.position_of("264_395", 0));
}

#[test]
fn the_kommuner_total_feeds_the_per_kommun_split() {
    // Tabell 1's kommuner total is what Tabell 2 splits: the plan's county total.
    let p = edit_costs(
        mini_maria(),
        "kommunerna = 3_202_124",
        "kommunerna = 3_202_125",
    );
    let out = p.check(&[]);
    out.assert_status(1).assert_stdout_contains(
        "totalen för kommunerna, 3 202 125 kr, förs till `county_total`, som är 3 202 124 kr",
    );
    assert_eq!(
        out.finding_codes(),
        [
            "cost-sharing-rule",
            "key-rounding",
            "cost-sharing-total",
            "cost-sharing-total",
            "cost-sharing-feeds",
        ],
        "{}",
        out.stdout
    );
    out.assert_finding(
        "cost-sharing-feeds",
        &p.position_of("\"county_total\" }", 0),
    );

    // An insats id feeds its amount (the insats is the kommuner's 3 202 124 kr); `total` is
    // the grand total, which is not the county total here.
    let p = edit_costs(
        mini_maria(),
        "feeds = { kommunerna = \"county_total\" }",
        "feeds = { kommunerna = \"mini-maria\", total = \"county_total\" }",
    );
    let out = p.check(&[]);
    out.assert_status(1).assert_stdout_contains(
        "fel[cost-sharing-feeds]: kostnadsfördelningen `mini-maria`: totalkostnaden 6 275 782 kr förs till `county_total`, som är 3 202 124 kr",
    );
    assert_eq!(
        out.finding_codes(),
        ["cost-sharing-rule", "key-rounding", "cost-sharing-feeds"],
        "{}",
        out.stdout
    );
}

#[test]
fn a_target_still_to_fill_in_is_not_compared() {
    // `allocate init` leaves the county total at 0; the feed waits for it.
    let p = mini_maria();
    let text = p
        .text
        .replacen("county_total = 3_202_124", "county_total = 0", 1);
    let out = PlanDir { text, ..p }.check(&[]);
    assert!(
        !out.finding_codes()
            .contains(&"cost-sharing-feeds".to_string()),
        "{}",
        out.stdout
    );
    out.assert_stdout_contains("fel[amount-to-fill]");
}

#[test]
fn the_2026_per_kommun_table_as_printed_agrees_with_itself_and_the_plan() {
    let out = allocate(
        &repo_root(),
        &["check", "examples/plan-2026-as-printed.toml"],
    );
    out.assert_status(1);
    assert_eq!(
        out.finding_codes(),
        ["earmark-total", "stated-total"],
        "{}",
        out.stdout
    );
}

/// The 2026 plan with its per-kommun table, and the table's row totals (which the document
/// does not print) added.
fn plan_2026_with_table() -> PlanDir {
    let text = std::fs::read_to_string(repo_root().join("examples/plan-2026-as-printed.toml"))
        .unwrap()
        .replace("stated = 481_000", "stated = 481_600");
    let text = text
        .replace(
            "cells = [21_200, 18_000, 30_400, 47_600, 15_600, 32_800, 38_400, 196_000]",
            "cells = [21_200, 18_000, 30_400, 47_600, 15_600, 32_800, 38_400, 196_000]\ntotal = 400_000",
        )
        .replace(
            "cells = [75_000, 75_000, 75_000, 75_000, 75_000, 75_000, 75_000, 140_000]",
            "cells = [75_000, 75_000, 75_000, 75_000, 75_000, 75_000, 75_000, 140_000]\ntotal = 665_000",
        )
        .replace(
            "cells = [100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000]",
            "cells = [100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000]\ntotal = 800_000",
        );
    PlanDir {
        dir: tempfile::tempdir().unwrap(),
        text,
    }
}

fn codes(out: &Output) -> Vec<String> {
    out.finding_codes()
        .into_iter()
        .filter(|c| c != "earmark-total")
        .collect()
}

#[test]
fn a_row_total_a_krona_off_is_an_error_at_the_printed_figure() {
    let out = plan_2026_with_table().check(&[]);
    out.assert_status(0);
    assert!(codes(&out).is_empty(), "{}", out.stdout);

    let p = plan_2026_with_table().edit("total = 400_000", "total = 400_001");
    let out = p.check(&[]);
    out.assert_status(1)
        .assert_finding("table-row-total", &p.position_of("400_001", 0))
        .assert_stdout_contains(
            "fel[table-row-total]: tabellen `respektive-kommun`: radsumman för \"1.\" är 400 001 kr, men cellerna summerar till 400 000 kr",
        )
        .assert_stdout_contains("= belopp: angivet 400 001 kr, beräknat 400 000 kr, skillnad -1 kr")
        .assert_stdout_contains("= åtgärd: rätta den tryckta summan eller cellerna");
    // The grand total no longer agrees with the row totals (it still does with the columns);
    // the row, which is why, comes first.
    assert_eq!(
        codes(&out),
        ["table-row-total", "table-total"],
        "{}",
        out.stdout
    );
    out.assert_stdout_contains(
        "tabellen `respektive-kommun`: totalsumman är 1 865 000 kr, men radsummorna summerar till 1 865 001 kr",
    );
}

#[test]
fn a_cell_is_held_to_its_column_total_and_to_the_insats_it_prints() {
    let p = plan_2026_with_table().edit("cells = [21_200", "cells = [21_300");
    let out = p.check(&[]);
    out.assert_status(1)
        .assert_finding("table-cell", &p.position_of("21_300", 0))
        .assert_stdout_contains(
            "tabellen `respektive-kommun`, raden \"1.\": cellen för Berg är 21 300 kr, men insats `1.3` ger Berg 21 200 kr",
        )
        .assert_stdout_contains(
            "kolumnsumman för \"Berg\" är 196 200 kr, men kolumnens celler summerar till 196 300 kr",
        );
    // The cell is the cause of its column's and row's totals being off: it comes first, then
    // its row, then the column.
    assert_eq!(
        codes(&out),
        ["table-cell", "table-row-total", "table-column-total"],
        "{}",
        out.stdout
    );
}

/// A column may name its kommun by its official name, as the letters head it (`Bergs
/// kommun`, `Bräcke kommun`), or with a no-break space in it: the cells are compared with the
/// plan as for `Berg` (2026: insats 1.3 gives Berg 21 200 kr, Östersund 196 000 kr).
#[test]
fn a_column_may_name_a_kommun_by_its_official_name() {
    const COLUMNS: &str = "columns = [\"Berg\", \"Bräcke\", \"Härjedalen\", \"Krokom\", \"Ragunda\", \"Strömsund\", \"Åre\", \"Östersund\"]";
    let official = "columns = [\"Bergs kommun\", \"Bräcke kommun\", \"Härjedalens kommun\", \"Krokoms kommun\", \"Ragunda kommun\", \"Strömsunds kommun\", \"Åre kommun\", \"Östersunds\u{a0}kommun\"]";
    let out = plan_2026_with_table().edit(COLUMNS, official).check(&[]);
    out.assert_status(0);
    assert!(codes(&out).is_empty(), "{}", out.stdout);
    // A cell off is still found, under the column as written.
    let p = plan_2026_with_table()
        .edit(COLUMNS, official)
        .edit("cells = [21_200", "cells = [21_300");
    let out = p.check(&[]);
    out.assert_status(1)
        .assert_finding("table-cell", &p.position_of("21_300", 0))
        .assert_stdout_contains(
            "tabellen `respektive-kommun`, raden \"1.\": cellen för Bergs kommun är 21 300 kr, men insats `1.3` ger Bergs kommun 21 200 kr",
        );
}

/// A table with a `table-shape` problem is left alone: a column that names Berg a second
/// time (`2326` where Bräcke stood) is reported, and no cell of it is compared with what the
/// plan gives Berg (insats 1.3: 21 200 kr, where the cell holds Bräcke's 18 000 kr).
#[test]
fn a_table_with_a_shape_problem_has_no_cell_compared() {
    let p = plan_2026_with_table().edit("\"Bräcke\", \"Härjedalen\"", "\"2326\", \"Härjedalen\"");
    let out = p.check(&[]);
    out.assert_status(1).assert_stdout_contains(
        "fel[table-shape]: tabellen `respektive-kommun`: kolumnen \"2326\" står två gånger",
    );
    assert_eq!(codes(&out), ["table-shape"], "{}", out.stdout);
    // A column that is no kommun or actor is `table-shape` too: the row and column totals
    // that its cell a krona off breaks (400 000 kr, 193 000 kr) are not compared either.
    let p = plan_2026_with_table()
        .edit("\"Bräcke\", \"Härjedalen\"", "\"Nowhere\", \"Härjedalen\"")
        .edit("cells = [21_200, 18_000", "cells = [21_200, 18_001");
    let out = p.check(&[]);
    out.assert_status(1).assert_stdout_contains(
        "fel[table-shape]: tabellen `respektive-kommun`: kolumnen \"Nowhere\" är varken en kommun eller en aktör",
    );
    assert_eq!(codes(&out), ["table-shape"], "{}", out.stdout);
}

#[test]
fn hostile_cost_sharing_sections_are_findings_not_panics() {
    let hostile = r#"
[[cost_sharing]]
id = "fientlig"
parties = ["kommunerna", "region"]
percentages = { kommuner = "50" }
feeds = { total = "ingen-insats" }

[[cost_sharing.rows]]
text = "Andelar som summerar till 0"
total = 100
shares = [0, 0]

[[cost_sharing.rows]]
text = "Negativ overhead"
total = 10
percent_of_above = "-9"

[[cost_sharing.rows]]
text = "Okänd part"
total = 100
to = "landstinget"
printed = { landstinget = 100 }

[[cost_sharing.rows]]
text = "Enorm overhead"
total = 1
percent_of_above = "79228162514264337593543950335"

[[cost_sharing]]
id = "tom"
parties = []
"#;
    let p = PlanDir::from_real("plan-2026.toml");
    let text = format!("{}{hostile}", p.text);
    let p = PlanDir { text, ..p };
    let out = p.check(&[]);
    out.assert_status(1).assert_stderr_empty();
    assert_eq!(
        codes(&out),
        vec!["cost-sharing-invalid"; 8],
        "{}",
        out.stdout
    );
    for message in [
        "kostnadsfördelningen `fientlig`: `kommuner` är inte en av parterna",
        "kostnadsfördelningen `fientlig`: `feeds` anger `ingen-insats`, som varken är `county_total` eller en insats",
        "andelarna på raden \"Andelar som summerar till 0\" summerar till 0, inte 100",
        "raden \"Negativ overhead\" anger det negativa talet -9",
        "`landstinget` är inte en av parterna",
        "kostnadsfördelningen `tom`: inga parter",
        "kostnadsfördelningen `tom`: inga rader",
    ] {
        out.assert_stdout_contains(message);
    }
    out.assert_stdout_contains("= åtgärd: menade du `kommunerna`?");
    out.assert_finding("cost-sharing-invalid", &p.position_of("[0, 0]", 0));
    out.assert_finding("cost-sharing-invalid", &p.position_of("\"-9\"", 0));

    // Too large to work out: a finding, not a crash. (The broken rows above stop the
    // arithmetic, so it stands alone.)
    let huge = r#"
[[cost_sharing]]
id = "enorm"
parties = ["kommunerna", "region"]

[[cost_sharing.rows]]
text = "Lön"
total = 1_000_000_000
shares = [50, 50]

[[cost_sharing.rows]]
text = "Enorm overhead"
total = 1
percent_of_above = "79228162514264337593543950335"
"#;
    let p = PlanDir::from_real("plan-2026.toml");
    let text = format!("{}{huge}", p.text);
    let out = PlanDir { text, ..p }.check(&[]);
    out.assert_status(1)
        .assert_stderr_empty()
        .assert_stdout_contains("talen för \"Enorm overhead\" är för stora för att räknas exakt");
}

#[test]
fn cost_sharing_keys_are_read_like_the_rest_of_the_plan() {
    // A mistyped key, a share as a float and a list where a name belongs stop at reading,
    // with the place and the fix.
    let p = PlanDir::from_real("plan-2026.toml");
    let base = p.text.clone();
    let section = "\n[[cost_sharing]]\nid = \"x\"\nparties = [\"kommunerna\", \"region\"]\n\n[[cost_sharing.rows]]\ntext = \"Lokaler\"\ntotal = 100\n";
    for (rule, code, words) in [
        (
            "percent_of_abov = \"9\"",
            "unknown-key",
            "menade du `percent_of_above`?",
        ),
        (
            "shares = [50.5, 49.5]",
            "wrong-type",
            "procentsatsen är skriven som decimaltal",
        ),
        ("to = [\"region\"]", "wrong-type", "förväntade"),
    ] {
        let p = PlanDir {
            dir: tempfile::tempdir().unwrap(),
            text: format!("{base}{section}{rule}\n"),
        };
        let out = p.check(&[]);
        out.assert_status(2).assert_stdout_contains(words);
        assert_eq!(out.finding_codes(), [code], "{}", out.stdout);
    }
}

#[test]
fn report_shows_the_cost_sharing_table_after_the_views() {
    let out = allocate(&repo_root(), &["report", MINI_MARIA]);
    out.assert_status(0)
        .assert_stdout_contains("Kostnadsfördelning `mini-maria`, Jämtlands län 2025")
        .assert_row(&["Utgifter", "Totalt", "kommunerna", "region"])
        .assert_row(&[
            "45% enhetschef (25/20)",
            "388 231 kr",
            "190 117 kr",
            "198 114 kr",
        ])
        .assert_row(&["Totalt", "5 757 598 kr", "2 937 728 kr", "2 819 870 kr"])
        .assert_row(&[
            "OH-kostnader (9%)",
            "518 184 kr",
            "264 396 kr",
            "253 788 kr",
        ])
        .assert_row(&[
            "Total kostnad",
            "6 275 782 kr",
            "3 202 124 kr",
            "3 073 658 kr",
        ])
        .assert_row(&["Andel", "", "51,02 %", "48,98 %"]);
    let out = allocate(&repo_root(), &["report", "--lang", "en", MINI_MARIA]);
    out.assert_status(0)
        .assert_stdout_contains("Cost sharing `mini-maria`, Jämtlands län 2025")
        .assert_row(&["Total cost", "6,275,782 kr", "3,202,124 kr", "3,073,658 kr"])
        .assert_row(&["Share", "", "51.02 %", "48.98 %"]);
    // A view asked for is shown alone.
    let out = allocate(
        &repo_root(),
        &["report", "--view", "per-kommun", MINI_MARIA],
    );
    out.assert_status(0);
    assert!(!out.stdout.contains("Kostnadsfördelning"), "{}", out.stdout);
}

/// An overhead too large to work out exactly is said once for its row, not once for each
/// party and the total.
#[test]
fn an_overhead_too_large_to_work_out_is_said_once() {
    let p = edit_costs(
        mini_maria(),
        "percent_of_above = \"9\"",
        "percent_of_above = \"99999999999999999999999\"",
    );
    let out = p.check(&[]);
    out.assert_status(1);
    assert_eq!(
        out.stdout
            .matches("talen för \"OH-kostnader (9%)\" är för stora för att räknas exakt")
            .count(),
        1,
        "{}",
        out.stdout
    );
}

/// A column of an actor is what the plan gives the actor with the actors under it, as a
/// `[[stated]]` figure and the per-actor view count it: the region's column holds what its
/// unit Folkhälsoenheten gets (1.2, 1 350 000 kr, seed 001), as the kommuner's group's column
/// holds what all the kommuner get.
#[test]
fn an_actor_column_counts_the_actors_under_it() {
    let table = "\n[[tables]]\nid = \"aktorer\"\ntitle = \"Per aktör\"\ncolumns = [\"rjh\", \"fhe\", \"kfjh\"]\n\n[[tables.rows]]\nlabel = \"1.2\"\ninsats = \"1.2\"\ncells = [1_350_000, 1_350_000, 0]\n";
    let p = PlanDir::from_real("plan-2026.toml");
    let p = PlanDir {
        text: format!("{}{table}", p.text),
        ..p
    };
    let out = p.check(&[]);
    out.assert_status(0);
    assert!(codes(&out).is_empty(), "{}", out.stdout);
    // The unit's own column is the unit's: its 1 350 000 kr is not also the region's own.
    let p = p.edit(
        "cells = [1_350_000, 1_350_000, 0]",
        "cells = [1_350_000, 0, 0]",
    );
    let out = p.check(&[]);
    out.assert_status(1)
        .assert_finding("table-cell", &p.position_of("0, 0]", 0))
        .assert_stdout_contains(
            "fel[table-cell]: tabellen `aktorer`, raden \"1.2\": cellen för fhe är 0 kr, men insats `1.2` ger fhe 1 350 000 kr",
        );
}
