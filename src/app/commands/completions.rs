//! `allocate completions SHELL`: shell completions generated from the clap definition, so
//! they always match the commands and options of this build.
//!
//! ```sh
//! allocate completions bash > ~/.local/share/bash-completion/completions/allocate
//! allocate completions zsh > ~/.zfunc/_allocate
//! allocate completions fish > ~/.config/fish/completions/allocate.fish
//! allocate completions powershell >> $PROFILE
//! ```

use std::io::Write;

use clap::Args;
use clap_complete::Shell;

use crate::app::Status;
use crate::app::error::Error;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Completions for `command` (the whole command line, which `app` passes in).
pub fn run(
    args: &CompletionsArgs,
    mut command: clap::Command,
    out: &mut dyn Write,
) -> Result<Status, Error> {
    let name = command.get_name().to_string();
    // clap_complete offers hidden subcommands too (`generate`, for the benchmarks): complete
    // a copy of the command line with only the visible ones.
    if command.get_subcommands().any(clap::Command::is_hide_set) {
        let visible: Vec<clap::Command> = command
            .get_subcommands()
            .filter(|c| !c.is_hide_set())
            .cloned()
            .collect();
        command = clap::Command::new(env!("CARGO_PKG_NAME"))
            .version(env!("CARGO_PKG_VERSION"))
            .args(command.get_arguments().cloned())
            .subcommands(visible);
    }
    // clap_complete panics when its writer fails (a reader that closes the pipe early, as
    // `allocate completions zsh | head` does): generate into memory, then write through `out`.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, name, &mut script);
    out.write_all(&script)?;
    Ok(Status::Ok)
}
