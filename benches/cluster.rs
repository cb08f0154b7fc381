//! Criterion bench of event and story clustering on a synthetic corpus.
//!
//! `cargo bench --bench cluster`. The corpus is built in memory from a fixed seed: events of 1-12
//! articles sharing names, numbers and key words, with Zipf-like generic vocabulary.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::Document;
use crosscheck::cluster::Clusterer;

/// A xorshift generator: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Roughly Zipf-distributed index below `n`.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

fn word(rng: &mut Rng, syllables: usize) -> String {
    const SYL: [&str; 16] = [
        "ka", "lo", "mi", "ra", "ten", "vo", "zu", "pe", "sha", "dri", "an", "ko", "bel", "gor",
        "ni", "tas",
    ];
    (0..syllables).map(|_| SYL[rng.below(16)]).collect()
}

fn capitalized(w: String) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn corpus(n: usize, seed: u64) -> Vec<Document> {
    let mut rng = Rng(seed | 1);
    let generic: Vec<String> = (0..20_000).map(|i| word(&mut rng, 2 + i % 2)).collect();
    let names: Vec<String> = (0..(n / 5).max(500))
        .map(|_| {
            format!(
                "{} {}",
                capitalized(word(&mut rng, 2)),
                capitalized(word(&mut rng, 3))
            )
        })
        .collect();
    let mut docs = Vec::with_capacity(n);
    while docs.len() < n {
        let ents: Vec<&str> = (0..4)
            .map(|_| names[rng.below(names.len())].as_str())
            .collect();
        let key: Vec<&str> = (0..12)
            .map(|_| generic[rng.zipf(generic.len())].as_str())
            .collect();
        let number = rng.below(90_000).to_string();
        for _ in 0..1 + rng.below(12) {
            let mut text = String::new();
            for _ in 0..150 {
                let r = rng.below(100);
                let w = match r {
                    0..30 => "the",
                    30..42 => key[rng.below(key.len())],
                    42..47 => ents[rng.below(ents.len())],
                    47..49 => number.as_str(),
                    _ => generic[rng.zipf(generic.len())].as_str(),
                };
                text.push_str(w);
                text.push(' ');
            }
            docs.push(Document::new(format!("d{:07}", docs.len()), text));
        }
    }
    docs.truncate(n);
    docs
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("cluster");
    group.sample_size(10);
    for n in [1_000usize, 10_000] {
        let docs = corpus(n, 7);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(
            BenchmarkId::new("events_and_stories", n),
            &docs,
            |b, docs| {
                let clusterer = Clusterer::new();
                b.iter(|| clusterer.cluster(docs));
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
