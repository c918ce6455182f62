//! Input: plan files, SCB population files and usage files (the follow-up's forms), read into the core's model. Every reason a file
//! cannot be read is data, worded by `output`.

pub mod given_plan;
pub mod ods;
pub mod plan;
pub mod radix;
pub mod read;
pub mod scb;
pub mod usage;
pub mod workbook;
