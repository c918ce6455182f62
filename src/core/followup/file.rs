//! A usage file as read (`input::usage`): the recipients it speaks for, its rows, what it says
//! it is for, and what in a form's layout makes it unsure how its figures are meant, every
//! value with its place in its file.

use std::ops::Range;

use crate::core::money::Amount;

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
    /// A TOML float in a usage file (`used = 1350000.5`): money is never a float, in a usage
    /// file as in a plan.
    Float,
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
    /// The rows of a form's header that the form writer fills from the plan and that name
    /// its year (the decision, the deadlines), as written: last year's form with its title
    /// row gone still tells its year by them.
    pub stamps: Vec<Stamp>,
    /// A form (CSV or a workbook), filled in by its recipient under the form's kronor header;
    /// not usage written in TOML.
    pub form: bool,
    /// The file given before it (its index) that this one is a byte-for-byte copy of (one
    /// e-mail attachment saved twice, `berg.csv` and `berg (1).csv`): it is read once, as
    /// that file.
    pub copy_of: Option<usize>,
    /// A form saved as XLS, whose cells' number formats are not read: an amount shown in
    /// tkr, € or % is read as the kronor the cell holds. The place is the Använt header's.
    pub unchecked_formats: Option<Place>,
}

/// A row of a form's header that `follow-up --forms` fills from the plan, as written: its
/// label and value (the value's place; for `InvoicedBy`, whose date is in the label, the
/// label's, and the value empty).
#[derive(Clone, Debug, PartialEq)]
pub struct Stamp {
    pub kind: StampKind,
    pub label: String,
    pub value: Written<String>,
}

/// What a form's header row the plan fills in says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StampKind {
    /// The decision the form cites (`Beslut;SVOM 2026-02-27: …`).
    Decision,
    /// The day to invoice by (`Faktureras senast;2025-08-30`).
    InvoiceBy,
    /// The day to report by (`Redovisas senast;2026-12-31`).
    Reported,
    /// The question whether the collective invoice was sent by a day (`Samlingsfaktura
    /// skickad senast 2025-08-30 (ja/nej)`).
    InvoicedBy,
}

/// Where a usage file fails to say its year, and whether it is a form.
#[derive(Clone, Debug, PartialEq)]
pub struct Undated {
    pub place: Place,
    pub form: bool,
}

/// What a form's layout has that makes it unsure how its figures are meant, as the reader saw
/// it; whether it is wrong is decided by the matching (`follow_up`).
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
        /// The total and amounts used are formulas' values, as last saved: the workbook
        /// may not have been recalculated since its cells were filled (by a program).
        computed: bool,
        /// The total's formula is a `SUBTOTAL`: a row hidden by a filter (or, with 109, by
        /// hand) is left out of it, and its value may be as stale as any formula's.
        subtotal: bool,
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
