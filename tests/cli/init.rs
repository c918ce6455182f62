//! `allocate init`: next year's plan from this year's, and `check` listing what is left to
//! fill in.

use std::path::Path;

use crate::support::{PlanDir, allocate, real_plan, repo_root};

/// A folder with a copy of a real plan (and the key file the 2025 plan reads).
fn folder_with(plan: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = repo_root().join("allocations");
    std::fs::copy(root.join(plan), dir.path().join(plan)).unwrap();
    std::fs::create_dir_all(dir.path().join("keys")).unwrap();
    std::fs::copy(
        root.join("keys/folkmangd-2024-11-01.csv"),
        dir.path().join("keys/folkmangd-2024-11-01.csv"),
    )
    .unwrap();
    dir
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// How many amounts of the old plan `init` leaves to fill in: the county total and the
/// stated change, the agreement's total and parts, every area, earmark and insats, each
/// `each` of a split, and every heading's and stated figure.
fn amounts_in(plan_text: &str) -> usize {
    let plan: toml::Table = toml::from_str(plan_text).unwrap();
    let len = |key: &str| plan.get(key).and_then(|v| v.as_array()).map_or(0, Vec::len);
    let areas = plan["areas"].as_array().unwrap();
    let earmarks: usize = areas
        .iter()
        .map(|a| {
            a.get("earmarks")
                .and_then(|e| e.as_array())
                .map_or(0, Vec::len)
        })
        .sum();
    let insatser = plan["insatser"].as_array().unwrap();
    let each = insatser
        .iter()
        .filter(|i| i.get("split").and_then(|s| s.get("each")).is_some())
        .count();
    let headings = plan
        .get("headings")
        .and_then(|h| h.as_array())
        .map_or(0, |h| {
            h.iter().filter(|h| h.get("stated").is_some()).count()
        });
    let agreement = plan["agreement"]["split"].as_array().map_or(0, Vec::len);
    2 + 1 + agreement + areas.len() + earmarks + insatser.len() + each + headings + len("stated")
}

#[test]
fn init_from_2025_writes_the_2026_plan_and_check_lists_exactly_the_amounts_to_fill() {
    let dir = folder_with("plan-2025.toml");
    let out = allocate(dir.path(), &["init", "--from", "plan-2025.toml"]);
    out.assert_status(0)
        .assert_stdout_empty()
        .assert_stderr_contains("Skrev plan-2026.toml: 2026 års plan utifrån plan-2025.toml.");
    let new = read(&dir.path().join("plan-2026.toml"));
    let old = read(&dir.path().join("plan-2025.toml"));
    // Invoice by 30 August (seed 003, line 649), a year on like the other deadlines.
    assert!(new.contains("\ninvoice_by = 2026-08-30"), "{new}");
    let expected = amounts_in(&old);
    // 2025's tables hold 6 + 7 + 5 insatser (seed 003).
    assert_eq!(expected, 37);
    out.assert_stderr_contains(&format!("{expected} belopp att fylla i"));

    let check = allocate(dir.path(), &["check", "plan-2026.toml"]);
    check.assert_status(1);
    // Each amount once, and the decision date the meeting has not yet set.
    let mut codes = check.finding_codes();
    assert_eq!(codes.iter().filter(|c| *c == "decision-date").count(), 1);
    codes.retain(|c| c != "decision-date");
    assert_eq!(codes.len(), expected, "{}", check.stdout);
    assert!(
        codes.iter().all(|c| c == "amount-to-fill"),
        "{}",
        check.stdout
    );
    check
        .assert_stdout_contains(
            "fel[amount-to-fill]: belopp att fylla i: länets totalbelopp (`county_total`)",
        )
        .assert_stdout_contains("fel[amount-to-fill]: belopp att fylla i: område 2")
        .assert_stdout_contains("fel[amount-to-fill]: belopp att fylla i: insats `3.5`")
        .assert_stdout_contains(&format!(
            "plan-2026.toml: underkänd ({expected} fel, 1 varning)"
        ));
    let line = new
        .lines()
        .position(|l| l.starts_with("county_total = 0"))
        .unwrap()
        + 1;
    check.assert_finding("amount-to-fill", &format!("plan-2026.toml:{line}:16"));

    // The year moves; last year's total becomes the previous total ("12 697 775 kr", 2025).
    assert!(new.contains("\nyear = 2026\n"));
    assert!(new.contains("\nprevious_county_total = 12_697_775"));
    assert!(new.contains("\ncounty_total = 0  # fyll i (2025: 12 697 775 kr)\n"));
    assert!(new.contains("Regioner 2026\""), "the title's year moves");
    // So does the proposal's (seed 003: "… Psykisk hälsa och suicidprevention 2025").
    assert!(new.contains(
        "proposal = [\"Att SVOM godkänner förslag angående rekvirering, fördelning, utbetalning och redovisning av länsgemensamma medel för insatser inom ramen för nationell satsning Psykisk hälsa och suicidprevention 2026\"]\n"
    ));
    assert!(new.contains(
        "\nrequisition = 2026-12-01\nuse_reported = 2026-12-31\nunused_repaid = 2027-03-31\n"
    ));
    // Actors, kommuner and keys are kept.
    for id in ["rjh", "fhe", "fbh", "vup", "vhab", "kfjh"] {
        assert!(
            new.contains(&format!("[[actors]]\nid = \"{id}\"\n")),
            "{id}"
        );
    }
    for code in [
        "2303", "2305", "2309", "2313", "2321", "2326", "2361", "2380",
    ] {
        assert!(new.contains(&format!("code = \"{code}\"")), "{code}");
    }
    assert!(new.contains("file = \"keys/folkmangd-2024-11-01.csv\""));
    assert!(new.contains("from = \"befolkning-2024\""));
}

/// `text` (a plan `init` made from 2026's) with each amount still to fill in given last year's
/// figure from its comment, as a user would with this year's, down to the first line that
/// contains `until`.
fn filled_as_2026(text: &str, until: Option<&str>) -> String {
    let mut filled = String::new();
    let mut filling = true;
    for line in text.lines() {
        filling &= until.is_none_or(|until| !line.contains(until));
        let line = match (filling, line.split_once(" = 0  # fyll i (2026: ")) {
            (true, Some((key, rest))) => {
                let amount: String = rest.chars().filter(char::is_ascii_digit).collect();
                format!("{key} = {amount}")
            }
            _ => line.to_string(),
        };
        filled.push_str(&line);
        filled.push('\n');
    }
    filled
}

/// `plan-2026.toml` in `dir` started as 2027's with `init`: the new plan's text.
fn init_2027(dir: &Path) -> String {
    allocate(dir, &["init", "--from", "plan-2026.toml", "--year", "2027"]).assert_status(0);
    read(&dir.join("plan-2027.toml"))
}

#[test]
fn a_2027_plan_filled_in_with_the_2026_figures_passes_check() {
    let dir = folder_with("plan-2026.toml");
    let draft = init_2027(dir.path());
    let check = allocate(dir.path(), &["check", "plan-2027.toml"]);
    let codes = check.finding_codes();
    assert_eq!(
        codes.iter().filter(|c| *c == "amount-to-fill").count(),
        amounts_in(&read(&dir.path().join("plan-2026.toml")))
    );
    // Besides the amounts: the decision date, and 2026's percentages (source: the 2026
    // decision document).
    let mut others: Vec<&String> = codes.iter().filter(|c| *c != "amount-to-fill").collect();
    others.sort();
    assert_eq!(others, ["decision-date", "key-source"], "{}", check.stdout);

    // Fill in every amount with last year's figure from its comment, as a user would with
    // this year's; Barnsäkert gives Östersund 140 000 of its 665 000 (seed 001).
    let filled = filled_as_2026(&draft, None)
        .replace(
            "except = { \"Östersund\" = 0 }",
            "except = { \"Östersund\" = 140_000 }",
        )
        .replace("stated_change = 0  # fyll i", "stated_change = 0  #")
        .replace("# decision_date = 2027-MM-DD", "decision_date = 2027-02-26")
        .replace(
            "source = \"Beslutsunderlaget 2026,",
            "source = \"Beslutsunderlaget 2027,",
        );
    std::fs::write(dir.path().join("plan-2027.toml"), filled).unwrap();
    let check = allocate(dir.path(), &["check", "plan-2027.toml"]);
    // Only the earmark warning of 2026 remains: 800 000 against 1 000 000.
    check
        .assert_status(0)
        .assert_stdout_contains("plan-2027.toml: godkänd (0 fel, 1 varning)")
        .assert_stdout_contains("Länets medel  12 689 898 kr");
    assert_eq!(check.finding_codes(), ["earmark-total"]);
}

/// Filling in step by step (tester s36): with the county total and the areas typed in and
/// the insatser still 0, no sum is reported against the figures just typed (only what is
/// left to fill in); once area 1's insatser are filled in, their sum is compared, and a
/// wrong one is told at the area.
#[test]
fn the_sums_wait_until_their_parts_are_filled_in() {
    let dir = folder_with("plan-2026.toml");
    let draft = init_2027(dir.path());
    // The county total and the three areas, 2026's figures (seed 001): 4 000 000,
    // 2 501 626 and 6 188 272 kr.
    let mut text = draft.replace(
        "county_total = 0  # fyll i (2026: 12 689 898 kr)",
        "county_total = 12_689_898",
    );
    for figure in ["4 000 000", "2 501 626", "6 188 272"] {
        let written = format!("amount = 0  # fyll i (2026: {figure} kr)");
        assert!(text.contains(&written), "{written}");
        text = text.replacen(
            &written,
            &format!("amount = {}", figure.replace(' ', "_")),
            1,
        );
    }
    std::fs::write(dir.path().join("plan-2027.toml"), &text).unwrap();
    let check = allocate(dir.path(), &["check", "plan-2027.toml"]);
    check.assert_status(1);
    let codes = check.finding_codes();
    for code in [
        "county-total",
        "area-total",
        "insatser-total",
        "earmark-total",
    ] {
        assert!(!codes.iter().any(|c| c == code), "{code}: {}", check.stdout);
    }
    assert!(codes.iter().any(|c| c == "amount-to-fill"));
    // Nor does the draft document mark them as holding (review s36: "Område 1: insatserna
    // 4 000 000 kr ✓" with every insats at 0).
    allocate(dir.path(), &["report", "plan-2027.toml", "-o", "utkast.md"]).assert_status(1);
    let md = read(&dir.path().join("utkast.md"));
    let area_1 = crate::support::typeset("| Område 1: insatserna | 4 000 000 kr ✓");
    assert!(!md.contains(&area_1), "{md}");
    assert!(
        !md.contains("Länets medel: områdena och insatserna ✓"),
        "{md}"
    );

    // Everything above insats 2.1 as 2026 (seed 001: area 1's insatser together 4 000 000 kr),
    // the first 500 000 typed 450 000: area 1's sum is compared now.
    let filled = filled_as_2026(&text, Some("id = \"2.1\""));
    let filled = filled.replacen("amount = 500000\n", "amount = 450000\n", 1);
    std::fs::write(dir.path().join("plan-2027.toml"), filled).unwrap();
    allocate(dir.path(), &["check", "plan-2027.toml"])
        .assert_status(1)
        .assert_stdout_contains(
            "fel[area-total]: insatserna i område 1 summerar till 3 950 000 kr, men områdets belopp är 4 000 000 kr",
        );
}

#[test]
fn init_keeps_the_decisions_texts_and_drops_the_notes_on_this_years_figures() {
    let dir = folder_with("plan-2026.toml");
    let out = allocate(dir.path(), &["init", "--from", "plan-2026.toml", "-o", "-"]);
    out.assert_status(0);
    assert!(
        out.stdout
            .contains("\nconditions = [  # ansvar och uppföljning (rad 239–252), omfördelning (rad 255–263), åtaganden (rad 1298–1303), ordagrant\n  \"För respektive aktivitets planering")
    );
    assert_eq!(out.stdout.matches("[areas.requirements]").count(), 3);
    // The note is about the 2026 document's 481 000.
    assert!(!out.stdout.contains("note = "), "{}", out.stdout);
}

#[test]
fn init_never_replaces_a_file_without_force() {
    let dir = folder_with("plan-2025.toml");
    std::fs::write(dir.path().join("plan-2026.toml"), "# mitt utkast\n").unwrap();
    allocate(dir.path(), &["init", "--from", "plan-2025.toml"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("plan-2026.toml finns redan");
    assert_eq!(read(&dir.path().join("plan-2026.toml")), "# mitt utkast\n");
    allocate(dir.path(), &["init", "--from", "plan-2025.toml", "--force"]).assert_status(0);
    assert!(read(&dir.path().join("plan-2026.toml")).contains("year = 2026"));
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn init_into_another_folder_keeps_the_key_file_reachable() {
    let dir = folder_with("plan-2025.toml");
    std::fs::create_dir_all(dir.path().join("utkast")).unwrap();
    allocate(
        dir.path(),
        &[
            "init",
            "--from",
            "plan-2025.toml",
            "--output",
            "utkast/plan.toml",
        ],
    )
    .assert_status(0)
    .assert_stderr_contains("Skrev utkast/plan.toml");
    let new = read(&dir.path().join("utkast/plan.toml"));
    assert!(new.contains("file = \"../keys/folkmangd-2024-11-01.csv\""));
    let check = allocate(dir.path(), &["check", "utkast/plan.toml"]);
    assert!(
        check
            .finding_codes()
            .iter()
            .all(|c| c == "amount-to-fill" || c == "decision-date"),
        "{}",
        check.stdout
    );
}

#[test]
fn init_to_standard_output_writes_no_file() {
    let dir = folder_with("plan-2026.toml");
    let out = allocate(dir.path(), &["init", "--from", "plan-2026.toml", "-o", "-"]);
    out.assert_status(0);
    assert!(out.stdout.starts_with(
        "# Fördelning av länsgemensamma medel för psykisk hälsa och suicidprevention 2027\n"
    ));
    assert!(out.stdout.contains("\nprevious_county_total = 12_689_898"));
    assert!(!dir.path().join("plan-2027.toml").exists());
    // What is said of the plan is said as for a file, but for where it went: the amounts to
    // fill in and the key to bring up to date were left out.
    let to_file = allocate(dir.path(), &["init", "--from", "plan-2026.toml"]);
    to_file.assert_status(0);
    let said = |stderr: &str| -> Vec<String> {
        stderr
            .lines()
            .filter(|l| !l.starts_with("Skrev "))
            .map(|l| {
                l.replace(
                    "`allocate check plan-2027.toml`",
                    "`allocate check` på den sparade planen",
                )
            })
            .collect()
    };
    assert_eq!(said(&out.stderr), said(&to_file.stderr));
    out.assert_stderr_contains(
        "56 belopp att fylla i; `allocate check` på den sparade planen listar dem.\n",
    )
    .assert_stderr_contains(
        "Nycklar att uppdatera för 2027:\n  - nyckeln `befolkning-procent-2026`",
    );
    // A name a shell would split is quoted, so the command can be pasted (tester s37).
    allocate(
        dir.path(),
        &["init", "--from", "plan-2026.toml", "-o", "p 2027 å.toml"],
    )
    .assert_status(0)
    .assert_stderr_contains("56 belopp att fylla i; `allocate check 'p 2027 å.toml'` listar dem.");
}

#[test]
fn a_zero_amount_in_a_plan_is_an_amount_to_fill() {
    let p = PlanDir::from_real("plan-2026.toml").edit(
        "actor = \"kfjh\"\namount = 250_000",
        "actor = \"kfjh\"\namount = 0",
    );
    let out = p.check(&[]);
    out.assert_status(1).assert_finding(
        "amount-to-fill",
        &p.position_of("amount = 0\n", "amount = ".len()),
    );
    out.assert_stdout_contains("fel[amount-to-fill]: belopp att fylla i: insats `2.1`");
}

#[test]
fn years_out_of_range_are_refused_not_wrapped() {
    let dir = tempfile::tempdir().unwrap();
    let text = real_plan("plan-2026.toml");
    std::fs::write(
        dir.path().join("plan.toml"),
        text.replacen("year = 2026", "year = 2147483647", 1),
    )
    .unwrap();
    crate::support::allocate(dir.path(), &["init", "--from", "plan.toml"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("planens år 2147483647 är inte ett fyrsiffrigt årtal");
    crate::support::allocate(
        dir.path(),
        &["init", "--from", "plan.toml", "--year", "2027"],
    )
    .assert_status(2);
    let real = crate::support::repo_root().join("allocations/plan-2025.toml");
    crate::support::allocate(
        dir.path(),
        &[
            "init",
            "--from",
            real.to_str().unwrap(),
            "--year",
            "99999",
            "-o",
            "-",
        ],
    )
    .assert_status(2)
    .assert_stdout_empty()
    .assert_stderr_contains(
        "ogiltigt värde '99999' för '--year <ÅR>': ange ett årtal mellan 1000 och 9998",
    );
    // The year after the last a plan can have is no year either.
    std::fs::write(
        dir.path().join("plan.toml"),
        text.replacen("year = 2026", "year = 9998", 1),
    )
    .unwrap();
    crate::support::allocate(dir.path(), &["init", "--from", "plan.toml"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains(
            "plan.toml gäller 9998, och 9998 är det sista år en plan kan gälla: det finns inget senare år att göra en plan för. Inget skrevs.",
        );
    // Nor is an earlier year offered in its place.
    let out = crate::support::allocate(
        dir.path(),
        &["init", "--from", "plan.toml", "--year", "2027"],
    );
    out.assert_status(2)
        .assert_stderr_contains("det sista år en plan kan gälla");
    assert!(!out.stderr.contains("--year 9999"), "{}", out.stderr);
}

#[test]
fn init_keeps_the_plans_layout_and_comments_and_drops_what_cites_last_years_document() {
    let dir = folder_with("plan-2026.toml");
    allocate(
        dir.path(),
        &["init", "--from", "plan-2026.toml", "-o", "plan-2027.toml"],
    )
    .assert_status(0)
    .assert_stdout_empty()
    // The printed per-kommun table's cells (seed 001) go, and `init` says so: `check` then
    // compares fewer figures (tester s27).
    .assert_stderr_contains("De tryckta beloppen per mottagare (`printed`) i insatserna 1.3, 2.5 och 3.4 är borttagna, eftersom de kom från 2026 års underlag. Skriv in årets belopp om underlaget anger dem, så kontrollerar `check` dem.\n");
    let new = read(&dir.path().join("plan-2027.toml"));
    // The comments that explain the plan stay, in their places.
    assert!(
        new.contains("# Ansvariga aktörer. `payment` följer av `kind` om den inte anges:"),
        "{new}"
    );
    assert!(new.contains("[[actors]]\nid = \"rjh\""), "{new}");
    // Amounts are 0 with last year's figure in the comment after them, in place of the
    // comment that cited last year's document.
    assert!(
        new.contains("county_total = 0  # fyll i (2026: 12 689 898 kr)\n"),
        "{new}"
    );
    assert!(
        new.contains("each = 0  # fyll i (2026: 75 000 kr)\n"),
        "{new}"
    );
    assert!(
        new.contains(
            "except = { \"Östersund\" = 0 }  # fyll i `except` (2026: \"Östersund\" = 140 000 kr)"
        ),
        "{new}"
    );
    assert!(!new.contains("Totalt: 12 689 898 kr"), "{new}");
    // Printed per-kommun figures and the dates cite last year's document and go; the dates
    // stay as a reminder.
    assert!(!new.contains("printed ="), "{new}");
    assert!(new.contains("# decision_date = 2027-MM-DD"), "{new}");
    assert!(new.contains("requisition = 2027-12-01"), "{new}");
    assert!(
        new.contains("previous_county_total = 12_689_898  # 2026 års länsmedel, Jämtlands län")
    );
}

/// Under `fixed-plus-key` a 0 in `except` is a kommun without a fixed part, whose money the key
/// gives out: no check could tell one left at 0 by `init` from one meant, so `init` keeps last
/// year's parts, marked, and the filled-in plan still gives Östersund its fixed part.
#[test]
fn a_fixed_plus_key_keeps_last_years_fixed_parts() {
    let dir = folder_with("plan-2026.toml");
    // 2.5 (665 000 kr) as 50 000 kr to each kommun, Östersund 140 000 kr, the rest
    // (175 000 kr) by the population key.
    let old = read(&dir.path().join("plan-2026.toml")).replacen(
        "rule = \"fixed\"\neach = 75_000\nexcept = { \"Östersund\" = 140_000 }\nprinted = { Berg = 75_000, \"Bräcke\" = 75_000, \"Härjedalen\" = 75_000, Krokom = 75_000, Ragunda = 75_000, \"Strömsund\" = 75_000, \"Åre\" = 75_000, \"Östersund\" = 140_000 }\n",
        "rule = \"fixed-plus-key\"\neach = 50_000\nexcept = { \"Östersund\" = 140_000 }\nkey = \"befolkning-procent-2026\"\nunit = 100\n",
        1,
    );
    assert!(old.contains("fixed-plus-key"));
    std::fs::write(dir.path().join("plan-2026.toml"), &old).unwrap();
    // (The kommuner's printed sums now differ: a plan of another year, for `init` only.)
    allocate(dir.path(), &["check", "plan-2026.toml"]).assert_stdout_contains(
        "\"Berg, summa\" är 196 200 kr, men posterna under den summerar till 180 500 kr",
    );
    allocate(
        dir.path(),
        &["init", "--from", "plan-2026.toml", "-o", "plan-2027.toml"],
    )
    .assert_status(0)
    .assert_stderr_contains("Fasta belopp (`except`) är kvar från 2026 under `fixed-plus-key` i insats 2.5; stäm av dem mot årets beslut.");
    let new = read(&dir.path().join("plan-2027.toml"));
    assert!(
        new.contains("rule = \"fixed-plus-key\"\neach = 0  # fyll i (2026: 50 000 kr)\nexcept = { \"Östersund\" = 140_000 }  # förra årets fasta belopp: stäm av mot årets beslut\n"),
        "{new}"
    );
    // The first check lists what is to fill in, and no split error besides: the fixed parts
    // are not held to an amount still 0.
    let first = allocate(dir.path(), &["check", "plan-2027.toml", "--format", "json"]);
    assert!(
        first.stdout.contains("\"amount-to-fill\""),
        "{}",
        first.stdout
    );
    assert!(!first.stdout.contains("split-invalid"), "{}", first.stdout);
    // Written as dotted keys, each kept part is marked on its line.
    let dotted = old.replacen(
        "except = { \"Östersund\" = 140_000 }\nkey",
        "except.\"Östersund\" = 140_000\nkey",
        1,
    );
    std::fs::write(dir.path().join("plan-2026.toml"), &dotted).unwrap();
    allocate(
        dir.path(),
        &["init", "--from", "plan-2026.toml", "-o", "dotted-2027.toml"],
    )
    .assert_status(0);
    let new_dotted = read(&dir.path().join("dotted-2027.toml"));
    assert!(
        new_dotted.contains(
            "except.\"Östersund\" = 140_000  # förra årets fasta belopp: stäm av mot årets beslut\n"
        ),
        "{new_dotted}"
    );
    std::fs::write(dir.path().join("plan-2026.toml"), &old).unwrap();
    // Filled in as last year: the insats's amount and `each`.
    let filled = new
        .replacen("each = 0  # fyll i (2026: 50 000 kr)", "each = 50_000", 1)
        .replacen(
            "amount = 0  # fyll i (2026: 665 000 kr)",
            "amount = 665_000",
            1,
        );
    std::fs::write(dir.path().join("plan-2027.toml"), filled).unwrap();
    let out = allocate(dir.path(), &["check", "plan-2027.toml", "--format", "json"]);
    assert!(
        !out.stdout.contains("except"),
        "no finding about `except`: {}",
        out.stdout
    );
}

#[test]
fn a_year_not_after_the_source_plan_is_refused() {
    let dir = folder_with("plan-2026.toml");
    for year in ["2026", "2020"] {
        allocate(
            dir.path(),
            &["init", "--from", "plan-2026.toml", "--year", year],
        )
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains(&format!(
            "--year {year} ligger inte efter plan-2026.toml, som gäller 2026: en ny plan gäller ett senare år. Inget skrevs. Ange t.ex. --year 2027"
        ));
    }
    // Nothing written, the source plan untouched.
    assert!(!dir.path().join("plan-2020.toml").exists());
    assert_eq!(
        read(&dir.path().join("plan-2026.toml")),
        read(&repo_root().join("allocations/plan-2026.toml"))
    );
    allocate(
        dir.path(),
        &[
            "init",
            "--from",
            "plan-2026.toml",
            "--year",
            "2026",
            "--lang",
            "en",
        ],
    )
    .assert_status(2)
    .assert_stderr_contains("--year 2026 is not after plan-2026.toml, which is for 2026");
}

#[test]
fn a_year_that_is_no_year_is_a_usage_error() {
    let dir = folder_with("plan-2026.toml");
    // Not a number clap's words about integers describe, nor wrapped around: a year.
    for year in ["4294967296", "abc", "999", "10000", "2027x", "-2027", ""] {
        let out = allocate(
            dir.path(),
            &[
                "init",
                "--from",
                "plan-2026.toml",
                &format!("--year={year}"),
            ],
        );
        out.assert_status(2)
            .assert_stdout_empty()
            .assert_stderr_contains(&format!(
                "fel: ogiltigt värde '{year}' för '--year <ÅR>': ange ett årtal mellan 1000 och 9998, till exempel 2027"
            ));
        for clap_words in ["heltal", "ligger inte mellan", "2147483647"] {
            assert!(!out.stderr.contains(clap_words), "{}", out.stderr);
        }
    }
    allocate(
        dir.path(),
        &["init", "--from", "plan-2026.toml", "--year", "abc", "--lang", "en"],
    )
    .assert_status(2)
    .assert_stderr_contains(
        "error: invalid value 'abc' for '--year <YEAR>': give a year between 1000 and 9998, e.g. 2027",
    );
    // Nothing was written.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    assert_eq!(names, ["plan-2026.toml"]);
}

#[test]
fn init_names_the_carried_over_keys_and_how_to_update_them() {
    let dir = folder_with("plan-2026.toml");
    let out = allocate(dir.path(), &["init", "--from", "plan-2026.toml"]);
    out.assert_status(0).assert_stderr_contains(
        "Nycklar att uppdatera för 2027:\n  - nyckeln `befolkning-procent-2026` har värden ur \"Beslutsunderlaget 2026, tabellen Respektive kommun\" (2026), ett tidigare år än planåret 2027\n    skriv in årets procentsatser ur årets beslutsunderlag och ändra `source`",
    );
    // A population key dated 1 November 2024 is recent enough for 2026, not for 2028.
    let dir = folder_with("plan-2025.toml");
    let out = allocate(dir.path(), &["init", "--from", "plan-2025.toml"]);
    out.assert_status(0);
    assert!(
        !out.stderr.contains("Nycklar att uppdatera"),
        "{}",
        out.stderr
    );
    let out = allocate(
        dir.path(),
        &["init", "--from", "plan-2025.toml", "--year", "2028"],
    );
    out.assert_status(0)
        .assert_stderr_contains("Nycklar att uppdatera för 2028:\n  - nyckeln `befolkning-2024` avser år 2024, mer än två år före planåret 2028\n    hämta nyare siffror från SCB");
}

#[test]
fn an_unfilled_printed_figure_is_reported_once() {
    // The insatser are filled in, the printed totals not yet: one finding per figure, not
    // also a comparison with the 0.
    let p = PlanDir::from_real("plan-2026.toml")
        .edit("county_total = 12_689_898", "county_total = 0")
        .edit("stated = 3_992_436", "stated = 0");
    let out = p.check(&[]);
    out.assert_status(1);
    let codes = out.finding_codes();
    assert_eq!(
        codes,
        ["amount-to-fill", "amount-to-fill", "earmark-total"],
        "{}",
        out.stdout
    );
    out.assert_stdout_contains("plan.toml: underkänd (2 fel, 1 varning)");
}

#[test]
fn invoices_without_a_decision_date_say_it_is_missing() {
    let p = PlanDir::from_real("plan-2026.toml").edit(
        "decision_date = 2026-02-27          # SVOM:s sammanträde enligt kallelsen (seed 000)\n",
        "",
    );
    let check = p.check(&[]);
    check
        .assert_status(0)
        .assert_finding("decision-date", "plan.toml:13:9")
        .assert_stdout_contains("varning[decision-date]: planen anger beslutande organ (SVOM) men inget beslutsdatum (`decision_date`)");
    let out = allocate(p.dir.path(), &["report", "--view", "invoices", "plan.toml"]);
    out.assert_status(0)
        .assert_stdout_contains("  Beslut: SVOM: Strategiska insatser")
        .assert_stdout_contains(
            "  Beslutsdatum: [saknas – ange `decision_date` under [plan] innan fakturan\n    skickas]\n",
        );
    // With the date there is no placeholder.
    let out = allocate(
        &repo_root(),
        &["report", "--view", "invoices", "allocations/plan-2026.toml"],
    );
    assert!(!out.stdout.contains("Beslutsdatum"));
}

#[test]
fn plan_texts_in_the_new_plans_comments_stay_on_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let old = real_plan("plan-2026.toml").replacen(
        "county = \"Jämtlands län\"",
        r#"county = "Jämtlands län)\n[injected]\nx = 1\r\n# (\u001b[2J\u202e""#,
        1,
    );
    std::fs::write(dir.path().join("plan-2026.toml"), &old).unwrap();
    allocate(dir.path(), &["check", "plan-2026.toml"]).assert_status(0);
    let out = allocate(
        dir.path(),
        &["init", "--from", "plan-2026.toml", "-o", "next.toml"],
    );
    let expected = amounts_in(&old);
    assert_eq!(expected, 56);
    out.assert_status(0)
        .assert_stderr_contains(&format!("{expected} belopp att fylla i"));
    let new = read(&dir.path().join("next.toml"));
    assert!(
        new.contains(
            "(2026 års plan för Jämtlands län) [injected] x = 1<U+000D> # (<U+001B>[2J<U+202E>).\n"
        ),
        "{new}"
    );
    assert!(!new.lines().any(|l| l.starts_with("[injected]")));
    let table: toml::Table = toml::from_str(&new).unwrap();
    assert!(!table.contains_key("injected"));
    let check = allocate(dir.path(), &["check", "next.toml"]);
    let to_fill = check
        .finding_codes()
        .iter()
        .filter(|c| *c == "amount-to-fill")
        .count();
    assert_eq!(to_fill, expected, "{}", check.stdout);
}

/// Every figure of the plan's printed tables (`[[tables]]`: cells, row, column and grand
/// totals) and cost-sharing tables (`[[cost_sharing]]`: rows' totals and printed parts, the
/// parties' totals, the grand total), in file order.
fn table_figures(plan_text: &str) -> Vec<i64> {
    let plan: toml::Table = toml::from_str(plan_text).unwrap();
    let mut figures = Vec::new();
    let mut push = |v: Option<&toml::Value>| match v {
        Some(toml::Value::Integer(n)) => figures.push(*n),
        Some(toml::Value::Array(a)) => figures.extend(a.iter().map(|v| v.as_integer().unwrap())),
        Some(toml::Value::Table(t)) => {
            figures.extend(t.values().map(|v| v.as_integer().unwrap()));
        }
        _ => {}
    };
    let sections = |key: &str| {
        plan.get(key)
            .and_then(|t| t.as_array())
            .cloned()
            .unwrap_or_default()
    };
    for table in sections("tables") {
        push(table.get("column_totals"));
        push(table.get("total"));
        for row in table["rows"].as_array().unwrap() {
            push(row.get("cells"));
            push(row.get("total"));
        }
    }
    for section in sections("cost_sharing") {
        push(section.get("total"));
        push(section.get("party_totals"));
        for row in section["rows"].as_array().unwrap() {
            push(row.get("total"));
            push(row.get("printed"));
        }
    }
    figures
}

/// `init` from an example plan (copied with the shipped key file where the example finds
/// it), and the first `check` of the new plan.
fn init_example(example: &str) -> (tempfile::TempDir, String, String, crate::support::Output) {
    let dir = tempfile::tempdir().unwrap();
    let root = repo_root();
    std::fs::create_dir_all(dir.path().join("examples")).unwrap();
    std::fs::create_dir_all(dir.path().join("allocations/keys")).unwrap();
    std::fs::copy(
        root.join("examples").join(example),
        dir.path().join("examples").join(example),
    )
    .unwrap();
    std::fs::copy(
        root.join("allocations/keys/folkmangd-2024-11-01.csv"),
        dir.path().join("allocations/keys/folkmangd-2024-11-01.csv"),
    )
    .unwrap();
    let from = format!("examples/{example}");
    let out = allocate(dir.path(), &["init", "--from", &from, "-o", "next.toml"]);
    out.assert_status(0);
    let old = read(&dir.path().join("examples").join(example));
    let new = read(&dir.path().join("next.toml"));
    let to_fill: usize = out
        .stderr
        .lines()
        .find_map(|l| l.strip_suffix("` listar dem."))
        .and_then(|l| l.split_once(" belopp att fylla i"))
        .map(|(n, _)| n.parse().unwrap())
        .unwrap();
    let check = allocate(dir.path(), &["check", "next.toml"]);
    check.assert_status(1);
    let to_fill_found = check
        .finding_codes()
        .iter()
        .filter(|c| *c == "amount-to-fill")
        .count();
    assert_eq!(to_fill, to_fill_found, "{}", check.stdout);
    // The tables' figures of last year are gone, none of them reported as a difference.
    let (last, now) = (table_figures(&old), table_figures(&new));
    assert!(last.iter().any(|&n| n > 0));
    assert_eq!(now, vec![0; last.len()]);
    assert!(
        !check
            .finding_codes()
            .iter()
            .any(|c| c.starts_with("table-") || c.starts_with("cost-sharing-")),
        "{}",
        check.stdout
    );
    (dir, old, new, check)
}

#[test]
fn init_zeroes_the_printed_tables_and_check_lists_them_to_fill() {
    let (dir, old, new, check) = init_example("plan-2026-as-printed.toml");
    // 56 amounts of the plan, and the table's five printed figures: its column totals, its
    // grand total and the cells of its three rows.
    assert_eq!(amounts_in(&old), 56);
    check.assert_stdout_contains("underkänd (61 fel, 2 varningar)");
    let new_plan: toml::Table = toml::from_str(&new).unwrap();
    let table = &new_plan["tables"][0];
    // What is not money stays.
    assert_eq!(table["id"].as_str(), Some("respektive-kommun"));
    assert_eq!(table["columns"].as_array().unwrap().len(), 8);
    assert_eq!(table["rows"][2]["insats"].as_str(), Some("3.4"));
    // Last year's figures are in the comment, the document's line numbers gone.
    assert!(new.contains(
        "\ncells = [0, 0, 0, 0, 0, 0, 0, 0]  # fyll i (2026: 21 200 kr, 18 000 kr, 30 400 kr, 47 600 kr, 15 600 kr, 32 800 kr, 38 400 kr, 196 000 kr)\n"
    ), "{new}");
    assert!(new.contains("\ntotal = 0  # fyll i (2026: 1 865 000 kr)\n"));
    assert!(!new.contains("# rad 118") && !new.contains("# rad 119"));
    let line = new
        .lines()
        .position(|l| l.starts_with("column_totals = "))
        .unwrap()
        + 1;
    check
        .assert_finding("amount-to-fill", &format!("next.toml:{line}:17"))
        .assert_stdout_contains(
            "fel[amount-to-fill]: belopp att fylla i: kolumnsummorna i tabellen `respektive-kommun` (`column_totals`)",
        )
        .assert_stdout_contains(
            "fel[amount-to-fill]: belopp att fylla i: cellerna på raden \"2.\" i tabellen `respektive-kommun`",
        );

    // The plan's amounts filled in with last year's, the table not yet: its cells are not
    // compared with what the insatser now give (24 `table-cell` errors); they are still to fill.
    let filled: String = new
        .lines()
        .map(|line| match line.split_once(" = 0  # fyll i (2026: ") {
            Some((key, rest)) if key != "total" && !key.starts_with("county_total") => {
                let amount: String = rest.chars().filter(char::is_ascii_digit).collect();
                format!("{key} = {amount}\n")
            }
            _ => format!("{line}\n"),
        })
        .collect();
    std::fs::write(dir.path().join("next.toml"), filled).unwrap();
    let check = allocate(dir.path(), &["check", "next.toml"]);
    let codes = check.finding_codes();
    assert!(
        !codes.iter().any(|c| c.starts_with("table-")),
        "{}",
        check.stdout
    );
    assert_eq!(
        codes.iter().filter(|c| *c == "amount-to-fill").count(),
        // county_total and stated_change (reported while it is 0), and the table's five
        // figures
        2 + 5,
        "{}",
        check.stdout
    );
    // Each row's cells as the plan gives them, to write in: with last year's amounts, the
    // decision basis's row 1 (seed 001: Berg 21 200 … Östersund 196 000) and row 3 (tester
    // s38: a table drafted at 0 was told only to be filled in).
    check
        .assert_stdout_contains(
            "planen ger `cells = [21_200, 18_000, 30_400, 47_600, 15_600, 32_800, 38_400, 196_000]`, de belopp som `allocate report` skriver i underlaget; eller ta bort tabellen",
        )
        .assert_stdout_contains(
            "`cells = [100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000]`",
        );
}

#[test]
fn init_zeroes_the_cost_sharing_table_and_check_lists_it_to_fill() {
    let (dir, old, new, check) = init_example("mini-maria-costs-2025.toml");
    // The plan's four amounts (county_total, stated_change, area 1, insats `mini-maria`), and
    // the section's: its total, the parties' totals, and each of its ten rows' total and
    // printed parts.
    assert!(old.contains("\ncounty_total = 3_202_124 "));
    let expected = 4 + 2 + 2 * 10;
    assert_eq!(expected, 26);
    check.assert_stdout_contains(&format!("underkänd ({expected} fel"));
    let new_plan: toml::Table = toml::from_str(&new).unwrap();
    let section = &new_plan["cost_sharing"][0];
    // The rules, the parties, the printed shares and what the section feeds stay.
    assert_eq!(section["parties"].as_array().unwrap().len(), 2);
    assert_eq!(section["percentages"]["kommunerna"].as_str(), Some("51,02"));
    assert_eq!(
        section["feeds"]["kommunerna"].as_str(),
        Some("county_total")
    );
    assert_eq!(section["rows"][3]["weights"][0].as_integer(), Some(25));
    assert_eq!(section["rows"][9]["percent_of_above"].as_str(), Some("9"));
    assert_eq!(section["rows"][8]["subtotal"].as_bool(), Some(true));
    assert!(section["title"].as_str().unwrap().ends_with("för 2026"));
    assert!(
        new.contains("\ntotal = 0  # fyll i (2025: 6 275 782 kr)\n"),
        "{new}"
    );
    assert!(new.contains(
        "\nparty_totals = { kommunerna = 0, region = 0 }  # fyll i (2025: kommunerna = 3 202 124 kr, region = 3 073 658 kr)\n"
    ), "{new}");
    assert!(!new.contains("(rad 1409)"));
    check
        .assert_stdout_contains(
            "fel[amount-to-fill]: belopp att fylla i: summan (`total`) på raden \"Digitalisering\" i kostnadsfördelningen `mini-maria`",
        )
        .assert_stdout_contains(
            "fel[amount-to-fill]: belopp att fylla i: parternas delar (`printed`) på raden \"OH-kostnader (9%)\" i kostnadsfördelningen `mini-maria`",
        );

    // With the county total filled in (what the kommuner's part feeds), the section still
    // to fill is not compared with it.
    let filled = new.replacen(
        "county_total = 0  # fyll i (2025: 3 202 124 kr)",
        "county_total = 3_202_124",
        1,
    );
    assert_ne!(filled, new);
    std::fs::write(dir.path().join("next.toml"), filled).unwrap();
    let check = allocate(dir.path(), &["check", "next.toml"]);
    let codes = check.finding_codes();
    assert!(
        !codes.iter().any(|c| c.starts_with("cost-sharing-")),
        "{}",
        check.stdout
    );
    assert_eq!(
        codes.iter().filter(|c| *c == "amount-to-fill").count(),
        expected - 2, // county_total and stated_change are in
        "{}",
        check.stdout
    );
}

/// The corpus's small plan (20 amounts to fill in), as `init` reads it.
fn base() -> String {
    read(&repo_root().join("tests/corpus/base.toml"))
}

/// `text` with `from` replaced by `to`, which must be in it.
fn edited(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

/// The base plan's `[plan]` section, as the shapes below rewrite it.
const PLAN_SECTION: &str = "[plan]\nyear = 2026\ncounty = \"Jämtlands län\"\ntitle = \"Korpusplan\"\nreference = \"400105\"\nunit = 1\ncounty_total = 3_000_000\nprevious_county_total = 2_900_000\nstated_change = 100_000\n";

/// `init --from plan.toml -o next.toml` (and `extra`) of `text`: the new plan's text and
/// `init`'s output.
fn init_text(text: &str, extra: &[&str]) -> (tempfile::TempDir, String, crate::support::Output) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), text).unwrap();
    let mut args = vec!["init", "--from", "plan.toml", "-o", "next.toml"];
    args.extend_from_slice(extra);
    let out = allocate(dir.path(), &args);
    let new = std::fs::read_to_string(dir.path().join("next.toml")).unwrap_or_default();
    (dir, new, out)
}

/// The plan `init` made of `text` (a shape of the base plan): written whole as the 2027
/// plan, its opening comment new and last year's gone, the year, deadlines and previous
/// total moved, and every amount to fill in (`expected` of them) and nothing else.
fn assert_next_plan(text: &str, expected: usize) -> String {
    let (dir, new, out) = init_text(text, &[]);
    out.assert_status(0)
        .assert_stdout_empty()
        .assert_stderr_contains("Skrev next.toml: 2027 års plan utifrån plan.toml.")
        .assert_stderr_contains(&format!("\n{expected} belopp att fylla i;"));
    assert!(
        new.starts_with(
            "# Fördelning av länsgemensamma medel för psykisk hälsa och suicidprevention 2027\n#\n# Skapad med `allocate init` ur plan.toml (2026 års plan för Jämtlands län).\n"
        ),
        "{new}"
    );
    assert!(!new.contains("Korpusens basplan"), "{new}");
    let plan: toml::Table = toml::from_str(&new).unwrap();
    assert_eq!(plan["plan"]["year"].as_integer(), Some(2027), "{new}");
    assert_eq!(
        plan["plan"]["previous_county_total"].as_integer(),
        Some(3_000_000)
    );
    assert_eq!(
        plan["deadlines"]["unused_repaid"].to_string(),
        "2028-03-31",
        "{new}"
    );
    let check = allocate(dir.path(), &["check", "next.toml"]);
    let codes = check.finding_codes();
    assert_eq!(codes.len(), expected, "{}", check.stdout);
    assert!(
        codes.iter().all(|c| c == "amount-to-fill"),
        "{}",
        check.stdout
    );
    new
}

#[test]
fn init_of_the_base_plan_leaves_its_twenty_amounts_to_fill() {
    let new = assert_next_plan(&base(), 20);
    assert!(new.contains("\nunit = 1\n# document_date = 2027-MM-DD  # fyll i: underlagets datum\n# decision_date = 2027-MM-DD  # fyll i: beslutsmötet\ncounty_total = 0  # fyll i (2026: 3 000 000 kr)\n"), "{new}");
    // The source had no previous national total: last year's is added.
    assert!(
        new.contains("\nnational_total = 0  # fyll i (2026: 1 320 000 000 kr)\nprevious_national_total = 1_320_000_000  # 2026 års nationella belopp\n"),
        "{new}"
    );
}

#[test]
fn init_edits_the_plan_section_written_inline_or_with_dotted_keys() {
    let inline = format!(
        "plan = {{ year = 2026, county = \"Jämtlands län\", title = \"Korpusplan\", reference = \"400105\", unit = 1, county_total = 3_000_000, previous_county_total = 2_900_000, stated_change = 100_000 }}\n\n{}",
        edited(&base(), PLAN_SECTION, "")
    );
    let new = assert_next_plan(&inline, 20);
    // The dates to fill in stand above the line; last year's total in its comment.
    assert!(new.contains("\n\n# plan = { …, document_date = 2027-MM-DD }  # fyll i: underlagets datum\n# plan = { …, decision_date = 2027-MM-DD }  # fyll i: beslutsmötet\nplan = { year = 2027, county = \"Jämtlands län\", title = \"Korpusplan\", reference = \"400105\", unit = 1, county_total = 0, previous_county_total = 3_000_000, stated_change = 0 }  # fyll i (2026: county_total 3 000 000 kr)\n\n[deadlines]\n"), "{new}");

    let dotted: String = PLAN_SECTION
        .lines()
        .skip(1)
        .map(|line| format!("plan.{line}\n"))
        .collect();
    let new = assert_next_plan(
        &format!("{dotted}\n{}", edited(&base(), PLAN_SECTION, "")),
        20,
    );
    assert!(new.contains("\n\nplan.year = 2027\n"), "{new}");
    assert!(new.contains("\nplan.unit = 1\n# plan.document_date = 2027-MM-DD  # fyll i: underlagets datum\n# plan.decision_date = 2027-MM-DD  # fyll i: beslutsmötet\nplan.county_total = 0  # fyll i (2026: 3 000 000 kr)\nplan.previous_county_total = 3_000_000  # 2026 års länsmedel, Jämtlands län\nplan.stated_change = 0  # fyll i: förändringen som underlaget anger den\n"), "{new}");

    // `[deadlines]` first: the new opening comment is at the top all the same.
    let deadlines = "[deadlines]\nrequisition = 2026-12-01\nuse_reported = 2026-12-31\nunused_repaid = 2027-03-31\n";
    let first = edited(
        &edited(&base(), &format!("\n{deadlines}"), ""),
        PLAN_SECTION,
        &format!("{deadlines}\n{PLAN_SECTION}"),
    );
    assert!(first.find("[deadlines]") < first.find("[plan]"));
    let new = assert_next_plan(&first, 20);
    assert!(
        new.contains("varje siffra står.\n\n[deadlines]\nrequisition = 2027-12-01\n"),
        "{new}"
    );
}

#[test]
fn init_zeroes_the_insatser_written_as_an_inline_array() {
    let text = base();
    let start = text.find("[[insatser]]").unwrap();
    let end = text.find("[[headings]]").unwrap();
    // At the top, as keys of the file's root must be.
    let inline = format!(
        "insatser = [\n  {{ id = \"1.1\", area = 1, text = \"Länssamordning\", focus_areas = [1, 6], actor = \"kfjh\", amount = 600_000 }},\n  {{ id = \"1.2\", area = 1, text = \"Brukar- och anhörigmedverkan i kommunerna\", focus_areas = [1], actor = \"kommunerna\", amount = 400_000, earmark = \"medverkan\", split = {{ rule = \"key\", key = \"procent\", unit = 100 }} }},\n  {{ id = \"2.1\", area = 2, text = \"Suicidprevention i regionen\", focus_areas = [6], actor = \"fhe\", amount = 500_000 }},\n  {{ id = \"2.2\", area = 2, text = \"Efterlevandestöd\", focus_areas = [6], actor = \"kommunerna\", amount = 800_000, split = {{ rule = \"equal\" }} }},\n  {{ id = \"2.3\", area = 2, text = \"Barnsäkert\", focus_areas = [6], actor = \"kommunerna\", amount = 665_000, split = {{ rule = \"fixed\", each = 75_000, except = {{ \"Östersund\" = 140_000 }} }} }},\n  {{ id = \"2.4\", area = 2, text = \"Spridningskonferens\", focus_areas = [1, 6], actor = [\"rjh\", \"kfjh\"], amount = 35_000, split = {{ rule = \"amounts\", amounts = {{ rjh = 20_000, kfjh = 15_000 }} }} }},\n]\n\n{}{}",
        &text[..start],
        &text[end..]
    );
    let new = assert_next_plan(&inline, 20);
    // A comment cannot go inside an inline table: last year's figures are on a line above it.
    assert!(new.contains("varje siffra står.\n\ninsatser = [\n  # fyll i (2026: amount 600 000 kr)\n  { id = \"1.1\", area = 1, text = \"Länssamordning\", focus_areas = [1, 6], actor = \"kfjh\", amount = 0 },\n"), "{new}");
    assert!(new.contains("\n  # fyll i (2026: amount 665 000 kr, split.each 75 000 kr, split.except \"Östersund\" = 140 000 kr)\n  { id = \"2.3\", area = 2, text = \"Barnsäkert\", focus_areas = [6], actor = \"kommunerna\", amount = 0, split = { rule = \"fixed\", each = 0, except = { \"Östersund\" = 0 } } },\n"), "{new}");
    assert!(new.contains("split = { rule = \"amounts\", amounts = { rjh = 0, kfjh = 0 } } },\n"));
}

/// The areas as one inline array: last year's figures after it, each area's named as the
/// plan's own comments name it ("område 1: …, varav medverkan: …; område 2: …"), in
/// either language.
#[test]
fn init_names_each_area_and_earmark_of_an_inline_array_in_its_comment() {
    let text = base();
    let start = text.find("[[areas]]").unwrap();
    let end = text.find("[[actors]]").unwrap();
    // The base plan's areas and earmark, inline.
    let (one, earmark, two) = (1_000_000, 400_000, 2_000_000);
    let areas = text[start..end].replace('_', "");
    for figure in [one, earmark, two] {
        assert!(areas.contains(&format!("amount = {figure}\n")), "{areas}");
    }
    let inline = format!(
        "areas = [{{ number = 1, title = \"Genomförande av den nationella strategin\", amount = {one}, earmarks = [{{ id = \"medverkan\", title = \"Patient-, brukar- och anhörigmedverkan\", amount = {earmark} }}] }}, {{ number = 2, title = \"Suicidprevention\", amount = {two} }}]\n\n{}{}",
        &text[..start],
        &text[end..]
    );
    let new = assert_next_plan(&inline, 20);
    let zeroed = "areas = [{ number = 1, title = \"Genomförande av den nationella strategin\", amount = 0, earmarks = [{ id = \"medverkan\", title = \"Patient-, brukar- och anhörigmedverkan\", amount = 0 }] }, { number = 2, title = \"Suicidprevention\", amount = 0 }]";
    let kr = |n: i64, sep: &str| {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(c);
        }
        format!("{out} kr")
    };
    let (one_sv, earmark_sv, two_sv) = (kr(one, " "), kr(earmark, " "), kr(two, " "));
    assert!(new.contains(&format!("{zeroed}  # fyll i (2026: område 1: amount {one_sv}, varav medverkan: amount {earmark_sv}; område 2: amount {two_sv})\n")), "{new}");
    let (dir, new, out) = init_text(&inline, &["--lang", "en"]);
    out.assert_status(0);
    drop(dir);
    let (one_en, earmark_en, two_en) = (kr(one, ","), kr(earmark, ","), kr(two, ","));
    assert!(new.contains(&format!("{zeroed}  # fill in (2026: area 1: amount {one_en}, of which medverkan: amount {earmark_en}; area 2: amount {two_en})\n")), "{new}");
    assert!(!new.contains("`1`"), "{new}");
}

#[test]
fn init_zeroes_earmarks_and_split_amounts_in_sub_tables_and_dotted_keys() {
    let text = edited(
        &base(),
        "\n[[areas.earmarks]]\nid = \"medverkan\"\ntitle = \"Patient-, brukar- och anhörigmedverkan\"\namount = 400_000\n",
        "earmarks = [{ id = \"medverkan\", title = \"Patient-, brukar- och anhörigmedverkan\", amount = 400_000 }]\n",
    );
    let text = edited(
        &text,
        "except = { \"Östersund\" = 140_000 }",
        "except.\"Östersund\" = 140_000",
    );
    let text = edited(
        &text,
        "amounts = { rjh = 20_000, kfjh = 15_000 }",
        "\n[insatser.split.amounts]\nrjh = 20_000\nkfjh = 15_000",
    );
    let new = assert_next_plan(&text, 20);
    assert!(new.contains("\nearmarks = [{ id = \"medverkan\", title = \"Patient-, brukar- och anhörigmedverkan\", amount = 0 }]  # fyll i (2026: varav medverkan: amount 400 000 kr)\n"), "{new}");
    assert!(
        new.contains("\nexcept.\"Östersund\" = 0  # fyll i (2026: 140 000 kr)\n"),
        "{new}"
    );
    assert!(new.contains("\n[insatser.split.amounts]\nrjh = 0  # fyll i (2026: 20 000 kr)\nkfjh = 0  # fyll i (2026: 15 000 kr)\n"), "{new}");
}

#[test]
fn init_zeroes_a_printed_tables_inline_rows() {
    // A table printing insats 1.2's parts (Berg 21 200, Östersund 196 000 of 400 000).
    let table = "\n[[tables]]\nid = \"t\"\ntitle = \"Tabell 2026\"\ncolumns = [\"Berg\", \"Östersund\"]\ncolumn_totals = [21_200, 196_000]\ntotal = 217_200\n";
    let rows = "rows = [\n  { label = \"1.\", insats = \"1.2\", cells = [21_200, 196_000] },\n]\n";
    // 20, and the column totals, the total and the row's cells.
    let new = assert_next_plan(&format!("{}{table}{rows}", base()), 23);
    assert!(new.contains("\ntitle = \"Tabell 2027\"\n"), "{new}");
    assert!(new.contains("\nrows = [\n  # fyll i (2026: cells 21 200 kr, 196 000 kr)\n  { label = \"1.\", insats = \"1.2\", cells = [0, 0] },\n]\n"), "{new}");
    // On one line, last year's figures go after the array.
    let rows = "rows = [{ label = \"1.\", insats = \"1.2\", cells = [21_200, 196_000] }]\n";
    let new = assert_next_plan(&format!("{}{table}{rows}", base()), 23);
    assert!(new.contains("\nrows = [{ label = \"1.\", insats = \"1.2\", cells = [0, 0] }]  # fyll i (2026: rad 1.: cells 21 200 kr, 196 000 kr)\n"), "{new}");
}

#[test]
fn a_deadline_that_would_pass_9999_is_refused_and_nothing_is_written() {
    let text = edited(
        &base(),
        "unused_repaid = 2027-03-31",
        "unused_repaid = 2028-03-31",
    );
    let (dir, _, out) = init_text(&text, &["--year", "9998"]);
    out.assert_status(2).assert_stdout_empty().assert_stderr_contains(
        "plan.toml: tidsgränsen `unused_repaid` = 2028-03-31 skulle flyttas till år 10000, men ett datum kan inte ligga efter år 9999. Inget skrevs.",
    );
    assert!(!dir.path().join("next.toml").exists());
}

#[test]
fn a_plan_for_a_later_year_than_the_next_leaves_the_previous_totals_to_fill_in() {
    let (dir, new, out) = init_text(&base(), &["--year", "2030"]);
    out.assert_status(0).assert_stderr_contains(
        "Obs: plan.toml är 2026 års plan, inte 2029 års: förra årets totalbelopp (`previous_county_total`, `previous_national_total`) står inte där och är kvar att fylla i.",
    );
    let plan: toml::Table = toml::from_str(&new).unwrap();
    assert!(plan["plan"].get("previous_county_total").is_none(), "{new}");
    assert!(
        plan["agreement"].get("previous_national_total").is_none(),
        "{new}"
    );
    assert!(new.contains("\n# previous_county_total = …  # fyll i: 2029 års länsmedel (står inte i 2026 års plan)\ncounty_total = 0  # fyll i (2026: 3 000 000 kr)\n"), "{new}");
    assert!(new.contains("\n# previous_national_total = …  # fyll i: 2029 års nationella belopp (står inte i 2026 års plan)\nnational_total = 0"), "{new}");
    assert!(new.contains("\nunused_repaid = 2031-03-31\n"), "{new}");
    let check = allocate(dir.path(), &["check", "next.toml"]);
    assert_eq!(
        check.finding_codes(),
        vec!["amount-to-fill"; 20],
        "{}",
        check.stdout
    );
}

#[test]
fn the_new_plans_comments_follow_the_language() {
    let (_dir, new, out) = init_text(&base(), &["--lang", "en"]);
    out.assert_status(0).assert_stderr_contains(
        "Wrote next.toml: the 2027 plan from plan.toml.\n20 amounts to fill in;",
    );
    assert!(new.starts_with(
        "# Allocation of the county's joint funds for mental health and suicide prevention 2027\n"
    ));
    assert!(new.contains("\n# decision_date = 2027-MM-DD  # fill in: the meeting\ncounty_total = 0  # fill in (2026: 3,000,000 kr)\nprevious_county_total = 3_000_000  # 2026's county total, Jämtlands län\nstated_change = 0  # fill in: the change as the document states it\n"), "{new}");
    assert!(
        new.contains(
            "except = { \"Östersund\" = 0 }  # fill in `except` (2026: \"Östersund\" = 140,000 kr)"
        ),
        "{new}"
    );
    assert!(!new.contains("fyll i") && !new.contains(" års "), "{new}");
    // The opening comment says all the Swedish one says (tester s27 CI #9).
    assert!(
        new.contains(
            "add what is new; say\n# in comments where in the document each figure stands.\n\n"
        ),
        "{new}"
    );
}

#[test]
fn init_to_standard_output_keeps_key_files_relative_to_the_source_plans_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = repo_root().join("allocations");
    std::fs::create_dir_all(dir.path().join("plans/keys")).unwrap();
    std::fs::copy(
        root.join("plan-2025.toml"),
        dir.path().join("plans/plan-2025.toml"),
    )
    .unwrap();
    std::fs::copy(
        root.join("keys/folkmangd-2024-11-01.csv"),
        dir.path().join("plans/keys/folkmangd-2024-11-01.csv"),
    )
    .unwrap();
    let out = allocate(
        dir.path(),
        &["init", "--from", "plans/plan-2025.toml", "-o", "-"],
    );
    out.assert_status(0).assert_stderr_contains(
        "Obs: nycklarnas `file` är relativa till mappen där plans/plan-2025.toml ligger; spara planen i den mappen",
    );
    assert!(
        out.stdout
            .contains("\nfile = \"keys/folkmangd-2024-11-01.csv\"")
    );
    // Saved beside the source plan, as `init -o - > plans/plan-2026.toml`, it finds the file.
    std::fs::write(dir.path().join("plans/plan-2026.toml"), &out.stdout).unwrap();
    let check = allocate(dir.path(), &["check", "plans/plan-2026.toml"]);
    let mut codes = check.finding_codes();
    codes.sort();
    codes.dedup();
    assert_eq!(
        codes,
        ["amount-to-fill", "decision-date"],
        "{}",
        check.stdout
    );
}

#[test]
fn counts_are_grouped_and_a_plan_larger_than_check_reads_is_warned_of() {
    // 5 000 more insatser: the source is under 1 MiB (and of fewer TOML parts than a plan of
    // 1 MiB may have), the new plan, with last year's figures in its comments, over.
    let (dir, out) = init_with_more_insatser(5_000, 120);
    out.assert_status(0)
        .assert_stderr_contains("\n5 020 belopp att fylla i;")
        .assert_stderr_contains("mer än de 1 MiB (1 048 576 byte) som `allocate check` läser; höj gränsen med miljövariabeln ALLOCATE_MAX_FILE_MB (i MiB).");
    let size = std::fs::metadata(dir.path().join("next.toml"))
        .unwrap()
        .len();
    assert!(size > 1 << 20, "{size}");
}

/// `init` of the base plan with `n` more insatser of texts `chars` long, at a size limit of
/// 1 MiB (the source under it), into `next.toml`.
fn init_with_more_insatser(n: usize, chars: usize) -> (tempfile::TempDir, crate::support::Output) {
    let mut text = base();
    let long = "T".repeat(chars);
    for i in 0..n {
        text.push_str(&format!(
            "\n[[insatser]]\nid = \"x{i}\"\narea = 2\ntext = \"{long}\"\nfocus_areas = [6]\nactor = \"fhe\"\namount = 1\n"
        ));
    }
    assert!(text.len() < 1 << 20);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), &text).unwrap();
    let out = crate::support::allocate_env(
        dir.path(),
        &["init", "--from", "plan.toml", "-o", "next.toml"],
        &[("ALLOCATE_MAX_FILE_MB", "1")],
    );
    (dir, out)
}

/// A new plan within the size limit `check` reads but of more TOML parts than it parses (one
/// for every 4 bytes of the limit: each amount's note of last year's figure adds two) is
/// warned of too (review s32).
#[test]
fn a_plan_of_more_toml_parts_than_check_reads_is_warned_of() {
    let (dir, out) = init_with_more_insatser(5_750, 60);
    out.assert_status(0).assert_stderr_contains(
        "delar i TOML, fler än de 262 144 som `allocate check` läser; höj gränsen med miljövariabeln ALLOCATE_MAX_FILE_MB (i MiB).",
    );
    let size = std::fs::metadata(dir.path().join("next.toml"))
        .unwrap()
        .len();
    assert!(size < 1 << 20, "{size}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_folder_that_takes_no_new_files_is_named_as_such() {
    if !Path::new("/proc/version").exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), base()).unwrap();
    allocate(
        dir.path(),
        &["init", "--from", "plan.toml", "-o", "/proc/version", "--force"],
    )
    .assert_status(2)
    .assert_stderr_contains(
        "kunde inte skriva /proc/version: mappen /proc tar inte emot nya filer. Inget lämnades kvar.",
    );
}

/// The year moves in a text where it stands alone; dates, spans of years and references keep
/// theirs, and `init` names every text it changed.
#[test]
fn the_year_moves_only_where_it_stands_alone_and_init_names_the_texts() {
    let text = edited(
        &base(),
        "stated_change = 100_000\n",
        "stated_change = 100_000\nproposal = [\"Att SVOM fastställer fördelningen för verksamhetsåret 2026/2027\", \"Att beslutet från SVOM 2026-02-27 gäller\", \"Att diarienummer RJH 2026/123 används\", \"Att handlingsplanen 2026–2034 följs\", \"Att medlen för 2026 rekvireras\"]\n",
    );
    let text = edited(
        &text,
        "title = \"Korpusplan\"",
        "title = \"Korpusplan 2026\"",
    );
    let (_dir, new, out) = init_text(&text, &[]);
    out.assert_status(0).assert_stderr_contains(
        "Årtalet 2026 är ändrat till 2027 där det står ensamt i titeln (`title`) och punkt 5 i förslaget till beslut (`proposal`);",
    );
    assert!(new.contains("title = \"Korpusplan 2027\""), "{new}");
    assert!(
        new.contains("proposal = [\"Att SVOM fastställer fördelningen för verksamhetsåret 2026/2027\", \"Att beslutet från SVOM 2026-02-27 gäller\", \"Att diarienummer RJH 2026/123 används\", \"Att handlingsplanen 2026–2034 följs\", \"Att medlen för 2027 rekvireras\"]"),
        "{new}"
    );
    // Nothing changed, nothing named.
    let (_dir, new, out) = init_text(&base(), &[]);
    out.assert_status(0);
    assert!(!out.stderr.contains("Årtalet"), "{}", out.stderr);
    assert!(new.contains("# angivna summor är förra årets, med kommentarerna;"));
    // A plan made from an older year's calls its figures by their year, not last year's.
    let (_dir, new, out) = init_text(&base(), &["--year", "2030"]);
    out.assert_status(0);
    assert!(
        new.contains("# angivna summor är 2026 års, med kommentarerna;"),
        "{new}"
    );
    assert!(new.contains("# Varje belopp står som 0, med 2026 års belopp i kommentaren efter."));
}

/// A line `init` leaves to fill in among dotted keys (`# plan.document_date = …`) is right
/// once uncommented: a key of the plan, not an unknown one at the top.
#[test]
fn a_line_to_fill_in_among_dotted_keys_is_a_key_of_the_plan_once_uncommented() {
    let dotted: String = PLAN_SECTION
        .lines()
        .skip(1)
        .map(|line| format!("plan.{line}\n"))
        .collect();
    let (dir, new, out) = init_text(
        &format!("{dotted}\n{}", edited(&base(), PLAN_SECTION, "")),
        &[],
    );
    out.assert_status(0);
    let line = "# plan.document_date = 2027-MM-DD  # fyll i: underlagets datum\n";
    assert!(new.contains(line), "{new}");
    std::fs::write(
        dir.path().join("next.toml"),
        new.replace(line, "plan.document_date = 2027-02-01\n"),
    )
    .unwrap();
    let check = allocate(dir.path(), &["check", "next.toml"]);
    let codes = check.finding_codes();
    assert!(
        codes
            .iter()
            .all(|c| c == "amount-to-fill" || c == "decision-date"),
        "{codes:?}\n{}",
        check.stdout
    );
    assert!(!codes.is_empty());
}

/// A printed total still to be filled in, once the insatser are: the finding gives the sum
/// the plan computes (what a decision basis made with `allocate report` prints), the hint the
/// literal to write, and the draft document shows it as computed, not 0. The 2026 plan with
/// its printed totals at 0, as `init` leaves them: KFJH's heading is 3 992 436 kr and Berg's
/// column sum 196 200 kr in seed 001.
#[test]
fn a_printed_total_to_fill_in_gives_the_sum_the_plan_computes() {
    let dir = tempfile::tempdir().unwrap();
    let text = read(&repo_root().join("allocations/plan-2026.toml"))
        .replace("stated = 3_992_436  # rad 1155", "stated = 0")
        .replace(
            "label = \"Berg, summa\"\nkommun = \"Berg\"\namount = 196_200",
            "label = \"Berg, summa\"\nkommun = \"Berg\"\namount = 0",
        );
    std::fs::write(dir.path().join("plan.toml"), &text).unwrap();
    let check = allocate(dir.path(), &["check", "plan.toml"]);
    check
        .assert_status(1)
        .assert_stdout_contains(
            "fel[amount-to-fill]: belopp att fylla i: rubriken \"Kommunförbundet Jämtland Härjedalen KFJH samt länets kommuner\"",
        )
        .assert_stdout_contains("= belopp: angivet 0 kr, beräknat 3 992 436 kr")
        .assert_stdout_contains("planen ger `3_992_436`, den summa som `allocate report` skriver i underlaget; eller ta bort summan")
        .assert_stdout_contains("= belopp: angivet 0 kr, beräknat 196 200 kr")
        .assert_stdout_contains("`196_200`");
    let md = allocate(dir.path(), &["report", "plan.toml", "--format", "md"]);
    md.assert_status(1)
        .assert_stdout_contains("| Berg, summa | **0\u{a0}kr** ≠ beräknat 196\u{202f}200\u{a0}kr");
    // While an insats or a split's `each` is still to be filled in, no sum is offered: it
    // would be short.
    for unfilled in [
        text.replace("amount = 1_350_000", "amount = 0"),
        text.replace("each = 75_000", "each = 0"),
        text.replace(
            "except = { \"Östersund\" = 140_000 }",
            "except = { \"Östersund\" = 0 }",
        ),
    ] {
        std::fs::write(dir.path().join("plan.toml"), unfilled).unwrap();
        let check = allocate(dir.path(), &["check", "plan.toml"]);
        assert!(
            !check.stdout.contains("beräknat 3 992 436 kr"),
            "{}",
            check.stdout
        );
        assert!(!check.stdout.contains("`196_200`"), "{}", check.stdout);
    }
}

/// A plan that does not check still gives next year's plan (its texts are worth keeping), but
/// `init` says so: its county total, mistyped as 12 698 898 kr for the document's 12 689 898,
/// becomes the new plan's `previous_county_total`.
#[test]
fn init_from_a_plan_with_errors_says_so() {
    let p = PlanDir::from_real("plan-2026.toml")
        .edit("county_total = 12_689_898 ", "county_total = 12_698_898 ");
    let errors = p.check(&[]);
    errors.assert_status(1);
    let out = allocate(p.dir.path(), &["init", "--from", "plan.toml"]);
    out.assert_status(0).assert_stderr_contains(
        "Obs: plan.toml har 3 fel (`allocate check plan.toml`); den nya planens `previous_county_total` är ändå dess länsmedel, 12 698 898 kr.",
    );
    assert!(
        read(&p.dir.path().join("plan-2027.toml")).contains("previous_county_total = 12_698_898")
    );
    // A plan that checks gets no such note.
    let clean = PlanDir::from_real("plan-2026.toml");
    clean.check(&[]).assert_status(0);
    let out = allocate(clean.dir.path(), &["init", "--from", "plan.toml"]);
    out.assert_status(0);
    assert!(!out.stderr.contains("Obs: plan.toml har"), "{}", out.stderr);
}

/// Texts kept as they stand that still cite last year are named: in the 2025 plan the
/// condition on money not invoiced by 2025-08-30 (seed 003, line 649) and the two rows of
/// "breddinförande Barnsäkert 2025". The strategy's period 2026–2034 is no citation of a year.
#[test]
fn init_names_the_texts_that_still_cite_last_year() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan-2026.toml");
    let from_2025 = allocate(
        &repo_root(),
        &[
            "init",
            "--from",
            "allocations/plan-2025.toml",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    from_2025.assert_status(0).assert_stderr_contains(
        "Texter som fortfarande nämner 2025 (ett år, ett datum eller ett diarienummer) står kvar: stycke 1 i villkoren (`conditions`), insats 2.3 och insats 2.4. Läs dem mot 2026 års beslut.",
    );
    let out = dir.path().join("plan-2027.toml");
    let from_2026 = allocate(
        &repo_root(),
        &[
            "init",
            "--from",
            "allocations/plan-2026.toml",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    from_2026.assert_status(0);
    assert!(
        !from_2026.stderr.contains("fortfarande nämner"),
        "{}",
        from_2026.stderr
    );
}

/// The `.toml` files in a folder, sorted.
fn plans_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    names
}

/// `init --from allocations/plan-2026.toml` in a folder with the repository's plan, and
/// `init --example` in an empty one, with the same arguments after: (folder, output) each.
fn from_and_example(
    extra: &[&str],
) -> (
    (tempfile::TempDir, crate::support::Output),
    (tempfile::TempDir, crate::support::Output),
) {
    let with_plan = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(with_plan.path().join("allocations")).unwrap();
    std::fs::copy(
        repo_root().join("allocations/plan-2026.toml"),
        with_plan.path().join("allocations/plan-2026.toml"),
    )
    .unwrap();
    let mut args = vec!["init", "--from", "allocations/plan-2026.toml"];
    args.extend(extra);
    let from = allocate(with_plan.path(), &args);
    let empty = tempfile::tempdir().unwrap();
    let mut args = vec!["init", "--example"];
    args.extend(extra);
    let example = allocate(empty.path(), &args);
    ((with_plan, from), (empty, example))
}

const EXAMPLE_SV: &str = "Jämtlands läns plan för 2026 som följer med allocate";
const ANOTHER_COUNTY_SV: &str = "För ett annat län: byt ut det som är Jämtlands (län, organ, förra årets länsmedel `previous_county_total`, aktörer, kommuner, nycklar, insatser, kontaktpersoner och texter), enligt README-avsnittet \"A plan for another county\".\n";

#[test]
fn init_example_writes_the_plan_init_from_the_shipped_2026_plan_writes() {
    let ((with_plan, from), (empty, example)) =
        from_and_example(&["--year", "2027", "-o", "plan-2027.toml"]);
    from.assert_status(0).assert_stdout_empty();
    example.assert_status(0).assert_stdout_empty();
    // Byte for byte the same plan, made without the source tree, but for the opening comment,
    // which names the example: a new county has no `allocations/` folder.
    let written = std::fs::read_to_string(empty.path().join("plan-2027.toml")).unwrap();
    assert!(written.contains(
        "# Skapad med `allocate init` ur exemplet som följer med allocate (2026 års plan för Jämtlands län).\n"
    ));
    assert_eq!(
        written.replacen(
            "exemplet som följer med allocate",
            "allocations/plan-2026.toml",
            1
        ),
        std::fs::read_to_string(with_plan.path().join("plan-2027.toml")).unwrap()
    );
    assert_eq!(plans_in(empty.path()), ["plan-2027.toml"]);
    // The same report, but for the plan's name and the line for a new county at the end.
    assert!(
        example
            .stderr
            .starts_with(&format!("Skrev plan-2027.toml: 2027 års plan utifrån {EXAMPLE_SV}.\n56 belopp att fylla i; `allocate check plan-2027.toml` listar dem.\n")),
        "{}",
        example.stderr
    );
    let expected = from.stderr.replace(
        "utifrån allocations/plan-2026.toml.",
        &format!("utifrån {EXAMPLE_SV}."),
    ) + ANOTHER_COUNTY_SV;
    assert_eq!(example.stderr, expected);

    // Its first `check` is the list of what to fill in, as that of the plan from the file.
    let check = allocate(empty.path(), &["check", "plan-2027.toml"]);
    let check_from = allocate(with_plan.path(), &["check", "plan-2027.toml"]);
    check.assert_status(1);
    assert_eq!(
        (&check.stdout, &check.stderr),
        (&check_from.stdout, &check_from.stderr)
    );
    let codes = check.finding_codes();
    let to_fill = codes.iter().filter(|c| *c == "amount-to-fill").count();
    assert_eq!(to_fill, 56, "{}", check.stdout);
    assert_eq!(
        to_fill,
        amounts_in(&crate::support::real_plan("plan-2026.toml"))
    );
    assert!(
        codes
            .iter()
            .all(|c| ["amount-to-fill", "decision-date", "key-source"].contains(&c.as_str())),
        "{codes:?}"
    );
    check
        .assert_stdout_contains(
            "fel[amount-to-fill]: belopp att fylla i: länets totalbelopp (`county_total`)",
        )
        .assert_stdout_contains("plan-2027.toml: underkänd (56 fel, 2 varningar)");
}

#[test]
fn init_example_speaks_english_with_lang_en_and_prints_the_plan_with_output_dash() {
    let ((_, from), (empty, example)) = from_and_example(&["--lang", "en", "-o", "-"]);
    from.assert_status(0);
    example.assert_status(0);
    assert_eq!(
        example.stdout.replacen(
            "the example that comes with allocate",
            "allocations/plan-2026.toml",
            1
        ),
        from.stdout
    );
    assert!(example.stdout.contains(
        "# Made with `allocate init` from the example that comes with allocate (2026's plan for Jämtlands län).\n"
    ));
    assert!(example.stdout.contains("\nyear = 2027\n"));
    assert_eq!(
        example.stderr,
        from.stderr.clone()
            + "For another county: replace what is Jämtland's (county, forum, last year's county total `previous_county_total`, actors, kommuner, keys, insatser, contacts and texts), as the README section \"A plan for another county\" lists.\n"
    );
    // Printed, nothing is written; by default the plan goes to the current folder.
    assert_eq!(plans_in(empty.path()), Vec::<String>::new());
    allocate(empty.path(), &["init", "--example", "--lang", "en"])
        .assert_status(0)
        .assert_stderr_contains(
            "Wrote plan-2027.toml: the 2027 plan from the 2026 plan for Jämtlands län that comes with allocate.\n",
        );
    assert_eq!(plans_in(empty.path()), ["plan-2027.toml"]);
    // Never replaced without --force.
    let before = read(&empty.path().join("plan-2027.toml"));
    allocate(empty.path(), &["init", "--example", "--year", "2027"]).assert_status(2);
    assert_eq!(read(&empty.path().join("plan-2027.toml")), before);
    allocate(empty.path(), &["init", "--example", "--force"]).assert_status(0);
}

#[test]
fn init_example_refuses_a_year_before_2026_naming_the_shipped_plan() {
    let dir = tempfile::tempdir().unwrap();
    allocate(dir.path(), &["init", "--example", "--year", "2025"])
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains(&format!(
            "fel: --year 2025 ligger inte efter {EXAMPLE_SV}, som gäller 2026"
        ));
    assert_eq!(plans_in(dir.path()), Vec::<String>::new());
}

/// A county new to `allocate` in 2026 makes its plan for 2026 from the example (tester s43:
/// refused, with no other way): the deadlines stay, the county total and every amount are to
/// fill in, and last year's total, which the example does not hold, is left to write.
#[test]
fn init_example_makes_a_plan_for_the_examples_own_year() {
    let dir = tempfile::tempdir().unwrap();
    allocate(dir.path(), &["init", "--example", "--year", "2026"])
        .assert_status(0)
        .assert_stdout_empty()
        .assert_stderr_contains("Skrev plan-2026.toml: 2026 års plan utifrån")
        .assert_stderr_contains("56 belopp att fylla i");
    let plan = read(&dir.path().join("plan-2026.toml"));
    assert!(plan.contains("\nyear = 2026\n"), "{plan}");
    assert!(plan.contains("\nrequisition = 2026-12-01"), "{plan}");
    assert!(plan.contains("\nunused_repaid = 2027-03-31"), "{plan}");
    assert!(plan.contains("\n# previous_county_total = …"), "{plan}");
    assert!(plan.contains("\ncounty_total = 0"), "{plan}");
    // Left to fill in, each amount told by `check`.
    allocate(dir.path(), &["check", "plan-2026.toml"])
        .assert_status(1)
        .assert_stdout_contains("plan-2026.toml: underkänd (56 fel");
}

#[test]
fn init_without_a_plan_says_both_ways_to_give_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = allocate(dir.path(), &["init"]);
    out.assert_status(2).assert_stdout_empty();
    assert_eq!(
        out.stderr,
        format!(
            "fel: ange planen att utgå från: allocate init --from PLAN (förra årets plan), eller allocate init --example ({EXAMPLE_SV}, för ett län som börjar med allocate)\n"
        )
    );
    let out = allocate(dir.path(), &["init", "--lang", "en", "--year", "2027"]);
    out.assert_status(2).assert_stdout_empty();
    assert_eq!(
        out.stderr,
        "error: give the plan to start from: allocate init --from PLAN (last year's plan), or allocate init --example (the 2026 plan for Jämtlands län that comes with allocate, for a county new to allocate)\n"
    );
    assert_eq!(plans_in(dir.path()), Vec::<String>::new());
}

#[test]
fn init_from_and_example_together_are_a_usage_error() {
    let dir = folder_with("plan-2026.toml");
    let out = allocate(
        dir.path(),
        &[
            "init",
            "--from",
            "plan-2026.toml",
            "--example",
            "-o",
            "new.toml",
        ],
    );
    out.assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("fel: '--from <PLAN>' kan inte anges tillsammans med '--example'")
        .assert_stderr_contains("Användning: allocate init [FLAGGOR] <--from <PLAN>|--example>");
    allocate(
        dir.path(),
        &[
            "init",
            "--example",
            "--from",
            "plan-2026.toml",
            "--lang",
            "en",
        ],
    )
    .assert_status(2)
    .assert_stdout_empty()
    .assert_stderr_contains("error: the argument '--example' cannot be used with '--from <PLAN>'")
    .assert_stderr_contains("Usage: allocate init [OPTIONS] <--from <PLAN>|--example>");
    assert_eq!(plans_in(dir.path()), ["plan-2026.toml"]);
}

#[test]
fn init_from_a_missing_file_points_to_the_example() {
    let dir = tempfile::tempdir().unwrap();
    allocate(dir.path(), &["init", "--from", "plan-2025.toml"])
        .assert_status(2)
        .assert_stderr_contains("kan inte läsa plan-2025.toml: filen finns inte")
        .assert_stderr_contains(&format!(
            "= åtgärd: ange sökvägen till förra årets plan, eller börja från {EXAMPLE_SV}: allocate init --example"
        ));
    allocate(dir.path(), &["init", "--from", "plan-2025.toml", "--lang", "en"])
        .assert_status(2)
        .assert_stderr_contains("= help: give the path of last year's plan, or start from the 2026 plan for Jämtlands län that comes with allocate: allocate init --example");
    // Other commands keep their hint.
    allocate(dir.path(), &["check", "plan-2025.toml"])
        .assert_status(2)
        .assert_stdout_contains("= åtgärd: ange sökvägen till en planfil i TOML");
}

#[test]
fn init_help_documents_both_ways_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let short = allocate(dir.path(), &["init", "-h"]);
    short
        .assert_status(0)
        .assert_stdout_contains("Användning: allocate init [FLAGGOR] <--from <PLAN>|--example>");
    // Each option on its line, with what it is.
    let line = |option: &str| {
        (short.stdout.lines())
            .find_map(|l| l.trim_start().strip_prefix(option).map(str::trim_start))
            .unwrap_or_else(|| panic!("{option}: {}", short.stdout))
            .to_string()
    };
    assert!(line("--from <PLAN>").starts_with("Förra årets plan att utgå från (eller --example)"));
    assert!(line("--example").starts_with(
        "Utgå från planen som följer med allocate, Jämtlands läns plan för 2026, i stället för --from"
    ));
    allocate(dir.path(), &["init", "--help", "--lang", "en"])
        .assert_status(0)
        .assert_stdout_contains("Usage: allocate init [OPTIONS] <--from <PLAN>|--example>")
        .assert_stdout_contains(
            "Start from the plan that comes with allocate, Jämtlands län's for 2026",
        );
}

#[test]
fn init_keeps_the_contacts_as_they_are() {
    let dir = folder_with("plan-2026.toml");
    let out = allocate(dir.path(), &["init", "--from", "plan-2026.toml", "-o", "-"]);
    out.assert_status(0);
    let old = real_plan("plan-2026.toml");
    let contacts = &old[old.find("[[contacts]]").unwrap()..];
    assert!(out.stdout.contains(contacts), "{}", out.stdout);
}
