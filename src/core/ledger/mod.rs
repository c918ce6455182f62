//! The ledger: a plan resolved once into one line per insats and recipient, from which every
//! check, view, export and comparison is derived.
//!
//! Resolving turns names into the things they name, builds the trees of actors (with the
//! kommuner under the group of kommuner) and headings, works out each key's weights, and
//! splits each insats by its rule. What cannot be resolved is reported as a finding, never
//! left out silently: an insats without lines always has an error that says why
//! (`Reported`). The invariants, which `check` and the property tests hold the ledger to:
//!
//! - each resolved insats's lines sum exactly to its amount (checked where the parts are made);
//! - every line has exactly one recipient, an actor or a kommun;
//! - the actors and the headings each form a forest, so every line sits under each of its
//!   ancestors exactly once and a total over a subtree counts nothing twice.
//!
//! A line holds only the insats, the recipient and the amount; every other dimension (area,
//! earmark, responsible and handling actor, kommun, heading chain, payment route) is looked up
//! from those in constant time.

mod amounts;
pub mod forest;
mod insats;
pub mod keys;
pub mod names;
pub mod selection;

use std::ops::Range;

use crate::core::finding::{Findings, Problem, Related, Reported, Thing, TreeReason};
use crate::core::ledger::forest::{Forest, cut_cycles};
use crate::core::ledger::insats::Context;
use crate::core::ledger::keys::{KeyFiles, KeyWeights};
use crate::core::ledger::names::{Names, unknown};
use crate::core::ledger::selection::Selection;
use crate::core::money::Amount;
use crate::core::plan::{Actor, ActorKind, Payment, Plan};

/// Who receives money: an actor or a kommun (indices into the plan's lists).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Recipient {
    Actor(u32),
    Kommun(u32),
}

/// One insats's money to one recipient.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    /// Index into `plan.insatser`.
    pub insats: u32,
    pub recipient: Recipient,
    pub amount: Amount,
}

/// An insats as resolved.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Index into `plan.areas`, when the area is known.
    pub area: Option<usize>,
    /// Index into the area's `earmarks`, when the insats is tagged to a known one.
    pub earmark: Option<usize>,
    /// The responsible actors that resolve, in the order listed.
    pub actors: Vec<usize>,
    /// The heading the insats sits directly under.
    pub heading: Option<usize>,
    /// Its lines in `Ledger::lines`, or the report of why it could not be split.
    pub lines: Result<Range<usize>, Reported>,
    /// The sum of its lines (zero when it could not be split), added up as they are made.
    pub total: Amount,
    /// What the split's key divided over the kommuner, with each name in `except` resolved
    /// as the lines are: under rule `key` the insats's amount, under `fixed-plus-key` what the
    /// fixed parts left, under `amounts` the kommuner's amount beside the actors'. `None`
    /// under other rules and when it could not be split.
    pub keyed: Option<Amount>,
}

/// The actors as a forest, with the kommuner under the group of kommuner. Nodes are the
/// actors (`0..actors`) followed by the kommuner.
#[derive(Clone, Debug, Default)]
pub struct Actors {
    pub forest: Forest,
    /// The actor of kind `kommuner` whose members are the kommuner.
    pub group: Option<usize>,
    /// Number of actors: kommun `k` is node `actors + k`.
    pub count: usize,
}

impl Actors {
    pub fn node(&self, recipient: Recipient) -> usize {
        match recipient {
            Recipient::Actor(a) => a as usize,
            Recipient::Kommun(k) => self.count + k as usize,
        }
    }

    pub fn recipient(&self, node: usize) -> Recipient {
        match node.checked_sub(self.count) {
            Some(k) => Recipient::Kommun(index(k)),
            None => Recipient::Actor(index(node)),
        }
    }

    /// Whether `recipient` is `actor` or under it (a unit under the region, a kommun under
    /// the county's kommuner).
    pub fn is_under(&self, recipient: Recipient, actor: usize) -> bool {
        self.forest.contains(actor, self.node(recipient))
    }
}

/// The summary headings as a forest, and the heading each insats sits directly under.
#[derive(Clone, Debug, Default)]
pub struct Headings {
    pub forest: Forest,
    /// Per insats.
    pub of_insats: Vec<Option<usize>>,
    /// Per heading, the insatser listed directly under it, in the order listed.
    pub insatser: Vec<Vec<usize>>,
    /// Whether a `parent` link had to be cut (unknown, or round a cycle), or an insats is
    /// listed under two headings (counted under the first): then the headings' totals are not
    /// what the document means, and are not compared.
    pub broken: bool,
}

pub struct Ledger<'p> {
    pub plan: &'p Plan,
    pub names: Names,
    pub actors: Actors,
    pub headings: Headings,
    pub keys: Vec<KeyWeights>,
    /// The plan's rounding unit (1 kr when the one written cannot be used).
    pub unit: Amount,
    /// Per insats, in plan order.
    pub insatser: Vec<Entry>,
    /// Every line, grouped by insats in plan order.
    pub lines: Vec<Line>,
    /// The insatser that could not be split (each has an error saying why).
    pub unresolved: Vec<usize>,
    /// Per `[[stated]]` figure, what it covers; `None` when a name in it is unknown.
    pub stated: Vec<Option<Selection>>,
    /// Line indices ordered by their recipient's place in the actor forest, so that the lines
    /// to an actor and everything under it are one stretch (`lines_under`).
    by_node: Vec<u32>,
    /// Where each node's stretch starts in `by_node` (one more entry for the end).
    node_starts: Vec<usize>,
    /// The sum of the lines to each node, by its place in the forest.
    place_totals: Vec<Amount>,
}

impl<'p> Ledger<'p> {
    /// Resolves `plan` (with the key files `input` read for it), reporting every problem.
    pub fn build(plan: &'p Plan, key_files: &KeyFiles, findings: &mut Findings) -> Ledger<'p> {
        Ledger::built(plan, key_files, findings, SIDE_BY_SIDE_FROM)
    }

    /// [`Ledger::build`], resolving the insatser in two halves side by side from
    /// `side_by_side_from` insatser on.
    fn built(
        plan: &'p Plan,
        key_files: &KeyFiles,
        findings: &mut Findings,
        side_by_side_from: usize,
    ) -> Ledger<'p> {
        let names = Names::build(plan, findings);
        let actors = actor_forest(plan, &names, findings);
        let keys = keys::resolve(plan, &names, key_files, findings);
        let amounts = amounts::check(plan, findings);
        let mut headings = heading_forest(plan, &names, findings);
        let cx = Context::new(plan, &names, &keys, amounts.unit);
        let (insatser, lines) = resolve_insatser(
            &Resolving {
                plan,
                names: &names,
                cx: &cx,
                blocked: &amounts.blocked,
                headings: &headings.of_insats,
                max_lines: max_lines(plan),
                side_by_side_from,
            },
            findings,
        );
        focus_areas_resolve(plan, &names, findings);
        for id in plan.deadlines.iter().flat_map(|d| &d.report_to) {
            let _ = names.actor_ref(plan, id, findings);
        }
        for id in plan.contacts.iter().filter_map(|c| c.actor.as_ref()) {
            let _ = names.actor_ref(plan, id, findings);
        }
        let stated = plan
            .stated
            .iter()
            .map(|s| Selection::of_stated(plan, &names, s, findings))
            .collect();
        headings.of_insats.resize(plan.insatser.len(), None);
        let (by_node, node_starts, place_totals) = order_by_node(&actors, &lines);
        let unresolved = (0..insatser.len())
            .filter(|&i| insatser.get(i).is_some_and(|e: &Entry| e.lines.is_err()))
            .collect();
        Ledger {
            plan,
            names,
            actors,
            headings,
            keys,
            unit: amounts.unit.unwrap_or(Amount::kr(1)),
            insatser,
            lines,
            unresolved,
            stated,
            by_node,
            node_starts,
            place_totals,
        }
    }

    /// The lines of insats `i`; empty when it could not be split.
    pub fn lines_of(&self, i: usize) -> &[Line] {
        match self.insatser.get(i).map(|e| &e.lines) {
            Some(Ok(range)) => self.lines.get(range.clone()).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The indices of the lines to `actor` and everything under it (to kommun `k` alone when
    /// given a kommun's node), in the forest's order.
    pub fn lines_under(&self, node: usize) -> &[u32] {
        let forest = &self.actors.forest;
        let (Some(&from), Some(&to)) = (forest.enter.get(node), forest.exit.get(node)) else {
            return &[];
        };
        let (Some(&start), Some(&end)) = (self.node_starts.get(from), self.node_starts.get(to))
        else {
            return &[];
        };
        self.by_node.get(start..end).unwrap_or(&[])
    }

    /// The sum of the lines to `node` and everything under it, without going through them.
    pub fn total_under(&self, node: usize) -> Amount {
        let forest = &self.actors.forest;
        let (Some(&from), Some(&to)) = (forest.enter.get(node), forest.exit.get(node)) else {
            return Amount::ZERO;
        };
        self.place_totals
            .get(from..to)
            .map_or(Amount::ZERO, |t| t.iter().sum())
    }

    /// The area of a line's insats (index into `plan.areas`).
    pub fn area_of(&self, line: &Line) -> Option<usize> {
        self.insatser.get(line.insats as usize).and_then(|e| e.area)
    }

    /// The area's number as the plan writes it.
    pub fn area_number(&self, area: usize) -> u32 {
        self.plan.areas.get(area).map_or(0, |a| *a.number.get_ref())
    }

    /// How a recipient is paid: a kommun invoices, an actor as its kind or `payment` says.
    pub fn payment(&self, recipient: Recipient) -> Payment {
        match recipient {
            Recipient::Kommun(_) => Payment::Invoice,
            Recipient::Actor(a) => self
                .plan
                .actors
                .get(a as usize)
                .map_or(Payment::Invoice, |x| x.payment()),
        }
    }

    /// The names of the actors the recipients report their use to (`report_to`), in the
    /// plan's order.
    pub fn report_to(&self) -> Vec<&'p str> {
        let plan = self.plan;
        plan.deadlines
            .iter()
            .flat_map(|d| &d.report_to)
            .filter_map(|id| self.names.actors.get(id.get_ref()))
            .filter_map(|&a| plan.actors.get(a))
            .map(|a| a.name.as_str())
            .collect()
    }

    /// Whom `recipient` (by its name) reports its use to: [`Ledger::report_to`] without itself.
    pub fn report_to_but(&self, recipient: &str) -> Vec<&'p str> {
        let mut names = self.report_to();
        names.retain(|name| *name != recipient);
        names
    }

    /// The display name of a recipient.
    pub fn recipient_name(&self, recipient: Recipient) -> &'p str {
        recipient_name(self.plan, recipient)
    }

    /// The kommunkod of a kommun recipient.
    pub fn kommunkod(&self, recipient: Recipient) -> Option<&'p str> {
        match recipient {
            Recipient::Kommun(k) => self
                .plan
                .kommuner
                .get(k as usize)
                .map(|x| x.code.get_ref().as_str()),
            Recipient::Actor(_) => None,
        }
    }

    /// The responsible actors of insats `i`, by short name (or name): "RJH / KFJH".
    pub fn responsible(&self, i: usize) -> String {
        let Some(entry) = self.insatser.get(i) else {
            return String::new();
        };
        entry
            .actors
            .iter()
            .filter_map(|&a| self.plan.actors.get(a))
            .map(|a| a.short.as_deref().unwrap_or(&a.name))
            .collect::<Vec<_>>()
            .join(" / ")
    }

    /// The sum of every line.
    pub fn total(&self) -> Amount {
        self.lines.iter().map(|l| l.amount).sum()
    }

    /// The year of the column a key's file was read from, when its header names one.
    pub fn key_file_year(&self, key: usize) -> Option<i32> {
        self.keys.get(key).and_then(|k| k.file_year)
    }

    /// Each heading's total: its own insatser and those of its sub-headings, where
    /// `amount_of` gives an insats's amount (by index).
    pub fn heading_totals(&self, amount_of: impl Fn(usize) -> Amount) -> Vec<Amount> {
        let forest = &self.headings.forest;
        let mut totals: Vec<Amount> = self
            .headings
            .insatser
            .iter()
            .map(|list| list.iter().map(|&i| amount_of(i)).sum())
            .collect();
        for h in forest.bottom_up() {
            let own = totals.get(h).copied().unwrap_or_default();
            if let Some(t) = forest
                .parent
                .get(h)
                .copied()
                .flatten()
                .and_then(|p| totals.get_mut(p))
            {
                *t += own;
            }
        }
        totals
    }

    /// The total of what `selection` covers; `None` when it covers an insats that could not
    /// be split, or a heading whose insatser are not known for sure (an error says why).
    pub fn sum(&self, selection: &Selection) -> Option<Amount> {
        if selection.heading.is_some() && self.headings.broken {
            return None;
        }
        selection.sum(self)
    }
}

/// How many lines the ledger may hold per byte of plan text. A real plan has far fewer (the
/// 2026 plan 0,01; a generated national plan with 100 000 insatser of real length 0,3, with
/// one-line texts 1,5); a plan that splits tiny insatser over thousands of kommuner could
/// otherwise make a few megabytes of text need gigabytes of memory. A line is 28 bytes and its
/// place in the order by recipient 4 more: at most 64 bytes of ledger per byte of plan (with
/// 4 lines a byte, a 24 MB plan of one-letter insatser over 290 kommuner needed 3 GB; s37).
pub const LINES_PER_BYTE: usize = 2;

/// The most lines a plan's ledger may hold: `LINES_PER_BYTE` per byte of its text, and at
/// least a million (32 MB), so that no small plan is ever refused.
pub fn max_lines(plan: &Plan) -> usize {
    plan.source_bytes
        .saturating_mul(LINES_PER_BYTE)
        .max(1_000_000)
}

/// What resolving the insatser reads.
struct Resolving<'a> {
    plan: &'a Plan,
    names: &'a Names,
    cx: &'a Context<'a>,
    blocked: &'a [Option<Reported>],
    headings: &'a [Option<usize>],
    max_lines: usize,
    side_by_side_from: usize,
}

/// From this many insatser on, the two halves of the plan are resolved side by side.
const SIDE_BY_SIDE_FROM: usize = 1_000;

/// Every insats resolved, in plan order, with its lines. A large plan's halves are resolved
/// side by side; when either half has anything to report, or together they pass the ledger's
/// limit, the plan is resolved again in one pass, so that the findings and the insatser the
/// limit refuses are exactly those of one pass.
fn resolve_insatser(r: &Resolving, findings: &mut Findings) -> (Vec<Entry>, Vec<Line>) {
    let n = r.plan.insatser.len();
    if n >= r.side_by_side_from.max(2) {
        let halves = [0..n / 2, n / 2..n];
        let mut made =
            crate::core::parallel::map(&halves, |half| resolve_range(r, half.clone())).into_iter();
        if let (Some(first), Some(second)) = (made.next(), made.next())
            && let Some(joined) = joined(first, second, r.max_lines)
        {
            return joined;
        }
    }
    let (insatser, lines, found) = resolve_range(r, 0..n);
    findings.append(found);
    (insatser, lines.joined(Lines::default()))
}

/// Insatser resolved, their lines (numbered from 0), and what they reported.
type Half = (Vec<Entry>, Lines, Findings);

/// The two halves as one pass makes them, when neither reported anything and their lines
/// stay within the limit.
fn joined(
    (mut insatser, lines, first_found): Half,
    (second, second_lines, second_found): Half,
    max_lines: usize,
) -> Option<(Vec<Entry>, Vec<Line>)> {
    let clean = first_found.is_empty() && second_found.is_empty();
    if !clean || lines.count + second_lines.count > max_lines {
        return None;
    }
    let offset = lines.count;
    insatser.extend(second.into_iter().map(|mut entry| {
        entry.lines = entry.lines.map(|l| l.start + offset..l.end + offset);
        entry
    }));
    Some((insatser, lines.joined(second_lines)))
}

/// Lines as they are made, a chunk at a time: a large plan's two halves become one list by
/// copying the chunks in turn, each freed as it is copied, so that the lines are never held
/// twice (a plan of 14,5 million lines: 566 MB at most; 624 MB in one pass; 771 MB as two
/// lists joined whole).
#[derive(Default)]
struct Lines {
    full: Vec<Vec<Line>>,
    current: Vec<Line>,
    count: usize,
}

/// Lines in a chunk, 56 MB: above the largest block the C library keeps for reuse after it
/// is freed (32 MB), so that a chunk copied is memory given back.
const CHUNK_LINES: usize = 2_000_000;

impl Lines {
    fn extend(&mut self, lines: impl Iterator<Item = Line>) {
        // A new chunk before one that the lines would take past its size, so that a chunk is
        // never grown (and copied) beyond it (review s37).
        let most = lines.size_hint().1.unwrap_or(usize::MAX);
        if !self.current.is_empty() && self.current.len().saturating_add(most) > CHUNK_LINES {
            let next = Vec::with_capacity(CHUNK_LINES.max(most.min(CHUNK_LINES * 2)));
            self.full.push(std::mem::replace(&mut self.current, next));
        }
        let before = self.current.len();
        self.current.extend(lines);
        self.count += self.current.len() - before;
    }

    /// These lines and then `more`, as one list.
    fn joined(mut self, more: Lines) -> Vec<Line> {
        if self.full.is_empty() && more.count == 0 {
            return self.current;
        }
        let mut all = Vec::with_capacity(self.count + more.count);
        self.full.push(self.current);
        let chunks = self.full.into_iter().chain(more.full).chain([more.current]);
        for chunk in chunks {
            all.extend(chunk);
        }
        all
    }
}

/// The insatser in `range` resolved, their lines numbered from 0, and what they report.
fn resolve_range(r: &Resolving, range: Range<usize>) -> (Vec<Entry>, Lines, Findings) {
    let mut findings = Findings::default();
    let mut insatser = Vec::with_capacity(range.len());
    let mut lines = Lines {
        current: Vec::with_capacity(range.len()),
        ..Lines::default()
    };
    for i in range {
        let Some(insats) = r.plan.insatser.get(i) else {
            continue;
        };
        let blocked = r.blocked.get(i).copied().flatten();
        let room = r.max_lines.saturating_sub(lines.count);
        let resolved = insats::resolve(r.cx, insats, blocked, room, &mut findings);
        let (area, earmark) = area_and_earmark(r.plan, r.names, insats, &mut findings);
        let mut total = Amount::ZERO;
        let lines_range = resolved.parts.map(|parts| {
            let start = lines.count;
            // A part of 0 kr is no money to anyone: no line, so no invoice, payment or
            // follow-up form for nothing.
            lines.extend(
                parts
                    .into_iter()
                    .filter(|(_, amount)| *amount != Amount::ZERO)
                    .map(|(recipient, amount)| {
                        total += amount;
                        Line {
                            insats: index(i),
                            recipient,
                            amount,
                        }
                    }),
            );
            start..lines.count
        });
        insatser.push(Entry {
            area,
            earmark,
            actors: resolved.actors,
            heading: r.headings.get(i).copied().flatten(),
            lines: lines_range,
            total,
            keyed: resolved.keyed,
        });
    }
    (insatser, lines, findings)
}

/// An index as a line stores it. Plans are far smaller than 4 billion of anything; an index
/// beyond that saturates rather than wraps.
pub fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The display name of a recipient.
pub fn recipient_name(plan: &Plan, recipient: Recipient) -> &str {
    match recipient {
        Recipient::Actor(i) => plan.actors.get(i as usize).map_or("", |a| a.name.as_str()),
        Recipient::Kommun(i) => plan
            .kommuner
            .get(i as usize)
            .map_or("", |k| k.name.get_ref().as_str()),
    }
}

/// The actors' `parent` links as a forest, with the kommuner under the (one) group of
/// kommuner. Links that cannot stand are reported and cut: to an unknown actor, to the actor
/// itself, into the group of kommuner, and round a cycle.
fn actor_forest(plan: &Plan, names: &Names, findings: &mut Findings) -> Actors {
    let count = plan.actors.len();
    let mut group: Option<usize> = None;
    for (i, actor) in plan.actors.iter().enumerate() {
        if *actor.kind.get_ref() != ActorKind::Kommuner {
            continue;
        }
        match group.and_then(|g| plan.actors.get(g)) {
            Some(first) => {
                findings.error(
                    actor.kind.span(),
                    Problem::ActorTree {
                        actor: actor.id.get_ref().clone(),
                        reason: TreeReason::SecondKommunerGroup(first.id.get_ref().clone()),
                    },
                );
            }
            None => group = Some(i),
        }
    }
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(count + plan.kommuner.len());
    let mut parent_spans = Vec::with_capacity(count);
    for (i, actor) in plan.actors.iter().enumerate() {
        payment_fits(actor, findings);
        let Some(p) = &actor.parent else {
            parent.push(None);
            parent_spans.push(actor.id.span());
            continue;
        };
        parent_spans.push(p.span());
        let tree_error = |findings: &mut Findings, reason| {
            findings.error(
                p.span(),
                Problem::ActorTree {
                    actor: actor.id.get_ref().clone(),
                    reason,
                },
            );
        };
        let link = match names.actor_ref(plan, p, findings) {
            Err(_) => None,
            Ok(j) if j == i => {
                tree_error(findings, TreeReason::OwnParent);
                None
            }
            Ok(j) if Some(j) == group => {
                tree_error(findings, TreeReason::UnderKommuner(p.get_ref().clone()));
                None
            }
            Ok(j) => {
                let (kind, parent_kind) = (
                    *actor.kind.get_ref(),
                    plan.actors.get(j).map(|a| *a.kind.get_ref()),
                );
                let fits = match kind {
                    ActorKind::Region | ActorKind::Kommuner => false,
                    ActorKind::RegionUnit => {
                        matches!(parent_kind, Some(ActorKind::Region | ActorKind::RegionUnit))
                    }
                    ActorKind::Kommunforbund | ActorKind::External => true,
                };
                match parent_kind {
                    Some(parent_kind) if !fits => {
                        tree_error(
                            findings,
                            TreeReason::KindUnder {
                                kind,
                                parent: p.get_ref().clone(),
                                parent_kind,
                            },
                        );
                        None
                    }
                    _ => Some(j),
                }
            }
        };
        parent.push(link);
    }
    for &i in &cut_cycles(&mut parent) {
        if let (Some(actor), Some(span)) = (plan.actors.get(i), parent_spans.get(i)) {
            findings.error(
                span.clone(),
                Problem::ActorTree {
                    actor: actor.id.get_ref().clone(),
                    reason: TreeReason::Cycle,
                },
            );
        }
    }
    parent.extend(std::iter::repeat_n(group, plan.kommuner.len()));
    Actors {
        forest: Forest::new(parent),
        group,
        count,
    }
}

/// An actor's `payment`, when given, is one its kind can have: the region does not invoice
/// itself, only the region's own units are paid by internal transfer, and each kommun sends
/// its invoice.
fn payment_fits(actor: &Actor, findings: &mut Findings) {
    let Some(payment) = &actor.payment else {
        return;
    };
    let kind = *actor.kind.get_ref();
    let fits = match kind {
        ActorKind::Region | ActorKind::RegionUnit => *payment.get_ref() != Payment::Invoice,
        ActorKind::Kommunforbund | ActorKind::External => *payment.get_ref() != Payment::Internal,
        ActorKind::Kommuner => *payment.get_ref() == Payment::Invoice,
    };
    if !fits {
        findings.error(
            payment.span(),
            Problem::ActorPayment {
                actor: actor.id.get_ref().clone(),
                kind,
                payment: *payment.get_ref(),
            },
        );
    }
}

/// The headings' `parent` links as a forest, and each insats placed under its heading: with
/// headings, every insats sits under exactly one.
fn heading_forest(plan: &Plan, names: &Names, findings: &mut Findings) -> Headings {
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(plan.headings.len());
    let mut broken = false;
    for heading in &plan.headings {
        let link = heading
            .parent
            .as_ref()
            .and_then(|p| match names.headings.get(p.get_ref()) {
                Some(&j) => Some(j),
                None => {
                    unknown(
                        findings,
                        Thing::Heading,
                        p,
                        plan.headings.iter().map(|h| h.id.get_ref().as_str()),
                    );
                    broken = true;
                    None
                }
            });
        parent.push(link);
    }
    for &i in &cut_cycles(&mut parent) {
        broken = true;
        if let Some(heading) = plan.headings.get(i) {
            let span = heading
                .parent
                .as_ref()
                .map_or(heading.id.span(), |p| p.span());
            findings.error(
                span,
                Problem::HeadingCycle {
                    heading: heading.id.get_ref().clone(),
                },
            );
        }
    }
    let mut of_insats: Vec<Option<usize>> = vec![None; plan.insatser.len()];
    let mut first: Vec<Option<Range<usize>>> = vec![None; plan.insatser.len()];
    let mut insatser: Vec<Vec<usize>> = vec![Vec::new(); plan.headings.len()];
    for (h, heading) in plan.headings.iter().enumerate() {
        for id in &heading.insatser {
            let Ok(i) = names.insats_ref(plan, id, findings) else {
                continue;
            };
            match first.get(i).cloned().flatten() {
                Some(first_span) => {
                    // Listed twice under this heading, or under another one as well: then the
                    // other heading's total lacks it (tester s34 #4).
                    let same = of_insats.get(i).copied().flatten() == Some(h);
                    broken |= !same;
                    findings.error_with(
                        id.span(),
                        Problem::UnderSeveralHeadings {
                            insats: id.get_ref().clone(),
                            twice_under: same.then(|| heading.id.get_ref().clone()),
                        },
                        (first_span, Related::FirstListedHere),
                    );
                }
                None => {
                    if let (Some(f), Some(o)) = (first.get_mut(i), of_insats.get_mut(i)) {
                        *f = Some(id.span());
                        *o = Some(h);
                    }
                    if let Some(list) = insatser.get_mut(h) {
                        list.push(i);
                    }
                }
            }
        }
    }
    if !plan.headings.is_empty() {
        for (i, (insats, heading)) in plan.insatser.iter().zip(&of_insats).enumerate() {
            // An insats whose id is taken by an earlier one is reported as a duplicate.
            let duplicate = names.insatser.get(insats.id.get_ref()) != Some(&i);
            if heading.is_none() && !duplicate {
                findings.error(
                    insats.id.span(),
                    Problem::NotUnderHeading {
                        insats: insats.id.get_ref().clone(),
                    },
                );
            }
        }
    }
    Headings {
        forest: Forest::new(parent),
        of_insats,
        insatser,
        broken,
    }
}

/// The insats's area and earmark, each reported when the plan does not define it.
fn area_and_earmark(
    plan: &Plan,
    names: &Names,
    insats: &crate::core::plan::Insats,
    findings: &mut Findings,
) -> (Option<usize>, Option<usize>) {
    let area = names.area_ref(plan, &insats.area, findings).ok();
    let earmark = match (&insats.earmark, area.and_then(|a| plan.areas.get(a))) {
        (Some(earmark), Some(a)) => {
            let found = a
                .earmarks
                .iter()
                .position(|e| e.id.get_ref() == earmark.get_ref());
            if found.is_none() {
                // One of another area's earmarks is named as such, not as unknown.
                let elsewhere = (plan.areas.iter()).find(|other| {
                    (other.earmarks.iter()).any(|e| e.id.get_ref() == earmark.get_ref())
                });
                match elsewhere {
                    Some(other) => {
                        findings.error(
                            earmark.span(),
                            Problem::EarmarkOfAnotherArea {
                                earmark: earmark.get_ref().clone(),
                                area: *other.number.get_ref(),
                                insats_area: *a.number.get_ref(),
                            },
                        );
                    }
                    None => {
                        unknown(
                            findings,
                            Thing::Earmark,
                            earmark,
                            a.earmarks.iter().map(|e| e.id.get_ref().as_str()),
                        );
                    }
                }
            }
            found
        }
        _ => None,
    };
    (area, earmark)
}

/// Every focus area an insats names is one the plan lists.
fn focus_areas_resolve(plan: &Plan, names: &Names, findings: &mut Findings) {
    let known: Vec<String> = plan
        .focus_areas
        .iter()
        .map(|f| f.number.get_ref().to_string())
        .collect();
    for insats in &plan.insatser {
        for number in insats.focus_areas.iter().flat_map(|f| f.get_ref()) {
            if !names.focus_areas.contains_key(number.get_ref()) {
                let name =
                    crate::core::plan::Spanned::new(number.span(), number.get_ref().to_string());
                unknown(
                    findings,
                    Thing::FocusArea,
                    &name,
                    known.iter().map(String::as_str),
                );
            }
        }
    }
}

/// Line indices ordered by their recipient's place in the actor forest (a counting sort), and
/// where each place's lines start.
fn order_by_node(actors: &Actors, lines: &[Line]) -> (Vec<u32>, Vec<usize>, Vec<Amount>) {
    let places = actors.forest.preorder.len();
    let mut counts = vec![0usize; places + 1];
    let mut totals = vec![Amount::ZERO; places];
    let place = |line: &Line| {
        actors
            .forest
            .enter
            .get(actors.node(line.recipient))
            .copied()
    };
    for line in lines {
        if let Some(p) = place(line) {
            if let Some(c) = counts.get_mut(p + 1) {
                *c += 1;
            }
            if let Some(t) = totals.get_mut(p) {
                *t += line.amount;
            }
        }
    }
    for p in 1..counts.len() {
        let before = counts.get(p - 1).copied().unwrap_or(0);
        if let Some(c) = counts.get_mut(p) {
            *c += before;
        }
    }
    let starts = counts.clone();
    let mut next = counts;
    let mut by_node = vec![0u32; lines.len()];
    for (i, line) in lines.iter().enumerate() {
        if let Some(slot) = place(line).and_then(|p| next.get_mut(p)) {
            if let Some(cell) = by_node.get_mut(*slot) {
                *cell = index(i);
            }
            *slot += 1;
        }
    }
    (by_node, starts, totals)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `LINES_PER_BYTE` counts on: a line is 28 bytes.
    #[test]
    fn a_line_is_28_bytes() {
        assert_eq!(std::mem::size_of::<Line>(), 28);
    }

    /// Chunks joined are the lines in the order they were made, numbered on from the first.
    #[test]
    fn chunks_join_in_order() {
        let line = |i: usize| Line {
            insats: index(i),
            recipient: Recipient::Kommun(0),
            amount: Amount::ZERO,
        };
        let made = |range: Range<usize>| {
            let mut lines = Lines::default();
            for i in range {
                lines.extend(std::iter::once(line(i)));
            }
            lines
        };
        let (first, second) = (
            made(0..CHUNK_LINES + 3),
            made(CHUNK_LINES + 3..CHUNK_LINES + 5),
        );
        assert_eq!(first.full.len(), 1);
        let all = first.joined(second);
        assert_eq!(all.len(), CHUNK_LINES + 5);
        assert!(all.iter().enumerate().all(|(i, l)| l.insats == index(i)));
    }

    /// Resolved in two halves or in one pass, a plan gives the same ledger and the same
    /// findings: the real plans and the examples (which the halves resolve), and every
    /// broken plan of the corpus (which one pass resolves again when the halves report
    /// something).
    #[test]
    fn the_halves_give_what_one_pass_gives() {
        let paths = crate::test_plans::shipped(&["examples", "tests/corpus/plans"]);
        let mut compared = 0;
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let Ok(plan) = crate::input::plan::parse(&text) else {
                continue;
            };
            let resolve = |from: usize| {
                let mut findings = Findings::default();
                let ledger = Ledger::built(&plan, &[], &mut findings, from);
                format!(
                    "{:?}\n{:?}\n{:?}",
                    ledger.lines,
                    ledger.insatser,
                    findings.into_sorted()
                )
            };
            assert_eq!(resolve(2), resolve(usize::MAX), "{}", path.display());
            compared += 1;
        }
        assert!(compared >= 85, "{compared} plans compared");
    }
}
