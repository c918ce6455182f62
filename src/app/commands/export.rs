//! `allocate export PLAN`: the views as files for ekonomienhet and other tools (CSV that
//! Swedish Excel opens, XLSX, JSON), computed from the same report data as the tables.
//! Files are written whole or not at all, and never over an existing file without `--force`.

use std::io::Write;

use crate::app::cli::{ExportArgs, ExportFormat, Status};
use crate::app::files::{self, File, WriteError};
use crate::core::report::{Ledger, View};
use crate::output::lang::Lang;
use crate::output::sheet;
use crate::output::{csv, json, xlsx};

pub fn run(args: &ExportArgs, out: &mut dyn Write) -> std::io::Result<Status> {
    let style = args.common.style();
    let lang = style.lang;
    let what = lang.pick("inget exporteras", "nothing is exported");
    let (plan, filter) = match super::prepare(&args.plan, &args.filter, style, what, out)? {
        Ok(prepared) => prepared,
        Err(status) => return Ok(status),
    };
    let ledger = Ledger::new(&plan, &filter);
    let views = if args.views.is_empty() {
        View::ALL.to_vec()
    } else {
        args.views.clone()
    };
    let year = plan.plan.year.get_ref();

    let Some(dir) = &args.out else {
        return to_stdout(args, &ledger, &views, lang, out);
    };
    let files = match render_files(args.format, args.csv, &ledger, &views, lang, *year) {
        Ok(files) => files,
        Err(reason) => {
            writeln!(
                out,
                "{}: {reason}",
                lang.pick("Exporten misslyckades", "The export failed")
            )?;
            return Ok(Status::Unreadable);
        }
    };
    match files::write_all(dir, &files, args.force) {
        Ok(paths) => {
            for path in paths {
                writeln!(out, "{} {}", lang.pick("Skrev", "Wrote"), path.display())?;
            }
            Ok(Status::Ok)
        }
        Err(WriteError::Exists(paths)) => {
            let list = paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ");
            writeln!(
                out,
                "{}: {list}. {}",
                lang.pick("Finns redan", "Already there"),
                lang.pick(
                    "Inget skrevs. Ange --force för att ersätta filerna, eller välj en annan mapp med --out.",
                    "Nothing was written. Give --force to replace the files, or choose another folder with --out."
                )
            )?;
            Ok(Status::Unreadable)
        }
        Err(WriteError::Io { path, error }) => {
            writeln!(
                out,
                "{} {}: {error}. {}",
                lang.pick("Kunde inte skriva", "Could not write"),
                path.display(),
                lang.pick(
                    "Inget lämnades kvar i mappen.",
                    "Nothing was left in the folder."
                )
            )?;
            Ok(Status::Unreadable)
        }
    }
}

/// All files of an export, rendered in memory before anything touches the disk.
fn render_files(
    format: ExportFormat,
    dialect: csv::Dialect,
    ledger: &Ledger,
    views: &[View],
    lang: Lang,
    year: i32,
) -> Result<Vec<File>, String> {
    match format {
        ExportFormat::Csv => views
            .iter()
            .map(|&view| {
                let sheet = sheet::build(view, ledger, lang);
                let bytes = csv::write(&sheet, dialect).map_err(|e| e.to_string())?;
                Ok(File {
                    name: format!("{}.csv", sheet.name),
                    bytes,
                })
            })
            .collect(),
        ExportFormat::Xlsx => {
            let sheets: Vec<_> = views
                .iter()
                .map(|&view| sheet::build(view, ledger, lang))
                .collect();
            let bytes = xlsx::write(&sheets).map_err(|e| e.to_string())?;
            Ok(vec![File {
                name: format!("allocate-{year}.xlsx"),
                bytes,
            }])
        }
        ExportFormat::Json => {
            let text =
                serde_json::to_string_pretty(&json::document(ledger)).map_err(|e| e.to_string())?;
            Ok(vec![File {
                name: format!("allocate-{year}.json"),
                bytes: (text + "\n").into_bytes(),
            }])
        }
    }
}

/// One view to standard output, for piping.
fn to_stdout(
    args: &ExportArgs,
    ledger: &Ledger,
    views: &[View],
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<Status> {
    let [view] = views else {
        writeln!(
            out,
            "{}",
            lang.pick(
                "Ange en mapp med --out, eller en enda --view för att skriva till standard ut.",
                "Give a folder with --out, or a single --view to write to standard output."
            )
        )?;
        return Ok(Status::Unreadable);
    };
    match args.format {
        ExportFormat::Csv => {
            let bytes = csv::write(&sheet::build(*view, ledger, lang), args.csv)
                .map_err(std::io::Error::other)?;
            out.write_all(&bytes)?;
        }
        ExportFormat::Json => {
            let text = json::view(&json::document(ledger), *view).map_err(std::io::Error::other)?;
            writeln!(out, "{text}")?;
        }
        ExportFormat::Xlsx => {
            writeln!(
                out,
                "{}",
                lang.pick(
                    "XLSX skrivs bara till en mapp: ange --out.",
                    "XLSX is written to a folder only: give --out."
                )
            )?;
            return Ok(Status::Unreadable);
        }
    }
    Ok(Status::Ok)
}
