//! Speed-of-light helpers for `crosscheck dedup`: the time to read (parse) a corpus, and to read
//! it and hash every 1-word shingle on all cores, doing nothing else.
//!
//! cargo run --release --example read_speed -- target/gen100k/corpus.jsonl
use std::time::Instant;

use crosscheck::fingerprint::Shingler;
use crosscheck::{Corpus, IngestOptions};
use rayon::prelude::*;

fn main() {
    let path = std::env::args().nth(1).expect("a corpus file");
    let corpus = Corpus::open(&[path], IngestOptions::default()).unwrap();
    let t = Instant::now();
    let mut bytes = 0;
    for doc in corpus.reader() {
        bytes += doc.unwrap().text.len();
    }
    println!(
        "read only: {bytes} text bytes in {:.3} s",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let docs = corpus.read_all().unwrap().documents;
    let read = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let s = Shingler::new(1);
    let x: u64 = docs
        .par_iter()
        .map(|d| {
            let mut acc = 0u64;
            s.for_each(&d.text, |h| acc ^= h);
            acc
        })
        .reduce(|| 0, |a, b| a ^ b);
    println!(
        "read_all {read:.3} s, then hash every shingle on all cores {:.3} s ({x:x})",
        t.elapsed().as_secs_f64()
    );
}
