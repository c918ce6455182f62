//! `allocate diff OLD NEW`: how this year's plan differs from last year's, the way the
//! decision document states it ("en minskning med 7 877 kr"): county total, areas, actors
//! and kommuner side by side, insatser changed, added and removed, and the new plan's
//! `previous_county_total` and `stated_change` checked against the old plan.
//!
//! Both plans must pass `check`. Exit status 0, 1 when a plan has errors or the new plan's
//! statement about the old year does not hold, 2 when a plan cannot be read.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::app::Status;
use crate::app::error::{Blocked, Error};
use crate::app::options::Common;
use crate::output::diff_table;
use crate::output::table::{self, Layout};

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Last year's plan (TOML).
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// This year's plan (TOML).
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(args: &DiffArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Status, Error> {
    let old = super::load(&args.old)?;
    let new = super::load(&args.new)?;
    let err_style = args.common.err_style();
    let old_checked = super::passing(&old, err_style, err, Blocked::Comparison);
    let new_checked = super::passing(&new, err_style, err, Blocked::Comparison);
    let (old_checked, new_checked) = match (old_checked, new_checked) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(e), _) | (_, Err(e)) => return Err(e),
    };
    let d = crate::core::diff::diff(&old_checked.ledger, &new_checked.ledger);
    let style = args.common.out_style();
    let layout = Layout {
        lang: style.lang,
        color: style.color,
        width: table::terminal_width(),
    };
    write!(
        out,
        "{}",
        diff_table::render(
            &d,
            &old.source.display_path(),
            &new.source.display_path(),
            layout
        )
    )?;
    Ok(if d.year_checks.iter().all(|c| c.holds()) {
        Status::Ok
    } else {
        Status::Findings
    })
}
