//! Following up the year: what each recipient reports it used of the money it received, matched
//! to the ledger line it belongs to (by recipient and insats id), and every reason a report
//! cannot be trusted, as findings.
//!
//! The reports arrive as forms (CSV, XLSX) or a TOML file; `input::usage` reads them into
//! `UsageFile`s, every value with its place in its file. Matching never guesses: a row whose
//! insats id does not belong to its recipient, or whose form was changed where it should not
//! have been (the amount received, the insats id), is reported and its figure is not booked.
//! The summary (`summary`) is built from what was booked; it reconciles to the krona with the
//! ledger because every ledger line is either reported (used + unused = received) or counted
//! as not reported.
//!
//! A module for each part: `file` is the usage file as read, `problem` the codes and findings,
//! `matching` the usage matched to the ledger (`follow_up`), and `recognise` what a form
//! writes in words (the county and year of its title, an amount's unit, a plan's text as the
//! form shows it); `reallocation` what a recipient's unused money on one line covers of what
//! it used above what it received on another line of the same focus areas; `form` makes the
//! forms and `summary` the year-end summary.

mod file;
pub mod form;
mod matching;
mod problem;
pub mod reallocation;
mod recognise;
pub mod summary;

pub use file::{
    At, BadAmount, Beyond, Claim, Entry, Layout, Overflow, Place, Stamp, StampKind, Undated,
    UsageFile, UsageRow, Written,
};
pub use matching::{Booked, FollowUp, Options, Reallocation, follow_up};
pub use problem::{Figures, Location, Moved, UsageCode, UsageFinding, UsageProblem};
pub use recognise::other_unit;
