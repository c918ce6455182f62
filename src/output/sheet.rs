//! Sheets: the report views as flat tables of typed cells, the shape that CSV and XLSX share.
//!
//! Rows never count money twice, so a spreadsheet user can sum any amount column: the
//! per-actor sheet lists what each actor or kommun receives itself (with the group it belongs
//! to), the per-heading sheet lists insatser under their headings. The total row is kept
//! apart; XLSX writes it, CSV leaves it out so that summing a column stays right.

use crate::core::money::Amount;
use crate::core::plan::Payment;
use crate::core::report::{
    self, PaymentRow, Payments, PerActor, PerArea, PerHeading, PerKommun, Projection,
    RecipientKind, View,
};
use crate::output::lang::Lang;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(u32),
    Amount(Amount),
    Empty,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// File stem and worksheet name (`betalningar`).
    pub name: &'static str,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    /// The total row: a label and the amount columns' sums.
    pub total: Vec<Value>,
}

pub fn build(view: View, projection: &Projection, lang: Lang) -> Sheet {
    match view {
        View::Payments => payments(&report::payment_rows(projection), lang),
        View::PerKommun => per_kommun(&report::per_kommun(projection), lang),
        View::PerActor => per_actor(&report::per_actor(projection), lang),
        View::PerHeading => per_heading(&report::per_heading(projection), lang),
        View::Invoices => invoices(&report::payments(projection), lang),
        View::PerArea => per_area(&report::per_area(projection), lang),
    }
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

/// A total row: the label in the first column, the sum in `column`, empty elsewhere.
fn total_row(width: usize, lang: Lang, column: usize, amount: Amount) -> Vec<Value> {
    (0..width)
        .map(|i| match i {
            0 => text(lang.pick("Totalt", "Total")),
            i if i == column => Value::Amount(amount),
            _ => Value::Empty,
        })
        .collect()
}

/// The money an actor with units under it receives itself: "Region … (egna medel)".
pub fn own_funds(name: &str, lang: Lang) -> String {
    format!("{name} ({})", lang.pick("egna medel", "own funds"))
}

pub fn payment_word(payment: Payment, lang: Lang) -> &'static str {
    match payment {
        Payment::Invoice => lang.pick("faktura", "invoice"),
        Payment::Internal => lang.pick("intern överföring", "internal transfer"),
        Payment::Held => lang.pick("hålls av regionen", "held by the region"),
    }
}

pub fn kind_word(kind: RecipientKind, lang: Lang) -> &'static str {
    match kind {
        RecipientKind::Region => "region",
        RecipientKind::RegionUnit => lang.pick("regionens enhet", "region unit"),
        RecipientKind::Kommunforbund => "kommunförbund",
        RecipientKind::Kommun => "kommun",
        RecipientKind::External => lang.pick("extern part", "external party"),
    }
}

fn payments(rows: &[PaymentRow], lang: Lang) -> Sheet {
    let headers = match lang {
        Lang::Sv => headers(&[
            "Mottagare",
            "Mottagartyp",
            "Kommunkod",
            "Område",
            "Insats",
            "Beskrivning",
            "Belopp",
            "Betalning",
            "Referenskod",
            "Beslut",
        ]),
        Lang::En => headers(&[
            "Recipient",
            "Recipient kind",
            "Kommunkod",
            "Area",
            "Insats",
            "Description",
            "Amount",
            "Payment",
            "Reference code",
            "Decision",
        ]),
    };
    let total: Amount = rows.iter().map(|r| r.amount).sum();
    Sheet {
        name: "betalningar",
        total: total_row(headers.len(), lang, 6, total),
        headers,
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    text(&r.recipient),
                    text(kind_word(r.recipient_kind, lang)),
                    r.kommunkod.as_ref().map_or(Value::Empty, text),
                    Value::Number(r.area),
                    text(&r.insats),
                    text(&r.text),
                    Value::Amount(r.amount),
                    text(payment_word(r.payment, lang)),
                    r.reference.as_ref().map_or(Value::Empty, text),
                    text(&r.decision),
                ]
            })
            .collect(),
    }
}

fn per_kommun(report: &PerKommun, lang: Lang) -> Sheet {
    let mut headers = vec![
        lang.pick("Kommunkod", "Kommunkod").to_string(),
        "Kommun".to_string(),
    ];
    headers.extend(report.columns.iter().map(|c| c.insats.clone()));
    headers.push(lang.pick("Totalt", "Total").to_string());
    let mut total = vec![text(lang.pick("Totalt", "Total")), Value::Empty];
    total.extend(report.column_totals.iter().map(|a| Value::Amount(*a)));
    total.push(Value::Amount(report.total));
    Sheet {
        name: "per-kommun",
        headers,
        rows: report
            .rows
            .iter()
            .map(|r| {
                let mut row = vec![text(&r.code), text(&r.name)];
                row.extend(r.amounts.iter().map(|a| Value::Amount(*a)));
                row.push(Value::Amount(r.total));
                row
            })
            .collect(),
        total,
    }
}

fn per_actor(report: &PerActor, lang: Lang) -> Sheet {
    let mut headers = vec![
        lang.pick("Mottagare", "Recipient").to_string(),
        lang.pick("Ingår i", "Part of").to_string(),
    ];
    headers.extend(
        report
            .areas
            .iter()
            .map(|a| format!("{} {a}", lang.pick("Område", "Area"))),
    );
    headers.push(lang.pick("Totalt", "Total").to_string());
    let mut total = vec![text(lang.pick("Totalt", "Total")), Value::Empty];
    total.extend(report.area_totals.iter().map(|a| Value::Amount(*a)));
    total.push(Value::Amount(report.total));
    Sheet {
        name: "per-aktor",
        headers,
        // What each actor or kommun receives itself, so that the rows sum to the total: a
        // group's own money is named as on the screen, "X (egna medel)".
        rows: report
            .rows
            .iter()
            .filter(|r| !r.own_total.0.is_zero())
            .map(|r| {
                let (name, group) = if r.has_children {
                    (
                        own_funds(&r.name, lang),
                        Some(r.group.as_ref().unwrap_or(&r.name)),
                    )
                } else {
                    (r.name.clone(), r.group.as_ref())
                };
                let mut row = vec![text(name), group.map_or(Value::Empty, text)];
                row.extend(r.own_per_area.iter().map(|a| Value::Amount(*a)));
                row.push(Value::Amount(r.own_total));
                row
            })
            .collect(),
        total,
    }
}

fn per_heading(report: &PerHeading, lang: Lang) -> Sheet {
    let headers = match lang {
        Lang::Sv => headers(&[
            "Rubrik",
            "Underrubrik",
            "Insats",
            "Område",
            "Beskrivning",
            "Belopp",
        ]),
        Lang::En => headers(&[
            "Heading",
            "Sub-heading",
            "Insats",
            "Area",
            "Description",
            "Amount",
        ]),
    };
    let mut rows = Vec::new();
    let mut top = String::new();
    for heading in &report.headings {
        if heading.depth == 0 {
            top = heading.title.clone();
        }
        let sub = if heading.depth == 0 {
            Value::Empty
        } else {
            text(&heading.title)
        };
        for item in &heading.items {
            rows.push(vec![
                text(&top),
                sub.clone(),
                text(&item.insats),
                Value::Number(item.area),
                text(&item.text),
                Value::Amount(item.amount),
            ]);
        }
    }
    Sheet {
        name: "per-rubrik",
        total: total_row(headers.len(), lang, 5, report.total),
        headers,
        rows,
    }
}

fn invoices(report: &Payments, lang: Lang) -> Sheet {
    let headers = match lang {
        Lang::Sv => headers(&[
            "Fakturerande",
            "Kommunkod",
            "Fakturamottagare",
            "Referenskod",
            "Beslut",
            "Område",
            "Insats",
            "Beskrivning",
            "Belopp",
        ]),
        Lang::En => headers(&[
            "Invoicing party",
            "Kommunkod",
            "Invoiced party",
            "Reference code",
            "Decision",
            "Area",
            "Insats",
            "Description",
            "Amount",
        ]),
    };
    let mut rows = Vec::new();
    for invoice in &report.invoices {
        for line in &invoice.lines {
            rows.push(vec![
                text(&invoice.recipient),
                invoice.kommunkod.as_ref().map_or(Value::Empty, text),
                text(&report.region),
                report.reference.as_ref().map_or(Value::Empty, text),
                text(&report.decision),
                Value::Number(line.area),
                text(&line.insats),
                text(&line.text),
                Value::Amount(line.amount),
            ]);
        }
    }
    Sheet {
        name: "fakturor",
        total: total_row(headers.len(), lang, 8, report.invoiced),
        headers,
        rows,
    }
}

fn per_area(report: &PerArea, lang: Lang) -> Sheet {
    let headers = match lang {
        Lang::Sv => headers(&[
            "Område",
            "Områdets namn",
            "Insats",
            "Beskrivning",
            "Fokusområden",
            "Ansvarig",
            "Belopp",
        ]),
        Lang::En => headers(&[
            "Area",
            "Area title",
            "Insats",
            "Description",
            "Focus areas",
            "Responsible",
            "Amount",
        ]),
    };
    let mut rows = Vec::new();
    for area in &report.areas {
        for row in &area.rows {
            let focus = row.focus_list(", ");
            rows.push(vec![
                Value::Number(area.number),
                text(&area.title),
                text(&row.insats),
                text(&row.text),
                text(focus),
                text(&row.responsible),
                Value::Amount(row.amount),
            ]);
        }
    }
    Sheet {
        name: "per-omrade",
        total: total_row(headers.len(), lang, 6, report.total),
        headers,
        rows,
    }
}
