//! `allocate report PLAN`: the tables that the decision document prints by hand, computed
//! from a plan that passes `check`: per kommun, per actor, per handling actor (the summary
//! headings), per area, and the invoice summaries with internal transfers and held money.
//!
//! With `--format html|docx|md` it writes the decision basis itself as a document, and with
//! `--per-recipient --output DIR` one letter (*fördelningsbesked*) per recipient. A plan with
//! errors still gets its document, as a draft with its errors listed at the top and each
//! marked at its figure where it has one: the findings go to standard error as well, the
//! document is written, and the exit status is 1. Letters are sent to recipients, so they are
//! only written from a plan without errors.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use crate::app::Status;
use crate::app::error::{Blocked, Error, ReportMisuse};
use crate::app::files::{self, File};
use crate::app::options::{self, Common, FilterArgs};
use crate::core::check::cost_sharing;
use crate::core::diff::Relation;
use crate::core::ledger::selection::Selection;
use crate::core::report::{Projection, View};
use crate::output::diagnostic::render_finding;
use crate::output::document::{self, basis, letters};
use crate::output::table::{self, Layout};

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Plan file (TOML); it must pass `check` (a document is written as a draft otherwise); `-`
    /// reads the plan from standard input.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// Views to show, in the order given; all of them but `payments` when none is given. Each
    /// is also named by its Swedish name and its file's (`omraden`, `per-omrade`).
    #[arg(long = "view", value_parser = options::named::<View>(), value_name = "VIEW")]
    pub views: Vec<View>,
    /// `table` for the terminal (the default), or the decision basis as a document: `html`
    /// (one self-contained file), `docx` (Word) or `md` (Markdown); without it, `-o` named
    /// `.html`, `.docx` or `.md` writes that document.
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write the document to FILE (with `--per-recipient`: the letters into the folder DIR,
    /// created if missing); without it, or with `-`, HTML and Markdown go to standard output.
    #[arg(long, short = 'o', value_name = "FILE|DIR", alias = "out")]
    pub output: Option<PathBuf>,
    /// One letter per recipient (fördelningsbesked) into `--output DIR`: HTML and DOCX, or
    /// the one `--format` given. (A letter is this year's share; `--previous` is for the
    /// decision basis.)
    #[arg(long, requires = "output", conflicts_with = "previous")]
    pub per_recipient: bool,
    /// Last year's plan (of an earlier year): the document adds its amounts and the change per
    /// area and actor; exit status 1 when this plan's figures about last year disagree.
    #[arg(long, value_name = "PLAN")]
    pub previous: Option<PathBuf>,
    /// Replace files that already exist.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Tables for the terminal.
    Table,
    /// The decision basis as one self-contained HTML file.
    Html,
    /// The decision basis as a Word document.
    Docx,
    /// The decision basis as Markdown (GitHub pipe tables).
    #[value(alias = "markdown")]
    Md,
}

impl ReportArgs {
    /// The format given, else the document `--output`'s name asks for (`-o beslut.docx`),
    /// else tables for the terminal.
    fn format(&self) -> ReportFormat {
        let asked = || match files::document_ending(files::named(self.output.as_deref())?)? {
            files::Kind::Html => Some(ReportFormat::Html),
            files::Kind::Docx => Some(ReportFormat::Docx),
            files::Kind::Md => Some(ReportFormat::Md),
            files::Kind::Toml => None,
        };
        match (self.format, self.per_recipient) {
            (Some(format), _) => format,
            (None, false) => asked().unwrap_or(ReportFormat::Table),
            (None, true) => ReportFormat::Table,
        }
    }
}

pub fn run(args: &ReportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Status, Error> {
    if args.format() != ReportFormat::Table || args.per_recipient {
        return documents(args, out, err);
    }
    for (given, option) in [
        (files::named(args.output.as_deref()).is_some(), "--output"),
        (args.previous.is_some(), "--previous"),
        (args.force, "--force"),
    ] {
        if given {
            return Err(Error::Report(ReportMisuse::DocumentOptionOnTable(option)));
        }
    }
    let loaded = super::load(&args.plan)?;
    let (checked, selection) = super::passing_selected(
        &loaded,
        args.common.err_style(),
        err,
        Blocked::Report,
        Some(&args.filter),
    )?;
    let view = Projection::new(&checked.ledger, &selection);
    super::note_empty_selection(&args.filter, &view, args.common.lang, err)?;
    let style = args.common.out_style();
    let layout = Layout {
        lang: style.lang,
        color: style.color,
        width: table::terminal_width(),
    };
    let all = args.views.is_empty();
    // Payments are one row per recipient and insats: long, and what `export` is for, so they
    // are shown only when asked for.
    let shown: Vec<View> = View::ALL
        .into_iter()
        .filter(|v| *v != View::Payments)
        .collect();
    let views = options::views_in_plan(&args.views, &shown, checked.ledger.plan)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    if let [one] = views.as_slice() {
        // Written as it is made: a national plan's payments are hundreds of megabytes.
        table::view(*one, &view, layout, &mut out)?;
    } else {
        // Made side by side, written in their order as they are made, a blank line between.
        let numbered: Vec<(usize, View)> = views.iter().copied().enumerate().collect();
        crate::core::parallel::write_in_order(
            &numbered,
            |&(i, v), text| {
                if i > 0 {
                    writeln!(text)?;
                }
                table::view(v, &view, layout, text)
            },
            &mut out,
        )?;
    }
    // The plan's cost-sharing tables, after the views, when no view is asked for.
    if all {
        let plan = checked.ledger.plan;
        let title = format!(
            "{} {}",
            crate::output::text::visible(plan.plan.county.get_ref()),
            plan.plan.year.get_ref()
        );
        for table in cost_sharing::tables(&checked.ledger) {
            writeln!(out)?;
            out.write_all(table::cost_sharing(&table, &title, layout).as_bytes())?;
        }
    }
    out.flush()?;
    Ok(Status::Ok)
}

/// The letters of `year` in `dir`, in either language and any format, to a recipient none of
/// `files` is to: left from a plan that paid someone this one does not, they would be sent
/// with the rest, or checked as the folder's whole (tester s32: a withdrawn grant's letter
/// stayed after `--force`). A letter of the same recipient in another format is not one.
fn other_letters(dir: &Path, year: i32, files: &[File]) -> Vec<String> {
    let recipient = |name: &str| {
        letters::recipient_part(name, year)
            .and_then(|rest| rest.rsplit_once('.'))
            .filter(|(_, ext)| {
                [ReportFormat::Html, ReportFormat::Docx, ReportFormat::Md]
                    .into_iter()
                    .any(|f| extension(f) == *ext)
            })
            .map(|(stem, _)| stem.to_string())
    };
    let written: std::collections::HashSet<String> =
        files.iter().filter_map(|f| recipient(&f.name)).collect();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut others: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| recipient(name).is_some_and(|r| !written.contains(&r)))
        .collect();
    others.sort();
    others
}

/// The decision basis as a document, or the letters.
fn documents(args: &ReportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Status, Error> {
    for (given, option) in [
        (!args.views.is_empty(), "--view"),
        (args.filter.area.is_some(), "--area"),
        (args.filter.actor.is_some(), "--actor"),
        (args.filter.kommun.is_some(), "--kommun"),
    ] {
        if given {
            return Err(Error::Report(match args.per_recipient {
                true => ReportMisuse::FilterOnLetters(option),
                false => ReportMisuse::FilterOnDocument(option),
            }));
        }
    }
    let output = files::named(args.output.as_deref());
    if args.per_recipient {
        let Some(dir) = output else {
            return Err(Error::Report(ReportMisuse::LettersNeedFolder));
        };
        files::folder_to_write_into(dir)?;
    }
    let format = args.format();
    if format == ReportFormat::Docx && output.is_none() {
        return Err(Error::Report(ReportMisuse::DocxNeedsFile));
    }
    if let (Some(path), false) = (output, args.per_recipient) {
        files::ending_fits(path, kind(format)).map_err(Error::WrongEnding)?;
    }
    let lang = args.common.lang;
    let style = args.common.err_style();
    let loaded = super::load(&args.plan)?;
    // Last year's plan named as this one (`report - --previous -`: standard input can be read
    // once) is this plan, and refused as not of an earlier year, as `diff` compares it.
    let read_previous = match &args.previous {
        Some(path) if !crate::app::plan_paths::same_file(&args.plan, path) => {
            Some(super::load(path)?)
        }
        _ => None,
    };
    let previous = args
        .previous
        .as_ref()
        .map(|_| read_previous.as_ref().unwrap_or(&loaded));
    if args.per_recipient {
        let checked = super::passing(&loaded, style, err, Blocked::Letters)?;
        // A letter tells its recipient to invoice citing the decision: it goes out once the
        // decision is made, with its date.
        if crate::core::report::decision_date_missing(&loaded.plan) {
            return Err(Error::Report(ReportMisuse::LettersNeedDecisionDate));
        }
        let selection = Selection::all();
        let projection = Projection::new(&checked.ledger, &selection);
        let mut files = Vec::new();
        for letter in letters::letters(&projection, &loaded.source, lang) {
            let formats: &[ReportFormat] = match format {
                ReportFormat::Table => &[ReportFormat::Html, ReportFormat::Docx],
                ReportFormat::Html => &[ReportFormat::Html],
                ReportFormat::Docx => &[ReportFormat::Docx],
                ReportFormat::Md => &[ReportFormat::Md],
            };
            for &format in formats {
                files.push(File {
                    name: format!("{}.{}", letter.stem, extension(format)),
                    bytes: render(&letter.document, format)?,
                });
            }
        }
        let dir = output.unwrap_or(Path::new("."));
        let year = *loaded.plan.plan.year.get_ref();
        let stale = other_letters(dir, year, &files);
        if !stale.is_empty() {
            return Err(Error::Report(ReportMisuse::OtherLetters {
                dir: dir.to_path_buf(),
                year,
                names: stale,
            }));
        }
        let paths = files::write_all(dir, &files, args.force)?;
        for path in paths {
            files::tell_written(err, &path, lang)?;
        }
        return Ok(Status::Ok);
    }

    let checked = crate::core::check::check(&loaded.plan, &loaded.key_files);
    let errors = checked.errors();
    // Last year's plan must pass `check`, as for `diff`.
    let old = match &previous {
        Some(p) => Some(super::passing(p, style, err, Blocked::Comparison)?),
        None => None,
    };
    if let Some(o) = &old {
        let (last, this) = (&o.ledger.plan.plan, &loaded.plan.plan);
        match crate::core::diff::Relation::of(o.ledger.plan, &loaded.plan) {
            Relation::NotEarlier => {
                return Err(Error::Report(ReportMisuse::PreviousNotEarlier {
                    previous: *last.year.get_ref(),
                    year: *this.year.get_ref(),
                }));
            }
            // A comparison in the decision basis is of the county's own plans; `diff` compares
            // any two, and notes another county's.
            Relation::OtherCounty => {
                return Err(Error::Report(ReportMisuse::PreviousOtherCounty {
                    previous: last.county.get_ref().clone(),
                    county: this.county.get_ref().clone(),
                }));
            }
            Relation::LastYear | Relation::YearSkipped => {}
        }
    }
    if let Some(p) = &previous {
        super::note_year_skipped(p, &loaded, lang, err)?;
    }
    let diff = old
        .as_ref()
        .map(|o| crate::core::diff::diff(&o.ledger, &checked.ledger));
    let selection = Selection::all();
    let projection = Projection::new(&checked.ledger, &selection);
    let findings = match &diff {
        Some(d) => d.settled(&checked.findings),
        None => checked.findings.clone(),
    };
    let doc = basis::build(&basis::Inputs {
        projection: &projection,
        findings: &findings,
        source: &loaded.source,
        previous: diff.as_ref(),
        lang,
    });
    let bytes = render(&doc, format)?;
    match output {
        Some(path) => {
            files::write_file(path, &bytes, args.force).map_err(|e| {
                let error = Error::from(e);
                // HTML and Markdown may go to standard output instead, DOCX not.
                match format {
                    ReportFormat::Docx => error,
                    _ => error.or_stdout(),
                }
            })?;
            files::tell_written(err, path, lang)?;
        }
        None => out.write_all(&bytes)?,
    }
    if errors > 0 {
        for finding in &findings {
            writeln!(err, "{}\n", render_finding(&loaded.source, finding, style))?;
        }
        return Err(Error::DocumentWithErrors {
            path: loaded.source.display_path(),
            errors,
            at_figures: doc.every_error_at_its_figure(),
        });
    }
    if let (Some(d), Some(previous)) = (&diff, &previous) {
        super::previous_year_holds(d, lang, err, &loaded, previous, true)?;
    }
    Ok(Status::Ok)
}

/// The kind of file a document of `format` is (tables on the terminal have none: HTML).
fn kind(format: ReportFormat) -> files::Kind {
    match format {
        ReportFormat::Table | ReportFormat::Html => files::Kind::Html,
        ReportFormat::Docx => files::Kind::Docx,
        ReportFormat::Md => files::Kind::Md,
    }
}

fn extension(format: ReportFormat) -> &'static str {
    kind(format).ending()
}

fn render(doc: &document::Document, format: ReportFormat) -> Result<Vec<u8>, Error> {
    Ok(match format {
        ReportFormat::Table | ReportFormat::Html => document::html::render(doc).into_bytes(),
        ReportFormat::Md => document::markdown::render(doc).into_bytes(),
        ReportFormat::Docx => {
            document::docx::render(doc).map_err(|e| Error::Document(e.to_string()))?
        }
    })
}
