//! Rendering findings and load errors for people: `file:line:col`, the source line with a
//! caret under the offending key or value, the figures, and a hint. The layout is cargo's,
//! drawn by `annotate-snippets`.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::finding::{Finding, Severity};
use crate::lang::Lang;
use crate::plan::{LoadError, ParseError, ParseErrorKind, ReadReason, Source};

/// Top-level tables of a plan, for a missing-table hint.
const TABLES: [&str; 5] = ["plan", "areas", "actors", "insatser", "kommuner"];

fn table_header(name: &str) -> String {
    if name == "plan" {
        "[plan]".to_string()
    } else {
        format!("[[{name}]]")
    }
}

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
        match severity {
            Severity::Error => Level::ERROR.with_name(self.lang.pick("fel", "error")),
            Severity::Warning => Level::WARNING.with_name(self.lang.pick("varning", "warning")),
        }
    }

    fn note(self) -> Level<'static> {
        Level::NOTE.with_name(self.lang.pick("belopp", "figures"))
    }

    fn help(self) -> Level<'static> {
        Level::HELP.with_name(self.lang.pick("åtgärd", "help"))
    }
}

/// One finding, drawn with its source line.
pub fn render_finding(source: &Source, finding: &Finding, style: Style) -> String {
    let lang = style.lang;
    let path = source.display_path();
    let message = finding.problem.message(lang);
    let mut snippet = Snippet::source(source.text.as_str())
        .line_start(1)
        .path(path.as_str())
        .fold(true)
        .annotation(AnnotationKind::Primary.span(clamp(source, finding.span.clone())));
    if let Some((span, related)) = &finding.related {
        snippet = snippet.annotation(
            AnnotationKind::Context
                .span(clamp(source, span.clone()))
                .label(related.label(lang)),
        );
    }
    let mut elements = vec![];
    let figures = finding.problem.figures().map(|(stated, computed)| {
        let diff = computed - stated;
        match lang {
            Lang::Sv => format!(
                "angivet {}, beräknat {}, skillnad {}",
                stated.sv(),
                computed.sv(),
                diff.sv()
            ),
            Lang::En => format!(
                "stated {}, computed {}, difference {}",
                stated.en(),
                computed.en(),
                diff.en()
            ),
        }
    });
    let hint = finding.problem.hint(lang);
    if let Some(figures) = &figures {
        elements.push(style.note().message(figures.as_str()));
    }
    elements.push(style.help().message(hint.as_str()));
    let title = style
        .level(finding.severity)
        .primary_title(message.as_str())
        .id(finding.problem.code());
    let group = title.element(snippet).elements(elements);
    style.renderer().render(&[group])
}

/// The words of a load error: its message and, where there is one, its hint. The drawing
/// below and the machine-readable formats (`render::checked`) both use these.
pub fn load_error_words(error: &LoadError, lang: Lang) -> (String, Option<String>) {
    match error {
        LoadError::Read { path, reason } => (
            format!(
                "{} {}: {}",
                lang.pick("kan inte läsa", "cannot read"),
                path.display(),
                read_reason(reason, lang)
            ),
            Some(
                lang.pick(
                    "ange sökvägen till en planfil i TOML, till exempel allocations/plan-2026.toml",
                    "give the path of a TOML plan file, for example allocations/plan-2026.toml",
                )
                .to_string(),
            ),
        ),
        LoadError::Parse { error, .. } => (parse_message(error, lang), parse_hint(error, lang)),
    }
}

/// A file that could not be read or parsed.
pub fn render_load_error(error: &LoadError, style: Style) -> String {
    match error {
        LoadError::Read { .. } => {
            let (message, hint) = load_error_words(error, style.lang);
            let title = style
                .level(Severity::Error)
                .primary_title(message.as_str())
                .id("read-error");
            let group: Group = match &hint {
                Some(hint) => title.element(style.help().message(hint.as_str())),
                None => Group::with_title(title),
            };
            style.renderer().render(&[group])
        }
        LoadError::Parse { source, error } => render_parse_error(source, error, style),
    }
}

fn render_parse_error(source: &Source, error: &ParseError, style: Style) -> String {
    let lang = style.lang;
    let path = source.display_path();
    let message = parse_message(error, lang);
    let hint = parse_hint(error, lang);
    let title = style
        .level(Severity::Error)
        .primary_title(message.as_str())
        .id(error.code());
    let mut group = match &error.span {
        Some(span) => title.element(
            Snippet::source(source.text.as_str())
                .line_start(1)
                .path(path.as_str())
                .fold(true)
                .annotation(AnnotationKind::Primary.span(clamp(source, span.clone()))),
        ),
        None => Group::with_title(title),
    };
    if let Some(hint) = &hint {
        group = group.element(style.help().message(hint.as_str()));
    }
    style.renderer().render(&[group])
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

fn read_reason(reason: &ReadReason, lang: Lang) -> String {
    match reason {
        ReadReason::NotFound => lang.pick("filen finns inte", "no such file").to_string(),
        ReadReason::Directory => lang
            .pick(
                "är en mapp, inte en planfil",
                "is a directory, not a plan file",
            )
            .to_string(),
        ReadReason::PermissionDenied => lang.pick("åtkomst nekad", "permission denied").to_string(),
        ReadReason::NotUtf8 { line } => match lang {
            Lang::Sv => format!(
                "inte UTF-8-text (första ogiltiga tecknet på rad {line}); spara filen som UTF-8"
            ),
            Lang::En => format!(
                "not UTF-8 text (first invalid byte on line {line}); save the file as UTF-8"
            ),
        },
        ReadReason::Other(e) => e.clone(),
    }
}

/// Serde's names for TOML types, in words a plan's author knows.
fn type_words(serde_words: &str, lang: Lang) -> String {
    let (kind, rest) = serde_words.split_once(' ').unwrap_or((serde_words, ""));
    let word = match (kind, lang) {
        ("string", Lang::Sv) => "text",
        ("string", Lang::En) => "text",
        ("integer", Lang::Sv) => "heltal",
        ("integer", Lang::En) => "whole number",
        ("floating", Lang::Sv) => return "decimaltal".to_string(),
        ("floating", Lang::En) => return "decimal number".to_string(),
        ("boolean", Lang::Sv) => "sant/falskt",
        ("boolean", Lang::En) => "true/false",
        ("sequence", Lang::Sv) => "lista",
        ("sequence", Lang::En) => "list",
        ("map", Lang::Sv) => "tabell",
        ("map", Lang::En) => "table",
        ("i32" | "i64" | "u8" | "u32" | "u64", Lang::Sv) => return "ett heltal".to_string(),
        ("i32" | "i64" | "u8" | "u32" | "u64", Lang::En) => return "a whole number".to_string(),
        ("a", _) if rest == "string" => return lang.pick("text", "text").to_string(),
        _ => return serde_words.to_string(),
    };
    if rest.is_empty() {
        word.to_string()
    } else {
        format!("{word} {rest}")
    }
}

fn parse_message(error: &ParseError, lang: Lang) -> String {
    match (&error.kind, lang) {
        (ParseErrorKind::Syntax { detail }, Lang::Sv) => format!("ogiltig TOML: {detail}"),
        (ParseErrorKind::Syntax { detail }, Lang::En) => format!("invalid TOML: {detail}"),
        (ParseErrorKind::UnknownKey { key, .. }, Lang::Sv) => format!("okänd nyckel `{key}`"),
        (ParseErrorKind::UnknownKey { key, .. }, Lang::En) => format!("unknown key `{key}`"),
        (ParseErrorKind::UnknownValue { value, .. }, Lang::Sv) => format!("okänt värde `{value}`"),
        (ParseErrorKind::UnknownValue { value, .. }, Lang::En) => {
            format!("unknown value `{value}`")
        }
        (ParseErrorKind::MissingField { field }, Lang::Sv) => {
            format!("obligatorisk nyckel `{field}` saknas")
        }
        (ParseErrorKind::MissingField { field }, Lang::En) => {
            format!("required key `{field}` is missing")
        }
        (ParseErrorKind::AmountAsText, Lang::Sv) => "beloppet är skrivet som text".to_string(),
        (ParseErrorKind::AmountAsText, Lang::En) => "the amount is written as text".to_string(),
        (ParseErrorKind::AmountAsFloat, Lang::Sv) => "beloppet är ett decimaltal".to_string(),
        (ParseErrorKind::AmountAsFloat, Lang::En) => "the amount is a decimal number".to_string(),
        (ParseErrorKind::WeightAsFloat, Lang::Sv) => {
            "procentsatsen är skriven som decimaltal".to_string()
        }
        (ParseErrorKind::WeightAsFloat, Lang::En) => {
            "the percentage is written as a decimal number".to_string()
        }
        (ParseErrorKind::WeightBadText, Lang::Sv) => "värdet är inte ett tal".to_string(),
        (ParseErrorKind::WeightBadText, Lang::En) => "the value is not a number".to_string(),
        (ParseErrorKind::DateWithTime, Lang::Sv) => {
            "ett datum utan klockslag förväntades".to_string()
        }
        (ParseErrorKind::DateWithTime, Lang::En) => "expected a date without a time".to_string(),
        (ParseErrorKind::ActorWrongType, Lang::Sv) => {
            "`actor` ska vara ett aktörs-id eller en lista av id".to_string()
        }
        (ParseErrorKind::ActorWrongType, Lang::En) => {
            "`actor` must be an actor id or a list of ids".to_string()
        }
        (ParseErrorKind::WrongType { found, expected }, Lang::Sv) => {
            format!(
                "fel typ: {}, förväntade {}",
                type_words(found, lang),
                type_words(expected, lang)
            )
        }
        (ParseErrorKind::WrongType { found, expected }, Lang::En) => {
            format!(
                "wrong type: {}, expected {}",
                type_words(found, lang),
                type_words(expected, lang)
            )
        }
    }
}

fn parse_hint(error: &ParseError, lang: Lang) -> Option<String> {
    let list = |items: &[String]| {
        items
            .iter()
            .map(|i| format!("`{i}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Some(match &error.kind {
        ParseErrorKind::Syntax { .. } => lang
            .pick(
                "kontrollera citattecken, hakparenteser och likhetstecken på raden",
                "check the quotes, brackets and equals signs on the line",
            )
            .to_string(),
        ParseErrorKind::UnknownKey {
            suggestion: Some(s),
            ..
        }
        | ParseErrorKind::UnknownValue {
            suggestion: Some(s),
            ..
        } => {
            format!("{} `{s}`?", lang.pick("menade du", "did you mean"))
        }
        ParseErrorKind::UnknownKey { expected, .. } => {
            format!(
                "{} {}",
                lang.pick("tillåtna nycklar här:", "keys allowed here:"),
                list(expected)
            )
        }
        ParseErrorKind::UnknownValue { expected, .. } => {
            format!(
                "{} {}",
                lang.pick("tillåtna värden:", "allowed values:"),
                list(expected)
            )
        }
        ParseErrorKind::MissingField { field } if TABLES.contains(&field.as_str()) => match lang {
            Lang::Sv => format!("lägg till tabellen {}", table_header(field)),
            Lang::En => format!("add the table {}", table_header(field)),
        },
        ParseErrorKind::MissingField { field } => match lang {
            Lang::Sv => format!("lägg till `{field} = ...` i tabellen"),
            Lang::En => format!("add `{field} = ...` to the table"),
        },
        ParseErrorKind::AmountAsText => lang
            .pick(
                "skriv belopp som tal utan citattecken och mellanslag, till exempel 12_689_898",
                "write amounts as numbers without quotes or spaces, for example 12_689_898",
            )
            .to_string(),
        ParseErrorKind::AmountAsFloat => lang
            .pick(
                "belopp är hela kronor: skriv 481_600, inte 481600.0 eller 481,6",
                "amounts are whole kronor: write 481_600, not 481600.0",
            )
            .to_string(),
        ParseErrorKind::WeightAsFloat => lang
            .pick(
                "skriv procentsatser som text för att behålla dem exakt: \"5,3\"",
                "write percentages as text to keep them exact: \"5,3\"",
            )
            .to_string(),
        ParseErrorKind::WeightBadText => lang
            .pick(
                "skriv ett tal, till exempel \"49,0\" eller 64_977",
                "write a number, for example \"49,0\" or 64_977",
            )
            .to_string(),
        ParseErrorKind::DateWithTime => lang
            .pick("skriv datum som 2026-12-01", "write dates as 2026-12-01")
            .to_string(),
        ParseErrorKind::ActorWrongType => lang
            .pick(
                "skriv till exempel actor = \"kfjh\" eller actor = [\"rjh\", \"kfjh\"]",
                "write for example actor = \"kfjh\" or actor = [\"rjh\", \"kfjh\"]",
            )
            .to_string(),
        ParseErrorKind::WrongType { .. } => return None,
    })
}
