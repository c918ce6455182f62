//! A CSV form's text as rows of cells, each with its byte span, for the form to be found in.

use std::ops::Range;

use super::{Cell, Grid, Quote};
use crate::core::followup::{At, Place};

/// CSV text as rows of cells with their byte spans (quoted fields, doubled quotes, line ends
/// inside quotes, `\r\n` and `\n`).
///
/// Written here rather than with the `csv` crate (which `input::scb` reads key files with):
/// a form's findings point at a cell, so each field needs its span, and the form is told a
/// quote left open (which swallows the rest of the form into one cell); `csv::Reader` gives a
/// record's position only, and `csv_core`, which would give each field's length, ends an open
/// quote at the file's end without a word.
pub(super) fn csv_grid(text: &str, delimiter: char, file: usize) -> Grid {
    let mut grid = Vec::new();
    let mut row = Vec::new();
    let mut chars = text.char_indices().peekable();
    let cell = |value: String, span: Range<usize>, quote: Option<Quote>| Cell {
        stored: None,
        text: value,
        place: Place {
            file,
            at: At::Text(span),
        },
        quote,
        formula: None,
    };
    loop {
        let start = chars.peek().map_or(text.len(), |&(i, _)| i);
        let mut value = String::new();
        let mut end = start;
        let mut quoted = false;
        if let Some(&(_, '"')) = chars.peek() {
            quoted = true;
            chars.next();
        }
        let mut in_quotes = quoted;
        // What ends the field: a delimiter, a line end, or the end of the text.
        let mut ended_by = None;
        while let Some(&(i, c)) = chars.peek() {
            if in_quotes {
                chars.next();
                if c == '"' {
                    if let Some(&(_, '"')) = chars.peek() {
                        chars.next();
                        value.push('"');
                    } else {
                        in_quotes = false;
                    }
                } else {
                    value.push(c);
                }
                end = chars.peek().map_or(text.len(), |&(j, _)| j);
                continue;
            }
            if c == delimiter || c == '\n' || c == '\r' {
                ended_by = Some((i, c));
                break;
            }
            chars.next();
            // An unquoted field is taken from the text whole, below.
            if quoted {
                value.push(c);
            }
            end = chars.peek().map_or(text.len(), |&(j, _)| j);
        }
        if !quoted {
            value = text.get(start..end).unwrap_or("").to_string();
        }
        let span = if quoted && end > start + 1 {
            // Inside the quotes.
            start + 1..end.saturating_sub(1).max(start + 1)
        } else {
            start..end
        };
        // A quote never closed, or closed after a line break, is told by the form (a comment
        // over lines is fine; rows of the form inside one are not).
        let quote = (quoted && (in_quotes || value.contains(['\n', '\r']))).then_some(Quote {
            at: start,
            closed: !in_quotes,
        });
        row.push(cell(value, span, quote));
        match ended_by {
            Some((_, c)) if c == delimiter => {
                chars.next();
            }
            Some((_, '\r')) => {
                chars.next();
                if let Some(&(_, '\n')) = chars.peek() {
                    chars.next();
                }
                grid.push(std::mem::take(&mut row));
            }
            Some(_) => {
                chars.next();
                grid.push(std::mem::take(&mut row));
            }
            None => {
                grid.push(std::mem::take(&mut row));
                break;
            }
        }
    }
    grid
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_keep_their_spans() {
        let text = "a;\"b;\"\"c\"\"\";\r\nd\n";
        let grid = csv_grid(text, ';', 0);
        // The text's last line end leaves an empty row, which a form skips.
        assert_eq!(grid.len(), 3);
        assert_eq!(grid[2].len(), 1);
        assert!(grid[2][0].text.is_empty());
        let texts: Vec<&str> = grid[0].iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["a", "b;\"c\"", ""]);
        assert_eq!(grid[0][1].place.at, At::Text(3..10));
        assert_eq!(&text[3..10], "b;\"\"c\"\"");
        assert_eq!(grid[1][0].text, "d");
    }
}
