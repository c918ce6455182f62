//! Names to the things they name: areas by number; actors, keys, insatser and headings by id;
//! kommuner by kommunkod or by name (case and Unicode form do not matter for names). Every
//! name defined twice is reported, and so is a kommun name that is another kommun's code, and
//! an actor's name, short name or id that is another actor's name or a kommun's.

use std::collections::HashMap;
use std::ops::Range;

use crate::core::finding::{Findings, Meaning, Problem, Related, Reported, Thing};
use crate::core::ledger::{Ledger, Recipient};
use crate::core::plan::{Plan, Spanned};
use crate::core::text::{compose, fold, is_decomposed, suggest};

/// The headers of the tables per kommun's own columns, in Swedish, English and the machine
/// dialect (case aside), beside which each insats's column is headed by its id: the kommun's
/// code and name and the row's total. No insats may have one as its id (`ambiguous-name`);
/// a test of the tables keeps this list and their headers the same.
pub const KOMMUN_TABLE_COLUMNS: [&str; 6] =
    ["Kod", "Code", "Kommunkod", "Kommun", "Totalt", "Total"];

/// A kommun's official Swedish name: a genitive *s* after a name that ends in a consonant
/// other than s, x or z (`Bergs kommun`, `Östersunds kommun`, but `Bräcke kommun`, `Åre
/// kommun`).
pub fn official_kommun_name(name: &str) -> String {
    let last = name
        .chars()
        .last()
        .unwrap_or(' ')
        .to_lowercase()
        .next()
        .unwrap_or(' ');
    if "aeiouyåäö".contains(last) || matches!(last, 's' | 'x' | 'z') {
        format!("{name} kommun")
    } else {
        format!("{name}s kommun")
    }
}

/// One key for a kommun's name however it is written, with or without `kommun` and its
/// genitive: `Berg`, `Bergs kommun` and `Berg kommun` are one kommun, as are `Bräcke` and
/// `Bräcke kommun`, and `Hofors` and `Hofors kommun` (folded, as `fold`). For telling two rows
/// of one kommun from two kommuner where nothing else (a kommunkod, a plan) says which kommun
/// a name is; a name is never matched to a kommun by it.
pub fn kommun_identity(name: &str) -> String {
    let folded = fold(name);
    let stem = match folded.strip_suffix(" kommun") {
        // `Bergs kommun` and `Hofors kommun` alike: the official name is made again below.
        Some(stem) => {
            let stem = stem.trim_end();
            stem.strip_suffix('s').unwrap_or(stem)
        }
        None => folded.as_str(),
    };
    fold(&official_kommun_name(stem))
}

#[derive(Debug, Default)]
pub struct Names {
    pub areas: HashMap<u32, usize>,
    pub actors: HashMap<String, usize>,
    pub kommun_codes: HashMap<String, usize>,
    /// Kommun names, folded (`fold`): lower case, composed Unicode.
    pub kommun_names: HashMap<String, usize>,
    pub keys: HashMap<String, usize>,
    pub insatser: HashMap<String, usize>,
    pub headings: HashMap<String, usize>,
    pub focus_areas: HashMap<u32, usize>,
}

impl Names {
    pub fn build(plan: &Plan, findings: &mut Findings) -> Names {
        let ids = |list: &mut dyn Iterator<Item = &Spanned<String>>| {
            list.map(|s| (s.get_ref().clone(), s.span()))
                .collect::<Vec<_>>()
        };
        let numbers = |list: &mut dyn Iterator<Item = &Spanned<u32>>| {
            list.map(|s| (*s.get_ref(), s.span())).collect::<Vec<_>>()
        };
        let names = Names {
            areas: index(
                numbers(&mut plan.areas.iter().map(|a| &a.number)),
                Thing::Area,
                findings,
            ),
            actors: index(
                ids(&mut plan.actors.iter().map(|a| &a.id)),
                Thing::Actor,
                findings,
            ),
            kommun_codes: index(
                ids(&mut plan.kommuner.iter().map(|k| &k.code)),
                Thing::Kommun,
                findings,
            ),
            kommun_names: index(
                plan.kommuner
                    .iter()
                    .map(|k| (fold(k.name.get_ref()), k.name.span()))
                    .collect(),
                Thing::Kommun,
                findings,
            ),
            keys: index(
                ids(&mut plan.keys.iter().map(|k| &k.id)),
                Thing::Key,
                findings,
            ),
            insatser: index(
                ids(&mut plan.insatser.iter().map(|i| &i.id)),
                Thing::Insats,
                findings,
            ),
            headings: index(
                ids(&mut plan.headings.iter().map(|h| &h.id)),
                Thing::Heading,
                findings,
            ),
            focus_areas: index(
                numbers(&mut plan.focus_areas.iter().map(|f| &f.number)),
                Thing::FocusArea,
                findings,
            ),
        };
        // An area's earmarks are looked up by id within it: the first of two with one id
        // would take the insatser tagged for the second.
        for area in &plan.areas {
            index(
                ids(&mut area.earmarks.iter().map(|e| &e.id)),
                Thing::Earmark,
                findings,
            );
        }
        // A name that is another kommun's code would make that code mean two kommuner.
        for (k, kommun) in plan.kommuner.iter().enumerate() {
            let name = kommun.name.get_ref();
            if let Some(&other) = names.kommun_codes.get(name.trim())
                && other != k
                && let Some(coded) = plan.kommuner.get(other)
            {
                findings.error(
                    kommun.name.span(),
                    Problem::AmbiguousName {
                        name: name.clone(),
                        first: Meaning::KommunCode {
                            code: coded.code.get_ref().clone(),
                            name: coded.name.get_ref().clone(),
                        },
                        second: Meaning::KommunName {
                            code: kommun.code.get_ref().clone(),
                        },
                    },
                );
            }
        }
        // An insats's id heads its column in the tables per kommun (on the screen, in the CSV
        // and the workbook, in the decision basis), beside the tables' own columns: an id that
        // reads as one of them would make two columns of one name.
        for insats in &plan.insatser {
            let id = insats.id.get_ref();
            if let Some(column) =
                (KOMMUN_TABLE_COLUMNS.iter()).find(|c| c.eq_ignore_ascii_case(id.trim()))
            {
                findings.error(
                    insats.id.span(),
                    Problem::AmbiguousName {
                        name: id.clone(),
                        first: Meaning::Insats { id: id.clone() },
                        second: Meaning::KommunTableColumn {
                            column: (*column).to_string(),
                        },
                    },
                );
            }
        }
        actors_named_once(plan, &names, findings);
        names
    }

    /// An actor by its id, or by its name or short name (case and Unicode form aside): each
    /// names one actor (see `actors_named_once`).
    pub fn actor(&self, plan: &Plan, written: &str) -> Option<usize> {
        let written = written.trim();
        self.actors.get(written).copied().or_else(|| {
            let folded = fold(written);
            plan.actors.iter().position(|a| {
                fold(&a.name) == folded || a.short.as_deref().is_some_and(|s| fold(s) == folded)
            })
        })
    }

    /// A kommun by its official name as [`official_kommun_name`] writes it (`Bergs kommun`,
    /// `Åre kommun`), case and Unicode form aside: how a form filled in by hand may name it.
    pub fn kommun_by_official_name(&self, plan: &Plan, written: &str) -> Option<usize> {
        let folded = fold(written.trim());
        let stem = folded.strip_suffix(" kommun")?;
        [stem, stem.strip_suffix('s').unwrap_or(stem)]
            .into_iter()
            .filter_map(|stem| self.kommun_names.get(stem).copied())
            .find(|&k| {
                plan.kommuner.get(k).is_some_and(|kommun| {
                    fold(&official_kommun_name(kommun.name.get_ref())) == folded
                })
            })
    }

    /// The kommun a plan names by kommunkod or name, or by both when they agree: as the
    /// tables write it (`Berg (2326)`) or as SCB and the comparisons do (`2326 Berg`).
    pub fn kommun(&self, name: &str) -> Option<usize> {
        let both = |by_name: &str, code: &str| {
            let k = self.kommun_names.get(&fold(by_name))?;
            (self.kommun_codes.get(code.trim()) == Some(k)).then_some(*k)
        };
        let name = name.trim();
        self.kommun_codes
            .get(name)
            .or_else(|| self.kommun_names.get(&fold(name)))
            .copied()
            .or_else(|| name_and_code(name).find_map(|(n, c)| both(n, c)))
    }

    /// What a name in a split's `except`, `amounts` or `printed` may mean: a kommun (by
    /// kommunkod, name, or both, as [`Names::kommun`]) and an actor (by id). In a plan that
    /// passes `check` each such name means one recipient of its row.
    pub fn split_recipient(&self, name: &str) -> (Option<Recipient>, Option<Recipient>) {
        (
            self.kommun(name)
                .map(|k| Recipient::Kommun(crate::core::ledger::index(k))),
            self.actors
                .get(name)
                .map(|&a| Recipient::Actor(crate::core::ledger::index(a))),
        )
    }

    /// A kommun written with both its name and its kommunkod (`Berg (2380)`, `2380 Berg`)
    /// where each is known but they name two kommuner: (by name, by code).
    pub fn kommun_disagreeing(&self, name: &str) -> Option<(usize, usize)> {
        let both = |by_name: &str, code: &str| {
            let k = *self.kommun_names.get(&fold(by_name))?;
            let c = *self.kommun_codes.get(code.trim())?;
            (k != c).then_some((k, c))
        };
        name_and_code(name.trim()).find_map(|(n, c)| both(n, c))
    }

    /// Looks up an actor id, reporting it when unknown.
    pub fn actor_ref(
        &self,
        plan: &Plan,
        id: &Spanned<String>,
        findings: &mut Findings,
    ) -> Result<usize, Reported> {
        if let Some(&i) = self.actors.get(id.get_ref()) {
            return Ok(i);
        }
        // An actor named as the document names it (`Kommunförbundet Jämtland Härjedalen`,
        // `KFJH`) rather than by its id: that actor's id.
        let named = fold(id.get_ref());
        let by_name = plan.actors.iter().find(|a| {
            fold(&a.name) == named || a.short.as_deref().is_some_and(|s| fold(s) == named)
        });
        let suggestion = match by_name {
            Some(actor) => Some(actor.id.get_ref().clone()),
            // The actor whose name begins as the text does (`psykiatrin` for `Psykiatriska
            // kliniken`), else the nearest id; for the first unknown names only, as every
            // suggestion is.
            None if findings.may_suggest() => actor_by_beginning(plan, &named)
                .map(|actor| actor.id.get_ref().clone())
                .or_else(|| {
                    let ids: Vec<&str> = plan
                        .actors
                        .iter()
                        .map(|a| a.id.get_ref().as_str())
                        .collect();
                    suggest(id.get_ref(), &ids)
                }),
            None => None,
        };
        Err(reported_unknown(findings, Thing::Actor, id, suggestion))
    }

    /// Looks up a kommun by code, name or official name, reporting it when unknown.
    pub fn kommun_ref(
        &self,
        plan: &Plan,
        name: &Spanned<String>,
        findings: &mut Findings,
    ) -> Result<usize, Reported> {
        // Its code, its name, or its official name (`Östersunds kommun`).
        let found = (self.kommun(name.get_ref()))
            .or_else(|| self.kommun_by_official_name(plan, name.get_ref()));
        match found {
            Some(k) => Ok(k),
            None => Err(unknown(
                findings,
                Thing::Kommun,
                name,
                plan.kommuner.iter().map(|k| k.name.get_ref().as_str()),
            )),
        }
    }

    /// Looks up an area number, reporting it when unknown.
    pub fn area_ref(
        &self,
        plan: &Plan,
        number: &Spanned<u32>,
        findings: &mut Findings,
    ) -> Result<usize, Reported> {
        match self.areas.get(number.get_ref()) {
            Some(&i) => Ok(i),
            None => {
                let known: Vec<String> = plan
                    .areas
                    .iter()
                    .map(|a| a.number.get_ref().to_string())
                    .collect();
                let name = Spanned::new(number.span(), number.get_ref().to_string());
                Err(unknown(
                    findings,
                    Thing::Area,
                    &name,
                    known.iter().map(String::as_str),
                ))
            }
        }
    }

    /// Looks up an insats id, reporting it when unknown.
    pub fn insats_ref(
        &self,
        plan: &Plan,
        id: &Spanned<String>,
        findings: &mut Findings,
    ) -> Result<usize, Reported> {
        match self.insatser.get(id.get_ref()) {
            Some(&i) => Ok(i),
            None => Err(unknown(
                findings,
                Thing::Insats,
                id,
                plan.insatser.iter().map(|x| x.id.get_ref().as_str()),
            )),
        }
    }
}

/// (Warning) every kommun name in the plan (its definition, a key's values, a split's
/// `except`, `amounts` and `printed`, a `[[stated]]` kommun) written in decomposed Unicode:
/// it matches after normalising (NFC), and the plan's author is told that it happened.
pub fn names_are_composed(ledger: &Ledger, findings: &mut Findings) {
    let plan = ledger.plan;
    let mut names: Vec<&Spanned<String>> = plan.kommuner.iter().map(|k| &k.name).collect();
    for key in &plan.keys {
        if let Some(values) = &key.values {
            names.extend(values.get_ref().keys());
        }
    }
    for insats in &plan.insatser {
        if let Some(split) = &insats.split {
            let split = split.get_ref();
            names.extend(split.except.keys());
            names.extend(split.printed.keys());
            if let Some(amounts) = &split.amounts {
                names.extend(amounts.get_ref().keys());
            }
        }
    }
    names.extend(plan.stated.iter().filter_map(|s| s.kommun.as_ref()));
    for name in names {
        if is_decomposed(name.get_ref()) {
            findings.warning(
                name.span(),
                Problem::DecomposedName {
                    name: compose(name.get_ref()),
                },
            );
        }
    }
}

/// Reports an unknown reference, with a "did you mean" among `known`.
pub fn unknown<'a>(
    findings: &mut Findings,
    thing: Thing,
    name: &Spanned<String>,
    known: impl Iterator<Item = &'a str>,
) -> Reported {
    let suggestion = if !thing.is_numbered() && findings.may_suggest() {
        suggest(name.get_ref(), &known.collect::<Vec<_>>())
    } else {
        None
    };
    reported_unknown(findings, thing, name, suggestion)
}

/// Reports an unknown reference with `suggestion` as its "did you mean".
fn reported_unknown(
    findings: &mut Findings,
    thing: Thing,
    name: &Spanned<String>,
    suggestion: Option<String>,
) -> Reported {
    findings.error(
        name.span(),
        Problem::UnknownReference {
            thing,
            name: name.get_ref().clone(),
            suggestion,
        },
    )
}

/// Every actor's name, short name and id says which actor it is, as a returned form names its
/// recipient: no two actors share a name, no id is another actor's name, and none of them is a
/// kommun's name (or, for an id, a kommun's code); the form would be booked to the first.
fn actors_named_once(plan: &Plan, names: &Names, findings: &mut Findings) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (a, actor) in plan.actors.iter().enumerate() {
        let mut own: Vec<String> = vec![fold(&actor.name)];
        own.extend(actor.short.as_deref().map(fold));
        own.dedup();
        for name in own {
            let earlier = seen.get(&name).copied();
            // A kommun's name, its code or its official name (`Östersunds kommun`, as a
            // form or a filter may name it): the actor would be a second payee of that kommun.
            let kommun = names
                .kommun(&name)
                .or_else(|| names.kommun_by_official_name(plan, &name));
            let first = match (earlier, kommun) {
                (Some(other), _) if other != a => plan.actors.get(other).map(|o| Meaning::Actor {
                    id: o.id.get_ref().clone(),
                }),
                (_, Some(k)) => plan.kommuner.get(k).map(|k| Meaning::Kommun {
                    code: k.code.get_ref().clone(),
                    name: k.name.get_ref().clone(),
                }),
                _ => None,
            };
            if let Some(first) = first {
                findings.error(
                    actor.id.span(),
                    Problem::AmbiguousName {
                        name: if fold(&actor.name) == name {
                            actor.name.clone()
                        } else {
                            actor.short.clone().unwrap_or_default()
                        },
                        first,
                        second: Meaning::Actor {
                            id: actor.id.get_ref().clone(),
                        },
                    },
                );
            }
            seen.entry(name).or_insert(a);
        }
    }
    // A form or usage file may name its recipient by an actor's id too, which is looked up
    // first: an id that is another actor's name, or a kommun's name or code, would take the
    // money meant for that one.
    for (a, actor) in plan.actors.iter().enumerate() {
        let id = actor.id.get_ref();
        let folded = fold(id);
        let first = match seen.get(&folded) {
            Some(&other) if other != a => plan.actors.get(other).map(|o| Meaning::Actor {
                id: o.id.get_ref().clone(),
            }),
            _ => names
                .kommun(id)
                .and_then(|k| plan.kommuner.get(k))
                .map(|k| Meaning::Kommun {
                    code: k.code.get_ref().clone(),
                    name: k.name.get_ref().clone(),
                }),
        };
        if let Some(first) = first {
            findings.error(
                actor.id.span(),
                Problem::AmbiguousName {
                    name: id.clone(),
                    first,
                    second: Meaning::Actor { id: id.clone() },
                },
            );
        }
    }
}

/// A name → index table, reporting every name defined twice (the first definition counts).
fn index<K: std::hash::Hash + Eq + ToString>(
    entries: Vec<(K, Range<usize>)>,
    thing: Thing,
    findings: &mut Findings,
) -> HashMap<K, usize> {
    let mut map: HashMap<K, (usize, Range<usize>)> = HashMap::with_capacity(entries.len());
    for (i, (name, span)) in entries.into_iter().enumerate() {
        if let Some((_, first)) = map.get(&name) {
            findings.error_with(
                span,
                Problem::DuplicateId {
                    thing,
                    id: name.to_string(),
                },
                (first.clone(), Related::FirstDefinedHere),
            );
            continue;
        }
        map.insert(name, (i, span));
    }
    map.into_iter().map(|(k, (i, _))| (k, i)).collect()
}

/// A kommun written with both its name and its kommunkod, as (name, code): as the tables
/// write it, `Berg (2326)`, and as SCB and the comparisons do, `2326 Berg`.
fn name_and_code(written: &str) -> impl Iterator<Item = (&str, &str)> {
    let tables = written.strip_suffix(')').and_then(|n| n.rsplit_once(" ("));
    let scb = written.split_once(' ').map(|(code, name)| (name, code));
    tables.into_iter().chain(scb)
}

/// The actor whose name or short name begins as `written` (folded) does, for at least
/// `BEGINNING` letters and longer than any other actor's: `psykiatrin` for `Psykiatriska
/// kliniken`; `None` when none does or two do alike.
fn actor_by_beginning<'p>(plan: &'p Plan, written: &str) -> Option<&'p crate::core::plan::Actor> {
    const BEGINNING: usize = 5;
    let shared = |name: &str| {
        fold(name)
            .chars()
            .zip(written.chars())
            .take_while(|(a, b)| a == b)
            .count()
    };
    let mut best: Option<(usize, &crate::core::plan::Actor)> = None;
    let mut tied = false;
    for actor in &plan.actors {
        let length = std::iter::once(actor.name.as_str())
            .chain(actor.short.as_deref())
            .map(shared)
            .max()
            .unwrap_or(0);
        match best {
            Some((most, _)) if length == most => tied = true,
            Some((most, _)) if length < most => {}
            _ => {
                best = Some((length, actor));
                tied = false;
            }
        }
    }
    best.filter(|(length, _)| *length >= BEGINNING && !tied)
        .map(|(_, actor)| actor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_hundred_unknown_names_get_a_suggestion_and_the_rest_none() {
        // Each suggestion compares the name with every name it could have meant: a plan
        // with thousands of renamed ids must not take minutes.
        let known = ["1.1", "1.2", "2.1"];
        let mut findings = Findings::default();
        let name = Spanned::new(0..3, "1.3".to_string());
        for _ in 0..crate::core::finding::SUGGESTIONS + 1 {
            unknown(&mut findings, Thing::Insats, &name, known.iter().copied());
        }
        let suggested: Vec<bool> = findings
            .into_sorted()
            .iter()
            .map(|f| {
                matches!(
                    &f.problem,
                    Problem::UnknownReference { suggestion: Some(s), .. } if s == "1.1"
                )
            })
            .collect();
        assert_eq!(suggested.len(), 101);
        assert!(suggested[..100].iter().all(|&s| s));
        assert!(!suggested[100]);
    }

    #[test]
    fn a_kommuns_names_with_and_without_kommun_are_one() {
        for (a, b) in [
            ("Bräcke", "Bräcke kommun"),
            ("Berg", "Bergs kommun"),
            ("Berg", "Berg kommun"),
            ("Hofors", "Hofors kommun"),
            ("Östersund", "östersunds kommun"),
            ("Åre", "A\u{30a}re  kommun"),
        ] {
            assert_eq!(kommun_identity(a), kommun_identity(b), "{a} / {b}");
        }
        assert_ne!(kommun_identity("Berg"), kommun_identity("Bräcke"));
        assert_ne!(kommun_identity("Åre"), kommun_identity("Ragunda kommun"));
    }
}
