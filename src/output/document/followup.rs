//! The follow-up's year-end summary as a document (`follow-up USAGE... --format html|docx|md`):
//! per recipient, area and insats what was received, used, left unused and not reported, and
//! what the region repays to Kammarkollegiet and from where. Built from the same `Summary` as
//! the terminal tables and the files, so the figures cannot disagree.

use crate::core::followup::summary::{Part, Repayment, Summary, Use};
use crate::core::money::Amount;
use crate::input::plan::Source;
use crate::output::document::{
    Block, Column, Document, Figure, Mark, Row, RowKind, Span, StatusKind, StatusNote, Table,
    total_label,
};
use crate::output::followup::{
    any_reallocated, comments_follow, figure_decimals, repayment_decimals, totals_decimals, value,
};
use crate::output::lang::Lang;
use crate::output::number;
use crate::output::sheet::Words;
use crate::output::words::followup::{self as words, FigureColumn};
use crate::say;

fn money(amount: Amount, lang: Lang) -> String {
    number::document_amount(amount, lang)
}

fn figure(amount: Amount, lang: Lang) -> Vec<Span> {
    vec![Span::Figure(Figure {
        text: money(amount, lang),
        mark: Mark::None,
    })]
}

/// A sum that the document checks against what it covers: ✓ when they agree.
fn checked(amount: Amount, holds: bool, lang: Lang) -> Span {
    Span::Figure(Figure {
        text: money(amount, lang),
        mark: if holds { Mark::Verified } else { Mark::None },
    })
}

fn heading(text: &str, id: &str) -> Block {
    Block::Heading {
        level: 2,
        text: vec![Span::text(text)],
        id: id.to_string(),
        new_page: false,
    }
}

/// The summary (the parts asked for) as a document.
pub fn build(summary: &Summary, parts: &[Part], source: &Source, lang: Lang) -> Document {
    let county = &summary.county;
    let year = summary.year;
    let t = &summary.totals;
    let mut meta = vec![(
        lang.pick("Länets medel", "The county's funds").to_string(),
        figure(summary.county_total, lang),
    )];
    if let Some(d) = summary.use_reported {
        meta.push((
            lang.pick("Redovisas senast", "To be reported by")
                .to_string(),
            vec![Span::text(number::date(d, lang))],
        ));
    }
    if let Some(d) = summary.repayment.by {
        meta.push((
            lang.pick("Återbetalas senast", "To be repaid by")
                .to_string(),
            vec![Span::text(number::date(d, lang))],
        ));
    }
    let done = crate::output::number::count(summary.lines_reported as u64, lang);
    let all = crate::output::words::followup::rows(summary.line_count, lang);
    let never = words::not_invoiced_rows(summary.lines_not_invoiced, lang);
    meta.push((
        lang.pick("Redovisat", "Reported").to_string(),
        vec![Span::text(say!(
            lang,
            "{done} av {all}{never}",
            "{done} of {all}{never}"
        ))],
    ));
    if let Some(d) = summary.date {
        meta.push((
            lang.pick("Sammanställt", "Compiled").to_string(),
            vec![Span::text(number::date(d, lang))],
        ));
    }

    let status = if summary.complete && summary.lines_not_invoiced > 0 {
        StatusNote {
            kind: StatusKind::Verified,
            text: vec![Span::text(lang.pick(
                "Varje rad i planen är redovisad eller ej fakturerad i tid och kontrollerad mot planen (allocate follow-up).",
                "Every line of the plan is reported or was not invoiced in time, and checked against the plan (allocate follow-up).",
            ))],
        }
    } else if summary.complete {
        StatusNote {
            kind: StatusKind::Verified,
            text: vec![Span::text(lang.pick(
                "Alla rader i planen är redovisade och kontrollerade mot planen (allocate follow-up).",
                "Every line of the plan is reported and checked against the plan (allocate follow-up).",
            ))],
        }
    } else {
        let left = money(t.unreported, lang);
        // The verb agrees with the lines there are: "0 av 1 rad är redovisad".
        let reported = match summary.line_count {
            1 => lang.pick("är redovisad", "is reported"),
            _ => lang.pick("är redovisade", "are reported"),
        };
        StatusNote {
            kind: StatusKind::Warnings,
            text: vec![Span::text(say!(
                lang,
                "Preliminär: {done} av {all} {reported}{never}; {left} är inte redovisat ännu, så återbetalningen kan bli större.",
                "Preliminary: {done} of {all} {reported}{never}; {left} is not reported yet, so the repayment may grow."
            ))],
        }
    };

    let mut blocks = Vec::new();
    for part in parts {
        match part {
            Part::Recipients => recipients(summary, lang, &mut blocks),
            Part::Areas => areas(summary, lang, &mut blocks),
            Part::Insatser => insatser(summary, lang, &mut blocks),
            // No moves between lines: nothing to show, unless it is all that was asked for.
            Part::Reallocations if !any_reallocated(summary) && parts.len() > 1 => {}
            Part::Reallocations => reallocations(summary, lang, &mut blocks),
            Part::Repayment => repayment(summary, lang, &mut blocks),
            Part::Lines => lines(summary, lang, &mut blocks),
        }
    }
    if comments_follow(parts) {
        comments(summary, lang, &mut blocks);
    }
    blocks.push(heading(
        lang.pick("Avstämning", "Reconciliation"),
        "reconciliation",
    ));
    blocks.push(Block::Paragraph(reconciliation(summary, lang)));

    let version = env!("CARGO_PKG_VERSION");
    let path = source.file_name();
    Document {
        lang,
        kicker: say!(
            lang,
            "Uppföljning · {county} {year}",
            "Follow-up · {county} {year}"
        ),
        title: lang
            .pick(
                "Uppföljning av användningen av länsgemensamma medel",
                "Follow-up of the use of the joint county funds",
            )
            .to_string(),
        subtitle: Some(vec![Span::text(say!(
            lang,
            "{county} {year}",
            "{county} {year}"
        ))]),
        meta,
        status: Some(status),
        blocks,
        footer: say!(
            lang,
            "Skapat med allocate {version} ur {path} och mottagarnas redovisningar. ✓ betyder att summan är kontrollerad mot posterna under den.",
            "Made with allocate {version} from {path} and the recipients' reports. ✓ means that the sum was checked against the amounts under it."
        ),
        // The summary is of the day it is made: the day given (`--date`), or none, so that a
        // document written twice on different days does not differ (the clock is never read).
        date: summary.date,
    }
}

/// Figure columns: `first` (received or allocated), what was moved to the row when anything
/// was moved between lines and `reallocated` (not per recipient: a recipient's moves stay
/// among its own lines), used, unused, and not reported when any line is.
fn figure_columns(summary: &Summary, first: FigureColumn, reallocated: bool) -> Vec<FigureColumn> {
    words::figure_columns(
        first,
        reallocated && any_reallocated(summary),
        !summary.complete,
        summary.any_not_invoiced(),
    )
}

fn figure_headers(columns: &[FigureColumn], lang: Lang) -> Vec<Column> {
    (columns.iter())
        .map(|&c| Column::amount(words::figure_header(c, Words::from(lang))))
        .collect()
}

/// A row's figures, each column's with its decimals ([`figure_decimals`]).
fn figure_cells(
    columns: &[FigureColumn],
    figures: &Use,
    decimals: &[u32],
    lang: Lang,
) -> Vec<Vec<Span>> {
    (columns.iter().zip(decimals))
        .map(|(&c, &d)| figure(value(c, figures).with_decimals(d), lang))
        .collect()
}

/// The total row: received checked against the county's funds.
fn total_row(
    summary: &Summary,
    (columns, decimals): (&[FigureColumn], &[u32]),
    leading: usize,
    lang: Lang,
) -> Row {
    let mut cells: Vec<Vec<Span>> = vec![Vec::new(); leading];
    if let Some(first) = cells.first_mut() {
        *first = total_label(lang);
    }
    let mut figures = figure_cells(columns, &summary.totals, decimals, lang);
    if let (Some(received), Some(&d)) = (figures.first_mut(), decimals.first()) {
        *received = vec![checked(
            summary.totals.received.with_decimals(d),
            summary.totals.received == summary.county_total,
            lang,
        )];
    }
    cells.extend(figures);
    Row {
        cells,
        kind: RowKind::Total,
    }
}

fn recipients(summary: &Summary, lang: Lang, blocks: &mut Vec<Block>) {
    blocks.push(heading(
        lang.pick("Per mottagare", "Per recipient"),
        "recipients",
    ));
    let figures = figure_columns(summary, FigureColumn::Received, false);
    let uses: Vec<Use> = summary.recipients.iter().map(|r| r.figures).collect();
    let decimals = figure_decimals(&figures, &uses, summary);
    let mut columns = vec![Column::wide(lang.pick("Mottagare", "Recipient"))];
    columns.extend(figure_headers(&figures, lang));
    let mut rows: Vec<Row> = summary
        .recipients
        .iter()
        .map(|r| {
            let mut cells = vec![vec![Span::swedish(crate::output::words::recipient(
                &r.recipient,
                r.kommunkod.as_deref(),
            ))]];
            cells.extend(figure_cells(&figures, &r.figures, &decimals, lang));
            Row {
                cells,
                kind: RowKind::Body,
            }
        })
        .collect();
    rows.push(total_row(summary, (&figures, &decimals), 1, lang));
    blocks.push(Block::Table(Table {
        caption: None,
        columns,
        rows,
        notes: Vec::new(),
    }));
}

fn areas(summary: &Summary, lang: Lang, blocks: &mut Vec<Block>) {
    blocks.push(heading(lang.pick("Per område", "Per area"), "areas"));
    let mut columns = vec![
        Column::text(lang.pick("Område", "Area")),
        Column::wide(lang.pick("Beskrivning", "Description")),
    ];
    let figures = figure_columns(summary, FigureColumn::Allocated, true);
    let uses: Vec<Use> = summary.areas.iter().map(|a| a.figures).collect();
    let decimals = figure_decimals(&figures, &uses, summary);
    columns.extend(figure_headers(&figures, lang));
    let mut rows: Vec<Row> = summary
        .areas
        .iter()
        .map(|a| {
            let mut cells = vec![
                vec![Span::text(a.number.to_string())],
                vec![Span::swedish(a.title.clone())],
            ];
            cells.extend(figure_cells(&figures, &a.figures, &decimals, lang));
            Row {
                cells,
                kind: RowKind::Body,
            }
        })
        .collect();
    rows.push(total_row(summary, (&figures, &decimals), 2, lang));
    blocks.push(Block::Table(Table {
        caption: None,
        columns,
        rows,
        notes: Vec::new(),
    }));
}

fn insatser(summary: &Summary, lang: Lang, blocks: &mut Vec<Block>) {
    blocks.push(heading(lang.pick("Per insats", "Per insats"), "insatser"));
    let mut columns = vec![
        Column::text("Insats"),
        Column::wide(lang.pick("Beskrivning", "Description")),
        Column::text(lang.pick("Ansvarig", "Responsible")),
    ];
    let figures = figure_columns(summary, FigureColumn::Allocated, true);
    let uses: Vec<Use> = summary.insatser.iter().map(|i| i.figures).collect();
    let decimals = figure_decimals(&figures, &uses, summary);
    columns.extend(figure_headers(&figures, lang));
    let mut rows: Vec<Row> = summary
        .insatser
        .iter()
        .map(|i| {
            let mut cells = vec![
                vec![Span::text(i.insats.clone())],
                vec![Span::swedish(i.text.clone())],
                vec![Span::swedish(i.responsible.clone())],
            ];
            cells.extend(figure_cells(&figures, &i.figures, &decimals, lang));
            Row {
                cells,
                kind: RowKind::Body,
            }
        })
        .collect();
    rows.push(total_row(summary, (&figures, &decimals), 3, lang));
    blocks.push(Block::Table(Table {
        caption: None,
        columns,
        rows,
        notes: Vec::new(),
    }));
}

/// What the recipients wrote beside their figures, each comment with its line, where the
/// lines are not shown (tester s43: "Ingen redovisning inkom trots påminnelser" was in no
/// document). Nothing without comments.
fn comments(summary: &Summary, lang: Lang, blocks: &mut Vec<Block>) {
    let commented = summary.commented_lines();
    if commented.is_empty() {
        return;
    }
    blocks.push(heading(words::comments_title(lang), "comments"));
    let items = commented
        .into_iter()
        .filter_map(|line| {
            let comment = line.comment.as_ref()?;
            let on = words::comment_on(line, |a| money(a, lang), lang);
            Some(vec![
                Span::text(format!("{on}: ")),
                Span::swedish(comment.clone()),
            ])
        })
        .collect();
    blocks.push(Block::List(items));
}

fn lines(summary: &Summary, lang: Lang, blocks: &mut Vec<Block>) {
    blocks.push(heading(
        lang.pick("Per rad i planen", "Per line of the plan"),
        "lines",
    ));
    let optional = |a: Option<Amount>| match a {
        Some(a) => figure(a, lang),
        None => vec![Span::text("–")],
    };
    let reallocated = any_reallocated(summary);
    let not_reported = !summary.complete;
    let not_invoiced = summary.any_not_invoiced();
    let mut rows: Vec<Row> = summary
        .lines
        .iter()
        .map(|l| {
            let mut cells = vec![
                vec![Span::swedish(crate::output::words::recipient(
                    &l.recipient,
                    l.kommunkod.as_deref(),
                ))],
                vec![Span::text(&*l.insats)],
                figure(l.received, lang),
            ];
            if reallocated {
                cells.push(optional(l.reallocated));
            }
            cells.extend([optional(l.used), optional(l.unused)]);
            if not_reported {
                cells.push(figure(l.unreported, lang));
            }
            if not_invoiced {
                cells.push(figure(l.not_invoiced, lang));
            }
            cells.push(vec![Span::swedish(l.comment.clone().unwrap_or_default())]);
            Row {
                cells,
                kind: RowKind::Body,
            }
        })
        .collect();
    let t = &summary.totals;
    let mut cells = vec![
        total_label(lang),
        Vec::new(),
        vec![checked(
            t.received,
            t.received == summary.county_total,
            lang,
        )],
    ];
    if reallocated {
        cells.push(figure(t.reallocated, lang));
    }
    cells.extend([figure(t.used, lang), figure(t.unused, lang)]);
    if not_reported {
        cells.push(figure(t.unreported, lang));
    }
    if not_invoiced {
        cells.push(figure(t.not_invoiced, lang));
    }
    cells.push(Vec::new());
    rows.push(Row {
        cells,
        kind: RowKind::Total,
    });
    let mut columns = vec![
        Column::text(lang.pick("Mottagare", "Recipient")),
        Column::text("Insats"),
    ];
    // A line not reported has its used and unused empty ("–") and what it received under
    // Ej redovisat, while any line is not reported.
    let figures = words::figure_headers(
        FigureColumn::Received,
        reallocated,
        (not_reported, not_invoiced),
        Words::from(lang),
    );
    columns.extend(figures.into_iter().map(Column::amount));
    columns.push(Column::wide(lang.pick("Kommentar", "Comment")));
    blocks.push(Block::Table(Table {
        caption: None,
        columns,
        rows,
        notes: (!summary.complete)
            .then(|| vec![Span::text(words::not_reported_legend(lang))])
            .into_iter()
            .collect(),
    }));
}

/// The moves between a recipient's own lines, each with the focus areas it stays within.
fn reallocations(summary: &Summary, lang: Lang, blocks: &mut Vec<Block>) {
    blocks.push(heading(
        lang.pick(
            "Omfördelat inom fokusområden",
            "Reallocated within focus areas",
        ),
        "reallocations",
    ));
    if summary.reallocations.is_empty() {
        blocks.push(Block::Paragraph(vec![Span::text(words::no_reallocations(
            lang,
        ))]));
        return;
    }
    blocks.push(Block::Paragraph(vec![Span::text(
        words::reallocations_note(lang),
    )]));
    let mut rows: Vec<Row> = summary
        .reallocations
        .iter()
        .map(|r| Row {
            cells: vec![
                vec![Span::swedish(crate::output::words::recipient(
                    &r.recipient,
                    r.kommunkod.as_deref(),
                ))],
                vec![Span::text(r.from.clone())],
                vec![Span::text(r.to.clone())],
                vec![Span::text(words::moved_areas(r.from_area, r.to_area))],
                vec![Span::text(words::focus_areas(&r.focus_areas, lang))],
                figure(r.amount, lang),
            ],
            kind: RowKind::Body,
        })
        .collect();
    rows.push(Row {
        cells: vec![
            total_label(lang),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            figure(summary.reallocated(), lang),
        ],
        kind: RowKind::Total,
    });
    blocks.push(Block::Table(Table {
        caption: None,
        columns: vec![
            Column::wide(lang.pick("Mottagare", "Recipient")),
            Column::text(lang.pick("Från insats", "From insats")),
            Column::text(lang.pick("Till insats", "To insats")),
            Column::text(words::moved_areas_header(lang)),
            Column::text(lang.pick("Inom", "Within")),
            Column::amount(lang.pick("Belopp", "Amount")),
        ],
        rows,
        notes: Vec::new(),
    }));
}

fn repayment(summary: &Summary, lang: Lang, blocks: &mut Vec<Block>) {
    let r = &summary.repayment;
    blocks.push(heading(
        lang.pick(
            "Återbetalning till Kammarkollegiet",
            "Repayment to Kammarkollegiet",
        ),
        "repayment",
    ));
    let total = money(r.total, lang);
    let by = (r.by.map(|d| number::date(d, lang)))
        .map(|d| crate::output::words::by_date(&d, lang))
        .unwrap_or_default();
    let preliminary = words::preliminary_reason(summary, lang)
        .map(|reason| {
            say!(
                lang,
                " Beloppet är preliminärt: {reason}.",
                " The amount is preliminary: {reason}."
            )
        })
        .unwrap_or_default();
    blocks.push(Block::Paragraph(vec![
        Span::text(lang.pick(
            "Regionen betalar tillbaka de medel som inte har använts, ",
            "The region repays the money not used, ",
        )),
        Span::Strong(total),
        Span::text(say!(
            lang,
            ", till Kammarkollegiet{by}.{preliminary}",
            ", to Kammarkollegiet{by}.{preliminary}"
        )),
    ]));
    if let (true, Some(by), Some(today)) = (r.overdue, r.by, summary.date) {
        blocks.push(Block::Paragraph(vec![Span::text(
            words::repayment_overdue(&number::date(by, lang), &number::date(today, lang), lang),
        )]));
    }
    let unused: Vec<_> = summary.settling().collect();
    if unused.is_empty() {
        blocks.push(Block::Paragraph(vec![Span::text(
            lang.pick("Inga medel är oanvända.", "No money is unused."),
        )]));
        return;
    }
    // The column's amounts alike, the total's with them.
    let decimals =
        number::shared_decimals(unused.iter().map(|u| u.figures.unused).chain([r.total]));
    let mut rows: Vec<Row> = unused
        .iter()
        .map(|u| {
            let how = words::settled(u.settlement, u.settled_amount(), |a| money(a, lang), lang);
            Row {
                cells: vec![
                    vec![Span::swedish(crate::output::words::recipient(
                        &u.recipient,
                        u.kommunkod.as_deref(),
                    ))],
                    figure(u.figures.unused.with_decimals(decimals), lang),
                    vec![Span::text(how)],
                ],
                kind: RowKind::Body,
            }
        })
        .collect();
    let parts = r.parts();
    rows.push(Row {
        cells: vec![
            total_label(lang),
            vec![checked(
                r.total.with_decimals(decimals),
                parts == r.total,
                lang,
            )],
            Vec::new(),
        ],
        kind: RowKind::Total,
    });
    blocks.push(Block::Table(Table {
        caption: None,
        columns: vec![
            Column::wide(lang.pick("Mottagare", "Recipient")),
            Column::amount(words::figure_header(
                FigureColumn::Unused,
                Words::from(lang),
            )),
            Column::text(lang.pick("Hanteras", "Settled")),
        ],
        rows,
        notes: Vec::new(),
    }));
    blocks.push(Block::List(settled(r, summary.invoicing_closed, lang)));
    if let Some(note) = words::not_invoiced_note(summary, lang) {
        blocks.push(Block::Paragraph(vec![Span::text(note)]));
    }
}

/// Where the repayment comes from, one point per way, and their sum.
fn settled(r: &Repayment, invoicing_closed: bool, lang: Lang) -> Vec<Vec<Span>> {
    let sum = r.parts();
    let decimals = repayment_decimals(r);
    let alike = |amount: Amount| amount.with_decimals(decimals);
    let mut points = vec![vec![
        Span::text(lang.pick(
            "Ur regionens bokföring (regionens egna enheter och medel som regionen förvaltar; det oanvända finns kvar i regionens bokföring): ",
            "From the region's books (the region's own units and money it manages; the unused money stays in the region's books): ",
        )),
        Span::Figure(Figure {
            text: money(alike(r.region_books), lang),
            mark: Mark::None,
        }),
    ]];
    let mut add = |amount: Amount, sv: &str, en: &str| {
        if !amount.0.is_zero() {
            points.push(vec![
                Span::text(lang.pick(sv, en)),
                Span::Figure(Figure {
                    text: money(alike(amount), lang),
                    mark: Mark::None,
                }),
            ]);
        }
    };
    add(
        r.returned,
        "Betalas tillbaka till regionen (samlingsfakturan är skickad): ",
        "Paid back to the region (the collective invoice was sent): ",
    );
    add(
        r.reduced,
        "Dras av på samlingsfakturor som inte är skickade: ",
        "Taken off collective invoices not yet sent: ",
    );
    match invoicing_closed {
        false => add(
            r.undecided,
            "Tillbaka eller avdrag (mottagaren har inte sagt om fakturan är skickad): ",
            "Paid back or taken off (the recipient did not say whether the invoice was sent): ",
        ),
        true => add(
            r.undecided,
            "Tillbaka om fakturerat i tid (mottagaren har inte sagt om fakturan är skickad; var den inte skickad i tid betalades medlen aldrig ut): ",
            "Paid back if invoiced in time (the recipient did not say whether the invoice was sent; if it was not sent in time, the money was never paid out): ",
        ),
    }
    points.push(vec![
        Span::Strong(lang.pick("Summa", "Sum").to_string()),
        Span::text(": "),
        checked(alike(sum), sum == r.total, lang),
    ]);
    points
}

/// Received = used + unused (+ not reported, + not invoiced in time) = the county's funds.
fn reconciliation(summary: &Summary, lang: Lang) -> Vec<Span> {
    let t = &summary.totals;
    let decimals = totals_decimals(summary);
    let figure = |amount: Amount, lang: Lang| figure(amount.with_decimals(decimals), lang);
    let not_invoiced = !t.not_invoiced.0.is_zero();
    let mut spans = vec![
        Span::text(format!("{} ", words::reconciled_from(not_invoiced, lang))),
        figure(t.received, lang).remove(0),
        Span::text(lang.pick(" = använt ", " = used ")),
        figure(t.used, lang).remove(0),
        Span::text(lang.pick(" + ej använt ", " + unused ")),
        figure(t.unused, lang).remove(0),
    ];
    if !t.unreported.0.is_zero() {
        spans.push(Span::text(
            lang.pick(" + ej redovisat ", " + not reported "),
        ));
        spans.push(figure(t.unreported, lang).remove(0));
    }
    if !t.not_invoiced.0.is_zero() {
        spans.push(Span::text(format!(
            " + {} ",
            words::not_invoiced_part(lang)
        )));
        spans.push(figure(t.not_invoiced, lang).remove(0));
    }
    spans.push(Span::text(
        lang.pick(" = länets medel ", " = the county's funds "),
    ));
    spans.push(checked(
        summary.county_total.with_decimals(decimals),
        summary.reconciles(),
        lang,
    ));
    if not_invoiced {
        spans.push(Span::text(words::paid_out(lang)));
        spans.push(figure(t.received - t.not_invoiced, lang).remove(0));
    }
    spans
}
