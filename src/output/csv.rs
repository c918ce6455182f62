//! CSV files: by default the dialect Swedish Excel opens with a double-click (semicolon,
//! UTF-8 with a byte-order mark, decimal comma); `rfc4180` for machines (comma, no mark,
//! decimal point). Amounts are plain numbers, never with thousands separators, so that
//! spreadsheets sum them. Text that a spreadsheet would run as a formula is neutralised.
//!
//! Codes (kommunkoder) keep their leading zero: Excel reads a bare `0114` as the number 114,
//! so in the Excel dialect a code that starts with `0` is written as the formula `="0114"`,
//! which Excel and LibreOffice show as the text `0114` (the codes of Jämtlands län, `23..`,
//! are written as they are). The machine dialect writes every code as it is.

use std::borrow::Cow;

use crate::core::money::Amount;
use crate::output::lang::Lang;
use crate::output::sheet::{Sheet, Value, Words};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// Swedish Excel: `;`, UTF-8 with BOM, decimal comma.
    Excel,
    /// RFC 4180: `,`, no BOM, decimal point.
    Rfc4180,
}

impl Dialect {
    /// The words of the dialect's headers and values: the machine dialect's are fixed, the
    /// Excel dialect's are in the language asked for.
    pub fn words(self, lang: Lang) -> Words {
        match self {
            Dialect::Excel => Words::from(lang),
            Dialect::Rfc4180 => Words::Machine,
        }
    }
}

/// The sheet as CSV bytes, header first, without the total row.
pub fn write(sheet: &Sheet, dialect: Dialect) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::new();
    if dialect == Dialect::Excel {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(if dialect == Dialect::Excel {
            b';'
        } else {
            b','
        })
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(sheet.headers.iter().map(|h| neutralise(h).into_owned()))?;
    let mut failed = None;
    sheet.each_row(|row| {
        if failed.is_some() {
            return;
        }
        let written = row
            .iter()
            .try_for_each(|value| writer.write_field(cell(value, dialect).as_bytes()))
            // No more fields: ends the record.
            .and_then(|()| writer.write_record(None::<&[u8]>));
        failed = written.err();
    });
    if let Some(error) = failed {
        return Err(error);
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

/// A cell's text; texts (most cells of a national plan's payments) are not copied.
fn cell(value: &Value, dialect: Dialect) -> Cow<'_, str> {
    match value {
        Value::Text(t) => neutralise(t),
        Value::Code(c) => Cow::Owned(code(c, dialect)),
        Value::Number(n) => Cow::Owned(n.to_string()),
        Value::Decimal(d) => {
            let plain = d.normalize().to_string();
            Cow::Owned(match dialect {
                Dialect::Excel => plain.replace('.', ","),
                Dialect::Rfc4180 => plain,
            })
        }
        Value::Amount(a) => Cow::Owned(plain_amount(*a, dialect)),
        Value::Empty => Cow::Borrowed(""),
    }
}

/// An amount as a spreadsheet reads it: `12689898`, or `1234,50` / `1234.50` with öre.
pub fn plain_amount(amount: Amount, dialect: Dialect) -> String {
    crate::output::number::cell(
        amount,
        match dialect {
            Dialect::Excel => ',',
            Dialect::Rfc4180 => '.',
        },
    )
}

/// A code as the dialect keeps it a code: `="0114"` for Excel when it has a leading zero.
pub fn code(code: &str, dialect: Dialect) -> String {
    let digits = !code.is_empty() && code.chars().all(|c| c.is_ascii_digit());
    if dialect == Dialect::Excel && digits && code.starts_with('0') {
        format!("=\"{code}\"")
    } else {
        neutralise(code).into_owned()
    }
}

/// Text that starts like a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading
/// apostrophe, so a spreadsheet shows it as text instead of running it (OWASP, CSV injection).
pub fn neutralise(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text_is_neutralised() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(neutralise("+46"), "'+46");
        assert_eq!(neutralise("- Digitala lösningar"), "'- Digitala lösningar");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("\rx"), "'\rx");
        assert_eq!(neutralise("Östersund"), "Östersund");
    }

    #[test]
    fn codes_with_a_leading_zero_stay_codes_in_excel() {
        assert_eq!(code("0114", Dialect::Excel), "=\"0114\"");
        assert_eq!(code("0114", Dialect::Rfc4180), "0114");
        assert_eq!(code("2380", Dialect::Excel), "2380");
        assert_eq!(code("=1+1", Dialect::Excel), "'=1+1");
        let sheet = Sheet::new(
            "t",
            vec!["Kommunkod".into(), "Kommun".into()],
            vec![vec![
                Value::Code("0114".into()),
                Value::Text("Upplands Väsby".into()),
            ]],
            Vec::new(),
        );
        let bytes = write(&sheet, Dialect::Excel).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        // Quoted by the CSV writer; Excel unquotes it to `="0114"` and shows `0114`.
        assert!(
            text.ends_with("\"=\"\"0114\"\"\";Upplands Väsby\r\n"),
            "{text}"
        );
    }

    #[test]
    fn amounts_are_plain_numbers_with_the_dialects_decimal_mark() {
        assert_eq!(
            plain_amount(Amount::kr(12_689_898), Dialect::Excel),
            "12689898"
        );
        assert_eq!(plain_amount(Amount::kr(-7_877), Dialect::Excel), "-7877");
        let ore = Amount(rust_decimal::Decimal::new(123_450, 2));
        assert_eq!(plain_amount(ore, Dialect::Excel), "1234,50");
        assert_eq!(plain_amount(ore, Dialect::Rfc4180), "1234.50");
    }
}
