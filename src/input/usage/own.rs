//! `allocate`'s own follow-up summary given where a returned form belongs: the files
//! `follow-up --output` writes (`uppfoljning-mottagare.csv`, `aterbetalning.csv`,
//! `omfordelningar.csv`, …, `uppfoljning-2026.xlsx`, `uppfoljning-2026.json`), as when the
//! summary was written into the folder of forms and the folder is given again (`'M/*'`).
//! They are told by what they hold, not by their names: a sheet whose first row is one of the
//! summary's header rows, in Swedish, English or the machines' `snake_case`, or a JSON
//! document of the summary or of one of its parts. A form's first row is its title, so no
//! returned form is taken for one.

use serde_json::Value;

use super::Grid;
use crate::core::text::{fold, visible};

/// Whether a grid (a CSV file's rows, a workbook's sheet) is a part of the summary: its first
/// row with text is the part's header row, which starts with the recipient or the area and
/// names both what is unused and what is not reported, or what was moved from one insats to
/// another (a form's label row with a stray `Ej använt` beside `Mottagare` is no summary).
pub(super) fn is_summary_sheet(grid: &Grid) -> bool {
    let Some(row) = grid
        .iter()
        .find(|row| row.iter().any(|c| !visible(&c.text).is_empty()))
    else {
        return false;
    };
    let headers: Vec<String> = row
        .iter()
        .map(|c| fold(visible(&c.text)))
        .filter(|h| !h.is_empty())
        .collect();
    let has = |words: &[&str]| headers.iter().any(|h| words.contains(&h.as_str()));
    let first = headers.first().map(String::as_str).unwrap_or("");
    // The first column: a recipient (recipients, reallocations, repayment, lines) or an
    // area (areas, insatser).
    matches!(first, "mottagare" | "recipient" | "område" | "area")
        && ((has(&["ej använt", "unused"])
            && has(&["ej redovisat", "not reported", "not_reported"]))
            || (has(&["från insats", "from insats", "from"])
                && has(&["till insats", "to insats", "to"])))
}

/// Whether a text is the summary as JSON: the whole (its `schema`, `allocate-follow-up/2`; `/1` before it),
/// the repayment, or the rows of another part (recipients, areas, insatser, lines: each with
/// what is unused; reallocations: each from one insats to another).
pub(super) fn is_summary_json(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if !text.starts_with(['{', '[']) {
        return false;
    }
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return false;
    };
    match &value {
        Value::Object(object) => {
            object
                .get("schema")
                .and_then(Value::as_str)
                .is_some_and(|s| s.starts_with("allocate-follow-up"))
                || ["total", "by", "region_books"]
                    .iter()
                    .all(|key| object.contains_key(*key))
        }
        Value::Array(rows) => {
            !rows.is_empty()
                && rows.iter().all(|row| {
                    row.as_object().is_some_and(|row| {
                        (row.contains_key("unused") && row.contains_key("used"))
                            || (row.contains_key("from") && row.contains_key("to"))
                    })
                })
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::followup::{At, Place};

    fn grid(rows: &[&[&str]]) -> Grid {
        rows.iter()
            .map(|row| {
                row.iter()
                    .map(|text| super::super::Cell {
                        text: (*text).to_string(),
                        stored: None,
                        place: Place {
                            file: 0,
                            at: At::Text(0..0),
                        },
                        quote: None,
                        formula: None,
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_summarys_header_rows_are_told() {
        // The header rows `follow-up --output` writes (Swedish Excel, English, rfc4180).
        for header in [
            "\u{feff}Mottagare;Kommunkod;Betalning;Ej använt;Ej redovisat;Hanteras;Att fakturera;Återbetalas senast;Preliminärt",
            "Mottagare;Kommunkod;Från insats;Från område;Till insats;Till område;Fokusområden;Belopp",
            "Område;Insats;Beskrivning;Ansvarig;Tilldelat;Omfördelat;Använt;Ej använt;Ej redovisat",
            "Mottagare;Kommunkod;Mottagartyp;Betalning;Samlingsfaktura skickad;Mottaget;Använt;Ej använt;Ej redovisat;Hanteras;Att fakturera",
            "Område;Områdets namn;Tilldelat;Omfördelat;Använt;Ej använt;Ej redovisat",
            "Mottagare;Kommunkod;Område;Insats;Beskrivning;Mottaget;Omfördelat;Använt;Ej använt;Ej redovisat;Kommentar",
            "Recipient;Kommunkod;Payment;Unused;Not reported;Settled;To invoice;Repaid by;Preliminary",
            "Recipient;Kommunkod;From insats;From area;To insats;To area;Focus areas;Amount",
            "Area;Area title;Allocated;Reallocated;Used;Unused;Not reported",
            "recipient,kommunkod,payment,unused,not_reported,settlement,to_invoice,repaid_by,preliminary",
            "recipient,kommunkod,from,from_area,to,to_area,focus_areas,amount",
            "area,insats,text,responsible,allocated,reallocated,used,unused,not_reported",
        ] {
            let header: Vec<&str> = header.split([';', ',']).collect();
            assert!(is_summary_sheet(&grid(&[&[""], &header])), "{header:?}");
        }
        // A form: its title first, and its table's header has no unused column.
        let form = grid(&[
            &[
                "Redovisning av användningen av länsgemensamma medel",
                "Jämtlands län 2026",
            ],
            &["Mottagare", "Berg"],
            &[
                "Område",
                "Insats",
                "Beskrivning",
                "Mottaget (kr)",
                "Använt (kr)",
            ],
        ]);
        assert!(!is_summary_sheet(&form));
        // A recipient's own table, headed otherwise.
        assert!(!is_summary_sheet(&grid(&[&[
            "Insats",
            "Använt",
            "Ej använt"
        ]])));
        assert!(!is_summary_sheet(&grid(&[&["Mottagare", "Berg"]])));
        // A form's label row with a stray `Ej använt` (tester s29 round 2).
        assert!(!is_summary_sheet(&grid(&[&[
            "Mottagare",
            "Berg",
            "Ej använt"
        ]])));
    }

    #[test]
    fn the_summary_as_json_is_told() {
        assert!(is_summary_json(
            r#"{"schema": "allocate-follow-up/2", "year": 2026}"#
        ));
        assert!(is_summary_json(
            r#"{"schema": "allocate-follow-up/1", "year": 2026}"#
        ));
        assert!(is_summary_json(
            r#"{"total": 1, "by": "2027-03-31", "region_books": 0}"#
        ));
        assert!(is_summary_json(
            r#"[{"recipient": "Berg", "used": 1, "unused": 0}]"#
        ));
        assert!(is_summary_json(
            r#"[{"recipient": "Berg", "from": "3.4", "to": "1.3"}]"#
        ));
        assert!(!is_summary_json(r#"{"schema": "allocate-export/1"}"#));
        assert!(!is_summary_json("[]"));
        assert!(!is_summary_json("[1, 2]"));
        assert!(!is_summary_json("Insats;Använt"));
        assert!(!is_summary_json("{ not json"));
    }
}
