//! `allocate check PLAN...`: run every check on each plan and report every finding, then one
//! summary line per plan; on success a short reconciliation of the plan's totals. With
//! several plans, one summary of them all ends the output. `--format json|github|gitlab`
//! writes the same results for machines (see `render::checked`).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::app::cli::{CheckArgs, CheckFormat, Status};
use crate::core::check::check;
use crate::core::finding::Severity;
use crate::core::money::Amount;
use crate::core::plan::Plan;
use crate::input::plan::Source;
use crate::output::checked::{CheckedFile, Summary, Verdict};
use crate::output::diagnostic::{Style, render_finding};
use crate::output::lang::Lang;
use crate::output::{check_json, github, gitlab};

pub fn run(args: &CheckArgs, out: &mut dyn Write) -> std::io::Result<Status> {
    let style = args.common.style();
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
            (github::render(&files, lang), Summary::of(&files))
        }
        CheckFormat::Gitlab => {
            let files = files();
            (gitlab::render(&files, lang), Summary::of(&files))
        }
    };
    write!(out, "{text}")?;
    Ok(summary.status())
}

/// Diagnostics for people, plan by plan; with several plans, a summary of them all.
fn human(
    paths: &[PathBuf],
    deny_warnings: bool,
    style: Style,
    out: &mut dyn Write,
) -> std::io::Result<Status> {
    let mut summary = Summary::default();
    for path in paths {
        let (verdict, errors, warnings) = check_one(path, deny_warnings, style, out)?;
        summary.add(verdict, errors, warnings);
        // A plan that cannot be read already ends with an empty line.
        if paths.len() > 1 && verdict != Verdict::Unreadable {
            writeln!(out)?;
        }
    }
    if paths.len() > 1 {
        writeln!(out, "{}", summary.line(style.lang))?;
    }
    Ok(summary.status())
}

/// One plan loaded and checked, as data.
fn checked_file(path: &Path, deny_warnings: bool, lang: Lang) -> CheckedFile {
    match crate::input::plan::load(path) {
        Ok((source, plan)) => {
            CheckedFile::checked(&source, &plan, &check(&plan), deny_warnings, lang)
        }
        Err(error) => CheckedFile::unreadable(path, &error, lang),
    }
}

impl Summary {
    /// The worst outcome: a file that cannot be read, else a failed plan, else success.
    fn status(&self) -> Status {
        if self.unreadable > 0 {
            Status::Unreadable
        } else if self.failed > 0 {
            Status::Findings
        } else {
            Status::Ok
        }
    }
}

/// Checks one plan and writes its diagnostics; returns its verdict and counts.
fn check_one(
    path: &Path,
    deny_warnings: bool,
    style: Style,
    out: &mut dyn Write,
) -> std::io::Result<(Verdict, usize, usize)> {
    let lang = style.lang;
    let Some((source, plan)) = super::load(path, style, out)? else {
        return Ok((Verdict::Unreadable, 0, 0));
    };
    let findings = check(&plan);
    for finding in &findings {
        writeln!(out, "{}\n", render_finding(&source, finding, style))?;
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    let failed = errors > 0 || (deny_warnings && warnings > 0);
    if !failed {
        write!(out, "{}", reconciliation(&plan, lang))?;
    }
    writeln!(
        out,
        "{}",
        summary_line(&source, errors, warnings, failed, lang)
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
    let counts = match lang {
        Lang::Sv => format!(
            "{errors} fel, {warnings} {}",
            if warnings == 1 {
                "varning"
            } else {
                "varningar"
            }
        ),
        Lang::En => format!(
            "{errors} {}, {warnings} {}",
            if errors == 1 { "error" } else { "errors" },
            if warnings == 1 { "warning" } else { "warnings" }
        ),
    };
    let verdict = match (failed, lang) {
        (false, Lang::Sv) => "godkänd",
        (false, Lang::En) => "passed",
        (true, Lang::Sv) => "underkänd",
        (true, Lang::En) => "failed",
    };
    format!("{}: {verdict} ({counts})", source.display_path())
}

/// The short summary shown when a plan reconciles: county total, each area, and how many
/// stated figures were checked.
fn reconciliation(plan: &Plan, lang: Lang) -> String {
    let mut rows: Vec<(String, Amount, String)> = Vec::new();
    let total = *plan.plan.county_total.get_ref();
    rows.push((
        lang.pick("Länets medel", "County total").to_string(),
        total,
        String::new(),
    ));
    for area in &plan.areas {
        let n = plan
            .insatser
            .iter()
            .filter(|i| i.area.get_ref() == area.number.get_ref())
            .count();
        let label = format!(
            "  {} {}",
            lang.pick("Område", "Area"),
            area.number.get_ref()
        );
        let note = match lang {
            Lang::Sv => format!("{n} insatser"),
            Lang::En => format!("{n} insatser"),
        };
        rows.push((label, *area.amount.get_ref(), note));
    }
    let label_width = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    let amounts: Vec<String> = rows.iter().map(|r| lang.amount(r.1)).collect();
    let amount_width = amounts.iter().map(|a| a.chars().count()).max().unwrap_or(0);
    let mut text = match lang {
        Lang::Sv => format!(
            "{} {}: alla summor stämmer\n",
            plan.plan.county,
            plan.plan.year.get_ref()
        ),
        Lang::En => format!(
            "{} {}: every total reconciles\n",
            plan.plan.county,
            plan.plan.year.get_ref()
        ),
    };
    for ((label, _, note), amount) in rows.iter().zip(&amounts) {
        let line = format!("  {label:<label_width$}  {amount:>amount_width$}  {note}");
        text.push_str(line.trim_end());
        text.push('\n');
    }
    let stated = stated_figure_count(plan);
    text.push_str(&match lang {
        Lang::Sv => format!("  {stated} angivna summor i dokumentet stämmer med beräkningen\n"),
        Lang::En => format!("  {stated} figures stated in the document match the computation\n"),
    });
    text
}

/// Every printed figure that `check` compared with a computed one.
fn stated_figure_count(plan: &Plan) -> usize {
    let printed: usize = plan
        .insatser
        .iter()
        .filter_map(|i| i.split.as_ref())
        .map(|s| s.get_ref().printed.len())
        .sum();
    let headings = plan.headings.iter().filter(|h| h.stated.is_some()).count();
    let change =
        usize::from(plan.plan.stated_change.is_some() && plan.plan.previous_county_total.is_some());
    // The county total and each area amount are themselves stated figures.
    1 + plan.areas.len() + plan.stated.len() + headings + printed + change
}
