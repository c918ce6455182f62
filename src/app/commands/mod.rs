//! One module per subcommand, and what they share: loading a plan and reporting why it
//! could not be loaded.

pub mod check;
pub mod completions;
pub mod diff;
pub mod export;
pub mod init;
pub mod man;
pub mod report;
pub mod split;

use std::io::Write;
use std::path::Path;

use crate::app::cli::FilterArgs;
use crate::core::finding::Severity;
use crate::core::plan::Plan;
use crate::core::report::Filter;
use crate::core::resolve::Resolved;
use crate::input::plan::{self, Source};
use crate::output::diagnostic::{Style, render_load_error};
use crate::output::lang::Lang;

/// Loads a plan; when it cannot be read or parsed, says why on `out` and returns `None`.
pub fn load(
    path: &Path,
    style: Style,
    out: &mut dyn Write,
) -> std::io::Result<Option<(Source, Plan)>> {
    match plan::load(path) {
        Ok(loaded) => Ok(Some(loaded)),
        Err(error) => {
            writeln!(out, "{}", render_load_error(&error, style))?;
            writeln!(
                out,
                "{}: {}\n",
                path.display(),
                style.lang.pick("kunde inte läsas", "could not be read")
            )?;
            Ok(None)
        }
    }
}

/// What `report` and `export` do before they build a ledger: load the plan, check it (a plan
/// with errors gets its findings and the line that `what` follows from them), and resolve the
/// filter options. `Err` is the exit status, after saying why on `out`.
pub fn prepare(
    path: &Path,
    filter_args: &FilterArgs,
    style: Style,
    what: &str,
    out: &mut dyn Write,
) -> std::io::Result<Result<(Plan, Filter), crate::app::cli::Status>> {
    use crate::app::cli::Status;
    let Some((source, plan)) = load(path, style, out)? else {
        return Ok(Err(Status::Unreadable));
    };
    if !passes_check(&source, &plan, style, what, out)? {
        return Ok(Err(Status::Findings));
    }
    let Some(filter) = filter(filter_args, &plan, style.lang, out)? else {
        return Ok(Err(Status::Unreadable));
    };
    Ok(Ok((plan, filter)))
}

/// Runs every check; when there are errors, prints the findings and a line saying that
/// `what` (no report, nothing exported) follows from them, and returns false.
fn passes_check(
    source: &Source,
    plan: &Plan,
    style: Style,
    what: &str,
    out: &mut dyn Write,
) -> std::io::Result<bool> {
    let findings = crate::core::check::check(plan);
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    if errors == 0 {
        return Ok(true);
    }
    for finding in &findings {
        writeln!(
            out,
            "{}\n",
            crate::output::diagnostic::render_finding(source, finding, style)
        )?;
    }
    let line = match style.lang {
        Lang::Sv => format!("{errors} fel; {what} förrän planen stämmer"),
        Lang::En => format!("{errors} errors; {what} until the plan reconciles"),
    };
    writeln!(out, "{}: {line}", source.display_path())?;
    Ok(false)
}

/// Turns `--area`, `--actor` and `--kommun` into a filter; an unknown name is a usage error.
fn filter(
    args: &FilterArgs,
    plan: &Plan,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<Option<Filter>> {
    let resolved = Resolved::new(plan, &mut Vec::new());
    let mut filter = Filter {
        area: args.area,
        ..Filter::default()
    };
    if let Some(area) = args.area
        && !resolved.areas.contains_key(&area)
    {
        let known: Vec<String> = plan
            .areas
            .iter()
            .map(|a| a.number.get_ref().to_string())
            .collect();
        unknown(
            out,
            lang,
            lang.pick("område", "area"),
            &area.to_string(),
            &known,
        )?;
        return Ok(None);
    }
    if let Some(actor) = &args.actor {
        match resolved.actors.get(actor) {
            Some(&i) => filter.actor = Some(i),
            None => {
                let known: Vec<String> =
                    plan.actors.iter().map(|a| a.id.get_ref().clone()).collect();
                unknown(out, lang, lang.pick("aktör", "actor"), actor, &known)?;
                return Ok(None);
            }
        }
    }
    if let Some(kommun) = &args.kommun {
        match resolved.kommun(kommun) {
            Some(k) => filter.kommun = Some(k),
            None => {
                let known: Vec<String> = plan
                    .kommuner
                    .iter()
                    .map(|k| k.name.get_ref().clone())
                    .collect();
                unknown(out, lang, "kommun", kommun, &known)?;
                return Ok(None);
            }
        }
    }
    Ok(Some(filter))
}

fn unknown(
    out: &mut dyn Write,
    lang: Lang,
    what: &str,
    name: &str,
    known: &[String],
) -> std::io::Result<()> {
    let suggestion = crate::input::plan::suggest(name, known)
        .map(|s| format!(" {} `{s}`?", lang.pick("Menade du", "Did you mean")))
        .unwrap_or_default();
    writeln!(
        out,
        "{} {what} `{name}`.{suggestion} {}: {}",
        lang.pick("Okänd", "Unknown"),
        lang.pick("Planen har", "The plan has"),
        known.join(", ")
    )
}
