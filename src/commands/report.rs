//! `allocate report PLAN`: the tables that the decision document prints by hand, computed
//! from a plan that passes `check`: per kommun, per actor, per handling actor (the summary
//! headings), per area, and the invoice summaries with internal transfers and held money.

use std::io::Write;

use crate::cli::{ReportArgs, Status, View};
use crate::render::table::{self, Layout};
use crate::report::{self, Ledger};

pub fn run(args: &ReportArgs, out: &mut dyn Write) -> std::io::Result<Status> {
    let style = args.common.style();
    let lang = style.lang;
    let Some((source, plan)) = super::load(&args.plan, style, out)? else {
        return Ok(Status::Unreadable);
    };
    if !super::passes_check(
        &source,
        &plan,
        style,
        lang.pick("ingen rapport", "no report"),
        out,
    )? {
        return Ok(Status::Findings);
    }
    let Some(filter) = super::filter(&args.filter, &plan, lang, out)? else {
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
