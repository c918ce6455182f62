//! `allocate check --format github`: GitHub Actions workflow commands, one line per finding
//! (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<code>::message`), so findings
//! show on the changed lines of a pull request; then one plain summary line.
//!
//! GitHub's escaping: in the message `%`, `\r` and `\n` become `%25`, `%0D` and `%0A`; in a
//! property `:` and `,` are escaped too. The message carries the figures and the hint on
//! lines of their own. A finding repeated more than [`REPEATS_SHOWN`] times in a file is
//! annotated that many times and the rest counted in one `::notice`.
//!
//! [`step_summary`] is the same as a Markdown table for the job summary.
//!
//! [`REPEATS_SHOWN`]: crate::output::checked::REPEATS_SHOWN

use crate::output::checked::{CheckedFile, Located, SeverityName, Summary, bounded};
use crate::output::document::markdown;
use crate::output::lang::Lang;
use crate::output::text::{hidden, push_name, short};
use crate::output::words::findings::summary_left_out;

pub fn render(files: &[CheckedFile], lang: Lang) -> String {
    let mut out = String::new();
    for file in files {
        // GitHub shows only the first few annotations of a step: a finding repeated thousands
        // of times is annotated a hundred times, then counted in one notice.
        let (shown, left_out) = bounded(&file.findings, code_of);
        for finding in shown {
            out.push_str(&command(finding, lang));
            out.push('\n');
        }
        for left_out in left_out {
            // At the first left out, as `--format gitlab` places its count: a key file's
            // line, else the plan (review s38).
            let first = left_out.first(&file.findings).map(|f| f.annotated(lang));
            let place = match first.as_ref() {
                Some(a) if a.file != file.file => {
                    let line = a.line.map(|l| format!(",line={l}")).unwrap_or_default();
                    format!("{}{line}", property(a.file))
                }
                _ => property(&file.file),
            };
            out.push_str(&format!(
                "::notice file={place},title={}::{}\n",
                property(&left_out.code),
                data(&left_out.line(lang))
            ));
        }
    }
    out.push_str(&Summary::of(files).line(lang));
    out.push('\n');
    out
}

fn code_of(finding: &Located) -> (&str, bool) {
    (
        finding.code.as_str(),
        finding.severity == SeverityName::Error,
    )
}

/// The most GitHub takes in a job summary: a larger one is refused and nothing of it shown.
pub const SUMMARY_LIMIT: u64 = 1 << 20;

/// The most characters of a cell (a message, a hint, a place) in the job summary: a label of
/// megabytes is cut to this, with `…`.
pub const CELL_CHARS: usize = 500;

/// The job summary (`$GITHUB_STEP_SUMMARY`): every finding of every file as one Markdown
/// table, errors first, then the summary line. GitHub shows only ten annotations of each kind
/// per step; the table shows the rest. GitHub refuses a summary over [`SUMMARY_LIMIT`], so
/// repeats are bounded as in the annotations, each cell is cut to [`CELL_CHARS`], and rows
/// stop before the file (`already` bytes from earlier steps, plus this text) would pass the
/// limit; one line then counts the findings left out.
pub fn step_summary(files: &[CheckedFile], lang: Lang, already: u64) -> String {
    // Each row with the number of findings it stands for.
    let mut rows: Vec<(bool, String, usize)> = Vec::new();
    for file in files {
        let (shown, left_out) = bounded(&file.findings, code_of);
        for finding in shown {
            let error = finding.severity == SeverityName::Error;
            let annotated = finding.annotated(lang);
            let place = match (annotated.line, annotated.columns) {
                (Some(line), Some((column, _))) => format!("{}:{line}:{column}", annotated.file),
                (Some(line), None) => format!("{}:{line}", annotated.file),
                _ => annotated.file.to_string(),
            };
            // A message cut short keeps its figures.
            let mut message = cell(&annotated.message);
            if let Some(figures) = &finding.figures {
                message.push_str(&format!(" ({})", cell(&figures.text(lang))));
            }
            rows.push((
                error,
                format!(
                    "| {} | {} | {} | {} | {} |",
                    severity_word(error, lang),
                    code_span(&finding.code),
                    code_span(&place),
                    message,
                    cell(finding.hint.as_deref().unwrap_or("")),
                ),
                1,
            ));
        }
        for left_out in left_out {
            rows.push((
                left_out.error,
                format!(
                    "| {} | {} | {} | {} | |",
                    severity_word(left_out.error, lang),
                    code_span(&left_out.code),
                    code_span(&file.file),
                    cell(&left_out.line(lang)),
                ),
                left_out.count,
            ));
        }
    }
    // Errors first; within each kind, the order of the output.
    rows.sort_by_key(|(error, _, _)| !*error);
    let mut out = format!(
        "### allocate check\n\n{}\n\n",
        Summary::of(files).line(lang)
    );
    if rows.is_empty() {
        return out;
    }
    let head = format!(
        "{}|---|---|---|---|---|\n",
        lang.pick(
            "| Typ | Kod | Plats | Fynd | Åtgärd |\n",
            "| Kind | Code | Place | Finding | Help |\n",
        )
    );
    let room = usize::try_from(SUMMARY_LIMIT.saturating_sub(already)).unwrap_or(usize::MAX);
    let table: usize = rows.iter().map(|(_, row, _)| row.len() + 1).sum();
    // `out`, the table and the blank line after it.
    let whole = out.len() + head.len() + table + 1;
    let mut left_out = 0;
    if whole <= room {
        out.push_str(&head);
        for (_, row, _) in &rows {
            out.push_str(row);
            out.push('\n');
        }
    } else {
        // Room for the line that counts what is left out, at its longest.
        let all: usize = rows.iter().map(|(_, _, n)| n).sum();
        let note = summary_left_out(all, lang).len() + 2;
        let mut used = out.len() + head.len() + 1 + note;
        // In order: once a row does not fit, it and every row after it are left out.
        let mut table = String::new();
        for (_, row, n) in &rows {
            // The row and its line end.
            let bytes = row.len() + 1;
            if left_out == 0 && used + bytes <= room {
                used += bytes;
                table.push_str(row);
                table.push('\n');
            } else {
                left_out += n;
            }
        }
        if !table.is_empty() {
            out.push_str(&head);
            out.push_str(&table);
        }
    }
    if !out.ends_with("\n\n") {
        out.push('\n');
    }
    if left_out > 0 {
        out.push_str(&summary_left_out(left_out, lang));
        out.push_str("\n\n");
    }
    out
}

fn severity_word(error: bool, lang: Lang) -> &'static str {
    let severity = if error {
        crate::core::finding::Severity::Error
    } else {
        crate::core::finding::Severity::Warning
    };
    crate::output::words::codes::severity(severity, lang)
}

/// A Markdown table cell: at most [`CELL_CHARS`] characters, control and invisible characters
/// named (`<U+001B>`) as on screen, no line breaks, no column separators, no HTML.
fn cell(text: &str) -> String {
    short(text, CELL_CHARS)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
}

/// A Markdown code span in a table cell, cut and made visible as [`cell`], its column
/// separators escaped (GitHub reads `\|` as `|` inside a code span in a table), fenced as the
/// documents fence theirs ([`markdown::code`]): a file named ``tick`name.toml`` stays one
/// span. Nothing is escaped as HTML: a code span shows `<` as it is.
fn code_span(text: &str) -> String {
    let text = short(text, CELL_CHARS).replace('|', "\\|");
    if text.is_empty() {
        return String::new();
    }
    markdown::code(&text)
}

/// One workflow command.
pub fn command(finding: &Located, lang: Lang) -> String {
    let name = match finding.severity {
        SeverityName::Error => "error",
        SeverityName::Warning => "warning",
    };
    let place = finding.annotated(lang);
    let mut properties = vec![format!("file={}", property(place.file))];
    if let Some(line) = place.line {
        properties.push(format!("line={line}"));
        // GitHub takes columns only for an annotation on one line.
        let one_line = place.end_line == Some(line);
        let columns = place.columns.filter(|_| one_line);
        if let Some((col, _)) = columns {
            properties.push(format!("col={col}"));
        }
        if let Some(end_line) = place.end_line {
            properties.push(format!("endLine={end_line}"));
        }
        if let Some((_, end_column)) = columns {
            properties.push(format!("endColumn={end_column}"));
        }
    }
    properties.push(format!("title={}", property(&finding.code)));
    let mut message = place.message;
    if let Some(figures) = &finding.figures {
        message.push('\n');
        message.push_str(&format!("{}: {}", figures.label(lang), figures.text(lang)));
    }
    if let Some(hint) = &finding.hint {
        message.push('\n');
        message.push_str(&format!("{}: {hint}", lang.pick("åtgärd", "help")));
    }
    format!("::{name} {}::{}", properties.join(","), data(&message))
}

/// Escapes a message: `%`, CR and LF as GitHub reads them back, and any other control or
/// invisible character by its name (`<U+001B>`), as the terminal output shows it, so that an
/// escape code in a plan does not colour or rewrite the workflow's log.
fn data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if hidden(c) => push_name(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_github_rules() {
        assert_eq!(data("50 % av\nbeloppet\r"), "50 %25 av%0Abeloppet%0D");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
        // An escape code or a bell from a plan's text is named, not passed to the log.
        assert_eq!(data("x\u{1b}[31my\u{7}"), "x<U+001B>[31my<U+0007>");
        assert_eq!(property("a\u{1b}b"), "a<U+001B>b");
    }

    #[test]
    fn a_code_span_is_fenced_longer_than_any_backticks_inside() {
        assert_eq!(code_span("plan.toml:1:2"), "`plan.toml:1:2`");
        assert_eq!(code_span("tick`name.toml"), "``tick`name.toml``");
        assert_eq!(code_span("a``b`"), "``` a``b` ```");
        assert_eq!(code_span("a|b\u{1b}"), "`a\\|b<U+001B>`");
    }
}
