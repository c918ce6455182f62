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
    // The usage line says `allocate` in both languages, whatever name the binary is run by.
    bin_name = "allocate",
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
    /// Explain a finding's code of `check` or `follow-up` (`stated-total`, or
    /// `error[stated-total]` as `check` shows it; `fel[stated-total]` in Swedish), or every code.
    Explain(commands::explain::ExplainArgs),
    /// Print shell completions (bash, zsh, fish, powershell, elvish) to standard output.
    Completions(commands::completions::CompletionsArgs),
    /// Print the man page (roff) to standard output, or write one per command to a folder.
    Man(commands::man::ManArgs),
    /// Write a generated national-scale plan and the same money as journals (benchmarks).
    #[command(hide = true)]
    Generate(commands::generate::GenerateArgs),
}

impl Cli {
    /// The command's `--lang`, where it takes one.
    fn lang_mut(&mut self) -> Option<&mut Lang> {
        match &mut self.command {
            Command::Check(a) => Some(&mut a.common.lang),
            Command::Report(a) => Some(&mut a.common.lang),
            Command::Export(a) => Some(&mut a.common.lang),
            Command::Split(a) => Some(&mut a.common.lang),
            Command::Diff(a) => Some(&mut a.common.lang),
            Command::Init(a) => Some(&mut a.common.lang),
            Command::FollowUp(a) => Some(&mut a.common.lang),
            Command::Explain(a) => Some(&mut a.common.lang),
            Command::Man(a) => Some(&mut a.lang),
            Command::Completions(_) | Command::Generate(_) => None,
        }
    }

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
            Command::Explain(a) => Some(&a.common),
            // The man page's messages are in the language asked for, never coloured.
            Command::Man(a) => {
                return Style {
                    lang: a.lang,
                    color: false,
                };
            }
            // A command without a `--lang` speaks the language of its command line's
            // (`allocate --lang en generate …`, or `ALLOCATE_LANG`), as its usage errors do.
            Command::Completions(_) | Command::Generate(_) => {
                return Style {
                    lang: value_lang(),
                    color: false,
                };
            }
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

/// The language of help and usage errors, decided before the command line is parsed:
/// `--lang en` or `--lang sv` anywhere on it, else `ALLOCATE_LANG`; Swedish otherwise. A
/// `--lang` that is no language (`--lang de`, refused as such) leaves the language as it was.
pub fn usage_lang(args: &[std::ffi::OsString]) -> Lang {
    let asked = |value: &str| match value {
        "en" => Some(Lang::En),
        "sv" => Some(Lang::Sv),
        _ => None,
    };
    let environment = Lang::from_environment().ok().flatten().unwrap_or(Lang::Sv);
    lang_values(args)
        .iter()
        .fold(environment, |lang, value| asked(value).unwrap_or(lang))
}

/// Whether the command line gives a `--lang` (with a value, anywhere before `--`): then
/// `ALLOCATE_LANG` is not used, nor looked at.
pub fn lang_given(args: &[std::ffi::OsString]) -> bool {
    !lang_values(args).is_empty()
}

/// The values of the `--lang`s on the command line (`--lang en`, `--lang=sv`), in order, up
/// to a `--`.
fn lang_values(args: &[std::ffi::OsString]) -> Vec<String> {
    let mut values = Vec::new();
    let mut after_flag = false;
    for arg in args.iter().skip(1) {
        let arg = arg.to_string_lossy();
        if after_flag {
            values.push(arg.into_owned());
            after_flag = false;
        } else if arg == "--lang" {
            after_flag = true;
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            values.push(value.to_string());
        } else if arg == "--" {
            break;
        }
    }
    values
}

/// The language of a value parser's message (an amount, a unit, a year, a date): a value is
/// parsed before the options are known, so it is the language usage errors find
/// ([`usage_lang`] of this process's command line).
pub fn value_lang() -> Lang {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    usage_lang(&args)
}

/// The command line with a `--lang` written before the command (`allocate --lang en check`)
/// moved after it, where the command takes it, and one without a command to take it
/// (`allocate --lang en --help`, `allocate help check --lang en`) left out: its language is
/// that of the help and usage errors already ([`usage_lang`]).
fn lang_after_command(
    args: Vec<std::ffi::OsString>,
    takes_lang: impl Fn(&str) -> bool,
) -> Vec<std::ffi::OsString> {
    let mut langs = Vec::new();
    let mut rest = Vec::new();
    let mut words = args.into_iter();
    let program = words.next();
    let mut command = None;
    while let Some(word) = words.next() {
        let text = word.to_string_lossy();
        if text == "--lang" {
            langs.push(word);
            langs.extend(words.next());
        } else if text.starts_with("--lang=") {
            langs.push(word);
        } else if text == "--" {
            rest.push(word);
            break;
        } else if text.starts_with('-') || text == "help" {
            rest.push(word);
        } else {
            command = Some(word);
            break;
        }
    }
    let help = rest.iter().any(|w| w == "help");
    let takes = !help
        && command
            .as_ref()
            .is_some_and(|c| takes_lang(&c.to_string_lossy()));
    let mut after: Vec<_> = words.collect();
    // After `--` every word is an argument, `--lang` too.
    let ended = rest.iter().any(|w| w == "--");
    let given_after = !ended
        && after.iter().any(|w| {
            let text = w.to_string_lossy();
            text == "--lang" || text.starts_with("--lang=")
        });
    if !takes && given_after {
        // `help` and `completions` take no `--lang`: it is the help's language.
        let mut kept = Vec::with_capacity(after.len());
        let mut words = after.into_iter();
        while let Some(word) = words.next() {
            let text = word.to_string_lossy();
            if text == "--" {
                kept.push(word);
                kept.extend(words.by_ref());
            } else if text == "--lang" {
                words.next();
            } else if !text.starts_with("--lang=") {
                kept.push(word);
            }
        }
        after = kept;
    }
    program
        .into_iter()
        .chain(rest)
        .chain(command)
        .chain(langs.into_iter().filter(|_| takes && !given_after))
        .chain(after)
        .collect()
}

/// The command line's definition in a language: English as written in the code (and in the
/// man page and completions), or Swedish, with every heading, description and option
/// translated here.
pub fn command(lang: Lang) -> clap::Command {
    use clap::CommandFactory;
    let command = Cli::command();
    match lang {
        Lang::En => command,
        Lang::Sv => swedish(command),
    }
}

/// Parses the command line, with help and usage errors in the language it asks for.
pub fn parse() -> Result<Cli, (clap::Error, Lang)> {
    use clap::FromArgMatches;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = usage_lang(&args);
    let mut command = command(lang);
    let args = lang_after_command(args, |name| {
        command
            .find_subcommand(name)
            .is_some_and(|sub| sub.get_arguments().any(|a| a.get_id() == "lang"))
    });
    let matches = command
        .try_get_matches_from_mut(args)
        .map_err(|e| (e.with_cmd(&command), lang))?;
    let mut cli = Cli::from_arg_matches(&matches).map_err(|e| (e.with_cmd(&command), lang))?;
    // `ALLOCATE_LANG` is the language of a command that takes a `--lang` and is given none.
    if let (Some(lang), Ok(Some(asked))) = (cli.lang_mut(), Lang::from_environment())
        && matches.subcommand().is_some_and(|(_, sub)| {
            sub.value_source("lang") == Some(clap::parser::ValueSource::DefaultValue)
        })
    {
        *lang = asked;
    }
    Ok(cli)
}

/// Why a number given on the command line was refused (`--area`, `--precision`, `--seed`), in
/// the language: the standard library's and clap's own reasons (`invalid digit found in
/// string`, `30 is not in 0..=10`) in words of ours, with the numbers grouped as the language
/// groups them (`4 294 967 295`, `4,294,967,295`); `None` for a reason that is none of those
/// (the value parsers of the commands give theirs in the language already).
fn number_reason(reason: &(dyn std::error::Error + 'static), lang: Lang) -> Option<String> {
    use std::num::IntErrorKind;
    if let Some(e) = reason.downcast_ref::<std::num::ParseIntError>() {
        return Some(
            match e.kind() {
                IntErrorKind::Empty => lang.pick("inget tal angavs", "no number was given"),
                IntErrorKind::PosOverflow => {
                    lang.pick("talet är för stort", "the number is too large")
                }
                IntErrorKind::NegOverflow => {
                    lang.pick("talet är för litet", "the number is too small")
                }
                _ => lang.pick(
                    "inte ett heltal (skriv bara siffror, till exempel 2)",
                    "not a whole number (write digits only, for example 2)",
                ),
            }
            .to_string(),
        );
    }
    // clap's range check: `{value} is not in {low}..={high}`, every one a whole number.
    let text = reason.to_string();
    let (n, range) = text.split_once(" is not in ")?;
    let (low, high) = range.split_once("..=")?;
    let grouped = |n: &str| {
        n.parse::<i128>()
            .ok()
            .and_then(|n| rust_decimal::Decimal::try_from_i128_with_scale(n, 0).ok())
            .map(|n| crate::output::number::grouped(n, lang))
    };
    let (n, low, high) = (grouped(n)?, grouped(low)?, grouped(high)?);
    Some(crate::say!(
        lang,
        "{n} ligger inte mellan {low} och {high}",
        "{n} is not between {low} and {high}"
    ))
}

/// clap's English text with the allowed values as listed: clap quotes a value with a space in
/// it, and a name with its Swedish names in brackets (`per-area (omraden, per-omrade)`, see
/// `options::Named`) is one.
fn unquoted(error: &clap::Error, text: String) -> String {
    use clap::error::{ContextKind, ContextValue};
    match error.get(ContextKind::ValidValue) {
        Some(ContextValue::Strings(valid)) => valid.iter().fold(text, |text, value| {
            text.replace(&format!("{value:?}"), value)
        }),
        _ => text,
    }
}

/// A usage error (or the help or version asked for) as the user reads it: clap's own text in
/// English, and in Swedish the same facts in Swedish words.
pub fn usage_error(error: &clap::Error, lang: Lang) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    // The reason a number was refused, in our words (clap's are the standard library's).
    let reason = std::error::Error::source(error).map(|e| (e.to_string(), number_reason(e, lang)));
    if lang == Lang::En
        || matches!(
            error.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        let text = unquoted(error, error.render().to_string());
        return match reason {
            Some((theirs, Some(ours))) if error.kind() == ErrorKind::ValueValidation => {
                text.replacen(&format!(": {theirs}"), &format!(": {ours}"), 1)
            }
            _ => text,
        };
    }
    let context = |kind: ContextKind| -> String {
        match error.get(kind) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(list)) => list.join(", "),
            Some(ContextValue::Number(n)) => n.to_string(),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::StyledStrs(list)) => list
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            _ => String::new(),
        }
    };
    let arg = context(ContextKind::InvalidArg);
    let value = context(ContextKind::InvalidValue);
    let valid = context(ContextKind::ValidValue);
    let message = match error.kind() {
        ErrorKind::UnknownArgument => format!("okänd flagga eller okänt argument '{arg}'"),
        ErrorKind::InvalidSubcommand => format!(
            "okänt kommando '{}'",
            context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue if value.is_empty() => {
            format!("ett värde krävs för '{arg}', men inget angavs")
        }
        ErrorKind::InvalidValue => format!("ogiltigt värde '{value}' för '{arg}'"),
        ErrorKind::ValueValidation => {
            // The reason is the value parser's own text (see the command's module).
            let why = reason
                .map(|(theirs, ours)| format!(": {}", ours.unwrap_or(theirs)))
                .unwrap_or_default();
            format!("ogiltigt värde '{value}' för '{arg}'{why}")
        }
        ErrorKind::MissingRequiredArgument => {
            format!("följande måste anges: {arg}")
        }
        ErrorKind::MissingSubcommand => "ett kommando måste anges".to_string(),
        // clap says an option given twice conflicts with itself.
        ErrorKind::ArgumentConflict if context(ContextKind::PriorArg) == arg => {
            format!("'{arg}' kan bara anges en gång")
        }
        ErrorKind::ArgumentConflict => format!(
            "'{arg}' kan inte anges tillsammans med '{}'",
            context(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues => format!("för många värden: '{value}' för '{arg}'"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("fel antal värden för '{arg}'")
        }
        ErrorKind::NoEquals => format!("'{arg}' skrivs med likhetstecken: {arg}=VÄRDE"),
        ErrorKind::InvalidUtf8 => "ett argument är inte giltig UTF-8-text".to_string(),
        _ => "kommandoraden kan inte tolkas".to_string(),
    };
    let mut text = format!("{}{message}\n", crate::app::error::prefix(lang));
    if !valid.is_empty() {
        text.push_str(&format!("  tillåtna värden: {valid}\n"));
    }
    let suggested = [
        context(ContextKind::SuggestedArg),
        context(ContextKind::SuggestedSubcommand),
        context(ContextKind::SuggestedValue),
    ];
    if let Some(s) = suggested.iter().find(|s| !s.is_empty()) {
        text.push_str(&format!("  menade du '{s}'?\n"));
    }
    let usage = context(ContextKind::Usage);
    let usage = usage.trim_start_matches("Usage:").trim();
    if !usage.is_empty() {
        text.push_str(&format!("\nAnvändning: {usage}\n"));
    }
    text.push_str("\nMer information: --help\n");
    text
}

/// The Swedish help template: clap's layout with Swedish headings.
const TEMPLATE_SV: &str = "{about-with-newline}\nAnvändning: {usage}\n\n{all-args}{after-help}";

fn swedish(command: clap::Command) -> clap::Command {
    let name = command.get_name().to_string();
    let mut command = translate(command, &name).mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        translate(sub, &name)
    });
    // clap adds its `help` command when the command is built; word it once it is there.
    command.build();
    const HELP_SV: &str = "Visa hjälpen för allocate eller för ett kommando";
    let mut command = command.mut_subcommand("help", |help| {
        help.about(HELP_SV)
            .help_template(TEMPLATE_SV)
            .subcommand_help_heading("Kommandon")
            .mut_subcommand("help", |inner| inner.about(HELP_SV))
    });
    // clap writes `[OPTIONS]` in every usage line and has no word for it in another language:
    // each usage line is taken as clap makes it, with the flags' Swedish name.
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, |mut sub| {
            let usage = swedish_usage(&mut sub);
            sub.override_usage(usage)
        });
    }
    let usage = swedish_usage(&mut command);
    command.override_usage(usage)
}

/// A command's usage line as clap makes it, with `[OPTIONS]` as `[FLAGGOR]`.
fn swedish_usage(command: &mut clap::Command) -> String {
    let usage = command.render_usage().to_string();
    usage
        .trim_start_matches("Usage:")
        .trim()
        .replace("[OPTIONS]", "[FLAGGOR]")
        .replace("[COMMAND]", "[KOMMANDO]")
}

/// One command in Swedish: its description, its arguments' help, the headings.
fn translate(command: clap::Command, name: &str) -> clap::Command {
    let mut command = command
        .help_template(TEMPLATE_SV)
        .subcommand_help_heading("Kommandon")
        .subcommand_value_name("KOMMANDO")
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("Visa hjälpen")
                .help_heading("Flaggor"),
        );
    if name == "allocate" {
        command = command.arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help("Visa versionen")
                .help_heading("Flaggor"),
        );
    }
    if let Some(about) = about_sv(name) {
        command = command.about(about).long_about(None::<&str>);
    }
    let positionals: Vec<String> = command
        .get_positionals()
        .map(|arg| arg.get_id().as_str().to_string())
        .collect();
    command.mut_args(|arg| {
        let id = arg.get_id().as_str().to_string();
        let heading = if arg.is_positional() {
            "Argument"
        } else {
            "Flaggor"
        };
        let arg = arg.help_heading(heading).long_help(None::<&str>);
        // Under a heading of their own, clap lists arguments by name: keep them in their order
        // on the command line (`OLD` before `NEW`).
        let arg = match positionals.iter().position(|p| *p == id) {
            Some(place) => arg.display_order(place),
            None => arg,
        };
        let takes_values = arg.get_action().takes_values();
        // The placeholders in Swedish (`--output <MAPP>`), as the messages write them.
        let shown = match arg.get_value_names() {
            Some([one]) => one.to_string(),
            _ => id.to_uppercase(),
        };
        let arg = match value_name_sv(&shown) {
            Some(sv) if takes_values || arg.is_positional() => arg.value_name(sv),
            _ => arg,
        };
        match arg_help_sv(name, &id) {
            Some(help) if takes_values => arg
                .help(help)
                .hide_possible_values(true)
                .hide_default_value(true),
            Some(help) => arg.help(help),
            None => arg,
        }
    })
}

/// A placeholder of the help in Swedish (`DIR` is `MAPP`, `FILE|ID` is `FIL|ID`), as the
/// messages write them; one that is the same in both (`PLAN`, `FORMAT`, `KR`) is kept.
fn value_name_sv(name: &str) -> Option<&'static str> {
    Some(match name {
        "ACTOR" => "AKTÖR",
        "AMOUNT" => "BELOPP",
        "AREA" => "OMRÅDE",
        "CODE" => "KOD",
        "COLOR" => "FÄRG",
        "DIALECT" => "DIALEKT",
        "DIR" => "MAPP",
        "FILE" => "FIL",
        "DIR|FILE" => "MAPP|FIL",
        "FILE|DIR" => "FIL|MAPP",
        "FILE|ID" => "FIL|ID",
        "LANG" => "SPRÅK",
        "NEW" => "NY",
        "OLD" => "GAMMAL",
        "SHELL" => "SKAL",
        "USAGE" => "REDOVISNING",
        "VIEW" => "VY",
        "YEAR" => "ÅR",
        "YYYY-MM-DD" => "ÅÅÅÅ-MM-DD",
        _ => return None,
    })
}

/// What each command does, in Swedish.
fn about_sv(command: &str) -> Option<&'static str> {
    Some(match command {
        "allocate" => {
            "Kontrollerar ett läns årliga plan för statsbidraget för psykisk hälsa och suicidprevention."
        }
        "check" => "Kontrollera att varje summa i en plan stämmer; visa alla fel på en gång",
        "report" => "Visa fördelningstabeller och fakturaunderlag för en plan som klarar `check`",
        "export" => {
            "Skriv utbetalningar, fördelningar och fakturor som CSV, XLSX eller JSON för ekonomienheten"
        }
        "split" => {
            "Fördela ett belopp på kommunerna efter en nyckel och visa uträkningen, så att vem som helst kan se varför en kommun fick en krona mer"
        }
        "diff" => {
            "Jämför två årsplaner: länets belopp, områden, aktörer och kommuner sida vid sida, tillagda, borttagna och ändrade insatser, och den angivna förändringen kontrollerad"
        }
        "init" => {
            "Börja nästa års plan från årets: aktörer, kommuner, nycklar och fokusområden behålls, tidsgränserna flyttas ett år, varje belopp lämnas som 0 tills det fylls i"
        }
        "follow-up" => {
            "Stäng året: skriv en blankett per mottagare (--forms), eller läs de ifyllda blanketterna, kontrollera dem mot planen och sammanställ vad som använts och vad som betalas tillbaka"
        }
        "explain" => {
            "Förklara en kod i check eller follow-up (stated-total, eller fel[stated-total] som check visar den), eller alla koder"
        }
        "completions" => {
            "Skriv ut kompletteringar för skalet (bash, zsh, fish, powershell, elvish)"
        }
        "man" => "Skriv ut manualsidan (roff), eller skriv en sida per kommando till en mapp",
        "generate" => {
            "Skriv en genererad nationell plan och samma pengar som journaler (för prestandamätningarna)"
        }
        _ => return None,
    })
}

/// Each argument's help in Swedish, with its values and default where it has them; by
/// command and id, then by id alone for the options every command shares.
fn arg_help_sv(command: &str, id: &str) -> Option<&'static str> {
    Some(match (command, id) {
        ("check", "plans") => {
            "Planfiler (TOML) att kontrollera; `-` läser en plan från standard input"
        }
        ("check", "deny_warnings") => "Räkna varningar som fel",
        ("check", "format") => {
            "Utdata: human (diagnoser med källrader), json (schema allocate-check/2), github (annoteringar i GitHub Actions) eller gitlab (kodkvalitetsrapport för GitLab); standard: human"
        }
        ("report" | "export", "plan") => {
            "Planfil (TOML) som klarar `check`; `-` läser planen från standard input"
        }
        ("report", "views") => {
            "Vyer att visa, i angiven ordning: payments, per-kommun, per-actor, per-heading, per-area, invoices, eller med sina svenska namn eller filernas (omraden, per-omrade); alla utom payments om ingen anges"
        }
        ("export", "out") => {
            "Mapp att skriva filerna till (skapas om den saknas); utan den, eller med -, skrivs en enda --view till standard output, med --format json utan --view hela dokumentet"
        }
        ("report", "format") => {
            "table för terminalen, eller beslutsunderlaget som dokument: html (en fristående fil), docx (Word) eller md (Markdown); standard: table"
        }
        ("report", "output") => {
            "Filen som dokumentet skrivs till; utan den, eller med -, skrivs html och md till standard output (docx behöver en fil)"
        }
        ("report", "per_recipient") => {
            "Ett fördelningsbesked per mottagare i mappen --output: HTML och DOCX, eller det enda --format som anges"
        }
        ("report", "previous") => {
            "Förra årets plan (ett tidigare år): dokumentet visar dess belopp och förändringen per område och aktör; slutstatus 1 när planens belopp för förra året inte stämmer med den"
        }
        ("report", "force") => "Ersätt filer som redan finns",
        ("export", "format") => "Filformat: csv, xlsx eller json; standard: csv",
        ("export", "csv") => {
            "CSV-dialekt: excel öppnas i svenska Excel med dubbelklick, rfc4180 är för program (texterna som i planen, inte skyddade mot formler i ett kalkylark); standard: excel"
        }
        ("export", "views") => {
            "Vyer att exportera: payments, per-kommun, per-actor, per-heading, per-area, invoices, eller med sina svenska namn eller filernas (omraden, per-omrade); alla om ingen anges"
        }
        ("export", "force") => "Ersätt filer som redan finns i mappen",
        (_, "area") => "Bara det här området (nummer)",
        (_, "actor") => "Bara den här aktören (id, namn eller kortnamn) och enheterna under den",
        (_, "kommun") => "Bara den här kommunen (kommunkod eller namn)",
        ("split", "amount") => {
            "Beloppet i kronor: 3202124, 3_202_124 eller \"3 202 124\", med decimaler \"3 202 124,5\""
        }
        ("split", "key") => {
            "En SCB-fil med folkmängd som den laddas ned (CSV, XLSX, JSON-stat2 eller PX), eller med --plan id för en av planens nycklar"
        }
        ("split", "plan") => "En plan vars kommuner och nycklar ska användas",
        ("split", "column") => "Nyckelfilens årskolumn, när den har flera (\"2024\")",
        ("split", "unit") => {
            "Avrundningsenhet i kronor: 1, 100, eller finare: 0,1, 0,01 (standard 1, eller planens enhet)"
        }
        ("split", "precision") => {
            "Räkna först om befolkningstalen till procent med så många decimaler och fördela efter dem; uträkningen visar då också fördelningen efter befolkningstalen"
        }
        ("split", "format") => {
            "Utdata: table (en tabell för människor), csv eller json för andra program; standard: table"
        }
        ("diff", "old") => "Förra årets plan (TOML); `-` läser den från standard input",
        ("diff", "format") => {
            "Utdata: table (tabeller för människor), csv, json (schema allocate-diff/2) eller md (Markdown); standard: table"
        }
        ("split" | "diff", "csv") => {
            "CSV-dialekt: excel öppnas i svenska Excel med dubbelklick, rfc4180 är för program (texterna som i planen, inte skyddade mot formler i ett kalkylark); standard: excel"
        }
        ("generate", "insatser") => {
            "Antal insatser (högst 200 000; prestandamätningarna går upp till 100 000); standard: 1 000"
        }
        ("generate", "kommuner") => {
            "Antal kommuner (högst 2 079: 99 i vart och ett av de 21 länen); standard: 290"
        }
        ("generate", "seed") => "Fröet: samma frö ger samma filer; standard: 1",
        ("generate", "short_texts") => {
            "Enradiga texter i stället för texter lika långa som i de riktiga planerna"
        }
        ("generate", "no_journals") => "Skriv bara planen, inga journaler",
        ("generate", "output") => {
            "Mappen som plan.toml, plan.journal (hledger och ledger) och plan.beancount skrivs till"
        }
        ("generate", "force") => "Ersätt filer som redan finns",
        ("diff", "new") => "Årets plan (TOML); `-` läser den från standard input",
        ("init", "from") => "Förra årets plan att utgå från",
        ("init", "year") => "Den nya planens år; standard är året efter planen i --from",
        ("init", "output") => {
            "Var den nya planen skrivs; standard är plan-ÅR.toml bredvid --from; `-` skriver den till standard output"
        }
        ("init", "force") => "Ersätt utfilen om den finns",
        ("follow-up", "plan") => {
            "Planfil (TOML) som klarar `check`; `-` läser planen från standard input"
        }
        ("follow-up", "usage") => {
            "Ifyllda blanketter (CSV, XLSX, XLS eller ODS, som kalkylprogrammet sparade dem) eller redovisningar i TOML"
        }
        ("follow-up", "forms") => {
            "Skriv en blankett per mottagare att fylla i (till --output) i stället för att läsa redovisningar"
        }
        ("follow-up", "out") => {
            "Mapp att skriva filerna till (skapas om den saknas), eller dokumentets fil med --format html|docx|md; utan den skrivs sammanställningen till standard output, som tabeller, en enda --view som CSV eller JSON, eller ett HTML- eller Markdown-dokument"
        }
        ("follow-up", "format") => {
            "Utdata: table (tabeller i terminalen; standard utan --output), csv (standard med --output), xlsx eller json, eller sammanställningen som dokument: html, docx (kräver -o FIL) eller md; blanketter skrivs som csv eller xlsx"
        }
        ("follow-up", "csv") => {
            "CSV-dialekt för sammanställningen: excel öppnas i svenska Excel med dubbelklick, rfc4180 är för program (texterna som i planen, inte skyddade mot formler i ett kalkylark); standard: excel"
        }
        ("follow-up", "views") => {
            "Delar av sammanställningen: recipients, areas, insatser, repayment, lines, eller med sina svenska namn eller filernas (omraden, uppfoljning-omraden); alla om ingen anges (terminalen utelämnar lines)"
        }
        ("follow-up", "final_report") => {
            "Slutlig uppföljning: en rad som ingen redovisat är ett fel, inte en varning"
        }
        ("follow-up", "date") => {
            "Dagens datum (ÅÅÅÅ-MM-DD): när planens tidsgräns use_reported har passerat är en rad som ingen redovisat ett fel"
        }
        ("follow-up", "force") => "Ersätt filer som redan finns i mappen",
        ("explain", "code") => {
            "Koden att förklara, som check visar den (stated-total eller fel[stated-total]); alla koder om ingen anges"
        }
        ("completions", "shell") => "Skalet: bash, elvish, fish, powershell eller zsh",
        ("man", "dir") => {
            "Skriv allocate.1 och en sida per kommando till den här mappen (skapas om den saknas)"
        }
        ("man", "force") => "Ersätt sidor som redan finns i mappen",
        ("man", "lang") => {
            "Språk för meddelanden: sv (svenska) eller en (engelska); sidorna själva är på engelska; standard: ALLOCATE_LANG i miljön, annars sv"
        }
        (_, "lang") => {
            "Språk för meddelanden och tabeller: sv (svenska) eller en (engelska); standard: ALLOCATE_LANG i miljön, annars sv"
        }
        (_, "color") => {
            "När utdata färgas: auto (bara i en terminal, aldrig med NO_COLOR satt eller TERM=dumb), always eller never; standard: auto"
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<std::ffi::OsString> {
        list.iter().map(Into::into).collect()
    }

    #[test]
    fn the_swedish_command_line_is_valid_and_every_argument_is_translated() {
        let mut command = command(Lang::Sv);
        command.build();
        command.clone().debug_assert();
        let mut missing = Vec::new();
        for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
            assert!(about_sv(sub.get_name()).is_some(), "{}", sub.get_name());
            for arg in sub.get_arguments() {
                let id = arg.get_id().as_str();
                if id != "help" && arg_help_sv(sub.get_name(), id).is_none() {
                    missing.push(format!("{} {id}", sub.get_name()));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "arguments without Swedish help (add them to arg_help_sv): {missing:?}"
        );
    }

    #[test]
    fn the_language_of_help_is_found_before_parsing() {
        assert_eq!(
            usage_lang(&args(&["allocate", "check", "--help"])),
            Lang::Sv
        );
        assert_eq!(
            usage_lang(&args(&["allocate", "check", "--lang", "en", "--help"])),
            Lang::En
        );
        assert_eq!(
            usage_lang(&args(&["allocate", "report", "--lang=en", "-x"])),
            Lang::En
        );
        assert_eq!(
            usage_lang(&args(&["allocate", "check", "--", "--lang", "en"])),
            Lang::Sv
        );
    }

    #[test]
    fn a_lang_before_the_command_is_moved_after_it_and_dropped_where_nothing_takes_it() {
        let moved = |list: &[&str]| lang_after_command(args(list), |name| name != "man");
        assert_eq!(
            moved(&["allocate", "--lang", "en", "check", "plan.toml"]),
            args(&["allocate", "check", "--lang", "en", "plan.toml"])
        );
        assert_eq!(
            moved(&["allocate", "--lang=en", "report", "-v", "per-kommun"]),
            args(&["allocate", "report", "--lang=en", "-v", "per-kommun"])
        );
        assert_eq!(
            moved(&["allocate", "--lang", "en", "--help"]),
            args(&["allocate", "--help"])
        );
        assert_eq!(
            moved(&["allocate", "help", "check", "--lang", "en"]),
            args(&["allocate", "help", "check"])
        );
        assert_eq!(
            moved(&["allocate", "check", "--", "--lang", "en"]),
            args(&["allocate", "check", "--", "--lang", "en"])
        );
        assert_eq!(
            moved(&["allocate", "--", "--lang", "en"]),
            args(&["allocate", "--", "--lang", "en"])
        );
        // A command without `--lang` (here `man`, as `completions` is): it is left out,
        // before the command or after it.
        assert_eq!(
            moved(&["allocate", "--lang", "en", "man"]),
            args(&["allocate", "man"])
        );
        assert_eq!(
            moved(&["allocate", "man", "--lang=en", "--help"]),
            args(&["allocate", "man", "--help"])
        );
        // Given after the command as well: that one is taken, the one before it left out.
        assert_eq!(
            moved(&[
                "allocate", "--lang", "en", "check", "--lang", "sv", "p.toml"
            ]),
            args(&["allocate", "check", "--lang", "sv", "p.toml"])
        );
    }
}
