//! Word shingles hashed to `u64` in one pass over the text.

use std::cell::RefCell;

use crate::text::for_each_token;

/// The largest supported shingle length, in words.
pub const MAX_SHINGLE: usize = 8;

/// Seed of the token hash (xxh3). Changing it changes every fingerprint.
const TOKEN_SEED: u64 = 0x6372_6f73_7363_6865; // "crossche"

/// The 64-bit finalizer of MurmurHash3: a bijection with full avalanche.
#[inline]
pub(crate) fn fmix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// Hashes word n-grams (shingles) of normalized text to `u64`.
///
/// Each token (see [`crate::text`]) is hashed with xxh3 under a fixed seed; a shingle's hash is an
/// order-sensitive combination of its `n` token hashes, finalized with a full-avalanche mix. So the
/// hashes are stable across runs, machines and Rust versions (no std `Hash`), and computing them
/// costs one xxh3 per token plus a few multiplications, without allocating per token or shingle.
///
/// A text with fewer than `n` tokens (but at least one) has a single shingle made of all its
/// tokens; a text without tokens has no shingles.
///
/// ```
/// use crosscheck::fingerprint::Shingler;
///
/// let s = Shingler::new(3);
/// let a = s.hashes("The cat sat on the mat.");
/// assert_eq!(a.len(), 4); // the cat sat, cat sat on, sat on the, on the mat
/// // Normalization: case, punctuation and curly quotes do not matter.
/// assert_eq!(a, s.hashes("“the CAT sat” — on the mat"));
/// assert_eq!(s.hashes("two words").len(), 1);
/// assert!(s.hashes("...").is_empty());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shingler {
    n: usize,
}

impl Shingler {
    /// Shingles of `n` words. Panics unless `1 <= n <= MAX_SHINGLE`.
    pub fn new(n: usize) -> Shingler {
        assert!(
            (1..=MAX_SHINGLE).contains(&n),
            "shingle length must be in 1..={MAX_SHINGLE}, not {n}"
        );
        Shingler { n }
    }

    /// The shingle length in words.
    pub fn n(&self) -> usize {
        self.n
    }

    /// Calls `f` with the hash of every shingle of `text`, in order (repeated shingles repeat).
    pub fn for_each(&self, text: &str, mut f: impl FnMut(u64)) {
        let n = self.n;
        if n == 1 {
            // The same hashes as below, without the ring.
            for_each_token(text, |_, token| {
                let t = xxhash_rust::xxh3::xxh3_64_with_seed(token.as_bytes(), TOKEN_SEED);
                f(fmix64(
                    (1u64.rotate_left(23) ^ t).wrapping_mul(0x9e37_79b9_7f4a_7c15),
                ));
            });
            return;
        }
        let mut ring = [0u64; MAX_SHINGLE];
        let mut seen = 0usize;
        for_each_token(text, |_, token| {
            ring[seen % n] = xxhash_rust::xxh3::xxh3_64_with_seed(token.as_bytes(), TOKEN_SEED);
            seen += 1;
            if seen >= n {
                f(combine(&ring, seen, n, n));
            }
        });
        if (1..n).contains(&seen) {
            f(combine(&ring, seen, seen, n));
        }
    }

    /// The shingle hashes of `text`, in order.
    pub fn hashes(&self, text: &str) -> Vec<u64> {
        let mut out = Vec::new();
        self.for_each(text, |h| out.push(h));
        out
    }
}

/// Combines the last `len` token hashes (of `seen`, stored in a ring of size `n`) in order.
#[inline]
fn combine(ring: &[u64; MAX_SHINGLE], seen: usize, len: usize, n: usize) -> u64 {
    let mut h = len as u64;
    for i in seen - len..seen {
        h = (h.rotate_left(23) ^ ring[i % n]).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fmix64(h)
}

/// A set of shingle hashes kept as sorted, distinct 32-bit values: 4 bytes per distinct shingle.
///
/// Used to verify candidate pairs with an exact Jaccard similarity. Truncating hashes to 32 bits
/// makes two distinct shingles collide with probability 2⁻³²; between two 1,000-shingle articles
/// that is about 2·10⁻⁴ expected collisions, each moving the Jaccard by 0.001 at most.
///
/// ```
/// use crosscheck::fingerprint::{ShingleSet, Shingler};
///
/// let s = Shingler::new(1);
/// let a = ShingleSet::of(&s, "a b c d");
/// let b = ShingleSet::of(&s, "a b c e");
/// assert_eq!(a.len(), 4);
/// assert_eq!(a.jaccard(&b), 3.0 / 5.0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ShingleSet(Box<[u32]>);

impl ShingleSet {
    /// The distinct shingles of `text`.
    pub fn of(shingler: &Shingler, text: &str) -> ShingleSet {
        HASHES.with_borrow_mut(|v| {
            v.clear();
            shingler.for_each(text, |h| v.push(ShingleSet::hash32(h)));
            ShingleSet::from_slice(v)
        })
    }

    /// The 32-bit hash a set keeps of a shingle hash from [`Shingler::for_each`].
    #[inline]
    pub fn hash32(h: u64) -> u32 {
        (h >> 32) as u32
    }

    /// A set from 32-bit hashes ([`ShingleSet::hash32`]) in any order, with repeats.
    pub fn from_hashes(v: Vec<u32>) -> ShingleSet {
        ShingleSet::from_slice(&v)
    }

    /// A set from 32-bit hashes ([`ShingleSet::hash32`]) in any order, with repeats, borrowed:
    /// one allocation, of the set's exact size (the sorting happens in a per-thread buffer).
    pub fn from_slice(hashes: &[u32]) -> ShingleSet {
        SORTED.with_borrow_mut(|(out, buckets)| {
            sort_into(hashes, out, buckets);
            out.dedup();
            ShingleSet(out.as_slice().into())
        })
    }

    /// Number of distinct shingles.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True for a text without shingles.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The sorted hashes.
    pub fn as_slice(&self) -> &[u32] {
        &self.0
    }

    /// Size of the intersection, by a merge of the two sorted lists.
    pub fn intersection(&self, other: &ShingleSet) -> usize {
        let (a, b) = (&*self.0, &*other.0);
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            let (x, y) = (a[i], b[j]);
            n += usize::from(x == y);
            i += usize::from(x <= y);
            j += usize::from(y <= x);
        }
        n
    }

    /// Jaccard similarity |A ∩ B| / |A ∪ B|; 0 when both are empty.
    pub fn jaccard(&self, other: &ShingleSet) -> f64 {
        let inter = self.intersection(other);
        let union = self.len() + other.len() - inter;
        if union == 0 {
            0.0
        } else {
            inter as f64 / union as f64
        }
    }
}

thread_local! {
    /// Per-thread buffers of [`ShingleSet::of`] and [`ShingleSet::from_slice`].
    static HASHES: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
    static SORTED: RefCell<(Vec<u32>, Vec<u32>)> = const { RefCell::new((Vec::new(), Vec::new())) };
}

/// Sorts `v`, whose values are uniformly distributed hashes, into `out`: a counting pass
/// scatters them into about `len / 2` buckets by their top bits (so they are in order up to a
/// bucket), then an insertion sort finishes within the buckets, moving each value by about one
/// place. For the few hundred hashes of an article that is about 5 times fewer instructions
/// than a comparison sort.
/// `buckets` is scratch space.
fn sort_into(v: &[u32], out: &mut Vec<u32>, buckets: &mut Vec<u32>) {
    let n = v.len();
    out.clear();
    if n <= 32 {
        out.extend_from_slice(v);
        out.sort_unstable();
        return;
    }
    let bits = (usize::BITS - (n / 2).leading_zeros()).clamp(4, 16);
    let shift = 32 - bits;
    buckets.clear();
    buckets.resize(1 << bits, 0);
    let next = &mut buckets[..];
    for &x in v {
        next[(x >> shift) as usize] += 1;
    }
    let mut sum = 0;
    for slot in next.iter_mut() {
        let count = *slot;
        *slot = sum;
        sum += count;
    }
    out.resize(n, 0);
    for &x in v {
        let slot = &mut next[(x >> shift) as usize];
        out[*slot as usize] = x;
        *slot += 1;
    }
    for i in 1..n {
        let x = out[i];
        let mut j = i;
        while j > 0 && out[j - 1] > x {
            out[j] = out[j - 1];
            j -= 1;
        }
        out[j] = x;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn sort_into_sorts(mut v in proptest::collection::vec(proptest::num::u32::ANY, 0..600), small in proptest::bool::ANY) {
            if small {
                for x in &mut v {
                    *x &= 0xf0ff_0f00; // many values in few buckets
                }
            }
            let mut want = v.clone();
            want.sort_unstable();
            let (mut got, mut buckets) = (vec![7; 3], vec![9; 5]);
            sort_into(&v, &mut got, &mut buckets);
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn hashes_are_stable() {
        // Pinned: a change here changes every stored fingerprint.
        let s = Shingler::new(2);
        let h = s.hashes("Putin said");
        assert_eq!(h.len(), 1);
        assert_eq!(h, Shingler::new(2).hashes("putin — SAID"));
        assert_ne!(Shingler::new(2).hashes("said putin"), h, "order matters");
    }

    #[test]
    fn one_word_shingles_match_the_ring() {
        let text = "The cat sat on the mat, said U.S. officials — 50,000 of them.";
        let mut want = Vec::new();
        for_each_token(text, |_, t| {
            let mut ring = [0u64; MAX_SHINGLE];
            ring[0] = xxhash_rust::xxh3::xxh3_64_with_seed(t.as_bytes(), TOKEN_SEED);
            want.push(combine(&ring, 1, 1, 1));
        });
        assert_eq!(Shingler::new(1).hashes(text), want);
    }

    #[test]
    fn short_texts_have_one_shingle() {
        let s = Shingler::new(5);
        assert_eq!(s.hashes("one two three").len(), 1);
        assert_ne!(s.hashes("one two three"), s.hashes("one two"));
        assert_eq!(s.hashes("one two three four five").len(), 1);
        assert_eq!(s.hashes("one two three four five six").len(), 2);
    }

    #[test]
    fn jaccard_edges() {
        let s = Shingler::new(1);
        let empty = ShingleSet::of(&s, "");
        assert_eq!(empty.jaccard(&empty), 0.0);
        let a = ShingleSet::of(&s, "x y y z");
        assert_eq!(a.len(), 3);
        assert_eq!(a.jaccard(&a), 1.0);
        assert_eq!(a.jaccard(&empty), 0.0);
    }
}
