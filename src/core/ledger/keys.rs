//! Allocation keys: each key's weight per kommun, from the plan (`values`), from an SCB file
//! (`file`, read by `input`), or as percentages derived from a population key (`from`). A key
//! is usable only when nothing is wrong with it; otherwise every problem is reported and the
//! splits by it are left unresolved with that report.

use std::collections::HashMap;
use std::ops::Range;

use rust_decimal::Decimal;

use crate::core::finding::{Findings, Gap, KeyReason, Problem, Related, Reported, Thing};
use crate::core::ledger::names::{Names, unknown};
use crate::core::plan::{Key, KeyKind, Plan};
use crate::core::population::{KeyFile, Mismatch, ScbError, region_label};
use crate::core::split;

/// What `input` read for each key's `file`, in the order of `plan.keys` (`None`: no file).
pub type KeyFiles = [Option<Result<KeyFile, ScbError>>];

/// A key, resolved.
#[derive(Clone, Debug)]
pub struct KeyWeights {
    /// One weight per kommun, in the plan's kommun order.
    pub weights: Result<Vec<Decimal>, Reported>,
    /// For percentages derived with `from`: the population key they come from.
    pub source: Option<usize>,
    /// For a key read from a file: the year of the column read, when its header names one.
    pub file_year: Option<i32>,
}

pub fn resolve(
    plan: &Plan,
    names: &Names,
    files: &KeyFiles,
    findings: &mut Findings,
) -> Vec<KeyWeights> {
    let mut keys: Vec<KeyWeights> = plan
        .keys
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let file = files.get(i).and_then(Option::as_ref);
            resolve_one(plan, names, key, file, findings)
        })
        .collect();
    // Derived keys after the others, since they take their counts from another key.
    for (i, key) in plan.keys.iter().enumerate() {
        let Some(from) = &key.from else { continue };
        let derived = derive(plan, names, &keys, key, from, findings);
        if let Some(k) = keys.get_mut(i) {
            k.source = derived.source;
            if k.weights.is_ok() {
                k.weights = derived.weights;
            }
        }
    }
    keys
}

/// Every check of one key that does not depend on another key; its weights unless `from`.
fn resolve_one(
    plan: &Plan,
    names: &Names,
    key: &Key,
    file: Option<&Result<KeyFile, ScbError>>,
    findings: &mut Findings,
) -> KeyWeights {
    let id = key.id.get_ref().clone();
    let mut failed: Option<Reported> = None;
    let mut fail = |r: Reported| {
        failed.get_or_insert(r);
    };
    let definition = |span: Range<usize>, reason| {
        (
            span,
            Problem::KeyDefinition {
                key: id.clone(),
                reason,
            },
        )
    };

    // Exactly one source of values.
    let mut given: Vec<(&'static str, Range<usize>)> = Vec::new();
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
        [] => {
            let (span, problem) = definition(key.id.span(), KeyReason::NoValues);
            fail(findings.error(span, problem));
        }
        [_] => {}
        [_, second, ..] => {
            let names = given.iter().map(|(n, _)| *n).collect();
            let (span, problem) = definition(second.1.clone(), KeyReason::SeveralSources(names));
            fail(findings.error(span, problem));
        }
    }
    if let (Some(column), None) = (&key.column, &key.file) {
        let (span, problem) = definition(column.span(), KeyReason::ColumnWithoutFile);
        fail(findings.error(span, problem));
    }
    if let Some(file) = &key.file
        && *key.kind.get_ref() != KeyKind::Population
    {
        let (span, problem) = definition(file.span(), KeyReason::FileNeedsPopulation);
        fail(findings.error(span, problem));
    }
    if let Some(from) = &key.from
        && *key.kind.get_ref() != KeyKind::Percent
    {
        let (span, problem) = definition(from.span(), KeyReason::FromNeedsPercent);
        fail(findings.error(span, problem));
    }
    if *key.kind.get_ref() == KeyKind::Percent {
        match &key.precision {
            None => {
                let decimals = (key.inline_values())
                    .and_then(|values| values.values().map(|v| v.get_ref().0.scale()).max());
                fail(findings.error(
                    key.kind.span(),
                    Problem::KeyPrecisionMissing {
                        key: id.clone(),
                        decimals,
                    },
                ))
            }
            // Written values too (tester s37: `precision = 11` over written values passed).
            Some(p) if *p.get_ref() > split::MAX_PRECISION => {
                let (span, problem) =
                    definition(p.span(), KeyReason::PrecisionTooHigh(*p.get_ref()));
                fail(findings.error(span, problem));
            }
            Some(_) => {}
        }
    }

    let mut weights: Option<Vec<Decimal>> = None;
    let mut file_year = None;
    if key.values.is_some() {
        weights = inline_weights(plan, names, key, findings)
            .map_err(&mut fail)
            .ok();
    }
    if let (Some(file_span), Some(read)) = (&key.file, file) {
        match read {
            Err(error) => fail(findings.error(
                file_span.span(),
                Problem::KeyFile {
                    key: id.clone(),
                    error: error.clone(),
                },
            )),
            Ok(data) => {
                file_year = data.year;
                let kommuner: Vec<(&str, &str)> = plan
                    .kommuner
                    .iter()
                    .map(|k| (k.code.get_ref().as_str(), k.name.get_ref().as_str()))
                    .collect();
                // A file for all of Sweden serves a län's plan: its other län are passed over.
                let county =
                    crate::core::counties::named(plan.plan.county.get_ref()).map(|c| c.code);
                for mismatch in data.compare(&kommuner, county) {
                    // A count of 0 gives a kommun nothing: as an error when written in the
                    // plan, so also from a file.
                    let problem = match &mismatch {
                        Mismatch::Zero { line, code, name } => Problem::PopulationNotPositive {
                            key: id.clone(),
                            kommun: region_label(code.as_deref(), name),
                            value: Decimal::ZERO,
                            thousands: false,
                            file: Some((data.path.clone(), *line)),
                        },
                        // A county or "Summa" row that differs from the kommun rows under it.
                        Mismatch::Total {
                            line,
                            label,
                            stated,
                            computed,
                        } => Problem::KeyFileTotal {
                            key: id.clone(),
                            path: data.path.clone(),
                            line: *line,
                            label: label.clone(),
                            stated: *stated,
                            computed: *computed,
                        },
                        _ => Problem::KeyFileCoverage {
                            key: id.clone(),
                            path: data.path.clone(),
                            column: data.column.clone(),
                            mismatch,
                        },
                    };
                    fail(findings.error(file_span.span(), problem));
                }
                weights = data.weights(&kommuner);
            }
        }
    }
    let weights = match (failed, weights) {
        (Some(reported), _) => Err(reported),
        (None, Some(w)) => Ok(w),
        // A `from` key gets its weights in `derive`; with no source at all a problem is
        // reported above.
        (None, None) => Ok(Vec::new()),
    };
    KeyWeights {
        weights,
        source: None,
        file_year,
    }
}

/// The weights written under `values`: every kommun exactly once, percentages at their
/// precision, not below zero and summing to exactly 100, counts positive and whole.
fn inline_weights(
    plan: &Plan,
    names: &Names,
    key: &Key,
    findings: &mut Findings,
) -> Result<Vec<Decimal>, Reported> {
    let Some(values) = &key.values else {
        return Ok(Vec::new());
    };
    let id = key.id.get_ref();
    let mut failed: Option<Reported> = None;
    let mut weights: Vec<Option<Decimal>> = vec![None; plan.kommuner.len()];
    let mut first: HashMap<usize, Range<usize>> = HashMap::new();
    // In file order, so that the second mention is the one reported.
    let mut entries: Vec<_> = values.get_ref().iter().collect();
    entries.sort_by_key(|(name, _)| name.span().start);
    let kommun_name = |k: usize| {
        plan.kommuner
            .get(k)
            .map_or_else(String::new, |x| x.name.get_ref().clone())
    };
    // A kommun missing or given twice, by code and name: two kommuner may share a name
    // (tester s33 B5), and the value's line may name it either way.
    let kommun_named = |k: usize| {
        plan.kommuner.get(k).map_or_else(String::new, |x| {
            format!("{} {}", x.code.get_ref(), x.name.get_ref())
        })
    };
    let precision = key.precision.as_ref().map(|p| *p.get_ref());
    let mut sum = Some(Decimal::ZERO);
    // Values under a name that is no kommun of the plan (reported there): most likely a
    // kommun written another way, so the kommuner they leave without a value are not told
    // again, and their percentages still count in the sum.
    let mut unnamed = 0;
    for (name, value) in entries {
        let v = value.get_ref().0;
        let k = match names.kommun_ref(plan, name, findings) {
            Ok(k) => k,
            Err(reported) => {
                failed.get_or_insert(reported);
                unnamed += 1;
                sum = sum.and_then(|s| s.checked_add(v));
                continue;
            }
        };
        if let Some(first_span) = first.get(&k) {
            failed.get_or_insert(findings.error_with(
                name.span(),
                Problem::KeyCoverage {
                    key: id.clone(),
                    kommun: kommun_named(k),
                    gap: Gap::Repeated,
                },
                (first_span.clone(), Related::FirstListedHere),
            ));
            continue;
        }
        first.insert(k, name.span());
        match key.kind.get_ref() {
            KeyKind::Percent => {
                sum = sum.and_then(|s| s.checked_add(v));
                if v.is_sign_negative() && !v.is_zero() {
                    failed.get_or_insert(findings.error(
                        value.span(),
                        Problem::PercentNegative {
                            key: id.clone(),
                            kommun: kommun_name(k),
                            value: v,
                        },
                    ));
                }
                if let Some(p) = precision
                    && v.normalize().scale() > p
                {
                    failed.get_or_insert(findings.error(
                        value.span(),
                        Problem::PercentPrecision {
                            key: id.clone(),
                            value: v,
                            precision: p,
                        },
                    ));
                }
            }
            KeyKind::Population => {
                // `"5,150"`, `"5.000"`: a point or comma before exactly three digits is read
                // as a decimal sign (5,15; 5), but in a count it is far more likely a
                // thousands separator, so it is refused even when the value is whole.
                let thousands = v.scale() == 3;
                if v <= Decimal::ZERO || !v.fract().is_zero() || thousands {
                    failed.get_or_insert(findings.error(
                        value.span(),
                        Problem::PopulationNotPositive {
                            key: id.clone(),
                            kommun: kommun_name(k),
                            value: v,
                            thousands,
                            file: None,
                        },
                    ));
                }
            }
        }
        if let Some(w) = weights.get_mut(k) {
            *w = Some(v);
        }
    }
    let missing = weights.iter().filter(|w| w.is_none()).count();
    for (k, w) in weights.iter().enumerate() {
        if w.is_none() && missing > unnamed {
            failed.get_or_insert(findings.error(
                values.span(),
                Problem::KeyCoverage {
                    key: id.clone(),
                    kommun: kommun_named(k),
                    gap: Gap::Missing,
                },
            ));
        }
    }
    if *key.kind.get_ref() == KeyKind::Percent && sum != Some(Decimal::ONE_HUNDRED) {
        failed.get_or_insert(findings.error(
            values.span(),
            Problem::PercentSum {
                key: id.clone(),
                computed: sum,
            },
        ));
    }
    match failed {
        Some(reported) => Err(reported),
        None => Ok(weights.into_iter().flatten().collect()),
    }
}

/// A percent key derived from a population key: the counts as percentages at the key's
/// precision, by largest remainder so that they sum to exactly 100.
fn derive(
    plan: &Plan,
    names: &Names,
    keys: &[KeyWeights],
    key: &Key,
    from: &crate::core::plan::Spanned<String>,
    findings: &mut Findings,
) -> KeyWeights {
    let failed = |weights| KeyWeights {
        weights,
        source: None,
        file_year: None,
    };
    let Some(&source) = names.keys.get(from.get_ref()) else {
        return failed(Err(unknown(
            findings,
            Thing::Key,
            from,
            plan.keys.iter().map(|k| k.id.get_ref().as_str()),
        )));
    };
    let is_population = plan
        .keys
        .get(source)
        .is_some_and(|s| *s.kind.get_ref() == KeyKind::Population && s.from.is_none());
    if !is_population {
        return failed(Err(findings.error(
            from.span(),
            Problem::KeyDefinition {
                key: key.id.get_ref().clone(),
                reason: KeyReason::FromNotPopulation(from.get_ref().clone()),
            },
        )));
    }
    let counts = match keys.get(source).map(|k| &k.weights) {
        Some(Ok(counts)) => counts,
        Some(Err(reported)) => {
            return KeyWeights {
                weights: Err(*reported),
                source: Some(source),
                file_year: None,
            };
        }
        None => return failed(Ok(Vec::new())),
    };
    let Some(precision) = key
        .precision
        .as_ref()
        .map(|p| *p.get_ref())
        .filter(|&p| p <= split::MAX_PRECISION)
    else {
        // Reported as key-precision, or at `precision` as too high.
        return KeyWeights {
            weights: Ok(Vec::new()),
            source: Some(source),
            file_year: None,
        };
    };
    let codes: Vec<&str> = plan
        .kommuner
        .iter()
        .map(|k| k.code.get_ref().as_str())
        .collect();
    let weights = match split::percentages(counts, &codes, precision) {
        Ok(parts) => Ok(parts.into_iter().map(|p| p.amount.0).collect()),
        // Counts that pass their own checks are positive; too large is the remaining case.
        Err(_) => Err(findings.error(
            from.span(),
            Problem::KeyDefinition {
                key: key.id.get_ref().clone(),
                reason: KeyReason::PrecisionTooHigh(precision),
            },
        )),
    };
    KeyWeights {
        weights,
        source: Some(source),
        file_year: None,
    }
}
