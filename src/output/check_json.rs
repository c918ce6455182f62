//! `allocate check --format json`: every file and its findings as one JSON document, schema
//! `allocate-check/2` (documented field by field in the README): the first 100 findings of
//! each code, as on screen, and a count of the rest (version 1 listed every one, so that a
//! plan of millions of errors gave hundreds of megabytes). The version changes only when a
//! field is removed or changes meaning; new fields may be added within a version.

use serde::Serialize;

use crate::output::checked::{CheckedFile, Located, SeverityName, Summary, bounded};
use crate::output::lang::Lang;

/// The schema name and version that every document carries.
pub const SCHEMA: &str = "allocate-check/2";

#[derive(Serialize)]
struct Document<'a> {
    schema: &'static str,
    tool: Tool,
    lang: &'static str,
    deny_warnings: bool,
    files: Vec<File<'a>>,
    summary: Summary,
}

/// A checked file, its repeated findings bounded.
#[derive(Serialize)]
struct File<'a> {
    #[serde(flatten)]
    checked: &'a CheckedFile,
    findings: Vec<&'a Located>,
    /// Per code with more than [`crate::output::checked::REPEATS_SHOWN`] findings, how many
    /// more there are, in the order the codes first appear.
    left_out: Vec<LeftOut>,
}

#[derive(Serialize)]
struct LeftOut {
    code: String,
    severity: SeverityName,
    count: usize,
}

impl<'a> File<'a> {
    fn of(file: &'a CheckedFile) -> File<'a> {
        let (findings, left_out) = bounded(&file.findings, |f| {
            (f.code.as_str(), f.severity == SeverityName::Error)
        });
        File {
            checked: file,
            findings,
            left_out: left_out
                .into_iter()
                .map(|l| LeftOut {
                    severity: match l.error {
                        true => SeverityName::Error,
                        false => SeverityName::Warning,
                    },
                    code: l.code,
                    count: l.count,
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

/// The document, pretty-printed, with a final newline.
pub fn render(files: &[CheckedFile], deny_warnings: bool, lang: Lang) -> String {
    let document = Document {
        schema: SCHEMA,
        tool: Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        },
        lang: match lang {
            Lang::Sv => "sv",
            Lang::En => "en",
        },
        deny_warnings,
        files: files.iter().map(File::of).collect(),
        summary: Summary::of(files),
    };
    // Plain structs of strings and integers cannot fail to serialize; were it to happen,
    // an empty object is still valid JSON for the reader.
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}
