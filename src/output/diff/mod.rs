//! `allocate diff`: the comparison of two plans (`core::diff`) in each of its formats, and
//! what they share: the two plans' column headings, the figures in one format to a column
//! (`Figures`), the county as a heading names it, the new plan's figures about last year
//! checked, and the insatser's cells and notes. The formats: `table` (the terminal), `sheet`
//! (the flat table of `--format csv`), `json` and `markdown`; `terms` shows the conditions and
//! requirements in each. Its wording, shared with the decision basis, is in `words::diff`.

use crate::core::diff::{
    Change, InsatsChange, InsatsSide, Insatser, Matched, PlanDiff, SplitSide, YearCheck,
    YearCheckKind,
};
use crate::core::money::Amount;
use crate::output::lang::Lang;
use crate::output::number::Style;
use crate::output::text::visible;
use crate::output::words::diff::{Gender, counts};
use crate::say;

mod json;
mod markdown;
mod sheet;
mod table;
mod terms;

pub use json::json;
pub use markdown::markdown;
pub use sheet::sheet;
pub use table::render;

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

/// The years a comparison's heading names: `2026 → 2027`, or for two drafts of one year
/// `2027, före → efter`.
fn years(d: &PlanDiff, lang: Lang) -> String {
    let (old, new) = (d.old.year, d.new.year);
    if old == new {
        let (before, after) = (lang.pick("före", "before"), lang.pick("efter", "after"));
        format!("{old}, {before} → {after}")
    } else {
        format!("{old} → {new}")
    }
}

/// Amounts as the comparison shows them: every one with as many decimals as the most precise
/// amount of the two plans (a plan counted in tenths beside one in whole kronor gives
/// `3 202 124,0 kr` above `12 030,0 kr`, one format to a column), in plain text on the
/// terminal and typeset as every document's figures in Markdown (`number::Style`).
#[derive(Clone, Copy)]
struct Figures {
    style: Style,
    decimals: u32,
}

impl Figures {
    /// The comparison's figures in `style` (a language alone: plain text).
    fn of(d: &PlanDiff, style: impl Into<Style>) -> Figures {
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
        let shares = (i.changed.iter())
            .flat_map(|c| &c.shares)
            .flat_map(|s| [s.old, s.new])
            .flatten();
        let sides = sides.chain(shares);
        let decimals = amounts.chain(sides).map(|a| a.0.scale()).max().unwrap_or(0);
        Figures {
            style: style.into(),
            decimals,
        }
    }

    /// `a` with this comparison's decimals.
    fn at(self, a: Amount) -> Amount {
        a.with_decimals(self.decimals)
    }

    /// `12 689 898 kr`.
    fn amount(self, a: Amount) -> String {
        self.style.amount(self.at(a))
    }

    /// `12 689 898`.
    fn number(self, a: Amount) -> String {
        self.style.grouped(self.at(a).0)
    }

    /// `+5 340 kr`, `-7 877 kr`, `0 kr`.
    fn change(self, a: Amount) -> String {
        self.style.change(self.at(a))
    }

    /// A change in per cent: `-0,06 %`.
    fn percent(self, p: rust_decimal::Decimal) -> String {
        self.style.change_percent(p)
    }

    /// A count: `11 632`.
    fn count(self, n: usize) -> String {
        self.style.count(u64::try_from(n).unwrap_or(u64::MAX))
    }

    /// `+5 340`, `-7 877`, `0`: a change in a column headed by its unit.
    fn change_number(self, a: Amount) -> String {
        self.style.change_number(self.at(a))
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

/// A check of the new plan's figures about last year, as one line (indented), its figures in
/// `style` (a language alone: plain text; a document's: `−7 877 kr`).
pub fn year_check_line(check: &YearCheck, d: &PlanDiff, style: impl Into<Style>) -> String {
    let figures = Figures::of(d, style);
    let (old_year, new_year, lang) = (d.old.year, d.new.year, figures.style.lang);
    let a = |x: Amount| figures.amount(x);
    let mark = if check.holds() { "✓" } else { "≠" };
    let minus = figures.style.minus();
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
            "  Angiven förändring: {} {mark} {} {minus} {} = {}",
            figures.change(check.stated),
            a(d.county.new.unwrap_or(Amount::ZERO)),
            a(d.county.old.unwrap_or(Amount::ZERO)),
            figures.change(check.computed)
        ),
        (YearCheckKind::StatedChange, Lang::En) => format!(
            "  Stated change: {} {mark} {} {minus} {} = {}",
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

/// The kommuner given money directly (`PlanDiff::direct_kommuner`), with their total last;
/// none when neither plan gives any kommun money directly.
fn kommun_rows(d: &PlanDiff, lang: Lang) -> Vec<(String, Change)> {
    let kommuner = d.direct_kommuner();
    if kommuner.is_empty() {
        return Vec::new();
    }
    let mut rows: Vec<(String, Change)> = kommuner
        .iter()
        .map(|r| (r.label.clone(), r.change))
        .collect();
    rows.push((
        total_word(lang),
        Change::sum(kommuner.iter().map(|r| r.change)),
    ));
    rows
}

/// The columns of the table of changed insatser, in every format that draws it: `Insats`,
/// the area where one changed, `Ansvarig`, the two years' amounts, `Förändring`,
/// `Beskrivning` (review s38: the Markdown's were in another order).
fn changed_header(areas: bool, old: String, new: String, lang: Lang) -> Vec<String> {
    let mut header = vec!["Insats".to_string()];
    if areas {
        header.push(lang.pick("Område", "Area").to_string());
    }
    header.extend([
        lang.pick("Ansvarig", "Responsible").to_string(),
        old,
        new,
        lang.pick("Förändring", "Change").to_string(),
        lang.pick("Beskrivning", "Description").to_string(),
    ]);
    header
}

/// The columns of the tables of insatser added and removed, in every format that draws them.
fn added_header(lang: Lang) -> Vec<String> {
    vec![
        "Insats".to_string(),
        lang.pick("Beskrivning", "Description").to_string(),
        lang.pick("Ansvarig", "Responsible").to_string(),
        lang.pick("Belopp", "Amount").to_string(),
    ]
}

fn total_word(lang: Lang) -> String {
    lang.total(true).to_string()
}

/// The note under the changed insatser that names the first pairs made by text, with their
/// similarity (every one is in the CSV and JSON); each pair held together by no-break spaces.
fn by_text_note(i: &Insatser, figures: Figures) -> Option<String> {
    const NAMED: usize = 10;
    let by_text: Vec<String> = (i.changed.iter())
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
    let pairs = crate::output::words::first_of(&by_text, NAMED, figures.style);
    Some(say!(
        figures.style.lang,
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
        figures.style.lang,
        |n| figures.count(n),
    )
}

/// The mark after a changed insats's id when its focus areas, printed responsible unit or
/// affected units have changed, as `*` marks a changed text.
const DESCRIBED_MARK: &str = "†";

/// An insats's id, `old → new` when matched by text, with `*` when its text has changed and
/// `†` when its focus areas, responsible unit or affected units have.
fn changed_id(c: &InsatsChange) -> String {
    let mut id = if c.old.id == c.new.id {
        c.new.id.clone()
    } else {
        format!("{} → {}", c.old.id, c.new.id)
    };
    if c.text_changed {
        id.push_str(" *");
    }
    if c.described_changed() {
        id.push(' ');
        id.push_str(DESCRIBED_MARK);
    }
    id
}

/// The notes that say what the marks after the changed insatser's ids mean (those used):
/// each a mark and its meaning.
fn mark_notes(i: &Insatser, lang: Lang) -> Vec<(&'static str, &'static str)> {
    use crate::output::words::diff::{described_changed, text_changed};
    let mut notes = Vec::new();
    if i.changed.iter().any(|c| c.text_changed) {
        notes.push(("*", text_changed(lang)));
    }
    if i.changed.iter().any(InsatsChange::described_changed) {
        notes.push((DESCRIBED_MARK, described_changed(lang)));
    }
    notes
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

/// How an insats's split has changed, in this comparison's figures
/// ([`crate::output::words::diff::split_change`]).
fn split_change(c: &InsatsChange, figures: Figures) -> String {
    crate::output::words::diff::split_change(c, figures.style, &|a| figures.amount(a))
}

/// The notes under the changed insatser, each list under its heading: the splits changed,
/// each with how (`2.2: lika delar → nyckel procent`), the earmarks (`1.4: medverkan →
/// ingen`), the focus areas (`3.6: 5, 6 → 1, 2`), and the responsible unit and the affected
/// units as printed, both texts.
fn change_notes(i: &Insatser, figures: Figures) -> Vec<(&'static str, Vec<String>)> {
    use crate::output::words::diff::{
        affected_changed, earmark_change, earmark_changed, focus_areas_change, focus_areas_changed,
        responsible_changed, split_changed, text_change,
    };
    let lang = figures.style.lang;
    let notes = |changed: fn(&InsatsChange) -> bool, how: &dyn Fn(&InsatsChange) -> String| {
        (i.changed.iter())
            .filter(|c| changed(c))
            .map(|c| format!("{}: {}", c.new.id, how(c)))
            .collect()
    };
    let splits = notes(InsatsChange::split_changed, &|c| split_change(c, figures));
    let earmarks = notes(InsatsChange::earmark_changed, &|c| earmark_change(c, lang));
    let focus = notes(InsatsChange::focus_areas_changed, &|c| {
        focus_areas_change(c, lang)
    });
    let responsible = notes(InsatsChange::responsible_changed, &|c| {
        text_change(
            c.old.responsible.as_deref(),
            c.new.responsible.as_deref(),
            lang,
        )
    });
    let affected = notes(InsatsChange::affected_changed, &|c| {
        text_change(c.old.affected.as_deref(), c.new.affected.as_deref(), lang)
    });
    [
        (split_changed(lang), splits),
        (earmark_changed(lang), earmarks),
        (focus_areas_changed(lang), focus),
        (responsible_changed(lang), responsible),
        (affected_changed(lang), affected),
    ]
    .into_iter()
    .filter(|(_, lines): &(_, Vec<String>)| !lines.is_empty())
    .collect()
}

fn actor_names(side: &InsatsSide) -> String {
    side.actor_names.join(" / ")
}
