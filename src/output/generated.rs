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
    /// Some insats goes to the kommuner: the plan has the kommuner's group actor.
    group: bool,
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
    let Ok(mut parsed) = parse(&draft) else {
        return draft;
    };
    // The draft is this module's own text, and smaller than the plan (its printed tables and
    // stated totals are still to come): resolved whole, not within the lines `check` allows
    // a plan of the draft's size (`ledger::max_lines`), which refused the last insatser of a
    // large draft and left their printed parts and totals at 0.
    parsed.source_bytes = usize::MAX;
    let mut findings = Findings::default();
    let ledger = Ledger::build(&parsed, &[], &mut findings);
    if !ledger.unresolved.is_empty() {
        // Never so in a generated plan; were it so, no figure the split did not give would be
        // written (`check` reports the insats).
        return draft;
    }
    let mut figures = Figures {
        tables: vec![None; model.insatser.len()],
        stated: stated(&model, &ledger),
    };
    let bare = write_plan(&model, Some(&figures));
    figures.tables = printed(&model, &ledger, (bare.len(), parts(&bare)), CHECK);
    write_plan(&model, Some(&figures))
}

/// What the document prints, from the resolved draft.
struct Figures {
    /// Per insats with a printed table: its `printed = { … }` line.
    tables: Vec<Option<String>>,
    /// (label, filter line, amount)
    stated: Vec<(String, String, Amount)>,
}

/// What `check` reads and splits.
#[derive(Clone, Copy)]
struct Limits {
    /// The most bytes it reads: the plan's size limit without `ALLOCATE_MAX_FILE_MB`
    /// (`input::read::MAX_FILE_BYTES`).
    bytes: usize,
    /// The most ledger lines it makes per byte of plan (`ledger::LINES_PER_BYTE`; it allows
    /// at least a million in a small plan, which the generator does not count on).
    lines_per_byte: usize,
    /// The most TOML parts it parses (`input::read::max_toml_parts` without
    /// `ALLOCATE_MAX_FILE_MB`): a printed table has one for every 2 bytes or so.
    parts: usize,
}

const CHECK: Limits = Limits {
    bytes: crate::input::read::MAX_FILE_BYTES as usize,
    lines_per_byte: crate::core::ledger::LINES_PER_BYTE,
    parts: (crate::input::read::MAX_FILE_BYTES / crate::input::read::BYTES_PER_PART) as usize,
};

/// The TOML parts of `text`, as `check` counts them (`input::read::toml_parts_within_limit`).
fn parts(text: &str) -> usize {
    toml_parser::Source::new(text).lex().count()
}

/// The printed tables, by insats: those the model prints, within what `check` reads and
/// splits (`Limits`). `bare` is the plan's size and parts without them.
///
/// Over many kommuner a plan makes more ledger lines per byte than `check` allows unless some
/// of its tables are printed (each some 15 bytes per kommun, for at most one line per kommun):
/// where the model's tables are too few, the first key splits it does not print are printed
/// too, in plan order. Where its tables would make the plan larger than `check` reads, or of
/// more parts than it parses, the last are left out. Every table holds the parts the split gave. In every plan measured (up
/// to 20 000 insatser over 2 079 kommuner and 200 000 over 290) the model's tables are within
/// the limits and kept as they are.
fn printed(
    model: &Model,
    ledger: &Ledger,
    (bare, bare_parts): (usize, usize),
    most: Limits,
) -> Vec<Option<String>> {
    let allowed = |bytes: usize| bytes.saturating_mul(most.lines_per_byte);
    let key_splits = || {
        model
            .insatser
            .iter()
            .enumerate()
            .filter_map(|(i, insats)| match insats.rule {
                Rule::Key { printed } => Some((i, printed)),
                _ => None,
            })
    };
    let mut tables: Vec<Option<String>> = vec![None; model.insatser.len()];
    let (mut bytes, mut in_parts) = (bare, bare_parts);
    for (i, _) in key_splits().filter(|&(_, printed)| printed) {
        let table = table(model, ledger, i);
        bytes += table.len();
        in_parts += parts(&table);
        tables[i] = Some(table);
    }
    // Every part a split makes (its 0s too) takes a place in `check`'s count of lines.
    let lines: usize = model
        .insatser
        .iter()
        .map(|insats| match insats.rule {
            Rule::One(_) => 1,
            Rule::Amounts(..) => 2,
            _ => model.kommuner.len(),
        })
        .sum();
    let mut last = tables.len();
    while (bytes > most.bytes || in_parts > most.parts) && last > 0 {
        last -= 1;
        if let Some(table) = tables[last].take() {
            bytes -= table.len();
            in_parts -= parts(&table);
        }
    }
    if lines > allowed(bytes) {
        let unprinted: Vec<usize> = key_splits()
            .map(|(i, _)| i)
            .filter(|&i| tables[i].is_none())
            .collect();
        for i in unprinted {
            if lines <= allowed(bytes) {
                break;
            }
            let table = table(model, ledger, i);
            let more = parts(&table);
            if bytes + table.len() <= most.bytes && in_parts + more <= most.parts {
                bytes += table.len();
                in_parts += more;
                tables[i] = Some(table);
            }
        }
    }
    tables
}

/// The `printed = { … }` line of insats `i`: every kommun, in the model's order, with its
/// part; one the split gives nothing has no line and is printed as 0.
fn table(model: &Model, ledger: &Ledger, i: usize) -> String {
    let mut parts = vec![Amount::ZERO; model.kommuner.len()];
    for line in ledger.lines_of(i) {
        if let Recipient::Kommun(k) = line.recipient
            && let Some(cell) = parts.get_mut(k as usize)
        {
            *cell = line.amount;
        }
    }
    let mut t = String::from("printed = { ");
    for (k, amount) in parts.iter().enumerate() {
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
    t
}

/// The stated totals a document prints: per area, receiving actor and kommun.
fn stated(model: &Model, ledger: &Ledger) -> Vec<(String, String, Amount)> {
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
    stated
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
    let mut model = Model {
        kommuner,
        actors,
        insatser,
        group: true,
    };
    only_used_actors(&mut model);
    model
}

/// Leaves out the actors no insats names, and a region none of whose units is named (a small
/// plan has few insatser): `check` warns of an actor that is responsible for nothing. With
/// as many insatser as there are receiving actors every actor is used and kept.
fn only_used_actors(model: &mut Model) {
    let mut used = vec![false; model.actors.len()];
    let mut mark = |a: usize| {
        if let Some(u) = used.get_mut(a) {
            *u = true;
        }
    };
    for insats in &model.insatser {
        match insats.rule {
            Rule::One(a) => mark(a),
            Rule::Amounts(a, b, _) => {
                mark(a);
                mark(b);
            }
            _ => {}
        }
    }
    // A parent comes before its units: a used unit makes its parent used.
    for a in (0..model.actors.len()).rev() {
        if used[a]
            && let Some(p) = model.actors[a].parent
        {
            used[p] = true;
        }
    }
    model.group = model
        .insatser
        .iter()
        .any(|i| !matches!(i.rule, Rule::One(_) | Rule::Amounts(..)));
    if used.iter().all(|&u| u) {
        return;
    }
    // Each kept actor's new index.
    let mut new = vec![0; used.len()];
    let mut kept = 0;
    for (a, &u) in used.iter().enumerate() {
        new[a] = kept;
        kept += usize::from(u);
    }
    let actors = std::mem::take(&mut model.actors);
    model.actors = actors
        .into_iter()
        .zip(&used)
        .filter(|(_, u)| **u)
        .map(|(mut actor, _)| {
            actor.parent = actor.parent.map(|p| new[p]);
            actor
        })
        .collect();
    for insats in &mut model.insatser {
        match &mut insats.rule {
            Rule::One(a) => *a = new[*a],
            Rule::Amounts(a, b, _) => {
                *a = new[*a];
                *b = new[*b];
            }
            _ => {}
        }
    }
}

/// Kommuner spread over the 21 counties, with populations falling off by rank as Sweden's do
/// (about 1 000 000 for the largest, a few thousand for most), in kommunkod order.
fn kommuner(count: usize, rng: &mut fastrand::Rng) -> Vec<(String, String, i64)> {
    let counties: Vec<_> = crate::core::counties::all().collect();
    let real: std::collections::HashSet<String> = (crate::core::counties::kommuner())
        .map(|(_, name)| crate::core::ledger::names::kommun_identity(name))
        .collect();
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
            // A made-up name that is a real kommun's (`Västervik`) would be that kommun under
            // another code, which `check` refuses (`kommun-code`).
            let name = match real.contains(&crate::core::ledger::names::kommun_identity(&name)) {
                true => format!("Nya {name}"),
                false => name,
            };
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
    if model.group {
        t.push_str(
            "[[actors]]\nid = \"kommunerna\"\nname = \"Kommunerna\"\nkind = \"kommuner\"\n\n",
        );
    }
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
            if let Some(table) = figures
                .and_then(|f| f.tables.get(i))
                .and_then(Option::as_ref)
            {
                t.push_str(table);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The model of `insatser` over every kommun there are codes for, with one-line texts,
    /// resolved; `test` is given the model, the ledger and the plan's size without tables.
    fn resolved(insatser: usize, test: impl FnOnce(&Model, &Ledger, usize)) {
        let model = model(&Spec {
            insatser,
            kommuner: MAX_KOMMUNER,
            seed: 1,
            short_texts: true,
        });
        let mut parsed = parse(&write_plan(&model, None)).unwrap();
        parsed.source_bytes = usize::MAX;
        let mut findings = Findings::default();
        let ledger = Ledger::build(&parsed, &[], &mut findings);
        assert!(ledger.unresolved.is_empty());
        let figures = Figures {
            tables: vec![None; model.insatser.len()],
            stated: stated(&model, &ledger),
        };
        let bare = write_plan(&model, Some(&figures)).len();
        test(&model, &ledger, bare);
    }

    fn chosen(tables: &[Option<String>]) -> Vec<usize> {
        (0..tables.len()).filter(|&i| tables[i].is_some()).collect()
    }

    fn by_model(model: &Model) -> Vec<usize> {
        (0..model.insatser.len())
            .filter(|&i| matches!(model.insatser[i].rule, Rule::Key { printed: true }))
            .collect()
    }

    fn size(bare: usize, tables: &[Option<String>]) -> usize {
        bare + tables.iter().flatten().map(String::len).sum::<usize>()
    }

    /// Every part a split makes, 0s included, as `printed` counts them.
    fn lines(model: &Model) -> usize {
        model
            .insatser
            .iter()
            .map(|i| match i.rule {
                Rule::One(_) => 1,
                Rule::Amounts(..) => 2,
                _ => model.kommuner.len(),
            })
            .sum()
    }

    #[test]
    fn within_the_limits_the_models_tables_are_printed_with_the_splits_parts() {
        resolved(300, |model, ledger, bare| {
            let tables = printed(model, ledger, (bare, 0), CHECK);
            assert!(!by_model(model).is_empty());
            assert_eq!(chosen(&tables), by_model(model));
            // Each table's parts are the ledger's, every kommun in order.
            for i in chosen(&tables) {
                let table = tables[i].as_deref().unwrap();
                let parts = table
                    .trim_start_matches("printed = { ")
                    .trim_end_matches(" }\n");
                assert_eq!(parts.split(", ").count(), MAX_KOMMUNER);
                let sum: rust_decimal::Decimal = parts
                    .split(", ")
                    .map(|p| {
                        p.split(" = ")
                            .nth(1)
                            .unwrap()
                            .parse::<rust_decimal::Decimal>()
                            .unwrap()
                    })
                    .sum();
                assert_eq!(sum, ledger.insatser[i].total.0);
            }
        });
    }

    #[test]
    fn tables_that_would_make_the_plan_larger_than_check_reads_are_left_out_from_the_last() {
        resolved(300, |model, ledger, bare| {
            let all = printed(model, ledger, (bare, 0), CHECK);
            let first = all.iter().flatten().next().unwrap().len();
            let most = Limits {
                bytes: bare + 2 * first + first / 2,
                ..CHECK
            };
            let tables = printed(model, ledger, (bare, 0), most);
            assert!(size(bare, &tables) <= most.bytes);
            assert_eq!(chosen(&tables), by_model(model)[..2]);
            // Not even one fits: none.
            let none = Limits {
                bytes: bare,
                ..CHECK
            };
            assert!(chosen(&printed(model, ledger, (bare, 0), none)).is_empty());
        });
    }

    #[test]
    fn where_the_plan_would_make_more_lines_than_check_allows_more_tables_are_printed() {
        resolved(1000, |model, ledger, bare| {
            let lines = lines(model);
            let with_model = size(bare, &printed(model, ledger, (bare, 0), CHECK));
            // One line per byte: more than the model's tables give.
            let most = Limits {
                lines_per_byte: 1,
                ..CHECK
            };
            assert!(lines > with_model);
            let tables = printed(model, ledger, (bare, 0), most);
            let more = chosen(&tables);
            assert!(lines <= size(bare, &tables));
            assert!(more.len() > by_model(model).len());
            assert!(by_model(model).iter().all(|i| more.contains(i)));
            assert!(
                more.iter()
                    .all(|&i| matches!(model.insatser[i].rule, Rule::Key { .. }))
            );
            // Within both limits only where they allow it: never beyond the size.
            let both = Limits {
                bytes: with_model,
                lines_per_byte: 1,
                ..CHECK
            };
            assert!(size(bare, &printed(model, ledger, (bare, 0), both)) <= with_model);
        });
    }

    #[test]
    fn tables_that_would_give_the_plan_more_parts_than_check_parses_are_left_out_from_the_last() {
        resolved(300, |model, ledger, bare| {
            let all = printed(model, ledger, (bare, 0), CHECK);
            let first = parts(all.iter().flatten().next().unwrap());
            let bare_parts = 1000;
            let most = Limits {
                parts: bare_parts + 2 * first + first / 2,
                ..CHECK
            };
            let tables = printed(model, ledger, (bare, bare_parts), most);
            assert_eq!(chosen(&tables), by_model(model)[..2]);
            let in_parts: usize = tables.iter().flatten().map(|t| parts(t)).sum();
            assert!(bare_parts + in_parts <= most.parts);
        });
    }

    #[test]
    fn a_small_plan_has_only_the_actors_its_insatser_name() {
        let model = model(&Spec {
            insatser: 1,
            kommuner: 1,
            seed: 1,
            short_texts: true,
        });
        // The first insats goes to two receivers, under the region of the first.
        let Rule::Amounts(a, b, _) = model.insatser[0].rule else {
            panic!("the first insats is by amounts");
        };
        assert!(!model.group);
        let mut named = vec![a, b];
        named.extend(model.actors[a].parent);
        named.extend(model.actors[b].parent);
        named.sort_unstable();
        named.dedup();
        assert_eq!(named, (0..model.actors.len()).collect::<Vec<_>>());
    }
}
