//! `allocate check PLAN...`: run every check on each plan and report every finding, then one
//! summary line per plan; on success a short reconciliation of the plan's totals. With
//! several plans, one summary of them all ends the output. `--format json|github|gitlab`
//! writes the same results for machines (see `render::checked`).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use crate::app::Status;
use crate::app::error::{Error, SummaryProblem, Warning};
use crate::app::options::Common;
use crate::core::check::check;
use crate::input::plan::{LoadError, Loaded};
use crate::input::read::ReadReason;
use crate::input::read::lexical;
use crate::output::checked::{
    CheckedFile, Summary, Verdict, reconciliation, unreadable_line, verdict_line,
};
use crate::output::diagnostic::{Style, render_load_error};
use crate::output::lang::Lang;
use crate::output::{check_json, github, gitlab};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Plan files (TOML) to check; `-` reads a plan from standard input.
    #[arg(required = true, value_name = "PLAN")]
    pub plans: Vec<PathBuf>,
    /// Treat warnings as errors.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Output: `human` (diagnostics with source lines), `json` (schema allocate-check/2),
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
    /// One JSON document (schema allocate-check/2).
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`).
    Github,
    /// A GitLab code quality report (JSON).
    Gitlab,
}

/// The findings are what `check` is asked for: they go to standard output; a warning (a job
/// summary that could not be written) to `err`.
pub fn run(args: &CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Status, Error> {
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
            let mut files = files();
            in_repository(&mut files, "GITHUB_WORKSPACE");
            if let Some(warning) = write_step_summary(&files, lang) {
                err.write_all(warning.render(lang).as_bytes())?;
            }
            (github::render(&files, lang), Summary::of(&files))
        }
        CheckFormat::Gitlab => {
            let mut files = files();
            in_repository(&mut files, "CI_PROJECT_DIR");
            (gitlab::render(&files, lang), Summary::of(&files))
        }
    };
    write!(out, "{text}")?;
    Ok(status(&summary))
}

/// Appends the job summary to `$GITHUB_STEP_SUMMARY` when GitHub Actions sets it: the whole
/// text in one write, within what GitHub takes counting what earlier steps wrote. The summary
/// is an extra copy of the annotations on standard output, so a summary that cannot be written
/// is a warning (returned), never a failure of `check`. Only a regular file is appended to
/// (made when missing): a folder, a named pipe, a device or a socket is refused before it is
/// opened (a pipe without a reader would block the open for ever), and the file is opened
/// without blocking in case one took its place meanwhile. A write that fails part-way (a full
/// disk, `ulimit -f`) is taken back: the file is cut to its length before, or removed if this
/// made it, so that nothing is left behind.
fn write_step_summary(files: &[CheckedFile], lang: Lang) -> Option<Warning> {
    let path = PathBuf::from(std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty())?);
    let warn = |problem| {
        Some(Warning::StepSummary {
            path: path.clone(),
            problem,
        })
    };
    let not_regular = |meta: &std::fs::Metadata| match meta.is_dir() {
        true => SummaryProblem::Folder,
        false => SummaryProblem::NotRegular(ReadReason::special(meta.file_type())),
    };
    let made = match std::fs::metadata(&path) {
        Ok(meta) if !meta.is_file() => return warn(not_regular(&meta)),
        Ok(_) => false,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => true,
        Err(error) => return warn(SummaryProblem::Io(error)),
    };
    let mut options = std::fs::OpenOptions::new();
    options.append(true).create_new(made);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = match options.open(&path) {
        Ok(file) => file,
        Err(error) => return warn(SummaryProblem::Io(error)),
    };
    let before = match file.metadata() {
        Ok(meta) if meta.is_file() => meta.len(),
        Ok(meta) => return warn(not_regular(&meta)),
        Err(error) => return warn(SummaryProblem::Io(error)),
    };
    let text = github::step_summary(files, lang, before);
    let Err(error) = file.write_all(text.as_bytes()).and_then(|()| file.flush()) else {
        return None;
    };
    // The file is put back as it was.
    let undone = if made {
        drop(file);
        std::fs::remove_file(&path)
    } else {
        file.set_len(before)
    };
    match undone {
        Ok(()) => warn(SummaryProblem::Io(error)),
        Err(_) => warn(SummaryProblem::LeftBehind {
            error,
            from: before,
        }),
    }
}

/// The files' and findings' paths relative to the repository's root, as GitHub's annotations
/// and GitLab's code quality report need them to find the lines changed (tester s37: a step
/// run in `allocations/` wrote `file=plan-2026.toml`). `root_var` names the CI's variable for
/// the root (`GITHUB_WORKSPACE`, `CI_PROJECT_DIR`).
fn in_repository(files: &mut [CheckedFile], root_var: &str) {
    let root = repository_root(root_var);
    let from_root = |file: &mut String| {
        // A plan read from standard input has no place in the repository.
        if file != crate::input::plan::STDIN_NAME {
            *file = repository_path(file, root.as_deref());
        }
    };
    for file in files.iter_mut() {
        from_root(&mut file.file);
        for finding in &mut file.findings {
            from_root(&mut finding.file);
            // A key file outside the repository has no place there: the finding stays on
            // the plan's line (tester s38: an absolute path that neither CI can place).
            // Without a repository it is as given, as the plan is.
            finding.key_file = (finding.key_file.take()).and_then(|mut key| {
                key.file = match root.as_deref() {
                    Some(root) => in_root(&key.file, Some(root))?,
                    None => as_given(&key.file),
                };
                Some(key)
            });
        }
    }
}

/// The folder the CI's paths are relative to: `$root_var` when the CI sets it, else the Git
/// repository around the current folder (the nearest with `.git`). A relative one (`.`) is
/// taken from the current folder, as the plans' paths are.
fn repository_root(root_var: &str) -> Option<PathBuf> {
    let here = std::env::current_dir().ok()?;
    if let Some(dir) = std::env::var_os(root_var).filter(|d| !d.is_empty()) {
        return Some(here.join(dir));
    }
    here.ancestors()
        .find(|dir| dir.join(".git").exists())
        .map(Path::to_path_buf)
}

/// `file` (as given on the command line) relative to `root`, with `/` between folders; as
/// given, tidied by [`as_given`], when it lies outside the root or there is no root.
fn repository_path(file: &str, root: Option<&Path>) -> String {
    in_root(file, root).unwrap_or_else(|| as_given(file))
}

/// `file` relative to `root`, with `/` between folders; none when it lies outside the root
/// or there is no root.
fn in_root(file: &str, root: Option<&Path>) -> Option<String> {
    let root = root?;
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
    relative(&lexical(&absolute), &lexical(root)).or_else(|| {
        let path = absolute.canonicalize().ok()?;
        let root = root.canonicalize().ok()?;
        relative(&path, &root)
    })
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
            writeln!(out, "{}", unreadable_line(error.path(), lang))?;
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
        verdict_line(&loaded.source.path, errors, warnings, failed, lang)
    )?;
    let verdict = if failed {
        Verdict::Failed
    } else {
        Verdict::Passed
    };
    Ok((verdict, errors, warnings))
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
