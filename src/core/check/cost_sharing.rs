//! `[[cost_sharing]]`: a cost-sharing table between parties (the kommuner and the region),
//! checked figure by figure. Each cost row is shared by a stated rule (all to one party, by
//! percentage shares, by weights), an overhead row is a percentage of the cost rows above it, a
//! subtotal row sums the rows above it, and the parties' totals and shares follow.
//!
//! Severity: the printed figures are what the parties agreed, so the sums are held to them.
//! A sum that does not add up (a row's parts, a subtotal, a party's total, the grand total),
//! an overhead that is not its percentage, a share that is not its total's, or a total that
//! differs from the plan's amount it feeds, is an error. A row whose printed parts differ from
//! what its stated rule gives is a warning (`cost-sharing-rule`): the document shows both, and
//! the agreement is what it prints.
//!
//! Rounding: a rule's parts are worked out exactly (`Decimal`) and rounded to whole units of
//! the plan (`unit`, 1 kr by default) by the largest-remainder method, so they sum to the row's
//! total; an overhead is rounded half away from zero to whole units, its total and each
//! party's part on their own; a percentage to the decimals it is printed with, half away from
//! zero.

use std::collections::HashMap;
use std::ops::Range;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::core::finding::{CostReason, CostTotal, Findings, Problem};
use crate::core::ledger::Ledger;
use crate::core::money::Amount;
use crate::core::plan::{CostRow, CostSharing, Spanned, Weight};
use crate::core::split;
use crate::core::text::suggest;

/// The word `feeds` takes for the grand total instead of a party.
pub const TOTAL: &str = "total";
/// The target of `feeds` that is the plan's `county_total`.
pub const COUNTY_TOTAL: &str = "county_total";

/// A cost-sharing section worked out: each row with every party's part (the printed parts,
/// or what the rule gives where none are printed), the parties' totals and shares. What
/// `report` shows.
#[derive(Clone, Debug, PartialEq)]
pub struct CostTable {
    pub id: String,
    pub title: Option<String>,
    pub parties: Vec<String>,
    pub rows: Vec<CostLine>,
    /// The grand total: as printed, else the sum of the rows.
    pub total: Amount,
    /// Each party's total: as printed, else the sum of its column.
    pub party_totals: Vec<Amount>,
    /// Each party's share of the total in percent: as printed, else to two decimals.
    pub shares: Vec<Option<Decimal>>,
}

/// One row of a `CostTable`.
#[derive(Clone, Debug, PartialEq)]
pub struct CostLine {
    pub text: String,
    pub kind: LineKind,
    pub total: Amount,
    pub parts: Vec<Amount>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Cost,
    Subtotal,
    Overhead,
}

/// Every cost-sharing section of the plan worked out; a section that cannot be (its
/// findings say why) is left out.
pub fn tables(ledger: &Ledger) -> Vec<CostTable> {
    ledger
        .plan
        .cost_sharing
        .iter()
        .filter_map(|cs| check_section(ledger, cs, &mut Findings::default()))
        .collect()
}

/// Every cost-sharing check, each problem under its own code (the registry lists the codes
/// found here as `Stage::With(Code::CostSharingInvalid)`; a negative figure comes under
/// `negative-amount`).
pub fn check(ledger: &Ledger, findings: &mut Findings) {
    let mut ids = std::collections::HashSet::new();
    for section in &ledger.plan.cost_sharing {
        if !ids.insert(section.id.get_ref().as_str()) {
            findings.error(
                section.id.span(),
                Problem::CostSharingInvalid {
                    table: section.id.get_ref().clone(),
                    reason: CostReason::RepeatedId,
                },
            );
        }
        check_section(ledger, section, findings);
    }
}

/// Whether every money figure of the section is 0 (rows' totals and printed parts, the
/// parties' totals, the grand total): a section still to be filled in (`allocate init` writes
/// next year's so), reported as `amount-to-fill`; what it feeds is then not compared with the
/// plan. Its rules, shares and printed percentages are not money and do not count.
pub fn unfilled(cs: &CostSharing) -> bool {
    let map =
        |m: &Option<Spanned<std::collections::BTreeMap<Spanned<String>, Spanned<Amount>>>>| {
            m.iter()
                .flat_map(|m| m.get_ref().values())
                .all(|a| a.get_ref().0.is_zero())
        };
    !cs.rows.is_empty()
        && cs
            .rows
            .iter()
            .all(|r| r.total.get_ref().0.is_zero() && map(&r.printed))
        && map(&cs.party_totals)
        && cs.total.iter().all(|t| t.get_ref().0.is_zero())
}

/// What a row is, once its keys are read.
enum Kind {
    To(usize),
    Weights(Vec<Decimal>),
    Overhead(Decimal),
    Subtotal,
}

/// A total and each party's part.
#[derive(Clone)]
struct Sums {
    total: Amount,
    parts: Vec<Amount>,
}

impl Sums {
    fn new(parties: usize) -> Sums {
        Sums {
            total: Amount::ZERO,
            parts: vec![Amount::ZERO; parties],
        }
    }

    fn add(&mut self, total: Amount, parts: &[Amount]) {
        self.total += total;
        for (sum, part) in self.parts.iter_mut().zip(parts) {
            *sum += *part;
        }
    }
}

struct Section<'a> {
    table: String,
    parties: Vec<&'a str>,
    index: HashMap<&'a str, usize>,
    broken: bool,
}

impl Section<'_> {
    fn invalid(&mut self, out: &mut Findings, span: Range<usize>, reason: CostReason) {
        self.broken = true;
        out.error(
            span,
            Problem::CostSharingInvalid {
                table: self.table.clone(),
                reason,
            },
        );
    }

    /// The party a name refers to, reporting a name that is none.
    fn party(&mut self, out: &mut Findings, name: &Spanned<String>) -> Option<usize> {
        let found = self.index.get(name.get_ref().as_str()).copied();
        if found.is_none() {
            let suggestion = suggest(name.get_ref(), &self.parties);
            self.invalid(
                out,
                name.span(),
                CostReason::UnknownParty {
                    name: name.get_ref().clone(),
                    suggestion,
                },
            );
        }
        found
    }

    fn amount(&mut self, out: &mut Findings, figure: &Spanned<Amount>) {
        let amount = *figure.get_ref();
        if amount.is_negative() {
            self.broken = true;
            out.error(figure.span(), Problem::NegativeAmount { amount });
        }
    }

    /// The printed parts of a row, one per party (0 for an empty cell).
    fn printed(
        &mut self,
        out: &mut Findings,
        printed: &Parts,
    ) -> Vec<Option<(Amount, Range<usize>)>> {
        let mut parts = vec![None; self.parties.len()];
        for (name, amount) in printed {
            self.amount(out, amount);
            if let Some(slot) = self.party(out, name).and_then(|p| parts.get_mut(p)) {
                *slot = Some((*amount.get_ref(), amount.span()));
            }
        }
        parts
    }
}

/// Printed amounts per party, as written.
type Parts = std::collections::BTreeMap<Spanned<String>, Spanned<Amount>>;

/// Reads a row's rule, reporting what cannot be used.
fn kind(section: &mut Section, out: &mut Findings, row: &CostRow) -> Option<Kind> {
    let text = row.text.get_ref().clone();
    let given = usize::from(row.to.is_some())
        + usize::from(row.shares.is_some())
        + usize::from(row.weights.is_some())
        + usize::from(row.percent_of_above.is_some())
        + usize::from(row.subtotal.as_ref().is_some_and(|s| *s.get_ref()));
    if given == 0 {
        section.invalid(out, row.text.span(), CostReason::NoRule(text));
        return None;
    }
    if given > 1 {
        section.invalid(out, row.text.span(), CostReason::SeveralRules(text));
        return None;
    }
    if let Some(to) = &row.to {
        return section.party(out, to).map(Kind::To);
    }
    if let Some(percent) = &row.percent_of_above {
        let value = percent.get_ref().0;
        if value.is_sign_negative() && !value.is_zero() {
            section.invalid(
                out,
                percent.span(),
                CostReason::Negative { row: text, value },
            );
            return None;
        }
        return Some(Kind::Overhead(value));
    }
    let (list, shares) = match (&row.shares, &row.weights) {
        (Some(shares), _) => (shares, true),
        (None, Some(weights)) => (weights, false),
        (None, None) => return Some(Kind::Subtotal),
    };
    let values: Vec<Decimal> = list.get_ref().iter().map(|w| w.get_ref().0).collect();
    if values.len() != section.parties.len() {
        section.invalid(
            out,
            list.span(),
            CostReason::RuleLength {
                row: text,
                given: values.len(),
                parties: section.parties.len(),
            },
        );
        return None;
    }
    for w in list.get_ref() {
        let value = w.get_ref().0;
        if value.is_sign_negative() && !value.is_zero() {
            section.invalid(
                out,
                w.span(),
                CostReason::Negative {
                    row: text.clone(),
                    value,
                },
            );
            return None;
        }
    }
    let Some(sum) = values
        .iter()
        .try_fold(Decimal::ZERO, |s, v| s.checked_add(*v))
    else {
        section.invalid(out, list.span(), CostReason::TooLarge(text));
        return None;
    };
    if shares && sum != Decimal::ONE_HUNDRED {
        section.invalid(out, list.span(), CostReason::SharesSum { row: text, sum });
        return None;
    }
    if sum.is_zero() {
        section.invalid(out, list.span(), CostReason::WeightsZero(text));
        return None;
    }
    Some(Kind::Weights(values))
}

/// `x` rounded half away from zero to whole multiples of `unit`.
fn round_to(x: Decimal, unit: Amount) -> Option<Amount> {
    if unit.0 <= Decimal::ZERO {
        return None;
    }
    let units = x
        .checked_div(unit.0)?
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    units.checked_mul(unit.0).map(Amount)
}

/// `percent` % of `base`, rounded to whole units.
fn percent_of(percent: Decimal, base: Amount, unit: Amount) -> Option<Amount> {
    let exact = base
        .0
        .checked_mul(percent)?
        .checked_div(Decimal::ONE_HUNDRED)?;
    round_to(exact, unit)
}

fn check_section(ledger: &Ledger, cs: &CostSharing, out: &mut Findings) -> Option<CostTable> {
    let plan = ledger.plan;
    let unit = plan.plan.unit();
    let mut section = Section {
        table: cs.id.get_ref().clone(),
        parties: cs
            .parties
            .get_ref()
            .iter()
            .map(|p| p.get_ref().as_str())
            .collect(),
        index: HashMap::new(),
        broken: false,
    };
    if section.parties.is_empty() {
        section.invalid(out, cs.parties.span(), CostReason::NoParties);
    }
    for (p, party) in cs.parties.get_ref().iter().enumerate() {
        // `feeds = { total = … }` is the grand total's: a party of that name would be read
        // two ways (tester s31 round 2).
        if party.get_ref() == TOTAL && !section.index.contains_key(TOTAL) {
            section.invalid(out, party.span(), CostReason::PartyNamedTotal);
        }
        if section.index.insert(party.get_ref().as_str(), p).is_some() {
            section.invalid(
                out,
                party.span(),
                CostReason::RepeatedParty(party.get_ref().clone()),
            );
        }
    }
    if cs.rows.is_empty() {
        section.invalid(out, cs.id.span(), CostReason::NoRows);
    }
    let n = section.parties.len();

    // Read every row first, so that every problem of the section is reported at once.
    let mut rows = Vec::with_capacity(cs.rows.len());
    for row in &cs.rows {
        section.amount(out, &row.total);
        let kind = kind(&mut section, out, row);
        let printed = row
            .printed
            .as_ref()
            .map(|p| (section.printed(out, p.get_ref()), p.span()));
        rows.push((row, kind, printed));
    }
    let mut party_totals = vec![None; n];
    if let Some(totals) = &cs.party_totals {
        party_totals = section.printed(out, totals.get_ref());
    }
    if let Some(total) = &cs.total {
        section.amount(out, total);
    }
    let mut percentages = Vec::new();
    if let Some(given) = &cs.percentages {
        for (name, percent) in given.get_ref() {
            if let Some(p) = section.party(out, name) {
                percentages.push((p, percent));
            }
        }
    }
    let mut feeds = Vec::new();
    if let Some(given) = &cs.feeds {
        for (name, target) in given.get_ref() {
            let from = if name.get_ref() == TOTAL {
                Some(None)
            } else {
                section.party(out, name).map(Some)
            };
            let to = match target.get_ref().as_str() {
                COUNTY_TOTAL => Some(*plan.plan.county_total.get_ref()),
                id => match ledger.names.insatser.get(id) {
                    Some(&i) => plan.insatser.get(i).map(|x| *x.amount.get_ref()),
                    None => {
                        section.invalid(
                            out,
                            target.span(),
                            CostReason::UnknownTarget(id.to_string()),
                        );
                        None
                    }
                },
            };
            if let (Some(from), Some(to)) = (from, to) {
                feeds.push((from, target, to));
            }
        }
    }
    if section.broken {
        return None;
    }

    let table = section.table.clone();
    let name = |p: usize| section.parties.get(p).map_or("", |s| *s).to_string();
    let mut costs = Sums::new(n);
    let mut above = Sums::new(n);
    let mut lines = Vec::with_capacity(rows.len());
    for (row, kind, printed) in rows {
        let Some(kind) = kind else { continue };
        let text = row.text.get_ref().clone();
        let total = *row.total.get_ref();
        let cells: Option<Vec<Amount>> = printed.as_ref().map(|(parts, _)| {
            parts
                .iter()
                .map(|c| c.as_ref().map_or(Amount::ZERO, |c| c.0))
                .collect()
        });
        if let Some(cells) = &cells {
            let computed: Amount = cells.iter().copied().sum();
            if computed != total {
                out.error(
                    row.total.span(),
                    parts_off(&table, &text, total, computed, false),
                );
            }
        }
        // Where a party's printed part stands, or the row's total when it is not printed.
        let place = |p: usize| -> Range<usize> {
            printed
                .as_ref()
                .and_then(|(parts, span)| {
                    parts
                        .get(p)
                        .map(|c| c.as_ref().map_or(span.clone(), |c| c.1.clone()))
                })
                .unwrap_or_else(|| row.total.span())
        };
        match kind {
            Kind::Subtotal => {
                if total != above.total {
                    out.error(
                        row.total.span(),
                        Problem::CostSharingTotal {
                            table: table.clone(),
                            what: CostTotal::Subtotal {
                                row: text.clone(),
                                party: None,
                            },
                            stated: total,
                            computed: above.total,
                        },
                    );
                }
                if let Some(cells) = &cells {
                    for (p, (stated, computed)) in cells.iter().zip(&above.parts).enumerate() {
                        if stated != computed {
                            out.error(
                                place(p),
                                Problem::CostSharingTotal {
                                    table: table.clone(),
                                    what: CostTotal::Subtotal {
                                        row: text.clone(),
                                        party: Some(name(p)),
                                    },
                                    stated: *stated,
                                    computed: *computed,
                                },
                            );
                        }
                    }
                }
                lines.push(CostLine {
                    text,
                    kind: LineKind::Subtotal,
                    total,
                    parts: cells.unwrap_or_else(|| above.parts.clone()),
                });
            }
            Kind::Overhead(percent) => {
                // Figures too large to work out are said once for the row.
                let mut too_large = false;
                let mut check =
                    |span: Range<usize>, party: Option<String>, base: Amount, stated| {
                        match percent_of(percent, base, unit) {
                            Some(computed) if computed != stated => {
                                out.error(
                                    span,
                                    Problem::CostSharingOverhead {
                                        table: table.clone(),
                                        row: text.clone(),
                                        party,
                                        percent,
                                        base,
                                        stated,
                                        computed,
                                    },
                                );
                            }
                            Some(_) => {}
                            None if !too_large => {
                                too_large = true;
                                section_too_large(out, &table, span, &text);
                            }
                            None => {}
                        };
                    };
                check(row.total.span(), None, costs.total, total);
                let parts = match &cells {
                    Some(cells) => {
                        for (p, (stated, base)) in cells.iter().zip(&costs.parts).enumerate() {
                            check(place(p), Some(name(p)), *base, *stated);
                        }
                        cells.clone()
                    }
                    None => {
                        let parts: Vec<Amount> = (costs.parts.iter())
                            .map(|b| percent_of(percent, *b, unit).unwrap_or(Amount::ZERO))
                            .collect();
                        // Each party's part is rounded on its own: together they may be a
                        // unit more or less than the row's total (10 % of 5 kr and 5 kr is
                        // 1 kr and 1 kr of a row of 1 kr), which only the document's printed
                        // parts can settle (tester s31 round 2). Told only where the row's
                        // total is its percentage of costs whose parts add up: a wrong total
                        // is `cost-sharing-overhead`, a wrong row above is its own error
                        // (review s31).
                        let computed: Amount = parts.iter().copied().sum();
                        if computed != total
                            && costs.parts.iter().copied().sum::<Amount>() == costs.total
                            && percent_of(percent, costs.total, unit) == Some(total)
                        {
                            out.error(
                                row.total.span(),
                                parts_off(&table, &text, total, computed, true),
                            );
                        }
                        parts
                    }
                };
                above.add(total, &parts);
                lines.push(CostLine {
                    text,
                    kind: LineKind::Overhead,
                    total,
                    parts,
                });
            }
            Kind::To(_) | Kind::Weights(_) => {
                let weights: Vec<Decimal> = match &kind {
                    Kind::To(to) => (0..n)
                        .map(|p| {
                            if p == *to {
                                Decimal::ONE
                            } else {
                                Decimal::ZERO
                            }
                        })
                        .collect(),
                    Kind::Weights(w) => w.clone(),
                    _ => Vec::new(),
                };
                let rule: Option<Vec<Amount>> = split::largest_remainder(total, &weights, unit)
                    .ok()
                    .map(|parts| parts.into_iter().map(|p| p.amount).collect());
                let Some(rule) = rule else {
                    section_too_large(out, &table, row.total.span(), &text);
                    continue;
                };
                let parts = match (&cells, &printed) {
                    (Some(cells), Some((_, span))) => {
                        // Parts that do not sum to the row are `cost-sharing-row`; against
                        // the rule they would be reported twice.
                        let sums = cells.iter().copied().sum::<Amount>() == total;
                        if sums && *cells != rule {
                            let named = |v: &[Amount]| -> Vec<(String, Amount)> {
                                v.iter().enumerate().map(|(p, a)| (name(p), *a)).collect()
                            };
                            out.warning(
                                span.clone(),
                                Problem::CostSharingRule {
                                    table: table.clone(),
                                    row: text.clone(),
                                    printed: named(cells),
                                    computed: named(&rule),
                                },
                            );
                        }
                        cells.clone()
                    }
                    _ => rule,
                };
                costs.add(total, &parts);
                above.add(total, &parts);
                lines.push(CostLine {
                    text,
                    kind: LineKind::Cost,
                    total,
                    parts,
                });
            }
        }
    }

    // The parties' totals and the grand total.
    for (p, printed) in party_totals.iter().enumerate() {
        let (Some((stated, span)), Some(computed)) = (printed, above.parts.get(p)) else {
            continue;
        };
        if stated != computed {
            out.error(
                span.clone(),
                Problem::CostSharingTotal {
                    table: table.clone(),
                    what: CostTotal::Party(name(p)),
                    stated: *stated,
                    computed: *computed,
                },
            );
        }
    }
    if let Some(total) = &cs.total {
        let stated = *total.get_ref();
        if stated != above.total {
            out.error(
                total.span(),
                Problem::CostSharingTotal {
                    table: table.clone(),
                    what: CostTotal::Rows,
                    stated,
                    computed: above.total,
                },
            );
        }
        if n > 0 && party_totals.iter().all(Option::is_some) {
            let computed: Amount = party_totals.iter().flatten().map(|(a, _)| *a).sum();
            if stated != computed {
                out.error(
                    total.span(),
                    Problem::CostSharingTotal {
                        table: table.clone(),
                        what: CostTotal::Parties,
                        stated,
                        computed,
                    },
                );
            }
        }
    }
    let party_total = |p: usize| -> Amount {
        party_totals
            .get(p)
            .and_then(|t| t.as_ref().map(|t| t.0))
            .or_else(|| above.parts.get(p).copied())
            .unwrap_or(Amount::ZERO)
    };
    let grand = cs.total.as_ref().map_or(above.total, |t| *t.get_ref());

    // The parties' shares, at the decimals they are printed with.
    if !grand.0.is_zero() {
        for (p, percent) in &percentages {
            let (p, percent) = (*p, *percent);
            let stated: Weight = *percent.get_ref();
            let computed = party_total(p)
                .0
                .checked_mul(Decimal::ONE_HUNDRED)
                .and_then(|x| x.checked_div(grand.0))
                .map(|x| {
                    x.round_dp_with_strategy(
                        stated.0.scale(),
                        RoundingStrategy::MidpointAwayFromZero,
                    )
                });
            match computed {
                Some(computed) if computed != stated.0 => {
                    out.error(
                        percent.span(),
                        Problem::CostSharingPercent {
                            table: table.clone(),
                            party: name(p),
                            stated: stated.0,
                            computed,
                        },
                    );
                }
                Some(_) => {}
                None => section_too_large(out, &table, percent.span(), &name(p)),
            };
        }
    }

    // What the section feeds into the plan; a section still to be filled in is
    // `amount-to-fill`.
    let feeds = if unfilled(cs) { Vec::new() } else { feeds };
    for (from, target, to) in feeds {
        let (party, figure) = match from {
            None => (TOTAL.to_string(), grand),
            Some(p) => (name(p), party_total(p)),
        };
        // A target of 0 kr is still to be filled in: `amount-to-fill` reports it.
        if figure != to && !to.0.is_zero() {
            out.error(
                target.span(),
                Problem::CostSharingFeeds {
                    table: table.clone(),
                    party,
                    target: target.get_ref().clone(),
                    stated: figure,
                    computed: to,
                },
            );
        }
    }

    let party_totals: Vec<Amount> = (0..n).map(party_total).collect();
    let shares = party_totals
        .iter()
        .enumerate()
        .map(|(p, t)| {
            let printed = percentages
                .iter()
                .find(|(q, _)| *q == p)
                .map(|(_, w)| w.get_ref().0);
            printed.or_else(|| {
                t.0.checked_mul(Decimal::ONE_HUNDRED)
                    .and_then(|x| x.checked_div(grand.0))
                    .map(|x| x.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
            })
        })
        .collect();
    Some(CostTable {
        id: table,
        title: cs.title.clone(),
        parties: section.parties.iter().map(|p| p.to_string()).collect(),
        rows: lines,
        total: grand,
        party_totals,
        shares,
    })
}

fn section_too_large(out: &mut Findings, table: &str, span: Range<usize>, what: &str) {
    out.error(
        span,
        Problem::CostSharingInvalid {
            table: table.to_string(),
            reason: CostReason::TooLarge(what.to_string()),
        },
    );
}

/// Where the printed figures are that `check` compares in the cost-sharing tables: every
/// row total and printed part, the parties' totals and shares, and the grand total.
pub fn printed_spans(sections: &[CostSharing]) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    for cs in sections {
        for row in &cs.rows {
            spans.push(row.total.span());
            if let Some(parts) = &row.printed {
                spans.extend(parts.get_ref().values().map(Spanned::span));
            }
        }
        if let Some(totals) = &cs.party_totals {
            spans.extend(totals.get_ref().values().map(Spanned::span));
        }
        if let Some(shares) = &cs.percentages {
            spans.extend(shares.get_ref().values().map(Spanned::span));
        }
        spans.extend(cs.total.iter().map(Spanned::span));
    }
    spans
}

/// A row whose parts (printed, or `by_rule` an overhead's parts as its rule gives them) do not
/// sum to its `total`.
fn parts_off(table: &str, row: &str, total: Amount, computed: Amount, by_rule: bool) -> Problem {
    Problem::CostSharingRow {
        table: table.to_string(),
        row: row.to_string(),
        stated: total,
        computed,
        by_rule,
    }
}
