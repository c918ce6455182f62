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
/// Sörmland`): the one whose name it holds, the longest such name when several do
/// (`Östergötland`, not `Gotland`); `None` for a text that names none (a national plan).
pub fn named(county: &str) -> Option<County> {
    let folded = crate::core::text::fold(county);
    COUNTIES
        .iter()
        .filter_map(|county| {
            let stems = county.3.iter().filter(|stem| folded.contains(**stem));
            Some((county, stems.map(|stem| stem.chars().count()).max()?))
        })
        .max_by_key(|&(_, length)| length)
        .map(|(county, _)| County::of(county))
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
    }

    #[test]
    fn a_kommun_lies_in_the_county_of_its_code() {
        assert_eq!(of_kommun("2480").map(|c| c.name), Some("Västerbottens län"));
        assert_eq!(of_kommun("0114").map(|c| c.name), Some("Stockholms län"));
        assert_eq!(of_kommun("2841"), None);
        assert_eq!(of_kommun("0214"), None);
    }
}
