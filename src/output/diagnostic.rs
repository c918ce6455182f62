//! Rendering findings and load errors for people: `file:line:col`, the source line with a
//! caret under the offending key or value, the figures, and a hint. The layout is cargo's,
//! drawn by `annotate-snippets`.

use std::borrow::Cow;

use annotate_snippets::{Annotation, AnnotationKind, Group, Level, Renderer, Snippet};

use crate::core::finding::{Finding, Severity};
use crate::input::plan::{LoadError, ParseError, Source};
use crate::input::read::ReadReason;
use crate::output::checked::Figures;
use crate::output::lang::Lang;
use crate::output::text::{hidden, push_name, shown_path};
use crate::output::words::{findings, load};

/// How diagnostics are drawn.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub lang: Lang,
    pub color: bool,
}

impl Style {
    fn renderer(self) -> Renderer {
        if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        }
    }

    fn level(self, severity: Severity) -> Level<'static> {
        let name = crate::output::words::codes::severity(severity, self.lang);
        match severity {
            Severity::Error => Level::ERROR.with_name(name),
            Severity::Warning => Level::WARNING.with_name(name),
        }
    }

    fn note(self) -> Level<'static> {
        Level::NOTE.with_name(crate::output::checked::figures_label(true, self.lang))
    }

    fn help(self) -> Level<'static> {
        Level::HELP.with_name(self.lang.pick("åtgärd", "help"))
    }
}

/// One finding, drawn with its source line.
pub fn render_finding(source: &Source, finding: &Finding, style: Style) -> String {
    let lang = style.lang;
    let path = shown_path(&source.path);
    let message =
        crate::output::text::visible(&findings::message(&finding.problem, lang)).into_owned();
    let primary = clamp(source, finding.span.clone());
    // A related place close by shares the primary's snippet; one far away gets its own, so
    // that no snippet spans a large part of the file.
    let related = finding.related.as_ref().map(|(span, related)| {
        (
            clamp(source, span.clone()),
            findings::related(*related, lang),
        )
    });
    let near = related.as_ref().is_none_or(|(span, _)| {
        let (a, _) = source.line_col(span.start);
        let (b, _) = source.line_col(primary.start);
        a.abs_diff(b) <= NEAR_LINES
    });
    let mut lines = Lines::of(source, &primary);
    if let (true, Some((span, _))) = (near, &related) {
        lines = lines.with(source, span);
    }
    let mut snippet = Snippet::source(lines.text.clone())
        .line_start(lines.first_line)
        .path(path.as_str())
        .fold(true)
        .annotation(AnnotationKind::Primary.span(lines.relative(&primary)));
    let mut far = None;
    if let Some((span, label)) = &related {
        if near {
            snippet = snippet.annotation(
                AnnotationKind::Context
                    .span(lines.relative(span))
                    .label(label.as_str()),
            );
        } else {
            let other = Lines::of(source, span);
            far = Some(
                Snippet::source(other.text.clone())
                    .line_start(other.first_line)
                    .path(path.as_str())
                    .fold(true)
                    .annotation(
                        AnnotationKind::Context
                            .span(other.relative(span))
                            .label(label.as_str()),
                    ),
            );
        }
    }
    let mut elements = vec![];
    // Kronor as `belopp`, a key's sums as `summor`: the names the CI formats give them too.
    let figures = Figures::of(&finding.problem).map(|f| (f.label(lang), f.text(lang)));
    let hint = crate::output::text::visible(&findings::hint(&finding.problem, lang)).into_owned();
    if let Some((label, figures)) = &figures {
        elements.push(Level::NOTE.with_name(*label).message(figures.as_str()));
    }
    elements.push(style.help().message(hint.as_str()));
    let title = style
        .level(finding.severity())
        .primary_title(message.as_str())
        .id(finding.code().as_str());
    let mut group = title.element(snippet);
    if let Some(far) = far {
        group = group.element(far);
    }
    let group = group.elements(elements);
    let (line, column) = source.line_col(primary.start);
    let shown = lines.shown_column(primary.start);
    file_column(
        style.renderer().render(&[group]),
        &path,
        line,
        shown,
        column,
    )
}

/// `rendered` with the column of its `-->` line as the file has it. The renderer counts the
/// column in the text shown, where a character shown by its name (`<U+001B>`) takes eight;
/// the machine-readable formats, and an editor, count the file's characters.
fn file_column(rendered: String, path: &str, line: usize, shown: usize, column: usize) -> String {
    if shown == column {
        return rendered;
    }
    rendered.replacen(
        &format!("{path}:{line}:{shown}"),
        &format!("{path}:{line}:{column}"),
        1,
    )
}

/// How many lines apart a related place may be and still share the primary's snippet.
const NEAR_LINES: usize = 30;

/// The whole lines of the source that a snippet shows, with the number of the first. Giving
/// the renderer only these lines keeps drawing a finding independent of the file's size.
/// What [`visible`](crate::output::text::visible) shows by its Unicode name (a zero-width
/// space, a bidirectional override, a control character) is shown so here too, as in the
/// message above the snippet (`Ber<U+200B>g`); line ends and tabs are left to the renderer.
struct Lines<'s> {
    /// The lines as shown.
    text: Cow<'s, str>,
    /// Byte offset of the lines in the source.
    offset: usize,
    first_line: usize,
    /// The length of the lines in the source.
    source_len: usize,
    /// For each character shown by its name: the byte just after it in the source lines and
    /// just after its name in `text`, to move spans with the text.
    moved: Vec<(usize, usize)>,
}

impl<'s> Lines<'s> {
    /// The lines that `span` (already clamped) touches.
    fn of(source: &'s Source, span: &std::ops::Range<usize>) -> Lines<'s> {
        Lines::between(source, span.start, span.end)
    }

    /// These lines widened to take in `span` as well.
    fn with(self, source: &'s Source, span: &std::ops::Range<usize>) -> Lines<'s> {
        let end = self.offset + self.source_len;
        Lines::between(source, self.offset.min(span.start), end.max(span.end))
    }

    fn between(source: &'s Source, from: usize, to: usize) -> Lines<'s> {
        let (first_line, _) = source.line_col(from);
        let (last_line, _) = source.line_col(to);
        let start = source.line_range(first_line).map_or(0, |r| r.start);
        let end = source
            .line_range(last_line)
            .map_or(source.text.len(), |r| r.end)
            .max(to.min(source.text.len()));
        match source.text.get(start..end) {
            Some(text) => Lines::shown(text, start, first_line),
            None => Lines::shown(source.text.as_str(), 0, 1),
        }
    }

    fn shown(lines: &'s str, offset: usize, first_line: usize) -> Lines<'s> {
        // A line end (`\n`, `\r\n`) and a tab are laid out by the renderer.
        let named = |i: usize, c: char| {
            hidden(c)
                && c != '\n'
                && c != '\t'
                && !(c == '\r' && lines.get(i + 1..).is_some_and(|r| r.starts_with('\n')))
        };
        let mut moved = Vec::new();
        if !lines.char_indices().any(|(i, c)| named(i, c)) {
            return Lines {
                text: Cow::Borrowed(lines),
                offset,
                first_line,
                moved,
                source_len: lines.len(),
            };
        }
        let mut text = String::with_capacity(lines.len() + 16);
        for (i, c) in lines.char_indices() {
            if named(i, c) {
                push_name(&mut text, c);
                moved.push((i + c.len_utf8(), text.len()));
            } else {
                text.push(c);
            }
        }
        Lines {
            text: Cow::Owned(text),
            offset,
            first_line,
            moved,
            source_len: lines.len(),
        }
    }

    /// `span` in the coordinates of the text shown, kept inside it.
    fn relative(&self, span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = span.start.saturating_sub(self.offset).min(self.source_len);
        let end = span
            .end
            .saturating_sub(self.offset)
            .clamp(start, self.source_len);
        self.shown_at(start)..self.shown_at(end)
    }

    /// The column the renderer names in `-->` for a span that starts at byte `at` of the
    /// source: the characters shown before it on its line, plus one.
    fn shown_column(&self, at: usize) -> usize {
        let shown = self.relative(&(at..at)).start;
        let before = self.text.get(..shown).unwrap_or("");
        let line = before
            .rfind('\n')
            .map_or(before, |i| before.get(i + 1..).unwrap_or(""));
        line.chars().count() + 1
    }

    /// A byte offset of the source lines as an offset of the text shown.
    fn shown_at(&self, at: usize) -> usize {
        let before = self.moved.partition_point(|&(source, _)| source <= at);
        match before.checked_sub(1).and_then(|i| self.moved.get(i)) {
            Some(&(source, shown)) => shown + (at - source),
            None => at,
        }
    }
}

/// A file that could not be read or parsed.
pub fn render_load_error(error: &LoadError, style: Style) -> String {
    render_load_error_hinted(error, style, None)
}

/// A file that could not be read or parsed, with `hint` in place of the error's own: for a
/// command whose use of the file differs (a report given to `split --plan`, a plan piped to
/// `report -`).
pub fn render_load_error_hinted(error: &LoadError, style: Style, hint: Option<&str>) -> String {
    match error {
        LoadError::Read { path, reason, .. } => {
            let (message, own) = load::load_error(error, style.lang);
            let hint = hint.map(str::to_string).or(own);
            let mut group: Group = Group::with_title(
                style
                    .level(Severity::Error)
                    .primary_title(message.as_str())
                    .id("read-error"),
            );
            // Text that is not UTF-8 is shown at its first bad byte (as U+FFFD).
            let mut at = None;
            if let ReadReason::NotUtf8 {
                line,
                column,
                shown,
            } = reason
            {
                let byte = shown
                    .char_indices()
                    .nth(column.saturating_sub(1))
                    .map_or(shown.len(), |(i, _)| i);
                let (snippet, shown) = caret_in_line(shown, *line, byte, shown_path(path));
                group = group.element(snippet);
                at = Some((*line, shown, *column));
            }
            if let Some(hint) = &hint {
                group = group.element(style.help().message(hint.as_str()));
            }
            match at {
                Some((line, shown, column)) => {
                    let rendered = render_cut(style, &[group]);
                    file_column(rendered, &shown_path(path), line, shown, column)
                }
                None => style.renderer().render(&[group]),
            }
        }
        LoadError::Parse { source, error } => render_parse_error(source, error, style, hint),
    }
}

fn render_parse_error(
    source: &Source,
    error: &ParseError,
    style: Style,
    hint: Option<&str>,
) -> String {
    let lang = style.lang;
    let path = shown_path(&source.path);
    // What the message quotes of the file shows its hidden characters by name, as a finding's.
    let message = crate::output::text::visible(&load::parse_message(error, lang)).into_owned();
    let hint = hint
        .map(str::to_string)
        .or_else(|| load::parse_hint(error, lang));
    let title = style
        .level(Severity::Error)
        .primary_title(message.as_str())
        .id(error.code());
    let mut at = None;
    let mut group = match &error.span {
        Some(span) => {
            let span = clamp(source, span.clone());
            let lines = Lines::of(source, &span);
            let (line, column) = source.line_col(span.start);
            at = Some((line, lines.shown_column(span.start), column));
            title.element(
                Snippet::source(lines.text.clone())
                    .line_start(lines.first_line)
                    .path(path.as_str())
                    .fold(true)
                    .annotation(AnnotationKind::Primary.span(lines.relative(&span))),
            )
        }
        None => Group::with_title(title),
    };
    if let Some(hint) = &hint {
        group = group.element(style.help().message(hint.as_str()));
    }
    let rendered = style.renderer().render(&[group]);
    match at {
        Some((line, shown, column)) => file_column(rendered, &path, line, shown, column),
        None => rendered,
    }
}

/// Keeps a span inside the text and on character boundaries, so a renderer never panics on
/// an odd span.
fn clamp(source: &Source, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let text = &source.text;
    let mut start = span.start.min(text.len());
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, text.len());
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// How many characters of a key file's line a diagnostic shows.
const FILE_LINE_CHARS: usize = 60;

/// Line `line` of a file, `whole`, with a caret under the character that starts at byte `at`;
/// and the column the renderer names for it (see [`file_column`]).
fn caret_in_line(
    whole: &str,
    line: usize,
    at: usize,
    path: String,
) -> (Snippet<'_, Annotation<'_>>, usize) {
    let width = whole
        .get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(0, char::len_utf8);
    let lines = Lines::shown(whole, 0, line);
    let caret = lines.shown_at(at)..lines.shown_at(at + width);
    let shown = lines.shown_column(at);
    let snippet = Snippet::source(lines.text)
        .line_start(line)
        .path(path)
        .fold(true)
        .annotation(AnnotationKind::Primary.span(caret));
    (snippet, shown)
}

/// `groups` drawn with the line around a caret cut to about `FILE_LINE_CHARS`: a line of a
/// file that is not the plan (or not text) is never echoed whole.
fn render_cut(style: Style, groups: &[Group]) -> String {
    style
        .renderer()
        .term_width(FILE_LINE_CHARS + 10)
        .render(groups)
}

/// A problem on a line of another file than the plan (a key file), drawn like a finding: the
/// file's line with a caret under it, and the hint.
pub fn render_file_problem(
    source: &Source,
    line: Option<usize>,
    code: &str,
    message: &str,
    hint: &str,
    style: Style,
) -> String {
    file_problem(source, (line, None), code, message, None, hint, style)
}

/// [`render_file_problem`] with the two figures it compares, when it compares two, under the
/// message, as a finding of `check` draws them: a key file's total row against its kommun
/// rows.
pub fn render_file_problem_with_figures(
    source: &Source,
    line: Option<usize>,
    code: &str,
    message: &str,
    figures: Option<&Figures>,
    hint: &str,
    style: Style,
) -> String {
    let lang = style.lang;
    let figures = figures.map(|f| (f.label(lang), f.text(lang)));
    let figures = figures
        .as_ref()
        .map(|(label, text)| (*label, text.as_str()));
    file_problem(source, (line, None), code, message, figures, hint, style)
}

/// [`render_file_problem`] with the caret at one column of the line (one-based, in bytes from
/// the line's start, as a JSON reader counts) when it is known: `file:line:col` then names
/// that column, and the line is shown around it, at most about `FILE_LINE_CHARS` characters.
pub fn render_file_problem_at(
    source: &Source,
    line: Option<usize>,
    column: Option<usize>,
    code: &str,
    message: &str,
    hint: &str,
    style: Style,
) -> String {
    file_problem(source, (line, column), code, message, None, hint, style)
}

/// A problem on a line (and column) of another file, with the figures it compares
/// (`(label, text)`) when there are two.
fn file_problem(
    source: &Source,
    (line, column): (Option<usize>, Option<usize>),
    code: &str,
    message: &str,
    figures: Option<(&str, &str)>,
    hint: &str,
    style: Style,
) -> String {
    let figures = figures.map(|(label, text)| Level::NOTE.with_name(label).message(text));
    if let (Some(column), Some(range)) = (column, line.and_then(|l| source.line_range(l))) {
        let whole = source.text.get(range.clone()).unwrap_or("");
        // The character the column falls in (the last one when it is past the line's end).
        let mut at = column.saturating_sub(1).min(whole.len());
        while at > 0 && !whole.is_char_boundary(at) {
            at -= 1;
        }
        if at == whole.len() {
            at = whole.char_indices().last().map_or(0, |(i, _)| i);
        }
        let line_start = source.line_col(range.start).0;
        let group = style
            .level(Severity::Error)
            .primary_title(message)
            .id(code)
            .element(caret_in_line(whole, line_start, at, shown_path(&source.path)).0)
            .elements(figures)
            .element(style.help().message(hint));
        return render_cut(style, &[group]);
    }
    let title = style.level(Severity::Error).primary_title(message).id(code);
    let notes = figures.into_iter().chain([style.help().message(hint)]);
    let path = shown_path(&source.path);
    let shown;
    let group: Group = match line.and_then(|l| source.line_range(l)) {
        Some(range) => {
            // Another file's line is shown only in part: a file named by mistake
            // (`/etc/passwd`) must not be echoed whole.
            let whole = source.text.get(range.clone()).unwrap_or("");
            shown = match whole.char_indices().nth(FILE_LINE_CHARS) {
                Some((cut, _)) => format!("{}…", whole.get(..cut).unwrap_or("")),
                None => whole.to_string(),
            };
            let line_start = source.line_col(range.start).0;
            let lines = Lines::shown(&shown, 0, line_start);
            let caret = 0..lines.text.len();
            title
                .element(
                    Snippet::source(lines.text)
                        .line_start(line_start)
                        .path(path.as_str())
                        .fold(true)
                        .annotation(AnnotationKind::Primary.span(caret)),
                )
                .elements(notes)
        }
        None => title.elements(notes),
    };
    style.renderer().render(&[group])
}

/// Where a problem in a file other than the plan stands: bytes of its text, or a cell of a
/// workbook, which has no text to show.
#[derive(Clone, Debug)]
pub enum FilePlace {
    Span(std::ops::Range<usize>),
    /// A workbook's cell; `sheet` names its sheet when it is not the workbook's first.
    Cell {
        row: u32,
        column: u32,
        sheet: Option<String>,
    },
}

/// A problem to draw at a place in a file: its code, severity, words and the place that
/// explains it (in the same file or another).
pub struct Located<'a> {
    pub source: &'a Source,
    pub place: FilePlace,
    pub severity: Severity,
    pub code: &'a str,
    pub message: &'a str,
    /// A note with the figures involved.
    pub figures: Option<&'a str>,
    pub hint: &'a str,
    pub related: Option<(&'a Source, FilePlace, &'a str)>,
}

/// A problem drawn like a finding: `file:line:col`, the line with a caret under the value (for
/// a workbook, the cell's row and column and the cell's name), the figures and the hint.
pub fn render_located(problem: &Located, style: Style) -> String {
    let lang = style.lang;
    let title = style
        .level(problem.severity)
        .primary_title(problem.message)
        .id(problem.code);
    let main = place_element(problem.source, &problem.place, None);
    let mut group = title.element(main.element);
    if let Some(cell) = &main.cell {
        group = group.element(
            Level::NOTE
                .with_name(lang.pick("cell", "cell"))
                .message(cell.clone()),
        );
    }
    if let Some((source, place, label)) = &problem.related {
        let other = place_element(source, place, Some(label));
        group = group.element(other.element);
        if let Some(cell) = &other.cell {
            group = group.element(Level::NOTE.with_name(*label).message(cell.clone()));
        }
    }
    if let Some(figures) = problem.figures {
        group = group.element(style.note().message(figures));
    }
    group = group.element(style.help().message(problem.hint));
    style.renderer().render(&[group])
}

/// A snippet (text) or an origin (workbook cell) for a place, with the cell's name.
struct PlaceElement<'a> {
    element: annotate_snippets::Element<'a>,
    cell: Option<String>,
}

fn place_element<'a>(
    source: &'a Source,
    place: &FilePlace,
    label: Option<&'a str>,
) -> PlaceElement<'a> {
    match place {
        FilePlace::Span(span) => {
            let span = clamp(source, span.clone());
            let lines = Lines::of(source, &span);
            let kind = if label.is_some() {
                AnnotationKind::Context
            } else {
                AnnotationKind::Primary
            };
            let mut annotation = kind.span(lines.relative(&span));
            if let Some(label) = label {
                annotation = annotation.label(label);
            }
            PlaceElement {
                element: Snippet::source(lines.text.clone())
                    .line_start(lines.first_line)
                    .path(source.path.to_string_lossy())
                    .fold(true)
                    .annotation(annotation)
                    .into(),
                cell: None,
            }
        }
        FilePlace::Cell { row, column, sheet } => PlaceElement {
            element: annotate_snippets::Origin::path(shown_path(&source.path))
                .line(*row as usize)
                .char_column(*column as usize)
                .into(),
            cell: Some(cell_reference(sheet.as_deref(), *row, *column)),
        },
    }
}

/// A cell as a spreadsheet refers to it: `E13`, or on another sheet `Blad2!E13` and
/// `'Mina anteckningar'!E13` (a name with anything but letters, digits and `_` is quoted, a
/// quote in it doubled).
pub fn cell_reference(sheet: Option<&str>, row: u32, column: u32) -> String {
    let cell = format!("{}{row}", column_letters(column));
    match sheet {
        None => cell,
        Some(name) if name.chars().all(|c| c.is_alphanumeric() || c == '_') => {
            format!("{name}!{cell}")
        }
        Some(name) => format!("'{}'!{cell}", name.replace('\'', "''")),
    }
}

/// A spreadsheet column's letters: 1 is `A`, 27 is `AA`.
pub fn column_letters(column: u32) -> String {
    let mut n = column;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_cell_on_another_sheet_is_named_as_a_spreadsheet_names_it() {
        assert_eq!(cell_reference(None, 13, 5), "E13");
        assert_eq!(cell_reference(Some("Blad2"), 13, 5), "Blad2!E13");
        assert_eq!(
            cell_reference(Some("Redovisning_å"), 1, 27),
            "Redovisning_å!AA1"
        );
        assert_eq!(
            cell_reference(Some("Mina 'anteckningar'"), 13, 5),
            "'Mina ''anteckningar'''!E13"
        );
    }

    use super::*;

    /// The text a span covers once the lines are shown.
    fn covered(source: &Source, span: std::ops::Range<usize>) -> String {
        let lines = Lines::of(source, &span);
        lines.text[lines.relative(&span)].to_string()
    }

    #[test]
    fn a_span_covers_the_same_text_after_invisible_characters_are_named() {
        let text = "[plan]\nk = { \"a\u{200b}\" = 1, b = 2 } # \u{202e}x\r\nc = \"\u{200b}\"\n";
        let source = Source::new("p.toml", text);
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            start..start + needle.len()
        };
        assert_eq!(covered(&source, at("2")), "2");
        assert_eq!(covered(&source, at("\"a\u{200b}\"")), "\"a<U+200B>\"");
        assert_eq!(covered(&source, at("\u{202e}x")), "<U+202E>x");
        assert_eq!(covered(&source, at("\"\u{200b}\"")), "\"<U+200B>\"");
        // Over two lines: the line end is kept for the renderer, its CR not named.
        let lines = Lines::of(&source, &(at("b = 2").start..at("c = ").end));
        assert!(
            lines.text.ends_with("# <U+202E>x\r\nc = \"<U+200B>\""),
            "{:?}",
            lines.text
        );
        assert_eq!(covered(&source, at("b = 2").start..at("c = ").end).len(), {
            "b = 2 } # <U+202E>x\r\nc = ".len()
        });
    }

    #[test]
    fn lines_without_invisible_characters_are_borrowed() {
        let source = Source::new("p.toml", "a = 1\tb\r\n");
        let lines = Lines::of(&source, &(0..1));
        assert!(matches!(lines.text, Cow::Borrowed("a = 1\tb")));
    }
}
