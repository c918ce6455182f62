//! The registry of checks: one list with every code a plan can get, its severity and when it
//! is found (what it means is worded in `output::words::codes`). `check` runs the ledger rules
//! in this order; the README's table of codes is checked against this list by a test, and
//! another test proves that the corpus has a case for every code.

use crate::core::check::{cost_sharing, key_totals, rules, tables};
use crate::core::finding::{Code, Findings, Severity};
use crate::core::ledger::Ledger;

/// When a code is found.
#[derive(Clone, Copy)]
pub enum Stage {
    /// Reading the file: it cannot be read or parsed, and nothing else is checked (exit 2).
    Read,
    /// Resolving the plan into its ledger (names, actors, keys, splits, headings).
    Resolve,
    /// A rule over the resolved ledger.
    Ledger(fn(&Ledger, &mut Findings)),
    /// Found by the rule of another code, which checks a whole section of the plan at once
    /// (a printed table, a cost-sharing table) and reports each problem under its own code.
    With(Code),
}

impl std::fmt::Debug for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Stage::Read => "Read",
            Stage::Resolve => "Resolve",
            Stage::Ledger(_) => "Ledger",
            Stage::With(_) => "With",
        })
    }
}

/// One entry of the registry.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub code: Code,
    pub severity: Severity,
    pub stage: Stage,
}

macro_rules! registry {
    ($( $variant:ident $name:literal $severity:ident $stage:expr; )*) => {
        impl Code {
            /// Every code, in the registry's order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as people and machines see it (`stated-total`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name),*
                }
            }

            pub fn rule(self) -> Rule {
                match self {
                    $(Code::$variant => Rule {
                        code: self,
                        severity: Severity::$severity,
                        stage: $stage,
                    }),*
                }
            }
        }
    };
}

registry! {
    Syntax "syntax" Error Stage::Read;
    UnknownKey "unknown-key" Error Stage::Read;
    UnknownValue "unknown-value" Error Stage::Read;
    WrongType "wrong-type" Error Stage::Read;
    MissingField "missing-field" Error Stage::Read;
    OutOfRange "out-of-range" Error Stage::Read;
    ReadError "read-error" Error Stage::Read;
    NotDecimal "not-decimal" Error Stage::Resolve;
    DuplicateId "duplicate-id" Error Stage::Resolve;
    UnknownReference "unknown-reference" Error Stage::Resolve;
    AmbiguousName "ambiguous-name" Error Stage::Resolve;
    ActorTree "actor-tree" Error Stage::Resolve;
    ActorPayment "actor-payment" Error Stage::Resolve;
    InsatsActor "insats-actor" Error Stage::Resolve;
    UnitInvalid "unit-invalid" Error Stage::Resolve;
    NegativeAmount "negative-amount" Error Stage::Resolve;
    FinerThanUnit "finer-than-unit" Error Stage::Resolve;
    KeyDefinition "key-definition" Error Stage::Resolve;
    KeyFile "key-file" Error Stage::Resolve;
    KeyCoverage "key-coverage" Error Stage::Resolve;
    KeyFileTotal "key-file-total" Error Stage::Resolve;
    KeyPrecision "key-precision" Error Stage::Resolve;
    PercentSum "percent-sum" Error Stage::Resolve;
    PercentPrecision "percent-precision" Error Stage::Resolve;
    PercentNegative "percent-negative" Error Stage::Resolve;
    PopulationNotPositive "population-not-positive" Error Stage::Resolve;
    SplitInvalid "split-invalid" Error Stage::Resolve;
    SplitSum "split-sum" Error Stage::Resolve;
    SplitPrinted "split-printed" Error Stage::Resolve;
    HeadingCoverage "heading-coverage" Error Stage::Resolve;
    HeadingCycle "heading-cycle" Error Stage::Resolve;
    CountyTotal "county-total" Error Stage::Ledger(rules::areas_sum_to_county_total);
    AreaTotal "area-total" Error Stage::Ledger(rules::insatser_sum_to_area_amount);
    InsatserTotal "insatser-total" Error Stage::Ledger(rules::ledger_sums_to_county_total);
    NationalSplit "national-split" Error Stage::Ledger(rules::national_split_sums_to_total);
    StatedChange "stated-change" Error Stage::Ledger(rules::stated_change_matches_totals);
    StatedChangeUnchecked "stated-change-unchecked" Warning Stage::Ledger(rules::stated_change_is_checkable);
    EarmarksOverArea "earmarks-over-area" Error Stage::Ledger(rules::earmarks_fit_in_their_area);
    EarmarkTotal "earmark-total" Warning Stage::Ledger(rules::earmarks_match_tagged_insatser);
    KeyDate "key-date" Warning Stage::Ledger(rules::keys_are_recent);
    KeyRounding "key-rounding" Warning Stage::Ledger(rules::derived_percentages_keep_the_counts);
    KeyTotal "key-total" Error Stage::Ledger(key_totals::check);
    StatedTotal "stated-total" Error Stage::Ledger(rules::stated_totals_match);
    KommunCounty "kommun-county" Error Stage::Ledger(rules::kommuner_lie_in_the_county);
    PlanYear "plan-year" Error Stage::Ledger(rules::plan_year_is_a_year);
    DeadlineYear "deadline-year" Warning Stage::Ledger(rules::deadlines_in_their_years);
    DeadlineOrder "deadline-order" Warning Stage::Ledger(rules::deadlines_in_order);
    UnusedActor "unused-actor" Warning Stage::Ledger(rules::actors_are_used);
    NoFocusArea "no-focus-area" Warning Stage::Ledger(rules::insatser_have_focus_areas);
    AmountToFill "amount-to-fill" Error Stage::Ledger(rules::amounts_are_filled_in);
    DecomposedName "decomposed-name" Warning Stage::Ledger(crate::core::ledger::names::names_are_composed);
    KeySource "key-source" Warning Stage::Ledger(rules::key_sources_are_this_years);
    DecisionDate "decision-date" Warning Stage::Ledger(rules::decision_date_is_given);
    TableShape "table-shape" Error Stage::Ledger(tables::check);
    TableRowTotal "table-row-total" Error Stage::With(Code::TableShape);
    TableColumnTotal "table-column-total" Error Stage::With(Code::TableShape);
    TableTotal "table-total" Error Stage::With(Code::TableShape);
    TableCell "table-cell" Error Stage::With(Code::TableShape);
    CostSharingInvalid "cost-sharing-invalid" Error Stage::Ledger(cost_sharing::check);
    CostSharingRow "cost-sharing-row" Error Stage::With(Code::CostSharingInvalid);
    CostSharingRule "cost-sharing-rule" Warning Stage::With(Code::CostSharingInvalid);
    CostSharingOverhead "cost-sharing-overhead" Error Stage::With(Code::CostSharingInvalid);
    CostSharingTotal "cost-sharing-total" Error Stage::With(Code::CostSharingInvalid);
    CostSharingPercent "cost-sharing-percent" Error Stage::With(Code::CostSharingInvalid);
    CostSharingFeeds "cost-sharing-feeds" Error Stage::With(Code::CostSharingInvalid);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_resolve_and_read_codes_are_errors() {
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        names.sort_unstable();
        let count = names.len();
        names.dedup();
        assert_eq!(names.len(), count, "a code is listed twice");
        for code in Code::ALL {
            let rule = code.rule();
            assert_eq!(rule.code, *code);
            if matches!(rule.stage, Stage::Read | Stage::Resolve) {
                assert_eq!(rule.severity, Severity::Error, "{code:?}");
            }
        }
    }
}
