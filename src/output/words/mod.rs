//! Wording: every message and hint, Swedish and English side by side, one module per concern.

pub mod codes;
pub mod diff;
pub mod document;
pub mod findings;
pub mod followup;
pub mod key_file;
pub mod load;

/// How many characters of a text read from a file a message shows.
pub(crate) const EXCERPT_CHARS: usize = 40;

/// A text read from a file, as a message shows it: cut after `EXCERPT_CHARS` characters, and
/// its hidden characters [`named`](crate::output::text::named) as in every one-line message
/// (`<U+001B>`, a line break `<U+000A>`). A key file's fields and the names a plan's findings
/// quote (an unknown key, value or reference) alike.
pub fn excerpt(text: &str) -> String {
    excerpt_of(text, EXCERPT_CHARS)
}

/// A text cut after `chars` characters, as [`excerpt`] cuts it.
pub fn excerpt_of(text: &str, chars: usize) -> String {
    let mut cut: String = text.chars().take(chars).collect();
    if text.chars().nth(chars).is_some() {
        cut.push('…');
    }
    crate::output::text::named(&cut).into_owned()
}

/// A recipient as the tables and documents name it: a kommun with its code, `Berg (2326)`;
/// an actor by its name alone. (`Names::kommun` reads it back.)
pub fn recipient(name: &str, kommunkod: Option<&str>) -> String {
    match kommunkod {
        Some(code) => format!("{name} ({code})"),
        None => name.to_string(),
    }
}

/// A kommun written with its name and its kommunkod where each names another kommun, as a
/// plan or `--kommun` may write it: "`Berg (2380)` nämner två kommuner: namnet är Berg
/// (2326) och koden är Östersund (2380)". Each kommun as (name, kommunkod).
pub fn kommun_name_and_code(
    written: &str,
    (name, name_code): (&str, &str),
    (code_name, code): (&str, &str),
    lang: crate::output::lang::Lang,
) -> String {
    let written = crate::output::text::visible(written);
    let (by_name, by_code) = (
        recipient(name, Some(name_code)),
        recipient(code_name, Some(code)),
    );
    crate::say!(
        lang,
        "`{written}` nämner två kommuner: namnet är {by_name} och koden är {by_code}",
        "`{written}` names two kommuner: the name is {by_name} and the code is {by_code}"
    )
}

/// A year-end form, as a message names a file that is one: `en blankett för årets uppföljning
/// (från allocate follow-up --forms)`.
pub fn a_form(lang: crate::output::lang::Lang) -> &'static str {
    lang.pick(
        "en blankett för årets uppföljning (från allocate follow-up --forms)",
        "a year-end follow-up form (from allocate follow-up --forms)",
    )
}

/// The plan that comes with `allocate` (`init --example`), as a message names it: `Jämtlands
/// läns plan för 2026 som följer med allocate`.
pub fn example_plan(lang: crate::output::lang::Lang) -> &'static str {
    lang.pick(
        "Jämtlands läns plan för 2026 som följer med allocate",
        "the 2026 plan for Jämtlands län that comes with allocate",
    )
}

/// The plan `init --example` starts from, as the new plan's opening comment names it
/// (`… ur exemplet som följer med allocate (2026 års plan för Jämtlands län)`): a county new to
/// `allocate` has no `allocations/` folder.
pub fn example_source(lang: crate::output::lang::Lang) -> &'static str {
    lang.pick(
        "exemplet som följer med allocate",
        "the example that comes with allocate",
    )
}

/// The title of the plan's `conditions`, as the decision document and `diff` head them.
pub fn conditions_title(lang: crate::output::lang::Lang) -> &'static str {
    lang.pick("Villkor för medlen", "Conditions for the funds")
}

/// *Förslag till beslut*: the heading of the points the forum decides (`proposal`), in the
/// decision basis and in the comparison of two plans.
pub fn proposal_title(lang: crate::output::lang::Lang) -> &'static str {
    lang.pick("Förslag till beslut", "Proposed decision")
}

/// A count with its noun, singular for one: `counted(1, ("cell", "celler"), ("cell",
/// "cells"), lang)` is `1 cell`, with 3 `3 celler` (`3 cells`); the count in `style` (a
/// language alone: plain text).
pub fn counted(
    count: u64,
    sv: (&str, &str),
    en: (&str, &str),
    style: impl Into<crate::output::number::Style>,
) -> String {
    let style = style.into();
    let (one, many) = match style.lang {
        crate::output::lang::Lang::Sv => sv,
        crate::output::lang::Lang::En => en,
    };
    let noun = if count == 1 { one } else { many };
    format!("{} {noun}", style.count(count))
}

/// " senast 2027-03-31" (" by 2027-03-31"): a deadline after what is due, the date as the
/// caller writes it.
pub fn by_date(date: &str, lang: crate::output::lang::Lang) -> String {
    crate::say!(lang, " senast {date}", " by {date}")
}

/// The first `named` of `names` as [`listed`] lists them, the rest counted last:
/// `a, b och 3 till` (`a, b and 3 more`); all of them when they are no more.
pub fn listed_first<S: AsRef<str>>(
    names: &[S],
    named: usize,
    lang: crate::output::lang::Lang,
) -> String {
    let first = names.get(..named).unwrap_or(names);
    cut_short(first, names.len(), Joining::And, lang)
}

/// `first` as alternatives (`a, b eller c`), then how many more of `count` there are: `` `a`, `b`
/// eller 2 andra `` (`or 2 others`).
pub fn either_first<S: AsRef<str>>(
    first: &[S],
    count: usize,
    lang: crate::output::lang::Lang,
) -> String {
    cut_short(first, count, Joining::Or, lang)
}

/// Whether a list in running text adds up ("och") or offers alternatives ("eller").
#[derive(Clone, Copy)]
enum Joining {
    And,
    Or,
}

/// `first` joined as `joining` says, the rest of `count` counted last.
fn cut_short<S: AsRef<str>>(
    first: &[S],
    count: usize,
    joining: Joining,
    lang: crate::output::lang::Lang,
) -> String {
    let mut shown: Vec<&str> = first.iter().map(AsRef::as_ref).collect();
    let more = count.saturating_sub(first.len());
    let counted;
    if more > 0 {
        let more = crate::output::number::count(more as u64, lang);
        counted = match joining {
            Joining::And => crate::say!(lang, "{more} till", "{more} more"),
            Joining::Or => crate::say!(lang, "{more} andra", "{more} others"),
        };
        shown.push(&counted);
    }
    let word = match joining {
        Joining::And => lang.pick("och", "and"),
        Joining::Or => lang.pick("eller", "or"),
    };
    joined(&shown, word)
}

/// What a list cut short ends with: `och 3 till` ("and 3 more"), `more` the count as written.
pub fn and_more(more: &str, lang: crate::output::lang::Lang) -> String {
    crate::say!(lang, "och {more} till", "and {more} more")
}

/// The first `named` of `items` joined by commas, then how many more when there are:
/// `Berg, Bräcke och 6 till` (the count in `style`). Only the first `named` are made: a
/// national plan's list may have millions.
pub fn first_of<I>(items: I, named: usize, style: impl Into<crate::output::number::Style>) -> String
where
    I: IntoIterator,
    I::IntoIter: ExactSizeIterator,
    I::Item: AsRef<str>,
{
    let style = style.into();
    let items = items.into_iter();
    let count = items.len();
    let first: Vec<I::Item> = items.take(named).collect();
    let first: Vec<&str> = first.iter().map(AsRef::as_ref).collect();
    let first = first.join(", ");
    match count.checked_sub(named).filter(|&more| more > 0) {
        Some(more) => {
            let more = and_more(
                &style.count(u64::try_from(more).unwrap_or(u64::MAX)),
                style.lang,
            );
            format!("{first} {more}")
        }
        None => first,
    }
}

/// The noun before a list of insats ids: `insats 1.3`, `insatserna 1.3 och 2.5` (English
/// `insats`, `insatser`).
pub fn insatser_before(count: usize, lang: crate::output::lang::Lang) -> &'static str {
    match count {
        1 => "insats",
        _ => lang.pick("insatserna", "insatser"),
    }
}

/// Focus areas as every view writes them: "4, 5, 6, 7" (never "4,5", which a Swedish reader
/// takes for a decimal).
pub fn focus_areas(numbers: &[u32]) -> String {
    let numbers: Vec<String> = numbers.iter().map(u32::to_string).collect();
    numbers.join(", ")
}

/// "område 3" ("area 3"): an area of the agreement, by its number.
pub fn area(number: impl std::fmt::Display, lang: crate::output::lang::Lang) -> String {
    crate::say!(lang, "område {number}", "area {number}")
}

/// Names as a list in running text: `A`, `A och B`, `A, B och C` (`and` in English).
pub fn listed<S: AsRef<str>>(names: &[S], lang: crate::output::lang::Lang) -> String {
    cut_short(names, names.len(), Joining::And, lang)
}

fn joined<S: AsRef<str>>(names: &[S], and: &str) -> String {
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} {and} {}", rest.join(", "), last.as_ref())
        }
    }
}

/// Whom recipients report their use to, after "redovisar …": ` till A och B`, or nothing
/// when the plan names no one.
pub fn reported_to(names: &[&str], lang: crate::output::lang::Lang) -> String {
    if names.is_empty() {
        return String::new();
    }
    let names = listed(names, lang);
    crate::say!(lang, " till {names}", " to {names}")
}

/// `text` with its first letter a capital: "fel 1" at the start of a sentence.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::lang::Lang;

    #[test]
    fn names_are_listed_as_running_text() {
        assert_eq!(listed::<&str>(&[], Lang::Sv), "");
        assert_eq!(listed(&["KFJH"], Lang::Sv), "KFJH");
        assert_eq!(listed(&["A", "B", "C"], Lang::Sv), "A, B och C");
        assert_eq!(listed(&["A", "B"], Lang::En), "A and B");
        assert_eq!(reported_to(&[], Lang::Sv), "");
        assert_eq!(reported_to(&["A", "B"], Lang::Sv), " till A och B");
        assert_eq!(recipient("Berg", Some("2326")), "Berg (2326)");
        assert_eq!(recipient("Folkhälsoenheten", None), "Folkhälsoenheten");
    }

    #[test]
    fn a_count_of_one_takes_the_singular() {
        let noun = |n, lang| {
            counted(
                n,
                ("kolumnsumma", "kolumnsummor"),
                ("total", "totals"),
                lang,
            )
        };
        assert_eq!(noun(1, Lang::Sv), "1 kolumnsumma");
        assert_eq!(noun(0, Lang::Sv), "0 kolumnsummor");
        assert_eq!(noun(3, Lang::Sv), "3 kolumnsummor");
        assert_eq!(noun(1, Lang::En), "1 total");
        assert_eq!(noun(1_000, Lang::En), "1,000 totals");
        assert_eq!(noun(1_000, Lang::Sv), "1 000 kolumnsummor");
    }
}
