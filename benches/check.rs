//! The check's own stages (alignment, comparison, report) and the whole `check` pipeline.
//!
//! `cargo bench --bench check`. Corpus: the generator's, 2,000 documents, seed 1. `check_only`
//! times [`crosscheck::check::check_owned`] on labels and claims computed once (what
//! `src/check`, `src/align` and `src/report` cost); `pipeline` times dedup, clustering, claim
//! extraction and the check together ([`crosscheck::check::pipeline::run`]).

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::Document;
use crosscheck::check::{Config, Timings, check_owned, pipeline};
use crosscheck::generate::{Config as GenConfig, Generator};

fn generated() -> Vec<Document> {
    let config = GenConfig {
        docs: 2000,
        seed: 1,
        dup_rate: 0.3,
        ..GenConfig::default()
    };
    Generator::new(config)
        .unwrap()
        .map(|r| {
            let d = Document::new(r.id, r.text);
            match r.published.get(..10).and_then(|p| p.parse().ok()) {
                Some(p) => d.with_published(p),
                None => d,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = generated();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let labels = pipeline::labels(&docs).unwrap();
    let claims = pipeline::extract_claims(&docs);
    let config = Config::default();

    let mut g = c.benchmark_group("check");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("check_only_generated_2k", |b| {
        b.iter_batched(
            || claims.clone(),
            |claims| {
                check_owned(
                    &docs,
                    &labels,
                    claims,
                    &[],
                    &config,
                    &mut Timings::default(),
                )
                .discrepancies
                .len()
            },
            BatchSize::LargeInput,
        )
    });
    g.bench_function("pipeline_generated_2k", |b| {
        b.iter(|| pipeline::run(&docs, &config).unwrap().discrepancies.len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
