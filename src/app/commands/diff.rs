//! `allocate diff OLD NEW`: how this year's plan differs from last year's, the way the
//! decision document states it ("en minskning med 7 877 kr"): county total, areas, actors
//! and kommuner side by side, insatser changed, added and removed, and the new plan's
//! `previous_county_total` and `stated_change` checked against the old plan.
//!
//! `--format` gives the same comparison as CSV (the dialects of `export`), JSON or Markdown.
//!
//! Both plans must pass `check`. Exit status 0, 1 when a plan has errors or the new plan's
//! statement about the old year does not hold, 2 when a plan cannot be read.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::app::Status;
use crate::app::error::{Blocked, Error};
use crate::app::options::Common;
use crate::app::options::CsvArg;
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
    /// Output: tables for people (default), csv or json for other programs, md (Markdown)
    /// for a document or an issue.
    #[arg(long, value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,
    #[command(flatten)]
    pub csv: CsvArg,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Terminal tables.
    Table,
    /// One row per compared line and per insats changed, added or removed.
    Csv,
    /// The whole comparison (schema allocate-diff/1).
    Json,
    /// Markdown tables.
    Md,
}

pub fn run(args: &DiffArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Status, Error> {
    let dialect = args.csv.dialect(args.format == DiffFormat::Csv)?;
    let old = super::load(&args.old)?;
    let new = super::load(&args.new)?;
    let err_style = args.common.err_style();
    let old_checked = super::passing(&old, err_style, err, Blocked::Comparison);
    let new_checked = super::passing(&new, err_style, err, Blocked::Comparison);
    let (old_checked, new_checked) = match (old_checked, new_checked) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(e), _) | (_, Err(e)) => return Err(e),
    };
    // Two drafts of one year may be compared; last year's plan after this year's is a mistake
    // that would turn every change's sign.
    let years = (*old.plan.plan.year.get_ref(), *new.plan.plan.year.get_ref());
    if years.0 > years.1 {
        return Err(Error::DiffOrder {
            old: years.0,
            new: years.1,
            old_path: old.source.display_path(),
            new_path: new.source.display_path(),
        });
    }
    let d = crate::core::diff::diff(&old_checked.ledger, &new_checked.ledger);
    let (old_path, new_path) = (old.source.display_path(), new.source.display_path());
    let lang = args.common.lang;
    match args.format {
        DiffFormat::Table => {
            let style = args.common.out_style();
            let layout = Layout {
                lang: style.lang,
                color: style.color,
                width: table::terminal_width(),
            };
            write!(
                out,
                "{}",
                diff_table::render(&d, &old_path, &new_path, layout)
            )?;
        }
        DiffFormat::Csv => {
            let bytes =
                crate::output::csv::write(&diff_table::sheet(&d, dialect.words(lang)), dialect)
                    .map_err(|e| Error::Export(e.to_string()))?;
            out.write_all(&bytes)?;
        }
        DiffFormat::Json => write!(
            out,
            "{}",
            diff_table::json(&d, &old_path, &new_path).map_err(|e| Error::Export(e.to_string()))?
        )?,
        DiffFormat::Md => write!(
            out,
            "{}",
            diff_table::markdown(&d, &old_path, &new_path, lang)
        )?,
    }
    super::previous_year_holds(&d, lang, err, &new, &old, false)?;
    Ok(Status::Ok)
}
