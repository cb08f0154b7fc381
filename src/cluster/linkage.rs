//! Average-linkage agglomerative clustering with a similarity threshold.
//!
//! Two clusters merge only while the *mean* similarity over all their cross pairs of documents is
//! at least the threshold. Unlike single linkage (connected components of the similarity graph),
//! a chain of pairwise-similar articles `a ~ b ~ c ~ ... ~ z` does not pull `a` and `z` together
//! unless the whole chain is similar on average: the property that keeps two earthquakes apart
//! when one article mentions both.
//!
//! The input is made of *units* (documents, or clusters fixed beforehand such as near-duplicate
//! groups or events) with the sum of document similarities between each pair of units, so that a
//! level can start from the partition of the level below and still average over documents.

/// Merges units while the best average similarity is at least `threshold`.
///
/// `sizes[u]` is the number of documents in unit `u`; `sums` is the `m × m` row-major matrix of
/// summed document similarities between units (the diagonal is ignored). Returns, for each unit,
/// the smallest unit index of its final cluster. Ties are broken by the smallest indices, so the
/// result is deterministic.
pub(crate) fn average_linkage(sizes: &[u32], sums: &mut [f64], threshold: f64) -> Vec<u32> {
    let m = sizes.len();
    assert_eq!(sums.len(), m * m, "sums must be m x m");
    let mut size: Vec<f64> = sizes.iter().map(|&s| f64::from(s.max(1))).collect();
    let mut active = vec![true; m];
    let mut rep: Vec<u32> = (0..m as u32).collect();
    let avg =
        |sums: &[f64], size: &[f64], a: usize, b: usize| sums[a * m + b] / (size[a] * size[b]);
    let best_of = |sums: &[f64], size: &[f64], active: &[bool], a: usize| -> (f64, usize) {
        let mut best = (f64::NEG_INFINITY, usize::MAX);
        for (b, &live) in active.iter().enumerate() {
            if b != a && live {
                let s = avg(sums, size, a, b);
                if s > best.0 {
                    best = (s, b);
                }
            }
        }
        best
    };
    let mut best: Vec<(f64, usize)> = (0..m).map(|a| best_of(sums, &size, &active, a)).collect();
    loop {
        let mut top = (f64::NEG_INFINITY, usize::MAX);
        for a in 0..m {
            if active[a] && best[a].0 > top.0 {
                top = (best[a].0, a);
            }
        }
        if top.1 == usize::MAX || top.0 < threshold {
            break;
        }
        let (x, y) = (top.1, best[top.1].1);
        let (a, b) = (x.min(y), x.max(y));
        for k in 0..m {
            if k != a && k != b {
                sums[a * m + k] += sums[b * m + k];
                sums[k * m + a] = sums[a * m + k];
            }
        }
        size[a] += size[b];
        active[b] = false;
        for r in &mut rep {
            if *r == b as u32 {
                *r = a as u32;
            }
        }
        best[a] = best_of(sums, &size, &active, a);
        for k in 0..m {
            if !active[k] || k == a {
                continue;
            }
            if best[k].1 == a || best[k].1 == b {
                best[k] = best_of(sums, &size, &active, k);
            } else {
                let s = avg(sums, &size, k, a);
                if s > best[k].0 || (s == best[k].0 && a < best[k].1) {
                    best[k] = (s, a);
                }
            }
        }
    }
    rep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(m: usize, edges: &[(usize, usize, f64)]) -> Vec<f64> {
        let mut s = vec![0.0; m * m];
        for &(a, b, w) in edges {
            s[a * m + b] = w;
            s[b * m + a] = w;
        }
        s
    }

    #[test]
    fn a_chain_does_not_merge_its_ends() {
        // 0-1-2-3-4: each neighbour similar, the ends not at all.
        let edges: Vec<_> = (0..4).map(|i| (i, i + 1, 0.5)).collect();
        let mut sums = matrix(5, &edges);
        let labels = average_linkage(&[1; 5], &mut sums, 0.3);
        assert_ne!(labels[0], labels[4]);
        // Single linkage would have merged everything; average linkage keeps pairs.
        assert_eq!(labels[0], labels[1]);
    }

    #[test]
    fn a_dense_cluster_merges_and_units_weigh_by_size() {
        let mut sums = matrix(4, &[(0, 1, 0.8), (0, 2, 0.7), (1, 2, 0.75), (2, 3, 0.1)]);
        assert_eq!(average_linkage(&[1; 4], &mut sums, 0.3), vec![0, 0, 0, 3]);
        // Unit 1 holds 3 documents: sums are over document pairs.
        let mut sums = matrix(2, &[(0, 1, 0.9)]);
        assert_eq!(average_linkage(&[1, 3], &mut sums, 0.31), vec![0, 1]);
        let mut sums = matrix(2, &[(0, 1, 0.9)]);
        assert_eq!(average_linkage(&[1, 3], &mut sums, 0.3), vec![0, 0]);
    }
}
