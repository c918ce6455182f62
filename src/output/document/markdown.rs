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
        let _ = writeln!(out, "{}\n", inline(subtitle));
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
                let _ = writeln!(out, "{hashes} {}\n", inline(text));
            }
            Block::Paragraph(content) => {
                let _ = writeln!(out, "{}\n", spans(content));
            }
            Block::List(items) => {
                for item in items {
                    let _ = writeln!(out, "- {}", spans(item));
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
                    let _ = write!(
                        out,
                        "{}. **{}** `[{}]` `{}`: {}",
                        note.number,
                        inline(&note.label),
                        note.code,
                        note.place,
                        inline(&note.message)
                    );
                    if let Some(figures) = &note.figures {
                        let _ = write!(out, " ({})", inline(figures));
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
    let headers: Vec<String> = table.columns.iter().map(|c| cell(&c.header)).collect();
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
        let _ = writeln!(out, "{}  ", inline(note));
    }
    if !table.notes.is_empty() {
        out.push('\n');
    }
}

/// Text for a table cell: one line, pipes escaped. (Only ASCII white space is folded: the
/// no-break spaces inside amounts stay.)
fn cell(text: &str) -> String {
    let one_line: Vec<&str> = text.split_ascii_whitespace().collect();
    one_line.join(" ").replace('|', "\\|")
}

/// Text outside tables, with Markdown's own characters escaped where they would act.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn spans(content: &[Span]) -> String {
    content
        .iter()
        .map(|s| match s {
            Span::Text(t) => inline(t),
            Span::Strong(t) => format!("**{}**", inline(t)),
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
