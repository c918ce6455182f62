//! The conditions and the areas' requirements compared (`core::diff::terms`), in each shape of
//! `allocate diff`: lines of text under the terminal's tables, Markdown sections, rows of the
//! flat table (CSV) and the JSON object; and so are the decision's other terms that are not
//! amounts (dates, deadlines, reference code, …) and its proposal. Nothing at all when none
//! changed; when one did, all are counted (the requirements' `Områden: 0 ändrade, 3
//! oförändrade, …`), so that the reader sees the others were compared too.

use crate::core::diff::terms::{
    AreaRequirements, Paragraph, ParagraphChange, Paragraphs, TermChange, TermValue,
};
use crate::core::diff::{PlanDiff, Status};
use crate::core::plan::Date;
use crate::output::document::markdown as md;
use crate::output::lang::Lang;
use crate::output::number;
use crate::output::sheet::{Value, Words};
use crate::output::table::Layout;
use crate::output::text::{short, visible, wrap};
use crate::output::words::diff::{
    Gender, counts, matched_by_text, plan_terms_title, status_word, term_label,
};
use crate::output::words::proposal_title;
use crate::say;

use super::{Figures, columns};

/// What a list of paragraphs is called: the conditions or an area's points.
#[derive(Clone, Copy)]
enum Kind {
    Condition,
    Point,
}

impl Kind {
    /// `Villkor 1 → 3`: a changed paragraph of the kind, by its number in each plan.
    fn one(self, change: &ParagraphChange, lang: Lang) -> String {
        let noun = match self {
            Kind::Condition => lang.pick("Villkor", "Condition"),
            Kind::Point => lang.pick("Punkt", "Point"),
        };
        format!("{noun} {}", place(change))
    }
}

/// A changed paragraph's number: `1`, or `1 → 3` when its place in the list changed.
fn place(c: &ParagraphChange) -> String {
    if c.old.number == c.new.number {
        c.new.number.to_string()
    } else {
        format!("{} → {}", c.old.number, c.new.number)
    }
}

/// The least of an area's label an area's heading on the terminal keeps.
const MIN_LABEL: usize = 16;

fn requirements_title(lang: Lang) -> &'static str {
    lang.pick(
        "Krav för områdenas medel",
        "Requirements for the areas' funds",
    )
}

/// `2 ändrade, 1 oförändrat, 0 tillkomna, 1 borttaget`: a list of paragraphs compared,
/// conditions (*ett villkor*, neuter) or points (*en punkt*, common).
fn paragraph_counts(p: &Paragraphs, gender: Gender, figures: Figures) -> String {
    counts(
        gender,
        p.changed.len(),
        p.unchanged,
        p.added.len(),
        p.removed.len(),
        figures.style.lang,
        |n| figures.count(n),
    )
}

/// `Områden: 1 ändrat, 2 oförändrade, 0 tillkomna, 0 borttagna`: the areas whose
/// requirements were compared.
fn area_counts(d: &PlanDiff, figures: Figures) -> String {
    let r = &d.terms.requirements;
    let (changed, added, removed) = r.counts();
    let areas = figures.style.lang.pick("Områden", "Areas");
    format!(
        "{areas}: {}",
        counts(
            Gender::Neuter,
            changed,
            r.unchanged,
            added,
            removed,
            figures.style.lang,
            |n| figures.count(n)
        )
    )
}

/// Counts as the terminal wraps them: a line breaks between the counts, never inside one
/// (`1 borttagen` stays together).
fn unbroken(counts: &str) -> String {
    (counts.split(", "))
        .map(|count| count.replace(' ', "\u{a0}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `Område 2 Suicidprevention: kraven har ändrats`, the area's label as given.
fn area_heading(a: &AreaRequirements, label: &str, lang: Lang) -> String {
    match (a.status(), lang) {
        (Status::Added, Lang::Sv) => format!("Område {label}: kraven har tillkommit"),
        (Status::Removed, Lang::Sv) => format!("Område {label}: kraven har tagits bort"),
        (Status::Changed, Lang::Sv) => format!("Område {label}: kraven har ändrats"),
        (Status::Added, Lang::En) => format!("Area {label}: requirements added"),
        (Status::Removed, Lang::En) => format!("Area {label}: requirements removed"),
        (Status::Changed, Lang::En) => format!("Area {label}: requirements changed"),
    }
}

/// The lead-in of an area's requirements as pairs of label and text: one when only one plan
/// states requirements, both years' when it was reworded, none when it stands.
fn lead_in(a: &AreaRequirements, d: &PlanDiff, lang: Lang) -> Vec<(String, String)> {
    let word = lang.pick("Inledning", "Lead-in");
    let (old_column, new_column) = columns(d, lang);
    match (&a.old_text, &a.new_text) {
        (Some(old), Some(new)) if a.text_changed() => vec![
            (format!("{word} {old_column}"), old.clone()),
            (format!("{word} {new_column}"), new.clone()),
        ],
        (None, Some(text)) | (Some(text), None) => vec![(word.to_string(), text.clone())],
        _ => Vec::new(),
    }
}

/// `likhet 88 %`.
fn similarity(p: u32, lang: Lang) -> String {
    let p = number::percent(p.into(), 0, lang);
    say!(lang, "likhet {p}", "similarity {p}")
}

/// A term's value in words: a text as written, a date as `date` writes it, actors by name.
fn term_value(v: &TermValue, date: &dyn Fn(Date) -> String) -> String {
    match v {
        TermValue::Text(t) => t.clone(),
        TermValue::Date(d) => date(*d),
        TermValue::Actors(actors) => {
            let names: Vec<&str> = actors.iter().map(|(_, name)| name.as_str()).collect();
            names.join(", ")
        }
    }
}

/// Whether a term's value is a text, shown on a line of its own on each side when changed;
/// a date or a list of actors is shown `old → new`.
fn is_text(c: &TermChange) -> bool {
    matches!(c.new.as_ref().or(c.old.as_ref()), Some(TermValue::Text(_)))
}

/// The terms compared, in words: `2 ändrade, 8 oförändrade, 1 tillkommen, 0 borttagna`.
fn term_counts(d: &PlanDiff, figures: Figures) -> String {
    let t = &d.terms;
    let of = |status: Status| t.plan.iter().filter(|c| c.status() == status).count();
    counts(
        Gender::Common,
        of(Status::Changed),
        t.plan_unchanged,
        of(Status::Added),
        of(Status::Removed),
        figures.style.lang,
        |n| figures.count(n),
    )
}

/// The terms added, removed and changed in groups, each with its title: the added, the
/// removed and the changed, as the paragraphs' groups.
fn term_groups(d: &PlanDiff, lang: Lang) -> [(String, Vec<&TermChange>); 3] {
    let (old_column, new_column) = columns(d, lang);
    let of = |status: Status| {
        (d.terms.plan.iter())
            .filter(|c| c.status() == status)
            .collect()
    };
    [
        (
            say!(lang, "Tillkomna ({new_column})", "Added ({new_column})"),
            of(Status::Added),
        ),
        (
            say!(lang, "Borttagna ({old_column})", "Removed ({old_column})"),
            of(Status::Removed),
        ),
        (
            lang.pick("Ändrade", "Changed").to_string(),
            of(Status::Changed),
        ),
    ]
}

/// The groups of a list of paragraphs compared, each with its title and its items: the added
/// (numbered in the new plan), the removed (in the old) and the changed.
struct Groups<'a> {
    added: (String, &'a [Paragraph]),
    removed: (String, &'a [Paragraph]),
    changed: String,
}

fn groups<'a>(p: &'a Paragraphs, d: &PlanDiff, lang: Lang) -> Groups<'a> {
    let (old_column, new_column) = columns(d, lang);
    Groups {
        added: (
            say!(lang, "Tillkomna ({new_column})", "Added ({new_column})"),
            &p.added,
        ),
        removed: (
            say!(lang, "Borttagna ({old_column})", "Removed ({old_column})"),
            &p.removed,
        ),
        changed: lang.pick("Ändrade", "Changed").to_string(),
    }
}

// ---------------------------------------------------------------------------------------
// The terminal.

/// `label text`, filled to `width`, the lines after the first under the text.
fn item(indent: &str, label: &str, text: &str, width: usize) -> String {
    let first = format!("{indent}{label} ");
    let rest = " ".repeat(first.chars().count());
    let mut out = wrap(&visible(text), width, &first, &rest);
    out.push('\n');
    out
}

fn paragraph_lines(
    p: &Paragraphs,
    kind: Kind,
    d: &PlanDiff,
    indent: &str,
    layout: Layout,
) -> String {
    let (lang, width) = (layout.lang, usize::from(layout.width));
    let (old_column, new_column) = columns(d, lang);
    let groups = groups(p, d, lang);
    let deeper = format!("{indent}  ");
    let mut text = String::new();
    for (title, list) in [groups.added, groups.removed] {
        if list.is_empty() {
            continue;
        }
        text.push_str(&format!("{indent}{title}:\n"));
        for paragraph in list {
            text.push_str(&item(
                &deeper,
                &format!("{}.", paragraph.number),
                &paragraph.text,
                width,
            ));
        }
    }
    if !p.changed.is_empty() {
        text.push_str(&format!("{indent}{}:\n", groups.changed));
        let deepest = format!("{deeper}  ");
        for c in &p.changed {
            text.push_str(&format!(
                "{deeper}{}, {}:\n",
                kind.one(c, lang),
                similarity(c.similarity, lang)
            ));
            text.push_str(&item(
                &deepest,
                &format!("{old_column}:"),
                &c.old.text,
                width,
            ));
            text.push_str(&item(
                &deepest,
                &format!("{new_column}:"),
                &c.new.text,
                width,
            ));
        }
    }
    text
}

/// The decision's terms under the terminal's tables: a date or actors `old → new` on the
/// term's line, a text on a line of its own on each side.
fn term_lines(d: &PlanDiff, figures: Figures, layout: Layout) -> String {
    let (lang, width) = (layout.lang, usize::from(layout.width));
    let (old_column, new_column) = columns(d, lang);
    let title = format!(
        "{}: {}",
        plan_terms_title(lang),
        unbroken(&term_counts(d, figures))
    );
    let mut text = format!("\n{}\n", wrap(&title, width, "", "  "));
    let date = |d: Date| d.to_string();
    for (title, list) in term_groups(d, lang) {
        if list.is_empty() {
            continue;
        }
        text.push_str(&format!("  {title}:\n"));
        for c in list {
            let label = format!("{}:", term_label(c.term, lang));
            let value = |v: &Option<TermValue>| v.as_ref().map(|v| term_value(v, &date));
            match (value(&c.old), value(&c.new)) {
                (Some(old), Some(new)) if is_text(c) => {
                    text.push_str(&format!("    {label}\n"));
                    text.push_str(&item("      ", &format!("{old_column}:"), &old, width));
                    text.push_str(&item("      ", &format!("{new_column}:"), &new, width));
                }
                (Some(old), Some(new)) => {
                    text.push_str(&item("    ", &label, &format!("{old} → {new}"), width));
                }
                (Some(one), None) | (None, Some(one)) => {
                    text.push_str(&item("    ", &label, &one, width));
                }
                (None, None) => {}
            }
        }
    }
    text
}

/// The comparison's terms, proposal, conditions and requirements under the terminal's tables;
/// nothing when none changed.
pub(super) fn text(d: &PlanDiff, figures: Figures, layout: Layout) -> String {
    let t = &d.terms;
    if !t.changed() {
        return String::new();
    }
    let (lang, width) = (layout.lang, usize::from(layout.width));
    let mut text = String::new();
    if !t.plan.is_empty() || t.plan_unchanged > 0 {
        text.push_str(&term_lines(d, figures, layout));
    }
    if t.proposal.any() {
        let title = format!(
            "{}: {}",
            proposal_title(lang),
            unbroken(&paragraph_counts(&t.proposal, Gender::Common, figures))
        );
        text.push_str(&format!("\n{}\n", wrap(&title, width, "", "  ")));
        text.push_str(&paragraph_lines(&t.proposal, Kind::Point, d, "  ", layout));
    }
    if t.conditions.any() {
        let title = format!(
            "{}: {}",
            crate::output::words::conditions_title(lang),
            unbroken(&paragraph_counts(&t.conditions, Gender::Neuter, figures))
        );
        text.push_str(&format!("\n{}\n", wrap(&title, width, "", "  ")));
        text.push_str(&paragraph_lines(
            &t.conditions,
            Kind::Condition,
            d,
            "  ",
            layout,
        ));
    }
    if t.requirements.any() {
        text.push_str(&format!("\n{}\n", requirements_title(lang)));
        let areas = unbroken(&area_counts(d, figures));
        text.push_str(&format!("{}\n", wrap(&areas, width, "  ", "    ")));
        for a in &t.requirements.areas {
            // On one line, the area's title cut short: what happened to the requirements shows.
            let room = width.saturating_sub(area_heading(a, "", lang).chars().count() + 2);
            let label = short(&a.label, room.max(MIN_LABEL));
            text.push_str(&format!("  {}\n", area_heading(a, &label, lang)));
            for (label, lead) in lead_in(a, d, lang) {
                text.push_str(&item("    ", &format!("{label}:"), &lead, width));
            }
            if a.status() == Status::Changed && a.points.changed() {
                let points = format!(
                    "{}: {}",
                    lang.pick("Punkter", "Points"),
                    unbroken(&paragraph_counts(&a.points, Gender::Common, figures))
                );
                text.push_str(&format!("{}\n", wrap(&points, width, "    ", "      ")));
            }
            text.push_str(&paragraph_lines(&a.points, Kind::Point, d, "    ", layout));
        }
    }
    text
}

// ---------------------------------------------------------------------------------------
// Markdown.

fn paragraph_markdown(p: &Paragraphs, kind: Kind, d: &PlanDiff, lang: Lang) -> String {
    let (old_column, new_column) = columns(d, lang);
    let groups = groups(p, d, lang);
    let mut text = String::new();
    for (title, list) in [groups.added, groups.removed] {
        if list.is_empty() {
            continue;
        }
        text.push_str(&format!("\n{title}:\n\n"));
        for paragraph in list {
            text.push_str(&format!(
                "- **{}.** {}\n",
                paragraph.number,
                md::inline(&paragraph.text)
            ));
        }
    }
    if !p.changed.is_empty() {
        text.push_str(&format!("\n{}:\n\n", groups.changed));
        for c in &p.changed {
            text.push_str(&format!(
                "- **{}**, {}:\n  - {old_column}: {}\n  - {new_column}: {}\n",
                kind.one(c, lang),
                similarity(c.similarity, lang),
                md::inline(&c.old.text),
                md::inline(&c.new.text)
            ));
        }
    }
    text
}

/// The decision's terms as a Markdown section: a date or actors `old → new` on the term's
/// item, a text as an item of its own on each side; dates as the documents write them.
fn term_markdown(d: &PlanDiff, figures: Figures) -> String {
    let lang = figures.style.lang;
    let (old_column, new_column) = columns(d, lang);
    let mut text = format!(
        "\n## {}\n\n{}.\n",
        plan_terms_title(lang),
        term_counts(d, figures)
    );
    let date = |d: Date| number::date(d, lang);
    for (title, list) in term_groups(d, lang) {
        if list.is_empty() {
            continue;
        }
        text.push_str(&format!("\n{title}:\n\n"));
        for c in list {
            let label = md::inline(term_label(c.term, lang));
            let value =
                |v: &Option<TermValue>| v.as_ref().map(|v| md::inline(&term_value(v, &date)));
            match (value(&c.old), value(&c.new)) {
                (Some(old), Some(new)) if is_text(c) => text.push_str(&format!(
                    "- **{label}:**\n  - {old_column}: {old}\n  - {new_column}: {new}\n"
                )),
                (Some(old), Some(new)) => {
                    text.push_str(&format!("- **{label}:** {old} → {new}\n"));
                }
                (Some(one), None) | (None, Some(one)) => {
                    text.push_str(&format!("- **{label}:** {one}\n"));
                }
                (None, None) => {}
            }
        }
    }
    text
}

/// The comparison's terms, proposal, conditions and requirements as Markdown sections;
/// nothing when none changed.
pub(super) fn markdown(d: &PlanDiff, figures: Figures) -> String {
    let t = &d.terms;
    if !t.changed() {
        return String::new();
    }
    let lang = figures.style.lang;
    let mut text = String::new();
    if !t.plan.is_empty() || t.plan_unchanged > 0 {
        text.push_str(&term_markdown(d, figures));
    }
    if t.proposal.any() {
        text.push_str(&format!(
            "\n## {}\n\n{}.\n",
            proposal_title(lang),
            paragraph_counts(&t.proposal, Gender::Common, figures)
        ));
        text.push_str(&paragraph_markdown(&t.proposal, Kind::Point, d, lang));
    }
    if t.conditions.any() {
        text.push_str(&format!(
            "\n## {}\n\n{}.\n",
            crate::output::words::conditions_title(lang),
            paragraph_counts(&t.conditions, Gender::Neuter, figures)
        ));
        text.push_str(&paragraph_markdown(&t.conditions, Kind::Condition, d, lang));
    }
    if t.requirements.any() {
        text.push_str(&format!(
            "\n## {}\n\n{}.\n",
            requirements_title(lang),
            area_counts(d, figures)
        ));
        for a in &t.requirements.areas {
            text.push_str(&format!(
                "\n### {}\n",
                md::inline(&area_heading(a, &a.label, lang))
            ));
            let lead = lead_in(a, d, lang);
            if !lead.is_empty() {
                text.push('\n');
            }
            for (label, lead) in lead {
                text.push_str(&format!("- {label}: {}\n", md::inline(&lead)));
            }
            if a.status() == Status::Changed && a.points.changed() {
                text.push_str(&format!(
                    "\n{}: {}.\n",
                    lang.pick("Punkter", "Points"),
                    paragraph_counts(&a.points, Gender::Common, figures)
                ));
            }
            text.push_str(&paragraph_markdown(&a.points, Kind::Point, d, lang));
        }
    }
    text
}

// ---------------------------------------------------------------------------------------
// The flat table (CSV).

/// The flat table's rows for the terms, the points of the proposal, the conditions and the
/// requirements added, removed or changed: the values or texts in `old` and `new` (empty where
/// a plan lacks them; a date as a date), `key` the term's key (`deadlines.invoice_by`) or the
/// paragraph's number (`1 → 2` when its place changed; an area's number for the lead-in),
/// `name` the term's or the area's, `matched` a changed paragraph's similarity, `area` the
/// area of a requirement.
pub(super) fn sheet_rows(d: &PlanDiff, words: Words) -> Vec<Vec<Value>> {
    let pick =
        |sv: &'static str, en: &'static str, machine: &'static str| words.pick(sv, en, machine);
    let text = |t: Option<&String>| t.map_or(Value::Empty, |t| Value::Text(t.as_str().into()));
    // section, key, name, old, new, change, change %, status, matched, area, split, parent
    let row = |(section, gender): (&str, Gender),
               key: String,
               name: &str,
               old: Option<&String>,
               new: Option<&String>,
               s: Status,
               area: Option<u32>| {
        let mut cells = vec![
            Value::Text(section.into()),
            Value::Code(key.into()),
            Value::Text(name.into()),
            text(old),
            text(new),
            Value::Empty,
            Value::Empty,
            Value::Text(status_word(s, gender, words).into()),
            Value::Empty,
            area.map_or(Value::Empty, |a| Value::Code(a.to_string().into())),
        ];
        cells.resize(super::sheet::COLUMNS, Value::Empty);
        cells
    };
    let paragraphs = |section: (&str, Gender), name: &str, p: &Paragraphs, area: Option<u32>| {
        let mut rows = Vec::new();
        for a in &p.added {
            let key = a.number.to_string();
            rows.push(row(
                section,
                key,
                name,
                None,
                Some(&a.text),
                Status::Added,
                area,
            ));
        }
        for r in &p.removed {
            let key = r.number.to_string();
            rows.push(row(
                section,
                key,
                name,
                Some(&r.text),
                None,
                Status::Removed,
                area,
            ));
        }
        for c in &p.changed {
            let mut changed = row(
                section,
                place(c),
                name,
                Some(&c.old.text),
                Some(&c.new.text),
                Status::Changed,
                area,
            );
            if let Some(matched) = changed.get_mut(8) {
                *matched = Value::Text(matched_by_text(c.similarity, words).into());
            }
            rows.push(changed);
        }
        rows
    };
    let t = &d.terms;
    if !t.changed() {
        return Vec::new();
    }
    // *en beslutsuppgift*, *en beslutspunkt*, *ett villkor*, *ett krav*, *en kravpunkt*: the
    // status words agree with the noun.
    let mut rows = Vec::new();
    let term_section = pick("beslutsuppgift", "term", "term");
    for c in &t.plan {
        let cell = |v: &Option<TermValue>| match v {
            None => Value::Empty,
            Some(TermValue::Date(date)) => Value::Date(*date),
            Some(v) => Value::Text(term_value(v, &|d| d.to_string()).into()),
        };
        let mut cells = row(
            (term_section, Gender::Common),
            c.term.key().to_string(),
            term_label(c.term, words.lang()),
            None,
            None,
            c.status(),
            None,
        );
        for (column, value) in [(3, &c.old), (4, &c.new)] {
            if let Some(slot) = cells.get_mut(column) {
                *slot = cell(value);
            }
        }
        rows.push(cells);
    }
    rows.extend(paragraphs(
        (
            pick("beslutspunkt", "proposal point", "proposal_point"),
            Gender::Common,
        ),
        "",
        &t.proposal,
        None,
    ));
    rows.extend(paragraphs(
        (pick("villkor", "condition", "condition"), Gender::Neuter),
        "",
        &t.conditions,
        None,
    ));
    for a in &t.requirements.areas {
        if a.status() != Status::Changed || a.text_changed() {
            rows.push(row(
                (pick("krav", "requirement", "requirement"), Gender::Neuter),
                a.area.to_string(),
                &a.label,
                a.old_text.as_ref(),
                a.new_text.as_ref(),
                a.status(),
                Some(a.area),
            ));
        }
        rows.extend(paragraphs(
            (
                pick("kravpunkt", "requirement point", "requirement_point"),
                Gender::Common,
            ),
            &a.label,
            &a.points,
            Some(a.area),
        ));
    }
    rows
}

// ---------------------------------------------------------------------------------------
// JSON.

fn paragraphs_json(p: &Paragraphs) -> serde_json::Value {
    use serde_json::json;
    let one = |p: &Paragraph| json!({ "number": p.number, "text": p.text });
    json!({
        "added": p.added.iter().map(one).collect::<Vec<_>>(),
        "removed": p.removed.iter().map(one).collect::<Vec<_>>(),
        "changed": p.changed.iter().map(|c| json!({
            "old": one(&c.old),
            "new": one(&c.new),
            "text_similarity_percent": c.similarity,
        })).collect::<Vec<_>>(),
        "unchanged": p.unchanged,
    })
}

/// `conditions` and `requirements` of the JSON comparison, always present (empty lists and
/// counts when the plans have none).
pub(super) fn json(d: &PlanDiff) -> (serde_json::Value, serde_json::Value) {
    use serde_json::json;
    let t = &d.terms;
    let areas: Vec<serde_json::Value> = t
        .requirements
        .areas
        .iter()
        .map(|a| {
            json!({
                "area": a.area,
                "name": a.label,
                "status": match a.status() {
                    Status::Added => "added",
                    Status::Removed => "removed",
                    Status::Changed => "changed",
                },
                "old_text": a.old_text,
                "new_text": a.new_text,
                "text_changed": a.text_changed(),
                "points": paragraphs_json(&a.points),
            })
        })
        .collect();
    (
        paragraphs_json(&t.conditions),
        json!({ "areas": areas, "unchanged": t.requirements.unchanged }),
    )
}

/// `terms` and `proposal` of the JSON comparison, always present: the terms added
/// (`{key, value}`), removed and changed (`{key, old, new}`), each value a text, a date
/// (`"2026-10-31"`) or actor ids, and how many are the same; the proposal's points as the
/// conditions'.
pub(super) fn plan_json(d: &PlanDiff) -> (serde_json::Value, serde_json::Value) {
    use serde_json::json;
    let t = &d.terms;
    let value = |v: &Option<TermValue>| match v {
        None => serde_json::Value::Null,
        Some(TermValue::Text(text)) => json!(text),
        Some(TermValue::Date(date)) => json!(date.to_string()),
        Some(TermValue::Actors(actors)) => {
            json!(actors.iter().map(|(id, _)| id).collect::<Vec<_>>())
        }
    };
    let of = |status: Status| t.plan.iter().filter(move |c| c.status() == status);
    let one =
        |c: &TermChange, v: &Option<TermValue>| json!({ "key": c.term.key(), "value": value(v) });
    (
        json!({
            "added": of(Status::Added).map(|c| one(c, &c.new)).collect::<Vec<_>>(),
            "removed": of(Status::Removed).map(|c| one(c, &c.old)).collect::<Vec<_>>(),
            "changed": of(Status::Changed)
                .map(|c| json!({ "key": c.term.key(), "old": value(&c.old), "new": value(&c.new) }))
                .collect::<Vec<_>>(),
            "unchanged": t.plan_unchanged,
        }),
        paragraphs_json(&t.proposal),
    )
}
