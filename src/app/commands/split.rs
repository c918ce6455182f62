//! `allocate split AMOUNT --key FILE` or `--plan PLAN --key ID`: split an amount over the
//! kommuner for an ad-hoc question, and show the working so anyone can audit why a kommun got
//! one krona more (`core::audit` works it out, `output::audit` lays it out).

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::app::Status;
use crate::app::error::{Error, PlanFor};
use crate::app::options::Common;
use crate::app::options::CsvArg;
use crate::core::audit::{self, Input, KeyFileInfo, KeySource, Weighing};
use crate::core::finding::Thing;
use crate::core::money::{Amount, BadText};
use crate::core::plan::KeyKind;
use crate::core::population::ScbErrorKind;
use crate::core::split::MAX_PRECISION;
use crate::core::text::suggest;
use crate::input::plan::{LoadError, Looks, ParseErrorKind};
use crate::input::scb;
use crate::output::lang::Lang;

#[derive(Debug, Args)]
pub struct SplitArgs {
    /// The amount in kronor: 3202124, 3_202_124 or "3 202 124", with decimals "3 202 124.5".
    #[arg(value_name = "AMOUNT", value_parser = parse_amount, allow_negative_numbers = true)]
    pub amount: Amount,
    /// An SCB population file as downloaded (CSV, XLSX, JSON-stat2 or PX), or with --plan the
    /// id of one of its keys.
    #[arg(long, value_name = "FILE|ID")]
    pub key: String,
    /// A plan whose kommuner and keys to use.
    #[arg(long, value_name = "PLAN")]
    pub plan: Option<PathBuf>,
    /// The year to read from the key file, when it has several ("2024").
    #[arg(long, value_name = "YEAR", conflicts_with = "plan")]
    pub column: Option<String>,
    /// Rounding unit in kronor: 1, 100, or finer: 0.1, 0.01 (default 1, or the plan's unit).
    #[arg(long, value_name = "KR", value_parser = parse_unit, allow_negative_numbers = true)]
    pub unit: Option<Amount>,
    /// Turn population counts into percentages with this many decimals first and split by
    /// those; the audit then also shows the split by the counts themselves.
    // A negative value is a value out of range, not an unknown option (as `--area -1`).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=i64::from(MAX_PRECISION)), allow_negative_numbers = true)]
    pub precision: Option<u32>,
    /// Output: a table for people, or csv/json for other programs.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    #[command(flatten)]
    pub csv: CsvArg,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
}

/// Reads "3 202 124", "3_202_124", "3202124", "3202124 kr" or, with decimals, "3 202 124,5"
/// (a decimal comma or point), and as spreadsheets and English text write amounts:
/// "3,202,124", "3.202.124,50", "3 202 124:-".
fn parse_amount(text: &str) -> Result<Amount, String> {
    read_amount(text).map_err(|bad| bad.message(text, crate::app::cli::value_lang()))
}

/// Reads a rounding unit: a positive amount, "100", "1" or finer, "0,1", "0,01", written as
/// an amount is.
fn parse_unit(text: &str) -> Result<Amount, String> {
    let lang = crate::app::cli::value_lang();
    match read_amount(text) {
        // Money is split in öre at the finest, as amounts are written.
        Ok(unit) if unit > Amount::ZERO && unit.0.normalize().scale() > 2 => {
            Err(Unread::FinerThanOre.message(text, lang))
        }
        Ok(unit) if unit > Amount::ZERO => Ok(unit),
        Err(bad @ (Unread::TooLarge | Unread::Ambiguous | Unread::FinerThanOre)) => {
            Err(bad.message(text, lang))
        }
        _ => Err(crate::say!(
            lang,
            "\"{text}\" är ingen avrundningsenhet (skriv ett positivt belopp: 1, 100, \"0,1\")",
            "\"{text}\" is not a rounding unit (write a positive amount: 1, 100, 0.1)"
        )),
    }
}

/// Why a command-line amount is not read.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Unread {
    /// Below 0 (however large).
    Negative,
    TooLarge,
    Ambiguous,
    /// More than two decimals, as a spreadsheet writes an amount (`0,001 kr`).
    FinerThanOre,
    NotAnAmount,
}

/// An amount on the command line: as a plan writes it (`core::money`, keeping the decimals
/// as written), else as people and spreadsheets write one (`input::usage::parse_amount`,
/// the reading of a follow-up form's cell). Not negative, and no larger than the largest
/// amount a split takes.
fn read_amount(text: &str) -> Result<Amount, Unread> {
    use crate::core::followup::BadAmount;
    let amount = match Amount::from_text(text) {
        Ok(amount) => Ok(amount),
        Err(BadText::TooLarge) => Err(Unread::TooLarge),
        Err(BadText::Ambiguous) => Err(Unread::Ambiguous),
        Err(BadText::NotANumber) => match crate::input::usage::parse_amount(text) {
            // Not a form's dash for zero: an amount on the command line has digits.
            Ok(Some(amount)) if text.contains(|c: char| c.is_ascii_digit()) => Ok(amount),
            Err(BadAmount::TooLarge) => Err(Unread::TooLarge),
            Err(BadAmount::Ambiguous) => Err(Unread::Ambiguous),
            Err(BadAmount::FinerThanOre) => Err(Unread::FinerThanOre),
            _ => Err(Unread::NotAnAmount),
        },
    };
    let negative = text
        .trim_start()
        .starts_with(crate::core::money::MINUS_SIGNS);
    match amount {
        Err(Unread::TooLarge) if negative => Err(Unread::Negative),
        Ok(amount) if amount.is_negative() => Err(Unread::Negative),
        Ok(amount) if amount > crate::core::split::max_amount() => Err(Unread::TooLarge),
        other => other,
    }
}

impl Unread {
    fn message(self, text: &str, lang: Lang) -> String {
        match self {
            Unread::Negative => crate::say!(
                lang,
                "\"{text}\" är negativt; ett belopp att fördela är 0 eller mer",
                "\"{text}\" is negative; an amount to split is 0 or more"
            ),
            Unread::TooLarge => too_large(text, lang),
            Unread::Ambiguous => ambiguous(text, lang),
            Unread::FinerThanOre => crate::say!(
                lang,
                "\"{text}\" är finare än öre, den minsta enhet en fördelning har (skriv 1, 100, \"0,1\" eller \"0,01\")",
                "\"{text}\" is finer than öre, the smallest unit a split has (write 1, 100, 0.1 or 0.01)"
            ),
            Unread::NotAnAmount => crate::say!(
                lang,
                "\"{text}\" är inget belopp i kronor (skriv till exempel 3202124, \"3 202 124\" eller \"3 202 124,5\")",
                "\"{text}\" is not an amount in kronor (write e.g. 3202124, \"3,202,124\" or \"3,202,124.5\")"
            ),
        }
    }
}

/// An amount or a rounding unit beyond the largest amount that can be split.
fn too_large(text: &str, lang: Lang) -> String {
    let max = crate::output::number::amount(crate::core::split::max_amount(), lang);
    crate::say!(
        lang,
        "\"{text}\" är för stort; det största belopp som kan fördelas är {max}",
        "\"{text}\" is too large; the largest amount that can be split is {max}"
    )
}

fn ambiguous(text: &str, lang: Lang) -> String {
    crate::say!(
        lang,
        "\"{text}\" kan läsas på två sätt: punkten eller kommat kan vara både tusentalsavgränsare och decimaltecken (skriv tusental utan punkt: 1000, \"1 000\"; decimaler med en eller två siffror: \"1,5\")",
        "\"{text}\" reads two ways: the point or comma may be a thousands separator or a decimal sign (write thousands without a point: 1000, \"1 000\"; decimals with one or two digits: \"1.5\")"
    )
}

pub fn run(args: &SplitArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Status, Error> {
    let dialect = args.csv.dialect(args.format == Format::Csv)?;
    let (input, default_unit) = match &args.plan {
        None => (from_file(args)?, Amount::kr(1)),
        Some(plan) => from_plan(args, plan, err)?,
    };
    let unit = args.unit.unwrap_or(default_unit);
    // The parts carry the unit's decimals, and so does the amount (`100` at 0,1 is `100,0`).
    let decimals = unit.0.normalize().scale();
    let amount = args.amount.with_decimals(decimals);
    let audit = audit::audit(amount, unit, input).map_err(|error| Error::Split {
        error,
        amount,
        unit,
    })?;
    let lang = args.common.lang;
    match args.format {
        Format::Table => {
            crate::output::audit::table(&audit, lang, crate::output::table::terminal_width(), out)?
        }
        Format::Csv => {
            // The amounts in the file, as `export` holds its amounts (reviewer s42: the amount
            // split was held instead, which the file does not print).
            let rounded = (audit.steps.iter().flat_map(|s| &s.parts))
                .flat_map(|p| [p.floor, p.amount])
                .find(|a| !crate::output::xlsx::excel_keeps(*a));
            if dialect == crate::output::csv::Dialect::Excel
                && let Some(amount) = rounded
            {
                return Err(Error::CsvNotExact(amount));
            }
            crate::output::audit::csv(audit, dialect, lang, out)?
        }
        Format::Json => crate::output::audit::json(&audit, out)?,
    }
    Ok(Status::Ok)
}

/// `--key FILE`: every kommun in the file. A file without codes (SCB's new web interface
/// names kommuner only) is split by name, each name once.
fn from_file(args: &SplitArgs) -> Result<Input, Error> {
    let path = PathBuf::from(&args.key);
    let file = scb::load(&path, args.column.as_deref()).map_err(|e| {
        // A file that is read but is no population file may be one of `allocate`'s own (a
        // plan, a follow-up form): told as what it is, not by the row it stumbled on.
        let read = !matches!(
            e.kind,
            ScbErrorKind::NotFound
                | ScbErrorKind::StdinNotRead
                | ScbErrorKind::Directory
                | ScbErrorKind::TooLarge { .. }
                | ScbErrorKind::NotRegular(_)
                | ScbErrorKind::Unreadable(_)
                | ScbErrorKind::Empty
        );
        match read.then(|| scb::misplaced(&path)).flatten() {
            Some((kind, line, text)) => Error::KeyFileIsOther {
                path: path.clone(),
                kind,
                line,
                text,
                amount: args.amount,
            },
            None => Error::KeyFile(Box::new(e)),
        }
    })?;
    let rows = match file.kommuner() {
        Ok(rows) => rows,
        Err(mismatches) => {
            return Err(Error::KeyFileRows {
                file: Box::new(file),
                mismatches,
            });
        }
    };
    let (kommuner, weights): (Vec<_>, Vec<_>) = rows
        .into_iter()
        .map(|(code, name, weight)| ((code.unwrap_or_default(), name), weight))
        .unzip();
    Ok(Input {
        source: KeySource::File(KeyFileInfo::of(&file)),
        kommuner,
        weights,
        weighing: Weighing::Counts,
        precision: args.precision,
    })
}

/// A plan that cannot be loaded because it is a follow-up form or report: told so, with how
/// `split` is given a plan (as `follow-up` tells a form given as its plan).
fn not_a_plan(path: &std::path::Path, error: Error) -> Error {
    let toml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    match error {
        Error::Load(load)
            if matches!(
                load.as_ref(),
                LoadError::Parse { error, .. }
                    if error.kind == ParseErrorKind::LooksLike(Looks::UsageReport)
            ) =>
        {
            Error::ReportAsSplitPlan(load)
        }
        _ if !toml && crate::input::usage::load(path, 0).is_ok() => Error::FormAsPlan {
            path: path.to_path_buf(),
            command: PlanFor::Split,
        },
        error => error,
    }
}

/// `--plan PLAN --key ID`: the plan's kommuner and one of its keys. The check's findings
/// about this key (and the key it is derived from) explain why it cannot be used; other
/// findings in the plan do not stop an ad-hoc split.
fn from_plan(
    args: &SplitArgs,
    plan_path: &std::path::Path,
    err: &mut dyn Write,
) -> Result<(Input, Amount), Error> {
    let loaded = super::load(plan_path).map_err(|error| not_a_plan(plan_path, error))?;
    let plan = &loaded.plan;
    let checked = crate::core::check::check(plan, &loaded.key_files);
    let ledger = &checked.ledger;
    let id = args.key.as_str();
    let Some((index, key)) = ledger
        .names
        .keys
        .get(id)
        .and_then(|&i| plan.keys.get(i).map(|k| (i, k)))
    else {
        let known: Vec<String> = plan.keys.iter().map(|k| k.id.get_ref().clone()).collect();
        let candidates: Vec<&str> = known.iter().map(String::as_str).collect();
        return Err(Error::Unknown {
            thing: Thing::Key,
            suggestion: suggest(id, &candidates),
            name: id.to_string(),
            known,
        });
    };
    let from = key.from.as_ref().map(|f| f.get_ref().as_str());
    // The key's own figures, and those of the key it is derived from: what is found there
    // (a kommun the plan lacks, a decomposed name, a number written in another base, `Berg =
    // 0x10`) is about this key, whatever it names.
    let figures: Vec<std::ops::Range<usize>> = plan
        .keys
        .iter()
        .filter(|k| k.id.get_ref() == id || Some(k.id.get_ref().as_str()) == from)
        .flat_map(|k| {
            [
                k.values.as_ref().map(|v| v.span()),
                k.printed_total.as_ref().map(|v| v.span()),
                k.precision.as_ref().map(|v| v.span()),
            ]
        })
        .flatten()
        .collect();
    let findings: Vec<_> = checked
        .findings
        .iter()
        .filter(|f| {
            f.problem.key().is_some_and(|k| k == id || Some(k) == from)
                || figures
                    .iter()
                    .any(|s| s.start <= f.span.start && f.span.end <= s.end)
        })
        .collect();
    super::tell(&findings, &loaded.source, args.common.err_style(), err)?;
    let resolved = ledger.keys.get(index);
    let weights = match resolved.map(|k| &k.weights) {
        Some(Ok(w)) if !findings.iter().any(|f| f.is_error()) => w.clone(),
        _ => {
            return Err(Error::KeyUnusable {
                plan: loaded.source.display_path(),
                key: id.to_string(),
            });
        }
    };
    let file_info = |k: usize| -> Option<Box<KeyFileInfo>> {
        loaded
            .key_files
            .get(k)
            .and_then(Option::as_ref)
            .and_then(|f| f.as_ref().ok())
            .map(|f| Box::new(KeyFileInfo::of(f)))
    };
    let source_key = resolved.and_then(|k| k.source);
    let (weights, weighing, precision, derived) = match (source_key, key.kind.get_ref()) {
        (Some(source), _) => {
            let Some(Ok(counts)) = ledger.keys.get(source).map(|k| &k.weights) else {
                return Err(Error::KeyUnusable {
                    plan: loaded.source.display_path(),
                    key: id.to_string(),
                });
            };
            let own = key.precision.as_ref().map(|p| *p.get_ref());
            let from_id = plan
                .keys
                .get(source)
                .map_or_else(String::new, |s| s.id.get_ref().clone());
            if let (Some(asked), Some(own)) = (args.precision, own)
                && asked != own
            {
                return Err(Error::PrecisionOnDerivedKey {
                    key: id.to_string(),
                    own,
                    from: from_id,
                });
            }
            (
                counts.clone(),
                Weighing::Counts,
                args.precision.or(own),
                Some((from_id, file_info(source))),
            )
        }
        (None, KeyKind::Population) => (weights, Weighing::Counts, args.precision, None),
        (None, KeyKind::Percent) => {
            if args.precision.is_some() {
                return Err(Error::PrecisionOnPercentages {
                    key: id.to_string(),
                });
            }
            (weights, Weighing::Percent, None, None)
        }
    };
    let kommuner = plan
        .kommuner
        .iter()
        .map(|k| (k.code.get_ref().clone(), k.name.get_ref().clone()))
        .collect();
    let source = KeySource::Plan {
        plan: loaded.source.display_path(),
        key: id.to_string(),
        title: key.title.clone(),
        file: derived.is_none().then(|| file_info(index)).flatten(),
        from: derived,
    };
    Ok((
        Input {
            source,
            kommuner,
            weights,
            weighing,
            precision,
        },
        ledger.unit,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_in_the_ways_people_write_them() {
        for text in [
            "3202124",
            "3 202 124",
            "3_202_124",
            "3202124 kr",
            "3\u{a0}202\u{a0}124",
        ] {
            assert_eq!(parse_amount(text), Ok(Amount::kr(3_202_124)), "{text}");
        }
        let tenths = Amount(rust_decimal::Decimal::new(32_021_245, 1));
        assert_eq!(parse_amount("3 202 124,5"), Ok(tenths));
        assert_eq!(parse_amount("3202124.5"), Ok(tenths));
        assert!(parse_amount("-5").is_err());
        // As English text and spreadsheets group thousands, by commas or points.
        for text in ["3,202,124", "3.202.124", "3 202 124:-", "3,202,124 kr"] {
            assert_eq!(parse_amount(text), Ok(Amount::kr(3_202_124)), "{text}");
        }
        for text in ["3,202,124.5", "3.202.124,50"] {
            let amount = parse_amount(text);
            assert_eq!(amount.map(|a| (a, a.decimals())), Ok((tenths, 2)), "{text}");
        }
        // Still no amount: grouped wrongly, or read two ways.
        assert!(parse_amount("3,20,124").is_err());
        assert!(parse_amount("3,202").is_err());
        // Read two ways with a price's `:-` as without it.
        assert_eq!(parse_amount("1,000:-"), Err(ambiguous("1,000:-", Lang::Sv)));
        assert!(parse_amount("-3,202,124").is_err());
        let huge = "99,999,999,999,999,999,999";
        assert_eq!(parse_amount(huge), Err(too_large(huge, Lang::Sv)));
        assert_eq!(
            parse_unit("0,1"),
            Ok(Amount(rust_decimal::Decimal::new(1, 1)))
        );
        assert_eq!(parse_unit("100"), Ok(Amount::kr(100)));
        assert!(parse_unit("0").is_err());
        assert_eq!(
            parse_unit("0,01"),
            Ok(Amount(rust_decimal::Decimal::new(1, 2)))
        );
        assert!(parse_unit("0,001").is_err());
        assert!(parse_unit("0,0000000001").is_err());
        assert!(parse_unit("-1").is_err());
        // A unit beyond the largest amount is too large, as such an amount is.
        for huge in ["10000000000000000000", "9223372036854775808"] {
            let said = parse_unit(huge).unwrap_err();
            assert_eq!(said, parse_amount(huge).unwrap_err());
        }
        assert!(parse_amount("").is_err());
        assert!(parse_amount("-").is_err());
        assert!(parse_amount("-   kr").is_err());
        assert_eq!(
            parse_amount("-5"),
            Err(Unread::Negative.message("-5", Lang::Sv))
        );
        // A unit is written as an amount is (review s31).
        assert_eq!(parse_unit("100:-"), Ok(Amount::kr(100)));
        assert_eq!(parse_unit("1,000,000"), Ok(Amount::kr(1_000_000)));
        assert_eq!(parse_unit("1 000 kr"), Ok(Amount::kr(1_000)));
        assert_eq!(parse_unit("1,000"), Err(ambiguous("1,000", Lang::Sv)));
        assert!(parse_unit("-").is_err());
        // Finer than öre is told as such however it is written (review s32).
        for text in ["0,001", "0,001 kr", "0.001:-"] {
            assert_eq!(
                parse_unit(text),
                Err(Unread::FinerThanOre.message(text, Lang::Sv)),
                "{text}"
            );
        }
        assert_eq!(
            parse_amount("3.202.124,555"),
            Err(Unread::FinerThanOre.message("3.202.124,555", Lang::Sv))
        );
    }
}
