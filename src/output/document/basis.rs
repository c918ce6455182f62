//! The decision basis (*beslutsunderlag*) as a document: the agreement and the county's
//! money, one table per area with its earmarks, the summary per handling actor, the table per
//! kommun, requisition, payment and invoicing, follow-up, and the figures `check` compared.
//!
//! Every table is a report view (`core::report`) laid out; every printed figure carries its
//! standing after `check` (`core::report::printed`), so a plan with errors still renders, each
//! error at its figure and listed at the top.

use std::collections::HashSet;

use crate::core::diff::{Change, PlanDiff, YearCheckKind};
use crate::core::finding::{Code, Finding};
use crate::core::ledger::{Ledger, Recipient, index};
use crate::core::money::Amount;
use crate::core::plan::{ActorKind, Deadlines, Plan};
use crate::core::report::printed::{Covers, Figure as Fig, Key, Printed};
use crate::core::report::{self, Payments, Projection, RecipientKind, Statement};
use crate::input::plan::Source;
use crate::output::document::marks::{self, Marks, Whole};
use crate::output::document::splits;
use crate::output::document::{
    Block, Column, Document, Figure, Mark, Row, RowKind, Span, StatusKind, Table, chart,
    total_label,
};
use crate::output::lang::Lang;
use crate::output::number;
use crate::output::words::capitalized;
use crate::output::words::document::{
    deadline, decision, genitive, invoicing_label, not_invoiced_repaid,
};
use crate::output::words::findings as words;
use crate::say;

/// What the decision basis is made from.
pub struct Inputs<'a, 'l, 'p> {
    /// The whole plan (documents are not filtered).
    pub projection: &'a Projection<'l, 'p>,
    /// Every finding of `check`, in its order (causes before the sums they put off).
    pub findings: &'a [Finding],
    pub source: &'a Source,
    /// Last year's plan compared with this one (`--previous`).
    pub previous: Option<&'a PlanDiff>,
    pub lang: Lang,
}

/// The decision basis.
pub fn build(inputs: &Inputs) -> Document {
    let lang = inputs.lang;
    let projection = inputs.projection;
    let ledger = projection.ledger;
    let plan = ledger.plan;
    let findings: Vec<Finding> = inputs
        .findings
        .iter()
        .filter(|f| in_document(f))
        .cloned()
        .collect();
    let mut marks = Marks::new(ledger, &findings, inputs.source, lang);
    if let Some(diff) = inputs.previous {
        marks.add_year_findings(plan, diff, inputs.source);
    }
    let year = *plan.plan.year.get_ref();
    let county = plan.plan.county.get_ref();

    let mut blocks = Vec::new();
    agreement(&mut blocks, plan, &marks, inputs.previous, lang);
    flow(&mut blocks, projection, &marks, lang);
    areas(&mut blocks, projection, &marks, inputs.previous, lang);
    summary(&mut blocks, projection, &marks, lang);
    let unsplit = per_kommun(&mut blocks, projection, &marks, lang);
    per_actor(&mut blocks, projection, &marks, &unsplit, lang);
    if let Some(diff) = inputs.previous {
        comparison(&mut blocks, diff, &marks, lang);
    }
    let payments = report::payments(projection);
    payment_section(&mut blocks, projection, &payments, &marks, &unsplit, lang);
    follow_up(&mut blocks, plan, &projection.ledger.report_to(), lang);
    let conditions = crate::output::words::conditions_title(lang);
    plan_paragraphs(&mut blocks, conditions, "conditions", &plan.plan.conditions);
    let proposal = crate::output::words::proposal_title(lang);
    plan_paragraphs(&mut blocks, proposal, "proposal", &plan.plan.proposal);
    checked_figures(&mut blocks, ledger, &marks, inputs.previous, lang);

    let mut meta = vec![
        (
            lang.pick("Län", "County").to_string(),
            swedish_texts(county),
        ),
        (
            lang.pick("År", "Year").to_string(),
            texts(&year.to_string()),
        ),
    ];
    if let Some(forum) = plan.plan.forum.as_ref().map(|f| f.get_ref()) {
        meta.push((
            crate::output::words::document::forum_label(lang).to_string(),
            swedish_texts(forum),
        ));
    }
    if let Some(date) = &plan.plan.decision_date {
        meta.push((
            crate::output::words::document::decision_date_label(lang).to_string(),
            texts(&number::date(*date.get_ref(), lang)),
        ));
    }
    if let Some(date) = &plan.plan.replaces {
        meta.push((
            crate::output::words::document::replaces_label(lang).to_string(),
            texts(&number::date(*date.get_ref(), lang)),
        ));
    }
    if let Some(date) = &plan.plan.document_date {
        meta.push((
            crate::output::words::document::document_date_label(lang).to_string(),
            texts(&number::date(*date.get_ref(), lang)),
        ));
    }
    if let Some(reference) = &plan.plan.reference {
        meta.push((
            crate::output::words::document::reference_label(lang).to_string(),
            texts(reference),
        ));
    }
    if let Some(invoicing) = &plan.plan.invoicing {
        meta.push((invoicing_label(lang).to_string(), texts(invoicing)));
    }
    meta.push((
        lang.pick("Länets medel", "County total").to_string(),
        vec![Span::Figure(marks.figure(
            *plan.plan.county_total.get_ref(),
            &[Key::Figure(Fig::CountyTotal), Key::Stated(Covers::Whole)],
        ))],
    ));
    meta.extend(super::contacts_meta(plan, lang));
    // The findings first, saying which of them stand at a figure of the document.
    let marked = super::marked_findings(&blocks, &meta);
    if !marks.notes.is_empty() {
        let intro = marks::findings_intro(&marks.notes, &marked, lang);
        // A draft's findings are for the plan's author, each with its code and place; a
        // final document's warnings are for the forum, which has no use for those (tester
        // s38: `[key-rounding]` and `plan.toml:172:7` in the document the politicians read).
        // The fix stays: the earmark's says that the shortfall is allowed.
        let draft = marks
            .notes
            .iter()
            .any(|n| n.severity == super::Severity::Error);
        let mut notes = marks.notes.clone();
        let title = match draft {
            true => lang.pick(
                "Fel och varningar i planen",
                "Errors and warnings in the plan",
            ),
            false => {
                for note in &mut notes {
                    note.origin = None;
                    if let Some(message) = note.reader_message.take() {
                        note.message = message;
                    }
                }
                lang.pick("Varningar i planen", "Warnings in the plan")
            }
        };
        let section = [
            heading(2, title, "findings", false),
            Block::Paragraph(vec![Span::text(intro)]),
            Block::Findings(notes),
        ];
        blocks.splice(0..0, section);
    }

    let status = marks::status(&marks, ledger, &findings, &marked, lang);
    let mut kicker = match plan.plan.replaces {
        None => say!(
            lang,
            "Beslutsunderlag · {county} {year}",
            "Decision basis · {county} {year}"
        ),
        Some(_) => say!(
            lang,
            "Reviderat beslutsunderlag · {county} {year}",
            "Revised decision basis · {county} {year}"
        ),
    };
    // A draft's line above the title (Markdown's running line) says it is one.
    if status.kind == StatusKind::Errors {
        kicker = format!("{} · {kicker}", super::draft_word(lang));
    }
    Document {
        lang,
        kicker,
        title: say!(
            lang,
            "Länsgemensamma medel för psykisk hälsa och suicidprevention {year}",
            "Joint county funds for mental health and suicide prevention {year}"
        ),
        subtitle: Some(vec![Span::swedish(&plan.plan.title)]),
        meta,
        status: Some(status),
        footer: super::footer(inputs.source, &blocks, lang),
        blocks,
        date: plan.plan.decision_date.as_ref().map(|d| *d.get_ref()),
    }
}

/// Whether a finding of `check` belongs in the decision basis. The basis is written before
/// the meeting that decides on it, when a plan rightly has no `decision_date` yet:
/// `decision-date` is for the letters and invoices after the decision, not for the forum.
/// Every other finding is listed, and a draft with errors says so.
fn in_document(finding: &Finding) -> bool {
    finding.code() != Code::DecisionDate
}

fn heading(level: u8, text: &str, id: &str, new_page: bool) -> Block {
    Block::Heading {
        level,
        text: texts(text),
        id: id.to_string(),
        new_page,
    }
}

fn texts(text: &str) -> Vec<Span> {
    vec![Span::text(text)]
}

/// A cell of the plan's own words (in Swedish).
fn swedish_texts(text: &str) -> Vec<Span> {
    vec![Span::swedish(text)]
}

fn figure_cell(figure: Figure) -> Vec<Span> {
    vec![Span::Figure(figure)]
}

fn row(cells: Vec<Vec<Span>>) -> Row {
    Row {
        cells,
        kind: RowKind::Body,
    }
}

fn total_row(cells: Vec<Vec<Span>>) -> Row {
    Row {
        cells,
        kind: RowKind::Total,
    }
}

/// The agreement: the national money and its split, the county's share and its change, the
/// areas, and the county action plan's focus areas.
fn agreement(
    blocks: &mut Vec<Block>,
    plan: &Plan,
    marks: &Marks,
    previous: Option<&PlanDiff>,
    lang: Lang,
) {
    let year = *plan.plan.year.get_ref();
    blocks.push(heading(
        2,
        lang.pick(
            "Överenskommelsen och länets medel",
            "The agreement and the county's funds",
        ),
        "agreement",
        false,
    ));
    if let Some(agreement) = &plan.agreement {
        let national = marks.figure(
            *agreement.national_total.get_ref(),
            &[Key::Figure(Fig::NationalTotal)],
        );
        let mut spans = Vec::new();
        if let Some(name) = &agreement.name {
            spans.push(Span::swedish(name));
            spans.push(Span::text(": "));
        }
        spans.push(Span::text(lang.pick(
            "inom ramen för överenskommelsen avsätter regeringen ",
            "within the agreement the government sets aside ",
        )));
        spans.push(Span::Figure(national.clone()));
        spans.push(Span::text(say!(lang, " under {year}", " in {year}")));
        if let Some(prev) = &agreement.previous_national_total {
            let (amount, last) = (
                number::document_amount(*prev.get_ref(), lang),
                year.saturating_sub(1),
            );
            spans.push(Span::text(say!(
                lang,
                ", i jämförelse med {amount} {last}",
                ", against {amount} in {last}"
            )));
        }
        spans.push(Span::text("."));
        blocks.push(Block::Paragraph(spans));
        if !agreement.split.is_empty() {
            let mut rows: Vec<Row> = agreement
                .split
                .iter()
                .map(|part| {
                    row(vec![
                        swedish_texts(&part.recipient),
                        figure_cell(marks.plain(*part.amount.get_ref())),
                    ])
                })
                .collect();
            rows.push(total_row(vec![total_label(lang), figure_cell(national)]));
            blocks.push(Block::Table(Table {
                caption: Some(say!(
                    lang,
                    "De nationella medlen {year}",
                    "The national funds {year}"
                )),
                columns: vec![
                    Column::wide(lang.pick("Till", "To")),
                    Column::amount(lang.pick("Belopp", "Amount")),
                ],
                rows,
                notes: Vec::new(),
            }));
        }
    }
    // The county's share and the change.
    let total = marks.figure(
        *plan.plan.county_total.get_ref(),
        &[Key::Figure(Fig::CountyTotal), Key::Stated(Covers::Whole)],
    );
    let county = plan.plan.county.get_ref();
    let mut spans = vec![
        Span::text(say!(
            lang,
            "Tillgängliga länssamverkansmedel {year}, {county}: totalt ",
            "Joint county funds available in {year}, {county}: in total "
        )),
        Span::Figure(total),
        Span::text("."),
    ];
    if let Some(change) = &plan.plan.stated_change {
        let amount = *change.get_ref();
        // Against last year's plan (`--previous`) unless the plan disagrees with itself.
        let figure = marks.change_in_words(amount, previous);
        let words = if amount.is_negative() {
            lang.pick(" En minskning med ", " A decrease of ")
        } else if amount.0.is_zero() {
            lang.pick(" Oförändrat: ", " Unchanged: ")
        } else {
            lang.pick(" En ökning med ", " An increase of ")
        };
        spans.push(Span::text(words));
        spans.push(Span::Figure(figure));
        if let Some(prev) = &plan.plan.previous_county_total {
            let last = year.saturating_sub(1);
            let figure = Figure {
                text: number::document_amount(*prev.get_ref(), lang),
                mark: marks
                    .last_year(previous, YearCheckKind::PreviousTotal)
                    .map_or(Mark::None, |(mark, _)| mark),
            };
            spans.push(Span::text(say!(lang, " ({last}: ", " ({last}: ")));
            spans.push(Span::Figure(figure));
            spans.push(Span::text(")"));
        }
        spans.push(Span::text("."));
    }
    blocks.push(Block::Paragraph(spans));

    // The areas at a glance.
    let diff_areas = previous.map(|d| &d.areas);
    let mut columns = vec![
        Column::text(lang.pick("Område", "Area")),
        Column::wide(lang.pick("Prioriterat område", "Priority area")),
        Column::text(lang.pick("Grund för beloppet", "Basis of the amount")),
        Column::amount(lang.pick("Belopp", "Amount")),
    ];
    if let Some(d) = previous {
        let last = d.old.year;
        columns.push(Column::amount(last.to_string()));
        columns.push(Column::amount(lang.pick("Förändring", "Change")));
    }
    let mut rows = Vec::new();
    for (a, area) in plan.areas.iter().enumerate() {
        let number = area.number.get_ref().to_string();
        let mut cells = vec![
            texts(&number),
            swedish_texts(&area.title),
            swedish_texts(area.basis.as_deref().unwrap_or("")),
            // The agreement's amount, compared with its insatser; a stated figure for the
            // area is its table's total, marked there (tester s32).
            figure_cell(marks.figure(*area.amount.get_ref(), &[Key::Figure(Fig::Area(a))])),
        ];
        if let Some(rows) = diff_areas {
            let change = rows.iter().find(|r| r.key == number).map(|r| r.change);
            cells.extend(change_cells(change, marks, lang));
        }
        rows.push(row(cells));
    }
    let mut cells = vec![
        Vec::new(),
        total_label(lang),
        Vec::new(),
        figure_cell(marks.figure(
            *plan.plan.county_total.get_ref(),
            &[Key::Figure(Fig::CountyTotal), Key::Stated(Covers::Whole)],
        )),
    ];
    if let Some(d) = previous {
        cells.extend(change_cells(Some(d.county), marks, lang));
    }
    rows.push(total_row(cells));
    blocks.push(Block::Table(Table {
        caption: Some(
            lang.pick(
                "Överenskommelsens prioriterade områden",
                "The agreement's priority areas",
            )
            .to_string(),
        ),
        columns,
        rows,
        notes: Vec::new(),
    }));
    if !plan.focus_areas.is_empty() {
        blocks.push(Block::Paragraph(vec![Span::Strong(
            lang.pick(
                "Fokusområden i den länsövergripande handlingsplanen",
                "Focus areas of the county action plan",
            )
            .to_string(),
        )]));
        blocks.push(Block::List(
            plan.focus_areas
                .iter()
                .map(|f| {
                    vec![
                        Span::text(format!("{}. ", f.number.get_ref())),
                        Span::swedish(&f.title),
                    ]
                })
                .collect(),
        ));
    }
}

/// Last year's amount and the change, as two cells.
fn change_cells(change: Option<Change>, marks: &Marks, lang: Lang) -> [Vec<Span>; 2] {
    let Some(change) = change else {
        return [texts("–"), texts("–")];
    };
    let old = change
        .old
        .map_or_else(|| texts("–"), |o| figure_cell(marks.plain(o)));
    [old, texts(&change_text(change, lang))]
}

/// A change as a cell writes it, typeset: `+5 340 kr (+0,21 %)`; without the per cent when
/// there is no amount of last year's to compare with.
fn change_text(change: Change, lang: Lang) -> String {
    let diff = change.difference();
    match change.percent() {
        Some(p) => format!(
            "{} ({})",
            number::document_change(diff, lang),
            number::document_percent(p, lang)
        ),
        None => number::document_change(diff, lang),
    }
}

/// The picture of the money's way.
fn flow(blocks: &mut Vec<Block>, projection: &Projection, marks: &Marks, lang: Lang) {
    let flow = report::flow(projection);
    if flow.total.0.is_zero() {
        return;
    }
    blocks.push(heading(
        2,
        lang.pick("Medlens väg", "Where the money goes"),
        "flow",
        false,
    ));
    let county_total = *projection.ledger.plan.plan.county_total.get_ref();
    blocks.push(Block::Chart(chart::sankey(&flow, county_total, lang)));
    // In a draft, why the picture's total is not the county total: money the errors keep from
    // it, or insatser (in it or not) that add up to more or less than the county total.
    if flow.total != county_total {
        blocks.push(Block::Paragraph(vec![
            Span::text(lang.pick("Bilden visar ", "The picture shows ")),
            Span::Figure(marks.whole(flow.total, Whole::County(county_total))),
            Span::text(flow_note(
                projection.ledger.plan,
                flow.total,
                county_total,
                lang,
            )),
        ]));
    }
}

/// What a draft says after the picture's total when that is not the county total (`county`),
/// by whether insatser are left out of the picture (its `shown` total is not the insatser's as
/// the plan writes them) and whether it shows more or less than the county total.
fn flow_note(plan: &Plan, shown: Amount, county: Amount, lang: Lang) -> &'static str {
    let written: Amount = plan.insatser.iter().map(|x| *x.amount.get_ref()).sum();
    match (shown != written, shown > county) {
        (true, false) => lang.pick(
            ": insatser som felen lämnar ofördelade eller utan känt område är inte med.",
            ": insatser that the errors leave undistributed or without a known area are not in it.",
        ),
        (true, true) => lang.pick(
            ": insatser som felen lämnar ofördelade eller utan känt område är inte med, och de som är med summerar till mer än länets medel.",
            ": insatser that the errors leave undistributed or without a known area are not in it, and those in it add up to more than the county total.",
        ),
        (false, true) => lang.pick(
            ": den tar med varje insats med beloppet planen skriver, och insatserna summerar till mer än länets medel.",
            ": it takes in every insats at the amount the plan writes, and the insatser add up to more than the county total.",
        ),
        (false, false) => lang.pick(
            ": den tar med varje insats med beloppet planen skriver, och insatserna summerar till mindre än länets medel.",
            ": it takes in every insats at the amount the plan writes, and the insatser add up to less than the county total.",
        ),
    }
}

/// One section per area: its amount and earmarks, and its insatser in full.
fn areas(
    blocks: &mut Vec<Block>,
    projection: &Projection,
    marks: &Marks,
    previous: Option<&PlanDiff>,
    lang: Lang,
) {
    let ledger = projection.ledger;
    let plan = ledger.plan;
    let per_area = report::per_area(projection);
    let earmarks = report::earmarks(projection);
    let focus_areas = plan.insatser.iter().any(|x| {
        x.focus_areas
            .as_ref()
            .is_some_and(|f| !f.get_ref().is_empty())
    });
    let affected = plan
        .insatser
        .iter()
        .any(|x| x.affected.as_ref().is_some_and(|a| !a.trim().is_empty()));
    for report in &per_area.areas {
        let Some(&a) = ledger.names.areas.get(&report.number) else {
            continue;
        };
        let number = report.number;
        blocks.push(Block::Heading {
            level: 2,
            text: vec![
                Span::text(say!(lang, "Område {number}: ", "Area {number}: ")),
                Span::swedish(&report.title),
            ],
            id: format!("area-{number}"),
            new_page: true,
        });
        let agreement = marks.figure(report.agreement, &[Key::Figure(Fig::Area(a))]);
        let mut spans = vec![
            Span::text(lang.pick(
                "Belopp enligt överenskommelsen: ",
                "Amount under the agreement: ",
            )),
            Span::Figure(agreement.clone()),
        ];
        if let Some(basis) = plan.areas.get(a).and_then(|x| x.basis.as_ref()) {
            spans.push(Span::text(" ("));
            spans.push(Span::swedish(basis));
            spans.push(Span::text(")"));
        }
        spans.push(Span::text("."));
        if let Some(diff) = previous {
            let key = number.to_string();
            if let Some(compared) = diff.areas.iter().find(|r| r.key == key) {
                let change = compared.change;
                let last = diff.old.year;
                let old = change
                    .old
                    .map_or_else(|| "–".to_string(), |o| number::document_amount(o, lang));
                let difference = number::document_change(change.difference(), lang);
                // An area renumbered or renamed says what it was called.
                let was = crate::output::words::diff::area_was(compared, lang)
                    .map(|was| format!(" ({was})"))
                    .unwrap_or_default();
                spans.push(Span::text(say!(
                    lang,
                    " {last}{was}: {old}; förändring {difference}.",
                    " {last}{was}: {old}; change {difference}."
                )));
            }
        }
        blocks.push(Block::Paragraph(spans));
        if let Some(requirements) = plan.areas.get(a).and_then(|x| x.requirements.as_ref()) {
            blocks.push(Block::Paragraph(swedish_texts(&requirements.text)));
            if !requirements.points.is_empty() {
                let points = requirements.points.iter().map(|p| swedish_texts(p));
                blocks.push(Block::List(points.collect()));
            }
        }
        let area_earmarks: Vec<_> = earmarks.iter().filter(|e| e.area == number).collect();
        if !area_earmarks.is_empty() {
            let rows = area_earmarks
                .iter()
                .map(|e| {
                    let index = plan
                        .areas
                        .get(a)
                        .and_then(|x| x.earmarks.iter().position(|m| m.id.get_ref() == &e.id));
                    let amount = marks.figure(
                        e.amount,
                        index.map(|e| Key::Figure(Fig::Earmark(a, e))).as_slice(),
                    );
                    let (ids, given) = if e.insatser.is_empty() {
                        (texts(lang.pick("inga märkta", "none tagged")), texts("–"))
                    } else {
                        (
                            texts(&e.insatser.join(", ")),
                            figure_cell(marks.plain(e.tagged)),
                        )
                    };
                    row(vec![
                        swedish_texts(&e.title),
                        amount_cell(amount),
                        ids,
                        given,
                    ])
                })
                .collect();
            blocks.push(Block::Table(Table {
                caption: Some(
                    lang.pick(
                        "Varav: statens vägledande fördelning inom området",
                        "Of which: the state's indicative split within the area",
                    )
                    .to_string(),
                ),
                columns: vec![
                    Column::wide(lang.pick("Varav", "Of which")),
                    Column::amount(lang.pick("Belopp", "Amount")),
                    Column::text(lang.pick("Märkta insatser", "Tagged insatser")),
                    Column::amount(lang.pick("Insatserna ger", "The insatser give")),
                ],
                rows,
                notes: Vec::new(),
            }));
        }
        let mut rows: Vec<Row> = report
            .rows
            .iter()
            .map(|r| {
                let i = ledger.names.insatser.get(&r.insats).copied();
                let insats = i.and_then(|i| plan.insatser.get(i));
                let responsible = insats
                    .and_then(|x| x.responsible.clone())
                    .unwrap_or_else(|| r.responsible.clone());
                let affected = insats.and_then(|x| x.affected.clone()).unwrap_or_default();
                let amount = i
                    .and_then(|i| marks.unsplit(projection, i))
                    .unwrap_or_else(|| {
                        marks.figure(r.amount, i.map(|i| Key::Figure(Fig::Insats(i))).as_slice())
                    });
                row(vec![
                    texts(&r.insats),
                    swedish_texts(&r.text),
                    texts(&crate::output::words::focus_areas(&r.focus_areas)),
                    swedish_texts(&affected),
                    swedish_texts(&responsible),
                    figure_cell(amount),
                ])
            })
            .collect();
        let total = marks.figure(
            report.total,
            &[Key::Figure(Fig::Area(a)), Key::Stated(Covers::Area(a))],
        );
        rows.push(total_row(vec![
            Vec::new(),
            total_label(lang),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            figure_cell(total),
        ]));
        let columns = vec![
            Column::text("Insats"),
            Column::wide(lang.pick("Beskrivning", "Description")),
            Column::text(lang.pick("Fokusområden", "Focus areas")),
            Column::text(lang.pick("Berörda verksamheter", "Units concerned")),
            Column::text(lang.pick("Ansvarig verksamhet", "Responsible")),
            Column::amount(lang.pick("Belopp", "Amount")),
        ];
        // A plan whose insatser name no focus areas or units concerned (2025's tables have
        // no such columns) gets none: an empty column only narrows the others.
        let shown = [true, true, focus_areas, affected, true, true];
        let keep = |cells: Vec<Vec<Span>>| -> Vec<Vec<Span>> {
            cells
                .into_iter()
                .zip(shown)
                .filter_map(|(cell, shown)| shown.then_some(cell))
                .collect()
        };
        for row in &mut rows {
            row.cells = keep(std::mem::take(&mut row.cells));
        }
        blocks.push(Block::Table(Table {
            caption: Some(say!(
                lang,
                "Insatser inom område {number}",
                "Insatser in area {number}"
            )),
            columns: columns
                .into_iter()
                .zip(shown)
                .filter_map(|(column, shown)| shown.then_some(column))
                .collect(),
            rows,
            notes: Vec::new(),
        }));
    }
}

fn amount_cell(figure: Figure) -> Vec<Span> {
    vec![Span::Figure(figure)]
}

/// The summary per handling actor: each top heading a table, its sub-headings as rows.
fn summary(blocks: &mut Vec<Block>, projection: &Projection, marks: &Marks, lang: Lang) {
    let ledger = projection.ledger;
    let report = report::per_heading(projection);
    if report.headings.is_empty() {
        return;
    }
    blocks.push(heading(
        2,
        lang.pick(
            "Sammanfattande fördelning per ansvarig aktör som hanterar medlen",
            "Summary per responsible actor handling the funds",
        ),
        "summary",
        true,
    ));
    // The view lists every heading in the forest's preorder (documents are not filtered).
    let order = &ledger.headings.forest.preorder;
    let mut current: Option<Group> = None;
    // Each top heading is a heading of the document (*Rubrik 2* in Word, under the section's
    // *Rubrik 1*), so that a reader finds it in the navigation pane and a table of contents.
    let mut count = 0;
    let mut finish = |blocks: &mut Vec<Block>, current: Option<Group>| {
        if let Some(Group {
            title,
            figure,
            mut rows,
            notes,
        }) = current
        {
            count += 1;
            blocks.push(Block::Heading {
                level: 3,
                text: vec![
                    Span::swedish(title),
                    Span::text(lang.pick(" — totalt ", " — total ")),
                    Span::Figure(figure.clone()),
                ],
                id: format!("summary-{count}"),
                new_page: false,
            });
            rows.push(total_row(vec![
                Vec::new(),
                total_label(lang),
                Vec::new(),
                figure_cell(figure),
            ]));
            blocks.push(Block::Table(Table {
                caption: Some(
                    lang.pick(
                        "Rubrikens insatser och mottagare",
                        "The heading's insatser and recipients",
                    )
                    .to_string(),
                ),
                columns: vec![
                    Column::text("Insats"),
                    Column::wide(lang.pick("Beskrivning", "Description")),
                    Column::text(lang.pick("Mottagare", "Recipient")),
                    Column::amount(lang.pick("Belopp", "Amount")),
                ],
                rows,
                notes,
            }));
        }
    };
    for (h, report) in order.iter().zip(&report.headings) {
        let shown = report.stated.unwrap_or(report.computed);
        let figure = marks.figure(shown, &[Key::Figure(Fig::Heading(*h))]);
        let figure = match (report.stated, &figure.mark) {
            // A printed total that agrees; or a heading the document prints without one.
            (None, Mark::None) => marks.plain(report.computed),
            _ => figure,
        };
        if report.depth == 0 {
            let done = current.take();
            finish(blocks, done);
            current = Some(Group {
                title: report.title.clone(),
                figure,
                rows: Vec::new(),
                notes: Vec::new(),
            });
        } else if let Some(Group { rows, .. }) = current.as_mut() {
            let marker = crate::output::depth_marker(report.depth, "› ");
            rows.push(Row {
                cells: vec![
                    Vec::new(),
                    vec![Span::strong_swedish(format!("{marker}{}", report.title))],
                    Vec::new(),
                    figure_cell(figure),
                ],
                kind: RowKind::Group,
            });
        }
        if let Some(Group { rows, notes, .. }) = current.as_mut() {
            if let Some(note) = ledger.plan.headings.get(*h).and_then(|x| x.note.as_ref()) {
                notes.push(vec![
                    Span::swedish(format!("{}: ", report.title)),
                    Span::swedish(note),
                ]);
            }
            for item in &report.items {
                let amount = ledger
                    .names
                    .insatser
                    .get(&item.insats)
                    .and_then(|&i| marks.unsplit(projection, i))
                    .unwrap_or_else(|| marks.plain(item.amount));
                rows.push(row(vec![
                    texts(&item.insats),
                    swedish_texts(&item.text),
                    swedish_texts(&item.recipient),
                    figure_cell(amount),
                ]));
            }
        }
    }
    finish(blocks, current);
    // The headings sum the insatser. Where they come to the county total, the county total's
    // own finding (the areas' sum, `county-total`) is not theirs: it is marked at the areas,
    // and only a stated figure for the whole plan can be off here (tester s32).
    let county = *ledger.plan.plan.county_total.get_ref();
    let total = if report.total == county {
        marks.equal_to_compared(report.total, &[Key::Stated(Covers::Whole)])
    } else {
        marks.figure(
            report.total,
            &[Key::Figure(Fig::CountyTotal), Key::Stated(Covers::Whole)],
        )
    };
    blocks.push(Block::Paragraph(vec![
        Span::text(lang.pick("Rubrikerna tillsammans: ", "The headings together: ")),
        Span::Figure(total),
        Span::text("."),
    ]));
}

/// A top heading of the summary being gathered: its title and figure, the rows under it and
/// the notes on its headings.
struct Group {
    title: String,
    figure: Figure,
    rows: Vec<Row>,
    notes: Vec<Vec<Span>>,
}

/// The kommuner's table and its picture.
///
/// Returns the insatser of the kommuner whose lines could not be made (a draft's errors), which
/// every kommun's figure is then without.
fn per_kommun(
    blocks: &mut Vec<Block>,
    projection: &Projection,
    marks: &Marks,
    lang: Lang,
) -> Vec<String> {
    let ledger = projection.ledger;
    let report = report::per_kommun(projection);
    if report.columns.is_empty() || report.total.0.is_zero() {
        return report.unsplit;
    }
    blocks.push(heading(
        2,
        lang.pick("Fördelning per kommun", "Distribution per kommun"),
        "per-kommun",
        true,
    ));
    let insatser: Vec<Option<usize>> = report
        .columns
        .iter()
        .map(|c| ledger.names.insatser.get(&c.insats).copied())
        .collect();
    let mut columns = vec![
        Column::text(lang.pick("Kod", "Code")),
        Column::text("Kommun"),
    ];
    columns.extend(report.columns.iter().map(|c| Column::amount(&c.insats)));
    columns.push(Column::amount(lang.total(true)));
    let mut rows = Vec::new();
    for kommun in &report.rows {
        let k = ledger.names.kommun(&kommun.code);
        let mut cells = vec![texts(&kommun.code), swedish_texts(&kommun.name)];
        for (amount, insats) in kommun.amounts.iter().zip(&insatser) {
            let figure = marks.figure(
                *amount,
                insats
                    .zip(k)
                    .map(|(i, k)| Key::Figure(Fig::Part(i, Recipient::Kommun(index(k)))))
                    .as_slice(),
            );
            cells.push(figure_cell(figure));
        }
        // Short of what the kommun gets when a draft's errors keep insatser from the table
        // (tester s35: "175 000 kr" for Ragunda read as its amount).
        cells.push(figure_cell(match report.unsplit.is_empty() {
            true => marks.figure(
                kommun.total,
                k.map(|k| Key::Stated(Covers::Kommun(k))).as_slice(),
            ),
            false => marks.without(kommun.total, &report.unsplit),
        }));
        rows.push(row(cells));
    }
    let group = ledger.actors.group;
    let mut cells = vec![Vec::new(), total_label(lang)];
    cells.extend(
        report
            .column_totals
            .iter()
            .map(|a| figure_cell(marks.plain(*a))),
    );
    let total = match report.unsplit.is_empty() {
        true => marks.figure(
            report.total,
            group.map(|g| Key::Stated(Covers::Actor(g))).as_slice(),
        ),
        false => marks.without(report.total, &report.unsplit),
    };
    cells.push(figure_cell(total));
    rows.push(total_row(cells));
    // Each insats's text, and how its amount is split: the politicians approve the rule as
    // well as the amounts.
    let rules: Vec<Option<&crate::core::plan::Split>> = (insatser.iter())
        .map(|i| {
            let insats = i.and_then(|i| ledger.plan.insatser.get(i))?;
            insats.split.as_ref().map(|s| s.get_ref())
        })
        .collect();
    let notes = (report.columns.iter().zip(&rules))
        .map(|(c, split)| {
            let mut note = vec![
                Span::text(format!("{}: ", c.insats)),
                Span::swedish(&c.text),
            ];
            if let Some(split) = split {
                let rule = splits::rule(ledger, split, lang);
                // After the insats's own text, as a sentence of its own.
                let ended = c.text.trim_end().ends_with(['.', '!', '?', ':', ';']);
                let stop = if ended { " " } else { ". " };
                note.push(Span::text(say!(
                    lang,
                    "{stop}Fördelning: {rule}.",
                    "{stop}Split: {rule}."
                )));
            }
            note
        })
        .collect();
    blocks.push(Block::Table(Table {
        caption: Some(
            lang.pick("Respektive kommun, per insats", "Each kommun, per insats")
                .to_string(),
        ),
        columns,
        rows,
        notes,
    }));
    blocks.push(Block::Chart(chart::kommun_bars(&report, lang)));
    // The keys of the insatser split, and of those that could not be (a draft's key error).
    let unsplit = (report.unsplit.iter())
        .filter_map(|id| ledger.plan.insatser.get(*ledger.names.insatser.get(id)?))
        .filter_map(|insats| insats.split.as_ref().map(|s| s.get_ref()));
    let splits: Vec<&crate::core::plan::Split> =
        rules.iter().flatten().copied().chain(unsplit).collect();
    keys(blocks, ledger, marks, &report.rows, &splits, lang);
    report.unsplit
}

/// The keys the per-kommun table's insatser are split by, each kommun's share in a column
/// (`5,3 %`, or a population count), and under the table what each key is and where it comes
/// from. In a draft, a key that cannot be used stands with its values as the plan writes them,
/// each error at its value or at the sum (tester s35: a sum of 100,1 % was in no table).
fn keys(
    blocks: &mut Vec<Block>,
    ledger: &Ledger,
    marks: &Marks,
    kommuner: &[report::KommunRow],
    splits: &[&crate::core::plan::Split],
    lang: Lang,
) {
    let plan = ledger.plan;
    let mut used: Vec<usize> = (splits.iter())
        .filter_map(|s| ledger.names.keys.get(s.key.as_ref()?.get_ref()).copied())
        .collect();
    // Percentages derived from counts stand beside the counts, as seed 003's table has them.
    let sources: Vec<usize> = (used.iter())
        .filter_map(|&k| ledger.keys.get(k)?.source)
        .collect();
    used.extend(sources);
    used.sort_unstable();
    used.dedup();
    let keys: Vec<(&crate::core::plan::Key, KeyColumn)> = (used.iter())
        .filter_map(|&k| {
            let key = plan.keys.get(k)?;
            let column = match &ledger.keys.get(k)?.weights {
                Ok(weights) => KeyColumn::Weights(weights.as_slice()),
                Err(_) => KeyColumn::written(ledger, key)?,
            };
            Some((key, column))
        })
        .collect();
    if keys.is_empty() {
        return;
    }
    let mut columns = vec![
        Column::text(lang.pick("Kod", "Code")),
        Column::text("Kommun"),
    ];
    // Each key by its title, as the plan names it for readers (tester s44 #6), else its id.
    columns.extend((keys.iter()).map(|(key, _)| Column::amount(splits::key_header(key))));
    let shown: Vec<_> = (keys.iter())
        .map(|(key, column)| splits::key_figure(key, &column.values(true), lang))
        .collect();
    let mut rows: Vec<Row> = kommuner
        .iter()
        .map(|kommun| {
            let k = ledger.names.kommun(&kommun.code);
            let mut cells = vec![texts(&kommun.code), swedish_texts(&kommun.name)];
            for ((_, column), shown) in keys.iter().zip(&shown) {
                cells.push(match column {
                    KeyColumn::Weights(weights) => (k.and_then(|k| weights.get(k)))
                        .map_or_else(Vec::new, |w| texts(&shown(*w))),
                    KeyColumn::Written { kommuner, .. } => (k.and_then(|k| kommuner.get(k)))
                        .and_then(Option::as_ref)
                        .map_or_else(Vec::new, |(w, span)| {
                            figure_cell(marks.written(shown(*w), span))
                        }),
                });
            }
            row(cells)
        })
        .collect();
    // A value under a name that is no kommun of the plan, as the plan writes it.
    for (c, (_, column)) in keys.iter().enumerate() {
        let KeyColumn::Written { unnamed, .. } = column else {
            continue;
        };
        for (name, w, span, _) in unnamed {
            let mut cells = vec![Vec::new(), swedish_texts(name)];
            for other in 0..keys.len() {
                cells.push(match (other == c, shown.get(c)) {
                    (true, Some(shown)) => figure_cell(marks.written(shown(*w), span)),
                    _ => Vec::new(),
                });
            }
            rows.push(row(cells));
        }
    }
    let mut total = vec![Vec::new(), total_label(lang)];
    total.extend(keys.iter().zip(&shown).map(|((_, column), shown)| {
        let values = column.values(false);
        let sum = (values.iter()).try_fold(rust_decimal::Decimal::ZERO, |s, v| s.checked_add(*v));
        match (column, sum) {
            (KeyColumn::Weights(_), Some(sum)) => texts(&shown(sum)),
            (KeyColumn::Written { values, .. }, Some(sum)) => {
                figure_cell(marks.written_sum(shown(sum), values))
            }
            (_, None) => Vec::new(),
        }
    }));
    rows.push(total_row(total));
    let notes = keys
        .iter()
        .map(|(key, _)| {
            // The plan's words (source) marked as Swedish, the program's in the language asked
            // for; the key as its column is headed, its title or else its id.
            let mut about: Vec<Span> = Vec::new();
            if let Some(from) = &key.from {
                let from = splits::key_name(ledger, from.get_ref(), lang);
                about.push(Span::text(say!(
                    lang,
                    "räknad ur {from}",
                    "derived from {from}"
                )));
            }
            about.extend(key.source.as_deref().map(Span::swedish));
            // The file by its name, never the folders it was read from (as the plan is).
            let file = key.file.as_ref().map(|f| std::path::Path::new(f.get_ref()));
            if let Some(file) = file.and_then(|f| f.file_name()) {
                let file = file.to_string_lossy();
                about.push(Span::text(say!(lang, "fil {file}", "file {file}")));
            }
            if let Some(date) = &key.date {
                let date = number::date(*date.get_ref(), lang);
                about.push(Span::text(say!(lang, "per {date}", "as of {date}")));
            }
            let mut note = vec![Span::swedish(splits::key_header(key)), Span::text(": ")];
            for (i, span) in about.into_iter().enumerate() {
                if i > 0 {
                    note.push(Span::text("; "));
                }
                note.push(span);
            }
            note
        })
        .collect();
    blocks.push(Block::Table(Table {
        caption: Some(
            lang.pick("Fördelningsnycklar", "Allocation keys")
                .to_string(),
        ),
        columns,
        rows,
        notes,
    }));
}

/// A key's column in the table of keys.
enum KeyColumn<'l> {
    /// The weights of a key that `check` could use, one per kommun in the plan's order.
    Weights(&'l [rust_decimal::Decimal]),
    /// The values of one it could not, as the plan writes them: per kommun (in the plan's
    /// order) the value and where it stands (its name to its value), the values under names
    /// that are no kommun of the plan or a kommun's second (which, as `check` sums them, does
    /// not count: `false`), and where the values stand.
    Written {
        kommuner: Vec<Option<(rust_decimal::Decimal, std::ops::Range<usize>)>>,
        unnamed: Vec<(&'l str, rust_decimal::Decimal, std::ops::Range<usize>, bool)>,
        values: std::ops::Range<usize>,
    },
}

impl<'l> KeyColumn<'l> {
    /// The values of `key` as the plan writes them; `None` for a key without `values` (read
    /// from a file, or derived), which has nothing to show when it cannot be used.
    fn written(ledger: &Ledger, key: &'l crate::core::plan::Key) -> Option<KeyColumn<'l>> {
        let values = key.values.as_ref()?;
        let mut kommuner = vec![None; ledger.plan.kommuner.len()];
        let mut unnamed = Vec::new();
        let mut entries: Vec<_> = values.get_ref().iter().collect();
        entries.sort_by_key(|(name, _)| name.span().start);
        for (name, value) in entries {
            let w = value.get_ref().0;
            let span = name.span().start..value.span().end;
            match (ledger.names.kommun(name.get_ref())).and_then(|k| kommuner.get_mut(k)) {
                Some(slot @ None) => *slot = Some((w, span)),
                Some(Some(_)) => unnamed.push((name.get_ref().as_str(), w, span, false)),
                None => unnamed.push((name.get_ref().as_str(), w, span, true)),
            }
        }
        Some(KeyColumn::Written {
            kommuner,
            unnamed,
            values: values.span(),
        })
    }

    /// The values of the column, for the decimals they are shown with (`all`), or those its
    /// sum counts, as `check` counts them (a kommun's second value does not count).
    fn values(&self, all: bool) -> Vec<rust_decimal::Decimal> {
        match self {
            KeyColumn::Weights(weights) => weights.to_vec(),
            KeyColumn::Written {
                kommuner, unnamed, ..
            } => (kommuner.iter().flatten().map(|(w, _)| *w))
                .chain((unnamed.iter()).filter(|u| all || u.3).map(|u| u.1))
                .collect(),
        }
    }
}

/// Every responsible actor per area; the kommuner's rows marked as without the insatser in
/// `unsplit` (see [`per_kommun`]).
fn per_actor(
    blocks: &mut Vec<Block>,
    projection: &Projection,
    marks: &Marks,
    unsplit: &[String],
    lang: Lang,
) {
    let report = report::per_actor(projection);
    let held = report::held_own(projection.ledger);
    // A row below the kommuner's group is a kommun (nothing else may stand there), any other
    // row below a top-level one a unit.
    let group = projection
        .ledger
        .plan
        .actors
        .iter()
        .find(|a| *a.kind.get_ref() == ActorKind::Kommuner)
        .map(|a| a.name.as_str());
    blocks.push(heading(
        2,
        lang.pick(
            "Fördelning per ansvarig aktör och område",
            "Distribution per responsible actor and area",
        ),
        "per-actor",
        false,
    ));
    let mut columns = vec![Column::wide(lang.pick("Aktör", "Actor"))];
    columns.extend(
        report
            .areas
            .iter()
            .map(|n| Column::amount(say!(lang, "Område {n}", "Area {n}"))),
    );
    columns.push(Column::amount(lang.total(true)));
    // Per area (by its place among the columns), the insatser in `unsplit` of that area: a
    // kommun's figure there is short of them (tester s37: `0 kr` unmarked in area 1).
    // One pass over the insatser (review s37: a pass per unsplit insats was quadratic).
    let area_of: std::collections::HashMap<&str, u32> = match unsplit.is_empty() {
        true => Default::default(),
        false => (projection.ledger.plan.insatser.iter())
            .map(|i| (i.id.get_ref().as_str(), *i.area.get_ref()))
            .collect(),
    };
    let unsplit_in: Vec<Vec<String>> = (report.areas.iter())
        .map(|&n| {
            (unsplit.iter())
                .filter(|id| area_of.get(id.as_str()) == Some(&n))
                .cloned()
                .collect()
        })
        .collect();
    let mut rows = Vec::new();
    // Whether an actor's own funds have a row of their own: (without a unit, held).
    let mut own = (false, false);
    for actor in &report.rows {
        let kommuner = match &actor.group {
            Some(g) => Some(g.as_str()) == group,
            None => Some(actor.name.as_str()) == group,
        };
        let mut cells: Vec<Vec<Span>> = (actor.per_area.iter().zip(&unsplit_in))
            .map(|(a, ids)| {
                figure_cell(match kommuner {
                    true => marks.without(*a, ids),
                    false => marks.plain(*a),
                })
            })
            .collect();
        cells.push(figure_cell(match kommuner {
            true => marks.without(actor.total, unsplit),
            false => marks.plain(actor.total),
        }));
        rows.push(actor_row(actor.depth, swedish_texts(&actor.name), cells));
        if actor.has_children && !actor.own_total.0.is_zero() {
            let kept = held.contains(actor.name.as_str());
            match kept {
                true => own.1 = true,
                false => own.0 = true,
            }
            let mut cells: Vec<Vec<Span>> = actor
                .own_per_area
                .iter()
                .map(|a| figure_cell(marks.plain(*a)))
                .collect();
            cells.push(figure_cell(marks.plain(actor.own_total)));
            let name = texts(crate::output::sheet::own_funds_word(kept, lang));
            rows.push(actor_row(actor.depth + 1, name, cells));
        }
    }
    // Each area's column against the area's table: errors may keep money from the actors.
    let areas = report::per_area(projection).areas;
    let mut cells = vec![total_label(lang)];
    cells.extend(report.area_totals.iter().zip(&report.areas).map(|(a, n)| {
        let whole = areas.iter().find(|r| r.number == *n).map(|r| r.total);
        figure_cell(marks.whole(*a, Whole::Area(whole.unwrap_or(*a))))
    }));
    let county_total = *projection.ledger.plan.plan.county_total.get_ref();
    cells.push(figure_cell(
        marks.whole(report.total, Whole::County(county_total)),
    ));
    rows.push(total_row(cells));
    // What the indented rows are, as far as the table has them.
    let below = report.rows.iter().filter(|r| r.depth > 0);
    let in_kommuner = below.clone().any(|r| r.group.as_deref() == group);
    let units = below.clone().any(|r| r.group.as_deref() != group);
    let parts: Vec<&str> = [
        (own.0, crate::output::sheet::own_funds_money(false, lang)),
        (own.1, crate::output::sheet::own_funds_money(true, lang)),
        (units, lang.pick("aktörens enheter", "the actor's units")),
        (
            in_kommuner,
            lang.pick("länets kommuner", "the county's kommuner"),
        ),
    ]
    .into_iter()
    .filter_map(|(present, part)| present.then_some(part))
    .collect();
    let notes = match parts.is_empty() {
        true => Vec::new(),
        false => {
            let parts = crate::output::words::listed(&parts, lang);
            vec![texts(&say!(
                lang,
                "Indragna rader är delar av aktören ovanför dem: {parts}.",
                "Indented rows are parts of the actor above them: {parts}."
            ))]
        }
    };
    blocks.push(Block::Table(Table {
        caption: Some(
            lang.pick("Belopp per aktör och område", "Amounts per actor and area")
                .to_string(),
        ),
        columns,
        rows,
        notes,
    }));
}

/// A row of a table of actors, `depth` levels under the top: the first level indented as the
/// document indents a row (`RowKind::Indented`: a dash in Markdown and Word, a margin in
/// HTML), each further one with a dash before the name (`– – Enhet X` in Markdown), so that
/// a unit under a unit stands deeper than its parent, as on the terminal.
fn actor_row(depth: usize, mut name: Vec<Span>, figures: Vec<Vec<Span>>) -> Row {
    if depth > 1 {
        name.insert(0, Span::text(crate::output::depth_marker(depth - 1, "– ")));
    }
    let mut cells = vec![name];
    cells.extend(figures);
    Row {
        cells,
        kind: if depth > 0 {
            RowKind::Indented
        } else {
            RowKind::Body
        },
    }
}

/// This year against last year (`--previous`): every actor and kommun, each table with a total
/// row made from its rows (as `diff` gives them).
fn comparison(blocks: &mut Vec<Block>, diff: &PlanDiff, marks: &Marks, lang: Lang) {
    use crate::output::words::diff::{moved_lines, recoded_lines, shown_label};
    let (old, new) = (diff.old.year, diff.new.year);
    blocks.push(heading(
        2,
        &say!(lang, "Jämfört med {old}", "Compared with {old}"),
        "previous",
        false,
    ));
    let columns = || {
        vec![
            Column::wide(lang.pick("Mottagare", "Recipient")),
            Column::amount(old.to_string()),
            Column::amount(new.to_string()),
            Column::amount(lang.pick("Förändring", "Change")),
        ]
    };
    // `–`: what a year's plan does not have, or a kommun it gives nothing directly.
    let side = |a: Option<Amount>| {
        a.map_or_else(|| texts("–"), |a| texts(&number::document_amount(a, lang)))
    };
    let rows_of = |rows: &[crate::core::diff::Row]| -> Vec<Row> {
        rows.iter()
            .map(|r| {
                let change = texts(&change_text(r.change, lang));
                let name = match r.own {
                    true => texts(&shown_label(r, lang)),
                    false => swedish_texts(&r.label),
                };
                let figures = vec![side(r.change.old), side(r.change.new), change];
                actor_row(r.depth, name, figures)
            })
            .collect()
    };
    let mut rows = rows_of(&diff.actors);
    // The actors' top rows: each year's county total, unless errors keep money from this
    // year's actors (a draft), which marks it so.
    let total = diff.actors_total();
    let change = texts(&change_text(total, lang));
    let this_year = match (total.new, diff.county.new) {
        (Some(shown), Some(county)) => figure_cell(marks.whole(shown, Whole::County(county))),
        (shown, _) => side(shown),
    };
    rows.push(total_row(vec![
        total_label(lang),
        side(total.old),
        this_year,
        change,
    ]));
    blocks.push(Block::Table(Table {
        caption: Some(
            lang.pick(
                "Per ansvarig aktör, med enheterna under",
                "Per responsible actor, with the units under it",
            )
            .to_string(),
        ),
        columns: columns(),
        rows,
        notes: moved_lines(diff, &old.to_string(), &new.to_string(), lang)
            .iter()
            .map(|line| texts(line))
            .collect(),
    }));
    let kommuner = diff.direct_kommuner();
    if !kommuner.is_empty() {
        let mut rows = rows_of(&kommuner);
        let total = Change::sum(kommuner.iter().map(|r| r.change));
        let change = texts(&change_text(total, lang));
        rows.push(total_row(vec![
            total_label(lang),
            side(total.old),
            side(total.new),
            change,
        ]));
        blocks.push(Block::Table(Table {
            caption: Some(
                lang.pick(
                    "Per kommun (direkt fördelat)",
                    "Per kommun (allocated directly)",
                )
                .to_string(),
            ),
            columns: columns(),
            rows,
            // Money a kommun gets through another actor (a kommunförbund) is that actor's;
            // a kommun under another code or name than last year says what it was.
            notes: std::iter::once(lang.pick(
                "Det som når en kommun genom en annan aktör, som kommunförbundet, står på den aktörens rad ovan; – betyder att kommunen inte får några medel direkt det året.",
                "What reaches a kommun through another actor, such as the kommunförbund, is on that actor's row above; – means that the kommun gets no money directly that year.",
            ).to_string())
            .chain(recoded_lines(diff, &old.to_string(), lang))
            .map(|line| texts(&line))
            .collect(),
        }));
    }
    insatser_compared(blocks, diff, lang);
}

/// The insatser compared (tester s27): how many changed, came and went; those that changed
/// (tester s32: the document counted 8 changed and listed none, the largest changes of the
/// year among them), came and went, each with its amounts and their change, and the total of
/// the rows, whose change is the county total's (every insats not listed is unchanged); and
/// under them the insatser whose split changed, as `diff` words it (old rule → new, or the
/// key's new values and the shares that moved), and those whose earmark changed, so the forum
/// sees a change of rule as well as its amounts.
/// How much of an insats's description the comparison of two years shows: enough to tell
/// the insatser of one area apart (`Insatser för att det strategiska utvecklingsarbetet …`).
const DESCRIPTION_CHARS: usize = 80;

fn insatser_compared(blocks: &mut Vec<Block>, diff: &PlanDiff, lang: Lang) {
    use crate::core::diff::InsatsSide;
    use crate::output::words::diff::{
        Gender, counts, earmark_change, earmark_changed, split_change, split_changed,
    };
    let i = &diff.insatser;
    let counted = counts(
        Gender::Common,
        i.changed.len(),
        i.unchanged,
        i.added.len(),
        i.removed.len(),
        lang,
        |n| number::count(u64::try_from(n).unwrap_or(u64::MAX), lang),
    );
    blocks.push(Block::Paragraph(vec![Span::text(say!(
        lang,
        "Insatser: {counted}.",
        "Insatser: {counted}."
    ))]));
    let style = number::Style::document(lang);
    let amount = |a: Amount| number::document_amount(a, lang);
    let note = |c: &crate::core::diff::InsatsChange, term: &str, change: String| {
        texts(&format!("{term}, {}: {change}.", c.new.id))
    };
    let splits = (i.changed.iter())
        .filter(|c| c.split_changed())
        .map(|c| note(c, split_changed(lang), split_change(c, style, &amount)));
    let earmarks = (i.changed.iter())
        .filter(|c| c.earmark_changed())
        .map(|c| note(c, earmark_changed(lang), earmark_change(c, lang)));
    let notes: Vec<Vec<Span>> = splits.chain(earmarks).collect();
    if i.changed.is_empty() && i.added.is_empty() && i.removed.is_empty() {
        return;
    }
    let (old, new) = (diff.old.year, diff.new.year);
    // What differs between the two sides, `old → new`, else as it is.
    let both = |old: &str, new: &str| match old == new {
        true => new.to_string(),
        false => format!("{old} → {new}"),
    };
    let side = |a: Option<Amount>| a.map_or_else(|| texts("–"), |a| texts(&amount(a)));
    let insats_row = |old_side: Option<&InsatsSide>, new_side: Option<&InsatsSide>| {
        let s = new_side.or(old_side)?;
        let of = |f: &dyn Fn(&InsatsSide) -> String| match (old_side, new_side) {
            (Some(o), Some(n)) => both(&f(o), &f(n)),
            _ => f(s),
        };
        let change = Change {
            old: old_side.map(|o| o.amount),
            new: new_side.map(|n| n.amount),
        };
        // The text's start tells two insatser of one id apart (the matcher found them too
        // unlike to be one; the areas give them in full). Where the text changed, last
        // year's follows, so that no one reads a change of amount as the same activity's
        // (tester s35: 3.3 was another activity in 2025).
        let excerpt = |text: &str| crate::output::words::excerpt_of(text, DESCRIPTION_CHARS);
        let shown = excerpt(&s.text);
        let mut description = swedish_texts(&shown);
        if let (Some(o), Some(n)) = (old_side, new_side)
            && o.text != n.text
        {
            match excerpt(&o.text) {
                // The same start: only what follows it changed.
                same if same == shown => description.push(Span::text(
                    lang.pick(" (fortsättningen ändrad)", " (the rest changed)"),
                )),
                before => {
                    description.push(Span::text(format!(" — {old}: ")));
                    description.push(Span::swedish(before));
                }
            }
        }
        Some((
            change,
            row(vec![
                texts(&of(&|x| x.id.clone())),
                texts(&of(&|x| x.area.to_string())),
                description,
                swedish_texts(&of(&|x| x.actor_names.join(" / "))),
                side(change.old),
                side(change.new),
                texts(&number::document_change(change.difference(), lang)),
            ]),
        ))
    };
    let listed: Vec<(Change, Row)> = (i.changed.iter())
        .filter_map(|c| insats_row(Some(&c.old), Some(&c.new)))
        .chain((i.removed.iter()).filter_map(|s| insats_row(Some(s), None)))
        .chain((i.added.iter()).filter_map(|s| insats_row(None, Some(s))))
        .collect();
    let listed_sum = Change::sum(listed.iter().map(|(c, _)| *c));
    let mut rows: Vec<Row> = listed.into_iter().map(|(_, r)| r).collect();
    // The insatser of both years that did not change, in one row: with it the rows add up to
    // each year's county total (review s32).
    if i.unchanged > 0 {
        let unchanged = Change {
            old: Some(diff.county.old.unwrap_or_default() - listed_sum.old.unwrap_or_default()),
            new: Some(diff.county.new.unwrap_or_default() - listed_sum.new.unwrap_or_default()),
        };
        let n = number::count(u64::try_from(i.unchanged).unwrap_or(u64::MAX), lang);
        rows.push(row(vec![
            Vec::new(),
            Vec::new(),
            texts(&say!(lang, "{n} oförändrade", "{n} unchanged")),
            Vec::new(),
            side(unchanged.old),
            side(unchanged.new),
            texts(&number::document_change(unchanged.difference(), lang)),
        ]));
    }
    let total = diff.county;
    rows.push(total_row(vec![
        total_label(lang),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        side(total.old),
        side(total.new),
        texts(&number::document_change(total.difference(), lang)),
    ]));
    let mut notes = notes;
    let mut first = lang
        .pick(
            "Insatser som finns båda åren står en gång, med det som ändrats som gammalt → nytt; de oförändrade står tillsammans på en rad, så raderna summerar till varje års medel.",
            "An insats of both years is listed once, with what changed as old → new; those unchanged stand together on one row, so the rows add up to each year's total.",
        )
        .to_string();
    if i.changed.iter().any(|c| c.old.text != c.new.text) {
        first.push_str(&say!(
            lang,
            " Där beskrivningen har ändrats står {old} års efter strecket, eller \"fortsättningen ändrad\" där början är densamma.",
            " Where the description has changed, {old}'s follows the dash, or \"the rest changed\" where it starts the same."
        ));
    }
    // An id of a removed insats given to a new one (1.1 in 2025 and in 2026): two insatser.
    if i.removed
        .iter()
        .any(|r| i.added.iter().any(|a| a.id == r.id))
    {
        first.push_str(lang.pick(
            " Ett id som står både som borttaget och som tillkommet har getts till en annan insats än förra året.",
            " An id listed both as removed and as added has been given to another insats than last year's.",
        ));
    }
    notes.insert(0, texts(&first));
    blocks.push(Block::Table(Table {
        caption: Some(
            lang.pick(
                "Ändrade, borttagna och tillkomna insatser",
                "Insatser changed, removed and added",
            )
            .to_string(),
        ),
        columns: vec![
            Column::text("Insats"),
            Column::text(lang.pick("Område", "Area")),
            Column::wide(lang.pick("Beskrivning", "Description")),
            Column::text(lang.pick("Ansvarig", "Responsible")),
            Column::amount(old.to_string()),
            Column::amount(new.to_string()),
            Column::amount(lang.pick("Förändring", "Change")),
        ],
        rows,
        notes,
    }));
}

/// The statements as a table: recipient, kommunkod, insatser, amount, total.
fn statements_table(
    payments: &Payments,
    statements: &[Statement],
    total: Amount,
    caption: String,
    marks: &Marks,
    unsplit: &[String],
    lang: Lang,
) -> Table {
    let with_code = statements.iter().any(|s| s.kommunkod.is_some());
    let mut columns = vec![Column::wide(lang.pick("Mottagare", "Recipient"))];
    if with_code {
        columns.push(Column::text(lang.pick("Kommunkod", "Kommunkod")));
    }
    columns.push(Column::text("Insatser"));
    columns.push(Column::amount(lang.pick("Belopp", "Amount")));
    let mut rows: Vec<Row> = statements
        .iter()
        .map(|s| {
            let mut cells = vec![swedish_texts(&s.recipient)];
            if with_code {
                cells.push(texts(s.kommunkod.as_deref().unwrap_or("")));
            }
            let ids: Vec<&str> = s.lines.iter().map(|l| payments.id(l)).collect();
            cells.push(texts(&ids.join(", ")));
            // A kommun's invoice is short of the insatser in `unsplit` (see [`per_kommun`]).
            cells.push(figure_cell(match s.kommunkod {
                Some(_) => marks.without(s.total, unsplit),
                None => marks.plain(s.total),
            }));
            row(cells)
        })
        .collect();
    let mut cells = vec![total_label(lang)];
    if with_code {
        cells.push(Vec::new());
    }
    cells.push(Vec::new());
    // The kommuner's invoices are in it, so it is short of `unsplit` too.
    cells.push(figure_cell(match with_code {
        true => marks.without(total, unsplit),
        false => marks.plain(total),
    }));
    rows.push(total_row(cells));
    Table {
        caption: Some(caption),
        columns,
        rows,
        notes: Vec::new(),
    }
}

/// Requisition, payment and invoicing.
fn payment_section(
    blocks: &mut Vec<Block>,
    projection: &Projection,
    payments: &Payments,
    marks: &Marks,
    unsplit: &[String],
    lang: Lang,
) {
    let plan = projection.ledger.plan;
    let region = &payments.region;
    let region_s = genitive(region, lang);
    blocks.push(heading(
        2,
        lang.pick(
            "Rekvirering, utbetalning och fakturering",
            "Requisition, payment and invoicing",
        ),
        "payment",
        true,
    ));
    blocks.push(heading(
        3,
        lang.pick("Rekvirering", "Requisition"),
        "requisition",
        false,
    ));
    let total = number::document_amount(payments.county_total, lang);
    // What the decision assigns, as the published decision proposes it (tester s44 #3).
    let mut text = say!(
        lang,
        "{region_s} ekonomienhet uppdras rekvirera medlen inom samtliga områden, {total}, från Kammarkollegiet",
        "{region_s} accounting unit is assigned to requisition the funds of every area, {total}, from Kammarkollegiet"
    );
    if let Some(date) = deadline(plan, Deadlines::requisition, lang) {
        text.push_str(&crate::output::words::by_date(&date, lang));
    }
    text.push('.');
    blocks.push(proposal_lead(lang));
    blocks.push(Block::List(vec![texts(&text)]));

    blocks.push(heading(
        3,
        lang.pick("Utbetalning", "Payment"),
        "transfers",
        false,
    ));
    if !payments.internal.is_empty() {
        blocks.push(Block::Paragraph(texts(&say!(
            lang,
            "{region} hanterar de medel som tillfaller regionens verksamheter enligt interna rutiner, utan faktura:",
            "{region} handles the funds for the region's own units by internal routine, without an invoice:"
        ))));
        blocks.push(Block::Table(statements_table(
            payments,
            &payments.internal,
            payments.transferred,
            lang.pick("Interna överföringar", "Internal transfers")
                .to_string(),
            marks,
            &[],
            lang,
        )));
    }
    if !payments.held.is_empty() {
        blocks.push(Block::Paragraph(texts(&say!(
            lang,
            "{region} förvaltar följande medel för fortsatt fördelning och nyttjande:",
            "{region} manages the following funds for further distribution and use:"
        ))));
        blocks.push(Block::Table(statements_table(
            payments,
            &payments.held,
            payments.held_total,
            lang.pick("Medel som regionen förvaltar", "Funds the region manages")
                .to_string(),
            marks,
            &[],
            lang,
        )));
        for text in held_within_headings(projection, payments, lang) {
            blocks.push(Block::Paragraph(texts(&text)));
        }
    }
    blocks.push(heading(
        3,
        lang.pick("Fakturering", "Invoicing"),
        "invoicing",
        false,
    ));
    let decision = decision(plan, lang).unwrap_or_else(|| plan.plan.title.clone());
    // Nobody invoices when every recipient is paid inside the region or held for it.
    if !payments.invoices.is_empty() {
        let who = invoicers(&payments.invoices, lang);
        let invoice_date = deadline(plan, Deadlines::invoice_by, lang);
        let by = invoice_date
            .as_ref()
            .map(|date| crate::output::words::by_date(date, lang))
            .unwrap_or_default();
        let mut spans = vec![Span::text(if payments.invoices.len() == 1 {
            say!(
                lang,
                "{who} fakturerar {region}{by} med en samlingsfaktura, med hänvisning till beslutet ({decision}) och i enlighet med detta underlag",
                "{who} invoices {region}{by} with one collective invoice, citing the decision ({decision}) and in accordance with this document"
            )
        } else {
            say!(
                lang,
                "{who} fakturerar {region}{by} med var sin samlingsfaktura, med hänvisning till beslutet ({decision}) och i enlighet med detta underlag",
                "{who} invoice {region}{by} with one collective invoice each, citing the decision ({decision}) and in accordance with this document"
            )
        })];
        // Only where a condition of the decision says so (reviewer s42: otherwise the basis
        // promised a repayment the decision never made).
        if invoice_date.is_some() && plan.plan.conditions_speak_of_invoicing() {
            spans.push(Span::text(format!("; {}", not_invoiced_repaid(lang))));
        }
        if let Some(reference) = &payments.reference {
            spans.push(Span::text(
                lang.pick(". Referenskod: ", ". Reference code: "),
            ));
            spans.push(Span::Strong(reference.clone()));
        }
        let mut stop = true;
        if let Some(invoicing) = &plan.plan.invoicing {
            spans.push(Span::text(format!(". {}: ", invoicing_label(lang))));
            spans.push(Span::swedish(invoicing.trim_end()));
            // An address that ends a sentence of its own ends this one.
            stop = !invoicing.trim_end().ends_with('.');
        }
        if stop {
            spans.push(Span::text("."));
        }
        blocks.push(Block::Paragraph(spans));
    }
    if !payments.invoices.is_empty() {
        blocks.push(Block::Table(statements_table(
            payments,
            &payments.invoices,
            payments.invoiced,
            lang.pick(
                "Samlingsfakturor till regionen",
                "Collective invoices to the region",
            )
            .to_string(),
            marks,
            unsplit,
            lang,
        )));
    }
    let sum = payments.total();
    let (i, t, h) = (
        number::document_amount(payments.invoiced, lang),
        number::document_amount(payments.transferred, lang),
        number::document_amount(payments.held_total, lang),
    );
    // Short of the county total in a draft whose errors keep money from the payments. (A
    // document is of the whole plan: never a selection.)
    let (figure, closing) = if payments.verdict() == report::Verdict::Holds {
        let figure = Figure {
            text: number::document_amount(sum, lang),
            mark: Mark::Verified,
        };
        (
            figure,
            lang.pick(" = länets medel.", " = the county total."),
        )
    } else {
        (marks.whole(sum, Whole::County(payments.county_total)), ".")
    };
    blocks.push(Block::Paragraph(vec![
        Span::text(say!(
            lang,
            "Fakturor {i} + interna överföringar {t} + medel hos regionen {h} = ",
            "Invoices {i} + internal transfers {t} + funds the region manages {h} = "
        )),
        Span::Figure(figure),
        Span::text(closing),
    ]));
}

/// Who invoices the region, as the year's plan has them: a kommunförbund by name, the
/// kommuner as "respektive kommun", external parties by name (up to three, else as
/// "externa parter"), the region's own units by name.
/// Where a heading has both money the region holds and money paid to others, what the
/// heading's total is made of: "Av rubriken "Region … för fortsatt fördelning …" (4 705 026
/// kr) förvaltar Region Jämtland Härjedalen 4 205 026 kr; 250 000 kr (2.6) går till Fontänhus
/// …". The reader meets both totals for what reads as the same money.
fn held_within_headings(projection: &Projection, payments: &Payments, lang: Lang) -> Vec<String> {
    let held: HashSet<(&str, &str)> = (payments.held.iter())
        .flat_map(|s| s.lines.iter().map(move |l| (payments.id(l), &*s.recipient)))
        .collect();
    let mut texts = Vec::new();
    for heading in report::per_heading(projection).headings {
        if !heading.complete {
            continue;
        }
        let (kept, others): (Vec<_>, Vec<_>) = (heading.items.iter())
            .partition(|item| held.contains(&(item.insats.as_str(), item.recipient.as_str())));
        let Some(holder) = kept.first().map(|item| item.recipient.as_str()) else {
            continue;
        };
        if others.is_empty() || kept.iter().any(|item| item.recipient != holder) {
            continue;
        }
        let kept_sum: Amount = kept.iter().map(|item| item.amount).sum();
        let others_sum: Amount = others.iter().map(|item| item.amount).sum();
        // A heading with sub-headings sums more than its own rows: its parts are told there.
        if kept_sum + others_sum != heading.computed {
            continue;
        }
        // Each recipient once, in the heading's order, with its insatser.
        let mut by_recipient: Vec<(&str, Amount, Vec<&str>)> = Vec::new();
        for item in &others {
            let at = (by_recipient.iter()).position(|(to, _, _)| *to == item.recipient);
            match at.and_then(|at| by_recipient.get_mut(at)) {
                Some((_, sum, ids)) => {
                    *sum += item.amount;
                    ids.push(&item.insats);
                }
                None => by_recipient.push((&item.recipient, item.amount, vec![&item.insats])),
            }
        }
        let paid: Vec<String> = (by_recipient.iter())
            .map(|(to, sum, ids)| {
                let (sum, ids) = (number::document_amount(*sum, lang), ids.join(", "));
                format!("{to} {sum} ({ids})")
            })
            .collect();
        let (title, total) = (
            crate::output::words::document::quoted(&heading.title, lang),
            number::document_amount(heading.computed, lang),
        );
        let kept_sum = number::document_amount(kept_sum, lang);
        let paid = crate::output::words::listed(&paid, lang);
        texts.push(say!(
            lang,
            "Av rubriken {title} ({total}) förvaltar {holder} {kept_sum}; resten går till {paid}.",
            "Of the heading {title} ({total}), {holder} manages {kept_sum}; the rest goes to {paid}."
        ));
    }
    texts
}

fn invoicers(invoices: &[Statement], lang: Lang) -> String {
    let of = |kind: RecipientKind| -> Vec<&str> {
        invoices
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| &*s.recipient)
            .collect()
    };
    let mut who: Vec<String> = Vec::new();
    for kind in [
        RecipientKind::Kommunforbund,
        RecipientKind::Region,
        RecipientKind::RegionUnit,
    ] {
        who.extend(of(kind).into_iter().map(str::to_string));
    }
    match of(RecipientKind::Kommun).as_slice() {
        [] => {}
        [one] => who.push((*one).to_string()),
        _ => who.push(lang.pick("respektive kommun", "each kommun").to_string()),
    }
    let external = of(RecipientKind::External);
    match external.len() {
        0 => {}
        1..=3 => who.extend(external.into_iter().map(str::to_string)),
        _ => who.push(lang.pick("externa parter", "external parties").to_string()),
    }
    // The sentence starts with it.
    capitalized(&crate::output::words::listed(&who, lang))
}

/// "**Förslag:**" on a line of its own, over the points the decision assigns.
fn proposal_lead(lang: Lang) -> Block {
    let lead = crate::output::words::document::proposal_lead(lang);
    Block::Paragraph(vec![Span::Strong(lead.to_string())])
}

/// The duties after the decision, as the decision basis proposes them: report the use, repay
/// what is not used.
fn follow_up(blocks: &mut Vec<Block>, plan: &Plan, report_to: &[&str], lang: Lang) {
    blocks.push(heading(
        2,
        lang.pick("Uppföljning och återbetalning", "Follow-up and repayment"),
        "follow-up",
        false,
    ));
    let mut points = Vec::new();
    let reported = deadline(plan, Deadlines::use_reported, lang);
    // To whom (`report_to`): " till Kommunförbundet … och Folkhälsoenheten".
    let to = crate::output::words::reported_to(report_to, lang);
    points.push(texts(&match &reported {
        Some(date) => say!(
            lang,
            "Varje verksamhet som tar emot medel ska redovisa användning och förbrukning av medlen{to} senast {date}, enligt kommande anvisning för återredovisning.",
            "Every unit that receives funds is to report how it used them{to} by {date}, following the coming instructions for the report."
        ),
        None => say!(
            lang,
            "Varje verksamhet som tar emot medel ska redovisa användning och förbrukning av medlen{to}.",
            "Every unit that receives funds is to report how it used them{to}."
        ),
    }));
    let region = plan
        .actors
        .iter()
        .find(|a| *a.kind.get_ref() == ActorKind::Region)
        .map(|a| a.name.clone());
    let forbund = plan
        .actors
        .iter()
        .find(|a| *a.kind.get_ref() == ActorKind::Kommunforbund)
        .map(|a| a.name.clone());
    if let (Some(region), Some(forbund)) = (region, forbund) {
        points.push(texts(&say!(
            lang,
            "{region} och {forbund} uppdras återredovisa medlen till staten i samverkan, med ansvar för respektive fördelade medel.",
            "{region} and {forbund} are assigned to report back to the state jointly, each responsible for the funds it distributed."
        )));
    }
    points.push(texts(&match deadline(plan, Deadlines::unused_repaid, lang) {
        Some(date) => say!(
            lang,
            "Medel som inte använts för avsett ändamål ska återbetalas till Kammarkollegiet senast {date}.",
            "Funds not used for their purpose are to be repaid to Kammarkollegiet by {date}."
        ),
        None => lang
            .pick(
                "Medel som inte använts för avsett ändamål ska återbetalas till Kammarkollegiet.",
                "Funds not used for their purpose are to be repaid to Kammarkollegiet.",
            )
            .to_string(),
    }));
    blocks.push(proposal_lead(lang));
    blocks.push(Block::List(points));
}

/// The plan's own paragraphs under a heading of their own, as written: *Villkor för medlen*
/// (`conditions`, what the decision says about using the money) and *Förslag till beslut*
/// (`proposal`, the points the forum decides); nothing when the plan gives none.
fn plan_paragraphs(blocks: &mut Vec<Block>, title: &str, id: &str, paragraphs: &[String]) {
    if paragraphs.is_empty() {
        return;
    }
    blocks.push(heading(2, title, id, false));
    for paragraph in paragraphs {
        blocks.push(Block::Paragraph(swedish_texts(paragraph)));
    }
}

/// Every printed figure that `check` compared, with the computed one and its standing; a
/// figure about last year also against last year's plan (`--previous`).
fn checked_figures(
    blocks: &mut Vec<Block>,
    ledger: &Ledger,
    marks: &Marks,
    previous: Option<&PlanDiff>,
    lang: Lang,
) {
    let plan = ledger.plan;
    let compared: Vec<(usize, &Printed)> = marks.counted().collect();
    let key_totals = crate::core::check::key_totals::compared(ledger);
    // The printed tables, each a row of its own: how many of its figures hold.
    let tables = (plan.tables.iter())
        .map(|t| {
            let spans = crate::core::check::tables::printed_spans(std::slice::from_ref(t));
            (t.title.as_deref().unwrap_or(t.id.get_ref()), spans)
        })
        .chain(plan.cost_sharing.iter().map(|c| {
            let spans = crate::core::check::cost_sharing::printed_spans(std::slice::from_ref(c));
            (c.title.as_deref().unwrap_or(c.id.get_ref()), spans)
        }))
        .filter(|(_, spans)| !spans.is_empty())
        .collect::<Vec<_>>();
    if compared.is_empty() && key_totals.is_empty() && tables.is_empty() {
        return;
    }
    blocks.push(heading(
        2,
        lang.pick("Kontrollerade summor", "Checked figures"),
        "checked",
        true,
    ));
    blocks.push(Block::Paragraph(texts(lang.pick(
        "Varje summa som underlaget anger, jämförd med posterna under den enligt planen.",
        "Every total the document states, compared with the amounts under it in the plan.",
    ))));
    let rows = compared
        .iter()
        .map(|&(i, p)| {
            let label = figure_label(plan, ledger, &p.figure, lang);
            let (mark, computed) = marks.compared_figure(i, p, previous);
            let printed = Figure {
                text: number::document_amount(p.amount, lang),
                mark,
            };
            // A figure that errors keep from being computed is listed all the same, its
            // computed figure a dash.
            let computed = computed.map_or_else(
                || Figure {
                    text: "–".to_string(),
                    mark: Mark::None,
                },
                |c| marks.plain(c),
            );
            row(vec![label, figure_cell(printed), figure_cell(computed)])
        })
        .chain(
            key_totals
                .iter()
                .map(|total| key_total_row(plan, total, marks, lang)),
        )
        .chain(tables.iter().map(|(title, spans)| {
            let (holding, mark) = marks.section(spans);
            let (all, holding) = (
                number::count(spans.len() as u64, lang),
                number::count(holding as u64, lang),
            );
            let mut label = swedish_texts(title);
            label.push(Span::text(say!(
                lang,
                ": tabellens tryckta tal",
                ": the table's printed figures"
            )));
            row(vec![
                label,
                figure_cell(Figure { text: all, mark }),
                texts(&say!(lang, "{holding} stämmer", "{holding} hold")),
            ])
        }))
        .collect();
    blocks.push(Block::Table(Table {
        caption: Some(
            lang.pick(
                "Angivna och beräknade summor",
                "Stated and computed figures",
            )
            .to_string(),
        ),
        columns: vec![
            Column::wide(lang.pick("Summa", "Figure")),
            // The figure as the plan states it: the printed one, or the plan's correction of
            // it, which the row's note explains (tester s34: "Tryckt 481 600" for a printed
            // 481 000).
            Column::amount(lang.pick("Angiven", "Stated")),
            Column::amount(lang.pick("Beräknat", "Computed")),
        ],
        rows,
        notes: Vec::new(),
    }));
}

/// A key's printed total (`printed_total`) against the sum of its values: counts or
/// percentages, not kronor, each with as many decimals as either has.
fn key_total_row(
    plan: &Plan,
    total: &crate::core::check::key_totals::KeyTotal,
    marks: &Marks,
    lang: Lang,
) -> Row {
    let key = plan.keys.get(total.key);
    let name = key.map_or("", |k| k.title.as_deref().unwrap_or(k.id.get_ref()));
    let label = vec![
        Span::swedish(name),
        Span::text(lang.pick(
            ": fördelningsnyckelns summa",
            ": the allocation key's total",
        )),
    ];
    let printed = total.printed.get_ref().0;
    // An overflowing sum (refused when read) is shown as the printed one, marked.
    let (printed, computed) = words::key_sums(printed, total.computed.unwrap_or(printed));
    let percent = key.is_some_and(|k| *k.kind.get_ref() == crate::core::plan::KeyKind::Percent);
    let number = |d| number::Style::document(lang).key_sum(d, percent);
    let mark = marks.key_total(&total.printed.span(), &number(computed));
    row(vec![
        label,
        figure_cell(Figure {
            text: number(printed),
            mark,
        }),
        figure_cell(Figure {
            text: number(computed),
            mark: Mark::None,
        }),
    ])
}

/// What a printed figure is, in words: the plan's own words (a heading's title, a stated
/// label, an earmark's title, a recipient's name) marked as its, Swedish whatever the
/// document's language.
fn figure_label(plan: &Plan, ledger: &Ledger, figure: &Fig, lang: Lang) -> Vec<Span> {
    match figure {
        Fig::CountyTotal => texts(lang.pick(
            "Länets medel: områdena och insatserna",
            "County total: the areas and the insatser",
        )),
        Fig::NationalTotal => texts(lang.pick(
            "Nationella medel: delarnas summa",
            "National total: the sum of its parts",
        )),
        Fig::PreviousCountyTotal => texts(lang.pick("Föregående års medel", "Last year's total")),
        Fig::Change => texts(lang.pick("Förändring mot föregående år", "Change against last year")),
        Fig::Area(a) => {
            let n = plan.areas.get(*a).map_or(0, |x| *x.number.get_ref());
            texts(&say!(
                lang,
                "Område {n}: insatserna",
                "Area {n}: the insatser"
            ))
        }
        Fig::Earmark(a, e) => {
            let area = plan.areas.get(*a);
            let n = area.map_or(0, |x| *x.number.get_ref());
            let title = area
                .and_then(|x| x.earmarks.get(*e))
                .map_or("", |m| m.title.as_str());
            vec![
                Span::text(say!(lang, "Område {n}, varav: ", "Area {n}, of which: ")),
                Span::swedish(title),
            ]
        }
        Fig::Heading(h) => {
            let heading = plan.headings.get(*h);
            noted(
                heading.map_or("", |x| x.title.as_str()),
                heading.and_then(|x| x.note.as_deref()),
            )
        }
        Fig::Insats(i) => texts(
            &plan
                .insatser
                .get(*i)
                .map_or_else(String::new, |x| format!("Insats {}", x.id.get_ref())),
        ),
        Fig::Part(i, recipient) => {
            let id = plan
                .insatser
                .get(*i)
                .map_or("", |x| x.id.get_ref().as_str());
            vec![
                Span::text(format!("Insats {id}, ")),
                Span::swedish(ledger.recipient_name(*recipient)),
            ]
        }
        Fig::Stated(s, _) => {
            let stated = plan.stated.get(*s);
            noted(
                stated.map_or("", |x| x.label.as_str()),
                stated.and_then(|x| x.note.as_deref()),
            )
        }
    }
}

/// A printed figure's label with the plan's note on it (`note`), both the plan's words.
fn noted(label: &str, note: Option<&str>) -> Vec<Span> {
    let mut spans = swedish_texts(label);
    if let Some(note) = note {
        spans.push(Span::text(" ("));
        spans.push(Span::swedish(note));
        spans.push(Span::text(")"));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ledger::selection::Selection;

    /// The decision basis's table per kommun heads its own columns only with the names no
    /// insats may have as its id (`ambiguous-name`).
    #[test]
    fn the_table_per_kommun_heads_its_own_columns_as_check_knows_them() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("allocations/plan-2026.toml");
        let loaded = crate::input::plan::load(&path).unwrap();
        let checked = crate::core::check::check(&loaded.plan, &loaded.key_files);
        let all = Selection::all();
        let projection = Projection::new(&checked.ledger, &all);
        for lang in [Lang::Sv, Lang::En] {
            let marks = Marks::new(&checked.ledger, &checked.findings, &loaded.source, lang);
            let mut blocks = Vec::new();
            per_kommun(&mut blocks, &projection, &marks, lang);
            let Some(Block::Table(table)) = blocks.iter().find(|b| matches!(b, Block::Table(_)))
            else {
                panic!("{blocks:?}")
            };
            let own: Vec<&str> = (table.columns.iter())
                .map(|c| c.header.as_str())
                .filter(|h| !checked.ledger.names.insatser.contains_key(*h))
                .collect();
            assert_eq!(own.len(), 3, "{own:?}");
            for header in own {
                assert!(
                    (crate::core::ledger::names::KOMMUN_TABLE_COLUMNS.iter())
                        .any(|c| c.eq_ignore_ascii_case(header)),
                    "{header}"
                );
            }
        }
    }

    /// `check`'s count (*N av M angivna summor stämmer*), the document's status (*N av M
    /// angivna summor stämmer (K kan inte kontrolleras, se fel 1)*) and its *Kontrollerade
    /// summor* (each row ✓ or "kan inte kontrolleras", or a table's "33 stämmer") are one
    /// count, on the shipped plans, the examples and the corpus: a
    /// figure holds where no finding stands at it (`core::report::printed::SpanIndex`).
    #[test]
    fn the_checked_figures_count_as_check_and_the_status_do() {
        use crate::core::report::printed::{SpanIndex, printed, reconciled};
        let (mut counted, mut with_unchecked) = (0, 0);
        for path in crate::test_plans::shipped(&["examples", "tests/corpus/plans"]) {
            let Ok(loaded) = crate::input::plan::load(&path) else {
                continue;
            };
            let checked = crate::core::check::check(&loaded.plan, &loaded.key_files);
            let ledger = &checked.ledger;
            let findings: Vec<Finding> = (checked.findings.iter())
                .filter(|f| in_document(f))
                .cloned()
                .collect();
            let marks = Marks::new(ledger, &findings, &loaded.source, Lang::Sv);
            let mut blocks = Vec::new();
            checked_figures(&mut blocks, ledger, &marks, None, Lang::Sv);
            let (mut all, mut holding, mut unchecked) = (0, 0, 0);
            let rows = blocks.iter().filter_map(|b| match b {
                Block::Table(t) => Some(&t.rows),
                _ => None,
            });
            let digits = |spans: &[Span]| -> usize {
                let text: String = spans
                    .iter()
                    .map(|s| match s {
                        Span::Text(t) => t.clone(),
                        Span::Figure(f) => f.text.clone(),
                        _ => String::new(),
                    })
                    .collect();
                text.chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>()
                    .parse()
                    .unwrap()
            };
            for row in rows.flatten() {
                let [_, printed, computed] = row.cells.as_slice() else {
                    panic!("{row:?}")
                };
                let [Span::Figure(printed)] = printed.as_slice() else {
                    panic!("{row:?}")
                };
                match computed.as_slice() {
                    // A printed table: how many figures, and how many hold.
                    [Span::Text(_)] => {
                        all += digits(std::slice::from_ref(&Span::Figure(printed.clone())));
                        holding += digits(computed);
                    }
                    _ => {
                        all += 1;
                        holding += usize::from(printed.mark == Mark::Verified);
                        let cannot = crate::output::words::document::unchecked(Lang::Sv);
                        unchecked += usize::from(matches!(
                            &printed.mark,
                            Mark::Finding { note, .. } if note == cannot
                        ));
                    }
                }
            }
            let status = marks.counts(ledger);
            let check = reconciled(ledger, &printed(ledger), &SpanIndex::new(&checked.findings));
            let listed = (all, holding, unchecked);
            let status_counts = (status.figures, status.holding, status.unchecked);
            assert_eq!(listed, status_counts, "{}", path.display());
            assert_eq!(check, status, "{}", path.display());
            counted += 1;
            with_unchecked += usize::from(unchecked > 0);
        }
        assert!(counted > 100, "{counted}");
        // Plans whose errors keep printed figures from being compared are among them.
        assert!(with_unchecked > 0, "{with_unchecked}");
    }
}
