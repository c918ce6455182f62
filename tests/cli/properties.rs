//! Properties of plans the tool accepts, over generated plans (proptest):
//!
//! - the generator's plans pass `check` (so the properties below are about accepted plans);
//! - every split the tool accepts sums exactly to its insats's amount, in whole units, and the
//!   report views and payment rows add up to the county total;
//! - every accepted plan survives export to JSON and back unchanged, and the JSON holds the
//!   plan's own figures;
//! - random damage to a valid plan never panics anything `check`, `report` or `export` does.
//!
//! Plans are written as TOML text, the way a user writes them, and go through `plan::parse`.

use std::fmt::Write;

use allocate::core::check::check;
use allocate::core::ledger::Recipient;
use allocate::core::ledger::selection::Selection;
use allocate::core::money::Amount;
use allocate::core::plan::Plan;
use allocate::core::report::Projection;
use allocate::input::plan;
use allocate::output::json;
use proptest::prelude::*;

use crate::fuzz_seeds::exercise;

/// How an insats is paid out.
#[derive(Clone, Debug)]
enum Row {
    /// One actor (by index into `ACTORS`).
    Single {
        actor: usize,
        units: u64,
    },
    /// Run jointly by the region and KFJH; the region receives it.
    Joint {
        units: u64,
    },
    /// The region and KFJH, amounts written out.
    JointAmounts {
        region: u64,
        kfjh: u64,
    },
    Equal {
        units: u64,
    },
    /// By the population key (`true`) or the percentage key.
    ByKey {
        population: bool,
        units: u64,
    },
    /// `each` to every kommun, the first kommun `except` (if given).
    Fixed {
        each: u64,
        except: Option<u64>,
    },
    /// Amounts written out per kommun.
    Amounts {
        parts: Vec<u64>,
    },
    /// `each` to every kommun and the rest by the population key.
    FixedPlusKey {
        each: u64,
        rest: u64,
    },
    /// Folkhälsoenheten's amount, and the kommuner's split by a key (`true`: population).
    Shared {
        fhe: u64,
        kommuner: u64,
        population: bool,
    },
}

#[derive(Clone, Debug)]
struct GenPlan {
    unit: u64,
    /// Population per kommun.
    counts: Vec<u64>,
    /// Percentage per kommun in tenths (sums to 1000).
    tenths: Vec<u64>,
    areas: Vec<Vec<Row>>,
}

/// (id, name, kind, parent)
const ACTORS: [(&str, &str, &str, Option<&str>); 5] = [
    ("rjh", "Region Jämtland Härjedalen", "region", None),
    ("fhe", "Folkhälsoenheten", "region-unit", Some("rjh")),
    (
        "kfjh",
        "Kommunförbundet Jämtland Härjedalen",
        "kommunförbund",
        None,
    ),
    ("kommunerna", "Länets kommuner", "kommuner", None),
    (
        "fontanhus",
        "Fontänhus \"Jämtland\" Härjedalen",
        "external",
        None,
    ),
];

fn units() -> impl Strategy<Value = u64> {
    prop_oneof![1u64..1_000, 1u64..10_000_000]
}

fn row(kommuner: usize) -> impl Strategy<Value = Row> {
    prop_oneof![
        (prop::sample::select(vec![0usize, 1, 2, 4]), units())
            .prop_map(|(actor, units)| Row::Single { actor, units }),
        units().prop_map(|units| Row::Joint { units }),
        (0u64..1_000_000, 1u64..1_000_000)
            .prop_map(|(region, kfjh)| Row::JointAmounts { region, kfjh }),
        units().prop_map(|units| Row::Equal { units }),
        (any::<bool>(), units()).prop_map(|(population, units)| Row::ByKey { population, units }),
        (1u64..500_000, prop::option::of(0u64..500_000))
            .prop_map(|(each, except)| Row::Fixed { each, except }),
        prop::collection::vec(0u64..500_000, kommuner)
            .prop_filter("some money", |p| p.iter().any(|&x| x > 0))
            .prop_map(|parts| Row::Amounts { parts }),
        (1u64..200_000, 0u64..5_000_000).prop_map(|(each, rest)| Row::FixedPlusKey { each, rest }),
        (0u64..1_000_000, 0u64..5_000_000, any::<bool>()).prop_map(
            |(fhe, kommuner, population)| Row::Shared {
                fhe,
                kommuner,
                population
            }
        ),
    ]
}

fn gen_plan() -> impl Strategy<Value = GenPlan> {
    (1usize..=9)
        .prop_flat_map(|k| {
            (
                prop::sample::select(vec![1u64, 100]),
                prop::collection::vec(1u64..100_000, k),
                prop::collection::vec(0u64..=1000, k - 1),
                prop::collection::vec(prop::collection::vec(row(k), 1..6), 1..4),
            )
        })
        .prop_map(|(unit, counts, mut cuts, areas)| {
            cuts.sort_unstable();
            let mut tenths = Vec::new();
            let mut last = 0;
            for cut in cuts.into_iter().chain([1000]) {
                tenths.push(cut - last);
                last = cut;
            }
            GenPlan {
                unit,
                counts,
                tenths,
                areas,
            }
        })
}

impl GenPlan {
    fn kommun(&self, i: usize) -> (String, String) {
        (crate::support::kommunkod(i), format!("K{}", i + 1))
    }

    /// The insats amount of a row in kronor.
    fn amount(&self, row: &Row) -> u64 {
        let k = self.counts.len() as u64;
        self.unit
            * match row {
                Row::Single { units, .. }
                | Row::Joint { units }
                | Row::Equal { units }
                | Row::ByKey { units, .. } => *units,
                Row::JointAmounts { region, kfjh } => region + kfjh,
                Row::Fixed { each, except } => match except {
                    Some(e) => each * (k - 1) + e,
                    None => each * k,
                },
                Row::Amounts { parts } => parts.iter().sum(),
                Row::FixedPlusKey { each, rest } => each * k + rest,
                Row::Shared { fhe, kommuner, .. } => fhe + kommuner,
            }
    }

    fn toml(&self) -> String {
        let u = self.unit;
        let area_totals: Vec<u64> = self
            .areas
            .iter()
            .map(|rows| rows.iter().map(|r| self.amount(r)).sum())
            .collect();
        let total: u64 = area_totals.iter().sum();
        let mut t = String::new();
        writeln!(
            t,
            "# Generated plan\n[plan]\nyear = 2026\ncounty = \"Jämtlands län\"\n\
             title = \"Genererad plan med \\\"citat\\\" och å, ä, ö\"\nunit = {u}\n\
             county_total = {total}\n"
        )
        .unwrap();
        for (n, amount) in area_totals.iter().enumerate() {
            writeln!(
                t,
                "[[areas]]\nnumber = {}\ntitle = \"Område {}\"\namount = {amount}\n",
                n + 1,
                n + 1
            )
            .unwrap();
        }
        for (id, name, kind, parent) in ACTORS {
            writeln!(
                t,
                "[[actors]]\nid = \"{id}\"\nname = {name:?}\nkind = \"{kind}\""
            )
            .unwrap();
            if let Some(p) = parent {
                writeln!(t, "parent = \"{p}\"").unwrap();
            }
            writeln!(t).unwrap();
        }
        for i in 0..self.counts.len() {
            let (code, name) = self.kommun(i);
            writeln!(t, "[[kommuner]]\ncode = \"{code}\"\nname = \"{name}\"\n").unwrap();
        }
        let values = |f: &dyn Fn(usize) -> String| {
            (0..self.counts.len())
                .map(|i| format!("{} = {}", self.kommun(i).1, f(i)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        writeln!(
            t,
            "[[keys]]\nid = \"befolkning\"\nkind = \"population\"\nvalues = {{ {} }}\n",
            values(&|i| self.counts[i].to_string())
        )
        .unwrap();
        writeln!(
            t,
            "[[keys]]\nid = \"procent\"\nkind = \"percent\"\nprecision = 1\nvalues = {{ {} }}\n",
            values(&|i| format!("\"{},{}\"", self.tenths[i] / 10, self.tenths[i] % 10))
        )
        .unwrap();
        let mut ids = Vec::new();
        for (n, rows) in self.areas.iter().enumerate() {
            for (j, row) in rows.iter().enumerate() {
                let id = format!("{}.{}", n + 1, j + 1);
                let amount = self.amount(row);
                let actor = match row {
                    Row::Single { actor, .. } => format!("\"{}\"", ACTORS[*actor].0),
                    Row::Joint { .. } | Row::JointAmounts { .. } => "[\"rjh\", \"kfjh\"]".into(),
                    Row::Shared { .. } => "[\"fhe\", \"kommunerna\"]".into(),
                    _ => "\"kommunerna\"".into(),
                };
                writeln!(
                    t,
                    "[[insatser]]\nid = \"{id}\"\narea = {}\ntext = \"Insats {id}\"\n\
                     actor = {actor}\namount = {amount}",
                    n + 1
                )
                .unwrap();
                let split = match row {
                    Row::Single { .. } | Row::Joint { .. } => String::new(),
                    Row::JointAmounts { region, kfjh } => format!(
                        "rule = \"amounts\"\namounts = {{ rjh = {}, kfjh = {} }}",
                        region * u,
                        kfjh * u
                    ),
                    Row::Equal { .. } => "rule = \"equal\"".into(),
                    Row::ByKey { population, .. } => format!(
                        "rule = \"key\"\nkey = \"{}\"",
                        if *population { "befolkning" } else { "procent" }
                    ),
                    Row::Fixed { each, except } => {
                        let mut s = format!("rule = \"fixed\"\neach = {}", each * u);
                        if let Some(e) = except {
                            write!(s, "\nexcept = {{ \"{}\" = {} }}", self.kommun(0).0, e * u)
                                .unwrap();
                        }
                        s
                    }
                    Row::Amounts { parts } => format!(
                        "rule = \"amounts\"\namounts = {{ {} }}",
                        values(&|i| (parts[i] * u).to_string())
                    ),
                    Row::Shared {
                        fhe,
                        kommuner,
                        population,
                    } => format!(
                        "rule = \"amounts\"\namounts = {{ fhe = {}, kommunerna = {} }}\nkey = \"{}\"",
                        fhe * u,
                        kommuner * u,
                        if *population { "befolkning" } else { "procent" }
                    ),
                    Row::FixedPlusKey { each, .. } => format!(
                        "rule = \"fixed-plus-key\"\neach = {}\nkey = \"befolkning\"",
                        each * u
                    ),
                };
                if !split.is_empty() {
                    writeln!(t, "\n[insatser.split]\n{split}").unwrap();
                }
                writeln!(t).unwrap();
                ids.push(id);
            }
        }
        // The summary: one heading over everything, and each area's total as printed.
        let list = ids
            .iter()
            .map(|i| format!("\"{i}\""))
            .collect::<Vec<_>>()
            .join(", ");
        writeln!(
            t,
            "[[headings]]\nid = \"alla\"\ntitle = \"Alla insatser\"\nstated = {total}\n\
             insatser = [{list}]\n"
        )
        .unwrap();
        for (n, amount) in area_totals.iter().enumerate() {
            writeln!(
                t,
                "[[stated]]\nlabel = \"Område {}, totalt\"\narea = {}\namount = {amount}\n",
                n + 1,
                n + 1
            )
            .unwrap();
        }
        t
    }
}

/// Parses and checks `text`; the plan when `check` finds no errors.
fn accepted(text: &str) -> Result<Plan, String> {
    let plan = plan::parse(text).map_err(|e| format!("does not parse: {e:?}"))?;
    let errors: Vec<_> = check(&plan, &[])
        .findings
        .into_iter()
        .filter(|f| f.is_error())
        .collect();
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(format!("check finds errors: {errors:#?}"))
    }
}

fn kr(n: u64) -> Amount {
    Amount::kr(i64::try_from(n).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn generated_plans_pass_check(g in gen_plan()) {
        let text = g.toml();
        if let Err(e) = accepted(&text) {
            prop_assert!(false, "{e}\n{text}");
        }
    }

    #[test]
    fn every_accepted_split_sums_exactly_to_its_amount(g in gen_plan()) {
        let text = g.toml();
        let plan = accepted(&text).unwrap();
        let unit = kr(g.unit);
        let checked = check(&plan, &[]);
        let ledger = &checked.ledger;
        for (i, insats) in plan.insatser.iter().enumerate() {
            let lines = ledger.lines_of(i);
            for line in lines {
                prop_assert!(!line.amount.is_negative(), "{line:?}");
                prop_assert!(line.amount.is_multiple_of(unit), "{line:?} in units of {unit:?}");
            }
            // A split over the kommuner gives each kommun at most one part (beside the named
            // actors of a shared row), and none of 0 kr: a kommun left without a line gets
            // nothing.
            let kommuner: Vec<_> = lines
                .iter()
                .filter(|l| matches!(l.recipient, Recipient::Kommun(_)))
                .map(|l| l.recipient)
                .collect();
            let distinct: std::collections::HashSet<_> = kommuner.iter().collect();
            prop_assert_eq!(distinct.len(), kommuner.len(), "insats {}", insats.id.get_ref());
            prop_assert!(kommuner.len() <= g.counts.len(), "insats {}", insats.id.get_ref());
            for line in lines {
                prop_assert!(line.amount != Amount::ZERO, "{line:?}");
            }
        }
        // Every insats's lines sum to its amount, every view to the county total.
        exercise::assert_ledger_conserves(&checked);
        exercise::assert_conserved(&Projection::new(ledger, &Selection::all()));
    }

    #[test]
    fn every_accepted_plan_survives_json_export_and_back(g in gen_plan()) {
        let text = g.toml();
        let plan = accepted(&text).unwrap();
        let checked = check(&plan, &[]);
        let selection = Selection::all();
        let document = json::document(&Projection::new(&checked.ledger, &selection));
        let written = serde_json::to_string_pretty(&document).unwrap();
        let back: json::Document = serde_json::from_str(&written).unwrap();
        prop_assert_eq!(&back, &document);
        prop_assert_eq!(serde_json::to_string_pretty(&back).unwrap(), written);
        // The JSON holds the plan's own figures.
        prop_assert_eq!(back.plan.county_total, *plan.plan.county_total.get_ref());
        prop_assert_eq!(back.plan.insatser.len(), plan.insatser.len());
        for (exported, insats) in back.plan.insatser.iter().zip(&plan.insatser) {
            prop_assert_eq!(&exported.id, insats.id.get_ref());
            prop_assert_eq!(exported.amount, *insats.amount.get_ref());
            let sum: Amount = exported.allocations.iter().map(|a| a.amount).sum();
            prop_assert_eq!(sum, exported.amount);
        }
        prop_assert_eq!(back.plan.title, plan.plan.title);
    }

    #[test]
    fn damaged_plans_never_panic(
        g in gen_plan(),
        cuts in prop::collection::vec((any::<prop::sample::Index>(), 0usize..8, any::<u8>()), 1..6),
    ) {
        let mut bytes = g.toml().into_bytes();
        for (at, how, byte) in cuts {
            let i = at.index(bytes.len().max(1));
            match how {
                0 => { bytes.truncate(i); }
                1 => { bytes.insert(i.min(bytes.len()), byte); }
                2 if i < bytes.len() => { bytes.remove(i); }
                3 if i < bytes.len() => { bytes[i] = byte; }
                4 => {
                    let piece: Vec<u8> = bytes[i.min(bytes.len())..].iter().take(40).copied().collect();
                    bytes.splice(i.min(bytes.len())..i.min(bytes.len()), piece);
                }
                5 if i < bytes.len() && bytes[i].is_ascii_digit() => {
                    bytes.splice(i..i, b"99999999999".iter().copied());
                }
                6 if i < bytes.len() && bytes[i].is_ascii_digit() => { bytes[i] = b'-'; }
                _ => { bytes.splice(i.min(bytes.len())..i.min(bytes.len()), b"\n[[insatser]]\n".iter().copied()); }
            }
        }
        exercise::plan_bytes(&bytes);
    }
}

#[test]
fn the_generator_writes_readable_plans() {
    let g = GenPlan {
        unit: 100,
        counts: vec![5_150, 64_977],
        tenths: vec![73, 927],
        areas: vec![vec![
            Row::Fixed {
                each: 750,
                except: Some(1_400),
            },
            Row::ByKey {
                population: false,
                units: 4_000,
            },
        ]],
    };
    let text = g.toml();
    assert!(text.contains("except = { \"2301\" = 140000 }"), "{text}");
    assert!(
        text.contains("values = { K1 = \"7,3\", K2 = \"92,7\" }"),
        "{text}"
    );
    let plan = accepted(&text).unwrap();
    assert_eq!(*plan.plan.county_total.get_ref(), Amount::kr(615_000));
}
