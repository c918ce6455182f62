//! Integration tests: the real binary on the real plans and on broken copies of them.

// Tests may unwrap and index: a panic is a failed test, not a crash in front of a user.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod agreement;
mod checks;
mod ci;
mod conservation;
mod corpus;
mod decimals;
mod diff;
mod documents;
mod export;
mod followup;
mod format;
mod fuzz_seeds;
mod generate;
mod init;
mod input;
mod keys;
mod layers;
mod ledger;
mod panic;
mod plans;
mod properties;
mod readme;
mod report;
mod scb_shapes;
mod shapes;
mod split;
mod support;
mod tables;
mod terminal;
mod usage;
