//! PC-Axis files (`.px`), as Statistikdatabasen and PX-Web save them: keywords
//! `KEYWORD[lang]("sub key")=value;` with quoted texts and lists, and last `DATA=` with one
//! figure per combination of the `STUB` and then the `HEADING` variables, the last varying
//! fastest, separated by spaces (or commas, semicolons, tabs), missing figures as quoted dots.
//! `VALUES("v")` are the texts of variable `v`, `CODES("v")` its codes, `TIMEVAL("v")` marks
//! the time variable and `CONTVARIABLE` the contents. Keywords in another language (`[en]`)
//! are skipped; a file whose data rows carry their own keys (`KEYS`) is refused.

use std::collections::HashSet;

use super::cube::{self, Cube, CubeDimension, Lines, Role};
use super::table::{Failure, Read};
use crate::core::population::{CubeProblem, FileFormat, TextEncoding};

const FORMAT: &str = "PC-Axis";

/// Whether the text is a PC-Axis file: a line that starts `DATA=`, after keywords that name
/// the variables; or, cut short before its `DATA`, a file that starts with a keyword
/// (`CHARSET="ANSI";`) and names its variables, so that it is told as a PC-Axis file without
/// `DATA`, not as a CSV file without a header.
pub(super) fn looks_like(text: &str) -> bool {
    let mut variables = false;
    for line in text.lines().map(str::trim_start) {
        if line.starts_with("STUB") || line.starts_with("HEADING") || line.starts_with("VALUES(") {
            variables = true;
        }
        if line.starts_with("DATA=") || line.starts_with("DATA =") {
            return variables;
        }
    }
    variables
        && text
            .lines()
            .map(|l| l.trim_start_matches('\u{feff}').trim())
            .find(|l| !l.is_empty())
            .is_some_and(starts_with_keyword)
}

/// Whether a line is a PC-Axis keyword's: a name in capitals (`CHARSET`, `AXIS-VERSION`),
/// perhaps a language and sub keys, then `=`.
fn starts_with_keyword(line: &str) -> bool {
    let name_end = line
        .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'))
        .unwrap_or(line.len());
    let rest = line.get(name_end..).unwrap_or("");
    name_end > 0 && (rest.starts_with('=') || rest.starts_with('[') || rest.starts_with('('))
}

/// One keyword: its name, sub keys and values, and the line it starts on.
struct Keyword {
    line: usize,
    name: String,
    language: bool,
    sub: Vec<String>,
    values: Vec<String>,
}

pub(super) fn read(
    text: String,
    encoding: TextEncoding,
    column: Option<&str>,
) -> Result<Read, Failure> {
    let problem = |line, problem| cube::failure(FORMAT, line, problem);
    let (keywords, data) = keywords(&text);
    let Some((data_line, data_at)) = data else {
        return Err(problem(None, CubeProblem::NoData));
    };
    let find = |name: &str, sub: Option<&str>| {
        keywords.iter().find(|k| {
            k.name == name
                && !k.language
                && sub.is_none_or(|s| k.sub.first().is_some_and(|x| x == s))
        })
    };
    if let Some(k) = keywords.iter().find(|k| k.name == "KEYS") {
        return Err(problem(Some(k.line), CubeProblem::Keys));
    }
    let stub = find("STUB", None)
        .map(|k| k.values.clone())
        .unwrap_or_default();
    let heading = find("HEADING", None)
        .map(|k| k.values.clone())
        .unwrap_or_default();
    let contents = find("CONTVARIABLE", None).and_then(|k| k.values.first().cloned());
    let mut dimensions = Vec::new();
    for variable in stub.iter().chain(&heading) {
        let Some(values) = find("VALUES", Some(variable)) else {
            return Err(problem(
                Some(data_line),
                CubeProblem::Dimension(variable.clone()),
            ));
        };
        let texts = values.values.clone();
        let codes =
            find("CODES", Some(variable)).map_or_else(|| texts.clone(), |k| k.values.clone());
        let role = if find("TIMEVAL", Some(variable)).is_some() {
            Role::Time
        } else if contents.as_ref() == Some(variable) {
            Role::Contents
        } else {
            Role::Unknown
        };
        dimensions.push(CubeDimension {
            id: variable.clone(),
            label: variable.clone(),
            codes,
            texts,
            role,
        });
    }
    let (values, lines) = figures(&text, data_at, data_line);
    // `DATA`, the last keyword, ends with `;` as every keyword does: a file without it was
    // cut short, perhaps inside its last figure (`64977` read as `649`).
    if !text.get(data_at..).is_some_and(|data| {
        data.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{1a}')
            .ends_with(';')
    }) {
        let last = lines.last().copied().unwrap_or(data_line);
        return Err(problem(Some(last), CubeProblem::DataNotEnded));
    }
    let title = find("TITLE", None).map(|k| k.values.concat());
    let (table, column) = cube::table(
        Cube {
            format: FORMAT,
            dimensions,
            values,
            lines: Lines::PerValue(lines),
            line: data_line,
        },
        column,
    )?;
    Ok(Read {
        format: FileFormat::PcAxis { encoding },
        text,
        title,
        header_line: data_line,
        column,
        table,
    })
}

/// The keywords before `DATA`, and where `DATA`'s figures start (line, byte).
#[allow(clippy::type_complexity)]
fn keywords(text: &str) -> (Vec<Keyword>, Option<(usize, usize)>) {
    let mut out = Vec::new();
    let mut line = 1usize;
    let mut at = 0usize;
    let bytes = text.as_bytes();
    let mut seen: HashSet<(String, bool, Vec<String>)> = HashSet::new();
    while at < bytes.len() {
        // Skip white space between keywords.
        while let Some(&c) = bytes.get(at) {
            if !c.is_ascii_whitespace() {
                break;
            }
            if c == b'\n' {
                line += 1;
            }
            at += 1;
        }
        let start_line = line;
        // The keyword's head, up to `=` (outside quotes).
        let mut head = String::new();
        let mut in_quotes = false;
        let mut found_equals = false;
        while let Some(c) = text.get(at..).and_then(|t| t.chars().next()) {
            at += c.len_utf8();
            if c == '\n' {
                line += 1;
            }
            if c == '"' {
                in_quotes = !in_quotes;
            }
            if c == '=' && !in_quotes {
                found_equals = true;
                break;
            }
            if c == ';' && !in_quotes {
                break;
            }
            head.push(c);
        }
        if !found_equals {
            continue;
        }
        let (name, language, sub) = parse_head(&head);
        if name == "DATA" {
            return (out, Some((start_line, at)));
        }
        // The values, up to `;` (outside quotes).
        let mut value = String::new();
        let mut in_quotes = false;
        while let Some(c) = text.get(at..).and_then(|t| t.chars().next()) {
            at += c.len_utf8();
            if c == '\n' {
                line += 1;
            }
            if c == '"' {
                in_quotes = !in_quotes;
            }
            if c == ';' && !in_quotes {
                break;
            }
            value.push(c);
        }
        let values = parse_values(&value);
        // The first of a keyword given twice counts.
        if seen.insert((name.clone(), language, sub.clone())) {
            out.push(Keyword {
                line: start_line,
                name,
                language,
                sub,
                values,
            });
        }
    }
    (out, None)
}

/// `VALUES[en]("region")` → ("VALUES", true, ["region"]).
fn parse_head(head: &str) -> (String, bool, Vec<String>) {
    let head = head.trim();
    let name_end = head.find(['[', '(']).unwrap_or(head.len());
    let name = head.get(..name_end).unwrap_or("").trim().to_uppercase();
    let rest = head.get(name_end..).unwrap_or("");
    let language = rest.starts_with('[');
    let sub = match (rest.find('('), rest.rfind(')')) {
        (Some(open), Some(close)) if open < close => {
            parse_values(rest.get(open + 1..close).unwrap_or(""))
        }
        _ => Vec::new(),
    };
    (name, language, sub)
}

/// `"a","b"` → [a, b]; `"long ""text"` over lines joined; `TLIST(A1),"2024"` keeps the quoted
/// items; a bare word is itself.
fn parse_values(value: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut in_quotes = false;
    let mut bare = String::new();
    for c in value.chars() {
        match c {
            '"' => {
                in_quotes = !in_quotes;
                quoted = true;
            }
            ',' if !in_quotes => {
                if quoted {
                    items.push(std::mem::take(&mut current));
                } else if !bare.trim().is_empty() {
                    items.push(bare.trim().to_string());
                }
                bare.clear();
                quoted = false;
            }
            _ if in_quotes => current.push(c),
            '\r' | '\n' => {}
            _ if !quoted => bare.push(c),
            _ => {}
        }
    }
    if quoted {
        items.push(current);
    } else if !bare.trim().is_empty() {
        items.push(bare.trim().to_string());
    }
    // TIMEVAL's `TLIST(A1)` is not a value.
    items.retain(|i| !i.starts_with("TLIST("));
    items
}

/// The figures after `DATA=` and the line of each.
fn figures(text: &str, from: usize, mut line: usize) -> (Vec<String>, Vec<usize>) {
    let mut values = Vec::new();
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut in_quotes = false;
    for c in text.get(from..).unwrap_or("").chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            // A DOS end-of-file mark (`^Z`) after the last figure is no figure.
            c if !in_quotes && (c.is_whitespace() || matches!(c, ',' | ';' | '\u{1a}')) => {
                if !current.is_empty() {
                    values.push(std::mem::take(&mut current));
                    lines.push(line);
                }
                if c == '\n' {
                    line += 1;
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        values.push(current);
        lines.push(line);
    }
    (values, lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_and_values_are_read_as_written() {
        assert_eq!(
            parse_head("VALUES(\"region\")"),
            ("VALUES".to_string(), false, vec!["region".to_string()])
        );
        assert!(parse_head("VALUES[en](\"region\")").1);
        assert_eq!(parse_values("\"a\",\"b, c\""), ["a", "b, c"]);
        assert_eq!(parse_values("\"long \"\r\n\"text\""), ["long text"]);
        assert_eq!(parse_values("TLIST(A1),\"2024\""), ["2024"]);
        assert_eq!(parse_values("2010"), ["2010"]);
    }

    #[test]
    fn figures_carry_their_lines_and_quoted_dots() {
        let (values, lines) = figures("\n1 2\n\"..\" 4;\n", 0, 1);
        assert_eq!(values, ["1", "2", "..", "4"]);
        assert_eq!(lines, [2, 2, 3, 3]);
    }
}
