//! The README cannot drift from the tool: every ```console block in it is a session that is run
//! here, and the table of check codes is the registry's.
//!
//! A session is a fenced block with the info string `console`. Each line that starts with `$ `
//! is a command (`allocate …`, optionally ending in `2>&1` to show standard error too); the
//! lines up to the next command are its expected output. In the expected output a line that
//! is only `…` stands for any number of lines, and `…` inside a line for any text. Each block
//! runs in a new folder that holds copies of `allocations/`, `examples/` and the corpus's key
//! files (`tests/corpus/keys/`), so commands that
//! write files (`export --out`, `init`) can be shown as they are, and later commands of the
//! same block see what earlier ones wrote.

use std::path::{Path, PathBuf};

use allocate::core::check::registry::Stage;
use allocate::core::finding::Code;
use allocate::core::finding::Severity;

use crate::support::{COMMANDS, allocate, repo_root};

struct Session {
    /// The line of the block's first command in README.md.
    line: usize,
    commands: Vec<(String, Vec<String>)>,
}

fn sessions(readme: &str) -> Vec<Session> {
    let mut found = Vec::new();
    let mut lines = readme.lines().enumerate();
    while let Some((_, line)) = lines.next() {
        if line.trim() != "```console" {
            continue;
        }
        let mut session = Session {
            line: 0,
            commands: Vec::new(),
        };
        for (n, line) in lines.by_ref() {
            if line.trim_start().starts_with("```") {
                break;
            }
            if let Some(command) = line.strip_prefix("$ ") {
                if session.commands.is_empty() {
                    session.line = n + 1;
                }
                session.commands.push((command.to_string(), Vec::new()));
            } else if let Some((_, expected)) = session.commands.last_mut() {
                expected.push(line.to_string());
            }
        }
        found.push(session);
    }
    found
}

/// Whether `actual` matches `expected`, where a line `…` is any number of lines and `…` in a
/// line is any text.
fn matches(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first.trim() == "…" => {
            (0..=actual.len()).any(|skip| matches(rest, actual.get(skip..).unwrap_or(&[])))
        }
        Some((first, rest)) => match actual.split_first() {
            Some((line, more)) => line_matches(first, line) && matches(rest, more),
            None => false,
        },
    }
}

fn line_matches(expected: &str, actual: &str) -> bool {
    let (expected, actual) = (expected.trim_end(), actual.trim_end());
    let mut parts = expected.split('…');
    let Some(first) = parts.next() else {
        return actual.is_empty();
    };
    let Some(mut rest) = actual.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    for (i, part) in parts.iter().enumerate() {
        if i + 1 == parts.len() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A command line split as a shell would for the simple quoting the README uses.
fn words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    let mut started = false;
    for c in command.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => current.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                started = true;
            }
            (None, ' ') => {
                if started || !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
                started = false;
            }
            (None, c) => current.push(c),
        }
    }
    if started || !current.is_empty() {
        words.push(current);
    }
    words
}

#[test]
fn every_console_block_of_the_readme_runs_as_shown() {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let sessions = sessions(&readme);
    assert!(
        sessions.len() >= 10,
        "the README has {} sessions",
        sessions.len()
    );
    let mut failures = Vec::new();
    for session in &sessions {
        let dir = tempfile::tempdir().unwrap();
        for folder in ["allocations", "examples", "tests/corpus/keys"] {
            copy_dir(&repo_root().join(folder), &dir.path().join(folder));
        }
        for (command, expected) in &session.commands {
            let mut args = words(command);
            let with_stderr = args.last().is_some_and(|a| a == "2>&1");
            if with_stderr {
                args.pop();
            }
            assert_eq!(
                args.first().map(String::as_str),
                Some("allocate"),
                "README.md:{}: only `allocate` commands can be run: {command}",
                session.line
            );
            let args: Vec<&str> = args.iter().skip(1).map(String::as_str).collect();
            let out = allocate(dir.path(), &args);
            let text = if with_stderr {
                format!("{}{}", out.stdout, out.stderr)
            } else {
                out.stdout.clone()
            };
            let mut expected = expected.clone();
            while expected.last().is_some_and(|l| l.trim().is_empty()) {
                expected.pop();
            }
            let actual: Vec<&str> = text.trim_end_matches('\n').lines().collect();
            if !matches(&expected, &actual) {
                failures.push(format!(
                    "README.md:{}: `{command}` printed\n{text}\n--- expected\n{}\n--- stderr\n{}",
                    session.line,
                    expected.join("\n"),
                    out.stderr
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The README's table of check codes, as the registry gives it.
fn code_table() -> Vec<String> {
    Code::ALL
        .iter()
        .map(|code| {
            let rule = code.rule();
            let severity = match (rule.stage, rule.severity) {
                (Stage::Read, _) => "read (exit 2)",
                (_, Severity::Error) => "error",
                (_, Severity::Warning) => "warning",
            };
            format!(
                "| `{}` | {severity} | {} |",
                code.as_str(),
                allocate::output::words::codes::about(*code, allocate::output::lang::Lang::En)
            )
        })
        .collect()
}

#[test]
fn the_readme_lists_every_check_code_as_the_registry_does() {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let rows: Vec<String> = readme
        .lines()
        .skip_while(|l| !l.starts_with("| code | severity | what |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(str::to_string)
        .collect();
    let expected = code_table();
    assert!(
        rows == expected,
        "the README's table of codes differs from the registry; it should read:\n\n| code | severity | what |\n|---|---|---|\n{}",
        expected.join("\n")
    );
}

/// Every code of the plan checks has a case in the corpus that produces it.
#[test]
fn every_check_code_has_a_corpus_case() {
    let mut cases: Vec<PathBuf> = Vec::new();
    for dir in ["tests/corpus/plans", "tests/corpus/keys"] {
        cases.extend(
            std::fs::read_dir(repo_root().join(dir))
                .unwrap()
                .map(|e| e.unwrap().path()),
        );
    }
    let expectations: String = cases
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect::<Vec<_>>()
        .join("\n");
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|code| {
            !expectations.contains(&format!("fel[{code}]"))
                && !expectations.contains(&format!("varning[{code}]"))
                && !expectations.contains(&format!("error[{code}]"))
                && !expectations.contains(&format!("warning[{code}]"))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "no corpus case expects these codes: {missing:?}"
    );
}

#[test]
fn the_matcher_takes_ellipses_for_lines_and_text() {
    let expected: Vec<String> = ["a", "…", "x … z", "end"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert!(matches(&expected, &["a", "b", "c", "x y z", "end"]));
    assert!(matches(&expected, &["a", "x  z", "end"]));
    assert!(!matches(&expected, &["a", "x y", "end"]));
    assert!(!matches(&expected, &["b", "x y z", "end"]));
    assert_eq!(
        words("allocate split \"3 202 124\" --key 'a b.csv' 2>&1"),
        ["allocate", "split", "3 202 124", "--key", "a b.csv", "2>&1"]
    );
}

/// The README's example of a printed row total a krona off, which is not a console block
/// (it needs an edited plan): made as it says, the findings are the README's, line for line
/// (its positions had drifted when the example plan grew).
#[test]
fn the_readme_table_total_example_is_what_check_says() {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let after = readme
        .split("Give the first row a printed total a krona off")
        .nth(1)
        .unwrap();
    let block: Vec<&str> = after
        .split("```\n")
        .nth(1)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .collect();
    let example = repo_root().join("examples");
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&example, dir.path());
    let text = std::fs::read_to_string(example.join("plan-2026-as-printed.toml")).unwrap();
    let cells = text.find("cells").unwrap();
    let end = cells + text[cells..].find('\n').unwrap() + 1;
    let edited = format!("{}total = 400_001\n{}", &text[..end], &text[end..]);
    std::fs::write(dir.path().join("plan.toml"), edited).unwrap();
    let out = allocate(dir.path(), &["check", "plan.toml"]);
    out.assert_status(1);
    let said: Vec<&str> = out.stdout.lines().filter(|l| !l.is_empty()).collect();
    // The README's findings in parts, `…` where check says more between them: each part is
    // said as it stands, from its first line on, and in the README's order.
    let mut from = 0;
    for part in block.split(|l| *l == "…") {
        let first = from
            + said[from..]
                .iter()
                .position(|l| *l == part[0])
                .unwrap_or_else(|| panic!("no {:?} after line {from}: {}", part[0], out.stdout));
        assert_eq!(said[first..first + part.len()], part[..], "{}", out.stdout);
        from = first + part.len();
    }
}

/// The options a command's synopses in the README name (every plain ``` block line that starts
/// `allocate COMMAND `, with the indented lines that continue it).
fn synopsis_options(readme: &str, command: &str) -> Vec<String> {
    let start = format!("allocate {command} ");
    let mut options = Vec::new();
    let (mut fenced, mut plain) = (false, false);
    let mut in_synopsis = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
            plain = fenced && line == "```";
            in_synopsis = false;
            continue;
        }
        if !plain {
            continue;
        }
        in_synopsis = line.starts_with(&start) || (in_synopsis && line.starts_with(' '));
        if in_synopsis {
            options.extend(
                line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                    .filter(|w| w.starts_with("--") && w.len() > 2)
                    .map(str::to_string),
            );
        }
    }
    options.sort();
    options.dedup();
    options
}

/// The long options a command's `--help` lists, but `--help`.
fn help_options(command: &str) -> Vec<String> {
    let out = crate::support::allocate_env(
        &repo_root(),
        &[command, "--help"],
        &[("ALLOCATE_LANG", "en")],
    );
    out.assert_status(0);
    let mut options: Vec<String> = out
        .stdout
        .lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let l = l.strip_prefix("-o, ").unwrap_or(l);
            l.strip_prefix("--")
                .map(|rest| rest.split([' ', '=']).next().unwrap_or(rest))
                .map(|name| format!("--{name}"))
        })
        .filter(|o| o != "--help")
        .collect();
    options.sort();
    options.dedup();
    options
}

#[test]
fn each_synopsis_names_every_option_its_help_lists() {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    for command in COMMANDS {
        let help = help_options(command);
        assert!(help.contains(&"--lang".to_string()), "{command}: {help:?}");
        let synopsis = synopsis_options(&readme, command);
        let missing: Vec<&String> = help.iter().filter(|o| !synopsis.contains(o)).collect();
        assert!(
            missing.is_empty(),
            "the README's synopsis of `allocate {command}` lacks {missing:?} (it names {synopsis:?})"
        );
    }
    // The default format is named too: `report PLAN [--format table]`.
    assert!(
        readme.contains("allocate report PLAN [--format table]"),
        "report's synopsis"
    );
}

/// `-` for a plan read from standard input, and the forms `follow-up` reads, said in `--help`
/// as the README says them, in both languages.
#[test]
fn help_says_where_a_plan_is_read_from_standard_input_and_which_forms_are_read() {
    for (lang, stdin) in [("sv", "`-` läser"), ("en", "`-` reads")] {
        let help = |command: &str| {
            let out = crate::support::allocate_env(
                &repo_root(),
                &[command, "--help"],
                &[("ALLOCATE_LANG", lang)],
            );
            out.assert_status(0);
            out.stdout
        };
        for command in ["check", "report", "export", "diff", "follow-up"] {
            let text = help(command);
            assert!(text.contains(stdin), "{command} --help ({lang}):\n{text}");
        }
        // Both plans of `diff`.
        assert_eq!(help("diff").matches(stdin).count(), 2, "{lang}");
        assert!(
            help("follow-up").contains("CSV, XLSX, XLS"),
            "follow-up --help ({lang})"
        );
        assert!(
            help("follow-up").contains("ODS"),
            "follow-up --help ({lang})"
        );
    }
}
