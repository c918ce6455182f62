//! Findings: what `check` reports, as data.
//!
//! A finding carries the values (stated, computed, names), never preformatted text, and its
//! byte span in the plan. The codes are listed here; what each means, how severe it is and
//! which rule finds it is the registry's (`check::registry`), and the words are
//! `output::words::findings`.

use std::ops::Range;
use std::path::PathBuf;

use rust_decimal::Decimal;

use crate::core::money::Amount;
use crate::core::plan::{ActorKind, Payment};
use crate::core::population::{Mismatch, ScbError};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

/// Every code a plan can get (`check::registry` says what each means).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Code {
    Syntax,
    UnknownKey,
    UnknownValue,
    WrongType,
    MissingField,
    OutOfRange,
    ReadError,
    NotDecimal,
    DuplicateId,
    UnknownReference,
    AmbiguousName,
    ActorTree,
    ActorPayment,
    InsatsActor,
    UnitInvalid,
    NegativeAmount,
    FinerThanUnit,
    KeyDefinition,
    KeyFile,
    KeyCoverage,
    KeyFileTotal,
    KeyPrecision,
    PercentSum,
    PercentPrecision,
    PercentNegative,
    PopulationNotPositive,
    SplitInvalid,
    SplitSum,
    SplitPrinted,
    HeadingCoverage,
    HeadingCycle,
    CountyTotal,
    AreaTotal,
    InsatserTotal,
    NationalSplit,
    StatedChange,
    StatedChangeUnchecked,
    EarmarkTotal,
    EarmarksOverArea,
    KeyDate,
    KeyRounding,
    KeyTotal,
    StatedTotal,
    CountyName,
    KommunCounty,
    KommunCode,
    KommunMissing,
    PlanYear,
    DeadlineYear,
    DeadlineOrder,
    UnusedActor,
    NoFocusArea,
    AmountToFill,
    DecomposedName,
    KeySource,
    DecisionDate,
    InvoiceCondition,
    RevisionDate,
    ContactEmail,
    TableShape,
    TableRowTotal,
    TableColumnTotal,
    TableTotal,
    TableCell,
    CostSharingInvalid,
    CostSharingRow,
    CostSharingRule,
    CostSharingOverhead,
    CostSharingTotal,
    CostSharingPercent,
    CostSharingFeeds,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub severity: Severity,
    /// Byte span in the plan text of the key or value at fault.
    pub span: Range<usize>,
    pub problem: Problem,
    /// Another place that explains this one (where a duplicate was first defined).
    pub related: Option<(Range<usize>, Related)>,
}

impl Finding {
    pub fn code(&self) -> Code {
        self.problem.code()
    }

    pub fn severity(&self) -> Severity {
        self.severity
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Proof that an error was reported: only `Findings::error` makes one. A part of the plan
/// that cannot be resolved returns it, so that nothing is ever left out without a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reported(());

/// The findings of one plan, collected while it is resolved and checked.
#[derive(Debug, Default)]
pub struct Findings {
    list: Vec<Finding>,
    /// How many "did you mean" suggestions have been sought ([`Findings::may_suggest`]).
    suggestions: usize,
}

/// The first few ids of a list that a finding names, and how many there are in all: a plan
/// with thousands would otherwise copy them into each of thousands of findings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FirstIds {
    pub first: Vec<String>,
    pub count: usize,
}

impl FirstIds {
    /// How many are named; the rest are counted.
    pub const NAMED: usize = 3;

    pub fn of<'a>(ids: impl IntoIterator<Item = &'a String>) -> FirstIds {
        let mut first = Vec::new();
        let mut count = 0;
        for id in ids {
            if first.len() < FirstIds::NAMED {
                first.push(id.clone());
            }
            count += 1;
        }
        FirstIds { first, count }
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
}

/// How many unknown names of a plan get a "did you mean": each is compared with every name
/// it could have meant, and a plan with thousands of renamed ids would take minutes. As many
/// as a screen shows of one code (`output::checked::REPEATS_SHOWN`).
pub const SUGGESTIONS: usize = 100;

impl Findings {
    /// Whether an unknown name may still be given a suggestion (the first [`SUGGESTIONS`] of
    /// these findings; a part of the plan resolved on its own counts its own).
    pub fn may_suggest(&mut self) -> bool {
        self.suggestions += 1;
        self.suggestions <= SUGGESTIONS
    }

    /// Reports an error.
    pub fn error(&mut self, span: Range<usize>, problem: Problem) -> Reported {
        self.list.push(Finding {
            severity: Severity::Error,
            span,
            problem,
            related: None,
        });
        Reported(())
    }

    /// Reports an error that another place explains.
    pub fn error_with(
        &mut self,
        span: Range<usize>,
        problem: Problem,
        related: (Range<usize>, Related),
    ) -> Reported {
        let reported = self.error(span, problem);
        if let Some(last) = self.list.last_mut() {
            last.related = Some(related);
        }
        reported
    }

    pub fn warning(&mut self, span: Range<usize>, problem: Problem) {
        self.list.push(Finding {
            severity: Severity::Warning,
            span,
            problem,
            related: None,
        });
    }

    /// Whether nothing was reported.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Adds `other`'s findings after these.
    pub fn append(&mut self, mut other: Findings) {
        self.list.append(&mut other.list);
    }

    /// The findings in file order, a suggestion kept for the first [`SUGGESTIONS`] unknown
    /// names only: the plan is resolved in parts, each of which sought its own first ones.
    pub fn into_sorted(mut self) -> Vec<Finding> {
        self.list.sort_by_key(|f| (f.span.start, f.span.end));
        let unknown = self.list.iter_mut().filter_map(|f| match &mut f.problem {
            Problem::UnknownReference {
                suggestion,
                renamed,
                misspelt_there,
                ..
            } => Some((suggestion, renamed, misspelt_there)),
            _ => None,
        });
        for (suggestion, renamed, misspelt_there) in unknown.skip(SUGGESTIONS) {
            *suggestion = None;
            *renamed = FirstIds::default();
            *misspelt_there = None;
        }
        self.list
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Related {
    FirstDefinedHere,
    FirstListedHere,
    /// The kommun's name under `[[kommuner]]`, likelier misspelt than the name written.
    KommunNamedHere,
}

/// Why a kommun's name under `[[kommuner]]` is likelier misspelt than a name the plan writes
/// for it elsewhere, which names no kommun (`Sundsval` there, `Sundsvall` in a split).
#[derive(Clone, Debug, PartialEq)]
pub enum Misspelt {
    /// The name written is the one SCB gives the kommun's code (the code).
    Scb(String),
    /// The plan writes the name in this many places, and the one under `[[kommuner]]` nowhere
    /// else.
    Written(usize),
}

/// The kinds of things a plan names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Thing {
    Area,
    Actor,
    Kommun,
    Key,
    Insats,
    Heading,
    FocusArea,
    Earmark,
}

impl Thing {
    /// Whether such things are named by a number (`area = 2`), which is not misspelt as a
    /// word is: a number one digit off is another area, not a likely typo.
    pub fn is_numbered(self) -> bool {
        matches!(self, Thing::Area | Thing::FocusArea)
    }

    /// The table in the plan file where such things are defined.
    pub fn table(self) -> &'static str {
        match self {
            Thing::Area => "[[areas]]",
            Thing::Actor => "[[actors]]",
            Thing::Kommun => "[[kommuner]]",
            Thing::Key => "[[keys]]",
            Thing::Insats => "[[insatser]]",
            Thing::Heading => "[[headings]]",
            Thing::FocusArea => "[[focus_areas]]",
            Thing::Earmark => "[[areas.earmarks]]",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// A whole number written in base 16, 8 or 2 (`0x10`); `value` is what TOML reads, and
    /// `year` whether it is given to `year` (written without underscores).
    NotDecimal {
        written: String,
        radix: u32,
        value: i64,
        year: bool,
    },
    DuplicateId {
        thing: Thing,
        id: String,
    },
    UnknownReference {
        thing: Thing,
        name: String,
        suggestion: Option<String>,
        /// For an actor: the plan's actors whose ids nothing refers to, other than the
        /// suggestion: one of them may be the one referred to, its id changed (tester s39:
        /// the near miss `fbh` for a renamed `fhe` moved 3,7 million kr to another unit).
        renamed: FirstIds,
        /// For a kommun: why the suggestion, a name under `[[kommuner]]`, is the likelier
        /// misspelling, when it is.
        misspelt_there: Option<Misspelt>,
    },
    /// A kommun written with its name and its kommunkod (`Berg (2380)`) where each names
    /// another kommun of the plan: each as (name, kommunkod).
    KommunNameAndCode {
        written: String,
        by_name: (String, String),
        by_code: (String, String),
    },
    /// An insats's `earmark` that is not one of its area's but another area's (an earmark
    /// counts within its area).
    EarmarkOfAnotherArea {
        earmark: String,
        /// The area the earmark is under.
        area: u32,
        /// The insats's area.
        insats_area: u32,
    },
    /// A name that means two things: a kommun's name that is another kommun's code, or a name
    /// in a split that is both a kommun and an actor of the row.
    AmbiguousName {
        name: String,
        first: Meaning,
        second: Meaning,
    },
    /// The actors' `parent` links do not form a forest with at most one group of kommuner.
    ActorTree {
        actor: String,
        reason: TreeReason,
    },
    /// An actor's `payment` that its kind cannot have: the region or a unit of it invoicing
    /// the region, an internal transfer outside the region, the kommuner other than by invoice.
    ActorPayment {
        actor: String,
        kind: ActorKind,
        payment: Payment,
    },
    /// An insats without a responsible actor, or with one listed twice.
    InsatsActor {
        insats: String,
        repeated: Option<String>,
    },
    /// A rounding unit (the plan's or a split's) that cannot be used.
    UnitInvalid {
        unit: Amount,
        /// The plan's unit, when a split's unit is not a whole number of it.
        plan_unit: Option<Amount>,
    },
    NegativeAmount {
        amount: Amount,
    },
    FinerThanUnit {
        amount: Amount,
        unit: Amount,
    },
    CountyTotal {
        stated: Amount,
        computed: Amount,
    },
    AreaTotal {
        area: u32,
        stated: Amount,
        computed: Amount,
    },
    /// All insatser together, after their splits, against the county total.
    InsatserTotal {
        stated: Amount,
        computed: Amount,
    },
    NationalSplit {
        stated: Amount,
        computed: Amount,
    },
    /// `previous`: the plan's `previous_county_total`, which the change is computed from.
    StatedChange {
        stated: Amount,
        computed: Amount,
        previous: Amount,
    },
    /// `stated_change` without `previous_county_total`: nothing to check it against.
    /// `previous` is last year's total that would make it hold (`county_total − stated`).
    StatedChangeUnchecked {
        stated: Amount,
        previous: Amount,
    },
    EarmarkTotal {
        earmark: String,
        stated: Amount,
        computed: Amount,
    },
    /// An area's earmarks (*varav*) sum to more than the area: `stated` is the area's amount,
    /// `computed` its earmarks' sum.
    EarmarksOverArea {
        area: u32,
        stated: Amount,
        computed: Amount,
    },
    SplitSum {
        insats: String,
        stated: Amount,
        computed: Amount,
    },
    SplitInvalid {
        insats: String,
        reason: SplitReason,
    },
    KeyCoverage {
        key: String,
        kommun: String,
        gap: Gap,
    },
    /// A percent key without `precision`; `decimals`: the most its values are written with
    /// (none for a key derived with `from`, or one without values).
    KeyPrecisionMissing {
        key: String,
        decimals: Option<u32>,
    },
    PercentSum {
        key: String,
        /// `None`: the sum has more than 28 digits.
        computed: Option<Decimal>,
    },
    PercentPrecision {
        key: String,
        value: Decimal,
        precision: u32,
    },
    PercentNegative {
        key: String,
        kommun: String,
        value: Decimal,
    },
    PopulationNotPositive {
        key: String,
        kommun: String,
        value: Decimal,
        /// Written with a point or comma before exactly three digits (`"5,150"`), which in
        /// a count is most likely a thousands separator.
        thousands: bool,
        /// The key file and line, for a count read from a file.
        file: Option<(PathBuf, usize)>,
    },
    /// A key's SCB file cannot be read.
    KeyFile {
        key: String,
        error: ScbError,
    },
    /// A key file's kommuner differ from the plan's (missing, extra, twice, without value).
    KeyFileCoverage {
        key: String,
        path: PathBuf,
        column: String,
        mismatch: Mismatch,
    },
    /// A key file's total (a county or "Summa" row) differs from the sum of its kommun rows.
    KeyFileTotal {
        key: String,
        path: PathBuf,
        line: usize,
        label: String,
        stated: u64,
        computed: u64,
    },
    /// A key without values, with values from more than one place, or a wrong `from`.
    KeyDefinition {
        key: String,
        reason: KeyReason,
    },
    /// A key describes a year older than the plan year minus two.
    KeyDate {
        key: String,
        year: i32,
        plan_year: i32,
    },
    /// A key's `date` is another year than the year of its file's column: the figures are
    /// not of the day the plan says.
    KeyDateNotFile {
        key: String,
        date_year: i32,
        file_year: i32,
    },
    /// A key written in the plan whose `source` cites an earlier year than the plan's (last
    /// year's decision document, carried over by `allocate init`).
    KeySource {
        key: String,
        source: String,
        year: i32,
        plan_year: i32,
    },
    /// The plan names the forum that decides (`forum`) but not the day (`decision_date`),
    /// which every invoice cites.
    DecisionDateMissing {
        forum: String,
    },
    /// The decision a revised plan replaces (`replaces`) is not before the plan's own
    /// decision (`decision_date`), or the plan has no decision date.
    ReplacesNotBefore {
        replaces: crate::core::plan::Date,
        decided: Option<crate::core::plan::Date>,
    },
    /// The plan gives `invoice_by` and no condition says what money not invoiced by then
    /// goes to.
    InvoiceByWithoutCondition {
        invoice_by: crate::core::plan::Date,
    },
    /// A contact's `email` that does not read as an address (`reads_as_email`).
    ContactEmail {
        name: String,
        email: String,
    },
    /// Splitting by percentages derived from counts moves a kommun's amount by more than one
    /// unit compared with splitting by the counts themselves.
    KeyRounding {
        insats: String,
        key: String,
        precision: u32,
        kommun: String,
        by_percent: Amount,
        by_counts: Amount,
        unit: Amount,
    },
    SplitPrinted {
        insats: String,
        recipient: String,
        stated: Amount,
        computed: Amount,
    },
    StatedTotal {
        label: String,
        stated: Amount,
        computed: Amount,
    },
    /// A key's printed sum (`printed_total`) differs from the sum of its values: counts or
    /// percentages, not kronor.
    KeyTotal {
        key: String,
        stated: Decimal,
        computed: Decimal,
        /// A percentage key's (its sums are per cent), else a population key's.
        percent: bool,
    },
    NotUnderHeading {
        insats: String,
    },
    UnderSeveralHeadings {
        insats: String,
        /// The heading, when the insats is listed twice under the same one.
        twice_under: Option<String>,
    },
    HeadingCycle {
        heading: String,
    },
    DeadlineOrder {
        earlier: Deadline,
        later: Deadline,
    },
    PlanYear {
        year: i32,
    },
    /// A plan's `county` that reads as a län's or region's name, or is near one (`near`), but
    /// names none of the 21: the plan is taken for a national one, its kommuner tried
    /// against no län.
    CountyNamesNone {
        written: String,
        near: Option<crate::core::counties::County>,
    },
    /// A kommun whose code lies in another län than the plan's (`kommun`: code and name).
    KommunOutsideCounty {
        kommun: String,
        its: crate::core::counties::County,
        county: crate::core::counties::County,
    },
    /// A kommun whose name SCB gives another kommunkod (`Skellefteå` with `2484`, Malå's
    /// code beside Norsjö): `scb_code` is the name's kommunkod, `code_is` the kommun SCB
    /// gives the written code, if any.
    KommunCodeNotScbs {
        name: String,
        code: String,
        scb_code: &'static str,
        code_is: Option<&'static str>,
    },
    /// A kommun whose name is near, but not, the name SCB gives its kommunkod (`Sundsval`
    /// with `2281`, Sundsvall's).
    KommunNameNotScbs {
        name: String,
        code: String,
        scb_name: &'static str,
    },
    /// Kommuner of the plan's län at SCB that `[[kommuner]]` lacks, as (kommunkod, name): a
    /// kommun forgotten gets nothing of what is split equally or by a key of `values` (new
    /// user s40); all of them (`count`) when it lists none (tester s43).
    KommunerMissing {
        county: crate::core::counties::County,
        count: usize,
        missing: Vec<(&'static str, &'static str)>,
    },
    /// A kommunkod whose first two digits are no län's code.
    KommunInNoCounty {
        kommun: String,
        prefix: String,
    },
    /// A kommunkod that is a län's code in four digits (`2300`, `0023`): no kommunkod ends or
    /// begins with `00`.
    KommunCodeOfCounty {
        kommun: String,
        county: crate::core::counties::County,
    },
    DeadlineYear {
        deadline: Deadline,
        expected_year: i32,
        /// The same day in the year expected, to write instead (tester s42: a plan copied
        /// to 2027 by hand kept 2026's deadlines, and the hint gave no date).
        instead: crate::core::plan::Date,
    },
    UnusedActor {
        actor: String,
        /// When nothing refers to the actor: the actor ids the plan refers to that it lacks,
        /// one of which may be this one's old id.
        unknown: FirstIds,
    },
    NoFocusArea {
        insats: String,
    },
    /// An amount left at 0 to be filled in (as `allocate init` leaves them). `computed`: for
    /// a printed total (a heading's, a `[[stated]]` figure's) once the insatser are filled in,
    /// the sum the plan gives, which is what a decision document made from it prints.
    /// `cells`: for the cells of a printed table's row that names its insats, what the plan
    /// gives each column (empty otherwise).
    AmountToFill {
        place: ToFill,
        computed: Option<Amount>,
        cells: Vec<Amount>,
    },
    /// A kommun name written in decomposed Unicode (`O` and a combining diaeresis); `name`
    /// is its composed form (NFC), which is what it is compared as.
    DecomposedName {
        name: String,
    },
    /// A `[[tables]]` table whose shape cannot be checked (no columns, a row of another
    /// length, a column that is no recipient of the row's insats).
    TableShape {
        table: String,
        reason: TableShapeReason,
    },
    /// A printed row total that is not the sum of the row's cells.
    TableRowTotal {
        table: String,
        row: String,
        stated: Amount,
        computed: Amount,
    },
    /// A printed column total that is not the sum of the column's cells.
    TableColumnTotal {
        table: String,
        column: String,
        stated: Amount,
        computed: Amount,
    },
    /// The printed grand total against the row totals, the column totals or the cells.
    TableTotal {
        table: String,
        of: TableTotalOf,
        stated: Amount,
        computed: Amount,
    },
    /// A cell of a row that prints an insats's split differs from what the plan gives.
    TableCell {
        table: String,
        row: String,
        column: String,
        insats: String,
        stated: Amount,
        computed: Amount,
    },
    /// A `[[cost_sharing]]` section that cannot be checked as written.
    CostSharingInvalid {
        table: String,
        reason: CostReason,
    },
    /// A cost-sharing row's printed parts do not sum to its total; or, `by_rule`, an
    /// overhead row's parts as its rule gives them (each party's rounded on its own) when
    /// the row prints none.
    CostSharingRow {
        table: String,
        row: String,
        stated: Amount,
        computed: Amount,
        by_rule: bool,
    },
    /// A cost-sharing row's printed parts differ from what its stated rule gives (whole
    /// units, largest remainder): the document's own arithmetic against its rule.
    CostSharingRule {
        table: String,
        row: String,
        printed: Vec<(String, Amount)>,
        computed: Vec<(String, Amount)>,
    },
    /// An overhead row (or one party's part of it) is not its percentage of the rows above.
    CostSharingOverhead {
        table: String,
        row: String,
        /// The party whose part it is; `None` for the row total.
        party: Option<String>,
        percent: Decimal,
        base: Amount,
        stated: Amount,
        computed: Amount,
    },
    /// A subtotal, a party's total or the grand total differs from the rows it sums.
    CostSharingTotal {
        table: String,
        what: CostTotal,
        stated: Amount,
        computed: Amount,
    },
    /// A party's printed share differs from its total over the grand total.
    CostSharingPercent {
        table: String,
        party: String,
        stated: Decimal,
        computed: Decimal,
    },
    /// A party's total (or the grand total) differs from the plan's amount it feeds.
    CostSharingFeeds {
        table: String,
        party: String,
        target: String,
        stated: Amount,
        computed: Amount,
    },
}

/// Why a `[[tables]]` table cannot be checked as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableShapeReason {
    /// Another table has the same `id`.
    RepeatedId,
    NoColumns,
    NoRows,
    /// A column heading given twice.
    RepeatedColumn(String),
    /// A row with more or fewer cells than there are columns.
    CellCount {
        row: String,
        cells: usize,
        columns: usize,
    },
    /// `column_totals` with more or fewer figures than there are columns.
    ColumnTotalCount {
        totals: usize,
        columns: usize,
    },
    /// A row prints an insats, and this column is no kommun or actor of the plan.
    NotARecipient(String),
    /// A column whose recipient is under another column's (`Berg` beside `kommunerna`, a
    /// unit beside its region): its money would be counted twice in the row and grand totals.
    NestedColumn {
        column: String,
        within: String,
    },
}

/// What a table's grand total is compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableTotalOf {
    /// The rows' printed totals (a cell sum for a row without one).
    RowTotals,
    /// The printed column totals.
    ColumnTotals,
    /// Every cell (no row or column totals printed).
    Cells,
}

/// Which total of a cost-sharing table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CostTotal {
    /// A printed subtotal row's total (`party: None`) or one party's part of it.
    Subtotal { row: String, party: Option<String> },
    /// A party's printed total against its column.
    Party(String),
    /// The grand total against the rows.
    Rows,
    /// The grand total against the parties' totals.
    Parties,
}

/// Why a `[[cost_sharing]]` section cannot be checked as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CostReason {
    /// Another section has the same `id`.
    RepeatedId,
    NoParties,
    RepeatedParty(String),
    /// A party named `total`, which `feeds` reads as the grand total.
    PartyNamedTotal,
    NoRows,
    /// A name that is not one of `parties` (in `to`, `printed`, `party_totals`,
    /// `percentages` or `feeds`).
    UnknownParty {
        name: String,
        suggestion: Option<String>,
    },
    /// A row with none of `to`, `shares`, `weights`, `percent_of_above`, `subtotal`.
    NoRule(String),
    /// A row with more than one of them.
    SeveralRules(String),
    /// `shares` or `weights` with more or fewer figures than there are parties.
    RuleLength {
        row: String,
        given: usize,
        parties: usize,
    },
    /// `shares` that do not sum to 100.
    SharesSum {
        row: String,
        sum: Decimal,
    },
    /// `weights` that sum to zero.
    WeightsZero(String),
    /// A share, weight or percentage below zero.
    Negative {
        row: String,
        value: Decimal,
    },
    /// `feeds` names neither `county_total` nor an insats.
    UnknownTarget(String),
    /// A figure too large to work out exactly.
    TooLarge(String),
}

/// One of the things an ambiguous name could mean.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Meaning {
    /// The kommunkod of a kommun.
    KommunCode { code: String, name: String },
    /// The name of a kommun.
    KommunName { code: String },
    /// A kommun, by code or name.
    Kommun { code: String, name: String },
    /// An actor's id.
    Actor { id: String },
    /// An insats's id, the header of its column in the tables per kommun.
    Insats { id: String },
    /// One of the tables per kommun's own columns (the kommun's code or name, the total).
    KommunTableColumn { column: String },
}

/// The dates of `[deadlines]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deadline {
    Requisition,
    UseReported,
    UnusedRepaid,
    InvoiceBy,
}

impl Deadline {
    /// The key in `[deadlines]`.
    pub fn key(self) -> &'static str {
        match self {
            Deadline::Requisition => "requisition",
            Deadline::UseReported => "use_reported",
            Deadline::UnusedRepaid => "unused_repaid",
            Deadline::InvoiceBy => "invoice_by",
        }
    }
}

/// What is wrong with an actor's place in the tree of `parent` links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TreeReason {
    /// `parent` names the actor itself.
    OwnParent,
    /// The `parent` links lead back to the actor.
    Cycle,
    /// `parent` names the group of kommuner, whose members are the kommuner.
    UnderKommuner(String),
    /// A second actor of kind `kommuner`; this one is the first.
    SecondKommunerGroup(String),
    /// An actor whose kind cannot stand under its parent's: the region and the group of
    /// kommuner under anything, a unit of the region under anything but the region.
    KindUnder {
        kind: ActorKind,
        parent: String,
        parent_kind: ActorKind,
    },
}

/// Where an amount still to be filled in stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ToFill {
    CountyTotal,
    /// `stated_change` at 0 while `county_total` is still to be filled in.
    StatedChange,
    NationalTotal,
    AgreementPart(String),
    Area(u32),
    Earmark(String),
    Insats(String),
    /// `each` of a `fixed` or `fixed-plus-key` split.
    SplitEach(String),
    Heading(String),
    Stated(String),
    /// A figure of a printed table (`[[tables]]`) whose figures are all 0.
    Table {
        table: String,
        figure: TableFigure,
    },
    /// A figure of a cost-sharing section (`[[cost_sharing]]`) whose figures are all 0.
    CostSharing {
        table: String,
        figure: CostFigure,
    },
}

/// Which figure of a printed table is still to be filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableFigure {
    /// A row's `cells`, by its label.
    Cells(String),
    /// A row's `total`, by its label.
    RowTotal(String),
    ColumnTotals,
    Total,
}

/// Which figure of a cost-sharing section is still to be filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CostFigure {
    /// A row's `total`, by its text.
    RowTotal(String),
    /// A row's `printed` parts, by its text.
    Printed(String),
    PartyTotals,
    Total,
}

/// Why a split cannot be carried out.
#[derive(Clone, Debug, PartialEq)]
pub enum SplitReason {
    /// The rule needs this key (`key`, `each`, `amounts`).
    MissingField(&'static str),
    /// The rule does not use this key (`except` under `rule = "key"`).
    UnusedField(&'static str),
    /// Money for "länets kommuner" must say how it is split.
    GroupNeedsSplit,
    /// A key split works over the kommuner only.
    KeyNeedsKommuner,
    /// The kommuner group beside other actors (the row's actor ids), without `rule = "amounts"`.
    GroupAmongOthers(Vec<String>),
    /// A name in `amounts`, `except` or `printed` is not one of the row's recipients; the
    /// nearest one, when one is near.
    NotARecipient {
        name: String,
        suggestion: Option<String>,
        /// As [`Problem::UnknownReference`]'s.
        misspelt_there: Option<Misspelt>,
    },
    /// A row shared by the kommuner and named actors gives a kommun its own amount under
    /// `amounts`; the kommuner's part is split by the key.
    KommunInMixedAmounts(String),
    /// `amounts` leaves out a recipient.
    RecipientMissing(String),
    /// `amounts`, `except` or `printed` names a recipient twice (by kommunkod and by name).
    RecipientRepeated(String),
    /// The amount is not a whole number of the split's rounding unit.
    NotMultipleOfUnit(Amount),
    /// The key gives every recipient weight zero.
    NoWeight,
    /// There is no one to split over: no kommuner in the plan, or every one excepted.
    NoRecipients,
    /// Too large for exact arithmetic.
    TooLarge,
    /// The plan's insatser give more lines (recipients) than a plan of its size may
    /// (`ledger::max_lines`): a plan built to exhaust memory.
    LedgerFull,
    /// `fixed-plus-key`: the fixed parts alone exceed the amount.
    FixedExceedsAmount(Amount),
    /// `fixed-plus-key`: the amount is a whole number of the split's unit, but the fixed parts
    /// (`each`, or a part under `except`) are not, so what they leave for the key is not.
    RestNotMultipleOfUnit(RestNotInUnits),
    /// Figures that the checks of amounts, units and keys should have stopped; kept so that
    /// no split can fail without a finding.
    Invalid,
}

/// A `fixed-plus-key` split whose fixed parts leave the key a rest that is not a whole number
/// of the split's unit, and the figures that would make it one.
#[derive(Clone, Debug, PartialEq)]
pub struct RestNotInUnits {
    /// What the fixed parts sum to.
    pub fixed: Amount,
    /// What they leave of the insats's amount for the key.
    pub rest: Amount,
    /// The split's unit.
    pub unit: Amount,
    /// The part at fault: `each` (with the nearest `each` below it in whole units), or a
    /// recipient's part under `except`.
    pub part: FixedPart,
    /// The insats's amount that leaves the key a whole number of units (the rest rounded
    /// down to the unit), and that rest.
    pub amount_instead: (Amount, Amount),
}

/// The fixed part of a `fixed-plus-key` split that is not a whole number of its unit.
#[derive(Clone, Debug, PartialEq)]
pub enum FixedPart {
    /// `each`, and `each` rounded down to the unit.
    Each { each: Amount, instead: Amount },
    /// A part under `except`: the recipient as written.
    Except(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    Missing,
    Repeated,
}

/// What is wrong with how a key gets its values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyReason {
    /// None of `values`, `file`, `from`.
    NoValues,
    /// More than one of them.
    SeveralSources(Vec<&'static str>),
    /// `column` without `file`.
    ColumnWithoutFile,
    /// `file` on a percent key: SCB files hold counts.
    FileNeedsPopulation,
    /// `from` on a population key.
    FromNeedsPercent,
    /// `from` names a key that is not a population key.
    FromNotPopulation(String),
    /// Derived percentages with more decimals than can be worked out exactly.
    PrecisionTooHigh(u32),
}

impl Problem {
    /// What the problem is about, as data and in no language: its ids, names and figures (the
    /// problem as Rust writes it for debugging), without the paths of key files, which are
    /// written from where `allocate` runs (the key's id names its file). It holds no place in
    /// the plan, so it stays as lines are added above: what identifies a finding from one
    /// run to the next (the GitLab fingerprint).
    pub fn subject(&self) -> String {
        let mut problem = self.clone();
        match &mut problem {
            Problem::PopulationNotPositive {
                file: Some((path, _)),
                ..
            }
            | Problem::KeyFileCoverage { path, .. }
            | Problem::KeyFileTotal { path, .. }
            | Problem::KeyFile {
                error: ScbError { path, .. },
                ..
            } => *path = PathBuf::new(),
            _ => {}
        }
        format!("{problem:?}")
    }

    /// The stable code, for people and machines.
    pub fn code(&self) -> Code {
        match self {
            Problem::NotDecimal { .. } => Code::NotDecimal,
            Problem::DuplicateId { .. } => Code::DuplicateId,
            Problem::UnknownReference { .. }
            | Problem::KommunNameAndCode { .. }
            | Problem::EarmarkOfAnotherArea { .. } => Code::UnknownReference,
            Problem::AmbiguousName { .. } => Code::AmbiguousName,
            Problem::ActorTree { .. } => Code::ActorTree,
            Problem::ActorPayment { .. } => Code::ActorPayment,
            Problem::InsatsActor { .. } => Code::InsatsActor,
            Problem::UnitInvalid { .. } => Code::UnitInvalid,
            Problem::NegativeAmount { .. } => Code::NegativeAmount,
            Problem::FinerThanUnit { .. } => Code::FinerThanUnit,
            Problem::CountyTotal { .. } => Code::CountyTotal,
            Problem::AreaTotal { .. } => Code::AreaTotal,
            Problem::InsatserTotal { .. } => Code::InsatserTotal,
            Problem::NationalSplit { .. } => Code::NationalSplit,
            Problem::StatedChange { .. } => Code::StatedChange,
            Problem::StatedChangeUnchecked { .. } => Code::StatedChangeUnchecked,
            Problem::EarmarkTotal { .. } => Code::EarmarkTotal,
            Problem::EarmarksOverArea { .. } => Code::EarmarksOverArea,
            Problem::SplitSum { .. } => Code::SplitSum,
            Problem::SplitInvalid { .. } => Code::SplitInvalid,
            Problem::KeyCoverage { .. } | Problem::KeyFileCoverage { .. } => Code::KeyCoverage,
            Problem::KeyPrecisionMissing { .. } => Code::KeyPrecision,
            Problem::PercentSum { .. } => Code::PercentSum,
            Problem::PercentPrecision { .. } => Code::PercentPrecision,
            Problem::PercentNegative { .. } => Code::PercentNegative,
            Problem::PopulationNotPositive { .. } => Code::PopulationNotPositive,
            Problem::KeyFile { .. } => Code::KeyFile,
            Problem::KeyFileTotal { .. } => Code::KeyFileTotal,
            Problem::KeyDefinition { .. } => Code::KeyDefinition,
            Problem::KeyDate { .. } | Problem::KeyDateNotFile { .. } => Code::KeyDate,
            Problem::KeySource { .. } => Code::KeySource,
            Problem::DecisionDateMissing { .. } => Code::DecisionDate,
            Problem::InvoiceByWithoutCondition { .. } => Code::InvoiceCondition,
            Problem::ContactEmail { .. } => Code::ContactEmail,
            Problem::ReplacesNotBefore { .. } => Code::RevisionDate,
            Problem::KeyRounding { .. } => Code::KeyRounding,
            Problem::SplitPrinted { .. } => Code::SplitPrinted,
            Problem::StatedTotal { .. } => Code::StatedTotal,
            Problem::KeyTotal { .. } => Code::KeyTotal,
            Problem::NotUnderHeading { .. } | Problem::UnderSeveralHeadings { .. } => {
                Code::HeadingCoverage
            }
            Problem::HeadingCycle { .. } => Code::HeadingCycle,
            Problem::DeadlineOrder { .. } => Code::DeadlineOrder,
            Problem::PlanYear { .. } => Code::PlanYear,
            Problem::CountyNamesNone { .. } => Code::CountyName,
            Problem::KommunOutsideCounty { .. }
            | Problem::KommunInNoCounty { .. }
            | Problem::KommunCodeOfCounty { .. } => Code::KommunCounty,
            Problem::KommunCodeNotScbs { .. } | Problem::KommunNameNotScbs { .. } => {
                Code::KommunCode
            }
            Problem::KommunerMissing { .. } => Code::KommunMissing,
            Problem::DeadlineYear { .. } => Code::DeadlineYear,
            Problem::UnusedActor { .. } => Code::UnusedActor,
            Problem::NoFocusArea { .. } => Code::NoFocusArea,
            Problem::AmountToFill { .. } => Code::AmountToFill,
            Problem::DecomposedName { .. } => Code::DecomposedName,
            Problem::TableShape { .. } => Code::TableShape,
            Problem::TableRowTotal { .. } => Code::TableRowTotal,
            Problem::TableColumnTotal { .. } => Code::TableColumnTotal,
            Problem::TableTotal { .. } => Code::TableTotal,
            Problem::TableCell { .. } => Code::TableCell,
            Problem::CostSharingInvalid { .. } => Code::CostSharingInvalid,
            Problem::CostSharingRow { .. } => Code::CostSharingRow,
            Problem::CostSharingRule { .. } => Code::CostSharingRule,
            Problem::CostSharingOverhead { .. } => Code::CostSharingOverhead,
            Problem::CostSharingTotal { .. } => Code::CostSharingTotal,
            Problem::CostSharingPercent { .. } => Code::CostSharingPercent,
            Problem::CostSharingFeeds { .. } => Code::CostSharingFeeds,
        }
    }

    /// Stated and computed figures, for problems that compare two sums.
    pub fn figures(&self) -> Option<(Amount, Amount)> {
        match self {
            Problem::CountyTotal { stated, computed }
            | Problem::InsatserTotal { stated, computed }
            | Problem::AreaTotal {
                stated, computed, ..
            }
            | Problem::NationalSplit { stated, computed }
            | Problem::StatedChange {
                stated, computed, ..
            }
            | Problem::EarmarkTotal {
                stated, computed, ..
            }
            | Problem::EarmarksOverArea {
                stated, computed, ..
            }
            | Problem::SplitSum {
                stated, computed, ..
            }
            | Problem::SplitPrinted {
                stated, computed, ..
            }
            | Problem::StatedTotal {
                stated, computed, ..
            }
            | Problem::TableRowTotal {
                stated, computed, ..
            }
            | Problem::TableColumnTotal {
                stated, computed, ..
            }
            | Problem::TableTotal {
                stated, computed, ..
            }
            | Problem::TableCell {
                stated, computed, ..
            }
            | Problem::CostSharingRow {
                stated, computed, ..
            }
            | Problem::CostSharingOverhead {
                stated, computed, ..
            }
            | Problem::CostSharingTotal {
                stated, computed, ..
            }
            | Problem::CostSharingFeeds {
                stated, computed, ..
            } => Some((*stated, *computed)),
            Problem::AmountToFill {
                computed: Some(computed),
                ..
            } => Some((Amount::ZERO, *computed)),
            _ => None,
        }
    }

    /// The line of a key file a problem is on (`2309 Krokom` without a value on line 6 of
    /// the SCB file), where it has one: the CI formats annotate it there, since a pull request
    /// that brings new figures changes that file and not the plan.
    pub fn key_file_line(&self) -> Option<(&std::path::Path, usize)> {
        match self {
            Problem::KeyFile {
                error:
                    ScbError {
                        path,
                        line: Some(line),
                        ..
                    },
                ..
            }
            | Problem::KeyFileTotal { path, line, .. } => Some((path, *line)),
            Problem::KeyFileCoverage { path, mismatch, .. } => Some((path, mismatch.line()?)),
            _ => None,
        }
    }

    /// The key a problem is about, for the problems that concern one key.
    pub fn key(&self) -> Option<&str> {
        match self {
            Problem::KeyCoverage { key, .. }
            | Problem::KeyPrecisionMissing { key, .. }
            | Problem::PercentSum { key, .. }
            | Problem::PercentPrecision { key, .. }
            | Problem::PercentNegative { key, .. }
            | Problem::PopulationNotPositive { key, .. }
            | Problem::KeyFile { key, .. }
            | Problem::KeyFileCoverage { key, .. }
            | Problem::KeyFileTotal { key, .. }
            | Problem::KeyDefinition { key, .. }
            | Problem::KeyDate { key, .. }
            | Problem::KeyDateNotFile { key, .. }
            | Problem::KeyTotal { key, .. } => Some(key),
            _ => None,
        }
    }
}
