//! Shapes of the decision documents that the plan format expresses (issue 14, part 2): stated
//! totals over any selection, a key's printed sum, and an insats paid partly to named actors
//! and partly over the kommuner. Each against the real figures of the 2026 plan (seed 001).

use crate::support::{PlanDir, allocate, real_plan, repo_root};

fn plan() -> PlanDir {
    PlanDir::from_real("plan-2026.toml")
}

/// The 2026 plan with `stated` appended as its last table.
fn with_stated(stated: &str) -> PlanDir {
    let mut p = plan();
    p.text.push_str("\n[[stated]]\n");
    p.text.push_str(stated);
    p.text.push('\n');
    p
}

// Stated totals over several areas and over a heading.

#[test]
fn stated_total_over_several_areas_sums_them() {
    // Areas 1 and 2: 4 000 000 + 2 501 626 (seed 001).
    with_stated("label = \"Område 1 och 2\"\nareas = [1, 2]\namount = 6_501_626")
        .check(&[])
        .assert_status(0);
    let p = with_stated("label = \"Område 1 och 2\"\nareas = [1, 2]\namount = 6_501_627");
    p.check(&[])
        .assert_status(1)
        .assert_finding("stated-total", &p.position_of("amount = 6_501_627", 9))
        .assert_stdout_contains("angivet 6 501 627 kr, beräknat 6 501 626 kr, skillnad -1 kr");
}

#[test]
fn area_and_areas_together_cover_their_union() {
    // Area 3 with areas 1 and 2: the county total 12 689 898.
    let p = with_stated("label = \"Alla\"\narea = 3\nareas = [1, 2]\namount = 12_689_898");
    p.check(&[]).assert_status(0);
    // An area named twice counts once: 6 188 272 + 2 501 626.
    let p = with_stated("label = \"Två\"\narea = 3\nareas = [3, 2]\namount = 12_689_898");
    p.check(&[])
        .assert_status(1)
        .assert_stdout_contains("angivet 12 689 898 kr, beräknat 8 689 898 kr");
}

#[test]
fn stated_total_over_a_heading_includes_its_sub_headings() {
    // "Region Jämtland Härjedalen" 3 992 436: FHE 3 510 836 + vårdverksamheter 481 600.
    with_stated("label = \"Regionen\"\nheading = \"region\"\namount = 3_992_436")
        .check(&[])
        .assert_status(0);
    let p = with_stated("label = \"Regionen\"\nheading = \"region\"\namount = 3_992_000");
    p.check(&[])
        .assert_status(1)
        .assert_finding("stated-total", &p.position_of("amount = 3_992_000", 9))
        .assert_stdout_contains("beräknat 3 992 436 kr");
}

#[test]
fn heading_combines_with_actor_and_area() {
    // Under the region's heading, Folkhälsoenheten's own money is the FHE sub-heading's
    // 3 510 836 (seed 001, line 1228); the care units' 481 600 is left out.
    with_stated("label = \"FHE\"\nheading = \"region\"\nactor = \"fhe\"\namount = 3_510_836")
        .check(&[])
        .assert_status(0);
    let p = with_stated(
        "label = \"FHE, område 1\"\nheading = \"region\"\nactor = \"fhe\"\nareas = [1]\namount = 3_510_836",
    );
    let out = p.check(&[]);
    out.assert_status(1)
        .assert_finding("stated-total", &p.position_of("amount = 3_510_836", 9));
}

#[test]
fn unknown_heading_or_area_in_a_stated_total_is_reported() {
    let p = with_stated("label = \"x\"\nheading = \"regoin\"\namount = 1");
    p.check(&[])
        .assert_status(1)
        .assert_finding("unknown-reference", &p.position_of("\"regoin\"", 0))
        .assert_stdout_contains("menade du `region`?");
    let p = with_stated("label = \"x\"\nareas = [1, 4]\namount = 1");
    p.check(&[])
        .assert_status(1)
        .assert_finding("unknown-reference", &p.position_of("4]", 0));
}

// A key's printed sum.

#[test]
fn percent_key_printed_total_is_checked() {
    // The 2026 percentages (seed 001) sum to 100,0.
    plan()
        .edit(
            "\"Östersund\" = \"49,0\" }",
            "\"Östersund\" = \"49,0\" }\nprinted_total = \"100,0\"",
        )
        .check(&[])
        .assert_status(0);
    let p = plan().edit(
        "\"Östersund\" = \"49,0\" }",
        "\"Östersund\" = \"49,0\" }\nprinted_total = \"100,1\"",
    );
    p.check(&[])
        .assert_status(1)
        .assert_finding("key-total", &p.position_of("\"100,1\"", 0))
        .assert_stdout_contains(
            "nyckeln `befolkning-procent-2026` har den tryckta summan 100,1 %, men dess värden summerar till 100,0 %",
        );
}

const MINI_MARIA_COUNTS: &str = "[[keys]]\nid = \"befolkning-2024\"\nkind = \"population\"\nvalues = { Ragunda = 5_150, \"Bräcke\" = 6_037, Krokom = 15_702, \"Strömsund\" = 10_995, \"Åre\" = 12_626, Berg = 7_101, \"Härjedalen\" = 10_120, \"Östersund\" = 64_977 }\n";

#[test]
fn population_key_printed_total_is_checked_inline_and_derived() {
    // The Mini Maria table (seed 003): the 2024 population of the kommuner sums to 132 708,
    // and its two-decimal percentages to 100,00.
    let keys = |total: &str, percent: &str| {
        plan().edit(
            "[[keys]]\n",
            &format!(
                "{MINI_MARIA_COUNTS}printed_total = {total}\n\n[[keys]]\nid = \"procent-2024\"\nkind = \"percent\"\nfrom = \"befolkning-2024\"\nprecision = 2\nprinted_total = \"{percent}\"\n\n[[keys]]\n"
            ),
        )
    };
    keys("132_708", "100,00").check(&[]).assert_status(0);
    let p = keys("132_780", "100");
    let out = p.check(&[]);
    out.assert_status(1)
        .assert_finding("key-total", &p.position_of("132_780", 0))
        .assert_stdout_contains(
            "nyckeln `befolkning-2024` har den tryckta summan 132 780, men dess värden summerar till 132 708",
        );
    // The 2026 plan's own warning, and the one error: the derived key's "100" is 100,00.
    assert_eq!(out.finding_codes(), ["earmark-total", "key-total"]);
    let p = keys("132_708", "99,99");
    p.check(&[])
        .assert_status(1)
        .assert_finding("key-total", &p.position_of("\"99,99\"", 0))
        .assert_stdout_contains(
            "har den tryckta summan 99,99 %, men dess värden summerar till 100,00 %",
        );
}

#[test]
fn population_counts_written_as_text_grouped_in_thousands_are_the_same_counts() {
    // The Mini Maria counts (seed 003) as a table pasted from a document, "5 150": the key's
    // printed total 132 708 still matches, as the counts written 5_150 do.
    let grouped = MINI_MARIA_COUNTS
        .replace("5_150", "\"5 150\"")
        .replace("15_702", "\"15\u{a0}702\"")
        .replace("64_977", "\"64 977\"");
    let p = plan().edit(
        "[[keys]]\n",
        &format!("{grouped}printed_total = 132_708\n\n[[keys]]\n"),
    );
    p.check(&[]).assert_status(0);
    // Groups that are not thousands are no count.
    let p = plan().edit(
        "[[keys]]\n",
        &format!(
            "{}printed_total = 132_708\n\n[[keys]]\n",
            MINI_MARIA_COUNTS.replace("5_150", "\"51 50\"")
        ),
    );
    p.check(&[])
        .assert_status(2)
        .assert_finding("wrong-type", &p.position_of("\"51 50\"", 0));
}

#[test]
fn key_file_printed_total_is_checked() {
    // The shipped SCB file of the 2025 plan: 132 708 inhabitants.
    let run = |total: &str| {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("keys")).unwrap();
        std::fs::copy(
            repo_root().join("allocations/keys/folkmangd-2024-11-01.csv"),
            dir.path().join("keys/folkmangd-2024-11-01.csv"),
        )
        .unwrap();
        let text = real_plan("plan-2025.toml").replacen(
            "column = \"2024\"\n",
            &format!("column = \"2024\"\nprinted_total = {total}\n"),
            1,
        );
        std::fs::write(dir.path().join("plan.toml"), text).unwrap();
        let out = allocate(dir.path(), &["check", "plan.toml", "--lang", "en"]);
        (dir, out)
    };
    let (_dir, out) = run("132_708");
    out.assert_status(0);
    let (_dir, out) = run("132_709");
    out.assert_status(1)
        .assert_stdout_contains(
            "error[key-total]: key `befolkning-2024` has the printed total 132,709, but its values sum to 132,708",
        )
        // Both sums under the message, as for every other total, computed − stated.
        .assert_stdout_contains("= figures: stated 132,709, computed 132,708, difference -1\n");
}

// One insats paid partly to a named actor and partly over the kommuner.

const SHARED: &str = "examples/mini-maria-shared-2025.toml";

/// The shared Mini Maria example with its population written in the plan, in a directory of
/// its own.
fn shared() -> PlanDir {
    let text = std::fs::read_to_string(repo_root().join(SHARED)).unwrap();
    let text = text.replacen(
        "file = \"../allocations/keys/folkmangd-2024-11-01.csv\"\ncolumn = \"2024\"\n",
        "values = { Ragunda = 5_150, \"Bräcke\" = 6_037, Krokom = 15_702, \"Strömsund\" = 10_995, \"Åre\" = 12_626, Berg = 7_101, \"Härjedalen\" = 10_120, \"Östersund\" = 64_977 }\n",
        1,
    );
    assert!(text.contains("values = { Ragunda"));
    PlanDir {
        dir: tempfile::tempdir().unwrap(),
        text,
    }
}

#[test]
fn shared_insats_gives_the_region_its_amount_and_splits_the_rest_over_the_kommuner() {
    use allocate::core::check::check;
    use allocate::core::ledger::Recipient;
    use allocate::core::money::Amount;
    use allocate::input::plan::load;

    // Seed 003, section 14.3 and table 2: region 3 073 658, kommuner 3 202 124 by the
    // two-decimal percentages, Ragunda 124 242 … Östersund 1 567 760.
    let loaded = load(&repo_root().join(SHARED)).unwrap();
    let checked = check(&loaded.plan, &loaded.key_files);
    // The kommuner's part by the percentages the agreement prints: `key-rounding` alone, as
    // for the same 3 202 124 kr split by the same key in `mini-maria-2025.toml` (tester s43).
    let codes: Vec<&str> = checked.findings.iter().map(|f| f.code().as_str()).collect();
    assert_eq!(codes, ["key-rounding"], "{:?}", checked.findings);
    let ledger = &checked.ledger;
    let lines = ledger.lines_of(0);
    let got: Vec<(&str, i64)> = lines
        .iter()
        .map(|l| {
            let name = ledger.recipient_name(l.recipient);
            (name, i64::try_from(l.amount.0.mantissa()).unwrap())
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Region Jämtland Härjedalen", 3_073_658),
            ("Ragunda", 124_242),
            ("Bräcke", 145_697),
            ("Krokom", 378_811),
            ("Strömsund", 265_456),
            ("Åre", 304_522),
            ("Berg", 171_314),
            ("Härjedalen", 244_322),
            ("Östersund", 1_567_760),
        ]
    );
    // The invariants: the lines sum to the insats; one recipient per line.
    let total: Amount = lines.iter().map(|l| l.amount).sum();
    assert_eq!(total, Amount::kr(6_275_782));
    let mut recipients: Vec<Recipient> = lines.iter().map(|l| l.recipient).collect();
    recipients.sort_unstable_by_key(|r| format!("{r:?}"));
    recipients.dedup();
    assert_eq!(recipients.len(), lines.len());
}

#[test]
fn shared_insats_passes_and_its_printed_kommun_amounts_are_checked() {
    shared().check(&[]).assert_status(0);
    // A printed amount for a kommun, and the kommuner's printed sum.
    let p = shared().edit("Ragunda = 124_242", "Ragunda = 124_265");
    p.check(&[])
        .assert_status(1)
        .assert_finding("split-printed", &p.position_of("124_265", 0))
        .assert_stdout_contains(
            "angivet belopp för Ragunda är 124 265 kr, fördelningsregeln ger 124 242 kr",
        );
    let p = shared().edit(
        "printed = { kommunerna = 3_202_124",
        "printed = { kommunerna = 3_202_100",
    );
    p.check(&[])
        .assert_status(1)
        .assert_finding("split-printed", &p.position_of("3_202_100", 0))
        .assert_stdout_contains(
            "Kommunerna i Jämtlands län är 3 202 100 kr, fördelningsregeln ger 3 202 124 kr",
        );
}

#[test]
fn shared_insats_amounts_must_sum_to_the_row() {
    let p = shared().edit("kommunerna = 3_202_124 }", "kommunerna = 3_202_000 }");
    p.check(&[])
        .assert_status(1)
        .assert_stdout_contains("fel[split-sum]")
        .assert_stdout_contains("angivet 6 275 782 kr, beräknat 6 275 658 kr");
}

#[test]
fn shared_insats_is_refused_clearly_when_incomplete() {
    // Without the kommuner's amount.
    let p = shared().edit(
        "amounts = { rjh = 3_073_658, kommunerna = 3_202_124 }",
        "amounts = { rjh = 3_073_658 }",
    );
    p.check(&[])
        .assert_status(1)
        .assert_finding("split-invalid", &p.position_of("{ rjh = 3_073_658 }", 0))
        .assert_stdout_contains("Kommunerna i Jämtlands län");
    // Without a key for the kommuner's part.
    let p = shared().edit("key = \"befolkning-procent-2024\"", "");
    p.check(&[])
        .assert_status(1)
        .assert_stdout_contains("fel[split-invalid]")
        .assert_stdout_contains("`key`");
    // A kommun's own amount beside the group's.
    let p = shared().edit(
        "amounts = { rjh = 3_073_658, kommunerna = 3_202_124 }",
        "amounts = { rjh = 3_073_658, kommunerna = 3_077_882, Ragunda = 124_242 }",
    );
    p.check(&[])
        .assert_status(1)
        .assert_finding("split-invalid", &p.position_of("Ragunda = 124_242 }", 0))
        .assert_stdout_contains("`Ragunda` är en kommun");
    // Another rule than `amounts`.
    let p = shared().edit("rule = \"amounts\"", "rule = \"equal\"");
    p.check(&[])
        .assert_status(1)
        .assert_finding(
            "split-invalid",
            &p.position_of("[\"rjh\", \"kommunerna\"]\namount", 0),
        )
        .assert_stdout_contains("bara med `rule = \"amounts\"`");
}
