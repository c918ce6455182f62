//! `allocate diff --format md`: the comparison as Markdown, for a decision document or an
//! issue, its figures typeset as the documents' (`−7 877 kr`).

use crate::core::diff::{Change, PlanDiff};
use crate::core::money::Amount;
use crate::output::document::markdown as md;
use crate::output::lang::Lang;
use crate::output::number::Style;
use crate::output::text::short;
use crate::output::words::diff::{
    direct_kommuner, moved_lines, part_of_row_above, payment_lines, recoded_lines,
    renamed_actor_lines, renamed_lines, shown_label,
};

use super::{
    Figures, actor_names, added_header, any_area_changed, area_rows, by_text_note, change_notes,
    changed_actors, changed_area, changed_header, changed_id, columns, counties, insats_counts,
    kommun_rows, mark_notes, terms, total_word, year_check_line, years,
};

/// The comparison as Markdown, for a decision document or an issue: one table per section,
/// each with its total row, the year checks as a list, Swedish number format by default and
/// its figures typeset as the documents' (`number::document_amount`).
pub fn markdown(d: &PlanDiff, old_path: &str, new_path: &str, lang: Lang) -> String {
    let (old_column, new_column) = columns(d, lang);
    // Every text of the plans is escaped as the report's Markdown escapes it.
    let cell = |text: &str| md::cell(&md::inline(text));
    // Figures as the decision basis sets them: it is for pasting into one.
    let figures = Figures::of(d, Style::document(lang));
    let amount = |a: Option<Amount>| a.map_or_else(|| "–".to_string(), |a| figures.amount(a));
    let percent = |c: &Change| {
        c.percent()
            .map_or_else(|| "–".to_string(), |p| figures.percent(p))
    };
    let table = |first: &str, rows: &[(String, Change)]| -> String {
        let mut out = format!(
            "| {first} | {old_column} | {new_column} | {} | % |\n|---|--:|--:|--:|--:|\n",
            lang.pick("Förändring", "Change")
        );
        for (label, c) in rows {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                cell(label),
                amount(c.old),
                amount(c.new),
                figures.change(c.difference()),
                percent(c)
            ));
        }
        out
    };
    let county = counties(d, md::inline);
    let mut text = format!(
        "# {} {county} {}\n\n{} → {}\n\n",
        lang.pick("Jämförelse", "Comparison"),
        years(d, lang),
        md::code(old_path),
        md::code(new_path)
    );
    text.push_str(&format!("## {}\n\n", lang.pick("Områden", "Areas")));
    let rows = area_rows(d, lang);
    text.push_str(&table(lang.pick("Område", "Area"), &rows));
    text.push_str(&was_lines(&renamed_lines(d, &old_column, lang)));
    if !d.year_checks.is_empty() {
        text.push('\n');
    }
    for check in &d.year_checks {
        let line = year_check_line(check, d, Style::document(lang));
        text.push_str(&format!("- {}\n", line.trim()));
    }
    text.push_str(&format!("\n## {}\n\n", lang.pick("Aktörer", "Actors")));
    let mut rows: Vec<(String, Change)> = d
        .actors
        .iter()
        .map(|r| {
            // A dash per level: Markdown drops a cell's leading spaces.
            let marker = crate::output::depth_marker(r.depth, "– ");
            (format!("{marker}{}", shown_label(r, lang)), r.change)
        })
        .collect();
    rows.push((total_word(lang), d.actors_total()));
    text.push_str(&table(lang.pick("Aktör", "Actor"), &rows));
    if d.actors.iter().any(|r| r.depth > 0) {
        text.push_str(&format!("\n{}\n", part_of_row_above(lang)));
    }
    text.push_str(&was_lines(&moved_lines(d, &old_column, &new_column, lang)));
    text.push_str(&was_lines(&renamed_actor_lines(d, &old_column, lang)));
    text.push_str(&was_lines(&payment_lines(d, &old_column, lang)));
    let rows = kommun_rows(d, lang);
    if !rows.is_empty() {
        text.push_str(&format!("\n## {}\n\n", direct_kommuner(lang)));
        text.push_str(&table("Kommun", &rows));
        text.push_str(&was_lines(&recoded_lines(d, &old_column, lang)));
    }
    let i = &d.insatser;
    text.push_str(&format!("\n## {}\n\n", lang.pick("Insatser", "Insatser")));
    text.push_str(&format!("{}.\n", insats_counts(i, figures)));
    if !i.changed.is_empty() {
        // The columns of the terminal's table, with the same marks.
        let areas = any_area_changed(i);
        let header = changed_header(areas, old_column.clone(), new_column.clone(), lang);
        text.push('\n');
        let actors = 1 + usize::from(areas);
        text.push_str(&header_row(&header, actors + 1..actors + 4));
        for c in &i.changed {
            let mut row = vec![cell(&changed_id(c))];
            if areas {
                row.push(cell(&changed_area(c)));
            }
            row.extend([
                cell(&changed_actors(c)),
                figures.amount(c.old.amount),
                figures.amount(c.new.amount),
                figures.change(c.amount().difference()),
                cell(&short(&c.new.text, 60)),
            ]);
            text.push_str(&format!("| {} |\n", row.join(" | ")));
        }
        let sum = i.changed_total();
        let mut row = vec![total_word(lang)];
        row.extend(vec![String::new(); header.len() - 5]);
        row.extend([
            amount(sum.old),
            amount(sum.new),
            figures.change(sum.difference()),
            String::new(),
        ]);
        text.push_str(&format!("| {} |\n", row.join(" | ")));
        if let Some(note) = by_text_note(i, figures) {
            text.push_str(&format!("\n{}\n", md::inline(&note)));
        }
        for (mark, meaning) in mark_notes(i, lang) {
            text.push_str(&format!("\n{} {meaning}\n", md::inline(mark)));
        }
        for (heading, lines) in change_notes(i, figures) {
            text.push_str(&format!("\n{heading}:\n\n"));
            for line in lines {
                text.push_str(&format!("- {}\n", md::inline(&line)));
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
        // The columns of the terminal's table.
        text.push_str(&format!("\n### {title}\n\n"));
        text.push_str(&header_row(&added_header(lang), 3..4));
        for s in list {
            text.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                cell(&s.id),
                cell(&short(&s.text, 60)),
                cell(&actor_names(s)),
                figures.amount(s.amount)
            ));
        }
        text.push_str(&format!(
            "| {} | | | {} |\n",
            total_word(lang),
            figures.amount(total)
        ));
    }
    text.push_str(&terms::markdown(d, figures));
    text
}

/// A table's header and rule, the columns in `right` (the amounts) right-aligned.
fn header_row(header: &[String], right: std::ops::Range<usize>) -> String {
    let rule: Vec<&str> = (0..header.len())
        .map(|c| if right.contains(&c) { "--:" } else { "---" })
        .collect();
    format!("| {} |\n|{}|\n", header.join(" | "), rule.join("|"))
}

/// Lines that say what rows were last year, under their table: the heading as a paragraph,
/// each row's line a list item.
fn was_lines(lines: &[String]) -> String {
    let mut text = String::new();
    for (i, line) in lines.iter().enumerate() {
        match i {
            0 => text.push_str(&format!("\n{}\n\n", md::inline(line))),
            _ => text.push_str(&format!("- {}\n", md::inline(line))),
        }
    }
    text
}
