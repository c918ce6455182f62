//! Population files from SCB (Statistics Sweden), read as they are downloaded.
//!
//! A user exports "folkmängd 1 november per kommun" from SCB's statistical database and points
//! a plan key (`file = "keys/folkmangd-2024-11-01.csv"`) or `allocate split --key` at the file.
//! What SCB produces, and what is accepted:
//!
//! - comma, semicolon or tab between fields (detected: the one that splits most lines);
//! - UTF-8 with or without a byte-order mark, UTF-16 with one, or ISO-8859-1/Windows-1252
//!   (detected: text that is not valid UTF-8 is read as Windows-1252, a superset of
//!   ISO-8859-1 for every letter Swedish uses);
//! - an optional title line (`"Folkmängden den 1 november efter region och år"`) and blank
//!   lines before the header;
//! - a header `"region";"2023";"2024"`: a region column and one or more year columns, of which
//!   one is chosen (`column`);
//! - rows `"2380 Östersund";64977`: the kommunkod, a space, the name; rows for the county
//!   (`"23 Jämtlands län"`) or the country (`"00 Riket"`) are set aside, not read as kommuner;
//! - `..` (or `.`) for a missing value.
//!
//! Reading stops at the first problem that makes the file unreadable (`ScbError`, with its
//! line). Comparing the kommuner found with a plan's is separate (`compare`), so that every
//! missing, extra, duplicate or valueless kommun is reported with its line.

use std::path::Path;

use crate::core::population::{KeyFile, OsError, Row, ScbError, ScbErrorKind, TextEncoding};

/// Reads a population file from disk, choosing `column` (or the only year column).
/// A file larger than `crate::input::read::max_file_bytes()` is refused without reading it whole.
pub fn load(path: &Path, column: Option<&str>) -> Result<KeyFile, ScbError> {
    use crate::input::read::ReadReason;
    let bytes = crate::input::read::read_limited(path, crate::input::read::max_file_bytes())
        .map_err(|reason| ScbError {
            path: path.to_path_buf(),
            line: None,
            kind: match reason {
                ReadReason::NotFound => ScbErrorKind::NotFound,
                ReadReason::Directory => ScbErrorKind::Directory,
                ReadReason::TooLarge { size, limit } => ScbErrorKind::TooLarge { size, limit },
                ReadReason::PermissionDenied => ScbErrorKind::Unreadable(OsError {
                    kind: std::io::ErrorKind::PermissionDenied,
                    code: None,
                }),
                ReadReason::NotRegular(special) => ScbErrorKind::NotRegular(special),
                ReadReason::Other(e) => ScbErrorKind::Unreadable(e),
                ReadReason::Binary(kind) => ScbErrorKind::NotText(kind),
                // Not returned by reading; a key file's encoding is decided after it is read.
                ReadReason::NotUtf8 { .. } | ReadReason::Utf16 | ReadReason::StdinIsTerminal => {
                    ScbErrorKind::Empty
                }
            },
        })?;
    parse(path, &bytes, column)
}

/// Turns the file's bytes into text: a byte-order mark decides, else UTF-8 if the bytes are
/// valid UTF-8, else Windows-1252.
pub fn decode(bytes: &[u8]) -> (String, TextEncoding) {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_with_bom_removal(bytes);
        let which = if encoding == encoding_rs::UTF_8 {
            TextEncoding::Utf8Bom
        } else if encoding == encoding_rs::UTF_16LE {
            TextEncoding::Utf16Le
        } else {
            TextEncoding::Utf16Be
        };
        return (text.into_owned(), which);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), TextEncoding::Utf8),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), TextEncoding::Windows1252)
        }
    }
}

/// A record of the file: its fields and one-based line.
struct Record {
    line: usize,
    fields: Vec<String>,
}

fn records(text: &str, delimiter: u8) -> Vec<Record> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    // Lines are counted from the previous record on, so a long file is read in one pass.
    let (mut counted_to, mut line) = (0usize, 1usize);
    // The text is already valid UTF-8 and the reader is flexible, so read errors do not occur
    // in practice; one would end the records rather than loop.
    while let Ok(true) = reader.read_record(&mut record) {
        // The line from the byte offset where the record starts.
        let byte = record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
            .unwrap_or(0);
        // The reader reports blank lines it skipped as part of the record; skip them.
        let bytes = text.as_bytes();
        let start = byte
            + bytes.get(byte..).map_or(0, |b| {
                b.iter().take_while(|c| matches!(c, b'\r' | b'\n')).count()
            });
        if start >= counted_to {
            line += bytes
                .get(counted_to..start)
                .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count());
        } else {
            line = bytes
                .get(..start)
                .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
                + 1;
        }
        counted_to = start;
        out.push(Record {
            line,
            fields: record.iter().map(str::to_string).collect(),
        });
    }
    out
}

/// Whether a record is only empty fields (a blank line, or `;;`).
fn is_blank(record: &Record) -> bool {
    record.fields.iter().all(|f| f.trim().is_empty())
}

/// The year a header names: a four-digit number 1900–2099 in it ("2024", "2024M11").
fn header_year(header: &str) -> Option<i32> {
    let digits: Vec<&str> = header
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4)
        .collect();
    match digits.as_slice() {
        [one] => one.parse().ok().filter(|y| (1900..2100).contains(y)),
        _ => None,
    }
}

/// Parses a population file's bytes (`path` is only for messages).
pub fn parse(path: &Path, bytes: &[u8], column: Option<&str>) -> Result<KeyFile, ScbError> {
    let error = |line: Option<usize>, kind| ScbError {
        path: path.to_path_buf(),
        line,
        kind,
    };
    // Office and PDF files, and bytes with NULs that no byte-order mark explains, are not text.
    if encoding_rs::Encoding::for_bom(bytes).is_none()
        && let Some(crate::input::read::ReadReason::Binary(kind)) =
            crate::input::read::not_text(bytes)
    {
        return Err(error(None, ScbErrorKind::NotText(kind)));
    }
    let (text, encoding) = decode(bytes);
    if text.trim().is_empty() {
        return Err(error(None, ScbErrorKind::Empty));
    }
    // The delimiter that gives the most lines with two or more fields; on a tie the first of
    // semicolon, tab, comma.
    let mut best: Option<(usize, u8, Vec<Record>)> = None;
    for delimiter in [b';', b'\t', b','] {
        let recs = records(&text, delimiter);
        let score = recs.iter().filter(|r| r.fields.len() >= 2).count();
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, delimiter, recs));
        }
    }
    let Some((score, delimiter, recs)) = best else {
        return Err(error(None, ScbErrorKind::NoHeader));
    };
    if score == 0 {
        return Err(error(None, ScbErrorKind::NoHeader));
    }

    // Title and blank lines, then the header: the first line with two or more fields of
    // which one (not the first) names a year. An unquoted title that happens to contain the
    // delimiter is thereby still taken as a title.
    let has_year = |r: &Record| {
        r.fields
            .iter()
            .skip(1)
            .any(|f| header_year(f.trim()).is_some())
    };
    let Some(header_at) = recs.iter().position(|r| r.fields.len() >= 2 && has_year(r)) else {
        let first = recs.iter().find(|r| r.fields.len() >= 2);
        return Err(error(
            first.map(|r| r.line),
            ScbErrorKind::NoYearColumn {
                header: first
                    .map(|r| r.fields.iter().map(|f| f.trim().to_string()).collect())
                    .unwrap_or_default(),
            },
        ));
    };
    let mut recs = recs.into_iter();
    let preamble: Vec<Record> = recs.by_ref().take(header_at).collect();
    let title = preamble.iter().find(|r| !is_blank(r)).map(|r| {
        r.fields
            .join(&char::from(delimiter).to_string())
            .trim()
            .to_string()
    });
    let Some(header) = recs.next() else {
        return Err(error(None, ScbErrorKind::NoHeader));
    };
    let rest = recs;
    if header.fields.iter().any(|f| f.contains('\n')) {
        return Err(error(Some(header.line), ScbErrorKind::UnclosedQuote));
    }
    let names: Vec<String> = header.fields.iter().map(|f| f.trim().to_string()).collect();
    let region_col = names
        .iter()
        .position(|n| n.eq_ignore_ascii_case("region"))
        .unwrap_or(0);
    let year_cols: Vec<(usize, &String)> = names
        .iter()
        .enumerate()
        .filter(|(i, n)| *i != region_col && header_year(n).is_some())
        .collect();
    let available: Vec<String> = year_cols.iter().map(|(_, n)| (*n).clone()).collect();
    if year_cols.is_empty() {
        return Err(error(
            Some(header.line),
            ScbErrorKind::NoYearColumn { header: names },
        ));
    }
    let chosen = match column {
        Some(wanted) => {
            let wanted = wanted.trim();
            year_cols
                .iter()
                .find(|(_, n)| n.eq_ignore_ascii_case(wanted))
                .or_else(|| {
                    // "2024" also picks a header that names 2024, like "2024M11".
                    let year: Option<i32> = wanted.parse().ok();
                    let matching: Vec<_> = year_cols
                        .iter()
                        .filter(|(_, n)| year.is_some() && header_year(n) == year)
                        .collect();
                    match matching.as_slice() {
                        [one] => Some(*one),
                        _ => None,
                    }
                })
                .copied()
                .ok_or_else(|| {
                    error(
                        Some(header.line),
                        ScbErrorKind::ColumnNotFound {
                            wanted: wanted.to_string(),
                            available: available.clone(),
                        },
                    )
                })?
        }
        None => match year_cols.as_slice() {
            [one] => *one,
            _ => {
                return Err(error(
                    Some(header.line),
                    ScbErrorKind::ChooseColumn {
                        available: available.clone(),
                    },
                ));
            }
        },
    };
    let (value_col, column_name) = (chosen.0, chosen.1.clone());

    let mut rows = Vec::new();
    let mut other_regions = Vec::new();
    for record in rest {
        if is_blank(&record) {
            continue;
        }
        if record.fields.iter().any(|f| f.contains('\n')) {
            return Err(error(Some(record.line), ScbErrorKind::UnclosedQuote));
        }
        let region = record
            .fields
            .get(region_col)
            .map_or("", |f| f.trim())
            .to_string();
        let digits: String = region.chars().take_while(char::is_ascii_digit).collect();
        // A single field that does not start with a code: a footnote under the table.
        if digits.is_empty() && record.fields.len() < 2 {
            continue;
        }
        if digits.is_empty() {
            return Err(error(
                Some(record.line),
                ScbErrorKind::NoKommunkod { region },
            ));
        }
        if digits.len() != 4 {
            other_regions.push((record.line, region));
            continue;
        }
        let name = region.get(digits.len()..).unwrap_or("").trim().to_string();
        let Some(raw) = record.fields.get(value_col) else {
            return Err(error(
                Some(record.line),
                ScbErrorKind::MissingField {
                    region,
                    column: column_name,
                },
            ));
        };
        let count = parse_count(raw).ok_or_else(|| {
            let value = raw.trim().to_string();
            let digits = value
                .chars()
                .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'));
            let kind = if !value.is_empty() && digits.clone().all(|c| c.is_ascii_digit()) {
                ScbErrorKind::CountTooLarge {
                    region: region.clone(),
                    value,
                }
            } else {
                ScbErrorKind::BadValue {
                    region: region.clone(),
                    value,
                }
            };
            error(Some(record.line), kind)
        })?;
        rows.push(Row {
            line: record.line,
            code: digits,
            name,
            count,
        });
    }
    if rows.is_empty() {
        return Err(error(Some(header.line), ScbErrorKind::NoRows));
    }
    Ok(KeyFile {
        path: path.to_path_buf(),
        year: header_year(&column_name),
        text,
        encoding,
        delimiter: char::from(delimiter),
        title,
        header_line: header.line,
        column: column_name,
        rows,
        other_regions,
    })
}

/// A count: digits, perhaps grouped by spaces; `..` or `.` is missing (`Some(None)`); anything
/// else is not a count (`None`).
fn parse_count(raw: &str) -> Option<Option<u64>> {
    let raw = raw.trim();
    if raw == ".." || raw == "." {
        return Some(None);
    }
    let digits: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::population::Mismatch;

    /// Population 1 November 2024, seed 003 (Mini Maria table).
    const ROWS: [(&str, &str, u64); 8] = [
        ("2303", "Ragunda", 5_150),
        ("2305", "Bräcke", 6_037),
        ("2309", "Krokom", 15_702),
        ("2313", "Strömsund", 10_995),
        ("2321", "Åre", 12_626),
        ("2326", "Berg", 7_101),
        ("2361", "Härjedalen", 10_120),
        ("2380", "Östersund", 64_977),
    ];

    fn scb_text(delimiter: &str) -> String {
        let mut t = String::from("\"Folkmängden den 1 november efter region och år\"\n\n");
        t.push_str(&format!("\"region\"{delimiter}\"2024\"\n"));
        for (code, name, n) in ROWS {
            t.push_str(&format!("\"{code} {name}\"{delimiter}{n}\n"));
        }
        t
    }

    fn read(bytes: &[u8], column: Option<&str>) -> Result<KeyFile, ScbError> {
        parse(Path::new("f.csv"), bytes, column)
    }

    fn counts(f: &KeyFile) -> Vec<u64> {
        f.rows.iter().map(|r| r.count.unwrap()).collect()
    }

    #[test]
    fn reads_each_delimiter() {
        for (d, c) in [(";", ';'), (",", ','), ("\t", '\t')] {
            let f = read(scb_text(d).as_bytes(), None).unwrap();
            assert_eq!(f.delimiter, c);
            assert_eq!(counts(&f), ROWS.map(|r| r.2));
            assert_eq!(counts(&f).iter().sum::<u64>(), 132_708);
            assert_eq!(f.rows[7].name, "Östersund");
            assert_eq!(f.rows[0].line, 4);
            assert_eq!(f.header_line, 3);
            assert_eq!(
                f.title.as_deref(),
                Some("Folkmängden den 1 november efter region och år")
            );
            assert_eq!(f.year, Some(2024));
        }
    }

    #[test]
    fn reads_each_encoding() {
        let text = scb_text(";");
        let (latin1, _, bad) = encoding_rs::WINDOWS_1252.encode(&text);
        assert!(!bad);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        let mut utf16 = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        for (bytes, encoding) in [
            (text.as_bytes().to_vec(), TextEncoding::Utf8),
            (bom, TextEncoding::Utf8Bom),
            (latin1.into_owned(), TextEncoding::Windows1252),
            (utf16, TextEncoding::Utf16Le),
        ] {
            let f = read(&bytes, None).unwrap();
            assert_eq!(f.encoding, encoding);
            assert_eq!(f.rows[4].name, "Åre");
            assert_eq!(f.rows[7].name, "Östersund");
            assert_eq!(counts(&f), ROWS.map(|r| r.2));
        }
    }

    #[test]
    fn without_title_and_with_crlf() {
        let text = scb_text(",").replace('\n', "\r\n");
        let text = text.split_once("\r\n\r\n").unwrap().1;
        let f = read(text.as_bytes(), None).unwrap();
        assert_eq!(f.title, None);
        assert_eq!(f.header_line, 1);
        assert_eq!(f.rows[0].line, 2);
    }

    #[test]
    fn several_year_columns_need_a_choice() {
        let text = "\"region\";\"2023\";\"2024\"\n\"2303 Ragunda\";..;5150\n";
        let err = read(text.as_bytes(), None).unwrap_err();
        assert_eq!(err.line, Some(1));
        assert!(matches!(err.kind, ScbErrorKind::ChooseColumn { .. }));
        let f = read(text.as_bytes(), Some("2024")).unwrap();
        assert_eq!(f.rows[0].count, Some(5_150));
        let f = read(text.as_bytes(), Some("2023")).unwrap();
        assert_eq!(f.rows[0].count, None);
        let err = read(text.as_bytes(), Some("2022")).unwrap_err();
        assert!(matches!(err.kind, ScbErrorKind::ColumnNotFound { .. }));
    }

    #[test]
    fn county_and_country_rows_are_set_aside() {
        let text = "\"region\",\"2024\"\n\"00 Riket\",10551707\n\"23 Jämtlands län\",132708\n\"2303 Ragunda\",5150\n";
        let f = read(text.as_bytes(), None).unwrap();
        assert_eq!(f.rows.len(), 1);
        assert_eq!(f.other_regions.len(), 2);
        assert_eq!(f.other_regions[1], (3, "23 Jämtlands län".to_string()));
    }

    #[test]
    fn malformed_files_say_which_line() {
        let err = read(b"\"region\";\"2024\"\n\"2303 Ragunda\";5 15o\n", None).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(matches!(err.kind, ScbErrorKind::BadValue { ref value, .. } if value == "5 15o"));
        let err = read(b"\"region\";\"2024\"\n\"Ragunda\";5150\n", None).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(matches!(err.kind, ScbErrorKind::NoKommunkod { .. }));
        let err = read(b"\"region\";\"kommun\"\n\"2303 Ragunda\";5150\n", None).unwrap_err();
        assert!(matches!(err.kind, ScbErrorKind::NoYearColumn { .. }));
        let err = read(b"\"region\";\"2024\"\n\"2303 Ragunda;5150\n", None).unwrap_err();
        assert_eq!(err.line, Some(2));
        let err = read(b"just a title\n", None).unwrap_err();
        assert_eq!(err.kind, ScbErrorKind::NoHeader);
        let err = read(b"", None).unwrap_err();
        assert_eq!(err.kind, ScbErrorKind::Empty);
        let err = read(
            b"\"region\";\"2024\";\"2025\"\n\"2303 Ragunda\";5150\n",
            Some("2025"),
        )
        .unwrap_err();
        assert!(matches!(err.kind, ScbErrorKind::MissingField { .. }));
    }

    #[test]
    fn grouped_digits_are_a_count() {
        assert_eq!(parse_count("64 977"), Some(Some(64_977)));
        assert_eq!(parse_count(".."), Some(None));
        assert_eq!(parse_count("-3"), None);
        assert_eq!(parse_count("5,5"), None);
    }

    #[test]
    fn compare_reports_missing_extra_duplicate_and_valueless_kommuner() {
        let text = "\"region\";\"2024\"\n\"2303 Ragunda\";5150\n\"2303 Ragunda\";5150\n\"2305 Bräcke\";..\n\"2401 Nordmaling\";7000\n";
        let f = read(text.as_bytes(), None).unwrap();
        let kommuner = [("2303", "Ragunda"), ("2305", "Bräcke"), ("2309", "Krokom")];
        let m = f.compare(&kommuner);
        assert_eq!(m.len(), 4, "{m:?}");
        assert!(matches!(
            &m[0],
            Mismatch::Duplicate {
                line: 3,
                first_line: 2,
                ..
            }
        ));
        assert!(matches!(&m[1], Mismatch::NoValue { line: 4, .. }));
        assert!(matches!(&m[2], Mismatch::Extra { line: 5, .. }));
        assert!(matches!(&m[3], Mismatch::Missing { code, .. } if code == "2309"));
        assert_eq!(f.weights(&["2303"]), None);
    }

    #[test]
    fn line_span_points_at_the_line() {
        let text = "a\r\nbcd\r\ne";
        assert_eq!(&text[KeyFile::line_span(text, 2)], "bcd");
        assert_eq!(&text[KeyFile::line_span(text, 3)], "e");
    }

    #[test]
    fn lines_stay_right_in_a_long_file_with_blank_lines() {
        // Lines are counted in one pass from record to record; blank lines and CRLF included.
        let mut t = String::from("\"region\";\"2024\"\r\n");
        for i in 0..3_000 {
            t.push_str(&format!("\"{} K{i}\";{}\r\n\r\n", 1000 + i, i + 1));
        }
        t.push_str("\"9999 Sist\";x\r\n");
        let err = read(t.as_bytes(), None).unwrap_err();
        assert_eq!(err.line, Some(2 + 3_000 * 2));
        let ok = read(t.replace(";x", ";1").as_bytes(), None).unwrap();
        assert_eq!(ok.rows[1].line, 4);
        assert_eq!(ok.rows[2_999].line, 2 + 2 * 2_999);
    }

    #[test]
    fn office_and_binary_files_are_not_read_as_text() {
        let kind = |bytes: &[u8]| read(bytes, None).unwrap_err().kind;
        assert_eq!(
            kind(b"PK\x03\x04\x14\x00rest"),
            ScbErrorKind::NotText(crate::core::unreadable::BinaryKind::Zip)
        );
        assert_eq!(
            kind(b"%PDF-1.7\n"),
            ScbErrorKind::NotText(crate::core::unreadable::BinaryKind::Pdf)
        );
        assert_eq!(
            kind(b"\"region\";\"2024\"\n\"2380 \x00\";1\n"),
            ScbErrorKind::NotText(crate::core::unreadable::BinaryKind::Other)
        );
        // UTF-16 has NUL bytes, and a byte-order mark that says what they are.
        let utf16: Vec<u8> = "\u{feff}\"region\";\"2024\"\n\"2380 Östersund\";64977\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(read(&utf16, None).unwrap().rows.len(), 1);
    }

    #[test]
    fn a_count_beyond_any_population_is_too_large_not_bad_text() {
        let t = "\"region\";\"2024\"\n\"2380 Östersund\";99999999999999999999999\n";
        assert!(matches!(
            read(t.as_bytes(), None).unwrap_err().kind,
            ScbErrorKind::CountTooLarge { .. }
        ));
    }
}
