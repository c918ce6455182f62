//! The words of key files: their encodings, every reason one cannot be read, and every
//! difference between a file's kommuner and the plan's.

use std::path::Path;

use crate::core::population::{Mismatch, ScbError, ScbErrorKind, TextEncoding};
use crate::core::unreadable::BinaryKind;
use crate::output::lang::Lang;
use crate::say;

/// The encoding a key file was read in, as people know it.
pub fn encoding_name(encoding: TextEncoding, lang: Lang) -> &'static str {
    match encoding {
        TextEncoding::Utf8 => "UTF-8",
        TextEncoding::Utf8Bom => lang.pick("UTF-8 med BOM", "UTF-8 with BOM"),
        TextEncoding::Utf16Le => "UTF-16LE",
        TextEncoding::Utf16Be => "UTF-16BE",
        TextEncoding::Windows1252 => "ISO-8859-1/Windows-1252",
    }
}

/// How many items of a list read from a file a message shows.
const LIST_MAX: usize = 6;

/// How many characters of a text read from a file a message shows.
const EXCERPT_CHARS: usize = 40;

/// A text read from a file, as a message shows it: control characters escaped, cut after
/// `EXCERPT_CHARS` characters.
pub fn excerpt(text: &str) -> String {
    let mut shown = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == EXCERPT_CHARS {
            shown.push('…');
            break;
        }
        if c.is_control() {
            shown.extend(c.escape_default());
        } else {
            shown.push(c);
        }
    }
    shown
}

/// `path:line` of a key file problem, or the path alone.
pub fn error_place(error: &ScbError) -> String {
    place(&error.path, error.line)
}

/// What is wrong with a key file.
pub fn error_message(error: &ScbError, lang: Lang) -> String {
    let list = |items: &[String]| {
        let mut shown: Vec<String> = items
            .iter()
            .take(LIST_MAX)
            .map(|i| format!("\"{}\"", excerpt(i)))
            .collect();
        if items.len() > LIST_MAX {
            shown.push("…".to_string());
        }
        shown.join(", ")
    };
    // What the file holds is shown only as a short, escaped excerpt: a file named by mistake
    // (`/etc/passwd`) must not be echoed.
    let (region, value) = match &error.kind {
        ScbErrorKind::NoKommunkod { region } | ScbErrorKind::MissingField { region, .. } => {
            (excerpt(region), String::new())
        }
        ScbErrorKind::BadValue { region, value }
        | ScbErrorKind::CountTooLarge { region, value } => (excerpt(region), excerpt(value)),
        _ => (String::new(), String::new()),
    };
    match (&error.kind, lang) {
        (ScbErrorKind::NotFound, Lang::Sv) => "filen finns inte".to_string(),
        (ScbErrorKind::NotFound, Lang::En) => "no such file".to_string(),
        (ScbErrorKind::Directory, Lang::Sv) => "är en mapp, inte en fil".to_string(),
        (ScbErrorKind::Directory, Lang::En) => "is a directory, not a file".to_string(),
        (ScbErrorKind::TooLarge { size, limit }, Lang::Sv) => format!(
            "filen är {}; en nyckelfil får vara högst {}",
            crate::output::number::file_size(*size, lang),
            crate::output::number::file_size(*limit, lang)
        ),
        (ScbErrorKind::TooLarge { size, limit }, Lang::En) => format!(
            "the file is {}; a key file may be at most {}",
            crate::output::number::file_size(*size, lang),
            crate::output::number::file_size(*limit, lang)
        ),
        (ScbErrorKind::NotText(kind), _) => {
            let what = match (kind, lang) {
                (BinaryKind::Zip, Lang::Sv) => "en Excel-fil (xlsx) eller annan zip-fil",
                (BinaryKind::Zip, Lang::En) => "an Excel file (xlsx) or another zip file",
                (BinaryKind::OldOffice, Lang::Sv) => "en äldre Excel-fil (xls)",
                (BinaryKind::OldOffice, Lang::En) => "an old Excel file (xls)",
                (BinaryKind::Pdf, Lang::Sv) => "en PDF-fil",
                (BinaryKind::Pdf, Lang::En) => "a PDF file",
                (BinaryKind::Other, Lang::Sv) => "en binär fil (den innehåller nolltecken)",
                (BinaryKind::Other, Lang::En) => "a binary file (it contains NUL bytes)",
            };
            match lang {
                Lang::Sv => format!("filen är {what}, inte en CSV-fil"),
                Lang::En => format!("the file is {what}, not a CSV file"),
            }
        }
        (ScbErrorKind::Unreadable(e), Lang::Sv) => {
            format!(
                "filen kan inte läsas: {}",
                crate::output::words::load::os_error(*e, lang)
            )
        }
        (ScbErrorKind::Unreadable(e), Lang::En) => {
            format!(
                "cannot read the file: {}",
                crate::output::words::load::os_error(*e, lang)
            )
        }
        (ScbErrorKind::NotRegular(special), _) => {
            crate::output::words::load::not_regular(*special, lang)
        }
        (ScbErrorKind::Empty, Lang::Sv) => "filen är tom".to_string(),
        (ScbErrorKind::Empty, Lang::En) => "the file is empty".to_string(),
        (ScbErrorKind::NoHeader, Lang::Sv) => {
            "hittar ingen rubrikrad med region och år (ingen rad har två fält)".to_string()
        }
        (ScbErrorKind::NoHeader, Lang::En) => {
            "no header line with region and years (no line has two fields)".to_string()
        }
        (ScbErrorKind::NoYearColumn { header }, Lang::Sv) => {
            format!("rubrikraden har ingen kolumn för ett år ({})", list(header))
        }
        (ScbErrorKind::NoYearColumn { header }, Lang::En) => {
            format!("the header has no column for a year ({})", list(header))
        }
        (ScbErrorKind::ColumnNotFound { wanted, available }, Lang::Sv) => format!(
            "kolumnen \"{wanted}\" finns inte; årskolumnerna är {}",
            list(available)
        ),
        (ScbErrorKind::ColumnNotFound { wanted, available }, Lang::En) => format!(
            "there is no column \"{wanted}\"; the year columns are {}",
            list(available)
        ),
        (ScbErrorKind::ChooseColumn { available }, Lang::Sv) => format!(
            "filen har flera årskolumner ({}) och det är inte angivet vilken som gäller",
            list(available)
        ),
        (ScbErrorKind::ChooseColumn { available }, Lang::En) => format!(
            "the file has several year columns ({}) and none is chosen",
            list(available)
        ),
        (ScbErrorKind::NoKommunkod { .. }, Lang::Sv) => {
            format!("regionen \"{region}\" har ingen kommunkod")
        }
        (ScbErrorKind::NoKommunkod { .. }, Lang::En) => {
            format!("region \"{region}\" has no kommunkod")
        }
        (ScbErrorKind::BadValue { .. }, Lang::Sv) => {
            format!("värdet \"{value}\" för {region} är inte ett heltal")
        }
        (ScbErrorKind::BadValue { .. }, Lang::En) => {
            format!("the value \"{value}\" for {region} is not a whole number")
        }
        (ScbErrorKind::CountTooLarge { .. }, Lang::Sv) => {
            format!("värdet \"{value}\" för {region} är för stort för en folkmängd")
        }
        (ScbErrorKind::CountTooLarge { .. }, Lang::En) => {
            format!("the value \"{value}\" for {region} is too large for a population")
        }
        (ScbErrorKind::MissingField { column, .. }, Lang::Sv) => {
            format!("raden för {region} har inget fält för kolumnen \"{column}\"")
        }
        (ScbErrorKind::MissingField { column, .. }, Lang::En) => {
            format!("the row for {region} has no field for column \"{column}\"")
        }
        (ScbErrorKind::UnclosedQuote, Lang::Sv) => {
            "ett citattecken på raden avslutas aldrig".to_string()
        }
        (ScbErrorKind::UnclosedQuote, Lang::En) => {
            "a quote on this line is never closed".to_string()
        }
        (ScbErrorKind::NoRows, Lang::Sv) => {
            "filen har en rubrikrad men inga rader med regioner".to_string()
        }
        (ScbErrorKind::NoRows, Lang::En) => "the file has a header but no region rows".to_string(),
    }
}

/// What to do about a key file that cannot be read.
pub fn error_hint(error: &ScbError, lang: Lang) -> String {
    let export = lang.pick(
            "exportera från SCB:s statistikdatabas som CSV (komma, semikolon eller tabb) med regionerna som rader och åren som kolumner",
            "export from SCB's statistical database as CSV (comma, semicolon or tab) with the regions as rows and the years as columns",
        );
    match &error.kind {
            ScbErrorKind::TooLarge { .. } => lang
                .pick(
                    "en SCB-fil med länets kommuner är några kB; kontrollera att det är rätt fil",
                    "an SCB file with the county's kommuner is a few KB; check that this is the right file",
                )
                .to_string(),
            ScbErrorKind::NotText(_) => export.to_string(),
            ScbErrorKind::NotFound
            | ScbErrorKind::Directory
            | ScbErrorKind::NotRegular(_)
            | ScbErrorKind::Unreadable(_) => lang
                .pick(
                    "kontrollera sökvägen; i en plan är den relativ till planfilen",
                    "check the path; in a plan it is relative to the plan file",
                )
                .to_string(),
            ScbErrorKind::Empty | ScbErrorKind::NoHeader | ScbErrorKind::NoRows => {
                export.to_string()
            }
            ScbErrorKind::NoYearColumn { .. } => lang
                .pick(
                    "rubrikraden ska se ut som \"region\";\"2024\"",
                    "the header should look like \"region\";\"2024\"",
                )
                .to_string(),
            ScbErrorKind::ColumnNotFound { available, .. }
            | ScbErrorKind::ChooseColumn { available } => {
                let example = available.last().map_or("2024", String::as_str);
                match lang {
                    Lang::Sv => format!(
                        "ange årskolumnen: `column = \"{example}\"` i planens nyckel, eller --column {example}"
                    ),
                    Lang::En => format!(
                        "choose the year column: `column = \"{example}\"` in the plan's key, or --column {example}"
                    ),
                }
            }
            ScbErrorKind::NoKommunkod { .. } => lang
                .pick(
                    "SCB skriver regionen med kod och namn, till exempel \"2380 Östersund\"",
                    "SCB writes the region as code and name, for example \"2380 Östersund\"",
                )
                .to_string(),
            ScbErrorKind::BadValue { .. } | ScbErrorKind::CountTooLarge { .. } => lang
                .pick(
                    "folkmängden är ett heltal, till exempel 64977; `..` betyder att värdet saknas",
                    "a population is a whole number, for example 64977; `..` means a missing value",
                )
                .to_string(),
            ScbErrorKind::MissingField { .. } => lang
                .pick(
                    "varje rad ska ha lika många fält som rubrikraden",
                    "every row should have as many fields as the header",
                )
                .to_string(),
            ScbErrorKind::UnclosedQuote => lang
                .pick(
                    "kontrollera citattecknen på raden",
                    "check the quotes on the line",
                )
                .to_string(),
        }
}

/// A difference between a key file's kommuner and the plan's, starting with `path:line`.
pub fn mismatch_message(mismatch: &Mismatch, path: &Path, column: &str, lang: Lang) -> String {
    format!(
        "{}: {}",
        place(path, mismatch.line()),
        mismatch_text(mismatch, column, lang)
    )
}

/// The message without the place (for a renderer that shows it).
pub fn mismatch_text(mismatch: &Mismatch, column: &str, lang: Lang) -> String {
    match mismatch {
        Mismatch::Missing { code, name } => say!(
            lang,
            "kommunen {code} {name} saknas i filen",
            "kommun {code} {name} is not in the file"
        ),
        Mismatch::Extra { code, name, .. } => say!(
            lang,
            "{code} {name} är inte en av planens kommuner",
            "{code} {name} is not one of the plan's kommuner"
        ),
        Mismatch::Duplicate {
            code,
            name,
            first_line,
            ..
        } => say!(
            lang,
            "kommunen {code} {name} finns redan på rad {first_line}",
            "kommun {code} {name} is already on line {first_line}"
        ),
        Mismatch::NoValue { code, name, .. } => say!(
            lang,
            "{code} {name} saknar värde (`..`) i kolumnen \"{column}\"",
            "{code} {name} has no value (`..`) in column \"{column}\""
        ),
        Mismatch::Zero { code, name, .. } => say!(
            lang,
            "folkmängden för {code} {name} är 0; den måste vara ett positivt heltal",
            "the population of {code} {name} is 0; it must be a positive whole number"
        ),
    }
}

/// What to do about a difference between a key file and the plan.
pub fn mismatch_hint(mismatch: &Mismatch, lang: Lang) -> &'static str {
    match mismatch {
        Mismatch::Missing { .. } => lang.pick(
            "exportera alla länets kommuner från SCB",
            "export all of the county's kommuner from SCB",
        ),
        Mismatch::Extra { .. } => lang.pick(
            "exportera bara länets kommuner, eller lägg till kommunen under [[kommuner]]",
            "export only the county's kommuner, or add the kommun under [[kommuner]]",
        ),
        Mismatch::Duplicate { .. } => lang.pick("ta bort den ena raden", "remove one of the rows"),
        Mismatch::NoValue { .. } => lang.pick(
            "välj ett år som har värden för alla kommuner",
            "choose a year that has values for every kommun",
        ),
        Mismatch::Zero { .. } => lang.pick(
            "en kommun med folkmängden 0 får ingenting; kontrollera filen mot SCB",
            "a kommun with a population of 0 gets nothing; check the file against SCB",
        ),
    }
}

fn place(path: &Path, line: Option<usize>) -> String {
    match line {
        Some(line) => format!("{}:{line}", path.display()),
        None => path.display().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mismatch_names_the_file_and_line() {
        let extra = Mismatch::Extra {
            line: 5,
            code: "2401".to_string(),
            name: "Nordmaling".to_string(),
        };
        assert_eq!(
            mismatch_message(&extra, Path::new("f.csv"), "2024", Lang::Sv),
            "f.csv:5: 2401 Nordmaling är inte en av planens kommuner"
        );
        let missing = Mismatch::Missing {
            code: "2309".to_string(),
            name: "Krokom".to_string(),
        };
        assert_eq!(
            mismatch_message(&missing, Path::new("f.csv"), "2024", Lang::En),
            "f.csv: kommun 2309 Krokom is not in the file"
        );
    }
}
