//! The follow-up forms as files: CSV for Swedish Excel (semicolon, UTF-8 with a byte-order
//! mark, decimal comma) or an XLSX workbook, one per recipient.
//!
//! A form is a few header rows (a label and its value: the recipient, its kommunkod, the
//! decision, the deadline, where to send it, whether the collective invoice is sent) above a
//! table with one row per insats the recipient received money from, with empty columns for
//! the amount used and a comment. `input::usage` reads it back by the same labels, in Swedish
//! or English. In the workbook only the cells to fill in are unlocked and the sheet is
//! protected (without a password), so the amounts received are not changed by mistake.

use rust_xlsxwriter::{Format, Formula, Workbook};

use crate::core::followup::form::Form;
use crate::core::plan::Date;
use crate::core::report::RecipientKind;
use crate::output::csv::{neutralise, plain_amount};
use crate::output::file_name::{slug, unique_names};
use crate::output::lang::Lang;
use crate::output::text::visible;
use crate::output::xlsx::{DATE_FORMAT, XlsxFailure, as_double, excel_date, fitting};

/// The forms' names in the folder, in their order: `redovisning-2026-kfjh.csv`,
/// `redovisning-2026-2326-berg.xlsx`; never two alike, and a kommun's always named for it.
pub fn file_names(forms: &[Form], extension: &str) -> Vec<String> {
    let stems = forms
        .iter()
        .map(|form| {
            let who = match (&form.kommunkod, &form.actor_id) {
                (Some(code), _) => slug(&format!("{code}-{}", form.recipient), "mottagare"),
                (None, Some(id)) => slug(id, "mottagare"),
                (None, None) => slug(&form.recipient, "mottagare"),
            };
            (
                format!("redovisning-{}-{who}", form.year),
                form.kind == RecipientKind::Kommun,
            )
        })
        .collect();
    unique_names(stems)
        .into_iter()
        .map(|stem| format!("{stem}.{extension}"))
        .collect()
}

/// The form's labels and words.
struct Words {
    title: &'static str,
    recipient: &'static str,
    kommunkod: &'static str,
    decision: &'static str,
    reference: &'static str,
    deadline: &'static str,
    invoice_by: &'static str,
    send_to: &'static str,
    invoiced: &'static str,
    instructions: &'static str,
    columns: [&'static str; 6],
    total: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Sv => Words {
            title: "Redovisning av användningen av länsgemensamma medel",
            recipient: "Mottagare",
            kommunkod: "Kommunkod",
            decision: "Beslut",
            reference: "Referenskod",
            deadline: "Redovisas senast",
            invoice_by: "Faktureras senast",
            send_to: "Skickas till",
            invoiced: "Samlingsfaktura skickad (ja/nej)",
            instructions: "Fyll i hur mycket av varje rad som har använts, i kronor, och en kommentar vid behov. Ändra inte Insats, Beskrivning eller Mottaget.",
            columns: [
                "Område",
                "Insats",
                "Beskrivning",
                "Mottaget (kr)",
                "Använt (kr)",
                "Kommentar",
            ],
            total: "Totalt",
        },
        Lang::En => Words {
            title: "Report on the use of the county's joint funds",
            recipient: "Recipient",
            kommunkod: "Kommunkod",
            decision: "Decision",
            reference: "Reference code",
            deadline: "Report by",
            invoice_by: "Invoice by",
            send_to: "Send to",
            invoiced: "Collective invoice sent (yes/no)",
            instructions: "Fill in how much of each row was used, in kronor, and a comment where needed. Do not change Insats, Description or Received.",
            columns: [
                "Area",
                "Insats",
                "Description",
                "Received (kr)",
                "Used (kr)",
                "Comment",
            ],
            total: "Total",
        },
    }
}

/// A text of the plan as a form shows it, as every document does (`visible`): a control
/// character, a bidirectional override or a character that takes no room by its Unicode name
/// (`<U+202E>`), so that none reorders or hides what a spreadsheet shows; a line break as a
/// space. The form read back matches its recipient, insats and county as shown
/// (`core::followup`).
fn shown(text: &str) -> String {
    visible(text).into_owned()
}

/// A header row's value: a text, or a deadline (a date cell in the workbook, as every
/// export's dates are; `YYYY-MM-DD` in CSV).
enum HeaderValue {
    Text(String),
    Date(Date),
}

impl HeaderValue {
    fn text(&self) -> String {
        match self {
            HeaderValue::Text(text) => text.clone(),
            HeaderValue::Date(date) => date.to_string(),
        }
    }
}

/// The header rows: label and value. The last, when the recipient invoices, asks whether its
/// collective invoice was sent: by the plan's `invoice_by` when it has one, since an invoice
/// sent later was not sent in time.
fn header_rows(form: &Form, lang: Lang) -> Vec<(String, HeaderValue)> {
    let w = words(lang);
    let text = |text: String| HeaderValue::Text(text);
    let mut rows = vec![
        (
            w.title,
            text(format!("{} {}", shown(&form.county), form.year)),
        ),
        (w.recipient, text(shown(&form.recipient))),
    ];
    if let Some(code) = &form.kommunkod {
        rows.push((w.kommunkod, text(shown(code))));
    }
    rows.push((w.decision, text(shown(&form.decision))));
    if let Some(reference) = &form.reference {
        rows.push((w.reference, text(shown(reference))));
    }
    if let Some(date) = form.invoice_by {
        rows.push((w.invoice_by, HeaderValue::Date(date)));
    }
    if let Some(deadline) = form.deadline {
        rows.push((w.deadline, HeaderValue::Date(deadline)));
    }
    if !form.report_to.is_empty() {
        rows.push((
            w.send_to,
            text(shown(&crate::output::words::listed(&form.report_to, lang))),
        ));
    }
    let mut rows: Vec<(String, HeaderValue)> = (rows.into_iter())
        .map(|(label, value)| (label.to_string(), value))
        .collect();
    if form.invoices {
        let label = match &form.invoice_by {
            Some(date) => crate::say!(
                lang,
                "Samlingsfaktura skickad senast {date} (ja/nej)",
                "Collective invoice sent by {date} (yes/no)"
            ),
            None => w.invoiced.to_string(),
        };
        rows.push((label, HeaderValue::Text(String::new())));
    }
    rows
}

/// The form as CSV for Swedish Excel: semicolons, UTF-8 with a byte-order mark, CRLF.
pub fn csv(form: &Form, lang: Lang) -> Result<Vec<u8>, csv::Error> {
    let dialect = crate::output::csv::Dialect::Excel;
    let mut writer = crate::output::csv::records(dialect, Vec::new());
    let w = words(lang);
    for (label, value) in header_rows(form, lang) {
        let value = value.text();
        writer.write_record([neutralise(&label).as_bytes(), neutralise(&value).as_bytes()])?;
    }
    writer.write_record(["", &neutralise(w.instructions)])?;
    writer.write_record(["", "", "", "", "", ""])?;
    writer.write_record(w.columns)?;
    for line in &form.lines {
        writer.write_record([
            line.area.to_string(),
            neutralise(&shown(&line.insats)).into_owned(),
            neutralise(&shown(&line.text)).into_owned(),
            plain_amount(line.received, dialect),
            String::new(),
            String::new(),
        ])?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

/// The decimals of the amounts used that a form shows: öre.
const ORE: u32 = 2;

/// The form as a workbook with one protected sheet in which only the cells to fill in are
/// unlocked, and a total row that sums what is filled in.
pub fn xlsx(form: &Form, lang: Lang) -> Result<Vec<u8>, XlsxFailure> {
    let w = words(lang);
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    // What was received in the plan's decimals: whole kronor, or tenths in a plan counted in
    // tenths. What is filled in with öre, which are read: a cell shown in whole kronor would
    // hide them, and a spreadsheet saving the form as CSV writes what it shows (60 000,40 as
    // 60000).
    let kronor_format = crate::output::number::excel_kronor(form.total.decimals());
    let used_format = crate::output::number::excel_kronor(form.total.decimals().max(ORE));
    let kronor = Format::new().set_num_format(&kronor_format);
    let input = Format::new()
        .set_unlocked()
        .set_num_format(&used_format)
        .set_background_color("#FFF2CC");
    let input_text = Format::new()
        .set_unlocked()
        .set_text_wrap()
        .set_background_color("#FFF2CC");
    let total_kronor = Format::new().set_bold().set_num_format(&kronor_format);
    let total_used = Format::new().set_bold().set_num_format(&used_format);
    let day_format = Format::new()
        .set_num_format(DATE_FORMAT)
        .set_align(rust_xlsxwriter::FormatAlign::Left);
    let sheet = workbook.add_worksheet();
    let name = lang.pick("Redovisning", "Report");
    sheet.set_name(name)?;
    let mut row = 0u32;
    let header = header_rows(form, lang);
    let answer = form.invoices.then(|| header.len() - 1);
    for (i, (label, value)) in header.iter().enumerate() {
        sheet.write_string_with_format(row, 0, label, &bold)?;
        match value {
            _ if answer == Some(i) => {
                sheet.write_blank(row, 1, &input_text)?;
            }
            HeaderValue::Date(date) => {
                // A day before 1900, which Excel has no date for, as its text.
                match excel_date(*date) {
                    Some(day) => sheet.write_datetime_with_format(row, 1, &day, &day_format)?,
                    None => sheet.write_string(row, 1, date.to_string())?,
                };
            }
            HeaderValue::Text(value) => {
                sheet.write_string(row, 1, fitting(value, (name, row + 1, label))?)?;
            }
        }
        row += 1;
    }
    sheet.write_string(row, 1, w.instructions)?;
    row += 2;
    for (col, title) in (0u16..).zip(w.columns) {
        sheet.write_string_with_format(row, col, title, &bold)?;
    }
    let header = row;
    row += 1;
    let first = row;
    for line in &form.lines {
        sheet.write_number(row, 0, line.area)?;
        let [_, insats, text, ..] = w.columns;
        let (id, description) = (shown(&line.insats), shown(&line.text));
        sheet.write_string(row, 1, fitting(&id, (name, row + 1, insats))?)?;
        sheet.write_string_with_format(
            row,
            2,
            fitting(&description, (name, row + 1, text))?,
            &wrap,
        )?;
        sheet.write_number_with_format(row, 3, as_double(line.received)?, &kronor)?;
        sheet.write_blank(row, 4, &input)?;
        sheet.write_blank(row, 5, &input_text)?;
        row += 1;
    }
    sheet.write_string_with_format(row, 0, w.total, &bold)?;
    let sum = |column: &str| format!("=SUM({column}{}:{column}{})", first + 1, row);
    sheet.write_formula_with_format(
        row,
        3,
        Formula::new(sum("D")).set_result(crate::output::number::cell(form.total, '.')),
        &total_kronor,
    )?;
    sheet.write_formula_with_format(row, 4, Formula::new(sum("E")).set_result("0"), &total_used)?;
    sheet.set_column_width(0, 16)?;
    sheet.set_column_width(1, 10)?;
    sheet.set_column_width(2, 60)?;
    sheet.set_column_width(3, 15)?;
    sheet.set_column_width(4, 15)?;
    sheet.set_column_width(5, 40)?;
    sheet.set_freeze_panes(header + 1, 0)?;
    sheet.protect();
    Ok(workbook.save_to_buffer()?)
}
