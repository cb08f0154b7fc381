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
//! An optional `budget` caps the postings each document scores, taking its features strongest
//! first (ties by feature order): the weak features it drops first are the common ones, whose
//! long lists a large corpus fills to their cap. Without it (the default) the work
//! per document grows slowly with the corpus (1,898 postings and 1,305 distinct neighbours per
//! document at 1M documents, 959 and 620 at 100k, 216 and 109 at 10k); with 768 it is bounded
//! at any size, at a cost in story recall (see `ClusterBuilder::candidate_budget`).
//!
//! Work is `O(n · top_k · max_posting)` at worst, `O(n · budget)` with a budget, plus
//! `O(n · per_doc)` cosines; the candidate lists only need to connect the
//! members of an event, since exact similarities inside each connected component are recomputed
//! by the linkage step. Everything runs in parallel with rayon and the pairs come back sorted, so
//! the result does not depend on the thread count.

use rayon::prelude::*;

use super::features::{Matrix, Row};
use crate::pool::Pool;
use crate::timings::Timings;

/// Parameters of the candidate search.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CandidateParams {
    pub top_k: usize,
    pub max_posting: usize,
    pub per_doc: usize,
    /// At most this many postings scored per document, its strongest features first; `None`
    /// for no bound.
    pub budget: Option<usize>,
    /// Keep verified pairs at or above this cosine.
    pub min_sim: f32,
    /// Drop pairs whose publication dates are further apart than this many days.
    pub max_days: Option<i32>,
}

/// A verified pair `(i, j, cosine)` with `i < j`.
pub(crate) type Pair = (u32, u32, f32);

/// The `top_k` heaviest features of a row, heaviest first (ties by index), then sorted by
/// index.
fn top_features(v: Row<'_>, k: usize) -> Vec<(u32, f32)> {
    let mut f: Vec<(u32, f32)> = v.iter().collect();
    // Indices are distinct, so the order is total and the `k` first are one set however found.
    let order = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if f.len() > k {
        f.select_nth_unstable_by(k, order);
        f.truncate(k);
    }
    f.sort_unstable_by_key(|&(id, _)| id);
    f
}

/// Vocabularies up to this many features are verified with a [`DenseRow`] (4 bytes per
/// feature and thread, at most 4 MiB); larger ones with a [`DotTable`], whose table stays in
/// the first-level cache however large the vocabulary.
const DENSE_VOCABULARY: usize = 1 << 20;

/// One document's weights scattered over the whole vocabulary (zero elsewhere), for its cosines
/// with the many candidates of the verification step: each feature of a candidate costs one
/// indexed load and one multiply-add, with no comparison and no branch.
///
/// Every weight is positive or zero (positive boosts, IDF at least 1), so a feature the document
/// lacks adds `0 * w = +0.0` to a sum that is never `-0.0`, which leaves it unchanged: the
/// products of the shared features are added in ascending feature order as [`Row::cosine`] adds
/// them, and the cosine is the same to the bit.
#[derive(Debug, Default)]
struct DenseRow {
    weights: Vec<f32>,
    /// The features set by the last [`DenseRow::load`], cleared by the next.
    loaded: Vec<u32>,
}

impl DenseRow {
    /// Scatters `v`'s features over a vocabulary of `features`.
    fn load(&mut self, v: Row<'_>, features: usize) {
        if self.weights.len() != features {
            self.weights = vec![0.0; features];
            self.loaded.clear();
        }
        for &f in &self.loaded {
            self.weights[f as usize] = 0.0;
        }
        self.loaded.clear();
        for (f, w) in v.iter() {
            self.weights[f as usize] = w;
            self.loaded.push(f);
        }
    }

    /// `loaded.cosine(other)` for the row `loaded` last given to [`DenseRow::load`].
    fn cosine(&self, other: Row<'_>) -> f32 {
        let mut dot = 0.0f32;
        for (f, w) in other.iter() {
            dot += self.weights[f as usize] * w;
        }
        dot.min(1.0)
    }
}

/// The document whose candidates are verified, in the form suited to the vocabulary's size.
#[derive(Debug)]
struct Query {
    dense: DenseRow,
    table: DotTable,
    /// The vocabulary's size.
    features: usize,
    /// Whether rows go to `dense` (decided once, by the vocabulary's size).
    is_dense: bool,
}

impl Query {
    /// A query over a vocabulary of `features`.
    fn new(features: usize) -> Query {
        Query {
            dense: DenseRow::default(),
            table: DotTable::default(),
            features,
            is_dense: features <= DENSE_VOCABULARY,
        }
    }

    fn load(&mut self, v: Row<'_>) {
        if self.is_dense {
            self.dense.load(v, self.features);
        } else {
            self.table.load(v);
        }
    }

    fn cosine(&self, other: Row<'_>) -> f32 {
        if self.is_dense {
            self.dense.cosine(other)
        } else {
            self.table.cosine(other)
        }
    }
}

/// One document's features in an open-addressing hash table, for its cosines with the many
/// candidates of the verification step.
///
/// [`Row::cosine`] merges two sorted feature lists: each step waits for the comparison of the
/// previous one, and it walks the document's own features again for every candidate. Here
/// each candidate's features are looked up independently (the processor overlaps the lookups)
/// and the document's own are hashed once. The shared features are still met in ascending
/// order with the same products, so the cosine is bit-for-bit the one of [`Row::cosine`].
#[derive(Debug, Default)]
struct DotTable {
    /// Feature index in the high 32 bits (`u32::MAX`: empty), weight bits in the low 32: a hit
    /// reads one word.
    slots: Vec<u64>,
    /// `64 - log2(slots.len())`: slots are the top bits of a multiplicative hash.
    shift: u32,
}

/// An empty slot; dense feature indices are below `u32::MAX`.
const EMPTY: u64 = u64::MAX;

impl DotTable {
    fn slot(&self, f: u32) -> usize {
        (u64::from(f).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// Fills the table with `v`'s features.
    fn load(&mut self, v: Row<'_>) {
        // At most a quarter full: most probes of a candidate's features miss, and a miss ends
        // at the first empty slot.
        let cap = (4 * v.len()).next_power_of_two().max(16);
        self.slots.clear();
        self.slots.resize(cap, EMPTY);
        self.shift = 64 - cap.trailing_zeros();
        let mask = cap - 1;
        for (f, w) in v.iter() {
            let mut s = self.slot(f);
            while self.slots[s] != EMPTY {
                s = (s + 1) & mask;
            }
            self.slots[s] = (u64::from(f) << 32) | u64::from(w.to_bits());
        }
    }

    /// `loaded.cosine(other)` for the row `loaded` last given to [`DotTable::load`].
    fn cosine(&self, other: Row<'_>) -> f32 {
        let mask = self.slots.len() - 1;
        let mut dot = 0.0f32;
        for (f, w) in other.iter() {
            let mut s = self.slot(f);
            loop {
                let k = self.slots[s];
                let key = (k >> 32) as u32;
                if key == f {
                    dot += f32::from_bits(k as u32) * w;
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

/// How many entries of each list the scoring loop loads ahead of its scans (four 64-byte lines
/// of `(rank, weight)` entries); the processor's prefetcher follows a scan from there.
const HEAD: usize = 32;

/// Days between two optional dates (`None` when either is unknown).
pub(crate) fn days_apart(a: Option<i32>, b: Option<i32>) -> Option<i32> {
    Some((a? - b?).abs())
}

/// The working memory of one search job: a score per rank (all zero between documents), room
/// for the ranks it holds scores for, the candidate list and the document's row for the
/// verification.
struct Scratch {
    acc: Vec<f32>,
    touched: Vec<u32>,
    cands: Vec<(u32, f32)>,
    /// The document's own entries, strongest first.
    mine: Vec<(u32, u32)>,
    query: Query,
}

impl Scratch {
    /// Scratch memory for a corpus of `n` documents over `features` features. Leased from a
    /// [`Pool`], so that the corpus-sized score array is allocated (and its pages faulted in)
    /// once per thread rather than once per rayon job.
    fn new(n: usize, features: usize) -> Scratch {
        Scratch {
            acc: vec![0f32; n],
            touched: Vec::new(),
            cands: Vec::new(),
            mine: Vec::new(),
            query: Query::new(features),
        }
    }
}

/// For every rank, the first rank published more than `max_days` after it (`n` when its date
/// is unknown or there is no limit). Ranks order documents by date with the undated first, so
/// the later ranks of a dated document are dated, and those from this one on are all too late.
fn window_ends(day_of_rank: &[Option<i32>], max_days: Option<i32>) -> Vec<u32> {
    let n = day_of_rank.len();
    let mut ends = vec![n as u32; n];
    let Some(max) = max_days else {
        return ends;
    };
    let mut end = 0;
    for (r, day) in day_of_rank.iter().enumerate() {
        let Some(day) = *day else {
            continue;
        };
        let last = day.saturating_add(max);
        end = end.max(r);
        while end < n && day_of_rank[end].is_some_and(|d| d <= last) {
            end += 1;
        }
        ends[r] = end as u32;
    }
    ends
}

/// Verified candidate pairs of canonical documents, sorted by `(i, j)`.
///
/// The search runs over documents by rank: `by_date[r]` is the canonical document of rank `r`,
/// with ranks ordering documents by (date, index), and `rows` stores the row of rank `r` at
/// position `r`. A posting list sorted by date is then sorted by rank, and the documents of a
/// long list's window, whose dates are close, have close ranks, so the accumulator, and the
/// rows the verification reads, lie in a few nearby stretches of memory instead of across the
/// whole corpus (which made 1M documents memory-bound). Each document scans only the part of a
/// list after its own entry (a pair is seen from its lower rank), found by position rather than
/// by search, and stops at the first rank published more than `max_days` after it: with dates,
/// the work per document and the span of the accumulator it touches no longer grow with the
/// corpus.
pub(crate) fn candidate_pairs(
    rows: &Matrix,
    by_date: &[u32],
    days: &[Option<i32>],
    p: &CandidateParams,
    timings: &mut Timings,
) -> Vec<Pair> {
    let t = timings.start();
    let n = by_date.len();
    let day_of_rank: Vec<Option<i32>> = by_date.iter().map(|&d| days[d as usize]).collect();
    debug_assert!(
        day_of_rank
            .windows(2)
            .all(|w| w[0].unwrap_or(i32::MIN) <= w[1].unwrap_or(i32::MIN))
    );
    let ends = window_ends(&day_of_rank, p.max_days);
    drop(day_of_rank);
    // Postings as one array of (feature, rank, weight) sorted by feature then rank: within a
    // feature they run by rank, that is by date.
    let mut entries: Vec<(u32, u32, f32)> = (0..n)
        .into_par_iter()
        .flat_map_iter(|r| {
            top_features(rows.at(r), p.top_k)
                .into_iter()
                .map(move |(f, w)| (f, r as u32, w))
        })
        .collect();
    entries.par_sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    // Compact postings: rank and weight per entry, side by side (a scan reads both), and each
    // document's own entries with the end of their scans, by rank: the scoring loop then finds
    // everything about its own entries in one place, instead of looking up each entry's list
    // and its bounds across the whole index (two dependent cache misses per entry at 1M).
    let post: Vec<(u32, f32)> = entries.par_iter().map(|e| (e.1, e.2)).collect();
    let mut own_start: Vec<u32> = vec![0; n + 1];
    for e in &entries {
        own_start[e.1 as usize + 1] += 1;
    }
    for r in 0..n {
        own_start[r + 1] += own_start[r];
    }
    let half = p.max_posting / 2;
    // `(entry, end of its scan)`: a list longer than `max_posting` only pairs each document
    // with its `max_posting / 2` nearest neighbours on either side in date order, and the later
    // ones are the ones seen from the entry.
    let mut own: Vec<(u32, u32)> = vec![(0, 0); entries.len()];
    {
        let mut fill = own_start.clone();
        let mut start = 0;
        while start < entries.len() {
            let f = entries[start].0;
            let mut end = start + 1;
            while end < entries.len() && entries[end].0 == f {
                end += 1;
            }
            let long = end - start > p.max_posting;
            for (i, e) in entries.iter().enumerate().take(end).skip(start) {
                let stop = if long { end.min(i + half + 1) } else { end };
                let slot = &mut fill[e.1 as usize];
                own[*slot as usize] = (i as u32, stop as u32);
                *slot += 1;
            }
            start = end;
        }
    }
    drop(entries);
    timings.record("cand index", t);
    let t = timings.start();
    let pool = Pool::new();

    let mut pairs: Vec<Pair> = (0..n)
        .into_par_iter()
        .with_min_len(256)
        .map_init(
            || pool.lease(|| Scratch::new(n, rows.features())),
            |lease, r| {
                let Scratch {
                    acc,
                    touched,
                    cands,
                    mine,
                    query,
                } = &mut **lease;
                // Later ranks are later dates: past the window, the rest of a list is too.
                let end_r = ends[r];
                // With a budget, the strongest features first while it lasts: the weakest are
                // the commonest, whose lists fill their windows in a large corpus. Without
                // one, the features in index order.
                let entries = &own[own_start[r] as usize..own_start[r + 1] as usize];
                let entries: &[(u32, u32)] = match p.budget {
                    None => entries,
                    Some(_) => {
                        mine.clear();
                        mine.extend_from_slice(entries);
                        mine.sort_unstable_by(|&(a, _), &(b, _)| {
                            post[b as usize]
                                .1
                                .total_cmp(&post[a as usize].1)
                                .then(a.cmp(&b))
                        });
                        mine
                    }
                };
                // The entries' lists start at random places of a corpus-sized array: load the
                // first lines of each at once (the loads overlap) before the scans read them
                // one after another. Then room for every posting the scans may touch, so that a
                // first touch is recorded without a branch (whether a rank was touched before
                // is unpredictable).
                let mut lines = 0;
                let mut most = 0;
                for &(e, stop) in entries {
                    let (e, stop) = (e as usize, stop as usize);
                    for x in (e..stop.min(e + 1 + HEAD)).step_by(8) {
                        lines ^= post[x].0;
                    }
                    most += stop - e - 1;
                }
                std::hint::black_box(lines);
                if touched.len() < most {
                    touched.resize(most, 0);
                }
                let mut len = 0;
                let mut left = p.budget.unwrap_or(usize::MAX);
                for &(e, stop) in entries {
                    if left == 0 {
                        break;
                    }
                    let (e, stop) = (e as usize, stop as usize);
                    let w = post[e].1;
                    let stop = stop.min((e + 1).saturating_add(left));
                    let mut x = e + 1;
                    while x < stop {
                        let (s, ws) = post[x];
                        if s >= end_r {
                            break;
                        }
                        let slot = &mut acc[s as usize];
                        touched[len] = s;
                        len += usize::from(*slot == 0.0);
                        *slot += w * ws;
                        x += 1;
                    }
                    left -= x - e - 1;
                }
                let touched = &touched[..len];
                cands.clear();
                cands.extend(touched.iter().map(|&s| (s, acc[s as usize])));
                for &s in touched {
                    acc[s as usize] = 0.0;
                }
                let order =
                    |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
                if cands.len() > p.per_doc {
                    cands.select_nth_unstable_by(p.per_doc, order);
                    cands.truncate(p.per_doc);
                }
                cands.sort_unstable_by(order);
                let i = by_date[r];
                let mut out: Vec<Pair> = Vec::new();
                // The candidates' rows lie across the date window, which a large corpus makes
                // larger than the cache: load them all at once (the loads overlap) before the
                // cosines read them one after another.
                let mut lines = 0;
                for &(s, _) in cands.iter() {
                    lines ^= rows.at(s as usize).touch();
                }
                std::hint::black_box(lines);
                query.load(rows.at(r));
                for &(s, _) in cands.iter() {
                    let sim = query.cosine(rows.at(s as usize));
                    if sim >= p.min_sim {
                        let j = by_date[s as usize];
                        out.push((i.min(j), i.max(j), sim));
                    }
                }
                out
            },
        )
        .flatten_iter()
        .collect();
    timings.record("cand verify", t);
    let t = timings.start();
    pairs.par_sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    timings.record("cand sort", t);
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;
    use crate::cluster::features::{Vectors, Weights};

    /// The clusterer's default weights.
    fn default_weights() -> Weights {
        Weights {
            title: 2.0,
            entity: 1.5,
            number: 3.0,
            date: 4.0,
        }
    }

    #[test]
    fn hashed_and_dense_cosines_are_the_merged_cosine_to_the_bit() {
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
        let w = default_weights();
        let m = Vectors::build(&refs, &w, &[3, 1, 4, 0, 2]).matrix;
        let mut rows: Vec<Row<'_>> = (0..docs.len()).map(|d| m.row(d)).collect();
        rows.push(Row::default());
        let mut table = DotTable::default();
        let mut dense = DenseRow::default();
        let mut shared = 0;
        for &a in &rows {
            table.load(a);
            dense.load(a, m.features());
            for &b in &rows {
                let want = a.cosine(b);
                assert_eq!(table.cosine(b).to_bits(), want.to_bits());
                assert_eq!(dense.cosine(b).to_bits(), want.to_bits());
                shared += usize::from(want > 0.0);
            }
        }
        // Not only zeros: the documents share features.
        assert!(shared > rows.len(), "{shared}");
    }

    /// `count` texts of `words.0` to `words.0 + words.1 - 1` tokens over a small vocabulary:
    /// one token in `kinds` a number below `vocab.0`, one a name below `vocab.1`, the others
    /// words below `vocab.2`.
    fn random_texts(
        next: &mut impl FnMut(u64) -> u64,
        count: usize,
        words: (u64, u64),
        kinds: u64,
        vocab: (u64, u64, u64),
    ) -> Vec<Document> {
        (0..count)
            .map(|d| {
                let tokens: Vec<String> = (0..words.0 + next(words.1))
                    .map(|_| match next(kinds) {
                        0 => format!("{}", next(vocab.0)),
                        1 => format!("Name{}", next(vocab.1)),
                        _ => format!("word{}", next(vocab.2)),
                    })
                    .collect();
                Document::new(format!("d{d}"), tokens.join(" "))
            })
            .collect()
    }

    #[test]
    fn dense_cosines_of_random_texts_are_the_merged_cosines_to_the_bit() {
        // Texts over a small vocabulary share many features, with many different weights.
        let mut next = crate::cluster::test_rng(0x9E37_79B9_7F4A_7C15);
        let docs = random_texts(&mut next, 60, (20, 80), 10, (40, 30, 120));
        let refs: Vec<&Document> = docs.iter().collect();
        let w = default_weights();
        let order: Vec<u32> = (0..docs.len() as u32).rev().collect();
        let m = Vectors::build(&refs, &w, &order).matrix;
        let mut dense = DenseRow::default();
        for a in 0..docs.len() {
            dense.load(m.row(a), m.features());
            for b in 0..docs.len() {
                let want = m.row(a).cosine(m.row(b));
                assert_eq!(dense.cosine(m.row(b)).to_bits(), want.to_bits(), "{a} {b}");
            }
        }
    }

    /// The search written plainly: per rank, a map of partial scores filled in the order of the
    /// scoring loop (the document's top features by index, or strongest first with a budget;
    /// each list's later entries by rank), the best `per_doc` verified with [`Row::cosine`].
    fn plain_pairs(
        rows: &Matrix,
        by_date: &[u32],
        days: &[Option<i32>],
        p: &CandidateParams,
    ) -> Vec<Pair> {
        use std::collections::BTreeMap;
        let n = by_date.len();
        let day_of_rank: Vec<Option<i32>> = by_date.iter().map(|&d| days[d as usize]).collect();
        let tops: Vec<Vec<(u32, f32)>> =
            (0..n).map(|r| top_features(rows.at(r), p.top_k)).collect();
        let mut lists: BTreeMap<u32, Vec<(u32, f32)>> = BTreeMap::new();
        for (r, top) in tops.iter().enumerate() {
            for &(f, w) in top {
                lists.entry(f).or_default().push((r as u32, w));
            }
        }
        let mut pairs = Vec::new();
        for r in 0..n {
            let mut mine = tops[r].clone();
            if p.budget.is_some() {
                mine.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            }
            let mut left = p.budget.unwrap_or(usize::MAX);
            let mut acc: BTreeMap<u32, f32> = BTreeMap::new();
            for (f, w) in mine {
                if left == 0 {
                    break;
                }
                let list = &lists[&f];
                let i = list
                    .iter()
                    .position(|&(s, _)| s as usize == r)
                    .expect("own entry");
                let mut stop = list.len();
                if list.len() > p.max_posting {
                    stop = stop.min(i + p.max_posting / 2 + 1);
                }
                let stop = stop.min((i + 1).saturating_add(left));
                let mut scanned = 0;
                for &(s, ws) in &list[i + 1..stop] {
                    let late = match (day_of_rank[r], day_of_rank[s as usize], p.max_days) {
                        (Some(a), Some(b), Some(max)) => b > a.saturating_add(max),
                        _ => false,
                    };
                    if late {
                        break;
                    }
                    *acc.entry(s).or_insert(0.0) += w * ws;
                    scanned += 1;
                }
                left -= scanned;
            }
            let mut cands: Vec<(u32, f32)> = acc.into_iter().filter(|c| c.1 != 0.0).collect();
            cands.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            cands.truncate(p.per_doc);
            for (s, _) in cands {
                let sim = rows.at(r).cosine(rows.at(s as usize));
                if sim >= p.min_sim {
                    let (i, j) = (by_date[r], by_date[s as usize]);
                    pairs.push((i.min(j), i.max(j), sim));
                }
            }
        }
        pairs.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        pairs
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
        #[test]
        fn candidate_pairs_are_the_plain_search(
            seed in 1u64..u64::MAX,
            docs in 2usize..90,
            top_k in 1usize..10,
            max_posting in 1usize..12,
            per_doc in 1usize..8,
            budget in proptest::option::of(1usize..40),
            max_days in proptest::option::of(0i32..6),
            min_sim in 0f32..0.3,
        ) {
            // Texts over a small vocabulary: long lists, many shared features; dates over a
            // few days, some unknown.
            let mut next = crate::cluster::test_rng(seed);
            let texts = random_texts(&mut next, docs, (5, 40), 6, (20, 15, 50));
            let days: Vec<Option<i32>> = (0..docs)
                .map(|_| (next(5) != 0).then(|| next(12) as i32))
                .collect();
            let mut by_date: Vec<u32> = (0..docs as u32).collect();
            by_date.sort_by_key(|&d| (days[d as usize].unwrap_or(i32::MIN), d));
            let refs: Vec<&Document> = texts.iter().collect();
            let m = Vectors::build(&refs, &default_weights(), &by_date).matrix;
            let p = CandidateParams { top_k, max_posting, per_doc, budget, min_sim, max_days };
            let want = plain_pairs(&m, &by_date, &days, &p);
            let got = candidate_pairs(&m, &by_date, &days, &p, &mut Timings::off());
            let bits = |v: &[Pair]| v.iter().map(|&(a, b, s)| (a, b, s.to_bits())).collect::<Vec<_>>();
            proptest::prop_assert_eq!(bits(&got), bits(&want));
        }
    }

    #[test]
    fn window_ends_stop_at_the_first_late_rank() {
        let days = [None, None, Some(0), Some(1), Some(3), Some(4), Some(9)];
        assert_eq!(window_ends(&days, Some(3)), vec![7, 7, 5, 6, 6, 6, 7]);
        assert_eq!(window_ends(&days, None), vec![7; 7]);
        assert_eq!(window_ends(&days, Some(0)), vec![7, 7, 3, 4, 5, 6, 7]);
    }
}
