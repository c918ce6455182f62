//! XLSX workbooks: one worksheet per view, numbers as numbers in a kronor format, the header
//! row frozen, column widths fitted, a bold total row.
//!
//! XLSX stores every number as an IEEE double, so amounts are converted at this boundary only;
//! whole kronor convert exactly (up to 9 007 199 254 740 992 kr). Text cells are written as
//! strings, which a spreadsheet never runs as formulas.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::core::money::Amount;
use crate::output::sheet::{Sheet, Value};

/// Widest a text column is fitted to, in pixels (about 60 characters); longer text is cut
/// off visually but kept whole in the cell.
const MAX_COLUMN_PIXELS: u32 = 420;

pub fn write(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold();
    let kronor = Format::new().set_num_format("#,##0 \"kr\"");
    let total_label = Format::new().set_bold();
    let total_kronor = Format::new().set_bold().set_num_format("#,##0 \"kr\"");
    for sheet in sheets {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(sheet.name)?;
        for (col, title) in (0u16..).zip(&sheet.headers) {
            worksheet.write_string_with_format(0, col, title, &header)?;
        }
        let mut row = 1u32;
        for cells in &sheet.rows {
            for (col, value) in (0u16..).zip(cells) {
                write_value(worksheet, row, col, value, &kronor)?;
            }
            row += 1;
        }
        for (col, value) in (0u16..).zip(&sheet.total) {
            match value {
                Value::Text(t) => {
                    worksheet.write_string_with_format(row, col, t, &total_label)?;
                }
                other => write_value(worksheet, row, col, other, &total_kronor)?,
            }
        }
        worksheet.set_freeze_panes(1, 0)?;
        worksheet.set_autofit_max_width(MAX_COLUMN_PIXELS);
        worksheet.autofit();
    }
    workbook.save_to_buffer()
}

fn write_value(
    worksheet: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    col: u16,
    value: &Value,
    kronor: &Format,
) -> Result<(), XlsxError> {
    match value {
        Value::Text(t) => {
            worksheet.write_string(row, col, t)?;
        }
        Value::Number(n) => {
            worksheet.write_number(row, col, *n)?;
        }
        Value::Amount(a) => {
            worksheet.write_number_with_format(row, col, as_double(*a), kronor)?;
        }
        Value::Empty => {}
    }
    Ok(())
}

/// The amount as the double XLSX stores.
fn as_double(amount: Amount) -> f64 {
    f64::try_from(amount.0).unwrap_or(f64::NAN)
}
