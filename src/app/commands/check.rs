//! `allocate check PLAN...`: run every check on each plan and report every finding, then one
//! summary line per plan; on success a short reconciliation of the plan's totals. With
//! several plans, one summary of them all ends the output. `--format json|github|gitlab`
//! writes the same results for machines (see `render::checked`).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use crate::app::Status;
use crate::app::error::Error;
use crate::app::options::Common;
use crate::core::check::{Checked, check};
use crate::core::money::Amount;
use crate::core::plan::Plan;
use crate::input::plan::{LoadError, Loaded, Source};
use crate::input::read::ReadReason;
use crate::input::read::lexical;
use crate::output::checked::{CheckedFile, Summary, Verdict};
use crate::output::diagnostic::{Style, render_load_error};
use crate::output::lang::Lang;
use crate::output::text::{pad_end, pad_start, shown_path, widest};
use crate::output::{check_json, github, gitlab, number};
use crate::say;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Plan files (TOML) to check; `-` reads a plan from standard input.
    #[arg(required = true, value_name = "PLAN")]
    pub plans: Vec<PathBuf>,
    /// Treat warnings as errors.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Output: `human` (diagnostics with source lines), `json` (schema allocate-check/1),
    /// `github` (GitHub Actions annotations) or `gitlab` (GitLab code quality report).
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    #[command(flatten)]
    pub common: Common,
}

/// How `check` writes its findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Diagnostics for people, with the source line and a caret.
    Human,
    /// One JSON document (schema allocate-check/1).
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`).
    Github,
    /// A GitLab code quality report (JSON).
    Gitlab,
}

/// The findings are what `check` is asked for: they go to standard output.
pub fn run(args: &CheckArgs, out: &mut dyn Write) -> Result<Status, Error> {
    let style = args.common.out_style();
    let lang = style.lang;
    let paths: Vec<PathBuf> = crate::app::plan_paths::expand(&args.plans);
    let files = || -> Vec<CheckedFile> {
        paths
            .iter()
            .map(|path| checked_file(path, args.deny_warnings, lang))
            .collect()
    };
    let (text, summary) = match args.format {
        CheckFormat::Human => return human(&paths, args.deny_warnings, style, out),
        CheckFormat::Json => {
            let files = files();
            let text = check_json::render(&files, args.deny_warnings, lang);
            (text, Summary::of(&files))
        }
        CheckFormat::Github => {
            let files = files();
            write_step_summary(&files, lang)?;
            (github::render(&files, lang), Summary::of(&files))
        }
        CheckFormat::Gitlab => {
            let mut files = files();
            let root = repository_root();
            for finding in files.iter_mut().flat_map(|f| f.findings.iter_mut()) {
                finding.file = repository_path(&finding.file, root.as_deref());
            }
            (gitlab::render(&files, lang), Summary::of(&files))
        }
    };
    write!(out, "{text}")?;
    Ok(status(&summary))
}

/// Appends the job summary to `$GITHUB_STEP_SUMMARY` when GitHub Actions sets it: the whole
/// text in one write, within what GitHub takes counting what earlier steps wrote. A write that
/// fails part-way (a full disk, `ulimit -f`) is taken back: the file is cut to its length
/// before, or removed if this made it, so that nothing is left behind.
fn write_step_summary(files: &[CheckedFile], lang: Lang) -> Result<(), Error> {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return Ok(());
    };
    let path = PathBuf::from(path);
    let append = |create: bool| {
        std::fs::OpenOptions::new()
            .append(true)
            .create_new(create)
            .open(&path)
    };
    let (mut file, made) = match append(false) {
        Ok(file) => (file, false),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => match append(true) {
            Ok(file) => (file, true),
            Err(error) => return Err(Error::Write { path, error }),
        },
        Err(error) => return Err(Error::Write { path, error }),
    };
    let metadata = file.metadata().ok();
    let regular = metadata.as_ref().is_some_and(std::fs::Metadata::is_file);
    let before = metadata.filter(|_| regular).map_or(0, |m| m.len());
    let text = github::step_summary(files, lang, before);
    let Err(error) = file.write_all(text.as_bytes()).and_then(|()| file.flush()) else {
        return Ok(());
    };
    // A pipe or a device keeps what it was given; a file is put back as it was.
    if regular {
        let undone = if made {
            drop(file);
            std::fs::remove_file(&path)
        } else {
            file.set_len(before)
        };
        if undone.is_err() {
            return Err(Error::AppendLeftBehind {
                path,
                error,
                from: before,
            });
        }
    }
    Err(Error::Write { path, error })
}

/// The folder GitLab's code quality paths are relative to: `$CI_PROJECT_DIR` when GitLab CI
/// sets it, else the Git repository around the current folder (the nearest with `.git`).
/// A relative `$CI_PROJECT_DIR` (`.`) is taken from the current folder, as the plans' paths are.
fn repository_root() -> Option<PathBuf> {
    let here = std::env::current_dir().ok()?;
    if let Some(dir) = std::env::var_os("CI_PROJECT_DIR").filter(|d| !d.is_empty()) {
        return Some(here.join(dir));
    }
    here.ancestors()
        .find(|dir| dir.join(".git").exists())
        .map(Path::to_path_buf)
}

/// `file` (as given on the command line) relative to `root`, with `/` between folders; as
/// given, tidied by [`as_given`], when it lies outside the root or there is no root.
fn repository_path(file: &str, root: Option<&Path>) -> String {
    let as_given = || as_given(file);
    let Some(root) = root else {
        return as_given();
    };
    let path = Path::new(file);
    let absolute = match std::env::current_dir() {
        Ok(here) => here.join(path),
        Err(_) => path.to_path_buf(),
    };
    let relative = |path: &Path, root: &Path| -> Option<String> {
        let rest = path.strip_prefix(root).ok()?;
        let parts: Vec<String> = rest
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        (!parts.is_empty()).then(|| parts.join("/"))
    };
    // Lexically first (`./`, `..`), then through symlinks as the file system resolves them.
    relative(&lexical(&absolute), &lexical(root))
        .or_else(|| {
            let path = absolute.canonicalize().ok()?;
            let root = root.canonicalize().ok()?;
            relative(&path, &root)
        })
        .unwrap_or_else(as_given)
}

/// A path as given, with its `.` folders and repeated separators dropped and `/` between
/// folders (`.//plan.toml`, `././/plan.toml` → `plan.toml`; `.//../plan.toml` →
/// `../plan.toml`). `..` is kept: without the file system it cannot be resolved. A relative
/// path stays relative (never a leading `/`), an absolute one absolute.
fn as_given(file: &str) -> String {
    use std::path::Component;
    let mut out = String::new();
    for component in Path::new(file).components() {
        match component {
            Component::CurDir => {}
            Component::Prefix(prefix) => out.push_str(&prefix.as_os_str().to_string_lossy()),
            Component::RootDir => out.push('/'),
            Component::ParentDir | Component::Normal(_) => {
                if !out.is_empty() && !out.ends_with('/') {
                    out.push('/');
                }
                out.push_str(&component.as_os_str().to_string_lossy());
            }
        }
    }
    // `.` alone (a folder, refused as a plan) stays as it was given.
    if out.is_empty() {
        file.to_string()
    } else {
        out
    }
}

/// Diagnostics for people, plan by plan; with several plans, a summary of them all.
fn human(
    paths: &[PathBuf],
    deny_warnings: bool,
    style: Style,
    out: &mut dyn Write,
) -> Result<Status, Error> {
    let mut summary = Summary::default();
    for path in paths {
        let (verdict, errors, warnings) = check_one(path, deny_warnings, style, out)?;
        summary.add(verdict, errors, warnings);
        // Several plans: an empty line after each, before the next or the summary.
        if paths.len() > 1 {
            writeln!(out)?;
        }
    }
    if paths.len() > 1 {
        writeln!(out, "{}", summary.line(style.lang))?;
    }
    Ok(status(&summary))
}

/// One plan given on the command line, loaded: a pattern that matched no file is reported as
/// such, not as a file that does not exist.
fn load(path: &Path) -> Result<Loaded, LoadError> {
    if crate::app::plan_paths::matches_nothing(path) {
        return Err(LoadError::Read {
            path: path.to_path_buf(),
            reason: ReadReason::NoMatch,
            stdin: false,
        });
    }
    crate::input::given_plan::load(path)
}

/// One plan loaded and checked, as data.
fn checked_file(path: &Path, deny_warnings: bool, lang: Lang) -> CheckedFile {
    match load(path) {
        Ok(loaded) => {
            let checked = check(&loaded.plan, &loaded.key_files);
            CheckedFile::checked(
                &loaded.source,
                &loaded.plan,
                &checked.findings,
                deny_warnings,
                lang,
            )
        }
        Err(error) => CheckedFile::unreadable(error.path(), &error, lang),
    }
}

/// The worst outcome: a file that cannot be read, else a failed plan, else success.
fn status(summary: &Summary) -> Status {
    if summary.unreadable > 0 {
        Status::Failure
    } else if summary.failed > 0 {
        Status::Findings
    } else {
        Status::Ok
    }
}

/// Checks one plan and writes its diagnostics; returns its verdict and counts.
fn check_one(
    path: &Path,
    deny_warnings: bool,
    style: Style,
    out: &mut dyn Write,
) -> Result<(Verdict, usize, usize), Error> {
    let lang = style.lang;
    let loaded = match load(path) {
        Ok(loaded) => loaded,
        Err(error) => {
            // A file that cannot be read is one of `check`'s results, not a failure of it.
            writeln!(out, "{}", render_load_error(&error, style))?;
            let could_not = lang.pick("kunde inte läsas", "could not be read");
            writeln!(out, "{}: {could_not}", shown_path(error.path()))?;
            return Ok((Verdict::Unreadable, 0, 0));
        }
    };
    let checked = check(&loaded.plan, &loaded.key_files);
    // A finding repeated thousands of times (a broken key file) is shown a few dozen times,
    // then counted; the counts and the status still cover every finding.
    super::tell(&checked.findings, &loaded.source, style, out)?;
    let (errors, warnings) = (checked.errors(), checked.warnings());
    let failed = errors > 0 || (deny_warnings && warnings > 0);
    if !failed {
        write!(out, "{}", reconciliation(&checked, lang))?;
    }
    writeln!(
        out,
        "{}",
        summary_line(&loaded.source, errors, warnings, failed, lang)
    )?;
    let verdict = if failed {
        Verdict::Failed
    } else {
        Verdict::Passed
    };
    Ok((verdict, errors, warnings))
}

fn summary_line(
    source: &Source,
    errors: usize,
    warnings: usize,
    failed: bool,
    lang: Lang,
) -> String {
    let counts = format!(
        "{}, {}",
        number::errors(errors, lang),
        number::warnings(warnings, lang)
    );
    let verdict = match (failed, lang) {
        (false, Lang::Sv) => "godkänd",
        (false, Lang::En) => "passed",
        (true, Lang::Sv) => "underkänd",
        (true, Lang::En) => "failed",
    };
    format!("{}: {verdict} ({counts})", shown_path(&source.path))
}

/// The short summary shown when a plan reconciles: county total, each area, and how many
/// stated figures were checked.
fn reconciliation(checked: &Checked, lang: Lang) -> String {
    let plan: &Plan = checked.ledger.plan;
    let mut rows: Vec<(String, Amount, String)> = Vec::new();
    let total = *plan.plan.county_total.get_ref();
    rows.push((
        lang.pick("Länets medel", "County total").to_string(),
        total,
        String::new(),
    ));
    let mut counts = vec![0usize; plan.areas.len()];
    for entry in &checked.ledger.insatser {
        if let Some(c) = entry.area.and_then(|a| counts.get_mut(a)) {
            *c += 1;
        }
    }
    for (area, n) in plan.areas.iter().zip(counts) {
        let number = area.number.get_ref();
        let label = say!(lang, "  Område {number}", "  Area {number}");
        let note = if n == 1 {
            "1 insats".to_string()
        } else {
            format!("{} insatser", crate::output::number::count(n as u64, lang))
        };
        rows.push((label, *area.amount.get_ref(), note));
    }
    let label_width = widest(rows.iter().map(|r| r.0.as_str()));
    let amounts: Vec<String> = rows.iter().map(|r| lang.amount(r.1)).collect();
    let amount_width = widest(amounts.iter().map(String::as_str));
    let (county, year) = (
        crate::output::text::visible(&plan.plan.county),
        plan.plan.year.get_ref(),
    );
    let printed = crate::core::report::printed::printed(&checked.ledger);
    let spans = crate::core::report::printed::SpanIndex::new(&checked.findings);
    let (compared, holding) =
        crate::core::report::printed::reconciled(&checked.ledger, &printed, &spans);
    let count = |n: usize| crate::output::number::count(n as u64, lang);
    // No errors here: a stated figure that does not hold has a warning (an earmark's).
    let mut text = match compared.saturating_sub(holding) {
        0 => say!(
            lang,
            "{county} {year}: alla summor stämmer\n",
            "{county} {year}: every total reconciles\n"
        ),
        1 => say!(
            lang,
            "{county} {year}: inga fel; en angiven summa har en varning (ovan)\n",
            "{county} {year}: no errors; one stated figure has a warning (above)\n"
        ),
        n => {
            let n = count(n);
            say!(
                lang,
                "{county} {year}: inga fel; {n} angivna summor har varningar (ovan)\n",
                "{county} {year}: no errors; {n} stated figures have warnings (above)\n"
            )
        }
    };
    for ((label, _, note), amount) in rows.iter().zip(&amounts) {
        let line = format!(
            "  {}  {}  {note}",
            pad_end(label, label_width),
            pad_start(amount, amount_width)
        );
        text.push_str(line.trim_end());
        text.push('\n');
    }
    let (compared, holding) = (count(compared), count(holding));
    text.push_str(&say!(
        lang,
        "  {holding} av {compared} angivna summor i dokumentet stämmer med beräkningen\n",
        "  {holding} of {compared} figures stated in the document match the computation\n"
    ));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_as_given_loses_its_dot_folders_but_never_becomes_absolute() {
        for (given, shown) in [
            ("./plan.toml", "plan.toml"),
            (".//plan.toml", "plan.toml"),
            (".///plan.toml", "plan.toml"),
            ("././/plan.toml", "plan.toml"),
            (".//../plan.toml", "../plan.toml"),
            ("a/./b//plan.toml", "a/b/plan.toml"),
            ("../a/../plan.toml", "../a/../plan.toml"),
            ("/tmp//./plan.toml", "/tmp/plan.toml"),
            ("-", "-"),
        ] {
            assert_eq!(as_given(given), shown, "{given}");
        }
    }
}
