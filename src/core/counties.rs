//! Sweden's 21 län (counties) with SCB's codes: a kommunkod starts with its län's two digits
//! (`2480` Umeå in `24` Västerbottens län). A plan for one län pays that län's kommuner.

/// (code, name, the name's stem as a plan may write it, folded).
const COUNTIES: [(&str, &str, &str); 21] = [
    ("01", "Stockholms län", "stockholm"),
    ("03", "Uppsala län", "uppsala"),
    ("04", "Södermanlands län", "södermanland"),
    ("05", "Östergötlands län", "östergötland"),
    ("06", "Jönköpings län", "jönköping"),
    ("07", "Kronobergs län", "kronoberg"),
    ("08", "Kalmar län", "kalmar"),
    ("09", "Gotlands län", "gotland"),
    ("10", "Blekinge län", "blekinge"),
    ("12", "Skåne län", "skåne"),
    ("13", "Hallands län", "halland"),
    ("14", "Västra Götalands län", "västra götaland"),
    ("17", "Värmlands län", "värmland"),
    ("18", "Örebro län", "örebro"),
    ("19", "Västmanlands län", "västmanland"),
    ("20", "Dalarnas län", "dalarna"),
    ("21", "Gävleborgs län", "gävleborg"),
    ("22", "Västernorrlands län", "västernorrland"),
    ("23", "Jämtlands län", "jämtland"),
    ("24", "Västerbottens län", "västerbotten"),
    ("25", "Norrbottens län", "norrbotten"),
];

/// A län: its code and name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct County {
    pub code: &'static str,
    pub name: &'static str,
}

/// The län a plan's `county` names (`Västerbottens län`, `Region Västerbotten`): the one whose
/// name it holds, the longest such name when several do (`Östergötland`, not `Gotland`);
/// `None` for a text that names none (a national plan).
pub fn named(county: &str) -> Option<County> {
    let folded = crate::core::text::fold(county);
    COUNTIES
        .iter()
        .filter(|(_, _, stem)| folded.contains(stem))
        .max_by_key(|(_, _, stem)| stem.chars().count())
        .map(|&(code, name, _)| County { code, name })
}

/// The län whose code a kommunkod starts with, if there is one (no län has the code `28`).
pub fn of_kommun(kommunkod: &str) -> Option<County> {
    let prefix = kommunkod.get(..2)?;
    COUNTIES
        .iter()
        .find(|(code, _, _)| *code == prefix)
        .map(|&(code, name, _)| County { code, name })
}

#[cfg(test)]
mod tests {
    use super::*;

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
