//! The audit of an ad-hoc split (`allocate split`): every kommun's weight, exact quota, floor,
//! remainder, rank and final amount, so anyone can check why a kommun got one krona more.
//!
//! When the weights are population counts and a precision is asked for (or a plan key is
//! derived with `from`), the audit has three steps: the counts turned into percentages (by
//! largest remainder, so they sum to exactly 100), the amount split by those percentages, and
//! for comparison the amount split by the counts directly, with each kommun's difference.

use std::path::PathBuf;

use rust_decimal::Decimal;

use crate::core::money::Amount;
use crate::core::population::{Combined, FileFormat, KeyFile, TotalCheck};
use crate::core::split::{self, Part, SplitError};

/// What the kommuner are weighed by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weighing {
    Counts,
    Percent,
}

/// What a step of the audit does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// The counts as percentages with this many decimals.
    Percentages(u32),
    /// The amount by the weights (`derived`: by the percentages of the step before).
    Split { derived: bool },
    /// For comparison: the amount by the counts directly.
    ByCounts,
}

impl StepKind {
    /// The step's name in machine formats.
    pub fn id(self) -> &'static str {
        match self {
            StepKind::Percentages(_) => "percentages",
            StepKind::Split { .. } => "split",
            StepKind::ByCounts => "by-counts",
        }
    }
}

/// One largest-remainder split of the audit.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub kind: StepKind,
    pub weighing: Weighing,
    /// The rounding unit: kronor, or a fraction of a per cent for `Percentages`.
    pub unit: Decimal,
    pub parts: Vec<Part>,
    /// For the comparison: each kommun's difference from the main split.
    pub difference: Option<Vec<Amount>>,
}

impl Step {
    /// Whether the results are percentages rather than kronor.
    pub fn is_percent(&self) -> bool {
        matches!(self.kind, StepKind::Percentages(_))
    }
}

/// Where the weights came from.
#[derive(Clone, Debug, PartialEq)]
pub enum KeySource {
    /// An SCB file given on the command line.
    File(KeyFileInfo),
    /// A key of a plan; `from` is the population key it is derived from, with its file.
    Plan {
        plan: String,
        key: String,
        title: Option<String>,
        from: Option<(String, Option<Box<KeyFileInfo>>)>,
        file: Option<Box<KeyFileInfo>>,
    },
}

/// What an SCB file was read as, for the audit's heading.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyFileInfo {
    pub path: PathBuf,
    pub column: String,
    pub format: FileFormat,
    pub title: Option<String>,
    /// Rows left out because they are not kommuner (the country, another county), with lines.
    pub other_regions: Vec<(usize, String)>,
    /// The file's totals (county, "Summa") and the sum of the kommun rows they cover.
    pub totals: Vec<TotalCheck>,
    /// Totals the file gives without a value (`..`), so not compared, with their lines.
    pub unvalued_totals: Vec<(usize, String)>,
    /// How rows per sex, age group or other column were combined.
    pub combined: Vec<Combined>,
    /// The file names its kommuner without codes.
    pub by_name: bool,
    /// The counties of the file's kommuner, with how many each, when there are several.
    pub counties: Vec<(String, usize)>,
}

impl KeyFileInfo {
    pub fn of(file: &KeyFile) -> KeyFileInfo {
        KeyFileInfo {
            path: file.path.clone(),
            column: file.column.clone(),
            format: file.format.clone(),
            title: file.title.clone(),
            other_regions: file.other_regions.clone(),
            totals: file.total_checks(),
            unvalued_totals: (file.totals.iter())
                .filter(|total| total.count.is_none())
                .map(|total| (total.line, total.label.clone()))
                .collect(),
            combined: file.combined.clone(),
            by_name: file.by_name(),
            counties: file.counties(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Audit {
    pub amount: Amount,
    pub unit: Amount,
    pub source: KeySource,
    /// (kommunkod, name) in order.
    pub kommuner: Vec<(String, String)>,
    pub steps: Vec<Step>,
    /// How many units were left over after the floors, in the main split.
    pub leftover: Decimal,
}

/// What an audit starts from: the kommuner, their weights and how to split.
pub struct Input {
    pub source: KeySource,
    pub kommuner: Vec<(String, String)>,
    pub weights: Vec<Decimal>,
    pub weighing: Weighing,
    /// Derive percentages at this precision from the counts first.
    pub precision: Option<u32>,
}

/// Splits, deriving percentages first when a precision is given.
pub fn audit(amount: Amount, unit: Amount, input: Input) -> Result<Audit, SplitError> {
    // Ties go by kommunkod; a kommun of a file without codes goes by its name, in Swedish
    // alphabetical order.
    let codes: Vec<String> = input
        .kommuner
        .iter()
        .map(|(c, n)| match c.is_empty() {
            true => crate::core::text::swedish_order(n),
            false => c.clone(),
        })
        .collect();
    let mut steps = Vec::new();
    let (main_weighing, main_weights, derived) = match (input.precision, input.weighing) {
        (Some(precision), Weighing::Counts) => {
            let parts = split::percentages(&input.weights, &codes, precision)?;
            let percent: Vec<Decimal> = parts.iter().map(|p| p.amount.0).collect();
            steps.push(Step {
                kind: StepKind::Percentages(precision),
                weighing: Weighing::Counts,
                unit: Decimal::new(1, precision),
                parts,
                difference: None,
            });
            (Weighing::Percent, percent, true)
        }
        _ => (input.weighing, input.weights.clone(), false),
    };
    let main = split::largest_remainder_by(amount, &main_weights, &codes, unit)?;
    let comparison = if derived {
        let by_counts = split::largest_remainder_by(amount, &input.weights, &codes, unit)?;
        let difference = by_counts
            .iter()
            .zip(&main)
            .map(|(c, m)| c.amount - m.amount)
            .collect();
        Some(Step {
            kind: StepKind::ByCounts,
            weighing: Weighing::Counts,
            unit: unit.0,
            parts: by_counts,
            difference: Some(difference),
        })
    } else {
        None
    };
    let floors: Decimal = main.iter().map(|p| p.floor.0).sum();
    let leftover = ((amount.0 - floors) / unit.0).normalize();
    steps.push(Step {
        kind: StepKind::Split { derived },
        weighing: main_weighing,
        unit: unit.0,
        parts: main,
        difference: None,
    });
    steps.extend(comparison);
    Ok(Audit {
        amount,
        unit,
        source: input.source,
        kommuner: input.kommuner,
        steps,
        leftover,
    })
}
