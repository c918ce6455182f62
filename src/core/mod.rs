//! The core: money, the plan model, the ledger, splitting, checks and report views, as plain
//! data. Nothing here knows of clap, terminals, files or wording.

pub mod audit;
pub mod check;
pub mod counties;
pub mod diff;
pub mod finding;
pub mod followup;
pub mod ledger;
pub mod money;
pub mod parallel;
pub mod plan;
pub mod population;
pub mod report;
pub mod split;
pub mod text;
pub mod unreadable;
