//! Renderers: thin views of the report data in `report`.

pub mod table;
