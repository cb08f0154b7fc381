//! Near-duplicate detection: fingerprint, find candidates, verify, group.
//!
//! ```
//! use crosscheck::{Document, dedup::Dedup};
//!
//! let story = "Russian President Vladimir Putin on Friday said that any Western military forces \
//!     deployed in Ukraine to maintain peace would be legitimate targets for the Russian military, \
//!     speaking at an economic forum in Vladivostok.";
//! let docs = [
//!     Document::new("wire", story),
//!     Document::new("copy", story.replace("on Friday", "on Friday,")), // same words
//!     Document::new("other", "Heavy rain flooded the valley and closed the main road to the city."),
//! ];
//! let result = Dedup::builder().build()?.run(&docs);
//! assert_eq!(result.groups().len(), 2);
//! assert_eq!(result.group_of(0), result.group_of(1));
//! let pair = &result.pairs()[0];
//! assert_eq!((result.id(pair.a), result.id(pair.b), pair.jaccard), ("copy", "wire", 1.0));
//! # Ok::<(), crosscheck::Error>(())
//! ```
//!
//! # How it works
//!
//! 1. **Fingerprint** each document in parallel batches (rayon; a reader thread only cuts raw
//!    records, parsing happens in the workers, see [`Corpus::par_map`]): one pass over the text yields
//!    the hashes of its word shingles ([`Shingler`]), which feed a one-permutation MinHash (or a
//!    weighted SimHash). Only the LSH band keys (or the SimHash) and the id, date and origin are
//!    kept; the text is dropped. That is what makes a streaming run over a [`Corpus`] bounded in
//!    memory: [`Deduplicated::state_bytes_per_doc`] says how much is kept.
//! 2. **Candidates**: documents sharing an LSH band (bands × rows derived from the threshold, see
//!    [`crate::lsh`]) or, with [`Method::SimHash`], SimHashes within the Hamming radius.
//!    MinHash candidates whose Jaccard estimate from the low 8 bits of the MinHash values
//!    (kept: `k` bytes per document) is more than [`PREFILTER_MARGIN`] below the threshold are
//!    dropped here: on the generator's corpus that removes 90% of LSH candidates (articles on the
//!    same subject sharing much of their vocabulary) before any text is read again. Before that,
//!    a bit sketch (bit 8 of 256 MinHash values, or bits 8-9 of 128, 32 bytes per document)
//!    drops, in a few
//!    instructions per pair, the pairs of unrelated documents that share a band by chance: their
//!    number grows quadratically with the corpus (large buckets of articles sharing vocabulary).
//!    Next to each sketch are copies of the document's first 4 band keys: a copy meets its
//!    original again in most bands, and is skipped there (it is looked at only in the first
//!    band they share) without reading their other band keys, a cache miss each on a large
//!    corpus.
//! 3. **Verify**: the shingle sets of the documents in some candidate pair are kept from the
//!    first pass while they fit in a budget ([`DedupBuilder::cache_bytes`], growing with the
//!    corpus by [`DedupBuilder::cache_bytes_per_doc`]); the text of the
//!    others is read again (from memory, or from the corpus files by the byte range of each
//!    record, see [`Refetch`]), one batch of connected components of the candidate graph at a
//!    time, and each candidate's exact Jaccard similarity of shingle sets is computed; only pairs at or above the threshold are kept. Every reported pair is really
//!    above the threshold (up to 32-bit hash collisions of distinct shingles, see [`ShingleSet`]).
//! 4. **Group**: union-find over verified pairs; every document is in exactly one group; the
//!    representative is the earliest published, then smallest id; group ids hash the
//!    representative's id ([`crate::cluster::GroupId`]). Nothing depends on thread count or input order.
//!
//! # Which method and threshold should you use?
//!
//! - `threshold` is the Jaccard similarity of the documents' shingle sets; by default the
//!   shingles are single normalized words, so it is the share of distinct words two articles
//!   have in common. **0.8** (the default) catches syndicated copies with a new headline and
//!   byline, boilerplate, sentences dropped, added or reordered, words substituted, typos and a
//!   cut last paragraph, while keeping apart articles about the same event written separately
//!   (at most 0.59 on the generator's corpus, where they share names, places and figures). Use
//!   0.9 and above for "the same text, reformatted"; lower thresholds catch heavier edits but
//!   make more candidates to verify, so runs get slower.
//! - Shingle length (`shingle`): measured on the generator's 10k corpus (`crosscheck generate
//!   --docs 10000 --seed 1`, `cargo run --release --example shingle_study`), the share of true
//!   copy pairs whose Jaccard reaches 0.8 is 0.989 with 1-word shingles, 0.963 with 2, 0.954
//!   with 3 and 0.915 with 5: every typo or substituted word breaks `n` shingles, so at a fixed
//!   threshold longer shingles miss more copies (on an earlier, harder version of the generator:
//!   0.94, 0.83, 0.75, 0.66). Separately written articles on the same event stay at or below
//!   0.59 (1 word) and 0.30 (3 words), so single words keep precision at 1.0 at 0.8. Longer
//!   shingles make fewer candidates out of unrelated articles that share vocabulary and are
//!   stricter about word order: use `shingle(3)` if your copies are mostly verbatim.
//! - [`Method::MinHash`] (the default) finds pairs above the threshold with a known probability
//!   (the LSH S-curve gives at least 0.995 at the threshold itself). [`Method::SimHash`] keeps 8
//!   bytes per document and uses permutation tables for Hamming distance <= `max_hamming`; since
//!   the Hamming distance relates only loosely to Jaccard, it misses copies whose edits are
//!   spread out. Both verify with exact Jaccard, so neither reports a pair below the threshold.
//!   See [`crate::fingerprint`] for more.

use std::borrow::Cow;
use std::cell::Cell;

use rayon::prelude::*;

use crate::cluster::{DocKey, Group, GroupId, UnionFind, group_of};
use crate::corpus::{Corpus, Date, Document, Origin, Refetch, Skipped};
use crate::error::{Error, Result};
use crate::fingerprint::{MinHasher, ShingleSet, Shingler, SimHash, SimHasher};
use crate::lsh::{self, LshParams};

/// How candidates are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// MinHash LSH over word shingles.
    #[default]
    MinHash,
    /// Weighted 64-bit SimHash with permutation tables.
    SimHash,
}

impl Method {
    /// `"minhash"` or `"simhash"`.
    pub fn name(self) -> &'static str {
        match self {
            Method::MinHash => "minhash",
            Method::SimHash => "simhash",
        }
    }
}

/// Configures a [`Dedup`]. Every setter documents its default.
#[derive(Debug, Clone)]
pub struct DedupBuilder {
    threshold: f64,
    method: Method,
    shingle: usize,
    num_hashes: usize,
    max_hamming: u32,
    seed: u64,
    batch_bytes: usize,
    cache_bytes: usize,
    cache_bytes_per_doc: usize,
}

impl Default for DedupBuilder {
    fn default() -> DedupBuilder {
        DedupBuilder {
            threshold: 0.8,
            method: Method::MinHash,
            shingle: 1,
            num_hashes: 256,
            max_hamming: 3,
            seed: 0x5eed_c0de_2026,
            batch_bytes: 8 << 20,
            cache_bytes: 64 << 20,
            cache_bytes_per_doc: 224,
        }
    }
}

impl DedupBuilder {
    /// The Jaccard similarity (of shingle sets) at or above which two documents are
    /// near-duplicates, in `(0, 1]`. By default, 0.8.
    pub fn threshold(&mut self, threshold: f64) -> &mut DedupBuilder {
        self.threshold = threshold;
        self
    }

    /// How candidates are found. By default, [`Method::MinHash`].
    pub fn method(&mut self, method: Method) -> &mut DedupBuilder {
        self.method = method;
        self
    }

    /// Shingle length in words, `1..=8`. By default, 1 (see the module docs for why).
    pub fn shingle(&mut self, words: usize) -> &mut DedupBuilder {
        self.shingle = words;
        self
    }

    /// MinHash values per document (bins of the one-permutation MinHash), `8..=1024`. By
    /// default, 256: with 1-word shingles the S-curve must be steep (32 bands × 8 rows at 0.8)
    /// to keep unrelated articles on the same subject (word-set Jaccard 0.3-0.5) from becoming
    /// candidates.
    pub fn num_hashes(&mut self, k: usize) -> &mut DedupBuilder {
        self.num_hashes = k;
        self
    }

    /// The SimHash Hamming radius of candidates, `0..=16`. By default, 3.
    pub fn max_hamming(&mut self, k: u32) -> &mut DedupBuilder {
        self.max_hamming = k;
        self
    }

    /// The hash seed. By default, a fixed constant: results are the same on every run.
    pub fn seed(&mut self, seed: u64) -> &mut DedupBuilder {
        self.seed = seed;
        self
    }

    /// Text bytes per parallel batch when streaming a corpus. By default, 8 MiB.
    pub fn batch_bytes(&mut self, bytes: usize) -> &mut DedupBuilder {
        self.batch_bytes = bytes.max(1);
        self
    }

    /// Bytes of shingle sets kept from the first pass of a streaming run, so that the documents
    /// of candidate pairs need not be read, parsed and tokenized again to be verified. Sets are
    /// kept in input order until this fixed part of the budget is spent; after that, only as
    /// fast as [`DedupBuilder::cache_bytes_per_doc`] lets the budget grow, and the other
    /// candidates are read again by their byte ranges. With both at 0, every candidate is read
    /// again. By default, 64 MiB (the sets of about 80,000 news articles).
    pub fn cache_bytes(&mut self, bytes: usize) -> &mut DedupBuilder {
        self.cache_bytes = bytes;
        self
    }

    /// Lets the budget of kept shingle sets ([`DedupBuilder::cache_bytes`]) grow with the
    /// corpus: after `n` documents it is the larger of `cache_bytes` and `n · bytes`. Once the
    /// fixed part is spent, a share of the documents, chosen by a hash of their id so that the
    /// same ones are kept on every run, is kept at about this rate. On a large corpus most
    /// candidates are then no longer read again (at 1M generated documents, about half of them
    /// are in some candidate pair, and a fixed 64 MiB holds the sets of 6% of those), for a
    /// bounded memory cost per document. 0 keeps the budget fixed. By default, 224 bytes: with
    /// the ~650 bytes of fingerprints per document, a streaming run stays under 1 KiB per
    /// document beyond a fixed base.
    pub fn cache_bytes_per_doc(&mut self, bytes: usize) -> &mut DedupBuilder {
        self.cache_bytes_per_doc = bytes;
        self
    }

    /// Checks the settings.
    pub fn build(&self) -> Result<Dedup> {
        if !(self.threshold > 0.0 && self.threshold <= 1.0) {
            return Err(Error::config(format!(
                "threshold must be in (0, 1], not {}",
                self.threshold
            )));
        }
        if !(1..=crate::fingerprint::MAX_SHINGLE).contains(&self.shingle) {
            return Err(Error::config(format!(
                "shingle length must be in 1..=8, not {}",
                self.shingle
            )));
        }
        if !(8..=1024).contains(&self.num_hashes) {
            return Err(Error::config(format!(
                "number of hashes must be in 8..=1024, not {}",
                self.num_hashes
            )));
        }
        if self.max_hamming > 16 {
            return Err(Error::config(format!(
                "Hamming radius must be in 0..=16, not {}",
                self.max_hamming
            )));
        }
        Ok(Dedup {
            config: self.clone(),
            shingler: Shingler::new(self.shingle),
            minhasher: MinHasher::new(self.num_hashes, self.seed),
            simhasher: SimHasher::new(self.seed ^ 0x51a1),
            lsh: LshParams::for_threshold(self.threshold, self.num_hashes),
        })
    }
}

/// A configured near-duplicate detector. See the [module docs](self).
#[derive(Debug, Clone)]
pub struct Dedup {
    config: DedupBuilder,
    shingler: Shingler,
    minhasher: MinHasher,
    simhasher: SimHasher,
    lsh: LshParams,
}

/// What is kept of a document after fingerprinting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocInfo {
    /// The id.
    pub id: Box<str>,
    /// The publication date.
    pub published: Option<Date>,
    /// Where the record is, to read it again.
    pub origin: Option<Origin>,
}

/// A verified near-duplicate pair. `a` and `b` index [`Deduplicated::docs`], with `id(a) < id(b)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// The document with the smaller id.
    pub a: u32,
    /// The document with the larger id.
    pub b: u32,
    /// Exact Jaccard similarity of the shingle sets.
    pub jaccard: f64,
    /// SimHash Hamming distance (with [`Method::SimHash`]).
    pub hamming: Option<u32>,
    /// LSH bands shared (with [`Method::MinHash`]).
    pub bands: Option<u32>,
}

/// Counts and sizes of a run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    /// Documents fingerprinted.
    pub documents: usize,
    /// Text bytes fingerprinted.
    pub text_bytes: u64,
    /// Candidate pairs from LSH or the SimHash tables.
    pub candidates: usize,
    /// Documents read again to verify candidates.
    pub reread: usize,
    /// Documents of candidate pairs whose shingle set was kept from the first pass (see
    /// [`DedupBuilder::cache_bytes`]), so not read again.
    pub cached: usize,
    /// Candidate pairs rejected by verification.
    pub rejected: usize,
    /// Seconds spent per stage: reading + fingerprinting, candidates, reading again + shingle
    /// sets, verification + grouping.
    pub seconds: [f64; 4],
}

/// The outcome of a run: documents, verified pairs, groups.
#[derive(Debug, Clone)]
pub struct Deduplicated {
    method: Method,
    threshold: f64,
    lsh: LshParams,
    max_hamming: u32,
    docs: Vec<DocInfo>,
    pairs: Vec<Pair>,
    groups: Vec<Group>,
    group_of: Vec<u32>,
    similarity: Vec<Option<f64>>,
    skipped: Vec<Skipped>,
    stats: Stats,
    state_bytes: usize,
}

impl Deduplicated {
    /// The documents, in input order.
    pub fn docs(&self) -> &[DocInfo] {
        &self.docs
    }

    /// The id of document `i`.
    pub fn id(&self, i: u32) -> &str {
        &self.docs[i as usize].id
    }

    /// The verified pairs, sorted by (id of `a`, id of `b`).
    pub fn pairs(&self) -> &[Pair] {
        &self.pairs
    }

    /// Every group, singletons included, sorted by the representative's id.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// The index in [`Deduplicated::groups`] of document `i`'s group.
    pub fn group_of(&self, i: u32) -> usize {
        self.group_of[i as usize] as usize
    }

    /// Exact Jaccard similarity of document `i` to its group's representative; `None` for a
    /// representative. It can be below the threshold: groups are connected components, so a
    /// member may be linked to the representative through another copy.
    pub fn similarity(&self, i: u32) -> Option<f64> {
        self.similarity[i as usize]
    }

    /// Records skipped as invalid (streaming runs with skipping on).
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// Counts and sizes.
    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// The method used.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The Jaccard threshold used.
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    /// The LSH bands × rows used (with [`Method::MinHash`]).
    pub fn lsh(&self) -> LshParams {
        self.lsh
    }

    /// The SimHash Hamming radius used (with [`Method::SimHash`]).
    pub fn max_hamming(&self) -> u32 {
        self.max_hamming
    }

    /// Bytes of state kept per document between fingerprinting and verification (id, date,
    /// origin, band keys or SimHash), averaged over the documents.
    pub fn state_bytes_per_doc(&self) -> usize {
        self.state_bytes.checked_div(self.docs.len()).unwrap_or(0)
    }
}

/// Which pass a progress report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and fingerprinting every document.
    Fingerprint,
    /// Reading candidate documents again to verify pairs.
    Verify,
}

/// Fingerprints kept between the passes, for all documents.
#[derive(Default)]
struct Prints {
    /// `bands` keys per document (MinHash).
    keys: Vec<u64>,
    /// The low 8 bits of each MinHash value, `k` per document (MinHash): a b-bit sketch that
    /// rejects candidates far below the threshold before any text is read again.
    low_bits: Vec<u8>,
    /// Bits 8.. of the first MinHash values (MinHash), `sketch_words` words per document (see
    /// [`sketch_layout`]): a bit sketch that rejects most pairs of a large LSH bucket in a few
    /// instructions, before the 8-bit sketch or the band keys are read. Each document's is
    /// followed by its first `sketch_heads` band keys (`sketch_stride` words in all), so that
    /// the candidate search finds them in the same cache line.
    sketch: Vec<u64>,
    /// One per document (SimHash).
    simhashes: Vec<SimHash>,
    /// Documents without any shingle: never candidates.
    empty: Vec<bool>,
}

impl Prints {
    /// Appends the fingerprints of `other`'s documents after this one's.
    fn append(&mut self, other: Prints) {
        self.keys.extend(other.keys);
        self.low_bits.extend(other.low_bits);
        self.sketch.extend(other.sketch);
        self.simhashes.extend(other.simhashes);
        self.empty.extend(other.empty);
    }

    fn clear(&mut self) {
        self.keys.clear();
        self.low_bits.clear();
        self.sketch.clear();
        self.simhashes.clear();
        self.empty.clear();
    }

    /// The fingerprints of the one document held, in one allocation.
    fn pack(&self) -> Packed {
        let mut words = Vec::with_capacity(
            self.keys.len()
                + self.sketch.len()
                + self.low_bits.len().div_ceil(8)
                + self.simhashes.len(),
        );
        words.extend_from_slice(&self.keys);
        words.extend_from_slice(&self.sketch);
        words.extend(self.low_bits.chunks(8).map(|c| {
            let mut b = [0u8; 8];
            b[..c.len()].copy_from_slice(c);
            u64::from_le_bytes(b)
        }));
        words.extend(self.simhashes.iter().map(|h| h.0));
        Packed {
            words: words.into_boxed_slice(),
            empty: self.empty[0],
        }
    }

    /// Appends one document packed by [`Prints::pack`] with `bands` keys, `sketch` sketch words
    /// and `k` low bytes (MinHash), or a SimHash (`k == 0`).
    fn push_packed(&mut self, p: &Packed, bands: usize, sketch: usize, k: usize) {
        self.empty.push(p.empty);
        if k == 0 {
            self.simhashes.push(SimHash(p.words[0]));
            return;
        }
        self.keys.extend_from_slice(&p.words[..bands]);
        self.sketch
            .extend_from_slice(&p.words[bands..bands + sketch]);
        let start = self.low_bits.len();
        for w in &p.words[bands + sketch..] {
            self.low_bits.extend_from_slice(&w.to_le_bytes());
        }
        self.low_bits.truncate(start + k);
    }

    /// Makes room for `docs` more documents with `bands` keys, `sketch` sketch words and `k`
    /// low bytes each (MinHash), or SimHashes (`k == 0`), where memory allows; else leaves the
    /// arrays to grow as they fill.
    fn try_reserve_exact(&mut self, docs: usize, bands: usize, sketch: usize, k: usize) {
        let _ = self.empty.try_reserve_exact(docs);
        if k == 0 {
            let _ = self.simhashes.try_reserve_exact(docs);
            return;
        }
        let _ = self.keys.try_reserve_exact(docs.saturating_mul(bands));
        let _ = self.sketch.try_reserve_exact(docs.saturating_mul(sketch));
        let _ = self.low_bits.try_reserve_exact(docs.saturating_mul(k));
    }

    fn shrink_to_fit(&mut self) {
        self.keys.shrink_to_fit();
        self.low_bits.shrink_to_fit();
        self.sketch.shrink_to_fit();
        self.simhashes.shrink_to_fit();
        self.empty.shrink_to_fit();
    }
}

/// One document's fingerprints on their way from a worker to the in-order consumer.
struct Packed {
    words: Box<[u64]>,
    empty: bool,
}

thread_local! {
    /// A worker's scratch space for one document's fingerprints and shingle hashes.
    static SCRATCH: std::cell::RefCell<(Prints, Vec<u32>)> = std::cell::RefCell::default();
}

/// The outcome of verification.
struct Verified {
    /// Verified pairs, in no particular order.
    pairs: Vec<Pair>,
    /// Similarity of each grouped document to its group's representative.
    similarity: Vec<Option<f64>>,
    /// The groups of the documents in some candidate pair (members as document indices), in no
    /// particular order; every other document is alone.
    groups: Vec<Group>,
    /// Documents read again.
    reread: usize,
    /// Bytes of state kept for all documents (see [`Deduplicated::state_bytes_per_doc`]).
    state_bytes: usize,
}

impl Dedup {
    /// A builder with the defaults.
    pub fn builder() -> DedupBuilder {
        DedupBuilder::default()
    }

    /// Runs over documents in memory (on the current rayon pool).
    pub fn run(&self, docs: &[Document]) -> Deduplicated {
        let infos: Vec<DocInfo> = docs.iter().map(info).collect();
        let mut prints = self.empty_prints(docs.len());
        for chunk in docs.chunks(4096) {
            self.fingerprint_batch(chunk.iter().map(|d| d.text.as_str()), &mut prints);
        }
        let text_bytes = docs.iter().map(|d| d.text.len() as u64).sum();
        let candidates = self.candidates(&prints);
        let verified = self
            .verify(
                &infos,
                &prints,
                &candidates,
                &|i| {
                    Ok(Cow::Owned(ShingleSet::of(
                        &self.shingler,
                        &docs[i as usize].text,
                    )))
                },
                &|i| docs[i as usize].text.len() as u64,
            )
            .expect("texts in memory do not fail");
        self.finish(infos, candidates.len(), verified, Vec::new(), text_bytes)
    }

    /// Streams a corpus: reads and fingerprints it in parallel batches, dropping the text, then
    /// reads the documents of candidate pairs again, by their byte ranges, to verify them.
    /// `progress` is called with the record bytes done in each stage.
    ///
    /// Fails on the first invalid record unless the corpus skips them; then they are listed in
    /// [`Deduplicated::skipped`].
    pub fn run_corpus(
        &self,
        corpus: &Corpus,
        progress: &(dyn Fn(Stage, u64) + Sync),
    ) -> Result<Deduplicated> {
        let mut infos: Vec<DocInfo> = Vec::new();
        let mut prints = self.empty_prints(0);
        let mut text_bytes = 0u64;
        let clock = std::time::Instant::now();
        // Shingle sets kept from this pass, by document index (increasing), within the budget.
        // Which documents of a batch collect them (all, those whose id hashes below a bound, or
        // none) is decided in input order, so the same documents are kept on every run.
        let mut cache: Vec<(u32, ShingleSet)> = Vec::new();
        let mut cache_used = 0usize;
        let (fixed, per_doc) = (self.config.cache_bytes, self.config.cache_bytes_per_doc);
        let budget = |docs: usize| fixed.max(per_doc.saturating_mul(docs));
        // Which documents of a batch compute their shingle set: decided, in input order, from
        // the sets kept up to two batches before (see `Corpus::par_map_with`).
        let collect = Cell::new(if fixed > 0 { u64::MAX } else { 0 });
        let (bands, sketch_stride, low_bytes) = match self.config.method {
            Method::MinHash => (
                self.lsh.bands(),
                self.sketch_stride(),
                self.config.num_hashes,
            ),
            Method::SimHash => (0, 0, 0),
        };
        let skipped = corpus.par_map_with(
            self.config.batch_bytes,
            || collect.get(),
            |&bound, doc| {
                // Only the id, date and origin are kept: the rest is freed here, not by the
                // thread that keeps them.
                drop((
                    doc.meta.title.take(),
                    doc.meta.source.take(),
                    doc.meta.url.take(),
                ));
                SCRATCH.with_borrow_mut(|(out, hashes)| {
                    out.clear();
                    let set =
                        if bound == u64::MAX || (bound > 0 && sample_hash(&doc.meta.id) < bound) {
                            hashes.clear();
                            self.fingerprint_one(&doc.text, out, Some(hashes));
                            Some(ShingleSet::from_slice(hashes))
                        } else {
                            self.fingerprint_one(&doc.text, out, None);
                            None
                        };
                    (out.pack(), doc.text.len() as u64, set)
                })
            },
            |batch| {
                if infos.is_empty() {
                    // Sized for the whole corpus from the first batch (a quarter more, as the
                    // estimate is rough): the memory not used is never touched, and is given
                    // back below; growing by doubling would copy and fault it all in again.
                    let bytes = batch.iter().map(|(m, _)| m.origin.map_or(0, |o| o.len + 1));
                    let expect = corpus.estimate_records(batch.len(), bytes.sum());
                    let expect = expect.saturating_add(expect / 4);
                    let _ = infos.try_reserve_exact(expect);
                    prints.try_reserve_exact(expect, bands, sketch_stride, low_bytes);
                }
                let mut bytes = 0;
                for (meta, (one, len, set)) in batch {
                    if let Some(set) = set {
                        let size = set.len() * 4 + CACHE_ENTRY_BYTES;
                        if cache_used + size <= budget(infos.len() + 1) {
                            cache_used += size;
                            cache.push((infos.len() as u32, set));
                        }
                    }
                    text_bytes += len;
                    bytes += meta.origin.map_or(len, |o| o.len + 1);
                    infos.push(DocInfo {
                        id: meta.id.into_boxed_str(),
                        published: meta.published,
                        origin: meta.origin,
                    });
                    prints.push_packed(&one, bands, sketch_stride, low_bytes);
                }
                collect.set(collect_bound(
                    cache_used,
                    fixed,
                    budget(infos.len()),
                    per_doc,
                    cache.len(),
                ));
                progress(Stage::Fingerprint, bytes);
                Ok(true)
            },
        )?;
        infos.shrink_to_fit();
        prints.shrink_to_fit();
        let t_fingerprint = clock.elapsed().as_secs_f64();
        let candidates = self.candidates(&prints);
        let t_candidates = clock.elapsed().as_secs_f64();
        // Only the sets of documents in some candidate pair are needed.
        {
            let mut in_pair = vec![false; infos.len()];
            for &(a, b) in &candidates {
                in_pair[a as usize] = true;
                in_pair[b as usize] = true;
            }
            cache.retain(|(i, _)| in_pair[*i as usize]);
            cache.shrink_to_fit();
        }
        let cached = cache.len();
        let refetch = Refetch::new(corpus);
        let set_of = |i: u32| -> Result<Cow<'_, ShingleSet>> {
            let info = &infos[i as usize];
            if let Ok(k) = cache.binary_search_by_key(&i, |(j, _)| *j) {
                progress(Stage::Verify, info.origin.map_or(0, |o| o.len + 1));
                return Ok(Cow::Borrowed(&cache[k].1));
            }
            let origin = info.origin.expect("corpus documents have an origin");
            let changed = || {
                Error::config(format!(
                    "the input changed while it was read (record {} of {})",
                    corpus.location(&origin),
                    info.id
                ))
            };
            let set = refetch
                .with_id_text(&origin, |id, text| {
                    (id == &*info.id).then(|| ShingleSet::of(&self.shingler, text))
                })
                .map_err(|_| changed())?
                .ok_or_else(changed)?;
            progress(Stage::Verify, origin.len + 1);
            Ok(Cow::Owned(set))
        };
        // Only the sets read again count against the batch size: the kept ones are in memory.
        let cost = |i: u32| match cache.binary_search_by_key(&i, |(j, _)| *j) {
            Ok(_) => 0,
            Err(_) => infos[i as usize].origin.map_or(0, |o| o.len),
        };
        let mut verified = self.verify(&infos, &prints, &candidates, &set_of, &cost)?;
        drop(cache);
        verified.reread -= cached;
        let t_verify = clock.elapsed().as_secs_f64();
        let mut result = self.finish(infos, candidates.len(), verified, skipped, text_bytes);
        result.stats.cached = cached;
        let t_end = clock.elapsed().as_secs_f64();
        result.stats.seconds = [
            t_fingerprint,
            t_candidates - t_fingerprint,
            t_verify - t_candidates,
            t_end - t_verify,
        ];
        Ok(result)
    }

    /// Verifies the candidate pairs with the exact Jaccard similarity of their shingle sets, and
    /// computes each grouped document's similarity to its group's representative.
    ///
    /// Works one batch of connected components of the candidate graph at a time, so that only
    /// the shingle sets of one batch are in memory: every verified pair, hence every group, lies
    /// inside one component. A batch holds about `batch_bytes` of `cost`, the bytes a document's
    /// set costs to make (0 for a set that is kept already). `set_of(i)` gives the shingle set
    /// of document `i`. The groups of a batch's components are formed in parallel, one
    /// component at a time.
    fn verify<'s>(
        &self,
        docs: &[DocInfo],
        prints: &Prints,
        candidates: &[(u32, u32)],
        set_of: &(dyn Fn(u32) -> Result<Cow<'s, ShingleSet>> + Sync),
        cost: &(dyn Fn(u32) -> u64 + Sync),
    ) -> Result<Verified> {
        let n = docs.len();
        let mut uf = UnionFind::new(n);
        for &(a, b) in candidates {
            uf.union(a as usize, b as usize);
        }
        // Components with at least one candidate pair, numbered by their first document; the
        // members of each in increasing order.
        let mut comp = vec![u32::MAX; n];
        let mut members: Vec<Vec<u32>> = Vec::new();
        {
            let mut in_pair = vec![false; n];
            for &(a, b) in candidates {
                in_pair[a as usize] = true;
                in_pair[b as usize] = true;
            }
            let mut root_comp: Vec<u32> = vec![u32::MAX; n];
            for i in 0..n {
                if !in_pair[i] {
                    continue;
                }
                let root = uf.find(i);
                if root_comp[root] == u32::MAX {
                    root_comp[root] = members.len() as u32;
                    members.push(Vec::new());
                }
                comp[i] = root_comp[root];
                members[root_comp[root] as usize].push(i as u32);
            }
        }
        drop(uf);
        // Candidate pairs by component.
        let mut pair_start = vec![0usize; members.len() + 1];
        for &(a, _) in candidates {
            pair_start[comp[a as usize] as usize + 1] += 1;
        }
        for c in 0..members.len() {
            pair_start[c + 1] += pair_start[c];
        }
        let mut by_comp = vec![(0u32, 0u32); candidates.len()];
        {
            let mut next = pair_start.clone();
            for &(a, b) in candidates {
                let c = comp[a as usize] as usize;
                by_comp[next[c]] = (a, b);
                next[c] += 1;
            }
        }
        let reread = members.iter().map(Vec::len).sum();
        let mut pairs = Vec::new();
        let mut groups = Vec::new();
        let mut similarity: Vec<Option<f64>> = vec![None; n];
        let mut slot = vec![u32::MAX; n];
        let batch_bytes = self.config.batch_bytes as u64;
        let mut c0 = 0;
        while c0 < members.len() {
            let mut c1 = c0;
            let mut bytes = 0u64;
            while c1 < members.len() && (c1 == c0 || bytes < batch_bytes) {
                bytes += members[c1].iter().map(|&i| cost(i)).sum::<u64>();
                c1 += 1;
            }
            let mut batch: Vec<u32> = members[c0..c1].iter().flatten().copied().collect();
            // In input order, the records read again are read in file order (each thread's
            // share of the batch a forward run through the file); the groups found do not
            // depend on the order of the batch.
            batch.sort_unstable();
            for (k, &i) in batch.iter().enumerate() {
                slot[i as usize] = k as u32;
            }
            let sets: Vec<Cow<'s, ShingleSet>> = batch
                .par_iter()
                .map(|&i| set_of(i))
                .collect::<Result<_>>()?;
            let set = |i: u32| -> &ShingleSet { &sets[slot[i as usize] as usize] };
            // In component order, as `by_comp` is.
            let found: Vec<Pair> = by_comp[pair_start[c0]..pair_start[c1]]
                .par_iter()
                .filter_map(|&(a, b)| self.verify_pair(docs, prints, a, b, set(a), set(b)))
                .collect();
            // Pairs are verified whatever their order, so `a` of a pair may be either end of
            // the candidate pair: both are in the same component.
            let found_groups: Vec<(Group, Vec<f64>)> = found
                .chunk_by(|x, y| comp[x.a as usize] == comp[y.a as usize])
                .collect::<Vec<_>>()
                .into_par_iter()
                .flat_map_iter(|found| {
                    let c = comp[found[0].a as usize] as usize;
                    component_groups(docs, &members[c], found, &set)
                })
                .collect();
            for (group, sims) in found_groups {
                for (&m, s) in group.members[1..].iter().zip(sims) {
                    similarity[m as usize] = Some(s);
                }
                groups.push(group);
            }
            pairs.extend(found);
            c0 = c1;
        }
        let state_bytes = docs
            .iter()
            .map(|d| std::mem::size_of::<DocInfo>() + d.id.len())
            .sum::<usize>()
            + prints.keys.len() * 8
            + prints.low_bits.len()
            + prints.sketch.len() * 8
            + prints.simhashes.len() * 8
            + prints.empty.len();
        Ok(Verified {
            pairs,
            groups,
            similarity,
            reread,
            state_bytes,
        })
    }

    /// The pair `(a, b)` if its exact Jaccard similarity reaches the threshold.
    fn verify_pair(
        &self,
        docs: &[DocInfo],
        prints: &Prints,
        a: u32,
        b: u32,
        sa: &ShingleSet,
        sb: &ShingleSet,
    ) -> Option<Pair> {
        let threshold = self.config.threshold;
        // Size filter: J <= min/max, skip the merge when it cannot reach the threshold.
        let (lo, hi) = (sa.len().min(sb.len()), sa.len().max(sb.len()));
        if (lo as f64) < threshold * hi as f64 {
            return None;
        }
        let jaccard = sa.jaccard(sb);
        if jaccard < threshold {
            return None;
        }
        let (a, b) = if docs[a as usize].id < docs[b as usize].id {
            (a, b)
        } else {
            (b, a)
        };
        let (hamming, shared) = match self.config.method {
            Method::MinHash => {
                let bands = self.lsh.bands();
                let ka = &prints.keys[a as usize * bands..][..bands];
                let kb = &prints.keys[b as usize * bands..][..bands];
                let shared = ka.iter().zip(kb).filter(|(x, y)| x == y).count();
                (None, Some(shared as u32))
            }
            Method::SimHash => (
                Some(prints.simhashes[a as usize].hamming(prints.simhashes[b as usize])),
                None,
            ),
        };
        Some(Pair {
            a,
            b,
            jaccard,
            hamming,
            bands: shared,
        })
    }

    fn empty_prints(&self, n: usize) -> Prints {
        Prints {
            keys: Vec::with_capacity(n * self.lsh.bands()),
            low_bits: Vec::with_capacity(match self.config.method {
                Method::MinHash => n * self.config.num_hashes,
                Method::SimHash => 0,
            }),
            sketch: Vec::with_capacity(match self.config.method {
                Method::MinHash => n * self.sketch_stride(),
                Method::SimHash => 0,
            }),
            simhashes: Vec::with_capacity(n),
            empty: Vec::with_capacity(n),
        }
    }

    /// Words of the 1-bit sketch per document.
    fn sketch_words(&self) -> usize {
        let (values, per_value) = sketch_layout(self.config.num_hashes);
        (values * per_value).div_ceil(64)
    }

    /// Band keys copied after each document's sketch (see [`lsh::BitSketches::heads`]).
    fn sketch_heads(&self) -> usize {
        self.lsh.bands().min(lsh::MAX_HEADS)
    }

    /// Words of [`Prints::sketch`] per document: the sketch, then the first band keys.
    fn sketch_stride(&self) -> usize {
        self.sketch_words() + self.sketch_heads()
    }

    /// Fingerprints a batch in parallel and appends the results in order.
    fn fingerprint_batch<'t>(&self, texts: impl Iterator<Item = &'t str>, prints: &mut Prints) {
        let texts: Vec<&str> = texts.collect();
        let parts: Vec<Prints> = texts
            .par_chunks(32)
            .map(|chunk| {
                let mut out = self.empty_prints(chunk.len());
                for text in chunk {
                    self.fingerprint_one(text, &mut out, None);
                }
                out
            })
            .collect();
        for part in parts {
            prints.append(part);
        }
    }

    /// Fingerprints one text into `out`; with `hashes`, also pushes the 32-bit shingle hashes
    /// that make its [`ShingleSet`].
    fn fingerprint_one(&self, text: &str, out: &mut Prints, hashes: Option<&mut Vec<u32>>) {
        match self.config.method {
            Method::MinHash => {
                let mut b = self.minhasher.start();
                match hashes {
                    Some(v) => self.shingler.for_each(text, |h| {
                        b.push(h);
                        v.push(ShingleSet::hash32(h));
                    }),
                    None => self.shingler.for_each(text, |h| b.push(h)),
                }
                out.empty.push(b.count() == 0);
                let sig = b.finish();
                self.lsh.band_keys(&sig, &mut out.keys);
                out.low_bits.extend(sig.values().iter().map(|&v| v as u8));
                let (values, per_value) = sketch_layout(sig.len());
                let bits = &sig.values()[..values];
                let mask = (1u32 << per_value) - 1;
                out.sketch.extend(bits.chunks(64 / per_value).map(|chunk| {
                    chunk.iter().enumerate().fold(0u64, |w, (i, &v)| {
                        w | u64::from(v >> 8 & mask) << (i * per_value)
                    })
                }));
                let first = out.keys.len() - self.lsh.bands();
                out.sketch
                    .extend_from_slice(&out.keys[first..first + self.sketch_heads()]);
            }
            Method::SimHash => {
                let mut b = self.simhasher.start();
                let mut count = 0u64;
                let mut hashes = hashes;
                self.shingler.for_each(text, |h| {
                    b.push(h, 1);
                    count += 1;
                    if let Some(v) = hashes.as_deref_mut() {
                        v.push(ShingleSet::hash32(h));
                    }
                });
                out.empty.push(count == 0);
                out.simhashes.push(b.finish());
            }
        }
    }

    fn candidates(&self, prints: &Prints) -> Vec<(u32, u32)> {
        match self.config.method {
            Method::MinHash => {
                let k = self.config.num_hashes;
                let floor = self.config.threshold - PREFILTER_MARGIN;
                let w = self.sketch_words();
                let (values, per_value) = sketch_layout(k);
                let max_differ = sketch_max_differ(self.config.threshold, values, per_value);
                lsh::band_candidates_sketched(
                    &prints.keys,
                    self.lsh.bands(),
                    &prints.empty,
                    lsh::BitSketches::new(&prints.sketch, w, self.sketch_heads(), max_differ),
                    |a, b| {
                        let x = &prints.low_bits[a as usize * k..][..k];
                        let y = &prints.low_bits[b as usize * k..][..k];
                        estimate_from_low_bits(equal_bytes(x, y), k) >= floor
                    },
                )
            }
            Method::SimHash => {
                lsh::simhash_candidates(&prints.simhashes, self.config.max_hamming, &prints.empty)
            }
        }
    }

    fn finish(
        &self,
        docs: Vec<DocInfo>,
        candidates: usize,
        verified: Verified,
        skipped: Vec<Skipped>,
        text_bytes: u64,
    ) -> Deduplicated {
        let n = docs.len();
        let Verified {
            mut pairs,
            mut groups,
            similarity,
            reread,
            state_bytes,
        } = verified;
        let rejected = candidates - pairs.len();
        pairs.par_sort_unstable_by(|x, y| {
            (&docs[x.a as usize].id, &docs[x.b as usize].id)
                .cmp(&(&docs[y.a as usize].id, &docs[y.b as usize].id))
        });
        // The groups found batch by batch in `verify` are the groups of the candidate graph's
        // components (every verified pair lies inside one); every other document is alone.
        // This gives the same groups as `near_duplicate_groups` over all documents and pairs.
        let mut grouped = vec![false; n];
        for g in &groups {
            for &m in &g.members {
                grouped[m as usize] = true;
            }
        }
        let alone: Vec<Group> = (0..n as u32)
            .into_par_iter()
            .filter(|&i| !grouped[i as usize])
            .map(|i| Group {
                id: GroupId::of(&docs[i as usize].id),
                members: vec![i],
            })
            .collect();
        drop(grouped);
        groups.extend(alone);
        // Ids are unique, so the order is deterministic. The keys start with the first 8 bytes
        // of the id, so most comparisons do not follow the pointer to the id (at 1M documents,
        // a cache miss each).
        groups.par_sort_by_cached_key(|g| {
            let id: &str = &docs[g.representative() as usize].id;
            (id_prefix(id), id)
        });
        let mut group_of = vec![0u32; n];
        for (g, group) in groups.iter().enumerate() {
            for &m in &group.members {
                group_of[m as usize] = g as u32;
            }
        }
        Deduplicated {
            method: self.config.method,
            threshold: self.config.threshold,
            lsh: self.lsh,
            max_hamming: self.config.max_hamming,
            stats: Stats {
                documents: n,
                text_bytes,
                candidates,
                reread,
                cached: 0,
                rejected,
                seconds: [0.0; 4],
            },
            docs,
            pairs,
            groups,
            group_of,
            similarity,
            skipped,
            state_bytes,
        }
    }
}

/// The groups (of two or more documents) that the verified pairs `found` of one component of
/// the candidate graph make, with each member's similarity to its representative (in the order
/// of the members after the representative). `members` are the component's documents, in
/// increasing order; singletons are left out (every document outside a group is alone).
fn component_groups<'a>(
    docs: &[DocInfo],
    members: &[u32],
    found: &[Pair],
    set: &(dyn Fn(u32) -> &'a ShingleSet + Sync),
) -> Vec<(Group, Vec<f64>)> {
    let local = |i: u32| {
        members
            .binary_search(&i)
            .expect("pairs lie inside their component")
    };
    let mut uf = UnionFind::new(members.len());
    for p in found {
        uf.union(local(p.a), local(p.b));
    }
    // (root, member) for every document in some verified pair, by root then member.
    let mut linked: Vec<(u32, u32)> = found
        .iter()
        .flat_map(|p| [p.a, p.b])
        .map(|i| (uf.find(local(i)) as u32, i))
        .collect();
    linked.sort_unstable();
    linked.dedup();
    let key = |i: u32| DocKey {
        id: &docs[i as usize].id,
        published: docs[i as usize].published,
    };
    linked
        .chunk_by(|x, y| x.0 == y.0)
        .map(|run| {
            let group = group_of(run.iter().map(|&(_, i)| i).collect(), key);
            let rep = group.representative();
            let sims = group.members[1..]
                .iter()
                .map(|&m| set(m).jaccard(set(rep)))
                .collect();
            (group, sims)
        })
        .collect()
}

/// How far below the threshold the b-bit estimate of a candidate may fall before it is dropped
/// without reading its text again.
///
/// The estimate from `k` 8-bit values has a standard error of about `sqrt(J (1 - J) / k)`: 0.025
/// at J = 0.8 with k = 256, 0.035 with k = 128. A pair at the threshold is dropped only if its
/// estimate is 6 (k = 256) or 4.3 (k = 128) standard errors low: a probability below 1e-5.
pub const PREFILTER_MARGIN: f64 = 0.15;

/// Which documents of the next batch compute a shingle set to keep (see
/// [`DedupBuilder::cache_bytes_per_doc`]), given `used` bytes kept in `kept` sets: `u64::MAX`
/// for all while the `fixed` part of the budget can take another set of the mean size; once it
/// cannot, while the budget (`budget` now) grows by `per_doc` bytes per document, those whose
/// [`sample_hash`] is below the returned bound, a share that matches the growth to the mean size
/// of the sets kept so far (with 25% more, so that the budget is used up); else none (0), rather
/// than sets that would not fit.
fn collect_bound(used: usize, fixed: usize, budget: usize, per_doc: usize, kept: usize) -> u64 {
    // Before any set is kept, a guess: the sets of news articles take about 1 KB.
    let mean = used.checked_div(kept).unwrap_or(1024).max(1);
    if used.saturating_add(mean) <= fixed {
        return u64::MAX;
    }
    if per_doc == 0 || budget <= fixed {
        return 0;
    }
    let share = (1.25 * per_doc as f64 / mean as f64).min(1.0);
    (share * u64::MAX as f64) as u64
}

/// The hash of a document id that decides whether it keeps its shingle set once the fixed
/// budget is spent: seeded xxh3, so the choice is the same on every run and platform.
fn sample_hash(id: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64_with_seed(id.as_bytes(), 0xcac4e)
}

/// Bytes counted against [`DedupBuilder::cache_bytes`] for each kept shingle set, on top of
/// its 4 bytes per shingle: the index and the boxed slice, and the allocator's overhead.
const CACHE_ENTRY_BYTES: usize = std::mem::size_of::<(u32, ShingleSet)>() + 16;

/// Bits of the bit sketch (at most; fewer when `k` is small).
const SKETCH_BITS: usize = 256;

/// How the bit sketch is made from `k` MinHash values: `(values, bits per value)`. Bits 8, 9, ..
/// of the first `values` MinHash values go into it, `bits per value` of each (a power of two,
/// at most 8): 1 bit of each of the first 256 values when `k >= 256`, 2 bits of each of 128, 4
/// of each of 64, so that smaller signatures still get a sketch of about 256 bits.
fn sketch_layout(k: usize) -> (usize, usize) {
    let mut per_value = 1;
    while per_value < 8 && k * per_value * 2 <= SKETCH_BITS {
        per_value *= 2;
    }
    (k.min(SKETCH_BITS / per_value), per_value)
}

/// The most bit-sketch positions in which a pair at the threshold may differ before it is
/// dropped: the expected count plus 6 standard deviations, for `values` MinHash values of
/// `per_value` bits each.
///
/// Two MinHash values differ with probability `1 - J`, and then each of their bits differs with
/// probability 1/2. With one bit per value, a pair at Jaccard `t` differs in `values · (1 - t) / 2`
/// positions on average (25.6 of 256 at 0.8, with a standard deviation of 4.8); pairs of
/// unrelated articles that happen to share a band (Jaccard 0.2-0.4 on news with shared
/// vocabulary) differ in 77-102. With `m` bits per value the count per value is `D · B` where
/// `D ~ Bernoulli(1 - J)` and `B ~ Binomial(m, 1/2)`: mean `(1 - J) m / 2`, variance
/// `(1 - J)(m / 4 + m² / 4) - (1 - J)² m² / 4`. For k = 128 (2 bits of each value, 256 bits)
/// that is 61 bits at 0.8, against 77 ± 8 at Jaccard 0.4, where 1 bit of each value (128 bits)
/// gives 34 against 38 ± 5: far fewer unrelated pairs get past it.
fn sketch_max_differ(threshold: f64, values: usize, per_value: usize) -> u32 {
    if per_value == 1 {
        let p = (1.0 - threshold) / 2.0;
        let bits = values as f64;
        return (bits * p + 6.0 * (bits * p * (1.0 - p)).sqrt()).ceil() as u32;
    }
    let q = 1.0 - threshold;
    let m = per_value as f64;
    let n = values as f64;
    let mean = n * q * m / 2.0;
    let var = n * (q * (m / 4.0 + m * m / 4.0) - q * q * m * m / 4.0);
    (mean + 6.0 * var.sqrt()).ceil() as u32
}

/// The Jaccard estimate from `equal` matching 8-bit values out of `k`: two different values agree
/// on their low 8 bits by chance with probability 1/256, so `P(equal) = J + (1 - J) / 256`.
fn estimate_from_low_bits(equal: usize, k: usize) -> f64 {
    let p = equal as f64 / k as f64;
    (p - 1.0 / 256.0) / (1.0 - 1.0 / 256.0)
}

/// How many positions of `x` and `y` (of equal length) hold equal bytes, 8 bytes at a time.
#[inline]
fn equal_bytes(x: &[u8], y: &[u8]) -> usize {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let mut differ = 0usize;
    let (xc, yc) = (x.chunks_exact(8), y.chunks_exact(8));
    let tail = xc.remainder().iter().zip(yc.remainder());
    for (p, q) in xc.zip(yc) {
        let d = u64::from_le_bytes(p.try_into().expect("8 bytes"))
            ^ u64::from_le_bytes(q.try_into().expect("8 bytes"));
        // The high bit of each byte is set iff the byte is nonzero.
        differ += ((((d & LOW7) + LOW7) | d) & !LOW7).count_ones() as usize;
    }
    let equal_tail = tail.filter(|(p, q)| p == q).count();
    (x.len() - x.len() % 8) - differ + equal_tail
}

/// The first 8 bytes of `id`, zero-padded, as a big-endian number: ordering by it and then by
/// the id is ordering by the id.
fn id_prefix(id: &str) -> u64 {
    let mut b = [0u8; 8];
    let n = id.len().min(8);
    b[..n].copy_from_slice(&id.as_bytes()[..n]);
    u64::from_be_bytes(b)
}

fn info(d: &Document) -> DocInfo {
    DocInfo {
        id: d.meta.id.as_str().into(),
        published: d.meta.published,
        origin: d.meta.origin,
    }
}

#[cfg(test)]
mod tests;
