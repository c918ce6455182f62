//! `allocate report PLAN`: the tables that the decision document prints by hand, computed
//! from a plan that passes `check`: per kommun, per actor, per handling actor (the summary
//! headings), per area, and the invoice summaries with internal transfers and held money.

use std::io::Write;

use crate::check::check;
use crate::cli::{ReportArgs, Status, View};
use crate::diagnostic::render_finding;
use crate::finding::Severity;
use crate::lang::Lang;
use crate::render::table::{self, Layout};
use crate::report::{self, Filter, Ledger};
use crate::resolve::Resolved;

pub fn run(args: &ReportArgs, out: &mut dyn Write) -> std::io::Result<Status> {
    let style = args.common.style();
    let lang = style.lang;
    let Some((source, plan)) = super::load(&args.plan, style, out)? else {
        return Ok(Status::Unreadable);
    };
    let findings = check(&plan);
    if findings.iter().any(|f| f.severity == Severity::Error) {
        for finding in &findings {
            writeln!(out, "{}\n", render_finding(&source, finding, style))?;
        }
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        writeln!(
            out,
            "{}: {}",
            source.display_path(),
            match lang {
                Lang::Sv => format!("{errors} fel; ingen rapport förrän planen stämmer"),
                Lang::En => format!("{errors} errors; no report until the plan reconciles"),
            }
        )?;
        return Ok(Status::Findings);
    }

    let Some(filter) = resolve_filter(args, &plan, lang, out)? else {
        return Ok(Status::Unreadable);
    };
    let ledger = Ledger::new(&plan, &filter);
    let layout = Layout {
        lang,
        color: style.color,
        width: table::terminal_width(),
    };
    let title = format!("{} {}", plan.plan.county, plan.plan.year.get_ref());
    let views = if args.views.is_empty() {
        View::ALL.to_vec()
    } else {
        args.views.clone()
    };
    let mut sections = Vec::new();
    for view in views {
        sections.push(match view {
            View::PerKommun => table::per_kommun(&report::per_kommun(&ledger), &title, layout),
            View::PerActor => table::per_actor(&report::per_actor(&ledger), &title, layout),
            View::PerHeading => table::per_heading(&report::per_heading(&ledger), &title, layout),
            View::PerArea => table::per_area(&report::per_area(&ledger), &title, layout),
            View::Invoices => {
                table::payments(&report::payments(&ledger), &title, ledger.filtered, layout)
            }
        });
    }
    write!(out, "{}", sections.join("\n"))?;
    Ok(Status::Ok)
}

/// Turns `--area`, `--actor` and `--kommun` into a filter; an unknown name is a usage error.
fn resolve_filter(
    args: &ReportArgs,
    plan: &crate::plan::Plan,
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
    let suggestion = crate::plan::suggest(name, known)
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
