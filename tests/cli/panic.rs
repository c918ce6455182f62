//! Should a bug ever panic, the user sees a short apology with what to report, not a
//! backtrace, and the exit status is 2. The binary panics on purpose when the test asks it to.

use crate::support::repo_root;

#[test]
fn a_panic_apologises_says_how_to_report_it_and_exits_2() {
    let out = crate::support::command()
        .args(["check", "allocations/plan-2026.toml"])
        .current_dir(repo_root())
        .env("ALLOCATE_TEST_PANIC", "1")
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty());
    for needle in [
        "allocate: internt fel. Förlåt! Felet ligger i allocate, inte i din plan.",
        "projektets ärendelista",
        "allocate: internal error. Sorry!",
        "the project's issue tracker",
        concat!(
            "allocate ",
            env!("CARGO_PKG_VERSION"),
            ": ALLOCATE_TEST_PANIC is set"
        ),
    ] {
        assert!(
            stderr.contains(needle),
            "stderr lacks {needle:?}:\n{stderr}"
        );
    }
    assert!(!stderr.contains("panicked at"), "{stderr}");
    assert!(!stderr.contains("backtrace"), "{stderr}");
    assert!(stderr.lines().count() <= 8, "{stderr}");
}

#[test]
fn without_the_request_nothing_panics() {
    let out = crate::support::command()
        .args(["check", "allocations/plan-2026.toml"])
        .current_dir(repo_root())
        .env("ALLOCATE_TEST_PANIC", "0")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}
