//! `allocate init --from PLAN [--year YEAR]`: next year's plan from this year's (see
//! `next_plan` for what carries over). The file is written next to `--from` as
//! `plan-YEAR.toml` unless `--output` says otherwise (`-` for standard output); an existing
//! file is never replaced without `--force`. The text goes to a temporary file in the same
//! folder first and is then renamed into place, so a plan is never left half written.
//!
//! `allocate init --example` starts from the plan built into the binary, the repository's
//! `allocations/plan-2026.toml` (Jämtlands län's), as `--from` that file would (but for the
//! opening comment, which names the example), for a
//! county new to `allocate` that has no plan of its own yet; its new plan goes to the current
//! folder by default.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::app::Status;
use crate::app::error::Error;
use crate::app::files;
use crate::app::options::Common;
use crate::core::finding::Problem;
use crate::core::plan::{Plan, SplitRule, YEARS};
use crate::input::plan::Loaded;
use crate::output::next_plan::{
    Folders, NextPlanError, comments_citing_lines, next_plan, unfinished,
};
use crate::output::number;
use crate::output::words::{self, findings};
use crate::say;

/// The plan that comes with `allocate`: Jämtlands län's for 2026, the repository's
/// `allocations/plan-2026.toml` as it stands (its keys' values are in the plan: it names no
/// key file), for `init --example`.
pub const EXAMPLE: &str = include_str!("../../../allocations/plan-2026.toml");

/// Where [`EXAMPLE`] stands in the repository, as its positions name it.
pub const EXAMPLE_PATH: &str = "allocations/plan-2026.toml";

// One of `--from` and `--example` is needed; without either, `run` says both (a usage error
// of clap's would name the group, not what each is). The usage line says it as the help does.
#[derive(Debug, Args)]
#[command(override_usage = "allocate init [OPTIONS] <--from <PLAN>|--example>")]
pub struct InitArgs {
    /// Last year's plan to start from (or `--example`).
    #[arg(long, value_name = "PLAN", conflicts_with = "example")]
    pub from: Option<PathBuf>,
    /// Start from the plan that comes with allocate, Jämtlands län's for 2026, instead of
    /// `--from`: for a county new to allocate, which then replaces what is Jämtland's (README:
    /// "A plan for another county").
    #[arg(long)]
    pub example: bool,
    /// The new plan's year, after the one of the plan started from; by default the year after
    /// it.
    #[arg(long, value_parser = parse_year)]
    pub year: Option<i32>,
    /// Where to write the new plan; by default `plan-YEAR.toml` next to `--from` (with
    /// `--example`, in the current folder). `-` writes it to standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub common: Common,
}

/// A year for `--year`: digits only, within [`YEARS`] (`2027`); anything else, a word or a
/// number no year has (`4294967296`), is a usage error.
fn parse_year(text: &str) -> Result<i32, String> {
    let digits = text.trim();
    let year = digits
        .chars()
        .all(|c| c.is_ascii_digit())
        .then(|| digits.parse::<i32>().ok())
        .flatten()
        .filter(|year| YEARS.contains(year));
    let lang = crate::app::cli::value_lang();
    year.ok_or_else(|| crate::app::error::not_a_year(lang))
}

/// The plan `init` starts from: read from `--from`, or the one built in (`--example`).
struct Start {
    loaded: Loaded,
    /// The plan as the messages name it: the path given, or [`words::example_plan`].
    named: String,
    /// As the new plan's opening comment names it: the path given, or the example.
    commented: String,
    /// The folder key files are relative to, and the new plan goes to by default.
    folder: PathBuf,
    example: bool,
}

impl Start {
    /// `--from`'s plan read, or, without it, the one built in (`--example`).
    fn of(args: &InitArgs) -> Result<Start, Error> {
        let lang = args.common.lang;
        if let Some(from) = &args.from {
            let loaded = super::load(from)?;
            let named = loaded.source.display_path();
            return Ok(Start {
                named: named.clone(),
                commented: named,
                folder: from.parent().unwrap_or(Path::new("")).to_path_buf(),
                loaded,
                example: false,
            });
        }
        let path = Path::new(EXAMPLE_PATH);
        let (source, plan) = crate::input::plan::from_bytes(path, EXAMPLE.as_bytes().to_vec())
            .map_err(|e| Error::Load(Box::new(e)))?;
        // It names no key file (a test holds it to that): none is looked for in the folder.
        let key_files = crate::input::plan::key_files(&plan, Path::new(""));
        Ok(Start {
            loaded: Loaded {
                source,
                plan,
                key_files,
            },
            named: words::example_plan(lang).to_string(),
            commented: words::example_source(lang).to_string(),
            folder: PathBuf::new(),
            example: true,
        })
    }

    /// The plan started from as an error names it: a path as shown, hidden characters named.
    fn shown(&self, args: &InitArgs) -> String {
        match &args.from {
            Some(path) => crate::output::text::shown_path(path),
            None => self.named.clone(),
        }
    }
}

pub fn run(args: &InitArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Status, Error> {
    let lang = args.common.lang;
    // Without a plan to start from, nothing else the command line says can be used.
    if args.from.is_none() && !args.example {
        return Err(Error::InitWithoutPlan);
    }
    // A file named as another kind than a plan, refused before anything is read.
    if let Some(path) = crate::app::files::named(args.output.as_deref()) {
        crate::app::files::ending_fits(path, crate::app::files::Kind::Toml)
            .map_err(Error::WrongEnding)?;
    }
    let start = Start::of(args)?;
    let loaded = &start.loaded;
    let plan = &loaded.plan;
    // Years are four-digit calendar years (TOML dates), and the deadlines move one year past
    // the plan year: anything else is refused rather than wrapped around.
    let old_year = *plan.plan.year.get_ref();
    if !YEARS.contains(&old_year) {
        return Err(Error::PlanYear {
            path: start.shown(args),
            year: old_year,
        });
    }
    // A plan for the last year a plan can have has no year after it.
    if old_year >= *YEARS.end() {
        return Err(Error::NoYearAfter {
            path: start.shown(args),
            year: old_year,
        });
    }
    let year = args.year.unwrap_or(old_year + 1);
    // Next year's plan from this year's: an earlier or the same year would move every
    // deadline backwards and call this year's totals last year's. The example is no county's
    // last year but Jämtland's: a county new to `allocate` may make its plan for the
    // example's own year, its last year's total left to fill in (tester s43).
    if year < old_year || (year == old_year && !args.example) {
        return Err(Error::YearNotAfter {
            path: start.shown(args),
            year,
            from_year: old_year,
        });
    }
    let from_dir = start.folder.as_path();
    let target = match &args.output {
        Some(path) => path.clone(),
        None => from_dir.join(format!("plan-{year}.toml")),
    };
    let to_stdout = target.as_os_str() == "-";
    // Printed, the plan has no folder of its own: its key files stay as they are, relative
    // to the folder of `--from` (where a plan printed is most often saved).
    let target_dir = if to_stdout {
        from_dir
    } else {
        target.parent().unwrap_or(Path::new(""))
    };
    let from = &start.named;
    let text = next_plan(
        &loaded.source.text,
        plan,
        year,
        &start.commented,
        &Folders {
            old: from_dir,
            new: target_dir,
        },
        lang,
    )
    .map_err(|error| match error {
        NextPlanError::Toml(e) => Error::Export(e.to_string()),
        NextPlanError::DeadlineTooLate { key, date, year } => Error::DeadlineTooLate {
            path: start.shown(args),
            key,
            date: date.to_string(),
            year,
        },
    })?;
    // The new plan must read back as a plan, with every amount to fill in and the year, the
    // deadlines and the previous totals moved, or it is not written at all.
    let (new_plan, first) = first_check(&text).map_err(|error| Error::NextPlanUnreadable {
        year,
        error: Box::new(error),
    })?;
    if let Some(what) = unfinished(plan, &new_plan, year) {
        return Err(Error::NextPlanUnfinished { year, what });
    }
    let to_fill = first
        .iter()
        .filter(|p| matches!(p, Problem::AmountToFill { .. }))
        .count();
    let to_fill = number::count(to_fill as u64, lang);
    // What is said of the plan written is the same wherever it goes, but for where it went.
    let listed = if to_stdout {
        write!(out, "{text}")?;
        lang.pick(
            "`allocate check` på den sparade planen",
            "`allocate check` on the saved plan",
        )
        .to_string()
    } else {
        files::write_file(&target, text.as_bytes(), args.force)
            .map_err(|e| Error::from(e).or_stdout())?;
        let shown = target.display();
        writeln!(
            err,
            "{}",
            say!(
                lang,
                "Skrev {shown}: {year} års plan utifrån {from}.",
                "Wrote {shown}: the {year} plan from {from}."
            )
        )?;
        // Pasted as it stands (tester s37: `p 2027 å.toml` unquoted).
        format!(
            "`allocate check {}`",
            crate::output::text::shell_word(&target)
        )
    };
    writeln!(
        err,
        "{}",
        say!(
            lang,
            "{to_fill} belopp att fylla i; {listed} listar dem.",
            "{to_fill} amounts to fill in; {listed} lists them."
        )
    )?;
    // Under `fixed-plus-key` last year's fixed parts are kept (a 0 there is a kommun without
    // one, which no check could tell from a part not filled in): told, whatever the shape of
    // the TOML they are written in.
    let kept: Vec<&str> = new_plan
        .insatser
        .iter()
        .filter(|i| {
            i.split.as_ref().is_some_and(|s| {
                let s = s.get_ref();
                *s.rule.get_ref() == SplitRule::FixedPlusKey
                    && s.except.values().any(|part| !part.get_ref().0.is_zero())
            })
        })
        .map(|i| i.id.get_ref().as_str())
        .collect();
    if !kept.is_empty() {
        let ids = crate::output::words::listed(&kept, lang);
        writeln!(
            err,
            "{}",
            say!(
                lang,
                "Fasta belopp (`except`) är kvar från {old_year} under `fixed-plus-key` i insats {ids}; stäm av dem mot årets beslut.",
                "Fixed parts (`except`) are kept from {old_year} under `fixed-plus-key` in insats {ids}; check them against this year's decision."
            )
        )?;
    }
    // Last year's printed per-recipient figures go with last year's document: told, since
    // `check` then compares fewer figures than it did.
    let printed: Vec<&str> = (plan.insatser.iter())
        .filter(|i| (i.split.as_ref()).is_some_and(|s| !s.get_ref().printed.is_empty()))
        .map(|i| i.id.get_ref().as_str())
        .collect();
    if !printed.is_empty() {
        let ids = crate::output::words::listed(&printed, lang);
        let noun = crate::output::words::insatser_before(printed.len(), lang);
        writeln!(
            err,
            "{}",
            say!(
                lang,
                "De tryckta beloppen per mottagare (`printed`) i {noun} {ids} är borttagna, eftersom de kom från {old_year} års underlag. Skriv in årets belopp om underlaget anger dem, så kontrollerar `check` dem.",
                "The printed amounts per recipient (`printed`) of {noun} {ids} are removed: they were the {old_year} document's. Write in this year's if the document prints them, and `check` compares them."
            )
        )?;
    }
    let errors = crate::core::check::check(plan, &loaded.key_files).errors();
    notes(args, plan, errors, year, from, &text, err)?;
    moved_years(plan, &new_plan, year, lang, err)?;
    still_citing(&new_plan, old_year, year, lang, err)?;
    // The comments are kept, but a line of last year's document is no line of this year's.
    let citing = comments_citing_lines(&text);
    if citing > 0 {
        let (n, old_year) = (number::count(citing as u64, lang), old_year);
        writeln!(
            err,
            "{}",
            match citing {
                1 => say!(
                    lang,
                    "En kommentar hänvisar till en rad i {old_year} års beslutsunderlag (\"rad …\"); rätta den mot årets underlag eller ta bort den.",
                    "One comment cites a line of the {old_year} decision document (\"rad …\"); correct it against this year's or remove it."
                ),
                _ => say!(
                    lang,
                    "{n} kommentarer hänvisar till rader i {old_year} års beslutsunderlag (\"rad …\"); rätta dem mot årets underlag eller ta bort dem.",
                    "{n} comments cite lines of the {old_year} decision document (\"rad …\"); correct them against this year's or remove them."
                ),
            }
        )?;
    }
    // Keys carried over from last year's plan that are too old for the new one: what they
    // are and how to bring them up to date.
    let old_keys: Vec<&Problem> = first
        .iter()
        .filter(|p| matches!(p, Problem::KeyDate { .. } | Problem::KeySource { .. }))
        .collect();
    if !old_keys.is_empty() {
        writeln!(
            err,
            "{}",
            say!(
                lang,
                "Nycklar att uppdatera för {year}:",
                "Keys to update for {year}:"
            )
        )?;
        for problem in old_keys {
            writeln!(
                err,
                "  - {}\n    {}",
                findings::message(problem, lang),
                findings::hint(problem, lang)
            )?;
        }
    }
    // Jämtland's plan is where a new county starts, not what it keeps.
    if start.example {
        writeln!(
            err,
            "{}",
            lang.pick(
                "För ett annat län: byt ut det som är Jämtlands (län, organ, förra årets länsmedel `previous_county_total`, aktörer, kommuner, nycklar, insatser, kontaktpersoner och texter), enligt README-avsnittet \"A plan for another county\".",
                "For another county: replace what is Jämtland's (county, forum, last year's county total `previous_county_total`, actors, kommuner, keys, insatser, contacts and texts), as the README section \"A plan for another county\" lists."
            )
        )?;
    }
    Ok(Status::Ok)
}

/// What the user should know of the plan written: that the previous year's totals are left
/// to fill in (a plan for a later year than the next), that a printed plan's key files are
/// found from the folder of `--from`, and that the plan is larger than `check` reads.
fn notes(
    args: &InitArgs,
    plan: &Plan,
    errors: usize,
    year: i32,
    from: &str,
    text: &str,
    err: &mut dyn Write,
) -> Result<(), Error> {
    let lang = args.common.lang;
    let old_year = *plan.plan.year.get_ref();
    // `errors` in the plan it is made from: a plan that does not check gives figures that may
    // be wrong, and its county total becomes last year's in the new plan.
    if errors > 0 {
        let n = crate::output::number::errors(errors, lang);
        let total = lang.amount(*plan.plan.county_total.get_ref());
        // As it is typed: quoted where the shell needs it; standard input read again
        // (tester s39: `allocate check <stdin>` is a redirection from a file `stdin`).
        let check = match args.from.as_deref() {
            Some(path) if path.as_os_str() == crate::input::plan::STDIN_ARG => say!(
                lang,
                "`allocate check -` med samma indata",
                "`allocate check -` with the same input"
            ),
            Some(path) => format!("`allocate check {}`", crate::output::text::shell_word(path)),
            None => format!("`allocate check {from}`"),
        };
        writeln!(
            err,
            "{}",
            say!(
                lang,
                "Obs: {from} har {n} ({check}); den nya planens `previous_county_total` är ändå dess länsmedel, {total}. Rätta {from} och kör `allocate init` igen, eller kontrollera beloppet.",
                "Note: {from} has {n} ({check}); the new plan's `previous_county_total` is still its county total, {total}. Correct {from} and run `allocate init` again, or check the amount."
            )
        )?;
    }
    if year != old_year + 1 {
        let previous = year - 1;
        let keys = if plan.agreement.is_some() {
            "`previous_county_total`, `previous_national_total`"
        } else {
            "`previous_county_total`"
        };
        writeln!(
            err,
            "{}",
            say!(
                lang,
                "Obs: {from} är {old_year} års plan, inte {previous} års: förra årets totalbelopp ({keys}) står inte där och är kvar att fylla i.",
                "Note: {from} is the {old_year} plan, not the {previous} one: last year's totals ({keys}) are not in it and are left to fill in."
            )
        )?;
    }
    let relative_keys = plan
        .keys
        .iter()
        .filter_map(|key| key.file.as_ref())
        .any(|file| Path::new(file.get_ref()).is_relative());
    if args.output.as_deref() == Some(Path::new("-")) && relative_keys {
        writeln!(
            err,
            "{}",
            say!(
                lang,
                "Obs: nycklarnas `file` är relativa till mappen där {from} ligger; spara planen i den mappen, eller skriv den med --output FIL så skrivs de om för filens mapp.",
                "Note: the keys' `file` paths are relative to the folder of {from}; save the plan in that folder, or write it with --output FILE and they are rewritten for the file's folder."
            )
        )?;
    }
    // A plan larger than `check` reads, or of more TOML parts than it parses.
    let (size, limit) = (text.len() as u64, crate::input::read::max_file_bytes());
    let over = if size > limit {
        let (size, limit) = (
            number::file_size(size, lang),
            number::file_size(limit, lang),
        );
        Some(say!(
            lang,
            "är {size}, mer än de {limit}",
            "is {size}, more than the {limit}"
        ))
    } else if let Err(crate::input::read::ReadReason::TooManyParts { parts, limit }) =
        crate::input::read::toml_parts_within_limit(text)
    {
        let (parts, limit) = (number::count(parts, lang), number::count(limit, lang));
        Some(say!(
            lang,
            "har {parts} delar i TOML, fler än de {limit}",
            "has {parts} TOML parts, more than the {limit}"
        ))
    } else {
        None
    };
    if let Some(over) = over {
        let var = crate::input::read::MAX_FILE_VAR;
        writeln!(
            err,
            "{}",
            say!(
                lang,
                "Obs: {year} års plan {over} som `allocate check` läser; höj gränsen med miljövariabeln {var} (i MiB).",
                "Note: the {year} plan {over} `allocate check` reads; raise the limit with the environment variable {var} (in MiB)."
            )
        )?;
    }
    Ok(())
}

/// Names the texts whose year `init` moved (the title, the proposal's points, the
/// agreement's name, a printed table's title), to be read: a year that stood alone moved,
/// while dates, spans of years and references kept theirs, which may be right or not.
fn moved_years(
    old: &Plan,
    new: &Plan,
    year: i32,
    lang: crate::output::lang::Lang,
    err: &mut dyn Write,
) -> Result<(), Error> {
    let mut moved: Vec<String> = Vec::new();
    let mut compare = |name: String, old: Option<&String>, new: Option<&String>| {
        if old != new {
            moved.push(name);
        }
    };
    compare(
        lang.pick("titeln (`title`)", "the title (`title`)")
            .to_string(),
        Some(&old.plan.title),
        Some(&new.plan.title),
    );
    for (i, (o, n)) in old.plan.proposal.iter().zip(&new.plan.proposal).enumerate() {
        let point = i + 1;
        compare(
            say!(
                lang,
                "punkt {point} i förslaget till beslut (`proposal`)",
                "point {point} of the proposal (`proposal`)"
            ),
            Some(o),
            Some(n),
        );
    }
    for (i, (o, n)) in (old.plan.conditions.iter())
        .zip(&new.plan.conditions)
        .enumerate()
    {
        let paragraph = i + 1;
        compare(
            say!(
                lang,
                "stycke {paragraph} i villkoren för medlen (`conditions`)",
                "paragraph {paragraph} of the conditions (`conditions`)"
            ),
            Some(o),
            Some(n),
        );
    }
    compare(
        lang.pick(
            "överenskommelsens namn (`[agreement] name`)",
            "the agreement's name (`[agreement] name`)",
        )
        .to_string(),
        old.agreement.as_ref().and_then(|a| a.name.as_ref()),
        new.agreement.as_ref().and_then(|a| a.name.as_ref()),
    );
    let titles = |plan: &Plan| -> Vec<Option<String>> {
        plan.tables
            .iter()
            .map(|t| t.title.clone())
            .chain(plan.cost_sharing.iter().map(|t| t.title.clone()))
            .collect()
    };
    for (o, n) in titles(old).iter().zip(titles(new).iter()) {
        if o != n
            && let Some(title) = n
        {
            moved.push(say!(lang, "tabellen \"{title}\"", "the table \"{title}\""));
        }
    }
    if moved.is_empty() {
        return Ok(());
    }
    let old_year = *old.plan.year.get_ref();
    let list = crate::output::words::listed(&moved, lang);
    writeln!(
        err,
        "{}",
        say!(
            lang,
            "Årtalet {old_year} är ändrat till {year} där det står ensamt i {list}; där det ingår i ett datum, en period eller ett diarienummer (som {old_year}-02-27, {old_year}–2034 eller Dnr {old_year}/123) är det kvar. Läs texterna.",
            "The year {old_year} is changed to {year} where it stands alone in {list}; where it is part of a date, a span of years or a reference (such as {old_year}-02-27, {old_year}–2034 or Dnr {old_year}/123) it is kept. Read the texts."
        )
    )?;
    Ok(())
}

/// Whether `text` names `year` other than as the start or end of a span of years
/// (`2026–2034`, the strategy's period, stands every year): as a year, in a date
/// (`2025-08-30`) or in a reference (`RJH 2025/123`).
fn cites_year(text: &str, year: i32) -> bool {
    let digits = year.to_string();
    let bytes = text.as_bytes();
    text.match_indices(&digits).any(|(at, _)| {
        let end = at + digits.len();
        let before = bytes.get(..at).unwrap_or_default();
        let after = bytes.get(end..).unwrap_or_default();
        let digit_next = |b: Option<&u8>| b.is_some_and(u8::is_ascii_digit);
        // A span: a dash (or en dash) with four digits after the year, or before it.
        let dash = |t: &[u8]| t.starts_with(b"-") || t.starts_with("\u{2013}".as_bytes());
        let dash_len = |t: &[u8]| if t.starts_with(b"-") { 1 } else { 3 };
        let span_after = dash(after)
            && after.get(dash_len(after)..).is_some_and(|rest| {
                rest.len() >= 4
                    && rest.iter().take(4).all(u8::is_ascii_digit)
                    && !digit_next(rest.get(4))
            });
        let span_before = (before.ends_with(b"-") || before.ends_with("\u{2013}".as_bytes())) && {
            let cut = if before.ends_with(b"-") { 1 } else { 3 };
            let head = before.get(..before.len() - cut).unwrap_or_default();
            head.len() >= 4 && head.iter().rev().take(4).all(u8::is_ascii_digit)
        };
        !digit_next(before.last()) && !digit_next(after.first()) && !span_after && !span_before
    })
}

/// Names the texts of the new plan that still cite last year (a year, a date, a reference),
/// kept as they stand: they may be right (a decision of last year) or not, and are to be read.
fn still_citing(
    new: &Plan,
    old_year: i32,
    year: i32,
    lang: crate::output::lang::Lang,
    err: &mut dyn Write,
) -> Result<(), Error> {
    let mut citing: Vec<String> = Vec::new();
    for (i, text) in new.plan.conditions.iter().enumerate() {
        let n = i + 1;
        if cites_year(text, old_year) {
            citing.push(say!(
                lang,
                "stycke {n} i villkoren (`conditions`)",
                "paragraph {n} of the conditions (`conditions`)"
            ));
        }
    }
    for area in &new.areas {
        if let Some(r) = &area.requirements
            && std::iter::once(&r.text)
                .chain(&r.points)
                .any(|t| cites_year(t, old_year))
        {
            let number = area.number.get_ref();
            citing.push(say!(
                lang,
                "kraven för område {number}",
                "the requirements of area {number}"
            ));
        }
    }
    for insats in &new.insatser {
        if cites_year(&insats.text, old_year) {
            let id = insats.id.get_ref();
            citing.push(say!(lang, "insats {id}", "insats {id}"));
        }
    }
    if citing.is_empty() {
        return Ok(());
    }
    let list = crate::output::words::listed_first(&citing, 10, lang);
    writeln!(
        err,
        "{}",
        say!(
            lang,
            "Texter som fortfarande nämner {old_year} (ett år, ett datum eller ett diarienummer) står kvar: {list}. Läs dem mot {year} års beslut.",
            "Texts that still cite {old_year} (a year, a date or a reference) are kept: {list}. Read them against the {year} decision."
        )
    )?;
    Ok(())
}

/// The new plan read back, and what its first `check` will find (key files unread: their
/// years come from the keys' `date`), or why the new plan does not read back.
fn first_check(text: &str) -> Result<(Plan, Vec<Problem>), crate::input::plan::ParseError> {
    let plan = crate::input::plan::parse(text)?;
    let key_files = vec![None; plan.keys.len()];
    let problems = crate::core::check::check(&plan, &key_files)
        .findings
        .into_iter()
        .map(|f| f.problem)
        .collect();
    Ok((plan, problems))
}

#[cfg(test)]
mod tests {
    use super::{EXAMPLE, cites_year};

    #[test]
    fn the_example_passes_check_without_key_files() {
        // (It is `EXAMPLE_PATH` by `include_str!`, which Cargo rebuilds when the file changes.)
        let plan = crate::input::plan::parse(EXAMPLE).unwrap();
        // Started from in any folder, it must read no file: its keys hold their values.
        assert!(plan.keys.iter().all(|k| k.file.is_none()));
        let key_files = vec![None; plan.keys.len()];
        assert_eq!(crate::core::check::check(&plan, &key_files).errors(), 0);
    }

    #[test]
    fn a_year_is_cited_alone_in_a_date_or_a_reference_but_not_as_a_span() {
        assert!(cites_year("Barnsäkert 2025", 2025));
        assert!(cites_year("enligt beslut 2025-08-30 eller", 2025));
        assert!(cites_year("RJH 2025/123", 2025));
        assert!(!cites_year("Suicidprevention 2025-2034.", 2025));
        assert!(!cites_year("perioden 2020\u{2013}2025", 2025));
        assert!(!cites_year("12025 kr", 2025));
        assert!(!cites_year("2026", 2025));
    }
}
