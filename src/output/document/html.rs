//! A document as one self-contained HTML file: the styles inline, the charts as inline SVG,
//! no scripts, no fonts, images or anything else fetched (a Content-Security-Policy says so
//! to the browser as well).
//!
//! It prints on A4 (a page break before each area and the larger sections, table headers
//! repeated on every page, rows kept whole) and reads on a phone (tables reflow into one
//! block per row, charts scroll inside their frame, the page itself never scrolls sideways).

use std::fmt::Write as _;

use crate::core::finding::Severity;
use crate::output::document::chart::escape;
use crate::output::document::{
    Block, Document, Figure, FindingNote, Mark, RowKind, Span, StatusKind, Table,
};
use crate::output::lang::Lang;

const STYLE: &str = r#"
:root { --ink: #1a1a1a; --muted: #5a5a5a; --rule: #d0d0d0; --band: #f4f6f8; --ok: #1d7a3a; --err: #b3261e; --warn: #8a5a00; --accent: #264653; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.5 "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; overflow-wrap: break-word; }
header { border-bottom: 3px solid var(--accent); padding-bottom: 1rem; margin-bottom: 1.5rem; }
.kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; color: var(--muted); margin: 0; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: .3rem 0 .4rem; }
.subtitle { color: var(--muted); margin: 0 0 1rem; }
dl.meta { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .15rem 1rem; margin: 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
.status { margin: 1rem 0 0; padding: .6rem .8rem; border-left: 4px solid var(--ok); background: #eef7f0; }
.status.warnings { border-color: var(--warn); background: #fdf6e7; }
.status.errors { border-color: var(--err); background: #fbeceb; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 2.2rem 0 .6rem; color: var(--accent); }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
p { margin: .5rem 0; }
ul, ol { padding-left: 1.4rem; }
.table-wrap { margin: .8rem 0 1.2rem; }
@media (min-width: 40.0625rem) { .table-wrap { overflow-x: auto; } }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: 0 0 .3rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .35rem .45rem; vertical-align: top; text-align: left; }
thead th { background: var(--band); border-bottom: 2px solid #9aa5b1; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.wide { min-width: 14rem; overflow-wrap: anywhere; }
tr.total td { font-weight: 600; border-top: 2px solid #9aa5b1; background: #fafafa; }
tr.group td { background: #f7f4ec; font-weight: 600; }
tr.indented td:first-child { padding-left: 1.6rem; }
.notes { font-size: .85rem; color: var(--muted); margin: -.8rem 0 1.2rem; }
.fig { white-space: nowrap; }
.mark { color: var(--ok); margin-left: .25em; font-weight: 700; }
.fig.err, .fig.warn { white-space: normal; }
.fig.err .value { color: var(--err); font-weight: 700; text-decoration: underline wavy var(--err); }
.fig.warn .value { color: var(--warn); font-weight: 700; }
.note { display: block; font-size: .8rem; font-weight: 600; white-space: normal; }
.fig.err .note { color: var(--err); }
.fig.warn .note { color: var(--warn); }
ol.findings { padding-left: 0; list-style: none; }
ol.findings li { border-left: 4px solid var(--err); background: #fbeceb; padding: .5rem .8rem; margin: .5rem 0; }
ol.findings li.warning { border-color: var(--warn); background: #fdf6e7; }
ol.findings code { font-size: .85rem; }
.finding-extra { display: block; color: var(--muted); font-size: .9rem; }
figure.chart { margin: 1rem 0 1.5rem; }
.chart-scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; border: 1px solid var(--rule); }
.chart-scroll svg { display: block; width: 100%; height: auto; min-width: 40rem; }
figcaption { font-size: .85rem; color: var(--muted); margin-top: .3rem; }
footer { margin-top: 3rem; padding-top: .8rem; border-top: 1px solid var(--rule); font-size: .8rem; color: var(--muted); }
@media (max-width: 40rem) {
  main { padding: 1rem .75rem 2rem; }
  h1 { font-size: 1.35rem; }
  dl.meta { grid-template-columns: minmax(0, 1fr); }
  dl.meta dd { margin-bottom: .3rem; }
  table, tbody, tr, td { display: block; width: 100%; }
  thead { display: none; }
  caption { display: block; }
  tr { border: 1px solid var(--rule); border-radius: 4px; margin: 0 0 .6rem; padding: .2rem 0; }
  td { border: 0; display: grid; grid-template-columns: 42% minmax(0, 1fr); gap: .5rem; padding: .2rem .6rem; overflow-wrap: anywhere; }
  td::before { content: attr(data-label); color: var(--muted); font-weight: 400; }
  td:empty { display: none; }
  td.num { text-align: left; white-space: normal; }
  td.wide { min-width: 0; }
  tr.indented td:first-child { padding-left: .6rem; }
  tr.total td { border-top: 0; }
}
@page { size: A4; margin: 16mm 14mm 16mm 14mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  .new-page { break-before: page; }
  h2, h3, caption { break-after: avoid; }
  thead { display: table-header-group; }
  tr, li, figure.chart, .status { break-inside: avoid; }
  table { font-size: 8.5pt; }
  .chart-scroll, .table-wrap { overflow: visible; border: 0; }
  .chart-scroll svg { min-width: 0; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// A draft's line at the top of every printed page, in the page's margin (`@top-center`,
/// drawn by Chromium and so Chrome and Edge; a browser that draws no margin boxes prints the
/// `<title>`, which says "Utkast", in its own header instead). Nothing on the screen.
/// The line is the program's own words, with no quote or backslash to escape.
fn running_style(line: &str) -> String {
    format!(
        "@page {{ @top-center {{ content: \"{line}\"; color: #b3261e; font: 700 9pt \"Segoe UI\", \"Helvetica Neue\", Arial, \"DejaVu Sans\", sans-serif; }} }}\n"
    )
}

/// Each printed page's number at its foot (`Sida 3 av 24`, `@bottom-center`, drawn where
/// margin boxes are, as for the draft's line), so that a page can be cited and put back in
/// order.
fn page_numbers(lang: crate::output::lang::Lang) -> String {
    let (page, of) = crate::output::words::document::page_of(lang);
    format!(
        "@page {{ @bottom-center {{ content: \"{page}\" counter(page) \"{of}\" counter(pages); color: #5a5a5a; font: 8pt \"Segoe UI\", \"Helvetica Neue\", Arial, \"DejaVu Sans\", sans-serif; }} }}\n"
    )
}

/// The whole document as HTML.
pub fn render(doc: &Document) -> String {
    let lang = doc.lang;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"generator\" content=\"allocate {}\">\n<title>{}</title>\n<style>{STYLE}{}{}</style>\n</head>\n<body>\n<main>\n",
        lang.code(),
        env!("CARGO_PKG_VERSION"),
        escape(&doc.file_title()),
        page_numbers(lang),
        doc.running_line().map_or_else(String::new, running_style)
    );
    out.push_str("<header>\n");
    let _ = writeln!(out, "<p class=\"kicker\">{}</p>", escape(&doc.kicker));
    let _ = writeln!(out, "<h1>{}</h1>", escape(&doc.title));
    if let Some(subtitle) = &doc.subtitle {
        let _ = writeln!(out, "<p class=\"subtitle\">{}</p>", spans(subtitle, lang));
    }
    if !doc.meta.is_empty() {
        out.push_str("<dl class=\"meta\">\n");
        for (label, value) in &doc.meta {
            let _ = writeln!(
                out,
                "<dt>{}</dt><dd>{}</dd>",
                escape(label),
                spans(value, lang)
            );
        }
        out.push_str("</dl>\n");
    }
    if let Some(status) = &doc.status {
        let class = match status.kind {
            StatusKind::Verified => "verified",
            StatusKind::Warnings => "warnings",
            StatusKind::Errors => "errors",
        };
        let _ = writeln!(
            out,
            "<p class=\"status {class}\" role=\"status\">{}</p>",
            spans(&status.text, lang)
        );
    }
    out.push_str("</header>\n");
    let mut open_section = false;
    for block in &doc.blocks {
        if let Block::Heading {
            level: 2,
            id,
            new_page,
            ..
        } = block
        {
            if open_section {
                out.push_str("</section>\n");
            }
            let class = if *new_page { " class=\"new-page\"" } else { "" };
            let _ = writeln!(out, "<section id=\"{}\"{class}>", escape(id));
            open_section = true;
        }
        block_html(&mut out, block, lang);
    }
    if open_section {
        out.push_str("</section>\n");
    }
    let _ = writeln!(out, "<footer>{}</footer>", escape(&doc.footer));
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn block_html(out: &mut String, block: &Block, lang: Lang) {
    match block {
        Block::Heading {
            level, text, id, ..
        } => {
            let level = (*level).clamp(2, 4);
            let _ = writeln!(
                out,
                "<h{level} id=\"h-{}\">{}</h{level}>",
                escape(id),
                spans(text, lang)
            );
        }
        Block::Paragraph(content) => {
            let _ = writeln!(out, "<p>{}</p>", spans(content, lang));
        }
        Block::List(items) => {
            out.push_str("<ul>\n");
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", spans(item, lang));
            }
            out.push_str("</ul>\n");
        }
        Block::Table(table) => table_html(out, table, lang),
        Block::Chart(chart) => {
            let _ = writeln!(
                out,
                "<figure class=\"chart\" id=\"chart-{}\">\n<div class=\"chart-scroll\">{}</div>\n<figcaption><strong>{}.</strong> {}</figcaption>\n</figure>",
                escape(&chart.id),
                chart.svg,
                escape(&chart.title),
                escape(&chart.description)
            );
        }
        Block::Findings(notes) => {
            out.push_str("<ol class=\"findings\">\n");
            for note in notes {
                finding_html(out, note, lang);
            }
            out.push_str("</ol>\n");
        }
    }
}

fn finding_html(out: &mut String, note: &FindingNote, lang: Lang) {
    let class = match note.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let origin = note
        .origin
        .as_ref()
        .map_or_else(String::new, |(code, place)| {
            format!(
                " <code>[{}]</code> <code>{}</code>",
                escape(code),
                escape(place)
            )
        });
    let _ = write!(
        out,
        "<li id=\"{}\" class=\"{class}\"><strong>{}</strong>{origin}<br>{}",
        note.anchor(),
        escape(&note.label),
        with_code(&note.message)
    );
    if let Some(figures) = &note.figures {
        let _ = write!(
            out,
            "<span class=\"finding-extra\">{}</span>",
            escape(figures)
        );
    }
    if let Some(hint) = note.hint_line(lang) {
        let _ = write!(
            out,
            "<span class=\"finding-extra\">{}</span>",
            with_code(&hint)
        );
    }
    out.push_str("</li>\n");
}

/// A finding's text escaped, its code spans set as code ([`super::code_spans`]).
fn with_code(text: &str) -> String {
    super::code_spans(text)
        .into_iter()
        .map(|(piece, code)| match code {
            true => format!("<code>{}</code>", escape(piece)),
            false => escape(piece),
        })
        .collect()
}

fn table_html(out: &mut String, table: &Table, lang: Lang) {
    out.push_str("<div class=\"table-wrap\">\n<table>\n");
    if let Some(caption) = &table.caption {
        let _ = writeln!(out, "<caption>{}</caption>", escape(caption));
    }
    out.push_str("<thead><tr>");
    for column in &table.columns {
        let class = if column.numeric { " class=\"num\"" } else { "" };
        let _ = write!(
            out,
            "<th scope=\"col\"{class}>{}</th>",
            escape(&column.header)
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        let class = match row.kind {
            RowKind::Body => "",
            RowKind::Indented => " class=\"indented\"",
            RowKind::Group => " class=\"group\"",
            RowKind::Total => " class=\"total\"",
        };
        let _ = write!(out, "<tr{class}>");
        for (cell, column) in row.cells.iter().zip(&table.columns) {
            let mut classes = Vec::new();
            if column.numeric {
                classes.push("num");
            }
            if column.wide {
                classes.push("wide");
            }
            let class = if classes.is_empty() {
                String::new()
            } else {
                format!(" class=\"{}\"", classes.join(" "))
            };
            if cell.is_empty() {
                let _ = write!(out, "<td{class}></td>");
            } else {
                let _ = write!(
                    out,
                    "<td{class} data-label=\"{}\">{}</td>",
                    escape(&column.header),
                    spans(cell, lang)
                );
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    if !table.notes.is_empty() {
        out.push_str("<div class=\"notes\">");
        for note in &table.notes {
            let _ = write!(out, "<div>{}</div>", spans(note, lang));
        }
        out.push_str("</div>\n");
    }
}

fn spans(content: &[Span], lang: Lang) -> String {
    content.iter().map(|s| span(s, lang)).collect()
}

fn span(content: &Span, lang: Lang) -> String {
    match content {
        Span::Text(t) => escape(t),
        Span::Strong(t) => format!("<strong>{}</strong>", escape(t)),
        Span::Swedish { text, strong } => {
            let element = if *strong { "strong" } else { "span" };
            match (lang, strong) {
                (Lang::Sv, false) => escape(text),
                (Lang::Sv, true) => format!("<strong>{}</strong>", escape(text)),
                _ => format!(
                    "<{element} lang=\"{}\">{}</{element}>",
                    Lang::Sv.code(),
                    escape(text)
                ),
            }
        }
        Span::Figure(f) => figure(f, lang),
    }
}

fn figure(f: &Figure, lang: Lang) -> String {
    let value = escape(&f.text);
    match &f.mark {
        Mark::None => format!("<span class=\"fig\">{value}</span>"),
        Mark::Verified => format!(
            "<span class=\"fig ok\" title=\"{}\">{value}<span class=\"mark\" aria-label=\"{}\">✓</span></span>",
            lang.pick(
                "Kontrollerad: stämmer med beräkningen",
                "Checked: matches the computation"
            ),
            lang.pick("kontrollerad", "checked")
        ),
        Mark::Finding {
            severity,
            numbers,
            note,
            label,
        } => {
            let class = match severity {
                Severity::Error => "err",
                Severity::Warning => "warn",
            };
            let text = format!("{} ({})", escape(note), escape(label));
            let note = match numbers.first() {
                Some(n) => format!("<a class=\"note\" href=\"#finding-{n}\">{text}</a>"),
                None => format!("<span class=\"note\">{text}</span>"),
            };
            format!("<span class=\"fig {class}\"><span class=\"value\">{value}</span>{note}</span>")
        }
    }
}
