//! `allocate split`: ad-hoc splits with their audit, against the figures of the documents.
//!
//! Mini Maria 2025 (seed 003): 3 202 124 kr by the 1 November 2024 population as two-decimal
//! percentages (3,88 % … 48,96 %) gives Ragunda 124 242, Bräcke 145 697, Krokom 378 811,
//! Strömsund 265 456, Åre 304 522, Berg 171 314, Härjedalen 244 322, Östersund 1 567 760; by the
//! raw counts Ragunda would get 124 265. 2026 (seed 001): 400 000 kr by the one-decimal key in
//! units of 100 kr gives Berg 21 200, Bräcke 18 000, Härjedalen 30 400, Krokom 47 600,
//! Ragunda 15 600, Strömsund 32 800, Åre 38 400, Östersund 196 000.

use crate::support::{Output, allocate, allocate_env, repo_root};

const SHIPPED_KEY: &str = "allocations/keys/folkmangd-2024-11-01.csv";

/// Kommunkod order, as the documents list them.
const KOMMUNER: [&str; 8] = [
    "Ragunda",
    "Bräcke",
    "Krokom",
    "Strömsund",
    "Åre",
    "Berg",
    "Härjedalen",
    "Östersund",
];

const MINI_MARIA_PERCENT: [&str; 8] = [
    "3.88", "4.55", "11.83", "8.29", "9.51", "5.35", "7.63", "48.96",
];
const MINI_MARIA: [&str; 8] = [
    "124242", "145697", "378811", "265456", "304522", "171314", "244322", "1567760",
];

fn split(args: &[&str]) -> Output {
    let mut all = vec!["split"];
    all.extend_from_slice(args);
    allocate(&repo_root(), &all)
}

/// (kommun, result) per row of one step of the CSV output.
fn csv_results(out: &Output, step: &str) -> Vec<(String, String)> {
    let mut lines = out.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("step,code,kommun,weight,quota,floor,remainder,rank,extra_unit,result,difference")
    );
    lines
        .map(|l| l.split(',').map(str::to_string).collect::<Vec<_>>())
        .filter(|f| f[0] == step)
        .map(|f| (f[2].clone(), f[9].clone()))
        .collect()
}

fn expected(values: &[&str]) -> Vec<(String, String)> {
    KOMMUNER
        .iter()
        .zip(values)
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn mini_maria_from_the_scb_file_with_two_decimal_percentages() {
    let out = split(&[
        "3202124",
        "--key",
        SHIPPED_KEY,
        "--precision",
        "2",
        "--format",
        "csv",
        "--csv",
        "rfc4180",
    ]);
    out.assert_status(0);
    assert_eq!(
        csv_results(&out, "percentages"),
        expected(&MINI_MARIA_PERCENT)
    );
    assert_eq!(csv_results(&out, "split"), expected(&MINI_MARIA));
    let by_counts = csv_results(&out, "by-counts");
    assert_eq!(by_counts[0], ("Ragunda".to_string(), "124265".to_string()));
    let total: u64 = by_counts
        .iter()
        .map(|(_, a)| a.parse::<u64>().unwrap())
        .sum();
    assert_eq!(total, 3_202_124);
}

#[test]
fn mini_maria_from_the_plan_key_derived_with_from() {
    let out = split(&[
        "3 202 124",
        "--plan",
        "allocations/plan-2025.toml",
        "--key",
        "befolkning-procent-2024",
        "--format",
        "csv",
        "--csv",
        "rfc4180",
    ]);
    out.assert_status(0);
    assert_eq!(
        csv_results(&out, "percentages"),
        expected(&MINI_MARIA_PERCENT)
    );
    assert_eq!(csv_results(&out, "split"), expected(&MINI_MARIA));
    assert_eq!(csv_results(&out, "by-counts")[0].1, "124265");
}

#[test]
fn audit_table_shows_both_splits_and_why_each_krona_went_where() {
    let out = split(&["3202124", "--key", SHIPPED_KEY, "--precision", "2"]);
    out.assert_status(0)
        .assert_stdout_contains("Fördelning av 3 202 124 kr, avrundat till hela kronor")
        .assert_stdout_contains("1. Befolkningen som procent med 2 decimaler")
        .assert_stdout_contains("2. 3 202 124 kr efter procentsatserna")
        .assert_stdout_contains("Jämförelse: 3 202 124 kr efter befolkningstalen direkt")
        .assert_stdout_contains("Så räknas det:");
    // Ragunda's row in each table: population, percentage, the agreement's amount; and by the
    // counts, 124 265 kr, 23 kr more.
    let rows: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.contains("2303 Ragunda"))
        .collect();
    assert_eq!(rows.len(), 3, "{}", out.stdout);
    assert!(
        rows[0].contains("5 150") && rows[0].contains("3,88 %"),
        "{}",
        rows[0]
    );
    assert!(
        rows[1].contains("3,88 %") && rows[1].contains("124 242 kr"),
        "{}",
        rows[1]
    );
    assert!(
        rows[2].contains("124 265 kr") && rows[2].contains("+23 kr"),
        "{}",
        rows[2]
    );
    // The percentages sum to exactly 100,00 % and the amounts to the amount.
    out.assert_stdout_contains("132 708")
        .assert_stdout_contains("100,00 %")
        .assert_stdout_contains("1 567 760 kr")
        .assert_stdout_contains("┆3 202 124 kr\n");
}

#[test]
fn audit_table_in_english() {
    // Mini Maria's 3 202 124 kr (Ragunda 124 242, Östersund 1 567 760), also written as the
    // English table writes it, which is read back the same.
    for amount in ["3202124", "3,202,124"] {
        split(&[
            amount,
            "--key",
            SHIPPED_KEY,
            "--precision",
            "2",
            "--lang",
            "en",
        ])
        .assert_status(0)
        .assert_stdout_contains("Split of 3,202,124 kr, rounded to whole kronor")
        .assert_stdout_contains("124,242 kr")
        .assert_stdout_contains("1,567,760 kr")
        .assert_stdout_contains("48.96 %")
        .assert_stdout_contains("How it works:");
    }
}

#[test]
fn participation_2026_by_the_one_decimal_key_in_hundreds() {
    let out = split(&[
        "400000",
        "--plan",
        "allocations/plan-2026.toml",
        "--key",
        "befolkning-procent-2026",
        "--unit",
        "100",
        "--format",
        "csv",
        "--csv",
        "rfc4180",
    ]);
    out.assert_status(0);
    assert_eq!(
        csv_results(&out, "split"),
        expected(&[
            "15600", "18000", "47600", "32800", "38400", "21200", "30400", "196000"
        ])
    );
    // A percentage key cannot be turned into percentages again.
    split(&[
        "400000",
        "--plan",
        "allocations/plan-2026.toml",
        "--key",
        "befolkning-procent-2026",
        "--precision",
        "2",
    ])
    .assert_status(2)
    .assert_stdout_empty()
    .assert_stderr_contains("är redan procentsatser");
}

#[test]
fn json_output_keeps_figures_exact() {
    let out = split(&[
        "3202124",
        "--key",
        SHIPPED_KEY,
        "--precision",
        "2",
        "--format",
        "json",
    ]);
    out.assert_status(0);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["amount"], "3202124");
    let steps = json["steps"].as_array().unwrap();
    assert_eq!(steps[0]["step"], "percentages");
    let ragunda = &steps[0]["parts"][0];
    assert_eq!(
        (&ragunda["code"], &ragunda["kommun"], &ragunda["weight"]),
        (&"2303".into(), &"Ragunda".into(), &"5150".into())
    );
    // Seed 003: by the two-decimal percentages Ragunda 124 242 … Östersund 1 567 760; by the
    // raw counts Ragunda would get 124 265, 23 kr more.
    let results = |step: &serde_json::Value| -> Vec<String> {
        step["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["result"].as_str().unwrap().to_string())
            .collect()
    };
    let by_percent = steps
        .iter()
        .find(|s| results(s).contains(&"124242".to_string()))
        .unwrap();
    assert_eq!(results(by_percent).last().unwrap(), "1567760");
    let by_counts = steps
        .iter()
        .find(|s| results(s).first().map(String::as_str) == Some("124265"))
        .unwrap();
    assert_eq!(by_counts["parts"][0]["difference"], "23");
}

#[test]
fn unknown_key_and_bad_arguments_are_refused() {
    split(&[
        "100",
        "--plan",
        "allocations/plan-2025.toml",
        "--key",
        "befolkning-2042",
    ])
    .assert_status(2)
    .assert_stdout_empty()
    .assert_stderr_contains(
        "okänd fördelningsnyckel `befolkning-2042`. Menade du `befolkning-2024`?",
    );
    split(&["150", "--key", SHIPPED_KEY, "--unit", "100"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("150 kr är inte jämnt delbart med enheten 100 kr");
    // Decimals are read, and then are finer than the unit of whole kronor.
    split(&["12,5", "--key", SHIPPED_KEY])
        .assert_status(2)
        .assert_stderr_contains("12,5 kr är inte jämnt delbart med enheten 1 kr; ange en enhet som går jämnt upp i beloppet med --unit, till exempel --unit 0,1\n");
    // The unit suggested is the largest usual one (1 000, 100, 10, 1, 0,1, 0,01) that divides
    // the amount, written as --unit reads it.
    for (amount, unit, usual) in [
        ("100000", "3", "1"),
        ("5000", "3000", "1000"),
        ("150", "100", "10"),
        // Never the amount itself, one unit that goes to one kommun (tester s34 #3).
        ("100", "3", "1"),
        ("100", "1000", "10"),
        ("1 000 001", "1000", "1"),
        ("12,55", "0,1", "0,01"),
    ] {
        split(&[amount, "--key", SHIPPED_KEY, "--unit", unit])
            .assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains(&format!(
                "ange en enhet som går jämnt upp i beloppet med --unit, till exempel --unit {usual}\n"
            ));
    }
    split(&["12,55", "--key", SHIPPED_KEY, "--unit", "0,1", "--lang", "en"])
        .assert_status(2)
        .assert_stderr_contains(
            "12.55 kr is not a whole number of the unit 0.1 kr; give a unit that divides the amount with --unit, for example --unit 0.01\n",
        );
    // One unit left over is told in the singular.
    split(&["1", "--key", SHIPPED_KEY])
        .assert_status(0)
        .assert_stdout_contains("Den 1 enhet som då blir över går till kommunen med")
        .assert_stdout_contains("störst rest (kolumnen Ordning, 1);");
    split(&["1", "--key", SHIPPED_KEY, "--lang", "en"])
        .assert_stdout_contains("The 1 unit then left over goes to the kommun with the");
    split(&["7", "--key", SHIPPED_KEY]).assert_stdout_contains("De 4 enheter som då blir över");
    // Finer than öre: no unit divides it, and the message says so rather than suggest a unit
    // that is refused in its turn.
    for unit in ["1", "0,1", "0,01"] {
        split(&["0,001", "--key", SHIPPED_KEY, "--unit", unit])
            .assert_status(2)
            .assert_stderr_contains("och ingen enhet går jämnt upp i beloppet: det har fler decimaler än öre (0,01 kr), den minsta enhet en fördelning har; avrunda beloppet till hela öre\n");
    }
    // A negative amount or unit is told as such, not taken for an unknown option.
    split(&["-100", "--key", SHIPPED_KEY])
        .assert_status(2)
        .assert_stderr_contains("\"-100\" är negativt; ett belopp att fördela är 0 eller mer");
    split(&["100", "--unit", "-1", "--key", SHIPPED_KEY])
        .assert_status(2)
        .assert_stderr_contains("\"-1\" är ingen avrundningsenhet");
    // A negative precision is out of range, as one too high, not an unknown option.
    for precision in ["-1", "11"] {
        let out = split(&["100", "--key", SHIPPED_KEY, "--precision", precision]);
        out.assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains(&format!(
                "fel: ogiltigt värde '{precision}' för '--precision <N>': {precision} ligger inte mellan 0 och 10"
            ));
        assert!(!out.stderr.contains("okänd flagga"), "{}", out.stderr);
    }
    // A point before three digits is a thousands separator to many readers: never 1 kr.
    split(&["1.000", "--key", SHIPPED_KEY])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("\"1.000\" kan läsas på två sätt");
    let out = split(&["12x", "--key", SHIPPED_KEY]);
    out.assert_status(2);
    assert!(
        out.stderr.contains("är inget belopp i kronor"),
        "{}",
        out.stderr
    );
    split(&[
        "100",
        "--plan",
        "allocations/plan-2025.toml",
        "--key",
        "x",
        "--column",
        "2024",
    ])
    .assert_status(2);
}

/// An amount beyond the largest a plan writes (`i64`, 19 digits) is refused as too large,
/// with that largest amount; the largest itself is split exactly.
#[test]
fn an_amount_too_large_is_refused_with_the_largest_that_can_be_split() {
    let largest = "9223372036854775807";
    split(&[
        largest,
        "--key",
        SHIPPED_KEY,
        "--unit",
        "0,01",
        "--format",
        "csv",
        "--csv",
        "rfc4180",
    ])
    .assert_status(0)
    .assert_stderr_empty();
    // 20 and 25 digits (the quotas would pass `Decimal`'s 28 digits), and 29 (beyond
    // `Decimal` itself): all too large, none "no amount".
    for (amount, lang, words) in [
        (
            "9223372036854775808",
            "sv",
            "\"9223372036854775808\" är för stort; det största belopp som kan fördelas är 9 223 372 036 854 775 807 kr\n",
        ),
        (
            "9999999999999999999999999",
            "sv",
            "\"9999999999999999999999999\" är för stort; det största belopp som kan fördelas är 9 223 372 036 854 775 807 kr\n",
        ),
        (
            "99999999999999999999999999999",
            "sv",
            "\"99999999999999999999999999999\" är för stort; det största belopp som kan fördelas är 9 223 372 036 854 775 807 kr\n",
        ),
        (
            "9999999999999999999999999",
            "en",
            "\"9999999999999999999999999\" is too large; the largest amount that can be split is 9,223,372,036,854,775,807 kr\n",
        ),
    ] {
        split(&[amount, "--key", SHIPPED_KEY, "--lang", lang])
            .assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains(words);
    }
}

#[test]
fn csv_opens_in_swedish_excel_by_default_with_decimal_commas() {
    let out = split(&[
        "3202124",
        "--key",
        SHIPPED_KEY,
        "--precision",
        "2",
        "--format",
        "csv",
    ]);
    out.assert_status(0);
    let mut lines = out.stdout.split("\r\n");
    assert_eq!(
        lines.next(),
        Some(
            "\u{feff}Steg;Kommunkod;Kommun;Vikt;Exakt kvot;Nedrundat;Rest;Ordning;Extra enhet;Resultat;Skillnad"
        )
    );
    let rows: Vec<Vec<&str>> = lines
        .filter(|l| !l.is_empty())
        .map(|l| l.split(';').collect())
        .collect();
    // Ragunda's percentage 3,88 with a decimal comma, and its 124 242 kr.
    let percent = rows
        .iter()
        .find(|r| r[0] == "procentsatser" && r[2] == "Ragunda")
        .unwrap();
    assert_eq!(percent[9], "3,88");
    assert!(percent[4].starts_with("3,8807"), "{percent:?}");
    let split_rows: Vec<&Vec<&str>> = rows.iter().filter(|r| r[0] == "fördelning").collect();
    assert_eq!(split_rows[0][2], "Ragunda");
    assert_eq!(split_rows[0][9], "124242");
    assert!(split_rows.iter().all(|r| r[8] == "ja" || r[8] == "nej"));
    let total: i64 = split_rows
        .iter()
        .map(|r| r[9].parse::<i64>().unwrap())
        .sum();
    assert_eq!(total, 3_202_124);
    // In English the headers are translated; the machine dialect's are not.
    let en = split(&[
        "100",
        "--key",
        SHIPPED_KEY,
        "--format",
        "csv",
        "--lang",
        "en",
    ]);
    assert!(
        en.stdout
            .starts_with("\u{feff}Step;Kommunkod;Kommun;Weight;")
    );
    let machine_sv = split(&[
        "100",
        "--key",
        SHIPPED_KEY,
        "--format",
        "csv",
        "--csv",
        "rfc4180",
    ]);
    let machine_en = split(&[
        "100",
        "--key",
        SHIPPED_KEY,
        "--format",
        "csv",
        "--csv",
        "rfc4180",
        "--lang",
        "en",
    ]);
    assert_eq!(machine_sv.stdout, machine_en.stdout);
    assert!(machine_sv.stdout.starts_with("step,code,kommun,weight,"));
}

#[test]
fn a_key_file_of_many_bad_rows_gives_a_page_not_megabytes() {
    // 300 rows over 90 kommunkoder: 210 rows repeat a kommun already there.
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("\"region\",\"2024\"\n");
    for i in 0..300 {
        text.push_str(&format!("\"{:04} Kommun{i}\",{}\n", 2301 + i % 90, 100 + i));
    }
    std::fs::write(dir.path().join("key.csv"), text).unwrap();
    let out = allocate(dir.path(), &["split", "1000000", "--key", "key.csv"]);
    out.assert_status(2).assert_stdout_empty();
    assert_eq!(out.stderr.matches("fel[key-coverage]").count(), 100);
    out.assert_stderr_contains("… och 110 fler fel av samma slag [key-coverage]");
}

#[test]
fn texts_of_a_key_file_are_shown_not_run_by_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let key = std::fs::read_to_string(repo_root().join(SHIPPED_KEY))
        .unwrap()
        .replacen(
            "Folkmängden den 1 november",
            "Folk\u{1b}[31mRED\u{202e} mängden",
            1,
        )
        .replacen("2303 Ragunda", "2303 Rag\u{1b}]0;pwned\u{7}\u{1b}[2J", 1)
        .replacen("2305 Bräcke", "2305 B\u{202e}räcke", 1);
    std::fs::write(dir.path().join("k2.csv"), key).unwrap();
    let out = allocate(dir.path(), &["split", "1000", "--key", "k2.csv"]);
    out.assert_status(0)
        .assert_stdout_contains("Folk<U+001B>[31mRED<U+202E> mängden")
        // Cut at 40 characters as shown, never inside a name.
        .assert_stdout_contains("2303 Rag<U+001B>]0;pwned<U+0007>…┆")
        .assert_stdout_contains("B<U+202E>räcke");
    for output in [&out.stdout, &out.stderr] {
        assert!(
            !output.contains(['\u{1b}', '\u{7}', '\u{202e}']),
            "{output}"
        );
    }
}

/// A key the plan derives with its own precision is split with that precision: `--precision`
/// may repeat it, not change it (the agreement's split would silently become another).
#[test]
fn precision_cannot_change_a_key_the_plan_derives() {
    let plan = "examples/mini-maria-2025.toml";
    let base = [
        "split",
        "3202124",
        "--plan",
        plan,
        "--key",
        "befolkning-procent-2024",
    ];
    let same = allocate(&repo_root(), &[&base[..], &["--precision", "2"]].concat());
    same.assert_status(0).assert_stdout_contains("124 242");
    let other = allocate(&repo_root(), &[&base[..], &["--precision", "3"]].concat());
    other.assert_status(2).assert_stdout_empty().assert_stderr_contains(
        "fel: nyckeln `befolkning-procent-2024` räknas fram ur `befolkning-2024` med 2 decimaler enligt planen; --precision kan inte ändra det. Pröva en annan precision med --key befolkning-2024 --precision N",
    );
    // The counts themselves, with another precision, as the message says.
    allocate(
        &repo_root(),
        &[
            "split",
            "3202124",
            "--plan",
            plan,
            "--key",
            "befolkning-2024",
            "--precision",
            "3",
        ],
    )
    .assert_status(0)
    .assert_stdout_contains("124 274");
}

/// A key value written in base 16 (`Berg = 0x1b58`, 7 000 to TOML) stops a split by that key
/// as `check` would; the same number elsewhere in the plan does not concern the split.
/// The corpus's base plan with a population key `folk` whose first kommun is written
/// `first` and whose value for Berg is `berg`.
fn plan_with_key(first: &str, berg: &str) -> String {
    let base = std::fs::read_to_string(repo_root().join("tests/corpus/base.toml")).unwrap();
    format!(
        "{base}\n[[keys]]\nid = \"folk\"\nkind = \"population\"\nvalues = {{ {first} = 5_000, \"Bräcke\" = 6_000, Krokom = 15_000, \"Strömsund\" = 11_000, \"Åre\" = 12_000, Berg = {berg}, \"Härjedalen\" = 10_000, \"Östersund\" = 64_000 }}\n"
    )
}

/// `split --plan plan.toml --key folk 100000` of `plan`, in `dir`.
fn split_by_folk(dir: &std::path::Path, plan: &str) -> Output {
    std::fs::write(dir.join("plan.toml"), plan).unwrap();
    allocate(
        dir,
        &["split", "--plan", "plan.toml", "--key", "folk", "100000"],
    )
}

#[test]
fn a_key_value_in_another_base_stops_the_split_by_that_key() {
    let dir = tempfile::tempdir().unwrap();
    let split = |plan: &str| split_by_folk(dir.path(), plan);
    split(&plan_with_key("Ragunda", "7_000")).assert_status(0);
    let out = split(&plan_with_key("Ragunda", "0x1b58"));
    out.assert_status(1)
        .assert_stdout_empty()
        .assert_stderr_contains("fel[not-decimal]: 0x1b58 är skrivet i talbas 16")
        .assert_stderr_contains("åtgärd: skriv 7_000");
    // Elsewhere in the plan, the number is `check`'s business, not the split's.
    let plan = plan_with_key("Ragunda", "7_000");
    let elsewhere = plan.replacen("county_total = 3_000_000", "county_total = 0x2dc6c0", 1);
    assert_ne!(elsewhere, plan);
    split(&elsewhere).assert_status(0);
}

/// A key value naming a kommun the plan lacks, or naming one in decomposed Unicode, is told
/// with the split: the key's own findings, not only that it cannot be used.
#[test]
fn a_keys_own_findings_are_told_whatever_they_name() {
    let dir = tempfile::tempdir().unwrap();
    let split = |plan: &str| split_by_folk(dir.path(), plan);
    split(&plan_with_key("\"Okänd\"", "7_000"))
        .assert_status(1)
        .assert_stdout_empty()
        .assert_stderr_contains("fel[unknown-reference]: okänd kommun `Okänd`")
        .assert_stderr_contains("nyckeln `folk` kan inte användas");
    // A warning does not stop the split, but is told.
    split(&plan_with_key("Ragunda", "7_000").replace("\"Åre\"", "\"A\\u030are\""))
        .assert_status(0)
        .assert_stderr_contains("varning[decomposed-name]: namnet `Åre`");
}

/// A key file without kommunkoder is split by name, and a tie falls by name: alike whether
/// the file writes `Åre` composed or decomposed (`A` and a combining ring), and the name is
/// shown composed.
#[test]
fn a_tie_by_name_falls_alike_in_composed_and_decomposed_files() {
    let dir = tempfile::tempdir().unwrap();
    let composed = "\"Folkmängd\"\n\n\"region\";\"Folkmängd 2024\"\n\"Berg\";1\n\"Åre\";1\n";
    std::fs::write(dir.path().join("nfc.csv"), composed).unwrap();
    std::fs::write(
        dir.path().join("nfd.csv"),
        composed.replace("Åre", "A\u{30a}re"),
    )
    .unwrap();
    let results = |file: &str| {
        let out = allocate(
            dir.path(),
            &[
                "split", "1", "--key", file, "--format", "csv", "--csv", "rfc4180",
            ],
        );
        out.assert_status(0);
        csv_results(&out, "split")
    };
    let expected = vec![
        ("Berg".to_string(), "1".to_string()),
        ("Åre".to_string(), "0".to_string()),
    ];
    assert_eq!(results("nfc.csv"), expected);
    assert_eq!(results("nfd.csv"), expected);
}

/// Ties by name go in Swedish alphabetical order: å, ä and ö after z, case ignored. Three
/// kronor over five equal weights go to `abc`, `Zby` and `Åby`, and the audit says so. (A
/// plain `aby` would be `Åby` written without its letter: a kommun given twice.)
#[test]
fn ties_by_name_go_in_swedish_alphabetical_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = "\"Folkmängd\"\n\n\"region\";\"Folkmängd 2024\"\n\"Öby\";1\n\"Åby\";1\n\"Äby\";1\n\"Zby\";1\n\"abc\";1\n";
    std::fs::write(dir.path().join("namn.csv"), file).unwrap();
    let out = allocate(
        dir.path(),
        &[
            "split", "3", "--key", "namn.csv", "--format", "csv", "--csv", "rfc4180",
        ],
    );
    out.assert_status(0);
    let results = csv_results(&out, "split");
    let got: Vec<(&str, &str)> = results
        .iter()
        .map(|(k, r)| (k.as_str(), r.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Öby", "0"),
            ("Åby", "1"),
            ("Äby", "0"),
            ("Zby", "1"),
            ("abc", "1")
        ]
    );
    allocate(dir.path(), &["split", "3", "--key", "namn.csv"])
        .assert_status(0)
        .assert_stdout_contains("sedan den vars namn kommer först i")
        .assert_stdout_contains("bokstavsordning");
}

/// A rounding unit larger than any amount is refused as too large, as the amount is, not as
/// no unit at all.
#[test]
fn a_unit_too_large_is_refused_with_the_largest_that_can_be_split() {
    for (unit, lang, words) in [
        (
            "10000000000000000000",
            "sv",
            "\"10000000000000000000\" är för stort; det största belopp som kan fördelas är 9 223 372 036 854 775 807 kr\n",
        ),
        (
            "9223372036854775808",
            "sv",
            "\"9223372036854775808\" är för stort; det största belopp som kan fördelas är 9 223 372 036 854 775 807 kr\n",
        ),
        (
            "99999999999999999999999999999",
            "en",
            "\"99999999999999999999999999999\" is too large; the largest amount that can be split is 9,223,372,036,854,775,807 kr\n",
        ),
    ] {
        let out = split(&["100", "--key", SHIPPED_KEY, "--unit", unit, "--lang", lang]);
        out.assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains(words);
        assert!(!out.stderr.contains("avrundningsenhet"), "{}", out.stderr);
    }
    // A negative one is still no unit.
    split(&[
        "100",
        "--key",
        SHIPPED_KEY,
        "--unit",
        "-10000000000000000000",
    ])
    .assert_status(2)
    .assert_stderr_contains("är ingen avrundningsenhet");
}

/// A plan given as the key file is told as a plan, at its `[plan]`, with the command that
/// splits by one of its keys; not read as a population file whose header is a comment.
#[test]
fn a_plan_given_as_the_key_file_is_told_as_a_plan() {
    let out = split(&["100", "--key", "allocations/plan-2026.toml"]);
    out.assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("fel[key-file]: filen är en plan, inte en befolkningsfil från SCB\n")
        .assert_stderr_contains("[plan]")
        .assert_stderr_contains(
            "åtgärd: för att fördela med en av planens nycklar, ge planen med --plan och nyckeln med --key: allocate split 100 --plan allocations/plan-2026.toml --key befolkning-procent-2026\n",
        );
    assert!(!out.stderr.contains("rubrikraden"), "{}", out.stderr);
    // Several keys: each named; in English.
    split(&["12,5", "--key", "allocations/plan-2025.toml", "--lang", "en"])
        .assert_status(2)
        .assert_stderr_contains("error[key-file]: the file is a plan, not a population file from SCB\n")
        .assert_stderr_contains(
            "allocate split 12.5 --plan allocations/plan-2025.toml --key ID; the plan's keys: befolkning-2024, befolkning-procent-2024\n",
        );
    // A plan with a mistake in its TOML is still a plan, by its `[plan]`.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.toml"),
        "# utkast\n\n[plan]\nyear = = 2026\n",
    )
    .unwrap();
    allocate(dir.path(), &["split", "100", "--key", "p.toml"])
        .assert_status(2)
        .assert_stderr_contains("filen är en plan, inte en befolkningsfil från SCB")
        .assert_stderr_contains("--> p.toml:3:1")
        .assert_stderr_contains("--plan p.toml --key ID\n");
    // Other TOML is TOML, not a header without a year.
    std::fs::write(dir.path().join("c.toml"), "[package]\nname = \"x\"\n").unwrap();
    allocate(dir.path(), &["split", "100", "--key", "c.toml"])
        .assert_status(2)
        .assert_stderr_contains(
            "fel[key-file]: filen är en TOML-fil, inte en befolkningsfil från SCB",
        );
}

/// A year-end form (CSV or XLSX, blank as `follow-up --forms` writes it) or a follow-up report
/// in TOML given as the key file is told as what it is; and a report or form given to `split`
/// as the plan gets a hint for `split`, not for `follow-up`.
#[test]
fn a_follow_up_form_or_report_given_to_split_is_told_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let root = repo_root();
    let plan = root.join("allocations/plan-2026.toml");
    let plan = plan.to_str().unwrap();
    for format in ["csv", "xlsx"] {
        allocate(
            dir.path(),
            &[
                "follow-up",
                plan,
                "--forms",
                "--format",
                format,
                "--output",
                format,
            ],
        )
        .assert_status(0);
        let form = format!("{format}/redovisning-2026-2303-ragunda.{format}");
        let out = allocate(dir.path(), &["split", "100", "--key", &form]);
        out.assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains(&format!(
                "fel[key-file]: {form}: filen är en blankett för årets uppföljning (från allocate follow-up --forms), inte en befolkningsfil från SCB\n"
            ))
            .assert_stderr_contains("allocate split 100 --plan PLAN --key ID");
        assert!(!out.stderr.contains("inledande nolla"), "{}", out.stderr);
        if format == "csv" {
            // A form is told by its first part: one made long by blank lines at its end
            // (past the 256 KiB read for it) is still told as a form.
            let path = dir.path().join(&form);
            let mut text = std::fs::read_to_string(&path).unwrap();
            text.push_str(&"\r\n".repeat(200_000));
            let long = "csv/lang-blankett.csv";
            std::fs::write(dir.path().join(long), text).unwrap();
            allocate(dir.path(), &["split", "100", "--key", long])
                .assert_status(2)
                .assert_stderr_contains(&format!(
                    "fel[key-file]: {long}: filen är en blankett för årets uppföljning"
                ));
        }
        allocate(dir.path(), &["split", "100", "--plan", &form, "--key", "x"])
            .assert_status(2)
            .assert_stderr_contains(&format!(
                "{form} är en blankett för årets uppföljning, inte en plan: ge en plan med --plan och en av dess nycklar med --key: allocate split BELOPP --plan PLAN --key ID"
            ));
    }
    let report = "examples/follow-up-2026/redovisning-2026-regionen.toml";
    split(&["100", "--key", report])
        .assert_status(2)
        .assert_stderr_contains(
            "fel[key-file]: filen är en redovisning till årets uppföljning, inte en befolkningsfil från SCB\n",
        );
    let out = split(&["100", "--plan", report, "--key", "x"]);
    out.assert_status(2)
        .assert_stderr_contains("filen är en redovisning till uppföljningen, inte en plan")
        .assert_stderr_contains(
            "åtgärd: ge en plan med --plan och en av dess nycklar med --key: allocate split BELOPP --plan PLAN --key ID (redovisningar och blanketter läses av allocate follow-up PLAN REDOVISNING...)\n",
        );
    assert!(
        !out.stderr.contains("åtgärd: ge planen först"),
        "{}",
        out.stderr
    );
    // `follow-up` keeps its own hint.
    allocate(&root, &["follow-up", report, report])
        .assert_status(2)
        .assert_stderr_contains("ge planen först och redovisningarna efter den");
}

/// The shipped key (Jämtlands län, 2024) with `extra` added after Östersund's row.
fn shipped_key_with(dir: &std::path::Path, extra: &str) {
    let key = std::fs::read_to_string(repo_root().join(SHIPPED_KEY)).unwrap();
    let ostersund = "\"2380 Östersund\";64977\r\n";
    assert!(key.contains(ostersund));
    let key = key.replacen(ostersund, &format!("{ostersund}{extra}"), 1);
    std::fs::write(dir.join("f.csv"), key).unwrap();
}

#[test]
fn a_total_under_a_name_not_known_as_one_is_refused_not_split_as_a_kommun() {
    // Seed 003: the eight kommuner of Jämtlands län sum to 132 708. A ninth row of 132 708,
    // under any name, would take half the money as a kommun that does not exist.
    let dir = tempfile::tempdir().unwrap();
    let kommuner = [
        ("Ragunda", 5150),
        ("Bräcke", 6037),
        ("Krokom", 15702),
        ("Strömsund", 10995),
        ("Åre", 12626),
        ("Berg", 7101),
        ("Härjedalen", 10120),
        ("Östersund", 64977),
    ];
    assert_eq!(kommuner.iter().map(|k| k.1).sum::<u64>(), 132_708);
    let names = |total: &str| {
        let mut text = String::from("\"region\";\"Folkmängd 2024\"\r\n");
        for (name, n) in kommuner {
            text.push_str(&format!("\"{name}\";{n}\r\n"));
        }
        text + &format!("\"{total}\";132708\r\n")
    };
    for total in [
        "Hela länet",
        "Jämtland",
        "Jämtlands län totalt",
        "Län",
        "Jämtlands län (23)",
    ] {
        std::fs::write(dir.path().join("f.csv"), names(total)).unwrap();
        allocate(dir.path(), &["split", "132708", "--key", "f.csv"])
            .assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains(&format!("fel[key-coverage]: raden \"{total}\" (132 708) är lika stor som summan av alla andra kommunrader i filen; den ser ut som en summarad, inte en kommun\n  --> f.csv:10:1"))
            .assert_stderr_contains("= åtgärd: ta bort raden, eller kalla den \"Summa\" så jämförs den med kommunraderna");
    }
    allocate(dir.path(), &["split", "132708", "--key", "f.csv", "--lang", "en"])
        .assert_status(2)
        .assert_stderr_contains("error[key-coverage]: the row \"Jämtlands län (23)\" (132,708) equals the sum of all the other kommun rows of the file; it looks like a total, not a kommun");
    // Called "Summa", the row is a total, compared with the kommun rows and split without.
    std::fs::write(dir.path().join("f.csv"), names("Summa")).unwrap();
    allocate(dir.path(), &["split", "132708", "--key", "f.csv"])
        .assert_status(0)
        .assert_stdout_contains("Östersund ")
        .assert_stdout_contains("64 977");
    // With a code, "2300 Hela länet" is the county's code in four digits (no kommunkod ends
    // in 00): the row is the county's total, compared with its kommuner and split without.
    shipped_key_with(dir.path(), "\"2300 Hela länet\";132708\r\n");
    allocate(dir.path(), &["split", "132708", "--key", "f.csv"])
        .assert_status(0)
        .assert_stdout_contains("64 977");
    // Only near the sum (8 short), it is no longer split as a kommun taking half the money:
    // its difference is told.
    shipped_key_with(dir.path(), "\"2300 Hela länet\";132700\r\n");
    allocate(dir.path(), &["split", "132708", "--key", "f.csv"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("fel[key-file-total]: \"2300 Hela länet\" anger 132 700, men kommunraderna den omfattar summerar till 132 708")
        .assert_stderr_contains("= summor: angivet 132 700, beräknat 132 708, skillnad 8");
}

#[test]
fn a_kommun_of_another_county_than_the_file_states_gets_nothing_silently() {
    // The county row says Jämtlands län (23, 132 708, the sum of its eight kommuner); 2401
    // Nordmaling lies in Västerbottens län (24) and took 6 649 kr of 132 708.
    let dir = tempfile::tempdir().unwrap();
    shipped_key_with(
        dir.path(),
        "\"23 Jämtlands län\";132708\r\n\"2401 Nordmaling\";7000\r\n",
    );
    allocate(dir.path(), &["split", "132708", "--key", "f.csv"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("fel[key-coverage]: 2401 Nordmaling ligger inte i filens län, \"23 Jämtlands län\": kommunkoden börjar med länskoden 24\n  --> f.csv:13:1")
        .assert_stderr_contains("= åtgärd: ta bort raden, eller exportera bara länets kommuner från SCB");
    allocate(dir.path(), &["split", "132708", "--key", "f.csv", "--lang", "en"])
        .assert_status(2)
        .assert_stderr_contains("error[key-coverage]: 2401 Nordmaling is not in the file's county, \"23 Jämtlands län\": its kommunkod starts with the county code 24");
    // Without a county row, kommuner of two counties are split, and the audit says so.
    shipped_key_with(dir.path(), "\"2401 Nordmaling\";7000\r\n");
    let out = allocate_env(
        dir.path(),
        &["split", "139708", "--key", "f.csv"],
        &[("COLUMNS", "200")],
    );
    out.assert_status(0)
        .assert_stdout_contains("kommunerna ligger i 2 län, efter kommunkodernas två första siffror: 23 (8 kommuner), 24 (1 kommun)")
        .assert_row(&[
            "2401 Nordmaling",
            "7 000",
            "7 000,0000",
            "7 000",
            "0,0000",
            "7",
            "",
            "7 000 kr",
        ]);
    // The shipped key alone lies in one county: nothing said.
    let out = split(&["132708", "--key", SHIPPED_KEY]);
    assert!(!out.stdout.contains("län, efter"), "{}", out.stdout);
}

#[test]
fn one_name_under_two_kommunkoder_is_refused_without_a_plan() {
    // Ragunda's row relabelled "2303 Krokom": two rows named Krokom, one of them wrong.
    let dir = tempfile::tempdir().unwrap();
    let key = std::fs::read_to_string(repo_root().join(SHIPPED_KEY))
        .unwrap()
        .replacen("\"2303 Ragunda\"", "\"2303 Krokom\"", 1);
    std::fs::write(dir.path().join("f.csv"), key).unwrap();
    allocate(dir.path(), &["split", "132708", "--key", "f.csv"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("fel[key-coverage]: namnet Krokom har redan kommunkoden 2303 på rad 4, men här 2309; ingen kommun delar namn med en annan\n --> f.csv:6:1");
    allocate(dir.path(), &["split", "132708", "--key", "f.csv", "--lang", "en"])
        .assert_status(2)
        .assert_stderr_contains("error[key-coverage]: the name Krokom already has the kommunkod 2303 on line 4, but here 2309");
}

/// A key file naming 10 001 kommuner (more than a table is fitted to the terminal for) with
/// equal populations: 1 000 000 kr gives each 99,99 kr, so each gets 99 kr and the 9 901 kronor
/// left over go one each to the first 9 901 names in alphabetical order.
#[test]
fn a_split_over_more_kommuner_than_a_screen_is_written_row_by_row_and_sums() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = String::from("\"region\";\"Folkmängd 2024\"\n");
    for i in 0..10_001 {
        file.push_str(&format!("\"Namn{i:05}\";1001\n"));
    }
    std::fs::write(dir.path().join("many.csv"), file).unwrap();
    let out = allocate(dir.path(), &["split", "1000000", "--key", "many.csv"]);
    out.assert_status(0);
    let rows: Vec<Vec<&str>> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("│ Namn"))
        .map(|l| l.trim_matches('│').split('┆').map(str::trim).collect())
        .collect();
    assert_eq!(rows.len(), 10_001);
    let amounts: Vec<&str> = rows.iter().map(|r| r[7]).collect();
    assert!(
        amounts[..9_901].iter().all(|a| *a == "100 kr"),
        "{:?}",
        &amounts[9_890..9_910]
    );
    assert!(amounts[9_901..].iter().all(|a| *a == "99 kr"));
    assert_eq!(rows[0][0], "Namn00000");
    assert_eq!(rows[10_000][0], "Namn10000");
    assert!(
        out.stdout.contains("│ Summa     ┆ 10 011 001 ┆"),
        "{}",
        &out.stdout[..600]
    );
    assert!(out.stdout.contains("┆ 9 901 × 1 kr ┆ 1 000 000 kr │"));
    assert!(out.stdout.contains("De 9 901 enheter som då blir över"));
    assert_eq!(rows[10_000][5], "10 001");
    // Every line of the table is as wide as its top border.
    let table: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with(['┌', '│', '╞', '└']))
        .collect();
    let width = table[0].chars().count();
    assert!(table.iter().all(|l| l.chars().count() == width));
    assert_eq!(table.len(), 10_001 + 5);
}

/// A name from a file is cut in the table (`…`), so one long name does not widen every row:
/// the code and name take at most 40 characters. The CSV keeps it whole.
#[test]
fn a_long_name_is_cut_in_the_table_and_whole_in_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let long = "Lång".repeat(50);
    let file = format!("\"region\";\"Folkmängd 2024\"\n\"{long}\";100\n\"Kort\";300\n");
    std::fs::write(dir.path().join("key.csv"), file).unwrap();
    let out = allocate(dir.path(), &["split", "1000", "--key", "key.csv"]);
    out.assert_status(0);
    let row = out.stdout.lines().find(|l| l.contains("Lång")).unwrap();
    let name = row.split('┆').next().unwrap().trim_matches(['│', ' ']);
    assert_eq!(name.chars().count(), 40, "{row}");
    assert!(name.ends_with('…'), "{row}");
    assert!(out.stdout.contains("250 kr") && out.stdout.contains("750 kr"));
    let csv = allocate(
        dir.path(),
        &["split", "1000", "--key", "key.csv", "--format", "csv"],
    );
    csv.assert_status(0)
        .assert_stdout_contains(&format!(";{long};"));
}

/// The table fitted to the terminal has no border on its right: no line ends in spaces where
/// its last cells are empty (the second line of a header over two lines, the `Summa` row),
/// at any width.
#[test]
fn no_line_of_the_table_ends_in_spaces() {
    for columns in ["60", "80", "100", "200"] {
        let out = allocate_env(
            &repo_root(),
            &["split", "3202124", "--key", SHIPPED_KEY, "--precision", "2"],
            &[("COLUMNS", columns)],
        );
        out.assert_status(0);
        // Mini Maria's Summa row is there, whole.
        assert!(
            out.stdout
                .lines()
                .any(|l| l.trim_start_matches(['│', ' ']).starts_with("Summa")
                    && l.contains("3 202 124 kr")),
            "{columns}:\n{}",
            out.stdout
        );
        let ending: Vec<&str> = out.stdout.lines().filter(|l| l.ends_with(' ')).collect();
        assert!(ending.is_empty(), "{columns}: {ending:?}");
    }
}

/// The audit's table is measured as the terminal shows it. A key file's name with a combining
/// mark that has no composed form (`O` + U+0331, which stays two characters after NFC) takes
/// the columns of `Östersund`: at the width of the table with its borders, the table keeps its
/// borders and stands exactly as the same table with `Östersund` (counted by its characters,
/// it was one column too wide, and the table was made compact).
#[test]
fn a_combining_mark_takes_no_column_of_the_audit() {
    let dir = tempfile::tempdir().unwrap();
    let key = std::fs::read_to_string(repo_root().join(SHIPPED_KEY)).unwrap();
    let marked = "2380 O\u{331}stersund";
    assert!(key.contains("2380 Östersund"));
    std::fs::write(dir.path().join("plain.csv"), &key).unwrap();
    std::fs::write(
        dir.path().join("marks.csv"),
        key.replace("2380 Östersund", marked),
    )
    .unwrap();
    let run = |file: &str, columns: &str| {
        let out = allocate_env(
            dir.path(),
            &["split", "3202124", "--key", file],
            &[("COLUMNS", columns)],
        );
        out.assert_status(0);
        out.stdout
    };
    // The table with its borders, as wide as its top border (box drawing: one column each).
    let wide = run("plain.csv", "300");
    let border = wide.lines().find(|l| l.starts_with('┌')).unwrap();
    let columns = border.chars().count().to_string();
    let plain = run("plain.csv", &columns);
    assert!(plain.contains(&format!("\n{border}\n")), "{plain}");
    let marks = run("marks.csv", &columns);
    assert!(marks.contains(&format!("\n{border}\n")), "{marks}");
    assert!(marks.contains(&format!("│ {marked}  ┆")), "{marks}");
    assert_eq!(
        marks
            .replace(marked, "2380 Östersund")
            .replace("marks.csv", "plain.csv"),
        plain
    );
}

#[test]
fn a_key_file_is_cut_short_only_when_its_last_row_ends_in_a_figure_without_a_line_break() {
    // Seed 003's file, Östersund 64 977 on its last row of figures.
    let dir = tempfile::tempdir().unwrap();
    let key = std::fs::read_to_string(repo_root().join(SHIPPED_KEY)).unwrap();
    let end = key.find("64977").unwrap() + "64977".len();
    let write = |text: &str| std::fs::write(dir.path().join("f.csv"), text).unwrap();
    let split = || allocate(dir.path(), &["split", "132708", "--key", "f.csv"]);
    // Cut inside the figure, with its rows ended by CRLF, by lone CRs (Excel for Mac) or LF;
    // and saved as UTF-16, cut inside the last figure's last character (half of it left).
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(key[..end - 2].encode_utf16().flat_map(u16::to_le_bytes));
    utf16.push(b'7');
    for cut in [
        key.as_bytes()[..end - 2].to_vec(),
        key[..end - 2].replace("\r\n", "\r").into_bytes(),
        key[..end - 2].replace("\r\n", "\n").into_bytes(),
        utf16,
    ] {
        std::fs::write(dir.path().join("f.csv"), cut).unwrap();
        split()
            .assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains(
                "fel[key-file]: filens sista rad slutar med ett tal utan radbrytning efter",
            );
    }
    // Whole: a DOS end-of-file mark after the last line break, or a note ending in a digit
    // without one, is read as it is.
    let rows = &key[..end];
    for whole in [
        format!("{rows}\r\n\u{1a}"),
        format!("{rows}\r\nKälla: SCB 2025-02-21"),
    ] {
        write(&whole);
        split()
            .assert_status(0)
            .assert_stdout_contains("1. 132 708 kr efter nyckeln, över 8 kommuner")
            .assert_stdout_contains("64 977");
    }
}
