//! One module per command, and what they share: loading a plan, checking it before a report,
//! and turning the filter options into a selection.

pub mod check;
pub mod completions;
pub mod diff;
pub mod explain;
pub mod export;
pub mod followup;
pub mod generate;
pub mod init;
pub mod man;
pub mod report;
pub mod split;

use std::io::Write;
use std::path::Path;

use crate::app::error::{Blocked, Error};
use crate::app::options::FilterArgs;
use crate::core::check::Checked;
use crate::core::finding::{Finding, Thing};
use crate::core::ledger::Ledger;
use crate::core::ledger::selection::Selection;
use crate::core::text::suggest;
use crate::input::plan::{self, Loaded};
use crate::output::checked::bounded;
use crate::output::diagnostic::{Style, render_finding};

/// Draws a plan's findings on `err`: of each code the first hundred, then how many more.
pub fn tell<F: std::borrow::Borrow<Finding>>(
    findings: &[F],
    source: &plan::Source,
    style: Style,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    let (shown, left_out) = bounded(findings, |f| {
        let f = f.borrow();
        (f.code().as_str(), f.is_error())
    });
    let drawn = shown
        .into_iter()
        .map(|finding| render_finding(source, finding.borrow(), style))
        .chain(left_out.iter().map(|l| l.line(style.lang)));
    write_drawn(drawn, err)
}

/// Writes findings as drawn, and the lines that count those left out, each followed by an
/// empty line: how every command shows findings, a plan's or a usage file's.
pub fn write_drawn(
    drawn: impl IntoIterator<Item = String>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for text in drawn {
        writeln!(out, "{text}\n")?;
    }
    Ok(())
}

/// Says on `err` that the plan's figures about last year (`previous_county_total`,
/// `stated_change`) are not checked, when the older plan is not last year's (`--previous
/// p24.toml` for a 2026 plan): a year skipped has nothing to check them against.
pub fn note_year_skipped(
    old: &Loaded,
    new: &Loaded,
    lang: crate::output::lang::Lang,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    let relation = crate::core::diff::Relation::of(&old.plan, &new.plan);
    if relation != crate::core::diff::Relation::YearSkipped || !new.plan.plan.states_last_year() {
        return Ok(());
    }
    let (old_year, year) = (*old.plan.plan.year.get_ref(), *new.plan.plan.year.get_ref());
    let (old_path, last) = (old.source.display_path(), year - 1);
    writeln!(
        err,
        "{}",
        crate::say!(
            lang,
            "Obs: {old_path} är {old_year} års plan, inte {last} års; planens belopp för föregående år (previous_county_total, stated_change) jämförs inte med den.",
            "Note: {old_path} is the {old_year} plan, not the {last} one; the plan's figures about last year (previous_county_total, stated_change) are not checked against it."
        )
    )
}

/// The plan's figures about last year (`previous_county_total`, `stated_change`) that last
/// year's plan does not bear out: each on a line of `err`, as `diff` shows it, and the error
/// that says so (exit 1), after the document or comparison that marks them ≠ is written.
pub fn previous_year_holds(
    d: &crate::core::diff::PlanDiff,
    lang: crate::output::lang::Lang,
    err: &mut dyn Write,
    plan: &Loaded,
    previous: &Loaded,
    in_document: bool,
) -> Result<(), Error> {
    let wrong: Vec<_> = d.year_checks.iter().filter(|c| !c.holds()).collect();
    if wrong.is_empty() {
        return Ok(());
    }
    for check in wrong {
        let line = crate::output::diff::year_check_line(check, d, lang);
        writeln!(err, "{}", line.trim())?;
    }
    Err(Error::PreviousDisagrees {
        path: plan.source.display_path(),
        previous: previous.source.display_path(),
        in_document,
    })
}

/// Reads and parses a plan and its key files.
pub fn load(path: &Path) -> Result<Loaded, Error> {
    crate::input::given_plan::load(path).map_err(|e| Error::Load(Box::new(e)))
}

/// Checks a loaded plan before a command uses it: a plan with errors gets its findings drawn
/// on `err`, and is an error for the command.
pub fn passing<'l>(
    loaded: &'l Loaded,
    style: Style,
    err: &mut dyn Write,
    blocked: Blocked,
) -> Result<Checked<'l>, Error> {
    passing_selected(loaded, style, err, blocked, None).map(|(checked, _)| checked)
}

/// [`passing`], with the filters as a selection of the plan: a filter naming nothing in the
/// plan is told first, as a usage error, whether the plan passes or not (a misspelt
/// `--kommun Bergg` is not left to be found after the plan's errors are mended).
pub fn passing_selected<'l>(
    loaded: &'l Loaded,
    style: Style,
    err: &mut dyn Write,
    blocked: Blocked,
    filter: Option<&FilterArgs>,
) -> Result<(Checked<'l>, Selection), Error> {
    let checked = crate::core::check::check(&loaded.plan, &loaded.key_files);
    let selection = match filter {
        Some(filter) => selection(filter, &checked.ledger)?,
        None => Selection::all(),
    };
    let errors = checked.errors();
    if errors == 0 {
        return Ok((checked, selection));
    }
    tell(&checked.findings, &loaded.source, style, err)?;
    Err(Error::PlanHasErrors {
        path: loaded.source.display_path(),
        errors,
        blocked,
    })
}

/// `--area`, `--actor` and `--kommun` as a selection; a name the plan does not have is a
/// usage error.
/// Says on standard error that the filters select no money at all, so that empty views are
/// not taken for a plan without money (`--kommun Berg --actor fhe`: Folkhälsoenheten pays
/// nothing to Berg).
pub fn note_empty_selection(
    args: &FilterArgs,
    projection: &crate::core::report::Projection,
    lang: crate::output::lang::Lang,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    if !projection.filtered() || projection.lines().next().is_some() {
        return Ok(());
    }
    let visible = crate::output::text::visible;
    let filters = [
        args.area.map(|a| format!("--area {a}")),
        args.actor
            .as_ref()
            .map(|a| format!("--actor {}", visible(a))),
        args.kommun
            .as_ref()
            .map(|k| format!("--kommun {}", visible(k))),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    writeln!(
        err,
        "{}",
        crate::say!(
            lang,
            "Obs: inga medel i planen omfattas av urvalet ({filters}); vyerna är tomma.",
            "Note: no money in the plan is in the selection ({filters}); the views are empty."
        )
    )
}

pub fn selection(args: &FilterArgs, ledger: &Ledger) -> Result<Selection, Error> {
    let plan = ledger.plan;
    let mut selection = Selection::all();
    // `known` is listed; a suggestion may be any of `also` too (an actor's name for its id).
    let unknown = |thing: Thing, name: String, known: Vec<String>, also: Vec<&str>| {
        let mut candidates: Vec<&str> = known.iter().map(String::as_str).collect();
        candidates.extend(also);
        Error::Unknown {
            thing,
            suggestion: suggest(&name, &candidates),
            name,
            known,
        }
    };
    if let Some(area) = args.area {
        match ledger.names.areas.get(&area) {
            Some(&a) => selection.areas.push(a),
            None => {
                let known = plan
                    .areas
                    .iter()
                    .map(|a| a.number.get_ref().to_string())
                    .collect();
                // No guess: every other number is one digit from it, and the list is short.
                return Err(Error::Unknown {
                    thing: Thing::Area,
                    name: area.to_string(),
                    suggestion: None,
                    known,
                });
            }
        }
    }
    if let Some(actor) = &args.actor {
        match ledger.names.actor(actor) {
            Some(a) => selection.actor = Some(a),
            None => {
                let known = plan.actors.iter().map(|a| a.id.get_ref().clone()).collect();
                let names = plan
                    .actors
                    .iter()
                    .flat_map(|a| [Some(a.name.as_str()), a.short.as_deref()])
                    .flatten()
                    .collect();
                return Err(unknown(Thing::Actor, actor.clone(), known, names));
            }
        }
    }
    if let Some(kommun) = &args.kommun {
        let shown = |k: usize| {
            (plan.kommuner.get(k)).map_or_else(Default::default, |x| {
                (x.name.get_ref().clone(), x.code.get_ref().clone())
            })
        };
        // By kommunkod or name, or by its official name as the letters write it (`Östersunds
        // kommun`).
        let found = ledger.names.kommun(kommun);
        match (found, ledger.names.kommun_disagreeing(kommun)) {
            (Some(k), _) => selection.kommun = Some(k),
            (None, Some((by_name, by_code))) => {
                return Err(Error::KommunNameAndCode {
                    given: kommun.clone(),
                    by_name: shown(by_name),
                    by_code: shown(by_code),
                });
            }
            (None, None) => {
                // Given as a kommunkod, the plan's kommuner are listed with theirs.
                let by_code =
                    !kommun.trim().is_empty() && kommun.trim().chars().all(|c| c.is_ascii_digit());
                let known = plan
                    .kommuner
                    .iter()
                    .map(|k| match by_code {
                        true => format!("{} {}", k.code.get_ref(), k.name.get_ref()),
                        false => k.name.get_ref().clone(),
                    })
                    .collect();
                let codes = plan
                    .kommuner
                    .iter()
                    .map(|k| k.code.get_ref().as_str())
                    .collect();
                let mut error = unknown(Thing::Kommun, kommun.clone(), known, codes);
                // `Östersund kommun`: the kommun by its official name too.
                if let Error::Unknown { suggestion, .. } = &mut error
                    && suggestion.is_none()
                {
                    *suggestion = crate::core::ledger::names::nearest_kommun(plan, kommun);
                }
                return Err(error);
            }
        }
    }
    Ok(selection)
}
