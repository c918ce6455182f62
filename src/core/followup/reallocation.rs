//! Money moved between one recipient's own lines within the decision's focus areas.
//!
//! The 2026 decision's conditions: "Eventuella medel som under året bedöms inte kunna nyttjats
//! enligt föreslagen fördelning kan omfördelas av ansvarig verksamhet att nyttjas för
//! aktiviteter inom samma beslutade fokusområden." So a recipient that used more than it
//! received on one line, and left money unused on another of its own lines that shares a
//! focus area with it, has used that money as the decision allows: it is moved, not repaid.
//!
//! How much can be moved is a flow: from each line with money unused (at most that much), to
//! each line used above what it received (at most the excess), along any pair of lines that
//! share a focus area. [`cover`] finds the largest such flow exactly (augmenting paths over
//! whole öre), never a greedy choice that an early move would make smaller: a line that could
//! take from one source only is not left short because another line took that source first.
//! Deterministic: the lines are taken in the order given (the plan's), and the paths are
//! searched breadth first in that order.
//!
//! Lines of the same area are paired first, and lines of other areas for what is left: the
//! areas are reported to the state one by one, so a move between two areas is one more thing
//! to report (tester s36: 20 000 kr taken from 1.5 in area 1 for 3.10 in area 3, while 3.8 in
//! area 3 had the whole 50 000 kr unused). The second round may reroute a move of the first
//! along a longer path, so this is a preference, not the fewest moves across areas, which a
//! minimum-cost flow would give.

use std::collections::{HashMap, VecDeque};

/// One of a recipient's lines, as the flow sees it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Slot {
    /// The focus areas of the line's insats (as the plan gives them; none: nothing moves to or
    /// from the line).
    pub focus: Vec<u32>,
    /// What is unused on the line, in öre (0 when it used all, or more than, it received).
    pub spare: i128,
    /// What was used above what the line received, in öre.
    pub over: i128,
    /// The line's area (its index in the plan; `None`: an insats in no known area).
    pub area: Option<usize>,
}

/// Money moved from one slot's unused money to another slot's excess, in öre.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flow {
    pub from: usize,
    pub to: usize,
    pub ore: i128,
}

/// The focus areas two lines share, in the order of the first's.
pub fn shared(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut both: Vec<u32> = a.iter().copied().filter(|f| b.contains(f)).collect();
    both.sort_unstable();
    both.dedup();
    both
}

fn shares(a: &[u32], b: &[u32]) -> bool {
    a.iter().any(|f| b.contains(f))
}

fn same_area(a: &Slot, b: &Slot) -> bool {
    a.area.is_some() && a.area == b.area
}

/// The largest flow of unused money to excess between slots that share a focus area: per
/// pair of slots, how much moves. Each slot gives at most its `spare` and takes at most its
/// `over`. In the order of the slots taking (`to`), then of those giving (`from`).
///
/// First between slots of the same area only, as far as that goes; then between any two,
/// from that flow on. Each time, the slots that take are served in their order, each by
/// breadth-first augmenting paths (a path may take money back from a slot served before and
/// give that slot another source instead); a slot that no path reaches is never reached
/// later, so serving them one after another gives the largest flow of all (Ford–Fulkerson),
/// and the second round, which starts from the first's flow, the largest over all pairs.
pub fn cover(slots: &[Slot]) -> Vec<Flow> {
    let givers: Vec<usize> = (0..slots.len())
        .filter(|&i| {
            slots
                .get(i)
                .is_some_and(|s| s.spare > 0 && !s.focus.is_empty())
        })
        .collect();
    let takers: Vec<usize> = (0..slots.len())
        .filter(|&i| {
            slots
                .get(i)
                .is_some_and(|s| s.over > 0 && !s.focus.is_empty())
        })
        .collect();
    if givers.is_empty() || takers.is_empty() {
        return Vec::new();
    }
    let mut spare: Vec<i128> = givers
        .iter()
        .map(|&i| slots.get(i).map_or(0, |s| s.spare))
        .collect();
    let mut over: Vec<i128> = takers
        .iter()
        .map(|&i| slots.get(i).map_or(0, |s| s.over))
        .collect();
    // How much moves from giver to taker (by their places in `givers` and `takers`).
    let mut flow: HashMap<(usize, usize), i128> = HashMap::new();
    for within_area in [true, false] {
        let pairs = Pairs::of(slots, &givers, &takers, within_area);
        augment(&pairs, &mut spare, &mut over, &mut flow);
    }

    let mut flows: Vec<Flow> = flow
        .into_iter()
        .filter(|&(_, ore)| ore > 0)
        .filter_map(|((g, t), ore)| {
            Some(Flow {
                from: *givers.get(g)?,
                to: *takers.get(t)?,
                ore,
            })
        })
        .collect();
    flows.sort_by_key(|f| (f.to, f.from));
    flows
}

/// Which givers and takers may pair: per giver (by its place among the givers), the takers it
/// may give to; per taker, the givers it may take from; both in slot order.
struct Pairs {
    gives_to: Vec<Vec<usize>>,
    takes_from: Vec<Vec<usize>>,
}

impl Pairs {
    /// The pairs that share a focus area; with `within_area`, only those of the same area.
    fn of(slots: &[Slot], givers: &[usize], takers: &[usize], within_area: bool) -> Pairs {
        let mut gives_to: Vec<Vec<usize>> = vec![Vec::new(); givers.len()];
        let mut takes_from: Vec<Vec<usize>> = vec![Vec::new(); takers.len()];
        for (g, giver) in givers.iter().filter_map(|&i| slots.get(i)).enumerate() {
            for (t, taker) in takers.iter().filter_map(|&i| slots.get(i)).enumerate() {
                let pairs =
                    shares(&giver.focus, &taker.focus) && (!within_area || same_area(giver, taker));
                if pairs {
                    if let Some(list) = gives_to.get_mut(g) {
                        list.push(t);
                    }
                    if let Some(list) = takes_from.get_mut(t) {
                        list.push(g);
                    }
                }
            }
        }
        Pairs {
            gives_to,
            takes_from,
        }
    }
}

/// Serves each taker in turn by augmenting paths along `pairs`, from the flow there is.
fn augment(
    pairs: &Pairs,
    spare: &mut [i128],
    over: &mut [i128],
    flow: &mut HashMap<(usize, usize), i128>,
) {
    let Pairs {
        gives_to,
        takes_from,
    } = pairs;
    for target in 0..over.len() {
        while over.get(target).is_some_and(|&o| o > 0) {
            let Some(path) = augmenting_path(target, spare, gives_to, takes_from, flow) else {
                break;
            };
            // The path: giver g0 → taker t0 ← giver g1 → taker t1 … → target. Forward edges
            // (giver to taker) take any amount; a backward edge (taker t_i back to giver
            // g_{i+1}) at most what moves from g_{i+1} to t_i now.
            let first = path.first().map_or(0, |&(g, _)| g);
            let mut delta = spare.get(first).copied().unwrap_or(0);
            delta = delta.min(over.get(target).copied().unwrap_or(0));
            for pair in path.windows(2) {
                if let [(_, t), (g, _)] = pair {
                    delta = delta.min(flow.get(&(*g, *t)).copied().unwrap_or(0));
                }
            }
            if delta <= 0 {
                break;
            }
            if let Some(s) = spare.get_mut(first) {
                *s -= delta;
            }
            if let Some(o) = over.get_mut(target) {
                *o -= delta;
            }
            for &(g, t) in &path {
                *flow.entry((g, t)).or_insert(0) += delta;
            }
            for pair in path.windows(2) {
                if let [(_, t), (g, _)] = pair {
                    *flow.entry((*g, *t)).or_insert(0) -= delta;
                }
            }
        }
    }
}

/// The shortest augmenting path to `target` (a taker's place), as the forward edges it takes:
/// `[(g0, t0), (g1, t1), …, (gk, target)]`, where each `t_i` gives back to `g_{i+1}` what
/// `g_{i+1}` gave it. Breadth first from the givers with money left, in slot order.
fn augmenting_path(
    target: usize,
    spare: &[i128],
    gives_to: &[Vec<usize>],
    takes_from: &[Vec<usize>],
    flow: &HashMap<(usize, usize), i128>,
) -> Option<Vec<(usize, usize)>> {
    // How each node was reached: a giver from a taker (or from the source: `None`), a taker
    // from a giver.
    let mut giver_from: Vec<Option<Option<usize>>> = vec![None; spare.len()];
    let mut taker_from: Vec<Option<usize>> = vec![None; takes_from.len()];
    let mut queue: VecDeque<usize> = VecDeque::new();
    for (g, &s) in spare.iter().enumerate() {
        if s > 0 {
            if let Some(slot) = giver_from.get_mut(g) {
                *slot = Some(None);
            }
            queue.push_back(g);
        }
    }
    while let Some(g) = queue.pop_front() {
        for &t in gives_to.get(g).map_or(&[][..], Vec::as_slice) {
            if taker_from.get(t).is_none_or(Option::is_some) {
                continue;
            }
            if let Some(slot) = taker_from.get_mut(t) {
                *slot = Some(g);
            }
            if t == target {
                return Some(walk_back(target, &giver_from, &taker_from));
            }
            // Back along what moves into this taker now, to a giver that could give it from
            // elsewhere.
            for &g2 in takes_from.get(t).map_or(&[][..], Vec::as_slice) {
                let moving = flow.get(&(g2, t)).copied().unwrap_or(0);
                if moving > 0 && giver_from.get(g2).is_some_and(Option::is_none) {
                    if let Some(slot) = giver_from.get_mut(g2) {
                        *slot = Some(Some(t));
                    }
                    queue.push_back(g2);
                }
            }
        }
    }
    None
}

fn walk_back(
    target: usize,
    giver_from: &[Option<Option<usize>>],
    taker_from: &[Option<usize>],
) -> Vec<(usize, usize)> {
    let mut path = Vec::new();
    let mut t = target;
    // A path visits each node once: at most as many steps as there are takers.
    for _ in 0..=taker_from.len() {
        let Some(Some(g)) = taker_from.get(t).copied() else {
            break;
        };
        path.push((g, t));
        match giver_from.get(g).copied().flatten().flatten() {
            Some(previous) => t = previous,
            None => break,
        }
    }
    path.reverse();
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn slot(focus: &[u32], spare: i128, over: i128) -> Slot {
        Slot {
            focus: focus.to_vec(),
            spare,
            over,
            area: None,
        }
    }

    fn in_area(area: usize, slot: Slot) -> Slot {
        Slot {
            area: Some(area),
            ..slot
        }
    }

    fn covered(flows: &[Flow]) -> i128 {
        flows.iter().map(|f| f.ore).sum()
    }

    /// The largest flow by the max-flow min-cut theorem, tried over every set of takers: the
    /// takers in the set are cut from their givers (all the givers that share a focus area
    /// with any of them), the others at their excess.
    fn min_cut(slots: &[Slot]) -> i128 {
        let takers: Vec<usize> = (0..slots.len())
            .filter(|&i| slots[i].over > 0 && !slots[i].focus.is_empty())
            .collect();
        let givers: Vec<usize> = (0..slots.len())
            .filter(|&i| slots[i].spare > 0 && !slots[i].focus.is_empty())
            .collect();
        (0u32..1 << takers.len())
            .map(|set| {
                let inside = |k: usize| set & (1 << k) != 0;
                let outside: i128 = (takers.iter().enumerate())
                    .filter(|&(k, _)| !inside(k))
                    .map(|(_, &t)| slots[t].over)
                    .sum();
                let neighbours: i128 = givers
                    .iter()
                    .filter(|&&g| {
                        (takers.iter().enumerate())
                            .any(|(k, &t)| inside(k) && shares(&slots[g].focus, &slots[t].focus))
                    })
                    .map(|&g| slots[g].spare)
                    .sum();
                outside + neighbours
            })
            .min()
            .unwrap_or(0)
    }

    #[test]
    fn the_repro_moves_fifty_thousand_within_focus_area_six() {
        // KFJH: 3.1 (2, 6) 450 000 of 400 000, 3.6 (5, 6) 77 436 of 127 436.
        let slots = [slot(&[2, 6], 0, 5_000_000), slot(&[5, 6], 5_000_000, 0)];
        assert_eq!(
            cover(&slots),
            vec![Flow {
                from: 1,
                to: 0,
                ore: 5_000_000
            }]
        );
        assert_eq!(shared(&[2, 6], &[5, 6]), vec![6]);
    }

    #[test]
    fn nothing_moves_without_a_shared_focus_area_or_with_none() {
        assert!(cover(&[slot(&[2], 0, 100), slot(&[5], 100, 0)]).is_empty());
        assert!(cover(&[slot(&[], 0, 100), slot(&[5], 100, 0)]).is_empty());
        assert!(cover(&[slot(&[5], 0, 100), slot(&[], 100, 0)]).is_empty());
    }

    #[test]
    fn a_partial_cover_moves_what_there_is() {
        let flows = cover(&[slot(&[6], 0, 6_000_000), slot(&[6], 5_000_000, 0)]);
        assert_eq!(covered(&flows), 5_000_000);
    }

    /// Region Jämtland Härjedalen 2026 (tester s36): 3.10 (area 3, focus 1, 4, 6) used 50 000
    /// kr above its 2 750 000; 1.5 (area 1, focus 1, 2, 5, 6, 7) left 20 000 of its 500 000,
    /// 3.8 (area 3, focus 1, 6) 50 000 of its 500 000. 3.8 covers it all, in its own area,
    /// although 1.5 comes first in the plan.
    #[test]
    fn a_line_of_the_same_area_covers_before_one_of_another() {
        let slots = [
            in_area(0, slot(&[1, 2, 5, 6, 7], 2_000_000, 0)),
            in_area(2, slot(&[1, 6], 5_000_000, 0)),
            in_area(2, slot(&[1, 4, 6], 0, 5_000_000)),
        ];
        assert_eq!(
            cover(&slots),
            vec![Flow {
                from: 1,
                to: 2,
                ore: 5_000_000
            }]
        );
        // What the area cannot cover comes from the other: 3.10 70 000 over.
        let slots = [
            in_area(0, slot(&[1, 2, 5, 6, 7], 2_000_000, 0)),
            in_area(2, slot(&[1, 6], 5_000_000, 0)),
            in_area(2, slot(&[1, 4, 6], 0, 7_000_000)),
        ];
        assert_eq!(
            cover(&slots),
            vec![
                Flow {
                    from: 0,
                    to: 2,
                    ore: 2_000_000
                },
                Flow {
                    from: 1,
                    to: 2,
                    ore: 5_000_000
                }
            ]
        );
    }

    /// Greedy in plan order would give A's only source to B, and leave A short: the largest
    /// flow gives B the other source instead.
    #[test]
    fn an_early_taker_does_not_take_the_only_source_of_a_later_one() {
        let slots = [
            slot(&[1, 2], 0, 100), // B: may take from X or Y
            slot(&[1], 100, 0),    // X: shares 1 with B and with A
            slot(&[2], 100, 0),    // Y: shares 2 with B only
            slot(&[1], 0, 100),    // A: may take from X only
        ];
        let flows = cover(&slots);
        assert_eq!(covered(&flows), 200);
        assert!(flows.contains(&Flow {
            from: 1,
            to: 3,
            ore: 100
        }));
        assert!(flows.contains(&Flow {
            from: 2,
            to: 0,
            ore: 100
        }));
    }

    fn slots() -> impl Strategy<Value = Vec<Slot>> {
        proptest::collection::vec(
            (
                proptest::collection::vec(1u32..5, 0..3),
                0i128..1_000,
                any::<bool>(),
                proptest::option::of(0usize..3),
            )
                .prop_map(|(focus, amount, gives, area)| {
                    let slot = match gives {
                        true => slot(&focus, amount, 0),
                        false => slot(&focus, 0, amount),
                    };
                    Slot { area, ..slot }
                }),
            0..9,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

        /// The flow is feasible (pairs that share a focus area, no slot giving more than it
        /// has or taking more than its excess) and as large as any: the minimum cut.
        #[test]
        fn the_cover_is_the_largest_flow(slots in slots()) {
            let flows = cover(&slots);
            for f in &flows {
                prop_assert!(f.ore > 0);
                prop_assert!(shares(&slots[f.from].focus, &slots[f.to].focus));
            }
            for (i, s) in slots.iter().enumerate() {
                let given: i128 = flows.iter().filter(|f| f.from == i).map(|f| f.ore).sum();
                let taken: i128 = flows.iter().filter(|f| f.to == i).map(|f| f.ore).sum();
                prop_assert!(given <= s.spare);
                prop_assert!(taken <= s.over);
            }
            prop_assert_eq!(covered(&flows), min_cut(&slots));
            // The same slots, the same moves.
            prop_assert_eq!(cover(&slots), flows.clone());
            // When the areas can cover as much on their own, nothing moves between two: the
            // same slots, each area's apart (its focus areas its own), cover as much.
            let apart: Vec<Slot> = slots
                .iter()
                .map(|s| Slot {
                    focus: match s.area {
                        Some(a) => s.focus.iter().map(|f| f * 10 + a as u32).collect(),
                        None => Vec::new(),
                    },
                    ..s.clone()
                })
                .collect();
            if min_cut(&apart) == covered(&flows) {
                for f in &flows {
                    prop_assert!(same_area(&slots[f.from], &slots[f.to]), "{f:?} {slots:?}");
                }
            }
        }
    }
}
