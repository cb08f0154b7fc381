//! One-permutation MinHash with optimal densification.

use super::shingle::fmix64;

/// Marks a bin that no shingle fell into (before densification).
const EMPTY: u32 = u32::MAX;

/// A MinHash signature: `k` 32-bit values whose pairwise agreement rate estimates the Jaccard
/// similarity of the shingle sets they came from.
///
/// Invariant: built by a [`MinHasher`], so two signatures from the same hasher have the same
/// length and are comparable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinHash(Box<[u32]>);

impl MinHash {
    /// The values, one per bin.
    pub fn values(&self) -> &[u32] {
        &self.0
    }

    /// Number of values (`k`).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True for a zero-length signature (never built by a [`MinHasher`]).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The share of equal values: an unbiased estimate of the Jaccard similarity, with standard
    /// error about `sqrt(J (1 - J) / k)` (0.035 at J = 0.8, k = 128).
    ///
    /// Panics if the signatures have different lengths (they come from different hashers).
    pub fn estimate_jaccard(&self, other: &MinHash) -> f64 {
        assert_eq!(self.len(), other.len(), "signatures from different hashers");
        let equal = self.0.iter().zip(&*other.0).filter(|(a, b)| a == b).count();
        equal as f64 / self.len() as f64
    }
}

/// Builds [`MinHash`] signatures by one-permutation hashing (Li, Owen & Zhang 2012) with optimal
/// densification (Shrivastava 2017).
///
/// Each shingle hash is used once: its high 32 bits pick one of `k` bins, its low 32 bits are the
/// value, and each bin keeps its minimum. That is one multiply and one compare per shingle,
/// instead of `k` hash evaluations for classic k-permutation MinHash. Bins that no shingle fell
/// into (short texts) borrow the value of a non-empty bin chosen by a seeded hash of
/// (bin, attempt), the same sequence for every document, which keeps the collision probability of
/// each bin equal to the Jaccard similarity.
///
/// ```
/// use crosscheck::fingerprint::{MinHasher, Shingler};
///
/// let shingler = Shingler::new(3);
/// let hasher = MinHasher::new(128, 42);
/// let a = hasher.sketch(shingler.hashes("Russian President Vladimir Putin on Friday said that \
///     any Western military forces deployed in Ukraine would be legitimate targets."));
/// let b = hasher.sketch(shingler.hashes("Russian President Vladimir Putin on Friday said that \
///     any Western military forces deployed in Ukraine would be legitimate military targets."));
/// let j = a.estimate_jaccard(&b);
/// assert!(j > 0.6 && j < 1.0, "{j}");
/// assert_eq!(a.estimate_jaccard(&a), 1.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MinHasher {
    k: usize,
    seed: u64,
}

impl MinHasher {
    /// `k` bins (values per signature) and a seed. Panics unless `1 <= k <= 65536`.
    pub fn new(k: usize, seed: u64) -> MinHasher {
        assert!((1..=65536).contains(&k), "k must be in 1..=65536, not {k}");
        MinHasher { k, seed }
    }

    /// Number of values per signature.
    pub fn k(&self) -> usize {
        self.k
    }

    /// An empty accumulator, to feed shingle hashes one at a time.
    pub fn start(&self) -> MinHashBuilder {
        MinHashBuilder {
            hasher: *self,
            bins: vec![EMPTY; self.k].into_boxed_slice(),
            count: 0,
        }
    }

    /// The signature of a set of shingle hashes (repeats do not matter).
    pub fn sketch(&self, hashes: impl IntoIterator<Item = u64>) -> MinHash {
        let mut b = self.start();
        for h in hashes {
            b.push(h);
        }
        b.finish()
    }
}

/// Accumulates one signature. See [`MinHasher::start`].
#[derive(Debug, Clone)]
pub struct MinHashBuilder {
    hasher: MinHasher,
    bins: Box<[u32]>,
    count: u64,
}

impl MinHashBuilder {
    /// Adds one shingle hash.
    #[inline]
    pub fn push(&mut self, h: u64) {
        let h = fmix64(h ^ self.hasher.seed);
        let bin = (((h >> 32) * self.hasher.k as u64) >> 32) as usize;
        let value = (h as u32).min(EMPTY - 1);
        let slot = &mut self.bins[bin];
        *slot = (*slot).min(value);
        self.count += 1;
    }

    /// Number of hashes pushed (with repeats).
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Densifies and returns the signature. With no hashes at all, every value is `u32::MAX`.
    pub fn finish(mut self) -> MinHash {
        let k = self.hasher.k as u64;
        if self.count > 0 && self.bins.contains(&EMPTY) {
            let filled: Vec<bool> = self.bins.iter().map(|&v| v != EMPTY).collect();
            for i in 0..self.bins.len() {
                if filled[i] {
                    continue;
                }
                let mut attempt = 0u64;
                loop {
                    let r = fmix64(self.hasher.seed ^ ((i as u64) << 32 | attempt) ^ 0x5bd1_e995);
                    let j = (((r >> 32) * k) >> 32) as usize;
                    if filled[j] {
                        self.bins[i] = self.bins[j];
                        break;
                    }
                    attempt += 1;
                }
            }
        }
        MinHash(self.bins)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(range: std::ops::Range<u64>) -> impl Iterator<Item = u64> {
        range.map(|x| x.wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    #[test]
    fn estimate_is_close_to_jaccard() {
        let hasher = MinHasher::new(256, 7);
        // |A ∩ B| = 800, |A ∪ B| = 1200: J = 2/3.
        let a = hasher.sketch(set(0..1000));
        let b = hasher.sketch(set(200..1200));
        let j = a.estimate_jaccard(&b);
        assert!((j - 2.0 / 3.0).abs() < 0.1, "{j}");
    }

    #[test]
    fn densification_is_consistent_across_documents() {
        // Tiny sets leave most bins empty; identical sets must still give identical signatures,
        // and disjoint ones must not agree much.
        let hasher = MinHasher::new(128, 1);
        assert_eq!(hasher.sketch(set(0..3)), hasher.sketch(set(0..3)));
        let j = hasher
            .sketch(set(0..3))
            .estimate_jaccard(&hasher.sketch(set(3..6)));
        assert!(j < 0.3, "{j}");
        assert!(
            hasher
                .sketch(set(0..3))
                .values()
                .iter()
                .all(|&v| v != EMPTY)
        );
    }

    #[test]
    fn empty_input_gives_empty_bins() {
        let hasher = MinHasher::new(16, 1);
        assert!(hasher.sketch([]).values().iter().all(|&v| v == EMPTY));
    }

    #[test]
    fn seed_changes_the_signature() {
        assert_ne!(
            MinHasher::new(64, 1).sketch(set(0..50)),
            MinHasher::new(64, 2).sketch(set(0..50))
        );
    }
}
