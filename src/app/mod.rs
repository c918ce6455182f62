//! The application: the command line, one module per command, writing files, and the one
//! error type. `main` is the only place where outcomes become exit statuses: 0 when nothing
//! is wrong (warnings allowed), 1 when a plan has errors, 2 when a file cannot be read or
//! written or the command line is wrong. Messages go to standard error; standard output
//! carries only what was asked for.

pub mod cli;
pub mod commands;
pub mod error;
pub mod files;
pub mod options;
pub mod plan_paths;

use std::io::Write;
use std::process::ExitCode;

use crate::app::cli::{Cli, Command};
use crate::app::error::Error;

/// The outcome of a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Done; no errors (warnings allowed).
    Ok = 0,
    /// A plan has errors.
    Findings = 1,
    /// A file cannot be read, parsed or written, or the command line is wrong.
    Failure = 2,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        ExitCode::from(status as u8)
    }
}

/// Standard output that a reader may close early (`allocate check … | head`): once the pipe is
/// closed, what is left is dropped quietly, and the command still runs to the end, so that its
/// exit status reports what it found.
pub struct Pipe<W: Write> {
    inner: W,
    closed: bool,
}

impl<W: Write> Pipe<W> {
    pub fn new(inner: W) -> Pipe<W> {
        Pipe {
            inner,
            closed: false,
        }
    }

    fn absorb(&mut self, result: std::io::Result<()>) -> std::io::Result<()> {
        match result {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }
}

impl<W: Write> Write for Pipe<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !self.closed {
            let result = self.inner.write_all(buf);
            self.absorb(result)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.absorb(result)
    }
}

/// The command this process's command line gives (`report` in `allocate --lang en report
/// plan.toml`), for a message about a file that names the command it was given to; `None`
/// when there is none.
pub fn given_command() -> Option<String> {
    let mut words = std::env::args_os().skip(1);
    while let Some(word) = words.next() {
        let text = word.to_string_lossy();
        // The one option that may come before the command, and its value.
        if text == "--lang" {
            words.next();
        } else if !text.starts_with('-') {
            return Some(text.into_owned());
        }
    }
    None
}

/// Runs a parsed command line: what was asked for to `out`, messages to `err`.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<Status, Error> {
    use clap::CommandFactory;
    // A limit on the files read that is no limit is refused before any file is read, as a
    // wrong command line is; the commands that read no file do not look at it.
    if !matches!(
        cli.command,
        Command::Completions(_) | Command::Man(_) | Command::Generate(_) | Command::Explain(_)
    ) {
        crate::input::read::max_file_setting().map_err(Error::MaxFileVar)?;
    }
    match cli.command {
        Command::Check(args) => commands::check::run(&args, out, err),
        Command::Report(args) => commands::report::run(&args, out, err),
        Command::Export(args) => commands::export::run(&args, out, err),
        Command::Split(args) => commands::split::run(&args, out, err),
        Command::Diff(args) => commands::diff::run(&args, out, err),
        Command::Init(args) => commands::init::run(&args, out, err),
        Command::FollowUp(args) => commands::followup::run(&args, out, err),
        Command::Explain(args) => commands::explain::run(&args, out),
        Command::Completions(args) => commands::completions::run(&args, Cli::command(), out),
        Command::Man(args) => commands::man::run(&args, Cli::command(), out, err),
        Command::Generate(args) => commands::generate::run(&args, err),
    }
}

/// Parses the process's arguments, runs the command and reports its outcome.
pub fn main() -> ExitCode {
    // A language that is none is refused before the command line is parsed (clap would name
    // `--lang`, which the user did not write), in Swedish and then in English, since it does
    // not say which the user reads (`EN`); not when a `--lang` on the line makes it unused.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let (false, Err(value)) = (
        crate::app::cli::lang_given(&args),
        crate::output::lang::Lang::from_environment(),
    ) {
        let mut said = String::new();
        for lang in [crate::output::lang::Lang::Sv, crate::output::lang::Lang::En] {
            let style = crate::output::diagnostic::Style { lang, color: false };
            said.push_str(&Error::LangVar(value.clone()).render(style));
        }
        let _ = std::io::stderr().write_all(said.as_bytes());
        return Status::Failure.into();
    }
    let cli = match crate::app::cli::parse() {
        Ok(cli) => cli,
        Err((e, lang)) => {
            let text = crate::app::cli::usage_error(&e, lang);
            if e.use_stderr() {
                // What the command line held is quoted as written; an escape code in it is
                // named (`per<U+001B>[2J`), not sent to the terminal.
                let lines: Vec<_> = text.split('\n').map(crate::output::text::named).collect();
                let _ = std::io::stderr().write_all(lines.join("\n").as_bytes());
                return Status::Failure.into();
            }
            // `--help` and `--version` are output: one that cannot be written (a full disk)
            // fails as any other output does; a reader that stops early does not.
            let mut out = Pipe::new(std::io::stdout().lock());
            return match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Ok(()) => Status::Ok.into(),
                Err(error) => {
                    let style = crate::output::diagnostic::Style { lang, color: false };
                    let _ =
                        std::io::stderr().write_all(Error::Output(error).render(style).as_bytes());
                    Status::Failure.into()
                }
            };
        }
    };
    crate::app::files::ignore_file_size_signal();
    crate::app::files::clean_up_when_interrupted();
    let style = cli.style();
    let mut out = Pipe::new(std::io::stdout().lock());
    let mut err = Pipe::new(std::io::stderr().lock());
    let result = run(cli, &mut out, &mut err).and_then(|status| {
        out.flush()?;
        Ok(status)
    });
    match result {
        Ok(status) => status.into(),
        Err(error) => {
            let _ = err.write_all(error.render(style).as_bytes());
            let _ = err.flush();
            error.status().into()
        }
    }
}
