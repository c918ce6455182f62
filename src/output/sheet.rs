//! Sheets: the report views as flat tables of typed cells, the shape that CSV and XLSX share.
//!
//! Rows never count money twice, so a spreadsheet user can sum any amount column: the
//! per-actor sheet lists what each actor or kommun receives itself (with the group it belongs
//! to), the per-heading sheet lists insatser under their headings. The total row is kept
//! apart; XLSX writes it, CSV leaves it out so that summing a column stays right.
//!
//! Nesting deeper than two levels (a heading under a sub-heading, a unit under a unit) gets a
//! column per level, so that filtering a column on a heading or an actor gives everything
//! under it. A filtered sheet (`--area`, `--actor`, `--kommun`) names its selection in a
//! last column, `Urval`, on every row.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::core::money::Amount;
use crate::core::plan::{Date, Payment};
use crate::core::report::{
    self, Payments, PerActor, PerArea, PerHeading, PerKommun, Projection, RecipientKind, Text, View,
};
use crate::output::lang::Lang;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Shared, not copied: a national plan's payments repeat each insats's text on every
    /// one of its lines.
    Text(Text),
    /// A code made of digits that is not a number (a kommunkod such as `0114`): kept as text
    /// so that a spreadsheet keeps its leading zero.
    Code(Text),
    Number(u32),
    /// An exact figure that is not money (a weight, a quota), written with the dialect's
    /// decimal mark.
    Decimal(rust_decimal::Decimal),
    Amount(Amount),
    /// A calendar day: a date cell in a workbook, `2025-08-30` in CSV (which a spreadsheet
    /// reads as that date).
    Date(Date),
    Empty,
}

pub struct Sheet {
    /// File stem and worksheet name (`betalningar`).
    pub name: &'static str,
    pub headers: Vec<String>,
    /// The total row: a label and the amount columns' sums.
    pub total: Vec<Value>,
    /// How many rows [`Sheet::each_row`] gives.
    pub len: usize,
    /// Gives the rows in a range of `0..len`, in order, as often as it is asked (a workbook
    /// reads the rows twice: to fit the columns, then to write them; each of its worksheets
    /// reads its own range, side by side).
    rows: Box<Rows>,
}

/// What gives a sheet's rows in a range.
type Rows = dyn Fn(Range<usize>, &mut RowSink) + Send + Sync;

/// What receives a sheet's rows, one after the other.
pub type RowSink<'a> = dyn FnMut(&[Value]) + 'a;

impl Sheet {
    /// A sheet of rows held in memory.
    pub fn new(
        name: &'static str,
        headers: Vec<String>,
        rows: Vec<Vec<Value>>,
        total: Vec<Value>,
    ) -> Sheet {
        let len = rows.len();
        Sheet::lazy(name, headers, total, len, move |range, each| {
            (rows.iter().skip(range.start).take(range.len())).for_each(|row| each(row));
        })
    }

    /// A sheet of `len` rows made when they are read, by `rows` (given a range of `0..len`).
    pub fn lazy(
        name: &'static str,
        headers: Vec<String>,
        total: Vec<Value>,
        len: usize,
        rows: impl Fn(Range<usize>, &mut RowSink) + Send + Sync + 'static,
    ) -> Sheet {
        Sheet {
            name,
            headers,
            total,
            len,
            rows: Box::new(rows),
        }
    }

    /// Every row, in order.
    pub fn each_row(&self, each: impl FnMut(&[Value])) {
        self.each_row_in(0..self.len, each);
    }

    /// The rows in `range` (of `0..len`), in order.
    pub fn each_row_in(&self, range: Range<usize>, mut each: impl FnMut(&[Value])) {
        (self.rows)(range, &mut each);
    }

    /// The sheet with one column more at its end, `value` on every row (the total row's cell
    /// empty).
    pub fn with_column(self, header: String, value: Value) -> Sheet {
        let Sheet {
            name,
            mut headers,
            mut total,
            len,
            rows,
        } = self;
        headers.push(header);
        if !total.is_empty() {
            total.push(Value::Empty);
        }
        let rows = move |range: Range<usize>, each: &mut RowSink| {
            let mut longer = Vec::new();
            rows(range, &mut |row: &[Value]| {
                longer.clear();
                longer.extend_from_slice(row);
                longer.push(value.clone());
                each(&longer);
            });
        };
        Sheet::lazy(name, headers, total, len, rows)
    }

    /// The rows, copied out (for tests and small sheets).
    pub fn rows(&self) -> Vec<Vec<Value>> {
        let mut rows = Vec::with_capacity(self.len);
        self.each_row(|row| rows.push(row.to_vec()));
        rows
    }
}

impl std::fmt::Debug for Sheet {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.debug_struct("Sheet")
            .field("name", &self.name)
            .field("headers", &self.headers)
            .field("rows", &self.rows())
            .field("total", &self.total)
            .finish()
    }
}

/// Whose words a sheet's headers and fixed values are in: a language for people, or the
/// fixed English `snake_case` names of the machine dialect (`--csv rfc4180`), which never
/// change with `--lang`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Words {
    Sv,
    En,
    Machine,
}

impl From<Lang> for Words {
    fn from(lang: Lang) -> Words {
        match lang {
            Lang::Sv => Words::Sv,
            Lang::En => Words::En,
        }
    }
}

impl Words {
    pub fn pick<'a>(self, sv: &'a str, en: &'a str, machine: &'a str) -> &'a str {
        match self {
            Words::Sv => sv,
            Words::En => en,
            Words::Machine => machine,
        }
    }

    /// The language of the total row (XLSX only, never in the machine dialect) and of texts
    /// the machine dialect has no fixed word for.
    pub fn lang(self) -> Lang {
        match self {
            Words::Sv => Lang::Sv,
            Words::En | Words::Machine => Lang::En,
        }
    }
}

pub fn build(view: View, projection: &Projection, lang: Lang) -> Sheet {
    build_with(view, projection, Words::from(lang))
}

/// The name of a view's sheet: its file stem and worksheet name (`betalningar`).
pub fn name(view: View) -> &'static str {
    match view {
        View::Payments => "betalningar",
        View::PerKommun => "per-kommun",
        View::PerActor => "per-aktor",
        View::PerHeading => "per-rubrik",
        View::Invoices => "fakturor",
        View::PerArea => "per-omrade",
    }
}

/// How many parts a view's rows are made in side by side ([`build_part`]): a national plan's
/// payments in [`report::payments_parts`], every other view in one.
pub fn parts(view: View, projection: &Projection) -> usize {
    match view {
        View::Payments => report::payments_parts(projection),
        _ => 1,
    }
}

/// What the parts of a view made side by side share, made once, by the first part that
/// needs it: the payments, which each part reads its run of recipients from.
#[derive(Default)]
pub struct Shared {
    payments: OnceLock<Arc<Payments>>,
}

/// The sheet of a view with only the rows of part `part` of `parts` (its headers and total
/// row whole): the payments' rows in runs of recipients of about as many lines each, one
/// after the other the rows of [`build_with`]. A view made in one part has all its rows in
/// part 0.
pub fn build_part(
    view: View,
    projection: &Projection,
    words: Words,
    (part, parts): (usize, usize),
    shared: &Shared,
) -> Sheet {
    match view {
        View::Payments => {
            let report = shared
                .payments
                .get_or_init(|| Arc::new(report::payments(projection)));
            let sheet = payments(Arc::clone(report), report.run(part, parts), words);
            with_selection(sheet, projection, words)
        }
        _ if part == 0 => build_with(view, projection, words),
        _ => Sheet::new(name(view), Vec::new(), Vec::new(), Vec::new()),
    }
}

/// The sheet of a view, with headers and fixed values in `words`.
pub fn build_with(view: View, projection: &Projection, words: Words) -> Sheet {
    let sheet = match view {
        View::Payments => {
            let report = report::payments(projection);
            let all = 0..report.statements().count();
            payments(Arc::new(report), all, words)
        }
        View::PerKommun => per_kommun(report::per_kommun(projection), words),
        View::PerActor => per_actor(
            &report::per_actor(projection),
            &report::held_own(projection.ledger),
            words,
        ),
        View::PerHeading => per_heading(&report::per_heading(projection), words),
        View::Invoices => invoices(
            &report::statements(projection),
            invoice_by(projection),
            words,
        ),
        View::PerArea => per_area(&report::per_area(projection), words),
    };
    with_selection(sheet, projection, words)
}

/// The day by which the parties that invoice the region do so (`invoice_by`), when the plan
/// gives one.
fn invoice_by(projection: &Projection) -> Option<Date> {
    let deadlines = projection.ledger.plan.deadlines.as_ref()?;
    deadlines.invoice_by.as_ref().map(|d| *d.get_ref())
}

/// What a filtered export holds, by the command line's filters (`--area`, `--actor`,
/// `--kommun`): said in its sheets' `Urval` column and in its files' names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selected {
    /// The areas' numbers.
    pub areas: Vec<u32>,
    /// The actor's id and name.
    pub actor: Option<(String, String)>,
    /// The kommun's code and name.
    pub kommun: Option<(String, String)>,
}

/// The selection of a filtered projection; `None` for the whole plan.
pub fn selected(projection: &Projection) -> Option<Selected> {
    if !projection.filtered() {
        return None;
    }
    let plan = projection.ledger.plan;
    let selection = projection.selection;
    Some(Selected {
        areas: (selection.areas.iter())
            .map(|&a| projection.ledger.area_number(a))
            .collect(),
        actor: (selection.actor)
            .and_then(|a| plan.actors.get(a))
            .map(|a| (a.id.get_ref().clone(), a.name.clone())),
        kommun: (selection.kommun)
            .and_then(|k| plan.kommuner.get(k))
            .map(|k| (k.code.get_ref().clone(), k.name.get_ref().clone())),
    })
}

impl Selected {
    /// The selection as its column says it: `område 2, Folkhälsoenheten, Berg (2326)`; in
    /// the machine dialect by ids, `area=2 actor=fhe kommun=2326`.
    pub fn label(&self, words: Words) -> String {
        let mut parts: Vec<String> = Vec::new();
        for area in &self.areas {
            parts.push(match words {
                Words::Machine => format!("area={area}"),
                _ => format!("{} {area}", words.pick("område", "area", "")),
            });
        }
        if let Some((id, name)) = &self.actor {
            parts.push(match words {
                Words::Machine => format!("actor={id}"),
                _ => name.clone(),
            });
        }
        if let Some((code, name)) = &self.kommun {
            parts.push(match words {
                Words::Machine => format!("kommun={code}"),
                _ => crate::output::words::recipient(name, Some(code)),
            });
        }
        parts.join(match words {
            Words::Machine => " ",
            _ => ", ",
        })
    }
}

/// A filtered projection's sheet with its selection named in a last column on every row, so
/// that a file read later says it is not the whole plan; the whole plan's sheet as it is.
fn with_selection(sheet: Sheet, projection: &Projection, words: Words) -> Sheet {
    match selected(projection) {
        Some(selected) => {
            let header = words.pick("Urval", "Selection", "selection").to_string();
            sheet.with_column(header, text(selected.label(words)))
        }
        None => sheet,
    }
}

fn text(s: impl AsRef<str>) -> Value {
    Value::Text(s.as_ref().into())
}

/// A text many rows share, without copying it.
fn shared(s: &Text) -> Value {
    Value::Text(s.clone())
}

fn code(s: impl AsRef<str>) -> Value {
    Value::Code(s.as_ref().into())
}

/// Headers as `(Swedish, English, machine)` triples, in `words`.
fn headers(names: &[(&str, &str, &str)], words: Words) -> Vec<String> {
    names
        .iter()
        .map(|(sv, en, machine)| words.pick(sv, en, machine).to_string())
        .collect()
}

/// A total row: the label in the first column (the selection's when not `whole`), the sum in
/// `column`, empty elsewhere.
fn total_row(width: usize, words: Words, column: usize, amount: Amount, whole: bool) -> Vec<Value> {
    let lang = words.lang();
    (0..width)
        .map(|i| match i {
            0 => text(lang.total(whole)),
            i if i == column => Value::Amount(amount),
            _ => Value::Empty,
        })
        .collect()
}

/// The money an actor with units under it receives itself, not assigned to one of them:
/// "Region … (utan enhet)", or, `held` for further distribution, "Region … (förvaltas för
/// fortsatt fördelning)".
pub fn own_funds(name: &str, held: bool, lang: Lang) -> String {
    format!("{name} ({})", own_funds_word(held, lang))
}

/// What the money an actor receives itself is called under the actor's own row. Not "egna
/// medel": to an ekonom that is the actor's own money, and this is the grant. Money `held`
/// (the actor's `payment`, the region's default) is not the actor's to use but managed for
/// further distribution, and named so (tester s44 #4: "utan enhet" read as the region's).
pub fn own_funds_word(held: bool, lang: Lang) -> &'static str {
    match held {
        true => lang.pick(
            "förvaltas för fortsatt fördelning",
            "managed for further distribution",
        ),
        false => lang.pick("utan enhet", "without a unit"),
    }
}

/// The actor's own money as a note under a table names it: "medel utan enhet", "medel som
/// förvaltas för fortsatt fördelning".
pub fn own_funds_money(held: bool, lang: Lang) -> &'static str {
    match held {
        true => lang.pick(
            "medel som förvaltas för fortsatt fördelning",
            "money managed for further distribution",
        ),
        false => lang.pick("medel utan enhet", "money without a unit"),
    }
}

/// Held money's name under its actor where a terminal's column is too narrow for
/// [`own_funds_word`]'s: "för fortsatt fördelning".
pub fn further_distribution(lang: Lang) -> &'static str {
    lang.pick("för fortsatt fördelning", "for further distribution")
}

pub fn payment_word(payment: Payment, lang: Lang) -> &'static str {
    payment_words(payment, Words::from(lang))
}

/// The payment route; in the machine dialect the ids of the JSON schema.
pub fn payment_words(payment: Payment, words: Words) -> &'static str {
    match payment {
        Payment::Invoice => words.pick("faktura", "invoice", "invoice"),
        Payment::Internal => words.pick("intern överföring", "internal transfer", "internal"),
        Payment::Held => words.pick("förvaltas av regionen", "managed by the region", "held"),
    }
}

/// The recipient's kind; in the machine dialect the ids of the JSON schema.
pub fn kind_word(kind: RecipientKind, words: Words) -> &'static str {
    match kind {
        RecipientKind::Region => "region",
        RecipientKind::RegionUnit => words.pick("regionens enhet", "region unit", "region-unit"),
        RecipientKind::Kommunforbund => {
            words.pick("kommunförbund", "association of kommuner", "kommunforbund")
        }
        RecipientKind::Kommun => "kommun",
        RecipientKind::External => words.pick("extern part", "external party", "external"),
    }
}

/// The decision as an invoice cites it; a missing date is said, not left out, for people
/// (the machine dialect keeps the text as the plan gives it).
fn decision(decision: &str, date_missing: bool, words: Words) -> Text {
    let placeholder = words.pick(
        " [beslutsdatum saknas – ange decision_date under [plan]]",
        " [decision date missing – give decision_date under [plan]]",
        "",
    );
    if date_missing {
        format!("{decision}{placeholder}").into()
    } else {
        decision.into()
    }
}

/// Every line of the ledger as the payment ekonomienhet books: who, for which insats, how
/// much and by which route. What the lines share is not repeated on each of them: the
/// insatser's texts are in `per-omrade`, the decision is on each invoice in `fakturor`.
/// The rows of the recipients `statements` (in the order of [`Payments::statements`]).
fn payments(report: Arc<Payments>, statements: Range<usize>, words: Words) -> Sheet {
    let headers = headers(
        &[
            ("Mottagare", "Recipient", "recipient"),
            ("Mottagartyp", "Recipient kind", "recipient_kind"),
            ("Kommunkod", "Kommunkod", "kommunkod"),
            ("Område", "Area", "area"),
            ("Insats", "Insats", "insats"),
            ("Belopp", "Amount", "amount"),
            ("Betalning", "Payment", "payment"),
            ("Referenskod", "Reference code", "reference"),
        ],
        words,
    );
    let total: Amount = report.total();
    let total = total_row(headers.len(), words, 5, total, report.complete);
    let reference = report.reference.as_deref().map_or(Value::Empty, code);
    let (skip, take) = (statements.start, statements.len());
    let len = (report.statements().skip(skip).take(take))
        .map(|(s, _)| s.lines.len())
        .sum();
    // Made row by row as they are read, never all held: a national plan's payments are
    // millions of rows. What a row shares with its recipient's other rows is made once.
    let rows = move |range: Range<usize>, each: &mut RowSink| {
        // The row of the statement's first line.
        let mut first = 0;
        for (statement, payment) in report.statements().skip(skip).take(take) {
            if first >= range.end {
                break;
            }
            let count = statement.lines.len();
            let from = range.start.saturating_sub(first).min(count);
            let to = (range.end - first).min(count);
            first += count;
            let Some(lines) = statement.lines.get(from..to).filter(|l| !l.is_empty()) else {
                continue;
            };
            let mut row = [
                shared(&statement.recipient),
                text(kind_word(statement.kind, words)),
                statement.kommunkod.as_ref().map_or(Value::Empty, code),
                Value::Empty,
                Value::Empty,
                Value::Empty,
                text(payment_words(payment, words)),
                reference.clone(),
            ];
            // Only the line's own cells change from row to row.
            for line in lines {
                let [_, _, _, area, insats, amount, _, _] = &mut row;
                *area = Value::Number(line.area);
                *insats = report.insats(line).map_or(Value::Empty, |x| shared(&x.id));
                *amount = Value::Amount(line.amount);
                each(&row);
            }
        }
    };
    Sheet::lazy(name(View::Payments), headers, total, len, rows)
}

fn per_kommun(report: PerKommun, words: Words) -> Sheet {
    let mut headers = headers(
        &[
            ("Kommunkod", "Kommunkod", "kommunkod"),
            ("Kommun", "Kommun", "kommun"),
        ],
        words,
    );
    headers.extend(report.columns.iter().map(|c| c.insats.clone()));
    headers.push(words.pick("Totalt", "Total", "total").to_string());
    let mut total = vec![text(words.lang().total(report.complete)), Value::Empty];
    total.extend(report.column_totals.iter().map(|a| Value::Amount(*a)));
    total.push(Value::Amount(report.total));
    let len = report.rows.len();
    // Made row by row as they are read: a national plan's table is millions of cells.
    let rows = move |range: Range<usize>, each: &mut RowSink| {
        let mut row = Vec::new();
        for r in report.rows.iter().skip(range.start).take(range.len()) {
            row.clear();
            row.extend([code(&r.code), text(&r.name)]);
            row.extend(r.amounts.iter().map(|a| Value::Amount(*a)));
            row.push(Value::Amount(r.total));
            each(&row);
        }
    };
    Sheet::lazy(name(View::PerKommun), headers, total, len, rows)
}

fn per_actor(report: &PerActor, held: &std::collections::HashSet<&str>, words: Words) -> Sheet {
    // A column per level of groups: "Ingår i" the top one, "Ingår i, nivå 2" the one under
    // it, … as deep as an actor with money under it is.
    let levels = (report.rows.iter())
        .map(|r| r.depth + usize::from(r.has_children))
        .max()
        .unwrap_or(0)
        .max(1);
    let mut headers = headers(&[("Mottagare", "Recipient", "recipient")], words);
    headers.push(words.pick("Ingår i", "Part of", "group").to_string());
    headers.extend((2..=levels).map(|level| match words {
        Words::Machine => format!("group_{level}"),
        _ => format!(
            "{}{level}",
            words.pick("Ingår i, nivå ", "Part of, level ", "")
        ),
    }));
    headers.extend(report.areas.iter().map(|a| match words {
        Words::Machine => format!("area_{a}"),
        _ => format!("{} {a}", words.pick("Område", "Area", "")),
    }));
    // Each row is what the actor receives itself, so that the rows sum to the total. Not
    // "Totalt": on the screen an actor's total includes its units'.
    headers.push(words.pick("Belopp", "Amount", "own_total").to_string());
    let mut total = vec![text(words.lang().total(report.complete))];
    total.extend(std::iter::repeat_n(Value::Empty, levels));
    total.extend(report.area_totals.iter().map(|a| Value::Amount(*a)));
    total.push(Value::Amount(report.total));
    // What each actor or kommun receives itself, so that the rows sum to the total: a group's
    // own money is named as on the screen, "X (utan enhet)" (held: "X (förvaltas för fortsatt
    // fördelning)"); the machine dialect keeps the name as it is (its amounts are always own
    // funds). In each level's column the group at that level the row is in, or the row itself
    // when it is that group; the rows come top-down (a group before the rows under it), so the
    // groups above a row are the last rows of each smaller depth.
    let mut above: Vec<&str> = Vec::new();
    let mut rows = Vec::new();
    for r in &report.rows {
        above.truncate(r.depth);
        above.resize(r.depth, "");
        above.push(&r.name);
        if r.own_total.0.is_zero() {
            continue;
        }
        let name = match words {
            Words::Machine => r.name.clone(),
            _ if r.has_children => own_funds(&r.name, held.contains(r.name.as_str()), words.lang()),
            _ => r.name.clone(),
        };
        let mut row = vec![text(name)];
        row.extend((0..levels).map(|level| {
            let group = match level.cmp(&r.depth) {
                std::cmp::Ordering::Less => above.get(level).copied(),
                std::cmp::Ordering::Equal if r.has_children => Some(r.name.as_str()),
                _ => None,
            };
            group.map_or(Value::Empty, text)
        }));
        row.extend(r.own_per_area.iter().map(|a| Value::Amount(*a)));
        row.push(Value::Amount(r.own_total));
        rows.push(row);
    }
    Sheet::new(name(View::PerActor), headers, rows, total)
}

fn per_heading(report: &PerHeading, words: Words) -> Sheet {
    // A column per level of headings: "Rubrik", "Underrubrik", then "Rubrik nivå 3", … as
    // deep as the headings go.
    let levels = (report.headings.iter())
        .map(|h| h.depth + 1)
        .max()
        .unwrap_or(0)
        .max(2);
    let item_headers = headers(
        &[
            ("Insats", "Insats", "insats"),
            ("Område", "Area", "area"),
            ("Beskrivning", "Description", "text"),
            ("Belopp", "Amount", "amount"),
        ],
        words,
    );
    let mut headers = headers(
        &[
            ("Rubrik", "Heading", "heading"),
            ("Underrubrik", "Sub-heading", "sub_heading"),
        ],
        words,
    );
    headers.extend((3..=levels).map(|level| match words {
        Words::Machine => format!("heading_{level}"),
        _ => format!(
            "{}{level}",
            words.pick("Rubrik nivå ", "Heading level ", "")
        ),
    }));
    headers.extend(item_headers);
    let mut rows = Vec::new();
    // The headings come top-down: the path to a heading is the last heading of each smaller
    // depth, then itself.
    let mut path: Vec<Value> = Vec::new();
    for heading in &report.headings {
        path.truncate(heading.depth);
        path.resize(heading.depth, Value::Empty);
        path.push(text(&heading.title));
        for item in &heading.items {
            let mut row: Vec<Value> = (0..levels)
                .map(|level| path.get(level).cloned().unwrap_or(Value::Empty))
                .collect();
            row.extend([
                text(&item.insats),
                Value::Number(item.area),
                text(&item.text),
                Value::Amount(item.amount),
            ]);
            rows.push(row);
        }
    }
    let amount = headers.len().saturating_sub(1);
    let total = total_row(headers.len(), words, amount, report.total, report.complete);
    Sheet::new(name(View::PerHeading), headers, rows, total)
}

/// One row per collective invoice (*samlingsfaktura*): what each party that invoices the
/// region invoices, citing the decision and the reference code. The invoice's lines are the
/// party's rows in `betalningar`.
fn invoices(report: &Payments, invoice_by: Option<Date>, words: Words) -> Sheet {
    let mut headers = headers(
        &[
            ("Fakturerande", "Invoicing party", "recipient"),
            ("Kommunkod", "Kommunkod", "kommunkod"),
            ("Fakturamottagare", "Invoiced party", "invoiced_party"),
            ("Referenskod", "Reference code", "reference"),
            ("Beslut", "Decision", "decision"),
            ("Antal insatser", "Number of insatser", "insatser"),
            ("Belopp", "Amount", "amount"),
        ],
        words,
    );
    // The day the party invoices by, on each invoice, when the plan gives one (money not
    // invoiced by then is repaid).
    if invoice_by.is_some() {
        headers.push(
            words
                .pick("Faktureras senast", "Invoice by", "invoice_by")
                .to_string(),
        );
    }
    // A revised plan's invoices say which decision they replace: a party that invoiced under
    // it invoices the difference.
    let replaces = report.replaces.as_deref().and_then(Date::parse);
    if replaces.is_some() {
        let label = match words {
            Words::Machine => "replaces",
            Words::Sv => crate::output::words::document::replaces_label(Lang::Sv),
            Words::En => crate::output::words::document::replaces_label(Lang::En),
        };
        headers.push(label.to_string());
    }
    let region: Text = report.region.as_str().into();
    let decision_text = decision(&report.decision, report.decision_date_missing, words);
    let rows = report
        .invoices
        .iter()
        .map(|invoice| {
            let mut row = vec![
                shared(&invoice.recipient),
                invoice.kommunkod.as_ref().map_or(Value::Empty, code),
                shared(&region),
                report.reference.as_ref().map_or(Value::Empty, code),
                shared(&decision_text),
                Value::Number(u32::try_from(invoice.insatser).unwrap_or(u32::MAX)),
                Value::Amount(invoice.total),
            ];
            row.extend(invoice_by.map(Value::Date));
            row.extend(replaces.map(Value::Date));
            row
        })
        .collect();
    let total = total_row(headers.len(), words, 6, report.invoiced, report.complete);
    Sheet::new(name(View::Invoices), headers, rows, total)
}

fn per_area(report: &PerArea, words: Words) -> Sheet {
    let headers = headers(
        &[
            ("Område", "Area", "area"),
            ("Områdets namn", "Area title", "area_title"),
            ("Insats", "Insats", "insats"),
            ("Beskrivning", "Description", "text"),
            ("Fokusområden", "Focus areas", "focus_areas"),
            ("Ansvarig", "Responsible", "responsible"),
            ("Belopp", "Amount", "amount"),
        ],
        words,
    );
    let mut rows = Vec::new();
    for area in &report.areas {
        for row in &area.rows {
            let focus = crate::output::words::focus_areas(&row.focus_areas);
            rows.push(vec![
                Value::Number(area.number),
                text(&area.title),
                text(&row.insats),
                text(&row.text),
                text(focus),
                text(&row.responsible),
                Value::Amount(row.amount),
            ]);
        }
    }
    let total = total_row(headers.len(), words, 6, report.total, report.complete);
    Sheet::new(name(View::PerArea), headers, rows, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ledger::selection::Selection;

    /// `test` on the whole of each shipped plan and of a plan generated for each of `specs`
    /// (insatser, kommuner, seed), each of which passes `check`.
    fn on_whole_plans(specs: &[(usize, usize, u64)], test: impl Fn(&Projection)) {
        let texts = specs.iter().map(|&(insatser, kommuner, seed)| {
            crate::output::generated::plan(&crate::output::generated::Spec {
                insatser,
                kommuner,
                seed,
                short_texts: true,
            })
        });
        for (plan, key_files) in &crate::test_plans::loaded_and(texts) {
            let checked = crate::core::check::check(plan, key_files);
            assert_eq!(checked.errors(), 0);
            let all = Selection::all();
            test(&Projection::new(&checked.ledger, &all));
        }
    }

    /// The payments' parts, one after the other, are the whole sheet's rows, each about its
    /// share: at most one recipient's lines more.
    #[test]
    fn the_parts_rows_one_after_the_other_are_the_payments_rows() {
        on_whole_plans(&[(80, 40, 3)], |projection| {
            let whole = build_with(View::Payments, projection, Words::Sv).rows();
            assert!(whole.len() > 5, "{}", whole.len());
            let most = report::payments(projection)
                .statements()
                .map(|(s, _)| s.insatser)
                .max()
                .unwrap();
            for parts in 1..=6 {
                let shared = Shared::default();
                let mut joined = Vec::new();
                for part in 0..parts {
                    let sheet = build_part(
                        View::Payments,
                        projection,
                        Words::Sv,
                        (part, parts),
                        &shared,
                    );
                    let rows = sheet.rows();
                    assert_eq!(rows.len(), sheet.len);
                    assert!(rows.len() <= whole.len() / parts + most, "{parts} parts");
                    joined.extend(rows);
                }
                assert_eq!(joined, whole, "{parts} parts");
            }
        });
    }

    /// The tables per kommun, as sheet (CSV, workbook) and on the screen, head their own
    /// columns only with the names no insats may have as its id (`ambiguous-name`).
    #[test]
    fn the_tables_per_kommun_head_their_own_columns_as_check_knows_them() {
        use crate::core::ledger::names::KOMMUN_TABLE_COLUMNS;
        on_whole_plans(&[], |projection| {
            let known = |header: &str| {
                KOMMUN_TABLE_COLUMNS
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(header))
            };
            let own = |headers: Vec<String>| -> Vec<String> {
                (headers.into_iter())
                    .filter(|h| !projection.ledger.names.insatser.contains_key(h.as_str()))
                    .collect()
            };
            for words in [Words::Sv, Words::En, Words::Machine] {
                let headers = own(build_with(View::PerKommun, projection, words).headers);
                assert_eq!(headers.len(), 3, "{headers:?}");
                assert!(headers.iter().all(|h| known(h)), "{headers:?}");
            }
            for lang in [Lang::Sv, Lang::En] {
                let layout = crate::output::table::Layout {
                    lang,
                    color: false,
                    width: 400,
                };
                let mut text = Vec::new();
                crate::output::table::view(View::PerKommun, projection, layout, &mut text).unwrap();
                let text = String::from_utf8(text).unwrap();
                // The caption, the top border, then the header row.
                let row = text.lines().nth(2).unwrap();
                let headers = own((row.split(['│', '┆']))
                    .map(str::trim)
                    .filter(|h| !h.is_empty())
                    .map(str::to_string)
                    .collect());
                assert_eq!(headers.len(), 3, "{row}");
                assert!(headers.iter().all(|h| known(h)), "{headers:?}");
            }
        });
    }

    /// A column added at the end is on every row of every range, after the row's own cells;
    /// the total row gets an empty cell.
    #[test]
    fn a_column_added_is_on_every_row() {
        let rows: Vec<Vec<Value>> = (0..5).map(|i| vec![Value::Number(i)]).collect();
        let total = vec![text("Totalt (urval)")];
        let sheet = Sheet::new("t", vec!["n".into()], rows, total)
            .with_column("Urval".into(), text("Berg (2326)"));
        assert_eq!(sheet.headers, ["n", "Urval"]);
        assert_eq!(sheet.total, [text("Totalt (urval)"), Value::Empty]);
        let mut got = Vec::new();
        sheet.each_row_in(1..3, |row| got.push(row.to_vec()));
        assert_eq!(
            got,
            [
                vec![Value::Number(1), text("Berg (2326)")],
                vec![Value::Number(2), text("Berg (2326)")]
            ]
        );
        assert_eq!(sheet.rows().len(), 5);
    }

    /// Any range of a sheet's rows is that slice of all its rows, for every view and for a
    /// part of the payments (the workbook writes its worksheets' ranges side by side): ranges
    /// that begin and end inside a recipient's lines, empty ones, and ones that reach the end.
    #[test]
    fn a_range_of_rows_is_that_slice_of_the_rows() {
        on_whole_plans(&[(60, 30, 5)], |projection| {
            let mut sheets: Vec<Sheet> = (View::ALL.iter())
                .map(|&view| build_with(view, projection, Words::Sv))
                .collect();
            sheets.push(build_part(
                View::Payments,
                projection,
                Words::Sv,
                (1, 3),
                &Shared::default(),
            ));
            for sheet in &sheets {
                let rows = sheet.rows();
                let len = rows.len();
                let cuts =
                    [0, 1, 2, len / 3, len / 2, len.saturating_sub(1), len].map(|c| c.min(len));
                assert!(len > 2 || sheet.name != "betalningar", "{len}");
                for &start in &cuts {
                    for &end in cuts.iter().filter(|&&end| end >= start) {
                        let mut got = Vec::new();
                        sheet.each_row_in(start..end, |row| got.push(row.to_vec()));
                        assert_eq!(got, rows[start..end], "{} {start}..{end}", sheet.name);
                    }
                }
            }
        });
    }
}
