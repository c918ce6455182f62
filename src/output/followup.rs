//! The follow-up's summary rendered: terminal tables, sheets for CSV and XLSX, and the JSON
//! document (`allocate-follow-up/2`), all from the same `Summary`, so they cannot disagree.

use comfy_table::{Cell, CellAlignment};
use serde::Serialize;

use crate::core::followup::summary::{
    Part, ReallocationUse, RecipientUse, Repayment, Settlement, Summary, Use,
};
use crate::core::money::Amount;
use crate::output::lang::Lang;
use crate::output::sheet::{self, Sheet, Value, Words};
use crate::output::table::{Layout, budget, hold, right_align_from, whole};
use crate::output::text::{short, visible, widest, wrap};
use crate::output::words::followup::{self as words, FigureColumn};
use crate::say;

pub const SCHEMA: &str = "allocate-follow-up/2";

/// The file stem (and worksheet name) of a part.
pub fn stem(part: Part) -> &'static str {
    match part {
        Part::Recipients => "uppfoljning-mottagare",
        Part::Areas => "uppfoljning-omraden",
        Part::Insatser => "uppfoljning-insatser",
        Part::Reallocations => "omfordelningar",
        Part::Repayment => "aterbetalning",
        Part::Lines => "uppfoljning-rader",
    }
}

/// The summary's heading and the parts asked for, as the terminal shows them.
pub fn tables(summary: &Summary, parts: &[Part], layout: Layout) -> String {
    let lang = layout.lang;
    let mut out = format!(
        "{}, {} {}\n{}\n",
        lang.pick("Uppföljning av användningen", "Follow-up of the use"),
        visible(&summary.county),
        summary.year,
        progress(summary, lang)
    );
    for part in parts {
        // No moves between lines: nothing to show, unless it is all that was asked for.
        if *part == Part::Reallocations && !any_reallocated(summary) && parts.len() > 1 {
            continue;
        }
        out.push('\n');
        out.push_str(&match part {
            Part::Recipients => recipients(summary, layout),
            Part::Areas => areas(summary, layout),
            Part::Insatser => insatser(summary, layout),
            Part::Reallocations => reallocations(summary, layout),
            Part::Repayment => repayment(summary, layout),
            Part::Lines => lines(summary, layout),
        });
    }
    // What the recipients wrote beside their figures (why nothing was used, a report the
    // region entered for a recipient that sent none), where the lines are not shown.
    if comments_follow(parts)
        && let Some(comments) = comments(summary, layout)
    {
        out.push('\n');
        out.push_str(&comments);
    }
    out.push('\n');
    out.push_str(&reconciliation(summary, lang));
    out
}

/// Whether the recipients' comments follow these parts, on the terminal and in a document:
/// those shown when none is asked for (the lines' view lists them under its own table).
pub fn comments_follow(parts: &[Part]) -> bool {
    parts == Part::SHOWN
}

/// Each comment on a line: whose line, what it used, and the comment, wrapped to the width;
/// `None` without comments.
fn comments(summary: &Summary, layout: Layout) -> Option<String> {
    let lang = layout.lang;
    let width = usize::from(layout.width);
    let commented = summary.commented_lines();
    if commented.is_empty() {
        return None;
    }
    let mut out = format!("{}\n", words::comments_title(lang));
    for line in commented {
        if let Some(comment) = &line.comment {
            let on = words::comment_on(line, |a| lang.amount(a), lang);
            out.push_str(&wrap(
                &format!("{}: {}", visible(&on), visible(comment)),
                width,
                "  ",
                "    ",
            ));
            out.push('\n');
        }
    }
    Some(out)
}

/// "Redovisat: 29 av 29 rader."
fn progress(summary: &Summary, lang: Lang) -> String {
    let done = crate::output::number::count(summary.lines_reported as u64, lang);
    let all = crate::output::words::followup::rows(summary.line_count, lang);
    let never = words::not_invoiced_rows(summary.lines_not_invoiced, lang);
    let deadline = summary
        .use_reported
        .as_ref()
        .map(|d| say!(lang, "; redovisas senast {d}", "; to be reported by {d}"))
        .unwrap_or_default();
    if summary.complete && summary.lines_not_invoiced > 0 {
        say!(
            lang,
            "Redovisat: {done} av {all}{never}{deadline}",
            "Reported: {done} of {all}{never}{deadline}"
        )
    } else if summary.complete && summary.line_count == 1 {
        say!(
            lang,
            "Redovisat: {all}{deadline}",
            "Reported: {all}{deadline}"
        )
    } else if summary.complete {
        say!(
            lang,
            "Redovisat: alla {all}{deadline}",
            "Reported: all {all}{deadline}"
        )
    } else {
        let left = lang.amount(summary.totals.unreported);
        say!(
            lang,
            "Redovisat: {done} av {all}{never}; ej redovisat {left}{deadline}",
            "Reported: {done} of {all}{never}; not reported {left}{deadline}"
        )
    }
}

/// A figure column's amount in a row.
pub fn value(column: FigureColumn, figures: &Use) -> Amount {
    match column {
        FigureColumn::Received | FigureColumn::Granted | FigureColumn::Allocated => {
            figures.received
        }
        FigureColumn::Reallocated => figures.reallocated,
        FigureColumn::Used => figures.used,
        FigureColumn::Unused => figures.unused,
        FigureColumn::NotReported => figures.unreported,
        FigureColumn::NotInvoiced => figures.not_invoiced,
    }
}

/// Whether anything was moved between lines: the terminal and the documents then show what
/// was moved to (and from) each line, insats and area.
pub fn any_reallocated(summary: &Summary) -> bool {
    !summary.reallocations.is_empty()
}

/// Each figure column's decimals: as many as its most precise amount has, so that every
/// amount of a column is written alike (`47 600,00` above `190 006,68`).
pub fn figure_decimals(columns: &[FigureColumn], rows: &[Use], summary: &Summary) -> Vec<u32> {
    (columns.iter())
        .map(|&column| {
            let amounts = rows.iter().chain([&summary.totals]);
            crate::output::number::shared_decimals(amounts.map(|u| value(column, u)))
        })
        .collect()
}

fn figure_cells(
    columns: &[FigureColumn],
    figures: &Use,
    decimals: &[u32],
    lang: Lang,
) -> Vec<Cell> {
    (columns.iter().zip(decimals))
        .map(|(&column, &decimals)| {
            let text = lang.number(value(column, figures).with_decimals(decimals));
            Cell::new(text).set_alignment(CellAlignment::Right)
        })
        .collect()
}

/// Widths of the figure columns, for the budget of the text column.
fn figure_widths(
    summary: &Summary,
    columns: &[FigureColumn],
    headers: &[&str],
    rows: &[Use],
    decimals: &[u32],
    lang: Lang,
) -> Vec<usize> {
    let all: Vec<&Use> = rows.iter().chain([&summary.totals]).collect();
    (headers.iter().zip(columns.iter().zip(decimals)))
        .map(|(header, (&column, &decimals))| {
            let texts: Vec<String> = (all.iter())
                .map(|u| lang.number(value(column, u).with_decimals(decimals)))
                .collect();
            widest(texts.iter().map(String::as_str)).max(header.chars().count())
        })
        .collect()
}

fn recipients(summary: &Summary, layout: Layout) -> String {
    let lang = layout.lang;
    let rows = summary.recipients.iter().map(|r| {
        let name = crate::output::words::recipient(&r.recipient, r.kommunkod.as_deref());
        (vec![name], &r.figures)
    });
    // A recipient's moves stay among its own lines: nothing to show per recipient.
    figures_table(
        summary,
        layout,
        lang.pick("Per mottagare", "Per recipient"),
        (
            &[lang.pick("Mottagare", "Recipient")],
            FigureColumn::Received,
            false,
        ),
        rows.collect(),
    )
}

fn areas(summary: &Summary, layout: Layout) -> String {
    let lang = layout.lang;
    let rows = summary
        .areas
        .iter()
        .map(|a| (vec![format!("{} {}", a.number, a.title)], &a.figures));
    figures_table(
        summary,
        layout,
        lang.pick("Per område", "Per area"),
        (
            &[lang.pick("Område", "Area")],
            FigureColumn::Allocated,
            any_reallocated(summary),
        ),
        rows.collect(),
    )
}

fn insatser(summary: &Summary, layout: Layout) -> String {
    let lang = layout.lang;
    let rows = summary
        .insatser
        .iter()
        .map(|i| (vec![i.insats.clone(), i.text.clone()], &i.figures));
    figures_table(
        summary,
        layout,
        lang.pick("Per insats", "Per insats"),
        (
            &["Insats", lang.pick("Beskrivning", "Description")],
            FigureColumn::Allocated,
            any_reallocated(summary),
        ),
        rows.collect(),
    )
}

/// A table of each row's figures: its leading texts (the last one cut to the room the other
/// columns leave), what it received or was allocated, what was moved to it (with
/// `reallocated`), used, unused (and not reported while the follow-up is incomplete), and a
/// total row.
fn figures_table(
    summary: &Summary,
    layout: Layout,
    caption: &str,
    (leading, first_figure, reallocated): (&[&str], FigureColumn, bool),
    rows: Vec<(Vec<String>, &Use)>,
) -> String {
    let lang = layout.lang;
    let columns = words::figure_columns(
        first_figure,
        reallocated,
        !summary.complete,
        summary.any_not_invoiced(),
    );
    let headers: Vec<&str> = (columns.iter())
        .map(|&c| words::figure_header(c, Words::from(lang)))
        .collect();
    let figures: Vec<Use> = rows.iter().map(|(_, u)| **u).collect();
    let rows: Vec<(Vec<String>, &Use)> = rows
        .into_iter()
        .map(|(texts, u)| (texts.iter().map(|t| visible(t).into_owned()).collect(), u))
        .collect();
    // The leading columns before the last keep their width; the last gets what is left.
    let fixed = leading.len().saturating_sub(1);
    let mut widths: Vec<usize> = (0..fixed)
        .map(|c| {
            let cells = rows
                .iter()
                .filter_map(|(t, _)| t.get(c))
                .map(String::as_str);
            widest(cells).max(leading.get(c).map_or(0, |h| h.chars().count()))
        })
        .collect();
    let decimals = figure_decimals(&columns, &figures, summary);
    let figure_widths = figure_widths(summary, &columns, &headers, &figures, &decimals, lang);
    let figure_columns = figure_widths.len();
    widths.extend(figure_widths);
    let room = budget(layout, &widths);
    let mut table = layout.table();
    let mut header: Vec<Cell> = leading.iter().map(Cell::new).collect();
    header.extend(headers.iter().map(Cell::new));
    table.set_header(header);
    let mut cut: Vec<String> = Vec::new();
    for (texts, figures) in &rows {
        let mut cells: Vec<Cell> = texts
            .iter()
            .enumerate()
            .map(|(c, t)| {
                if c == fixed {
                    let t = short(t, room);
                    cut.push(t.clone());
                    Cell::new(t)
                } else {
                    Cell::new(t)
                }
            })
            .collect();
        cells.extend(figure_cells(&columns, figures, &decimals, lang));
        table.add_row(cells);
    }
    let mut total: Vec<Cell> = (0..fixed).map(|_| Cell::new("")).collect();
    total.push(layout.total_label(true));
    total.extend(figure_cells(&columns, &summary.totals, &decimals, lang));
    table.add_row(total);
    let first = leading.len();
    right_align_from(&mut table, first);
    whole(&mut table, (0..fixed).chain(first..first + figure_columns));
    let shown = cut.iter().map(String::as_str);
    hold(
        &mut table,
        fixed,
        room,
        shown.chain([lang.pick("Totalt", "Total")]),
    );
    format!("{caption} ({})\n{table}\n", lang.pick("kronor", "kronor"))
}

fn lines(summary: &Summary, layout: Layout) -> String {
    let lang = layout.lang;
    let mut table = layout.table();
    let mut header = vec![
        Cell::new(lang.pick("Mottagare", "Recipient")),
        Cell::new("Insats"),
    ];
    let reallocated = any_reallocated(summary);
    // What is not reported, while a line is not, and not invoiced in time, as the other parts
    // show it.
    let not_reported = !summary.complete;
    let not_invoiced = summary.any_not_invoiced();
    header.extend(
        words::figure_headers(
            FigureColumn::Received,
            reallocated,
            (not_reported, not_invoiced),
            Words::from(lang),
        )
        .into_iter()
        .map(Cell::new),
    );
    table.set_header(header);
    let figures =
        3 + usize::from(reallocated) + usize::from(not_reported) + usize::from(not_invoiced);
    let number = |a: Option<Amount>| {
        Cell::new(a.map_or_else(|| "–".to_string(), |a| lang.number(a)))
            .set_alignment(CellAlignment::Right)
    };
    let amount_width = widest(
        summary
            .lines
            .iter()
            .map(|l| lang.number(l.received))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
    )
    .max(9);
    let ids: Vec<String> = summary
        .lines
        .iter()
        .map(|l| visible(&l.insats).into_owned())
        .collect();
    let id_width = widest(ids.iter().map(String::as_str)).max(6);
    let mut widths = vec![id_width];
    widths.extend(std::iter::repeat_n(amount_width, figures));
    let name_width = budget(layout, &widths);
    let mut names: Vec<String> = Vec::new();
    let row = |received: Amount,
               moved: Option<Amount>,
               (used, unused): (Option<Amount>, Option<Amount>),
               (unreported, never_paid): (Amount, Amount)| {
        let mut cells = vec![number(Some(received))];
        if reallocated {
            cells.push(number(moved));
        }
        cells.extend([number(used), number(unused)]);
        if not_reported {
            cells.push(number(Some(unreported)));
        }
        if not_invoiced {
            cells.push(number(Some(never_paid)));
        }
        cells
    };
    for l in &summary.lines {
        let name = crate::output::words::recipient(&l.recipient, l.kommunkod.as_deref());
        let name = short(&name, name_width);
        names.push(name.clone());
        let mut cells = vec![Cell::new(name), Cell::new(visible(&l.insats))];
        cells.extend(row(
            l.received,
            l.reallocated,
            (l.used, l.unused),
            (l.unreported, l.not_invoiced),
        ));
        table.add_row(cells);
    }
    let t = &summary.totals;
    let mut cells = vec![layout.total_label(true), Cell::new("")];
    cells.extend(row(
        t.received,
        Some(t.reallocated),
        (Some(t.used), Some(t.unused)),
        (t.unreported, t.not_invoiced),
    ));
    table.add_row(cells);
    right_align_from(&mut table, 2);
    whole(&mut table, 1..2 + figures);
    let shown = names.iter().map(String::as_str);
    hold(
        &mut table,
        0,
        name_width,
        shown.chain([lang.pick("Totalt", "Total")]),
    );
    let mut out = format!(
        "{} ({})\n{table}\n",
        lang.pick("Per rad i planen", "Per line of the plan"),
        lang.pick("kronor", "kronor"),
    );
    if !summary.complete {
        out += &format!("  {}\n", words::not_reported_legend(lang));
    }
    // The recipients' comments under the table, each with its line, so that the figures keep
    // their columns at any width.
    if let Some(comments) = comments(summary, layout) {
        out.push('\n');
        out.push_str(&comments);
    }
    out
}

/// The moves between a recipient's own lines: who, from which insats to which, within which
/// focus areas, how much.
fn reallocations(summary: &Summary, layout: Layout) -> String {
    let lang = layout.lang;
    let caption = lang.pick(
        "Omfördelat inom fokusområden",
        "Reallocated within focus areas",
    );
    if summary.reallocations.is_empty() {
        return format!("{caption}\n  {}\n", words::no_reallocations(lang));
    }
    let decimals = (summary.reallocations.iter().map(|r| r.amount))
        .chain([summary.reallocated()])
        .map(Amount::decimals)
        .max()
        .unwrap_or(0);
    let shown = |a: Amount| lang.number(a.with_decimals(decimals));
    let ids =
        |pick: fn(&ReallocationUse) -> &str| widest(summary.reallocations.iter().map(pick)).max(5);
    let focus: Vec<String> = (summary.reallocations.iter())
        .map(|r| crate::output::words::focus_areas(&r.focus_areas))
        .collect();
    let amount_width = widest(
        (summary.reallocations.iter().map(|r| shown(r.amount)))
            .chain([shown(summary.reallocated())])
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
    )
    .max(6);
    let focus_header = lang.pick("Fokusområden", "Focus areas");
    let focus_width = widest(focus.iter().map(String::as_str)).max(focus_header.chars().count());
    // The areas of the agreement each move goes between: the money is reported back to the
    // state per area.
    let areas_header = words::moved_areas_header(lang);
    let areas: Vec<String> = (summary.reallocations.iter())
        .map(|r| words::moved_areas(r.from_area, r.to_area))
        .collect();
    let areas_width = widest(areas.iter().map(String::as_str)).max(areas_header.chars().count());
    let name_width = budget(
        layout,
        &[
            ids(|r| r.from.as_str()),
            ids(|r| r.to.as_str()),
            areas_width,
            focus_width,
            amount_width,
        ],
    );
    let mut table = layout.table();
    table.set_header(vec![
        Cell::new(lang.pick("Mottagare", "Recipient")),
        Cell::new(lang.pick("Från", "From")),
        Cell::new(lang.pick("Till", "To")),
        Cell::new(areas_header),
        Cell::new(focus_header),
        Cell::new(lang.pick("Belopp", "Amount")),
    ]);
    let mut names: Vec<String> = Vec::new();
    for ((r, focus), areas) in summary.reallocations.iter().zip(focus).zip(areas) {
        let name = crate::output::words::recipient(&r.recipient, r.kommunkod.as_deref());
        let name = short(&name, name_width);
        names.push(name.clone());
        table.add_row(vec![
            Cell::new(name),
            Cell::new(visible(&r.from)),
            Cell::new(visible(&r.to)),
            Cell::new(areas),
            Cell::new(focus),
            Cell::new(shown(r.amount)).set_alignment(CellAlignment::Right),
        ]);
    }
    table.add_row(vec![
        layout.total_label(true),
        Cell::new(""),
        Cell::new(""),
        Cell::new(""),
        Cell::new(""),
        Cell::new(shown(summary.reallocated())).set_alignment(CellAlignment::Right),
    ]);
    right_align_from(&mut table, 5);
    whole(&mut table, 1..6);
    let shown_names = names.iter().map(String::as_str);
    hold(
        &mut table,
        0,
        name_width,
        shown_names.chain([lang.pick("Totalt", "Total")]),
    );
    let note = crate::output::text::wrap(
        words::reallocations_note(lang),
        usize::from(layout.width).max(40),
        "  ",
        "  ",
    );
    format!(
        "{caption} ({})\n{table}\n{note}\n",
        lang.pick("kronor", "kronor")
    )
}

/// The repayment to Kammarkollegiet: its total, how each recipient's unused money is
/// settled, and where it comes from.
fn repayment(summary: &Summary, layout: Layout) -> String {
    let lang = layout.lang;
    let r = &summary.repayment;
    let by = (r.by.as_ref())
        .map(|d| crate::output::words::by_date(&d.to_string(), lang))
        .unwrap_or_default();
    let total = lang.amount(r.total);
    let preliminary = words::preliminary_reason(summary, lang)
        .map(|reason| say!(lang, " (preliminärt: {reason})", " (preliminary: {reason})"))
        .unwrap_or_default();
    let mut out = say!(
        lang,
        "Återbetalning till Kammarkollegiet{by}: {total}{preliminary}\n",
        "Repayment to Kammarkollegiet{by}: {total}{preliminary}\n"
    );
    if let Some(note) = overdue(summary, lang) {
        out.push_str(&format!("  {note}\n"));
    }
    let unused: Vec<_> = summary.settling().collect();
    if unused.is_empty() {
        out.push_str(lang.pick("  Inga medel är oanvända.\n", "  No money is unused.\n"));
        return out;
    }
    // Every amount of the column with its most precise one's decimals.
    let decimals = (unused.iter().map(|u| u.figures.unused))
        .chain([r.total])
        .map(Amount::decimals)
        .max()
        .unwrap_or(0);
    let unused_amount = |a: Amount| a.with_decimals(decimals);
    let amount_width = widest(
        (unused
            .iter()
            .map(|r| lang.amount(unused_amount(r.figures.unused))))
        .chain([lang.amount(unused_amount(r.total))])
        .collect::<Vec<_>>()
        .iter()
        .map(String::as_str),
    )
    .max(9);
    // An amount in the text is held together (no-break spaces, written as spaces below): what
    // is to be invoiced never breaks inside its digits.
    let hows: Vec<String> = unused
        .iter()
        .map(|u| {
            words::settled(
                u.settlement,
                u.settled_amount(),
                |a| lang.amount(a).replace(' ', "\u{a0}"),
                lang,
            )
        })
        .collect();
    // The way each is settled may wrap; the names get room first.
    let how_width = widest(hows.iter().map(String::as_str)).min(32);
    let name_width = budget(layout, &[amount_width, how_width]);
    let mut table = layout.table();
    table.set_header(vec![
        Cell::new(lang.pick("Mottagare", "Recipient")),
        Cell::new(words::figure_header(
            FigureColumn::Unused,
            Words::from(lang),
        )),
        Cell::new(lang.pick("Hanteras", "Settled")),
    ]);
    let mut names: Vec<String> = Vec::new();
    for (u, how) in unused.iter().zip(hows) {
        let name = crate::output::words::recipient(&u.recipient, u.kommunkod.as_deref());
        let name = short(&name, name_width);
        names.push(name.clone());
        table.add_row(vec![
            Cell::new(name),
            layout.amount(unused_amount(u.figures.unused)),
            Cell::new(how),
        ]);
    }
    table.add_row(vec![
        layout.total_label(true),
        layout.strong_amount(unused_amount(r.total)),
        Cell::new(""),
    ]);
    if let Some(column) = table.column_mut(1) {
        column.set_cell_alignment(CellAlignment::Right);
    }
    whole(&mut table, [1]);
    let shown = names.iter().map(String::as_str);
    hold(
        &mut table,
        0,
        name_width,
        shown.chain([lang.pick("Totalt", "Total")]),
    );
    out.push_str(&format!("{table}\n").replace('\u{a0}', " "));
    out.push_str(&format!(
        "  {}\n",
        repayment_parts(r, summary.invoicing_closed, lang)
    ));
    if let Some(note) = words::not_invoiced_note(summary, lang) {
        let width = usize::from(layout.width);
        out.push_str(&format!("{}\n", wrap(&note, width, "  ", "  ")));
    }
    out
}

/// That the repayment is overdue on the day the summary is made (`--date` after
/// `unused_repaid`), dates as the terminal and the files write them: `None` when it is not.
pub fn overdue(summary: &Summary, lang: Lang) -> Option<String> {
    let r = &summary.repayment;
    match (r.overdue, r.by, summary.date) {
        (true, Some(by), Some(today)) => Some(words::repayment_overdue(
            &by.to_string(),
            &today.to_string(),
            lang,
        )),
        _ => None,
    }
}

/// The decimals the repayment's parts and their sum are written with, on the terminal and in
/// a document: as many as the most precise has.
pub fn repayment_decimals(r: &Repayment) -> u32 {
    let parts = [
        r.region_books,
        r.returned,
        r.reduced,
        r.undecided,
        r.parts(),
    ];
    crate::output::number::shared_decimals(parts)
}

/// The decimals the closing sum's amounts are written with (received = used + unused + … =
/// the county total), on the terminal and in a document: as many as the most precise has.
pub fn totals_decimals(summary: &Summary) -> u32 {
    let t = &summary.totals;
    crate::output::number::shared_decimals([
        t.received,
        t.used,
        t.unused,
        t.unreported,
        t.not_invoiced,
        summary.county_total,
    ])
}

/// "Ur regionens bokföring 100 kr + tillbaka till regionen 50 kr + … = 150 kr ✓".
fn repayment_parts(r: &Repayment, invoicing_closed: bool, lang: Lang) -> String {
    let sum = r.parts();
    let decimals = repayment_decimals(r);
    let kr = |amount: Amount| lang.amount(amount.with_decimals(decimals));
    let mut parts = vec![format!(
        "{} {}",
        lang.pick("Ur regionens bokföring", "From the region's books"),
        kr(r.region_books)
    )];
    let mut add = |amount: Amount, sv: &str, en: &str| {
        if !amount.0.is_zero() {
            parts.push(format!("{} {}", lang.pick(sv, en), kr(amount)));
        }
    };
    add(
        r.returned,
        "tillbaka till regionen",
        "paid back to the region",
    );
    add(
        r.reduced,
        "avdrag på samlingsfakturor",
        "taken off collective invoices",
    );
    let undecided = words::undecided_part(invoicing_closed, lang);
    add(r.undecided, undecided, undecided);
    let mark = if sum == r.total { "✓" } else { "≠" };
    format!("{} = {} {mark}", parts.join(" + "), kr(sum))
}

/// The closing line: received = used + unused (+ not reported), against the county total.
fn reconciliation(summary: &Summary, lang: Lang) -> String {
    let t = &summary.totals;
    let decimals = totals_decimals(summary);
    let kr = |amount: Amount| lang.amount(amount.with_decimals(decimals));
    let mut parts = format!(
        "{} {} + {} {}",
        lang.pick("använt", "used"),
        kr(t.used),
        lang.pick("ej använt", "unused"),
        kr(t.unused),
    );
    if !t.unreported.0.is_zero() {
        parts.push_str(&format!(
            " + {} {}",
            lang.pick("ej redovisat", "not reported"),
            kr(t.unreported)
        ));
    }
    if !t.not_invoiced.0.is_zero() {
        parts.push_str(&format!(
            " + {} {}",
            words::not_invoiced_part(lang),
            kr(t.not_invoiced)
        ));
    }
    let county = kr(summary.county_total);
    let holds = summary.reconciles();
    let received = kr(t.received);
    let not_invoiced = !t.not_invoiced.0.is_zero();
    let from = words::reconciled_from(not_invoiced, lang);
    let paid = match not_invoiced {
        true => format!(
            "{}{}",
            words::paid_out(lang),
            kr(t.received - t.not_invoiced)
        ),
        false => String::new(),
    };
    if holds {
        say!(
            lang,
            "{from} {received} = {parts} = länets medel {county} ✓{paid}\n",
            "{from} {received} = {parts} = the county total {county} ✓{paid}\n"
        )
    } else {
        say!(
            lang,
            "{from} {received}, {parts} ≠ länets medel {county}{paid}\n",
            "{from} {received}, {parts} ≠ the county total {county}{paid}\n"
        )
    }
}

/// A part as a sheet for CSV and XLSX. The rows never count money twice; the total row is
/// kept apart (XLSX writes it, CSV does not).
pub fn sheet(part: Part, summary: &Summary, words: Words) -> Sheet {
    let lang = words.lang();
    let text = |s: &str| Value::Text(s.into());
    let opt = |s: &Option<String>| {
        s.as_ref()
            .map_or(Value::Empty, |s| Value::Text(s.as_str().into()))
    };
    // A kommunkod stays a code (`0114`, not the number 114 in Excel).
    let kommunkod = |s: Option<&str>| s.map_or(Value::Empty, |s| Value::Code(s.into()));
    // A sheet of areas, insatser or lines has what was moved to each row (from the
    // recipient's other lines) always, so that its columns are the same every year; a
    // recipient's moves stay among its own lines.
    let not_invoiced = summary.any_not_invoiced();
    let figures = |u: &Use, reallocated: bool| {
        words::figure_columns(FigureColumn::Received, reallocated, true, not_invoiced)
            .into_iter()
            .map(|column| Value::Amount(value(column, u)))
            .collect::<Vec<_>>()
    };
    let figure_headers = |first: FigureColumn, reallocated: bool| {
        words::figure_headers(first, reallocated, (true, not_invoiced), words)
            .into_iter()
            .map(str::to_string)
    };
    let headers = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let code = words.pick("Kommunkod", "Kommunkod", "kommunkod");
    let total_label = text(lang.pick("Totalt", "Total"));
    let yes_no = |yes: bool| {
        text(if yes {
            words.pick("ja", "yes", "true")
        } else {
            words.pick("nej", "no", "false")
        })
    };
    // What a recipient whose unused money may be taken off its collective invoice invoices
    // then (the terminal's "dras av: fakturera 415 500 kr").
    let to_invoice_header = words.pick("Att fakturera", "To invoice", "to_invoice");
    let to_invoice = |r: &RecipientUse| r.to_invoice.map_or(Value::Empty, Value::Amount);
    let pad = |n: usize| std::iter::repeat_n(Value::Empty, n);
    match part {
        Part::Recipients => {
            let mut h = headers(&[
                words.pick("Mottagare", "Recipient", "recipient"),
                code,
                words.pick("Mottagartyp", "Recipient kind", "recipient_kind"),
                words.pick("Betalning", "Payment", "payment"),
                words.pick(
                    "Samlingsfaktura skickad",
                    "Collective invoice sent",
                    "invoice_sent",
                ),
            ]);
            h.extend(figure_headers(FigureColumn::Received, false));
            h.push(words.pick("Hanteras", "Settled", "settlement").to_string());
            h.push(to_invoice_header.to_string());
            let rows = summary
                .recipients
                .iter()
                .map(|r| {
                    let mut row = vec![
                        text(&r.recipient),
                        kommunkod(r.kommunkod.as_deref()),
                        text(sheet::kind_word(r.kind, words)),
                        text(sheet::payment_words(r.payment, words)),
                        r.invoiced.map_or(Value::Empty, yes_no),
                    ];
                    row.extend(figures(&r.figures, false));
                    row.push(text(settlement(r.settlement, words)));
                    row.push(to_invoice(r));
                    row
                })
                .collect();
            let mut total = vec![total_label];
            total.extend(pad(4));
            total.extend(figures(&summary.totals, false));
            total.extend(pad(2));
            one_format(h, rows, total, part)
        }
        Part::Areas => {
            let mut h = headers(&[
                words.pick("Område", "Area", "area"),
                words.pick("Områdets namn", "Area title", "area_title"),
            ]);
            h.extend(figure_headers(FigureColumn::Allocated, true));
            let rows = summary
                .areas
                .iter()
                .map(|a| {
                    let mut row = vec![Value::Number(a.number), text(&a.title)];
                    row.extend(figures(&a.figures, true));
                    row
                })
                .collect();
            let mut total = vec![total_label, Value::Empty];
            total.extend(figures(&summary.totals, true));
            one_format(h, rows, total, part)
        }
        Part::Insatser => {
            let mut h = headers(&[
                words.pick("Område", "Area", "area"),
                words.pick("Insats", "Insats", "insats"),
                words.pick("Beskrivning", "Description", "text"),
                words.pick("Ansvarig", "Responsible", "responsible"),
            ]);
            h.extend(figure_headers(FigureColumn::Allocated, true));
            let rows = summary
                .insatser
                .iter()
                .map(|i| {
                    let mut row = vec![
                        Value::Number(i.area),
                        text(&i.insats),
                        text(&i.text),
                        text(&i.responsible),
                    ];
                    row.extend(figures(&i.figures, true));
                    row
                })
                .collect();
            let mut total = vec![total_label];
            total.extend(pad(3));
            total.extend(figures(&summary.totals, true));
            one_format(h, rows, total, part)
        }
        Part::Repayment => {
            let h = headers(&[
                words.pick("Mottagare", "Recipient", "recipient"),
                code,
                words.pick("Betalning", "Payment", "payment"),
                words::figure_header(FigureColumn::Unused, words),
                words::figure_header(FigureColumn::NotReported, words),
                words.pick("Hanteras", "Settled", "settlement"),
                to_invoice_header,
                words.pick("Återbetalas senast", "Repaid by", "repaid_by"),
                words.pick("Preliminärt", "Preliminary", "preliminary"),
            ]);
            let repayment = &summary.repayment;
            let by = repayment.by.map_or(Value::Empty, Value::Date);
            // While a line is not reported the repayment can still grow: every row says so,
            // since a CSV file has no total row to say it once, and a recipient that has not
            // reported everything has a row, with what it has not reported, even while
            // nothing it reported is unused.
            let preliminary = yes_no(repayment.preliminary);
            let rows = summary
                .repaying()
                .map(|r| {
                    vec![
                        text(&r.recipient),
                        kommunkod(r.kommunkod.as_deref()),
                        text(sheet::payment_words(r.payment, words)),
                        Value::Amount(r.figures.unused),
                        Value::Amount(r.figures.unreported),
                        text(settlement(r.settlement, words)),
                        to_invoice(r),
                        by.clone(),
                        preliminary.clone(),
                    ]
                })
                .collect();
            let mut total = vec![text(words::repayment_total(repayment.preliminary, lang))];
            total.extend(pad(2));
            total.push(Value::Amount(repayment.total));
            total.push(Value::Amount(summary.totals.unreported));
            total.extend(pad(4));
            one_format(h, rows, total, part)
        }
        Part::Reallocations => {
            let h = headers(&[
                words.pick("Mottagare", "Recipient", "recipient"),
                code,
                words.pick("Från insats", "From insats", "from"),
                words.pick("Från område", "From area", "from_area"),
                words.pick("Till insats", "To insats", "to"),
                words.pick("Till område", "To area", "to_area"),
                words.pick("Fokusområden", "Focus areas", "focus_areas"),
                words.pick("Belopp", "Amount", "amount"),
            ]);
            let rows = summary
                .reallocations
                .iter()
                .map(|r| {
                    vec![
                        text(&r.recipient),
                        kommunkod(r.kommunkod.as_deref()),
                        text(&r.from),
                        Value::Number(r.from_area),
                        text(&r.to),
                        Value::Number(r.to_area),
                        text(&crate::output::words::focus_areas(&r.focus_areas)),
                        Value::Amount(r.amount),
                    ]
                })
                .collect();
            let mut total = vec![total_label];
            total.extend(pad(6));
            total.push(Value::Amount(summary.reallocated()));
            one_format(h, rows, total, part)
        }
        Part::Lines => {
            let mut h = headers(&[
                words.pick("Mottagare", "Recipient", "recipient"),
                code,
                words.pick("Område", "Area", "area"),
                words.pick("Insats", "Insats", "insats"),
                words.pick("Beskrivning", "Description", "text"),
            ]);
            // A line not reported has its used, unused and reallocated empty, and what it
            // received under Ej redovisat, so that every row adds up as the other parts' do.
            h.extend(
                words::figure_headers(FigureColumn::Received, true, (true, not_invoiced), words)
                    .into_iter()
                    .map(str::to_string),
            );
            h.push(words.pick("Kommentar", "Comment", "comment").to_string());
            let amount = |a: Option<Amount>| a.map_or(Value::Empty, Value::Amount);
            let rows = summary
                .lines
                .iter()
                .map(|l| {
                    vec![
                        text(&l.recipient),
                        kommunkod(l.kommunkod.as_deref()),
                        Value::Number(l.area),
                        text(&l.insats),
                        text(&l.text),
                        Value::Amount(l.received),
                        amount(l.reallocated),
                        amount(l.used),
                        amount(l.unused),
                        Value::Amount(l.unreported),
                    ]
                    .into_iter()
                    .chain(not_invoiced.then_some(Value::Amount(l.not_invoiced)))
                    .chain([opt(&l.comment)])
                    .collect()
                })
                .collect();
            let t = &summary.totals;
            let mut total = vec![total_label];
            total.extend(pad(4));
            total.extend([
                Value::Amount(t.received),
                Value::Amount(t.reallocated),
                Value::Amount(t.used),
                Value::Amount(t.unused),
                Value::Amount(t.unreported),
            ]);
            total.extend(not_invoiced.then_some(Value::Amount(t.not_invoiced)));
            total.push(Value::Empty);
            one_format(h, rows, total, part)
        }
    }
}

/// The sheet, each amount column in one number format: with the most decimals any of its
/// amounts has (a column with öre anywhere shows `0,00 kr`, not `0 kr`, beside
/// `181 199,74 kr`), its values unchanged.
fn one_format(
    headers: Vec<String>,
    mut rows: Vec<Vec<Value>>,
    mut total: Vec<Value>,
    part: Part,
) -> Sheet {
    let mut decimals = vec![0u32; headers.len()];
    for row in rows.iter().chain(std::iter::once(&total)) {
        for (most, value) in decimals.iter_mut().zip(row) {
            if let Value::Amount(a) = value {
                *most = (*most).max(a.decimals());
            }
        }
    }
    for row in rows.iter_mut().chain(std::iter::once(&mut total)) {
        for (most, value) in decimals.iter().zip(row.iter_mut()) {
            if let Value::Amount(a) = value {
                *a = a.with_decimals(*most);
            }
        }
    }
    Sheet::new(stem(part), headers, rows, total)
}

/// How unused money is settled, in the sheet's words; the machine dialect's are the JSON's.
fn settlement(settlement: Settlement, words: Words) -> &'static str {
    match words {
        Words::Machine => settlement.as_str(),
        _ => words::settlement(settlement, words.lang()),
    }
}

/// The JSON document: the schema, then the summary.
#[derive(Serialize)]
pub struct Document<'a> {
    pub schema: &'static str,
    #[serde(flatten)]
    pub summary: &'a Summary,
}

/// The whole document, or one part of it, as pretty JSON.
pub fn json(summary: &Summary, part: Option<Part>) -> Result<String, serde_json::Error> {
    let document = Document {
        schema: SCHEMA,
        summary,
    };
    match part {
        None => serde_json::to_string_pretty(&document),
        Some(Part::Recipients) => serde_json::to_string_pretty(&summary.recipients),
        Some(Part::Areas) => serde_json::to_string_pretty(&summary.areas),
        Some(Part::Insatser) => serde_json::to_string_pretty(&summary.insatser),
        Some(Part::Reallocations) => serde_json::to_string_pretty(&summary.reallocations),
        Some(Part::Repayment) => serde_json::to_string_pretty(&summary.repayment),
        Some(Part::Lines) => serde_json::to_string_pretty(&summary.lines),
    }
}
