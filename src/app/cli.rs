//! The command line: the top-level parser, the options every command shares, and how the
//! core's and output's enums are named on the command line. Each command's own arguments are
//! in its module (`commands/`), with its help text on top.

use std::io::IsTerminal;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::app::commands;
use crate::core::report::View;
use crate::output::csv::Dialect;
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

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl Common {
    fn style(&self, terminal: bool) -> Style {
        let color = match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && terminal
            }
        };
        Style {
            lang: self.lang,
            color,
        }
    }

    /// How what goes to standard output is drawn.
    pub fn out_style(&self) -> Style {
        self.style(std::io::stdout().is_terminal())
    }

    /// How what goes to standard error is drawn.
    pub fn err_style(&self) -> Style {
        self.style(std::io::stderr().is_terminal())
    }
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

impl ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &[Lang::Sv, Lang::En]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            Lang::Sv => PossibleValue::new("sv").help("Svenska"),
            Lang::En => PossibleValue::new("en").help("English"),
        })
    }
}

impl ValueEnum for View {
    fn value_variants<'a>() -> &'a [Self] {
        &View::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let help = match self {
            View::Payments => "One row per recipient and insats: who gets paid what, and how",
            View::PerKommun => "One row per kommun, one column per insats split over the kommuner",
            View::PerActor => "Per responsible actor and area, the region's units under the region",
            View::PerHeading => {
                "The document's summary headings per handling actor, with their stated totals"
            }
            View::PerArea => "Each area's insatser against the agreement's amount",
            View::Invoices => {
                "One collective invoice per invoicing recipient; internal transfers; held money"
            }
        };
        Some(
            PossibleValue::new(self.name())
                .alias(self.alias())
                .help(help),
        )
    }
}

impl ValueEnum for Dialect {
    fn value_variants<'a>() -> &'a [Self] {
        &[Dialect::Excel, Dialect::Rfc4180]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            Dialect::Excel => PossibleValue::new("excel")
                .help("Swedish Excel: `;`, UTF-8 with BOM, decimal comma"),
            Dialect::Rfc4180 => {
                PossibleValue::new("rfc4180").help("RFC 4180: `,`, no BOM, decimal point")
            }
        })
    }
}
