//! Word 5-gram shingle sets and their Jaccard similarity, on [`crate::text`] tokens.
//!
//! The generator uses this to keep every syndicated copy recognizably a copy, and the tests use
//! it to check that independent write-ups are not copies.

use crate::text::for_each_token;

/// Shingle width in words.
pub const SHINGLE: usize = 5;

/// FNV-1a: a stable 64-bit hash (never std `Hash`, which may change between Rust releases).
fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The sorted, deduplicated hashes of the word 5-grams of `text` (normalized tokens). A text
/// shorter than five words has one shingle: all of it.
pub fn shingles(text: &str) -> Vec<u64> {
    let mut toks: Vec<u64> = Vec::with_capacity(text.len() / 5);
    for_each_token(text, |_, t| toks.push(fnv(t)));
    let mut out: Vec<u64> = if toks.len() < SHINGLE {
        vec![toks.iter().fold(0, |h, &t| super::rng::mix(h ^ t))]
    } else {
        toks.windows(SHINGLE)
            .map(|w| w.iter().fold(0u64, |h, &t| super::rng::mix(h ^ t)))
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// Jaccard similarity of two sorted, deduplicated sets.
pub fn jaccard_sets(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    inter as f64 / (a.len() + b.len() - inter) as f64
}

/// Exact Jaccard similarity of the word 5-gram sets of two texts.
///
/// ```
/// use crosscheck::generate::shingle_jaccard;
///
/// let a = "Putin said on Friday that foreign troops in Ukraine would be legitimate targets.";
/// assert_eq!(shingle_jaccard(a, a), 1.0);
/// assert!(shingle_jaccard(a, "Macron said 26 countries had pledged to send troops.") < 0.1);
/// ```
pub fn shingle_jaccard(a: &str, b: &str) -> f64 {
    jaccard_sets(&shingles(a), &shingles(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaccard_counts_shared_windows() {
        let a = "one two three four five six";
        let b = "one two three four five seven";
        // {12345, 23456} vs {12345, 23457}: 1 shared of 3.
        assert!((shingle_jaccard(a, b) - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(shingle_jaccard("", ""), 1.0);
        // Normalization: case and punctuation do not matter.
        assert_eq!(
            shingle_jaccard("One, two; three four FIVE", "one two three four five"),
            1.0
        );
    }
}
