//! A document as GitHub-flavoured Markdown: headings, paragraphs and the same tables as pipe
//! tables (every row with as many cells as the header), for pasting and for review in pull
//! requests. A chart is given by its title and description: its figures are in the tables.

use std::fmt::Write as _;

use crate::output::document::{Block, Document, Figure, Mark, RowKind, Span, Table};

/// The whole document as Markdown.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "_{}_\n", inline(&doc.kicker));
    let _ = writeln!(out, "# {}\n", inline(&doc.title));
    if let Some(subtitle) = &doc.subtitle {
        let _ = writeln!(out, "{}\n", line_start(spans(subtitle)));
    }
    for (label, value) in &doc.meta {
        let _ = writeln!(out, "- **{}:** {}", inline(label), spans(value));
    }
    if !doc.meta.is_empty() {
        out.push('\n');
    }
    if let Some(status) = &doc.status {
        let _ = writeln!(out, "> {}\n", spans(&status.text));
    }
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text, .. } => {
                let hashes = "#".repeat(usize::from((*level).clamp(2, 4)));
                let _ = writeln!(out, "{hashes} {}\n", spans(text));
            }
            Block::Paragraph(content) => {
                let _ = writeln!(out, "{}\n", line_start(spans(content)));
            }
            Block::List(items) => {
                for item in items {
                    let _ = writeln!(out, "- {}", line_start(spans(item)));
                }
                out.push('\n');
            }
            Block::Table(table) => table_md(&mut out, table),
            Block::Chart(chart) => {
                let _ = writeln!(
                    out,
                    "_{}: {}_\n",
                    inline(&chart.title),
                    inline(&chart.description)
                );
            }
            Block::Findings(notes) => {
                for note in notes {
                    let origin = note.origin.as_ref().map_or_else(String::new, |(c, place)| {
                        format!(" {} {}", code(&format!("[{c}]")), code(place))
                    });
                    let _ = write!(
                        out,
                        "{}. **{}**{origin}: {}",
                        note.number,
                        inline(&note.label),
                        with_code(&note.message)
                    );
                    if let Some(figures) = &note.figures {
                        let _ = write!(out, " ({})", inline(figures));
                    }
                    if let Some(hint) = note.hint_line(doc.lang) {
                        let _ = write!(out, "  \n   {}", with_code(&hint));
                    }
                    out.push('\n');
                }
                out.push('\n');
            }
        }
    }
    let _ = writeln!(out, "---\n\n_{}_", inline(&doc.footer));
    out
}

fn table_md(out: &mut String, table: &Table) {
    if let Some(caption) = &table.caption {
        let _ = writeln!(out, "**{}**\n", inline(caption));
    }
    let headers: Vec<String> = table
        .columns
        .iter()
        .map(|c| cell(&inline(&c.header)))
        .collect();
    let _ = writeln!(out, "| {} |", headers.join(" | "));
    let rule: Vec<&str> = table
        .columns
        .iter()
        .map(|c| if c.numeric { "---:" } else { "---" })
        .collect();
    let _ = writeln!(out, "|{}|", rule.join("|"));
    for row in &table.rows {
        let mut cells: Vec<String> = table
            .columns
            .iter()
            .enumerate()
            .map(|(i, _)| {
                let text = row.cells.get(i).map_or_else(String::new, |c| spans(c));
                cell(&text)
            })
            .collect();
        match row.kind {
            RowKind::Total | RowKind::Group => {
                for c in cells
                    .iter_mut()
                    .filter(|c| !c.is_empty() && !c.contains("**"))
                {
                    *c = format!("**{c}**");
                }
            }
            RowKind::Indented => {
                if let Some(first) = cells.first_mut() {
                    *first = format!("– {first}");
                }
            }
            RowKind::Body => {}
        }
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
    for note in &table.notes {
        let _ = writeln!(out, "{}  ", spans(note));
    }
    if !table.notes.is_empty() {
        out.push('\n');
    }
}

/// Text for a table cell, from text already made [`inline`]: one line, pipes escaped. (Only
/// ASCII white space is folded: the no-break spaces inside amounts stay.)
pub fn cell(text: &str) -> String {
    let one_line: Vec<&str> = text.split_ascii_whitespace().collect();
    one_line.join(" ").replace('|', "\\|")
}

/// Text outside tables, and in them before [`cell`]: on one line (line breaks as spaces) with
/// control, bidi and zero-width characters shown as `<U+0001>`
/// ([`visible`](crate::output::text::visible)), and Markdown's own characters escaped where
/// they would act. Every text of a plan that goes into Markdown goes through here (`report`
/// and `diff`), so none can start a heading, a list, a table or an HTML tag.
pub fn inline(text: &str) -> String {
    let text = crate::output::text::visible(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Inline text that begins a line of its own (a paragraph, a list item): a first character
/// that would make it a list, a rule or a heading's underline is escaped as well.
fn line_start(text: String) -> String {
    let trimmed = text.trim_start_matches(' ');
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let marker = if digits > 0 {
        trimmed
            .get(digits..)
            .filter(|rest| rest.starts_with('.') || rest.starts_with(')'))
            .map(|_| digits)
    } else if trimmed.starts_with(['-', '+', '=']) {
        Some(0)
    } else {
        None
    };
    match marker.and_then(|at| trimmed.split_at_checked(at)) {
        Some((before, after)) => format!("{before}\\{after}"),
        None => trimmed.to_string(),
    }
}

/// A finding's text as inline Markdown, its code spans as code ([`super::code_spans`]).
fn with_code(text: &str) -> String {
    super::code_spans(text)
        .into_iter()
        .map(|(piece, is_code)| match is_code {
            true => code(piece),
            false => inline(piece),
        })
        .collect()
}

/// Text as inline code, in a run of backticks longer than any inside it, on one line and
/// made [`visible`](crate::output::text::visible).
pub fn code(text: &str) -> String {
    let text = crate::output::text::visible(text);
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

fn spans(content: &[Span]) -> String {
    content
        .iter()
        .map(|s| match s {
            Span::Text(t)
            | Span::Swedish {
                text: t,
                strong: false,
            } => inline(t),
            Span::Strong(t)
            | Span::Swedish {
                text: t,
                strong: true,
            } => format!("**{}**", inline(t)),
            Span::Figure(f) => figure(f),
        })
        .collect()
}

fn figure(f: &Figure) -> String {
    match &f.mark {
        Mark::None => f.text.clone(),
        Mark::Verified => format!("{} ✓", f.text),
        Mark::Finding { note, label, .. } => {
            format!("**{}** {} ({})", f.text, inline(note), inline(label))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_text_stays_on_its_line_with_hidden_characters_shown() {
        assert_eq!(
            inline("A\n---\n| a |\u{1}\u{1b}[2J\u{7f}\u{202e}\u{200b}"),
            "A --- | a |\\<U+0001\\>\\<U+001B\\>\\[2J\\<U+007F\\>\\<U+202E\\>\\<U+200B\\>"
        );
        assert_eq!(
            inline("<img src=x> `a` *b* _c_ [d](e) # ~f~ &lt; \\"),
            "\\<img src=x\\> \\`a\\` \\*b\\* \\_c\\_ \\[d\\](e) \\# \\~f\\~ \\&lt; \\\\"
        );
        assert_eq!(cell(&inline("a|b\tc")), "a\\|b c");
    }

    #[test]
    fn a_line_cannot_start_a_list_or_a_rule() {
        assert_eq!(line_start("---".to_string()), "\\---");
        assert_eq!(line_start("- a".to_string()), "\\- a");
        assert_eq!(line_start("+ a".to_string()), "\\+ a");
        assert_eq!(line_start("===".to_string()), "\\===");
        assert_eq!(line_start("12. a".to_string()), "12\\. a");
        assert_eq!(line_start("3) a".to_string()), "3\\) a");
        assert_eq!(line_start("    code".to_string()), "code");
        assert_eq!(line_start("12 689 898 kr".to_string()), "12 689 898 kr");
        assert_eq!(line_start("Region".to_string()), "Region");
    }

    #[test]
    fn code_spans_hold_backticks_and_hidden_characters() {
        assert_eq!(code("plan.toml"), "`plan.toml`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`a``"), "``` `a`` ```");
        assert_eq!(code("a\u{1b}\nb"), "`a<U+001B> b`");
    }
}
