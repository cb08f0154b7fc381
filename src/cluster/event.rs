//! Event and story clustering: configuration, the pipeline and its result.

use std::fmt;
use std::time::Instant;

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64_with_seed;

use super::UnionFind;
use super::candidates::{CandidateParams, Pair, candidate_pairs, days_apart};
use super::features::{Feature, Matrix, Vectors, Weights, days_apart_in_year, readable_features};
use super::linkage::average_linkage;
use crate::corpus::Document;
use crate::error::{Error, Result};
use crate::timings::Timings;

/// Seeds of the cluster id hashes: an event and a story with the same first member differ.
const EVENT_SEED: u64 = 0x4556_454e_545f_4944; // "EVENT_ID"
const STORY_SEED: u64 = 0x5354_4f52_595f_4944; // "STORY_ID"

/// Components larger than this are split by raising their edge threshold before linkage, which
/// bounds the `O(m²)` memory and time of the linkage step (500: at 100k, 24-26 s user against
/// 30 s with 1,500 and the same B-cubed; at 1M many components reach the cap).
const DENSE_MAX: usize = 500;

/// Settings of [`Clusterer`]. Build one with [`ClusterConfig::builder`].
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterConfig {
    event_threshold: f32,
    story_threshold: f32,
    window_days: u32,
    story_window_days: u32,
    title_weight: f32,
    entity_weight: f32,
    number_weight: f32,
    date_weight: f32,
    top_k: usize,
    max_posting: usize,
    per_doc: usize,
    candidate_budget: Option<usize>,
    explain: bool,
}

impl Default for ClusterConfig {
    fn default() -> ClusterConfig {
        ClusterConfig {
            event_threshold: 0.35,
            story_threshold: 0.12,
            window_days: 3,
            story_window_days: 60,
            title_weight: 2.0,
            entity_weight: 1.5,
            number_weight: 3.0,
            date_weight: 4.0,
            top_k: 16,
            max_posting: 256,
            per_doc: 32,
            candidate_budget: None,
            explain: false,
        }
    }
}

impl ClusterConfig {
    /// A builder starting from the defaults.
    pub fn builder() -> ClusterBuilder {
        ClusterBuilder::default()
    }

    /// The event threshold.
    pub fn event_threshold(&self) -> f32 {
        self.event_threshold
    }

    /// The story threshold.
    pub fn story_threshold(&self) -> f32 {
        self.story_threshold
    }

    /// The event date window in days.
    pub fn window_days(&self) -> u32 {
        self.window_days
    }

    /// The story date window in days.
    pub fn story_window_days(&self) -> u32 {
        self.story_window_days
    }

    fn weights(&self) -> Weights {
        Weights {
            title: self.title_weight,
            entity: self.entity_weight,
            number: self.number_weight,
            date: self.date_weight,
        }
    }
}

/// Builds a [`Clusterer`]; every setter documents its default.
#[derive(Debug, Clone, Default)]
pub struct ClusterBuilder {
    config: ClusterConfig,
}

impl ClusterBuilder {
    /// Minimum average cosine similarity between the articles of one event.
    ///
    /// By default, 0.35. See the module docs, "Which threshold should you use?".
    pub fn event_threshold(&mut self, x: f32) -> &mut ClusterBuilder {
        self.config.event_threshold = x;
        self
    }

    /// Minimum average cosine similarity between the articles of one story; at most the event
    /// threshold. By default, 0.12.
    pub fn story_threshold(&mut self, y: f32) -> &mut ClusterBuilder {
        self.config.story_threshold = y;
        self
    }

    /// Two articles whose publication dates are more than this many days apart are never in one
    /// event (articles without a date are judged on their text alone). By default, 3.
    pub fn window_days(&mut self, days: u32) -> &mut ClusterBuilder {
        self.config.window_days = days;
        self
    }

    /// The same for stories; at least the event window. By default, 60.
    pub fn story_window_days(&mut self, days: u32) -> &mut ClusterBuilder {
        self.config.story_window_days = days;
        self
    }

    /// How many times a title word counts compared with a body word. By default, 2.
    pub fn title_weight(&mut self, w: f32) -> &mut ClusterBuilder {
        self.config.title_weight = w;
        self
    }

    /// Multipliers of the TF-IDF weight of entities, numbers and dates (words count 1).
    /// By default, 1.5, 3 and 4: numbers and dates are the details that tell two events of one
    /// kind apart (two floods in one town two days apart share everything else).
    pub fn feature_weights(&mut self, entity: f32, number: f32, date: f32) -> &mut ClusterBuilder {
        self.config.entity_weight = entity;
        self.config.number_weight = number;
        self.config.date_weight = date;
        self
    }

    /// Candidate search: each document is indexed under its `top_k` strongest features,
    /// a feature indexed by more than `max_posting` documents only pairs each document with its
    /// `max_posting` nearest neighbours by date among them, and the `per_doc` best
    /// candidates of each document are verified. By default, 16, 256 and 32.
    pub fn candidates(&mut self, top_k: usize, max_posting: usize, per_doc: usize) -> &mut Self {
        self.config.top_k = top_k;
        self.config.max_posting = max_posting;
        self.config.per_doc = per_doc;
        self
    }

    /// Candidate search: the most postings scored per document, taken from its indexed features
    /// strongest first, so that the work per document does not grow with the corpus (the
    /// features dropped first are the weakest, the commonest, whose long lists fill up only in a
    /// large corpus). By default there is none. Measured with 768 on the
    /// generator's corpora: at 10k documents nothing is cut (216 postings per document on
    /// average); at 100k the mean falls from 959 to 745 with event B-cubed F1 0.9735 -> 0.9736
    /// and story 0.8154 -> 0.8136; at 1M from 1,898 to 768, about 6% less CPU, with event F1
    /// 0.961 -> 0.963 but story 0.623 -> 0.593 (story recall 0.531 -> 0.494: a story's articles
    /// weeks apart share mostly common features); at 1M with 1,024 story F1 is 0.607, with
    /// 1,536 0.618 (event F1 0.962, 0.961). Set it when time on a very large corpus matters more
    /// than story recall.
    pub fn candidate_budget(&mut self, postings: usize) -> &mut ClusterBuilder {
        self.config.candidate_budget = Some(postings);
        self
    }

    /// Whether to compute [`Explanation`]s for every cluster of two or more documents.
    /// By default, false.
    pub fn explain(&mut self, yes: bool) -> &mut ClusterBuilder {
        self.config.explain = yes;
        self
    }

    /// Checks the settings. Thresholds must lie in `[0, 1]` with the story threshold at most
    /// the event threshold, the story window at least the event window, weights positive and
    /// finite, and the candidate parameters at least 1.
    pub fn build(&self) -> Result<Clusterer> {
        let c = &self.config;
        let unit = |x: f32| (0.0..=1.0).contains(&x);
        if !unit(c.event_threshold) || !unit(c.story_threshold) {
            return Err(Error::config("cluster thresholds must lie between 0 and 1"));
        }
        if c.story_threshold > c.event_threshold {
            return Err(Error::config(format!(
                "the story threshold ({}) must not exceed the event threshold ({})",
                c.story_threshold, c.event_threshold
            )));
        }
        if c.story_window_days < c.window_days {
            return Err(Error::config(
                "the story window must be at least the event window",
            ));
        }
        for w in [
            c.title_weight,
            c.entity_weight,
            c.number_weight,
            c.date_weight,
        ] {
            if !(w.is_finite() && w > 0.0) {
                return Err(Error::config("feature weights must be positive"));
            }
        }
        if c.top_k == 0 || c.max_posting == 0 || c.per_doc == 0 || c.candidate_budget == Some(0) {
            return Err(Error::config("candidate parameters must be at least 1"));
        }
        Ok(Clusterer { config: c.clone() })
    }
}

/// Clusters documents into events and stories. See the [module docs](super).
#[derive(Debug, Clone, Default)]
pub struct Clusterer {
    config: ClusterConfig,
}

/// A stable cluster id: a seeded xxh3 hash of the id of the cluster's smallest member.
///
/// It depends neither on the input order nor on the thread count; it changes only when the
/// cluster's smallest member changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClusterId(pub u64);

impl fmt::Display for ClusterId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// One event or story.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Stable id.
    pub id: ClusterId,
    /// Indices into the input slice, ordered by document id.
    pub members: Vec<usize>,
    /// Why the members belong together, when [`ClusterBuilder::explain`] is on and the cluster
    /// has two or more members.
    pub explanation: Option<Explanation>,
}

/// What holds a cluster together.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// The features shared by at least two members, strongest first (at most 12), with their
    /// summed TF-IDF weight over the members and the number of members that have them.
    pub shared: Vec<SharedFeature>,
    /// Cosine similarities of member pairs (the first 12 members), by member order.
    pub pairs: Vec<PairSimilarity>,
    /// Mean cosine similarity over all member pairs.
    pub cohesion: f32,
}

/// A feature shared inside a cluster.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedFeature {
    /// The feature.
    pub feature: Feature,
    /// Summed TF-IDF weight over the members.
    pub weight: f32,
    /// How many members have it.
    pub members: usize,
}

/// The similarity of two documents, by index into the input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairSimilarity {
    /// First document.
    pub a: usize,
    /// Second document.
    pub b: usize,
    /// Their cosine similarity.
    pub similarity: f32,
}

/// Events and stories of a set of documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Clustering {
    events: Vec<Cluster>,
    stories: Vec<Cluster>,
    event_of: Vec<u32>,
    story_of: Vec<u32>,
}

impl Clustering {
    /// The events, ordered by the id of their smallest member.
    pub fn events(&self) -> &[Cluster] {
        &self.events
    }

    /// The stories, ordered by the id of their smallest member. Every event lies in one story.
    pub fn stories(&self) -> &[Cluster] {
        &self.stories
    }

    /// The event of input document `doc`.
    pub fn event_of(&self, doc: usize) -> &Cluster {
        &self.events[self.event_of[doc] as usize]
    }

    /// The story of input document `doc`.
    pub fn story_of(&self, doc: usize) -> &Cluster {
        &self.stories[self.story_of[doc] as usize]
    }

    /// Index into [`Clustering::events`] for each input document.
    pub fn event_labels(&self) -> &[u32] {
        &self.event_of
    }

    /// Index into [`Clustering::stories`] for each input document.
    pub fn story_labels(&self) -> &[u32] {
        &self.story_of
    }
}

/// The pipeline's view of the input: documents in canonical order (by id, then text hash).
struct Prepared<'d> {
    /// `order[c]` = input index of canonical document `c`.
    order: Vec<usize>,
    docs: Vec<&'d Document>,
    vectors: Vectors,
    days: Vec<Option<i32>>,
    /// `by_date[r]` = canonical document of rank `r`, ranks ordering documents by (date,
    /// canonical index), undated first; the rows are stored in this order.
    by_date: Vec<u32>,
}

impl Clusterer {
    /// A clusterer with the default settings.
    pub fn new() -> Clusterer {
        Clusterer::default()
    }

    /// The settings.
    pub fn config(&self) -> &ClusterConfig {
        &self.config
    }

    /// Clusters `docs` into events and stories, each document on its own before linkage.
    pub fn cluster(&self, docs: &[Document]) -> Clustering {
        let groups: Vec<usize> = (0..docs.len()).collect();
        self.cluster_with_groups(docs, &groups)
    }

    /// Like [`Clusterer::cluster`], keeping each near-duplicate group whole: `groups[i]` is any
    /// label of document `i`'s group (documents with equal labels are copies of one another), so
    /// events contain whole groups. Panics if the lengths differ.
    pub fn cluster_with_groups<G: Eq + std::hash::Hash>(
        &self,
        docs: &[Document],
        groups: &[G],
    ) -> Clustering {
        self.cluster_with_groups_timed(docs, groups, &mut Timings::off())
    }

    /// [`Clusterer::cluster_with_groups`], recording the wall and CPU time of each phase in
    /// `timings` (diagnostics only: the result is the same).
    pub fn cluster_with_groups_timed<G: Eq + std::hash::Hash>(
        &self,
        docs: &[Document],
        groups: &[G],
        timings: &mut Timings,
    ) -> Clustering {
        assert_eq!(docs.len(), groups.len(), "one group label per document");
        let c = &self.config;
        let n = docs.len();
        let t = timings.start();
        let prep = prepare(docs, &c.weights(), timings, t);
        let t = timings.start();
        // Canonical index of each input document, and group units in canonical indices.
        let mut canon_of = vec![0usize; n];
        for (ci, &i) in prep.order.iter().enumerate() {
            canon_of[i] = ci;
        }
        let mut uf_groups = UnionFind::new(n);
        {
            let mut first: std::collections::HashMap<&G, usize> = std::collections::HashMap::new();
            for (i, g) in groups.iter().enumerate() {
                let ci = canon_of[i];
                match first.get(g) {
                    Some(&other) => {
                        uf_groups.union(other, ci);
                    }
                    None => {
                        first.insert(g, ci);
                    }
                }
            }
        }
        let group_label = uf_groups.min_labels();
        timings.record("units", t);

        let params = CandidateParams {
            top_k: c.top_k,
            max_posting: c.max_posting,
            per_doc: c.per_doc,
            budget: c.candidate_budget,
            min_sim: c.story_threshold.min(c.event_threshold),
            max_days: Some(c.story_window_days as i32),
        };
        let pairs = candidate_pairs(
            &prep.vectors.matrix,
            &prep.by_date,
            &prep.days,
            &params,
            timings,
        );

        let event_label = link_level(
            &prep,
            &pairs,
            &group_label,
            f64::from(c.event_threshold),
            c.window_days as i32,
            &EVENT_PHASES,
            timings,
        );
        let story_label = link_level(
            &prep,
            &pairs,
            &event_label,
            f64::from(c.story_threshold),
            c.story_window_days as i32,
            &STORY_PHASES,
            timings,
        );

        let t = timings.start();
        let (events, event_of) = collect(&prep, &event_label, EVENT_SEED, c.explain);
        let (stories, story_of) = collect(&prep, &story_label, STORY_SEED, c.explain);
        timings.record("collect", t);
        Clustering {
            events,
            stories,
            event_of,
            story_of,
        }
    }
}

/// Prepares the canonical view; records "order" (canonical and date order) and the phases of
/// [`Vectors::build_timed`] (the TF-IDF rows) in `timings`, the first phase starting at `t`.
fn prepare<'d>(
    docs: &'d [Document],
    weights: &Weights,
    timings: &mut Timings,
    t: Instant,
) -> Prepared<'d> {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let text_hash: Vec<u64> = docs
        .par_iter()
        .map(|d| xxh3_64_with_seed(d.text.as_bytes(), 0))
        .collect();
    order.par_sort_unstable_by(|&a, &b| {
        docs[a]
            .meta
            .id
            .cmp(&docs[b].meta.id)
            .then(text_hash[a].cmp(&text_hash[b]))
            .then(docs[a].text.cmp(&docs[b].text))
            .then(a.cmp(&b))
    });
    let canon: Vec<&Document> = order.iter().map(|&i| &docs[i]).collect();
    let epoch = jiff::civil::date(1970, 1, 1);
    let days: Vec<Option<i32>> = canon
        .iter()
        .map(|d| {
            d.meta
                .published
                .map(|p| (p.duration_since(epoch).as_secs() / 86_400) as i32)
        })
        .collect();
    let mut by_date: Vec<u32> = (0..canon.len() as u32).collect();
    by_date.par_sort_unstable_by_key(|&d| (days[d as usize].unwrap_or(i32::MIN), d));
    timings.record("order", t);
    let vectors = Vectors::build_timed(&canon, weights, &by_date, timings);
    Prepared {
        order,
        docs: canon,
        vectors,
        days,
        by_date,
    }
}

impl Prepared<'_> {
    /// Days between two documents: between their publication dates when both have one,
    /// otherwise between the first dates their texts name (month and day, around the year),
    /// otherwise unknown.
    fn apart(&self, a: usize, b: usize) -> Option<i32> {
        match days_apart(self.days[a], self.days[b]) {
            Some(d) => Some(d),
            None => Some(days_apart_in_year(
                self.vectors.text_dates[a]?,
                self.vectors.text_dates[b]?,
            )),
        }
    }
}

/// One level of linkage: starting from the partition `units` (a label per canonical document,
/// the smallest member of its unit), merges units by average linkage over documents. Returns the
/// new label per canonical document (the smallest member of its cluster).
fn link_level(
    prep: &Prepared<'_>,
    pairs: &[Pair],
    units: &[u32],
    threshold: f64,
    window: i32,
    phases: &LevelPhases,
    timings: &mut Timings,
) -> Vec<u32> {
    let n = units.len();
    let t = timings.start();
    let edges: Vec<Pair> = pairs
        .par_iter()
        .copied()
        .filter(|&(a, b, s)| {
            f64::from(s) >= threshold
                && units[a as usize] != units[b as usize]
                && prep
                    .apart(a as usize, b as usize)
                    .is_none_or(|d| d <= window)
        })
        .collect();
    timings.record(phases.edges, t);
    let t = timings.start();
    let members: Vec<usize> = (0..n).collect();
    let parts = split(&members, &edges, units, threshold);
    timings.record(phases.split, t);
    let t = timings.start();
    let clusters = link_parts(prep, &members, parts, units, threshold, window);
    timings.record(phases.link, t);
    let mut out = units.to_vec();
    let t = timings.start();
    for cluster in clusters {
        let min = *cluster.iter().min().expect("non-empty cluster") as u32;
        for d in cluster {
            out[d] = min;
        }
    }
    timings.record(phases.labels, t);
    out
}

/// Names of the timed phases of one level of linkage.
struct LevelPhases {
    edges: &'static str,
    split: &'static str,
    link: &'static str,
    labels: &'static str,
}

const EVENT_PHASES: LevelPhases = LevelPhases {
    edges: "event edges",
    split: "event split",
    link: "event link",
    labels: "event labels",
};

const STORY_PHASES: LevelPhases = LevelPhases {
    edges: "story edges",
    split: "story split",
    link: "story link",
    labels: "story labels",
};

/// Connected components of `members` (sorted) under `edges` (with edge similarity at least
/// `cut`, both ends in `members`) and the units; each small component goes to linkage, each
/// large one is split again with a higher cut. Each level is one pass over its edges, which it
/// hands out to the large components.
fn split_and_link(
    prep: &Prepared<'_>,
    members: &[usize],
    edges: &[Pair],
    units: &[u32],
    threshold: f64,
    cut: f64,
    window: i32,
) -> Vec<Vec<usize>> {
    let parts = split(members, edges, units, cut);
    link_parts(prep, members, parts, units, threshold, window)
}

/// The components of one level of [`split_and_link`]: their local members, whether each is
/// too large for linkage, the edges of the large ones, and the cut they were found with.
struct Parts {
    sets: Vec<Vec<usize>>,
    large: Vec<bool>,
    edges: Vec<Vec<Pair>>,
    cut: f64,
}

/// The components of `members` under the edges at or above `cut` and the units, raising the
/// cut while they form one component too large for linkage.
fn split(members: &[usize], edges: &[Pair], units: &[u32], mut cut: f64) -> Parts {
    // Local index of a document: a table over the whole corpus when the component is a large
    // part of it (a binary search per edge end was most of the story level at 1M documents),
    // a binary search otherwise.
    let table: Vec<u32> = if members.len() * 16 >= units.len() {
        let mut t = vec![u32::MAX; units.len()];
        for (l, &d) in members.iter().enumerate() {
            t[d] = l as u32;
        }
        t
    } else {
        Vec::new()
    };
    let local = |d: usize| {
        if table.is_empty() {
            members.binary_search(&d).expect("member")
        } else {
            table[d] as usize
        }
    };
    let mut inner: Vec<Pair>;
    let mut edges = edges;
    loop {
        let sets = components(members, edges, units, cut, &local).sets();
        if sets.len() == 1 && members.len() > DENSE_MAX && cut < 1.0 {
            inner = edges
                .par_iter()
                .copied()
                .filter(|&(_, _, s)| f64::from(s) >= cut)
                .collect();
            edges = &inner;
            cut += 0.05;
            continue;
        }
        let large: Vec<bool> = sets
            .iter()
            .map(|s| s.len() > DENSE_MAX && cut < 1.0)
            .collect();
        let mut comp_edges: Vec<Vec<Pair>> = vec![Vec::new(); sets.len()];
        if large.iter().any(|&l| l) {
            // Component of each local member, and the edges of the large components, found in
            // parallel and handed out in their order.
            let mut comp_of = vec![0u32; members.len()];
            for (c, set) in sets.iter().enumerate() {
                for &l in set {
                    comp_of[l] = c as u32;
                }
            }
            let tagged: Vec<(u32, Pair)> = edges
                .par_iter()
                .filter_map(|&(a, b, s)| {
                    if f64::from(s) < cut {
                        return None;
                    }
                    let c = comp_of[local(a as usize)];
                    debug_assert_eq!(c, comp_of[local(b as usize)]);
                    large[c as usize].then_some((c, (a, b, s)))
                })
                .collect();
            for (c, pair) in tagged {
                comp_edges[c as usize].push(pair);
            }
        }
        return Parts {
            sets,
            large,
            edges: comp_edges,
            cut,
        };
    }
}

/// Edge lists at least this long are joined by several threads, each over its share of the
/// edges, and their partitions merged.
const PARALLEL_EDGES: usize = 1 << 18;

/// The partition of the local members `0..members.len()` joined by the units and by the edges
/// at or above `cut` (`local` maps a document to its local index). Long edge lists are split
/// among the threads, each joining its share in its own [`UnionFind`], and the partitions are
/// then merged: the partition does not depend on the order of the unions, so it is the one a
/// single pass would find.
fn components(
    members: &[usize],
    edges: &[Pair],
    units: &[u32],
    cut: f64,
    local: &(impl Fn(usize) -> usize + Sync),
) -> UnionFind {
    let join = |uf: &mut UnionFind, part: &[Pair], with_units: bool| {
        if with_units {
            for (l, &d) in members.iter().enumerate() {
                // A unit's smallest member is in the same component as the unit.
                let u = units[d] as usize;
                if u != d {
                    uf.union(local(u), l);
                }
            }
        }
        for &(a, b, s) in part {
            if f64::from(s) >= cut {
                uf.union(local(a as usize), local(b as usize));
            }
        }
    };
    let threads = rayon::current_num_threads();
    if edges.len() < PARALLEL_EDGES || threads == 1 {
        let mut uf = UnionFind::new(members.len());
        join(&mut uf, edges, true);
        return uf;
    }
    edges
        .par_chunks(edges.len().div_ceil(threads))
        .enumerate()
        .map(|(k, part)| {
            let mut uf = UnionFind::new(members.len());
            join(&mut uf, part, k == 0);
            uf
        })
        .reduce_with(|mut a, mut b| {
            a.absorb(&mut b);
            a
        })
        .expect("at least one share of the edges")
}

/// Links each component of `parts` (found among `members`): small ones by average linkage,
/// large ones split again with a higher cut.
fn link_parts(
    prep: &Prepared<'_>,
    members: &[usize],
    parts: Parts,
    units: &[u32],
    threshold: f64,
    window: i32,
) -> Vec<Vec<usize>> {
    let Parts {
        sets,
        large,
        edges,
        cut,
    } = parts;
    sets.into_iter()
        .zip(edges)
        .enumerate()
        .collect::<Vec<_>>()
        .into_par_iter()
        .flat_map_iter(|(c, (set, inner))| {
            let mut comp: Vec<usize> = set.into_iter().map(|l| members[l]).collect();
            comp.sort_unstable();
            if comp.len() == 1 {
                vec![comp]
            } else if large[c] {
                split_and_link(prep, &comp, &inner, units, threshold, cut + 0.05, window)
            } else {
                link_component(prep, &comp, units, threshold, window)
            }
        })
        .collect()
}

/// Average linkage inside one component, with exact similarities between all its documents.
fn link_component(
    prep: &Prepared<'_>,
    comp: &[usize],
    units: &[u32],
    threshold: f64,
    window: i32,
) -> Vec<Vec<usize>> {
    // Units of the component, by smallest member.
    let mut unit_ids: Vec<u32> = comp.iter().map(|&d| units[d]).collect();
    unit_ids.sort_unstable();
    unit_ids.dedup();
    let m = unit_ids.len();
    if m == 1 {
        return vec![comp.to_vec()];
    }
    let unit_of: Vec<usize> = comp
        .iter()
        .map(|&d| unit_ids.binary_search(&units[d]).expect("unit"))
        .collect();
    let mut sizes = vec![0u32; m];
    for &u in &unit_of {
        sizes[u] += 1;
    }
    let k = comp.len();
    let dots = pair_dots(&prep.vectors.matrix, comp);
    let mut sums = vec![0f64; m * m];
    for x in 0..k {
        for y in x + 1..k {
            let (ux, uy) = (unit_of[x], unit_of[y]);
            if ux == uy {
                continue;
            }
            let s = if prep.apart(comp[x], comp[y]).is_some_and(|d| d > window) {
                0.0
            } else {
                f64::from(dots[x * k + y].min(1.0))
            };
            sums[ux * m + uy] += s;
            sums[uy * m + ux] += s;
        }
    }
    let rep = average_linkage(&sizes, &mut sums, threshold);
    let mut by_rep: Vec<Vec<usize>> = vec![Vec::new(); m];
    for (x, &d) in comp.iter().enumerate() {
        by_rep[rep[unit_of[x]] as usize].push(d);
    }
    by_rep.into_iter().filter(|c| !c.is_empty()).collect()
}

/// Dot products of all pairs of the documents `comp`: entry `x * k + y` for `x < y`, where `k`
/// is the number of documents. An inverted index over the component's features pays for the
/// pairs that share a feature only, instead of one merge of two feature lists per pair (the
/// step that grew fastest with the corpus). Every pair's products are added in ascending
/// feature order, as [`Row::cosine`](super::features::Row::cosine) adds them, so the sums are
/// the same to the bit.
fn pair_dots(rows: &Matrix, comp: &[usize]) -> Vec<f32> {
    let k = comp.len();
    // Feature in the high 32 bits of the key, document in the low, made in document order and
    // grouped by feature, documents ascending within a feature.
    let postings: Vec<(u64, f32)> = comp
        .iter()
        .enumerate()
        .flat_map(|(x, &d)| {
            rows.row(d)
                .iter()
                .map(move |(f, w)| ((u64::from(f) << 32) | x as u64, w))
        })
        .collect();
    let postings = sort_by_feature(postings, rows.features());
    let mut dots = vec![0f32; k * k];
    let mut i = 0;
    while i < postings.len() {
        let f = postings[i].0 >> 32;
        let mut j = i + 1;
        while j < postings.len() && postings[j].0 >> 32 == f {
            j += 1;
        }
        let run = &postings[i..j];
        for (a, &(kx, wx)) in run.iter().enumerate() {
            let x = kx as u32 as usize;
            let row = &mut dots[x * k..(x + 1) * k];
            for &(ky, wy) in &run[a + 1..] {
                row[ky as u32 as usize] += wx * wy;
            }
        }
        i = j;
    }
    dots
}

/// Sorts postings by their key's high 32 bits (a feature below `features`), keeping the order
/// of equal features: a least-significant-digit radix sort, 11 bits a pass, as many passes as
/// the feature indices need (two for up to 4M features). A comparison sort of the keys was
/// most of [`pair_dots`]. For postings made in document order, the result is the keys sorted.
fn sort_by_feature(mut postings: Vec<(u64, f32)>, features: usize) -> Vec<(u64, f32)> {
    const BITS: u32 = 11;
    const BUCKETS: usize = 1 << BITS;
    // Every feature must be below `features`: the passes only look at the bits it needs.
    debug_assert!(
        postings
            .iter()
            .all(|&(key, _)| (key >> 32) < features as u64),
        "a feature index at or above the vocabulary size {features}"
    );
    debug_assert!(
        u32::try_from(features).is_ok(),
        "feature indices fit in 32 bits"
    );
    let used = usize::BITS - features.saturating_sub(1).leading_zeros();
    let mut other = vec![(0u64, 0f32); postings.len()];
    let mut shift = 32;
    while shift < 32 + used {
        let digit = |key: u64| ((key >> shift) as usize) & (BUCKETS - 1);
        let mut start = [0usize; BUCKETS + 1];
        for &(key, _) in &postings {
            start[digit(key) + 1] += 1;
        }
        for b in 0..BUCKETS {
            start[b + 1] += start[b];
        }
        for &p in &postings {
            let slot = &mut start[digit(p.0)];
            other[*slot] = p;
            *slot += 1;
        }
        std::mem::swap(&mut postings, &mut other);
        shift += BITS;
    }
    postings
}

/// Turns per-canonical-document labels into clusters ordered by smallest member, with stable ids
/// and the label of each input document.
fn collect(
    prep: &Prepared<'_>,
    labels: &[u32],
    seed: u64,
    explain: bool,
) -> (Vec<Cluster>, Vec<u32>) {
    let n = labels.len();
    let mut index = vec![u32::MAX; n];
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for (c, &l) in labels.iter().enumerate() {
        let slot = &mut index[l as usize];
        if *slot == u32::MAX {
            *slot = clusters.len() as u32;
            clusters.push(Vec::new());
        }
        clusters[*slot as usize].push(c);
    }
    let mut of_input = vec![0u32; n];
    for (c, &l) in labels.iter().enumerate() {
        of_input[prep.order[c]] = index[l as usize];
    }
    let out = clusters
        .into_par_iter()
        .map(|canon_members| {
            let id = ClusterId(xxh3_64_with_seed(
                prep.docs[canon_members[0]].meta.id.as_bytes(),
                seed,
            ));
            let explanation =
                (explain && canon_members.len() > 1).then(|| explain_cluster(prep, &canon_members));
            Cluster {
                id,
                members: canon_members.iter().map(|&c| prep.order[c]).collect(),
                explanation,
            }
        })
        .collect();
    (out, of_input)
}

fn explain_cluster(prep: &Prepared<'_>, members: &[usize]) -> Explanation {
    let mut shared: std::collections::BTreeMap<Feature, (f32, usize)> =
        std::collections::BTreeMap::new();
    for &c in members {
        let m = &prep.vectors.matrix;
        let row = m.row(c);
        for (feature, _) in readable_features(prep.docs[c], 1.0) {
            let w = m.index_of(feature.id()).map_or(0.0, |f| row.get(f));
            let e = shared.entry(feature).or_insert((0.0, 0));
            e.0 += w;
            e.1 += 1;
        }
    }
    let mut shared: Vec<SharedFeature> = shared
        .into_iter()
        .filter(|(_, (_, k))| *k >= 2)
        .map(|(feature, (weight, members))| SharedFeature {
            feature,
            weight,
            members,
        })
        .collect();
    shared.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| a.feature.cmp(&b.feature))
    });
    shared.truncate(12);
    let m = &prep.vectors.matrix;
    let mut pairs = Vec::new();
    let shown = members.len().min(12);
    for x in 0..shown {
        for y in x + 1..shown {
            pairs.push(PairSimilarity {
                a: prep.order[members[x]],
                b: prep.order[members[y]],
                similarity: m.row(members[x]).cosine(m.row(members[y])),
            });
        }
    }
    let sample = &members[..members.len().min(200)];
    let (mut total, mut count) = (0.0f64, 0usize);
    for x in 0..sample.len() {
        for y in x + 1..sample.len() {
            total += f64::from(m.row(sample[x]).cosine(m.row(sample[y])));
            count += 1;
        }
    }
    Explanation {
        shared,
        pairs,
        cohesion: if count == 0 {
            1.0
        } else {
            (total / count as f64) as f32
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn seeds() -> Vec<Document> {
        let mut paths: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
            .expect("seeds")
            .map(|e| e.expect("entry").path())
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| {
                let id = p.file_name().expect("name").to_string_lossy().to_string();
                Document::new(id, std::fs::read_to_string(p).expect("read"))
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn radix_sort_by_feature_is_the_sort(
            rows in proptest::collection::vec(
                proptest::collection::btree_set(0u32..5_000_000, 0..40), 0..30),
            small in proptest::bool::ANY,
        ) {
            // Postings in document order, each document's features ascending, as pair_dots
            // makes them; a small vocabulary takes one pass, a large one three.
            let cap = if small { 2_000 } else { 5_000_000 };
            let postings: Vec<(u64, f32)> = rows
                .iter()
                .enumerate()
                .flat_map(|(x, fs)| {
                    fs.iter()
                        .map(move |&f| ((u64::from(f % cap) << 32) | x as u64, f as f32))
                })
                .collect();
            let mut want = postings.clone();
            want.sort_by_key(|p| p.0);
            let got = sort_by_feature(postings, cap as usize);
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn components_found_in_shares_are_the_single_pass_components() {
        // Enough edges for the parallel path, over few enough documents to chain them, with
        // units joining some documents and a cut leaving some edges out.
        let n = 40_000usize;
        let mut next = crate::cluster::test_rng(0x2545_F491_4F6C_DD1D);
        let edges: Vec<Pair> = (0..PARALLEL_EDGES + 1000)
            .map(|_| {
                let a = next(n as u64) as u32;
                let b = (u64::from(a) + 1 + next(3)).min(n as u64 - 1) as u32;
                (a.min(b), a.max(b), next(1000) as f32 / 1000.0)
            })
            .collect();
        let units: Vec<u32> = (0..n as u32)
            .map(|d| d - d % 7 * u32::from(d % 5 == 0))
            .collect();
        let members: Vec<usize> = (0..n).collect();
        let local = |d: usize| d;
        let cut = 0.97;
        let mut plain = UnionFind::new(n);
        for (d, &u) in units.iter().enumerate() {
            plain.union(u as usize, d);
        }
        for &(a, b, s) in &edges {
            if f64::from(s) >= cut {
                plain.union(a as usize, b as usize);
            }
        }
        let want = plain.sets();
        assert!(want.len() > 1 && want.len() < n - 1000, "{}", want.len());
        for threads in [1, 2, 3] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("pool");
            let got = pool.install(|| components(&members, &edges, &units, cut, &local).sets());
            assert_eq!(got, want, "{threads} threads");
        }
    }

    #[test]
    fn seeds_events_and_story() {
        let docs = seeds();
        let prep = prepare(
            &docs,
            &ClusterConfig::default().weights(),
            &mut Timings::default(),
            Instant::now(),
        );
        for a in 0..docs.len() {
            let row: Vec<String> = (0..docs.len())
                .map(|b| {
                    let m = &prep.vectors.matrix;
                    format!("{:.3}", m.row(a).cosine(m.row(b)))
                })
                .collect();
            eprintln!("{a}: {}", row.join(" "));
        }
        let c = Clusterer::new().cluster(&docs);
        let ev: Vec<u32> = c.event_labels().to_vec();
        eprintln!("events {ev:?} stories {:?}", c.story_labels());
        assert_eq!(ev[3], ev[4], "003 and 004 are one event");
        assert_ne!(ev[2], ev[3], "002 is another event");
        assert_eq!(c.stories().len(), 1, "one story");
    }
}
