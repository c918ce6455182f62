//! Report data, built once from a checked plan: plain structs that the renderers (terminal
//! tables now, CSV and JSON later) only lay out, so their totals cannot disagree.
//!
//! Everything starts from the plan's allocation lines: one per insats and recipient after its
//! split. Filters (area, actor, kommun) select lines; every view sums the lines it is given.

use serde::{Deserialize, Serialize};

use crate::core::money::Amount;
use crate::core::plan::{ActorKind, Payment, Plan};
use crate::core::resolve::{Recipient, Resolved};

/// A view of the plan: what `report` shows and `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum View {
    /// One row per recipient and insats: who gets paid what, and how.
    #[value(alias = "betalningar")]
    Payments,
    /// One row per kommun, one column per insats split over the kommuner.
    #[value(alias = "kommuner")]
    PerKommun,
    /// Per responsible actor and area, the region's units under the region.
    #[value(alias = "aktorer")]
    PerActor,
    /// The document's summary headings per handling actor, with their stated totals.
    #[value(alias = "rubriker")]
    PerHeading,
    /// Each area's insatser against the agreement's amount.
    #[value(alias = "omraden")]
    PerArea,
    /// One collective invoice per invoicing recipient; internal transfers; held money.
    #[value(alias = "fakturor")]
    Invoices,
}

impl View {
    pub const ALL: [View; 6] = [
        View::Payments,
        View::PerKommun,
        View::PerActor,
        View::PerHeading,
        View::PerArea,
        View::Invoices,
    ];
}

/// One insats's money to one recipient.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Index into `plan.insatser`.
    pub insats: usize,
    pub area: u32,
    pub recipient: Recipient,
    pub amount: Amount,
}

/// Which lines a report covers.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub area: Option<u32>,
    /// An actor index; matches the actor and everything under it.
    pub actor: Option<usize>,
    /// A kommun index.
    pub kommun: Option<usize>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.area.is_none() && self.actor.is_none() && self.kommun.is_none()
    }
}

/// The resolved plan and its selected lines, from which every view is built.
pub struct Ledger<'p> {
    pub resolved: Resolved<'p>,
    pub lines: Vec<Line>,
    pub filtered: bool,
}

impl<'p> Ledger<'p> {
    /// Builds the lines of a plan that `check` passed. An insats whose recipients are unknown
    /// cannot occur in a checked plan; were it to, it would be left out rather than guessed.
    pub fn new(plan: &'p Plan, filter: &Filter) -> Ledger<'p> {
        let resolved = Resolved::new(plan, &mut Vec::new());
        let mut lines = Vec::new();
        for (i, (insats, allocations)) in
            plan.insatser.iter().zip(&resolved.allocations).enumerate()
        {
            for allocation in allocations.iter().flatten() {
                lines.push(Line {
                    insats: i,
                    area: *insats.area.get_ref(),
                    recipient: allocation.recipient,
                    amount: allocation.amount,
                });
            }
        }
        lines.retain(|l| {
            filter.area.is_none_or(|a| a == l.area)
                && filter
                    .actor
                    .is_none_or(|a| resolved.is_under(l.recipient, a))
                && filter
                    .kommun
                    .is_none_or(|k| l.recipient == Recipient::Kommun(k))
        });
        Ledger {
            resolved,
            lines,
            filtered: !filter.is_empty(),
        }
    }

    pub fn plan(&self) -> &'p Plan {
        self.resolved.plan
    }

    pub fn total(&self) -> Amount {
        self.lines.iter().map(|l| l.amount).sum()
    }

    fn insats_id(&self, i: usize) -> String {
        self.plan()
            .insatser
            .get(i)
            .map_or_else(String::new, |x| x.id.get_ref().clone())
    }

    fn insats_text(&self, i: usize) -> String {
        self.plan()
            .insatser
            .get(i)
            .map_or_else(String::new, |x| x.text.clone())
    }

    /// How a recipient is paid: kommuner invoice, actors as their kind says.
    pub fn payment(&self, recipient: Recipient) -> Payment {
        match recipient {
            Recipient::Kommun(_) => Payment::Invoice,
            Recipient::Actor(i) => self
                .plan()
                .actors
                .get(i)
                .map_or(Payment::Invoice, |a| a.payment()),
        }
    }
}

// ---- Per kommun ------------------------------------------------------------------------------

/// One row per kommun in kommunkod order, one column per insats split over the kommuner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PerKommun {
    pub columns: Vec<Column>,
    pub rows: Vec<KommunRow>,
    pub column_totals: Vec<Amount>,
    pub total: Amount,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub insats: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KommunRow {
    pub code: String,
    pub name: String,
    pub amounts: Vec<Amount>,
    pub total: Amount,
}

pub fn per_kommun(ledger: &Ledger) -> PerKommun {
    let plan = ledger.plan();
    let mut insatser: Vec<usize> = ledger
        .lines
        .iter()
        .filter(|l| matches!(l.recipient, Recipient::Kommun(_)))
        .map(|l| l.insats)
        .collect();
    insatser.dedup();
    let mut kommuner: Vec<usize> = (0..plan.kommuner.len()).collect();
    kommuner.sort_by_key(|&k| plan.kommuner.get(k).map(|x| x.code.get_ref().clone()));
    let amount_of = |insats: usize, kommun: usize| -> Amount {
        ledger
            .lines
            .iter()
            .filter(|l| l.insats == insats && l.recipient == Recipient::Kommun(kommun))
            .map(|l| l.amount)
            .sum()
    };
    let rows: Vec<KommunRow> = kommuner
        .iter()
        .filter_map(|&k| {
            let kommun = plan.kommuner.get(k)?;
            let amounts: Vec<Amount> = insatser.iter().map(|&i| amount_of(i, k)).collect();
            Some(KommunRow {
                code: kommun.code.get_ref().clone(),
                name: kommun.name.get_ref().clone(),
                total: amounts.iter().sum(),
                amounts,
            })
        })
        .filter(|row| !ledger.filtered || !row.total.0.is_zero())
        .collect();
    let column_totals = (0..insatser.len())
        .map(|c| rows.iter().filter_map(|r| r.amounts.get(c)).sum())
        .collect();
    PerKommun {
        columns: insatser
            .iter()
            .map(|&i| Column {
                insats: ledger.insats_id(i),
                text: ledger.insats_text(i),
            })
            .collect(),
        total: rows.iter().map(|r| r.total).sum(),
        rows,
        column_totals,
    }
}

// ---- Per actor -------------------------------------------------------------------------------

/// Every responsible actor with its amount per area and in total, units under their parent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PerActor {
    pub areas: Vec<u32>,
    pub rows: Vec<ActorRow>,
    pub area_totals: Vec<Amount>,
    pub total: Amount,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorRow {
    pub name: String,
    /// 0 for a top-level actor, 1 for a unit under it, and so on.
    pub depth: usize,
    /// The top-level row this one belongs to (`None` for a top-level row).
    pub group: Option<String>,
    /// Whether the amounts include rows below this one.
    pub has_children: bool,
    /// Per area, including the rows below this one.
    pub per_area: Vec<Amount>,
    pub total: Amount,
    /// Per area, only what this actor or kommun receives itself: these rows sum to the total
    /// without counting anything twice.
    pub own_per_area: Vec<Amount>,
    pub own_total: Amount,
}

pub fn per_actor(ledger: &Ledger) -> PerActor {
    let plan = ledger.plan();
    let r = &ledger.resolved;
    let mut areas: Vec<u32> = plan.areas.iter().map(|a| *a.number.get_ref()).collect();
    if ledger.filtered {
        areas.retain(|a| ledger.lines.iter().any(|l| l.area == *a));
    }
    let parent_of = |i: usize| -> Option<usize> {
        plan.actors
            .get(i)?
            .parent
            .as_ref()
            .and_then(|p| r.actors.get(p.get_ref()).copied())
    };
    let mut rows = Vec::new();
    // Depth-first over the actor tree in plan order; the walk is bounded by the number of
    // actors, so a parent cycle (reported by check) cannot loop.
    let mut stack: Vec<(Row, usize, Option<String>)> = (0..plan.actors.len())
        .rev()
        .filter(|&i| parent_of(i).is_none())
        .map(|i| (Row::Actor(i), 0, None))
        .collect();
    let mut visited = 0;
    while let Some((row, depth, group)) = stack.pop() {
        visited += 1;
        if visited > plan.actors.len() + plan.kommuner.len() + 1 {
            break;
        }
        let name = match row {
            Row::Actor(i) => plan
                .actors
                .get(i)
                .map_or_else(String::new, |a| a.name.clone()),
            Row::Kommun(k) => r.recipient_name(Recipient::Kommun(k)).to_string(),
        };
        let lines_of = |l: &Line| match row {
            Row::Actor(i) => r.is_under(l.recipient, i),
            Row::Kommun(k) => l.recipient == Recipient::Kommun(k),
        };
        let own = |l: &Line| match row {
            Row::Actor(i) => l.recipient == Recipient::Actor(i),
            Row::Kommun(k) => l.recipient == Recipient::Kommun(k),
        };
        let own_per_area: Vec<Amount> = areas
            .iter()
            .map(|a| {
                ledger
                    .lines
                    .iter()
                    .filter(|l| l.area == *a && own(l))
                    .map(|l| l.amount)
                    .sum()
            })
            .collect();
        let per_area: Vec<Amount> = areas
            .iter()
            .map(|a| {
                ledger
                    .lines
                    .iter()
                    .filter(|l| l.area == *a && lines_of(l))
                    .map(|l| l.amount)
                    .sum()
            })
            .collect();
        let total: Amount = per_area.iter().sum();
        let children: Vec<Row> = match row {
            Row::Actor(i)
                if plan
                    .actors
                    .get(i)
                    .is_some_and(|a| *a.kind.get_ref() == ActorKind::Kommuner) =>
            {
                (0..plan.kommuner.len()).map(Row::Kommun).collect()
            }
            Row::Actor(i) => (0..plan.actors.len())
                .filter(|&c| parent_of(c) == Some(i))
                .map(Row::Actor)
                .collect(),
            Row::Kommun(_) => Vec::new(),
        };
        if ledger.filtered && total.0.is_zero() {
            continue;
        }
        let child_group = group.clone().or_else(|| Some(name.clone()));
        rows.push(ActorRow {
            name,
            depth,
            group,
            has_children: !children.is_empty(),
            per_area,
            total,
            own_total: own_per_area.iter().sum(),
            own_per_area,
        });
        stack.extend(
            children
                .into_iter()
                .rev()
                .map(|c| (c, depth + 1, child_group.clone())),
        );
    }
    let top: Vec<&ActorRow> = rows.iter().filter(|r| r.depth == 0).collect();
    let area_totals = (0..areas.len())
        .map(|a| top.iter().filter_map(|r| r.per_area.get(a)).sum())
        .collect();
    PerActor {
        total: top.iter().map(|r| r.total).sum(),
        areas,
        rows,
        area_totals,
    }
}

#[derive(Clone, Copy)]
enum Row {
    Actor(usize),
    Kommun(usize),
}

// ---- Per handling actor (summary headings) ---------------------------------------------------

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PerHeading {
    pub headings: Vec<HeadingReport>,
    pub total: Amount,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeadingReport {
    pub title: String,
    pub depth: usize,
    pub items: Vec<Item>,
    /// Its own items and those of its sub-headings.
    pub computed: Amount,
    /// The total the document prints, if any.
    pub stated: Option<Amount>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub insats: String,
    pub area: u32,
    pub text: String,
    pub recipient: String,
    pub amount: Amount,
}

pub fn per_heading(ledger: &Ledger) -> PerHeading {
    let plan = ledger.plan();
    let r = &ledger.resolved;
    let parent_of = |i: usize| -> Option<usize> {
        plan.headings
            .get(i)?
            .parent
            .as_ref()
            .and_then(|p| r.headings.get(p.get_ref()).copied())
    };
    let items_of = |h: usize| -> Vec<Item> {
        let Some(heading) = plan.headings.get(h) else {
            return Vec::new();
        };
        heading
            .insatser
            .iter()
            .filter_map(|id| r.insatser.get(id.get_ref()).copied())
            .filter_map(|i| {
                let lines: Vec<&Line> = ledger.lines.iter().filter(|l| l.insats == i).collect();
                let first = lines.first()?;
                let recipient = if lines.len() == 1 {
                    r.recipient_name(first.recipient).to_string()
                } else {
                    lines_recipient_group(ledger, i)
                };
                Some(Item {
                    insats: ledger.insats_id(i),
                    area: first.area,
                    text: ledger.insats_text(i),
                    recipient,
                    amount: lines.iter().map(|l| l.amount).sum(),
                })
            })
            .collect()
    };
    let amount_of = |i: usize| {
        ledger
            .lines
            .iter()
            .filter(|l| l.insats == i)
            .map(|l| l.amount)
            .sum()
    };
    let totals = r.heading_totals(amount_of).unwrap_or_default();
    let mut headings = Vec::new();
    // Depth-first in plan order; a checked plan has no cycles, and the visit count bounds
    // the walk anyway.
    let mut stack: Vec<(usize, usize)> = (0..plan.headings.len())
        .rev()
        .filter(|&h| parent_of(h).is_none())
        .map(|h| (h, 0))
        .collect();
    while let Some((h, depth)) = stack.pop() {
        if headings.len() > plan.headings.len() {
            break;
        }
        let Some(heading) = plan.headings.get(h) else {
            continue;
        };
        headings.push(HeadingReport {
            title: heading.title.clone(),
            depth,
            items: items_of(h),
            computed: totals.get(h).copied().unwrap_or_default(),
            stated: heading.stated.as_ref().map(|s| *s.get_ref()),
        });
        let children = (0..plan.headings.len())
            .rev()
            .filter(|&c| parent_of(c) == Some(h));
        stack.extend(children.map(|c| (c, depth + 1)));
    }
    if ledger.filtered {
        headings.retain(|h| !h.computed.0.is_zero());
    }
    let total = headings
        .iter()
        .filter(|h| h.depth == 0)
        .map(|h| h.computed)
        .sum();
    PerHeading { headings, total }
}

/// The responsible actors' short names (or names), joined: "RJH / KFJH", "Länets kommuner".
fn lines_recipient_group(ledger: &Ledger, insats: usize) -> String {
    let plan = ledger.plan();
    let Some(x) = plan.insatser.get(insats) else {
        return String::new();
    };
    x.actor_ids()
        .iter()
        .filter_map(|id| ledger.resolved.actors.get(id.get_ref()))
        .filter_map(|&i| plan.actors.get(i))
        .map(|a| a.short.clone().unwrap_or_else(|| a.name.clone()))
        .collect::<Vec<_>>()
        .join(" / ")
}

// ---- Per area --------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PerArea {
    pub areas: Vec<AreaReport>,
    pub total: Amount,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaReport {
    pub number: u32,
    pub title: String,
    /// The area's amount in the agreement.
    pub agreement: Amount,
    pub rows: Vec<AreaRow>,
    pub total: Amount,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaRow {
    pub insats: String,
    pub text: String,
    pub focus_areas: Vec<u32>,
    pub responsible: String,
    pub amount: Amount,
}

impl AreaRow {
    /// The focus areas joined by `separator`: "4, 5, 6, 7".
    pub fn focus_list(&self, separator: &str) -> String {
        let numbers: Vec<String> = self.focus_areas.iter().map(u32::to_string).collect();
        numbers.join(separator)
    }
}

pub fn per_area(ledger: &Ledger) -> PerArea {
    let plan = ledger.plan();
    let areas: Vec<AreaReport> = plan
        .areas
        .iter()
        .map(|area| {
            let number = *area.number.get_ref();
            let rows: Vec<AreaRow> = plan
                .insatser
                .iter()
                .enumerate()
                .filter(|(_, x)| *x.area.get_ref() == number)
                .filter_map(|(i, x)| {
                    let amount: Amount = ledger
                        .lines
                        .iter()
                        .filter(|l| l.insats == i)
                        .map(|l| l.amount)
                        .sum();
                    let covered = ledger.lines.iter().any(|l| l.insats == i);
                    covered.then(|| AreaRow {
                        insats: x.id.get_ref().clone(),
                        text: x.text.clone(),
                        focus_areas: x
                            .focus_areas
                            .as_ref()
                            .map(|f| f.get_ref().iter().map(|n| *n.get_ref()).collect())
                            .unwrap_or_default(),
                        responsible: lines_recipient_group(ledger, i),
                        amount,
                    })
                })
                .collect();
            AreaReport {
                number,
                title: area.title.clone(),
                agreement: *area.amount.get_ref(),
                total: rows.iter().map(|r| r.amount).sum(),
                rows,
            }
        })
        .filter(|a| !ledger.filtered || !a.rows.is_empty())
        .collect();
    PerArea {
        total: areas.iter().map(|a| a.total).sum(),
        areas,
    }
}

// ---- Invoices, internal transfers, held money ------------------------------------------------

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
    pub region: String,
    pub reference: Option<String>,
    pub decision: String,
    /// Deadlines as ISO dates (`2026-12-31`).
    pub deadlines: Vec<(DeadlineKind, String)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    Requisition,
    UseReported,
    UnusedRepaid,
}

/// What one recipient receives, line by line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub recipient: String,
    pub kind: RecipientKind,
    pub kommunkod: Option<String>,
    pub lines: Vec<StatementLine>,
    pub total: Amount,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatementLine {
    pub insats: String,
    pub area: u32,
    pub text: String,
    pub amount: Amount,
}

pub fn payments(ledger: &Ledger) -> Payments {
    let plan = ledger.plan();
    let r = &ledger.resolved;
    // Recipients in a stable order: actors in plan order, kommuner in kommunkod order.
    let mut recipients: Vec<Recipient> = Vec::new();
    for line in &ledger.lines {
        if !recipients.contains(&line.recipient) {
            recipients.push(line.recipient);
        }
    }
    recipients.sort_by_key(|rec| match rec {
        Recipient::Actor(i) => (0, *i, String::new()),
        Recipient::Kommun(k) => (
            1,
            0,
            plan.kommuner
                .get(*k)
                .map_or_else(String::new, |x| x.code.get_ref().clone()),
        ),
    });
    let statement = |rec: Recipient| -> Statement {
        let lines: Vec<StatementLine> = ledger
            .lines
            .iter()
            .filter(|l| l.recipient == rec)
            .map(|l| StatementLine {
                insats: ledger.insats_id(l.insats),
                area: l.area,
                text: ledger.insats_text(l.insats),
                amount: l.amount,
            })
            .collect();
        Statement {
            recipient: r.recipient_name(rec).to_string(),
            kind: match rec {
                Recipient::Kommun(_) => RecipientKind::Kommun,
                Recipient::Actor(i) => match plan.actors.get(i).map(|a| *a.kind.get_ref()) {
                    Some(ActorKind::Region) => RecipientKind::Region,
                    Some(ActorKind::RegionUnit) => RecipientKind::RegionUnit,
                    Some(ActorKind::Kommunforbund) => RecipientKind::Kommunforbund,
                    Some(ActorKind::Kommuner) => RecipientKind::Kommun,
                    Some(ActorKind::External) | None => RecipientKind::External,
                },
            },
            kommunkod: match rec {
                Recipient::Kommun(k) => plan.kommuner.get(k).map(|x| x.code.get_ref().clone()),
                Recipient::Actor(_) => None,
            },
            total: lines.iter().map(|l| l.amount).sum(),
            lines,
        }
    };
    let by = |payment: Payment| -> Vec<Statement> {
        recipients
            .iter()
            .filter(|&&rec| ledger.payment(rec) == payment)
            .map(|&rec| statement(rec))
            .collect()
    };
    let invoices = by(Payment::Invoice);
    let internal = by(Payment::Internal);
    let held = by(Payment::Held);
    let sum = |s: &[Statement]| s.iter().map(|x| x.total).sum();
    let region = plan
        .actors
        .iter()
        .find(|a| *a.kind.get_ref() == ActorKind::Region)
        .map_or_else(|| "Regionen".to_string(), |a| a.name.clone());
    let mut deadlines = Vec::new();
    if let Some(d) = &plan.deadlines {
        for (kind, date) in [
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
        region,
        reference: plan.plan.reference.clone(),
        decision,
        deadlines,
    }
}

#[cfg(test)]
mod tests {
    //! The report data of the real plans, against the figures the decision documents print
    //! (seed 001 for 2026, seed 003 for 2025).

    use super::*;
    use crate::core::plan::Plan;
    use crate::input::plan::load;

    fn real(name: &str) -> Plan {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("allocations")
            .join(name);
        load(&path).map(|(_, plan)| plan).unwrap()
    }

    fn kr(n: i64) -> Amount {
        Amount::kr(n)
    }

    #[test]
    fn per_kommun_2026_reproduces_the_printed_table() {
        let plan = real("plan-2026.toml");
        let ledger = Ledger::new(&plan, &Filter::default());
        let table = per_kommun(&ledger);
        let ids: Vec<&str> = table.columns.iter().map(|c| c.insats.as_str()).collect();
        assert_eq!(ids, ["1.3", "2.5", "3.4"]);
        let row = |name: &str| table.rows.iter().find(|r| r.name == name).unwrap();
        // Seed 001, lines 1185-1191.
        for (name, a, b, c, total) in [
            ("Berg", 21_200, 75_000, 100_000, 196_200),
            ("Bräcke", 18_000, 75_000, 100_000, 193_000),
            ("Härjedalen", 30_400, 75_000, 100_000, 205_400),
            ("Krokom", 47_600, 75_000, 100_000, 222_600),
            ("Ragunda", 15_600, 75_000, 100_000, 190_600),
            ("Strömsund", 32_800, 75_000, 100_000, 207_800),
            ("Åre", 38_400, 75_000, 100_000, 213_400),
            ("Östersund", 196_000, 140_000, 100_000, 436_000),
        ] {
            assert_eq!(row(name).amounts, [kr(a), kr(b), kr(c)], "{name}");
            assert_eq!(row(name).total, kr(total), "{name}");
        }
        let codes: Vec<&str> = table.rows.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "2303", "2305", "2309", "2313", "2321", "2326", "2361", "2380"
            ]
        );
        assert_eq!(table.column_totals, [kr(400_000), kr(665_000), kr(800_000)]);
        assert_eq!(table.total, kr(1_865_000));
    }

    #[test]
    fn per_actor_2026_groups_units_under_the_region_and_reconciles() {
        let plan = real("plan-2026.toml");
        let report = per_actor(&Ledger::new(&plan, &Filter::default()));
        let row = |name: &str| report.rows.iter().find(|r| r.name == name).unwrap();
        assert_eq!(
            row("Kommunförbundet Jämtland Härjedalen").total,
            kr(2_127_436)
        );
        assert_eq!(row("Länets kommuner").total, kr(1_865_000));
        assert_eq!(row("Folkhälsoenheten").total, kr(3_510_836));
        assert_eq!(row("Folkhälsoenheten").depth, 1);
        assert_eq!(row("Föräldra-barnhälsan").total, kr(381_600));
        assert_eq!(row("Vuxenpsykiatrin").total, kr(100_000));
        assert_eq!(row("Fontänhus Jämtland Härjedalen").total, kr(250_000));
        // The region: its own units' 3 510 836 + 481 600 + 250 000 (LPO) and the 4 705 026 it
        // holds less Fontänhus's 250 000 and LPO's 250 000 listed under that heading.
        assert_eq!(
            row("Region Jämtland Härjedalen").total,
            kr(3_992_436 + 4_705_026 - 250_000)
        );
        assert_eq!(
            report.area_totals,
            [kr(4_000_000), kr(2_501_626), kr(6_188_272)]
        );
        assert_eq!(report.total, kr(12_689_898));
    }

    #[test]
    fn per_heading_2026_computes_the_printed_summary() {
        let plan = real("plan-2026.toml");
        let report = per_heading(&Ledger::new(&plan, &Filter::default()));
        let top: Vec<Amount> = report
            .headings
            .iter()
            .filter(|h| h.depth == 0)
            .map(|h| h.computed)
            .collect();
        assert_eq!(top, [kr(3_992_436), kr(3_992_436), kr(4_705_026)]);
        let sub: Vec<Amount> = report
            .headings
            .iter()
            .filter(|h| h.depth == 1)
            .map(|h| h.computed)
            .collect();
        assert_eq!(
            sub,
            [kr(2_127_436), kr(1_865_000), kr(3_510_836), kr(481_600)]
        );
        assert_eq!(report.total, kr(12_689_898));
    }

    #[test]
    fn per_heading_2025_computes_the_printed_summary() {
        let plan = real("plan-2025.toml");
        let report = per_heading(&Ledger::new(&plan, &Filter::default()));
        let computed: Vec<Amount> = report.headings.iter().map(|h| h.computed).collect();
        assert_eq!(
            computed,
            [kr(3_265_000), kr(100_000), kr(3_265_000), kr(6_067_775)]
        );
        assert_eq!(report.total, kr(12_697_775));
    }

    #[test]
    fn invoices_2026_for_kfjh_ostersund_and_fontanhus() {
        let plan = real("plan-2026.toml");
        let p = payments(&Ledger::new(&plan, &Filter::default()));
        let invoice = |name: &str| p.invoices.iter().find(|s| s.recipient == name).unwrap();
        let kfjh = invoice("Kommunförbundet Jämtland Härjedalen");
        assert_eq!(kfjh.total, kr(2_127_436));
        let ids: Vec<&str> = kfjh.lines.iter().map(|l| l.insats.as_str()).collect();
        assert_eq!(ids, ["1.1", "2.1", "3.1", "3.6"]);
        let ostersund = invoice("Östersund");
        assert_eq!(ostersund.kommunkod.as_deref(), Some("2380"));
        let amounts: Vec<Amount> = ostersund.lines.iter().map(|l| l.amount).collect();
        assert_eq!(amounts, [kr(196_000), kr(140_000), kr(100_000)]);
        assert_eq!(ostersund.total, kr(436_000));
        assert_eq!(invoice("Fontänhus Jämtland Härjedalen").total, kr(250_000));
        // KFJH, Fontänhus and the eight kommuner invoice; nobody else does.
        assert_eq!(p.invoices.len(), 10);
        assert_eq!(p.reference.as_deref(), Some("400105"));
    }

    #[test]
    fn invoices_transfers_and_held_money_make_the_county_total() {
        for (name, total) in [
            ("plan-2026.toml", 12_689_898),
            ("plan-2025.toml", 12_697_775),
        ] {
            let plan = real(name);
            let p = payments(&Ledger::new(&plan, &Filter::default()));
            assert_eq!(
                p.invoiced + p.transferred + p.held_total,
                kr(total),
                "{name}"
            );
            assert_eq!(p.county_total, kr(total));
        }
    }

    #[test]
    fn filter_by_kommun_keeps_only_its_money() {
        let plan = real("plan-2026.toml");
        let resolved = Resolved::new(&plan, &mut Vec::new());
        let filter = Filter {
            kommun: resolved.kommun("Östersund"),
            ..Filter::default()
        };
        let ledger = Ledger::new(&plan, &filter);
        assert_eq!(ledger.total(), kr(436_000));
        assert_eq!(per_kommun(&ledger).rows.len(), 1);
    }

    #[test]
    fn filter_by_actor_includes_the_units_under_it() {
        let plan = real("plan-2026.toml");
        let resolved = Resolved::new(&plan, &mut Vec::new());
        let fhe = Filter {
            actor: resolved.actors.get("fhe").copied(),
            ..Filter::default()
        };
        assert_eq!(Ledger::new(&plan, &fhe).total(), kr(3_510_836));
        let area = Filter {
            area: Some(2),
            ..Filter::default()
        };
        assert_eq!(Ledger::new(&plan, &area).total(), kr(2_501_626));
    }
}

// ---- Payments file: one row per recipient and insats -----------------------------------------

/// What kind of recipient a payment row goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecipientKind {
    Region,
    RegionUnit,
    Kommunforbund,
    Kommun,
    External,
}

/// One recipient's money from one insats: the row ekonomienhet books.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PaymentRow {
    pub recipient: String,
    pub recipient_kind: RecipientKind,
    pub kommunkod: Option<String>,
    pub area: u32,
    pub insats: String,
    pub text: String,
    pub amount: Amount,
    pub payment: Payment,
    pub reference: Option<String>,
    pub decision: String,
}

/// Every line of the ledger as a payment row, in the order of `payments`: invoicing
/// recipients, then internal transfers, then held money. The amounts sum to the ledger total.
pub fn payment_rows(ledger: &Ledger) -> Vec<PaymentRow> {
    let summary = payments(ledger);
    let groups = [
        (&summary.invoices, Payment::Invoice),
        (&summary.internal, Payment::Internal),
        (&summary.held, Payment::Held),
    ];
    let mut rows = Vec::new();
    for (statements, payment) in groups {
        for statement in statements {
            for line in &statement.lines {
                rows.push(PaymentRow {
                    recipient: statement.recipient.clone(),
                    recipient_kind: statement.kind,
                    kommunkod: statement.kommunkod.clone(),
                    area: line.area,
                    insats: line.insats.clone(),
                    text: line.text.clone(),
                    amount: line.amount,
                    payment,
                    reference: summary.reference.clone(),
                    decision: summary.decision.clone(),
                });
            }
        }
    }
    rows
}
