//! Stage benches for near-duplicate detection: normalize + shingle, MinHash, SimHash (ours and the
//! `simhash` crate), LSH candidates, verification, union-find, and the whole in-memory pipeline.
//!
//! `cargo bench --bench dedup` (add `-- --quick` for a fast look). The corpus is the generator's
//! (`crosscheck::generate`, seed 1): 2,000 news-like articles, 30% of them syndicated copies.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::cluster::{DocKey, near_duplicate_groups};
use crosscheck::dedup::Dedup;
use crosscheck::fingerprint::{MinHasher, ShingleSet, Shingler, SimHasher};
use crosscheck::generate::{Config, Generator};
use crosscheck::lsh::{LshParams, band_candidates};
use crosscheck::{Document, text};

/// The generator's corpus (news-like articles, 30% syndicated copies), in memory.
fn corpus(n: usize) -> Vec<Document> {
    let config = Config {
        docs: n,
        seed: 1,
        dup_rate: 0.3,
        ..Config::default()
    };
    Generator::new(config)
        .expect("valid config")
        .map(|r| Document::new(r.id, r.text))
        .collect()
}

fn bytes(docs: &[Document]) -> u64 {
    docs.iter().map(|d| d.text.len() as u64).sum()
}

fn stages(c: &mut Criterion) {
    let docs = corpus(2000);
    let total = bytes(&docs);
    let shingler = Shingler::new(1);
    let minhasher = MinHasher::new(256, 1);
    let simhasher = SimHasher::new(1);
    let params = LshParams::for_threshold(0.8, 256);

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
