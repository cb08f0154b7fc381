//! Disjoint sets over dense indices `0..n`.

/// Disjoint-set forest with union by size and path halving.
///
/// The partition it builds does not depend on the order of [`UnionFind::union`] calls, so it is
/// safe to feed it pairs found in parallel; which element ends up as a set's internal root does
/// depend on order, so callers that need a stable label use [`UnionFind::sets`], whose sets are
/// sorted by their smallest member.
///
/// ```
/// use crosscheck::cluster::UnionFind;
///
/// let mut uf = UnionFind::new(5);
/// uf.union(3, 1);
/// uf.union(4, 3);
/// assert!(uf.same(1, 4));
/// assert_eq!(uf.sets(), vec![vec![0], vec![1, 3, 4], vec![2]]);
/// ```
#[derive(Debug, Clone)]
pub struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    /// `n` singleton sets. Panics if `n` does not fit in a `u32`.
    pub fn new(n: usize) -> UnionFind {
        let n32 = u32::try_from(n).expect("at most u32::MAX elements");
        UnionFind {
            parent: (0..n32).collect(),
            size: vec![1; n],
        }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.parent.len()
    }

    /// True when there are no elements.
    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    /// The root of `x`'s set.
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] as usize != x {
            let grandparent = self.parent[self.parent[x] as usize];
            self.parent[x] = grandparent;
            x = grandparent as usize;
        }
        x
    }

    /// Merges the sets of `a` and `b`. Returns false if they were already one set.
    pub fn union(&mut self, a: usize, b: usize) -> bool {
        let (mut ra, mut rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        if self.size[ra] < self.size[rb] || (self.size[ra] == self.size[rb] && rb < ra) {
            std::mem::swap(&mut ra, &mut rb);
        }
        self.parent[rb] = ra as u32;
        self.size[ra] += self.size[rb];
        true
    }

    /// Merges the partition of `other` (over as many elements) into this one: afterwards two
    /// elements share a set when they shared one in either. Panics if the lengths differ.
    ///
    /// ```
    /// use crosscheck::cluster::UnionFind;
    ///
    /// let (mut a, mut b) = (UnionFind::new(4), UnionFind::new(4));
    /// a.union(0, 1);
    /// b.union(1, 2);
    /// a.absorb(&mut b);
    /// assert_eq!(a.sets(), vec![vec![0, 1, 2], vec![3]]);
    /// ```
    pub fn absorb(&mut self, other: &mut UnionFind) {
        assert_eq!(self.len(), other.len(), "partitions of the same elements");
        for x in 0..other.len() {
            let r = other.find(x);
            if r != x {
                self.union(x, r);
            }
        }
    }

    /// True when `a` and `b` are in the same set.
    pub fn same(&mut self, a: usize, b: usize) -> bool {
        self.find(a) == self.find(b)
    }

    /// For each element, the smallest member of its set: a label that depends only on the
    /// partition.
    pub fn min_labels(&mut self) -> Vec<u32> {
        let n = self.len();
        let mut min_of_root = vec![u32::MAX; n];
        for x in 0..n {
            let r = self.find(x);
            min_of_root[r] = min_of_root[r].min(x as u32);
        }
        (0..n).map(|x| min_of_root[self.find(x)]).collect()
    }

    /// The sets, each sorted, ordered by their smallest member.
    pub fn sets(&mut self) -> Vec<Vec<usize>> {
        let labels = self.min_labels();
        let mut index = vec![usize::MAX; labels.len()];
        let mut sets: Vec<Vec<usize>> = Vec::new();
        for (x, &label) in labels.iter().enumerate() {
            let slot = &mut index[label as usize];
            if *slot == usize::MAX {
                *slot = sets.len();
                sets.push(Vec::new());
            }
            sets[*slot].push(x);
        }
        sets
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn partition_does_not_depend_on_union_order(
            pairs in proptest::collection::vec((0usize..30, 0usize..30), 0..60),
        ) {
            let mut forward = UnionFind::new(30);
            for &(a, b) in &pairs {
                forward.union(a, b);
            }
            let mut backward = UnionFind::new(30);
            for &(a, b) in pairs.iter().rev() {
                backward.union(b, a);
            }
            proptest::prop_assert_eq!(forward.sets(), backward.sets());
            proptest::prop_assert_eq!(forward.min_labels(), backward.min_labels());
        }

        #[test]
        fn absorbing_the_shares_is_one_pass_over_all_pairs(
            pairs in proptest::collection::vec((0usize..30, 0usize..30), 0..60),
            cut in 0usize..60,
        ) {
            let mut all = UnionFind::new(30);
            for &(a, b) in &pairs {
                all.union(a, b);
            }
            let cut = cut.min(pairs.len());
            let (mut first, mut second) = (UnionFind::new(30), UnionFind::new(30));
            for &(a, b) in &pairs[..cut] {
                first.union(a, b);
            }
            for &(a, b) in &pairs[cut..] {
                second.union(a, b);
            }
            first.absorb(&mut second);
            proptest::prop_assert_eq!(first.sets(), all.sets());
        }
    }
}
