//! `allocate export`: every file read back, its totals against the documents' figures.

use crate::support::{PlanDir, allocate, real_plan, repo_root};

fn export(dir: &std::path::Path, args: &[&str]) -> crate::support::Output {
    let plan = repo_root().join("allocations/plan-2026.toml");
    let mut all = vec!["export", plan.to_str().unwrap()];
    all.extend_from_slice(args);
    allocate(dir, &all)
}

/// The names of the files in a folder, sorted.
fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// The object in a JSON list whose `key` is `wanted`.
fn find<'v>(list: &'v serde_json::Value, key: &str, wanted: &str) -> &'v serde_json::Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|x| x[key] == wanted)
        .unwrap()
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

/// A cell as Excel and LibreOffice show it: the text of a formula `="…"` (a text they would
/// otherwise read as a number), anything else as it is.
fn shown(cell: &str) -> &str {
    cell.strip_prefix("=\"")
        .and_then(|c| c.strip_suffix('"'))
        .unwrap_or(cell)
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
        headers,
        [
            "Mottagare",
            "Mottagartyp",
            "Kommunkod",
            "Område",
            "Insats",
            "Belopp",
            "Betalning",
            "Referenskod"
        ]
    );
    assert_eq!(column_sum(&headers, &rows, "Belopp"), 12_689_898);
    let ostersund: i64 = rows
        .iter()
        .filter(|r| shown(&r[2]) == "2380")
        .map(|r| r[5].parse::<i64>().unwrap())
        .sum();
    assert_eq!(ostersund, 436_000);
    // Kommunkoder and the reference are texts, as in the workbook: `="2380"` shows 2380.
    assert!(rows.iter().any(|r| r[2] == "=\"2380\""));
    let fontanhus: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[0] == "Fontänhus Jämtland Härjedalen")
        .collect();
    assert_eq!(fontanhus.len(), 1);
    assert_eq!(fontanhus[0][5], "250000");
    assert_eq!(fontanhus[0][6], "faktura");
    assert!(rows.iter().all(|r| r[7] == "=\"400105\""));

    let (headers, rows) = read_excel_csv(&ut.join("per-kommun.csv"));
    assert_eq!(column_sum(&headers, &rows, "Totalt"), 1_865_000);
    let berg = rows.iter().find(|r| r[1] == "Berg").unwrap();
    assert_eq!(berg[2..], ["21200", "75000", "100000", "196200"]);

    let (headers, rows) = read_excel_csv(&ut.join("per-aktor.csv"));
    assert_eq!(column_sum(&headers, &rows, "Belopp"), 12_689_898);
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

    // One collective invoice per party that invoices the region: KFJH 2 127 436, Fontänhus
    // 250 000 and each kommun its part of the 1 865 000, citing the decision.
    let (headers, rows) = read_excel_csv(&ut.join("fakturor.csv"));
    assert_eq!(
        headers,
        [
            "Fakturerande",
            "Kommunkod",
            "Fakturamottagare",
            "Referenskod",
            "Beslut",
            "Antal insatser",
            "Belopp"
        ]
    );
    assert_eq!(rows.len(), 10);
    assert_eq!(
        column_sum(&headers, &rows, "Belopp"),
        2_127_436 + 1_865_000 + 250_000
    );
    let kfjh = &rows[0];
    assert_eq!(kfjh[0], "Kommunförbundet Jämtland Härjedalen");
    assert_eq!(kfjh[2], "Region Jämtland Härjedalen");
    assert_eq!(shown(&kfjh[3]), "400105");
    assert!(
        kfjh[4].starts_with("SVOM 2026-02-27: Strategiska insatser"),
        "{}",
        kfjh[4]
    );
    assert_eq!((kfjh[5].as_str(), kfjh[6].as_str()), ("4", "2127436"));
    let berg = rows.iter().find(|r| shown(&r[1]) == "2326").unwrap();
    assert_eq!((berg[5].as_str(), berg[6].as_str()), ("3", "196200"));

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
            .starts_with("kommunkod,kommun,1.3,2.5,3.4,total\r\n"),
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
        .assert_stdout_contains("Östersund;kommun;\"=\"\"2380\"\"\";1;1.3;");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written to disk"
    );
    export(dir.path(), &[])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("ange en mapp med --output");
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
    assert_eq!(last[5], Data::Float(12_689_898.0));
    // Every payment amount is a number cell, and they sum to the total row.
    let amounts: f64 = payments
        .rows()
        .skip(1)
        .take(payments.height() - 2)
        .map(|r| match r[5] {
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
fn a_filtered_workbooks_total_rows_say_urval() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    export(
        dir.path(),
        &["--out", ".", "--format", "xlsx", "--kommun", "Berg"],
    )
    .assert_status(0);
    let mut book: Xlsx<_> =
        open_workbook(dir.path().join("allocate-2026-urval-2326-berg.xlsx")).unwrap();
    // Berg's 196 200 kr of the document's per-kommun table: every sheet's total is Berg's,
    // and says so.
    for sheet in book.sheet_names() {
        let range = book.worksheet_range(&sheet).unwrap();
        let last = range.rows().next_back().unwrap();
        assert_eq!(last[0], Data::String("Totalt (urval)".into()), "{sheet}");
    }
    let kommuner = book.worksheet_range("per-kommun").unwrap();
    assert_eq!(
        kommuner.rows().next_back().unwrap()[5],
        Data::Float(196_200.0)
    );
    // In English, the same.
    export(
        dir.path(),
        &[
            "--out", "en", "--format", "xlsx", "--area", "2", "--lang", "en",
        ],
    )
    .assert_status(0);
    let mut book: Xlsx<_> =
        open_workbook(dir.path().join("en/allocate-2026-urval-omrade-2.xlsx")).unwrap();
    let areas = book.worksheet_range("per-omrade").unwrap();
    let last = areas.rows().next_back().unwrap();
    assert_eq!(last[0], Data::String("Total (selection)".into()));
    assert_eq!(last[6], Data::Float(2_501_626.0));
}

#[test]
fn json_holds_the_resolved_plan_and_every_view_and_reads_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), &["--out", ".", "--format", "json"]).assert_status(0);
    let text = std::fs::read_to_string(dir.path().join("allocate-2026.json")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["schema"], "allocate-export/4");
    assert_eq!(value["plan"]["county_total"], 12_689_898);
    assert_eq!(value["per_kommun"]["total"], 1_865_000);
    // Each recipient once, its total the sum of its lines; all of them the county total.
    let recipients = value["payments"].as_array().unwrap();
    let mut payments = 0;
    for recipient in recipients {
        let lines: i64 = recipient["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["amount"].as_i64().unwrap())
            .sum();
        assert_eq!(recipient["total"], lines, "{}", recipient["recipient"]);
        payments += lines;
    }
    assert_eq!(payments, 12_689_898);
    // The seed's figures: KFJH's collective invoice, and Berg's 196 200 kr.
    let kfjh = find(
        &value["payments"],
        "recipient",
        "Kommunförbundet Jämtland Härjedalen",
    );
    assert_eq!(kfjh["total"], 2_127_436);
    assert_eq!(kfjh["payment"], "invoice");
    let berg = find(&value["payments"], "kommunkod", "2326");
    assert_eq!(
        (&berg["recipient"], &berg["total"]),
        (&"Berg".into(), &196_200.into())
    );
    let barnsakert = find(&value["plan"]["insatser"], "id", "2.5");
    let ostersund = find(&barnsakert["allocations"], "kommunkod", "2380");
    assert_eq!(ostersund["amount"], 140_000);

    let document: allocate::output::json::Document = serde_json::from_str(&text).unwrap();
    let again = serde_json::to_string(&document).unwrap();
    assert_eq!(again + "\n", text);
}

#[test]
fn json_of_2025_carries_the_invoicing_deadline() {
    // "Medel som inte fakturerats enligt beslut 2025-08-30 … ska återbetalas" (seed 003).
    let dir = tempfile::tempdir().unwrap();
    let plan = repo_root().join("allocations/plan-2025.toml");
    let args = [
        "export",
        plan.to_str().unwrap(),
        "--out",
        ".",
        "--format",
        "json",
    ];
    allocate(dir.path(), &args).assert_status(0);
    let text = std::fs::read_to_string(dir.path().join("allocate-2025.json")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["plan"]["deadlines"]["invoice_by"], "2025-08-30");
    let deadlines = value["invoices"]["deadlines"].as_array().unwrap();
    assert!(
        deadlines.contains(&serde_json::json!(["invoice_by", "2025-08-30"])),
        "{deadlines:?}"
    );
}

#[test]
fn json_goes_whole_to_standard_output_and_a_views_part_to_its_own_file() {
    let dir = tempfile::tempdir().unwrap();
    // The whole document, as the file has it.
    export(dir.path(), &["--out", "hel", "--format", "json"]).assert_status(0);
    let file = std::fs::read_to_string(dir.path().join("hel/allocate-2026.json")).unwrap();
    let piped = export(dir.path(), &["--format", "json"]);
    piped.assert_status(0).assert_stderr_empty();
    assert_eq!(piped.stdout, file);
    // A view asked for into a folder is that view's part in a file of its own, as piped.
    let both = [
        "--format",
        "json",
        "--view",
        "per-kommun",
        "--view",
        "fakturor",
    ];
    export(dir.path(), &[&["--out", "vy"], &both[..]].concat())
        .assert_status(0)
        .assert_stderr_contains("per-kommun.json");
    assert_eq!(
        names_in(&dir.path().join("vy")),
        ["fakturor.json", "per-kommun.json"]
    );
    let per_kommun = std::fs::read_to_string(dir.path().join("vy/per-kommun.json")).unwrap();
    let piped = export(dir.path(), &["--format", "json", "--view", "per-kommun"]);
    assert_eq!(piped.stdout, per_kommun);
    let value: serde_json::Value = serde_json::from_str(&per_kommun).unwrap();
    assert_eq!(value["total"], 1_865_000);
    let berg = find(&value["rows"], "name", "Berg");
    assert_eq!(berg["total"], 196_200);
    let invoices: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("vy/fakturor.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(invoices["county_total"], 12_689_898);
    // Several views cannot share standard output; XLSX never goes there.
    export(dir.path(), &both)
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("med --format json även hela dokumentet");
    export(dir.path(), &["--format", "xlsx"])
        .assert_status(2)
        .assert_stdout_empty();
}

/// A command line that cannot be carried out is told first, with exit 2, before the plan is
/// read: not after its findings, nor lost behind them when the plan has errors (the plan as
/// printed misprints a heading's 481 600 kr as 481 000).
#[test]
fn a_destination_that_cannot_be_written_is_told_before_the_plans_findings() {
    let dir = tempfile::tempdir().unwrap();
    let printed = repo_root().join("examples/plan-2026-as-printed.toml");
    let printed = printed.to_str().unwrap();
    for (args, told) in [
        (&["--format", "xlsx"][..], "XLSX skrivs bara till en mapp"),
        (&[][..], "en enda --view"),
        (
            &[
                "--format", "json", "--view", "per-area", "--view", "payments",
            ][..],
            "en enda --view",
        ),
    ] {
        let out = allocate(dir.path(), &[&["export", printed][..], args].concat());
        out.assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains(told);
        assert!(!out.stderr.contains("stated-total"), "{}", out.stderr);
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    }
}

/// The 2026 plan's texts that the decision basis prints beside its figures: the conditions
/// (*Villkor för medlen*, seed 001 rad 239–263 and 1298–1303), each area's requirements (seed 001, rad 113,
/// 141, 198) and the note on the 481 600 kr heading (the document prints 481 000).
#[test]
fn json_carries_the_conditions_the_requirements_and_the_notes_on_printed_figures() {
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), &["--format", "json"]);
    out.assert_status(0);
    let value: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let plan = &value["plan"];
    let text = real_plan("plan-2026.toml");
    let conditions = plan["conditions"].as_array().unwrap();
    assert_eq!(conditions.len(), 5);
    assert!(
        conditions[0]
            .as_str()
            .unwrap()
            .starts_with("För respektive aktivitets planering, genomförande och uppföljning")
    );
    assert!(
        conditions[2]
            .as_str()
            .unwrap()
            .starts_with("Eventuella medel som under året bedöms inte kunna nyttjats")
    );
    assert!(conditions[3].as_str().unwrap().starts_with(
        "Omfördelning av medel som fördelats för fortsatt nyttjande i samverkan sker efter \
         överenskommelse mellan Kommunförbundet Jämtland Härjedalen"
    ));
    for condition in conditions {
        let condition = condition.as_str().unwrap();
        assert!(text.contains(&format!("\"{condition}\"")), "{condition}");
    }
    // Each area's requirements: the lead-in and its points (4, 7 and 6 in the seed), the
    // last of each "redovisa arbetet i enlighet med anvisning".
    let areas = plan["areas"].as_array().unwrap();
    let lead_in = "För att få ta del av medlen ska";
    for (area, points) in areas.iter().zip([4, 7, 6]) {
        let requirements = &area["requirements"];
        assert!(
            requirements["text"].as_str().unwrap().starts_with(lead_in),
            "{requirements}"
        );
        let list = requirements["points"].as_array().unwrap();
        assert_eq!(list.len(), points, "area {}", area["number"]);
        assert_eq!(
            list.last().unwrap(),
            "redovisa arbetet i enlighet med anvisning"
        );
    }
    assert_eq!(
        areas[0]["requirements"]["text"],
        "För att få ta del av medlen ska regioner och kommuner gemensamt (länsvis)"
    );
    assert_eq!(
        areas[0]["requirements"]["points"][0],
        "upprätta länsgemensamma handlingsplaner för genomförandet av den nationella strategin"
    );
    // The heading the document prints as 481 000 kr carries the plan's note; no other does.
    let headings = value["per_heading"]["headings"].as_array().unwrap();
    let noted: Vec<&serde_json::Value> = headings.iter().filter(|h| !h["note"].is_null()).collect();
    assert_eq!(noted.len(), 1, "{headings:?}");
    assert_eq!(noted[0]["title"], "Direkt till regionens vårdverksamheter");
    assert_eq!(noted[0]["stated"], 481_600);
    let note = noted[0]["note"].as_str().unwrap();
    assert!(
        note.starts_with("Rättad: det utsända underlaget (4 februari 2026) trycker 481 000 kr"),
        "{note}"
    );
    assert!(text.contains(&format!("note = \"{note}\"")), "{note}");
    // The other printed figures, each with what it covers as the plan writes it.
    let stated = plan["stated"].as_array().unwrap();
    assert_eq!(stated.len(), text.matches("\n[[stated]]").count());
    let area_1 = find(&plan["stated"], "label", "Område 1, tabellens Totalt");
    assert_eq!(
        (&area_1["area"], &area_1["amount"], &area_1["actor"]),
        (&1.into(), &4_000_000.into(), &serde_json::Value::Null)
    );
    let kommuner = find(
        &plan["stated"],
        "label",
        "Totalt direkt fördelat länets kommuner",
    );
    assert_eq!(
        (&kommuner["actor"], &kommuner["amount"]),
        (&"kommunerna".into(), &1_865_000.into())
    );
    let ostersund = find(&plan["stated"], "label", "Östersund, summa");
    assert_eq!(
        (&ostersund["kommun"], &ostersund["amount"]),
        (&"Östersund".into(), &436_000.into())
    );
    for figure in stated {
        assert!(figure["note"].is_null(), "{figure}");
        assert_eq!(figure["areas"], serde_json::json!([]), "{figure}");
        assert_eq!(figure["insatser"], serde_json::json!([]), "{figure}");
    }
    // The document reads back as it was written.
    let document: allocate::output::json::Document = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(serde_json::to_string(&document).unwrap() + "\n", out.stdout);
}

/// A note follows its heading when a filter leaves other headings out (Vuxenpsykiatrin's
/// 100 000 kr sit under two headings of the eight), and it is in the view's own part.
#[test]
fn json_keeps_a_headings_note_with_it_in_a_selection_and_in_the_views_part() {
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), &["--format", "json", "--actor", "vup"]);
    out.assert_status(0);
    let value: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let headings = value["per_heading"]["headings"].as_array().unwrap();
    let titles: Vec<&str> = headings
        .iter()
        .map(|h| h["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Region Jämtland Härjedalen",
            "Direkt till regionens vårdverksamheter"
        ]
    );
    assert!(headings[0]["note"].is_null());
    assert!(
        headings[1]["note"]
            .as_str()
            .unwrap()
            .contains("summerar till 481 600 kr")
    );
    let view = export(dir.path(), &["--format", "json", "--view", "rubriker"]);
    view.assert_status(0);
    let part: serde_json::Value = serde_json::from_str(&view.stdout).unwrap();
    let heading = find(
        &part["headings"],
        "title",
        "Direkt till regionens vårdverksamheter",
    );
    assert!(
        heading["note"]
            .as_str()
            .unwrap()
            .starts_with("Rättad: det utsända underlaget (4 februari 2026) trycker 481 000 kr")
    );
}

/// A `[[stated]]` figure with a note, and one that names several areas and insatser: the
/// note and what it covers as the plan writes them.
#[test]
fn json_gives_a_stated_figures_note_and_what_it_covers() {
    let p = PlanDir::from_real("plan-2026.toml")
        .edit(
            "amount = 436_000",
            "amount = 436_000\nnote = \"Summan står under kolumnen.\"",
        )
        .edit(
            "[[stated]]\nlabel = \"Område 1, tabellens Totalt\"",
            "[[stated]]\nlabel = \"Barnsäkert och Berg\"\nareas = [1, 2]\n\
             insatser = [\"1.3\", \"2.5\"]\nkommun = \"Berg\"\namount = 96_200\n\n\
             [[stated]]\nlabel = \"Område 1, tabellens Totalt\"",
        );
    std::fs::write(p.dir.path().join("plan.toml"), &p.text).unwrap();
    let out = allocate(p.dir.path(), &["export", "plan.toml", "--format", "json"]);
    out.assert_status(0);
    let value: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let stated = &value["plan"]["stated"];
    let ostersund = find(stated, "label", "Östersund, summa");
    assert_eq!(ostersund["note"], "Summan står under kolumnen.");
    // Berg's 21 200 kr of 1.3 and 75 000 kr of 2.5 (seed 001), as the plan writes the filters.
    let berg = find(stated, "label", "Barnsäkert och Berg");
    assert_eq!(
        berg,
        &serde_json::json!({
            "label": "Barnsäkert och Berg",
            "area": null,
            "areas": [1, 2],
            "actor": null,
            "kommun": "Berg",
            "insatser": ["1.3", "2.5"],
            "heading": null,
            "amount": 96_200,
            "note": null,
        })
    );
}

/// A plan without conditions, requirements or printed figures has an empty list of each,
/// requirements `null`, and no summary per heading.
#[test]
fn json_of_a_plan_without_conditions_has_empty_lists() {
    let dir = tempfile::tempdir().unwrap();
    let plan = repo_root().join("examples/mini-maria-2025.toml");
    let out = allocate(
        dir.path(),
        &["export", plan.to_str().unwrap(), "--format", "json"],
    );
    out.assert_status(0);
    let value: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(value["plan"]["conditions"], serde_json::json!([]));
    assert_eq!(value["plan"]["stated"], serde_json::json!([]));
    for area in value["plan"]["areas"].as_array().unwrap() {
        assert!(area["requirements"].is_null(), "{area}");
    }
    assert!(value["per_heading"].is_null());
}

/// The 2025 plan's one condition (seed 003, rad 649–651): money not invoiced by 2025-08-30
/// is repaid.
#[test]
fn json_of_2025_carries_its_condition() {
    let dir = tempfile::tempdir().unwrap();
    let plan = repo_root().join("allocations/plan-2025.toml");
    let out = allocate(
        dir.path(),
        &["export", plan.to_str().unwrap(), "--format", "json"],
    );
    out.assert_status(0);
    let value: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let conditions = value["plan"]["conditions"].as_array().unwrap();
    assert_eq!(conditions.len(), 1);
    assert!(
        conditions[0]
            .as_str()
            .unwrap()
            .starts_with("Medel som inte fakturerats enligt beslut 2025-08-30")
    );
}

#[test]
fn a_view_named_twice_is_exported_once() {
    use calamine::{Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let twice = [
        "--view",
        "per-kommun",
        "--view",
        "fakturor",
        "--view",
        "per-kommun",
    ];
    for format in ["csv", "json"] {
        export(
            dir.path(),
            &[&["--out", format, "--format", format], &twice[..]].concat(),
        )
        .assert_status(0);
        assert_eq!(
            names_in(&dir.path().join(format)),
            [format!("fakturor.{format}"), format!("per-kommun.{format}")]
        );
    }
    export(
        dir.path(),
        &[&["--out", "xlsx", "--format", "xlsx"], &twice[..]].concat(),
    )
    .assert_status(0)
    .assert_stderr_contains("allocate-2026-per-kommun-fakturor.xlsx");
    let book: Xlsx<_> = open_workbook(
        dir.path()
            .join("xlsx/allocate-2026-per-kommun-fakturor.xlsx"),
    )
    .unwrap();
    assert_eq!(book.sheet_names(), ["per-kommun", "fakturor"]);
    // One view named twice still goes to standard output.
    export(
        dir.path(),
        &["--view", "per-kommun", "--view", "per-kommun"],
    )
    .assert_status(0)
    .assert_stdout_contains("\"=\"\"2380\"\"\";Östersund;196000;140000;100000;436000\r\n");
}

#[test]
fn formula_like_text_is_neutralised_in_csv() {
    let p = PlanDir::from_real("plan-2026.toml").edit(
        "Länssamordning psykisk hälsa och suicidprevention Kommunförbundet",
        "=HYPERLINK(\\\"http://example.invalid\\\") Kommunförbundet",
    );
    std::fs::write(p.dir.path().join("plan.toml"), &p.text).unwrap();
    let out = allocate(p.dir.path(), &["export", "plan.toml", "--view", "per-area"]);
    out.assert_status(0)
        .assert_stdout_contains(";1.1;\"'=HYPERLINK(\"\"http://example.invalid\"\")");
    // For a program, the text as the plan writes it.
    allocate(
        p.dir.path(),
        &[
            "export",
            "plan.toml",
            "--view",
            "per-area",
            "--csv",
            "rfc4180",
        ],
    )
    .assert_status(0)
    .assert_stdout_contains(",1.1,\"=HYPERLINK(\"\"http://example.invalid\"\")");
    // Amounts stay numbers, negative or not.
    let out = allocate(
        p.dir.path(),
        &["export", "plan.toml", "--view", "betalningar"],
    );
    out.assert_status(0)
        .assert_stdout_contains(";1350000;faktura;");
}

#[test]
fn a_part_of_nothing_is_no_payment_row() {
    // Berg's part of 2.3 is 0 kr: no row for it, and the rest still sums to the insats.
    let dir = tempfile::tempdir().unwrap();
    let plan = std::fs::read_to_string(repo_root().join("tests/corpus/base.toml"))
        .unwrap()
        .replacen(
            "each = 75_000\nexcept = { \"Östersund\" = 140_000 }",
            "each = 75_000\nexcept = { \"Östersund\" = 140_000, Ragunda = 150_000, Berg = 0 }",
            1,
        );
    std::fs::write(dir.path().join("plan.toml"), plan).unwrap();
    let out = allocate(
        dir.path(),
        &["export", "plan.toml", "--view", "betalningar"],
    );
    out.assert_status(0);
    let rows: Vec<&str> = out.stdout.lines().filter(|l| l.contains(";2.3;")).collect();
    assert_eq!(rows.len(), 7, "{rows:#?}");
    assert!(rows.iter().all(|r| !r.starts_with("Berg;")), "{rows:#?}");
}

#[test]
fn an_existing_file_is_not_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("per-kommun.csv"), "my own notes").unwrap();
    export(dir.path(), &["--out", "."])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("./per-kommun.csv finns redan. Inget skrevs. Ange --force");
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

/// `--force` replaces the whole set of files or none of them: a file that cannot be moved
/// (another user's file in a shared folder with the sticky bit, as a file held open on a
/// network share) stops the write before any file is replaced, and the files set aside are
/// put back (tester s29: `betalningar.csv` was new, `per-kommun.csv` old, and the message said
/// nothing was left). A replaced file keeps its group as well as its mode. Only as root, who
/// can make another user's file, and run the command as `nobody` (`setpriv`).
#[test]
fn force_replaces_every_file_or_none_and_keeps_each_files_group() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let root = runs_as_root(dir.path());
    if !root {
        return;
    }
    // Its group and mode kept (root may give any group; 660 shared with the group).
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let mine = shared.join("per-kommun.csv");
    std::fs::write(&mine, "old").unwrap();
    std::os::unix::fs::chown(&mine, None, Some(1234)).unwrap();
    std::fs::set_permissions(&mine, std::fs::Permissions::from_mode(0o660)).unwrap();
    export(&shared, &["--view", "per-kommun", "-o", ".", "--force"]).assert_status(0);
    let meta = std::fs::metadata(&mine).unwrap();
    assert_eq!((meta.gid(), meta.mode() & 0o7777), (1234, 0o660));
    assert!(
        std::fs::read_to_string(&mine)
            .unwrap()
            .contains("Östersund")
    );
    // A folder everyone may write in, with the sticky bit: nobody may replace its own file,
    // not root's.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let sticky = dir.path().join("sticky");
    std::fs::create_dir(&sticky).unwrap();
    std::fs::set_permissions(&sticky, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let theirs = sticky.join("betalningar.csv");
    std::fs::write(&theirs, "OLD-NOBODY").unwrap();
    std::os::unix::fs::chown(&theirs, Some(65534), Some(65534)).unwrap();
    let roots = sticky.join("per-kommun.csv");
    std::fs::write(&roots, "OLD-ROOT").unwrap();
    std::fs::set_permissions(&roots, std::fs::Permissions::from_mode(0o666)).unwrap();
    let plan = repo_root().join("allocations/plan-2026.toml");
    let out = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_allocate"))
        .args(["export", plan.to_str().unwrap(), "-o", ".", "--force"])
        .current_dir(&sticky)
        .env_remove("ALLOCATE_LANG")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("kunde inte skriva ./per-kommun.csv: åtkomst nekad; kontrollera behörigheterna, eller skriv till en mapp där du får skriva. Inget lämnades kvar."),
        "{stderr}"
    );
    assert_eq!(names_in(&sticky), ["betalningar.csv", "per-kommun.csv"]);
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "OLD-NOBODY");
    assert_eq!(std::fs::read_to_string(&roots).unwrap(), "OLD-ROOT");
}

/// Whether the tests run as root and can run a command as `nobody`, the folder `dir` opened to
/// it: as root, permissions do not hold for the tests' own process.
fn runs_as_root(dir: &std::path::Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = dir.join(".probe");
    std::fs::write(&probe, "").unwrap();
    let root = std::fs::metadata(&probe).unwrap().uid() == 0;
    std::fs::remove_file(&probe).unwrap();
    root && std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn a_file_the_command_reads_is_never_replaced_not_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let plan = std::fs::read(repo_root().join("allocations/plan-2026.toml")).unwrap();
    // A Markdown document may be named `.txt`, so a plan so named is one a document could be
    // written over (`.toml` is refused as the wrong ending before that).
    std::fs::write(dir.path().join("plan.txt"), &plan).unwrap();
    std::fs::create_dir(dir.path().join("ut")).unwrap();
    std::fs::write(dir.path().join("ut/allocate-2026.json"), &plan).unwrap();
    let again = |args: &[&str], path: &str| {
        allocate(dir.path(), args)
            .assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains(&format!(
                "kan inte skriva {path}: kommandot läser den filen, och den ersätts aldrig, inte ens med --force. Inget skrevs."
            ));
    };
    // The plan as the document, spelled another way, or through a link; the plan read from
    // the folder the export goes to.
    again(
        &[
            "report",
            "plan.txt",
            "--format",
            "md",
            "-o",
            "./plan.txt",
            "--force",
        ],
        "./plan.txt",
    );
    std::os::unix::fs::symlink("plan.txt", dir.path().join("link.toml")).unwrap();
    again(
        &[
            "report",
            "link.toml",
            "--format",
            "md",
            "-o",
            "plan.txt",
            "--force",
        ],
        "plan.txt",
    );
    again(
        &[
            "export",
            "ut/allocate-2026.json",
            "--format",
            "json",
            "-o",
            "ut",
            "--force",
        ],
        "ut/allocate-2026.json",
    );
    assert_eq!(std::fs::read(dir.path().join("plan.txt")).unwrap(), plan);
    assert_eq!(
        std::fs::read(dir.path().join("ut/allocate-2026.json")).unwrap(),
        plan
    );
}

/// A document is written as its file's name asks when no `--format` is given, and a name that
/// ends as another kind of file than what is written is refused before anything is (tester
/// s36: `--format html -o beslut.docx` wrote HTML that Word called damaged; `follow-up -o
/// sammanstallning.docx` was told to give a folder).
#[test]
fn a_files_ending_asks_for_its_document_and_never_holds_another_kind() {
    let dir = tempfile::tempdir().unwrap();
    let plan = repo_root().join("allocations/plan-2026.toml");
    let plan = plan.to_str().unwrap();
    allocate(dir.path(), &["report", plan, "-o", "beslut.docx"]).assert_status(0);
    let docx = std::fs::read(dir.path().join("beslut.docx")).unwrap();
    assert!(docx.starts_with(b"PK"), "not a zip");
    allocate(dir.path(), &["report", plan, "-o", "beslut.HTM"]).assert_status(0);
    let html = std::fs::read_to_string(dir.path().join("beslut.HTM")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..40]);

    let refused = |args: &[&str], message: &str| {
        allocate(dir.path(), args)
            .assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains(message);
    };
    refused(
        &["report", plan, "--format", "html", "-o", "r.docx"],
        "fel: r.docx slutar på .docx, men det som skrivs är HTML. Inget skrevs. Byt namn till r.html, eller ange --format docx.",
    );
    refused(
        &[
            "report", plan, "--format", "docx", "-o", "r.md", "--lang", "en",
        ],
        "error: r.md ends in .md, but what is written is a Word document (DOCX). Nothing was written. Rename it r.docx, or give --format md.",
    );
    refused(
        &["init", "--from", plan, "-o", "plan-2027.csv"],
        "fel: plan-2027.csv slutar på .csv, men det som skrivs är en plan i TOML. Inget skrevs. Byt namn till plan-2027.toml.",
    );
    // As Windows reads a name (its dots at the end dropped, `.docx` a name with an ending),
    // Word's and XHTML's other endings are other kinds, and the name suggested drops the
    // wrong ending rather than adding another (tester s37).
    refused(
        &["report", plan, "--format", "html", "-o", "x.docx."],
        "fel: x.docx. slutar på .docx, men det som skrivs är HTML. Inget skrevs. Byt namn till x.html, eller ange --format docx.",
    );
    refused(
        &["report", plan, "--format", "html", "-o", ".docx"],
        "fel: .docx slutar på .docx",
    );
    for name in ["x.docm", "x.dotx", "x.xhtml"] {
        refused(
            &["report", plan, "--format", "html", "-o", name],
            "men det som skrivs är HTML. Inget skrevs. Byt namn till x.html.",
        );
    }
    refused(
        &["report", plan, "--format", "html", "-o", "b.html.docx"],
        "Byt namn till b.html, eller ange --format docx.",
    );
    refused(
        &["init", "--from", plan, "-o", "p.toml.docx"],
        "Byt namn till p.toml.",
    );
    for name in [
        "r.docx",
        "r.md",
        "plan-2027.csv",
        "plan-2027.toml",
        "x.docx.",
        ".docx",
        "x.docm",
        "x.dotx",
        "x.xhtml",
        "b.html.docx",
        "p.toml.docx",
    ] {
        assert!(!dir.path().join(name).exists(), "{name} written");
    }

    // The year's summary as Word, by its name.
    let forms = repo_root().join("examples/follow-up-2026");
    let mut args = vec!["follow-up".to_string(), plan.to_string()];
    for entry in std::fs::read_dir(&forms).unwrap() {
        args.push(entry.unwrap().path().to_str().unwrap().to_string());
    }
    let with = |extra: &[&str]| {
        let mut all: Vec<&str> = args.iter().map(String::as_str).collect();
        all.extend_from_slice(extra);
        allocate(dir.path(), &all)
    };
    with(&["-o", "sammanstallning.docx"]).assert_status(0);
    let docx = std::fs::read(dir.path().join("sammanstallning.docx")).unwrap();
    assert!(docx.starts_with(b"PK"), "not a zip");
    with(&["--format", "md", "-o", "s.docx"])
        .assert_status(2)
        .assert_stderr_contains(
            "fel: s.docx slutar på .docx, men det som skrivs är Markdown. Inget skrevs. Byt namn till s.md, eller ange --format docx.",
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
            .all(|l| l.starts_with("Östersund;kommun;\"=\"\"2380\"\"\";"))
    );
    // A kommun as the tables write it, name and code, is the same filter; a name and a code
    // of two kommuner is none.
    let same = export(
        dir.path(),
        &["--view", "betalningar", "--kommun", "Östersund (2380)"],
    );
    assert_eq!(same.stdout, out.stdout);
    let plan = repo_root().join("allocations/plan-2026.toml");
    allocate(
        dir.path(),
        &[
            "export",
            plan.to_str().unwrap(),
            "--view",
            "betalningar",
            "--kommun",
            "Östersund (2326)",
        ],
    )
    .assert_status(2)
    .assert_stderr_contains(
        "fel: `Östersund (2326)` nämner två kommuner: namnet är Östersund (2380) och \
         koden är Berg (2326). Ange den ena av dem.",
    );
}

/// The sums every amount column of every CSV file must come to on the 2026 plan, from the
/// decision document: column header → sum, per file.
const COLUMN_SUMS: &[(&str, &[(&str, i64)])] = &[
    ("betalningar.csv", &[("Belopp", 12_689_898)]),
    (
        "per-kommun.csv",
        // Participation 400 000, Barnsäkert 665 000, bereavement support 800 000.
        &[
            ("1.3", 400_000),
            ("2.5", 665_000),
            ("3.4", 800_000),
            ("Totalt", 1_865_000),
        ],
    ),
    (
        "per-aktor.csv",
        &[
            ("Område 1", 4_000_000),
            ("Område 2", 2_501_626),
            ("Område 3", 6_188_272),
            ("Belopp", 12_689_898),
        ],
    ),
    ("per-rubrik.csv", &[("Belopp", 12_689_898)]),
    ("per-omrade.csv", &[("Belopp", 12_689_898)]),
    // KFJH 2 127 436 + the kommuner 1 865 000 + Fontänhus 250 000.
    ("fakturor.csv", &[("Belopp", 4_242_436)]),
];

/// Columns that hold numbers but no money: summing them means nothing, so no sum is claimed.
const NOT_AMOUNTS: &[&str] = &["Kommunkod", "Område", "Referenskod", "Antal insatser"];

#[test]
fn every_amount_column_of_every_csv_file_sums_to_a_figure_of_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), &["--output", "ut"]).assert_status(0);
    for (file, sums) in COLUMN_SUMS {
        let (headers, rows) = read_excel_csv(&dir.path().join("ut").join(file));
        // Every column whose cells are all numbers is an amount column, and has its sum here.
        for (i, header) in headers.iter().enumerate() {
            let numeric = rows
                .iter()
                .all(|r| r[i].is_empty() || r[i].parse::<i64>().is_ok());
            if !numeric || NOT_AMOUNTS.contains(&header.as_str()) {
                continue;
            }
            let expected = sums
                .iter()
                .find(|(h, _)| h == header)
                .unwrap_or_else(|| panic!("{file}: amount column {header} has no known sum"))
                .1;
            assert_eq!(
                column_sum(&headers, &rows, header),
                expected,
                "{file} {header}"
            );
        }
    }
    // A figure printed once for a group of rows (a heading's stated total) is never repeated
    // on each row: no column of per-rubrik.csv holds it.
    let (headers, _) = read_excel_csv(&dir.path().join("ut/per-rubrik.csv"));
    assert_eq!(
        headers,
        [
            "Rubrik",
            "Underrubrik",
            "Insats",
            "Område",
            "Beskrivning",
            "Belopp"
        ]
    );
}

#[test]
fn totalt_means_the_same_figure_on_screen_and_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let plan = repo_root().join("allocations/plan-2026.toml");
    // On the screen the region's "Totalt" includes its units.
    allocate(
        dir.path(),
        &["report", plan.to_str().unwrap(), "--view", "per-actor"],
    )
    .assert_status(0)
    .assert_row(&[
        "Region Jämtland Härjedalen",
        "2 250 000",
        "1 336 626",
        "4 860 836",
        "8 447 462",
    ]);
    // In the file its row is its own money, and the column says so.
    let out = export(dir.path(), &["--view", "per-actor"]);
    out.assert_status(0);
    let header = out.stdout.lines().next().unwrap();
    assert_eq!(
        header,
        "\u{feff}Mottagare;Ingår i;Område 1;Område 2;Område 3;Belopp"
    );
    out.assert_stdout_contains(
        "Region Jämtland Härjedalen (förvaltas för fortsatt fördelning);Region Jämtland Härjedalen;500000;455026;3250000;4205026\r\n",
    );
    assert!(!out.stdout.contains("Totalt"), "{}", out.stdout);
}

#[test]
fn machine_csv_has_the_same_headers_and_values_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    for view in [
        "payments",
        "per-kommun",
        "per-actor",
        "per-heading",
        "per-area",
        "invoices",
    ] {
        let sv = export(dir.path(), &["--view", view, "--csv", "rfc4180"]);
        let en = export(
            dir.path(),
            &["--view", view, "--csv", "rfc4180", "--lang", "en"],
        );
        sv.assert_status(0);
        assert_eq!(sv.stdout, en.stdout, "{view}");
    }
    let out = export(dir.path(), &["--view", "payments", "--csv", "rfc4180"]);
    assert!(out.stdout.starts_with(
        "recipient,recipient_kind,kommunkod,area,insats,amount,payment,reference\r\n"
    ));
    out.assert_stdout_contains("Östersund,kommun,2380,1,1.3,")
        .assert_stdout_contains(",1350000,invoice,400105\r\n");
    assert!(out.stdout.contains(",region-unit,"));
    assert!(out.stdout.contains(",internal,"));
    assert!(!out.stdout.contains("faktura"), "no Swedish values");
    let out = export(dir.path(), &["--view", "per-actor", "--csv", "rfc4180"]);
    assert!(
        out.stdout
            .starts_with("recipient,group,area_1,area_2,area_3,own_total\r\n")
    );
    // The Excel dialect keeps translated headers.
    let out = export(dir.path(), &["--view", "payments", "--lang", "en"]);
    assert!(out.stdout.starts_with("\u{feff}Recipient;Recipient kind;"));
    out.assert_stdout_contains(";invoice;");
    // Every kind in English, the kommunförbund too (tester s27 CI #9).
    out.assert_stdout_contains("\r\nKommunförbundet Jämtland Härjedalen;association of kommuner;;");
    assert!(!out.stdout.contains(";kommunförbund;"), "{}", out.stdout);
    export(dir.path(), &["--view", "payments"])
        .assert_stdout_contains("\r\nKommunförbundet Jämtland Härjedalen;kommunförbund;;");
}

#[test]
fn kommunkoder_with_a_leading_zero_stay_codes_in_excel_csv() {
    // A code that starts with 0 (Stockholms län, 01..): Ragunda given code 0114, in a plan
    // whose `county` names no län (else 0114 is a kommun of another län, `kommun-county`).
    let plan = PlanDir::from_real("plan-2026.toml");
    let text = plan
        .text
        .replace("\"2303\"", "\"0114\"")
        .replace("county = \"Jämtlands län\"", "county = \"Provlänet\"");
    std::fs::write(plan.dir.path().join("plan.toml"), &text).unwrap();
    let dir = plan.dir.path();
    let excel = allocate(dir, &["export", "plan.toml", "--view", "per-kommun"]);
    excel
        .assert_status(0)
        .assert_stdout_contains("\r\n\"=\"\"0114\"\"\";Ragunda;15600;75000;100000;190600\r\n")
        // Codes without a leading zero are texts too, as in the workbook.
        .assert_stdout_contains("\r\n\"=\"\"2305\"\"\";Bräcke;");
    let machine = allocate(
        dir,
        &[
            "export",
            "plan.toml",
            "--view",
            "per-kommun",
            "--csv",
            "rfc4180",
        ],
    );
    machine.assert_stdout_contains("\r\n0114,Ragunda,15600,");
    // In XLSX the code is a text cell.
    allocate(
        dir,
        &["export", "plan.toml", "--output", "ut", "--format", "xlsx"],
    )
    .assert_status(0);
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(dir.join("ut/allocate-2026.xlsx")).unwrap();
    let range = book.worksheet_range("per-kommun").unwrap();
    assert_eq!(range.rows().nth(1).unwrap()[0], Data::String("0114".into()));
}

/// One file of an XLSX workbook (a zip archive) as text.
fn xlsx_part(path: &std::path::Path, name: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// `<col min=.. max=.. width=..>` of a sheet's XML: the width of each column (1-based).
fn column_widths(xml: &str) -> std::collections::BTreeMap<u32, f64> {
    let mut widths = std::collections::BTreeMap::new();
    for col in xml.split("<col ").skip(1) {
        let attr = |name: &str| -> String {
            let start = col.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            col[start..].split('"').next().unwrap().to_string()
        };
        let (min, max): (u32, u32) = (attr("min").parse().unwrap(), attr("max").parse().unwrap());
        let width: f64 = attr("width").parse().unwrap();
        for c in min..=max {
            widths.insert(c, width);
        }
    }
    widths
}

#[test]
fn xlsx_columns_fit_the_displayed_amounts_and_print_on_landscape_pages() {
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), &["-o", ".", "--format", "xlsx"]).assert_status(0);
    let path = dir.path().join("allocate-2026.xlsx");
    // Sheet 2 is per-kommun: Kommunkod, Kommun, 1.3, 2.5, 3.4, Totalt. Its widest amount is
    // the total row's "1 865 000 kr" (12 characters, bold); a digit is one unit of width.
    let xml = xlsx_part(&path, "xl/worksheets/sheet2.xml");
    let widths = column_widths(&xml);
    assert!(widths[&6] >= 13.0, "Totalt column {widths:?}");
    for c in 3..=5 {
        // "400 000 kr", "665 000 kr", "800 000 kr" in the total row.
        assert!(widths[&c] >= 11.0, "column {c}: {widths:?}");
    }
    // Sheet 1 is payments: its amount column holds "1 350 000 kr" and the total
    // "12 689 898 kr"; its description column is capped and wrapped.
    let xml = xlsx_part(&path, "xl/worksheets/sheet1.xml");
    let widths = column_widths(&xml);
    assert!(widths[&7] >= 14.0, "Belopp column {widths:?}");
    assert!(widths[&6] <= 65.0, "Beskrivning column {widths:?}");
    for n in 1..=6 {
        let xml = xlsx_part(&path, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(xml.contains("orientation=\"landscape\""), "sheet {n}");
        assert!(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"), "sheet {n}");
        assert!(xml.contains("fitToHeight=\"0\""), "sheet {n}");
        assert!(xml.contains("<autoFilter ref=\"A1:"), "sheet {n}");
    }
    // The autofilter covers the header and the data rows, not the total row.
    let xml = xlsx_part(&path, "xl/worksheets/sheet2.xml");
    assert!(xml.contains("<autoFilter ref=\"A1:F9\"/>"), "{xml}");
    // The header row is repeated on every printed page.
    let workbook = xlsx_part(&path, "xl/workbook.xml");
    assert!(
        workbook.contains("_xlnm.Print_Titles\" localSheetId=\"1\">'per-kommun'!$1:$1<"),
        "{workbook}"
    );
    // Long texts wrap: a style with wrapText exists and is used.
    let styles = xlsx_part(&path, "xl/styles.xml");
    assert!(styles.contains("wrapText=\"1\""), "{styles}");
}

#[test]
fn out_is_still_accepted_for_output() {
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), &["--out", "a", "--view", "per-kommun"]).assert_status(0);
    export(dir.path(), &["--output", "b", "--view", "per-kommun"]).assert_status(0);
    export(dir.path(), &["-o", "c", "--view", "per-kommun"]).assert_status(0);
    for d in ["a", "b", "c"] {
        assert!(dir.path().join(d).join("per-kommun.csv").is_file(), "{d}");
    }
    let plan = repo_root().join("allocations/plan-2026.toml");
    let help = allocate(dir.path(), &["export", "--help"]);
    // The old name is not listed as an option of its own, only named in the help's text.
    help.assert_stdout_contains("--output <MAPP>")
        .assert_stdout_contains("(--out är ett äldre namn på flaggan.)");
    assert!(!help.stdout.contains("[alias"), "{}", help.stdout);
    assert!(!help.stdout.contains("--out <"), "{}", help.stdout);
    let _ = plan;
}

#[cfg(unix)]
#[test]
fn a_file_size_limit_is_reported_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let plan = repo_root().join("allocations/plan-2026.toml");
    // `ulimit -f 1`: files of at most one block (512 or 1024 bytes); betalningar.csv is
    // larger, and so is the JSON, which is written as it is serialised.
    for (format, file) in [("csv", "betalningar.csv"), ("json", "allocate-2026.json")] {
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!(
                "ulimit -f 1; exec '{}' export '{}' --output ut --format {format}",
                env!("CARGO_BIN_EXE_allocate"),
                plan.display()
            ))
            .current_dir(dir.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(2),
            "not killed by SIGXFSZ: {stderr}"
        );
        assert!(
            stderr.contains(&format!("kunde inte skriva ut/{file}: filen blir större än vad som är tillåtet (ulimit -f). Inget lämnades kvar.")),
            "{stderr}"
        );
        // The folder the export made is taken away again.
        assert!(!dir.path().join("ut").exists(), "the folder is left behind");
    }
    // A folder that was there stays, as it was.
    std::fs::create_dir_all(dir.path().join("ut/a")).unwrap();
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "ulimit -f 1; exec '{}' export '{}' --output ut/a/b/c --format csv",
            env!("CARGO_BIN_EXE_allocate"),
            plan.display()
        ))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let left: Vec<_> = std::fs::read_dir(dir.path().join("ut/a"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn xlsx_failures_are_worded_in_swedish_and_point_to_csv() {
    use allocate::app::error::Error;
    use allocate::output::diagnostic::Style;
    use allocate::output::lang::Lang;
    use allocate::output::xlsx::XlsxFailure;
    let sv = Style {
        lang: Lang::Sv,
        color: false,
    };
    let wide = Error::Xlsx(XlsxFailure::TooManyColumns {
        sheet: "per-kommun".into(),
        columns: 20_000,
    });
    assert_eq!(
        wide.render(sv),
        "fel: XLSX kan inte skrivas: bladet per-kommun skulle få 20 000 kolumner och Excel rymmer 16 384. Exportera som CSV i stället (--format csv), eller begränsa med --view, --area, --actor eller --kommun.\n"
    );
    assert_eq!(wide.status() as i32, 2);
    let limit = Error::Xlsx(XlsxFailure::Library(
        rust_xlsxwriter::XlsxError::RowColumnLimitError,
    ));
    assert!(
        limit.render(sv).contains(
            "fler rader eller kolumner än Excel rymmer. Exportera som CSV i stället (--format csv)"
        ),
        "{}",
        limit.render(sv)
    );
}

/// Without `decision_date` the exported invoices say the date is missing, for people; the
/// machine dialect keeps the decision as the plan gives it.
#[test]
fn a_missing_decision_date_is_said_in_the_exported_invoices() {
    let plan = PlanDir::from_real("plan-2026.toml").edit(
        "decision_date = 2026-02-27          # SVOM:s sammanträde enligt kallelsen (seed 000)\n",
        "",
    );
    std::fs::write(plan.dir.path().join("plan.toml"), &plan.text).unwrap();
    let export = |dialect: &str| {
        let out = allocate(
            plan.dir.path(),
            &[
                "export",
                "plan.toml",
                "--view",
                "invoices",
                "--csv",
                dialect,
            ],
        );
        assert_eq!(out.status, 0, "{}", out.stderr);
        out.stdout
    };
    let people = export("excel");
    assert!(
        people.contains("[beslutsdatum saknas – ange decision_date under [plan]]"),
        "{people}"
    );
    let machines = export("rfc4180");
    assert!(!machines.contains("saknas"));
    assert!(machines.contains("SVOM: Strategiska insatser"));
}

#[test]
fn a_dash_as_output_is_standard_output_and_never_a_folder_named_dash() {
    let dir = tempfile::tempdir().unwrap();
    let plan = repo_root().join("allocations/plan-2026.toml");
    let plan = plan.to_str().unwrap();
    let run = |args: &[&str]| allocate(dir.path(), args);
    // Export and documents: `-o -` writes what no `-o` writes.
    for args in [
        vec!["export", plan, "--view", "per-kommun"],
        vec!["export", plan, "--view", "payments", "--format", "json"],
        vec!["report", plan, "--format", "md"],
        vec!["report", plan],
    ] {
        let plain = run(&args);
        plain.assert_status(0);
        let dashed = run(&[args.as_slice(), &["-o", "-"]].concat());
        dashed.assert_status(0).assert_stderr_empty();
        assert_eq!(dashed.stdout, plain.stdout, "{args:?}");
    }
    // The seed's row for Östersund, 436 000 kr in all.
    run(&["export", plan, "--view", "per-kommun", "-o", "-"])
        .assert_stdout_contains("\"=\"\"2380\"\"\";Östersund;196000;140000;100000;436000\r\n");
    // What must be files in a folder says so.
    run(&["report", plan, "--per-recipient", "-o", "-"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("fördelningsbeskeden skrivs som filer i en mapp");
    run(&["follow-up", plan, "--forms", "-o", "-"])
        .assert_status(2)
        .assert_stdout_empty();
    run(&["export", plan, "-o", "-"])
        .assert_status(2)
        .assert_stdout_empty();
    assert!(!dir.path().join("-").exists());
}

/// `-o ut/` names a folder: a command that writes one file (a document, next year's plan, a
/// follow-up summary) refuses it rather than write a file named `ut`.
#[test]
fn a_file_to_be_written_where_the_path_names_a_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let plan = repo_root().join("allocations/plan-2026.toml");
    let plan = plan.to_str().unwrap();
    for args in [
        &["report", plan, "--format", "html", "-o", "ut/"][..],
        &["init", "--from", plan, "-o", "ut/"],
    ] {
        allocate(dir.path(), args)
            .assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains(
                "ut/ slutar med / och är alltså en mapp, men här är --output en fil. Inget skrevs.",
            );
        assert!(!dir.path().join("ut").exists(), "{args:?}");
    }
}

/// `-o summa.xlsx` is meant as a file: a folder of that name with CSV files in it is not what
/// was asked for. A folder that already exists under such a name is the user's own choice.
#[test]
fn a_folder_to_be_made_that_is_named_like_a_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let plan = repo_root().join("allocations/plan-2026.toml");
    let plan = plan.to_str().unwrap();
    let run = |args: &[&str]| allocate(dir.path(), args);
    run(&["export", plan, "-o", "summa.xlsx"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains(
            "summa.xlsx ser ut som ett filnamn, men här är --output en mapp som filerna skrivs i. Inget skrevs. Ange en mapp, till exempel -o summa, med --format xlsx för arbetsböcker.",
        );
    run(&["export", plan, "-o", "UT.JSON", "--format", "json", "--lang", "en"])
        .assert_status(2)
        .assert_stderr_contains("UT.JSON looks like a file name, but here --output is a folder the files are written into. Nothing was written. Give a folder, for example -o UT.");
    // What writes without a plan names the first file.
    run(&["generate", "-o", "plan.toml", "--insatser", "3"])
        .assert_status(2)
        .assert_stderr_contains("plan.toml ser ut som ett filnamn, men här är --output en mapp som filerna skrivs i (plan.toml/plan.toml …).");
    run(&["report", plan, "--per-recipient", "-o", "besked.html"])
        .assert_status(2)
        .assert_stderr_contains("Ange en mapp, till exempel -o besked.");
    run(&["follow-up", plan, "--forms", "-o", "blanketter.csv"])
        .assert_status(2)
        .assert_stderr_contains("blanketter.csv ser ut som ett filnamn");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    // A file named by the user goes into the folder named, whatever its name (tester s37:
    // `report -o mapp.docx/beslut.md` was told --output is a folder).
    run(&["report", plan, "-o", "mapp.docx/beslut.md"]).assert_status(0);
    assert!(dir.path().join("mapp.docx/beslut.md").is_file());
    std::fs::remove_dir_all(dir.path().join("mapp.docx")).unwrap();
    // Made by the user beforehand, the folder is used; so is a name that is no file ending.
    std::fs::create_dir(dir.path().join("ut.json")).unwrap();
    run(&["export", plan, "-o", "ut.json", "--format", "json"]).assert_status(0);
    assert!(dir.path().join("ut.json/allocate-2026.json").is_file());
    run(&["export", plan, "-o", "ekonomi.2026"]).assert_status(0);
    assert!(dir.path().join("ekonomi.2026/betalningar.csv").is_file());
}

/// An `-o` named like a file where a folder is needed is a fault of the command line: told
/// first, with exit 2, before the plan or the forms are read, not after their findings (which
/// once took the user a second run: the plan's errors came first, exit 1, without a word
/// about `-o`).
#[test]
fn a_folder_named_like_a_file_is_refused_before_the_plan_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = repo_root();
    let printed = root.join("examples/plan-2026-as-printed.toml");
    let printed = printed.to_str().unwrap();
    let plan = root.join("allocations/plan-2026.toml");
    let plan = plan.to_str().unwrap();
    let forms: Vec<String> = std::fs::read_dir(root.join("examples/follow-up-2026-fel"))
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_string())
        .collect();
    assert!(!forms.is_empty());
    let mut follow_up = vec!["follow-up", plan];
    follow_up.extend(forms.iter().map(String::as_str));
    follow_up.extend(["-o", "fu.json", "--format", "json"]);
    let cases: [(&[&str], &str); 6] = [
        (&follow_up, "fu.json"),
        (&["export", printed, "-o", "summa.xlsx"], "summa.xlsx"),
        (
            &["report", printed, "--per-recipient", "-o", "brev.html"],
            "brev.html",
        ),
        (
            &["follow-up", printed, "--forms", "-o", "blanketter.csv"],
            "blanketter.csv",
        ),
        // Nor is a plan that cannot be read read first.
        (&["export", "saknas.toml", "-o", "ut.csv"], "ut.csv"),
        (
            &[
                "report",
                "saknas.toml",
                "--per-recipient",
                "-o",
                "brev.docx",
            ],
            "brev.docx",
        ),
    ];
    for (args, dir_name) in cases {
        let out = allocate(dir.path(), args);
        out.assert_status(2).assert_stdout_empty().assert_stderr_contains(&format!(
            "fel: {dir_name} ser ut som ett filnamn, men här är --output en mapp som filerna skrivs i. Inget skrevs."
        ));
        // The one message, before any finding or read error.
        assert_eq!(out.stderr.lines().count(), 1, "{args:?}\n{}", out.stderr);
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// A run killed outright (SIGKILL, the OOM killer, a power cut) leaves its temporary files;
/// the next write into the folder removes them once provably stale: named as ours with the
/// id of a process that no longer exists, a regular file, left alone for ten minutes and locked
/// by no one. A temporary file of a run still in progress (here: of the test's own process,
/// which is alive) is left, as is anything not named as ours.
#[cfg(target_os = "linux")]
#[test]
fn a_write_removes_stale_temporary_files_of_killed_runs_and_no_others() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ut");
    std::fs::create_dir(&out).unwrap();
    let make = |name: &str, old: bool| {
        let path = out.join(name);
        let file = std::fs::File::create(&path).unwrap();
        std::io::Write::write_all(&mut &file, b"half a file").unwrap();
        if old {
            let then = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
            file.set_modified(then).unwrap();
        }
        path
    };
    // Linux PIDs stop at 4 194 304: no process has this one.
    let stale = make(".allocate-99999999-Stale1.part", true);
    let live = make(
        &format!(".allocate-{}-Live01.part", std::process::id()),
        true,
    );
    let just_made = make(".allocate-99999999-Fresh1.part", false);
    let older_name = make(".allocate-AbCdEf.part", true);
    let own = make("anteckningar.part", true);
    let plan = repo_root().join("allocations/plan-2026.toml");
    allocate(dir.path(), &["export", plan.to_str().unwrap(), "-o", "ut"])
        .assert_status(0)
        .assert_stdout_empty()
        .assert_stderr_contains("Skrev ut/betalningar.csv");
    assert!(!stale.exists(), "the stale temporary file is removed");
    for kept in [&live, &just_made, &older_name, &own] {
        assert!(kept.exists(), "{} is kept", kept.display());
    }
    let left: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert_eq!(left.len(), 4, "{left:?}");
}

/// Ctrl-C (SIGINT) or SIGTERM while an export is written leaves the folder as it was: the
/// temporary files are removed, and so is a folder made for the export; the exit status is 130.
/// (A temporary file made just as the signal came was once left behind, with its folder.)
/// Each signal must land: an export that ends before it (a fast machine) is run again, with a
/// plan four times as large after every two such runs, a bounded number of times.
#[cfg(unix)]
#[test]
fn an_export_interrupted_while_writing_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let generate = |insatser: u32| {
        let insatser = insatser.to_string();
        let generated = allocate(
            dir.path(),
            &[
                "generate",
                "--insatser",
                &insatser,
                "--short-texts",
                "-o",
                "nat",
                "--no-journals",
                "--force",
            ],
        );
        assert_eq!(generated.status, 0, "{}", generated.stderr);
    };
    let mut insatser = 4_000;
    generate(insatser);
    const ATTEMPTS: usize = 6;
    for signal in ["-INT", "-TERM"] {
        let mut landed = false;
        for attempt in 0..ATTEMPTS {
            if attempt > 0 && attempt % 2 == 0 {
                insatser *= 4;
                generate(insatser);
            }
            let folder = format!("ut/{}{attempt}", signal.trim_start_matches('-'));
            std::fs::create_dir_all(dir.path().join("ut")).unwrap();
            let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_allocate"))
                .current_dir(dir.path())
                .args(["export", "nat/plan.toml", "--format", "json", "-o", &folder])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap();
            // Wait for the temporary file to appear, then interrupt.
            let part = || {
                std::fs::read_dir(dir.path().join(&folder)).is_ok_and(|entries| {
                    entries
                        .flatten()
                        .any(|e| e.file_name().to_string_lossy().ends_with(".part"))
                })
            };
            while child.try_wait().unwrap().is_none() {
                if part() {
                    let pid = child.id().to_string();
                    let killed = std::process::Command::new("kill")
                        .args([signal, &pid])
                        .status()
                        .unwrap();
                    assert!(killed.success());
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            let status = child.wait().unwrap();
            if status.code() == Some(0) {
                // The export ended before the signal came (or before its temporary file was
                // seen): nothing was interrupted. Its files go, and it is run again.
                std::fs::remove_dir_all(dir.path().join(&folder)).unwrap();
                continue;
            }
            landed = true;
            assert_eq!(status.code(), Some(130), "{signal}");
            // A signal that comes while the files are renamed waits for the renames: the
            // folder then holds every file whole, and no temporary file.
            if let Ok(entries) = std::fs::read_dir(dir.path().join(&folder)) {
                let names: Vec<String> = entries
                    .flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect();
                assert!(
                    names.iter().all(|n| !n.ends_with(".part")),
                    "{signal}: {names:?}"
                );
                assert!(
                    names.iter().any(|n| n.ends_with(".json")),
                    "{signal}: {names:?}"
                );
                std::fs::remove_dir_all(dir.path().join(&folder)).unwrap();
                break;
            }
            let left: Vec<_> = std::fs::read_dir(dir.path().join("ut"))
                .unwrap()
                .flatten()
                .map(|e| e.file_name())
                .collect();
            assert!(left.is_empty(), "{signal}: {left:?}");
            break;
        }
        assert!(
            landed,
            "{signal} never came while an export was written: {ATTEMPTS} exports, the last of {insatser} insatser, each ended first"
        );
    }
}

/// The workbook is built in temporary files first: a file-size limit (`ulimit -f`) or a
/// TMPDIR that does not exist is an error in Swedish, exit 2, nothing written; never a
/// silent death by SIGXFSZ, a panic or the library's English.
#[cfg(unix)]
#[test]
fn a_workbook_that_cannot_be_built_in_its_temporary_files_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo_root().join("allocations/plan-2026.toml"),
        dir.path().join("plan.toml"),
    )
    .unwrap();
    let exe = env!("CARGO_BIN_EXE_allocate");
    let limited = std::process::Command::new("bash")
        .current_dir(dir.path())
        .args([
            "-c",
            &format!("ulimit -f 4; exec '{exe}' export plan.toml --format xlsx -o ut"),
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&limited.stderr);
    assert_eq!(limited.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("fel: XLSX-filen kunde inte byggas: de tillfälliga filerna i ")
            && stderr.contains("filen blir större än vad som är tillåtet (ulimit -f)")
            && stderr.contains("Inget lämnades kvar."),
        "{stderr}"
    );
    assert!(!stderr.contains("internt fel"), "{stderr}");
    assert!(!dir.path().join("ut").exists());

    let missing = std::process::Command::new(exe)
        .current_dir(dir.path())
        .env("TMPDIR", dir.path().join("saknas"))
        .args(["export", "plan.toml", "--format", "xlsx", "-o", "ut"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert_eq!(missing.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("den tillfälliga filen i ")
            && stderr.contains("saknas kunde inte skrivas: mappen eller filen finns inte")
            && stderr.contains("TMPDIR"),
        "{stderr}"
    );
    assert!(!dir.path().join("ut").exists());
}

/// A text longer than an Excel cell holds (32 767 characters) is said in Swedish with its
/// sheet, row and column, and nothing is written; it was the library's English message. (The
/// first sheet with insats texts is per heading: insats 1.1's text, about 40 600 characters.)
#[test]
fn a_text_longer_than_an_excel_cell_holds_is_named_and_nothing_written() {
    let long = "ord ".repeat(10_000);
    let p = PlanDir::from_real("plan-2026.toml").edit(
        "Länssamordning psykisk hälsa och suicidprevention Kommunförbundet",
        &long,
    );
    std::fs::write(p.dir.path().join("plan.toml"), &p.text).unwrap();
    allocate(p.dir.path(), &["check", "plan.toml"]).assert_status(0);
    allocate(
        p.dir.path(),
        &["export", "plan.toml", "--format", "xlsx", "-o", "ut"],
    )
    .assert_status(2)
    .assert_stdout_empty()
    .assert_stderr_contains("fel: XLSX kan inte skrivas: texten i bladet per-rubrik, rad 2, kolumnen Beskrivning har 40 6")
    .assert_stderr_contains(" tecken som Excel räknar dem (ett emoji är två) och en cell i Excel rymmer 32 767. Korta texten i planen, eller exportera som CSV i stället (--format csv).");
    assert!(!p.dir.path().join("ut").exists());
    // CSV holds it.
    allocate(p.dir.path(), &["export", "plan.toml", "--view", "per-area"])
        .assert_status(0)
        .assert_stdout_contains(&long);
    // Excel counts an emoji as two: 20 000 of them are 40 000 (with the rest of the text
    // 40 625, where it has 20 625 characters), too many for a cell; it was
    // the library's English message.
    let emoji = PlanDir::from_real("plan-2026.toml").edit(
        "Länssamordning psykisk hälsa och suicidprevention Kommunförbundet",
        &"😀".repeat(20_000),
    );
    std::fs::write(emoji.dir.path().join("plan.toml"), &emoji.text).unwrap();
    allocate(
        emoji.dir.path(),
        &["export", "plan.toml", "--format", "xlsx", "-o", "ut"],
    )
    .assert_status(2)
    .assert_stderr_contains("kolumnen Beskrivning har 40 6")
    .assert_stderr_contains(" tecken som Excel räknar dem (ett emoji är två)");
    assert!(!emoji.dir.path().join("ut").exists());
    // The year-end forms as workbooks, the same.
    allocate(
        emoji.dir.path(),
        &[
            "follow-up",
            "plan.toml",
            "--forms",
            "--format",
            "xlsx",
            "-o",
            "ut",
        ],
    )
    .assert_status(2)
    .assert_stderr_contains("texten i bladet Redovisning, rad 11, kolumnen Beskrivning har 40 6");
    assert!(!emoji.dir.path().join("ut").exists());
}

/// Ids and codes that a spreadsheet would read as another number are kept as text in the
/// Excel dialect (LibreOffice Calc in Swedish read `007` as 7, `1E5` as 100000 and the
/// 19-digit reference as 1,23456789012346E+18), and written as they are for programs.
#[test]
fn ids_and_codes_a_spreadsheet_would_read_as_another_number_stay_text() {
    let base = std::fs::read_to_string(repo_root().join("tests/corpus/base.toml")).unwrap();
    let p = PlanDir {
        dir: tempfile::tempdir().unwrap(),
        text: base,
    }
    .edit(
        "reference = \"400105\"",
        "reference = \"1234567890123456789\"",
    )
    .edit("id = \"1.1\"", "id = \"007\"")
    .edit("insatser = [\"1.1\"]", "insatser = [\"007\"]")
    .edit("id = \"1.2\"", "id = \"1E5\"")
    .edit("insatser = [\"1.2\",", "insatser = [\"1E5\",");
    std::fs::write(p.dir.path().join("plan.toml"), &p.text).unwrap();
    allocate(p.dir.path(), &["check", "plan.toml"]).assert_status(0);
    let payments = allocate(p.dir.path(), &["export", "plan.toml", "--view", "payments"]);
    payments
        .assert_status(0)
        .assert_stdout_contains(
            ";kommunförbund;;1;\"=\"\"007\"\"\";600000;faktura;\"=\"\"1234567890123456789\"\"\"\r\n",
        )
        .assert_stdout_contains("Ragunda;kommun;\"=\"\"2303\"\"\";1;\"=\"\"1E5\"\"\";15600;");
    allocate(
        p.dir.path(),
        &["export", "plan.toml", "--view", "per-kommun"],
    )
    .assert_status(0)
    .assert_stdout_contains("Kommunkod;Kommun;\"=\"\"1E5\"\"\";2.2;2.3;Totalt\r\n");
    allocate(
        p.dir.path(),
        &[
            "export",
            "plan.toml",
            "--view",
            "payments",
            "--csv",
            "rfc4180",
        ],
    )
    .assert_status(0)
    .assert_stdout_contains(",1,007,600000,invoice,1234567890123456789\r\n");
}

/// An amount with more significant digits than Excel keeps is refused in XLSX, and the message
/// points to the formats that keep it exact: JSON and the CSV for programs (Excel would round
/// it in a CSV file as well).
#[test]
fn an_amount_excel_would_round_is_refused_and_the_exact_formats_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let amount = "1_000_000_000_000_001";
    let plan = format!(
        "[plan]\ncounty = \"Jämtlands län\"\nyear = 2026\ntitle = \"Psykisk hälsa\"\n\
         county_total = {amount}\n\n[[areas]]\nnumber = 1\ntitle = \"Strategin\"\n\
         amount = {amount}\n\n[[actors]]\nid = \"rjh\"\nname = \"Region Jämtland Härjedalen\"\n\
         kind = \"region\"\n\n[[insatser]]\nid = \"1.1\"\narea = 1\nactor = \"rjh\"\n\
         text = \"Länssamordning\"\namount = {amount}\n"
    );
    std::fs::write(dir.path().join("plan.toml"), plan).unwrap();
    allocate(dir.path(), &["check", "plan.toml"]).assert_status(0);
    allocate(
        dir.path(),
        &["export", "plan.toml", "--format", "xlsx", "-o", "ut"],
    )
    .assert_status(2)
    .assert_stdout_empty()
    .assert_stderr_contains(
        "beloppet 1 000 000 000 000 001 kr har fler siffror än Excel visar exakt (15)",
    )
    .assert_stderr_contains("(--format json)")
    .assert_stderr_contains("(--format csv --csv rfc4180)");
    assert!(!dir.path().join("ut").exists());
    // What the message names keeps every digit.
    allocate(
        dir.path(),
        &[
            "export",
            "plan.toml",
            "--view",
            "per-area",
            "--csv",
            "rfc4180",
        ],
    )
    .assert_status(0)
    .assert_stdout_contains(",1000000000000001");
    allocate(
        dir.path(),
        &[
            "export",
            "plan.toml",
            "--format",
            "json",
            "--view",
            "per-area",
        ],
    )
    .assert_status(0)
    .assert_stdout_contains("1000000000000001");
    // The CSV for Excel is refused as the workbook is (auditor s42: written, and opened
    // rounded), to standard output and into a folder; nothing is written.
    let refused = "CSV för Excel kan inte skrivas: beloppet 1 000 000 000 000 001 kr har fler siffror än Excel visar exakt (15)";
    allocate(dir.path(), &["export", "plan.toml", "--view", "per-area"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains(refused)
        .assert_stderr_contains("(--csv rfc4180)");
    allocate(dir.path(), &["export", "plan.toml", "-o", "ut"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains(refused);
    assert!(!dir.path().join("ut").exists());
    // The forms, CSV or workbook, are refused the same way (reviewer s42).
    for format in ["csv", "xlsx"] {
        allocate(
            dir.path(),
            &["follow-up", "plan.toml", "--forms", "--format", format, "-o", "bl"],
        )
        .assert_status(2)
        .assert_stderr_contains(
            "blanketterna kan inte skrivas: beloppet 1 000 000 000 000 001 kr har fler siffror än Excel visar exakt (15)",
        );
        assert!(!dir.path().join("bl").exists());
    }
    let plan_2026 = repo_root().join("allocations/plan-2026.toml");
    let split = |amount: &str| {
        allocate(
            dir.path(),
            &[
                "split",
                amount,
                "--plan",
                plan_2026.to_str().unwrap(),
                "--key",
                "befolkning-procent-2026",
                "--format",
                "csv",
            ],
        )
    };
    // What the file prints is held, not the amount split: 10^16 kr gives parts Excel keeps
    // (Krokom's 11,9 % is 1 190 000 000 000 000 kr), written; of 12 345 678 901 234 567 kr
    // Krokom's 11,9 % is 1 469 135 789 246 913 kr, 16 digits, refused.
    split("10000000000000000")
        .assert_status(0)
        .assert_stdout_contains(";Krokom;11,9;1190000000000000;1190000000000000;");
    split("12345678901234567")
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains(
            "CSV för Excel kan inte skrivas: beloppet 1 469 135 789 246 913 kr",
        );
    // Ragunda's 3,9 % of 999 999 999 999 999 kr, every digit.
    split("999999999999999")
        .assert_status(0)
        .assert_stdout_contains(";Ragunda;3,9;38999999999999,961;38999999999999;");
    // One digit less is kept exactly, and written.
    let kept = std::fs::read_to_string(dir.path().join("plan.toml"))
        .unwrap()
        .replace(amount, "100_000_000_000_001");
    std::fs::write(dir.path().join("plan.toml"), kept).unwrap();
    allocate(dir.path(), &["export", "plan.toml", "--view", "per-area"])
        .assert_status(0)
        .assert_stdout_contains(";100000000000001");
}

/// The total row of a worksheet: the last `<row>` element with a cell `Totalt…`.
fn total_row_xml(xml: &str) -> &str {
    let label = xml.rfind("<t>Totalt").unwrap();
    let start = xml[..label].rfind("<row ").unwrap();
    let end = start + xml[start..].find("</row>").unwrap();
    &xml[start..end]
}

/// A bold total is `SUBTOTAL(109,…)` over exactly the rows above it, the figure of the
/// document cached: a reader that does not compute shows the figure, and a filter or an
/// edited amount gives the visible rows' total. The rows it covers sum to the figure, so it
/// computes the figure it caches.
#[test]
fn xlsx_totals_are_subtotals_of_the_rows_with_the_figures_cached() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), &["-o", ".", "--format", "xlsx"]).assert_status(0);
    let path = dir.path().join("allocate-2026.xlsx");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    // Sheet, amount column (Excel's letter, calamine's index), the seed's figure.
    let totals = [
        ("betalningar", "F", 5, 12_689_898.0),
        ("per-kommun", "F", 5, 1_865_000.0),
        ("per-aktor", "F", 5, 12_689_898.0),
        ("per-rubrik", "F", 5, 12_689_898.0),
        ("per-omrade", "G", 6, 12_689_898.0),
        ("fakturor", "G", 6, 4_242_436.0),
    ];
    for (n, (sheet, letter, column, figure)) in totals.into_iter().enumerate() {
        let range = book.worksheet_range(sheet).unwrap();
        // The header, the rows, the total.
        let rows = range.height() - 2;
        let sum: f64 = (range.rows().skip(1).take(rows))
            .map(|r| match r[column] {
                Data::Float(f) => f,
                ref other => panic!("{sheet}: {other:?}"),
            })
            .sum();
        assert_eq!(sum, figure, "{sheet}");
        let xml = xlsx_part(&path, &format!("xl/worksheets/sheet{}.xml", n + 1));
        let last = rows + 1;
        let formula = format!(
            "<f>SUBTOTAL(109,{letter}2:{letter}{last})</f><v>{figure}</v>",
            figure = figure as i64
        );
        assert!(total_row_xml(&xml).contains(&formula), "{sheet}: {xml}");
        // What a reader shows without computing: the figure.
        assert_eq!(
            range.rows().next_back().unwrap()[column],
            Data::Float(figure),
            "{sheet}"
        );
    }
    // Per kommun every column's total: 400 000, 665 000, 800 000 (seed 001).
    let xml = xlsx_part(&path, "xl/worksheets/sheet2.xml");
    let total = total_row_xml(&xml);
    for (letter, figure) in [("C", 400_000), ("D", 665_000), ("E", 800_000)] {
        let formula = format!("<f>SUBTOTAL(109,{letter}2:{letter}9)</f><v>{figure}</v>");
        assert!(total.contains(&formula), "{total}");
    }
    // A filtered workbook's total too: Berg's 196 200 kr.
    export(
        dir.path(),
        &["-o", "berg", "--format", "xlsx", "--kommun", "Berg"],
    )
    .assert_status(0);
    let xml = xlsx_part(
        &dir.path().join("berg/allocate-2026-urval-2326-berg.xlsx"),
        "xl/worksheets/sheet1.xml",
    );
    assert!(
        total_row_xml(&xml).contains("<f>SUBTOTAL(109,F2:F4)</f><v>196200</v>"),
        "{xml}"
    );
    // The follow-up workbook's totals are made the same way: the repayment 233 772 kr, and
    // every amount of every total row is a formula.
    let plan = repo_root().join("allocations/plan-2026.toml");
    let forms = repo_root().join("examples/follow-up-2026/*");
    allocate(
        dir.path(),
        &[
            "follow-up",
            plan.to_str().unwrap(),
            forms.to_str().unwrap(),
            "-o",
            "fu",
            "--format",
            "xlsx",
        ],
    )
    .assert_status(0);
    let path = dir.path().join("fu/uppfoljning-2026.xlsx");
    let book: Xlsx<_> = open_workbook(&path).unwrap();
    for n in 1..=book.sheet_names().len() {
        let xml = xlsx_part(&path, &format!("xl/worksheets/sheet{n}.xml"));
        let total = total_row_xml(&xml);
        // A sheet with no rows (nothing moved between lines: `omfordelningar`) has nothing
        // to sum: its total is the figure 0.
        if total.starts_with("<row r=\"2\"") {
            assert!(total.contains("<v>0.0</v>"), "sheet {n}: {total}");
            continue;
        }
        let amounts = total.matches("<v>").count();
        assert!(amounts > 0, "sheet {n}");
        assert_eq!(
            total.matches("<f>SUBTOTAL(109,").count(),
            amounts,
            "sheet {n}: {total}"
        );
        if xml.contains("<t>Återbetalas senast</t>") {
            assert!(total.contains("</f><v>233772</v>"), "{total}");
        }
    }
}

/// An export narrowed by `--area`, `--actor` or `--kommun` is named for its selection, so that
/// it is never taken for the whole plan's files nor keeps them from being written, and every
/// row of its files says the selection. A workbook of some of the views is named for them.
#[test]
fn a_selection_is_named_in_its_files_and_on_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), &["-o", "ek", "--kommun", "Berg"])
        .assert_status(0)
        .assert_stderr_contains("Skrev ek/betalningar-urval-2326-berg.csv");
    let ek = dir.path().join("ek");
    let stems = [
        "betalningar",
        "fakturor",
        "per-aktor",
        "per-kommun",
        "per-omrade",
        "per-rubrik",
    ];
    let berg: Vec<String> = stems
        .iter()
        .map(|s| format!("{s}-urval-2326-berg.csv"))
        .collect();
    assert_eq!(names_in(&ek), berg);
    // Berg's three payments, 196 200 kr (seed 001), each saying whose they are.
    let (headers, rows) = read_excel_csv(&ek.join("betalningar-urval-2326-berg.csv"));
    assert_eq!(headers.last().unwrap(), "Urval");
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.last().unwrap() == "Berg (2326)"));
    assert_eq!(column_sum(&headers, &rows, "Belopp"), 196_200);
    // The whole plan's files go beside them.
    export(dir.path(), &["-o", "ek"]).assert_status(0);
    let mut all: Vec<String> = stems.iter().map(|s| format!("{s}.csv")).collect();
    all.extend(berg);
    all.sort();
    assert_eq!(names_in(&ek), all);
    let (headers, _) = read_excel_csv(&ek.join("betalningar.csv"));
    assert_eq!(headers.last().unwrap(), "Referenskod");
    // Filters together, for a program: by the ids.
    let out = export(
        dir.path(),
        &[
            "--view",
            "per-omrade",
            "--area",
            "2",
            "--actor",
            "fhe",
            "--csv",
            "rfc4180",
        ],
    );
    out.assert_status(0);
    let mut lines = out.stdout.lines();
    assert!(lines.next().unwrap().ends_with(",amount,selection"));
    assert!(
        lines.all(|l| l.ends_with(",area=2 actor=fhe")),
        "{}",
        out.stdout
    );
    // In English.
    let out = export(
        dir.path(),
        &["--view", "fakturor", "--area", "2", "--lang", "en"],
    );
    let mut lines = out.stdout.lines();
    assert!(lines.next().unwrap().ends_with(";Amount;Selection"));
    assert!(lines.all(|l| l.ends_with(";area 2")), "{}", out.stdout);
    // Workbooks and JSON.
    for (args, name) in [
        (
            &["--format", "xlsx", "--kommun", "Berg"][..],
            "allocate-2026-urval-2326-berg.xlsx",
        ),
        (
            &["--format", "xlsx", "--view", "fakturor"][..],
            "allocate-2026-fakturor.xlsx",
        ),
        // In the views' order, however they are asked for.
        (
            &[
                "--format",
                "xlsx",
                "--view",
                "fakturor",
                "--view",
                "betalningar",
                "--area",
                "3",
            ][..],
            "allocate-2026-betalningar-fakturor-urval-omrade-3.xlsx",
        ),
        (
            &[
                "--format",
                "xlsx",
                "--view",
                "payments",
                "--view",
                "per-kommun",
                "--view",
                "per-actor",
                "--view",
                "per-heading",
                "--view",
                "per-area",
                "--view",
                "invoices",
            ][..],
            "allocate-2026.xlsx",
        ),
        (
            &["--format", "json", "--actor", "kfjh"][..],
            "allocate-2026-urval-kfjh.json",
        ),
        (
            &["--format", "json", "--view", "fakturor", "--actor", "kfjh"][..],
            "fakturor-urval-kfjh.json",
        ),
    ] {
        let out_dir = dir.path().join("w");
        let _ = std::fs::remove_dir_all(&out_dir);
        export(dir.path(), &[&["-o", "w"], args].concat()).assert_status(0);
        assert_eq!(names_in(&out_dir), [name], "{args:?}");
    }
}

/// Headings nested three deep and a unit under a unit: each level has its column, so that a
/// filter on a heading or an actor gives all that is under it, as `check` and the screen sum
/// it. The 2026 plan with insats 3.9 (400 000 kr) under a heading of its own under
/// Folkhälsoenheten's (3 510 836 kr, seed 001), and paid to a unit of its own under
/// Folkhälsoenheten (3 510 836 kr with it).
#[test]
fn nested_headings_and_units_have_a_column_per_level() {
    let p = PlanDir::from_real("plan-2026.toml")
        .edit(
            "insatser = [\"1.2\", \"2.2\", \"3.2\", \"3.5\", \"1.4\", \"3.9\", \"3.3\"]",
            "insatser = [\"1.2\", \"2.2\", \"3.2\", \"3.5\", \"1.4\", \"3.3\"]\n\n\
             [[headings]]\nid = \"samisk\"\nparent = \"fhe\"\ntitle = \"Samiska insatser\"\n\
             stated = 400_000\ninsatser = [\"3.9\"]",
        )
        .edit(
            "[[actors]]\nid = \"fbh\"",
            "[[actors]]\nid = \"fhe-samisk\"\nname = \"FHE samiska nätverket\"\n\
             kind = \"region-unit\"\nparent = \"fhe\"\n\n[[actors]]\nid = \"fbh\"",
        );
    let p = {
        let at = p.text.find("id = \"3.9\"").unwrap();
        let actor = at + p.text[at..].find("actor = \"fhe\"").unwrap();
        let mut text = p.text.clone();
        text.replace_range(actor..actor + 13, "actor = \"fhe-samisk\"");
        PlanDir { dir: p.dir, text }
    };
    p.check(&[]).assert_status(0);
    let dir = p.dir.path();
    allocate(dir, &["export", "plan.toml", "-o", "ut"]).assert_status(0);

    let (headers, rows) = read_excel_csv(&dir.join("ut/per-rubrik.csv"));
    assert_eq!(
        headers[..5],
        ["Rubrik", "Underrubrik", "Rubrik nivå 3", "Insats", "Område"]
    );
    let fhe = "Folkhälsoenheten (FHE) samordning inkl aktiviteter länshandlingsplan";
    let under = |column: usize, title: &str| -> i64 {
        rows.iter()
            .filter(|r| r[column] == title)
            .map(|r| r[6].parse::<i64>().unwrap())
            .sum()
    };
    assert_eq!(under(1, fhe), 3_510_836);
    assert_eq!(under(2, "Samiska insatser"), 400_000);
    assert_eq!(under(0, "Region Jämtland Härjedalen"), 3_992_436);
    let samisk = rows.iter().find(|r| r[3] == "3.9").unwrap();
    assert_eq!(
        samisk[..3],
        ["Region Jämtland Härjedalen", fhe, "Samiska insatser"]
    );
    assert_eq!(column_sum(&headers, &rows, "Belopp"), 12_689_898);

    let (headers, rows) = read_excel_csv(&dir.join("ut/per-aktor.csv"));
    assert_eq!(headers[..3], ["Mottagare", "Ingår i", "Ingår i, nivå 2"]);
    let under = |column: usize, group: &str| -> i64 {
        rows.iter()
            .filter(|r| r[column] == group)
            .map(|r| r.last().unwrap().parse::<i64>().unwrap())
            .sum()
    };
    assert_eq!(under(2, "Folkhälsoenheten"), 3_510_836);
    let unit = rows
        .iter()
        .find(|r| r[0] == "FHE samiska nätverket")
        .unwrap();
    assert_eq!(
        unit[..3],
        [
            "FHE samiska nätverket",
            "Region Jämtland Härjedalen",
            "Folkhälsoenheten"
        ]
    );
    // Folkhälsoenheten's own money is in its own group; a unit without units under it is in
    // none at its own level.
    let own = rows
        .iter()
        .find(|r| r[0] == "Folkhälsoenheten (utan enhet)")
        .unwrap();
    assert_eq!(
        own[1..3],
        ["Region Jämtland Härjedalen", "Folkhälsoenheten"]
    );
    let fbh = rows.iter().find(|r| r[0] == "Föräldra-barnhälsan").unwrap();
    assert_eq!(fbh[1..3], ["Region Jämtland Härjedalen", ""]);
    assert_eq!(column_sum(&headers, &rows, "Belopp"), 12_689_898);
    // For a program.
    let machine = allocate(
        dir,
        &[
            "export",
            "plan.toml",
            "--view",
            "per-actor",
            "--csv",
            "rfc4180",
        ],
    );
    assert!(
        machine
            .stdout
            .starts_with("recipient,group,group_2,area_1,"),
        "{}",
        machine.stdout
    );
    let machine = allocate(
        dir,
        &[
            "export",
            "plan.toml",
            "--view",
            "per-heading",
            "--csv",
            "rfc4180",
        ],
    );
    assert!(
        machine
            .stdout
            .starts_with("heading,sub_heading,heading_3,insats,"),
        "{}",
        machine.stdout
    );
}

/// The 2025 plan's invoices are invoiced by 2025-08-30 (seed 003: money not invoiced by then
/// is repaid): a date on every invoice, one a spreadsheet reads as a date.
#[test]
fn the_invoices_say_the_day_to_invoice_by() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let plan = repo_root().join("allocations/plan-2025.toml");
    let plan = plan.to_str().unwrap();
    allocate(dir.path(), &["export", plan, "-o", "ut"]).assert_status(0);
    let (headers, rows) = read_excel_csv(&dir.path().join("ut/fakturor.csv"));
    assert_eq!(headers.last().unwrap(), "Faktureras senast");
    assert!(!rows.is_empty());
    // Written as the day, which Swedish Excel and LibreOffice read as a date.
    assert!(rows.iter().all(|r| r.last().unwrap() == "2025-08-30"));
    let machine = allocate(
        dir.path(),
        &["export", plan, "--view", "fakturor", "--csv", "rfc4180"],
    );
    let mut lines = machine.stdout.lines();
    assert!(lines.next().unwrap().ends_with(",amount,invoice_by"));
    assert!(lines.all(|l| l.ends_with(",2025-08-30")));
    // In the workbook a date cell shown yyyy-mm-dd.
    allocate(dir.path(), &["export", plan, "-o", "x", "--format", "xlsx"]).assert_status(0);
    let path = dir.path().join("x/allocate-2025.xlsx");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let range = book.worksheet_range("fakturor").unwrap();
    let header = range.rows().next().unwrap();
    assert_eq!(header[7], Data::String("Faktureras senast".into()));
    let first = range.rows().nth(1).unwrap();
    // 2025-08-30 is day 45 899 of Excel's calendar (1900-01-01 is day 1, with its 29
    // February 1900).
    assert!(
        matches!(&first[7], Data::DateTime(d) if d.as_f64() == 45_899.0),
        "{:?}",
        first[7]
    );
    assert!(xlsx_part(&path, "xl/styles.xml").contains("formatCode=\"yyyy-mm-dd\""));
    // A plan without the deadline has no such column (2026).
    let out = export(dir.path(), &["--view", "fakturor"]);
    assert!(out.stdout.lines().next().unwrap().ends_with(";Belopp"));
}

/// A column of texts is text in every row of the CSV for Excel, as in the workbook: the focus
/// areas `5` beside `4, 5, 6, 7` (2026: insats 2.3 has focus area 5 alone, 2.4 and 2.5
/// focus area 2), the kommunkod and the reference.
#[test]
fn a_column_of_texts_is_text_in_every_row() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), &["-o", "ut"]).assert_status(0);
    let (headers, rows) = read_excel_csv(&dir.path().join("ut/per-omrade.csv"));
    let focus = headers.iter().position(|h| h == "Fokusområden").unwrap();
    let of = |insats: &str| rows.iter().find(|r| r[2] == insats).unwrap()[focus].clone();
    assert_eq!(of("2.3"), "=\"5\"");
    assert_eq!(of("2.4"), "=\"2\"");
    assert_eq!(of("1.3"), "4, 5, 6, 7");
    // No cell of the column is a bare number.
    assert!(rows.iter().all(|r| r[focus].parse::<f64>().is_err()));
    let (_, rows) = read_excel_csv(&dir.path().join("ut/fakturor.csv"));
    let berg = rows.iter().find(|r| r[0] == "Berg").unwrap();
    assert_eq!(
        berg[1..4],
        ["=\"2326\"", "Region Jämtland Härjedalen", "=\"400105\""]
    );
    // The workbook has the same texts as text cells.
    export(dir.path(), &["-o", "x", "--format", "xlsx"]).assert_status(0);
    let mut book: Xlsx<_> = open_workbook(dir.path().join("x/allocate-2026.xlsx")).unwrap();
    let range = book.worksheet_range("per-omrade").unwrap();
    let row = range
        .rows()
        .find(|r| r[2] == Data::String("2.3".into()))
        .unwrap();
    assert_eq!(row[focus], Data::String("5".into()));
    let range = book.worksheet_range("fakturor").unwrap();
    let row = range
        .rows()
        .find(|r| r[0] == Data::String("Berg".into()))
        .unwrap();
    assert_eq!(row[1], Data::String("2326".into()));
    assert_eq!(row[3], Data::String("400105".into()));
}

/// A bidirectional override in a name would turn the rest of a spreadsheet's cell around, as
/// a control character would be dropped: the Excel CSV and the workbook name both as the
/// terminal and the documents do; the CSV for programs keeps the name as the plan writes it.
#[test]
fn an_override_in_a_name_is_named_for_a_spreadsheet_and_kept_for_a_program() {
    let plan = PlanDir::from_real("plan-2026.toml").edit(
        "name = \"Folkhälsoenheten\"",
        "name = \"Folk\\u202Ehälsa\\u0007\"",
    );
    use calamine::{Reader, Xlsx, open_workbook};
    plan.check(&[]).assert_status(0);
    let dir = plan.dir.path();
    let named = "Folk<U+202E>hälsa<U+0007>";
    allocate(dir, &["export", "plan.toml", "--view", "per-actor"])
        .assert_status(0)
        .assert_stdout_contains(named);
    let machine = allocate(
        dir,
        &[
            "export",
            "plan.toml",
            "--view",
            "per-actor",
            "--csv",
            "rfc4180",
        ],
    );
    machine.assert_stdout_contains("Folk\u{202e}hälsa\u{7}");
    allocate(
        dir,
        &["export", "plan.toml", "-o", "ut", "--format", "xlsx"],
    )
    .assert_status(0);
    let mut book: Xlsx<_> = open_workbook(dir.join("ut/allocate-2026.xlsx")).unwrap();
    let sheet = book.worksheet_range("per-aktor").unwrap();
    assert!(
        sheet.rows().flatten().any(|c| *c == named),
        "{named} in the workbook"
    );
}

/// The contacts the 2026 document names (seed 000, lines 2450–2474) as `plan.contacts`, each
/// key the plan leaves out `null` (no phone is given); a plan without contacts has `[]`.
#[test]
fn json_carries_the_contacts() {
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), &["--format", "json"]);
    out.assert_status(0);
    let value: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let contacts = value["plan"]["contacts"].as_array().unwrap();
    let expected = [
        (
            "Anna Frisk",
            "utvecklingsstrateg",
            "rjh",
            "anna.frisk@regionjh.se",
        ),
        (
            "Jan Persson",
            "utvecklingssamordnare",
            "kfjh",
            "Jan.persson@kfjh.se",
        ),
        (
            "Kristina Staffansson",
            "utvecklingssamordnare",
            "kfjh",
            "Kristina.staffansson@kfjh.se",
        ),
    ];
    assert_eq!(contacts.len(), expected.len());
    for (contact, (name, role, actor, email)) in contacts.iter().zip(expected) {
        assert_eq!(
            contact,
            &serde_json::json!({
                "name": name, "role": role, "actor": actor, "email": email, "phone": null
            })
        );
    }

    let text = real_plan("plan-2026.toml");
    let cut = text.find("\n# Kontaktpersoner").unwrap();
    std::fs::write(dir.path().join("plan.toml"), &text[..=cut]).unwrap();
    let out = allocate(dir.path(), &["export", "plan.toml", "--format", "json"]);
    out.assert_status(0);
    let value: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(value["plan"]["contacts"], serde_json::json!([]));
}
