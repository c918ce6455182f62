//! `allocate diff` as terminal tables (comfy-table): each side-by-side view with the change
//! in kronor and per cent, the new plan's stated change checked, and the insatser changed,
//! added and removed, each table with a total row made from its rows; each table's columns of
//! text cut to what the terminal leaves them. Swedish number format by default (`-7 877 kr`,
//! `-0,06 %`).

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};

use crate::core::diff::{Change, PlanDiff, YearCheckKind};
use crate::core::money::Amount;
use crate::output::grid::width;
use crate::output::lang::Lang;
use crate::output::table::{Layout, SPARE, room_for_text};
use crate::output::text::{short, visible, wrap};
use crate::output::words::diff::{
    direct_kommuner, moved_lines, part_of_row_above, payment_lines, recoded_lines,
    renamed_actor_lines, renamed_lines, shown_label,
};

use super::{
    Figures, actor_names, added_header, any_area_changed, area_rows, by_text_note, change_notes,
    changed_actors, changed_area, changed_header, changed_id, columns, counties, insats_counts,
    kommun_rows, mark_notes, terms, total_word, year_check_line, years,
};

/// The comparison as the terminal shows it, in `layout`'s language, colour and width.
pub fn render(d: &PlanDiff, old_path: &str, new_path: &str, layout: Layout) -> String {
    let lang = layout.lang;
    let new_year = d.new.year;
    let (old_column, new_column) = columns(d, lang);
    let figures = Figures::of(d, lang);
    let mut text = String::new();
    let county = counties(d, |c| visible(c).into_owned());
    text.push_str(&match lang {
        Lang::Sv => format!("Jämförelse {county} {}\n", years(d, lang)),
        Lang::En => format!("Comparison {county} {}\n", years(d, lang)),
    });
    text.push_str(&format!(
        "{} → {}\n\n",
        visible(old_path),
        visible(new_path)
    ));

    // Areas, with the county total as the total row.
    text.push_str(lang.pick("Områden\n", "Areas\n"));
    let rows = area_rows(d, lang);
    let table = side_by_side(
        lang.pick("Område", "Area"),
        &rows,
        &old_column,
        &new_column,
        figures,
        layout,
    );
    text.push_str(&format!("{table}\n"));
    let width = usize::from(layout.width);
    text.push_str(&was_lines(&renamed_lines(d, &old_column, lang), width));
    for check in &d.year_checks {
        text.push_str(&year_check_line(check, d, lang));
        text.push('\n');
    }
    if d.new.follows(&d.old)
        && !d
            .year_checks
            .iter()
            .any(|c| c.kind == YearCheckKind::StatedChange)
    {
        text.push_str(&match lang {
            Lang::Sv => format!(
                "  Förändring {}; {new_year} års plan anger ingen `stated_change` att jämföra med\n",
                figures.change(d.county.difference())
            ),
            Lang::En => format!(
                "  Change {}; the {new_year} plan states no `stated_change` to compare with\n",
                figures.change(d.county.difference())
            ),
        });
    }
    text.push('\n');

    text.push_str(lang.pick(
        "Aktörer (belopp till aktören och enheterna under den)\n",
        "Actors (money to the actor and the units under it)\n",
    ));
    // A unit is marked with a dash under its parent, two spaces deeper per level below
    // (as in `report`); `fitted` keeps the spaces and cuts the name after them.
    let mut rows: Vec<(String, Change)> = d
        .actors
        .iter()
        .map(|r| {
            let marker = match r.depth {
                0 => String::new(),
                depth => format!("{}– ", crate::output::depth_marker(depth - 1, "  ")),
            };
            (format!("{marker}{}", shown_label(r, lang).trim()), r.change)
        })
        .collect();
    rows.push((total_word(lang), d.actors_total()));
    let table = side_by_side(
        lang.pick("Aktör", "Actor"),
        &rows,
        &old_column,
        &new_column,
        figures,
        layout,
    );
    text.push_str(&format!("{table}\n"));
    text.push_str(&format!("  {}\n", part_of_row_above(lang)));
    for (i, line) in moved_lines(d, &old_column, &new_column, lang)
        .iter()
        .enumerate()
    {
        let indent = if i == 0 { "  " } else { "    " };
        text.push_str(&format!("{indent}{}\n", visible(line)));
    }
    text.push_str(&was_lines(
        &renamed_actor_lines(d, &old_column, lang),
        width,
    ));
    text.push_str(&was_lines(&payment_lines(d, &old_column, lang), width));
    text.push('\n');

    let rows = kommun_rows(d, lang);
    if !rows.is_empty() {
        text.push_str(&format!("{}\n", direct_kommuner(lang)));
        let table = side_by_side("Kommun", &rows, &old_column, &new_column, figures, layout);
        text.push_str(&format!("{table}\n"));
        text.push_str(&was_lines(&recoded_lines(d, &old_column, lang), width));
        text.push('\n');
    }

    text.push_str(&insatser(d, figures, layout));
    text.push_str(&terms::text(d, figures, layout));
    text
}

/// Lines that say what rows were last year, under their table: the heading indented, each
/// row's line under it, wrapped to `width`.
fn was_lines(lines: &[String], width: usize) -> String {
    let mut text = String::new();
    for (i, line) in lines.iter().enumerate() {
        let indent = if i == 0 { "  " } else { "    " };
        text.push_str(&format!(
            "{}\n",
            wrap(&visible(line), width, indent, &format!("{indent}  "))
        ));
    }
    text
}

/// Tables are laid out as given: the one text column of each is cut to what the terminal
/// leaves it (see [`room_for_text`], less [`SPARE`]), so no row wraps.
fn base_table(layout: Layout) -> Table {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    if layout.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

/// The least room a column of text of a comparison keeps: more than a report's
/// ([`crate::output::table::LEAST`]), as a cell may be a pair `A → B` with both sides shown,
/// and a table has several such columns. A last column that cannot get it is left out.
const MIN_TEXT: usize = 16;

/// The least room a column of text keeps when the terminal cannot give it [`MIN_TEXT`]:
/// both sides of a pair `A → B` still show a letter or two.
const LEAST_TEXT: usize = 10;

/// The widest of each column of `rows`, `header` included, in terminal columns.
fn widths(header: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .chain(std::iter::once(h))
                .map(|c| width(c))
                .max()
                .unwrap_or(0)
        })
        .collect()
}

/// The widest that columns of text as wide as `widths` may be so that together they take no
/// more than `room`: the narrow ones keep their width, the wide ones are cut to one length.
fn level(widths: &[usize], room: usize) -> usize {
    let mut sorted = widths.to_vec();
    sorted.sort_unstable();
    let mut left = room;
    for (i, &w) in sorted.iter().enumerate() {
        let wider = sorted.len() - i;
        if w * wider <= left {
            left -= w;
        } else {
            return left / wider;
        }
    }
    sorted.last().copied().unwrap_or(0)
}

/// `old → new` cut to `max` characters, each side keeping its share, so that both show.
fn short_pair(cell: &str, max: usize) -> String {
    let Some((old, new)) = cell.split_once(" → ") else {
        return short(cell, max);
    };
    let (o, n) = (width(old), width(new));
    if o + n + 3 <= max {
        return cell.to_string();
    }
    let room = max.saturating_sub(3);
    let half = room / 2;
    let (old_room, new_room) = if o <= half {
        (o, room - o)
    } else if n <= room - half {
        (room - n, n)
    } else {
        (half, room - half)
    };
    format!(
        "{} → {}",
        short(old, old_room.max(1)),
        short(new, new_room.max(1))
    )
}

/// A table whose columns of text `texts` are cut to what the terminal leaves them (the wide
/// ones to one length, never below [`MIN_TEXT`]; a last column of text that cannot get that
/// much is left out rather), column `pairs` (`old → new`) cut on both sides, and whose
/// columns `right` are right-aligned. A cell's leading spaces (a unit's depth under its
/// actor) are kept, its text cut after them.
fn fitted(
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    texts: &[usize],
    pairs: Option<usize>,
    right: std::ops::Range<usize>,
    layout: Layout,
) -> Table {
    // Texts from the plans, escaped before they are measured.
    let mut rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|row| row.iter().map(|c| visible(c).into_owned()).collect())
        .collect();
    let mut header = header;
    let all = widths(&header, &rows);
    let others: Vec<usize> = all
        .iter()
        .enumerate()
        .filter(|(i, _)| !texts.contains(i))
        .map(|(_, w)| *w)
        .collect();
    let mut texts = texts.to_vec();
    let text_widths = |texts: &[usize]| -> Vec<usize> {
        texts.iter().filter_map(|&i| all.get(i).copied()).collect()
    };
    // What the terminal leaves the columns of text of a table of `columns` columns.
    let left = |columns: usize| room_for_text(layout.width, columns, &others).saturating_sub(SPARE);
    let mut room = level(&text_widths(&texts), left(header.len()));
    let last = header.len().saturating_sub(1);
    if room < MIN_TEXT && all.get(last).is_some_and(|&w| w > room) && texts.contains(&last) {
        // A last column of text that cannot get enough room is left out.
        header.truncate(last);
        for row in &mut rows {
            row.truncate(last);
        }
        texts.retain(|&i| i != last);
        room = level(&text_widths(&texts), left(header.len()));
    }
    // `MIN_TEXT` at least, the spare column given up for it; below it only where the
    // terminal has no more room at all (marks after the ids), so that the table keeps to it.
    let whole = level(
        &text_widths(&texts),
        room_for_text(layout.width, header.len(), &others),
    );
    let room = room.max(MIN_TEXT.min(whole).max(LEAST_TEXT));
    for row in &mut rows {
        for &i in &texts {
            if let Some(cell) = row.get_mut(i) {
                *cell = if Some(i) == pairs {
                    short_pair(cell, room)
                } else {
                    // A unit's depth under its actor (`  – `) is kept; the name is cut.
                    let name = cell.trim_start_matches(' ');
                    let indent = cell.len() - name.len();
                    let indent = cell.get(..indent).unwrap_or_default();
                    format!("{indent}{}", short(name, room.saturating_sub(indent.len())))
                };
            }
        }
    }
    let mut table = base_table(layout);
    table.set_header(header);
    for row in rows {
        table.add_row(row.into_iter().map(Cell::new).collect::<Vec<_>>());
    }
    for i in right {
        if let Some(column) = table.column_mut(i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    table
}

fn side_by_side(
    what: &str,
    rows: &[(String, Change)],
    old_column: &str,
    new_column: &str,
    figures: Figures,
    layout: Layout,
) -> Table {
    let lang = layout.lang;
    let header = vec![
        what.to_string(),
        old_column.to_string(),
        new_column.to_string(),
        lang.pick("Förändring", "Change").to_string(),
        "%".to_string(),
    ];
    let rows = rows
        .iter()
        .map(|(label, change)| change_cells(label.clone(), change, figures))
        .collect();
    fitted(header, rows, &[0], None, 1..5, layout)
}

fn change_cells(label: String, change: &Change, figures: Figures) -> Vec<String> {
    let amount = |a: Option<Amount>| a.map_or_else(|| "–".to_string(), |a| figures.amount(a));
    vec![
        label,
        amount(change.old),
        amount(change.new),
        figures.change(change.difference()),
        change
            .percent()
            .map_or_else(String::new, |p| figures.percent(p)),
    ]
}

fn insatser(d: &PlanDiff, figures: Figures, layout: Layout) -> String {
    let lang = layout.lang;
    let i = &d.insatser;
    let (old_column, new_column) = columns(d, lang);
    let mut text = format!("Insatser: {}\n", insats_counts(i, figures));
    if !i.changed.is_empty() {
        text.push('\n');
        text.push_str(lang.pick("Ändrade (kronor)\n", "Changed (kronor)\n"));
        let areas = any_area_changed(i);
        let actors = 1 + usize::from(areas);
        let header = changed_header(areas, old_column, new_column, lang);
        let row = |id: String, area: String, actors: String, change: Change, text: String| {
            let mut row = vec![id];
            if areas {
                row.push(area);
            }
            let number =
                |a: Option<Amount>| a.map_or_else(|| "–".to_string(), |a| figures.number(a));
            row.extend([
                actors,
                number(change.old),
                number(change.new),
                figures.change_number(change.difference()),
                text,
            ]);
            row
        };
        let mut rows: Vec<Vec<String>> = i
            .changed
            .iter()
            .map(|c| {
                row(
                    changed_id(c),
                    changed_area(c),
                    changed_actors(c),
                    c.amount(),
                    c.new.text.clone(),
                )
            })
            .collect();
        rows.push(row(
            total_word(lang),
            String::new(),
            String::new(),
            i.changed_total(),
            String::new(),
        ));
        let table = fitted(
            header,
            rows,
            &[actors, actors + 4],
            Some(actors),
            actors + 1..actors + 4,
            layout,
        );
        text.push_str(&format!("{table}\n"));
        if let Some(note) = by_text_note(i, figures) {
            text.push_str(&wrap(&note, usize::from(layout.width), "  ", "  "));
            text.push('\n');
        }
        for (mark, meaning) in mark_notes(i, lang) {
            text.push_str(&format!("  {mark} {meaning}\n"));
        }
        for (heading, lines) in change_notes(i, figures) {
            text.push_str(&format!("  {heading}:\n"));
            for line in lines {
                text.push_str(&wrap(
                    &visible(&line),
                    usize::from(layout.width),
                    "    ",
                    "    ",
                ));
                text.push('\n');
            }
        }
    }
    for (title, list, total) in [
        (lang.pick("Tillkomna", "Added"), &i.added, i.added_total()),
        (
            lang.pick("Borttagna", "Removed"),
            &i.removed,
            i.removed_total(),
        ),
    ] {
        if list.is_empty() {
            continue;
        }
        text.push_str(&format!("\n{title}\n"));
        let header = added_header(lang);
        let mut rows: Vec<Vec<String>> = list
            .iter()
            .map(|s| {
                vec![
                    s.id.clone(),
                    s.text.clone(),
                    actor_names(s),
                    figures.amount(s.amount),
                ]
            })
            .collect();
        rows.push(vec![
            total_word(lang),
            String::new(),
            String::new(),
            figures.amount(total),
        ]);
        let table = fitted(header, rows, &[1, 2], None, 3..4, layout);
        text.push_str(&format!("{table}\n"));
    }
    text
}
