//! Printed figures: every amount of the plan that the decision document prints as a total and
//! that `check` holds against what it covers, with its span in the plan. A document marks such
//! a figure as verified, or shows the finding whose span is the figure's, so that a draft with
//! errors can be read with each error at its figure.
//!
//! Whether a figure is compared follows the ledger rules (`check::rules`): the county total
//! and the areas once their parts are all filled in (none still 0); the national total when
//! the agreement is split and its parts are filled in; the stated change
//! once the county total is filled in (against last year's total, or, without one, with the
//! warning that it cannot be checked, so it does not hold); an earmark when an insats is
//! tagged to it and all such are filled in; a heading's total unless a heading link had to be cut; a `[[stated]]` figure
//! when all it names resolves; a per-recipient `printed` amount when its insats could be
//! split. An insats's own amount is an input, never compared, but a finding at it is still
//! shown there.
//!
//! A figure that `check` would compare but cannot, because an insats it covers could not be
//! split (its key misspelt, its key file unreadable), is *unchecked*: not compared, yet
//! counted among the printed figures and listed, with the insatser whose errors keep it so
//! ([`Printed::unchecked`]), so that a draft says which printed sums it could not check
//! rather than leaving them out.

use std::collections::HashMap;
use std::ops::{ControlFlow, Range};

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
    /// Where the plan writes each insats that keeps this figure from being compared (its
    /// money could not be split, `Ledger::unresolved`): the figure is one `check` would
    /// compare, and the errors in these extents are why it cannot. Empty for every other
    /// figure.
    pub unchecked: Vec<Range<usize>>,
}

impl Printed {
    /// Whether `check` would compare the figure but errors keep it from being computed.
    pub fn is_unchecked(&self) -> bool {
        !self.compared && !self.unchecked.is_empty()
    }

    /// Whether the figure is one of those `check` counts: compared, or unchecked.
    pub fn is_counted(&self) -> bool {
        self.compared || self.is_unchecked()
    }
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
    let mut push = |figure, spanned: &crate::core::plan::Spanned<Amount>, compared, unchecked| {
        out.push(Printed {
            figure,
            amount: *spanned.get_ref(),
            span: spanned.span(),
            compared,
            unchecked,
        });
    };
    let extent = |i: usize| unsplit_extents(ledger, i);
    // A sum whose parts are not all filled in yet is not compared (`check::rules`).
    let zero = |a: &crate::core::plan::Spanned<Amount>| a.get_ref().0.is_zero();
    let insats_zero = |i: usize| plan.insatser.get(i).is_some_and(|x| zero(&x.amount));
    let filled = !plan.areas.iter().any(|a| zero(&a.amount))
        && !plan.insatser.iter().any(|x| zero(&x.amount));
    push(Figure::CountyTotal, &meta.county_total, filled, Vec::new());
    if let Some(previous) = &meta.previous_county_total {
        push(Figure::PreviousCountyTotal, previous, false, Vec::new());
    }
    if let Some(change) = &meta.stated_change {
        // Without last year's total the change is still a printed figure: it has the warning
        // that it cannot be checked (`stated-change-unchecked`) at it, so it does not hold.
        let compared = !meta.county_total.get_ref().0.is_zero();
        push(Figure::Change, change, compared, Vec::new());
    }
    if let Some(agreement) = &plan.agreement {
        push(
            Figure::NationalTotal,
            &agreement.national_total,
            !agreement.split.is_empty() && !agreement.split.iter().any(|p| zero(&p.amount)),
            Vec::new(),
        );
    }
    for (a, area) in plan.areas.iter().enumerate() {
        let first = ledger.names.areas.get(area.number.get_ref()) == Some(&a);
        let in_area = || (ledger.insatser.iter().enumerate()).filter(|(_, x)| x.area == Some(a));
        let filled = !in_area().any(|(i, _)| insats_zero(i));
        push(Figure::Area(a), &area.amount, first && filled, Vec::new());
        for (e, earmark) in area.earmarks.iter().enumerate() {
            let mut tagged = in_area().filter(|(_, x)| x.earmark == Some(e)).peekable();
            let compared = tagged.peek().is_some() && !tagged.any(|(i, _)| insats_zero(i));
            push(Figure::Earmark(a, e), &earmark.amount, compared, Vec::new());
        }
    }
    for (i, insats) in plan.insatser.iter().enumerate() {
        push(Figure::Insats(i), &insats.amount, false, Vec::new());
        let Some(split) = &insats.split else { continue };
        let resolved = ledger.insatser.get(i).is_some_and(|e| e.lines.is_ok());
        for (name, amount) in &split.get_ref().printed {
            if let Some(recipient) = ledger.names.recipient(name.get_ref()) {
                // A part of an insats that could not be split is unchecked, by its errors.
                let unchecked = match resolved {
                    true => Vec::new(),
                    false => extent(i),
                };
                push(Figure::Part(i, recipient), amount, resolved, unchecked);
            }
        }
    }
    for (h, heading) in plan.headings.iter().enumerate() {
        if let Some(stated) = &heading.stated {
            push(
                Figure::Heading(h),
                stated,
                !ledger.headings.broken,
                Vec::new(),
            );
        }
    }
    for (s, stated) in plan.stated.iter().enumerate() {
        let selection = ledger.stated.get(s).and_then(Option::as_ref);
        let compared = selection.is_some_and(|sel| ledger.sum(sel).is_some());
        // What it names resolves, but an insats among it could not be split: unchecked.
        let unchecked = match (selection, compared) {
            (Some(sel), false) => (ledger.unresolved.iter())
                .filter(|&&i| sel.covers_insats(ledger, i))
                .flat_map(|&i| extent(i))
                .collect(),
            _ => Vec::new(),
        };
        let covers = match selection {
            Some(sel) if sel.is_all() => Covers::Whole,
            // Narrowed to a heading's insatser it is none of the document's figures.
            Some(sel) if stated.insatser.is_none() && sel.heading.is_none() => {
                match (sel.areas.as_slice(), sel.actor, sel.kommun) {
                    ([a], None, None) => Covers::Area(*a),
                    ([], Some(a), None) => Covers::Actor(a),
                    ([], None, Some(k)) => Covers::Kommun(k),
                    _ => Covers::Other,
                }
            }
            _ => Covers::Other,
        };
        push(
            Figure::Stated(s, covers),
            &stated.amount,
            compared,
            unchecked,
        );
    }
    out
}

/// Where the errors that keep insats `i` from being split are written: the insats (its split
/// included), and the key it is split by, with the keys that key is derived from (`from`), so
/// that a key file that cannot be read is found at its `file`.
pub fn unsplit_extents(ledger: &Ledger, i: usize) -> Vec<Range<usize>> {
    let plan = ledger.plan;
    let Some(insats) = plan.insatser.get(i) else {
        return Vec::new();
    };
    let mut extents = vec![insats.extent()];
    let mut key = (insats.split.as_ref())
        .and_then(|s| s.get_ref().key.as_ref())
        .map(|k| k.get_ref().as_str());
    // A chain of derived keys is short; the bound keeps a cycle (an error of its own) finite.
    for _ in 0..plan.keys.len() {
        let Some(k) = key
            .and_then(|k| ledger.names.keys.get(k))
            .and_then(|&k| plan.keys.get(k))
        else {
            break;
        };
        let extent = k.extent();
        if !extent.is_empty() {
            extents.push(extent);
        }
        key = k.from.as_ref().map(|f| f.get_ref().as_str());
    }
    extents
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
    /// The findings by where they stand, which every other view of the document asks too.
    spans: SpanIndex,
    /// Per printed figure, the findings at it ([`SpanIndex::at_figure`]), in `findings`
    /// order.
    at: Vec<Vec<usize>>,
}

impl Index {
    /// Whether the plan prints a figure under `key`.
    pub fn prints(&self, key: &Key) -> bool {
        self.by_key
            .get(key)
            .is_some_and(|figures| !figures.is_empty())
    }

    pub fn new(printed: Vec<Printed>, findings: &[Finding]) -> Index {
        let mut by_key: HashMap<Key, Vec<usize>> = HashMap::new();
        for (i, p) in printed.iter().enumerate() {
            by_key.entry(Key::Figure(p.figure)).or_default().push(i);
            if let Figure::Stated(_, covers) = p.figure {
                by_key.entry(Key::Stated(covers)).or_default().push(i);
            }
        }
        let spans = SpanIndex::new(findings);
        let at = printed.iter().map(|p| spans.at_figure(&p.span)).collect();
        Index {
            printed,
            by_key,
            spans,
            at,
        }
    }

    /// The findings by where they stand in the plan.
    pub fn spans(&self) -> &SpanIndex {
        &self.spans
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

/// How the printed figures stand after `check`: how many it counts, how many of them hold,
/// and how many of them errors keep from being compared ([`Printed::is_unchecked`]; they are
/// counted, and do not hold).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reconciled {
    /// The printed figures counted: those compared and those unchecked.
    pub figures: usize,
    /// Those compared at which no finding stands.
    pub holding: usize,
    /// Those that errors keep from being compared.
    pub unchecked: usize,
}

/// How many printed figures `check` counts, how many of them hold (no finding stands at them,
/// [`SpanIndex::holds`]), and how many cannot be compared for errors: the figures of
/// [`printed`] that are compared or unchecked, those of the printed tables and cost-sharing
/// tables, and the keys' printed totals. `check`'s summary and the decision basis both say
/// this.
pub fn reconciled(ledger: &Ledger, printed: &[Printed], spans: &SpanIndex) -> Reconciled {
    let plan = ledger.plan;
    let unchecked = printed.iter().filter(|p| p.is_unchecked()).count();
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
    let holding = figures.iter().filter(|f| spans.holds(f)).count();
    Reconciled {
        figures: figures.len() + unchecked,
        holding,
        unchecked,
    }
}

/// The errors that keep printed figures from being compared: those written in the extents of
/// the insatser that could not be split ([`Printed::unchecked`]), in `findings` order; empty
/// when the errors are elsewhere (a key file that cannot be read).
pub fn unchecked_by<'p>(
    printed: impl IntoIterator<Item = &'p Printed>,
    spans: &SpanIndex,
) -> Vec<usize> {
    errors_within(
        printed
            .into_iter()
            .flat_map(|p| p.unchecked.iter().cloned()),
        spans,
    )
}

/// The errors written within any of `extents`, each once, in `findings` order.
pub fn errors_within(
    extents: impl IntoIterator<Item = Range<usize>>,
    spans: &SpanIndex,
) -> Vec<usize> {
    // Each extent once, however many figures (and sums over it) name it.
    let mut extents: Vec<(usize, usize)> =
        (extents.into_iter()).map(|e| (e.start, e.end)).collect();
    extents.sort_unstable();
    extents.dedup();
    let mut errors: Vec<usize> = (extents.into_iter())
        .flat_map(|(start, end)| spans.within(&(start..end), Severities::Errors))
        .collect();
    errors.sort_unstable();
    errors.dedup();
    errors
}

/// Which findings a question about a span counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severities {
    /// Errors and warnings.
    All,
    /// Errors only.
    Errors,
}

impl Severities {
    fn slot(self) -> usize {
        match self {
            Severities::All => 0,
            Severities::Errors => 1,
        }
    }
}

/// The findings by where they stand in the plan: the one answer to "is there a finding at
/// this printed figure?", which `check`'s count (*N av M angivna summor stämmer*), the
/// document's ✓ and ≠ and its *Kontrollerade summor* all ask, so that they cannot disagree.
///
/// Two questions are asked, each by the views that need it:
///
/// - **At a printed figure** ([`SpanIndex::at_figure`], [`SpanIndex::holds`]): every finding,
///   error or warning, whose span *overlaps* the figure's. [`Index`] (the ✓ or ≠ of each figure
///   of the document and of its row under *Kontrollerade summor*), [`reconciled`] (the count
///   `check` and the document's status give), the document's printed tables
///   (`Marks::section`: "33 ✓ | 33 stämmer") and keys' printed totals (`Marks::key_total`)
///   all ask this. Overlap, not containment, because a finding may be at a list of figures
///   and so stand at each of them (`amount-to-fill` at a cost-sharing table's `party_totals`,
///   `table-shape` at a row's cells), as well as at one. Every severity, because a warning at
///   a figure is ≠ as well: the 2026 earmark's `earmark-total` is the one of 50 stated
///   figures that does not hold ("49 av 50"; the README: "Varning 1 står också vid sin
///   siffra i dokumentet (≠)").
/// - **About a part of the plan** ([`SpanIndex::within`] with [`Severities::Errors`]): the
///   errors whose span lies *within* the part's, asked of an insats whose money could not be
///   split (`Marks::unsplit`: "100 000 kr ej fördelat (fel 1)"). Within, because the part is a
///   stretch of the plan (the insats's extent, its split included) and the question is which
///   findings are written in it, not which touch it; errors only, because only an error keeps
///   an insats from being split (a warning in it, `no-focus-area`, is in the list only).
///
/// The findings are kept by where they start, with a tree of how far they reach (the
/// furthest end under each node, of all findings and of errors only), so each question costs
/// `O((k + 1) log n)` for `k` findings found among `n`, however long some findings' spans are:
/// a plan's figures are asked about in `O((n + m) log n)`.
#[derive(Clone, Debug, Default)]
pub struct SpanIndex {
    /// Each finding's span, index in `findings` and whether it is an error, by where it
    /// starts (then ends).
    by_start: Vec<(Range<usize>, usize, bool)>,
    /// A complete binary tree over `by_start` (node 1 the root, node `c` with children `2c`
    /// and `2c + 1`, leaf `leaves + i` for `by_start[i]`): per node, the furthest end of its
    /// findings, of all (slot 0) and of errors only (slot 1); 0 where there are none.
    furthest: Vec<[usize; 2]>,
    leaves: usize,
}

impl SpanIndex {
    pub fn new(findings: &[Finding]) -> SpanIndex {
        let mut by_start: Vec<(Range<usize>, usize, bool)> = findings
            .iter()
            .enumerate()
            .map(|(n, f)| (f.span.clone(), n, f.is_error()))
            .collect();
        by_start.sort_unstable_by_key(|(span, n, _)| (span.start, span.end, *n));
        let leaves = by_start.len().next_power_of_two();
        let mut furthest = vec![[0, 0]; 2 * leaves];
        for (i, (span, _, error)) in by_start.iter().enumerate() {
            if let Some(leaf) = furthest.get_mut(leaves + i) {
                *leaf = [span.end, if *error { span.end } else { 0 }];
            }
        }
        for node in (1..leaves).rev() {
            let (left, right) = (furthest.get(2 * node), furthest.get(2 * node + 1));
            let (Some(&[a, ae]), Some(&[b, be])) = (left, right) else {
                continue;
            };
            if let Some(reach) = furthest.get_mut(node) {
                *reach = [a.max(b), ae.max(be)];
            }
        }
        SpanIndex {
            by_start,
            furthest,
            leaves,
        }
    }

    /// The findings at a printed figure whose span is `figure`: every one, error or warning,
    /// whose span overlaps it, in `findings` order.
    pub fn at_figure(&self, figure: &Range<usize>) -> Vec<usize> {
        self.overlapping(figure, Severities::All)
    }

    /// Whether a printed figure whose span is `figure` holds: no finding is at it
    /// ([`SpanIndex::at_figure`] is empty).
    pub fn holds(&self, figure: &Range<usize>) -> bool {
        let mut found = false;
        self.visit_overlapping(figure, Severities::All, &mut |_| {
            found = true;
            ControlFlow::Break(())
        });
        !found
    }

    /// The findings of `severities` whose span overlaps `span` (starts before its end and
    /// ends after its start), in `findings` order.
    pub fn overlapping(&self, span: &Range<usize>, severities: Severities) -> Vec<usize> {
        let mut found = Vec::new();
        self.visit_overlapping(span, severities, &mut |n| {
            found.push(n);
            ControlFlow::Continue(())
        });
        found.sort_unstable();
        found
    }

    /// The findings of `severities` whose span lies within `span` (starts at or after its
    /// start, and before its end, and ends at or before its end), in `findings` order. Only
    /// the findings that start within `span` are looked at: the parts of the plan asked about
    /// (insatser) do not overlap one another, so each finding is looked at once.
    pub fn within(&self, span: &Range<usize>, severities: Severities) -> Vec<usize> {
        let from = self
            .by_start
            .partition_point(|(f, _, _)| f.start < span.start);
        let mut found: Vec<usize> = (self.by_start.get(from..).unwrap_or_default().iter())
            .take_while(|(f, _, _)| f.start < span.end)
            .filter(|(f, _, error)| f.end <= span.end && (*error || severities == Severities::All))
            .map(|&(_, n, _)| n)
            .collect();
        found.sort_unstable();
        found
    }

    /// Calls `found` with each finding of `severities` that overlaps `span`, until it breaks.
    fn visit_overlapping(
        &self,
        span: &Range<usize>,
        severities: Severities,
        found: &mut impl FnMut(usize) -> ControlFlow<()>,
    ) {
        // Those that start before `span` ends are a prefix; of them, those that end after it
        // starts are found down the tree, leaving every subtree that ends before it starts.
        let before = self
            .by_start
            .partition_point(|(f, _, _)| f.start < span.end);
        let _ = self.visit(
            1,
            0..self.leaves,
            before,
            span.start,
            severities.slot(),
            found,
        );
    }

    /// Visits the findings under `node` (which covers `covers` of `by_start`) that are among
    /// the first `before` and end after `after`.
    fn visit(
        &self,
        node: usize,
        covers: Range<usize>,
        before: usize,
        after: usize,
        slot: usize,
        found: &mut impl FnMut(usize) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        if covers.start >= before || self.reaches(node, slot) <= after {
            return ControlFlow::Continue(());
        }
        if covers.len() == 1 {
            return match self.by_start.get(covers.start) {
                Some(&(_, n, _)) => found(n),
                None => ControlFlow::Continue(()),
            };
        }
        let middle = covers.start + covers.len() / 2;
        self.visit(2 * node, covers.start..middle, before, after, slot, found)?;
        self.visit(2 * node + 1, middle..covers.end, before, after, slot, found)
    }

    /// The furthest end of the findings under `node` in `slot`.
    fn reaches(&self, node: usize, slot: usize) -> usize {
        self.furthest
            .get(node)
            .and_then(|r| r.get(slot))
            .copied()
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::finding::{Problem, Severity};

    fn finding(span: Range<usize>, severity: Severity) -> Finding {
        Finding {
            severity,
            span,
            problem: Problem::NegativeAmount {
                amount: Amount::kr(-1),
            },
            related: None,
        }
    }

    /// The two rules, on the figures of a cost-sharing table's `party_totals`
    /// (`{ a = 10, b = 20 }`: the list at 100..120, its figures at 105..107 and 113..115).
    #[test]
    fn a_finding_stands_at_every_figure_it_overlaps_and_within_the_part_that_holds_it() {
        let (a, b) = (105..107, 113..115);
        let findings = [
            // amount-to-fill on the whole list: at both figures, within neither.
            finding(100..120, Severity::Error),
            // A warning at `b` alone.
            finding(113..115, Severity::Warning),
            // Elsewhere in the plan, and empty at `a`'s start: at no figure.
            finding(300..310, Severity::Error),
            finding(105..105, Severity::Error),
        ];
        let spans = SpanIndex::new(&findings);
        assert_eq!(spans.at_figure(&a), [0]);
        assert_eq!(spans.at_figure(&b), [0, 1]);
        assert!(!spans.holds(&a) && !spans.holds(&b));
        assert!(spans.holds(&(200..210)));
        assert_eq!(spans.overlapping(&b, Severities::Errors), [0]);
        // The part of the plan 100..120 holds the list's error and the warning; 104..116
        // holds the warning and the empty finding at `a`, not the list's error.
        assert_eq!(spans.within(&(100..120), Severities::All), [0, 1, 3]);
        assert_eq!(spans.within(&(100..120), Severities::Errors), [0, 3]);
        assert_eq!(spans.within(&(104..116), Severities::All), [1, 3]);
        assert_eq!(spans.within(&a, Severities::Errors), [3]);
        assert!(SpanIndex::new(&[]).holds(&a));
        assert!(SpanIndex::new(&[]).within(&a, Severities::All).is_empty());
    }

    /// The index answers as the rules read, one finding at a time, over many spans: short and
    /// long, empty, nested and equal, errors and warnings.
    #[test]
    fn the_span_index_answers_as_the_rules_read() {
        let mut seed: u64 = 0x5eed;
        let mut next = |below: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(seed >> 33).unwrap() % below
        };
        for n in [0, 1, 2, 3, 5, 8, 13, 40] {
            let findings: Vec<Finding> = (0..n)
                .map(|_| {
                    let start = next(100);
                    let long = if next(6) == 0 { 60 } else { 6 };
                    let severity = [Severity::Error, Severity::Warning][next(2)];
                    finding(start..start + next(long), severity)
                })
                .collect();
            let spans = SpanIndex::new(&findings);
            for _ in 0..200 {
                let start = next(110);
                let span = start..start + next(12);
                for severities in [Severities::All, Severities::Errors] {
                    let counted = |f: &Finding| severities == Severities::All || f.is_error();
                    let overlapping: Vec<usize> = (0..n)
                        .filter(|&i| {
                            let f = &findings[i];
                            counted(f) && f.span.start < span.end && f.span.end > span.start
                        })
                        .collect();
                    let within: Vec<usize> = (0..n)
                        .filter(|&i| {
                            let f = &findings[i];
                            counted(f)
                                && span.start <= f.span.start
                                && f.span.start < span.end
                                && f.span.end <= span.end
                        })
                        .collect();
                    assert_eq!(
                        spans.overlapping(&span, severities),
                        overlapping,
                        "{span:?}"
                    );
                    assert_eq!(spans.within(&span, severities), within, "{span:?}");
                }
                assert_eq!(
                    spans.at_figure(&span),
                    spans.overlapping(&span, Severities::All)
                );
                assert_eq!(spans.holds(&span), spans.at_figure(&span).is_empty());
            }
        }
    }
}
