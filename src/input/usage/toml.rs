//! Usage written in TOML, for those who report without a form: the `year` and `county` it is
//! for, `[[recipients]]` with whether each has sent its collective invoice, and a `[[usage]]`
//! row per line, each value with its span.

use std::ops::Range;

use serde::Deserialize;
use serde_spanned::Spanned;

use super::UsageReadError;
use super::amount::entry_of_text;
use crate::core::followup::{At, BadAmount, Claim, Entry, Place, UsageFile, UsageRow, Written};
use crate::core::money::Amount;
use crate::input::plan::Source;
use crate::input::radix::base_of;

/// A TOML usage file:
///
/// ```toml
/// year = 2026
/// county = "Jämtlands län"
///
/// [[recipients]]
/// recipient = "Berg"
/// invoiced = true
///
/// [[usage]]
/// recipient = "Berg"
/// insats = "1.3"
/// used = 21_200
/// comment = "…"
/// ```
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlUsage {
    /// The year reported on, as a form's title row says it.
    year: Option<Spanned<TomlYear>>,
    /// The county, likewise.
    county: Option<Spanned<String>>,
    #[serde(default)]
    recipients: Vec<TomlRecipient>,
    #[serde(default)]
    usage: Vec<TomlRow>,
}

/// A usage file's `year`: a whole number, or one in quotes (`"2026"`), as its digits. Any
/// other value (`2026.0`, `"2026.0"`, `true`, a date) is the wrong type, told as a plan's
/// `year` is (`fel typ: decimaltal, förväntade ett heltal`, `skriv ett heltal, utan
/// decimaler: 2026`), rather than read as a title naming another year and none.
struct TomlYear(String);

impl<'de> Deserialize<'de> for TomlYear {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = TomlYear;

            // serde's name for a plan's `year`, so that the error is worded as its is.
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("i32")
            }

            fn visit_i64<E: serde::de::Error>(self, year: i64) -> Result<TomlYear, E> {
                Ok(TomlYear(year.to_string()))
            }

            fn visit_u64<E: serde::de::Error>(self, year: u64) -> Result<TomlYear, E> {
                Ok(TomlYear(year.to_string()))
            }

            fn visit_str<E: serde::de::Error>(self, year: &str) -> Result<TomlYear, E> {
                let digits = year.trim();
                if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
                    Ok(TomlYear(digits.to_string()))
                } else {
                    Err(E::invalid_type(serde::de::Unexpected::Str(year), &self))
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlRecipient {
    recipient: Spanned<String>,
    invoiced: Option<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlRow {
    recipient: Spanned<String>,
    insats: Spanned<toml::Value>,
    used: Spanned<Used>,
    comment: Option<String>,
}

/// A row's `used`: any TOML value (an integer, text as on a form, the wrong type told as a
/// finding). A float is never money: it is refused on its row, as a form's unreadable amount
/// is, and the other rows and files are still read.
struct Used(toml::Value);

impl<'de> Deserialize<'de> for Used {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        toml::Value::deserialize(deserializer).map(Used)
    }
}

pub(super) fn toml_usage(source: &Source, file: usize) -> Result<UsageFile, UsageReadError> {
    // A byte-order mark is blanked with spaces of its length, so spans index the text.
    let blanked;
    let body = match source.text.strip_prefix('\u{feff}') {
        Some(rest) => {
            blanked = format!("{}{rest}", " ".repeat('\u{feff}'.len_utf8()));
            blanked.as_str()
        }
        None => source.text.as_str(),
    };
    let parsed: TomlUsage = toml::from_str(body).map_err(|e| UsageReadError::Toml {
        source: Box::new(source.clone()),
        error: crate::input::plan::toml_error::<TomlUsage>(&e, body),
    })?;
    let place = |span: Range<usize>| Place {
        file,
        at: At::Text(span),
    };
    let written = |s: &Spanned<String>| Written {
        value: s.get_ref().clone(),
        place: place(s.span()),
    };
    // A value as its text in the file: `insats = 3.10` is "3.10", not the float 3.1.
    let literal = |v: &Spanned<toml::Value>| match v.get_ref() {
        toml::Value::String(s) => s.clone(),
        _ => body.get(v.span()).unwrap_or("").trim().to_string(),
    };
    if parsed.recipients.is_empty() && parsed.usage.is_empty() {
        return Err(UsageReadError::NothingReported {
            path: source.path.clone(),
        });
    }
    // What the file says it is for, as a form's title row would: `Jämtlands län 2026`.
    let year = parsed.year.as_ref().map(|y| Written {
        value: y.get_ref().0.clone(),
        place: place(y.span()),
    });
    let county = parsed.county.as_ref().map(written);
    let stated = match (county, year.clone()) {
        (Some(county), Some(year)) => Some(Written {
            value: format!("{} {}", county.value, year.value),
            place: year.place,
        }),
        (county, year) => county.or(year),
    };
    let undated = year.is_none().then(|| crate::core::followup::Undated {
        place: place(0..0),
        form: false,
    });
    let claims = parsed
        .recipients
        .iter()
        .map(|r| Claim {
            recipient: written(&r.recipient),
            named: None,
            invoiced: r.invoiced.as_ref().map(|v| Written {
                value: match v.get_ref() {
                    toml::Value::Boolean(true) => "ja".to_string(),
                    toml::Value::Boolean(false) => "nej".to_string(),
                    _ => literal(v),
                },
                place: place(v.span()),
            }),
        })
        .collect();
    let rows = parsed
        .usage
        .iter()
        .map(|r| {
            let text = || body.get(r.used.span()).unwrap_or("").trim().to_string();
            let used = match &r.used.get_ref().0 {
                // `0x10`, `0o20`, `0b10000`: TOML reads 16, no one reading the file would.
                toml::Value::Integer(i) => match base_of(&text()) {
                    Some((radix, _)) => Entry::Bad {
                        written: text(),
                        why: BadAmount::NotDecimal { radix, value: *i },
                    },
                    None => Entry::Amount(Amount::kr(*i)),
                },
                toml::Value::String(s) => entry_of_text(s),
                toml::Value::Datetime(_) => Entry::Bad {
                    written: text(),
                    why: BadAmount::Date,
                },
                // `1350000.5`, `1.5e4`: no float is money; `nan` and `inf` are no number.
                toml::Value::Float(f) => Entry::Bad {
                    written: text(),
                    why: match f.is_finite() {
                        true => BadAmount::Float,
                        false => BadAmount::NotANumber,
                    },
                },
                _ => Entry::Bad {
                    written: text(),
                    why: BadAmount::NotANumber,
                },
            };
            UsageRow {
                recipient: written(&r.recipient),
                insats: Written {
                    value: literal(&r.insats),
                    place: place(r.insats.span()),
                },
                text: None,
                received: None,
                used: Written {
                    value: used,
                    place: place(r.used.span()),
                },
                comment: r.comment.clone(),
                overflow: None,
                below_total: None,
            }
        })
        .collect();
    Ok(UsageFile {
        claims,
        rows,
        stated,
        undated,
        ..UsageFile::default()
    })
}

#[cfg(test)]
mod tests {
    use super::super::from_bytes;
    use super::*;
    use std::path::Path;

    /// `input::plan::USAGE_KEYS` is what this reader takes, so that a report given as the
    /// plan is known by its tables.
    #[test]
    fn the_usage_tables_are_the_reports_top_level_keys() {
        let Err(UsageReadError::Toml { error, .. }) = from_bytes(Path::new("u.toml"), b"[x]\n", 0)
        else {
            panic!("read")
        };
        let crate::input::plan::ParseErrorKind::UnknownKey { expected, .. } = error.kind else {
            panic!("{:?}", error.kind)
        };
        assert_eq!(expected, crate::input::plan::USAGE_KEYS);
    }
}
