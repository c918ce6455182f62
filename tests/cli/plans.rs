//! The real plans in `allocations/` and the shipped examples.

use crate::support::{allocate, real_plan, repo_root};

#[test]
fn every_plan_in_allocations_passes_check() {
    let mut plans: Vec<_> = std::fs::read_dir(repo_root().join("allocations"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    plans.sort();
    assert!(
        plans.len() >= 2,
        "allocations/ holds the 2025 and 2026 plans"
    );
    for plan in plans {
        let out = allocate(&repo_root(), &["check", plan.to_str().unwrap()]);
        out.assert_status(0).assert_stderr_empty();
        assert!(
            !out.finding_codes().iter().any(|c| c != "earmark-total"),
            "{}: only the documented earmark warning is expected\n{}",
            plan.display(),
            out.stdout
        );
    }
}

#[test]
fn plan_2026_reconciles_with_the_agreement() {
    let out = allocate(&repo_root(), &["check", "allocations/plan-2026.toml"]);
    out.assert_status(0)
        .assert_stdout_contains(
            "Jämtlands län 2026: inga fel; en angiven summa har en varning (ovan)",
        )
        .assert_stdout_contains("Länets medel  12 689 898 kr")
        .assert_stdout_contains("Område 1     4 000 000 kr")
        .assert_stdout_contains("Område 2     2 501 626 kr")
        .assert_stdout_contains("Område 3     6 188 272 kr")
        .assert_stdout_contains("allocations/plan-2026.toml: godkänd (0 fel, 1 varning)");
}

#[test]
fn plan_2026_warns_that_participation_rows_fall_short_of_their_earmark() {
    // DOMAIN.md: the participation rows give 800 000 against a 1 000 000 earmark.
    let out = allocate(&repo_root(), &["check", "allocations/plan-2026.toml"]);
    assert_eq!(out.finding_codes(), ["earmark-total"]);
    out.assert_stdout_contains("angivet 1 000 000 kr, beräknat 800 000 kr, skillnad -200 000 kr");
}

#[test]
fn plan_2025_reconciles_without_findings() {
    let out = allocate(&repo_root(), &["check", "allocations/plan-2025.toml"]);
    out.assert_status(0)
        .assert_stdout_contains("Länets medel  12 697 775 kr")
        .assert_stdout_contains("Område 2     2 506 966 kr")
        .assert_stdout_contains("Område 3     6 190 809 kr")
        .assert_stdout_contains("godkänd (0 fel, 0 varningar)");
    assert!(out.finding_codes().is_empty());
}

#[test]
fn plan_as_printed_reports_exactly_the_481_000_heading() {
    let out = allocate(
        &repo_root(),
        &["check", "examples/plan-2026-as-printed.toml"],
    );
    out.assert_status(1);
    let errors: Vec<_> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("fel["))
        .collect();
    assert_eq!(errors.len(), 1, "{}", out.stdout);
    out.assert_stdout_contains("angivet 481 000 kr, beräknat 481 600 kr, skillnad 600 kr")
        .assert_stdout_contains("underkänd (1 fel, 1 varning)");
}

#[test]
fn deny_warnings_fails_the_2026_plan_on_its_earmark_warning() {
    allocate(
        &repo_root(),
        &["check", "--deny-warnings", "allocations/plan-2026.toml"],
    )
    .assert_status(1);
    allocate(
        &repo_root(),
        &["check", "--deny-warnings", "allocations/plan-2025.toml"],
    )
    .assert_status(0);
}

#[test]
fn several_plans_report_each_and_exit_with_the_worst_status() {
    let out = allocate(
        &repo_root(),
        &[
            "check",
            "allocations/plan-2025.toml",
            "examples/plan-2026-as-printed.toml",
            "allocations/plan-2026.toml",
        ],
    );
    out.assert_status(1)
        .assert_stdout_contains("allocations/plan-2025.toml: godkänd")
        .assert_stdout_contains("examples/plan-2026-as-printed.toml: underkänd")
        .assert_stdout_contains("allocations/plan-2026.toml: godkänd");
}

#[test]
fn missing_file_and_directory_are_unreadable() {
    let out = allocate(&repo_root(), &["check", "allocations/plan-2031.toml"]);
    out.assert_status(2).assert_stdout_contains(
        "fel[read-error]: kan inte läsa allocations/plan-2031.toml: filen finns inte",
    );
    let out = allocate(&repo_root(), &["check", "allocations"]);
    out.assert_status(2)
        .assert_stdout_contains("är en mapp, inte en plan");
}

#[test]
fn a_wrong_command_line_exits_2() {
    allocate(&repo_root(), &["check"]).assert_status(2);
    allocate(&repo_root(), &["chekc", "allocations/plan-2026.toml"]).assert_status(2);
    allocate(
        &repo_root(),
        &["check", "--lang", "de", "allocations/plan-2026.toml"],
    )
    .assert_status(2);
}

#[test]
fn empty_file_is_told_empty() {
    let dir = tempfile::tempdir().unwrap();
    // Nothing, or white space alone (tester s29: it was told that `plan` was missing).
    for text in ["", "\n  \r\n\t\n"] {
        std::fs::write(dir.path().join("plan.toml"), text).unwrap();
        crate::support::allocate(dir.path(), &["check", "plan.toml"])
            .assert_status(2)
            .assert_stdout_contains("fel[missing-field]: planen är tom: inget att läsa\n --> plan.toml:1:1\n")
            .assert_stdout_contains("= åtgärd: ange planfilen, som börjar med tabellen [plan]; nästa års plan görs av årets med `allocate init`\n");
    }
}

#[test]
fn file_that_is_not_utf8_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    // "Östersund" in ISO-8859-1 on line 2, its Ö the 9th character (the 10th on line 3, after
    // a character of two bytes).
    std::fs::write(
        dir.path().join("plan.toml"),
        b"[plan]\nname = \"\xd6stersund\"\n",
    )
    .unwrap();
    crate::support::allocate(dir.path(), &["check", "plan.toml"])
        .assert_status(2)
        .assert_stdout_contains("inte UTF-8-text (första ogiltiga tecknet står på rad 2)")
        .assert_stdout_contains("--> plan.toml:2:9\n")
        .assert_stdout_contains("2 | name = \"\u{fffd}stersund\"\n  |         ^\n");
    std::fs::write(
        dir.path().join("plan.toml"),
        b"[plan]\ncounty = \"J\xc3\xa4mtland\"\nname = \"\xc3\x85re \xd6stersund\"\n",
    )
    .unwrap();
    let out = crate::support::allocate(dir.path(), &["check", "--format", "json", "plan.toml"]);
    out.assert_status(2)
        .assert_stdout_contains("\"line\": 3,\n          \"column\": 13,");
}

#[test]
fn byte_order_mark_and_crlf_line_ends_are_accepted() {
    let text = real_plan("plan-2026.toml");
    let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), windows).unwrap();
    crate::support::allocate(dir.path(), &["check", "plan.toml"])
        .assert_status(0)
        .assert_stdout_contains("plan.toml: godkänd (0 fel, 1 varning)");
}

/// Seed 003 (lines 677–678): the use of the 2025 funds is reported to Folkhälsoenheten by
/// 31 December 2025; the decision basis says to whom.
#[test]
fn the_2025_plan_reports_to_folkhalsoenheten() {
    allocate(
        &repo_root(),
        &["report", "allocations/plan-2025.toml", "--format", "md"],
    )
    .assert_status(0)
    .assert_stdout_contains(
        "ska redovisa användning och förbrukning av medlen till Folkhälsoenheten senast 31 december 2025",
    );
}

/// A character shown by its name (`<U+202E>`, eight characters on the screen) before the
/// place of a problem does not move the column that `-->` names: it is the file's, as in the
/// JSON and GitHub formats and in an editor.
#[test]
fn a_named_character_before_a_problem_keeps_the_files_column() {
    let base = std::fs::read_to_string(repo_root().join("tests/corpus/base.toml")).unwrap();
    let line = "title = \"Korpus\u{202e}plan\" oops";
    let text = base.replace("title = \"Korpusplan\"", line);
    let number = text.lines().position(|l| l == line).unwrap() + 1;
    // `oops` is the 23rd character of its line (the override one of them).
    let column = line[..line.find("oops").unwrap()].chars().count() + 1;
    assert_eq!(column, 23);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), text).unwrap();
    let out = crate::support::allocate(dir.path(), &["check", "plan.toml"]);
    out.assert_status(2)
        .assert_stdout_contains(&format!("--> plan.toml:{number}:{column}\n"))
        .assert_stdout_contains("<U+202E>");
    let json = crate::support::allocate(dir.path(), &["check", "--format", "json", "plan.toml"]);
    json.assert_stdout_contains(&format!(
        "\"line\": {number},\n          \"column\": {column},"
    ));
    // The same for text that is not UTF-8: an escape code, then a byte of ISO-8859-1.
    std::fs::write(
        dir.path().join("plan.toml"),
        b"[plan]\nname = \"\x1b[31m\xe4\"\n",
    )
    .unwrap();
    crate::support::allocate(dir.path(), &["check", "plan.toml"])
        .assert_status(2)
        .assert_stdout_contains("--> plan.toml:2:14\n")
        .assert_stdout_contains("2 | name = \"<U+001B>[31m\u{fffd}\"\n");
    crate::support::allocate(dir.path(), &["check", "--format", "json", "plan.toml"])
        .assert_stdout_contains(
            "\"line\": 2,\n          \"column\": 14,\n          \"end_line\": 2,\n          \"end_column\": 14,",
        );
}

/// A file of the user's work given where the plan belongs is told as what it is, with what
/// to do, not by where its TOML broke: the shipped SCB population file, an SCB file as the
/// old web interface saved it (ISO-8859-1, not UTF-8), a year-end form and a decision basis
/// written as HTML.
#[test]
fn a_key_file_a_form_or_a_web_page_given_as_the_plan_is_told_as_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let scb_latin1 = dir.path().join("folkmangd.csv");
    std::fs::write(
        &scb_latin1,
        b"\"Folkm\xe4ngden efter region och \xe5r\"\r\n\r\n\"region\";\"2024\"\r\n\"2303 Ragunda\";5150\r\n\"2305 Br\xe4cke\";6037\r\n",
    )
    .unwrap();
    let html = dir.path().join("underlag.html");
    let report = allocate(
        &repo_root(),
        &[
            "report",
            "allocations/plan-2026.toml",
            "--format",
            "html",
            "-o",
            html.to_str().unwrap(),
        ],
    );
    report.assert_status(0);
    let key = "är en befolkningsfil från SCB, inte en plan";
    for (file, says, hint) in [
        (
            "allocations/keys/folkmangd-2024-11-01.csv",
            key,
            "befolkningsfilen anges i planen som en nyckels `file`",
        ),
        (
            scb_latin1.to_str().unwrap(),
            key,
            "allocate split BELOPP --key FIL",
        ),
        (
            "examples/follow-up-2026/redovisning-2026-2326-berg.csv",
            "är en blankett för årets uppföljning (från allocate follow-up --forms), inte en plan",
            "blanketterna läses av allocate follow-up PLAN REDOVISNING",
        ),
        (
            // A workbook form, not only "an Excel file".
            "examples/follow-up-2026/redovisning-2026-kfjh.xlsx",
            "är en blankett för årets uppföljning (från allocate follow-up --forms), inte en plan",
            "blanketterna läses av allocate follow-up PLAN REDOVISNING",
        ),
        (
            html.to_str().unwrap(),
            "är en webbsida (HTML), inte en plan",
            "allocations/plan-2026.toml",
        ),
    ] {
        let out = allocate(&repo_root(), &["check", file]);
        out.assert_status(2)
            .assert_stdout_contains(&format!("fel[read-error]: kan inte läsa {file}: {says}\n"))
            .assert_stdout_contains(hint);
        allocate(&repo_root(), &["report", file])
            .assert_status(2)
            .assert_stderr_contains(says);
    }
    // A plan with a TOML error is still a plan with a TOML error.
    let broken = dir.path().join("plan.toml");
    std::fs::write(&broken, "[plan]\nyear = \n").unwrap();
    allocate(&repo_root(), &["check", broken.to_str().unwrap()])
        .assert_status(2)
        .assert_stdout_contains("fel[syntax]");
}

/// A kommun may be named by its official name in a key, a split and a printed figure, and a
/// name in a split that is none of the row's recipients is told with the nearest one.
#[test]
fn a_kommuns_official_name_is_taken_in_a_key_a_split_and_a_printed_figure() {
    let base = std::fs::read_to_string(repo_root().join("tests/corpus/base.toml")).unwrap();
    let printed = "printed = { Berg = 21_200, \"Östersund\" = 196_000 }";
    assert!(base.contains(printed));
    let dir = tempfile::tempdir().unwrap();
    // In a split's table, a key's values and a printed figure's `kommun` alike.
    let official = base
        .replace(
            printed,
            "printed = { \"Bergs kommun\" = 21_200, \"Östersunds kommun\" = 196_000 }",
        )
        .replace(
            "values = { Berg = \"5,3\"",
            "values = { \"Bergs kommun\" = \"5,3\"",
        )
        .replace("kommun = \"Östersund\"", "kommun = \"Östersunds kommun\"");
    assert!(official.contains("values = { \"Bergs kommun\""));
    assert!(official.contains("kommun = \"Östersunds kommun\""));
    std::fs::write(dir.path().join("plan.toml"), official).unwrap();
    allocate(dir.path(), &["check", "plan.toml"]).assert_status(0);
    let typo = base.replace(
        printed,
        "printed = { Berg = 21_200, \"Östersnd\" = 196_000 }",
    );
    std::fs::write(dir.path().join("plan.toml"), typo).unwrap();
    allocate(dir.path(), &["check", "plan.toml"])
        .assert_status(1)
        .assert_stdout_contains(
            "fel[split-invalid]: insats `1.2`: `Östersnd` är inte mottagare av insatsen",
        )
        .assert_stdout_contains(
            "= åtgärd: menade du `Östersund`? Ange annars bara insatsens mottagare",
        );
}

/// A no-break space inside a kommun's name, as a name pasted from a document or a spreadsheet
/// has it, is a space, as it is around the name: in a key's `values`, a split's `except`, a
/// `[[stated]]` figure's `kommun` and `--kommun`, by name, official name or name and code.
/// The corpus plan's Östersund gets 436 000 kr (196 000 + 100 000 + 140 000).
#[test]
fn a_no_break_space_in_a_kommuns_name_is_a_space() {
    let base = std::fs::read_to_string(repo_root().join("tests/corpus/base.toml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let edits = [
        (
            "values = { Berg = \"5,3\"",
            "values = { \"Bergs\u{a0}kommun\" = \"5,3\"",
        ),
        (
            "except = { \"Östersund\" = 140_000 }",
            "except = { \"Östersunds\u{a0}kommun\" = 140_000 }",
        ),
        (
            "kommun = \"Östersund\"\namount = 436_000",
            "kommun = \"Östersund\u{a0}(2380)\"\namount = 436_000",
        ),
    ];
    let mut text = base.clone();
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "{from}");
        text = text.replace(from, to);
    }
    std::fs::write(dir.path().join("plan.toml"), text).unwrap();
    allocate(dir.path(), &["check", "plan.toml"])
        .assert_status(0)
        .assert_stdout_contains("godkänd (0 fel, 0 varningar)");
    allocate(
        dir.path(),
        &["report", "plan.toml", "--kommun", "2380\u{a0}Östersund"],
    )
    .assert_status(0)
    .assert_row(&[
        "2380",
        "Östersund",
        "196 000 kr",
        "100 000 kr",
        "140 000 kr",
        "436 000 kr",
    ]);
}

/// An unknown actor named by the beginning of an actor's name gets that actor's id: the
/// corpus plan's `fhe` is "Folkhälsoenheten", written `folkhälsan`.
#[test]
fn an_unknown_actor_named_by_its_names_beginning_gets_its_id() {
    let base = std::fs::read_to_string(repo_root().join("tests/corpus/base.toml")).unwrap();
    assert!(base.contains("name = \"Folkhälsoenheten\""));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.toml"),
        base.replacen("actor = \"fhe\"", "actor = \"folkhälsan\"", 1),
    )
    .unwrap();
    allocate(dir.path(), &["check", "plan.toml"])
        .assert_status(1)
        .assert_stdout_contains("fel[unknown-reference]: okänd aktör `folkhälsan`")
        .assert_stdout_contains("= åtgärd: menade du `fhe`?");
}

/// A split's printed part written by the kommun's official name is a printed figure like the
/// others: counted among the 50 of the 2026 plan (not passed over, 48 of 49) and marked in
/// the document (Berg's 21 200 kr of insats 1.3, seed 001).
#[test]
fn a_printed_part_by_official_name_is_counted() {
    let plan = crate::support::PlanDir::from_real("plan-2026.toml").edit(
        "printed = { Berg = 21_200,",
        "printed = { \"Bergs kommun\" = 21_200,",
    );
    plan.check(&[])
        .assert_status(0)
        .assert_stdout_contains("49 av 50 angivna summor i dokumentet stämmer");
    allocate(plan.dir.path(), &["report", "plan.toml", "--format", "md"])
        .assert_status(0)
        .assert_stdout_contains("> 49 av 50 angivna summor stämmer");
}

/// A kommun misspelt by its official name (`Östersund kommun`, `Bergs kommunn`) gets the
/// kommun as the suggestion wherever a kommun is named: a `[[stated]]` figure and `--kommun`
/// (a returned form did already).
#[test]
fn a_kommun_misspelt_by_its_official_name_is_suggested_everywhere() {
    let plan = crate::support::PlanDir::from_real("plan-2026.toml").edit(
        "kommun = \"Östersund\"\n",
        "kommun = \"Östersund kommun\"\n",
    );
    plan.check(&[])
        .assert_status(1)
        .assert_stdout_contains("fel[unknown-reference]: okänd kommun `Östersund kommun`")
        .assert_stdout_contains("= åtgärd: menade du `Östersund`?");
    let root = repo_root();
    for (written, nearest) in [("Östersund kommun", "Östersund"), ("Bergs kommunn", "Berg")] {
        allocate(
            &root,
            &["report", "allocations/plan-2026.toml", "--kommun", written],
        )
        .assert_status(2)
        .assert_stderr_contains(&format!("okänd kommun `{written}`. Menade du `{nearest}`?"));
    }
}
