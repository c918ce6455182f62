//! The checks: one small function per rule, each pushing every problem it finds.
//!
//! `check` never stops at the first problem. It resolves the plan (names, splits) and then
//! runs every rule; findings come back sorted by their place in the file.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;
use toml::Spanned;

use crate::core::finding::{Finding, Gap, KeyReason, Problem, Related, Thing, ToFill};
use crate::core::money::Amount;
use crate::core::plan::{Date, KeyKind, Plan, SplitRule, Stated};
use crate::core::resolve::{HeadingPlace, Recipient, Resolved, unknown};
use crate::core::split;

/// Every finding for `plan`, in file order.
pub fn check(plan: &Plan) -> Vec<Finding> {
    let mut findings = Vec::new();
    let resolved = Resolved::new(plan, &mut findings);
    let f = &mut findings;
    amounts_are_whole_and_positive(plan, f);
    references_resolve(&resolved, f);
    areas_sum_to_county_total(plan, f);
    insatser_sum_to_area_amount(&resolved, f);
    national_split_sums_to_total(plan, f);
    stated_change_matches_totals(plan, f);
    earmarks_match_tagged_insatser(plan, f);
    keys_cover_each_kommun_once(&resolved, f);
    keys_are_well_formed(&resolved, f);
    keys_have_one_source(&resolved, f);
    key_files_match_kommuner(&resolved, f);
    keys_are_recent(&resolved, f);
    derived_percentages_keep_the_counts(&resolved, f);
    stated_totals_match(&resolved, f);
    headings_cover_each_insats_once(&resolved, f);
    heading_totals_match(&resolved, f);
    deadlines_in_order(plan, f);
    actors_are_used(&resolved, f);
    insatser_have_focus_areas(plan, f);
    amounts_are_filled_in(plan, f);
    findings.sort_by_key(|f| (f.span.start, f.span.end));
    findings
}

/// Check 3: no negative amounts, none finer than the plan's unit.
fn amounts_are_whole_and_positive(plan: &Plan, findings: &mut Vec<Finding>) {
    let unit = plan.plan.unit();
    if let Some(u) = &plan.plan.unit
        && *u.get_ref() <= Amount::ZERO
    {
        findings.push(Finding::error(
            u.span(),
            Problem::NegativeAmount {
                amount: *u.get_ref(),
            },
        ));
        return;
    }
    let mut amounts: Vec<&Spanned<Amount>> = vec![&plan.plan.county_total];
    amounts.extend(&plan.plan.previous_county_total);
    if let Some(agreement) = &plan.agreement {
        amounts.push(&agreement.national_total);
        amounts.extend(&agreement.previous_national_total);
        amounts.extend(agreement.split.iter().map(|p| &p.amount));
    }
    for area in &plan.areas {
        amounts.push(&area.amount);
        amounts.extend(area.earmarks.iter().map(|e| &e.amount));
    }
    for insats in &plan.insatser {
        amounts.push(&insats.amount);
        if let Some(split) = &insats.split {
            let s = split.get_ref();
            amounts.extend(&s.each);
            amounts.extend(s.except.values());
            amounts.extend(s.amounts.iter().flat_map(|a| a.get_ref().values()));
            amounts.extend(s.printed.values());
        }
    }
    amounts.extend(plan.headings.iter().filter_map(|h| h.stated.as_ref()));
    amounts.extend(plan.stated.iter().map(|s| &s.amount));
    for amount in amounts {
        let value = *amount.get_ref();
        if value.is_negative() {
            findings.push(Finding::error(
                amount.span(),
                Problem::NegativeAmount { amount: value },
            ));
        } else if !value.is_multiple_of(unit) {
            findings.push(Finding::error(
                amount.span(),
                Problem::FinerThanUnit {
                    amount: value,
                    unit,
                },
            ));
        }
    }
    // The stated change may be negative, but is still in whole units.
    if let Some(change) = &plan.plan.stated_change
        && !change.get_ref().is_multiple_of(unit)
    {
        findings.push(Finding::error(
            change.span(),
            Problem::FinerThanUnit {
                amount: *change.get_ref(),
                unit,
            },
        ));
    }
}

/// Check 2: every area, earmark, focus area, actor parent, heading and stated filter names
/// something the plan defines. (Actors, keys and kommuner of insatser are looked up while
/// resolving splits.)
fn references_resolve(r: &Resolved, findings: &mut Vec<Finding>) {
    let plan = r.plan;
    let area_names: Vec<String> = r.areas.keys().map(u32::to_string).collect();
    let focus_names: Vec<String> = r.focus_areas.keys().map(u32::to_string).collect();
    let unknown_number = |thing, n: &Spanned<u32>, known: &[String]| {
        let name = Spanned::new(n.span(), n.get_ref().to_string());
        unknown(thing, &name, known.iter())
    };
    for insats in &plan.insatser {
        let area = r
            .areas
            .get(insats.area.get_ref())
            .and_then(|&i| plan.areas.get(i));
        if area.is_none() {
            findings.push(unknown_number(Thing::Area, &insats.area, &area_names));
        }
        if let (Some(earmark), Some(area)) = (&insats.earmark, area)
            && !area
                .earmarks
                .iter()
                .any(|e| e.id.get_ref() == earmark.get_ref())
        {
            findings.push(unknown(
                Thing::Earmark,
                earmark,
                area.earmarks.iter().map(|e| e.id.get_ref()),
            ));
        }
        for number in insats.focus_areas.iter().flat_map(|f| f.get_ref()) {
            if !r.focus_areas.contains_key(number.get_ref()) {
                findings.push(unknown_number(Thing::FocusArea, number, &focus_names));
            }
        }
    }
    for actor in &plan.actors {
        if let Some(parent) = &actor.parent {
            r.actor_ref(parent, findings);
        }
    }
    for heading in &plan.headings {
        if let Some(parent) = &heading.parent
            && !r.headings.contains_key(parent.get_ref())
        {
            findings.push(unknown(Thing::Heading, parent, r.headings.keys()));
        }
        for id in &heading.insatser {
            if !r.insatser.contains_key(id.get_ref()) {
                findings.push(unknown(Thing::Insats, id, r.insatser.keys()));
            }
        }
    }
    for stated in &plan.stated {
        if let Some(area) = &stated.area
            && !r.areas.contains_key(area.get_ref())
        {
            findings.push(unknown_number(Thing::Area, area, &area_names));
        }
        if let Some(actor) = &stated.actor {
            r.actor_ref(actor, findings);
        }
        if let Some(kommun) = &stated.kommun {
            r.kommun_ref(kommun, findings);
        }
        for id in stated.insatser.iter().flatten() {
            if !r.insatser.contains_key(id.get_ref()) {
                findings.push(unknown(Thing::Insats, id, r.insatser.keys()));
            }
        }
    }
}

/// Check 4: the areas sum to the county total.
fn areas_sum_to_county_total(plan: &Plan, findings: &mut Vec<Finding>) {
    let computed: Amount = plan.areas.iter().map(|a| *a.amount.get_ref()).sum();
    let stated = *plan.plan.county_total.get_ref();
    if computed != stated {
        findings.push(Finding::error(
            plan.plan.county_total.span(),
            Problem::CountyTotal { stated, computed },
        ));
    }
}

/// Check 4: the insatser of an area sum to the area's amount.
fn insatser_sum_to_area_amount(r: &Resolved, findings: &mut Vec<Finding>) {
    for area in &r.plan.areas {
        let number = *area.number.get_ref();
        let computed: Amount = r
            .plan
            .insatser
            .iter()
            .filter(|i| *i.area.get_ref() == number)
            .map(|i| *i.amount.get_ref())
            .sum();
        let stated = *area.amount.get_ref();
        if computed != stated {
            findings.push(Finding::error(
                area.amount.span(),
                Problem::AreaTotal {
                    area: number,
                    stated,
                    computed,
                },
            ));
        }
    }
}

/// Check 4: the national split sums to the national total.
fn national_split_sums_to_total(plan: &Plan, findings: &mut Vec<Finding>) {
    let Some(agreement) = &plan.agreement else {
        return;
    };
    if agreement.split.is_empty() {
        return;
    }
    let computed: Amount = agreement.split.iter().map(|p| *p.amount.get_ref()).sum();
    let stated = *agreement.national_total.get_ref();
    if computed != stated {
        findings.push(Finding::error(
            agreement.national_total.span(),
            Problem::NationalSplit { stated, computed },
        ));
    }
}

/// The printed change against last year equals this year's total minus last year's.
fn stated_change_matches_totals(plan: &Plan, findings: &mut Vec<Finding>) {
    let (Some(change), Some(previous)) =
        (&plan.plan.stated_change, &plan.plan.previous_county_total)
    else {
        return;
    };
    // Until the county total is filled in there is no change to compare with.
    if plan.plan.county_total.get_ref().0.is_zero() {
        return;
    }
    let computed = *plan.plan.county_total.get_ref() - *previous.get_ref();
    if computed != *change.get_ref() {
        findings.push(Finding::error(
            change.span(),
            Problem::StatedChange {
                stated: *change.get_ref(),
                computed,
            },
        ));
    }
}

/// Check 4 (warning): insatser tagged to an earmark sum to it. Earmarks are the state's
/// indicative split, so a difference is worth a look but not an error.
fn earmarks_match_tagged_insatser(plan: &Plan, findings: &mut Vec<Finding>) {
    for area in &plan.areas {
        for earmark in &area.earmarks {
            let tagged: Vec<Amount> = plan
                .insatser
                .iter()
                .filter(|i| i.area.get_ref() == area.number.get_ref())
                .filter(|i| {
                    i.earmark
                        .as_ref()
                        .is_some_and(|e| e.get_ref() == earmark.id.get_ref())
                })
                .map(|i| *i.amount.get_ref())
                .collect();
            if tagged.is_empty() {
                continue;
            }
            let computed: Amount = tagged.iter().sum();
            let stated = *earmark.amount.get_ref();
            if computed != stated {
                findings.push(Finding::warning(
                    earmark.amount.span(),
                    Problem::EarmarkTotal {
                        earmark: earmark.id.get_ref().clone(),
                        stated,
                        computed,
                    },
                ));
            }
        }
    }
}

/// Check 5: a key names every kommun exactly once, and nothing else.
fn keys_cover_each_kommun_once(r: &Resolved, findings: &mut Vec<Finding>) {
    for key in &r.plan.keys {
        // Keys from a file or derived with `from` are checked by their own rules.
        let Some(values) = &key.values else {
            continue;
        };
        let mut seen: HashMap<usize, std::ops::Range<usize>> = HashMap::new();
        // In file order, so the second mention is the one reported.
        let mut names: Vec<&Spanned<String>> = values.get_ref().keys().collect();
        names.sort_by_key(|n| n.span().start);
        for name in names {
            let Some(i) = r.kommun_ref(name, findings) else {
                continue;
            };
            if let Some(first) = seen.get(&i) {
                findings.push(
                    Finding::error(
                        name.span(),
                        Problem::KeyCoverage {
                            key: key.id.get_ref().clone(),
                            kommun: r.recipient_name(Recipient::Kommun(i)).to_string(),
                            gap: Gap::Repeated,
                        },
                    )
                    .with_related(first.clone(), Related::FirstListedHere),
                );
            } else {
                seen.insert(i, name.span());
            }
        }
        for (i, kommun) in r.plan.kommuner.iter().enumerate() {
            if !seen.contains_key(&i) {
                findings.push(Finding::error(
                    values.span(),
                    Problem::KeyCoverage {
                        key: key.id.get_ref().clone(),
                        kommun: kommun.name.get_ref().clone(),
                        gap: Gap::Missing,
                    },
                ));
            }
        }
    }
}

/// Check 5: percentages have their stated precision and sum to exactly 100; population counts
/// are positive whole numbers.
fn keys_are_well_formed(r: &Resolved, findings: &mut Vec<Finding>) {
    for key in &r.plan.keys {
        let id = key.id.get_ref().clone();
        match key.kind.get_ref() {
            KeyKind::Percent => {
                let Some(precision) = &key.precision else {
                    findings.push(Finding::error(
                        key.kind.span(),
                        Problem::KeyPrecisionMissing { key: id },
                    ));
                    continue;
                };
                let precision = *precision.get_ref();
                // Percentages derived with `from` sum to 100 by construction.
                let Some(values) = &key.values else {
                    continue;
                };
                // `None` once the sum no longer fits in a Decimal (28 digits): not 100 either.
                let mut sum = Some(Decimal::ZERO);
                for value in values.get_ref().values() {
                    let v = value.get_ref().0;
                    sum = sum.and_then(|s| s.checked_add(v));
                    if v.normalize().scale() > precision {
                        findings.push(Finding::error(
                            value.span(),
                            Problem::PercentPrecision {
                                key: id.clone(),
                                value: v,
                                precision,
                            },
                        ));
                    }
                }
                if sum != Some(Decimal::ONE_HUNDRED) {
                    findings.push(Finding::error(
                        values.span(),
                        Problem::PercentSum {
                            key: id,
                            // Decimal::MAX stands for a sum beyond 28 digits.
                            computed: sum.unwrap_or(Decimal::MAX),
                        },
                    ));
                }
            }
            KeyKind::Population => {
                for (name, value) in key.inline_values().into_iter().flatten() {
                    let v = value.get_ref().0;
                    if v <= Decimal::ZERO || !v.fract().is_zero() {
                        let kommun = r
                            .kommun(name.get_ref())
                            .map_or(name.get_ref().as_str(), |i| {
                                r.recipient_name(Recipient::Kommun(i))
                            });
                        findings.push(Finding::error(
                            value.span(),
                            Problem::PopulationNotPositive {
                                key: id.clone(),
                                kommun: kommun.to_string(),
                                value: v,
                            },
                        ));
                    }
                }
            }
        }
    }
}

/// Check 5: a key takes its values from exactly one place (`values`, `file` or `from`), a file
/// key counts population, and `from` turns a population key into percentages.
fn keys_have_one_source(r: &Resolved, findings: &mut Vec<Finding>) {
    for key in &r.plan.keys {
        let id = key.id.get_ref().clone();
        let error = |span, reason| {
            Finding::error(
                span,
                Problem::KeyDefinition {
                    key: id.clone(),
                    reason,
                },
            )
        };
        let mut given: Vec<(&'static str, std::ops::Range<usize>)> = Vec::new();
        if let Some(v) = &key.values {
            given.push(("values", v.span()));
        }
        if let Some(f) = &key.file {
            given.push(("file", f.span()));
        }
        if let Some(f) = &key.from {
            given.push(("from", f.span()));
        }
        match given.as_slice() {
            [] => findings.push(error(key.id.span(), KeyReason::NoValues)),
            [_] => {}
            [_, second, ..] => {
                let names = given.iter().map(|(n, _)| *n).collect();
                findings.push(error(second.1.clone(), KeyReason::SeveralSources(names)));
            }
        }
        if let (Some(column), None) = (&key.column, &key.file) {
            findings.push(error(column.span(), KeyReason::ColumnWithoutFile));
        }
        if let Some(file) = &key.file
            && *key.kind.get_ref() != KeyKind::Population
        {
            findings.push(error(file.span(), KeyReason::FileNeedsPopulation));
        }
        if let (Some(_), Some(precision)) = (&key.from, &key.precision)
            && *precision.get_ref() > split::MAX_PRECISION
        {
            findings.push(error(
                precision.span(),
                KeyReason::PrecisionTooHigh(*precision.get_ref()),
            ));
        }
        if let Some(from) = &key.from {
            if *key.kind.get_ref() != KeyKind::Percent {
                findings.push(error(from.span(), KeyReason::FromNeedsPercent));
            } else if let Some(&source) = r.keys.get(from.get_ref()) {
                let is_population =
                    r.plan.keys.get(source).is_some_and(|s| {
                        *s.kind.get_ref() == KeyKind::Population && s.from.is_none()
                    });
                if !is_population {
                    findings.push(error(
                        from.span(),
                        KeyReason::FromNotPopulation(from.get_ref().clone()),
                    ));
                }
            } else {
                findings.push(unknown(Thing::Key, from, r.keys.keys()));
            }
        }
    }
}

/// Check 5: a key's SCB file can be read, and names every kommun of the plan exactly once,
/// with a value, and no other kommun. Each problem names the file's line.
fn key_files_match_kommuner(r: &Resolved, findings: &mut Vec<Finding>) {
    let kommuner: Vec<(&str, &str)> = r
        .plan
        .kommuner
        .iter()
        .map(|k| (k.code.get_ref().as_str(), k.name.get_ref().as_str()))
        .collect();
    for key in &r.plan.keys {
        let (Some(file), Some(data)) = (&key.file, &key.file_data) else {
            continue;
        };
        let id = key.id.get_ref().clone();
        match data {
            Err(error) => findings.push(Finding::error(
                file.span(),
                Problem::KeyFile {
                    key: id,
                    error: error.clone(),
                },
            )),
            Ok(data) => {
                for mismatch in data.compare(&kommuner) {
                    findings.push(Finding::error(
                        file.span(),
                        Problem::KeyFileCoverage {
                            key: id.clone(),
                            path: data.path.clone(),
                            column: data.column.clone(),
                            mismatch,
                        },
                    ));
                }
            }
        }
    }
}

/// Check 5 (warning): a key's figures are at most two years older than the plan year. The year
/// is the key's `date`, or else its file column's year.
fn keys_are_recent(r: &Resolved, findings: &mut Vec<Finding>) {
    let plan_year = *r.plan.plan.year.get_ref();
    for key in &r.plan.keys {
        let from_date = key.date.as_ref().map(|d| (d.get_ref().year, d.span()));
        let from_file = || {
            let year = key.file_data.as_ref()?.as_ref().ok()?.year?;
            let span = key.column.as_ref().or(key.file.as_ref())?.span();
            Some((year, span))
        };
        let Some((year, span)) = from_date.or_else(from_file) else {
            continue;
        };
        if year < plan_year.saturating_sub(2) {
            findings.push(Finding::warning(
                span,
                Problem::KeyDate {
                    key: key.id.get_ref().clone(),
                    year,
                    plan_year,
                },
            ));
        }
    }
}

/// Check 6 (warning): a split by percentages derived from population counts (`from`) where
/// rounding the percentages moves some kommun's amount by more than one unit compared with
/// splitting by the counts themselves. Only derived keys are measured: for percentages written
/// in the plan the counts behind them are not known.
fn derived_percentages_keep_the_counts(r: &Resolved, findings: &mut Vec<Finding>) {
    let codes = r.kommun_codes();
    for insats in &r.plan.insatser {
        let Some(split) = &insats.split else { continue };
        let spec = split.get_ref();
        let Some(key_id) = &spec.key else { continue };
        let Some(&key) = r.keys.get(key_id.get_ref()) else {
            continue;
        };
        let (Some(source), Some(precision)) = (
            r.percent_source(key),
            r.plan.keys.get(key).and_then(|k| k.precision.as_ref()),
        ) else {
            continue;
        };
        let keyed = match spec.rule.get_ref() {
            SplitRule::Key => *insats.amount.get_ref(),
            SplitRule::FixedPlusKey => {
                let Some(each) = &spec.each else { continue };
                let mut fixed: Vec<Amount> = vec![*each.get_ref(); r.plan.kommuner.len()];
                for (name, value) in &spec.except {
                    if let Some(part) = r.kommun(name.get_ref()).and_then(|i| fixed.get_mut(i)) {
                        *part = *value.get_ref();
                    }
                }
                *insats.amount.get_ref() - fixed.iter().sum()
            }
            _ => continue,
        };
        let unit = spec
            .unit
            .as_ref()
            .map_or(r.plan.plan.unit(), |u| *u.get_ref());
        let (Some(percent), Some(counts)) = (r.key_weights(key), r.key_weights(source)) else {
            continue;
        };
        let (Ok(by_percent), Ok(by_counts)) = (
            split::largest_remainder_by(keyed, &percent, &codes, unit),
            split::largest_remainder_by(keyed, &counts, &codes, unit),
        ) else {
            continue;
        };
        let worst = by_percent
            .iter()
            .zip(&by_counts)
            .enumerate()
            .max_by_key(|(_, (p, c))| (p.amount - c.amount).abs());
        if let Some((i, (p, c))) = worst
            && (p.amount - c.amount).abs() > unit
        {
            findings.push(Finding::warning(
                key_id.span(),
                Problem::KeyRounding {
                    insats: insats.id.get_ref().clone(),
                    key: key_id.get_ref().clone(),
                    precision: *precision.get_ref(),
                    kommun: r.recipient_name(Recipient::Kommun(i)).to_string(),
                    by_percent: p.amount,
                    by_counts: c.amount,
                    unit,
                },
            ));
        }
    }
}

/// What a `[[stated]]` figure covers, summed; `None` when it covers an insats whose
/// recipients are unknown because of a problem already reported.
fn stated_sum(r: &Resolved, stated: &Stated) -> Option<Amount> {
    let actor = match &stated.actor {
        Some(id) => Some(*r.actors.get(id.get_ref())?),
        None => None,
    };
    let kommun = match &stated.kommun {
        Some(name) => Some(r.kommun(name.get_ref())?),
        None => None,
    };
    let listed: Option<HashSet<&str>> = stated
        .insatser
        .as_ref()
        .map(|ids| ids.iter().map(|i| i.get_ref().as_str()).collect());
    let mut sum = Amount::ZERO;
    for (insats, allocations) in r.plan.insatser.iter().zip(&r.allocations) {
        if stated
            .area
            .as_ref()
            .is_some_and(|a| a.get_ref() != insats.area.get_ref())
        {
            continue;
        }
        if listed
            .as_ref()
            .is_some_and(|l| !l.contains(insats.id.get_ref().as_str()))
        {
            continue;
        }
        if actor.is_none() && kommun.is_none() {
            sum += *insats.amount.get_ref();
            continue;
        }
        for allocation in allocations.as_ref()? {
            let actor_ok = actor.is_none_or(|a| r.is_under(allocation.recipient, a));
            let kommun_ok = kommun.is_none_or(|k| allocation.recipient == Recipient::Kommun(k));
            if actor_ok && kommun_ok {
                sum += allocation.amount;
            }
        }
    }
    Some(sum)
}

/// Check 7: every `[[stated]]` figure equals what it covers.
fn stated_totals_match(r: &Resolved, findings: &mut Vec<Finding>) {
    for stated in &r.plan.stated {
        let Some(computed) = stated_sum(r, stated) else {
            continue;
        };
        if computed != *stated.amount.get_ref() {
            findings.push(Finding::error(
                stated.amount.span(),
                Problem::StatedTotal {
                    label: stated.label.clone(),
                    stated: *stated.amount.get_ref(),
                    computed,
                },
            ));
        }
    }
}

/// Check 7: with summary headings, every insats sits under exactly one of them, and the
/// headings form a tree.
fn headings_cover_each_insats_once(r: &Resolved, findings: &mut Vec<Finding>) {
    if r.plan.headings.is_empty() {
        return;
    }
    let mut listed: HashMap<&str, std::ops::Range<usize>> = HashMap::new();
    let places = r.heading_places();
    for (heading, place) in r.plan.headings.iter().zip(places) {
        // Only the headings on a cycle are under themselves; those below one, or below a
        // parent that is not defined, are not reported again.
        if place == HeadingPlace::InCycle {
            let span = heading
                .parent
                .as_ref()
                .map_or(heading.id.span(), Spanned::span);
            findings.push(Finding::error(
                span,
                Problem::HeadingCycle {
                    heading: heading.id.get_ref().clone(),
                },
            ));
        }
        for id in &heading.insatser {
            if let Some(first) = listed.get(id.get_ref().as_str()) {
                findings.push(
                    Finding::error(
                        id.span(),
                        Problem::UnderSeveralHeadings {
                            insats: id.get_ref().clone(),
                        },
                    )
                    .with_related(first.clone(), Related::FirstListedHere),
                );
            } else {
                listed.insert(id.get_ref(), id.span());
            }
        }
    }
    for insats in &r.plan.insatser {
        if !listed.contains_key(insats.id.get_ref().as_str()) {
            findings.push(Finding::error(
                insats.id.span(),
                Problem::NotUnderHeading {
                    insats: insats.id.get_ref().clone(),
                },
            ));
        }
    }
}

/// Check 7: a heading's printed total equals its insatser and those of its sub-headings.
fn heading_totals_match(r: &Resolved, findings: &mut Vec<Finding>) {
    let amount_of = |i: usize| {
        r.plan
            .insatser
            .get(i)
            .map_or(Amount::ZERO, |x| *x.amount.get_ref())
    };
    // With a cycle (reported above) the totals are not defined.
    let Some(totals) = r.heading_totals(amount_of) else {
        return;
    };
    for (heading, computed) in r.plan.headings.iter().zip(totals) {
        let Some(stated) = &heading.stated else {
            continue;
        };
        if computed != *stated.get_ref() {
            findings.push(Finding::error(
                stated.span(),
                Problem::StatedTotal {
                    label: heading.title.clone(),
                    stated: *stated.get_ref(),
                    computed,
                },
            ));
        }
    }
}

/// Check 8 (warning): requisition and reporting in the plan year, repayment the year after,
/// in that order.
fn deadlines_in_order(plan: &Plan, findings: &mut Vec<Finding>) {
    let Some(d) = &plan.deadlines else { return };
    let year = *plan.plan.year.get_ref();
    let named: [(&'static str, &Option<Spanned<Date>>, i32); 3] = [
        ("requisition", &d.requisition, year),
        ("use_reported", &d.use_reported, year),
        ("unused_repaid", &d.unused_repaid, year.saturating_add(1)),
    ];
    for (name, date, expected_year) in &named {
        if let Some(date) = date
            && date.get_ref().year != *expected_year
        {
            findings.push(Finding::warning(
                date.span(),
                Problem::DeadlineYear {
                    deadline: name,
                    expected_year: *expected_year,
                },
            ));
        }
    }
    let present: Vec<(&'static str, &Spanned<Date>)> = named
        .iter()
        .filter_map(|(n, d, _)| d.as_ref().map(|d| (*n, d)))
        .collect();
    for pair in present.windows(2) {
        if let [(earlier, a), (later, b)] = pair
            && b.get_ref() < a.get_ref()
        {
            findings.push(Finding::warning(
                b.span(),
                Problem::DeadlineOrder { earlier, later },
            ));
        }
    }
}

/// Check 9 (warning): every actor receives money, directly or through a unit under it.
fn actors_are_used(r: &Resolved, findings: &mut Vec<Finding>) {
    let mut used: HashSet<usize> = HashSet::new();
    for insats in &r.plan.insatser {
        for id in insats.actor_ids() {
            if let Some(&i) = r.actors.get(id.get_ref()) {
                used.insert(i);
            }
        }
    }
    for (i, actor) in r.plan.actors.iter().enumerate() {
        let has_used_unit = used
            .iter()
            .any(|&u| u != i && r.is_under(Recipient::Actor(u), i));
        if !used.contains(&i) && !has_used_unit {
            findings.push(Finding::warning(
                actor.id.span(),
                Problem::UnusedActor {
                    actor: actor.id.get_ref().clone(),
                },
            ));
        }
    }
}

/// Check 9 (warning): when the plan lists the action plan's focus areas, every insats names
/// at least one.
fn insatser_have_focus_areas(plan: &Plan, findings: &mut Vec<Finding>) {
    if plan.focus_areas.is_empty() {
        return;
    }
    for insats in &plan.insatser {
        if insats
            .focus_areas
            .as_ref()
            .is_none_or(|f| f.get_ref().is_empty())
        {
            findings.push(Finding::warning(
                insats.id.span(),
                Problem::NoFocusArea {
                    insats: insats.id.get_ref().clone(),
                },
            ));
        }
    }
}

/// Amounts still to be filled in: a total, area, earmark, insats, heading or stated figure of
/// 0 kr, which a real plan never has and `allocate init` writes for every amount of the new
/// year. (A 0 inside a split, for a kommun that gets nothing, is allowed; `each` is not.)
fn amounts_are_filled_in(plan: &Plan, findings: &mut Vec<Finding>) {
    let mut places: Vec<(&Spanned<Amount>, ToFill)> =
        vec![(&plan.plan.county_total, ToFill::CountyTotal)];
    if plan.plan.county_total.get_ref().0.is_zero()
        && let Some(change) = &plan.plan.stated_change
    {
        places.push((change, ToFill::StatedChange));
    }
    if let Some(agreement) = &plan.agreement {
        places.push((&agreement.national_total, ToFill::NationalTotal));
        for part in &agreement.split {
            places.push((&part.amount, ToFill::AgreementPart(part.recipient.clone())));
        }
    }
    for area in &plan.areas {
        places.push((&area.amount, ToFill::Area(*area.number.get_ref())));
        for earmark in &area.earmarks {
            places.push((
                &earmark.amount,
                ToFill::Earmark(earmark.id.get_ref().clone()),
            ));
        }
    }
    for insats in &plan.insatser {
        let id = insats.id.get_ref();
        places.push((&insats.amount, ToFill::Insats(id.clone())));
        if let Some(each) = insats
            .split
            .as_ref()
            .and_then(|s| s.get_ref().each.as_ref())
        {
            places.push((each, ToFill::SplitEach(id.clone())));
        }
    }
    for heading in &plan.headings {
        if let Some(stated) = &heading.stated {
            places.push((stated, ToFill::Heading(heading.title.clone())));
        }
    }
    for stated in &plan.stated {
        places.push((&stated.amount, ToFill::Stated(stated.label.clone())));
    }
    for (amount, place) in places {
        if amount.get_ref().0.is_zero() {
            findings.push(Finding::error(
                amount.span(),
                Problem::AmountToFill { place },
            ));
        }
    }
}
