//! Weighted 64-bit SimHash (Charikar 2002).

use super::shingle::fmix64;

/// A 64-bit SimHash: similar feature multisets give fingerprints at a small Hamming distance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SimHash(pub u64);

impl SimHash {
    /// Number of differing bits.
    pub fn hamming(self, other: SimHash) -> u32 {
        (self.0 ^ other.0).count_ones()
    }
}

/// Builds weighted SimHashes: each feature (a shingle hash) votes on each of the 64 bits with its
/// weight, `+w` where its (seeded, re-mixed) hash has a one and `-w` where it has a zero; a bit of
/// the fingerprint is set where the sum is positive.
///
/// Feeding every occurrence of a shingle weighs features by their term frequency.
///
/// ```
/// use crosscheck::fingerprint::{Shingler, SimHasher};
///
/// let s = Shingler::new(2);
/// let h = SimHasher::new(7);
/// let a = h.sketch(s.hashes("the ministry said on friday that the talks in geneva would resume \
///     next week after a pause of two months"));
/// let b = h.sketch(s.hashes("the ministry said on friday that the talks in geneva would resume \
///     next month after a pause of two months"));
/// let c = h.sketch(s.hashes("heavy rain flooded the valley and closed the main road to the city"));
/// assert!(a.hamming(b) < a.hamming(c));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SimHasher {
    seed: u64,
}

impl SimHasher {
    /// A hasher with a seed.
    pub fn new(seed: u64) -> SimHasher {
        SimHasher { seed }
    }

    /// An empty accumulator.
    pub fn start(&self) -> SimHashBuilder {
        SimHashBuilder {
            seed: self.seed,
            ones: [0; 64],
            total: 0,
        }
    }

    /// The SimHash of features with weight 1 each (repeats add up).
    pub fn sketch(&self, features: impl IntoIterator<Item = u64>) -> SimHash {
        let mut b = self.start();
        for f in features {
            b.push(f, 1);
        }
        b.finish()
    }
}

/// Accumulates one SimHash. See [`SimHasher::start`].
#[derive(Debug, Clone)]
pub struct SimHashBuilder {
    seed: u64,
    /// Per bit, the total weight of features with a one there.
    ones: [i64; 64],
    total: i64,
}

impl SimHashBuilder {
    /// Adds a feature with a weight.
    #[inline]
    pub fn push(&mut self, feature: u64, weight: u32) {
        let h = fmix64(feature ^ self.seed);
        let w = i64::from(weight);
        for (bit, slot) in self.ones.iter_mut().enumerate() {
            *slot += ((h >> bit) & 1) as i64 * w;
        }
        self.total += w;
    }

    /// The fingerprint: bit `i` is set where the features with a one at `i` outweigh the others.
    pub fn finish(self) -> SimHash {
        let mut out = 0u64;
        for (bit, &ones) in self.ones.iter().enumerate() {
            if 2 * ones > self.total {
                out |= 1 << bit;
            }
        }
        SimHash(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_feature_gives_its_hash() {
        let h = SimHasher::new(3);
        assert_eq!(h.sketch([42]).0, fmix64(42 ^ 3));
        assert_eq!(h.sketch([]).0, 0);
    }

    #[test]
    fn weights_decide_ties() {
        let h = SimHasher::new(0);
        let mut b = h.start();
        b.push(1, 3);
        b.push(2, 1);
        assert_eq!(b.finish(), h.sketch([1]));
    }

    #[test]
    fn small_edits_move_few_bits() {
        let h = SimHasher::new(9);
        let a = h.sketch(0..500u64);
        let b = h.sketch(5..500u64);
        let c = h.sketch(1000..1500u64);
        assert!(a.hamming(b) <= 8, "{}", a.hamming(b));
        assert!(a.hamming(c) >= 16, "{}", a.hamming(c));
    }
}
