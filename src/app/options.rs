//! The options several commands share, and how the core's and output's enums are named on
//! the command line.

use std::io::IsTerminal;

use clap::builder::PossibleValue;
use clap::{Args, ValueEnum};

use crate::app::error::Error;
use crate::core::plan::Plan;
use crate::core::report::View;
use crate::output::csv::Dialect;
use crate::output::diagnostic::Style;
use crate::output::lang::Lang;

/// The views (or parts) asked for, each once, in the order first named: `--view x --view x`
/// asks for one view, not for two files or sheets of the same name.
pub fn each_once<T: Copy + PartialEq>(asked: &[T]) -> Vec<T> {
    let mut once: Vec<T> = Vec::with_capacity(asked.len());
    for &item in asked {
        if !once.contains(&item) {
            once.push(item);
        }
    }
    once
}

/// The views asked for, each once, in the order given; without any, every view in `all` that
/// the plan has. A view the plan has nothing for, asked for by name, is a usage error.
pub fn views_in_plan(asked: &[View], all: &[View], plan: &Plan) -> Result<Vec<View>, Error> {
    let asked = each_once(asked);
    if asked.is_empty() {
        return Ok(all.iter().copied().filter(|v| v.in_plan(plan)).collect());
    }
    match asked.iter().find(|v| !v.in_plan(plan)) {
        Some(_) => Err(Error::NoHeadings),
        None => Ok(asked),
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

/// `--csv DIALECT`, for the commands that write CSV among other formats.
#[derive(Debug, Args)]
pub struct CsvArg {
    /// CSV dialect: `excel` opens in Swedish Excel by double-click; `rfc4180` is for machines
    /// (fixed English headers and values, whatever `--lang`). Only with `--format csv`.
    #[arg(long = "csv", value_enum, value_name = "DIALECT")]
    pub csv: Option<Dialect>,
}

impl CsvArg {
    /// The dialect to write, when the format chosen is CSV; given with another format, the
    /// option would be ignored, so it is a usage error.
    pub fn dialect(&self, writes_csv: bool) -> Result<Dialect, Error> {
        match self.csv {
            Some(_) if !writes_csv => Err(Error::CsvWithoutCsv),
            given => Ok(given.unwrap_or(Dialect::Excel)),
        }
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
