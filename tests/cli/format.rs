//! The diagnostic format, pinned verbatim for a few findings.

use crate::support::{PlanDir, allocate, repo_root};

#[test]
fn stated_total_diagnostic_in_swedish() {
    let out = allocate(
        &repo_root(),
        &["check", "examples/plan-2026-as-printed.toml"],
    );
    let expected = r#"fel[stated-total]: angiven summa "Direkt till regionens vårdverksamheter" är 481 000 kr, men posterna under den summerar till 481 600 kr
   --> examples/plan-2026-as-printed.toml:641:10
    |
641 | stated = 481_000
    |          ^^^^^^^
    |
    = belopp: angivet 481 000 kr, beräknat 481 600 kr, skillnad 600 kr
    = åtgärd: rätta den angivna summan, eller beloppen under den; om beslutsunderlaget räknat fel, säg det med `note` vid summan
"#;
    assert!(out.stdout.contains(expected), "got:\n{}", out.stdout);
}

#[test]
fn stated_total_diagnostic_in_english() {
    let out = allocate(
        &repo_root(),
        &[
            "check",
            "--lang",
            "en",
            "examples/plan-2026-as-printed.toml",
        ],
    );
    let expected = r#"error[stated-total]: stated total "Direkt till regionens vårdverksamheter" is 481,000 kr, but the amounts under it sum to 481,600 kr
   --> examples/plan-2026-as-printed.toml:641:10
    |
641 | stated = 481_000
    |          ^^^^^^^
    |
    = figures: stated 481,000 kr, computed 481,600 kr, difference 600 kr
    = help: correct the stated figure or the amounts under it; if the decision document got it wrong, say so with `note` on the figure
"#;
    assert!(out.stdout.contains(expected), "got:\n{}", out.stdout);
    assert!(
        out.stdout
            .ends_with("examples/plan-2026-as-printed.toml: failed (1 error, 1 warning)\n")
    );
}

#[test]
fn unknown_key_diagnostic() {
    let p = PlanDir::from_real("plan-2026.toml").edit("amount = 1_350_000", "amout = 1_350_000");
    let out = p.check(&[]);
    let line = p
        .position_of("amout", 0)
        .split(':')
        .nth(1)
        .unwrap()
        .to_string();
    let pad = " ".repeat(line.len());
    let expected = format!(
        "fel[unknown-key]: okänd nyckel `amout`\n{pad}--> plan.toml:{line}:1\n{pad} |\n{line} | amout = 1_350_000\n{pad} | ^^^^^\n{pad} |\n{pad} = åtgärd: menade du `amount`?\n"
    );
    assert!(
        out.stdout.starts_with(&expected),
        "got:\n{}\nexpected:\n{expected}",
        out.stdout
    );
    // It ends with the verdict, as a plan that passes or fails does: no empty line after it.
    assert!(
        out.stdout.ends_with("\nplan.toml: kunde inte läsas\n") && !out.stdout.ends_with("\n\n"),
        "{:?}",
        out.stdout
    );
}

#[test]
fn split_printed_diagnostic_with_figures() {
    let p = PlanDir::from_real("plan-2026.toml").edit("Krokom = 47_600", "Krokom = 47_000");
    let out = p.check(&[]);
    out.assert_stdout_contains(
        "fel[split-printed]: insats `1.3`: angivet belopp för Krokom är 47 000 kr, fördelningsregeln ger 47 600 kr",
    )
    .assert_stdout_contains("= belopp: angivet 47 000 kr, beräknat 47 600 kr, skillnad 600 kr");
}
