//! The language of everything a person reads: Swedish by default, English on request.
//!
//! Wording is written with both languages side by side, so a translator or a reviewer sees
//! them together: `say!(lang, "nyckeln `{key}` har inga värden", "key `{key}` has no values")`
//! for a message with values, `lang.pick("Totalt", "Total")` for a fixed word. How numbers
//! are written in each language is `number`.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// Svenska
    #[default]
    Sv,
    /// English
    En,
}

/// A message in both languages, Swedish first: `say!(lang, "sv {x}", "en {x}")`.
#[macro_export]
macro_rules! say {
    ($lang:expr, $sv:literal, $en:literal $(,)?) => {
        match $lang {
            $crate::output::lang::Lang::Sv => format!($sv),
            $crate::output::lang::Lang::En => format!($en),
        }
    };
}

/// The environment variable that sets the language of a command given no `--lang`.
pub const LANG_VAR: &str = "ALLOCATE_LANG";

impl Lang {
    /// The language [`LANG_VAR`] asks for: `None` when it is not set (or set to nothing), the
    /// value as given when it is no language (`de`, `EN`), for the command line to refuse.
    pub fn from_environment() -> Result<Option<Lang>, String> {
        match std::env::var_os(LANG_VAR) {
            None => Ok(None),
            Some(value) => match value.to_str() {
                Some("") => Ok(None),
                Some("sv") => Ok(Some(Lang::Sv)),
                Some("en") => Ok(Some(Lang::En)),
                _ => Err(value.to_string_lossy().into_owned()),
            },
        }
    }

    /// Picks the Swedish or the English text.
    pub fn pick<'a>(self, sv: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    /// The language's code, as machine formats write it.
    pub fn code(self) -> &'static str {
        self.pick("sv", "en")
    }

    /// The label of a table's total row: a table narrowed by `--area`/`--actor`/`--kommun`
    /// says that its total is the selection's, not the plan's.
    pub fn total(self, whole: bool) -> &'static str {
        match (self, whole) {
            (Lang::Sv, true) => "Totalt",
            (Lang::En, true) => "Total",
            (Lang::Sv, false) => "Totalt (urval)",
            (Lang::En, false) => "Total (selection)",
        }
    }

    /// The language with its region, as Word marks the language of text (and spelling).
    pub fn tag(self) -> &'static str {
        self.pick("sv-SE", "en-GB")
    }
}
