//! `allocate export`: every file read back, its totals against the documents' figures.

use crate::support::{PlanDir, allocate, repo_root};

fn export(dir: &std::path::Path, args: &[&str]) -> crate::support::Output {
    let plan = repo_root().join("allocations/plan-2026.toml");
    let mut all = vec!["export", plan.to_str().unwrap()];
    all.extend_from_slice(args);
    allocate(dir, &all)
}

/// Reads a CSV file as Excel would: `;`, a BOM first.
fn read_excel_csv(path: &std::path::Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "{} starts with a BOM",
        path.display()
    );
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let headers = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    (headers, rows)
}

fn column_sum(headers: &[String], rows: &[Vec<String>], column: &str) -> i64 {
    let i = headers.iter().position(|h| h == column).unwrap();
    rows.iter().map(|r| r[i].parse::<i64>().unwrap()).sum()
}

#[test]
fn csv_files_open_in_swedish_excel_and_sum_to_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), &["--out", "ut"])
        .assert_status(0)
        .assert_stderr_contains("Skrev ut/betalningar.csv");
    let ut = dir.path().join("ut");

    let (headers, rows) = read_excel_csv(&ut.join("betalningar.csv"));
    assert_eq!(
        headers[..7],
        [
            "Mottagare",
            "Mottagartyp",
            "Kommunkod",
            "Område",
            "Insats",
            "Beskrivning",
            "Belopp"
        ]
    );
    assert_eq!(column_sum(&headers, &rows, "Belopp"), 12_689_898);
    let ostersund: i64 = rows
        .iter()
        .filter(|r| r[2] == "2380")
        .map(|r| r[6].parse::<i64>().unwrap())
        .sum();
    assert_eq!(ostersund, 436_000);
    let fontanhus: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[0] == "Fontänhus Jämtland Härjedalen")
        .collect();
    assert_eq!(fontanhus.len(), 1);
    assert_eq!(fontanhus[0][6], "250000");
    assert_eq!(fontanhus[0][7], "faktura");
    assert!(rows.iter().all(|r| r[8] == "400105"));

    let (headers, rows) = read_excel_csv(&ut.join("per-kommun.csv"));
    assert_eq!(column_sum(&headers, &rows, "Totalt"), 1_865_000);
    let berg = rows.iter().find(|r| r[1] == "Berg").unwrap();
    assert_eq!(berg[2..], ["21200", "75000", "100000", "196200"]);

    let (headers, rows) = read_excel_csv(&ut.join("per-aktor.csv"));
    assert_eq!(column_sum(&headers, &rows, "Totalt"), 12_689_898);
    let kfjh = rows
        .iter()
        .find(|r| r[0] == "Kommunförbundet Jämtland Härjedalen")
        .unwrap();
    assert_eq!(kfjh.last().unwrap(), "2127436");

    let (headers, rows) = read_excel_csv(&ut.join("per-rubrik.csv"));
    assert_eq!(column_sum(&headers, &rows, "Belopp"), 12_689_898);
    let held: i64 = rows
        .iter()
        .filter(|r| r[0].starts_with("Region Jämtland Härjedalen för fortsatt"))
        .map(|r| r[5].parse::<i64>().unwrap())
        .sum();
    assert_eq!(held, 4_705_026);

    let (headers, rows) = read_excel_csv(&ut.join("fakturor.csv"));
    // KFJH 2 127 436 + the kommuner 1 865 000 + Fontänhus 250 000.
    assert_eq!(
        column_sum(&headers, &rows, "Belopp"),
        2_127_436 + 1_865_000 + 250_000
    );

    let (headers, rows) = read_excel_csv(&ut.join("per-omrade.csv"));
    assert_eq!(column_sum(&headers, &rows, "Belopp"), 12_689_898);
    let area2: i64 = rows
        .iter()
        .filter(|r| r[0] == "2")
        .map(|r| r[6].parse::<i64>().unwrap())
        .sum();
    assert_eq!(area2, 2_501_626);
}

#[test]
fn rfc4180_csv_is_comma_separated_without_bom() {
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), &["--view", "per-kommun", "--csv", "rfc4180"]);
    out.assert_status(0);
    assert!(
        out.stdout
            .starts_with("Kommunkod,Kommun,1.3,2.5,3.4,Totalt\r\n"),
        "{}",
        out.stdout
    );
    out.assert_stdout_contains("2380,Östersund,196000,140000,100000,436000\r\n");
}

#[test]
fn one_view_goes_to_standard_output_for_piping() {
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), &["--view", "betalningar"]);
    out.assert_status(0)
        .assert_stdout_contains("Östersund;kommun;2380;1;1.3;");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written to disk"
    );
    export(dir.path(), &[])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("ange en mapp med --out");
}

#[test]
fn xlsx_has_a_sheet_per_view_with_numbers_and_totals() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), &["--out", ".", "--format", "xlsx"]).assert_status(0);
    let mut book: Xlsx<_> = open_workbook(dir.path().join("allocate-2026.xlsx")).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "betalningar",
            "per-kommun",
            "per-aktor",
            "per-rubrik",
            "per-omrade",
            "fakturor"
        ]
    );
    let payments = book.worksheet_range("betalningar").unwrap();
    let last = payments.rows().next_back().unwrap();
    assert_eq!(last[0], Data::String("Totalt".into()));
    assert_eq!(last[6], Data::Float(12_689_898.0));
    // Every payment amount is a number cell, and they sum to the total row.
    let amounts: f64 = payments
        .rows()
        .skip(1)
        .take(payments.height() - 2)
        .map(|r| match r[6] {
            Data::Float(f) => f,
            ref other => panic!("amount cell is not a number: {other:?}"),
        })
        .sum();
    assert_eq!(amounts, 12_689_898.0);
    let kommuner = book.worksheet_range("per-kommun").unwrap();
    let ostersund = kommuner
        .rows()
        .find(|r| r[1] == Data::String("Östersund".into()))
        .unwrap();
    assert_eq!(ostersund[5], Data::Float(436_000.0));
    assert_eq!(
        kommuner.rows().next_back().unwrap()[5],
        Data::Float(1_865_000.0)
    );
}

#[test]
fn json_holds_the_resolved_plan_and_every_view_and_reads_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), &["--out", ".", "--format", "json"]).assert_status(0);
    let text = std::fs::read_to_string(dir.path().join("allocate-2026.json")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["schema"], "allocate-export/1");
    assert_eq!(value["plan"]["county_total"], 12_689_898);
    assert_eq!(value["per_kommun"]["total"], 1_865_000);
    let payments: i64 = value["payments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["amount"].as_i64().unwrap())
        .sum();
    assert_eq!(payments, 12_689_898);
    let barnsakert = value["plan"]["insatser"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "2.5")
        .unwrap();
    let ostersund = barnsakert["allocations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kommunkod"] == "2380")
        .unwrap();
    assert_eq!(ostersund["amount"], 140_000);

    let document: allocate::output::json::Document = serde_json::from_str(&text).unwrap();
    let again = serde_json::to_string_pretty(&document).unwrap();
    assert_eq!(again + "\n", text);
}

#[test]
fn formula_like_text_is_neutralised_in_csv() {
    let p = PlanDir::from_real("plan-2026.toml").edit(
        "Länssamordning psykisk hälsa och suicidprevention Kommunförbundet",
        "=HYPERLINK(\\\"http://example.invalid\\\") Kommunförbundet",
    );
    std::fs::write(p.dir.path().join("plan.toml"), &p.text).unwrap();
    let out = allocate(
        p.dir.path(),
        &["export", "plan.toml", "--view", "betalningar"],
    );
    out.assert_status(0)
        .assert_stdout_contains(";1;1.1;\"'=HYPERLINK(\"\"http://example.invalid\"\")");
    // Amounts stay numbers, negative or not.
    out.assert_stdout_contains(";1350000;faktura;");
}

#[test]
fn an_existing_file_is_not_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("per-kommun.csv"), "my own notes").unwrap();
    export(dir.path(), &["--out", "."])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("finns redan: ./per-kommun.csv. Inget skrevs. Ange --force");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["per-kommun.csv"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("per-kommun.csv")).unwrap(),
        "my own notes"
    );
    export(dir.path(), &["--out", ".", "--force"]).assert_status(0);
    assert!(
        std::fs::read_to_string(dir.path().join("per-kommun.csv"))
            .unwrap()
            .contains("Östersund")
    );
}

#[test]
fn an_unwritable_folder_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-file"), "").unwrap();
    export(dir.path(), &["--out", "a-file/ut"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("kunde inte skriva a-file/ut")
        .assert_stderr_contains("Inget lämnades kvar.");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_plan_with_errors_exports_nothing_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let plan = repo_root().join("examples/plan-2026-as-printed.toml");
    allocate(
        dir.path(),
        &["export", plan.to_str().unwrap(), "--out", "ut"],
    )
    .assert_status(1)
    .assert_stdout_empty()
    .assert_stderr_contains("fel[stated-total]")
    .assert_stderr_contains("1 fel; inget exporteras förrän planen stämmer");
    assert!(!dir.path().join("ut").exists());
}

#[test]
fn filters_narrow_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let out = export(
        dir.path(),
        &["--view", "betalningar", "--kommun", "Östersund"],
    );
    let lines: Vec<&str> = out.stdout.lines().skip(1).collect();
    assert_eq!(lines.len(), 3, "{}", out.stdout);
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("Östersund;kommun;2380;"))
    );
}
