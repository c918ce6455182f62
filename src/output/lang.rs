//! The language of everything a person reads: Swedish by default, English on request.

use clap::ValueEnum;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// Svenska
    #[default]
    Sv,
    /// English
    En,
}

impl Lang {
    /// Picks the Swedish or the English text.
    pub fn pick<'a>(self, sv: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    /// An amount without the unit, in this language's number format (`12 689 898`).
    pub fn number(self, amount: crate::core::money::Amount) -> String {
        match self {
            Lang::Sv => crate::core::money::group_thousands(amount.0, ' ', ','),
            Lang::En => crate::core::money::group_thousands(amount.0, ',', '.'),
        }
    }

    pub fn amount(self, amount: crate::core::money::Amount) -> String {
        match self {
            Lang::Sv => amount.sv(),
            Lang::En => amount.en(),
        }
    }
}
