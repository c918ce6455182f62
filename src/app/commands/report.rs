//! `allocate report PLAN`: the tables that the decision document prints by hand, computed
//! from a plan that passes `check`: per kommun, per actor, per handling actor (the summary
//! headings), per area, and the invoice summaries with internal transfers and held money.

use std::io::Write;

use crate::app::cli::{ReportArgs, Status};
use crate::core::report::{self, Ledger, View};
use crate::output::table::{self, Layout};

pub fn run(args: &ReportArgs, out: &mut dyn Write) -> std::io::Result<Status> {
    let style = args.common.style();
    let lang = style.lang;
    let what = lang.pick("ingen rapport", "no report");
    let (plan, filter) = match super::prepare(&args.plan, &args.filter, style, what, out)? {
        Ok(prepared) => prepared,
        Err(status) => return Ok(status),
    };
    let ledger = Ledger::new(&plan, &filter);
    let layout = Layout {
        lang,
        color: style.color,
        width: table::terminal_width(),
    };
    let title = format!("{} {}", plan.plan.county, plan.plan.year.get_ref());
    // Payments are one row per recipient and insats: long, and what `export` is for, so they
    // are shown only when asked for.
    let views = if args.views.is_empty() {
        View::ALL
            .iter()
            .copied()
            .filter(|v| *v != View::Payments)
            .collect()
    } else {
        args.views.clone()
    };
    let sections: Vec<String> = views
        .into_iter()
        .map(|view| match view {
            View::Payments => table::payment_rows(&report::payment_rows(&ledger), &title, layout),
            View::PerKommun => table::per_kommun(&report::per_kommun(&ledger), &title, layout),
            View::PerActor => table::per_actor(&report::per_actor(&ledger), &title, layout),
            View::PerHeading => table::per_heading(&report::per_heading(&ledger), &title, layout),
            View::PerArea => table::per_area(&report::per_area(&ledger), &title, layout),
            View::Invoices => {
                table::payments(&report::payments(&ledger), &title, ledger.filtered, layout)
            }
        })
        .collect();
    write!(out, "{}", sections.join("\n"))?;
    Ok(Status::Ok)
}
