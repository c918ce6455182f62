//! Payments: who is paid what and how. One collective invoice (*samlingsfaktura*) per
//! recipient that invoices the region, the internal transfers to the region's own units, and
//! the money the region holds for further distribution; together the county total.

use serde::{Deserialize, Serialize};

use crate::core::ledger::{Ledger, Recipient};
use crate::core::money::Amount;
use crate::core::plan::{ActorKind, Payment};
use crate::core::report::{Projection, Verdict, whole};

/// A text shared by many rows (a recipient's name is on each of its payments rows): cloned by
/// count, and read by the threads that write a national plan's views in parts.
pub type Text = std::sync::Arc<str>;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Payments {
    /// One collective invoice (*samlingsfaktura*) per recipient that invoices the region.
    pub invoices: Vec<Statement>,
    /// Internal transfers to the region's own units.
    pub internal: Vec<Statement>,
    /// Money the region holds for further distribution.
    pub held: Vec<Statement>,
    pub invoiced: Amount,
    pub transferred: Amount,
    pub held_total: Amount,
    /// The plan's county total, which the three must add up to.
    pub county_total: Amount,
    /// Whether the selection covers the whole plan, so that the three can be compared with
    /// the county total; otherwise they are a selection of it.
    #[serde(default = "whole")]
    pub complete: bool,
    pub region: String,
    pub reference: Option<String>,
    pub decision: String,
    /// The plan names its deciding forum but not the day it decided: the invoices must say
    /// the date is missing rather than cite a decision without one.
    #[serde(default)]
    pub decision_date_missing: bool,
    /// The decision a revised plan replaces (`replaces`), as an ISO date.
    #[serde(default)]
    pub replaces: Option<String>,
    /// Deadlines as ISO dates (`2026-12-31`).
    pub deadlines: Vec<(DeadlineKind, String)>,
    /// Each insats's id and text by its place in the plan, which the statements' lines name
    /// (a national plan's lines are millions, its insatser thousands); empty when the
    /// statements' lines are not listed.
    #[serde(skip)]
    pub insatser: Vec<InsatsText>,
}

/// An insats's id and text, shared by its lines.
#[derive(Clone, Debug, PartialEq)]
pub struct InsatsText {
    pub id: Text,
    pub text: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    InvoiceBy,
    Requisition,
    UseReported,
    UnusedRepaid,
}

/// What one recipient receives, line by line.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Statement {
    pub recipient: Text,
    /// The recipient in the ledger. Never serialised (the JSON names it by `recipient`).
    #[serde(skip)]
    pub of: Option<Recipient>,
    pub kind: RecipientKind,
    pub kommunkod: Option<String>,
    /// How many insatser the statement covers: its lines.
    pub insatser: usize,
    /// The lines, one per insats. Never serialised: they name their insatser by their place
    /// in the plan, and the JSON export gives them as the recipient's rows of its `payments`.
    #[serde(skip)]
    pub lines: Vec<StatementLine>,
    pub total: Amount,
}

/// Two statements are the same when they say the same: where the recipient stands in the
/// ledger (`of`) is not written, so a statement read back from JSON equals the one written.
impl PartialEq for Statement {
    fn eq(&self, other: &Statement) -> bool {
        self.recipient == other.recipient
            && self.kind == other.kind
            && self.kommunkod == other.kommunkod
            && self.insatser == other.insatser
            && self.lines == other.lines
            && self.total == other.total
    }
}

/// One line of a statement: an insats's part for the recipient. Its id and text are those
/// the payments give for it ([`Payments::insats`]): a line is small, as millions are made at
/// once.
#[derive(Clone, Debug, PartialEq)]
pub struct StatementLine {
    /// The insats's place in the plan.
    pub index: u32,
    pub area: u32,
    pub amount: Amount,
}

/// What kind of recipient a payment goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecipientKind {
    Region,
    RegionUnit,
    Kommunforbund,
    Kommun,
    External,
}

impl RecipientKind {
    pub fn of(ledger: &Ledger, recipient: Recipient) -> RecipientKind {
        match recipient {
            Recipient::Kommun(_) => RecipientKind::Kommun,
            Recipient::Actor(a) => match ledger
                .plan
                .actors
                .get(a as usize)
                .map(|x| *x.kind.get_ref())
            {
                Some(ActorKind::Region) => RecipientKind::Region,
                Some(ActorKind::RegionUnit) => RecipientKind::RegionUnit,
                Some(ActorKind::Kommunforbund) => RecipientKind::Kommunforbund,
                Some(ActorKind::Kommuner) => RecipientKind::Kommun,
                Some(ActorKind::External) | None => RecipientKind::External,
            },
        }
    }
}

/// Who is paid what, each statement with its lines.
pub fn payments(view: &Projection) -> Payments {
    made(view, Listed::All)
}

/// [`payments`] with each statement's lines counted but not listed: the invoices as a sheet
/// or a document give one row per statement.
pub fn statements(view: &Projection) -> Payments {
    made(view, Listed::None)
}

/// How many parts a national plan's payments are written in side by side, each a run of
/// recipients of about as many lines: one per core for a national
/// plan's millions of lines, one for a plan whose lines are made faster than handed to
/// threads.
pub fn payments_parts(view: &Projection) -> usize {
    const LINES_PER_PART: usize = 100_000;
    (view.lines().count() / LINES_PER_PART).clamp(1, crate::core::parallel::most_threads())
}

/// Whether the statements' lines are listed.
#[derive(Clone, Copy)]
enum Listed {
    None,
    All,
}

fn made(view: &Projection, listed: Listed) -> Payments {
    let ledger = view.ledger;
    let plan = ledger.plan;
    // Each recipient's count and total in one pass, then (when asked) its lines in another,
    // each list made at its size. Recipients come in a stable order: actors in plan order,
    // then kommuner in kommunkod order.
    let actors = plan.actors.len();
    let slots = actors + plan.kommuner.len();
    let mut counts = vec![0usize; slots];
    let mut totals = vec![Amount::ZERO; slots];
    for line in view.lines() {
        let slot = ledger.actors.node(line.recipient);
        if let (Some(count), Some(total)) = (counts.get_mut(slot), totals.get_mut(slot)) {
            *count += 1;
            *total += line.amount;
        }
    }
    // The statements' order: invoicing recipients, then internal transfers, then held money,
    // each in recipient order.
    let mut kommuner: Vec<usize> = (0..plan.kommuner.len()).collect();
    kommuner.sort_by(|&a, &b| {
        let code = |k: usize| plan.kommuner.get(k).map(|x| x.code.get_ref());
        code(a).cmp(&code(b))
    });
    let recipients: Vec<Recipient> = (0..actors)
        .map(|a| Recipient::Actor(crate::core::ledger::index(a)))
        .chain(
            kommuner
                .into_iter()
                .map(|k| Recipient::Kommun(crate::core::ledger::index(k))),
        )
        .filter(|&r| counts.get(ledger.actors.node(r)).is_some_and(|&n| n > 0))
        .collect();
    let order: Vec<(Recipient, Payment)> = [Payment::Invoice, Payment::Internal, Payment::Held]
        .into_iter()
        .flat_map(|payment| {
            recipients
                .iter()
                .filter(move |&&r| ledger.payment(r) == payment)
                .map(move |&r| (r, payment))
        })
        .collect();
    let mut lines_of: Vec<Vec<StatementLine>> = Vec::new();
    let mut insatser = Vec::new();
    if matches!(listed, Listed::All) {
        lines_of = counts.iter().map(|&n| Vec::with_capacity(n)).collect();
        for line in view.lines() {
            let slot = ledger.actors.node(line.recipient);
            if let Some(list) = lines_of.get_mut(slot) {
                list.push(StatementLine {
                    index: line.insats,
                    area: ledger.area_of(line).map_or(0, |a| ledger.area_number(a)),
                    amount: line.amount,
                });
            }
        }
        // All ids first, then all texts: the ids, read for every line, lie close together
        // in memory instead of each between two long texts.
        let ids: Vec<Text> = plan
            .insatser
            .iter()
            .map(|x| Text::from(x.id.get_ref().as_str()))
            .collect();
        let texts = plan.insatser.iter().map(|x| Text::from(x.text.as_str()));
        insatser = ids
            .into_iter()
            .zip(texts)
            .map(|(id, text)| InsatsText { id, text })
            .collect();
    }
    let mut invoices = Vec::new();
    let mut internal = Vec::new();
    let mut held = Vec::new();
    for (recipient, payment) in order {
        let slot = ledger.actors.node(recipient);
        let statement = Statement {
            recipient: Text::from(ledger.recipient_name(recipient)),
            of: Some(recipient),
            kind: RecipientKind::of(ledger, recipient),
            kommunkod: ledger.kommunkod(recipient).map(str::to_string),
            total: totals.get(slot).copied().unwrap_or(Amount::ZERO),
            insatser: counts.get(slot).copied().unwrap_or(0),
            lines: lines_of
                .get_mut(slot)
                .map(std::mem::take)
                .unwrap_or_default(),
        };
        match payment {
            Payment::Invoice => invoices.push(statement),
            Payment::Internal => internal.push(statement),
            Payment::Held => held.push(statement),
        }
    }
    let sum = |s: &[Statement]| s.iter().map(|x| x.total).sum();
    let region = plan
        .actors
        .iter()
        .find(|a| *a.kind.get_ref() == ActorKind::Region)
        .map_or_else(|| "Regionen".to_string(), |a| a.name.clone());
    let mut deadlines = Vec::new();
    if let Some(d) = &plan.deadlines {
        for (kind, date) in [
            (DeadlineKind::InvoiceBy, &d.invoice_by),
            (DeadlineKind::Requisition, &d.requisition),
            (DeadlineKind::UseReported, &d.use_reported),
            (DeadlineKind::UnusedRepaid, &d.unused_repaid),
        ] {
            if let Some(date) = date {
                deadlines.push((kind, date.get_ref().to_string()));
            }
        }
    }
    let decision = match (&plan.plan.forum, &plan.plan.decision_date) {
        (Some(forum), Some(date)) => format!("{forum} {}: {}", date.get_ref(), plan.plan.title),
        (Some(forum), None) => format!("{forum}: {}", plan.plan.title),
        (None, _) => plan.plan.title.clone(),
    };
    Payments {
        invoiced: sum(&invoices),
        transferred: sum(&internal),
        held_total: sum(&held),
        invoices,
        internal,
        held,
        county_total: *plan.plan.county_total.get_ref(),
        complete: view.is_whole(),
        region,
        reference: plan.plan.reference.clone(),
        decision,
        decision_date_missing: decision_date_missing(plan),
        replaces: plan.plan.replaces.as_ref().map(|d| d.get_ref().to_string()),
        deadlines,
        insatser,
    }
}

/// Whether the plan names the deciding forum but not the date of its decision, which invoices
/// cite (`check` warns: `decision-date`).
pub fn decision_date_missing(plan: &crate::core::plan::Plan) -> bool {
    plan.plan.forum.is_some() && plan.plan.decision_date.is_none()
}

/// What one recipient is paid, line by line: the statement ekonomienhet books, as the JSON
/// export gives it (what the lines share is written once, not on each of them).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecipientPayments {
    pub recipient: Text,
    pub recipient_kind: RecipientKind,
    pub kommunkod: Option<Text>,
    pub payment: Payment,
    pub total: Amount,
    pub lines: Vec<PaymentLine>,
}

impl RecipientPayments {
    /// A statement's recipient, route and total, without its lines.
    pub fn of(statement: &Statement, payment: Payment) -> RecipientPayments {
        RecipientPayments {
            recipient: statement.recipient.clone(),
            recipient_kind: statement.kind,
            kommunkod: statement.kommunkod.as_deref().map(Text::from),
            payment,
            total: statement.total,
            lines: Vec::new(),
        }
    }
}

/// One insats's money to the recipient.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PaymentLine {
    pub area: u32,
    pub insats: Text,
    pub amount: Amount,
}

impl Payments {
    /// What the invoices, the internal transfers and the held money add up to.
    pub fn total(&self) -> Amount {
        self.invoiced + self.transferred + self.held_total
    }

    /// The three together against the county total.
    pub fn verdict(&self) -> Verdict {
        Verdict::of(self.complete, self.total(), self.county_total)
    }

    /// The id and text of a line's insats (every listed line has one).
    pub fn insats(&self, line: &StatementLine) -> Option<&InsatsText> {
        self.insatser.get(line.index as usize)
    }

    /// The id of a line's insats.
    pub fn id(&self, line: &StatementLine) -> &str {
        self.insats(line).map_or("", |x| &x.id)
    }

    /// The text of a line's insats.
    pub fn text(&self, line: &StatementLine) -> &str {
        self.insats(line).map_or("", |x| &x.text)
    }

    /// Every line with its recipient's statement and payment route, in order: invoicing
    /// recipients, then internal transfers, then held money. The amounts sum to the
    /// selection's total.
    pub fn lines(&self) -> impl Iterator<Item = (&Statement, Payment, &StatementLine)> {
        self.statements().flat_map(|(statement, payment)| {
            statement
                .lines
                .iter()
                .map(move |line| (statement, payment, line))
        })
    }

    /// Every recipient's statement with its payment route, in the order of [`Payments::lines`].
    pub fn statements(&self) -> impl Iterator<Item = (&Statement, Payment)> {
        let groups = [
            (&self.invoices, Payment::Invoice),
            (&self.internal, Payment::Internal),
            (&self.held, Payment::Held),
        ];
        groups
            .into_iter()
            .flat_map(|(statements, payment)| statements.iter().map(move |s| (s, payment)))
    }

    /// The places in [`Payments::statements`] of run `part` of `parts` runs of recipients of
    /// about as many lines each (empty when the runs are fewer), for a national plan's
    /// payments written in parts side by side.
    pub fn run(&self, part: usize, parts: usize) -> std::ops::Range<usize> {
        let lines: Vec<usize> = self.statements().map(|(s, _)| s.lines.len()).collect();
        crate::core::parallel::runs(&lines, parts)
            .into_iter()
            .nth(part)
            .unwrap_or_default()
    }
}

/// Every recipient's payments, in the order of [`Payments::lines`].
pub fn recipient_payments(view: &Projection) -> Vec<RecipientPayments> {
    payments(view).recipients().collect()
}

impl Payments {
    /// Every recipient's payments, in the order of [`Payments::lines`], each made as it is
    /// read (a national plan has millions of lines: a JSON export writes them one recipient at
    /// a time).
    pub fn recipients(&self) -> impl Iterator<Item = RecipientPayments> + '_ {
        self.statements()
            .map(|(statement, payment)| RecipientPayments {
                lines: statement
                    .lines
                    .iter()
                    .map(|line| self.payment_line(line))
                    .collect(),
                ..RecipientPayments::of(statement, payment)
            })
    }

    /// A statement's line with its insats's id.
    pub fn payment_line(&self, line: &StatementLine) -> PaymentLine {
        PaymentLine {
            area: line.area,
            insats: self.insats(line).map(|x| x.id.clone()).unwrap_or_default(),
            amount: line.amount,
        }
    }
}
