//! One module per subcommand, and what they share: loading a plan and reporting why it
//! could not be loaded.

pub mod check;
pub mod report;
pub mod split;

use std::io::Write;
use std::path::Path;

use crate::diagnostic::{Style, render_load_error};
use crate::plan::{self, Plan, Source};

/// Loads a plan; when it cannot be read or parsed, says why on `out` and returns `None`.
pub fn load(
    path: &Path,
    style: Style,
    out: &mut dyn Write,
) -> std::io::Result<Option<(Source, Plan)>> {
    match plan::load(path) {
        Ok(loaded) => Ok(Some(loaded)),
        Err(error) => {
            writeln!(out, "{}", render_load_error(&error, style))?;
            writeln!(
                out,
                "{}: {}\n",
                path.display(),
                style.lang.pick("kunde inte läsas", "could not be read")
            )?;
            Ok(None)
        }
    }
}
