//! The command line: the top-level parser and its commands. Each command's own arguments are
//! in its module (`commands/`), with its help text on top; the options they share are in
//! `options`.

use clap::{Parser, Subcommand};

use crate::app::commands;
use crate::app::options::Common;
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
    Check(commands::check::CheckArgs),
    /// Show the distribution tables and invoice summaries of a plan that passes `check`.
    Report(commands::report::ReportArgs),
    /// Write payments, distributions and invoices as CSV, XLSX or JSON for ekonomienhet.
    Export(commands::export::ExportArgs),
    /// Split an amount over the kommuner by a key and show the working (weights, exact
    /// quotas, floors, remainders, ranks), so anyone can audit why a kommun got one krona more.
    Split(commands::split::SplitArgs),
    /// Compare two yearly plans: county total, areas, actors and kommuner side by side,
    /// insatser added, removed and changed, and the stated change checked.
    Diff(commands::diff::DiffArgs),
    /// Close the year: write a form per recipient (`--forms`), or read the filled-in forms,
    /// check them against the plan and sum up what was used and what is repaid.
    #[command(name = "follow-up")]
    FollowUp(commands::followup::FollowUpArgs),
    /// Start next year's plan from this year's: actors, kommuner, keys and focus areas kept,
    /// deadlines a year on, every amount left at 0 for `check` to list until filled in.
    Init(commands::init::InitArgs),
    /// Print shell completions (bash, zsh, fish, powershell, elvish) to standard output.
    Completions(commands::completions::CompletionsArgs),
    /// Print the man page (roff) to standard output, or write one per command to a folder.
    Man(commands::man::ManArgs),
}

impl Cli {
    /// How messages on standard error are drawn, for the error `main` prints.
    pub fn style(&self) -> Style {
        let common = match &self.command {
            Command::Check(a) => Some(&a.common),
            Command::Report(a) => Some(&a.common),
            Command::Export(a) => Some(&a.common),
            Command::Split(a) => Some(&a.common),
            Command::Diff(a) => Some(&a.common),
            Command::Init(a) => Some(&a.common),
            Command::FollowUp(a) => Some(&a.common),
            Command::Completions(_) | Command::Man(_) => None,
        };
        common.map_or(
            Style {
                lang: Lang::Sv,
                color: false,
            },
            Common::err_style,
        )
    }
}
