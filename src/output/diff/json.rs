//! `allocate diff --format json`: the comparison for other programs (schema `allocate-diff/2`).

use crate::core::diff::{AreaWas, Change, InsatsSide, Matched, PlanDiff, SplitSide, YearCheckKind};
use crate::core::money::Amount;

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
                "shares": c.shares.iter().map(|s| json!({
                    "recipient": s.recipient,
                    "old": s.old,
                    "new": s.new,
                })).collect::<Vec<_>>(),
                "key_changed": c.key_changed,
                "earmark_changed": c.earmark_changed(),
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
