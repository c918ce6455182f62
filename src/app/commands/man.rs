//! `allocate man`: the man page, generated from the clap definition (the same doc comments
//! that make `--help`). Without `--dir` the page for `allocate` goes to standard output
//! (`allocate man | man -l -`); with `--dir` one page per command is written there
//! (`allocate.1`, `allocate-check.1`, …), ready for `/usr/local/share/man/man1`.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::app::Status;
use crate::app::error::Error;

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write `allocate.1` and one page per command into this folder (created if missing).
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// The page goes to standard output; with `--dir`, the pages' paths go to standard error.
pub fn run(
    args: &ManArgs,
    command: clap::Command,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Status, Error> {
    let Some(dir) = &args.dir else {
        clap_mangen::Man::new(command).render(out)?;
        return Ok(Status::Ok);
    };
    let write_error = |error| Error::Write {
        path: dir.clone(),
        error,
    };
    std::fs::create_dir_all(dir).map_err(write_error)?;
    // Built, each command knows its display name (`allocate-check`), which names its page.
    let mut command = command.disable_help_subcommand(true);
    command.build();
    let mut pages = vec![command.clone()];
    pages.extend(command.get_subcommands().cloned());
    for page in pages {
        let path = clap_mangen::Man::new(page)
            .generate_to(dir)
            .map_err(write_error)?;
        writeln!(err, "{}", path.display())?;
    }
    Ok(Status::Ok)
}
