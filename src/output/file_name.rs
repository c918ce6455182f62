//! Names of the files made one per recipient (the follow-up forms, the letters) and of a
//! filtered export's files: plain ASCII that every file system and e-mail client keeps, and
//! never two alike in one folder.

use std::collections::HashSet;

use crate::output::sheet::Selected;

/// The longest name part: a file name stays far below the 255 bytes file systems allow, and
/// readable in a folder listing.
const LONGEST: usize = 60;

/// A name as part of a file name: lower case ASCII letters and digits, letters without their
/// accents (å and ä as a, ö as o, a decomposed `O\u{308}` as o too), æ as ae, ß as ss and
/// the like, ligatures spelt out (ﬁ as fi), anything else one hyphen, at most [`LONGEST`]
/// characters; `fallback` when nothing is left.
pub fn slug(name: &str, fallback: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let mut out = String::new();
    let letters = name
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase);
    for c in letters {
        match c {
            c if c.is_ascii_alphanumeric() => out.push(c),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ß' => out.push_str("ss"),
            'þ' => out.push_str("th"),
            'ø' => out.push('o'),
            'đ' | 'ð' => out.push('d'),
            'ł' => out.push('l'),
            'ı' => out.push('i'),
            _ if !out.is_empty() && !out.ends_with('-') => out.push('-'),
            _ => {}
        }
        if out.len() >= LONGEST {
            out.truncate(LONGEST);
            break;
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        fallback.to_string()
    } else {
        trimmed.to_string()
    }
}

/// The part of a filtered export's file names that says which selection they hold, so that
/// they are never taken for (or block) the whole plan's files: `urval-2326-berg`
/// (`--kommun Berg`), `urval-omrade-2-fhe` (`--area 2 --actor fhe`); a kommun as its form's
/// file is named, an actor by its id.
pub fn selection(selected: &Selected) -> String {
    let mut parts = vec!["urval".to_string()];
    parts.extend(selected.areas.iter().map(|area| format!("omrade-{area}")));
    if let Some((id, _)) = &selected.actor {
        parts.push(slug(id, "aktor"));
    }
    if let Some((code, name)) = &selected.kommun {
        parts.push(slug(&format!("{code}-{name}"), "kommun"));
    }
    parts.join("-")
}

/// One file name per recipient, in their order, never two alike: each `stem`, or `stem-2`,
/// `stem-3`, … when an earlier one has it, so two recipients whose names make the same file
/// name (the actors `fbh` and `FBH`, `Vård & stöd` and `Vård/stöd`) get a file each, instead
/// of one refusing to overwrite the other. The kommuner's stems (`kommun` true: kommunkod and
/// name, unique by their code) are given first, so a kommun's file is always named for it
/// (`2326-berg`), whatever the other recipients are called: an actor named "2326 Berg" gets
/// `2326-berg-2`, never Bergs kommun.
pub fn unique_names(stems: Vec<(String, bool)>) -> Vec<String> {
    let mut taken = HashSet::new();
    let mut names = vec![String::new(); stems.len()];
    for kommuner in [true, false] {
        for (name, (stem, kommun)) in names.iter_mut().zip(&stems) {
            if *kommun == kommuner {
                *name = unique(stem.clone(), &mut taken);
            }
        }
    }
    names
}

/// `stem`, or `stem-2`, `stem-3`, … when one of `taken` already has it.
fn unique(stem: String, taken: &mut HashSet<String>) -> String {
    let mut name = stem.clone();
    let mut n = 1;
    while !taken.insert(name.clone()) {
        n += 1;
        name = format!("{stem}-{n}");
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_plain_ascii() {
        assert_eq!(slug("Östersund", "x"), "ostersund");
        // Decomposed, as a `decomposed-name` warning says it is read: the same name.
        assert_eq!(slug("O\u{308}stersund", "x"), "ostersund");
        assert_eq!(slug("Fonta\u{308}nhus X", "x"), "fontanhus-x");
        assert_eq!(slug("Åäö Ææ ß ﬁ Øre Łódź", "x"), "aao-aeae-ss-fi-ore-lodz");
        assert_eq!(
            slug("Kommunförbundet Jämtland Härjedalen", "x"),
            "kommunforbundet-jamtland-harjedalen"
        );
        assert_eq!(slug(" Åre ", "x"), "are");
        assert_eq!(slug("Vård & stöd", "x"), "vard-stod");
        assert_eq!(slug("—", "mottagare"), "mottagare");
    }

    #[test]
    fn a_selection_is_named_by_its_parts() {
        let mut selected = Selected {
            kommun: Some(("2380".into(), "Östersund".into())),
            ..Selected::default()
        };
        assert_eq!(selection(&selected), "urval-2380-ostersund");
        selected.areas = vec![2];
        selected.actor = Some(("FHE.samisk".into(), "FHE samiska nätverket".into()));
        assert_eq!(
            selection(&selected),
            "urval-omrade-2-fhe-samisk-2380-ostersund"
        );
        assert_eq!(selection(&Selected::default()), "urval");
    }

    #[test]
    fn a_long_name_is_cut() {
        let long = "Ö".repeat(300);
        assert_eq!(slug(&long, "x"), "o".repeat(LONGEST));
        let words = "Föreningen för ".repeat(10);
        let cut = slug(&words, "x");
        assert!(cut.len() <= LONGEST && !cut.ends_with('-'), "{cut}");
        assert!(cut.starts_with("foreningen-for-foreningen"), "{cut}");
    }

    #[test]
    fn no_two_names_alike() {
        let mut taken = HashSet::new();
        let names: Vec<String> = ["fbh", "fbh", "fbh-2", "fbh"]
            .into_iter()
            .map(|s| unique(s.to_string(), &mut taken))
            .collect();
        assert_eq!(names, ["fbh", "fbh-2", "fbh-2-2", "fbh-3"]);
    }

    #[test]
    fn a_kommun_keeps_its_name_whatever_comes_before_it() {
        let stems = |list: &[(&str, bool)]| {
            list.iter()
                .map(|&(s, k)| (s.to_string(), k))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            unique_names(stems(&[
                ("2326-berg", false),
                ("kfjh", false),
                ("2326-berg", true),
                ("2326-berg", false),
            ])),
            ["2326-berg-2", "kfjh", "2326-berg", "2326-berg-3"]
        );
        assert_eq!(
            unique_names(stems(&[("fbh", false), ("fbh", false), ("fbh-2", false)])),
            ["fbh", "fbh-2", "fbh-2-2"]
        );
    }
}
