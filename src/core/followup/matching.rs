//! The usage files matched to the ledger (`follow_up`): each row to the line of its recipient
//! and insats id, each line reported at most once, and every reason a row, a form or a file
//! cannot be counted reported as a finding. Matching never guesses.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::file::{At, BadAmount, Entry, Layout, Place, Undated, UsageFile, UsageRow, Written};
use super::problem::{Location, Moved, UsageFinding, UsageProblem};
use super::reallocation::{self, Slot};
use super::recognise::{as_shown, other_plan, other_unit, other_year, states_year};
use crate::core::finding::Severity;
use crate::core::ledger::{Ledger, Recipient};
use crate::core::money::Amount;
use crate::core::plan::Date;
use crate::core::text::{fold, suggest, unguarded};

/// How strictly to follow up.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// The final follow-up: every line must be reported.
    pub final_report: bool,
    /// Today, for comparing with the reporting deadline (`None`: not compared).
    pub date: Option<Date>,
}

/// What a recipient reported for one ledger line.
#[derive(Clone, Debug, PartialEq)]
pub struct Booked {
    pub used: Amount,
    pub place: Place,
}

/// Money a recipient moved from one of its lines to another that shares a focus area with it,
/// as the decision allows: the line it went to used more than it received, and moves from the
/// recipient's unused money on its other lines cover all of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Reallocation {
    pub recipient: Recipient,
    /// The ledger line whose unused money moved.
    pub from: usize,
    /// The ledger line it went to.
    pub to: usize,
    pub amount: Amount,
    /// The focus areas the two lines' insatser share.
    pub focus: Vec<u32>,
}

/// The usage files matched to the ledger.
#[derive(Clone, Debug)]
pub struct FollowUp {
    /// Per ledger line: what was reported and counted, if anything. A line used above what it
    /// received is counted only when reallocations cover all of the excess.
    pub booked: Vec<Option<Booked>>,
    /// The moves that cover the lines used above what they received, per line taking in plan
    /// order, then per line giving.
    pub reallocations: Vec<Reallocation>,
    /// Per ledger line: the recipient's comment on its row, whether the row was counted or its
    /// amount used left empty ("väntar på faktura").
    pub comments: Vec<Option<String>>,
    /// Per recipient that said so: whether its collective invoice has been sent.
    pub invoiced: HashMap<Recipient, bool>,
    pub findings: Vec<UsageFinding>,
    /// Whether `usage-missing` counts as an error (final, or past the deadline).
    pub strict: bool,
    /// Whether the reporting deadline had passed on `Options::date`.
    pub deadline_passed: bool,
    /// The plan's invoicing deadline (`invoice_by`) when it has passed: before
    /// `Options::date`, or without a date, when it comes before the use is reported
    /// (`use_reported`), as the letters have it, or on that day in a final follow-up.
    pub invoicing_closed: Option<Date>,
    /// The recipients that said they have not invoiced, after `invoicing_closed`: they were
    /// never paid, and their lines are not invoiced in time.
    pub not_invoiced: HashSet<Recipient>,
    /// The day the follow-up is made on (`Options::date`), when it was given.
    pub date: Option<Date>,
}

impl FollowUp {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }
}

/// Who receives money, and what each of them receives, for matching rows.
struct Recipients<'l> {
    ledger: &'l Ledger<'l>,
    /// Per recipient, its line indices in ledger order.
    lines: HashMap<Recipient, Vec<usize>>,
    /// Recipients in the order their first line appears.
    order: Vec<Recipient>,
    /// The insatser's descriptions, folded (`fold`), each numbered once.
    texts: HashMap<String, u32>,
    /// Per insats, its description's number in `texts`.
    text_of: Vec<u32>,
    /// Per recipient that rows name, its lines indexed (made when first asked for: a national
    /// plan has 2,2 million lines, and a follow-up may hear from a few recipients).
    indexes: RefCell<HashMap<Recipient, Index<'l>>>,
}

/// One recipient's lines, for looking a row up.
struct Index<'l> {
    /// Per insats id, its first line with that id.
    by_id: HashMap<&'l str, usize>,
    /// Per description (numbered by `Recipients::texts`), its line with that description, or
    /// `None` when it has more than one.
    by_text: HashMap<u32, Option<usize>>,
}

impl<'l> Recipients<'l> {
    /// Every insats's description is folded once, and a recipient's lines are indexed once:
    /// a row is matched by looking up, not by going through the recipient's lines (a kommun
    /// has some 5 000 in a plan of 10 000 insatser).
    fn new(ledger: &'l Ledger<'l>) -> Recipients<'l> {
        let mut texts: HashMap<String, u32> = HashMap::new();
        let text_of: Vec<u32> = ledger
            .plan
            .insatser
            .iter()
            .map(|insats| {
                let next = u32::try_from(texts.len()).unwrap_or(u32::MAX);
                *texts.entry(fold(&insats.text)).or_insert(next)
            })
            .collect();
        let mut lines: HashMap<Recipient, Vec<usize>> = HashMap::new();
        let mut order = Vec::new();
        for (i, line) in ledger.lines.iter().enumerate() {
            let list = lines.entry(line.recipient).or_default();
            if list.is_empty() {
                order.push(line.recipient);
            }
            list.push(i);
        }
        Recipients {
            ledger,
            lines,
            order,
            texts,
            text_of,
            indexes: RefCell::new(HashMap::new()),
        }
    }

    /// Looks up in the recipient's index, made on first use.
    fn indexed<T>(&self, recipient: Recipient, look: impl FnOnce(&Index<'l>) -> T) -> T {
        let mut indexes = self.indexes.borrow_mut();
        let index = indexes.entry(recipient).or_insert_with(|| {
            let mut index = Index {
                by_id: HashMap::new(),
                by_text: HashMap::new(),
            };
            for &i in self.lines.get(&recipient).map_or(&[][..], Vec::as_slice) {
                let Some(line) = self.ledger.lines.get(i) else {
                    continue;
                };
                let Some(insats) = self.ledger.plan.insatser.get(line.insats as usize) else {
                    continue;
                };
                index.by_id.entry(insats.id.get_ref().as_str()).or_insert(i);
                if let Some(&text) = self.text_of.get(line.insats as usize) {
                    index
                        .by_text
                        .entry(text)
                        .and_modify(|one: &mut Option<usize>| *one = None)
                        .or_insert(Some(i));
                }
            }
            index
        });
        look(index)
    }

    /// The recipient's first line of the insats with this id.
    fn line_by_id(&self, recipient: Recipient, id: &str) -> Option<usize> {
        self.indexed(recipient, |index| index.by_id.get(id).copied())
    }

    /// The recipient's only line whose description, folded, is this.
    fn line_by_text(&self, recipient: Recipient, folded: &str) -> Option<usize> {
        let text = *self.texts.get(folded)?;
        self.indexed(recipient, |index| {
            index.by_text.get(&text).copied().flatten()
        })
    }

    /// A recipient by an actor's id, name or short name, or a kommun's code or name (or both,
    /// as the tool's own tables write it: `Berg (2326)`, see `Names::kommun`). When no
    /// recipient has the name as written: a name that a CSV form guarded against being run as
    /// a formula (`'=Fontänhus`) by its guarded name, and a name as a form shows it
    /// ([`as_shown`]) by the one recipient whose name it shows.
    fn resolve(&self, name: &str) -> Result<Recipient, UsageProblem> {
        let written = name.trim();
        let found = self.resolve_written(written);
        if !matches!(found, Err(UsageProblem::UnknownRecipient { .. })) {
            return found;
        }
        if unguarded(written) != written {
            let found = self.resolve_written(unguarded(written));
            if !matches!(found, Err(UsageProblem::UnknownRecipient { .. })) {
                return found;
            }
        }
        let shown = as_shown(unguarded(written));
        let mut named = (self.order.iter().copied())
            .filter(|&r| as_shown(self.ledger.recipient_name(r)) == shown);
        match (named.next(), named.next()) {
            (Some(recipient), None) => Ok(recipient),
            _ => found,
        }
    }

    fn resolve_written(&self, trimmed: &str) -> Result<Recipient, UsageProblem> {
        let plan = self.ledger.plan;
        if trimmed.is_empty() {
            return Err(UsageProblem::NoRecipient);
        }
        let actor = self.ledger.names.actor(trimmed);
        let found = match actor {
            Some(a) => Some(Recipient::Actor(crate::core::ledger::index(a))),
            None => {
                let names = &self.ledger.names;
                names
                    .kommun(&kommunkod(trimmed))
                    .map(|k| Recipient::Kommun(crate::core::ledger::index(k)))
            }
        };
        match found {
            Some(r) if self.lines.contains_key(&r) => Ok(r),
            Some(_) => Err(UsageProblem::NotARecipient {
                name: trimmed.to_string(),
            }),
            None => {
                let names = &self.ledger.names;
                // `Berg (2380)`: a name and a kommunkod of two kommuner.
                if let Some((by_name, by_code)) = names.kommun_disagreeing(trimmed) {
                    let kommun = |k: usize| plan.kommuner.get(k);
                    if let (Some(named), Some(coded)) = (kommun(by_name), kommun(by_code)) {
                        return Err(UsageProblem::RecipientsDisagree {
                            name: named.name.get_ref().clone(),
                            code: coded.code.get_ref().clone(),
                            code_is: coded.name.get_ref().clone(),
                        });
                    }
                }
                let known: Vec<&str> = self
                    .order
                    .iter()
                    .map(|&r| self.ledger.recipient_name(r))
                    .collect();
                // `Östersund kommun`, `Åres kommun`: a kommun's name near its official one.
                let folded = fold(trimmed);
                let stem = folded.strip_suffix(" kommun");
                Err(UsageProblem::UnknownRecipient {
                    name: trimmed.to_string(),
                    suggestion: suggest(trimmed, &known)
                        .or_else(|| stem.and_then(|stem| suggest(stem, &known)))
                        .or_else(|| crate::core::ledger::names::nearest_kommun(plan, trimmed))
                        .or_else(|| within(&folded, &known))
                        // `Bräcke Kommun, socialförvaltningen`: the kommun before a comma.
                        .or_else(|| {
                            let (kommun, _) = trimmed.split_once(',')?;
                            crate::core::ledger::names::nearest_kommun(plan, kommun.trim())
                        }),
                })
            }
        }
    }

    fn insats_id(&self, line: usize) -> &'l str {
        let ledger = self.ledger;
        ledger
            .lines
            .get(line)
            .and_then(|l| ledger.plan.insatser.get(l.insats as usize))
            .map_or("", |i| i.id.get_ref().as_str())
    }

    fn insats_text(&self, line: usize) -> &'l str {
        let ledger = self.ledger;
        ledger
            .lines
            .get(line)
            .and_then(|l| ledger.plan.insatser.get(l.insats as usize))
            .map_or("", |i| i.text.as_str())
    }

    fn amount(&self, line: usize) -> Amount {
        self.ledger
            .lines
            .get(line)
            .map_or(Amount::ZERO, |l| l.amount)
    }
}

/// A kommunkod as a spreadsheet may have saved it: `114` for `0114` (a number loses its
/// leading zero). Other text is returned as it is.
fn kommunkod(written: &str) -> String {
    if !written.is_empty() && written.len() < 4 && written.chars().all(|c| c.is_ascii_digit()) {
        format!("{written:0>4}")
    } else {
        written.to_string()
    }
}

/// Whether a written "collective invoice sent" means yes, no, or cannot be told.
fn yes_or_no(written: &str) -> Option<bool> {
    match fold(written).trim_end_matches('.') {
        // Not `x`: a cross in the cell may mark either answer.
        "ja" | "j" | "yes" | "y" | "true" | "sant" => Some(true),
        "nej" | "n" | "no" | "false" | "falskt" => Some(false),
        _ => None,
    }
}

/// Matches the usage files to the ledger's lines and reports every problem.
pub fn follow_up(ledger: &Ledger, files: &[&UsageFile], options: Options) -> FollowUp {
    let recipients = Recipients::new(ledger);
    let deadline = ledger
        .plan
        .deadlines
        .as_ref()
        .and_then(|d| d.use_reported.as_ref())
        .map(|d| *d.get_ref());
    let deadline_passed = matches!((options.date, deadline), (Some(today), Some(d)) if today > d);
    // Invoicing has closed after `invoice_by`: on the day given, or without one, when the
    // invoices are due before the use is reported, or (the year being closed, `--final`) on
    // that day.
    let deadlines = ledger.plan.deadlines.as_ref();
    let invoicing_closed =
        deadlines
            .and_then(|d| d.invoice_by())
            .filter(|&by| match (options.date, deadline) {
                (Some(today), _) => today > by,
                (None, Some(reported)) => {
                    deadlines.is_some_and(|d| d.invoiced_before_reported())
                        || options.final_report && by <= reported
                }
                (None, None) => false,
            });
    let strict = options.final_report || deadline_passed;
    let mut report = Report::default();
    let mut booked: Vec<Option<Booked>> = vec![None; ledger.lines.len()];
    let mut comments: Vec<Option<String>> = vec![None; ledger.lines.len()];
    // Per line, where it was first reported (counted or not), so a second report is a
    // duplicate and a report that could not be counted is not also "missing".
    let mut reported: Vec<Option<Place>> = vec![None; ledger.lines.len()];
    // Per line, whether a row that is not read (below the total, its fields shifted) names
    // it: not also "missing", but not a first report either, so a report of the line that is
    // read is not a duplicate of it, whichever file comes first.
    let mut uncounted: Vec<bool> = vec![false; ledger.lines.len()];
    // Per line, an empty cell that names it, for a "missing" finding that points at the form.
    let mut blank: Vec<Option<Place>> = vec![None; ledger.lines.len()];
    let mut heard_from: HashSet<Recipient> = HashSet::new();
    // Per recipient, where its form answers whether the invoice was sent (an empty answer's
    // cell too), else where it was first heard from: where a finding about the invoice
    // points.
    let mut answered_at: HashMap<Recipient, Place> = HashMap::new();
    // Recipients that answered whether they invoiced with neither yes nor no (an error there).
    let mut answered_otherwise: HashSet<Recipient> = HashSet::new();
    // Recipients whose form was refused as a whole: not also "sent nothing".
    let mut refused: HashSet<Recipient> = HashSet::new();
    let mut invoiced = HashMap::new();
    // Per recipient, where it first answered yes or no: a second answer that differs points
    // at it.
    let mut first_answer: HashMap<Recipient, Place> = HashMap::new();
    // Lines used above what they received, with the amount used and where: counted once the
    // recipient's unused money on its other lines is known.
    let mut overspent: Vec<Overspent> = Vec::new();
    // Each second (third, …) report of a line in one file: its finding's index, the file and
    // the line.
    let mut duplicates: Vec<(usize, (usize, usize))> = Vec::new();
    // Per recipient, each line reported again in another file (a corrected form beside the
    // one it corrects): the line, where it was first reported and where again; one finding
    // per recipient, not one per line. Files that report different lines of a recipient are
    // its report in parts.
    let mut reported_twice: HashMap<Recipient, Vec<(usize, Place, Place)>> = HashMap::new();
    // Per form and recipient, the amounts used it reports that are counted, in file order: a
    // form whose amounts are all a small part of their lines looks written in thousands.
    let mut form_use: Vec<FormUse> = Vec::new();
    // Per recipient, its rows with an amount used that were refused for an insats id that
    // tells no line (as written): one of them may be a line said to be missing.
    let mut refused_ids: HashMap<Recipient, Vec<String>> = HashMap::new();
    // The plan's insatser's descriptions as a form shows them, made when a form without its
    // year asks whether its rows' descriptions are the plan's.
    let mut plan_texts: Option<HashSet<String>> = None;
    // Each recipient cell is resolved and, when unknown, reported once.
    let mut resolved: HashMap<Place, Option<Recipient>> = HashMap::new();
    let resolve = |written: &Written<String>,
                   resolved: &mut HashMap<Place, Option<Recipient>>,
                   report: &mut Report| {
        *resolved.entry(written.place.clone()).or_insert_with(|| {
            match recipients.resolve(&written.value) {
                Ok(r) => Some(r),
                Err(problem) => {
                    report.error(&written.place, problem);
                    None
                }
            }
        })
    };

    for (index, file) in files.iter().enumerate() {
        // A copy of a file given before, byte for byte: read once, as that file. Told where
        // the file names its recipient, beside the same place in the first.
        if let Some(first) = file.copy_of {
            let place = (file.claims.first().map(|c| &c.recipient))
                .or_else(|| file.rows.first().map(|r| &r.recipient))
                .map_or(
                    Place {
                        file: index,
                        at: At::Text(0..0),
                    },
                    |written| written.place.clone(),
                );
            let related = Place {
                file: first,
                at: place.at.clone(),
            };
            report.findings.push(UsageFinding {
                severity: Severity::Warning,
                problem: UsageProblem::Copy {
                    first,
                    copy: place.file,
                },
                location: Location::Usage(place),
                related: Some(related),
            });
            continue;
        }
        // A form whose layout leaves its figures unsure, or that is another year's or
        // county's, is not counted: one finding each, and its recipient is not also said to
        // have sent nothing.
        let mut refuse = false;
        for written in &file.layout {
            let Some((problem, related)) = layout_problem(&written.value) else {
                continue;
            };
            // A second form below the first in a CSV file leaves the first readable; a second
            // sheet's form leaves it unsure which sheet counts.
            refuse |= !matches!(written.value, Layout::SecondForm { .. });
            report.findings.push(UsageFinding {
                severity: Severity::Error,
                location: Location::Usage(written.place.clone()),
                problem,
                related,
            });
        }
        // Another year's or county's file is told as such, once: not also as one without a
        // year (`Västernorrlands län`, `Jämtlands län 2026-2027`).
        let mut other = false;
        if let Some(stated) = &file.stated
            && let Some(problem) = other_plan(ledger, &stated.value)
        {
            report.error(&stated.place, problem);
            refuse = true;
            other = true;
        }
        // Without its title, or with this year's title over it, last year's form is told by
        // what the plan filled in above its table: its decision and deadlines name its year.
        // Its received amounts are not compared then: writing this year's back over them
        // would count last year's use as this year's.
        let others: Vec<(&super::file::Stamp, i32)> = (file.stamps.iter())
            .filter(|_| !other)
            .filter_map(|stamp| other_year(ledger, stamp).map(|year| (stamp, year)))
            .collect();
        if let Some(&(first, year)) = others.first() {
            let plan = &ledger.plan.plan;
            report.error(
                &first.value.place,
                UsageProblem::OtherPlanRows {
                    rows: (others.iter())
                        .map(|(s, _)| (s.kind, s.label.clone(), s.value.value.clone()))
                        .collect(),
                    year,
                    plan: format!("{} {}", plan.county, plan.year.get_ref()),
                },
            );
            refuse = true;
            other = true;
        }
        // A form's title row without a year (a TOML file without `year` is undated already).
        let untitled = match (&file.undated, &file.stated) {
            (None, Some(stated)) if !states_year(&stated.value) => Some(Undated {
                place: stated.place.clone(),
                form: true,
            }),
            _ => None,
        };
        if let Some(undated) = file.undated.as_ref().or(untitled.as_ref())
            && !other
        {
            report.findings.push(UsageFinding {
                severity: Severity::Warning,
                location: Location::Usage(undated.place.clone()),
                problem: UsageProblem::NoYear {
                    year: i64::from(*ledger.plan.plan.year.get_ref()),
                    form: undated.form,
                    foreign: foreign_texts(ledger, file, &mut plan_texts),
                },
                related: None,
            });
        }
        // An XLS form's cells' formats were not read: tkr, € or % would pass as kronor.
        if let Some(place) = &file.unchecked_formats
            && !refuse
        {
            report.findings.push(UsageFinding {
                severity: Severity::Warning,
                location: Location::Usage(place.clone()),
                problem: UsageProblem::UncheckedFormats,
                related: None,
            });
        }
        if refuse {
            for claim in &file.claims {
                if let Ok(recipient) = recipients.resolve(&claim.recipient.value) {
                    refused.insert(recipient);
                }
            }
            continue;
        }
        for claim in &file.claims {
            // A Kommunkod the plan does not have beside a Mottagare it does not have either (a
            // kommun of another county): told as the form names it, `Sundsvall (2281)`.
            if let Some(named) = claim.named.as_ref().filter(|n| !n.value.trim().is_empty())
                && !resolved.contains_key(&claim.recipient.place)
                && let Err(UsageProblem::UnknownRecipient { .. }) =
                    recipients.resolve(&claim.recipient.value)
                && let Err(UsageProblem::UnknownRecipient { suggestion, .. }) =
                    recipients.resolve(&named.value)
            {
                report.error(
                    &claim.recipient.place,
                    UsageProblem::NotInPlan {
                        name: named.value.trim().to_string(),
                        code: claim.recipient.value.trim().to_string(),
                        county: ledger.plan.plan.county.get_ref().clone(),
                        suggestion,
                    },
                );
                resolved.insert(claim.recipient.place.clone(), None);
                continue;
            }
            // A Kommunkod the plan does not have beside a Mottagare it has (`2362` beside
            // Berg, whose code is 2326): told with the Mottagare's own code as the one meant,
            // and the Mottagare not also told to have sent nothing (tester s38).
            if let Some(named) = claim.named.as_ref().filter(|n| !n.value.trim().is_empty())
                && !resolved.contains_key(&claim.recipient.place)
                && let Err(UsageProblem::UnknownRecipient { name, .. }) =
                    recipients.resolve(&claim.recipient.value)
                && let Ok(meant) = recipients.resolve(&named.value)
            {
                let suggestion = match meant {
                    Recipient::Kommun(k) => {
                        (ledger.plan.kommuner.get(k as usize)).map(|k| k.code.get_ref().clone())
                    }
                    Recipient::Actor(_) => Some(ledger.recipient_name(meant).to_string()),
                };
                report.error(
                    &claim.recipient.place,
                    UsageProblem::UnknownRecipient { name, suggestion },
                );
                resolved.insert(claim.recipient.place.clone(), None);
                refused.insert(meant);
                continue;
            }
            let Some(recipient) = resolve(&claim.recipient, &mut resolved, &mut report) else {
                // A misspelt recipient (`Bracke`) is told with the one it most likely is, which
                // is then not also told to have sent nothing (tester s35).
                if let Err(UsageProblem::UnknownRecipient {
                    suggestion: Some(meant),
                    ..
                }) = recipients.resolve(&claim.recipient.value)
                    && let Ok(meant) = recipients.resolve(&meant)
                {
                    refused.insert(meant);
                }
                continue;
            };
            // A Mottagare that is another recipient than the Kommunkod, or none of the plan's
            // (misspelt, or naming two kommuner): the form is not counted for either (its
            // rows are the Kommunkod's, which is now unresolved).
            let disagreeing = match &claim.named {
                Some(named) if !named.value.trim().is_empty() => {
                    match recipients.resolve(&named.value) {
                        Ok(other) if other == recipient => None,
                        Ok(_) => Some((
                            named,
                            UsageProblem::RecipientsDisagree {
                                name: named.value.trim().to_string(),
                                code: claim.recipient.value.trim().to_string(),
                                code_is: ledger.recipient_name(recipient).to_string(),
                            },
                        )),
                        Err(problem) => Some((named, problem)),
                    }
                }
                _ => None,
            };
            if let Some((named, problem)) = disagreeing {
                report.error(&named.place, problem);
                resolved.insert(claim.recipient.place.clone(), None);
                refused.insert(recipient);
                // Nor the Mottagare's, which may as well have sent it (tester s38: Berg's
                // form with Bräcke's code left Berg told it had sent nothing).
                if let Ok(other) = recipients.resolve(&named.value) {
                    refused.insert(other);
                }
                continue;
            }
            heard_from.insert(recipient);
            answered_at
                .entry(recipient)
                .or_insert_with(|| claim.recipient.place.clone());
            if let Some(written) = &claim.invoiced {
                answered_at.insert(recipient, written.place.clone());
                if written.value.trim().is_empty() {
                    continue;
                }
                match yes_or_no(&written.value) {
                    Some(yes) => {
                        let first_place = first_answer
                            .entry(recipient)
                            .or_insert_with(|| written.place.clone())
                            .clone();
                        if let Some(first) = invoiced.insert(recipient, yes)
                            && first != yes
                        {
                            report.findings.push(UsageFinding {
                                severity: Severity::Error,
                                location: Location::Usage(written.place.clone()),
                                problem: UsageProblem::InvoicedTwice {
                                    recipient: ledger.recipient_name(recipient).to_string(),
                                    first,
                                    file: Some(first_place.file)
                                        .filter(|&f| f != written.place.file),
                                },
                                related: Some(first_place),
                            });
                        }
                    }
                    None => {
                        answered_otherwise.insert(recipient);
                        report.error(
                            &written.place,
                            UsageProblem::Invoiced {
                                written: written.value.clone(),
                            },
                        );
                    }
                }
            }
        }
        // Per line, where this file first reports it: a second row of it here is a duplicate.
        let mut in_file: HashMap<usize, Place> = HashMap::new();
        // Per recipient, its place in `form_use` (a form's rows are one recipient's).
        let mut use_of: HashMap<Recipient, usize> = HashMap::new();
        let form = file.form;
        for row in &file.rows {
            let Some(recipient) = resolve(&row.recipient, &mut resolved, &mut report) else {
                continue;
            };
            heard_from.insert(recipient);
            answered_at
                .entry(recipient)
                .or_insert_with(|| row.recipient.place.clone());
            let own = recipients
                .lines
                .get(&recipient)
                .map_or(&[][..], Vec::as_slice);
            // An amount used below the form's total row is outside the table the total sums:
            // not counted, and the line it names, if any, is not also missing.
            if let (Some(line), false) = (row.below_total, row.used.value == Entry::Empty) {
                report.error(&row.used.place, UsageProblem::BelowTotal { line });
                let named = match_line(&recipients, recipient, own, row, &mut Report::default());
                if let Some(slot) = named_line(named).and_then(|l| uncounted.get_mut(l)) {
                    *slot = true;
                }
                continue;
            }
            // A row whose fields are shifted is not read; the line it names, if any, is not
            // also missing.
            if let Some(overflow) = &row.overflow {
                report.error(
                    &overflow.place,
                    UsageProblem::Overflow(overflow.value.clone()),
                );
                let line = match_line(&recipients, recipient, own, row, &mut Report::default());
                if let Some(slot) = named_line(line).and_then(|l| uncounted.get_mut(l)) {
                    *slot = true;
                }
                continue;
            }
            let line = match match_line(&recipients, recipient, own, row, &mut report) {
                Ok(line) => line,
                // A row refused for its changed id: its error covers the line its description
                // names, which is not also missing; unless its amount used is empty, when the
                // line is missing at that cell.
                Err(Some(Unmatched::Line(line))) => {
                    let slot = match row.used.value {
                        Entry::Empty => blank.get_mut(line),
                        _ => {
                            if let Some(slot) = uncounted.get_mut(line) {
                                *slot = true;
                            }
                            None
                        }
                    };
                    if let Some(slot) = slot {
                        slot.get_or_insert_with(|| row.used.place.clone());
                    }
                    continue;
                }
                Err(Some(Unmatched::Unknown(id))) => {
                    if row.used.value != Entry::Empty {
                        refused_ids.entry(recipient).or_default().push(id);
                    }
                    continue;
                }
                Err(None) => continue,
            };
            if let Some(received) = &row.received {
                let plan = recipients.amount(line);
                let edited = |form| UsageProblem::EditedReceived {
                    insats: row.insats.value.trim().to_string(),
                    plan,
                    form,
                };
                match &received.value {
                    Entry::Amount(a) if *a == plan => {}
                    // `21,200 kr`, as a spreadsheet in English saves the form's whole kronor:
                    // the plan's amount one way, 21,2 kr the other.
                    Entry::Ambiguous { readings, .. } if readings.contains(&plan) => {}
                    Entry::Amount(a) => report.error(&received.place, edited(Some(*a))),
                    Entry::Empty => report.error(&received.place, edited(None)),
                    Entry::Bad { .. } | Entry::Ambiguous { .. } => {
                        let (written, why) =
                            received.value.bad().unwrap_or(("", BadAmount::NotANumber));
                        report.error(
                            &received.place,
                            UsageProblem::BadReceived {
                                insats: row.insats.value.trim().to_string(),
                                written: written.to_string(),
                                why,
                                plan,
                            },
                        );
                    }
                }
            }
            if let (Some(comment), Some(slot @ None)) = (
                row.comment.as_ref().filter(|c| !c.trim().is_empty()),
                comments.get_mut(line),
            ) {
                *slot = Some(comment.clone());
            }
            let used = match &row.used.value {
                Entry::Empty => {
                    if let Some(slot) = blank.get_mut(line) {
                        slot.get_or_insert_with(|| row.used.place.clone());
                    }
                    continue;
                }
                Entry::Amount(a) => Some(*a),
                Entry::Bad { .. } | Entry::Ambiguous { .. } => None,
            };
            // An amount that cannot be read is told, a second report of its line or not.
            if let Some((written, why)) = row.used.value.bad() {
                report.error(
                    &row.used.place,
                    UsageProblem::BadAmount {
                        written: written.to_string(),
                        why,
                    },
                );
            }
            let file = row.used.place.file;
            if let Some(first) = in_file.get(&line) {
                duplicates.push((report.findings.len(), (file, line)));
                report.findings.push(UsageFinding {
                    severity: Severity::Error,
                    location: Location::Usage(row.used.place.clone()),
                    problem: UsageProblem::Duplicate {
                        recipient: ledger.recipient_name(recipient).to_string(),
                        insats: recipients.insats_id(line).to_string(),
                        // Counted once all files are read.
                        times: 2,
                    },
                    related: Some(first.clone()),
                });
                continue;
            }
            in_file.insert(line, row.used.place.clone());
            // Reported in another file too: the recipient's files are one finding
            // (`SeveralFiles`), and the line is not counted twice.
            if let Some(Some(first)) = reported.get(line) {
                (reported_twice.entry(recipient).or_default()).push((
                    line,
                    first.clone(),
                    row.used.place.clone(),
                ));
                continue;
            }
            if let Some(slot) = reported.get_mut(line) {
                *slot = Some(row.used.place.clone());
            }
            let Some(used) = used else {
                continue;
            };
            let received = recipients.amount(line);
            if form && !used.is_negative() {
                let at = *use_of.entry(recipient).or_insert_with(|| {
                    form_use.push(FormUse {
                        recipient,
                        rows: Vec::new(),
                    });
                    form_use.len() - 1
                });
                if let Some(u) = form_use.get_mut(at) {
                    u.rows.push(UsedOn {
                        line,
                        used,
                        received,
                        place: row.used.place.clone(),
                    });
                }
            }
            if used.is_negative() {
                report.error(
                    &row.used.place,
                    UsageProblem::NegativeAmount { amount: used },
                );
            } else if used > received {
                overspent.push(Overspent {
                    line,
                    used,
                    place: row.used.place.clone(),
                });
            } else if let Some(slot) = booked.get_mut(line) {
                *slot = Some(Booked {
                    used,
                    place: row.used.place.clone(),
                });
            }
        }
    }

    // After the invoicing deadline, a recipient that invoices and says it has not: it was
    // never paid, so what it reports is not use of the money (not moved between its lines, not
    // missing), and the money is not its to repay.
    let not_invoiced: HashSet<Recipient> = match invoicing_closed {
        Some(_) => (invoiced.iter())
            .filter(|&(r, &yes)| {
                !yes && ledger.payment(*r) == crate::core::plan::Payment::Invoice
                    && !refused.contains(r)
            })
            .map(|(&r, _)| r)
            .collect(),
        None => HashSet::new(),
    };
    // A form whose amounts look written in thousands: told, and counted as written (the
    // recipient may have used that little); an error when the year is being closed, as the
    // repayment would be wrong. What a recipient never paid reports is not its use.
    for u in &form_use {
        if not_invoiced.contains(&u.recipient) {
            continue;
        }
        let Some(first) = in_thousands(&u.rows) else {
            continue;
        };
        report.findings.push(UsageFinding {
            severity: if strict {
                Severity::Error
            } else {
                Severity::Warning
            },
            location: Location::Usage(first.place.clone()),
            problem: UsageProblem::Thousands {
                recipient: ledger.recipient_name(u.recipient).to_string(),
                insats: recipients.insats_id(first.line).to_string(),
                used: first.used,
                received: first.received,
                unused: u.rows.iter().map(|r| r.received - r.used).sum(),
            },
            related: None,
        });
    }
    // What a recipient never paid reported above a line's amount is not moved either: it is
    // only told, as a part of what it reported.
    let (overspent, overspent_not_invoiced): (Vec<Overspent>, Vec<Overspent>) =
        overspent.into_iter().partition(|o| {
            (ledger.lines.get(o.line)).is_none_or(|l| !not_invoiced.contains(&l.recipient))
        });
    let reallocations = reallocate(&recipients, &overspent, &mut booked, &mut report);

    // A line reported three times in a file is said to be, at each report after the first.
    let mut times: HashMap<(usize, usize), usize> = HashMap::new();
    for &(_, key) in &duplicates {
        *times.entry(key).or_insert(1) += 1;
    }
    for (at, key) in duplicates {
        if let (Some(finding), Some(&all)) = (report.findings.get_mut(at), times.get(&key))
            && let UsageProblem::Duplicate { times, .. } = &mut finding.problem
        {
            *times = all;
        }
    }

    // A recipient with a line reported in more than one file: one finding, at the first line
    // reported again and pointing at its first report, naming those lines and the files that
    // report them (not a file that reports other lines only); which one holds is not for the
    // order of the files to say.
    for recipient in &recipients.order {
        let Some(twice) = reported_twice.get(recipient) else {
            continue;
        };
        let Some((_, first, again)) = twice.first() else {
            continue;
        };
        let mut lines: Vec<usize> = twice.iter().map(|(line, ..)| *line).collect();
        lines.sort_unstable();
        lines.dedup();
        let mut files: Vec<usize> = (twice.iter())
            .flat_map(|(_, a, b)| [a.file, b.file])
            .collect();
        files.sort_unstable();
        files.dedup();
        report.findings.push(UsageFinding {
            severity: Severity::Error,
            location: Location::Usage(again.clone()),
            problem: UsageProblem::SeveralFiles {
                recipient: ledger.recipient_name(*recipient).to_string(),
                insatser: (lines.iter())
                    .map(|&l| recipients.insats_id(l).to_string())
                    .collect(),
                files,
            },
            related: Some(first.clone()),
        });
    }

    // After the invoicing deadline, a recipient that invoices and has not (or did not say
    // whether it has): its money was never paid out (or may not have been).
    if let Some(by) = invoicing_closed {
        for &recipient in &recipients.order {
            if ledger.payment(recipient) != crate::core::plan::Payment::Invoice
                || refused.contains(&recipient)
            {
                continue;
            }
            let Some(place) = answered_at.get(&recipient) else {
                continue;
            };
            let answered = invoiced.get(&recipient).copied();
            if answered == Some(true) {
                continue;
            }
            let own = recipients
                .lines
                .get(&recipient)
                .map_or(&[][..], Vec::as_slice);
            let booked_own = || {
                own.iter()
                    .filter_map(|&l| Some((l, booked.get(l)?.as_ref()?)))
            };
            // No answer from one that reported nothing either is told as missing.
            if answered.is_none() && booked_own().next().is_none() {
                continue;
            }
            let used: Amount = booked_own().map(|(_, b)| b.used).sum();
            let reported: Amount = booked_own().map(|(l, _)| recipients.amount(l)).sum();
            let unused = reported - used;
            let above: Vec<&Overspent> = (overspent_not_invoiced.iter())
                .filter(|o| own.contains(&o.line))
                .collect();
            report.findings.push(UsageFinding {
                severity: Severity::Warning,
                location: Location::Usage(place.clone()),
                problem: UsageProblem::NotInvoiced {
                    recipient: ledger.recipient_name(recipient).to_string(),
                    invoice_by: by,
                    decided: ledger.plan.plan.conditions_speak_of_invoicing(),
                    answered,
                    received: own.iter().map(|&l| recipients.amount(l)).sum(),
                    used: used + above.iter().map(|o| o.used).sum::<Amount>(),
                    unused: answered.is_none().then_some(unused),
                    beyond: (above.iter())
                        .map(|o| o.used - recipients.amount(o.line))
                        .sum(),
                },
                related: None,
            });
        }
    }

    // Closing the year (`--final`) before the invoicing deadline: a recipient that invoices,
    // left money unused and did not say whether it has sent its invoice, is asked, since the
    // money comes back either from the region or off the invoice.
    if options.final_report && invoicing_closed.is_none() {
        for &recipient in &recipients.order {
            if ledger.payment(recipient) != crate::core::plan::Payment::Invoice
                || refused.contains(&recipient)
                || invoiced.contains_key(&recipient)
                || answered_otherwise.contains(&recipient)
            {
                continue;
            }
            let Some(place) = answered_at.get(&recipient) else {
                continue;
            };
            let own = recipients
                .lines
                .get(&recipient)
                .map_or(&[][..], Vec::as_slice);
            // What it left unused in all, as the summary counts it: money moved between its
            // own lines is used (review s36: a line's excess covered by another's unused
            // money is not unused twice) where the move covers the excess whole; toward a
            // line still over, which is an error to be put right, it is not (review s37).
            let unused: Amount = (own.iter())
                .filter_map(|&l| Some(recipients.amount(l) - booked.get(l)?.as_ref()?.used))
                .sum();
            if unused.0 <= rust_decimal::Decimal::ZERO {
                continue;
            }
            report.findings.push(UsageFinding {
                severity: Severity::Warning,
                location: Location::Usage(place.clone()),
                problem: UsageProblem::InvoiceUnanswered {
                    recipient: ledger.recipient_name(recipient).to_string(),
                    unused,
                },
                related: None,
            });
        }
    }

    // Lines nobody reported on: one finding for a recipient that sent nothing or filled in
    // nothing, else one per line, at the form's empty cell when there is one.
    let severity = if strict {
        Severity::Error
    } else {
        Severity::Warning
    };
    let mut missing = Vec::new();
    for &recipient in &recipients.order {
        if not_invoiced.contains(&recipient) {
            continue;
        }
        let own = recipients
            .lines
            .get(&recipient)
            .map_or(&[][..], Vec::as_slice);
        let name = ledger.recipient_name(recipient).to_string();
        if !heard_from.contains(&recipient) {
            if refused.contains(&recipient) {
                continue;
            }
            missing.push(UsageFinding {
                severity,
                location: Location::Plan(recipient_span(ledger, recipient)),
                problem: UsageProblem::MissingRecipient {
                    recipient: name,
                    closing: strict,
                    lines: own.len(),
                    amount: own.iter().map(|&l| recipients.amount(l)).sum(),
                },
                related: None,
            });
            continue;
        }
        let is_reported = |line: usize| {
            reported.get(line).is_some_and(Option::is_some)
                || uncounted.get(line).is_some_and(|&u| u)
        };
        // Rows refused for an id that tells no line: one of them may be any line missing.
        let refused = refused_ids.get(&recipient).cloned().unwrap_or_default();
        if !own.iter().any(|&l| is_reported(l)) && refused.is_empty() {
            let first_blank = own.iter().find_map(|&l| blank.get(l).cloned().flatten());
            missing.push(UsageFinding {
                severity,
                location: first_blank.map_or_else(
                    || Location::Plan(recipient_span(ledger, recipient)),
                    Location::Usage,
                ),
                problem: UsageProblem::NothingFilledIn {
                    recipient: name,
                    lines: own.len(),
                    amount: own.iter().map(|&l| recipients.amount(l)).sum(),
                },
                related: None,
            });
            continue;
        }
        for &line in own {
            if is_reported(line) {
                continue;
            }
            let location = match blank.get(line).cloned().flatten() {
                Some(place) => Location::Usage(place),
                None => Location::Plan(insats_span(ledger, line)),
            };
            missing.push(UsageFinding {
                severity,
                location,
                problem: UsageProblem::Missing {
                    recipient: name.clone(),
                    insats: recipients.insats_id(line).to_string(),
                    amount: recipients.amount(line),
                    refused: refused.clone(),
                    // An amount in the comment's column (tester s38: `60000` beside an
                    // empty Använt) is pointed out, not read as used.
                    comment: (comments.get(line).cloned().flatten()).filter(|c| {
                        Amount::from_text(c).is_ok_and(|a| a.0 > rust_decimal::Decimal::ZERO)
                    }),
                },
                related: None,
            });
        }
    }
    // Findings in the usage files come first, in file order; those about the plan follow.
    let mut findings = report.findings;
    findings.extend(missing);
    findings.sort_by_key(|a| order_key(&a.location));

    FollowUp {
        booked,
        reallocations,
        comments,
        invoiced,
        findings,
        strict,
        deadline_passed,
        invoicing_closed,
        not_invoiced,
        date: options.date,
    }
}

/// The amounts used that one form reports for its recipient, counted (readable, not
/// negative, the line's first report).
struct FormUse {
    recipient: Recipient,
    rows: Vec<UsedOn>,
}

/// An amount used on a line, what the line received, and where the amount is written.
struct UsedOn {
    line: usize,
    used: Amount,
    received: Amount,
    place: Place,
}

/// The first amount above 0 of a form's, when the form's amounts look written in thousands
/// of kronor under its kronor header (`47,6` for 47 600 kr): at least one is above 0, and
/// every one that is, is less than a hundredth of what its line received. Written in
/// thousands, an amount is at most a thousandth of its line's (47,6 of 47 600 kr, all of it
/// used), so the rule holds with room for a line used above what it received; written in
/// kronor, a line of which anything is used at all has less than a hundredth of it used only
/// rarely, and every such line of a form so only when hardly anything was used. A 0 is an
/// answer, not a scale: a form of zeros is not told.
fn in_thousands(rows: &[UsedOn]) -> Option<&UsedOn> {
    let mut above_zero = rows.iter().filter(|r| !r.used.0.is_zero()).peekable();
    let first = *above_zero.peek()?;
    let small = |r: &UsedOn| {
        (r.used.0)
            .checked_mul(rust_decimal::Decimal::ONE_HUNDRED)
            .is_some_and(|hundredfold| hundredfold < r.received.0)
    };
    above_zero.all(small).then_some(first)
}

/// A line used above what it received: the amount used and where it is written.
struct Overspent {
    line: usize,
    used: Amount,
    place: Place,
}

/// The number of a line's area of the agreement (0 when it has none).
pub(super) fn area_number(ledger: &Ledger, line: usize) -> u32 {
    (ledger.lines.get(line))
        .and_then(|l| ledger.area_of(l))
        .map_or(0, |a| ledger.area_number(a))
}

/// The focus areas of a line's insats, as the plan gives them (sorted, each once).
fn focus_of(ledger: &Ledger, line: usize) -> Vec<u32> {
    let mut focus: Vec<u32> = ledger
        .lines
        .get(line)
        .and_then(|l| ledger.plan.insatser.get(l.insats as usize))
        .and_then(|i| i.focus_areas.as_ref())
        .map(|f| f.get_ref().iter().map(|a| *a.get_ref()).collect())
        .unwrap_or_default();
    focus.sort_unstable();
    focus.dedup();
    focus
}

/// Each line used above what it received, covered as far as the decision allows: by the same
/// recipient's unused money on its other lines that share a focus area with it (never another
/// recipient's), as much as can be covered in all ([`reallocation::cover`]). Each move is a
/// warning at the line it went to; a line covered whole is counted, with its moves; what is
/// not covered is an error.
fn reallocate(
    recipients: &Recipients,
    overspent: &[Overspent],
    booked: &mut [Option<Booked>],
    report: &mut Report,
) -> Vec<Reallocation> {
    let ledger = recipients.ledger;
    let mut moves = Vec::new();
    if overspent.is_empty() {
        return moves;
    }
    let mut by_recipient: HashMap<Recipient, Vec<&Overspent>> = HashMap::new();
    for over in overspent {
        if let Some(line) = ledger.lines.get(over.line) {
            by_recipient.entry(line.recipient).or_default().push(over);
        }
    }
    for recipient in &recipients.order {
        let Some(over) = by_recipient.get(recipient) else {
            continue;
        };
        let own = recipients
            .lines
            .get(recipient)
            .map_or(&[][..], Vec::as_slice);
        let used_on: HashMap<usize, Amount> = over.iter().map(|o| (o.line, o.used)).collect();
        let slots: Vec<Slot> = own
            .iter()
            .map(|&line| {
                let received = recipients.amount(line);
                let spare = booked
                    .get(line)
                    .and_then(Option::as_ref)
                    .and_then(|b| (received - b.used).whole_ore())
                    .unwrap_or(0)
                    .max(0);
                let excess = (used_on.get(&line))
                    .and_then(|&used| (used - received).whole_ore())
                    .unwrap_or(0)
                    .max(0);
                Slot {
                    focus: focus_of(ledger, line),
                    spare,
                    over: excess,
                    area: ledger.lines.get(line).and_then(|l| ledger.area_of(l)),
                }
            })
            .collect();
        // The moves into each line that takes, by its place among the recipient's lines.
        let mut flows: HashMap<usize, Vec<reallocation::Flow>> = HashMap::new();
        for flow in reallocation::cover(&slots) {
            flows.entry(flow.to).or_default().push(flow);
        }
        let place_of: HashMap<usize, usize> =
            own.iter().enumerate().map(|(k, &l)| (l, k)).collect();
        let name = ledger.recipient_name(*recipient).to_string();
        for o in over {
            let Some(&at) = place_of.get(&o.line) else {
                continue;
            };
            let received = recipients.amount(o.line);
            let focus = slots.get(at).map(|s| s.focus.clone()).unwrap_or_default();
            // The moves into the line, from the lines it shares a focus area with.
            let into: Vec<Reallocation> = (flows.get(&at).map_or(&[][..], Vec::as_slice).iter())
                .filter_map(|flow| {
                    let from = *own.get(flow.from)?;
                    let from_focus = slots.get(flow.from).map_or(&[][..], |s| s.focus.as_slice());
                    Some(Reallocation {
                        recipient: *recipient,
                        from,
                        to: o.line,
                        amount: Amount::from_ore(flow.ore),
                        focus: reallocation::shared(&focus, from_focus),
                    })
                })
                .collect();
            let covered: Amount = into.iter().map(|m| m.amount).sum();
            let whole = received + covered == o.used;
            for m in &into {
                report.findings.push(UsageFinding {
                    severity: Severity::Warning,
                    location: Location::Usage(o.place.clone()),
                    problem: UsageProblem::Reallocated(Box::new(Moved {
                        recipient: name.clone(),
                        from: recipients.insats_id(m.from).to_string(),
                        to: recipients.insats_id(o.line).to_string(),
                        areas: (area_number(ledger, m.from), area_number(ledger, o.line)),
                        amount: m.amount,
                        focus: m.focus.clone(),
                        received,
                        used: o.used,
                        whole,
                    })),
                    related: booked
                        .get(m.from)
                        .and_then(Option::as_ref)
                        .map(|b| b.place.clone()),
                });
            }
            if whole {
                if let Some(slot) = booked.get_mut(o.line) {
                    *slot = Some(Booked {
                        used: o.used,
                        place: o.place.clone(),
                    });
                }
                moves.extend(into);
            } else {
                report.error(
                    &o.place,
                    UsageProblem::ExceedsReceived {
                        recipient: name.clone(),
                        insats: recipients.insats_id(o.line).to_string(),
                        received,
                        used: o.used,
                        covered,
                        focus,
                    },
                );
            }
        }
    }
    moves.sort_by_key(|m| (m.to, m.from));
    moves
}

/// What is wrong with a layout the reader saw, if anything, with the place it repeats, if it
/// does.
fn layout_problem(layout: &Layout) -> Option<(UsageProblem, Option<Place>)> {
    Some(match layout {
        Layout::Unit { header, unit } => {
            if !other_unit(unit) {
                return None;
            }
            (
                UsageProblem::AmountUnit {
                    header: header.clone(),
                    unit: unit.clone(),
                },
                None,
            )
        }
        Layout::RepeatedColumn {
            header,
            first_header,
            first,
            second,
            first_place,
        } => (
            UsageProblem::RepeatedColumn {
                header: header.clone(),
                first_header: first_header.clone(),
                first: *first,
                second: *second,
            },
            Some(first_place.clone()),
        ),
        Layout::RepeatedLabel {
            label,
            first,
            second,
            first_place,
        } => (
            UsageProblem::RepeatedLabel {
                label: label.clone(),
                first: *first,
                second: *second,
            },
            Some(first_place.clone()),
        ),
        Layout::SecondForm { line } => (UsageProblem::SecondForm { line: *line }, None),
        Layout::SecondSheet { sheet, form } => (
            UsageProblem::SecondSheet {
                sheet: sheet.clone(),
                form: form.clone(),
            },
            None,
        ),
        Layout::Merged {
            top,
            left,
            bottom,
            right,
        } => (
            UsageProblem::Merged {
                top: *top,
                left: *left,
                bottom: *bottom,
                right: *right,
            },
            None,
        ),
        Layout::UnclosedQuote { line } => (UsageProblem::UnclosedQuote { line: *line }, None),
        Layout::QuotedRows { line, through } => (
            UsageProblem::QuotedRows {
                line: *line,
                through: *through,
            },
            None,
        ),
        Layout::TotalRow {
            stated,
            rows,
            text,
            computed,
            subtotal,
        } => (
            UsageProblem::TotalRow {
                stated: *stated,
                rows: *rows,
                text: text.clone(),
                computed: *computed,
                subtotal: *subtotal,
            },
            None,
        ),
    })
}

/// The recipient's name that a name written out in full ends with, as whole words: a unit
/// is written after what it is part of (the plan's `responsible` text, "Region Jämtland
/// Härjedalen Folkhälsoenheten", names the unit "Folkhälsoenheten").
fn within(folded: &str, known: &[&str]) -> Option<String> {
    let words: Vec<&str> = folded.split_whitespace().collect();
    known
        .iter()
        .find(|name| {
            let name = fold(name);
            let name: Vec<&str> = name.split_whitespace().collect();
            !name.is_empty() && name.len() < words.len() && words.ends_with(&name)
        })
        .map(|name| (*name).to_string())
}

/// The findings collected while matching.
#[derive(Default)]
struct Report {
    findings: Vec<UsageFinding>,
}

impl Report {
    fn error(&mut self, place: &Place, problem: UsageProblem) {
        self.findings.push(UsageFinding {
            severity: Severity::Error,
            location: Location::Usage(place.clone()),
            problem,
            related: None,
        });
    }
}

/// What a row that is not counted for a line names, once its problem is reported.
enum Unmatched {
    /// Its insats id was changed: its description is this line's.
    Line(usize),
    /// An id (as written; empty for a row without one) that is none of the recipient's lines,
    /// with no description that tells which line it is.
    Unknown(String),
}

/// The insats ids (as written, each once) of a form's rows whose description is none of the
/// plan's insatser as a form shows them (`plan_texts`, made on first use): asked only of a
/// form that does not say its year, where another year's form is told by them. A description
/// the recipient edited is one too, but then the form still says nothing of its year.
fn foreign_texts(
    ledger: &Ledger,
    file: &UsageFile,
    plan_texts: &mut Option<HashSet<String>>,
) -> Vec<String> {
    if !file.form {
        return Vec::new();
    }
    let texts = plan_texts.get_or_insert_with(|| {
        (ledger.plan.insatser.iter())
            .map(|insats| as_shown(&insats.text))
            .collect()
    });
    let mut foreign: Vec<String> = Vec::new();
    for row in &file.rows {
        let Some(text) = row.text.as_ref().map(|t| unguarded(&t.value).trim()) else {
            continue;
        };
        let id = row.insats.value.trim();
        if text.is_empty() || id.is_empty() || foreign.iter().any(|f| f == id) {
            continue;
        }
        if !texts.contains(&as_shown(text)) {
            foreign.push(id.to_string());
        }
    }
    foreign
}

/// The line a row names; or, when it names none it may, the problem reported and what the
/// row names instead (`None` for a row without an id or an amount used: nothing).
fn match_line(
    recipients: &Recipients,
    recipient: Recipient,
    own: &[usize],
    row: &UsageRow,
    report: &mut Report,
) -> Result<usize, Option<Unmatched>> {
    let ledger = recipients.ledger;
    let id = row.insats.value.trim();
    // An id as written, or as written before a CSV form guarded it (`'-1`), or as a form shows
    // it (`as_shown`).
    let by_id = [id, unguarded(id)]
        .into_iter()
        .find_map(|id| recipients.line_by_id(recipient, id))
        .or_else(|| {
            let shown = as_shown(unguarded(id));
            (own.iter().copied()).find(|&l| as_shown(recipients.insats_id(l)) == shown)
        });
    let text = row
        .text
        .as_ref()
        .map(|t| unguarded(&t.value).trim())
        .filter(|t| !t.is_empty());
    // The recipient's line whose description the row prints. A description printed as the
    // line of its id has it is that line's (the only line with it, or one of several: either
    // way the id's), and need not be folded and looked up.
    let by_text = match (by_id, text) {
        (Some(line), Some(text)) if text == recipients.insats_text(line).trim() => Some(line),
        (_, Some(text)) => recipients.line_by_text(recipient, &fold(text)),
        (_, None) => None,
    };
    let edited = |line: usize| UsageProblem::EditedInsats {
        written: id.to_string(),
        text_of: recipients.insats_id(line).to_string(),
    };
    match (by_id, by_text) {
        (Some(line), None) => Ok(line),
        (Some(line), Some(other)) if other == line => Ok(line),
        (Some(_), Some(other)) | (None, Some(other)) => {
            report.error(&row.insats.place, edited(other));
            Err(Some(Unmatched::Line(other)))
        }
        (None, None) => {
            if id.is_empty() {
                if row.used.value == Entry::Empty {
                    return Err(None);
                }
                report.error(&row.insats.place, UsageProblem::RowWithoutInsats);
                return Err(Some(Unmatched::Unknown(String::new())));
            }
            let problem = if ledger.names.insatser.contains_key(id) {
                UsageProblem::NotRecipientsLine {
                    recipient: ledger.recipient_name(recipient).to_string(),
                    insats: id.to_string(),
                    own: own
                        .iter()
                        .map(|&l| recipients.insats_id(l).to_string())
                        .collect(),
                }
            } else {
                let known: Vec<&str> = own.iter().map(|&l| recipients.insats_id(l)).collect();
                // Ids are short: only a slip of one character is a likely typo.
                UsageProblem::UnknownInsats {
                    insats: id.to_string(),
                    suggestion: suggest(id, &known)
                        .filter(|s| strsim::damerau_levenshtein(id, s) <= 1),
                }
            };
            report.error(&row.insats.place, problem);
            Err(Some(Unmatched::Unknown(id.to_string())))
        }
    }
}

/// The line a row names, refused or not: its own, or the one its description names when its
/// id was changed.
fn named_line(matched: Result<usize, Option<Unmatched>>) -> Option<usize> {
    match matched {
        Ok(line) | Err(Some(Unmatched::Line(line))) => Some(line),
        Err(_) => None,
    }
}

/// Usage findings in file order (file, then sheet, row and column, or byte), then plan
/// findings.
fn order_key(location: &Location) -> (usize, usize, usize, usize, usize) {
    match location {
        Location::Usage(Place {
            file,
            at: At::Text(span),
        }) => (0, *file, 0, span.start, 0),
        Location::Usage(Place {
            file,
            at: At::Cell { row, column, sheet },
        }) => (0, *file, *sheet, *row as usize, *column as usize),
        Location::Plan(span) => (1, 0, 0, span.start, 0),
    }
}

/// Where the plan defines a recipient: an actor's id, a kommun's code.
fn recipient_span(ledger: &Ledger, recipient: Recipient) -> Range<usize> {
    match recipient {
        Recipient::Actor(a) => ledger
            .plan
            .actors
            .get(a as usize)
            .map_or(0..0, |x| x.id.span()),
        Recipient::Kommun(k) => ledger
            .plan
            .kommuner
            .get(k as usize)
            .map_or(0..0, |x| x.code.span()),
    }
}

/// Where the plan defines a line's insats: its id.
fn insats_span(ledger: &Ledger, line: usize) -> Range<usize> {
    ledger
        .lines
        .get(line)
        .and_then(|l| ledger.plan.insatser.get(l.insats as usize))
        .map_or(0..0, |i| i.id.span())
}
