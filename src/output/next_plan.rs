//! Next year's plan, written from this year's file: the TOML that `allocate init` saves.
//!
//! The source file is edited in place with `toml_edit`, so its layout, order and comments stay
//! where they still apply. What moves: the year (also in the title and the agreement's name),
//! each deadline (one year on), and `previous_county_total` and `previous_national_total`
//! become last year's totals. Every amount of the new year is set to 0 with last year's figure
//! in the comment after it (`amount = 0  # fyll i (2025: 250 000 kr)`); `check` reports each
//! of them as `amount-to-fill` until it is filled in, so the first `check` of a new plan is the
//! list of what is left to do. The printed tables (`[[tables]]`) and cost-sharing tables
//! (`[[cost_sharing]]`) are money of the new year as well: their cells, row, column and grand
//! totals, printed parts and parties' totals are 0 (a list as a list of 0), with last year's
//! figures in the comment; their labels, columns, parties, rules, printed percentages and
//! `feeds` stay, and `check` reports a table whose figures are all 0 as amounts to fill in.
//! What cites last year's document goes: the file's opening
//! comment, the comments after the amounts, the decision and document dates, and the printed
//! per-recipient figures (`printed`). A key `file` is rewritten relative to the new plan's
//! folder, so it still finds the SCB file.

use std::path::{Component, Path, PathBuf};

use toml_edit::{DocumentMut, Item, Table, Value};

use crate::core::money::Amount;
use crate::core::plan::{Date, Plan};
use crate::input::read::lexical;
use crate::output::lang::Lang;
use crate::output::number;
use crate::say;

/// Where the plans sit, for a key `file` (relative to its plan) to keep pointing at the same
/// file from the new plan's folder.
pub struct Folders<'a> {
    pub old: &'a Path,
    pub new: &'a Path,
}

/// The new plan's text, edited from `text` (the source plan, parsed as `plan`). `from` names
/// the old plan in the opening comment.
pub fn next_plan(
    text: &str,
    plan: &Plan,
    year: i32,
    from: &str,
    folders: &Folders,
) -> Result<String, toml_edit::TomlError> {
    let mut doc: DocumentMut = text.trim_start_matches('\u{feff}').parse()?;
    let old_year = *plan.plan.year.get_ref();
    let edit = Edit {
        old_year,
        year,
        lang: Lang::Sv,
    };
    if let Some(meta) = table(&mut doc, "plan") {
        meta.decor_mut().set_prefix(edit.header(plan, from));
        edit.set_integer(meta, "year", i64::from(year), None);
        edit.replace_year(meta, "title");
        for key in ["document_date", "decision_date"] {
            meta.remove(key);
        }
        let dates = say!(
            edit.lang,
            "# document_date = {year}-MM-DD  # fyll i: underlagets datum\n# decision_date = {year}-MM-DD  # fyll i: beslutsmötet\n",
            "# document_date = {year}-MM-DD  # fill in: the document's date\n# decision_date = {year}-MM-DD  # fill in: the meeting\n"
        );
        if let Some((mut key, _)) = meta.get_key_value_mut("county_total") {
            let prefix = key
                .leaf_decor()
                .prefix()
                .and_then(|p| p.as_str())
                .unwrap_or("");
            let prefix = format!("{dates}{prefix}");
            key.leaf_decor_mut().set_prefix(prefix);
        }
        let total = *plan.plan.county_total.get_ref();
        edit.fill(meta, "county_total", total);
        // Last year's total, and the change for the document to state, whether or not last
        // year's plan had them.
        for key in ["previous_county_total", "stated_change"] {
            if !meta.contains_key(key) {
                meta.insert(key, toml_edit::value(0));
            }
        }
        let previous = say!(
            edit.lang,
            "{old_year} års länsmedel",
            "{old_year}'s county total"
        );
        edit.set_amount(meta, "previous_county_total", total, Some(&previous));
        let note = edit.lang.pick(
            "fyll i: förändringen som underlaget anger den",
            "fill in: the change as the document states it",
        );
        edit.set_integer(meta, "stated_change", 0, Some(note));
    }
    if let Some(deadlines) = table(&mut doc, "deadlines") {
        for key in ["requisition", "use_reported", "unused_repaid"] {
            edit.move_date(deadlines, key);
        }
    }
    if let Some(agreement) = table(&mut doc, "agreement") {
        edit.replace_year(agreement, "name");
        if let Some(a) = &plan.agreement {
            let total = *a.national_total.get_ref();
            edit.fill(agreement, "national_total", total);
            edit.set_amount(
                agreement,
                "previous_national_total",
                total,
                Some(&old_year.to_string()),
            );
            for (part, table) in a.split.iter().zip(tables(agreement, "split")) {
                edit.fill(table, "amount", *part.amount.get_ref());
            }
        }
    }
    for (area, table) in plan.areas.iter().zip(tables(doc.as_table_mut(), "areas")) {
        edit.fill(table, "amount", *area.amount.get_ref());
        for (earmark, table) in area.earmarks.iter().zip(tables(table, "earmarks")) {
            edit.fill(table, "amount", *earmark.amount.get_ref());
        }
    }
    for (key, table) in plan.keys.iter().zip(tables(doc.as_table_mut(), "keys")) {
        if key.date.is_some() {
            let note = edit.lang.pick(
                "förra årets siffror: stäm av mot SCB:s senaste folkmängd",
                "last year's figures: check against SCB's latest population",
            );
            edit.note(table, "date", note);
        }
        if let Some(file) = &key.file {
            let path = rebase(file.get_ref(), folders);
            if let Some(item) = table.get_mut("file") {
                let suffix = value_suffix(item);
                *item = toml_edit::value(path);
                set_suffix(item, &suffix);
            }
        }
    }
    for (insats, table) in plan
        .insatser
        .iter()
        .zip(tables(doc.as_table_mut(), "insatser"))
    {
        edit.fill(table, "amount", *insats.amount.get_ref());
        let Some(split) = &insats.split else { continue };
        let s = split.get_ref();
        let Some(split_table) = table.get_mut("split").and_then(Item::as_table_like_mut) else {
            continue;
        };
        split_table.remove("printed");
        if let (Some(each), Some(item)) = (&s.each, split_table.get_mut("each")) {
            edit.fill_item(item, *each.get_ref());
        }
        for name in ["except", "amounts"] {
            let Some(map) = split_table
                .get_mut(name)
                .and_then(Item::as_inline_table_mut)
            else {
                continue;
            };
            let last: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{k} {}", edit.written_amount(v).trim()))
                .collect();
            for (_, v) in map.iter_mut() {
                let decor = v.decor().clone();
                *v = Value::from(0);
                *v.decor_mut() = decor;
            }
            let (old_year, last) = (edit.old_year, comment(&last.join(", ")).into_owned());
            let note = say!(
                edit.lang,
                "  # fyll i `{name}` ({old_year}: {last})",
                "  # fill in `{name}` ({old_year}: {last})"
            );
            map.decor_mut().set_suffix(note);
        }
    }
    for (heading, table) in plan
        .headings
        .iter()
        .zip(tables(doc.as_table_mut(), "headings"))
    {
        if let Some(stated) = &heading.stated {
            edit.fill(table, "stated", *stated.get_ref());
        }
    }
    for (stated, table) in plan.stated.iter().zip(tables(doc.as_table_mut(), "stated")) {
        edit.fill(table, "amount", *stated.amount.get_ref());
    }
    // The printed tables and the cost-sharing tables: every figure is money of the new year.
    // What is not money stays: labels, columns and parties, the insats a row prints, a cost
    // row's rule (`to`, `shares`, `weights`, `percent_of_above`, `subtotal`), the printed
    // percentages and `feeds`.
    for (sections, figures, row_figures) in [
        ("tables", ["column_totals", "total"], ["cells", "total"]),
        (
            "cost_sharing",
            ["total", "party_totals"],
            ["total", "printed"],
        ),
    ] {
        for section in tables(doc.as_table_mut(), sections) {
            edit.replace_year(section, "title");
            for key in figures {
                edit.fill_figures(section, key);
            }
            for row in tables(section, "rows") {
                for key in row_figures {
                    edit.fill_figures(row, key);
                }
            }
        }
    }
    Ok(as_source(doc.to_string(), text))
}

/// `written` with the line ends and byte-order mark of `source`: a plan saved by an editor
/// that writes CRLF (and a BOM) gets a new plan in the same shape, not lines of both kinds
/// (a text over several lines keeps its line ends from the source; the lines made here end
/// in LF).
fn as_source(written: String, source: &str) -> String {
    let bom = if source.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let lines = source.find('\n');
    let crlf = lines.is_some_and(|at| source.get(..at).is_some_and(|l| l.ends_with('\r')));
    if !crlf {
        return format!("{bom}{written}");
    }
    let mut text = String::with_capacity(written.len() + written.len() / 16 + bom.len());
    text.push_str(bom);
    for line in written.split_inclusive('\n') {
        match line.strip_suffix('\n') {
            Some(line) => {
                text.push_str(line.strip_suffix('\r').unwrap_or(line));
                text.push_str("\r\n");
            }
            None => text.push_str(line),
        }
    }
    text
}

/// A text of the plan in a comment the new plan writes: on one line, with control, bidi and
/// zero-width characters shown as `<U+0001>` ([`visible`](crate::output::table::visible)), so
/// that it cannot end the comment and write TOML of its own (a county named
/// `"X\n[injected]"`), nor hold a character TOML does not allow in a comment.
fn comment(text: &str) -> std::borrow::Cow<'_, str> {
    crate::output::table::visible(text)
}

struct Edit {
    old_year: i32,
    year: i32,
    lang: Lang,
}

impl Edit {
    /// The new plan's opening comment, which replaces the old one (it cites last year's
    /// document).
    fn header(&self, plan: &Plan, from: &str) -> String {
        let (year, old_year) = (self.year, self.old_year);
        let (county, from) = (comment(&plan.plan.county), comment(from));
        say!(
            self.lang,
            "# Fördelning av länsgemensamma medel för psykisk hälsa och suicidprevention {year}\n\
             #\n\
             # Skapad med `allocate init` ur {from} ({old_year} års plan för {county}).\n\
             # Aktörer, kommuner, fördelningsnycklar, fokusområden, områden, insatser, rubriker och\n\
             # angivna summor är förra årets, med kommentarerna; tidsgränserna är flyttade till i år.\n\
             #\n\
             # Varje belopp står som 0, med förra årets belopp i kommentaren efter. Fyll i årets\n\
             # belopp ur beslutsunderlaget. `allocate check` listar varje belopp som återstår\n\
             # (amount-to-fill) tills planen är ifylld. Ta bort insatser, rubriker och summor som inte\n\
             # finns i år och lägg till nya; ange i kommentarer var i underlaget varje siffra står.\n\n",
            "# Allocation of the county's joint funds for mental health and suicide prevention {year}\n\
             #\n\
             # Made with `allocate init` from {from} ({old_year}'s plan for {county}).\n\
             # Actors, kommuner, keys, focus areas, areas, insatser, headings and stated totals are\n\
             # last year's, with their comments; the deadlines are moved to this year.\n\
             #\n\
             # Every amount is 0, with last year's in the comment after it. Fill in this year's from\n\
             # the decision document. `allocate check` lists every amount left (amount-to-fill) until\n\
             # the plan is filled in. Remove what this year does not have and add what is new.\n\n"
        )
    }

    /// `key = 0  # fyll i (2025: 12 697 775 kr)`.
    fn fill(&self, table: &mut dyn toml_edit::TableLike, key: &str, last_year: Amount) {
        if let Some(item) = table.get_mut(key) {
            self.fill_item(item, last_year);
        }
    }

    fn fill_item(&self, item: &mut Item, last_year: Amount) {
        *item = toml_edit::value(0);
        self.say_to_fill(item, &number::amount(last_year, self.lang));
    }

    /// The comment on a figure left to fill in: `# fyll i (2025: 12 697 775 kr)`.
    fn say_to_fill(&self, item: &mut Item, last: &str) {
        let old_year = self.old_year;
        set_suffix(
            item,
            &say!(
                self.lang,
                "  # fyll i ({old_year}: {last})",
                "  # fill in ({old_year}: {last})"
            ),
        );
    }

    fn set_integer(
        &self,
        table: &mut dyn toml_edit::TableLike,
        key: &str,
        value: i64,
        note: Option<&str>,
    ) {
        let Some(item) = table.get_mut(key) else {
            return;
        };
        let suffix = match note {
            Some(note) => format!("  # {note}"),
            None => value_suffix(item),
        };
        *item = toml_edit::value(value);
        set_suffix(item, &suffix);
    }

    /// An amount written as TOML writes it: `12_697_775`, or `"518 183,8"` with decimals.
    fn set_amount(
        &self,
        table: &mut dyn toml_edit::TableLike,
        key: &str,
        amount: Amount,
        note: Option<&str>,
    ) {
        let Some(item) = table.get_mut(key) else {
            return;
        };
        let Ok(value) = number::toml_amount(amount).parse::<Value>() else {
            return;
        };
        *item = Item::Value(value);
        if let Some(note) = note {
            set_suffix(item, &format!("  # {note}"));
        }
    }

    /// The text with the old year, as a number of its own, replaced by the new.
    fn replace_year(&self, table: &mut dyn toml_edit::TableLike, key: &str) {
        let Some(item) = table.get_mut(key) else {
            return;
        };
        let Some(text) = item.as_str() else { return };
        let replaced = replace_year(text, self.old_year, self.year);
        if replaced != text {
            let suffix = value_suffix(item);
            *item = toml_edit::value(replaced);
            set_suffix(item, &suffix);
        }
    }

    /// A deadline the same day of the new year (29 February becomes 28 February).
    fn move_date(&self, table: &mut dyn toml_edit::TableLike, key: &str) {
        let Some(item) = table.get_mut(key) else {
            return;
        };
        let Some(date) = item.as_datetime().and_then(|d| d.date) else {
            return;
        };
        let moved = years_later(
            Date {
                year: i32::from(date.year),
                month: date.month,
                day: date.day,
            },
            self.year.saturating_sub(self.old_year),
        );
        let Ok(value) = moved.to_string().parse::<Value>() else {
            return;
        };
        let suffix = value_suffix(item);
        *item = Item::Value(value);
        set_suffix(item, &suffix);
    }

    /// A comment after a value, in place of the one it had.
    fn note(&self, table: &mut dyn toml_edit::TableLike, key: &str, note: &str) {
        if let Some(item) = table.get_mut(key) {
            set_suffix(item, &format!("  # {note}"));
        }
    }

    /// A figure, or a list or inline table of figures, set to 0 with last year's in the
    /// comment after it (`cells = [0, 0]  # fyll i (2026: 21 200 kr, 18 000 kr)`), in place
    /// of the comment it had (it cites last year's document).
    fn fill_figures(&self, table: &mut dyn toml_edit::TableLike, key: &str) {
        let Some(item) = table.get_mut(key) else {
            return;
        };
        let zero = |v: &mut Value| {
            let decor = v.decor().clone();
            *v = Value::from(0);
            *v.decor_mut() = decor;
        };
        let last: Vec<String> = match item.as_value_mut() {
            Some(Value::Array(array)) => {
                let last = array.iter().map(|v| self.figure(v)).collect();
                array.iter_mut().for_each(zero);
                last
            }
            Some(Value::InlineTable(map)) => {
                let last = map
                    .iter()
                    .map(|(k, v)| format!("{k} {}", self.figure(v)))
                    .collect();
                map.iter_mut().for_each(|(_, v)| zero(v));
                last
            }
            Some(value) => {
                let last = vec![self.figure(value)];
                zero(value);
                last
            }
            None => return,
        };
        self.say_to_fill(item, &comment(&last.join(", ")));
    }

    /// A figure as last year's plan wrote it: `21 200 kr`, or the text of `"518 183,8"`.
    fn figure(&self, value: &Value) -> String {
        match (value.as_integer(), value.as_str()) {
            (Some(n), _) => number::amount(Amount::kr(n), self.lang),
            (None, Some(text)) => text.trim().to_string(),
            (None, None) => value.to_string().trim().to_string(),
        }
    }

    /// An amount in an inline table as last year's plan wrote it, in kronor.
    fn written_amount(&self, value: &Value) -> String {
        value.as_integer().map_or_else(
            || value.to_string(),
            |n| number::amount(Amount::kr(n), self.lang),
        )
    }
}

fn table<'d>(doc: &'d mut DocumentMut, key: &str) -> Option<&'d mut Table> {
    doc.get_mut(key).and_then(Item::as_table_mut)
}

/// The tables of an array of tables (`[[areas]]`), or nothing.
fn tables<'t>(
    parent: &'t mut dyn toml_edit::TableLike,
    key: &str,
) -> impl Iterator<Item = &'t mut Table> + 't {
    parent
        .get_mut(key)
        .and_then(Item::as_array_of_tables_mut)
        .into_iter()
        .flat_map(|a| a.iter_mut())
}

fn value_suffix(item: &Item) -> String {
    item.as_value()
        .and_then(|v| v.decor().suffix())
        .and_then(|s| s.as_str())
        .unwrap_or("")
        .to_string()
}

fn set_suffix(item: &mut Item, suffix: &str) {
    if let Some(value) = item.as_value_mut() {
        value.decor_mut().set_suffix(suffix);
    }
}

/// `text` with the year `old` (as a number of its own, not part of a longer one) as `new`.
fn replace_year(text: &str, old: i32, new: i32) -> String {
    let old = old.to_string();
    let new = new.to_string();
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(&old) {
        let (before, after) = rest.split_at(at);
        let tail = after.get(old.len()..).unwrap_or("");
        let digit_before = before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit());
        let digit_after = tail.chars().next().is_some_and(|c| c.is_ascii_digit());
        out.push_str(before);
        out.push_str(if digit_before || digit_after {
            &old
        } else {
            &new
        });
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// The same day `years` later; 29 February becomes 28 February in a year without it.
fn years_later(date: Date, years: i32) -> Date {
    let year = date.year.saturating_add(years);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let day = if date.month == 2 && date.day == 29 && !leap {
        28
    } else {
        date.day
    };
    Date {
        year,
        month: date.month,
        day,
    }
}

/// A key file path (relative to the old plan's folder) relative to the new plan's folder.
fn rebase(file: &str, folders: &Folders) -> String {
    let path = Path::new(file);
    if path.is_absolute() {
        return file.to_string();
    }
    let (Some(old), Some(new)) = (absolute(folders.old), absolute(folders.new)) else {
        return file.to_string();
    };
    if old == new {
        return file.to_string();
    }
    let target = lexical(&old.join(path));
    let target_parts: Vec<Component> = target.components().collect();
    let new_parts: Vec<Component> = new.components().collect();
    let common = target_parts
        .iter()
        .zip(&new_parts)
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 {
        // Another drive: only an absolute path reaches it.
        return target.display().to_string();
    }
    let ups = new_parts.len().saturating_sub(common);
    let mut parts: Vec<String> = vec!["..".to_string(); ups];
    parts.extend(
        target_parts
            .iter()
            .skip(common)
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    // Forward slashes work on every system and keep the plan the same on each.
    parts.join("/")
}

/// The path as an absolute one, with symbolic links resolved where the folder exists (so a
/// plan written through a linked folder points at the same file as `check` will find).
fn absolute(path: &Path) -> Option<PathBuf> {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    std::fs::canonicalize(path)
        .ok()
        .or_else(|| std::path::absolute(path).ok().map(|p| lexical(&p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_new_plan_keeps_the_sources_line_ends_and_byte_order_mark() {
        let made = "a = 1\nb = \"\"\"x\r\ny\"\"\"\n".to_string();
        assert_eq!(
            super::as_source(made.clone(), "\u{feff}a = 0\r\nb = 0\r\n"),
            "\u{feff}a = 1\r\nb = \"\"\"x\r\ny\"\"\"\r\n"
        );
        assert_eq!(super::as_source(made.clone(), "a = 0\nb = 0\r\n"), made);
        assert_eq!(super::as_source(made.clone(), "a = 0"), made);
    }

    #[test]
    fn the_year_is_replaced_only_as_a_number_of_its_own() {
        assert_eq!(
            replace_year("Överenskommelse 2025, plan 2025-2034, 12025", 2025, 2026),
            "Överenskommelse 2026, plan 2026-2034, 12025"
        );
    }

    #[test]
    fn deadlines_move_a_year_and_leap_days_stay_in_february() {
        let d = Date {
            year: 2025,
            month: 12,
            day: 1,
        };
        assert_eq!(years_later(d, 1).to_string(), "2026-12-01");
        let leap = Date {
            year: 2028,
            month: 2,
            day: 29,
        };
        assert_eq!(years_later(leap, 1).to_string(), "2029-02-28");
    }

    #[test]
    fn a_key_file_keeps_pointing_at_the_same_file() {
        let folders = Folders {
            old: Path::new("/repo/allocations"),
            new: Path::new("/repo/drafts/2026"),
        };
        assert_eq!(
            rebase("keys/folkmangd.csv", &folders),
            "../../allocations/keys/folkmangd.csv"
        );
        let same = Folders {
            old: Path::new("/repo/allocations"),
            new: Path::new("/repo/allocations/"),
        };
        assert_eq!(rebase("keys/folkmangd.csv", &same), "keys/folkmangd.csv");
    }
}
