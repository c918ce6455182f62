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

use crate::app::cli::{Common, Status};
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

pub fn run(args: &DiffArgs, out: &mut dyn Write) -> std::io::Result<Status> {
    let style = args.common.style();
    let lang = style.lang;
    let Some((old_source, old)) = super::load(&args.old, style, out)? else {
        return Ok(Status::Unreadable);
    };
    let Some((new_source, new)) = super::load(&args.new, style, out)? else {
        return Ok(Status::Unreadable);
    };
    let what = lang.pick("ingen jämförelse", "no comparison");
    let old_passes = super::passes_check(&old_source, &old, style, what, out)?;
    let new_passes = super::passes_check(&new_source, &new, style, what, out)?;
    if !old_passes || !new_passes {
        return Ok(Status::Findings);
    }
    let d = crate::core::diff::diff(&old, &new);
    let layout = Layout {
        lang,
        color: style.color,
        width: table::terminal_width(),
    };
    write!(
        out,
        "{}",
        diff_table::render(
            &d,
            &old_source.display_path(),
            &new_source.display_path(),
            layout
        )
    )?;
    Ok(if d.year_checks.iter().all(|c| c.holds()) {
        Status::Ok
    } else {
        Status::Findings
    })
}
