//! `allocate diff --format csv`: the comparison as one flat sheet, a row per line of the
//! side-by-side tables and per insats changed, added or removed (then the conditions and
//! requirements, `terms`), in the dialects of `export`.

use crate::core::diff::{Change, Matched, PlanDiff, Status};
use crate::core::money::Amount;
use crate::output::lang::Lang;
use crate::output::number::Style;
use crate::output::sheet::{Sheet, Value, Words, own_funds};
use crate::output::words::diff::{Gender, matched_by_text, status_word};

use super::{Figures, actor_names, changed_area, columns, split_change, terms};
use crate::output::sheet::payment_words;
use crate::output::words::diff::{earmark_change, focus_areas, focus_areas_change, text_change};

/// How many columns the flat table has: those added since the first (`earmark`, then the
/// actors, the text's change, focus areas, responsible and affected units and payment
/// route) at the end, so that the others keep their places.
pub(super) const COLUMNS: usize = 20;
/// The columns added at the end (tester s42 #1, #3): the insats's responsible actors in each
/// plan, whether its text changed, its focus areas, its responsible unit and affected units
/// as printed, and an actor's payment route.
const OLD_ACTORS: usize = 13;
const NEW_ACTORS: usize = 14;
const TEXT_CHANGED: usize = 15;
const FOCUS_AREAS: usize = 16;
const RESPONSIBLE: usize = 17;
const AFFECTED: usize = 18;
const PAYMENT: usize = 19;

/// The comparison as a flat table, one row per line of the side-by-side tables and per
/// insats changed, added or removed; headers and fixed values in `words` (`Machine`: the
/// fixed English names of the machine dialect).
pub fn sheet(d: &PlanDiff, words: Words) -> Sheet {
    let pick =
        |sv: &'static str, en: &'static str, machine: &'static str| words.pick(sv, en, machine);
    let lang = match words {
        Words::En => Lang::En,
        _ => Lang::Sv,
    };
    let (old_year, new_year) = columns(d, lang);
    // `Ansvarig aktör 2025`: an insats's responsible actors in each plan.
    let actors_header = |year: &str, machine: &str| match words {
        Words::Machine => machine.to_string(),
        _ => format!(
            "{} {year}",
            words.lang().pick("Ansvarig aktör", "Responsible actor")
        ),
    };
    let (old_actors, new_actors) = (
        actors_header(&old_year, "old_actors"),
        actors_header(&new_year, "new_actors"),
    );
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
        pick("Varav-post", "Earmark", "earmark").to_string(),
        old_actors,
        new_actors,
        pick("Text ändrad", "Text changed", "text_changed").to_string(),
        pick("Fokusområden", "Focus areas", "focus_areas").to_string(),
        pick("Ansvarig verksamhet", "Responsible unit", "responsible").to_string(),
        pick("Berörda verksamheter", "Affected units", "affected").to_string(),
        pick("Betalning", "Payment", "payment").to_string(),
    ];
    // The split's words: Swedish in the Swedish dialect, English otherwise.
    let figures = Figures {
        style: Style::plain(match words {
            Words::Sv => Lang::Sv,
            _ => Lang::En,
        }),
        decimals: 0,
    };
    let amount = |a: Option<Amount>| a.map_or(Value::Empty, Value::Amount);
    let line = |section: &str, key: &str, name: &str, change: &Change| -> Vec<Value> {
        let mut row = vec![
            Value::Text(section.into()),
            Value::Code(key.into()),
            Value::Text(name.into()),
            amount(change.old),
            amount(change.new),
            Value::Amount(change.difference()),
            change.percent().map_or(Value::Empty, Value::Decimal),
        ];
        row.resize(COLUMNS, Value::Empty);
        row
    };
    let set = |row: &mut Vec<Value>, column: usize, value: Value| {
        if let Some(cell) = row.get_mut(column) {
            *cell = value;
        }
    };
    let text = |t: String| Value::Text(t.into());
    let yes_no = |yes: bool| {
        let word = match yes {
            true => pick("ja", "yes", "true"),
            false => pick("nej", "no", "false"),
        };
        Value::Text(word.into())
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
                own_funds(&r.label, crate::output::words::diff::own_held(r), lang)
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
            // How an actor is paid, `old → new` when that changed (as `export`'s payments).
            if let Some(routes) = r.payment {
                let route = match (routes.old, routes.new) {
                    (Some(old), Some(new)) if old != new => Some(format!(
                        "{} → {}",
                        payment_words(old, words),
                        payment_words(new, words)
                    )),
                    (_, Some(one)) | (Some(one), None) => {
                        Some(payment_words(one, words).to_string())
                    }
                    (None, None) => None,
                };
                if let Some(route) = route {
                    set(&mut row, PAYMENT, text(route));
                }
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
        if let Some(earmark) = row.get_mut(12).filter(|_| c.earmark_changed()) {
            *earmark = Value::Text(earmark_change(c, figures.style.lang).into());
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
        let lang = figures.style.lang;
        set(&mut row, OLD_ACTORS, text(actor_names(&c.old)));
        set(&mut row, NEW_ACTORS, text(actor_names(&c.new)));
        set(&mut row, TEXT_CHANGED, yes_no(c.text_changed));
        if c.focus_areas_changed() {
            set(&mut row, FOCUS_AREAS, text(focus_areas_change(c, lang)));
        }
        if c.responsible_changed() {
            let (old, new) = (c.old.responsible.as_deref(), c.new.responsible.as_deref());
            set(&mut row, RESPONSIBLE, text(text_change(old, new, lang)));
        }
        if c.affected_changed() {
            let (old, new) = (c.old.affected.as_deref(), c.new.affected.as_deref());
            set(&mut row, AFFECTED, text(text_change(old, new, lang)));
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
            if let (Some(cell), Some(earmark)) = (row.get_mut(12), &s.earmark) {
                *cell = Value::Code(earmark.as_str().into());
            }
            let actors = if is_new { NEW_ACTORS } else { OLD_ACTORS };
            set(&mut row, actors, text(actor_names(s)));
            if !s.focus_areas.is_empty() {
                let areas = focus_areas(&s.focus_areas, figures.style.lang);
                set(&mut row, FOCUS_AREAS, text(areas));
            }
            for (column, written) in [(RESPONSIBLE, &s.responsible), (AFFECTED, &s.affected)] {
                if let Some(written) = written {
                    set(&mut row, column, text(written.clone()));
                }
            }
            rows.push(row);
        }
    }
    rows.extend(terms::sheet_rows(d, words));
    Sheet::new("diff", headers, rows, Vec::new())
}
