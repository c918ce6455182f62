//! Every krona exactly once, over random well-typed plans that are hostile by design: random
//! actor trees (parents, cycles, actors under themselves or under the kommuner, several
//! groups of kommuner), random payment routes, 1–300 kommuner, population and percentage keys
//! with zeros and negative values, every split rule with odd units (0, negative, finer than
//! the plan's), empty and repeated actor lists, joint rows, headings and stated figures.
//!
//! The property: either `check` reports an error, or the ledger and every view and export of
//! it (the sheets as CSV read back, the XLSX read back, the JSON) sum to the county total and
//! each insats's lines to its amount, for the whole plan and for filtered selections.
//!
//! `cargo test` runs 48 cases; `PROPTEST_CASES=5000 cargo test --release conservation` is
//! the long run the README reports.

use std::fmt::Write;

use allocate::core::check::check;
use allocate::core::ledger::selection::Selection;
use allocate::core::money::Amount;
use allocate::core::report::{Projection, View};
use allocate::input::plan;
use allocate::output::csv::{self, Dialect};
use allocate::output::{json, sheet, xlsx};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};

use crate::fuzz_seeds::exercise;

const KINDS: [&str; 5] = [
    "region",
    "region-unit",
    "kommunförbund",
    "kommuner",
    "external",
];
const PAYMENTS: [Option<&str>; 4] = [None, Some("invoice"), Some("internal"), Some("held")];

#[derive(Clone, Debug)]
struct Actor {
    kind: usize,
    /// Index of the parent actor (may be itself, or make a cycle).
    parent: Option<usize>,
    payment: usize,
}

#[derive(Clone, Debug)]
enum Split {
    None,
    Equal {
        unit: i64,
    },
    /// By the population key (`true`) or the percentage key.
    Key {
        population: bool,
        unit: i64,
    },
    /// By percentages derived from the population key.
    Derived {
        unit: i64,
    },
    /// `each` to every recipient, the first one `except`.
    Fixed {
        each: u64,
        except: Option<u64>,
    },
    /// An amount per recipient.
    Amounts {
        parts: Vec<u64>,
    },
    FixedPlusKey {
        each: u64,
        rest: u64,
    },
}

#[derive(Clone, Debug)]
struct Insats {
    /// Index into the areas; one past the last is an area the plan does not have.
    area: usize,
    /// Indices into the actors; may be empty or repeat one.
    actors: Vec<usize>,
    units: u64,
    split: Split,
}

#[derive(Clone, Debug)]
struct Wild {
    unit: u64,
    /// Every amount and unit in tenths of a krona: the plan's unit is `unit` tenths, and
    /// amounts are written as quoted decimals ("123,4").
    in_tenths: bool,
    kommuner: usize,
    /// Give the second kommun the first one's code as its name.
    name_is_code: bool,
    actors: Vec<Actor>,
    counts: Vec<u64>,
    /// Percentages in tenths, one per kommun.
    tenths: Vec<i64>,
    areas: usize,
    insatser: Vec<Insats>,
    headings: bool,
}

fn kommuner() -> impl Strategy<Value = usize> {
    prop_oneof![8 => 1usize..=10, 1 => 11usize..=300]
}

fn unit() -> impl Strategy<Value = i64> {
    prop_oneof![6 => Just(1i64), 3 => Just(100), 1 => Just(0), 1 => Just(-100), 1 => Just(50)]
}

fn split(kommuner: usize) -> impl Strategy<Value = Split> {
    prop_oneof![
        3 => Just(Split::None),
        2 => unit().prop_map(|unit| Split::Equal { unit }),
        3 => (any::<bool>(), unit()).prop_map(|(population, unit)| Split::Key { population, unit }),
        1 => unit().prop_map(|unit| Split::Derived { unit }),
        2 => (0u64..50_000, prop::option::of(0u64..50_000))
            .prop_map(|(each, except)| Split::Fixed { each, except }),
        2 => prop::collection::vec(0u64..50_000, 1..kommuner.clamp(2, 6))
            .prop_map(|parts| Split::Amounts { parts }),
        1 => (0u64..20_000, 0u64..500_000).prop_map(|(each, rest)| Split::FixedPlusKey { each, rest }),
    ]
}

fn wild() -> impl Strategy<Value = Wild> {
    (kommuner(), 1usize..=6, 1usize..=3)
        .prop_flat_map(|(k, actors, areas)| {
            let actor = (
                0usize..KINDS.len(),
                prop::option::weighted(0.4, 0usize..actors),
                0usize..PAYMENTS.len(),
            )
                .prop_map(|(kind, parent, payment)| Actor {
                    kind,
                    parent,
                    payment,
                });
            let insats = (
                prop_oneof![9 => 0usize..areas, 1 => Just(areas)],
                prop::collection::vec(0usize..actors, 0..=3),
                1u64..2_000_000,
                split(k),
            )
                .prop_map(|(area, actors, units, split)| Insats {
                    area,
                    actors,
                    units,
                    split,
                });
            (
                prop_oneof![3 => Just((1u64, false)), 1 => Just((100, false)), 1 => Just((1, true))],
                Just(k),
                prop::bool::weighted(0.05),
                prop::collection::vec(actor, actors),
                prop::collection::vec(prop_oneof![9 => 1u64..100_000, 1 => Just(0u64)], k),
                prop::collection::vec(0i64..=1000, k.saturating_sub(1)),
                prop::bool::weighted(0.1),
                Just(areas),
                prop::collection::vec(insats, 1..8),
                any::<bool>(),
                prop::bool::weighted(0.35),
            )
        })
        .prop_map(
            |(
                (unit, in_tenths),
                kommuner,
                name_is_code,
                actors,
                counts,
                mut cuts,
                negative,
                areas,
                insatser,
                headings,
                hostile,
            )| {
                // Percentages that sum to 100,0; sometimes with a negative share that the
                // others make up for.
                cuts.sort_unstable();
                let mut tenths = Vec::new();
                let mut last = 0;
                for cut in cuts.into_iter().chain([1000]) {
                    tenths.push(cut - last);
                    last = cut;
                }
                if negative && tenths.len() >= 2 {
                    tenths[0] -= 50;
                    tenths[1] += 50;
                }
                let wild = Wild {
                    unit,
                    in_tenths,
                    kommuner,
                    name_is_code,
                    actors,
                    counts,
                    tenths,
                    areas,
                    insatser,
                    headings,
                };
                if hostile { wild } else { wild.tame() }
            },
        )
}

impl Wild {
    /// The same plan without the mistakes a careful user avoids, so that many plans pass
    /// `check` and their views are summed; the odd trees and splits that are valid remain.
    fn tame(mut self) -> Wild {
        self.name_is_code = false;
        let mut group = None;
        for i in 0..self.actors.len() {
            if self.actors[i].kind == 3 {
                if group.is_some() {
                    self.actors[i].kind = 4;
                } else {
                    group = Some(i);
                }
            }
        }
        for i in 0..self.actors.len() {
            // The region (0) and the kommuner (3) at the top, a region unit (1) under the
            // region or a unit, the others under anything but the kommuner.
            let kind = self.actors[i].kind;
            let keep = self.actors[i].parent.is_some_and(|p| {
                let parent = self.actors[p].kind;
                p < i
                    && parent != 3
                    && match kind {
                        0 | 3 => false,
                        1 => parent <= 1,
                        _ => true,
                    }
            });
            if !keep {
                self.actors[i].parent = None;
            }
            // A payment the kind can have: no invoice (1) from the region or its units, an
            // internal transfer (2) only to them, the kommuner by invoice.
            let payment = self.actors[i].payment;
            let fits = match kind {
                0 | 1 => payment != 1,
                3 => payment <= 1,
                _ => payment != 2,
            };
            if !fits {
                self.actors[i].payment = 0;
            }
        }
        for c in &mut self.counts {
            *c = (*c).max(1);
        }
        for t in &mut self.tenths {
            *t = (*t).max(0);
        }
        let total: i64 = self.tenths.iter().sum();
        if let Some(last) = self.tenths.last_mut() {
            *last += 1000 - total;
        }
        for n in 0..self.insatser.len() {
            let mut insats = self.insatser[n].clone();
            insats.area = insats.area.min(self.areas - 1);
            let mut seen = std::collections::HashSet::new();
            insats.actors.retain(|a| seen.insert(*a));
            if insats.actors.is_empty() {
                insats.actors.push(0);
            }
            if insats.actors.len() > 1 {
                insats.actors.retain(|&a| self.actors[a].kind != 3);
                if insats.actors.is_empty() {
                    insats
                        .actors
                        .push(group.map_or(0, |g| (g + 1) % self.actors.len()));
                }
            }
            let is_group = matches!(insats.actors.as_slice(), [one] if self.actors[*one].kind == 3);
            let recipients = if is_group {
                self.kommuner
            } else {
                insats.actors.len()
            };
            insats.split = match insats.split {
                Split::None if is_group => Split::Equal { unit: 1 },
                Split::Equal { .. } => Split::Equal { unit: 1 },
                Split::Key { population, .. } if is_group => Split::Key {
                    population,
                    unit: 1,
                },
                Split::Derived { .. } if is_group => Split::Derived { unit: 1 },
                Split::Key { .. } | Split::Derived { .. } | Split::FixedPlusKey { .. }
                    if !is_group =>
                {
                    Split::Equal { unit: 1 }
                }
                Split::Fixed { each, except } => Split::Fixed {
                    each: each.max(1),
                    except,
                },
                Split::Amounts { mut parts } => {
                    parts.resize(recipients, 1);
                    if parts.iter().all(|&p| p == 0) {
                        parts[0] = 1;
                    }
                    Split::Amounts { parts }
                }
                other => other,
            };
            self.insatser[n] = insats;
        }
        self
    }

    fn actor_id(i: usize) -> String {
        format!("a{i}")
    }

    /// The recipients of a row, as the tool will see them: the kommuner for a row of a group
    /// of kommuner alone, else the actors listed.
    fn recipients(&self, insats: &Insats) -> usize {
        let group_alone = matches!(insats.actors.as_slice(), [one] if self.actors[*one].kind == 3);
        if group_alone {
            self.kommuner
        } else {
            insats.actors.len()
        }
    }

    /// The insats amount in units, made to fit its split where the split fixes it.
    fn amount(&self, insats: &Insats) -> u64 {
        let n = self.recipients(insats) as u64;
        match &insats.split {
            Split::Fixed { each, except } => match except {
                Some(e) if n > 0 => each * (n - 1) + e,
                _ => each * n,
            },
            Split::Amounts { parts } => parts.iter().take(n as usize).sum(),
            Split::FixedPlusKey { each, rest } => each * n + rest,
            _ => insats.units,
        }
    }

    fn kommun(&self, i: usize) -> (String, String) {
        let code = crate::support::kommunkod(i);
        let name = if self.name_is_code && i == 1 {
            "2301".to_string()
        } else {
            format!("K{}", i + 1)
        };
        (code, name)
    }

    /// An amount as the plan writes it: an integer, or in tenths a quoted decimal ("-12,5").
    fn money(&self, v: i64) -> String {
        if self.in_tenths {
            let sign = if v < 0 { "-" } else { "" };
            format!("\"{sign}{},{}\"", v.abs() / 10, v.abs() % 10)
        } else {
            v.to_string()
        }
    }

    fn toml(&self) -> String {
        let u = self.unit;
        let m = |v: u64| self.money(v as i64);
        let amounts: Vec<u64> = self.insatser.iter().map(|i| self.amount(i) * u).collect();
        let mut area_totals = vec![0u64; self.areas];
        for (insats, amount) in self.insatser.iter().zip(&amounts) {
            if let Some(t) = area_totals.get_mut(insats.area) {
                *t += amount;
            }
        }
        let total: u64 = area_totals.iter().sum();
        let mut t = String::new();
        writeln!(
            t,
            "[plan]\nyear = 2026\ncounty = \"Testlän\"\ntitle = \"Slumpad plan\"\nunit = {}\n\
             county_total = {}\n",
            m(u),
            m(total)
        )
        .unwrap();
        for (n, amount) in area_totals.iter().enumerate() {
            writeln!(
                t,
                "[[areas]]\nnumber = {}\ntitle = \"Område {}\"\namount = {}\n",
                n + 1,
                n + 1,
                m(*amount)
            )
            .unwrap();
        }
        for (i, actor) in self.actors.iter().enumerate() {
            writeln!(
                t,
                "[[actors]]\nid = \"{}\"\nname = \"Aktör {i}\"\nkind = \"{}\"",
                Self::actor_id(i),
                KINDS[actor.kind]
            )
            .unwrap();
            if let Some(p) = actor.parent {
                writeln!(t, "parent = \"{}\"", Self::actor_id(p)).unwrap();
            }
            if let Some(p) = PAYMENTS[actor.payment] {
                writeln!(t, "payment = \"{p}\"").unwrap();
            }
            writeln!(t).unwrap();
        }
        for i in 0..self.kommuner {
            let (code, name) = self.kommun(i);
            writeln!(t, "[[kommuner]]\ncode = \"{code}\"\nname = \"{name}\"\n").unwrap();
        }
        let values = |f: &dyn Fn(usize) -> String| {
            (0..self.kommuner)
                .map(|i| format!("\"{}\" = {}", self.kommun(i).0, f(i)))
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
            values(&|i| {
                let v = self.tenths[i];
                format!(
                    "\"{}{},{}\"",
                    if v < 0 { "-" } else { "" },
                    v.abs() / 10,
                    v.abs() % 10
                )
            })
        )
        .unwrap();
        writeln!(
            t,
            "[[keys]]\nid = \"härledd\"\nkind = \"percent\"\nfrom = \"befolkning\"\nprecision = 2\n"
        )
        .unwrap();
        let mut ids = Vec::new();
        for (j, (insats, amount)) in self.insatser.iter().zip(&amounts).enumerate() {
            let id = format!("i{j}");
            let actors = insats
                .actors
                .iter()
                .map(|&a| format!("\"{}\"", Self::actor_id(a)))
                .collect::<Vec<_>>()
                .join(", ");
            writeln!(
                t,
                "[[insatser]]\nid = \"{id}\"\narea = {}\ntext = \"Insats {j}\"\nactor = [{actors}]\n\
                 amount = {}",
                insats.area + 1,
                m(*amount)
            )
            .unwrap();
            // Names of the row's recipients, for `except` and `amounts`.
            let names: Vec<String> = if self.recipients(insats) == self.kommuner
                && matches!(insats.actors.as_slice(), [one] if self.actors[*one].kind == 3)
            {
                (0..self.kommuner).map(|i| self.kommun(i).0).collect()
            } else {
                insats.actors.iter().map(|&a| Self::actor_id(a)).collect()
            };
            let split = match &insats.split {
                Split::None => String::new(),
                Split::Equal { unit } => {
                    format!("rule = \"equal\"\nunit = {}", self.money(unit * u as i64))
                }
                Split::Key { population, unit } => format!(
                    "rule = \"key\"\nkey = \"{}\"\nunit = {}",
                    if *population { "befolkning" } else { "procent" },
                    self.money(unit * u as i64)
                ),
                Split::Derived { unit } => {
                    format!(
                        "rule = \"key\"\nkey = \"härledd\"\nunit = {}",
                        self.money(unit * u as i64)
                    )
                }
                Split::Fixed { each, except } => {
                    let mut s = format!("rule = \"fixed\"\neach = {}", m(each * u));
                    if let (Some(e), Some(first)) = (except, names.first()) {
                        write!(s, "\nexcept = {{ \"{first}\" = {} }}", m(e * u)).unwrap();
                    }
                    s
                }
                Split::Amounts { parts } => {
                    // TOML allows a key once; an actor listed twice is named once.
                    let mut seen = std::collections::HashSet::new();
                    let cells: Vec<String> = names
                        .iter()
                        .zip(parts)
                        .filter(|(n, _)| seen.insert(n.as_str()))
                        .map(|(n, p)| format!("\"{n}\" = {}", m(p * u)))
                        .collect();
                    format!("rule = \"amounts\"\namounts = {{ {} }}", cells.join(", "))
                }
                Split::FixedPlusKey { each, .. } => format!(
                    "rule = \"fixed-plus-key\"\neach = {}\nkey = \"befolkning\"",
                    m(each * u)
                ),
            };
            if !split.is_empty() {
                writeln!(t, "\n[insatser.split]\n{split}").unwrap();
            }
            writeln!(t).unwrap();
            ids.push(id);
        }
        if self.headings {
            let half = ids.len() / 2;
            let list = |ids: &[String]| {
                ids.iter()
                    .map(|i| format!("\"{i}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let all: u64 = amounts.iter().sum();
            let second: u64 = amounts[half..].iter().sum();
            writeln!(
                t,
                "[[headings]]\nid = \"h1\"\ntitle = \"Första\"\nstated = {}\ninsatser = [{}]\n\n\
                 [[headings]]\nid = \"h2\"\nparent = \"h1\"\ntitle = \"Andra\"\nstated = {}\ninsatser = [{}]\n",
                m(all),
                list(&ids[..half]),
                m(second),
                list(&ids[half..])
            )
            .unwrap();
        }
        t
    }
}

/// What the property asserts about one generated plan; whether it passed `check`.
fn holds(w: &Wild) -> Result<bool, TestCaseError> {
    let text = w.toml();
    let plan = plan::parse(&text).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
    let checked = check(&plan, &[]);
    if checked.errors() > 0 {
        return Ok(false);
    }
    exercise::assert_ledger_conserves(&checked);
    let ledger = &checked.ledger;
    let total = *plan.plan.county_total.get_ref();
    let mut selections = vec![Selection::all()];
    if !plan.kommuner.is_empty() {
        selections.push(Selection {
            kommun: Some(0),
            ..Selection::all()
        });
    }
    selections.push(Selection {
        areas: vec![0],
        ..Selection::all()
    });
    selections.extend((0..plan.actors.len()).map(|a| Selection {
        actor: Some(a),
        ..Selection::all()
    }));
    for selection in &selections {
        let projection = Projection::new(ledger, selection);
        exercise::assert_conserved(&projection);
        // Every export format, read back, sums to the same.
        let expected = projection.total();
        for view in [View::Payments, View::PerActor, View::PerArea] {
            let sheet = sheet::build(view, &projection, allocate::output::lang::Lang::Sv);
            let column = exercise::sheet_total_column(&sheet);
            let bytes = csv::write(&sheet, Dialect::Rfc4180).unwrap();
            let mut reader = ::csv::Reader::from_reader(bytes.as_slice());
            let mut sum = Amount::ZERO;
            for record in reader.records() {
                let record = record.unwrap();
                let cell = record.get(column).unwrap();
                sum += Amount(cell.parse().unwrap());
            }
            prop_assert_eq!(sum, expected, "{} CSV\n{}", sheet.name, text);
        }
        let document = json::document(&projection);
        let value: serde_json::Value =
            serde_json::from_str(&serde_json::to_string(&document).unwrap()).unwrap();
        // Whole kronor are JSON integers, amounts with decimals exact decimal strings.
        let amount = |v: &serde_json::Value| match v {
            serde_json::Value::String(s) => Amount(s.parse().unwrap()),
            n => Amount::kr(n.as_i64().unwrap()),
        };
        let mut lines = Amount::ZERO;
        for recipient in value["payments"].as_array().unwrap() {
            let own: Amount = recipient["lines"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| amount(&l["amount"]))
                .sum();
            prop_assert_eq!(own, amount(&recipient["total"]), "JSON payments\n{}", text);
            lines += own;
        }
        prop_assert_eq!(lines, expected, "JSON payments\n{}", text);
    }
    // The workbook, once per plan: the payments sheet read back sums to the county total.
    let whole = Selection::all();
    let projection = Projection::new(ledger, &whole);
    let sheets = vec![sheet::build(
        View::Payments,
        &projection,
        allocate::output::lang::Lang::Sv,
    )];
    let column = exercise::sheet_total_column(&sheets[0]);
    let bytes = xlsx::write(&sheets).unwrap();
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    use calamine::Reader;
    let range = book.worksheet_range("betalningar").unwrap();
    let rows = range.rows().count();
    let mut sum = 0f64;
    // Skip the header and the bold total row at the end.
    for row in range.rows().skip(1).take(rows.saturating_sub(2)) {
        if let Some(calamine::Data::Float(f)) = row.get(column) {
            sum += f;
        }
    }
    // Doubles: in tenths, compared as a whole number of tenths.
    let tenths_of_sum = (sum * 10.0).round() as i64;
    prop_assert_eq!(
        Amount(rust_decimal::Decimal::new(tenths_of_sum, 1)),
        total,
        "XLSX\n{}",
        text
    );
    Ok(true)
}

/// 48 cases in `cargo test`; `PROPTEST_CASES` asks for more.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn every_plan_either_fails_check_or_accounts_for_every_krona(w in wild()) {
        holds(&w)?;
    }
}

/// The property is not vacuous: a good share of the generated plans pass `check`, so the
/// views and exports of many of them are summed.
#[test]
fn the_hostile_generator_also_makes_plans_that_pass() {
    let mut runner = TestRunner::new(Config {
        cases: 200,
        ..Config::default()
    });
    let mut passed = 0;
    let mut failed = 0;
    for _ in 0..200 {
        let w = wild().new_tree(&mut runner).unwrap().current();
        match holds(&w) {
            Ok(true) => passed += 1,
            Ok(false) => failed += 1,
            Err(e) => panic!("{e}"),
        }
    }
    println!("{passed} of 200 generated plans passed check, {failed} failed");
    assert!(
        passed >= 20 && failed >= 20,
        "{passed} of 200 generated plans passed check, {failed} failed"
    );
}
