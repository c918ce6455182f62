//! The result of `check` over files, as plain data for the machine-readable formats (JSON,
//! GitHub workflow commands, GitLab code quality): every finding located by line and column,
//! with its message, figures and hint already worded in the chosen language. A file that
//! cannot be read or parsed is a result too, with its one error located the same way.
//!
//! Positions are 1-based; a column counts characters, not bytes. The end is the last
//! character of the key or value at fault (inclusive), so a one-character value starts and
//! ends on the same column.

use rust_decimal::Decimal;
use serde::Serialize;

use std::path::Path;

use crate::core::check::Checked;
use crate::core::finding::{Finding, Problem, Related, Severity};
use crate::core::money::Amount;
use crate::core::plan::Plan;
use crate::input::plan::{LoadError, ParseErrorKind, ReadReason, Source};
use crate::output::lang::Lang;
use crate::output::number::{self, Style};
use crate::output::text::{pad_end, pad_start, shown_path, widest};
use crate::output::words::load::load_error;
use crate::output::words::{counted, findings};
use crate::say;

/// How a file fared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// No errors (warnings allowed, unless they are denied).
    Passed,
    /// At least one error, or a warning under `--deny-warnings`.
    Failed,
    /// The file cannot be read or parsed.
    Unreadable,
}

/// One checked file.
#[derive(Clone, Debug, Serialize)]
pub struct CheckedFile {
    pub file: String,
    pub verdict: Verdict,
    pub errors: usize,
    pub warnings: usize,
    /// What the plan is, when it could be parsed.
    pub plan: Option<PlanInfo>,
    /// Every finding; the JSON document gives them bounded (`check_json`).
    #[serde(skip)]
    pub findings: Vec<Located>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PlanInfo {
    pub county: String,
    pub year: i32,
    pub county_total: Amount,
}

/// A finding (or a load error) with its place and its words.
#[derive(Clone, Debug, Serialize)]
pub struct Located {
    pub code: String,
    pub severity: SeverityName,
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub message: String,
    pub figures: Option<Figures>,
    pub hint: Option<String>,
    pub related: Option<RelatedPlace>,
    /// The line of a key file the finding is on, where it is there ([`Problem::key_file_line`]).
    pub key_file: Option<KeyFilePlace>,
    /// What the finding is about, in no language ([`Problem::subject`]; empty for a file
    /// that cannot be read, which has that one finding).
    #[serde(skip)]
    pub subject: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SeverityName {
    Error,
    Warning,
}

/// The figures of a problem that compares two sums; `difference` is computed − stated. They
/// are kronor, or a key's printed total against the sum of its values (counts or
/// percentages) or a key file's total row against its kommun rows (counts), and go into JSON
/// as numbers either way.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Figures {
    #[serde(serialize_with = "as_number")]
    pub stated: Decimal,
    #[serde(serialize_with = "as_number")]
    pub computed: Decimal,
    #[serde(serialize_with = "as_number")]
    pub difference: Decimal,
    /// Kronor (else a key's total).
    #[serde(skip)]
    pub kronor: bool,
    /// A percentage key's total (per cent).
    #[serde(skip)]
    pub percent: bool,
}

impl Figures {
    /// The figures of `problem`, when it compares two sums.
    pub fn of(problem: &Problem) -> Option<Figures> {
        if let Some((stated, computed)) = problem.figures() {
            return Some(Figures {
                stated: stated.0,
                computed: computed.0,
                difference: (computed - stated).0,
                kronor: true,
                percent: false,
            });
        }
        match problem {
            Problem::KeyTotal {
                stated,
                computed,
                percent,
                ..
            } => Figures::key_sums(*stated, *computed, *percent),
            Problem::KeyFileTotal {
                stated, computed, ..
            } => Some(Figures::counts(*stated, *computed)),
            _ => None,
        }
    }

    /// A key's printed total against the sum of its values, counts or percentages.
    fn key_sums(stated: Decimal, computed: Decimal, percent: bool) -> Option<Figures> {
        let (stated, computed) = findings::key_sums(stated, computed);
        Some(Figures {
            stated,
            computed,
            difference: computed.checked_sub(stated)?,
            kronor: false,
            percent,
        })
    }

    /// A key file's total row against the sum of the kommun rows it covers (counts).
    pub fn counts(stated: u64, computed: u64) -> Figures {
        let (stated, computed) = (Decimal::from(stated), Decimal::from(computed));
        Figures {
            stated,
            computed,
            // Two counts of at most 2^64 differ by far less than a Decimal holds.
            difference: computed - stated,
            kronor: false,
            percent: false,
        }
    }

    /// What the figures are, as a line that gives them names it: `belopp` (amounts), or
    /// `summor` for a key's totals, which are not kronor.
    pub fn label(&self, lang: Lang) -> &'static str {
        figures_label(self.kronor, lang)
    }

    /// "angivet 481 000 kr, beräknat 481 600 kr, skillnad 600 kr", as the diagnostics word it
    /// (a key's total without `kr`), in `style` (a language alone: plain text).
    pub fn text(&self, style: impl Into<Style>) -> String {
        if self.kronor {
            findings::figures(Amount(self.stated), Amount(self.computed), style)
        } else {
            findings::key_figures(self.stated, self.computed, self.percent, style)
        }
    }
}

/// The name of a line of figures: `belopp` for kronor, `summor` for a key's sums.
pub fn figures_label(kronor: bool, lang: Lang) -> &'static str {
    match kronor {
        true => lang.pick("belopp", "figures"),
        false => lang.pick("summor", "figures"),
    }
}

/// A figure as JSON writes an amount: a whole number as an integer, any other as an exact
/// decimal string.
fn as_number<S: serde::Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    Amount(*value).serialize(serializer)
}

/// Another place that explains a finding (where a duplicate was first defined).
#[derive(Clone, Debug, Serialize)]
pub struct RelatedPlace {
    pub line: usize,
    pub column: usize,
    pub label: String,
    /// What the place is, for [`Located::message_and_related`].
    #[serde(skip)]
    pub what: Related,
}

/// A line of a key file (the path as the message names it; relative to the repository's
/// root in the CI formats).
#[derive(Clone, Debug, Serialize)]
pub struct KeyFilePlace {
    pub file: String,
    pub line: usize,
}

impl Located {
    /// The message, and the related place after it where there is one: "dubbelt id `2.3`
    /// (först definierad på rad 158)", for the formats that draw no lines (GitHub, GitLab),
    /// where the place would otherwise be lost. It is in the same file as the finding.
    pub fn message_and_related(&self, lang: Lang) -> String {
        match &self.related {
            Some(place) => {
                let at = findings::related_at(place.what, place.line, lang);
                format!("{} ({at})", self.message)
            }
            None => self.message.clone(),
        }
    }

    /// Where a CI format annotates the finding, and its message there: on the key file's
    /// line when the finding is on one (tester s37: a pull request with new SCB figures
    /// changes the key file, and an annotation on the plan's unchanged line is shown outside
    /// its diff), the plan's place then named after the message; else where it is.
    pub fn annotated(&self, lang: Lang) -> Annotated<'_> {
        let message = self.message_and_related(lang);
        match &self.key_file {
            Some(key) => {
                let named = findings::key_file_named_at(
                    &self.file,
                    self.line.unwrap_or(1),
                    self.column.unwrap_or(1),
                    lang,
                );
                Annotated {
                    file: &key.file,
                    line: Some(key.line),
                    columns: None,
                    end_line: Some(key.line),
                    message: format!("{message} ({named})"),
                }
            }
            None => Annotated {
                file: &self.file,
                line: self.line,
                columns: self.column.zip(self.end_column),
                end_line: self.end_line,
                message,
            },
        }
    }
}

/// A finding's place and message as a CI format gives them ([`Located::annotated`]).
pub struct Annotated<'a> {
    pub file: &'a str,
    pub line: Option<usize>,
    /// Its first and last character's columns.
    pub columns: Option<(usize, usize)>,
    pub end_line: Option<usize>,
    pub message: String,
}

impl CheckedFile {
    /// A plan that was parsed and checked.
    pub fn checked(
        source: &Source,
        plan: &Plan,
        findings: &[Finding],
        deny_warnings: bool,
        lang: Lang,
    ) -> CheckedFile {
        let file = source.display_path();
        let errors = findings.iter().filter(|f| f.is_error()).count();
        let warnings = findings.len() - errors;
        let failed = errors > 0 || (deny_warnings && warnings > 0);
        CheckedFile {
            verdict: if failed {
                Verdict::Failed
            } else {
                Verdict::Passed
            },
            errors,
            warnings,
            plan: Some(PlanInfo {
                county: plan.plan.county.get_ref().clone(),
                year: *plan.plan.year.get_ref(),
                county_total: *plan.plan.county_total.get_ref(),
            }),
            findings: findings
                .iter()
                .map(|f| locate_finding(source, &file, f, lang))
                .collect(),
            file,
        }
    }

    /// A file that could not be read or parsed: one error, located where it can be.
    pub fn unreadable(path: &std::path::Path, error: &LoadError, lang: Lang) -> CheckedFile {
        let file = path.display().to_string();
        let (code, place) = match error {
            LoadError::Read {
                reason: ReadReason::NotUtf8 { line, column, .. },
                ..
            } => ("read-error", Some((*line, *column, *line, *column))),
            LoadError::Read { .. } => ("read-error", None),
            LoadError::Parse { source, error } => (
                error.code(),
                error.span.as_ref().map(|span| place(source, span)),
            ),
        };
        let (mut message, hint) = load_error(error, lang);
        // A key or table given twice: where it was first is a place of its own, as a duplicate
        // id's is (the message then leaves the line to it, as a finding's does).
        let mut related = None;
        if let LoadError::Parse { source, error } = error
            && let ParseErrorKind::DuplicateKey {
                key,
                table,
                first: Some(line),
            } = &error.kind
            && let Some(range) = source.line_range(*line)
        {
            let text = source.text.get(range.clone()).unwrap_or("");
            let (line, column) =
                source.line_col(range.start + text.len() - text.trim_start().len());
            related = Some(RelatedPlace {
                line,
                column,
                label: findings::related(Related::FirstDefinedHere, lang),
                what: Related::FirstDefinedHere,
            });
            message = crate::output::words::load::duplicate_key(key, *table, None, lang);
        }
        CheckedFile {
            verdict: Verdict::Unreadable,
            errors: 1,
            warnings: 0,
            plan: None,
            findings: vec![Located {
                code: code.to_string(),
                severity: SeverityName::Error,
                file: file.clone(),
                line: place.map(|p| p.0),
                column: place.map(|p| p.1),
                end_line: place.map(|p| p.2),
                end_column: place.map(|p| p.3),
                message,
                figures: None,
                hint,
                related,
                key_file: None,
                subject: String::new(),
            }],
            file,
        }
    }
}

fn locate_finding(source: &Source, file: &str, finding: &Finding, lang: Lang) -> Located {
    let (line, column, end_line, end_column) = place(source, &finding.span);
    Located {
        code: finding.code().as_str().to_string(),
        severity: match finding.severity() {
            Severity::Error => SeverityName::Error,
            Severity::Warning => SeverityName::Warning,
        },
        file: file.to_string(),
        line: Some(line),
        column: Some(column),
        end_line: Some(end_line),
        end_column: Some(end_column),
        message: findings::message(&finding.problem, lang),
        figures: Figures::of(&finding.problem),
        hint: Some(findings::hint(&finding.problem, lang)),
        subject: finding.problem.subject(),
        key_file: (finding.problem.key_file_line()).map(|(path, line)| KeyFilePlace {
            file: path.display().to_string(),
            line,
        }),
        related: finding.related.as_ref().map(|(span, related)| {
            let (line, column) = source.line_col(span.start);
            RelatedPlace {
                line,
                column,
                label: findings::related(*related, lang),
                what: *related,
            }
        }),
    }
}

/// Start line and column, and the line and column of the span's last character.
fn place(source: &Source, span: &std::ops::Range<usize>) -> (usize, usize, usize, usize) {
    let (line, column) = source.line_col(span.start);
    let last = source
        .text
        .get(span.start..span.end)
        .and_then(|t| t.char_indices().next_back())
        .map_or(span.start, |(i, _)| span.start + i);
    let (end_line, end_column) = source.line_col(last);
    (line, column, end_line, end_column)
}

/// Counts over all files.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Summary {
    pub files: usize,
    pub passed: usize,
    pub failed: usize,
    pub unreadable: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    pub fn of(files: &[CheckedFile]) -> Summary {
        let mut summary = Summary::default();
        for file in files {
            summary.add(file.verdict, file.errors, file.warnings);
        }
        summary
    }

    /// Counts one more file. The error of an unreadable file is counted as unreadable, not
    /// among the errors of plans.
    pub fn add(&mut self, verdict: Verdict, errors: usize, warnings: usize) {
        self.files += 1;
        match verdict {
            Verdict::Passed => self.passed += 1,
            Verdict::Failed => self.failed += 1,
            Verdict::Unreadable => {
                self.unreadable += 1;
                return;
            }
        }
        self.errors += errors;
        self.warnings += warnings;
    }

    /// The one line that ends a check of several files:
    /// `Totalt 3 planer: 2 godkända, 1 underkänd, 0 gick inte att läsa (1 fel, 2 varningar)`.
    pub fn line(&self, lang: Lang) -> String {
        // Counts grouped as every count is (`Totalt 1 000 planer`: review s38).
        let n = |n: usize, sv: (&str, &str), en: (&str, &str)| counted(n as u64, sv, en, lang);
        let files = n(self.files, ("plan", "planer"), ("plan", "plans"));
        let passed = n(self.passed, ("godkänd", "godkända"), ("passed", "passed"));
        let failed = n(
            self.failed,
            ("underkänd", "underkända"),
            ("failed", "failed"),
        );
        let unreadable = number::count(self.unreadable as u64, lang);
        let (errors, warnings) = (
            number::errors(self.errors, lang),
            number::warnings(self.warnings, lang),
        );
        say!(
            lang,
            "Totalt {files}: {passed}, {failed}, {unreadable} gick inte att läsa ({errors}, {warnings})",
            "Total {files}: {passed}, {failed}, {unreadable} could not be read ({errors}, {warnings})"
        )
    }
}

/// How many findings of one code a file shows on screen, in GitHub's annotations, in JSON and
/// in GitLab's report before the rest are summed up in one line (or count). High
/// enough for the list of amounts a new plan leaves to fill in (56 for 2027), low enough that
/// a broken key file of thousands of rows gives a page, not megabytes.
pub const REPEATS_SHOWN: usize = 100;

/// The findings of one code left out after the first [`REPEATS_SHOWN`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    pub code: String,
    pub error: bool,
    pub count: usize,
}

impl LeftOut {
    /// `… och 4 812 fler fel av samma slag [key-coverage]`.
    pub fn line(&self, lang: Lang) -> String {
        findings::repeats_left_out(self.count, &self.code, self.error, lang)
    }

    /// The first finding of the code left out, where the CI formats place the count.
    pub fn first<'a>(&self, findings: &'a [Located]) -> Option<&'a Located> {
        (findings.iter())
            .filter(|f| f.code == self.code)
            .nth(REPEATS_SHOWN)
    }
}

/// Which of `items` to show, in their order (the first [`REPEATS_SHOWN`] of each code), and
/// for each code with more, how many were left out (in the order the codes first appear).
pub fn bounded<T>(items: &[T], code: impl Fn(&T) -> (&str, bool)) -> (Vec<&T>, Vec<LeftOut>) {
    let mut seen: Vec<LeftOut> = Vec::new();
    let mut shown = Vec::new();
    for item in items {
        let (name, error) = code(item);
        let index = match seen.iter().position(|s| s.code == name) {
            Some(i) => i,
            None => {
                seen.push(LeftOut {
                    code: name.to_string(),
                    error,
                    count: 0,
                });
                seen.len() - 1
            }
        };
        if let Some(entry) = seen.get_mut(index) {
            entry.count += 1;
            if entry.count <= REPEATS_SHOWN {
                shown.push(item);
            }
        }
    }
    let left_out = seen
        .into_iter()
        .filter(|s| s.count > REPEATS_SHOWN)
        .map(|s| LeftOut {
            count: s.count - REPEATS_SHOWN,
            ..s
        })
        .collect();
    (shown, left_out)
}

/// The line that tells a file given as a plan could not be read: `plan.toml: kunde inte
/// läsas`.
pub fn unreadable_line(path: &Path, lang: Lang) -> String {
    let could_not = lang.pick("kunde inte läsas", "could not be read");
    format!("{}: {could_not}", shown_path(path))
}

/// The line that ends a check of one plan: `plan.toml: godkänd (0 fel, 1 varning)`.
pub fn verdict_line(
    path: &Path,
    errors: usize,
    warnings: usize,
    failed: bool,
    lang: Lang,
) -> String {
    let counts = format!(
        "{}, {}",
        number::errors(errors, lang),
        number::warnings(warnings, lang)
    );
    let verdict = match (failed, lang) {
        (false, Lang::Sv) => "godkänd",
        (false, Lang::En) => "passed",
        (true, Lang::Sv) => "underkänd",
        (true, Lang::En) => "failed",
    };
    format!("{}: {verdict} ({counts})", shown_path(path))
}

/// The short summary shown when a plan reconciles: county total, each area, and how many
/// stated figures were checked.
pub fn reconciliation(checked: &Checked, lang: Lang) -> String {
    let plan: &Plan = checked.ledger.plan;
    let mut rows: Vec<(String, Amount, String)> = Vec::new();
    let total = *plan.plan.county_total.get_ref();
    rows.push((
        lang.pick("Länets medel", "County total").to_string(),
        total,
        String::new(),
    ));
    let mut counts = vec![0usize; plan.areas.len()];
    for entry in &checked.ledger.insatser {
        if let Some(c) = entry.area.and_then(|a| counts.get_mut(a)) {
            *c += 1;
        }
    }
    for (area, n) in plan.areas.iter().zip(counts) {
        let number = area.number.get_ref();
        let label = say!(lang, "  Område {number}", "  Area {number}");
        let note = if n == 1 {
            "1 insats".to_string()
        } else {
            format!("{} insatser", number::count(n as u64, lang))
        };
        rows.push((label, *area.amount.get_ref(), note));
    }
    let label_width = widest(rows.iter().map(|r| r.0.as_str()));
    let amounts: Vec<String> = rows.iter().map(|r| lang.amount(r.1)).collect();
    let amount_width = widest(amounts.iter().map(String::as_str));
    let (county, year) = (
        crate::output::text::visible(plan.plan.county.get_ref()),
        plan.plan.year.get_ref(),
    );
    let printed = crate::core::report::printed::printed(&checked.ledger);
    let spans = crate::core::report::printed::SpanIndex::new(&checked.findings);
    let reconciled = crate::core::report::printed::reconciled(&checked.ledger, &printed, &spans);
    let (compared, holding) = (reconciled.figures, reconciled.holding);
    let count = |n: usize| number::count(n as u64, lang);
    // No errors here (a plan with errors gets no reconciliation), so no figure is kept from
    // being compared: one that does not hold has a warning (an earmark's).
    let mut text = match compared.saturating_sub(holding) {
        0 => say!(
            lang,
            "{county} {year}: alla summor stämmer\n",
            "{county} {year}: every total reconciles\n"
        ),
        1 => say!(
            lang,
            "{county} {year}: inga fel; en angiven summa har en varning (ovan)\n",
            "{county} {year}: no errors; one stated figure has a warning (above)\n"
        ),
        n => {
            let n = count(n);
            say!(
                lang,
                "{county} {year}: inga fel; {n} angivna summor har varningar (ovan)\n",
                "{county} {year}: no errors; {n} stated figures have warnings (above)\n"
            )
        }
    };
    for ((label, _, note), amount) in rows.iter().zip(&amounts) {
        let line = format!(
            "  {}  {}  {note}",
            pad_end(label, label_width),
            pad_start(amount, amount_width)
        );
        text.push_str(line.trim_end());
        text.push('\n');
    }
    let (compared, holding) = (count(compared), count(holding));
    text.push_str(&say!(
        lang,
        "  {holding} av {compared} angivna summor i dokumentet stämmer med beräkningen\n",
        "  {holding} of {compared} figures stated in the document match the computation\n"
    ));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The summary line's counts are grouped as every count is (review s38: `Totalt 1000
    /// planer`).
    #[test]
    fn the_summary_line_groups_its_counts() {
        let summary = Summary {
            files: 1_000,
            passed: 1,
            failed: 2_000,
            unreadable: 1_234,
            errors: 12_345,
            warnings: 1,
        };
        assert_eq!(
            summary.line(Lang::Sv),
            "Totalt 1 000 planer: 1 godkänd, 2 000 underkända, 1 234 gick inte att läsa (12 345 fel, 1 varning)"
        );
        assert_eq!(
            summary.line(Lang::En),
            "Total 1,000 plans: 1 passed, 2,000 failed, 1,234 could not be read (12,345 errors, 1 warning)"
        );
    }

    #[test]
    fn repeats_beyond_the_bound_are_counted_not_shown() {
        let mut items: Vec<(&str, bool)> = vec![("a", true); REPEATS_SHOWN + 5];
        items.insert(3, ("b", false));
        let (shown, left_out) = bounded(&items, |i| *i);
        assert_eq!(shown.len(), REPEATS_SHOWN + 1);
        assert_eq!(
            left_out,
            vec![LeftOut {
                code: "a".to_string(),
                error: true,
                count: 5
            }]
        );
    }
}
