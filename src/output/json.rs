//! JSON: the whole resolved plan and every view in one versioned document, for other tools.
//!
//! Schema `allocate-export/4` (documented in the README). Amounts are JSON integers in whole
//! kronor (an amount with öre would be an exact decimal string). The document reads back into
//! the same structs, so a round trip loses nothing.

use std::io::Write as _;

use serde::{Deserialize, Serialize};

use crate::core::ledger::{Ledger, Line, Recipient};
use crate::core::money::Amount;
use crate::core::plan::{Payment, Plan};
use crate::core::report::{
    self, Payments, PerActor, PerArea, PerHeading, PerKommun, Projection, RecipientPayments, Text,
};

pub const SCHEMA: &str = "allocate-export/4";

/// The document. [`write`] writes it without holding it: a national plan has millions of
/// payments lines and allocations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub schema: String,
    /// Whether filters narrowed the views (the plan part is always whole).
    pub filtered: bool,
    pub plan: ResolvedPlan,
    /// What each recipient is paid, with its lines.
    pub payments: Vec<RecipientPayments>,
    pub per_kommun: PerKommun,
    pub per_actor: PerActor,
    /// `None` (null) for a plan without summary headings.
    pub per_heading: Option<PerHeading>,
    pub per_area: PerArea,
    pub invoices: Payments,
}

/// The document's views after the payments, made by [`views`].
struct Views {
    per_kommun: PerKommun,
    per_actor: PerActor,
    per_heading: Option<PerHeading>,
    per_area: PerArea,
    invoices: Payments,
}

/// The plan with every name resolved and every split carried out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResolvedPlan {
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
    pub insatser: Vec<Insats>,
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
pub struct Insats {
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
    pub allocations: Vec<Allocation>,
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
    let Views {
        per_kommun,
        per_actor,
        per_heading,
        per_area,
        invoices,
    } = views(projection);
    Document {
        schema: SCHEMA.to_string(),
        filtered: projection.filtered(),
        plan: resolved_plan(ledger, |lines| {
            lines
                .iter()
                .map(|line| allocation(ledger, &recipients, line))
                .collect()
        }),
        payments: report::recipient_payments(projection),
        per_kommun,
        per_actor,
        per_heading,
        per_area,
        invoices,
    }
}

fn views(projection: &Projection) -> Views {
    Views {
        per_kommun: report::per_kommun(projection),
        per_actor: report::per_actor(projection),
        per_heading: crate::core::report::View::PerHeading
            .in_plan(projection.ledger.plan)
            .then(|| report::per_heading(projection)),
        per_area: report::per_area(projection),
        // Each statement counts its lines without listing them: they are the recipient's
        // lines of the payments, which the document already gives.
        invoices: report::statements(projection),
    }
}

/// `{"a":…,"b":…` (or `,"a":…` after `$open`) of the named fields of `$value`, each value
/// serialised by serde_json under its field's name, as the derived `Serialize` writes it (a
/// test holds [`write`] byte for byte to serialising [`document`]).
macro_rules! fields {
    ($out:expr, $open:expr, $value:expr, $($field:ident),+) => {{
        let mut open: &[u8] = $open;
        $(
            $out.write_all(open)?;
            open = b",";
            $out.write_all(concat!("\"", stringify!($field), "\":").as_bytes())?;
            serde_json::to_writer(&mut *$out, &$value.$field)?;
        )+
        let _ = open;
    }};
}

/// [`document`] written to `out` as compact JSON, without holding it, in three parts made
/// side by side: the plan with its allocations, the payments, and the other views. The
/// millions of lines and allocations are made one by one as they are written, and what an
/// allocation shares with its recipient's others is serialised once: serde_json spends most
/// of its time on the keys and separators of small objects, so the document's frame is
/// written here, field by field, and each value by serde_json.
pub fn write(projection: &Projection, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    #[derive(Clone, Copy)]
    enum Part {
        Plan,
        Payments,
        Views,
    }
    crate::core::parallel::write_in_order(
        &[Part::Plan, Part::Payments, Part::Views],
        |part, out| match part {
            Part::Plan => plan_part(projection, out),
            Part::Payments => payments_part(&report::payments(projection), out),
            Part::Views => {
                let views = views(projection);
                fields!(
                    out,
                    b",",
                    views,
                    per_kommun,
                    per_actor,
                    per_heading,
                    per_area,
                    invoices
                );
                out.write_all(b"}")
            }
        },
        out,
    )
}

/// `{"schema":…,"filtered":…,"plan":{…}`.
fn plan_part(projection: &Projection, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let ledger = projection.ledger;
    let head = Head {
        schema: SCHEMA,
        filtered: projection.filtered(),
    };
    fields!(out, b"{", head, schema, filtered);
    out.write_all(b",\"plan\":")?;
    let plan = resolved_plan(ledger, |_| Vec::new());
    fields!(
        out,
        b"{",
        plan,
        year,
        county,
        title,
        forum,
        document_date,
        decision_date,
        reference,
        unit,
        county_total,
        previous_county_total,
        deadlines,
        areas,
        focus_areas,
        actors,
        kommuner
    );
    out.write_all(b",\"insatser\":[")?;
    let starts = allocation_starts(ledger)?;
    let mut row = Vec::new();
    for (i, insats) in plan.insatser.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        fields!(
            out,
            b"{",
            insats,
            id,
            area,
            text,
            focus_areas,
            affected,
            responsible,
            actors,
            earmark,
            amount
        );
        // An insats's allocations made in a buffer of its own and written at once: the
        // pieces are many and small.
        let allocations = &mut row;
        allocations.clear();
        allocations.extend_from_slice(b",\"allocations\":[");
        for (j, line) in ledger.lines_of(i).iter().enumerate() {
            if j > 0 {
                allocations.push(b',');
            }
            let start = starts.get(ledger.actors.node(line.recipient));
            allocations.extend_from_slice(start.map_or(&[][..], Vec::as_slice));
            serde_json::to_writer(&mut *allocations, &line.amount)?;
            allocations.push(b'}');
        }
        allocations.extend_from_slice(b"]}");
        out.write_all(allocations)?;
    }
    out.write_all(b"]}")
}

/// The document's first fields.
struct Head {
    schema: &'static str,
    filtered: bool,
}

/// `,"payments":[…]`: each recipient's fields, then its lines.
fn payments_part(payments: &Payments, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(b",\"payments\":[")?;
    let mut text = Vec::new();
    for (i, (statement, payment)) in payments.statements().enumerate() {
        let recipient = RecipientPayments::of(statement, payment);
        let open: &[u8] = if i == 0 { b"{" } else { b",{" };
        fields!(
            out,
            open,
            recipient,
            recipient,
            recipient_kind,
            kommunkod,
            payment,
            total
        );
        // A recipient's lines made in a buffer and written at once: they are many and small.
        let text = &mut text;
        text.clear();
        text.extend_from_slice(b",\"lines\":[");
        for (j, line) in statement.lines.iter().enumerate() {
            let line = payments.payment_line(line);
            let open: &[u8] = if j == 0 { b"{" } else { b",{" };
            fields!(text, open, line, area, insats, amount);
            text.push(b'}');
        }
        text.extend_from_slice(b"]}");
        out.write_all(text)?;
    }
    out.write_all(b"]")
}

/// What every allocation to a recipient starts with, `{"recipient":…,"kommunkod":…,"amount":`,
/// by the recipient's node.
fn allocation_starts(ledger: &Ledger) -> std::io::Result<Vec<Vec<u8>>> {
    recipients(ledger)
        .into_iter()
        .map(|(recipient, kommunkod)| {
            let allocation = Allocation {
                recipient,
                kommunkod,
                amount: Amount::ZERO,
            };
            let mut start = Vec::new();
            let out = &mut start;
            fields!(out, b"{", allocation, recipient, kommunkod);
            out.extend_from_slice(b",\"amount\":");
            Ok(start)
        })
        .collect()
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

fn resolved_plan<'l>(
    ledger: &'l Ledger,
    allocations: impl Fn(&'l [Line]) -> Vec<Allocation>,
) -> ResolvedPlan {
    let plan: &Plan = ledger.plan;
    let date = |d: &Option<crate::core::plan::Spanned<crate::core::plan::Date>>| {
        d.as_ref().map(|d| d.get_ref().to_string())
    };
    let deadlines = plan.deadlines.as_ref();
    ResolvedPlan {
        year: *plan.plan.year.get_ref(),
        county: plan.plan.county.clone(),
        title: plan.plan.title.clone(),
        forum: plan.plan.forum.as_ref().map(|f| f.get_ref().clone()),
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

/// One view's part of [`document`] alone, indented (a view written to standard output, or
/// to its own file): only that view is made.
pub fn write_view(
    projection: &Projection,
    view: crate::core::report::View,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use crate::core::report::View;
    // serde_json writes a few bytes at a time.
    super::in_large_pieces(out, |pretty| {
        match view {
            View::Payments => {
                serde_json::to_writer_pretty(pretty, &Recipients(&report::payments(projection)))
            }
            View::PerKommun => {
                serde_json::to_writer_pretty(pretty, &report::per_kommun(projection))
            }
            View::PerActor => serde_json::to_writer_pretty(pretty, &report::per_actor(projection)),
            View::PerHeading => {
                serde_json::to_writer_pretty(pretty, &report::per_heading(projection))
            }
            View::PerArea => serde_json::to_writer_pretty(pretty, &report::per_area(projection)),
            View::Invoices => serde_json::to_writer_pretty(pretty, &report::statements(projection)),
        }
        .map_err(std::io::Error::from)
    })
}

/// The payments, serialised as the list [`report::recipient_payments`] makes, each
/// recipient's made as it is written (a national plan's lines are millions).
struct Recipients<'p>(&'p Payments);

impl Serialize for Recipients<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.recipients())
    }
}

#[cfg(test)]
mod tests {
    use crate::core::ledger::selection::Selection;
    use crate::core::report::Projection;

    /// What [`super::write`] writes, against serialising the whole [`super::document`].
    fn same(plan: &crate::core::plan::Plan, key_files: &crate::core::ledger::keys::KeyFiles) {
        let checked = crate::core::check::check(plan, key_files);
        let kommun = Selection {
            kommun: Some(0),
            ..Selection::all()
        };
        let area = Selection {
            areas: vec![0],
            ..Selection::all()
        };
        for selection in [Selection::all(), kommun, area] {
            let projection = Projection::new(&checked.ledger, &selection);
            let mut written = Vec::new();
            super::write(&projection, &mut written).unwrap();
            let serialised = serde_json::to_vec(&super::document(&projection)).unwrap();
            assert!(
                written == serialised,
                "{}\n{}",
                String::from_utf8_lossy(&written),
                String::from_utf8_lossy(&serialised)
            );
        }
    }

    #[test]
    fn the_written_document_is_the_serialised_one_byte_for_byte() {
        for path in &crate::test_plans::shipped(&["examples"]) {
            let loaded = crate::input::plan::load(path).unwrap();
            same(&loaded.plan, &loaded.key_files);
        }
        // Every split rule, decimals and texts that need escaping.
        let text = crate::output::generated::plan(&crate::output::generated::Spec {
            insatser: 80,
            kommuner: 40,
            seed: 3,
            short_texts: false,
        })
        .replace("Region Stockholm", "Region \\\"Stockholm\\\" \\\\ \\t");
        let plan = crate::input::plan::parse(&text).unwrap();
        same(&plan, &[]);
    }
}
