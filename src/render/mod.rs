//! Renderers: thin views of the report data in `report`.

pub mod check_json;
pub mod checked;
pub mod csv;
pub mod diff_table;
pub mod github;
pub mod gitlab;
pub mod json;
pub mod sheet;
pub mod table;
pub mod xlsx;
