//! The ledger of the real plans and the views built from it, against the figures the decision
//! documents print (seed 001 for 2026, seed 003 for 2025); and filtered views, which compare a
//! printed figure only where the filter covers all of it.

use allocate::core::check::{Checked, check};
use allocate::core::ledger::selection::Selection;
use allocate::core::money::Amount;
use allocate::core::report::{self, Projection};
use allocate::input::plan::{Loaded, load};

use crate::support::{allocate, repo_root};

fn real(name: &str) -> Loaded {
    load(&repo_root().join("allocations").join(name)).unwrap()
}

fn passing(loaded: &Loaded) -> Checked<'_> {
    let checked = check(&loaded.plan, &loaded.key_files);
    assert_eq!(checked.errors(), 0, "{:?}", checked.findings);
    checked
}

fn kr(n: i64) -> Amount {
    Amount::kr(n)
}

#[test]
fn per_kommun_2026_reproduces_the_printed_table() {
    let loaded = real("plan-2026.toml");
    let checked = passing(&loaded);
    let table = report::per_kommun(&Projection::new(&checked.ledger, &Selection::all()));
    let ids: Vec<&str> = table.columns.iter().map(|c| c.insats.as_str()).collect();
    assert_eq!(ids, ["1.3", "2.5", "3.4"]);
    let row = |name: &str| table.rows.iter().find(|r| r.name == name).unwrap();
    // Seed 001, lines 1185-1191.
    for (name, a, b, c, total) in [
        ("Berg", 21_200, 75_000, 100_000, 196_200),
        ("Bräcke", 18_000, 75_000, 100_000, 193_000),
        ("Härjedalen", 30_400, 75_000, 100_000, 205_400),
        ("Krokom", 47_600, 75_000, 100_000, 222_600),
        ("Ragunda", 15_600, 75_000, 100_000, 190_600),
        ("Strömsund", 32_800, 75_000, 100_000, 207_800),
        ("Åre", 38_400, 75_000, 100_000, 213_400),
        ("Östersund", 196_000, 140_000, 100_000, 436_000),
    ] {
        assert_eq!(row(name).amounts, [kr(a), kr(b), kr(c)], "{name}");
        assert_eq!(row(name).total, kr(total), "{name}");
    }
    let codes: Vec<&str> = table.rows.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "2303", "2305", "2309", "2313", "2321", "2326", "2361", "2380"
        ]
    );
    assert_eq!(table.column_totals, [kr(400_000), kr(665_000), kr(800_000)]);
    assert_eq!(table.total, kr(1_865_000));
}

#[test]
fn per_actor_2026_shows_the_region_with_and_without_its_units() {
    let loaded = real("plan-2026.toml");
    let checked = passing(&loaded);
    let report = report::per_actor(&Projection::new(&checked.ledger, &Selection::all()));
    let row = |name: &str| report.rows.iter().find(|r| r.name == name).unwrap();
    assert_eq!(
        row("Kommunförbundet Jämtland Härjedalen").total,
        kr(2_127_436)
    );
    assert_eq!(row("Länets kommuner").total, kr(1_865_000));
    assert_eq!(row("Länets kommuner").own_total, kr(0));
    assert_eq!(row("Folkhälsoenheten").total, kr(3_510_836));
    assert_eq!(row("Folkhälsoenheten").depth, 1);
    assert_eq!(row("Föräldra-barnhälsan").total, kr(381_600));
    assert_eq!(row("Vuxenpsykiatrin").total, kr(100_000));
    assert_eq!(row("Fontänhus Jämtland Härjedalen").total, kr(250_000));
    // The region with its units: its own 3 992 436 under the summary heading and the
    // 4 705 026 it handles, less Fontänhus's 250 000 and LPO's 250 000 listed there.
    let region = row("Region Jämtland Härjedalen");
    assert_eq!(region.total, kr(3_992_436 + 4_705_026 - 250_000));
    // What it holds itself: the 4 705 026 less Fontänhus and LPO less KFJH's part of the
    // jointly run rows, which the region receives and handles (1.5, 2.3, 2.7, 3.8, 3.10).
    assert_eq!(
        region.own_total,
        kr(500_000 + 250_000 + 205_026 + 500_000 + 2_750_000)
    );
    assert_eq!(
        report.area_totals,
        [kr(4_000_000), kr(2_501_626), kr(6_188_272)]
    );
    assert_eq!(report.total, kr(12_689_898));
}

#[test]
fn per_heading_2026_and_2025_compute_the_printed_summaries() {
    let loaded = real("plan-2026.toml");
    let checked = passing(&loaded);
    let report = report::per_heading(&Projection::new(&checked.ledger, &Selection::all()));
    let at = |depth: usize| -> Vec<Amount> {
        report
            .headings
            .iter()
            .filter(|h| h.depth == depth)
            .map(|h| h.computed)
            .collect()
    };
    assert_eq!(at(0), [kr(3_992_436), kr(3_992_436), kr(4_705_026)]);
    assert_eq!(
        at(1),
        [kr(2_127_436), kr(1_865_000), kr(3_510_836), kr(481_600)]
    );
    assert!(report.headings.iter().all(|h| h.complete));
    assert_eq!(report.total, kr(12_689_898));

    let loaded = real("plan-2025.toml");
    let checked = passing(&loaded);
    let report = report::per_heading(&Projection::new(&checked.ledger, &Selection::all()));
    let computed: Vec<Amount> = report.headings.iter().map(|h| h.computed).collect();
    assert_eq!(
        computed,
        [kr(3_265_000), kr(100_000), kr(3_265_000), kr(6_067_775)]
    );
    assert_eq!(report.total, kr(12_697_775));
}

#[test]
fn invoices_2026_for_kfjh_ostersund_and_fontanhus() {
    let loaded = real("plan-2026.toml");
    let checked = passing(&loaded);
    let p = report::payments(&Projection::new(&checked.ledger, &Selection::all()));
    let invoice = |name: &str| p.invoices.iter().find(|s| &*s.recipient == name).unwrap();
    let kfjh = invoice("Kommunförbundet Jämtland Härjedalen");
    assert_eq!(kfjh.total, kr(2_127_436));
    let ids: Vec<&str> = kfjh.lines.iter().map(|l| p.id(l)).collect();
    assert_eq!(ids, ["1.1", "2.1", "3.1", "3.6"]);
    let ostersund = invoice("Östersund");
    assert_eq!(ostersund.kommunkod.as_deref(), Some("2380"));
    let amounts: Vec<Amount> = ostersund.lines.iter().map(|l| l.amount).collect();
    assert_eq!(amounts, [kr(196_000), kr(140_000), kr(100_000)]);
    assert_eq!(ostersund.total, kr(436_000));
    assert_eq!(invoice("Fontänhus Jämtland Härjedalen").total, kr(250_000));
    // KFJH, Fontänhus and the eight kommuner invoice; nobody else does.
    assert_eq!(p.invoices.len(), 10);
    assert_eq!(p.reference.as_deref(), Some("400105"));
    assert!(p.complete);
}

#[test]
fn invoices_transfers_and_held_money_make_the_county_total() {
    for (name, total) in [
        ("plan-2026.toml", 12_689_898),
        ("plan-2025.toml", 12_697_775),
    ] {
        let loaded = real(name);
        let checked = passing(&loaded);
        let p = report::payments(&Projection::new(&checked.ledger, &Selection::all()));
        assert_eq!(
            p.invoiced + p.transferred + p.held_total,
            kr(total),
            "{name}"
        );
        assert_eq!(checked.ledger.total(), kr(total));
    }
}

#[test]
fn a_filter_selects_a_kommun_an_actor_with_its_units_or_an_area() {
    let loaded = real("plan-2026.toml");
    let checked = passing(&loaded);
    let ledger = &checked.ledger;
    let ostersund = Selection {
        kommun: ledger.names.kommun("Östersund"),
        ..Selection::all()
    };
    let view = Projection::new(ledger, &ostersund);
    assert_eq!(view.total(), kr(436_000));
    assert_eq!(report::per_kommun(&view).rows.len(), 1);
    let fhe = Selection {
        actor: ledger.names.actors.get("fhe").copied(),
        ..Selection::all()
    };
    assert_eq!(Projection::new(ledger, &fhe).total(), kr(3_510_836));
    let region = Selection {
        actor: ledger.names.actors.get("rjh").copied(),
        ..Selection::all()
    };
    assert_eq!(Projection::new(ledger, &region).total(), kr(8_447_462));
    let area = Selection {
        areas: vec![1],
        ..Selection::all()
    };
    assert_eq!(Projection::new(ledger, &area).total(), kr(2_501_626));
    // The same selections, as the plan's [[stated]] figures use them.
    assert_eq!(ledger.sum(&ostersund), Some(kr(436_000)));
    assert_eq!(ledger.sum(&region), Some(kr(8_447_462)));
}

#[test]
fn a_filtered_view_compares_a_printed_figure_only_where_it_covers_all_of_it() {
    let loaded = real("plan-2026.toml");
    let checked = passing(&loaded);
    let ledger = &checked.ledger;
    // Area 2 alone covers the whole of area 2: compared, and it holds.
    let area = Selection {
        areas: vec![1],
        ..Selection::all()
    };
    let per_area = report::per_area(&Projection::new(ledger, &area));
    assert_eq!(per_area.areas.len(), 1);
    assert!(per_area.areas[0].complete);
    assert_eq!(per_area.areas[0].total, per_area.areas[0].agreement);
    // Berg alone covers part of every area and heading: a selection, never compared.
    let berg = Selection {
        kommun: ledger.names.kommun("Berg"),
        ..Selection::all()
    };
    let view = Projection::new(ledger, &berg);
    assert!(report::per_area(&view).areas.iter().all(|a| !a.complete));
    assert!(
        report::per_heading(&view)
            .headings
            .iter()
            .all(|h| !h.complete)
    );
    assert!(!report::payments(&view).complete);
    // FHE covers its own heading wholly, the region's heading only in part.
    let fhe = Selection {
        actor: ledger.names.actors.get("fhe").copied(),
        ..Selection::all()
    };
    let headings = report::per_heading(&Projection::new(ledger, &fhe)).headings;
    let heading = |title: &str| {
        headings
            .iter()
            .find(|h| h.title.starts_with(title))
            .unwrap()
    };
    assert!(heading("Folkhälsoenheten").complete);
    assert_eq!(heading("Folkhälsoenheten").computed, kr(3_510_836));
    assert!(!heading("Region Jämtland Härjedalen").complete);
}

/// Folkhälsoenheten pays nothing to Berg: the views of that selection are empty, and standard
/// error says why (standard output keeps only the views).
#[test]
fn a_selection_of_no_money_is_said_so() {
    for command in ["report", "export"] {
        let out = allocate(
            &repo_root(),
            &[
                command,
                "allocations/plan-2026.toml",
                "--kommun",
                "Berg",
                "--actor",
                "fhe",
                "--view",
                "per-kommun",
            ],
        );
        out.assert_status(0).assert_stderr_contains(
            "Obs: inga medel i planen omfattas av urvalet (--actor fhe --kommun Berg); vyerna är tomma.",
        );
        assert!(!out.stdout.contains("Obs"), "{}", out.stdout);
        // Berg alone has money: no note.
        allocate(
            &repo_root(),
            &[
                command,
                "allocations/plan-2026.toml",
                "--kommun",
                "Berg",
                "--view",
                "per-kommun",
            ],
        )
        .assert_status(0)
        .assert_stderr_empty();
    }
}

#[test]
fn the_screen_says_urval_where_a_filter_covers_part_of_a_printed_figure() {
    let out = allocate(
        &repo_root(),
        &[
            "report",
            "allocations/plan-2026.toml",
            "--kommun",
            "Berg",
            "--view",
            "per-area",
            "--view",
            "per-heading",
            "--view",
            "invoices",
        ],
    );
    out.assert_status(0)
        .assert_stderr_empty()
        .assert_stdout_contains("Enligt överenskommelsen: 6 188 272 kr (urval)")
        .assert_stdout_contains("3 992 436 kr (urval)")
        .assert_stdout_contains("= 196 200 kr (urval)");
    assert!(!out.stdout.contains("kr ≠"), "{}", out.stdout);
    // No total row claims to be the plan's: each says it is the selection's.
    assert!(
        !out.stdout.replace("Totalt (urval)", "").contains("Totalt"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.matches("Totalt (urval)").count() >= 4,
        "{}",
        out.stdout
    );
    let whole_area = allocate(
        &repo_root(),
        &[
            "report",
            "allocations/plan-2026.toml",
            "--area",
            "2",
            "--view",
            "per-area",
        ],
    );
    whole_area.assert_stdout_contains("Enligt överenskommelsen: 2 501 626 kr ✓");
    // Area 2 alone is the whole of area 2: its total is the area's, not a selection.
    assert!(
        whole_area.stdout.contains("Totalt ") && !whole_area.stdout.contains("urval"),
        "{}",
        whole_area.stdout
    );
}
