//! A document as Word (DOCX), written with `docx-rs`: real Word tables (header rows that
//! repeat on every page, rows kept whole, amounts right-aligned), headings in Word's own
//! heading styles (`Heading1`–`Heading3`, so the navigation pane, a table of contents and the
//! region's template pick them up), a caption on every table, lists as Word's own bulleted list
//! paragraphs (`numbering.xml`), A4 pages, and the charts as PNG pictures drawn from the same
//! SVG as the HTML (`png`).
//!
//! `docx-rs` does not write `w:tblHeader`; header rows are marked with a row height no other
//! row has and that mark is turned into `w:tblHeader` in the finished XML. Nor can it set the
//! title, author or language of the document properties (it writes "unknown" and 1970-01-01),
//! or the language of text: `docProps/core.xml` is written here ([`core_properties`]) and the
//! language (`sv-SE`, `en-GB`) added to the styles' default run properties, so Word checks the
//! spelling in Swedish.

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, HeightRule, IndentLevel, Level, LevelJc,
    LevelText, LineSpacing, LineSpacingType, NumberFormat, Numbering, NumberingId, PageMargin,
    PageOrientationType, PageSize, Paragraph, Pic, Run, RunFonts, SectionProperty, Shading,
    SpecialIndentType, Start, Style, StyleType, Table as WordTable, TableCell, TableLayoutType,
    TableRow, WidthType,
};

use crate::core::finding::Severity;
use crate::output::document::png::{self, RenderError};
use crate::output::document::{
    Block, Chart, Document, Figure, FindingNote, Mark, RowKind, Span, Table,
};
use crate::output::lang::Lang;
use crate::say;

/// A4 in twentieths of a point, and the margins.
const PAGE_WIDTH: u32 = 11_906;
const PAGE_HEIGHT: u32 = 16_838;
const MARGIN: i32 = 1_134;
/// The width between the margins, in twentieths of a point.
const TEXT_WIDTH: usize = PAGE_WIDTH as usize - 2 * MARGIN as usize;
/// The height between the margins.
const TEXT_HEIGHT: usize = PAGE_HEIGHT as usize - 2 * MARGIN as usize;

/// A page's text area, in twentieths of a point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Page {
    width: usize,
    height: usize,
}

/// The document's pages: A4 upright, and on its side for a section whose table does not fit
/// across an upright page ([`pages`]).
const PORTRAIT: Page = Page {
    width: TEXT_WIDTH,
    height: TEXT_HEIGHT,
};
const LANDSCAPE: Page = Page {
    width: TEXT_HEIGHT,
    height: TEXT_WIDTH,
};
/// The room a chart's page keeps for its caption under the picture.
const CAPTION_ROOM: usize = 1_400;
/// The size of a chart's text in SVG units, and the least it may be shown at in Word, in
/// twentieths of a point: a chart shrunk further to fit a page is not legible.
const CHART_TEXT: usize = 12;
const LEAST_TEXT: usize = 100;
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
/// zero-width characters and noncharacters are shown as `<U+0001>` ([`visible`](crate::output::text::visible)),
/// as XML cannot hold most of them (Word calls such a file corrupt); `docx-rs` escapes the rest.
/// A date (`2027-03-31`) is kept on one line: its hyphens are non-breaking (U+2011), which
/// Word and LibreOffice otherwise break after.
fn run(text: impl AsRef<str>) -> Run {
    Run::new().add_text(unbroken_dates(&crate::output::text::visible(text.as_ref())))
}

/// The text with the hyphens of every date written `YYYY-MM-DD` made non-breaking.
fn unbroken_dates(text: &str) -> String {
    let bytes = text.as_bytes();
    let digits = |from: usize, n: usize| {
        bytes
            .get(from..from + n)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let digit_at = |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_some_and(u8::is_ascii_digit);
    // A date starting at byte `at`, not inside a longer run of digits.
    let date_at = |at: usize| {
        digits(at, 4)
            && bytes.get(at + 4) == Some(&b'-')
            && digits(at + 5, 2)
            && bytes.get(at + 7) == Some(&b'-')
            && digits(at + 8, 2)
            && !digit_at(at.checked_sub(1))
            && !digit_at(Some(at + 10))
    };
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for (i, _) in text.match_indices('-') {
        let first = i.checked_sub(4).is_some_and(date_at);
        let second = i.checked_sub(7).is_some_and(date_at);
        if first || second {
            out.push_str(text.get(done..i).unwrap_or_default());
            out.push('\u{2011}');
            done = i + 1;
        }
    }
    out.push_str(text.get(done..).unwrap_or_default());
    out
}

/// The whole document as DOCX bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>, DocxError> {
    let lang = doc.lang;
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(margins())
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
        .add_abstract_numbering(bullets())
        .add_numbering(Numbering::new(BULLETS, BULLETS));
    docx = docx
        .add_paragraph(Paragraph::new().add_run(run(&doc.kicker).color(MUTED).size(18)))
        .add_paragraph(Paragraph::new().style("Title").add_run(run(&doc.title)));
    if let Some(subtitle) = &doc.subtitle {
        let mut p = Paragraph::new().style("Subtitle");
        for run in runs(subtitle, lang) {
            p = p.add_run(run);
        }
        docx = docx.add_paragraph(p);
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
    let mut tables = Tables::default();
    let needs: Vec<Option<Vec<Need>>> = doc
        .blocks
        .iter()
        .map(|block| match block {
            Block::Table(table) => Some(needs(table)),
            _ => None,
        })
        .collect();
    let pages = pages(&doc.blocks, &needs);
    // The title and its lines are on the first section's pages.
    let mut page = pages.first().copied().unwrap_or(PORTRAIT);
    for ((i, block), on) in doc.blocks.iter().enumerate().zip(pages) {
        if on != page {
            docx = docx.add_paragraph(section_end(page));
            page = on;
        }
        // A paragraph that introduces a table, a chart or a list is kept on its page.
        let introduces = matches!(
            doc.blocks.get(i + 1),
            Some(Block::Table(_) | Block::Chart(_) | Block::List(_))
        );
        let need = needs.get(i).and_then(Option::as_deref).unwrap_or_default();
        docx = block_docx(docx, block, (introduces, page, need), lang, &mut tables)?;
    }
    docx = docx.add_paragraph(Paragraph::new().add_run(run(&doc.footer).color(MUTED).size(16)));
    // The last section's pages are the document's own (upright) unless they are on their
    // side: then its end says so, and the document's last section is empty.
    if page != PORTRAIT {
        docx = docx.add_paragraph(section_end(page));
    }
    let mut xml = docx.build();
    xml.document = name_pictures(&xml.document, &tables.pictures);
    xml.styles = default_language(&xml.styles, lang);
    xml.doc_props.core = core_properties(doc);
    running_margins(&mut xml, doc.running_line(), lang);
    pack(xml, &tables).map_err(|e| DocxError::Zip(e.to_string()))
}

/// Each block's page. A section (a heading of the first two levels and what follows up to the
/// next) with a table too wide for an upright page, whose columns would have to break words
/// or be cut into parts there, is printed on pages turned on their side; sections next to each
/// other share those pages. The 2026 plan's insatser tables have an id, a description, three
/// columns of long words (`Kommunförbundet`, `organisationer`) and an amount: upright, the
/// words broke in the middle on 9 of 22 pages.
fn pages(blocks: &[Block], needs: &[Option<Vec<Need>>]) -> Vec<Page> {
    let mut pages = vec![PORTRAIT; blocks.len()];
    let mut start = 0;
    for end in 1..=blocks.len() {
        let next_section = blocks
            .get(end)
            .is_none_or(|b| matches!(b, Block::Heading { level: ..=2, .. }));
        if !next_section {
            continue;
        }
        // A chart is drawn for an upright page (on its side it has half the height): it
        // stays upright, and the blocks between charts are turned as a section of their own
        // (tester s38: the per-kommun table beside its bars was cut into two parts upright).
        let mut from = start;
        for at in start..=end {
            let chart = blocks.get(at).is_some_and(|b| matches!(b, Block::Chart(_)));
            if at < end && !chart {
                continue;
            }
            let wide = (needs.get(from..at))
                .is_some_and(|n| n.iter().flatten().any(|n| cramped(n, PORTRAIT)));
            if wide && let Some(run) = pages.get_mut(from..at) {
                run.fill(LANDSCAPE);
            }
            from = at + 1;
        }
        start = end;
    }
    pages
}

/// Whether a table's columns need more room than `page` has across: a word would break or the
/// table be cut into parts.
fn cramped(needs: &[Need], page: Page) -> bool {
    needs.iter().map(|n| n.least).sum::<usize>() > page.width
}

/// The paragraph that ends a section of `page`s (Word keeps a section's page setup in its
/// last paragraph); the next section starts on a new page. It takes a point of height.
fn section_end(page: Page) -> Paragraph {
    let size = match page == LANDSCAPE {
        true => PageSize::new()
            .size(PAGE_HEIGHT, PAGE_WIDTH)
            .orient(PageOrientationType::Landscape),
        false => PageSize::new().size(PAGE_WIDTH, PAGE_HEIGHT),
    };
    Paragraph::new()
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(20)
                .line_rule(LineSpacingType::Exact),
        )
        .section_property(
            SectionProperty::new()
                .page_size(size)
                .page_margin(margins()),
        )
}

fn margins() -> PageMargin {
    PageMargin::new()
        .top(MARGIN)
        .bottom(MARGIN)
        .left(MARGIN)
        .right(MARGIN)
}

/// The tables of a document as WordprocessingML, each written as soon as it is made: a table
/// of a large plan has hundreds of thousands of cells, and `docx-rs` keeps several kilobytes
/// per cell until the whole document is built. The document holds a placeholder paragraph
/// for each ([`TABLE_MARK`]), which [`pack`] replaces with the table.
#[derive(Default)]
struct Tables {
    xml: Vec<Vec<u8>>,
    /// The pictures' alternative texts, in the document's order.
    pictures: Vec<String>,
}

/// The style of a table's placeholder paragraph, with the table's number after it. No text of
/// a plan can make it: text is escaped, and this is an attribute.
const TABLE_MARK: &str = "<w:pStyle w:val=\"allocate-table-";

impl Tables {
    /// The placeholder of `table`, which is kept as XML.
    fn add(&mut self, table: &WordTable) -> Paragraph {
        let n = self.xml.len();
        self.xml
            .push(mark_header_rows(&docx_rs::BuildXML::build(table)));
        Paragraph::new().style(&format!("allocate-table-{n}"))
    }
}

/// The DOCX package: every part `docx-rs` made, compressed (the XML to a tenth or less), the
/// document with its tables put in place as it is written.
fn pack(xml: docx_rs::XMLDocx, tables: &Tables) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::Write as _;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let parts: [(&str, &[u8]); 13] = [
        ("[Content_Types].xml", &xml.content_type),
        ("_rels/.rels", &xml.rels),
        ("docProps/app.xml", &xml.doc_props.app),
        ("docProps/core.xml", &xml.doc_props.core),
        ("docProps/custom.xml", &xml.doc_props.custom),
        ("word/_rels/document.xml.rels", &xml.document_rels),
        ("word/styles.xml", &xml.styles),
        ("word/settings.xml", &xml.settings),
        ("word/fontTable.xml", &xml.font_table),
        ("word/comments.xml", &xml.comments),
        ("word/numbering.xml", &xml.numberings),
        ("word/commentsExtended.xml", &xml.comments_extended),
        ("word/footnotes.xml", &xml.footnotes),
    ];
    for (name, bytes) in parts {
        zip.start_file(name, deflated)?;
        zip.write_all(bytes)?;
    }
    zip.start_file("word/document.xml", deflated)?;
    let mut rest: &[u8] = &xml.document;
    while let Some((before, n, after)) = placeholder(rest) {
        zip.write_all(before)?;
        if let Some(table) = tables.xml.get(n) {
            zip.write_all(table)?;
        }
        rest = after;
    }
    zip.write_all(rest)?;
    let margins = [
        ("header", &xml.headers, &xml.header_rels),
        ("footer", &xml.footers, &xml.footer_rels),
    ];
    for (kind, parts, rels) in margins {
        for (i, part) in parts.iter().enumerate() {
            zip.start_file(format!("word/{kind}{}.xml", i + 1), deflated)?;
            zip.write_all(part)?;
            if let Some(rels) = rels.get(i) {
                zip.start_file(format!("word/_rels/{kind}{}.xml.rels", i + 1), deflated)?;
                zip.write_all(rels)?;
            }
        }
    }
    for (name, png) in &xml.media {
        zip.start_file(format!("word/media/{name}.png"), stored)?;
        zip.write_all(png)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// The first table placeholder in `xml`: the XML before its paragraph, the table's number,
/// and the XML after the paragraph.
fn placeholder(xml: &[u8]) -> Option<(&[u8], usize, &[u8])> {
    let find = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).position(|w| w == needle);
    let mark = find(xml, TABLE_MARK.as_bytes())?;
    let (head, tail) = xml.split_at(mark);
    let start = [&b"<w:p "[..], b"<w:p>"]
        .iter()
        .filter_map(|open| head.windows(open.len()).rposition(|w| w == *open))
        .max()?;
    let digits = tail.get(TABLE_MARK.len()..)?;
    let count = digits.iter().take_while(|b| b.is_ascii_digit()).count();
    let n = std::str::from_utf8(digits.get(..count)?)
        .ok()?
        .parse()
        .ok()?;
    let end = find(tail, b"</w:p>")? + b"</w:p>".len();
    Some((head.get(..start)?, n, tail.get(end..)?))
}

/// The numbering of a list of points: Word's own list paragraphs, with a bullet (`docx-rs`
/// keeps its ids 1 for a numbering of its own).
const BULLETS: usize = 2;

fn bullets() -> AbstractNumbering {
    AbstractNumbering::new(BULLETS).add_level(
        Level::new(
            0,
            Start::new(1),
            NumberFormat::new("bullet"),
            LevelText::new("•"),
            LevelJc::new("left"),
        )
        .indent(Some(360), Some(SpecialIndentType::Hanging(360)), None, None),
    )
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

/// A block on `page`: whether it introduces the next block, and a table's columns' needs.
fn block_docx(
    docx: Docx,
    block: &Block,
    (introduces, page, needs): (bool, Page, &[Need]),
    lang: Lang,
    tables: &mut Tables,
) -> Result<Docx, DocxError> {
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
            let mut p = Paragraph::new()
                .style(style)
                .page_break_before(*new_page)
                .keep_next(true);
            for run in runs(text, lang) {
                p = p.add_run(run);
            }
            docx.add_paragraph(p)
        }
        Block::Paragraph(content) => {
            let mut p = Paragraph::new().keep_next(introduces);
            for run in runs(content, lang) {
                p = p.add_run(run);
            }
            docx.add_paragraph(p)
        }
        Block::List(items) => {
            let mut docx = docx;
            for item in items {
                let mut p =
                    Paragraph::new().numbering(NumberingId::new(BULLETS), IndentLevel::new(0));
                for run in runs(item, lang) {
                    p = p.add_run(run);
                }
                docx = docx.add_paragraph(p);
            }
            docx
        }
        Block::Table(table) => table_docx(docx, table, (needs, page.width), lang, tables),
        Block::Chart(chart) => chart_docx(docx, chart, page, lang, tables)?,
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
    let mut p = Paragraph::new().add_run(run(&note.label).bold().color(colour));
    if let Some((code, place)) = &note.origin {
        p = p.add_run(run(format!(" [{code}] {place}")));
    }
    p = p.add_run(Run::new().add_break(BreakType::TextWrapping));
    p = with_code(p, &note.message, None);
    if let Some(figures) = &note.figures {
        p = p
            .add_run(Run::new().add_break(BreakType::TextWrapping))
            .add_run(run(figures).color(MUTED));
    }
    if let Some(hint) = note.hint_line(lang) {
        p = p.add_run(Run::new().add_break(BreakType::TextWrapping));
        p = with_code(p, &hint, Some(MUTED));
    }
    p
}

/// A finding's text as runs, its code spans ([`super::code_spans`]) in a fixed-width font,
/// all in `colour` when given.
fn with_code(mut p: Paragraph, text: &str, colour: Option<&str>) -> Paragraph {
    for (piece, code) in super::code_spans(text) {
        let mut r = run(piece);
        if code {
            r = r.fonts(RunFonts::new().ascii("Consolas").hi_ansi("Consolas"));
        }
        if let Some(colour) = colour {
            r = r.color(colour);
        }
        p = p.add_run(r);
    }
    p
}

/// The width a chart is shown at in Word, in twentieths of a point: the text width, or
/// narrower so that it fits one page with its caption; `None` when that would make its text
/// smaller than [`LEAST_TEXT`] (a chart of hundreds of kommuner), as a picture cannot go over
/// two pages.
fn chart_width(chart: &Chart, page: Page) -> Option<usize> {
    let (width, height) = (chart.width.max(1) as usize, chart.height.max(1) as usize);
    let room = page.height.saturating_sub(CAPTION_ROOM);
    let shown = page.width.min(room.saturating_mul(width) / height);
    (CHART_TEXT.saturating_mul(shown) / width >= LEAST_TEXT).then_some(shown)
}

fn chart_docx(
    docx: Docx,
    chart: &Chart,
    page: Page,
    lang: Lang,
    tables: &mut Tables,
) -> Result<Docx, DocxError> {
    let caption = Paragraph::new()
        .add_run(run(format!("{}. ", chart.title)).bold().size(18))
        .add_run(run(&chart.description).size(18).color(MUTED));
    let Some(shown) = chart_width(chart, page) else {
        // Too large to read on a page: said where the picture would be, the figures are in
        // the table.
        return Ok(docx.add_paragraph(caption.add_run(
            run(lang.pick(
                " Diagrammet är för stort för att bli läsbart som bild på en sida och visas inte i Word-dokumentet; tabellerna ger samma belopp, och dokumentet som HTML (--format html) visar diagrammet.",
                " The chart is too large to be legible as a picture on one page and is not shown in the Word document; the tables give the same amounts, and the document as HTML (--format html) shows the chart.",
            ))
            .size(18)
            .color(MUTED),
        )));
    };
    let (bytes, width, height) = png::render(chart).map_err(DocxError::Chart)?;
    tables
        .pictures
        .push(format!("{}. {}", chart.title, chart.description));
    let width_emu = shown as u64 * EMU_PER_TWIP;
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
        .add_paragraph(caption))
}

/// What Word adds to a cell's text: 108 twips of padding on either side, and a margin for
/// rounding and kerning.
const CELL_PADDING: usize = 2 * 108 + 60;
/// The most a text column asks for its longest word: a longer word (a long name) may break,
/// an amount, a kommunkod or an insats's id never.
const LONGEST_WORD: usize = 1_500;
/// Word's size of a table's text, and of a mark's note, in half-points.
const TEXT_SIZE: usize = 20;
const NOTE_SIZE: usize = 17;

/// What a column needs: the least width, in twentieths of a point, and how much of the room
/// left over it wants (an amount column none: it is as wide as its widest figure).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Need {
    least: usize,
    /// The least with the longest word however long (a long name), taken when every column
    /// has it in the room.
    whole: usize,
    weight: usize,
    /// A column of running text (a description): it keeps a readable width when the others
    /// must be narrowed.
    wide: bool,
}

/// The share of the text width that a wide column keeps when the text columns must be
/// narrowed to fit: 30 % (5,1 cm of an upright page), or half the room the amounts leave when
/// that is less.
const WIDE_PERCENT: usize = 30;

/// The pieces of a cell that Word must keep on one line, each with its font size and whether
/// it is bold: the words of text (a figure's thin and no-break spaces do not break it), a
/// figure with its ✓, a mark's note word by word.
fn pieces(spans: &[Span], bold: bool) -> Vec<(String, usize, bool)> {
    let words = |text: &str, size: usize, bold: bool| -> Vec<(String, usize, bool)> {
        crate::output::text::visible(text)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| (w.to_string(), size, bold))
            .collect()
    };
    let mut out = Vec::new();
    for span in spans {
        match span {
            Span::Text(t) => out.extend(words(t, TEXT_SIZE, bold)),
            Span::Strong(t) => out.extend(words(t, TEXT_SIZE, true)),
            Span::Swedish { text, strong } => out.extend(words(text, TEXT_SIZE, bold || *strong)),
            Span::Figure(f) => match &f.mark {
                Mark::None => out.push((f.text.clone(), TEXT_SIZE, bold)),
                // The figure and its ✓ together: bold, as the ✓ is.
                Mark::Verified => out.push((format!("{} ✓", f.text), TEXT_SIZE, true)),
                Mark::Finding { note, label, .. } => {
                    out.push((f.text.clone(), TEXT_SIZE, true));
                    out.extend(words(&format!("{note} ({label})"), NOTE_SIZE, false));
                }
            },
        }
    }
    out
}

/// The widest piece of `spans` that must stay on one line, in twentieths of a point.
fn widest(spans: &[Span], bold: bool) -> usize {
    pieces(spans, bold)
        .iter()
        .map(|(text, size, bold)| super::metrics::width(text, *size, *bold))
        .max()
        .unwrap_or(0)
}

/// Whether a row's text is bold.
fn bold_row(kind: RowKind) -> bool {
    matches!(kind, RowKind::Total | RowKind::Group)
}

/// What each column of `table` needs: an amount column its widest figure, header and total
/// row in bold included; a text column its header's longest word and its cells' (up to
/// [`LONGEST_WORD`]), and a share of the rest by how much text it holds (a wide column twice
/// over).
fn needs(table: &Table) -> Vec<Need> {
    table
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let header = widest(&[Span::text(&c.header)], true);
            let cells = table.rows.iter().filter_map(|r| {
                r.cells
                    .get(i)
                    .map(|cell| (cell.as_slice(), bold_row(r.kind)))
            });
            if c.numeric {
                let widest = cells
                    .map(|(cell, bold)| widest(cell, bold))
                    .fold(header, usize::max);
                return Need {
                    least: widest + CELL_PADDING,
                    whole: widest + CELL_PADDING,
                    weight: 0,
                    wide: false,
                };
            }
            let (count, chars, word) = cells.fold((0, 0, 0), |(n, sum, word), (cell, bold)| {
                let text = crate::output::document::plain(cell);
                (
                    n + 1,
                    sum + text.chars().count(),
                    word.max(widest(cell, bold)),
                )
            });
            let mean = (chars / count.max(1)).max(1);
            Need {
                // The header's words are the tool's own, and short: never broken.
                least: word.min(LONGEST_WORD).max(header) + CELL_PADDING,
                whole: word.max(header) + CELL_PADDING,
                weight: if c.wide {
                    40 + mean.min(80)
                } else {
                    mean.min(16)
                },
                wide: c.wide,
            }
        })
        .collect()
}

/// A table as Word shows it, `width` wide: one table when its columns fit, else several,
/// each with the leading text columns (the kommun, the actor) and as many of the others as
/// fit, so that a figure never has to break. Each part is its columns (indices into the
/// table's) and their widths.
fn layout(table: &Table, needs: &[Need], width: usize) -> Vec<(Vec<usize>, Vec<usize>)> {
    let key = table.columns.iter().take_while(|c| !c.numeric).count();
    let least = |columns: &[usize]| -> usize {
        columns
            .iter()
            .filter_map(|&i| needs.get(i))
            .map(|n| n.least)
            .sum()
    };
    let all: Vec<usize> = (0..table.columns.len()).collect();
    let parts = if least(&all) <= width || key == table.columns.len() {
        vec![all]
    } else {
        // As many columns as fit, then as many parts evened out.
        let keys: Vec<usize> = (0..key).collect();
        let split = |most: usize| {
            let mut parts = Vec::new();
            let mut part = keys.clone();
            for i in key..table.columns.len() {
                let fits = least(&part) + needs.get(i).map_or(0, |n| n.least) <= width;
                if (!fits || part.len() - key == most) && part.len() > key {
                    parts.push(std::mem::replace(&mut part, keys.clone()));
                }
                part.push(i);
            }
            parts.push(part);
            parts
        };
        let count = split(usize::MAX).len();
        split((table.columns.len() - key).div_ceil(count))
    };
    parts
        .into_iter()
        .map(|columns| {
            let mut part: Vec<Need> = columns
                .iter()
                .filter_map(|&i| needs.get(i))
                .copied()
                .collect();
            if part.iter().map(|n| n.whole).sum::<usize>() <= width {
                for n in &mut part {
                    n.least = n.whole;
                }
            }
            narrow_text(&mut part, width);
            let spare = width.saturating_sub(part.iter().map(|n| n.least).sum());
            let total: usize = part.iter().map(|n| n.weight).sum();
            let widths = part
                .iter()
                .map(|n| n.least + (spare * n.weight).checked_div(total).unwrap_or(0))
                .collect();
            (columns, widths)
        })
        .collect()
}

/// When the text columns' longest words and the amounts together are wider than the page,
/// text columns are made narrower (their long words break; a short one, a kommunkod or an
/// insats's id, keeps its width), to no less than a third of their least; the amount columns
/// never. A wide column (a description) keeps [`WIDE_PERCENT`] of `width` while the others
/// can give way: a description three centimetres wide made a row two pages long.
fn narrow_text(part: &mut [Need], width: usize) {
    let amounts: usize = part.iter().filter(|n| n.weight == 0).map(|n| n.least).sum();
    let room = width.saturating_sub(amounts);
    let text: usize = part.iter().filter(|n| n.weight > 0).map(|n| n.least).sum();
    if text <= room {
        return;
    }
    let wide = part.iter().filter(|n| n.wide).count();
    let keep = (width * WIDE_PERCENT / 100).min(room / 2) / wide.max(1);
    let mut kept = part.to_vec();
    for n in kept.iter_mut().filter(|n| n.wide) {
        n.least = n.least.max(keep);
    }
    let wide_room: usize = kept.iter().filter(|n| n.wide).map(|n| n.least).sum();
    let others = |n: &Need| n.weight > 0 && !n.wide;
    if wide > 0 && wide_room <= room && cap(&mut kept, room - wide_room, others) {
        part.copy_from_slice(&kept);
        return;
    }
    cap(part, room, |n| n.weight > 0);
}

/// Narrows the columns `which` picks to the widest cap at which they fit `room` (each to no
/// less than a third of its least); whether they fit.
fn cap(part: &mut [Need], room: usize, which: impl Fn(&Need) -> bool) -> bool {
    let width = |cap: usize, part: &[Need]| -> usize {
        part.iter()
            .filter(|n| which(n))
            .map(|n| n.least.min(cap.max(n.least / 3)))
            .sum()
    };
    let (mut low, mut high) = (0, LONGEST_WORD + CELL_PADDING);
    while low < high {
        let mid = (low + high).div_ceil(2);
        if width(mid, part) <= room {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    let fits = width(low, part) <= room;
    for n in part.iter_mut().filter(|n| which(n)) {
        n.least = n.least.min(low.max(n.least / 3));
    }
    fits
}

/// A table with its columns' needs, `width` wide.
fn table_docx(
    docx: Docx,
    table: &Table,
    (needs, width): (&[Need], usize),
    lang: Lang,
    tables: &mut Tables,
) -> Docx {
    let mut docx = docx;
    let parts = layout(table, needs, width);
    let count = parts.len();
    for (n, (columns, grid)) in parts.into_iter().enumerate() {
        let caption = match (&table.caption, count) {
            (caption, 1) => caption.clone(),
            (caption, _) => {
                let (n, part) = (n + 1, lang.pick("del", "part"));
                Some(match caption {
                    Some(caption) => format!("{caption} ({part} {n} av {count})"),
                    None => say!(lang, "Del {n} av {count}", "Part {n} of {count}"),
                })
            }
        };
        if let Some(caption) = caption {
            docx = docx.add_paragraph(
                Paragraph::new()
                    .style("Caption")
                    .keep_next(true)
                    .add_run(run(caption)),
            );
        }
        let word = word_table(table, &columns, &grid, lang);
        docx = docx.add_paragraph(tables.add(&word));
        if n + 1 < count {
            docx = docx.add_paragraph(Paragraph::new());
        }
    }
    for note in &table.notes {
        let mut p = Paragraph::new();
        for run in runs(note, lang) {
            p = p.add_run(run.size(17).color(MUTED));
        }
        docx = docx.add_paragraph(p);
    }
    docx.add_paragraph(Paragraph::new())
}

/// The `columns` of `table` as a Word table of those widths.
fn word_table(table: &Table, columns: &[usize], grid: &[usize], lang: Lang) -> WordTable {
    // A cell of a row of `kind` (`None`: the header row). A group row's paragraphs are kept
    // with the next row, so that a heading row never ends a page without its first row.
    let cell = |spans: &[Span], width: usize, numeric: bool, kind: Option<RowKind>, shade| {
        let bold = kind.is_none_or(bold_row);
        let mut p = Paragraph::new()
            .line_spacing(LineSpacing::new().before(20).after(20))
            .keep_next(kind == Some(RowKind::Group));
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
    let chosen = || {
        columns
            .iter()
            .zip(grid)
            .filter_map(|(&i, &w)| table.columns.get(i).map(|c| (i, c, w)))
    };
    let header = TableRow::new(
        chosen()
            .map(|(_, c, w)| cell(&[Span::text(&c.header)], w, c.numeric, None, Some("E8ECF0")))
            .collect(),
    )
    .cant_split()
    .row_height(HEADER_MARK as f32)
    .height_rule(HeightRule::AtLeast);
    let mut rows = vec![header];
    for row in &table.rows {
        let shade = match row.kind {
            RowKind::Total => Some("F5F5F5"),
            RowKind::Group => Some("F7F4EC"),
            RowKind::Body | RowKind::Indented => None,
        };
        let cells = chosen()
            .map(|(i, c, w)| {
                let mut spans = row.cells.get(i).cloned().unwrap_or_default();
                if i == 0 && row.kind == RowKind::Indented {
                    spans.insert(0, Span::text("– "));
                }
                cell(&spans, w, c.numeric, Some(row.kind), shade)
            })
            .collect();
        rows.push(TableRow::new(cells).cant_split());
    }
    let width = grid.iter().sum::<usize>();
    WordTable::new(rows)
        .set_grid(grid.to_vec())
        .layout(TableLayoutType::Fixed)
        .width(width, WidthType::Dxa)
}

/// The spans as Word runs; plain text that follows plain text (a label and the plan's words in
/// a Swedish document) is one run, as it would be typed.
fn runs(spans: &[Span], lang: Lang) -> Vec<Run> {
    let mut out = Vec::new();
    let mut plain = String::new();
    for span in spans {
        let text = match span {
            Span::Text(text) => Some(text),
            Span::Swedish {
                text,
                strong: false,
            } if lang == Lang::Sv => Some(text),
            _ => None,
        };
        if let Some(text) = text {
            plain.push_str(text);
            continue;
        }
        if !plain.is_empty() {
            out.push(run(std::mem::take(&mut plain)));
        }
        match span {
            Span::Strong(t) => out.push(run(t).bold()),
            Span::Swedish { text, strong } => {
                let run = match lang {
                    Lang::Sv => run(text),
                    _ => run(text).style(SWEDISH),
                };
                out.push(if *strong { run.bold() } else { run });
            }
            Span::Figure(f) => out.extend(figure(f, lang)),
            Span::Text(_) => {}
        }
    }
    if !plain.is_empty() {
        out.push(run(plain));
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
    let title = crate::output::document::chart::escape(&doc.file_title());
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

/// The relationship ids of the page's margins (`docx-rs`'s own are `rId…` and `rIdHeader…`).
const DRAFT_HEADER: &str = "rIdDraftHeader";
const PAGE_FOOTER: &str = "rIdPageFooter";

/// Gives every page its number in a footer (`Sida 3 av 24`, Word's PAGE and NUMPAGES fields,
/// so that a printed page can be cited and put back in order), and a draft a header that
/// says it is one (`draft`): each part (`word/header1.xml`, `word/footer1.xml`, after any of
/// `docx-rs`'s own, written by [`pack`] with them; a document has none of its own), its
/// relationship from the document and its content type, and references to them first in
/// every section's properties, where the schema puts them (`docx-rs` would write them after
/// the page setup, and only in the last section). Every section names them, upright and on
/// its side, so that no section is left without them.
fn running_margins(
    xml: &mut docx_rs::XMLDocx,
    draft: Option<&str>,
    lang: crate::output::lang::Lang,
) {
    let namespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let paragraph = |runs: &str| {
        format!(
            "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\" />\
             <w:jc w:val=\"center\" /></w:pPr>{runs}</w:p>"
        )
    };
    let mut references = String::new();
    if let Some(line) = draft {
        let text = crate::output::document::chart::escape(line);
        let runs = format!(
            "<w:r><w:rPr><w:b /><w:color w:val=\"{ERROR}\" /><w:sz w:val=\"18\" /></w:rPr>\
             <w:t xml:space=\"preserve\">{text}</w:t></w:r>"
        );
        let part = format!("<w:hdr {namespace}>{}</w:hdr>", paragraph(&runs));
        references.push_str(&margin(xml, Margin::Header, DRAFT_HEADER, part));
    }
    let (page, of) = crate::output::words::document::page_of(lang);
    let style = format!("<w:rPr><w:color w:val=\"{MUTED}\" /><w:sz w:val=\"16\" /></w:rPr>");
    let text = |t: &str| format!("<w:r>{style}<w:t xml:space=\"preserve\">{t}</w:t></w:r>");
    // The number as Word shows it until it updates the field: 1.
    let field = |name: &str| {
        format!(
            "<w:fldSimple w:instr=\" {name} \">{}</w:fldSimple>",
            text("1")
        )
    };
    let runs = [text(page), field("PAGE"), text(of), field("NUMPAGES")].concat();
    let part = format!("<w:ftr {namespace}>{}</w:ftr>", paragraph(&runs));
    references.push_str(&margin(xml, Margin::Footer, PAGE_FOOTER, part));
    // First in every section's properties, whatever attributes their tag has.
    let document = String::from_utf8_lossy(&xml.document).into_owned();
    let mut with = String::with_capacity(document.len() + references.len() * 4);
    let mut rest = document.as_str();
    while let Some(at) = rest.find("<w:sectPr") {
        let (before, tag) = rest.split_at(at);
        let end = tag.find('>').map_or(tag.len(), |e| e + 1);
        let (open, after) = tag.split_at(end);
        with.push_str(before);
        with.push_str(open);
        // `<w:sectPrChange>` is another element; a section without children has none to
        // precede.
        if open.starts_with("<w:sectPr>") || open.starts_with("<w:sectPr ") && !open.ends_with("/>")
        {
            with.push_str(&references);
        }
        rest = after;
    }
    with.push_str(rest);
    xml.document = with.into_bytes();
}

/// A page's margin above or below its text.
#[derive(Clone, Copy)]
enum Margin {
    Header,
    Footer,
}

/// Adds a margin's part (`body`, its XML without the declaration), its relationship `id` from
/// the document and its content type; returns the reference a section makes to it.
fn margin(xml: &mut docx_rs::XMLDocx, kind: Margin, id: &str, body: String) -> String {
    let (name, parts) = match kind {
        Margin::Header => ("header", &mut xml.headers),
        Margin::Footer => ("footer", &mut xml.footers),
    };
    // Named as `pack` names the parts, after any of `docx-rs`'s own.
    let part = format!("{name}{}.xml", parts.len() + 1);
    parts.push(
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>{body}").into_bytes(),
    );
    let insert = |part: &[u8], before: &str, what: &str| -> Vec<u8> {
        String::from_utf8_lossy(part)
            .replacen(before, &format!("{what}{before}"), 1)
            .into_bytes()
    };
    xml.document_rels = insert(
        &xml.document_rels,
        "</Relationships>",
        &format!(
            "<Relationship Id=\"{id}\" \
             Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{name}\" \
             Target=\"{part}\" />"
        ),
    );
    xml.content_type = insert(
        &xml.content_type,
        "</Types>",
        &format!(
            "<Override PartName=\"/word/{part}\" \
             ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.{name}+xml\" />"
        ),
    );
    format!("<w:{name}Reference w:type=\"default\" r:id=\"{id}\" />")
}

/// The character style of the user's own words ([`Span::Swedish`]) in a document that is not
/// in Swedish: it says only that they are Swedish.
const SWEDISH: &str = "PlanText";

/// The language of all text, in the styles' default run properties (every run inherits it),
/// and in a document that is not in Swedish the character style that marks the user's words
/// as Swedish (`docx-rs` writes no language of its own).
fn default_language(styles: &[u8], lang: Lang) -> Vec<u8> {
    let text = String::from_utf8_lossy(styles);
    let tag = lang.tag();
    let text = text.replacen(
        "</w:rPr></w:rPrDefault>",
        &format!("<w:lang w:val=\"{tag}\" /></w:rPr></w:rPrDefault>"),
        1,
    );
    match lang {
        Lang::Sv => text,
        _ => text.replacen(
            "</w:styles>",
            &format!(
                "<w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"{SWEDISH}\">\
                 <w:name w:val=\"{}\" /><w:rPr><w:lang w:val=\"{}\" /></w:rPr></w:style></w:styles>",
                lang.pick("Planens text", "Plan text"),
                Lang::Sv.tag()
            ),
            1,
        ),
    }
    .into_bytes()
}

/// Gives each picture its own id and its chart's title and description as alternative text,
/// for screen readers: `docx-rs` writes `<wp:docPr id="1" name="Figure" />` for every
/// picture, and ids must differ.
fn name_pictures(document: &[u8], alts: &[String]) -> Vec<u8> {
    const WRITTEN: &str = "<wp:docPr id=\"1\" name=\"Figure\" />";
    let text = String::from_utf8_lossy(document);
    let mut out = String::with_capacity(text.len());
    let mut pieces = text.split(WRITTEN);
    out.push_str(pieces.next().unwrap_or_default());
    for (n, piece) in pieces.enumerate() {
        let alt = alts
            .get(n)
            .map_or_else(String::new, |a| super::chart::escape(a));
        out.push_str(&format!(
            "<wp:docPr id=\"{}\" name=\"Diagram {}\" descr=\"{alt}\" />",
            n + 1,
            n + 1
        ));
        out.push_str(piece);
    }
    out.into_bytes()
}

/// Turns the header rows' mark into `w:tblHeader`, so Word and LibreOffice repeat them on
/// every page.
fn mark_header_rows(document: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(document);
    let pattern = format!("<w:trHeight w:val=\"{HEADER_MARK}\" w:hRule=\"atLeast\" />");
    text.replace(&pattern, "<w:tblHeader />").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn need(least: usize, weight: usize, wide: bool) -> Need {
        Need {
            least,
            whole: least,
            weight,
            wide,
        }
    }

    /// The 2026 insats table: an id, a description, three text columns of long words and an
    /// amount. The description keeps 30 % of the page; the others give way; all fit.
    #[test]
    fn a_description_keeps_a_readable_width_when_columns_are_narrowed() {
        let mut part = [
            need(963, 3, false),
            need(1_776, 120, true),
            need(1_776, 16, false),
            need(1_776, 16, false),
            need(1_776, 16, false),
            need(1_890, 0, false),
        ];
        narrow_text(&mut part, TEXT_WIDTH);
        assert_eq!(part[1].least, TEXT_WIDTH * 3 / 10);
        assert_eq!((part[0].least, part[5].least), (963, 1_890));
        assert!(part.iter().map(|n| n.least).sum::<usize>() <= TEXT_WIDTH);
        assert!(
            part[2..5]
                .iter()
                .all(|n| n.least < 1_776 && n.least >= 1_776 / 3)
        );
        // Room enough: nothing changes.
        let mut roomy = [
            need(963, 3, false),
            need(1_776, 120, true),
            need(1_890, 0, false),
        ];
        narrow_text(&mut roomy, TEXT_WIDTH);
        assert_eq!(roomy.map(|n| n.least), [963, 1_776, 1_890]);
        // Amounts leave less room than the wide column's share: it is narrowed to fit.
        let mut tight = [need(1_776, 120, true); 1]
            .into_iter()
            .chain([need(2_000, 0, false); 4])
            .collect::<Vec<_>>();
        narrow_text(&mut tight, TEXT_WIDTH);
        assert!(tight.iter().map(|n| n.least).sum::<usize>() <= TEXT_WIDTH);
    }

    /// Sections (from a heading of level 2 or less to the next) with a table too wide for an
    /// upright page go on their side, with everything in them; the others stay upright.
    #[test]
    fn a_section_with_a_table_too_wide_for_an_upright_page_is_on_its_side() {
        let heading = |level: u8| Block::Heading {
            level,
            text: Vec::new(),
            id: String::new(),
            new_page: false,
        };
        let table = |width: usize| Some(vec![need(width / 2, 1, false); 2]);
        let blocks = [
            Block::Paragraph(Vec::new()),
            heading(2),
            Block::Paragraph(Vec::new()),
            heading(2),
            heading(3),
            Block::Paragraph(Vec::new()),
            heading(2),
            Block::Paragraph(Vec::new()),
            heading(1),
        ];
        // A table's place is given by its needs: a fitting one in the first section, a wide
        // one under the second's subheading, a fitting one in the third.
        let needs = [
            None,
            None,
            table(TEXT_WIDTH),
            None,
            None,
            table(TEXT_WIDTH + 2),
            None,
            table(TEXT_WIDTH),
            None,
        ];
        let (p, l) = (PORTRAIT, LANDSCAPE);
        assert_eq!(pages(&blocks, &needs), [p, p, p, l, l, l, p, p, p]);
        // Two such sections side by side share their pages; a table wide even on its side
        // is cut into parts there.
        let needs = [
            None,
            None,
            table(TEXT_WIDTH + 2),
            None,
            None,
            table(TEXT_HEIGHT * 2),
            None,
            None,
            None,
        ];
        assert_eq!(pages(&blocks, &needs), [p, l, l, l, l, l, p, p, p]);
        assert!(cramped(&[need(TEXT_HEIGHT * 2, 1, false)], LANDSCAPE));
        // A chart stays upright, as it is drawn for an upright page; the wide table before it
        // in its section goes on its side without it (tester s38: the per-kommun table beside
        // its bars was cut into parts).
        let mut with_chart = blocks;
        with_chart[5] = Block::Chart(Chart {
            id: String::new(),
            title: String::new(),
            description: String::new(),
            svg: String::new(),
            width: 100,
            height: 100,
        });
        let needs = [
            None,
            None,
            None,
            None,
            table(TEXT_WIDTH + 2),
            None,
            None,
            None,
            None,
        ];
        assert_eq!(pages(&with_chart, &needs), [p, p, p, l, l, p, p, p, p]);
        // Without a wide table the chart's section is upright throughout.
        let needs = [
            None,
            None,
            None,
            None,
            table(TEXT_WIDTH),
            None,
            None,
            None,
            None,
        ];
        assert_eq!(pages(&with_chart, &needs), [p; 9]);
    }

    #[test]
    fn dates_keep_their_hyphens_together() {
        assert_eq!(
            unbroken_dates("senast 2027-03-31: 6 857 592,70 kr; SVOM 2026-02-27"),
            "senast 2027\u{2011}03\u{2011}31: 6 857 592,70 kr; SVOM 2026\u{2011}02\u{2011}27"
        );
        // Not dates: ids, ranges and longer numbers keep their hyphens.
        for text in [
            "1-2",
            "2026-2027",
            "12026-03-31",
            "2026-03-311",
            "a-b",
            "2026-3-31",
        ] {
            assert_eq!(unbroken_dates(text), text);
        }
    }
}
