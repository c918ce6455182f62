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
    Reallocated,
    UnknownLine,
    UnknownRecipient,
    Amount,
    Duplicate,
    SeveralFiles,
    Copy,
    FormEdited,
    Invoiced,
    NotInvoiced,
    InvoiceUnanswered,
    FormLayout,
    OtherPlan,
    NoYear,
    Thousands,
    CellFormat,
    Missing,
}

impl UsageCode {
    pub const ALL: [UsageCode; 18] = [
        UsageCode::ExceedsReceived,
        UsageCode::Reallocated,
        UsageCode::UnknownLine,
        UsageCode::UnknownRecipient,
        UsageCode::Amount,
        UsageCode::Duplicate,
        UsageCode::SeveralFiles,
        UsageCode::Copy,
        UsageCode::FormEdited,
        UsageCode::Invoiced,
        UsageCode::NotInvoiced,
        UsageCode::InvoiceUnanswered,
        UsageCode::FormLayout,
        UsageCode::OtherPlan,
        UsageCode::NoYear,
        UsageCode::Thousands,
        UsageCode::CellFormat,
        UsageCode::Missing,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UsageCode::ExceedsReceived => "usage-exceeds-received",
            UsageCode::Reallocated => "usage-reallocated",
            UsageCode::UnknownLine => "usage-unknown-line",
            UsageCode::UnknownRecipient => "usage-unknown-recipient",
            UsageCode::Amount => "usage-amount",
            UsageCode::Duplicate => "usage-duplicate",
            UsageCode::SeveralFiles => "usage-several-files",
            UsageCode::Copy => "usage-copy",
            UsageCode::FormEdited => "usage-form-edited",
            UsageCode::Invoiced => "usage-invoiced",
            UsageCode::NotInvoiced => "usage-not-invoiced",
            UsageCode::InvoiceUnanswered => "usage-invoice-unanswered",
            UsageCode::FormLayout => "usage-form-layout",
            UsageCode::OtherPlan => "usage-other-plan",
            UsageCode::NoYear => "usage-no-year",
            UsageCode::Thousands => "usage-thousands",
            UsageCode::CellFormat => "usage-cell-format",
            UsageCode::Missing => "usage-missing",
        }
    }

    /// The severity when nothing makes it stricter (`usage-missing` and `usage-thousands`
    /// are errors with `--final` or once the reporting deadline has passed: see
    /// [`UsageCode::stricter`]).
    pub fn severity(self) -> Severity {
        match self {
            UsageCode::Missing
            | UsageCode::Thousands
            | UsageCode::CellFormat
            | UsageCode::Copy
            | UsageCode::NoYear
            | UsageCode::Reallocated
            | UsageCode::NotInvoiced
            | UsageCode::InvoiceUnanswered => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// Whether the code is an error once the year is being closed (`--final`, or past the
    /// reporting deadline), a warning before: a line nobody reported on, and a form whose
    /// amounts look written in thousands of kronor, would then make the repayment wrong.
    pub fn stricter(self) -> bool {
        matches!(self, UsageCode::Missing | UsageCode::Thousands)
    }
}

/// What is wrong, with the values the message needs.
#[derive(Clone, Debug, PartialEq)]
pub enum UsageProblem {
    /// More used than received on a line, beyond what the recipient's unused money on its
    /// other lines of the same focus areas covers (`covered`, moved by `Reallocated`).
    ExceedsReceived {
        recipient: String,
        insats: String,
        received: Amount,
        used: Amount,
        /// What the recipient's own lines of the same focus areas cover of the excess.
        covered: Amount,
        /// The insats's focus areas (none: nothing can be moved to it).
        focus: Vec<u32>,
    },
    /// Money moved from the recipient's unused money on one line to cover what it used above
    /// what it received on another, as the decision allows.
    Reallocated(Box<Moved>),
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
    /// A form's Kommunkod and Mottagare, neither of which the plan has (a kommun of another
    /// county): named as the form writes it, `Sundsvall (2281)`, with the plan's county and
    /// the plan's recipient nearest the name, if any.
    NotInPlan {
        name: String,
        code: String,
        county: String,
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
    /// A line reported on more than one row of one file; `times` is how many rows of the file
    /// report it (each after the first is a finding).
    Duplicate {
        recipient: String,
        insats: String,
        times: usize,
    },
    /// A recipient with a line reported in more than one file (a corrected form beside the
    /// form it corrects): which one holds cannot be told, and two files' amounts are never
    /// added up. `insatser` are the lines reported twice, in the plan's order; `files` the
    /// indices of the files that report them, in the list given, in its order.
    SeveralFiles {
        recipient: String,
        insatser: Vec<String>,
        files: Vec<usize>,
    },
    /// A usage file that is a byte-for-byte copy of one given before it (indices in the list
    /// given): it is read once, as that one.
    Copy {
        first: usize,
        copy: usize,
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
    /// Two files answer differently whether the recipient's collective invoice was sent:
    /// `first` is the first answer, `file` the file it is in when that is another file (its
    /// index in the list given); the finding's related place is where.
    InvoicedTwice {
        recipient: String,
        first: bool,
        file: Option<usize>,
    },
    /// The plan's invoicing deadline (`invoice_by`) has passed and the recipient's collective
    /// invoice was not sent (`answered`), or it did not say whether it was (`answered: None`):
    /// money not invoiced by then was never paid out, and what it reports is not its use.
    /// `used` is all it reported used, on every line; `unused` what it reported unused once
    /// its moves between lines are made, when it did not say (it answered that it had not
    /// invoiced: its money was never paid, nothing of it is moved or left). `beyond` is what
    /// it reported used above what its lines were to receive, line by line: nothing covers
    /// it, so a figure written wrong (5 000 000 for 500 000) shows.
    NotInvoiced {
        recipient: String,
        invoice_by: crate::core::plan::Date,
        /// Whether a condition of the decision says what such money goes to
        /// ([`crate::core::plan::Meta::conditions_speak_of_invoicing`]).
        decided: bool,
        answered: Option<bool>,
        received: Amount,
        used: Amount,
        unused: Option<Amount>,
        beyond: Amount,
    },
    /// A follow-up that closes the year (`--final`) before the invoicing deadline, where a
    /// recipient that invoices left money unused and did not say whether its collective
    /// invoice was sent: the money is either paid back to the region or taken off the
    /// invoice, and the ekonomienhet must know which (tester s36).
    InvoiceUnanswered {
        recipient: String,
        unused: Amount,
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
        /// The total and amounts used are formulas' values, perhaps never recalculated.
        computed: bool,
        /// The total's formula is a `SUBTOTAL`, which leaves out hidden rows.
        subtotal: bool,
    },
    /// A row with a value beyond the header row's columns.
    Overflow(Overflow),
    /// The form states another county or year than the plan's.
    OtherPlan {
        stated: String,
        plan: String,
    },
    /// Rows of the form's header that the plan fills in (the decision, the deadlines) name
    /// another year than the plan's (`Beslut;SVOM 2025-03-07: …`, `Faktureras senast;
    /// 2025-08-30`): the form was written for another plan. `rows` are each such row's kind,
    /// label and value as written (the first where the finding stands), `year` the first
    /// other year they name, `plan` the plan's county and year.
    OtherPlanRows {
        rows: Vec<(crate::core::followup::StampKind, String, String)>,
        year: i32,
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
        /// The insats ids (as written) of a form's rows whose description is none of the
        /// plan's insatser: without its year, another year's form may be told by them.
        foreign: Vec<String>,
    },
    /// A form's Mottagare is another recipient than its Kommunkod.
    RecipientsDisagree {
        name: String,
        code: String,
        code_is: String,
    },
    /// A form whose every amount used above 0 is under a hundredth of what its line received
    /// (at least one is above 0): amounts written in thousands of kronor (`47,6` for 47 600
    /// kr) under the form's kronor header, it looks like. `insats`, `used` and `received` are
    /// its first such line's; `unused` is what the form leaves unused, read as kronor.
    Thousands {
        recipient: String,
        insats: String,
        used: Amount,
        received: Amount,
        unused: Amount,
    },
    /// A form saved as XLS, whose cells' number formats cannot be read: an amount shown in
    /// tkr, € or % would be read as kronor (counted as written).
    UncheckedFormats,
    /// A line nobody reported on (the form's cell is empty, or no row names it). `refused`
    /// are the insats ids, as written, of the recipient's rows with an amount used that were
    /// refused for their id and cannot be told to be any one line (an id that is none of the
    /// recipient's, a row without an id): one of them may be this line's.
    Missing {
        recipient: String,
        insats: String,
        amount: Amount,
        refused: Vec<String>,
        /// The line's comment, when it reads as an amount (`60000`): typed in the wrong
        /// column, it is not counted as used.
        comment: Option<String>,
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
        /// Whether the year is being closed (the deadline has passed, or `--final`): then
        /// the hint also says how to close it without the recipient's report.
        closing: bool,
        lines: usize,
        amount: Amount,
    },
}

impl UsageProblem {
    pub fn code(&self) -> UsageCode {
        match self {
            UsageProblem::ExceedsReceived { .. } => UsageCode::ExceedsReceived,
            UsageProblem::Reallocated(_) => UsageCode::Reallocated,
            UsageProblem::UnknownInsats { .. }
            | UsageProblem::NotRecipientsLine { .. }
            | UsageProblem::RowWithoutInsats
            | UsageProblem::BelowTotal { .. } => UsageCode::UnknownLine,
            UsageProblem::UnknownRecipient { .. }
            | UsageProblem::NotInPlan { .. }
            | UsageProblem::NotARecipient { .. }
            | UsageProblem::NoRecipient
            | UsageProblem::RecipientsDisagree { .. } => UsageCode::UnknownRecipient,
            UsageProblem::BadAmount { .. }
            | UsageProblem::BadReceived { .. }
            | UsageProblem::NegativeAmount { .. } => UsageCode::Amount,
            UsageProblem::Duplicate { .. } => UsageCode::Duplicate,
            UsageProblem::SeveralFiles { .. } => UsageCode::SeveralFiles,
            UsageProblem::Copy { .. } => UsageCode::Copy,
            UsageProblem::EditedReceived { .. } | UsageProblem::EditedInsats { .. } => {
                UsageCode::FormEdited
            }
            UsageProblem::Invoiced { .. } | UsageProblem::InvoicedTwice { .. } => {
                UsageCode::Invoiced
            }
            UsageProblem::NotInvoiced { .. } => UsageCode::NotInvoiced,
            UsageProblem::InvoiceUnanswered { .. } => UsageCode::InvoiceUnanswered,
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
            | UsageProblem::OtherPlanRows { .. }
            | UsageProblem::YearSpan { .. }
            | UsageProblem::TwoYears { .. } => UsageCode::OtherPlan,
            UsageProblem::NoYear { .. } => UsageCode::NoYear,
            UsageProblem::Thousands { .. } => UsageCode::Thousands,
            UsageProblem::UncheckedFormats => UsageCode::CellFormat,
            UsageProblem::Missing { .. }
            | UsageProblem::NothingFilledIn { .. }
            | UsageProblem::MissingRecipient { .. } => UsageCode::Missing,
        }
    }

    /// The figures a finding compares, for the note under it: received, used, and what
    /// unused money on the recipient's other lines covers of the difference.
    pub fn figures(&self) -> Option<Figures> {
        match self {
            UsageProblem::ExceedsReceived {
                received,
                used,
                covered,
                ..
            } => Some(Figures::Excess {
                received: *received,
                used: *used,
                covered: *covered,
            }),
            UsageProblem::NotInvoiced {
                received,
                used,
                unused,
                beyond,
                ..
            } => Some(Figures::NotInvoiced {
                received: *received,
                used: *used,
                unused: *unused,
                beyond: *beyond,
            }),
            _ => None,
        }
    }
}

/// Money moved from the recipient's unused money on one line (`from`) to cover what it used
/// above what it received on another (`to`, which received `received` and used `used`), within
/// the focus areas the two share (`focus`).
#[derive(Clone, Debug, PartialEq)]
pub struct Moved {
    pub recipient: String,
    pub from: String,
    pub to: String,
    /// The areas of the agreement (the state's *delområden*) of `from` and `to`: a move may
    /// cross them, and the money is reported back to the state per area.
    pub areas: (u32, u32),
    pub amount: Amount,
    pub focus: Vec<u32>,
    pub received: Amount,
    pub used: Amount,
    /// Whether the moves cover all that `to` used above what it received (else the rest is an
    /// `ExceedsReceived`).
    pub whole: bool,
}

/// The figures under a finding.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Figures {
    /// A line's: received, used, and what was moved to it from the recipient's other lines
    /// (`used - received - covered` is what no line covers).
    Excess {
        received: Amount,
        used: Amount,
        covered: Amount,
    },
    /// A recipient's that did not invoice in time (or did not say): what it received, used
    /// and, when it did not say, left unused; and what it used beyond its lines.
    NotInvoiced {
        received: Amount,
        used: Amount,
        unused: Option<Amount>,
        beyond: Amount,
    },
}

impl Figures {
    /// What a line used above what it received and what was moved to it; `None` for figures
    /// of another kind.
    pub fn uncovered(&self) -> Option<Amount> {
        match *self {
            Figures::Excess {
                received,
                used,
                covered,
            } => Some(used - received - covered),
            Figures::NotInvoiced { .. } => None,
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
