//! JSON-stat 2.0, the default output of SCB's PxWebApi 2 (and an option of version 1): a
//! dataset with `id` (the dimensions in order), `size`, `dimension` (each with
//! `category.index`, an object from code to position or a list of codes, and
//! `category.label`, code to text), `role` (`time`, `metric`, `geo`) and `value` (a list,
//! or an object from position to value; `null` where SCB has a symbol such as `..`).
//!
//! Other JSON SCB gives out is named and refused: JSON-stat 1 (a bundle of datasets) and
//! PxWebApi 1's own `json` (`columns` and `data`).

use serde_json::{Map, Value};

use super::cube::{self, Cube, CubeDimension, Lines, Role};
use super::table::{Failure, Read};
use crate::core::population::{
    CubeProblem, FileFormat, JsonPart, JsonSyntax, OtherFormat, ScbErrorKind, TextEncoding,
};

const FORMAT: &str = "JSON-stat";

pub(super) fn read(
    text: String,
    encoding: TextEncoding,
    column: Option<&str>,
) -> Result<Read, Failure> {
    let problem = |line, problem| cube::failure(FORMAT, line, problem);
    let json: Value = serde_json::from_str(&text).map_err(|e| {
        problem(
            Some(e.line().max(1)),
            CubeProblem::Syntax {
                reason: syntax(&e),
                column: e.column().max(1),
            },
        )
    })?;
    let Some(object) = json.as_object() else {
        return Err((None, ScbErrorKind::OtherFormat(OtherFormat::Json)));
    };
    let class = object.get("class").and_then(Value::as_str);
    let is_dataset = class == Some("dataset")
        || (class.is_none()
            && ["id", "size", "dimension", "value"]
                .iter()
                .all(|k| object.contains_key(*k)));
    if !is_dataset {
        let kind = if object.contains_key("columns") && object.contains_key("data") {
            OtherFormat::PxWebJson
        } else if object.contains_key("dataset")
            || object
                .values()
                .any(|v| v.get("dimension").is_some() && v.get("value").is_some())
        {
            OtherFormat::JsonStat1
        } else if let Some(class) = class {
            return Err(problem(None, CubeProblem::NotDataset(class.to_string())));
        } else {
            OtherFormat::Json
        };
        return Err((None, ScbErrorKind::OtherFormat(kind)));
    }
    let dimension_line = line_of(&text, "\"dimension\"", 0).unwrap_or(1);
    let malformed = |what: &str| {
        problem(
            Some(dimension_line),
            CubeProblem::Dimension(what.to_string()),
        )
    };
    let ids: Vec<String> = object
        .get("id")
        .and_then(Value::as_array)
        .ok_or_else(|| malformed("id"))?
        .iter()
        .map(|v| {
            v.as_str()
                .map(str::to_string)
                .ok_or_else(|| malformed("id"))
        })
        .collect::<Result<_, _>>()?;
    let sizes: Vec<usize> = object
        .get("size")
        .and_then(Value::as_array)
        .ok_or_else(|| malformed("size"))?
        .iter()
        .map(|v| {
            v.as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(|| malformed("size"))
        })
        .collect::<Result<_, _>>()?;
    if ids.len() != sizes.len() {
        return Err(malformed("size"));
    }
    let roles = object.get("role").and_then(Value::as_object);
    let has_role = |role: &str, id: &str| {
        roles
            .and_then(|r| r.get(role))
            .and_then(Value::as_array)
            .is_some_and(|ids| ids.iter().any(|v| v.as_str() == Some(id)))
    };
    let all_dimensions = object
        .get("dimension")
        .and_then(Value::as_object)
        .ok_or_else(|| malformed("dimension"))?;
    let mut dimensions = Vec::new();
    for (id, size) in ids.iter().zip(&sizes) {
        let d = all_dimensions
            .get(id)
            .and_then(Value::as_object)
            .ok_or_else(|| malformed(id))?;
        let (codes, texts) = categories(d).ok_or_else(|| malformed(id))?;
        if codes.len() != *size {
            return Err(malformed(id));
        }
        let role = if has_role("geo", id) {
            Role::Region
        } else if has_role("time", id) {
            Role::Time
        } else if has_role("metric", id) {
            Role::Contents
        } else {
            Role::Unknown
        };
        dimensions.push(CubeDimension {
            id: id.clone(),
            label: d
                .get("label")
                .and_then(Value::as_str)
                .map_or_else(|| id.clone(), str::to_string),
            codes,
            texts,
            role,
        });
    }
    let expected = sizes
        .iter()
        .try_fold(1usize, |n, s| n.checked_mul(*s))
        .unwrap_or(usize::MAX);
    let values = values(object.get("value"), expected).ok_or_else(|| malformed("value"))?;
    // Each region's line: where its code is written under the region dimension, found in one
    // pass when the codes are written in their order (else the dimension's line).
    let region_lines = dimensions
        .iter()
        .find(|d| d.role == Role::Region || super::table::is_region_header(&d.id))
        .map(|d| {
            let from = text.find(&format!("\"{}\"", d.id)).unwrap_or(0);
            let first = line_at(&text, from);
            let (mut cursor, mut line, mut lost) = (from, first, false);
            d.codes
                .iter()
                .map(|code| {
                    let found = if lost {
                        None
                    } else {
                        text.get(cursor..)
                            .and_then(|t| t.find(&format!("\"{code}\"")))
                    };
                    lost = found.is_none();
                    match found {
                        Some(at) => {
                            line += text
                                .as_bytes()
                                .get(cursor..cursor + at)
                                .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count());
                            cursor += at;
                            line
                        }
                        None => first,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let title = object
        .get("label")
        .and_then(Value::as_str)
        .map(str::to_string);
    let (table, column) = cube::table(
        Cube {
            format: FORMAT,
            dimensions,
            values,
            lines: Lines::PerRegion(region_lines),
            line: dimension_line,
        },
        column,
    )?;
    Ok(Read {
        format: FileFormat::JsonStat { encoding },
        text,
        title,
        header_line: dimension_line,
        column,
        table,
    })
}

/// Why the JSON reader stopped, told by its words (it names its reasons only in English).
fn syntax(error: &serde_json::Error) -> JsonSyntax {
    let said = error.to_string();
    // "EOF while parsing a string at line 1 column 500": the reason before the place.
    let reason = match said.rfind(" at line ") {
        Some(at) => said.get(..at).unwrap_or(&said),
        None => said.as_str(),
    };
    match reason {
        "EOF while parsing a list" => JsonSyntax::EndsIn(JsonPart::List),
        "EOF while parsing an object" => JsonSyntax::EndsIn(JsonPart::Object),
        "EOF while parsing a string" => JsonSyntax::EndsIn(JsonPart::String),
        "EOF while parsing a value" => JsonSyntax::EndsIn(JsonPart::Value),
        "expected `:`" => JsonSyntax::ExpectedColon,
        "expected `,` or `]`" => JsonSyntax::ExpectedCommaOrListEnd,
        "expected `,` or `}`" => JsonSyntax::ExpectedCommaOrObjectEnd,
        "expected ident" => JsonSyntax::UnknownWord,
        "expected value" => JsonSyntax::ExpectedValue,
        "expected `\"`" => JsonSyntax::ExpectedQuote,
        "invalid escape" => JsonSyntax::InvalidEscape,
        "invalid number" => JsonSyntax::InvalidNumber,
        "number out of range" => JsonSyntax::NumberOutOfRange,
        "invalid unicode code point"
        | "lone leading surrogate in hex escape"
        | "unexpected end of hex escape" => JsonSyntax::InvalidUnicodeEscape,
        "key must be a string" => JsonSyntax::KeyNotString,
        "trailing comma" => JsonSyntax::TrailingComma,
        "trailing characters" => JsonSyntax::TrailingCharacters,
        "recursion limit exceeded" => JsonSyntax::TooDeep,
        r if r.starts_with("control character") => JsonSyntax::ControlCharacter,
        r => JsonSyntax::Other(r.to_string()),
    }
}

/// A dimension's codes in their order and their texts.
fn categories(dimension: &Map<String, Value>) -> Option<(Vec<String>, Vec<String>)> {
    let category = dimension.get("category")?.as_object()?;
    let labels = category.get("label").and_then(Value::as_object);
    let codes: Vec<String> = match category.get("index") {
        Some(Value::Array(codes)) => codes
            .iter()
            .map(|c| c.as_str().map(str::to_string))
            .collect::<Option<_>>()?,
        Some(Value::Object(index)) => {
            let mut positions: Vec<(u64, String)> = index
                .iter()
                .map(|(code, at)| at.as_u64().map(|at| (at, code.clone())))
                .collect::<Option<_>>()?;
            positions.sort();
            // Positions 0, 1, 2, …: none missing, none twice.
            if positions
                .iter()
                .enumerate()
                .any(|(i, (at, _))| u64::try_from(i).ok() != Some(*at))
            {
                return None;
            }
            positions.into_iter().map(|(_, code)| code).collect()
        }
        // A single category may be given by its label alone.
        None => match labels {
            Some(labels) if labels.len() == 1 => labels.keys().cloned().collect(),
            _ => return None,
        },
        Some(_) => return None,
    };
    let texts = codes
        .iter()
        .map(|code| {
            labels
                .and_then(|l| l.get(code))
                .and_then(Value::as_str)
                .map_or_else(|| code.clone(), str::to_string)
        })
        .collect();
    Some((codes, texts))
}

/// 2^53: the first whole number a double cannot tell from its neighbour.
const EXACT_IN_A_DOUBLE: f64 = 9_007_199_254_740_992.0;

/// The values as text: numbers as written, `null` (a symbol such as `..`) as `..`.
fn values(value: Option<&Value>, expected: usize) -> Option<Vec<String>> {
    let text = |v: &Value| match v {
        Value::Null => Some("..".to_string()),
        Value::Number(n) => Some(match (n.as_u64(), n.as_f64()) {
            (Some(u), _) => u.to_string(),
            // Written with a decimal or an exponent (`5150.0`, `5.15e3`): its digits, while a
            // double holds them exactly (below 2^53); beyond, as written (`1e20`), too large.
            (None, Some(f)) if f.fract() == 0.0 && (0.0..EXACT_IN_A_DOUBLE).contains(&f) => {
                format!("{f:.0}")
            }
            _ => n.to_string(),
        }),
        Value::String(s) => Some(s.clone()),
        _ => None,
    };
    match value? {
        Value::Array(values) => values.iter().map(text).collect(),
        // Sparse: position to value; the rest are missing.
        Value::Object(values) => {
            if expected > 1_000_000 {
                return None;
            }
            let mut all = vec!["..".to_string(); expected];
            for (at, v) in values {
                let at: usize = at.parse().ok()?;
                *all.get_mut(at)? = text(v)?;
            }
            Some(all)
        }
        _ => None,
    }
}

/// The one-based line of the first `needle` at or after byte `from`.
fn line_of(text: &str, needle: &str, from: usize) -> Option<usize> {
    let at = text.get(from..)?.find(needle)?;
    Some(line_at(text, from + at))
}

fn line_at(text: &str, byte: usize) -> usize {
    text.as_bytes()
        .get(..byte)
        .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
        + 1
}
