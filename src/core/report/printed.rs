//! Printed figures: every amount of the plan that the decision document prints as a total and
//! that `check` holds against what it covers, with its span in the plan. A document marks such
//! a figure as verified, or shows the finding whose span is the figure's, so that a draft with
//! errors can be read with each error at its figure.
//!
//! Whether a figure is compared follows the ledger rules (`check::rules`): the county total
//! and the areas always; the national total when the agreement is split; the stated change
//! once the county total is filled in (against last year's total, or, without one, with the
//! warning that it cannot be checked, so it does not hold); an earmark when an insats is
//! tagged to it; a heading's total unless a heading link had to be cut; a `[[stated]]` figure
//! when all it names resolves; a per-recipient `printed` amount when its insats could be
//! split. An insats's own amount is an input, never compared, but a finding at it is still
//! shown there.

use std::collections::HashMap;
use std::ops::Range;

use crate::core::finding::Finding;
use crate::core::ledger::{Ledger, Recipient};
use crate::core::money::Amount;

/// What a printed figure is the figure of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Figure {
    CountyTotal,
    NationalTotal,
    /// Last year's county total, as this year's plan states it.
    PreviousCountyTotal,
    /// The change against last year, as the document prints it.
    Change,
    /// An area's amount in the agreement (index into `plan.areas`).
    Area(usize),
    /// An earmark (*varav*) of an area: area index, earmark index.
    Earmark(usize, usize),
    /// A summary heading's printed total (index into `plan.headings`).
    Heading(usize),
    /// An insats's amount (index into `plan.insatser`).
    Insats(usize),
    /// One recipient's part of an insats as the document prints it.
    Part(usize, Recipient),
    /// A `[[stated]]` figure (index into `plan.stated`) and what it covers.
    Stated(usize, Covers),
}

/// What a `[[stated]]` figure covers, where that is one figure of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Covers {
    /// The whole plan: the county total.
    Whole,
    /// One area (index into `plan.areas`).
    Area(usize),
    /// One kommun, every insats (index into `plan.kommuner`).
    Kommun(usize),
    /// One actor and everything under it (index into `plan.actors`).
    Actor(usize),
    /// Anything else (several filters, or given insatser).
    Other,
}

/// A printed figure: its amount, where the plan writes it, and whether `check` compares it.
#[derive(Clone, Debug, PartialEq)]
pub struct Printed {
    pub figure: Figure,
    pub amount: Amount,
    pub span: Range<usize>,
    pub compared: bool,
}

/// How a figure stands after `check`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Standing {
    /// Printed figures of this kind that `check` compared and found no fault with.
    pub verified: Vec<Amount>,
    /// Indices of the findings at the figure's printed values, in `findings` order.
    pub findings: Vec<usize>,
}

impl Standing {
    pub fn is_verified(&self) -> bool {
        !self.verified.is_empty() && self.findings.is_empty()
    }
}

/// Every printed figure of the plan, in the order of the plan's tables.
pub fn printed(ledger: &Ledger) -> Vec<Printed> {
    let plan = ledger.plan;
    let meta = &plan.plan;
    let mut out = Vec::new();
    let mut push = |figure, spanned: &crate::core::plan::Spanned<Amount>, compared| {
        out.push(Printed {
            figure,
            amount: *spanned.get_ref(),
            span: spanned.span(),
            compared,
        });
    };
    push(Figure::CountyTotal, &meta.county_total, true);
    if let Some(previous) = &meta.previous_county_total {
        push(Figure::PreviousCountyTotal, previous, false);
    }
    if let Some(change) = &meta.stated_change {
        // Without last year's total the change is still a printed figure: it has the warning
        // that it cannot be checked (`stated-change-unchecked`) at it, so it does not hold.
        let compared = !meta.county_total.get_ref().0.is_zero();
        push(Figure::Change, change, compared);
    }
    if let Some(agreement) = &plan.agreement {
        push(
            Figure::NationalTotal,
            &agreement.national_total,
            !agreement.split.is_empty(),
        );
    }
    for (a, area) in plan.areas.iter().enumerate() {
        let first = ledger.names.areas.get(area.number.get_ref()) == Some(&a);
        push(Figure::Area(a), &area.amount, first);
        for (e, earmark) in area.earmarks.iter().enumerate() {
            let tagged = ledger
                .insatser
                .iter()
                .any(|x| x.area == Some(a) && x.earmark == Some(e));
            push(Figure::Earmark(a, e), &earmark.amount, tagged);
        }
    }
    for (i, insats) in plan.insatser.iter().enumerate() {
        push(Figure::Insats(i), &insats.amount, false);
        let Some(split) = &insats.split else { continue };
        let resolved = ledger.insatser.get(i).is_some_and(|e| e.lines.is_ok());
        for (name, amount) in &split.get_ref().printed {
            if let Some(recipient) = ledger.names.recipient(name.get_ref()) {
                push(Figure::Part(i, recipient), amount, resolved);
            }
        }
    }
    for (h, heading) in plan.headings.iter().enumerate() {
        if let Some(stated) = &heading.stated {
            push(Figure::Heading(h), stated, !ledger.headings.broken);
        }
    }
    for (s, stated) in plan.stated.iter().enumerate() {
        let selection = ledger.stated.get(s).and_then(Option::as_ref);
        let compared = selection.is_some_and(|sel| ledger.sum(sel).is_some());
        let covers = match selection {
            Some(sel) if sel.is_all() => Covers::Whole,
            Some(sel) if stated.insatser.is_none() => {
                match (sel.areas.as_slice(), sel.actor, sel.kommun) {
                    ([a], None, None) => Covers::Area(*a),
                    ([], Some(a), None) => Covers::Actor(a),
                    ([], None, Some(k)) => Covers::Kommun(k),
                    _ => Covers::Other,
                }
            }
            _ => Covers::Other,
        };
        push(Figure::Stated(s, covers), &stated.amount, compared);
    }
    out
}

/// What a document looks printed figures up by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    /// That very figure.
    Figure(Figure),
    /// Every `[[stated]]` figure that covers this.
    Stated(Covers),
}

/// The printed figures indexed once: by what they are the figure of, and each with the
/// findings at it, so that a document asks for a figure's standing in time that does not
/// grow with the plan (a plan of 10 000 insatser prints hundreds of thousands of figures).
#[derive(Clone, Debug, Default)]
pub struct Index {
    printed: Vec<Printed>,
    by_key: HashMap<Key, Vec<usize>>,
    /// Per printed figure, the indices of the findings whose span overlaps its own, in
    /// `findings` order.
    at: Vec<Vec<usize>>,
}

impl Index {
    pub fn new(printed: Vec<Printed>, findings: &[Finding]) -> Index {
        let mut by_key: HashMap<Key, Vec<usize>> = HashMap::new();
        for (i, p) in printed.iter().enumerate() {
            by_key.entry(Key::Figure(p.figure)).or_default().push(i);
            if let Figure::Stated(_, covers) = p.figure {
                by_key.entry(Key::Stated(covers)).or_default().push(i);
            }
        }
        // The figures by where they start, and the furthest end of those up to each: a
        // finding is at every figure that starts before its end and ends after its start.
        let mut order: Vec<usize> = (0..printed.len()).collect();
        order.sort_by_key(|&i| printed.get(i).map_or(0, |p| p.span.start));
        let furthest: Vec<usize> = order
            .iter()
            .scan(0, |end, &i| {
                *end = (*end).max(printed.get(i).map_or(0, |p| p.span.end));
                Some(*end)
            })
            .collect();
        let mut at = vec![Vec::new(); printed.len()];
        for (f, finding) in findings.iter().enumerate() {
            let before = order.partition_point(|&i| {
                printed
                    .get(i)
                    .is_some_and(|p| p.span.start < finding.span.end)
            });
            for j in (0..before).rev() {
                if furthest.get(j).is_none_or(|&end| end <= finding.span.start) {
                    break;
                }
                let Some(&i) = order.get(j) else { continue };
                if printed
                    .get(i)
                    .is_some_and(|p| overlaps(&finding.span, &p.span))
                    && let Some(list) = at.get_mut(i)
                {
                    list.push(f);
                }
            }
        }
        Index {
            printed,
            by_key,
            at,
        }
    }

    /// Every printed figure, in the order of the plan's tables.
    pub fn printed(&self) -> &[Printed] {
        &self.printed
    }

    /// The findings at the `i`th printed figure, in `findings` order.
    pub fn at(&self, i: usize) -> &[usize] {
        self.at.get(i).map_or(&[], Vec::as_slice)
    }

    /// The standing of every figure that one of `keys` names: the printed values compared
    /// without a finding, and the findings at any of them.
    pub fn standing(&self, keys: &[Key]) -> Standing {
        let mut figures: Vec<usize> = keys
            .iter()
            .filter_map(|k| self.by_key.get(k))
            .flatten()
            .copied()
            .collect();
        figures.sort_unstable();
        figures.dedup();
        let mut standing = Standing::default();
        for i in figures {
            let (Some(p), at) = (self.printed.get(i), self.at(i)) else {
                continue;
            };
            standing.findings.extend_from_slice(at);
            if p.compared && at.is_empty() {
                standing.verified.push(p.amount);
            }
        }
        standing.findings.sort_unstable();
        standing.findings.dedup();
        standing
    }
}

/// How many printed figures `check` compares, and how many of them hold (no finding stands
/// at them): the figures of [`printed`] that are compared, those of the printed tables and
/// cost-sharing tables, and the keys' printed totals. `check`'s summary and the decision basis both say this.
pub fn reconciled(ledger: &Ledger, printed: &[Printed], findings: &[Finding]) -> (usize, usize) {
    let plan = ledger.plan;
    // The findings by where they start, and the furthest end of those up to each: a figure
    // has a finding at it when one starting before its end ends after its start.
    let mut spans: Vec<&Range<usize>> = findings.iter().map(|f| &f.span).collect();
    spans.sort_by_key(|s| s.start);
    let furthest: Vec<usize> = spans
        .iter()
        .scan(0, |end, s| {
            *end = (*end).max(s.end);
            Some(*end)
        })
        .collect();
    let holds = |figure: &Range<usize>| {
        let before = spans.partition_point(|s| s.start < figure.end);
        before == 0
            || furthest
                .get(before - 1)
                .is_none_or(|&end| end <= figure.start)
    };
    let figures: Vec<Range<usize>> = printed
        .iter()
        .filter(|p| p.compared)
        .map(|p| p.span.clone())
        .chain(crate::core::check::tables::printed_spans(&plan.tables))
        .chain(crate::core::check::cost_sharing::printed_spans(
            &plan.cost_sharing,
        ))
        .chain(
            crate::core::check::key_totals::compared(ledger)
                .iter()
                .map(|k| k.printed.span()),
        )
        .collect();
    let holding = figures.iter().filter(|f| holds(f)).count();
    (figures.len(), holding)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}
