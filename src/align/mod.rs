//! Alignment: which claims in different documents are about the same thing.
//!
//! The input is a flat list of [`AlignClaim`]s, each already placed in its document, its
//! near-duplicate group (copies are one source), its event and its story. [`align`] pairs claims
//! of the same kind from different documents, first inside each event, then across the events of
//! a story, and records why each [`Pair`] was made:
//!
//! - **quantities** need the same counted-noun class ([`NounLexicon`]: soldiers ~ troops ~
//!   servicemen ~ forces ~ personnel) and the same unit; shared sentence context, entities, event
//!   verb and speaker raise the score. A quantity with neither noun nor unit is aligned only
//!   with another such figure with the same words around it in a similar sentence ("the number
//!   of injured stood at 67"), so a stray number cannot be compared with a count.
//! - **dates** need the same event verb (signed, met, announced, ...) or a similar sentence, and
//!   at least one shared entity.
//! - **quotes** need the same speaker (fuzzy surname match) and shared content words, or, for
//!   any speakers, nearly the same words (so a misattributed quote is found). Quotes are aligned
//!   inside their event only.
//!
//! Matching is greedy by score, one-to-one per pair of documents: a claim in document A is paired
//! with at most one claim in document B. Event-level pairs are made first; a claim that found a
//! counterpart inside its own event is not aligned across events (story level is for claims
//! that have nothing to be compared with in their event: an event covered by one outlet, or a
//! figure only one report of the event gives).
//! Everything is sorted; the result does not depend on input order.
//!
//! ```
//! use crosscheck::align::{align, AlignClaim, AlignConfig, Payload, Quantity, Qualifier};
//! use crosscheck::Span;
//!
//! let q = |doc, group, value: f64, q, noun: &str, text: &str| AlignClaim::new(
//!     doc, group, 0, 0, Span::new(0, text.len()), Span::new(0, text.len()), text,
//!     Payload::Quantity(Quantity::new(Some(value), q, None, Some(noun))),
//! );
//! let claims = [
//!     q(0, 0, 50_000.0, Qualifier::Approx, "soldiers", "around 50,000 soldiers"),
//!     q(1, 1, 30_000.0, Qualifier::Lt, "European servicemen", "fewer than 30,000 European servicemen"),
//!     q(1, 1, 26.0, Qualifier::Exact, "countries", "26 countries"),
//! ];
//! let pairs = align(&claims, &AlignConfig::default());
//! assert_eq!(pairs.len(), 1);
//! assert_eq!((pairs[0].a, pairs[0].b), (0, 1));
//! assert!(pairs[0].reasons[0].contains("military personnel"));
//! ```

pub mod context;
mod lexicon;
mod words;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::corpus::{Date, Span};

pub use lexicon::{BUILTIN_CLASSES, NounLexicon};
pub use words::Words;

/// The kind of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// A number with its counted noun or unit.
    Quantity,
    /// A date or day range.
    Date,
    /// A quotation with its speaker.
    Quote,
}

impl ClaimKind {
    /// The lower-case name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Quantity => "quantity",
            ClaimKind::Date => "date",
            ClaimKind::Quote => "quote",
        }
    }
}

pub use crate::claim::quantity::Qualifier;

/// A quantity payload (issue 4).
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The number as stated; `None` for a vague magnitude or a range.
    pub value: Option<f64>,
    /// Lower end of the interval the claim commits to, if bounded below.
    pub low: Option<f64>,
    /// Upper end, if bounded above.
    pub high: Option<f64>,
    /// How the number is qualified.
    pub qualifier: Qualifier,
    /// Unit ("%", "USD", "km"), if any.
    pub unit: Option<String>,
    /// Head of the counted noun phrase ("servicemen"), if any.
    pub noun: Option<String>,
}

impl Quantity {
    /// A quantity from a value and qualifier, without explicit bounds (they are derived when
    /// compared).
    pub fn new(
        value: Option<f64>,
        qualifier: Qualifier,
        unit: Option<&str>,
        noun: Option<&str>,
    ) -> Quantity {
        Quantity {
            value,
            low: None,
            high: None,
            qualifier,
            unit: unit.map(str::to_string),
            noun: noun.map(str::to_string),
        }
    }

    /// Sets explicit bounds.
    pub fn with_bounds(mut self, low: Option<f64>, high: Option<f64>) -> Quantity {
        self.low = low;
        self.high = high;
        self
    }
}

/// A date payload: an inclusive day range (issue 4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRange {
    /// First day, when resolved.
    pub start: Option<Date>,
    /// Last day (inclusive), when resolved.
    pub end: Option<Date>,
    /// day, week, month, season, year, decade.
    pub granularity: String,
    /// True when stated relative to publication ("on Friday").
    pub relative: bool,
    /// The weekday the date states ("on Friday", "Tuesday, Feb. 21"), if any.
    pub weekday: Option<jiff::civil::Weekday>,
    /// True when the date states a weekday and no day, month or year ("on Sunday"): which day
    /// it is depends on the week the reader assumes.
    pub bare_weekday: bool,
}

/// A quote payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The speaker, when attributed.
    pub speaker: Option<String>,
    /// The quoted words.
    pub text: String,
    /// The content words of `text` ([`context::content_words`]), computed once here rather than
    /// for every candidate pair the quote is scored against.
    pub words: Vec<String>,
}

impl Quote {
    /// A quote payload; its content words are derived from `text`.
    pub fn new(speaker: Option<String>, text: impl Into<String>) -> Quote {
        let text = text.into();
        let words = context::content_words(&text);
        Quote {
            speaker,
            text,
            words,
        }
    }
}

/// What a claim states.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// A number.
    Quantity(Quantity),
    /// A date.
    Date(DateRange),
    /// A quotation.
    Quote(Quote),
}

/// One claim as the alignment sees it: where it is, which source, event and story it belongs to,
/// what it states, and its sentence context.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignClaim {
    /// Dense document index.
    pub doc: u32,
    /// Near-duplicate group: copies share it and count as one source.
    pub source_group: u32,
    /// Event cluster.
    pub event: u32,
    /// Story cluster.
    pub story: u32,
    /// The claim's bytes in the document text.
    pub span: Span,
    /// The sentence around it.
    pub sentence: Span,
    /// The claim as written.
    pub text: String,
    /// What it states.
    pub payload: Payload,
    /// Content words of the sentence (sorted, deduplicated, normalized).
    pub content_words: Words,
    /// Entities of the sentence (sorted, deduplicated, normalized).
    pub entities: Words,
    /// Attributed speaker or source ("the Telegraph newspaper"), if known.
    pub speaker: Option<String>,
    /// Event verb, base form ("sign"), if known.
    pub verb: Option<String>,
    /// Content words right around the claim (a few words before and after, normalized, sorted):
    /// tells apart two figures of one sentence ("revenue of $21.8 billion", "profit fell to $280
    /// million"). Filled by [`AlignClaim::with_local_context`].
    pub local_words: Words,
}

impl AlignClaim {
    /// A claim without context; see [`AlignClaim::with_sentence_text`] to fill it.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        doc: u32,
        source_group: u32,
        event: u32,
        story: u32,
        span: Span,
        sentence: Span,
        text: impl Into<String>,
        payload: Payload,
    ) -> AlignClaim {
        let speaker = match &payload {
            Payload::Quote(q) => q.speaker.clone(),
            _ => None,
        };
        AlignClaim {
            doc,
            source_group,
            event,
            story,
            span,
            sentence,
            text: text.into(),
            payload,
            content_words: Words::default(),
            entities: Words::default(),
            speaker,
            verb: None,
            local_words: Words::default(),
        }
    }

    /// Fills [`AlignClaim::local_words`] from the document text: the content words among the
    /// three tokens before the claim and the two after it, inside its sentence.
    pub fn with_local_context(mut self, doc_text: &str) -> AlignClaim {
        let sentence = doc_text
            .get(self.sentence.start..self.sentence.end)
            .unwrap_or("");
        let (start, end) = (
            self.span.start.saturating_sub(self.sentence.start),
            self.span.end.saturating_sub(self.sentence.start),
        );
        // Only a window around the claim is tokenized, cut at spaces (a token never spans a
        // space, so the tokens inside are those of the whole sentence); when it holds fewer than
        // three tokens before or two after, the whole sentence is.
        let bytes = sentence.as_bytes();
        let window = |lo: usize, hi: usize| {
            let mut ring: [String; 3] = Default::default();
            let mut n_before = 0usize;
            let mut after: Vec<String> = Vec::with_capacity(2);
            let mut tokenizer = crate::text::Tokenizer::default();
            let mut tokens = |from: usize, to: usize| {
                tokenizer.for_each(&sentence[from..to], |span, t| {
                    if span.end + from <= start {
                        let slot = &mut ring[n_before % 3];
                        slot.clear();
                        slot.push_str(t);
                        n_before += 1;
                    } else if span.start + from >= end && after.len() < 2 {
                        after.push(t.to_string());
                    }
                })
            };
            // The claim's own words are neither before nor after it: when spaces surround it,
            // the text before the first space from its start and the text after the last space
            // up to its end are tokenized apart (each cut at a space, so with the tokens of the
            // whole window), and the claim (a long quote, often) is skipped.
            let before_end = (start <= end && end <= hi)
                .then(|| bytes[start..hi].iter().position(|&b| b == b' '))
                .flatten()
                .map_or(hi, |p| start + p);
            let after_start = (before_end < end)
                .then(|| bytes[before_end + 1..end].iter().rposition(|&b| b == b' '))
                .flatten()
                .map(|p| before_end + 1 + p);
            match after_start {
                Some(after_start) if lo <= before_end => {
                    tokens(lo, before_end);
                    tokens(after_start, hi);
                }
                _ => tokens(lo, hi),
            }
            let k = n_before.min(3);
            let before: Vec<String> = (n_before - k..n_before)
                .map(|i| std::mem::take(&mut ring[i % 3]))
                .collect();
            (before, after)
        };
        // A small window first (most claims have three words within 24 bytes before them and
        // two within 16 after), a larger one, then the whole sentence.
        let (before, after) = if start <= end && end <= bytes.len() {
            let fits = |back: usize, ahead: usize| {
                let lo = start
                    .checked_sub(back)
                    .and_then(|x| bytes[..x.min(bytes.len())].iter().rposition(|&b| b == b' '))
                    .unwrap_or(0);
                let hi = (end + ahead < bytes.len())
                    .then(|| bytes[end + ahead..].iter().position(|&b| b == b' '))
                    .flatten()
                    .map_or(bytes.len(), |p| end + ahead + p);
                let (before, after) = window(lo, hi);
                let short = (before.len() < 3 && lo > 0) || (after.len() < 2 && hi < bytes.len());
                (!short).then_some((before, after))
            };
            fits(24, 16)
                .or_else(|| fits(64, 48))
                .unwrap_or_else(|| window(0, bytes.len()))
        } else {
            window(0, bytes.len())
        };
        let words: Vec<String> = before
            .into_iter()
            .chain(after)
            .filter(|w| !context::is_stop_word(w) && !w.chars().any(|c| c.is_ascii_digit()))
            .collect();
        self.local_words = Words::from(words);
        self
    }

    /// Fills missing context (content words, entities, event verb) from the sentence text.
    pub fn with_sentence_text(mut self, sentence: &str) -> AlignClaim {
        if self.content_words.is_empty() {
            self.content_words = Words::from(context::content_words(sentence));
        }
        if self.entities.is_empty() {
            self.entities = Words::from(context::entities(sentence));
        }
        if self.verb.is_none() {
            self.verb = context::event_verb(sentence);
        }
        self
    }

    /// The kind.
    pub fn kind(&self) -> ClaimKind {
        match self.payload {
            Payload::Quantity(_) => ClaimKind::Quantity,
            Payload::Date(_) => ClaimKind::Date,
            Payload::Quote(_) => ClaimKind::Quote,
        }
    }
}

/// Whether a pair was made inside one event or across events of a story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Both claims are in the same event.
    Event,
    /// Different events of the same story.
    Story,
}

impl Level {
    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Event => "event",
            Level::Story => "story",
        }
    }
}

/// Two aligned claims and why they were paired.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// Index of the first claim (the smaller index).
    pub a: usize,
    /// Index of the second claim.
    pub b: usize,
    /// Alignment score in `[0, 1]`.
    pub score: f64,
    /// Event or story level.
    pub level: Level,
    /// Why: one short phrase per piece of evidence.
    pub reasons: Vec<String>,
}

/// Alignment settings.
#[derive(Debug, Clone)]
pub struct AlignConfig {
    /// Counted-noun classes. By default, [`NounLexicon::builtin`].
    pub lexicon: NounLexicon,
    /// Smallest score for a pair inside an event. By default, 0.5.
    pub event_threshold: f64,
    /// Smallest score for a pair across events of a story. By default, 0.5.
    pub story_threshold: f64,
    /// Largest block of same-kind claims in a story aligned across events; bigger blocks are
    /// aligned inside events only (bounds the quadratic pass). By default, 256.
    pub max_story_block: usize,
}

impl Default for AlignConfig {
    fn default() -> AlignConfig {
        AlignConfig {
            lexicon: NounLexicon::builtin(),
            event_threshold: 0.5,
            story_threshold: 0.5,
            max_story_block: 256,
        }
    }
}

/// What [`align`] derives once per claim rather than once per candidate pair.
struct Features {
    /// Noun class of a quantity ([`NounLexicon::class_of`]).
    class: Option<String>,
    /// Base form of the event verb.
    verb: Option<String>,
    /// Surname of the speaker ([`context::surname`]).
    surname: Option<String>,
    /// A quantity's counted noun, normalized ([`lexicon::normalize_phrase`]; empty without one).
    phrase: String,
    /// A quote's words as sorted xxh3 hashes (the claim's [`Words`] carry their own): the
    /// overlaps of every candidate pair compare integers, not strings.
    quote: Box<[u64]>,
}

fn hashed(words: &[String]) -> Box<[u64]> {
    let mut h: Vec<u64> = words
        .iter()
        .map(|w| xxhash_rust::xxh3::xxh3_64(w.as_bytes()))
        .collect();
    h.sort_unstable();
    h.dedup();
    h.into_boxed_slice()
}

/// The number of values two sorted, deduplicated lists share: [`context::shared_count`] on
/// integers, without branches on the comparison (which a merge of unrelated hashes
/// mispredicts half the time).
fn shared_hashes(a: &[u64], b: &[u64]) -> usize {
    let (mut a, mut b, mut n) = (a, b, 0);
    while let (Some(&x), Some(&y)) = (a.first(), b.first()) {
        n += usize::from(x == y);
        a = &a[usize::from(x <= y)..];
        b = &b[usize::from(y <= x)..];
    }
    n
}

impl Features {
    fn of(c: &AlignClaim, config: &AlignConfig) -> Features {
        Features {
            class: match &c.payload {
                Payload::Quantity(q) => q.noun.as_deref().and_then(|n| config.lexicon.class_of(n)),
                _ => None,
            },
            verb: c.verb.as_deref().map(context::verb_base),
            surname: c.speaker.as_deref().and_then(context::surname),
            phrase: match &c.payload {
                Payload::Quantity(q) => lexicon::normalize_phrase(q.noun.as_deref().unwrap_or("")),
                _ => String::new(),
            },
            quote: match &c.payload {
                Payload::Quote(q) => hashed(&q.words),
                _ => Box::default(),
            },
        }
    }

    fn same_speaker(&self, other: &Features) -> Option<bool> {
        match (&self.surname, &other.surname) {
            (Some(a), Some(b)) => Some(context::same_surname(a, b)),
            _ => None,
        }
    }
}

/// A scored candidate, before matching; reasons are written only for the pairs kept.
struct Candidate {
    a: usize,
    b: usize,
    score: f64,
    level: Level,
}

/// Aligns claims: pairs, sorted by `(a, b)`. See the module docs.
///
/// Blocks (story, kind, noun class and unit) are scored in parallel; the result does not depend
/// on the thread count.
pub fn align(claims: &[AlignClaim], config: &AlignConfig) -> Vec<Pair> {
    use rayon::prelude::*;
    let mut pairs = align_unexplained(claims, config);
    pairs
        .par_iter_mut()
        .for_each(|p| p.reasons = explain(claims, p, config));
    pairs
}

/// [`align`] without the reasons: every pair's `reasons` is empty. Writing the reasons is most of
/// the cost of a pair that is kept; a caller that shows them for a few pairs only gets them from
/// [`explain`].
///
/// ```
/// use crosscheck::align::{align, align_unexplained, explain, AlignClaim, AlignConfig, Payload, Quantity, Qualifier};
/// use crosscheck::Span;
///
/// let q = |doc, value: f64, text: &str| AlignClaim::new(
///     doc, doc, 0, 0, Span::new(0, text.len()), Span::new(0, text.len()), text,
///     Payload::Quantity(Quantity::new(Some(value), Qualifier::Exact, None, Some("soldiers"))),
/// );
/// let claims = [q(0, 50_000.0, "50,000 soldiers"), q(1, 30_000.0, "30,000 soldiers")];
/// let config = AlignConfig::default();
/// let mut pairs = align_unexplained(&claims, &config);
/// assert!(pairs[0].reasons.is_empty());
/// pairs[0].reasons = explain(&claims, &pairs[0], &config);
/// assert_eq!(pairs, align(&claims, &config));
/// ```
pub fn align_unexplained(claims: &[AlignClaim], config: &AlignConfig) -> Vec<Pair> {
    use rayon::prelude::*;

    let features: Vec<Features> = claims.par_iter().map(|c| Features::of(c, config)).collect();
    // Blocks: (story, kind, key) -> claim indices. Quotes are not keyed by speaker, so that a
    // misattributed quote can be found.
    let mut blocks: BTreeMap<(u32, ClaimKind, String), Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        let key = match &c.payload {
            Payload::Quantity(q) => {
                let unit = q.unit.as_deref().unwrap_or("").to_lowercase();
                match &features[i].class {
                    Some(class) => format!("{class}|{unit}"),
                    None if !unit.is_empty() => format!("|{unit}"),
                    // Neither noun nor unit ("attended by 114,100", "stood at 67"): aligned
                    // only with the same words around the figure, see `score_pair`.
                    None => "bare".to_string(),
                }
            }
            Payload::Date(_) => String::new(),
            // Quotes are compared inside their event only (every speaker, for QUOTE002).
            Payload::Quote(_) => format!("event {}", c.event),
        };
        blocks.entry((c.story, c.kind(), key)).or_default().push(i);
    }

    // Too big a block is not aligned across events: inside each event only.
    let mut work: Vec<Vec<usize>> = Vec::with_capacity(blocks.len());
    for (_, members) in blocks {
        if members.len() <= config.max_story_block {
            work.push(members);
        } else {
            let mut by_event: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
            for i in members {
                by_event.entry(claims[i].event).or_default().push(i);
            }
            work.extend(by_event.into_values());
        }
    }
    // Each block is matched on its own, in parallel: the matching state of a claim (the
    // documents it is paired with, whether it has a counterpart in its event) changes only
    // with pairs that contain it, and those are all in its block. So matching block by block,
    // each in the global order (event level first, then by score, then by indices), keeps the
    // same pairs as one greedy pass over all the candidates.
    let mut kept: Vec<Candidate> = work
        .par_iter()
        .flat_map_iter(|members| {
            match_block(
                claims,
                members,
                candidate_pairs(claims, members, &features, config),
            )
        })
        .collect();
    kept.par_sort_unstable_by_key(|p| (p.a, p.b));
    kept.into_iter()
        .map(|p| Pair {
            a: p.a,
            b: p.b,
            score: p.score,
            level: p.level,
            reasons: Vec::new(),
        })
        .collect()
}

/// Why the claims of a pair made by [`align_unexplained`] were aligned: the reasons [`align`]
/// gives the pair. The claims must still hold the sentence context they were aligned with.
pub fn explain(claims: &[AlignClaim], pair: &Pair, config: &AlignConfig) -> Vec<String> {
    let (a, b) = (&claims[pair.a], &claims[pair.b]);
    let (fa, fb) = (Features::of(a, config), Features::of(b, config));
    score_pair(a, b, &fa, &fb, true)
        .map(|(_, r)| r)
        .unwrap_or_default()
}

/// A hasher for u64 keys (the splitmix64 finalizer), for in-memory lookups only.
#[derive(Default)]
struct MixHasher(u64);

impl std::hash::Hasher for MixHasher {
    fn finish(&self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

/// Scores every pair of claims of one block from different documents that may align (see
/// [`partners`]); keeps those above the threshold of their level.
fn candidate_pairs(
    claims: &[AlignClaim],
    members: &[usize],
    features: &[Features],
    config: &AlignConfig,
) -> Vec<Candidate> {
    candidate_pairs_with(claims, members, features, config, true)
}

/// [`candidate_pairs`]; without `prune`, every pair of the block is scored (the plain path the
/// tests compare it with).
fn candidate_pairs_with(
    claims: &[AlignClaim],
    members: &[usize],
    features: &[Features],
    config: &AlignConfig,
    prune: bool,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut score = |i: usize, j: usize| {
        let (a, b) = (&claims[i], &claims[j]);
        if a.doc == b.doc {
            return;
        }
        let level = if a.event == b.event {
            Level::Event
        } else {
            Level::Story
        };
        let Some((score, _)) = score_pair(a, b, &features[i], &features[j], false) else {
            return;
        };
        let threshold = match level {
            Level::Event => config.event_threshold,
            Level::Story => config.story_threshold,
        };
        if score >= threshold {
            let (a, b) = if i < j { (i, j) } else { (j, i) };
            out.push(Candidate { a, b, score, level });
        }
    };
    // What a pair must share to be scored at all (`score_pair` rejects the others): one entity
    // for dates, three quote words for quotes. Quantities of one block always reach the
    // threshold, so every pair of them is scored.
    let keys = |i: usize| -> &[u64] {
        match &claims[i].payload {
            Payload::Date(_) => claims[i].entities.hashes(),
            Payload::Quote(_) => &features[i].quote,
            Payload::Quantity(_) => &[],
        }
    };
    let min_shared = match members.first().map(|&i| &claims[i].payload) {
        Some(Payload::Date(_)) => Some(1),
        Some(Payload::Quote(_)) => Some(3),
        _ => None,
    };
    match min_shared {
        Some(min) if prune => partners(members, keys, min, &mut score),
        _ => {
            for (x, &i) in members.iter().enumerate() {
                for &j in &members[x + 1..] {
                    score(i, j);
                }
            }
        }
    }
    out
}

/// Calls `f(members[x], members[y])` for each `x < y` whose sorted, deduplicated `keys` share at
/// least `min` values (`min >= 1`), in the order of `x`, then `y`: the pairs of a plain double
/// loop over `members` that share that many keys.
fn partners<'k>(
    members: &[usize],
    keys: impl Fn(usize) -> &'k [u64],
    min: u32,
    mut f: impl FnMut(usize, usize),
) {
    debug_assert!(min >= 1);
    // An inverted index: (key, position), sorted; a key's positions are a run, ascending.
    let mut index: Vec<(u64, u32)> = members
        .iter()
        .enumerate()
        .flat_map(|(x, &i)| keys(i).iter().map(move |&k| (k, x as u32)))
        .collect();
    index.sort_unstable();
    let mut shared = vec![0u32; members.len()];
    let mut touched: Vec<u32> = Vec::new();
    for (x, &i) in members.iter().enumerate() {
        for k in keys(i) {
            let lo = index.partition_point(|e| e.0 < *k);
            for &(key, y) in &index[lo..] {
                if key != *k {
                    break;
                }
                if y as usize > x {
                    if shared[y as usize] == 0 {
                        touched.push(y);
                    }
                    shared[y as usize] += 1;
                }
            }
        }
        touched.sort_unstable();
        for &y in &touched {
            if shared[y as usize] >= min {
                f(i, members[y as usize]);
            }
            shared[y as usize] = 0;
        }
        touched.clear();
    }
}

/// Greedy one-to-one matching of a block's candidates per pair of documents: event level
/// first, then by score, then by indices; a claim with a counterpart in its own event is not
/// matched across events. `members` are the block's claims, sorted.
fn match_block(
    claims: &[AlignClaim],
    members: &[usize],
    mut candidates: Vec<Candidate>,
) -> Vec<Candidate> {
    candidates.sort_unstable_by(|p, q| {
        p.level
            .cmp(&q.level)
            .then(q.score.total_cmp(&p.score))
            .then((p.a, p.b).cmp(&(q.a, q.b)))
    });
    // (claim, other document) pairs already matched, packed in a u64 (only looked up: the
    // hasher does not affect the result).
    let mut taken: std::collections::HashSet<u64, std::hash::BuildHasherDefault<MixHasher>> =
        std::collections::HashSet::default();
    let key = |claim: usize, doc: u32| ((claim as u64) << 32) | u64::from(doc);
    let slot = |claim: usize| {
        members
            .binary_search(&claim)
            .expect("a candidate's claims are in its block")
    };
    let mut in_event = vec![false; members.len()];
    let mut kept = Vec::new();
    for p in candidates {
        let (da, db) = (claims[p.a].doc, claims[p.b].doc);
        if taken.contains(&key(p.a, db)) || taken.contains(&key(p.b, da)) {
            continue;
        }
        let (sa, sb) = (slot(p.a), slot(p.b));
        match p.level {
            Level::Event => {
                in_event[sa] = true;
                in_event[sb] = true;
            }
            // A claim with a counterpart in its own event is compared there, not across events.
            Level::Story if in_event[sa] || in_event[sb] => continue,
            Level::Story => {}
        }
        taken.insert(key(p.a, db));
        taken.insert(key(p.b, da));
        kept.push(p);
    }
    kept
}

fn list(words: &[&str]) -> String {
    let mut s = words.iter().take(5).copied().collect::<Vec<_>>().join(", ");
    if words.len() > 5 {
        s.push_str(", ...");
    }
    s
}

/// Jaccard similarity of two hashed, sorted lists, and their number of shared values.
fn jaccard_hashed(ha: &[u64], hb: &[u64]) -> (f64, usize) {
    let n = shared_hashes(ha, hb);
    (jaccard_of(n, ha.len(), hb.len()), n)
}

/// Jaccard similarity of two sets of `la` and `lb` values that share `n`.
fn jaccard_of(n: usize, la: usize, lb: usize) -> f64 {
    let union = la + lb - n;
    if union == 0 {
        0.0
    } else {
        n as f64 / union as f64
    }
}

/// Jaccard similarity of two word lists (counted on their hashes), with the shared words when
/// `explain` is set (the empty list otherwise: no allocation).
fn overlap<'a>(a: &'a Words, b: &Words, explain: bool) -> (f64, usize, Vec<&'a str>) {
    let (score, n) = jaccard_hashed(a.hashes(), b.hashes());
    let shared = if explain && n > 0 {
        a.shared(b)
    } else {
        Vec::new()
    };
    (score, n, shared)
}

/// [`overlap`] of two quotes' word lists (sorted strings, with their hashes).
fn overlap_quote<'a>(
    a: &'a [String],
    b: &[String],
    ha: &[u64],
    hb: &[u64],
    explain: bool,
) -> (f64, usize, Vec<&'a str>) {
    let (score, n) = jaccard_hashed(ha, hb);
    let shared = if explain && n > 0 {
        context::jaccard(a, b).1
    } else {
        Vec::new()
    };
    (score, n, shared)
}

/// Scores a candidate pair of the same kind and block; `None` when it must not be paired.
/// With `explain`, also says why (one phrase per piece of evidence); without, the reasons are
/// empty and nothing is allocated for them.
fn score_pair(
    a: &AlignClaim,
    b: &AlignClaim,
    fa: &Features,
    fb: &Features,
    explain: bool,
) -> Option<(f64, Vec<String>)> {
    // The quantity tests that need no sentence overlap are made first: most candidate pairs of a
    // block fail one of them (below, in the same order), and then the overlaps are not counted.
    // The overlap of the words around the figures, `(jaccard, shared)`, is counted once here.
    // Whether both event verbs are known and the same (`None` when one is unknown).
    let verbs = match (&fa.verb, &fb.verb) {
        (Some(x), Some(y)) => Some(x == y),
        _ => None,
    };
    let local = if let (Payload::Quantity(qa), Payload::Quantity(qb)) = (&a.payload, &b.payload) {
        let bare = qa.unit.is_none() && qb.unit.is_none();
        let classes = fa.class.is_some() && fb.class.is_some();
        if classes {
            // "people" counts anything: known event verbs must be the same
            // (injured / arrested / marched / "said ... took part" are different counts).
            if fa.class.as_deref() == Some("people") && verbs == Some(false) {
                return None;
            }
        }
        let (ha, hb) = (a.local_words.hashes(), b.local_words.hashes());
        let n_local = shared_hashes(ha, hb);
        let lj = || jaccard_of(n_local, ha.len(), hb.len());
        // Without a noun class, the words around the figures must be shared: most of them when
        // the figure is bare, some when it has a unit (or neither has any words around it).
        let unrelated = || {
            if bare {
                n_local < 2 || lj() < 0.5
            } else {
                n_local == 0 && !(a.local_words.is_empty() && b.local_words.is_empty())
            }
        };
        if !classes && unrelated() {
            return None;
        }
        (lj(), n_local)
    } else {
        (0.0, 0)
    };
    let mut reasons = Vec::new();
    // Quotes are scored on their own words: the sentence overlaps are not computed for them.
    let quotes = matches!(a.payload, Payload::Quote(_));
    let no_overlap = || (0.0, 0, Vec::new());
    let (ent, n_ent, shared_ent) = if quotes {
        no_overlap()
    } else {
        overlap(&a.entities, &b.entities, explain)
    };
    // Dates need a shared entity (checked below too): no need to count the context words.
    if n_ent == 0 && matches!(a.payload, Payload::Date(_)) {
        return None;
    }
    let (ctx, n_ctx, shared_ctx) = if quotes {
        no_overlap()
    } else {
        overlap(&a.content_words, &b.content_words, explain)
    };
    let speakers = fa.same_speaker(fb);
    let mut score;
    match (&a.payload, &b.payload) {
        (Payload::Quantity(qa), Payload::Quantity(qb)) => {
            match (&fa.class, &fb.class) {
                (Some(class), Some(_)) => {
                    // The verbs of "people" were checked above.
                    score = 0.5;
                    let (na, nb) = (
                        qa.noun.as_deref().unwrap_or(""),
                        qb.noun.as_deref().unwrap_or(""),
                    );
                    let (pa, pb) = (&fa.phrase, &fb.phrase);
                    if pa == pb {
                        score += 0.1;
                        if explain {
                            reasons.push(format!("same counted noun `{pa}`"));
                        }
                    } else if explain {
                        reasons.push(format!("same noun class `{class}` ({na} ~ {nb})"));
                    }
                }
                _ if qa.unit.is_none() && qb.unit.is_none() => {
                    // A bare number: only the words around it say what it counts, so they must
                    // be the same words, in sentences about the same thing ("the number of
                    // injured stood at 67" / "... stood at 77"); a stray number is never
                    // compared with a count.
                    // The words around the figures were checked above.
                    if ctx < 0.5 {
                        return None;
                    }
                    score = 0.2;
                    if explain {
                        reasons
                            .push("no counted noun or unit: same words around the figure".into());
                    }
                }
                _ => {
                    // Unit only (money, percentages): the sentences must be about the same thing,
                    // and the words around the figures too ("revenue of", "profit fell").
                    // The words around the figures were checked above.
                    if ctx < 0.25 || n_ctx < 2 {
                        return None;
                    }
                    score = 0.3;
                    if explain {
                        reasons.push(format!("same unit `{}`", qa.unit.as_deref().unwrap_or("")));
                    }
                }
            }
            let (lj, n_local) = local;
            let shared_local = if explain && n_local > 0 {
                a.local_words.shared(&b.local_words)
            } else {
                Vec::new()
            };
            score += 0.25 * ctx + 0.15 * ent + 0.2 * lj;
            if !shared_local.is_empty() {
                reasons.push(format!(
                    "same words around the figure: {}",
                    list(&shared_local)
                ));
            }
            if verbs == Some(true) {
                score += 0.1;
                if explain {
                    reasons.push(format!(
                        "same event verb `{}`",
                        fa.verb.as_deref().unwrap_or("")
                    ));
                }
            }
        }
        (Payload::Date(_), Payload::Date(_)) => {
            let verb_same = verbs == Some(true);
            if !(verb_same || ctx >= 0.35) || n_ent == 0 {
                return None;
            }
            score = 0.25 + 0.35 * ctx + 0.3 * ent;
            if verb_same {
                score += 0.3;
                if explain {
                    reasons.push(format!(
                        "same event verb `{}`",
                        fa.verb.as_deref().unwrap_or("")
                    ));
                }
            }
        }
        (Payload::Quote(qa), Payload::Quote(qb)) => {
            let (wa, wb) = (&qa.words, &qb.words);
            let (_, n_shared, shared) = overlap_quote(wa, wb, &fa.quote, &fb.quote, explain);
            let dice = if wa.is_empty() || wb.is_empty() {
                0.0
            } else {
                2.0 * n_shared as f64 / (wa.len() + wb.len()) as f64
            };
            let ok = match speakers {
                Some(true) => dice >= 0.3 && n_shared >= 3,
                Some(false) => dice >= 0.6 && n_shared >= 4,
                None => dice >= 0.5 && n_shared >= 3,
            };
            if !ok {
                return None;
            }
            score = 0.6 * dice + if speakers == Some(true) { 0.4 } else { 0.2 };
            if explain {
                match speakers {
                    Some(true) => reasons.push(format!(
                        "same speaker ({} ~ {})",
                        a.speaker.as_deref().unwrap_or(""),
                        b.speaker.as_deref().unwrap_or("")
                    )),
                    Some(false) => reasons.push(format!(
                        "nearly the same words from different speakers ({} / {})",
                        a.speaker.as_deref().unwrap_or(""),
                        b.speaker.as_deref().unwrap_or("")
                    )),
                    None => reasons.push("speaker unknown in one document".to_string()),
                }
                reasons.push(format!(
                    "{:.0}% shared quote words: {}",
                    dice * 100.0,
                    list(&shared)
                ));
            }
            return Some((score.min(1.0), reasons));
        }
        _ => return None,
    }
    if !shared_ctx.is_empty() {
        reasons.push(format!("shared context: {}", list(&shared_ctx)));
    }
    if !shared_ent.is_empty() {
        reasons.push(format!("shared entities: {}", list(&shared_ent)));
    }
    if speakers == Some(true) {
        score += 0.1;
        if explain {
            reasons.push("same source".to_string());
        }
    }
    Some((score.clamp(0.0, 1.0), reasons))
}

#[cfg(test)]
mod tests;
