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
use crate::output::lang::Lang;
use crate::output::table::{hidden, push_name};

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
            out.push_str(&format!(
                "::notice file={},title={}::{}\n",
                property(&file.file),
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

/// The job summary (`$GITHUB_STEP_SUMMARY`): every finding of every file as one Markdown
/// table, errors first, then the summary line. GitHub shows only ten annotations of each kind
/// per step; the table shows the rest (repeats bounded as in the annotations, since GitHub
/// refuses a summary over 1 MiB).
pub fn step_summary(files: &[CheckedFile], lang: Lang) -> String {
    let mut rows: Vec<(bool, String)> = Vec::new();
    for file in files {
        let (shown, left_out) = bounded(&file.findings, code_of);
        for finding in shown {
            let error = finding.severity == SeverityName::Error;
            let place = match (finding.line, finding.column) {
                (Some(line), Some(column)) => format!("{}:{line}:{column}", finding.file),
                (Some(line), None) => format!("{}:{line}", finding.file),
                _ => finding.file.clone(),
            };
            let mut message = finding.message.clone();
            if let Some(figures) = &finding.figures {
                message.push_str(&format!(" ({})", figures.text(lang)));
            }
            rows.push((
                error,
                format!(
                    "| {} | `{}` | `{}` | {} | {} |",
                    severity_word(error, lang),
                    finding.code,
                    cell(&place),
                    cell(&message),
                    cell(finding.hint.as_deref().unwrap_or("")),
                ),
            ));
        }
        for left_out in left_out {
            rows.push((
                left_out.error,
                format!(
                    "| {} | `{}` | `{}` | {} | |",
                    severity_word(left_out.error, lang),
                    left_out.code,
                    cell(&file.file),
                    cell(&left_out.line(lang)),
                ),
            ));
        }
    }
    // Errors first; within each kind, the order of the output.
    rows.sort_by_key(|(error, _)| !*error);
    let mut out = format!(
        "### allocate check\n\n{}\n\n",
        Summary::of(files).line(lang)
    );
    if !rows.is_empty() {
        out.push_str(lang.pick(
            "| Typ | Kod | Plats | Fynd | Åtgärd |\n",
            "| Kind | Code | Place | Finding | Help |\n",
        ));
        out.push_str("|---|---|---|---|---|\n");
        for (_, row) in rows {
            out.push_str(&row);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

fn severity_word(error: bool, lang: Lang) -> &'static str {
    match error {
        true => lang.pick("fel", "error"),
        false => lang.pick("varning", "warning"),
    }
}

/// A Markdown table cell: no line breaks, no column separators, no HTML.
fn cell(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}

/// One workflow command.
pub fn command(finding: &Located, lang: Lang) -> String {
    let name = match finding.severity {
        SeverityName::Error => "error",
        SeverityName::Warning => "warning",
    };
    let mut properties = vec![format!("file={}", property(&finding.file))];
    if let Some(line) = finding.line {
        properties.push(format!("line={line}"));
        // GitHub takes columns only for an annotation on one line.
        let one_line = finding.end_line == Some(line);
        if let (Some(col), true) = (finding.column, one_line) {
            properties.push(format!("col={col}"));
        }
        if let Some(end_line) = finding.end_line {
            properties.push(format!("endLine={end_line}"));
        }
        if let (Some(end_column), true) = (finding.end_column, one_line) {
            properties.push(format!("endColumn={end_column}"));
        }
    }
    properties.push(format!("title={}", property(&finding.code)));
    let mut message = finding.message.clone();
    if let Some(figures) = &finding.figures {
        message.push('\n');
        message.push_str(&format!(
            "{}: {}",
            lang.pick("belopp", "figures"),
            figures.text(lang)
        ));
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
}
