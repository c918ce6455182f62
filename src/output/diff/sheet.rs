//! `allocate diff --format csv`: the comparison as one flat sheet, a row per line of the
//! side-by-side tables and per insats changed, added or removed (then the conditions and
//! requirements, `terms`), in the dialects of `export`.

use crate::core::diff::{Change, Matched, PlanDiff, Status};
use crate::core::money::Amount;
use crate::output::lang::Lang;
use crate::output::number::Style;
use crate::output::sheet::{Sheet, Value, Words, own_funds};
use crate::output::words::diff::{Gender, matched_by_text, status_word};

use super::{Figures, changed_area, columns, split_change, terms};
use crate::output::words::diff::earmark_change;

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
                own_funds(&r.label, lang)
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
            rows.push(row);
        }
    }
    rows.extend(terms::sheet_rows(d, words));
    Sheet::new("diff", headers, rows, Vec::new())
}
