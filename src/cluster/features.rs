//! Lexical features of an article and their TF-IDF vectors.
//!
//! Every document becomes a sparse, L2-normalized vector over four kinds of [`Feature`] (features
//! that occur in no other document are dropped after normalizing: they add nothing to a cosine):
//!
//! - **words**: normalized content words ([`crate::text`]), stop words removed, with a light
//!   plural and possessive folding (`troops` = `troop`, `Russia’s` = `russia`);
//! - **entities**: every word of a capitalized sequence that does not merely start a sentence
//!   (`Kremlin spokesman Dmitry Peskov` gives `kremlin`, `dmitry` and `peskov`), so that a
//!   surname alone matches the full name: simple variant folding;
//! - **numbers**: digit tokens after normalization (`50,000` = `50000`);
//! - **dates**: a month name next to a day number (`Jan. 6`, `6 January` give `jan-6`).
//!
//! Title words count the configured title weight (`ClusterBuilder::title_weight`) times. Term frequency is sublinear
//! (`1 + ln tf`), times the kind's boost, times a smoothed inverse document frequency computed
//! over the documents being clustered, `ln((1 + n) / (1 + df)) + 1`.
//!
//! Feature ids are seeded xxh3 hashes of the kind and the normalized text: stable across runs,
//! platforms and Rust releases.

use std::collections::HashMap;

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::claim::lex::WordMap;
use crate::corpus::Document;
use crate::text::for_each_token;
use crate::timings::Timings;

/// Seed of the feature hash.
const FEATURE_SEED: u64 = 0x6372_6f73_7363_6845; // "crosschE"

/// The kind of a feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FeatureKind {
    /// A content word.
    Word,
    /// A word inside a capitalized sequence (a name).
    Entity,
    /// A number.
    Number,
    /// A month and a day.
    Date,
}

impl FeatureKind {
    fn tag(self) -> u8 {
        match self {
            FeatureKind::Word => b'w',
            FeatureKind::Entity => b'e',
            FeatureKind::Number => b'n',
            FeatureKind::Date => b'd',
        }
    }
}

/// A feature in readable form, for explanations.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Feature {
    /// What kind of feature.
    pub kind: FeatureKind,
    /// Its normalized text (`peskov`, `50000`, `jan-6`).
    pub text: String,
}

impl Feature {
    /// The stable id of the feature.
    pub fn id(&self) -> u64 {
        feature_id(self.kind, &self.text)
    }
}

impl std::fmt::Display for Feature {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind {
            FeatureKind::Word => write!(f, "{}", self.text),
            FeatureKind::Entity => write!(f, "@{}", self.text),
            FeatureKind::Number => write!(f, "#{}", self.text),
            FeatureKind::Date => write!(f, "date:{}", self.text),
        }
    }
}

fn feature_id(kind: FeatureKind, text: &str) -> u64 {
    let mut buf = [0u8; 64];
    if text.len() < 63 {
        buf[0] = kind.tag();
        buf[1..=text.len()].copy_from_slice(text.as_bytes());
        xxh3_64_with_seed(&buf[..=text.len()], FEATURE_SEED)
    } else {
        let mut v = Vec::with_capacity(text.len() + 1);
        v.push(kind.tag());
        v.extend_from_slice(text.as_bytes());
        xxh3_64_with_seed(&v, FEATURE_SEED)
    }
}

/// How much each kind of feature and the title count. Part of [`super::ClusterConfig`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Weights {
    pub title: f32,
    pub entity: f32,
    pub number: f32,
    pub date: f32,
}

/// English stop words plus the reporting vocabulary every news article shares.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "added",
    "adding",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "asked",
    "at",
    "be",
    "became",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "get",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "later",
    "least",
    "less",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "near",
    "need",
    "never",
    "new",
    "news",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "put",
    "rather",
    "read",
    "report",
    "reported",
    "reporters",
    "reporting",
    "reports",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "see",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "today",
    "told",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "year",
    "years",
    "yet",
    "you",
    "your",
    "yours",
    "s",
    "t",
    "mr",
    "mrs",
    "ms",
    "dr",
    "yes",
    "told",
    "statement",
    "week",
    "weeks",
    "day",
    "days",
    "time",
    "times",
    "told",
    "two",
    "three",
    "well",
    "way",
    "went",
    "take",
    "took",
    "taken",
    "come",
    "came",
    "comes",
    "going",
    "go",
    "says",
];

const MONTHS: &[(&str, u8)] = &[
    ("jan", 1),
    ("january", 1),
    ("feb", 2),
    ("february", 2),
    ("mar", 3),
    ("march", 3),
    ("apr", 4),
    ("april", 4),
    ("may", 5),
    ("jun", 6),
    ("june", 6),
    ("jul", 7),
    ("july", 7),
    ("aug", 8),
    ("august", 8),
    ("sep", 9),
    ("sept", 9),
    ("september", 9),
    ("oct", 10),
    ("october", 10),
    ("nov", 11),
    ("november", 11),
    ("dec", 12),
    ("december", 12),
];

/// Bit of a [`word_class`] value: the word is a stop word.
const STOP: u8 = 0x10;

/// The class of a normalized word, one table lookup for both questions the feature scan asks
/// of every token: its month (the low four bits, 0 for none) and whether it is a stop word
/// ([`STOP`]); 0 for any other word. (A bucket search for stop words and a scan of the month
/// names were a sixth of the feature scan.)
fn word_class(word: &str) -> u8 {
    use std::sync::OnceLock;
    static CLASSES: OnceLock<WordMap<u8>> = OnceLock::new();
    let map = CLASSES.get_or_init(|| {
        // A word both a stop word and a month ("may") gets both bits: merge before building,
        // since a later entry of the map replaces an earlier one.
        let mut all: Vec<(&'static str, u8)> = Vec::new();
        let words = STOP_WORDS.iter().map(|&w| (w, STOP));
        for (w, class) in words.chain(MONTHS.iter().copied()) {
            match all.iter_mut().find(|(x, _)| *x == w) {
                Some(entry) => entry.1 |= class,
                None => all.push((w, class)),
            }
        }
        WordMap::new(all)
    });
    map.get(word).unwrap_or(0)
}

#[cfg(test)]
fn is_stop_word(word: &str) -> bool {
    word_class(word) & STOP != 0
}

#[cfg(test)]
fn month(word: &str) -> Option<u8> {
    match word_class(word) & 0x0f {
        0 => None,
        m => Some(m),
    }
}

/// True when `word` has fewer than two characters (at most two are decoded).
fn shorter_than_two_chars(word: &str) -> bool {
    word.chars().nth(1).is_none()
}

fn day_number(word: &str) -> Option<u8> {
    if word.len() > 2 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u8 = word.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// Folds plurals and possessives: `troops` → `troop`, `countries` → `country`,
/// `russias` (from `Russia’s`) → `russia`.
fn fold_word(word: &str, possessive: bool) -> &str {
    let w = if possessive && word.len() > 2 {
        &word[..word.len() - 1]
    } else {
        word
    };
    if w.len() <= 4 || !w.is_ascii() {
        return w;
    }
    let singular = if let Some(stem) = w.strip_suffix("ies") {
        // countries -> countr, like country -> countr below.
        stem
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        &w[..w.len() - 1]
    } else {
        w
    };
    // Zelenskyy = Zelensky, country = countries.
    let trimmed = singular.trim_end_matches('y');
    if trimmed.len() >= 4 {
        trimmed
    } else {
        singular
    }
}

/// True when the raw token starts with an uppercase letter.
fn is_capitalized(raw: &str) -> bool {
    raw.chars().next().is_some_and(char::is_uppercase)
}

/// True when the token at `start` begins a sentence or a line.
fn starts_sentence(text: &str, start: usize) -> bool {
    for c in text[..start].chars().rev() {
        if c.is_whitespace() && c != '\n' {
            continue;
        }
        return matches!(
            c,
            '.' | '!'
                | '?'
                | '\n'
                | '"'
                | '“'
                | '”'
                | '\''
                | '‘'
                | '’'
                | ':'
                | '('
                | '['
                | '–'
                | '—'
        );
    }
    true
}

/// Raw token of one pass over a text: its normalized form is `buf[start..end]`.
struct Tok {
    start: u32,
    end: u32,
    cap: bool,
    /// Whether a capitalized token begins a sentence or a line (false for any other token).
    sentence_start: bool,
    possessive: bool,
}

/// Tokens of `text`, their normalized forms concatenated in `buf` (one allocation per text
/// instead of one per token).
fn scan(text: &str, buf: &mut String) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 5);
    buf.clear();
    for_each_token(text, |span, norm| {
        let raw = span.slice(text);
        let possessive = raw.ends_with("’s") || raw.ends_with("'s");
        let start = buf.len() as u32;
        buf.push_str(norm);
        let cap = is_capitalized(raw);
        toks.push(Tok {
            start,
            end: buf.len() as u32,
            cap,
            // Asked only of capitalized tokens (a backward scan per token was a tenth of the
            // feature scan).
            sentence_start: cap && starts_sentence(text, span.start),
            possessive,
        });
    });
    toks
}

/// Calls `f(kind, text, weight)` for every feature occurrence of `text`.
fn features_of(text: &str, weight: f32, mut f: impl FnMut(FeatureKind, &str, f32)) {
    let mut buf = String::with_capacity(text.len());
    let toks = scan(text, &mut buf);
    let norm = |t: &Tok| &buf[t.start as usize..t.end as usize];
    let mut date = String::new();
    for (i, t) in toks.iter().enumerate() {
        let w = norm(t);
        if w.bytes().all(|b| b.is_ascii_digit()) {
            f(FeatureKind::Number, w, weight);
            continue;
        }
        let class = word_class(w);
        let m = class & 0x0f;
        if m != 0 {
            // "Jan. 6" or "6 January"; "may" only when capitalized.
            let day = toks
                .get(i + 1)
                .and_then(|n| day_number(norm(n)))
                .or_else(|| i.checked_sub(1).and_then(|p| day_number(norm(&toks[p]))));
            if let Some(d) = day
                && (m != 5 || t.cap)
            {
                date.clear();
                use std::fmt::Write;
                let _ = write!(date, "{m}-{d}");
                f(FeatureKind::Date, &date, weight);
            }
        }
        if class & STOP != 0 || shorter_than_two_chars(w) {
            continue;
        }
        let folded = fold_word(w, t.possessive);
        f(FeatureKind::Word, folded, weight);
        if t.cap && m == 0 {
            // A capitalized word that only starts a sentence is a name only if the next word is
            // capitalized too ("Dmitry Peskov said" but not "Following the talks").
            let next_cap = toks.get(i + 1).is_some_and(|n| n.cap && !n.sentence_start);
            let prev_cap = i > 0 && toks[i - 1].cap && !t.sentence_start;
            if !t.sentence_start || next_cap || prev_cap {
                f(FeatureKind::Entity, folded, weight);
            }
        }
    }
}

/// Readable features of a document with their raw (pre-IDF) weights, sorted by feature.
pub(crate) fn readable_features(doc: &Document, title_weight: f32) -> Vec<(Feature, f32)> {
    let mut map: HashMap<Feature, f32> = HashMap::new();
    let mut add = |kind: FeatureKind, text: &str, w: f32| {
        *map.entry(Feature {
            kind,
            text: text.to_string(),
        })
        .or_insert(0.0) += w;
    };
    if let Some(title) = &doc.meta.title {
        features_of(title, title_weight, &mut add);
    }
    features_of(&doc.text, 1.0, &mut add);
    let mut v: Vec<_> = map.into_iter().collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

/// The boosted term frequencies of a document, sorted by feature id: for every feature,
/// `(1 + ln tf)` (the plain `tf` below 1) times the boost of its kind, where `tf` counts title
/// occurrences `weights.title` times. Multiplying by the IDF and normalizing gives the row.
///
/// Also returns the day of the year of the first month-and-day date of the text (of the title
/// when the text has none), see [`day_of_year`].
fn term_weights(doc: &Document, weights: &Weights) -> (SparseVec, Option<u16>) {
    let mut v: Vec<(u64, FeatureKind, f32)> = Vec::with_capacity(256);
    let mut first_date: [Option<u16>; 2] = [None, None];
    let mut add = |slot: usize, kind: FeatureKind, text: &str, w: f32| {
        if kind == FeatureKind::Date && first_date[slot].is_none() {
            first_date[slot] = day_of_year(text);
        }
        v.push((feature_id(kind, text), kind, w));
    };
    if let Some(title) = &doc.meta.title {
        features_of(title, weights.title, |k, t, w| add(0, k, t, w));
    }
    features_of(&doc.text, 1.0, |k, t, w| add(1, k, t, w));
    let text_date = first_date[1].or(first_date[0]);
    v.sort_unstable_by_key(|&(id, _, _)| id);
    let mut ids: Vec<u64> = Vec::with_capacity(v.len());
    let mut tfs: Vec<(FeatureKind, f32)> = Vec::with_capacity(v.len());
    for (id, kind, w) in v {
        if ids.last() == Some(&id) {
            tfs.last_mut().expect("aligned").1 += w;
        } else {
            ids.push(id);
            tfs.push((kind, w));
        }
    }
    let ws = tfs
        .into_iter()
        .map(|(kind, tf)| {
            let boost = match kind {
                FeatureKind::Word => 1.0,
                FeatureKind::Entity => weights.entity,
                FeatureKind::Number => weights.number,
                FeatureKind::Date => weights.date,
            };
            sublinear_tf(tf) * boost
        })
        .collect();
    (SparseVec { ids, weights: ws }, text_date)
}

/// `1 + ln tf` for a term frequency of at least 1, the plain `tf` below.
fn sublinear_plain(tf: f32) -> f32 {
    if tf >= 1.0 { 1.0 + tf.ln() } else { tf }
}

/// Whole term frequencies below this have their [`sublinear_plain`] value in a table.
const SUBLINEAR_TABLE: usize = 64;

/// [`sublinear_plain`], the same bits, read from a table for the small whole frequencies that
/// most features have (a logarithm per feature and document was a few percent of the term pass).
fn sublinear_tf(tf: f32) -> f32 {
    use std::sync::OnceLock;
    static TABLE: OnceLock<[f32; SUBLINEAR_TABLE]> = OnceLock::new();
    let table = TABLE.get_or_init(|| std::array::from_fn(|k| sublinear_plain(k as f32)));
    let k = tf as usize;
    if k < SUBLINEAR_TABLE && (k as f32).to_bits() == tf.to_bits() {
        table[k]
    } else {
        sublinear_plain(tf)
    }
}

/// The day of the year (0 to 364, in a common year; February 29 counts as March 1) of a date
/// feature's text `month-day`.
fn day_of_year(md: &str) -> Option<u16> {
    const BEFORE: [u16; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    const LEN: [u16; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let (m, d) = md.split_once('-')?;
    let (m, d): (usize, u16) = (m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&m) || d == 0 || d > LEN[m - 1] {
        return None;
    }
    Some((BEFORE[m - 1] + d - 1).min(364))
}

/// Days between two days of the year, around the year's end (at most 182).
pub(crate) fn days_apart_in_year(a: u16, b: u16) -> i32 {
    let d = (i32::from(a) - i32::from(b)).abs();
    d.min(365 - d)
}

/// Document frequencies of the features found in two or more documents: their ids ascending
/// with their counts (any other feature of the corpus has frequency 1), and a directory on the
/// top bits of the id (ids are uniform hashes) so that a lookup scans a few neighbouring entries
/// instead of binary-searching the whole table (millions of features at 1M documents). A
/// feature's place in the table is its dense index in the [`Matrix`].
struct DocFreq {
    ids: Vec<u64>,
    counts: Vec<u32>,
    /// `dir[b]..dir[b + 1]` are the entries whose id has top bits `b`.
    dir: Vec<u32>,
    shift: u32,
}

impl DocFreq {
    /// Counts in parallel the feature ids of all documents, one after the other (each
    /// document's distinct): each block counts its own, then each shard of the id space (top
    /// bits) merges the blocks' counts for it.
    fn build(all: &[u64]) -> DocFreq {
        let blocks: Vec<Vec<(u64, u32)>> = all
            .par_chunks(1 << 18)
            .map(|chunk| {
                let mut ids: Vec<u64> = chunk.to_vec();
                ids.sort_unstable();
                run_lengths(ids.into_iter().map(|id| (id, 1)))
            })
            .collect();
        const SHARD_BITS: u32 = 6;
        let shard_of = |id: u64| (id >> (64 - SHARD_BITS)) as usize;
        let shards: Vec<Vec<(u64, u32)>> = (0..1usize << SHARD_BITS)
            .into_par_iter()
            .map(|shard| {
                let mut all: Vec<(u64, u32)> = Vec::new();
                for b in &blocks {
                    let lo = b.partition_point(|e| shard_of(e.0) < shard);
                    let hi = b.partition_point(|e| shard_of(e.0) <= shard);
                    all.extend_from_slice(&b[lo..hi]);
                }
                all.sort_unstable_by_key(|e| e.0);
                let mut counts = run_lengths(all.into_iter());
                counts.retain(|&(_, c)| c > 1);
                counts
            })
            .collect();
        drop(blocks);
        let total: usize = shards.iter().map(Vec::len).sum();
        let mut ids = Vec::with_capacity(total);
        let mut counts = Vec::with_capacity(total);
        for (id, c) in shards.into_iter().flatten() {
            ids.push(id);
            counts.push(c);
        }
        // About four entries per directory slot.
        let bits = (usize::BITS - (total / 4).max(1).leading_zeros()).clamp(1, 28);
        let shift = 64 - bits;
        // `dir[b]` = the number of ids whose top bits are below `b` (ids ascending): one pass
        // counting each slot's ids, then prefix sums (a binary search per slot was a serial
        // second at 1M documents).
        let mut dir = vec![0u32; (1usize << bits) + 1];
        for &id in &ids {
            dir[(id >> shift) as usize + 1] += 1;
        }
        for b in 0..1usize << bits {
            dir[b + 1] += dir[b];
        }
        DocFreq {
            ids,
            counts,
            dir,
            shift,
        }
    }

    /// The dense index of a feature when its document frequency is above 1 (it is
    /// `counts[index]`), `None` for a frequency of 1.
    fn index(&self, id: u64) -> Option<u32> {
        let b = (id >> self.shift) as usize;
        let (lo, hi) = (self.dir[b] as usize, self.dir[b + 1] as usize);
        self.ids[lo..hi]
            .iter()
            .position(|&x| x == id)
            .map(|i| (lo + i) as u32)
    }
}

/// Sums the counts of equal ids in a sequence sorted by id.
fn run_lengths(sorted: impl Iterator<Item = (u64, u32)>) -> Vec<(u64, u32)> {
    let mut out: Vec<(u64, u32)> = Vec::new();
    for (id, c) in sorted {
        match out.last_mut() {
            Some(last) if last.0 == id => last.1 += c,
            _ => out.push((id, c)),
        }
    }
    out
}

/// A sparse vector normalized to unit length before the features of no other document were
/// dropped: feature ids ascending, with weights.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVec {
    ids: Vec<u64>,
    weights: Vec<f32>,
}

impl SparseVec {
    /// Feature ids, ascending.
    pub fn ids(&self) -> &[u64] {
        &self.ids
    }

    /// Weights, aligned with [`SparseVec::ids`].
    pub fn weights(&self) -> &[f32] {
        &self.weights
    }

    /// Number of non-zero features.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True for an empty vector (a document without content words).
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Weight of a feature, 0 if absent.
    pub fn get(&self, id: u64) -> f32 {
        self.ids.binary_search(&id).map_or(0.0, |i| self.weights[i])
    }

    /// Cosine similarity (both vectors had unit length before their features of one document
    /// only were dropped, which add nothing to a dot product): the dot product.
    pub fn cosine(&self, other: &SparseVec) -> f32 {
        let (a, b) = (&self.ids, &other.ids);
        let (mut i, mut j) = (0, 0);
        let mut dot = 0.0f32;
        // Branch-free advance: which side moves is unpredictable, so a data-dependent
        // branch would mispredict about every other step.
        while i < a.len() && j < b.len() {
            let (x, y) = (a[i], b[j]);
            if x == y {
                dot += self.weights[i] * other.weights[j];
            }
            i += usize::from(x <= y);
            j += usize::from(y <= x);
        }
        dot.min(1.0)
    }
}

/// One feature of a row in a [`Matrix`]: the feature's dense index in the high 32 bits, the
/// bits of its weight in the low 32.
type Packed = u64;

fn pack(feature: u32, weight: f32) -> Packed {
    (u64::from(feature) << 32) | u64::from(weight.to_bits())
}

/// One row of a [`Matrix`]: dense feature indices ascending (the order of the feature ids),
/// with weights.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Row<'m>(&'m [Packed]);

impl<'m> Row<'m> {
    /// Number of features.
    pub fn len(self) -> usize {
        self.0.len()
    }

    /// Reads one word per 64-byte line of the row and returns their xor: independent loads that
    /// bring a row into cache ahead of its use (there is no prefetch without `unsafe`).
    pub(crate) fn touch(self) -> u64 {
        self.0.iter().step_by(8).fold(0, |a, &x| a ^ x)
    }

    /// `(dense index, weight)` of every feature, by index.
    pub fn iter(self) -> impl Iterator<Item = (u32, f32)> + 'm {
        self.0
            .iter()
            .map(|&x| ((x >> 32) as u32, f32::from_bits(x as u32)))
    }

    /// Weight of the feature of dense index `f`, 0 if absent.
    pub fn get(self, f: u32) -> f32 {
        self.0
            .binary_search_by_key(&f, |&x| (x >> 32) as u32)
            .map_or(0.0, |i| f32::from_bits(self.0[i] as u32))
    }

    /// Cosine similarity, as [`SparseVec::cosine`]: the products of the shared features added
    /// in ascending feature order.
    pub fn cosine(self, other: Row<'_>) -> f32 {
        let (a, b) = (self.0, other.0);
        let (mut i, mut j) = (0, 0);
        let mut dot = 0.0f32;
        while i < a.len() && j < b.len() {
            let (x, y) = ((a[i] >> 32) as u32, (b[j] >> 32) as u32);
            if x == y {
                dot += f32::from_bits(a[i] as u32) * f32::from_bits(b[j] as u32);
            }
            i += usize::from(x <= y);
            j += usize::from(y <= x);
        }
        dot.min(1.0)
    }
}

/// The TF-IDF rows of all documents in one array, in a chosen storage order (the candidate
/// search's date order, so that the rows it compares, of documents published close together,
/// lie close together in memory), 8 bytes per feature: a dense 4-byte feature index instead of
/// the 8-byte id, and the weight.
#[derive(Debug, Clone)]
pub(crate) struct Matrix {
    data: Vec<Packed>,
    /// `start[p]..start[p + 1]` is the row stored at position `p`.
    start: Vec<usize>,
    /// Storage position of each document.
    pos_of: Vec<u32>,
    /// Feature id of each dense index, ascending.
    vocab: Vec<u64>,
}

impl Matrix {
    /// The row stored at position `p`.
    pub fn at(&self, p: usize) -> Row<'_> {
        Row(&self.data[self.start[p]..self.start[p + 1]])
    }

    /// The row of document `d`.
    pub fn row(&self, d: usize) -> Row<'_> {
        self.at(self.pos_of[d] as usize)
    }

    /// Number of features (dense indices are below it).
    pub fn features(&self) -> usize {
        self.vocab.len()
    }

    /// The dense index of a feature id, if it occurs in two or more documents.
    pub fn index_of(&self, id: u64) -> Option<u32> {
        self.vocab.binary_search(&id).ok().map(|i| i as u32)
    }
}

/// TF-IDF vectors of a set of documents.
#[derive(Debug, Clone)]
pub(crate) struct Vectors {
    pub matrix: Matrix,
    /// Day of the year of each document's first month-and-day date in its text, if any.
    pub text_dates: Vec<Option<u16>>,
}

impl Vectors {
    /// Builds the vectors in parallel, the row of document `order[p]` stored at position `p`
    /// (`order` is a permutation of the documents); the result does not depend on the thread
    /// count.
    #[cfg(test)]
    pub fn build(docs: &[&Document], weights: &Weights, order: &[u32]) -> Vectors {
        Vectors::build_timed(docs, weights, order, &mut Timings::off())
    }

    /// [`Vectors::build`], recording in `timings` the term pass ("features"), the document
    /// frequencies ("feature df") and the TF-IDF rows ("feature rows").
    pub fn build_timed(
        docs: &[&Document],
        weights: &Weights,
        order: &[u32],
        timings: &mut Timings,
    ) -> Vectors {
        assert_eq!(order.len(), docs.len(), "one position per document");
        let t = timings.start();
        let n = docs.len();
        // The term weights of all documents one after the other, in storage order, computed a
        // block of documents at a time: the per-document vectors of a block are freed before
        // the next, so the allocator reuses their memory, and the rows are then normalized and
        // packed in place (the peak is 12 bytes per feature, not that plus the packed array).
        let mut ids: Vec<u64> = Vec::new();
        let mut tfs: Vec<f32> = Vec::new();
        let mut start: Vec<usize> = Vec::with_capacity(n + 1);
        start.push(0);
        let mut text_dates: Vec<Option<u16>> = vec![None; n];
        for block in order.chunks(1 << 14) {
            let rows: Vec<(SparseVec, Option<u16>)> = block
                .par_iter()
                .map(|&d| term_weights(docs[d as usize], weights))
                .collect();
            for (&d, (row, date)) in block.iter().zip(rows) {
                text_dates[d as usize] = date;
                ids.extend_from_slice(&row.ids);
                tfs.extend_from_slice(&row.weights);
                start.push(ids.len());
            }
        }
        timings.record("features", t);
        let t = timings.start();
        let df = DocFreq::build(&ids);
        timings.record("feature df", t);
        let t = timings.start();
        assert!(df.ids.len() < u32::MAX as usize, "too many features");
        let docs_f = n as f32;
        let idf_of = |df: u32| ((1.0 + docs_f) / (1.0 + df as f32)).ln() + 1.0;
        // The IDF of each dense index, computed once rather than once per feature and document.
        let idf_single = idf_of(1);
        let idf: Vec<f32> = df.counts.par_iter().map(|&c| idf_of(c)).collect();
        let mut rows: Vec<(&mut [u64], &mut [f32])> = Vec::with_capacity(n);
        {
            let (mut id_rest, mut tf_rest) = (ids.as_mut_slice(), tfs.as_mut_slice());
            for p in 0..n {
                let len = start[p + 1] - start[p];
                let (id_row, id_tail) = std::mem::take(&mut id_rest).split_at_mut(len);
                let (tf_row, tf_tail) = std::mem::take(&mut tf_rest).split_at_mut(len);
                rows.push((id_row, tf_row));
                id_rest = id_tail;
                tf_rest = tf_tail;
            }
        }
        // Each row's kept features, packed, move to the front of its place.
        let kept: Vec<usize> = rows
            .into_par_iter()
            .map(|(ids, weights)| {
                let mut norm = 0.0f32;
                let mut shared = 0;
                for i in 0..ids.len() {
                    let index = df.index(ids[i]);
                    let w = weights[i] * index.map_or(idf_single, |x| idf[x as usize]);
                    norm += w * w;
                    // A feature of this document alone adds nothing to any dot product with
                    // another document: it counts in the norm, and is then dropped (less
                    // memory, and no place taken among the strongest features of the
                    // candidate search).
                    if let Some(index) = index {
                        ids[shared] = u64::from(index);
                        weights[shared] = w;
                        shared += 1;
                    }
                }
                let norm = norm.sqrt();
                for (x, &w) in ids[..shared].iter_mut().zip(&weights[..shared]) {
                    let w = if norm > 0.0 { w / norm } else { w };
                    *x = pack(*x as u32, w);
                }
                shared
            })
            .collect();
        drop(tfs);
        let mut to = 0;
        for p in 0..n {
            let from = start[p];
            ids.copy_within(from..from + kept[p], to);
            start[p] = to;
            to += kept[p];
        }
        start[n] = to;
        ids.truncate(to);
        ids.shrink_to_fit();
        let data = ids;
        let mut pos_of = vec![0u32; order.len()];
        for (p, &d) in order.iter().enumerate() {
            pos_of[d as usize] = p as u32;
        }
        timings.record("feature rows", t);
        Vectors {
            matrix: Matrix {
                data,
                start,
                pos_of,
                vocab: df.ids,
            },
            text_dates,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn doc_freq_directory_and_counts(
            ids in proptest::collection::vec(proptest::num::u64::ANY, 0..400),
            repeated in 0usize..400,
        ) {
            // Some features in two or three documents, the rest in one.
            let mut all = ids.clone();
            all.extend_from_slice(&ids[..repeated.min(ids.len())]);
            all.extend_from_slice(&ids[..repeated.min(ids.len()) / 3]);
            let df = DocFreq::build(&all);
            for (b, &slot) in df.dir.iter().enumerate() {
                let want = df.ids.partition_point(|&id| ((id >> df.shift) as usize) < b);
                proptest::prop_assert_eq!(slot as usize, want);
            }
            let mut counts = std::collections::BTreeMap::new();
            for &id in &all {
                *counts.entry(id).or_insert(0u32) += 1;
            }
            for (&id, &count) in &counts {
                let index = df.index(id);
                let got = index.map_or(1, |x| df.counts[x as usize]);
                proptest::prop_assert_eq!(got, count);
                proptest::prop_assert_eq!(index.is_some(), count > 1);
            }
        }
    }

    #[test]
    fn sublinear_table_is_the_logarithm_to_the_bit() {
        // Whole frequencies in and past the table, title multiples, fractions.
        let mut tfs: Vec<f32> = (0..200).map(|k| k as f32).collect();
        tfs.extend((0..200).map(|k| k as f32 * 0.5 + 0.25));
        tfs.extend([1.5, 2.0 * 3.0 + 1.0, 63.0, 64.0, 65.0, 1e9, 0.1, -0.0]);
        for tf in tfs {
            assert_eq!(
                sublinear_tf(tf).to_bits(),
                sublinear_plain(tf).to_bits(),
                "{tf}"
            );
        }
        // The table is used: a whole frequency in range reads it.
        assert_eq!(sublinear_tf(1.0), 1.0);
        assert_eq!(sublinear_tf(3.0), 1.0 + 3f32.ln());
    }

    fn texts(doc: &Document) -> Vec<String> {
        readable_features(doc, 2.0)
            .into_iter()
            .map(|(f, _)| f.to_string())
            .collect()
    }

    #[test]
    fn stop_words_months_and_short_words() {
        for &w in STOP_WORDS {
            assert!(is_stop_word(w), "{w}");
        }
        for w in [
            "", "putin", "saidx", "x", "sai", "ukraine", "the1", "é", "Said", "nation",
        ] {
            assert!(!is_stop_word(w), "{w}");
        }
        for &(m, n) in MONTHS {
            assert_eq!(month(m), Some(n));
        }
        assert_eq!(month("ma"), None);
        assert_eq!(month("septembers"), None);
        for (w, short) in [
            ("", true),
            ("a", true),
            ("é", true),
            ("ab", false),
            ("éé", false),
        ] {
            assert_eq!(shorter_than_two_chars(w), short, "{w}");
            assert_eq!(w.chars().count() < 2, short, "{w}");
        }
    }

    proptest::proptest! {
        #[test]
        fn word_classes_are_the_lists(
            word in "[a-z]{0,3}|[a-z]{0,10}|[A-Za-z']{1,16}|sept?|may|ma[a-z]?|[\\w]{1,4}",
            pick in 0usize..1000,
            mutate in proptest::bool::ANY,
        ) {
            // Words from the lists, slightly changed or not, and arbitrary ones.
            let mut listed = STOP_WORDS[pick % STOP_WORDS.len()].to_string();
            if pick % 3 == 0 {
                listed = MONTHS[pick % MONTHS.len()].0.to_string();
            }
            if mutate {
                listed.push('s');
            }
            for w in [word.as_str(), listed.as_str()] {
                let stop = STOP_WORDS.contains(&w);
                let m = MONTHS.iter().find(|(x, _)| *x == w).map(|&(_, n)| n);
                proptest::prop_assert_eq!(is_stop_word(w), stop, "{}", w);
                proptest::prop_assert_eq!(month(w), m, "{}", w);
            }
        }
    }

    #[test]
    fn entities_numbers_dates_and_folding() {
        let doc = Document::new(
            "a",
            "Kremlin spokesman Dmitry Peskov said on Jan. 6 that 50,000 troops and Russia’s \
             countries. Following the talks, Peskov left.",
        );
        let f = texts(&doc);
        for want in [
            "@peskov", "@dmitr", "@russia", "#50000", "#6", "date:1-6", "troop", "russia",
            "peskov", "countr", "kremlin",
        ] {
            assert!(f.contains(&want.to_string()), "{want} missing from {f:?}");
        }
        assert!(!f.contains(&"@following".to_string()));
        assert!(!f.contains(&"@jan".to_string()));
        assert!(!f.contains(&"said".to_string()));
        assert!(texts(&Document::new("b", "on 6 January")).contains(&"date:1-6".to_string()));
        assert!(!texts(&Document::new("b", "it may 6")).contains(&"date:5-6".to_string()));
    }

    #[test]
    fn vectors_are_at_most_unit_length_and_cosine_is_symmetric() {
        let docs = [
            Document::new("a", "Putin spoke in Vladivostok about 26 countries."),
            Document::new("b", "In Vladivostok, Putin warned the 26 countries."),
            Document::new("c", "An earthquake struck Peru."),
        ];
        let refs: Vec<&Document> = docs.iter().collect();
        let w = Weights {
            title: 2.0,
            entity: 1.5,
            number: 1.5,
            date: 2.0,
        };
        let v = Vectors::build(&refs, &w, &[2, 0, 1]);
        let m = &v.matrix;
        for d in 0..3 {
            let n: f32 = m.row(d).iter().map(|(_, w)| w * w).sum();
            // Features of one document only are dropped after normalizing.
            assert!(n <= 1.0 + 1e-4, "{n}");
        }
        let ab = m.row(0).cosine(m.row(1));
        assert!((ab - m.row(1).cosine(m.row(0))).abs() < 1e-6);
        assert!(ab > 0.5, "{ab}");
        assert!(m.row(0).cosine(m.row(2)) < 0.01);
        // "earthquake", "struck" and "peru" occur in no other document.
        assert_eq!(m.row(2).len(), 0);
        assert_eq!(m.at(0).len(), 0);
        let putin = m.index_of(
            Feature {
                kind: FeatureKind::Word,
                text: "putin".into(),
            }
            .id(),
        );
        assert!(m.row(0).get(putin.expect("shared")) > 0.0);
    }
}
