//! `allocate init --from PLAN [--year YEAR]`: next year's plan from this year's (see
//! `next_plan` for what carries over). The file is written next to `--from` as
//! `plan-YEAR.toml` unless `--output` says otherwise (`-` for standard output); an existing
//! file is never replaced without `--force`. The text goes to a temporary file in the same
//! folder first and is then renamed into place, so a plan is never left half written.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::app::cli::{Common, Status};
use crate::core::finding::Problem;
use crate::output::lang::Lang;
use crate::output::next_plan::{Folders, next_plan};

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Last year's plan to start from.
    #[arg(long, value_name = "PLAN")]
    pub from: PathBuf,
    /// The new plan's year; by default the year after the one of `--from`.
    #[arg(long)]
    pub year: Option<i32>,
    /// Where to write the new plan; by default `plan-YEAR.toml` next to `--from`. `-` writes
    /// it to standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub common: Common,
}

/// Plan years `init` works with: four digits, leaving room for a deadline the year after.
const YEARS: std::ops::RangeInclusive<i32> = 1000..=9998;

fn year_out_of_range(year: i32, lang: crate::output::lang::Lang) -> String {
    match lang {
        crate::output::lang::Lang::Sv => format!(
            "Året {year} går inte att använda: ange ett årtal mellan 1000 och 9998 med --year."
        ),
        crate::output::lang::Lang::En => format!(
            "The year {year} cannot be used: give a year between 1000 and 9998 with --year."
        ),
    }
}

pub fn run(args: &InitArgs, out: &mut dyn Write) -> std::io::Result<Status> {
    let style = args.common.style();
    let lang = style.lang;
    let Some((source, plan)) = super::load(&args.from, style, out)? else {
        return Ok(Status::Unreadable);
    };
    // Years are four-digit calendar years (TOML dates), and the deadlines move one year past
    // the plan year: anything else is refused rather than wrapped around.
    let old_year = *plan.plan.year.get_ref();
    let year = args.year.or_else(|| old_year.checked_add(1));
    let (Some(year), true) = (year, YEARS.contains(&old_year)) else {
        let text = match lang {
            crate::output::lang::Lang::Sv => format!(
                "{}: planens år {old_year} är inte ett fyrsiffrigt årtal; rätta `year` under [plan].",
                args.from.display()
            ),
            crate::output::lang::Lang::En => format!(
                "{}: the plan's year {old_year} is not a four-digit year; correct `year` under [plan].",
                args.from.display()
            ),
        };
        writeln!(out, "{text}")?;
        return Ok(Status::Unreadable);
    };
    if !YEARS.contains(&year) {
        writeln!(out, "{}", year_out_of_range(year, lang))?;
        return Ok(Status::Unreadable);
    }
    let from_dir = args.from.parent().unwrap_or(Path::new(""));
    let target = match &args.output {
        Some(path) => path.clone(),
        None => from_dir.join(format!("plan-{year}.toml")),
    };
    let to_stdout = target.as_os_str() == "-";
    let target_dir = if to_stdout {
        Path::new("")
    } else {
        target.parent().unwrap_or(Path::new(""))
    };
    let text = next_plan(
        &plan,
        year,
        &source.display_path(),
        &Folders {
            old: from_dir,
            new: target_dir,
        },
    );
    if to_stdout {
        write!(out, "{text}")?;
        return Ok(Status::Ok);
    }
    if target.exists() && !args.force {
        writeln!(
            out,
            "{}",
            match lang {
                Lang::Sv => format!(
                    "allocate: {} finns redan; välj en annan fil med --output, eller ersätt den med --force",
                    target.display()
                ),
                Lang::En => format!(
                    "allocate: {} already exists; choose another file with --output, or replace it with --force",
                    target.display()
                ),
            }
        )?;
        return Ok(Status::Unreadable);
    }
    if let Err(e) = write_via_temporary(&target, &text, args.force) {
        writeln!(
            out,
            "allocate: {}: {} {e}",
            target.display(),
            lang.pick("kan inte skriva:", "cannot write:")
        )?;
        return Ok(Status::Unreadable);
    }
    let to_fill = amounts_to_fill(&text);
    let shown = target.display();
    writeln!(
        out,
        "{}",
        match lang {
            Lang::Sv => format!(
                "Skrev {shown}: {year} års plan utifrån {}.\n{to_fill} belopp att fylla i; `allocate check {shown}` listar dem.",
                source.display_path()
            ),
            Lang::En => format!(
                "Wrote {shown}: the {year} plan from {}.\n{to_fill} amounts to fill in; `allocate check {shown}` lists them.",
                source.display_path()
            ),
        }
    )?;
    Ok(Status::Ok)
}

/// How many amounts the new plan leaves to fill in, as `check` will count them.
fn amounts_to_fill(text: &str) -> usize {
    crate::input::plan::parse(text).map_or(0, |plan| {
        crate::core::check::check(&plan)
            .iter()
            .filter(|f| matches!(f.problem, Problem::AmountToFill { .. }))
            .count()
    })
}

/// Writes `text` to a temporary file beside `target`, then renames it into place; without
/// `replace`, the rename fails rather than replace a file that appeared in the meantime.
fn write_via_temporary(target: &Path, text: &str, replace: bool) -> std::io::Result<()> {
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(text.as_bytes())?;
    file.as_file().sync_all()?;
    let persisted = if replace {
        file.persist(target)
    } else {
        file.persist_noclobber(target)
    };
    persisted.map(drop).map_err(|e| e.error)
}
