//! Peer runner for `benches/compare`: near-duplicate pairs with the `simhash` crate.
//!
//! What a Rust user who picks the `simhash` crate would write: read the corpus, tokenize, build word
//! shingles, `simhash::simhash_stream` over them (unweighted; the crate hashes each feature with
//! SipHash), then find every pair at Hamming distance <= k. The crate has no index, so candidates
//! come from the classic pigeonhole tables: split the 64 bits into k + 1 blocks; two hashes within
//! distance k agree exactly on at least one block. Each table is sorted by its block (no hash maps)
//! and every pair inside a run of equal blocks is checked with `simhash::hamming_distance`. A pair
//! found in an earlier table is skipped in later ones, so each is emitted once.
//!
//! Tokens come from `crosscheck::text::for_each_token`, so this peer sees exactly the shingles
//! crosscheck sees. Documents are fingerprinted in parallel with rayon (the crate is a pure
//! function; any Rust user would parallelize it this way).
//!
//! ```text
//! cargo run --release --example peer_simhash -- corpus.jsonl --out pairs.jsonl [--shingle 3] [--distance 3]
//! ```
//!
//! Writes `{"a": id, "b": id, "hamming": d}` per pair (sorted) to `--out` and one JSON object with
//! phase timings (seconds) and counts to stdout.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use clap::Parser;
use rayon::prelude::*;
use serde::Deserialize;

/// Near-duplicate pairs with the `simhash` crate (SimHash over word shingles, Hamming <= k).
#[derive(Debug, Parser)]
struct Args {
    /// Corpus as JSON Lines: `{"id", "text", ...}` per line.
    corpus: PathBuf,
    /// Where to write the pairs (JSON Lines).
    #[arg(long)]
    out: PathBuf,
    /// Words per shingle.
    #[arg(long, default_value_t = 3)]
    shingle: usize,
    /// Largest Hamming distance reported.
    #[arg(long, default_value_t = 3)]
    distance: u32,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Id {
    Str(String),
    Int(i64),
}

#[derive(Deserialize)]
struct Record {
    id: Id,
    text: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    if args.shingle == 0 || args.distance >= 63 {
        return Err("--shingle must be >= 1 and --distance < 63".into());
    }
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()?;
    }
    let t0 = Instant::now();
    let data = fs::read_to_string(&args.corpus)?;
    let lines: Vec<&str> = data.lines().filter(|l| !l.trim().is_empty()).collect();
    let t_read = t0.elapsed().as_secs_f64();

    // Parse + fingerprint in one parallel pass; the text is dropped right after hashing.
    let t1 = Instant::now();
    let docs: Vec<(String, u64)> = lines
        .par_iter()
        .enumerate()
        .map(|(i, line)| {
            let rec: Record = serde_json::from_str(line)
                .map_err(|e| format!("{}:{}: {e}", args.corpus.display(), i + 1))?;
            let id = match rec.id {
                Id::Str(s) => s,
                Id::Int(n) => n.to_string(),
            };
            Ok((id, fingerprint(&rec.text, args.shingle)))
        })
        .collect::<Result<_, String>>()?;
    drop(lines);
    drop(data);
    let t_sketch = t1.elapsed().as_secs_f64();

    let t2 = Instant::now();
    let hashes: Vec<u64> = docs.iter().map(|d| d.1).collect();
    let (pairs, candidates) = search(&hashes, args.distance);
    let t_search = t2.elapsed().as_secs_f64();

    let t3 = Instant::now();
    let mut out = BufWriter::new(fs::File::create(&args.out)?);
    for &(a, b, d) in &pairs {
        serde_json::to_writer(
            &mut out,
            &serde_json::json!({"a": docs[a as usize].0, "b": docs[b as usize].0, "hamming": d}),
        )?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    let t_write = t3.elapsed().as_secs_f64();
    println!(
        "{}",
        serde_json::json!({
            "read_s": t_read, "parse_sketch_s": t_sketch, "search_s": t_search, "write_s": t_write,
            "inner_s": t0.elapsed().as_secs_f64(), "docs": docs.len(), "candidates": candidates,
            "pairs": pairs.len(), "threads": rayon::current_num_threads(),
        })
    );
    Ok(())
}

/// SimHash of the document's word shingles (tokens joined by one space), via the crate.
fn fingerprint(text: &str, n: usize) -> u64 {
    // Normalized tokens in one buffer, separated by one space; `ends[i]` is where token i ends.
    let mut buf = String::with_capacity(text.len());
    let mut starts = Vec::new();
    let mut ends = Vec::new();
    crosscheck::text::for_each_token(text, |_, tok| {
        if !buf.is_empty() {
            buf.push(' ');
        }
        starts.push(buf.len());
        buf.push_str(tok);
        ends.push(buf.len());
    });
    let count = starts.len();
    if count == 0 {
        return 0;
    }
    if count <= n {
        return simhash::simhash_stream(std::iter::once(buf.as_str()));
    }
    simhash::simhash_stream((0..=count - n).map(|i| &buf[starts[i]..ends[i + n - 1]]))
}

/// A pair of document indices `(a, b)` with `a < b`, and their Hamming distance.
type Pair = (u32, u32, u32);

/// Every pair `(a, b, distance)` with `a < b` and Hamming distance <= `k`, sorted, and the number
/// of candidate pairs checked.
fn search(hashes: &[u64], k: u32) -> (Vec<Pair>, u64) {
    let blocks = (k + 1) as usize;
    let masks: Vec<(u32, u64)> = (0..blocks)
        .map(|b| {
            let lo = 64 * b / blocks;
            let hi = 64 * (b + 1) / blocks;
            let width = hi - lo;
            let mask = if width == 64 {
                u64::MAX
            } else {
                ((1u64 << width) - 1) << lo
            };
            (lo as u32, mask)
        })
        .collect();
    let per_table: Vec<(Vec<Pair>, u64)> = (0..blocks)
        .into_par_iter()
        .map(|t| {
            let (_, mask) = masks[t];
            let mut keyed: Vec<(u64, u32)> = hashes
                .iter()
                .enumerate()
                .map(|(i, &h)| (h & mask, i as u32))
                .collect();
            keyed.sort_unstable();
            let mut found = Vec::new();
            let mut checked = 0u64;
            for run in keyed.chunk_by(|x, y| x.0 == y.0) {
                for (x, &(_, a)) in run.iter().enumerate() {
                    for &(_, b) in &run[x + 1..] {
                        let (ha, hb) = (hashes[a as usize], hashes[b as usize]);
                        // Already seen in an earlier table?
                        if masks[..t].iter().any(|&(_, m)| ha & m == hb & m) {
                            continue;
                        }
                        checked += 1;
                        let d = simhash::hamming_distance(ha, hb);
                        if d <= k {
                            found.push((a.min(b), a.max(b), d));
                        }
                    }
                }
            }
            (found, checked)
        })
        .collect();
    let candidates = per_table.iter().map(|t| t.1).sum();
    let mut pairs: Vec<Pair> = per_table.into_iter().flat_map(|t| t.0).collect();
    pairs.sort_unstable();
    (pairs, candidates)
}
