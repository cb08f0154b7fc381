//! Candidate pairs without an all-pairs pass: an inverted index over each document's strongest
//! features.
//!
//! Each document posts its `top_k` heaviest TF-IDF features. Within a feature the postings are
//! ordered by publication date. A posting list of at most `max_posting` documents is used whole;
//! a longer one (a feature common in a large corpus, such as a leader's name) only pairs each
//! document with its `max_posting` nearest neighbours in date order. Events are short-lived, so
//! their members sit next to each other there, while the work per document stays bounded at any
//! corpus size. (Skipping long lists outright lost most candidates at 100k documents, where most
//! of an article's strongest features are that common.) For every document `i`, the postings of
//! its own top features give a partial dot product with every later document `j > i` that shares
//! one of them within those windows; the `per_doc` best partial scores are then verified with the
//! exact cosine.
//!
//! Work is `O(n · top_k · max_posting)` at worst; the candidate lists only need to connect the
//! members of an event, since exact similarities inside each connected component are recomputed
//! by the linkage step. Everything runs in parallel with rayon and the pairs come back sorted, so
//! the result does not depend on the thread count.

use rayon::prelude::*;

use super::features::SparseVec;

/// Parameters of the candidate search.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CandidateParams {
    pub top_k: usize,
    pub max_posting: usize,
    pub per_doc: usize,
    /// Keep verified pairs at or above this cosine.
    pub min_sim: f32,
    /// Drop pairs whose publication dates are further apart than this many days.
    pub max_days: Option<i32>,
}

/// A verified pair `(i, j, cosine)` with `i < j`.
pub(crate) type Pair = (u32, u32, f32);

/// The `top_k` heaviest features of a vector, heaviest first (ties by id).
fn top_features(v: &SparseVec, k: usize) -> Vec<(u64, f32)> {
    let mut f: Vec<(u64, f32)> = v
        .ids()
        .iter()
        .copied()
        .zip(v.weights().iter().copied())
        .collect();
    f.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    f.truncate(k);
    f.sort_unstable_by_key(|&(id, _)| id);
    f
}

/// One document's features in an open-addressing hash table, for its cosines with the many
/// candidates of the verification step.
///
/// [`SparseVec::cosine`] merges two sorted id lists: each step waits for the comparison of the
/// previous one, and it walks the document's own features again for every candidate. Here
/// each candidate's features are looked up independently (the processor overlaps the lookups)
/// and the document's own are hashed once. The shared features are still met in ascending id
/// order with the same products, so the cosine is bit-for-bit the one of
/// [`SparseVec::cosine`].
#[derive(Debug, Default)]
struct DotTable {
    keys: Vec<u64>,
    weights: Vec<f32>,
    /// `64 - log2(keys.len())`: slots are the top bits of a multiplicative hash.
    shift: u32,
}

/// The key of an empty slot; a vector holding it as a feature id is not hashed.
const EMPTY: u64 = u64::MAX;

impl DotTable {
    fn slot(&self, id: u64) -> usize {
        (id.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// Fills the table with `v`'s features; false (and the table unusable) when `v` has the
    /// id [`EMPTY`].
    fn load(&mut self, v: &SparseVec) -> bool {
        debug_assert!(v.ids().windows(2).all(|w| w[0] < w[1]));
        if v.ids().last() == Some(&EMPTY) {
            return false;
        }
        // At most a quarter full: most probes of a candidate's features miss, and a miss ends
        // at the first empty slot.
        let cap = (4 * v.len()).next_power_of_two().max(16);
        self.keys.clear();
        self.keys.resize(cap, EMPTY);
        self.weights.clear();
        self.weights.resize(cap, 0.0);
        self.shift = 64 - cap.trailing_zeros();
        let mask = cap - 1;
        for (&id, &w) in v.ids().iter().zip(v.weights()) {
            let mut s = self.slot(id);
            while self.keys[s] != EMPTY {
                s = (s + 1) & mask;
            }
            self.keys[s] = id;
            self.weights[s] = w;
        }
        true
    }

    /// `loaded.cosine(other)` for the vector `loaded` last given to [`DotTable::load`].
    fn cosine(&self, other: &SparseVec) -> f32 {
        let mask = self.keys.len() - 1;
        let mut dot = 0.0f32;
        for (&id, &w) in other.ids().iter().zip(other.weights()) {
            let mut s = self.slot(id);
            loop {
                let k = self.keys[s];
                if k == id {
                    dot += self.weights[s] * w;
                    break;
                }
                if k == EMPTY {
                    break;
                }
                s = (s + 1) & mask;
            }
        }
        dot.min(1.0)
    }
}

/// Days between two optional dates (`None` when either is unknown).
pub(crate) fn days_apart(a: Option<i32>, b: Option<i32>) -> Option<i32> {
    Some((a? - b?).abs())
}

/// Verified candidate pairs, sorted by `(i, j)`.
///
/// The search runs over documents renumbered by date (then index): a posting list sorted by
/// date is then sorted by number, and the documents of a long list's window, whose dates are
/// close, have close numbers, so the accumulator and the dates are read from a few nearby cache
/// lines instead of at random across the whole corpus (which made 1M documents memory-bound).
/// Each document scans only the part of a list after its own entry (a pair is seen from its
/// lower rank), found by position rather than by search, and stops at the first document
/// published more than `max_days` after it: with dates, the work per document and the span of
/// the accumulator it touches no longer grow with the corpus.
pub(crate) fn candidate_pairs(
    rows: &[SparseVec],
    days: &[Option<i32>],
    p: &CandidateParams,
) -> Vec<Pair> {
    let n = rows.len();
    let day_key = |d: usize| days[d].unwrap_or(i32::MIN);
    // `by_date[r]` is the document of rank `r`; ranks order documents by (date, index).
    let mut by_date: Vec<u32> = (0..n as u32).collect();
    by_date.par_sort_unstable_by_key(|&d| (day_key(d as usize), d));
    let day_of_rank: Vec<Option<i32>> = by_date.iter().map(|&d| days[d as usize]).collect();
    // Postings as one array of (feature, rank, weight) sorted by feature then rank: within a
    // feature they run by rank, that is by date.
    let mut entries: Vec<(u64, u32, f32)> = by_date
        .par_iter()
        .enumerate()
        .flat_map_iter(|(r, &d)| {
            top_features(&rows[d as usize], p.top_k)
                .into_iter()
                .map(move |(f, w)| (f, r as u32, w))
        })
        .collect();
    entries.par_sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    // Compact postings: rank and weight per entry, the end of each entry's list, and each
    // document's own entries (their positions in `ranks`).
    let ranks: Vec<u32> = entries.par_iter().map(|e| e.1).collect();
    let weights: Vec<f32> = entries.par_iter().map(|e| e.2).collect();
    // `bounds[list_of[e]]..bounds[list_of[e] + 1]` is entry `e`'s posting list.
    let mut list_of: Vec<u32> = Vec::with_capacity(entries.len());
    let mut bounds: Vec<u32> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        if i == 0 || entries[i - 1].0 != e.0 {
            bounds.push(i as u32);
        }
        list_of.push(bounds.len() as u32 - 1);
    }
    bounds.push(entries.len() as u32);
    let mut own_start: Vec<u32> = vec![0; n + 1];
    for e in &entries {
        own_start[e.1 as usize + 1] += 1;
    }
    for r in 0..n {
        own_start[r + 1] += own_start[r];
    }
    let mut own: Vec<u32> = vec![0; entries.len()];
    {
        let mut fill = own_start.clone();
        for (i, e) in entries.iter().enumerate() {
            let slot = &mut fill[e.1 as usize];
            own[*slot as usize] = i as u32;
            *slot += 1;
        }
    }
    drop(entries);
    let half = p.max_posting / 2;

    let mut pairs: Vec<Pair> = (0..n)
        .into_par_iter()
        .with_min_len(256)
        .map_init(
            || (vec![0f32; n], Vec::<u32>::new(), DotTable::default()),
            |(acc, touched, table), r| {
                let day_r = day_of_rank[r];
                for &e in &own[own_start[r] as usize..own_start[r + 1] as usize] {
                    let e = e as usize;
                    let w = weights[e];
                    // A list longer than
                    // `max_posting` only pairs each document with its `max_posting / 2`
                    // nearest neighbours on either side in date order, and the later ones
                    // are the ones seen from here.
                    let k = list_of[e] as usize;
                    let (start, end) = (bounds[k] as usize, bounds[k + 1] as usize);
                    let stop = if end - start > p.max_posting {
                        end.min(e + half + 1)
                    } else {
                        end
                    };
                    for x in e + 1..stop {
                        let s = ranks[x];
                        // Later ranks are later dates: past the window, the rest of the list
                        // is too.
                        if let (Some(max), Some(d)) =
                            (p.max_days, days_apart(day_r, day_of_rank[s as usize]))
                            && d > max
                        {
                            break;
                        }
                        let slot = &mut acc[s as usize];
                        if *slot == 0.0 {
                            touched.push(s);
                        }
                        *slot += w * weights[x];
                    }
                }
                let mut cands: Vec<(u32, f32)> =
                    touched.iter().map(|&s| (s, acc[s as usize])).collect();
                for &s in touched.iter() {
                    acc[s as usize] = 0.0;
                }
                touched.clear();
                let order =
                    |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
                if cands.len() > p.per_doc {
                    cands.select_nth_unstable_by(p.per_doc, order);
                    cands.truncate(p.per_doc);
                }
                cands.sort_unstable_by(order);
                let i = by_date[r];
                let mut out: Vec<Pair> = Vec::new();
                let row = &rows[i as usize];
                let hashed = table.load(row);
                for (s, _) in cands {
                    let j = by_date[s as usize];
                    let other = &rows[j as usize];
                    let sim = if hashed {
                        table.cosine(other)
                    } else {
                        row.cosine(other)
                    };
                    if sim >= p.min_sim {
                        out.push((i.min(j), i.max(j), sim));
                    }
                }
                out
            },
        )
        .flatten_iter()
        .collect();
    pairs.par_sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;
    use crate::cluster::features::{Vectors, Weights};

    #[test]
    fn hashed_cosine_is_the_merged_cosine_to_the_bit() {
        let docs = [
            Document::new(
                "a",
                "Putin told the Eastern Economic Forum in Vladivostok that foreign troops in \
                 Ukraine would be legitimate targets; Macron said 26 countries pledged forces.",
            ),
            Document::new(
                "b",
                "Speaking in Vladivostok at the Eastern Economic Forum on Sept. 5, Putin warned \
                 that any foreign troops in Ukraine would be legitimate targets.",
            ),
            Document::new(
                "c",
                "A magnitude 6.1 earthquake struck central Peru on Tuesday, damaging homes in \
                 Ayacucho, the geophysical institute said.",
            ),
            Document::new("d", "Peru: 6.1 quake in Ayacucho, Putin absent."),
            Document::new("e", "the and of"),
        ];
        let refs: Vec<&Document> = docs.iter().collect();
        let w = Weights {
            title: 2.0,
            entity: 1.5,
            number: 3.0,
            date: 4.0,
        };
        let mut rows = Vectors::build(&refs, &w).rows;
        rows.push(SparseVec::default());
        let mut table = DotTable::default();
        let mut shared = 0;
        for a in &rows {
            assert!(table.load(a));
            for b in &rows {
                let want = a.cosine(b);
                assert_eq!(table.cosine(b).to_bits(), want.to_bits());
                shared += usize::from(want > 0.0);
            }
        }
        // Not only zeros: the documents share features.
        assert!(shared > rows.len(), "{shared}");
    }
}
