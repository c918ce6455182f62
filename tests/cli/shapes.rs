//! Shapes of the decision documents that the plan format expresses (issue 14, part 2): stated
//! totals over any selection, a key's printed sum, and an insats paid partly to named actors
//! and partly over the kommuner. Each against the real figures of the 2026 plan (seed 001).

use crate::support::{PlanDir, allocate, repo_root};

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
            "nyckeln `befolkning-procent-2026` har den tryckta summan 100,1, men dess värden summerar till 100,0",
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
            "har den tryckta summan 99,99, men dess värden summerar till 100,00",
        );
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
        let text = std::fs::read_to_string(repo_root().join("allocations/plan-2025.toml"))
            .unwrap()
            .replacen(
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
    out.assert_status(1).assert_stdout_contains(
        "error[key-total]: key `befolkning-2024` has the printed total 132,709, but its values sum to 132,708",
    );
}
