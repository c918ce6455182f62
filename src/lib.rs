//! `allocate`: checks, splits and reports a county's yearly plan for the state grant for
//! mental health and suicide prevention.
//!
//! Layers, each using only the ones above it in this list:
//!
//! - `core`: money, the plan model as written, the ledger, splitting, checks and findings as
//!   data, report views as plain data. No clap, no files, no wording.
//! - `input`: reading plan files and SCB key files into the model; read errors as data.
//! - `output`: wording (Swedish and English side by side), number formatting, diagnostics,
//!   tables, CSV, XLSX, JSON and the CI formats.
//! - `app`: the command line, one module per command, writing files, the error type.

pub mod app;
pub mod core;
pub mod input;
pub mod output;

#[cfg(test)]
mod test_plans;
