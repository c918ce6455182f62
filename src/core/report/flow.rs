//! The flow of money, for a picture: the county total into the areas, each area to the
//! actors that handle the money (the document's top summary headings, or, in a plan without
//! headings, the top of the actor tree), and from those to the recipients. The kommuner are
//! one node, *länets kommuner*, since the per-kommun view shows them one by one.
//!
//! Each stage sums to the same total, link by link from the ledger's lines, so the picture
//! cannot show money that the tables do not.

use serde::{Deserialize, Serialize};

use crate::core::ledger::{Ledger, Line, Recipient};
use crate::core::money::Amount;
use crate::core::report::Projection;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Flow {
    pub total: Amount,
    /// The areas, in plan order.
    pub areas: Vec<FlowNode>,
    /// The handling actors, in the order of the summary.
    pub handlers: Vec<FlowNode>,
    /// The recipients, grouped by the first handler that pays them.
    pub recipients: Vec<FlowNode>,
    /// Area → handler (indices into `areas` and `handlers`).
    pub area_handler: Vec<FlowLink>,
    /// Handler → recipient (indices into `handlers` and `recipients`).
    pub handler_recipient: Vec<FlowLink>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FlowNode {
    /// A short label (an area's number, an actor's short name).
    pub label: String,
    /// The full name.
    pub name: String,
    pub amount: Amount,
    /// For a node that stands for several recipients (the kommuner), how many.
    pub members: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FlowLink {
    pub from: usize,
    pub to: usize,
    pub amount: Amount,
}

/// Where a recipient goes in the picture: an actor, or every kommun as one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Target {
    Actor(u32),
    Kommuner,
}

pub fn flow(view: &Projection) -> Flow {
    let ledger = view.ledger;
    let plan = ledger.plan;
    let headings = &ledger.headings;
    let by_heading = !plan.headings.is_empty() && !headings.broken;
    // The handlers: top-level headings in the summary's order, or top-level actors.
    let handler_keys: Vec<usize> = if by_heading {
        headings
            .forest
            .preorder
            .iter()
            .copied()
            .filter(|&h| headings.forest.parent.get(h).copied().flatten().is_none())
            .collect()
    } else {
        ledger
            .actors
            .forest
            .preorder
            .iter()
            .copied()
            .filter(|&n| {
                n < ledger.actors.count
                    && ledger
                        .actors
                        .forest
                        .parent
                        .get(n)
                        .copied()
                        .flatten()
                        .is_none()
            })
            .collect()
    };
    let handler_of = |line: &Line| -> Option<usize> {
        let key = if by_heading {
            let h = ledger.insatser.get(line.insats as usize)?.heading?;
            headings.forest.root_of(h)
        } else {
            let node = ledger.actors.node(line.recipient);
            ledger.actors.forest.root_of(node)
        };
        handler_keys.iter().position(|&k| k == key)
    };
    let target_of = |recipient: Recipient| match recipient {
        Recipient::Kommun(_) => Target::Kommuner,
        Recipient::Actor(a) => Target::Actor(a),
    };
    let mut areas = vec![Amount::ZERO; plan.areas.len()];
    let mut handlers = vec![Amount::ZERO; handler_keys.len()];
    let mut area_handler: Vec<FlowLink> = Vec::new();
    let mut targets: Vec<(Target, Amount, usize)> = Vec::new();
    let mut handler_target: Vec<(usize, Target, Amount)> = Vec::new();
    let mut kommuner = std::collections::HashSet::new();
    for line in view.lines() {
        let (Some(area), Some(handler)) = (ledger.area_of(line), handler_of(line)) else {
            continue;
        };
        if let Some(a) = areas.get_mut(area) {
            *a += line.amount;
        }
        if let Some(h) = handlers.get_mut(handler) {
            *h += line.amount;
        }
        add_link(&mut area_handler, area, handler, line.amount);
        let target = target_of(line.recipient);
        if let Recipient::Kommun(k) = line.recipient {
            kommuner.insert(k);
        }
        match targets.iter_mut().find(|(t, _, _)| *t == target) {
            Some((_, amount, _)) => *amount += line.amount,
            None => targets.push((target, line.amount, handler)),
        }
        match handler_target
            .iter_mut()
            .find(|(h, t, _)| *h == handler && *t == target)
        {
            Some((_, _, amount)) => *amount += line.amount,
            None => handler_target.push((handler, target, line.amount)),
        }
    }
    // Recipients in the order of the handler that first pays them, then as met.
    let mut order: Vec<usize> = (0..targets.len()).collect();
    order.sort_by_key(|&t| targets.get(t).map_or(usize::MAX, |x| x.2));
    let recipients: Vec<FlowNode> = order
        .iter()
        .filter_map(|&t| targets.get(t))
        .map(|(target, amount, _)| node_of(ledger, *target, *amount, kommuner.len()))
        .collect();
    let position = |target: Target| {
        order
            .iter()
            .position(|&t| targets.get(t).is_some_and(|x| x.0 == target))
    };
    let mut handler_recipient: Vec<FlowLink> = handler_target
        .into_iter()
        .filter_map(|(h, t, amount)| {
            Some(FlowLink {
                from: h,
                to: position(t)?,
                amount,
            })
        })
        .collect();
    handler_recipient.sort_by_key(|l| (l.from, l.to));
    area_handler.sort_by_key(|l| (l.from, l.to));
    let handler_name = |key: usize| -> (String, String) {
        if by_heading {
            let title = plan
                .headings
                .get(key)
                .map_or_else(String::new, |h| h.title.clone());
            (title.clone(), title)
        } else {
            let actor = plan.actors.get(key);
            (
                actor
                    .map(|a| a.short.clone().unwrap_or_else(|| a.name.clone()))
                    .unwrap_or_default(),
                actor.map(|a| a.name.clone()).unwrap_or_default(),
            )
        }
    };
    Flow {
        total: areas.iter().sum(),
        areas: plan
            .areas
            .iter()
            .zip(&areas)
            .map(|(area, amount)| FlowNode {
                label: area.number.get_ref().to_string(),
                name: area.title.clone(),
                amount: *amount,
                members: 1,
            })
            .collect(),
        handlers: handler_keys
            .iter()
            .zip(&handlers)
            .map(|(&key, amount)| {
                let (label, name) = handler_name(key);
                FlowNode {
                    label,
                    name,
                    amount: *amount,
                    members: 1,
                }
            })
            .collect(),
        recipients,
        area_handler,
        handler_recipient,
    }
}

fn add_link(links: &mut Vec<FlowLink>, from: usize, to: usize, amount: Amount) {
    match links.iter_mut().find(|l| l.from == from && l.to == to) {
        Some(link) => link.amount += amount,
        None => links.push(FlowLink { from, to, amount }),
    }
}

fn node_of(ledger: &Ledger, target: Target, amount: Amount, kommuner: usize) -> FlowNode {
    let plan = ledger.plan;
    match target {
        Target::Actor(a) => {
            let actor = plan.actors.get(a as usize);
            FlowNode {
                label: actor
                    .map(|x| x.short.clone().unwrap_or_else(|| x.name.clone()))
                    .unwrap_or_default(),
                name: actor.map(|x| x.name.clone()).unwrap_or_default(),
                amount,
                members: 1,
            }
        }
        Target::Kommuner => {
            let group = ledger
                .actors
                .group
                .and_then(|g| plan.actors.get(g))
                .map(|x| x.name.clone())
                .unwrap_or_default();
            FlowNode {
                label: group.clone(),
                name: group,
                amount,
                members: kommuner,
            }
        }
    }
}
