//! The parsing floor for the benchmarks (BENCHMARKS.md): reads a file and parses it into a
//! `toml::Table` with the same `toml` crate `allocate` uses, and nothing else.
//!
//! `cargo run --release --example parse_floor -- plan.toml`

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: parse_floor FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{}: {e}", path.to_string_lossy());
            return ExitCode::from(2);
        }
    };
    match text.parse::<toml::Table>() {
        Ok(table) => {
            println!("{} keys", table.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}
