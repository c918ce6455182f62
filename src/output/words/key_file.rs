//! The words of key files: their formats and encodings, every reason one cannot be read, and
//! every difference between a file's kommuner and the plan's or within the file.

use std::path::Path;

use crate::core::population::{
    CubeProblem, FileFormat, JsonPart, JsonSyntax, Mismatch, Misplaced, MissingTotal, OtherFormat,
    ScbError, ScbErrorKind, SheetsRead, TextEncoding, WorkbookProblem, region_label,
};
use crate::core::unreadable::BinaryKind;
use crate::output::lang::Lang;
use crate::output::number::Style;
use crate::output::words::load::FileKind;
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

/// What a key file was read as: "UTF-8 med BOM, semikolon", "Excel, bladet \"Blad1\"".
pub fn format_name(format: &FileFormat, lang: Lang) -> String {
    match format {
        FileFormat::Csv {
            encoding,
            delimiter,
        } => {
            let delimiter = match delimiter {
                ';' => lang.pick("semikolon", "semicolon"),
                '\t' => lang.pick("tabb", "tab"),
                ' ' => lang.pick("mellanslag", "space"),
                _ => lang.pick("komma", "comma"),
            };
            format!("{}, {delimiter}", encoding_name(*encoding, lang))
        }
        FileFormat::Xlsx { sheet } => say!(
            lang,
            "Excel, bladet \"{sheet}\"",
            "Excel, sheet \"{sheet}\""
        ),
        FileFormat::JsonStat { encoding } => {
            format!("JSON-stat 2, {}", encoding_name(*encoding, lang))
        }
        FileFormat::PcAxis { encoding } => format!("PC-Axis, {}", encoding_name(*encoding, lang)),
    }
}

use super::excerpt;

/// How many items of a list read from a file a message shows.
const LIST_MAX: usize = 6;

/// `path:line:column` of a key file problem, `path:line` when its column is not known, or
/// the path alone.
pub fn error_place(error: &ScbError) -> String {
    match (error.line, error.shown_column()) {
        (Some(line), Some(column)) => format!("{}:{line}:{column}", error.path.display()),
        (line, _) => place(&error.path, line),
    }
}

/// Items read from a file, quoted, each as an excerpt, at most `LIST_MAX` of them.
fn list(items: &[String]) -> String {
    let mut shown: Vec<String> = items
        .iter()
        .take(LIST_MAX)
        .map(|i| format!("\"{}\"", excerpt(i)))
        .collect();
    if items.len() > LIST_MAX {
        shown.push("…".to_string());
    }
    shown.join(", ")
}

/// What a file that is recognised but not read is.
fn other_format(format: OtherFormat, lang: Lang) -> &'static str {
    match format {
        OtherFormat::Html => lang.pick("en HTML-sida", "an HTML page"),
        OtherFormat::Xml => lang.pick(
            "en XML-fil (till exempel SDMX)",
            "an XML file (SDMX, for example)",
        ),
        OtherFormat::Parquet => lang.pick("en Parquet-fil", "a Parquet file"),
        OtherFormat::JsonStat1 => lang.pick(
            "JSON-stat version 1 (PxWebApi 1:s json-stat)",
            "JSON-stat version 1 (PxWebApi 1's json-stat)",
        ),
        OtherFormat::PxWebJson => lang.pick(
            "PxWebApi 1:s eget JSON-format (columns och data)",
            "PxWebApi 1's own JSON format (columns and data)",
        ),
        OtherFormat::Json => lang.pick(
            "en JSON-fil som inte är JSON-stat",
            "a JSON file that is not JSON-stat",
        ),
        OtherFormat::Ods => lang.pick(
            "ett OpenDocument-kalkylark (ods, LibreOffices eget format)",
            "an OpenDocument spreadsheet (ods, LibreOffice's own format)",
        ),
    }
}

/// Why a zip file is not read as a workbook.
pub(super) fn workbook_problem(problem: &WorkbookProblem, lang: Lang) -> String {
    match problem {
        WorkbookProblem::Damaged(reason) => match lang {
            Lang::Sv => "zip-arkivet är avkortat eller skadat".to_string(),
            Lang::En => format!(
                "the zip archive is cut short or damaged: {}",
                excerpt(reason)
            ),
        },
        WorkbookProblem::Unsupported(reason) => match lang {
            Lang::Sv => {
                "zip-arkivet är krypterat eller packat på ett sätt som inte stöds".to_string()
            }
            Lang::En => format!(
                "the zip archive is encrypted or packed in a way that is not supported: {}",
                excerpt(reason)
            ),
        },
        WorkbookProblem::MissingPart(part) => {
            let part = excerpt(part);
            say!(
                lang,
                "delen {part}, som varje arbetsbok har, saknas",
                "the part {part}, which every workbook has, is missing"
            )
        }
        WorkbookProblem::UnknownFormat => lang
            .pick(
                "formatet är varken XLSX, XLS eller ODS",
                "the format is neither XLSX, XLS nor ODS",
            )
            .to_string(),
        // The reader's reason is English: a Swedish message leaves it out.
        WorkbookProblem::Unreadable(reason) => match lang {
            Lang::Sv => "innehållet går inte att tolka".to_string(),
            Lang::En => format!("its content cannot be read: {}", excerpt(reason)),
        },
        WorkbookProblem::NoSheet => lang
            .pick("den har inget blad", "it has no sheet")
            .to_string(),
        WorkbookProblem::TooLarge { part, limit } => {
            let limit = crate::output::number::file_size(*limit, lang);
            say!(
                lang,
                "{part} blir större än {limit} uppackad",
                "{part} grows beyond {limit} unpacked"
            )
        }
        WorkbookProblem::TooManyParts(n) => {
            say!(
                lang,
                "den har fler än {n} delar",
                "it has more than {n} parts"
            )
        }
        WorkbookProblem::TooManyCells(n) => {
            say!(
                lang,
                "bladet har fler än {n} celler",
                "the sheet has more than {n} cells"
            )
        }
        WorkbookProblem::CellTwice { row, column } => {
            let cell = crate::output::diagnostic::cell_reference(None, row + 1, column + 1);
            say!(
                lang,
                "cellen {cell} står två gånger i bladet, så vilket värde som gäller går inte att avgöra",
                "the cell {cell} is in the sheet twice, so which value counts cannot be told"
            )
        }
        WorkbookProblem::ClaimsStrings { claimed, bytes } => say!(
            lang,
            "den anger {claimed} texter på {bytes} byte",
            "it claims {claimed} strings in {bytes} bytes"
        ),
    }
}

/// Why a text is not valid JSON.
fn json_syntax(reason: &JsonSyntax, lang: Lang) -> String {
    let text = match reason {
        JsonSyntax::EndsIn(part) => {
            let part = match part {
                JsonPart::List => lang.pick("en lista", "a list"),
                JsonPart::Object => lang.pick("ett objekt", "an object"),
                JsonPart::String => lang.pick("en text", "a string"),
                JsonPart::Value => lang.pick("ett värde", "a value"),
            };
            return say!(
                lang,
                "den tar slut mitt i {part} (filen är avkortad)",
                "it ends in the middle of {part} (the file is cut short)"
            );
        }
        JsonSyntax::ExpectedColon => lang.pick(
            "här ska ett kolon (`:`) stå",
            "a colon (`:`) is expected here",
        ),
        JsonSyntax::ExpectedCommaOrListEnd => lang.pick(
            "här ska ett kommatecken eller listans slut (`]`) stå",
            "a comma or the list's end (`]`) is expected here",
        ),
        JsonSyntax::ExpectedCommaOrObjectEnd => lang.pick(
            "här ska ett kommatecken eller objektets slut (`}`) stå",
            "a comma or the object's end (`}`) is expected here",
        ),
        JsonSyntax::UnknownWord => lang.pick(
            "ett ord som JSON inte känner (bara true, false och null)",
            "a word JSON does not know (only true, false and null)",
        ),
        JsonSyntax::ExpectedValue => lang.pick("här ska ett värde stå", "a value is expected here"),
        JsonSyntax::ExpectedQuote => lang.pick(
            "här ska ett citattecken (`\"`) stå",
            "a quote (`\"`) is expected here",
        ),
        JsonSyntax::InvalidEscape => lang.pick(
            "en ogiltig kod efter `\\` i en text",
            "an invalid escape after `\\` in a string",
        ),
        JsonSyntax::InvalidNumber => lang.pick("ett ogiltigt tal", "an invalid number"),
        JsonSyntax::NumberOutOfRange => lang.pick(
            "ett tal som är för stort för att läsas",
            "a number too large to be read",
        ),
        JsonSyntax::InvalidUnicodeEscape => lang.pick(
            "en `\\u`-kod i en text som inte är ett tecken",
            "a `\\u` escape in a string that is no character",
        ),
        JsonSyntax::ControlCharacter => lang.pick(
            "ett styrtecken (U+0000–U+001F) i en text",
            "a control character (U+0000–U+001F) in a string",
        ),
        JsonSyntax::KeyNotString => lang.pick(
            "en nyckel som inte är en text",
            "a key that is not a string",
        ),
        JsonSyntax::TrailingComma => lang.pick(
            "ett kommatecken för mycket före `]` eller `}`",
            "a trailing comma before `]` or `}`",
        ),
        JsonSyntax::TrailingCharacters => lang.pick(
            "tecken efter JSON-värdets slut",
            "characters after the end of the JSON value",
        ),
        JsonSyntax::TooDeep => lang.pick("för djupt nästlad", "nested too deep"),
        // The reader's reason is English: a Swedish message leaves it out.
        JsonSyntax::Other(reason) => {
            return match lang {
                Lang::Sv => "JSON-läsaren godtar den inte".to_string(),
                Lang::En => format!("the JSON reader does not accept it: {}", excerpt(reason)),
            };
        }
    };
    text.to_string()
}

/// What is wrong with a key file.
pub fn error_message(error: &ScbError, style: impl Into<Style>) -> String {
    let style = style.into();
    let lang = style.lang;
    let message = kind_message(error, style);
    match &error.sheets {
        Some(sheets) => format!("{message} ({})", sheets_text(sheets, lang)),
        None => message,
    }
}

/// The sheet of a workbook a key file's table was read from, and the workbook's other
/// sheets, a hidden one marked: `bladet "Noter"; arbetsboken har också bladet "Tabell"`.
fn sheets_text(sheets: &SheetsRead, lang: Lang) -> String {
    let read = excerpt(&sheets.read);
    let read = say!(lang, "bladet \"{read}\"", "sheet \"{read}\"");
    if sheets.others.is_empty() {
        return read;
    }
    let mut others: Vec<String> = (sheets.others.iter())
        .take(LIST_MAX)
        .map(|(name, shown)| {
            let name = excerpt(name);
            match shown {
                true => format!("\"{name}\""),
                false => say!(
                    lang,
                    "\"{name}\" (dolt, läses inte)",
                    "\"{name}\" (hidden, not read)"
                ),
            }
        })
        .collect();
    if sheets.others.len() > LIST_MAX {
        others.push("…".to_string());
    }
    let others = others.join(", ");
    match sheets.others.len() {
        1 => say!(
            lang,
            "{read}; arbetsboken har också bladet {others}",
            "{read}; the workbook also has the sheet {others}"
        ),
        _ => say!(
            lang,
            "{read}; arbetsboken har också bladen {others}",
            "{read}; the workbook also has the sheets {others}"
        ),
    }
}

/// The message of an error's kind.
fn kind_message(error: &ScbError, style: Style) -> String {
    let lang = style.lang;
    // What the file holds is shown only as short, escaped excerpts (`excerpt`, `list`): a file
    // named by mistake (`/etc/passwd`) must not be echoed.
    match (&error.kind, lang) {
        (ScbErrorKind::Misplaced(kind), _) => misplaced(kind, lang),
        (ScbErrorKind::NotFound, _) => super::load::not_found(lang).to_string(),
        (ScbErrorKind::StdinNotRead, _) => super::load::stdin_not_read(FileKind::Key, lang),
        (ScbErrorKind::Directory, _) => super::load::directory(FileKind::Key, lang),
        (ScbErrorKind::TooLarge { size, limit }, _) => {
            super::load::too_large(*size, *limit, FileKind::Key, lang)
        }
        (ScbErrorKind::MixedEncoding, _) => super::load::mixed_encoding(lang).to_string(),
        (ScbErrorKind::NotText(kind), _) => {
            let what = super::load::binary_file(*kind, lang);
            say!(
                lang,
                "filen är {what}, inte en nyckelfil",
                "the file is {what}, not a key file"
            )
        }
        (ScbErrorKind::Workbook(problem), _) => {
            let reason = workbook_problem(problem, lang);
            say!(
                lang,
                "filen är en zip-fil men ingen Excel-arbetsbok som går att läsa ({reason})",
                "the file is a zip file but not an Excel workbook that can be read ({reason})"
            )
        }
        (ScbErrorKind::OtherFormat(format), _) => {
            let what = other_format(*format, lang);
            say!(
                lang,
                "filen är {what}, som inte läses som befolkningsnyckel",
                "the file is {what}, which is not read as a population key"
            )
        }
        (ScbErrorKind::Cube { format, problem }, _) => match problem {
            CubeProblem::Syntax { reason, .. } => {
                let reason = json_syntax(reason, lang);
                say!(
                    lang,
                    "filen är inte giltig JSON: {reason}",
                    "the file is not valid JSON: {reason}"
                )
            }
            CubeProblem::NotDataset(class) => {
                let class = excerpt(class);
                say!(
                    lang,
                    "JSON-stat-filen är av klassen \"{class}\", inte en datamängd (\"dataset\")",
                    "the JSON-stat file is of class \"{class}\", not a \"dataset\""
                )
            }
            CubeProblem::Keys => say!(
                lang,
                "{format}-filen anger varje rads variabelvärden med KEYS, vilket inte läses",
                "the {format} file gives each row's variable values with KEYS, which is not read"
            ),
            CubeProblem::NoData => say!(
                lang,
                "{format}-filen har ingen DATA",
                "the {format} file has no DATA"
            ),
            CubeProblem::DataNotEnded => say!(
                lang,
                "{format}-filens DATA slutar inte med `;`: filen är avkortad, kanske mitt i sitt sista tal",
                "the {format} file's DATA does not end with `;`: the file is cut short, perhaps inside its last figure"
            ),
            CubeProblem::Dimension(d) => {
                let d = excerpt(d);
                say!(
                    lang,
                    "{format}-filens dimension \"{d}\" går inte att läsa (dess koder, texter eller storlek saknas eller stämmer inte)",
                    "the {format} file's dimension \"{d}\" cannot be read (its codes, texts or size are missing or disagree)"
                )
            }
            CubeProblem::ValueCount { expected, found } => {
                let (expected, found) = (style.count(*expected as u64), style.count(*found as u64));
                say!(
                    lang,
                    "{format}-filen har {found} värden, men dess dimensioner ger {expected}",
                    "the {format} file has {found} values, but its dimensions make {expected}"
                )
            }
        },
        (ScbErrorKind::Unreadable(e), _) => {
            let why = crate::output::words::load::os_error(*e, lang);
            say!(
                lang,
                "filen kan inte läsas: {why}",
                "cannot read the file: {why}"
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
        (ScbErrorKind::HeaderIsRegion { region }, _) => {
            let region = excerpt(region);
            say!(
                lang,
                "filen har ingen rubrikrad: den första raden med fält är regionen \"{region}\"",
                "the file has no header line: the first line with fields is the region \"{region}\""
            )
        }
        (ScbErrorKind::NoYearColumn { header }, _) => {
            let header = list(header);
            say!(
                lang,
                "rubrikraden har ingen kolumn för ett år ({header})",
                "the header has no column for a year ({header})"
            )
        }
        (ScbErrorKind::ColumnNotFound { wanted, available }, _) => {
            let available = list(available);
            say!(
                lang,
                "kolumnen \"{wanted}\" finns inte; årskolumnerna är {available}",
                "there is no column \"{wanted}\"; the year columns are {available}"
            )
        }
        (ScbErrorKind::SameColumnTwice { column }, _) => {
            let column = excerpt(column);
            say!(
                lang,
                "kolumnen \"{column}\" finns flera gånger i rubrikraden, för olika tabellinnehåll",
                "column \"{column}\" is in the header more than once, for different contents"
            )
        }
        (ScbErrorKind::ChooseColumn { available }, _) => {
            let available = list(available);
            say!(
                lang,
                "filen har flera årskolumner ({available}) och det är inte angivet vilken som gäller",
                "the file has several year columns ({available}) and none is chosen"
            )
        }
        (ScbErrorKind::RegionsAsColumns { region }, _) => {
            let region = excerpt(region);
            say!(
                lang,
                "regionerna står som kolumner i rubrikraden (\"{region}\"), inte som rader",
                "the regions are columns of the header (\"{region}\"), not rows"
            )
        }
        (ScbErrorKind::NoRegionColumn { columns }, _) => {
            let columns = list(columns);
            say!(
                lang,
                "filen har ingen variabel för regioner (den har {columns})",
                "the file has no variable for regions (it has {columns})"
            )
        }
        (ScbErrorKind::NoKommunkod { region }, _) => {
            let region = excerpt(region);
            say!(
                lang,
                "regionen \"{region}\" har ingen kommunkod",
                "region \"{region}\" has no kommunkod"
            )
        }
        (ScbErrorKind::LostLeadingZero { region }, _) => {
            let region = excerpt(region);
            say!(
                lang,
                "regionkoden i \"{region}\" har tappat sin inledande nolla (kommunkoder har fyra siffror, länskoder två, som 0114 och 01)",
                "the region code in \"{region}\" has lost its leading zero (kommunkoder have four digits, county codes two, as in 0114 and 01)"
            )
        }
        (ScbErrorKind::DamagedCode { region }, _) => {
            let region = excerpt(region);
            say!(
                lang,
                "regionkoden i \"{region}\" har fem siffror bland kommunrader med fyra; en kommunkod har fyra siffror, så koden är skadad och raden kan inte räknas som någon kommun",
                "the region code in \"{region}\" has five digits among kommun rows with four; a kommunkod has four digits, so the code is damaged and the row cannot count as any kommun"
            )
        }
        (ScbErrorKind::CodeLength { region, digits }, _) => {
            let region = excerpt(region);
            say!(
                lang,
                "regionkoden i \"{region}\" har {digits} siffror, så filen har inga kommunrader: en kommunkod har fyra siffror och en länskod två, som 2303 och 23",
                "the region code in \"{region}\" has {digits} digits, so the file has no kommun rows: a kommunkod has four digits and a county code two, as in 2303 and 23"
            )
        }
        (ScbErrorKind::CodeDisagrees { code, text }, _) => {
            let (code, text) = (excerpt(code), excerpt(text));
            say!(
                lang,
                "regionen med koden {code} har texten \"{text}\", som anger en annan kod; vilken kommun värdet gäller går inte att avgöra",
                "the region with the code {code} has the text \"{text}\", which gives another code; which kommun the value is for cannot be told"
            )
        }
        (ScbErrorKind::EmptyRegion, _) => say!(
            lang,
            "raden har ett värde men ingen region",
            "the row has a value but no region"
        ),
        (ScbErrorKind::NegativeCount { region, value }, _) => {
            let (region, value) = (excerpt(region), excerpt(value));
            say!(
                lang,
                "värdet \"{value}\" för {region} är negativt; en folkmängd är ett antal, större än 0",
                "the value \"{value}\" for {region} is negative; a population is a count, above 0"
            )
        }
        (ScbErrorKind::BadValue { region, value }, _) => {
            let (region, value) = (excerpt(region), excerpt(value));
            say!(
                lang,
                "värdet \"{value}\" för {region} är inte ett heltal",
                "the value \"{value}\" for {region} is not a whole number"
            )
        }
        (ScbErrorKind::BadGrouping { region, value, .. }, _) => {
            let (region, value) = (excerpt(region), excerpt(value));
            say!(
                lang,
                "värdet \"{value}\" för {region} har mellanrum som inte är tusentalsavstånd (en till tre siffror, sedan grupper om exakt tre: 5 150, 64 977); det läses inte som ett tal",
                "the value \"{value}\" for {region} has spaces that are no grouping in thousands (one to three digits, then groups of exactly three: 5 150, 64 977); it is not read as a number"
            )
        }
        (
            ScbErrorKind::AbovePopulationLimit {
                region,
                count,
                limit,
                summed,
                ..
            },
            _,
        ) => {
            let region = excerpt(region);
            let (count, limit) = (style.count(*count), style.count(*limit));
            match summed {
                false => say!(
                    lang,
                    "folkmängden {count} för {region} är större än {limit} (hela Sverige har drygt 10,5 miljoner invånare); det kan inte vara en kommuns folkmängd",
                    "the population {count} for {region} is above {limit} (all of Sweden has some 10.5 million inhabitants); it cannot be a kommun's population"
                ),
                true => say!(
                    lang,
                    "folkmängden för {region}, summan av dess rader, är {count}, större än {limit} (hela Sverige har drygt 10,5 miljoner invånare); det kan inte vara en kommuns folkmängd",
                    "the population of {region}, the sum of its rows, is {count}, above {limit} (all of Sweden has some 10.5 million inhabitants); it cannot be a kommun's population"
                ),
            }
        }
        (ScbErrorKind::CountTooLarge { region, value }, _) => {
            let region = excerpt(region);
            let value = excerpt(value);
            say!(
                lang,
                "värdet \"{value}\" för {region} är för stort för en folkmängd",
                "the value \"{value}\" for {region} is too large for a population"
            )
        }
        (ScbErrorKind::MissingField { region, column }, _) => {
            let region = excerpt(region);
            let column = excerpt(column);
            say!(
                lang,
                "raden för {region} har inget fält för kolumnen \"{column}\"",
                "the row for {region} has no field for column \"{column}\""
            )
        }
        (ScbErrorKind::ExtraFields { fields, header }, _) => say!(
            lang,
            "raden har {fields} fält men rubrikraden {header}; vilket fält som är vilket går inte att avgöra",
            "the row has {fields} fields but the header {header}; which field is which cannot be told"
        ),
        (ScbErrorKind::UnclosedQuote, Lang::Sv) => {
            "ett citattecken på raden avslutas aldrig".to_string()
        }
        (ScbErrorKind::UnclosedQuote, Lang::En) => {
            "a quote on this line is never closed".to_string()
        }
        (ScbErrorKind::LastRowCut, Lang::Sv) => {
            "filens sista rad slutar med ett tal utan radbrytning efter: filen ser avkortad ut, kanske mitt i sitt sista tal".to_string()
        }
        (ScbErrorKind::LastRowCut, Lang::En) => {
            "the file's last row ends in a figure with no line break after it: the file looks cut short, perhaps inside its last figure".to_string()
        }
        (ScbErrorKind::NoRows, Lang::Sv) => {
            "filen har en rubrikrad men inga rader med regioner".to_string()
        }
        (ScbErrorKind::NoRows, Lang::En) => "the file has a header but no region rows".to_string(),
        (ScbErrorKind::SeveralContents { column, values }, _) => {
            let (column, values) = (excerpt(column), list(values));
            say!(
                lang,
                "kolumnen \"{column}\" har flera tabellinnehåll ({values}); de mäter olika saker och summeras inte",
                "column \"{column}\" has several contents ({values}); they measure different things and are not summed"
            )
        }
        (
            ScbErrorKind::UnevenParts {
                region,
                columns,
                missing,
            },
            _,
        ) => {
            let (region, columns, missing) = (excerpt(region), list(columns), list(missing));
            say!(
                lang,
                "raderna per {columns} kan inte summeras per kommun: {region} saknar {missing}, som andra regioner i filen har",
                "the rows per {columns} cannot be summed per kommun: {region} lacks {missing}, which other regions of the file have"
            )
        }
        (ScbErrorKind::TotalNotEverywhere(missing), _) => {
            let MissingTotal {
                column,
                value,
                has,
                lacking,
            } = missing.as_ref();
            let (column, value, has) = (excerpt(column), excerpt(value), excerpt(has));
            let n = lacking.len();
            let others = match (n, lang) {
                (1, Lang::Sv) => "1 annan region".to_string(),
                (_, Lang::Sv) => format!("{n} andra regioner"),
                (1, Lang::En) => "1 other region".to_string(),
                (_, Lang::En) => format!("{n} other regions"),
            };
            let lacking = list(lacking);
            say!(
                lang,
                "raderna per \"{column}\" har totalen \"{value}\" för {has} men inte för {others} ({lacking}); att läsa bara totalen skulle lämna dem utanför",
                "the rows per \"{column}\" have the total \"{value}\" for {has} but not for {others} ({lacking}); reading the total alone would leave them out"
            )
        }
        (
            ScbErrorKind::RepeatedPart {
                region,
                values,
                first_line,
            },
            _,
        ) => {
            let (region, values) = (excerpt(region), list(values));
            say!(
                lang,
                "{region} med {values} finns redan på rad {first_line}",
                "{region} with {values} is already on line {first_line}"
            )
        }
    }
}

/// What to download instead of a file that is not read.
fn download(lang: Lang) -> &'static str {
    lang.pick(
        "ladda ner tabellen från SCB:s statistikdatabas som CSV, Excel (xlsx), JSON-stat2 eller PX, med regionerna som rader; med PxWebApi 2 duger standardformatet (json-stat2) eller outputFormat=csv",
        "download the table from SCB's statistical database as CSV, Excel (xlsx), JSON-stat2 or PX, with the regions as rows; with PxWebApi 2 its default (json-stat2) or outputFormat=csv will do",
    )
}

/// A file of `allocate`'s own where a population file belongs, said as what it is.
pub fn misplaced(kind: &Misplaced, lang: Lang) -> String {
    let what = match kind {
        Misplaced::Plan { .. } => lang.pick("en plan", "a plan"),
        Misplaced::Form => super::a_form(lang),
        Misplaced::UsageReport => lang.pick(
            "en redovisning till årets uppföljning",
            "a report for the year-end follow-up",
        ),
        Misplaced::Toml => lang.pick("en TOML-fil", "a TOML file"),
    };
    say!(
        lang,
        "filen är {what}, inte en befolkningsfil från SCB",
        "the file is {what}, not a population file from SCB"
    )
}

/// What to do about a key file given on the command line (`split --key FILE`) that cannot be
/// read: its path is the user's own, not a plan's (relative to the current folder).
pub fn given_error_hint(error: &ScbError, lang: Lang) -> String {
    match &error.kind {
        ScbErrorKind::NotFound
        | ScbErrorKind::StdinNotRead
        | ScbErrorKind::Directory
        | ScbErrorKind::NotRegular(_) => lang
            .pick(
                "kontrollera sökvägen till befolkningsfilen (en relativ sökväg utgår från mappen du står i), eller ge planen med --plan och en av dess nycklar med --key",
                "check the path of the population file (a relative path starts from the current folder), or give the plan with --plan and one of its keys with --key",
            )
            .to_string(),
        _ => error_hint(error, lang),
    }
}

/// What to do about a key file that cannot be read.
pub fn error_hint(error: &ScbError, lang: Lang) -> String {
    let hint = kind_hint(error, lang);
    match &error.sheets {
        Some(sheets) if !sheets.others.is_empty() => say!(
            lang,
            "{hint}; en arbetsbok läses från det första blad den visar, så ligger tabellen på ett annat blad: flytta det först, eller spara det som en egen fil",
            "{hint}; a workbook is read from the first sheet it shows, so if the table is on another sheet: move that sheet first, or save it as a file of its own"
        ),
        _ => hint,
    }
}

/// The hint for an error's kind.
fn kind_hint(error: &ScbError, lang: Lang) -> String {
    let text = match &error.kind {
        ScbErrorKind::Misplaced(kind) => {
            let download = download(lang);
            return match kind {
                Misplaced::Form | Misplaced::UsageReport => say!(
                    lang,
                    "en nyckels `file` är en befolkningsfil från SCB; {download}. Blanketter och redovisningar läses av allocate follow-up PLAN REDOVISNING...",
                    "a key's `file` is a population file from SCB; {download}. Forms and reports are read by allocate follow-up PLAN REPORT..."
                ),
                _ => say!(
                    lang,
                    "en nyckels `file` är en befolkningsfil från SCB; {download}",
                    "a key's `file` is a population file from SCB; {download}"
                ),
            };
        }
        ScbErrorKind::TooLarge { .. } => lang.pick(
            "en SCB-fil med länets kommuner är några kB; kontrollera att det är rätt fil",
            "an SCB file with the county's kommuner is a few KB; check that this is the right file",
        ),
        ScbErrorKind::NotText(BinaryKind::OldOffice)
        | ScbErrorKind::Workbook(_)
        | ScbErrorKind::OtherFormat(OtherFormat::Ods) => lang.pick(
            "spara filen som Excel-arbetsbok (xlsx) eller CSV, eller ladda ner tabellen från SCB igen",
            "save the file as an Excel workbook (xlsx) or as CSV, or download the table from SCB again",
        ),
        ScbErrorKind::MixedEncoding => super::load::mixed_encoding_hint(lang),
        ScbErrorKind::NotText(_)
        | ScbErrorKind::OtherFormat(_)
        | ScbErrorKind::Empty
        | ScbErrorKind::NoHeader
        | ScbErrorKind::NoRows
        | ScbErrorKind::NoRegionColumn { .. } => download(lang),
        ScbErrorKind::Cube {
            problem: CubeProblem::Keys,
            ..
        } => lang.pick(
            "spara filen från PX-Win eller PxWeb utan KEYS, eller ladda ner tabellen som CSV eller JSON-stat2",
            "save the file from PX-Win or PxWeb without KEYS, or download the table as CSV or JSON-stat2",
        ),
        ScbErrorKind::Cube { .. } => lang.pick(
            "filen verkar ändrad eller avbruten; ladda ner tabellen från SCB igen",
            "the file seems edited or cut short; download the table from SCB again",
        ),
        ScbErrorKind::Unreadable(e) if e.kind == std::io::ErrorKind::PermissionDenied => {
            super::load::permission_hint(lang)
        }
        ScbErrorKind::NotFound
        | ScbErrorKind::StdinNotRead
        | ScbErrorKind::Directory
        | ScbErrorKind::NotRegular(_)
        | ScbErrorKind::Unreadable(_) => lang.pick(
            "kontrollera sökvägen; i en plan är den relativ till planfilens mapp, eller till den aktuella mappen när planen läses från standard input",
            "check the path; in a plan it is relative to the plan file's folder, or to the current folder when the plan is read from standard input",
        ),
        ScbErrorKind::RegionsAsColumns { .. } => lang.pick(
            "ladda ner tabellen med region i raderna (förspalten) och året i kolumnerna (tabellhuvudet)",
            "download the table with the regions as rows (the stub) and the year as columns (the heading)",
        ),
        ScbErrorKind::HeaderIsRegion { .. } => lang.pick(
            "ladda ner filen med rubrikraden, eller lägg till den överst: \"region\";\"2024\"",
            "download the file with its header line, or add it at the top: \"region\";\"2024\"",
        ),
        ScbErrorKind::NoYearColumn { .. } => lang.pick(
            "rubrikraden ska namnge året, som \"region\";\"2024\", eller ha en kolumn för året, som \"region\";\"år\";\"Folkmängd\"",
            "the header should name the year, as in \"region\";\"2024\", or have a column for the year, as in \"region\";\"år\";\"Folkmängd\"",
        ),
        ScbErrorKind::ColumnNotFound { available, .. }
        | ScbErrorKind::ChooseColumn { available } => {
            let Some(example) = column_to_suggest(available) else {
                // Columns of different contents, none of them the population: the choices,
                // none recommended.
                let choices = list(available);
                return say!(
                    lang,
                    "ange årskolumnen med `column = \"…\"` i planens nyckel (för allocate split: --column \"…\"); kolumnerna är {choices}, och ingen av dem är folkmängden",
                    "choose the year column with `column = \"…\"` in the plan's key (for allocate split: --column \"…\"); the columns are {choices}, and none of them is the population"
                );
            };
            // "2024" picks "BE0101N1 2024" when no other column names 2024.
            let year = match year_in(example) {
                Some(y) if available.iter().filter(|a| year_in(a) == Some(y)).count() == 1 => y,
                _ => example,
            };
            let year = if year.contains(' ') {
                format!("\"{year}\"")
            } else {
                year.to_string()
            };
            let in_toml = year.trim_matches('"');
            return say!(
                lang,
                "ange årskolumnen: `column = \"{in_toml}\"` i planens nyckel (för allocate split: --column {year})",
                "choose the year column: `column = \"{in_toml}\"` in the plan's key (for allocate split: --column {year})"
            );
        }
        ScbErrorKind::NoKommunkod { .. } => lang.pick(
            "antingen har alla kommuner sin kod, som \"2380 Östersund\", eller ingen, som webbgränssnittets \"Östersund\"; rätta raden eller ladda ner filen igen",
            "either every kommun has its code, as in \"2380 Östersund\", or none has, as in the web interface's \"Östersund\"; correct the row or download the file again",
        ),
        ScbErrorKind::LostLeadingZero { .. } => lang.pick(
            "filen har öppnats i ett program som läser koderna som tal; ladda ner den från SCB igen, eller formatera regionkolumnen som text innan den sparas",
            "the file has been opened in a program that reads the codes as numbers; download it from SCB again, or format the region column as text before saving",
        ),
        ScbErrorKind::CodeLength { .. } => lang.pick(
            "ladda ner filen från SCB igen, eller skriv kommunkoderna med fyra siffror, som \"2303 Ragunda\"",
            "download the file from SCB again, or write the kommunkoder with four digits, as in \"2303 Ragunda\"",
        ),
        ScbErrorKind::CodeDisagrees { .. } => lang.pick(
            "koderna och texterna ska gälla samma kommuner: ladda ner filen från SCB igen",
            "the codes and the texts must be the same kommuner's: download the file from SCB again",
        ),
        ScbErrorKind::EmptyRegion => lang.pick(
            "skriv kommunen på raden, eller ta bort raden",
            "write the kommun on the row, or remove the row",
        ),
        ScbErrorKind::BadGrouping { .. } => lang.pick(
            "två tal i samma fält? kontrollera avgränsaren mellan fälten; skriv annars talet utan mellanslag (64977) eller med tusentalsavstånd (64 977)",
            "two numbers in one field? check the delimiter between the fields; otherwise write the number without spaces (64977) or grouped in thousands (64 977)",
        ),
        ScbErrorKind::AbovePopulationLimit { .. } => lang.pick(
            "kontrollera talet och avgränsaren på raden (två tal som skrivits ihop?); en kommun har några tusen till en knapp miljon invånare",
            "check the number and the delimiter on the row (two numbers run together?); a kommun has from some thousands to almost a million inhabitants",
        ),
        ScbErrorKind::DamagedCode { .. } => lang.pick(
            "rätta koden till kommunens fyrsiffriga kommunkod (till exempel \"2309 Krokom\"), eller ladda ner filen från SCB igen",
            "correct the code to the kommun's four-digit kommunkod (for example \"2309 Krokom\"), or download the file from SCB again",
        ),
        ScbErrorKind::BadValue { .. }
        | ScbErrorKind::NegativeCount { .. }
        | ScbErrorKind::CountTooLarge { .. } => lang.pick(
            "folkmängden är ett heltal, till exempel 64977; `..` betyder att värdet saknas",
            "a population is a whole number, for example 64977; `..` means a missing value",
        ),
        ScbErrorKind::MissingField { .. } => lang.pick(
            "varje rad ska ha lika många fält som rubrikraden",
            "every row should have as many fields as the header",
        ),
        ScbErrorKind::ExtraFields { .. } => lang.pick(
            "ta bort det extra fältet, eller hämta filen på nytt från SCB",
            "remove the extra field, or download the file again from SCB",
        ),
        ScbErrorKind::UnclosedQuote => lang.pick(
            "kontrollera citattecknen på raden",
            "check the quotes on the line",
        ),
        ScbErrorKind::LastRowCut => lang.pick(
            "ladda ner tabellen från SCB igen; har du skrivit filen själv eller sparat den från ett program som inte avslutar sista raden (Google Kalkylark), avsluta den sista raden med en radbrytning",
            "download the table from SCB again; if you wrote the file yourself or saved it from a program that does not end its last row (Google Sheets), end the last row with a line break",
        ),
        ScbErrorKind::SeveralContents { .. } | ScbErrorKind::SameColumnTwice { .. } => lang.pick(
            "ladda ner bara tabellinnehållet Folkmängd (BE0101N1)",
            "download only the contents Folkmängd (BE0101N1)",
        ),
        ScbErrorKind::UnevenParts { .. } => lang.pick(
            "ladda ner totalen (till exempel kön \"totalt\" eller ingen uppdelning på kön), eller samma värden för alla kommuner",
            "download the total (for example sex \"totalt\", or no breakdown by sex), or the same values for every kommun",
        ),
        ScbErrorKind::TotalNotEverywhere(_) => lang.pick(
            "ladda ner filen med totalen (till exempel kön \"totalt\") för alla kommuner, eller helt utan den, så summeras värdena; en rad som lagts till för hand tas bort",
            "download the file with the total (for example sex \"totalt\") for every kommun, or without it, so that the values are summed; remove a row added by hand",
        ),
        ScbErrorKind::RepeatedPart { .. } => lang.pick(
            "ta bort den upprepade raden: varje kommun har en rad per värde",
            "remove the repeated row: each kommun has one row per value",
        ),
    };
    text.to_string()
}

/// A difference between a key file's kommuner and the plan's, starting with `path:line`.
pub fn mismatch_message(
    mismatch: &Mismatch,
    path: &Path,
    column: &str,
    style: impl Into<Style>,
) -> String {
    format!(
        "{}: {}",
        place(path, mismatch.line()),
        mismatch_text(mismatch, column, style)
    )
}

/// The message without the place (for a renderer that shows it).
/// What the file holds (names, labels, the column) is shown as excerpts.
pub fn mismatch_text(mismatch: &Mismatch, column: &str, style: impl Into<Style>) -> String {
    let style = style.into();
    let lang = style.lang;
    let column = excerpt(column);
    match mismatch {
        Mismatch::Missing {
            code,
            name,
            misnumbered: Some((line, written)),
        } => {
            let written = excerpt(written);
            say!(
                lang,
                "kommunen {code} {name} saknas i filen: rad {line} har namnet {name} med kommunkoden {written}",
                "kommun {code} {name} is not in the file: line {line} has the name {name} with the kommunkod {written}"
            )
        }
        Mismatch::Missing { code, name, .. } => say!(
            lang,
            "kommunen {code} {name} saknas i filen",
            "kommun {code} {name} is not in the file"
        ),
        Mismatch::OtherCounties { names } => {
            let names = crate::output::words::listed(names, lang);
            say!(
                lang,
                "filen har ingen av planens kommuner, bara kommuner i {names}",
                "the file has none of the plan's kommuner, only kommuner in {names}"
            )
        }
        Mismatch::Extra {
            code: Some(code),
            name,
            ..
        } => {
            let label = excerpt(&region_label(Some(code), name));
            say!(
                lang,
                "{label} är inte en av planens kommuner",
                "{label} is not one of the plan's kommuner"
            )
        }
        Mismatch::Extra {
            code: None,
            name,
            suggestion,
            ..
        } => {
            let name = excerpt(name);
            let near = suggestion
                .as_ref()
                .map(|s| say!(lang, " (menade du {s}?)", " (did you mean {s}?)"))
                .unwrap_or_default();
            say!(
                lang,
                "\"{name}\" är inte namnet på någon av planens kommuner{near}",
                "\"{name}\" is not the name of any of the plan's kommuner{near}"
            )
        }
        Mismatch::NameDiffers {
            code,
            name,
            plan_name,
            ..
        } => {
            let name = excerpt(name);
            let plan_name = excerpt(plan_name);
            say!(
                lang,
                "raden har kommunkoden {code} men namnet \"{name}\"; i planen är {code} {plan_name}",
                "the row has the kommunkod {code} but the name \"{name}\"; in the plan {code} is {plan_name}"
            )
        }
        Mismatch::Duplicate {
            code,
            name,
            first_line,
            first_name,
            ..
        } => {
            let label = excerpt(&region_label(code.as_deref(), name));
            match first_name {
                // `Bräcke kommun` after `Bräcke`: one kommun under two names.
                Some(first) => {
                    let first = excerpt(&region_label(code.as_deref(), first));
                    say!(
                        lang,
                        "kommunen {label} finns redan på rad {first_line}, som {first}",
                        "kommun {label} is already on line {first_line}, as {first}"
                    )
                }
                None => say!(
                    lang,
                    "kommunen {label} finns redan på rad {first_line}",
                    "kommun {label} is already on line {first_line}"
                ),
            }
        }
        Mismatch::NoValue { code, name, .. } => {
            let label = excerpt(&region_label(code.as_deref(), name));
            say!(
                lang,
                "{label} saknar värde (`..`) i kolumnen \"{column}\"",
                "{label} has no value (`..`) in column \"{column}\""
            )
        }
        Mismatch::Zero { code, name, .. } => {
            let label = excerpt(&region_label(code.as_deref(), name));
            say!(
                lang,
                "folkmängden för {label} är 0; den måste vara ett positivt heltal",
                "the population of {label} is 0; it must be a positive whole number"
            )
        }
        Mismatch::OutsideCounty {
            code,
            name,
            counties,
            ..
        } => {
            let label = excerpt(&region_label(Some(code), name));
            let county = code.get(..2).unwrap_or(code);
            match counties.as_slice() {
                [one] => {
                    let one = excerpt(one);
                    say!(
                        lang,
                        "{label} ligger inte i filens län, \"{one}\": kommunkoden börjar med länskoden {county}",
                        "{label} is not in the file's county, \"{one}\": its kommunkod starts with the county code {county}"
                    )
                }
                _ => {
                    let all = list(counties);
                    say!(
                        lang,
                        "{label} ligger inte i något av filens län ({all}): kommunkoden börjar med länskoden {county}",
                        "{label} is in none of the file's counties ({all}): its kommunkod starts with the county code {county}"
                    )
                }
            }
        }
        Mismatch::NameTwice {
            code,
            name,
            first_line,
            first_code,
            ..
        } => {
            let name = excerpt(name);
            say!(
                lang,
                "namnet {name} har redan kommunkoden {first_code} på rad {first_line}, men här {code}; ingen kommun delar namn med en annan",
                "the name {name} already has the kommunkod {first_code} on line {first_line}, but here {code}; no two kommuner share a name"
            )
        }
        Mismatch::SumOfOthers {
            code,
            name,
            count: n,
            ..
        } => {
            let label = excerpt(&region_label(code.as_deref(), name));
            let n = style.count(*n);
            say!(
                lang,
                "raden \"{label}\" ({n}) är lika stor som summan av alla andra kommunrader i filen; den ser ut som en summarad, inte en kommun",
                "the row \"{label}\" ({n}) equals the sum of all the other kommun rows of the file; it looks like a total, not a kommun"
            )
        }
        Mismatch::Total {
            label,
            stated,
            computed,
            ..
        } => total_text(label, *stated, *computed, style),
    }
}

/// A total of a key file against the sum of the kommun rows it covers. The difference is
/// not in it: it is drawn with both figures under the message, computed − stated, as for
/// every other total.
pub fn total_text(label: &str, stated: u64, computed: u64, style: impl Into<Style>) -> String {
    let style = style.into();
    let lang = style.lang;
    let label = excerpt(label);
    let (s, c) = (style.count(stated), style.count(computed));
    say!(
        lang,
        "\"{label}\" anger {s}, men kommunraderna den omfattar summerar till {c}",
        "\"{label}\" states {s}, but the kommun rows it covers sum to {c}"
    )
}

/// What to do about a kommun whose count in a key file is 0 (a key file's line, or the
/// population key it is read into).
pub fn zero_population_hint(lang: Lang) -> &'static str {
    lang.pick(
        "en kommun med folkmängden 0 skulle inte få något, så nyckeln kan inte användas; kontrollera filen mot SCB",
        "a kommun with a population of 0 would get nothing, so the key cannot be used; check the file against SCB",
    )
}

/// What to do about a difference between a key file and the plan.
pub fn mismatch_hint(mismatch: &Mismatch, lang: Lang) -> &'static str {
    match mismatch {
        Mismatch::Missing {
            misnumbered: Some(_),
            ..
        } => lang.pick(
            "rätta kommunkoden på raden till planens kod för kommunen, eller exportera filen på nytt från SCB",
            "correct the kommunkod on the line to the plan's code for the kommun, or export the file again from SCB",
        ),
        Mismatch::Missing { .. } => lang.pick(
            "exportera alla länets kommuner från SCB",
            "export all of the county's kommuner from SCB",
        ),
        Mismatch::OtherCounties { .. } => lang.pick(
            "filen är hämtad för ett annat län: ladda ner folkmängden för planens län (eller hela riket) från SCB",
            "the file was downloaded for another county: download the population of the plan's county (or all of Sweden) from SCB",
        ),
        Mismatch::Extra {
            code: Some(_),
            in_county: true,
            ..
        } => lang.pick(
            "kommunen hör till planens län: lägg till den under [[kommuner]]",
            "the kommun is in the plan's county: add it under [[kommuner]]",
        ),
        Mismatch::Extra { code: Some(_), .. } => lang.pick(
            "exportera bara länets kommuner, eller lägg till kommunen under [[kommuner]]",
            "export only the county's kommuner, or add the kommun under [[kommuner]]",
        ),
        Mismatch::Extra { code: None, .. } => lang.pick(
            "filen anger kommunerna med namn utan kod; namnet ska stavas som kommunens `name` under [[kommuner]], eller ladda ner filen med koder",
            "the file names its kommuner without codes; the name must be spelt as the kommun's `name` under [[kommuner]], or download the file with codes",
        ),
        Mismatch::NameDiffers { .. } => lang.pick(
            "koden och namnet ska gälla samma kommun: ladda ner filen från SCB igen, eller rätta kommunens `name` under [[kommuner]]",
            "the code and the name must be the same kommun's: download the file from SCB again, or correct the kommun's `name` under [[kommuner]]",
        ),
        Mismatch::Duplicate {
            first_name: Some(_),
            ..
        } => lang.pick(
            "två rader för samma kommun skulle ge den dess andel två gånger: ta bort den ena",
            "two rows for one kommun would give it its share twice: remove one of them",
        ),
        Mismatch::Duplicate { .. } => lang.pick(
            "är raderna likadana, ta bort den ena; är de delar (per kön eller ålder), ladda ner filen med kolumnen som skiljer dem åt, så summeras de, eller ladda ner totalen",
            "if the rows are the same, remove one; if they are parts (per sex or age), download the file with the column that tells them apart, so that they are summed, or download the total",
        ),
        Mismatch::NoValue { .. } => lang.pick(
            "välj ett år som har värden för alla kommuner",
            "choose a year that has values for every kommun",
        ),
        Mismatch::Zero { .. } => zero_population_hint(lang),
        Mismatch::OutsideCounty { .. } => lang.pick(
            "ta bort raden, eller exportera bara länets kommuner från SCB; en kommun i ett annat län skulle få en del av länets pengar",
            "remove the row, or export only the county's kommuner from SCB; a kommun of another county would get a share of the county's money",
        ),
        Mismatch::NameTwice { .. } => lang.pick(
            "koden eller namnet på en av raderna stämmer inte: ladda ner filen från SCB igen",
            "the code or the name on one of the rows is wrong: download the file from SCB again",
        ),
        Mismatch::SumOfOthers { .. } => lang.pick(
            "ta bort raden, eller kalla den \"Summa\" så jämförs den med kommunraderna; som kommun skulle den få hälften av beloppet",
            "remove the row, or call it \"Summa\" so that it is compared with the kommun rows; as a kommun it would get half the amount",
        ),
        Mismatch::Total { .. } => total_hint(lang),
    }
}

/// What to do about a total of a key file that differs from its kommun rows.
pub fn total_hint(lang: Lang) -> &'static str {
    lang.pick(
        "kontrollera att filen har alla kommuner och att inget värde har ändrats, eller ladda ner den från SCB igen",
        "check that the file has every kommun and that no value has been changed, or download it from SCB again",
    )
}

/// The column a hint suggests of several: the last (the latest period) when the columns
/// differ only in their year, or month or quarter; else the last that names the population (`Folkmängd 2024` rather than
/// `Folkökning 2024`); else none.
fn column_to_suggest(available: &[String]) -> Option<&str> {
    // A header without its period: the year, and a month, quarter or half right after it as
    // PxWeb writes them (`2024M11`, `2024K4`, `2024Q4`, `2024H2`).
    let without_year = |header: &str| -> String {
        let Some(year) = year_in(header) else {
            return crate::core::text::fold(header);
        };
        let rest: String = (header.split(year).enumerate())
            .map(|(i, part)| match part.strip_prefix(['M', 'K', 'Q', 'H']) {
                Some(rest) if i > 0 && rest.starts_with(|c: char| c.is_ascii_digit()) => {
                    rest.trim_start_matches(|c: char| c.is_ascii_digit())
                }
                _ => part,
            })
            .collect();
        crate::core::text::fold(&rest)
    };
    let Some(last) = available.last() else {
        return Some("2024");
    };
    let contents = without_year(last);
    if available.iter().all(|a| without_year(a) == contents) {
        return Some(last);
    }
    available
        .iter()
        .rev()
        .find(|a| {
            let folded = crate::core::text::fold(a);
            ["folkmängd", "befolkning", "population", "be0101n1"]
                .iter()
                .any(|word| folded.contains(word))
        })
        .map(String::as_str)
}

/// The one year (1900–2099) a column's header names, if it names one.
fn year_in(header: &str) -> Option<&str> {
    let mut years = header
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4 && matches!(d.get(..2), Some("19" | "20")));
    let first = years.next()?;
    years.all(|y| y == first).then_some(first)
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
    use crate::output::words::EXCERPT_CHARS;

    #[test]
    fn an_excerpt_is_cut_and_shows_what_a_terminal_would_hide() {
        assert_eq!(excerpt("Rag\u{1b}[2Junda"), "Rag<U+001B>[2Junda");
        assert_eq!(excerpt("Ber\u{200b}g"), "Ber<U+200B>g");
        let long = "x".repeat(EXCERPT_CHARS + 5);
        assert_eq!(excerpt(&long), format!("{}…", "x".repeat(EXCERPT_CHARS)));
        assert_eq!(
            excerpt(&"y".repeat(EXCERPT_CHARS)),
            "y".repeat(EXCERPT_CHARS)
        );
    }

    #[test]
    fn a_mismatch_names_the_file_and_line() {
        let extra = Mismatch::Extra {
            line: 5,
            code: Some("2401".to_string()),
            name: "Nordmaling".to_string(),
            suggestion: None,
            in_county: false,
        };
        assert_eq!(
            mismatch_message(&extra, Path::new("f.csv"), "2024", Lang::Sv),
            "f.csv:5: 2401 Nordmaling är inte en av planens kommuner"
        );
        let missing = Mismatch::Missing {
            code: "2309".to_string(),
            name: "Krokom".to_string(),
            misnumbered: None,
        };
        assert_eq!(
            mismatch_message(&missing, Path::new("f.csv"), "2024", Lang::En),
            "f.csv: kommun 2309 Krokom is not in the file"
        );
        let misnumbered = Mismatch::Missing {
            code: "2321".to_string(),
            name: "Åre".to_string(),
            misnumbered: Some((8, "2421".to_string())),
        };
        assert_eq!(
            mismatch_message(&misnumbered, Path::new("f.csv"), "2024", Lang::Sv),
            "f.csv:8: kommunen 2321 Åre saknas i filen: rad 8 har namnet Åre med kommunkoden 2421"
        );
    }
}
