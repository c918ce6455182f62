//! The application: the command line, the commands, and writing files.

pub mod cli;
pub mod commands;
pub mod files;
pub mod plan_paths;
