//! Trees of `parent` links: the actors (with the kommuner under the group of kommuner) and the
//! summary headings. Links that would make a cycle are found and cut before the tree is built,
//! so every node is reached exactly once and no walk can loop.
//!
//! Each node gets its place in a depth-first walk (roots and children in plan order):
//! `enter` is its position, `exit` the position after its last descendant. Whether a node is
//! under another is then two comparisons, and the descendants of a node are one contiguous
//! stretch of `preorder`.

/// A forest over nodes `0..n`, built from acyclic parent links.
#[derive(Clone, Debug, Default)]
pub struct Forest {
    pub parent: Vec<Option<usize>>,
    pub children: Vec<Vec<usize>>,
    /// Nodes in depth-first order, each before its children.
    pub preorder: Vec<usize>,
    /// Each node's position in `preorder`.
    pub enter: Vec<usize>,
    /// The position after the node's last descendant.
    pub exit: Vec<usize>,
    pub depth: Vec<usize>,
    /// The top-level node each node is under (itself for a root).
    root: Vec<usize>,
}

impl Forest {
    /// Builds the forest; `parent` must have no cycles (see `cut_cycles`).
    pub fn new(parent: Vec<Option<usize>>) -> Forest {
        let n = parent.len();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut roots = Vec::new();
        for (node, p) in parent.iter().enumerate() {
            match p.and_then(|p| children.get_mut(p)) {
                Some(siblings) => siblings.push(node),
                None => roots.push(node),
            }
        }
        let mut preorder = Vec::with_capacity(n);
        let mut enter = vec![0; n];
        let mut exit = vec![0; n];
        let mut depth = vec![0; n];
        let mut root: Vec<usize> = (0..n).collect();
        // Iterative, so that a chain of 20 000 sub-headings needs no deep recursion: a node is
        // entered when first popped and left when popped the second time.
        let mut stack: Vec<(usize, bool)> = roots.iter().rev().map(|&r| (r, false)).collect();
        while let Some((node, done)) = stack.pop() {
            if done {
                if let Some(e) = exit.get_mut(node) {
                    *e = preorder.len();
                }
                continue;
            }
            if let Some(e) = enter.get_mut(node) {
                *e = preorder.len();
            }
            preorder.push(node);
            stack.push((node, true));
            let d = depth.get(node).copied().unwrap_or(0);
            let r = root.get(node).copied().unwrap_or(node);
            for &child in children
                .get(node)
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .rev()
            {
                if let Some(cd) = depth.get_mut(child) {
                    *cd = d + 1;
                }
                if let Some(cr) = root.get_mut(child) {
                    *cr = r;
                }
                stack.push((child, false));
            }
        }
        Forest {
            parent,
            children,
            preorder,
            enter,
            exit,
            depth,
            root,
        }
    }

    /// Whether `node` is `ancestor` or under it.
    pub fn contains(&self, ancestor: usize, node: usize) -> bool {
        match (
            self.enter.get(ancestor),
            self.exit.get(ancestor),
            self.enter.get(node),
        ) {
            (Some(&a), Some(&b), Some(&n)) => a <= n && n < b,
            _ => false,
        }
    }

    /// `ancestor` and everything under it, in depth-first order.
    pub fn subtree(&self, ancestor: usize) -> &[usize] {
        match (self.enter.get(ancestor), self.exit.get(ancestor)) {
            (Some(&a), Some(&b)) => self.preorder.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Nodes that are deepest first, so that adding each node's total to its parent's, in
    /// this order, gives every node the total of its subtree.
    pub fn bottom_up(&self) -> impl Iterator<Item = usize> + '_ {
        self.preorder.iter().rev().copied()
    }

    /// The top-level node above `node` (itself for a root).
    pub fn root_of(&self, node: usize) -> usize {
        self.root.get(node).copied().unwrap_or(node)
    }
}

/// Finds the nodes on cycles of `parent` links and cuts their links, so that they become roots.
/// Returns the nodes that were on a cycle, in index order. Each node is walked once.
pub fn cut_cycles(parent: &mut [Option<usize>]) -> Vec<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        OnWalk,
        Done,
    }
    let n = parent.len();
    let mut state = vec![State::New; n];
    let mut on_cycle = vec![false; n];
    for start in 0..n {
        let mut walk = Vec::new();
        let mut current = Some(start);
        while let Some(node) = current {
            match state.get(node).copied() {
                Some(State::New) => {
                    if let Some(s) = state.get_mut(node) {
                        *s = State::OnWalk;
                    }
                    walk.push(node);
                    current = parent.get(node).copied().flatten();
                }
                Some(State::OnWalk) => {
                    // Back on this walk: from `node` on, the walk goes round.
                    let from = walk.iter().position(|&w| w == node).unwrap_or(walk.len());
                    for &w in walk.get(from..).unwrap_or(&[]) {
                        if let Some(c) = on_cycle.get_mut(w) {
                            *c = true;
                        }
                    }
                    current = None;
                }
                Some(State::Done) | None => current = None,
            }
        }
        for w in walk {
            if let Some(s) = state.get_mut(w) {
                *s = State::Done;
            }
        }
    }
    let cycle: Vec<usize> = (0..n)
        .filter(|&i| on_cycle.get(i).copied().unwrap_or(false))
        .collect();
    for &i in &cycle {
        if let Some(p) = parent.get_mut(i) {
            *p = None;
        }
    }
    cycle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preorder_places_and_subtrees() {
        // 0 ← 1 ← 2, 0 ← 3, 4 alone.
        let f = Forest::new(vec![None, Some(0), Some(1), Some(0), None]);
        assert_eq!(f.preorder, [0, 1, 2, 3, 4]);
        assert_eq!(f.depth, [0, 1, 2, 1, 0]);
        assert!(f.contains(0, 2) && f.contains(1, 2) && !f.contains(3, 2));
        assert!(!f.contains(0, 4));
        assert_eq!(f.subtree(1), [1, 2]);
        assert_eq!(f.root_of(2), 0);
    }

    #[test]
    fn cycles_are_cut_and_nodes_below_them_kept() {
        // 0 → 1 → 2 → 0 is a cycle; 3 hangs below it; 4 is its own parent.
        let mut parent = vec![Some(1), Some(2), Some(0), Some(2), Some(4)];
        assert_eq!(cut_cycles(&mut parent), [0, 1, 2, 4]);
        assert_eq!(parent, [None, None, None, Some(2), None]);
        let f = Forest::new(parent);
        assert_eq!(f.preorder.len(), 5);
    }

    #[test]
    fn a_long_chain_is_walked_without_recursion() {
        let n = 100_000;
        let parent: Vec<Option<usize>> = (0..n).map(|i: usize| i.checked_sub(1)).collect();
        let f = Forest::new(parent);
        assert_eq!(f.depth[n - 1], n - 1);
        assert!(f.contains(0, n - 1));
    }
}
