//! Stage benches for near-duplicate detection: normalize + shingle, MinHash, SimHash (ours and the
//! `simhash` crate), LSH candidates, verification, union-find, and the whole in-memory pipeline.
//!
//! `cargo bench --bench dedup` (add `-- --quick` for a fast look). The corpus is synthetic:
//! 2,000 documents of words drawn from the seed articles' vocabulary, a third of them edited
//! copies of another, so that candidates exist. (Replace with the generator's corpus once it lands.)

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::cluster::{DocKey, near_duplicate_groups};
use crosscheck::dedup::Dedup;
use crosscheck::fingerprint::{MinHasher, ShingleSet, Shingler, SimHasher};
use crosscheck::lsh::{LshParams, band_candidates};
use crosscheck::{Document, text};

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn corpus(n: usize) -> Vec<Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut vocabulary: Vec<String> = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(p).unwrap();
        vocabulary.extend(text.split_whitespace().map(str::to_string));
    }
    vocabulary.sort();
    vocabulary.dedup();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut docs: Vec<Document> = Vec::with_capacity(n);
    for i in 0..n {
        let text = if i % 3 == 2 {
            // An edited copy of an earlier document: a word changed, a sentence dropped.
            let base = &docs[rng.below(i)].text;
            let mut words: Vec<&str> = base.split(' ').collect();
            let at = rng.below(words.len());
            words[at] = "edited";
            let cut = rng.below(words.len().saturating_sub(12).max(1));
            words.drain(cut..(cut + 12).min(words.len()));
            words.join(" ")
        } else {
            // About 600 words (3.7 KB), drawn from the seeds' vocabulary.
            (0..600)
                .map(|_| vocabulary[rng.below(vocabulary.len())].as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        docs.push(Document::new(format!("doc{i:05}"), text));
    }
    docs
}

fn bytes(docs: &[Document]) -> u64 {
    docs.iter().map(|d| d.text.len() as u64).sum()
}

fn stages(c: &mut Criterion) {
    let docs = corpus(2000);
    let total = bytes(&docs);
    let shingler = Shingler::new(3);
    let minhasher = MinHasher::new(128, 1);
    let simhasher = SimHasher::new(1);
    let params = LshParams::for_threshold(0.8, 128);

    let mut g = c.benchmark_group("dedup");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(total));

    g.bench_function("normalize+shingle", |b| {
        b.iter(|| {
            let mut acc = 0u64;
            for d in &docs {
                shingler.for_each(&d.text, |h| acc ^= h);
            }
            black_box(acc)
        })
    });
    g.bench_function("minhash (shingle + one-permutation)", |b| {
        b.iter(|| {
            for d in &docs {
                let mut m = minhasher.start();
                shingler.for_each(&d.text, |h| m.push(h));
                black_box(m.finish());
            }
        })
    });
    g.bench_function("simhash (shingle + weighted 64-bit)", |b| {
        b.iter(|| {
            for d in &docs {
                let mut s = simhasher.start();
                shingler.for_each(&d.text, |h| s.push(h, 1));
                black_box(s.finish());
            }
        })
    });
    g.bench_function("simhash crate (normalize + words)", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(simhash::simhash(&text::normalize(&d.text)));
            }
        })
    });

    // Precomputed inputs of the later stages.
    let mut keys = Vec::new();
    for d in &docs {
        params.band_keys(&minhasher.sketch(shingler.hashes(&d.text)), &mut keys);
    }
    let skip = vec![false; docs.len()];
    let candidates = band_candidates(&keys, params.bands(), &skip);
    let sets: Vec<ShingleSet> = docs
        .iter()
        .map(|d| ShingleSet::of(&shingler, &d.text))
        .collect();
    g.bench_function("lsh candidates", |b| {
        b.iter(|| black_box(band_candidates(&keys, params.bands(), &skip)))
    });
    g.bench_function("verify (exact jaccard of candidates)", |b| {
        b.iter(|| {
            candidates
                .iter()
                .filter(|&&(a, b)| sets[a as usize].jaccard(&sets[b as usize]) >= 0.8)
                .count()
        })
    });
    let ids: Vec<DocKey> = docs
        .iter()
        .map(|d| DocKey {
            id: &d.meta.id,
            published: None,
        })
        .collect();
    g.bench_function("union-find groups", |b| {
        b.iter(|| black_box(near_duplicate_groups(&ids, &candidates)))
    });
    let dedup = Dedup::builder().build().unwrap();
    g.bench_function("pipeline (in memory, all cores)", |b| {
        b.iter(|| black_box(dedup.run(&docs)))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
