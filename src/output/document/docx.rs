//! A document as Word (DOCX), written with `docx-rs`: real Word tables (header rows that
//! repeat on every page, rows kept whole, amounts right-aligned), headings in Word's own
//! heading styles (`Heading1`–`Heading3`, so the navigation pane, a table of contents and the
//! region's template pick them up), A4 pages, and the charts as PNG pictures drawn from the
//! same SVG as the HTML (`png`).
//!
//! `docx-rs` does not write `w:tblHeader`; header rows are marked with a row height no other
//! row has and that mark is turned into `w:tblHeader` in the finished XML. Nor can it set the
//! title, author or language of the document properties (it writes "unknown" and 1970-01-01),
//! or the language of text: `docProps/core.xml` is written here ([`core_properties`]) and the
//! language (`sv-SE`, `en-GB`) added to the styles' default run properties, so Word checks the
//! spelling in Swedish.

use docx_rs::{
    AlignmentType, BreakType, Docx, HeightRule, LineSpacing, LineSpacingType, PageMargin,
    Paragraph, Pic, Run, RunFonts, Shading, Style, StyleType, Table as WordTable, TableCell,
    TableLayoutType, TableRow, WidthType,
};

use crate::core::finding::Severity;
use crate::output::document::png::{self, RenderError};
use crate::output::document::{
    Block, Chart, Document, Figure, FindingNote, Mark, RowKind, Span, Table,
};
use crate::output::lang::Lang;

/// A4 in twentieths of a point, and the margins.
const PAGE_WIDTH: u32 = 11_906;
const PAGE_HEIGHT: u32 = 16_838;
const MARGIN: i32 = 1_134;
/// The width between the margins, in twentieths of a point.
const TEXT_WIDTH: usize = 9_638;
/// English Metric Units per twentieth of a point.
const EMU_PER_TWIP: u64 = 635;
/// The row height that marks a header row until it becomes `w:tblHeader`.
const HEADER_MARK: u32 = 7;

const OK: &str = "1D7A3A";
const ERROR: &str = "B3261E";
const WARNING: &str = "8A5A00";
const MUTED: &str = "5A5A5A";
const ACCENT: &str = "264653";

/// Why a DOCX could not be written.
#[derive(Debug)]
pub enum DocxError {
    Chart(RenderError),
    Zip(String),
}

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocxError::Chart(e) => write!(f, "chart: {}", e.0),
            DocxError::Zip(e) => write!(f, "zip: {e}"),
        }
    }
}

/// A run of text. Every text goes into the document through here: control, bidi and
/// zero-width characters and noncharacters are shown as `<U+0001>` ([`visible`](crate::output::table::visible)),
/// as XML cannot hold most of them (Word calls such a file corrupt); `docx-rs` escapes the rest.
fn run(text: impl AsRef<str>) -> Run {
    Run::new().add_text(crate::output::table::visible(text.as_ref()))
}

/// The whole document as DOCX bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>, DocxError> {
    let lang = doc.lang;
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN),
        )
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .cs("Calibri")
                .east_asia("Calibri"),
        )
        .default_size(20)
        .default_line_spacing(
            LineSpacing::new()
                .after(100)
                .line(260)
                .line_rule(LineSpacingType::Auto),
        );
    for style in styles() {
        docx = docx.add_style(style);
    }
    docx = docx
        .add_paragraph(Paragraph::new().add_run(run(&doc.kicker).color(MUTED).size(18)))
        .add_paragraph(Paragraph::new().style("Title").add_run(run(&doc.title)));
    if let Some(subtitle) = &doc.subtitle {
        docx = docx.add_paragraph(Paragraph::new().style("Subtitle").add_run(run(subtitle)));
    }
    for (label, value) in &doc.meta {
        let mut p = Paragraph::new().add_run(run(format!("{label}: ")).bold());
        for run in runs(value, lang) {
            p = p.add_run(run);
        }
        docx = docx.add_paragraph(p);
    }
    if let Some(status) = &doc.status {
        let mut p = Paragraph::new().style("Status");
        for run in runs(&status.text, lang) {
            p = p.add_run(run);
        }
        docx = docx.add_paragraph(p);
    }
    for block in &doc.blocks {
        docx = block_docx(docx, block, lang)?;
    }
    docx = docx.add_paragraph(Paragraph::new().add_run(run(&doc.footer).color(MUTED).size(16)));
    let mut xml = docx.build();
    xml.document = mark_header_rows(&xml.document);
    xml.styles = default_language(&xml.styles, lang);
    xml.doc_props.core = core_properties(doc);
    let mut bytes = std::io::Cursor::new(Vec::new());
    xml.pack(&mut bytes)
        .map_err(|e| DocxError::Zip(e.to_string()))?;
    Ok(bytes.into_inner())
}

fn styles() -> Vec<Style> {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(size)
            .bold()
            .color(ACCENT)
            .outline_lvl(level)
    };
    vec![
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(40)
            .bold(),
        Style::new("Subtitle", StyleType::Paragraph)
            .name("Subtitle")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(22)
            .color(MUTED),
        heading("Heading1", "heading 1", 30, 0),
        heading("Heading2", "heading 2", 24, 1),
        heading("Heading3", "heading 3", 21, 2),
        Style::new("Caption", StyleType::Paragraph)
            .name("caption")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(18)
            .bold(),
        Style::new("Status", StyleType::Paragraph)
            .name("Status")
            .based_on("Normal")
            .size(20)
            .color(ACCENT),
    ]
}

fn block_docx(docx: Docx, block: &Block, lang: Lang) -> Result<Docx, DocxError> {
    Ok(match block {
        Block::Heading {
            level,
            text,
            new_page,
            ..
        } => {
            let style = match level {
                0..=2 => "Heading1",
                3 => "Heading2",
                _ => "Heading3",
            };
            docx.add_paragraph(
                Paragraph::new()
                    .style(style)
                    .page_break_before(*new_page)
                    .keep_next(true)
                    .add_run(run(text)),
            )
        }
        Block::Paragraph(content) => {
            let mut p = Paragraph::new();
            for run in runs(content, lang) {
                p = p.add_run(run);
            }
            docx.add_paragraph(p)
        }
        Block::List(items) => {
            let mut docx = docx;
            for item in items {
                let mut p = Paragraph::new().add_run(run("•  "));
                for run in runs(item, lang) {
                    p = p.add_run(run);
                }
                docx = docx.add_paragraph(p);
            }
            docx
        }
        Block::Table(table) => table_docx(docx, table, lang),
        Block::Chart(chart) => chart_docx(docx, chart)?,
        Block::Findings(notes) => {
            let mut docx = docx;
            for note in notes {
                docx = docx.add_paragraph(finding(note, lang));
            }
            docx
        }
    })
}

fn finding(note: &FindingNote, lang: Lang) -> Paragraph {
    let colour = match note.severity {
        Severity::Error => ERROR,
        Severity::Warning => WARNING,
    };
    let mut p = Paragraph::new()
        .add_run(run(&note.label).bold().color(colour))
        .add_run(run(format!(" [{}] {}", note.code, note.place)))
        .add_run(Run::new().add_break(BreakType::TextWrapping))
        .add_run(run(&note.message));
    if let Some(figures) = &note.figures {
        p = p
            .add_run(Run::new().add_break(BreakType::TextWrapping))
            .add_run(run(figures).color(MUTED));
    }
    if !note.hint.is_empty() {
        p = p
            .add_run(Run::new().add_break(BreakType::TextWrapping))
            .add_run(run(format!("{}: {}", lang.pick("Åtgärd", "Fix"), note.hint)).color(MUTED));
    }
    p
}

fn chart_docx(docx: Docx, chart: &Chart) -> Result<Docx, DocxError> {
    let (bytes, width, height) = png::render(chart).map_err(DocxError::Chart)?;
    let width_emu = TEXT_WIDTH as u64 * EMU_PER_TWIP;
    let height_emu = width_emu * u64::from(height) / u64::from(width.max(1));
    let pic = Pic::new_with_dimensions(bytes, width, height).size(
        u32::try_from(width_emu).unwrap_or(u32::MAX),
        u32::try_from(height_emu).unwrap_or(u32::MAX),
    );
    Ok(docx
        .add_paragraph(
            Paragraph::new()
                .keep_next(true)
                .add_run(Run::new().add_image(pic)),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(run(format!("{}. ", chart.title)).bold().size(18))
                .add_run(run(&chart.description).size(18).color(MUTED)),
        ))
}

/// Column widths in twentieths of a point: an amount column as wide as its longest figure,
/// the text columns sharing the rest by how much text they hold (a wide column twice over),
/// each at least as wide as its longest word where the page allows.
fn widths(table: &Table) -> Vec<usize> {
    let texts = |i: usize| {
        table
            .rows
            .iter()
            .filter_map(move |r| r.cells.get(i))
            .map(|c| crate::output::document::plain(c))
    };
    let numeric: Vec<Option<usize>> = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            c.numeric.then(|| {
                let longest = texts(i)
                    .chain(std::iter::once(c.header.clone()))
                    .map(|t| t.chars().count())
                    .max()
                    .unwrap_or(8);
                longest.min(24) * 100 + 260
            })
        })
        .collect();
    let used: usize = numeric.iter().flatten().sum();
    let rest = TEXT_WIDTH.saturating_sub(used);
    // Per text column: its longest word (the least it can be) and how much text it holds.
    let measure: Vec<(usize, usize)> = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if c.numeric {
                return (0, 0);
            }
            let header_word = c
                .header
                .split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            let (count, chars, word) = texts(i).fold((0, 0, header_word), |(n, sum, word), t| {
                let longest = t.split_whitespace().map(|w| w.chars().count()).max();
                (
                    n + 1,
                    sum + t.chars().count(),
                    word.max(longest.unwrap_or(0)),
                )
            });
            let least = word.min(11) * 95 + 140;
            let mean = (chars / count.max(1)).max(1);
            let weight = if c.wide {
                40 + mean.min(80)
            } else {
                mean.min(16)
            };
            (least, weight)
        })
        .collect();
    let least: usize = measure.iter().map(|m| m.0).sum();
    let spare = rest.saturating_sub(least);
    let total: usize = measure.iter().map(|m| m.1).sum::<usize>().max(1);
    numeric
        .iter()
        .zip(&measure)
        .map(|(n, (least, weight))| n.unwrap_or(least + spare * weight / total))
        .collect()
}

fn table_docx(docx: Docx, table: &Table, lang: Lang) -> Docx {
    let mut docx = docx;
    if let Some(caption) = &table.caption {
        docx = docx.add_paragraph(
            Paragraph::new()
                .style("Caption")
                .keep_next(true)
                .add_run(run(caption)),
        );
    }
    let grid = widths(table);
    let cell = |spans: &[Span], width: usize, numeric: bool, bold: bool, shade: Option<&str>| {
        let mut p = Paragraph::new().line_spacing(LineSpacing::new().before(20).after(20));
        if numeric {
            p = p.align(AlignmentType::Right);
        }
        for run in runs(spans, lang) {
            p = p.add_run(if bold { run.bold() } else { run });
        }
        let mut c = TableCell::new()
            .add_paragraph(p)
            .width(width, WidthType::Dxa);
        if let Some(fill) = shade {
            c = c.shading(Shading::new().fill(fill));
        }
        c
    };
    let header = TableRow::new(
        table
            .columns
            .iter()
            .zip(&grid)
            .map(|(c, w)| {
                cell(
                    &[Span::text(&c.header)],
                    *w,
                    c.numeric,
                    true,
                    Some("E8ECF0"),
                )
            })
            .collect(),
    )
    .cant_split()
    .row_height(HEADER_MARK as f32)
    .height_rule(HeightRule::AtLeast);
    let mut rows = vec![header];
    for row in &table.rows {
        let (bold, shade) = match row.kind {
            RowKind::Total => (true, Some("F5F5F5")),
            RowKind::Group => (true, Some("F7F4EC")),
            RowKind::Body | RowKind::Indented => (false, None),
        };
        let cells = table
            .columns
            .iter()
            .zip(&grid)
            .enumerate()
            .map(|(i, (c, w))| {
                let mut spans = row.cells.get(i).cloned().unwrap_or_default();
                if i == 0 && row.kind == RowKind::Indented {
                    spans.insert(0, Span::text("– "));
                }
                cell(&spans, *w, c.numeric, bold, shade)
            })
            .collect();
        rows.push(TableRow::new(cells).cant_split());
    }
    docx = docx.add_table(
        WordTable::new(rows)
            .set_grid(grid)
            .layout(TableLayoutType::Fixed)
            .width(TEXT_WIDTH, WidthType::Dxa),
    );
    for note in &table.notes {
        docx = docx.add_paragraph(Paragraph::new().add_run(run(note).size(17).color(MUTED)));
    }
    docx.add_paragraph(Paragraph::new())
}

fn runs(spans: &[Span], lang: Lang) -> Vec<Run> {
    let mut out = Vec::new();
    for span in spans {
        match span {
            Span::Text(t) => out.push(run(t)),
            Span::Strong(t) => out.push(run(t).bold()),
            Span::Figure(f) => out.extend(figure(f, lang)),
        }
    }
    out
}

fn figure(f: &Figure, _lang: Lang) -> Vec<Run> {
    match &f.mark {
        Mark::None => vec![run(&f.text)],
        Mark::Verified => vec![run(&f.text), run(" ✓").color(OK).bold()],
        Mark::Finding {
            severity,
            note,
            label,
            ..
        } => {
            let colour = match severity {
                Severity::Error => ERROR,
                Severity::Warning => WARNING,
            };
            vec![
                run(&f.text).bold().color(colour).underline("wave"),
                run(format!(" {note} ({label})")).color(colour).size(17),
            ]
        }
    }
}

/// The document's properties: its title, "allocate" as its author, its language and, when
/// the document has a date (the plan's decision date), that day as when it was made and last
/// changed; without one no date at all, rather than a made-up one.
fn core_properties(doc: &Document) -> Vec<u8> {
    let title = crate::output::document::chart::escape(&doc.title);
    let dates = doc.date.map_or(String::new(), |date| {
        format!(
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}T00:00:00Z</dcterms:created>\
             <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{date}T00:00:00Z</dcterms:modified>"
        )
    });
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{title}</dc:title><dc:creator>allocate</dc:creator>\
         <cp:lastModifiedBy>allocate</cp:lastModifiedBy><dc:language>{}</dc:language>\
         {dates}<cp:revision>1</cp:revision></cp:coreProperties>",
        doc.lang.tag()
    )
    .into_bytes()
}

/// The language of all text, in the styles' default run properties (every run inherits it).
fn default_language(styles: &[u8], lang: Lang) -> Vec<u8> {
    let text = String::from_utf8_lossy(styles);
    let tag = lang.tag();
    text.replacen(
        "</w:rPr></w:rPrDefault>",
        &format!("<w:lang w:val=\"{tag}\" /></w:rPr></w:rPrDefault>"),
        1,
    )
    .into_bytes()
}

/// Turns the header rows' mark into `w:tblHeader`, so Word and LibreOffice repeat them on
/// every page.
fn mark_header_rows(document: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(document);
    let pattern = format!("<w:trHeight w:val=\"{HEADER_MARK}\" w:hRule=\"atLeast\" />");
    text.replace(&pattern, "<w:tblHeader />").into_bytes()
}
