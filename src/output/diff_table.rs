//! `allocate diff` as terminal tables (comfy-table): each side-by-side view with the change
//! in kronor and per cent, the new plan's stated change checked, and the insatser changed,
//! added and removed. Swedish number format by default (`-7 877 kr`, `-0,06 %`).

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};

use crate::core::diff::{Change, InsatsSide, Matched, PlanDiff, YearCheck, YearCheckKind};
use crate::core::money::Amount;
use crate::output::lang::Lang;
use crate::output::number;
use crate::output::table::{Layout, short, visible};

pub fn render(d: &PlanDiff, old_path: &str, new_path: &str, layout: Layout) -> String {
    let lang = layout.lang;
    let (old_year, new_year) = (d.old.year, d.new.year);
    let mut text = String::new();
    let county = if d.old.county == d.new.county {
        visible(&d.new.county).into_owned()
    } else {
        format!("{} → {}", visible(&d.old.county), visible(&d.new.county))
    };
    text.push_str(&match lang {
        Lang::Sv => format!("Jämförelse {county} {old_year} → {new_year}\n"),
        Lang::En => format!("Comparison {county} {old_year} → {new_year}\n"),
    });
    text.push_str(&format!(
        "{} → {}\n\n",
        visible(old_path),
        visible(new_path)
    ));

    // Areas, with the county total as the total row.
    text.push_str(lang.pick("Områden\n", "Areas\n"));
    let mut rows: Vec<(String, Change)> = d
        .areas
        .iter()
        .map(|r| (r.label.clone(), r.change))
        .collect();
    rows.push((
        lang.pick("Länets medel", "County total").to_string(),
        d.county,
    ));
    let table = side_by_side(
        lang.pick("Område", "Area"),
        &rows,
        old_year,
        new_year,
        layout,
    );
    text.push_str(&format!("{table}\n"));
    for check in &d.year_checks {
        text.push_str(&year_check_line(check, d, lang));
        text.push('\n');
    }
    if !d
        .year_checks
        .iter()
        .any(|c| c.kind == YearCheckKind::StatedChange)
    {
        text.push_str(&match lang {
            Lang::Sv => format!(
                "  Förändring {}; {new_year} års plan anger ingen `stated_change` att jämföra med\n",
                number::change(d.county.difference(), lang)
            ),
            Lang::En => format!(
                "  Change {}; the {new_year} plan states no `stated_change` to compare with\n",
                number::change(d.county.difference(), lang)
            ),
        });
    }
    text.push('\n');

    text.push_str(lang.pick(
        "Aktörer (belopp till aktören och enheterna under den)\n",
        "Actors (money to the actor and the units under it)\n",
    ));
    // A unit is marked with a dash under its parent (as in `report`); leading spaces would
    // be lost where a cell wraps.
    let rows: Vec<(String, Change)> = d
        .actors
        .iter()
        .map(|r| {
            let marker = match r.depth {
                0 => String::new(),
                depth => format!("{}– ", "  ".repeat(depth - 1)),
            };
            (format!("{marker}{}", r.label), r.change)
        })
        .collect();
    let table = side_by_side(
        lang.pick("Aktör", "Actor"),
        &rows,
        old_year,
        new_year,
        layout,
    );
    text.push_str(&format!("{table}\n"));
    text.push_str(lang.pick(
        "  Rader med – ingår i raden ovanför.\n\n",
        "  Rows marked – are part of the row above.\n\n",
    ));

    let any_kommun = d.kommuner.iter().any(|r| {
        r.change.old.is_some_and(|a| !a.0.is_zero()) || r.change.new.is_some_and(|a| !a.0.is_zero())
    });
    if any_kommun {
        text.push_str(lang.pick(
            "Kommuner (direkt fördelat)\n",
            "Kommuner (allocated directly)\n",
        ));
        let mut rows: Vec<(String, Change)> = d
            .kommuner
            .iter()
            .map(|r| (r.label.clone(), r.change))
            .collect();
        rows.push((
            lang.pick("Totalt", "Total").to_string(),
            Change {
                old: Some(d.kommuner.iter().filter_map(|r| r.change.old).sum()),
                new: Some(d.kommuner.iter().filter_map(|r| r.change.new).sum()),
            },
        ));
        let table = side_by_side("Kommun", &rows, old_year, new_year, layout);
        text.push_str(&format!("{table}\n\n"));
    }

    text.push_str(&insatser(d, layout));
    text
}

/// Tables are laid out as given: the one text column of each is cut to what the terminal
/// leaves it (see `budget`), so no row wraps.
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

/// The least room worth giving a column of text.
const MIN_TEXT: usize = 16;

/// Characters left for the one text column of a table whose other columns are `others`
/// wide (each its widest cell, header included): each column costs three characters of
/// border and padding, and one more is kept spare.
fn budget(layout: Layout, others: &[usize]) -> usize {
    let borders = 3 * (others.len() + 1) + 1;
    usize::from(layout.width).saturating_sub(borders + others.iter().sum::<usize>() + 1)
}

/// The widest of each column of `rows`, `header` included.
fn widths(header: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .chain(std::iter::once(h))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect()
}

/// A table whose column `text` is cut to fit the terminal (never below `MIN_TEXT`; a last
/// column is left out rather) and whose columns `right` are right-aligned.
fn fitted(
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    text: usize,
    right: std::ops::Range<usize>,
    layout: Layout,
) -> Table {
    // Texts from the plans, escaped before they are measured.
    let mut rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|row| row.iter().map(|c| visible(c).into_owned()).collect())
        .collect();
    let others: Vec<usize> = widths(&header, &rows)
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i != text)
        .map(|(_, w)| w)
        .collect();
    let room = budget(layout, &others);
    let mut header = header;
    if room < MIN_TEXT && text + 1 == header.len() {
        // A last column of text that cannot get enough room is left out.
        header.truncate(text);
        for row in &mut rows {
            row.truncate(text);
        }
    } else {
        for row in &mut rows {
            if let Some(cell) = row.get_mut(text) {
                *cell = short(cell, room.max(MIN_TEXT));
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
    old_year: i32,
    new_year: i32,
    layout: Layout,
) -> Table {
    let lang = layout.lang;
    let header = vec![
        what.to_string(),
        old_year.to_string(),
        new_year.to_string(),
        lang.pick("Förändring", "Change").to_string(),
        "%".to_string(),
    ];
    let rows = rows
        .iter()
        .map(|(label, change)| change_cells(label.clone(), change, lang))
        .collect();
    fitted(header, rows, 0, 1..5, layout)
}

fn change_cells(label: String, change: &Change, lang: Lang) -> Vec<String> {
    let amount = |a: Option<Amount>| a.map_or_else(|| "–".to_string(), |a| lang.amount(a));
    vec![
        label,
        amount(change.old),
        amount(change.new),
        number::change(change.difference(), lang),
        change
            .percent()
            .map_or_else(String::new, |p| number::change_percent(p, lang)),
    ]
}

fn year_check_line(check: &YearCheck, d: &PlanDiff, lang: Lang) -> String {
    let (old_year, new_year) = (d.old.year, d.new.year);
    let a = |x: Amount| lang.amount(x);
    let mark = if check.holds() { "✓" } else { "≠" };
    match (check.kind, lang) {
        (YearCheckKind::PreviousTotal, Lang::Sv) => format!(
            "  Föregående år enligt {new_year}: {} {mark} {old_year} års plan: {}",
            a(check.stated),
            a(check.computed)
        ),
        (YearCheckKind::PreviousTotal, Lang::En) => format!(
            "  Previous year per the {new_year} plan: {} {mark} the {old_year} plan: {}",
            a(check.stated),
            a(check.computed)
        ),
        (YearCheckKind::StatedChange, Lang::Sv) => format!(
            "  Angiven förändring: {} {mark} {} − {} = {}",
            number::change(check.stated, lang),
            a(d.county.new.unwrap_or(Amount::ZERO)),
            a(d.county.old.unwrap_or(Amount::ZERO)),
            number::change(check.computed, lang)
        ),
        (YearCheckKind::StatedChange, Lang::En) => format!(
            "  Stated change: {} {mark} {} − {} = {}",
            number::change(check.stated, lang),
            a(d.county.new.unwrap_or(Amount::ZERO)),
            a(d.county.old.unwrap_or(Amount::ZERO)),
            number::change(check.computed, lang)
        ),
    }
}

fn insatser(d: &PlanDiff, layout: Layout) -> String {
    let lang = layout.lang;
    let i = &d.insatser;
    let (old_year, new_year) = (d.old.year, d.new.year);
    let mut text = match lang {
        Lang::Sv => format!(
            "Insatser: {} ändrade, {} oförändrade, {} tillkomna, {} borttagna\n",
            i.changed.len(),
            i.unchanged,
            i.added.len(),
            i.removed.len()
        ),
        Lang::En => format!(
            "Insatser: {} changed, {} unchanged, {} added, {} removed\n",
            i.changed.len(),
            i.unchanged,
            i.added.len(),
            i.removed.len()
        ),
    };
    if !i.changed.is_empty() {
        text.push('\n');
        text.push_str(lang.pick("Ändrade (kronor)\n", "Changed (kronor)\n"));
        let header = vec![
            "Insats".to_string(),
            lang.pick("Ansvarig", "Responsible").to_string(),
            old_year.to_string(),
            new_year.to_string(),
            lang.pick("Förändring", "Change").to_string(),
            lang.pick("Beskrivning", "Description").to_string(),
        ];
        let rows = i
            .changed
            .iter()
            .map(|c| {
                let mut id = if c.old.id == c.new.id {
                    c.new.id.clone()
                } else {
                    format!("{} → {}", c.old.id, c.new.id)
                };
                if c.text_changed {
                    id.push_str(" *");
                }
                let actors = if c.actors_changed() {
                    format!("{} → {}", actor_names(&c.old), actor_names(&c.new))
                } else {
                    actor_names(&c.new)
                };
                let difference = c.amount().difference();
                vec![
                    id,
                    actors,
                    lang.number(c.old.amount),
                    lang.number(c.new.amount),
                    if difference > Amount::ZERO {
                        format!("+{}", lang.number(difference))
                    } else {
                        lang.number(difference)
                    },
                    c.new.text.clone(),
                ]
            })
            .collect();
        let table = fitted(header, rows, 5, 2..5, layout);
        text.push_str(&format!("{table}\n"));
        let by_text: Vec<String> = i
            .changed
            .iter()
            .filter_map(|c| match c.matched {
                Matched::ByText(p) => Some(format!("{} → {} {p} %", c.old.id, c.new.id)),
                Matched::ById => None,
            })
            .collect();
        if !by_text.is_empty() {
            let note = match lang {
                Lang::Sv => format!(
                    "Ett nytt id betyder att insatsen matchats på texten (likhet: {}).",
                    by_text.join(", ")
                ),
                Lang::En => format!(
                    "A new id means the insats was matched by its text (similarity: {}).",
                    by_text.join(", ")
                ),
            };
            text.push_str(&wrap(&visible(&note), usize::from(layout.width), "  "));
        }
        if i.changed.iter().any(|c| c.text_changed) {
            text.push_str(lang.pick("  * texten har ändrats.\n", "  * the text has changed.\n"));
        }
    }
    for (title, list) in [
        (lang.pick("Tillkomna", "Added"), &i.added),
        (lang.pick("Borttagna", "Removed"), &i.removed),
    ] {
        if list.is_empty() {
            continue;
        }
        text.push_str(&format!("\n{title}\n"));
        let header = vec![
            "Insats".to_string(),
            lang.pick("Beskrivning", "Description").to_string(),
            lang.pick("Ansvarig", "Responsible").to_string(),
            lang.pick("Belopp", "Amount").to_string(),
        ];
        let mut rows: Vec<Vec<String>> = list
            .iter()
            .map(|s| {
                vec![
                    s.id.clone(),
                    s.text.clone(),
                    actor_names(s),
                    lang.amount(s.amount),
                ]
            })
            .collect();
        let total: Amount = list.iter().map(|s| s.amount).sum();
        rows.push(vec![
            lang.pick("Totalt", "Total").to_string(),
            String::new(),
            String::new(),
            lang.amount(total),
        ]);
        let table = fitted(header, rows, 1, 3..4, layout);
        text.push_str(&format!("{table}\n"));
    }
    text
}

/// Words filled into lines of at most `width` characters, each starting with `indent`.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::from(indent);
    for word in text.split(' ') {
        let fits = line.chars().count() + 1 + word.chars().count() <= width;
        if line.len() > indent.len() && !fits {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(indent);
        }
        if line.len() > indent.len() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

fn actor_names(side: &InsatsSide) -> String {
    side.actor_names.join(" / ")
}
