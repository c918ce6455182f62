//! Sweden's 21 län (counties) with SCB's codes: a kommunkod starts with its län's two digits
//! (`2480` Umeå in `24` Västerbottens län). A plan for one län pays that län's kommuner.

/// (code, name, the regional authority's name, the stems a plan may write the län by, folded).
const COUNTIES: [(&str, &str, &str, &[&str]); 21] = [
    ("01", "Stockholms län", "Region Stockholm", &["stockholm"]),
    ("03", "Uppsala län", "Region Uppsala", &["uppsala"]),
    (
        "04",
        "Södermanlands län",
        "Region Sörmland",
        &["södermanland", "sörmland"],
    ),
    (
        "05",
        "Östergötlands län",
        "Region Östergötland",
        &["östergötland"],
    ),
    (
        "06",
        "Jönköpings län",
        "Region Jönköpings län",
        &["jönköping"],
    ),
    ("07", "Kronobergs län", "Region Kronoberg", &["kronoberg"]),
    ("08", "Kalmar län", "Region Kalmar län", &["kalmar"]),
    ("09", "Gotlands län", "Region Gotland", &["gotland"]),
    ("10", "Blekinge län", "Region Blekinge", &["blekinge"]),
    ("12", "Skåne län", "Region Skåne", &["skåne"]),
    ("13", "Hallands län", "Region Halland", &["halland"]),
    (
        "14",
        "Västra Götalands län",
        "Västra Götalandsregionen",
        &["västra götaland"],
    ),
    ("17", "Värmlands län", "Region Värmland", &["värmland"]),
    ("18", "Örebro län", "Region Örebro län", &["örebro"]),
    (
        "19",
        "Västmanlands län",
        "Region Västmanland",
        &["västmanland"],
    ),
    ("20", "Dalarnas län", "Region Dalarna", &["dalarna"]),
    ("21", "Gävleborgs län", "Region Gävleborg", &["gävleborg"]),
    (
        "22",
        "Västernorrlands län",
        "Region Västernorrland",
        &["västernorrland"],
    ),
    (
        "23",
        "Jämtlands län",
        "Region Jämtland Härjedalen",
        &["jämtland"],
    ),
    (
        "24",
        "Västerbottens län",
        "Region Västerbotten",
        &["västerbotten"],
    ),
    (
        "25",
        "Norrbottens län",
        "Region Norrbotten",
        &["norrbotten"],
    ),
];

/// A län: its code, name and regional authority.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct County {
    pub code: &'static str,
    pub name: &'static str,
    /// The region that holds the county's grant (`Region Jämtland Härjedalen`).
    pub region: &'static str,
}

impl County {
    fn of(
        &(code, name, region, _): &(&'static str, &'static str, &'static str, &[&str]),
    ) -> County {
        County { code, name, region }
    }
}

/// Sweden's 21 län in code order.
pub fn all() -> impl Iterator<Item = County> {
    COUNTIES.iter().map(County::of)
}

/// The län a plan's `county` names (`Västerbottens län`, `Region Västerbotten`, `Region
/// Sörmland`, `Vasterbottens lan`): the one whose name begins a word of it, in any case and
/// with or without å, ä and ö, the longest such name when several do (`Östergötland`, not
/// `Gotland`; `Västergötland` none); `None` for a text that names none (a national plan).
pub fn named(county: &str) -> Option<County> {
    let folded = crate::core::text::loose(county);
    let begins_a_word = |stem: &str| {
        let stem = crate::core::text::loose(stem);
        (folded.match_indices(&stem)).any(|(at, _)| {
            let before = folded.get(..at).and_then(|b| b.chars().next_back());
            before.is_none_or(|c| !c.is_alphanumeric())
        })
    };
    COUNTIES
        .iter()
        .filter_map(|county| {
            let stems = (county.3.iter()).filter(|stem| begins_a_word(stem));
            Some((county, stems.map(|stem| stem.chars().count()).max()?))
        })
        .max_by_key(|&(_, length)| length)
        .map(|(county, _)| County::of(county))
}

/// The län a `county` that names none was likely meant to name (`Västernorlands län`, one `r`
/// short): the one whose name is one letter off the text without its `län`, `region` and
/// genitive `s` (two would make `Norrland` Södermanland and `Göteborg` Gävleborg); `None` when
/// none is near.
pub fn near(county: &str) -> Option<County> {
    let words: Vec<String> = crate::core::text::loose(county)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !matches!(*w, "" | "lan" | "region" | "regionen" | "landsting"))
        .map(str::to_string)
        .collect();
    let stems: Vec<String> = (COUNTIES.iter())
        .flat_map(|c| c.3.iter().map(|stem| crate::core::text::loose(stem)))
        .collect();
    let candidates: Vec<&str> = stems.iter().map(String::as_str).collect();
    // The whole text, then each word (`Jämtlnd` of `Region Jämtlnd Härjedalen`), each with
    // and without a genitive `s`.
    let written = words.join(" ");
    let one_off = |w: &str| {
        (candidates.iter())
            .find(|c| strsim::damerau_levenshtein(w, c) == 1)
            .copied()
    };
    let stem = std::iter::once(written.as_str())
        .chain(words.iter().map(String::as_str))
        .flat_map(|w| [w.strip_suffix('s').unwrap_or(w), w])
        .find_map(one_off)?;
    (COUNTIES.iter())
        .find(|c| c.3.iter().any(|s| crate::core::text::loose(s) == stem))
        .map(County::of)
}

/// Whether a `county` reads as a län's or a region's name: a name in the genitive before
/// `län` or `landsting` (`Norrlands län`), or after `Region` (`Region Norr`), which a national
/// plan's (`Sverige`, `Samtliga län`, `Riket (alla län)`) does not.
pub fn reads_as_county(county: &str) -> bool {
    let folded = crate::core::text::loose(county);
    let words: Vec<&str> = (folded.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    (words.windows(2)).any(|pair| match pair {
        [name, "lan" | "landsting"] => name.len() > 2 && name.ends_with('s'),
        ["region", _] => true,
        _ => false,
    })
}

/// The län whose code a kommunkod starts with, if there is one (no län has the code `28`).
pub fn of_kommun(kommunkod: &str) -> Option<County> {
    let prefix = kommunkod.get(..2)?;
    COUNTIES
        .iter()
        .find(|(code, ..)| *code == prefix)
        .map(County::of)
}

/// The two digits of the län a four-digit code spells when it is no kommunkod: a code that
/// ends in `00` (`2300`) or begins with it (Kolada's `0023`), for no kommunkod does either;
/// `None` for `0000` (the country) and for any other code.
pub fn county_in_four_digits(code: &str) -> Option<&str> {
    if code.len() != 4 || !code.bytes().all(|b| b.is_ascii_digit()) || code == "0000" {
        return None;
    }
    match (code.get(..2), code.get(2..)) {
        (Some(county), Some("00")) | (Some("00"), Some(county)) => Some(county),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_county_in_four_digits_is_no_kommunkod() {
        assert_eq!(county_in_four_digits("2300"), Some("23"));
        assert_eq!(county_in_four_digits("0023"), Some("23"));
        assert_eq!(county_in_four_digits("0000"), None);
        assert_eq!(county_in_four_digits("2380"), None);
        assert_eq!(county_in_four_digits("0114"), None);
        assert_eq!(county_in_four_digits("230"), None);
    }

    #[test]
    fn a_county_is_named_as_plans_write_it() {
        assert_eq!(named("Jämtlands län").map(|c| c.code), Some("23"));
        assert_eq!(named("Region Västerbotten").map(|c| c.code), Some("24"));
        assert_eq!(named("ÖSTERGÖTLANDS LÄN").map(|c| c.code), Some("05"));
        assert_eq!(named("Gotlands län").map(|c| c.code), Some("09"));
        assert_eq!(
            named("Västra Götalandsregionen").map(|c| c.code),
            Some("14")
        );
        assert_eq!(named("Region Sörmland").map(|c| c.code), Some("04"));
        assert_eq!(named("Riket (genererad)"), None);
        // Without å, ä and ö (tester s40).
        assert_eq!(named("Region Vasternorrland").map(|c| c.code), Some("22"));
        assert_eq!(named("Vasternorrlands lan").map(|c| c.code), Some("22"));
        // A län's name within a word is not that län (reviewer s40: Västergötland, Gotland).
        assert_eq!(named("Västergötland"), None);
        assert_eq!(named("Östergötlands län").map(|c| c.code), Some("05"));
    }

    /// A län's name one letter off names no län, but is near one (tester s40: a plan for
    /// "Västernorlands län" was taken for a national plan, its kommuner tried against none).
    #[test]
    fn a_county_one_letter_off_is_near_its_lan() {
        assert_eq!(named("Västernorlands län"), None);
        assert_eq!(near("Västernorlands län").map(|c| c.code), Some("22"));
        assert_eq!(
            near("Region Jämtlnd Härjedalen").map(|c| c.code),
            Some("23")
        );
        assert_eq!(near("Dalarns län").map(|c| c.code), Some("20"));
        assert_eq!(near("Sverige"), None);
        assert_eq!(near("Riket (genererad)"), None);
        assert!(reads_as_county("Norrlands län") && reads_as_county("Region Norr"));
        assert!(!reads_as_county("Sverige") && !reads_as_county("Lanthandel"));
        // National plans (reviewer s40).
        assert!(!reads_as_county("Samtliga län") && !reads_as_county("Riket (alla län)"));
        // Two letters off is another name (reviewer s40).
        for other in [
            "Norrland",
            "Övre Norrland",
            "Ångermanland",
            "Göteborg",
            "Älvsborg",
            "Öland",
            "Dalsland",
        ] {
            assert_eq!(near(other), None, "{other}");
        }
    }

    #[test]
    fn a_kommun_lies_in_the_county_of_its_code() {
        assert_eq!(of_kommun("2480").map(|c| c.name), Some("Västerbottens län"));
        assert_eq!(of_kommun("0114").map(|c| c.name), Some("Stockholms län"));
        assert_eq!(of_kommun("2841"), None);
        assert_eq!(of_kommun("0214"), None);
    }
}
