//! `allocate follow-up PLAN`: closing the year. With `--forms --output DIR`, one form per
//! recipient to fill in (its lines of the plan, the amount received, empty columns for the
//! amount used and a comment). With the filled-in forms (or a TOML usage file), every row
//! matched to its ledger line and checked, then the year-end summary: per recipient, area and
//! insats what was received, used and left unused, and what the region repays to
//! Kammarkollegiet, reconciled with the plan to the krona.
//!
//! Findings about the usage files are drawn like `check`'s: on standard output with the
//! tables, on standard error when the output is a file or machine format. Usage with errors
//! gives no summary (exit 1).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use crate::app::Status;
use crate::app::error::{Blocked, Error, Misuse, PlanFor};
use crate::app::files::{self, File};
use crate::app::options::CsvArg;
use crate::app::options::{self, Common};
use crate::core::followup::summary::{self, Part};
use crate::core::followup::{self, At, Location, Options, Place, UsageFinding};
use crate::core::plan::Date;
use crate::input::plan::Source;
use crate::input::usage::{self, ReadUsage};
use crate::output::checked::bounded;
use crate::output::csv::Dialect;
use crate::output::diagnostic::{FilePlace, Located, Style, render_located};
use crate::output::document;
use crate::output::lang::Lang;
use crate::output::sheet::Words;
use crate::output::table::{self, Layout};
use crate::output::text::visible;
use crate::output::words::followup as words;
use crate::output::{csv, followup as render, form, number, xlsx};
use crate::say;

#[derive(Debug, Args)]
pub struct FollowUpArgs {
    /// Plan file (TOML); it must pass `check`; `-` reads the plan from standard input.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// Filled-in forms (CSV, XLSX, XLS or ODS, as a spreadsheet saved them) or usage files in
    /// TOML.
    // Not `required`: a form given alone, where the plan belongs, is told as such (`destination`).
    #[arg(value_name = "USAGE", conflicts_with = "forms")]
    pub usage: Vec<PathBuf>,
    /// Write one form per recipient to fill in (into `--output`), instead of reading usage.
    #[arg(long, conflicts_with_all = ["csv", "views", "final_report", "date"])]
    pub forms: bool,
    /// Folder to write to (created if missing); for `--format html|docx|md`, the document's
    /// file, and without `--format` a name ending `.html`, `.docx` or `.md` writes that
    /// document. Without it, the summary goes to standard output: as tables, one `--view` as CSV or
    /// JSON, or an HTML or Markdown document. (`--out` is an older name for it.)
    #[arg(long = "output", short = 'o', alias = "out", value_name = "DIR|FILE")]
    pub out: Option<PathBuf>,
    /// Output format: `table` on the terminal (the default without `--output`), or files (`csv`,
    /// the default with `--output`; `xlsx`; `json`), or the summary as a document (`html`,
    /// `docx`, `md`). Forms are `csv` or `xlsx`.
    #[arg(long, value_enum)]
    pub format: Option<FollowUpFormat>,
    #[command(flatten)]
    pub csv: CsvArg,
    /// Parts of the summary; without it, all (the terminal leaves out `lines`). Each is also
    /// named by its Swedish name and its file's (`omraden`, `uppfoljning-omraden`).
    #[arg(long = "view", value_parser = options::named::<Part>(), value_name = "VIEW")]
    pub views: Vec<Part>,
    /// The final follow-up: a line nobody reported on is an error, not a warning.
    #[arg(long = "final")]
    pub final_report: bool,
    /// Today's date: once the plan's `use_reported` deadline has passed, a line nobody
    /// reported on is an error.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<Date>,
    /// Replace files that already exist in the folder.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FollowUpFormat {
    /// Tables on the terminal.
    Table,
    /// CSV: one file per part (forms: one per recipient).
    Csv,
    /// One workbook with a sheet per part (forms: one per recipient).
    Xlsx,
    /// The summary as one document (schema allocate-follow-up/2).
    Json,
    /// The summary as a document: one self-contained HTML file.
    Html,
    /// The summary as a Word document (needs `--output FILE`).
    Docx,
    /// The summary as Markdown (GitHub pipe tables).
    Md,
}

/// `2026-12-31` as a date, read as a plan's dates are ([`Date::parse`]).
fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text.trim()).ok_or_else(|| {
        crate::app::cli::value_lang()
            .pick(
                "ange ett datum som finns, som ÅÅÅÅ-MM-DD, till exempel 2027-01-15",
                "give a date the calendar has, as YYYY-MM-DD, e.g. 2027-01-15",
            )
            .to_string()
    })
}

/// What `follow-up` writes, and where.
enum Destination<'a> {
    /// The forms (`--forms`), as CSV or XLSX, into a folder.
    Forms { dir: &'a Path, xlsx: bool },
    /// The summary in a format, where it goes.
    Summary {
        format: FollowUpFormat,
        to: Output<'a>,
    },
}

/// Where the summary goes: a document to its file or standard output, the tables to the
/// terminal, files into a folder, or one part (as JSON, also the whole) to standard output.
enum Output<'a> {
    Document(Option<&'a Path>),
    Terminal,
    Folder(&'a Path),
    Part(Part),
    Whole,
}

/// What `follow-up` writes and where, settled from the command line before any file is
/// read, so that a command line that cannot be carried out is told first (exit 2), not after
/// the forms' findings or in their place.
fn destination(args: &FollowUpArgs) -> Result<Destination<'_>, Error> {
    let output = files::named(args.out.as_deref());
    if !args.forms && args.usage.is_empty() {
        return Err(match form_as_plan(&args.plan) {
            true => Error::FormAsPlan {
                path: args.plan.clone(),
                command: PlanFor::FollowUp,
            },
            false => Error::FollowUp(Misuse::NoUsage),
        });
    }
    if args.forms {
        let Some(dir) = output else {
            return Err(Error::FollowUp(Misuse::FormsNeedFolder));
        };
        let xlsx = match args.format {
            None | Some(FollowUpFormat::Csv) => false,
            Some(FollowUpFormat::Xlsx) => true,
            Some(
                FollowUpFormat::Table
                | FollowUpFormat::Json
                | FollowUpFormat::Html
                | FollowUpFormat::Docx
                | FollowUpFormat::Md,
            ) => return Err(Error::FollowUp(Misuse::FormsFormat)),
        };
        files::folder_to_write_into(dir)?;
        return Ok(Destination::Forms { dir, xlsx });
    }
    let format = match (args.format, output) {
        (Some(FollowUpFormat::Table), Some(_)) => {
            return Err(Error::FollowUp(Misuse::TableToFolder));
        }
        (Some(f), _) => f,
        // The summary as the document the name asks for (`-o sammanstallning.docx`), else the
        // parts as CSV files in the folder.
        (None, Some(path)) => match files::document_ending(path) {
            Some(files::Kind::Html) => FollowUpFormat::Html,
            Some(files::Kind::Docx) => FollowUpFormat::Docx,
            Some(files::Kind::Md) => FollowUpFormat::Md,
            Some(files::Kind::Toml) | None => FollowUpFormat::Csv,
        },
        (None, None) => FollowUpFormat::Table,
    };
    let written = match format {
        FollowUpFormat::Html => Some(files::Kind::Html),
        FollowUpFormat::Docx => Some(files::Kind::Docx),
        FollowUpFormat::Md => Some(files::Kind::Md),
        FollowUpFormat::Table
        | FollowUpFormat::Csv
        | FollowUpFormat::Xlsx
        | FollowUpFormat::Json => None,
    };
    if let (Some(path), Some(written)) = (output, written) {
        files::ending_fits(path, written).map_err(Error::WrongEnding)?;
    }
    let asked = options::each_once(&args.views);
    let to = match (format, output, asked.as_slice()) {
        (FollowUpFormat::Docx, None, _) => return Err(Error::FollowUp(Misuse::DocxNeedsFile)),
        (FollowUpFormat::Html | FollowUpFormat::Docx | FollowUpFormat::Md, path, _) => {
            Output::Document(path)
        }
        (FollowUpFormat::Table, _, _) => Output::Terminal,
        (_, Some(dir), _) => Output::Folder(dir),
        (FollowUpFormat::Xlsx, None, _) => return Err(Error::XlsxNeedsFolder),
        (FollowUpFormat::Csv | FollowUpFormat::Json, None, [part]) => Output::Part(*part),
        (FollowUpFormat::Json, None, []) => Output::Whole,
        (FollowUpFormat::Csv | FollowUpFormat::Json, None, _) => {
            return Err(Error::OneViewToStdout);
        }
    };
    if let Output::Folder(dir) = to {
        files::folder_to_write_into(dir)?;
    }
    Ok(Destination::Summary { format, to })
}

/// The usage files given, read; else the first that cannot be. `allocate`'s own summary
/// among them (written into the folder of forms and given again with it) is told first, every
/// such file at once, so that one run shows all there is to leave out. A file that is a
/// byte-for-byte copy of one read before it is marked as its copy (`UsageFile::copy_of`).
fn read_usage(paths: &[std::path::PathBuf]) -> Result<Vec<ReadUsage>, Error> {
    let mut read = Vec::new();
    let mut first_error = None;
    let mut own = Vec::new();
    let mut copies = Copies::default();
    for (i, path) in paths.iter().enumerate() {
        // A pattern that matched no form is told as one, not as a missing file.
        let result = if crate::app::plan_paths::matches_nothing(path) {
            Err(usage::UsageReadError::Read {
                path: path.clone(),
                reason: crate::input::read::ReadReason::NoMatch,
            })
        } else {
            usage::read_bytes(path).and_then(|bytes| {
                let copy_of = copies.copy_of(&bytes, paths);
                let mut usage = usage::from_bytes(path, &bytes, i)?;
                match copy_of {
                    Some(first) => usage.file.copy_of = Some(first),
                    None => copies.add(&bytes, i),
                }
                Ok(usage)
            })
        };
        match result {
            Ok(usage) => read.push(usage),
            Err(usage::UsageReadError::OwnSummary { paths }) => own.extend(paths),
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    if !own.is_empty() {
        let error = usage::UsageReadError::OwnSummary { paths: own };
        return Err(Error::Usage(Box::new(error)));
    }
    match first_error {
        Some(error) => Err(Error::Usage(Box::new(error))),
        None => Ok(read),
    }
}

/// The usage files read so far, by a hash of their bytes and their size, to tell a file that
/// is a copy of one given before it (one e-mail attachment saved twice).
#[derive(Default)]
struct Copies {
    read: std::collections::HashMap<(u64, usize), Vec<usize>>,
}

impl Copies {
    fn key(bytes: &[u8]) -> (u64, usize) {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut hasher);
        (hasher.finish(), bytes.len())
    }

    fn add(&mut self, bytes: &[u8], index: usize) {
        self.read.entry(Self::key(bytes)).or_default().push(index);
    }

    /// The first file read (its index among `paths`) whose bytes are these: a hash is only a
    /// hint, so the file is read again and compared byte for byte.
    fn copy_of(&self, bytes: &[u8], paths: &[std::path::PathBuf]) -> Option<usize> {
        let same = self.read.get(&Self::key(bytes))?;
        same.iter().copied().find(|&i| {
            paths
                .get(i)
                .and_then(|path| usage::read_bytes(path).ok())
                .is_some_and(|earlier| earlier == bytes)
        })
    }
}

/// Whether the file given as the plan is a form (read as one, as its content says): the
/// order of the command line is told, not the plan's error. A report in TOML is told so by
/// its reader.
fn form_as_plan(path: &std::path::Path) -> bool {
    let toml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    let stdin = path.as_os_str() == "-";
    !toml && !stdin && usage::load(path, 0).is_ok()
}

pub fn run(args: &FollowUpArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Status, Error> {
    let destination = destination(args)?;
    let loaded = super::load(&args.plan).map_err(|error| match form_as_plan(&args.plan) {
        true => Error::FormAsPlan {
            path: args.plan.clone(),
            command: PlanFor::FollowUp,
        },
        false => error,
    })?;
    let checked = super::passing(&loaded, args.common.err_style(), err, Blocked::FollowUp)?;
    let ledger = &checked.ledger;
    let lang = args.common.lang;
    let (format, to) = match destination {
        Destination::Forms { dir, xlsx } => return write_forms(dir, xlsx, args, ledger, err),
        Destination::Summary { format, to } => (format, to),
    };
    let dialect = args.csv.dialect(format == FollowUpFormat::Csv)?;
    // A quoted pattern (`'forms/*.csv'`) is expanded as `check` expands plans.
    let paths = crate::app::plan_paths::expand(&args.usage);
    let read = read_usage(&paths)?;
    let files: Vec<_> = read.iter().map(|r| &r.file).collect();
    let options = Options {
        final_report: args.final_report,
        date: args.date,
    };
    let follow_up = followup::follow_up(ledger, &files, options);

    // Warnings with the tables on standard output; findings that keep the summary from being
    // made (errors), and any beside machine output or a document, on standard error.
    let to_terminal = format == FollowUpFormat::Table && follow_up.errors() == 0;
    let style = if to_terminal {
        args.common.out_style()
    } else {
        args.common.err_style()
    };
    let drawn = draw_findings(&follow_up.findings, &read, &loaded.source, style);
    let closing = closing_line(&follow_up, read.len(), lang);
    {
        let target: &mut dyn Write = if to_terminal { &mut *out } else { &mut *err };
        super::write_drawn(drawn, target)?;
        if !follow_up.findings.is_empty() {
            writeln!(target, "{closing}")?;
            if to_terminal {
                writeln!(target)?;
            }
        }
    }
    let errors = follow_up.errors();
    if errors > 0 {
        return Err(Error::UsageHasErrors { errors });
    }
    let summary = summary::summary(ledger, &follow_up);
    // The tables and the documents say so with the repayment; beside files and machine
    // output, standard error does.
    if let Some(note) = render::overdue(&summary, lang)
        && !matches!(
            format,
            FollowUpFormat::Table
                | FollowUpFormat::Html
                | FollowUpFormat::Docx
                | FollowUpFormat::Md
        )
    {
        writeln!(err, "{note}")?;
    }
    let asked = options::each_once(&args.views);
    let parts: Vec<Part> = if asked.is_empty() {
        match format {
            FollowUpFormat::Table => Part::SHOWN.to_vec(),
            _ => Part::ALL.to_vec(),
        }
    } else {
        asked.clone()
    };
    match to {
        Output::Document(path) => {
            let parts: &[Part] = if asked.is_empty() {
                &Part::SHOWN
            } else {
                &parts
            };
            let doc = document::followup::build(&summary, parts, &loaded.source, lang);
            let bytes = match format {
                FollowUpFormat::Docx => {
                    document::docx::render(&doc).map_err(|e| Error::Document(e.to_string()))?
                }
                FollowUpFormat::Md => document::markdown::render(&doc).into_bytes(),
                _ => document::html::render(&doc).into_bytes(),
            };
            match path {
                Some(path) => {
                    files::write_file(path, &bytes, args.force).map_err(|e| {
                        let error = Error::from(e);
                        // HTML and Markdown may go to standard output instead, DOCX not.
                        match format {
                            FollowUpFormat::Docx => error,
                            _ => error.or_stdout(),
                        }
                    })?;
                    files::tell_written(err, path, lang)?;
                }
                None => out.write_all(&bytes)?,
            }
        }
        Output::Terminal => {
            let style = args.common.out_style();
            let layout = Layout {
                lang,
                color: style.color,
                width: table::terminal_width(),
            };
            write!(out, "{}", render::tables(&summary, &parts, layout))?;
        }
        Output::Folder(dir) => {
            let files = summary_files(format, dialect, &summary, &parts, &asked, lang)?;
            write_files(dir, &files, args.force, lang, err)?;
        }
        Output::Part(part) if format == FollowUpFormat::Csv => {
            let bytes = csv::write(&render::sheet(part, &summary, dialect.words(lang)), dialect)?;
            out.write_all(&bytes)?;
        }
        // As JSON, one part, or the whole summary.
        Output::Part(part) => write_json(&summary, Some(part), out)?,
        Output::Whole => write_json(&summary, None, out)?,
    }
    Ok(Status::Ok)
}

/// The summary as JSON (one part of it, or the whole) to standard output.
fn write_json(
    summary: &summary::Summary,
    part: Option<Part>,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let text = render::json(summary, part).map_err(|e| Error::Export(e.to_string()))?;
    writeln!(out, "{text}")?;
    Ok(())
}

/// One form per recipient, as CSV or XLSX, into `--output`.
fn write_forms(
    dir: &Path,
    xlsx: bool,
    args: &FollowUpArgs,
    ledger: &crate::core::ledger::Ledger,
    err: &mut dyn Write,
) -> Result<Status, Error> {
    let lang = args.common.lang;
    // A form goes out to its recipient and cites the decision, as a letter does: it is
    // written once the decision is made, with its date (the invoices, the region's own
    // working files, mark the date missing instead).
    if crate::core::report::decision_date_missing(ledger.plan) {
        return Err(Error::FollowUp(Misuse::FormsNeedDecisionDate));
    }
    let forms = followup::form::forms(ledger);
    // A form is opened in Excel, which would round an amount received beyond its digits, in
    // a workbook and in CSV alike (reviewer s42: the CSV form was written).
    let rounded = (forms.iter().flat_map(|f| &f.lines))
        .map(|l| l.received)
        .find(|a| !crate::output::xlsx::excel_keeps(*a));
    if let Some(amount) = rounded {
        return Err(Error::FormsNotExact(amount));
    }
    let names = form::file_names(&forms, if xlsx { "xlsx" } else { "csv" });
    let files = forms
        .iter()
        .zip(names)
        .map(|(f, name)| {
            let bytes = if xlsx {
                form::xlsx(f, lang).map_err(Error::Xlsx)?
            } else {
                form::csv(f, lang).map_err(|e| Error::Export(e.to_string()))?
            };
            Ok(File { name, bytes })
        })
        .collect::<Result<Vec<File>, Error>>()?;
    if args.force {
        let filled: Vec<String> = files
            .iter()
            .filter(|f| filled_in(&dir.join(&f.name)))
            .map(|f| f.name.clone())
            .collect();
        if !filled.is_empty() {
            return Err(Error::FormsFilledIn {
                dir: dir.to_path_buf(),
                names: filled,
            });
        }
    }
    write_files(dir, &files, args.force, lang, err)?;
    Ok(Status::Ok)
}

/// A form at `path` that its recipient has filled in: an amount used, a comment or the
/// answer on the collective invoice (IO tester s42: `--forms --force` replaced returned
/// forms, which keep the name they were sent with, with blank ones). A file that is not
/// there, or not a form that can be read, is not.
fn filled_in(path: &Path) -> bool {
    let Ok(bytes) = crate::input::read::peek_limited(path, crate::input::read::max_file_bytes())
    else {
        return false;
    };
    let Ok(read) = usage::from_bytes(path, &bytes, 0) else {
        return false;
    };
    let file = &read.file;
    file.claims.iter().any(|c| {
        c.invoiced
            .as_ref()
            .is_some_and(|w| !w.value.trim().is_empty())
    }) || file.rows.iter().any(|r| {
        r.used.value != followup::Entry::Empty
            || r.comment.as_deref().is_some_and(|c| !c.trim().is_empty())
    })
}

fn write_files(
    dir: &std::path::Path,
    files: &[File],
    force: bool,
    lang: Lang,
    err: &mut dyn Write,
) -> Result<(), Error> {
    match files::write_all(dir, files, force) {
        Ok(paths) => {
            for path in paths {
                files::tell_written(err, &path, lang)?;
            }
            Ok(())
        }
        Err(error) => Err(error.into()),
    }
}

/// The summary's parts as files, rendered in memory before anything touches the disk: as
/// JSON, the whole document, or each part `asked` for in a file of its own.
fn summary_files(
    format: FollowUpFormat,
    dialect: Dialect,
    summary: &summary::Summary,
    parts: &[Part],
    asked: &[Part],
    lang: Lang,
) -> Result<Vec<File>, Error> {
    let failed = |e: String| Error::Export(e);
    match format {
        FollowUpFormat::Csv
        | FollowUpFormat::Table
        | FollowUpFormat::Html
        | FollowUpFormat::Docx
        | FollowUpFormat::Md => parts
            .iter()
            .map(|&part| {
                let sheet = render::sheet(part, summary, dialect.words(lang));
                Ok(File {
                    name: format!("{}.csv", sheet.name),
                    bytes: csv::write(&sheet, dialect)?,
                })
            })
            .collect(),
        FollowUpFormat::Xlsx => {
            let sheets: Vec<_> = parts
                .iter()
                .map(|&part| render::sheet(part, summary, Words::from(lang)))
                .collect();
            Ok(vec![File {
                name: format!("uppfoljning-{}.xlsx", summary.year),
                bytes: xlsx::write(&sheets).map_err(Error::Xlsx)?,
            }])
        }
        FollowUpFormat::Json if asked.is_empty() => {
            let text = render::json(summary, None).map_err(|e| failed(e.to_string()))?;
            Ok(vec![File {
                name: format!("uppfoljning-{}.json", summary.year),
                bytes: (text + "\n").into_bytes(),
            }])
        }
        FollowUpFormat::Json => asked
            .iter()
            .map(|&part| {
                let text = render::json(summary, Some(part)).map_err(|e| failed(e.to_string()))?;
                Ok(File {
                    name: format!("{}.json", render::stem(part)),
                    bytes: (text + "\n").into_bytes(),
                })
            })
            .collect(),
    }
}

/// Every finding drawn with its place: a usage file's line or cell, or the plan's line; of
/// one code the first hundred, then a line with how many more (as `check` bounds them).
fn draw_findings(
    findings: &[UsageFinding],
    read: &[ReadUsage],
    plan: &Source,
    style: Style,
) -> Vec<String> {
    let lang = style.lang;
    let file_place = |place: &Place| -> (&Source, FilePlace) {
        let file = read.get(place.file);
        let source = file.map_or(plan, |r| &r.source);
        let at = match &place.at {
            At::Text(span) => FilePlace::Span(span.clone()),
            // A cell is named with its sheet's name when that is not the workbook's first.
            At::Cell { row, column, sheet } => FilePlace::Cell {
                row: *row,
                column: *column,
                sheet: file
                    .filter(|_| *sheet > 0)
                    .and_then(|r| r.sheets.get(*sheet).cloned()),
            },
        };
        (source, at)
    };
    // The files as the findings' places name them, for a message that names them.
    let names: Vec<String> = (read.iter())
        .map(|r| crate::output::text::shown_path(&r.source.path))
        .collect();
    let (shown, left_out) = bounded(findings, |f| (f.code().as_str(), f.is_error()));
    let mut drawn: Vec<String> = shown
        .into_iter()
        .map(|finding| {
            let (source, place) = match &finding.location {
                Location::Usage(place) => file_place(place),
                Location::Plan(span) => (plan, FilePlace::Span(span.clone())),
            };
            // Names and ids from a usage file are shown escaped, like a plan's texts.
            let message = visible(&words::message(&finding.problem, &names, lang)).into_owned();
            let hint = visible(&words::hint(&finding.problem, lang)).into_owned();
            let figures = finding
                .problem
                .figures()
                .map(|figures| words::figures(figures, lang));
            let related = finding.related.as_ref().map(|p| {
                let (source, place) = file_place(p);
                (source, place, words::related(&finding.problem, lang))
            });
            render_located(
                &Located {
                    source,
                    place,
                    severity: finding.severity,
                    code: finding.code().as_str(),
                    message: &message,
                    figures: figures.as_deref(),
                    hint: &hint,
                    related,
                },
                style,
            )
        })
        .collect();
    drawn.extend(left_out.iter().map(|l| l.line(lang)));
    drawn
}

/// "Redovisningar: 3 filer, 1 fel, 2 varningar (slutlig uppföljning)".
fn closing_line(follow_up: &followup::FollowUp, files: usize, lang: Lang) -> String {
    let (errors, warnings) = (follow_up.errors(), follow_up.warnings());
    let files = match (lang, files) {
        (Lang::Sv, 1) => "1 fil".to_string(),
        (Lang::Sv, n) => format!("{} filer", crate::output::number::count(n as u64, lang)),
        (Lang::En, 1) => "1 file".to_string(),
        (Lang::En, n) => format!("{} files", crate::output::number::count(n as u64, lang)),
    };
    let (errors, warnings) = (
        number::errors(errors, lang),
        number::warnings(warnings, lang),
    );
    let why = if follow_up.deadline_passed {
        say!(
            lang,
            " (redovisningstiden har gått ut)",
            " (the reporting deadline has passed)"
        )
    } else if follow_up.strict {
        say!(lang, " (slutlig uppföljning)", " (final follow-up)")
    } else {
        String::new()
    };
    say!(
        lang,
        "Redovisningar: {files}, {errors}, {warnings}{why}",
        "Reports: {files}, {errors}, {warnings}{why}"
    )
}
