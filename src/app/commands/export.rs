//! `allocate export PLAN`: the views as files for ekonomienhet and other tools (CSV that
//! Swedish Excel opens, XLSX, JSON), computed from the same report data as the tables.
//! Files are written whole or not at all, and never over an existing file without `--force`.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::app::Status;
use crate::app::error::{Blocked, Error};
use crate::app::files::{self, File, WriteError};
use crate::app::options::{Common, FilterArgs};
use crate::core::report::{Projection, View};
use crate::output::csv::Dialect;
use crate::output::lang::Lang;
use crate::output::{csv, json, sheet, xlsx};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Plan file (TOML); it must pass `check`.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// Folder to write the files to (created if missing). Without it, one `--view` is
    /// written to standard output. (`--out` is an older name for it.)
    #[arg(long = "output", short = 'o', alias = "out", value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// File format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// CSV dialect: `excel` opens in Swedish Excel by double-click; `rfc4180` is for machines
    /// (fixed English headers and values, whatever `--lang`).
    #[arg(long, value_enum, default_value_t = Dialect::Excel)]
    pub csv: Dialect,
    /// Views to export; all of them when none is given.
    #[arg(long = "view", value_enum, value_name = "VIEW")]
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
    /// The resolved plan and every view in one document (schema allocate-export/2).
    Json,
}

pub fn run(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Status, Error> {
    let loaded = super::load(&args.plan)?;
    let checked = super::passing(&loaded, args.common.err_style(), err, Blocked::Export)?;
    let selection = super::selection(&args.filter, &checked.ledger)?;
    let projection = Projection::new(&checked.ledger, &selection);
    let lang = args.common.lang;
    let views = if args.views.is_empty() {
        View::ALL.to_vec()
    } else {
        args.views.clone()
    };
    let Some(dir) = &args.out else {
        return to_stdout(args, &projection, &views, lang, out);
    };
    let year = *loaded.plan.plan.year.get_ref();
    // CSV and XLSX are made in memory before anything touches the disk; the JSON is written
    // as it is serialised (a national plan's document is most of a gigabyte). Either way the
    // files appear whole or not at all.
    let written = match args.format {
        ExportFormat::Csv => files::write_all(
            dir,
            &csv_files(args.csv, &projection, &views, lang)?,
            args.force,
        ),
        ExportFormat::Xlsx => {
            let sheets: Vec<_> = views
                .iter()
                .map(|&view| sheet::build(view, &projection, lang))
                .collect();
            let file = File {
                name: format!("allocate-{year}.xlsx"),
                bytes: xlsx::write(&sheets).map_err(Error::Xlsx)?,
            };
            files::write_all(dir, &[file], args.force)
        }
        ExportFormat::Json => {
            let document = json::document(&projection);
            let name = format!("allocate-{year}.json");
            files::write_made(dir, &[&name], args.force, |_, out| {
                serde_json::to_writer_pretty(&mut *out, &document).map_err(std::io::Error::from)?;
                out.write_all(b"\n")
            })
        }
    };
    match written {
        Ok(paths) => {
            for path in paths {
                writeln!(err, "{} {}", lang.pick("Skrev", "Wrote"), path.display())?;
            }
            Ok(Status::Ok)
        }
        Err(WriteError::Exists(paths)) => Err(Error::FilesExist(paths)),
        Err(WriteError::Io { path, error }) => Err(Error::Write { path, error }),
    }
}

/// The CSV files of the views, made side by side.
fn csv_files(
    dialect: Dialect,
    projection: &Projection,
    views: &[View],
    lang: Lang,
) -> Result<Vec<File>, Error> {
    crate::app::parallel::map(views, |&view| {
        let sheet = sheet::build_with(view, projection, dialect.words(lang));
        let bytes = csv::write(&sheet, dialect).map_err(|e| e.to_string())?;
        Ok(File {
            name: format!("{}.csv", sheet.name),
            bytes,
        })
    })
    .into_iter()
    .map(|file| file.map_err(Error::Export))
    .collect()
}

/// One view to standard output, for piping.
fn to_stdout(
    args: &ExportArgs,
    projection: &Projection,
    views: &[View],
    lang: Lang,
    out: &mut dyn Write,
) -> Result<Status, Error> {
    let [view] = views else {
        return Err(Error::OneViewToStdout);
    };
    match args.format {
        ExportFormat::Csv => {
            let sheet = sheet::build_with(*view, projection, args.csv.words(lang));
            let bytes = csv::write(&sheet, args.csv).map_err(|e| Error::Export(e.to_string()))?;
            out.write_all(&bytes)?;
        }
        ExportFormat::Json => {
            let text = json::view(&json::document(projection), *view)
                .map_err(|e| Error::Export(e.to_string()))?;
            writeln!(out, "{text}")?;
        }
        ExportFormat::Xlsx => return Err(Error::XlsxNeedsFolder),
    }
    Ok(Status::Ok)
}
