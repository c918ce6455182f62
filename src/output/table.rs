//! Terminal tables for every report view: Swedish number format, amounts right-aligned,
//! sized for the terminal (80 columns when it cannot be told), colour only when asked for.
//! The small tables are comfy-table's; the views that grow with the plan are written row by
//! row by [`crate::output::grid`] in the same style.

use std::io::{self, Write};
use std::rc::Rc;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{
    Attribute, Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width,
};

use crate::core::check::cost_sharing::{CostTable, LineKind};
use crate::core::money::Amount;
use crate::core::report::{
    self, DeadlineKind, Payments, PerActor, PerArea, PerHeading, PerKommun, Projection, Statement,
    StatementLine, Verdict, View,
};
use crate::output::grid::{Align, Cell as GridCell, Cells, Grid, Start as GridStart, cell, strong};
use crate::output::lang::Lang;
use crate::output::number;
use crate::output::sheet;
use crate::output::text::{self, short, visible, widest, wrap};

/// One view of a projection, as the terminal shows it. The views as large as the ledger
/// (payments, invoices, per kommun) are written as they are made.
pub fn view(
    view: View,
    projection: &Projection,
    layout: Layout,
    out: &mut dyn Write,
) -> io::Result<()> {
    let plan = projection.ledger.plan;
    let title = format!(
        "{} {}",
        visible(plan.plan.county.get_ref()),
        plan.plan.year.get_ref()
    );
    let text = match view {
        View::Payments => return payment_rows(&report::payments(projection), &title, layout, out),
        View::PerKommun => return per_kommun(&report::per_kommun(projection), &title, layout, out),
        View::Invoices => return payments(&report::payments(projection), &title, layout, out),
        View::PerActor => per_actor(
            &report::per_actor(projection),
            &report::held_own(projection.ledger),
            &title,
            layout,
        ),
        View::PerHeading => {
            return per_heading(&report::per_heading(projection), &title, layout, out);
        }
        View::PerArea => return per_area(&report::per_area(projection), &title, layout, out),
    };
    out.write_all(text.as_bytes())
}

/// The width to lay tables out for: `COLUMNS` when set (at least [`LEAST_COLUMNS`]: a
/// smaller number is taken as that), else the terminal's, else 80.
pub fn terminal_width() -> u16 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<u16>().ok())
        .map(|c| c.max(LEAST_COLUMNS))
        .or_else(|| Table::new().width())
        .unwrap_or(80)
}

/// The narrowest width `COLUMNS` sets.
const LEAST_COLUMNS: u16 = 40;

/// How tables are laid out.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    pub lang: Lang,
    pub color: bool,
    /// Terminal width in columns.
    pub width: u16,
}

impl Layout {
    pub fn table(self) -> Table {
        let mut table = Table::new();
        table
            .load_preset(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(self.width);
        if self.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        table
    }

    pub fn amount(self, amount: Amount) -> Cell {
        Cell::new(self.lang.amount(amount)).set_alignment(CellAlignment::Right)
    }

    pub fn strong(self, text: impl ToString) -> Cell {
        let cell = Cell::new(text);
        if self.color {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    }

    pub fn strong_amount(self, amount: Amount) -> Cell {
        let cell = self.amount(amount);
        if self.color {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    }

    /// The label of a total row or column: "Totalt", or "Totalt (urval)" when the row is the
    /// total of a selection (`whole` false).
    pub fn total_label(self, whole: bool) -> Cell {
        self.strong(self.lang.total(whole))
    }
}

/// Cell text from a plan, made [`visible`].
fn text(text: &str) -> Cell {
    Cell::new(visible(text))
}

/// The least room a column of cut texts (names, descriptions) keeps, however many columns of
/// figures there are: a text narrower than that is shown whole, a longer one is cut to it, and
/// a table whose figures leave less is wider than the terminal rather than crushing the names.
pub const LEAST: usize = 12;

/// Terminal columns left for the text of a table of `columns` columns in all, laid out for a
/// terminal `width` columns wide, when its other columns hold `others` (each the widest cell,
/// header included, in terminal columns: [`widest`]), so that no row wraps: each column costs
/// three characters of border and padding, and the table one more (its last border). 0 when
/// the others take it all. Every terminal table's texts are fitted by it: through [`budget`],
/// the per-kommun table's names and `diff`'s columns of text.
pub fn room_for_text(width: u16, columns: usize, others: &[usize]) -> usize {
    usize::from(width).saturating_sub(borders(columns) + others.iter().sum::<usize>())
}

/// The columns a table's borders and padding take: a border and a space either side of each
/// of its `columns`.
fn borders(columns: usize) -> usize {
    3 * columns + 1
}

/// The column that tables whose cells hold symbols like ✓, ≠ and → keep spare (the reports'
/// and `diff`'s): terminals disagree on their width.
pub const SPARE: usize = 1;

/// Characters left for one text column when the other columns hold `others`
/// ([`room_for_text`], less [`SPARE`]). Never less than [`LEAST`]. The column is then held to
/// it with [`hold`], so that what is cut to it is never wrapped as well.
pub fn budget(layout: Layout, others: &[usize]) -> usize {
    room_for_text(layout.width, others.len() + 1, others)
        .saturating_sub(SPARE)
        .max(LEAST)
}

/// Holds `column` of `table` to the width its texts are cut to: its widest cell (`cells`,
/// header included) up to `room` (from [`budget`]), and never less than the header's longest
/// word. comfy-table then gives that column exactly that width, whatever the other columns
/// take, so a text cut to `room` is never wrapped as well (a longer one that is not cut, as a
/// heading's title, wraps within it), and a table too wide for the terminal is wider than it
/// rather than crushing the column to a letter per line.
pub fn hold<'a>(
    table: &mut Table,
    column: usize,
    room: usize,
    cells: impl IntoIterator<Item = &'a str>,
) {
    let header = table
        .header()
        .and_then(|h| h.cell_iter().nth(column))
        .map(|c| c.content())
        .unwrap_or_default();
    let width = held(&header, room, cells).saturating_add(2);
    if let Some(c) = table.column_mut(column) {
        c.set_constraint(ColumnConstraint::Absolute(Width::Fixed(
            u16::try_from(width).unwrap_or(u16::MAX),
        )));
    }
}

/// [`hold`] for a grid's column: its texts fit it, a longer title or label wraps within it.
fn hold_grid<'a>(
    grid: &mut Grid,
    column: usize,
    room: usize,
    cells: impl IntoIterator<Item = &'a str>,
) {
    let width = held(grid.header(column), room, cells);
    grid.set_width(column, width);
}

/// The width [`hold`] holds a column to, padding left out.
fn held<'a>(header: &str, room: usize, cells: impl IntoIterator<Item = &'a str>) -> usize {
    let word = header
        .split(' ')
        .map(crate::output::grid::width)
        .max()
        .unwrap_or(0);
    let widest = widest(cells).max(crate::output::grid::width(header));
    widest.min(room).max(word)
}

/// Columns of amounts keep their width: a narrow terminal shrinks (and wraps) the text
/// columns, never an amount (`8 447 462` stays on one line).
pub fn whole(table: &mut Table, columns: impl IntoIterator<Item = usize>) {
    for i in columns {
        if let Some(column) = table.column_mut(i) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
}

/// A note under a table, indented and filled to the terminal's width.
fn note(text: &str, layout: Layout) -> String {
    wrap(text, usize::from(layout.width), "  ", "  ")
}

pub fn right_align_from(table: &mut Table, first: usize) {
    let count = table.column_count();
    for i in first..count {
        if let Some(column) = table.column_mut(i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
}

/// Every line as a payment, compactly: recipient, area, insats, amount and payment route.
/// (The reference code and decision are the same on every row; `export` carries them.)
pub fn payment_rows(
    report: &Payments,
    title: &str,
    layout: Layout,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = layout.lang;
    let total = lang.amount(report.total());
    let mut grid = Grid::new(
        &[
            lang.pick("Mottagare", "Recipient"),
            lang.pick("Område", "Area"),
            "Insats",
            lang.pick("Belopp", "Amount"),
            lang.pick("Betalning", "Payment"),
        ],
        &[Align::Left, Align::Left, Align::Left, Align::Right],
        layout.color,
    );
    // Two passes over millions of lines: the first measures each line's area and amount
    // without writing them, the second writes them in a buffer, never allocated; what a
    // recipient's lines share is made once.
    let mut area = String::new();
    let mut amount = String::new();
    let ids = shown_ids(report);
    let id = |line: &StatementLine| match ids.get(line.index as usize) {
        Some((id, columns)) => GridCell::measured(id, *columns),
        None => cell(""),
    };
    for (statement, payment) in report.statements() {
        grid.fit(4, sheet::payment_word(payment, lang));
        for line in &statement.lines {
            grid.fit_width(1, number::digits_width(u64::from(line.area)));
            grid.fit_cell(2, id(line));
            grid.fit_width(3, number::amount_width(line.amount));
        }
    }
    grid.fit(3, &total);
    let name_width = budget(layout, &[6, 6, grid.width(3).max(12), 17]);
    // Each recipient's name is cut and measured once, not once per line.
    let names: Vec<(String, usize)> = report
        .statements()
        .map(|(statement, _)| {
            let full = crate::output::words::recipient(
                &statement.recipient,
                statement.kommunkod.as_deref(),
            );
            let name = short(&full, name_width);
            let columns = crate::output::grid::width(&name);
            (name, columns)
        })
        .collect();
    for (_, columns) in &names {
        grid.fit_width(0, *columns);
    }
    grid.fit(0, lang.total(report.complete));
    writeln!(out, "{}, {title}", lang.pick("Betalningar", "Payments"))?;
    grid.head(out)?;
    for ((statement, payment), (name, columns)) in report.statements().zip(&names) {
        let name = GridCell::measured(name, *columns);
        let route = cell(sheet::payment_word(payment, lang));
        for line in &statement.lines {
            grid.row(
                out,
                &[
                    name,
                    cell(number_text(&mut area, line.area)),
                    id(line),
                    cell(amount_text(&mut amount, line.amount, lang)),
                    route,
                ],
            )?;
        }
    }
    grid.row(
        out,
        &[
            strong(lang.total(report.complete)),
            cell(""),
            cell(""),
            strong(&total),
            cell(""),
        ],
    )?;
    grid.foot(out)
}

pub fn per_kommun(
    report: &PerKommun,
    title: &str,
    layout: Layout,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = layout.lang;
    // Each amount column's widest figure (the insatser, then the total), measured without
    // writing the figures: a national plan's table has 1.45 million, each written once, as its
    // row is (a buffer of all of them would be 23 MB of fresh memory).
    let per_row = report.columns.len() + 1;
    let mut bare = vec![0; per_row];
    let rows = report.rows.iter().map(|r| (&r.amounts, &r.total));
    for (amounts, total) in rows.chain([(&report.column_totals, &report.total)]) {
        for (a, w) in amounts.iter().chain([total]).zip(bare.iter_mut()) {
            *w = (*w).max(number::number_width(*a));
        }
    }
    let unit = number::UNIT.len();
    let with_kr: Vec<usize> = bare.iter().map(|b| b + unit).collect();
    // Amounts with "kr" when the table fits the terminal so; else bare numbers, with the unit
    // in the caption, so that the amounts still fit on one line.
    let with_unit = {
        let names = widest(report.rows.iter().map(|r| r.name.as_str())).max(6);
        let codes = widest(report.rows.iter().map(|r| r.code.as_str())).max(3);
        let others: Vec<usize> = std::iter::once(codes)
            .chain(with_kr.iter().copied())
            .collect();
        names <= room_for_text(layout.width, others.len() + 1, &others)
    };
    let push: fn(&mut String, Amount, Lang) = if with_unit {
        number::push_amount
    } else {
        number::push_number
    };
    // A row's figures are made where they stand in it (`Cells::made`).
    let figures = |cells: &mut Cells, amounts: &[Amount], total: Amount, strong: bool| {
        for a in amounts {
            cells.made(strong, |text| push(text, *a, lang));
        }
        cells.made(true, |text| push(text, total, lang));
    };
    let mut headers = vec![lang.pick("Kod", "Code"), "Kommun"];
    let ids: Vec<_> = report.columns.iter().map(|c| visible(&c.insats)).collect();
    headers.extend(ids.iter().map(|id| &**id));
    headers.push(lang.total(true));
    let mut align = vec![Align::Left, Align::Left];
    align.resize(headers.len(), Align::Right);
    let mut grid = Grid::new(&headers, &align, layout.color);
    for (i, width) in (if with_unit { &with_kr } else { &bare })
        .iter()
        .enumerate()
    {
        grid.fit_width(i + 2, *width);
    }
    for row in &report.rows {
        grid.fit(0, &visible(&row.code));
    }
    // Names are cut to what the figures leave of the terminal, as the other tables' texts
    // are: never to less than [`LEAST`], so a name that short stays whole, and a table whose
    // figures leave less (a national plan's, a narrow terminal) is wider than the terminal.
    let others: Vec<usize> = (0..grid.columns())
        .filter(|&i| i != 1)
        .map(|i| grid.width(i))
        .collect();
    let room = room_for_text(layout.width, grid.columns(), &others).max(LEAST);
    let names: Vec<String> = report.rows.iter().map(|r| short(&r.name, room)).collect();
    for name in &names {
        grid.fit(1, name);
    }
    grid.fit(1, lang.total(report.complete));
    let caption = lang.pick("Fördelning per kommun", "Distribution per kommun");
    let caption = if with_unit {
        caption.to_string()
    } else {
        format!("{caption} ({})", lang.pick("kronor", "kronor"))
    };
    writeln!(out, "{caption}, {title}")?;
    grid.head(out)?;
    // A national plan's rows (290 lines of 100 kB) are made side by side, a few at a time,
    // each thread with its own copy of the grid, and written in their order.
    let rows: Vec<_> = report.rows.iter().zip(&names).collect();
    let runs: Vec<_> = rows.chunks(KOMMUN_ROWS_AT_ONCE).collect();
    crate::core::parallel::write_in_turn(
        &runs,
        KOMMUN_RUNS_AHEAD,
        || grid.clone(),
        |grid, run, out| {
            for (row, name) in run.iter() {
                grid.row_with(out, |cells| {
                    cells.cell(cell(&visible(&row.code)));
                    cells.cell(cell(name));
                    figures(cells, &row.amounts, row.total, false);
                })?;
            }
            Ok(())
        },
        out,
    )?;
    grid.row_with(out, |cells| {
        cells.cell(cell(""));
        cells.cell(strong(lang.total(report.complete)));
        figures(cells, &report.column_totals, report.total, true);
    })?;
    grid.foot(out)?;
    let legend_width = usize::from(layout.width).saturating_sub(8).max(20);
    for column in &report.columns {
        writeln!(
            out,
            "  {:<5} {}",
            visible(&column.insats),
            short(&column.text, legend_width)
        )?;
    }
    Ok(())
}

/// `held`: the actors whose own money is held for further distribution ([`report::held_own`]).
pub fn per_actor(
    report: &PerActor,
    held: &std::collections::HashSet<&str>,
    title: &str,
    layout: Layout,
) -> String {
    let lang = layout.lang;
    // Amounts without "kr" here (the caption says so), so that names get the room.
    let number = |a: Amount| lang.number(a);
    let area_label = |a: u32| format!("{} {a}", lang.pick("Område", "Area"));
    let mut others: Vec<usize> = report
        .areas
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let cells = report
                .rows
                .iter()
                .filter_map(|r| r.per_area.get(i))
                .chain(report.area_totals.get(i));
            widest(
                cells
                    .map(|x| number(*x))
                    .collect::<Vec<_>>()
                    .iter()
                    .map(String::as_str),
            )
            .max(crate::output::grid::width(&area_label(*a)))
        })
        .collect();
    others.push(crate::output::grid::width(&number(report.total)).max(6));
    let name_width = budget(layout, &others);
    let cell = |a: Amount| Cell::new(number(a)).set_alignment(CellAlignment::Right);
    let mut table = layout.table();
    // The names as cut, to hold their column to.
    let mut names: Vec<String> = Vec::new();
    let mut header = vec![Cell::new(lang.pick("Aktör", "Actor"))];
    header.extend(report.areas.iter().map(|a| Cell::new(area_label(*a))));
    header.push(layout.total_label(true));
    table.set_header(header);
    for row in &report.rows {
        let marker = if row.depth == 0 {
            String::new()
        } else {
            format!("{}– ", super::depth_marker(row.depth - 1, "  "))
        };
        let name = format!(
            "{marker}{}",
            short(
                &row.name,
                name_width.saturating_sub(crate::output::grid::width(&marker))
            )
        );
        names.push(name.clone());
        let mut cells = vec![if row.depth == 0 {
            layout.strong(name)
        } else {
            Cell::new(name)
        }];
        cells.extend(row.per_area.iter().map(|a| cell(*a)));
        let total = cell(row.total);
        cells.push(if row.depth == 0 && layout.color {
            total.add_attribute(Attribute::Bold)
        } else {
            total
        });
        table.add_row(cells);
        // A row with rows under it that receives money itself: that money on a row of its
        // own, named as in the export, so the rows under the total add up to it.
        if row.has_children && !row.own_total.0.is_zero() {
            let marker = format!("{}– ", super::depth_marker(row.depth, "  "));
            let room = name_width.saturating_sub(crate::output::grid::width(&marker));
            let held = held.contains(row.name.as_str());
            let own = visible(&sheet::own_funds(&row.name, held, lang)).into_owned();
            // Under its own row the name can go: "utan enhet" (or "förvaltas för fortsatt
            // fördelning", or at the least "för fortsatt fördelning") is what must show.
            let fits = |label: &str| crate::output::grid::width(label) <= room;
            let label = [own.as_str(), sheet::own_funds_word(held, lang)]
                .into_iter()
                .chain(held.then(|| sheet::further_distribution(lang)))
                .find(|label| fits(label))
                .map_or_else(
                    || short(sheet::own_funds_word(held, lang), room),
                    str::to_string,
                );
            let label = format!("{marker}{label}");
            names.push(label.clone());
            let mut cells = vec![Cell::new(label)];
            cells.extend(row.own_per_area.iter().map(|a| cell(*a)));
            cells.push(cell(row.own_total));
            table.add_row(cells);
        }
    }
    let mut totals = vec![layout.total_label(report.complete)];
    totals.extend(report.area_totals.iter().map(|a| cell(*a)));
    totals.push(cell(report.total));
    table.add_row(totals);
    right_align_from(&mut table, 1);
    let count = table.column_count();
    whole(&mut table, 1..count);
    hold(
        &mut table,
        0,
        name_width,
        names
            .iter()
            .map(String::as_str)
            .chain([lang.total(report.complete)]),
    );
    format!(
        "{}, {title} ({})\n{table}\n{}\n",
        lang.pick(
            "Fördelning per ansvarig aktör",
            "Distribution per responsible actor"
        ),
        lang.pick("kronor", "kronor"),
        note(&part_of_row_above(report, held, lang), layout)
    )
}

/// The note under the actors' table: what the rows marked – are, the actors' own money named
/// as its rows are (`medel utan enhet`, `medel som förvaltas för fortsatt fördelning`).
fn part_of_row_above(
    report: &PerActor,
    held: &std::collections::HashSet<&str>,
    lang: Lang,
) -> String {
    let own = |kept: bool| {
        (report.rows.iter())
            .filter(|r| r.has_children && !r.own_total.0.is_zero())
            .any(|r| held.contains(r.name.as_str()) == kept)
            .then(|| sheet::own_funds_money(kept, lang))
    };
    let parts: Vec<&str> = [Some(lang.pick("regionens enheter", "the region's units"))]
        .into_iter()
        .chain([own(false), own(true)])
        .flatten()
        .collect();
    let region = crate::output::words::listed(&parts, lang);
    crate::say!(
        lang,
        "Rader med – ingår i raden ovanför ({region}, länets kommuner).",
        "Rows marked – are part of the row above ({region}, the county's kommuner)."
    )
}

pub fn per_heading(
    report: &PerHeading,
    title: &str,
    layout: Layout,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = layout.lang;
    let mut grid = Grid::new(
        &[
            "Insats",
            lang.pick("Rubrik / beskrivning", "Heading / description"),
            lang.pick("Belopp", "Amount"),
            lang.pick("Angivet", "Stated"),
        ],
        &[Align::Left, Align::Left, Align::Right, Align::Right],
        layout.color,
    );
    // What the Angivet column says of each heading, made first so the column is measured as
    // it is shown.
    let stated: Vec<Option<(String, bool)>> = report
        .headings
        .iter()
        .map(|heading| {
            let stated = lang.amount(heading.stated?);
            Some(match heading.verdict()? {
                Verdict::Selection => (
                    format!("{stated} ({})", lang.pick("urval", "selection")),
                    false,
                ),
                Verdict::Holds => (format!("{stated} ✓"), false),
                Verdict::Differs => (format!("{stated} ≠"), true),
            })
        })
        .collect();
    let items = || report.headings.iter().flat_map(|h| &h.items);
    let ids: Vec<_> = items().map(|item| visible(&item.insats)).collect();
    let amounts: Vec<String> = items().map(|item| lang.amount(item.amount)).collect();
    let totals: Vec<String> = (report.headings.iter())
        .map(|heading| lang.amount(heading.computed))
        .collect();
    let total = lang.amount(report.total);
    for id in &ids {
        grid.fit(0, id);
    }
    for text in amounts.iter().chain(&totals).chain([&total]) {
        grid.fit(2, text);
    }
    for (text, _) in stated.iter().flatten() {
        grid.fit(3, text);
    }
    let text_width = budget(
        layout,
        &[grid.width(0), grid.width(2).max(6), grid.width(3).max(7)],
    );
    let cut: Vec<String> = items().map(|item| short(&item.text, text_width)).collect();
    // Sub-headings are marked, not indented.
    let titles: Vec<String> = (report.headings.iter())
        .map(|heading| {
            let marker = super::depth_marker(heading.depth, "› ");
            format!("{marker}{}", visible(&heading.title))
        })
        .collect();
    // The column as wide as its widest text up to the room left: titles longer than that
    // wrap within it, the cut descriptions fit it.
    let shown = cut.iter().chain(&titles).map(String::as_str);
    hold_grid(
        &mut grid,
        1,
        text_width,
        shown.chain([lang.total(report.complete)]),
    );
    writeln!(
        out,
        "{}, {title}",
        lang.pick(
            "Sammanfattning per aktör som hanterar medlen",
            "Summary per actor handling the funds"
        ),
    )?;
    grid.head(out)?;
    let mut item = 0;
    for (((heading, stated), title), computed) in report
        .headings
        .iter()
        .zip(&stated)
        .zip(&titles)
        .zip(&totals)
    {
        let stated = match stated {
            Some((text, true)) => strong(text),
            Some((text, false)) => cell(text),
            None => cell(""),
        };
        grid.wrapped_row(out, &[cell(""), strong(title), strong(computed), stated])?;
        for _ in &heading.items {
            let id = ids.get(item).map_or("", |id| &**id);
            let text = cut.get(item).map_or("", String::as_str);
            let amount = amounts.get(item).map_or("", String::as_str);
            grid.row(out, &[cell(id), cell(text), cell(amount)])?;
            item += 1;
        }
    }
    let label = lang.total(report.complete);
    grid.wrapped_row(out, &[cell(""), strong(label), strong(&total)])?;
    grid.foot(out)?;
    writeln!(
        out,
        "{}",
        note(lang.pick(
            "› underrubrik. Angivet: summan som anges i beslutsunderlaget (✓ stämmer med beräkningen, ≠ gör det inte).",
            "› sub-heading. Stated: the total stated in the decision document (✓ matches the computation, ≠ does not)."
        ), layout)
    )
}

pub fn per_area(
    report: &PerArea,
    title: &str,
    layout: Layout,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = layout.lang;
    writeln!(
        out,
        "{}, {title}",
        lang.pick("Insatser per område", "Insatser per area")
    )?;
    for area in &report.areas {
        let mut grid = Grid::new(
            &[
                "Insats",
                lang.pick("Beskrivning", "Description"),
                lang.pick("Fokus", "Focus"),
                lang.pick("Ansvarig", "Responsible"),
                lang.pick("Belopp", "Amount"),
            ],
            &[
                Align::Left,
                Align::Left,
                Align::Left,
                Align::Left,
                Align::Right,
            ],
            layout.color,
        );
        let ids: Vec<_> = area.rows.iter().map(|r| visible(&r.insats)).collect();
        let foci: Vec<String> = (area.rows.iter())
            .map(|r| crate::output::words::focus_areas(&r.focus_areas))
            .collect();
        let responsible: Vec<_> = area.rows.iter().map(|r| visible(&r.responsible)).collect();
        let amounts: Vec<String> = area.rows.iter().map(|r| lang.amount(r.amount)).collect();
        let total = lang.amount(area.total);
        for (((id, focus), responsible), amount) in
            ids.iter().zip(&foci).zip(&responsible).zip(&amounts)
        {
            grid.fit_row(&[
                cell(id),
                cell(""),
                cell(focus),
                cell(responsible),
                cell(amount),
            ]);
        }
        grid.fit(4, &total);
        // A terminal too narrow for the description's least width takes it from the focus
        // areas and the responsible actors first, down to their headers' longest words; their
        // cells then wrap within them (`1, 2, 3, 4,` over `5, 6, 7`).
        let others =
            |grid: &Grid| [0, 2, 3, 4].map(|c| grid.width(c).max(if c == 4 { 6 } else { 0 }));
        let used = borders(5) + others(&grid).iter().sum::<usize>();
        let mut lacking = (used + LEAST).saturating_sub(usize::from(layout.width));
        let narrow = lacking > 0;
        // A column at a time from the one with the most to spare, so that both wrap alike.
        let spare = |grid: &Grid, c: usize| {
            grid.width(c)
                .saturating_sub(held(grid.header(c), 0, std::iter::empty()))
        };
        while lacking > 0 {
            let column = if spare(&grid, 2) >= spare(&grid, 3) {
                2
            } else {
                3
            };
            if spare(&grid, column) == 0 {
                break;
            }
            grid.set_width(column, grid.width(column) - 1);
            lacking -= 1;
        }
        let text_width = budget(layout, &others(&grid));
        let cut: Vec<String> = area
            .rows
            .iter()
            .map(|r| short(&r.text, text_width))
            .collect();
        let label = lang.total(area.complete);
        hold_grid(
            &mut grid,
            1,
            text_width,
            cut.iter().map(String::as_str).chain([label]),
        );
        let check = match area.verdict() {
            Verdict::Selection => lang.pick("(urval)", "(selection)"),
            Verdict::Holds => "✓",
            Verdict::Differs => "≠",
        };
        let heading = format!(
            "{} {}: {}",
            lang.pick("Område", "Area"),
            area.number,
            visible(&area.title)
        );
        writeln!(
            out,
            "\n{}",
            wrap(&heading, usize::from(layout.width), "", "  ")
        )?;
        grid.head(out)?;
        for ((((id, text), focus), responsible), amount) in ids
            .iter()
            .zip(&cut)
            .zip(&foci)
            .zip(&responsible)
            .zip(&amounts)
        {
            let cells = [
                cell(id),
                cell(text),
                cell(focus),
                cell(responsible),
                cell(amount),
            ];
            match narrow {
                true => grid.wrapped_row(out, &cells)?,
                false => grid.row(out, &cells)?,
            }
        }
        grid.wrapped_row(
            out,
            &[cell(""), strong(label), cell(""), cell(""), strong(&total)],
        )?;
        grid.foot(out)?;
        writeln!(
            out,
            "  {}: {} {check}",
            lang.pick("Enligt överenskommelsen", "Per the agreement"),
            lang.amount(area.agreement),
        )?;
    }
    Ok(())
}

pub fn payments(
    report: &Payments,
    title: &str,
    layout: Layout,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = layout.lang;
    writeln!(
        out,
        "{}, {title}",
        lang.pick("Fakturor och överföringar", "Invoices and transfers")
    )?;
    // A national plan's invoices (one per kommun, 200 MB of text) are made side by side, each
    // thread with its own cache of the insatser's cut texts and row starts, and written in
    // their order; a few invoices at most are held ahead of the one being written.
    let invoicing = Invoicing::of(report, layout);
    let invoices: Vec<Invoice> = report.invoices.iter().map(Invoice::of).collect();
    crate::core::parallel::write_in_turn(
        &invoices,
        INVOICES_AHEAD,
        Shown::default,
        |shown, invoice, out| {
            writeln!(out)?;
            statement_block(invoice, &invoicing, shown, out)
        },
        out,
    )?;
    let mut rest = String::new();
    if !report.internal.is_empty() {
        rest.push_str(&format!(
            "\n{} ({})\n",
            lang.pick(
                "Interna överföringar till regionens enheter",
                "Internal transfers to the region's units"
            ),
            lang.pick("ingen faktura", "no invoice")
        ));
        rest.push_str(&summary_table(
            report,
            &report.internal,
            report.transferred,
            layout,
        ));
    }
    if !report.held.is_empty() {
        rest.push_str(&format!(
            "\n{}\n",
            lang.pick(
                "Medel som regionen förvaltar för fortsatt fördelning och nyttjande",
                "Money the region manages for further distribution and use"
            )
        ));
        rest.push_str(&summary_table(
            report,
            &report.held,
            report.held_total,
            layout,
        ));
    }
    let sum = report.total();
    // Amounts held together when the line is filled to the terminal's width.
    let kr = |a: Amount| lang.amount(a).replace(' ', "\u{a0}");
    // Each term is held together (a no-break space), so a line breaks only between terms.
    let term = |text: String| text.replace(' ', "\u{a0}");
    let parts = [
        term(format!(
            "{} {}",
            lang.pick("Fakturor", "Invoices"),
            kr(report.invoiced)
        )),
        term(format!(
            "+ {} {}",
            lang.pick("interna överföringar", "internal transfers"),
            kr(report.transferred)
        )),
        term(format!(
            "+ {} {}",
            lang.pick("medel hos regionen", "held money"),
            kr(report.held_total)
        )),
    ]
    .join(" ");
    let closing = match report.verdict() {
        Verdict::Selection => format!(
            "{parts} {}",
            term(format!(
                "= {} ({})",
                kr(sum),
                lang.pick("urval", "selection")
            ))
        ),
        Verdict::Holds => format!(
            "{parts} {} {}",
            term(format!("= {}", kr(sum))),
            term(format!(
                "= {} ✓",
                lang.pick("länets medel", "the county total")
            ))
        ),
        Verdict::Differs => format!(
            "{parts} {} {}",
            term(format!("= {}", kr(sum))),
            term(format!(
                "≠ {} {}",
                lang.pick("länets medel", "the county total"),
                kr(report.county_total)
            ))
        ),
    };
    let closing = wrap(&closing, usize::from(layout.width), "", "  ");
    rest.push_str(&format!("\n{closing}\n"));
    out.write_all(rest.as_bytes())
}

/// Figures made one after the other in one buffer (a national plan's tables have millions:
/// none is allocated on its own), each found again by its place.
#[derive(Default)]
struct Figures {
    text: String,
    ends: Vec<usize>,
}

impl Figures {
    /// A figure made by `make` at the end of the buffer; its text.
    fn push(&mut self, make: impl FnOnce(&mut String)) -> &str {
        let start = self.text.len();
        make(&mut self.text);
        self.ends.push(self.text.len());
        self.text.get(start..).unwrap_or("")
    }

    /// The figure at `i`.
    fn get(&self, i: usize) -> &str {
        let start = i.checked_sub(1).and_then(|j| self.ends.get(j)).copied();
        let end = self.ends.get(i).copied().unwrap_or(0);
        self.text.get(start.unwrap_or(0)..end).unwrap_or("")
    }

    fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
    }
}

/// `amount` with its unit written into `buffer`, without allocating.
fn amount_text(buffer: &mut String, amount: Amount, lang: Lang) -> &str {
    buffer.clear();
    number::push_amount(buffer, amount, lang);
    buffer
}

/// `n` written into `buffer`, without allocating.
fn number_text(buffer: &mut String, n: u32) -> &str {
    buffer.clear();
    number::push_digits(buffer, u64::from(n));
    buffer
}

/// A text as shown and the columns it takes.
type Measured = (String, usize);

/// Each insats's id as shown and the columns it takes, by its place in the plan: made once,
/// not once per line (a national plan's insats is on 290 kommuner's invoices and payments).
fn shown_ids(report: &Payments) -> Vec<Measured> {
    report
        .insatser
        .iter()
        .map(|x| {
            let id = visible(&x.id).into_owned();
            let columns = crate::output::grid::width(&id);
            (id, columns)
        })
        .collect()
}

/// How many invoices may be begun beyond the one being written: a few, to keep both cores
/// busy, each some hundreds of kilobytes of text in a national plan.
const INVOICES_AHEAD: usize = 8;

/// How many of the per-kommun table's rows are made at a time, and how many such runs at most
/// ahead of the one being written.
const KOMMUN_ROWS_AT_ONCE: usize = 8;
const KOMMUN_RUNS_AHEAD: usize = 4;

/// What every invoice shows of the payments: the threads that write the invoices read it
/// together (the payments' own shared texts are counted references, which they cannot share).
struct Invoicing<'a> {
    layout: Layout,
    region: &'a str,
    reference: Option<&'a str>,
    decision: &'a str,
    decision_date_missing: bool,
    replaces: Option<&'a str>,
    complete: bool,
    deadlines: &'a [(DeadlineKind, String)],
    /// Each insats's id and its text as shown ([`shown_ids`], [`text::shown`]), by its place
    /// in the plan: the texts are cut to as many widths as the invoices' columns take.
    ids: Vec<Measured>,
    texts: Vec<Measured>,
}

impl<'a> Invoicing<'a> {
    fn of(report: &'a Payments, layout: Layout) -> Invoicing<'a> {
        Invoicing {
            layout,
            region: &report.region,
            reference: report.reference.as_deref(),
            decision: &report.decision,
            decision_date_missing: report.decision_date_missing,
            replaces: report.replaces.as_deref(),
            complete: report.complete,
            deadlines: &report.deadlines,
            ids: shown_ids(report),
            texts: report
                .insatser
                .iter()
                .map(|x| text::shown(&x.text))
                .collect(),
        }
    }

    /// The text of a line's insats as shown, and its columns.
    fn text(&self, line: &StatementLine) -> (&str, usize) {
        match self.texts.get(line.index as usize) {
            Some((text, columns)) => (text, *columns),
            None => ("", 0),
        }
    }
}

/// One recipient's invoice as [`Invoicing`]'s threads read it.
struct Invoice<'a> {
    recipient: &'a str,
    kommunkod: Option<&'a str>,
    lines: &'a [StatementLine],
    total: Amount,
}

impl<'a> Invoice<'a> {
    fn of(statement: &'a Statement) -> Invoice<'a> {
        Invoice {
            recipient: &statement.recipient,
            kommunkod: statement.kommunkod.as_deref(),
            lines: &statement.lines,
            total: statement.total,
        }
    }
}

/// What the invoices show of each insats beyond its id: its text cut to each width asked for
/// (the invoices' amount columns differ in width), made when first shown; one per thread.
#[derive(Default)]
struct Shown {
    /// Each insats's text cut to a width, by its place in the plan: one list per width.
    cut: Vec<(usize, Vec<Option<Measured>>)>,
    /// The amounts of the invoice being written.
    amounts: Figures,
    /// Each insats's area, id and cut text as a row's start, by its place in the plan: one
    /// list per set of widths of those columns (most invoices share one), made when first
    /// written.
    starts: Vec<(StartKey, Vec<Option<Rc<GridStart>>>)>,
}

/// What a row's start depends on: the widths of its columns and the slot of its cut texts.
type StartKey = ([usize; 3], usize);

/// The place of `key`'s list among `slots`, a new empty one when there is none yet.
fn slot_of<K: PartialEq, V>(slots: &mut Vec<(K, Vec<V>)>, key: K) -> usize {
    match slots.iter().position(|(k, _)| *k == key) {
        Some(slot) => slot,
        None => {
            slots.push((key, Vec::new()));
            slots.len() - 1
        }
    }
}

impl Shown {
    /// The slot of the texts cut to `width` (an invoice's texts are all cut to one width).
    fn slot(&mut self, width: usize) -> usize {
        slot_of(&mut self.cut, width)
    }

    /// The slot of the row starts made for `key`.
    fn starts_slot(&mut self, key: StartKey) -> usize {
        slot_of(&mut self.starts, key)
    }

    /// The start of `line`'s row (its area, id and cut text) as `grid` writes it, made when
    /// first asked for: `cut` is the slot of the cut texts ([`Shown::slot`]), `slot` that of
    /// the row starts ([`Shown::starts_slot`]).
    fn start(
        &mut self,
        invoicing: &Invoicing,
        line: &StatementLine,
        (cut, slot): (usize, usize),
        grid: &Grid,
    ) -> Rc<GridStart> {
        let place = line.index as usize;
        let made = self
            .starts
            .get(slot)
            .and_then(|(_, starts)| starts.get(place))
            .and_then(Option::as_ref);
        if let Some(start) = made {
            return Rc::clone(start);
        }
        let mut area = String::new();
        let [id, text] = self.cells(invoicing, line, cut);
        let start = Rc::new(grid.start(&[cell(number_text(&mut area, line.area)), id, text]));
        if let Some((_, starts)) = self.starts.get_mut(slot) {
            if starts.len() <= place {
                starts.resize_with(place + 1, || None);
            }
            if let Some(entry) = starts.get_mut(place) {
                *entry = Some(Rc::clone(&start));
            }
        }
        start
    }

    /// The insats's id and its text cut to the width of `slot` (from [`Shown::slot`]), as
    /// cells.
    fn cells<'a>(
        &'a mut self,
        invoicing: &'a Invoicing,
        line: &StatementLine,
        slot: usize,
    ) -> [GridCell<'a>; 2] {
        let i = line.index as usize;
        let id = match invoicing.ids.get(i) {
            Some((id, columns)) => GridCell::measured(id, *columns),
            None => cell(""),
        };
        let (full, full_columns) = invoicing.text(line);
        let Some((width, cut)) = self.cut.get_mut(slot) else {
            return [id, GridCell::measured(full, full_columns)];
        };
        if cut.len() <= i {
            cut.resize_with(i + 1, || None);
        }
        match cut.get_mut(i) {
            Some(text) => {
                let (text, columns) = text.get_or_insert_with(|| {
                    let text = text::cut(full, full_columns, *width);
                    let columns = crate::output::grid::width(&text);
                    (text, columns)
                });
                [id, GridCell::measured(text, *columns)]
            }
            None => [id, GridCell::measured(full, full_columns)],
        }
    }
}

fn statement_block(
    invoice: &Invoice,
    report: &Invoicing,
    shown: &mut Shown,
    out: &mut dyn Write,
) -> io::Result<()> {
    let layout = report.layout;
    let lang = layout.lang;
    let who = visible(&crate::output::words::recipient(
        invoice.recipient,
        invoice.kommunkod,
    ))
    .into_owned();
    // From whom to whom in words: an arrow from the kommun to the region reads as money
    // going that way, and the money goes the other way.
    let region = visible(report.region);
    let to = crate::say!(lang, "till {region}", "to {region}").replace(' ', "\u{a0}");
    let head = crate::say!(
        lang,
        "Samlingsfaktura från {who} {to}",
        "Collective invoice from {who} {to}"
    );
    let mut text = format!("{}\n", wrap(&head, usize::from(layout.width), "", "  "));
    if let Some(reference) = report.reference {
        text.push_str(&format!(
            "  {}: {}\n",
            lang.pick("Referenskod", "Reference code"),
            visible(reference)
        ));
    }
    let decision = format!(
        "{}: {}",
        lang.pick("Beslut", "Decision"),
        visible(report.decision)
    );
    let width = usize::from(layout.width);
    text.push_str(&format!("{}\n", wrap(&decision, width, "  ", "    ")));
    if report.decision_date_missing {
        let missing = lang.pick(
            "Beslutsdatum: [saknas – ange `decision_date` under [plan] innan fakturan skickas]",
            "Decision date: [missing – give `decision_date` under [plan] before the invoice is sent]",
        );
        text.push_str(&format!("{}\n", wrap(missing, width, "  ", "    ")));
    }
    if let Some(date) = report.replaces {
        let label = crate::output::words::document::replaces_label(lang);
        text.push_str(&format!("  {label}: {date}\n"));
    }
    out.write_all(text.as_bytes())?;
    let total = lang.amount(invoice.total);
    let mut grid = Grid::new(
        &[
            lang.pick("Område", "Area"),
            "Insats",
            lang.pick("Beskrivning", "Description"),
            lang.pick("Belopp", "Amount"),
        ],
        &[Align::Left, Align::Left, Align::Left, Align::Right],
        layout.color,
    );
    // A recipient's lines are fitted, then written: their areas are measured, their amounts
    // made in a buffer, never allocated.
    let amounts = &mut shown.amounts;
    amounts.clear();
    for line in invoice.lines {
        grid.fit_width(0, number::digits_width(u64::from(line.area)));
        grid.fit(
            3,
            amounts.push(|text| number::push_amount(text, line.amount, lang)),
        );
    }
    grid.fit(2, lang.total(report.complete));
    grid.fit(3, &total);
    let cut = shown.slot(budget(layout, &[6, 6, grid.width(3)]));
    for line in invoice.lines {
        let [id, text] = shown.cells(report, line, cut);
        grid.fit_cell(1, id);
        grid.fit_cell(2, text);
    }
    grid.head(out)?;
    let amounts = std::mem::take(&mut shown.amounts);
    let starts = shown.starts_slot(([grid.width(0), grid.width(1), grid.width(2)], cut));
    for (i, line) in invoice.lines.iter().enumerate() {
        let start = shown.start(report, line, (cut, starts), &grid);
        grid.row_after(out, &start, &[cell(amounts.get(i))])?;
    }
    shown.amounts = amounts;
    grid.row(
        out,
        &[
            cell(""),
            cell(""),
            strong(lang.total(report.complete)),
            strong(&total),
        ],
    )?;
    grid.foot(out)?;
    for (kind, date) in report.deadlines {
        let text = match (kind, lang) {
            (DeadlineKind::Requisition, _) => continue,
            (DeadlineKind::InvoiceBy, Lang::Sv) => format!("Faktureras senast {date}"),
            (DeadlineKind::InvoiceBy, Lang::En) => format!("Invoice by {date}"),
            (DeadlineKind::UseReported, Lang::Sv) => {
                format!("Användningen redovisas senast {date}")
            }
            (DeadlineKind::UseReported, Lang::En) => {
                format!("Report how the money was used by {date}")
            }
            (DeadlineKind::UnusedRepaid, Lang::Sv) => {
                format!("Ej använda medel återbetalas senast {date}")
            }
            (DeadlineKind::UnusedRepaid, Lang::En) => format!("Repay unused money by {date}"),
        };
        writeln!(out, "  {text}")?;
    }
    Ok(())
}

fn summary_table(
    report: &Payments,
    statements: &[Statement],
    total: Amount,
    layout: Layout,
) -> String {
    let lang = layout.lang;
    let mut table = layout.table();
    table.set_header(vec![
        Cell::new(lang.pick("Mottagare", "Recipient")),
        Cell::new(lang.pick("Insatser", "Insatser")),
        Cell::new(lang.pick("Belopp", "Amount")),
    ]);
    for s in statements {
        let ids = s
            .lines
            .iter()
            .map(|l| report.id(l))
            .collect::<Vec<_>>()
            .join(", ");
        table.add_row(vec![text(&s.recipient), text(&ids), layout.amount(s.total)]);
    }
    table.add_row(vec![
        layout.total_label(report.complete),
        Cell::new(""),
        layout.strong_amount(total),
    ]);
    right_align_from(&mut table, 2);
    whole(&mut table, [2]);
    format!("{table}\n")
}

/// A cost-sharing table (`[[cost_sharing]]`) as the agreement prints it: each row's total and
/// every party's part, subtotals and overheads marked, then the parties' totals and shares.
pub fn cost_sharing(report: &CostTable, title: &str, layout: Layout) -> String {
    let lang = layout.lang;
    let mut table = layout.table();
    let mut header = vec![
        Cell::new(lang.pick("Utgifter", "Costs")),
        layout.total_label(true),
    ];
    header.extend(report.parties.iter().map(|p| text(p)));
    table.set_header(header);
    for row in &report.rows {
        let strong = row.kind == LineKind::Subtotal;
        let amount = |a: Amount| {
            if strong {
                layout.strong_amount(a)
            } else {
                layout.amount(a)
            }
        };
        let label = if strong {
            layout.strong(visible(&row.text))
        } else {
            text(&row.text)
        };
        let mut cells = vec![label, amount(row.total)];
        cells.extend(row.parts.iter().map(|a| amount(*a)));
        table.add_row(cells);
    }
    let mut totals = vec![
        layout.strong(lang.pick("Total kostnad", "Total cost")),
        layout.strong_amount(report.total),
    ];
    totals.extend(report.party_totals.iter().map(|a| layout.strong_amount(*a)));
    table.add_row(totals);
    let mut shares = vec![Cell::new(lang.pick("Andel", "Share")), Cell::new("")];
    shares.extend(report.shares.iter().map(|s| {
        let text = s.map_or_else(String::new, |s| {
            crate::output::number::percent(s, s.scale(), lang)
        });
        Cell::new(text).set_alignment(CellAlignment::Right)
    }));
    table.add_row(shares);
    right_align_from(&mut table, 1);
    let count = table.column_count();
    whole(&mut table, 1..count);
    let caption = match lang {
        Lang::Sv => format!("Kostnadsfördelning `{}`", visible(&report.id)),
        Lang::En => format!("Cost sharing `{}`", visible(&report.id)),
    };
    let mut out = format!("{caption}, {title}\n");
    if let Some(t) = &report.title {
        out.push_str(&format!("{}\n", visible(t)));
    }
    out.push_str(&format!("{table}\n"));
    out
}
