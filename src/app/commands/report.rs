//! `allocate report PLAN`: the tables that the decision document prints by hand, computed
//! from a plan that passes `check`: per kommun, per actor, per handling actor (the summary
//! headings), per area, and the invoice summaries with internal transfers and held money.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::app::Status;
use crate::app::error::{Blocked, Error};
use crate::app::options::{Common, FilterArgs};
use crate::core::report::{Projection, View};
use crate::output::table::{self, Layout};

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Plan file (TOML); it must pass `check`.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// Views to show, in the order given; all of them but `payments` when none is given.
    #[arg(long = "view", value_enum, value_name = "VIEW")]
    pub views: Vec<View>,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(args: &ReportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Status, Error> {
    let loaded = super::load(&args.plan)?;
    let checked = super::passing(&loaded, args.common.err_style(), err, Blocked::Report)?;
    let selection = super::selection(&args.filter, &checked.ledger)?;
    let view = Projection::new(&checked.ledger, &selection);
    let style = args.common.out_style();
    let layout = Layout {
        lang: style.lang,
        color: style.color,
        width: table::terminal_width(),
    };
    // Payments are one row per recipient and insats: long, and what `export` is for, so they
    // are shown only when asked for.
    let views: Vec<View> = if args.views.is_empty() {
        View::ALL
            .into_iter()
            .filter(|v| *v != View::Payments)
            .collect()
    } else {
        args.views.clone()
    };
    let sections: Vec<String> = views
        .into_iter()
        .map(|v| table::view(v, &view, layout))
        .collect();
    write!(out, "{}", sections.join("\n"))?;
    Ok(Status::Ok)
}
