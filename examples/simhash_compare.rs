//! Compares crosscheck's weighted SimHash with the `simhash` crate on a generated corpus:
//! fingerprinting speed, and pair precision / recall against ground truth for Hamming radii
//! 0..=10 (pure SimHash: candidates are not verified here).
//!
//! cargo run --release --example simhash_compare -- target/gen10k
use std::collections::{HashMap, HashSet};
use std::time::Instant;

use crosscheck::fingerprint::{Shingler, SimHash, SimHasher};
use crosscheck::lsh::simhash_candidates;
use crosscheck::{Corpus, IngestOptions, text};
use rayon::prelude::*;

fn main() {
    let dir = std::env::args().nth(1).expect("corpus folder");
    let corpus = Corpus::open(&[format!("{dir}/corpus.jsonl")], IngestOptions::default()).unwrap();
    let docs = corpus.read_all().unwrap().documents;
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let idx: HashMap<&str, u32> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.meta.id.as_str(), i as u32))
        .collect();
    let mut groups: HashMap<String, Vec<u32>> = HashMap::new();
    for line in std::fs::read_to_string(format!("{dir}/truth.jsonl"))
        .unwrap()
        .lines()
    {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        groups
            .entry(v["group"].as_str().unwrap().to_string())
            .or_default()
            .push(idx[v["id"].as_str().unwrap()]);
    }
    let mut truth = HashSet::new();
    for m in groups.values() {
        for a in 0..m.len() {
            for b in a + 1..m.len() {
                truth.insert((m[a].min(m[b]), m[a].max(m[b])));
            }
        }
    }
    let ours = |n: usize| {
        let s = Shingler::new(n);
        let h = SimHasher::new(1);
        let t = Instant::now();
        let v: Vec<SimHash> = docs
            .par_iter()
            .map(|d| {
                let mut b = h.start();
                s.for_each(&d.text, |x| b.push(x, 1));
                b.finish()
            })
            .collect();
        (v, t.elapsed())
    };
    let t = Instant::now();
    let theirs: Vec<SimHash> = docs
        .par_iter()
        .map(|d| SimHash(simhash::simhash(&text::normalize(&d.text))))
        .collect();
    let theirs = (theirs, t.elapsed());
    let theirs_raw = {
        let t = Instant::now();
        let v: Vec<SimHash> = docs
            .par_iter()
            .map(|d| SimHash(simhash::simhash(&d.text)))
            .collect();
        (v, t.elapsed())
    };
    let skip = vec![false; docs.len()];
    for (name, (hashes, took)) in [
        ("crosscheck 1-word", ours(1)),
        ("crosscheck 2-word", ours(2)),
        ("crosscheck 3-word", ours(3)),
        ("simhash crate, normalized words", theirs),
        ("simhash crate, raw whitespace words", theirs_raw),
    ] {
        println!(
            "{name}: {} docs, {:.1} MB in {:.3} s = {:.1} MB/s",
            docs.len(),
            bytes as f64 / 1e6,
            took.as_secs_f64(),
            bytes as f64 / 1e6 / took.as_secs_f64()
        );
        for k in 0..=10 {
            let found = simhash_candidates(&hashes, k, &skip);
            let tp = found.iter().filter(|p| truth.contains(p)).count();
            println!(
                "  k={k:>2}  pairs {:>7}  precision {:.4}  recall {:.4}",
                found.len(),
                if found.is_empty() {
                    1.0
                } else {
                    tp as f64 / found.len() as f64
                },
                tp as f64 / truth.len() as f64
            );
        }
    }
}
