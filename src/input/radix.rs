//! Whole numbers written in another base than 10 (`0x10`, `0o20`, `0b10000`): TOML reads them,
//! no one in the county would. A plan's text is searched for `0x`, `0o` and `0b` where a value
//! can start (a cheap search of its bytes); only a text that has one is lexed and parsed once
//! more, into events, with `toml_parser` (the parser `toml` uses), so that `0x10` in a string,
//! a comment or a key is never taken for a number.

use toml_parser::decoder::Encoding;
use toml_parser::parser::EventReceiver;
use toml_parser::{ErrorSink, Span};

use crate::core::plan::NotDecimal;

/// The prefixes of TOML's integers in base 16, 8 and 2, with their bases. TOML writes them in
/// lower case and without a sign (`+0x10`, `0X10` are not TOML).
const PREFIXES: [(&str, u32); 3] = [("0x", 16), ("0o", 8), ("0b", 2)];

/// Every whole number `text` (a TOML document that parses) writes in base 16, 8 or 2, in file
/// order. Nothing is parsed unless the bytes have such a prefix where a value can start.
pub fn find(text: &str) -> Vec<NotDecimal> {
    if !may_have(text) {
        return Vec::new();
    }
    let source = toml_parser::Source::new(text);
    let tokens = source.lex().into_vec();
    let mut finder = Finder {
        text,
        key: "",
        found: Vec::new(),
    };
    toml_parser::parser::parse_document(&tokens, &mut finder, &mut ());
    finder.found
}

/// The base of a TOML integer as written and its digits, when the base is not 10 (`0x1_0`:
/// 16 and `1_0`).
pub fn base_of(written: &str) -> Option<(u32, &str)> {
    PREFIXES
        .iter()
        .find_map(|(prefix, radix)| Some((*radix, written.strip_prefix(prefix)?)))
}

/// Whether `text` has `0x`, `0o` or `0b` after a byte a TOML value can follow (`=`, `[`, `,`,
/// a space, a tab or a line end): prose such as "10b" or "Box" is passed over at once.
fn may_have(text: &str) -> bool {
    let bytes = text.as_bytes();
    // `contains` is the fast search (SIMD where the machine has it); most plans stop here.
    PREFIXES.iter().any(|(prefix, _)| {
        text.contains(prefix)
            && text.match_indices(prefix).any(|(at, _)| {
                at == 0
                    || bytes.get(at - 1).is_some_and(|b| {
                        matches!(b, b'=' | b'[' | b',' | b' ' | b'\t' | b'\n' | b'\r')
                    })
            })
    })
}

/// The events of the parse: the last key seen, and every value in another base.
struct Finder<'t> {
    text: &'t str,
    /// The last key, as written (`year`, `"year"`): the key a value is given to.
    key: &'t str,
    found: Vec<NotDecimal>,
}

impl EventReceiver for Finder<'_> {
    fn simple_key(&mut self, span: Span, _kind: Option<Encoding>, _error: &mut dyn ErrorSink) {
        self.key = self.text.get(span.start()..span.end()).unwrap_or("");
    }

    fn scalar(&mut self, span: Span, kind: Option<Encoding>, _error: &mut dyn ErrorSink) {
        // A string of any kind has an encoding; a number has none.
        if kind.is_some() {
            return;
        }
        let range = span.start()..span.end();
        let Some(written) = self.text.get(range.clone()) else {
            return;
        };
        let Some((radix, digits)) = base_of(written) else {
            return;
        };
        let digits = digits.replace('_', "");
        let Ok(value) = i64::from_str_radix(&digits, radix) else {
            return;
        };
        self.found.push(NotDecimal {
            span: range,
            written: written.to_string(),
            radix,
            value,
            year: self.key.trim_matches(['"', '\'']) == "year",
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, u32, i64, bool)> {
        // Every text here is TOML that parses.
        assert!(toml::from_str::<toml::Table>(text).is_ok(), "{text}");
        find(text)
            .into_iter()
            .map(|n| {
                assert_eq!(text.get(n.span.clone()), Some(n.written.as_str()));
                (n.written, n.radix, n.value, n.year)
            })
            .collect()
    }

    fn one(written: &str, radix: u32, value: i64) -> (String, u32, i64, bool) {
        (written.to_string(), radix, value, false)
    }

    #[test]
    fn numbers_in_base_16_8_and_2_are_found_with_their_values() {
        assert_eq!(
            found("amount = 0x10\nunit = 0o20\neach = 0b10000\n"),
            vec![
                one("0x10", 16, 16),
                one("0o20", 8, 16),
                one("0b10000", 2, 16)
            ]
        );
        assert_eq!(
            found("a = 0xdead_BEEF\nb = 0x7fff_ffff_ffff_ffff\nc = 0o0\n"),
            vec![
                one("0xdead_BEEF", 16, 0xdead_beef),
                one("0x7fff_ffff_ffff_ffff", 16, i64::MAX),
                one("0o0", 8, 0),
            ]
        );
    }

    #[test]
    fn in_lists_inline_tables_and_dotted_keys_too() {
        assert_eq!(
            found(
                "focus = [1, 0x2,\n  0b11 ]\nprinted = { Berg = 0o10, \"Åre\" = 5 }\nplan.unit = 0x1\n"
            ),
            vec![
                one("0x2", 16, 2),
                one("0b11", 2, 3),
                one("0o10", 8, 8),
                one("0x1", 16, 1)
            ]
        );
    }

    #[test]
    fn a_year_is_known_by_its_key() {
        assert_eq!(
            found("[plan]\nyear = 0x7ea\n[other]\n\"year\" = 0b1\nyears = 0b1\n"),
            vec![
                ("0x7ea".to_string(), 16, 2026, true),
                ("0b1".to_string(), 2, 1, true),
                ("0b1".to_string(), 2, 1, false)
            ]
        );
    }

    #[test]
    fn strings_comments_keys_and_decimals_are_not_numbers_in_another_base() {
        let text = "text = \"0x10\" # 0b10\nother = '0o7'\nlong = \"\"\"\n0x10\n\"\"\"\n\
                    raw = '''\n= 0b1'''\n0x10 = 1\n[0b1]\n0o7 = \"x\"\nzero = 0\nten = 10\n\
                    float = 0.5\nwhen = 2026-01-01\nok = true\n";
        assert!(may_have(text), "the cheap search finds candidates");
        assert_eq!(found(text), vec![]);
    }

    #[test]
    fn the_cheap_search_passes_over_text_without_a_prefix_where_a_value_starts() {
        // A candidate, which the parse then finds to be text.
        assert!(may_have("title = \"Box 10b och 0x\"\n"));
        assert_eq!(found("title = \"Box 10b och 0x\"\n"), vec![]);
        assert!(!may_have("amount = 1_000\nname = \"10b\"\n"));
        assert!(!may_have("name = \"Ox10\"\nid = \"a0x1\"\n"));
        assert!(may_have("amount = 0x10"));
        assert!(may_have("a = [1,0b1]"));
        assert!(may_have("0x1 = 2"));
    }

    #[test]
    fn toml_reads_no_sign_or_capital_prefix_on_another_base() {
        for text in ["a = +0x10", "a = -0x10", "a = 0X10", "a = -0b1", "a = +0o7"] {
            assert!(toml::from_str::<toml::Table>(text).is_err(), "{text}");
        }
    }
}
