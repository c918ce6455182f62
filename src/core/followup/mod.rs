//! Following up the year: what each recipient reports it used of the money it received, matched
//! to the ledger line it belongs to (by recipient and insats id), and every reason a report
//! cannot be trusted, as findings.
//!
//! The reports arrive as forms (CSV, XLSX) or a TOML file; `input::usage` reads them into
//! `UsageFile`s, every value with its place in its file. Matching never guesses: a row whose
//! insats id does not belong to its recipient, or whose form was changed where it should not
//! have been (the amount received, the insats id), is reported and its figure is not booked.
//! The summary (`summary`) is built from what was booked; it reconciles to the krona with the
//! ledger because every ledger line is either reported (used + unused = received) or counted
//! as not reported.

pub mod form;
pub mod summary;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::core::finding::Severity;
use crate::core::ledger::{Ledger, Recipient};
use crate::core::money::Amount;
use crate::core::plan::Date;
use crate::core::text::{fold, is_invisible, suggest, unguarded};

/// Where a value stands in a usage file: the file's index in the list given, and the place.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Place {
    pub file: usize,
    pub at: At,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum At {
    /// Bytes of the file's text (CSV, TOML).
    Text(Range<usize>),
    /// A workbook cell, row and column one-based, on sheet `sheet` (the workbook's order, from
    /// 0).
    Cell { row: u32, column: u32, sheet: usize },
}

/// A value as written in a usage file, with its place.
#[derive(Clone, Debug, PartialEq)]
pub struct Written<T> {
    pub value: T,
    pub place: Place,
}

/// What a cell meant for an amount holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// Nothing: not filled in.
    Empty,
    Amount(Amount),
    /// Something that is not an amount, as written.
    Bad {
        written: String,
        why: BadAmount,
    },
    /// One separator followed by exactly three digits (`21,200 kr`), as written, and what it
    /// is read either way that is an amount (21 200 kr; 21,2 kr). An amount used so written
    /// is refused ([`BadAmount::Ambiguous`]); an amount received is compared with the plan's
    /// either way.
    Ambiguous {
        written: String,
        readings: Vec<Amount>,
    },
}

impl Entry {
    /// What cannot be read as one amount, as written, and why.
    pub fn bad(&self) -> Option<(&str, BadAmount)> {
        match self {
            Entry::Bad { written, why } => Some((written, *why)),
            Entry::Ambiguous { written, .. } => Some((written, BadAmount::Ambiguous)),
            Entry::Empty | Entry::Amount(_) => None,
        }
    }
}

/// Why a written amount is not read as one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadAmount {
    /// Not a number ("ca 20 000", "se bilaga", `#REF!`).
    NotANumber,
    /// One separator followed by exactly three digits: "1.234" is 1 234 kr to some and 1,234 kr
    /// to others.
    Ambiguous,
    /// More than two decimals: finer than öre.
    FinerThanOre,
    /// More digits than an amount holds.
    TooLarge,
    /// A number in scientific notation (`2e4`, `1.5E4`): a form and a usage file take the
    /// digits of the amount, as a plan does.
    Exponent,
    /// A date where an amount belongs (a spreadsheet turned the number into one).
    Date,
    /// A spreadsheet cell formatted as a percentage (`0%`): 0,96 shows as 96 %.
    Percent,
    /// A spreadsheet cell formatted in another unit than kronor (`#,##0 "tkr"`, `1 800 €`).
    FormatUnit,
    /// A formula whose value was never computed and saved (a workbook written by a program,
    /// not by a spreadsheet): `=21200-500`.
    Formula,
    /// A whole number in base 16, 8 or 2 (`used = 0x10` in a TOML usage file); `value` is
    /// what TOML reads.
    NotDecimal { radix: u32, value: i64 },
}

/// One usage file as read: the recipients it speaks for and its rows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct UsageFile {
    /// Who the file reports for, with whether the recipient has sent its collective invoice
    /// (a form's header; a TOML file's `[[recipients]]`).
    pub claims: Vec<Claim>,
    pub rows: Vec<UsageRow>,
    /// The county and year a form states in its title row (`Jämtlands län 2026`), or a TOML
    /// file in its `county` and `year`, as written.
    pub stated: Option<Written<String>>,
    /// A usage file that does not say which year it reports on: a TOML file without `year`
    /// (its start), a form whose title row (written by `--forms`) is gone or has no year
    /// (that row, or the form's first cell).
    pub undated: Option<Undated>,
    /// What in the form's layout makes it unsure how to read it; the form is not counted.
    pub layout: Vec<Written<Layout>>,
}

/// Where a usage file fails to say its year, and whether it is a form.
#[derive(Clone, Debug, PartialEq)]
pub struct Undated {
    pub place: Place,
    pub form: bool,
}

/// What a form's layout has that makes it unsure how its figures are meant, as the reader saw
/// it; whether it is wrong is decided here (`follow_up`).
#[derive(Clone, Debug, PartialEq)]
pub enum Layout {
    /// An amount column's header names a unit (`Använt (tkr)`): the header and the unit as
    /// written.
    Unit { header: String, unit: String },
    /// A column of the table named twice: both headers as written (the second's first) and
    /// both columns (one-based).
    RepeatedColumn {
        header: String,
        first_header: String,
        first: u32,
        second: u32,
        first_place: Place,
    },
    /// A label of the form's header (Mottagare, Kommunkod, …) on two lines (one-based).
    RepeatedLabel {
        label: String,
        first: usize,
        second: usize,
        first_place: Place,
    },
    /// A second form starts on this line (one-based): its title, a header label or the
    /// table's header row among the rows. Its rows are not read.
    SecondForm { line: usize },
    /// Another sheet of the workbook holds a form too (its table's header row, at this
    /// layout's place): which sheet's figures count cannot be told, and the workbook is not
    /// counted. `form` is the sheet the form was read from.
    SecondSheet { sheet: String, form: String },
    /// A range of cells merged over several rows of the form's table, in a column read for
    /// the figures (Insats, Beskrivning, Mottaget, Använt): first and last row and column,
    /// one-based. The form is not counted.
    Merged {
        top: u32,
        left: u32,
        bottom: u32,
        right: u32,
    },
    /// A CSV field's opening quote (on this line, one-based) that is never closed: the rest of
    /// the file is one field.
    UnclosedQuote { line: usize },
    /// A quoted CSV field from one line to another (one-based) whose lines look like the
    /// form's rows: a quote is missing, and the rows are read as a comment.
    QuotedRows { line: usize, through: usize },
    /// A total row (`Summa`) whose amount used is not what the rows above it add up to: the
    /// total as written, the rows' sum, and a workbook's cells (row, column from 1) whose
    /// amount is text, which a spreadsheet's sum leaves out.
    TotalRow {
        stated: Amount,
        rows: Amount,
        text: Vec<(u32, u32)>,
    },
}

/// A row with a value beyond the header row's columns (a CSV field split in two by its
/// delimiter, or a cell without a column).
#[derive(Clone, Debug, PartialEq)]
pub struct Overflow {
    /// The fields the row has, up to its last value, and the header's columns.
    pub fields: usize,
    pub columns: usize,
    /// The CSV delimiter; `None` for a workbook.
    pub delimiter: Option<char>,
    /// In a CSV file whose delimiter is no part of an amount (`;`, a tab), the value beyond
    /// the table, where the row is told.
    pub beyond: Option<Beyond>,
}

/// A value right of the table's last column in a CSV row: its text, column and line
/// (one-based), as a spreadsheet shows it (`G13`).
#[derive(Clone, Debug, PartialEq)]
pub struct Beyond {
    pub text: String,
    pub column: u32,
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub recipient: Written<String>,
    /// A form's Mottagare when its Kommunkod names the recipient: the two must agree.
    pub named: Option<Written<String>>,
    /// "ja"/"nej" (or "yes"/"no") as written; `None` when not given.
    pub invoiced: Option<Written<String>>,
}

/// One row: a recipient's use of the money from one insats.
#[derive(Clone, Debug, PartialEq)]
pub struct UsageRow {
    /// The recipient: a form's header cell (the same for every row of the form), or the row's
    /// own `recipient`. Empty when the form names none.
    pub recipient: Written<String>,
    /// The insats id as written (empty when the cell is).
    pub insats: Written<String>,
    /// The insats's description as the form prints it, to tell an edited id.
    pub text: Option<Written<String>>,
    /// The amount received as the form prints it; `None` in a file without the column.
    pub received: Option<Written<Entry>>,
    pub used: Written<Entry>,
    pub comment: Option<String>,
    /// A value beyond the header row's columns, at the first such value: the row is not read.
    pub overflow: Option<Written<Overflow>>,
    /// The line (one-based; a workbook's row) of the form's last total row when this row
    /// stands below it: that total ends the table, so an amount used here is not counted.
    pub below_total: Option<usize>,
}

/// The codes of the follow-up, with their default severity and meaning. Separate from the
/// plan checks' registry: these are about usage files, not plans.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UsageCode {
    ExceedsReceived,
    UnknownLine,
    UnknownRecipient,
    Amount,
    Duplicate,
    FormEdited,
    Invoiced,
    FormLayout,
    OtherPlan,
    NoYear,
    Missing,
}

impl UsageCode {
    pub const ALL: [UsageCode; 11] = [
        UsageCode::ExceedsReceived,
        UsageCode::UnknownLine,
        UsageCode::UnknownRecipient,
        UsageCode::Amount,
        UsageCode::Duplicate,
        UsageCode::FormEdited,
        UsageCode::Invoiced,
        UsageCode::FormLayout,
        UsageCode::OtherPlan,
        UsageCode::NoYear,
        UsageCode::Missing,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UsageCode::ExceedsReceived => "usage-exceeds-received",
            UsageCode::UnknownLine => "usage-unknown-line",
            UsageCode::UnknownRecipient => "usage-unknown-recipient",
            UsageCode::Amount => "usage-amount",
            UsageCode::Duplicate => "usage-duplicate",
            UsageCode::FormEdited => "usage-form-edited",
            UsageCode::Invoiced => "usage-invoiced",
            UsageCode::FormLayout => "usage-form-layout",
            UsageCode::OtherPlan => "usage-other-plan",
            UsageCode::NoYear => "usage-no-year",
            UsageCode::Missing => "usage-missing",
        }
    }

    /// The severity when nothing makes it stricter (`usage-missing` is an error with
    /// `--final` or once the reporting deadline has passed).
    pub fn severity(self) -> Severity {
        match self {
            UsageCode::Missing | UsageCode::NoYear => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// What the code means: Swedish, English.
    pub fn about(self) -> (&'static str, &'static str) {
        match self {
            UsageCode::ExceedsReceived => (
                "använt belopp är större än det mottagna",
                "the amount used is larger than the amount received",
            ),
            UsageCode::UnknownLine => (
                "en rad som inte hör till någon rad i planen: en insats som inte finns, som mottagaren inte får medel ur, en rad utan insats, eller en rad under blankettens sista summarad",
                "a row that matches no line of the plan: an insats that does not exist, one the recipient gets no money from, a row without an insats, or a row below the form's last total row",
            ),
            UsageCode::UnknownRecipient => (
                "en mottagare som inte finns i planen eller inte får medel, en blankett utan mottagare, eller en blankett vars Mottagare och Kommunkod är olika mottagare (blanketten räknas inte)",
                "a recipient that is not in the plan or receives no money, a form without a recipient, or a form whose Mottagare and Kommunkod are different recipients (the form is not counted)",
            ),
            UsageCode::Amount => (
                "ett belopp som inte går att läsa (text, tvetydiga skiljetecken, bråkdelar av öre, ett datum, en cell formaterad som procent eller i en annan valuta än kronor) eller som är negativt",
                "an amount that cannot be read (text, ambiguous separators, fractions of öre, a date, a cell formatted as a percentage or in another currency than kronor) or that is negative",
            ),
            UsageCode::Duplicate => (
                "samma rad redovisad mer än en gång (två rader eller två blanketter)",
                "the same line reported more than once (two rows or two forms)",
            ),
            UsageCode::FormEdited => (
                "blanketten ändrad där den inte ska: mottaget belopp eller insatsens id; raden räknas inte",
                "the form changed where it should not be: the amount received or the insats id; the row is not counted",
            ),
            UsageCode::Invoiced => (
                "uppgiften om samlingsfakturan är skickad är varken ja eller nej, eller två filer svarar olika för samma mottagare",
                "whether the collective invoice was sent is neither yes nor no, or two files answer differently for one recipient",
            ),
            UsageCode::FormLayout => (
                "blanketten går inte att läsa säkert: en beloppskolumn i en annan enhet än kronor, en kolumn eller en rubrik i huvudet två gånger, en summarad som raderna inte summerar till (blanketten räknas inte), en andra blankett i samma fil (den läses inte) eller på ett annat blad i arbetsboken (arbetsboken räknas inte), celler sammanfogade över flera rader i tabellen (blanketten räknas inte), en rad med fler fält än rubrikraden (raden räknas inte), eller ett citattecken i en CSV-blankett som aldrig stängs eller stängs först efter vad som ser ut som blankettens rader (blanketten räknas inte)",
                "the form cannot be read surely: an amount column in another unit than kronor, a column or a header label twice, a total row its rows do not add up to (the form is not counted), a second form in the same file (it is not read) or on another sheet of the workbook (the workbook is not counted), cells merged over several rows of the table (the form is not counted), a row with more fields than the header row (the row is not counted), or a CSV quote never closed or closed only after what look like rows of the form (the form is not counted)",
            ),
            UsageCode::OtherPlan => (
                "en blankett för ett annat år eller ett annat län än planens, för flera år, eller vars rubrik anger två år (blanketten räknas inte)",
                "a form for another year or another county than the plan's, for a span of years, or whose title names two years (the form is not counted)",
            ),
            UsageCode::NoYear => (
                "en redovisning som inte anger sitt år (`year` i TOML, blankettens rubrikrad): förra årets fil skulle räknas som årets (den räknas)",
                "a usage file that does not state its year (`year` in TOML, a form's title row): last year's file would be counted as this year's (it is counted)",
            ),
            UsageCode::Missing => (
                "en rad i planen som ingen har redovisat",
                "a line of the plan that nobody reported on",
            ),
        }
    }
}

/// What is wrong, with the values the message needs.
#[derive(Clone, Debug, PartialEq)]
pub enum UsageProblem {
    ExceedsReceived {
        recipient: String,
        insats: String,
        received: Amount,
        used: Amount,
    },
    /// No insats with this id in the plan.
    UnknownInsats {
        insats: String,
        suggestion: Option<String>,
    },
    /// The insats exists, but the recipient receives nothing from it.
    NotRecipientsLine {
        recipient: String,
        insats: String,
        /// The recipient's own insatser.
        own: Vec<String>,
    },
    /// An amount used on a row without an insats id.
    RowWithoutInsats,
    /// An amount used on a row below the form's total row (on this line, one-based).
    BelowTotal {
        line: usize,
    },
    UnknownRecipient {
        name: String,
        suggestion: Option<String>,
    },
    /// In the plan, but receives no money itself (the county's kommuner as a group).
    NotARecipient {
        name: String,
    },
    /// The form names no recipient.
    NoRecipient,
    BadAmount {
        written: String,
        why: BadAmount,
    },
    NegativeAmount {
        amount: Amount,
    },
    /// An amount received that cannot be read (ambiguous: neither reading the plan's), with
    /// the plan's amount, which is what belongs there.
    BadReceived {
        insats: String,
        written: String,
        why: BadAmount,
        plan: Amount,
    },
    /// A line reported more than once; `times` is how many reports of it the files hold in
    /// all (each after the first is a finding).
    Duplicate {
        recipient: String,
        insats: String,
        times: usize,
    },
    /// The amount received on the form is not the plan's (or was removed).
    EditedReceived {
        insats: String,
        plan: Amount,
        form: Option<Amount>,
    },
    /// The insats id was changed: the description is that of another of the recipient's lines.
    EditedInsats {
        written: String,
        text_of: String,
    },
    Invoiced {
        written: String,
    },
    /// Two files answer differently whether the recipient's collective invoice was sent.
    InvoicedTwice {
        recipient: String,
        first: bool,
    },
    /// An amount column's header names another unit than kronor.
    AmountUnit {
        header: String,
        unit: String,
    },
    /// A column of the form's table named twice (one-based columns): the second header and
    /// the first.
    RepeatedColumn {
        header: String,
        first_header: String,
        first: u32,
        second: u32,
    },
    /// A label of the form's header on two lines.
    RepeatedLabel {
        label: String,
        first: usize,
        second: usize,
    },
    /// A second form in one file, from this line.
    SecondForm {
        line: usize,
    },
    /// Another sheet of the workbook holds a form too.
    SecondSheet {
        sheet: String,
        form: String,
    },
    /// Cells merged over several rows of the table (one-based).
    Merged {
        top: u32,
        left: u32,
        bottom: u32,
        right: u32,
    },
    /// A CSV quote never closed, from this line.
    UnclosedQuote {
        line: usize,
    },
    /// A quoted CSV field over these lines that holds what look like the form's rows.
    QuotedRows {
        line: usize,
        through: usize,
    },
    /// A form's total row that its rows do not add up to.
    TotalRow {
        stated: Amount,
        rows: Amount,
        text: Vec<(u32, u32)>,
    },
    /// A row with a value beyond the header row's columns.
    Overflow(Overflow),
    /// The form states another county or year than the plan's.
    OtherPlan {
        stated: String,
        plan: String,
    },
    /// The form's title states a span of years (`Jämtlands län 2026-2027`), the plan one.
    YearSpan {
        stated: String,
        plan: String,
    },
    /// The form's title states two years (`Jämtlands län 2026 (2025)`), the plan one.
    TwoYears {
        stated: String,
        first: String,
        second: String,
        plan: String,
    },
    /// A usage file that does not state its year: the plan's year, and whether the file is a
    /// form (whose title row says it) or TOML (whose `year` does).
    NoYear {
        year: i64,
        form: bool,
    },
    /// A form's Mottagare is another recipient than its Kommunkod.
    RecipientsDisagree {
        name: String,
        code: String,
        code_is: String,
    },
    /// A line nobody reported on (the form's cell is empty, or no row names it).
    Missing {
        recipient: String,
        insats: String,
        amount: Amount,
    },
    /// A recipient whose form has no amount used filled in at all.
    NothingFilledIn {
        recipient: String,
        lines: usize,
        amount: Amount,
    },
    /// A recipient that sent nothing at all.
    MissingRecipient {
        recipient: String,
        lines: usize,
        amount: Amount,
    },
}

impl UsageProblem {
    pub fn code(&self) -> UsageCode {
        match self {
            UsageProblem::ExceedsReceived { .. } => UsageCode::ExceedsReceived,
            UsageProblem::UnknownInsats { .. }
            | UsageProblem::NotRecipientsLine { .. }
            | UsageProblem::RowWithoutInsats
            | UsageProblem::BelowTotal { .. } => UsageCode::UnknownLine,
            UsageProblem::UnknownRecipient { .. }
            | UsageProblem::NotARecipient { .. }
            | UsageProblem::NoRecipient
            | UsageProblem::RecipientsDisagree { .. } => UsageCode::UnknownRecipient,
            UsageProblem::BadAmount { .. }
            | UsageProblem::BadReceived { .. }
            | UsageProblem::NegativeAmount { .. } => UsageCode::Amount,
            UsageProblem::Duplicate { .. } => UsageCode::Duplicate,
            UsageProblem::EditedReceived { .. } | UsageProblem::EditedInsats { .. } => {
                UsageCode::FormEdited
            }
            UsageProblem::Invoiced { .. } | UsageProblem::InvoicedTwice { .. } => {
                UsageCode::Invoiced
            }
            UsageProblem::AmountUnit { .. }
            | UsageProblem::RepeatedColumn { .. }
            | UsageProblem::RepeatedLabel { .. }
            | UsageProblem::SecondForm { .. }
            | UsageProblem::SecondSheet { .. }
            | UsageProblem::Merged { .. }
            | UsageProblem::UnclosedQuote { .. }
            | UsageProblem::QuotedRows { .. }
            | UsageProblem::TotalRow { .. }
            | UsageProblem::Overflow(_) => UsageCode::FormLayout,
            UsageProblem::OtherPlan { .. }
            | UsageProblem::YearSpan { .. }
            | UsageProblem::TwoYears { .. } => UsageCode::OtherPlan,
            UsageProblem::NoYear { .. } => UsageCode::NoYear,
            UsageProblem::Missing { .. }
            | UsageProblem::NothingFilledIn { .. }
            | UsageProblem::MissingRecipient { .. } => UsageCode::Missing,
        }
    }

    /// The two figures a finding compares (received and used), for the note under it.
    pub fn figures(&self) -> Option<(Amount, Amount)> {
        match self {
            UsageProblem::ExceedsReceived { received, used, .. } => Some((*received, *used)),
            _ => None,
        }
    }
}

/// Where a finding points: into a usage file, or into the plan (a line nobody reported on).
#[derive(Clone, Debug, PartialEq)]
pub enum Location {
    Usage(Place),
    Plan(Range<usize>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct UsageFinding {
    pub severity: Severity,
    pub location: Location,
    pub problem: UsageProblem,
    /// Another place that explains this one (where a line was first reported).
    pub related: Option<Place>,
}

impl UsageFinding {
    pub fn code(&self) -> UsageCode {
        self.problem.code()
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// How strictly to follow up.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// The final follow-up: every line must be reported.
    pub final_report: bool,
    /// Today, for comparing with the reporting deadline (`None`: not compared).
    pub date: Option<Date>,
}

/// What a recipient reported for one ledger line.
#[derive(Clone, Debug, PartialEq)]
pub struct Booked {
    pub used: Amount,
    pub place: Place,
}

/// The usage files matched to the ledger.
#[derive(Clone, Debug)]
pub struct FollowUp {
    /// Per ledger line: what was reported and counted, if anything.
    pub booked: Vec<Option<Booked>>,
    /// Per ledger line: the recipient's comment on its row, whether the row was counted or its
    /// amount used left empty ("väntar på faktura").
    pub comments: Vec<Option<String>>,
    /// Per recipient that said so: whether its collective invoice has been sent.
    pub invoiced: HashMap<Recipient, bool>,
    pub findings: Vec<UsageFinding>,
    /// Whether `usage-missing` counts as an error (final, or past the deadline).
    pub strict: bool,
    /// Whether the reporting deadline had passed on `Options::date`.
    pub deadline_passed: bool,
    /// The day the follow-up is made on (`Options::date`), when it was given.
    pub date: Option<Date>,
}

impl FollowUp {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }
}

/// Who receives money, and what each of them receives, for matching rows.
struct Recipients<'l> {
    ledger: &'l Ledger<'l>,
    /// Per recipient, its line indices in ledger order.
    lines: HashMap<Recipient, Vec<usize>>,
    /// Recipients in the order their first line appears.
    order: Vec<Recipient>,
    /// The insatser's descriptions, folded (`fold`), each numbered once.
    texts: HashMap<String, u32>,
    /// Per insats, its description's number in `texts`.
    text_of: Vec<u32>,
    /// Per recipient that rows name, its lines indexed (made when first asked for: a national
    /// plan has 2,2 million lines, and a follow-up may hear from a few recipients).
    indexes: RefCell<HashMap<Recipient, Index<'l>>>,
}

/// One recipient's lines, for looking a row up.
struct Index<'l> {
    /// Per insats id, its first line with that id.
    by_id: HashMap<&'l str, usize>,
    /// Per description (numbered by `Recipients::texts`), its line with that description, or
    /// `None` when it has more than one.
    by_text: HashMap<u32, Option<usize>>,
}

impl<'l> Recipients<'l> {
    /// Every insats's description is folded once, and a recipient's lines are indexed once:
    /// a row is matched by looking up, not by going through the recipient's lines (a kommun
    /// has some 5 000 in a plan of 10 000 insatser).
    fn new(ledger: &'l Ledger<'l>) -> Recipients<'l> {
        let mut texts: HashMap<String, u32> = HashMap::new();
        let text_of: Vec<u32> = ledger
            .plan
            .insatser
            .iter()
            .map(|insats| {
                let next = u32::try_from(texts.len()).unwrap_or(u32::MAX);
                *texts.entry(fold(&insats.text)).or_insert(next)
            })
            .collect();
        let mut lines: HashMap<Recipient, Vec<usize>> = HashMap::new();
        let mut order = Vec::new();
        for (i, line) in ledger.lines.iter().enumerate() {
            let list = lines.entry(line.recipient).or_default();
            if list.is_empty() {
                order.push(line.recipient);
            }
            list.push(i);
        }
        Recipients {
            ledger,
            lines,
            order,
            texts,
            text_of,
            indexes: RefCell::new(HashMap::new()),
        }
    }

    /// Looks up in the recipient's index, made on first use.
    fn indexed<T>(&self, recipient: Recipient, look: impl FnOnce(&Index<'l>) -> T) -> T {
        let mut indexes = self.indexes.borrow_mut();
        let index = indexes.entry(recipient).or_insert_with(|| {
            let mut index = Index {
                by_id: HashMap::new(),
                by_text: HashMap::new(),
            };
            for &i in self.lines.get(&recipient).map_or(&[][..], Vec::as_slice) {
                let Some(line) = self.ledger.lines.get(i) else {
                    continue;
                };
                let Some(insats) = self.ledger.plan.insatser.get(line.insats as usize) else {
                    continue;
                };
                index.by_id.entry(insats.id.get_ref().as_str()).or_insert(i);
                if let Some(&text) = self.text_of.get(line.insats as usize) {
                    index
                        .by_text
                        .entry(text)
                        .and_modify(|one: &mut Option<usize>| *one = None)
                        .or_insert(Some(i));
                }
            }
            index
        });
        look(index)
    }

    /// The recipient's first line of the insats with this id.
    fn line_by_id(&self, recipient: Recipient, id: &str) -> Option<usize> {
        self.indexed(recipient, |index| index.by_id.get(id).copied())
    }

    /// The recipient's only line whose description, folded, is this.
    fn line_by_text(&self, recipient: Recipient, folded: &str) -> Option<usize> {
        let text = *self.texts.get(folded)?;
        self.indexed(recipient, |index| {
            index.by_text.get(&text).copied().flatten()
        })
    }

    /// A recipient by an actor's id, name or short name, or a kommun's code or name (or both,
    /// as the tool's own tables write it: `Berg (2326)`, see `Names::kommun`). When no
    /// recipient has the name as written: a name that a CSV form guarded against being run as
    /// a formula (`'=Fontänhus`) by its guarded name, and a name as a form shows it
    /// ([`as_shown`]) by the one recipient whose name it shows.
    fn resolve(&self, name: &str) -> Result<Recipient, UsageProblem> {
        let written = name.trim();
        let found = self.resolve_written(written);
        if !matches!(found, Err(UsageProblem::UnknownRecipient { .. })) {
            return found;
        }
        if unguarded(written) != written {
            let found = self.resolve_written(unguarded(written));
            if !matches!(found, Err(UsageProblem::UnknownRecipient { .. })) {
                return found;
            }
        }
        let shown = as_shown(unguarded(written));
        let mut named = (self.order.iter().copied())
            .filter(|&r| as_shown(self.ledger.recipient_name(r)) == shown);
        match (named.next(), named.next()) {
            (Some(recipient), None) => Ok(recipient),
            _ => found,
        }
    }

    fn resolve_written(&self, trimmed: &str) -> Result<Recipient, UsageProblem> {
        let plan = self.ledger.plan;
        if trimmed.is_empty() {
            return Err(UsageProblem::NoRecipient);
        }
        let actor = self.ledger.names.actor(plan, trimmed);
        let found = match actor {
            Some(a) => Some(Recipient::Actor(crate::core::ledger::index(a))),
            None => {
                let names = &self.ledger.names;
                names
                    .kommun(&kommunkod(trimmed))
                    .map(|k| Recipient::Kommun(crate::core::ledger::index(k)))
            }
        };
        match found {
            Some(r) if self.lines.contains_key(&r) => Ok(r),
            Some(_) => Err(UsageProblem::NotARecipient {
                name: trimmed.to_string(),
            }),
            None => {
                let names = &self.ledger.names;
                // `Berg (2380)`: a name and a kommunkod of two kommuner.
                if let Some((by_name, by_code)) = names.kommun_disagreeing(trimmed) {
                    let kommun = |k: usize| plan.kommuner.get(k);
                    if let (Some(named), Some(coded)) = (kommun(by_name), kommun(by_code)) {
                        return Err(UsageProblem::RecipientsDisagree {
                            name: named.name.get_ref().clone(),
                            code: coded.code.get_ref().clone(),
                            code_is: coded.name.get_ref().clone(),
                        });
                    }
                }
                let known: Vec<&str> = self
                    .order
                    .iter()
                    .map(|&r| self.ledger.recipient_name(r))
                    .collect();
                // `Östersund kommun`, `Åres kommun`: a kommun's name near its official one.
                let folded = fold(trimmed);
                let stem = folded.strip_suffix(" kommun");
                Err(UsageProblem::UnknownRecipient {
                    name: trimmed.to_string(),
                    suggestion: suggest(trimmed, &known)
                        .or_else(|| stem.and_then(|stem| suggest(stem, &known)))
                        .or_else(|| within(&folded, &known)),
                })
            }
        }
    }

    fn insats_id(&self, line: usize) -> &'l str {
        let ledger = self.ledger;
        ledger
            .lines
            .get(line)
            .and_then(|l| ledger.plan.insatser.get(l.insats as usize))
            .map_or("", |i| i.id.get_ref().as_str())
    }

    fn insats_text(&self, line: usize) -> &'l str {
        let ledger = self.ledger;
        ledger
            .lines
            .get(line)
            .and_then(|l| ledger.plan.insatser.get(l.insats as usize))
            .map_or("", |i| i.text.as_str())
    }

    fn amount(&self, line: usize) -> Amount {
        self.ledger
            .lines
            .get(line)
            .map_or(Amount::ZERO, |l| l.amount)
    }
}

/// A kommunkod as a spreadsheet may have saved it: `114` for `0114` (a number loses its
/// leading zero). Other text is returned as it is.
fn kommunkod(written: &str) -> String {
    if !written.is_empty() && written.len() < 4 && written.chars().all(|c| c.is_ascii_digit()) {
        format!("{written:0>4}")
    } else {
        written.to_string()
    }
}

/// Whether a written "collective invoice sent" means yes, no, or cannot be told.
fn yes_or_no(written: &str) -> Option<bool> {
    match fold(written).trim_end_matches('.') {
        // Not `x`: a cross in the cell may mark either answer.
        "ja" | "j" | "yes" | "y" | "true" | "sant" => Some(true),
        "nej" | "n" | "no" | "false" | "falskt" => Some(false),
        _ => None,
    }
}

/// Matches the usage files to the ledger's lines and reports every problem.
pub fn follow_up(ledger: &Ledger, files: &[&UsageFile], options: Options) -> FollowUp {
    let recipients = Recipients::new(ledger);
    let deadline = ledger
        .plan
        .deadlines
        .as_ref()
        .and_then(|d| d.use_reported.as_ref())
        .map(|d| *d.get_ref());
    let deadline_passed = matches!((options.date, deadline), (Some(today), Some(d)) if today > d);
    let strict = options.final_report || deadline_passed;
    let mut report = Report::default();
    let mut booked: Vec<Option<Booked>> = vec![None; ledger.lines.len()];
    let mut comments: Vec<Option<String>> = vec![None; ledger.lines.len()];
    // Per line, where it was first reported (counted or not), so a second report is a
    // duplicate and a report that could not be counted is not also "missing".
    let mut reported: Vec<Option<Place>> = vec![None; ledger.lines.len()];
    // Per line, whether a row that is not read (below the total, its fields shifted) names
    // it: not also "missing", but not a first report either, so a report of the line that is
    // read is not a duplicate of it, whichever file comes first.
    let mut uncounted: Vec<bool> = vec![false; ledger.lines.len()];
    // Per line, an empty cell that names it, for a "missing" finding that points at the form.
    let mut blank: Vec<Option<Place>> = vec![None; ledger.lines.len()];
    let mut heard_from: HashSet<Recipient> = HashSet::new();
    // Recipients whose form was refused as a whole: not also "sent nothing".
    let mut refused: HashSet<Recipient> = HashSet::new();
    let mut invoiced = HashMap::new();
    // Each second (third, …) report of a line: its finding's index and the line.
    let mut duplicates: Vec<(usize, usize)> = Vec::new();
    // Each recipient cell is resolved and, when unknown, reported once.
    let mut resolved: HashMap<Place, Option<Recipient>> = HashMap::new();
    let resolve = |written: &Written<String>,
                   resolved: &mut HashMap<Place, Option<Recipient>>,
                   report: &mut Report| {
        *resolved.entry(written.place.clone()).or_insert_with(|| {
            match recipients.resolve(&written.value) {
                Ok(r) => Some(r),
                Err(problem) => {
                    report.error(&written.place, problem);
                    None
                }
            }
        })
    };

    for file in files {
        // A form whose layout leaves its figures unsure, or that is another year's or
        // county's, is not counted: one finding each, and its recipient is not also said to
        // have sent nothing.
        let mut refuse = false;
        for written in &file.layout {
            let Some((problem, related)) = layout_problem(&written.value) else {
                continue;
            };
            // A second form below the first in a CSV file leaves the first readable; a second
            // sheet's form leaves it unsure which sheet counts.
            refuse |= !matches!(written.value, Layout::SecondForm { .. });
            report.findings.push(UsageFinding {
                severity: Severity::Error,
                location: Location::Usage(written.place.clone()),
                problem,
                related,
            });
        }
        // Another year's or county's file is told as such, once: not also as one without a
        // year (`Västernorrlands län`, `Jämtlands län 2026-2027`).
        let mut other = false;
        if let Some(stated) = &file.stated
            && let Some(problem) = other_plan(ledger, &stated.value)
        {
            report.error(&stated.place, problem);
            refuse = true;
            other = true;
        }
        // A form's title row without a year (a TOML file without `year` is undated already).
        let untitled = match (&file.undated, &file.stated) {
            (None, Some(stated)) if title(&evened(&stated.value)).year.is_none() => Some(Undated {
                place: stated.place.clone(),
                form: true,
            }),
            _ => None,
        };
        if let Some(undated) = file.undated.as_ref().or(untitled.as_ref())
            && !other
        {
            report.findings.push(UsageFinding {
                severity: Severity::Warning,
                location: Location::Usage(undated.place.clone()),
                problem: UsageProblem::NoYear {
                    year: i64::from(*ledger.plan.plan.year.get_ref()),
                    form: undated.form,
                },
                related: None,
            });
        }
        if refuse {
            for claim in &file.claims {
                if let Ok(recipient) = recipients.resolve(&claim.recipient.value) {
                    refused.insert(recipient);
                }
            }
            continue;
        }
        for claim in &file.claims {
            let Some(recipient) = resolve(&claim.recipient, &mut resolved, &mut report) else {
                continue;
            };
            // A Mottagare that is another recipient than the Kommunkod: the form is not
            // counted for either (its rows are the Kommunkod's, which is now unresolved).
            if let Some(named) = &claim.named
                && let Ok(other) = recipients.resolve(&named.value)
                && other != recipient
            {
                report.error(
                    &named.place,
                    UsageProblem::RecipientsDisagree {
                        name: named.value.trim().to_string(),
                        code: claim.recipient.value.trim().to_string(),
                        code_is: ledger.recipient_name(recipient).to_string(),
                    },
                );
                resolved.insert(claim.recipient.place.clone(), None);
                refused.insert(recipient);
                continue;
            }
            heard_from.insert(recipient);
            if let Some(written) = &claim.invoiced {
                if written.value.trim().is_empty() {
                    continue;
                }
                match yes_or_no(&written.value) {
                    Some(yes) => {
                        if let Some(first) = invoiced.insert(recipient, yes)
                            && first != yes
                        {
                            report.error(
                                &written.place,
                                UsageProblem::InvoicedTwice {
                                    recipient: ledger.recipient_name(recipient).to_string(),
                                    first,
                                },
                            );
                        }
                    }
                    None => report.error(
                        &written.place,
                        UsageProblem::Invoiced {
                            written: written.value.clone(),
                        },
                    ),
                }
            }
        }
        for row in &file.rows {
            let Some(recipient) = resolve(&row.recipient, &mut resolved, &mut report) else {
                continue;
            };
            heard_from.insert(recipient);
            let own = recipients
                .lines
                .get(&recipient)
                .map_or(&[][..], Vec::as_slice);
            // An amount used below the form's total row is outside the table the total sums:
            // not counted, and the line it names, if any, is not also missing.
            if let (Some(line), false) = (row.below_total, row.used.value == Entry::Empty) {
                report.error(&row.used.place, UsageProblem::BelowTotal { line });
                let named = match_line(&recipients, recipient, own, row, &mut Report::default());
                if let Some(slot) = named.and_then(|l| uncounted.get_mut(l)) {
                    *slot = true;
                }
                continue;
            }
            // A row whose fields are shifted is not read; the line it names, if any, is not
            // also missing.
            if let Some(overflow) = &row.overflow {
                report.error(
                    &overflow.place,
                    UsageProblem::Overflow(overflow.value.clone()),
                );
                let line = match_line(&recipients, recipient, own, row, &mut Report::default());
                if let Some(slot) = line.and_then(|l| uncounted.get_mut(l)) {
                    *slot = true;
                }
                continue;
            }
            let Some(line) = match_line(&recipients, recipient, own, row, &mut report) else {
                continue;
            };
            if let Some(received) = &row.received {
                let plan = recipients.amount(line);
                let edited = |form| UsageProblem::EditedReceived {
                    insats: row.insats.value.trim().to_string(),
                    plan,
                    form,
                };
                match &received.value {
                    Entry::Amount(a) if *a == plan => {}
                    // `21,200 kr`, as a spreadsheet in English saves the form's whole kronor:
                    // the plan's amount one way, 21,2 kr the other.
                    Entry::Ambiguous { readings, .. } if readings.contains(&plan) => {}
                    Entry::Amount(a) => report.error(&received.place, edited(Some(*a))),
                    Entry::Empty => report.error(&received.place, edited(None)),
                    Entry::Bad { .. } | Entry::Ambiguous { .. } => {
                        let (written, why) =
                            received.value.bad().unwrap_or(("", BadAmount::NotANumber));
                        report.error(
                            &received.place,
                            UsageProblem::BadReceived {
                                insats: row.insats.value.trim().to_string(),
                                written: written.to_string(),
                                why,
                                plan,
                            },
                        );
                    }
                }
            }
            if let (Some(comment), Some(slot @ None)) = (
                row.comment.as_ref().filter(|c| !c.trim().is_empty()),
                comments.get_mut(line),
            ) {
                *slot = Some(comment.clone());
            }
            let used = match &row.used.value {
                Entry::Empty => {
                    if let Some(slot) = blank.get_mut(line) {
                        slot.get_or_insert_with(|| row.used.place.clone());
                    }
                    continue;
                }
                Entry::Amount(a) => Some(*a),
                Entry::Bad { .. } | Entry::Ambiguous { .. } => None,
            };
            // An amount that cannot be read is told, a second report of its line or not.
            if let Some((written, why)) = row.used.value.bad() {
                report.error(
                    &row.used.place,
                    UsageProblem::BadAmount {
                        written: written.to_string(),
                        why,
                    },
                );
            }
            if let Some(Some(first)) = reported.get(line) {
                duplicates.push((report.findings.len(), line));
                report.findings.push(UsageFinding {
                    severity: Severity::Error,
                    location: Location::Usage(row.used.place.clone()),
                    problem: UsageProblem::Duplicate {
                        recipient: ledger.recipient_name(recipient).to_string(),
                        insats: recipients.insats_id(line).to_string(),
                        // Counted once all files are read.
                        times: 2,
                    },
                    related: Some(first.clone()),
                });
                continue;
            }
            if let Some(slot) = reported.get_mut(line) {
                *slot = Some(row.used.place.clone());
            }
            let Some(used) = used else {
                continue;
            };
            let received = recipients.amount(line);
            if used.is_negative() {
                report.error(
                    &row.used.place,
                    UsageProblem::NegativeAmount { amount: used },
                );
            } else if used > received {
                report.error(
                    &row.used.place,
                    UsageProblem::ExceedsReceived {
                        recipient: ledger.recipient_name(recipient).to_string(),
                        insats: recipients.insats_id(line).to_string(),
                        received,
                        used,
                    },
                );
            } else if let Some(slot) = booked.get_mut(line) {
                *slot = Some(Booked {
                    used,
                    place: row.used.place.clone(),
                });
            }
        }
    }

    // A line reported three times is said to be, at each report after the first.
    let mut times: HashMap<usize, usize> = HashMap::new();
    for &(_, line) in &duplicates {
        *times.entry(line).or_insert(1) += 1;
    }
    for (at, line) in duplicates {
        if let (Some(finding), Some(&all)) = (report.findings.get_mut(at), times.get(&line))
            && let UsageProblem::Duplicate { times, .. } = &mut finding.problem
        {
            *times = all;
        }
    }

    // Lines nobody reported on: one finding for a recipient that sent nothing or filled in
    // nothing, else one per line, at the form's empty cell when there is one.
    let severity = if strict {
        Severity::Error
    } else {
        Severity::Warning
    };
    let mut missing = Vec::new();
    for &recipient in &recipients.order {
        let own = recipients
            .lines
            .get(&recipient)
            .map_or(&[][..], Vec::as_slice);
        let name = ledger.recipient_name(recipient).to_string();
        if !heard_from.contains(&recipient) {
            if refused.contains(&recipient) {
                continue;
            }
            missing.push(UsageFinding {
                severity,
                location: Location::Plan(recipient_span(ledger, recipient)),
                problem: UsageProblem::MissingRecipient {
                    recipient: name,
                    lines: own.len(),
                    amount: own.iter().map(|&l| recipients.amount(l)).sum(),
                },
                related: None,
            });
            continue;
        }
        let is_reported = |line: usize| {
            reported.get(line).is_some_and(Option::is_some)
                || uncounted.get(line).is_some_and(|&u| u)
        };
        if !own.iter().any(|&l| is_reported(l)) {
            let first_blank = own.iter().find_map(|&l| blank.get(l).cloned().flatten());
            missing.push(UsageFinding {
                severity,
                location: first_blank.map_or_else(
                    || Location::Plan(recipient_span(ledger, recipient)),
                    Location::Usage,
                ),
                problem: UsageProblem::NothingFilledIn {
                    recipient: name,
                    lines: own.len(),
                    amount: own.iter().map(|&l| recipients.amount(l)).sum(),
                },
                related: None,
            });
            continue;
        }
        for &line in own {
            if is_reported(line) {
                continue;
            }
            let location = match blank.get(line).cloned().flatten() {
                Some(place) => Location::Usage(place),
                None => Location::Plan(insats_span(ledger, line)),
            };
            missing.push(UsageFinding {
                severity,
                location,
                problem: UsageProblem::Missing {
                    recipient: name.clone(),
                    insats: recipients.insats_id(line).to_string(),
                    amount: recipients.amount(line),
                },
                related: None,
            });
        }
    }
    // Findings in the usage files come first, in file order; those about the plan follow.
    let mut findings = report.findings;
    findings.extend(missing);
    findings.sort_by_key(|a| order_key(&a.location));

    FollowUp {
        booked,
        comments,
        invoiced,
        findings,
        strict,
        deadline_passed,
        date: options.date,
    }
}

/// What is wrong with a layout the reader saw, if anything, with the place it repeats, if it
/// does.
fn layout_problem(layout: &Layout) -> Option<(UsageProblem, Option<Place>)> {
    Some(match layout {
        Layout::Unit { header, unit } => {
            if !other_unit(unit) {
                return None;
            }
            (
                UsageProblem::AmountUnit {
                    header: header.clone(),
                    unit: unit.clone(),
                },
                None,
            )
        }
        Layout::RepeatedColumn {
            header,
            first_header,
            first,
            second,
            first_place,
        } => (
            UsageProblem::RepeatedColumn {
                header: header.clone(),
                first_header: first_header.clone(),
                first: *first,
                second: *second,
            },
            Some(first_place.clone()),
        ),
        Layout::RepeatedLabel {
            label,
            first,
            second,
            first_place,
        } => (
            UsageProblem::RepeatedLabel {
                label: label.clone(),
                first: *first,
                second: *second,
            },
            Some(first_place.clone()),
        ),
        Layout::SecondForm { line } => (UsageProblem::SecondForm { line: *line }, None),
        Layout::SecondSheet { sheet, form } => (
            UsageProblem::SecondSheet {
                sheet: sheet.clone(),
                form: form.clone(),
            },
            None,
        ),
        Layout::Merged {
            top,
            left,
            bottom,
            right,
        } => (
            UsageProblem::Merged {
                top: *top,
                left: *left,
                bottom: *bottom,
                right: *right,
            },
            None,
        ),
        Layout::UnclosedQuote { line } => (UsageProblem::UnclosedQuote { line: *line }, None),
        Layout::QuotedRows { line, through } => (
            UsageProblem::QuotedRows {
                line: *line,
                through: *through,
            },
            None,
        ),
        Layout::TotalRow { stated, rows, text } => (
            UsageProblem::TotalRow {
                stated: *stated,
                rows: *rows,
                text: text.clone(),
            },
            None,
        ),
    })
}

/// Whether an amount's unit, as a header or a cell's number format writes it (`tkr`,
/// `(t kr)`, `i öre`, `€`, `andel`), is another than kronor. The unit must be kronor (`kr`,
/// `kronor`, `SEK`, `:-`), or absent (which is not asked): anything else is refused rather
/// than recognised, so a unit no list foresaw (`000 kr`, `1000-tal kr`, `NOK`) is not read as
/// kronor. After kronor only a note on VAT may follow (`kr, inkl. moms`).
pub fn other_unit(unit: &str) -> bool {
    let unit = fold(unit);
    let words: Vec<&str> = unit
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
        .collect();
    let words = match words.split_first() {
        Some((&("i" | "in"), rest)) => rest,
        _ => words.as_slice(),
    };
    let kronor = |w: &str| {
        matches!(
            w.trim_end_matches('.'),
            "kr" | "kronor" | "krona" | "sek" | ":-"
        )
    };
    // The kronor: one word, or two ("svenska kronor").
    let rest = match words {
        [first, rest @ ..] if kronor(first) => rest,
        [adjective, noun, rest @ ..]
            if matches!(*adjective, "svenska" | "swedish" | "hela" | "whole") && kronor(noun) =>
        {
            rest
        }
        _ => return true,
    };
    // A note on VAT, and nothing else, may follow the unit.
    const NOTE: [&str; 14] = [
        "inkl",
        "inklusive",
        "exkl",
        "exklusive",
        "ex",
        "utan",
        "med",
        "moms",
        "incl",
        "including",
        "excl",
        "excluding",
        "vat",
        "without",
    ];
    !rest.iter().all(|w| NOTE.contains(&w.trim_end_matches('.')))
}

/// The county and year a form states (`Jämtlands län 2025`), when they are not the plan's.
fn other_plan(ledger: &Ledger, stated: &str) -> Option<UsageProblem> {
    let stated = evened(stated);
    if stated.is_empty() {
        return None;
    }
    let plan = &ledger.plan.plan;
    let year = *plan.year.get_ref();
    let title = title(&stated);
    let plans = format!("{} {year}", plan.county);
    // A span of years (`2026-2027`) is no one year, the plan's or another's.
    match title.year {
        Some(WrittenYear::Span) => {
            return Some(UsageProblem::YearSpan {
                stated: stated.clone(),
                plan: plans,
            });
        }
        // Two years (one in a remark in brackets): it is unsure which the form is for.
        Some(WrittenYear::Two(first, second)) => {
            return Some(UsageProblem::TwoYears {
                stated: stated.clone(),
                first: first.to_string(),
                second: second.to_string(),
                plan: plans,
            });
        }
        Some(WrittenYear::One(_)) | None => {}
    }
    let other_year = matches!(title.year, Some(WrittenYear::One(y)) if y.parse::<i64>().ok() != Some(i64::from(year)));
    let other_county = !title.county.is_empty()
        && fold(title.county) != fold(&plan.county)
        && as_shown(title.county) != as_shown(&plan.county);
    (other_year || other_county).then(|| UsageProblem::OtherPlan {
        stated: stated.clone(),
        plan: plans,
    })
}

/// A text as a form shows it, for comparing a name, an insats id or a county a form wrote
/// with the plan's: a form writes a plan's text as every document does, a character that
/// shows nothing or reorders the text by its Unicode name (`<U+202E>`) and a line break or tab
/// as a space. So a name here is its character again, every run of whitespace one space, and
/// the text folded (`fold`): `Fontänhus<U+202E> AB` is the plan's `Fontänhus\u{202E}\nAB`.
fn as_shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("<U+") {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let named = from.get(3..).and_then(|hex| {
            let end = hex.find('>')?;
            let digits = hex.get(..end)?;
            let valid =
                (4..=6).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_hexdigit());
            let c = char::from_u32(u32::from_str_radix(digits, 16).ok()?).filter(|_| valid)?;
            Some((c, 3 + end + 1))
        });
        match named {
            Some((c, len)) => {
                out.push(c);
                rest = from.get(len..).unwrap_or("");
            }
            None => {
                out.push('<');
                rest = from.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    fold(&out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// What a file says it is for as it shows: without characters that show nothing (a
/// zero-width space before `Jämtlands län 2025` hides no other year), its words one space
/// apart.
fn evened(stated: &str) -> String {
    let shown: String = stated.chars().filter(|c| !is_invisible(*c)).collect();
    shown.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The year a form's title row writes after its county.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WrittenYear<'a> {
    /// One year, its digits (`2026`, `2026 - 2026`).
    One(&'a str),
    /// A span of years (`2026-2027`, `2026–27`, `2026 / 2027`).
    Span,
    /// Two different years that are no span: one after the county and another in a remark in
    /// brackets (`2026 (2025)`), or written backwards (`2027 - 2026`).
    Two(&'a str, &'a str),
}

/// A title row's county and year, its words evened out.
#[derive(Debug, PartialEq, Eq)]
struct Title<'a> {
    county: &'a str,
    year: Option<WrittenYear<'a>>,
}

/// The county and the year of what a file says it is for (`Jämtlands län 2026`, `2026`). A
/// remark in brackets after the year (`Jämtlands län 2026 (rev. 2025-12-01)`) is not part of
/// the county, and a date in it is no year; a year of its own in it (`(2025)`) is the title's
/// year when the title has none or says the same, and else leaves two years.
fn title(stated: &str) -> Title<'_> {
    let mut rest = stated.trim();
    let mut remarked: Vec<&str> = Vec::new();
    while let Some((open, years)) = remark(rest) {
        remarked.extend(years);
        rest = rest.get(..open).unwrap_or("").trim_end();
    }
    let own = own_title(rest);
    // The remarks' years, the first that differs from another first.
    let mut years = remarked.iter().rev().copied();
    match own.year {
        Some(WrittenYear::One(year)) => match years.find(|&y| y != year) {
            Some(other) => Title {
                county: own.county,
                year: Some(WrittenYear::Two(year, other)),
            },
            None => own,
        },
        None => match years.next() {
            Some(year) => Title {
                county: own.county,
                year: Some(match years.find(|&y| y != year) {
                    Some(other) => WrittenYear::Two(year, other),
                    None => WrittenYear::One(year),
                }),
            },
            None => own,
        },
        Some(WrittenYear::Span | WrittenYear::Two(..)) => own,
    }
}

/// The county and the year of a title without its remarks in brackets.
fn own_title(rest: &str) -> Title<'_> {
    let digits = |y: &str| !y.is_empty() && y.chars().all(|c| c.is_ascii_digit());
    let year = |y: &str| y.len() == 4 && digits(y);
    let dash = |c: char| matches!(c, '-' | '–' | '—' | '/');
    let words: Vec<&str> = rest.split(' ').collect();
    // Where the county ends: before the last word, or before the last three (`2026 - 2027`).
    let county = |words_in_year: usize| {
        let kept = words.len().saturating_sub(words_in_year);
        let end = words
            .iter()
            .take(kept)
            .map(|w| w.len() + 1)
            .sum::<usize>()
            .saturating_sub(1);
        rest.get(..end).unwrap_or("").trim_end()
    };
    // Two years written as one span: a later year is a span, the same year one year, an
    // earlier one two years.
    fn pair<'a>(from: &'a str, to: &'a str) -> WrittenYear<'a> {
        if to > from {
            WrittenYear::Span
        } else if to == from {
            WrittenYear::One(from)
        } else {
            WrittenYear::Two(from, to)
        }
    }
    match words.as_slice() {
        [.., from, d, to] if year(from) && d.chars().all(dash) && year(to) => Title {
            county: county(3),
            year: Some(pair(from, to)),
        },
        [.., last] => {
            // `2026-2027`, `2026/27`: a later year (`2026-12` is no span).
            let later = |from: &str, to: &str| match (from.parse::<u32>(), to.parse::<u32>()) {
                (Ok(f), Ok(t)) if to.len() == 2 => t > f % 100,
                _ => false,
            };
            let written = match last.split_once(dash) {
                Some((from, to)) if year(from) && year(to) => Some(pair(from, to)),
                Some((from, to)) if year(from) && digits(to) && later(from, to) => {
                    Some(WrittenYear::Span)
                }
                _ if digits(last) => Some(WrittenYear::One(last)),
                _ => None,
            };
            match written {
                Some(year) => Title {
                    county: county(1),
                    year: Some(year),
                },
                None => Title {
                    county: rest,
                    year: None,
                },
            }
        }
        [] => Title {
            county: rest,
            year: None,
        },
    }
}

/// Where a remark in brackets that ends `text` opens, with the years of its own it names: a
/// date (`rev. 2025-12-01`, `2026-1-5`, `2025–12`, `1.12.2025`, `1 dec 2025`) is no year,
/// nor is a word (`reviderad`); `(2025)` names 2025.
fn remark(text: &str) -> Option<(usize, Vec<&str>)> {
    let inner_end = text.strip_suffix(')')?.len();
    let mut depth = 0usize;
    let mut open = None;
    for (at, c) in text.char_indices().rev().skip(1) {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => {
                open = Some(at);
                break;
            }
            '(' => depth -= 1,
            _ => {}
        }
    }
    let open = open?;
    let inner = text.get(open + 1..inner_end)?;
    // Its words and runs of digits, with what stands between them.
    #[derive(Clone, Copy, PartialEq)]
    enum Token<'t> {
        Digits(&'t str),
        Word(&'t str),
        Separator(char),
        Space,
    }
    let mut tokens: Vec<Token<'_>> = Vec::new();
    let mut chars = inner.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let mut end = at + c.len_utf8();
        let same = |d: char| {
            if c.is_ascii_digit() {
                d.is_ascii_digit()
            } else {
                d.is_alphabetic()
            }
        };
        if c.is_ascii_digit() || c.is_alphabetic() {
            while let Some(&(next, d)) = chars.peek() {
                if !same(d) {
                    break;
                }
                end = next + d.len_utf8();
                chars.next();
            }
            let token = inner.get(at..end).unwrap_or("");
            tokens.push(if c.is_ascii_digit() {
                Token::Digits(token)
            } else {
                Token::Word(token)
            });
        } else if c.is_whitespace() {
            if tokens.last() != Some(&Token::Space) {
                tokens.push(Token::Space);
            }
        } else {
            tokens.push(Token::Separator(c));
        }
    }
    let date_separator =
        |t: Option<&Token<'_>>| matches!(t, Some(Token::Separator('-' | '–' | '—' | '/' | '.')));
    let short = |t: Option<&Token<'_>>| matches!(t, Some(Token::Digits(d)) if d.len() <= 2);
    let month = |t: Option<&Token<'_>>| matches!(t, Some(Token::Word(w)) if MONTHS.contains(&fold(w).as_str()));
    let mut years = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let Token::Digits(digits) = *token else {
            continue;
        };
        if digits.len() != 4 || !(digits.starts_with("19") || digits.starts_with("20")) {
            continue;
        }
        let at = |j: Option<usize>| j.and_then(|j| tokens.get(j));
        let before = |n: usize| at(i.checked_sub(n));
        let after = |n: usize| at(i.checked_add(n));
        // `2025-12`, `2026-1-5`, `2025–12–01`, `2025/12/1`, `2025.12.01`
        let year_first = date_separator(after(1)) && short(after(2));
        // `1/12/2025`, `1.12.2025`, `01-12-2025`
        let year_last = date_separator(before(1))
            && short(before(2))
            && date_separator(before(3))
            && short(before(4));
        // `1 dec 2025`, `1 dec. 2025`, `december 2025`
        let in_words = month(before(2)) && before(1) == Some(&Token::Space)
            || month(before(3))
                && before(2) == Some(&Token::Separator('.'))
                && before(1) == Some(&Token::Space);
        if !(year_first || year_last || in_words) {
            years.push(digits);
        }
    }
    Some((open, years))
}

/// Month names and their usual abbreviations, in Swedish and English, folded.
const MONTHS: &[&str] = &[
    "jan",
    "januari",
    "january",
    "feb",
    "febr",
    "februari",
    "february",
    "mar",
    "mars",
    "march",
    "apr",
    "april",
    "maj",
    "may",
    "jun",
    "juni",
    "june",
    "jul",
    "juli",
    "july",
    "aug",
    "augusti",
    "august",
    "sep",
    "sept",
    "september",
    "okt",
    "oct",
    "oktober",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// The recipient's name that a name written out in full ends with, as whole words: a unit
/// is written after what it is part of (the plan's `responsible` text, "Region Jämtland
/// Härjedalen Folkhälsoenheten", names the unit "Folkhälsoenheten").
fn within(folded: &str, known: &[&str]) -> Option<String> {
    let words: Vec<&str> = folded.split_whitespace().collect();
    known
        .iter()
        .find(|name| {
            let name = fold(name);
            let name: Vec<&str> = name.split_whitespace().collect();
            !name.is_empty() && name.len() < words.len() && words.ends_with(&name)
        })
        .map(|name| (*name).to_string())
}

/// The findings collected while matching.
#[derive(Default)]
struct Report {
    findings: Vec<UsageFinding>,
}

impl Report {
    fn error(&mut self, place: &Place, problem: UsageProblem) {
        self.findings.push(UsageFinding {
            severity: Severity::Error,
            location: Location::Usage(place.clone()),
            problem,
            related: None,
        });
    }
}

/// The line a row names, or the problem reported when it names none it may.
fn match_line(
    recipients: &Recipients,
    recipient: Recipient,
    own: &[usize],
    row: &UsageRow,
    report: &mut Report,
) -> Option<usize> {
    let ledger = recipients.ledger;
    let id = row.insats.value.trim();
    // An id as written, or as written before a CSV form guarded it (`'-1`), or as a form shows
    // it (`as_shown`).
    let by_id = [id, unguarded(id)]
        .into_iter()
        .find_map(|id| recipients.line_by_id(recipient, id))
        .or_else(|| {
            let shown = as_shown(unguarded(id));
            (own.iter().copied()).find(|&l| as_shown(recipients.insats_id(l)) == shown)
        });
    let text = row
        .text
        .as_ref()
        .map(|t| unguarded(&t.value).trim())
        .filter(|t| !t.is_empty());
    // The recipient's line whose description the row prints. A description printed as the
    // line of its id has it is that line's (the only line with it, or one of several: either
    // way the id's), and need not be folded and looked up.
    let by_text = match (by_id, text) {
        (Some(line), Some(text)) if text == recipients.insats_text(line).trim() => Some(line),
        (_, Some(text)) => recipients.line_by_text(recipient, &fold(text)),
        (_, None) => None,
    };
    let edited = |line: usize| UsageProblem::EditedInsats {
        written: id.to_string(),
        text_of: recipients.insats_id(line).to_string(),
    };
    match (by_id, by_text) {
        (Some(line), None) => Some(line),
        (Some(line), Some(other)) if other == line => Some(line),
        (Some(_), Some(other)) | (None, Some(other)) => {
            report.error(&row.insats.place, edited(other));
            None
        }
        (None, None) => {
            if id.is_empty() {
                if row.used.value != Entry::Empty {
                    report.error(&row.insats.place, UsageProblem::RowWithoutInsats);
                }
                return None;
            }
            let problem = if ledger.names.insatser.contains_key(id) {
                UsageProblem::NotRecipientsLine {
                    recipient: ledger.recipient_name(recipient).to_string(),
                    insats: id.to_string(),
                    own: own
                        .iter()
                        .map(|&l| recipients.insats_id(l).to_string())
                        .collect(),
                }
            } else {
                let known: Vec<&str> = own.iter().map(|&l| recipients.insats_id(l)).collect();
                // Ids are short: only a slip of one character is a likely typo.
                UsageProblem::UnknownInsats {
                    insats: id.to_string(),
                    suggestion: suggest(id, &known)
                        .filter(|s| strsim::damerau_levenshtein(id, s) <= 1),
                }
            };
            report.error(&row.insats.place, problem);
            None
        }
    }
}

/// Usage findings in file order (file, then sheet, row and column, or byte), then plan
/// findings.
fn order_key(location: &Location) -> (usize, usize, usize, usize, usize) {
    match location {
        Location::Usage(Place {
            file,
            at: At::Text(span),
        }) => (0, *file, 0, span.start, 0),
        Location::Usage(Place {
            file,
            at: At::Cell { row, column, sheet },
        }) => (0, *file, *sheet, *row as usize, *column as usize),
        Location::Plan(span) => (1, 0, 0, span.start, 0),
    }
}

/// Where the plan defines a recipient: an actor's id, a kommun's code.
fn recipient_span(ledger: &Ledger, recipient: Recipient) -> Range<usize> {
    match recipient {
        Recipient::Actor(a) => ledger
            .plan
            .actors
            .get(a as usize)
            .map_or(0..0, |x| x.id.span()),
        Recipient::Kommun(k) => ledger
            .plan
            .kommuner
            .get(k as usize)
            .map_or(0..0, |x| x.code.span()),
    }
}

/// Where the plan defines a line's insats: its id.
fn insats_span(ledger: &Ledger, line: usize) -> Range<usize> {
    ledger
        .lines
        .get(line)
        .and_then(|l| ledger.plan.insatser.get(l.insats as usize))
        .map_or(0..0, |i| i.id.span())
}

#[cfg(test)]
mod tests {
    use super::as_shown;

    #[test]
    fn a_text_as_a_form_shows_it_is_the_plans() {
        // The name of an override is the override; a line break shown as a space is one.
        assert_eq!(
            as_shown("Fontän<U+202E>hus AB"),
            as_shown("Fontän\u{202E}hus\nAB")
        );
        assert_eq!(as_shown("2.6<U+200B>"), "2.6\u{200B}");
        assert_eq!(as_shown("<U+1F600>"), "😀");
        // What is no name stays as it is.
        for text in [
            "<U+12>",
            "<U+110000>",
            "<U+D800>",
            "<U+202E",
            "a <b> c",
            "<U+",
        ] {
            assert_eq!(as_shown(text), text.to_lowercase(), "{text}");
        }
        assert_ne!(as_shown("Fontän<U+202E>hus"), as_shown("Fontänhus"));
    }
}
