//! `allocate check --format json`: every file and finding as one JSON document, schema
//! `allocate-check/1` (documented field by field in the README). The version changes only
//! when a field is removed or changes meaning; new fields may be added within a version.

use serde::Serialize;

use crate::output::checked::{CheckedFile, Summary};
use crate::output::lang::Lang;

/// The schema name and version that every document carries.
pub const SCHEMA: &str = "allocate-check/1";

#[derive(Serialize)]
struct Document<'a> {
    schema: &'static str,
    tool: Tool,
    lang: &'static str,
    deny_warnings: bool,
    files: &'a [CheckedFile],
    summary: Summary,
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
        files,
        summary: Summary::of(files),
    };
    // Plain structs of strings and integers cannot fail to serialize; were it to happen,
    // an empty object is still valid JSON for the reader.
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}
