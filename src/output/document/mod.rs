//! Documents: the decision basis (*beslutsunderlag*) and the letters to each recipient
//! (*fördelningsbesked*), as one model that HTML, Word (DOCX) and Markdown render.
//!
//! The model is built from the same report views as the terminal tables (`core::report`), so
//! no total in a document can disagree with `report` or `export`. It holds text already worded
//! in the document's language and figures already formatted (`number::document_amount`), each
//! figure with its standing after `check`: verified (✓), or the findings at it, so that a draft
//! with errors reads with every error at its figure. The renderers only lay it out.

pub mod basis;
pub mod chart;
pub mod docx;
pub mod followup;
pub mod html;
pub mod letters;
pub mod markdown;
pub mod marks;
pub mod metrics;
pub mod png;
pub mod splits;

use crate::core::finding::Severity;
use crate::output::lang::Lang;
use crate::say;

/// A whole document.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub lang: Lang,
    /// A line above the title: "Beslutsunderlag · Jämtlands län 2026".
    pub kicker: String,
    pub title: String,
    pub subtitle: Option<Vec<Span>>,
    /// Label and value pairs under the title: county, year, forum, dates, reference code.
    pub meta: Vec<(String, Vec<Span>)>,
    /// What `check` said, in one or two sentences, with its severity for colour.
    pub status: Option<StatusNote>,
    pub blocks: Vec<Block>,
    /// The last line: what made the document, from which plan.
    pub footer: String,
    /// The day the document is of (the plan's decision date), when there is one: the DOCX's
    /// dates.
    pub date: Option<crate::core::plan::Date>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StatusNote {
    pub kind: StatusKind,
    pub text: Vec<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusKind {
    /// Every compared figure reconciles (warnings aside).
    Verified,
    /// The plan has warnings only.
    Warnings,
    /// The plan has errors: a draft.
    Errors,
}

/// A part of a document, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading; `level` 2 is a section (1 is the title). A section with `new_page` starts on
    /// a new printed page.
    Heading {
        level: u8,
        text: Vec<Span>,
        id: String,
        new_page: bool,
    },
    Paragraph(Vec<Span>),
    /// A list of points.
    List(Vec<Vec<Span>>),
    Table(Table),
    Chart(Chart),
    /// The findings of `check`, numbered, each with its place in the plan.
    Findings(Vec<FindingNote>),
}

/// Inline text.
#[derive(Clone, Debug, PartialEq)]
pub enum Span {
    Text(String),
    Strong(String),
    /// Words as the user wrote them (the plan's titles, descriptions and names, a form's
    /// comment): Swedish whatever the document's language. A document in another language
    /// marks them as Swedish, so that a screen reader reads them and a spelling checker takes
    /// them as Swedish.
    Swedish {
        text: String,
        strong: bool,
    },
    /// An amount (already formatted) with its standing after `check`.
    Figure(Figure),
}

impl Span {
    pub fn text(text: impl Into<String>) -> Span {
        Span::Text(text.into())
    }

    pub fn swedish(text: impl Into<String>) -> Span {
        Span::Swedish {
            text: text.into(),
            strong: false,
        }
    }

    /// The user's words in bold (a heading's title in a table).
    pub fn strong_swedish(text: impl Into<String>) -> Span {
        Span::Swedish {
            text: text.into(),
            strong: true,
        }
    }

    /// The span as plain text (a figure with its mark).
    pub fn plain(&self) -> String {
        match self {
            Span::Text(t) | Span::Strong(t) | Span::Swedish { text: t, .. } => t.clone(),
            Span::Figure(f) => f.plain(),
        }
    }
}

/// The last line of the decision basis and the letters: what ✓ means only where `blocks` show one.
pub fn footer(source: &crate::input::plan::Source, blocks: &[Block], lang: Lang) -> String {
    let (version, path) = (env!("CARGO_PKG_VERSION"), source.file_name());
    let made = say!(
        lang,
        "Skapat med allocate {version} ur {path}. Beloppen är beräknade ur planen.",
        "Made with allocate {version} from {path}. The amounts are computed from the plan."
    );
    if !shows_verified(blocks) {
        return made;
    }
    let mark = lang.pick(
        "✓ betyder att dokumentets angivna summa är kontrollerad mot beräkningen.",
        "✓ means that the document's stated figure was checked against the computation.",
    );
    format!("{made} {mark}")
}

/// The plan's contacts (`[[contacts]]`), each as its line of the documents: the name, the
/// role, the organisation (its actor's name; the id as written when no actor has it), the
/// e-mail address and the phone number, those given, as written (`Anna Frisk,
/// utvecklingsstrateg, Region Jämtland Härjedalen, anna.frisk@regionjh.se`).
pub fn contact_lines(plan: &crate::core::plan::Plan) -> Vec<Vec<Span>> {
    let organisation = |id: &str| {
        (plan.actors.iter())
            .find(|a| a.id.get_ref() == id)
            .map_or(id.to_string(), |a| a.name.clone())
    };
    (plan.contacts.iter())
        .map(|contact| {
            let mut spans = vec![Span::swedish(&contact.name)];
            let words = (contact.role.iter().cloned())
                .chain(contact.actor.as_ref().map(|id| organisation(id.get_ref())));
            for text in words {
                spans.push(Span::text(", "));
                spans.push(Span::swedish(text));
            }
            for text in contact.email().into_iter().chain(contact.phone.as_deref()) {
                spans.push(Span::text(", "));
                spans.push(Span::text(text));
            }
            spans
        })
        .collect()
}

/// The decision basis's line of contacts under its title: `Kontaktpersoner` and each
/// contact's line, separated by semicolons; none when the plan names no contact.
pub fn contacts_meta(plan: &crate::core::plan::Plan, lang: Lang) -> Option<(String, Vec<Span>)> {
    let lines = contact_lines(plan);
    let label = match lines.len() {
        0 => return None,
        1 => lang.pick("Kontaktperson", "Contact"),
        _ => lang.pick("Kontaktpersoner", "Contacts"),
    };
    let mut value = Vec::new();
    for (i, line) in lines.into_iter().enumerate() {
        if i > 0 {
            value.push(Span::text("; "));
        }
        value.extend(line);
    }
    Some((label.to_string(), value))
}

/// Whether any figure in `blocks` is marked ✓ (checked against its printed figure).
pub fn shows_verified(blocks: &[Block]) -> bool {
    figures(blocks).any(|f| f.mark == Mark::Verified)
}

/// Whether each error among `notes` also stands at a figure of the document (`marked`, from
/// [`marked_findings`]): only then may the document say so.
pub fn errors_all_marked(notes: &[FindingNote], marked: &[usize]) -> bool {
    (notes.iter())
        .filter(|n| n.severity == Severity::Error)
        .all(|n| marked.binary_search(&n.number).is_ok())
}

impl Document {
    /// Whether each error the document lists also stands at one of its figures.
    pub fn every_error_at_its_figure(&self) -> bool {
        let marked = marked_findings(&self.blocks, &self.meta);
        let notes: Vec<FindingNote> = (self.blocks.iter())
            .filter_map(|block| match block {
                Block::Findings(notes) => Some(notes.iter().cloned()),
                _ => None,
            })
            .flatten()
            .collect();
        errors_all_marked(&notes, &marked)
    }

    /// Whether the document is a draft: its plan has errors.
    pub fn is_draft(&self) -> bool {
        (self.status.as_ref()).is_some_and(|s| s.kind == StatusKind::Errors)
    }

    /// The title a browser's tab, a printout's default header and a file's properties give:
    /// a draft's says so, "Utkast: Länsgemensamma medel …"; a final document's is its title.
    pub fn file_title(&self) -> String {
        match self.is_draft() {
            true => format!("{}: {}", draft_word(self.lang), self.title),
            false => self.title.clone(),
        }
    }

    /// The line a draft prints on every page (a Word header, the HTML's page margin), so that
    /// no page of it can be taken for the final document's; none for a final document.
    pub fn running_line(&self) -> Option<&'static str> {
        self.is_draft().then(|| {
            self.lang.pick(
                "UTKAST – planen har fel, se första sidan",
                "DRAFT – the plan has errors, see the first page",
            )
        })
    }
}

/// What a document made from a plan with errors is: "Utkast" (its status, title and kicker).
pub fn draft_word(lang: Lang) -> &'static str {
    lang.pick("Utkast", "Draft")
}

/// The numbers (1-based) of the findings that some figure in `blocks` or `meta` is marked
/// with, in order.
pub fn marked_findings(blocks: &[Block], meta: &[(String, Vec<Span>)]) -> Vec<usize> {
    let in_meta = meta
        .iter()
        .flat_map(|(_, spans)| spans)
        .filter_map(|s| match s {
            Span::Figure(f) => Some(f),
            _ => None,
        });
    let mut numbers: Vec<usize> = figures(blocks)
        .chain(in_meta)
        .flat_map(|f| match &f.mark {
            Mark::Finding { numbers, .. } => numbers.as_slice(),
            Mark::None | Mark::Verified => &[],
        })
        .copied()
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
}

/// Every figure in `blocks`, in reading order: in headings (a summary heading's total),
/// paragraphs, lists and tables.
fn figures(blocks: &[Block]) -> impl Iterator<Item = &Figure> {
    blocks
        .iter()
        .flat_map(|block| -> Box<dyn Iterator<Item = &Span> + '_> {
            match block {
                Block::Heading { text: spans, .. } | Block::Paragraph(spans) => {
                    Box::new(spans.iter())
                }
                Block::List(items) => Box::new(items.iter().flatten()),
                Block::Table(table) => Box::new(
                    table
                        .rows
                        .iter()
                        .flat_map(|r| r.cells.iter().flatten())
                        .chain(table.notes.iter().flatten()),
                ),
                Block::Chart(_) | Block::Findings(_) => Box::new(std::iter::empty()),
            }
        })
        .filter_map(|s| match s {
            Span::Figure(f) => Some(f),
            _ => None,
        })
}

/// The label of a table's total row, in bold: `Totalt` ([`Lang::total`]).
pub fn total_label(lang: Lang) -> Vec<Span> {
    vec![Span::Strong(lang.total(true).to_string())]
}

/// Spans as plain text.
pub fn plain(spans: &[Span]) -> String {
    spans.iter().map(Span::plain).collect()
}

/// A formatted amount and how it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub text: String,
    pub mark: Mark,
}

impl Figure {
    /// The figure with its mark as plain text: `12 689 898 kr ✓`, `481 000 kr ≠ 481 600 kr (fel 2)`.
    pub fn plain(&self) -> String {
        match &self.mark {
            Mark::None => self.text.clone(),
            Mark::Verified => format!("{} ✓", self.text),
            Mark::Finding { note, label, .. } => format!("{} {note} ({label})", self.text),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// Not a figure `check` compares.
    None,
    /// A printed figure that `check` compared with what it covers: they agree.
    Verified,
    /// Findings at this figure.
    Finding {
        severity: Severity,
        /// The findings' numbers in the document's list (1-based).
        numbers: Vec<usize>,
        /// What is wrong, short: "≠ beräknat 481 600 kr".
        note: String,
        /// "fel 2", "varning 1".
        label: String,
    },
}

/// A table with a header row that repeats on every printed page.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub caption: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Lines under the table (what an abbreviation or a mark means).
    pub notes: Vec<Vec<Span>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub header: String,
    /// Amounts: right-aligned, never wrapped.
    pub numeric: bool,
    /// Long text (an insats's description): gets the room that is left.
    pub wide: bool,
}

impl Column {
    pub fn text(header: impl Into<String>) -> Column {
        Column {
            header: header.into(),
            numeric: false,
            wide: false,
        }
    }

    pub fn wide(header: impl Into<String>) -> Column {
        Column {
            header: header.into(),
            numeric: false,
            wide: true,
        }
    }

    pub fn amount(header: impl Into<String>) -> Column {
        Column {
            header: header.into(),
            numeric: true,
            wide: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub cells: Vec<Vec<Span>>,
    pub kind: RowKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    Body,
    /// A row under the one above it (a unit under the region, a kommun under the kommuner).
    Indented,
    /// A heading row inside a table (a summary heading with its total).
    Group,
    /// The totals.
    Total,
}

/// A picture of figures that the tables also give.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub id: String,
    pub title: String,
    /// What the picture shows, for a reader who cannot see it (alt text).
    pub description: String,
    /// The picture as a self-contained SVG element (no scripts, no external references).
    pub svg: String,
    /// Its size in SVG user units.
    pub width: u32,
    pub height: u32,
}

/// One finding of `check` as a document lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct FindingNote {
    pub number: usize,
    pub severity: Severity,
    /// "fel 2", "varning 1".
    pub label: String,
    /// The code and the place in the plan (`earmark-total`, `plan.toml:639:10`), for the
    /// plan's author reading a draft; none in a final document, whose warnings are for the
    /// forum, which has no use for them (tester s38).
    pub origin: Option<(String, String)>,
    pub message: String,
    /// The message for the forum reading a final document, where it differs: the plan's
    /// parts by their titles, not their ids (`words::findings::reader_message`).
    pub reader_message: Option<String>,
    pub figures: Option<String>,
    pub hint: String,
}

impl FindingNote {
    /// The anchor a figure links to.
    pub fn anchor(&self) -> String {
        format!("finding-{}", self.number)
    }

    /// The hint as its own line ("Åtgärd: …"), where there is one.
    pub fn hint_line(&self, lang: Lang) -> Option<String> {
        (!self.hint.is_empty()).then(|| format!("{}: {}", lang.pick("Åtgärd", "Fix"), self.hint))
    }
}

/// A finding's text in its pieces, each with whether it is code: the messages mark names,
/// keys and values as the terminal shows them (`medverkan`, `decision_date`), which a
/// document sets as code rather than printing the backticks. A backtick without its pair is
/// text.
pub fn code_spans(text: &str) -> Vec<(&str, bool)> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('`') {
        let Some((code, next)) = after.split_once('`') else {
            break;
        };
        if !before.is_empty() {
            pieces.push((before, false));
        }
        pieces.push((code, true));
        rest = next;
    }
    if !rest.is_empty() {
        pieces.push((rest, false));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::code_spans;

    #[test]
    fn a_finding_text_is_cut_at_its_code_spans() {
        assert_eq!(
            code_spans("insatserna märkta `medverkan` summerar till 800 000 kr"),
            [
                ("insatserna märkta ", false),
                ("medverkan", true),
                (" summerar till 800 000 kr", false)
            ]
        );
        assert_eq!(
            code_spans("`a``b` c `d"),
            [("a", true), ("b", true), (" c `d", false)]
        );
        assert_eq!(code_spans("no code"), [("no code", false)]);
        assert!(code_spans("").is_empty());
    }
}
