//! What the follow-up finds wrong with the usage files: the codes (`usage-…`, with their
//! severity and meaning, apart from the plan checks' registry), each problem with the values
//! its message needs, and a finding with its place, in a usage file or in the plan.

use std::ops::Range;

use super::file::{BadAmount, Overflow, Place};
use crate::core::finding::Severity;
use crate::core::money::Amount;

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
