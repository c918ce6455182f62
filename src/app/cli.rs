//! The command line: the top-level parser and its commands. Each command's own arguments are
//! in its module (`commands/`), with its help text on top; the options they share are in
//! `options`.

use crate::say;
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
/// translated here; in both, each usage line as the help writes it.
pub fn command(lang: Lang) -> clap::Command {
    use clap::CommandFactory;
    let command = Cli::command();
    let command = match lang {
        Lang::En => command,
        Lang::Sv => swedish(command),
    };
    fixed_usage(command, lang)
}

/// Every usage line as the help writes it (`allocate check [OPTIONS] <PLAN>...`), also in a
/// usage error: clap would write the options that were given in place of `[OPTIONS]`
/// (`allocate check --lang <LANG> <PLAN>...`, tester s33 C19). In Swedish, `[OPTIONS]` is
/// `[FLAGGOR]`: clap has no word for it in another language.
fn fixed_usage(mut command: clap::Command, lang: Lang) -> clap::Command {
    let words = |usage: String| match lang {
        Lang::En => usage,
        Lang::Sv => usage
            .replace("[OPTIONS]", "[FLAGGOR]")
            .replace("[COMMAND]", "[KOMMANDO]"),
    };
    // clap adds its `help` command when the command is built; its usage line is fixed too.
    command.build();
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, |mut sub| {
            let usage = words(usage_line(&mut sub));
            sub.override_usage(usage)
        });
    }
    let usage = words(usage_line(&mut command));
    command.override_usage(usage)
}

/// A command's usage line as clap makes it for its help, without the heading.
fn usage_line(command: &mut clap::Command) -> String {
    command
        .render_usage()
        .to_string()
        .trim_start_matches("Usage:")
        .trim()
        .to_string()
}

/// `allocate help COMMAND …` as `allocate COMMAND --help …`, and `allocate help --help` as
/// `allocate help help`: the same help, but a misspelt command gets the suggestion the top
/// level gives (`help chek`: "menade du 'check'?"), and asking `help` for its help shows it
/// (tester s36: both were usage errors).
fn help_as_flag(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    // Past the options that may stand before the command (`--lang en`), each with its value.
    let past_options = |args: &[std::ffi::OsString], mut at: usize| {
        while let Some(arg) = args.get(at).map(|a| a.to_string_lossy().into_owned()) {
            match arg.as_str() {
                "--lang" | "--color" => at += 2,
                _ if arg.starts_with("--lang=") || arg.starts_with("--color=") => at += 1,
                _ => break,
            }
        }
        at.min(args.len())
    };
    // `help`'s place: after those options (`allocate --lang en help chek`).
    let mut at = past_options(&args, 1);
    if args.get(at).is_none_or(|a| a != "help") {
        return args;
    }
    // Those options after `help` (`help --lang en chek`, tester s37) go after the command.
    let after = past_options(&args, at + 1);
    let moved: Vec<std::ffi::OsString> = args.drain(at + 1..after).collect();
    let Some(next) = args.get(at + 1).cloned() else {
        args.extend(moved);
        return args;
    };
    if next == "--help" || next == "-h" {
        if let Some(flag) = args.get_mut(at + 1) {
            *flag = "help".into();
        }
    } else if next != "help" && !next.to_string_lossy().starts_with('-') {
        args.remove(at);
        args.insert(at + 1, "--help".into());
        // Between `COMMAND` and `--help`, so that a wrong value is an error before help is
        // shown (`help --lang xx check` printed help and exited 0).
        at += 1;
    }
    // Else before `help help`, where `--lang` may stand.
    args.splice(at..at, moved);
    args
}

/// Parses the command line, with help and usage errors in the language it asks for.
pub fn parse() -> Result<Cli, (clap::Error, Lang)> {
    use clap::FromArgMatches;
    let args = help_as_flag(std::env::args_os().collect());
    let lang = usage_lang(&args);
    let mut command = command(lang);
    let args = lang_after_command(args, |name| {
        command
            .find_subcommand(name)
            .is_some_and(|sub| sub.get_arguments().any(|a| a.get_id() == "lang"))
    });
    let matches = command
        .try_get_matches_from_mut(args)
        .map_err(|e| (without_hidden(e.with_cmd(&command)), lang))?;
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

/// The commands a usage error suggests, without the hidden one (`generate`, for the
/// benchmarks; tester s37: `genrate` was told "menade du 'generate'?").
fn without_hidden(mut error: clap::Error) -> clap::Error {
    use clap::error::{ContextKind, ContextValue};
    if let Some(ContextValue::Strings(list)) = error.get(ContextKind::SuggestedSubcommand) {
        let kept: Vec<String> = (list.iter())
            .filter(|s| s.as_str() != "generate")
            .cloned()
            .collect();
        match kept.is_empty() {
            true => error.remove(ContextKind::SuggestedSubcommand),
            false => error.insert(
                ContextKind::SuggestedSubcommand,
                ContextValue::Strings(kept),
            ),
        };
    }
    error
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

/// A usage error (or the help or version asked for) as the user reads it: the help and
/// version as clap draws them (in Swedish with Swedish headings), and an error in our words in
/// either language, with what was meant, the nearest first, and never clap's tip to write
/// `-- --strict` (which makes `--strict` a plan's name).
pub fn usage_error(error: &clap::Error, lang: Lang) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    // The reason a number was refused, in our words (clap's are the standard library's).
    let reason = std::error::Error::source(error).map(|e| (e.to_string(), number_reason(e, lang)));
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let text = unquoted(error, error.render().to_string());
        return match lang {
            Lang::Sv => swedish_help_words(&text),
            Lang::En => text,
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
        ErrorKind::UnknownArgument => say!(
            lang,
            "okänd flagga eller okänt argument '{arg}'",
            "unexpected argument '{arg}' found"
        ),
        ErrorKind::InvalidSubcommand => {
            let command = context(ContextKind::InvalidSubcommand);
            say!(
                lang,
                "okänt kommando '{command}'",
                "unrecognized subcommand '{command}'"
            )
        }
        ErrorKind::InvalidValue if value.is_empty() => say!(
            lang,
            "ett värde krävs för '{arg}', men inget angavs",
            "a value is required for '{arg}' but none was supplied"
        ),
        ErrorKind::InvalidValue => say!(
            lang,
            "ogiltigt värde '{value}' för '{arg}'",
            "invalid value '{value}' for '{arg}'"
        ),
        ErrorKind::ValueValidation => {
            // The reason is the value parser's own text (see the command's module).
            let why = reason
                .map(|(theirs, ours)| format!(": {}", ours.unwrap_or(theirs)))
                .unwrap_or_default();
            say!(
                lang,
                "ogiltigt värde '{value}' för '{arg}'{why}",
                "invalid value '{value}' for '{arg}'{why}"
            )
        }
        ErrorKind::MissingRequiredArgument => say!(
            lang,
            "följande måste anges: {arg}",
            "the following required arguments were not provided: {arg}"
        ),
        ErrorKind::MissingSubcommand => lang
            .pick("ett kommando måste anges", "a command is required")
            .to_string(),
        // clap says an option given twice conflicts with itself.
        ErrorKind::ArgumentConflict if context(ContextKind::PriorArg) == arg => say!(
            lang,
            "'{arg}' kan bara anges en gång",
            "the argument '{arg}' cannot be used multiple times"
        ),
        ErrorKind::ArgumentConflict => {
            let prior = context(ContextKind::PriorArg);
            say!(
                lang,
                "'{arg}' kan inte anges tillsammans med '{prior}'",
                "the argument '{arg}' cannot be used with '{prior}'"
            )
        }
        ErrorKind::TooManyValues => say!(
            lang,
            "för många värden: '{value}' för '{arg}'",
            "too many values: '{value}' for '{arg}'"
        ),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => say!(
            lang,
            "fel antal värden för '{arg}'",
            "wrong number of values for '{arg}'"
        ),
        ErrorKind::NoEquals => say!(
            lang,
            "'{arg}' skrivs med likhetstecken: {arg}=VÄRDE",
            "'{arg}' is written with an equals sign: {arg}=VALUE"
        ),
        ErrorKind::InvalidUtf8 => lang
            .pick(
                "ett argument är inte giltig UTF-8-text",
                "an argument is not valid UTF-8 text",
            )
            .to_string(),
        _ => lang
            .pick(
                "kommandoraden kan inte tolkas",
                "the command line cannot be read",
            )
            .to_string(),
    };
    let mut text = format!("{}{message}\n", crate::app::error::prefix(lang));
    if !valid.is_empty() {
        text.push_str(&say!(
            lang,
            "  tillåtna värden: {valid}\n",
            "  [possible values: {valid}]\n"
        ));
    }
    let usage = context(ContextKind::Usage);
    let usage = usage.trim_start_matches("Usage:").trim();
    // Each suggestion quoted on its own, the nearest first (clap lists it last): "menade du
    // 'report' eller 'export'?".
    let suggested = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .map(|kind| match error.get(kind) {
        Some(ContextValue::Strings(list)) => list.iter().rev().map(|s| format!("'{s}'")).collect(),
        _ => Some(context(kind))
            .filter(|s| !s.is_empty())
            .map(|s| format!("'{s}'"))
            .into_iter()
            .collect::<Vec<String>>(),
    })
    .find(|list| !list.is_empty())
    .or_else(|| {
        // clap's tip that an option goes after a command (`'check --deny-warnings' exists`);
        // not its tip to write `-- --strict`, which makes `--strict` a plan's name.
        let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) else {
            return None;
        };
        let meant: Vec<String> = (tips.iter())
            .filter_map(|tip| {
                let tip = tip.to_string();
                let quoted = tip.strip_suffix(" exists")?;
                (quoted.len() > 2 && quoted.starts_with('\'') && quoted.ends_with('\''))
                    .then(|| quoted.to_string())
            })
            .collect();
        (!meant.is_empty()).then_some(meant)
    })
    .or_else(|| {
        // Other tools' names for failing on warnings, where the command has ours.
        let strict = [
            "--strict",
            "--werror",
            "--warnings-as-errors",
            "--pedantic",
            "-W",
        ];
        (error.kind() == ErrorKind::UnknownArgument
            && strict.contains(&arg.as_str())
            && usage.starts_with("allocate check "))
        .then(|| vec!["'--deny-warnings'".to_string()])
    });
    if let Some(list) = suggested {
        let list = crate::output::words::either_first(&list, list.len(), lang);
        text.push_str(&say!(
            lang,
            "  menade du {list}?\n",
            "  did you mean {list}?\n"
        ));
    }
    if !usage.is_empty() {
        text.push_str(&say!(lang, "\nAnvändning: {usage}\n", "\nUsage: {usage}\n"));
    }
    text.push_str(lang.pick(
        "\nMer information: --help\n",
        "\nFor more information, try '--help'.\n",
    ));
    text
}

/// The Swedish help template: clap's layout with Swedish headings.
const TEMPLATE_SV: &str = "{about-with-newline}\nAnvändning: {usage}\n\n{all-args}{after-help}";

/// clap's own words in the help it draws, which no template reaches: the headings of the values
/// an option takes and of its default, in Swedish (`[standard: csv]`), as the usage errors
/// word them (`tillåtna värden`).
fn swedish_help_words(text: &str) -> String {
    [
        ("Possible values:", "Tillåtna värden:"),
        ("[possible values: ", "[tillåtna värden: "),
        ("[default: ", "[standard: "),
    ]
    .iter()
    .fold(text.to_string(), |text, (en, sv)| text.replace(en, sv))
}

fn swedish(command: clap::Command) -> clap::Command {
    let name = command.get_name().to_string();
    let mut command = translate(command, &name).mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        translate(sub, &name)
    });
    // clap adds its `help` command when the command is built; word it once it is there.
    command.build();
    const HELP_SV: &str = "Visa hjälpen för allocate eller för ett kommando";
    command.mut_subcommand("help", |help| {
        help.about(HELP_SV)
            .help_template(TEMPLATE_SV)
            .subcommand_help_heading("Kommandon")
            .mut_subcommand("help", |inner| inner.about(HELP_SV))
    })
}

/// Whether a command's `--help` says more than its `-h`, as clap decides it: a longer
/// description, or an argument with a longer help or with values that have a help each.
fn says_more_with_long_help(command: &clap::Command) -> bool {
    command.get_long_about().is_some()
        || command.get_arguments().any(|arg| {
            !arg.is_hide_set()
                && (arg.get_long_help().is_some()
                    || arg.is_hide_long_help_set()
                    || arg.is_hide_short_help_set()
                    || (!arg.is_hide_possible_values_set()
                        && arg
                            .get_possible_values()
                            .iter()
                            .any(|v| !v.is_hide_set() && v.get_help().is_some())))
        })
}

/// One command in Swedish: its description, its arguments' help and values, the headings.
fn translate(command: clap::Command, name: &str) -> clap::Command {
    let mut command = command
        .help_template(TEMPLATE_SV)
        .subcommand_help_heading("Kommandon")
        .subcommand_value_name("KOMMANDO")
        .disable_help_flag(true)
        .disable_version_flag(true);
    if let Some(about) = about_sv(name) {
        command = command.about(about).long_about(None::<&str>);
    }
    let positionals: Vec<String> = command
        .get_positionals()
        .map(|arg| arg.get_id().as_str().to_string())
        .collect();
    command = command.mut_args(|arg| {
        let id = arg.get_id().as_str().to_string();
        let heading = if arg.is_positional() {
            "Argument"
        } else {
            "Flaggor"
        };
        let arg = arg.help_heading(heading);
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
        // The values listed with what each is, in Swedish, as English lists them.
        let arg = swedish_values(arg);
        let arg = match arg_help_sv(name, &id) {
            Some(help) => arg.help(help),
            None => arg,
        };
        arg.long_help(arg_long_help_sv(name, &id))
    });
    // `-h` says that `--help` says more, where it does, as clap's English does.
    let (short, long) = if says_more_with_long_help(&command) {
        (
            "Visa hjälpen (mer med --help)",
            Some("Visa hjälpen (en sammanfattning med -h)"),
        )
    } else {
        ("Visa hjälpen", None)
    };
    command = command.arg(
        clap::Arg::new("help")
            .short('h')
            .long("help")
            .action(clap::ArgAction::Help)
            .help(short)
            .long_help(long)
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
    command
}

/// A choice's values in Swedish: what each is, for `--help`, where English says it.
trait SwedishValue: clap::ValueEnum + Clone + Send + Sync + 'static {
    fn help_sv(&self) -> &'static str;
}

impl SwedishValue for Lang {
    fn help_sv(&self) -> &'static str {
        match self {
            Lang::Sv => "Svenska",
            Lang::En => "Engelska",
        }
    }
}

impl SwedishValue for crate::output::csv::Dialect {
    fn help_sv(&self) -> &'static str {
        use crate::output::csv::Dialect;
        match self {
            Dialect::Excel => "Svenska Excel: `;`, UTF-8 med BOM, decimalkomma",
            Dialect::Rfc4180 => "RFC 4180: `,`, utan BOM, decimalpunkt",
        }
    }
}

impl SwedishValue for commands::check::CheckFormat {
    fn help_sv(&self) -> &'static str {
        use commands::check::CheckFormat;
        match self {
            CheckFormat::Human => {
                "Fynden för människor, med raden ur planen och ^ under det som är fel"
            }
            CheckFormat::Json => "Ett JSON-dokument (schema allocate-check/2)",
            CheckFormat::Github => {
                "Arbetsflödeskommandon för GitHub Actions (`::error file=…,line=…::…`)"
            }
            CheckFormat::Gitlab => "En kodkvalitetsrapport för GitLab (JSON)",
        }
    }
}

impl SwedishValue for commands::report::ReportFormat {
    fn help_sv(&self) -> &'static str {
        use commands::report::ReportFormat;
        match self {
            ReportFormat::Table => "Tabeller för terminalen",
            ReportFormat::Html => "Beslutsunderlaget som en fristående HTML-fil",
            ReportFormat::Docx => "Beslutsunderlaget som ett Word-dokument",
            ReportFormat::Md => "Beslutsunderlaget som Markdown (tabeller som GitHub visar dem)",
        }
    }
}

impl SwedishValue for commands::export::ExportFormat {
    fn help_sv(&self) -> &'static str {
        use commands::export::ExportFormat;
        match self {
            ExportFormat::Csv => "En CSV-fil per vy",
            ExportFormat::Xlsx => "En arbetsbok med ett blad per vy",
            ExportFormat::Json => {
                "Den tolkade planen och varje vy i ett dokument (schema allocate-export/4); med --view varje vys del i en egen fil"
            }
        }
    }
}

impl SwedishValue for commands::diff::DiffFormat {
    fn help_sv(&self) -> &'static str {
        use commands::diff::DiffFormat;
        match self {
            DiffFormat::Table => "Tabeller i terminalen",
            DiffFormat::Csv => {
                "En rad per jämförd rad och per insats som ändrats, lagts till eller tagits bort"
            }
            DiffFormat::Json => "Hela jämförelsen (schema allocate-diff/2)",
            DiffFormat::Md => "Tabeller i Markdown",
        }
    }
}

impl SwedishValue for commands::followup::FollowUpFormat {
    fn help_sv(&self) -> &'static str {
        use commands::followup::FollowUpFormat;
        match self {
            FollowUpFormat::Table => "Tabeller i terminalen",
            FollowUpFormat::Csv => "CSV: en fil per del (blanketter: en per mottagare)",
            FollowUpFormat::Xlsx => {
                "En arbetsbok med ett blad per del (blanketter: en per mottagare)"
            }
            FollowUpFormat::Json => {
                "Sammanställningen som ett dokument (schema allocate-follow-up/2)"
            }
            FollowUpFormat::Html => "Sammanställningen som dokument: en fristående HTML-fil",
            FollowUpFormat::Docx => "Sammanställningen som ett Word-dokument (kräver --output FIL)",
            FollowUpFormat::Md => "Sammanställningen som Markdown (tabeller som GitHub visar dem)",
        }
    }
}

/// The value parser of a choice whose values `--help` lists in Swedish: it parses as
/// English's does (the same type, the same names), and lists the values with their Swedish
/// help.
#[derive(Clone)]
struct SwedishValues<T: SwedishValue>(clap::builder::EnumValueParser<T>);

impl<T: SwedishValue> clap::builder::TypedValueParser for SwedishValues<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        self.0.parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(T::value_variants().iter().filter_map(|value| {
            Some(value.to_possible_value()?.help(value.help_sv()))
        })))
    }
}

/// An argument whose values English `--help` lists with what each is, with the same values
/// and their Swedish help: by the type it parses to, so that every such choice is found
/// (a test holds that none is left in English).
fn swedish_values(arg: clap::Arg) -> clap::Arg {
    use crate::app::options::{Named, named_in};
    use clap::builder::ValueParser;
    use std::any::TypeId;
    fn choice<T: SwedishValue>() -> ValueParser {
        ValueParser::new(SwedishValues::<T>(clap::builder::EnumValueParser::new()))
    }
    fn named<T: Named>() -> ValueParser {
        ValueParser::new(named_in::<T>(Lang::Sv))
    }
    let parsers: [(TypeId, fn() -> ValueParser); 9] = [
        (TypeId::of::<Lang>(), choice::<Lang>),
        (
            TypeId::of::<crate::output::csv::Dialect>(),
            choice::<crate::output::csv::Dialect>,
        ),
        (
            TypeId::of::<commands::check::CheckFormat>(),
            choice::<commands::check::CheckFormat>,
        ),
        (
            TypeId::of::<commands::report::ReportFormat>(),
            choice::<commands::report::ReportFormat>,
        ),
        (
            TypeId::of::<commands::export::ExportFormat>(),
            choice::<commands::export::ExportFormat>,
        ),
        (
            TypeId::of::<commands::diff::DiffFormat>(),
            choice::<commands::diff::DiffFormat>,
        ),
        (
            TypeId::of::<commands::followup::FollowUpFormat>(),
            choice::<commands::followup::FollowUpFormat>,
        ),
        (
            TypeId::of::<crate::core::report::View>(),
            named::<crate::core::report::View>,
        ),
        (
            TypeId::of::<crate::core::followup::summary::Part>(),
            named::<crate::core::followup::summary::Part>,
        ),
    ];
    let parses_to = arg.get_value_parser().type_id();
    match parsers.iter().find(|(id, _)| parses_to == *id) {
        Some((_, parser)) => arg.value_parser(parser()),
        None => arg,
    }
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
            "Fördela ett belopp på kommunerna efter en nyckel och visa uträkningen (vikter, exakta kvoter, nedrundade belopp, rester, ordning), så att vem som helst kan se varför en kommun fick en krona mer"
        }
        "diff" => {
            "Jämför två årsplaner: länets belopp, områden, aktörer och kommuner sida vid sida, tillagda, borttagna och ändrade insatser, och den angivna förändringen kontrollerad"
        }
        "init" => {
            "Påbörja nästa års plan utifrån årets: aktörer, kommuner, nycklar och fokusområden behålls, tidsgränserna flyttas ett år framåt, och varje belopp lämnas som 0 och visas av `check` tills det fyllts i"
        }
        "follow-up" => {
            "Årets uppföljning: skriv en blankett per mottagare (--forms), eller läs de ifyllda blanketterna, kontrollera dem mot planen och sammanställ vad som använts och vad som betalas tillbaka"
        }
        "explain" => {
            "Förklara koden för ett fynd i `check` eller `follow-up` (stated-total, eller fel[stated-total] som `check` visar den; error[stated-total] på engelska), eller alla koder"
        }
        "completions" => {
            "Skriv ut tab-komplettering för skalet (bash, zsh, fish, powershell, elvish) till skärmen (standard output)"
        }
        "man" => {
            "Skriv ut manualsidan (roff) till skärmen (standard output), eller skriv en sida per kommando till en mapp"
        }
        "generate" => {
            "Skriv en genererad nationell plan och samma pengar som journaler (för prestandamätningarna)"
        }
        _ => return None,
    })
}

/// The dialects of `--csv`, the same for every command that writes CSV.
const CSV_SV: &str = "CSV-dialekt: excel öppnas i svenska Excel med dubbelklick; rfc4180 är för program (fasta engelska rubriker och värden, oavsett --lang, och varje text som planen skriver den: inte skyddad mot formler i ett kalkylark). Bara med --format csv";

/// Each argument's help in Swedish, as English says it (the values an option takes, and its
/// default, clap lists after it, as in English); by command and id, then by id alone for the
/// options every command shares.
fn arg_help_sv(command: &str, id: &str) -> Option<&'static str> {
    Some(match (command, id) {
        ("check", "plans") => {
            "Planfiler (TOML) att kontrollera; `-` läser en plan från standard in (stdin)"
        }
        ("check", "deny_warnings") => "Räkna varningar som fel",
        ("check", "format") => {
            "Utdata: human (fynd med raden ur planen), json (schema allocate-check/2), github (annoteringar i GitHub Actions) eller gitlab (kodkvalitetsrapport för GitLab)"
        }
        ("report", "plan") => {
            "Planfil (TOML) som ska klara `check` (annars skrivs dokumentet som ett utkast); `-` läser planen från standard in (stdin)"
        }
        ("export", "plan") => {
            "Planfil (TOML) som klarar `check`; `-` läser planen från standard in (stdin)"
        }
        ("report", "views") => {
            "Vyer att visa, i angiven ordning; alla utom payments om ingen anges. En vy kan också anges med sitt svenska namn eller med filens namn, till exempel omraden eller per-omrade för per-area (--help visar alla namn)"
        }
        ("export", "out") => {
            "Mapp att skriva filerna till (skapas om den saknas). Utan den, eller med -, skrivs en enda --view till skärmen (standard output); som JSON utan --view hela dokumentet. (--out är ett äldre namn på flaggan.)"
        }
        ("report", "format") => {
            "table för terminalen (standard), eller beslutsunderlaget som dokument: html (en fristående fil), docx (Word) eller md (Markdown); utan den skriver -o med namn på .html, .docx eller .md det dokumentet"
        }
        ("report", "output") => {
            "Skriv dokumentet till FIL (med --per-recipient: beskeden till mappen MAPP, som skapas om den saknas); utan den, eller med -, skrivs HTML och Markdown till skärmen (standard output), och DOCX behöver en fil"
        }
        ("report", "per_recipient") => {
            "Ett fördelningsbesked per mottagare i mappen --output MAPP: HTML och DOCX, eller det enda --format som anges. (Ett besked visar årets del; --previous gäller beslutsunderlaget.)"
        }
        ("report", "previous") => {
            "Förra årets plan (ett tidigare år): dokumentet visar också dess belopp och förändringen per område och aktör; slutkod 1 när planens belopp för förra året inte stämmer med den"
        }
        ("report", "force") => "Ersätt filer som redan finns",
        ("export", "format") => "Filformat",
        ("export" | "split" | "diff", "csv") => CSV_SV,
        ("export", "views") => {
            "Vyer att exportera; alla om ingen anges. En vy kan också anges med sitt svenska namn eller med filens namn, till exempel omraden eller per-omrade för per-area (--help visar alla namn)"
        }
        ("export", "force") => "Ersätt filer som redan finns i mappen",
        (_, "area") => "Bara det här området (nummer)",
        (_, "actor") => "Bara den här aktören (id, namn eller kortnamn) och enheterna under den",
        (_, "kommun") => "Bara den här kommunen (kommunkod eller namn)",
        ("split", "amount") => {
            "Beloppet i kronor: 3202124, 3_202_124 eller \"3 202 124\", med decimaler \"3 202 124,5\""
        }
        ("split", "key") => {
            "En SCB-fil med folkmängd som den laddas ned (CSV, XLSX, JSON-stat2 eller PX), eller med --plan id:t för en av planens nycklar"
        }
        ("split", "plan") => "En plan vars kommuner och nycklar ska användas",
        ("split", "column") => "Året att läsa ur nyckelfilen, när den har flera (\"2024\")",
        ("split", "unit") => {
            "Avrundningsenhet i kronor: 1, 100, eller finare: 0,1, 0,01 (standard 1, eller planens enhet)"
        }
        ("split", "precision") => {
            "Räkna först om befolkningstalen till procent med så många decimaler och fördela efter dem; uträkningen visar då också fördelningen efter befolkningstalen"
        }
        ("split", "format") => {
            "Utdata: en tabell för människor, eller csv eller json för andra program"
        }
        ("diff", "old") => "Förra årets plan (TOML); `-` läser den från standard in (stdin)",
        ("diff", "new") => "Årets plan (TOML); `-` läser den från standard in (stdin)",
        ("diff", "format") => {
            "Utdata: tabeller för människor (standard), csv eller json för andra program, md (Markdown) för ett dokument eller ett ärende (issue)"
        }
        ("generate", "insatser") => {
            "Antal insatser (högst 200 000; prestandamätningarna går upp till 100 000)"
        }
        ("generate", "kommuner") => {
            "Antal kommuner (högst 2 079: 99 i vart och ett av de 21 länen)"
        }
        ("generate", "seed") => "Fröet: samma frö ger samma filer",
        ("generate", "short_texts") => {
            "Enradiga texter i stället för texter lika långa som i de riktiga planerna"
        }
        ("generate", "no_journals") => "Skriv bara planen, inga journaler",
        ("generate", "output") => {
            "Mappen som plan.toml, plan.journal (hledger och ledger) och plan.beancount skrivs till"
        }
        ("generate", "force") => "Ersätt filer som redan finns",
        ("init", "from") => "Förra årets plan att utgå från (eller --example)",
        ("init", "example") => {
            "Utgå från planen som följer med allocate, Jämtlands läns plan för 2026, i stället för --from: för ett län som börjar med allocate, och som sedan byter ut det som är Jämtlands (README: \"A plan for another county\")"
        }
        ("init", "year") => {
            "Den nya planens år, efter året i planen som den utgår från; standard är året efter det"
        }
        ("init", "output") => {
            "Var den nya planen skrivs; standard är plan-ÅR.toml bredvid --from (med --example i den aktuella mappen). `-` skriver den till skärmen (standard output)"
        }
        ("init", "force") => "Ersätt filen om den redan finns",
        ("follow-up", "plan") => {
            "Planfil (TOML) som ska klara `check`; `-` läser planen från standard in (stdin)"
        }
        ("follow-up", "usage") => {
            "Ifyllda blanketter (CSV, XLSX, XLS eller ODS, som kalkylprogrammet sparade dem) eller redovisningar i TOML"
        }
        ("follow-up", "forms") => {
            "Skriv en blankett per mottagare att fylla i (till --output) i stället för att läsa redovisningar"
        }
        ("follow-up", "out") => {
            "Mapp att skriva till (skapas om den saknas); med --format html|docx|md dokumentets fil, och utan --format skriver ett namn på .html, .docx eller .md det dokumentet. Utan den skrivs sammanställningen till skärmen (standard output): som tabeller, en enda --view som CSV eller JSON, eller ett HTML- eller Markdown-dokument. (--out är ett äldre namn på flaggan.)"
        }
        ("follow-up", "format") => {
            "Utdataformat: table i terminalen (standard utan --output), eller filer (csv, standard med --output; xlsx; json), eller sammanställningen som dokument (html, docx, md). Blanketter skrivs som csv eller xlsx"
        }
        ("follow-up", "csv") => {
            "CSV-dialekt för sammanställningen: excel öppnas i svenska Excel med dubbelklick; rfc4180 är för program (fasta engelska rubriker och värden, oavsett --lang, och varje text som planen skriver den: inte skyddad mot formler i ett kalkylark). Bara med --format csv"
        }
        ("follow-up", "views") => {
            "Delar av sammanställningen; alla om ingen anges (terminalen utelämnar lines). En del kan också anges med sitt svenska namn eller med filens namn, till exempel omraden eller uppfoljning-omraden för areas (--help visar alla namn)"
        }
        ("follow-up", "final_report") => {
            "Slutlig uppföljning: en rad som ingen redovisat är ett fel, inte en varning"
        }
        ("follow-up", "date") => {
            "Dagens datum: när tidsgränsen för redovisningen (use_reported) i planen har passerat är en rad som ingen redovisat ett fel"
        }
        ("follow-up", "force") => "Ersätt filer som redan finns i mappen",
        ("explain", "code") => {
            "Koden att förklara, som `check` visar den (stated-total, fel[stated-total] eller på engelska error[stated-total]); alla koder om ingen anges"
        }
        ("completions", "shell") => "Skalet att komplettera för",
        ("man", "dir") => {
            "Skriv allocate.1 och en sida per kommando till den här mappen (skapas om den saknas)"
        }
        ("man", "force") => "Ersätt sidor som redan finns i mappen",
        ("man", "lang") => {
            "Språk för meddelanden (sidorna själva är på engelska); utan --lang gäller ALLOCATE_LANG i miljön, annars sv"
        }
        (_, "lang") => {
            "Språk för meddelanden och tabeller; utan --lang gäller ALLOCATE_LANG i miljön, annars sv"
        }
        (_, "color") => {
            "När utdata färgas. auto färgar bara i en terminal, och aldrig när NO_COLOR är satt eller TERM=dumb"
        }
        _ => return None,
    })
}

/// The longer help of `--help`, in Swedish, where it says more than `-h` does: the names of
/// the views are listed with each view below it, so `--help` does not list them twice.
fn arg_long_help_sv(command: &str, id: &str) -> Option<&'static str> {
    Some(match (command, id) {
        ("report", "views") => {
            "Vyer att visa, i angiven ordning; alla utom payments om ingen anges. En vy kan också anges med sitt svenska namn eller med filens namn, som står inom parentes efter varje vy nedan"
        }
        ("export", "views") => {
            "Vyer att exportera; alla om ingen anges. En vy kan också anges med sitt svenska namn eller med filens namn, som står inom parentes efter varje vy nedan"
        }
        ("follow-up", "views") => {
            "Delar av sammanställningen; alla om ingen anges (terminalen utelämnar lines). En del kan också anges med sitt svenska namn eller med filens namn, som står inom parentes efter varje del nedan"
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

    /// Swedish `--help` says of each argument what English says (tester s33 B1): the same
    /// values, each with a help of its own where English has one, in Swedish; the same
    /// defaults shown; a longer help where English has one.
    #[test]
    fn swedish_help_lists_every_value_english_help_lists() {
        let mut english = command(Lang::En);
        english.build();
        let swedish = command(Lang::Sv);
        let values = |arg: &clap::Arg| -> Vec<(String, Option<String>)> {
            arg.get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| {
                    (
                        v.get_name().to_string(),
                        v.get_help().map(|h| h.to_string()),
                    )
                })
                .collect()
        };
        let mut described = 0;
        for en_sub in english.get_subcommands() {
            let name = en_sub.get_name();
            let Some(sv_sub) = swedish.find_subcommand(name) else {
                panic!("no Swedish {name}");
            };
            for en_arg in en_sub.get_arguments() {
                let id = en_arg.get_id();
                let Some(sv_arg) = sv_sub.get_arguments().find(|a| a.get_id() == id) else {
                    panic!("no Swedish {name} {id}");
                };
                let (en, sv) = (values(en_arg), values(sv_arg));
                let names = |list: &[(String, Option<String>)]| -> Vec<String> {
                    list.iter().map(|(n, _)| n.clone()).collect()
                };
                assert_eq!(names(&en), names(&sv), "{name} {id}");
                if en.iter().any(|(_, help)| help.is_some()) {
                    described += 1;
                    assert!(
                        sv.iter().all(|(_, help)| help.is_some()),
                        "{name} {id}: {sv:?}"
                    );
                    assert_ne!(en, sv, "{name} {id}: the values' help is not translated");
                }
                assert_eq!(
                    en_arg.is_hide_default_value_set(),
                    sv_arg.is_hide_default_value_set(),
                    "{name} {id}"
                );
                assert_eq!(
                    en_arg.is_hide_possible_values_set(),
                    sv_arg.is_hide_possible_values_set(),
                    "{name} {id}"
                );
                if en_arg.get_long_help().is_some() {
                    assert!(sv_arg.get_long_help().is_some(), "{name} {id}");
                }
            }
        }
        // Every command's --lang, its formats, dialects and views.
        assert!(described > 20, "{described}");
    }

    /// The usage line of a usage error is the help's, in both languages (tester s33 C19).
    #[test]
    fn the_usage_line_is_the_helps_whatever_was_given() {
        for (lang, usage) in [
            (Lang::En, "allocate check [OPTIONS] <PLAN>..."),
            (Lang::Sv, "allocate check [FLAGGOR] <PLAN>..."),
        ] {
            let error = command(lang)
                .try_get_matches_from(["allocate", "check", "--lang", "en", "--color", "never"])
                .err()
                .map(|e| usage_error(&e, lang))
                .unwrap_or_default();
            assert!(error.contains(&format!(": {usage}\n")), "{error}");
        }
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
