//! Plans counted in a unit finer than a krona (`[plan] unit = "0,1"`): amounts written as
//! quoted decimals, checked against the unit, split exactly and printed with the unit's
//! decimals in every output; floats refused.

use rust_decimal::Decimal;

use crate::support::{PlanDir, allocate, repo_root};

const TENTHS: &str = "examples/mini-maria-overhead-tenths-2025.toml";

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A plan of tenths copied into a directory of its own, edited, with its key file beside it.
fn tenths_plan() -> PlanDir {
    let text = std::fs::read_to_string(repo_root().join(TENTHS))
        .unwrap()
        .replace(
            "../allocations/keys/folkmangd-2024-11-01.csv",
            &repo_root()
                .join("allocations/keys/folkmangd-2024-11-01.csv")
                .display()
                .to_string(),
        );
    PlanDir {
        dir: tempfile::tempdir().unwrap(),
        text,
    }
}

#[test]
fn the_example_in_tenths_passes_check_and_sums_exactly() {
    let out = allocate(&repo_root(), &["check", TENTHS]);
    out.assert_status(0)
        .assert_stdout_contains("Länets medel  518 183,8 kr")
        .assert_stdout_contains("Område 1    518 183,8 kr  1 insats")
        // The agreement's two-decimal percentages move Strömsund's tenths by 13,0 kr against
        // the counts (`key-rounding`, as for the whole kronor of `mini-maria-2025.toml`).
        .assert_stdout_contains("Strömsund får 21 918,4 kr efter procentsatserna men 21 905,4 kr efter befolkningstalen")
        .assert_stdout_contains("godkänd (0 fel, 1 varning)");
    let report = allocate(&repo_root(), &["report", TENTHS]);
    report
        .assert_status(0)
        // Every amount with one decimal, whole ones too, and the parts sum to the whole.
        .assert_row(&["2303", "Ragunda", "10 258,5 kr", "10 258,5 kr"])
        .assert_row(&["2305", "Bräcke", "12 030,0 kr", "12 030,0 kr"])
        .assert_row(&["", "Totalt", "264 395,5 kr", "264 395,5 kr"])
        .assert_row(&["Totalt", "518 183,8", "518 183,8"]);
}

#[test]
fn exports_in_tenths_keep_the_decimals_exactly() {
    let csv = allocate(&repo_root(), &["export", TENTHS, "--view", "per-kommun"]);
    csv.assert_status(0)
        .assert_stdout_contains("\"=\"\"2303\"\"\";Ragunda;10258,5;10258,5\r\n")
        .assert_stdout_contains("\"=\"\"2305\"\"\";Bräcke;12030,0;12030,0\r\n");
    let rfc = allocate(
        &repo_root(),
        &["export", TENTHS, "--view", "per-kommun", "--csv", "rfc4180"],
    );
    rfc.assert_stdout_contains("2303,Ragunda,10258.5,10258.5\r\n");
    // JSON: whole kronor as integers, amounts with decimals as exact decimal strings.
    let json = allocate(
        &repo_root(),
        &["export", TENTHS, "--view", "payments", "--format", "json"],
    );
    json.assert_status(0);
    let recipients: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let mut sum = Decimal::ZERO;
    for row in recipients
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["lines"].as_array().unwrap())
    {
        sum += match &row["amount"] {
            serde_json::Value::String(s) => d(s),
            n => Decimal::from(n.as_i64().unwrap()),
        };
    }
    assert_eq!(sum, d("518183.8"));
    assert!(
        json.stdout.contains("\"amount\": \"10258.5\""),
        "{}",
        json.stdout
    );
}

#[test]
fn xlsx_in_tenths_has_numbers_shown_with_one_decimal() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let plan = repo_root().join(TENTHS);
    allocate(
        dir.path(),
        &[
            "export",
            plan.to_str().unwrap(),
            "--out",
            ".",
            "--format",
            "xlsx",
        ],
    )
    .assert_status(0);
    let path = dir.path().join("allocate-2025.xlsx");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let kommuner = book.worksheet_range("per-kommun").unwrap();
    let ragunda = kommuner
        .rows()
        .find(|r| r[1] == Data::String("Ragunda".into()))
        .unwrap();
    assert_eq!(ragunda[2], Data::Float(10_258.5));
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("xl/styles.xml").unwrap(), &mut styles)
        .unwrap();
    assert!(
        styles.contains("formatCode=\"#,##0.0 &quot;kr&quot;\""),
        "{styles}"
    );
}

#[test]
fn an_amount_with_decimals_in_a_plan_of_whole_kronor_asks_for_a_finer_unit() {
    let p =
        PlanDir::from_real("plan-2026.toml").edit("amount = 1_350_000", "amount = \"1 350 000,5\"");
    p.check(&[])
        .assert_status(1)
        .assert_finding("finer-than-unit", &p.position_of("\"1 350 000,5\"", 0))
        .assert_stdout_contains(
            "beloppet 1 350 000,5 kr är inte jämnt delbart med planens enhet 1 kr",
        )
        .assert_stdout_contains("ange `unit = \"0,1\"` under [plan]");
}

#[test]
fn an_amount_finer_than_tenths_is_an_error_at_its_place() {
    let p = tenths_plan().edit("amount = \"253 788,3\"", "amount = \"253 788,35\"");
    p.check(&[])
        .assert_status(1)
        .assert_finding("finer-than-unit", &p.position_of("\"253 788,35\"", 0))
        .assert_stdout_contains(
            "beloppet 253 788,35 kr är inte jämnt delbart med planens enhet 0,1 kr",
        )
        .assert_stdout_contains("ange `unit = \"0,01\"` under [plan]");
    let en = p.check(&["--lang", "en"]);
    en.assert_stdout_contains("set `unit = \"0,01\"` under [plan]");
}

/// An amount finer than öre needs a unit no plan may have (`unit-invalid`): the hint says to
/// round to whole öre, as `split` does, never `unit = "0,001"`.
#[test]
fn an_amount_finer_than_ore_is_told_to_be_rounded_not_given_a_finer_unit() {
    let p = PlanDir::from_real("plan-2026.toml").edit(
        "county_total = 12_689_898",
        "county_total = \"12 689 898,001\"",
    );
    let out = p.check(&[]);
    out.assert_status(1)
        .assert_finding("finer-than-unit", &p.position_of("\"12 689 898,001\"", 0))
        .assert_stdout_contains("beloppet 12 689 898,001 kr är inte jämnt delbart med planens enhet 1 kr")
        .assert_stdout_contains(
            "beloppet har fler decimaler än öre (0,01 kr), det minsta belopp som betalas ut: avrunda till hela kronor, eller, om planen räknar med decimaler, avrunda beloppet till hela öre och ange `unit = \"0,01\"` under [plan]",
        );
    assert!(!out.stdout.contains("0,001\"`"), "{}", out.stdout);
    p.check(&["--lang", "en"]).assert_stdout_contains(
        "the amount has more decimals than öre (0.01 kr), the smallest amount paid out: round to whole kronor, or, if the plan counts in decimals, round the amount to whole öre and set `unit = \"0,01\"` under [plan]",
    );
    // In a plan counted in öre, rounding to öre is all there is to do.
    let p = PlanDir::from_real("plan-2026.toml")
        .edit("unit = 1 ", "unit = \"0,01\" ")
        .edit(
            "county_total = 12_689_898",
            "county_total = \"12 689 898,001\"",
        );
    p.check(&[]).assert_stdout_contains(
        "= åtgärd: beloppet har fler decimaler än öre (0,01 kr), det minsta belopp som betalas ut; avrunda beloppet till hela öre\n",
    );
    p.check(&["--lang", "en"]).assert_stdout_contains(
        "= help: the amount has more decimals than öre (0.01 kr), the smallest amount paid out; round the amount to whole öre\n",
    );
}

#[test]
fn a_float_amount_is_refused_with_how_to_write_decimals() {
    let p = PlanDir::from_real("plan-2026.toml").edit("amount = 1_350_000", "amount = 1350000.5");
    p.check(&[])
        .assert_status(2)
        .assert_finding("wrong-type", &p.position_of("1350000.5", 0))
        .assert_stdout_contains("beloppet är ett decimaltal")
        .assert_stdout_contains(
            "skriv beloppet inom citattecken med decimalkomma, \"1 350 000,5\", och ange `unit = \"0,1\"` under [plan]",
        );
    // Finer than öre (a pasted 0.1 + 0.2): rounded to öre, the finest unit there is, not a
    // unit that `check` refuses in turn (tester s29).
    for (float, quoted) in [
        ("205026.123", "205 026,12"),
        ("0.30000000000000004", "0,30"),
    ] {
        let p = PlanDir::from_real("plan-2026.toml")
            .edit("amount = 205_026", &format!("amount = {float}"));
        p.check(&[]).assert_status(2).assert_stdout_contains(&format!(
            "= åtgärd: belopp är aldrig decimaltal, och inget belopp är finare än ett öre: avrunda beloppet till hela öre, skriv det inom citattecken med decimalkomma, \"{quoted}\", och ange `unit = \"0,01\"` under [plan]; eller skriv hela kronor utan decimaler\n"
        ));
        // Followed, the hint gives a plan that loads (the amount is then 1 kr less than the
        // area's: a sum error, no more a type error).
        let followed = p
            .edit(
                &format!("amount = {float}"),
                &format!("amount = \"{quoted}\""),
            )
            .edit("unit = 1", "unit = \"0,01\"");
        let out = followed.check(&[]);
        out.assert_status(1);
        assert!(
            !out.stdout.contains("wrong-type") && !out.stdout.contains("unit-invalid"),
            "{}",
            out.stdout
        );
    }
    let unit = PlanDir::from_real("plan-2026.toml").edit("unit = 1", "unit = 0.1");
    unit.check(&[])
        .assert_status(2)
        .assert_finding("wrong-type", &unit.position_of("0.1", 0));
}

#[test]
fn text_that_is_not_an_amount_is_refused_in_swedish_and_english() {
    let p = tenths_plan().edit("amount = \"253 788,3\"", "amount = \"ca 250 tkr\"");
    p.check(&[])
        .assert_status(2)
        .assert_finding("wrong-type", &p.position_of("\"ca 250 tkr\"", 0))
        .assert_stdout_contains("beloppet är skrivet som text som inte är ett tal");
    p.check(&["--lang", "en"])
        .assert_stdout_contains("the amount is written as text that is not a number");
}

const THREE_WAYS: &str = r#"[plan]
year = 2026
county = "Testlän"
title = "Hundra kronor i tre delar"
unit = "0,1"
county_total = 100

[[areas]]
number = 1
title = "Område 1"
amount = 100

[[actors]]
id = "a"
name = "A"
kind = "external"

[[actors]]
id = "b"
name = "B"
kind = "external"

[[actors]]
id = "c"
name = "C"
kind = "external"

[[insatser]]
id = "1.1"
area = 1
text = "Tre lika delar"
actor = ["a", "b", "c"]
amount = 100

[insatser.split]
rule = "equal"
"#;

#[test]
fn a_hundred_kronor_three_ways_in_tenths_is_33_4_33_3_33_3() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), THREE_WAYS).unwrap();
    allocate(dir.path(), &["check", "plan.toml"])
        .assert_status(0)
        .assert_stdout_contains("Länets medel  100,0 kr");
    let out = allocate(
        dir.path(),
        &[
            "export",
            "plan.toml",
            "--view",
            "payments",
            "--format",
            "json",
        ],
    );
    out.assert_status(0);
    let recipients: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let amounts: Vec<(String, String)> = recipients
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["recipient"].to_string(), r["total"].to_string()))
        .collect();
    assert_eq!(
        amounts,
        [
            ("\"A\"".to_string(), "\"33.4\"".to_string()),
            ("\"B\"".to_string(), "\"33.3\"".to_string()),
            ("\"C\"".to_string(), "\"33.3\"".to_string()),
        ]
    );
    allocate(dir.path(), &["report", "plan.toml"])
        .assert_status(0)
        .assert_stdout_contains("33,4")
        .assert_stdout_contains("33,3");
}

#[test]
fn split_takes_an_amount_with_decimals_and_a_finer_unit() {
    let out = allocate(
        &repo_root(),
        &[
            "split",
            "3 202 124,5",
            "--key",
            "allocations/keys/folkmangd-2024-11-01.csv",
            "--unit",
            "0,1",
        ],
    );
    out.assert_status(0)
        .assert_stdout_contains("Fördelning av 3 202 124,5 kr, avrundat till tiondels kronor")
        .assert_row(&[
            "2303 Ragunda",
            "5 150",
            "124 264,86101",
            "124 264,8",
            "0,06101",
            "4",
            "+0,1 kr",
            "124 264,9 kr",
        ]);
    let json = allocate(
        &repo_root(),
        &[
            "split",
            "3202124.5",
            "--key",
            "allocations/keys/folkmangd-2024-11-01.csv",
            "--unit",
            "0.1",
            "--format",
            "json",
        ],
    );
    json.assert_status(0);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let parts = value["steps"][0]["parts"].as_array().unwrap();
    let sum: Decimal = parts.iter().map(|p| d(p["result"].as_str().unwrap())).sum();
    assert_eq!(sum, d("3202124.5"));
    allocate(&repo_root(), &["split", "12,345,6", "--key", "x.csv"])
        .assert_status(2)
        .assert_stderr_contains("\"12,345,6\" är inget belopp i kronor");
    allocate(
        &repo_root(),
        &["split", "100", "--key", "x.csv", "--unit", "0"],
    )
    .assert_status(2)
    .assert_stderr_contains("\"0\" är ingen avrundningsenhet");
}
