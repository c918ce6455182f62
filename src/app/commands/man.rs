//! `allocate man`: the man page, generated from the clap definition (the same doc comments
//! that make `--help`), with EXIT STATUS and ENVIRONMENT sections of its own. Without `--dir`
//! the page for `allocate` goes to standard output (`allocate man | man -l -`); with `--dir`
//! one page per command is written there (`allocate.1`, `allocate-check.1`, …), ready for
//! `/usr/local/share/man/man1`.

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

/// The sections clap does not know about, in roff: what the exit statuses mean and which
/// environment variables the program reads.
const EXTRA_SECTIONS: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Done; the plans have no errors (warnings allowed, unless \fB\-\-deny\-warnings\fR).
.TP
\fB1\fR
A plan has errors (or warnings under \fB\-\-deny\-warnings\fR). The status is the same when
standard output is closed early (\fBallocate check plan.toml | head\fR).
.TP
\fB2\fR
A file cannot be read, parsed or written, or the command line is wrong.
.SH ENVIRONMENT
.TP
\fBCOLUMNS\fR
The width tables are laid out for (at least 40); without it the terminal's width, else 80.
.TP
\fBNO_COLOR\fR
When set and not empty, \fB\-\-color auto\fR does not colour.
.TP
\fBGITHUB_STEP_SUMMARY\fR
With \fBcheck \-\-format github\fR, every finding is also appended to this file as a
Markdown table, errors first (GitHub Actions sets it for each step).
.TP
\fBCI_PROJECT_DIR\fR
With \fBcheck \-\-format gitlab\fR, paths are written relative to this folder (GitLab CI
sets it); without it, relative to the enclosing Git repository.
"#;

/// One page in roff: clap_mangen's page with `extra` inserted before its VERSION section
/// (or at the end when it has none).
fn page(man: &clap_mangen::Man, extra: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let mut rendered = Vec::new();
    man.render(&mut rendered)?;
    let text = String::from_utf8_lossy(&rendered);
    let at = text.find("\n.SH VERSION").map_or(text.len(), |i| i + 1);
    let (before, after) = text.split_at_checked(at).unwrap_or((&text, ""));
    out.write_all(before.as_bytes())?;
    if !before.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    out.write_all(extra.as_bytes())?;
    out.write_all(after.as_bytes())
}

/// The page goes to standard output; with `--dir`, the pages' paths go to standard error.
pub fn run(
    args: &ManArgs,
    command: clap::Command,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Status, Error> {
    let Some(dir) = &args.dir else {
        page(&clap_mangen::Man::new(command), EXTRA_SECTIONS, out)?;
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
    let main = clap_mangen::Man::new(command.clone());
    let path = dir.join(main.get_filename());
    let mut text = Vec::new();
    page(&main, EXTRA_SECTIONS, &mut text)?;
    std::fs::write(&path, text).map_err(write_error)?;
    writeln!(err, "{}", path.display())?;
    for sub in command.get_subcommands().cloned() {
        let path = clap_mangen::Man::new(sub)
            .generate_to(dir)
            .map_err(write_error)?;
        writeln!(err, "{}", path.display())?;
    }
    Ok(Status::Ok)
}
