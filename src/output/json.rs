//! JSON: the whole resolved plan and every view in one versioned document, for other tools.
//!
//! Schema `allocate-export/2` (documented in the README). Amounts are JSON integers in whole
//! kronor (an amount with öre would be an exact decimal string). The document reads back into
//! the same structs, so a round trip loses nothing.

use serde::{Deserialize, Serialize};

use crate::core::ledger::{Ledger, Line, Recipient};
use crate::core::money::Amount;
use crate::core::plan::{Payment, Plan};
use crate::core::report::{
    self, PaymentRow, Payments, PerActor, PerArea, PerHeading, PerKommun, Projection, Text,
};

pub const SCHEMA: &str = "allocate-export/2";

/// The document. Written, its payments rows and its insatser's allocations are made one by
/// one as they are serialised ([`write`]: a national plan has millions of each); read back,
/// they are lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document<R = Vec<PaymentRow>, A = Vec<Allocation>> {
    pub schema: String,
    /// Whether filters narrowed the views (the plan part is always whole).
    pub filtered: bool,
    pub plan: ResolvedPlan<A>,
    pub payments: R,
    pub per_kommun: PerKommun,
    pub per_actor: PerActor,
    pub per_heading: PerHeading,
    pub per_area: PerArea,
    pub invoices: Payments,
}

/// The plan with every name resolved and every split carried out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResolvedPlan<A = Vec<Allocation>> {
    pub year: i32,
    pub county: String,
    pub title: String,
    pub forum: Option<String>,
    pub document_date: Option<String>,
    pub decision_date: Option<String>,
    pub reference: Option<String>,
    pub unit: Amount,
    pub county_total: Amount,
    pub previous_county_total: Option<Amount>,
    pub deadlines: Deadlines,
    pub areas: Vec<Area>,
    pub focus_areas: Vec<FocusArea>,
    pub actors: Vec<Actor>,
    pub kommuner: Vec<Kommun>,
    pub insatser: Vec<Insats<A>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deadlines {
    pub requisition: Option<String>,
    pub use_reported: Option<String>,
    pub unused_repaid: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub number: u32,
    pub title: String,
    pub amount: Amount,
    pub basis: Option<String>,
    pub earmarks: Vec<Earmark>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Earmark {
    pub id: String,
    pub title: String,
    pub amount: Amount,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FocusArea {
    pub number: u32,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub short: Option<String>,
    pub kind: String,
    pub parent: Option<String>,
    pub payment: Payment,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kommun {
    pub code: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Insats<A = Vec<Allocation>> {
    pub id: String,
    pub area: u32,
    pub text: String,
    pub focus_areas: Vec<u32>,
    pub affected: Option<String>,
    pub responsible: Option<String>,
    pub actors: Vec<String>,
    pub earmark: Option<String>,
    pub amount: Amount,
    /// Who receives how much after the split: an actor id or a kommunkod.
    pub allocations: A,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Allocation {
    pub recipient: Text,
    pub kommunkod: Option<Text>,
    pub amount: Amount,
}

/// The document for a projection of a checked plan (the plan part is always whole).
pub fn document(projection: &Projection) -> Document {
    let ledger = projection.ledger;
    let recipients = recipients(ledger);
    with(projection, report::payment_rows(projection), |lines| {
        lines
            .iter()
            .map(|line| allocation(ledger, &recipients, line))
            .collect()
    })
}

/// [`document`] written to `out` as compact JSON, its payments rows and its allocations made
/// as they are written.
pub fn write(projection: &Projection, out: impl std::io::Write) -> serde_json::Result<()> {
    let ledger = projection.ledger;
    let recipients = recipients(ledger);
    let document = with(projection, Rows(report::payments(projection)), |lines| {
        Allocations {
            ledger,
            recipients: &recipients,
            lines,
        }
    });
    serde_json::to_writer(out, &document)
}

/// The payments' rows, serialised as they are made.
struct Rows(Payments);

impl Serialize for Rows {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.rows())
    }
}

/// An insats's allocations, serialised as they are made.
struct Allocations<'a, 'p> {
    ledger: &'a Ledger<'p>,
    recipients: &'a [(Text, Option<Text>)],
    lines: &'a [Line],
}

impl Serialize for Allocations<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.lines
                .iter()
                .map(|line| allocation(self.ledger, self.recipients, line)),
        )
    }
}

/// Each recipient's id (an actor's id, a kommun's name) and kommunkod once, in node order,
/// shared by its allocations (a national plan has millions).
fn recipients(ledger: &Ledger) -> Vec<(Text, Option<Text>)> {
    let plan = ledger.plan;
    (0..plan.actors.len())
        .map(|a| Recipient::Actor(crate::core::ledger::index(a)))
        .chain((0..plan.kommuner.len()).map(|k| Recipient::Kommun(crate::core::ledger::index(k))))
        .map(|recipient| {
            let id = match recipient {
                Recipient::Actor(a) => plan
                    .actors
                    .get(a as usize)
                    .map_or("", |x| x.id.get_ref().as_str()),
                Recipient::Kommun(_) => ledger.recipient_name(recipient),
            };
            (Text::from(id), ledger.kommunkod(recipient).map(Text::from))
        })
        .collect()
}

/// One ledger line as an allocation of its insats.
fn allocation(ledger: &Ledger, recipients: &[(Text, Option<Text>)], line: &Line) -> Allocation {
    let (recipient, kommunkod) = recipients
        .get(ledger.actors.node(line.recipient))
        .cloned()
        .unwrap_or_default();
    Allocation {
        recipient,
        kommunkod,
        amount: line.amount,
    }
}

/// The document with these payments rows, each insats's allocations made from its lines by
/// `allocations`, and every other part made here.
fn with<'l, R, A>(
    projection: &Projection<'l, '_>,
    payments: R,
    allocations: impl Fn(&'l [Line]) -> A,
) -> Document<R, A> {
    Document {
        schema: SCHEMA.to_string(),
        filtered: projection.filtered(),
        plan: resolved_plan(projection.ledger, allocations),
        payments,
        per_kommun: report::per_kommun(projection),
        per_actor: report::per_actor(projection),
        per_heading: report::per_heading(projection),
        per_area: report::per_area(projection),
        // Each statement counts its lines without listing them: they are the recipient's
        // rows of the payments, which the document already gives.
        invoices: report::statements(projection),
    }
}

fn resolved_plan<'l, A>(
    ledger: &'l Ledger,
    allocations: impl Fn(&'l [Line]) -> A,
) -> ResolvedPlan<A> {
    let plan: &Plan = ledger.plan;
    let date = |d: &Option<crate::core::plan::Spanned<crate::core::plan::Date>>| {
        d.as_ref().map(|d| d.get_ref().to_string())
    };
    let deadlines = plan.deadlines.as_ref();
    ResolvedPlan {
        year: *plan.plan.year.get_ref(),
        county: plan.plan.county.clone(),
        title: plan.plan.title.clone(),
        forum: plan.plan.forum.clone(),
        document_date: date(&plan.plan.document_date),
        decision_date: date(&plan.plan.decision_date),
        reference: plan.plan.reference.clone(),
        unit: plan.plan.unit(),
        county_total: *plan.plan.county_total.get_ref(),
        previous_county_total: plan
            .plan
            .previous_county_total
            .as_ref()
            .map(|a| *a.get_ref()),
        deadlines: Deadlines {
            requisition: deadlines.and_then(|d| date(&d.requisition)),
            use_reported: deadlines.and_then(|d| date(&d.use_reported)),
            unused_repaid: deadlines.and_then(|d| date(&d.unused_repaid)),
        },
        areas: plan
            .areas
            .iter()
            .map(|a| Area {
                number: *a.number.get_ref(),
                title: a.title.clone(),
                amount: *a.amount.get_ref(),
                basis: a.basis.clone(),
                earmarks: a
                    .earmarks
                    .iter()
                    .map(|e| Earmark {
                        id: e.id.get_ref().clone(),
                        title: e.title.clone(),
                        amount: *e.amount.get_ref(),
                    })
                    .collect(),
            })
            .collect(),
        focus_areas: plan
            .focus_areas
            .iter()
            .map(|f| FocusArea {
                number: *f.number.get_ref(),
                title: f.title.clone(),
            })
            .collect(),
        actors: plan
            .actors
            .iter()
            .map(|a| Actor {
                id: a.id.get_ref().clone(),
                name: a.name.clone(),
                short: a.short.clone(),
                kind: a.kind.get_ref().as_str().to_string(),
                parent: a.parent.as_ref().map(|p| p.get_ref().clone()),
                payment: a.payment(),
            })
            .collect(),
        kommuner: plan
            .kommuner
            .iter()
            .map(|k| Kommun {
                code: k.code.get_ref().clone(),
                name: k.name.get_ref().clone(),
            })
            .collect(),
        insatser: plan
            .insatser
            .iter()
            .enumerate()
            .map(|(i, x)| Insats {
                id: x.id.get_ref().clone(),
                area: *x.area.get_ref(),
                text: x.text.clone(),
                focus_areas: x
                    .focus_areas
                    .iter()
                    .flat_map(|f| f.get_ref().iter().map(|n| *n.get_ref()))
                    .collect(),
                affected: x.affected.clone(),
                responsible: x.responsible.clone(),
                actors: x.actor_ids().iter().map(|a| a.get_ref().clone()).collect(),
                earmark: x.earmark.as_ref().map(|e| e.get_ref().clone()),
                amount: *x.amount.get_ref(),
                allocations: allocations(ledger.lines_of(i)),
            })
            .collect(),
    }
}

/// One view alone, for piping.
pub fn view(document: &Document, view: crate::core::report::View) -> serde_json::Result<String> {
    match view {
        crate::core::report::View::Payments => serde_json::to_string_pretty(&document.payments),
        crate::core::report::View::PerKommun => serde_json::to_string_pretty(&document.per_kommun),
        crate::core::report::View::PerActor => serde_json::to_string_pretty(&document.per_actor),
        crate::core::report::View::PerHeading => {
            serde_json::to_string_pretty(&document.per_heading)
        }
        crate::core::report::View::Invoices => serde_json::to_string_pretty(&document.invoices),
        crate::core::report::View::PerArea => serde_json::to_string_pretty(&document.per_area),
    }
}
