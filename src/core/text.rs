//! Comparing names as people write them: case, Unicode form and white space do not matter (`Östersund`
//! typed on a Mac is `O` and a combining diaeresis; pasted from a PDF it is one letter), and a
//! name that is nearly right gets a "did you mean"; and which texts a spreadsheet would run as
//! a formula.

use unicode_normalization::UnicodeNormalization;

/// What a spreadsheet runs as a formula when a cell starts with it (OWASP, CSV injection):
/// a CSV file writes such a text with a leading apostrophe (`'=Fontänhus`), and reads it back
/// without.
pub const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Text as written before a CSV file's leading apostrophe kept a spreadsheet from running it
/// as a formula (`'- Digitala lösningar`).
pub fn unguarded(text: &str) -> &str {
    match text.trim_start().strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) => rest,
        _ => text,
    }
}

/// A name for comparing: trimmed, every run of white space inside it one space (a no-break
/// space, as a name pasted from a document or a spreadsheet has, or a tab, as [`spaced`]),
/// composed (NFC) and lower case.
pub fn fold(name: &str) -> String {
    let mut name = spaced(name);
    if name.is_ascii() {
        // Already composed: the common case, without the normalisation's work.
        name.make_ascii_lowercase();
        return name;
    }
    name.nfc().collect::<String>().to_lowercase()
}

/// A name as [`fold`] compares it, its letters also without their marks (`Lanets kommuner`
/// for `Länets kommuner`, `Foraldra-barnhalsan`): for what a name typed without å, ä and ö
/// may mean, never for what a name is.
pub fn loose(name: &str) -> String {
    let name = fold(name);
    if name.is_ascii() {
        return name;
    }
    (name.nfd())
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect()
}

/// `text` trimmed, with every run of white space inside it (spaces, no-break spaces, thin
/// spaces, tabs, line breaks) as one space: `Östersunds\u{a0}kommun` reads as
/// `Östersunds kommun`, as it looks.
pub fn spaced(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// Whether a character is one that shows nothing (Unicode's default-ignorable code points):
/// a byte-order mark (a second one, when a file saved with one is saved again), a zero-width
/// space or joiner, a word joiner (U+2060), a soft hyphen, a direction mark. Pasted or saved
/// before a text, it keeps the text from being the word it looks like.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fff8}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// `text` without the whitespace and invisible characters (`is_invisible`) around it: what a
/// reader sees of it.
pub fn visible(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || is_invisible(c))
}

/// `text` in composed form (NFC), as it is shown and compared.
pub fn compose(text: &str) -> String {
    text.nfc().collect()
}

/// A name's place in Swedish alphabetical order, as a key to sort by: case and Unicode form
/// ignored, å, ä and ö after z (æ as ä, ø as ö), other letters with an accent as the letter
/// (é as e, ü as y, as Swedish dictionaries sort them).
pub fn swedish_order(name: &str) -> String {
    fold(name)
        .nfd()
        .collect::<String>()
        .replace("a\u{30a}", "\u{7b}")
        .replace("a\u{308}", "\u{7c}")
        .replace("o\u{308}", "\u{7d}")
        .replace("u\u{308}", "y")
        .replace('æ', "\u{7c}")
        .replace('ø', "\u{7d}")
        .chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect()
}

/// A folded name ([`fold`]) as it may be written without Swedish letters: without accents
/// (`ostersund`), and with the letters spelt as a keyboard without them spells them
/// (`oestersund`, `braecke`: å as aa, ä as ae, ö as oe, ü as ue). A name in plain letters
/// that is one of these is that kommun's: no kommun is named as another is so written, but
/// for Habo and Håbo (`names::apart_in_plain_letters`).
pub fn plain_spellings(folded: &str) -> [String; 2] {
    use unicode_normalization::char::is_combining_mark;
    let decomposed: String = folded.nfd().collect();
    let unaccented = decomposed
        .chars()
        .filter(|c| !is_combining_mark(*c))
        .collect();
    let spelt = decomposed
        .replace("a\u{30a}", "aa")
        .replace("a\u{308}", "ae")
        .replace("o\u{308}", "oe")
        .replace("u\u{308}", "ue")
        .replace('æ', "ae")
        .replace('ø', "oe")
        .chars()
        .filter(|c| !is_combining_mark(*c))
        .collect();
    [unaccented, spelt]
}

/// The years a text writes, in the range given: each run of exactly four digits standing
/// alone or in a date (`SVOM 2025-03-07: … 2025`, `8/30/2025`), not part of a longer number
/// (`400105`, a spreadsheet's day number `45899`).
pub fn years(text: &str, range: std::ops::RangeInclusive<i32>) -> impl Iterator<Item = i32> + '_ {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() == 4)
        .filter_map(|run| run.parse::<i32>().ok())
        .filter(move |year| range.contains(year))
}

/// Whether `text` is written decomposed: not in composed form (NFC), so that it only matches
/// after `fold`, because a letter and a combining mark stand for one letter (`O` and U+0308
/// for `Ö`, as macOS writes it). A character that composing replaces by another on its own
/// (U+212B ANGSTROM SIGN by `Å`) is no letter and combining mark: it matches after `fold`
/// too, but is not called decomposed.
pub fn is_decomposed(text: &str) -> bool {
    !unicode_normalization::is_nfc(text)
        && text
            .chars()
            .any(unicode_normalization::char::is_combining_mark)
}

/// The closest candidate, if it is close enough to be a likely typo.
pub fn suggest(word: &str, candidates: &[&str]) -> Option<String> {
    let word = fold(word);
    let length = word.chars().count();
    candidates
        .iter()
        .filter_map(|c| {
            // The distance is at least the difference in length: most are never compared.
            let most = 2.max(c.chars().count() / 3);
            let near = c.chars().count().abs_diff(length) <= most;
            near.then(|| (strsim::damerau_levenshtein(&word, &fold(c)), c))
                .filter(|(d, _)| *d <= most)
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| (*c).to_string())
}

/// Month names and their usual abbreviations, in Swedish and English, folded.
pub const MONTH_NAMES: &[&str] = &[
    "jan",
    "januari",
    "january",
    "feb",
    "febr",
    "februari",
    "february",
    "mar",
    "mars",
    "march",
    "apr",
    "april",
    "maj",
    "may",
    "jun",
    "juni",
    "june",
    "jul",
    "juli",
    "july",
    "aug",
    "augusti",
    "august",
    "sep",
    "sept",
    "september",
    "okt",
    "oct",
    "oktober",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// `text` with the year `old` as `new` where it stands alone: not part of a longer number,
/// nor of a date, in figures or in words, a span of years or a reference (`2026-02-27`,
/// `30 augusti 2026`, `2026/2027`, `2026–2034`, `RJH 2026/123`), which keep their years (`init` lists the texts it changed, to be read).
pub fn replace_year(text: &str, old: i32, new: i32) -> String {
    let old = old.to_string();
    let new = new.to_string();
    // A digit, or a joiner followed by a digit, on that side of the year.
    let joined = |mut side: std::iter::Peekable<std::str::Chars>| match side.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some('-' | '–' | '—' | '/' | '.' | ':') => {
            side.peek().is_some_and(char::is_ascii_digit)
        }
        _ => false,
    };
    // A month's name (`30 augusti 2026`, `1 dec. 2026`) before the year: a date in words.
    let in_words = |before: &str| {
        let word = before.trim_end().trim_end_matches('.');
        let month = word
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        word.len() < before.len() && MONTH_NAMES.contains(&fold(month).as_str())
    };
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(&old) {
        let (before, after) = rest.split_at(at);
        let tail = after.get(old.len()..).unwrap_or("");
        let before_rev: String = before.chars().rev().take(2).collect();
        let alone = !joined(before_rev.chars().peekable())
            && !joined(tail.chars().peekable())
            && !in_words(before);
        out.push_str(before);
        out.push_str(if alone { &new } else { &old });
        rest = tail;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_is_replaced_only_where_it_stands_alone() {
        assert_eq!(
            replace_year("Överenskommelse 2025, plan 2025-2034, 12025", 2025, 2026),
            "Överenskommelse 2026, plan 2025-2034, 12025"
        );
        // Dates, spans of years and references keep their years; a year at the end of a
        // sentence moves.
        assert_eq!(
            replace_year(
                "verksamhetsåret 2026/2027, SVOM 2026-02-27, RJH 2026/123, 2026–2034, 2024–2026, år 2026. Suicidprevention 2026",
                2026,
                2027
            ),
            "verksamhetsåret 2026/2027, SVOM 2026-02-27, RJH 2026/123, 2026–2034, 2024–2026, år 2027. Suicidprevention 2027"
        );
        // A date in words keeps its year too; a month's name standing alone is no date.
        assert_eq!(
            replace_year(
                "senast 30 augusti 2026, den 1 dec. 2026, beslut 24 Februari 2026, i mars 2026; marsch 2026",
                2026,
                2027
            ),
            "senast 30 augusti 2026, den 1 dec. 2026, beslut 24 Februari 2026, i mars 2026; marsch 2027"
        );
    }

    #[test]
    fn invisible_characters_around_a_text_are_not_seen() {
        assert_eq!(visible("\u{feff}\u{feff}Redovisning av"), "Redovisning av");
        assert_eq!(
            visible("\u{200b} Jämtlands län 2025\u{2060}"),
            "Jämtlands län 2025"
        );
        assert_eq!(visible("\u{200d}\u{200c}\u{2060}\u{ad}x"), "x");
        assert_eq!(visible("Jämt\u{200b}lands"), "Jämt\u{200b}lands");
        assert_eq!(visible("\u{a0}2026 "), "2026");
        assert!(!is_invisible('a') && !is_invisible(' ') && !is_invisible('å'));
    }

    #[test]
    fn names_sort_in_swedish_alphabetical_order() {
        let mut names = [
            "Öby",
            "Åby",
            "Äby",
            "Zby",
            "aby",
            "Éby",
            "Übby",
            "O\u{308}by",
        ];
        names.sort_by_key(|n| swedish_order(n));
        assert_eq!(
            names,
            [
                "aby",
                "Éby",
                "Übby",
                "Zby",
                "Åby",
                "Äby",
                "Öby",
                "O\u{308}by"
            ]
        );
    }

    #[test]
    fn decomposed_and_composed_names_fold_alike() {
        let decomposed = "O\u{308}stersund";
        assert!(is_decomposed(decomposed));
        assert!(!is_decomposed("Östersund"));
        assert_eq!(fold(decomposed), fold("östersund"));
        assert_eq!(fold(" Åre "), "åre");
        // The angstrom sign is Å once composed, but no letter and combining mark.
        assert_eq!(fold("\u{212b}re"), "åre");
        assert!(!is_decomposed("\u{212b}re"));
        assert!(is_decomposed("\u{212b}re O\u{308}"));
        // A combining mark in composed text (none composes with `q`) is no decomposed name.
        assert!(!is_decomposed("q\u{308}"));
    }

    #[test]
    fn white_space_inside_a_name_is_one_space() {
        assert_eq!(fold("Östersunds\u{a0}kommun"), "östersunds kommun");
        assert_eq!(fold("Östersund\u{a0}(2380)"), "östersund (2380)");
        assert_eq!(fold("Bergs \t\u{202f} kommun"), "bergs kommun");
        assert_eq!(fold("Bergs  kommun"), "bergs kommun");
        assert_eq!(spaced("\u{a0}2380\u{a0}Östersund "), "2380 Östersund");
        // Only white space: a zero-width space is a character of the name.
        assert_eq!(fold("Jämt\u{200b}land"), "jämt\u{200b}land");
    }

    #[test]
    fn a_loose_name_has_no_marks() {
        assert_eq!(loose(" Länets  KOMMUNER"), "lanets kommuner");
        assert_eq!(loose("Föräldra-barnhälsan"), loose("Foraldra-barnhalsan"));
        assert_eq!(loose("O\u{308}stersund"), "ostersund");
    }

    #[test]
    fn suggestions_are_near_misses_only() {
        assert_eq!(
            suggest("amout", &["amount", "area"]).as_deref(),
            Some("amount")
        );
        assert_eq!(suggest("xyz", &["amount"]), None);
    }
}
