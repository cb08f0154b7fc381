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

/// Days between two optional dates (`None` when either is unknown).
pub(crate) fn days_apart(a: Option<i32>, b: Option<i32>) -> Option<i32> {
    Some((a? - b?).abs())
}

/// Verified candidate pairs, sorted by `(i, j)`.
pub(crate) fn candidate_pairs(
    rows: &[SparseVec],
    days: &[Option<i32>],
    p: &CandidateParams,
) -> Vec<Pair> {
    let n = rows.len();
    let tops: Vec<Vec<(u64, f32)>> = rows.par_iter().map(|r| top_features(r, p.top_k)).collect();
    // Postings as one sorted array of (feature, doc, weight), grouped by feature.
    let mut entries: Vec<(u64, u32, f32)> = tops
        .par_iter()
        .enumerate()
        .flat_map_iter(|(d, t)| t.iter().map(move |&(f, w)| (f, d as u32, w)))
        .collect();
    // Within a feature, postings run by date, then by document.
    let day_key = |d: u32| days[d as usize].unwrap_or(i32::MIN);
    entries.par_sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then(day_key(a.1).cmp(&day_key(b.1)))
            .then(a.1.cmp(&b.1))
    });
    let mut keys: Vec<u64> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        if keys.last() != Some(&e.0) {
            keys.push(e.0);
            starts.push(i);
        }
    }
    starts.push(entries.len());

    let mut pairs: Vec<Pair> = (0..n)
        .into_par_iter()
        .with_min_len(256)
        .map_init(
            || (vec![0f32; n], Vec::<u32>::new()),
            |(acc, touched), i| {
                for &(f, w) in &tops[i] {
                    let Ok(k) = keys.binary_search(&f) else {
                        continue;
                    };
                    let posting = &entries[starts[k]..starts[k + 1]];
                    // A long posting list only pairs each document with its `max_posting`
                    // nearest neighbours in date order: the window is symmetric in positions,
                    // so a pair inside it is seen from its lower document.
                    let window = if posting.len() > p.max_posting {
                        let key = (day_key(i as u32), i as u32);
                        let pos = posting.partition_point(|e| (day_key(e.1), e.1) < key);
                        let half = p.max_posting / 2;
                        &posting[pos.saturating_sub(half)..(pos + half + 1).min(posting.len())]
                    } else {
                        posting
                    };
                    for &(_, j, wj) in window {
                        if j as usize <= i {
                            continue;
                        }
                        // Out-of-window documents must not take the place of in-window ones
                        // among the `per_doc` best.
                        if let (Some(max), Some(d)) =
                            (p.max_days, days_apart(days[i], days[j as usize]))
                            && d > max
                        {
                            continue;
                        }
                        let slot = &mut acc[j as usize];
                        if *slot == 0.0 {
                            touched.push(j);
                        }
                        *slot += w * wj;
                    }
                }
                let mut cands: Vec<(u32, f32)> =
                    touched.iter().map(|&j| (j, acc[j as usize])).collect();
                for &j in touched.iter() {
                    acc[j as usize] = 0.0;
                }
                touched.clear();
                let order =
                    |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
                if cands.len() > p.per_doc {
                    cands.select_nth_unstable_by(p.per_doc, order);
                    cands.truncate(p.per_doc);
                }
                cands.sort_unstable_by(order);
                let mut out: Vec<Pair> = Vec::new();
                for (j, _) in cands {
                    let s = rows[i].cosine(&rows[j as usize]);
                    if s >= p.min_sim {
                        out.push((i as u32, j, s));
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
