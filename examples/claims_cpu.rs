//! CPU time of claim extraction on the generator's corpus, per kind.
//!
//! `cargo run --release --example claims_cpu -- [DOCS] [REPEAT] [RUN]`: generates DOCS documents (seed
//! 1, default 2,000), then extracts each kind alone and all kinds together REPEAT times (default
//! 5; RUN picks one of `quantity`, `date`, `quote`, `all`, `all, no context`), printing the median throughput per kind in MB/s of text per core, from the process CPU
//! time (user + system, `getrusage`-like via `/proc/self/stat`), which is less noisy than wall
//! time on a shared machine.

use crosscheck::Document;
use crosscheck::claim::{Extractor, Kind};
use crosscheck::generate::{Config, Generator};

/// CPU seconds (user + system) of this process so far, from `/proc/thread-self/stat`.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses): utime is field 14, stime 15.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let mut args = std::env::args().skip(1);
    let docs: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(2000);
    let repeat: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5);
    let only: Option<String> = args.next();
    let config = Config {
        docs,
        seed: 1,
        dup_rate: 0.3,
        ..Config::default()
    };
    let corpus: Vec<Document> = Generator::new(config)
        .unwrap()
        .map(|r| Document::new(r.id, r.text))
        .collect();
    let bytes: usize = corpus.iter().map(|d| d.text.len()).sum();
    println!(
        "{} documents, {:.1} MB of text",
        corpus.len(),
        bytes as f64 / 1e6
    );
    let runs: [(&str, Vec<Kind>, bool); 5] = [
        ("quantity", vec![Kind::Quantity], true),
        ("date", vec![Kind::Date], true),
        ("quote", vec![Kind::Quote], true),
        ("all", Kind::ALL.to_vec(), true),
        ("all, no context", Kind::ALL.to_vec(), false),
    ];
    for (name, kinds, context) in runs {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let ex = Extractor::new().kinds(kinds).context(context);
        let mut rates: Vec<f64> = (0..repeat)
            .map(|_| {
                let t0 = cpu_seconds();
                let n: usize = corpus.iter().map(|d| ex.extract(d).len()).sum();
                std::hint::black_box(n);
                let dt = (cpu_seconds() - t0).max(0.01);
                bytes as f64 / 1e6 / dt
            })
            .collect();
        rates.sort_by(f64::total_cmp);
        println!(
            "{name:<16} median {:6.1} MB/s per core",
            rates[rates.len() / 2]
        );
    }
}
