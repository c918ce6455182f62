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
}
