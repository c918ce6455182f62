//! The rules over a resolved ledger: one function per code, each reporting every problem it
//! finds. The registry (`registry.rs`) lists them; `check` runs them in its order.

use std::collections::HashSet;

use crate::core::finding::{
    CostFigure, Deadline, Findings, FirstIds, Problem, TableFigure, ToFill,
};
use crate::core::ledger::{Ledger, Recipient};
use crate::core::money::Amount;
use crate::core::plan::{Date, Spanned};
use crate::core::split;

/// A printed figure of 0 kr is one still to be filled in: `amount-to-fill` reports it, once,
/// and the comparisons leave it alone rather than report the same figure a second time.
fn to_fill(stated: Amount) -> bool {
    stated.0.is_zero()
}

/// Whether a sum's parts are still being filled in (one of them is 0, which `amount-to-fill`
/// reports): the sum is then compared once they are, rather than reported against the figure
/// just typed in with the hint to change it (tester s36: a plan started with `init`, its
/// areas filled in and its insatser not yet, got `area-total` at each area).
fn parts_to_fill(mut parts: impl Iterator<Item = Amount>) -> bool {
    parts.any(to_fill)
}

/// The areas sum to the county total.
pub fn areas_sum_to_county_total(ledger: &Ledger, findings: &mut Findings) {
    let plan = ledger.plan;
    let computed: Amount = plan.areas.iter().map(|a| *a.amount.get_ref()).sum();
    let stated = *plan.plan.county_total.get_ref();
    let filling = parts_to_fill(plan.areas.iter().map(|a| *a.amount.get_ref()));
    if computed != stated && !to_fill(stated) && !filling {
        findings.error(
            plan.plan.county_total.span(),
            Problem::CountyTotal { stated, computed },
        );
    }
}

/// The insatser of an area sum to the area's amount.
pub fn insatser_sum_to_area_amount(ledger: &Ledger, findings: &mut Findings) {
    let plan = ledger.plan;
    let mut sums = vec![Amount::ZERO; plan.areas.len()];
    let mut filling = vec![false; plan.areas.len()];
    for (insats, entry) in plan.insatser.iter().zip(&ledger.insatser) {
        if let Some(sum) = entry.area.and_then(|a| sums.get_mut(a)) {
            *sum += *insats.amount.get_ref();
        }
        if let Some(f) = entry.area.and_then(|a| filling.get_mut(a)) {
            *f |= to_fill(*insats.amount.get_ref());
        }
    }
    for (a, (area, computed)) in plan.areas.iter().zip(sums).enumerate() {
        // An area whose number is taken by an earlier one is reported as a duplicate.
        if ledger.names.areas.get(area.number.get_ref()) != Some(&a) {
            continue;
        }
        let stated = *area.amount.get_ref();
        if computed != stated && !to_fill(stated) && filling.get(a) != Some(&true) {
            findings.error(
                area.amount.span(),
                Problem::AreaTotal {
                    area: *area.number.get_ref(),
                    stated,
                    computed,
                },
            );
        }
    }
}

/// The whole ledger, every insats after its split, sums to the county total. (An insats that
/// could not be split counts with its amount; an error already says why it has no lines.)
pub fn ledger_sums_to_county_total(ledger: &Ledger, findings: &mut Findings) {
    let plan = ledger.plan;
    let computed: Amount = plan
        .insatser
        .iter()
        .enumerate()
        .map(|(i, insats)| match ledger.insatser.get(i) {
            Some(entry) if entry.lines.is_ok() => entry.total,
            _ => *insats.amount.get_ref(),
        })
        .sum();
    let stated = *plan.plan.county_total.get_ref();
    let filling = parts_to_fill(plan.insatser.iter().map(|i| *i.amount.get_ref()));
    if computed != stated && !to_fill(stated) && !filling {
        findings.error(
            plan.plan.county_total.span(),
            Problem::InsatserTotal { stated, computed },
        );
    }
}

/// The national split sums to the national total.
pub fn national_split_sums_to_total(ledger: &Ledger, findings: &mut Findings) {
    let Some(agreement) = &ledger.plan.agreement else {
        return;
    };
    if agreement.split.is_empty() {
        return;
    }
    let computed: Amount = agreement.split.iter().map(|p| *p.amount.get_ref()).sum();
    let stated = *agreement.national_total.get_ref();
    let filling = parts_to_fill(agreement.split.iter().map(|p| *p.amount.get_ref()));
    if computed != stated && !to_fill(stated) && !filling {
        findings.error(
            agreement.national_total.span(),
            Problem::NationalSplit { stated, computed },
        );
    }
}

/// The printed change against last year equals this year's total minus last year's.
pub fn stated_change_matches_totals(ledger: &Ledger, findings: &mut Findings) {
    let meta = &ledger.plan.plan;
    let (Some(change), Some(previous)) = (&meta.stated_change, &meta.previous_county_total) else {
        return;
    };
    // Until the county total is filled in there is no change to compare with.
    if meta.county_total.get_ref().0.is_zero() {
        return;
    }
    let computed = *meta.county_total.get_ref() - *previous.get_ref();
    if computed != *change.get_ref() {
        findings.error(
            change.span(),
            Problem::StatedChange {
                stated: *change.get_ref(),
                computed,
                previous: *previous.get_ref(),
            },
        );
    }
}

/// (Warning) a printed change from last year (`stated_change`) has a previous total to be
/// checked against: without `previous_county_total` it would be printed in the decision
/// document unchecked. Until the county total is filled in, `amount-to-fill` says enough.
pub fn stated_change_is_checkable(ledger: &Ledger, findings: &mut Findings) {
    let meta = &ledger.plan.plan;
    let (Some(change), None) = (&meta.stated_change, &meta.previous_county_total) else {
        return;
    };
    let total = *meta.county_total.get_ref();
    if total.0.is_zero() {
        return;
    }
    findings.warning(
        change.span(),
        Problem::StatedChangeUnchecked {
            stated: *change.get_ref(),
            previous: total - *change.get_ref(),
        },
    );
}

/// (Warning) insatser tagged to an earmark sum to it. Earmarks are the state's indicative
/// split, so a difference is worth a look but not an error.
pub fn earmarks_match_tagged_insatser(ledger: &Ledger, findings: &mut Findings) {
    let plan = ledger.plan;
    // Per area and earmark: the tagged amounts (`None`: no insats is tagged), and whether one
    // of them is still to be filled in.
    let mut sums: Vec<Vec<Option<(Amount, bool)>>> = plan
        .areas
        .iter()
        .map(|a| vec![None; a.earmarks.len()])
        .collect();
    for (insats, entry) in plan.insatser.iter().zip(&ledger.insatser) {
        if let (Some(a), Some(e)) = (entry.area, entry.earmark)
            && let Some(sum) = sums.get_mut(a).and_then(|s| s.get_mut(e))
        {
            let amount = *insats.amount.get_ref();
            let (total, filling) = sum.unwrap_or_default();
            *sum = Some((total + amount, filling || to_fill(amount)));
        }
    }
    for (area, area_sums) in plan.areas.iter().zip(sums) {
        for (earmark, sum) in area.earmarks.iter().zip(area_sums) {
            let Some((computed, false)) = sum else {
                continue;
            };
            let stated = *earmark.amount.get_ref();
            if computed != stated && !to_fill(stated) {
                findings.warning(
                    earmark.amount.span(),
                    Problem::EarmarkTotal {
                        earmark: earmark.id.get_ref().clone(),
                        stated,
                        computed,
                    },
                );
            }
        }
    }
}

/// An area's earmarks (*varav*) are parts of it: together at most the area's amount.
pub fn earmarks_fit_in_their_area(ledger: &Ledger, findings: &mut Findings) {
    for area in &ledger.plan.areas {
        let stated = *area.amount.get_ref();
        let computed: Amount = area.earmarks.iter().map(|e| *e.amount.get_ref()).sum();
        if computed > stated && !to_fill(stated) {
            findings.error(
                area.amount.span(),
                Problem::EarmarksOverArea {
                    area: *area.number.get_ref(),
                    stated,
                    computed,
                },
            );
        }
    }
}

/// (Warning) a key's figures are at most two years older than the plan year. The year is its
/// file column's, or else the key's `date`. A `date` of another year than the file column's is
/// warned about too: the date would hide the file's older figures (or claim older ones).
pub fn keys_are_recent(ledger: &Ledger, findings: &mut Findings) {
    let plan = ledger.plan;
    let plan_year = *plan.plan.year.get_ref();
    for (i, key) in plan.keys.iter().enumerate() {
        let from_date = key.date.as_ref().map(|d| (d.get_ref().year, d.span()));
        let from_file = ledger.key_file_year(i).and_then(|year| {
            let span = key.column.as_ref().or(key.file.as_ref())?.span();
            Some((year, span))
        });
        if let (Some((date_year, span)), Some((file_year, _))) = (&from_date, &from_file)
            && date_year != file_year
        {
            findings.warning(
                span.clone(),
                Problem::KeyDateNotFile {
                    key: key.id.get_ref().clone(),
                    date_year: *date_year,
                    file_year: *file_year,
                },
            );
        }
        // The figures' own year: the file's where it says one.
        let Some((year, span)) = from_file.or(from_date) else {
            continue;
        };
        if year < plan_year.saturating_sub(2) {
            findings.warning(
                span,
                Problem::KeyDate {
                    key: key.id.get_ref().clone(),
                    year,
                    plan_year,
                },
            );
        }
    }
}

/// (Warning) a key written in the plan (`values`, no `date`) whose `source` names an earlier
/// year than the plan's: last year's percentages, carried over by `allocate init`. The year is
/// the latest four-digit year in the source text; a source without one is not judged.
pub fn key_sources_are_this_years(ledger: &Ledger, findings: &mut Findings) {
    let plan = ledger.plan;
    let plan_year = *plan.plan.year.get_ref();
    for key in &plan.keys {
        let (Some(source), Some(_), None) = (&key.source, &key.values, &key.date) else {
            continue;
        };
        let Some(year) = latest_year(source) else {
            continue;
        };
        if year < plan_year {
            findings.warning(
                key.id.span(),
                Problem::KeySource {
                    key: key.id.get_ref().clone(),
                    source: source.clone(),
                    year,
                    plan_year,
                },
            );
        }
    }
}

/// The latest year (1900–2999, four digits standing alone) in a text.
fn latest_year(text: &str) -> Option<i32> {
    crate::core::text::years(text, 1900..=2999).max()
}

/// (Warning) a plan that names its deciding forum names the day it decided: every invoice
/// cites the decision.
pub fn decision_date_is_given(ledger: &Ledger, findings: &mut Findings) {
    let meta = &ledger.plan.plan;
    if let (Some(forum), None) = (&meta.forum, &meta.decision_date) {
        findings.warning(
            forum.span(),
            Problem::DecisionDateMissing {
                forum: forum.get_ref().clone(),
            },
        );
    }
}

/// (Error) a revised plan replaces a decision made before its own: `replaces` is before
/// `decision_date` (a plan that gives the same date twice, or the two swapped, would tell the
/// recipients that the decision replaces itself, or a later one).
pub fn replaces_an_earlier_decision(ledger: &Ledger, findings: &mut Findings) {
    let meta = &ledger.plan.plan;
    let Some(replaces) = &meta.replaces else {
        return;
    };
    // A revision is itself decided: its letters cite the new decision's date (reviewer s43).
    let decided = meta.decision_date.as_ref().map(|d| *d.get_ref());
    if decided.is_none_or(|decided| *replaces.get_ref() >= decided) {
        findings.error(
            replaces.span(),
            Problem::ReplacesNotBefore {
                replaces: *replaces.get_ref(),
                decided,
            },
        );
    }
}

/// (Warning) a contact's `email` that does not read as an address (one `@`, a point after it,
/// no spaces): the decision basis and every letter give it to their readers, who could not
/// write to it. A warning, since the money is not touched and a plan still goes to the forum.
pub fn contact_emails_are_addresses(ledger: &Ledger, findings: &mut Findings) {
    for contact in &ledger.plan.contacts {
        if let Some(email) = &contact.email
            && !crate::core::plan::reads_as_email(email.get_ref())
        {
            findings.warning(
                email.span(),
                Problem::ContactEmail {
                    name: contact.name.clone(),
                    email: email.get_ref().clone(),
                },
            );
        }
    }
}

/// (Warning) an invoicing deadline (`invoice_by`) and no condition of the decision about money
/// not invoiced by then: the decision basis says that money is repaid, and the follow-up keeps
/// it out of the repayment to Kammarkollegiet as the decision's conditions decide, so a
/// condition must say what it goes to (tester s42: two documents that disagreed).
pub fn invoice_by_has_its_condition(ledger: &Ledger, findings: &mut Findings) {
    let meta = &ledger.plan.plan;
    let by = ledger
        .plan
        .deadlines
        .as_ref()
        .and_then(|d| d.invoice_by.as_ref());
    if let Some(by) = by
        && !meta.conditions_speak_of_invoicing()
    {
        findings.warning(
            by.span(),
            Problem::InvoiceByWithoutCondition {
                invoice_by: *by.get_ref(),
            },
        );
    }
}

/// (Warning) a split by percentages derived from population counts (`from`) where rounding
/// the percentages moves some kommun's amount by more than one unit compared with splitting by
/// the counts themselves. Only derived keys are measured: for percentages written in the plan
/// the counts behind them are not known.
pub fn derived_percentages_keep_the_counts(ledger: &Ledger, findings: &mut Findings) {
    let plan = ledger.plan;
    let codes: Vec<&str> = plan
        .kommuner
        .iter()
        .map(|k| k.code.get_ref().as_str())
        .collect();
    for (i, insats) in plan.insatser.iter().enumerate() {
        let Some(split) = &insats.split else { continue };
        let spec = split.get_ref();
        let Some(key_id) = &spec.key else { continue };
        let Some(&key) = ledger.names.keys.get(key_id.get_ref()) else {
            continue;
        };
        let Some(resolved) = ledger.keys.get(key) else {
            continue;
        };
        let (Some(source), Some(precision), Ok(percent)) = (
            resolved.source,
            plan.keys.get(key).and_then(|k| k.precision.as_ref()),
            &resolved.weights,
        ) else {
            continue;
        };
        let Some(Ok(counts)) = ledger.keys.get(source).map(|k| &k.weights) else {
            continue;
        };
        // What the key split, as the ledger split it: the whole amount, or what the fixed
        // parts left (each `except` resolved as for the lines).
        let Some(keyed) = ledger.insatser.get(i).and_then(|e| e.keyed) else {
            continue;
        };
        let unit = spec.unit.as_ref().map_or(ledger.unit, |u| *u.get_ref());
        let (Ok(by_percent), Ok(by_counts)) = (
            split::largest_remainder_amounts(keyed, percent, &codes, unit),
            split::largest_remainder_amounts(keyed, counts, &codes, unit),
        ) else {
            continue;
        };
        let worst = by_percent
            .iter()
            .zip(&by_counts)
            .enumerate()
            .max_by_key(|(_, (p, c))| (**p - **c).abs());
        if let Some((k, (p, c))) = worst
            && (*p - *c).abs() > unit
        {
            findings.warning(
                key_id.span(),
                Problem::KeyRounding {
                    insats: insats.id.get_ref().clone(),
                    key: key_id.get_ref().clone(),
                    precision: *precision.get_ref(),
                    kommun: ledger
                        .recipient_name(Recipient::Kommun(crate::core::ledger::index(k)))
                        .to_string(),
                    by_percent: *p,
                    by_counts: *c,
                    unit,
                },
            );
        }
    }
}

/// Every `[[stated]]` figure equals what it covers, and every heading's printed total equals
/// its insatser and those of its sub-headings.
pub fn stated_totals_match(ledger: &Ledger, findings: &mut Findings) {
    let plan = ledger.plan;
    for (stated, selection) in plan.stated.iter().zip(&ledger.stated) {
        let Some(computed) = selection.as_ref().and_then(|s| ledger.sum(s)) else {
            continue;
        };
        if computed != *stated.amount.get_ref() && !to_fill(*stated.amount.get_ref()) {
            findings.error(
                stated.amount.span(),
                Problem::StatedTotal {
                    label: stated.label.clone(),
                    stated: *stated.amount.get_ref(),
                    computed,
                },
            );
        }
    }
    // Headings whose links had to be cut (reported) have no totals worth comparing.
    if ledger.headings.broken {
        return;
    }
    let totals = ledger.heading_totals(|i| {
        plan.insatser
            .get(i)
            .map_or(Amount::ZERO, |x| *x.amount.get_ref())
    });
    for (heading, computed) in plan.headings.iter().zip(totals) {
        let Some(stated) = &heading.stated else {
            continue;
        };
        if computed != *stated.get_ref() && !to_fill(*stated.get_ref()) {
            findings.error(
                stated.span(),
                Problem::StatedTotal {
                    label: heading.title.clone(),
                    stated: *stated.get_ref(),
                    computed,
                },
            );
        }
    }
}

fn deadlines<'p>(ledger: &Ledger<'p>) -> Vec<(Deadline, &'p Spanned<Date>, i32)> {
    let plan = ledger.plan;
    let Some(d) = &plan.deadlines else {
        return Vec::new();
    };
    let year = *plan.plan.year.get_ref();
    [
        (Deadline::Requisition, &d.requisition, year),
        (Deadline::UseReported, &d.use_reported, year),
        (
            Deadline::UnusedRepaid,
            &d.unused_repaid,
            year.saturating_add(1),
        ),
        (Deadline::InvoiceBy, &d.invoice_by, year),
    ]
    .into_iter()
    .filter_map(|(name, date, expected)| date.as_ref().map(|d| (name, d, expected)))
    .collect()
}

/// (Warning) a `county` that reads as a län's name (`Norrlands län`, `Region Norr`) or is one
/// letter off one (`Västernorlands län`) names one of the 21: else the plan is taken for a
/// national one, and a kommun of another län is not found (tester s40).
pub fn county_names_a_lan(ledger: &Ledger, findings: &mut Findings) {
    let county = &ledger.plan.plan.county;
    let written = county.get_ref();
    if crate::core::counties::named(written).is_some() {
        return;
    }
    let near = crate::core::counties::near(written);
    if near.is_some() || crate::core::counties::reads_as_county(written) {
        findings.warning(
            county.span(),
            Problem::CountyNamesNone {
                written: written.clone(),
                near,
            },
        );
    }
}

/// Each kommun lies in the plan's län (when its `county` names one), and in a län at all: a
/// kommun of another län would be paid this län's money.
pub fn kommuner_lie_in_the_county(ledger: &Ledger, findings: &mut Findings) {
    let plan = ledger.plan;
    let county = crate::core::counties::named(plan.plan.county.get_ref());
    for kommun in &plan.kommuner {
        let code = kommun.code.get_ref();
        let name = kommun.label();
        let spelt = crate::core::counties::county_in_four_digits(code)
            .and_then(crate::core::counties::of_kommun);
        if let Some(county) = spelt {
            findings.error(
                kommun.code.span(),
                Problem::KommunCodeOfCounty {
                    kommun: name,
                    county,
                },
            );
            continue;
        }
        match crate::core::counties::of_kommun(code) {
            None => {
                findings.error(
                    kommun.code.span(),
                    Problem::KommunInNoCounty {
                        kommun: name,
                        prefix: code.get(..2).unwrap_or(code).to_string(),
                    },
                );
            }
            Some(its) => {
                if let Some(county) = county.filter(|c| *c != its) {
                    findings.error(
                        kommun.code.span(),
                        Problem::KommunOutsideCounty {
                            kommun: name,
                            its,
                            county,
                        },
                    );
                }
            }
        }
    }
}

/// (Warning) each kommun's name and kommunkod are one kommun's as SCB has them: a name SCB gives another
/// code (`Skellefteå` with `2484`, which is no kommun; Norsjö and Malå with each other's), or
/// a name a letter or two off the one SCB gives the code (`Sundsval` with `2281`), would put
/// the wrong code on invoices and letters, or the misspelt name in every document (tester
/// s41). A name far from any kommun's (`K1`, a test's) is left alone.
pub fn kommuner_are_scbs(ledger: &Ledger, findings: &mut Findings) {
    use crate::core::ledger::names::{near_kommun_name, scb_kommun};
    let county = crate::core::counties::named(ledger.plan.plan.county.get_ref());
    let in_county = |code: &str| county.is_some_and(|c| code.starts_with(c.code));
    for kommun in &ledger.plan.kommuner {
        let (code, name) = (kommun.code.get_ref(), kommun.name.get_ref());
        let code_is = crate::core::counties::kommun(code);
        let named = scb_kommun(name);
        if named.is_some_and(|(scb_code, _)| scb_code == code) {
            continue;
        }
        // The name is the slip when it is near the code's own kommun's, even when it is
        // another kommun's (`Nora` for 2062 Mora, `Habo` for 0305 Håbo), or when it is a
        // kommun of another län than the code and the plan (`Ånge` for 2321 Åre in
        // Jämtland's): the code stays in its län (reviewer s41).
        let name_slip = |scb_name: &str| {
            near_kommun_name(name, scb_name)
                || named.is_some_and(|(other, _)| in_county(code) && !in_county(other))
        };
        if let Some(scb_name) = code_is.filter(|n| name_slip(n)) {
            findings.warning(
                kommun.name.span(),
                Problem::KommunNameNotScbs {
                    name: name.clone(),
                    code: code.clone(),
                    scb_name,
                },
            );
        } else if let Some((scb_code, _)) = named {
            findings.warning(
                kommun.code.span(),
                Problem::KommunCodeNotScbs {
                    name: name.clone(),
                    code: code.clone(),
                    scb_code,
                    code_is,
                },
            );
        }
    }
}

/// (Warning) a plan for one län lists all its kommuner, as SCB has them: a kommun forgotten
/// under `[[kommuner]]` gets nothing of what is split equally or by a key of `values`, and
/// only a key file would tell (new user s40). A plan that lists none of them (none at all,
/// or another län's, as a plan made from another county's has them until they are
/// replaced) is told them all, to write under `[[kommuner]]` (tester s43). A kommun counts
/// as listed by its code or by its name.
pub fn county_kommuner_are_listed(ledger: &Ledger, findings: &mut Findings) {
    let plan = ledger.plan;
    let Some(county) = crate::core::counties::named(plan.plan.county.get_ref()) else {
        return;
    };
    let of_county = |code: &str| code.starts_with(county.code);
    let codes: std::collections::HashSet<&str> = (plan.kommuner.iter())
        .map(|k| k.code.get_ref().as_str())
        .collect();
    let named: std::collections::HashSet<&str> = (plan.kommuner.iter())
        .filter_map(|k| crate::core::ledger::names::scb_kommun(k.name.get_ref()))
        .map(|(code, _)| code)
        .collect();
    let of_scb: Vec<(&'static str, &'static str)> = (crate::core::counties::kommuner())
        .filter(|(code, _)| of_county(code))
        .collect();
    let missing: Vec<(&'static str, &'static str)> = (of_scb.iter())
        .filter(|(code, _)| !codes.contains(code) && !named.contains(code))
        .copied()
        .collect();
    if !missing.is_empty() {
        findings.warning(
            plan.plan.county.span(),
            Problem::KommunerMissing {
                county,
                count: of_scb.len(),
                missing,
            },
        );
    }
}

/// (Error) the plan's year is a year of four digits: `year = 20266`, a slip of the finger,
/// would be printed on every document.
pub fn plan_year_is_a_year(ledger: &Ledger, findings: &mut Findings) {
    let year = &ledger.plan.plan.year;
    if !crate::core::plan::YEARS.contains(year.get_ref()) {
        findings.error(
            year.span(),
            Problem::PlanYear {
                year: *year.get_ref(),
            },
        );
    }
}

/// (Warning) requisition, invoicing and reporting in the plan year, repayment the year after.
/// Not when the plan year is no year: `plan-year` tells that, and "not in 26" would not help.
pub fn deadlines_in_their_years(ledger: &Ledger, findings: &mut Findings) {
    if !crate::core::plan::YEARS.contains(ledger.plan.plan.year.get_ref()) {
        return;
    }
    for (deadline, date, expected_year) in deadlines(ledger) {
        if date.get_ref().year != expected_year {
            findings.warning(
                date.span(),
                Problem::DeadlineYear {
                    deadline,
                    expected_year,
                    instead: date
                        .get_ref()
                        .years_later(expected_year.saturating_sub(date.get_ref().year)),
                },
            );
        }
    }
}

/// (Warning) requisition, reporting and repayment in that order; invoicing, which may come
/// before or after the requisition and the reporting, not after the repayment.
pub fn deadlines_in_order(ledger: &Ledger, findings: &mut Findings) {
    let present = deadlines(ledger);
    let (invoicing, chain): (Vec<_>, Vec<_>) = present
        .into_iter()
        .partition(|(deadline, ..)| *deadline == Deadline::InvoiceBy);
    let repaid = chain
        .iter()
        .find(|(deadline, ..)| *deadline == Deadline::UnusedRepaid);
    let pairs = chain.windows(2).filter_map(|pair| match pair {
        [a, b] => Some((*a, *b)),
        _ => None,
    });
    let invoicing = invoicing
        .into_iter()
        .filter_map(|a| repaid.map(|b| (a, *b)));
    // Told at the date out of place: the later of the chain, or the invoicing date.
    for ((earlier, a, _), (later, b, _)) in pairs.chain(invoicing) {
        if b.get_ref() < a.get_ref() {
            let at = if earlier == Deadline::InvoiceBy { a } else { b };
            findings.warning(at.span(), Problem::DeadlineOrder { earlier, later });
        }
    }
}

/// (Warning) every actor is responsible for an insats, itself or through a unit under it.
pub fn actors_are_used(ledger: &Ledger, findings: &mut Findings) {
    let plan = ledger.plan;
    let forest = &ledger.actors.forest;
    let mut used = vec![false; forest.parent.len()];
    for entry in &ledger.insatser {
        for &a in &entry.actors {
            if let Some(u) = used.get_mut(a) {
                *u = true;
            }
        }
    }
    // Deepest first: a used unit makes its parent used.
    for node in forest.bottom_up() {
        if used.get(node).copied().unwrap_or(false)
            && let Some(p) = forest.parent.get(node).copied().flatten()
            && let Some(u) = used.get_mut(p)
        {
            *u = true;
        }
    }
    // The ids referred to that name no actor: one may be an unreferenced actor's old id.
    let names = &ledger.names;
    let unreferenced: HashSet<&str> = (names.unreferenced_actors.iter())
        .map(String::as_str)
        .collect();
    let unknown = FirstIds::of(&names.unknown_actors);
    for (actor, is_used) in plan.actors.iter().zip(&used) {
        if !is_used {
            let id = actor.id.get_ref();
            findings.warning(
                actor.id.span(),
                Problem::UnusedActor {
                    actor: id.clone(),
                    unknown: match unreferenced.contains(id.as_str()) {
                        true => unknown.clone(),
                        false => FirstIds::default(),
                    },
                },
            );
        }
    }
}

/// (Warning) when the plan lists the action plan's focus areas, every insats names one.
pub fn insatser_have_focus_areas(ledger: &Ledger, findings: &mut Findings) {
    let plan = ledger.plan;
    if plan.focus_areas.is_empty() {
        return;
    }
    for insats in &plan.insatser {
        if insats
            .focus_areas
            .as_ref()
            .is_none_or(|f| f.get_ref().is_empty())
        {
            findings.warning(
                insats.id.span(),
                Problem::NoFocusArea {
                    insats: insats.id.get_ref().clone(),
                },
            );
        }
    }
}

/// Amounts still to be filled in: a total, area, earmark, insats, heading or stated figure of
/// 0 kr, which a real plan never has and `allocate init` writes for every amount of the new
/// year. (A 0 inside a split, for a kommun that gets nothing, is allowed; `each` is not.)
pub fn amounts_are_filled_in(ledger: &Ledger, findings: &mut Findings) {
    let plan = ledger.plan;
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
    // A printed total's sum, once the insatser it sums are filled in, with their splits'
    // `each` (and the headings' links hold): what the document made from the plan prints.
    // (`init` leaves `except` and `amounts` parts at 0 too: a plan with one is taken as not
    // yet filled in, though such a 0 may be meant.)
    let insats_filled = |i: &crate::core::plan::Insats| {
        let split = i.split.as_ref().map(Spanned::get_ref);
        let each = split.and_then(|s| s.each.as_ref());
        let amounts = split.and_then(|s| s.amounts.as_ref()).map(Spanned::get_ref);
        let parts = (split.into_iter().flat_map(|s| s.except.values()))
            .chain(amounts.into_iter().flat_map(|a| a.values()));
        !to_fill(*i.amount.get_ref())
            && each.is_none_or(|e| !to_fill(*e.get_ref()))
            && parts.into_iter().all(|p| !to_fill(*p.get_ref()))
    };
    let filled = plan.insatser.iter().all(insats_filled);
    let heading_totals = (filled && !ledger.headings.broken).then(|| {
        ledger.heading_totals(|i| {
            plan.insatser
                .get(i)
                .map_or(Amount::ZERO, |x| *x.amount.get_ref())
        })
    });
    let mut totals = Vec::new();
    for (h, heading) in plan.headings.iter().enumerate() {
        if let Some(stated) = &heading.stated {
            let computed = heading_totals.as_ref().and_then(|t| t.get(h).copied());
            totals.push((stated, ToFill::Heading(heading.title.clone()), computed));
        }
    }
    for (stated, selection) in plan.stated.iter().zip(&ledger.stated) {
        let computed = selection.as_ref().filter(|_| filled);
        let computed = computed.and_then(|s| ledger.sum(s));
        totals.push((
            &stated.amount,
            ToFill::Stated(stated.label.clone()),
            computed,
        ));
    }
    let places = (places
        .into_iter()
        .map(|(amount, place)| (amount, place, None)))
    .chain(totals);
    let mut seen = HashSet::new();
    for (amount, place, computed) in places {
        if amount.get_ref().0.is_zero() && seen.insert(amount.span().start) {
            let cells = Vec::new();
            findings.error(
                amount.span(),
                Problem::AmountToFill {
                    place,
                    computed,
                    cells,
                },
            );
        }
    }
    // A printed table or cost-sharing section whose every figure is 0 (as `allocate init`
    // writes it) is to be filled in: each of its figures, a list (`cells`, `column_totals`,
    // `printed`, `party_totals`) as one. A 0 in a table with other figures is an empty cell.
    let mut figures = Vec::new();
    for table in plan.tables.iter().filter(|t| super::tables::unfilled(t)) {
        let id = table.id.get_ref();
        let place = |figure| ToFill::Table {
            table: id.clone(),
            figure,
        };
        if let Some(totals) = &table.column_totals {
            figures.push((totals.span(), place(TableFigure::ColumnTotals), Vec::new()));
        }
        if let Some(total) = &table.total {
            figures.push((total.span(), place(TableFigure::Total), Vec::new()));
        }
        let shaped = super::tables::shaped(ledger, table);
        for row in &table.rows {
            let label = row.label.get_ref();
            // A row of an insats filled in: what the plan gives each column, as for a
            // heading's total (tester s38: a table drafted at 0 was told only to be filled in).
            let row_filled = shaped
                && (row.insats.as_ref())
                    .and_then(|id| plan.insatser.get(*ledger.names.insatser.get(id.get_ref())?))
                    .is_some_and(insats_filled);
            let cells = (row_filled.then(|| super::tables::row_cells(ledger, table, row)))
                .flatten()
                .unwrap_or_default();
            figures.push((
                row.cells.span(),
                place(TableFigure::Cells(label.clone())),
                cells,
            ));
            if let Some(total) = &row.total {
                let place = place(TableFigure::RowTotal(label.clone()));
                figures.push((total.span(), place, Vec::new()));
            }
        }
    }
    for cs in plan
        .cost_sharing
        .iter()
        .filter(|c| super::cost_sharing::unfilled(c))
    {
        let id = cs.id.get_ref();
        let place = |figure| ToFill::CostSharing {
            table: id.clone(),
            figure,
        };
        if let Some(total) = &cs.total {
            figures.push((total.span(), place(CostFigure::Total), Vec::new()));
        }
        if let Some(totals) = &cs.party_totals {
            figures.push((totals.span(), place(CostFigure::PartyTotals), Vec::new()));
        }
        for row in &cs.rows {
            let text = row.text.get_ref();
            let total = place(CostFigure::RowTotal(text.clone()));
            figures.push((row.total.span(), total, Vec::new()));
            if let Some(printed) = &row.printed {
                let printed_place = place(CostFigure::Printed(text.clone()));
                figures.push((printed.span(), printed_place, Vec::new()));
            }
        }
    }
    for (span, place, cells) in figures {
        if seen.insert(span.start) {
            let computed = None;
            let problem = Problem::AmountToFill {
                place,
                computed,
                cells,
            };
            findings.error(span, problem);
        }
    }
}
