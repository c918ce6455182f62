//! Numbers as people read them, written once for every output: amounts (`12 689 898 kr`),
//! counts, decimals and percentages (`3,88 %`), signed differences (`+23 kr`), file sizes.
//!
//! Swedish groups thousands with a space and uses a decimal comma; English a comma and a
//! point. Terminal and file output use a plain space and hyphen-minus, so that the figures
//! are easy to search and paste; documents (`Typography::Document`) use the no-break thin
//! space and the true minus sign of Swedish typography, and a no-break space before the
//! unit. A [`Style`] is the two together, for wording that writes figures in either.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::core::money::Amount;
use crate::core::plan::Date;
use crate::output::lang::Lang;

impl Lang {
    /// An amount with its unit in this language's format: `12 689 898 kr`, `12,689,898 kr`.
    pub fn amount(self, amount: Amount) -> String {
        self::amount(amount, self)
    }

    /// An amount without the unit: `12 689 898`.
    pub fn number(self, amount: Amount) -> String {
        grouped(amount.0, self)
    }
}

/// How separators, the minus sign and the space before a unit are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Typography {
    /// Plain text: space (or comma) between thousands, hyphen-minus, a space before the unit.
    Plain,
    /// Typeset documents: narrow no-break space between thousands, true minus sign (U+2212),
    /// a no-break space before the unit.
    Document,
}

impl Typography {
    fn minus(self) -> char {
        match self {
            Typography::Plain => '-',
            Typography::Document => '\u{2212}',
        }
    }

    /// The space between a figure and its unit (`kr`, `%`).
    fn unit_space(self) -> char {
        match self {
            Typography::Plain => ' ',
            Typography::Document => '\u{a0}',
        }
    }
}

/// How figures are written: in which language, and as plain text or typeset for a document.
/// Wording that gives figures takes one (`words::findings::message`), so that a finding's
/// figures read in a document as the document's own do; a language alone is plain text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub lang: Lang,
    pub typography: Typography,
}

impl From<Lang> for Style {
    fn from(lang: Lang) -> Style {
        Style::plain(lang)
    }
}

impl Style {
    /// The minus sign of this style's figures, also for a subtraction written out beside them
    /// (`12 689 898 kr - 12 697 775 kr = -7 877 kr`), so that the two are one sign.
    pub fn minus(self) -> char {
        self.typography.minus()
    }

    /// The terminal's and every file's figures: `-7 877 kr`.
    pub fn plain(lang: Lang) -> Style {
        Style {
            lang,
            typography: Typography::Plain,
        }
    }

    /// A document's figures: `−7 877 kr` with a narrow no-break space between thousands and
    /// a no-break space before `kr`.
    pub fn document(lang: Lang) -> Style {
        Style {
            lang,
            typography: Typography::Document,
        }
    }

    /// `value` with thousands grouped: `12 689 898`, `-7 877`, `1 234,50` ([`format`]).
    pub fn grouped(self, value: Decimal) -> String {
        format(value, self.lang, self.typography)
    }

    /// A count, grouped: `132 708`.
    pub fn count(self, n: u64) -> String {
        self.grouped(Decimal::from(n))
    }

    /// An amount with the unit: `12 689 898 kr`.
    pub fn amount(self, amount: Amount) -> String {
        let mut out = String::with_capacity(24);
        self.push_amount(&mut out, amount);
        out
    }

    /// [`Style::amount`] onto `out`.
    pub fn push_amount(self, out: &mut String, amount: Amount) {
        push_format(out, amount.0, self.lang, self.typography);
        out.push(self.typography.unit_space());
        out.push_str("kr");
    }

    /// A change with its sign: `+5 340 kr`, `-7 877 kr`, `0 kr`.
    pub fn change(self, amount: Amount) -> String {
        plus(amount > Amount::ZERO, self.amount(amount))
    }

    /// A change without the unit, in a column headed by it: `+5 340`, `-7 877`, `0`.
    pub fn change_number(self, amount: Amount) -> String {
        plus(amount > Amount::ZERO, self.grouped(amount.0))
    }

    /// A decimal as written, with the language's decimal mark and no grouping: `5,3`.
    pub fn decimal(self, value: Decimal) -> String {
        let (_, mark) = separators(self.lang, self.typography);
        let minus = self.typography.minus();
        (value.normalize().to_string().chars())
            .map(|c| match c {
                '.' => mark,
                '-' => minus,
                c => c,
            })
            .collect()
    }

    /// `value` rounded to exactly `decimals` decimals, thousands grouped: `124 242,4107`.
    pub fn fixed(self, value: Decimal, decimals: u32) -> String {
        let mut d = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
        d.rescale(decimals);
        self.grouped(d)
    }

    /// A percentage with exactly `decimals` decimals: `3,88 %`.
    pub fn percent(self, value: Decimal, decimals: u32) -> String {
        self.per_cent(self.fixed(value, decimals))
    }

    /// A percentage as its decimal is written ([`Style::decimal`]): `100,1 %`.
    pub fn decimal_percent(self, value: Decimal) -> String {
        self.per_cent(self.decimal(value))
    }

    /// A change in per cent with two decimals and its sign: `+12,50 %`, `-0,06 %`, `0,00 %`.
    pub fn change_percent(self, p: Decimal) -> String {
        self.signed_percent(p, 2)
    }

    /// A percentage with exactly `decimals` decimals and its sign: `+0,01 %`, `-0,06 %`.
    pub fn signed_percent(self, p: Decimal, decimals: u32) -> String {
        plus(p > Decimal::ZERO, self.percent(p, decimals))
    }

    /// A key's sum: a count (`132 708`), or per cent for a percentage key (`100,01 %`).
    pub fn key_sum(self, value: Decimal, percent: bool) -> String {
        let figure = self.grouped(value);
        if percent {
            self.per_cent(figure)
        } else {
            figure
        }
    }

    /// `figure` and the per cent sign.
    fn per_cent(self, mut figure: String) -> String {
        figure.push(self.typography.unit_space());
        figure.push('%');
        figure
    }
}

/// `figure` with a plus sign before it when its value is above zero (`above`): every signed
/// figure (a change, a difference) is written so; a negative figure has its own minus.
fn plus(above: bool, mut figure: String) -> String {
    if above {
        figure.insert(0, '+');
    }
    figure
}

/// `value` with thousands grouped and the language's decimal mark, and as many decimals as
/// the value carries: none for whole kronor, one in a plan counted in tenths (`518 183,8`,
/// `5 757 598,0`; see `Plan::align_to_unit`), two for öre.
pub fn format(value: Decimal, lang: Lang, typography: Typography) -> String {
    let mut out = String::with_capacity(24);
    push_format(&mut out, value, lang, typography);
    out
}

/// [`format`] onto `out` (a report of a national plan formats millions of amounts).
fn push_format(out: &mut String, value: Decimal, lang: Lang, typography: Typography) {
    let (thousands, mark) = separators(lang, typography);
    let minus = typography.minus();
    let mut buffer = itoa::Buffer::new();
    let digits = Digits::of(value, &mut buffer);
    if value.is_sign_negative() && !value.is_zero() {
        out.push(minus);
    }
    push_grouped(out, digits.whole, thousands);
    if digits.zeros + digits.decimals.len() > 0 {
        out.push(mark);
        digits.push_decimals(out);
    }
}

/// The digits of a decimal's magnitude, made by `itoa` (a report of a national plan formats
/// millions of amounts; `Decimal`'s own `to_string` allocates): the whole part (`0` when
/// there is none) and the decimals, which start with `zeros` zeros (`0,05`: whole `0`, one
/// zero, then `5`).
struct Digits<'b> {
    whole: &'b str,
    zeros: usize,
    decimals: &'b str,
}

impl<'b> Digits<'b> {
    fn of(value: Decimal, buffer: &'b mut itoa::Buffer) -> Digits<'b> {
        let magnitude = value.mantissa().unsigned_abs();
        // Every amount of a real plan fits in 64 bits, where digits are made faster.
        let all = match u64::try_from(magnitude) {
            Ok(n) => buffer.format(n),
            Err(_) => buffer.format(magnitude),
        };
        let scale = value.scale() as usize;
        match all.len().checked_sub(scale) {
            Some(0) | None => Digits {
                whole: "0",
                zeros: scale.saturating_sub(all.len()),
                decimals: all,
            },
            Some(cut) => Digits {
                whole: all.get(..cut).unwrap_or(all),
                zeros: 0,
                decimals: all.get(cut..).unwrap_or(""),
            },
        }
    }

    fn push_decimals(&self, out: &mut String) {
        out.extend(std::iter::repeat_n('0', self.zeros));
        out.push_str(self.decimals);
    }
}

fn separators(lang: Lang, typography: Typography) -> (char, char) {
    match (lang, typography) {
        (Lang::Sv, Typography::Plain) => (' ', ','),
        (Lang::Sv, Typography::Document) => ('\u{202f}', ','),
        (Lang::En, _) => (',', '.'),
    }
}

/// Digits with `separator` between groups of three from the right.
fn group(digits: &str, separator: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    push_grouped(&mut out, digits, separator);
    out
}

/// [`group`] onto `out`: the first group as long as is left, then groups of three (the
/// digits are ASCII, so a byte is a digit).
fn push_grouped(out: &mut String, digits: &str, separator: char) {
    let mut cut = match digits.len() % 3 {
        0 => digits.len().min(3),
        first => first,
    };
    out.push_str(digits.get(..cut).unwrap_or(digits));
    while let Some(group) = digits.get(cut..cut + 3) {
        out.push(separator);
        out.push_str(group);
        cut += 3;
    }
}

/// A plain-text number: `12 689 898`, `-7 877`, `1 234,50`.
pub fn grouped(value: Decimal, lang: Lang) -> String {
    format(value, lang, Typography::Plain)
}

/// A count of people, grouped: `132 708`.
pub fn count(value: u64, lang: Lang) -> String {
    Style::plain(lang).count(value)
}

/// A count of errors: `1 fel`, `2 fel`; `1 error`, `2 errors`.
pub fn errors(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Sv, n) => format!("{} fel", count(n as u64, lang)),
        (Lang::En, 1) => "1 error".to_string(),
        (Lang::En, n) => format!("{} errors", count(n as u64, lang)),
    }
}

/// A count of warnings: `1 varning`, `2 varningar`; `1 warning`, `2 warnings`.
pub fn warnings(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Sv, 1) => "1 varning".to_string(),
        (Lang::Sv, n) => format!("{} varningar", count(n as u64, lang)),
        (Lang::En, 1) => "1 warning".to_string(),
        (Lang::En, n) => format!("{} warnings", count(n as u64, lang)),
    }
}

/// The decimals of amounts written together (a column, a sentence): as many as the most
/// precise has, so that each is written alike (`219 999,50 kr + 83 692,00 kr`, not `83 692
/// kr`), with [`Amount::with_decimals`].
pub fn shared_decimals(amounts: impl IntoIterator<Item = Amount>) -> u32 {
    amounts.into_iter().map(Amount::decimals).max().unwrap_or(0)
}

/// An amount with the unit: `12 689 898 kr`.
pub fn amount(amount: Amount, lang: Lang) -> String {
    let mut text = String::with_capacity(24);
    push_amount(&mut text, amount, lang);
    text
}

/// [`amount`] onto `out`.
pub fn push_amount(out: &mut String, amount: Amount, lang: Lang) {
    Style::plain(lang).push_amount(out, amount);
}

/// An amount without the unit ([`Lang::number`]) onto `out`.
pub fn push_number(out: &mut String, amount: Amount, lang: Lang) {
    push_format(out, amount.0, lang, Typography::Plain);
}

/// The columns [`push_number`] takes for `amount`, in either language, without writing it:
/// the sign, the whole part's digits and a separator between each group of three, and the
/// decimal mark and decimals when the amount carries any (every character is one column).
pub fn number_width(amount: Amount) -> usize {
    // Read from the decimal's parts as it lays them out (flags, then the 96-bit magnitude
    // from its lowest 32 bits), which is cheaper than its mantissa as a 128-bit number: a
    // national plan's per-kommun table measures 1.45 million.
    let bytes = amount.0.serialize();
    let part = |i: usize| {
        bytes
            .get(i..i + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(0, u32::from_le_bytes)
    };
    let (flags, low, middle, high) = (part(0), part(4), part(8), part(12));
    let low = u64::from(middle) << 32 | u64::from(low);
    let log = match high {
        0 => low.checked_ilog10(),
        _ => (u128::from(high) << 64 | u128::from(low)).checked_ilog10(),
    };
    let digits = log.map_or(1, |d| d as usize + 1);
    let scale = (flags >> 16 & 0xff) as usize;
    let whole = digits.saturating_sub(scale).max(1);
    let zero = (low, high) == (0, 0);
    let sign = usize::from(flags & 0x8000_0000 != 0 && !zero);
    let decimals = if scale > 0 { 1 + scale } else { 0 };
    sign + whole + (whole - 1) / 3 + decimals
}

/// `n` in plain digits onto `out`: `42`.
pub fn push_digits(out: &mut String, n: u64) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// The columns [`push_digits`] takes for `n`, without writing it.
pub fn digits_width(n: u64) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// What follows an amount in plain text, in both languages (`12 689 898 kr`), as the
/// columns measure it.
pub const UNIT: &str = " kr";

/// The columns [`push_amount`] takes for `amount` (the unit's included), without writing it.
pub fn amount_width(amount: Amount) -> usize {
    number_width(amount) + UNIT.len()
}

/// An amount with the unit, typeset for a document.
pub fn document_amount(amount: Amount, lang: Lang) -> String {
    Style::document(lang).amount(amount)
}

/// A change with its sign, typeset for a document: `+5 340 kr`, `−7 877 kr`, `0 kr`.
pub fn document_change(amount: Amount, lang: Lang) -> String {
    Style::document(lang).change(amount)
}

/// A change in per cent with two decimals, typeset for a document: `−0,21\u{a0}%`.
pub fn document_percent(p: Decimal, lang: Lang) -> String {
    Style::document(lang).change_percent(p)
}

/// A date as a document writes it: `1 december 2026`, `1 December 2026`.
pub fn date(date: Date, lang: Lang) -> String {
    const SV: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let months = match lang {
        Lang::Sv => SV,
        Lang::En => EN,
    };
    let month = usize::from(date.month)
        .checked_sub(1)
        .and_then(|m| months.get(m))
        .copied()
        .unwrap_or("");
    format!("{} {month} {}", date.day, date.year)
}

/// A signed difference with the unit, `+23 kr`, `-23 kr`; empty for zero.
pub fn signed(amount: Amount, lang: Lang) -> String {
    if amount.0.is_zero() {
        String::new()
    } else {
        change(amount, lang)
    }
}

/// A change with its sign: `+5 340 kr`, `-7 877 kr`, `0 kr`.
pub fn change(amount: Amount, lang: Lang) -> String {
    Style::plain(lang).change(amount)
}

/// A change in per cent with two decimals and its sign: `+12,50 %`, `-0,06 %`, `0,00 %`.
pub fn change_percent(p: Decimal, lang: Lang) -> String {
    Style::plain(lang).change_percent(p)
}

/// A decimal as written, with the language's decimal mark and no grouping: `5,3`.
pub fn decimal(value: Decimal, lang: Lang) -> String {
    Style::plain(lang).decimal(value)
}

/// `value` rounded to exactly `decimals` decimals, thousands grouped: `124 242,4107`.
pub fn fixed(value: Decimal, decimals: u32, lang: Lang) -> String {
    Style::plain(lang).fixed(value, decimals)
}

/// A percentage with exactly `decimals` decimals: `3,88 %`.
pub fn percent(value: Decimal, decimals: u32, lang: Lang) -> String {
    Style::plain(lang).percent(value, decimals)
}

/// An amount as a spreadsheet cell reads it: no grouping, the given decimal mark, the
/// amount's own decimals (`12689898`, `1234,50`, `518183,8`).
pub fn cell(amount: Amount, decimal_mark: char) -> String {
    let mut out = String::with_capacity(16);
    push_cell(&mut out, amount, decimal_mark);
    out
}

/// [`cell`] onto `out` (a national plan's payments write millions of cells).
pub fn push_cell(out: &mut String, amount: Amount, decimal_mark: char) {
    let mut buffer = itoa::Buffer::new();
    let digits = Digits::of(amount.0, &mut buffer);
    if amount.is_negative() {
        out.push('-');
    }
    out.push_str(digits.whole);
    if digits.zeros + digits.decimals.len() > 0 {
        out.push(decimal_mark);
        digits.push_decimals(out);
    }
}

/// The most decimals a kronor format in a workbook shows.
pub const EXCEL_MAX_DECIMALS: u32 = 4;

/// A workbook's kronor format with `decimals` decimals (at most `EXCEL_MAX_DECIMALS`); Swedish
/// Excel shows `1 865 000 kr` for none, `518 183,8 kr` for one.
pub fn excel_kronor(decimals: u32) -> String {
    let decimals = decimals.min(EXCEL_MAX_DECIMALS) as usize;
    if decimals == 0 {
        "#,##0 \"kr\"".to_string()
    } else {
        format!("#,##0.{} \"kr\"", "0".repeat(decimals))
    }
}

/// An amount as TOML writes it: an integer with underscores between thousands
/// (`12_697_775`), or, with decimals, quoted text with a decimal comma (`"518 183,8"`), since
/// amounts are never TOML floats.
pub fn toml_amount(amount: Amount) -> String {
    if amount.0.scale() > 0 {
        return format!("\"{}\"", grouped(amount.0, Lang::Sv));
    }
    let mut out = String::new();
    if amount.is_negative() {
        out.push('-');
    }
    out.push_str(&group(&amount.0.abs().to_string(), '_'));
    out
}

/// A whole number as a plan writes it: a year as its digits (`2026`), any other number as
/// [`toml_amount`] writes it (`3_000_000`).
pub fn toml_integer(value: i64, year: bool) -> String {
    if year {
        value.to_string()
    } else {
        toml_amount(Amount::kr(value))
    }
}

/// A file size for people, in MiB as the limits are given (`ALLOCATE_MAX_FILE_MB`): `50 MiB
/// (52 428 800 byte)`, `5,2 MiB (5 452 595 byte)`.
pub fn file_size(bytes: u64, lang: Lang) -> String {
    const MB: u128 = 1024 * 1024;
    let tenths = (u128::from(bytes) * 10 + MB / 2) / MB;
    let (whole, tenth) = (tenths / 10, tenths % 10);
    let mark = separators(lang, Typography::Plain).1;
    let mb = if tenth == 0 {
        format!("{whole} MiB")
    } else {
        format!("{whole}{mark}{tenth} MiB")
    };
    let exact = grouped(Decimal::from(bytes), lang);
    format!("{mb} ({exact} {})", lang.pick("byte", "bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_digit_of_the_magnitude_is_written() {
        let sv = |text: &str| format(text.parse().unwrap(), Lang::Sv, Typography::Plain);
        assert_eq!(sv("0"), "0");
        assert_eq!(sv("0.05"), "0,05");
        assert_eq!(sv("-0.5"), "-0,5");
        assert_eq!(sv("5.0"), "5,0");
        assert_eq!(sv("-7877"), "-7 877");
        assert_eq!(sv("12689898"), "12 689 898");
        assert_eq!(
            format(Decimal::MAX, Lang::En, Typography::Plain),
            "79,228,162,514,264,337,593,543,950,335"
        );
        assert_eq!(
            format(Decimal::new(1, 28), Lang::Sv, Typography::Plain),
            "0,0000000000000000000000000001"
        );
    }

    #[test]
    fn amounts_in_swedish_and_english() {
        assert_eq!(amount(Amount::kr(12_689_898), Lang::Sv), "12 689 898 kr");
        assert_eq!(amount(Amount::kr(-7_877), Lang::Sv), "-7 877 kr");
        assert_eq!(amount(Amount::kr(0), Lang::Sv), "0 kr");
        assert_eq!(
            amount(Amount::kr(1_320_000_000), Lang::En),
            "1,320,000,000 kr"
        );
        let ore = Amount(Decimal::new(123_450, 2));
        assert_eq!(amount(ore, Lang::Sv), "1 234,50 kr");
        assert_eq!(amount(ore, Lang::En), "1,234.50 kr");
    }

    #[test]
    fn figures_beyond_64_bits_and_at_every_group_length() {
        // 2^64: past the 64-bit digits, as a saturated sum of a hostile plan can be.
        let big = Decimal::from(u64::MAX) + Decimal::ONE;
        assert_eq!(grouped(big, Lang::Sv), "18 446 744 073 709 551 616");
        assert_eq!(grouped(-big, Lang::En), "-18,446,744,073,709,551,616");
        for (n, text) in [
            (5, "5"),
            (42, "42"),
            (196_200, "196 200"),
            (1_865_000, "1 865 000"),
        ] {
            assert_eq!(count(n, Lang::Sv), text);
        }
        let mut out = String::from("Område ");
        push_digits(&mut out, 3);
        assert_eq!(out, "Område 3");
    }

    #[test]
    fn a_numbers_width_is_that_of_the_number_written() {
        let mut values: Vec<Decimal> = vec![Decimal::MAX, Decimal::MIN, Decimal::new(1, 28)];
        values.push(Decimal::new(-0, 2));
        values.push(-Decimal::ZERO);
        // Every length of digits, at every scale up to a few decimals, both signs.
        let mut n: i64 = 1;
        while let Some(next) = n.checked_mul(10) {
            for m in [n - 1, n, n + 1, next - 1] {
                for scale in 0..=4 {
                    values.push(Decimal::new(m, scale));
                    values.push(Decimal::new(-m, scale));
                }
            }
            n = next;
        }
        values.push(Decimal::from(u64::MAX) + Decimal::ONE);
        for value in values {
            for lang in [Lang::Sv, Lang::En] {
                let mut text = String::new();
                push_number(&mut text, Amount(value), lang);
                assert_eq!(number_width(Amount(value)), text.chars().count(), "{text}");
                text.clear();
                push_amount(&mut text, Amount(value), lang);
                assert_eq!(amount_width(Amount(value)), text.chars().count(), "{text}");
            }
        }
        for n in [0, 1, 9, 10, 99, 100, u64::from(u32::MAX), u64::MAX] {
            let mut text = String::new();
            push_digits(&mut text, n);
            assert_eq!(digits_width(n), text.len(), "{text}");
        }
    }

    #[test]
    fn documents_use_thin_spaces_and_a_true_minus() {
        assert_eq!(
            document_amount(Amount::kr(-7_877), Lang::Sv),
            "\u{2212}7\u{202f}877\u{a0}kr"
        );
    }

    #[test]
    fn document_changes_percentages_and_dates() {
        assert_eq!(
            document_change(Amount::kr(-7_877), Lang::Sv),
            "\u{2212}7\u{202f}877\u{a0}kr"
        );
        assert_eq!(
            document_change(Amount::kr(5_340), Lang::En),
            "+5,340\u{a0}kr"
        );
        assert_eq!(
            document_percent(Decimal::new(-21, 2), Lang::Sv),
            "\u{2212}0,21\u{a0}%"
        );
        let d = Date {
            year: 2026,
            month: 12,
            day: 1,
        };
        assert_eq!(date(d, Lang::Sv), "1 december 2026");
        assert_eq!(date(d, Lang::En), "1 December 2026");
    }

    #[test]
    fn a_style_writes_each_figure_plain_or_typeset() {
        let (plain, document) = (Style::plain(Lang::Sv), Style::document(Lang::Sv));
        assert_eq!(Style::from(Lang::En), Style::plain(Lang::En));
        let p = Decimal::new(-53, 1);
        assert_eq!(plain.decimal_percent(p), "-5,3 %");
        assert_eq!(document.decimal_percent(p), "\u{2212}5,3\u{a0}%");
        assert_eq!(Style::document(Lang::En).decimal(p), "\u{2212}5.3");
        assert_eq!(plain.percent(Decimal::ONE_HUNDRED, 0), "100 %");
        assert_eq!(document.percent(Decimal::ONE_HUNDRED, 0), "100\u{a0}%");
        assert_eq!(plain.count(132_708), "132 708");
        assert_eq!(document.count(132_708), "132\u{202f}708");
        assert_eq!(
            document.fixed(Decimal::new(-12_345, 1), 2),
            "\u{2212}1\u{202f}234,50"
        );
        assert_eq!(plain.amount(Amount::kr(-7_877)), "-7 877 kr");
        assert_eq!(document.change(Amount::kr(5_340)), "+5\u{202f}340\u{a0}kr");
        // A change of more than a thousand per cent, grouped as the document groups.
        assert_eq!(
            document.change_percent(Decimal::new(123_456, 2)),
            "+1\u{202f}234,56\u{a0}%"
        );
    }

    #[test]
    fn fixed_decimals_percentages_and_differences() {
        let d = Decimal::new(12_424_241_069, 5);
        assert_eq!(fixed(d, 4, Lang::Sv), "124 242,4107");
        assert_eq!(fixed(d, 4, Lang::En), "124,242.4107");
        assert_eq!(fixed(Decimal::new(5150, 0), 0, Lang::Sv), "5 150");
        assert_eq!(percent(Decimal::new(388, 2), 2, Lang::Sv), "3,88 %");
        assert_eq!(signed(Amount::kr(23), Lang::Sv), "+23 kr");
        assert_eq!(signed(Amount::kr(-23), Lang::Sv), "-23 kr");
        assert_eq!(decimal(Decimal::new(53, 1), Lang::Sv), "5,3");
        assert_eq!(change(Amount::kr(5_340), Lang::Sv), "+5 340 kr");
        assert_eq!(change(Amount::kr(0), Lang::Sv), "0 kr");
        assert_eq!(change_percent(Decimal::new(-6, 2), Lang::Sv), "-0,06 %");
        assert_eq!(change_percent(Decimal::new(1250, 2), Lang::En), "+12.50 %");
        assert_eq!(change_percent(Decimal::ZERO, Lang::Sv), "0,00 %");
        let plain = Style::plain(Lang::Sv);
        assert_eq!(plain.change_number(Amount::kr(5_340)), "+5 340");
        assert_eq!(plain.change_number(Amount::kr(-7_877)), "-7 877");
        assert_eq!(plain.change_number(Amount::kr(0)), "0");
        assert_eq!(plain.signed_percent(Decimal::new(1, 2), 2), "+0,01 %");
        assert_eq!(signed(Amount::kr(0), Lang::Sv), "");
    }

    #[test]
    fn cells_and_toml() {
        assert_eq!(cell(Amount::kr(12_689_898), ','), "12689898");
        assert_eq!(cell(Amount::kr(-7_877), ','), "-7877");
        let ore = Amount(Decimal::new(123_450, 2));
        assert_eq!(cell(ore, ','), "1234,50");
        assert_eq!(cell(ore, '.'), "1234.50");
        assert_eq!(toml_amount(Amount::kr(12_697_775)), "12_697_775");
        assert_eq!(toml_amount(Amount::kr(-7_877)), "-7_877");
        let tenths = Amount(Decimal::new(5_181_838, 1));
        assert_eq!(cell(tenths, ','), "518183,8");
        assert_eq!(cell(tenths, '.'), "518183.8");
        assert_eq!(toml_amount(tenths), "\"518 183,8\"");
    }

    #[test]
    fn workbook_formats() {
        assert_eq!(excel_kronor(0), "#,##0 \"kr\"");
        assert_eq!(excel_kronor(1), "#,##0.0 \"kr\"");
        assert_eq!(excel_kronor(9), "#,##0.0000 \"kr\"");
    }

    #[test]
    fn amounts_show_the_decimals_they_carry() {
        let tenths = Amount(Decimal::new(5_181_838, 1));
        assert_eq!(amount(tenths, Lang::Sv), "518 183,8 kr");
        assert_eq!(amount(tenths, Lang::En), "518,183.8 kr");
        let whole_in_tenths = Amount::kr(5_757_598).with_decimals(1);
        assert_eq!(amount(whole_in_tenths, Lang::Sv), "5 757 598,0 kr");
        assert_eq!(
            document_amount(Amount(Decimal::new(-78_775, 1)), Lang::Sv),
            "\u{2212}7\u{202f}877,5\u{a0}kr"
        );
    }

    #[test]
    fn file_sizes() {
        assert_eq!(file_size(52_428_800, Lang::Sv), "50 MiB (52 428 800 byte)");
        assert_eq!(file_size(5_452_595, Lang::Sv), "5,2 MiB (5 452 595 byte)");
    }
}
