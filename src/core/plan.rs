//! The plan model, as written: one struct per table of the plan file, so that every value a
//! check complains about still carries its byte span (`Spanned`). Reading a file into this
//! model is `input::plan`; what the figures mean is `core::check`.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
pub use serde_spanned::Spanned;

use crate::core::money::Amount;

/// The whole plan file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub plan: Meta,
    pub deadlines: Option<Deadlines>,
    pub agreement: Option<Agreement>,
    #[serde(default)]
    pub focus_areas: Vec<FocusArea>,
    pub areas: Vec<Area>,
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub kommuner: Vec<Kommun>,
    #[serde(default)]
    pub keys: Vec<Key>,
    pub insatser: Vec<Insats>,
    #[serde(default)]
    pub headings: Vec<Heading>,
    #[serde(default)]
    pub stated: Vec<Stated>,
    /// `[[tables]]`: printed tables checked against themselves (and the ledger, row by row).
    #[serde(default)]
    pub tables: Vec<PrintedTable>,
    /// `[[cost_sharing]]`: cost-sharing tables between parties, each row by its rule.
    #[serde(default)]
    pub cost_sharing: Vec<CostSharing>,
    /// `[[contacts]]`: whom to ask about the decision, named in the decision basis and in
    /// every letter.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// The size of the text the plan was read from, in bytes: what the ledger may grow to
    /// is a multiple of it (`ledger::max_lines`).
    #[serde(skip)]
    pub source_bytes: usize,
    /// Every whole number the text writes in base 16, 8 or 2 (`0x10`), in file order: found
    /// when the text is read (`input::radix`), reported by `check` (`not-decimal`).
    #[serde(skip)]
    pub not_decimal: Vec<NotDecimal>,
}

/// The top-level keys of a plan, as [`Plan`] reads them: a file with one of them where a
/// follow-up report belongs is a plan given in the wrong place.
pub const TABLES: &[&str] = &[
    "plan",
    "deadlines",
    "agreement",
    "focus_areas",
    "areas",
    "actors",
    "kommuner",
    "keys",
    "insatser",
    "headings",
    "stated",
    "tables",
    "cost_sharing",
    "contacts",
];

/// A whole number written in base 16, 8 or 2 (`amount = 0x10`): TOML reads it (as 16), but
/// no one who reads the plan would, so a document built on it would print a figure no one
/// could find in the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotDecimal {
    /// Byte span of the number in the plan text.
    pub span: std::ops::Range<usize>,
    /// The number as written (`0x10`).
    pub written: String,
    /// 16, 8 or 2.
    pub radix: u32,
    /// What TOML reads it as.
    pub value: i64,
    /// Whether it is given to `year`, which is written without underscores (`2026`).
    pub year: bool,
}

/// The years `allocate init` makes a plan for, and `--year` takes: four-digit calendar years
/// (a TOML date's year has four digits), leaving room for a deadline the year after.
pub const YEARS: std::ops::RangeInclusive<i32> = 1000..=9998;

/// `[plan]`: what the decision document is and the figures it is built on.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub year: Spanned<i32>,
    #[serde(deserialize_with = "non_empty_spanned")]
    pub county: Spanned<String>,
    #[serde(deserialize_with = "non_empty")]
    pub title: String,
    #[serde(default, deserialize_with = "non_empty_spanned_given")]
    pub forum: Option<Spanned<String>>,
    pub decision_date: Option<Spanned<Date>>,
    /// The date of the decision this plan revises (a decided plan revised during the year):
    /// the decision basis, the letters and the invoices say the plan replaces it.
    pub replaces: Option<Spanned<Date>>,
    pub document_date: Option<Spanned<Date>>,
    /// The reference code that invoices cite (`400105`).
    #[serde(default, deserialize_with = "non_empty_given")]
    pub reference: Option<String>,
    /// Where those who invoice the region find its invoicing details (*Faktureringsuppgifter
    /// för leverantörer*): a web page or an address, as written.
    #[serde(default, deserialize_with = "non_empty_given")]
    pub invoicing: Option<String>,
    /// The smallest amount the plan deals in; every amount is a multiple of it. Default 1 kr.
    pub unit: Option<Spanned<Amount>>,
    pub county_total: Spanned<Amount>,
    pub previous_county_total: Option<Spanned<Amount>>,
    /// The change against the previous year as the document prints it (`-7_877`).
    pub stated_change: Option<Spanned<Amount>>,
    /// *Förslag till beslut*: the points the forum is asked to decide (`Att SVOM godkänner
    /// …`), as the decision basis prints them, in order.
    #[serde(default, deserialize_with = "non_empty_texts")]
    pub proposal: Vec<String>,
    /// *Villkor för medlen*: what the decision says about using the money, as written
    /// (moving unused money between insatser, what happens to money not invoiced), each a
    /// paragraph of the decision basis, in order.
    #[serde(default, deserialize_with = "non_empty_texts")]
    pub conditions: Vec<String>,
}

impl Meta {
    /// Whether the plan states figures about last year (`previous_county_total`,
    /// `stated_change`), which last year's plan can bear out.
    pub fn states_last_year(&self) -> bool {
        self.previous_county_total.is_some() || self.stated_change.is_some()
    }
}

impl Meta {
    /// Whether a condition of the decision speaks of invoicing (`faktur…`, `invoic…`): says
    /// what money not invoiced by `invoice_by` goes to (2025: "Medel som inte fakturerats
    /// enligt beslut 2025-08-30 … ska återbetalas och nyttjas för …"). The texts are not read
    /// further.
    pub fn conditions_speak_of_invoicing(&self) -> bool {
        self.conditions.iter().any(|c| {
            let c = c.to_lowercase();
            c.contains("faktur") || c.contains("invoic")
        })
    }

    pub fn unit(&self) -> Amount {
        self.unit.as_ref().map_or(Amount::kr(1), |u| *u.get_ref())
    }

    /// The decimals of the plan's unit: 0 for whole kronor, 1 for tenths (`"0,1"`), 2 for öre.
    pub fn decimals(&self) -> u32 {
        self.unit().0.normalize().scale()
    }
}

impl Plan {
    /// Writes every amount of the plan with the decimals of the plan's unit (`5 757 598` as
    /// `5 757 598,0` in a plan counted in tenths), so that the amounts, their sums and the
    /// parts split from them all print alike. Values never change: an amount finer than the
    /// unit keeps its decimals, for `check` to report.
    pub fn align_to_unit(&mut self) {
        let decimals = self.plan.decimals();
        if decimals == 0 {
            return;
        }
        let mut align = |a: &mut Spanned<Amount>| {
            let aligned = a.get_ref().with_decimals(decimals);
            *a.get_mut() = aligned;
        };
        let meta = &mut self.plan;
        meta.unit.iter_mut().for_each(&mut align);
        align(&mut meta.county_total);
        meta.previous_county_total.iter_mut().for_each(&mut align);
        meta.stated_change.iter_mut().for_each(&mut align);
        if let Some(agreement) = &mut self.agreement {
            align(&mut agreement.national_total);
            agreement
                .previous_national_total
                .iter_mut()
                .for_each(&mut align);
            agreement
                .split
                .iter_mut()
                .for_each(|p| align(&mut p.amount));
        }
        for area in &mut self.areas {
            align(&mut area.amount);
            area.earmarks.iter_mut().for_each(|e| align(&mut e.amount));
        }
        for insats in &mut self.insatser {
            align(&mut insats.amount);
            let Some(split) = &mut insats.split else {
                continue;
            };
            let split = split.get_mut();
            split.unit.iter_mut().for_each(&mut align);
            split.each.iter_mut().for_each(&mut align);
            split.except.values_mut().for_each(&mut align);
            if let Some(amounts) = &mut split.amounts {
                amounts.get_mut().values_mut().for_each(&mut align);
            }
            split.printed.values_mut().for_each(&mut align);
        }
        for heading in &mut self.headings {
            heading.stated.iter_mut().for_each(&mut align);
        }
        for stated in &mut self.stated {
            align(&mut stated.amount);
        }
    }
}

/// `[deadlines]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadlines {
    /// The region requisitions the money from Kammarkollegiet (1 December).
    pub requisition: Option<Spanned<Date>>,
    /// Recipients report how they used the money (31 December).
    pub use_reported: Option<Spanned<Date>>,
    /// Unused money is repaid to Kammarkollegiet (31 March the next year).
    pub unused_repaid: Option<Spanned<Date>>,
    /// Recipients that invoice the region do so by this date (*fakturera senast*); money not
    /// invoiced by then is repaid (2025: 30 August).
    pub invoice_by: Option<Spanned<Date>>,
    /// The actors the recipients report their use to (KFJH and Folkhälsoenheten), by id.
    #[serde(default)]
    pub report_to: Vec<Spanned<String>>,
}

impl Deadlines {
    /// The day the region requisitions the money, when the plan sets it.
    pub fn requisition(&self) -> Option<Date> {
        self.requisition.as_ref().map(|d| *d.get_ref())
    }

    /// The day the recipients report their use, when the plan sets it.
    pub fn use_reported(&self) -> Option<Date> {
        self.use_reported.as_ref().map(|d| *d.get_ref())
    }

    /// The day unused money is repaid, when the plan sets it.
    pub fn unused_repaid(&self) -> Option<Date> {
        self.unused_repaid.as_ref().map(|d| *d.get_ref())
    }

    /// The day the recipients that invoice do so by, when the plan sets it.
    pub fn invoice_by(&self) -> Option<Date> {
        self.invoice_by.as_ref().map(|d| *d.get_ref())
    }

    /// Whether the invoices are due before the use is reported (`invoice_by` before
    /// `use_reported`, as in 2025): by the time the year is followed up, invoicing has closed.
    pub fn invoiced_before_reported(&self) -> bool {
        matches!((self.invoice_by(), self.use_reported()), (Some(by), Some(reported)) if by < reported)
    }
}

/// `[agreement]`: the state–SKR agreement behind the county's money.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    #[serde(default, deserialize_with = "non_empty_given")]
    pub name: Option<String>,
    pub national_total: Spanned<Amount>,
    pub previous_national_total: Option<Spanned<Amount>>,
    #[serde(default)]
    pub split: Vec<AgreementPart>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgreementPart {
    #[serde(deserialize_with = "non_empty")]
    pub recipient: String,
    pub amount: Spanned<Amount>,
}

/// `[[focus_areas]]`: the county action plan's focus areas (1–7).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FocusArea {
    pub number: Spanned<u32>,
    #[serde(deserialize_with = "non_empty")]
    pub title: String,
}

/// `[[areas]]`: a funded area of the agreement with its own amount.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub number: Spanned<u32>,
    #[serde(deserialize_with = "non_empty")]
    pub title: String,
    pub amount: Spanned<Amount>,
    /// How the state arrived at the amount ("5 mkr per län, resten enligt befolkningsmängd").
    #[serde(default, deserialize_with = "non_empty_given")]
    pub basis: Option<String>,
    #[serde(default)]
    pub earmarks: Vec<Earmark>,
    /// What the agreement asks of the region and the kommuner for the area's money.
    pub requirements: Option<Requirements>,
}

/// `[areas.requirements]`: the agreement's requirements for an area's money, as written: a
/// lead-in ("För att få ta del av medlen ska …") and the points it lists.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirements {
    #[serde(deserialize_with = "non_empty")]
    pub text: String,
    #[serde(default, deserialize_with = "non_empty_texts")]
    pub points: Vec<String>,
}

/// `[[areas.earmarks]]`: the state's indicative split inside an area (*varav*).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Earmark {
    #[serde(deserialize_with = "id")]
    pub id: Spanned<String>,
    #[serde(deserialize_with = "non_empty")]
    pub title: String,
    pub amount: Spanned<Amount>,
}

/// `[[contacts]]`: a person to ask about the decision (the drafters the document names, with
/// their e-mail), as written: the decision basis names them under its title, and every
/// letter under *Frågor om beskedet*.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(deserialize_with = "non_empty")]
    pub name: String,
    /// The title, as the document writes it (`utvecklingsstrateg`).
    #[serde(default, deserialize_with = "non_empty_given")]
    pub role: Option<String>,
    /// The organisation, by an actor's id (`rjh`).
    #[serde(default, deserialize_with = "non_empty_spanned_given")]
    pub actor: Option<Spanned<String>>,
    #[serde(default, deserialize_with = "non_empty_spanned_given")]
    pub email: Option<Spanned<String>>,
    #[serde(default, deserialize_with = "non_empty_given")]
    pub phone: Option<String>,
}

impl Contact {
    /// The e-mail address as written, when there is one.
    pub fn email(&self) -> Option<&str> {
        self.email.as_ref().map(|e| e.get_ref().as_str())
    }
}

/// Whether `text` reads as an e-mail address: no white space, control or invisible character
/// (which a reader copying it would copy too), exactly one `@` with something before it, and a
/// point after it with something on both sides (`anna.frisk@regionjh.se`). Not every address
/// the standard allows, but every address a letter would give a reader.
pub fn reads_as_email(text: &str) -> bool {
    let hidden =
        |c: char| c.is_whitespace() || c.is_control() || crate::core::text::is_invisible(c);
    if text.chars().any(hidden) {
        return false;
    }
    let mut parts = text.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !local.is_empty()
        && domain
            .split_once('.')
            .is_some_and(|(first, _)| !first.is_empty())
        && !domain.ends_with('.')
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
pub enum ActorKind {
    /// The region itself (money it holds for further distribution).
    #[serde(rename = "region")]
    Region,
    /// A unit of the region, paid by internal routine.
    #[serde(rename = "region-unit")]
    RegionUnit,
    #[serde(rename = "kommunförbund")]
    Kommunforbund,
    /// "Länets kommuner": the county's kommuner as one responsible actor; money given to it is
    /// split over the `[[kommuner]]`.
    #[serde(rename = "kommuner")]
    Kommuner,
    #[serde(rename = "external")]
    External,
}

impl ActorKind {
    /// The kind as the plan file writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Region => "region",
            ActorKind::RegionUnit => "region-unit",
            ActorKind::Kommunforbund => "kommunförbund",
            ActorKind::Kommuner => "kommuner",
            ActorKind::External => "external",
        }
    }
}

impl Payment {
    /// The payment as the plan file writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Payment::Invoice => "invoice",
            Payment::Internal => "internal",
            Payment::Held => "held",
        }
    }
}

/// How an actor receives its money.
#[derive(Clone, Copy, Debug, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Payment {
    /// Sends the region one collective invoice (*samlingsfaktura*).
    Invoice,
    /// A unit of the region, paid by internal transfer.
    Internal,
    /// The region holds the money for further distribution.
    Held,
}

/// `[[actors]]`: a responsible actor (*ansvarig verksamhet*).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    #[serde(deserialize_with = "id")]
    pub id: Spanned<String>,
    #[serde(deserialize_with = "non_empty")]
    pub name: String,
    #[serde(default, deserialize_with = "non_empty_given")]
    pub short: Option<String>,
    pub kind: Spanned<ActorKind>,
    pub parent: Option<Spanned<String>>,
    pub payment: Option<Spanned<Payment>>,
}

impl Actor {
    /// The payment route: as written, or what the kind implies.
    pub fn payment(&self) -> Payment {
        self.payment
            .as_ref()
            .map_or(self.kind_payment(), |p| *p.get_ref())
    }

    /// The payment route the kind implies.
    fn kind_payment(&self) -> Payment {
        match self.kind.get_ref() {
            ActorKind::Region => Payment::Held,
            ActorKind::RegionUnit => Payment::Internal,
            ActorKind::Kommunforbund | ActorKind::Kommuner | ActorKind::External => {
                Payment::Invoice
            }
        }
    }
}

/// `[[kommuner]]`: a kommun of the county, by official kommunkod.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kommun {
    #[serde(deserialize_with = "kommunkod")]
    pub code: Spanned<String>,
    #[serde(deserialize_with = "name_spanned")]
    pub name: Spanned<String>,
}

impl Kommun {
    /// The kommun by its code and name, as the plan writes them (`2326 Berg`).
    pub fn label(&self) -> String {
        crate::core::population::region_label(Some(self.code.get_ref()), self.name.get_ref())
    }
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum KeyKind {
    /// Population counts per kommun.
    Population,
    /// Percentage shares per kommun, written as text at a stated precision ("5,3").
    Percent,
}

/// `[[keys]]`: an allocation key (*fördelningsnyckel*) over the kommuner.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Key {
    #[serde(deserialize_with = "id")]
    pub id: Spanned<String>,
    #[serde(default, deserialize_with = "non_empty_given")]
    pub title: Option<String>,
    pub kind: Spanned<KeyKind>,
    /// Decimals of a percent key (1 for "5,3 %").
    pub precision: Option<Spanned<u32>>,
    pub date: Option<Spanned<Date>>,
    #[serde(default, deserialize_with = "non_empty_given")]
    pub source: Option<String>,
    /// Kommun (kommunkod or name) to its weight, written in the plan. A key has exactly one
    /// of `values`, `file` and `from`.
    pub values: Option<Spanned<BTreeMap<Spanned<String>, Spanned<Weight>>>>,
    /// An SCB population file, relative to the plan file (a population key).
    #[serde(default, deserialize_with = "non_empty_spanned_given")]
    pub file: Option<Spanned<String>>,
    /// The year column of `file` ("2024"); needed when the file has several.
    #[serde(default, deserialize_with = "non_empty_spanned_given")]
    pub column: Option<Spanned<String>>,
    /// A percent key derived from this population key at `precision` decimals.
    pub from: Option<Spanned<String>>,
    /// The sum the document prints under the key's table ("Summa" 132 708, "100,0"), checked
    /// against the key's values.
    pub printed_total: Option<Spanned<Weight>>,
}

impl Key {
    /// The key's inline values, if it has them.
    pub fn inline_values(&self) -> Option<&BTreeMap<Spanned<String>, Spanned<Weight>>> {
        self.values.as_ref().map(Spanned::get_ref)
    }

    /// Where the plan writes the key: from the first of its values to the end of the last, so
    /// that a finding about it (a file that cannot be read) can be found by its span.
    pub fn extent(&self) -> std::ops::Range<usize> {
        let spans = [self.id.span(), self.kind.span()]
            .into_iter()
            .chain(self.precision.as_ref().map(Spanned::span))
            .chain(self.date.as_ref().map(Spanned::span))
            .chain(self.values.as_ref().map(Spanned::span))
            .chain(self.file.as_ref().map(Spanned::span))
            .chain(self.column.as_ref().map(Spanned::span))
            .chain(self.from.as_ref().map(Spanned::span))
            .chain(self.printed_total.as_ref().map(Spanned::span));
        let (start, end) = spans.fold((usize::MAX, 0), |(a, b), s| (a.min(s.start), b.max(s.end)));
        start.min(end)..end
    }
}

/// `[[insatser]]`: one activity row of the plan.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Insats {
    #[serde(deserialize_with = "id")]
    pub id: Spanned<String>,
    pub area: Spanned<u32>,
    pub earmark: Option<Spanned<String>>,
    #[serde(deserialize_with = "non_empty")]
    pub text: String,
    pub focus_areas: Option<Spanned<Vec<Spanned<u32>>>>,
    /// *Ansvarig verksamhet* as the document prints it; `actor` is what the tool uses.
    #[serde(default, deserialize_with = "non_empty_given")]
    pub responsible: Option<String>,
    /// *Berörda verksamheter*.
    #[serde(default, deserialize_with = "non_empty_given")]
    pub affected: Option<String>,
    /// Responsible actor id, or several for a jointly run row.
    pub actor: Spanned<ActorRef>,
    pub amount: Spanned<Amount>,
    pub split: Option<Spanned<Split>>,
}

/// One actor id or a list of them.
#[derive(Debug)]
pub enum ActorRef {
    One(String),
    Many(Vec<Spanned<String>>),
}

impl Insats {
    /// The responsible actor ids, each with its span.
    pub fn actor_ids(&self) -> Vec<Spanned<String>> {
        match self.actor.get_ref() {
            ActorRef::One(id) => vec![Spanned::new(self.actor.span(), id.clone())],
            ActorRef::Many(ids) => ids.clone(),
        }
    }

    /// Where the plan writes the insats: from the first of its values to the end of the last
    /// (its split's included), so that a finding about it can be found by its span.
    pub fn extent(&self) -> std::ops::Range<usize> {
        let mut spans = vec![self.id.span(), self.area.span(), self.actor.span()];
        spans.push(self.amount.span());
        spans.extend(self.earmark.as_ref().map(Spanned::span));
        spans.extend(self.focus_areas.as_ref().map(Spanned::span));
        if let Some(split) = &self.split {
            spans.push(split.span());
            let split = split.get_ref();
            spans.push(split.rule.span());
            spans.extend(split.key.as_ref().map(Spanned::span));
            spans.extend(split.unit.as_ref().map(Spanned::span));
            spans.extend(split.each.as_ref().map(Spanned::span));
            spans.extend(split.amounts.as_ref().map(Spanned::span));
            for (name, amount) in split.except.iter().chain(&split.printed) {
                spans.extend([name.span(), amount.span()]);
            }
        }
        let start = spans.iter().map(|s| s.start).min().unwrap_or(0);
        let end = spans.iter().map(|s| s.end).max().unwrap_or(start);
        start..end
    }
}

pub const ACTOR_WRONG_TYPE: &str = "actor-wrong-type";

/// toml's message for a name or id left empty, which the input layer words.
pub const EMPTY_TEXT: &str = "empty-text";

/// Whether a text shows nothing: empty, or only spaces and characters that take no room
/// (`"\u{200b}"`).
fn blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || crate::core::text::is_invisible(c))
}

/// A name or id that must say something: empty, or only spaces, it is an error where it
/// stands (an actor `name = ""` made blank invoices and letters; `reference = ""` a blank
/// reference code on every invoice).
fn non_empty<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let text = String::deserialize(deserializer)?;
    if blank(&text) {
        return Err(de::Error::custom(EMPTY_TEXT));
    }
    Ok(text)
}

/// A list of [`non_empty`] texts.
fn non_empty_texts<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    struct Text(#[serde(deserialize_with = "non_empty")] String);
    let texts = Vec::<Text>::deserialize(deserializer)?;
    Ok(texts.into_iter().map(|Text(text)| text).collect())
}

/// A filter's list that may be left out (it then covers everything) but not given empty: `[]`
/// would select nothing, or, read as no filter, everything.
fn non_empty_list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<Vec<T>>, D::Error> {
    let list = Vec::<T>::deserialize(deserializer)?;
    if list.is_empty() {
        return Err(de::Error::custom(EMPTY_TEXT));
    }
    Ok(Some(list))
}

/// [`non_empty`] for a text that may be left out, but not given empty.
fn non_empty_given<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    non_empty(deserializer).map(Some)
}

/// [`non_empty`] for a text kept with its place.
fn non_empty_spanned<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Spanned<String>, D::Error> {
    let text = Spanned::<String>::deserialize(deserializer)?;
    if blank(text.get_ref()) {
        return Err(de::Error::custom(EMPTY_TEXT));
    }
    Ok(text)
}

/// [`non_empty_spanned`] for a text that may be left out, but not given empty (a key's
/// `file = ""` would name the plan's own folder).
fn non_empty_spanned_given<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Spanned<String>>, D::Error> {
    non_empty_spanned(deserializer).map(Some)
}

/// Error token for a kommun's name with spaces around it (`" Östersund "`), which the
/// payments would name the payee by.
pub const NAME_WITH_SPACES: &str = "name-with-spaces";

/// Error token for an id with spaces around it.
pub const ID_WITH_SPACES: &str = "id-with-spaces";

/// An id (of an actor, key, insats or heading): not empty, and without spaces around it, since
/// ids are compared as written and `"1.3 "` would be another insats than `"1.3"` that looks
/// the same in every table.
fn id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Spanned<String>, D::Error> {
    let id = non_empty_spanned(deserializer)?;
    if id.get_ref().trim() != id.get_ref() {
        return Err(de::Error::custom(ID_WITH_SPACES));
    }
    visible(id.get_ref())?;
    Ok(id)
}

/// Error token for a name or id with a character that takes no room, followed by its code
/// point in hex (`invisible-character: 200B`).
pub const INVISIBLE_CHARACTER: &str = "invisible-character: ";

/// A name or id is compared as written: a zero-width space or a direction mark in it
/// (pasted from a web page) would make `Åre<U+200B>` another kommun than the `Åre` it looks
/// like, and every reference to it an error far from the cause.
fn visible<E: de::Error>(text: &str) -> Result<(), E> {
    match text.chars().find(|&c| crate::core::text::is_invisible(c)) {
        Some(c) => Err(E::custom(format!(
            "{INVISIBLE_CHARACTER}{:04X}",
            u32::from(c)
        ))),
        None => Ok(()),
    }
}

/// A text that names something as shown (a printed table's column, a cost-sharing party):
/// not empty, and without an invisible character ([`visible`]).
fn shown<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Spanned<String>, D::Error> {
    let text = non_empty_spanned(deserializer)?;
    visible(text.get_ref())?;
    Ok(text)
}

/// A list of [`shown`] texts, each kept with its place (a blank column printed a table with
/// a blank heading; `"region\u{200b}"` made every row's `region` unknown; tester s34).
fn shown_list<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Spanned<Vec<Spanned<String>>>, D::Error> {
    #[derive(Deserialize)]
    struct Shown(#[serde(deserialize_with = "shown")] Spanned<String>);
    let list = Spanned::<Vec<Shown>>::deserialize(deserializer)?;
    let span = list.span();
    let texts = list.into_inner().into_iter().map(|Shown(text)| text);
    Ok(Spanned::new(span, texts.collect()))
}

/// A kommun's name: not empty, without spaces around it, and without an invisible character
/// ([`visible`]), since kommuner are named by it in keys, splits, totals and payments (an
/// actor is named by its id).
fn name_spanned<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Spanned<String>, D::Error> {
    let name = shown(deserializer)?;
    if name.get_ref().trim() != name.get_ref() {
        return Err(de::Error::custom(NAME_WITH_SPACES));
    }
    Ok(name)
}

/// Error token for a kommunkod that is not four digits.
pub const NOT_A_KOMMUNKOD: &str = "not-a-kommunkod";
/// Error token for a kommunkod written as a number of three digits, followed by the number
/// (`code = 114` for `"0114"`).
pub const KOMMUNKOD_LOST_ZERO: &str = "kommunkod-lost-zero: ";

/// A kommunkod as SCB writes it: four digits (`"2380"`, `"0114"`), nothing around them. A code
/// of three digits has lost its zero, and one with a space or other digits would be written so
/// on every invoice and payment row.
fn kommunkod<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Spanned<String>, D::Error> {
    let code = non_empty_spanned(deserializer).map_err(|error| {
        // Written as a number of fewer than four digits, it has lost its leading zero.
        let said = error.to_string();
        match said
            .strip_prefix("invalid type: integer `")
            .and_then(|rest| rest.split_once('`'))
        {
            // Three digits: a kommunkod of Stockholm's county (`0114`) without its zero.
            Some((number, _))
                if number.len() == 3 && number.bytes().all(|b| b.is_ascii_digit()) =>
            {
                de::Error::custom(format!("{KOMMUNKOD_LOST_ZERO}{number}"))
            }
            _ => error,
        }
    })?;
    let text = code.get_ref();
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(de::Error::custom(NOT_A_KOMMUNKOD));
    }
    Ok(code)
}

// Hand-written because serde's untagged enums buffer their input and lose the spans.
impl<'de> Deserialize<'de> for ActorRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ActorVisitor;
        impl<'de> Visitor<'de> for ActorVisitor {
            type Value = ActorRef;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an actor id or a list of actor ids")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ActorRef, E> {
                Ok(ActorRef::One(v.to_string()))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<ActorRef, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<Spanned<String>>()? {
                    ids.push(id);
                }
                Ok(ActorRef::Many(ids))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<ActorRef, E> {
                Err(E::custom(ACTOR_WRONG_TYPE))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<ActorRef, E> {
                Err(E::custom(ACTOR_WRONG_TYPE))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<ActorRef, E> {
                Err(E::custom(ACTOR_WRONG_TYPE))
            }
        }
        deserializer.deserialize_any(ActorVisitor)
    }
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum SplitRule {
    /// By an allocation key over the kommuner.
    Key,
    /// Equal parts.
    Equal,
    /// A fixed amount each (`each`), with exceptions (`except`).
    Fixed,
    /// Amounts written out per recipient (`amounts`).
    Amounts,
    /// A fixed amount per kommun (`each`, `except`), and the rest by a key (`key`).
    FixedPlusKey,
}

impl SplitRule {
    /// The rule as a plan writes it (`rule = "fixed-plus-key"`).
    pub fn name(self) -> &'static str {
        match self {
            SplitRule::Key => "key",
            SplitRule::Equal => "equal",
            SplitRule::Fixed => "fixed",
            SplitRule::Amounts => "amounts",
            SplitRule::FixedPlusKey => "fixed-plus-key",
        }
    }
}

/// `[insatser.split]`: how an insats's amount is divided over its recipients.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Split {
    pub rule: Spanned<SplitRule>,
    pub key: Option<Spanned<String>>,
    /// Rounding unit of the parts; default the plan's unit.
    pub unit: Option<Spanned<Amount>>,
    pub each: Option<Spanned<Amount>>,
    #[serde(default)]
    pub except: BTreeMap<Spanned<String>, Spanned<Amount>>,
    pub amounts: Option<Spanned<BTreeMap<Spanned<String>, Spanned<Amount>>>>,
    /// Per-recipient amounts as the document prints them, checked against the rule.
    #[serde(default)]
    pub printed: BTreeMap<Spanned<String>, Spanned<Amount>>,
}

/// `[[headings]]`: a heading of the document's summary per handling actor.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Heading {
    #[serde(deserialize_with = "id")]
    pub id: Spanned<String>,
    #[serde(deserialize_with = "non_empty")]
    pub title: String,
    pub parent: Option<Spanned<String>>,
    /// The total the document prints under the heading.
    pub stated: Option<Spanned<Amount>>,
    #[serde(default)]
    pub insatser: Vec<Spanned<String>>,
    /// What the reader should know about the printed figure (a correction of the document).
    #[serde(default, deserialize_with = "non_empty_given")]
    pub note: Option<String>,
}

/// `[[stated]]`: any other figure the document prints, checked like a balance assertion.
/// The filters narrow what it covers; with none it covers the whole plan.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stated {
    #[serde(deserialize_with = "non_empty")]
    pub label: String,
    pub amount: Spanned<Amount>,
    pub area: Option<Spanned<u32>>,
    /// Several areas together (besides `area`).
    #[serde(default, deserialize_with = "non_empty_list")]
    pub areas: Option<Vec<Spanned<u32>>>,
    pub actor: Option<Spanned<String>>,
    pub kommun: Option<Spanned<String>>,
    #[serde(default, deserialize_with = "non_empty_list")]
    pub insatser: Option<Vec<Spanned<String>>>,
    /// A heading id: its insatser and those of its sub-headings.
    pub heading: Option<Spanned<String>>,
    /// What the reader should know about the printed figure (a correction of the document).
    #[serde(default, deserialize_with = "non_empty_given")]
    pub note: Option<String>,
}

/// `[[tables]]`: a table the document prints, with its cells, row totals, column totals and
/// grand total, each checked against the others.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrintedTable {
    #[serde(deserialize_with = "id")]
    pub id: Spanned<String>,
    #[serde(default, deserialize_with = "non_empty_given")]
    pub title: Option<String>,
    /// The column headings, in printed order; with a row's `insats`, kommuner or actors.
    #[serde(deserialize_with = "shown_list")]
    pub columns: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub rows: Vec<TableRow>,
    /// The printed sum of each column, in `columns` order.
    pub column_totals: Option<Spanned<Vec<Spanned<Amount>>>>,
    /// The printed grand total.
    pub total: Option<Spanned<Amount>>,
}

/// `[[tables.rows]]`: one printed row.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableRow {
    #[serde(deserialize_with = "non_empty_spanned")]
    pub label: Spanned<String>,
    /// The insats whose split the row prints: each cell is compared with what the plan gives
    /// the column's kommun or actor.
    pub insats: Option<Spanned<String>>,
    /// The printed cells, in `columns` order (an empty cell is 0).
    pub cells: Spanned<Vec<Spanned<Amount>>>,
    /// The printed row total.
    pub total: Option<Spanned<Amount>>,
}

/// `[[cost_sharing]]`: a cost-sharing table (*kostnadsfördelning*): cost rows shared between
/// parties by a rule, overhead rows, the parties' totals and shares.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostSharing {
    #[serde(deserialize_with = "id")]
    pub id: Spanned<String>,
    #[serde(default, deserialize_with = "non_empty_given")]
    pub title: Option<String>,
    /// The parties (the table's columns after the total), in printed order.
    #[serde(deserialize_with = "shown_list")]
    pub parties: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub rows: Vec<CostRow>,
    /// The printed grand total ("Total kostnad").
    pub total: Option<Spanned<Amount>>,
    /// Each party's printed total.
    pub party_totals: Option<Spanned<BTreeMap<Spanned<String>, Spanned<Amount>>>>,
    /// Each party's printed share of the total, in percent as text ("51,02").
    pub percentages: Option<Spanned<BTreeMap<Spanned<String>, Spanned<Weight>>>>,
    /// Where a party's total (or `total`) goes in the plan: `"county_total"` or an insats id.
    pub feeds: Option<Spanned<BTreeMap<Spanned<String>, Spanned<String>>>>,
}

/// `[[cost_sharing.rows]]`: a cost row (with exactly one of `to`, `shares`, `weights`), an
/// overhead row (`percent_of_above`) or a printed subtotal (`subtotal = true`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostRow {
    #[serde(deserialize_with = "non_empty_spanned")]
    pub text: Spanned<String>,
    pub total: Spanned<Amount>,
    /// The whole row to one party.
    pub to: Option<Spanned<String>>,
    /// Percentages per party, in `parties` order; they sum to 100.
    pub shares: Option<Spanned<Vec<Spanned<Weight>>>>,
    /// Parts per party, in `parties` order ("25/20").
    pub weights: Option<Spanned<Vec<Spanned<Weight>>>>,
    /// An overhead row: this percentage of the cost rows above it.
    pub percent_of_above: Option<Spanned<Weight>>,
    /// A printed subtotal of the rows above it.
    pub subtotal: Option<Spanned<bool>>,
    /// The printed part of each party; a party left out is an empty cell (0).
    pub printed: Option<Spanned<BTreeMap<Spanned<String>, Spanned<Amount>>>>,
}

/// A calendar date (no time of day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The date, when there is one: a month of 1–12 and a day that month has (29 February
    /// only in a leap year).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// A date as a plan writes it, `2026-12-31`: TOML's local date (a four-digit year, a
    /// two-digit month and day, a day the month has), without a time of day; `None` for
    /// anything else. The command line's dates are read by it, so that a date means the same
    /// there as in a plan.
    pub fn parse(text: &str) -> Option<Date> {
        text.parse::<toml::value::Datetime>()
            .ok()
            .and_then(Date::from_toml)
    }

    /// A TOML date-time as a date: one with a date and no time of day (nor offset), that the
    /// calendar has. A plan's dates are read by it ([`Deserialize`]), and [`Date::parse`].
    fn from_toml(dt: toml::value::Datetime) -> Option<Date> {
        match (dt.date, dt.time) {
            (Some(d), None) => Date::new(i32::from(d.year), d.month, d.day),
            _ => None,
        }
    }

    /// The same day `years` later; 29 February becomes 28 February in a year without it.
    pub fn years_later(self, years: i32) -> Date {
        let year = self.year.saturating_add(years);
        Date::new(year, self.month, self.day).unwrap_or(Date {
            year,
            month: self.month,
            day: 28,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub const DATE_WITH_TIME: &str = "date-with-time";

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let dt = toml::value::Datetime::deserialize(deserializer)?;
        // TOML has already refused a day the month does not have: what is left is a time.
        Date::from_toml(dt).ok_or_else(|| de::Error::custom(DATE_WITH_TIME))
    }
}

/// A weight in an allocation key: a population count or a percentage, exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Weight(pub Decimal);

pub const WEIGHT_AS_FLOAT: &str = "weight-as-float";
pub const WEIGHT_BAD_TEXT: &str = "weight-bad-text";
pub const WEIGHT_TOO_LARGE: &str = "weight-too-large";

impl<'de> Deserialize<'de> for Weight {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WeightVisitor;
        impl Visitor<'_> for WeightVisitor {
            type Value = Weight;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a count like 64_977 or a percentage as text like \"49,0\"")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Weight, E> {
                Ok(Weight(Decimal::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Weight, E> {
                Ok(Weight(Decimal::from(v)))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Weight, E> {
                Err(E::custom(WEIGHT_AS_FLOAT))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Weight, E> {
                let written = v.trim().trim_end_matches('%').trim();
                // `"5 150"`: a count grouped in thousands, as amounts may be written.
                if let Some(weight) = crate::core::money::ungrouped(written)
                    .and_then(|(_, plain)| Decimal::from_str(&plain).ok())
                {
                    return Ok(Weight(weight));
                }
                let normal = written.replace(',', ".");
                // Only digits, a decimal sign and a sign: `Decimal` would also read an exponent
                // (`"5,3e0"`), which no amount is written with either.
                let number = normal.trim_start_matches(['-', '+']);
                if !number.chars().all(|c| c.is_ascii_digit() || c == '.') {
                    return Err(E::custom(WEIGHT_BAD_TEXT));
                }
                Decimal::from_str(&normal).map(Weight).map_err(|_| {
                    // A plain number that does not fit in 28 digits is too large, not bad text.
                    let digits = normal.chars().filter(char::is_ascii_digit).count();
                    let plain = !normal.is_empty()
                        && normal.chars().all(|c| c.is_ascii_digit() || c == '.')
                        && normal.matches('.').count() <= 1;
                    if plain && digits > 28 {
                        E::custom(format!("{WEIGHT_TOO_LARGE} {normal}"))
                    } else {
                        E::custom(WEIGHT_BAD_TEXT)
                    }
                })
            }
        }
        deserializer.deserialize_any(WeightVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    /// An address a letter can give: one `@`, a point after it, no spaces.
    #[test]
    fn an_email_reads_as_one() {
        for good in [
            "anna.frisk@regionjh.se",
            "Jan.persson@kfjh.se",
            "a@b.c",
            "x@sub.domain.se",
        ] {
            assert!(super::reads_as_email(good), "{good}");
        }
        for bad in [
            "anna.frisk",
            "anna.frisk@regionjh",
            "anna@@regionjh.se",
            "anna@frisk@regionjh.se",
            "@regionjh.se",
            "anna@.se",
            "anna@regionjh.",
            "anna frisk@regionjh.se",
            "anna.frisk@regionjh.se ",
            "anna.frisk@regionjh.se\u{200b}",
            "anna\u{a0}frisk@regionjh.se",
        ] {
            assert!(!super::reads_as_email(bad), "{bad}");
        }
    }

    /// A date on the command line ([`Date::parse`]) is what the same text is in a plan: the
    /// same date, or refused by both.
    #[test]
    fn a_date_reads_as_a_plan_reads_it() {
        #[derive(serde::Deserialize)]
        struct Dated {
            d: Date,
        }
        for text in [
            "2026-12-31",
            "2028-02-29",
            "2027-02-29",
            "2026-04-31",
            "2026-13-01",
            "2026-00-10",
            "2026-12-00",
            "0000-01-01",
            "9999-12-31",
            "2026-1-05",
            "26-01-05",
            "20261231",
            "2026-12-31T10:00:00",
            "2026-12-31 10:00:00",
            "2026-12-31T10:00:00Z",
            "10:00:00",
        ] {
            let in_plan = toml::from_str::<Dated>(&format!("d = {text}"))
                .ok()
                .map(|dated| dated.d);
            assert_eq!(Date::parse(text), in_plan, "{text}");
        }
        assert_eq!(Date::parse("2028-02-29"), Date::new(2028, 2, 29));
        assert!(Date::parse("2028-02-29").is_some());
        assert_eq!(Date::parse("2027-02-29"), None);
    }
}
