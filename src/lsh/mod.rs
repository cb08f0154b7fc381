//! Candidate pairs without comparing every pair: MinHash LSH bands and SimHash permutation
//! tables.
//!
//! # MinHash LSH: bands × rows from the threshold
//!
//! A signature of `k` values is cut into `b` bands of `r` rows (`b·r <= k`). Two documents become
//! candidates when all `r` values of at least one band agree. With Jaccard similarity `J`, each
//! value agrees with probability `J`, so the probability of becoming a candidate is the S-curve
//!
//! ```text
//! P(J) = 1 - (1 - J^r)^b
//! ```
//!
//! which is low below the threshold and close to 1 above it. [`LshParams::for_threshold`] picks
//! the largest `r` (the fewest candidates to verify) whose curve still gives
//! `P(threshold) >= 0.995`; every candidate is verified afterwards, so a missed pair is the only
//! error that LSH can make. With `k = 128`:
//!
//! | threshold | b × r  | P(t - 0.3) | P(t - 0.1) | P(t) | P(t + 0.05) |
//! |-----------|--------|------------|------------|------|-------------|
//! | 0.5       | 42 × 3 | 0.29       | 0.94       | 0.996| 0.9995      |
//! | 0.8       | 21 × 6 | 0.28       | 0.93       | 0.998| 0.99995     |
//! | 0.9       | 14 × 9 | 0.13       | 0.87       | 0.999| 1.0         |
//!
//! With `k = 256` (the default of [`crate::dedup`]) the curve is steeper:
//!
//! | threshold | b × r   | P(t - 0.3) | P(t - 0.1) | P(t)  | P(t + 0.05) |
//! |-----------|---------|------------|------------|-------|-------------|
//! | 0.5       | 85 × 3  | 0.49       | 0.996      | 0.99999 | 1.0       |
//! | 0.8       | 32 × 8  | 0.12       | 0.85       | 0.997 | 0.99996     |
//! | 0.9       | 19 × 13 | 0.02       | 0.66       | 0.996 | 1.0         |
//!
//! ```
//! use crosscheck::lsh::LshParams;
//!
//! let p = LshParams::for_threshold(0.8, 128);
//! assert_eq!((p.bands(), p.rows()), (21, 6));
//! assert!(p.probability(0.8) > 0.995);
//! assert!(p.probability(0.3) < 0.02);
//! ```
//!
//! Candidate generation sorts `(band key, document)` pairs per band and reads off runs of equal
//! keys: no hash map of vectors, and an order that does not depend on scheduling.
//! A pair is filtered and emitted only in the first band it shares (the band keys of the two
//! documents are compared for the earlier bands), so a copy sharing all `b` bands costs one
//! filter call, not `b`, and no deduplication across bands is needed.
//! [`band_candidates_sketched`] compares only the first bands (copied next to each sketch) and
//! removes the repeats that remain by sorting, so that no band key is read per pair.
//!
//! # SimHash permutation tables
//!
//! Two 64-bit SimHashes within Hamming distance `k` agree exactly on at least one of `k + 1`
//! disjoint blocks of bits (pigeonhole). [`simhash_candidates`] sorts the fingerprints once per
//! block and checks the Hamming distance of every pair inside a run of equal blocks (Manku, Jain
//! & Das Sarma 2007, with `k + 1` tables).

use rayon::prelude::*;

use crate::fingerprint::{MinHash, SimHash, fmix64};

/// The probability target of [`LshParams::for_threshold`] at the threshold itself.
pub const TARGET_RECALL: f64 = 0.995;

/// Bands × rows of a MinHash LSH index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LshParams {
    bands: usize,
    rows: usize,
}

impl LshParams {
    /// Explicit bands and rows. Panics if either is 0.
    pub fn new(bands: usize, rows: usize) -> LshParams {
        assert!(bands > 0 && rows > 0, "bands and rows must be positive");
        LshParams { bands, rows }
    }

    /// The largest `r` (with `b = k / r`) whose S-curve reaches [`TARGET_RECALL`] at `threshold`;
    /// `r = 1, b = k` if none does. Panics unless `0 < threshold <= 1` and `k >= 1`.
    pub fn for_threshold(threshold: f64, k: usize) -> LshParams {
        assert!(
            threshold > 0.0 && threshold <= 1.0,
            "threshold must be in (0, 1]"
        );
        assert!(k >= 1);
        let mut best = LshParams::new(k, 1);
        for rows in 1..=k {
            let p = LshParams::new(k / rows, rows);
            if p.probability(threshold) >= TARGET_RECALL {
                best = p;
            }
        }
        best
    }

    /// Number of bands.
    pub fn bands(&self) -> usize {
        self.bands
    }

    /// Values per band.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The S-curve: probability that two documents with Jaccard `j` share a band.
    pub fn probability(&self, j: f64) -> f64 {
        1.0 - (1.0 - j.powi(self.rows as i32)).powi(self.bands as i32)
    }

    /// The band keys of a signature: one `u64` per band, a seeded hash of the band index and its
    /// `r` values. Panics if the signature is shorter than `bands × rows`.
    pub fn band_keys(&self, sig: &MinHash, out: &mut Vec<u64>) {
        let v = sig.values();
        assert!(v.len() >= self.bands * self.rows, "signature too short");
        for band in 0..self.bands {
            let mut h = (band as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x1234_5678;
            for &x in &v[band * self.rows..(band + 1) * self.rows] {
                h = (h.rotate_left(29) ^ u64::from(x)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            }
            out.push(fmix64(h));
        }
    }
}

/// Candidate pairs `(i, j)`, `i < j`, sorted and distinct, from band keys: `keys` holds `bands`
/// keys per document, document after document; `skip[i]` documents take no part.
pub fn band_candidates(keys: &[u64], bands: usize, skip: &[bool]) -> Vec<(u32, u32)> {
    band_candidates_where(keys, bands, skip, |_, _| true)
}

/// [`band_candidates`], keeping only the pairs for which `keep(i, j)` holds (a cheap filter
/// applied before the pairs are collected, so that rejected pairs cost no memory).
pub fn band_candidates_where(
    keys: &[u64],
    bands: usize,
    skip: &[bool],
    keep: impl Fn(u32, u32) -> bool + Sync,
) -> Vec<(u32, u32)> {
    band_candidates_filtered(keys, bands, skip, |_, _| true, keep)
}

/// [`band_candidates_where`] with two filters: `quick(i, j)`, meant to be cheap and to reject
/// most pairs, runs on every pair of every band before the first-shared-band check (which reads
/// the earlier band keys of both documents); `keep(i, j)` runs once per pair, after it. A pair
/// is kept when both hold.
///
/// On corpora where many unrelated documents share vocabulary, runs of equal band keys grow with
/// the corpus, and so does the number of pairs inside them: `quick` is what keeps that
/// quadratic part cheap.
pub fn band_candidates_filtered(
    keys: &[u64],
    bands: usize,
    skip: &[bool],
    quick: impl Fn(u32, u32) -> bool + Sync,
    keep: impl Fn(u32, u32) -> bool + Sync,
) -> Vec<(u32, u32)> {
    assert!(bands > 0 && keys.len() % bands == 0);
    let n = keys.len() / bands;
    assert_eq!(skip.len(), n);
    let mut pairs: Vec<(u32, u32)> = (0..bands)
        .into_par_iter()
        .flat_map_iter(|band| {
            let col = band_column(keys, bands, skip, band);
            // A pair is looked at only in the first band it shares: `keep` runs once per
            // pair, not once per shared band (a true copy shares most of the bands).
            runs_to_pairs(&col, |a, b| {
                let (ka, kb) = (&keys[a as usize * bands..], &keys[b as usize * bands..]);
                quick(a, b) && !(0..band).any(|e| ka[e] == kb[e]) && keep(a, b)
            })
        })
        .collect();
    // Each pair comes from exactly one band: sorting makes the order independent of scheduling.
    pairs.par_sort_unstable();
    pairs
}

/// One band's `(key, document)` column, documents in `skip` left out, sorted by key then
/// document: equal keys form runs, and the order does not depend on scheduling.
///
/// Band keys are hashes, so their top bits spread the documents evenly: one counting pass on
/// them puts each document in its bucket (in increasing order within it), and only the small
/// buckets are sorted. A comparison sort of the whole column would cost `n log n`. The speed
/// assumes uniform (hashed) keys; the result does not: skewed keys only make some buckets
/// large (all keys below 2^48 fall in bucket 0, which is then sorted whole), see the test
/// `band_columns_are_sorted_for_skewed_keys`.
fn band_column(keys: &[u64], bands: usize, skip: &[bool], band: usize) -> Vec<(u64, u32)> {
    let n = keys.len() / bands;
    let key = |i: usize| keys[i * bands + band];
    let live = || (0..n).filter(|&i| !skip[i]);
    let len = live().count();
    if len < 4096 {
        let mut col: Vec<(u64, u32)> = live().map(|i| (key(i), i as u32)).collect();
        col.sort_unstable();
        return col;
    }
    // About 8 documents per bucket, at most 2^16 buckets.
    let bits = (usize::BITS - len.leading_zeros() - 3).min(16);
    let bucket = |k: u64| (k >> (64 - bits)) as usize;
    let mut start = vec![0usize; (1 << bits) + 1];
    for i in live() {
        start[bucket(key(i)) + 1] += 1;
    }
    for b in 0..1 << bits {
        start[b + 1] += start[b];
    }
    let mut col = vec![(0u64, 0u32); len];
    let mut next = start.clone();
    for i in live() {
        let k = key(i);
        let b = bucket(k);
        col[next[b]] = (k, i as u32);
        next[b] += 1;
    }
    for b in start.windows(2) {
        col[b[0]..b[1]].sort_unstable();
    }
    col
}

/// A 1-bit sketch per document, for the quick filter of [`band_candidates_sketched`]: `words`
/// `u64`s per document, then (optionally) copies of its first `heads` band keys, document after
/// document; a pair passes when its sketches differ in at most `max_differ` bits.
#[derive(Debug, Clone, Copy)]
pub struct BitSketches<'a> {
    /// The sketch words, `words` per document, each document's followed by its first `heads`
    /// band keys.
    pub bits: &'a [u64],
    /// Words per document, `1..=4`.
    pub words: usize,
    /// Band keys of each document copied after its sketch words, `0..=MAX_HEADS` (at most
    /// `bands`): whether a pair passing the sketch shares one of these bands is then read from
    /// the copy of its run's sketches, not from `keys` (on a large corpus, a cache miss per pair
    /// and band shared). Private: set by [`BitSketches::new`] (a `debug_assert` on its range;
    /// the candidate search asserts it in every build).
    heads: usize,
    /// The most differing bits of a pair that passes.
    pub max_differ: u32,
}

impl<'a> BitSketches<'a> {
    /// Sketches of `words` words per document, each followed by copies of the document's first
    /// `heads` band keys (`0..=MAX_HEADS`; [`band_candidates_sketched`] also checks that there
    /// are no more than bands), in `bits`.
    pub fn new(bits: &'a [u64], words: usize, heads: usize, max_differ: u32) -> BitSketches<'a> {
        debug_assert!(heads <= MAX_HEADS, "at most {MAX_HEADS} heads, not {heads}");
        debug_assert!((1..=4).contains(&words), "1..=4 sketch words, not {words}");
        BitSketches {
            bits,
            words,
            heads,
            max_differ,
        }
    }

    /// Band keys copied after each document's sketch words.
    pub fn heads(&self) -> usize {
        self.heads
    }
}

/// [`band_candidates_filtered`] whose quick filter is a bit-sketch Hamming distance.
///
/// Same pairs as `band_candidates_filtered(keys, bands, skip, quick, keep)` with `quick(a, b)` =
/// "the sketches of `a` and `b` differ in at most `max_differ` bits", but faster on large runs
/// of equal band keys: the sketches of a run are copied next to each other first, so the
/// quadratic loop over its pairs reads memory in order (no cache miss per pair) and compiles to
/// straight-line code for the known number of words.
///
/// The band keys themselves are read only to sort each band's column, never per pair: a pair
/// that passes the sketch is dropped in a band when it shares one of the first bands copied
/// after the sketches ([`BitSketches::heads`]) that comes before this band (it is found there),
/// and otherwise collected. A pair whose first shared band comes after the heads is collected
/// once per band it shares from there on; sorting the collected pairs and removing repeats
/// leaves each once, and `keep` then runs once per distinct pair, in order of `(a, b)` (so the
/// data of `a` is read in order). On a large corpus this replaces a check of the earlier band
/// keys of both documents for every such pair, two cache misses and more each.
pub fn band_candidates_sketched(
    keys: &[u64],
    bands: usize,
    skip: &[bool],
    sketch: BitSketches<'_>,
    keep: impl Fn(u32, u32) -> bool + Sync,
) -> Vec<(u32, u32)> {
    assert!(bands > 0 && keys.len() % bands == 0);
    let n = keys.len() / bands;
    assert_eq!(skip.len(), n);
    assert!((1..=4).contains(&sketch.words) && sketch.heads <= MAX_HEADS.min(bands));
    assert_eq!(sketch.bits.len(), n * (sketch.words + sketch.heads));
    let mut pairs: Vec<(u32, u32)> = (0..bands)
        .into_par_iter()
        .flat_map_iter(|band| {
            let col = band_column(keys, bands, skip, band);
            match sketch.words {
                1 => sketched_runs::<1>(&col, sketch, band),
                2 => sketched_runs::<2>(&col, sketch, band),
                3 => sketched_runs::<3>(&col, sketch, band),
                _ => sketched_runs::<4>(&col, sketch, band),
            }
        })
        .collect();
    // Sorting also makes the order independent of scheduling.
    pairs.par_sort_unstable();
    pairs.dedup();
    // `collect` keeps the sorted order.
    pairs.into_par_iter().filter(|&(a, b)| keep(a, b)).collect()
}

/// The most band keys [`BitSketches`] may copy after each sketch.
pub const MAX_HEADS: usize = 4;

/// The pairs of runs of equal keys of band `band`'s sorted column whose bit sketches differ in
/// at most `max_differ` bits (`W` sketch words per document), leaving out those that share one
/// of the bands before `band` copied after the sketches (they are found there).
fn sketched_runs<const W: usize>(
    col: &[(u64, u32)],
    sketch: BitSketches<'_>,
    band: usize,
) -> Vec<(u32, u32)> {
    let stride = W + sketch.heads;
    let of = |doc: u32| -> [u64; W] {
        sketch.bits[doc as usize * stride..][..W]
            .try_into()
            .expect("W words")
    };
    let checked = sketch.heads.min(band);
    let heads_of = |doc: u32| -> [u64; MAX_HEADS] {
        let mut h = [0; MAX_HEADS];
        h[..checked].copy_from_slice(&sketch.bits[doc as usize * stride + W..][..checked]);
        h
    };
    let mut out = Vec::new();
    let mut local: Vec<[u64; W]> = Vec::new();
    let mut heads: Vec<[u64; MAX_HEADS]> = Vec::new();
    let mut differ: Vec<u32> = Vec::new();
    let mut start = 0;
    while start < col.len() {
        let mut end = start + 1;
        while end < col.len() && col[end].0 == col[start].0 {
            end += 1;
        }
        let run = &col[start..end];
        start = end;
        if run.len() < 2 {
            continue;
        }
        local.clear();
        local.extend(run.iter().map(|&(_, doc)| of(doc)));
        heads.clear();
        if checked > 0 {
            heads.extend(run.iter().map(|&(_, doc)| heads_of(doc)));
        }
        // Within a run the documents are in increasing order (the column is sorted by
        // (key, document)), so `a < b` below.
        for x in 0..run.len() - 1 {
            let sx = local[x];
            let rest = &local[x + 1..];
            differ.clear();
            differ.extend(rest.iter().map(|sy| {
                let mut d = 0;
                for w in 0..W {
                    d += (sx[w] ^ sy[w]).count_ones();
                }
                d
            }));
            for (y, &d) in differ.iter().enumerate() {
                if d <= sketch.max_differ {
                    if checked > 0 {
                        let (hx, hy) = (&heads[x], &heads[x + 1 + y]);
                        if (0..checked).any(|e| hx[e] == hy[e]) {
                            continue; // found in an earlier band
                        }
                    }
                    out.push((run[x].1, run[x + 1 + y].1));
                }
            }
        }
    }
    out
}

/// All pairs inside runs of equal keys of a sorted column, filtered by `keep`.
fn runs_to_pairs<K: Eq + Copy>(
    col: &[(K, u32)],
    keep: impl Fn(u32, u32) -> bool,
) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < col.len() {
        let mut end = start + 1;
        while end < col.len() && col[end].0 == col[start].0 {
            end += 1;
        }
        // Within a run the documents are in increasing order (the column is sorted by
        // (key, document)), so `a < b` below.
        for x in start..end {
            for y in x + 1..end {
                let (a, b) = (col[x].1, col[y].1);
                if keep(a, b) {
                    out.push((a, b));
                }
            }
        }
        start = end;
    }
    out
}

/// The `k + 1` disjoint bit masks of the permutation tables for Hamming distance `k` (`k < 64`).
pub fn simhash_blocks(k: u32) -> Vec<u64> {
    assert!(k < 64, "Hamming radius must be below 64");
    let blocks = k as usize + 1;
    let mut masks = Vec::with_capacity(blocks);
    let mut start = 0;
    for i in 0..blocks {
        let width = 64 / blocks + usize::from(i < 64 % blocks);
        let mask = if width == 64 {
            u64::MAX
        } else {
            ((1u64 << width) - 1) << start
        };
        masks.push(mask);
        start += width;
    }
    masks
}

/// Pairs `(i, j)`, `i < j`, sorted and distinct, whose SimHashes differ in at most `k` bits;
/// `skip[i]` documents take no part.
pub fn simhash_candidates(hashes: &[SimHash], k: u32, skip: &[bool]) -> Vec<(u32, u32)> {
    assert_eq!(skip.len(), hashes.len());
    let mut pairs: Vec<(u32, u32)> = simhash_blocks(k)
        .into_par_iter()
        .flat_map_iter(|mask| {
            let mut col: Vec<(u64, u32)> = (0..hashes.len())
                .filter(|&i| !skip[i])
                .map(|i| (hashes[i].0 & mask, i as u32))
                .collect();
            col.sort_unstable();
            runs_to_pairs(&col, |a, b| {
                hashes[a as usize].hamming(hashes[b as usize]) <= k
            })
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_follow_the_threshold() {
        for (t, b, r) in [(0.5, 42, 3), (0.8, 21, 6), (0.9, 14, 9)] {
            let p = LshParams::for_threshold(t, 128);
            assert_eq!((p.bands(), p.rows()), (b, r), "threshold {t}");
            assert!(p.probability(t) >= TARGET_RECALL);
        }
        // Higher thresholds never need fewer rows.
        let mut last = 0;
        for i in 1..=100 {
            let r = LshParams::for_threshold(i as f64 / 100.0, 128).rows();
            assert!(r >= last);
            last = r;
        }
    }

    #[test]
    fn blocks_partition_the_bits() {
        for k in 0..10 {
            let masks = simhash_blocks(k);
            assert_eq!(masks.len(), k as usize + 1);
            assert_eq!(masks.iter().fold(0, |a, m| a | m), u64::MAX);
            assert_eq!(masks.iter().map(|m| m.count_ones()).sum::<u32>(), 64);
        }
    }

    proptest::proptest! {
        #[test]
        fn simhash_tables_find_exactly_the_close_pairs(
            base in proptest::collection::vec(proptest::num::u64::ANY, 1..6),
            flips in proptest::collection::vec((0usize..6, 0u32..64, 0u32..64, 0u32..64), 0..40),
            k in 0u32..5,
        ) {
            // Near copies of a few base hashes, so that close pairs exist.
            let mut hashes: Vec<SimHash> = base.iter().map(|&h| SimHash(h)).collect();
            for &(i, a, b, c) in &flips {
                let h = base[i % base.len()];
                hashes.push(SimHash(h ^ (1 << a) ^ (1 << b) ^ (1 << c)));
            }
            let skip = vec![false; hashes.len()];
            let got = simhash_candidates(&hashes, k, &skip);
            let mut want = Vec::new();
            for i in 0..hashes.len() {
                for j in i + 1..hashes.len() {
                    if hashes[i].hamming(hashes[j]) <= k {
                        want.push((i as u32, j as u32));
                    }
                }
            }
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn band_candidates_filter_each_pair_once() {
        // 0 and 1 share both bands; the filter sees the pair once.
        let keys = [5, 7, 5, 7, 6, 8];
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let got = band_candidates_where(&keys, 2, &[false; 3], |_, _| {
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            true
        });
        assert_eq!(got, vec![(0, 1)]);
        assert_eq!(calls.into_inner(), 1);
    }

    #[test]
    fn quick_filter_applies_to_every_band() {
        let keys = [5, 7, 5, 7, 6, 8, 6, 7];
        let got = band_candidates_filtered(&keys, 2, &[false; 4], |a, b| a + b != 1, |_, _| true);
        assert_eq!(got, vec![(0, 3), (1, 3), (2, 3)]);
    }

    proptest::proptest! {
        #[test]
        fn sketched_candidates_match_the_closure_filter(
            docs in proptest::collection::vec((proptest::collection::vec(0u64..3, 5), proptest::num::u64::ANY, proptest::num::u64::ANY), 2..40),
            bands in 1usize..=5,
            words in 1usize..=4,
            max_differ in 0u32..80,
        ) {
            let keys: Vec<u64> = docs.iter().flat_map(|d| d.0[..bands].to_vec()).collect();
            // Sketch words drawn from a few values, so that close pairs exist.
            let bits: Vec<u64> = docs
                .iter()
                .flat_map(|d| (0..words).map(move |w| if w % 2 == 0 { d.1 & 0xff } else { d.2 & 0x0f0f }))
                .collect();
            let skip: Vec<bool> = (0..docs.len()).map(|i| i % 7 == 3).collect();
            let keep = |a: u32, b: u32| (a * 31 + b) % 5 != 0;
            let want = band_candidates_filtered(&keys, bands, &skip, |a, b| {
                let x = &bits[a as usize * words..][..words];
                let y = &bits[b as usize * words..][..words];
                x.iter().zip(y).map(|(p, q)| (p ^ q).count_ones()).sum::<u32>() <= max_differ
            }, keep);
            let got = band_candidates_sketched(&keys, bands, &skip, BitSketches::new(&bits, words, 0, max_differ), keep);
            proptest::prop_assert_eq!(&got, &want);
            // With the first band keys copied after the sketches: the same pairs.
            for heads in 1..=bands.min(MAX_HEADS) {
                let with_heads: Vec<u64> = (0..docs.len())
                    .flat_map(|i| {
                        let sketch = &bits[i * words..][..words];
                        sketch.iter().chain(&keys[i * bands..][..heads]).copied().collect::<Vec<_>>()
                    })
                    .collect();
                let sketches = BitSketches::new(&with_heads, words, heads, max_differ);
                let got = band_candidates_sketched(&keys, bands, &skip, sketches, keep);
                proptest::prop_assert_eq!(&got, &want);
            }
        }
    }

    #[test]
    fn sketched_candidates_keep_each_pair_once_past_the_heads() {
        // Documents 0 and 1 share bands 4 and 5 only, past the 4 heads: found in both bands,
        // kept once, and `keep` asked once; 2 shares nothing.
        let keys = [1, 2, 3, 4, 9, 9, 5, 6, 7, 8, 9, 9, 10, 11, 12, 13, 14, 15];
        let mut bits = Vec::new();
        for doc in 0..3 {
            bits.push(0b1011);
            bits.extend_from_slice(&keys[doc * 6..][..4]);
        }
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let got = band_candidates_sketched(
            &keys,
            6,
            &[false; 3],
            BitSketches::new(&bits, 1, 4, 0),
            |_, _| {
                calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                true
            },
        );
        assert_eq!(got, vec![(0, 1)]);
        assert_eq!(calls.into_inner(), 1);
    }

    #[test]
    fn band_columns_are_sorted_by_key_then_document() {
        // Large enough for the bucket pass; few distinct keys (long runs) and many.
        for (n, distinct) in [(5000u64, 7u64), (20000, 3000), (9000, 1 << 40)] {
            let bands = 3;
            let keys: Vec<u64> = (0..n * bands as u64)
                .map(|i| fmix64(fmix64(i) % distinct))
                .collect();
            let skip: Vec<bool> = (0..n).map(|i| i % 11 == 5).collect();
            assert_columns_sorted(&keys, bands, &skip);
        }
    }

    /// Every band column of `keys` equals the plainly sorted one.
    fn assert_columns_sorted(keys: &[u64], bands: usize, skip: &[bool]) {
        for band in 0..bands {
            let mut want: Vec<(u64, u32)> = (0..skip.len())
                .filter(|&i| !skip[i])
                .map(|i| (keys[i * bands + band], i as u32))
                .collect();
            want.sort_unstable();
            assert_eq!(band_column(keys, bands, skip, band), want, "band {band}");
        }
    }

    #[test]
    fn band_columns_are_sorted_for_skewed_keys() {
        // Keys that are not hashes: small numbers (all in the first bucket), one huge run, and
        // a few large values among small ones (a lopsided split), on both sides of the
        // bucket pass's size limit.
        for n in [1000u64, 6000, 30000] {
            let bands = 2;
            let keys: Vec<u64> = (0..n * bands as u64)
                .map(|i| match i % 4 {
                    0 => i % 13,
                    1 => 42,
                    2 => u64::MAX - i % 3,
                    _ => i,
                })
                .collect();
            let skip: Vec<bool> = (0..n).map(|i| i % 9 == 4).collect();
            assert_columns_sorted(&keys, bands, &skip);
        }
    }

    #[test]
    fn band_candidates_pair_equal_keys() {
        // 3 documents, 2 bands: 0 and 2 share band 1; 1 is skipped despite sharing band 0.
        let keys = [5, 7, 5, 8, 9, 7];
        assert_eq!(
            band_candidates(&keys, 2, &[false, true, false]),
            vec![(0, 2)]
        );
        assert_eq!(
            band_candidates(&keys, 2, &[false, false, false]),
            vec![(0, 1), (0, 2)]
        );
    }
}
