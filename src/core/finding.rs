//! Findings: what `check` reports, as data.
//!
//! A finding carries the values (stated, computed, names), never preformatted text; the
//! message, hint and figures are rendered here in one match per language, so tests can match
//! on the data and the wording lives in one place.

use std::ops::Range;

use crate::core::money::Amount;
use crate::output::lang::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
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
    pub fn error(span: Range<usize>, problem: Problem) -> Finding {
        Finding {
            severity: Severity::Error,
            span,
            problem,
            related: None,
        }
    }

    pub fn warning(span: Range<usize>, problem: Problem) -> Finding {
        Finding {
            severity: Severity::Warning,
            span,
            problem,
            related: None,
        }
    }

    pub fn with_related(mut self, span: Range<usize>, related: Related) -> Finding {
        self.related = Some((span, related));
        self
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Related {
    FirstDefinedHere,
    FirstListedHere,
}

impl Related {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Related::FirstDefinedHere => lang.pick("först definierad här", "first defined here"),
            Related::FirstListedHere => lang.pick("först angiven här", "first listed here"),
        }
    }
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
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Thing::Area => lang.pick("område", "area"),
            Thing::Actor => lang.pick("aktör", "actor"),
            Thing::Kommun => lang.pick("kommun", "kommun"),
            Thing::Key => lang.pick("fördelningsnyckel", "allocation key"),
            Thing::Insats => lang.pick("insats", "insats"),
            Thing::Heading => lang.pick("rubrik", "heading"),
            Thing::FocusArea => lang.pick("fokusområde", "focus area"),
            Thing::Earmark => lang.pick("varav-post", "earmark"),
        }
    }

    /// Whether the Swedish word is an ett-word (*ett område*: "okänt område").
    pub fn is_neuter(self) -> bool {
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
    DuplicateId {
        thing: Thing,
        id: String,
    },
    UnknownReference {
        thing: Thing,
        name: String,
        suggestion: Option<String>,
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
    NationalSplit {
        stated: Amount,
        computed: Amount,
    },
    StatedChange {
        stated: Amount,
        computed: Amount,
    },
    EarmarkTotal {
        earmark: String,
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
    KeyPrecisionMissing {
        key: String,
    },
    PercentSum {
        key: String,
        computed: rust_decimal::Decimal,
    },
    PercentPrecision {
        key: String,
        value: rust_decimal::Decimal,
        precision: u32,
    },
    PopulationNotPositive {
        key: String,
        kommun: String,
        value: rust_decimal::Decimal,
    },
    /// A key's SCB file cannot be read.
    KeyFile {
        key: String,
        error: crate::input::scb::ScbError,
    },
    /// A key file's kommuner differ from the plan's (missing, extra, twice, without value).
    KeyFileCoverage {
        key: String,
        path: std::path::PathBuf,
        column: String,
        mismatch: crate::input::scb::Mismatch,
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
    NotUnderHeading {
        insats: String,
    },
    UnderSeveralHeadings {
        insats: String,
    },
    HeadingCycle {
        heading: String,
    },
    DeadlineOrder {
        earlier: &'static str,
        later: &'static str,
    },
    DeadlineYear {
        deadline: &'static str,
        expected_year: i32,
    },
    UnusedActor {
        actor: String,
    },
    NoFocusArea {
        insats: String,
    },
    /// An amount left at 0 to be filled in (as `allocate init` leaves them).
    AmountToFill {
        place: ToFill,
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
}

impl ToFill {
    /// What the amount is, in words ("område 2", "insats `1.3`").
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (ToFill::CountyTotal, Lang::Sv) => "länets totalbelopp (`county_total`)".to_string(),
            (ToFill::CountyTotal, Lang::En) => "the county total (`county_total`)".to_string(),
            (ToFill::StatedChange, Lang::Sv) => {
                "förändringen mot föregående år (`stated_change`)".to_string()
            }
            (ToFill::StatedChange, Lang::En) => {
                "the change from the previous year (`stated_change`)".to_string()
            }
            (ToFill::NationalTotal, Lang::Sv) => {
                "överenskommelsens totalbelopp (`national_total`)".to_string()
            }
            (ToFill::NationalTotal, Lang::En) => {
                "the agreement's total (`national_total`)".to_string()
            }
            (ToFill::AgreementPart(r), Lang::Sv) => format!("överenskommelsens del till {r}"),
            (ToFill::AgreementPart(r), Lang::En) => format!("the agreement's part for {r}"),
            (ToFill::Area(n), Lang::Sv) => format!("område {n}"),
            (ToFill::Area(n), Lang::En) => format!("area {n}"),
            (ToFill::Earmark(id), Lang::Sv) => format!("varav-posten `{id}`"),
            (ToFill::Earmark(id), Lang::En) => format!("earmark `{id}`"),
            (ToFill::Insats(id), Lang::Sv) => format!("insats `{id}`"),
            (ToFill::Insats(id), Lang::En) => format!("insats `{id}`"),
            (ToFill::SplitEach(id), Lang::Sv) => format!("`each` i fördelningen av insats `{id}`"),
            (ToFill::SplitEach(id), Lang::En) => format!("`each` in the split of insats `{id}`"),
            (ToFill::Heading(t), Lang::Sv) => format!("rubriken \"{t}\""),
            (ToFill::Heading(t), Lang::En) => format!("heading \"{t}\""),
            (ToFill::Stated(l), Lang::Sv) => format!("angiven summa \"{l}\""),
            (ToFill::Stated(l), Lang::En) => format!("stated total \"{l}\""),
        }
    }
}

/// Why a split cannot be carried out.
#[derive(Clone, Debug, PartialEq)]
pub enum SplitReason {
    /// The rule needs this key (`key`, `each`, `amounts`).
    MissingField(&'static str),
    /// Money for "länets kommuner" must say how it is split.
    GroupNeedsSplit,
    /// A key split works over the kommuner only.
    KeyNeedsKommuner,
    /// The kommuner group must be the only actor of its row.
    GroupAmongOthers,
    /// A name in `amounts`, `except` or `printed` is not one of the row's recipients.
    NotARecipient(String),
    /// `amounts` leaves out a recipient.
    RecipientMissing(String),
    /// `amounts`, `except` or `printed` names a recipient twice (by kommunkod and by name).
    RecipientRepeated(String),
    /// The amount is not a whole number of the split's rounding unit.
    NotMultipleOfUnit(Amount),
    /// The key gives every recipient weight zero.
    NoWeight,
    /// Too large for exact arithmetic.
    TooLarge,
    /// `fixed-plus-key`: the fixed parts alone exceed the amount.
    FixedExceedsAmount(Amount),
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
    /// The stable code, for people and machines.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::DuplicateId { .. } => "duplicate-id",
            Problem::UnknownReference { .. } => "unknown-reference",
            Problem::NegativeAmount { .. } => "negative-amount",
            Problem::FinerThanUnit { .. } => "finer-than-unit",
            Problem::CountyTotal { .. } => "county-total",
            Problem::AreaTotal { .. } => "area-total",
            Problem::NationalSplit { .. } => "national-split",
            Problem::StatedChange { .. } => "stated-change",
            Problem::EarmarkTotal { .. } => "earmark-total",
            Problem::SplitSum { .. } => "split-sum",
            Problem::SplitInvalid { .. } => "split-invalid",
            Problem::KeyCoverage { .. } => "key-coverage",
            Problem::KeyPrecisionMissing { .. } => "key-precision",
            Problem::PercentSum { .. } => "percent-sum",
            Problem::PercentPrecision { .. } => "percent-precision",
            Problem::PopulationNotPositive { .. } => "population-not-positive",
            Problem::KeyFile { .. } => "key-file",
            Problem::KeyFileCoverage { .. } => "key-coverage",
            Problem::KeyDefinition { .. } => "key-definition",
            Problem::KeyDate { .. } => "key-date",
            Problem::KeyRounding { .. } => "key-rounding",
            Problem::SplitPrinted { .. } => "split-printed",
            Problem::StatedTotal { .. } => "stated-total",
            Problem::NotUnderHeading { .. } => "heading-coverage",
            Problem::UnderSeveralHeadings { .. } => "heading-coverage",
            Problem::HeadingCycle { .. } => "heading-cycle",
            Problem::DeadlineOrder { .. } => "deadline-order",
            Problem::DeadlineYear { .. } => "deadline-year",
            Problem::UnusedActor { .. } => "unused-actor",
            Problem::NoFocusArea { .. } => "no-focus-area",
            Problem::AmountToFill { .. } => "amount-to-fill",
        }
    }

    /// Stated and computed figures, for problems that compare two sums.
    pub fn figures(&self) -> Option<(Amount, Amount)> {
        match self {
            Problem::CountyTotal { stated, computed }
            | Problem::AreaTotal {
                stated, computed, ..
            }
            | Problem::NationalSplit { stated, computed }
            | Problem::StatedChange { stated, computed }
            | Problem::EarmarkTotal {
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
            } => Some((*stated, *computed)),
            _ => None,
        }
    }

    /// One line that says what is wrong.
    pub fn message(&self, lang: Lang) -> String {
        let a = |x: &Amount| lang.amount(*x);
        match (self, lang) {
            (Problem::DuplicateId { thing, id }, Lang::Sv) => {
                format!("{} `{id}` finns redan", capitalize(thing.name(lang)))
            }
            (Problem::DuplicateId { thing, id }, Lang::En) => {
                format!("duplicate {} `{id}`", thing.name(lang))
            }
            (Problem::UnknownReference { thing, name, .. }, Lang::Sv) => {
                let okand = if thing.is_neuter() {
                    "okänt"
                } else {
                    "okänd"
                };
                format!("{okand} {} `{name}`", thing.name(lang))
            }
            (Problem::UnknownReference { thing, name, .. }, Lang::En) => {
                format!("unknown {} `{name}`", thing.name(lang))
            }
            (Problem::NegativeAmount { amount }, Lang::Sv) => {
                format!("negativt belopp {}", a(amount))
            }
            (Problem::NegativeAmount { amount }, Lang::En) => {
                format!("negative amount {}", a(amount))
            }
            (Problem::FinerThanUnit { amount, unit }, Lang::Sv) => format!(
                "beloppet {} är inte ett helt antal av planens enhet {}",
                a(amount),
                a(unit)
            ),
            (Problem::FinerThanUnit { amount, unit }, Lang::En) => format!(
                "amount {} is not a whole number of the plan's unit {}",
                a(amount),
                a(unit)
            ),
            (Problem::CountyTotal { stated, computed }, Lang::Sv) => format!(
                "områdena summerar till {}, men länets totalbelopp är {}",
                a(computed),
                a(stated)
            ),
            (Problem::CountyTotal { stated, computed }, Lang::En) => format!(
                "the areas sum to {}, but the county total is {}",
                a(computed),
                a(stated)
            ),
            (
                Problem::AreaTotal {
                    area,
                    stated,
                    computed,
                },
                Lang::Sv,
            ) => format!(
                "insatserna i område {area} summerar till {}, men områdets belopp är {}",
                a(computed),
                a(stated)
            ),
            (
                Problem::AreaTotal {
                    area,
                    stated,
                    computed,
                },
                Lang::En,
            ) => format!(
                "the insatser of area {area} sum to {}, but the area amount is {}",
                a(computed),
                a(stated)
            ),
            (Problem::NationalSplit { stated, computed }, Lang::Sv) => format!(
                "överenskommelsens delar summerar till {}, men totalen är {}",
                a(computed),
                a(stated)
            ),
            (Problem::NationalSplit { stated, computed }, Lang::En) => format!(
                "the agreement's parts sum to {}, but its total is {}",
                a(computed),
                a(stated)
            ),
            (Problem::StatedChange { stated, computed }, Lang::Sv) => format!(
                "angiven förändring mot föregående år är {}, men beloppen ger {}",
                a(stated),
                a(computed)
            ),
            (Problem::StatedChange { stated, computed }, Lang::En) => format!(
                "the stated change from the previous year is {}, but the totals give {}",
                a(stated),
                a(computed)
            ),
            (
                Problem::EarmarkTotal {
                    earmark,
                    stated,
                    computed,
                },
                Lang::Sv,
            ) => format!(
                "insatserna märkta `{earmark}` summerar till {}, varav-posten är {}",
                a(computed),
                a(stated)
            ),
            (
                Problem::EarmarkTotal {
                    earmark,
                    stated,
                    computed,
                },
                Lang::En,
            ) => format!(
                "the insatser tagged `{earmark}` sum to {}, the earmark is {}",
                a(computed),
                a(stated)
            ),
            (
                Problem::SplitSum {
                    insats,
                    stated,
                    computed,
                },
                Lang::Sv,
            ) => format!(
                "fördelningen av insats `{insats}` summerar till {}, men insatsens belopp är {}",
                a(computed),
                a(stated)
            ),
            (
                Problem::SplitSum {
                    insats,
                    stated,
                    computed,
                },
                Lang::En,
            ) => format!(
                "the split of insats `{insats}` sums to {}, but its amount is {}",
                a(computed),
                a(stated)
            ),
            (Problem::SplitInvalid { insats, reason }, _) => reason.message(insats, lang),
            (Problem::KeyCoverage { key, kommun, gap }, Lang::Sv) => match gap {
                Gap::Missing => format!("nyckeln `{key}` saknar kommunen {kommun}"),
                Gap::Repeated => format!("nyckeln `{key}` anger kommunen {kommun} två gånger"),
            },
            (Problem::KeyCoverage { key, kommun, gap }, Lang::En) => match gap {
                Gap::Missing => format!("key `{key}` has no value for {kommun}"),
                Gap::Repeated => format!("key `{key}` gives {kommun} twice"),
            },
            (Problem::KeyPrecisionMissing { key }, Lang::Sv) => {
                format!("procentnyckeln `{key}` anger inte sin precision")
            }
            (Problem::KeyPrecisionMissing { key }, Lang::En) => {
                format!("percentage key `{key}` does not state its precision")
            }
            (Problem::PercentSum { key, computed }, Lang::Sv)
                if *computed == rust_decimal::Decimal::MAX =>
            {
                format!(
                    "procentsatserna i `{key}` summerar till ett tal med fler än 28 siffror, inte 100 %"
                )
            }
            (Problem::PercentSum { key, computed }, Lang::En)
                if *computed == rust_decimal::Decimal::MAX =>
            {
                format!(
                    "the percentages of `{key}` sum to a number of more than 28 digits, not 100 %"
                )
            }
            (Problem::PercentSum { key, computed }, Lang::Sv) => format!(
                "procentsatserna i `{key}` summerar till {} %, inte 100 %",
                decimal_sv(*computed)
            ),
            (Problem::PercentSum { key, computed }, Lang::En) => {
                format!("the percentages of `{key}` sum to {computed} %, not 100 %")
            }
            (
                Problem::PercentPrecision {
                    key,
                    value,
                    precision,
                },
                Lang::Sv,
            ) => format!(
                "{} % i `{key}` har fler decimaler än nyckelns precision {precision}",
                decimal_sv(*value)
            ),
            (
                Problem::PercentPrecision {
                    key,
                    value,
                    precision,
                },
                Lang::En,
            ) => format!(
                "{value} % in `{key}` has more decimals than the key's precision {precision}"
            ),
            (Problem::PopulationNotPositive { key, kommun, value }, Lang::Sv) => format!(
                "folkmängden för {kommun} i `{key}` är {}; den måste vara ett positivt heltal",
                decimal_sv(*value)
            ),
            (Problem::PopulationNotPositive { key, kommun, value }, Lang::En) => format!(
                "the population of {kommun} in `{key}` is {value}; it must be a positive whole number"
            ),
            (Problem::KeyFile { key, error }, Lang::Sv) => {
                format!(
                    "nyckeln `{key}`: {}: {}",
                    error.place(),
                    error.message(lang)
                )
            }
            (Problem::KeyFile { key, error }, Lang::En) => {
                format!("key `{key}`: {}: {}", error.place(), error.message(lang))
            }
            (
                Problem::KeyFileCoverage {
                    key,
                    path,
                    column,
                    mismatch,
                },
                Lang::Sv,
            ) => format!("nyckeln `{key}`: {}", mismatch.message(path, column, lang)),
            (
                Problem::KeyFileCoverage {
                    key,
                    path,
                    column,
                    mismatch,
                },
                Lang::En,
            ) => format!("key `{key}`: {}", mismatch.message(path, column, lang)),
            (Problem::KeyDefinition { key, reason }, _) => reason.message(key, lang),
            (
                Problem::KeyDate {
                    key,
                    year,
                    plan_year,
                },
                Lang::Sv,
            ) => {
                format!("nyckeln `{key}` avser år {year}, mer än två år före planåret {plan_year}")
            }
            (
                Problem::KeyDate {
                    key,
                    year,
                    plan_year,
                },
                Lang::En,
            ) => format!(
                "key `{key}` describes {year}, more than two years before the plan year {plan_year}"
            ),
            (
                Problem::KeyRounding {
                    insats,
                    key,
                    precision,
                    kommun,
                    by_percent,
                    by_counts,
                    unit,
                },
                Lang::Sv,
            ) => format!(
                "insats `{insats}`: avrundningen av `{key}` till {precision} decimaler flyttar upp till {} per kommun, mer än en enhet ({}), jämfört med befolkningstalen ({kommun}: {} mot {})",
                a(&(*by_percent - *by_counts).abs()),
                a(unit),
                a(by_percent),
                a(by_counts)
            ),
            (
                Problem::KeyRounding {
                    insats,
                    key,
                    precision,
                    kommun,
                    by_percent,
                    by_counts,
                    unit,
                },
                Lang::En,
            ) => format!(
                "insats `{insats}`: rounding `{key}` to {precision} decimals moves up to {} per kommun, more than one unit ({}), compared with the population counts ({kommun}: {} against {})",
                a(&(*by_percent - *by_counts).abs()),
                a(unit),
                a(by_percent),
                a(by_counts)
            ),
            (
                Problem::SplitPrinted {
                    insats,
                    recipient,
                    stated,
                    computed,
                },
                Lang::Sv,
            ) => format!(
                "insats `{insats}`: angivet belopp för {recipient} är {}, fördelningsregeln ger {}",
                a(stated),
                a(computed)
            ),
            (
                Problem::SplitPrinted {
                    insats,
                    recipient,
                    stated,
                    computed,
                },
                Lang::En,
            ) => format!(
                "insats `{insats}`: the amount printed for {recipient} is {}, the split rule gives {}",
                a(stated),
                a(computed)
            ),
            (
                Problem::StatedTotal {
                    label,
                    stated,
                    computed,
                },
                Lang::Sv,
            ) => format!(
                "angiven summa \"{label}\" är {}, men det den omfattar summerar till {}",
                a(stated),
                a(computed)
            ),
            (
                Problem::StatedTotal {
                    label,
                    stated,
                    computed,
                },
                Lang::En,
            ) => format!(
                "stated total \"{label}\" is {}, but what it covers sums to {}",
                a(stated),
                a(computed)
            ),
            (Problem::NotUnderHeading { insats }, Lang::Sv) => {
                format!("insats `{insats}` står inte under någon rubrik i sammanfattningen")
            }
            (Problem::NotUnderHeading { insats }, Lang::En) => {
                format!("insats `{insats}` is under no heading of the summary")
            }
            (Problem::UnderSeveralHeadings { insats }, Lang::Sv) => {
                format!("insats `{insats}` står under mer än en rubrik")
            }
            (Problem::UnderSeveralHeadings { insats }, Lang::En) => {
                format!("insats `{insats}` is under more than one heading")
            }
            (Problem::HeadingCycle { heading }, Lang::Sv) => {
                format!("rubriken `{heading}` ligger (via `parent`) under sig själv")
            }
            (Problem::HeadingCycle { heading }, Lang::En) => {
                format!("heading `{heading}` is (through `parent`) under itself")
            }
            (Problem::DeadlineOrder { earlier, later }, Lang::Sv) => {
                format!("tidsgränsen `{later}` ligger före `{earlier}`")
            }
            (Problem::DeadlineOrder { earlier, later }, Lang::En) => {
                format!("deadline `{later}` comes before `{earlier}`")
            }
            (
                Problem::DeadlineYear {
                    deadline,
                    expected_year,
                },
                Lang::Sv,
            ) => {
                format!("tidsgränsen `{deadline}` ligger inte år {expected_year}")
            }
            (
                Problem::DeadlineYear {
                    deadline,
                    expected_year,
                },
                Lang::En,
            ) => {
                format!("deadline `{deadline}` is not in {expected_year}")
            }
            (Problem::UnusedActor { actor }, Lang::Sv) => {
                format!("aktören `{actor}` används inte av någon insats")
            }
            (Problem::UnusedActor { actor }, Lang::En) => {
                format!("actor `{actor}` is not used by any insats")
            }
            (Problem::NoFocusArea { insats }, Lang::Sv) => {
                format!("insats `{insats}` anger inget fokusområde")
            }
            (Problem::NoFocusArea { insats }, Lang::En) => {
                format!("insats `{insats}` names no focus area")
            }
            (Problem::AmountToFill { place }, Lang::Sv) => {
                format!("belopp att fylla i: {}", place.describe(lang))
            }
            (Problem::AmountToFill { place }, Lang::En) => {
                format!("amount to fill in: {}", place.describe(lang))
            }
        }
    }

    /// How to fix it.
    pub fn hint(&self, lang: Lang) -> String {
        match self {
            Problem::DuplicateId { thing, .. } => match lang {
                Lang::Sv => format!("ge varje {} ett eget id", thing.name(lang)),
                Lang::En => format!("give each {} an id of its own", thing.name(lang)),
            },
            Problem::UnknownReference { thing, suggestion: Some(s), .. } => match lang {
                Lang::Sv => format!(
                    "menade du `{s}`? Annars lägg till {} under {}",
                    if thing.is_neuter() { "det" } else { "den" },
                    thing.table()
                ),
                Lang::En => format!("did you mean `{s}`? Otherwise add it under {}", thing.table()),
            },
            Problem::UnknownReference { thing, .. } => match lang {
                Lang::Sv => format!(
                    "rätta stavningen eller lägg till {} under {}",
                    if thing.is_neuter() { "det" } else { "den" },
                    thing.table()
                ),
                Lang::En => format!("fix the spelling or add it under {}", thing.table()),
            },
            Problem::NegativeAmount { .. } => lang
                .pick("belopp är aldrig negativa; skriv beloppet utan minustecken",
                    "amounts are never negative; write the amount without a minus sign")
                .to_string(),
            Problem::FinerThanUnit { unit, .. } => match lang {
                Lang::Sv => format!("avrunda till hela {}, eller ändra `unit` under [plan]", unit.sv()),
                Lang::En => format!("round to whole {}, or change `unit` under [plan]", unit.en()),
            },
            Problem::CountyTotal { .. } => lang
                .pick("rätta områdenas `amount` eller `county_total` så att de stämmer med överenskommelsen",
                    "correct the areas' `amount` or `county_total` to match the agreement")
                .to_string(),
            Problem::AreaTotal { .. } => lang
                .pick("rätta insatsernas belopp eller områdets `amount`",
                    "correct the insatser's amounts or the area's `amount`")
                .to_string(),
            Problem::NationalSplit { .. } => lang
                .pick("rätta delarna under [[agreement.split]] eller `national_total`",
                    "correct the parts under [[agreement.split]] or `national_total`")
                .to_string(),
            Problem::StatedChange { .. } => lang
                .pick("förändringen är county_total minus previous_county_total; rätta den som är fel",
                    "the change is county_total minus previous_county_total; correct the wrong one")
                .to_string(),
            Problem::EarmarkTotal { .. } => lang
                .pick("varav-posterna är statens vägledande fördelning; en avvikelse är tillåten men bör vara avsiktlig",
                    "earmarks are the state's indicative split; a difference is allowed but should be deliberate")
                .to_string(),
            Problem::SplitSum { .. } => lang
                .pick("ändra beloppen i fördelningen så att de summerar till insatsens `amount`",
                    "change the split's amounts so they sum to the insats `amount`")
                .to_string(),
            Problem::SplitInvalid { reason, .. } => reason.hint(lang),
            Problem::KeyCoverage { gap: Gap::Missing, .. } => lang
                .pick("en nyckel ska ange ett värde för varje kommun under [[kommuner]]",
                    "a key gives a value for every kommun under [[kommuner]]")
                .to_string(),
            Problem::KeyCoverage { gap: Gap::Repeated, .. } => lang
                .pick("ta bort den ena raden (kommunen angavs både med kod och namn)",
                    "remove one of the lines (the kommun was given by both code and name)")
                .to_string(),
            Problem::KeyPrecisionMissing { .. } => lang
                .pick("lägg till `precision = 1` (antal decimaler i procentsatserna)",
                    "add `precision = 1` (the number of decimals of the percentages)")
                .to_string(),
            Problem::PercentSum { .. } => lang
                .pick("procentsatserna ska summera till exakt 100 vid nyckelns precision",
                    "the percentages must sum to exactly 100 at the key's precision")
                .to_string(),
            Problem::PercentPrecision { .. } => lang
                .pick("avrunda värdet eller höj `precision`", "round the value or raise `precision`")
                .to_string(),
            Problem::PopulationNotPositive { .. } => lang
                .pick("skriv folkmängden som den står hos SCB, till exempel 64_977",
                    "write the population as SCB gives it, for example 64_977")
                .to_string(),
            Problem::KeyFile { error, .. } => error.hint(lang),
            Problem::KeyFileCoverage { mismatch, .. } => mismatch.hint(lang).to_string(),
            Problem::KeyDefinition { reason, .. } => reason.hint(lang).to_string(),
            Problem::KeyDate { .. } => lang
                .pick("hämta nyare siffror från SCB, eller ange i en kommentar varför de äldre gäller",
                    "get newer figures from SCB, or say in a comment why the older ones apply")
                .to_string(),
            Problem::KeyRounding { .. } => lang
                .pick("om avtalet anger procentsatser är detta dess regel; annars fördela efter befolkningstalen eller höj `precision`",
                    "if the agreement states percentages this is its rule; otherwise split by the population counts or raise `precision`")
                .to_string(),
            Problem::SplitPrinted { .. } => lang
                .pick("rätta det angivna beloppet under `printed`, eller fördelningsregeln",
                    "correct the amount under `printed`, or the split rule")
                .to_string(),
            Problem::StatedTotal { .. } => lang
                .pick("rätta den angivna summan, eller beloppen den omfattar; notera i en kommentar om dokumentet räknat fel",
                    "correct the stated figure or the amounts it covers; note in a comment if the document got it wrong")
                .to_string(),
            Problem::NotUnderHeading { .. } => lang
                .pick("lägg insatsens id i `insatser` under en av [[headings]]",
                    "add the insats id to `insatser` under one of the [[headings]]")
                .to_string(),
            Problem::UnderSeveralHeadings { .. } => lang
                .pick("varje krona ska stå under exakt en rubrik; ta bort id:t från den ena",
                    "every krona sits under exactly one heading; remove the id from one of them")
                .to_string(),
            Problem::HeadingCycle { .. } => lang
                .pick("ändra `parent` så att rubrikerna bildar ett träd",
                    "change `parent` so the headings form a tree")
                .to_string(),
            Problem::DeadlineOrder { .. } => lang
                .pick("ordningen är requisition, use_reported, unused_repaid",
                    "the order is requisition, use_reported, unused_repaid")
                .to_string(),
            Problem::DeadlineYear { .. } => lang
                .pick("rekvisition och redovisning sker planåret, återbetalning året efter",
                    "requisition and reporting fall in the plan year, repayment in the next")
                .to_string(),
            Problem::UnusedActor { .. } => lang
                .pick("ta bort aktören eller ge den en insats",
                    "remove the actor or give it an insats")
                .to_string(),
            Problem::NoFocusArea { .. } => lang
                .pick("lägg till `focus_areas = [...]` med handlingsplanens fokusområden",
                    "add `focus_areas = [...]` with the action plan's focus areas")
                .to_string(),
            Problem::AmountToFill { .. } => lang
                .pick("skriv in beloppet ur årets beslutsunderlag; `allocate init` lämnar belopp som 0 tills de fylls i",
                    "write in the amount from this year's decision document; `allocate init` leaves amounts at 0 until they are filled in")
                .to_string(),
        }
    }
}

impl SplitReason {
    fn message(&self, insats: &str, lang: Lang) -> String {
        match (self, lang) {
            (SplitReason::MissingField(field), Lang::Sv) => {
                format!("fördelningen av insats `{insats}` saknar `{field}`")
            }
            (SplitReason::MissingField(field), Lang::En) => {
                format!("the split of insats `{insats}` has no `{field}`")
            }
            (SplitReason::GroupNeedsSplit, Lang::Sv) => {
                format!(
                    "insats `{insats}` går till länets kommuner men anger inte hur den fördelas"
                )
            }
            (SplitReason::GroupNeedsSplit, Lang::En) => {
                format!(
                    "insats `{insats}` goes to the county's kommuner but does not say how it is split"
                )
            }
            (SplitReason::KeyNeedsKommuner, Lang::Sv) => {
                format!("insats `{insats}`: en fördelning efter nyckel går bara över kommunerna")
            }
            (SplitReason::KeyNeedsKommuner, Lang::En) => {
                format!("insats `{insats}`: a split by key works over the kommuner only")
            }
            (SplitReason::GroupAmongOthers, Lang::Sv) => {
                format!("insats `{insats}`: länets kommuner kan inte dela rad med andra aktörer")
            }
            (SplitReason::GroupAmongOthers, Lang::En) => {
                format!(
                    "insats `{insats}`: the county's kommuner cannot share a row with other actors"
                )
            }
            (SplitReason::NotARecipient(name), Lang::Sv) => {
                format!("insats `{insats}`: `{name}` är inte mottagare av insatsen")
            }
            (SplitReason::NotARecipient(name), Lang::En) => {
                format!("insats `{insats}`: `{name}` is not a recipient of this insats")
            }
            (SplitReason::RecipientMissing(name), Lang::Sv) => {
                format!("insats `{insats}`: `amounts` saknar belopp för {name}")
            }
            (SplitReason::RecipientMissing(name), Lang::En) => {
                format!("insats `{insats}`: `amounts` has no amount for {name}")
            }
            (SplitReason::RecipientRepeated(name), Lang::Sv) => {
                format!("insats `{insats}`: {name} står två gånger i fördelningen")
            }
            (SplitReason::RecipientRepeated(name), Lang::En) => {
                format!("insats `{insats}`: {name} is given twice in the split")
            }
            (SplitReason::NotMultipleOfUnit(unit), Lang::Sv) => format!(
                "insats `{insats}`: beloppet är inte ett helt antal av fördelningens enhet {}",
                unit.sv()
            ),
            (SplitReason::NotMultipleOfUnit(unit), Lang::En) => format!(
                "insats `{insats}`: the amount is not a whole number of the split's unit {}",
                unit.en()
            ),
            (SplitReason::NoWeight, Lang::Sv) => {
                format!("insats `{insats}`: nyckeln ger alla mottagare vikten noll")
            }
            (SplitReason::NoWeight, Lang::En) => {
                format!("insats `{insats}`: the key gives every recipient weight zero")
            }
            (SplitReason::TooLarge, Lang::Sv) => {
                format!("insats `{insats}`: beloppen är för stora för att fördelas exakt")
            }
            (SplitReason::TooLarge, Lang::En) => {
                format!("insats `{insats}`: the figures are too large to split exactly")
            }
            (SplitReason::FixedExceedsAmount(fixed), Lang::Sv) => format!(
                "insats `{insats}`: de fasta delarna summerar till {}, mer än insatsens belopp",
                fixed.sv()
            ),
            (SplitReason::FixedExceedsAmount(fixed), Lang::En) => format!(
                "insats `{insats}`: the fixed parts sum to {}, more than the insats amount",
                fixed.en()
            ),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        match self {
            SplitReason::MissingField(field) => match lang {
                Lang::Sv => format!("lägg till `{field}` under fördelningen (split)"),
                Lang::En => format!("add `{field}` to the split"),
            },
            SplitReason::GroupNeedsSplit => lang
                .pick(
                    "lägg till till exempel `split = { rule = \"equal\" }`",
                    "add for example `split = { rule = \"equal\" }`",
                )
                .to_string(),
            SplitReason::KeyNeedsKommuner => lang
                .pick(
                    "använd `rule = \"equal\"` eller `rule = \"amounts\"` för flera aktörer",
                    "use `rule = \"equal\"` or `rule = \"amounts\"` for several actors",
                )
                .to_string(),
            SplitReason::GroupAmongOthers => lang
                .pick(
                    "dela upp insatsen i en rad för kommunerna och en för de andra aktörerna",
                    "split the insats into one row for the kommuner and one for the other actors",
                )
                .to_string(),
            SplitReason::NotARecipient(_) => lang
                .pick(
                    "ange bara insatsens mottagare (kommunkod, kommunnamn eller aktörs-id)",
                    "name only the insats's recipients (kommunkod, kommun name or actor id)",
                )
                .to_string(),
            SplitReason::RecipientMissing(_) => lang
                .pick(
                    "ange ett belopp för varje mottagare",
                    "give an amount for every recipient",
                )
                .to_string(),
            SplitReason::RecipientRepeated(_) => lang
                .pick(
                    "ange varje mottagare en gång (kommunen angavs både med kod och namn)",
                    "give each recipient once (the kommun was given both by code and by name)",
                )
                .to_string(),
            SplitReason::NotMultipleOfUnit(_) => lang
                .pick(
                    "ändra beloppet eller fördelningens `unit`",
                    "change the amount or the split's `unit`",
                )
                .to_string(),
            SplitReason::NoWeight => lang
                .pick("kontrollera nyckelns värden", "check the key's values")
                .to_string(),
            SplitReason::TooLarge => lang
                .pick(
                    "kontrollera beloppet och nyckeln",
                    "check the amount and the key",
                )
                .to_string(),
            SplitReason::FixedExceedsAmount(_) => lang
                .pick(
                    "sänk `each` eller höj insatsens `amount`",
                    "lower `each` or raise the insats `amount`",
                )
                .to_string(),
        }
    }
}

impl KeyReason {
    fn message(&self, key: &str, lang: Lang) -> String {
        match (self, lang) {
            (KeyReason::NoValues, Lang::Sv) => {
                format!("nyckeln `{key}` har inga värden")
            }
            (KeyReason::NoValues, Lang::En) => format!("key `{key}` has no values"),
            (KeyReason::SeveralSources(given), Lang::Sv) => format!(
                "nyckeln `{key}` får sina värden från flera håll ({})",
                given.join(", ")
            ),
            (KeyReason::SeveralSources(given), Lang::En) => format!(
                "key `{key}` takes its values from more than one place ({})",
                given.join(", ")
            ),
            (KeyReason::ColumnWithoutFile, Lang::Sv) => {
                format!("nyckeln `{key}` anger `column` men ingen `file`")
            }
            (KeyReason::ColumnWithoutFile, Lang::En) => {
                format!("key `{key}` gives `column` but no `file`")
            }
            (KeyReason::FileNeedsPopulation, Lang::Sv) => {
                format!("nyckeln `{key}` läser en SCB-fil men är inte `kind = \"population\"`")
            }
            (KeyReason::FileNeedsPopulation, Lang::En) => {
                format!("key `{key}` reads an SCB file but is not `kind = \"population\"`")
            }
            (KeyReason::FromNeedsPercent, Lang::Sv) => {
                format!("nyckeln `{key}` har `from` men är inte `kind = \"percent\"`")
            }
            (KeyReason::FromNeedsPercent, Lang::En) => {
                format!("key `{key}` has `from` but is not `kind = \"percent\"`")
            }
            (KeyReason::FromNotPopulation(from), Lang::Sv) => {
                format!("nyckeln `{key}` räknas fram ur `{from}`, som inte är en befolkningsnyckel")
            }
            (KeyReason::FromNotPopulation(from), Lang::En) => {
                format!("key `{key}` is derived from `{from}`, which is not a population key")
            }
            (KeyReason::PrecisionTooHigh(p), Lang::Sv) => {
                format!(
                    "nyckeln `{key}` ska räknas fram med {p} decimaler; högst {} går",
                    crate::core::split::MAX_PRECISION
                )
            }
            (KeyReason::PrecisionTooHigh(p), Lang::En) => {
                format!(
                    "key `{key}` asks for {p} decimals; at most {} are possible",
                    crate::core::split::MAX_PRECISION
                )
            }
        }
    }

    fn hint(&self, lang: Lang) -> &'static str {
        match self {
            KeyReason::NoValues | KeyReason::SeveralSources(_) => lang.pick(
                "ange exakt en av `values` (i planen), `file` (en SCB-fil) och `from` (procent ur en befolkningsnyckel)",
                "give exactly one of `values` (in the plan), `file` (an SCB file) and `from` (percentages from a population key)",
            ),
            KeyReason::ColumnWithoutFile => lang.pick(
                "`column` väljer årskolumnen i `file`; ta bort den eller lägg till `file`",
                "`column` picks the year column of `file`; remove it or add `file`",
            ),
            KeyReason::FileNeedsPopulation => lang.pick(
                "skriv `kind = \"population\"`, och härled procentsatser med en egen nyckel med `from`",
                "write `kind = \"population\"`, and derive percentages with a key of its own with `from`",
            ),
            KeyReason::FromNeedsPercent => lang.pick(
                "skriv `kind = \"percent\"` och `precision = 2`",
                "write `kind = \"percent\"` and `precision = 2`",
            ),
            KeyReason::FromNotPopulation(_) => lang.pick(
                "`from` ska ange en nyckel med `kind = \"population\"`",
                "`from` must name a key with `kind = \"population\"`",
            ),
            KeyReason::PrecisionTooHigh(_) => lang.pick(
                "avtal anger procent med en eller två decimaler: `precision = 2`",
                "agreements state percentages with one or two decimals: `precision = 2`",
            ),
        }
    }
}

impl Problem {
    /// The key a problem is about, for the problems that concern one key.
    pub fn key(&self) -> Option<&str> {
        match self {
            Problem::KeyCoverage { key, .. }
            | Problem::KeyPrecisionMissing { key }
            | Problem::PercentSum { key, .. }
            | Problem::PercentPrecision { key, .. }
            | Problem::PopulationNotPositive { key, .. }
            | Problem::KeyFile { key, .. }
            | Problem::KeyFileCoverage { key, .. }
            | Problem::KeyDefinition { key, .. }
            | Problem::KeyDate { key, .. } => Some(key),
            _ => None,
        }
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A decimal with a Swedish decimal comma ("5,3").
pub fn decimal_sv(d: rust_decimal::Decimal) -> String {
    d.normalize().to_string().replace('.', ",")
}
