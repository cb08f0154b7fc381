//! How the shingle length was chosen: for n = 1..=5 words, the Jaccard similarity of the
//! generator's true copy pairs, of separately written articles on the same event (hard
//! negatives), and of random pairs.
//!
//! ```text
//! crosscheck generate --docs 10000 --seed 1 --out target/gen10k
//! cargo run --release --example shingle_study -- target/gen10k
//! ```
use crosscheck::fingerprint::{ShingleSet, Shingler};
use crosscheck::{Corpus, IngestOptions};
use std::collections::HashMap;

fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let corpus = Corpus::open(&[format!("{dir}/corpus.jsonl")], IngestOptions::default()).unwrap();
    let docs = corpus.read_all().unwrap().documents;
    let idx: HashMap<String, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.meta.id.clone(), i))
        .collect();
    let truth = std::fs::read_to_string(format!("{dir}/truth.jsonl")).unwrap();
    let mut group: HashMap<String, Vec<usize>> = HashMap::new();
    let mut event: HashMap<String, Vec<usize>> = HashMap::new();
    let mut g_of = vec![String::new(); docs.len()];
    for line in truth.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let i = idx[v["id"].as_str().unwrap()];
        group
            .entry(v["group"].as_str().unwrap().into())
            .or_default()
            .push(i);
        event
            .entry(v["event"].as_str().unwrap().into())
            .or_default()
            .push(i);
        g_of[i] = v["group"].as_str().unwrap().into();
    }
    for n in 1..=5 {
        let s = Shingler::new(n);
        let sets: Vec<ShingleSet> = docs.iter().map(|d| ShingleSet::of(&s, &d.text)).collect();
        let mut pos = Vec::new();
        for m in group.values() {
            for a in 0..m.len() {
                for b in a + 1..m.len() {
                    pos.push(sets[m[a]].jaccard(&sets[m[b]]));
                }
            }
        }
        let mut neg = Vec::new();
        for m in event.values() {
            for a in 0..m.len() {
                for b in a + 1..m.len() {
                    if g_of[m[a]] != g_of[m[b]] {
                        neg.push(sets[m[a]].jaccard(&sets[m[b]]));
                    }
                }
            }
        }
        let mut bg = Vec::new();
        let mut x = 12345u64;
        for _ in 0..20000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let a = (x % docs.len() as u64) as usize;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let b = (x % docs.len() as u64) as usize;
            if a != b {
                bg.push(sets[a].jaccard(&sets[b]));
            }
        }
        bg.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!(
            "     random pairs: med {:.3} q99 {:.3} q999 {:.3} max {:.3}",
            bg[bg.len() / 2],
            bg[bg.len() * 99 / 100],
            bg[bg.len() * 999 / 1000],
            bg.last().unwrap()
        );
        pos.sort_by(|a, b| a.partial_cmp(b).unwrap());
        neg.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let q = |v: &Vec<f64>, p: f64| v[((v.len() - 1) as f64 * p) as usize];
        let frac =
            |v: &Vec<f64>, t: f64| v.iter().filter(|&&x| x >= t).count() as f64 / v.len() as f64;
        println!(
            "n={n} copies: {} pairs, q05 {:.3} q10 {:.3} q25 {:.3} med {:.3}; >=0.8 {:.4} >=0.7 {:.4} >=0.6 {:.4} >=0.5 {:.4}",
            pos.len(),
            q(&pos, 0.05),
            q(&pos, 0.10),
            q(&pos, 0.25),
            q(&pos, 0.5),
            frac(&pos, 0.8),
            frac(&pos, 0.7),
            frac(&pos, 0.6),
            frac(&pos, 0.5)
        );
        println!(
            "     same-event non-copies: {} pairs, max {:.3} q99 {:.3} q999 {:.3}; >=0.5 {}",
            neg.len(),
            neg.last().unwrap(),
            q(&neg, 0.99),
            q(&neg, 0.999),
            neg.iter().filter(|&&x| x >= 0.5).count()
        );
    }
}
