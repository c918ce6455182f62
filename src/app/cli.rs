//! The command line: clap definitions (doc comments are the help text) and dispatch.
//!
//! Exit status is decided here and nowhere else: 0 when no errors were found (warnings are
//! allowed), 1 when a plan has errors, 2 when a file cannot be read or parsed or the command
//! line is wrong.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::output::diagnostic::Style;
use crate::output::lang::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "allocate",
    version,
    about = "Checks a county's yearly allocation plan for the state grant for mental health and suicide prevention."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check that every total in a plan reconciles; report every problem at once.
    Check(CheckArgs),
    /// Show the distribution tables and invoice summaries of a plan that passes `check`.
    Report(ReportArgs),
    /// Write payments, distributions and invoices as CSV, XLSX or JSON for ekonomienhet.
    Export(ExportArgs),
    /// Split an amount over the kommuner by a key and show the working (weights, exact
    /// quotas, floors, remainders, ranks), so anyone can audit why a kommun got one krona more.
    Split(crate::app::commands::split::SplitArgs),
    /// Compare two yearly plans: county total, areas, actors and kommuner side by side,
    /// insatser added, removed and changed, and the stated change checked.
    Diff(crate::app::commands::diff::DiffArgs),
    /// Start next year's plan from this year's: actors, kommuner, keys and focus areas kept,
    /// deadlines a year on, every amount left at 0 for `check` to list until filled in.
    Init(crate::app::commands::init::InitArgs),
    /// Print shell completions (bash, zsh, fish, powershell, elvish) to standard output.
    Completions(crate::app::commands::completions::CompletionsArgs),
    /// Print the man page (roff) to standard output, or write one per command to a folder.
    Man(crate::app::commands::man::ManArgs),
}

/// Options that every command shares.
#[derive(Debug, Args)]
pub struct Common {
    /// Language of messages and tables.
    #[arg(long, value_enum, default_value_t = Lang::Sv, global = true)]
    pub lang: Lang,
    /// When to colour the output. `auto` colours only on a terminal and never with NO_COLOR set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl Common {
    pub fn style(&self) -> Style {
        let color = match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        Style {
            lang: self.lang,
            color,
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Plan files (TOML) to check.
    #[arg(required = true, value_name = "PLAN")]
    pub plans: Vec<PathBuf>,
    /// Treat warnings as errors.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Output: `human` (diagnostics with source lines), `json` (schema allocate-check/1),
    /// `github` (GitHub Actions annotations) or `gitlab` (GitLab code quality report).
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    #[command(flatten)]
    pub common: Common,
}

/// How `check` writes its findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// Diagnostics for people, with the source line and a caret.
    Human,
    /// One JSON document (schema allocate-check/1).
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`).
    Github,
    /// A GitLab code quality report (JSON).
    Gitlab,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Plan file (TOML); it must pass `check`.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// Views to show, in the order given; all of them when none is given.
    #[arg(long = "view", value_enum, value_name = "VIEW")]
    pub views: Vec<crate::core::report::View>,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub common: Common,
}

/// Narrowing a report or export to part of the plan.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only this area (number).
    #[arg(long)]
    pub area: Option<u32>,
    /// Only this actor (id) and the units under it.
    #[arg(long)]
    pub actor: Option<String>,
    /// Only this kommun (kommunkod or name).
    #[arg(long)]
    pub kommun: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Plan file (TOML); it must pass `check`.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// Folder to write the files to (created if missing). Without it, one `--view` is
    /// written to standard output.
    #[arg(long, short, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// File format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// CSV dialect: `excel` opens in Swedish Excel by double-click; `rfc4180` is for machines.
    #[arg(long, value_enum, default_value_t = crate::output::csv::Dialect::Excel)]
    pub csv: crate::output::csv::Dialect,
    /// Views to export; all of them when none is given.
    #[arg(long = "view", value_enum, value_name = "VIEW")]
    pub views: Vec<crate::core::report::View>,
    /// Replace files that already exist in the folder.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One CSV file per view.
    Csv,
    /// One workbook with a sheet per view.
    Xlsx,
    /// The resolved plan and every view in one document (schema allocate-export/1).
    Json,
}

/// The outcome of a command, mapped to an exit status in one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Ok = 0,
    Findings = 1,
    Unreadable = 2,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        ExitCode::from(status as u8)
    }
}

/// Runs a parsed command line, writing to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> std::io::Result<Status> {
    match cli.command {
        Command::Check(args) => crate::app::commands::check::run(&args, out),
        Command::Report(args) => crate::app::commands::report::run(&args, out),
        Command::Export(args) => crate::app::commands::export::run(&args, out),
        Command::Split(args) => crate::app::commands::split::run(&args, out),
        Command::Diff(args) => crate::app::commands::diff::run(&args, out),
        Command::Init(args) => crate::app::commands::init::run(&args, out),
        Command::Completions(args) => crate::app::commands::completions::run(&args, out),
        Command::Man(args) => crate::app::commands::man::run(&args, out),
    }
}

/// Parses the process's arguments and runs them. A closed pipe (`allocate check … | head`)
/// is not an error.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                Status::Unreadable.into()
            } else {
                Status::Ok.into()
            };
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match run(cli, &mut out).and_then(|status| out.flush().map(|()| status)) {
        Ok(status) => status.into(),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Status::Ok.into(),
        Err(e) => {
            eprintln!("allocate: {e}");
            Status::Unreadable.into()
        }
    }
}
