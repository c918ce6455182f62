//! One insats resolved: its responsible actors, its recipients, and the amount each receives
//! by its split rule. One function per rule (`split_equal`, `split_key`, `split_fixed`,
//! `split_fixed_plus_key`, `split_amounts`); every rule's parts are checked against the
//! insats's amount in one place (`whole`), so an insats is either split exactly or reported.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use rust_decimal::Decimal;

use crate::core::finding::{
    Findings, FixedPart, Meaning, Problem, Related, Reported, RestNotInUnits, SplitReason, Thing,
};
use crate::core::ledger::keys::KeyWeights;
use crate::core::ledger::names::{Names, same_kommun, unknown};
use crate::core::ledger::{Recipient, index, recipient_name};
use crate::core::money::Amount;
use crate::core::plan::{ActorKind, Insats, Plan, Spanned, Split, SplitRule};
use crate::core::split::{self, SplitError};

/// What resolving needs from the rest of the ledger.
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub names: &'a Names,
    pub keys: &'a [KeyWeights],
    pub unit: Result<Amount, Reported>,
    /// Every kommun's tie key, in plan order: its kommunkod's place among the kommuner's
    /// codes, worked out once rather than comparing codes in every split.
    pub kommun_ties: Vec<(usize, u32)>,
}

impl<'a> Context<'a> {
    pub fn new(
        plan: &'a Plan,
        names: &'a Names,
        keys: &'a [KeyWeights],
        unit: Result<Amount, Reported>,
    ) -> Context<'a> {
        let mut by_code: Vec<usize> = (0..plan.kommuner.len()).collect();
        by_code.sort_by_key(|&k| plan.kommuner.get(k).map(|x| x.code.get_ref()));
        let mut kommun_ties = vec![(0, 0); plan.kommuner.len()];
        let mut rank = 0;
        for (place, pair) in by_code.windows(2).enumerate() {
            if let [before, k] = *pair {
                let code = |k: usize| plan.kommuner.get(k).map(|x| x.code.get_ref());
                if code(before) != code(k) {
                    rank = index(place + 1);
                }
                if let Some(tie) = kommun_ties.get_mut(k) {
                    *tie = (0, rank);
                }
            }
        }
        Context {
            plan,
            names,
            keys,
            unit,
            kommun_ties,
        }
    }
}

/// An insats's responsible actors (those that resolve), and its parts or why it has none.
pub struct Resolved {
    pub actors: Vec<usize>,
    pub parts: Result<Vec<(Recipient, Amount)>, Reported>,
    /// What the split's key divided over the kommuner (see `Entry::keyed`).
    pub keyed: Option<Amount>,
}

/// A split's parts, and what its key divided over the kommuner (under rule `key`, the
/// amount; under `fixed-plus-key`, what the fixed parts left).
type Parts = (Vec<(Recipient, Amount)>, Option<Amount>);

/// Resolves one insats; `room` is how many more lines the ledger may take (`max_lines`).
pub fn resolve(
    cx: &Context,
    insats: &Insats,
    blocked: Option<Reported>,
    room: usize,
    findings: &mut Findings,
) -> Resolved {
    let (actors, problem) = responsible_actors(cx, insats, findings);
    let split = match problem.or(blocked) {
        Some(reported) => Err(reported),
        None => split_insats(cx, insats, &actors, room, findings),
    };
    let (parts, keyed) = match split {
        Ok((parts, keyed)) => (Ok(parts), keyed),
        Err(reported) => (Err(reported), None),
    };
    Resolved {
        actors,
        parts,
        keyed,
    }
}

/// The row's actors, each once; a report when one is unknown, repeated or there is none.
fn responsible_actors(
    cx: &Context,
    insats: &Insats,
    findings: &mut Findings,
) -> (Vec<usize>, Option<Reported>) {
    let ids = insats.actor_ids();
    let mut problem = None;
    if ids.is_empty() {
        problem = Some(findings.error(
            insats.actor.span(),
            Problem::InsatsActor {
                insats: insats.id.get_ref().clone(),
                repeated: None,
            },
        ));
    }
    let mut actors = Vec::with_capacity(ids.len());
    for id in &ids {
        match cx.names.actor_ref(cx.plan, id, findings) {
            Ok(a) if actors.contains(&a) => {
                problem.get_or_insert(findings.error(
                    id.span(),
                    Problem::InsatsActor {
                        insats: insats.id.get_ref().clone(),
                        repeated: Some(id.get_ref().clone()),
                    },
                ));
            }
            Ok(a) => actors.push(a),
            Err(reported) => {
                problem.get_or_insert(reported);
            }
        }
    }
    (actors, problem)
}

fn is_group(plan: &Plan, actor: usize) -> bool {
    plan.actors
        .get(actor)
        .is_some_and(|a| *a.kind.get_ref() == ActorKind::Kommuner)
}

/// A split of `insats` that cannot be made as written, reported at `span`.
fn invalid(
    findings: &mut Findings,
    insats: &Insats,
    span: Range<usize>,
    reason: SplitReason,
) -> Reported {
    findings.error(
        span,
        Problem::SplitInvalid {
            insats: insats.id.get_ref().clone(),
            reason,
        },
    )
}

/// An insats's parts: its recipients ([`recipients`]), then its split rule's own function
/// ([`split_equal`], [`split_key`], [`split_fixed`], [`split_fixed_plus_key`],
/// [`split_amounts`]; [`unsplit`] without a split), then every rule's parts checked against
/// the insats in one place ([`whole`]) and the parts the document prints against them
/// ([`check_printed`]).
fn split_insats(
    cx: &Context,
    insats: &Insats,
    actors: &[usize],
    room: usize,
    findings: &mut Findings,
) -> Result<Parts, Reported> {
    // The kommuner group beside named actors: only by `amounts`, where the group's amount is
    // split over the kommuner by the split's `key`.
    let group = actors.iter().copied().find(|&a| is_group(cx.plan, a));
    let mixed = group.filter(|_| actors.len() > 1);
    let recipients = recipients(cx, insats, actors, mixed, findings)?;
    if recipients.len() > room {
        return Err(invalid(
            findings,
            insats,
            insats.actor.span(),
            SplitReason::LedgerFull,
        ));
    }
    let Some(split) = &insats.split else {
        return unsplit(insats, &recipients, findings);
    };
    let spec = split.get_ref();
    let unit = match &spec.unit {
        Some(u) => *u.get_ref(),
        None => cx.unit?,
    };
    fields_used(insats, spec, findings)?;
    let group_recipient = mixed.map(|g| Recipient::Actor(index(g)));
    let table = Table::new(cx, insats, &recipients, group_recipient, spec, findings)?;
    let rule = Rule {
        cx,
        insats,
        spec,
        recipients: &recipients,
        table: &table,
        unit,
    };
    let (parts, keyed) = match spec.rule.get_ref() {
        SplitRule::Equal => (split_equal(&rule, findings)?, None),
        SplitRule::Key => (split_key(&rule, findings)?, Some(rule.amount())),
        SplitRule::Fixed => (split_fixed(&rule, findings)?, None),
        SplitRule::FixedPlusKey => {
            let (parts, rest) = split_fixed_plus_key(&rule, findings)?;
            (parts, Some(rest))
        }
        SplitRule::Amounts => split_amounts(&rule, mixed, findings)?,
    };
    let parts = whole(&rule, split.span(), parts, findings)?;
    check_printed(&rule, &parts, group_recipient, findings);
    Ok((parts, keyed))
}

/// Who receives the row's money, in order: the kommuner for the kommuner group, else each
/// actor listed; the group beside named actors (`mixed`) only under `amounts`, as its
/// kommuner in its place.
fn recipients(
    cx: &Context,
    insats: &Insats,
    actors: &[usize],
    mixed: Option<usize>,
    findings: &mut Findings,
) -> Result<Vec<Recipient>, Reported> {
    let plan = cx.plan;
    let kommuner = || (0..plan.kommuner.len()).map(|k| Recipient::Kommun(index(k)));
    Ok(match actors {
        [one] if is_group(plan, *one) => kommuner().collect(),
        many if mixed.is_some() => {
            let by_amounts = insats
                .split
                .as_ref()
                .is_some_and(|s| *s.get_ref().rule.get_ref() == SplitRule::Amounts);
            if !by_amounts {
                return Err(invalid(
                    findings,
                    insats,
                    insats.actor.span(),
                    SplitReason::GroupAmongOthers(
                        many.iter()
                            .filter_map(|&a| plan.actors.get(a))
                            .map(|a| a.id.get_ref().clone())
                            .collect(),
                    ),
                ));
            }
            let mut recipients = Vec::with_capacity(many.len() + plan.kommuner.len());
            for &a in many {
                if is_group(plan, a) {
                    recipients.extend(kommuner());
                } else {
                    recipients.push(Recipient::Actor(index(a)));
                }
            }
            recipients
        }
        many => many.iter().map(|&a| Recipient::Actor(index(a))).collect(),
    })
}

/// A row without a split: one actor, or several that run the row jointly; the first one
/// listed receives and handles the money. The kommuner group needs a split.
fn unsplit(
    insats: &Insats,
    recipients: &[Recipient],
    findings: &mut Findings,
) -> Result<Parts, Reported> {
    match recipients.first() {
        Some(Recipient::Kommun(_)) => Err(invalid(
            findings,
            insats,
            insats.actor.span(),
            SplitReason::GroupNeedsSplit,
        )),
        Some(&lead) => Ok((vec![(lead, *insats.amount.get_ref())], None)),
        // Without actors there is nobody to pay; `responsible_actors` reported it.
        None => Err(findings.error(
            insats.actor.span(),
            Problem::InsatsActor {
                insats: insats.id.get_ref().clone(),
                repeated: None,
            },
        )),
    }
}

/// A field the rule does not use is refused: it would be left out silently, and the money
/// would not go as written (`except = { Berg = 0 }` under `rule = "key"`).
fn fields_used(insats: &Insats, spec: &Split, findings: &mut Findings) -> Result<(), Reported> {
    let rule = *spec.rule.get_ref();
    let given = [
        ("key", spec.key.as_ref().map(Spanned::span)),
        ("each", spec.each.as_ref().map(Spanned::span)),
        ("except", spec.except.keys().next().map(Spanned::span)),
        ("amounts", spec.amounts.as_ref().map(Spanned::span)),
    ];
    for (field, span) in given {
        let used = matches!(
            (rule, field),
            (SplitRule::Key, "key")
                | (SplitRule::Fixed, "each" | "except")
                | (SplitRule::FixedPlusKey, "key" | "each" | "except")
                | (SplitRule::Amounts, "amounts" | "key")
        );
        if let (Some(span), false) = (span, used) {
            return Err(invalid(
                findings,
                insats,
                span,
                SplitReason::UnusedField(field),
            ));
        }
    }
    Ok(())
}

/// What every split rule works from: the insats and its split, the recipients in order, the
/// names of the split's tables, and the unit the parts are whole numbers of.
struct Rule<'r> {
    cx: &'r Context<'r>,
    insats: &'r Insats,
    spec: &'r Split,
    recipients: &'r [Recipient],
    table: &'r Table,
    unit: Amount,
}

impl Rule<'_> {
    /// The insats's amount.
    fn amount(&self) -> Amount {
        *self.insats.amount.get_ref()
    }

    /// A split that cannot be made as written, reported at `span`.
    fn invalid(
        &self,
        findings: &mut Findings,
        span: Range<usize>,
        reason: SplitReason,
    ) -> Reported {
        invalid(findings, self.insats, span, reason)
    }

    /// `amount` over the recipients by `weights` ([`by_weights`]); a split that cannot be
    /// made is reported at the insats's amount.
    fn by_weights(
        &self,
        amount: Amount,
        weights: &[Decimal],
        findings: &mut Findings,
    ) -> Result<Vec<Amount>, Reported> {
        by_weights(self.cx, amount, weights, self.recipients, self.unit)
            .map_err(|r| self.invalid(findings, self.insats.amount.span(), r))
    }

    /// The split's `each`, which the rule needs.
    fn each(&self, findings: &mut Findings) -> Result<&Spanned<Amount>, Reported> {
        self.spec.each.as_ref().ok_or_else(|| {
            self.invalid(
                findings,
                self.spec.rule.span(),
                SplitReason::MissingField("each"),
            )
        })
    }
}

/// Rule `equal`: the same share to every recipient.
fn split_equal(rule: &Rule, findings: &mut Findings) -> Result<Vec<Amount>, Reported> {
    let weights = vec![Decimal::ONE; rule.recipients.len()];
    rule.by_weights(rule.amount(), &weights, findings)
}

/// Rule `key`: the amount over the kommuner by the split's key.
fn split_key(rule: &Rule, findings: &mut Findings) -> Result<Vec<Amount>, Reported> {
    let weights = key_weights(rule.cx, rule.insats, rule.spec, rule.recipients, findings)?;
    rule.by_weights(rule.amount(), weights, findings)
}

/// Rule `fixed`: `each` to every recipient, the `except` amounts instead where given.
fn split_fixed(rule: &Rule, findings: &mut Findings) -> Result<Vec<Amount>, Reported> {
    let each = rule.each(findings)?;
    Ok(rule.table.fixed(*each.get_ref(), &rule.spec.except))
}

/// Rule `fixed-plus-key`: the fixed parts (as `fixed`), and what they leave of the amount by
/// the key; the parts, and that rest.
fn split_fixed_plus_key(
    rule: &Rule,
    findings: &mut Findings,
) -> Result<(Vec<Amount>, Amount), Reported> {
    let (amount, unit) = (rule.amount(), rule.unit);
    let each = rule.each(findings)?;
    let weights = key_weights(rule.cx, rule.insats, rule.spec, rule.recipients, findings)?;
    let fixed = rule.table.fixed(*each.get_ref(), &rule.spec.except);
    // An amount still 0 is to be filled in, and `amount-to-fill` says so: the fixed parts
    // (`init` keeps last year's `except`) are not held to it yet, as a fixed split's are not.
    if amount.0.is_zero() {
        return Ok((vec![Amount::ZERO; fixed.len()], Amount::ZERO));
    }
    let fixed_total: Amount = fixed.iter().sum();
    let rest = amount - fixed_total;
    if rest.is_negative() {
        return Err(rule.invalid(
            findings,
            each.span(),
            SplitReason::FixedExceedsAmount(fixed_total),
        ));
    }
    // An amount in whole units that the fixed parts leave a rest of broken units: the fixed
    // part at fault is named, at its value, not the amount.
    if amount.is_multiple_of(unit) && !rest.is_multiple_of(unit) {
        let blame = fixed_part_not_in_units(each, &rule.spec.except, unit);
        if let (Some((span, part)), Some(broken)) = (blame, rest.remainder(unit)) {
            let reason = SplitReason::RestNotMultipleOfUnit(RestNotInUnits {
                fixed: fixed_total,
                rest,
                unit,
                part,
                amount_instead: (amount - broken, rest - broken),
            });
            return Err(rule.invalid(findings, span, reason));
        }
    }
    let by_key = rule.by_weights(rest, weights, findings)?;
    let parts = fixed.iter().zip(by_key).map(|(f, k)| *f + k).collect();
    Ok((parts, rest))
}

/// Rule `amounts`: each recipient's amount as written; the kommuner group beside named
/// actors (`mixed`) gets its amount split over its kommuner by the key.
/// The parts as `amounts` gives them, and what the key divided over the kommuner when the
/// group of kommuner stands among the actors (`mixed`).
fn split_amounts(
    rule: &Rule,
    mixed: Option<usize>,
    findings: &mut Findings,
) -> Result<(Vec<Amount>, Option<Amount>), Reported> {
    let Some(amounts) = &rule.spec.amounts else {
        return Err(rule.invalid(
            findings,
            rule.spec.rule.span(),
            SplitReason::MissingField("amounts"),
        ));
    };
    let mut parts: Vec<Option<Amount>> = vec![None; rule.recipients.len()];
    for (name, value) in amounts.get_ref() {
        if let Some(part) = rule.table.position(name).and_then(|i| parts.get_mut(i)) {
            *part = Some(*value.get_ref());
        }
    }
    let mut keyed = None;
    if let Some(group) = mixed {
        keyed = the_kommuners_part(
            rule.cx,
            rule.insats,
            rule.spec,
            (group, rule.table),
            (rule.recipients, &mut parts),
            rule.unit,
            findings,
        )?;
    }
    let mut missing = None;
    for (recipient, part) in rule.recipients.iter().zip(&parts) {
        if part.is_none() {
            let who = recipient_name(rule.cx.plan, *recipient).to_string();
            missing.get_or_insert(rule.invalid(
                findings,
                amounts.span(),
                SplitReason::RecipientMissing(who),
            ));
        }
    }
    if let Some(reported) = missing {
        return Err(reported);
    }
    Ok((parts.into_iter().flatten().collect(), keyed))
}

/// Every rule's parts, checked against the insats in one place: nothing lost, nothing added
/// (reported at `amounts`, else at the split, `split`). The parts with their recipients.
fn whole(
    rule: &Rule,
    split: Range<usize>,
    parts: Vec<Amount>,
    findings: &mut Findings,
) -> Result<Vec<(Recipient, Amount)>, Reported> {
    let amount = rule.amount();
    let computed: Amount = parts.iter().sum();
    if computed != amount || parts.len() != rule.recipients.len() {
        let span = rule.spec.amounts.as_ref().map_or(split, Spanned::span);
        return Err(findings.error(
            span,
            Problem::SplitSum {
                insats: rule.insats.id.get_ref().clone(),
                stated: amount,
                computed,
            },
        ));
    }
    Ok(rule.recipients.iter().copied().zip(parts).collect())
}

/// Amounts the document prints per recipient (`printed`) must be what the rule gives; the
/// kommuner group of a mixed row (`group`) is what its kommuner get together.
fn check_printed(
    rule: &Rule,
    parts: &[(Recipient, Amount)],
    group: Option<Recipient>,
    findings: &mut Findings,
) {
    for (name, printed) in &rule.spec.printed {
        let Some(i) = rule.table.position(name) else {
            continue;
        };
        let (recipient, computed) = match (parts.get(i), group) {
            (Some(&part), _) => part,
            (None, Some(group)) => (
                group,
                parts
                    .iter()
                    .filter(|(r, _)| matches!(r, Recipient::Kommun(_)))
                    .map(|(_, a)| *a)
                    .sum(),
            ),
            (None, None) => continue,
        };
        if computed != *printed.get_ref() {
            findings.error(
                printed.span(),
                Problem::SplitPrinted {
                    insats: rule.insats.id.get_ref().clone(),
                    recipient: recipient_name(rule.cx.plan, recipient).to_string(),
                    stated: *printed.get_ref(),
                    computed,
                },
            );
        }
    }
}

/// The names used in a split's tables (`except`, `amounts`, `printed`), each resolved to a
/// recipient of the row. Every name that is not a recipient, means two recipients, or names
/// a recipient already named is reported; names that do not resolve are left out.
struct Table {
    /// Name (as written) to the recipient's position in the row.
    positions: HashMap<String, usize>,
    /// How many recipients the row has.
    count: usize,
}

/// The recipient of a row nearest to a name that is none of them (`Umea` for `Umeå`): a
/// kommun's name or code, an actor's id; for a split's message.
fn nearest_recipient<'r>(
    plan: &Plan,
    recipients: impl Iterator<Item = &'r Recipient>,
    name: &str,
) -> Option<String> {
    let mut names: Vec<&str> = Vec::new();
    for r in recipients {
        match *r {
            Recipient::Kommun(k) => {
                if let Some(k) = plan.kommuner.get(k as usize) {
                    names.push(k.name.get_ref());
                    names.push(k.code.get_ref());
                }
            }
            Recipient::Actor(a) => {
                if let Some(a) = plan.actors.get(a as usize) {
                    names.push(a.id.get_ref());
                }
            }
        }
    }
    crate::core::text::suggest(name, &names).or_else(|| same_kommun(name, &names))
}

impl Table {
    /// `group`: the kommuner group of a mixed row, named in the tables for the kommuner's
    /// part; its position is one past the recipients.
    fn new(
        cx: &Context,
        insats: &Insats,
        recipients: &[Recipient],
        group: Option<Recipient>,
        spec: &Split,
        findings: &mut Findings,
    ) -> Result<Table, Reported> {
        let plan = cx.plan;
        let id = insats.id.get_ref();
        let count = recipients.len();
        let amounts = spec.amounts.as_ref().map(Spanned::get_ref);
        if spec.except.is_empty() && spec.printed.is_empty() && amounts.is_none_or(|a| a.is_empty())
        {
            return Ok(Table {
                positions: HashMap::new(),
                count,
            });
        }
        // Each recipient's position in the row, by its place among the actors and kommuner
        // (a later listing of the same recipient wins).
        let node = |r: Recipient| match r {
            Recipient::Actor(a) => a as usize,
            Recipient::Kommun(k) => plan.actors.len() + k as usize,
        };
        const NONE: u32 = u32::MAX;
        let mut by_node = vec![NONE; plan.actors.len() + plan.kommuner.len()];
        for (r, i) in recipients
            .iter()
            .enumerate()
            .map(|(i, r)| (*r, i))
            .chain(group.map(|g| (g, count)))
        {
            if let (Some(slot), Ok(i)) = (by_node.get_mut(node(r)), u32::try_from(i)) {
                *slot = i;
            }
        }
        let position = |r: Recipient| {
            let i = by_node.get(node(r)).copied().unwrap_or(NONE);
            (i != NONE).then_some(i as usize)
        };
        let mut positions = HashMap::new();
        let mut failed = None;
        let tables = [
            Some(&spec.except),
            spec.amounts.as_ref().map(Spanned::get_ref),
            Some(&spec.printed),
        ];
        for table in tables.into_iter().flatten() {
            let mut names: Vec<&Spanned<String>> = table.keys().collect();
            names.sort_by_key(|n| n.span().start);
            let mut seen = HashSet::new();
            for name in names {
                let (as_kommun, as_actor) = cx.names.split_recipient(name.get_ref());
                let as_kommun = as_kommun.filter(|r| position(*r).is_some());
                let as_actor = as_actor.filter(|r| position(*r).is_some());
                let recipient = match (as_kommun, as_actor) {
                    (Some(k), Some(a)) => {
                        let kommun = match k {
                            Recipient::Kommun(i) => plan.kommuner.get(i as usize),
                            Recipient::Actor(_) => None,
                        };
                        let actor = match a {
                            Recipient::Actor(i) => plan.actors.get(i as usize),
                            Recipient::Kommun(_) => None,
                        };
                        failed.get_or_insert(findings.error(
                            name.span(),
                            Problem::AmbiguousName {
                                name: name.get_ref().clone(),
                                first:
                                    Meaning::Kommun {
                                        code:
                                            kommun.map_or_else(String::new, |x| {
                                                x.code.get_ref().clone()
                                            }),
                                        name:
                                            kommun.map_or_else(String::new, |x| {
                                                x.name.get_ref().clone()
                                            }),
                                    },
                                second: Meaning::Actor {
                                    id: actor.map_or_else(String::new, |x| x.id.get_ref().clone()),
                                },
                            },
                        ));
                        continue;
                    }
                    (Some(r), None) | (None, Some(r)) => r,
                    (None, None) => {
                        let suggestion = nearest_recipient(
                            plan,
                            recipients.iter().chain(&group),
                            name.get_ref(),
                        );
                        // The kommun's name under `[[kommuner]]` is likelier the misspelt one.
                        let misspelt = (cx.names.misspelt_kommun(name.get_ref()))
                            .and_then(|(k, why)| Some((plan.kommuner.get(*k)?, why.clone())))
                            .filter(|(k, _)| suggestion.as_ref() == Some(k.name.get_ref()));
                        let problem = Problem::SplitInvalid {
                            insats: id.clone(),
                            reason: SplitReason::NotARecipient {
                                name: name.get_ref().clone(),
                                suggestion,
                                misspelt_there: misspelt.as_ref().map(|(_, why)| why.clone()),
                            },
                        };
                        failed.get_or_insert(match misspelt {
                            Some((kommun, _)) => findings.error_with(
                                name.span(),
                                problem,
                                (kommun.name.span(), Related::KommunNamedHere),
                            ),
                            None => findings.error(name.span(), problem),
                        });
                        continue;
                    }
                };
                if !seen.insert(recipient) {
                    failed.get_or_insert(findings.error(
                        name.span(),
                        Problem::SplitInvalid {
                            insats: id.clone(),
                            reason: SplitReason::RecipientRepeated(
                                recipient_name(plan, recipient).to_string(),
                            ),
                        },
                    ));
                    continue;
                }
                if let Some(i) = position(recipient) {
                    positions.insert(name.get_ref().clone(), i);
                }
            }
        }
        match failed {
            Some(reported) => Err(reported),
            None => Ok(Table { positions, count }),
        }
    }

    fn position(&self, name: &Spanned<String>) -> Option<usize> {
        self.positions.get(name.get_ref()).copied()
    }

    /// `each` to every recipient, the `except` amounts instead where given.
    fn fixed(
        &self,
        each: Amount,
        except: &std::collections::BTreeMap<Spanned<String>, Spanned<Amount>>,
    ) -> Vec<Amount> {
        let mut parts = vec![each; self.count];
        for (name, value) in except {
            if let Some(part) = self.position(name).and_then(|i| parts.get_mut(i)) {
                *part = *value.get_ref();
            }
        }
        parts
    }
}

/// The first fixed part of a `fixed-plus-key` split that is not a whole number of `unit`:
/// `each`, else a part under `except` in the order written, with its value's span.
fn fixed_part_not_in_units(
    each: &Spanned<Amount>,
    except: &std::collections::BTreeMap<Spanned<String>, Spanned<Amount>>,
    unit: Amount,
) -> Option<(Range<usize>, FixedPart)> {
    let broken = |a: Amount| a.remainder(unit).filter(|r| !r.0.is_zero());
    if let Some(r) = broken(*each.get_ref()) {
        let each_amount = *each.get_ref();
        let part = FixedPart::Each {
            each: each_amount,
            instead: each_amount - r,
        };
        return Some((each.span(), part));
    }
    let mut parts: Vec<_> = except.iter().collect();
    parts.sort_by_key(|(_, v)| v.span().start);
    parts
        .into_iter()
        .find(|(_, v)| broken(*v.get_ref()).is_some())
        .map(|(name, v)| (v.span(), FixedPart::Except(name.get_ref().clone())))
}

/// A mixed row's kommuner part: the group's amount under `amounts`, split over the kommuner
/// by the split's `key` into their places in `parts`. A kommun named in `amounts` is refused,
/// since the key decides the kommuner's amounts. The group's amount, what the key divided.
fn the_kommuners_part(
    cx: &Context,
    insats: &Insats,
    spec: &Split,
    (group, table): (usize, &Table),
    (recipients, parts): (&[Recipient], &mut [Option<Amount>]),
    unit: Amount,
    findings: &mut Findings,
) -> Result<Option<Amount>, Reported> {
    let Some(amounts) = &spec.amounts else {
        return Ok(None);
    };
    let mut group_amount = None;
    let mut failed = None;
    let mut names: Vec<_> = amounts.get_ref().iter().collect();
    names.sort_by_key(|(n, _)| n.span().start);
    for (name, value) in names {
        match table.position(name) {
            Some(i) if i == recipients.len() => group_amount = Some(*value.get_ref()),
            Some(i) if matches!(recipients.get(i), Some(Recipient::Kommun(_))) => {
                failed.get_or_insert(invalid(
                    findings,
                    insats,
                    name.span(),
                    SplitReason::KommunInMixedAmounts(name.get_ref().clone()),
                ));
            }
            _ => {}
        }
    }
    if let Some(reported) = failed {
        return Err(reported);
    }
    let Some(group_amount) = group_amount else {
        let who = recipient_name(cx.plan, Recipient::Actor(index(group))).to_string();
        return Err(invalid(
            findings,
            insats,
            amounts.span(),
            SplitReason::RecipientMissing(who),
        ));
    };
    let kommuner: Vec<Recipient> = (0..cx.plan.kommuner.len())
        .map(|k| Recipient::Kommun(index(k)))
        .collect();
    let weights = key_weights(cx, insats, spec, &kommuner, findings)?;
    let split = by_weights(cx, group_amount, weights, &kommuner, unit)
        .map_err(|r| invalid(findings, insats, amounts.span(), r))?;
    let mut split = split.into_iter();
    for (recipient, part) in recipients.iter().zip(parts.iter_mut()) {
        if let Recipient::Kommun(_) = recipient {
            *part = split.next();
        }
    }
    Ok(Some(group_amount))
}

/// The weights of the split's key over its recipients (the kommuner).
fn key_weights<'a>(
    cx: &Context<'a>,
    insats: &Insats,
    spec: &Split,
    recipients: &[Recipient],
    findings: &mut Findings,
) -> Result<&'a [Decimal], Reported> {
    let at_rule =
        |findings: &mut Findings, reason| invalid(findings, insats, spec.rule.span(), reason);
    let Some(key_id) = &spec.key else {
        return Err(at_rule(findings, SplitReason::MissingField("key")));
    };
    if recipients.iter().any(|r| matches!(r, Recipient::Actor(_))) {
        return Err(at_rule(findings, SplitReason::KeyNeedsKommuner));
    }
    let Some(&key) = cx.names.keys.get(key_id.get_ref()) else {
        return Err(unknown(
            findings,
            Thing::Key,
            key_id,
            cx.plan.keys.iter().map(|k| k.id.get_ref().as_str()),
        ));
    };
    match cx.keys.get(key).map(|k| &k.weights) {
        Some(Ok(w)) => Ok(w.as_slice()),
        Some(Err(reported)) => Err(*reported),
        None => Err(at_rule(findings, SplitReason::Invalid)),
    }
}

/// Largest-remainder split of `amount` by `weights`; ties go to the lower kommunkod, between
/// actors to the one listed first.
fn by_weights(
    cx: &Context,
    amount: Amount,
    weights: &[Decimal],
    recipients: &[Recipient],
    unit: Amount,
) -> Result<Vec<Amount>, SplitReason> {
    // The group's recipients are all kommuner in plan order; actors tie in the order listed.
    let is_group = recipients.len() == cx.kommun_ties.len()
        && recipients
            .iter()
            .enumerate()
            .all(|(i, r)| *r == Recipient::Kommun(index(i)));
    let listed: Vec<(usize, u32)>;
    let tie: &[(usize, u32)] = if is_group {
        &cx.kommun_ties
    } else {
        listed = recipients
            .iter()
            .enumerate()
            .map(|(position, r)| match r {
                Recipient::Kommun(k) => {
                    cx.kommun_ties.get(*k as usize).copied().unwrap_or_default()
                }
                Recipient::Actor(_) => (position, 0),
            })
            .collect();
        &listed
    };
    split::largest_remainder_amounts(amount, weights, tie, unit).map_err(|e| match e {
        SplitError::AmountNotMultipleOfUnit => SplitReason::NotMultipleOfUnit(unit),
        SplitError::TooLarge | SplitError::TieKeys => SplitReason::TooLarge,
        SplitError::NoWeight if recipients.is_empty() => SplitReason::NoRecipients,
        SplitError::NoWeight => SplitReason::NoWeight,
        // Prevented by the checks of amounts, units and keys; still never silent.
        SplitError::NegativeWeight | SplitError::NonPositiveUnit | SplitError::NegativeAmount => {
            SplitReason::Invalid
        }
    })
}
