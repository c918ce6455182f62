//! `allocate generate` (hidden; for the benchmarks): writes a generated national-scale plan
//! and the same money as journals (`output::generated`).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::app::Status;
use crate::app::error::Error;
use crate::app::files::{self, File};
use crate::core::finding::Findings;
use crate::core::ledger::Ledger;
use crate::input::plan::from_bytes;
use crate::output::generated::{Dialect, MAX_KOMMUNER, Spec, journal, plan};

/// The most insatser generated: 200 000 insatser over 290 kommuner are some 110 MB of TOML,
/// within what `check` reads (128 MiB); four billion (what the count's type holds) asked for
/// 300 GB at once.
const MAX_INSATSER: i64 = 200_000;

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Number of insatser (at most 200 000; the benchmarks go to 100 000).
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=MAX_INSATSER))]
    pub insatser: u32,
    /// Number of kommuner (at most 2 079: 99 in each of the 21 län).
    #[arg(long, default_value_t = 290, value_parser = clap::value_parser!(u16).range(1..=2079))]
    pub kommuner: u16,
    /// The seed: the same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// One-line texts instead of texts as long as the real plans'.
    #[arg(long)]
    pub short_texts: bool,
    /// Write the plan only, no journals.
    #[arg(long)]
    pub no_journals: bool,
    /// The folder to write `plan.toml`, `plan.journal` (hledger and ledger) and
    /// `plan.beancount` to.
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// Replace files that exist.
    #[arg(long)]
    pub force: bool,
}

/// Writes the files; their paths go to standard error, where the other commands tell the
/// files they write.
pub fn run(args: &GenerateArgs, err: &mut dyn Write) -> Result<Status, Error> {
    let spec = Spec {
        insatser: args.insatser as usize,
        kommuner: usize::from(args.kommuner).min(MAX_KOMMUNER),
        seed: args.seed,
        short_texts: args.short_texts,
    };
    let plan = plan(&spec);
    let mut written = vec![];
    if !args.no_journals {
        let path = args.output.join("plan.toml");
        let (_, parsed) =
            from_bytes(&path, plan.clone().into_bytes()).map_err(|e| Error::Load(Box::new(e)))?;
        let mut findings = Findings::default();
        let ledger = Ledger::build(&parsed, &[], &mut findings);
        written.push(File {
            name: "plan.journal".into(),
            bytes: journal(&ledger, Dialect::Ledger).into_bytes(),
        });
        written.push(File {
            name: "plan.beancount".into(),
            bytes: journal(&ledger, Dialect::Beancount).into_bytes(),
        });
    }
    written.insert(
        0,
        File {
            name: "plan.toml".into(),
            bytes: plan.into_bytes(),
        },
    );
    let paths = files::write_all(&args.output, &written, args.force)?;
    for path in paths {
        writeln!(err, "{}", path.display())?;
    }
    Ok(Status::Ok)
}
