//! JSON: the whole resolved plan and every view in one versioned document, for other tools.
//!
//! Schema `allocate-export/4` (documented in the README). Amounts are JSON integers in whole
//! kronor (an amount with öre would be an exact decimal string). The document reads back into
//! the same structs, so a round trip loses nothing.

use std::io::Write as _;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::core::ledger::{Ledger, Line, Recipient};
use crate::core::money::Amount;
use crate::core::parallel;
use crate::core::plan::{Payment, Plan};
use crate::core::report::{
    self, Payments, PerActor, PerArea, PerHeading, PerKommun, Projection, RecipientPayments, Text,
    View,
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
    /// The decision a revised plan replaces (`replaces`).
    #[serde(default)]
    pub replaces: Option<String>,
    pub reference: Option<String>,
    pub invoicing: Option<String>,
    pub unit: Amount,
    pub county_total: Amount,
    pub previous_county_total: Option<Amount>,
    /// *Villkor för medlen*: the decision's paragraphs on using the money, as written.
    pub conditions: Vec<String>,
    pub deadlines: Deadlines,
    pub areas: Vec<Area>,
    pub focus_areas: Vec<FocusArea>,
    pub actors: Vec<Actor>,
    pub kommuner: Vec<Kommun>,
    /// The other figures the document prints (`[[stated]]`), each with what it covers as the
    /// plan writes it.
    pub stated: Vec<Stated>,
    /// Whom to ask about the decision (`[[contacts]]`), as written.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    pub insatser: Vec<Insats>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deadlines {
    pub requisition: Option<String>,
    pub use_reported: Option<String>,
    pub unused_repaid: Option<String>,
    pub invoice_by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub number: u32,
    pub title: String,
    pub amount: Amount,
    pub basis: Option<String>,
    pub earmarks: Vec<Earmark>,
    /// What the agreement asks for the area's money, as written.
    pub requirements: Option<Requirements>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Requirements {
    pub text: String,
    pub points: Vec<String>,
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

/// A `[[stated]]` figure: its label, what it covers (the plan's filters as written: area
/// numbers, an actor's id, a kommun's name or code, insats ids, a heading's id; none is the
/// whole plan), the amount the document prints and the plan's note on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stated {
    pub label: String,
    pub area: Option<u32>,
    pub areas: Vec<u32>,
    pub actor: Option<String>,
    pub kommun: Option<String>,
    pub insatser: Vec<String>,
    pub heading: Option<String>,
    pub amount: Amount,
    pub note: Option<String>,
}

/// A `[[contacts]]` person: the organisation as its actor's id; what the plan leaves out is
/// `null`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    pub role: Option<String>,
    pub actor: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
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

/// `,"name":…` of `$value`, serialised by serde_json under the name of the document's field
/// (the test below holds [`write`] byte for byte to serialising [`document`]).
macro_rules! field {
    ($out:expr, $name:ident, $value:expr) => {{
        $out.write_all(concat!(",\"", stringify!($name), "\":").as_bytes())?;
        serde_json::to_writer(&mut *$out, &$value).map_err(std::io::Error::from)
    }};
}

/// About how many lines (allocations, payments lines) [`write`] makes in one part: a
/// national plan's millions of lines in parts of a few megabytes, which the cores take in
/// turn, so that neither waits for the other's long part to be written.
const LINES_PER_PART: usize = 100_000;

/// [`document`] written to `out` as compact JSON, without holding it, in parts made side by
/// side and written in turn: the plan with its allocations and the payments in runs of about
/// [`LINES_PER_PART`] lines, then each other view. The millions of lines and allocations are
/// made one by one as they are written, and what an allocation shares with its recipient's
/// others is serialised once: serde_json spends most of its time on the keys and separators
/// of small objects, so the document's frame is written here, field by field, and each value
/// by serde_json.
pub fn write(projection: &Projection, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    write_in_parts(projection, LINES_PER_PART, out)
}

fn write_in_parts(
    projection: &Projection,
    lines_per_part: usize,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    /// A part of the document, in the document's order.
    enum Part {
        /// These insatser with their allocations; the first run begins the document and the
        /// plan, the last ends the plan.
        Plan(std::ops::Range<usize>),
        /// Run `.0` of `.1` runs of the payments' recipients.
        Payments(usize, usize),
        /// Run `.0` of `.1` runs of the per-kommun view's rows.
        PerKommun(usize, usize),
        PerActor,
        PerHeading,
        PerArea,
        Invoices,
    }
    let ledger = projection.ledger;
    let parts = |lines: usize| lines.div_ceil(lines_per_part.max(1)).max(1);
    let lines: Vec<usize> = (0..ledger.plan.insatser.len())
        .map(|i| ledger.lines_of(i).len())
        .collect();
    let plan_parts = parallel::runs(&lines, parts(ledger.lines.len()));
    let selected = parts(projection.lines().count());
    let parts: Vec<Part> = (plan_parts.into_iter().map(Part::Plan))
        .chain((0..selected).map(|p| Part::Payments(p, selected)))
        .chain((0..selected).map(|p| Part::PerKommun(p, selected)))
        .chain([
            Part::PerActor,
            Part::PerHeading,
            Part::PerArea,
            Part::Invoices,
        ])
        .collect();
    // What several parts write from is made once, by the first part that needs it, or
    // ahead, on a thread of its own, while the plan is written: the makers of the plan's
    // parts wait for the writing half of the time.
    let plan = OnceLock::new();
    let plan = || plan.get_or_init(|| resolved_plan(ledger, |_| Vec::new()));
    let starts = allocation_starts(ledger)?;
    let payments = OnceLock::new();
    let payments = || payments.get_or_init(|| report::payments(projection));
    let per_kommun = OnceLock::new();
    let per_kommun = || per_kommun.get_or_init(|| report::per_kommun(projection));
    let (written, ()) = parallel::join(
        // A part is begun when the one before the one being written is: the parts made
        // ahead are a few megabytes.
        || {
            parallel::write_in_turn(
                &parts,
                2,
                || (),
                |(), part, out| match part {
                    Part::Plan(run) => plan_part(projection, plan(), &starts, run.clone(), out),
                    Part::Payments(part, parts) => payments_part(payments(), *part, *parts, out),
                    Part::PerKommun(part, parts) => {
                        per_kommun_part(per_kommun(), *part, *parts, out)
                    }
                    Part::PerActor => field!(out, per_actor, report::per_actor(projection)),
                    Part::PerHeading => field!(
                        out,
                        per_heading,
                        View::PerHeading
                            .in_plan(ledger.plan)
                            .then(|| report::per_heading(projection))
                    ),
                    Part::PerArea => field!(out, per_area, report::per_area(projection)),
                    Part::Invoices => {
                        field!(out, invoices, report::statements(projection))?;
                        out.write_all(b"}")
                    }
                },
                out,
            )
        },
        || {
            payments();
            per_kommun();
        },
    );
    written
}

/// Run `part` of `parts` runs of the per-kommun view's rows: `,"per_kommun":{"columns":…,"rows":[`
/// before the first, the totals after the last.
fn per_kommun_part(
    per_kommun: &PerKommun,
    part: usize,
    parts: usize,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    if part == 0 {
        out.write_all(b",\"per_kommun\":")?;
        fields!(out, b"{", per_kommun, columns);
        out.write_all(b",\"rows\":[")?;
    }
    let rows = vec![1; per_kommun.rows.len()];
    let run = parallel::runs(&rows, parts).into_iter().nth(part);
    for i in run.into_iter().flatten() {
        if let Some(row) = per_kommun.rows.get(i) {
            if i > 0 {
                out.write_all(b",")?;
            }
            serde_json::to_writer(&mut *out, row)?;
        }
    }
    if part + 1 >= parts {
        out.write_all(b"]")?;
        fields!(out, b",", per_kommun, column_totals, total, complete);
        if !per_kommun.unsplit.is_empty() {
            fields!(out, b",", per_kommun, unsplit);
        }
        out.write_all(b"}")?;
    }
    Ok(())
}

/// The insatser `run` of `plan` with their allocations, each begun with its recipient's
/// `starts`: `{"schema":…,"filtered":…,"plan":{…` before the first, `]}` after the last.
fn plan_part(
    projection: &Projection,
    plan: &ResolvedPlan,
    starts: &[Vec<u8>],
    run: std::ops::Range<usize>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let ledger = projection.ledger;
    if run.start == 0 {
        let head = Head {
            schema: SCHEMA,
            filtered: projection.filtered(),
        };
        fields!(out, b"{", head, schema, filtered);
        out.write_all(b",\"plan\":")?;
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
            replaces,
            reference,
            invoicing,
            unit,
            county_total,
            previous_county_total,
            conditions,
            deadlines,
            areas,
            focus_areas,
            actors,
            kommuner,
            stated,
            contacts
        );
        out.write_all(b",\"insatser\":[")?;
    }
    let mut row = Vec::new();
    for i in run.clone() {
        let Some(insats) = plan.insatser.get(i) else {
            continue;
        };
        let open: &[u8] = if i == 0 { b"{" } else { b",{" };
        fields!(
            out,
            open,
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
    if run.end == plan.insatser.len() {
        out.write_all(b"]}")?;
    }
    Ok(())
}

/// The document's first fields.
struct Head {
    schema: &'static str,
    filtered: bool,
}

/// Run `part` of `parts` runs of the payments' recipients, each recipient's fields, then its
/// lines: `,"payments":[` before the first, `]` after the last.
fn payments_part(
    payments: &Payments,
    part: usize,
    parts: usize,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    struct LineOut<'p> {
        area: u32,
        insats: &'p str,
        amount: Amount,
    }
    if part == 0 {
        out.write_all(b",\"payments\":[")?;
    }
    let run = payments.run(part, parts);
    let mut text = Vec::new();
    let statements = payments.statements().enumerate();
    for (i, (statement, payment)) in statements.skip(run.start).take(run.len()) {
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
            // A `PaymentLine` with its insats's id borrowed: the threads writing the parts
            // read the same ids, and counting their clones would make them wait for each
            // other.
            let line = LineOut {
                area: line.area,
                insats: payments.id(line),
                amount: line.amount,
            };
            let open: &[u8] = if j == 0 { b"{" } else { b",{" };
            fields!(text, open, line, area, insats, amount);
            text.push(b'}');
        }
        text.extend_from_slice(b"]}");
        out.write_all(text)?;
    }
    if part + 1 >= parts {
        out.write_all(b"]")?;
    }
    Ok(())
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
        county: plan.plan.county.get_ref().clone(),
        title: plan.plan.title.clone(),
        forum: plan.plan.forum.as_ref().map(|f| f.get_ref().clone()),
        document_date: date(&plan.plan.document_date),
        decision_date: date(&plan.plan.decision_date),
        replaces: date(&plan.plan.replaces),
        reference: plan.plan.reference.clone(),
        invoicing: plan.plan.invoicing.clone(),
        unit: plan.plan.unit(),
        county_total: *plan.plan.county_total.get_ref(),
        previous_county_total: plan
            .plan
            .previous_county_total
            .as_ref()
            .map(|a| *a.get_ref()),
        conditions: plan.plan.conditions.clone(),
        deadlines: Deadlines {
            requisition: deadlines.and_then(|d| date(&d.requisition)),
            use_reported: deadlines.and_then(|d| date(&d.use_reported)),
            unused_repaid: deadlines.and_then(|d| date(&d.unused_repaid)),
            invoice_by: deadlines.and_then(|d| date(&d.invoice_by)),
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
                requirements: a.requirements.as_ref().map(|r| Requirements {
                    text: r.text.clone(),
                    points: r.points.clone(),
                }),
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
        stated: plan
            .stated
            .iter()
            .map(|s| {
                let text = |t: &Option<crate::core::plan::Spanned<String>>| {
                    t.as_ref().map(|t| t.get_ref().clone())
                };
                Stated {
                    label: s.label.clone(),
                    area: s.area.as_ref().map(|a| *a.get_ref()),
                    areas: s.areas.iter().flatten().map(|a| *a.get_ref()).collect(),
                    actor: text(&s.actor),
                    kommun: text(&s.kommun),
                    insatser: s
                        .insatser
                        .iter()
                        .flatten()
                        .map(|i| i.get_ref().clone())
                        .collect(),
                    heading: text(&s.heading),
                    amount: *s.amount.get_ref(),
                    note: s.note.clone(),
                }
            })
            .collect(),
        contacts: plan
            .contacts
            .iter()
            .map(|c| Contact {
                name: c.name.clone(),
                role: c.role.clone(),
                actor: c.actor.as_ref().map(|a| a.get_ref().clone()),
                email: c.email().map(str::to_string),
                phone: c.phone.clone(),
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
            let serialised = serde_json::to_vec(&super::document(&projection)).unwrap();
            // In one part each, and in parts of a few lines (a national plan's many).
            for lines_per_part in [usize::MAX, 1, 7] {
                let mut written = Vec::new();
                super::write_in_parts(&projection, lines_per_part, &mut written).unwrap();
                assert!(
                    written == serialised,
                    "{lines_per_part} lines per part:\n{}\n{}",
                    String::from_utf8_lossy(&written),
                    String::from_utf8_lossy(&serialised)
                );
            }
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
