//! `allocate check --format github`: GitHub Actions workflow commands, one line per finding
//! (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<code>::message`), so findings
//! show on the changed lines of a pull request; then one plain summary line.
//!
//! GitHub's escaping: in the message `%`, `\r` and `\n` become `%25`, `%0D` and `%0A`; in a
//! property `:` and `,` are escaped too. The message carries the figures and the hint on
//! lines of their own.

use crate::output::checked::{CheckedFile, Located, SeverityName, Summary};
use crate::output::lang::Lang;

pub fn render(files: &[CheckedFile], lang: Lang) -> String {
    let mut out = String::new();
    for finding in files.iter().flat_map(|f| &f.findings) {
        out.push_str(&command(finding, lang));
        out.push('\n');
    }
    out.push_str(&Summary::of(files).line(lang));
    out.push('\n');
    out
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

/// Escapes a message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
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
    }
}
