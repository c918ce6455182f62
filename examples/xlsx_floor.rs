//! The workbook floor for the benchmarks (BENCHMARKS.md): writes a workbook of as many cells
//! as an export has, with the same `rust_xlsxwriter` settings `allocate` uses (constant-memory
//! worksheets written side by side, the fastest zip level), and nothing else: rows of eight
//! cells shaped like the payments sheet (six texts, two numbers), in parts of Excel's
//! 1 048 576 rows, each part's worksheet written on a thread of its own.
//!
//! `cargo run --release --example xlsx_floor -- CELLS OUT.xlsx`

use std::process::ExitCode;

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

const COLUMNS: u16 = 8;
const ROWS_PER_SHEET: u32 = 1_048_575;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(cells), Some(out)) = (
        args.first().and_then(|c| c.parse::<u64>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: xlsx_floor CELLS OUT.xlsx");
        return ExitCode::from(2);
    };
    match write(cells, out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

fn write(cells: u64, out: &str) -> Result<(), XlsxError> {
    let rows = cells / u64::from(COLUMNS);
    let mut workbook = Workbook::new();
    workbook.set_zip_compression_level(1);
    for _ in 0..rows.div_ceil(u64::from(ROWS_PER_SHEET)) {
        workbook.add_worksheet_with_constant_memory()?;
    }
    std::thread::scope(|scope| {
        let parts: Vec<_> = (workbook.worksheets_mut().iter_mut().enumerate())
            .map(|(part, worksheet)| {
                let first = part as u64 * u64::from(ROWS_PER_SHEET);
                let count = (rows - first).min(u64::from(ROWS_PER_SHEET));
                scope.spawn(move || fill(worksheet, first, count))
            })
            .collect();
        parts.into_iter().try_for_each(|part| {
            part.join()
                .unwrap_or(Err(XlsxError::ParameterError("a thread panicked".into())))
        })
    })?;
    workbook.save(out)
}

/// `count` rows into `worksheet`, the first being row `first` of the whole table.
fn fill(worksheet: &mut Worksheet, first: u64, count: u64) -> Result<(), XlsxError> {
    let names: Vec<String> = (0..290).map(|k| format!("Kommun {k}")).collect();
    for (row, written) in (0u32..).zip(first..first + count) {
        let name = names
            .get((written % 290) as usize)
            .map_or("", String::as_str);
        worksheet.write_string(row, 0, name)?;
        worksheet.write_string(row, 1, "kommun")?;
        worksheet.write_string(row, 2, "2380")?;
        worksheet.write_number(row, 3, (written % 3 + 1) as f64)?;
        worksheet.write_string(row, 4, format!("{}.{}", written % 3 + 1, written / 290))?;
        worksheet.write_number(row, 5, (written * 7919 % 1_000_000) as f64)?;
        worksheet.write_string(row, 6, "faktura")?;
        worksheet.write_string(row, 7, "400105")?;
    }
    Ok(())
}
