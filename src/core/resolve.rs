//! Resolving a plan: names to the things they name, and every insats to its recipients.
//!
//! The plan file refers to areas by number, actors and keys by id, kommuner by kommunkod or
//! name. `Resolved` holds those lookups and, for each insats, who receives how much after its
//! split. Problems met on the way (duplicates, dangling names, splits that cannot be carried
//! out) are collected as findings, never stopping at the first; an insats whose recipients
//! cannot be worked out is left unresolved, so later checks skip it instead of reporting
//! follow-on errors.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use rust_decimal::Decimal;
use toml::Spanned;

use crate::core::finding::{Finding, Problem, Related, SplitReason, Thing};
use crate::core::money::Amount;
use crate::core::plan::{ActorKind, Insats, KeyKind, Plan, SplitRule};
use crate::core::split::{self, SplitError};

/// Who receives money.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Recipient {
    /// Index into `plan.actors`.
    Actor(usize),
    /// Index into `plan.kommuner`.
    Kommun(usize),
}

/// One insats's amounts per recipient.
#[derive(Clone, Debug, PartialEq)]
pub struct Allocation {
    pub recipient: Recipient,
    pub amount: Amount,
}

pub struct Resolved<'p> {
    pub plan: &'p Plan,
    pub areas: HashMap<u32, usize>,
    pub actors: HashMap<String, usize>,
    pub kommuner: HashMap<String, usize>,
    pub keys: HashMap<String, usize>,
    pub insatser: HashMap<String, usize>,
    pub headings: HashMap<String, usize>,
    pub focus_areas: HashMap<u32, usize>,
    /// Per insats (same order as `plan.insatser`): its recipients, or `None` when a problem
    /// already reported keeps them from being known.
    pub allocations: Vec<Option<Vec<Allocation>>>,
}

impl<'p> Resolved<'p> {
    /// Resolves `plan`, pushing every problem met to `findings`.
    pub fn new(plan: &'p Plan, findings: &mut Vec<Finding>) -> Resolved<'p> {
        let mut r = Resolved {
            plan,
            areas: index(
                plan.areas
                    .iter()
                    .map(|a| (a.number.get_ref().to_string(), &a.number)),
                Thing::Area,
                findings,
            )
            .into_iter()
            .filter_map(|(k, v)| k.parse().ok().map(|k| (k, v)))
            .collect(),
            actors: index(
                plan.actors.iter().map(|a| (a.id.get_ref().clone(), &a.id)),
                Thing::Actor,
                findings,
            ),
            kommuner: HashMap::new(),
            keys: index(
                plan.keys.iter().map(|k| (k.id.get_ref().clone(), &k.id)),
                Thing::Key,
                findings,
            ),
            insatser: index(
                plan.insatser
                    .iter()
                    .map(|i| (i.id.get_ref().clone(), &i.id)),
                Thing::Insats,
                findings,
            ),
            headings: index(
                plan.headings
                    .iter()
                    .map(|h| (h.id.get_ref().clone(), &h.id)),
                Thing::Heading,
                findings,
            ),
            focus_areas: index(
                plan.focus_areas
                    .iter()
                    .map(|f| (f.number.get_ref().to_string(), &f.number)),
                Thing::FocusArea,
                findings,
            )
            .into_iter()
            .filter_map(|(k, v)| k.parse().ok().map(|k| (k, v)))
            .collect(),
            allocations: Vec::new(),
        };
        // A kommun is known by its code and by its name (case does not matter for names).
        let codes = index(
            plan.kommuner
                .iter()
                .map(|k| (k.code.get_ref().clone(), &k.code)),
            Thing::Kommun,
            findings,
        );
        let names = index(
            plan.kommuner
                .iter()
                .map(|k| (k.name.get_ref().to_lowercase(), &k.name)),
            Thing::Kommun,
            findings,
        );
        r.kommuner = codes.into_iter().chain(names).collect();
        r.allocations = plan
            .insatser
            .iter()
            .map(|i| r.allocate(i, findings))
            .collect();
        r
    }

    /// The kommun a plan names by kommunkod or name.
    pub fn kommun(&self, name: &str) -> Option<usize> {
        self.kommuner
            .get(name)
            .or_else(|| self.kommuner.get(&name.to_lowercase()))
            .copied()
    }

    /// Looks up an actor id, reporting it when unknown.
    pub fn actor_ref(&self, id: &Spanned<String>, findings: &mut Vec<Finding>) -> Option<usize> {
        let found = self.actors.get(id.get_ref()).copied();
        if found.is_none() {
            findings.push(unknown(Thing::Actor, id, self.actors.keys()));
        }
        found
    }

    /// Looks up a kommun, reporting it when unknown.
    pub fn kommun_ref(&self, name: &Spanned<String>, findings: &mut Vec<Finding>) -> Option<usize> {
        let found = self.kommun(name.get_ref());
        if found.is_none() {
            let names = self.plan.kommuner.iter().map(|k| k.name.get_ref());
            findings.push(unknown(Thing::Kommun, name, names));
        }
        found
    }

    /// The display name of a recipient.
    pub fn recipient_name(&self, recipient: Recipient) -> &str {
        match recipient {
            Recipient::Actor(i) => self.plan.actors.get(i).map_or("", |a| a.name.as_str()),
            Recipient::Kommun(i) => self
                .plan
                .kommuner
                .get(i)
                .map_or("", |k| k.name.get_ref().as_str()),
        }
    }

    /// Whether `recipient` is `actor` or sits under it (a region unit under the region, a
    /// kommun under "länets kommuner").
    pub fn is_under(&self, recipient: Recipient, actor: usize) -> bool {
        let mut current = match recipient {
            Recipient::Actor(i) => Some(i),
            Recipient::Kommun(_) => {
                return self
                    .plan
                    .actors
                    .get(actor)
                    .is_some_and(|a| *a.kind.get_ref() == ActorKind::Kommuner);
            }
        };
        // Bounded walk: a parent cycle cannot loop forever.
        for _ in 0..=self.plan.actors.len() {
            match current {
                Some(i) if i == actor => return true,
                Some(i) => {
                    current = self
                        .plan
                        .actors
                        .get(i)
                        .and_then(|a| a.parent.as_ref())
                        .and_then(|p| self.actors.get(p.get_ref()).copied());
                }
                None => return false,
            }
        }
        false
    }

    fn allocate(&self, insats: &Insats, findings: &mut Vec<Finding>) -> Option<Vec<Allocation>> {
        let id = insats.id.get_ref().clone();
        let amount = *insats.amount.get_ref();
        let ids = insats.actor_ids();
        let mut actors = Vec::new();
        for actor_id in &ids {
            actors.push(self.actor_ref(actor_id, findings));
        }
        let actors: Vec<usize> = actors.into_iter().collect::<Option<_>>()?;
        let is_group = |i: &usize| {
            self.plan
                .actors
                .get(*i)
                .is_some_and(|a| *a.kind.get_ref() == ActorKind::Kommuner)
        };
        let invalid = |span: Range<usize>, reason| {
            Finding::error(
                span,
                Problem::SplitInvalid {
                    insats: id.clone(),
                    reason,
                },
            )
        };

        let recipients: Vec<Recipient> = match actors.as_slice() {
            [one] if is_group(one) => (0..self.plan.kommuner.len())
                .map(Recipient::Kommun)
                .collect(),
            many if many.iter().any(is_group) => {
                findings.push(invalid(insats.actor.span(), SplitReason::GroupAmongOthers));
                return None;
            }
            many => many.iter().copied().map(Recipient::Actor).collect(),
        };
        let Some(split) = &insats.split else {
            if matches!(recipients.first(), Some(Recipient::Kommun(_))) {
                findings.push(invalid(insats.actor.span(), SplitReason::GroupNeedsSplit));
                return None;
            }
            // One actor, or several that run the row jointly: the first one listed receives
            // and handles the money.
            let lead = *recipients.first()?;
            return Some(vec![Allocation {
                recipient: lead,
                amount,
            }]);
        };

        let unit = split
            .get_ref()
            .unit
            .as_ref()
            .map_or(self.plan.plan.unit(), |u| *u.get_ref());
        let spec = split.get_ref();
        let rule_span = spec.rule.span();
        // Each recipient's place in `recipients`, so that naming one is a lookup, not a search.
        let position: HashMap<Recipient, usize> = recipients
            .iter()
            .enumerate()
            .map(|(i, r)| (*r, i))
            .collect();
        let lookup = |name: &str| -> Option<Recipient> {
            [
                self.kommun(name).map(Recipient::Kommun),
                self.actors.get(name).map(|&i| Recipient::Actor(i)),
            ]
            .into_iter()
            .flatten()
            .find(|r| position.contains_key(r))
        };
        let named = |name: &Spanned<String>, findings: &mut Vec<Finding>| -> Option<Recipient> {
            let found = lookup(name.get_ref());
            if found.is_none() {
                findings.push(invalid(
                    name.span(),
                    SplitReason::NotARecipient(name.get_ref().clone()),
                ));
            }
            found
        };
        // A recipient named twice in one table (by kommunkod and by name) would otherwise
        // silently replace the first amount.
        let mut repeated = false;
        let tables = [
            Some(&spec.except),
            spec.amounts.as_ref().map(Spanned::get_ref),
            Some(&spec.printed),
        ];
        for table in tables.into_iter().flatten() {
            let mut names: Vec<&Spanned<String>> = table.keys().collect();
            names.sort_by_key(|n| n.span().start);
            let mut seen = std::collections::HashSet::new();
            for name in names {
                if let Some(recipient) = lookup(name.get_ref())
                    && !seen.insert(recipient)
                {
                    let who = self.recipient_name(recipient).to_string();
                    findings.push(invalid(name.span(), SplitReason::RecipientRepeated(who)));
                    repeated = true;
                }
            }
        }
        if repeated {
            return None;
        }

        let parts: Vec<Amount> = match spec.rule.get_ref() {
            SplitRule::Key | SplitRule::Equal => {
                let weights: Vec<Decimal> = if *spec.rule.get_ref() == SplitRule::Equal {
                    vec![Decimal::ONE; recipients.len()]
                } else {
                    self.split_key_weights(&id, spec, &recipients, findings)?
                };
                let tie = self.tie_keys(&recipients);
                match split::largest_remainder_by(amount, &weights, &tie, unit) {
                    Ok(parts) => parts.into_iter().map(|p| p.amount).collect(),
                    Err(e) => {
                        if let Some(reason) = split_reason(e, unit) {
                            findings.push(invalid(insats.amount.span(), reason));
                        }
                        return None;
                    }
                }
            }
            SplitRule::FixedPlusKey => {
                let Some(each) = &spec.each else {
                    findings.push(invalid(rule_span, SplitReason::MissingField("each")));
                    return None;
                };
                let weights = self.split_key_weights(&id, spec, &recipients, findings)?;
                let mut fixed = vec![*each.get_ref(); recipients.len()];
                for (name, value) in &spec.except {
                    let recipient = named(name, findings)?;
                    let i = *position.get(&recipient)?;
                    *fixed.get_mut(i)? = *value.get_ref();
                }
                let fixed_total: Amount = fixed.iter().sum();
                let rest = amount - fixed_total;
                if rest.is_negative() {
                    findings.push(invalid(
                        each.span(),
                        SplitReason::FixedExceedsAmount(fixed_total),
                    ));
                    return None;
                }
                let tie = self.tie_keys(&recipients);
                match split::largest_remainder_by(rest, &weights, &tie, unit) {
                    Ok(parts) => fixed
                        .iter()
                        .zip(parts)
                        .map(|(f, p)| *f + p.amount)
                        .collect(),
                    Err(e) => {
                        if let Some(reason) = split_reason(e, unit) {
                            findings.push(invalid(insats.amount.span(), reason));
                        }
                        return None;
                    }
                }
            }
            SplitRule::Fixed => {
                let Some(each) = &spec.each else {
                    findings.push(invalid(rule_span, SplitReason::MissingField("each")));
                    return None;
                };
                let mut parts = vec![*each.get_ref(); recipients.len()];
                for (name, value) in &spec.except {
                    let recipient = named(name, findings)?;
                    let i = *position.get(&recipient)?;
                    *parts.get_mut(i)? = *value.get_ref();
                }
                self.sum_matches(&id, amount, &parts, split.span(), findings)?;
                parts
            }
            SplitRule::Amounts => {
                let Some(amounts) = &spec.amounts else {
                    findings.push(invalid(rule_span, SplitReason::MissingField("amounts")));
                    return None;
                };
                let mut parts: Vec<Option<Amount>> = vec![None; recipients.len()];
                let mut ok = true;
                for (name, value) in amounts.get_ref() {
                    match named(name, findings) {
                        Some(recipient) => {
                            if let Some(part) =
                                position.get(&recipient).and_then(|&i| parts.get_mut(i))
                            {
                                *part = Some(*value.get_ref());
                            }
                        }
                        None => ok = false,
                    }
                }
                for (&recipient, part) in recipients.iter().zip(&parts) {
                    if part.is_none() {
                        let name = self.recipient_name(recipient).to_string();
                        findings.push(invalid(amounts.span(), SplitReason::RecipientMissing(name)));
                        ok = false;
                    }
                }
                if !ok {
                    return None;
                }
                let parts: Vec<Amount> = parts.into_iter().flatten().collect();
                self.sum_matches(&id, amount, &parts, amounts.span(), findings)?;
                parts
            }
        };

        let allocations: Vec<Allocation> = recipients
            .iter()
            .zip(parts)
            .map(|(&recipient, amount)| Allocation { recipient, amount })
            .collect();

        // Amounts the document prints per recipient must be what the rule gives.
        for (name, printed) in &spec.printed {
            let Some(recipient) = named(name, findings) else {
                continue;
            };
            let computed = position
                .get(&recipient)
                .and_then(|&i| allocations.get(i))
                .map_or(Amount::ZERO, |a| a.amount);
            if computed != *printed.get_ref() {
                findings.push(Finding::error(
                    printed.span(),
                    Problem::SplitPrinted {
                        insats: id.clone(),
                        recipient: self.recipient_name(recipient).to_string(),
                        stated: *printed.get_ref(),
                        computed,
                    },
                ));
            }
        }
        Some(allocations)
    }

    /// The heading's ancestors and itself; `None` when `parent` links form a cycle or name a
    /// heading that is not defined.
    pub fn heading_chain(&self, start: usize) -> Option<Vec<usize>> {
        let mut chain = vec![start];
        let mut current = start;
        while let Some(parent) = self
            .plan
            .headings
            .get(current)
            .and_then(|h| h.parent.as_ref())
        {
            let &next = self.headings.get(parent.get_ref())?;
            // More steps than headings: the links go round.
            if chain.len() > self.plan.headings.len() {
                return None;
            }
            chain.push(next);
            current = next;
        }
        Some(chain)
    }

    /// Where each heading stands in the tree of `parent` links, worked out for all headings
    /// in one pass (each heading is walked once), so that a long chain of sub-headings costs
    /// no more than a short one.
    pub fn heading_places(&self) -> Vec<HeadingPlace> {
        #[derive(Clone, Copy)]
        enum State {
            New,
            /// On the walk in progress, at this position of it.
            OnWalk(usize),
            Done(HeadingPlace),
        }
        let headings = &self.plan.headings;
        let parent = |i: usize| -> Result<Option<usize>, ()> {
            match headings.get(i).and_then(|h| h.parent.as_ref()) {
                None => Ok(None),
                Some(p) => self.headings.get(p.get_ref()).map(|&j| Some(j)).ok_or(()),
            }
        };
        let mut state = vec![State::New; headings.len()];
        for start in 0..headings.len() {
            let mut walk: Vec<usize> = Vec::new();
            let mut current = start;
            // Where the heading above the top of the walk stands; `None`: there is none.
            let above: Option<HeadingPlace> = loop {
                match state.get(current).copied() {
                    Some(State::Done(place)) => break Some(place),
                    Some(State::OnWalk(position)) => {
                        // Back on the walk: from `position` on, the headings go round.
                        for &h in walk.get(position..).unwrap_or(&[]) {
                            if let Some(s) = state.get_mut(h) {
                                *s = State::Done(HeadingPlace::InCycle);
                            }
                        }
                        walk.truncate(position);
                        break Some(HeadingPlace::InCycle);
                    }
                    Some(State::New) => {
                        if let Some(s) = state.get_mut(current) {
                            *s = State::OnWalk(walk.len());
                        }
                        walk.push(current);
                        match parent(current) {
                            Ok(Some(next)) => current = next,
                            Ok(None) => break None,
                            Err(()) => break Some(HeadingPlace::Dangling),
                        }
                    }
                    None => break Some(HeadingPlace::Dangling),
                }
            };
            // Down the walk again: each heading one deeper than the one above it.
            let mut above = above;
            for &h in walk.iter().rev() {
                let place = match above {
                    None => HeadingPlace::Depth(0),
                    Some(HeadingPlace::Depth(d)) => HeadingPlace::Depth(d.saturating_add(1)),
                    Some(HeadingPlace::InCycle | HeadingPlace::BelowCycle) => {
                        HeadingPlace::BelowCycle
                    }
                    Some(HeadingPlace::Dangling) => HeadingPlace::Dangling,
                };
                if let Some(s) = state.get_mut(h) {
                    *s = State::Done(place);
                }
                above = Some(place);
            }
        }
        state
            .into_iter()
            .map(|s| match s {
                State::Done(place) => place,
                State::New | State::OnWalk(_) => HeadingPlace::Dangling,
            })
            .collect()
    }

    /// Each heading's total: the amounts of its own insatser and of its sub-headings', where
    /// `amount_of` gives an insats's amount (by index). `None` when the headings do not form a
    /// tree (a cycle, or a parent that is not defined).
    pub fn heading_totals(&self, amount_of: impl Fn(usize) -> Amount) -> Option<Vec<Amount>> {
        let depths: Vec<usize> = self
            .heading_places()
            .into_iter()
            .map(|p| match p {
                HeadingPlace::Depth(d) => Some(d),
                _ => None,
            })
            .collect::<Option<_>>()?;
        let mut totals: Vec<Amount> = self
            .plan
            .headings
            .iter()
            .map(|heading| {
                heading
                    .insatser
                    .iter()
                    .filter_map(|id| self.insatser.get(id.get_ref()))
                    .map(|&x| amount_of(x))
                    .sum()
            })
            .collect();
        // Deepest first, each heading's total goes to its parent.
        let mut order: Vec<usize> = (0..totals.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(depths.get(i).copied().unwrap_or(0)));
        for i in order {
            let Some(parent) = self
                .plan
                .headings
                .get(i)
                .and_then(|h| h.parent.as_ref())
                .and_then(|p| self.headings.get(p.get_ref()).copied())
            else {
                continue;
            };
            let total = totals.get(i).copied().unwrap_or(Amount::ZERO);
            if let Some(t) = totals.get_mut(parent) {
                *t += total;
            }
        }
        Some(totals)
    }

    /// The key's weights in kommun order, or `None` when it does not cover every kommun.
    ///
    /// A key's values come from the plan (`values`), from an SCB file (`file`, by kommunkod),
    /// or, for a percent key with `from`, are percentages at `precision` decimals derived from
    /// a population key (largest remainder, so they sum to exactly 100).
    pub fn key_weights(&self, key: usize) -> Option<Vec<Decimal>> {
        let k = self.plan.keys.get(key)?;
        match (&k.values, &k.file_data, &k.from) {
            (Some(values), None, None) => {
                let mut weights = vec![None; self.plan.kommuner.len()];
                for (name, value) in values.get_ref() {
                    let i = self.kommun(name.get_ref())?;
                    *weights.get_mut(i)? = Some(value.get_ref().0);
                }
                weights.into_iter().collect()
            }
            (None, Some(Ok(file)), None) => {
                let codes: Vec<&str> = self
                    .plan
                    .kommuner
                    .iter()
                    .map(|k| k.code.get_ref().as_str())
                    .collect();
                file.weights(&codes)
            }
            (None, None, Some(_)) => {
                let parts = self.derived_percentages(key)?;
                Some(parts.into_iter().map(|p| p.amount.0).collect())
            }
            // No values, several sources or an unreadable file: reported by the key checks.
            _ => None,
        }
    }

    /// The population key a derived percent key (`from`) is computed from, when it is one.
    pub fn percent_source(&self, key: usize) -> Option<usize> {
        let k = self.plan.keys.get(key)?;
        if *k.kind.get_ref() != KeyKind::Percent || k.values.is_some() || k.file.is_some() {
            return None;
        }
        let source = *self.keys.get(k.from.as_ref()?.get_ref())?;
        let s = self.plan.keys.get(source)?;
        (*s.kind.get_ref() == KeyKind::Population && s.from.is_none()).then_some(source)
    }

    /// The derivation of a percent key with `from`: each kommun's percentage, with its exact
    /// share, floor, remainder and rank (the parts' amounts are the percentages).
    pub fn derived_percentages(&self, key: usize) -> Option<Vec<split::Part>> {
        let source = self.percent_source(key)?;
        let precision = *self.plan.keys.get(key)?.precision.as_ref()?.get_ref();
        let counts = self.key_weights(source)?;
        let codes = self.kommun_codes();
        split::percentages(&counts, &codes, precision).ok()
    }

    /// The kommunkoder in kommun order: the tie keys of a split over the kommuner.
    pub fn kommun_codes(&self) -> Vec<&str> {
        self.plan
            .kommuner
            .iter()
            .map(|k| k.code.get_ref().as_str())
            .collect()
    }

    /// Tie keys for a split: kommuner by kommunkod, actors in the order listed.
    fn tie_keys(&self, recipients: &[Recipient]) -> Vec<(usize, String)> {
        recipients
            .iter()
            .enumerate()
            .map(|(position, r)| match r {
                Recipient::Kommun(i) => (
                    0,
                    self.plan
                        .kommuner
                        .get(*i)
                        .map_or(String::new(), |k| k.code.get_ref().clone()),
                ),
                Recipient::Actor(_) => (position, String::new()),
            })
            .collect()
    }

    /// The weights of a split's `key` over its recipients, reporting why there are none.
    fn split_key_weights(
        &self,
        insats: &str,
        spec: &crate::core::plan::Split,
        recipients: &[Recipient],
        findings: &mut Vec<Finding>,
    ) -> Option<Vec<Decimal>> {
        let invalid = |reason| {
            Finding::error(
                spec.rule.span(),
                Problem::SplitInvalid {
                    insats: insats.to_string(),
                    reason,
                },
            )
        };
        let Some(key_id) = &spec.key else {
            findings.push(invalid(SplitReason::MissingField("key")));
            return None;
        };
        if recipients.iter().any(|r| matches!(r, Recipient::Actor(_))) {
            findings.push(invalid(SplitReason::KeyNeedsKommuner));
            return None;
        }
        let Some(&key) = self.keys.get(key_id.get_ref()) else {
            findings.push(unknown(Thing::Key, key_id, self.keys.keys()));
            return None;
        };
        // A key that misses a kommun is reported by the key checks.
        self.key_weights(key)
    }

    fn sum_matches(
        &self,
        insats: &str,
        amount: Amount,
        parts: &[Amount],
        span: Range<usize>,
        findings: &mut Vec<Finding>,
    ) -> Option<()> {
        let computed: Amount = parts.iter().sum();
        if computed == amount {
            return Some(());
        }
        findings.push(Finding::error(
            span,
            Problem::SplitSum {
                insats: insats.to_string(),
                stated: amount,
                computed,
            },
        ));
        None
    }
}

/// Where a heading stands in the tree of `parent` links.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadingPlace {
    /// In the tree, this many levels below a top heading (0).
    Depth(usize),
    /// On a cycle of `parent` links: under itself.
    InCycle,
    /// Under a cycle, not on it.
    BelowCycle,
    /// Under a `parent` that is not defined (reported as an unknown reference).
    Dangling,
}

/// Why a split failed, in the plan's words; `None` when another check already reports it
/// (negative weights, amounts and units).
fn split_reason(error: SplitError, unit: Amount) -> Option<SplitReason> {
    match error {
        SplitError::AmountNotMultipleOfUnit => Some(SplitReason::NotMultipleOfUnit(unit)),
        SplitError::TooLarge | SplitError::TieKeys => Some(SplitReason::TooLarge),
        SplitError::NoWeight => Some(SplitReason::NoWeight),
        SplitError::NegativeWeight | SplitError::NonPositiveUnit | SplitError::NegativeAmount => {
            None
        }
    }
}

/// Builds a name → index table, reporting every name defined twice.
fn index<'a>(
    entries: impl Iterator<Item = (String, &'a Spanned<impl Sized + 'a>)>,
    thing: Thing,
    findings: &mut Vec<Finding>,
) -> HashMap<String, usize> {
    let mut map: HashMap<String, usize> = HashMap::new();
    let mut first: BTreeMap<String, Range<usize>> = BTreeMap::new();
    for (i, (name, spanned)) in entries.enumerate() {
        if let Some(first_span) = first.get(&name) {
            findings.push(
                Finding::error(
                    spanned.span(),
                    Problem::DuplicateId {
                        thing,
                        id: name.clone(),
                    },
                )
                .with_related(first_span.clone(), Related::FirstDefinedHere),
            );
            continue;
        }
        first.insert(name.clone(), spanned.span());
        map.insert(name, i);
    }
    map
}

/// An unknown-reference finding with a "did you mean" among `known`.
pub fn unknown<'a>(
    thing: Thing,
    name: &Spanned<String>,
    known: impl Iterator<Item = &'a String>,
) -> Finding {
    let known: Vec<String> = known.cloned().collect();
    Finding::error(
        name.span(),
        Problem::UnknownReference {
            thing,
            name: name.get_ref().clone(),
            suggestion: crate::input::plan::suggest(name.get_ref(), &known),
        },
    )
}
