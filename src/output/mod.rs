//! Output: everything a person or another program reads, rendered from the core's data.

pub mod audit;
pub mod check_json;
pub mod checked;
pub mod csv;
pub mod diagnostic;
pub mod diff_table;
pub mod document;
pub mod followup;
pub mod form;
pub mod generated;
pub mod github;
pub mod gitlab;
pub mod grid;
pub mod json;
pub mod lang;
pub mod next_plan;
pub mod number;
pub mod sheet;
pub mod table;
pub mod words;
pub mod xlsx;
