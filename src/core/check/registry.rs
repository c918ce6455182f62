//! The registry of checks: one list with every code a plan can get, its severity, what it is
//! about (which orders the findings) and when it is found (what it means is worded in
//! `output::words::codes`). `check` runs the ledger rules in this order; the README's table of
//! codes is checked against this list by a test, and another test proves that the corpus has
//! a case for every code.

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

/// What a finding is about, which orders the findings (`check::by_cause`): one figure or
/// name as written is a cause, and what several of them make together is off because of it
/// (a misspelt kommun in a key's values leaves the key without that kommun and its
/// percentages short of 100; a wrong cell in a printed table puts its column total off).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum About {
    /// One figure, name or date as written, or one part of the plan as written (an actor's
    /// parent, a table's shape), also when held against the rule that gives it (a printed
    /// split or table cell).
    Written,
    /// One row of a printed table or cost-sharing table against its own total: a row whose
    /// parts are off puts the table's totals off in turn (tester s31 round 2).
    Row,
    /// What several figures or names make together: a sum or total and its parts, a key's
    /// coverage of the kommuner, an insats under the headings, the actors the insatser use.
    Together,
}

/// One entry of the registry.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub code: Code,
    pub severity: Severity,
    pub about: About,
    pub stage: Stage,
}

macro_rules! registry {
    ($( $variant:ident $name:literal $severity:ident $about:ident $stage:expr; )*) => {
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
                        about: About::$about,
                        stage: $stage,
                    }),*
                }
            }
        }
    };
}

registry! {
    Syntax "syntax" Error Written Stage::Read;
    UnknownKey "unknown-key" Error Written Stage::Read;
    UnknownValue "unknown-value" Error Written Stage::Read;
    WrongType "wrong-type" Error Written Stage::Read;
    MissingField "missing-field" Error Written Stage::Read;
    OutOfRange "out-of-range" Error Written Stage::Read;
    ReadError "read-error" Error Written Stage::Read;
    NotDecimal "not-decimal" Error Written Stage::Resolve;
    DuplicateId "duplicate-id" Error Written Stage::Resolve;
    UnknownReference "unknown-reference" Error Written Stage::Resolve;
    AmbiguousName "ambiguous-name" Error Written Stage::Resolve;
    ActorTree "actor-tree" Error Written Stage::Resolve;
    ActorPayment "actor-payment" Error Written Stage::Resolve;
    InsatsActor "insats-actor" Error Written Stage::Resolve;
    UnitInvalid "unit-invalid" Error Written Stage::Resolve;
    NegativeAmount "negative-amount" Error Written Stage::Resolve;
    FinerThanUnit "finer-than-unit" Error Written Stage::Resolve;
    KeyDefinition "key-definition" Error Written Stage::Resolve;
    KeyFile "key-file" Error Written Stage::Resolve;
    KeyCoverage "key-coverage" Error Together Stage::Resolve;
    KeyFileTotal "key-file-total" Error Together Stage::Resolve;
    KeyPrecision "key-precision" Error Written Stage::Resolve;
    PercentSum "percent-sum" Error Together Stage::Resolve;
    PercentPrecision "percent-precision" Error Written Stage::Resolve;
    PercentNegative "percent-negative" Error Written Stage::Resolve;
    PopulationNotPositive "population-not-positive" Error Written Stage::Resolve;
    SplitInvalid "split-invalid" Error Written Stage::Resolve;
    SplitSum "split-sum" Error Together Stage::Resolve;
    SplitPrinted "split-printed" Error Written Stage::Resolve;
    HeadingCoverage "heading-coverage" Error Written Stage::Resolve;
    HeadingCycle "heading-cycle" Error Written Stage::Resolve;
    CountyTotal "county-total" Error Together Stage::Ledger(rules::areas_sum_to_county_total);
    AreaTotal "area-total" Error Together Stage::Ledger(rules::insatser_sum_to_area_amount);
    InsatserTotal "insatser-total" Error Together Stage::Ledger(rules::ledger_sums_to_county_total);
    NationalSplit "national-split" Error Together Stage::Ledger(rules::national_split_sums_to_total);
    StatedChange "stated-change" Error Together Stage::Ledger(rules::stated_change_matches_totals);
    StatedChangeUnchecked "stated-change-unchecked" Warning Written Stage::Ledger(rules::stated_change_is_checkable);
    EarmarksOverArea "earmarks-over-area" Error Together Stage::Ledger(rules::earmarks_fit_in_their_area);
    EarmarkTotal "earmark-total" Warning Together Stage::Ledger(rules::earmarks_match_tagged_insatser);
    KeyDate "key-date" Warning Written Stage::Ledger(rules::keys_are_recent);
    KeyRounding "key-rounding" Warning Together Stage::Ledger(rules::derived_percentages_keep_the_counts);
    KeyTotal "key-total" Error Together Stage::Ledger(key_totals::check);
    StatedTotal "stated-total" Error Together Stage::Ledger(rules::stated_totals_match);
    CountyName "county-name" Warning Written Stage::Ledger(rules::county_names_a_lan);
    KommunCounty "kommun-county" Error Written Stage::Ledger(rules::kommuner_lie_in_the_county);
    KommunCode "kommun-code" Warning Written Stage::Ledger(rules::kommuner_are_scbs);
    KommunMissing "kommun-missing" Warning Together Stage::Ledger(rules::county_kommuner_are_listed);
    PlanYear "plan-year" Error Written Stage::Ledger(rules::plan_year_is_a_year);
    DeadlineYear "deadline-year" Warning Written Stage::Ledger(rules::deadlines_in_their_years);
    DeadlineOrder "deadline-order" Warning Written Stage::Ledger(rules::deadlines_in_order);
    UnusedActor "unused-actor" Warning Together Stage::Ledger(rules::actors_are_used);
    NoFocusArea "no-focus-area" Warning Written Stage::Ledger(rules::insatser_have_focus_areas);
    AmountToFill "amount-to-fill" Error Written Stage::Ledger(rules::amounts_are_filled_in);
    DecomposedName "decomposed-name" Warning Written Stage::Ledger(crate::core::ledger::names::names_are_composed);
    KeySource "key-source" Warning Written Stage::Ledger(rules::key_sources_are_this_years);
    DecisionDate "decision-date" Warning Written Stage::Ledger(rules::decision_date_is_given);
    InvoiceCondition "invoice-condition" Warning Written Stage::Ledger(rules::invoice_by_has_its_condition);
    RevisionDate "revision-date" Error Written Stage::Ledger(rules::replaces_an_earlier_decision);
    ContactEmail "contact-email" Warning Written Stage::Ledger(rules::contact_emails_are_addresses);
    TableShape "table-shape" Error Written Stage::Ledger(tables::check);
    TableRowTotal "table-row-total" Error Row Stage::With(Code::TableShape);
    TableColumnTotal "table-column-total" Error Together Stage::With(Code::TableShape);
    TableTotal "table-total" Error Together Stage::With(Code::TableShape);
    TableCell "table-cell" Error Written Stage::With(Code::TableShape);
    CostSharingInvalid "cost-sharing-invalid" Error Written Stage::Ledger(cost_sharing::check);
    CostSharingRow "cost-sharing-row" Error Row Stage::With(Code::CostSharingInvalid);
    CostSharingRule "cost-sharing-rule" Warning Written Stage::With(Code::CostSharingInvalid);
    CostSharingOverhead "cost-sharing-overhead" Error Row Stage::With(Code::CostSharingInvalid);
    CostSharingTotal "cost-sharing-total" Error Together Stage::With(Code::CostSharingInvalid);
    CostSharingPercent "cost-sharing-percent" Error Together Stage::With(Code::CostSharingInvalid);
    CostSharingFeeds "cost-sharing-feeds" Error Together Stage::With(Code::CostSharingInvalid);
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
