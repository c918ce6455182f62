//! The options several commands share, and how the core's and output's enums are named on
//! the command line.

use std::ffi::OsStr;
use std::io::IsTerminal;
use std::marker::PhantomData;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Args, ValueEnum};

use crate::app::error::Error;
use crate::core::followup::summary::Part;
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
    /// Language of messages and tables; without it, ALLOCATE_LANG in the environment, else sv.
    // The help says the default in words: `[default: sv]` would leave out ALLOCATE_LANG.
    #[arg(long, value_enum, default_value_t = Lang::Sv, hide_default_value = true, global = true)]
    pub lang: Lang,
    /// When to colour the output. `auto` colours only on a terminal and never with NO_COLOR set
    /// or TERM=dumb.
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
            ColorChoice::Auto => auto_colour(
                terminal,
                std::env::var_os("NO_COLOR").as_deref(),
                std::env::var_os("TERM").as_deref(),
            ),
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

/// Whether `--color auto` colours: on a terminal, unless `NO_COLOR` is set (and not empty) or
/// `TERM` is `dumb`, a terminal that shows escape codes as text (Emacs's shell, some CI
/// consoles).
fn auto_colour(terminal: bool, no_color: Option<&OsStr>, term: Option<&OsStr>) -> bool {
    terminal && no_color.is_none_or(OsStr::is_empty) && term != Some(OsStr::new("dumb"))
}

/// `--csv DIALECT`, for the commands that write CSV among other formats.
#[derive(Debug, Args)]
pub struct CsvArg {
    /// CSV dialect: `excel` opens in Swedish Excel by double-click; `rfc4180` is for machines
    /// (fixed English headers and values, whatever `--lang`, every text as the plan writes
    /// it: not guarded against formulas for a spreadsheet). Only with `--format csv`.
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
    #[arg(long, allow_negative_numbers = true)]
    pub area: Option<u32>,
    /// Only this actor (id, name or short name) and the units under it.
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

/// A choice named on the command line (`--view`): by its English name, its Swedish name or the
/// stem of the file it is written to (`per-area`, `omraden`, `per-omrade`), in any case and with
/// or without å, ä, ö. A name that is none of these is a usage error that lists every name,
/// the Swedish ones in brackets. `report`, `export` and `follow-up` name their views so.
pub trait Named: Copy + Send + Sync + 'static {
    /// Every value, in the order listed.
    fn all() -> &'static [Self];
    /// The English name (`per-area`).
    fn name(self) -> &'static str;
    /// The Swedish name (`omraden`), where it differs from the English one.
    fn swedish(self) -> Option<&'static str>;
    /// The stem of the file (and worksheet) it is written to (`per-omrade`).
    fn file_stem(self) -> &'static str;
    /// What it is, for `--help`, in the language.
    fn help(self, lang: Lang) -> &'static str;

    /// The other names it is known by: the Swedish name and the file's, each once.
    fn aliases(self) -> Vec<&'static str> {
        let mut aliases: Vec<&'static str> = Vec::with_capacity(2);
        for alias in self.swedish().into_iter().chain([self.file_stem()]) {
            if alias != self.name() && !aliases.contains(&alias) {
                aliases.push(alias);
            }
        }
        aliases
    }
}

/// The value parser of a [`Named`] choice: `#[arg(value_parser = options::named::<View>())]`.
/// Its `--help` lists every value with what it is in English; [`named_in`] in a language.
pub fn named<T: Named>() -> NamedParser<T> {
    named_in(Lang::En)
}

/// The value parser of a [`Named`] choice whose `--help` says what each value is in `lang`.
pub fn named_in<T: Named>(lang: Lang) -> NamedParser<T> {
    NamedParser {
        lang,
        choice: PhantomData,
    }
}

#[derive(Clone, Copy)]
pub struct NamedParser<T> {
    lang: Lang,
    choice: PhantomData<T>,
}

/// A name as it is compared: case, Unicode form and å, ä, ö do not matter (`Områden` is
/// `omraden`).
fn folded(name: &str) -> String {
    crate::core::text::fold(name)
        .chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            c => c,
        })
        .collect()
}

impl<T: Named> TypedValueParser for NamedParser<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        use clap::error::{ContextKind, ContextValue, ErrorKind};
        let text = value.to_string_lossy();
        let wanted = folded(&text);
        let names = |v: T| std::iter::once(v.name()).chain(v.aliases());
        if let Some(&found) = T::all()
            .iter()
            .find(|&&v| names(v).any(|n| folded(n) == wanted))
        {
            return Ok(found);
        }
        // Every name, the Swedish ones in brackets: `per-area (omraden, per-omrade)`. The usage
        // error words it (`app::cli::usage_error`).
        let listed = T::all()
            .iter()
            .map(|&v| match v.aliases().as_slice() {
                [] => v.name().to_string(),
                aliases => format!("{} ({})", v.name(), aliases.join(", ")),
            })
            .collect();
        let every: Vec<&str> = T::all().iter().flat_map(|&v| names(v)).collect();
        let mut error = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
        let arg = arg.map_or_else(|| "...".to_string(), ToString::to_string);
        error.insert(ContextKind::InvalidArg, ContextValue::String(arg));
        error.insert(ContextKind::InvalidValue, ContextValue::String(text.into()));
        error.insert(ContextKind::ValidValue, ContextValue::Strings(listed));
        if let Some(near) = crate::core::text::suggest(&wanted, &every) {
            error.insert(ContextKind::SuggestedValue, ContextValue::String(near));
        }
        Err(error)
    }

    /// Every value with what it is and its other names, as a usage error lists them
    /// (`per-area: Each area's insatser … (also omraden, per-omrade)`).
    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let lang = self.lang;
        Some(Box::new(T::all().iter().map(move |&v| {
            let help = match v.aliases().as_slice() {
                [] => v.help(lang).to_string(),
                aliases => format!(
                    "{} ({} {})",
                    v.help(lang),
                    lang.pick("även", "also"),
                    aliases.join(", ")
                ),
            };
            PossibleValue::new(v.name()).aliases(v.aliases()).help(help)
        })))
    }
}

impl Named for View {
    fn all() -> &'static [View] {
        &View::ALL
    }

    fn name(self) -> &'static str {
        View::name(self)
    }

    fn swedish(self) -> Option<&'static str> {
        Some(self.alias())
    }

    fn file_stem(self) -> &'static str {
        crate::output::sheet::name(self)
    }

    fn help(self, lang: Lang) -> &'static str {
        match self {
            View::Payments => lang.pick(
                "En rad per mottagare och insats: vem som får vad utbetalt, och hur",
                "One row per recipient and insats: who gets paid what, and how",
            ),
            View::PerKommun => lang.pick(
                "En rad per kommun, en kolumn per insats som fördelas på kommunerna",
                "One row per kommun, one column per insats split over the kommuner",
            ),
            View::PerActor => lang.pick(
                "Per ansvarig aktör och område, regionens enheter under regionen",
                "Per responsible actor and area, the region's units under the region",
            ),
            View::PerHeading => lang.pick(
                "Beslutsunderlagets summarubriker per aktör som hanterar medlen, med sina angivna summor",
                "The document's summary headings per handling actor, with their stated totals",
            ),
            View::PerArea => lang.pick(
                "Varje områdes insatser mot överenskommelsens belopp",
                "Each area's insatser against the agreement's amount",
            ),
            View::Invoices => lang.pick(
                "En samlingsfaktura per mottagare som fakturerar; interna överföringar; medel hos regionen",
                "One collective invoice per invoicing recipient; internal transfers; held money",
            ),
        }
    }
}

impl Named for Part {
    fn all() -> &'static [Part] {
        &Part::ALL
    }

    fn name(self) -> &'static str {
        Part::name(self)
    }

    fn swedish(self) -> Option<&'static str> {
        self.alias()
    }

    fn file_stem(self) -> &'static str {
        crate::output::followup::stem(self)
    }

    fn help(self, lang: Lang) -> &'static str {
        match self {
            Part::Recipients => lang.pick(
                "Per mottagare: mottaget, använt, ej använt",
                "Per recipient: received, used, unused",
            ),
            Part::Areas => lang.pick(
                "Per område i överenskommelsen: tilldelat, använt, ej använt",
                "Per area of the agreement: allocated, used, unused",
            ),
            Part::Insatser => lang.pick(
                "Per insats: tilldelat, använt, ej använt",
                "Per insats: allocated, used, unused",
            ),
            Part::Reallocations => lang.pick(
                "Medel som en mottagare flyttat mellan sina egna rader inom fokusområden de har gemensamt",
                "Money a recipient moved between its own lines within their shared focus areas",
            ),
            Part::Repayment => lang.pick(
                "Det som betalas tillbaka till Kammarkollegiet, per mottagare med medel som inte använts",
                "What is repaid to Kammarkollegiet, per recipient with unused money",
            ),
            Part::Lines => lang.pick(
                "Varje rad i planen med hur den använts och kommentaren",
                "Every line of the plan with its use and comment",
            ),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_colours_a_terminal_unless_no_color_or_a_dumb_terminal_says_not() {
        let os = |s: &'static str| Some(OsStr::new(s));
        assert!(auto_colour(true, None, os("xterm-256color")));
        assert!(auto_colour(true, os(""), None));
        assert!(!auto_colour(false, None, os("xterm")));
        assert!(!auto_colour(true, os("1"), os("xterm")));
        // TERM=dumb, as Emacs's shell sets it (tester s27 CI #8).
        assert!(!auto_colour(true, None, os("dumb")));
    }

    /// Every name of a choice, as compared, belongs to one value only.
    fn names_are_unique<T: Named>() {
        let mut seen: Vec<String> = Vec::new();
        for &value in T::all() {
            for name in std::iter::once(value.name()).chain(value.aliases()) {
                let name = folded(name);
                assert!(!seen.contains(&name), "{name} names two values");
                seen.push(name);
            }
        }
    }

    #[test]
    fn every_name_of_a_view_or_part_names_one() {
        names_are_unique::<View>();
        names_are_unique::<Part>();
        assert_eq!(View::PerArea.aliases(), ["omraden", "per-omrade"]);
        assert_eq!(View::PerKommun.aliases(), ["kommuner"]);
        assert_eq!(Part::Insatser.aliases(), ["uppfoljning-insatser"]);
    }
}
