//! The words of files that cannot be read or parsed: why a file is not text, and every TOML
//! and shape error in plain words (the Swedish ones are translated from toml's).

use rust_decimal::{Decimal, RoundingStrategy};

use crate::core::money::Amount;
use crate::core::unreadable::{OsError, Special};
use crate::input::plan::{
    BinaryKind, LoadError, Looks, OtherFile, ParseError, ParseErrorKind, ReadReason, TableApart,
};
use crate::output::lang::Lang;
use crate::output::number;
use crate::output::words::findings;
use crate::say;

/// Top-level tables of a plan, for a missing-table hint.
const TABLES: [&str; 5] = ["plan", "areas", "actors", "insatser", "kommuner"];

fn table_header(name: &str) -> String {
    if name == "plan" {
        "[plan]".to_string()
    } else {
        format!("[[{name}]]")
    }
}

/// The words of a load error: its message and, where there is one, its hint. The drawing
/// below and the machine-readable formats (`render::checked`) both use these.
pub fn load_error(error: &LoadError, lang: Lang) -> (String, Option<String>) {
    match error {
        LoadError::Read {
            path,
            reason,
            stdin,
        } => (
            format!(
                "{} {}: {}",
                lang.pick("kan inte läsa", "cannot read"),
                path.display(),
                read_reason(reason, FileKind::Plan, *stdin, lang)
            ),
            Some(read_hint_for(reason, None, lang)),
        ),
        LoadError::Parse { error, .. } => (parse_message(error, lang), parse_hint(error, lang)),
    }
}

/// The kind of file that cannot be read, as its messages name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Plan,
    /// A follow-up form or usage file in TOML.
    Usage,
    /// A population file for a key.
    Key,
}

impl FileKind {
    /// `en plan`, `en redovisning`, `en nyckelfil`.
    fn noun(self, lang: Lang) -> &'static str {
        match self {
            FileKind::Plan => lang.pick("en plan", "a plan"),
            FileKind::Usage => lang.pick("en redovisning", "a usage file"),
            FileKind::Key => lang.pick("en nyckelfil", "a key file"),
        }
    }
}

/// `-` given for a file of `kind` that is read only from a path.
pub fn stdin_not_read(kind: FileKind, lang: Lang) -> String {
    let noun = kind.noun(lang);
    say!(
        lang,
        "`-` (standard in, stdin) läses bara som plan, inte som {noun}: ange filens sökväg",
        "`-` (standard input) is read only as a plan, not as {noun}: give the file's path"
    )
}

/// Why a file of `kind` cannot be read; `stdin`: it was piped in, so a size over the limit is
/// not known (reading stopped one byte past it).
pub fn read_reason(reason: &ReadReason, kind: FileKind, stdin: bool, lang: Lang) -> String {
    let noun = kind.noun(lang);
    match reason {
        ReadReason::TooLarge { limit, .. } if stdin => {
            let limit = crate::output::number::file_size(*limit, lang);
            say!(
                lang,
                "standard in (stdin) är större än {limit}, det största {noun} får vara",
                "standard input is larger than {limit}, the most {noun} may be"
            )
        }
        ReadReason::NotFound => not_found(lang).to_string(),
        ReadReason::StdinNotRead => stdin_not_read(kind, lang),
        ReadReason::NoMatch => no_match(lang).to_string(),
        ReadReason::Directory => directory(kind, lang),
        ReadReason::PermissionDenied => lang.pick("åtkomst nekad", "permission denied").to_string(),
        ReadReason::NotAPlan(other) => {
            let what = other_file(*other, lang);
            say!(lang, "{what}, inte {noun}", "{what}, not {noun}")
        }
        ReadReason::NotUtf8 { line, .. } => say!(
            lang,
            "inte UTF-8-text (första ogiltiga tecknet står på rad {line})",
            "not UTF-8 text (the first invalid byte is on line {line})"
        ),
        ReadReason::TooLarge { size, limit } => too_large(*size, *limit, kind, lang),
        ReadReason::TooManyParts { parts, limit } => {
            let (parts, limit) = (number::count(*parts, lang), number::count(*limit, lang));
            let noun = kind.noun(lang);
            say!(
                lang,
                "filen har {parts} delar i TOML (värden, nycklar, skiljetecken och mellanrum); {noun} får ha högst {limit}, så mycket som ryms i minnet när filen tolkas",
                "the file has {parts} TOML parts (values, keys, separators and spaces); {noun} may have at most {limit}, as many as fit in memory while the file is parsed"
            )
        }
        ReadReason::Utf16 => lang
            .pick(
                "texten är sparad som UTF-16 (\"Unicode\"), inte UTF-8",
                "the text is saved as UTF-16 (\"Unicode\"), not UTF-8",
            )
            .to_string(),
        ReadReason::Binary(binary) => {
            let what = binary_file(*binary, lang);
            say!(lang, "är {what}, inte {noun}", "is {what}, not {noun}")
        }
        ReadReason::NotRegular(special) => not_regular(*special, lang),
        ReadReason::StdinIsTerminal => lang
            .pick(
                "standard in (stdin) är en terminal, inte en fil eller en pipe",
                "standard input is a terminal, not a file or a pipe",
            )
            .to_string(),
        ReadReason::Other(e) => os_error(*e, lang),
    }
}

/// A file that is not there.
pub fn not_found(lang: Lang) -> &'static str {
    lang.pick("filen finns inte", "no such file")
}

/// A folder where a file of `kind` belongs.
pub fn directory(kind: FileKind, lang: Lang) -> String {
    let noun = kind.noun(lang);
    say!(
        lang,
        "är en mapp, inte {noun}",
        "is a directory, not {noun}"
    )
}

/// A file of `kind` over its size limit, refused before it is read.
pub fn too_large(size: u64, limit: u64, kind: FileKind, lang: Lang) -> String {
    let (size, limit) = (
        number::file_size(size, lang),
        number::file_size(limit, lang),
    );
    let noun = kind.noun(lang);
    say!(
        lang,
        "filen är {size}; {noun} får vara högst {limit}",
        "the file is {size}; {noun} may be at most {limit}"
    )
}

/// What a file that is not text is (`en PDF-fil`).
pub fn binary_file(kind: BinaryKind, lang: Lang) -> &'static str {
    match kind {
        BinaryKind::Zip => lang.pick(
            "en Excel- eller Word-fil (xlsx/docx) eller annan zip-fil",
            "an Excel or Word file (xlsx/docx) or another zip file",
        ),
        BinaryKind::OldOffice => lang.pick(
            "en äldre Excel- eller Word-fil (xls/doc)",
            "an old Excel or Word file (xls/doc)",
        ),
        BinaryKind::Pdf => lang.pick("en PDF-fil", "a PDF file"),
        BinaryKind::Other => lang.pick(
            "en binär fil (den innehåller nolltecken)",
            "a binary file (it contains NUL bytes)",
        ),
    }
}

/// A pattern given for files (`plans/*.toml`, plans or forms) that matches none.
pub fn no_match(lang: Lang) -> &'static str {
    lang.pick("mönstret matchar ingen fil", "the pattern matches no file")
}

/// Why a line of a text file in UTF-8 is not (a key file's, a form's).
pub fn mixed_encoding(lang: Lang) -> &'static str {
    lang.pick(
        "raden är inte UTF-8 som resten av filen (den kommer från en fil i en annan teckenkodning)",
        "the line is not UTF-8 as the rest of the file is (it comes from a file in another encoding)",
    )
}

/// What to do about a line that is not UTF-8 in a file that is.
pub fn mixed_encoding_hint(lang: Lang) -> &'static str {
    lang.pick(
        "skriv om raden eller spara hela filen på nytt som UTF-8 (i Excel: Spara som, CSV UTF-8)",
        "retype the line, or save the whole file again as UTF-8 (in Excel: Save As, CSV UTF-8)",
    )
}

/// What a path that is not a regular file is: `en namngiven pipe (FIFO)`, `en enhetsfil`.
pub fn special_kind(special: Special, lang: Lang) -> &'static str {
    match special {
        Special::Fifo => lang.pick("en namngiven pipe (FIFO)", "a named pipe (FIFO)"),
        Special::Device => lang.pick("en enhetsfil", "a device"),
        Special::Socket => lang.pick("en socket", "a socket"),
        Special::Other => lang.pick("en speciell fil", "a special file"),
    }
}

/// A path that is not a regular file, named (for plans and key files alike).
pub fn not_regular(special: Special, lang: Lang) -> String {
    let what = special_kind(special, lang);
    match lang {
        Lang::Sv => format!("är {what}, inte en vanlig fil; läses inte"),
        Lang::En => format!("is {what}, not a regular file; not read"),
    }
}

/// What the operating system said, in the user's language: the common cases in words, any
/// other by its number, never the system's English text.
pub fn os_error(error: OsError, lang: Lang) -> String {
    use std::io::ErrorKind;
    if let Some(words) = error.code.and_then(|code| os_code_words(code, lang)) {
        return words.to_string();
    }
    let words = match error.kind {
        ErrorKind::NotFound => lang.pick("mappen eller filen finns inte", "no such file or folder"),
        ErrorKind::PermissionDenied => lang.pick("åtkomst nekad", "permission denied"),
        ErrorKind::AlreadyExists => lang.pick("filen finns redan", "the file already exists"),
        ErrorKind::StorageFull => lang.pick("disken är full", "the disk is full"),
        ErrorKind::ReadOnlyFilesystem => lang.pick(
            "filsystemet är skrivskyddat",
            "the file system is read-only",
        ),
        ErrorKind::FileTooLarge => lang.pick(
            "filen blir större än vad som är tillåtet (ulimit -f)",
            "the file would exceed the allowed size (ulimit -f)",
        ),
        ErrorKind::NotADirectory => lang.pick(
            "en del av sökvägen är inte en mapp",
            "a part of the path is not a folder",
        ),
        ErrorKind::IsADirectory => lang.pick("är en mapp", "is a folder"),
        ErrorKind::DirectoryNotEmpty => lang.pick("mappen är inte tom", "the folder is not empty"),
        ErrorKind::CrossesDevices => lang.pick(
            "filen kan inte flyttas till en annan disk",
            "the file cannot be moved to another disk",
        ),
        ErrorKind::Interrupted => lang.pick("avbruten", "interrupted"),
        ErrorKind::InvalidFilename => lang.pick("ogiltigt filnamn", "invalid file name"),
        ErrorKind::InvalidData => lang.pick("ogiltiga data", "invalid data"),
        ErrorKind::UnexpectedEof => lang.pick("filen tog slut för tidigt", "the file ended early"),
        ErrorKind::WouldBlock | ErrorKind::TimedOut => {
            lang.pick("filen svarar inte", "the file does not respond")
        }
        ErrorKind::OutOfMemory => lang.pick("minnet räcker inte", "out of memory"),
        ErrorKind::QuotaExceeded => {
            lang.pick("diskkvoten är förbrukad", "the disk quota is used up")
        }
        ErrorKind::ResourceBusy => {
            lang.pick("filen eller disken är upptagen", "the file or disk is busy")
        }
        ErrorKind::ExecutableFileBusy => lang.pick(
            "filen är ett program som körs just nu",
            "the file is a program that is running",
        ),
        ErrorKind::StaleNetworkFileHandle => lang.pick(
            "nätverksfilen finns inte längre där den fanns; öppna mappen på nytt",
            "the network file is no longer where it was; open the folder again",
        ),
        ErrorKind::TooManyLinks => lang.pick("för många länkar", "too many links"),
        _ => {
            return match (error.code, lang) {
                (Some(code), Lang::Sv) => {
                    format!("operativsystemet gav felkod {code}")
                }
                (Some(code), Lang::En) => {
                    format!("the operating system gave error code {code}")
                }
                (None, _) => lang
                    .pick("ett fel från operativsystemet", "an operating-system error")
                    .to_string(),
            };
        }
    };
    words.to_string()
}

/// The errors whose kind std does not name on every Rust this builds with (a loop of
/// symbolic links is `FilesystemLoop`, unstable), or names too loosely (a name too long is
/// `InvalidFilename`), by their number.
fn os_code_words(code: i32, lang: Lang) -> Option<&'static str> {
    #[cfg(unix)]
    {
        Some(match code {
            libc::ELOOP => lang.pick(
                "länkarna bildar en slinga (en symbolisk länk pekar till slut på sig själv)",
                "the symbolic links form a loop (a link ends up pointing to itself)",
            ),
            libc::ENAMETOOLONG => lang.pick(
                "filnamnet eller sökvägen är för lång",
                "the file name or path is too long",
            ),
            libc::EMFILE | libc::ENFILE => {
                lang.pick("för många öppna filer", "too many open files")
            }
            libc::EIO => lang.pick(
                "in- eller utmatningsfel på disken",
                "an input/output error on the disk",
            ),
            libc::ENXIO | libc::ENODEV => lang.pick("enheten finns inte", "no such device"),
            _ => return None,
        })
    }
    #[cfg(not(unix))]
    {
        let _ = (code, lang);
        None
    }
}

/// What a file that is not the one asked for is: `är en befolkningsfil från SCB`.
pub fn other_file(other: OtherFile, lang: Lang) -> String {
    let what = match other {
        OtherFile::KeyFile => lang.pick("en befolkningsfil från SCB", "a population file from SCB"),
        OtherFile::Form => super::a_form(lang),
        OtherFile::Html => lang.pick("en webbsida (HTML)", "a web page (HTML)"),
    };
    say!(lang, "är {what}", "is {what}")
}

/// What to do about a file that cannot be read for want of permission: a plan, a key file or
/// a form alike.
pub fn permission_hint(lang: Lang) -> &'static str {
    lang.pick(
        "kontrollera filens behörigheter: den som kör allocate måste få läsa filen, och gå in i mapparna på vägen dit (ls -l visar dem)",
        "check the file's permissions: whoever runs allocate must be allowed to read the file, and to enter the folders on the way to it (ls -l shows them)",
    )
}

/// How a plan is piped to `command` on standard input (`-` for the plan): `cat plan.toml |
/// allocate report -`; `check`'s for a command that takes no plan so.
fn piped_plan(command: Option<&str>, lang: Lang) -> String {
    match command {
        Some("init") => "cat plan.toml | allocate init --from -".to_string(),
        Some("diff") => "cat plan-2025.toml | allocate diff - plan-2026.toml".to_string(),
        Some(command @ ("report" | "export" | "follow-up")) => {
            format!("cat plan.toml | allocate {command} -")
        }
        Some("split") => {
            let amount = lang.pick("BELOPP", "AMOUNT");
            format!("cat plan.toml | allocate split {amount} --plan - --key ID")
        }
        _ => "cat plan.toml | allocate check -".to_string(),
    }
}

/// The hint for a plan that cannot be read, for `command` (which a plan piped to it names):
/// [`read_hint`], with the command's own pipe where it gives one.
pub fn read_hint_for(reason: &ReadReason, command: Option<&str>, lang: Lang) -> String {
    let piped = piped_plan(command, lang);
    match reason {
        ReadReason::NotRegular(_) => say!(
            lang,
            "ange en planfil på disken, eller skicka planen på standard in (stdin) med `-`: {piped}",
            "give a plan file on disk, or pipe the plan to standard input with `-`: {piped}"
        ),
        // A county new to `allocate` has no plan of last year to give.
        ReadReason::NotFound if command == Some("init") => {
            let example = super::example_plan(lang);
            say!(
                lang,
                "ange sökvägen till förra årets plan, eller börja från {example}: allocate init --example",
                "give the path of last year's plan, or start from {example}: allocate init --example"
            )
        }
        ReadReason::StdinIsTerminal => say!(
            lang,
            "skicka planen till `-` genom en pipe ({piped}), eller ange planfilen",
            "pipe the plan to `-` ({piped}), or give the plan file"
        ),
        _ => read_hint(reason, lang).to_string(),
    }
}

/// What to do about a file that cannot be read (the pipe to `-` as `check` takes it: see
/// [`read_hint_for`]).
fn read_hint(reason: &ReadReason, lang: Lang) -> &'static str {
    match reason {
        ReadReason::PermissionDenied => permission_hint(lang),
        ReadReason::NotAPlan(OtherFile::KeyFile) => lang.pick(
            "en plan är en textfil i TOML; befolkningsfilen anges i planen som en nyckels `file` ([[keys]]), eller till allocate split BELOPP --key FIL",
            "a plan is a TOML text file; the population file is given in the plan as a key's `file` ([[keys]]), or to allocate split AMOUNT --key FILE",
        ),
        ReadReason::NotAPlan(OtherFile::Form) => lang.pick(
            "ange planen i TOML; blanketterna läses av allocate follow-up PLAN REDOVISNING...",
            "give the TOML plan; the forms are read by allocate follow-up PLAN REPORT...",
        ),
        ReadReason::NotAPlan(OtherFile::Html) => lang.pick(
            "ange planfilen i TOML, till exempel allocations/plan-2026.toml; ett beslutsunderlag i HTML skrivs av allocate report PLAN --format html",
            "give the TOML plan file, for example allocations/plan-2026.toml; a decision basis in HTML is written by allocate report PLAN --format html",
        ),
        ReadReason::NotUtf8 { .. } | ReadReason::Utf16 => lang.pick(
            "spara filen som UTF-8 (i Anteckningar: Spara som, Kodning: UTF-8)",
            "save the file as UTF-8 (in Notepad: Save as, Encoding: UTF-8)",
        ),
        ReadReason::Binary(_) => lang.pick(
            "en plan är en textfil i TOML; ange planfilen, till exempel allocations/plan-2026.toml",
            "a plan is a TOML text file; give the plan file, for example allocations/plan-2026.toml",
        ),
        ReadReason::TooManyParts { .. } => lang.pick(
            "en nationell plan med 100 000 insatser har omkring 11 miljoner delar; kontrollera att det är rätt fil, eller höj gränsen med miljövariabeln ALLOCATE_MAX_FILE_MB (i MiB; en del per 4 byte)",
            "a national plan with 100 000 insatser has about 11 million parts; check that this is the right file, or raise the limit with the environment variable ALLOCATE_MAX_FILE_MB (in MiB; one part per 4 bytes)",
        ),
        ReadReason::TooLarge { .. } => lang.pick(
            "en läns plan är några tiotal kB och en nationell med 100 000 insatser ungefär 50 MiB; kontrollera att det är rätt fil, eller höj gränsen med miljövariabeln ALLOCATE_MAX_FILE_MB (i MiB)",
            "a county's plan is a few tens of KB and a national one with 100 000 insatser about 50 MiB; check that this is the right file, or raise the limit with the environment variable ALLOCATE_MAX_FILE_MB (in MiB)",
        ),
        ReadReason::NoMatch => lang.pick(
            "kontrollera mappen och filernas namn i mönstret, till exempel allocations/*.toml",
            "check the folder and the files' names in the pattern, for example allocations/*.toml",
        ),
        _ => lang.pick(
            "ange sökvägen till en planfil i TOML, till exempel allocations/plan-2026.toml",
            "give the path of a TOML plan file, for example allocations/plan-2026.toml",
        ),
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
        ("value", Lang::Sv) => "ett värde",
        ("value", Lang::En) => "a value",
        ("date", Lang::Sv) => "datum",
        ("date", Lang::En) => "date",
        ("a", _) if rest == "string" => return lang.pick("text", "text").to_string(),
        ("a", _) if rest == "TOML datetime" => return lang.pick("ett datum", "a date").to_string(),
        ("a", _) if rest == "sequence" => return lang.pick("en lista", "a list").to_string(),
        ("a", _) if rest == "map" => return lang.pick("en tabell", "a table").to_string(),
        ("a", _) if rest == "boolean" => {
            return lang.pick("sant eller falskt", "true or false").to_string();
        }
        ("struct", _) => return lang.pick("en tabell", "a table").to_string(),
        ("an", _) if rest.starts_with("amount") => {
            return lang
                .pick(
                    "ett belopp i hela kronor, till exempel 12_689_898",
                    "an amount in whole kronor, for example 12_689_898",
                )
                .to_string();
        }
        ("an", _) if rest.starts_with("actor") => {
            return lang
                .pick(
                    "ett aktörs-id eller en lista av id",
                    "an actor id or a list of ids",
                )
                .to_string();
        }
        ("a", _) if rest.starts_with("count") => {
            return lang
                .pick(
                    "ett befolkningstal som 64_977 eller en procentsats som text, \"49,0\"",
                    "a count like 64_977 or a percentage as text like \"49,0\"",
                )
                .to_string();
        }
        _ => return serde_words.to_string(),
    };
    if rest.is_empty() {
        word.to_string()
    } else {
        format!("{word} {}", shown_quoted(rest))
    }
}

/// A quoted text of the file (`"1 000"`, `"a\0"`) as every text of a file is shown: as
/// written, its hidden characters by name (`"a<U+0000>"`). Anything else as it stands.
fn shown_quoted(quoted: &str) -> String {
    match (quoted.strip_prefix('"')).and_then(|t| t.strip_suffix('"')) {
        Some(text) => format!("\"{}\"", crate::output::text::visible(text)),
        None => quoted.to_string(),
    }
}

pub fn parse_message(error: &ParseError, lang: Lang) -> String {
    // A year or a key's decimals beyond a whole number's range: their own limits.
    if let ParseErrorKind::NumberOutOfRange {
        written,
        expected,
        key,
    } = &error.kind
    {
        match (key.as_str(), expected.as_str()) {
            ("year", "i32") => return super::findings::plan_year(written, lang),
            ("precision", _) => {
                let max = crate::core::split::MAX_PRECISION;
                return say!(
                    lang,
                    "`precision = {written}` går inte: en nyckel räknas fram med 0 till {max} decimaler",
                    "`precision = {written}` is not possible: a key is computed with 0 to {max} decimals"
                );
            }
            ("number" | "area" | "focus_areas", _) if !written.starts_with('-') => {
                return say!(
                    lang,
                    "talet {written} är för stort för `{key}`: områden och fokusområden har nummer som i beslutet, 1, 2, 3 …",
                    "the number {written} is too large for `{key}`: areas and focus areas are numbered as in the decision, 1, 2, 3 …"
                );
            }
            _ => {}
        }
    }
    // A whole number too large for its key: the reason is the largest it may be.
    if let ParseErrorKind::NumberOutOfRange {
        written, expected, ..
    } = &error.kind
        && let Some(largest) = largest_below(written, expected)
    {
        let largest = number::count(largest, lang);
        return say!(
            lang,
            "talet {written} är för stort: det största tillåtna är {largest}",
            "the number {written} is too large: the largest allowed is {largest}"
        );
    }
    match (&error.kind, lang) {
        (ParseErrorKind::Syntax { detail }, _) => {
            let words = syntax_words(detail, lang);
            say!(lang, "ogiltig TOML: {words}", "invalid TOML: {words}")
        }
        (
            ParseErrorKind::TextRunsOn {
                quote,
                opened_line,
                closed_line,
                taken,
                ..
            },
            _,
        ) => {
            let Some((line, written)) = taken else {
                return match (*quote, closed_line) {
                    // On its own line: as toml says it when it tells it there.
                    ("\"" | "'", _) => {
                        let kind = if *quote == "'" { "literal" } else { "basic" };
                        let detail = format!("invalid {kind} string, expected `{quote}`");
                        let words = syntax_words(&detail, lang);
                        say!(lang, "ogiltig TOML: {words}", "invalid TOML: {words}")
                    }
                    _ => say!(
                        lang,
                        "texten som börjar med {quote} på rad {opened_line} avslutas aldrig",
                        "the text that begins with {quote} on line {opened_line} is never closed"
                    ),
                };
            };
            let written = shorten(written, lang);
            match closed_line {
                Some(closed) => say!(
                    lang,
                    "texten som börjar med {quote} på rad {opened_line} slutar först på rad {closed}, så rad {line} (`{written}`) har blivit en del av texten",
                    "the text that begins with {quote} on line {opened_line} ends only on line {closed}, so line {line} (`{written}`) has become part of the text"
                ),
                None => say!(
                    lang,
                    "texten som börjar med {quote} på rad {opened_line} avslutas aldrig, så rad {line} (`{written}`) och resten av filen har blivit en del av texten",
                    "the text that begins with {quote} on line {opened_line} is never closed, so line {line} (`{written}`) and the rest of the file have become part of the text"
                ),
            }
        }
        (
            ParseErrorKind::ListRunsOn {
                key,
                opened_line,
                taken,
            },
            _,
        ) => {
            let list = match key {
                Some(key) => say!(lang, "listan `{key}`", "the list `{key}`"),
                None => lang.pick("listan", "the list").to_string(),
            };
            match taken {
                Some((line, written)) => {
                    let written = shorten(written, lang);
                    say!(
                        lang,
                        "{list} som börjar med [ på rad {opened_line} avslutas aldrig med ], så rad {line} (`{written}`) har blivit en del av listan",
                        "{list} that begins with [ on line {opened_line} is never closed with ], so line {line} (`{written}`) has become part of the list"
                    )
                }
                None => say!(
                    lang,
                    "{list} som börjar med [ på rad {opened_line} avslutas aldrig med ]",
                    "{list} that begins with [ on line {opened_line} is never closed with ]"
                ),
            }
        }
        (ParseErrorKind::DuplicateKey { key, table, first }, _) => {
            duplicate_key(key, *table, *first, lang)
        }
        (ParseErrorKind::DottedKeyOnValue { key, found }, _) if found == "inline table" => say!(
            lang,
            "tabellen `{key}` är skriven inom {{ }} och kan inte få fler nycklar med punkt, `{key}.…`",
            "table `{key}` is written inside {{ }} and cannot get more keys with a dot, `{key}.…`"
        ),
        (ParseErrorKind::DottedKeyOnValue { key, found }, _) => {
            let what = toml_type_words(found, lang);
            say!(
                lang,
                "`{key}` har redan ett värde, {what}, och kan inte också ha nycklar under sig, `{key}.…`",
                "`{key}` already has a value, {what}, and cannot also have keys under it, `{key}.…`"
            )
        }
        (ParseErrorKind::LooksLike(Looks::Json), Lang::Sv) => {
            "filen är JSON, inte TOML".to_string()
        }
        (ParseErrorKind::LooksLike(Looks::Json), Lang::En) => {
            "the file is JSON, not TOML".to_string()
        }
        (ParseErrorKind::LooksLike(Looks::SpreadsheetRow), Lang::Sv) => {
            "raden ser ut som en rad ur ett kalkylark (fält åtskilda med semikolon eller tabb), inte som TOML".to_string()
        }
        (ParseErrorKind::LooksLike(Looks::SpreadsheetRow), Lang::En) => {
            "the line looks like a spreadsheet row (fields separated by semicolons or tabs), not TOML".to_string()
        }
        (ParseErrorKind::LooksLike(Looks::UsageReport), Lang::Sv) => {
            "filen är en redovisning till uppföljningen, inte en plan".to_string()
        }
        (ParseErrorKind::LooksLike(Looks::UsageReport), Lang::En) => {
            "the file is a follow-up report, not a plan".to_string()
        }
        (ParseErrorKind::LooksLike(Looks::Plan), Lang::Sv) => {
            "filen är en plan, inte en redovisning".to_string()
        }
        (ParseErrorKind::LooksLike(Looks::Plan), Lang::En) => {
            "the file is a plan, not a follow-up report".to_string()
        }
        (ParseErrorKind::TypographicQuote { quote }, Lang::Sv) => {
            format!("texten står inom typografiska citattecken ({quote}), inte raka (\")")
        }
        (ParseErrorKind::TypographicQuote { quote }, Lang::En) => {
            format!("the text is in typographic quotes ({quote}), not straight ones (\")")
        }
        (ParseErrorKind::DecimalComma { written }, Lang::Sv) => match thousands(written) {
            Some(_) => format!(
                "talet {written} kan läsas på två sätt: kommat kan vara tusentalsavgränsare eller decimaltecken"
            ),
            None => format!("talet {written} har decimalkomma"),
        },
        (ParseErrorKind::DecimalComma { written }, Lang::En) => match thousands(written) {
            Some(_) => format!(
                "the number {written} reads two ways: the comma may be a thousands separator or a decimal sign"
            ),
            None => format!("the number {written} has a decimal comma"),
        },
        (ParseErrorKind::NumberWithSpaces { written }, Lang::Sv) => {
            format!("talet {written} är skrivet med mellanslag")
        }
        (ParseErrorKind::NumberWithSpaces { written }, Lang::En) => {
            format!("the number {written} is written with spaces")
        }
        (ParseErrorKind::TableAsList { name }, Lang::Sv) => {
            format!("[[{name}]] är en lista av tabeller, men planen har en enda tabell [{name}]")
        }
        (ParseErrorKind::TableAsList { name }, Lang::En) => {
            format!("[[{name}]] is a list of tables, but the plan has one table [{name}]")
        }
        (ParseErrorKind::TableApart(apart), lang) => {
            let TableApart {
                name,
                list,
                list_line,
                between,
                between_line,
            } = apart.as_ref();
            match list_line {
                Some(list_line) => say!(
                    lang,
                    "{name} står inte i anslutning till sin [[{list}]]: TOML lägger den i [[{list}]] på rad {list_line}, men {between} på rad {between_line} står emellan",
                    "{name} does not follow its [[{list}]]: TOML puts it in the [[{list}]] on line {list_line}, but {between} on line {between_line} stands in between"
                ),
                None => say!(
                    lang,
                    "{name} står före den första [[{list}]], som den ska höra till",
                    "{name} stands before the first [[{list}]], which it must belong to"
                ),
            }
        }
        (
            ParseErrorKind::KeyApart {
                key,
                header,
                header_line,
                ..
            },
            lang,
        ) => say!(
            lang,
            "`{key}` står under {header} på rad {header_line}, och TOML ger den till den tabellen, inte till planen",
            "`{key}` stands below {header} on line {header_line}, and TOML gives it to that table, not to the plan"
        ),
        (ParseErrorKind::ListAsTable { name }, Lang::Sv) => {
            format!("[{name}] är en enda tabell, men planen har en lista av tabeller [[{name}]]")
        }
        (ParseErrorKind::ListAsTable { name }, Lang::En) => {
            format!("[{name}] is one table, but the plan has a list of tables [[{name}]]")
        }
        (ParseErrorKind::StraySpace { code }, _) => {
            let name = stray_space_name(*code, lang);
            let shows = match char::from_u32(*code).is_some_and(char::is_whitespace) {
                true => lang.pick("som ser ut som ett mellanslag", "which looks like a space"),
                false => lang.pick("ett tecken som inte syns", "a character that does not show"),
            };
            say!(
                lang,
                "här står {name} (U+{code:04X}), {shows}; utanför citattecken läser TOML bara vanliga mellanslag och tabbar",
                "here is {name} (U+{code:04X}), {shows}; outside quotes TOML reads only ordinary spaces and tabs"
            )
        }
        (ParseErrorKind::QuoteNotOpened { quote, written }, _) => {
            let written = shorten(written, lang);
            say!(
                lang,
                "texten `{written}` slutar med {quote} men börjar inte med det",
                "the text `{written}` ends with {quote} but does not begin with it"
            )
        }
        (ParseErrorKind::PastedNumber { written, .. }, Lang::Sv) => {
            format!("talet {written} är skrivet som i ett dokument, inte som i TOML")
        }
        (ParseErrorKind::PastedNumber { written, .. }, Lang::En) => {
            format!("the number {written} is written as in a document, not as TOML")
        }
        (ParseErrorKind::NumberTooLarge { written }, Lang::Sv) => {
            format!("talet {} är för stort", shorten(written, lang))
        }
        (ParseErrorKind::NumberTooLarge { written }, Lang::En) => {
            format!("the number {} is too large", shorten(written, lang))
        }
        (
            ParseErrorKind::NumberOutOfRange {
                written, expected, ..
            },
            Lang::Sv,
        ) => format!(
            "talet {written} är utanför det tillåtna: {} förväntades",
            range_words(expected, lang)
        ),
        (
            ParseErrorKind::NumberOutOfRange {
                written, expected, ..
            },
            Lang::En,
        ) => format!(
            "the number {written} is out of range: expected {}",
            range_words(expected, lang)
        ),
        (ParseErrorKind::UnknownKey { key, .. }, _) => {
            let key = super::excerpt(key);
            say!(lang, "okänd nyckel `{key}`", "unknown key `{key}`")
        }
        (ParseErrorKind::UnknownValue { value, .. }, _) => {
            let value = super::excerpt(value);
            say!(lang, "okänt värde `{value}`", "unknown value `{value}`")
        }
        (ParseErrorKind::NameWithSpaces, _) => lang
            .pick(
                "namnet har mellanslag före eller efter texten",
                "the name has spaces before or after the text",
            )
            .to_string(),
        (ParseErrorKind::IdWithSpaces, Lang::Sv) => {
            "id:t har mellanslag före eller efter texten".to_string()
        }
        (ParseErrorKind::IdWithSpaces, Lang::En) => {
            "the id has spaces before or after the text".to_string()
        }
        (ParseErrorKind::InvisibleCharacter { code }, _) => say!(
            lang,
            "texten har ett tecken som inte syns, <U+{code}>",
            "the text has a character that does not show, <U+{code}>"
        ),
        (ParseErrorKind::NotAKommunkod, Lang::Sv) => {
            "kommunkoden är inte fyra siffror".to_string()
        }
        (ParseErrorKind::NotAKommunkod, Lang::En) => {
            "the kommunkod is not four digits".to_string()
        }
        (ParseErrorKind::KommunkodLostZero { written }, Lang::Sv) => {
            format!("kommunkoden {written} är skriven som ett tal och har tappat sin inledande nolla")
        }
        (ParseErrorKind::KommunkodLostZero { written }, Lang::En) => {
            format!("the kommunkod {written} is written as a number and has lost its leading zero")
        }
        // A list of texts: one of them.
        (ParseErrorKind::EmptyText { key }, Lang::Sv) if is_list_of_names(key) => {
            format!("ett namn i `{key}` är tomt")
        }
        (ParseErrorKind::EmptyText { key }, Lang::En) if is_list_of_names(key) => {
            format!("a name in `{key}` is empty")
        }
        (ParseErrorKind::EmptyText { key }, Lang::Sv) if is_list_of_texts(key) => {
            format!("en punkt i `{key}` är tom")
        }
        (ParseErrorKind::EmptyText { key }, Lang::En) if is_list_of_texts(key) => {
            format!("a point of `{key}` is empty")
        }
        (ParseErrorKind::EmptyText { key }, Lang::Sv) => format!("`{key}` är tom"),
        (ParseErrorKind::EmptyText { key }, Lang::En) => format!("`{key}` is empty"),
        (ParseErrorKind::EmptyFile, _) => lang
            .pick("planen är tom: inget att läsa", "the plan is empty: nothing to read")
            .to_string(),
        (ParseErrorKind::MissingField { field }, Lang::Sv) => {
            format!("obligatorisk nyckel `{field}` saknas")
        }
        (ParseErrorKind::MissingField { field }, Lang::En) => {
            format!("required key `{field}` is missing")
        }
        (ParseErrorKind::AmountAsText, Lang::Sv) => {
            "beloppet är skrivet som text som inte är ett tal".to_string()
        }
        (ParseErrorKind::AmountAsText, Lang::En) => {
            "the amount is written as text that is not a number".to_string()
        }
        (ParseErrorKind::AmountAmbiguous, Lang::Sv) => {
            "beloppet kan läsas på två sätt: punkten eller kommat kan vara både tusentalsavgränsare och decimaltecken".to_string()
        }
        (ParseErrorKind::AmountAmbiguous, Lang::En) => {
            "the amount reads two ways: the point or comma may be a thousands separator or a decimal sign".to_string()
        }
        (ParseErrorKind::AmountAsFloat { .. }, Lang::Sv) => {
            "beloppet är ett decimaltal".to_string()
        }
        (ParseErrorKind::AmountAsFloat { .. }, Lang::En) => {
            "the amount is a decimal number".to_string()
        }
        (ParseErrorKind::PopulationAsFloat { written, thousands, .. }, Lang::Sv) => {
            if *thousands {
                format!("folkmängden {written} är skriven som decimaltal; punkten är troligen en tusentalsavgränsare, men en folkmängd är ett heltal")
            } else {
                "folkmängden är skriven som decimaltal; en folkmängd är ett heltal".to_string()
            }
        }
        (ParseErrorKind::PopulationAsFloat { written, thousands, .. }, Lang::En) => {
            if *thousands {
                format!("the population {written} is written as a decimal number; the point is likely a thousands separator, but a population is a whole number")
            } else {
                "the population is written as a decimal number; a population is a whole number".to_string()
            }
        }
        (ParseErrorKind::WeightAsFloat { .. }, Lang::Sv) => {
            "procentsatsen är skriven som decimaltal".to_string()
        }
        (ParseErrorKind::WeightAsFloat { .. }, Lang::En) => {
            "the percentage is written as a decimal number".to_string()
        }
        (ParseErrorKind::NotANumber { written }, Lang::Sv) => format!("{written} är inget tal"),
        (ParseErrorKind::NotANumber { written }, Lang::En) => format!("{written} is not a number"),
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

/// A key or `[table]` given twice, with the line of the first when it is named here (`first`)
/// rather than as a place of its own (`check --format json`'s `related`).
pub fn duplicate_key(key: &str, table: bool, first: Option<usize>, lang: Lang) -> String {
    let first = first
        .map(|n| say!(lang, " (först på rad {n})", " (first on line {n})"))
        .unwrap_or_default();
    match table {
        true => say!(
            lang,
            "tabellen [{key}] finns redan tidigare i filen{first}",
            "table [{key}] is already defined earlier in the file{first}"
        ),
        false => say!(
            lang,
            "nyckeln `{key}` står två gånger i samma tabell{first}",
            "key `{key}` is given twice in the same table{first}"
        ),
    }
}

pub fn parse_hint(error: &ParseError, lang: Lang) -> Option<String> {
    let list = |items: &[String]| {
        items
            .iter()
            .map(|i| format!("`{i}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Some(match &error.kind {
        ParseErrorKind::Syntax { detail }
            if detail.starts_with("invalid date") || detail.starts_with("invalid offset") =>
        {
            lang
            .pick(
                "skriv datum som år-månad-dag, till exempel 2026-12-01",
                "write dates as year-month-day, for example 2026-12-01",
            )
            .to_string()
        }
        ParseErrorKind::Syntax { detail } if detail.starts_with("unexpected leading zero") => lang
            .pick(
                "skriv talet utan nolla först (2026, inte 02026); en kommunkod med nolla först skrivs som text, inom citattecken: code = \"0114\"",
                "write the number without a leading zero (2026, not 02026); a kommunkod with a leading zero is written as text, in quotes: code = \"0114\"",
            )
            .to_string(),
        ParseErrorKind::TextRunsOn {
            quote,
            taken: Some(_),
            replacing: Some(replaced),
            ..
        } => say!(
            lang,
            "skriv {quote} här i stället för `{replaced}`, där texten ska sluta",
            "write {quote} here instead of the `{replaced}`, where the text should end"
        ),
        ParseErrorKind::TextRunsOn {
            quote,
            taken: Some(_),
            ..
        } => say!(
            lang,
            "skriv {quote} här, där texten ska sluta",
            "write {quote} here, where the text should end"
        ),
        ParseErrorKind::TextRunsOn { quote, .. } if quote.len() == 1 => {
            let lines = quote.repeat(3);
            say!(
                lang,
                "skriv {quote} i slutet av texten; en text över flera rader skrivs inom {lines} … {lines}",
                "write {quote} at the end of the text; a text over several lines is written within {lines} … {lines}"
            )
        }
        ParseErrorKind::StraySpace { code: 0xfeff } => lang
            .pick(
                "ta bort det: det kommer när en fil sparad med byte-ordningsmärke fogas till en annan eller sparas med ett till",
                "remove it: it comes when a file saved with a byte order mark is joined to another or saved with one more",
            )
            .to_string(),
        ParseErrorKind::StraySpace { .. } => lang
            .pick(
                "skriv ett vanligt mellanslag i stället, eller inget; tecknet följer ofta med text som kopierats från Word, Outlook eller en PDF",
                "write an ordinary space instead, or none; the character often comes with text copied from Word, Outlook or a PDF",
            )
            .to_string(),
        ParseErrorKind::QuoteNotOpened { quote, .. } => say!(
            lang,
            "skriv {quote} här, där texten börjar",
            "write {quote} here, where the text begins"
        ),
        ParseErrorKind::ListRunsOn { .. } => lang
            .pick(
                "skriv ] här, efter listans sista värde",
                "write ] here, after the last value of the list",
            )
            .to_string(),
        ParseErrorKind::Syntax { detail } if control_in_text(detail) => lang
            .pick(
                "ta bort tecknet, som visas som <U+…> ovan; är det en vagnretur, <U+000D>, spara filen med radslut LF eller CRLF (Windows)",
                "remove the character, shown as <U+…> above; if it is a carriage return, <U+000D>, save the file with LF or CRLF (Windows) line ends",
            )
            .to_string(),
        ParseErrorKind::Syntax { detail } if detail.starts_with("carriage return") => lang
            .pick(
                "filen har en vagnretur (CR) utan radmatning (LF) efter sig, som i en fil sparad för gamla Mac; spara filen med radslut LF eller CRLF (Windows), eller ta bort tecknet",
                "the file has a carriage return (CR) with no line feed after it, as in a file saved with old Mac line ends; save the file with LF or CRLF (Windows) line ends, or remove the character",
            )
            .to_string(),
        ParseErrorKind::TextRunsOn { quote, .. } => say!(
            lang,
            "skriv {quote} där texten ska sluta",
            "write {quote} where the text should end"
        ),
        ParseErrorKind::Syntax { .. } => lang
            .pick(
                "kontrollera citattecken, hakparenteser och likhetstecken på raden",
                "check the quotes, brackets and equals signs on the line",
            )
            .to_string(),
        ParseErrorKind::UnknownKey {
            suggestion: Some(s),
            ..
        } => {
            format!("{} `{s}`?", lang.pick("menade du", "did you mean"))
        }
        // A value's choices are few: the guess and all of them (tester s33 B6).
        ParseErrorKind::UnknownValue {
            suggestion: Some(s),
            expected,
            ..
        } => {
            format!(
                "{} `{s}`? {} {}",
                lang.pick("menade du", "did you mean"),
                lang.pick("Tillåtna värden:", "Allowed values:"),
                list(expected)
            )
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
        ParseErrorKind::NameWithSpaces => lang
            .pick(
                "ta bort mellanslagen: betalningarna och fakturorna anger kommunen med namnet som det skrivs, och \" Östersund \" vore inte \"Östersund\" för den som söker på namnet",
                "remove the spaces: the payments and invoices name the kommun as written, and \" Östersund \" would not be \"Östersund\" to whoever looks the name up",
            )
            .to_string(),
        ParseErrorKind::IdWithSpaces => lang
            .pick(
                "ta bort mellanslagen: id:n jämförs som de skrivs, och \"1.3 \" vore en annan insats än \"1.3\"",
                "remove the spaces: ids are compared as written, and \"1.3 \" would be another insats than \"1.3\"",
            )
            .to_string(),
        ParseErrorKind::InvisibleCharacter { code } => say!(
            lang,
            "ta bort tecknet <U+{code}>: namn och id jämförs som de skrivs, och med tecknet är texten en annan än den som syns (det kommer ofta med text som kopierats från en webbsida)",
            "remove the character <U+{code}>: names and ids are compared as written, and with it the text is another than the one that shows (it often comes with text copied from a web page)"
        ),
        ParseErrorKind::KommunkodLostZero { written } => say!(
            lang,
            "skriv den som SCB, fyra siffror inom citattecken: \"{written:0>4}\"",
            "write it as SCB does, four digits in quotes: \"{written:0>4}\""
        ),
        ParseErrorKind::NotAKommunkod => lang
            .pick(
                "skriv kommunkoden som SCB, fyra siffror inom citattecken: \"2380\"; Stockholms läns kommuner börjar med 0: \"0114\"",
                "write the kommunkod as SCB does, four digits in quotes: \"2380\"; Stockholm county's kommuner start with 0: \"0114\"",
            )
            .to_string(),
        ParseErrorKind::EmptyText { key } if key == "file" => lang
            .pick(
                "skriv sökvägen till SCB-filen, relativ till planfilen, till exempel file = \"keys/folkmangd-2024-11-01.csv\"; eller ta bort raden och ge nyckeln `values` eller `from`",
                "write the path of the SCB file, relative to the plan file, for example file = \"keys/folkmangd-2024-11-01.csv\"; or remove the line and give the key `values` or `from`",
            )
            .to_string(),
        ParseErrorKind::EmptyText { key } if key == "areas" || key == "insatser" => lang
            .pick(
                "en tom lista väljer ingenting: skriv vad summan gäller, eller ta bort nyckeln så gäller summan hela planen",
                "an empty list selects nothing: write what the total covers, or remove the key and the total covers the whole plan",
            )
            .to_string(),
        ParseErrorKind::EmptyText { key } if key == "proposal" => lang
            .pick(
                "skriv beslutspunkten (\"Att … godkänner …\"), eller ta bort den tomma texten ur listan",
                "write the point to decide (\"Att … godkänner …\"), or remove the empty text from the list",
            )
            .to_string(),
        ParseErrorKind::EmptyText { key } if is_list_of_texts(key) => lang
            .pick(
                "skriv stycket som beslutet lyder, eller ta bort den tomma texten ur listan",
                "write the paragraph as the decision reads, or remove the empty text from the list",
            )
            .to_string(),
        ParseErrorKind::EmptyText { key } if is_list_of_names(key) => lang
            .pick(
                "skriv namnet som tabellen visar det (en kommun eller ett aktörs-id), eller ta bort det ur listan",
                "write the name as the table prints it (a kommun or an actor id), or remove it from the list",
            )
            .to_string(),
        ParseErrorKind::EmptyText { key } if is_optional_text(key) => lang
            .pick(
                "skriv texten, eller ta bort nyckeln",
                "write the text, or remove the key",
            )
            .to_string(),
        ParseErrorKind::EmptyText { key } if matches!(key.as_str(), "text" | "title" | "label") => {
            lang.pick(
                "skriv texten som underlaget lyder; en tom text blir tomma rader i underlaget, fakturor och exporter",
                "write the text as the decision basis reads; an empty text makes blank lines in the decision basis, invoices and exports",
            )
            .to_string()
        }
        ParseErrorKind::EmptyText { .. } => lang
            .pick(
                "skriv namnet eller id:t; en tom text blir tomma rader i fakturor, brev och exporter",
                "write the name or id; an empty text makes blank lines in invoices, letters and exports",
            )
            .to_string(),
        ParseErrorKind::EmptyFile => lang
            .pick(
                "ange planfilen, som börjar med tabellen [plan]; nästa års plan görs av årets med `allocate init`",
                "give the plan file, which begins with the table [plan]; next year's plan is made from this year's with `allocate init`",
            )
            .to_string(),
        ParseErrorKind::MissingField { field } if TABLES.contains(&field.as_str()) => match lang {
            Lang::Sv => format!("lägg till tabellen {}", table_header(field)),
            Lang::En => format!("add the table {}", table_header(field)),
        },
        ParseErrorKind::MissingField { field } => match lang {
            Lang::Sv => format!("lägg till `{field} = ...` i tabellen"),
            Lang::En => format!("add `{field} = ...` to the table"),
        },
        ParseErrorKind::AmountAsText => amount_hint(lang).to_string(),
        ParseErrorKind::AmountAmbiguous => lang
            .pick(
                "skriv tusental utan punkt eller komma, som tal utan citattecken: 250_000; decimaler med decimalkomma och en eller två decimaler: \"250,5\"",
                "write thousands without a point or comma, as a number without quotes: 250_000; decimals with a decimal comma and one or two decimals: \"250,5\"",
            )
            .to_string(),
        ParseErrorKind::AmountAsFloat { written: None } => lang
            .pick(
                "belopp är aldrig decimaltal: skriv hela kronor som 481_600; menas en finare enhet, skriv beloppet inom citattecken med decimalkomma, \"481 600,5\", och ange `unit = \"0,1\"` under [plan]",
                "amounts are never decimal numbers: write whole kronor as 481_600; if a finer unit is meant, quote the amount with a decimal comma, \"481 600,5\", and set `unit = \"0,1\"` under [plan]",
            )
            .to_string(),
        ParseErrorKind::AmountAsFloat {
            written: Some(written),
        } => {
            // The amount as the plan would write it, and the unit its decimals need.
            let (whole, fraction) = written.split_once('.').unwrap_or((written, ""));
            if fraction.chars().all(|c| c == '0') {
                let integer = whole
                    .parse::<i64>()
                    .map_or_else(|_| whole.to_string(), |n| number::toml_amount(Amount::kr(n)));
                return Some(say!(
                    lang,
                    "belopp är aldrig decimaltal: skriv hela kronor som ett heltal, {integer}",
                    "amounts are never decimal numbers: write whole kronor as an integer, {integer}"
                ));
            }
            // The amount as the plan would write it (`"1 350 000,5"`), rounded to öre when
            // finer (`0.1 + 0.2` pasted as 0.30000000000000004 is `"0,30"`), and the unit its
            // decimals need; no figure when the float is beyond a decimal's digits.
            let decimals = fraction.trim_end_matches('0').len();
            let finer = decimals > 2;
            let quoted = written.parse::<Decimal>().ok().map(|mut d| {
                d = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
                d.rescale(decimals.min(2) as u32);
                number::toml_amount(Amount(d))
            });
            let quoted = quoted.map_or_else(String::new, |q| format!(", {q}"));
            let unit = if decimals == 1 { "0,1" } else { "0,01" };
            if finer {
                let round = findings::round_to_ore(lang);
                return Some(say!(
                    lang,
                    "belopp är aldrig decimaltal, och inget belopp är finare än ett öre: {round}, skriv det inom citattecken med decimalkomma{quoted}, och ange `unit = \"0,01\"` under [plan]; eller skriv hela kronor utan decimaler",
                    "amounts are never decimal numbers, and no amount is finer than one öre: {round}, quote it with a decimal comma{quoted}, and set `unit = \"0,01\"` under [plan]; or write whole kronor without decimals"
                ));
            }
            say!(
                lang,
                "belopp är aldrig decimaltal: skriv beloppet inom citattecken med decimalkomma{quoted}, och ange `unit = \"{unit}\"` under [plan]; eller skriv hela kronor utan decimaler",
                "amounts are never decimal numbers: quote the amount with a decimal comma{quoted}, and set `unit = \"{unit}\"` under [plan]; or write whole kronor without decimals"
            )
        }
        ParseErrorKind::PopulationAsFloat {
            count: Some(count), ..
        } => {
            let count = number::toml_integer(*count, false);
            say!(
                lang,
                "skriv folkmängden som ett heltal, utan decimaler: {count}",
                "write the population as a whole number, without decimals: {count}"
            )
        }
        ParseErrorKind::PopulationAsFloat { count: None, .. } => lang
            .pick(
                "skriv folkmängden som ett heltal, som SCB anger den, till exempel 64_977",
                "write the population as a whole number, as SCB gives it, for example 64_977",
            )
            .to_string(),
        ParseErrorKind::WeightAsFloat {
            written: Some(written),
        } => say!(
            lang,
            "skriv procentsatsen som text för att behålla den exakt: \"{written}\"",
            "write the percentage as text to keep it exact: \"{written}\""
        ),
        ParseErrorKind::WeightAsFloat { written: None } => lang
            .pick(
                "skriv procentsatser som text för att behålla dem exakt: \"5,3\"",
                "write percentages as text to keep them exact: \"5,3\"",
            )
            .to_string(),
        ParseErrorKind::NotANumber { .. } => lang
            .pick(
                "skriv beloppet i hela kronor, som 481_600, eller procentsatsen som text, \"5,3\"",
                "write the amount in whole kronor, as 481_600, or the percentage as text, \"5,3\"",
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
        ParseErrorKind::ActorWrongType => actor_hint(lang).to_string(),
        ParseErrorKind::DuplicateKey { table: true, .. } => lang
            .pick(
                "slå ihop de två tabellerna till en, eller använd [[...]] för en lista av tabeller",
                "merge the two tables into one, or use [[...]] for a list of tables",
            )
            .to_string(),
        ParseErrorKind::DottedKeyOnValue { found, .. } if found == "inline table" => say!(
            lang,
            "skriv alla tabellens nycklar inom {{ }}, eller skriv tabellen med en egen rubrik och en nyckel per rad",
            "write all the table's keys inside the {{ }}, or write the table under a heading of its own with one key per line"
        ),
        ParseErrorKind::DottedKeyOnValue { key, .. } => say!(
            lang,
            "en nyckel har ett enda värde: ta bort raden `{key} = …` eller raden med `{key}.…`, eller byt namn på den ena",
            "a key has one value: remove the line `{key} = …` or the line with `{key}.…`, or rename one of them"
        ),
        ParseErrorKind::DuplicateKey { table: false, .. } => lang
            .pick("ta bort den ena av de två", "remove one of the two")
            .to_string(),
        ParseErrorKind::LooksLike(Looks::UsageReport) => lang
            .pick(
                "ge planen först och redovisningarna efter den: allocate follow-up PLAN REDOVISNING...",
                "give the plan first and the reports after it: allocate follow-up PLAN REPORT...",
            )
            .to_string(),
        // A plan where the reports belong: the plan was given first already (it is read
        // before the reports), so this is a second plan.
        ParseErrorKind::LooksLike(Looks::Plan) => lang
            .pick(
                "en uppföljning tar en enda plan, den första filen; filerna efter den är redovisningar (ifyllda blanketter eller redovisningar i TOML): ta bort den här planen ur kommandot, eller ge den först i stället om det är den som ska följas upp",
                "a follow-up takes one plan, the first file; the files after it are reports (filled-in forms or usage files in TOML): remove this plan from the command, or give it first instead if it is the one to follow up",
            )
            .to_string(),
        ParseErrorKind::LooksLike(_) => lang
            .pick(
                "en plan är en textfil i TOML med en uppgift per rad, `nyckel = värde`; se README eller allocations/plan-2026.toml",
                "a plan is a TOML text file with one item per line, `key = value`; see the README or allocations/plan-2026.toml",
            )
            .to_string(),
        ParseErrorKind::TypographicQuote { .. } => lang
            .pick(
                "skriv raka citattecken \"…\"; Word och Outlook byter ut dem när text klistras in",
                "write straight quotes \"…\"; Word and Outlook replace them when text is pasted",
            )
            .to_string(),
        ParseErrorKind::DecimalComma { written } => match thousands(written) {
            // Pasted from an English spreadsheet: quoting it as told would only be refused
            // as ambiguous.
            Some(whole) => {
                let spaced = whole.replace('_', " ");
                say!(
                lang,
                "menas {spaced} kr, skriv {whole}; ett belopp med decimaler skrivs inom citattecken med högst två decimaler, till exempel \"1 234,56\"",
                "if {spaced} kr is meant, write {whole}; an amount with decimals is written in quotes with at most two decimals, for example \"1 234,56\""
            )
            }
            None => say!(
            lang,
            "skriv talet inom citattecken, \"{written}\": ett belopp med decimaler (med en finare `unit` under [plan], till exempel \"0,1\") eller en procentsats; hela kronor skrivs som 481_600",
            "write the number in quotes, \"{written}\": an amount with decimals (with a finer `unit` under [plan], for example \"0,1\") or a percentage; whole kronor are written as 481_600"
        ),
        },
        ParseErrorKind::NumberWithSpaces { written } => {
            let underscored = written
                .trim_end_matches("kr")
                .trim_end()
                .replace([' ', '\u{a0}', '\u{202f}'], "_");
            match lang {
                Lang::Sv => format!(
                    "skriv talet utan mellanslag, med understreck mellan tusentalen: {underscored}"
                ),
                Lang::En => format!(
                    "write the number without spaces, with underscores between thousands: {underscored}"
                ),
            }
        }
        ParseErrorKind::TableAsList { name } => match lang {
            Lang::Sv => format!("skriv [{name}] med enkla hakparenteser"),
            Lang::En => format!("write [{name}] with single brackets"),
        },
        ParseErrorKind::TableApart(apart) => {
            let TableApart { name, list, .. } = apart.as_ref();
            say!(
                lang,
                "flytta {name} till direkt under den [[{list}]] den hör till",
                "move {name} to just below the [[{list}]] it belongs to"
            )
        }
        ParseErrorKind::KeyApart {
            key,
            list: true,
            written: true,
            ..
        } => say!(
            lang,
            "skriv varje post av `{key} = [ … ]` som en tabell [[{key}]], som planens andra [[{key}]]",
            "write each entry of `{key} = [ … ]` as a table [[{key}]], as the plan's other [[{key}]]"
        ),
        ParseErrorKind::KeyApart {
            key,
            list: false,
            written: true,
            ..
        } => say!(
            lang,
            "skriv det i planens tabell [{key}]",
            "write it in the plan's table [{key}]"
        ),
        ParseErrorKind::KeyApart {
            key, list: false, ..
        } => say!(
            lang,
            "flytta `{key} = {{ … }}` ovanför filens första tabell, eller skriv den som en tabell [{key}]",
            "move `{key} = {{ … }}` above the file's first table, or write it as a table [{key}]"
        ),
        ParseErrorKind::KeyApart { key, .. } => say!(
            lang,
            "flytta `{key} = [ … ]` ovanför filens första tabell, eller skriv varje post som en tabell [[{key}]]",
            "move `{key} = [ … ]` above the file's first table, or write each entry as a table [[{key}]]"
        ),
        ParseErrorKind::ListAsTable { name } => match lang {
            Lang::Sv => format!(
                "skriv [[{name}]] med dubbla hakparenteser, överst i varje tabell av listan"
            ),
            Lang::En => format!(
                "write [[{name}]] with double brackets, at the top of each table of the list"
            ),
        },
        ParseErrorKind::PastedNumber { toml, written }
            if written.trim_start().starts_with(['\u{2212}', '–', '—']) =>
        {
            match lang {
            Lang::Sv => format!(
                "skriv {toml}: minustecknet som ett vanligt bindestreck (-), understreck mellan tusentalen"
            ),
            Lang::En => format!(
                "write {toml}: the minus sign as a plain hyphen (-), underscores between thousands"
            ),
            }
        }
        ParseErrorKind::PastedNumber { toml, .. } => match lang {
            Lang::Sv => format!(
                "skriv {toml}: bara siffror, med understreck mellan tusentalen"
            ),
            Lang::En => format!(
                "write {toml}: digits only, with underscores between thousands"
            ),
        },
        ParseErrorKind::NumberTooLarge { .. } => lang
            .pick(
                "ett belopp får vara högst 9 223 372 036 854 775 807 kr (19 siffror) och en procentsats ha högst 28 siffror; kontrollera att inget klistrats in två gånger",
                "an amount may be at most 9,223,372,036,854,775,807 kr (19 digits) and a percentage may have at most 28 digits; check that nothing was pasted twice",
            )
            .to_string(),
        ParseErrorKind::NumberOutOfRange { key, expected, .. } => {
            match (key.as_str(), expected.as_str()) {
                ("year", "i32") => super::findings::plan_year_hint(lang),
                ("precision", _) => super::findings::precision_hint(lang),
                _ => lang.pick(
                    "kontrollera talet mot beslutsunderlaget",
                    "check the number against the decision document",
                ),
            }
            .to_string()
        }
        ParseErrorKind::WrongType { found, expected } => wrong_type_hint(found, expected, lang),
    })
}

fn amount_hint(lang: Lang) -> &'static str {
    lang.pick(
        "skriv belopp som tal utan citattecken, till exempel 12_689_898; ett belopp med decimaler inom citattecken med decimalkomma: \"518 183,8\"",
        "write amounts as numbers without quotes, for example 12_689_898; an amount with decimals in quotes with a decimal comma: \"518 183,8\"",
    )
}

fn actor_hint(lang: Lang) -> &'static str {
    lang.pick(
        "skriv aktörens id ur [[actors]], actor = \"id\", eller flera: actor = [\"id1\", \"id2\"]",
        "write the actor's id from [[actors]], actor = \"id\", or several: actor = [\"id1\", \"id2\"]",
    )
}

/// What to write instead of a value of the wrong type, by the type expected: the value
/// itself in the right form where it has one (`"2026-12-01"` → `2026-12-01`, `2026.0` →
/// `2026`, `2380` → `"2380"`), else how that type is written. `found` and `expected` are
/// serde's words (`string "1"`, `floating point `2026.0``; `i32`, `a TOML datetime`).
fn wrong_type_hint(found: &str, expected: &str, lang: Lang) -> String {
    // The value as found: a text's contents, or a number or boolean as written.
    let text = found
        .strip_prefix("string \"")
        .and_then(|t| t.strip_suffix('"'));
    let scalar = ["integer `", "floating point `", "boolean `"]
        .iter()
        .find_map(|kind| found.strip_prefix(kind)?.strip_suffix('`'));
    let whole_number = |t: &str| {
        let digits = t.strip_prefix('-').unwrap_or(t);
        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
    };
    let (kind, rest) = expected.split_once(' ').unwrap_or((expected, ""));
    match (kind, rest) {
        ("a", "string") => match scalar {
            Some(written) => say!(
                lang,
                "skriv det som text, inom citattecken: \"{written}\"",
                "write it as text, in quotes: \"{written}\""
            ),
            None => lang
                .pick(
                    "skriv en text inom citattecken: \"…\"",
                    "write a text in quotes: \"…\"",
                )
                .to_string(),
        },
        ("i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64", _) => {
            let number = text.map(str::trim).filter(|t| whole_number(t)).or_else(|| {
                scalar
                    .and_then(|s| s.strip_suffix(".0"))
                    .filter(|t| whole_number(t))
            });
            match (number, text) {
                (Some(number), Some(_)) => say!(
                    lang,
                    "skriv talet utan citattecken: {number}",
                    "write the number without quotes: {number}"
                ),
                (Some(number), None) => say!(
                    lang,
                    "skriv ett heltal, utan decimaler: {number}",
                    "write a whole number, without decimals: {number}"
                ),
                (None, _) => lang
                    .pick(
                        "skriv ett heltal: bara siffror, utan citattecken och decimaler",
                        "write a whole number: digits only, without quotes or decimals",
                    )
                    .to_string(),
            }
        }
        ("a", "TOML datetime") => match text.filter(|t| t.parse::<toml::value::Datetime>().is_ok()) {
            Some(date) => say!(
                lang,
                "skriv datumet utan citattecken: {date}",
                "write the date without quotes: {date}"
            ),
            None => lang
                .pick(
                    "skriv datum som år-månad-dag utan citattecken, till exempel 2026-12-01",
                    "write dates as year-month-day without quotes, for example 2026-12-01",
                )
                .to_string(),
        },
        ("a", "sequence") => {
            // `"50/50"`, `"kommunerna, region"`: the values of a list written as one text.
            // A slash only between numbers: `"Barnahus/BUP"` may be one name.
            fn parts(t: &str, whole_number: impl Fn(&str) -> bool) -> Vec<&str> {
                let listed: Vec<&str> = t.split(';').flat_map(|p| p.split(", ")).map(str::trim).collect();
                let shares: Vec<&str> = t.split('/').map(str::trim).collect();
                if listed.len() == 1 && shares.iter().all(|p| whole_number(p)) {
                    shares
                } else {
                    listed
                }
            }
            let several = text
                .map(|t| parts(t, whole_number))
                .filter(|parts| parts.len() > 1 && parts.iter().all(|p| !p.is_empty()));
            if let Some(parts) = several {
                let items = parts
                    .iter()
                    .map(|p| {
                        if whole_number(p) {
                            (*p).to_string()
                        } else {
                            format!("\"{p}\"")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                return say!(
                    lang,
                    "skriv en lista inom hakparenteser, ett värde i taget: [{items}]",
                    "write a list in square brackets, one value at a time: [{items}]"
                );
            }
            let one = scalar
                .map(str::to_string)
                .or_else(|| text.map(|t| format!("\"{t}\"")));
            match one {
                Some(one) => say!(
                    lang,
                    "skriv en lista inom hakparenteser, också för ett enda värde: [{one}]",
                    "write a list in square brackets, also for a single value: [{one}]"
                ),
                None => lang
                    .pick(
                        "skriv en lista inom hakparenteser, med kommatecken mellan värdena: [1, 6]",
                        "write a list in square brackets, with commas between the values: [1, 6]",
                    )
                    .to_string(),
            }
        }
        ("a", "boolean") => lang
            .pick(
                "skriv true eller false, utan citattecken",
                "write true or false, without quotes",
            )
            .to_string(),
        ("an", _) if rest.starts_with("amount") => amount_hint(lang).to_string(),
        ("an", _) if rest.starts_with("actor") => actor_hint(lang).to_string(),
        ("a", _) if rest.starts_with("count") => lang
            .pick(
                "skriv ett tal, till exempel 64_977 eller, för en procentsats, \"49,0\"",
                "write a number, for example 64_977 or, for a percentage, \"49,0\"",
            )
            .to_string(),
        ("struct", _) | ("a", "map") => lang
            .pick(
                "skriv en tabell: en rubrik [namn] med en nyckel per rad, eller { nyckel = värde } på en rad",
                "write a table: a heading [name] with one key per line, or { key = value } on one line",
            )
            .to_string(),
        _ => {
            let words = type_words(expected, lang);
            say!(lang, "skriv {words} i stället", "write {words} instead")
        }
    }
}

/// A long number cut in the middle, so that a pasted line of digits stays readable.
fn shorten(written: &str, lang: Lang) -> String {
    let count = written.chars().count();
    if count <= 40 {
        return written.to_string();
    }
    let head: String = written.chars().take(20).collect();
    let tail: String = written.chars().skip(count - 10).collect();
    format!(
        "{head}…{tail} ({count} {})",
        lang.pick("tecken", "characters")
    )
}

/// The largest value of serde's unsigned integer type `expected`, when `written` is too
/// large for it (rather than negative).
fn largest_below(written: &str, expected: &str) -> Option<u64> {
    if written.starts_with('-') {
        return None;
    }
    match expected {
        "u8" => Some(u64::from(u8::MAX)),
        "u16" => Some(u64::from(u16::MAX)),
        "u32" => Some(u64::from(u32::MAX)),
        "u64" => Some(u64::MAX),
        _ => None,
    }
}

/// serde's integer type names as the range they allow.
fn range_words(expected: &str, lang: Lang) -> String {
    match (expected, lang) {
        ("u8" | "u16" | "u32" | "u64", Lang::Sv) => "ett heltal från 0 och uppåt".to_string(),
        ("u8" | "u16" | "u32" | "u64", Lang::En) => "a whole number from 0 up".to_string(),
        ("i32", Lang::Sv) => "ett heltal mellan -2 147 483 648 och 2 147 483 647".to_string(),
        ("i32", Lang::En) => "a whole number between -2,147,483,648 and 2,147,483,647".to_string(),
        _ => type_words(expected, lang),
    }
}

/// toml's names for what a key holds (`DeValue::type_str`), in words.
fn toml_type_words(found: &str, lang: Lang) -> String {
    match found {
        "string" => lang.pick("en text", "a text"),
        "integer" => lang.pick("ett heltal", "a whole number"),
        "float" => lang.pick("ett decimaltal", "a decimal number"),
        "boolean" => lang.pick("sant eller falskt", "true or false"),
        "datetime" => lang.pick("ett datum", "a date"),
        "array" => lang.pick("en lista", "a list"),
        "table" => lang.pick("en tabell", "a table"),
        other => other,
    }
    .to_string()
}

/// toml's words for a character a text may not hold (a control character, a lone carriage
/// return); an unclosed string's expect its closing quote instead.
fn control_in_text(detail: &str) -> bool {
    let (what, expected) = detail.split_once(", expected").unwrap_or((detail, ""));
    matches!(
        what.trim(),
        "invalid basic string"
            | "invalid multi-line basic string"
            | "invalid literal string"
            | "invalid multi-line literal string"
            | "invalid string"
    ) && !matches!(expected.trim(), "`\"`" | "`'`" | "`\"\"\"`" | "`'''`")
}

/// toml's syntax messages in plain words, Swedish and English from one table, for the ones a
/// plan's author is likely to meet; toml's own text for the rest. toml writes "what, expected
/// what"; the words keep the what, since the caret shows where (and toml's expected part is
/// at times wrong: `]` where `]]` is needed).
fn syntax_words(detail: &str, lang: Lang) -> String {
    let what = detail.split(", expected").next().unwrap_or(detail).trim();
    let (sv, en) = match what {
        _ if control_in_text(detail) => (
            "otillåtet tecken i texten (ett styrtecken); skriv om texten eller ta bort tecknet",
            "a character a text may not hold (a control character); rewrite the text or remove the character",
        ),
        "unexpected key or value" => (
            "oväntad nyckel eller oväntat värde; en rad har en nyckel och ett värde",
            "unexpected key or value; a line has one key and one value",
        ),
        "string values must be quoted" => (
            "text måste stå inom citattecken",
            "text must be written within quotes",
        ),
        "invalid basic string" | "invalid string" => (
            "texten avslutas inte med citattecken",
            "the text is not closed with a quote",
        ),
        "invalid multi-line basic string" => (
            "texten avslutas inte med \"\"\"",
            "the text is not closed with \"\"\"",
        ),
        "invalid literal string" => (
            "texten avslutas inte med '",
            "the text is not closed with '",
        ),
        "invalid multi-line literal string" => (
            "texten avslutas inte med '''",
            "the text is not closed with '''",
        ),
        "missing escaped value" | "invalid escape sequence" => (
            "ogiltigt tecken efter \\ i texten; skriv \\\\ för ett bakstreck",
            "invalid character after \\ in the text; write \\\\ for a backslash",
        ),
        "`_` may only go between digits" => (
            "`_` får bara stå mellan siffror",
            "`_` may only stand between digits",
        ),
        "extra comma in array" => ("extra kommatecken i listan", "an extra comma in the list"),
        "invalid boolean" => (
            "ogiltigt sanningsvärde; skriv true eller false",
            "invalid truth value; write true or false",
        ),
        "invalid value" => ("ogiltigt värde", "a value that cannot be read"),
        "invalid binary number" | "invalid octal number" | "invalid hexadecimal number" => {
            ("ogiltigt tal", "invalid number")
        }
        "unclosed array table" => ("[[ avslutas inte med ]]", "[[ is not closed with ]]"),
        "unclosed table" => ("[ avslutas inte med ]", "[ is not closed with ]"),
        "unclosed array" => (
            "listan avslutas inte med ]",
            "the list is not closed with ]",
        ),
        "unclosed inline table" => (
            "tabellen avslutas inte med }",
            "the table is not closed with }",
        ),
        "missing comma between array elements" => (
            "kommatecken saknas mellan listans värden",
            "a comma is missing between the values of the list",
        ),
        "missing comma between key-value pairs" => (
            "kommatecken saknas mellan tabellens nycklar",
            "a comma is missing between the keys of the table",
        ),
        "extra comma in inline table" => (
            "extra kommatecken i tabellen",
            "an extra comma in the table",
        ),
        "missing assignment between key-value pairs" => {
            ("likhetstecken saknas", "an equals sign is missing")
        }
        "key with no value" | "missing value for key" | "missing value" => {
            ("nyckeln saknar värde", "the key has no value")
        }
        "invalid key" | "invalid unquoted key" => (
            "ogiltig nyckel; en nyckel med mellanslag eller å, ä, ö skrivs inom citattecken",
            "invalid key; a key with spaces or å, ä, ö is written within quotes",
        ),
        "unquoted keys cannot be empty" => (
            "nyckeln saknas före likhetstecknet",
            "the key is missing before the equals sign",
        ),
        "invalid date" | "invalid date-time" | "invalid datetime" | "invalid time" => {
            ("ogiltigt datum", "invalid date")
        }
        "invalid offset" => ("ogiltig tidszon i datumet", "invalid time zone in the date"),
        "unexpected leading zero" => (
            "ett tal får inte börja med 0",
            "a number may not start with 0",
        ),
        "invalid integer number"
        | "invalid float"
        | "invalid mantissa"
        | "invalid fraction"
        | "invalid exponent" => ("ogiltigt tal", "invalid number"),
        "floating-point number overflowed" => ("talet är för stort", "the number is too large"),
        "invalid key-value pair" => (
            "ogiltig rad; en rad ska vara `nyckel = värde` eller en [tabell]",
            "invalid line; a line is `key = value` or a [table]",
        ),
        "unclosed array above" => (
            "en lista ovanför avslutas inte med ]",
            "a list above is not closed with ]",
        ),
        "cannot recurse further; max recursion depth met"
        | "recursion limit"
        | "recursion limit exceeded" => (
            "listor eller tabeller är nästlade för djupt",
            "lists or tables are nested too deeply",
        ),
        "carriage return must be followed by newline" => (
            "vagnretur (CR) utan radmatning (LF)",
            "a carriage return (CR) without a line feed (LF)",
        ),
        "invalid comment character" | "unexpected content between comment and newline" => (
            "otillåtet tecken (ett styrtecken) i en kommentar",
            "a character a comment may not hold (a control character)",
        ),
        "invalid table" | "invalid table header" => {
            ("ogiltig tabellrubrik", "invalid table header")
        }
        "extra `=`" | "extra assignment between key-value pairs" => {
            ("ett likhetstecken för mycket", "one equals sign too many")
        }
        "unexpected `=` in array" => (
            "likhetstecken i en lista; skriv listans värden med kommatecken emellan",
            "an equals sign in a list; write the values of the list with commas between them",
        ),
        "integers with a radix cannot be signed" => (
            "ett tal som börjar med 0x, 0o eller 0b får inte ha + eller - före",
            "a number that starts with 0x, 0o or 0b may not have + or - before it",
        ),
        "radix must be lowercase" => (
            "skriv 0x, 0o och 0b med liten bokstav",
            "write 0x, 0o and 0b in lower case",
        ),
        "redundant integer number prefix" | "redundant numeric sign" | "unexpected sign" => (
            "ogiltigt tal: ett tecken (+ eller -) eller prefix för mycket",
            "invalid number: one sign (+ or -) or prefix too many",
        ),
        "invalid inline table element" | "missing key for inline table element" => (
            "ogiltigt värde i tabellen { }; skriv `nyckel = värde` med kommatecken emellan",
            "invalid value in the table { }; write `key = value` with commas between",
        ),
        "keys cannot be multi-line basic strings" | "keys cannot be multi-line literal strings" => {
            (
                "en nyckel kan inte vara en text över flera rader",
                "a key cannot be a text over several lines",
            )
        }
        "missing array opening" => ("[ saknas före listan", "[ is missing before the list"),
        "missing inline table opening" => {
            ("{ saknas före tabellen", "{ is missing before the table")
        }
        "missing table open" => (
            "[ saknas före tabellrubriken",
            "[ is missing before the table header",
        ),
        "missing comment start" => (
            "# saknas före kommentaren",
            "# is missing before the comment",
        ),
        "missing opening quote" => (
            "inledande citattecken saknas",
            "the opening quote is missing",
        ),
        "too few unicode value digits" => (
            "för få siffror efter \\u; skriv \\u med fyra hexadecimala siffror eller \\U med åtta",
            "too few digits after \\u; write \\u with four hexadecimal digits or \\U with eight",
        ),
        "unexpected content" => ("oväntat innehåll", "something unexpected here"),
        _ => return detail.to_string(),
    };
    lang.pick(sv, en).to_string()
}

/// The keys of texts that may be left out (`reference`, `note`): given empty, they are
/// written or left out.
fn is_optional_text(key: &str) -> bool {
    matches!(
        key,
        "note"
            | "reference"
            | "forum"
            | "invoicing"
            | "short"
            | "basis"
            | "responsible"
            | "affected"
            | "source"
            | "column"
            | "role"
            | "email"
            | "phone"
    )
}

/// The keys that hold a list of names, a table's columns (`columns`, `parties`).
fn is_list_of_names(key: &str) -> bool {
    matches!(key, "columns" | "parties")
}

/// The keys that hold a list of paragraphs (`proposal = ["Att SVOM godkänner …"]`): an empty
/// one is a point of the list.
fn is_list_of_texts(key: &str) -> bool {
    matches!(key, "proposal" | "conditions" | "points")
}

/// `310,836` or `12,689,898`: commas before groups of three digits, as likely thousands pasted
/// from an English spreadsheet as decimals. The whole number as TOML writes it (`310_836`),
/// or `None`.
fn thousands(written: &str) -> Option<String> {
    let mut groups = written.split(',');
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let grouped = digits(first)
        && first.len() <= 3
        && !rest.is_empty()
        && rest.iter().all(|g| g.len() == 3 && digits(g));
    grouped.then(|| {
        [first]
            .into_iter()
            .chain(rest)
            .collect::<Vec<_>>()
            .join("_")
    })
}

/// What a space TOML does not read as one is called (`ett hårt mellanslag`).
fn stray_space_name(code: u32, lang: Lang) -> &'static str {
    match code {
        0xa0 => lang.pick("ett hårt mellanslag", "a no-break space"),
        0x202f => lang.pick("ett smalt hårt mellanslag", "a narrow no-break space"),
        0x2009 => lang.pick("ett tunt mellanslag", "a thin space"),
        0x3000 => lang.pick("ett ideografiskt mellanslag", "an ideographic space"),
        0xfeff => lang.pick(
            "ett byte-ordningsmärke mitt i filen",
            "a byte order mark within the file",
        ),
        0x200b => lang.pick("ett mellanslag utan bredd", "a zero-width space"),
        _ if char::from_u32(code).is_some_and(char::is_whitespace) => lang.pick(
            "ett blanktecken av annat slag",
            "a white-space character of another kind",
        ),
        // Not "invisible": the message goes on to say that it does not show.
        _ => lang.pick("ett formateringstecken", "a formatting character"),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_quoted_text_is_shown_with_its_hidden_characters_named() {
        assert_eq!(shown_quoted("\"a\0b\""), "\"a<U+0000>b\"");
        assert_eq!(shown_quoted("\"1\u{a0}000\""), "\"1\u{a0}000\"");
        assert_eq!(shown_quoted("\"Åre\""), "\"Åre\"");
        assert_eq!(shown_quoted("integer `5`"), "integer `5`");
    }
    use super::*;

    /// Every message toml_parser 1.1 can give (found in its source).
    const TOML_PARSER_MESSAGES: &[&str] = &[
        "`_` may only go between digits",
        "cannot recurse further; max recursion depth met",
        "invalid basic string",
        "invalid multi-line basic string",
        "carriage return must be followed by newline",
        "extra `=`",
        "extra assignment between key-value pairs",
        "extra comma in array",
        "extra comma in inline table",
        "integers with a radix cannot be signed",
        "invalid comment character",
        "invalid inline table element",
        "invalid key-value pair",
        "invalid unquoted key",
        "invalid value",
        "key with no value",
        "keys cannot be multi-line basic strings",
        "keys cannot be multi-line literal strings",
        "missing array opening",
        "missing assignment between key-value pairs",
        "missing comma between array elements",
        "missing comma between key-value pairs",
        "missing comment start",
        "missing escaped value",
        "missing inline table opening",
        "missing key for inline table element",
        "missing opening quote",
        "missing table open",
        "missing value",
        "missing value for key",
        "radix must be lowercase",
        "redundant integer number prefix",
        "redundant numeric sign",
        "string values must be quoted",
        "too few unicode value digits",
        "unclosed array",
        "unclosed array table",
        "unclosed inline table",
        "unclosed table",
        "unexpected `=` in array",
        "unexpected content",
        "unexpected content between comment and newline",
        "unexpected key or value",
        "unexpected leading zero",
        "unexpected sign",
        "unquoted keys cannot be empty",
    ];

    /// The messages of toml's own parser (on top of toml_parser's): dates it cannot read
    /// (toml_datetime) and dotted keys; a duplicate key and a dotted key under a value are
    /// refined to kinds of their own (`plan::refine`).
    #[test]
    fn the_date_messages_of_toml_are_said_in_plain_words() {
        for message in [
            "invalid datetime",
            "invalid date, expected month between 01 and 12",
            "invalid time, expected hour between 00 and 23",
            "invalid offset, expected `Z`, +OFFSET, -OFFSET",
        ] {
            for lang in [Lang::Sv, Lang::En] {
                let words = syntax_words(message, lang);
                assert_ne!(words, message, "no plain words for {message:?} ({lang:?})");
            }
        }
    }

    #[test]
    fn a_dotted_key_under_a_value_is_said_by_what_the_key_holds() {
        let error = |text: &str| {
            let kind = crate::input::plan::parse(text).unwrap_err().kind;
            let error = ParseError { span: None, kind };
            (
                parse_message(&error, Lang::Sv),
                parse_message(&error, Lang::En),
            )
        };
        assert_eq!(
            error("[plan]\nunit = 1\nunit.x = 2\n"),
            (
                "`unit` har redan ett värde, ett heltal, och kan inte också ha nycklar under sig, `unit.…`".to_string(),
                "`unit` already has a value, a whole number, and cannot also have keys under it, `unit.…`".to_string()
            )
        );
        assert_eq!(
            error("[plan]\ntitle = \"a\"\ntitle.b = 2\n").0,
            "`title` har redan ett värde, en text, och kan inte också ha nycklar under sig, `title.…`"
        );
        assert_eq!(
            error("[plan]\nx = [1]\nx.y = 2\n").1,
            "`x` already has a value, a list, and cannot also have keys under it, `x.…`"
        );
        assert_eq!(
            error("[plan]\nx = { a = 1 }\nx.b = 2\n").0,
            "tabellen `x` är skriven inom { } och kan inte få fler nycklar med punkt, `x.…`"
        );
    }

    #[test]
    fn every_syntax_message_of_toml_parser_is_said_in_plain_words() {
        for message in TOML_PARSER_MESSAGES {
            for lang in [Lang::Sv, Lang::En] {
                let words = syntax_words(message, lang);
                assert_ne!(words, *message, "no plain words for {message:?} ({lang:?})");
            }
        }
        // The expected part is dropped, the what kept.
        assert_eq!(
            syntax_words(
                "integers with a radix cannot be signed, expected nothing",
                Lang::Sv
            ),
            "ett tal som börjar med 0x, 0o eller 0b får inte ha + eller - före"
        );
        assert_eq!(
            syntax_words("unclosed array table, expected `]`", Lang::En),
            "[[ is not closed with ]]"
        );
    }

    #[test]
    fn operating_system_errors_are_worded_in_the_language_asked_for() {
        let exists = OsError {
            kind: std::io::ErrorKind::AlreadyExists,
            code: Some(17),
        };
        assert_eq!(os_error(exists, Lang::Sv), "filen finns redan");
        assert_eq!(os_error(exists, Lang::En), "the file already exists");
        let odd = OsError {
            kind: std::io::ErrorKind::Other,
            code: Some(71),
        };
        assert_eq!(os_error(odd, Lang::Sv), "operativsystemet gav felkod 71");
        let io = std::io::Error::from_raw_os_error(17);
        let words = os_error((&io).into(), Lang::Sv);
        assert!(!words.contains("File exists"), "{words}");
    }

    /// Errors whose kind std does not name (a loop of links), or names loosely (a name too
    /// long), are worded by their number; none falls through to "error code N".
    #[cfg(unix)]
    #[test]
    fn operating_system_errors_without_a_stable_kind_are_worded_by_their_number() {
        let words = |code: i32, lang: Lang| {
            os_error((&std::io::Error::from_raw_os_error(code)).into(), lang)
        };
        assert_eq!(
            words(libc::ELOOP, Lang::Sv),
            "länkarna bildar en slinga (en symbolisk länk pekar till slut på sig själv)"
        );
        assert_eq!(
            words(libc::ELOOP, Lang::En),
            "the symbolic links form a loop (a link ends up pointing to itself)"
        );
        assert_eq!(
            words(libc::ENAMETOOLONG, Lang::Sv),
            "filnamnet eller sökvägen är för lång"
        );
        assert_eq!(words(libc::EMFILE, Lang::En), "too many open files");
        for code in [
            libc::ENOTDIR,
            libc::EROFS,
            libc::ENOSPC,
            libc::EXDEV,
            libc::ETXTBSY,
            libc::EBUSY,
            libc::EDQUOT,
            libc::EIO,
            libc::ENFILE,
            libc::EISDIR,
            libc::EACCES,
            libc::ENOENT,
            libc::EEXIST,
            libc::EFBIG,
        ] {
            for lang in [Lang::Sv, Lang::En] {
                let said = words(code, lang);
                assert!(
                    !said.contains("felkod") && !said.contains("error code"),
                    "{code}: {said}"
                );
            }
        }
    }
}
