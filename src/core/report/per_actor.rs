//! Per actor: every responsible actor with its money per area and in total, the region's
//! units under the region and the kommuner under the county's kommuner. Each row gives both
//! what the actor receives itself (`own_*`) and what it and everything under it receive
//! (`per_area`, `total`), so that a reader never has to guess which one a figure is.

use serde::{Deserialize, Serialize};

use std::collections::HashSet;

use crate::core::ledger::{Ledger, Recipient, index};
use crate::core::money::Amount;
use crate::core::plan::Payment;
use crate::core::report::{Projection, whole};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PerActor {
    /// The areas' numbers, one column each.
    pub areas: Vec<u32>,
    pub rows: Vec<ActorRow>,
    pub area_totals: Vec<Amount>,
    pub total: Amount,
    /// Whether the selection is the whole plan, so that the totals are the plan's; otherwise
    /// they are a selection of it (*urval*).
    #[serde(default = "whole")]
    pub complete: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorRow {
    pub name: String,
    /// 0 for a top-level actor, 1 for a unit under it, and so on.
    pub depth: usize,
    /// The top-level row this one belongs to (`None` for a top-level row).
    pub group: Option<String>,
    /// Whether other rows belong to this one.
    pub has_children: bool,
    /// Per area, including the rows below this one.
    pub per_area: Vec<Amount>,
    pub total: Amount,
    /// Per area, only what this actor or kommun receives itself: these rows sum to the total
    /// without counting anything twice.
    pub own_per_area: Vec<Amount>,
    pub own_total: Amount,
}

/// The actors whose own money is held for further distribution (`payment = "held"`, the
/// region's default), by name as [`ActorRow::name`] has it: the row of their own money under
/// them is named for that, not as money without a unit (tester s44 #4). Apart from
/// [`PerActor`], whose JSON is the amounts (the `payments` say how each recipient is paid).
pub fn held_own<'p>(ledger: &Ledger<'p>) -> HashSet<&'p str> {
    (0..ledger.plan.actors.len())
        .map(|a| Recipient::Actor(index(a)))
        .filter(|&r| ledger.payment(r) == Payment::Held)
        .map(|r| ledger.recipient_name(r))
        .collect()
}

pub fn per_actor(view: &Projection) -> PerActor {
    let ledger = view.ledger;
    let plan = ledger.plan;
    let forest = &ledger.actors.forest;
    // Columns: every area, or those the selection reaches (found in a first pass over the
    // lines, which the second sums into the columns).
    let mut reached = vec![false; plan.areas.len()];
    for line in view.lines() {
        if let Some(r) = ledger.area_of(line).and_then(|area| reached.get_mut(area)) {
            *r = true;
        }
    }
    let filtered = view.filtered();
    let columns: Vec<usize> = (0..plan.areas.len())
        .filter(|&a| !filtered || reached.get(a).copied().unwrap_or(false))
        .collect();
    let mut column_of = vec![None; plan.areas.len()];
    for (c, &a) in columns.iter().enumerate() {
        if let Some(slot) = column_of.get_mut(a) {
            *slot = Some(c);
        }
    }
    let nodes = forest.parent.len();
    let mut own = vec![vec![Amount::ZERO; columns.len()]; nodes];
    for line in view.lines() {
        let node = ledger.actors.node(line.recipient);
        if let Some(cell) = ledger
            .area_of(line)
            .and_then(|area| column_of.get(area).copied().flatten())
            .and_then(|c| own.get_mut(node).and_then(|row| row.get_mut(c)))
        {
            *cell += line.amount;
        }
    }
    // Subtree totals, deepest first.
    let mut under = own.clone();
    for node in forest.bottom_up() {
        let Some(parent) = forest.parent.get(node).copied().flatten() else {
            continue;
        };
        let child = under.get(node).cloned().unwrap_or_default();
        if let Some(row) = under.get_mut(parent) {
            for (total, amount) in row.iter_mut().zip(child) {
                *total += amount;
            }
        }
    }
    let name = |node: usize| {
        ledger
            .recipient_name(ledger.actors.recipient(node))
            .to_string()
    };
    let mut rows = Vec::new();
    for &node in &forest.preorder {
        let is_kommun = matches!(ledger.actors.recipient(node), Recipient::Kommun(_));
        let is_root = forest.parent.get(node).copied().flatten().is_none();
        // Without a group of kommuner the kommuner receive nothing and have no row.
        if is_kommun && is_root {
            continue;
        }
        let per_area = under.get(node).cloned().unwrap_or_default();
        let total: Amount = per_area.iter().sum();
        if filtered && total.0.is_zero() {
            continue;
        }
        let own_per_area = own.get(node).cloned().unwrap_or_default();
        rows.push(ActorRow {
            name: name(node),
            depth: forest.depth.get(node).copied().unwrap_or(0),
            group: (!is_root).then(|| name(forest.root_of(node))),
            has_children: forest.children.get(node).is_some_and(|c| !c.is_empty()),
            per_area,
            total,
            own_total: own_per_area.iter().sum(),
            own_per_area,
        });
    }
    let mut area_totals = vec![Amount::ZERO; columns.len()];
    for row in own.iter() {
        for (total, amount) in area_totals.iter_mut().zip(row) {
            *total += *amount;
        }
    }
    PerActor {
        areas: columns.iter().map(|&a| ledger.area_number(a)).collect(),
        rows,
        total: area_totals.iter().sum(),
        area_totals,
        complete: view.is_whole(),
    }
}
