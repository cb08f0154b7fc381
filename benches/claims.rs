//! Claim extraction throughput (all kinds, with context) on news text.
//!
//! `cargo bench --bench claims`. Two corpora: the generator's (2,000 documents, seed 1, the
//! default share of syndicated copies) and the seeds repeated to about 1 MiB, as whole documents.
//!
//! `generated_all_kinds` times the extractor alone; `generated_check_stage` times what the
//! claims stage of `crosscheck check` runs per document (the extractor, then the adaptation of
//! each claim for the alignment: payloads, normalized context words), single-threaded. The
//! difference between the two is the adapter's cost. `generated_check_stage_pool` runs the
//! stage as `check` does (`check::pipeline::extract_claims`) in a one-thread pool: the same
//! claims, with the word lists of repeated sentences and quotes adapted once per worker rather
//! than once per document.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::Document;
use crosscheck::check::pipeline;
use crosscheck::claim::Extractor;
use crosscheck::generate::{Config, Generator};

fn seeds() -> Vec<Document> {
    let mut docs = Vec::new();
    let mut dir: Vec<_> = std::fs::read_dir("seeds")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dir.sort();
    let texts: Vec<String> = dir
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut bytes = 0;
    let mut n = 0;
    while bytes < 1 << 20 {
        for t in &texts {
            docs.push(Document::new(format!("{n}"), t.clone()));
            bytes += t.len();
            n += 1;
        }
    }
    docs
}

fn generated() -> Vec<Document> {
    let config = Config {
        docs: 2000,
        seed: 1,
        dup_rate: 0.3,
        ..Config::default()
    };
    Generator::new(config)
        .unwrap()
        .map(|r| Document::new(r.id, r.text))
        .collect()
}

fn bench(c: &mut Criterion) {
    let gen_docs = generated();
    let bytes: usize = gen_docs.iter().map(|d| d.text.len()).sum();
    let mut g = c.benchmark_group("claims");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    let all = Extractor::new();
    g.bench_function("generated_all_kinds", |b| {
        b.iter(|| gen_docs.iter().map(|d| all.extract(d).len()).sum::<usize>())
    });
    g.bench_function("generated_check_stage", |b| {
        b.iter(|| {
            gen_docs
                .iter()
                .enumerate()
                .map(|(i, d)| pipeline::document_claims(i as u32, d).len())
                .sum::<usize>()
        })
    });
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    g.bench_function("generated_check_stage_pool", |b| {
        b.iter(|| one.install(|| pipeline::extract_claims(&gen_docs).len()))
    });
    g.finish();

    let docs = seeds();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut g = c.benchmark_group("claims");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    let all = Extractor::new();
    g.bench_function("seeds_all_kinds", |b| {
        b.iter(|| docs.iter().map(|d| all.extract(d).len()).sum::<usize>())
    });
    let bare = Extractor::new().context(false);
    g.bench_function("seeds_no_context", |b| {
        b.iter(|| docs.iter().map(|d| bare.extract(d).len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
