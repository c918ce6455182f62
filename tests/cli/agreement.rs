//! A count agrees with its noun wherever the tool writes one in running text: `1 decimal`,
//! `2 decimaler`; `0 av 1 rad är redovisad`. (The decision basis's picture: `documents.rs`.)

use crate::support::{allocate, repo_root};

/// `split --precision 1` turns the Mini Maria population (seed 003) into percentages with
/// one decimal, and says so in the singular; two are plural.
#[test]
fn a_split_by_percentages_names_one_decimal_in_the_singular() {
    let key = "allocations/keys/folkmangd-2024-11-01.csv";
    for (precision, lang, title) in [
        (
            "1",
            "sv",
            "1. Befolkningen som procent med 1 decimal (största rest",
        ),
        (
            "2",
            "sv",
            "1. Befolkningen som procent med 2 decimaler (största rest",
        ),
        (
            "1",
            "en",
            "1. The population as percentages with 1 decimal (largest",
        ),
        (
            "2",
            "en",
            "1. The population as percentages with 2 decimals (largest",
        ),
    ] {
        let args = [
            "split",
            "3202124",
            "--key",
            key,
            "--precision",
            precision,
            "--lang",
            lang,
        ];
        allocate(&repo_root(), &args)
            .assert_status(0)
            .assert_stdout_contains(title);
    }
}

/// A follow-up of a plan with one line, not yet reported: `0 av 1 rad`, in the status too.
#[test]
fn a_follow_up_of_one_line_counts_it_in_the_singular() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.toml"),
        "[plan]\nyear = 2027\ncounty = \"Gävleborgs län\"\ntitle = \"T\"\ncounty_total = 1_000\n\n[[areas]]\nnumber = 1\ntitle = \"A\"\namount = 1_000\n\n[[actors]]\nid = \"rg\"\nname = \"Region Gävleborg\"\nkind = \"region\"\n\n[[insatser]]\nid = \"1\"\narea = 1\ntext = \"x\"\nactor = \"rg\"\namount = 1_000\n",
    )
    .unwrap();
    allocate(
        dir.path(),
        &["follow-up", "plan.toml", "--forms", "-o", "bl"],
    )
    .assert_status(0);
    let form = "bl/redovisning-2027-rg.csv";
    for (lang, meta, status) in [
        (
            "sv",
            "**Redovisat:** 0 av 1 rad\n",
            "Preliminär: 0 av 1 rad är redovisad; ",
        ),
        (
            "en",
            "**Reported:** 0 of 1 line\n",
            "Preliminary: 0 of 1 line is reported; ",
        ),
    ] {
        let args = [
            "follow-up",
            "plan.toml",
            form,
            "--format",
            "md",
            "--lang",
            lang,
        ];
        allocate(dir.path(), &args)
            .assert_stdout_contains(meta)
            .assert_stdout_contains(status);
    }
    // On the terminal too.
    for (lang, line) in [
        ("sv", "Redovisat: 0 av 1 rad; ej redovisat 1 000 kr"),
        ("en", "Reported: 0 of 1 line; not reported 1,000 kr"),
    ] {
        allocate(
            dir.path(),
            &["follow-up", "plan.toml", form, "--lang", lang],
        )
        .assert_stdout_contains(line);
    }
}

/// A key derived with one decimal, which `--precision` cannot change, is said to have
/// `1 decimal`: the 2025 plan's percent key (from the Mini Maria population, seed 003) with
/// `precision = 1`.
#[test]
fn a_derived_key_of_one_decimal_is_named_in_the_singular() {
    let plan = crate::support::PlanDir::from_real("plan-2025.toml").edit(
        "from = \"befolkning-2024\"\nprecision = 2",
        "from = \"befolkning-2024\"\nprecision = 1",
    );
    let dir = plan.dir.path();
    std::fs::write(dir.join("plan.toml"), &plan.text).unwrap();
    std::fs::create_dir_all(dir.join("keys")).unwrap();
    std::fs::copy(
        repo_root().join("allocations/keys/folkmangd-2024-11-01.csv"),
        dir.join("keys/folkmangd-2024-11-01.csv"),
    )
    .unwrap();
    let args = [
        "split",
        "1000",
        "--plan",
        "plan.toml",
        "--key",
        "befolkning-procent-2024",
        "--precision",
        "2",
    ];
    allocate(dir, &args)
        .assert_status(2)
        .assert_stderr_contains("med 1 decimal enligt planen");
}
