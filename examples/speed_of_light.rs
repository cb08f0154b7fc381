//! The "speed of light" line of `benches/compare`: read the corpus and hash every word shingle
//! with xxh3 on all cores, doing nothing else.
//!
//! It is a floor for `crosscheck dedup`, not a competitor: no Unicode normalization (a token is a
//! run of ASCII letters/digits or non-ASCII bytes, ASCII lowercased), no signatures, no index, no
//! output. What it does do is what any dedup must: read every byte from the file, find the JSON
//! `text` field (serde_json, borrowing unless the string has escapes), split it into words and
//! hash each shingle once. Its time over the dedup time says how far the whole pipeline is from
//! what the machine can do.
//!
//! Modes (`--mode`):
//! - `window` (default): xxh3-64 over the bytes of each shingle (n words joined by one space).
//! - `rolling`: xxh3-64 of each word once, shingle hash = a multiply-rotate fold of the n word
//!   hashes (the cheaper way a tuned pipeline can do it).
//!
//! ```text
//! cargo run --release --example speed_of_light -- corpus.jsonl [--shingle 3] [--mode window] [--threads N]
//! ```
//!
//! Prints one JSON object: documents, bytes, shingles, a checksum of all shingle hashes (so the
//! work cannot be optimized away) and timings.

use std::borrow::Cow;
use std::fs;
use std::path::PathBuf;
use std::time::Instant;

use clap::{Parser, ValueEnum};
use rayon::prelude::*;
use serde::Deserialize;
use xxhash_rust::xxh3::xxh3_64;

/// Read the corpus and hash every word shingle with xxh3 on all cores, nothing else.
#[derive(Debug, Parser)]
struct Args {
    /// Corpus as JSON Lines: `{"id", "text", ...}` per line.
    corpus: PathBuf,
    /// Words per shingle.
    #[arg(long, default_value_t = 3)]
    shingle: usize,
    /// How shingles are hashed.
    #[arg(long, value_enum, default_value_t = Mode::Window)]
    mode: Mode,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Mode {
    /// xxh3 over each shingle's bytes.
    Window,
    /// xxh3 per word, folded into shingle hashes.
    Rolling,
}

#[derive(Deserialize)]
struct Record<'a> {
    #[serde(borrow)]
    text: Cow<'a, str>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    if args.shingle == 0 {
        return Err("--shingle must be >= 1".into());
    }
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()?;
    }
    let t0 = Instant::now();
    let data = fs::read(&args.corpus)?;
    let t_read = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    // Line boundaries with memchr, then the lines in parallel.
    let mut lines = Vec::new();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', &data).chain(std::iter::once(data.len())) {
        let line = &data[start..end];
        if !line.iter().all(u8::is_ascii_whitespace) {
            lines.push(line);
        }
        start = end + 1;
    }
    let (docs, shingles, checksum) = lines
        .par_iter()
        .map_init(Scratch::default, |scratch, line| {
            let rec: Record = serde_json::from_slice(line).expect("valid JSON line");
            let (count, sum) = scratch.hash_shingles(rec.text.as_bytes(), args.shingle, args.mode);
            (1u64, count, sum)
        })
        .reduce(
            || (0, 0, 0),
            |a, b| (a.0 + b.0, a.1 + b.1, a.2.wrapping_add(b.2)),
        );
    let t_hash = t1.elapsed().as_secs_f64();
    let total = t0.elapsed().as_secs_f64();
    println!(
        "{}",
        serde_json::json!({
            "docs": docs, "bytes": data.len(), "shingles": shingles,
            "checksum": format!("{checksum:016x}"), "mode": format!("{:?}", args.mode).to_lowercase(),
            "read_s": t_read, "hash_s": t_hash, "inner_s": total,
            "threads": rayon::current_num_threads(),
        })
    );
    Ok(())
}

/// `FOLD[b]` is 0 for a separator byte, else the byte ASCII-lowercased. A word byte is an ASCII
/// letter or digit, or any byte of a non-ASCII character.
static FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || c >= 0x80 {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

#[inline]
fn is_word(b: u8) -> bool {
    FOLD[b as usize] != 0
}

/// Per-thread buffers, reused across documents.
#[derive(Default)]
struct Scratch {
    buf: Vec<u8>,
    starts: Vec<usize>,
    ends: Vec<usize>,
    words: Vec<u64>,
}

impl Scratch {
    /// Number of shingles and the wrapping sum of their hashes.
    fn hash_shingles(&mut self, text: &[u8], n: usize, mode: Mode) -> (u64, u64) {
        self.buf.clear();
        self.starts.clear();
        self.ends.clear();
        let mut i = 0;
        while i < text.len() {
            // Skip separators, then copy one run of word bytes, ASCII-lowercased.
            while i < text.len() && !is_word(text[i]) {
                i += 1;
            }
            let start = i;
            while i < text.len() && is_word(text[i]) {
                i += 1;
            }
            if i > start {
                if !self.buf.is_empty() {
                    self.buf.push(b' ');
                }
                self.starts.push(self.buf.len());
                self.buf
                    .extend(text[start..i].iter().map(|&b| FOLD[b as usize]));
                self.ends.push(self.buf.len());
            }
        }
        let count = self.starts.len();
        if count == 0 {
            return (0, 0);
        }
        let windows = if count <= n { 1 } else { count - n + 1 };
        let span = n.min(count);
        let mut sum = 0u64;
        match mode {
            Mode::Window => {
                for i in 0..windows {
                    sum = sum
                        .wrapping_add(xxh3_64(&self.buf[self.starts[i]..self.ends[i + span - 1]]));
                }
            }
            Mode::Rolling => {
                self.words.clear();
                let buf = &self.buf;
                self.words.extend(
                    self.starts
                        .iter()
                        .zip(&self.ends)
                        .map(|(&s, &e)| xxh3_64(&buf[s..e])),
                );
                for w in self.words.windows(span).take(windows) {
                    let mut h = 0u64;
                    for &x in w {
                        h = (h.rotate_left(23) ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                    }
                    sum = sum.wrapping_add(h);
                }
            }
        }
        (windows as u64, sum)
    }
}
