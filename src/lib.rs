//! `allocate`: checks, splits and reports a county's yearly plan for the state grant for
//! mental health and suicide prevention.

pub mod check;
pub mod cli;
pub mod commands;
pub mod diagnostic;
pub mod diff;
pub mod export;
pub mod finding;
pub mod lang;
pub mod money;
pub mod next_plan;
pub mod plan;
pub mod plan_paths;
pub mod render;
pub mod report;
pub mod resolve;
pub mod scb;
pub mod split;
