//! Selections: which part of the ledger a figure or a view covers. One mechanism for the
//! plan's `[[stated]]` totals, the summary headings and the command line's filters: by area,
//! by insatser, by an actor (with everything under it), by a kommun, by a heading (with its
//! sub-headings). The criteria combine; an empty selection is the whole plan.
//!
//! A line is tested in constant time. A total is summed over the fewest candidates: the
//! insatser' own amounts when the selection names no recipient, else the lines to the actor
//! or kommun (one stretch of the ledger's recipient index), or the lines of the insatser named.

use std::collections::HashSet;

use crate::core::finding::{Findings, Reported, Thing};
use crate::core::ledger::names::{Names, unknown};
use crate::core::ledger::{Ledger, Line, Recipient};
use crate::core::money::Amount;
use crate::core::plan::{Plan, Stated};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// Indices into `plan.areas`; empty: every area.
    pub areas: Vec<usize>,
    /// Indices into `plan.insatser`; `None`: every insats.
    pub insatser: Option<HashSet<usize>>,
    /// An actor, with the actors and kommuner under it.
    pub actor: Option<usize>,
    pub kommun: Option<usize>,
    /// A heading, with its sub-headings.
    pub heading: Option<usize>,
}

impl Selection {
    /// The whole plan.
    pub fn all() -> Selection {
        Selection::default()
    }

    pub fn is_all(&self) -> bool {
        self.areas.is_empty()
            && self.insatser.is_none()
            && self.actor.is_none()
            && self.kommun.is_none()
            && self.heading.is_none()
    }

    /// One recipient: an actor with the actors and kommuner under it, or a kommun.
    pub fn of_recipient(recipient: Recipient) -> Selection {
        match recipient {
            Recipient::Actor(a) => Selection {
                actor: Some(a as usize),
                ..Selection::all()
            },
            Recipient::Kommun(k) => Selection {
                kommun: Some(k as usize),
                ..Selection::all()
            },
        }
    }

    /// What a `[[stated]]` figure covers; `None` after reporting a name that is not defined.
    pub fn of_stated(
        plan: &Plan,
        names: &Names,
        stated: &Stated,
        findings: &mut Findings,
    ) -> Option<Selection> {
        let mut failed: Option<Reported> = None;
        let mut selection = Selection::all();
        for area in stated.area.iter().chain(stated.areas.iter().flatten()) {
            match names.area_ref(plan, area, findings) {
                Ok(a) if !selection.areas.contains(&a) => selection.areas.push(a),
                Ok(_) => {}
                Err(r) => failed = Some(r),
            }
        }
        if let Some(heading) = &stated.heading {
            match names.headings.get(heading.get_ref()) {
                Some(&h) => selection.heading = Some(h),
                None => {
                    failed = Some(unknown(
                        findings,
                        Thing::Heading,
                        heading,
                        plan.headings.iter().map(|h| h.id.get_ref().as_str()),
                    ));
                }
            }
        }
        if let Some(actor) = &stated.actor {
            match names.actor_ref(plan, actor, findings) {
                Ok(a) => selection.actor = Some(a),
                Err(r) => failed = Some(r),
            }
        }
        if let Some(kommun) = &stated.kommun {
            match names.kommun_ref(plan, kommun, findings) {
                Ok(k) => selection.kommun = Some(k),
                Err(r) => failed = Some(r),
            }
        }
        if let Some(ids) = &stated.insatser {
            let mut set = HashSet::with_capacity(ids.len());
            for id in ids {
                match names.insats_ref(plan, id, findings) {
                    Ok(i) => {
                        set.insert(i);
                    }
                    Err(r) => failed = Some(r),
                }
            }
            selection.insatser = Some(set);
        }
        failed.is_none().then_some(selection)
    }

    /// Whether the selection names a recipient (an actor or a kommun): then it covers parts
    /// of insatser, else whole ones.
    pub fn has_recipient(&self) -> bool {
        self.actor.is_some() || self.kommun.is_some()
    }

    /// Whether insats `i` is within the selection's areas, insatser and heading.
    pub fn covers_insats(&self, ledger: &Ledger, i: usize) -> bool {
        let entry = ledger.insatser.get(i);
        (self.areas.is_empty()
            || entry
                .and_then(|e| e.area)
                .is_some_and(|a| self.areas.contains(&a)))
            && self.insatser.as_ref().is_none_or(|s| s.contains(&i))
            && self.heading.is_none_or(|h| {
                entry
                    .and_then(|e| e.heading)
                    .is_some_and(|own| ledger.headings.forest.contains(h, own))
            })
    }

    /// Whether a recipient is within the selection's actor and kommun.
    pub fn covers_recipient(&self, ledger: &Ledger, recipient: Recipient) -> bool {
        self.actor
            .is_none_or(|a| ledger.actors.is_under(recipient, a))
            && self
                .kommun
                .is_none_or(|k| recipient == Recipient::Kommun(crate::core::ledger::index(k)))
    }

    pub fn covers(&self, ledger: &Ledger, line: &Line) -> bool {
        self.covers_recipient(ledger, line.recipient)
            && self.covers_insats(ledger, line.insats as usize)
    }

    /// Whole insatser: the amounts of those named, or under the heading, or of all.
    fn sum_of_insatser(&self, ledger: &Ledger) -> Amount {
        let amount = |i: usize| {
            ledger
                .plan
                .insatser
                .get(i)
                .map_or(Amount::ZERO, |x| *x.amount.get_ref())
        };
        let covered = |i: &usize| self.covers_insats(ledger, *i);
        match (&self.insatser, self.heading) {
            (Some(set), _) => set.iter().filter(|i| covered(i)).map(|&i| amount(i)).sum(),
            (None, Some(h)) => ledger
                .headings
                .forest
                .subtree(h)
                .iter()
                .flat_map(|&sub| ledger.headings.insatser.get(sub).into_iter().flatten())
                .filter(|i| covered(i))
                .map(|&i| amount(i))
                .sum(),
            (None, None) => (0..ledger.plan.insatser.len())
                .filter(covered)
                .map(amount)
                .sum(),
        }
    }

    /// The total of what the selection covers; `None` when it covers an insats that could
    /// not be split (an error already says why).
    pub fn sum(&self, ledger: &Ledger) -> Option<Amount> {
        if !self.has_recipient() {
            return Some(self.sum_of_insatser(ledger));
        }
        // Parts of insatser: an insats that could not be split leaves the total unknown.
        let unresolved = ledger
            .unresolved
            .iter()
            .any(|&i| self.covers_insats(ledger, i));
        if unresolved {
            return None;
        }
        let node = match (self.kommun, self.actor) {
            (Some(k), _) => ledger.actors.count + k,
            (None, Some(a)) => a,
            (None, None) => return None,
        };
        let recipient_only =
            self.areas.is_empty() && self.insatser.is_none() && self.heading.is_none();
        if recipient_only && (self.kommun.is_none() || self.actor.is_none()) {
            return Some(ledger.total_under(node));
        }
        let under = ledger.lines_under(node);
        let named = self
            .insatser
            .as_ref()
            .map(|s| s.iter().map(|&i| ledger.lines_of(i).len()).sum::<usize>());
        let mut sum = Amount::ZERO;
        match named {
            // The insatser named have fewer lines than the recipient: go through theirs.
            Some(count) if count < under.len() => {
                let mut listed: Vec<usize> = self.insatser.iter().flatten().copied().collect();
                listed.sort_unstable();
                for i in listed {
                    for line in ledger.lines_of(i) {
                        if self.covers(ledger, line) {
                            sum += line.amount;
                        }
                    }
                }
            }
            _ => {
                for &l in under {
                    if let Some(line) = ledger.lines.get(l as usize)
                        && self.covers(ledger, line)
                    {
                        sum += line.amount;
                    }
                }
            }
        }
        Some(sum)
    }
}
