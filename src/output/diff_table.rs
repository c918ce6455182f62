//! `allocate diff` as terminal tables (comfy-table): each side-by-side view with the change
//! in kronor and per cent, the new plan's stated change checked, and the insatser changed,
//! added and removed, each table with a total row made from its rows. Swedish number format by
//! default (`-7 877 kr`, `-0,06 %`); the Markdown typesets it as the documents do.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};

use crate::core::diff::{
    AreaWas, Change, InsatsChange, InsatsSide, Insatser, Matched, PlanDiff, SplitSide, Status,
    YearCheck, YearCheckKind,
};
use crate::core::money::Amount;
use crate::core::plan::SplitRule;
use crate::output::document::markdown as md;
use crate::output::lang::Lang;
use crate::output::number::{self, Typography};
use crate::output::table::{Layout, short, visible, wrap};
use crate::say;

mod terms;

/// The two plans' columns: their years, or for two drafts of one year, the year with
/// *före* and *efter*.
fn columns(d: &PlanDiff, lang: Lang) -> (String, String) {
    let (old, new) = (d.old.year, d.new.year);
    if old == new {
        (
            format!("{old} {}", lang.pick("före", "before")),
            format!("{new} {}", lang.pick("efter", "after")),
        )
    } else {
        (old.to_string(), new.to_string())
    }
}

/// Amounts as the comparison shows them: every one with as many decimals as the most precise
/// amount of the two plans (a plan counted in tenths beside one in whole kronor gives
/// `3 202 124,0 kr` above `12 030,0 kr`, one format to a column), in plain text on the
/// terminal and typeset as every document's figures in Markdown (`number::Typography`).
#[derive(Clone, Copy)]
struct Figures {
    lang: Lang,
    decimals: u32,
    typography: Typography,
}

impl Figures {
    /// The comparison's figures in plain text.
    fn of(d: &PlanDiff, lang: Lang) -> Figures {
        Figures::typeset(d, lang, Typography::Plain)
    }

    fn typeset(d: &PlanDiff, lang: Lang, typography: Typography) -> Figures {
        let changes = std::iter::once(&d.county).chain(
            [&d.areas, &d.actors, &d.kommuner]
                .into_iter()
                .flatten()
                .map(|r| &r.change),
        );
        let amounts = changes.flat_map(|c| [c.old, c.new]).flatten();
        let i = &d.insatser;
        let sides = i
            .added
            .iter()
            .chain(&i.removed)
            .chain(i.changed.iter().flat_map(|c| [&c.old, &c.new]));
        let split_amounts = |s: &SplitSide| {
            let listed = s.except.iter().chain(&s.amounts).map(|(_, a)| *a);
            listed.chain(s.unit).chain(s.each).collect::<Vec<_>>()
        };
        let sides = sides.flat_map(|s| {
            std::iter::once(s.amount).chain(s.split.as_ref().map(split_amounts).unwrap_or_default())
        });
        let decimals = amounts.chain(sides).map(|a| a.0.scale()).max().unwrap_or(0);
        Figures {
            lang,
            decimals,
            typography,
        }
    }

    /// `a` with this comparison's decimals.
    fn at(self, a: Amount) -> Amount {
        let mut value = a.0;
        if value.scale() < self.decimals {
            value.rescale(self.decimals);
        }
        Amount(value)
    }

    /// `12 689 898 kr`.
    fn amount(self, a: Amount) -> String {
        match self.typography {
            Typography::Plain => number::amount(self.at(a), self.lang),
            Typography::Document => number::document_amount(self.at(a), self.lang),
        }
    }

    /// `12 689 898`.
    fn number(self, a: Amount) -> String {
        number::format(self.at(a).0, self.lang, self.typography)
    }

    /// `+5 340 kr`, `-7 877 kr`, `0 kr`.
    fn change(self, a: Amount) -> String {
        match self.typography {
            Typography::Plain => number::change(self.at(a), self.lang),
            Typography::Document => number::document_change(self.at(a), self.lang),
        }
    }

    /// A change in per cent: `-0,06 %`.
    fn percent(self, p: rust_decimal::Decimal) -> String {
        match self.typography {
            Typography::Plain => number::change_percent(p, self.lang),
            Typography::Document => number::document_percent(p, self.lang),
        }
    }

    /// A count: `11 632`.
    fn count(self, n: usize) -> String {
        let n = rust_decimal::Decimal::from(u64::try_from(n).unwrap_or(u64::MAX));
        number::format(n, self.lang, self.typography)
    }

    /// `+5 340`, `-7 877`, `0`: a change in a column headed by its unit.
    fn change_number(self, a: Amount) -> String {
        if a > Amount::ZERO {
            format!("+{}", self.number(a))
        } else {
            self.number(a)
        }
    }
}

/// The county of the two plans as a heading names it: once when they name the same county
/// (however written: `Jämtlands län`, ` JÄMTLANDS LÄN `), the new plan's spelling with its
/// spaces evened out; else
/// `old → new`.
fn counties(d: &PlanDiff, show: impl Fn(&str) -> String) -> String {
    if crate::core::diff::same_county(&d.old.county, &d.new.county) {
        show(
            &d.new
                .county
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        )
    } else {
        format!("{} → {}", show(&d.old.county), show(&d.new.county))
    }
}

/// What an area renumbered or renamed was in the old plan, saying only what changed: `område
/// 3` (the same title under another number), its old title (the same number), or both.
pub fn area_was(row: &crate::core::diff::Row, lang: Lang) -> Option<String> {
    let was = row.was.as_ref()?;
    let number = was.number;
    Some(match (was.renumbered, was.retitled) {
        (true, false) => say!(lang, "område {number}", "area {number}"),
        (false, true) => was.title.clone(),
        _ => was.label(),
    })
}

/// The areas paired under another number or name than last year's, in words: the first
/// line a heading, the others one area each, `2 Suicidprevention (2026: 3 Suicidprevention)`.
fn renamed_lines(d: &PlanDiff, old_column: &str, lang: Lang) -> Vec<String> {
    let renamed: Vec<String> = (d.areas.iter())
        .filter_map(|r| {
            Some(format!(
                "{} ({old_column}: {})",
                r.label,
                area_was(r, lang)?
            ))
        })
        .collect();
    if renamed.is_empty() {
        return renamed;
    }
    let heading = say!(
        lang,
        "Områden med annat nummer eller annan rubrik än {old_column} (jämförda med samma rubrik, annars samma nummer):",
        "Areas with another number or title than in {old_column} (compared by title, else by number):"
    );
    std::iter::once(heading).chain(renamed).collect()
}

pub fn render(d: &PlanDiff, old_path: &str, new_path: &str, layout: Layout) -> String {
    let lang = layout.lang;
    let (old_year, new_year) = (d.old.year, d.new.year);
    let (old_column, new_column) = columns(d, lang);
    let figures = Figures::of(d, lang);
    let mut text = String::new();
    let county = counties(d, |c| visible(c).into_owned());
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
    for (i, line) in renamed_lines(d, &old_column, lang).iter().enumerate() {
        let indent = if i == 0 { "  " } else { "    " };
        text.push_str(&format!(
            "{}\n",
            wrap(&visible(line), width, indent, &format!("{indent}  "))
        ));
    }
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
                depth => format!("{}– ", super::depth_marker(depth - 1, "  ")),
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
    text.push_str(lang.pick(
        "  Rader med – ingår i raden ovanför.\n",
        "  Rows marked – are part of the row above.\n",
    ));
    for (i, line) in moved_lines(d, &old_column, &new_column, lang)
        .iter()
        .enumerate()
    {
        let indent = if i == 0 { "  " } else { "    " };
        text.push_str(&format!("{indent}{}\n", visible(line)));
    }
    text.push('\n');

    let kommuner = d.direct_kommuner();
    if !kommuner.is_empty() {
        text.push_str(lang.pick(
            "Kommuner (direkt fördelat)\n",
            "Kommuner (allocated directly)\n",
        ));
        let mut rows: Vec<(String, Change)> = kommuner
            .iter()
            .map(|r| (r.label.clone(), r.change))
            .collect();
        rows.push((
            total_word(lang),
            Change::sum(kommuner.iter().map(|r| r.change)),
        ));
        let table = side_by_side("Kommun", &rows, &old_column, &new_column, figures, layout);
        text.push_str(&format!("{table}\n\n"));
    }

    text.push_str(&insatser(d, figures, layout));
    text.push_str(&terms::text(d, figures, layout));
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

/// Characters left for the columns of text of a table of `columns` columns whose other
/// columns are `others` wide (each its widest cell, header included): each column costs
/// three characters of border and padding, and one more is kept spare.
fn budget(width: u16, columns: usize, others: &[usize]) -> usize {
    let borders = 3 * columns + 1;
    usize::from(width).saturating_sub(borders + others.iter().sum::<usize>() + 1)
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
    let (o, n) = (old.chars().count(), new.chars().count());
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
/// ones to one length, never below `MIN_TEXT`; a last column of text that cannot get that
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
    let mut room = level(
        &text_widths(&texts),
        budget(layout.width, header.len(), &others),
    );
    let last = header.len().saturating_sub(1);
    if room < MIN_TEXT && all.get(last).is_some_and(|&w| w > room) && texts.contains(&last) {
        // A last column of text that cannot get enough room is left out.
        header.truncate(last);
        for row in &mut rows {
            row.truncate(last);
        }
        texts.retain(|&i| i != last);
        room = level(
            &text_widths(&texts),
            budget(layout.width, header.len(), &others),
        );
    }
    let room = room.max(MIN_TEXT);
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
            .map_or_else(String::new, |p| number::change_percent(p, figures.lang)),
    ]
}

/// A check of the new plan's figures about last year, as one line (indented), in plain text.
pub fn year_check_line(check: &YearCheck, d: &PlanDiff, lang: Lang) -> String {
    year_check(check, d, Figures::of(d, lang))
}

/// [`year_check_line`] with its figures typeset as a document's (`−7 877 kr`).
pub fn document_year_check_line(check: &YearCheck, d: &PlanDiff, lang: Lang) -> String {
    year_check(check, d, Figures::typeset(d, lang, Typography::Document))
}

fn year_check(check: &YearCheck, d: &PlanDiff, figures: Figures) -> String {
    let (old_year, new_year, lang) = (d.old.year, d.new.year, figures.lang);
    let a = |x: Amount| figures.amount(x);
    let mark = if check.holds() { "✓" } else { "≠" };
    match (check.kind, lang) {
        (YearCheckKind::PreviousTotal, Lang::Sv) => format!(
            "  Föregående års belopp enligt {new_year} års plan: {} {mark} ({old_year} års plan: {})",
            a(check.stated),
            a(check.computed)
        ),
        (YearCheckKind::PreviousTotal, Lang::En) => format!(
            "  Previous year per the {new_year} plan: {} {mark} (the {old_year} plan: {})",
            a(check.stated),
            a(check.computed)
        ),
        (YearCheckKind::StatedChange, Lang::Sv) => format!(
            "  Angiven förändring: {} {mark} {} − {} = {}",
            figures.change(check.stated),
            a(d.county.new.unwrap_or(Amount::ZERO)),
            a(d.county.old.unwrap_or(Amount::ZERO)),
            figures.change(check.computed)
        ),
        (YearCheckKind::StatedChange, Lang::En) => format!(
            "  Stated change: {} {mark} {} − {} = {}",
            figures.change(check.stated),
            a(d.county.new.unwrap_or(Amount::ZERO)),
            a(d.county.old.unwrap_or(Amount::ZERO)),
            figures.change(check.computed)
        ),
    }
}

/// The areas' changes, with the county total last.
fn area_rows(d: &PlanDiff, lang: Lang) -> Vec<(String, Change)> {
    let mut rows: Vec<(String, Change)> = d
        .areas
        .iter()
        .map(|r| (r.label.clone(), r.change))
        .collect();
    rows.push((
        lang.pick("Länets medel", "County total").to_string(),
        d.county,
    ));
    rows
}

fn total_word(lang: Lang) -> String {
    lang.pick("Totalt", "Total").to_string()
}

/// What a list cut short ends with: `och 3 till`.
fn and_more(more: usize, figures: Figures) -> String {
    let (more, lang) = (figures.count(more), figures.lang);
    say!(lang, "och {more} till", "and {more} more")
}

/// The note under the changed insatser that names the first pairs made by text, with their
/// similarity (every one is in the CSV and JSON); each pair held together by no-break spaces.
fn by_text_note(i: &Insatser, figures: Figures) -> Option<String> {
    const NAMED: usize = 10;
    let mut by_text: Vec<String> = (i.changed.iter())
        .filter_map(|c| match c.matched {
            Matched::ByText(p) => Some(format!(
                "{}\u{a0}→\u{a0}{}\u{a0}{p}\u{a0}%",
                visible(&c.old.id),
                visible(&c.new.id)
            )),
            Matched::ById => None,
        })
        .collect();
    if by_text.is_empty() {
        return None;
    }
    let more = by_text.len().saturating_sub(NAMED);
    by_text.truncate(NAMED);
    if more > 0 {
        by_text.push(and_more(more, figures));
    }
    let pairs = by_text.join(", ");
    Some(say!(
        figures.lang,
        "Ett nytt id betyder att insatsen matchats på texten (likhet: {pairs}).",
        "A new id means the insats was matched by its text (similarity: {pairs})."
    ))
}

/// "2 ändrade, 19 oförändrade, 1 tillkommen …": the insatser compared, in words.
fn insats_counts(i: &Insatser, figures: Figures) -> String {
    counts(
        Gender::Common,
        i.changed.len(),
        i.unchanged,
        i.added.len(),
        i.removed.len(),
        figures,
    )
}

/// The gender of the Swedish noun a count is of: the words after it agree with it in the
/// singular (*1 borttagen insats*, *1 borttaget villkor*).
#[derive(Clone, Copy)]
enum Gender {
    /// *en insats*
    Common,
    /// *ett villkor*, *ett område*
    Neuter,
}

/// "2 ändrade, 19 oförändrade, 1 tillkommen, 0 borttagna": things compared, in words.
fn counts(
    gender: Gender,
    changed: usize,
    unchanged: usize,
    added: usize,
    removed: usize,
    figures: Figures,
) -> String {
    let lang = figures.lang;
    // Swedish: the plural, or the singular of the noun's gender.
    let word = |n: usize, plural: &'static str, common: &'static str, neuter: &'static str| {
        let word = match (n, gender) {
            (1, Gender::Common) => common,
            (1, Gender::Neuter) => neuter,
            _ => plural,
        };
        format!("{} {word}", figures.count(n))
    };
    match lang {
        Lang::Sv => [
            word(changed, "ändrade", "ändrad", "ändrat"),
            word(unchanged, "oförändrade", "oförändrad", "oförändrat"),
            word(added, "tillkomna", "tillkommen", "tillkommet"),
            word(removed, "borttagna", "borttagen", "borttaget"),
        ]
        .join(", "),
        Lang::En => {
            let n = |n: usize| figures.count(n);
            let (changed, unchanged, added, removed) =
                (n(changed), n(unchanged), n(added), n(removed));
            format!("{changed} changed, {unchanged} unchanged, {added} added, {removed} removed")
        }
    }
}

/// An insats's id, `old → new` when matched by text, with `*` when its text has changed.
fn changed_id(c: &InsatsChange) -> String {
    let mut id = if c.old.id == c.new.id {
        c.new.id.clone()
    } else {
        format!("{} → {}", c.old.id, c.new.id)
    };
    if c.text_changed {
        id.push_str(" *");
    }
    id
}

/// The responsible actors, `old → new` when they have changed.
fn changed_actors(c: &InsatsChange) -> String {
    if c.actors_changed() {
        format!("{} → {}", actor_names(&c.old), actor_names(&c.new))
    } else {
        actor_names(&c.new)
    }
}

/// The area, `2 → 3` when the insats has moved.
fn changed_area(c: &InsatsChange) -> String {
    if c.area_changed() {
        format!("{} → {}", c.old.area, c.new.area)
    } else {
        c.new.area.to_string()
    }
}

/// Whether the changed insatser's table has a column of areas: only when one has moved.
fn any_area_changed(i: &Insatser) -> bool {
    i.changed.iter().any(InsatsChange::area_changed)
}

/// A split in words: `lika delar`, `nyckel procent, avrundat till 100 kr`.
fn split_words(split: Option<&SplitSide>, figures: Figures) -> String {
    let lang = figures.lang;
    let Some(s) = split else {
        return lang.pick("ingen fördelning", "no split").to_string();
    };
    let key = s.key.as_deref().map(visible).unwrap_or_default();
    let each = s.each.map(|e| figures.amount(e)).unwrap_or_default();
    let listed = |list: &[(String, Amount)]| -> String {
        const NAMED: usize = 3;
        if list.len() > NAMED {
            let count = figures.count(list.len());
            say!(lang, " ({count} mottagare)", " ({count} recipients)")
        } else if list.is_empty() {
            String::new()
        } else {
            let named: Vec<String> = list
                .iter()
                .map(|(who, a)| format!("{} {}", visible(who), figures.amount(*a)))
                .collect();
            format!(" ({})", named.join(", "))
        }
    };
    let except = listed(&s.except);
    let mut text = match s.rule {
        SplitRule::Equal => lang.pick("lika delar", "equal parts").to_string(),
        SplitRule::Key => say!(lang, "nyckel {key}", "key {key}"),
        SplitRule::Fixed => say!(lang, "{each} var{except}", "{each} each{except}"),
        SplitRule::Amounts => {
            let amounts = listed(&s.amounts);
            say!(lang, "angivna belopp{amounts}", "amounts given{amounts}")
        }
        SplitRule::FixedPlusKey => say!(
            lang,
            "{each} var{except}, resten efter nyckel {key}",
            "{each} each{except}, the rest by key {key}"
        ),
    };
    if let Some(unit) = s.unit {
        let unit = figures.amount(unit);
        text.push_str(&say!(lang, ", avrundat till {unit}", ", rounded to {unit}"));
    }
    text
}

/// How an insats's split has changed: the two splits in words, or where they say the same
/// (a list too long to name), the amounts that differ.
fn split_change(c: &InsatsChange, figures: Figures) -> String {
    let (old, new) = (
        split_words(c.old.split.as_ref(), figures),
        split_words(c.new.split.as_ref(), figures),
    );
    if old != new {
        return format!("{old} → {new}");
    }
    let (Some(a), Some(b)) = (&c.old.split, &c.new.split) else {
        return format!("{old} → {new}");
    };
    let mut differences: Vec<String> = Vec::new();
    for (before, after) in [(&a.except, &b.except), (&a.amounts, &b.amounts)] {
        let find = |list: &[(String, Amount)], who: &str| {
            list.iter().find(|(w, _)| w == who).map(|(_, x)| *x)
        };
        let mut names: Vec<&str> = before
            .iter()
            .chain(after)
            .map(|(w, _)| w.as_str())
            .collect();
        names.sort_unstable();
        names.dedup();
        for who in names {
            let (x, y) = (find(before, who), find(after, who));
            if x != y {
                let shown =
                    |a: Option<Amount>| a.map_or_else(|| "–".to_string(), |a| figures.amount(a));
                differences.push(format!("{} {} → {}", visible(who), shown(x), shown(y)));
            }
        }
    }
    const NAMED: usize = 5;
    let more = differences.len().saturating_sub(NAMED);
    differences.truncate(NAMED);
    let mut text = format!("{new}: {}", differences.join(", "));
    if more > 0 {
        text.push_str(&format!(", {}", and_more(more, figures)));
    }
    text
}

/// The insatser whose split has changed, each with how: `2.2: lika delar → nyckel procent`.
fn split_changes(i: &Insatser, figures: Figures) -> Vec<String> {
    i.changed
        .iter()
        .filter(|c| c.split_changed())
        .map(|c| format!("{}: {}", c.new.id, split_change(c, figures)))
        .collect()
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
        let mut header = vec!["Insats".to_string()];
        if areas {
            header.push(lang.pick("Område", "Area").to_string());
        }
        let actors = header.len();
        header.extend([
            lang.pick("Ansvarig", "Responsible").to_string(),
            old_column,
            new_column,
            lang.pick("Förändring", "Change").to_string(),
            lang.pick("Beskrivning", "Description").to_string(),
        ]);
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
        if i.changed.iter().any(|c| c.text_changed) {
            text.push_str(lang.pick("  * texten har ändrats.\n", "  * the text has changed.\n"));
        }
        let splits = split_changes(i, figures);
        if !splits.is_empty() {
            text.push_str(lang.pick("  Ändrad fördelning:\n", "  Split changed:\n"));
            for line in splits {
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
                    figures.amount(s.amount),
                ]
            })
            .collect();
        rows.push(vec![
            lang.pick("Totalt", "Total").to_string(),
            String::new(),
            String::new(),
            figures.amount(total),
        ]);
        let table = fitted(header, rows, &[1, 2], None, 3..4, layout);
        text.push_str(&format!("{table}\n"));
    }
    text
}

fn actor_names(side: &InsatsSide) -> String {
    side.actor_names.join(" / ")
}

// ---------------------------------------------------------------------------------------
// `diff --format csv|json|md`: the same comparison for other programs and for documents.

/// What the comparison says of the actors under another parent than last year: a line that
/// says how they are counted, then one per actor (none when no actor moved).
pub fn moved_lines(d: &PlanDiff, old_column: &str, new_column: &str, lang: Lang) -> Vec<String> {
    if d.moved.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![
        lang.pick(
            "Flyttade aktörer räknas båda åren där de står i den nya planen:",
            "Actors that moved are counted in both years where the new plan places them:",
        )
        .to_string(),
    ];
    let place = |parent: &Option<String>| match parent {
        Some(name) => format!("{} {name}", lang.pick("under", "under")),
        None => lang.pick("överst", "at the top").to_string(),
    };
    for m in &d.moved {
        lines.push(format!(
            "{}: {old_column} {}, {new_column} {}",
            m.actor,
            place(&m.old_parent),
            place(&m.new_parent)
        ));
    }
    lines
}

/// A row's name in a table where it stands under its actor: the actor's own money as
/// "egna medel" (the actor's name is the row above), as `report` shows it.
pub fn shown_label(row: &crate::core::diff::Row, lang: Lang) -> String {
    if row.own {
        lang.pick("egna medel", "own funds").to_string()
    } else {
        row.label.clone()
    }
}

/// A row's `status` in the flat table: `tillkommen`, `borttagen`, `ändrad` in Swedish.
fn status_word(status: Status, gender: Gender, words: crate::output::sheet::Words) -> &'static str {
    use crate::output::sheet::Words;
    match (status, words, gender) {
        (Status::Added, Words::Sv, Gender::Common) => "tillkommen",
        (Status::Removed, Words::Sv, Gender::Common) => "borttagen",
        (Status::Changed, Words::Sv, Gender::Common) => "ändrad",
        (Status::Added, Words::Sv, Gender::Neuter) => "tillkommet",
        (Status::Removed, Words::Sv, Gender::Neuter) => "borttaget",
        (Status::Changed, Words::Sv, Gender::Neuter) => "ändrat",
        (Status::Added, _, _) => "added",
        (Status::Removed, _, _) => "removed",
        (Status::Changed, _, _) => "changed",
    }
}

/// The `matched` cell of a row paired by its text: `text 88 %` (`text 88` for machines).
fn matched_by_text(similarity: u32, words: crate::output::sheet::Words) -> String {
    match words {
        crate::output::sheet::Words::Machine => format!("text {similarity}"),
        _ => format!("text {similarity} %"),
    }
}

/// The comparison as a flat table, one row per line of the side-by-side tables and per
/// insats changed, added or removed; headers and fixed values in `words` (`Machine`: the
/// fixed English names of the machine dialect).
pub fn sheet(d: &PlanDiff, words: crate::output::sheet::Words) -> crate::output::sheet::Sheet {
    use crate::output::sheet::{Value, Words};
    let pick =
        |sv: &'static str, en: &'static str, machine: &'static str| words.pick(sv, en, machine);
    let lang = match words {
        Words::En => Lang::En,
        _ => Lang::Sv,
    };
    let (old_year, new_year) = columns(d, lang);
    let headers = vec![
        pick("Avsnitt", "Section", "section").to_string(),
        pick("Nyckel", "Key", "key").to_string(),
        pick("Namn", "Name", "name").to_string(),
        match words {
            Words::Machine => "old".to_string(),
            _ => old_year,
        },
        match words {
            Words::Machine => "new".to_string(),
            _ => new_year,
        },
        pick("Förändring", "Change", "change").to_string(),
        pick("Förändring %", "Change %", "change_percent").to_string(),
        pick("Status", "Status", "status").to_string(),
        pick("Matchning", "Matched", "matched").to_string(),
        pick("Område", "Area", "area").to_string(),
        pick("Fördelning", "Split", "split").to_string(),
        pick("Ingår i", "Part of", "parent").to_string(),
    ];
    // The split's words: Swedish in the Swedish dialect, English otherwise.
    let figures = Figures {
        lang: match words {
            Words::Sv => Lang::Sv,
            _ => Lang::En,
        },
        decimals: 0,
        typography: Typography::Plain,
    };
    let amount = |a: Option<Amount>| a.map_or(Value::Empty, Value::Amount);
    let line = |section: &str, key: &str, name: &str, change: &Change| -> Vec<Value> {
        vec![
            Value::Text(section.into()),
            Value::Code(key.into()),
            Value::Text(name.into()),
            amount(change.old),
            amount(change.new),
            Value::Amount(change.difference()),
            change.percent().map_or(Value::Empty, Value::Decimal),
            Value::Empty,
            Value::Empty,
            Value::Empty,
            Value::Empty,
            Value::Empty,
        ]
    };
    let mut rows = vec![line(
        pick("län", "county", "county"),
        "",
        &d.new.county,
        &d.county,
    )];
    for (section, list) in [
        (pick("område", "area", "area"), &d.areas),
        (pick("aktör", "actor", "actor"), &d.actors),
        ("kommun", &d.kommuner),
    ] {
        rows.extend(list.iter().map(|r| {
            // An actor's own money named in full: the sheet's rows stand alone.
            let name = if r.own {
                crate::output::sheet::own_funds(&r.label, lang)
            } else {
                r.label.clone()
            };
            let mut row = line(section, &r.key, &name, &r.change);
            // An area renumbered or renamed: what it was called last year.
            if let (Some(cell), Some(was)) = (row.get_mut(8), &r.was) {
                *cell = Value::Text(was.label().into());
            }
            // The row it is part of: the rows with none add up to the county's actors.
            if let (Some(cell), Some(parent)) = (row.get_mut(11), &r.parent) {
                *cell = Value::Code(parent.as_str().into());
            }
            row
        }));
    }
    let insats = pick("insats", "insats", "insats");
    for c in &d.insatser.changed {
        let key = if c.old.id == c.new.id {
            c.new.id.clone()
        } else {
            format!("{} → {}", c.old.id, c.new.id)
        };
        let mut row = line(insats, &key, &c.new.text, &c.amount());
        if let Some(status) = row.get_mut(7) {
            *status = Value::Text(status_word(Status::Changed, Gender::Common, words).into());
        }
        if let Some(area) = row.get_mut(9) {
            *area = Value::Code(changed_area(c).into());
        }
        if let Some(split) = row.get_mut(10).filter(|_| c.split_changed()) {
            *split = Value::Text(split_change(c, figures).into());
        }
        if let Some(matched) = row.get_mut(8) {
            *matched = Value::Text(
                match c.matched {
                    Matched::ById => pick("id", "id", "id").to_string(),
                    Matched::ByText(p) => matched_by_text(p, words),
                }
                .into(),
            );
        }
        rows.push(row);
    }
    for (side, status, is_new) in [
        (
            &d.insatser.added,
            status_word(Status::Added, Gender::Common, words),
            true,
        ),
        (
            &d.insatser.removed,
            status_word(Status::Removed, Gender::Common, words),
            false,
        ),
    ] {
        for s in side {
            let change = if is_new {
                Change {
                    old: None,
                    new: Some(s.amount),
                }
            } else {
                Change {
                    old: Some(s.amount),
                    new: None,
                }
            };
            let mut row = line(insats, &s.id, &s.text, &change);
            if let Some(cell) = row.get_mut(7) {
                *cell = Value::Text(status.into());
            }
            if let Some(cell) = row.get_mut(9) {
                *cell = Value::Code(s.area.to_string().into());
            }
            rows.push(row);
        }
    }
    rows.extend(terms::sheet_rows(d, words));
    crate::output::sheet::Sheet::new("diff", headers, rows, Vec::new())
}

/// The comparison as JSON (schema `allocate-diff/2`): amounts as integers in kronor (exact
/// decimal strings with öre), changes in per cent as decimal strings.
pub fn json(d: &PlanDiff, old_path: &str, new_path: &str) -> serde_json::Result<String> {
    use serde_json::{Value as J, json};
    let change = |c: &Change| {
        json!({
            "old": c.old,
            "new": c.new,
            "change": c.difference(),
            "change_percent": c.percent().map(|p| p.to_string()),
        })
    };
    let rows = |rows: &[crate::core::diff::Row]| -> Vec<J> {
        rows.iter()
            .map(|r| {
                let mut v = change(&r.change);
                if let Some(o) = v.as_object_mut() {
                    o.insert("key".into(), J::from(r.key.clone()));
                    o.insert("name".into(), J::from(r.label.clone()));
                    o.insert("depth".into(), J::from(r.depth));
                    o.insert("own".into(), J::from(r.own));
                    o.insert(
                        "old_name".into(),
                        J::from(r.was.as_ref().map(AreaWas::label)),
                    );
                }
                v
            })
            .collect()
    };
    let pairs = |list: &[(String, Amount)]| -> serde_json::Map<String, J> {
        list.iter()
            .map(|(who, a)| (who.clone(), json!(a)))
            .collect()
    };
    let split = |s: &SplitSide| {
        json!({
            "rule": match s.rule {
                SplitRule::Key => "key",
                SplitRule::Equal => "equal",
                SplitRule::Fixed => "fixed",
                SplitRule::Amounts => "amounts",
                SplitRule::FixedPlusKey => "fixed-plus-key",
            },
            "key": s.key,
            "unit": s.unit,
            "each": s.each,
            "except": pairs(&s.except),
            "amounts": pairs(&s.amounts),
        })
    };
    let side = |s: &InsatsSide| {
        json!({
            "id": s.id,
            "area": s.area,
            "text": s.text,
            "actors": s.actors,
            "amount": s.amount,
            "split": s.split.as_ref().map(split),
        })
    };
    let checks: Vec<J> = d
        .year_checks
        .iter()
        .map(|c| {
            json!({
                "kind": match c.kind {
                    YearCheckKind::PreviousTotal => "previous_county_total",
                    YearCheckKind::StatedChange => "stated_change",
                },
                "stated": c.stated,
                "computed": c.computed,
                "holds": c.holds(),
            })
        })
        .collect();
    let changed: Vec<J> = d
        .insatser
        .changed
        .iter()
        .map(|c| {
            json!({
                "old": side(&c.old),
                "new": side(&c.new),
                "matched": match c.matched {
                    Matched::ById => json!("id"),
                    Matched::ByText(p) => json!({ "text_similarity_percent": p }),
                },
                "text_changed": c.text_changed,
                "actors_changed": c.actors_changed(),
                "area_changed": c.area_changed(),
                "split_changed": c.split_changed(),
                "change": c.amount().difference(),
            })
        })
        .collect();
    let (conditions, requirements) = terms::json(d);
    let document = json!({
        "schema": "allocate-diff/2",
        "old": { "path": old_path, "county": d.old.county, "year": d.old.year },
        "new": { "path": new_path, "county": d.new.county, "year": d.new.year },
        "county": change(&d.county),
        "areas": rows(&d.areas),
        "actors": rows(&d.actors),
        "moved": d.moved.iter().map(|m| json!({
            "actor": m.actor,
            "old_parent": m.old_parent,
            "new_parent": m.new_parent,
        })).collect::<Vec<_>>(),
        "kommuner": rows(&d.kommuner),
        "year_checks": checks,
        "insatser": {
            "changed": changed,
            "added": d.insatser.added.iter().map(side).collect::<Vec<_>>(),
            "removed": d.insatser.removed.iter().map(side).collect::<Vec<_>>(),
            "unchanged": d.insatser.unchanged,
        },
        "conditions": conditions,
        "requirements": requirements,
    });
    serde_json::to_string_pretty(&document).map(|s| s + "\n")
}

/// The comparison as Markdown, for a decision document or an issue: one table per section,
/// each with its total row, the year checks as a list, Swedish number format by default and
/// its figures typeset as the documents' (`number::document_amount`).
pub fn markdown(d: &PlanDiff, old_path: &str, new_path: &str, lang: Lang) -> String {
    let (old_year, new_year) = (d.old.year, d.new.year);
    let (old_column, new_column) = columns(d, lang);
    // Every text of the plans is escaped as the report's Markdown escapes it.
    let cell = |text: &str| md::cell(&md::inline(text));
    // Figures as the decision basis sets them: it is for pasting into one.
    let figures = Figures::typeset(d, lang, Typography::Document);
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
        "# {} {county} {old_year} → {new_year}\n\n{} → {}\n\n",
        lang.pick("Jämförelse", "Comparison"),
        md::code(old_path),
        md::code(new_path)
    );
    text.push_str(&format!("## {}\n\n", lang.pick("Områden", "Areas")));
    let rows = area_rows(d, lang);
    text.push_str(&table(lang.pick("Område", "Area"), &rows));
    for (i, line) in renamed_lines(d, &old_column, lang).iter().enumerate() {
        match i {
            0 => text.push_str(&format!("\n{}\n\n", md::inline(line))),
            _ => text.push_str(&format!("- {}\n", md::inline(line))),
        }
    }
    if !d.year_checks.is_empty() {
        text.push('\n');
    }
    for check in &d.year_checks {
        let line = document_year_check_line(check, d, lang);
        text.push_str(&format!("- {}\n", line.trim()));
    }
    text.push_str(&format!("\n## {}\n\n", lang.pick("Aktörer", "Actors")));
    let mut rows: Vec<(String, Change)> = d
        .actors
        .iter()
        .map(|r| {
            // A dash per level: Markdown drops a cell's leading spaces.
            let marker = super::depth_marker(r.depth, "– ");
            (format!("{marker}{}", shown_label(r, lang)), r.change)
        })
        .collect();
    rows.push((total_word(lang), d.actors_total()));
    text.push_str(&table(lang.pick("Aktör", "Actor"), &rows));
    if d.actors.iter().any(|r| r.depth > 0) {
        text.push_str(lang.pick(
            "\nRader med – ingår i raden ovanför.\n",
            "\nRows marked – are part of the row above.\n",
        ));
    }
    for (i, line) in moved_lines(d, &old_column, &new_column, lang)
        .iter()
        .enumerate()
    {
        match i {
            0 => text.push_str(&format!("\n{}\n\n", md::inline(line))),
            _ => text.push_str(&format!("- {}\n", md::inline(line))),
        }
    }
    let kommuner = d.direct_kommuner();
    if !kommuner.is_empty() {
        text.push_str(lang.pick(
            "\n## Kommuner (direkt fördelat)\n\n",
            "\n## Kommuner (allocated directly)\n\n",
        ));
        let mut rows: Vec<(String, Change)> = kommuner
            .iter()
            .map(|r| (r.label.clone(), r.change))
            .collect();
        rows.push((
            total_word(lang),
            Change::sum(kommuner.iter().map(|r| r.change)),
        ));
        text.push_str(&table("Kommun", &rows));
    }
    let i = &d.insatser;
    text.push_str(&format!("\n## {}\n\n", lang.pick("Insatser", "Insatser")));
    text.push_str(&format!("{}.\n", insats_counts(i, figures)));
    if !i.changed.is_empty() {
        // The columns of the terminal's table, with the same marks.
        let areas = any_area_changed(i);
        let (area_head, area_rule) = if areas {
            (format!(" {} |", lang.pick("Område", "Area")), "---|")
        } else {
            (String::new(), "")
        };
        text.push_str(&format!(
            "\n| Insats |{area_head} {} | {} | {old_column} | {new_column} | {} |\n|---|{area_rule}---|---|--:|--:|--:|\n",
            lang.pick("Ansvarig", "Responsible"),
            lang.pick("Text", "Text"),
            lang.pick("Förändring", "Change")
        ));
        for c in &i.changed {
            let area = if areas {
                format!(" {} |", cell(&changed_area(c)))
            } else {
                String::new()
            };
            text.push_str(&format!(
                "| {} |{area} {} | {} | {} | {} | {} |\n",
                cell(&changed_id(c)),
                cell(&changed_actors(c)),
                cell(&short(&c.new.text, 60)),
                figures.amount(c.old.amount),
                figures.amount(c.new.amount),
                figures.change(c.amount().difference())
            ));
        }
        let sum = i.changed_total();
        let area = if areas { " |" } else { "" };
        text.push_str(&format!(
            "| {} |{area} | | {} | {} | {} |\n",
            total_word(lang),
            amount(sum.old),
            amount(sum.new),
            figures.change(sum.difference())
        ));
        if let Some(note) = by_text_note(i, figures) {
            text.push_str(&format!("\n{}\n", md::inline(&note)));
        }
        if i.changed.iter().any(|c| c.text_changed) {
            text.push_str(lang.pick(
                "\n\\* texten har ändrats.\n",
                "\n\\* the text has changed.\n",
            ));
        }
        let splits = split_changes(i, figures);
        if !splits.is_empty() {
            text.push_str(lang.pick("\nÄndrad fördelning:\n\n", "\nSplit changed:\n\n"));
            for line in splits {
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
        // The columns of the terminal's table, in the order of the changed insatser's.
        text.push_str(&format!(
            "\n### {title}\n\n| Insats | {} | {} | {} |\n|---|---|---|--:|\n",
            lang.pick("Ansvarig", "Responsible"),
            lang.pick("Text", "Text"),
            lang.pick("Belopp", "Amount")
        ));
        for s in list {
            text.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                cell(&s.id),
                cell(&actor_names(s)),
                cell(&short(&s.text, 60)),
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
