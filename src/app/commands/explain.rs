//! `allocate explain [CODE]`: what a finding's code means, of `check` or of `follow-up`
//! (`stated-total`, or as a finding shows it, `fel[stated-total]:`), what it does to the
//! command, and every code when none is given; in Swedish, or English with `--lang en`.

use std::io::Write;

use clap::Args;

use crate::app::Status;
use crate::app::error::Error;
use crate::app::options::Common;
use crate::output::words::codes::AnyCode;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The code to explain, as `check` shows it (`stated-total`, `error[stated-total]` or
    /// in Swedish `fel[stated-total]`); every code when none is given.
    #[arg(value_name = "CODE")]
    pub code: Option<String>,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(args: &ExplainArgs, out: &mut dyn Write) -> Result<Status, Error> {
    let lang = args.common.lang;
    let width = usize::from(crate::output::table::terminal_width());
    let codes: Vec<AnyCode> = match &args.code {
        Some(written) => vec![code(written)?],
        None => AnyCode::all().collect(),
    };
    let text: Vec<String> = codes
        .iter()
        .map(|&code| crate::output::words::codes::explained(code, width, lang))
        .collect();
    out.write_all(text.join("\n").as_bytes())?;
    Ok(Status::Ok)
}

/// The code `written` names: as it is written (`stated-total`) or as a finding's header shows
/// it (`fel[stated-total]`, `warning[key-date]`), case aside, also with the colon that follows
/// it on a finding's line (`fel[key-file]:`, copied with it).
fn code(written: &str) -> Result<AnyCode, Error> {
    let trimmed = written.trim();
    let trimmed = trimmed.strip_suffix(':').map_or(trimmed, str::trim_end);
    let bare = match (trimmed.find('['), trimmed.strip_suffix(']')) {
        (Some(open), Some(inner)) => inner.get(open + 1..).unwrap_or(inner),
        _ => trimmed,
    };
    let bare = bare.to_ascii_lowercase();
    AnyCode::all().find(|c| c.as_str() == bare).ok_or_else(|| {
        let names: Vec<&str> = AnyCode::all().map(AnyCode::as_str).collect();
        // A suggestion looks past what is around a code (`fel[key-file]::`, `key-file,`).
        let within = match (bare.find('['), bare.rfind(']')) {
            (Some(open), Some(close)) if open < close => bare.get(open + 1..close),
            _ => None,
        };
        let within = within
            .unwrap_or(&bare)
            .trim_matches(|c: char| !c.is_ascii_alphanumeric());
        Error::UnknownCode {
            code: written.to_string(),
            suggestion: crate::core::text::suggest(within, &names),
        }
    })
}
