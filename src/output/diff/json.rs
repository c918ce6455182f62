//! `allocate diff --format json`: the comparison for other programs (schema `allocate-diff/2`).

use crate::core::diff::{
    Change, InsatsSide, Matched, PlanDiff, ShareChange, SplitSide, Was, YearCheckKind,
};
use crate::core::money::Amount;
use crate::core::plan::Payment;

use super::terms;

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
                    o.insert("old_name".into(), J::from(r.was.as_ref().map(Was::label)));
                    // An actor's payment route in each plan, as `export`'s JSON names it.
                    if let Some(routes) = r.payment {
                        let route = |p: Option<Payment>| J::from(p.map(Payment::as_str));
                        o.insert("old_payment".into(), route(routes.old));
                        o.insert("new_payment".into(), route(routes.new));
                        o.insert("payment_changed".into(), J::from(routes.changed()));
                    }
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
            "rule": s.rule.name(),
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
            "earmark": s.earmark,
            "focus_areas": s.focus_areas,
            "responsible": s.responsible,
            "affected": s.affected,
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
    let changed: Vec<Changed> = (d.insatser.changed.iter())
        .map(|c| Changed {
            actors_changed: c.actors_changed(),
            affected_changed: c.affected_changed(),
            area_changed: c.area_changed(),
            change: c.amount().difference(),
            earmark_changed: c.earmark_changed(),
            focus_areas_changed: c.focus_areas_changed(),
            key_changed: c.key_changed,
            matched: match c.matched {
                Matched::ById => json!("id"),
                Matched::ByText(p) => json!({ "text_similarity_percent": p }),
            },
            new: side(&c.new),
            old: side(&c.old),
            responsible_changed: c.responsible_changed(),
            shares: Shares(&c.shares),
            split_changed: c.split_changed(),
            text_changed: c.text_changed,
        })
        .collect();
    let (conditions, requirements) = terms::json(d);
    let (plan_terms, proposal) = terms::plan_json(d);
    let document = Document {
        actors: J::from(rows(&d.actors)),
        areas: J::from(rows(&d.areas)),
        conditions,
        county: change(&d.county),
        insatser: Insatser {
            added: d.insatser.added.iter().map(side).collect(),
            changed,
            removed: d.insatser.removed.iter().map(side).collect(),
            unchanged: d.insatser.unchanged,
        },
        kommuner: J::from(rows(&d.kommuner)),
        moved: (d.moved.iter())
            .map(|m| {
                json!({
                    "actor": m.actor,
                    "old_parent": m.old_parent,
                    "new_parent": m.new_parent,
                })
            })
            .collect(),
        new: json!({ "path": new_path, "county": d.new.county, "year": d.new.year }),
        old: json!({ "path": old_path, "county": d.old.county, "year": d.old.year }),
        proposal,
        requirements,
        schema: "allocate-diff/2",
        terms: plan_terms,
        year_checks: J::from(checks),
    };
    serde_json::to_string_pretty(&document).map(|s| s + "\n")
}

// The document written as it is serialised, not built as a `serde_json::Value` first: a
// national plan's new key moves millions of shares, and a `Value` of each took some 700
// bytes. Each object's fields are in the order of their names, as `Value`'s maps write them.

#[derive(serde::Serialize)]
struct Document<'a> {
    actors: serde_json::Value,
    areas: serde_json::Value,
    conditions: serde_json::Value,
    county: serde_json::Value,
    insatser: Insatser<'a>,
    kommuner: serde_json::Value,
    moved: Vec<serde_json::Value>,
    new: serde_json::Value,
    old: serde_json::Value,
    proposal: serde_json::Value,
    requirements: serde_json::Value,
    schema: &'static str,
    terms: serde_json::Value,
    year_checks: serde_json::Value,
}

#[derive(serde::Serialize)]
struct Insatser<'a> {
    added: Vec<serde_json::Value>,
    changed: Vec<Changed<'a>>,
    removed: Vec<serde_json::Value>,
    unchanged: usize,
}

#[derive(serde::Serialize)]
struct Changed<'a> {
    actors_changed: bool,
    affected_changed: bool,
    area_changed: bool,
    change: Amount,
    earmark_changed: bool,
    focus_areas_changed: bool,
    key_changed: bool,
    matched: serde_json::Value,
    new: serde_json::Value,
    old: serde_json::Value,
    responsible_changed: bool,
    shares: Shares<'a>,
    split_changed: bool,
    text_changed: bool,
}

/// The shares that moved, each `{new, old, recipient}`.
struct Shares<'a>(&'a [ShareChange]);

impl serde::Serialize for Shares<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Share<'a> {
            new: Option<Amount>,
            old: Option<Amount>,
            recipient: &'a str,
        }
        serializer.collect_seq(self.0.iter().map(|s| Share {
            new: s.new,
            old: s.old,
            recipient: &s.recipient,
        }))
    }
}
