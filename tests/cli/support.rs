//! Runs the real binary in a directory of its own, like a user's session.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Output {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// Where findings are drawn: standard output for `check` and for warnings beside a
    /// command's tables, standard error where they keep a command from its output (each
    /// command's tests hold which).
    fn diagnostics(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    /// Panics with the whole output when the exit status is not `expected`.
    pub fn assert_status(&self, expected: i32) -> &Self {
        assert_eq!(
            self.status, expected,
            "exit status\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn assert_stdout_contains(&self, needle: &str) -> &Self {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    pub fn assert_stderr_contains(&self, needle: &str) -> &Self {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// Nothing on standard error: what a command that succeeds quietly writes there.
    pub fn assert_stderr_empty(&self) -> &Self {
        assert!(
            self.stderr.is_empty(),
            "stderr is not empty\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// Nothing on standard output: what a command that fails writes there.
    pub fn assert_stdout_empty(&self) -> &Self {
        assert!(
            self.stdout.is_empty(),
            "stdout is not empty\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// The header lines of findings: `fel[code]: …` / `varning[code]: …`.
    pub fn finding_codes(&self) -> Vec<String> {
        self.diagnostics()
            .lines()
            .filter_map(|l| {
                let rest = l
                    .strip_prefix("fel[")
                    .or_else(|| l.strip_prefix("varning["))
                    .or_else(|| l.strip_prefix("error["))
                    .or_else(|| l.strip_prefix("warning["))?;
                rest.split_once(']').map(|(code, _)| code.to_string())
            })
            .collect()
    }
}

impl Output {
    /// Each finding as (code, `file:line:col`), in output order.
    pub fn findings(&self) -> Vec<(String, String)> {
        let codes = self.finding_codes();
        let text = self.diagnostics();
        let places = text
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix("--> "))
            .map(str::to_string);
        codes.into_iter().zip(places).collect()
    }

    /// Asserts a table row with exactly these cells (trimmed), in this order.
    pub fn assert_row(&self, cells: &[&str]) -> &Self {
        let found = self.stdout.lines().any(|line| {
            let inner = line.trim().trim_start_matches('│').trim_end_matches('│');
            let row: Vec<&str> = inner.split('┆').map(str::trim).collect();
            row == cells
        });
        assert!(found, "no table row {cells:?}\n{}", self.stdout);
        self
    }

    /// Asserts a finding with `code` at `place`, and returns its message line.
    pub fn assert_finding(&self, code: &str, place: &str) -> &Self {
        assert!(
            self.findings().iter().any(|(c, p)| c == code && p == place),
            "no {code} at {place}; findings: {:?}\n{}",
            self.findings(),
            self.diagnostics()
        );
        self
    }
}

/// The commands a user runs, each with its `--help` (`generate`, for the benchmarks, is
/// hidden; `completions` takes a shell).
pub const COMMANDS: [&str; 9] = [
    "check",
    "report",
    "export",
    "split",
    "diff",
    "follow-up",
    "init",
    "explain",
    "man",
];

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `allocate ARGS` in `dir` with colour off.
pub fn allocate(dir: &Path, args: &[&str]) -> Output {
    allocate_env(dir, args, &[])
}

/// The `allocate` binary as a command, in the language a test asks for, never the tester's
/// (`ALLOCATE_LANG`).
pub fn command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_allocate"));
    command.env_remove("ALLOCATE_LANG");
    command
}

/// `allocate` with these environment variables set as well.
pub fn allocate_env(dir: &Path, args: &[&str], vars: &[(&str, &str)]) -> Output {
    let out = command()
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .envs(vars.iter().copied())
        .output()
        .expect("run allocate");
    Output {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The text of a real plan in `allocations/`.
pub fn real_plan(name: &str) -> String {
    std::fs::read_to_string(repo_root().join("allocations").join(name)).unwrap()
}

/// A plan file in a temporary directory of its own.
pub struct PlanDir {
    pub dir: tempfile::TempDir,
    pub text: String,
}

impl PlanDir {
    /// Starts from a copy of a real plan in `allocations/`.
    pub fn from_real(name: &str) -> PlanDir {
        PlanDir {
            dir: tempfile::tempdir().unwrap(),
            text: real_plan(name),
        }
    }

    /// Replaces the first occurrence of `from`, which must exist.
    pub fn edit(mut self, from: &str, to: &str) -> PlanDir {
        assert!(self.text.contains(from), "the plan has no {from:?}");
        self.text = self.text.replacen(from, to, 1);
        self
    }

    /// `plan.toml:LINE:COL` of the first occurrence of `needle` in the edited text, plus
    /// `offset` characters: where a diagnostic must point.
    pub fn position_of(&self, needle: &str, offset: usize) -> String {
        let at = self
            .text
            .find(needle)
            .unwrap_or_else(|| panic!("no {needle:?}"));
        let before = &self.text[..at];
        let line = before.matches('\n').count() + 1;
        let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
            .chars()
            .count()
            + 1
            + offset;
        format!("plan.toml:{line}:{col}")
    }

    pub fn check(&self, extra: &[&str]) -> Output {
        std::fs::write(self.dir.path().join("plan.toml"), &self.text).unwrap();
        let mut args = vec!["check", "plan.toml"];
        args.extend_from_slice(extra);
        allocate(self.dir.path(), &args)
    }
}

/// (kommunkod, name, population 1 Nov 2024), seed 003.
pub const POPULATION_2024: [(&str, &str, u64); 8] = [
    ("2303", "Ragunda", 5_150),
    ("2305", "Bräcke", 6_037),
    ("2309", "Krokom", 15_702),
    ("2313", "Strömsund", 10_995),
    ("2321", "Åre", 12_626),
    ("2326", "Berg", 7_101),
    ("2361", "Härjedalen", 10_120),
    ("2380", "Östersund", 64_977),
];

/// A workbook's bytes with each part that `edit` returns new text for replaced.
pub fn rewrite_parts(bytes: Vec<u8>, edit: impl Fn(&str, String) -> Option<String>) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        let mut text = Vec::new();
        part.read_to_end(&mut text).unwrap();
        if let Ok(xml) = String::from_utf8(text.clone())
            && let Some(edited) = edit(&name, xml)
        {
            text = edited.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&text).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// The `i`th kommunkod of a generated plan, of real län (`kommun-county`): 2301…2399, then
/// 2401…, 2501…, and on through five more län; 2301 first.
pub fn kommunkod(i: usize) -> String {
    const COUNTIES: [usize; 8] = [23, 24, 25, 22, 21, 20, 19, 18];
    let county = COUNTIES.get(i / 99).copied().unwrap_or(1);
    format!("{county:02}{:02}", i % 99 + 1)
}

/// Plain text as every document sets its figures (the decision basis, the Markdown comparison): a narrow
/// no-break space between thousands, a no-break space before `kr` and `%`, a true minus sign
/// (U+2212) before a negative figure.
pub fn typeset(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |c: Option<&char>| c.is_some_and(char::is_ascii_digit);
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j));
        let after = chars.get(i + 1);
        let unit = chars[i + 1..].starts_with(&['k', 'r']) || after == Some(&'%');
        out.push(match c {
            ' ' if digit(before) && digit(after) => '\u{202f}',
            ' ' if digit(before) && unit => '\u{a0}',
            '-' if before.is_none_or(|&b| b == ' ') && digit(after) => '\u{2212}',
            c => c,
        });
    }
    out
}

#[test]
fn typeset_sets_figures_only() {
    assert_eq!(
        typeset("| 2380 Östersund | -7 877 kr | -0,06 % | befolkning-procent-2026, 100 kr |"),
        "| 2380 Östersund | \u{2212}7\u{202f}877\u{a0}kr | \u{2212}0,06\u{a0}% | befolkning-procent-2026, 100\u{a0}kr |"
    );
}

/// Västernorrland's kommuner as SCB has them (län 22), in kommunkod order.
pub const VASTERNORRLAND: [(&str, &str); 7] = [
    ("2260", "Ånge"),
    ("2262", "Timrå"),
    ("2280", "Härnösand"),
    ("2281", "Sundsvall"),
    ("2282", "Kramfors"),
    ("2283", "Sollefteå"),
    ("2284", "Örnsköldsvik"),
];

/// The corpus's base plan made Västernorrland's, as a county new to `allocate` makes its
/// own (tester s43): its `county`, its seven kommuner, and a population key read from
/// `keys/folkmangd.csv` that the insatser split by. Valid with a file of the län's kommuner.
pub fn vasternorrland_plan() -> String {
    let base = std::fs::read_to_string(repo_root().join("tests/corpus/base.toml")).unwrap();
    let start = base.find("[[kommuner]]").unwrap();
    let end = base.find("[[keys]]").unwrap();
    let kommuner: String = (VASTERNORRLAND.iter())
        .map(|(code, name)| format!("[[kommuner]]\ncode = \"{code}\"\nname = \"{name}\"\n\n"))
        .collect();
    let key =
        "[[keys]]\nid = \"befolkning\"\nkind = \"population\"\nfile = \"keys/folkmangd.csv\"\n\n";
    let after_key = &base[end..];
    let after_key = &after_key[after_key.find("[[insatser]]").unwrap()..];
    let mut text = format!("{}{kommuner}{key}{after_key}", &base[..start]);
    for (from, to) in [
        (
            "county = \"Jämtlands län\"",
            "county = \"Västernorrlands län\"",
        ),
        ("key = \"procent\"", "key = \"befolkning\""),
        ("printed = { Berg = 21_200, \"Östersund\" = 196_000 }\n", ""),
        // Six kommuner at 75 000 kr and Sundsvall's part: 2.3's 665 000 kr.
        (
            "except = { \"Östersund\" = 140_000 }",
            "except = { \"Sundsvall\" = 215_000 }",
        ),
        (
            "[[stated]]\nlabel = \"Östersund, summa\"\nkommun = \"Östersund\"\namount = 436_000\n\n",
            "",
        ),
    ] {
        assert!(text.contains(from), "the base plan has no {from:?}");
        text = text.replacen(from, to, 1);
    }
    text
}
