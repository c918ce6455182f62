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
use crate::app::files::{self, File};
use crate::output::lang::Lang;

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write `allocate.1` and one page per command into this folder (created if missing).
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Replace pages that already exist in the folder.
    #[arg(long, requires = "dir")]
    pub force: bool,
    /// Language of messages (the pages themselves are in English); without it, ALLOCATE_LANG
    /// in the environment, else sv.
    // The help says the default in words: `[default: sv]` would leave out ALLOCATE_LANG.
    #[arg(long, value_enum, default_value_t = Lang::Sv, hide_default_value = true)]
    pub lang: Lang,
}

/// The sections clap does not know about, in roff: what the exit statuses mean and which
/// environment variables the program reads.
const EXTRA_SECTIONS: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Done; the plans have no errors (warnings allowed, unless \fB\-\-deny\-warnings\fR).
.TP
\fB1\fR
A plan has errors (or warnings under \fB\-\-deny\-warnings\fR); \fBreport\fR, \fBexport\fR,
\fBdiff\fR and \fBfollow\-up\fR then produce nothing, except a document of \fBreport\fR,
which is written as a draft.
\fBdiff\fR and \fBreport \-\-previous\fR also when the new plan's statements about the old
one disagree with it, \fBfollow\-up\fR when the usage files have errors. The status is the
same when standard output is closed early (\fBallocate check plan.toml | head\fR).
.TP
\fB2\fR
A file named on the command line cannot be read, parsed or written (a key file that a plan
names is the plan's error \fBkey\-file\fR, status 1), the command line is wrong, or a file would be
overwritten without \fB\-\-force\fR; also an internal error (a bug), after a short apology
that says how to report it.
.TP
\fB130\fR
Interrupted (Ctrl\-C, SIGTERM, SIGHUP); a file being written is not left behind.
.SH ENVIRONMENT
.TP
\fBALLOCATE_MAX_FILE_MB\fR
The largest plan or key file read, in MiB (default 128): a whole number, at least 1; any
other value is refused (exit status 2).
.TP
\fBALLOCATE_LANG\fR
\fBen\fR or \fBsv\fR: the language of a command given no \fB\-\-lang\fR, of its help and of the errors of a command line that does not parse (\fB\-\-lang\fR on the line wins, and the variable is then not looked at); unset or empty, Swedish; any other value is refused (exit status 2) when no \fB\-\-lang\fR is given.
.TP
\fBCOLUMNS\fR
The width tables are laid out for (at least 40); without it the terminal's width, else 80.
.TP
\fBNO_COLOR\fR
When set and not empty, \fB\-\-color auto\fR does not colour.
.TP
\fBTERM\fR
When \fBdumb\fR, \fB\-\-color auto\fR does not colour.
.TP
\fBGITHUB_STEP_SUMMARY\fR
With \fBcheck \-\-format github\fR, every finding is also appended to this file as a
Markdown table, errors first (GitHub Actions sets it for each step), within the 1 MiB GitHub
takes; only a regular file is written to (made when missing). One that cannot be written (a
folder, a named pipe, a device, a full disk) is a warning on standard error: the annotations
and the exit status stay as they are, and a write that fails is taken back.
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

/// The page goes to standard output; with `--dir`, the pages are written whole or not at all
/// (an existing page is replaced only with `--force`, never through a link), and each page
/// written is named on standard error as the other commands name their files.
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
    // Built, each command knows its display name (`allocate-check`), which names its page.
    let mut command = command.disable_help_subcommand(true);
    command.build();
    let main = clap_mangen::Man::new(command.clone());
    let mut pages = vec![File {
        name: main.get_filename(),
        bytes: Vec::new(),
    }];
    if let Some(first) = pages.first_mut() {
        page(&main, EXTRA_SECTIONS, &mut first.bytes)?;
    }
    // A hidden command (the benchmarks' `generate`) has no page, as it has no line in `--help`.
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        let man = clap_mangen::Man::new(sub.clone());
        let mut bytes = Vec::new();
        man.render(&mut bytes)?;
        pages.push(File {
            name: man.get_filename(),
            bytes,
        });
    }
    for path in files::write_all(dir, &pages, args.force)? {
        files::tell_written(err, &path, args.lang)?;
    }
    Ok(Status::Ok)
}
