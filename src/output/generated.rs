//! A generated national-scale plan, and the same money as journals for hledger, ledger and
//! beancount, for the benchmarks (`allocate generate`, BENCHMARKS.md).
//!
//! The plan: 21 counties' regions (each with two units) and kommunförbund, five external
//! parties, `kommuner` kommuner with skewed populations (a few large, most small, as in
//! Sweden), a population key, and insatser under every split rule: about half by the key
//! over all kommuner, the others equal, fixed, fixed plus key, by amounts between two actors,
//! or to one actor. Summary headings cover every insats, and a `[[stated]]` total is printed
//! per area, per receiving actor and per kommun, as a decision document would. Some key
//! splits print their table (`printed`). The same seed always gives the same files, and every
//! generated plan passes `check` (a test holds it).
//!
//! The journals book every insats as a transaction (its lines to the recipients' accounts,
//! the area's account, and the county's money as the balancing postings) and every stated
//! total as a balance assertion on the account that holds it.

// Every index here is made here, within the lists it indexes; nothing is read from input.
#![allow(clippy::indexing_slicing)]

use std::fmt::Write as _;

use crate::core::finding::Findings;
use crate::core::ledger::selection::Selection;
use crate::core::ledger::{Ledger, Recipient};
use crate::core::money::Amount;
use crate::input::plan::parse;

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    pub insatser: usize,
    pub kommuner: usize,
    pub seed: u64,
    pub short_texts: bool,
}

/// Kommunkoder are the county's two digits and two more, `01`–`99` (none ends in `00`): at
/// most 99 per county.
pub const MAX_KOMMUNER: usize = 21 * 99;

const PREFIXES: [&str; 20] = [
    "Öster", "Väster", "Norr", "Söder", "Berg", "Sjö", "Å", "Lund", "Ham", "Ek", "Björk", "Sand",
    "Stor", "Lill", "Hög", "Mal", "Ljus", "Fors", "Skog", "Strand",
];
const SUFFIXES: [&str; 15] = [
    "vik", "by", "sund", "ås", "torp", "köping", "hamn", "näs", "å", "dal", "fors", "berg", "holm",
    "stad", "ö",
];
const QUALIFIERS: [&str; 7] = [
    "", "Stora ", "Lilla ", "Norra ", "Södra ", "Västra ", "Östra ",
];

const WORDS: [&str; 24] = [
    "Insatser för att stärka det suicidpreventiva arbetet",
    "i nära samverkan med patient-, brukar- och anhörigorganisationer",
    "genom utbildning av personal i skola, socialtjänst och hälso- och sjukvård",
    "med särskilt fokus på barn och unga",
    "samt personer med samsjuklighet",
    "inom ramen för den länsgemensamma handlingsplanen",
    "för att utveckla samordnade insatser",
    "och stödja kommunernas lokala arbete",
    "med uppföljning och kunskapsstöd",
    "där erfarenheter sprids mellan länets verksamheter",
    "för tidiga och samordnade insatser",
    "utifrån den nationella strategin",
    "i samarbete med civilsamhället",
    "med metoder som har stöd i forskning",
    "för äldre personer med psykisk ohälsa",
    "inom psykiatrisk heldygnsvård och tvångsvård",
    "för att minska risken för suicid",
    "genom att utveckla vård- och insatsprogram",
    "med personcentrerade och sammanhållna vårdförlopp",
    "där brukarnas erfarenheter tas till vara",
    "för ett inkluderande och hållbart arbetsliv",
    "genom stöd till anhöriga",
    "som en del av kunskapsstyrningen",
    "under hela året",
];

/// The receivers of one insats, and how it is split.
enum Rule {
    /// One actor receives it.
    One(usize),
    /// The kommuner, by the population key; `printed`: the table is printed.
    Key {
        printed: bool,
    },
    Equal,
    /// `each` to every kommun, twice that to the first.
    Fixed {
        each: i64,
    },
    /// `each` to every kommun, the rest by the key.
    FixedPlusKey {
        each: i64,
    },
    /// Two actors, a given amount each.
    Amounts(usize, usize, i64),
}

struct Insats {
    area: usize,
    amount: i64,
    rule: Rule,
    text: String,
}

struct Actor {
    id: String,
    name: String,
    kind: &'static str,
    parent: Option<usize>,
    /// Receives money (a unit, a kommunförbund, an external party).
    receives: bool,
}

struct Model {
    /// (kommunkod, name, population)
    kommuner: Vec<(String, String, i64)>,
    actors: Vec<Actor>,
    insatser: Vec<Insats>,
}

const AREAS: [&str; 3] = [
    "Genomförande av den nationella strategin",
    "Utvecklade insatser för personer med komplexa behov",
    "Insatser för stärkt suicidpreventivt arbete",
];

/// The plan as TOML text.
pub fn plan(spec: &Spec) -> String {
    let model = model(spec);
    let draft = write_plan(&model, None);
    // The figures a document prints are those the split gives: resolve the draft once.
    let printed = match parse(&draft) {
        Ok(parsed) => {
            let mut findings = Findings::default();
            let ledger = Ledger::build(&parsed, &[], &mut findings);
            Some(figures(&model, &ledger))
        }
        Err(_) => None,
    };
    write_plan(&model, printed.as_ref())
}

/// What the document prints, from the resolved draft.
struct Figures {
    /// Per insats with a printed table: the amount per kommun.
    tables: Vec<Option<Vec<Amount>>>,
    /// (label, filter line, amount)
    stated: Vec<(String, String, Amount)>,
}

fn figures(model: &Model, ledger: &Ledger) -> Figures {
    let tables = model
        .insatser
        .iter()
        .enumerate()
        .map(|(i, insats)| match insats.rule {
            Rule::Key { printed: true } => {
                // Every kommun, in the model's order; one the split gives nothing has no line
                // and is printed as 0.
                let mut table = vec![Amount::ZERO; model.kommuner.len()];
                for line in ledger.lines_of(i) {
                    if let Recipient::Kommun(k) = line.recipient
                        && let Some(cell) = table.get_mut(k as usize)
                    {
                        *cell = line.amount;
                    }
                }
                Some(table)
            }
            _ => None,
        })
        .collect();
    let mut stated = vec![];
    for (a, title) in AREAS.iter().enumerate() {
        // From the model: an area without insatser is not in the plan, so the plan's areas
        // are not the model's by index.
        let amount = Amount::kr(area_amount(model, a));
        stated.push((
            format!("{title}, summa"),
            format!("area = {}", a + 1),
            amount,
        ));
    }
    for (a, actor) in model.actors.iter().enumerate() {
        if actor.receives {
            let node = ledger
                .actors
                .node(Recipient::Actor(crate::core::ledger::index(a)));
            let amount = ledger.total_under(node);
            stated.push((
                format!("{}, summa", actor.name),
                format!("actor = {}", quoted(&actor.id)),
                amount,
            ));
        }
    }
    for (k, (code, name, _)) in model.kommuner.iter().enumerate() {
        let selection = Selection {
            kommun: Some(k),
            ..Selection::all()
        };
        let amount = ledger.sum(&selection).unwrap_or_default();
        stated.push((
            format!("{name}, summa"),
            format!("kommun = {}", quoted(code)),
            amount,
        ));
    }
    Figures { tables, stated }
}

fn model(spec: &Spec) -> Model {
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let kommuner = kommuner(spec.kommuner, &mut rng);
    let mut actors = vec![];
    for county in crate::core::counties::all() {
        let code = county.code;
        let region = actors.len();
        actors.push(Actor {
            id: format!("r{code}"),
            name: county.region.to_string(),
            kind: "region",
            parent: None,
            receives: false,
        });
        for (unit, name) in [("psy", "Vuxenpsykiatrin"), ("fhe", "Folkhälsoenheten")] {
            actors.push(Actor {
                id: format!("r{code}-{unit}"),
                name: format!("{name}, {}", county.region),
                kind: "region-unit",
                parent: Some(region),
                receives: true,
            });
        }
        actors.push(Actor {
            id: format!("kf{code}"),
            name: format!("Kommunförbundet {}", county.name),
            kind: "kommunförbund",
            parent: None,
            receives: true,
        });
    }
    for e in 1..=5 {
        actors.push(Actor {
            id: format!("ext{e}"),
            name: format!("Förening {e} för psykisk hälsa"),
            kind: "external",
            parent: None,
            receives: true,
        });
    }
    let receivers: Vec<usize> = (0..actors.len()).filter(|&a| actors[a].receives).collect();
    let k = i64::try_from(kommuner.len()).unwrap_or(i64::MAX);
    let insatser = (0..spec.insatser)
        .map(|n| {
            let area = rng.usize(0..AREAS.len());
            let hundreds = |rng: &mut fastrand::Rng, lo: i64, hi: i64| rng.i64(lo..hi) * 100;
            let pick = |rng: &mut fastrand::Rng| receivers[rng.usize(0..receivers.len())];
            // The first insatser go to two receivers each, so that every actor is used.
            let draw = if 2 * n + 1 < receivers.len() {
                80
            } else {
                rng.u32(0..100)
            };
            let (amount, rule) = match draw {
                0..50 => (
                    hundreds(&mut rng, 500, 50_000),
                    Rule::Key {
                        printed: rng.u32(0..20) == 0,
                    },
                ),
                50..60 => (rng.i64(50_000..5_000_000), Rule::Equal),
                60..65 => {
                    let each = hundreds(&mut rng, 5, 50);
                    (each * (k + 1), Rule::Fixed { each })
                }
                65..75 => {
                    let each = hundreds(&mut rng, 5, 20);
                    (
                        each * k + hundreds(&mut rng, 500, 20_000),
                        Rule::FixedPlusKey { each },
                    )
                }
                75..85 => {
                    let (first, mut second) = match receivers.get(2 * n..2 * n + 2) {
                        Some(&[a, b]) => (a, b),
                        _ => (pick(&mut rng), pick(&mut rng)),
                    };
                    if second == first {
                        second =
                            receivers[(receivers.iter().position(|&r| r == first).unwrap_or(0)
                                + 1)
                                % receivers.len()];
                    }
                    let a = hundreds(&mut rng, 100, 10_000);
                    (
                        a + hundreds(&mut rng, 100, 10_000),
                        Rule::Amounts(first, second, a),
                    )
                }
                _ => (hundreds(&mut rng, 100, 20_000), Rule::One(pick(&mut rng))),
            };
            let text = text(&mut rng, spec.short_texts);
            Insats {
                area,
                amount,
                rule,
                text,
            }
        })
        .collect();
    Model {
        kommuner,
        actors,
        insatser,
    }
}

/// Kommuner spread over the 21 counties, with populations falling off by rank as Sweden's do
/// (about 1 000 000 for the largest, a few thousand for most), in kommunkod order.
fn kommuner(count: usize, rng: &mut fastrand::Rng) -> Vec<(String, String, i64)> {
    let counties: Vec<_> = crate::core::counties::all().collect();
    let mut ranks: Vec<usize> = (1..=count).collect();
    rng.shuffle(&mut ranks);
    let mut list: Vec<(String, String, i64)> = (0..count)
        .zip(ranks)
        .map(|(i, rank)| {
            let county = counties.get(i % counties.len()).map_or("", |c| c.code);
            // From `xx01`: no kommunkod ends in 00 (`2300` is the county's code).
            let code = format!("{county}{:02}", i / counties.len() + 1);
            let name = format!(
                "{}{}{}",
                QUALIFIERS[(i / 300) % QUALIFIERS.len()],
                PREFIXES[i % PREFIXES.len()],
                SUFFIXES[(i / PREFIXES.len()) % SUFFIXES.len()]
            );
            let base = 1_000_000 / i64::try_from(rank).unwrap_or(1);
            let population = (base * rng.i64(80..120) / 100).max(2_400);
            (code, name, population)
        })
        .collect();
    list.sort();
    list
}

fn text(rng: &mut fastrand::Rng, short: bool) -> String {
    let parts = if short { 1 } else { rng.usize(4..8) };
    let mut text = String::new();
    for p in 0..parts {
        let word = WORDS[if p == 0 {
            rng.usize(0..3)
        } else {
            rng.usize(3..WORDS.len())
        }];
        if p > 0 {
            text.push(' ');
        }
        text.push_str(word);
    }
    text.push('.');
    text
}

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// The amount of the model's area `a`: its insatser's.
fn area_amount(model: &Model, a: usize) -> i64 {
    model
        .insatser
        .iter()
        .filter(|i| i.area == a)
        .map(|i| i.amount)
        .sum()
}

fn write_plan(model: &Model, figures: Option<&Figures>) -> String {
    let mut t = String::with_capacity(model.insatser.len() * 700 + 100_000);
    let total: i64 = model.insatser.iter().map(|i| i.amount).sum();
    let _ = writeln!(
        t,
        "# Generated by `allocate generate` for the benchmarks: not a real plan.\n\n\
         [plan]\nyear = 2026\ncounty = \"Riket (genererad)\"\n\
         title = \"Generated plan with {} insatser and {} kommuner\"\n\
         forum = \"SVOM\"\ndecision_date = 2026-02-27\nunit = 1\ncounty_total = {total}\n",
        model.insatser.len(),
        model.kommuner.len()
    );
    for (a, title) in AREAS.iter().enumerate() {
        let amount = area_amount(model, a);
        // An area no insats is in (in a small plan) is left out: its 0 would be an amount
        // still to fill in.
        if amount == 0 {
            continue;
        }
        let _ = writeln!(
            t,
            "[[areas]]\nnumber = {}\ntitle = {}\namount = {amount}\n",
            a + 1,
            quoted(title)
        );
    }
    for actor in &model.actors {
        let _ = writeln!(
            t,
            "[[actors]]\nid = {}\nname = {}\nkind = {}",
            quoted(&actor.id),
            quoted(&actor.name),
            quoted(actor.kind)
        );
        if let Some(p) = actor.parent {
            let _ = writeln!(t, "parent = {}", quoted(&model.actors[p].id));
        }
        t.push('\n');
    }
    let _ = writeln!(
        t,
        "[[actors]]\nid = \"kommunerna\"\nname = \"Kommunerna\"\nkind = \"kommuner\"\n"
    );
    for (code, name, _) in &model.kommuner {
        let _ = writeln!(
            t,
            "[[kommuner]]\ncode = {}\nname = {}\n",
            quoted(code),
            quoted(name)
        );
    }
    t.push_str(
        "[[keys]]\nid = \"befolkning\"\nkind = \"population\"\ndate = 2025-11-01\n\
         source = \"Genererad\"\nvalues = { ",
    );
    for (i, (code, _, population)) in model.kommuner.iter().enumerate() {
        let _ = write!(
            t,
            "{}{} = {population}",
            if i > 0 { ", " } else { "" },
            quoted(code)
        );
    }
    t.push_str(" }\n\n");
    for (i, insats) in model.insatser.iter().enumerate() {
        write_insats(&mut t, model, i, insats, figures);
    }
    write_headings(&mut t, model);
    if let Some(figures) = figures {
        // A total of nothing (an area, actor or kommun a small plan gives no insats) is not
        // printed: a 0 in a plan is an amount still to fill in.
        for (label, filter, amount) in figures.stated.iter().filter(|s| s.2 != Amount::ZERO) {
            let _ = writeln!(
                t,
                "[[stated]]\nlabel = {}\namount = {}\n{filter}\n",
                quoted(label),
                amount.0
            );
        }
    }
    t
}

fn insats_id(i: usize) -> String {
    format!("g{}", i + 1)
}

fn write_insats(
    t: &mut String,
    model: &Model,
    i: usize,
    insats: &Insats,
    figures: Option<&Figures>,
) {
    let actor = |a: usize| quoted(&model.actors[a].id);
    let actors = match insats.rule {
        Rule::One(a) => actor(a),
        Rule::Amounts(a, b, _) => format!("[{}, {}]", actor(a), actor(b)),
        _ => "\"kommunerna\"".into(),
    };
    let _ = writeln!(
        t,
        "[[insatser]]\nid = \"{}\"\narea = {}\ntext = {}\nactor = {actors}\namount = {}",
        insats_id(i),
        insats.area + 1,
        quoted(&insats.text),
        insats.amount
    );
    match insats.rule {
        Rule::One(_) => {}
        Rule::Key { .. } => {
            t.push_str("\n[insatser.split]\nrule = \"key\"\nkey = \"befolkning\"\nunit = 100\n");
            let table = figures
                .and_then(|f| f.tables.get(i))
                .and_then(Option::as_ref);
            if let Some(table) = table {
                t.push_str("printed = { ");
                for (k, amount) in table.iter().enumerate() {
                    let code = model.kommuner.get(k).map_or("", |x| x.0.as_str());
                    let _ = write!(
                        t,
                        "{}{} = {}",
                        if k > 0 { ", " } else { "" },
                        quoted(code),
                        amount.0
                    );
                }
                t.push_str(" }\n");
            }
        }
        Rule::Equal => t.push_str("\n[insatser.split]\nrule = \"equal\"\n"),
        Rule::Fixed { each } => {
            let first = model.kommuner.first().map_or("", |k| k.0.as_str());
            let _ = writeln!(
                t,
                "\n[insatser.split]\nrule = \"fixed\"\neach = {each}\nexcept = {{ {} = {} }}",
                quoted(first),
                each * 2
            );
        }
        Rule::FixedPlusKey { each } => {
            let _ = writeln!(
                t,
                "\n[insatser.split]\nrule = \"fixed-plus-key\"\neach = {each}\nkey = \"befolkning\"\nunit = 100"
            );
        }
        Rule::Amounts(a, b, first) => {
            let _ = writeln!(
                t,
                "\n[insatser.split]\nrule = \"amounts\"\namounts = {{ {} = {first}, {} = {} }}",
                actor(a),
                actor(b),
                insats.amount - first
            );
        }
    }
    t.push('\n');
}

/// One heading per kind of handling actor, the regions' with one sub-heading per region.
fn write_headings(t: &mut String, model: &Model) {
    let handler = |insats: &Insats| match insats.rule {
        Rule::One(a) | Rule::Amounts(a, _, _) => Some(a),
        _ => None,
    };
    let mut groups: Vec<(String, Option<&str>, String, Vec<usize>)> = vec![];
    let mut add = |id: String,
                   parent: Option<&'static str>,
                   title: String,
                   pick: &dyn Fn(&Insats) -> bool| {
        let list: Vec<usize> = (0..model.insatser.len())
            .filter(|&i| pick(&model.insatser[i]))
            .collect();
        groups.push((id, parent, title, list));
    };
    add(
        "kommunerna".into(),
        None,
        "Direkt till kommunerna".into(),
        &|i| handler(i).is_none(),
    );
    add("regionerna".into(), None, "Regionerna".into(), &|_| false);
    for (r, region) in model
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == "region")
    {
        add(
            region.id.clone(),
            Some("regionerna"),
            region.name.clone(),
            &|i| handler(i).and_then(|a| model.actors[a].parent) == Some(r),
        );
    }
    add(
        "ovriga".into(),
        None,
        "Kommunförbund och externa parter".into(),
        &|i| handler(i).is_some_and(|a| model.actors[a].parent.is_none()),
    );
    let amount_of =
        |list: &[usize]| -> i64 { list.iter().map(|&i| model.insatser[i].amount).sum() };
    let regions_total: i64 = groups
        .iter()
        .filter(|g| g.1.is_some())
        .map(|g| amount_of(&g.3))
        .sum();
    for (id, parent, title, list) in &groups {
        let stated = if parent.is_none() && id == "regionerna" {
            regions_total
        } else {
            amount_of(list)
        };
        // A heading over nothing (in a small plan) is left out, as its 0 would be an amount
        // still to fill in; a heading over regions that all are left out is left out with them.
        if stated == 0 {
            continue;
        }
        let _ = writeln!(
            t,
            "[[headings]]\nid = {}\ntitle = {}\nstated = {stated}",
            quoted(id),
            quoted(title)
        );
        if let Some(p) = parent {
            let _ = writeln!(t, "parent = {}", quoted(p));
        }
        if !list.is_empty() {
            t.push_str("insatser = [");
            for (n, &i) in list.iter().enumerate() {
                let _ = write!(t, "{}\"{}\"", if n > 0 { ", " } else { "" }, insats_id(i));
            }
            t.push_str("]\n");
        }
        t.push('\n');
    }
}

/// Journal dialects: hledger and ledger read the same file; beancount its own.
#[derive(Clone, Copy, PartialEq)]
pub enum Dialect {
    Ledger,
    Beancount,
}

/// The ledger's money as a journal: every insats a transaction, every stated total a balance
/// assertion.
pub fn journal(ledger: &Ledger, dialect: Dialect) -> String {
    let plan = ledger.plan;
    let mut t = String::with_capacity(ledger.lines.len() * 48 + 1_000_000);
    let account = |recipient: Recipient| -> String {
        match recipient {
            Recipient::Kommun(_) => {
                format!(
                    "Assets:Kommun:K{}",
                    ledger.kommunkod(recipient).unwrap_or_default()
                )
            }
            Recipient::Actor(a) => {
                let id = plan
                    .actors
                    .get(a as usize)
                    .map_or("", |x| x.id.get_ref().as_str());
                // An account name component: beancount wants a capital letter first.
                format!("Assets:Aktor:{}", crate::output::words::capitalized(id))
            }
        }
    };
    if dialect == Dialect::Beancount {
        t.push_str("option \"operating_currency\" \"SEK\"\n\n");
        let mut opened: Vec<String> = vec!["Equity:Lansmedel".into(), "Equity:Omraden".into()];
        opened.extend((1..=plan.areas.len()).map(|a| format!("Expenses:Omrade:O{a}")));
        opened.extend(
            (0..plan.actors.len())
                .map(|a| account(Recipient::Actor(crate::core::ledger::index(a)))),
        );
        opened.extend(
            (0..plan.kommuner.len())
                .map(|k| account(Recipient::Kommun(crate::core::ledger::index(k)))),
        );
        for a in opened {
            let _ = writeln!(t, "2026-01-01 open {a} SEK");
        }
        t.push('\n');
    }
    for (i, insats) in plan.insatser.iter().enumerate() {
        let lines = ledger.lines_of(i);
        let total: Amount = lines.iter().map(|l| l.amount).sum();
        let area = ledger
            .insatser
            .get(i)
            .and_then(|e| e.area)
            .map_or(0, |a| a + 1);
        let _ = writeln!(t, "2026-01-02 * \"Insats {}\"", insats.id.get_ref());
        for line in lines {
            let _ = writeln!(t, "  {}  {} SEK", account(line.recipient), line.amount.0);
        }
        let _ = writeln!(t, "  Equity:Lansmedel  {} SEK", -total.0);
        let _ = writeln!(t, "  Expenses:Omrade:O{area}  {} SEK", total.0);
        let _ = writeln!(t, "  Equity:Omraden  {} SEK\n", -total.0);
    }
    let mut assertions: Vec<(String, Amount)> = vec![];
    for (s, stated) in plan.stated.iter().enumerate() {
        let Some(Some(selection)) = ledger.stated.get(s) else {
            continue;
        };
        let amount = *stated.amount.get_ref();
        if let Some(&a) = selection.areas.first() {
            assertions.push((format!("Expenses:Omrade:O{}", a + 1), amount));
        } else if let Some(a) = selection.actor {
            assertions.push((
                account(Recipient::Actor(crate::core::ledger::index(a))),
                amount,
            ));
        } else if let Some(k) = selection.kommun {
            assertions.push((
                account(Recipient::Kommun(crate::core::ledger::index(k))),
                amount,
            ));
        }
    }
    match dialect {
        Dialect::Ledger => {
            t.push_str("2026-12-31 * \"Angivna summor\"\n");
            for (account, amount) in assertions {
                let _ = writeln!(t, "  {account}  0 SEK = {} SEK", amount.0);
            }
        }
        Dialect::Beancount => {
            for (account, amount) in assertions {
                let _ = writeln!(t, "2027-01-01 balance {account}  {} SEK", amount.0);
            }
        }
    }
    t
}
