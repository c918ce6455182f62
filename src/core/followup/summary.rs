//! The year-end summary: per line, recipient, area and insats what was received, used, left
//! unused and not yet reported, and what the region repays to Kammarkollegiet, as plain data
//! for the renderers.
//!
//! Every figure is a sum over the ledger's lines, each line counted once: a reported line
//! splits its amount into used and unused, a line not reported counts whole as not reported.
//! Money a recipient moved between its own lines within their shared focus areas
//! (`reallocated`: in less out, per line) leaves one line and comes to another of the same
//! recipient. A recipient that did not invoice by the plan's `invoice_by` was never paid: its
//! lines are `not_invoiced`, neither used nor unused. So for every row `received +
//! reallocated = used + unused + unreported + not_invoiced`, where `reallocated` is 0 for every
//! recipient and for the whole county; the rows of every view sum to the county total, and the
//! repayment is the unused money after the moves, wherever it sits.

use std::collections::HashMap;

use serde::Serialize;

use crate::core::followup::FollowUp;
use crate::core::ledger::{Ledger, Recipient};
use crate::core::money::Amount;
use crate::core::plan::{Date, Payment};
use crate::core::report::{RecipientKind, Text};

/// A part of the summary: what `follow-up` shows and exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Per recipient: received, used, unused, not reported.
    Recipients,
    /// Per area of the agreement (the state's *delområden*).
    Areas,
    /// Per insats.
    Insatser,
    /// Money moved between a recipient's own lines within their shared focus areas.
    Reallocations,
    /// What is repaid to Kammarkollegiet, per recipient with unused money (and what a
    /// recipient that has not invoiced yet invoices).
    Repayment,
    /// Every ledger line with its use and comment.
    Lines,
}

impl Part {
    pub const ALL: [Part; 6] = [
        Part::Recipients,
        Part::Areas,
        Part::Insatser,
        Part::Reallocations,
        Part::Repayment,
        Part::Lines,
    ];

    /// The parts shown when none is asked for, on the terminal and in a document: all but
    /// the lines (the reallocations only when there are any).
    pub const SHOWN: [Part; 5] = [
        Part::Recipients,
        Part::Areas,
        Part::Insatser,
        Part::Reallocations,
        Part::Repayment,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Part::Recipients => "recipients",
            Part::Areas => "areas",
            Part::Insatser => "insatser",
            Part::Reallocations => "reallocations",
            Part::Repayment => "repayment",
            Part::Lines => "lines",
        }
    }

    /// The Swedish name, accepted on the command line too.
    pub fn alias(self) -> Option<&'static str> {
        match self {
            Part::Recipients => Some("mottagare"),
            Part::Areas => Some("omraden"),
            Part::Insatser => None,
            Part::Reallocations => Some("omfordelningar"),
            Part::Repayment => Some("aterbetalning"),
            Part::Lines => Some("rader"),
        }
    }
}

/// Received, used, unused and not reported, and what was moved in from (or, negative, out
/// to) the recipient's other lines: `received + reallocated = used + unused + unreported`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Use {
    pub received: Amount,
    pub used: Amount,
    pub unused: Amount,
    pub unreported: Amount,
    /// Moved in less moved out: 0 for a recipient and for the county, whose moves stay within.
    pub reallocated: Amount,
    /// Lines of recipients that did not invoice by the plan's `invoice_by`: never paid out,
    /// so neither used nor unused by them (the decision says what the money goes to).
    pub not_invoiced: Amount,
}

impl Use {
    /// What a recipient that has not sent its collective invoice invoices, its unused money
    /// taken off: what it received less what it reported unused (lines not yet reported are
    /// still invoiced; when every line is reported, this is what was used).
    pub fn to_invoice(&self) -> Amount {
        self.received - self.unused
    }

    /// Whether received and reallocated add up to used, unused, not reported and not
    /// invoiced in time.
    pub fn holds(&self) -> bool {
        self.received + self.reallocated
            == self.used + self.unused + self.unreported + self.not_invoiced
    }

    /// A line's figures added: what it received, and what became of it.
    fn add(&mut self, received: Amount, state: LineState) {
        self.received += received;
        match state {
            LineState::Reported { used, moved } => {
                self.reallocated += moved;
                self.used += used;
                self.unused += received + moved - used;
            }
            LineState::Unreported => self.unreported += received,
            LineState::NotInvoiced => self.not_invoiced += received,
        }
    }
}

/// What became of a line's money.
#[derive(Clone, Copy)]
enum LineState {
    /// Reported: what was used of it, and what was moved to it (negative: from it).
    Reported {
        used: Amount,
        moved: Amount,
    },
    Unreported,
    /// Its recipient did not invoice by the plan's `invoice_by`: it was never paid.
    NotInvoiced,
}

/// One ledger line as followed up.
/// One ledger line's use. Its names and texts are shared with the other lines of the same
/// recipient or insats: a national plan has 2,2 million lines.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LineUse {
    pub recipient: Text,
    pub kommunkod: Option<Text>,
    pub area: u32,
    pub insats: Text,
    pub text: Text,
    pub received: Amount,
    /// `None`: not reported.
    pub used: Option<Amount>,
    /// What is left unused after the moves (`received + reallocated - used`).
    pub unused: Option<Amount>,
    /// Not reported: what the line received while it is not reported, else 0, so that
    /// `received + reallocated = used + unused + unreported + not_invoiced` on every line.
    pub unreported: Amount,
    /// What the line received when its recipient did not invoice by `invoice_by`, else 0
    /// (`used`, `unused` and `reallocated` are then `None`).
    pub not_invoiced: Amount,
    /// Moved to the line from the recipient's other lines, or (negative) from it to them;
    /// `None`: not reported.
    pub reallocated: Option<Amount>,
    pub comment: Option<String>,
}

/// Money a recipient moved from one of its lines to another within the focus areas they
/// share, as the decision allows: what the line it went to used above what it received.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReallocationUse {
    pub recipient: String,
    pub kommunkod: Option<String>,
    /// The insats whose unused money moved.
    pub from: String,
    /// The insats it went to.
    pub to: String,
    /// The area of the agreement of `from`: the money is reported back to the state per
    /// area, and a move may cross areas.
    pub from_area: u32,
    /// The area of `to`.
    pub to_area: u32,
    /// The focus areas the two insatser share.
    pub focus_areas: Vec<u32>,
    pub amount: Amount,
}

/// What happens to a recipient's unused money.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Settlement {
    /// Nothing is unused (or nothing reported yet).
    Nothing,
    /// A unit of the region, or money the region holds: it stays in the region's books and is
    /// repaid from there.
    RegionBooks,
    /// Invoiced already: paid back to the region.
    ReturnToRegion,
    /// Not invoiced yet: the collective invoice is reduced by it.
    ReduceInvoice,
    /// Not invoiced yet (it answered no), and nothing it reported is unused: nothing comes off
    /// its collective invoice, which is still to come for all it received.
    InvoiceInFull,
    /// Invoices the region, and did not say whether it has: one of the two above.
    ReturnOrReduce,
    /// Did not invoice by the plan's `invoice_by`, which has passed: the money was never paid
    /// out, nothing is invoiced, and nothing of its is repaid (the decision says what the
    /// money goes to).
    NotInvoiced,
    /// Did not say whether it invoiced, after `invoice_by`: its unused money is paid back if it
    /// did; if it did not, it was never paid (never taken off an invoice).
    ReturnOrNotInvoiced,
}

impl Settlement {
    /// Its name for machines: in the JSON and in the files' fixed dialect (`--csv rfc4180`).
    pub fn as_str(self) -> &'static str {
        match self {
            Settlement::Nothing => "nothing",
            Settlement::RegionBooks => "region-books",
            Settlement::ReturnToRegion => "return-to-region",
            Settlement::ReduceInvoice => "reduce-invoice",
            Settlement::InvoiceInFull => "invoice-in-full",
            Settlement::ReturnOrReduce => "return-or-reduce",
            Settlement::NotInvoiced => "not-invoiced",
            Settlement::ReturnOrNotInvoiced => "return-or-not-invoiced",
        }
    }
}

impl Serialize for Settlement {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecipientUse {
    pub recipient: String,
    pub kommunkod: Option<String>,
    pub kind: RecipientKind,
    pub payment: Payment,
    /// Whether its collective invoice has been sent, as its form says.
    pub invoiced: Option<bool>,
    #[serde(flatten)]
    pub figures: Use,
    pub settlement: Settlement,
    /// What the region still expects it to invoice (*Att fakturera*), where that is known: for
    /// a recipient that has not sent its collective invoice (`ReduceInvoice`,
    /// `InvoiceInFull`), or that did not say and has unused money to take off if it has not
    /// (`ReturnOrReduce`), [`Use::to_invoice`]; for one that did not invoice by the plan's
    /// `invoice_by` (`NotInvoiced`), 0: it is not to invoice now. Otherwise `None`: it does
    /// not invoice the region, has invoiced, or has not said.
    pub to_invoice: Option<Amount>,
    /// Lines of the plan to the recipient, and how many of them are reported.
    pub lines: usize,
    pub reported: usize,
}

impl RecipientUse {
    /// The amount the way its unused money is settled names: what it invoices when the money
    /// comes off its collective invoice, or all it was to receive when it did not invoice in
    /// time.
    pub fn settled_amount(&self) -> Option<Amount> {
        match self.settlement {
            Settlement::ReduceInvoice | Settlement::ReturnOrReduce | Settlement::InvoiceInFull => {
                self.to_invoice
            }
            Settlement::NotInvoiced | Settlement::ReturnOrNotInvoiced => {
                Some(self.figures.received)
            }
            Settlement::Nothing | Settlement::RegionBooks | Settlement::ReturnToRegion => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AreaUse {
    pub number: u32,
    pub title: String,
    #[serde(flatten)]
    pub figures: Use,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InsatsUse {
    pub insats: String,
    pub area: u32,
    pub text: String,
    pub responsible: String,
    #[serde(flatten)]
    pub figures: Use,
}

/// What the region repays to Kammarkollegiet, and where the money comes from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Repayment {
    /// All unused money, and all that was not invoiced in time (`not_invoiced`).
    pub total: Amount,
    /// The deadline (`unused_repaid`); `YYYY-MM-DD` in JSON.
    #[serde(serialize_with = "iso_date")]
    pub by: Option<Date>,
    /// Unused money of the region's units and money it holds.
    pub region_books: Amount,
    /// Paid back to the region by recipients that have invoiced.
    pub returned: Amount,
    /// Taken off the collective invoices of recipients that have not invoiced yet.
    pub reduced: Amount,
    /// From recipients that did not say whether they have invoiced: their unused money.
    pub undecided: Amount,
    /// All that recipients which did not invoice by the plan's `invoice_by`, now passed,
    /// received: never paid out. Not part of the repayment: the decision says what it goes to
    /// (the 2025 decision: training and information in the county).
    pub not_invoiced: Amount,
    /// Lines are not reported yet, or a recipient did not say whether it invoiced in time,
    /// so the repayment can still change.
    pub preliminary: bool,
    /// The day the summary is made on (`--date`) is after `by`: the repayment is overdue.
    pub overdue: bool,
}

impl Repayment {
    /// Its parts added up: the region's books, paid back, taken off and undecided; the total
    /// when the parts hold.
    pub fn parts(&self) -> Amount {
        self.region_books + self.returned + self.reduced + self.undecided
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub year: i32,
    pub county: String,
    pub county_total: Amount,
    /// The reporting deadline (`use_reported`); `YYYY-MM-DD` in JSON.
    #[serde(serialize_with = "iso_date")]
    pub use_reported: Option<Date>,
    /// The day the summary is made on, when it was given (`--date`; the clock is never read);
    /// `YYYY-MM-DD` in JSON.
    #[serde(serialize_with = "iso_date")]
    pub date: Option<Date>,
    /// Whether this is the final follow-up (`--final`, or past the deadline).
    pub strict: bool,
    /// The plan's invoicing deadline (`invoice_by`); `YYYY-MM-DD` in JSON.
    #[serde(serialize_with = "iso_date")]
    pub invoice_by: Option<Date>,
    /// Whether a condition of the decision says what money not invoiced by `invoice_by` goes
    /// to ([`crate::core::plan::Meta::conditions_speak_of_invoicing`]); the summary says so
    /// beside that money, or that the decision does not.
    #[serde(skip)]
    pub not_invoiced_decided: bool,
    /// Whether `invoice_by` has passed: after `--date`, or, without it, before the use is
    /// reported (`use_reported`). A recipient that has not invoiced then was never paid.
    pub invoicing_closed: bool,
    /// No line waits to be reported: each is reported or was not invoiced in time.
    pub complete: bool,
    pub line_count: usize,
    pub lines_reported: usize,
    /// The lines of recipients that did not invoice by `invoice_by`: never paid, so never
    /// reported.
    pub lines_not_invoiced: usize,
    pub totals: Use,
    pub lines: Vec<LineUse>,
    pub recipients: Vec<RecipientUse>,
    pub areas: Vec<AreaUse>,
    pub insatser: Vec<InsatsUse>,
    /// The moves between a recipient's lines, per line taking in plan order.
    pub reallocations: Vec<ReallocationUse>,
    pub repayment: Repayment,
}

/// A date as the JSON document writes it: `"2027-03-31"`, or `null`.
fn iso_date<S: serde::Serializer>(date: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => serializer.collect_str(date),
        None => serializer.serialize_none(),
    }
}

impl Summary {
    /// The lines with a comment, by recipient in the recipients' order, each recipient's in
    /// the plan's order.
    pub fn commented_lines(&self) -> Vec<&LineUse> {
        let places: std::collections::HashMap<&str, usize> = (self.recipients.iter())
            .enumerate()
            .map(|(i, r)| (r.recipient.as_str(), i))
            .collect();
        let place = |line: &LineUse| places.get(&*line.recipient).copied().unwrap_or(usize::MAX);
        let mut lines: Vec<&LineUse> = self.lines.iter().filter(|l| l.comment.is_some()).collect();
        lines.sort_by_key(|l| place(l));
        lines
    }

    /// Whether what was received is the county total, and used, unused and not reported
    /// add up to it (the moves between lines cancel out in the county).
    pub fn reconciles(&self) -> bool {
        let t = &self.totals;
        t.used + t.unused + t.unreported + t.not_invoiced == t.received
            && t.reallocated.0.is_zero()
            && t.received == self.county_total
    }

    /// Whether a recipient did not invoice by the plan's `invoice_by`: the figures then have a
    /// column for it.
    pub fn any_not_invoiced(&self) -> bool {
        !self.totals.not_invoiced.0.is_zero()
    }

    /// What was moved between lines in all.
    pub fn reallocated(&self) -> Amount {
        self.reallocations.iter().map(|r| r.amount).sum()
    }

    /// The recipients with unused money to settle, and those whose collective invoice is still
    /// to come in full, in their order.
    pub fn settling(&self) -> impl Iterator<Item = &RecipientUse> {
        self.recipients
            .iter()
            .filter(|r| r.settlement != Settlement::Nothing)
    }

    /// The recipients the repayment may come from: those with unused money to settle, and
    /// those with lines not reported yet, whose unused money is not known.
    pub fn repaying(&self) -> impl Iterator<Item = &RecipientUse> {
        self.recipients
            .iter()
            .filter(|r| r.settlement != Settlement::Nothing || !r.figures.unreported.0.is_zero())
    }
}

/// The recipients in the order of the invoice summaries: those that invoice, then the
/// region's units, then the money the region holds; actors in plan order, kommuner by code.
pub fn recipient_order(ledger: &Ledger) -> Vec<Recipient> {
    let plan = ledger.plan;
    let mut kommuner: Vec<usize> = (0..plan.kommuner.len()).collect();
    kommuner.sort_by(|&a, &b| {
        let code = |k: usize| plan.kommuner.get(k).map(|x| x.code.get_ref());
        code(a).cmp(&code(b))
    });
    let all: Vec<Recipient> = (0..plan.actors.len())
        .map(|a| Recipient::Actor(crate::core::ledger::index(a)))
        .chain(
            kommuner
                .into_iter()
                .map(|k| Recipient::Kommun(crate::core::ledger::index(k))),
        )
        .collect();
    [Payment::Invoice, Payment::Internal, Payment::Held]
        .into_iter()
        .flat_map(|payment| {
            all.iter()
                .copied()
                .filter(move |&r| ledger.payment(r) == payment)
        })
        .collect()
}

pub fn summary(ledger: &Ledger, follow_up: &FollowUp) -> Summary {
    let plan = ledger.plan;
    let used_of = |i: usize| {
        follow_up
            .booked
            .get(i)
            .and_then(|b| b.as_ref())
            .map(|b| b.used)
    };
    // Per line, what was moved to it less what was moved from it: a move counts only between
    // lines both counted (matching keeps only such), so that every line stays whole.
    let mut moved = vec![Amount::ZERO; ledger.lines.len()];
    let mut reallocations = Vec::new();
    for r in &follow_up.reallocations {
        if used_of(r.from).is_none() || used_of(r.to).is_none() {
            continue;
        }
        if let Some(m) = moved.get_mut(r.to) {
            *m += r.amount;
        }
        if let Some(m) = moved.get_mut(r.from) {
            *m -= r.amount;
        }
        let insats = |line: usize| {
            ledger
                .lines
                .get(line)
                .and_then(|l| plan.insatser.get(l.insats as usize))
                .map_or_else(String::new, |i| i.id.get_ref().clone())
        };
        reallocations.push(ReallocationUse {
            recipient: ledger.recipient_name(r.recipient).to_string(),
            kommunkod: ledger.kommunkod(r.recipient).map(str::to_string),
            from: insats(r.from),
            to: insats(r.to),
            from_area: super::matching::area_number(ledger, r.from),
            to_area: super::matching::area_number(ledger, r.to),
            focus_areas: r.focus.clone(),
            amount: r.amount,
        });
    }

    // Per recipient (by actor node), per area, per insats: one pass over the lines.
    let nodes = ledger.actors.count + plan.kommuner.len();
    let mut per_node = vec![Use::default(); nodes];
    let mut counts = vec![(0usize, 0usize); nodes];
    let mut per_area = vec![Use::default(); plan.areas.len()];
    let mut per_insats = vec![Use::default(); plan.insatser.len()];
    let mut totals = Use::default();
    let mut lines = Vec::with_capacity(ledger.lines.len());
    // Each insats's id and text, and each recipient's name and kommunkod, made once.
    let empty: Text = Text::from("");
    let insatser: Vec<(Text, Text)> = plan
        .insatser
        .iter()
        .map(|x| {
            (
                Text::from(x.id.get_ref().as_str()),
                Text::from(x.text.as_str()),
            )
        })
        .collect();
    let mut names: HashMap<Recipient, (Text, Option<Text>)> = HashMap::new();
    let mut lines_not_invoiced = 0;
    for (i, line) in ledger.lines.iter().enumerate() {
        let not_invoiced = follow_up.not_invoiced.contains(&line.recipient);
        let used = used_of(i).filter(|_| !not_invoiced);
        let moved = moved.get(i).copied().unwrap_or(Amount::ZERO);
        let state = match used {
            _ if not_invoiced => LineState::NotInvoiced,
            Some(used) => LineState::Reported { used, moved },
            None => LineState::Unreported,
        };
        lines_not_invoiced += usize::from(not_invoiced);
        let node = ledger.actors.node(line.recipient);
        if let Some(u) = per_node.get_mut(node) {
            u.add(line.amount, state);
        }
        if let Some(c) = counts.get_mut(node) {
            c.0 += 1;
            c.1 += usize::from(used.is_some() || not_invoiced);
        }
        if let Some(u) = ledger.area_of(line).and_then(|a| per_area.get_mut(a)) {
            u.add(line.amount, state);
        }
        if let Some(u) = per_insats.get_mut(line.insats as usize) {
            u.add(line.amount, state);
        }
        totals.add(line.amount, state);
        let (id, text) = insatser
            .get(line.insats as usize)
            .cloned()
            .unwrap_or_else(|| (empty.clone(), empty.clone()));
        let (recipient, kommunkod) = names
            .entry(line.recipient)
            .or_insert_with(|| {
                (
                    Text::from(ledger.recipient_name(line.recipient)),
                    ledger.kommunkod(line.recipient).map(Text::from),
                )
            })
            .clone();
        lines.push(LineUse {
            recipient,
            kommunkod,
            area: ledger.area_of(line).map_or(0, |a| ledger.area_number(a)),
            insats: id,
            text,
            received: line.amount,
            used,
            unused: used.map(|u| line.amount + moved - u),
            unreported: match state {
                LineState::Unreported => line.amount,
                _ => Amount::ZERO,
            },
            not_invoiced: match state {
                LineState::NotInvoiced => line.amount,
                _ => Amount::ZERO,
            },
            reallocated: used.map(|_| moved),
            comment: follow_up.comments.get(i).cloned().flatten(),
        });
    }

    let by = plan.deadlines.as_ref().and_then(|d| d.unused_repaid());
    let mut repayment = Repayment {
        total: totals.unused,
        by,
        overdue: matches!((follow_up.date, by), (Some(today), Some(by)) if today > by),
        region_books: Amount::ZERO,
        returned: Amount::ZERO,
        reduced: Amount::ZERO,
        undecided: Amount::ZERO,
        not_invoiced: Amount::ZERO,
        preliminary: !totals.unreported.0.is_zero(),
    };
    let mut recipients = Vec::new();
    for recipient in recipient_order(ledger) {
        let node = ledger.actors.node(recipient);
        let (count, reported) = counts.get(node).copied().unwrap_or_default();
        if count == 0 {
            continue;
        }
        let figures = per_node.get(node).copied().unwrap_or_default();
        let payment = ledger.payment(recipient);
        let invoiced = follow_up.invoiced.get(&recipient).copied();
        let closed = follow_up.invoicing_closed.is_some() && payment == Payment::Invoice;
        let settlement = match (payment, invoiced) {
            // Not invoiced by the deadline: never paid, nothing of its to settle.
            _ if follow_up.not_invoiced.contains(&recipient) => Settlement::NotInvoiced,
            // No answer after the deadline, from one that reported: it may be the same.
            (Payment::Invoice, None) if closed && reported > 0 => Settlement::ReturnOrNotInvoiced,
            // Not invoiced yet, nothing to take off: the whole invoice is still to come.
            (Payment::Invoice, Some(false)) if figures.unused.0.is_zero() => {
                Settlement::InvoiceInFull
            }
            _ if figures.unused.0.is_zero() => Settlement::Nothing,
            (Payment::Internal | Payment::Held, _) => Settlement::RegionBooks,
            (Payment::Invoice, Some(true)) => Settlement::ReturnToRegion,
            (Payment::Invoice, Some(false)) => Settlement::ReduceInvoice,
            (Payment::Invoice, None) => Settlement::ReturnOrReduce,
        };
        match settlement {
            Settlement::Nothing => {}
            Settlement::RegionBooks => repayment.region_books += figures.unused,
            Settlement::ReturnToRegion => repayment.returned += figures.unused,
            Settlement::ReduceInvoice => repayment.reduced += figures.unused,
            Settlement::InvoiceInFull => {}
            Settlement::ReturnOrReduce => repayment.undecided += figures.unused,
            // Returned if it invoiced in time; if it did not, never paid: not final.
            Settlement::ReturnOrNotInvoiced => {
                repayment.undecided += figures.unused;
                repayment.preliminary = true;
            }
            Settlement::NotInvoiced => repayment.not_invoiced += figures.not_invoiced,
        }
        recipients.push(RecipientUse {
            recipient: ledger.recipient_name(recipient).to_string(),
            kommunkod: ledger.kommunkod(recipient).map(str::to_string),
            kind: RecipientKind::of(ledger, recipient),
            payment,
            invoiced,
            figures,
            settlement,
            to_invoice: match settlement {
                Settlement::ReduceInvoice
                | Settlement::ReturnOrReduce
                | Settlement::InvoiceInFull => Some(figures.to_invoice()),
                // Never paid, and not to be invoiced now.
                Settlement::NotInvoiced => Some(Amount::ZERO),
                Settlement::Nothing
                | Settlement::RegionBooks
                | Settlement::ReturnToRegion
                | Settlement::ReturnOrNotInvoiced => None,
            },
            lines: count,
            reported,
        });
    }

    let areas = plan
        .areas
        .iter()
        .zip(per_area)
        .map(|(area, figures)| AreaUse {
            number: *area.number.get_ref(),
            title: area.title.clone(),
            figures,
        })
        .collect();
    let insatser = plan
        .insatser
        .iter()
        .zip(per_insats)
        .enumerate()
        .map(|(i, (insats, figures))| InsatsUse {
            insats: insats.id.get_ref().clone(),
            area: *insats.area.get_ref(),
            text: insats.text.clone(),
            responsible: ledger.responsible(i),
            figures,
        })
        .collect();
    let line_count = lines.len();
    let lines_reported = lines.iter().filter(|l| l.used.is_some()).count();
    Summary {
        year: *plan.plan.year.get_ref(),
        county: plan.plan.county.get_ref().clone(),
        county_total: *plan.plan.county_total.get_ref(),
        use_reported: plan
            .deadlines
            .as_ref()
            .and_then(|d| d.use_reported.as_ref())
            .map(|d| *d.get_ref()),
        date: follow_up.date,
        strict: follow_up.strict,
        invoice_by: plan.deadlines.as_ref().and_then(|d| d.invoice_by()),
        not_invoiced_decided: plan.plan.conditions_speak_of_invoicing(),
        invoicing_closed: follow_up.invoicing_closed.is_some(),
        complete: lines_reported + lines_not_invoiced == line_count,
        line_count,
        lines_reported,
        lines_not_invoiced,
        totals,
        lines,
        recipients,
        areas,
        insatser,
        reallocations,
        repayment,
    }
}
