//! Input: plan files and SCB population files, read into the core's model. Every reason a file
//! cannot be read is data, worded by `output`.

pub mod plan;
pub mod read;
pub mod scb;
