//! Next year's plan, written from this year's: the TOML text that `allocate init` saves.
//!
//! What carries over unchanged: the county, forum, reference code and unit; the focus areas;
//! the areas' titles and bases and their earmarks; the actors, kommuner and keys; the
//! insatser (text, actors, focus areas, split rule) and the summary headings and stated
//! figures (labels and what they cover). What moves: the year, the year in the title and the
//! agreement's name, and each deadline (one year on). `previous_county_total` and
//! `previous_national_total` become last year's totals.
//!
//! Every amount of the new year is written as 0 with last year's figure in a comment; `check`
//! reports each of them as `amount-to-fill` until it is filled in, so the first `check` of a
//! new plan is the list of what is left to do. Last year's comments are not carried over:
//! they cite last year's document. Printed per-kommun figures (`printed`) are left out for
//! the same reason, and a split's own amounts (`each`, `except`, `amounts`) are written as 0
//! with last year's in a comment.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Component, Path, PathBuf};

use crate::core::plan::Spanned;

use crate::core::money::Amount;
use crate::core::plan::{ActorRef, Date, Insats, KeyKind, Payment, Plan, SplitRule, Weight};
use crate::output::lang::Lang;
use crate::output::number;

/// Where the plans sit, for a key `file` (relative to its plan) to keep pointing at the same
/// file from the new plan's folder.
pub struct Folders<'a> {
    pub old: &'a Path,
    pub new: &'a Path,
}

/// The new plan's text. `from` names the old plan in the header comment.
pub fn next_plan(plan: &Plan, year: i32, from: &str, folders: &Folders) -> String {
    let old_year = *plan.plan.year.get_ref();
    let mut w = Writer {
        text: String::new(),
        old_year,
    };
    w.header(plan, year, from);
    w.meta(plan, year);
    w.deadlines(plan, year.saturating_sub(old_year));
    w.agreement(plan, year);
    w.focus_areas(plan);
    w.areas(plan);
    w.actors(plan);
    w.kommuner(plan);
    w.keys(plan, folders);
    w.insatser(plan);
    w.headings(plan);
    w.stated(plan);
    w.text
}

struct Writer {
    text: String,
    old_year: i32,
}

impl Writer {
    fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    fn blank(&mut self) {
        self.text.push('\n');
    }

    /// `key = 0  # fyll i (2025: 12 697 775 kr)`.
    fn amount_to_fill(&mut self, key: &str, last_year: Amount) {
        let line = format!(
            "{key} = 0  # fyll i ({}: {})",
            self.old_year,
            number::amount(last_year, Lang::Sv)
        );
        self.line(&line);
    }

    fn header(&mut self, plan: &Plan, year: i32, from: &str) {
        let old_year = self.old_year;
        self.line(&format!(
            "# Fördelning av länsgemensamma medel för psykisk hälsa och suicidprevention {year}"
        ));
        self.line("#");
        self.line(&format!(
            "# Skapad med `allocate init` ur {from} ({old_year} års plan för {}).",
            plan.plan.county
        ));
        for line in [
            "# Aktörer, kommuner, fördelningsnycklar, fokusområden, områden, insatser, rubriker och",
            "# angivna summor är förra årets; tidsgränserna är flyttade till i år.",
            "#",
            "# Varje belopp står som 0, med förra årets belopp i en kommentar. Fyll i årets belopp ur",
            "# beslutsunderlaget. `allocate check` listar varje belopp som återstår (amount-to-fill)",
            "# tills planen är ifylld. Ta bort insatser, rubriker och summor som inte finns i år och",
            "# lägg till nya; ange i kommentarer var i underlaget varje siffra står.",
        ] {
            self.line(line);
        }
        self.blank();
    }

    fn meta(&mut self, plan: &Plan, year: i32) {
        let m = &plan.plan;
        self.line("[plan]");
        self.line(&format!("year = {year}"));
        self.line(&format!("county = {}", string(&m.county)));
        let title = replace_year(&m.title, self.old_year, year);
        if title == m.title {
            self.line(&format!("title = {}", string(&title)));
        } else {
            self.line(&format!(
                "title = {}  # årtalet bytt; stäm av mot underlaget",
                string(&title)
            ));
        }
        if let Some(forum) = &m.forum {
            self.line(&format!("forum = {}", string(forum)));
        }
        self.line(&format!(
            "# document_date = {year}-MM-DD   # underlagets datum"
        ));
        self.line(&format!("# decision_date = {year}-MM-DD   # beslutsmötet"));
        if let Some(reference) = &m.reference {
            self.line(&format!("reference = {}", string(reference)));
        }
        if let Some(unit) = &m.unit {
            self.line(&format!("unit = {}", integer(*unit.get_ref())));
        }
        let total = *m.county_total.get_ref();
        self.amount_to_fill("county_total", total);
        self.line(&format!(
            "previous_county_total = {}  # {} års länsmedel",
            integer(total),
            self.old_year
        ));
        self.line("stated_change = 0  # fyll i: förändringen som underlaget anger den");
        self.blank();
    }

    fn deadlines(&mut self, plan: &Plan, years: i32) {
        let Some(d) = &plan.deadlines else { return };
        self.line("[deadlines]");
        for (name, date) in [
            ("requisition", &d.requisition),
            ("use_reported", &d.use_reported),
            ("unused_repaid", &d.unused_repaid),
        ] {
            if let Some(date) = date {
                let moved = years_later(*date.get_ref(), years);
                self.line(&format!("{name} = {moved}"));
            }
        }
        self.blank();
    }

    fn agreement(&mut self, plan: &Plan, year: i32) {
        let Some(a) = &plan.agreement else { return };
        self.line("[agreement]");
        if let Some(name) = &a.name {
            self.line(&format!(
                "name = {}",
                string(&replace_year(name, self.old_year, year))
            ));
        }
        let total = *a.national_total.get_ref();
        self.amount_to_fill("national_total", total);
        self.line(&format!(
            "previous_national_total = {}  # {}",
            integer(total),
            self.old_year
        ));
        for part in &a.split {
            self.blank();
            self.line("[[agreement.split]]");
            self.line(&format!("recipient = {}", string(&part.recipient)));
            self.amount_to_fill("amount", *part.amount.get_ref());
        }
        self.blank();
    }

    fn focus_areas(&mut self, plan: &Plan) {
        for f in &plan.focus_areas {
            self.line("[[focus_areas]]");
            self.line(&format!("number = {}", f.number.get_ref()));
            self.line(&format!("title = {}", string(&f.title)));
            self.blank();
        }
    }

    fn areas(&mut self, plan: &Plan) {
        for area in &plan.areas {
            self.line("[[areas]]");
            self.line(&format!("number = {}", area.number.get_ref()));
            self.line(&format!("title = {}", string(&area.title)));
            self.amount_to_fill("amount", *area.amount.get_ref());
            if let Some(basis) = &area.basis {
                self.line(&format!("basis = {}", string(basis)));
            }
            self.blank();
            for earmark in &area.earmarks {
                self.line("[[areas.earmarks]]");
                self.line(&format!("id = {}", string(earmark.id.get_ref())));
                self.line(&format!("title = {}", string(&earmark.title)));
                self.amount_to_fill("amount", *earmark.amount.get_ref());
                self.blank();
            }
        }
    }

    fn actors(&mut self, plan: &Plan) {
        for actor in &plan.actors {
            self.line("[[actors]]");
            self.line(&format!("id = {}", string(actor.id.get_ref())));
            self.line(&format!("name = {}", string(&actor.name)));
            if let Some(short) = &actor.short {
                self.line(&format!("short = {}", string(short)));
            }
            self.line(&format!("kind = {}", string(actor.kind.get_ref().as_str())));
            if let Some(parent) = &actor.parent {
                self.line(&format!("parent = {}", string(parent.get_ref())));
            }
            if let Some(payment) = actor.payment {
                self.line(&format!("payment = {}", string(payment_name(payment))));
            }
            self.blank();
        }
    }

    fn kommuner(&mut self, plan: &Plan) {
        for kommun in &plan.kommuner {
            self.line("[[kommuner]]");
            self.line(&format!("code = {}", string(kommun.code.get_ref())));
            self.line(&format!("name = {}", string(kommun.name.get_ref())));
            self.blank();
        }
    }

    fn keys(&mut self, plan: &Plan, folders: &Folders) {
        for key in &plan.keys {
            self.line("[[keys]]");
            self.line(&format!("id = {}", string(key.id.get_ref())));
            if let Some(title) = &key.title {
                self.line(&format!("title = {}", string(title)));
            }
            let kind = *key.kind.get_ref();
            self.line(&format!("kind = {}", string(key_kind(kind))));
            if let Some(precision) = &key.precision {
                self.line(&format!("precision = {}", precision.get_ref()));
            }
            if let Some(date) = &key.date {
                self.line(&format!(
                    "date = {}  # stäm av: gäller siffrorna i år?",
                    date.get_ref()
                ));
            }
            if let Some(source) = &key.source {
                self.line(&format!("source = {}", string(source)));
            }
            if let Some(values) = &key.values {
                let mut entries: Vec<(&Spanned<String>, &Spanned<Weight>)> =
                    values.get_ref().iter().collect();
                entries.sort_by_key(|(name, _)| name.span().start);
                let cells: Vec<String> = entries
                    .iter()
                    .map(|(name, weight)| {
                        format!(
                            "{} = {}",
                            bare_key(name.get_ref()),
                            weight_value(weight.get_ref(), kind)
                        )
                    })
                    .collect();
                self.line(&format!("values = {{ {} }}", cells.join(", ")));
            }
            if let Some(file) = &key.file {
                let path = rebase(file.get_ref(), folders);
                self.line(&format!("file = {}", string(&path)));
            }
            if let Some(column) = &key.column {
                self.line(&format!("column = {}", string(column.get_ref())));
            }
            if let Some(from) = &key.from {
                self.line(&format!("from = {}", string(from.get_ref())));
            }
            self.blank();
        }
    }

    fn insatser(&mut self, plan: &Plan) {
        for insats in &plan.insatser {
            self.insats(insats);
        }
    }

    fn insats(&mut self, insats: &Insats) {
        self.line("[[insatser]]");
        self.line(&format!("id = {}", string(insats.id.get_ref())));
        self.line(&format!("area = {}", insats.area.get_ref()));
        self.line(&format!("text = {}", text_value(&insats.text)));
        if let Some(focus) = &insats.focus_areas {
            let numbers: Vec<String> = focus
                .get_ref()
                .iter()
                .map(|n| n.get_ref().to_string())
                .collect();
            self.line(&format!("focus_areas = [{}]", numbers.join(", ")));
        }
        if let Some(affected) = &insats.affected {
            self.line(&format!("affected = {}", text_value(affected)));
        }
        if let Some(responsible) = &insats.responsible {
            self.line(&format!("responsible = {}", text_value(responsible)));
        }
        match insats.actor.get_ref() {
            ActorRef::One(id) => self.line(&format!("actor = {}", string(id))),
            ActorRef::Many(ids) => {
                let ids: Vec<String> = ids.iter().map(|i| string(i.get_ref())).collect();
                self.line(&format!("actor = [{}]", ids.join(", ")));
            }
        }
        self.amount_to_fill("amount", *insats.amount.get_ref());
        if let Some(earmark) = &insats.earmark {
            self.line(&format!("earmark = {}", string(earmark.get_ref())));
        }
        if let Some(split) = &insats.split {
            let s = split.get_ref();
            self.blank();
            self.line("[insatser.split]");
            self.line(&format!("rule = {}", string(split_rule(*s.rule.get_ref()))));
            if let Some(key) = &s.key {
                self.line(&format!("key = {}", string(key.get_ref())));
            }
            if let Some(unit) = &s.unit {
                self.line(&format!("unit = {}", integer(*unit.get_ref())));
            }
            if let Some(each) = &s.each {
                self.amount_to_fill("each", *each.get_ref());
            }
            if !s.except.is_empty() {
                self.amount_map("except", &s.except);
            }
            if let Some(amounts) = &s.amounts {
                self.amount_map("amounts", amounts.get_ref());
            }
        }
        self.blank();
    }

    /// `except = { "Östersund" = 0 }` with last year's amounts in a comment above it.
    fn amount_map(&mut self, name: &str, map: &BTreeMap<Spanned<String>, Spanned<Amount>>) {
        let mut entries: Vec<(&Spanned<String>, &Spanned<Amount>)> = map.iter().collect();
        entries.sort_by_key(|(k, _)| k.span().start);
        let last_year: Vec<String> = entries
            .iter()
            .map(|(k, v)| format!("{} {}", k.get_ref(), number::amount(*v.get_ref(), Lang::Sv)))
            .collect();
        self.line(&format!(
            "# fyll i `{name}` ({}: {})",
            self.old_year,
            last_year.join(", ")
        ));
        let zeros: Vec<String> = entries
            .iter()
            .map(|(k, _)| format!("{} = 0", bare_key(k.get_ref())))
            .collect();
        self.line(&format!("{name} = {{ {} }}", zeros.join(", ")));
    }

    fn headings(&mut self, plan: &Plan) {
        for heading in &plan.headings {
            self.line("[[headings]]");
            self.line(&format!("id = {}", string(heading.id.get_ref())));
            if let Some(parent) = &heading.parent {
                self.line(&format!("parent = {}", string(parent.get_ref())));
            }
            self.line(&format!("title = {}", string(&heading.title)));
            if let Some(stated) = &heading.stated {
                self.amount_to_fill("stated", *stated.get_ref());
            }
            if !heading.insatser.is_empty() {
                self.line(&format!("insatser = {}", id_list(&heading.insatser)));
            }
            self.blank();
        }
    }

    fn stated(&mut self, plan: &Plan) {
        for stated in &plan.stated {
            self.line("[[stated]]");
            self.line(&format!("label = {}", string(&stated.label)));
            if let Some(area) = &stated.area {
                self.line(&format!("area = {}", area.get_ref()));
            }
            if let Some(actor) = &stated.actor {
                self.line(&format!("actor = {}", string(actor.get_ref())));
            }
            if let Some(kommun) = &stated.kommun {
                self.line(&format!("kommun = {}", string(kommun.get_ref())));
            }
            if let Some(insatser) = &stated.insatser {
                self.line(&format!("insatser = {}", id_list(insatser)));
            }
            self.amount_to_fill("amount", *stated.amount.get_ref());
            self.blank();
        }
    }
}

fn id_list(ids: &[Spanned<String>]) -> String {
    let ids: Vec<String> = ids.iter().map(|i| string(i.get_ref())).collect();
    format!("[{}]", ids.join(", "))
}

fn payment_name(payment: Payment) -> &'static str {
    match payment {
        Payment::Invoice => "invoice",
        Payment::Internal => "internal",
        Payment::Held => "held",
    }
}

fn key_kind(kind: KeyKind) -> &'static str {
    match kind {
        KeyKind::Population => "population",
        KeyKind::Percent => "percent",
    }
}

fn split_rule(rule: SplitRule) -> &'static str {
    match rule {
        SplitRule::Key => "key",
        SplitRule::Equal => "equal",
        SplitRule::Fixed => "fixed",
        SplitRule::Amounts => "amounts",
        SplitRule::FixedPlusKey => "fixed-plus-key",
    }
}

/// A TOML integer with underscores between thousands: `12_697_775`.
fn integer(amount: Amount) -> String {
    number::toml_integer(amount)
}

/// A key weight as the plan writes it: a percentage as text with a decimal comma and its
/// own decimals (`"49,0"`), a count as an integer.
fn weight_value(weight: &Weight, kind: KeyKind) -> String {
    match kind {
        KeyKind::Percent => string(&weight.0.to_string().replace('.', ",")),
        KeyKind::Population if weight.0.fract().is_zero() => number::toml_integer(Amount(weight.0)),
        KeyKind::Population => string(&weight.0.to_string()),
    }
}

/// A TOML basic string.
fn string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        escape_into(&mut out, c);
    }
    out.push('"');
    out
}

fn escape_into(out: &mut String, c: char) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c.is_control() => {
            let _ = write!(out, "\\u{:04X}", u32::from(c));
        }
        c => out.push(c),
    }
}

/// A key in an inline table: bare when TOML allows it, else quoted (`"Östersund"`).
fn bare_key(key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if bare { key.to_string() } else { string(key) }
}

/// Longest line of a long text, as the shipped plans wrap them.
const WRAP: usize = 88;

/// A long text as a multi-line basic string with line continuations (`\` at the end of a
/// line joins it to the next without the newline), as the shipped plans write them; short
/// texts, and texts whose spacing a continuation would change, as one basic string.
fn text_value(text: &str) -> String {
    let plain = string(text);
    let simple_spacing = !text.contains("  ")
        && !text.starts_with(' ')
        && !text.chars().any(|c| c.is_whitespace() && c != ' ');
    if plain.chars().count() <= WRAP - 10 || !simple_spacing {
        return plain;
    }
    let mut out = String::from("\"\"\"\n");
    let mut line = String::new();
    for word in text.split(' ') {
        let mut escaped = String::new();
        for c in word.chars() {
            escape_into(&mut escaped, c);
        }
        if !line.is_empty() && line.chars().count() + escaped.chars().count() + 3 > WRAP {
            // The space stays before the continuation; the next line starts with a word.
            out.push_str(&line);
            out.push_str(" \\\n");
            line.clear();
        } else if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&escaped);
    }
    out.push_str(&line);
    out.push_str("\"\"\"");
    out
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
    let target = normalize(&old.join(path));
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

fn absolute(path: &Path) -> Option<PathBuf> {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    std::path::absolute(path).ok().map(|p| normalize(&p))
}

/// `a/./b/../c` as `a/c`, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn long_texts_wrap_with_continuations_and_read_back_the_same() {
        let text = "Samverkan på länsnivå. Via verksamheter och civilsamhällets aktörer nå ut med \
                    kunskap och information till länsinvånare med syfte att minska stigma vid \
                    psykisk ohälsa och kris, \"Det handlar om livet\" 2026-2034.";
        let value = text_value(text);
        assert!(value.starts_with("\"\"\"\n"));
        assert!(value.lines().all(|l| l.chars().count() <= WRAP), "{value}");
        let parsed: toml::Table = toml::from_str(&format!("text = {value}")).unwrap();
        assert_eq!(parsed["text"].as_str(), Some(text));
        let spaced = "två  mellanslag";
        let parsed: toml::Table =
            toml::from_str(&format!("text = {}", text_value(spaced))).unwrap();
        assert_eq!(parsed["text"].as_str(), Some(spaced));
    }

    #[test]
    fn keys_with_letters_outside_ascii_are_quoted() {
        assert_eq!(bare_key("Berg"), "Berg");
        assert_eq!(bare_key("2380"), "2380");
        assert_eq!(bare_key("Östersund"), "\"Östersund\"");
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
