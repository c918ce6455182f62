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
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use crate::app::Status;
use crate::app::error::{Blocked, Error};
use crate::app::options::{ColorChoice, Common, CsvArg};
use crate::output::diff;
use crate::output::lang::Lang;
use crate::output::table::{self, Layout};
use crate::output::text::{shown_path, visible};
use crate::say;

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Last year's plan (TOML); `-` reads it from standard input.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// This year's plan (TOML); `-` reads it from standard input.
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
    /// The whole comparison (schema allocate-diff/2).
    Json,
    /// Markdown tables.
    Md,
}

pub fn run(args: &DiffArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Status, Error> {
    let dialect = args.csv.dialect(args.format == DiffFormat::Csv)?;
    let err_style = args.common.err_style();
    // One plan named twice is read once and compared with itself: `diff - -` (standard input
    // can be read once), `diff plan.toml ./plan.toml`; its findings are told once, as `check`
    // tells them.
    let stdin = |path: &Path| path.as_os_str() == crate::input::plan::STDIN_ARG;
    let old = super::load(&args.old);
    let read_new = if crate::app::plan_paths::same_file(&args.old, &args.new) {
        None
    } else {
        // Both plans unreadable: each is named, as when both have errors.
        match (&old, super::load(&args.new)) {
            (Err(first), Err(second)) => {
                err.write_all(first.render(err_style).as_bytes())?;
                return Err(second);
            }
            (_, new) => Some(new?),
        }
    };
    let old = old?;
    let new = read_new.as_ref().unwrap_or(&old);
    let old_checked = super::passing(&old, err_style, err, Blocked::Comparison);
    let new_checked = match &read_new {
        Some(new) => super::passing(new, err_style, err, Blocked::Comparison),
        None => super::passing(&old, err_style, &mut std::io::sink(), Blocked::Comparison),
    };
    let (old_checked, new_checked) = match (old_checked, new_checked) {
        (Ok(o), Ok(n)) => (o, n),
        // Both plans have errors: each is named (one of them read once is named once).
        (Err(first), Err(second)) if read_new.is_some() => {
            err.write_all(first.render(err_style).as_bytes())?;
            return Err(second);
        }
        (Err(e), _) | (_, Err(e)) => return Err(e),
    };
    // Two drafts of one year may be compared; last year's plan after this year's is a mistake
    // that would turn every change's sign.
    let years = (*old.plan.plan.year.get_ref(), *new.plan.plan.year.get_ref());
    if years.0 > years.1 {
        return Err(Error::DiffOrder {
            old: years.0,
            new: years.1,
            command: the_other_way_round(args),
            stdin: stdin(&args.old) || stdin(&args.new),
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
            write!(out, "{}", diff::render(&d, &old_path, &new_path, layout))?;
        }
        DiffFormat::Csv => {
            let bytes = crate::output::csv::write(&diff::sheet(&d, dialect.words(lang)), dialect)?;
            out.write_all(&bytes)?;
        }
        DiffFormat::Json => write!(
            out,
            "{}",
            diff::json(&d, &old_path, &new_path).map_err(|e| Error::Export(e.to_string()))?
        )?,
        DiffFormat::Md => write!(out, "{}", diff::markdown(&d, &old_path, &new_path, lang))?,
    }
    if d.new.relation_to(&d.old) == crate::core::diff::Relation::OtherCounty
        && new.plan.plan.states_last_year()
    {
        let (old_county, new_county) = (visible(&d.old.county), visible(&d.new.county));
        let (old_path, new_path) = (shown_path(&old.source.path), shown_path(&new.source.path));
        writeln!(
            err,
            "{}",
            say!(
                lang,
                "{new_path}: planen gäller {new_county} och {old_path} {old_county}; planens belopp för föregående år (previous_county_total, stated_change) jämförs inte med ett annat läns plan",
                "{new_path}: the plan is for {new_county} and {old_path} for {old_county}; the plan's figures about last year (previous_county_total, stated_change) are not checked against another county's plan"
            )
        )?;
    }
    super::note_year_skipped(&old, new, lang, err)?;
    super::previous_year_holds(&d, lang, err, new, &old, false)?;
    Ok(Status::Ok)
}

/// The command as given with the two plans the other way round, options kept, each path
/// quoted as a POSIX shell needs it (`'my plan.toml'`).
fn the_other_way_round(args: &DiffArgs) -> String {
    let mut words = vec![
        "allocate".to_string(),
        "diff".to_string(),
        crate::output::text::shell_word(&args.new),
        crate::output::text::shell_word(&args.old),
    ];
    let mut option = |name: &str, value: Option<clap::builder::PossibleValue>| {
        if let Some(value) = value {
            words.push(format!("--{name}"));
            words.push(value.get_name().to_string());
        }
    };
    option(
        "format",
        Some(args.format)
            .filter(|f| *f != DiffFormat::Table)
            .and_then(|f| f.to_possible_value()),
    );
    option("csv", args.csv.csv.and_then(|c| c.to_possible_value()));
    option(
        "lang",
        Some(args.common.lang)
            .filter(|l| *l != Lang::Sv)
            .and_then(|l| l.to_possible_value()),
    );
    option(
        "color",
        Some(args.common.color)
            .filter(|c| !matches!(c, ColorChoice::Auto))
            .and_then(|c| c.to_possible_value()),
    );
    words.join(" ")
}
