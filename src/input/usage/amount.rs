//! What a form's cell or a TOML usage file's value means as an amount: text as people and
//! spreadsheets write it (`parse_amount`: `21 200 kr`, `21.200,50`), a workbook's stored
//! number as the spreadsheet shows it, and both readings of an amount whose one separator
//! cannot be told (`21,200 kr`). A plan's own amounts are read by `core::money`.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::core::followup::{BadAmount, Entry};
use crate::core::money::{Amount, GROUP_SPACES};

/// An amount as people and spreadsheets write it, exactly: `21200`, `21 200`, `21 200 kr`,
/// `21200,50`, `21.200,50`, `-500`, and whole kronor as prices are written, `5 000:-` and
/// `5 000,-`. `Ok(None)` for an empty cell.
///
/// A single separator followed by exactly three digits (`1.234`, `1,234`) is refused as
/// ambiguous: it is 1 234 kr to one reader and 1,234 kr to another, and amounts have at most
/// two decimals (öre).
pub fn parse_amount(written: &str) -> Result<Option<Amount>, BadAmount> {
    let mut text = written.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.starts_with('=') {
        return Err(BadAmount::Formula);
    }
    // `,-` stands where the öre would (`5 000,-`): whole kronor, so the comma is no decimal
    // mark, and a point before it groups thousands (`5.000,-`).
    let mut whole_kronor = false;
    let mut priced = false;
    for suffix in ["kronor", "kr.", "kr", "sek", ":-", ",-"] {
        if text.len() >= suffix.len()
            && text
                .get(text.len() - suffix.len()..)
                .is_some_and(|end| end.eq_ignore_ascii_case(suffix))
        {
            text = text
                .get(..text.len() - suffix.len())
                .unwrap_or("")
                .trim_end();
            whole_kronor = suffix == ",-";
            priced = suffix.ends_with('-');
            break;
        }
    }
    let (negative, digits) = match text.strip_prefix(crate::core::money::MINUS_SIGNS) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    // A hyphen alone is how a spreadsheet's accounting format shows zero (`-   kr`, saved so
    // in a CSV form): 0 kr. Only the hyphen-minus such a format writes, of its own: never a
    // dash (`–`, which `allocate`'s own summaries write for a line not reported) or a minus
    // sign, nor with a price's `:-` or `,-` (whole kronor of a number, not the number).
    if digits.is_empty() && negative && !priced && text.starts_with('-') {
        return Ok(Some(Amount::ZERO));
    }
    if digits.is_empty() {
        return Err(BadAmount::NotANumber);
    }
    // Spaces of any kind only between groups of three digits.
    let groups: Vec<&str> = digits
        .split(GROUP_SPACES)
        .filter(|g| !g.is_empty())
        .collect();
    if groups.len() > 1 {
        let (first, rest) = groups.split_first().unwrap_or((&"", &[]));
        let leading = first.chars().filter(char::is_ascii_digit).count();
        let ok = (1..=3).contains(&leading)
            && first.chars().all(|c| c.is_ascii_digit())
            && rest.iter().enumerate().all(|(i, g)| {
                let last = i + 1 == rest.len();
                // The last group may carry the decimals: "200,50".
                let whole = if last {
                    g.split([',', '.']).next().unwrap_or("")
                } else {
                    g
                };
                whole.len() == 3 && whole.chars().all(|c| c.is_ascii_digit())
            });
        if !ok {
            return Err(BadAmount::NotANumber);
        }
    }
    let compact: String = groups.concat();
    if compact.contains(['e', 'E']) && compact.chars().any(|c| c.is_ascii_digit()) {
        return Err(BadAmount::Exponent);
    }
    if !compact
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        || !compact.starts_with(|c: char| c.is_ascii_digit())
    {
        return Err(BadAmount::NotANumber);
    }
    let plain = match whole_kronor {
        // No decimals of its own: `5000,50,-` is no amount.
        true if compact.contains(',') => return Err(BadAmount::NotANumber),
        true => decimal_text(&format!("{compact},00"))?,
        false => decimal_text(&compact)?,
    };
    let value = Decimal::from_str(&plain).map_err(|_| BadAmount::TooLarge)?;
    // No larger than a plan's amounts may be: sums of them stay exact.
    if value > Amount::MAX.0 {
        return Err(BadAmount::TooLarge);
    }
    if value.normalize().scale() > 2 {
        return Err(BadAmount::FinerThanOre);
    }
    let amount = ore(if negative { -value } else { value });
    Ok(Some(amount))
}

/// A used amount as it is shown: whole kronor without decimals, öre with two (`59 999,50`).
pub(super) fn ore(value: Decimal) -> Amount {
    let value = value.normalize();
    if value.scale() == 0 {
        Amount(value)
    } else {
        Amount(value).with_decimals(2)
    }
}

/// Digits with `,` and `.` as a decimal mark and thousands separators, as plain decimal text
/// (`1234.50`), or why they cannot be told apart.
fn decimal_text(compact: &str) -> Result<String, BadAmount> {
    let commas = compact.matches(',').count();
    let points = compact.matches('.').count();
    // The decimal mark: the last separator when both kinds appear; a separator that appears
    // once and is not followed by exactly three digits; none when one kind repeats (thousands).
    let mark = match (commas, points) {
        (0, 0) => None,
        (c, p) if c > 0 && p > 0 => {
            let last = compact.rfind([',', '.']).unwrap_or(0);
            compact.get(last..).and_then(|s| s.chars().next())
        }
        (1, 0) | (0, 1) => {
            let sep = if commas == 1 { ',' } else { '.' };
            let (before, after) = compact.split_once(sep).unwrap_or((compact, ""));
            // Three digits after a separator that could end a first group of thousands.
            let could_group = (1..=3).contains(&before.len()) && !before.starts_with('0');
            if after.len() == 3 && could_group {
                return Err(BadAmount::Ambiguous);
            }
            Some(sep)
        }
        _ => None,
    };
    let (whole, fraction) = match mark {
        Some(m) => {
            let at = compact.rfind(m).unwrap_or(compact.len());
            (
                compact.get(..at).unwrap_or(""),
                compact.get(at + 1..).unwrap_or(""),
            )
        }
        None => (compact, ""),
    };
    if fraction.contains([',', '.']) || (mark.is_some() && fraction.is_empty()) {
        return Err(BadAmount::NotANumber);
    }
    // Thousands separators in the whole part: groups of three after the first.
    let groups: Vec<&str> = whole.split([',', '.']).collect();
    if groups.len() > 1 {
        let (first, rest) = groups.split_first().unwrap_or((&"", &[]));
        if !(1..=3).contains(&first.len()) || rest.iter().any(|g| g.len() != 3) {
            return Err(BadAmount::NotANumber);
        }
    }
    let digits: String = groups.concat();
    if digits.is_empty() {
        return Err(BadAmount::NotANumber);
    }
    Ok(if fraction.is_empty() {
        digits
    } else {
        format!("{digits}.{fraction}")
    })
}

/// A number a workbook stores (a double), as the exact decimal the spreadsheet shows: to 15
/// significant digits, as Excel and LibreOffice show and compute with. A formula's result
/// within a double's noise of a whole öre (`=D11*0,7` stored as 944999.9999999999, shown as
/// 945 000) is that öre amount: off by less than a millionth of a millionth of it (the noise
/// of a double is some ten thousand times less, a value typed finer than öre some thousand
/// times more for any amount below 5 000 000 000 kr). What is finer than that (944999.995)
/// is refused, and told as the spreadsheet shows it, not as the raw double.
pub(super) fn amount_of_double(value: f64) -> Entry {
    if !value.is_finite() {
        return Entry::Bad {
            written: value.to_string(),
            why: BadAmount::NotANumber,
        };
    }
    // Noise around 0 (`=0,1+0,2-0,3`), below the places a decimal holds.
    if value.abs() < NOISE {
        return Entry::Amount(Amount::ZERO);
    }
    let Ok(shown) = Decimal::from_scientific(&format!("{value:.14e}")) else {
        return Entry::Bad {
            written: format!("{value:e}"),
            why: BadAmount::TooLarge,
        };
    };
    let shown = shown.normalize();
    if shown.abs() > Amount::MAX.0 {
        return Entry::Bad {
            written: format!("{value:e}"),
            why: BadAmount::TooLarge,
        };
    }
    let whole_ore = shown.round_dp(2);
    let noise =
        Decimal::try_from(NOISE).unwrap_or(Decimal::ZERO) * whole_ore.abs().max(Decimal::ONE);
    if shown.scale() <= 2 || (shown - whole_ore).abs() <= noise {
        Entry::Amount(ore(whole_ore))
    } else {
        Entry::Bad {
            written: shown.to_string(),
            why: BadAmount::FinerThanOre,
        }
    }
}

/// How far from a whole öre, relative to the amount (or to 1 kr below it), a spreadsheet's
/// double may be and still be that öre amount.
const NOISE: f64 = 1e-12;

pub(super) fn entry_of_text(text: &str) -> Entry {
    match parse_amount(text) {
        Ok(None) => Entry::Empty,
        Ok(Some(a)) => Entry::Amount(a),
        Err(BadAmount::Ambiguous) => Entry::Ambiguous {
            written: text.trim().to_string(),
            readings: readings(text),
        },
        Err(why) => Entry::Bad {
            written: text.trim().to_string(),
            why,
        },
    }
}

/// What an amount [`parse_amount`] finds ambiguous (`21,200 kr`: one separator followed by
/// exactly three digits) is, read either way, that is an amount: the separator taken for a
/// thousands separator (21 200 kr) and for a decimal mark (21,2 kr; `21,234` is finer than
/// öre, no amount).
fn readings(text: &str) -> Vec<Amount> {
    let Some(at) = text.find([',', '.']) else {
        return Vec::new();
    };
    let (before, after) = (
        text.get(..at).unwrap_or(""),
        text.get(at + 1..).unwrap_or(""),
    );
    // The three digits after the separator, and what follows them (` kr`).
    let (digits, rest) = (after.get(..3).unwrap_or(""), after.get(3..).unwrap_or(""));
    let sep = text.get(at..=at).unwrap_or("");
    // Without the separator; with a fourth decimal, which no thousands group has.
    let grouped = format!("{before}{digits}{rest}");
    let decimal = format!("{before}{sep}{digits}0{rest}");
    [grouped, decimal]
        .iter()
        .filter_map(|t| parse_amount(t).ok().flatten())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kr(text: &str) -> Result<Option<Amount>, BadAmount> {
        parse_amount(text)
    }

    fn ore(cents: i64) -> Amount {
        Amount(Decimal::new(cents, 2))
    }

    #[test]
    fn amounts_as_people_write_them() {
        assert_eq!(kr(""), Ok(None));
        assert_eq!(kr("  "), Ok(None));
        assert_eq!(kr("21200"), Ok(Some(Amount::kr(21_200))));
        assert_eq!(kr("21 200"), Ok(Some(Amount::kr(21_200))));
        assert_eq!(kr("21\u{a0}200 kr"), Ok(Some(Amount::kr(21_200))));
        assert_eq!(
            kr("1\u{202f}350\u{202f}000"),
            Ok(Some(Amount::kr(1_350_000)))
        );
        assert_eq!(kr("21200,50"), Ok(Some(ore(2_120_050))));
        assert_eq!(kr("21 200,5"), Ok(Some(ore(2_120_050))));
        assert_eq!(kr("21200.50"), Ok(Some(ore(2_120_050))));
        assert_eq!(kr("1.350.000"), Ok(Some(Amount::kr(1_350_000))));
        assert_eq!(kr("1,350,000"), Ok(Some(Amount::kr(1_350_000))));
        assert_eq!(kr("1.350.000,50"), Ok(Some(ore(135_000_050))));
        assert_eq!(kr("1,350,000.50"), Ok(Some(ore(135_000_050))));
        assert_eq!(kr("500:-"), Ok(Some(Amount::kr(500))));
        // Whole kronor as prices are written (tester s29 #5).
        assert_eq!(kr("5000,-"), Ok(Some(Amount::kr(5_000))));
        assert_eq!(kr("5 000,-"), Ok(Some(Amount::kr(5_000))));
        assert_eq!(kr("5\u{a0}000 ,-"), Ok(Some(Amount::kr(5_000))));
        assert_eq!(kr("5.000,-"), Ok(Some(Amount::kr(5_000))));
        assert_eq!(kr("181 200,-"), Ok(Some(Amount::kr(181_200))));
        assert_eq!(kr("1.350.000,-"), Ok(Some(Amount::kr(1_350_000))));
        assert_eq!(kr("-500"), Ok(Some(Amount::kr(-500))));
        assert_eq!(kr("\u{2212}500 kr"), Ok(Some(Amount::kr(-500))));
        assert_eq!(kr("0"), Ok(Some(Amount::ZERO)));
        // Zero as an accounting format shows it.
        for dash in ["-", " -   kr ", "-   kr", "- kr", "-\u{a0}kr"] {
            assert_eq!(kr(dash), Ok(Some(Amount::ZERO)), "{dash:?}");
        }
        // Not a dash, which the follow-up's summaries write for a line not reported, nor a
        // minus sign.
        for dash in ["\u{2013}", "\u{2013} kr", "\u{2212}", "\u{2212} kr"] {
            assert_eq!(kr(dash), Err(BadAmount::NotANumber), "{dash:?}");
        }
        assert_eq!(kr("21200,00"), Ok(Some(Amount(Decimal::new(2_120_000, 2)))));
    }

    #[test]
    fn amounts_that_cannot_be_told_are_refused() {
        assert_eq!(kr("1.234"), Err(BadAmount::Ambiguous));
        assert_eq!(kr("1,234"), Err(BadAmount::Ambiguous));
        assert_eq!(kr("12,345"), Err(BadAmount::Ambiguous));
        assert_eq!(kr("99999,995"), Err(BadAmount::FinerThanOre));
        assert_eq!(kr("0,995"), Err(BadAmount::FinerThanOre));
        assert_eq!(kr("1,2345"), Err(BadAmount::FinerThanOre));
        assert_eq!(kr("ca 20 000"), Err(BadAmount::NotANumber));
        assert_eq!(kr("se bilaga"), Err(BadAmount::NotANumber));
        assert_eq!(kr("20 00"), Err(BadAmount::NotANumber));
        assert_eq!(kr("1.2.3"), Err(BadAmount::NotANumber));
        assert_eq!(kr("1,5,"), Err(BadAmount::NotANumber));
        assert_eq!(kr("2E5"), Err(BadAmount::Exponent));
        assert_eq!(kr("1e-300"), Err(BadAmount::Exponent));
        assert_eq!(kr("kr"), Err(BadAmount::NotANumber));
        assert_eq!(kr("--"), Err(BadAmount::NotANumber));
        assert_eq!(kr("-:-"), Err(BadAmount::NotANumber));
        assert_eq!(kr(",-"), Err(BadAmount::NotANumber));
        assert_eq!(kr("5000,50,-"), Err(BadAmount::NotANumber));
        assert_eq!(kr("5 000,- kr"), Err(BadAmount::NotANumber));
        assert_eq!(
            kr("99999999999999999999999999999999"),
            Err(BadAmount::TooLarge)
        );
        // Beyond a plan's largest amount, as a plan's own are refused.
        assert_eq!(kr("99 999 999 999 999 999 999"), Err(BadAmount::TooLarge));
        assert_eq!(kr("-9 223 372 036 854 775 808"), Err(BadAmount::TooLarge));
        assert_eq!(
            kr("9 223 372 036 854 775 807"),
            Ok(Some(Amount::kr(i64::MAX)))
        );
    }

    #[test]
    fn an_ambiguous_amount_is_read_either_way() {
        let ambiguous = |text: &str| match entry_of_text(text) {
            Entry::Ambiguous { readings, .. } => readings,
            other => panic!("{other:?}"),
        };
        assert_eq!(ambiguous("21,200 kr"), [Amount::kr(21_200), ore(2_120)]);
        assert_eq!(ambiguous("75.000"), [Amount::kr(75_000), Amount::kr(75)]);
        assert_eq!(ambiguous("-1,234"), [Amount::kr(-1_234)]);
        assert_eq!(
            ambiguous("100,000 kr."),
            [Amount::kr(100_000), Amount::kr(100)]
        );
    }

    #[test]
    fn doubles_read_as_the_spreadsheet_shows_them() {
        assert_eq!(amount_of_double(21200.0), Entry::Amount(Amount::kr(21_200)));
        assert_eq!(amount_of_double(1234.56), Entry::Amount(ore(123_456)));
        assert_eq!(amount_of_double(-500.0), Entry::Amount(Amount::kr(-500)));
        assert!(matches!(
            amount_of_double(1e20),
            Entry::Bad {
                why: BadAmount::TooLarge,
                ..
            }
        ));
        // A formula's noise, below the 15 digits shown.
        assert_eq!(
            amount_of_double(1_350_000.0 * 0.7),
            Entry::Amount(Amount::kr(945_000))
        );
        assert_eq!(1_350_000.0 * 0.7, 944_999.999_999_999_9);
        assert_eq!(amount_of_double(0.1 + 0.2), Entry::Amount(ore(30)));
        // Finer than öre where it shows: refused as shown.
        let finer = |value: f64, shown: &str| {
            assert_eq!(
                amount_of_double(value),
                Entry::Bad {
                    written: shown.to_string(),
                    why: BadAmount::FinerThanOre
                }
            );
        };
        finer(944_999.995, "944999.995");
        finer(21_199.094_499_999_99, "21199.0945");
        finer(0.001, "0.001");
        finer(99_999_999.995, "99999999.995");
        // Noise around 0, and around a whole öre of a large amount.
        assert_eq!(amount_of_double(1e-300), Entry::Amount(Amount::ZERO));
        assert_eq!(
            amount_of_double(0.1 + 0.2 - 0.3),
            Entry::Amount(Amount::ZERO)
        );
        assert_eq!(
            amount_of_double(99_999.999_999_999_9),
            Entry::Amount(Amount::kr(100_000))
        );
        assert_eq!(
            amount_of_double(12_689_898.0 * 1.1 / 1.1),
            Entry::Amount(Amount::kr(12_689_898))
        );
        assert!(matches!(
            amount_of_double(1e30),
            Entry::Bad {
                why: BadAmount::TooLarge,
                ..
            }
        ));
    }
}
