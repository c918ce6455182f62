//! `allocate export PLAN`: the views as files for ekonomienhet and other tools (CSV that
//! Swedish Excel opens, XLSX, JSON), computed from the same report data as the tables.
//! Files are written whole or not at all, and never over an existing file without `--force`.

use std::io::Write;
use std::path::PathBuf;
use std::sync::PoisonError;

use clap::{Args, ValueEnum};

use crate::app::Status;
use crate::app::error::{Blocked, Error};
use crate::app::files::{self, WriteError};
use crate::app::options::CsvArg;
use crate::app::options::{self, Common, FilterArgs};
use crate::core::parallel;
use crate::core::report::{Projection, View};
use crate::output::{csv, file_name, json, sheet, xlsx};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Plan file (TOML) that passes `check`; `-` reads the plan from standard input.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// Folder to write the files to (created if missing). Without it, or with `-`, one
    /// `--view` is written to standard output; as JSON without `--view`, the whole document.
    /// (`--out` is an older name for it.)
    #[arg(long = "output", short = 'o', alias = "out", value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// File format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    #[command(flatten)]
    pub csv: CsvArg,
    /// Views to export; all of them when none is given. Each is also named by its Swedish
    /// name and its file's (`omraden`, `per-omrade`).
    #[arg(long = "view", value_parser = options::named::<View>(), value_name = "VIEW")]
    pub views: Vec<View>,
    /// Replace files that already exist in the folder.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One CSV file per view.
    Csv,
    /// One workbook with a sheet per view.
    Xlsx,
    /// The resolved plan and every view in one document (schema allocate-export/4); with
    /// `--view`, each view's part in a file of its own.
    Json,
}

/// Where the export goes: a folder, or standard output, which carries one view, or as JSON
/// the whole document.
enum Destination<'a> {
    Folder(&'a std::path::Path),
    JsonDocument,
    JsonView(View),
    CsvView(View),
}

/// Where the export goes, settled from the command line before any file is read, so that a
/// command line that cannot be carried out is told first (exit 2), not after the plan's
/// findings or in their place.
fn destination<'a>(args: &'a ExportArgs, asked: &[View]) -> Result<Destination<'a>, Error> {
    if let Some(dir) = files::named(args.out.as_deref()) {
        files::folder_to_write_into(dir)?;
        return Ok(Destination::Folder(dir));
    }
    match (args.format, asked) {
        (ExportFormat::Xlsx, _) => Err(Error::XlsxNeedsFolder),
        (ExportFormat::Json, []) => Ok(Destination::JsonDocument),
        (ExportFormat::Json, [view]) => Ok(Destination::JsonView(*view)),
        (ExportFormat::Csv, [view]) => Ok(Destination::CsvView(*view)),
        (ExportFormat::Csv | ExportFormat::Json, _) => Err(Error::OneViewToStdout),
    }
}

pub fn run(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Status, Error> {
    let dialect = args.csv.dialect(args.format == ExportFormat::Csv)?;
    let asked = options::each_once(&args.views);
    let destination = destination(args, &asked)?;
    let loaded = super::load(&args.plan)?;
    let (checked, selection) = super::passing_selected(
        &loaded,
        args.common.err_style(),
        err,
        Blocked::Export,
        Some(&args.filter),
    )?;
    let projection = Projection::new(&checked.ledger, &selection);
    let lang = args.common.lang;
    super::note_empty_selection(&args.filter, &projection, lang, err)?;
    let views = options::views_in_plan(&asked, &View::ALL, checked.ledger.plan)?;
    let dir = match destination {
        Destination::Folder(dir) => dir,
        Destination::JsonDocument => {
            json::write(&projection, &mut *out)?;
            return newline(out);
        }
        Destination::JsonView(view) => {
            json::write_view(&projection, view, &mut *out)?;
            return newline(out);
        }
        Destination::CsvView(view) => {
            csv::write_view(view, &projection, dialect.words(lang), dialect, out)?;
            return Ok(Status::Ok);
        }
    };
    let year = *loaded.plan.plan.year.get_ref();
    // A selection's files are named for it: never the whole plan's names.
    let selection = sheet::selected(&projection)
        .map(|selected| format!("-{}", file_name::selection(&selected)))
        .unwrap_or_default();
    // Every format is written into its files as it is made (a national plan's payments are
    // millions of rows), the CSV files side by side; the workbook's worksheets are made in
    // temporary files first. Either way the files appear whole or not at all.
    let written = match args.format {
        ExportFormat::Csv => {
            let words = dialect.words(lang);
            file_per_view(dir, &views, &selection, "csv", args.force, |view, out| {
                csv::write_view(view, &projection, words, dialect, out)
            })
        }
        ExportFormat::Xlsx => {
            let sheets = parallel::map(&views, |&view| sheet::build(view, &projection, lang));
            let every = options::views_in_plan(&[], &View::ALL, checked.ledger.plan)?;
            let name = format!("allocate-{year}{}{selection}.xlsx", some(&views, &every));
            // Zipped straight into its file; a workbook that cannot be made is told as such,
            // a file that cannot be written as such.
            let failure = std::sync::Mutex::new(None);
            let written = files::write_made(dir, &[&name], args.force, |_, out| {
                xlsx::write_to(&sheets, out)?.map_err(|made| {
                    *failure.lock().unwrap_or_else(PoisonError::into_inner) = Some(made);
                    std::io::Error::from(std::io::ErrorKind::Other)
                })
            });
            if let Some(made) = failure.into_inner().unwrap_or_else(PoisonError::into_inner) {
                return Err(Error::Xlsx(made));
            }
            written
        }
        ExportFormat::Json if asked.is_empty() => {
            let name = format!("allocate-{year}{selection}.json");
            files::write_made(dir, &[&name], args.force, |_, out| {
                // Compact, since a national plan's document is hundreds of megabytes (`jq .`
                // indents it).
                json::write(&projection, out)?;
                out.write_all(b"\n")
            })
        }
        // The views asked for, each its part of the document.
        ExportFormat::Json => {
            file_per_view(dir, &views, &selection, "json", args.force, |view, out| {
                json::write_view(&projection, view, &mut *out)?;
                out.write_all(b"\n")
            })
        }
    };
    match written {
        Ok(paths) => {
            for path in paths {
                files::tell_written(err, &path, lang)?;
            }
            Ok(Status::Ok)
        }
        // One view as CSV or JSON, or the whole JSON document, may go to standard output.
        Err(error)
            if args.format != ExportFormat::Xlsx
                && (views.len() == 1 || asked.is_empty() && args.format == ExportFormat::Json) =>
        {
            Err(Error::from(error).or_stdout())
        }
        Err(error) => Err(error.into()),
    }
}

/// The part of a workbook's name that names its sheets when it holds only some of `every`
/// view (`-fakturor`, `-betalningar-fakturor`, in the views' order), so that it is not taken
/// for the whole workbook; nothing when it holds them all.
fn some(views: &[View], every: &[View]) -> String {
    if every.iter().all(|v| views.contains(v)) {
        return String::new();
    }
    (every.iter())
        .filter(|v| views.contains(v))
        .map(|&v| format!("-{}", sheet::name(v)))
        .collect()
}

/// Each view in a file of its own in `dir`, named for the view and then `selection`, made by
/// `write` straight into it; the files side by side, written whole or not at all.
fn file_per_view(
    dir: &std::path::Path,
    views: &[View],
    selection: &str,
    extension: &str,
    force: bool,
    write: impl Fn(View, &mut dyn Write) -> std::io::Result<()> + Sync,
) -> Result<Vec<PathBuf>, WriteError> {
    let names: Vec<String> = views
        .iter()
        .map(|&view| format!("{}{selection}.{extension}", sheet::name(view)))
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    files::write_made(dir, &names, force, |i, out| match views.get(i) {
        Some(&view) => write(view, out),
        None => Ok(()),
    })
}

/// The line break that ends a JSON document written to standard output.
fn newline(out: &mut dyn Write) -> Result<Status, Error> {
    out.write_all(b"\n")?;
    Ok(Status::Ok)
}
