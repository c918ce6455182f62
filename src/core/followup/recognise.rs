//! Recognising what a usage file writes in words rather than figures: the county and year a
//! form's title row (or a TOML file's `county` and `year`) states, and whether they are the
//! plan's (`other_plan`); whether an amount's unit is another than kronor (`other_unit`); and a
//! plan's text as a form shows it (`as_shown`), to compare the two.

use super::file::{Stamp, StampKind};
use super::problem::UsageProblem;
use crate::core::ledger::Ledger;
use crate::core::text::{fold, is_invisible};

/// The county and year a form states (`Jämtlands län 2025`), when they are not the plan's.
pub(super) fn other_plan(ledger: &Ledger, stated: &str) -> Option<UsageProblem> {
    let stated = evened(stated);
    if stated.is_empty() {
        return None;
    }
    let plan = &ledger.plan.plan;
    let year = *plan.year.get_ref();
    let title = title(&stated);
    let plans = format!("{} {year}", plan.county);
    // A span of years (`2026-2027`) is no one year, the plan's or another's.
    match title.year {
        Some(WrittenYear::Span) => {
            return Some(UsageProblem::YearSpan {
                stated: stated.clone(),
                plan: plans,
            });
        }
        // Two years (one in a remark in brackets): it is unsure which the form is for.
        Some(WrittenYear::Two(first, second)) => {
            return Some(UsageProblem::TwoYears {
                stated: stated.clone(),
                first: first.to_string(),
                second: second.to_string(),
                plan: plans,
            });
        }
        Some(WrittenYear::One(_)) | None => {}
    }
    let other_year = matches!(title.year, Some(WrittenYear::One(y)) if y.parse::<i64>().ok() != Some(i64::from(year)));
    let other_county = !title.county.is_empty()
        && fold(title.county) != fold(plan.county.get_ref())
        && as_shown(title.county) != as_shown(plan.county.get_ref());
    (other_year || other_county).then(|| UsageProblem::OtherPlan {
        stated: stated.clone(),
        plan: plans,
    })
}

/// The years a text names, from 1900 to 2199 ([`crate::core::text::years`]).
fn years(text: &str) -> Vec<i32> {
    crate::core::text::years(text, 1900..=2199).collect()
}

/// The first date written as ISO does (`SVOM 2025-03-07: …`) in a text.
fn first_date(text: &str) -> Option<crate::core::plan::Date> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let before = i.checked_sub(1).and_then(|b| bytes.get(b));
        if before.is_some_and(u8::is_ascii_digit) {
            return None;
        }
        crate::core::plan::Date::parse(text.get(i..i + 10)?)
    })
}

/// The year another plan's form names in a row of its header that the plan fills in, when
/// it is not this plan's (`None` when it is, or names none). The decision names the years of
/// the plan's own (its date, its title's year) or the plan's year. A deadline may be moved
/// after the forms went out, but not out of the plan's year and the next (the use is
/// reported by New Year, the invoices before it): a deadline in another year, unless the
/// plan's own, is another plan's.
pub(super) fn other_year(ledger: &Ledger, stamp: &Stamp) -> Option<i32> {
    let plan = ledger.plan;
    let year = *plan.plan.year.get_ref();
    let deadlines = plan.deadlines.as_ref();
    let own = |date: Option<crate::core::plan::Date>| date.map(|d| d.year);
    match stamp.kind {
        StampKind::Decision => {
            let decided = plan.plan.decision_date.as_ref().map(|d| *d.get_ref());
            // A plan decided in the year before its own (December): last year's decision, of
            // the same year, is told by its day (tester s34 #8). A day corrected in the plan's
            // own year is not another plan's.
            let other_day = decided.and_then(|decided| {
                let cited = first_date(&stamp.value.value)?;
                (cited != decided && cited.year != year).then_some(cited.year)
            });
            let mut known = years(&plan.plan.title);
            known.push(year);
            known.extend(own(decided));
            other_day.or_else(|| {
                years(&stamp.value.value)
                    .into_iter()
                    .find(|y| !known.contains(y))
            })
        }
        StampKind::InvoiceBy | StampKind::InvoicedBy | StampKind::Reported => {
            let written = match stamp.kind {
                StampKind::InvoicedBy => &stamp.label,
                _ => &stamp.value.value,
            };
            let plans = match stamp.kind {
                StampKind::Reported => own(deadlines
                    .and_then(|d| d.use_reported.as_ref())
                    .map(|d| *d.get_ref())),
                _ => own(deadlines.and_then(|d| d.invoice_by())),
            };
            years(written)
                .into_iter()
                .find(|&y| !(year..=year + 1).contains(&y) && Some(y) != plans)
        }
    }
}

/// Whether an amount's unit, as a header or a cell's number format writes it (`tkr`,
/// `(t kr)`, `i öre`, `€`, `andel`), is another than kronor. The unit must be kronor (`kr`,
/// `kronor`, `SEK`, `:-`), or absent (which is not asked): anything else is refused rather
/// than recognised, so a unit no list foresaw (`000 kr`, `1000-tal kr`, `NOK`) is not read as
/// kronor. After kronor only a note on VAT may follow (`kr, inkl. moms`).
pub fn other_unit(unit: &str) -> bool {
    let unit = fold(unit);
    let words: Vec<&str> = unit
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
        .collect();
    let words = match words.split_first() {
        Some((&("i" | "in"), rest)) => rest,
        _ => words.as_slice(),
    };
    let kronor = |w: &str| {
        matches!(
            w.trim_end_matches('.'),
            "kr" | "kronor" | "krona" | "sek" | ":-"
        )
    };
    // The kronor: one word, or two ("svenska kronor").
    let rest = match words {
        [first, rest @ ..] if kronor(first) => rest,
        [adjective, noun, rest @ ..]
            if matches!(*adjective, "svenska" | "swedish" | "hela" | "whole") && kronor(noun) =>
        {
            rest
        }
        _ => return true,
    };
    // A note on VAT, and nothing else, may follow the unit.
    const NOTE: [&str; 14] = [
        "inkl",
        "inklusive",
        "exkl",
        "exklusive",
        "ex",
        "utan",
        "med",
        "moms",
        "incl",
        "including",
        "excl",
        "excluding",
        "vat",
        "without",
    ];
    !rest.iter().all(|w| NOTE.contains(&w.trim_end_matches('.')))
}

/// Whether what a file says it is for states a year (`Jämtlands län 2026`, a span of years),
/// as it shows: a title row without one leaves the form undated.
pub(super) fn states_year(stated: &str) -> bool {
    title(&evened(stated)).year.is_some()
}

/// A text as a form shows it, for comparing a name, an insats id or a county a form wrote
/// with the plan's: a form writes a plan's text as every document does, a character that
/// shows nothing or reorders the text by its Unicode name (`<U+202E>`) and a line break or tab
/// as a space. So a name here is its character again, every run of whitespace one space, and
/// the text folded (`fold`): `Fontänhus<U+202E> AB` is the plan's `Fontänhus\u{202E}\nAB`.
pub(super) fn as_shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("<U+") {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let named = from.get(3..).and_then(|hex| {
            let end = hex.find('>')?;
            let digits = hex.get(..end)?;
            let valid =
                (4..=6).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_hexdigit());
            let c = char::from_u32(u32::from_str_radix(digits, 16).ok()?).filter(|_| valid)?;
            Some((c, 3 + end + 1))
        });
        match named {
            Some((c, len)) => {
                out.push(c);
                rest = from.get(len..).unwrap_or("");
            }
            None => {
                out.push('<');
                rest = from.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    fold(&out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// What a file says it is for as it shows: without characters that show nothing (a
/// zero-width space before `Jämtlands län 2025` hides no other year), its words one space
/// apart.
fn evened(stated: &str) -> String {
    let shown: String = stated.chars().filter(|c| !is_invisible(*c)).collect();
    shown.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The year a form's title row writes after its county.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WrittenYear<'a> {
    /// One year, its digits (`2026`, `2026 - 2026`).
    One(&'a str),
    /// A span of years (`2026-2027`, `2026–27`, `2026 / 2027`).
    Span,
    /// Two different years that are no span: one after the county and another in a remark in
    /// brackets (`2026 (2025)`), or written backwards (`2027 - 2026`).
    Two(&'a str, &'a str),
}

/// A title row's county and year, its words evened out.
#[derive(Debug, PartialEq, Eq)]
struct Title<'a> {
    county: &'a str,
    year: Option<WrittenYear<'a>>,
}

/// The county and the year of what a file says it is for (`Jämtlands län 2026`, `2026`). A
/// remark in brackets after the year (`Jämtlands län 2026 (rev. 2025-12-01)`) is not part of
/// the county, and a date in it is no year; a year of its own in it (`(2025)`) is the title's
/// year when the title has none or says the same, and else leaves two years.
fn title(stated: &str) -> Title<'_> {
    let mut rest = stated.trim();
    let mut remarked: Vec<&str> = Vec::new();
    while let Some((open, years)) = remark(rest) {
        remarked.extend(years);
        rest = rest.get(..open).unwrap_or("").trim_end();
    }
    let own = own_title(rest);
    // The remarks' years, the first that differs from another first.
    let mut years = remarked.iter().rev().copied();
    match own.year {
        Some(WrittenYear::One(year)) => match years.find(|&y| y != year) {
            Some(other) => Title {
                county: own.county,
                year: Some(WrittenYear::Two(year, other)),
            },
            None => own,
        },
        None => match years.next() {
            Some(year) => Title {
                county: own.county,
                year: Some(match years.find(|&y| y != year) {
                    Some(other) => WrittenYear::Two(year, other),
                    None => WrittenYear::One(year),
                }),
            },
            None => own,
        },
        Some(WrittenYear::Span | WrittenYear::Two(..)) => own,
    }
}

/// The county and the year of a title without its remarks in brackets.
fn own_title(rest: &str) -> Title<'_> {
    let digits = |y: &str| !y.is_empty() && y.chars().all(|c| c.is_ascii_digit());
    let year = |y: &str| y.len() == 4 && digits(y);
    let dash = |c: char| matches!(c, '-' | '–' | '—' | '/');
    let words: Vec<&str> = rest.split(' ').collect();
    // Where the county ends: before the last word, or before the last three (`2026 - 2027`).
    let county = |words_in_year: usize| {
        let kept = words.len().saturating_sub(words_in_year);
        let end = words
            .iter()
            .take(kept)
            .map(|w| w.len() + 1)
            .sum::<usize>()
            .saturating_sub(1);
        rest.get(..end).unwrap_or("").trim_end()
    };
    // Two years written as one span: a later year is a span, the same year one year, an
    // earlier one two years.
    fn pair<'a>(from: &'a str, to: &'a str) -> WrittenYear<'a> {
        if to > from {
            WrittenYear::Span
        } else if to == from {
            WrittenYear::One(from)
        } else {
            WrittenYear::Two(from, to)
        }
    }
    match words.as_slice() {
        [.., from, d, to] if year(from) && d.chars().all(dash) && year(to) => Title {
            county: county(3),
            year: Some(pair(from, to)),
        },
        [.., last] => {
            // `2026-2027`, `2026/27`: a later year (`2026-12` is no span).
            let later = |from: &str, to: &str| match (from.parse::<u32>(), to.parse::<u32>()) {
                (Ok(f), Ok(t)) if to.len() == 2 => t > f % 100,
                _ => false,
            };
            let written = match last.split_once(dash) {
                Some((from, to)) if year(from) && year(to) => Some(pair(from, to)),
                Some((from, to)) if year(from) && digits(to) && later(from, to) => {
                    Some(WrittenYear::Span)
                }
                _ if digits(last) => Some(WrittenYear::One(last)),
                _ => None,
            };
            match written {
                Some(year) => Title {
                    county: county(1),
                    year: Some(year),
                },
                None => Title {
                    county: rest,
                    year: None,
                },
            }
        }
        [] => Title {
            county: rest,
            year: None,
        },
    }
}

/// Where a remark in brackets that ends `text` opens, with the years of its own it names: a
/// date (`rev. 2025-12-01`, `2026-1-5`, `2025–12`, `1.12.2025`, `1 dec 2025`) is no year,
/// nor is a word (`reviderad`); `(2025)` names 2025.
fn remark(text: &str) -> Option<(usize, Vec<&str>)> {
    let inner_end = text.strip_suffix(')')?.len();
    let mut depth = 0usize;
    let mut open = None;
    for (at, c) in text.char_indices().rev().skip(1) {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => {
                open = Some(at);
                break;
            }
            '(' => depth -= 1,
            _ => {}
        }
    }
    let open = open?;
    let inner = text.get(open + 1..inner_end)?;
    // Its words and runs of digits, with what stands between them.
    #[derive(Clone, Copy, PartialEq)]
    enum Token<'t> {
        Digits(&'t str),
        Word(&'t str),
        Separator(char),
        Space,
    }
    let mut tokens: Vec<Token<'_>> = Vec::new();
    let mut chars = inner.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let mut end = at + c.len_utf8();
        let same = |d: char| {
            if c.is_ascii_digit() {
                d.is_ascii_digit()
            } else {
                d.is_alphabetic()
            }
        };
        if c.is_ascii_digit() || c.is_alphabetic() {
            while let Some(&(next, d)) = chars.peek() {
                if !same(d) {
                    break;
                }
                end = next + d.len_utf8();
                chars.next();
            }
            let token = inner.get(at..end).unwrap_or("");
            tokens.push(if c.is_ascii_digit() {
                Token::Digits(token)
            } else {
                Token::Word(token)
            });
        } else if c.is_whitespace() {
            if tokens.last() != Some(&Token::Space) {
                tokens.push(Token::Space);
            }
        } else {
            tokens.push(Token::Separator(c));
        }
    }
    let date_separator =
        |t: Option<&Token<'_>>| matches!(t, Some(Token::Separator('-' | '–' | '—' | '/' | '.')));
    let short = |t: Option<&Token<'_>>| matches!(t, Some(Token::Digits(d)) if d.len() <= 2);
    let month = |t: Option<&Token<'_>>| matches!(t, Some(Token::Word(w)) if crate::core::text::MONTH_NAMES.contains(&fold(w).as_str()));
    let mut years = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let Token::Digits(digits) = *token else {
            continue;
        };
        if digits.len() != 4 || !(digits.starts_with("19") || digits.starts_with("20")) {
            continue;
        }
        let at = |j: Option<usize>| j.and_then(|j| tokens.get(j));
        let before = |n: usize| at(i.checked_sub(n));
        let after = |n: usize| at(i.checked_add(n));
        // `2025-12`, `2026-1-5`, `2025–12–01`, `2025/12/1`, `2025.12.01`
        let year_first = date_separator(after(1)) && short(after(2));
        // `1/12/2025`, `1.12.2025`, `01-12-2025`
        let year_last = date_separator(before(1))
            && short(before(2))
            && date_separator(before(3))
            && short(before(4));
        // `1 dec 2025`, `1 dec. 2025`, `december 2025`
        let in_words = month(before(2)) && before(1) == Some(&Token::Space)
            || month(before(3))
                && before(2) == Some(&Token::Separator('.'))
                && before(1) == Some(&Token::Space);
        if !(year_first || year_last || in_words) {
            years.push(digits);
        }
    }
    Some((open, years))
}

#[cfg(test)]
mod tests {
    use super::{as_shown, years};

    #[test]
    fn a_text_as_a_form_shows_it_is_the_plans() {
        // The name of an override is the override; a line break shown as a space is one.
        assert_eq!(
            as_shown("Fontän<U+202E>hus AB"),
            as_shown("Fontän\u{202E}hus\nAB")
        );
        assert_eq!(as_shown("2.6<U+200B>"), "2.6\u{200B}");
        assert_eq!(as_shown("<U+1F600>"), "😀");
        // What is no name stays as it is.
        for text in [
            "<U+12>",
            "<U+110000>",
            "<U+D800>",
            "<U+202E",
            "a <b> c",
            "<U+",
        ] {
            assert_eq!(as_shown(text), text.to_lowercase(), "{text}");
        }
        assert_ne!(as_shown("Fontän<U+202E>hus"), as_shown("Fontänhus"));
    }

    #[test]
    fn the_years_a_text_names_are_its_four_digit_runs() {
        assert_eq!(
            years("SVOM 2025-03-07: Överenskommelse 2025"),
            vec![2025, 2025]
        );
        assert_eq!(years("8/30/2025"), vec![2025]);
        assert_eq!(years("30.08.2025"), vec![2025]);
        // A reference code, a spreadsheet's day number, no year of these centuries: none.
        for none in ["Referenskod 400105", "45899", "1850", "", "Regionen"] {
            assert!(years(none).is_empty(), "{none}");
        }
    }
}
