//! Shapes of the decision documents that the plan format expresses (issue 14, part 2): stated
//! totals over any selection, a key's printed sum, and an insats paid partly to named actors
//! and partly over the kommuner. Each against the real figures of the 2026 plan (seed 001).

use crate::support::PlanDir;

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
