//! B-cubed precision, recall and F1 of a clustering against the truth.

use std::collections::HashMap;
use std::hash::Hash;

/// B-cubed scores (Bagga and Baldwin, 1998), each in `[0, 1]`.
///
/// For every item, precision is the share of its predicted cluster that is in its true cluster,
/// and recall the share of its true cluster that is in its predicted cluster; both are averaged
/// over items, and F1 is their harmonic mean.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BCubed {
    /// Mean per-item precision.
    pub precision: f64,
    /// Mean per-item recall.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

/// Scores the `predicted` labels against the `truth` labels (one of each per item, same order).
///
/// ```
/// use crosscheck::cluster::bcubed;
///
/// let perfect = bcubed(&["x", "x", "y"], &[1, 1, 2]);
/// assert_eq!(perfect.f1, 1.0);
/// let merged = bcubed(&["x", "x", "x"], &[1, 1, 2]);
/// assert_eq!(merged.recall, 1.0);
/// assert!((merged.precision - 5.0 / 9.0).abs() < 1e-12);
/// ```
///
/// Panics if the two slices differ in length. An empty input scores 1.
pub fn bcubed<P: Eq + Hash, T: Eq + Hash>(predicted: &[P], truth: &[T]) -> BCubed {
    assert_eq!(predicted.len(), truth.len(), "one label of each per item");
    let n = predicted.len();
    if n == 0 {
        return BCubed {
            precision: 1.0,
            recall: 1.0,
            f1: 1.0,
        };
    }
    let mut pred_size: HashMap<&P, usize> = HashMap::new();
    let mut true_size: HashMap<&T, usize> = HashMap::new();
    let mut both: HashMap<(&P, &T), usize> = HashMap::new();
    for (p, t) in predicted.iter().zip(truth) {
        *pred_size.entry(p).or_default() += 1;
        *true_size.entry(t).or_default() += 1;
        *both.entry((p, t)).or_default() += 1;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for (p, t) in predicted.iter().zip(truth) {
        let common = both[&(p, t)] as f64;
        precision += common / pred_size[p] as f64;
        recall += common / true_size[t] as f64;
    }
    precision /= n as f64;
    recall /= n as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    BCubed {
        precision,
        recall,
        f1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singletons_have_full_precision() {
        let s = bcubed(&[1, 2, 3, 4], &["a", "a", "b", "b"]);
        assert_eq!(s.precision, 1.0);
        assert_eq!(s.recall, 0.5);
        assert!((s.f1 - 2.0 / 3.0).abs() < 1e-12);
    }
}
