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
use std::fmt::Write as _;
use std::io::Write;

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
    written(sheet, dialect, &mut out)?;
    Ok(out)
}

/// [`write`] into `out` as the rows are made: a national plan's payments are millions of
/// rows, written straight into their file.
pub fn write_to(sheet: &Sheet, dialect: Dialect, out: impl Write) -> std::io::Result<()> {
    written(sheet, dialect, out).map_err(|e| {
        let message = e.to_string();
        match e.into_kind() {
            // The operating system's own error, so that a full disk or a file-size limit is
            // told as such.
            csv::ErrorKind::Io(e) => e,
            _ => std::io::Error::other(message),
        }
    })
}

fn written(sheet: &Sheet, dialect: Dialect, mut out: impl Write) -> Result<(), csv::Error> {
    if dialect == Dialect::Excel {
        out.write_all("\u{feff}".as_bytes())?;
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
    let mut scratch = String::new();
    sheet.each_row(|row| {
        if failed.is_some() {
            return;
        }
        let written = row
            .iter()
            .try_for_each(|value| writer.write_field(cell(value, dialect, &mut scratch)))
            // No more fields: ends the record.
            .and_then(|()| writer.write_record(None::<&[u8]>));
        failed = written.err();
    });
    if let Some(error) = failed {
        return Err(error);
    }
    writer.flush()?;
    Ok(())
}

/// A cell's text, made in `scratch` when it is not the value's own text as it is (cells are
/// millions in a national plan's payments: none of them allocates).
fn cell<'a>(value: &'a Value, dialect: Dialect, scratch: &'a mut String) -> &'a str {
    scratch.clear();
    let own = |text: Cow<'a, str>, scratch: &'a mut String| match text {
        Cow::Borrowed(text) => text,
        Cow::Owned(text) => {
            *scratch = text;
            scratch.as_str()
        }
    };
    match value {
        Value::Text(t) => own(neutralise(t), scratch),
        Value::Code(c) => own(code(c, dialect), scratch),
        Value::Number(n) => {
            crate::output::number::push_digits(scratch, u64::from(*n));
            scratch
        }
        Value::Decimal(d) => {
            let _ = write!(scratch, "{}", d.normalize());
            if dialect == Dialect::Excel {
                *scratch = scratch.replace('.', ",");
            }
            scratch
        }
        Value::Amount(a) => {
            crate::output::number::push_cell(scratch, *a, decimal_mark(dialect));
            scratch
        }
        Value::Empty => "",
    }
}

fn decimal_mark(dialect: Dialect) -> char {
    match dialect {
        Dialect::Excel => ',',
        Dialect::Rfc4180 => '.',
    }
}

/// An amount as a spreadsheet reads it: `12689898`, or `1234,50` / `1234.50` with öre.
pub fn plain_amount(amount: Amount, dialect: Dialect) -> String {
    crate::output::number::cell(amount, decimal_mark(dialect))
}

/// A code as the dialect keeps it a code: `="0114"` for Excel when it has a leading zero.
pub fn code(code: &str, dialect: Dialect) -> Cow<'_, str> {
    let digits = !code.is_empty() && code.chars().all(|c| c.is_ascii_digit());
    if dialect == Dialect::Excel && digits && code.starts_with('0') {
        Cow::Owned(format!("=\"{code}\""))
    } else {
        neutralise(code)
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
